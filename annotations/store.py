"""The annotation store: one TinyDB file per (annotator, article), and an undo history.

Layout under a workspace folder:

    annotations/<annotator>/<article_id>.json   TinyDB: tables meta, annotations, status,
                                                rejected (suggestions the annotator turned down),
                                                unplaced (annotations of an earlier text of the
                                                article that could not be placed on this one)
    annotations/<annotator>/history.jsonl       append-only log of changes, undos and redos
    annotations/<annotator>/.lock               held by the one writer for this annotator

One file per article keeps every write small (TinyDB rewrites its whole file on each write:
44 ms per insert at 10k annotations in one file, 281 ms at 50k). Each write is atomic and
fsynced (annotations/storage.py), so an annotation is on disk when `add` returns. The
history is a log rather than a TinyDB table for the same reason: appending a line and fsyncing
it costs the same at 50 annotations or 50,000. It keeps the last UNDO_DEPTH changes, across
restarts.

An article's file is created by its first change: reading never writes, so opening articles
in the reader leaves no trace. A store whose folder cannot be written (a read-only mount, no
permission) opens read-only and says why, as when another assay holds the lock. Every public
method holds the store's lock, so `check_files` can run in a thread of its own beside the one
that uses the store.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import json
import os
import re
import threading
import unicodedata
from bisect import insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar, cast

from annotations.journal import (
    JOURNAL,
    ArticleFile,
    apply_journal,
    journal_of,
    read_tables,
    set_journal_aside,
    signature,
)
from annotations.model import (
    DEFAULT_LABELS,
    SOURCE,
    STATUSES,
    Annotation,
    Relation,
    Unplaced,
    article_of,
    new_id,
    now,
)
from annotations.reanchor import place
from annotations.storage import (
    CORRUPT_MARK,
    CorruptFile,
    parse_tables,
    quarantine,
    write_atomically,
)
from corpus.article import Article

SCHEMA = 1
UNDO_DEPTH = 1000
ANNOTATOR_NAME = re.compile(r"^[\w.@+-]{1,64}\Z")
ARTICLE_ID = re.compile(r"^[0-9a-f]{16}$")
_EDITABLE = frozenset({"start", "end", "label", "text", "note", "attrs", "origin"})
# What a workspace or a store keeps beside annotators' folders, compared without case (a file
# system that ignores case takes "Articles" for "articles"): an annotator of such a name would
# be a folder that export and stats take for something else, or never see. Names starting
# with a dot are refused too: ".", "..", the lock, temporary files.
RESERVED_NAMES = frozenset({"articles", "annotations", "history.jsonl"})
RESERVED_ENDINGS = (".json", ".jsonl", ".tmp")  # article files, the log, temporary files
# Tables of an article's file that a change writes record by record, and each record's key.
_RECORD_KEYS = {"annotations": "id", "unplaced": "id", "rejected": "key", "relations": "id"}
# Changes that touch several tables or articles at once (Change.before/after hold records):
# "linked" is one that adds or removes relations (with the annotations they link, if any).
RECORD_KINDS = frozenset({"move", "placement", "unplaced", "linked"})
_CANNOT_WRITE = {
    errno.EROFS: "the file system is mounted read-only",
    errno.EACCES: "you have no permission to write there",
    errno.EPERM: "you have no permission to write there",
}
_Method = TypeVar("_Method", bound=Callable[..., Any])
# In an annotator's folder: the identity of each article file the last check found sound.
CHECKED = ".checked.json"


class StoreError(Exception):
    """A store operation that cannot be done; the message says why and what to do."""


class ReadOnlyStore(StoreError):
    """Raised by every change to a read-only store (`read_only_reason` says why)."""


def annotator_name(raw: str) -> str:
    """`raw` as an annotator name, or StoreError saying why it cannot be one.

    Names are compared after Unicode NFKC normalisation, so "ｍａｒｉａ" is "maria": this is
    the one place a name is checked and normalised (--annotator, the login name, Store.open).
    A name is a folder of the workspace: letters, digits and . _ @ + - (at most 64), not
    starting with a dot, and none of RESERVED_NAMES or ending in RESERVED_ENDINGS.
    """
    name = unicodedata.normalize("NFKC", raw) if isinstance(raw, str) else ""
    problem = _name_problem(name)
    if problem:
        raise StoreError(f"annotator name {raw!r} {problem}")
    return name


def _name_problem(name: str) -> str | None:
    if not name:
        return "is empty"
    if name in (".", ".."):
        return "names a folder's own or parent folder, not a folder of its own"
    if not ANNOTATOR_NAME.fullmatch(name):
        return "cannot name a folder: use letters, digits, and . _ @ + - (at most 64)"
    if name.startswith("."):
        return "starts with a dot, as the store's hidden lock and temporary files do"
    folded = name.casefold()
    if folded in RESERVED_NAMES or folded.endswith(RESERVED_ENDINGS) or CORRUPT_MARK in folded:
        return (
            "is the name of a file or folder the workspace keeps (articles, annotations, "
            "history.jsonl, and names ending in .json, .jsonl or .tmp or holding .corrupt-)"
        )
    return None


def _locked(method: _Method) -> _Method:
    """Run the method holding the store's lock (one thread at a time in its files)."""

    @functools.wraps(method)
    def run(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return cast(_Method, run)


@dataclass(frozen=True)
class Change:
    """One undoable change: an annotation's or a status's state before and after."""

    kind: str  # "annotation" | "status" | "rejection" | "group"
    article_id: str
    key: str  # the annotation id, "status", the suggestion's key, or "group"
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "article_id": self.article_id,
            "key": self.key,
            "before": self.before,
            "after": self.after,
        }

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
    # Annotations of an earlier text of the article that could not be placed on this one.
    unplaced: tuple[Unplaced, ...] = ()
    status_is_set: bool = False  # the annotator (or an import) set the status
    # Links between the annotations (and unplaced annotations) above, by annotation id.
    relations: tuple[Relation, ...] = ()
    # The records of the suggestions turned down (key, kind, start, end, label, text,
    # rejected_at), as the store keeps them: read by an export of negatives.
    rejections: tuple[Mapping[str, Any], ...] = ()

    @property
    def touched(self) -> bool:
        """Whether the annotator did anything here: a file holding nothing (only its meta
        table, as opening an article in the reader used to leave) is no answer."""
        return bool(self.annotations or self.unplaced or self.rejected or self.status_is_set)


