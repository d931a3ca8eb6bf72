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
from typing import Any

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
    def origin(self) -> str:
        return f"suggested:{self.kind}"

    def as_item(self) -> dict[str, Any]:
        """What `Store.add_group` takes."""
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text,
                "attrs": dict(self.attrs), "origin": self.origin}  # fmt: skip

    def record(self) -> dict[str, Any]:
        """What a rejection keeps beside the key."""
        return {"kind": self.kind, "start": self.start, "end": self.end, "label": self.label,
                "text": self.text}  # fmt: skip


def suggest(
    text: str,
    figures: Iterable[Mapping[str, Any]],
    quotes: Iterable[Mapping[str, Any]],
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
            start, end = int(figure["start"]), int(figure["end"])
            attrs = {"figure": figure.get("label", "")}
            key = f"figure:{start}-{end}"
            words = text[start:end]
            found.append(Suggestion(key, "figure", start, end, FIGURE_LABEL, words, attrs))
    if CLAIM_LABEL in labels:
        for quote in quotes:
            if quote.get("kind") != "direct":
                continue
            start, end = _trimmed(text, int(quote["content_start"]), int(quote["content_end"]))
            if start >= end:
                continue
            attrs = {"speaker": quote.get("speaker") or None, "cue": quote.get("cue") or None,
                     "speaker_start": quote.get("speaker_start"),
                     "speaker_end": quote.get("speaker_end")}  # fmt: skip
            found.append(Suggestion(f"quote:{start}-{end}", "quote", start, end, CLAIM_LABEL,
                                    text[start:end], {k: v for k, v in attrs.items()
                                                      if v is not None}))  # fmt: skip
    kept = [
        s
        for s in found
        if s.key not in rejected
        and (s.start, s.end, s.label) not in taken
        and not chrome(s.start, s.end)
    ]
    return sorted(kept, key=lambda s: (s.start, s.end, s.kind))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its edges (a quote's content can start with one)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
