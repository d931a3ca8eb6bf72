"""Label Studio's JSON: a list of tasks, one per article, each annotator's work one annotation
of it, and the labeling configuration that makes a Label Studio project open them.

    [{"id": 1, "data": {"text": "..."}, "meta": {"article_id", "source", "title"},
      "annotations": [{"id": 1, "result": [
          {"id": "<span id>", "from_name": "label", "to_name": "text", "type": "labels",
           "origin": "manual", "value": {"start", "end", "text", "labels": ["claim"]},
           "meta": {"text": ["the note"]}},
          {"type": "relation", "from_id": "<span id>", "to_id": "<span id>",
           "direction": "right", "labels": ["source"]}],
        "was_cancelled": false, "ground_truth": false, "created_at", "updated_at",
        "assay_annotator": "maria", "assay_status": "done"}]}, ...]

Offsets count code points, as Label Studio stores them. `completed_by` is a user id of the
Label Studio server the tasks are imported into, so it is left for that server to set; the
annotator's name is kept in `assay_annotator` (Label Studio keeps fields it does not know).
A region's note is its `meta.text`, as Label Studio's region meta is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from annotations.formats.base import ExportLine, ExportReport, count_line
from annotations.model import DEFAULT_LABELS
from corpus.jsonl import quote

CONFIG_SUFFIX = ".label_config.xml"
FROM_NAME = "label"
TO_NAME = "text"


def task(number: int, lines: list[ExportLine], next_annotation: Iterator[int]) -> dict[str, Any]:
    """One article's task: its text, and each line (one annotator's work) as an annotation."""
    article = lines[0].article
    return {
        "id": number,
        "data": {TO_NAME: article.text},
        "meta": {"article_id": article.id, "source": article.source, "title": article.title},
        "annotations": [_annotation(line, next(next_annotation)) for line in lines],
    }


def _annotation(line: ExportLine, number: int) -> dict[str, Any]:
    result: list[dict[str, Any]] = []
    for a in line.annotations:
        region: dict[str, Any] = {
            "id": a.id,
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "origin": a.origin,
            "value": {"start": a.start, "end": a.end, "text": a.text, "labels": [a.label]},
        }
        if a.note:
            region["meta"] = {"text": [a.note]}
        result.append(region)
    for r in line.relations:
        link: dict[str, Any] = {
            "type": "relation",
            "from_id": r.head,
            "to_id": r.child,
            "direction": "right",
            "labels": [r.label],
        }
        result.append(link)
    stamps = sorted(a.updated_at for a in line.annotations if a.updated_at)
    created = sorted(a.created_at for a in line.annotations if a.created_at)
    return {
        "id": number,
        "result": result,
        "was_cancelled": False,
        "ground_truth": False,
        "created_at": created[0] if created else line.changed_at,
        "updated_at": max([*stamps, *([line.changed_at] if line.changed_at else [])], default=None),
        "assay_annotator": line.annotator,
        "assay_status": line.status,
    }


def label_config(labels: Iterable[str], relation_labels: Iterable[str]) -> str:
    """The labeling configuration (XML) for these span and relation labels (and assay's
    default labels, so that the project can go on tagging with them)."""
    spans = "".join(
        f"    <Label value={quoteattr(x)}/>\n" for x in sorted({*labels, *DEFAULT_LABELS})
    )
    links = "".join(f"    <Relation value={quoteattr(x)}/>\n" for x in sorted(set(relation_labels)))
    relations = f"  <Relations>\n{links}  </Relations>\n" if links else ""
    return (
        "<View>\n"
        f"{relations}"
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{spans}  </Labels>\n'
        f'  <Text name="{TO_NAME}" value="${TO_NAME}"/>\n'
        "</View>\n"
    )


def config_path(path: Path) -> Path:
    """Where the labeling configuration goes beside the tasks: corpus.json ->
    corpus.label_config.xml."""
    stem = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    return path.with_name(f"{stem}{CONFIG_SUFFIX}")


def write_file(
    lines: Iterable[ExportLine], handle: IO[str], report: ExportReport
) -> tuple[set[str], set[str]]:
    """The tasks as one JSON array, a task at a time (an article's lines come together); the
    span and relation labels written, for the configuration."""
    labels: set[str] = set()
    relation_labels: set[str] = set()
    annotation_numbers = iter(range(1, 2**62))
    handle.write("[")
    first = True
    grouped = groupby(lines, key=lambda line: line.article.id)
    for number, (_article_id, group) in enumerate(grouped, start=1):
        found = list(group)
        for line in found:
            labels.update(a.label for a in line.annotations)
            relation_labels.update(r.label for r in line.relations)
            count_line(line, report)
        handle.write("\n" if first else ",\n")
        first = False
        handle.write(json.dumps(task(number, found, annotation_numbers), ensure_ascii=False))
    handle.write("\n]\n")
    return labels, relation_labels


# --- import ------------------------------------------------------------------------------


def is_label_studio(head: bytes) -> bool:
    """Whether a file's first bytes open a JSON list (Label Studio's export and JSON-MIN), not
    JSON lines."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def records(document: Any) -> Iterator[tuple[str, dict[str, Any] | str, int]]:
    """Each annotation of a Label Studio export (its list of tasks, or JSON-MIN) as a line of
    assay's own format, with where it is ("task 3") and how many of its results are of kinds
    assay keeps nothing of (choices, text areas, ratings); or, for a task that is wrong, what
    is wrong with it in place of the line. A task annotated by several people is wrong:
    assay imports one annotator's work at a time."""
    if not isinstance(document, list):
        yield "the file", "not a JSON list of tasks", 0
        return
    for number, task in enumerate(document, start=1):
        where = f"task {number}"
        if not isinstance(task, dict):
            yield where, f"not an object: {quote(task)}", 0
            continue
        if isinstance(task.get("id"), int) and not isinstance(task.get("id"), bool):
            where = f"task {number} (id {task['id']})"
        try:
            if "annotations" in task or "completions" in task:
                found = _from_task(task)
            else:
                found = _from_min(task)
        except ValueError as exc:
            yield where, str(exc), 0
            continue
        for record, skipped in found:
            yield where, record, skipped


