"""The gold export: one JSON line per (article, annotator), Prodigy-compatible, or doccano's.

A Prodigy line (ARCHITECTURE.md, "Gold export line"):

    {"text", "meta": {"article_id", "source", "title", <article metadata>, "status",
     "boilerplate"}, "_input_hash", "_task_hash", "tokens": [{"text","start","end","id","ws"}],
     "spans": [{"start","end","label","text","token_start","token_end","annotator","id",
     "origin", "note"?, "attrs"?, "created_at","updated_at"}], "answer": "accept",
     "_annotator_id", "_timestamp"}

`token_end` is inclusive, as in Prodigy. Tokens come from the analysis pipeline's tokenizer
(corpus/tokens.py). Every span is checked against the article's text first (annotations/
drift.py): one that no longer matches is reported and left out, never written at offsets that
point at other words. A span that does not start and end on token boundaries (a character-
precise selection) keeps its character offsets, and its token indices cover the tokens it
touches; the report counts them, since `Doc.char_span` in strict mode would refuse them.

Output is deterministic: the same workspace exports to the same bytes.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import Any

from annotations.drift import Drift, check, unplaced
from annotations.model import Annotation
from annotations.storage import CorruptFile
from annotations.store import Store
from annotations.workspace import Workspace, json_pieces
from corpus.article import Article, text_hash
from corpus.tokens import Tokenizer, Tokens

FORMATS = ("prodigy", "doccano")


@dataclass
class ExportReport:
    """What an export wrote and what it left out, for the user to read."""

    lines: int = 0
    spans: int = 0
    articles: set[str] = field(default_factory=set)
    drifted: list[Drift] = field(default_factory=list)
    misaligned: int = 0
    empty: int = 0  # lines for articles with no annotations (--include-empty)
    problems: list[str] = field(default_factory=list)  # e.g. an unreadable article copy


@dataclass(frozen=True)
class _Task:
    article: Article
    annotator: str
    annotations: list[Annotation]
    status: str
    changed_at: str | None


def export_lines(
    workspace: Workspace,
    annotators: Sequence[str],
    tokenizer: Tokenizer | None,
    report: ExportReport,
    *,
    output_format: str = "prodigy",
    include_empty: bool = False,
    corpus: Mapping[str, Article] | None = None,
) -> Iterator[str]:
    """The export's lines (without newlines), article by article, each annotator in turn.

    Texts come from the workspace's copies, else from `corpus` (articles by id). Only the
    Prodigy format needs `tokenizer`. Drifted annotations go to `report`, not to the output.
    """
    for pieces in export_pieces(
        workspace, annotators, tokenizer, report, output_format=output_format,
        include_empty=include_empty, corpus=corpus,
    ):  # fmt: skip
        yield "".join(pieces)


def export_pieces(
    workspace: Workspace,
    annotators: Sequence[str],
    tokenizer: Tokenizer | None,
    report: ExportReport,
    *,
    output_format: str = "prodigy",
    include_empty: bool = False,
    corpus: Mapping[str, Article] | None = None,
) -> Iterator[Iterator[str]]:
    """`export_lines`, each line as the pieces of its text, for a writer: the tokens of a very
    long article (about ten times its size as JSON) come a slice at a time and are never held
    whole. Write a line's pieces before asking for the next line."""
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}")
    stores = [Store.open(workspace.root, name, read_only=True, labels=None) for name in annotators]
    try:
        report.problems += [
            f"{c} They are not in this export." for s in stores for c in s.set_aside()
        ]
        held = [set(store.article_ids()) for store in stores]
        groups = (
            group
            for article_id in sorted(set().union(*held))
            if (
                group := list(
                    _tasks(
                        article_id,
                        [s for s, ids in zip(stores, held, strict=True) if article_id in ids],
                        workspace,
                        corpus or {},
                        report,
                        include_empty,
                    )
                )
            )
        )
        if output_format == "doccano":
            yield from (_doccano_line(task, report) for group in groups for task in group)
            return
        assert tokenizer is not None, "the Prodigy format needs a tokenizer"
        # One text per article, streamed: the tokenizer works ahead on the articles after the
        # ones being written.
        waiting: deque[list[_Task]] = deque()

        def texts() -> Iterator[str]:
            for group in groups:
                waiting.append(group)
                yield group[0].article.text

        for tokens in tokenizer.tokenize_many(texts()):
            for task in waiting.popleft():
                yield _prodigy_line(task, tokens, tokenizer.name, report)
    finally:
        for store in stores:
            store.close()


