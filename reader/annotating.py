"""Annotating in the reader: tagging, editing, suggestions, undo, status and the clipboard.

A mixin of AssayApp, so that app.py stays about reading. Every store operation goes through
the store's own thread (reader/store_writer.py); an annotation is drawn as saved only when
that thread reports it on disk, and as "saving" (dim, lower-case initial in the gutter) until
then. Keys that change the store explain, instead of failing, when the store is read-only
(another assay holds this annotator's lock) or could not be opened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.color import Color
from textual.content import Content
from textual.message import Message

from corpus.text import counted, show_bidi
from reader import clipboard
from reader.store_writer import StoreDone, StoreWriter
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from annotations.model import Annotation, Unplaced
    from annotations.storage import CorruptFile
    from annotations.store import ArticleState, Change, Moved, Store
    from annotations.suggestions import Suggestion
    from corpus.article import Article
    from reader.config import Settings

_SNIPPET = 40


def snippet(text: str, limit: int = _SNIPPET) -> str:
    words = " ".join(text.split())
    return f"“{words}”" if len(words) <= limit else f"“{words[: limit - 1]}…”"


class FilesChecked(Message):
    """The annotator's files, read once at start-up: those that could not be read."""

    def __init__(self, problems: list[CorruptFile]) -> None:
        super().__init__()
        self.problems = problems


@dataclass
class _Saving:
    article_id: str
    start: int
    end: int
    label: str


