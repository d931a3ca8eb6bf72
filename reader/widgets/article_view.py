"""The reader pane: an article drawn line by line, with its highlights and a sentence cursor.

Only the lines on screen are drawn (Textual's line API): opening a 100,000-word article costs
one wrap of its text, and a keypress redraws what is visible. Article text is untrusted and
never goes through markup: each line is a `rich.text.Text` built from the plain string.

Cues never rest on colour alone: entities are underlined, quotes italic, figures bold, site
chrome dim (or folded away), find matches reversed, and the sentence under the cursor has a
bar in the gutter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from corpus.text import paragraphs
from reader.layout import ScreenLine, SpanIndex, line_of, wrap

if TYPE_CHECKING:
    from corpus.analysis import Analysis
    from corpus.article import Article

GUTTER = 2
# spaCy labels drawn in one colour each; the rest share "other".
ENTITY_GROUPS = {
    "PERSON": "person", "NORP": "other", "ORG": "org", "GPE": "place", "LOC": "place",
    "FAC": "place", "PRODUCT": "other", "EVENT": "other", "LAW": "other", "WORK_OF_ART": "other",
    "LANGUAGE": "other",
}  # fmt: skip
MAX_MATCHES = 10_000


@dataclass(frozen=True, slots=True)
class Mark:
    """What a highlight is, for the status line and for jumps."""

    kind: str  # "entity" | "quote" | "figure"
    label: str
    text: str
    data: Any = None  # the quote's or figure's dict


class ArticleView(ScrollView, can_focus=True):
    """The article under a sentence cursor. `show()` an article; `set_analysis()` when ready."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Next sentence", id="reader.next_sentence"),
        Binding("k,up", "cursor(-1)", "Previous sentence", id="reader.previous_sentence"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="reader.top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="reader.bottom"),
        Binding("q", "jump('quote', 1)", "Next quote", id="reader.next_quote"),
        Binding("Q", "jump('quote', -1)", "Previous quote", show=False, id="reader.prev_quote"),
        Binding("m", "jump('figure', 1)", "Next figure", id="reader.next_figure"),
        Binding("M", "jump('figure', -1)", "Previous figure", show=False, id="reader.prev_figure"),
        Binding("t", "jump('entity', 1)", "Next entity", id="reader.next_entity"),
        Binding("T", "jump('entity', -1)", "Previous entity", show=False, id="reader.prev_entity"),
        Binding("n", "next_match(1)", "Next match", show=False, id="reader.next_match"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="reader.prev_match"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--person", "article-view--org", "article-view--place",
        "article-view--other", "article-view--quote", "article-view--figure",
        "article-view--boilerplate", "article-view--cursor", "article-view--gutter",
        "article-view--match", "article-view--match-current", "article-view--fold",
        "article-view--focus",
    }  # fmt: skip

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
    """

    class CursorMoved(Message):
        """The cursor is on a new sentence; `marks` are the highlights at its focus."""

        def __init__(self, view: ArticleView, start: int, end: int, marks: list[Mark]) -> None:
            super().__init__()
            self.view = view
            self.start = start
            self.end = end
            self.marks = marks

    show_entities: reactive[bool] = reactive(True)
    show_quotes: reactive[bool] = reactive(True)
    show_figures: reactive[bool] = reactive(True)
    fold_boilerplate: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.units: list[tuple[int, int]] = []  # sentences (paragraphs until analysis is in)
        self._unit_starts: list[int] = []
        self.cursor = 0
        self.lines: list[ScreenLine] = []
        self._line_starts: list[int] = []
        self._marks = SpanIndex([])
        self._boilerplate = SpanIndex([])
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1
        self.focus_span: tuple[int, int] | None = None  # the highlight a jump landed on
        self._width = 0
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._generation = 0

    # --- what is shown ------------------------------------------------------------------

    def show(self, article: Article, analysis: Analysis | None = None) -> None:
        """Show `article` at its top; its highlights follow with `set_analysis`."""
        self.article = article
        self.analysis = None
        self.matches, self.match_index, self.focus_span = [], -1, None
        self._boilerplate = SpanIndex((s, e, None) for s, e in article.boilerplate)
        self._set_units([(p.start, p.end) for p in paragraphs(article.text)] or [(0, 0)])
        self.cursor = 0
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        if analysis is not None:
            self.set_analysis(analysis)
        else:
            self._rebuild_marks()
            self._moved()

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
        self._rebuild_marks()
        self._moved()

    def _set_units(self, units: list[tuple[int, int]]) -> None:
        self.units = units
        self._unit_starts = [u[0] for u in units]

    def _rebuild_marks(self) -> None:
        spans: list[tuple[int, int, object]] = []
        analysis = self.analysis
        if analysis is not None:
            if self.show_quotes:
                for quote in analysis.quotes:
                    if quote.get("kind") == "direct":
                        start, end = quote["start"], quote["end"]
                        mark = Mark("quote", "quote", self._text(start, end), quote)
                        spans.append((start, end, mark))
            if self.show_entities:
                for entity in analysis.entities:
                    if entity.label in ENTITY_GROUPS:
                        spans.append((entity.start, entity.end,
                                      Mark("entity", entity.label, entity.text)))  # fmt: skip
            if self.show_figures:
                for figure in analysis.figures:
                    spans.append((figure["start"], figure["end"], Mark("figure",
                                  figure["label"], figure["text"], figure)))  # fmt: skip
        self._marks = SpanIndex(spans)
        self._redraw()

    def _text(self, start: int, end: int) -> str:
        return self.article.text[start:end] if self.article else ""

    # --- layout and drawing -------------------------------------------------------------

    def _layout(self) -> None:
        self._width = max(self.scrollable_content_region.width, 20)
        if self.article is None:
            self.lines = []
        else:
            hidden = self.article.boilerplate if self.fold_boilerplate else ()
            self.lines = wrap(self.article.text, self._width - GUTTER, hidden)
        self._line_starts = [line.start for line in self.lines]
        self.virtual_size = Size(self._width, len(self.lines))
        self._redraw()

    def _redraw(self) -> None:
        self._generation += 1
        self._cache.clear()
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
        if self.article is not None and self.units:
            self._moved()

    def watch_fold_boilerplate(self) -> None:
        if self.article is not None:
            if self.units:
                self.cursor = self._visible_from(self.cursor, 1)
            self._layout()
            self._scroll_to_cursor()
            self._moved()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        key = (index, self._generation)
        cached = self._cache.get(key)
        if cached is not None and cached.cell_length == width:
            return cached
        strip = self._draw(index, width)
        self._cache[key] = strip
        return strip

    def _draw(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if self.article is None or index >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[index]
        gutter_style = base + self.get_component_rich_style("article-view--gutter")
        if line.folded:
            lines = "line" if line.folded == 1 else "lines"
            note = f"⋯ {line.folded} {lines} of site chrome folded (z shows them)"
            text = Text(note, style=base + self.get_component_rich_style("article-view--fold"),
                        end="")  # fmt: skip
            segments = [Segment("  ", base), *_segments(text, self.app.console, base)]
            return Strip(segments).adjust_cell_length(width, base)
        start, end = self.units[self.cursor] if self.units else (0, 0)
        in_cursor = (line.start < end and start < line.end) or (line.start == line.end == start)
        # A tab would shift every cell after it: drawn as one space, offsets stay 1:1.
        text = Text(self.article.text[line.start : line.end].replace("\t", " "), style=base, end="")
        self._stylize(text, line, start, end)
        gutter = Segment("▌ " if in_cursor else "  ", gutter_style)
        segments = [gutter, *_segments(text, self.app.console, base)]
        return Strip(segments).adjust_cell_length(width, base)

    def _stylize(self, text: Text, line: ScreenLine, cursor_start: int, cursor_end: int) -> None:
        s, e = line.start, line.end

        def paint(span_start: int, span_end: int, style: Style) -> None:
            a, b = max(span_start, s), min(span_end, e)
            if a < b:
                text.stylize(style, a - s, b - s)

        for bs, be, _ in self._boilerplate.touching(s, e):
            paint(bs, be, self.get_component_rich_style("article-view--boilerplate"))
        paint(cursor_start, cursor_end, self.get_component_rich_style("article-view--cursor"))
        for ms, me, mark in self._marks.touching(s, e):
            assert isinstance(mark, Mark)
            if mark.kind == "entity":
                group = ENTITY_GROUPS.get(mark.label, "other")
                paint(ms, me, self.get_component_rich_style(f"article-view--{group}"))
            else:
                paint(ms, me, self.get_component_rich_style(f"article-view--{mark.kind}"))
        if self.matches:
            match_style = self.get_component_rich_style("article-view--match")
            for i in self._matches_touching(s, e):
                ms, me = self.matches[i]
                name = "match-current" if i == self.match_index else "match"
                paint(ms, me, match_style if name == "match" else
                      self.get_component_rich_style("article-view--match-current"))  # fmt: skip
        if self.focus_span is not None:
            paint(*self.focus_span, self.get_component_rich_style("article-view--focus"))

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
        # Folded chrome cannot hold the cursor: the nearest sentence that shows does.
        self.cursor = self._visible_from(self._unit_at(offset), 1)
        self.focus_span = focus
        self._redraw()
        self._scroll_to_cursor()
        self._moved()

    def action_cursor(self, step: int) -> None:
        if not self.units:
            return
        index = self.cursor + step
        while 0 <= index < len(self.units) and self._hidden(self.units[index]):
            index += step
        if 0 <= index < len(self.units):
            self.cursor = index
            self.focus_span = None
            self._redraw()
            self._scroll_to_cursor()
            self._moved()

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
        self._redraw()
        self._moved()

    def action_edge(self, end: int) -> None:
        if self.units:
            index = self._visible_from(len(self.units) - 1 if end else 0, -1 if end else 1)
            self.move_to(self.units[index][0])

    def action_jump(self, kind: str, direction: int) -> None:
        """To the next (or previous) quote, figure or entity after the cursor's focus."""
        if not self.units:
            return
        here = self.focus_span[0] if self.focus_span else self.units[self.cursor][0]
        ordered = [s for s in self._marks.spans if getattr(s[2], "kind", "") == kind]
        if direction > 0:
            after = [s for s in ordered if s[0] > here or (not self.focus_span and s[0] == here)]
            found = after[0] if after else None
        else:
            before = [s for s in ordered if s[0] < here]
            found = before[-1] if before else None
        if found is None:
            layer = {"quote": "quotes", "figure": "figures", "entity": "entities"}[kind]
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
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=max(first, last - height + 1) if last - first < height else first,
                           animate=False, immediate=True)  # fmt: skip

    def _moved(self) -> None:
        if not self.units:
            return
        start, end = self.units[self.cursor]
        at = self.focus_span or (start, end)
        marks = [m for _s, _e, m in self._marks.touching(*at) if isinstance(m, Mark)]
        self.post_message(self.CursorMoved(self, start, end, marks))

    # --- find ---------------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Highlight every match of `query` (any case) and go to the first one from the cursor;
        returns how many matched."""
        self.matches, self.match_index = [], -1
        if self.article is not None and query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for found in pattern.finditer(self.article.text):
                self.matches.append(found.span())
                if len(self.matches) >= MAX_MATCHES:
                    break
        if self.matches:
            here = self.units[self.cursor][0] if self.units else 0
            self.match_index = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
            self.move_to(*self._current_match())
        else:
            self._redraw()
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
        self.matches, self.match_index = [], -1
        self._redraw()

    @property
    def unit_count(self) -> int:
        return len(self.units)

    def visible_text(self) -> Sequence[str]:
        """The text of the lines on screen (for tests and the bench)."""
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        return [self._text(line.start, line.end) for line in self.lines[top : top + height]]


MAX_QUERY = 1_000


def _segments(text: Text, console: Console, base: Style) -> list[Segment]:
    """The segments of one line of text, every one styled (Textual's NO_COLOR filter fails on
    a segment without a style)."""
    return [Segment(s.text, s.style or base) for s in text.render(console) if s.text]