def _tasks(
    article_id: str,
    stores: Sequence[Store],
    workspace: Workspace,
    corpus: Mapping[str, Article],
    report: ExportReport,
    include_empty: bool,
) -> Iterator[_Task]:
    article: Article | None = None
    looked = False
    for store in stores:
        try:
            state = store.article_state(article_id)
        except CorruptFile as exc:
            report.problems.append(f"{exc} Its annotations are not in this export.")
            continue
        annotations = state.annotations
        report.drifted += [unplaced(u) for u in state.unplaced]  # never exported
        # An empty line says "read, nothing to tag": only the annotator's own "done" says so.
        empty_answer = include_empty and state.status == "done" and state.status_set_at is not None
        if not annotations and not empty_answer:
            continue
        if not looked:
            article = workspace.find_article(article_id, corpus, report.problems)
            looked = True
        sound = []
        for annotation in annotations:
            drift = check(annotation, article.text if article else None)
            if drift is None:
                sound.append(annotation)
            else:
                report.drifted.append(drift)
        if article is None and not annotations:
            report.problems.append(
                f"{store.annotator} marked article {article_id} done, but its text is not in "
                f"the workspace or the corpus; its empty line is not in this export"
            )
        if article is None or ((annotations or state.unplaced) and not sound):
            continue  # nothing trustworthy to say about this article
        yield _Task(article, store.annotator, sound, state.status, state.status_set_at)


def _meta(task: _Task, tokenizer_name: str | None) -> dict[str, Any]:
    article = task.article
    meta: dict[str, Any] = {"article_id": article.id, "source": article.source,
                            "title": article.title}  # fmt: skip
    meta.update((k, v) for k, v in article.meta.items() if k not in meta)
    meta["status"] = task.status
    meta["boilerplate"] = [list(r) for r in article.boilerplate]
    if tokenizer_name:
        meta["tokenizer"] = tokenizer_name
    return meta


def _count(task: _Task, report: ExportReport) -> None:
    report.lines += 1
    report.spans += len(task.annotations)
    report.articles.add(task.article.id)
    if not task.annotations:
        report.empty += 1


def _span(annotation: Annotation) -> dict[str, Any]:
    span: dict[str, Any] = {
        "start": annotation.start, "end": annotation.end, "label": annotation.label,
        "text": annotation.text,
    }  # fmt: skip
    return span


def _provenance(annotation: Annotation) -> dict[str, Any]:
    extra: dict[str, Any] = {"annotator": annotation.annotator, "id": annotation.id,
                             "origin": annotation.origin}  # fmt: skip
    if annotation.note:
        extra["note"] = annotation.note
    if annotation.attrs:
        extra["attrs"] = dict(annotation.attrs)
    extra["created_at"] = annotation.created_at
    extra["updated_at"] = annotation.updated_at
    return extra


def _prodigy_line(
    task: _Task, tokens: Tokens, tokenizer_name: str, report: ExportReport
) -> Iterator[str]:
    _count(task, report)
    spans = []
    for annotation in task.annotations:
        first, last, aligned = tokens.span(annotation.start, annotation.end)
        if not aligned:
            report.misaligned += 1
        spans.append({**_span(annotation), "token_start": first, "token_end": last,
                      **_provenance(annotation)})  # fmt: skip
    input_hash = _hash32(task.article.text)
    key = json.dumps([input_hash, [[s["start"], s["end"], s["label"]] for s in spans]])
    head = {
        "text": task.article.text,
        "meta": _meta(task, tokenizer_name),
        "_input_hash": input_hash,
        "_task_hash": _hash32(key),
    }
    tail = {
        "spans": spans,
        "answer": "accept",
        "_annotator_id": task.annotator,
        "_timestamp": _timestamp(task),
    }
    # The tokens are JSON text already (the bulk of a line): spliced in between, in pieces,
    # as is a long text.
    return chain(
        json_pieces(head, closed=False),
        (',"tokens":',),
        tokens.json_pieces(task.article.text),
        (",", json.dumps(tail, ensure_ascii=False)[1:]),
    )


def _doccano_line(task: _Task, report: ExportReport) -> Iterator[str]:
    """doccano's sequence-labelling JSONL: `label` as [start, end, label] triples."""
    _count(task, report)
    line = {
        "text": task.article.text,
        "label": [[a.start, a.end, a.label] for a in task.annotations],
        "meta": _meta(task, None),
        "annotator": task.annotator,
        "spans": [{**_span(a), **_provenance(a)} for a in task.annotations],
    }
    return json_pieces(line)


def _hash32(text: str) -> int:
    """A stable signed 32-bit hash, the shape of Prodigy's `_input_hash` and `_task_hash`."""
    return int.from_bytes(bytes.fromhex(text_hash(text)[:8]), "big", signed=True)


def _timestamp(task: _Task) -> int:
    """Unix seconds of the line's last change: its latest annotation, or its status."""
    stamps = [a.updated_at for a in task.annotations]
    if task.changed_at:
        stamps.append(task.changed_at)
    seconds = [0]
    for stamp in stamps:
        with suppress(ValueError):  # a hand-edited time: the others still tell
            seconds.append(int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()))
    return max(seconds)
