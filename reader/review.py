"""`assay review`: adjudication in the terminal, as another screen of the reader.

The review app is the reader app listing the articles a comparison of the annotators uses
(annotations/team.py `select`), and its screen is the reader screen with more drawn: the
reviewer's own session is the gold annotator's (`--as NAME`), the normal editable layer, and a
`ReviewSession` holds a read-only session per annotator (reader/review_session.py). The reader
shows each annotator's spans in a gutter column of their own, numbered as on the legend line
above the text; the panel lists the article's disagreement groups with who made which version;
the list counts the groups still open.

Every decision is a change of the gold store through its session, with `origin: "review"` and
`attrs.review` (from whom, which decision, which group): taking annotator k's version
(`chose:<k>`), taking the agreed spans (`agreed`, one change), rejecting a group (remembered in
gold's `rejected` under `review-group:<key>`), editing a gold span (`edited`, `from` kept) and
tagging a span nobody made (`added`). So undo, redo, durability and the read-only refusal are
the reader's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from annotations.team import (
    ADDED,
    REJECTED,
    Group,
    Selection,
    chose,
    disagreements,
    review_attrs,
    select,
)
from annotations.workspace import Workspace
from corpus.text import counted
from reader.app import AssayApp
from reader.messages import (
    AnnotationsChanged,
    GroupAdded,
    KeyRejected,
    SaveFailed,
    StateUnreadable,
    StoreFailed,
    StoreOpened,
    while_open,
)
from reader.review_session import (
    ReviewSession,
    decisions,
    edited_attrs,
    group_makers,
    rejection_key,
)
from reader.screen import ReaderScreen
from reader.session import AnnotationSession
from reader.widgets.article_list import SORTS
from reader.widgets.overlays import Overlay
from reader.widgets.review_panel import GroupRow, ReviewPanel, ReviewView

if TYPE_CHECKING:
    from textual.widget import Widget

    from annotations.model import Annotation
    from annotations.store import ArticleState
    from corpus.analysis import Analysis
    from corpus.article import Article
    from reader.config import Settings
    from reader.widgets.article_list import Row
    from reader.widgets.article_view import ArticleView

MAX_ANNOTATORS = 9  # one digit key each
# The layer toggles' keys in a review: 1 2 3 take an annotator's version there.
_LAYER_KEYS = {
    "app.toggle_entities": "exclamation_mark",
    "app.toggle_quotes": "at",
    "app.toggle_figures": "number_sign",
}


def _review_bindings() -> list[BindingType]:
    layers = [
        replace(b, key=_LAYER_KEYS[b.id])
        for b in AssayApp.BINDINGS
        if isinstance(b, Binding) and b.id in _LAYER_KEYS
    ]
    others = [b for b in AssayApp.BINDINGS if not (isinstance(b, Binding) and b.id in _LAYER_KEYS)]
    takes = [
        Binding(
            str(k),
            f"take({k})",
            f"Take annotator {k}'s version",
            show=k == 1,
            id=f"review.take_{k}",
            tooltip=f"Take annotator {k}'s version of the group into gold (u undoes)",
        )
        for k in range(1, MAX_ANNOTATORS + 1)
    ]
    review = [
        Binding(
            "full_stop",
            "review_group(1)",
            "Next group",
            id="review.next_group",
            tooltip="Move to the next open disagreement group of the article",
        ),
        Binding(
            "comma",
            "review_group(-1)",
            "Previous group",
            show=False,
            id="review.previous_group",
            tooltip="Move to the previous open disagreement group of the article",
        ),
        *takes,
        Binding(
            "equals_sign",
            "take_agreed",
            "Take agreed",
            id="review.take_agreed",
            tooltip="Take every span all the annotators made exactly into gold, as one change",
        ),
        Binding(
            "X",
            "reject_group",
            "Reject group",
            id="review.reject_group",
            tooltip="Put nothing of the group into gold, and remember it (u undoes)",
        ),
        Binding(
            "R",
            "refresh",
            "Refresh",
            show=False,
            id="review.refresh",
            tooltip="Read the annotators' files of the article again (they may be annotating)",
        ),
        Binding(
            "U",
            "sort_open",
            "Sort by open groups",
            show=False,
            id="review.sort_open",
            tooltip="Sort the list by disagreement groups still open, most first",
        ),
    ]
    return [*others, *layers, *review]


class ReviewCounted(Message):
    """Open groups of each article, as the counting thread read gold's files."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__()
        self.counts = counts


