"""The reader pane: an article drawn line by line, with its highlights and a sentence cursor.

Only the lines on screen are drawn (Textual's line API): opening a 100,000-word article costs
one wrap of its text, and a keypress redraws what is visible. Article text is untrusted and
never goes through markup: each line is a `rich.text.Text` built from the plain string.

Cues never rest on colour alone: entities are underlined, quotes italic, figures bold, site
chrome dim (or folded away), find matches reversed, and the sentence under the cursor has a
bar in the gutter. Annotations are tinted in their label's colour and the gutter names the
label of the first one on a line by its initial (upper case once saved, lower case while it
is being saved, "?" for a suggestion); the selection is reversed and bold, with a "┃" in the
gutter. Annotations, those being saved and suggestions are overlays (reader/widgets/
overlays.py): one more kind of span (another annotator's) is one more registered overlay.

Selecting (reader/selection.py): `v` starts a selection at the cursor's word, `h`/`l` and
`w`/`b` move its head by word, `j`/`k` by sentence, shift+arrows likewise, `V` takes the
paragraph; dragging the mouse selects too. With no selection, a tagging key takes the found
or jumped-to span, else the sentence under the cursor.

What the view shows is the article and its spans (which change rarely: each change bumps a
generation) and three reactives, `cursor`, `selection` and `focus_span`, whose watchers share
one path: it refreshes the screen and, once the change is complete, posts `SelectionChanged`
(when the selection moved) and `CursorMoved`. A drawn line is cached under everything it
shows, so a cursor step draws again only the lines the old and new sentence are on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.dom import NoScreen
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from corpus.entities import as_listed
from corpus.text import close_bidi, paragraphs, trimmed_span
from reader.layout import ScreenLine, SpanIndex, line_of, wrap
from reader.selection import Selection, Words
from reader.widgets.annotation_keys import annotation_bindings
from reader.widgets.overlays import (
    LINKED,
    SAVED,
    SAVING,
    SUGGESTED,
    Overlay,
    OverlayStack,
    Payload,
)

if TYPE_CHECKING:
    from textual import events

    from annotations.model import Annotation
    from annotations.suggestions import Suggestion
    from corpus.analysis import Analysis
    from corpus.article import Article
    from corpus.figures import Figure
    from corpus.quotes import Quote

GUTTER = 2
# spaCy labels drawn in one colour each; the rest share "other".
ENTITY_GROUPS = {
    "PERSON": "person",
    "NORP": "other",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PRODUCT": "other",
    "EVENT": "other",
    "LAW": "other",
    "WORK_OF_ART": "other",
    "LANGUAGE": "other",
}
MAX_MATCHES = 10_000


@dataclass(frozen=True, slots=True)
class Mark:
    """What a highlight is, for the status line and for jumps."""

    kind: str  # "entity" | "quote" | "figure"
    label: str
    text: str
    data: Quote | Figure | None = None  # what the analysis found there

    @property
    def component(self) -> str:
        """The component class it is drawn with: an entity's group, else its kind."""
        name = ENTITY_GROUPS.get(self.label, "other") if self.kind == "entity" else self.kind
        return f"article-view--{name}"


_CREATED, _START = attrgetter("created_at"), attrgetter("start")
# More spans changed at once than this, and every line is drawn again.
_FEW_CHANGES = 64


def _negative_end(annotation: Annotation) -> int:
    return -annotation.end


def _view_order(annotation: Annotation) -> tuple[int, int, str]:
    """The reader's order of annotations: by start, longest first, then by age."""
    return annotation.start, -annotation.end, annotation.created_at


