"""The team workflow in a real terminal (tmux): two annotators' different spans for one
built-in article are imported, `assay agree` prints their F1, `assay review` takes the agreed
span and one side of the disagreement into gold, and `assay export --annotator gold` holds
exactly those spans with their provenance."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.article import Article
from corpus.loader import load_corpus
from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def article_002() -> Article:
    articles, _ = load_corpus(None)
    [found] = [a for a in articles if a.source.startswith("002_")]
    return found


def span(article: Article, words: str, label: str, length: int | None = None) -> dict[str, object]:
    start = article.text.index(words)
    return {"start": start, "end": start + (length or len(words)), "label": label}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ASSAY, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=300,
        check=False,
    )


def test_import_agree_review_and_export_gold(tmp_path: Path) -> None:
    env = assay_env(tmp_path)
    article = article_002()
    agreed = span(article, "Vladimir Putin has stated Russia’s openness", "claim")
    # The same figure, with different boundaries: a takes the unit, b does not.
    a_figure = span(article, "2 million tons", "figure")
    b_figure = span(article, "2 million tons", "figure", len("2 million"))
    for name, spans in (("ana", [agreed, a_figure]), ("ben", [agreed, b_figure])):
        line = {"text": article.text, "spans": spans, "meta": {"status": "done"}}
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps(line) + "\n", "utf-8")
        done = run(env, "import", str(path), "--annotator", name)
        assert done.returncode == 0, done.stderr

    # 2 shared spans of 4: exact F1 0.5; the figures overlap by 9 of 14 characters (at least
    # half of the longer), so overlap F1 is 1.
    agree = run(env, "agree", "--annotators", "ana,ben")
    assert agree.returncode == 0, agree.stderr
    [overall] = [line for line in agree.stdout.splitlines() if "all labels" in line]
    assert [cell.strip() for cell in overall.split("│")[2:4]] == ["0.500", "1.000"], overall

    with Tmux(f"{ASSAY} review --annotators ana,ben --as gold", env, width=100, height=30) as term:
        term.wait_for("1 of 1 group open")  # the legend, once the article is open
        term.keys("=")  # the agreed claim
        term.wait_for("1 in progress")  # gold's first span: the article is under way
        term.keys(".", "1")  # the open group, then ana's version of it
        term.wait_for("0 of 1 group open")
        term.keys("C-q")
        term.wait_for("[exited 0]")

    export = run(env, "export", "--annotator", "gold")
    assert export.returncode == 0, export.stderr
    [line] = [json.loads(x) for x in export.stdout.splitlines()]
    found = sorted(
        (
            s["start"],
            s["end"],
            s["label"],
            s["origin"],
            s["attrs"]["review"]["decision"],
            s["attrs"]["review"]["from"],
        )
        for s in line["spans"]
    )
    assert found == sorted(
        [
            (agreed["start"], agreed["end"], "claim", "review", "agreed", ["ana", "ben"]),
            (a_figure["start"], a_figure["end"], "figure", "review", "chose:ana", ["ana"]),
        ]
    )
    # The annotators' own work is untouched.
    for name, figure in (("ana", a_figure), ("ben", b_figure)):
        mine = run(env, "export", "--annotator", name)
        [theirs] = [json.loads(x) for x in mine.stdout.splitlines()]
        assert sorted((s["start"], s["end"]) for s in theirs["spans"]) == sorted(
            [(agreed["start"], agreed["end"]), (figure["start"], figure["end"])]
        )
