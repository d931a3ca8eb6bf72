"""The span cache behind `team.select_spans`: a warm run reads no annotation file, a file
saved since is read again, and a damaged or unwritable cache is a miss, never an error."""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from annotations.model import Status
from annotations.spancache import FileSpans
from annotations.store import Store
from annotations.team import SpanSelection, select, select_spans
from annotations.workspace import Workspace

TEXT = "Moscow and Washington discussed rare earth metals on Tuesday, officials said."
A1, A2, A3 = "a" * 16, "b" * 16, "c" * 16
HOUR_NS = 3600 * 10**9


def annotate(
    root: Path,
    who: str,
    article: str,
    spans: Sequence[tuple[int, int, str]],
    status: Status | None = Status.DONE,
) -> None:
    with Store.open(root, who, labels=None) as store:
        for start, end, label in spans:
            store.add(article, start, end, label, TEXT[start:end])
        if status is not None:
            store.set_status(article, status)


def settle(root: Path) -> None:
    """Date every annotation file an hour back, as files annotated earlier are (files changed
    within SETTLE_NS of a read are never kept)."""
    for path in (root / "annotations").rglob("*.json"):
        stamp = path.stat().st_mtime_ns - HOUR_NS
        os.utime(path, ns=(stamp, stamp))


def team(root: Path) -> None:
    annotate(root, "a", A1, [(0, 6, "claim"), (11, 21, "event"), (0, 6, "claim")])
    annotate(root, "b", A1, [(0, 6, "claim"), (11, 21, "figure")])
    annotate(root, "a", A2, [(0, 6, "claim")])
    annotate(root, "b", A2, [(0, 6, "claim")], Status.IN_PROGRESS)
    annotate(root, "c", A2, [(22, 31, "event")], None)
    annotate(root, "a", A3, [(7, 10, "event")], None)
    settle(root)


