"""What every format is made of: the `Format` record, the line it writes, and the fields of
assay's lines that several formats share (the article's metadata, a span's provenance)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotations.drift import Drift
from annotations.model import Annotation, Relation
from corpus.article import Article
from corpus.tokens import Tokens

# The dataset name of an export that is given none.
DEFAULT_DATASET = "assay"


@dataclass
class ExportReport:
    """What an export wrote and what it left out, for the user to read."""

    lines: int = 0
    spans: int = 0
    articles: set[str] = field(default_factory=set)
    drifted: list[Drift] = field(default_factory=list)
    misaligned: int = 0
    empty: int = 0  # lines for articles with no annotations (--include-empty)
    relations: int = 0
    # Relations left out because an end of them drifted (that end is in `drifted`).
    relations_left_out: int = 0
    rejected: int = 0  # rejected suggestions written (--include-rejected)
    rejected_drifted: int = 0  # rejected suggestions whose words are no longer in the text
    problems: list[str] = field(default_factory=list)  # e.g. an unreadable article copy


@dataclass(frozen=True)
class ExportLine:
    """One annotator's checked annotations of one article: what a format writes as a line.

    `tokens` and `tokenizer` (the pipeline's name) are set for a format that needs tokens.
    """

    article: Article
    annotator: str
    annotations: list[Annotation]
    status: str
    changed_at: str | None  # when the annotator last set the status, if ever
    tokens: Tokens | None = None
    tokenizer: str | None = None
    # Links between `annotations` (both ends among them).
    relations: tuple[Relation, ...] = ()
    # The name the export gives its dataset (Prodigy's `_session_id` is "<dataset>-<annotator>").
    dataset: str = DEFAULT_DATASET
    # Suggestions the annotator turned down on this text (with --include-rejected), and
    # whether the line is only them: a line answered "reject" (Prodigy).
    rejected: tuple[Rejected, ...] = ()
    answer: str = "accept"


@dataclass(frozen=True)
class Rejected:
    """A suggestion the annotator turned down, checked against the text: a negative example."""

    start: int
    end: int
    label: str
    text: str
    kind: str  # what suggested it: "quote", "figure", ...
    key: str
    rejected_at: str

    def fields(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "origin": f"suggested:{self.kind}",
            "key": self.key,
            "rejected_at": self.rejected_at,
        }


@dataclass(frozen=True)
class LinkRead:
    """A relation as an import reads it: its ends as positions in the line's spans."""

    head: int
    child: int
    label: str
    note: str = ""


@dataclass(frozen=True)
class Format:
    """An export format and, where it can be imported, how its spans are read back.

    `write` gives a line's text in pieces (without the newline), for a writer: a long
    article's text and tokens are never one string; it may count in the report what only it
    knows (spans off token boundaries). `line_keys` are the keys that tell a line is in this
    format (for `--format auto`); `read_spans` gives a line's spans as objects with `start`,
    `end` and `label` (and `text`, `note`, `attrs`, `origin` where the line has them), raising
    ValueError saying what is wrong. `utf16_offsets`: the format's offsets may count UTF-16
    code units instead of code points (doccano's front end does).
    """

    name: str
    title: str  # as its users call it, in messages
    needs_tokens: bool
    write: Callable[[ExportLine, ExportReport], Iterable[str]]
    line_keys: tuple[str, ...] = ()
    read_spans: Callable[[Mapping[str, Any]], list[Any]] | None = None
    utf16_offsets: bool = False
    # The line's relations as `LinkRead`s between the spans `read_spans` gave (by position);
    # raises ValueError saying what is wrong (an end that is not one of the line's spans).
    read_relations: Callable[[Mapping[str, Any], list[Any]], list[LinkRead]] | None = None
    # Rejected suggestions go on lines of their own, answered "reject" (Prodigy), rather
    # than in a `rejected` field of the annotator's line.
    rejects_as_lines: bool = False

    @property
    def importable(self) -> bool:
        return self.read_spans is not None


def count_line(line: ExportLine, report: ExportReport) -> None:
    """What a written line adds to the report: every format counts its lines so."""
    report.lines += 1
    report.rejected += len(line.rejected)
    if line.answer == "reject":
        return
    report.spans += len(line.annotations)
    report.relations += len(line.relations)
    report.articles.add(line.article.id)
    if not line.annotations and not line.rejected:
        report.empty += 1


def line_meta(line: ExportLine) -> dict[str, Any]:
    """The `meta` of a line: the article's identity and metadata, the annotator's status, its
    boilerplate ranges, and the tokenizer when the line has tokens."""
    article = line.article
    meta: dict[str, Any] = {
        "article_id": article.id,
        "source": article.source,
        "title": article.title,
    }
    meta.update((k, v) for k, v in article.meta.items() if k not in meta)
    meta["status"] = line.status
    meta["boilerplate"] = [list(r) for r in article.boilerplate]
    if line.tokenizer:
        meta["tokenizer"] = line.tokenizer
    return meta


def span_fields(annotation: Annotation) -> dict[str, Any]:
    """A span as every format writes it: offsets, label and the covered text."""
    return {
        "start": annotation.start,
        "end": annotation.end,
        "label": annotation.label,
        "text": annotation.text,
    }


def provenance(annotation: Annotation) -> dict[str, Any]:
    """Who made a span, how and when, and its note and attributes where it has them."""
    extra: dict[str, Any] = {
        "annotator": annotation.annotator,
        "id": annotation.id,
        "origin": annotation.origin,
    }
    if annotation.note:
        extra["note"] = annotation.note
    if annotation.attrs:
        extra["attrs"] = dict(annotation.attrs)
    extra["created_at"] = annotation.created_at
    extra["updated_at"] = annotation.updated_at
    return extra


def relation_fields(relation: Relation) -> dict[str, Any]:
    """What every format keeps of a relation beside its ends: label, provenance, note."""
    extra: dict[str, Any] = {
        "label": relation.label,
        "id": relation.id,
        "annotator": relation.annotator,
        "origin": relation.origin,
    }
    if relation.note:
        extra["note"] = relation.note
    extra["created_at"] = relation.created_at
    extra["updated_at"] = relation.updated_at
    return extra
