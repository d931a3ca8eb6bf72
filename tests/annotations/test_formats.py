"""The format table: every format is one module found by the registry; a new one needs no
change elsewhere to be exported, imported and offered by the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from annotations import formats
from annotations.export import export_lines
from annotations.formats import FORMATS, ExportLine, ExportReport, Format, importable
from annotations.importer import import_gold, read_gold
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import make_article
from corpus.tokens import Tokenizer
from tests.annotations.conftest import small_workspace

TEXT = "Officials said the talks would go on. Nobody said when."


def _write_tiny(line: ExportLine, _report: ExportReport) -> Iterator[str]:
    """One tab-separated line: the text's id, then `label@start:end` per span."""
    yield line.article.id
    for annotation in line.annotations:
        yield f"\t{annotation.label}@{annotation.start}:{annotation.end}"


def _read_tiny(record: Mapping[str, Any]) -> list[Any]:
    return [{"start": s, "end": e, "label": label} for s, e, label in record["tiny"]]


TINY = Format("tiny", "Tiny", False, _write_tiny, line_keys=("tiny",), read_spans=_read_tiny)


@pytest.fixture
def with_tiny(monkeypatch: pytest.MonkeyPatch) -> Format:
    monkeypatch.setitem(FORMATS, TINY.name, TINY)
    return TINY


def test_every_module_of_the_package_is_in_the_table() -> None:
    modules = sorted(p.stem for p in Path(formats.__file__).parent.glob("*.py"))
    whole = {formats.WHOLE_MODULES[f] for f in (*formats.FOLDER_FORMATS, *formats.FILE_FORMATS)}
    lines = [m for m in modules if m not in ("__init__", "base", *whole)]
    assert sorted(FORMATS) == sorted(lines)
    assert next(iter(FORMATS)) == formats.DEFAULT_FORMAT  # the default is offered first
    assert all(name == f.name for name, f in FORMATS.items())


def test_a_registered_format_exports_with_no_other_change(
    tmp_path: Path, with_tiny: Format
) -> None:
    workspace = Workspace(tmp_path)
    article = make_article(TEXT, "wire/talks.txt")
    workspace.save_article(article)
    with Store.open(tmp_path, "maria", labels=None) as store:
        start = TEXT.index("the talks")
        store.add(article.id, start, start + 9, "event", "the talks")
        store.add(article.id, 0, 9, "source", "Officials")
    report = ExportReport()
    (line,) = export_lines(workspace, ["maria"], None, report, output_format="tiny")
    assert line == f"{article.id}\tsource@0:9\tevent@{start}:{start + 9}"
    assert (report.lines, report.spans) == (1, 2)


def test_a_registered_format_is_imported_and_told_by_its_keys(
    tmp_path: Path, with_tiny: Format
) -> None:
    assert with_tiny in importable()
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({"text": TEXT, "tiny": [[0, 9, "claim"]]}) + "\n", "utf-8")
    for fmt in ("tiny", "auto"):
        pending, _report = read_gold(path, fmt)
        (entry,) = pending.values()
        assert [(s["start"], s["end"], s["label"]) for s in entry.spans] == [(0, 9, "claim")]
    with pytest.raises(Exception, match=r'no "spans": nothing to import \(is --format right'):
        read_gold(path, "prodigy")


def test_a_line_of_no_format_names_every_importable_format(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text(json.dumps({"text": TEXT}) + "\n", "utf-8")
    with pytest.raises(Exception) as failed:
        read_gold(path)
    for fmt in importable():
        assert f"({fmt.title})" in str(failed.value)
        assert all(f'"{key}"' in str(failed.value) for key in fmt.line_keys)


@pytest.mark.parametrize("name", [f.name for f in importable()])
def test_every_importable_format_round_trips_the_spans_and_statuses(
    tmp_path: Path, name: str, tokenizer: Tokenizer
) -> None:
    """Export with the format, import the file as another annotator into a fresh workspace:
    each article has the same spans, and a done article with nothing tagged stays done."""
    fmt = FORMATS[name]
    source = small_workspace(tmp_path / "source")
    exported = tmp_path / f"export.{name}"
    lines = export_lines(
        source,
        ["maria", "omar"],
        tokenizer if fmt.needs_tokens else None,
        ExportReport(),
        output_format=name,
        include_empty=True,
    )
    exported.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    target = Workspace(tmp_path / "target")
    with Store.open(target.root, "copy", labels=None) as store:
        import_gold(target, store, exported, fmt=name)
    assert _held(target, ["copy"]) == _held(source, ["maria", "omar"])


def _held(workspace: Workspace, names: list[str]) -> dict[str, tuple[set[Any], bool]]:
    """Per article: every annotator's spans as (start, end, label, text), and whether one
    marked it done."""
    held: dict[str, tuple[set[Any], bool]] = {}
    for found in workspace.each_article(names, lambda c: pytest.fail(str(c))):
        spans = {
            (a.start, a.end, a.label, a.text) for s in found.states.values() for a in s.annotations
        }
        done = any(s.status == "done" for s in found.states.values())
        held[found.article_id] = (spans, done)
    return held
