"""The annotation store: one TinyDB file per (annotator, article), and an undo history.

Layout under a workspace folder:

    annotations/<annotator>/<article_id>.json   TinyDB: tables meta, annotations, status,
                                                rejected (suggestions the annotator turned down)
    annotations/<annotator>/history.jsonl       append-only log of changes, undos and redos
    annotations/<annotator>/.lock               held by the one writer for this annotator

One file per article keeps every write small (TinyDB rewrites its whole file on each write:
44 ms per insert at 10k annotations in one file, 281 ms at 50k). Each write is atomic and
fsynced (annotations/storage.py), so an annotation is on disk when `add` returns. The
history is a log rather than a TinyDB table for the same reason: appending a line and fsyncing
it costs the same at 50 annotations or 50,000. It keeps the last UNDO_DEPTH changes, across
restarts.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from annotations.model import DEFAULT_LABELS, STATUSES, Annotation, article_of, new_id, now
from annotations.storage import AtomicJSONStorage, CorruptFile, quarantine, write_atomically

SCHEMA = 1
UNDO_DEPTH = 1000
ANNOTATOR_NAME = re.compile(r"^[\w.@+-]{1,64}$")
ARTICLE_ID = re.compile(r"^[0-9a-f]{16}$")
_EDITABLE = frozenset({"start", "end", "label", "text", "note", "attrs", "origin"})


class StoreError(Exception):
    """A store operation that cannot be done; the message says why and what to do."""


class ReadOnlyStore(StoreError):
    """Raised by every change while another assay holds this annotator's lock."""


@dataclass(frozen=True)
class Change:
    """One undoable change: an annotation's or a status's state before and after."""

    kind: str  # "annotation" | "status" | "rejection" | "group"
    article_id: str
    key: str  # the annotation id, "status", the suggestion's key, or "group"
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "article_id": self.article_id, "key": self.key,
                "before": self.before, "after": self.after}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        return cls(data["kind"], data["article_id"], data["key"], data["before"], data["after"])


@dataclass(frozen=True)
class ArticleState:
    """What one annotator has on one article."""

    annotations: list[Annotation]
    status: str  # "todo", "in progress" or "done"
    status_set_at: str | None  # when the status was set explicitly (ISO 8601 UTC), if ever
    rejected: frozenset[str] = frozenset()  # keys of the suggestions turned down


