"""The reader: browse a corpus, read an article with its entities, quotes and figures.

The app holds settings and the services (corpus loading, analysis, the annotation store) and
lays out three panes: the article list, the reader, and the side panel. Slow work runs in
threads that report back by messages; one handler reports any worker error. A message can
arrive while the app closes, after its panes are gone: handlers of thread news go through
`while_open`, which drops it then.
"""

from __future__ import annotations

import contextlib
import gc
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from corpus.cache import AnalysisCache, default_cache_dir
from corpus.loader import Problem, iter_articles
from corpus.nlp import PipelineChoice, choose_pipeline
from corpus.text import counted, show_bidi, terminal_safe
from reader.analysis_service import (
    AnalysisFailed,
    AnalysisReady,
    AnalysisService,
    AnalysisStatus,
)
from reader.annotating import Annotating, status_for
from reader.commands import AssayCommands
from reader.config import Settings, save_settings
from reader.resume import Resuming
from reader.session import AnnotationSession
from reader.widgets.article_list import ArticleList, Row
from reader.widgets.article_view import ArticleView, Mark
from reader.widgets.bars import KeyBar, TitleBar
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from textual import events
    from textual.notifications import SeverityLevel
    from textual.timer import Timer
    from textual.widgets import Input

    from annotations.store import ArticleState
    from corpus.analysis import Analysis, Analyzer
    from corpus.article import Article

NARROW = 110  # columns below which the panes stack
_BATCH_SECONDS = 0.25  # how often rows join the list while the corpus loads, at first
_BATCH_SECONDS_MAX = 1.0  # and at the least often
_SETTLE = 0.05  # background work starts this long after the first paint


