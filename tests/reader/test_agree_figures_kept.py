"""`assay agree` keeps what it counts per article (annotations/figurecache.py) and counts
again only the articles that changed: the same JSON and table as counting everything, on
varied workspaces and options; a changed file is counted alone; a damaged or a foreign cache
file changes nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import annotations.figurecache
from annotations.agreement import Compared
from annotations.figurecache import CACHE_VERSION, article_key, cache_folder
from annotations.model import Annotation, Status
from annotations.spancache import FileSpans
from annotations.store import Store
from annotations.team import SpanArticle, TeamArticle
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.loader import load_corpus
from corpus.tokens import Tokens
from reader.cli import main

# (annotator, article number, [(words, label)], status): c takes no part in article 2, b left
# article 3 unfinished, labels differ between annotators.
MADE: list[tuple[str, int, list[tuple[str, str]], str | None]] = [
    ("a", 0, [("Trump", "event"), ("Putin", "person")], Status.DONE),
    ("b", 0, [("Trump", "event"), ("Putin", "event")], Status.DONE),
    ("c", 0, [("Trump", "person")], Status.DONE),
    ("a", 1, [("Rare earth metals", "figure"), ("Kirill Dmitriev", "person")], Status.DONE),
    ("b", 1, [("Rare earth", "figure"), ("cooperation", "claim")], Status.DONE),
    ("c", 1, [("Rare earth metals", "figure"), ("Kirill", "person")], Status.DONE),
    ("a", 2, [("the", "claim")], Status.DONE),
    ("b", 2, [("the", "claim"), ("a", "figure")], Status.DONE),
    ("a", 3, [("of", "claim")], Status.DONE),
    ("b", 3, [("of", "figure")], None),
    ("c", 3, [("of", "claim")], Status.DONE),
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus(None)[0]


@pytest.fixture
def varied(tmp_path: Path, articles: list[Article]) -> Path:
    workspace = Workspace(tmp_path)
    for article in articles[:4]:
        workspace.save_article(article)
    for who, number, made, status in MADE:
        article = articles[number]
        with Store.open(tmp_path, who, labels=None) as store:
            added = []
            for words, label in made:
                start = article.text.index(words)
                added.append(store.add(article.id, start, start + len(words), label, words))
            if len(added) > 1:  # a relation from the first span to the second
                store.relate(added[0].id, added[1].id)
            if status is not None:
                store.set_status(article.id, status)
    hour = 3600 * 10**9  # files made earlier, as the span and text caches keep only those
    for path in tmp_path.rglob("*.json"):
        stamp = path.stat().st_mtime_ns - hour
        os.utime(path, ns=(stamp, stamp))
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["agree", "--workspace", str(root), "--model", "none", *args])
    out, err = capsys.readouterr()
    return code, out, err


def counting_watched(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The ids of the articles each run counts (the others' counts are read back), and
    "figures" each time the figures are made from the counts (not read back)."""
    counted: list[list[str]] = []
    count = annotations.figurecache.count_articles
    make = annotations.figurecache.figures

    def watched(items: Any, *args: Any) -> Any:
        items = list(items)
        counted.append([item.article.article_id for item in items])
        return count(items, *args)

    def making(*args: Any) -> Any:
        counted.append(["figures"])
        return make(*args)

    monkeypatch.setattr(annotations.figurecache, "count_articles", watched)
    monkeypatch.setattr(annotations.figurecache, "figures", making)
    return counted


OPTIONS = [
    [],
    ["--labels", "claim,figure,nothing"],
    ["--include-unfinished"],
    ["--include-unfinished", "--labels", "person"],
    ["--annotators", "a,c"],
    ["--annotators", "c,b", "--include-unfinished"],
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: " ".join(o) or "default")
@pytest.mark.parametrize("output", ["json", "table"])
def test_kept_figures_are_the_counted_ones(
    varied: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    output: str,
) -> None:
    args = ["--format", output, *options]
    expected = run(capsys, varied, "--no-cache", *args)
    assert expected[0] == 0, expected[2]
    assert run(capsys, varied, *args) == expected  # counted, and kept
    counted = counting_watched(monkeypatch)
    assert run(capsys, varied, *args) == expected  # read back
    assert counted == []