class Store:
    """Annotations of one annotator in one workspace. Use `Store.open(...)`."""

    def __init__(
        self,
        folder: Path,
        annotator: str,
        read_only: bool,
        read_only_reason: str | None,
        lock_fd: int | None,
        labels: Sequence[str] | None,
    ) -> None:
        self.folder = folder
        self.annotator = annotator
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.labels = tuple(labels) if labels is not None else None
        self._lock_fd = lock_fd
        self._dbs: dict[str, TinyDB] = {}
        self._history = _History(folder / "history.jsonl", writable=not read_only)

    # --- opening and closing ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        workspace: str | os.PathLike[str],
        annotator: str,
        read_only: bool = False,
        labels: Sequence[str] | None = DEFAULT_LABELS,
    ) -> Store:
        """Open (creating if needed) the annotator's store in `workspace`.

        When another process holds the annotator's lock the store opens read-only and
        `read_only_reason` says which process; changes then raise `ReadOnlyStore`.
        `labels=None` accepts any label.
        """
        if not ANNOTATOR_NAME.match(annotator):
            raise StoreError(
                f"annotator name {annotator!r} cannot name a folder: use letters, digits, "
                f"and . _ @ + - (at most 64)"
            )
        folder = Path(workspace) / "annotations" / annotator
        reason = None
        lock_fd = None
        if not read_only:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create {folder}: {exc.strerror}") from exc
            lock_fd, holder = _take_lock(folder / ".lock")
            if lock_fd is not None:
                # Temporary files of writes cut short by a crash: with the lock held, nobody
                # else can be writing them.
                for stale in folder.glob(".*.tmp"):
                    stale.unlink(missing_ok=True)
            if lock_fd is None:
                read_only = True
                reason = (
                    f"another assay (process {holder or 'unknown'}) is annotating as "
                    f"{annotator} in this workspace; this one is read-only and saves nothing"
                )
        return cls(folder, annotator, read_only, reason, lock_fd, labels)

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------

    def get(self, annotation_id: str) -> Annotation | None:
        article_id = article_of(annotation_id)
        if not ARTICLE_ID.match(article_id):
            return None
        found = self._table(article_id).get(Query().id == annotation_id)
        return Annotation.from_dict(found) if isinstance(found, dict) else None

    def for_article(self, article_id: str) -> list[Annotation]:
        """The article's annotations in reading order."""
        return self.article_state(article_id).annotations

    def article_state(self, article_id: str) -> ArticleState:
        """The article's annotations and status from one read of its file (export and stats
        read thousands of files; TinyDB would read a file again for every table)."""
        if not ARTICLE_ID.match(article_id):
            return ArticleState([], "todo", None, frozenset())
        if self.read_only:  # no TinyDB object needed, and the schema is checked on this read
            path = self.folder / f"{article_id}.json"
            data = AtomicJSONStorage(path, read_only=True).read() or {}
            _check_schema(path, data.get("meta", {}).values())
        else:
            data = self._db(article_id).storage.read() or {}
        try:
            docs = data.get("annotations", {}).values()
            found = sorted(
                (Annotation.from_dict(d) for d in docs),
                key=lambda a: (a.start, a.end, a.created_at, a.id),
            )
            rejected = frozenset(str(d["key"]) for d in data.get("rejected", {}).values())
            explicit = next(iter(data.get("status", {}).values()), None)
            if explicit is None:
                return ArticleState(found, "in progress" if found else "todo", None, rejected)
            status = explicit["status"]
            if status not in STATUSES:
                raise ValueError(f"unknown status {status!r}")
            stamp = explicit.get("updated_at")
            return ArticleState(found, status, stamp if isinstance(stamp, str) else None, rejected)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # Valid JSON with a broken record (a hand repair gone wrong): say which file, and
            # leave it where it is for the person to fix.
            raise CorruptFile(
                self.folder / f"{article_id}.json", None, f"a record in it is not valid: {exc}"
            ) from None

    def has_span(self, article_id: str, start: int, end: int, label: str) -> bool:
        """Whether the article has an annotation of `label` on exactly `[start, end)`."""
        if not ARTICLE_ID.match(article_id):
            return False
        q = Query()
        return bool(self._table(article_id).contains(
            (q.start == start) & (q.end == end) & (q.label == label)))  # fmt: skip

    def article_ids(self) -> list[str]:
        """Articles with a file in this store (annotated, or given a status)."""
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if ARTICLE_ID.match(p.stem))

    def all(self) -> Iterator[Annotation]:
        for article_id in self.article_ids():
            yield from self.for_article(article_id)

    def status(self, article_id: str) -> str:
        """ "todo", "in progress" or "done": set explicitly, else by whether it has annotations."""
        return self.article_state(article_id).status

    # --- changing -----------------------------------------------------------------------

    def add(
        self,
        article_id: str,
        start: int,
        end: int,
        label: str,
        text: str,
        *,
        note: str = "",
        attrs: Mapping[str, Any] | None = None,
        origin: str = "manual",
    ) -> Annotation:
        """Add an annotation; it is durable on disk when this returns."""
        self._writable()
        self._check_article(article_id)
        self._check_label(label)
        stamp = now()
        annotation = Annotation(
            id=new_id(article_id), article_id=article_id, start=start, end=end, label=label,
            text=text, note=note, attrs=dict(attrs or {}), annotator=self.annotator,
            origin=origin, created_at=stamp, updated_at=stamp,
        )  # fmt: skip
        self._apply(Change("annotation", article_id, annotation.id, None, annotation.to_dict()))
        return annotation

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change label, boundaries (with text), note, attrs or origin of an annotation."""
        self._writable()
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise StoreError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        old = self._require(annotation_id)
        if "label" in changes:
            self._check_label(changes["label"])
        data = {**old.to_dict(), **changes, "updated_at": now()}
        try:
            new = Annotation.from_dict(data)
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        self._apply(Change("annotation", old.article_id, old.id, old.to_dict(), new.to_dict()))
        return new

    def delete(self, annotation_id: str) -> Annotation:
        self._writable()
        old = self._require(annotation_id)
        self._apply(Change("annotation", old.article_id, old.id, old.to_dict(), None))
        return old

    def add_group(self, article_id: str, items: Sequence[Mapping[str, Any]]) -> list[Annotation]:
        """Add several annotations as one change: one durable write, and one undo takes them
        all back (accepting every suggestion of a kind is one action for the annotator).
        Items are as for `add_many`."""
        self._writable()
        self._check_article(article_id)
        made = self._made(article_id, items)
        if made:
            before = {a.id: None for a in made}
            self._apply(Change("group", article_id, "group", before,
                               {a.id: a.to_dict() for a in made}))  # fmt: skip
        return made

    def reject(self, article_id: str, key: str, detail: Mapping[str, Any] | None = None) -> None:
        """Remember that the suggestion `key` was turned down, so it is not offered again;
        `detail` (what it was) is kept beside it for the record. Undoable."""
        self._writable()
        self._check_article(article_id)
        if key in self.article_state(article_id).rejected:
            return
        record = {"key": key, **dict(detail or {}), "rejected_at": now()}
        self._apply(Change("rejection", article_id, key, None, record))

    def add_many(
        self, article_id: str, items: Sequence[Mapping[str, Any]], status: str | None = None
    ) -> list[Annotation]:
        """Add annotations to one article in one durable write, outside the undo history.

        For import: thousands of annotations would otherwise take thousands of writes and
        flood the undo history that the annotator's own keystrokes live in. Items are
        mappings with `start`, `end`, `label`, `text` and optionally `note`, `attrs`,
        `origin`; all are checked before anything is written. `status` is set only when the
        article has none yet: an import never overrides the annotator's own decision.
        """
        if status is not None and status not in STATUSES:
            raise StoreError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        self._writable()
        self._check_article(article_id)
        made = self._made(article_id, items)
        if made:
            self._table(article_id).insert_multiple(a.to_dict() for a in made)
        if status is not None and self._status(article_id) is None:
            self._db(article_id).table("status").insert({"status": status, "updated_at": now()})
        return made

    def _made(self, article_id: str, items: Sequence[Mapping[str, Any]]) -> list[Annotation]:
        """Annotations from `items`, every one checked before anything is written."""
        stamp = now()
        made = []
        for item in items:
            self._check_label(str(item["label"]))
            try:
                made.append(Annotation(
                    id=new_id(article_id), article_id=article_id, start=item["start"],
                    end=item["end"], label=item["label"], text=item["text"],
                    note=item.get("note", ""), attrs=dict(item.get("attrs") or {}),
                    annotator=self.annotator, origin=item.get("origin", "manual"),
                    created_at=stamp, updated_at=stamp,
                ))  # fmt: skip
            except (TypeError, ValueError, KeyError) as exc:
                raise StoreError(str(exc)) from exc
        return made

    def remove_many(
        self, article_id: str, annotation_ids: Sequence[str], clear_status: bool = False
    ) -> None:
        """Remove annotations of one article (and its status) outside the undo history, to
        take back an import that could not finish."""
        self._writable()
        self._table(article_id).remove(Query().id.one_of(list(annotation_ids)))
        if clear_status:
            self._db(article_id).table("status").truncate()

    def set_status(self, article_id: str, status: str) -> None:
        self._writable()
        self._check_article(article_id)
        if status not in STATUSES:
            raise StoreError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        before = self._status(article_id)
        if before != status:
            self._apply(Change("status", article_id, "status", before, status))

    def undo(self) -> Change | None:
        """Undo the last change (also one made before a restart); None when there is none."""
        self._writable()
        change = self._history.peek_undo()
        if change is None:
            return None
        self._put(change, change.before)
        self._history.record_undo()
        return change

    def redo(self) -> Change | None:
        self._writable()
        change = self._history.peek_redo()
        if change is None:
            return None
        self._put(change, change.after)
        self._history.record_redo()
        return change

    @property
    def can_undo(self) -> bool:
        return self._history.peek_undo() is not None

    @property
    def can_redo(self) -> bool:
        return self._history.peek_redo() is not None

    # --- internals ----------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStore(self.read_only_reason or "this store was opened read-only")

    def _check_article(self, article_id: str) -> None:
        if not ARTICLE_ID.match(article_id):
            raise StoreError(f"{article_id!r} is not an article id (16 hex digits)")

    def _check_label(self, label: str) -> None:
        if self.labels is not None and label not in self.labels:
            raise StoreError(f"unknown label {label!r}; labels are {', '.join(self.labels)}")

    def _require(self, annotation_id: str) -> Annotation:
        found = self.get(annotation_id)
        if found is None:
            raise StoreError(f"no annotation {annotation_id!r}")
        return found

    def _apply(self, change: Change) -> None:
        # The article file first: if the process dies between the two writes, the work is
        # kept and only its undo entry is lost.
        self._put(change, change.after, fresh=True)
        self._history.record(change)

    def _put(self, change: Change, state: Any, fresh: bool = False) -> None:
        """Write `state` for the change's key. `fresh`: a new annotation's first write (an
        undo or redo may find its record there already, after a crash between the article's
        write and the history's)."""
        db = self._db(change.article_id)
        if change.kind == "group":  # {id: record or None}: one write each way
            table = db.table("annotations")
            ids = list(state)
            table.remove(Query().id.one_of(ids))
            records = [dict(r) for r in state.values() if r is not None]
            if records:
                table.insert_multiple(records)
            return
        if change.kind == "rejection":
            table = db.table("rejected")
            if state is None:
                table.remove(Query().key == change.key)
            else:
                table.upsert(dict(state), Query().key == change.key)
            return
        if change.kind == "status":
            table = db.table("status")
            if state is None:
                table.truncate()
            else:
                table.upsert({"status": state, "updated_at": now()}, Query().status.exists())
            return
        table = db.table("annotations")
        if state is None:
            table.remove(Query().id == change.key)
        elif fresh and change.before is None:  # a new id: one write (upsert writes twice)
            table.insert(dict(state))
        else:
            table.upsert(dict(state), Query().id == change.key)

    def _status(self, article_id: str) -> str | None:
        docs = self._db(article_id).table("status").all()
        return str(docs[0]["status"]) if docs else None

    def _table(self, article_id: str) -> Any:
        return self._db(article_id).table("annotations")

    def _db(self, article_id: str) -> TinyDB:
        db = self._dbs.get(article_id)
        if db is None:
            path = self.folder / f"{article_id}.json"
            db = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
            meta = db.table("meta").all()
            _check_schema(path, meta)
            if not meta and not self.read_only:
                db.table("meta").insert(
                    {"schema": SCHEMA, "article_id": article_id, "annotator": self.annotator}
                )
            self._dbs[article_id] = db
        return db


def _check_schema(path: Path, meta: Iterable[Mapping[str, Any]]) -> None:
    for doc in meta:
        try:
            schema = int(doc.get("schema", 0))
        except (TypeError, ValueError, AttributeError):
            raise CorruptFile(path, None, "its schema version is not a number") from None
        if schema > SCHEMA:
            raise StoreError(
                f"{path} was written by a newer assay (schema {doc['schema']}); "
                f"upgrade assay to read it"
            )


def _take_lock(path: Path) -> tuple[int | None, str | None]:
    """An exclusive lock on `path`, or (None, the holder's pid as it wrote it)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or None
        os.close(fd)
        return None, holder
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd, None


class _History:
    """Undo and redo stacks kept as an append-only log, replayed at open.

    Lines: {"op": "change", ...}, {"op": "undo"}, {"op": "redo"}, and {"op": "snapshot"} at
    the top after compaction. A torn last line (a crash mid-append) is ignored.
    """

    def __init__(self, path: Path, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self.applied: list[Change] = []
        self.undone: list[Change] = []
        self.lines = 0
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        lines = raw.split(b"\n")
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                self._replay(entry)
            except (ValueError, KeyError, TypeError, IndexError):
                if number >= len(lines) - 2:
                    continue  # a torn last line: the change it described is in the file
                if self.writable:
                    raise quarantine(
                        self.path, f"line {number + 1} is not a history entry"
                    ) from None
                return
            self.lines += 1

    def _replay(self, entry: Mapping[str, Any]) -> None:
        op = entry["op"]
        if op == "change":
            self.applied.append(Change.from_dict(entry))
            self.undone.clear()
            del self.applied[:-UNDO_DEPTH]
        elif op == "undo":
            self.undone.append(self.applied.pop())
        elif op == "redo":
            self.applied.append(self.undone.pop())
        elif op == "snapshot":
            self.applied = [Change.from_dict(c) for c in entry["applied"]]
            self.undone = [Change.from_dict(c) for c in entry["undone"]]
        else:
            raise ValueError(op)

    def peek_undo(self) -> Change | None:
        return self.applied[-1] if self.applied else None

    def peek_redo(self) -> Change | None:
        return self.undone[-1] if self.undone else None

    def record(self, change: Change) -> None:
        self._append({"op": "change", **change.to_dict()})

    def record_undo(self) -> None:
        self._append({"op": "undo"})

    def record_redo(self) -> None:
        self._append({"op": "redo"})

    def _append(self, entry: dict[str, Any]) -> None:
        self._replay(entry)
        if self.lines >= 4 * UNDO_DEPTH:
            self._compact()
            return
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        self.lines += 1

    def _compact(self) -> None:
        snapshot = {
            "op": "snapshot",
            "applied": [c.to_dict() for c in self.applied],
            "undone": [c.to_dict() for c in self.undone],
        }
        write_atomically(self.path, (json.dumps(snapshot, ensure_ascii=False) + "\n").encode())
        self.lines = 1