def seen(
    selection: SpanSelection,
) -> list[tuple[str, dict[str, list[tuple[int, int, str, str]]]]]:
    return [
        (
            article.article_id,
            {
                name: list(zip(made.starts, made.ends, made.labels, made.texts, strict=True))
                for name, made in article.spans.items()
            },
        )
        for article in selection.articles
    ]


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article files read through the store from now on."""
    reads: list[str] = []
    original = Store.article_state_read

    def read(store: Store, article_id: str) -> object:
        reads.append(f"{store.annotator}/{article_id}")
        return original(store, article_id)

    monkeypatch.setattr(Store, "article_state_read", read)
    return reads


@pytest.mark.parametrize(
    ("unfinished", "labels"), [(False, None), (True, None), (True, ["claim", "event"])]
)
def test_the_same_articles_spans_and_reasons_as_select(
    tmp_path: Path, unfinished: bool, labels: list[str] | None
) -> None:
    team(tmp_path)
    ws = Workspace(tmp_path)
    names = ["a", "b", "c"]
    full = select(ws, names, include_unfinished=unfinished, labels=labels)
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # no cache, cold, warm
        fast = select_spans(ws, names, include_unfinished=unfinished, labels=labels, cache=cache)
        assert fast.left_out == full.left_out
        assert [(a.article_id, a.annotators) for a in fast.articles] == [
            (a.article_id, a.annotators) for a in full.articles
        ]
        for quick, whole in zip(fast.articles, full.articles, strict=True):
            for name, made in whole.spans.items():
                assert quick.spans[name] == FileSpans.columns(
                    quick.spans[name].status,
                    tuple(a.start for a in made),
                    tuple(a.end for a in made),
                    tuple(a.label for a in made),
                    "".join(a.text for a in made),
                )
                assert quick.spans[name].texts == tuple(a.text for a in made)


def test_a_warm_run_reads_no_annotation_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    cold = select_spans(ws, ["a", "b", "c"], include_unfinished=True, cache=cache)
    reads = counted_reads(monkeypatch)
    warm = select_spans(ws, ["a", "b", "c"], include_unfinished=True, cache=cache)
    assert reads == []
    assert seen(warm) == seen(cold)
    assert warm.left_out == cold.left_out


def test_a_file_saved_since_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    select_spans(ws, ["a", "b"], cache=cache)
    annotate(tmp_path, "b", A1, [(22, 31, "event")])  # b saves: a new file, just written
    reads = counted_reads(monkeypatch)
    warm = select_spans(ws, ["a", "b"], cache=cache)
    assert reads == [f"b/{A1}"]
    assert (22, 31, "event", "discussed") in seen(warm)[0][1]["b"]
    # Changed a moment ago, it is not kept: the next run reads it again, then keeps it.
    again = select_spans(ws, ["a", "b"], cache=cache)
    assert reads == [f"b/{A1}"] * 2
    assert seen(again) == seen(warm)


def test_an_edit_in_place_of_the_same_size_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    select_spans(ws, ["a", "b"], cache=cache)
    path = tmp_path / "annotations" / "b" / f"{A1}.json"
    before = path.stat()
    raw = path.read_bytes().replace(b'"label":"figure"', b'"label":"events"')
    with open(path, "r+b") as handle:  # same inode, same size, a later time
        handle.write(raw)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    assert path.stat().st_ino == before.st_ino and path.stat().st_size == before.st_size
    reads = counted_reads(monkeypatch)
    warm = select_spans(ws, ["a", "b"], cache=cache)
    assert reads == [f"b/{A1}"]
    assert (11, 21, "events", "Washington") in seen(warm)[0][1]["b"]


def test_an_unreadable_file_is_reported_on_every_run(tmp_path: Path) -> None:
    team(tmp_path)
    (tmp_path / "annotations" / "b" / f"{A1}.json").write_bytes(b"{not json")
    settle(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    for _run in range(2):
        found = select_spans(ws, ["a", "b"], cache=cache)
        assert (A1, "a file of it cannot be read") in found.left_out
        assert len(found.problems) == 1 and "could not be read" in found.problems[0]


def rewritten(change: Callable[[dict[str, Any], bytearray], None]) -> Callable[[bytes], bytes]:
    """A damage made inside a cache file's header (JSON) and block (bytes), the checksum
    left as it was."""

    def damage(raw: bytes) -> bytes:
        digest, _newline, payload = raw.partition(b"\n")
        head, _newline, block = payload.partition(b"\n")
        header, changed = json.loads(head), bytearray(block)
        change(header, changed)
        return digest + b"\n" + json.dumps(header).encode() + b"\n" + bytes(changed)

    return damage


def _count(header: dict[str, Any]) -> int:
    return sum(row[5] for row in header["files"])


def _first_start_past_its_end(header: dict[str, Any], block: bytearray) -> None:
    """The first span's start and end swapped, and the next one's end moved on so that the
    spans cover as many characters as before (as many as their texts)."""
    if header["files"][0][5] < 2:
        return
    count = _count(header)
    (start,) = struct.unpack_from("<i", block, 0)
    end, second_end = struct.unpack_from("<2i", block, 4 * count)
    struct.pack_into("<i", block, 0, end)
    struct.pack_into("<2i", block, 4 * count, start, second_end + 2 * (end - start))


def _texts_not_utf8(header: dict[str, Any], block: bytearray) -> None:
    block[10 * _count(header)] = 0xFF


def _texts_cut_short(header: dict[str, Any], block: bytearray) -> None:
    header["files"][-1][6] -= 1
    del block[-1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"\x00" * len(raw),
        lambda raw: raw.replace(b'"claim"', b"17"),  # the label table holds a number
        rewritten(lambda header, block: header.update(labels=[])),  # no label for the numbers
        rewritten(lambda header, block: header["files"][0].pop()),  # a row too short
        rewritten(lambda header, block: header["files"][0].__setitem__(5, 99)),  # too many spans
        rewritten(lambda header, block: block.extend(b"xyz")),  # a block too long
        rewritten(_first_start_past_its_end),
        rewritten(_texts_not_utf8),
        rewritten(_texts_cut_short),
        rewritten(lambda header, block: header.update(version=2)),
        lambda raw: json.dumps({"version": 1, "folder": 3}).encode(),
    ],
)
@pytest.mark.parametrize("signed", [False, True])
def test_a_damaged_cache_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object, signed: bool
) -> None:
    # Unsigned: damage as a disk or a cut-short copy makes it (the checksum no longer fits).
    # Signed: the checksum made again over the damage, as by a hand edit: its shape is checked.
    team(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    cold = select_spans(ws, ["a", "b", "c"], include_unfinished=True, cache=cache)
    files = sorted(cache.iterdir())
    assert len(files) == 3
    originals = {path: path.read_bytes() for path in files}
    for path, raw in originals.items():
        damaged = damage(raw)  # type: ignore[operator]
        if signed:
            payload = damaged.partition(b"\n")[2] or damaged
            damaged = hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
        path.write_bytes(damaged)
    assert any(path.read_bytes() != raw for path, raw in originals.items())
    warm = select_spans(ws, ["a", "b", "c"], include_unfinished=True, cache=cache)
    assert seen(warm) == seen(cold)
    assert warm.cache_problem is None
    # Written again whole: the run after reads nothing.
    reads = counted_reads(monkeypatch)
    assert seen(select_spans(ws, ["a", "b", "c"], include_unfinished=True, cache=cache)) == seen(
        cold
    )
    assert reads == []


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    team(tmp_path)
    ws = Workspace(tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    for _run in range(2):
        found = select_spans(ws, ["a", "b"], cache=blocked / "spans")
        assert seen(found) == seen(select_spans(ws, ["a", "b"]))
        assert found.cache_problem is not None and "span cache not saved" in found.cache_problem
    assert blocked.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod")
def test_a_read_only_cache_folder_changes_nothing(tmp_path: Path) -> None:
    team(tmp_path)
    ws, cache = Workspace(tmp_path), tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        found = select_spans(ws, ["a", "b"], cache=cache)
        assert found.cache_problem is not None
        assert seen(found) == seen(select_spans(ws, ["a", "b"]))
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o700)


def test_the_cache_of_another_workspace_is_not_used(tmp_path: Path) -> None:
    for root in (tmp_path / "one", tmp_path / "two"):
        annotate(root, "a", A1, [(0, 6, "claim")] if root.name == "one" else [(7, 10, "event")])
        annotate(root, "b", A1, [])
        settle(root)
    cache = tmp_path / "cache"
    one = select_spans(Workspace(tmp_path / "one"), ["a", "b"], cache=cache)
    two = select_spans(Workspace(tmp_path / "two"), ["a", "b"], cache=cache)
    assert seen(one)[0][1]["a"] == [(0, 6, "claim", "Moscow")]
    assert seen(two)[0][1]["a"] == [(7, 10, "event", "and")]
    assert len(list(cache.iterdir())) == 4
