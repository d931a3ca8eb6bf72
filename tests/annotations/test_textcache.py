"""The text cache behind `assay agree`: a warm run reads no article copy and checks no file it
vouched for, anything changed since is read or checked again, and a damaged or unwritable
cache is a miss, never an error or a different figure."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotations.cachefile import read_cache, write_cache
from annotations.model import Status
from annotations.spancache import FileSpans
from annotations.store import Store
from annotations.textcache import KeptText, TextCache, cache_folder
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.loader import load_corpus
from corpus.tokens import Tokens
from reader.cli import main

HOUR_NS = 3600 * 10**9
RARE = "rare earth"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus(None)[0][:2]


def settle(root: Path) -> None:
    """Date the file `root`, or every file under it, an hour back, as files made earlier are
    (files changed within SETTLE_NS of a read are never kept)."""
    for path in root.rglob("*.json") if root.is_dir() else [root]:
        stamp = path.stat().st_mtime_ns - HOUR_NS
        os.utime(path, ns=(stamp, stamp))


def annotate(root: Path, who: str, article: Article, made: list[tuple[str, str]]) -> None:
    Workspace(root).save_article(article)
    with Store.open(root, who, labels=None) as store:
        for words, label in made:
            start = article.text.index(words)
            store.add(article.id, start, start + len(words), label, words)
        store.set_status(article.id, Status.DONE)


@pytest.fixture
def team(tmp_path: Path, articles: list[Article]) -> Path:
    root = tmp_path / "ws"
    for article in articles:
        annotate(root, "a", article, [(RARE, "claim"), ("Trump", "event")])
        annotate(root, "b", article, [(RARE, "claim"), ("Putin", "event")])
    settle(root)
    return root


def agree(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[dict[str, Any], str]:
    code = main(["agree", "--workspace", str(root), "--model", "none", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data, err


def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The copies read and the files checked for drift from now on."""
    seen: dict[str, list[str]] = {"read": [], "checked": []}
    read, sound = Workspace.article_read, FileSpans.sound

    def counted_read(workspace: Workspace, article_id: str) -> object:
        seen["read"].append(article_id)
        return read(workspace, article_id)

    def counted_sound(spans: FileSpans, text: str) -> FileSpans:
        seen["checked"].append(spans.covered)
        return sound(spans, text)

    monkeypatch.setattr(Workspace, "article_read", counted_read)
    monkeypatch.setattr(FileSpans, "sound", counted_sound)
    return seen


def cache_file() -> Path:
    (found,) = cache_folder().iterdir()
    return found


