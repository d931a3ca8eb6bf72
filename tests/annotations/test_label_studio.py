"""Label Studio's JSON tasks and labeling config (annotations/formats/label_studio.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from annotations.export import ExportReport, export_records
from annotations.formats import label_studio
from annotations.importer import import_gold
from annotations.store import Store
from annotations.workspace import Workspace
from tests.annotations.conftest import small_workspace
from tests.annotations.test_brat import _annotated, annotated_workspace
from tests.reader.test_workspace_cli import assay


def test_one_task_per_article_one_annotation_per_annotator(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    small_workspace(root)
    with Store.open(root, "maria", labels=None) as store:  # a link, with a note on a span
        ids = store.article_ids()
        spans = [a for i in ids for a in store.article_state(i).annotations]
        first = spans[0]
        other = next(a for a in spans[1:] if a.article_id == first.article_id)
        store.relate(first.id, other.id, "source")
    out = tmp_path / "tasks.json"
    done = assay("export", "--workspace", str(root), "--all", "--format", "label-studio",
                 "-o", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    tasks = json.loads(out.read_text("utf-8"))
    workspace = Workspace(root)
    assert [t["id"] for t in tasks] == list(range(1, len(tasks) + 1))
    by_article = {t["meta"]["article_id"]: t for t in tasks}
    assert len(by_article) == len(tasks)  # an article is one task
    names = set()
    for task in tasks:
        article = workspace.find_article(task["meta"]["article_id"], {}, [])
        assert article is not None and task["data"]["text"] == article.text
        for annotation in task["annotations"]:
            names.add(annotation["assay_annotator"])
            regions = {r["id"]: r for r in annotation["result"] if r["type"] == "labels"}
            for region in regions.values():
                value = region["value"]
                assert article.text[value["start"] : value["end"]] == value["text"]
                assert region["from_name"] == "label" and region["to_name"] == "text"
            for link in (r for r in annotation["result"] if r["type"] == "relation"):
                assert link["from_id"] in regions and link["to_id"] in regions
                assert link["labels"] == ["source"]
    assert names == {"maria", "omar"}
    shared = [t for t in tasks if len(t["annotations"]) == 2]
    assert shared, "an article both annotated is one task with two annotations"
    config = ET.fromstring((tmp_path / "tasks.label_config.xml").read_text("utf-8"))
    assert config.tag == "View"
    assert config.find("Text").attrib == {"name": "text", "value": "$text"}  # type: ignore[union-attr]
    labels = {x.attrib["value"] for x in config.iter("Label")}
    used = {
        r["value"]["labels"][0]
        for t in tasks
        for a in t["annotations"]
        for r in a["result"]
        if r["type"] == "labels"
    }
    assert used <= labels and {"claim", "figure", "event"} <= labels
    assert {x.attrib["value"] for x in config.iter("Relation")} == {"source"}
    noted = [r for t in tasks for a in t["annotations"] for r in a["result"] if "meta" in r]
    assert noted and all(isinstance(r["meta"]["text"], list) for r in noted)


def test_label_studio_needs_a_file_and_keeps_an_existing_config(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    small_workspace(root)
    nowhere = assay("export", "--workspace", str(root), "--all", "--format", "label-studio")
    assert nowhere.returncode == 1 and "-o FILE.json" in nowhere.stderr
    config = tmp_path / "t.label_config.xml"
    config.write_text("<View/>", "utf-8")
    kept = assay("export", "--workspace", str(root), "--all", "--format", "label-studio",
                 "-o", str(tmp_path / "t.json"))  # fmt: skip
    assert kept.returncode == 1 and "--force" in kept.stderr
    assert config.read_text("utf-8") == "<View/>" and not (tmp_path / "t.json").exists()


def _spans_of(root: Path, who: str) -> list[tuple[str, int, int, str, str, str]]:
    with Store.open(root, who, labels=None) as store:
        return sorted(
            (a.article_id, a.start, a.end, a.label, a.text, a.note)
            for i in store.article_ids()
            for a in store.article_state(i).annotations
        )


def _links_of(root: Path, who: str) -> list[tuple[str, str, str]]:
    with Store.open(root, who, labels=None) as store:
        found = []
        for i in store.article_ids():
            state = store.article_state(i)
            by_id = {a.id: (a.start, a.end, a.label) for a in state.annotations}
            found += [(str(by_id[r.head]), str(by_id[r.child]), r.label) for r in state.relations]
        return sorted(found)


def test_export_import_export_keeps_spans_notes_and_links(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    small_workspace(root)
    with Store.open(root, "maria", labels=None) as store:
        spans = [a for i in store.article_ids() for a in store.article_state(i).annotations]
        first = spans[0]
        other = next(a for a in spans[1:] if a.article_id == first.article_id)
        store.relate(first.id, other.id, "source")
    out = tmp_path / "maria.json"
    done = assay("export", "--workspace", str(root), "--annotator", "maria", "--format",
                 "label-studio", "-o", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = assay("import", str(out), "--workspace", str(root), "--annotator", "copy")
    assert imported.returncode == 0, imported.stderr
    assert "tasks" in imported.stderr
    assert _spans_of(root, "copy") == _spans_of(root, "maria")
    assert _links_of(root, "copy") == _links_of(root, "maria") != []
    again = tmp_path / "copy.json"
    assay("export", "--workspace", str(root), "--annotator", "copy", "--format",
          "label-studio", "-o", str(again))  # fmt: skip

    def regions(path: Path) -> list[object]:
        return [
            [(r.get("value"), r.get("meta"), r["type"], r.get("labels")) for r in a["result"]]
            for t in json.loads(path.read_text("utf-8"))
            for a in t["annotations"]
        ]

    assert regions(again) == regions(out)


def test_json_min_and_older_utf16_offsets_import(tmp_path: Path) -> None:
    text = "🙂 Mayor Ruiz said the plan was dead."
    start = text.index("the plan")
    tasks = [
        {"id": 7, "text": text, "label": [
            {"start": start, "end": start + 8, "text": "the plan", "labels": ["claim"]}],
         "annotator": 3},
        {"id": 8, "data": {"text": text}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": start + 1, "end": start + 9, "text": "the plan",
                       "labels": ["Figure"]}},
            {"id": "b", "type": "choices", "value": {"choices": ["ok"]}}]}]},
    ]  # fmt: skip
    path = tmp_path / "min.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    root = tmp_path / "ws"
    done = assay("import", str(path), "--workspace", str(root), "--annotator", "ann")
    assert done.returncode == 0, done.stderr
    assert "1 item of kinds assay keeps nothing of" in done.stderr
    assert "UTF-16" in done.stderr  # the second task counted UTF-16 units, as Label Studio once did
    assert [(s[3], s[4]) for s in _spans_of(root, "ann")] == [
        ("claim", "the plan"),
        ("figure", "the plan"),
    ]


def test_bad_tasks_are_named_and_nothing_is_imported(tmp_path: Path) -> None:
    text = "one two three"
    tasks = [
        {"id": 1, "data": {"text": text}, "annotations": [
            {"result": [], "completed_by": {"email": "a@x"}},
            {"result": [], "assay_annotator": "b"}]},
        {"id": 2, "data": {"text": text}, "annotations": [{"result": [
            {"id": "r", "type": "labels",
             "value": {"start": 0, "end": 3, "labels": ["x", "y"]}}]}]},
        {"id": 3, "data": {"text": text}, "annotations": [{"result": [
            {"type": "relation", "from_id": "nope", "to_id": "gone", "labels": ["source"]}]}]},
        {"id": 4, "data": {"text": text}, "annotations": [{"result": [
            {"id": "r", "type": "labels",
             "value": {"start": 0, "end": 99, "text": "\x1b[31mone", "labels": ["x"]}}]}]},
    ]  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(tasks), "utf-8")
    root = tmp_path / "ws"
    done = assay("import", str(path), "--workspace", str(root), "--annotator", "ann")
    assert done.returncode != 0 and "nothing was imported" in done.stderr
    for said in ("task 1 (id 1): 2 annotations", "task 2 (id 2): a region has not one label",
                 "task 3 (id 3): a relation's ends", "task 4 (id 4)"):  # fmt: skip
        assert said in done.stderr, said
    assert "\x1b" not in done.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": 1,', "utf-8")
    refused = assay("import", str(broken), "--workspace", str(root), "--annotator", "ann")
    assert refused.returncode != 0 and "not a JSON document" in refused.stderr


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=_annotated())
def test_label_studio_round_trips_any_annotations(
    tmp_path_factory: pytest.TempPathFactory, case: Any
) -> None:
    """Export, import as another annotator, export: the same regions, notes and links, over
    emoji, curly quotes, Cyrillic, paragraph breaks and spans at the text's edges."""
    base = tmp_path_factory.mktemp("ls")
    root = annotated_workspace(base / "ws", case)
    first = _tasks_of(root, "maria", base / "first.json")
    with Store.open(root, "copy", labels=None) as store:
        import_gold(Workspace(root), store, base / "first.json", fmt="label-studio")
    assert _tasks_of(root, "copy", base / "second.json") == first


def _tasks_of(root: Path, who: str, out: Path) -> list[object]:
    """What an export says of the work: each region (offsets, text, label, note) and each
    link by its ends' regions, in order, without ids and times."""
    report = ExportReport()
    with out.open("w", encoding="utf-8") as handle:
        label_studio.write_file(export_records(Workspace(root), [who], report), handle, report)
    found = []
    for task in json.loads(out.read_text("utf-8")):
        for annotation in task["annotations"]:
            regions = {r["id"]: r for r in annotation["result"] if r["type"] == "labels"}
            shown = sorted(
                (r["value"]["start"], r["value"]["end"], r["value"]["text"],
                 r["value"]["labels"][0], r.get("meta", {}).get("text"))
                for r in regions.values()
            )  # fmt: skip
            linked = sorted(
                (
                    str(regions[r["from_id"]]["value"]),
                    str(regions[r["to_id"]]["value"]),
                    r["labels"][0],
                )
                for r in annotation["result"]
                if r["type"] == "relation"
            )
            found.append((task["data"]["text"], shown, linked))
    return found