class ArticleView(ScrollView, can_focus=True):
    """The article under a sentence cursor. `show()` an article; `set_analysis()` when ready."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor(1)",
            "Next sentence",
            show=False,
            id="reader.next_sentence",
            tooltip="Move the cursor to the next sentence",
        ),
        Binding(
            "k,up",
            "cursor(-1)",
            "Previous sentence",
            show=False,
            id="reader.previous_sentence",
            tooltip="Move the cursor to the previous sentence",
        ),
        Binding(
            "pagedown,space",
            "page(1)",
            "Page down",
            show=False,
            id="reader.page_down",
            tooltip="Down a page",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="reader.page_up", tooltip="Up a page"
        ),
        Binding(
            "g,home",
            "edge(0)",
            "Top",
            show=False,
            id="reader.top",
            tooltip="The start of the article",
        ),
        Binding(
            "G,end",
            "edge(1)",
            "Bottom",
            show=False,
            id="reader.bottom",
            tooltip="The end of the article",
        ),
        Binding(
            "q",
            "jump('quote', 1)",
            "Next quote",
            id="reader.next_quote",
            tooltip="Jump to the next quote",
        ),
        Binding(
            "Q",
            "jump('quote', -1)",
            "Previous quote",
            show=False,
            id="reader.prev_quote",
            tooltip="Jump to the previous quote",
        ),
        Binding(
            "m",
            "jump('figure', 1)",
            "Next figure",
            id="reader.next_figure",
            tooltip="Jump to the next figure",
        ),
        Binding(
            "M",
            "jump('figure', -1)",
            "Previous figure",
            show=False,
            id="reader.prev_figure",
            tooltip="Jump to the previous figure",
        ),
        Binding(
            "t",
            "jump('entity', 1)",
            "Next entity",
            id="reader.next_entity",
            tooltip="Jump to the next entity (of the one chosen in the panel, while the list "
            "shows the articles that mention it)",
        ),
        Binding(
            "T",
            "jump('entity', -1)",
            "Previous entity",
            show=False,
            id="reader.prev_entity",
            tooltip="Jump to the previous entity (of the one chosen in the panel, while the "
            "list shows the articles that mention it)",
        ),
        Binding(
            "n",
            "next_match(1)",
            "Next match",
            show=False,
            id="reader.next_match",
            tooltip="The next match of the find",
        ),
        Binding(
            "N",
            "next_match(-1)",
            "Previous match",
            show=False,
            id="reader.prev_match",
            tooltip="The previous match of the find",
        ),
        Binding(
            "v",
            "select",
            "Select",
            id="select.start",
            tooltip="Start a selection at the cursor (again: cancel it)",
        ),
        Binding(
            "V",
            "select_paragraph",
            "Select paragraph",
            show=False,
            id="select.paragraph",
            tooltip="Select the paragraph under the cursor",
        ),
        Binding(
            "l,shift+right",
            "extend(1)",
            "Extend by word",
            show=False,
            id="select.right",
            tooltip="Move the selection's end a word on",
        ),
        Binding(
            "h,shift+left",
            "extend(-1)",
            "Shrink by word",
            show=False,
            id="select.left",
            tooltip="Move the selection's end a word back",
        ),
        Binding(
            "w",
            "extend_word(1)",
            "Next word",
            show=False,
            id="select.next_word",
            tooltip="Move the selection's end to the next word",
        ),
        Binding(
            "b",
            "extend_word(-1)",
            "Previous word",
            show=False,
            id="select.previous_word",
            tooltip="Move the selection's end to the previous word",
        ),
        Binding(
            "shift+down",
            "extend_sentence(1)",
            "Extend by sentence",
            show=False,
            id="select.down",
            tooltip="Move the selection's end a sentence on",
        ),
        Binding(
            "shift+up",
            "extend_sentence(-1)",
            "Shrink by sentence",
            show=False,
            id="select.up",
            tooltip="Move the selection's end a sentence back",
        ),
        Binding(
            "enter",
            "app.edit",
            "Edit",
            show=False,
            id="annotate.edit",
            tooltip="Edit the bounds of the annotation under the cursor (enter saves)",
        ),
        *annotation_bindings("annotate"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--person",
        "article-view--org",
        "article-view--place",
        "article-view--other",
        "article-view--quote",
        "article-view--figure",
        "article-view--boilerplate",
        "article-view--cursor",
        "article-view--gutter",
        "article-view--match",
        "article-view--match-current",
        "article-view--fold",
        "article-view--focus",
        "article-view--selection",
        "article-view--annotation",
        "article-view--suggestion",
        "article-view--saving",
        "article-view--linked",
    }

    DEFAULT_CSS = """
    ArticleView { background: $surface; overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleView > .article-view--person { color: $text-accent; text-style: underline bold; }
    ArticleView > .article-view--org { color: $text-secondary; text-style: underline; }
    ArticleView > .article-view--place { color: $text-success; text-style: underline; }
    ArticleView > .article-view--other { color: $text-warning; text-style: underline; }
    ArticleView > .article-view--quote { text-style: italic; background: $primary 12%; }
    ArticleView > .article-view--figure { color: $text-error; text-style: bold; }
    ArticleView > .article-view--boilerplate { color: $text-disabled; text-style: dim; }
    ArticleView > .article-view--cursor { background: $boost; }
    ArticleView > .article-view--gutter { color: $accent; }
    ArticleView > .article-view--match { text-style: reverse; }
    ArticleView > .article-view--match-current { text-style: reverse bold underline; }
    ArticleView > .article-view--fold { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--focus { text-style: reverse; }
    ArticleView > .article-view--selection { text-style: reverse bold; }
    ArticleView > .article-view--annotation { text-style: underline; }
    ArticleView > .article-view--suggestion { text-style: underline; color: $text-warning; }
    ArticleView > .article-view--saving { text-style: dim italic; }
    """

    class CursorMoved(Message):
        """The cursor is on a new sentence (or the selection changed); `marks` are the
        highlights at its focus."""

        def __init__(self, view: ArticleView, start: int, end: int, marks: list[Mark]) -> None:
            super().__init__()
            self.view = view
            self.start = start
            self.end = end
            self.marks = marks
            self.shown = False  # the view's `status_hook` has shown it already

        @property
        def control(self) -> ArticleView:
            """The view (so that `@on(..., "#reader")` tells one view from another)."""
            return self.view

        def can_replace(self, message: Message) -> bool:
            # Holding a key floods the queue: only where the cursor is now is worth reporting.
            return isinstance(message, ArticleView.CursorMoved) and message.view is self.view

    class SelectionChanged(Message):
        """A selection was started, moved or cancelled (`span` None)."""

        def __init__(
            self,
            span: tuple[int, int] | None,
            editing: Annotation | None,
            view: ArticleView | None = None,
        ) -> None:
            super().__init__()
            self.span = span
            self.editing = editing
            self.view = view

        @property
        def control(self) -> ArticleView | None:
            """The view whose selection it is."""
            return self.view

    show_entities: reactive[bool] = reactive(True)
    show_quotes: reactive[bool] = reactive(True)
    show_figures: reactive[bool] = reactive(True)
    fold_boilerplate: reactive[bool] = reactive(False)
    # The view state. Every change goes through `_view_changed`, which refreshes only the
    # lines it touches (hence no repaint of the whole view here).
    cursor: reactive[int] = reactive(0, init=False, repaint=False)  # a sentence's index in units
    selection: reactive[Selection | None] = reactive(None, init=False, repaint=False)
    # The span a jump or a find landed on.
    focus_span: reactive[tuple[int, int] | None] = reactive(None, init=False, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.units: list[tuple[int, int]] = []  # sentences (paragraphs until analysis is in)
        self._unit_starts: list[int] = []
        self.lines: list[ScreenLine] = []
        self._line_starts: list[int] = []
        self._marks: SpanIndex[Mark] = SpanIndex()
        self._boilerplate: SpanIndex[None] = SpanIndex()
        # (paragraph start, why it is chrome), found when chrome is first folded
        self._chrome_reasons: list[tuple[int, str]] | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1
        self.find_query = ""  # what the matches are of
        self._width = 0
        # Drawn lines under everything they show (see `_line_key`); the generation counts
        # changes to the article's spans, which touch any line.
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(512)
        self._generation = 0
        # Lines drawn again for a change of a few spans: by line index, how many times.
        self._line_versions: dict[int, int] = {}
        self._shown: tuple[tuple[int, int] | None, ...] = ()  # what `_state_spans` last gave
        self._announcing = False
        self._frame_hold: AbstractContextManager[None] | None = None
        # Called with each `CursorMoved` before it is posted: the screen's status line, set
        # in the same frame as the lines the change redraws.
        self.status_hook: Callable[[ArticleView.CursorMoved], None] | None = None
        self._announced: tuple[tuple[int, int] | None, Annotation | None] = (None, None)
        # Annotating: the saved annotations, those being saved, and the suggestions.
        self.annotations: list[Annotation] = []
        self.saving: list[tuple[int, int, str]] = []
        self.suggestions: list[Suggestion] = []
        # The annotations and linked ids last given, as given.
        self._given: Sequence[Annotation] = ()
        self._linked: frozenset[str] = frozenset()
        # Each annotation's (start, end, annotation), by id() of the annotation it holds.
        self._annotation_spans: dict[int, tuple[int, int, Annotation]] = {}
        self._overlays = OverlayStack()
        # Overlays with a gutter column of their own (a review's annotators), and their marks.
        self._columns: tuple[tuple[Overlay[Any], Callable[[Any], str]], ...] = ()
        self._label_styles: dict[str, Style] = {}
        self.select_characters = False
        # The cursor's sentence is marked by a bar in the gutter; tinted too, when set (each
        # move then draws its lines again: over SSH, a kilobyte or more a keypress).
        self.tint_cursor = False
        self.editing: Annotation | None = None  # the annotation whose span the selection edits
        self._words: Words | None = None
        # The export's tokens of an article, where the analysis cached them (else None).
        self.token_source: Callable[[Article], list[tuple[int, int]] | None] | None = None
        self._dragging = False
        self._press = 0
        # The entity `t` and `T` walk (its name, and the forms it is written in), or None: all.
        self.followed: tuple[str, frozenset[str]] | None = None

    # --- what is shown ------------------------------------------------------------------

    def show(self, article: Article, analysis: Analysis | None = None) -> None:
        """Show `article` at its top; its highlights follow with `set_analysis`."""
        self.article = article
        self.analysis = None
        self.matches, self.match_index = [], -1
        self.find_query = ""
        self.editing, self._words = None, None
        self.annotations, self.saving, self.suggestions = [], [], []
        self._annotation_spans, self._given, self._linked = {}, (), frozenset()
        self._overlays.clear()
        self._boilerplate = SpanIndex((s, e, None) for s, e in article.boilerplate)
        self._chrome_reasons = None
        self._set_units([(p.start, p.end) for p in paragraphs(article.text)] or [(0, 0)])
        self.selection, self.focus_span, self.cursor = None, None, 0
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        if analysis is not None:
            self.set_analysis(analysis)
        else:
            self._rebuild_marks()

    def set_analysis(self, analysis: Analysis) -> None:
        """Highlights and sentences arrive; the cursor stays on the text it was on."""
        if self.article is None or analysis.article_id != self.article.id:
            return
        offset = self.units[self.cursor][0] if self.units else 0
        self.analysis = analysis
        sentences = [(s, e) for s, e in analysis.sentences if self.article.text[s:e].strip()]
        if sentences:
            self._set_units(sentences)
            self.cursor = self._unit_at(offset)
        if self.selection is None:
            self._words = None  # the pipeline's tokens may be in the cache now
        self._rebuild_marks()

    def _set_units(self, units: list[tuple[int, int]]) -> None:
        self.units = units
        self._unit_starts = [u[0] for u in units]

    def _rebuild_marks(self) -> None:
        spans: list[tuple[int, int, Mark]] = []
        analysis = self.analysis
        if analysis is not None:
            if self.show_quotes:
                # Marks carry the records as dicts while describe() in reader/app.py reads them.
                for quote in analysis.quotes:
                    if quote.is_direct:
                        start, end = quote.start, quote.end
                        mark = Mark("quote", "quote", self._text(start, end), quote)
                        spans.append((start, end, mark))
            if self.show_entities:
                for entity in analysis.entities:
                    if entity.label in ENTITY_GROUPS:
                        mark = Mark("entity", entity.label, entity.text)
                        spans.append((entity.start, entity.end, mark))
            if self.show_figures:
                for figure in analysis.figures:
                    mark = Mark("figure", figure.label, figure.text, figure)
                    spans.append((figure.start, figure.end, mark))
        self._marks = SpanIndex(spans)
        self._spans_changed()

    def _text(self, start: int, end: int) -> str:
        return self.article.text[start:end] if self.article else ""

    # --- overlays: annotations, those being saved, suggestions --------------------------

    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        saving: Sequence[tuple[int, int, str]] = (),
        suggestions: Sequence[Suggestion] = (),
        linked: Collection[str] = (),
    ) -> None:
        """What the annotator has (saved, and being saved) and what is suggested; `linked`:
        the ids of the annotations linked to a source (marked in the gutter). A list given
        again (the same object) must hold what it held: then only what is being saved and
        the suggestions are looked at (a tag drawn as being saved)."""
        linked = frozenset(linked)
        changed: list[tuple[int, int]] | None
        if (
            annotations is self._given
            and len(annotations) == len(self.annotations)
            and linked == self._linked
        ):
            saving, suggestions = list(saving), list(suggestions)
            if suggestions != self.suggestions:
                changed = None
            else:
                changed = [(s, e) for s, e, _label in set(saving) ^ set(self.saving)]
            self.saving, self.suggestions = saving, suggestions
            self._set_small_overlays()
            self._spans_drawn(changed)
            return
        self._given, self._linked = annotations, linked
        # Each annotation's span tuple is kept from the last call (the store hands back the
        # same objects): those new and those gone are what changed. Few of them (a save):
        # the order is the last one's with the new placed in it; else a sort, by start,
        # longest first, then by age, in stable passes on plain keys. Either way a save of
        # an article of thousands of annotations allocates almost no containers, so it sets
        # off no garbage collection of the whole heap.
        spans = self._annotation_spans
        current = set(map(id, annotations))
        fresh = [a for a in annotations if id(a) not in spans]
        gone = [span for key, span in spans.items() if key not in current]
        few = len(fresh) + len(gone) <= _FEW_CHANGES
        if few and len(spans) - len(gone) + len(fresh) == len(annotations):
            went = {id(span[2]) for span in gone}
            ordered = [a for a in self.annotations if id(a) not in went]
            for annotation in fresh:
                insort(ordered, annotation, key=_view_order)
            for span in gone:
                del spans[id(span[2])]
            for annotation in fresh:
                spans[id(annotation)] = (annotation.start, annotation.end, annotation)
            changed = [
                *(span[:2] for span in gone),
                *((a.start, a.end) for a in fresh),
            ]
        else:
            ordered = sorted(annotations, key=_CREATED)
            ordered.sort(key=_negative_end)
            ordered.sort(key=_START)
            self._annotation_spans = spans = {
                id(a): spans.get(id(a)) or (a.start, a.end, a) for a in ordered
            }
            changed = None
        saved = [spans[id(a)] for a in ordered]
        links = [span for span in saved if span[2].id in linked] if linked else []
        saving, suggestions = list(saving), list(suggestions)
        if suggestions != self.suggestions:
            changed = None
        elif changed is not None:
            old = self._overlays.spans(LINKED).spans
            old_ids, new_ids = set(map(id, old)), set(map(id, links))
            changed += [span[:2] for span in old if id(span) not in new_ids]
            changed += [span[:2] for span in links if id(span) not in old_ids]
            changed += [(s, e) for s, e, _label in set(saving) ^ set(self.saving)]
        self.annotations, self.saving, self.suggestions = ordered, saving, suggestions
        self._overlays.set(LINKED, links)
        self._overlays.set(SAVED, saved)
        self._set_small_overlays()
        self._spans_drawn(changed)

    def _set_small_overlays(self) -> None:
        self._overlays.set(SAVING, ((s, e, (s, e, label)) for s, e, label in self.saving))
        self._overlays.set(SUGGESTED, ((x.start, x.end, x) for x in self.suggestions))

    def _spans_drawn(self, changed: list[tuple[int, int]] | None) -> None:
        """Draw again the lines of the `changed` ranges, or every line (None)."""
        if changed is None or len(changed) > _FEW_CHANGES:
            self._spans_changed()
        elif changed:
            self._lines_changed(changed)

    def _lines_changed(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Only the screen lines showing `ranges` draw differently: they (and nothing else)
        are drawn again, with a new version in their cache key."""
        starts = self._line_starts
        for start, end in ranges:
            first, last = line_of(starts, start), line_of(starts, max(end, start + 1))
            for index in range(first, last + 1):
                self._line_versions[index] = self._line_versions.get(index, 0) + 1
            self._refresh_rows(first, last - first + 1)
        self._view_changed()

    def add_overlay(self, overlay: Overlay[Any]) -> None:
        """Draw one more kind of span (after those there are); `set_overlay` gives it spans.
        Its component class must be one of the view's (a subclass adds its own)."""
        declared = {name for cls in type(self).__mro__ for name in _component_classes(cls)}
        if overlay.component not in declared:
            raise ValueError(
                f"the overlay {overlay.name!r} is drawn with {overlay.component!r}, which is not "
                f"among the component classes of {type(self).__name__}"
            )
        self._overlays.add(overlay)

    def set_overlay(
        self, overlay: Overlay[Payload], spans: Iterable[tuple[int, int, Payload]]
    ) -> None:
        """Replace the spans drawn for `overlay` (`start`, `end`, payload)."""
        self._overlays.set(overlay, spans)
        self._spans_changed()

    def set_gutter_columns(
        self, columns: Sequence[tuple[Overlay[Any], Callable[[Any], str]]]
    ) -> None:
        """A column of marks after the gutter for each overlay (registered here if it is not
        yet): a line shows `mark(payload)` of the overlay's first span on it, a space where it
        has none. Spans of several people tell apart by column, not by colour (a review shows
        each annotator's spans in a column of their own)."""
        for overlay, _mark in columns:
            if overlay not in self._overlays:
                self.add_overlay(overlay)
        self._columns = tuple(columns)
        self._layout()
        self._spans_changed()

    @property
    def gutter_width(self) -> int:
        """Cells before the text: the bar, the mark, and the columns with a space after them."""
        return GUTTER + (len(self._columns) + 1 if self._columns else 0)

    def overlay_at(self, overlay: Overlay[Payload], start: int, end: int) -> list[Payload]:
        """What `overlay` has touching `[start, end)`, innermost (shortest) first."""
        return self._overlays.at(overlay, start, end)

    def annotations_at(self, start: int, end: int) -> list[Annotation]:
        """Saved annotations touching `[start, end)`, innermost (shortest) first."""
        return self._overlays.at(SAVED, start, end)

    def suggestions_at(self, start: int, end: int) -> list[Suggestion]:
        """Suggestions touching `[start, end)`, innermost (shortest) first."""
        return self._overlays.at(SUGGESTED, start, end)

    @property
    def label_styles(self) -> dict[str, Style]:
        """Each label's tint, for overlays whose spans have labels (set by the app)."""
        return self._label_styles

    @label_styles.setter
    def label_styles(self, styles: dict[str, Style]) -> None:
        if styles != self._label_styles:
            self._label_styles = styles
            self._spans_changed()

    def target(self) -> tuple[int, int, str] | None:
        """What a tagging key tags: the selection, else the span a find or jump landed on,
        else the sentence under the cursor (without the white space at its edges); with
        which of these it is."""
        if self.article is None or not self.units:
            return None
        if self.selection is not None:
            return (*self.selection.bounds(self.words), "selection")
        if self.focus_span is not None:
            start, end = self.focus_span
            if not self.select_characters and len(self.words):  # whole words, as v would
                first, last = self.words.covering(start, end)
                start, end = self.words.spans[first][0], self.words.spans[last][1]
            return (start, end, "found")
        start, end = trimmed_span(self.article.text, *self.units[self.cursor])
        return (start, end, "sentence") if start < end else None

    def at_cursor(self) -> tuple[int, int]:
        """The span the cursor stands on, for "the annotation under the cursor"."""
        found = self.target()
        return (found[0], found[1]) if found else (0, 0)

    # --- the view state -----------------------------------------------------------------

    def watch_cursor(self) -> None:
        self._view_changed()

    def watch_selection(self) -> None:
        self._view_changed()

    def watch_focus_span(self) -> None:
        self._view_changed()

    def _spans_changed(self) -> None:
        """The article's spans changed (highlights, overlays, matches, tints): every line
        may draw differently."""
        self._generation += 1
        self._line_versions.clear()
        self.refresh()
        self._view_changed()

    def _view_changed(self) -> None:
        """The one path for any change of what the view shows. The screen lines of the
        cursor's sentence, the selection, the found span and the current match that changed
        are refreshed (a line is drawn again only where its cache key changed); the messages
        wait until the change is complete (a move sets the cursor, the found span and the
        selection at once)."""
        shown = self._state_spans()
        # The cursor's sentence shows in the gutter only (unless tinted): a move draws again
        # the gutter cells of its lines, a few bytes a line; the rest draws whole lines.
        old, new = self._shown[:1], shown[:1]
        for span in set(shown[1:]).symmetric_difference(self._shown[1:]):
            if span is not None:
                self._refresh_span(span)
        if old != new:
            for span in (*old, *new):
                if span is not None:
                    self._refresh_span(span, gutter_only=not self.tint_cursor)
        self._shown = shown
        self.announce()

    def _state_spans(self) -> tuple[tuple[int, int] | None, ...]:
        """The spans the view state draws: the cursor's sentence, the selection, the found
        span and the current match."""
        cursor = self.units[self.cursor] if 0 <= self.cursor < len(self.units) else None
        current = (
            self.matches[self.match_index] if 0 <= self.match_index < len(self.matches) else None
        )
        return (cursor, self._selected_span(), self.focus_span, current)

    def _refresh_span(self, span: tuple[int, int], gutter_only: bool = False) -> None:
        if not self.lines:
            return
        first = line_of(self._line_starts, span[0])
        last = line_of(self._line_starts, max(span[1] - 1, span[0]))
        self._refresh_rows(first, last - first + 1, gutter_only)

    def _refresh_rows(self, first: int, count: int, gutter_only: bool = False) -> None:
        """Draw again `count` screen lines from line `first`: their text, or only their
        gutter. Never the scrollbar beside them: every cell refreshed is sent to the
        terminal again, which over SSH is what a keypress costs."""
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        first, last = max(first, top), min(first + count, top + height)
        if first >= last:
            return  # off screen: drawn when scrolled to
        width = self.gutter_width if gutter_only else self.scrollable_content_region.width
        self.refresh(Region(0, first - top, width, last - first))

    def announce(self) -> None:
        """Post `CursorMoved` again, for a screen whose status changed without a move (the
        start or end of linking)."""
        if not self._announcing:
            self._announcing = True
            self._hold_frame()
            self.call_next(self._announce)

    def _announce(self) -> None:
        self._announcing = False
        try:
            if not self.units:
                return
            selected = self._selected_span()
            if (selected, self.editing) != self._announced:
                self._announced = (selected, self.editing)
                self.post_message(self.SelectionChanged(selected, self.editing, self))
            start, end = self.units[self.cursor]
            at = selected or self.focus_span or (start, end)
            marks = [mark for _s, _e, mark in self._marks.touching(*at)]
            moved = self.CursorMoved(self, start, end, marks)
            if self.status_hook is not None:
                self.status_hook(moved)
                moved.shown = True
            self.post_message(moved)
        finally:
            self._release_frame()

    def _hold_frame(self) -> None:
        """Draw nothing until `_announce` has run: the lines a change redraws and the status
        line the screen writes for it (`status_hook`) go out in one frame, not two."""
        if self._frame_hold is None and self.is_attached:
            self._frame_hold = self.app.batch_update()
            self._frame_hold.__enter__()

    def _release_frame(self) -> None:
        hold, self._frame_hold = self._frame_hold, None
        if hold is not None:
            hold.__exit__(None, None, None)
            with suppress(NoScreen):  # (a view being removed has no screen to draw)
                self.screen.check_idle()  # the screen draws what changed when next idle

    def on_unmount(self) -> None:
        self._release_frame()

    # --- selecting ----------------------------------------------------------------------

    @property
    def words(self) -> Words:
        """The units a selection snaps to: the export's tokens where known, else words (or
        characters, with `select_characters`)."""
        if self._words is None:
            text = self.article.text if self.article else ""
            tokens = None
            if self.article is not None and self.token_source and not self.select_characters:
                tokens = self.token_source(self.article)
            self._words = Words(text, self.select_characters, tokens)
        return self._words

    def set_tint_cursor(self, tint: bool) -> None:
        """Tint the cursor's sentence (True) or mark it in the gutter only."""
        if tint != self.tint_cursor:
            self.tint_cursor = tint
            self._spans_changed()

    def set_select_characters(self, characters: bool) -> None:
        """Selections snap to characters (True) or to words."""
        self.select_characters = characters
        self._words = None
        self.cancel_selection()

    def start_selection(self, start: int, end: int, editing: Annotation | None = None) -> bool:
        """Select the units covering `[start, end)`; `editing` names the annotation whose
        boundaries the selection is changing."""
        words = self.words
        if not len(words):
            return False
        first, last = words.covering(start, max(end, start + 1))
        self.editing = editing
        self.focus_span = None
        self._select(Selection(first, last))
        return True

    def cancel_selection(self) -> bool:
        """Drop the selection; False when there was none."""
        if self.selection is None:
            return False
        self.selection, self.editing = None, None
        return True

    def action_select(self) -> None:
        """`v`: select the cursor's word (or the span a find or jump landed on); again: drop."""
        if self.cancel_selection() or self.article is None or not self.units:
            return
        if self.focus_span is not None:
            self.start_selection(*self.focus_span)
            return
        start, end = self.units[self.cursor]
        words = self.words
        index = words.at(start)
        if len(words) and words.spans[index][0] >= end:  # a sentence of white space only
            return
        self.start_selection(*words.spans[index]) if len(words) else None

    def action_select_paragraph(self) -> None:
        if self.article is None or not self.units:
            return
        here = self.selection.bounds(self.words)[0] if self.selection else self.at_cursor()[0]
        for paragraph in paragraphs(self.article.text):
            if paragraph.start <= here < paragraph.end or here < paragraph.start:
                self.start_selection(paragraph.start, paragraph.end, self.editing)
                return

    def action_extend(self, step: int) -> None:
        if self._ensure_selection():
            assert self.selection is not None
            self._select(self.selection.move(self.selection.head + step, self.words))

    def action_extend_word(self, step: int) -> None:
        if self._ensure_selection():
            assert self.selection is not None
            head = self.words.next_word(self.selection.head, step)
            self._select(self.selection.move(head, self.words))

    def action_extend_sentence(self, step: int) -> None:
        if self._ensure_selection():
            assert self.selection is not None
            self._select(self.selection.by_sentence(step, self.words, self.units))

    def _ensure_selection(self) -> bool:
        """Keys that move a selection's head start one when there is none (shift+arrows as
        in an editor, h/l/w/b as after `v`)."""
        if self.selection is None:
            self.action_select()
        return self.selection is not None

    def _select(self, selection: Selection) -> None:
        """Select, with the cursor on the sentence of the selection's head, which shows."""
        self.selection = selection
        head = self.words.spans[selection.head][0]
        self.cursor = self._visible_from(self._unit_at(head), 1)
        self._scroll_to_offset(head)

    def _scroll_to_offset(self, offset: int) -> None:
        if not self.lines:
            return
        line = line_of(self._line_starts, offset)
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if line < top:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    # --- the mouse ----------------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under the cell (x, y) of the widget, if it shows text."""
        index = round(self.scroll_offset.y) + y
        if self.article is None or not 0 <= index < len(self.lines):
            return None
        line = self.lines[index]
        if line.folded:
            return None
        column = x - self.gutter_width
        offset = line.start
        used = 0
        for char in self.article.text[line.start : line.end]:
            used += 1 if char == "\t" else get_character_cell_size(char)  # drawn as a space
            if used > column:
                return offset
            offset += 1
        return max(line.end - 1, line.start)

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self.offset_at(event.x, event.y)
        if event.button != 1 or offset is None:
            return
        self.focus()
        self.selection, self.editing = None, None
        self._press = offset
        self._dragging = True
        self.capture_mouse()
        self.move_to(offset)

    async def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        if not event.button:  # released outside the terminal
            self._dragging = False
            self.release_mouse()
            return
        offset = self.offset_at(event.x, max(min(event.y, self.size.height - 1), 0))
        if offset is None or (offset == self._press and self.selection is None):
            return
        words = self.words
        if not len(words):
            return
        self.focus_span = None
        self._select(Selection(words.at(self._press), words.at(offset)))

    async def on_mouse_up(self, _event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    # --- layout and drawing -------------------------------------------------------------

    def _folded_because(self, start: int, end: int | None) -> list[str]:
        """Why the chrome folded from `start` to `end` is chrome: the reasons of its
        paragraphs, first seen first ("navigation, related links"). None for ranges marked
        by someone else, with no paragraph saying why."""
        if self.article is None:
            return []
        if self._chrome_reasons is None:
            from corpus.boilerplate import classify

            self._chrome_reasons = [
                (item.paragraph.start, item.reason)
                for item in classify(self.article.text)
                if item.reason is not None
            ]
        starts = [at for at, _ in self._chrome_reasons]
        first = bisect_left(starts, start)
        last = len(starts) if end is None else bisect_left(starts, end)
        return list(dict.fromkeys(why for _, why in self._chrome_reasons[first:last]))

    def _layout(self) -> None:
        self._width = max(self.scrollable_content_region.width, 20)
        if self.article is None:
            self.lines = []
        else:
            hidden = self.article.boilerplate if self.fold_boilerplate else ()
            self.lines = wrap(self.article.text, self._width - self.gutter_width, hidden)
        self._line_starts = [line.start for line in self.lines]
        self._line_versions.clear()
        self.virtual_size = Size(self._width, len(self.lines))
        self.refresh()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._layout()
            self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def watch_show_entities(self) -> None:
        self._layers_changed()

    def watch_show_quotes(self) -> None:
        self._layers_changed()

    def watch_show_figures(self) -> None:
        self._layers_changed()

    def _layers_changed(self) -> None:
        self.focus_span = None  # a jump target may belong to a layer just hidden
        self._rebuild_marks()

    def watch_fold_boilerplate(self) -> None:
        if self.article is not None:
            if self.units:
                self.cursor = self._visible_from(self.cursor, 1)
            self._layout()
            self._scroll_to_cursor()
            self._view_changed()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width and width >= 20 and self.article is not None:
            # The first frame can be drawn before the Resize event that sizes the lines
            # arrives: wrap for the width being drawn now, not for a width not yet known.
            self._layout()
            self._scroll_to_cursor()
        index = round(self.scroll_offset.y) + y
        key = self._line_key(index, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strip = self._draw(index, width)
        self._cache[key] = strip
        return strip

    def _line_key(self, index: int, width: int) -> tuple[object, ...]:
        """Everything that decides how screen line `index` is drawn: the line, the width,
        the article's spans (by generation), and the part of the cursor's sentence, the
        selection, the found span and the current match that falls on the line."""
        if self.article is None or index >= len(self.lines):
            return (self._generation, width, index)
        line = self.lines[index]
        if line.folded:
            return (self._generation, width, line)
        start, end = self.units[self.cursor] if self.units else (0, 0)
        current = self.matches[self.match_index] if self.match_index >= 0 else None
        return (
            self._generation,
            self._line_versions.get(index, 0),
            width,
            line,
            _part((start, end), line) if self.tint_cursor else None,
            _in_cursor(line, start, end),
            _part(self._selected_span(), line),
            _part(self.focus_span, line),
            _part(current, line),
        )

    def _draw(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if self.article is None or index >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[index]
        gutter_style = base + self.get_component_rich_style("article-view--gutter")
        if line.folded:
            lines = "line" if line.folded == 1 else "lines"
            end = self.lines[index + 1].start if index + 1 < len(self.lines) else None
            why = ", ".join(self._folded_because(line.start, end))
            why = f": {why}" if why else ""
            note = f"⋯ {line.folded} {lines} of site chrome folded{why} (z shows them)"
            fold_style = base + self.get_component_rich_style("article-view--fold")
            text = Text(note, style=fold_style, end="")
            segments = [
                Segment(" " * self.gutter_width, base),
                *_segments(text, self.app.console, base),
            ]
            return Strip(segments).adjust_cell_length(width, base)
        start, end = self.units[self.cursor] if self.units else (0, 0)
        # A tab would shift every cell after it: drawn as one space, offsets stay 1:1.
        shown = self.article.text[line.start : line.end].replace("\t", " ")
        text = Text(shown, style=base, end="")
        self._stylize(text, line, start, end)
        # Bidirectional controls stay in the article's text, but an embedding or override
        # left open must not reorder what is drawn after this line on the same row.
        text.append(close_bidi(shown))
        selected = self._selected_span()
        in_selection = selected is not None and _touches(selected, line.start, line.end)
        bar = "┃" if in_selection else "▌" if _in_cursor(line, start, end) else " "
        gutter = Segment(bar + self._gutter_note(line) + self._column_marks(line), gutter_style)
        segments = [gutter, *_segments(text, self.app.console, base)]
        return Strip(segments).adjust_cell_length(width, base)

    def _selected_span(self) -> tuple[int, int] | None:
        return self.selection.bounds(self.words) if self.selection is not None else None

    def _gutter_note(self, line: ScreenLine) -> str:
        """The mark of the first overlay with one on the line: a saved annotation's label
        initial (upper case), one being saved (lower case), "?" for a suggestion."""
        return self._overlays.gutter(line.start, line.end)

    def _column_marks(self, line: ScreenLine) -> str:
        if not self._columns:
            return ""
        marks = []
        for overlay, mark in self._columns:
            found = self._overlays.spans(overlay).touching(
                line.start, max(line.end, line.start + 1)
            )
            marks.append(mark(found[0][2]) if found else " ")
        return "".join(marks) + " "

    def _stylize(self, text: Text, line: ScreenLine, cursor_start: int, cursor_end: int) -> None:
        s, e = line.start, line.end

        def paint(span_start: int, span_end: int, style: Style) -> None:
            a, b = max(span_start, s), min(span_end, e)
            if a < b:
                text.stylize(style, a - s, b - s)

        style_of = self.get_component_rich_style
        for bs, be, _ in self._boilerplate.touching(s, e):
            paint(bs, be, style_of("article-view--boilerplate"))
        if self.tint_cursor:
            paint(cursor_start, cursor_end, style_of("article-view--cursor"))
        for ms, me, mark in self._marks.touching(s, e):
            paint(ms, me, style_of(mark.component))
        if self.matches:
            for i in self._matches_touching(s, e):
                name = "match-current" if i == self.match_index else "match"
                paint(*self.matches[i], style_of(f"article-view--{name}"))
        for os, oe, payload, overlay in self._overlays.touching(s, e):
            paint(os, oe, self._overlay_style(overlay, payload))
        if self.focus_span is not None:
            paint(*self.focus_span, style_of("article-view--focus"))
        selected = self._selected_span()
        if selected is not None:
            paint(*selected, style_of("article-view--selection"))

    def _overlay_style(self, overlay: Overlay[Payload], payload: Payload) -> Style:
        if overlay.label is not None:
            # A label's tint (or, for a label without one, the class's own attributes) goes
            # over what is under it: an entity's colour still shows inside an annotation.
            tint = self._label_styles.get(overlay.label(payload))
            if tint is not None:
                return tint
            return self.get_component_rich_style(overlay.component, partial=True)
        return self.get_component_rich_style(overlay.component)

    def _matches_touching(self, start: int, end: int) -> range:
        first = bisect_left(self.matches, (start - MAX_QUERY, 0))
        last = bisect_left(self.matches, (end, 0))
        return range(first, last)

    # --- the cursor ---------------------------------------------------------------------

    def _unit_at(self, offset: int) -> int:
        return max(bisect_right(self._unit_starts, offset) - 1, 0)

    def move_to(self, offset: int, focus: tuple[int, int] | None = None) -> None:
        """Put the cursor on the sentence holding `offset`, and show it."""
        if not self.units:
            return
        # Going elsewhere leaves the selection behind.
        self.selection, self.editing = None, None
        # Folded chrome cannot hold the cursor: the nearest sentence that shows does.
        self.cursor = self._visible_from(self._unit_at(offset), 1)
        self.focus_span = focus
        self._scroll_to_cursor()

    def action_cursor(self, step: int) -> None:
        if not self.units:
            return
        if self.selection is not None:  # j/k in a selection move its head by sentence
            self.action_extend_sentence(step)
            return
        index = self.cursor + step
        while 0 <= index < len(self.units) and self._hidden(self.units[index]):
            index += step
        if 0 <= index < len(self.units):
            self.cursor = index
            self.focus_span = None
            self._scroll_to_cursor()

    def _hidden(self, unit: tuple[int, int]) -> bool:
        return self.fold_boilerplate and bool(self._boilerplate.at(unit[0]))

    def _visible_from(self, index: int, step: int) -> int:
        """The first unit from `index` on (in the direction of `step`) that is not folded
        away; the other way when there is none; `index` itself if all are folded."""
        for direction in (step, -step):
            at = index
            while 0 <= at < len(self.units):
                if not self._hidden(self.units[at]):
                    return at
                at += direction
        return index

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        target = min(max(round(self.scroll_offset.y) + direction * height, 0), len(self.lines) - 1)
        if target < 0:
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        top = self.lines[round(self.scroll_offset.y)] if self.lines else None
        # The first sentence that starts on screen (the one holding the top line may begin
        # above it, on a line just scrolled away).
        index = bisect_left(self._unit_starts, top.start) if top else 0
        self.cursor = self._visible_from(min(index, len(self.units) - 1), 1)
        self.focus_span = None
        self._scroll_to_cursor()

    def action_edge(self, end: int) -> None:
        if self.units:
            index = self._visible_from(len(self.units) - 1 if end else 0, -1 if end else 1)
            self.move_to(self.units[index][0])

    def follow(self, name: str, forms: Collection[str]) -> None:
        """`t` and `T` walk the mentions of one entity (written in any of `forms`), until
        `follow_all`."""
        self.followed = (name, frozenset(forms))

    def follow_all(self) -> None:
        """`t` and `T` walk every entity again."""
        self.followed = None

    def action_jump(self, kind: str, direction: int) -> None:
        """To the next (or previous) quote, figure or entity after the cursor's focus (of the
        entity followed, when one is)."""
        if not self.units:
            return
        here = self.focus_span[0] if self.focus_span else self.units[self.cursor][0]
        ordered = [s for s in self._marks.spans if s[2].kind == kind]
        followed = self.followed if kind == "entity" else None
        if followed is not None:
            ordered = [s for s in ordered if as_listed(s[2].text) in followed[1]]
        if direction > 0:
            after = [s for s in ordered if s[0] > here or (not self.focus_span and s[0] == here)]
            found = after[0] if after else None
        else:
            before = [s for s in ordered if s[0] < here]
            found = before[-1] if before else None
        if found is None:
            layer = {"quote": "quotes", "figure": "figures", "entity": "entities"}[kind]
            if followed is not None:
                layer = f"mentions of “{followed[0]}”"
            if self.analysis is None:
                self.notify("The analysis is not ready yet.", timeout=2)
            elif not ordered:
                self.notify(f"No {layer} shown in this article.", timeout=2)
            else:
                self.notify(f"No more {layer} {'below' if direction > 0 else 'above'}.", timeout=2)
            return
        self.move_to(found[0], (found[0], found[1]))

    def _scroll_to_cursor(self) -> None:
        if not self.units or not self.lines:
            return
        start, end = self.units[self.cursor]
        first = line_of(self._line_starts, start)
        last = line_of(self._line_starts, max(end - 1, start))
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        # A sentence that leaves the screen turns the page: it comes in with a few lines of
        # context on the side it came from, and the rest of the screen shows what follows.
        # Scrolling a line at a time would draw the whole pane again on every keypress,
        # which over SSH is kilobytes a key; a page turn costs that once a screenful.
        context = min(CONTEXT_LINES, max(height // 4, 0))
        if first < top:
            fits = last - first < height - context
            target = max(last - height + 1 + context, 0) if fits else first
            self.scroll_to(y=min(target, first), animate=False, immediate=True)
        elif last >= top + height:
            fits = last - first < height - context
            self.scroll_to(y=max(first - context, 0) if fits else first, animate=False,
                           immediate=True)  # fmt: skip

    # --- find ---------------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Highlight every match of `query` (any case) and go to the first one from the cursor;
        returns how many matched."""
        self.matches, self.match_index = [], -1
        self.find_query = query
        if self.article is not None and query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for found in pattern.finditer(self.article.text):
                self.matches.append(found.span())
                if len(self.matches) >= MAX_MATCHES:
                    break
        self._spans_changed()
        if self.matches:
            here = self.units[self.cursor][0] if self.units else 0
            self.match_index = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
            self.move_to(*self._current_match())
        else:
            # The span an earlier prefix found is not what this query found: a label key
            # must not tag it.
            self.focus_span = None
        return len(self.matches)

    def _current_match(self) -> tuple[int, tuple[int, int]]:
        span = self.matches[self.match_index]
        return span[0], span

    def action_next_match(self, step: int) -> None:
        if not self.matches:
            self.notify("Nothing to find: / finds text in the article.", timeout=2)
            return
        self.match_index = (self.match_index + step) % len(self.matches)
        self.move_to(*self._current_match())

    def clear_find(self) -> None:
        """Drop the matches and the span the find landed on."""
        self.matches, self.match_index, self.find_query = [], -1, ""
        self.focus_span = None
        self._spans_changed()

    def visible_text(self) -> Sequence[str]:
        """The text of the lines on screen (for tests and the bench)."""
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        return [self._text(line.start, line.end) for line in self.lines[top : top + height]]


MAX_QUERY = 1_000
# Lines kept on screen from where the cursor came from when a move scrolls.
CONTEXT_LINES = 2


def _component_classes(cls: type) -> set[str]:
    """The component classes `cls` itself declares (Textual joins those of its bases)."""
    declared: set[str] = vars(cls).get("COMPONENT_CLASSES", set())
    return declared


def _touches(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < max(end, start + 1) and start < span[1]


def _in_cursor(line: ScreenLine, start: int, end: int) -> bool:
    """Whether the line is on the cursor's sentence `[start, end)` (an empty line at its
    start too)."""
    return (line.start < end and start < line.end) or (line.start == line.end == start)


def _part(span: tuple[int, int] | None, line: ScreenLine) -> tuple[int, int] | None:
    """The part of `span` drawn on `line` (the line's start where the line is empty), or None
    when it does not touch the line."""
    if span is None or not _touches(span, line.start, line.end):
        return None
    return max(span[0], line.start), min(span[1], line.end)


def _segments(text: Text, console: Console, base: Style) -> list[Segment]:
    """The segments of one line of text, every one styled (Textual's NO_COLOR filter fails on
    a segment without a style)."""
    return [Segment(s.text, s.style or base) for s in text.render(console) if s.text]