def test_a_warm_run_reads_no_copy_and_checks_no_file_it_vouched_for(
    team: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold, _err = agree(capsys, team)
    seen = counted(monkeypatch)
    warm, _err = agree(capsys, team)
    assert seen == {"read": [], "checked": []}
    assert warm == cold


def test_a_file_saved_since_is_checked_for_drift_again(
    team: Path,
    articles: list[Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agree(capsys, team)
    article = articles[0]
    start = article.text.index("Putin")
    with Store.open(team, "b", labels=None) as store:  # a span whose text is not the article's
        store.add(article.id, start, start + 5, "event", "Pudin")
    settle(team / "annotations" / "b" / f"{article.id}.json")
    seen = counted(monkeypatch)
    data, err = agree(capsys, team)
    assert seen["read"] == []  # the copy is the same
    assert len(seen["checked"]) == 1  # b's file of the first article
    assert "1 drifted span left out" in err
    assert data["labels"]["event"]["spans"] == {"a": 2, "b": 2}
    # Drifted, the file is not vouched for: it is checked on every run.
    seen = counted(monkeypatch)
    assert agree(capsys, team)[0] == data
    assert len(seen["checked"]) == 1
    # Saved a moment ago, it has no identity a cache could trust: checked too.
    with Store.open(team, "b", labels=None) as store:
        store.add(article.id, start, start + 5, "claim", "Pudin")
    assert "2 drifted spans left out" in agree(capsys, team)[1]


def test_a_copy_replaced_since_is_read_again(
    team: Path,
    articles: list[Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cold, _err = agree(capsys, team)
    copy = Workspace(team).articles_dir / f"{articles[1].id}.json"
    copy.with_name("new").write_bytes(copy.read_bytes())
    os.replace(copy.with_name("new"), copy)  # a new inode
    settle(copy)
    seen = counted(monkeypatch)
    assert agree(capsys, team)[0] == cold
    assert seen["read"] == [articles[1].id]
    # Its text is new to the cache: the files of it are checked against it again.
    assert len(seen["checked"]) == 2


def test_texts_found_only_in_the_corpus_are_not_kept(
    tmp_path: Path, articles: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    for who in ("a", "b"):
        annotate(root, who, articles[0], [(RARE, "claim")])
    (Workspace(root).articles_dir / f"{articles[0].id}.json").unlink()
    settle(root)
    code = main(["agree", "--workspace", str(root), "--model", "none", "--corpus", "builtin"])
    assert code == 0, capsys.readouterr().err
    assert not cache_folder().exists()  # nothing to keep, so no file


def _rewritten(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        found = read_cache(path)
        assert found is not None
        header, block = found
        change(header)
        write_cache(path, header, [block.tobytes()])

    return damage


def _text_not_utf8(path: Path) -> None:
    """The first text's first byte is no UTF-8, and no file is vouched for (its text is
    needed), the checksum made again."""
    found = read_cache(path)
    assert found is not None
    header, block = found
    for row in header["articles"]:
        row[7] = {}
    damaged = bytearray(block)
    damaged[0] = 0xFF
    write_cache(path, header, [bytes(damaged)])


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:-7]),  # cut short
        lambda path: path.write_bytes(b"\x00" * path.stat().st_size),
        lambda path: path.write_bytes(b"not a cache"),
        _rewritten(lambda header: header["articles"][0].pop()),  # a row too short
        _rewritten(lambda header: header["articles"][0].__setitem__(6, 10**6)),  # tokens
        _rewritten(lambda header: header["articles"][0].__setitem__(7, {"a": [1, 2]})),
        _rewritten(lambda header: header["articles"][0].__setitem__(7, {"a": "x"})),
        _rewritten(lambda header: header.update(tokenizer="another")),
        _rewritten(lambda header: header.update(version=0)),
        _text_not_utf8,
    ],
)
def test_a_damaged_cache_is_a_miss(
    team: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[Path], None]
) -> None:
    cold, _err = agree(capsys, team)
    damage(cache_file())
    assert agree(capsys, team)[0] == cold
    # Written again whole: the run after needs it as a warm run does.
    assert agree(capsys, team)[0] == cold


def test_an_unwritable_cache_folder_is_said_once_and_changes_no_figure(
    team: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cold, _err = agree(capsys, team)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ASSAY_CACHE_DIR", str(blocked))
    data, err = agree(capsys, team)
    assert data == cold
    assert err.count("text cache not saved") == 1


def test_each_tokenizer_has_its_own_file(team: Path, articles: list[Article]) -> None:
    ws = Workspace(team)
    copy = ws.articles_dir / f"{articles[0].id}.json"
    stat = copy.stat()
    identity = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
    tokens = Tokens.of([0], [4], [1])
    first = TextCache(ws, "one", cache_folder())
    first.put(articles[0].id, identity, KeptText("title", articles[0].text, tokens))
    first.save()
    assert TextCache(ws, "one", cache_folder()).get(articles[0].id) is not None
    other = TextCache(ws, "two", cache_folder())
    assert other.path != first.path and other.get(articles[0].id) is None


def test_a_file_saved_a_moment_ago_is_checked_on_every_run(
    team: Path,
    articles: list[Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A copy new to the cache, and b's file of it saved just now (with a drifted span): its
    # identity cannot be trusted yet, so nothing vouches for it, run after run.
    article = articles[0]
    copy = Workspace(team).articles_dir / f"{article.id}.json"
    copy.with_name("new").write_bytes(copy.read_bytes())
    os.replace(copy.with_name("new"), copy)
    settle(copy)
    start = article.text.index("Putin")
    with Store.open(team, "b", labels=None) as store:
        store.add(article.id, start, start + 5, "event", "Pudin")
    for _run in range(2):
        assert "1 drifted span left out" in agree(capsys, team)[1]
