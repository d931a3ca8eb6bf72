"""The reader app: settings, theme, the global keys, the corpus and the analysis service.

The app holds what outlives a screen; its default screen is the `ReaderScreen`
(reader/screen.py), which lays out the list, the reader and the panel and owns their
handlers and the annotator's `AnnotationSession`. Slow work runs in threads that report back
by messages; one handler reports every worker error. A message can arrive while the app
closes, after its panes are gone: handlers of thread news go through `while_open`.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from corpus.cache import AnalysisCache, default_cache_dir
from corpus.listing import ListedArticle, Listing, open_corpus
from corpus.loader import Problem
from corpus.nlp import PipelineChoice, choose_pipeline
from corpus.text import counted, terminal_safe
from reader.analysis_service import (
    AnalysisFailed,
    AnalysisReady,
    AnalysisService,
    AnalysisStatus,
)
from reader.commands import AssayCommands
from reader.config import Settings, save_settings
from reader.guidelines import GUIDELINES_BINDING, GuidelinesScreen
from reader.keys import bind_labels, run_binding
from reader.messages import while_open
from reader.screen import NARROW, ReaderScreen
from reader.widgets.article_list import Row
from reader.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from textual import events
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from corpus.analysis import Analyzer
    from corpus.article import Article
    from reader.terminal import AssayDriver

_BATCH_SECONDS = 0.25  # how often rows join the list while the corpus loads, at first
_BATCH_SECONDS_MAX = 1.0  # and at the least often
_SETTLE = 0.05  # background work starts this long after the first paint


@contextmanager
def _held_objects(large: bool) -> Iterator[None]:
    """The listing of a large corpus makes hundreds of thousands of objects that live as long
    as the app, and the collector's full collections would traverse them all again and again
    as they are made: 2.3 s of a 6 s start at 100,000 articles. Only the full collections
    wait while they are made; the young generations are still collected, so the garbage
    cycles of the screen's work meanwhile are freed as before. (Pausing the collector
    altogether left the reader 250-400 MB larger; freezing the objects, as `run` does with
    the imports, kept that garbage for good.) Only for a large corpus (`large`)."""
    if not large:
        yield
        return
    young, older, full = gc.get_threshold()
    gc.set_threshold(young, older, 2**30)
    try:
        yield
    finally:
        gc.set_threshold(young, older, full)


class ArticlesFinished(Message):
    """Articles read quickly, now read whole (`last`: every article of the corpus is whole)."""

    def __init__(self, articles: list[Article], last: bool = False) -> None:
        super().__init__()
        self.articles = articles
        self.last = last


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


class AssayApp(App[None]):
    """`assay [PATH ...]`: the reader on a corpus, for one annotator in one workspace."""

    # Absolute, so that subclasses elsewhere (tests, the bench) find it too.
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    TITLE = "assay"
    COMMANDS = App.COMMANDS | {AssayCommands}
    # Textual sets the class on the screen as it is sized: no restyling pass of our own.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 (App's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            priority=True,
            id="app.quit",
            tooltip="Quit, after the last saves are written",
        ),
        Binding(
            "question_mark,f1", "help", "Help", id="app.help", tooltip="Every key and what it does"
        ),
        GUIDELINES_BINDING,
        Binding(
            "slash",
            "find",
            "Find",
            id="app.find",
            tooltip="Filter the list (list focused), else find in the article",
        ),
        Binding(
            "right_square_bracket",
            "article(1)",
            "Next article",
            id="app.next_article",
            tooltip="Open the next article in the list",
        ),
        Binding(
            "left_square_bracket",
            "article(-1)",
            "Prev article",
            show=False,
            id="app.previous_article",
            tooltip="Open the previous article in the list",
        ),
        Binding(
            "right_curly_bracket",
            "next_todo(1)",
            "Next to do",
            show=False,
            id="app.next_todo",
            tooltip="Open the next article that is not done",
        ),
        Binding(
            "left_curly_bracket",
            "next_todo(-1)",
            "Previous to do",
            show=False,
            id="app.previous_todo",
            tooltip="Open the previous article that is not done",
        ),
        Binding(
            "1",
            "layer('entities')",
            "Entities",
            show=False,
            id="app.toggle_entities",
            tooltip="Show or hide entity highlights",
        ),
        Binding(
            "2",
            "layer('quotes')",
            "Quotes",
            show=False,
            id="app.toggle_quotes",
            tooltip="Show or hide quotes",
        ),
        Binding(
            "3",
            "layer('figures')",
            "Figures",
            show=False,
            id="app.toggle_figures",
            tooltip="Show or hide figures",
        ),
        Binding(
            "z",
            "fold",
            "Fold chrome",
            id="app.fold_boilerplate",
            tooltip="Fold or show navigation, appeals, related links",
        ),
        Binding(
            "p",
            "side_panel",
            "Panel",
            id="app.side_panel",
            tooltip="Entities, quotes and figures of the article",
        ),
        Binding(
            "escape",
            "clear",
            "Clear",
            show=False,
            id="app.clear",
            tooltip="Close find or filter; clear the list's filter; clear matches",
        ),
        # The find and filter boxes: see on_event and check_action.
        Binding(
            "enter",
            "leave_box(True)",
            show=False,
            priority=True,
            id="app.box_enter",
            tooltip="Close the find or filter box, keeping what it found",
        ),
        Binding(
            "escape",
            "leave_box(False)",
            show=False,
            priority=True,
            id="app.box_escape",
            tooltip="Close the find or filter box and empty it",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="annotate.undo",
            tooltip="Undo the last change, also one made before a restart",
        ),
        Binding(
            "ctrl+r",
            "redo",
            "Redo",
            show=False,
            id="annotate.redo",
            tooltip="Redo the last change undone",
        ),
        Binding(
            "s",
            "done",
            "Done",
            id="annotate.done",
            tooltip="Mark the open article done, or not done any more",
        ),
        Binding(
            "A",
            "accept_figures",
            "Accept all figures",
            show=False,
            id="annotate.accept_figures",
            tooltip="Accept every figure suggestion in the article, after a confirmation",
        ),
    ]

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
        self.problems: list[Problem] = []
        self.loaded = False  # every row is listed
        # Every article is whole (articles of a large corpus are listed from a quick read,
        # then read whole in the background: corpus/listing.py).
        self.finished = False
        self._listing: Listing | None = None
        choice = choose_pipeline(model or settings.model or None)
        self._choice = choice
        self.pipeline_notice = choice.notice
        self.has_entities = choice.has_entities
        self.cache = AnalysisCache(cache_dir or default_cache_dir()) if use_cache else None
        self.service = AnalysisService(partial(_analyzer, choice, self.cache), self.post_message)
        self.closing = False
        self._analysis_started = False
        self._analysis_thread: threading.Thread | None = None
        self._unsaved_noted = False
        self._reader: ReaderScreen | None = None
        # The terminal's driver, where it is assay's own (not in tests: they run headless),
        # and whether the standard error stream was set to UTF-8 against the locale.
        self.terminal: AssayDriver | None = None
        self.utf8_forced = False
        corpus = ", ".join(self.paths) if self.paths else "built-in corpus"
        self.title = f"assay · {corpus}"
        self.sub_title = f"annotator {annotator}"

    # --- the reader screen --------------------------------------------------------------

    def get_default_screen(self) -> ReaderScreen:
        self._reader = ReaderScreen(self)
        return self._reader

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen (under any dialog open on it)."""
        assert self._reader is not None, "the app has not started"
        return self._reader

    def run(self, *args: Any, **kwargs: Any) -> Any:
        # Everything imported so far lives as long as the process: moved out of the garbage
        # collector's sight, it is not traversed again by the full collection that the first
        # frame's allocations would otherwise set off (about 15 ms of the first paint).
        gc.freeze()
        return super().run(*args, **kwargs)

    # --- the terminal ---------------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # not on Windows, nor a driver set from outside
            from reader.terminal import AssayDriver

            return AssayDriver
        return driver

    def terminal_notice(self) -> str | None:
        """What to say of the terminal: once, when its locale was not UTF-8."""
        if self.terminal is not None and self.utf8_forced:
            return (
                "The terminal's locale is not UTF-8: assay writes UTF-8 all the same. If "
                "dashes or marks look wrong, set the terminal and LANG to UTF-8 "
                "(e.g. LANG=en_US.UTF-8)."
            )
        return None

    def post_display_hook(self) -> None:
        if self.terminal is not None:
            self.terminal.frame_written()

    def on_resize(self, _event: events.Resize) -> None:
        if self.terminal is not None:
            self.terminal.resized()

    def on_cursor_position(self, _event: events.CursorPosition) -> None:
        # The terminal's answer to the question a frame ends with (reader/terminal.py).
        if self.terminal is not None:
            self.terminal.answered()

    async def on_mount(self) -> None:
        # The reader screen composes in its own task: the app is ready (and draws its first
        # frame) once the panes are there and show the first article, as when it composed
        # them itself.
        await self.reader.mounted.wait()

    def reader_mounted(self) -> None:
        """The reader screen's panes exist: the settings that need them, then the corpus."""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                f"There is no theme {self.settings.theme!r}; ctrl+p lists the themes.",
                severity="warning",
                timeout=10,
            )
        self._bind_labels()
        self.reader.set_up()
        for note in (self.settings_problem, self.pipeline_notice, self.terminal_notice()):
            if note:
                self.notify(note, title="Note", severity="warning", timeout=8)
        # The first article is read here, so that the first paint already shows it; the
        # worker reads the rest (the same iterator, which only it uses from then on).
        articles = self.corpus()
        first = next(articles, None)
        if first is not None:
            self._add_articles([first])
        # The rest just after the first paint, which the reading thread would slow down.
        self.set_timer(_SETTLE, partial(self.load_corpus, articles))

    def corpus(self) -> Iterator[Article]:
        """The articles to list, streamed: the corpus of PATH (a review lists its own). A
        large corpus is listed without its texts (`ListedArticle`)."""
        self._listing = open_corpus(self.paths or None, self.problems.append, self.cache)
        return iter(self._listing)

    @property
    def texts_on_disk(self) -> bool:
        """True when the corpus is large enough to be listed without its texts: a text is
        read from its file when it is needed, so what reads them all runs in a thread."""
        return self._listing is not None and self._listing.large

    def whole(self, article: Article) -> Article | None:
        """`article` with its text, read whole: the one the app holds, read from its file now
        if it was listed without its text (its row takes the title and date found); None
        when its file no longer gives it."""
        held = self.articles.get(article.id, article)
        if not isinstance(held, ListedArticle):
            return held
        made = held.whole()
        if made is not None:
            self._replace([made])
        return made

    def _replace(self, articles: list[Article]) -> None:
        changed = {}
        for article in articles:
            if article.id in self.articles:
                self.articles[article.id] = article
                changed[article.id] = (article.title, article.meta.get("date", ""))
        if changed:
            self.reader.retitle(changed)

    def _bind_labels(self) -> None:
        """A key per label on the reader and the panel, from the settings, through the keymap
        (with the settings' other remaps); a key that is taken is refused, and said."""
        view = self.query_one(ArticleView)
        view.set_select_characters(self.settings.select_characters)
        view.set_tint_cursor(self.settings.tint_sentence)
        bind_labels(self, self.settings)

    def tokens_of(self, article: Article) -> list[tuple[int, int]] | None:
        """The pipeline tokenizer's tokens of `article`, which the analysis cached, so that
        selections end where exported tokens end."""
        if self.cache is None or not self.has_entities:
            return None
        from corpus.tokens import cached_tokens

        tokens = cached_tokens(self.cache, self._choice, article.text)
        return None if tokens is None else list(zip(tokens.starts, tokens.ends, strict=True))

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self.closing = True  # from here on, news from threads finds no screen to go to
        self.service.stop()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self.closing = True
        self.service.stop()

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
            if await run_binding(self, event.key):
                return
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The box keys (priority enter and escape) act only in a find or filter box:
        elsewhere the panes' own enter and escape are the keys' bindings, and the key bar
        shows them (a priority binding would hide them from `Screen.active_bindings`)."""
        if action != "leave_box":
            return True
        from textual.widgets import Input

        box = self.focused
        in_main_screen = len(self.screen_stack) == 1
        return in_main_screen and isinstance(box, Input) and box.id in ("find", "list-filter")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors are reported."""
        if event.state == WorkerState.ERROR:
            self.notify(
                f"{event.worker.description or event.worker.name} failed: {event.worker.error}",
                severity="error",
                timeout=15,
            )

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
        super().notify(
            terminal_safe(message),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # --- the corpus ---------------------------------------------------------------------

    @work(
        thread=True,
        exclusive=True,
        group="load",
        exit_on_error=False,
        description="Loading the corpus",
    )
    def load_corpus(self, articles: Iterator[Article]) -> None:
        """Stream the rest of the corpus into the list, a batch at a time."""
        worker = get_current_worker()
        batch: list[Article] = []
        sent = time.monotonic()
        every = _BATCH_SECONDS
        with _held_objects(self.texts_on_disk):
            for article in articles:
                if worker.is_cancelled:  # the app is closing: do not make it wait
                    return
                batch.append(article)
                # By time, not count: a few large batches redraw the list a few times, and
                # the reading never waits for the UI (messages, not call_from_thread).
                # Further apart as the load goes on: each batch redraws the screen while
                # this thread waits for the interpreter's lock, and the rows past the first
                # screenfuls are not seen.
                if time.monotonic() - sent >= every:
                    self.post_message(ArticlesRead(batch))
                    batch, sent = [], time.monotonic()
                    every = min(every * 1.5, _BATCH_SECONDS_MAX)
        self.post_message(ArticlesRead(batch, last=True, states=self._annotation_states()))
        # Then what was read quickly is read whole, in the order of the list.
        whole: list[Article] = []
        sent = time.monotonic()
        listing = self._listing
        if listing is not None:
            try:
                for made in listing.finish():
                    if worker.is_cancelled:
                        return
                    whole += made
                    if time.monotonic() - sent >= _BATCH_SECONDS_MAX:
                        self.post_message(ArticlesFinished(whole))
                        whole, sent = [], time.monotonic()
            finally:
                listing.close()
        self.post_message(ArticlesFinished(whole, last=True))

    @on(ArticlesFinished)
    @while_open
    def _articles_finished(self, message: ArticlesFinished) -> None:
        # Only those still held as listed: one opened meanwhile is whole already.
        held = self.articles
        self._replace([a for a in message.articles if isinstance(held.get(a.id), ListedArticle)])
        if message.last:
            self.finished = True
            self.reader.corpus_finished()
            if self.settings.analyse_corpus and self.has_entities:
                self.service.queue_corpus(self.articles[i] for i in self.order)

    @on(ArticlesRead)
    @while_open
    def _articles_read(self, message: ArticlesRead) -> None:
        self._add_articles(message.articles, message.last)
        if message.states:
            # Counts and statuses after the rows: the annotator's own files, as they were
            # when the loader read them; rows set since by the store's thread are newer.
            self.reader.update_rows(message.states)

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
        if last:
            self.loaded = True
        self.reader.add_articles(batch, rows, last)
        if last:
            self._report_problems()
            if not self.articles:
                where = ", ".join(self.paths) or "the built-in corpus"
                self.notify(
                    f"No articles could be read from {where}.", severity="error", timeout=30
                )

    def _report_problems(self) -> None:
        """Skipped files are a problem: a notice, short, that points to the whole report.
        Notes on files that did load are routine: the title bar says how many."""
        skipped = [p for p in self.problems if p.skipped]
        notes = len(self.problems) - len(skipped)
        if notes:
            self.reader.show_news(
                f"{counted(notes, 'note')} on loading the corpus (ctrl+p: loading report)"
            )
        if not skipped:
            return
        shown = "\n".join(str(p) for p in skipped[:3])
        more = f"\n… and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        self.notify(
            f"{shown}{more}\nctrl+p → “Loading report” lists them all.",
            title=counted(len(skipped), "file skipped", "files skipped"),
            severity="warning",
            timeout=8,
        )

    def action_loading_report(self) -> None:
        from reader.help import ReportScreen

        lines = [str(p) for p in self.problems if p.skipped]
        lines += [str(p) for p in self.problems if not p.skipped]
        lines += self.reader.store_problems
        if not self.loaded:
            lines.append("(the corpus is still loading: more may follow)")
        self.push_screen(ReportScreen("Loading the corpus", lines))

    # --- opening articles and analysing them --------------------------------------------

    def open_article(self, article_id: str) -> None:
        """Show the article in the reader, analysed first if it is not yet."""
        listed = self.articles.get(article_id)
        if listed is None:
            return
        article = self.whole(listed)
        if article is None:
            self.notify(
                f"{listed.source} cannot be read now, or changed since it was listed: "
                "start assay again to list it as it is now.",
                severity="warning",
                timeout=10,
            )
            return
        cached = self.service.cached(article_id)
        self.reader.show_article(article, cached)
        if cached is None:
            self.service.request(article)
        if not self._analysis_started:
            self.set_timer(_SETTLE, self._start_analysis)

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

    @on(AnalysisReady)
    @while_open
    def _analysis_arrived(self, message: AnalysisReady) -> None:
        self.reader.analysis_ready(message.article, message.analysis)

    @on(AnalysisFailed)
    @while_open
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.reader.analysis_failed(message.article, message.error)

    @on(AnalysisStatus)
    @while_open
    def _analysis_status(self, message: AnalysisStatus) -> None:
        self.reader.set_analysis_status(message.status)

    # --- keys bound as `app.` actions (here, in the panes, in the palette) --------------
    # They act on the reader screen, which holds the panes and the annotator's session.

    def action_help(self) -> None:
        from reader.help import HelpScreen

        self.push_screen(HelpScreen(cast("App[object]", self)))  # it reads bindings only

    def action_guidelines(self) -> None:
        """The workspace's guidelines over any screen (the reader, review); the same key on
        the guidelines closes them."""
        if isinstance(self.screen, GuidelinesScreen):
            self.pop_screen()
        else:
            self.push_screen(GuidelinesScreen(self.workspace))

    def open_from_palette(self, article_id: str) -> None:
        self.reader.open_from_palette(article_id)

    async def action_find(self) -> None:
        await self.reader.action_find()

    async def action_leave_box(self, keep: bool) -> None:
        await self.reader.action_leave_box(keep)

    def action_clear(self) -> None:
        self.reader.action_clear()

    def action_article(self, step: int) -> None:
        self.reader.action_article(step)

    def action_next_todo(self, step: int) -> None:
        self.reader.action_next_todo(step)

    def action_layer(self, name: str) -> None:
        self.reader.action_layer(name)

    def action_fold(self) -> None:
        self.reader.action_fold()

    def action_side_panel(self) -> None:
        self.reader.action_side_panel()

    def action_tag(self, label: str) -> None:
        self.reader.action_tag(label)

    def action_edit(self) -> None:
        self.reader.action_edit()

    def action_resize_annotation(self, side: str, step: int) -> None:
        self.reader.action_resize_annotation(side, step)

    def action_delete(self) -> None:
        self.reader.action_delete()

    def action_note(self) -> None:
        self.reader.action_note()

    def action_accept(self) -> None:
        self.reader.action_accept()

    def action_who(self) -> None:
        self.reader.action_who()

    def action_link(self) -> None:
        self.reader.action_link()

    def action_reject(self) -> None:
        self.reader.action_reject()

    def action_accept_figures(self) -> None:
        self.reader.action_accept_figures()

    def action_undo(self) -> None:
        self.reader.action_undo()

    def action_redo(self) -> None:
        self.reader.action_redo()

    def action_done(self) -> None:
        self.reader.action_done()

    def action_copy(self) -> None:
        self.reader.action_copy()

    # --- settings -----------------------------------------------------------------------

    def remember(self, **layers: bool) -> None:
        """Keep the layers shown (or folded) for the next run."""
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
                self.notify(
                    f"This change is not saved: {self.settings_problem}",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
            return
        problem = save_settings(self.settings)
        if problem:
            self.settings_problem = problem
            self.notify(problem, severity="warning", timeout=8, markup=False)


def _analyzer(choice: PipelineChoice, cache: AnalysisCache | None) -> Analyzer:
    from corpus.analysis import Analyzer

    return Analyzer(choice, cache)


def run_app(app: AssayApp) -> int:
    """Run `app` in the terminal and give its exit status: for the reader and for review."""
    from reader.terminal import write_utf8

    app.utf8_forced = write_utf8()
    app.run()
    code = app.return_code or 0
    if app.analysis_running():
        # The analysis thread may be inside spaCy for seconds more; letting the interpreter
        # finalise under it aborts in native code. Nothing is lost by leaving now: every
        # annotation write is fsynced when made, and cache entries are written whole.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