@dataclass(frozen=True)
class Moved:
    """What `Store.move_article` did: the annotations of `old_id` now on `new_id`."""

    old_id: str
    new_id: str
    placed: list[Annotation]  # the new annotations; `moved_from["how"]` is exact or fuzzy
    unplaced: list[Unplaced]  # kept in the new article's file for the annotator to fix
    status: str | None  # the new article's status set by the move, if it set one

    @property
    def fuzzy(self) -> int:
        """Annotations placed on words like, but not the same as, the ones annotated."""
        return sum(1 for a in self.placed if (a.moved_from or {}).get("how") == "fuzzy")

    def describe(self) -> str:
        """One sentence for the annotator."""
        count = len(self.placed)
        message = f"{count} annotation{'' if count == 1 else 's'} moved to the edited text"
        if self.fuzzy:
            message += f" ({self.fuzzy} on words that changed: check them)"
        if self.unplaced:
            message += f", {len(self.unplaced)} could not be placed"
        return message


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
        self._lock = threading.RLock()
        # The writer's open article files (their tables in memory, changes journaled), and
        # what was parsed from them: the state at a version, each annotation by document.
        self._files: dict[str, ArticleFile] = {}
        self._states: dict[str, tuple[int, ArticleState]] = {}
        self._memos: dict[str, dict[str, tuple[dict[str, Any], Annotation]]] = {}
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

        `annotator` goes through `annotator_name` (StoreError when it cannot be a name, or
        differs only in case from an annotator the workspace has). When another process holds
        the annotator's lock, or the folder cannot be written (a read-only mount, no
        permission), the store opens read-only, reads everything, and `read_only_reason` says
        why in a sentence; changes then raise `ReadOnlyStore`. `labels=None` accepts any label.
        """
        annotator = annotator_name(annotator)
        folder = _annotator_folder(Path(workspace), annotator)
        reason = None
        lock_fd = None
        if not read_only:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                lock_fd, holder = _take_lock(folder / ".lock")
                if lock_fd is not None and not os.access(folder, os.W_OK | os.X_OK):
                    _release(lock_fd)
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
            except OSError as exc:
                if exc.errno not in _CANNOT_WRITE:
                    raise StoreError(f"cannot open {folder}: {exc.strerror or exc}") from exc
                return cls(folder, annotator, True, _unwritable(folder, exc), None, labels)
            if lock_fd is not None:
                # Temporary files of writes cut short by a crash: with the lock held, nobody
                # else can be writing them.
                for stale in folder.glob(".*.tmp"):
                    with contextlib.suppress(OSError):
                        stale.unlink(missing_ok=True)
            if lock_fd is None:
                read_only = True
                reason = (
                    f"another assay (process {holder or 'unknown'}) is annotating as "
                    f"{annotator} in this workspace; this one is read-only and saves nothing"
                )
        return cls(folder, annotator, read_only, reason, lock_fd, labels)

    @_locked
    def close(self) -> None:
        # Journals folded into their files, so that files at rest are plain TinyDB databases;
        # one that cannot be (a full disk) stays, and is read with its file next time.
        for file in self._files.values():
            with contextlib.suppress(OSError):
                if not file.stale():  # else changed by hand meanwhile: theirs is left as it is
                    file.compact()
        self._files.clear()
        self._states.clear()
        self._memos.clear()
        if self._lock_fd is not None:
            _release(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------

    @_locked
    def get(self, annotation_id: str) -> Annotation | None:
        article_id = article_of(annotation_id)
        if not ARTICLE_ID.match(article_id):
            return None
        if self.read_only:
            docs = self._data(article_id).get("annotations", {}).values()
            found = next((d for d in docs if d.get("id") == annotation_id), None)
        else:
            found = self._file(article_id).record("annotations", annotation_id)
        return Annotation.from_dict(found) if isinstance(found, dict) else None

    def for_article(self, article_id: str) -> list[Annotation]:
        """The article's annotations in reading order."""
        return self.article_state(article_id).annotations

    @_locked
    def article_state(self, article_id: str) -> ArticleState:
        """The article's annotations and status from one read of its file (export and stats
        read thousands of files; TinyDB would read a file again for every table)."""
        if not ARTICLE_ID.match(article_id):
            return ArticleState([], "todo", None, frozenset())
        if self.read_only:
            return self._parsed(article_id, self._data(article_id))
        # The writer's: kept until the next change, and each annotation parsed once (a
        # change to a 5,000-annotation article parses one record, not 5,000).
        file = self._file(article_id)
        kept = self._states.get(article_id)
        if kept is not None and kept[0] == file.version:
            return kept[1]
        memo = self._memos.setdefault(article_id, {})
        before = kept[1].annotations if kept is not None else None
        state = self._parsed(article_id, file.data, memo, before)
        self._states[article_id] = (file.version, state)
        return state

    @_locked
    def article_state_read(self, article_id: str) -> tuple[ArticleState, list[int] | None]:
        """`article_state`, and the identity (inode, size, modification time) of the file it
        was read from: the open file's, so it is the identity of the bytes parsed even when
        the file is replaced meanwhile. None when there was no file, or the store is writable
        (its writer may hold changes TinyDB has not written): a cache of what files hold
        (annotations/spancache.py) keys its entries by it."""
        if not self.read_only or not ARTICLE_ID.match(article_id):
            return self.article_state(article_id), None
        path = self.folder / f"{article_id}.json"
        read = read_tables(path, move=False)
        data = read.data or {}
        _check_schema(path, data.get("meta", {}).values())
        # A file with a journal is being written (or its writer was killed): not kept.
        identity = read.identity if read.identity and len(read.identity) == 3 else None
        return self._parsed(article_id, data), identity

    @_locked
    def has_span(self, article_id: str, start: int, end: int, label: str) -> bool:
        """Whether the article has an annotation of `label` on exactly `[start, end)`."""
        return self.find_span(article_id, start, end, label) is not None

    @_locked
    def find_span(self, article_id: str, start: int, end: int, label: str) -> Annotation | None:
        """The article's annotation of `label` on exactly `[start, end)`, if it has one (a
        query of the article's table: the whole state is not built)."""
        if not ARTICLE_ID.match(article_id):
            return None
        for doc in self._data(article_id).get("annotations", {}).values():
            if doc.get("start") == start and doc.get("end") == end and doc.get("label") == label:
                return Annotation.from_dict(doc)
        return None

    def article_ids(self) -> list[str]:
        """Articles with a file in this store (annotated, or given a status; files that hold
        nothing are listed too: `ArticleState.touched` tells them apart)."""
        return [n[:-5] for n in self._names() if n.endswith(".json") and ARTICLE_ID.match(n[:-5])]

    def all(self) -> Iterator[Annotation]:
        for article_id in self.article_ids():
            yield from self.for_article(article_id)

    def status(self, article_id: str) -> str:
        """ "todo", "in progress" or "done": set explicitly, else by whether it has annotations."""
        return self.article_state(article_id).status

    # --- checking -----------------------------------------------------------------------

    def check_files(self) -> list[CorruptFile]:
        """Every file of this store that cannot be read, checked whole (JSON and records):
        article files, the history log, and files set aside by earlier runs (`earlier`).

        A writable store moves each unreadable file aside (never overwriting anything), so the
        article starts afresh; a read-only one only lists them. (Reading an article moves only
        a file that is not JSON at all: one with a broken record stays where it is until this
        check, in case someone is repairing it by hand.)

        For start-up, in a thread of its own if need be (each file is checked holding the
        store's lock, so another thread can use the store meanwhile). A writable store keeps
        the identity (inode, size, modification time) of every file found sound in CHECKED,
        so a later check reads only the files changed since: bench/store.py measures both at
        10,000 files.
        """
        found = self.set_aside()
        known = self._checked()
        sound: dict[str, list[int]] = {}
        for name in self._names():
            if not (name.endswith(".json") and ARTICLE_ID.match(name[:-5])):
                continue
            path = self.folder / name
            try:
                identity: list[int] | None = _identity(path)
            except FileNotFoundError:
                continue
            if known.get(name) != identity:
                problem, identity = self._check_file(path)
                if problem is not None:
                    found.append(problem)
                    continue
            if identity is not None:
                sound[name] = identity
        if not self.read_only and sound != known:
            with contextlib.suppress(OSError):  # only a shortcut for the next check is lost
                payload = json.dumps({"version": 1, "files": sound}, separators=(",", ":"))
                write_atomically(self.folder / CHECKED, payload.encode())
        history = self._history.problem
        if history is not None:  # set aside when the store opened: not an earlier run's
            found = [c for c in found if c.moved_to != history.moved_to or c is history]
            found.append(history)
        return sorted(found, key=lambda c: (str(c.path), str(c.moved_to)))

    def set_aside(self) -> list[CorruptFile]:
        """Files set aside by earlier runs because they could not be read (their annotations
        are not loaded until someone repairs them): one listing of the folder."""
        found = []
        for name in self._names():
            if CORRUPT_MARK not in name or name.startswith("."):
                continue
            path = self.folder / name
            original = self.folder / name.split(CORRUPT_MARK, 1)[0]
            if original.name == self._history.path.name:
                reason = "a line in it is not a history entry"
            elif original.name.endswith(JOURNAL):
                reason = _why_journal_unreadable(path)
            else:
                reason = _why_unreadable(path)
            found.append(CorruptFile(original, path, reason, earlier=True))
        return found

    def _names(self) -> list[str]:
        try:
            return sorted(os.listdir(self.folder))
        except (FileNotFoundError, NotADirectoryError):
            return []

    @_locked
    def _check_file(self, path: Path) -> tuple[CorruptFile | None, list[int] | None]:
        """(The problem, None), or (None, the identity of the file and its journal found
        sound)."""
        broken = path
        reason: str | None
        try:
            read = read_tables(path, move=False)
        except CorruptFile as exc:  # the file is not JSON, or a line of its journal broken
            broken, reason, identity = exc.path, exc.reason, None
        except FileNotFoundError:  # moved or removed since the listing
            return None, None
        else:
            if read.data is None:
                return None, None
            reason, identity = _unreadable_data(read.data), read.identity
        if reason is None:
            return None, identity
        self._forget(path.name[:-5])
        try:
            problem = quarantine(broken, reason, move=not self.read_only)
        except FileNotFoundError:
            return None, None
        if broken == path and not self.read_only:
            set_journal_aside(path)  # its lines change a file that is not there any more
        return problem, None

    def _checked(self) -> dict[str, list[int]]:
        try:
            files = json.loads((self.folder / CHECKED).read_bytes())["files"]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return {}
        return files if isinstance(files, dict) else {}

    # --- changing -----------------------------------------------------------------------

    @_locked
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
            id=new_id(article_id),
            article_id=article_id,
            start=start,
            end=end,
            label=label,
            text=text,
            note=note,
            attrs=dict(attrs or {}),
            annotator=self.annotator,
            origin=origin,
            created_at=stamp,
            updated_at=stamp,
        )
        self._apply(Change("annotation", article_id, annotation.id, None, annotation.to_dict()))
        return annotation

    @_locked
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

    @_locked
    def delete(self, annotation_id: str) -> Annotation:
        """Delete an annotation, and the relations that link it in the same change (one
        undo brings them all back)."""
        self._writable()
        old = self._require(annotation_id)
        linked = [r for r in self._relations(old.article_id) if old.id in r.ends()]
        if not linked:
            self._apply(Change("annotation", old.article_id, old.id, old.to_dict(), None))
            return old
        before = {
            "annotations": {old.id: old.to_dict()},
            "relations": {r.id: r.to_dict() for r in linked},
        }
        after = {table: dict.fromkeys(records) for table, records in before.items()}
        self._apply(
            Change("linked", old.article_id, old.id, {old.article_id: before},
                   {old.article_id: after})
        )  # fmt: skip
        return old

    # --- relations ----------------------------------------------------------------------

    @_locked
    def relate(
        self, head: str, child: str, label: str = SOURCE, *, note: str = "", origin: str = "manual"
    ) -> Relation:
        """Link annotation `head` (e.g. a claim) to annotation `child` (e.g. its source) of the
        same article: one undoable change. Linking them again with the same label gives the
        relation already there."""
        self._writable()
        first, second = self._require(head), self._require(child)
        if first.article_id != second.article_id:
            raise StoreError("a relation links two annotations of one article")
        for known in self._relations(first.article_id):
            if (known.head, known.child, known.label) == (head, child, label):
                return known
        made = self._relation(first.article_id, head, child, label, note, origin, now())
        self._apply(
            Change(
                "linked",
                made.article_id,
                made.id,
                {made.article_id: {"relations": {made.id: None}}},
                {made.article_id: {"relations": {made.id: made.to_dict()}}},
            )
        )
        return made

    @_locked
    def unrelate(self, relation_id: str) -> Relation:
        """Remove a relation (its annotations stay): one undoable change."""
        self._writable()
        found = self._require_relation(relation_id)
        self._apply(
            Change(
                "linked",
                found.article_id,
                found.id,
                {found.article_id: {"relations": {found.id: found.to_dict()}}},
                {found.article_id: {"relations": {found.id: None}}},
            )
        )
        return found

    @_locked
    def update_relation(self, relation_id: str, **changes: Any) -> Relation:
        """Change a relation's label or note: one undoable change."""
        self._writable()
        unknown = set(changes) - {"label", "note"}
        if unknown:
            raise StoreError(f"cannot change {', '.join(sorted(unknown))} of a relation")
        old = self._require_relation(relation_id)
        try:
            new = Relation.from_dict({**old.to_dict(), **changes, "updated_at": now()})
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        self._apply(
            Change(
                "linked",
                old.article_id,
                old.id,
                {old.article_id: {"relations": {old.id: old.to_dict()}}},
                {old.article_id: {"relations": {old.id: new.to_dict()}}},
            )
        )
        return new

    @_locked
    def add_linked(
        self,
        article_id: str,
        items: Sequence[Mapping[str, Any]],
        links: Sequence[tuple[int | str, int | str, str]],
    ) -> tuple[list[Annotation], list[Relation]]:
        """Add annotations and relations as one change (one write, one undo): accepting a
        quotation makes its claim, its source and the link at once. Items are as for
        `add_many`; each link is (head, child, label), an end being the index of one of
        `items` or the id of an annotation already in the article."""
        self._writable()
        self._check_article(article_id)
        made = self._made(article_id, items)
        relations = self._links(article_id, made, links)
        if not made and not relations:
            return [], []
        after = {
            "annotations": {a.id: a.to_dict() for a in made},
            "relations": {r.id: r.to_dict() for r in relations},
        }
        before = {table: dict.fromkeys(records) for table, records in after.items()}
        self._apply(Change("linked", article_id, "linked", {article_id: before},
                           {article_id: after}))  # fmt: skip
        return made, relations

    def _links(
        self,
        article_id: str,
        made: Sequence[Annotation],
        links: Sequence[tuple[int | str, int | str, str]],
        origin: str = "manual",
    ) -> list[Relation]:
        """Relations (head, child, label) of `add_linked` and `add_many`, their ends made
        ids: a position in `made`, or an annotation the article has."""
        if not links:
            return []
        stamp = now()
        relations = []
        for head, child, label in links:
            ends = []
            for end in (head, child):
                if isinstance(end, int):
                    if not 0 <= end < len(made):
                        raise StoreError(f"a link names item {end} of {len(made)}")
                    ends.append(made[end].id)
                elif article_of(end) == article_id and self.get(end) is not None:
                    ends.append(end)
                else:
                    raise StoreError(f"no annotation {end!r} in article {article_id}")
            relations.append(self._relation(article_id, ends[0], ends[1], label, "", origin, stamp))
        return relations

    def relations_of(self, article_id: str) -> tuple[Relation, ...]:
        """The article's relations (both ends present)."""
        return self.article_state(article_id).relations

    def _relation(
        self, article_id: str, head: str, child: str, label: str, note: str, origin: str,
        stamp: str,
    ) -> Relation:  # fmt: skip
        try:
            return Relation(new_id(article_id), article_id, head, child, label, note,
                            self.annotator, origin, stamp, stamp)  # fmt: skip
        except ValueError as exc:
            raise StoreError(str(exc)) from exc

    def _require_relation(self, relation_id: str) -> Relation:
        article_id = article_of(relation_id)
        if ARTICLE_ID.match(article_id):
            for found in self._relations(article_id):
                if found.id == relation_id:
                    return found
        raise StoreError(f"no relation {relation_id!r}")

    def _relations(self, article_id: str) -> list[Relation]:
        """The records of the article's relations table (a writer's view: both ends are
        not checked to be there, as `article_state` checks them)."""
        try:
            docs = self._data(article_id).get("relations", {}).values()
            return [Relation.from_dict(d) for d in docs]
        except _BROKEN as exc:
            raise CorruptFile(
                self.folder / f"{article_id}.json", None, f"a record in it is not valid: {exc}"
            ) from None

    @_locked
    def add_group(self, article_id: str, items: Sequence[Mapping[str, Any]]) -> list[Annotation]:
        """Add several annotations as one change: one durable write, and one undo takes them
        all back (accepting every suggestion of a kind is one action for the annotator).
        Items are as for `add_many`."""
        self._writable()
        self._check_article(article_id)
        made = self._made(article_id, items)
        if made:
            before = {a.id: None for a in made}
            self._apply(
                Change("group", article_id, "group", before, {a.id: a.to_dict() for a in made})
            )
        return made

    @_locked
    def reject(self, article_id: str, key: str, detail: Mapping[str, Any] | None = None) -> None:
        """Remember that the suggestion `key` was turned down, so it is not offered again;
        `detail` (what it was) is kept beside it for the record. Undoable."""
        self._writable()
        self._check_article(article_id)
        if key in self.article_state(article_id).rejected:
            return
        record = {"key": key, **dict(detail or {}), "rejected_at": now()}
        self._apply(Change("rejection", article_id, key, None, record))

    @_locked
    def add_many(
        self,
        article_id: str,
        items: Sequence[Mapping[str, Any]],
        status: str | None = None,
        links: Sequence[tuple[int | str, int | str, str, str]] = (),
    ) -> list[Annotation]:
        """Add annotations to one article in one durable write, outside the undo history.

        For import: thousands of annotations would otherwise take thousands of writes and
        flood the undo history that the annotator's own keystrokes live in. Items are
        mappings with `start`, `end`, `label`, `text` and optionally `note`, `attrs`,
        `origin`; all are checked before anything is written. `status` is set only when the
        article has none yet: an import never overrides the annotator's own decision.
        `links` are relations (head, child, label, note) between them, an end being the
        position of one of `items` or the id of an annotation the article has: written in
        the same write as the annotations.
        """
        if status is not None and status not in STATUSES:
            raise StoreError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        self._writable()
        self._check_article(article_id)
        made = self._made(article_id, items)
        relations = self._links(
            article_id, made, [(h, c, label) for h, c, label, _ in links], "imported"
        )
        relations = [replace(r, note=note) for r, (*_, note) in zip(relations, links, strict=True)]
        tables: dict[str, dict[str, Any]] = {
            "annotations": {a.id: a.to_dict() for a in made},
            "relations": {r.id: r.to_dict() for r in relations},
        }
        if status is not None and self._status(article_id) is None:
            tables["status"] = {"status": {"status": status, "updated_at": now()}}
        self._write_records(article_id, tables)
        return made

    def _made(self, article_id: str, items: Sequence[Mapping[str, Any]]) -> list[Annotation]:
        """Annotations from `items`, every one checked before anything is written."""
        stamp = now()
        made = []
        for item in items:
            self._check_label(str(item["label"]))
            try:
                made.append(
                    Annotation(
                        id=new_id(article_id),
                        article_id=article_id,
                        start=item["start"],
                        end=item["end"],
                        label=item["label"],
                        text=item["text"],
                        note=item.get("note", ""),
                        attrs=dict(item.get("attrs") or {}),
                        annotator=self.annotator,
                        origin=item.get("origin", "manual"),
                        created_at=stamp,
                        updated_at=stamp,
                    )
                )
            except (TypeError, ValueError, KeyError) as exc:
                raise StoreError(str(exc)) from exc
        return made

    @_locked
    def remove_many(
        self, article_id: str, annotation_ids: Sequence[str], clear_status: bool = False
    ) -> None:
        """Remove annotations of one article (and its status) outside the undo history, to
        take back an import that could not finish."""
        self._writable()
        self._check_article(article_id)
        removed = set(annotation_ids)
        links = self._data(article_id).get("relations", {}).values()
        tables: dict[str, dict[str, Any]] = {
            "annotations": dict.fromkeys(removed),
            "relations": {
                str(r.get("id")): None
                for r in links
                if r.get("head") in removed or r.get("child") in removed
            },
        }
        if clear_status:
            tables["status"] = {"status": None}
        self._write_records(article_id, tables)

    @_locked
    def set_status(self, article_id: str, status: str) -> None:
        self._writable()
        self._check_article(article_id)
        if status not in STATUSES:
            raise StoreError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        before = self._status(article_id)
        if before != status:
            self._apply(Change("status", article_id, "status", before, status))

    @_locked
    def undo(self) -> Change | None:
        """Undo the last change (also one made before a restart); None when there is none."""
        self._writable()
        change = self._history.peek_undo()
        if change is None:
            return None
        self._put(change, change.before)
        self._history.record_undo()
        return change

    @_locked
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
        with self._lock:
            return self._history.peek_undo() is not None

    @property
    def can_redo(self) -> bool:
        with self._lock:
            return self._history.peek_redo() is not None

    # --- edited articles ----------------------------------------------------------------

    @_locked
    def move_article(self, old: Article, new: Article) -> Moved:
        """Move the annotations of `old` (an earlier text of the article) onto `new`.

        Each annotation is placed on the new text (annotations/reanchor.py): placed ones get
        a new id (an id names its article) and the new text, and keep label, note, attrs,
        origin and created_at, with `moved_from` saying where they were and how they were
        placed. Those that cannot be placed are kept in the new article's file (its
        `unplaced`), with their old text and offsets, for the annotator to place
        (`place_unplaced`) or delete (`delete_unplaced`). Suggestions rejected on the old text
        follow where they are found unchanged. The status goes with them, but "done" only
        when every annotation was placed exactly (else "in progress": the annotator should
        look again); the new article's own status, if it had one, is kept on the same terms.

        The new article's file is written first, then the old one's (emptied), so a crash in
        between leaves the annotations twice, never nowhere; running the move again then
        adds nothing twice (each placed annotation names its old id) and finishes. The move
        is one undoable change.
        """
        self._writable()
        self._check_article(old.id)
        self._check_article(new.id)
        if old.id == new.id:
            raise StoreError(f"article {old.id} cannot be moved onto itself")
        old_data, new_data = self._data(old.id), self._data(new.id)
        old_state, new_state = self._parsed(old.id, old_data), self._parsed(new.id, new_data)
        if not old_state.touched:
            return Moved(old.id, new.id, [], [], None)
        stamp = now()
        # Records a move cut short by a crash left in the new file: part of this change.
        old_ids = {a.id for a in old_state.annotations}
        earlier = {
            a.moved_from["id"]: a
            for a in new_state.annotations
            if a.moved_from
            and a.moved_from.get("article_id") == old.id
            and a.moved_from.get("id") in old_ids
        }
        earlier_unplaced = {u.id: u for u in new_state.unplaced if u.id in old_ids}
        waiting = [
            a for a in old_state.annotations if a.id not in earlier and a.id not in earlier_unplaced
        ]
        spans = [(a.start, a.end, a.text) for a in waiting]
        placed: list[Annotation] = list(earlier.values())
        unplaced: list[Unplaced] = list(earlier_unplaced.values())
        for annotation, where in zip(waiting, place(old.text, new.text, spans), strict=True):
            if where is None:
                unplaced.append(Unplaced(annotation, new.id, stamp))
                continue
            placed.append(
                _moved(
                    annotation,
                    new.id,
                    where.start,
                    where.end,
                    new.text[where.start : where.end],
                    where.how,
                    stamp,
                )
            )
        # The old text's own unplaced annotations (from an edit before) stay unplaced.
        unplaced += [Unplaced(u.annotation, new.id, u.moved_at) for u in old_state.unplaced]
        clean = not unplaced and all((a.moved_from or {}).get("how") == "exact" for a in placed)
        before_new: dict[str, dict[str, Any]] = {"annotations": {}, "unplaced": {}}
        after_new: dict[str, dict[str, Any]] = {"annotations": {}, "unplaced": {}}
        for a in placed:
            before_new["annotations"][a.id] = None
            after_new["annotations"][a.id] = a.to_dict()
        for u in unplaced:
            before_new["unplaced"][u.id] = None
            after_new["unplaced"][u.id] = u.to_dict()
        # Relations follow their annotations: ends renamed to the placed annotations' ids (an
        # unplaced one keeps its id), each under an id made from its old one, so that a move
        # run again after a crash writes the same records.
        renamed = {str((a.moved_from or {})["id"]): a.id for a in placed}
        if old_state.relations:
            before_new["relations"] = {}
            after_new["relations"] = {}
        for relation in old_state.relations:
            moved_id = f"{new.id}-{relation.id.rsplit('-', 1)[-1]}"
            record = _relinked(relation, renamed, stamp)
            before_new["relations"][moved_id] = None
            after_new["relations"][moved_id] = {**record, "id": moved_id, "article_id": new.id}
        before_old: dict[str, dict[str, Any]] = {
            "annotations": {a.id: a.to_dict() for a in old_state.annotations},
            "unplaced": {u.id: u.to_dict() for u in old_state.unplaced},
            "relations": {r.id: r.to_dict() for r in old_state.relations},
            "rejected": {str(r["key"]): dict(r) for r in old_data.get("rejected", {}).values()},
            "status": {"status": _status_record(old_data)},
        }
        after_old = {table: dict.fromkeys(records) for table, records in before_old.items()}
        carried = _carried_rejections(old_data, old.text, new.text, new_state.rejected)
        if carried:
            before_new["rejected"] = dict.fromkeys(carried)
            after_new["rejected"] = carried
        status = new_state.status if new_state.status_is_set else None
        if status is None and old_state.status_is_set:
            status = old_state.status
        if status == "done" and not clean:
            status = "in progress"
        set_status = None
        if status is not None and (status != new_state.status or not new_state.status_is_set):
            set_status = status
            before_new["status"] = {"status": _status_record(new_data)}
            after_new["status"] = {"status": {"status": status, "updated_at": stamp}}
        change = Change(
            "move",
            new.id,
            old.id,
            {new.id: before_new, old.id: before_old},
            {new.id: after_new, old.id: after_old},
        )
        self._apply(change)
        return Moved(old.id, new.id, placed, unplaced, set_status)

    @_locked
    def place_unplaced(
        self, article_id: str, unplaced_id: str, start: int, end: int, text: str
    ) -> Annotation:
        """Place an unplaced annotation of the article on `[start, end)` of its text (`text`
        is what the text says there): one undoable change."""
        self._writable()
        found = self._unplaced(article_id, unplaced_id)
        stamp = now()
        try:
            made = _moved(found.annotation, article_id, start, end, text, "by hand", stamp)
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        before: dict[str, dict[str, Any]] = {
            "annotations": {made.id: None},
            "unplaced": {found.id: found.to_dict()},
        }
        after: dict[str, dict[str, Any]] = {
            "annotations": {made.id: made.to_dict()},
            "unplaced": {found.id: None},
        }
        # Its links now link the placed annotation.
        linked = [r for r in self.article_state(article_id).relations if found.id in r.ends()]
        if linked:
            before["relations"] = {r.id: r.to_dict() for r in linked}
            after["relations"] = {r.id: _relinked(r, {found.id: made.id}, stamp) for r in linked}
        self._apply(
            Change("placement", article_id, unplaced_id, {article_id: before}, {article_id: after})
        )
        return made

    @_locked
    def delete_unplaced(self, article_id: str, unplaced_id: str) -> Unplaced:
        """Delete an unplaced annotation of the article: one undoable change."""
        self._writable()
        found = self._unplaced(article_id, unplaced_id)
        before: dict[str, dict[str, Any]] = {"unplaced": {found.id: found.to_dict()}}
        linked = [r for r in self.article_state(article_id).relations if found.id in r.ends()]
        if linked:  # its links go with it
            before["relations"] = {r.id: r.to_dict() for r in linked}
        after = {table: dict.fromkeys(records) for table, records in before.items()}
        self._apply(
            Change("unplaced", article_id, unplaced_id, {article_id: before}, {article_id: after})
        )
        return found

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
        self._put(change, change.after)
        self._history.record(change)

    def _put(self, change: Change, state: Any) -> None:
        """Write `state` for the change's key: one durable write (a journal line) whatever
        the article's size. Records are written by key, so an undo or redo that finds its
        record there already (after a crash between the article's write and the history's)
        writes it again, never twice."""
        if change.kind in RECORD_KINDS:
            self._put_records(state, change.before if state is change.after else change.after)
            return
        if change.kind == "group":  # {id: record or None}: one write each way
            tables: dict[str, dict[str, Any]] = {"annotations": dict(state)}
        elif change.kind == "rejection":
            tables = {"rejected": {change.key: state}}
        elif change.kind == "status":
            record = None if state is None else {"status": state, "updated_at": now()}
            tables = {"status": {"status": record}}
        else:
            tables = {"annotations": {change.key: state}}
        self._write_records(change.article_id, tables)

    def _put_records(self, state: Mapping[str, Any], other: Mapping[str, Any]) -> None:
        """Write a change that touches several tables or articles: {article id: {table:
        {key: record or None}}}, one atomic write per article. Articles that gain a record
        are written before those that lose one, so a crash between two files leaves a record
        in both, never in neither (the move that wrote it knows to finish the job)."""

        def gains(article_id: str) -> bool:
            theirs = other.get(article_id, {})
            return any(
                record is not None and theirs.get(table, {}).get(key) is None
                for table, records in state[article_id].items()
                for key, record in records.items()
            )

        for article_id in sorted(state, key=lambda a: not gains(a)):
            self._write_records(article_id, state[article_id])

    def _write_records(self, article_id: str, tables: Mapping[str, Mapping[str, Any]]) -> None:
        """{table: {key: record or None}} of one article, as one durable change."""
        self._file(article_id).put(tables)

    def _data(self, article_id: str) -> dict[str, dict[str, Any]]:
        """The article file's tables, its journal applied (a read, never a write; the
        writer's are the ones it holds, which callers must not change)."""
        if self.read_only:
            path = self.folder / f"{article_id}.json"
            data = read_tables(path, move=False).data or {}
            _check_schema(path, data.get("meta", {}).values())
            return data
        return self._file(article_id).data

    def _parsed(
        self,
        article_id: str,
        data: Mapping[str, Any],
        memo: dict[str, tuple[dict[str, Any], Annotation]] | None = None,
        before: list[Annotation] | None = None,
    ) -> ArticleState:
        try:
            return _state_of(data, memo, before)
        except _BROKEN as exc:
            # Valid JSON with a broken record (a hand repair gone wrong): say which file, and
            # leave it where it is for the person who may be repairing it right now; the
            # check at start-up (check_files) sets it aside.
            raise CorruptFile(
                self.folder / f"{article_id}.json", None, f"a record in it is not valid: {exc}"
            ) from None

    def _unplaced(self, article_id: str, unplaced_id: str) -> Unplaced:
        self._check_article(article_id)
        for found in self.article_state(article_id).unplaced:
            if found.id == unplaced_id:
                return found
        raise StoreError(f"article {article_id} has no unplaced annotation {unplaced_id!r}")

    def _status(self, article_id: str) -> str | None:
        docs = list(self._data(article_id).get("status", {}).values())
        return str(docs[0]["status"]) if docs else None

    def _header(self, article_id: str) -> dict[str, dict[str, Any]]:
        return {
            "meta": {"1": {"schema": SCHEMA, "article_id": article_id, "annotator": self.annotator}}
        }

    def _file(self, article_id: str) -> ArticleFile:
        """The writer's article file, read once (nothing is written here: the meta table goes
        into the file with its first change)."""
        file = self._files.get(article_id)
        if file is None or file.stale():
            self._writable()
            path = self.folder / f"{article_id}.json"
            file = ArticleFile(path, self._header(article_id), _RECORD_KEYS)
            _check_schema(path, file.table("meta").values())
            self._files[article_id] = file
            self._states.pop(article_id, None)
            self._memos.pop(article_id, None)
        return file

    def _forget(self, article_id: str) -> None:
        self._files.pop(article_id, None)
        self._states.pop(article_id, None)
        self._memos.pop(article_id, None)


