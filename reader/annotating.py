"""The annotating keys of the reader: tagging, editing, suggestions, undo, status, the
clipboard, and drawing what the annotation session reports.

Every change goes through the annotator's `AnnotationSession` (reader/session.py), which runs
it on the store's own thread and answers by messages; an annotation is drawn as saved only
when a message says it is on disk, and as "saving" (dim, lower-case initial in the gutter)
until then. Keys that change the store explain, instead of failing, when the store is
read-only (another assay holds this annotator's lock) or could not be opened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.color import Color
from textual.content import Content

from corpus.text import counted, show_bidi
from reader import clipboard
from reader.messages import (
    Accepted,
    AnnotationsChanged,
    Deleted,
    EditsFollowed,
    FilesChecked,
    Linked,
    Placed,
    Rejected,
    SaveFailed,
    StateUnreadable,
    StatusSet,
    StoreFailed,
    StoreOpened,
    Tagged,
    Undone,
    UnplacedDeleted,
    Updated,
    while_open,
)
from reader.panes import ReaderPanes
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from annotations.model import Annotation, Unplaced
    from annotations.store import ArticleState, Change
    from annotations.suggestions import Suggestion
    from corpus.article import Article

_SNIPPET = 40


def snippet(text: str, limit: int = _SNIPPET) -> str:
    words = " ".join(text.split())
    return f"“{words}”" if len(words) <= limit else f"“{words[: limit - 1]}…”"


class Annotating(ReaderPanes):
    """The annotating keys of the reader screen: they act through its session and draw what
    the session's messages report."""

    _placing: Unplaced | None = None  # an annotation of an earlier text being placed

    # --- what the session reports -------------------------------------------------------

    @while_open
    def on_store_opened(self, message: StoreOpened) -> None:
        if message.read_only:
            self.app.sub_title = f"annotator {self.annotator} · READ-ONLY"
            self._show_title("READ-ONLY")
            self.notify(
                message.reason or "read-only", title="Read-only", severity="warning", timeout=8
            )
        if self.current is not None:
            self.session.load(self.current.id)
        self.session.check_files()
        self._follow_edits()

    @while_open
    def on_store_failed(self, message: StoreFailed) -> None:
        self.notify(f"Annotations are off: {message.error}", severity="error", timeout=15)
        self.app.sub_title = f"annotator {self.annotator} · annotations off"
        self._show_title("ANNOTATIONS OFF")

    @while_open
    def on_files_checked(self, message: FilesChecked) -> None:
        fresh = [c for c in message.problems if not c.earlier]
        self.store_problems = [str(c) for c in message.problems]
        articles = self.query_one(ArticleList)
        for problem in message.problems:
            if problem.article_id is None:
                continue
            # Marked also when its row has not arrived yet (the check can finish before the
            # corpus is read): the list keeps the mark for the row.
            articles.mark_problem(problem.article_id, str(problem))
            if problem.article_id in self.articles and not problem.earlier:
                self.session.load(problem.article_id)  # it starts afresh now
        if fresh:
            shown = "\n".join(str(c) for c in fresh[:2])
            more = f"\n… and {len(fresh) - 2} more" if len(fresh) > 2 else ""
            title = counted(
                len(fresh),
                "annotation file could not be read",
                "annotation files could not be read",
            )
            self.notify(
                f"{shown}{more}\nctrl+p → “Loading report” lists them all.",
                title=title,
                severity="error",
                timeout=20,
            )
        elif message.problems:
            self.show_news(
                f"{counted(len(message.problems), 'annotation file')} set aside "
                f"earlier (ctrl+p: loading report)"
            )

    def _follow_edits(self) -> None:
        """Once the corpus is read whole and the store open (whichever comes last): a moved
        article's copy is saved with its boilerplate and metadata."""
        if self.finished:
            self.session.follow_edits(self.articles)

    @while_open
    def on_edits_followed(self, message: EditsFollowed) -> None:
        for moved in message.moves:
            article = self.articles.get(moved.new_id)
            title = f" of “{article.title}”" if article is not None else ""
            unplaced = (
                " (listed in the side panel: place or delete them)" if (moved.unplaced) else ""
            )
            self.notify(
                f"{moved.describe()}{title}{unplaced}.",
                title="The article's file was edited",
                severity="warning" if moved.unplaced or moved.fuzzy else "information",
                timeout=12,
            )

    @while_open
    def on_save_failed(self, message: SaveFailed) -> None:
        self.show_annotations()  # without the span that was being saved
        self.notify(f"{message.what}: {message.error}", severity="error", timeout=10)

    @while_open
    def on_state_unreadable(self, message: StateUnreadable) -> None:
        self.notify(
            f"Saved, but the article's annotations could not be read back: {message.error}",
            severity="error",
            timeout=10,
        )

    @while_open
    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        state = message.state
        self.query_one(ArticleList).update_row(
            message.article_id, len(state.annotations), state.status
        )
        self._update_list_status()
        if self.current is not None and message.article_id == self.current.id:
            if state.unplaced and (self.state is None or not self.state.unplaced):
                self.show_news(
                    f"{counted(len(state.unplaced), 'annotation')} of an earlier "
                    f"text could not be placed: the side panel lists them"
                )
            self.state = state
            self.show_annotations()

    @while_open
    def on_tagged(self, message: Tagged) -> None:
        if message.made is None:
            self.notify(f"Already tagged as {message.label}.", timeout=3)
        else:
            made = message.made
            self._notify_tagged(f"Saved {made.label}: {snippet(made.text)}", made.label)

    @while_open
    def on_linked(self, message: Linked) -> None:
        head, source = message.head, message.source
        self.notify(
            f"Linked {head.label} {snippet(head.text, 24)} ← {source.label} "
            f"{snippet(source.text, 24)} (u undoes, W jumps between them).",
            timeout=4,
        )

    @while_open
    def on_updated(self, message: Updated) -> None:
        made = message.made
        said = f"{message.said}: {made.label} {snippet(made.text)}"
        if message.said.startswith("Relabelled"):  # the panel's label keys (action_tag)
            self._notify_tagged(said, made.label)
        else:
            self.notify(said, timeout=3)

    def _notify_tagged(self, said: str, label: str) -> None:
        """A span was given `label`: said with what the label means, so that a key pressed
        for the wrong label is seen while u can still undo it."""
        description = self.settings.description_for(label)
        if description:
            self.notify(f"{said}\n{label}: {description}", timeout=5)
        else:
            self.notify(said, timeout=3)

    @while_open
    def on_deleted(self, message: Deleted) -> None:
        old = message.annotation
        self.notify(f"Deleted {old.label} {snippet(old.text)} (u undoes).", timeout=4)

    @while_open
    def on_rejected(self, message: Rejected) -> None:
        self.notify(
            f"Rejected {snippet(message.suggestion.text)}: not offered again (u undoes).",
            timeout=3,
        )

    @while_open
    def on_accepted(self, message: Accepted) -> None:
        made = message.made
        together = " (u undoes them together)" if len(made) > 1 else " (u undoes it)"
        self.notify(f"Accepted {counted(len(made), 'figure')}{together}.", timeout=4)

    @while_open
    def on_status_set(self, message: StatusSet) -> None:
        title = message.article.title
        self.notify(
            f"“{title}” is {message.status}."
            if message.status == "done"
            else f"“{title}” is no longer done.",
            timeout=3,
        )

    @while_open
    def on_placed(self, message: Placed) -> None:
        made = message.made
        self.notify(f"Placed {made.label}: {snippet(made.text)} (u undoes).", timeout=3)

    @while_open
    def on_unplaced_deleted(self, message: UnplacedDeleted) -> None:
        old = message.unplaced.annotation
        self.notify(f"Deleted the unplaced {old.label} {snippet(old.text)} (u undoes).", timeout=4)

    def show_annotations(self) -> None:
        """Draw the open article's annotations, those being saved, and its suggestions."""
        article = self.current
        if article is None:
            return
        view = self.query_one(ArticleView)
        view.label_styles = self._label_styles()
        state = self.state
        annotations = state.annotations if state else []
        saving = [(s.start, s.end, s.label) for s in self.session.saving(article.id)]
        suggestions = self._suggestions(article, state)
        relations = state.relations if state else ()
        view.set_annotations(annotations, saving, suggestions, {r.head for r in relations})
        near = view.at_cursor()[0]
        unplaced = state.unplaced if state else ()
        self.query_one("#side", SidePanel).show_annotations(
            article, annotations, suggestions, near, unplaced, relations
        )

    def _suggestions(self, article: Article, state: ArticleState | None) -> list[Suggestion]:
        from annotations.suggestions import suggest

        analysis = self.query_one(ArticleView).analysis
        if analysis is None or state is None or analysis.article_id != article.id:
            return []
        taken = {(a.start, a.end, a.label) for a in state.annotations}
        taken |= {(p.start, p.end, p.label) for p in self.session.saving(article.id)}
        return suggest(
            article.text,
            analysis.figures,
            analysis.quotes,
            article.boilerplate,
            self.settings.labels,
            state.rejected,
            taken,
        )

    def _label_styles(self) -> dict[str, Style]:
        """A tint of each label's theme colour over the reader's background."""
        variables = self.app.theme_variables
        view = self.query_one(ArticleView)
        background = view.styles.background
        styles = {}
        for label in self.settings.labels:
            colour = Color.parse(variables.get(self.settings.colour_for(label), "#808080"))
            tint = background.blend(colour, 0.35) if background.a else colour.with_alpha(0.35)
            styles[label] = Style(bgcolor=tint.rich_color)
        return styles

    def _writable(self) -> bool:
        """True when changes can be saved; otherwise say why nothing will be."""
        refusal = self.session.refusal()
        if refusal is None:
            return True
        if refusal.read_only:
            self.notify(refusal.text, title="Read-only", severity="warning", timeout=8)
        else:
            self.notify(refusal.text, severity="error", timeout=8)
        return False

    # --- who said it: relations -------------------------------------------------------

    _linking: Annotation | None = None  # the claim being linked to its source
    _candidates: tuple[tuple[int, int], ...] = ()  # where its speaker may be named
    _candidate = -1

    def action_who(self) -> None:
        """W: from a claim to its source, from a source to its claim (the next one, each
        time, when there are several)."""
        annotation = self._annotation_here()
        state = self.state
        if annotation is None or state is None:
            self.notify("No annotation here: W jumps from a claim to its source.", timeout=3)
            return
        by_id = {a.id: a for a in state.annotations}
        others = [
            by_id[r.child if r.head == annotation.id else r.head]
            for r in state.relations
            if annotation.id in r.ends()
            and (r.child if r.head == annotation.id else r.head) in by_id
        ]
        if not others:
            self.notify(
                f"{annotation.label.capitalize()} {snippet(annotation.text, 30)} is linked to "
                f"nothing (K links a claim to who said it).",
                timeout=4,
            )
            return
        others.sort(key=lambda a: (a.start, a.end))
        view = self.query_one(ArticleView)
        here = view.focus_span
        after = [a for a in others if here is not None and (a.start, a.end) > here]
        target = after[0] if after and len(others) > 1 else others[0]
        view.move_to(target.start, (target.start, target.end))
        view.focus()

    def action_link(self) -> None:
        """K: link the claim here to who said it. The speaker found for its quotation and
        the people and organisations named in its sentence and the one before are offered
        in turn (K again: the next); the jump keys and a selection choose any other span;
        enter links (the span becomes a `source` if it is not one); escape cancels."""
        if self._linking is not None:
            self._offer_candidate()
            return
        head = self._annotation_here()
        article = self.current
        if head is None or article is None:
            self.notify(
                "No claim here to link: put the cursor on a claim (or its panel row), then K.",
                timeout=4,
            )
            return
        if not self._writable():
            return
        from annotations.model import SOURCE

        if SOURCE not in self.settings.labels:
            self.notify(
                f"Links go to a {SOURCE!r} annotation, and the labels in the settings have none: "
                f"add {SOURCE!r} to them.",
                severity="warning",
                timeout=8,
            )
            return
        self._linking = head
        self._candidates = self._source_candidates(head)
        self._candidate = -1
        view = self.query_one(ArticleView)
        view.focus()
        if self._candidates:
            self._offer_candidate()
        else:
            view.move_to(head.start, (head.start, head.end))
            view.announce()

    def _offer_candidate(self) -> None:
        """The next place the claim's speaker may be named, shown as the found span."""
        if not self._candidates:
            self.notify("No speaker or name near this claim: choose one with t/T or v.", timeout=3)
            return
        self._candidate = (self._candidate + 1) % len(self._candidates)
        start, end = self._candidates[self._candidate]
        view = self.query_one(ArticleView)
        view.move_to(start, (start, end))
        view.announce()

    def _source_candidates(self, head: Annotation) -> tuple[tuple[int, int], ...]:
        """Where the speaker of `head` may be named, best first: the speaker found for its
        quotation, then the people and organisations named in its sentence and the one
        before, nearest first."""
        found: list[tuple[int, int]] = []
        spoke_start, spoke_end = head.attrs.get("speaker_start"), head.attrs.get("speaker_end")
        if isinstance(spoke_start, int) and isinstance(spoke_end, int) and spoke_start < spoke_end:
            found.append((spoke_start, spoke_end))
        view = self.query_one(ArticleView)
        analysis = view.analysis
        if (
            analysis is not None
            and self.current is not None
            and analysis.article_id == self.current.id
        ):
            for quote in analysis.quotes:
                if (
                    quote.start < head.end
                    and head.start < quote.end
                    and quote.speaker_start is not None
                    and quote.speaker_end is not None
                ):
                    found.append((quote.speaker_start, quote.speaker_end))
            sentences = analysis.sentences
            first = next((i for i, (s, e) in enumerate(sentences) if s <= head.start < e), None)
            if first is not None:
                lo = sentences[max(first - 1, 0)][0]
                hi = max(head.end, sentences[first][1])
                near = [
                    (e.start, e.end)
                    for e in analysis.entities
                    if e.label in ("PERSON", "ORG", "NORP", "GPE")
                    and lo <= e.start < hi
                    and not (head.start <= e.start and e.end <= head.end and e.label != "PERSON")
                ]
                near.sort(key=lambda span: (span[0] < head.start, abs(span[0] - head.start)))
                people = [span for span in near if span not in found]
                found += people
        return tuple(dict.fromkeys(span for span in found if span != (head.start, head.end)))

    def _finish_link(self) -> None:
        """enter while linking: link the claim to the selection, else the span found."""
        head, article = self._linking, self.current
        view = self.query_one(ArticleView)
        if head is None or article is None:
            return
        chosen = view.selection.bounds(view.words) if view.selection is not None else None
        chosen = chosen or view.focus_span
        if chosen is None:
            self.notify(
                "Choose who said it first: K offers names near the claim, t/T jump to "
                "names, v selects; escape cancels.",
                timeout=4,
            )
            return
        start, end = chosen
        if (start, end) == (head.start, head.end):
            self.notify("A claim cannot be its own source: choose another span.", timeout=3)
            return
        self._end_linking()
        view.cancel_selection()
        self.session.link(article, head, start, end, self.settings.relation_labels[0])

    def cancel_linking(self) -> bool:
        """escape while linking: leave it (True), else False."""
        if self._linking is None:
            return False
        self._end_linking()
        self.notify("Linking cancelled.", timeout=2)
        return True

    def _end_linking(self) -> None:
        self._linking, self._candidates, self._candidate = None, (), -1
        self.query_one(ArticleView).announce()

    def linking_status(self) -> list[Content]:
        """What the status line says first while a claim is being linked."""
        head = self._linking
        if head is None:
            return []
        more = " · K next name" if len(self._candidates) > 1 else ""
        return [
            Content.assemble(
                ("linking ", "bold reverse"),
                (f"{head.label} ", "bold"),
                Content(snippet(show_bidi(head.text), 24)),
                f" ← who said it ({self.settings.relation_labels[0]}): enter links the span "
                f"shown{more} · t/T q/Q v choose · escape cancels",
            )
        ]

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
                self.notify(
                    "Highlight an annotation (relabel) or a suggestion (accept) first.", timeout=3
                )
            elif item[0] == "annotation":
                self._update(item[1], f"Relabelled as {label}", label=label)
            elif item[0] == "unplaced":
                self.notify(
                    "enter places it on the text (then a label key places it with "
                    "that label); d deletes it.",
                    timeout=4,
                )
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
        saved = self.state.annotations if self.state and self.current is article else []
        if any((a.start, a.end, a.label) == (start, end, label) for a in saved) or (
            self.session.tag(
                article, start, end, label, attrs, origin, source, self.settings.relation_labels[0]
            )
            is None
        ):  # a second press before the first is saved must not tag twice
            self.notify(f"Already tagged as {label}.", timeout=3)
            return
        self.show_annotations()  # drawn as being saved before the key returns

    def _update(self, annotation: Annotation, said: str, **changes: Any) -> None:
        self.session.update(annotation, said, **changes)

    def action_edit(self) -> None:
        """enter in the reader: change the boundaries of the annotation under the cursor (the
        selection takes its span; enter or a label key saves, escape leaves it)."""
        view = self.query_one(ArticleView)
        if self._linking is not None:
            self._finish_link()
            return
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
        self.notify(
            f"Editing {annotation.label} {snippet(annotation.text)}: h l w b j k move "
            f"its end, enter or a label key saves, escape cancels.",
            timeout=6,
            markup=False,
        )

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
        self.notify(
            f"Placing {old.label} {snippet(old.text)}: h l w b j k move its end, V "
            f"takes the paragraph, enter places it there (a label key: with that "
            f"label), escape cancels.",
            timeout=8,
        )

    def _place(self, unplaced: Unplaced, start: int, end: int, label: str) -> None:
        assert self.current is not None
        self.session.place_unplaced(self.current, unplaced, start, end, label)

    def _delete_unplaced(self, unplaced: Unplaced) -> None:
        self.session.delete_unplaced(unplaced)

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
        self.session.delete(annotation)

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
        self.app.push_screen(NoteScreen(about, annotation.note), noted)

    # --- suggestions --------------------------------------------------------------------

    def action_accept(self) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify(
                "No suggestion under the cursor (q and m jump to quotes and figures).", timeout=3
            )
            return
        if self.current is not None and self._writable():
            self._accept(suggestion, suggestion.label)

    def _accept(self, suggestion: Suggestion, label: str) -> None:
        """Accept `suggestion` as `label`; a quotation with its speaker's span found brings
        the speaker as its `source`, linked (session.tag)."""
        assert self.current is not None
        self._add(
            self.current,
            suggestion.start,
            suggestion.end,
            label,
            dict(suggestion.attrs),
            suggestion.origin,
            source=suggestion.speaker_span,
        )

    def action_reject(self) -> None:
        suggestion = self._suggestion_here()
        article = self.current
        if suggestion is None or article is None:
            self.notify("No suggestion under the cursor to reject.", timeout=3)
            return
        if not self._writable():
            return

        self.session.reject(article, suggestion)

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
            if yes:
                self.session.accept_all(article, figures)

        what = (
            "the figure suggestion"
            if len(figures) == 1
            else f"all {counted(len(figures), 'figure suggestion')}"
        )
        self.app.push_screen(ConfirmScreen(f"Accept {what} of “{article.title}”?"), confirmed)

    # --- undo, redo, done ---------------------------------------------------------------

    def action_undo(self) -> None:
        if self._writable():
            self.session.undo()

    def action_redo(self) -> None:
        if self._writable():
            self.session.redo()

    @while_open
    def on_undone(self, message: Undone) -> None:
        change = message.change
        said = "Redone" if message.redone else "Undone"
        if change is None:
            self.notify(f"Nothing to {said.lower()[:-2]}.", timeout=2)
            return
        self.notify(f"{said}: {describe_change(change)}", timeout=3)
        article_id = change.article_id
        if self.current is None or article_id != self.current.id:
            if article_id not in self.articles:
                return  # its state is read; there is nothing of it to show
            # Go where the change was, as an editor does.
            self.query_one(ArticleList).move_to(article_id)
            self.open_article(article_id)
        span = _span_of(change)
        if span is not None:
            self.query_one(ArticleView).move_to(span[0], span)

    def action_done(self) -> None:
        """s: mark the open article done; on a done article, take the mark back."""
        article = self.current
        if article is not None and self._writable():
            self.session.toggle_done(article)

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
        where = clipboard.copy(self.assay, cited)
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