def _text_of(data: Any) -> str:
    if not isinstance(data, dict):
        raise ValueError('its "data" is not an object')
    text = data.get(TO_NAME)
    if not isinstance(text, str):
        strings = [v for v in data.values() if isinstance(v, str)]
        if len(strings) != 1:
            raise ValueError('its "data" has no "text" (and not one string to read as it)')
        text = strings[0]
    return text


def _from_task(task: dict[str, Any]) -> list[tuple[dict[str, Any], int]]:
    text = _text_of(task.get("data"))
    given = task.get("annotations", task.get("completions"))
    if not isinstance(given, list):
        raise ValueError('"annotations" is not a list')
    kept = [
        a for a in given
        if isinstance(a, dict) and not a.get("was_cancelled") and not a.get("skipped")
    ]  # fmt: skip
    if len(kept) > 1:
        who = ", ".join(quote(_annotator(a)) for a in kept)
        raise ValueError(
            f"{len(kept)} annotations ({who}); assay imports one annotator's work at a time "
            f"(export one annotator's tasks, or split the file)"
        )
    if not kept:
        return []
    annotation = kept[0]
    result = annotation.get("result")
    if not isinstance(result, list):
        raise ValueError('its annotation\'s "result" is not a list')
    spans, by_region, links, skipped = [], {}, [], 0
    for item in result:
        if not isinstance(item, dict):
            raise ValueError(f"a result is not an object: {quote(item)}")
        kind = item.get("type")
        if kind == "labels":
            value = item.get("value")
            if not isinstance(value, dict):
                raise ValueError(f'a region has no "value": {quote(item)}')
            labels = value.get("labels")
            if not isinstance(labels, list) or len(labels) != 1:
                raise ValueError(f"a region has not one label: {quote(item)}")
            span = {"start": value.get("start"), "end": value.get("end"), "label": labels[0]}
            if isinstance(value.get("text"), str):
                span["text"] = value["text"]
            meta = item.get("meta")
            notes = meta.get("text") if isinstance(meta, dict) else None
            if isinstance(notes, list) and all(isinstance(n, str) for n in notes):
                span["note"] = "\n".join(notes)
            if isinstance(item.get("id"), str):
                by_region[item["id"]] = span
            spans.append(span)
        elif kind == "relation":
            links.append(item)
        else:
            skipped += 1
    relations = []
    for link in links:
        head, child = by_region.get(link.get("from_id")), by_region.get(link.get("to_id"))
        if head is None or child is None:
            raise ValueError(f"a relation's ends are not regions of the annotation: {quote(link)}")
        labels = link.get("labels")
        label = labels[0] if isinstance(labels, list) and labels else "related"
        if link.get("direction") == "left":
            head, child = child, head
        relations.append({"head_span": _key(head), "child_span": _key(child), "label": label})
    record: dict[str, Any] = {"text": text, "spans": spans, "relations": relations}
    meta = task.get("meta")
    if isinstance(meta, dict):
        record["meta"] = {k: v for k, v in meta.items() if k in ("title", "source")}
    if annotation.get("assay_status") == "done":
        record.setdefault("meta", {})["status"] = "done"
    return [(record, skipped)]


def _from_min(task: dict[str, Any]) -> list[tuple[dict[str, Any], int]]:
    """A JSON-MIN record: the task's data fields, and each labels control's regions under its
    name (`"label": [{"start", "end", "text", "labels"}]`)."""
    text = task.get(TO_NAME)
    if not isinstance(text, str):
        raise ValueError('no "text" and no "annotations": not a Label Studio task')
    spans = []
    for value in task.values():
        if not isinstance(value, list):
            continue
        for region in value:
            if isinstance(region, dict) and isinstance(region.get("labels"), list):
                labels = region["labels"]
                if len(labels) != 1:
                    raise ValueError(f"a region has not one label: {quote(region)}")
                span = {"start": region.get("start"), "end": region.get("end"), "label": labels[0]}
                if isinstance(region.get("text"), str):
                    span["text"] = region["text"]
                spans.append(span)
    return [({"text": text, "spans": spans}, 0)]


def _annotator(annotation: dict[str, Any]) -> str:
    name = annotation.get("assay_annotator")
    if isinstance(name, str):
        return name
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email", who.get("id", "?")))
    return str(who) if who is not None else "?"


def _key(span: dict[str, Any]) -> dict[str, Any]:
    return {"start": span["start"], "end": span["end"], "label": span["label"]}
