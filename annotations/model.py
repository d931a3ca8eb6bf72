"""The Annotation: a labelled `[start, end)` span of an article's text, by one annotator."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

DEFAULT_LABELS = ("claim", "figure", "event")
STATUSES = ("todo", "in progress", "done")


def now() -> str:
    """ISO 8601 UTC with milliseconds, e.g. 2026-11-22T07:15:00.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id(article_id: str) -> str:
    """An annotation id that names its article, so a lookup opens one file."""
    return f"{article_id}-{uuid.uuid4().hex[:12]}"


def article_of(annotation_id: str) -> str:
    return annotation_id.rsplit("-", 1)[0]


@dataclass(frozen=True)
class Annotation:
    """`text` is the covered text when the annotation was made, to detect drift later.

    `origin` is "manual", or "suggested:<kind>" when accepted from a suggestion.
    """

    id: str
    article_id: str
    start: int
    end: int
    label: str
    text: str
    note: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)
    annotator: str = ""
    origin: str = "manual"
    created_at: str = ""
    updated_at: str = ""

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise ValueError("start and end must be whole numbers")
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or reversed span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text has {len(self.text)} characters but the span [{self.start}, {self.end}) "
                f"covers {self.end - self.start}"
            )
        if not self.label:
            raise ValueError("an annotation needs a label")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["attrs"] = dict(self.attrs)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        return cls(**known)

    def drifted(self, article_text: str) -> bool:
        """True when the article's text at this span is no longer what was annotated."""
        return article_text[self.start : self.end] != self.text
