"""Drift: an annotation whose article text no longer says what was annotated.

Every annotation keeps the text it covered when it was made. Before an annotation is exported
or counted as sound, its span is read again from the article's text; when the two differ the
offsets cannot be trusted, so the annotation is reported, never exported where it now points.
Where the annotated words still occur in the text, the nearest place is named, so a person can
tell a shifted span from a rewritten one. Annotations that could not be placed on the edited
text of their article (annotations/reanchor.py) count as drifted too.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotations.model import Annotation, Unplaced

# How far from the old place to look for the annotated words.
_SEARCH = 100_000


@dataclass(frozen=True, slots=True)
class Drift:
    annotation: Annotation
    reason: str
    found: str | None = None  # what the article's text says at the span now
    now_at: tuple[int, int] | None = None  # nearest place where the annotated text occurs
    # The article the annotation belongs to now, when it was made on an earlier text of it.
    article_id: str | None = None

    def describe(self) -> str:
        a = self.annotation
        where = f"{a.annotator or '?'}'s {a.label} {a.id} [{a.start}, {a.end}) in {a.article_id}"
        if self.article_id is not None and self.article_id != a.article_id:
            where = (
                f"{a.annotator or '?'}'s {a.label} {a.id} [{a.start}, {a.end}) of an earlier "
                f"text of {self.article_id} (then {a.article_id}), annotated {_clip(a.text)}"
            )
        message = f"{where}: {self.reason}"
        if self.found is not None:
            message += f"; annotated {_clip(a.text)}, the text there is now {_clip(self.found)}"
        if self.now_at is not None:
            message += f"; the annotated text now occurs at [{self.now_at[0]}, {self.now_at[1]})"
        return message


def check(annotation: Annotation, text: str | None) -> Drift | None:
    """The drift of `annotation` against its article's `text` (None: no copy of the text)."""
    if text is None:
        return Drift(annotation, "the workspace has no copy of the article's text")
    if annotation.end > len(text):
        return Drift(
            annotation,
            f"the span ends past the end of the text ({len(text)} characters)",
            now_at=_nearest(annotation, text),
        )
    found = text[annotation.start : annotation.end]
    if found == annotation.text:
        return None
    return Drift(annotation, "the text changed", found, _nearest(annotation, text))


def unplaced(found: Unplaced) -> Drift:
    """An annotation whose article's corpus file was edited and that could not be placed on
    the edited text: drifted, never exported, until the annotator places or deletes it."""
    return Drift(
        found.annotation,
        "could not be placed on the edited text; place it on a span or delete it in the reader",
        article_id=found.article_id,
    )


def _nearest(annotation: Annotation, text: str) -> tuple[int, int] | None:
    needle = annotation.text
    lo = max(0, annotation.start - _SEARCH)
    hi = min(len(text), annotation.end + _SEARCH)
    best: int | None = None
    at = text.find(needle, lo, hi)
    while at >= 0:
        if best is None or abs(at - annotation.start) < abs(best - annotation.start):
            best = at
        if at > annotation.start:
            break  # later ones are further away
        at = text.find(needle, at + 1, hi)
    return None if best is None else (best, best + len(needle))


def _clip(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)