class Annotating:
    """The annotating half of AssayApp (which provides query_one, notify, articles, ...)."""

    # Provided by AssayApp.
    settings: Settings
    articles: dict[str, Article]
    current: Article | None
    store: Store | None
    workspace: Any
    annotator: str
    query_one: Any
    notify: Any
    push_screen: Any
    focused: Any
    screen: Any

    def _init_annotating(self) -> None:
        self.writer: StoreWriter | None = None
        self.store_problem: str | None = None
        self.state: ArticleState | None = None  # the open article's, as last read
        self._saving: list[_Saving] = []
        self._copied: set[str] = set()  # articles whose text is in the workspace
        self._fresh: set[str] = set()  # articles whose list row the store's thread has set
        self.store_problems: list[str] = []  # annotation files that could not be read
        self._edits_followed = False
        self._placing: Unplaced | None = None  # an unplaced annotation being placed

    # --- the store ----------------------------------------------------------------------

    def _open_store(self) -> None:
        from annotations.store import Store

        if self.writer is not None:
            return

        def opener() -> Store:
            return Store.open(self.workspace, self.annotator, labels=self.settings.labels)

        self.writer = StoreWriter(self, opener)  # type: ignore[arg-type]
        self.writer.open(self._store_opened, self._store_failed)

    def _store_opened(self, store: Store) -> None:
        self.store = store
        if store.read_only:
            self.sub_title = f"annotator {self.annotator} · READ-ONLY"  # type: ignore[attr-defined]
            self._show_title("READ-ONLY")  # type: ignore[attr-defined]
            self.notify(store.read_only_reason or "read-only", title="Read-only",
                        severity="warning", timeout=8)  # fmt: skip
        if self.current is not None:
            self._load_state(self.current.id)
        self._check_files(store)
        self._follow_edits()

    def _check_files(self, store: Store) -> None:
        """Every file of the annotator's folder, read once in the background: a file that
        cannot be read would otherwise pass for an article with nothing in it."""

        def check() -> None:
            self.post_message(FilesChecked(store.check_files()))  # type: ignore[attr-defined]

        self.run_worker(check, thread=True, group="check", exit_on_error=False,  # type: ignore[attr-defined]
                        description="Checking the annotation files")  # fmt: skip

    def on_files_checked(self, message: FilesChecked) -> None:
        if getattr(self, "closing", False):
            return
        fresh = [c for c in message.problems if not c.earlier]
        self.store_problems = [str(c) for c in message.problems]
        articles = self.query_one(ArticleList)
        for problem in message.problems:
            if problem.article_id is not None and problem.article_id in self.articles:
                articles.mark_problem(problem.article_id, str(problem))
                if not problem.earlier:
                    self._load_state(problem.article_id)  # it starts afresh now
        if fresh:
            shown = "\n".join(str(c) for c in fresh[:2])
            more = f"\n… and {len(fresh) - 2} more" if len(fresh) > 2 else ""
            self.notify(f"{shown}{more}\nctrl+p → “Loading report” lists them all.",
                        title=counted(len(fresh), "annotation file could not be read",
                                      "annotation files could not be read"),
                        severity="error", timeout=20)  # fmt: skip
        elif message.problems:
            self.show_news(f"{counted(len(message.problems), 'annotation file')} set aside "  # type: ignore[attr-defined]
                           f"earlier (ctrl+p: loading report)")  # fmt: skip

    def _follow_edits(self) -> None:
        """Once the corpus is read and the store open: annotations of an article whose file
        was edited since (a new text, so a new id) move onto the new text."""
        store = self.store
        if store is None or store.read_only or not getattr(self, "loaded", False):
            return
        if self._edits_followed:
            return
        self._edits_followed = True
        articles = dict(self.articles)

        def work(store: Store) -> list[Moved]:
            from annotations.workspace import Workspace, follow_edits

            return follow_edits(Workspace(self.workspace), store, articles)

        def done(moves: list[Moved]) -> None:
            for moved in moves:
                article = self.articles.get(moved.new_id)
                title = f" of “{article.title}”" if article is not None else ""
                unplaced = " (listed in the side panel: place or delete them)" if (
                    moved.unplaced) else ""  # fmt: skip
                self.notify(f"{moved.describe()}{title}{unplaced}.",
                            title="The article's file was edited",
                            severity="warning" if moved.unplaced or moved.fuzzy else "information",
                            timeout=12)  # fmt: skip
                self._load_state(moved.new_id)

        self._run(work, done, what="Moving annotations onto edited articles",
                  failure="failed")  # fmt: skip

    def _store_failed(self, error: BaseException) -> None:
        self.store_problem = str(error)
        self.notify(f"Annotations are off: {error}", severity="error", timeout=15, markup=False)
        self.sub_title = f"annotator {self.annotator} · annotations off"  # type: ignore[attr-defined]
        self._show_title("ANNOTATIONS OFF")  # type: ignore[attr-defined]

    def on_store_done(self, message: StoreDone) -> None:
        from textual.css.query import NoMatches

        if self.writer is not None:
            self.writer.pending -= 1
        try:
            if message.error is not None:
                message.failed(message.error)
            elif message.then is not None:
                message.then(message.result)
        except NoMatches:  # the app is closing: the work is on disk, there is no screen
            pass

    def _close_store(self) -> None:
        if self.writer is not None:
            self.writer.close()

    def _run(
        self,
        work: Callable[[Store], Any],
        then: Callable[[Any], None] | None = None,
        what: str = "The change",
        article_id: str | None = None,
        pending: _Saving | None = None,
        failure: str = "was not saved",
    ) -> None:
        """Run `work` on the store's thread; a failure is said, and the article re-read so
        the screen shows what the store really has."""

        def failed(error: BaseException) -> None:
            if pending is not None and pending in self._saving:
                self._saving.remove(pending)
                self.show_annotations()
            self.notify(f"{what} {failure}: {error}", severity="error", timeout=10,
                        markup=False)  # fmt: skip
            if article_id is not None:
                self._load_state(article_id)

        assert self.writer is not None
        self.writer.run(work, then, failed)

    def _writable(self) -> bool:
        """True when changes can be saved; otherwise say why nothing will be."""
        if self.store is None:
            if self.store_problem:
                self.notify(f"Nothing is saved: annotations are off ({self.store_problem}).",
                            severity="error", timeout=8, markup=False)  # fmt: skip
                return False
            # Still opening: the change queues behind the opening on the store's thread (and
            # is refused there, and said, if the store turns out read-only).
            self._open_store()
            return True
        if self.store.read_only:
            # The reason says why (another assay holds the lock, or the workspace cannot be
            # written) and what to do.
            self.notify(f"Nothing is saved: {self.store.read_only_reason}.", title="Read-only",
                        severity="warning", timeout=8)  # fmt: skip
            return False
        return True

    def _load_state(self, article_id: str) -> None:
        if self.writer is None or self.store is None:
            return
        self._run(lambda store: store.article_state(article_id),
                  lambda state: self._state_loaded(article_id, state),
                  what="The article's annotations", failure="could not be read")  # fmt: skip

    def _state_loaded(self, article_id: str, state: ArticleState | BaseException) -> None:
        if isinstance(state, BaseException):  # the change is on disk; reading back failed
            self.notify(f"Saved, but the article's annotations could not be read back: {state}",
                        severity="error", timeout=10, markup=False)  # fmt: skip
            return
        self._fresh.add(article_id)
        self.query_one(ArticleList).update_row(article_id, len(state.annotations), state.status)
        self._update_list_status()  # type: ignore[attr-defined]
        if self.current is not None and article_id == self.current.id:
            if state.unplaced and (self.state is None or not self.state.unplaced):
                self.show_news(f"{counted(len(state.unplaced), 'annotation')} of an earlier "  # type: ignore[attr-defined]
                               f"text could not be placed: the side panel lists them")  # fmt: skip
            self.state = state
            self.show_annotations()

    def show_annotations(self) -> None:
        """Draw the open article's annotations, those being saved, and its suggestions."""
        article = self.current
        if article is None:
            return
        view = self.query_one(ArticleView)
        view.label_styles = self._label_styles()
        annotations = self.state.annotations if self.state else []
        saving = [(s.start, s.end, s.label) for s in self._saving if s.article_id == article.id]
        suggestions = self._suggestions(article)
        view.set_annotations(annotations, saving, suggestions)
        near = view.at_cursor()[0]
        unplaced = self.state.unplaced if self.state else ()
        self.query_one("#side", SidePanel).show_annotations(article, annotations, suggestions,
                                                            near, unplaced)  # fmt: skip

    def _suggestions(self, article: Article) -> list[Suggestion]:
        from annotations.suggestions import suggest

        analysis = self.query_one(ArticleView).analysis
        if analysis is None or self.state is None or analysis.article_id != article.id:
            return []
        taken = {(a.start, a.end, a.label) for a in self.state.annotations}
        taken |= {(p.start, p.end, p.label) for p in self._saving if p.article_id == article.id}
        return suggest(article.text, analysis.figures, analysis.quotes, article.boilerplate,
                       self.settings.labels, self.state.rejected, taken)  # fmt: skip

    def _label_styles(self) -> dict[str, Style]:
        """A tint of each label's theme colour over the reader's background."""
        variables = self.theme_variables  # type: ignore[attr-defined]
        view = self.query_one(ArticleView)
        background = view.styles.background
        styles = {}
        for label in self.settings.labels:
            colour = Color.parse(variables.get(self.settings.colour_for(label), "#808080"))
            tint = background.blend(colour, 0.35) if background.a else colour.with_alpha(0.35)
            styles[label] = Style(bgcolor=tint.rich_color)
        return styles

    # --- what the keys act on -----------------------------------------------------------

    def _panel_focused(self) -> bool:
        return self.focused is self.query_one("#side", SidePanel)

    def _panel_item(self) -> tuple[str, Any] | None:
        """The highlighted row's annotation or suggestion, when the panel has the focus (the
        panel's keys act on its rows only, never on the reader's cursor)."""
        side = self.query_one("#side", SidePanel)
        return side.highlighted_item() if self.focused is side else None

    def _annotation_here(self) -> Annotation | None:
        if self._panel_focused():
            item = self._panel_item()
            return item[1] if item is not None and item[0] == "annotation" else None
        view = self.query_one(ArticleView)
        if view.editing is not None:
            return view.editing
        found = view.annotations_at(*view.at_cursor())
        return found[0] if found else None

    def _suggestion_here(self) -> Suggestion | None:
        if self._panel_focused():
            item = self._panel_item()
            return item[1] if item is not None and item[0] == "suggestion" else None
        view = self.query_one(ArticleView)
        found = view.suggestions_at(*view.at_cursor())
        return found[0] if found else None

    # --- tagging ------------------------------------------------------------------------

    def action_tag(self, label: str) -> None:
        """A label key: tag the selection (or found span, or sentence); on an annotation's
        row in the panel, or while editing one, give it this label."""
        article = self.current
        if article is None or not self._writable():
            return
        if self._panel_focused():
            item = self._panel_item()
            if item is None:
                self.notify("Highlight an annotation (relabel) or a suggestion (accept) first.",
                            timeout=3)  # fmt: skip
            elif item[0] == "annotation":
                self._update(item[1], f"Relabelled as {label}", label=label)
            elif item[0] == "unplaced":
                self.notify("enter places it on the text (then a label key places it with "
                            "that label); d deletes it.", timeout=4)  # fmt: skip
            else:
                self._accept(item[1], label)
            return
        view = self.query_one(ArticleView)
        if view.editing is not None:
            self._save_edit(label)
            return
        target = view.target()
        if target is None:
            self.notify("Nothing to tag here: move to a sentence or select with v.", timeout=3)
            return
        start, end, _what = target
        view.cancel_selection()
        self._add(article, start, end, label)

    def _add(self, article: Article, start: int, end: int, label: str,
             attrs: dict[str, Any] | None = None, origin: str = "manual") -> None:  # fmt: skip
        saved = self.state.annotations if self.state and self.current is article else []
        if any((a.start, a.end, a.label) == (start, end, label) for a in saved) or any(
            (p.article_id, p.start, p.end, p.label) == (article.id, start, end, label)
            for p in self._saving
        ):  # a second press before the first is saved must not tag twice
            self.notify(f"Already tagged as {label}.", timeout=3, markup=False)
            return
        text = article.text[start:end]
        pending = _Saving(article.id, start, end, label)
        self._saving.append(pending)
        self.show_annotations()
        copy_needed = article.id not in self._copied

        def work(store: Store) -> tuple[Annotation | None, ArticleState | BaseException]:
            # Checked here too, against the file: the screen may not have the article's
            # annotations yet (a key pressed while the store was still opening).
            if store.has_span(article.id, start, end, label):
                return None, _read_back(store, article.id)
            if copy_needed:
                from annotations.workspace import Workspace

                # The text beside its offsets, so the annotation outlives the corpus file.
                Workspace(self.workspace).save_article(article)
            made = store.add(article.id, start, end, label, text, attrs=attrs, origin=origin)
            return made, _read_back(store, article.id)

        def done(result: tuple[Annotation | None, ArticleState | BaseException]) -> None:
            if pending in self._saving:
                self._saving.remove(pending)
            made, state = result
            self._state_loaded(article.id, state)
            if made is None:
                self.notify(f"Already tagged as {label}.", timeout=3, markup=False)
                return
            self._copied.add(article.id)
            self.notify(f"Saved {made.label}: {snippet(made.text)}", timeout=3, markup=False)

        self._run(work, done, what=f"The {label}", article_id=article.id, pending=pending)

    def _update(self, annotation: Annotation, said: str, **changes: Any) -> None:
        article_id = annotation.article_id

        def work(store: Store) -> tuple[Annotation, ArticleState | BaseException]:
            return store.update(annotation.id, **changes), _read_back(store, article_id)

        def done(result: tuple[Annotation, ArticleState | BaseException]) -> None:
            made, state = result
            self._state_loaded(article_id, state)
            self.notify(f"{said}: {made.label} {snippet(made.text)}", timeout=3, markup=False)

        self._run(work, done, what="The change", article_id=article_id)

    def action_edit(self) -> None:
        """enter in the reader: change the boundaries of the annotation under the cursor (the
        selection takes its span; enter or a label key saves, escape leaves it)."""
        view = self.query_one(ArticleView)
        if view.editing is not None:
            self._save_edit(view.editing.label)
            return
        annotation = self._annotation_here()
        if annotation is None:
            self.notify("No annotation under the cursor to edit.", timeout=3)
            return
        if not self._writable():
            return
        view.start_selection(annotation.start, annotation.end, editing=annotation)
        self.notify(f"Editing {annotation.label} {snippet(annotation.text)}: h l w b j k move "
                    f"its end, enter or a label key saves, escape cancels.", timeout=6,
                    markup=False)  # fmt: skip

    def _save_edit(self, label: str) -> None:
        view = self.query_one(ArticleView)
        annotation, target = view.editing, view.target()
        if annotation is None or target is None or self.current is None:
            return
        start, end, _ = target
        view.cancel_selection()
        placing, self._placing = self._placing, None
        if placing is not None and annotation is placing.annotation:
            self._place(placing, start, end, label)
            return
        changes: dict[str, Any] = {}
        if (start, end) != (annotation.start, annotation.end):
            changes.update(start=start, end=end, text=self.current.text[start:end])
        if label != annotation.label:
            changes["label"] = label
        if not changes:
            self.notify("Unchanged.", timeout=2)
            return
        self._update(annotation, "Changed", **changes)

    # --- annotations of an earlier text -------------------------------------------------

    def on_side_panel_unplaced_chosen(self, message: SidePanel.UnplacedChosen) -> None:
        """enter on an annotation that could not be placed on the edited text: select where
        it belongs (starting from the likeliest words), then enter places it there."""
        unplaced, article = message.unplaced, self.current
        if article is None or article.id != unplaced.article_id or not self._writable():
            return
        view = self.query_one(ArticleView)
        old = unplaced.annotation
        start, end = likely_place(article.text, old.text, old.start) or view.at_cursor()
        view.focus()
        view.start_selection(start, end, editing=old)
        self._placing = unplaced
        self.notify(f"Placing {old.label} {snippet(old.text)}: h l w b j k move its end, V "
                    f"takes the paragraph, enter places it there (a label key: with that "
                    f"label), escape cancels.", timeout=8)  # fmt: skip

    def _place(self, unplaced: Unplaced, start: int, end: int, label: str) -> None:
        article = self.current
        assert article is not None
        text = article.text[start:end]

        def work(store: Store) -> tuple[Annotation, ArticleState | BaseException]:
            made = store.place_unplaced(article.id, unplaced.id, start, end, text)
            if label != made.label:
                made = store.update(made.id, label=label)
            return made, _read_back(store, article.id)

        def done(result: tuple[Annotation, ArticleState | BaseException]) -> None:
            made, state = result
            self._state_loaded(article.id, state)
            self.notify(f"Placed {made.label}: {snippet(made.text)} (u undoes).", timeout=3)

        self._run(work, done, what="The placement", article_id=article.id)

    def _delete_unplaced(self, unplaced: Unplaced) -> None:
        article_id = unplaced.article_id

        def done(state: ArticleState | BaseException) -> None:
            self._state_loaded(article_id, state)
            old = unplaced.annotation
            self.notify(f"Deleted the unplaced {old.label} {snippet(old.text)} (u undoes).",
                        timeout=4)  # fmt: skip

        self._run(lambda store: (store.delete_unplaced(article_id, unplaced.id),
                                 _read_back(store, article_id))[1],
                  done, what="The deletion", article_id=article_id)  # fmt: skip

    def action_resize_annotation(self, side: str, step: int) -> None:
        """Grow or shrink the highlighted annotation's start or end by a word."""
        annotation = self._annotation_here()
        if annotation is None or self.current is None or not self._writable():
            return
        words = self.query_one(ArticleView).words
        if not len(words):
            return
        first, last = words.covering(annotation.start, annotation.end)
        if side == "end":
            last = min(max(last + step, first), len(words) - 1)
        else:
            first = max(min(first + step, last), 0)
        start, end = words.spans[first][0], words.spans[last][1]
        if (start, end) == (annotation.start, annotation.end):
            self.notify("It cannot change that way.", timeout=2)
            return
        text = self.current.text[start:end]
        self._update(annotation, "Resized", start=start, end=end, text=text)

    def action_delete(self) -> None:
        item = self._panel_item()
        if item is not None and item[0] == "unplaced":
            if self._writable():
                self._delete_unplaced(item[1])
            return
        annotation = self._annotation_here()
        if annotation is None:
            self.notify("No annotation under the cursor to delete.", timeout=3)
            return
        if not self._writable():
            return
        article_id = annotation.article_id

        def done(state: ArticleState | BaseException) -> None:
            self._state_loaded(article_id, state)
            self.notify(f"Deleted {annotation.label} {snippet(annotation.text)} (u undoes).",
                        timeout=4, markup=False)  # fmt: skip

        self._run(lambda store: (store.delete(annotation.id), _read_back(store, article_id))[1],
                  done, what="The deletion", article_id=article_id)  # fmt: skip

    def action_note(self) -> None:
        from reader.dialogs import NoteScreen

        annotation = self._annotation_here()
        if annotation is None:
            self.notify("No annotation under the cursor to add a note to.", timeout=3)
            return
        if not self._writable():
            return

        def noted(note: str | None) -> None:
            if note is not None and note != annotation.note:
                self._update(annotation, "Note saved", note=note)

        about = f"Note on {annotation.label} {snippet(annotation.text, 60)}"
        self.push_screen(NoteScreen(about, annotation.note), noted)

    # --- suggestions --------------------------------------------------------------------

    def action_accept(self) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify("No suggestion under the cursor (q and m jump to quotes and figures).",
                        timeout=3)  # fmt: skip
            return
        if self.current is not None and self._writable():
            self._accept(suggestion, suggestion.label)

    def _accept(self, suggestion: Suggestion, label: str) -> None:
        assert self.current is not None
        self._add(self.current, suggestion.start, suggestion.end, label,
                  dict(suggestion.attrs), suggestion.origin)  # fmt: skip

    def action_reject(self) -> None:
        suggestion = self._suggestion_here()
        article = self.current
        if suggestion is None or article is None:
            self.notify("No suggestion under the cursor to reject.", timeout=3)
            return
        if not self._writable():
            return

        def done(state: ArticleState | BaseException) -> None:
            self._state_loaded(article.id, state)
            self.notify(f"Rejected {snippet(suggestion.text)}: not offered again (u undoes).",
                        timeout=3, markup=False)  # fmt: skip

        self._run(lambda store: (store.reject(article.id, suggestion.key, suggestion.record()),
                                 _read_back(store, article.id))[1],
                  done, what="The rejection", article_id=article.id)  # fmt: skip

    def action_accept_figures(self) -> None:
        """Accept every figure suggestion of the article, after a confirmation."""
        from reader.dialogs import ConfirmScreen

        article = self.current
        if article is None or not self._writable():
            return
        figures = [s for s in self.query_one(ArticleView).suggestions if s.kind == "figure"]
        if not figures:
            self.notify("No figure suggestions left in this article.", timeout=3)
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            items = [s.as_item() for s in figures]

            def work(store: Store) -> tuple[list[Annotation], ArticleState | BaseException]:
                from annotations.workspace import Workspace

                Workspace(self.workspace).save_article(article)
                there = _spans(store, article.id)
                new = [i for i in items if (i["start"], i["end"], i["label"]) not in there]
                return store.add_group(article.id, new), _read_back(store, article.id)

            def done(result: tuple[list[Annotation], ArticleState | BaseException]) -> None:
                made, state = result
                self._copied.add(article.id)
                self._state_loaded(article.id, state)
                together = " (u undoes them together)" if len(made) > 1 else " (u undoes it)"
                self.notify(f"Accepted {counted(len(made), 'figure')}{together}.", timeout=4)

            self._run(work, done, what="Accepting the figures", article_id=article.id)

        what = ("the figure suggestion" if len(figures) == 1 else
                f"all {counted(len(figures), 'figure suggestion')}")  # fmt: skip
        self.push_screen(ConfirmScreen(f"Accept {what} of “{article.title}”?"), confirmed)

    # --- undo, redo, done ---------------------------------------------------------------

    def action_undo(self) -> None:
        if self._writable():
            self._run(lambda store: store.undo(), lambda c: self._undone(c, "Undone"),
                      what="Undo")  # fmt: skip

    def action_redo(self) -> None:
        if self._writable():
            self._run(lambda store: store.redo(), lambda c: self._undone(c, "Redone"),
                      what="Redo")  # fmt: skip

    def _undone(self, change: Change | None, said: str) -> None:
        if change is None:
            self.notify(f"Nothing to {said.lower()[:-2]}.", timeout=2)
            return
        self.notify(f"{said}: {describe_change(change)}", timeout=3, markup=False)
        article_id = change.article_id
        if self.current is None or article_id != self.current.id:
            if article_id in self.articles:  # go where the change was, as an editor does
                self.query_one(ArticleList).move_to(article_id)
                self.open_article(article_id)  # type: ignore[attr-defined]
            else:
                self._load_state(article_id)
                return
        self._load_state(article_id)
        for other in _articles_of(change) - {article_id}:  # a move touches two articles
            self._load_state(other)
        span = _span_of(change)
        if span is not None:
            self.query_one(ArticleView).move_to(span[0], span)

    def action_done(self) -> None:
        """s: mark the open article done; on a done article, take the mark back."""
        article = self.current
        if article is None or not self._writable():
            return

        def work(store: Store) -> tuple[str, ArticleState | BaseException]:
            # Decided here, after any change still queued: `s s` typed fast toggles twice.
            before = store.article_state(article.id)
            annotated = "in progress" if before.annotations else "todo"
            status = annotated if before.status == "done" else "done"
            store.set_status(article.id, status)
            return status, _read_back(store, article.id)

        def finished(result: tuple[str, ArticleState | BaseException]) -> None:
            status, state = result
            self._state_loaded(article.id, state)
            self.notify(f"“{article.title}” is {status}." if status == "done" else
                        f"“{article.title}” is no longer done.", timeout=3,
                        markup=False)  # fmt: skip

        self._run(work, finished, what="The status", article_id=article.id)

    # --- the clipboard ------------------------------------------------------------------

    def action_copy(self) -> None:
        """y: the selection, or the annotation under the cursor, or the found span or
        sentence, with a citation line."""
        article = self.current
        if article is None:
            return
        view = self.query_one(ArticleView)
        annotation = None if view.selection is not None else self._annotation_here()
        if annotation is not None:
            text = article.text[annotation.start : annotation.end]
        else:
            target = view.target()
            if target is None:
                self.notify("Nothing to copy here.", timeout=2)
                return
            text = article.text[target[0] : target[1]]
        source = article.meta.get("site", "") or article.source
        cited = clipboard.citation(text, article.title, source, article.meta.get("date", "")[:10])
        where = clipboard.copy(self, cited)  # type: ignore[arg-type]
        self.notify(f"Copied {len(text):,} characters and a citation to {where}.", timeout=4)


