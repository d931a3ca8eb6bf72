"""The Annotation: a labelled `[start, end)` span of an article's text, by one annotator."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

# A `source` annotation marks who is speaking (a name, an organisation, "the official", a
# pronoun: then `attrs.resolved` holds the name); a `source` relation links a claim to it.
SOURCE = "source"
DEFAULT_LABELS = ("claim", "figure", "event", SOURCE)
DEFAULT_RELATION_LABELS = (SOURCE,)


class Status(StrEnum):
    """An article's status for one annotator. Members are their strings (`Status.DONE ==
    "done"`), as files, exports and the reader write and compare them."""

    TODO = "todo"
    IN_PROGRESS = "in progress"
    DONE = "done"


STATUSES = tuple(Status)


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
    `moved_from` is set on an annotation carried over from an earlier text of its article (the
    corpus file was edited): the old article id, annotation id, span and text, and how it was
    placed ("exact", "fuzzy" or "by hand").
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
    moved_from: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        # A record read back from a file is checked whole: a hand edit that left, say, a number
        # where the note was must be found when the file is read, not when it is next written.
        # (One expression: the start-up check builds tens of thousands of these.)
        if not (
            type(self.id) is str
            and type(self.article_id) is str
            and type(self.label) is str
            and type(self.text) is str
            and type(self.note) is str
            and type(self.annotator) is str
            and type(self.origin) is str
            # `type(...) is dict` first: an ABC's isinstance costs more than the rest
            and (type(self.attrs) is dict or isinstance(self.attrs, Mapping))
            and (self.moved_from is None or isinstance(self.moved_from, Mapping))
        ):
            raise ValueError(self._type_problem())
        if not (
            (type(self.start) is int or isinstance(self.start, int))
            and (type(self.end) is int or isinstance(self.end, int))
        ):
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

    def _type_problem(self) -> str:
        for name in ("id", "article_id", "label", "text", "note", "annotator", "origin"):
            if not isinstance(getattr(self, name), str):
                return f"{name} must be a string"
        if not isinstance(self.attrs, Mapping):
            return "attrs must be a mapping"
        return "moved_from must be a mapping"

    def to_dict(self) -> dict[str, Any]:
        # By hand, not dataclasses.asdict: its deep copies cost more than all the rest of a
        # move of 5,000 annotations. Nested values are shared: records are only serialised.
        data: dict[str, Any] = {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "note": self.note,
            "attrs": dict(self.attrs),
            "annotator": self.annotator,
            "origin": self.origin,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
        if self.moved_from is not None:  # most annotations: their records stay as they were
            data["moved_from"] = dict(self.moved_from)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        keys = data.keys()
        if keys in (_RECORD_FIELDS, _ALL_FIELDS):
            # A record as the store writes it: its fields set at once and checked, without the
            # frozen class's `__init__` (a field at a time through `object.__setattr__`): an
            # export reads every annotation of a workspace, and this halves the cost of each.
            annotation = object.__new__(cls)
            fields = annotation.__dict__
            fields.update(data)
            if len(fields) < len(_ALL_FIELDS):
                fields["moved_from"] = None
            annotation.__post_init__()
            return annotation
        try:  # some fields left at their defaults (an older record, a test's)
            return cls(**data)
        except TypeError:  # other keys too (a newer assay's, a hand edit's): ignore them
            known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
            return cls(**known)

    def drifted(self, article_text: str) -> bool:
        """True when the article's text at this span is no longer what was annotated."""
        return article_text[self.start : self.end] != self.text


_ALL_FIELDS = frozenset(Annotation.__dataclass_fields__)
_RECORD_FIELDS = _ALL_FIELDS - {"moved_from"}  # `to_dict` leaves it out when None


@dataclass(frozen=True)
class Unplaced:
    """An annotation of an earlier text of an article that could not be placed on its edited
    text. It is kept, with its old offsets and text (`annotation`, whose `article_id` is the
    old one), in the file of the article it now belongs to (`article_id`), until the annotator
    places it on a span or deletes it."""

    annotation: Annotation
    article_id: str
    moved_at: str

    @property
    def id(self) -> str:
        return self.annotation.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.annotation.id,
            "annotation": self.annotation.to_dict(),
            "article_id": self.article_id,
            "moved_at": self.moved_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Unplaced:
        return cls(
            Annotation.from_dict(data["annotation"]), str(data["article_id"]), str(data["moved_at"])
        )


@dataclass(frozen=True)
class Relation:
    """A labelled link between two annotations of one article by one annotator: `head` (e.g.
    a claim) and `child` (e.g. its source) are annotation ids. (An end may also be the id of
    one of the article's unplaced annotations: the link waits with it to be placed.)"""

    id: str
    article_id: str
    head: str
    child: str
    label: str = SOURCE
    note: str = ""
    annotator: str = ""
    origin: str = "manual"
    created_at: str = ""
    updated_at: str = ""

    def __post_init__(self) -> None:
        for name in ("id", "article_id", "head", "child", "label", "note", "annotator", "origin",
                     "created_at", "updated_at"):  # fmt: skip
            if type(getattr(self, name)) is not str:
                raise ValueError(f"{name} must be a string")
        if not self.label:
            raise ValueError("a relation needs a label")
        if not (self.head and self.child):
            raise ValueError("a relation needs both ends")
        if self.head == self.child:
            raise ValueError("a relation links two different annotations")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "head": self.head,
            "child": self.child,
            "label": self.label,
            "note": self.note,
            "annotator": self.annotator,
            "origin": self.origin,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        return cls(**known)

    def ends(self) -> tuple[str, str]:
        return self.head, self.child
