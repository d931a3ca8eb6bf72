"""Prodigy's and doccano's lines round-trip: export, import as another annotator, export
again gives the same spans, labels, notes and relations (hypothesis over the annotations the
brat and Label Studio round trips draw: emoji, curly quotes, Cyrillic, spans at the edges)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from annotations.export import ExportReport, export_lines
from annotations.importer import import_gold
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.tokens import Tokenizer
from tests.annotations.test_brat import _annotated, annotated_workspace


def _what(line: dict[str, Any]) -> tuple[Any, ...]:
    """What a line says, without who said it or when: its text, spans (offsets, label, text,
    note, attributes) and relations (by their ends' offsets and labels)."""
    spans = {s["id"]: s for s in line["spans"]}

    def end(span_id: str) -> tuple[Any, ...]:
        span = spans[span_id]
        return span["start"], span["end"], span["label"]

    said = sorted(
        (s["start"], s["end"], s["label"], s["text"], s.get("note", ""),
         json.dumps(s.get("attrs", {}), sort_keys=True))
        for s in line["spans"]
    )  # fmt: skip
    links = []
    for relation in line["relations"]:
        if "head_id" in relation:
            head, child = end(relation["head_id"]), end(relation["child_id"])
        else:  # doccano: entities by number, in the order of `spans`
            head = end(line["spans"][relation["from_id"] - 1]["id"])
            child = end(line["spans"][relation["to_id"] - 1]["id"])
        links.append((head, child, relation["label"], relation.get("note", "")))
    return line["text"], said, sorted(links)


def _export(root: Path, who: str, fmt: str, tokenizer: Tokenizer, out: Path) -> list[Any]:
    lines = list(export_lines(Workspace(root), [who], tokenizer, ExportReport(), output_format=fmt))
    out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return [_what(json.loads(line)) for line in lines]


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=_annotated())
@example(case=("🙂 Привет “end”", [(0, 1, "claim", "две строки\nи ещё"), (2, 8, "Квота", "")],
               [(0, 1, "source")]))  # fmt: skip
def test_lines_round_trip_any_annotations(
    tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer, fmt: str, case: Any
) -> None:
    base = tmp_path_factory.mktemp("rt")
    root = annotated_workspace(base / "ws", case)
    first = _export(root, "maria", fmt, tokenizer, base / "first.jsonl")
    with Store.open(root, "copy", labels=None) as store:
        import_gold(Workspace(root), store, base / "first.jsonl", fmt=fmt)
    second = _export(root, "copy", fmt, tokenizer, base / "second.jsonl")
    assert second == first