_BROKEN = (KeyError, TypeError, ValueError, AttributeError)
# Annotations new or changed since the last state, up to which they are placed into its
# order instead of sorting every annotation again.
_FEW_CHANGED = 64


def _order(annotation: Annotation) -> tuple[int, int, str, str]:
    return annotation.start, annotation.end, annotation.created_at, annotation.id


def _placed(
    before: list[Annotation], parsed: list[Annotation], fresh: list[Annotation]
) -> list[Annotation] | None:
    """`parsed` in the order of a state's annotations: those of `before` still there (the
    same objects) in their order, and `fresh` ones placed by bisection; None when `before`
    and `parsed` do not account for each other (then sort)."""
    current = set(map(id, parsed))
    found = [a for a in before if id(a) in current]
    if len(found) + len(fresh) != len(parsed):
        return None
    for annotation in fresh:
        insort(found, annotation, key=_order)
    return found


_ID, _CREATED_AT = attrgetter("id"), attrgetter("created_at")
_START, _END = attrgetter("start"), attrgetter("end")


def _state_of(
    data: Mapping[str, Any],
    memo: dict[str, tuple[dict[str, Any], Annotation]] | None = None,
    before: list[Annotation] | None = None,
) -> ArticleState:
    """An article file's tables as an ArticleState; one of _BROKEN when a record is not
    valid. `memo`: annotations parsed before, by document id with the document they were
    parsed from (a document changed is a new one), kept up to date here. `before`: the
    annotations of the state made last from the same memo, in order: where few changed, the
    order is theirs with the new ones placed in it, not a sort of all."""
    docs = data.get("annotations", {})
    fresh: list[Annotation] = []
    if memo is None:
        parsed = [Annotation.from_dict(d) for d in docs.values()]
    else:
        parsed = []
        for doc_id, doc in docs.items():
            known = memo.get(doc_id)
            if known is None or known[0] is not doc:
                known = (doc, Annotation.from_dict(doc))
                memo[doc_id] = known
                fresh.append(known[1])
            parsed.append(known[1])
        if len(memo) > len(docs):
            for gone in memo.keys() - docs.keys():
                del memo[gone]
    found = None
    if before is not None and memo is not None and len(fresh) <= _FEW_CHANGED:
        found = _placed(before, parsed, fresh)
    if found is None:
        # By (start, end, created_at, id), in stable passes on plain keys: a key tuple per
        # annotation would be a container for the garbage collector, thousands at a save.
        found = sorted(parsed, key=_ID)
        for key in (_CREATED_AT, _END, _START):
            found.sort(key=key)
    rejected = frozenset(str(d["key"]) for d in data.get("rejected", {}).values())
    rejections = tuple(
        sorted(
            (dict(d) for d in data.get("rejected", {}).values()),
            key=lambda d: (str(d.get("rejected_at", "")), str(d["key"])),
        )
    )
    unplaced = tuple(
        sorted(
            (Unplaced.from_dict(d) for d in data.get("unplaced", {}).values()),
            key=lambda u: (u.annotation.start, u.annotation.end, u.id),
        )
    )
    # A relation whose end is gone (a file edited by hand) links nothing: it is left out.
    links = data.get("relations", {})
    ends = ({a.id for a in found} | {u.id for u in unplaced}) if links else set()
    relations = tuple(
        sorted(
            (
                r
                for r in (Relation.from_dict(d) for d in links.values())
                if r.head in ends and r.child in ends
            ),
            key=lambda r: (r.created_at, r.id),
        )
    )
    explicit = next(iter(data.get("status", {}).values()), None)
    if explicit is None:
        status = "in progress" if found or unplaced else "todo"
        return ArticleState(
            found, status, None, rejected, unplaced, relations=relations, rejections=rejections
        )
    status = explicit["status"]
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    stamp = explicit.get("updated_at")
    return ArticleState(
        found,
        status,
        stamp if isinstance(stamp, str) else None,
        rejected,
        unplaced,
        status_is_set=True,
        relations=relations,
        rejections=rejections,
    )