class ArticlesRead(Message):
    """Articles the loading thread has read (and, with the last, the annotator's states)."""

    def __init__(
        self,
        articles: list[Article],
        last: bool = False,
        states: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        super().__init__()
        self.articles = articles
        self.last = last
        self.states = states


Handler = TypeVar("Handler", bound=Callable[..., None])


def while_open(handler: Handler) -> Handler:
    """A handler of news from a thread that does nothing once the app's panes are gone: the
    thread's work is done (or on disk), and there is no screen left to show it on."""
    from textual.app import ScreenStackError
    from textual.css.query import NoMatches

    @wraps(handler)
    def guarded(self: AssayApp, *args: Any) -> None:
        if self.closing or not self.is_running:
            return
        try:
            handler(self, *args)
        except (NoMatches, ScreenStackError):
            if not self.closing:
                raise  # a real bug, not a late message

    return cast(Handler, guarded)


class AssayApp(Annotating, Resuming, App[None]):
    """`assay [PATH ...]`: the reader on a corpus, for one annotator in one workspace."""

    # Absolute, so that subclasses elsewhere (tests, the bench) find it too.
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    TITLE = "assay"
    COMMANDS = App.COMMANDS | {AssayCommands}
    # Textual sets the class on the screen as it is sized: no restyling pass of our own.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (NARROW, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("slash", "find", "Find", id="app.find"),
        Binding("right_square_bracket", "article(1)", "Next article", id="app.next_article"),
        Binding(
            "left_square_bracket",
            "article(-1)",
            "Prev article",
            show=False,
            id="app.previous_article",
        ),
        Binding("right_curly_bracket", "next_todo(1)", "Next to do", show=False,
                id="app.next_todo"),
        Binding("left_curly_bracket", "next_todo(-1)", "Previous to do", show=False,
                id="app.previous_todo"),
        Binding("1", "layer('entities')", "Entities", show=False, id="app.toggle_entities"),
        Binding("2", "layer('quotes')", "Quotes", show=False, id="app.toggle_quotes"),
        Binding("3", "layer('figures')", "Figures", show=False, id="app.toggle_figures"),
        Binding("z", "fold", "Fold chrome", id="app.fold_boilerplate"),
        Binding("p", "side_panel", "Panel", id="app.side_panel"),
        Binding("escape", "clear", "Clear", show=False, id="app.clear"),
        # The find and filter boxes: see on_event.
        Binding("enter", "leave_box(True)", show=False, priority=True, id="app.box_enter"),
        Binding("escape", "leave_box(False)", show=False, priority=True, id="app.box_escape"),
        Binding("u", "undo", "Undo", id="annotate.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="annotate.redo"),
        Binding("s", "done", "Done", id="annotate.done"),
        Binding("A", "accept_figures", "Accept all figures", show=False,
                id="annotate.accept_figures"),
    ]  # fmt: skip

    def __init__(
        self,
        paths: Sequence[str],
        workspace: Path,
        annotator: str,
        settings: Settings,
        *,
        settings_problem: str | None = None,
        model: str | None = None,
        cache_dir: Path | None = None,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.workspace = workspace
        self.annotator = annotator
        self.settings = settings
        self.settings_problem = settings_problem
        self.articles: dict[str, Article] = {}
        self.order: list[str] = []
        self.current: Article | None = None
        self.state: ArticleState | None = None  # the open article's annotations, as last read
        self.store_problems: list[str] = []  # annotation files that could not be read
        self.problems: list[Problem] = []
        self.loaded = False
        choice = choose_pipeline(model or settings.model or None)
        self._choice = choice
        self.pipeline_notice = choice.notice
        self.has_entities = choice.has_entities
        self.cache = AnalysisCache(cache_dir or default_cache_dir()) if use_cache else None
        self.service = AnalysisService(partial(_analyzer, choice, self.cache), self.post_message)
        self.analysis_status = ""
        self.news = ""
        self._news_timer: Timer | None = None
        self.closing = False
        self._analysis_started = False
        self._analysis_thread: threading.Thread | None = None
        self._reported: set[str] = set()
        self._title_warning = ""
        self._unsaved_noted = False
        self.session = AnnotationSession(workspace, annotator, settings.labels, self)
        corpus = ", ".join(self.paths) if self.paths else "built-in corpus"
        self.title = f"assay · {corpus}"
        self.sub_title = f"annotator {annotator}"

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield Static(id="list-header", markup=False)
                yield ArticleList(id="articles")
                yield Static(id="list-status", markup=False)
            with Vertical(id="reader-pane"):
                yield Static(id="reader-title", markup=False)
                yield ArticleView(id="reader")
                yield Static(id="reader-status", markup=False)
            yield SidePanel(id="side")
        yield KeyBar(id="key-bar")

    def run(self, *args: Any, **kwargs: Any) -> Any:
        # Everything imported so far lives as long as the process: moved out of the garbage
        # collector's sight, it is not traversed again by the full collection that the first
        # frame's allocations would otherwise set off (about 15 ms of the first paint).
        gc.freeze()
        return super().run(*args, **kwargs)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"There is no theme {self.settings.theme!r}; ctrl+p lists the themes.",
                        severity="warning", timeout=10, markup=False)  # fmt: skip
        self._bind_labels()
        self.query_one(ArticleList).opener = self._open_from_list
        self.query_one(ArticleView).token_source = self._tokens_of
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        # The breakpoint class now, not on the first Resize event: Textual lays the screen
        # out before it applies the class, and in a narrow terminal that first layout (and
        # the frame drawn from it) is thrown away.
        narrow = self.size.width < NARROW
        self.screen.set_class(narrow, "-narrow").set_class(not narrow, "-wide")
        view = self.query_one(ArticleView)
        layers = self.settings.layers
        view.show_entities, view.show_quotes = layers.entities, layers.quotes
        view.show_figures, view.fold_boilerplate = layers.figures, layers.fold_boilerplate
        self.call_after_refresh(self._open_store)  # after the first paint: not start-up work
        self._show_title()
        self.query_one("#side", SidePanel).show_analysis(None, None, "Open an article.")
        self.query_one("#reader-status", Static).update(legend(), layout=False)
        self.screen.set_focus(self.query_one(ArticleList))
        for note in (self.settings_problem, self.pipeline_notice):
            if note:
                self.notify(note, title="Note", severity="warning", timeout=8)
        # The first article is read here, so that the first paint already shows it; the
        # worker reads the rest (the same iterator, which only it uses from then on).
        articles = iter_articles(self.paths or None, self.problems.append, self.cache)
        first = next(articles, None)
        if first is not None:
            self._add_articles([first])
        # The rest just after the first paint, which the reading thread would slow down.
        self.set_timer(_SETTLE, partial(self.load_corpus, articles))

    def _bind_labels(self) -> None:
        """A key per label on the reader and the panel, from the settings; a key that is
        taken (by another label or by any of the reader's keys) is refused, and said."""
        from textual.keys import _character_to_key

        view = self.query_one(ArticleView)
        view.set_select_characters(self.settings.select_characters)
        taken = {"tab", "shift+tab", "ctrl+p", "ctrl+c"}
        for owner in (AssayApp, ArticleView, SidePanel, ArticleList):
            for binding in owner.BINDINGS:
                if isinstance(binding, Binding):
                    taken.update(k.strip() for k in binding.key.split(","))
        refused = []
        for label in self.settings.labels:
            key = self.settings.key_for(label)
            if not key:
                continue
            key = _character_to_key(key) if len(key) == 1 else key  # "!" is exclamation_mark
            if key in taken:
                refused.append(f"{label} ({key})")
                continue
            taken.add(key)
            for widget in (view, self.query_one("#side", SidePanel)):
                binding = Binding(key, f"app.tag({label!r})", label.capitalize(),
                                  id=f"annotate.tag_{label}")  # fmt: skip
                widget._bindings.key_to_bindings.setdefault(key, []).append(binding)
        if refused:
            self.notify(f"These labels' keys are taken by other keys: {', '.join(refused)}; "
                        "set [label_keys] in the settings (ctrl+p still tags with any label).",
                        severity="warning", timeout=10, markup=False)  # fmt: skip

    def _tokens_of(self, article: Article) -> list[tuple[int, int]] | None:
        """The pipeline tokenizer's tokens of `article`, which the analysis cached, so that
        selections end where exported tokens end."""
        if self.cache is None or not self.has_entities:
            return None
        from corpus.tokens import cached_tokens

        tokens = cached_tokens(self.cache, self._choice, article.text)
        return None if tokens is None else list(zip(tokens.starts, tokens.ends, strict=True))

    def analysis_running(self) -> bool:
        """True while the analysis thread is still at work (it does not stop mid-article)."""
        self.service.stop()
        return self._analysis_thread is not None and self._analysis_thread.is_alive()

    def _start_analysis(self) -> None:
        """Once the first article is on screen: the analysis code's imports and the model
        would otherwise compete with the first paint."""
        if not self._analysis_started:
            self._analysis_started = True
            # A daemon thread, not a worker: an article can take seconds to analyse, and
            # quitting must not wait for it (cache entries are written whole or not at all).
            self._analysis_thread = threading.Thread(
                target=self.service.run, name="analysis", daemon=True
            )
            self._analysis_thread.start()

    def _show_title(self, warning: str | None = None) -> None:
        if warning is not None:
            self._title_warning = warning
        detail = f"annotator {self.annotator}"
        for status in (self.analysis_status, self.news):
            if status:
                detail += f" · {status}"
        self.query_one(TitleBar).show(self.title, detail, self._title_warning)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self.closing = True  # from here on, news from threads finds no screen to go to
        self.service.stop()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self.closing = True
        self.service.stop()
        self._save_position_at_quit()  # on the store's thread, before it closes
        self.session.close()  # waits for queued saves

    # --- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False,
          description="Loading the corpus")  # fmt: skip
    def load_corpus(self, articles: Iterator[Article]) -> None:
        """Stream the rest of the corpus into the list, a batch at a time."""
        worker = get_current_worker()
        batch: list[Article] = []
        sent = time.monotonic()
        every = _BATCH_SECONDS
        for article in articles:
            if worker.is_cancelled:  # the app is closing: do not make it wait
                return
            batch.append(article)
            # By time, not count: a few large batches redraw the list a few times, and the
            # reading never waits for the UI (messages, not call_from_thread). Further apart
            # as the load goes on: each batch redraws the screen while this thread waits for
            # the interpreter's lock, and the rows past the first screenfuls are not seen.
            if time.monotonic() - sent >= every:
                self.post_message(ArticlesRead(batch))
                batch, sent = [], time.monotonic()
                every = min(every * 1.5, _BATCH_SECONDS_MAX)
        self.post_message(ArticlesRead(batch, last=True, states=self._annotation_states()))

    @on(ArticlesRead)
    @while_open
    def _articles_read(self, message: ArticlesRead) -> None:
        self._add_articles(message.articles, message.last)
        if message.states:
            # Counts and statuses after the rows: the annotator's own files, as they were
            # when the loader read them; rows set since by the store's thread are newer.
            states = {k: v for k, v in message.states.items() if not self.session.is_fresh(k)}
            self.query_one(ArticleList).update_rows(states)

    def _annotation_states(self) -> dict[str, tuple[int, str]]:
        """Annotation count and status of each article the annotator has touched."""
        from annotations.store import Store, StoreError

        found: dict[str, tuple[int, str]] = {}
        try:
            with Store.open(self.workspace, self.annotator, read_only=True) as store:
                for article_id in store.article_ids():
                    try:
                        state = store.article_state(article_id)
                    except Exception:  # reported when the article is opened
                        continue
                    found[article_id] = (len(state.annotations), state.status)
        except (StoreError, OSError):
            pass
        return found

    def _add_articles(self, batch: list[Article], last: bool = False) -> None:
        rows = []
        for article in batch:
            self.articles[article.id] = article
            self.order.append(article.id)
            date = article.meta.get("date", "")
            rows.append(
                Row(article.id, article.title, article.source, date, article.words, len(self.order))
            )
        articles = self.query_one(ArticleList)
        articles.add_rows(rows)
        self._articles_arrived(batch, last)  # indexes their text; opens the remembered one
        if last:
            self.loaded = True
            self._report_problems()
            self._follow_edits()  # once the store is open too
            if not self.articles:
                where = ", ".join(self.paths) or "the built-in corpus"
                self.notify(f"No articles could be read from {where}.", severity="error",
                            timeout=30, markup=False)  # fmt: skip
            elif self.settings.analyse_corpus and self.has_entities:
                self.service.queue_corpus(self.articles[i] for i in self.order)
        self._update_list_status()

    def _report_problems(self) -> None:
        """Skipped files are a problem: a notice, short, that points to the whole report.
        Notes on files that did load are routine: the title bar says how many."""
        skipped = [p for p in self.problems if p.skipped]
        notes = len(self.problems) - len(skipped)
        if notes:
            self.show_news(f"{counted(notes, 'note')} on loading the corpus (ctrl+p: "
                           f"loading report)")  # fmt: skip
        if not skipped:
            return
        shown = "\n".join(str(p) for p in skipped[:3])
        more = f"\n… and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        self.notify(f"{shown}{more}\nctrl+p → “Loading report” lists them all.",
                    title=counted(len(skipped), "file skipped", "files skipped"),
                    severity="warning", timeout=8)  # fmt: skip

    def action_loading_report(self) -> None:
        from reader.help import ReportScreen

        lines = [str(p) for p in self.problems if p.skipped]
        lines += [str(p) for p in self.problems if not p.skipped]
        lines += self.store_problems
        if not self.loaded:
            lines.append("(the corpus is still loading: more may follow)")
        self.push_screen(ReportScreen("Loading the corpus", lines))

    def show_news(self, news: str, seconds: float = 12) -> None:
        """Routine news in the title bar for a while, where it covers nothing (a notice would
        sit on the article)."""
        self.news = news
        self._show_title()
        if self._news_timer is not None:
            self._news_timer.stop()

        def clear() -> None:
            if self.news == news and not self.closing:
                self.news = ""
                self._show_title()

        self._news_timer = self.set_timer(seconds, clear)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice may quote a file name, a title or a field from outside: this one sink
        makes it safe to print and never reads it as markup."""
        super().notify(terminal_safe(message), title=terminal_safe(title), severity=severity,
                       timeout=timeout, markup=False)  # fmt: skip

    # --- opening articles ---------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        article = self.articles.get(article_id)
        if article is None:
            return
        self.current = article
        articles = self.query_one(ArticleList)
        articles.opened_id = article_id
        problem = articles.problem(article_id)
        if problem is not None:  # seen now: said once more where the eye is, then unmarked
            self.notify(problem, title="This article's annotation file", severity="warning",
                        timeout=12)  # fmt: skip
            articles.clear_problem(article_id)
        articles.refresh()
        view = self.query_one(ArticleView)
        cached = self.service.cached(article_id)
        view.show(article, cached)
        self.state = None
        self.session.load(article_id)
        if find := self._existing_box("find"):
            find.value = ""
        self._set_title(article)
        side = self.query_one("#side", SidePanel)
        if cached is not None:
            side.show_analysis(article, cached, self._entity_note())
            self.show_annotations()
        else:
            side.show_analysis(None, None, "Analysing…")
            self.service.request(article)
        if not self._analysis_started:
            self.set_timer(_SETTLE, self._start_analysis)

    def _set_title(self, article: Article) -> None:
        bits = [article.meta.get("site", ""), article.meta.get("date", "")[:10], article.source,
                f"{article.words:,} words"]  # fmt: skip
        self.query_one("#reader-title", Static).update(
            Content.assemble((article.title, "bold"), "\n", " · ".join(b for b in bits if b)),
            layout=False,
        )

    def _entity_note(self) -> str:
        return "" if self.has_entities else "entities are off: no spaCy pipeline"

    @on(AnalysisReady)
    @while_open
    def _analysis_arrived(self, message: AnalysisReady) -> None:
        self._analysis_ready(message.article, message.analysis)

    @on(AnalysisFailed)
    @while_open
    def _analysis_failed_message(self, message: AnalysisFailed) -> None:
        self._analysis_failed(message.article, message.error)

    @on(AnalysisStatus)
    @while_open
    def _analysis_status(self, message: AnalysisStatus) -> None:
        self._set_analysis_status(message.status)

    def _analysis_ready(self, article: Article, analysis: Analysis) -> None:
        if self.current is not None and article.id == self.current.id:
            self.query_one(ArticleView).set_analysis(analysis)
            side = self.query_one("#side", SidePanel)
            side.show_analysis(article, analysis, self._entity_note())
            self.show_annotations()  # the suggestions come from the analysis
        if self.analysis_status.startswith("Analysing"):
            # Whichever article it was about (the reader may have moved on): it is done.
            self._set_analysis_status("")

    def _analysis_failed(self, article: Article, error: BaseException) -> None:
        message = str(error)
        if self.current is not None and article.id == self.current.id:
            side = self.query_one("#side", SidePanel)
            side.show_analysis(article, None, f"No analysis: {message}")
            self._set_analysis_status("analysis failed (see the note)")
        if message not in self._reported:  # one note per distinct failure, not per article
            self._reported.add(message)
            self.notify(f"Analysis of {article.source} failed: {message}", severity="error",
                        timeout=15, markup=False)  # fmt: skip

    def _set_analysis_status(self, status: str) -> None:
        """Model loading and corpus progress, in the title bar (always on screen)."""
        self.analysis_status = status
        self._show_title()

    def _update_list_status(self) -> None:
        articles = self.query_one(ArticleList)
        width = articles.scrollable_content_region.width or self.size.width
        # Fixed-height lines: no layout pass for a new text (each one cost a relayout).
        self.query_one("#list-header", Static).update(articles.header(width), layout=False)
        status = articles.progress()
        if articles.only is not None:
            status = f"mentioning “{articles.only_label}” · {status}"
        if not self.loaded:
            status = f"loading… {status}"
        self.query_one("#list-status", Static).update(status, layout=False)

    # --- events from the panes ----------------------------------------------------------

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self._open_from_list(event.article_id)

    def _open_from_list(self, article_id: str) -> None:
        self.open_article(article_id)
        self.screen.set_focus(self.query_one(ArticleView))

    @on(ArticleList.Changed)
    @while_open
    def _list_changed(self) -> None:
        self._update_list_status()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        from textual.css.query import NoMatches

        try:
            status = self.query_one("#reader-status", Static)
        except NoMatches:  # the screen is going away (the app is closing)
            return
        view = event.view
        parts: list[Content] = []
        if view.selection is not None and self.current is not None:
            start, end = view.selection.bounds(view.words)
            words = len(self.current.text[start:end].split())
            what = f"editing {view.editing.label}" if view.editing else "selected"
            keys = "enter saves" if view.editing else "c f e tag · y copies"
            parts.append(Content.assemble((f"{what}: ", "bold"),
                                          f"{words} words · {keys} · escape cancels"))  # fmt: skip
        else:
            here = view.annotations_at(*view.at_cursor())
            if here:
                parts.append(status_for(here))
            suggested = view.suggestions_at(*view.at_cursor())
            if suggested and not here:
                parts.append(Content.assemble((f"? {suggested[0].label}", "italic"),
                                              " suggested: a accepts, x rejects"))  # fmt: skip
        if event.marks:
            parts.append(describe(event.marks))
        line = Content("  ·  ").join(parts) if parts else legend()
        status.update(line, layout=False)

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, event: SidePanel.EntityChosen) -> None:
        pattern = re.compile(rf"(?<!\w){re.escape(event.text)}(?!\w)")
        ids = {i for i, a in self.articles.items() if pattern.search(a.text)}
        articles = self.query_one(ArticleList)
        articles.set_only(ids, event.text)
        verb = "mentions" if len(ids) == 1 else "mention"
        self.notify(f"The list shows the {counted(len(ids), 'article')} that {verb} "
                    f"“{event.text}”; escape in the list shows all.", timeout=5,
                    markup=False)  # fmt: skip

    @on(SidePanel.SpanChosen)
    def _span_chosen(self, event: SidePanel.SpanChosen) -> None:
        view = self.query_one(ArticleView)
        view.move_to(event.start, (event.start, event.end))

    # The find and filter boxes are made on first use, so their handlers go by name.
    def on_input_changed(self, event: Input.Changed) -> None:
        self._apply_box(event.input)

    def _apply_box(self, box: Input) -> None:
        """Filter the list or find in the article by the box's text (once per text: enter
        applies it at once, and the box's own message about it comes later)."""
        if box.id == "list-filter":
            self.query_one(ArticleList).set_query(box.value)
        elif box.id == "find":
            view = self.query_one(ArticleView)
            if view.find_query == box.value and box.value:
                return
            found = view.find(box.value)
            box.border_subtitle = f"{found:,} found" if box.value else ""

    async def on_event(self, event: events.Event) -> None:
        """Keys are bound as they arrive, in order, when the focus is on one of our panes.

        Textual hands a key to the widget focused when the key arrives, and binds it when
        it comes back from that widget's queue: by then the keys after it have been handed
        to the same widget. A key that moves the focus (enter in the list, tab, `/`) would
        send the keys typed right after it to the old pane: `/` then "2 million tons" typed
        fast would run m, t, n and s in the reader. Bound here, each key acts on the focus
        the keys before it left. Boxes (Inputs) and dialogs take their keys as usual."""
        from textual import events as textual_events
        from textual.widgets import Input

        if (
            isinstance(event, textual_events.Key)
            and not event.is_forwarded
            and len(self.screen_stack) == 1
            and not isinstance(self.focused, Input)
        ):
            self.app_focus = True
            if await self._check_bindings(event.key, priority=True):
                return
            if await self._check_bindings(event.key):
                return
        await super().on_event(event)

    async def action_leave_box(self, keep: bool) -> None:
        """enter (keep) or escape in the find or filter box, taken as the key arrives: the
        box itself would see it only after the keys typed next, which it would swallow."""
        import asyncio

        from textual.actions import SkipAction
        from textual.widgets import Input

        box = self.focused
        if len(self.screen_stack) > 1 or not isinstance(box, Input):
            raise SkipAction
        if box.id not in ("find", "list-filter"):
            raise SkipAction
        if keep:
            # The characters typed before enter may still wait in the box's queue: let it
            # take them (it needs nothing from the app for that), then act on its value.
            taken = asyncio.Event()
            if box.call_later(taken.set):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(taken.wait(), timeout=1)
            self._apply_box(box)
            self._close_box(box)
            return
        box.display = False
        box.value = ""  # type: ignore[attr-defined]
        target = ArticleList if box.id == "list-filter" else ArticleView
        self.screen.set_focus(self.query_one(target))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._close_box(event.input)

    def _close_box(self, box: Input) -> None:
        box.display = False
        if box.id == "list-filter":
            self.screen.set_focus(self.query_one(ArticleList))
            return
        view = self.query_one(ArticleView)
        self.screen.set_focus(view)

        def check() -> None:  # once the box has taken the characters typed before enter
            if box.value and not view.matches:
                self.notify(f"“{box.value}” is not in this article.", timeout=3, markup=False)

        box.call_later(check)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors are reported."""
        if event.state == WorkerState.ERROR:
            self.notify(f"{event.worker.description or event.worker.name} failed: "
                        f"{event.worker.error}", severity="error", timeout=15,
                        markup=False)  # fmt: skip

    # --- actions ------------------------------------------------------------------------

    def open_from_palette(self, article_id: str) -> None:
        articles = self.query_one(ArticleList)
        articles.clear_filters()
        articles.move_to(article_id)
        self.open_article(article_id)
        self.screen.set_focus(self.query_one(ArticleView))

    def action_help(self) -> None:
        from reader.help import HelpScreen

        self.push_screen(HelpScreen(self))

    async def action_find(self) -> None:
        """`/` filters the list when the list has focus, else finds in the article."""
        if self.focused is not None and self.focused.id in ("articles", "list-filter"):
            box = await self._box(
                "list-filter", "filter by title or text; status:todo", ArticleList
            )
        else:
            box = await self._box("find", "find in the article", ArticleView)
        # Shown and focused at once, not on the next refresh: keys typed (or pasted) right
        # after "/" must land in the box.
        box.display = True
        self.screen.set_focus(box)

    def _existing_box(self, box_id: str) -> Input | None:
        found = self.query(f"#{box_id}")
        return found.first() if found else None  # type: ignore[return-value]

    async def _box(self, box_id: str, placeholder: str, below: type[Widget]) -> Input:
        """The find or filter box, made the first time it is asked for (the Input widget is
        not start-up work)."""
        from textual.widgets import Input

        box = self._existing_box(box_id)
        if box is None:
            box = Input(placeholder=placeholder, id=box_id)
            pane = self.query_one(below)
            if below is ArticleList:
                await pane.parent.mount(box, before=pane)  # type: ignore[union-attr]
            else:
                await pane.parent.mount(box)  # type: ignore[union-attr]
        return box

    def action_clear(self) -> None:
        """Escape: close a find or filter box, else clear the list's entity filter or the
        article's matches."""
        focused = self.focused
        view = self.query_one(ArticleView)
        if view.cancel_selection():
            return
        for box_id in ("list-filter", "find"):  # left open (escape in a box is leave_box)
            box = self._existing_box(box_id)
            if box is not None and box.display:
                box.display = False
                return
        articles = self.query_one(ArticleList)
        if isinstance(focused, ArticleList) and articles.filtered:
            articles.clear_filters()
            if box := self._existing_box("list-filter"):
                box.value = ""
            return
        if view.matches:
            view.clear_find()

    def action_article(self, step: int) -> None:
        articles = self.query_one(ArticleList)
        ids = articles.ids_in_view_order()
        if not ids:
            return
        here = ids.index(self.current.id) if self.current and self.current.id in ids else -1
        target = here + step
        if not 0 <= target < len(ids):
            self.notify("No more articles in the list that way.", timeout=2)
            return
        articles.move_to(ids[target])
        self.open_article(ids[target])

    def action_layer(self, name: str) -> None:
        view = self.query_one(ArticleView)
        attribute = f"show_{name}"
        value = not getattr(view, attribute)
        setattr(view, attribute, value)
        self._remember(**{name: value})
        self.notify(f"{name.capitalize()} {'shown' if value else 'hidden'}.", timeout=2)

    def action_fold(self) -> None:
        view = self.query_one(ArticleView)
        view.fold_boilerplate = not view.fold_boilerplate
        self._remember(fold_boilerplate=view.fold_boilerplate)
        state = "folded away" if view.fold_boilerplate else "shown, dimmed"
        self.notify(f"Site chrome {state}.", timeout=2)

    def action_side_panel(self) -> None:
        """Wide: hide or show the panel. Narrow: the panel takes the list's place, or gives
        it back."""
        screen = self.screen
        screen.toggle_class("-side" if screen.has_class("-narrow") else "-hide-side")
        side = self.query_one("#side", SidePanel)
        if side.display:
            side.focus()
        elif self.focused is None or self.focused is side:
            self.screen.set_focus(self.query_one(ArticleView))

    def _remember(self, **layers: bool) -> None:
        self.settings = self.settings.with_layers(**layers)
        self._save_settings()

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme:
            self.settings = replace(self.settings, theme=theme)
            self._save_settings()

    def _save_settings(self) -> None:
        if self.settings_problem is not None:
            # Never overwrite a settings file that could not be read whole: it would lose
            # what could not be read. Say so once, so the change is not thought saved.
            if not self._unsaved_noted:
                self._unsaved_noted = True
                self.notify(f"This change is not saved: {self.settings_problem}",
                            severity="warning", timeout=10, markup=False)  # fmt: skip
            return
        problem = save_settings(self.settings)
        if problem:
            self.settings_problem = problem
            self.notify(problem, severity="warning", timeout=8, markup=False)


