"""doccano's sequence-labelling JSONL.

Export: `{"text", "label": [[start, end, label], ...], "meta", "annotator", "spans"}` (the
spans with their provenance, as in the Prodigy lines). Import reads `label` triples (older
exports call them `labels`) or the newer `{"entities": [{"start_offset", "end_offset",
"label"}]}`. doccano's front end counts offsets in UTF-16 code units: the importer reads each
line one way or the other, whichever fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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
from corpus.jsonl import quote


def write(line: ExportLine, _report: ExportReport) -> Iterator[str]:
    """The line, its text in pieces when it is long."""
    data = {
        "text": line.article.text,
        "label": [[a.start, a.end, a.label] for a in line.annotations],
        "meta": line_meta(line),
        "annotator": line.annotator,
        "spans": [{**span_fields(a), **provenance(a)} for a in line.annotations],
    }
    return json_pieces(data)


def read_spans(record: Mapping[str, Any]) -> list[Any]:
    """The line's spans, as objects with `start`, `end` and `label`."""
    if "entities" in record:
        entities = record["entities"]
        if not isinstance(entities, list):
            raise ValueError('"entities" is not a list')
        return [_entity(e, i) for i, e in enumerate(entities, start=1)]
    key = "label" if "label" in record else "labels"
    if key == "label" and "labels" in record and _document_labels(record["label"]):
        key = "labels"  # "label" holds the text's classes, "labels" its spans
    triples = record[key]
    if not isinstance(triples, list):
        raise ValueError(f'"{key}" is not a list of [start, end, label]')
    return [_triple(t, i) for i, t in enumerate(triples, start=1)]


def _document_labels(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _triple(triple: Any, index: int) -> dict[str, Any]:
    if isinstance(triple, str):
        raise ValueError(
            f"label {index} is {quote(triple)}: a document label (text classification), not a span"
        )
    if not isinstance(triple, list) or len(triple) != 3:
        raise ValueError(f"label {index} is not [start, end, label]: {quote(triple)}")
    return {"start": triple[0], "end": triple[1], "label": triple[2]}


def _entity(entity: Any, index: int) -> dict[str, Any]:
    if not isinstance(entity, dict):
        raise ValueError(f"entity {index} is not an object: {quote(entity)}")
    return {
        "start": entity.get("start_offset"),
        "end": entity.get("end_offset"),
        "label": entity.get("label"),
    }


FORMAT = Format(
    name="doccano",
    title="doccano",
    needs_tokens=False,
    write=write,
    line_keys=("label", "labels", "entities"),
    read_spans=read_spans,
    utf16_offsets=True,
)
