"""The gold export: line shape, tokens, drift, empty articles, formats, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.export import ExportReport, export_lines
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.cache import AnalysisCache
from corpus.loader import load_corpus
from corpus.nlp import choose_pipeline
from corpus.tokens import Tokenizer


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found, _ = load_corpus(None)
    return found


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(choose_pipeline(), AnalysisCache(tmp_path_factory.mktemp("tokens")))


def annotate(store: Store, article: Article, words: str, label: str = "claim", **kw: Any) -> Any:
    start = article.text.index(words)
    return store.add(article.id, start, start + len(words), label, words, **kw)


def run(
    workspace: Workspace, annotators: list[str], tokenizer: Tokenizer | None, **kw: Any
) -> tuple[list[dict[str, Any]], ExportReport]:
    report = ExportReport()
    lines = list(export_lines(workspace, annotators, tokenizer, report, **kw))
    return [json.loads(line) for line in lines], report


def test_prodigy_line_has_the_contract_fields_and_checked_spans(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    article = articles[1]
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        claim = annotate(store, article, "Rare earth metals are an important area", note="n",
                         attrs={"speaker": "Kirill Dmitriev"})  # fmt: skip
        annotate(store, article, "Kirill Dmitriev", "event")
        store.set_status(article.id, "done")
    (line,), report = run(workspace, ["maria"], tokenizer)
    assert line["text"] == article.text and line["answer"] == "accept"
    assert line["_annotator_id"] == "maria" and isinstance(line["_timestamp"], int)
    assert isinstance(line["_input_hash"], int) and isinstance(line["_task_hash"], int)
    meta = line["meta"]
    assert (meta["article_id"], meta["source"], meta["title"]) == (
        article.id, article.source, article.title)  # fmt: skip
    assert meta["status"] == "done" and meta["boilerplate"] == [
        list(r) for r in article.boilerplate
    ]
    tokens = line["tokens"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    for token in tokens:
        assert article.text[token["start"] : token["end"]] == token["text"]
    rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in tokens)
    assert rebuilt == article.text  # spaCy tokens with `ws` rebuild the text exactly
    spans = {s["label"]: s for s in line["spans"]}
    first = spans["claim"]
    assert (first["start"], first["end"], first["id"]) == (claim.start, claim.end, claim.id)
    assert first["note"] == "n" and first["attrs"] == {"speaker": "Kirill Dmitriev"}
    for span in line["spans"]:
        assert article.text[span["start"] : span["end"]] == span["text"]
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]  # token_end is inclusive
        assert span["annotator"] == "maria" and span["origin"] == "manual"
    assert report.spans == 2 and report.misaligned == 0 and not report.drifted


def test_drifted_annotations_are_reported_never_exported(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    article = articles[0]
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        good = annotate(store, article, "rare earths")
        start = article.text.index("Alaska")
        # As a buggy client (or an edited copy) would leave it: offsets 7 characters off.
        bad = store.add(article.id, start + 7, start + 13, "claim", "Alaska")
        past = store.add(article.id, len(article.text) - 2, len(article.text), "event",
                         article.text[-2:])  # fmt: skip
    copy = tmp_path / "articles" / f"{article.id}.json"
    data = json.loads(copy.read_text("utf-8"))
    data["text"] = data["text"][:-10]  # a hand-edited copy: shorter than when annotated
    copy.write_text(json.dumps(data), "utf-8")
    (line,), report = run(workspace, ["maria"], tokenizer)
    assert [s["id"] for s in line["spans"]] == [good.id]
    drifted = {d.annotation.id: d for d in report.drifted}
    assert set(drifted) == {bad.id, past.id}
    assert drifted[bad.id].now_at == (start, start + 6)
    assert "Alaska" in drifted[bad.id].describe() and "past the end" in drifted[past.id].reason


def test_missing_copy_uses_the_corpus_or_reports_every_annotation(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    article = articles[1]
    with Store.open(tmp_path, "maria") as store:
        a = annotate(store, article, "rare earth")
    lines, report = run(workspace, ["maria"], tokenizer, corpus={article.id: article})
    assert [s["id"] for s in lines[0]["spans"]] == [a.id] and not report.drifted
    lines, report = run(workspace, ["maria"], tokenizer)
    assert lines == [] and [d.annotation.id for d in report.drifted] == [a.id]
    assert "no copy" in report.drifted[0].reason


def test_include_empty_all_annotators_and_doccano(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    for article in articles:
        workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        annotate(store, articles[1], "rare earth metals")
        store.set_status(articles[3].id, "done")  # read, nothing to annotate
        # Tagged then untagged, never marked done: not an answer, so never an empty line.
        store.delete(annotate(store, articles[4], "Alaska").id)
    with Store.open(tmp_path, "omar") as store:
        annotate(store, articles[1], "Kirill Dmitriev", "event")
    lines, _ = run(workspace, ["maria", "omar"], tokenizer)
    assert [(x["meta"]["article_id"], x["_annotator_id"]) for x in lines] == [
        (articles[1].id, "maria"), (articles[1].id, "omar")]  # fmt: skip
    lines, report = run(workspace, ["maria", "omar"], tokenizer, include_empty=True)
    assert sorted((x["meta"]["article_id"], x["_annotator_id"], len(x["spans"])) for x in lines) \
        == sorted([(articles[1].id, "maria", 1), (articles[1].id, "omar", 1),
                   (articles[3].id, "maria", 0)])  # fmt: skip
    assert report.empty == 1
    lines, _ = run(workspace, ["omar"], None, output_format="doccano")
    (line,) = lines
    start = articles[1].text.index("Kirill Dmitriev")
    assert line["label"] == [[start, start + 15, "event"]] and line["annotator"] == "omar"


def test_character_precise_spans_keep_offsets_and_are_counted(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    article = articles[0]
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        start = article.text.index("earths")
        store.add(article.id, start + 1, start + 5, "claim", "arth")
    (line,), report = run(workspace, ["maria"], tokenizer)
    (span,) = line["spans"]
    token = line["tokens"][span["token_start"]]
    assert span["token_start"] == span["token_end"] and token["text"] == "earths"
    assert (span["start"], span["end"]) == (start + 1, start + 5) and report.misaligned == 1


def test_export_is_deterministic(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    for article in articles:
        workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        for article in articles:
            annotate(store, article, article.text.split()[3])
    first = list(export_lines(workspace, ["maria"], tokenizer, ExportReport()))
    again = list(export_lines(workspace, ["maria"], tokenizer, ExportReport()))
    assert first == again and len(first) == len(articles)


def test_an_unreadable_annotation_file_is_reported_and_left_in_place(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    with Store.open(tmp_path, "maria") as store:
        for article in articles[:2]:
            workspace.save_article(article)
            annotate(store, article, "rare earth" if article is articles[0] else "Kirill Dmitriev")
    broken = tmp_path / "annotations" / "maria" / f"{articles[0].id}.json"
    broken.write_text('{"annotations": {', "utf-8")
    lines, report = run(workspace, ["maria"], tokenizer)
    assert [x["meta"]["article_id"] for x in lines] == [articles[1].id]
    (problem,) = report.problems
    assert str(broken) in problem and "not in this export" in problem
    assert broken.read_text("utf-8") == '{"annotations": {'  # a reader never moves files


def test_a_hand_broken_record_is_reported_not_a_crash(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    workspace = Workspace(tmp_path)
    with Store.open(tmp_path, "maria") as store:
        for article in articles[:2]:
            workspace.save_article(article)
            annotate(store, article, "Putin")
    path = tmp_path / "annotations" / "maria" / f"{articles[0].id}.json"
    data = json.loads(path.read_text("utf-8"))
    data["status"] = {"1": {"updated_at": "x"}}  # no status in the status record
    path.write_text(json.dumps(data), "utf-8")
    lines, report = run(workspace, ["maria"], tokenizer)
    assert [x["meta"]["article_id"] for x in lines] == [articles[1].id]
    assert "a record in it is not valid" in report.problems[0]


def test_files_holding_nothing_are_not_answers(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    """Files an older reader left by opening articles (only a meta table), or whose one tag
    was undone, are in no export and no figure."""
    from annotations.stats import workspace_stats

    workspace = Workspace(tmp_path)
    for article in articles:
        workspace.save_article(article)
    folder = tmp_path / "annotations" / "maria"
    folder.mkdir(parents=True)
    meta = {"meta": {"1": {"schema": 1, "article_id": articles[0].id, "annotator": "maria"}}}
    (folder / f"{articles[0].id}.json").write_text(json.dumps(meta), "utf-8")
    with Store.open(tmp_path, "maria") as store:
        annotate(store, articles[1], "rare earth metals")
        annotate(store, articles[2], "Putin")
        store.undo()
        store.set_status(articles[3].id, "done")
    lines, _report = run(workspace, ["maria"], tokenizer, include_empty=True)
    exported = sorted(x["meta"]["article_id"] for x in lines)
    assert exported == sorted([articles[1].id, articles[3].id])
    (stats,), problems = workspace_stats(workspace, ["maria"])
    assert not problems
    assert (stats.articles, stats.statuses["todo"], stats.annotations) == (2, 0, 1)


def test_hashes_follow_prodigys_keys(
    tmp_path: Path, articles: list[Article], tokenizer: Tokenizer
) -> None:
    """The input hash is of the text only; the task hash of it and the spans (start, end,
    label): annotator, note, status, dataset and answer change neither, as in Prodigy."""
    workspace = Workspace(tmp_path)
    article = articles[1]
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        annotate(store, article, "Rare earth metals", note="mine")
        store.set_status(article.id, "done")
    with Store.open(tmp_path, "ivan") as store:
        annotate(store, article, "Rare earth metals", note="other")
    with Store.open(tmp_path, "olga") as store:
        annotate(store, article, "Rare earth metals", "figure")
    maria, ivan, olga = run(workspace, ["maria", "ivan", "olga"], tokenizer, dataset="d2")[0]
    assert maria["_input_hash"] == ivan["_input_hash"] == olga["_input_hash"]
    assert maria["_task_hash"] == ivan["_task_hash"] != olga["_task_hash"]
    (again,), _ = run(workspace, ["maria"], tokenizer)
    assert (again["_input_hash"], again["_task_hash"]) == (
        maria["_input_hash"], maria["_task_hash"])  # fmt: skip