_WORD = re.compile(r"\w{4,}")


def likely_place(text: str, annotated: str, near: int) -> tuple[int, int] | None:
    """Where an annotation that could not be placed most likely belongs: the longest of its
    words that the text still has, at the occurrence nearest its old offset."""
    words = sorted(set(_WORD.findall(annotated)), key=lambda w: (-len(w), w))
    for word in words:
        found = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        if found:
            at = min(found, key=lambda i: abs(i - near))
            return at, at + len(word)
    return None


def _spans(store: Store, article_id: str) -> set[tuple[int, int, str]]:
    """(start, end, label) of the article's annotations as the store has them."""
    return {(a.start, a.end, a.label) for a in store.article_state(article_id).annotations}


def _read_back(store: Store, article_id: str) -> ArticleState | BaseException:
    """The article's state after a change, or why it could not be read: the change is on
    disk either way, and must not be reported as lost."""
    try:
        return store.article_state(article_id)
    except Exception as exc:
        return exc


def describe_change(change: Change) -> str:
    """What an undo or redo did, in words."""
    if change.kind == "status":
        return f"status {change.before or 'unset'} → {change.after or 'unset'}"
    if change.kind == "rejection":
        record = change.after or change.before or {}
        return f"rejection of {snippet(str(record.get('text', '')))}"
    if change.kind == "group":
        return counted(len(change.after or change.before or {}), "accepted suggestion")
    if change.kind == "move":
        tables = (change.after or {}).get(change.article_id, {})
        moved = len(tables.get("annotations", {})) + len(tables.get("unplaced", {}))
        return f"move of {counted(moved, 'annotation')} onto the edited text"
    if change.kind in ("placement", "unplaced"):
        records = (change.before or {}).get(change.article_id, {}).get("unplaced", {})
        record = next(iter(records.values()), None) or {}
        old = record.get("annotation", {})
        verb = "placing" if change.kind == "placement" else "deleting"
        return f"{verb} the unplaced {old.get('label', '')} {snippet(str(old.get('text', '')))}"
    before, after = change.before, change.after
    record = after or before or {}
    verb = "added" if before is None else "deleted" if after is None else "changed"
    return f"{verb} {record.get('label', '')} {snippet(str(record.get('text', '')))}"


