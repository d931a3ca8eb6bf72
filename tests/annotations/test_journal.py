"""An article's file written change by change (annotations/journal.py): what a change costs on
disk, what readers in other processes see, torn and broken journals, and compaction."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from annotations import storage
from annotations.journal import (
    ArticleFile,
    journal_of,
    read_data,
    read_tables,
)
from annotations.storage import AtomicJSONStorage
from annotations.store import Store

A1 = "5e64e69df3fbd64f"
TEXT = "Moscow and Washington discussed rare earth metals on Tuesday. " * 40
KEYS = {"annotations": "id", "relations": "id", "rejected": "key", "unplaced": "id"}


def folder(workspace: Path, who: str = "maria") -> Path:
    return workspace / "annotations" / who


def killed(store: Store) -> None:
    """Let the store go as a SIGKILL would: its journals stay as they are."""
    store._files.clear()
    store.close()


def test_a_change_to_a_heavy_article_writes_the_change_not_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [
        {"start": i, "end": i + 5, "label": "claim", "text": TEXT[i : i + 5]} for i in range(2000)
    ]
    writes: list[Path] = []
    real = storage.write_atomically

    def counted(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    with Store.open(tmp_path, "maria") as store:
        store.add_many(A1, items)
        path = folder(tmp_path) / f"{A1}.json"
        size = path.stat().st_size
        monkeypatch.setattr(storage, "write_atomically", counted)
        made = store.add(A1, 3, 9, "event", TEXT[3:9])
        store.update(made.id, label="figure")
        store.undo()
        assert writes == []  # the 2,000-annotation file was not rewritten
        journal = journal_of(path)
        assert 0 < journal.stat().st_size < 3000  # three changes, a line each
        assert path.stat().st_size == size
        assert store.get(made.id) is not None and store.get(made.id).label == "event"  # type: ignore[union-attr]
    # Closing folds the journal in: at rest, a plain TinyDB file.
    assert writes == [path] and not journal.exists()
    with TinyDB(path, storage=AtomicJSONStorage, read_only=True) as db:
        assert len(db.table("annotations")) == 2001


def test_another_process_reads_the_changes_a_writer_holds_open(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as writer:
        first = writer.add(A1, 0, 6, "claim", TEXT[:6])
        second = writer.add(A1, 7, 17, "event", TEXT[7:17])
        writer.set_status(A1, "done")
        writer.delete(first.id)
        with Store.open(tmp_path, "maria", read_only=True) as reader:
            state = reader.article_state(A1)
            assert [a.id for a in state.annotations] == [second.id]
            assert state.status == "done"
            # A cache of what files hold must not keep a file whose journal is being written.
            assert reader.article_state_read(A1)[1] is None
        # TinyDB itself, through the storage, reads the same.
        path = folder(tmp_path) / f"{A1}.json"
        with TinyDB(path, storage=AtomicJSONStorage, read_only=True) as db:
            assert [d["id"] for d in db.table("annotations").all()] == [second.id]


def test_a_torn_last_line_is_cut_off_and_the_next_change_follows_it(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        kept = store.add(A1, 0, 6, "claim", TEXT[:6])
        store.add(A1, 7, 10, "claim", TEXT[7:10])
        journal = journal_of(folder(tmp_path) / f"{A1}.json")
        whole = journal.read_bytes()
        killed(store)
    # A kill in the middle of an append leaves part of the line (never acknowledged).
    journal.write_bytes(whole + b'{"ops":[["annotations","9",{"id":')
    with Store.open(tmp_path, "maria") as store:
        ids = [a.id for a in store.for_article(A1)]
        assert kept.id in ids and len(ids) == 2
        later = store.add(A1, 20, 25, "event", TEXT[20:25])
        assert journal.read_bytes().count(b"\n") == whole.count(b"\n") + 1
        assert store.check_files() == []
    with Store.open(tmp_path, "maria", read_only=True) as reader:
        assert later.id in {a.id for a in reader.for_article(A1)}


def test_a_broken_line_inside_the_journal_is_set_aside_never_lost(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        store.add(A1, 0, 6, "claim", TEXT[:6])
        store.add(A1, 7, 10, "claim", TEXT[7:10])
        store.add(A1, 11, 15, "event", TEXT[11:15])
        killed(store)
    path = folder(tmp_path) / f"{A1}.json"
    journal = journal_of(path)
    lines = journal.read_bytes().split(b"\n")
    damaged = b"\n".join([b"\x1b]0;not json", *lines[1:]])
    journal.write_bytes(damaged)
    with Store.open(tmp_path, "maria", read_only=True) as reader:  # a reader leaves it
        (problem,) = reader.check_files()
        assert problem.path == journal and problem.moved_to is None
        assert "line 1 of its journal" in str(problem) and journal.exists()
    with Store.open(tmp_path, "maria") as store:
        (problem,) = store.check_files()
        assert problem.moved_to is not None and problem.moved_to.read_bytes() == damaged
        assert problem.article_id == A1
        assert [a.text for a in store.for_article(A1)] == [TEXT[:6]]  # the snapshot's
        (earlier,) = store.check_files()  # listed again until someone repairs it
        assert earlier.earlier and "line 1" in earlier.reason


def test_a_journal_left_by_a_crash_in_compaction_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / f"{A1}.json"
    file = ArticleFile(path, {}, KEYS, compact_at=10**9)
    for i in range(30):
        file.put({"annotations": {f"{A1}-{i:012x}": {"id": f"{A1}-{i:012x}", "n": i}}})
    for i in range(0, 30, 3):
        file.put({"annotations": {f"{A1}-{i:012x}": None}})
    file.put({"status": {"status": {"status": "done"}}})
    journal = journal_of(path)
    left = journal.read_bytes()
    file.compact()
    assert not journal.exists()
    compacted = read_data(path)
    journal.write_bytes(left)  # the kill came between the new snapshot and the removal
    assert read_data(path) == compacted
    again = ArticleFile(path, {}, KEYS)
    again.put({"annotations": {f"{A1}-{99:012x}": {"id": f"{A1}-{99:012x}", "n": 99}}})
    assert len(read_data(path)["annotations"]) == 21
    assert again.record("annotations", f"{A1}-{1:012x}") == {"id": f"{A1}-{1:012x}", "n": 1}


def test_readers_beside_a_compacting_writer_never_miss_an_acknowledged_change(
    tmp_path: Path,
) -> None:
    """A reader in another process reads the journal, then checks that the snapshot it read
    is still the one in place: a compaction between the two reads makes it read again."""
    path = tmp_path / f"{A1}.json"
    file = ArticleFile(path, {}, KEYS, compact_at=400)
    file.ratio = 0.0  # compact every few changes
    acknowledged = 0
    stop = threading.Event()
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            while not stop.is_set():
                before = acknowledged
                found = len((read_tables(path, move=False).data or {}).get("annotations", {}))
                seen.append((before, found))
        except BaseException as error:
            errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(400):
            file.put({"annotations": {str(i): {"id": str(i)}}})
            acknowledged = i + 1
    finally:
        stop.set()
        reader.join()
    assert not errors
    assert len(seen) > 20
    assert all(found >= before for before, found in seen)


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(["annotations", "rejected", "status"]), st.integers(0, 6), st.booleans()
        ),
        min_size=1,
        max_size=40,
    ),
    compact_at=st.sampled_from([0, 200, 10**9]),
    cut=st.integers(0, 400),
)
def test_the_files_always_read_as_the_changes_made(
    tmp_path_factory: pytest.TempPathFactory,
    changes: list[tuple[str, int, bool]],
    compact_at: int,
    cut: int,
) -> None:
    """Whatever the changes and however often they are compacted, the files read as a plain
    model of them; a journal cut anywhere in its last line reads as the changes before it."""
    path = tmp_path_factory.mktemp("journal") / f"{A1}.json"
    file = ArticleFile(path, {"meta": {"1": {"schema": 1}}}, KEYS, compact_at=compact_at)
    file.ratio = 0.0
    model: dict[str, dict[str, Any]] = {"annotations": {}, "rejected": {}, "status": {}}
    before_last: dict[str, dict[str, Any]] | None = None
    journal = journal_of(path)
    written = False  # whether the last change wrote a journal line
    for number, (table, key, present) in enumerate(changes):
        before = json.loads(json.dumps(model))
        size = journal.stat().st_size if journal.exists() else 0
        written = _put(file, model, table, key, present, number)
        if written and journal.exists() and journal.stat().st_size > size:
            before_last = before
        else:
            before_last = None

    def by_key(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {"annotations": {}, "rejected": {}, "status": {}}
        for table in ("annotations", "rejected"):
            for doc in data.get(table, {}).values():
                found[table][doc[KEYS[table]]] = doc
        for doc in data.get("status", {}).values():
            found["status"]["status"] = doc
        return found

    assert by_key(read_data(path)) == model
    assert by_key(file.data) == model
    if before_last is not None:  # the last change is the journal's last line: cut it short
        raw = journal.read_bytes()
        last_start = raw.rstrip(b"\n").rfind(b"\n") + 1
        journal.write_bytes(raw[: last_start + cut % (len(raw) - last_start)])
        assert by_key(read_data(path)) == before_last


def _put(
    file: ArticleFile,
    model: dict[str, dict[str, Any]],
    table: str,
    key: int,
    present: bool,
    number: int,
) -> bool:
    """Make the change in the file and the model; whether it changed anything."""
    before = json.dumps(model, sort_keys=True)
    if table == "status":
        record = {"status": "done", "n": number} if present else None
        file.put({"status": {"status": record}})
        model["status"] = {"status": record} if record else {}
    else:
        field = KEYS[table]
        item = {field: f"k{key}", "n": number} if present else None
        file.put({table: {f"k{key}": item}})
        if item is None:
            model[table].pop(f"k{key}", None)
        else:
            model[table][f"k{key}"] = item
    return json.dumps(model, sort_keys=True) != before


def test_a_full_disk_mid_line_leaves_no_part_of_it_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from annotations import journal as journal_module

    with Store.open(tmp_path, "maria") as store:
        first = store.add(A1, 0, 6, "claim", TEXT[:6])
        store.add(A1, 7, 10, "claim", TEXT[7:10])
        path = folder(tmp_path) / f"{A1}.json"
        before = journal_of(path).read_bytes()
        real = os.write

        def half(fd: int, data: bytes) -> int:  # half the line lands, then the disk is full
            real(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(journal_module.os, "write", half)
        with pytest.raises(OSError, match="No space"):
            store.update(first.id, label="event")
        monkeypatch.undo()
        assert journal_of(path).read_bytes() == before
        assert store.get(first.id).label == "claim"  # type: ignore[union-attr]
        store.update(first.id, label="figure")
        killed(store)
    with Store.open(tmp_path, "maria") as store:
        assert store.check_files() == []
        assert store.get(first.id).label == "figure"  # type: ignore[union-attr]


def test_a_journal_whose_file_was_removed_is_set_aside_not_replayed(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        store.add(A1, 0, 6, "claim", TEXT[:6])  # makes the file
        old = store.add(A1, 7, 10, "claim", TEXT[7:10])  # in the journal
        killed(store)
    path = folder(tmp_path) / f"{A1}.json"
    path.unlink()  # by hand, leaving the journal
    with Store.open(tmp_path, "maria") as store:
        assert store.for_article(A1) == []
        new = store.add(A1, 20, 25, "event", TEXT[20:25])
        assert [a.id for a in store.for_article(A1)] == [new.id]
        (aside,) = store.set_aside()
        assert aside.path == journal_of(path) and old.id.encode() in aside.moved_to.read_bytes()  # type: ignore[union-attr]
