"""Store.check_files: every unreadable file found at once, set aside by a writer, listed by a
reader; the history log too."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from annotations import model
from annotations.store import Store

TEXT = "Russia and the United States discussed rare earth metals in Alaska."
IDS = [f"{i:016x}" for i in range(1, 9)]

# What a hand edit, a full disk or a crash of another program can leave.
BROKEN = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "not json": lambda raw: b"\x00\xff garbage",
    "not tables": lambda raw: b"[1, 2, 3]",
    "record without text": lambda raw: json.dumps(
        {
            "annotations": {
                "1": {"id": "x", "article_id": IDS[0], "start": 0, "end": 6, "label": "claim"}
            }
        }
    ).encode(),
    "unknown status": lambda raw: _edit(raw, lambda d: d["status"]["1"].update(status="finished")),
    "note that is a number": lambda raw: _edit(
        raw, lambda d: next(iter(d["annotations"].values())).update(note=7)
    ),
    "schema that is not a number": lambda raw: _edit(
        raw, lambda d: d["meta"]["1"].update(schema="one")
    ),
}


def _edit(raw: bytes, change: object) -> bytes:
    data = json.loads(raw)
    change(data)  # type: ignore[operator]
    return json.dumps(data).encode()


def fill(root: Path) -> dict[str, Path]:
    """maria marks IDS done, each with six annotations; one file per way of breaking."""
    with Store.open(root, "maria") as store:
        for article_id in IDS:
            for start in range(0, 60, 10):
                store.add(article_id, start, start + 5, "claim", TEXT[start : start + 5])
            store.set_status(article_id, "done")
    folder = root / "annotations" / "maria"
    broken = {}
    for (how, damage), article_id in zip(BROKEN.items(), IDS, strict=True):
        path = folder / f"{article_id}.json"
        path.write_bytes(damage(path.read_bytes()))
        broken[how] = path
    return broken


def test_a_writer_sets_every_unreadable_file_aside_at_once(tmp_path: Path) -> None:
    broken = fill(tmp_path)
    good = tmp_path / "annotations" / "maria" / f"{'f' * 16}.json"
    with Store.open(tmp_path, "maria") as store:
        store.add("f" * 16, 0, 6, "claim", TEXT[:6])
        found = store.check_files()
        assert {c.path for c in found} == set(broken.values())
        for corrupt in found:
            assert corrupt.moved_to is not None and corrupt.moved_to.exists()
            assert not corrupt.path.exists() and not corrupt.earlier
            assert corrupt.article_id == corrupt.path.stem
            assert str(corrupt.path) in str(corrupt) and str(corrupt.moved_to) in str(corrupt)
        assert store.article_state(IDS[0]).status == "todo"  # starts afresh
        assert len(store.for_article("f" * 16)) == 1 and good.exists()
        # Next time they are listed as set aside earlier, with both paths.
        again = store.check_files()
        assert all(c.earlier for c in again) and len(again) == len(BROKEN)
        for corrupt in again:
            assert "set aside earlier" in str(corrupt) and str(corrupt.moved_to) in str(corrupt)


def test_a_reader_lists_them_and_moves_nothing(tmp_path: Path) -> None:
    broken = fill(tmp_path)
    before = {p: p.read_bytes() for p in broken.values()}
    with Store.open(tmp_path, "maria", read_only=True) as store:
        found = store.check_files()
    assert {c.path: c.moved_to for c in found} == dict.fromkeys(broken.values())
    reasons = {c.path: c.reason for c in found}
    assert reasons[broken["truncated"]].startswith("not valid JSON")
    assert reasons[broken["empty"]] == "the file is empty"
    assert "not valid" in reasons[broken["record without text"]]
    assert "finished" in reasons[broken["unknown status"]]
    assert {p: p.read_bytes() for p in broken.values()} == before


def test_setting_aside_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "now", lambda: "2026-12-01T10:00:00.000Z")  # one name each time
    folder = tmp_path / "annotations" / "maria"
    folder.mkdir(parents=True)
    path = folder / f"{IDS[0]}.json"
    moved = []
    with Store.open(tmp_path, "maria") as store:
        for n in range(3):
            path.write_text(f"broken {n}", "utf-8")
            (found,) = [c for c in store.check_files() if not c.earlier]
            moved.append(found.moved_to)
    assert len(set(moved)) == 3
    assert [p.read_text("utf-8") for p in moved] == ["broken 0", "broken 1", "broken 2"]  # type: ignore[union-attr]


def test_newer_files_are_not_corrupt(tmp_path: Path) -> None:
    folder = tmp_path / "annotations" / "maria"
    folder.mkdir(parents=True)
    (folder / f"{IDS[0]}.json").write_text('{"meta": {"1": {"schema": 99}}}', "utf-8")
    with Store.open(tmp_path, "maria") as store:
        assert store.check_files() == []
    assert (folder / f"{IDS[0]}.json").exists()


def test_a_broken_history_is_set_aside_and_keeps_what_it_could_read(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        first = store.add(IDS[0], 0, 6, "claim", TEXT[:6])
        second = store.add(IDS[0], 7, 10, "claim", TEXT[7:10])
    history = tmp_path / "annotations" / "maria" / "history.jsonl"
    lines = history.read_bytes().split(b"\n")
    history.write_bytes(b"\n".join([lines[0], b"{not a history entry", lines[1], b""]))
    with Store.open(tmp_path, "maria", read_only=True) as store:
        (problem,) = store.check_files()
        assert problem.path == history and problem.moved_to is None and "line 2" in problem.reason
    with Store.open(tmp_path, "maria") as store:  # annotating goes on; undo keeps line 1
        (problem,) = store.check_files()
        assert problem.moved_to is not None and problem.moved_to.exists()
        assert problem.article_id is None
        assert len(store.for_article(IDS[0])) == 2
        # The second add's entry came after the broken line: it stays done, not undoable.
        assert store.undo() is not None
        assert [a.id for a in store.for_article(IDS[0])] == [second.id]
        assert store.undo() is None
        assert store.redo() is not None and store.get(first.id) is not None
    with Store.open(tmp_path, "maria") as store:
        (earlier,) = store.check_files()
        assert earlier.earlier and earlier.path == history
        assert store.can_undo


def test_check_runs_beside_a_writer_thread(tmp_path: Path) -> None:
    fill(tmp_path)
    with Store.open(tmp_path, "maria") as store:
        errors: list[BaseException] = []
        made: list[str] = []

        def write() -> None:
            try:
                for i in range(60):
                    made.append(store.add("f" * 16, i, i + 1, "claim", TEXT[i]).id)
            except BaseException as exc:
                errors.append(exc)

        writer = threading.Thread(target=write)
        writer.start()
        found = []
        for _ in range(5):
            found += [c for c in store.check_files() if not c.earlier]
        writer.join()
        assert not errors
        assert len(found) == len(BROKEN)  # each set aside once
        assert {a.id for a in store.for_article("f" * 16)} == set(made) and len(made) == 60


def test_a_later_check_reads_only_changed_files_and_misses_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotations import store as store_module

    with Store.open(tmp_path, "maria") as store:
        for article_id in IDS:
            store.add(article_id, 0, 6, "claim", TEXT[:6])
    read: list[object] = []
    real = store_module._unreadable_data

    def counted(data: Any) -> str | None:
        read.append(data)
        return real(data)

    monkeypatch.setattr(store_module, "_unreadable_data", counted)
    with Store.open(tmp_path, "maria") as store:
        assert store.check_files() == [] and len(read) == len(IDS)
        read.clear()
        assert store.check_files() == [] and read == []  # nothing changed: nothing read
        store.add(IDS[0], 7, 10, "claim", TEXT[7:10])
    path = tmp_path / "annotations" / "maria" / f"{IDS[1]}.json"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"claim"', b'["claim"]'))  # by hand, while assay is closed
    with Store.open(tmp_path, "maria") as store:
        (found,) = store.check_files()
        assert found.path == path and len(read) == 2  # the two files that changed


def test_a_file_nested_past_reading_is_set_aside_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with Store.open(tmp_path, "maria") as store:
        folder = store.folder
        (folder / f"{'ab' * 8}.json").write_text('{"annotations": ' + deep + "}", "utf-8")
        (folder / "history.jsonl").write_text('{"op": ' + deep + "}\n{}\n{}\n", "utf-8")
    with Store.open(tmp_path, "maria") as store:
        problems = store.check_files()
        assert any("nested too deeply" in str(p) for p in problems)
        assert store.for_article("ab" * 8) == []
