"""The reader screen: the article list, the reader, the side panel and their status lines.

The screen owns its panes and their handlers: opening an article, the find and filter boxes,
the status lines, the annotating keys (reader/annotating.py) that act through the annotator's
`AnnotationSession` and draw what its messages report, and where the annotator goes on
(reader/resume.py). The app (reader/app.py) keeps what outlives a screen: settings, the
corpus, the analysis service and the global keys. A message from a thread can arrive while
the app closes, after the panes are gone: its handler goes through `while_open`.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from corpus.article import Article
from corpus.search import phrase
from corpus.text import counted, show_bidi
from reader.annotating import Annotating, status_for
from reader.keys import LabelKeys, bound_keys, label_keys, shown_key, with_label_slots
from reader.messages import while_open
from reader.resume import Resuming
from reader.widgets.article_list import ArticleList, Row
from reader.widgets.article_view import ArticleView, Mark
from reader.widgets.bars import KeyBar, TitleBar
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.widget import Widget
    from textual.widgets import Input

    from corpus.analysis import Analysis
    from corpus.article import Article

NARROW = 110  # columns below which the panes stack


def mentioning(articles: Iterable[Article], forms: Sequence[str]) -> set[str]:
    """Ids of the articles whose text holds one of `forms` as written, as a whole word or
    words (an entity's name and its variants)."""
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return {a.id for a in articles if pattern.search(a.text)}


class ReaderScreen(Annotating, Resuming):
    """The list, the reader and the panel of one annotator's corpus."""

    tag_hint = "ctrl+p tags"  # the label keys, as a selection's status line names them
    # The reader's and the panel's classes (a review's draw more).
    VIEW: ClassVar[type[ArticleView]] = ArticleView
    PANEL: ClassVar[type[SidePanel]] = SidePanel

    def compose(self) -> ComposeResult:
        labels = label_keys(self.assay.settings, type(self.assay))  # the panes' key slots
        self.tag_hint = tag_hint(labels)
        yield TitleBar(id="title-bar")
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield Static(id="list-header", markup=False)
                yield ArticleList(id="articles")
                yield Static(id="list-status", markup=False)
            with Vertical(id="reader-pane"):
                yield Static(id="reader-title", markup=False)
                yield from self.above_reader()
                yield with_label_slots(self.VIEW, labels)(id="reader")
                yield Static(id="reader-status", markup=False)
            yield with_label_slots(self.PANEL, labels)(id="side")
        yield KeyBar(id="key-bar")

    def status_first(self, _view: ArticleView) -> list[Content]:
        """What the status line says first about where the cursor is (a review: whose spans
        are there)."""
        return []

    def above_reader(self) -> Iterator[Widget]:
        """Lines between the article's title and its text (a review's legend)."""
        return iter(())

    def on_mount(self) -> None:
        # The status line is written as the view announces a change, so that both are drawn
        # in one frame (over SSH, one frame less a keypress).
        self.view.status_hook = self._show_cursor
        try:
            self.assay.reader_mounted()
        finally:
            self.mounted.set()

    def set_up(self) -> None:
        """The panes as the settings have them; the store opens after the first paint."""
        self.article_list.opener = self._open_from_list
        self.view.token_source = self.assay.tokens_of
        # The breakpoint class now, not on the first Resize event: Textual lays the screen
        # out before it applies the class, and in a narrow terminal that first layout (and
        # the frame drawn from it) is thrown away.
        narrow = self.app.size.width < NARROW
        self.set_class(narrow, "-narrow").set_class(not narrow, "-wide")
        view = self.view
        layers = self.settings.layers
        view.show_entities, view.show_quotes = layers.entities, layers.quotes
        view.show_figures, view.fold_boilerplate = layers.figures, layers.fold_boilerplate
        self.call_after_refresh(self.session.open)  # after the first paint: not start-up work
        self._show_title()
        self.side.show_analysis(None, None, "Open an article.")
        self.query_one("#reader-status", Static).update(legend(), layout=False)
        self.set_focus(self.article_list)
        self.call_after_refresh(self._announce_guidelines)

    def _announce_guidelines(self) -> None:
        """A team's guidelines are worth knowing about from the start: said in the title bar,
        with the key that opens them."""
        from reader.guidelines import guidelines_path

        if self.closing or not guidelines_path(self.assay.workspace).is_file():
            return
        keys = bound_keys(self.settings, type(self.assay)).get("app.guidelines")
        key = shown_key(keys.split(",")[0]) if keys else "ctrl+p"
        self.show_news(f"{key} opens the guidelines")  # short: the title bar is cut at 80

    def on_unmount(self) -> None:
        self._save_position_at_quit()  # on the store's thread, before it closes
        self.session.close()  # waits for queued saves

    # --- the corpus arriving ------------------------------------------------------------

    def add_articles(self, batch: list[Article], rows: list[Row], last: bool) -> None:
        """Rows of articles the app has read; `last`: the corpus is all read."""
        self.article_list.add_rows(rows)
        self._articles_arrived(batch, last)  # indexes their text; opens the remembered one
        self._update_list_status()

    def retitle(self, changes: dict[str, tuple[str, str]]) -> None:
        """Rows of articles read quickly, now read whole: their titles and dates."""
        self.article_list.retitle(changes)

    def corpus_finished(self) -> None:
        """Every article is read whole: what needs them all can run."""
        self._follow_edits()  # once the store is open too

    def update_rows(self, states: dict[str, tuple[int, str]]) -> None:
        """Counts and statuses the loader read, for rows the session has not read since."""
        fresh = {k: v for k, v in states.items() if not self.session.is_fresh(k)}
        self.article_list.update_rows(fresh)

    # --- opening articles ---------------------------------------------------------------

    def show_article(self, article: Article, cached: Analysis | None) -> None:
        """Show `article` with its analysis when there is one already (else it follows)."""
        self.current = article
        articles = self.article_list
        articles.opened_id = article.id
        problem = articles.problem(article.id)
        if problem is not None:  # seen now: said once more where the eye is, then unmarked
            self.notify(
                problem, title="This article's annotation file", severity="warning", timeout=12
            )
            articles.clear_problem(article.id)
        articles.refresh()
        self.view.show(article, cached)
        self.state = None
        self.session.load(article.id)
        if find := self._existing_box("find"):
            find.value = ""
        self._set_title(article)
        if cached is not None:
            self.side.show_analysis(article, cached, self._entity_note())
            self.show_annotations()
        else:
            self.side.show_analysis(None, None, "Analysing…")

    def _set_title(self, article: Article) -> None:
        bits = [
            article.meta.get("site", ""),
            article.meta.get("date", "")[:10],
            article.source,
            f"{article.words:,} words",
        ]
        self.query_one("#reader-title", Static).update(
            Content.assemble((article.title, "bold"), "\n", " · ".join(b for b in bits if b)),
            layout=False,
        )

    def _entity_note(self) -> str:
        return "" if self.assay.has_entities else "entities are off: no spaCy pipeline"

    def analysis_ready(self, article: Article, analysis: Analysis) -> None:
        if self.current is not None and article.id == self.current.id:
            self.view.set_analysis(analysis)
            self.side.show_analysis(article, analysis, self._entity_note())
            self.show_annotations()  # the suggestions come from the analysis
        if self.analysis_status.startswith("Analysing"):
            # Whichever article it was about (the reader may have moved on): it is done.
            self.set_analysis_status("")

    def analysis_failed(self, article: Article, error: BaseException) -> None:
        message = str(error)
        if self.current is not None and article.id == self.current.id:
            self.side.show_analysis(article, None, f"No analysis: {message}")
            self.set_analysis_status("analysis failed (see the note)")
        if message not in self._reported:  # one note per distinct failure, not per article
            self._reported.add(message)
            self.notify(
                f"Analysis of {article.source} failed: {message}", severity="error", timeout=15
            )

    # --- events from the panes ----------------------------------------------------------

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self._open_from_list(event.article_id)

    def _open_from_list(self, article_id: str) -> None:
        self.open_article(article_id)
        self.set_focus(self.view)

    @on(ArticleList.Changed)
    @while_open
    def _list_changed(self) -> None:
        self._update_list_status()
        if self.article_list.only is None:
            self.view.follow_all()  # the entity's filter is gone: t and T walk every entity

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        if not event.shown:
            self._show_cursor(event)

    def _show_cursor(self, event: ArticleView.CursorMoved) -> None:
        """The status line for where the view's cursor is."""
        from textual.css.query import NoMatches

        try:
            status = self.query_one("#reader-status", Static)
        except NoMatches:  # the screen is going away (the app is closing)
            return
        view = event.view
        parts: list[Content] = []
        if view.selection is not None and self.current is not None:
            start, end = view.selection.bounds(view.words)
            words = counted(len(self.current.text[start:end].split()), "word")
            what = f"editing {view.editing.label}" if view.editing else "selected"
            keys = "enter saves" if view.editing else f"{self.tag_hint} · y copies"
            parts.append(
                Content.assemble(
                    (f"{what}: ", "bold"), Content(f"{words} · {keys} · escape cancels")
                )
            )
        else:
            here = view.annotations_at(*view.at_cursor())
            if here:
                parts.append(status_for(here, self.state))
            suggested = view.suggestions_at(*view.at_cursor())
            if suggested and not here:
                parts.append(
                    Content.assemble(
                        (f"? {suggested[0].label}", "italic"), " suggested: a accepts, x rejects"
                    )
                )
        if event.marks:
            parts.append(describe(event.marks))
        parts = [*self.linking_status(), *self.status_first(view), *parts]
        line = Content("  ·  ").join(parts) if parts else legend()
        status.update(line, layout=False)

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, event: SidePanel.EntityChosen) -> None:
        articles = list(self.articles.values())
        if not self.assay.texts_on_disk:
            self._show_mentions(event.text, mentioning(articles, event.forms), event.forms)
            return
        # A large corpus's texts are read from their files: in a thread, the words' index
        # first telling which articles can hold the name.
        self.notify(f"Looking for the articles that mention “{event.text}”…", timeout=3)
        self._find_mentions(articles, event.text, event.forms)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False,
          description="Finding the articles that mention an entity")  # fmt: skip
    def _find_mentions(self, articles: list[Article], text: str, forms: Sequence[str]) -> None:
        index = self.article_list.index
        if len(index) >= len(articles):
            terms = [phrase(form) for form in forms]
            if all(term.words for term in terms):
                held = set().union(*(index.matches(term) for term in terms))
                articles = [a for a in articles if a.id in held]
        found = mentioning(articles, forms)
        self.app.call_from_thread(self._show_mentions, text, found, forms)

    def _show_mentions(self, text: str, ids: set[str], forms: Sequence[str] = ()) -> None:
        if self.app.closing:  # type: ignore[attr-defined]
            return
        self.article_list.set_only(ids, text)
        self.view.follow(text, forms or (text,))
        verb = "mentions" if len(ids) == 1 else "mention"
        self.notify(
            f"The list shows the {counted(len(ids), 'article')} that {verb} "
            f"“{text}”, and t T walk its mentions; escape in the list shows all.",
            timeout=5,
        )

    @on(SidePanel.SpanChosen)
    def _span_chosen(self, event: SidePanel.SpanChosen) -> None:
        self.view.move_to(event.start, (event.start, event.end))

    # --- the find and filter boxes ------------------------------------------------------

    # They are made on first use, so their handlers go by name.
    def on_input_changed(self, event: Input.Changed) -> None:
        self._apply_box(event.input)

    def _apply_box(self, box: Input) -> None:
        """Filter the list or find in the article by the box's text (once per text: enter
        applies it at once, and the box's own message about it comes later)."""
        if box.id == "list-filter":
            self.article_list.set_query(box.value)
        elif box.id == "find":
            view = self.view
            if view.find_query == box.value and box.value:
                return
            found = view.find(box.value)
            box.border_subtitle = f"{found:,} found" if box.value else ""

    async def action_leave_box(self, keep: bool) -> None:
        """enter (keep) or escape in the find or filter box, taken as the key arrives: the
        box itself would see it only after the keys typed next, which it would swallow."""
        from textual.actions import SkipAction
        from textual.widgets import Input

        box = self.focused
        if self.app.screen is not self or not isinstance(box, Input):
            raise SkipAction
        if box.id not in ("find", "list-filter"):
            raise SkipAction
        if keep:
            # The characters typed before enter may still wait in the box's queue: let it
            # take them (it needs nothing from the screen for that), then act on its value.
            taken = asyncio.Event()
            if box.call_later(taken.set):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(taken.wait(), timeout=1)
            self._apply_box(box)
            self._close_box(box)
            return
        box.display = False
        box.value = ""
        self.set_focus(self.article_list if box.id == "list-filter" else self.view)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._close_box(event.input)

    def _close_box(self, box: Input) -> None:
        box.display = False
        if box.id == "list-filter":
            self.set_focus(self.article_list)
            return
        view = self.view
        self.set_focus(view)

        def check() -> None:  # once the box has taken the characters typed before enter
            if box.value and not view.matches:
                self.notify(f"“{box.value}” is not in this article.", timeout=3)

        box.call_later(check)

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
        self.set_focus(box)

    def _existing_box(self, box_id: str) -> Input | None:
        from textual.widgets import Input

        found = self.query(f"#{box_id}")
        box = found.first() if found else None
        return box if isinstance(box, Input) else None

    async def _box(self, box_id: str, placeholder: str, below: type[Widget]) -> Input:
        """The find or filter box, made the first time it is asked for (the Input widget is
        not start-up work)."""
        from textual.widgets import Input

        box = self._existing_box(box_id)
        if box is None:
            box = Input(placeholder=placeholder, id=box_id)
            pane = self.query_one(below)
            parent = cast("Widget", pane.parent)
            if below is ArticleList:
                await parent.mount(box, before=pane)
            else:
                await parent.mount(box)
        return box

    # --- actions ------------------------------------------------------------------------

    def open_from_palette(self, article_id: str) -> None:
        articles = self.article_list
        articles.clear_filters()
        articles.move_to(article_id)
        self.open_article(article_id)
        self.set_focus(self.view)

    def action_clear(self) -> None:
        """Escape: close a find or filter box, else clear the list's entity filter or the
        article's matches."""
        focused = self.focused
        view = self.view
        if view.cancel_selection():
            return
        if self.cancel_linking():
            return
        for box_id in ("list-filter", "find"):  # left open (escape in a box is leave_box)
            box = self._existing_box(box_id)
            if box is not None and box.display:
                box.display = False
                return
        articles = self.article_list
        if isinstance(focused, ArticleList) and articles.filtered:
            articles.clear_filters()
            if box := self._existing_box("list-filter"):
                box.value = ""
            return
        if view.matches:
            view.clear_find()

    def action_article(self, step: int) -> None:
        articles = self.article_list
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
        view = self.view
        attribute = f"show_{name}"
        value = not getattr(view, attribute)
        setattr(view, attribute, value)
        self.assay.remember(**{name: value})
        self.notify(f"{name.capitalize()} {'shown' if value else 'hidden'}.", timeout=2)

    def action_fold(self) -> None:
        view = self.view
        view.fold_boilerplate = not view.fold_boilerplate
        self.assay.remember(fold_boilerplate=view.fold_boilerplate)
        state = "folded away" if view.fold_boilerplate else "shown, dimmed"
        self.notify(f"Site chrome {state}.", timeout=2)

    def action_side_panel(self) -> None:
        """Wide: hide or show the panel. Narrow: the panel takes the list's place, or gives
        it back."""
        self.toggle_class("-side" if self.has_class("-narrow") else "-hide-side")
        side = self.side
        if side.display:
            side.focus()
        elif self.focused is None or self.focused is side:
            self.set_focus(self.view)


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