def describe_change(change: Change) -> str:
    """What an undo or redo did, in words."""
    from annotations.team import GROUP_KEY_PREFIX  # not start-up work

    if change.kind == "status":
        return f"status {change.before or 'unset'} → {change.after or 'unset'}"
    if change.kind == "rejection":
        record = change.after or change.before or {}
        if change.key.startswith(GROUP_KEY_PREFIX):  # a review's decision that added nothing
            return f"decision {record.get('decision', '')} on a group"
        return f"rejection of {snippet(str(record.get('text', '')))}"
    if change.kind == "group":
        records = [r for r in (change.after or change.before or {}).values() if r]
        if records and all("review" in (r.get("attrs") or {}) for r in records):
            return counted(len(records), "span taken into gold", "spans taken into gold")
        return counted(len(change.after or change.before or {}), "accepted suggestion")
    if change.kind == "move":
        tables = (change.after or {}).get(change.article_id, {})
        moved = len(tables.get("annotations", {})) + len(tables.get("unplaced", {}))
        return f"move of {counted(moved, 'annotation')} onto the edited text"
    if change.kind == "linked":
        return _describe_linked(change)
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


def _describe_linked(change: Change) -> str:
    """A change of relations (with the annotations they link, when it made or deleted
    some): "added claim “…” with 1 link", "deleted source “…” and 2 links", "link removed"."""
    before = (change.before or {}).get(change.article_id, {})
    after = (change.after or {}).get(change.article_id, {})
    annotations = {**before.get("annotations", {}), **after.get("annotations", {})}
    relations = {**before.get("relations", {}), **after.get("relations", {})}
    made = [r for k, r in after.get("annotations", {}).items() if r and k in annotations]
    gone = [r for k, r in before.get("annotations", {}).items() if r]
    links = counted(len(relations), "link")
    if made:
        first = made[0]
        more = f" and {counted(len(made) - 1, 'span')}" if len(made) > 1 else ""
        return f"added {first['label']} {snippet(str(first['text']))}{more} with {links}"
    if gone:
        first = gone[0]
        return f"deleted {first['label']} {snippet(str(first['text']))} and {links}"
    if len(relations) == 1:
        old = next(iter(before.get("relations", {}).values()), None)
        new = next(iter(after.get("relations", {}).values()), None)
        verb = "added" if old is None else "removed" if new is None else "changed"
        label = (new or old or {}).get("label", "")
        return f"{label} link {verb}"
    return f"change of {links}"


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


