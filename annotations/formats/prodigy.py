"""Prodigy's JSONL (ARCHITECTURE.md, "Gold export line"), assay's own export and import format.

    {"text", "meta": {"article_id", "source", "title", <article metadata>, "status",
     "boilerplate", "tokenizer"}, "_input_hash", "_task_hash",
     "tokens": [{"text","start","end","id","ws"}],
     "spans": [{"start","end","label","text","token_start","token_end","annotator","id",
     "origin", "note"?, "attrs"?, "created_at","updated_at"}], "relations": [...],
     "answer": "accept", "_view_id": "spans_manual", "_session_id": "<dataset>-<annotator>",
     "_annotator_id", "_timestamp"}

`_view_id` and `_session_id` are what Prodigy's review recipe and its agreement metrics group
answers by: the dataset name is the export's `--dataset` (default "assay"). With
`--include-rejected`, the suggestions an annotator turned down on an article come as a line
of their own answered "reject" (their spans have `origin` "suggested:<kind>", `key` and
`rejected_at`), after the annotator's accepted line.

`_input_hash` is of the text alone and `_task_hash` of the input hash with the spans' start,
end and label, following the keys Prodigy's documentation gives (input keys `text`, ...; task
keys `spans`, `label`, ...; `answer`, `meta` and the `_` fields ignored). Its serialisation is
not documented, so the values are assay's own (stable, signed 32-bit), not Prodigy's.

`token_end` is inclusive, as in Prodigy. A span that does not start and end on token
boundaries (a character-precise selection) keeps its character offsets, and its token indices
cover the tokens it touches; the report counts them, since `Doc.char_span` in strict mode
would refuse them. Offsets count code points, as assay does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from contextlib import suppress
from datetime import datetime
from itertools import chain
from typing import Any

from annotations.formats.base import (
    ExportLine,
    ExportReport,
    Format,
    LinkRead,
    line_meta,
    provenance,
    relation_fields,
    span_fields,
)
from annotations.model import Relation
from annotations.workspace import json_pieces
from corpus.article import text_hash
from corpus.jsonl import quote

# The Prodigy interface these lines are answers of: spans selected by hand over tokens.
VIEW_ID = "spans_manual"


def write(line: ExportLine, report: ExportReport) -> Iterator[str]:
    """The line in pieces: its tokens (the bulk of it) come a slice at a time."""
    tokens = line.tokens
    assert tokens is not None, "the Prodigy format needs tokens"
    spans = []
    by_id = {}
    for rejected in line.rejected:  # a line answered "reject": the suggestions turned down
        first, last, _aligned = tokens.span(rejected.start, rejected.end)
        spans.append({**rejected.fields(), "token_start": first, "token_end": last})
    for annotation in line.annotations:
        first, last, aligned = tokens.span(annotation.start, annotation.end)
        if not aligned:
            report.misaligned += 1
        span = {
            **span_fields(annotation),
            "token_start": first,
            "token_end": last,
            **provenance(annotation),
        }
        spans.append(span)
        by_id[annotation.id] = span
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
        "relations": [_relation(r, by_id[r.head], by_id[r.child]) for r in line.relations],
        "answer": line.answer,
        "_view_id": VIEW_ID,
        "_session_id": f"{line.dataset}-{line.annotator}",
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


def _relation(
    relation: Relation, head: Mapping[str, Any], child: Mapping[str, Any]
) -> dict[str, Any]:
    """A relation as Prodigy's relations interface saves one between two spans: `head` and
    `child` are the token indices it anchors them at (each span's last token), with the
    spans themselves as `head_span` and `child_span`."""

    def anchored(span: Mapping[str, Any]) -> dict[str, Any]:
        return {k: span[k] for k in ("start", "end", "token_start", "token_end", "label")}

    return {
        "head": head["token_end"],
        "child": child["token_end"],
        "head_span": anchored(head),
        "child_span": anchored(child),
        **relation_fields(relation),
        "head_id": relation.head,
        "child_id": relation.child,
    }


def read_spans(record: Mapping[str, Any]) -> list[Any]:
    """`spans`, as written (each is checked by the importer)."""
    spans = record["spans"]
    if not isinstance(spans, list):
        raise ValueError('"spans" is not a list')
    return spans


def read_relations(record: Mapping[str, Any], spans: list[Any]) -> list[LinkRead]:
    """`relations`, each between two of the line's spans: named by `head_span` and
    `child_span` (start, end and label), else by `head_id`/`child_id` (an assay export's
    span ids), else by the token index each is anchored at (`head`, `child`: a span's last
    token)."""
    given = record.get("relations", [])
    if not isinstance(given, list):
        raise ValueError('"relations" is not a list')
    return [_link(relation, number, spans) for number, relation in enumerate(given, start=1)]


def _link(relation: Any, number: int, spans: list[Any]) -> LinkRead:
    if not isinstance(relation, dict):
        raise ValueError(f"relation {number} is not an object: {quote(relation)}")
    label = relation.get("label")
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"relation {number} has no label: {quote(relation)}")
    note = relation.get("note", "")
    ends = []
    for end in ("head", "child"):
        found = _span_of(relation, end, spans)
        if found is None:
            raise ValueError(
                f"relation {number}'s {end} is not one of the line's spans: {quote(relation)}"
            )
        ends.append(found)
    return LinkRead(ends[0], ends[1], label, note if isinstance(note, str) else "")


def _span_of(relation: Mapping[str, Any], end: str, spans: list[Any]) -> int | None:
    """The position in `spans` of the relation's `end` ("head" or "child")."""
    named = relation.get(f"{end}_span")
    if isinstance(named, dict):
        wanted = (named.get("start"), named.get("end"), named.get("label"))
        return _first(spans, lambda s: (s.get("start"), s.get("end"), s.get("label")) == wanted)
    span_id = relation.get(f"{end}_id")
    if isinstance(span_id, str):
        return _first(spans, lambda s: s.get("id") == span_id)
    token = relation.get(end)
    if isinstance(token, int) and not isinstance(token, bool):
        return _first(spans, lambda s: s.get("token_end") == token)
    return None


def _first(spans: list[Any], fits: Any) -> int | None:
    return next((i for i, s in enumerate(spans) if isinstance(s, dict) and fits(s)), None)


def _hash32(text: str) -> int:
    """A stable signed 32-bit hash, the shape of Prodigy's `_input_hash` and `_task_hash`."""
    return int.from_bytes(bytes.fromhex(text_hash(text)[:8]), "big", signed=True)


_USUAL_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def _timestamp(line: ExportLine) -> int:
    """Unix seconds of the line's last change: its latest annotation, or its status."""
    stamps = [a.updated_at for a in line.annotations]
    if line.changed_at:
        stamps.append(line.changed_at)
    # Times as assay writes them (`now()`: one width, UTC) sort as text: only the latest of
    # them is parsed. Any other (a hand edit, another tool's) is parsed on its own.
    usual = [stamp for stamp in stamps if _USUAL_STAMP.fullmatch(stamp)]
    if usual:
        stamps = [max(usual), *(stamp for stamp in stamps if not _USUAL_STAMP.fullmatch(stamp))]
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
    read_relations=read_relations,
    rejects_as_lines=True,
)
