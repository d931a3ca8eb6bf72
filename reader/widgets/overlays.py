"""Overlays: the kinds of span the reader draws over an article, one span index per kind.

An overlay is a kind of span (the annotator's saved annotations, those being saved, the
suggestions; another annotator's spans or links later) with how it is drawn: its own
component class, or its label's tint where the overlay has labels and the label has one, and
the mark it puts in the gutter. `ArticleView.add_overlay` registers one more, and
`ArticleView.set_overlay` gives it its spans: the drawing code never names an overlay.

Where spans of several overlays overlap, they are drawn in text order (by start, then end;
registration order among equal spans), so the one that starts later shows over the one around
it, whatever overlay each belongs to.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from reader.layout import SpanIndex

if TYPE_CHECKING:
    from annotations.model import Annotation
    from annotations.suggestions import Suggestion

Payload = TypeVar("Payload")


@dataclass(frozen=True, eq=False)
class Overlay(Generic[Payload]):
    """A kind of span drawn over the article, and how. Compared by identity: the overlay
    object itself is the key its spans are set and looked up by."""

    name: str
    component: str  # the component class its spans are drawn with
    # Spans drawn in their label's tint (`ArticleView.label_styles`) when it has one, over
    # what is under them; the component class's own attributes otherwise.
    label: Callable[[Payload], str] | None = None
    # The mark of a line whose first span of this overlay is `payload` (None: no mark). The
    # first overlay registered with a span on the line names it.
    gutter: Callable[[Payload], str] | None = None


# A span being saved: (start, end, label).
Pending = tuple[int, int, str]

SAVED: Overlay[Annotation] = Overlay(
    "saved",
    "article-view--annotation",
    label=lambda annotation: annotation.label,
    gutter=lambda annotation: annotation.label[:1].upper(),
)
SAVING: Overlay[Pending] = Overlay(
    "saving", "article-view--saving", gutter=lambda pending: pending[2][:1].lower()
)
SUGGESTED: Overlay[Suggestion] = Overlay(
    "suggested", "article-view--suggestion", gutter=lambda _suggestion: "?"
)
# A claim linked to who said it: drawn as it is, marked « in the gutter (before its label's
# initial: a link shows without colour).
LINKED: Overlay[Annotation] = Overlay(
    "linked", "article-view--linked", gutter=lambda _annotation: "«"
)
# What every reader draws, in gutter precedence.
DEFAULT_OVERLAYS: tuple[Overlay[Any], ...] = (LINKED, SAVED, SAVING, SUGGESTED)


class OverlayStack:
    """The overlays of one view in registration order, each with its spans."""

    def __init__(self, overlays: Iterable[Overlay[Any]] = DEFAULT_OVERLAYS) -> None:
        self._spans: dict[Overlay[Any], SpanIndex[Any]] = {}
        for overlay in overlays:
            self.add(overlay)

    def add(self, overlay: Overlay[Any]) -> None:
        """Register `overlay` after those there are (with no spans yet)."""
        if overlay in self._spans:
            raise ValueError(f"the overlay {overlay.name!r} is registered already")
        if any(other.name == overlay.name for other in self._spans):
            raise ValueError(f"another overlay is named {overlay.name!r} already")
        self._spans[overlay] = SpanIndex()

    def __contains__(self, overlay: object) -> bool:
        return overlay in self._spans

    def set(self, overlay: Overlay[Payload], spans: Iterable[tuple[int, int, Payload]]) -> None:
        """Replace the spans of `overlay`, which must be registered."""
        if overlay not in self._spans:
            raise KeyError(f"the overlay {overlay.name!r} is not registered")
        self._spans[overlay] = SpanIndex(spans)

    def clear(self) -> None:
        """Every overlay keeps its place, with no spans."""
        for overlay in self._spans:
            self._spans[overlay] = SpanIndex()

    def spans(self, overlay: Overlay[Payload]) -> SpanIndex[Payload]:
        """The spans of `overlay` (none when it is not registered)."""
        found: SpanIndex[Payload] = self._spans.get(overlay, SpanIndex())
        return found

    def at(self, overlay: Overlay[Payload], start: int, end: int) -> list[Payload]:
        """The payloads of `overlay` touching `[start, end)` (a point when empty), innermost
        (shortest) first."""
        found = self.spans(overlay).touching(start, max(end, start + 1))
        found.sort(key=lambda span: (span[1] - span[0], span[0]))
        return [payload for _start, _end, payload in found]

    def touching(self, start: int, end: int) -> Iterator[tuple[int, int, Any, Overlay[Any]]]:
        """Every overlay's spans that overlap `[start, end)`, in drawing order: by start, then
        end, and by registration among equal spans."""
        each = [
            [(s, e, payload, overlay) for s, e, payload in index.touching(start, end)]
            for overlay, index in self._spans.items()
            if index
        ]
        return heapq.merge(*each, key=lambda span: (span[0], span[1]))

    def gutter(self, start: int, end: int) -> str:
        """The gutter mark of a line `[start, end)`: the first overlay with a mark and a span
        there names it by its first span; a space when none has."""
        for overlay, index in self._spans.items():
            if overlay.gutter is not None and index:
                found = index.touching(start, max(end, start + 1))
                if found:
                    return overlay.gutter(found[0][2])
        return " "
