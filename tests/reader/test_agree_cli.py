"""`assay agree` on a workspace of hand-made annotators: figures, JSON shape, the table at 80
columns, exit statuses and messages, hostile names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from annotations.model import Status
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article, make_article
from corpus.loader import load_corpus
from reader.cli import main

ASSAY = str(Path(sys.executable).with_name("assay"))
Made = Sequence[tuple[str, str]]  # (words, label)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus(None)[0]


def annotate(
    root: Path,
    who: str,
    article: Article,
    made: Made,
    status: str | None = Status.DONE,
    save: bool = True,
) -> None:
    """`who` tags the first occurrence of each of `made`'s words in `article`."""
    if save:
        Workspace(root).save_article(article)
    with Store.open(root, who, labels=None) as store:
        for words, label in made:
            start = article.text.index(words)
            store.add(article.id, start, start + len(words), label, words)
        if status is not None:
            store.set_status(article.id, status)


def agree(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["agree", "--workspace", str(root), "--model", "none", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> dict[str, Any]:
    code, out, err = agree(capsys, root, "--format", "json", *args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


RARE = "Rare earth metals are an important area for cooperation"


@pytest.fixture
def two(tmp_path: Path, articles: list[Article]) -> Path:
    """a and b on two articles, both done. Article 1: a made claim RARE and figure "Rare
    earth metals"; b made claim RARE (exact), figure "Rare earth" (10 of 17 characters: more
    than half, an overlap match) and event "Kirill Dmitriev". Article 0: both tagged
    "Trump" as event."""
    first, second = articles[1], articles[0]
    annotate(tmp_path, "a", first, [(RARE, "claim"), ("Rare earth metals", "figure")])
    annotate(tmp_path, "b", first, [(RARE, "claim"), ("Rare earth", "figure"),
                                    ("Kirill Dmitriev", "event")])  # fmt: skip
    annotate(tmp_path, "a", second, [("Trump", "event")])
    annotate(tmp_path, "b", second, [("Trump", "event")])
    return tmp_path


def test_json_has_the_documented_shape_and_figures(
    two: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    data = as_json(capsys, two)
    assert data["annotators"] == ["a", "b"] and data["articles"] == 2
    assert set(data["labels"]) == {"claim", "event", "figure"}
    for figures in [*data["labels"].values(), data["overall"]]:
        assert {"exact_f1", "overlap_f1", "kappa", "alpha"} <= set(figures)
    assert data["labels"]["figure"]["spans"] == {"a": 1, "b": 1}
    assert data["labels"]["event"]["spans"] == {"a": 1, "b": 2}
    # exact: a made 3 spans, b 4; the claim and "Trump" are the same: overall 2·2/(3+4)
    assert data["overall"]["exact_f1"] == pytest.approx(4 / 7)
    # overlap: the figures match too: 2·3/7
    assert data["overall"]["overlap_f1"] == pytest.approx(6 / 7)
    assert data["labels"]["event"]["exact_f1"] == pytest.approx(2 / 3)
    assert data["labels"]["figure"]["exact_f1"] == 0.0
    assert data["labels"]["figure"]["overlap_f1"] == 1.0
    assert data["labels"]["claim"]["kappa"] == 1.0 and data["labels"]["claim"]["alpha"] == 1.0
    (pair,) = data["pairs"]
    assert pair["annotators"] == ["a", "b"] and pair["articles"] == 2
    assert pair["labels"]["figure"]["overlap_matches"] == 1
    # Worst first: article 1 (exact 2·1/(2+3)) before article 0 (exact 1).
    assert [a["article_id"] for a in data["by_article"]] == [articles[1].id, articles[0].id]
    assert data["by_article"][0]["exact_f1"] == pytest.approx(0.4)
    assert data["by_article"][1]["title"] == articles[0].title
    assert set(data["by_article"][0]) >= {"article_id", "title", "exact_f1", "overlap_f1"}
    assert data["left_out"] == [] and data["rule"] == "done"


def test_stderr_says_what_was_compared_and_what_was_left_out(
    two: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    annotate(two, "a", articles[2], [("Putin", "event")])  # b never opened it
    annotate(two, "b", articles[3], [("Moscow", "claim")], Status.IN_PROGRESS)
    annotate(two, "a", articles[3], [("Moscow", "event")])
    code, out, err = agree(capsys, two)
    assert code == 0, err
    assert "comparing every annotator in the workspace: a, b" in err
    assert "comparing a, b on 2 articles: the articles that all of them marked done" in err
    assert f"left out {articles[2].id}: not done by b" in err
    assert f"left out {articles[3].id}: not done by b" in err
    assert "by label" in out and "all labels" in out
    code, out, err = agree(capsys, two, "--include-unfinished")
    assert code == 0, err
    assert "on 3 articles: the articles that at least two of them annotated" in err
    assert f"left out {articles[2].id}: annotated only by a" in err


def test_many_left_out_articles_are_summarised(
    tmp_path: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    extra = [make_article(f"Bulletin {i}: the talks went on.", f"extra/{i}.txt") for i in range(2)]
    for article in [*articles, *extra]:
        annotate(tmp_path, "a", article, [("the", "claim")])
        annotate(tmp_path, "b", article, [("the", "claim")], Status.IN_PROGRESS)
    annotate(tmp_path, "c", articles[0], [("the", "claim")])
    code, _out, err = agree(capsys, tmp_path, "--annotators", "a,b,c")
    assert code == 1
    assert "no articles to compare for a, b, c: there are no articles that all of them" in err
    assert "left out 7 articles: 6 articles not done by b, c; 1 article not done by b" in err
    assert "(--format json lists them)" in err
    assert "--include-unfinished compares the articles that at least two of them" in err


def test_gold_is_left_out_by_default_and_can_be_named(
    two: Path, capsys: pytest.CaptureFixture[str], articles: list[Article]
) -> None:
    annotate(two, "gold", articles[1], [(RARE, "claim")])
    code, out, err = agree(capsys, two, "--format", "json")
    assert code == 0 and json.loads(out)["annotators"] == ["a", "b"]
    assert "comparing every annotator in the workspace except gold: a, b" in err
    data = as_json(capsys, two, "--annotators", "gold,a")
    assert data["annotators"] == ["gold", "a"] and data["articles"] == 1


def test_exit_1_when_there_are_not_two_annotators(
    tmp_path: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = agree(capsys, tmp_path)
    assert code == 1 and out == ""
    assert "agreement needs two annotators or more" in err and "has no annotator" in err
    annotate(tmp_path, "a", articles[0], [("Trump", "event")])
    annotate(tmp_path, "gold", articles[0], [("Trump", "event")])
    code, out, err = agree(capsys, tmp_path)
    assert code == 1 and out == ""
    assert "has only a besides gold" in err and "--annotators A,B" in err
    code, _out, err = agree(capsys, tmp_path, "--annotators", "a")
    assert code == 1 and "name another with --annotators" in err
    code, _out, err = agree(capsys, tmp_path, "--annotators", "a,zoe,yan")
    assert code == 1
    assert "no annotations by zoe, yan in" in err and "annotators there: a, gold" in err


def test_bad_annotator_lists_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in ("a,,b", "a,a", "a,../x"):
        with pytest.raises(SystemExit) as exc:
            main(["agree", "--workspace", str(tmp_path), "--annotators", bad])
        assert exc.value.code == 2
        assert "--annotators" in capsys.readouterr().err


def test_labels_option_keeps_only_those_labels(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = agree(capsys, two, "--labels", "claim,quote", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data["labels"]) == ["claim", "quote"]
    assert data["labels"]["quote"] == {"exact_f1": None, "overlap_f1": None, "kappa": None,
                                       "alpha": None, "spans": {"a": 0, "b": 0}}  # fmt: skip
    assert data["overall"]["exact_f1"] == 1.0  # claim only: both made RARE
    assert "nobody made a span of label 'quote'" in err


def test_a_text_found_only_in_the_corpus_is_compared(
    tmp_path: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    # No copy in the workspace: the built-in corpus has the text.
    annotate(tmp_path, "a", articles[4], [("Alaska", "claim")], save=False)
    annotate(tmp_path, "b", articles[4], [("Alaska", "claim")], save=False)
    data = as_json(capsys, tmp_path)
    assert data["articles"] == 1 and data["overall"]["exact_f1"] == 1.0
    # An article whose text is nowhere is left out, and said so.
    with Store.open(tmp_path, "a", labels=None) as store:
        store.add("f" * 16, 0, 3, "claim", "abc")
        store.set_status("f" * 16, "done")
    with Store.open(tmp_path, "b", labels=None) as store:
        store.set_status("f" * 16, "done")
    code, out, err = agree(capsys, tmp_path, "--format", "json")
    assert code == 0 and json.loads(out)["articles"] == 1
    assert f"left out {'f' * 16}: its text is in neither the workspace nor the corpus" in err


def test_shared_articles_without_texts_say_where_to_look(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        with Store.open(tmp_path, name, labels=None) as store:
            store.add("f" * 16, 0, 3, "claim", "abc")
            store.set_status("f" * 16, "done")
    code, out, err = agree(capsys, tmp_path)
    assert code == 1 and out == ""
    assert "the texts of the 1 article they share are in neither the workspace nor" in err
    assert "--corpus PATH" in err


LONG = "x" * 60 + "-end"  # 64 characters, the longest name a store takes


def test_table_fits_80_columns_with_long_and_hostile_names(
    tmp_path: Path,
    articles: list[Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    hostile = "[bold red]claim[/] \x1b]52;c;cHduZWQ=\x07 \u202eevil"
    long_label = "a label whose name goes on and on " * 3
    names = [LONG, "مريم", "ｍａｒｉａ"]  # a long one, right to left, full width (NFKC: maria)
    for i, name in enumerate(names):
        annotate(tmp_path, name, articles[1], [(RARE, hostile), ("Rare earth", long_label)]
                 + [("Putin", "event")] * (i == 0))  # fmt: skip
    code, out, err = agree(capsys, tmp_path)
    assert code == 0, err
    lines = out.splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80, out
    boxed = [line.rstrip() for line in lines if line[:1] in "┏┃┡│├└"]
    assert all(line[-1] in "┓┃┩│┤┘" for line in boxed), out  # no table cut at the edge
    assert sum(1 for line in lines if articles[1].id in line) == 1  # the worst articles
    assert any(articles[1].id in line and line.count(".") >= 2 for line in lines)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[bold red]claim[/]" in out  # shown as written, never as markup
    assert "maria" in err and "ｍａｒｉａ" not in err  # the name as stored (NFKC)
    assert "مريم" in out
    assert LONG[:20] in out


def test_the_real_command(two: Path) -> None:
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        [ASSAY, "agree", "--workspace", str(two), "--model", "none"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "0.571" in done.stdout and "0.857" in done.stdout  # overall exact and overlap F1
    assert "comparing a, b on 2 articles" in done.stderr


def test_a_span_cache_folder_that_cannot_be_written_is_said_and_changes_no_figure(
    two: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = as_json(capsys, two, "--no-cache")
    blocked = two / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("ASSAY_CACHE_DIR", str(blocked / "cache"))
    code, out, err = agree(capsys, two, "--format", "json")
    assert code == 0
    assert json.loads(out) == expected
    assert "span cache not saved" in err


def test_relation_f1_is_reported_and_the_span_cache_keeps_relations(
    tmp_path: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """a and b both link RARE to "Kirill Dmitriev"; a also links it to "Putin": F1 2·1/3."""
    article = articles[1]
    Workspace(tmp_path).save_article(article)
    for who, sources in (("a", ["Kirill Dmitriev", "Putin"]), ("b", ["Kirill Dmitriev"])):
        with Store.open(tmp_path, who, labels=None) as store:
            start = article.text.index(RARE)
            claim = store.add(article.id, start, start + len(RARE), "claim", RARE)
            for words in sources:
                at = article.text.index(words)
                source = store.add(article.id, at, at + len(words), "source", words)
                store.relate(claim.id, source.id)
            store.set_status(article.id, Status.DONE)
    hour = 3600 * 10**9  # files made earlier, as the span cache keeps only those
    for path in (tmp_path / "annotations").rglob("*.json"):
        stamp = path.stat().st_mtime_ns - hour
        os.utime(path, ns=(stamp, stamp))
    for _run in ("cold", "warm"):
        data = as_json(capsys, tmp_path)
        assert data["relations"] == {"f1": pytest.approx(2 / 3), "made": {"a": 2, "b": 1}}
        assert data["pairs"][0]["relations"]["matches"] == 1
    code, out, _err = agree(capsys, tmp_path)
    assert code == 0 and "relations (who said which claim): exact F1 0.667" in out