def _status_record(data: Mapping[str, Any]) -> dict[str, Any] | None:
    explicit = next(iter(data.get("status", {}).values()), None)
    return dict(explicit) if explicit is not None else None


def _unreadable(raw: bytes) -> str | None:
    """Why the bytes of an article's file cannot be read as one, or None when they can."""
    try:
        data = parse_tables(raw)
    except ValueError as exc:
        return str(exc)
    return _unreadable_data(data)


def _unreadable_data(data: Mapping[str, Any]) -> str | None:
    """Why an article file's tables cannot be read as an article's, or None when they can."""
    try:
        if any(int(doc.get("schema", 0)) > SCHEMA for doc in data.get("meta", {}).values()):
            return None  # newer, not broken: reading it says to upgrade assay
    except _BROKEN:
        return "its schema version is not a number"
    try:
        _state_of(data)
    except _BROKEN as exc:
        return f"a record in it is not valid: {exc}"
    return None


def _signature_of(stat: os.stat_result) -> list[int]:
    """A file's identity: an atomic replace gives a new inode, an edit in place a new size or
    modification time."""
    return signature(stat)


def _identity(path: Path) -> list[int]:
    """An article file's identity and, when it has a journal, the journal's size and
    modification time after it (FileNotFoundError when there is no file)."""
    found = signature(os.stat(path))
    try:
        journal = os.stat(journal_of(path))
    except FileNotFoundError:
        return found
    return [*found, journal.st_size, journal.st_mtime_ns]


