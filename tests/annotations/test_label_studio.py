"""Label Studio's JSON tasks and labeling config (annotations/formats/label_studio.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from annotations.store import Store
from annotations.workspace import Workspace
from tests.annotations.conftest import small_workspace
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
