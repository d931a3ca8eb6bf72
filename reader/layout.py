"""Lay an article out in screen lines, and find the highlights that touch a line.

The reader draws only the lines on screen (Textual's line API), so an article of any length
opens in the time it takes to wrap it: each screen line is a `[start, end)` range of the
article's text, and everything drawn is looked up by offset. Offsets stay code points into
`Article.text`; cells are only counted here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import Generic, TypeVar

from rich.cells import cell_len, get_character_cell_size


@dataclass(frozen=True, slots=True)
class ScreenLine:
    """`text[start:end]` drawn on one screen line; `folded` lines stand for hidden text."""

    start: int
    end: int
    folded: int = 0  # for a fold marker: how many lines of text it hides


def wrap(text: str, width: int, hidden: Sequence[tuple[int, int]] = ()) -> list[ScreenLine]:
    """Screen lines of `text` at `width` cells: text lines are wrapped at spaces (a word longer
    than the width is cut), and the text lines wholly inside a `hidden` range are folded into
    one marker line."""
    width = max(width, 8)
    lines: list[ScreenLine] = []
    folded = 0
    fold_start = 0
    position = 0
    hidden_starts = [s for s, _ in hidden]
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if hidden and raw.strip() and _inside(hidden, hidden_starts, start, end):
            if not folded:
                fold_start = start
            folded += 1
            continue
        if folded:
            if not raw.strip():
                continue  # blank lines between hidden paragraphs go with them
            lines.append(ScreenLine(fold_start, fold_start, folded))
            folded = 0
        _wrap_line(text, start, end, width, lines)
    if folded:
        lines.append(ScreenLine(fold_start, fold_start, folded))
    return lines


def _inside(ranges: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    return index >= 0 and ranges[index][1] >= end


# Characters one cell wide, so a line of them wraps by counting characters: Latin, Greek,
# Cyrillic, and the punctuation of news text (curly quotes, dashes, currency signs). Any other
# character sends its line the slow way, measured character by character.
_NARROW_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
    (0x2500, 0x25FC),
)
_NARROW = frozenset("\t").union(chr(c) for a, b in _NARROW_RANGES for c in range(a, b + 1))


def _wrap_line(text: str, start: int, end: int, width: int, out: list[ScreenLine]) -> None:
    ascii_only = _NARROW.issuperset(text[start:end])
    if end - start <= width and (ascii_only or cell_len(text[start:end]) <= width):
        out.append(ScreenLine(start, end))
        return
    position = start
    while position < end:
        limit = position + width if ascii_only else _fit(text, position, end, width)
        if limit >= end:
            out.append(ScreenLine(position, end))
            return
        cut = text.rfind(" ", position, limit + 1)
        if cut <= position:  # one word longer than the line: cut it
            out.append(ScreenLine(position, limit))
            position = limit
            continue
        out.append(ScreenLine(position, cut))
        position = cut + 1  # the space at the break is not drawn


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The largest `stop` such that `text[start:stop]` fits in `width` cells (at least one
    character, so that a wide character on a narrow screen still advances)."""
    cells = 0
    position = start
    while position < end:
        size = get_character_cell_size(text[position])
        if cells + size > width:
            break
        cells += size
        position += 1
    return max(position, start + 1)


Payload = TypeVar("Payload")
_START, _END = itemgetter(0), itemgetter(1)


class SpanIndex(Generic[Payload]):
    """Spans (`start`, `end`, payload) that may overlap, found by the range they touch.

    Sorted by start (then end, keeping the given order among equal spans), with the running
    maximum of ends, so a lookup walks back only over spans that can still reach into the range.
    """

    def __init__(self, spans: Iterable[tuple[int, int, Payload]] = ()) -> None:
        # Built in C (itemgetter, accumulate): an annotator's thousands of spans are indexed
        # again on every save of the article.
        # Two stable passes on plain numbers, not one on (start, end) tuples: a key tuple per
        # span is a container the garbage collector counts and may promote (a save of an
        # article with thousands of spans set off several collections).
        self.spans = sorted(spans, key=_END)
        self.spans.sort(key=_START)
        self.starts = list(map(_START, self.spans))
        self.reach: list[int] = list(accumulate(map(_END, self.spans), max))

    def __len__(self) -> int:
        return len(self.spans)

    def touching(self, start: int, end: int) -> list[tuple[int, int, Payload]]:
        """Spans that overlap `[start, end)`, in the index's order (by start, then end)."""
        found = []
        index = bisect_left(self.starts, end) - 1
        while index >= 0 and self.reach[index] > start:
            span = self.spans[index]
            if span[1] > start:
                found.append(span)
            index -= 1
        found.reverse()
        return found

    def at(self, offset: int) -> list[tuple[int, int, Payload]]:
        """Spans holding `offset`."""
        return self.touching(offset, offset + 1)


def line_of(starts: Sequence[int], offset: int) -> int:
    """The index of the screen line that shows `offset`, given the lines' starts."""
    return max(bisect_right(starts, offset) - 1, 0)