def _why_journal_unreadable(path: Path) -> str:
    """Why a journal set aside earlier could not be read (or that it can now)."""
    try:
        apply_journal({}, path.read_bytes())
    except OSError as exc:
        return f"it cannot be opened: {exc.strerror or exc}"
    except ValueError as exc:
        return str(exc)
    return "its article file could not be read, so its changes could not be applied"


def _why_unreadable(path: Path) -> str:
    """Why a file set aside earlier could not be read (or that it can now)."""
    try:
        reason = _unreadable(path.read_bytes())
    except OSError as exc:
        return f"it cannot be opened: {exc.strerror or exc}"
    return reason or "it reads correctly now"


def _moved(
    annotation: Annotation, article_id: str, start: int, end: int, text: str, how: str, stamp: str
) -> Annotation:
    """`annotation` of an earlier text, as an annotation of `article_id` on `[start, end)`."""
    came_from: dict[str, Any] = {
        "article_id": annotation.article_id,
        "id": annotation.id,
        "start": annotation.start,
        "end": annotation.end,
        "text": annotation.text,
        "how": how,
        "moved_at": stamp,
    }
    if annotation.moved_from:  # moved before, from a still earlier text
        came_from["earlier"] = dict(annotation.moved_from)
    return Annotation(
        id=new_id(article_id),
        article_id=article_id,
        start=start,
        end=end,
        label=annotation.label,
        text=text,
        note=annotation.note,
        attrs=dict(annotation.attrs),
        annotator=annotation.annotator,
        origin=annotation.origin,
        created_at=annotation.created_at,
        updated_at=stamp,
        moved_from=came_from,
    )


