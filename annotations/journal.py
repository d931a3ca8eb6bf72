"""An article's TinyDB file written change by change: a snapshot and a journal beside it.

`<article>.json` is a TinyDB database (the snapshot), replaced whole and atomically
(annotations/storage.py). `<article>.journal` beside it holds the changes made since, one JSON
line per change, each line appended and fsynced before the change is acknowledged:

    {"ops": [["annotations", "5012", {...record...}], ["relations", "7", null]]}

Each op sets (or, with null, removes) one TinyDB document by its document id. What an article
holds is the snapshot with the journal's lines applied in order. Replaying a line is
idempotent (it sets documents to absolute values), so a journal left behind by a crash during
compaction, replayed over the snapshot that already holds it, gives the same tables.

Why: TinyDB's JSONStorage (and the atomic storage before this) rewrote the article's whole file
on every change. At 5,000 annotations that is 2 MB serialised and fsynced per keypress (40 ms
here, 151 ms on the machine the issue measured); a journal line is the change alone (a few
hundred bytes and one fsync). The journal is folded into a new snapshot when it grows past
the snapshot's own size (at least COMPACT_AT bytes), so reading stays linear and the amortised
cost of a change stays the size of the change; and when the store closes, so that files at
rest are plain TinyDB databases.

Crash guarantees (tests/annotations/test_journal.py kills writers at random moments):
- a change is acknowledged only after its line is fsynced: a SIGKILL or power cut loses none;
- a line cut short by a crash is the last one and is ignored (its change was never
  acknowledged); the writer cuts it off before appending, so lines never glue together;
- a line that is not the last and cannot be read is corruption, not a crash: the journal is
  set aside (never overwritten) and the article reads as its snapshot;
- compaction writes the new snapshot atomically first and removes the journal after: a crash
  between the two leaves a journal whose replay changes nothing.

Readers in other processes (an export, a teammate's agreement run) read the journal, then
check that the snapshot they read is still in place; when a compaction replaced it meanwhile
they read again, so they never apply an old journal to a new snapshot or miss a journal
folded into a snapshot they did not see.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations import storage
from annotations.storage import CorruptFile, parse_tables, quarantine

JOURNAL = ".journal"
COMPACT_AT = 256 * 1024  # bytes of journal before it is folded in, at the least
COMPACT_RATIO = 1.0  # ... and at least this many times the snapshot's size
_READ_ATTEMPTS = 50

Tables = dict[str, dict[str, Any]]
Op = tuple[str, str, Any]  # (table, document id, document or None)


def journal_of(path: Path) -> Path:
    """The journal beside an article's TinyDB file `<article>.json`."""
    return path.with_name(path.name.removesuffix(".json") + JOURNAL)


def signature(stat: os.stat_result) -> list[int]:
    """A file's identity: an atomic replace gives a new inode, an append or an edit in place
    a new size or modification time."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


@dataclass
class Read:
    """What an article's files held at one moment."""

    data: Tables | None  # None: there is no snapshot (the article has no file)
    identity: list[int] | None  # the snapshot's signature, the journal's after it if any
    journal_size: int  # bytes of whole lines in the journal
    journal_end: int  # bytes in the journal, a torn last line included
    snapshot_size: int


def read_tables(path: Path, move: bool) -> Read:
    """The tables of the article file `path` with its journal applied.

    Raises CorruptFile when the snapshot is not a TinyDB database or a journal line before the
    last cannot be read; `move`: set the file aside first (a writer), else leave it (a
    reader). A journal without a snapshot (the snapshot removed or set aside by hand) is not
    applied to nothing: the article reads as having no file.
    """
    journal = journal_of(path)
    for _ in range(_READ_ATTEMPTS):
        try:
            with open(path, "rb") as handle:
                stat: os.stat_result | None = os.fstat(handle.fileno())
                raw: bytes | None = handle.read()
        except FileNotFoundError:
            stat, raw = None, None
        try:
            with open(journal, "rb") as handle:
                journal_stat: os.stat_result | None = os.fstat(handle.fileno())
                lines = handle.read()
        except FileNotFoundError:
            journal_stat, lines = None, b""
        try:
            now: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            now = None
        if (stat is None) == (now is None) and (stat is None or stat.st_ino == now.st_ino):  # type: ignore[union-attr]
            break
    else:
        raise OSError(f"{path} was replaced {_READ_ATTEMPTS} times while it was being read")
    if stat is None or raw is None:
        return Read(None, None, 0, 0, 0)
    try:
        data = parse_tables(raw)
    except ValueError as exc:
        if move:
            problem = quarantine(path, str(exc))
            set_journal_aside(path)
            raise problem from None
        raise quarantine(path, str(exc), move=False) from None
    identity = signature(stat)
    size = 0
    if journal_stat is not None:
        try:
            size = apply_journal(data, lines)
        except ValueError as exc:
            raise quarantine(journal, str(exc), move=move) from None
        identity += [journal_stat.st_size, journal_stat.st_mtime_ns]
    return Read(data, identity, size, len(lines), stat.st_size)


