"""`assay agree` reads its figures back from the figure cache (annotations/figurecache.py)
only when they are the ones it would count: the same JSON and table as counting, on varied
workspaces and options; a changed file, a damaged or a foreign cache file changes nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import reader.agree_cli
from annotations.agreement import Compared
from annotations.figurecache import CACHE_VERSION, cache_folder, comparison_key
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


def counting_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kw: Any) -> None:
        raise AssertionError("counted again: the kept figures were not read")

    monkeypatch.setattr(reader.agree_cli, "agreement", refuse)


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
    counting_forbidden(monkeypatch)
    assert run(capsys, varied, *args) == expected  # read back


def test_a_changed_file_is_counted_again(
    varied: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    before = run(capsys, varied, "--format", "json")
    article = articles[0]
    with Store.open(varied, "c", labels=None) as store:
        start = article.text.index("Putin")
        store.add(article.id, start, start + len("Putin"), "person", "Putin")
    after = run(capsys, varied, "--format", "json")
    assert after != before
    assert after == run(capsys, varied, "--no-cache", "--format", "json")


@pytest.mark.parametrize("damage", ["flipped byte", "cut short", "foreign header", "empty"])
def test_a_damaged_or_foreign_figure_cache_changes_nothing(
    varied: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    expected = run(capsys, varied, "--format", "json")
    (kept,) = cache_folder().glob("*.bin")
    raw = kept.read_bytes()
    if damage == "flipped byte":
        at = raw.index(b'"exact_f1":') + len(b'"exact_f1":')
        raw = raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1 :]
    elif damage == "cut short":
        raw = raw[: len(raw) // 2]
    elif damage == "foreign header":
        # A sound file (its checksum fits) of another version of the cache.
        from annotations.cachefile import write_cache

        header = {"version": CACHE_VERSION + 1, "key": "0" * 64}
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

    def key(*items: Compared, names: tuple[str, ...] = ("a", "b"), labels: Any = None) -> str:
        return comparison_key(items, names, labels)

    def item(article_id: str = "x", title: str = "t", **by: Any) -> Compared:
        return Compared(SpanArticle(article_id, by), tokens, title)

    one = item(a=spans, b=spans)
    relabelled = FileSpans.columns(Status.DONE, [0, 2], [1, 5], ("claim", "x"), "ac d",
                                   ((0, 1, "says"),))  # fmt: skip
    unlinked = FileSpans.columns(Status.DONE, [0, 2], [1, 5], ("claim", "event"), "ac d")
    variants = [
        key(item(a=spans)),  # b takes no part
        key(item(a=spans, b=spans.where([True, False]))),
        key(item(a=spans, b=relabelled)),
        key(item(a=spans, b=unlinked)),
        key(Compared(one.article, Tokens.of([0, 2], [1, 3], [1, 0]), "t")),
        key(item(title="u", a=spans, b=spans)),
        key(item(article_id="y", a=spans, b=spans)),
        key(one, one),
        key(one, names=("b", "a")),
        key(one, labels=["claim"]),
        key(one, labels=["claim", "event"]),
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
