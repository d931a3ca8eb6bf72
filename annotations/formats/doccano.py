"""doccano's sequence-labelling JSONL.

Export: `{"text", "label": [[start, end, label], ...], "meta", "annotator", "spans"}` (the
spans with their provenance, as in the Prodigy lines), and with `--include-rejected` a
`rejected` list of the suggestions the annotator turned down (`start`, `end`, `label`, `text`,
`origin`, `key`, `rejected_at`). Import reads `label` triples (older
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
    LinkRead,
    line_meta,
    provenance,
    relation_fields,
    span_fields,
)
from annotations.workspace import json_pieces
from corpus.jsonl import quote


def write(line: ExportLine, _report: ExportReport) -> Iterator[str]:
    """The line, its text in pieces when it is long."""
    number = {a.id: i for i, a in enumerate(line.annotations, start=1)}
    data = {
        "text": line.article.text,
        "label": [[a.start, a.end, a.label] for a in line.annotations],
        # doccano's relation projects: entities with ids, and relations between them.
        "entities": [
            {"id": number[a.id], "label": a.label, "start_offset": a.start, "end_offset": a.end}
            for a in line.annotations
        ],
        "relations": [
            {
                "id": i,
                "from_id": number[r.head],
                "to_id": number[r.child],
                "type": r.label,
                **relation_fields(r),
            }
            for i, r in enumerate(line.relations, start=1)
        ],
        "meta": line_meta(line),
        "annotator": line.annotator,
        "spans": [{**span_fields(a), **provenance(a)} for a in line.annotations],
    }
    if line.rejected:  # --include-rejected: the suggestions turned down, as negatives
        data["rejected"] = [r.fields() for r in line.rejected]
    return json_pieces(data)


def read_spans(record: Mapping[str, Any]) -> list[Any]:
    """The line's spans, as objects with `start`, `end` and `label`, and the text, note,
    attributes and origin an assay export keeps beside them in `spans` (the text also tells
    which way a line counts its offsets)."""
    return _with_provenance(_spans(record), record.get("spans"))


def _with_provenance(found: list[dict[str, Any]], written: Any) -> list[dict[str, Any]]:
    """Each span with the text, note, attributes and origin of the span of `written` (an assay
    export's `spans`, in the same order) that has its offsets and label; spans from any other
    tool are as they are."""
    if not isinstance(written, list) or len(written) != len(found):
        return found
    for span, extra in zip(found, written, strict=True):
        if not isinstance(extra, dict) or any(extra.get(k) != span[k] for k in _SPAN_KEYS):
            continue
        span.update((k, extra[k]) for k in ("text", "note", "attrs", "origin") if k in extra)
    return found


_SPAN_KEYS = ("start", "end", "label")


def _spans(record: Mapping[str, Any]) -> list[dict[str, Any]]:
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


def read_relations(record: Mapping[str, Any], spans: list[Any]) -> list[LinkRead]:
    """`relations` of a relation project: `from_id` and `to_id` name entities by `id`
    (`read_spans` gave the entities in order, so an id is found by position)."""
    given = record.get("relations", [])
    if not isinstance(given, list):
        raise ValueError('"relations" is not a list')
    if not given:
        return []
    entities = record.get("entities")
    ids: dict[Any, int] = {}
    if isinstance(entities, list):
        for position, entity in enumerate(entities):
            if isinstance(entity, dict) and "id" in entity:
                ids.setdefault(_id(entity["id"]), position)
    links = []
    for number, relation in enumerate(given, start=1):
        if not isinstance(relation, dict):
            raise ValueError(f"relation {number} is not an object: {quote(relation)}")
        label = relation.get("type", relation.get("label"))
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"relation {number} has no type: {quote(relation)}")
        ends = [ids.get(_id(relation.get(key))) for key in ("from_id", "to_id")]
        if ends[0] is None or ends[1] is None:
            raise ValueError(
                f"relation {number} names an entity that is not in the line: {quote(relation)}"
            )
        note = relation.get("note", "")
        links.append(LinkRead(ends[0], ends[1], label, note if isinstance(note, str) else ""))
    return links


def _id(value: Any) -> Any:
    """An entity id as a key: doccano writes numbers, some tools their strings."""
    return str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else None


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
    read_relations=read_relations,
)