def apply_journal(data: Tables, raw: bytes) -> int:
    """Apply the journal's whole lines to `data`; the number of bytes they take. ValueError
    saying which line when one before the last cannot be read."""
    size = 0
    lines = raw.split(b"\n")
    for number, line in enumerate(lines[:-1], 1):  # the last piece has no newline: torn
        try:
            ops = _ops(json.loads(line))
        except (ValueError, RecursionError, TypeError) as exc:
            raise ValueError(f"line {number} of its journal is not a change: {exc}") from None
        apply(data, ops)
        size += len(line) + 1
    return size


def _ops(entry: Any) -> list[Op]:
    if not isinstance(entry, dict) or not isinstance(entry.get("ops"), list):
        raise ValueError("no list of ops")
    ops = []
    for op in entry["ops"]:
        if (
            not isinstance(op, list)
            or len(op) != 3
            or not isinstance(op[0], str)
            or not isinstance(op[1], str)
            or not (op[2] is None or isinstance(op[2], dict))
        ):
            raise ValueError(f"an op is not [table, id, document or null]: {op!r:.80}")
        ops.append((op[0], op[1], op[2]))
    return ops


def apply(data: Tables, ops: Sequence[Op]) -> None:
    for table, doc_id, doc in ops:
        if doc is None:
            data.get(table, {}).pop(doc_id, None)
        else:
            data.setdefault(table, {})[doc_id] = doc


def set_journal_aside(path: Path) -> None:
    """Move the journal of `path` aside with it (its lines change a snapshot that is gone)."""
    journal = journal_of(path)
    if journal.exists():
        with contextlib.suppress(FileNotFoundError):
            quarantine(journal, "its article file could not be read")


