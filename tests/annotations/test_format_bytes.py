"""The exact bytes of every export format, and of an import round trip, on a small workspace.

The expected files under `format_bytes/` were written by the export as it stood before the
formats moved into annotations/formats/: a restructuring must leave every byte in place.
Ids and times are fixed here (the store's clock and id maker are replaced), so the bytes
depend only on the code. The Prodigy lines hold the tokens of the installed spaCy pipeline.

A change of format made on purpose (relations joined both formats) writes them again with
`ASSAY_UPDATE_PINNED=1`; the diff of the expected files is then the change to review.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from annotations import store as store_module
from annotations.export import ExportReport, export_lines
from annotations.importer import import_gold
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.tokens import Tokenizer
from tests.annotations.conftest import small_workspace

EXPECTED = Path(__file__).parent / "format_bytes"  # of conftest.small_workspace
# The exports pinned here: every format export and import know today.
PINNED = ("prodigy", "doccano")
UPDATE = os.environ.get("ASSAY_UPDATE_PINNED") == "1"


def pinned(name: str, written: bytes) -> bytes:
    """The expected bytes of `name` (written as they are now, when updating)."""
    if UPDATE:
        (EXPECTED / name).write_bytes(written)
    return (EXPECTED / name).read_bytes()


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Annotation ids and times from counters, so that bytes repeat run after run."""
    ticks = itertools.count()
    serials = itertools.count(1)
    monkeypatch.setattr(
        store_module, "now", lambda: f"2026-11-22T07:{next(ticks) % 60:02d}:00.000Z"
    )
    monkeypatch.setattr(store_module, "new_id", lambda aid: f"{aid}-{next(serials):012x}")


def _export(workspace: Workspace, names: list[str], fmt: str, tokenizer: Tokenizer) -> bytes:
    report = ExportReport()
    tokens = tokenizer if fmt == "prodigy" else None
    lines = export_lines(workspace, names, tokens, report, output_format=fmt, include_empty=True)
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


@pytest.mark.parametrize("fmt", PINNED)
def test_export_bytes_are_pinned(
    tmp_path: Path, fixed_clock: None, tokenizer: Tokenizer, fmt: str
) -> None:
    workspace = small_workspace(tmp_path)
    written = _export(workspace, ["maria", "omar"], fmt, tokenizer)
    assert written == pinned(f"export.{fmt}.jsonl", written)


@pytest.mark.parametrize("fmt", PINNED)
def test_import_round_trip_bytes_are_pinned(
    tmp_path: Path, fixed_clock: None, tokenizer: Tokenizer, fmt: str
) -> None:
    """An export imported by another annotator into a fresh workspace, exported again."""
    source = tmp_path / "source"
    exported = tmp_path / f"export.{fmt}.jsonl"
    exported.write_bytes(_export(small_workspace(source), ["maria", "omar"], fmt, tokenizer))
    target = Workspace(tmp_path / "target")
    with Store.open(target.root, "copy", labels=None) as store:
        report = import_gold(target, store, exported, fmt=fmt)
    assert report.lines == len(exported.read_bytes().splitlines())
    written = _export(target, ["copy"], fmt, tokenizer)
    assert written == pinned(f"roundtrip.{fmt}.jsonl", written)
    # The spans came through whole: same offsets and labels per article.
    assert _spans(written) == _spans(exported.read_bytes())


def _spans(jsonl: bytes) -> set[tuple[str, int, int, str]]:
    lines = [json.loads(line) for line in jsonl.splitlines()]
    return {
        (x["meta"]["article_id"], s["start"], s["end"], s["label"])
        for x in lines
        for s in x["spans"]
    }
