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

from annotations.formats.base import ExportLine, ExportReport
from annotations.model import DEFAULT_LABELS

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
            report.lines += 1
            report.spans += len(line.annotations)
            report.relations += len(line.relations)
            report.articles.add(line.article.id)
            if not line.annotations:
                report.empty += 1
        handle.write("\n" if first else ",\n")
        first = False
        handle.write(json.dumps(task(number, found, annotation_numbers), ensure_ascii=False))
    handle.write("\n]\n")
    return labels, relation_labels
