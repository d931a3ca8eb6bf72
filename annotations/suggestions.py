"""Suggestions: what the analysis found, offered to the annotator as annotations to accept.

Detected figures are offered as `figure` annotations, direct quotes as `claim` annotations
(the quoted words, without the marks) carrying the speaker in `attrs`. None is offered inside
site chrome, none that the annotator turned down (the store remembers rejections by key), and
none already accepted (an annotation with the same span and label).

A suggestion's key names its kind and span, e.g. `figure:120-134`: an article's id is the
hash of its text, so the offsets of a given article never move.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from corpus.text import trimmed_span

if TYPE_CHECKING:
    from corpus.figures import Figure
    from corpus.quotes import Quote

FIGURE_LABEL = "figure"
CLAIM_LABEL = "claim"


@dataclass(frozen=True, slots=True)
class Suggestion:
    key: str
    kind: str  # "figure" | "quote"
    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def speaker_span(self) -> tuple[int, int] | None:
        """Where a quotation's speaker is named (or referred to: "he", "the minister") in the
        text, when it was found there."""
        start, end = self.attrs.get("speaker_start"), self.attrs.get("speaker_end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            return start, end
        return None

    @property
    def origin(self) -> str:
        return f"suggested:{self.kind}"

    def as_item(self) -> dict[str, Any]:
        """What `Store.add_group` takes."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "attrs": dict(self.attrs),
            "origin": self.origin,
        }

    def record(self) -> dict[str, Any]:
        """What a rejection keeps beside the key."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
        }


def suggest(
    text: str,
    figures: Iterable[Figure],
    quotes: Iterable[Quote],
    boilerplate: Sequence[Sequence[int]] = (),
    labels: Collection[str] = (FIGURE_LABEL, CLAIM_LABEL),
    rejected: Collection[str] = (),
    taken: Collection[tuple[int, int, str]] = (),
) -> list[Suggestion]:
    """The suggestions for one article in reading order. `taken` holds the (start, end,
    label) of its annotations; a label missing from `labels` is not suggested."""
    found: list[Suggestion] = []

    def chrome(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in boilerplate)

    if FIGURE_LABEL in labels:
        for figure in figures:
            start, end = figure.start, figure.end
            key, words = f"figure:{start}-{end}", text[start:end]
            attrs: dict[str, str | int] = {"figure": figure.label}
            found.append(Suggestion(key, "figure", start, end, FIGURE_LABEL, words, attrs))
    if CLAIM_LABEL in labels:
        for quote in quotes:
            if not quote.is_direct:
                continue
            start, end = trimmed_span(text, quote.content_start, quote.content_end)
            if start >= end:
                continue
            said: dict[str, str | int | None] = {
                "speaker": quote.speaker or None,
                "cue": quote.cue or None,
                "speaker_start": quote.speaker_start,
                "speaker_end": quote.speaker_end,
                "speaker_kind": quote.speaker_kind if quote.speaker_text else None,
            }
            attrs = {k: v for k, v in said.items() if v is not None}
            key, words = f"quote:{start}-{end}", text[start:end]
            found.append(Suggestion(key, "quote", start, end, CLAIM_LABEL, words, attrs))
    kept = [
        s
        for s in found
        if s.key not in rejected
        and (s.start, s.end, s.label) not in taken
        and not chrome(s.start, s.end)
    ]
    return sorted(kept, key=lambda s: (s.start, s.end, s.kind))
