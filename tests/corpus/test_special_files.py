"""Files that are not files: a corpus folder with a FIFO, a socket or a link to a device loads
the rest, promptly, and says what each one is. Loads run in a thread with a deadline, so a
regression fails instead of hanging the test run."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import loader
from corpus.article import Article
from corpus.cache import AnalysisCache
from corpus.loader import Problem, load_corpus

DEADLINE = 20.0  # seconds; a load of these folders takes well under one

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def load_within_deadline(
    paths: list[Path], cache: AnalysisCache | None = None
) -> tuple[list[Article], list[Problem]]:
    result: list[tuple[list[Article], list[Problem]]] = []
    worker = threading.Thread(target=lambda: result.append(load_corpus(paths, cache)), daemon=True)
    worker.start()
    worker.join(DEADLINE)
    assert not worker.is_alive(), f"loading did not finish within {DEADLINE} s"
    assert result, "loading raised (see the thread's traceback above)"
    return result[0]


@pytest.fixture
def special(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("A headline\n\nA body of text.", "utf-8")
    os.mkfifo(folder / "x.txt")
    os.mkfifo(folder / "feed.jsonl")
    (folder / "z.txt").symlink_to("/dev/zero")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    (folder / "null.md").symlink_to("/dev/null")
    (folder / "linked.txt").symlink_to(folder / "good.txt")  # a link to a file is a file
    (folder / "to-fifo.txt").symlink_to(folder / "x.txt")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.suppress(OSError):  # a path too long for a socket: the rest still tests
        server.bind(str(folder / "s.txt"))
    yield folder
    server.close()


@pytest.mark.parametrize("cached", [False, True])
def test_non_regular_files_are_skipped_with_a_note(
    special: Path, tmp_path: Path, cached: bool
) -> None:
    cache = AnalysisCache(tmp_path / "cache") if cached else None
    for _ in range(2 if cached else 1):  # with a cache: cold, then warm
        articles, problems = load_within_deadline([special], cache)
        assert [a.source for a in articles] == ["good.txt"]
        skipped = {p.source: p.message for p in problems if p.skipped}
        assert skipped["x.txt"] == "not a regular file but a named pipe (FIFO); only files are read"
        assert skipped["feed.jsonl"].startswith("not a regular file but a named pipe")
        assert skipped["z.txt"] == (
            "not a regular file but a link to a character device; only files are read"
        )
        assert "character device" in skipped["zero.jsonl"]
        assert "character device" in skipped["null.md"]
        assert "named pipe" in skipped["to-fifo.txt"]
        assert skipped["linked.txt"] == "same text as good.txt; kept that one"
        if (special / "s.txt").exists():
            assert "socket" in skipped["s.txt"]


def test_a_fifo_or_device_named_on_its_own(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    articles, problems = load_within_deadline(
        [tmp_path / "pipe.txt", tmp_path / "zero.txt", Path("/dev/zero")]
    )
    assert articles == []
    assert [p.message.split(";")[0] for p in problems] == [
        "not a regular file but a named pipe (FIFO)",
        "not a regular file but a link to a character device",
        "not a regular file but a character device",
    ]


def test_the_cap_counts_what_is_read_not_what_stat_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files in /proc are regular files whose stat size is 0, whatever they hold.
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("needs /proc")
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 200)
    (tmp_path / "maps.txt").symlink_to(maps)
    (tmp_path / "small.txt").write_text("Headline\n\nBody.", "utf-8")
    (tmp_path / "big.txt").write_text("word " * 100, "utf-8")
    articles, problems = load_within_deadline([tmp_path])
    assert [a.source for a in articles] == ["small.txt"]
    assert {p.source: p.message for p in problems} == {
        "big.txt": "too large (0 MiB; at most 0 MiB per file)",
        "maps.txt": "too large (more than 0 MiB; at most 0 MiB per file)",
    }


def test_a_jsonl_line_past_the_cap_is_that_lines_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 1 << 20
    monkeypatch.setattr(loader, "MAX_LINE_BYTES", limit)
    path = tmp_path / "feed.jsonl"
    long_text = "x" * (20 * limit)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"text": "First."}) + "\n")
        out.write(json.dumps({"text": long_text}) + "\n")
        out.write(json.dumps({"text": "Last."}))  # no final newline
    tracemalloc.start()
    try:
        articles, problems = load_corpus([path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.text for a in articles] == ["First.", "Last."]
    assert [(p.source, p.message) for p in problems] == [
        (f"{path}:2", "line too long (at most 1 MiB)")
    ]
    # The 20 MiB line was read past, not held: what was held is of the order of the cap.
    assert peak < 4 * limit


def test_a_jsonl_line_of_exactly_the_cap_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = json.dumps({"text": "Exactly the cap."})
    monkeypatch.setattr(loader, "MAX_LINE_BYTES", len(line))
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{line}\n{line[:-1]}, "x": 1}}\n{line}', "utf-8")
    articles, problems = load_corpus([path])
    assert len(articles) == 1 and problems[0].message.startswith("line too long")
    assert problems[1].message.startswith("same text as")