def _articles_of(change: Change) -> set[str]:
    """The articles a change wrote: a move's (and a placement's) records are by article."""
    if change.kind not in ("move", "placement", "unplaced"):
        return {change.article_id}
    return {*(change.before or {}), *(change.after or {})}


def _span_of(change: Change) -> tuple[int, int] | None:
    if change.kind == "placement":
        tables = (change.after or change.before or {}).get(change.article_id, {})
        made = next((r for r in tables.get("annotations", {}).values() if r), None)
        return (int(made["start"]), int(made["end"])) if made else None
    if change.kind not in ("annotation", "rejection"):
        return None
    record = change.after or change.before
    if isinstance(record, dict) and "start" in record and "end" in record:
        return int(record["start"]), int(record["end"])
    return None


def status_for(annotations: list[Annotation]) -> Content:
    """The status line's part for the annotations under the cursor."""
    parts: list[Content | tuple[str, str] | str] = []
    for annotation in annotations[:2]:
        if parts:
            parts.append("  ")
        parts += [(f"■ {annotation.label}", "bold"), " saved"]
        if annotation.attrs.get("speaker"):
            parts += [" · by ", Content(show_bidi(str(annotation.attrs["speaker"])))]
        if annotation.note:
            parts += [" · note: ", Content(show_bidi(" ".join(annotation.note.split()))[:40])]
    return Content.assemble(*parts)