class ArticleFile:
    """A writer's article file: its tables in memory, each change a durable journal line.

    Only the holder of the annotator's lock makes one, so nobody changes the files under it.
    `keys`: for each table written record by record, the field that names a record.
    """

    def __init__(
        self, path: Path, header: Tables, keys: Mapping[str, str], compact_at: int | None = None
    ) -> None:
        self.path = path
        self.journal = journal_of(path)
        self.header = header
        self.keys = keys
        self.compact_at = COMPACT_AT if compact_at is None else compact_at
        self.ratio = COMPACT_RATIO
        read = read_tables(path, move=True)
        self.exists = read.data is not None
        if not self.exists and self.journal.exists():
            # Changes to a file that is gone (removed by hand): replayed onto the file the next
            # change makes, they would bring back records. Kept aside, never deleted.
            with contextlib.suppress(FileNotFoundError):
                quarantine(self.journal, "its article file is not there")
            read = Read(None, None, 0, 0, 0)
        self.data: Tables = read.data or {}
        self.snapshot_size = read.snapshot_size
        self.signature = read.identity[:3] if read.identity else None
        self.journal_size = read.journal_size
        if read.journal_end > read.journal_size:  # a torn last line: cut off before appending
            with open(self.journal, "r+b") as handle:
                handle.truncate(read.journal_size)
                handle.flush()
                os.fsync(handle.fileno())
        self.version = 0  # counts changes: what was derived from the tables can say when
        self._index: dict[str, dict[str, list[str]]] = {}
        self._next: dict[str, int] = {}

    def stale(self) -> bool:
        """Whether the files are no longer what this holds: changed by someone else (a hand
        repair while assay runs, a file set aside). Two stats."""
        try:
            now: list[int] | None = signature(os.stat(self.path))
        except FileNotFoundError:
            now = None
        if now != self.signature:
            return True
        try:
            return os.stat(self.journal).st_size != self.journal_size
        except FileNotFoundError:
            return self.journal_size != 0

    # --- reading ------------------------------------------------------------------------

    def table(self, name: str) -> dict[str, Any]:
        """A table's documents by document id (do not change them)."""
        return self.data.get(name, {})

    def record(self, name: str, key: str) -> dict[str, Any] | None:
        """The record of table `name` whose key field is `key`."""
        ids = self._keyed(name).get(key)
        return self.data[name][ids[0]] if ids else None

    def _keyed(self, name: str) -> dict[str, list[str]]:
        index = self._index.get(name)
        if index is None:
            field = self.keys[name]
            index = {}
            for doc_id, doc in self.table(name).items():
                if isinstance(doc, dict):
                    index.setdefault(str(doc.get(field)), []).append(doc_id)
            self._index[name] = index
        return index

    # --- changing -----------------------------------------------------------------------

    def put(self, tables: Mapping[str, Mapping[str, Any]]) -> None:
        """Write records by key, {table: {key: record or None}} ("status": {"status": record
        or None}, its one document), as one change: durable when this returns, all of it or
        (after a crash) none of it."""
        ops: list[Op] = []
        for name, records in tables.items():
            if name == "status":
                ops += [(name, doc_id, None) for doc_id in self.table(name) if doc_id != "1"]
                record = records.get("status")
                if record is not None:
                    ops.append((name, "1", dict(record)))
                elif "1" in self.table(name):
                    ops.append((name, "1", None))
                continue
            index = self._keyed(name)
            for key, record in records.items():
                ids = index.get(str(key), [])
                ops += [(name, doc_id, None) for doc_id in ids[1:]]
                if record is not None:
                    ops.append((name, ids[0] if ids else self._new_id(name), dict(record)))
                elif ids:
                    ops.append((name, ids[0], None))
        if ops:
            self._write(ops)

    def _new_id(self, name: str) -> str:
        number = self._next.get(name)
        if number is None:
            number = max((int(k) for k in self.table(name) if k.isdigit()), default=0) + 1
        self._next[name] = number + 1
        return str(number)

    def _write(self, ops: list[Op]) -> None:
        if not self.exists:
            # The article's first change makes its file, header and all: a listing of the
            # folder finds the article, and the file is small.
            data = {name: dict(docs) for name, docs in self.data.items()}
            apply(data, ops)
            self._snapshot(data)
            self.data = data
        else:
            line = json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":"))
            self._append(line.encode("utf-8") + b"\n")
            for table, doc_id, doc in ops:
                self._reindex(table, doc_id, doc)
            apply(self.data, ops)
        self.version += 1
        if self.journal_size > max(self.compact_at, self.snapshot_size * self.ratio):
            with contextlib.suppress(OSError):  # the journal holds it all: only speed is at stake
                self.compact()

    def _reindex(self, table: str, doc_id: str, doc: dict[str, Any] | None) -> None:
        index = self._index.get(table)
        if index is None:
            return
        old = self.table(table).get(doc_id)
        field = self.keys[table]
        if isinstance(old, dict):
            ids = index.get(str(old.get(field)), [])
            if doc_id in ids:
                ids.remove(doc_id)
                if not ids:
                    del index[str(old.get(field))]
        if doc is not None:
            index.setdefault(str(doc.get(field)), []).append(doc_id)

    def _append(self, line: bytes) -> None:
        fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            try:
                written = os.write(fd, line)
                while written < len(line):  # a short write (a signal, a nearly full disk)
                    written += os.write(fd, line[written:])
                os.fsync(fd)
            except BaseException:
                # A part of the line may be there (a full disk): cut it off, or the next line
                # would be glued to it. The change was not made.
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, self.journal_size)
                raise
        finally:
            os.close(fd)
        self.journal_size += len(line)

    def compact(self) -> None:
        """Fold the journal into a new snapshot (atomic), then remove the journal."""
        if not self.exists or self.journal_size == 0:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.journal)  # holding nothing (a torn line cut off)
            return
        self._snapshot(self.data)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.journal)
        self.journal_size = 0

    def _snapshot(self, data: Tables) -> None:
        missing = {name: table for name, table in self.header.items() if name not in data}
        if missing:
            data.update({name: {k: dict(d) for k, d in t.items()} for name, t in missing.items()})
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        storage.write_atomically(self.path, payload)
        self.exists = True
        self.snapshot_size = len(payload)
        self.signature = signature(os.stat(self.path))
        self._index.clear()
        self._next.clear()


def read_data(path: Path) -> Tables:
    """A reader's look at an article file: its tables, journal applied ({} when none)."""
    return read_tables(path, move=False).data or {}


__all__ = [
    "COMPACT_AT",
    "JOURNAL",
    "ArticleFile",
    "CorruptFile",
    "Read",
    "journal_of",
    "read_data",
    "read_tables",
    "signature",
]
