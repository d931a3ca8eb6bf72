"""Relations in the Prodigy and doccano formats: exported with their spans, imported back
whole, and a relation naming a span the line does not have refuses the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.export import ExportReport, export_lines
from annotations.importer import ImportFailed, import_gold
from annotations.model import Annotation
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article, make_article
from corpus.cache import AnalysisCache
from corpus.nlp import choose_pipeline
from corpus.tokens import Tokenizer

TEXT = (
    '"Rare earths are a priority for both countries," said Boris Titov, the Kremlin envoy.\n\n'
    "He added that talks would go on in Alaska."
)


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(choose_pipeline("none"), AnalysisCache(tmp_path_factory.mktemp("tokens")))


@pytest.fixture
def article() -> Article:
    return make_article(TEXT, "titov.txt")


def on(store: Store, article: Article, words: str, label: str) -> Annotation:
    start = article.text.index(words)
    return store.add(article.id, start, start + len(words), label, words)


def linked(root: Path, article: Article, who: str = "ana") -> Workspace:
    """A claim linked to its source and to a second source (a note on that one)."""
    workspace = Workspace(root)
    workspace.save_article(article)
    with Store.open(root, who, labels=None) as store:
        claim = on(store, article, "Rare earths are a priority for both countries", "claim")
        titov = on(store, article, "Boris Titov", "source")
        envoy = on(store, article, "the Kremlin envoy", "source")
        on(store, article, "talks would go on in Alaska", "claim")
        store.relate(claim.id, titov.id)
        store.relate(claim.id, envoy.id, note="the same man")
    return workspace


def export(
    workspace: Workspace, tokenizer: Tokenizer | None, fmt: str, who: str = "ana"
) -> tuple[list[dict[str, Any]], ExportReport]:
    report = ExportReport()
    lines = export_lines(workspace, [who], tokenizer, report, output_format=fmt)
    return [json.loads(line) for line in lines], report


def relations_of(root: Path, who: str, article: Article) -> set[tuple[str, str, str, str]]:
    """(head text, child text, label, note) of each relation `who` has on `article`."""
    with Store.open(root, who, read_only=True) as store:
        state = store.article_state(article.id)
    text = {a.id: a.text for a in state.annotations}
    return {(text[r.head], text[r.child], r.label, r.note) for r in state.relations}


EXPECTED = {
    ("Rare earths are a priority for both countries", "Boris Titov", "source", ""),
    ("Rare earths are a priority for both countries", "the Kremlin envoy", "source",
     "the same man"),
}  # fmt: skip


def test_prodigy_lines_carry_relations_as_prodigy_saves_them(
    tmp_path: Path, article: Article, tokenizer: Tokenizer
) -> None:
    workspace = linked(tmp_path, article)
    (line,), report = export(workspace, tokenizer, "prodigy")
    assert report.relations == 2
    spans = {s["text"]: s for s in line["spans"]}
    first = next(r for r in line["relations"] if r["child_span"]["start"] == TEXT.index("Boris"))
    claim, titov = spans["Rare earths are a priority for both countries"], spans["Boris Titov"]
    assert first["head"] == claim["token_end"] and first["child"] == titov["token_end"]
    assert first["head_span"] == {k: claim[k] for k in ("start", "end", "token_start",
                                                        "token_end", "label")}  # fmt: skip
    assert first["label"] == "source" and first["annotator"] == "ana"
    assert (first["head_id"], first["child_id"]) == (claim["id"], titov["id"])


def test_doccano_lines_carry_entities_and_relations(tmp_path: Path, article: Article) -> None:
    workspace = linked(tmp_path, article)
    (line,), _report = export(workspace, None, "doccano")
    entities = {e["id"]: e for e in line["entities"]}
    assert len(entities) == 4
    by_text = {TEXT[e["start_offset"] : e["end_offset"]]: e["id"] for e in entities.values()}
    assert {(r["from_id"], r["to_id"], r["type"]) for r in line["relations"]} == {
        (by_text["Rare earths are a priority for both countries"], by_text["Boris Titov"],
         "source"),
        (by_text["Rare earths are a priority for both countries"], by_text["the Kremlin envoy"],
         "source"),
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_an_export_imports_back_with_its_relations(
    tmp_path: Path, article: Article, tokenizer: Tokenizer, fmt: str
) -> None:
    workspace = linked(tmp_path / "from", article)
    lines, _report = export(workspace, tokenizer, fmt)
    path = tmp_path / f"gold.{fmt}.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    target = Workspace(tmp_path / "to")
    with Store.open(target.root, "ben", labels=None) as store:
        report = import_gold(target, store, path, fmt=fmt)
    assert report.relations_added == 2
    assert any("2 relations between them imported" in line
               for line in report.summary("ben", path, target.root, False))  # fmt: skip
    assert relations_of(target.root, "ben", article) == EXPECTED
    # Again: the annotator has them all, nothing doubles.
    with Store.open(target.root, "ben", labels=None) as store:
        again = import_gold(target, store, path, fmt=fmt)
    assert (again.relations_added, again.duplicate_relations) == (0, 2)
    assert relations_of(target.root, "ben", article) == EXPECTED


def test_prodigys_own_relations_by_token_index_are_read(tmp_path: Path) -> None:
    text = "Titov said rare earths matter."
    line = {
        "text": text,
        "tokens": [{"text": w, "start": text.index(w), "end": text.index(w) + len(w), "id": i}
                   for i, w in enumerate(["Titov", "said", "rare", "earths", "matter", "."])],
        "spans": [
            {"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "source"},
            {"start": 11, "end": 29, "token_start": 2, "token_end": 4, "label": "claim"},
        ],
        "relations": [{"head": 4, "child": 0, "label": "source"}],
    }  # fmt: skip
    path = tmp_path / "prodigy.jsonl"
    path.write_text(json.dumps(line) + "\n", "utf-8")
    workspace = Workspace(tmp_path / "ws")
    with Store.open(workspace.root, "ben", labels=None) as store:
        import_gold(workspace, store, path)
        (article_id,) = store.article_ids()
        state = store.article_state(article_id)
    text_of = {a.id: a.text for a in state.annotations}
    assert [(text_of[r.head], text_of[r.child]) for r in state.relations] == [
        ("rare earths matter", "Titov")
    ]


@pytest.mark.parametrize(
    ("fmt", "relation", "said"),
    [
        ("prodigy", {"head_span": {"start": 0, "end": 3, "label": "claim"}, "child": 0,
                     "label": "source"}, "relation 1's head is not one of the line's spans"),
        ("prodigy", {"head": 99, "child": 0, "label": "source"},
         "relation 1's head is not one of the line's spans"),
        ("prodigy", {"head": 0, "child": 0}, "relation 1 has no label"),
        ("prodigy", "source", "relation 1 is not an object"),
        ("doccano", {"id": 1, "from_id": 1, "to_id": 7, "type": "source"},
         "relation 1 names an entity that is not in the line"),
        ("doccano", {"id": 1, "from_id": 1, "to_id": 1, "type": "source"},
         "relation 1 links span 1 to itself"),
    ],
)  # fmt: skip
def test_a_relation_naming_a_span_the_line_lacks_refuses_the_file(
    tmp_path: Path, fmt: str, relation: Any, said: str
) -> None:
    text = "Titov said rare earths matter."
    good: dict[str, Any] = {"text": text}
    if fmt == "prodigy":
        good["spans"] = [{"start": 0, "end": 5, "token_start": 0, "token_end": 0,
                          "label": "source"}]  # fmt: skip
    else:
        good["entities"] = [
            {"id": 1, "start_offset": 0, "end_offset": 5, "label": "source"},
            {"id": 2, "start_offset": 11, "end_offset": 29, "label": "claim"},
        ]
        good["relations"] = []  # fmt: skip
    bad = {**good, "text": "Another text: " + text, "relations": [relation]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", "utf-8")
    workspace = Workspace(tmp_path / "ws")
    with Store.open(workspace.root, "ben", labels=None) as store:
        with pytest.raises(ImportFailed) as failed:
            import_gold(workspace, store, path, fmt=fmt)
        assert store.article_ids() == []  # all or nothing: the good line is not imported
    assert f"line 2: {said}" in str(failed.value)


def test_a_relation_whose_end_drifted_is_left_out_and_counted(
    tmp_path: Path, article: Article, tokenizer: Tokenizer
) -> None:
    workspace = linked(tmp_path, article)
    with Store.open(tmp_path, "ana", labels=None) as store:  # a source made on another text
        start = TEXT.index("Boris")
        store.update(
            next(a.id for a in store.for_article(article.id) if a.text == "Boris Titov"),
            text="Borys Titov",
        )
        assert start >= 0
    (line,), report = export(workspace, tokenizer, "prodigy")
    assert len(line["relations"]) == 1 and report.relations_left_out == 1
    assert len(report.drifted) == 1