@pytest.mark.parametrize("label", ["person", "a label new to the workspace"])
def test_a_changed_file_is_counted_alone(
    varied: Path,
    articles: list[Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    label: str,
) -> None:
    before = run(capsys, varied, "--format", "json")
    article = articles[0]
    with Store.open(varied, "c", labels=None) as store:
        start = article.text.index("Putin")
        store.add(article.id, start, start + len("Putin"), label, "Putin")
    counted = counting_watched(monkeypatch)
    after = run(capsys, varied, "--format", "json")
    assert counted == [[article.id], ["figures"]]
    assert after != before
    assert after == run(capsys, varied, "--no-cache", "--format", "json")
    # Taken back: the label's column goes with its last span.
    with Store.open(varied, "c", labels=None) as store:
        store.undo()
    assert run(capsys, varied, "--format", "json") == before


def test_an_article_left_out_and_back_is_counted_then_read(
    varied: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = run(capsys, varied, "--format", "json", "--include-unfinished")
    done = run(capsys, varied, "--format", "json")
    counted = counting_watched(monkeypatch)
    assert run(capsys, varied, "--format", "json", "--include-unfinished") == everything
    # The unfinished article, counted again, then the figures made.
    assert len(counted) == 2 and counted[0] and counted[1] == ["figures"]
    assert run(capsys, varied, "--format", "json") == done
    assert counted[2:] == [["figures"]]  # its rows were kept with the others


@pytest.mark.parametrize("damage", ["flipped byte", "cut short", "foreign header", "empty"])
def test_a_damaged_or_foreign_figure_cache_changes_nothing(
    varied: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    expected = run(capsys, varied, "--format", "json")
    (kept,) = cache_folder().glob("*.bin")
    raw = kept.read_bytes()
    if damage == "flipped byte":
        at = len(raw) * 3 // 4
        raw = raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1 :]
    elif damage == "cut short":
        raw = raw[: len(raw) // 2]
    elif damage == "foreign header":
        # A sound file (its checksum fits) of another version of the cache.
        from annotations.cachefile import write_cache

        header = {"version": CACHE_VERSION + 1, "annotators": ["a", "b", "c"]}
        write_cache(kept, header, [raw.split(b"\n", 2)[2]])
        raw = kept.read_bytes()
    else:
        raw = b""
    kept.write_bytes(raw)
    assert run(capsys, varied, "--format", "json") == expected
    assert kept.read_bytes() != raw  # counted again, and kept in its place
    assert run(capsys, varied, "--format", "json") == expected


def test_the_key_changes_with_anything_counted() -> None:
    tokens = Tokens.of([0, 2, 4], [1, 3, 5], [1, 1, 0])
    spans = FileSpans.columns(Status.DONE, [0, 2], [1, 5], ("claim", "event"), "ac d",
                              ((0, 1, "says"),))  # fmt: skip
    other = spans.where([True, False])

    def key(one: Compared, names: tuple[str, ...] = ("a", "b")) -> bytes:
        return article_key(one, names)

    def item(article_id: str = "x", title: str = "t", **by: Any) -> Compared:
        return Compared(SpanArticle(article_id, by), tokens, title)

    one = item(a=spans, b=other)
    relabelled = FileSpans.columns(Status.DONE, [0, 2], [1, 5], ("claim", "x"), "ac d",
                                   ((0, 1, "says"),))  # fmt: skip
    unlinked = FileSpans.columns(Status.DONE, [0, 2], [1, 5], ("claim", "event"), "ac d")
    variants = [
        key(item(a=spans)),  # b takes no part
        key(item(a=spans, b=spans)),
        key(item(a=relabelled, b=other)),
        key(item(a=unlinked, b=other)),
        key(Compared(one.article, Tokens.of([0, 2], [1, 3], [1, 0]), "t")),
        key(item(title="u", a=spans, b=other)),
        key(item(article_id="y", a=spans, b=other)),
        key(one, names=("b", "a")),
        key(one, names=("a", "b", "c")),
    ]
    assert len({key(one), *variants}) == len(variants) + 1
    # Spans given as annotations (as tests give them) have a key too.
    made = (
        Annotation("x-1", "x", 0, 1, "claim", "a"),
        Annotation("x-2", "x", 2, 5, "event", "c d"),
    )
    moved = (made[0], Annotation("x-2", "x", 2, 4, "event", "c "))
    plain = Compared(TeamArticle("x", {"a": made, "b": made}), tokens, "t")
    assert key(plain) == key(Compared(TeamArticle("x", {"a": made, "b": made}), tokens, "t"))
    assert key(plain) != key(Compared(TeamArticle("x", {"a": made, "b": moved}), tokens, "t"))