def legend() -> Content:
    """What the highlights mean; each also differs by more than colour."""
    return Content.assemble(
        ("entity", "underline"),
        "  ",
        ("“quote”", "italic"),
        "  ",
        ("figure", "bold"),
        "  ",
        ("site chrome", "dim"),
        "  ",
        "▌ sentence   ",
        ("?", "bold"),
        " help",
    )


def describe(marks: Sequence[Mark]) -> Content:
    """The status line for the highlights under the cursor: who said a quote, what a figure
    counts, what an entity is."""
    from corpus.figures import says_more, written  # its rules compile slowly: not at start-up

    parts: list[Content | str | tuple[str, str]] = []
    for mark in marks:
        if parts:
            parts.append("  ·  ")
        if mark.kind == "quote" and isinstance(mark.data, dict):
            speaker = mark.data.get("speaker")
            cue = mark.data.get("cue")
            if speaker:
                parts += [("quote", "italic"), " by ", (str(speaker), "bold")]
                if cue:
                    parts.append(f" ({cue})")
            else:
                parts += [("quote", "italic"), ", speaker not found"]
        elif mark.kind == "figure" and isinstance(mark.data, dict):
            value, unit = mark.data.get("value"), mark.data.get("unit")
            parts += [
                (mark.data.get("label", "figure"), "bold"),
                " ",
                Content(show_bidi(mark.text)),
            ]
            normalised = written(value, unit)
            if normalised is not None and says_more(mark.text, value):
                parts.append(f" = {normalised}")
        else:
            parts += [(mark.label, "underline"), " ", Content(show_bidi(mark.text))]
    return Content.assemble(*parts)


def _analyzer(choice: PipelineChoice, cache: AnalysisCache | None) -> Analyzer:
    from corpus.analysis import Analyzer

    return Analyzer(choice, cache)