def _relinked(relation: Relation, ids: Mapping[str, str], stamp: str) -> dict[str, Any]:
    """The record of `relation` with its ends renamed by `ids` (an end not in it stays)."""
    return {
        **relation.to_dict(),
        "head": ids.get(relation.head, relation.head),
        "child": ids.get(relation.child, relation.child),
        "updated_at": stamp,
    }


_REJECTION_KEY = re.compile(r"(\w+):(\d+)-(\d+)")


def _carried_rejections(
    old_data: Mapping[str, Any], old_text: str, new_text: str, already: frozenset[str]
) -> dict[str, dict[str, Any]]:
    """Rejected suggestions of the old text, keyed as on the new one, where their words are
    found unchanged (a suggestion's key is its kind and span)."""
    records = []
    for record in old_data.get("rejected", {}).values():
        parts = _REJECTION_KEY.fullmatch(str(record.get("key", "")))
        if parts and isinstance(record.get("text"), str) and record["text"]:
            records.append((parts.group(1), int(parts.group(2)), int(parts.group(3)), record))
    spans = [(start, end, r["text"]) for _kind, start, end, r in records]
    carried = {}
    for (kind, _s, _e, record), where in zip(
        records, place(old_text, new_text, spans), strict=True
    ):
        if where is None or where.how != "exact":
            continue
        key = f"{kind}:{where.start}-{where.end}"
        if key not in already:
            carried[key] = {**record, "key": key, "start": where.start, "end": where.end}
    return carried


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


