"""Prodigy's JSONL (ARCHITECTURE.md, "Gold export line"), assay's own export and import format.

    {"text", "meta": {"article_id", "source", "title", <article metadata>, "status",
     "boilerplate", "tokenizer"}, "_input_hash", "_task_hash",
     "tokens": [{"text","start","end","id","ws"}],
     "spans": [{"start","end","label","text","token_start","token_end","annotator","id",
     "origin", "note"?, "attrs"?, "created_at","updated_at"}], "answer": "accept",
     "_annotator_id", "_timestamp"}

`token_end` is inclusive, as in Prodigy. A span that does not start and end on token
boundaries (a character-precise selection) keeps its character offsets, and its token indices
cover the tokens it touches; the report counts them, since `Doc.char_span` in strict mode
would refuse them. Offsets count code points, as assay does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import suppress
from datetime import datetime
from itertools import chain
from typing import Any

from annotations.formats.base import (
    ExportLine,
    ExportReport,
    Format,
    line_meta,
    provenance,
    span_fields,
)
from annotations.workspace import json_pieces
from corpus.article import text_hash


def write(line: ExportLine, report: ExportReport) -> Iterator[str]:
    """The line in pieces: its tokens (the bulk of it) come a slice at a time."""
    tokens = line.tokens
    assert tokens is not None, "the Prodigy format needs tokens"
    spans = []
    for annotation in line.annotations:
        first, last, aligned = tokens.span(annotation.start, annotation.end)
        if not aligned:
            report.misaligned += 1
        spans.append(
            {
                **span_fields(annotation),
                "token_start": first,
                "token_end": last,
                **provenance(annotation),
            }
        )
    input_hash = _hash32(line.article.text)
    key = json.dumps([input_hash, [[s["start"], s["end"], s["label"]] for s in spans]])
    head = {
        "text": line.article.text,
        "meta": line_meta(line),
        "_input_hash": input_hash,
        "_task_hash": _hash32(key),
    }
    tail = {
        "spans": spans,
        "answer": "accept",
        "_annotator_id": line.annotator,
        "_timestamp": _timestamp(line),
    }
    # The tokens are JSON text already: spliced in between, in pieces, as is a long text.
    return chain(
        json_pieces(head, closed=False),
        (',"tokens":',),
        tokens.json_pieces(line.article.text),
        (",", json.dumps(tail, ensure_ascii=False)[1:]),
    )


def read_spans(record: Mapping[str, Any]) -> list[Any]:
    """`spans`, as written (each is checked by the importer)."""
    spans = record["spans"]
    if not isinstance(spans, list):
        raise ValueError('"spans" is not a list')
    return spans


def _hash32(text: str) -> int:
    """A stable signed 32-bit hash, the shape of Prodigy's `_input_hash` and `_task_hash`."""
    return int.from_bytes(bytes.fromhex(text_hash(text)[:8]), "big", signed=True)


def _timestamp(line: ExportLine) -> int:
    """Unix seconds of the line's last change: its latest annotation, or its status."""
    stamps = [a.updated_at for a in line.annotations]
    if line.changed_at:
        stamps.append(line.changed_at)
    seconds = [0]
    for stamp in stamps:
        with suppress(ValueError):  # a hand-edited time: the others still tell
            seconds.append(int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()))
    return max(seconds)


FORMAT = Format(
    name="prodigy",
    title="Prodigy",
    needs_tokens=True,
    write=write,
    line_keys=("spans",),
    read_spans=read_spans,
)