def tag_hint(labels: LabelKeys) -> str:
    """What a selection's status line says the label keys do: "c claim · f figure · e event"
    (each label's first key; the command palette tags with a label that has none)."""
    hints = [f"{shown_key(keys.split(',')[0])} {label}" for label, keys in labels.bound]
    return " · ".join(hints) if hints else "ctrl+p tags"


def describe(marks: Sequence[Mark]) -> Content:
    """The status line for the highlights under the cursor: who said a quote, what a figure
    counts, what an entity is."""
    from corpus.figures import Figure, says_more, written  # slow to compile: not at start-up
    from corpus.quotes import Quote

    parts: list[Content | str | tuple[str, str]] = []
    for mark in marks:
        if parts:
            parts.append("  ·  ")
        if isinstance(mark.data, Quote):
            speaker, cue = mark.data.speaker, mark.data.cue
            if speaker:
                parts += [("quote", "italic"), " by ", (str(speaker), "bold")]
                if cue:
                    parts.append(f" ({cue})")
            else:
                parts += [("quote", "italic"), ", speaker not found"]
        elif isinstance(mark.data, Figure):
            value, unit = mark.data.value, mark.data.unit
            parts += [
                (mark.data.label, "bold"),
                " ",
                Content(show_bidi(mark.text)),
            ]
            normalised = written(value, unit)
            if normalised is not None and says_more(mark.text, value):
                parts.append(f" = {normalised}")
        else:
            parts += [(mark.label, "underline"), " ", Content(show_bidi(mark.text))]
    return Content.assemble(*parts)