class TextsMissing(Message):
    """Articles to review whose text was found nowhere (or could not be read)."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__()
        self.missing = missing


class ReviewApp(AssayApp):
    """`assay review`: the articles the annotators are compared on, reviewed into gold."""

    BINDINGS: ClassVar[list[BindingType]] = _review_bindings()

    def __init__(
        self,
        paths: Sequence[str],
        workspace: Path,
        gold: str,
        settings: Settings,
        *,
        annotators: Sequence[str],
        include_unfinished: bool = False,
        selection: Selection | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(paths, workspace, gold, settings, **kwargs)
        self.annotators = tuple(annotators)
        self.include_unfinished = include_unfinished
        self.selection = selection or select(
            Workspace(workspace), self.annotators, include_unfinished=include_unfinished
        )
        self.title = f"assay review · {', '.join(self.annotators)} → {gold}"
        self.sub_title = f"reviewing as {gold}"

    def get_default_screen(self) -> ReviewScreen:
        screen = ReviewScreen(self)
        self._reader = screen
        return screen

    @property
    def review_screen(self) -> ReviewScreen:
        screen = self.reader
        assert isinstance(screen, ReviewScreen)
        return screen

    def corpus(self) -> Iterator[Article]:
        """The articles of the comparison: the workspace's copies of their text, else the
        corpus of PATH or the built-in one; then what is left to review in each."""
        workspace = Workspace(self.workspace)
        corpus: dict[str, Article] | None = None  # read only if a text is not in the workspace
        problems: list[str] = []
        missing: list[str] = []
        for team in self.selection.articles:
            article = workspace.find_article(team.article_id, {}, problems)
            if article is None:
                if corpus is None:
                    corpus = self._read_corpus()
                article = corpus.get(team.article_id)
            if article is None:
                missing.append(team.article_id)
                continue
            yield article
        if missing or problems:
            self.post_message(TextsMissing(missing + problems))

    def _read_corpus(self) -> dict[str, Article]:
        """The built-in corpus and PATH's, by id (what could not be read goes to the loading
        report, as the reader's corpus does)."""
        from corpus.loader import load_corpus

        builtin, _ = load_corpus(None)
        found, problems = load_corpus(self.paths) if self.paths else ([], [])
        self.problems.extend(problems)
        return {a.id: a for a in [*builtin, *found]}

    @work(
        thread=True,
        exclusive=True,
        group="review",
        exit_on_error=False,
        description="Counting the open groups",
    )
    def count_open_groups(self) -> None:
        """Each article's open groups against gold's files, beside the corpus loading (the
        list shows `?` until then): `ReviewCounted`."""
        worker = get_current_worker()
        counts = self._open_counts(lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(ReviewCounted(counts))

    def _open_counts(self, cancelled: Callable[[], bool]) -> dict[str, int]:
        from annotations.store import Store, StoreError

        counts = {}
        try:
            with Store.open(self.workspace, self.annotator, read_only=True, labels=None) as gold:
                for team in self.selection.articles:
                    if cancelled():  # the app is closing: do not make it wait
                        break
                    try:
                        state = gold.article_state(team.article_id)
                    except Exception:  # said when the article is opened
                        continue
                    settled = decisions(state)
                    groups = disagreements(team)
                    counts[team.article_id] = sum(1 for g in groups if g.key not in settled)
        except (StoreError, OSError):
            pass
        return counts

    @on(ReviewCounted)
    @while_open
    def _review_counted(self, message: ReviewCounted) -> None:
        self.review_screen.counted(message.counts)

    @on(TextsMissing)
    @while_open
    def _texts_missing(self, message: TextsMissing) -> None:
        if message.missing:
            shown = ", ".join(message.missing[:3])
            more = f" and {len(message.missing) - 3} more" if len(message.missing) > 3 else ""
            self.notify(
                f"{counted(len(message.missing), 'article')} to review could not be shown: no "
                f"copy of the text in the workspace or the corpus given ({shown}{more}).",
                severity="warning",
                timeout=12,
            )

    # --- the review's keys: they act on the review screen -------------------------------

    def action_review_group(self, step: int) -> None:
        self.review_screen.action_review_group(step)

    def action_take(self, number: int) -> None:
        self.review_screen.action_take(number)

    def action_take_agreed(self) -> None:
        self.review_screen.action_take_agreed()

    def action_reject_group(self) -> None:
        self.review_screen.action_reject_group()

    def action_refresh(self) -> None:
        self.review_screen.action_refresh()

    def action_sort_open(self) -> None:
        self.review_screen.action_sort_open()


def _untinted(_annotation: Annotation) -> str:
    return ""  # no label tint: an annotator's span is shown by its column, not its colour


def _initial(annotation: Annotation) -> str:
    return annotation.label[:1].upper()


class ReviewScreen(ReaderScreen):
    """The reader screen of a review: gold is the annotator's layer, the annotators' spans
    are in gutter columns, and the panel lists the article's disagreement groups."""

    VIEW = ReviewView
    PANEL = ReviewPanel
    DEFAULT_CSS = """
    #review-legend { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, app: ReviewApp) -> None:
        super().__init__(app)
        labels = _labels(app.settings.labels, app.selection)
        self.session = AnnotationSession(app.workspace, app.annotator, labels, self)
        self.review = ReviewSession(
            app.workspace, app.annotators, app.annotator, labels, self, app.selection
        )
        self.open_counts: dict[str, int] = {}
        self._recounted: set[str] = set()  # counted since the start (newer than the loader's)
        self.columns = tuple(
            Overlay[Any](f"annotator-{k}", "article-view--theirs", label=_untinted)
            for k in range(1, len(app.annotators) + 1)
        )

    def above_reader(self) -> Iterator[Widget]:
        yield Static(id="review-legend", markup=False)

    @property
    def review_app(self) -> ReviewApp:
        app = self.app
        assert isinstance(app, ReviewApp)
        return app

    @property
    def panel(self) -> ReviewPanel:
        return self.query_one("#side", ReviewPanel)

    def set_up(self) -> None:
        super().set_up()
        articles = self.article_list
        articles.review = True
        articles.sorts = (*SORTS, "open")
        self.view.set_gutter_columns([(overlay, _initial) for overlay in self.columns])
        self._show_legend()
        self.call_after_refresh(self.review.open)
        self.call_after_refresh(self.review_app.count_open_groups)

    def on_unmount(self) -> None:
        super().on_unmount()
        self.review.close()

    def _follow_edits(self) -> None:
        """Not in a review: its list is the articles compared, not the corpus, so an article
        of gold's missing from it is no sign that its file was edited (the annotating reader
        follows edits over the whole corpus)."""

    # --- the list -----------------------------------------------------------------------

    def add_articles(self, batch: list[Article], rows: list[Row], last: bool) -> None:
        super().add_articles(batch, rows, last)
        known = {a.id: self.open_counts[a.id] for a in batch if a.id in self.open_counts}
        self.article_list.update_open_groups(known)

    def counted(self, counts: dict[str, int]) -> None:
        """Open groups per article as the loading thread found them (rows counted since by
        this screen are newer)."""
        fresh = {k: v for k, v in counts.items() if k not in self._recounted}
        self.open_counts.update(fresh)
        self.article_list.update_open_groups(fresh)

    def _recount(self, article_id: str, gold: ArticleState | None) -> None:
        if gold is None or self.review.article(article_id) is None:
            return
        count = len(self.review.open_groups(article_id, gold))
        self._recounted.add(article_id)
        if self.open_counts.get(article_id) != count:
            self.open_counts[article_id] = count
            self.article_list.update_open_groups({article_id: count})

    # --- opening and drawing ------------------------------------------------------------

    def show_article(self, article: Article, cached: Analysis | None) -> None:
        super().show_article(article, cached)
        self.review.load(article.id)  # the annotators' files again: they may be annotating

    def show_annotations(self) -> None:
        super().show_annotations()
        article = self.current
        if article is None:
            return
        team = self.review.article(article.id)
        view = self.view
        for name, overlay in zip(self.review.annotators, self.columns, strict=True):
            made = team.spans.get(name, ()) if team is not None else ()
            view.set_overlay(overlay, [(a.start, a.end, a) for a in made])
        settled = decisions(self.state)
        rows = [
            GroupRow(group, number, settled.get(group.key))
            for number, group in enumerate(self.review.groups(article.id), 1)
        ]
        numbers = {name: self.review.number(name) for name in self.review.annotators}
        self.panel.show_groups(rows, numbers)
        self._show_legend()

    def status_first(self, view: ArticleView) -> list[Content]:
        """Each annotator's spans where the cursor is, by number: "1:claim 2:—"."""
        article = self.current
        team = self.review.article(article.id) if article is not None else None
        if team is None:
            return []
        start, end = view.focus_span or view.at_cursor()
        end = max(end, start + 1)
        found: list[Content | tuple[str, str] | str] = []
        anything = False
        for k, name in enumerate(self.review.annotators, 1):
            made = [a for a in team.spans.get(name, ()) if a.start < end and start < a.end]
            anything = anything or bool(made)
            shown = ", ".join(a.label for a in made[:2]) or "—"
            found += [" " if found else "", (f"{k}", "bold"), f":{shown}"]
        return [Content.assemble(*found)] if anything else []

    def _show_legend(self) -> None:
        """Which gutter column is whose, aligned over the columns; how many groups are
        open. Names come from outside: plain text."""
        names = self.review.annotators
        parts: list[Content | tuple[str, str] | str] = [
            (" G" + "".join(str(k) for k in range(1, len(names) + 1)) + " ", "bold"),
            "G ",
            Content(self.annotator),
        ]
        for k, name in enumerate(names, 1):
            parts += [f" · {k} ", Content(name)]
        article = self.current
        if article is not None and self.review.article(article.id) is not None:
            groups = self.review.groups(article.id)
            still = len(self.review.open_groups(article.id, self.state))
            parts.append(f" · {still} of {counted(len(groups), 'group')} open")
        self.query_one("#review-legend", Static).update(Content.assemble(*parts), layout=False)

    # --- what the sessions report -------------------------------------------------------
    # The annotators' read-only sessions post here too: their news is taken here, and the
    # reader's handlers (for the gold session) never see it.

    def _theirs(self, message: StoreOpened | StoreFailed | AnnotationsChanged) -> bool:
        return message.annotator != self.annotator and message.annotator in self.review.sessions

    @while_open
    def on_store_opened(self, message: StoreOpened) -> None:
        if not self._theirs(message):
            return
        message.prevent_default()
        if self.current is not None:
            self.review.sessions[message.annotator].load(self.current.id)

    @while_open
    def on_store_failed(self, message: StoreFailed) -> None:
        if not self._theirs(message):
            return
        message.prevent_default()
        self.notify(
            f"{message.annotator}'s annotations cannot be read: {message.error}",
            severity="error",
            timeout=15,
        )

    @while_open
    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        if not self._theirs(message):  # gold's: the reader draws it (and calls back here)
            self._recount(message.article_id, message.state)
            return
        message.prevent_default()
        if not self.review.changed(message.annotator, message.article_id, message.state):
            return
        self._recount(message.article_id, self.session.state(message.article_id))
        if self.current is not None and self.current.id == message.article_id:
            self.show_annotations()

    @while_open
    def on_save_failed(self, message: SaveFailed) -> None:
        if message.annotator == self.annotator:
            return
        message.prevent_default()
        self.notify(
            f"Reading {message.annotator}'s annotations failed: {message.error}",
            severity="error",
            timeout=10,
        )

    @while_open
    def on_state_unreadable(self, message: StateUnreadable) -> None:
        if message.annotator == self.annotator:
            return
        message.prevent_default()
        self.notify(
            f"{message.annotator}'s annotations of this article cannot be read: {message.error}",
            severity="error",
            timeout=10,
        )

    @while_open
    def on_group_added(self, message: GroupAdded) -> None:
        made = message.made
        if not made:
            self.notify(f"{message.said}: gold has these spans already.", timeout=4)
            return
        self.notify(
            f"{message.said}: {counted(len(made), 'span')} into {self.annotator} (u undoes).",
            timeout=4,
        )

    @while_open
    def on_key_rejected(self, message: KeyRejected) -> None:
        self.notify(f"{message.said} (u undoes).", timeout=4)

    # --- the groups ---------------------------------------------------------------------

    def _here(self) -> int:
        view = self.view
        if view.focus_span is not None:
            return view.focus_span[0]
        return view.units[view.cursor][0] if view.units else 0

    def current_group(self) -> Group | None:
        """The group the review keys act on: the one highlighted in the panel (when it has
        the focus), else the one moved to, else one under the cursor (open ones first)."""
        article = self.current
        if article is None:
            return None
        groups = self.review.groups(article.id)
        if self.focused is self.panel:
            key = self.panel.highlighted_group()
            return next((g for g in groups if g.key == key), None)
        view = self.view
        if view.focus_span is not None:
            for group in groups:
                if (group.start, group.end) == view.focus_span:
                    return group
        start, end = view.focus_span or view.at_cursor()
        touching = [g for g in groups if g.start < max(end, start + 1) and start < g.end]
        settled = decisions(self.state)
        still = [g for g in touching if g.key not in settled]
        chosen = still or touching
        return chosen[0] if chosen else None

    def _number_of(self, group: Group) -> int:
        assert self.current is not None
        keys = [g.key for g in self.review.groups(self.current.id)]
        return keys.index(group.key) + 1 if group.key in keys else 0

    def action_review_group(self, step: int) -> None:
        """`.` / `,`: to the next (previous) open group after (before) the cursor."""
        article = self.current
        if article is None:
            return
        groups = self.review.open_groups(article.id, self.state)
        if not groups:
            self.notify(
                "No open groups left in this article: s marks it reviewed, ] opens the next.",
                timeout=4,
            )
            return
        here = self._here()
        moved = self.view.focus_span is not None
        if step > 0:
            after = [g for g in groups if g.start > here or (not moved and g.start >= here)]
            found = after[0] if after else None
        else:
            before = [g for g in groups if g.start < here]
            found = before[-1] if before else None
        if found is None:
            way = "below" if step > 0 else "above"
            self.notify(f"No more open groups {way} ({len(groups)} open here).", timeout=3)
            return
        self.view.move_to(found.start, (found.start, found.end))
        self.set_focus(self.view)
        self._show_legend()

    def _group_to_decide(self) -> tuple[Article, Group] | None:
        """The article and group a decision is about, once gold can be written and the
        group is still open; otherwise say why not."""
        article = self.current
        if article is None or not self._writable():
            return None
        group = self.current_group()
        if group is None:
            self.notify("No disagreement group here: . moves to the next open one.", timeout=3)
            return None
        decision = decisions(self.state).get(group.key)
        if decision is not None:
            self.notify(
                f"Group {self._number_of(group)} is decided already ({decision}): u undoes "
                f"the last decision; d deletes a gold span.",
                timeout=5,
            )
            return None
        return article, group

    def action_take(self, number: int) -> None:
        """Take annotator `number`'s version of the group into gold."""
        names = self.review.annotators
        if not 1 <= number <= len(names):
            self.notify(
                f"There is no annotator {number} here: 1–{len(names)} are {', '.join(names)}.",
                timeout=4,
            )
            return
        found = self._group_to_decide()
        if found is None:
            return
        article, group = found
        name = names[number - 1]
        if name not in group.spans:
            self.notify(f"{name} did not annotate this article.", timeout=4)
            return
        said = f"Took {name}'s version of group {self._number_of(group)}"
        items, links = self.review.version_plan(article, group, name, self.state)
        if items or links:
            self.session.add_group(article, items, said, links)
            return
        # Nothing of theirs to add (they made nothing here, or gold has it): the decision
        # is remembered as the group's rejection record, which settles the group.
        detail = {"decision": chose(name), "from": [name]}
        self.session.reject_key(article, rejection_key(group), detail, said)

    def action_take_agreed(self) -> None:
        """`=`: every span all the annotators made exactly, into gold as one change."""
        article = self.current
        if article is None or not self._writable():
            return
        items = self.review.agreed_items(article, self.state)
        if not items:
            self.notify("No agreed span left to take: gold has them all, or there is none.")
            return
        self.session.add_group(article, items, "Took the agreed spans")

    def action_reject_group(self) -> None:
        """`X`: nothing of the group goes to gold, and the group counts as decided."""
        found = self._group_to_decide()
        if found is None:
            return
        article, group = found
        detail = {"decision": REJECTED, "from": group_makers(group)}
        said = f"Rejected group {self._number_of(group)}"
        self.session.reject_key(article, rejection_key(group), detail, said)

    def action_refresh(self) -> None:
        """`R`: read the annotators' files of the open article again."""
        if self.current is None:
            return
        self.review.load(self.current.id)
        self.notify("Read the annotators' annotations of this article again.", timeout=2)

    def action_sort_open(self) -> None:
        self.article_list.sort_by("open")
        self.notify("Sorted by open groups, most first (o: the next sort).", timeout=2)

    # --- gold's own edits carry their provenance ----------------------------------------

    def _add(
        self,
        article: Article,
        start: int,
        end: int,
        label: str,
        attrs: dict[str, Any] | None = None,
        origin: str = "manual",
        source: tuple[int, int] | None = None,
    ) -> None:
        """A span the reviewer tags: `added`, from whoever made exactly it (often nobody),
        and settling the one group it overlaps, if one."""
        group = self.review.group_of(article.id, start, end)
        makers = self.review.makers(article.id, start, end, label)
        review = review_attrs(makers, ADDED, group.key if group is not None else None)
        super()._add(article, start, end, label, {**(attrs or {}), **review}, "review", source)

    def _update(self, annotation: Annotation, said: str, **changes: Any) -> None:
        """New boundaries or a new label make a gold span `edited` (where it came from is
        kept); a note changes nothing of its provenance."""
        if {"start", "end", "label"} & changes.keys() and "attrs" not in changes:
            changes["attrs"] = edited_attrs(annotation)
            changes["origin"] = "review"
        super()._update(annotation, said, **changes)


def _labels(labels: Sequence[str], selection: Selection) -> tuple[str, ...]:
    """The settings' labels and any other the annotators used: gold must be able to take
    every version (the extra ones get no key; a version is taken with its label)."""
    found = list(labels)
    for team in selection.articles:
        for made in team.spans.values():
            for annotation in made:
                if annotation.label not in found:
                    found.append(annotation.label)
    return tuple(found)