def status_for(annotations: list[Annotation], state: ArticleState | None = None) -> Content:
    """The status line's part for the annotations under the cursor: each one's label, who
    said it (a claim linked to its source: "claim ← source: Boris Titov (said)"; else the
    speaker its quotation was found with), and its note."""
    parts: list[Content | tuple[str, str] | str] = []
    relations = state.relations if state is not None else ()
    # (on every cursor move: the annotations are indexed only when something is linked)
    by_id = {a.id: a for a in state.annotations} if state is not None and relations else {}
    for annotation in annotations[:2]:
        if parts:
            parts.append("  ")
        sources = [
            by_id[r.child] for r in relations if r.head == annotation.id and r.child in by_id
        ]
        claims = [by_id[r.head] for r in relations if r.child == annotation.id and r.head in by_id]
        if sources:
            cue = annotation.attrs.get("cue")
            said = f" ({show_bidi(str(cue))})" if cue else ""
            who = "; ".join(" ".join(s.text.split()) for s in sources[:2])
            parts += [(f"■ {annotation.label}", "bold"), " ← ", (f"{sources[0].label}:", "bold"),
                      " ", Content(show_bidi(who)[:40] + said)]  # fmt: skip
        else:
            parts += [(f"■ {annotation.label}", "bold"), " saved"]
            if annotation.attrs.get("speaker"):
                parts += [" · by ", Content(show_bidi(str(annotation.attrs["speaker"])))]
            if claims:
                parts += [" · ", ("→ ", "bold"), Content(f"said {snippet(claims[0].text, 30)}")]
        if annotation.note:
            parts += [" · note: ", Content(show_bidi(" ".join(annotation.note.split()))[:40])]
    return Content.assemble(*parts)