def _annotator_folder(workspace: Path, name: str) -> Path:
    """The folder of annotator `name` (normalised) in `workspace`; StoreError when the name
    differs only in case from an annotator the workspace has.

    On a file system that ignores case (macOS's and Windows's by default) "Maria" and "maria"
    are one folder, so two people would write into each other's files; on one that does not,
    they would be two annotators by mistake. Either way the name is refused, naming the one
    that exists. A folder whose name normalises to `name` (written in another Unicode form)
    is that annotator's.
    """
    parent = workspace / "annotations"
    try:
        entries = sorted(os.listdir(parent))
    except OSError:  # no folder yet, or none readable: opening says what is wrong
        return parent / name
    for entry in entries:
        if unicodedata.normalize("NFKC", entry) == name:
            return parent / entry
    folded = name.casefold()
    for entry in entries:
        other = unicodedata.normalize("NFKC", entry)
        if (
            other.casefold() == folded
            and _name_problem(other) is None
            and (parent / entry).is_dir()
        ):
            raise StoreError(
                f"annotator name {name!r} differs only in case from {other!r}, who already has "
                f"a folder in {parent}: use --annotator {other} (a file system that ignores "
                f"case would give both one folder)"
            )
    return parent / name


def _unwritable(folder: Path, error: OSError) -> str:
    """Why nothing can be saved in `folder`, and what to do, as a sentence."""
    why = _CANNOT_WRITE.get(error.errno or 0, error.strerror or str(error))
    what = f"{folder} cannot be written" if folder.is_dir() else f"{folder} cannot be created"
    return (
        f"{what}: {why}. The annotations there are shown, but nothing can be saved. To "
        f"annotate, make the workspace writable, or choose another one with --workspace DIR "
        f"(or ASSAY_WORKSPACE), and start assay again"
    )


def _release(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


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
        self.problem: CorruptFile | None = None  # the log could not be read whole
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        if self.writable and raw and not raw.endswith(b"\n"):
            # A torn last line (a kill between two pages of an append): cut it off, or the
            # next append would be glued to it and the log would read as corrupt.
            raw = raw[: raw.rfind(b"\n") + 1]
            with open(self.path, "r+b") as handle:
                handle.truncate(len(raw))
                handle.flush()
                os.fsync(handle.fileno())
        lines = raw.split(b"\n")
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                self._replay(entry)
            except (ValueError, KeyError, TypeError, IndexError, RecursionError):
                if number >= len(lines) - 2:
                    continue  # a torn last line: the change it described is in the file
                reason = f"line {number + 1} is not a history entry"
                if not self.writable:
                    self.problem = CorruptFile(self.path, None, reason)
                    return
                # The annotations are in the article files: only undo is at stake. The log is
                # set aside whole and started again from what could be read before the line.
                self.problem = quarantine(self.path, reason)
                self._compact()
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
