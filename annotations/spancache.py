"""What a comparison needs of each annotator's article files, kept between runs.

`assay agree` compares every span of every annotator: 2,000 articles of three annotators are
6,000 TinyDB files, 90 MB of JSON and 300,000 annotations checked field by field, about six
seconds to read, for a command whose target is two. A comparison needs only each file's
status and each span's start, end, label and text, so that is kept per annotator in one
compact file, each entry under the identity (inode, size, modification time in ns) of the
file it was read from. A later run stats every file and reads only those whose identity
changed: an annotator's save replaces the file (a new inode), an edit in place changes its
size or time.

What is kept was read through the store's own checks (`Store.article_state_read`): a file
that cannot be read is never kept, so it is found and reported again on every run. Files
changed less than `SETTLE_NS` before they were read are not kept either: a file system keeps
times in ticks, and a file rewritten in place within the tick of its read, at the same size,
would look unchanged (git's "racy" files).

The cache is disposable and lives in the user's cache folder beside the analysis cache, not
in the workspace (a workspace is shared by a team; what one user's runs read is theirs): an
unreadable, damaged or foreign cache file is a miss, and a folder that cannot be written turns
the saving off with one `problem`, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

from annotations.storage import write_atomically
from annotations.store import ArticleState, Store

CACHE_VERSION = 2
# A file changed this recently when read is read again next time (see the module's docstring).
SETTLE_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class FileSpans:
    """One annotator's file of one article, as a comparison reads it: the status, and every
    annotation's start, end and label (columns, in the order `team.select` sorts them: start,
    end, label, id), and `covered`, the texts of all of them one after the other (each as
    long as its span: `texts` splits them), checked against the article's text at once."""

    status: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    labels: tuple[str, ...]
    covered: str

    @classmethod
    def of(cls, state: ArticleState) -> FileSpans:
        made = sorted(state.annotations, key=lambda a: (a.start, a.end, a.label, a.id))
        return cls(
            state.status,
            tuple(a.start for a in made),
            tuple(a.end for a in made),
            tuple(a.label for a in made),
            "".join(a.text for a in made),
        )

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def texts(self) -> tuple[str, ...]:
        """Each span's text when it was made."""
        found, at = [], 0
        for start, end in zip(self.starts, self.ends, strict=True):
            found.append(self.covered[at : at + end - start])
            at += end - start
        return tuple(found)

    def where(self, keep: Sequence[bool]) -> FileSpans:
        """The spans whose flag in `keep` is true (itself when all are)."""
        if all(keep):
            return self
        return FileSpans(
            self.status,
            tuple(compress(self.starts, keep)),
            tuple(compress(self.ends, keep)),
            tuple(compress(self.labels, keep)),
            "".join(compress(self.texts, keep)),
        )

    def sound(self, text: str) -> FileSpans:
        """The spans whose text is still `text`'s there (as `Annotation.drifted` and
        drift.check decide): one comparison when none drifted, as is usual."""
        if (
            "".join([text[s:e] for s, e in zip(self.starts, self.ends, strict=True)])
            == self.covered
        ):
            return self
        return self.where(
            [text[s:e] == t for s, e, t in zip(self.starts, self.ends, self.texts, strict=True)]
        )


def cache_folder() -> Path:
    """Where the span caches live: a folder of the analysis cache's (`ASSAY_CACHE_DIR`, else
    the user's cache folder), so one setting moves or isolates both."""
    from corpus.cache import default_cache_dir

    return default_cache_dir() / "spans"


class AnnotatorSpans:
    """One annotator's entries: loaded when made, looked up file by file with `read`, and
    written back by `save` when something changed."""

    def __init__(self, store: Store, folder: Path | None) -> None:
        self.store = store
        self.where = os.path.abspath(store.folder)
        self.path = None if folder is None else folder / _file_name(self.where)
        self.problem: str | None = None
        self._labels: list[str] = []
        self._known = self._load()
        self._kept: dict[str, list[Any]] = {}
        self._changed = False

    def read(self, article_id: str) -> FileSpans:
        """The spans of the annotator's file of `article_id`: from the cache when the file is
        the one it was read from, else read through the store (which raises what
        `Store.article_state` raises on a file that cannot be read)."""
        entry = self._known.get(article_id)
        if entry is not None:
            try:
                # A string path: pathlib's joins cost as much as the stat, 6,000 times.
                stat = os.stat(os.path.join(self.where, article_id + ".json"))
            except OSError:
                stat = None
            if stat is not None and entry[:3] == [stat.st_ino, stat.st_size, stat.st_mtime_ns]:
                found = self._entry(entry)
                if found is not None:
                    self._kept[article_id] = entry
                    return found
        started = time.time_ns()
        state, identity = self.store.article_state_read(article_id)
        found = FileSpans.of(state)
        if identity is not None and identity[2] < started - SETTLE_NS:
            self._kept[article_id] = [*identity, *self._columns(found)]
        self._changed = True
        return found

    def save(self) -> None:
        """Write the entries of this run (those of files gone since are dropped) when any
        changed; a folder that cannot be written sets `problem` and keeps nothing."""
        if self.path is None or not (self._changed or self._kept.keys() != self._known.keys()):
            return
        data = {
            "version": CACHE_VERSION,
            "folder": self.where,
            "labels": self._labels,
            "files": self._kept,
        }
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        payload = hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, payload)
        except OSError as exc:
            self.problem = f"span cache not saved: cannot write {self.path.parent}: {exc.strerror}"

    def _load(self) -> dict[str, list[Any]]:
        """The entries of the cache file; none when it is missing, damaged or another's."""
        if self.path is None:
            return {}
        try:
            raw = self.path.read_bytes()
        except OSError:
            return {}
        digest, _newline, payload = raw.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
            return {}  # damaged (or cut short): what it holds is not what was written
        try:
            data = json.loads(payload)
        except (ValueError, RecursionError):
            return {}
        if not (
            isinstance(data, dict)
            and data.get("version") == CACHE_VERSION
            and data.get("folder") == self.where
            and isinstance(data.get("labels"), list)
            and all(type(label) is str for label in data["labels"])
            and isinstance(data.get("files"), dict)
        ):
            return {}
        self._labels = data["labels"]
        return {k: v for k, v in data["files"].items() if type(v) is list and len(v) == 8}

    def _entry(self, entry: list[Any]) -> FileSpans | None:
        """An entry as FileSpans; None when it is not one. The file's checksum says that it
        holds what this code wrote from files the store read and checked, so only its shape
        is checked here (what Annotation checks of each record costs more than the read)."""
        status, starts, ends, labels, covered = entry[3:]
        table = self._labels
        if not (
            type(status) is str
            and type(covered) is str
            and type(starts) is list
            and all(type(x) is list and len(x) == len(starts) for x in (ends, labels))
        ):
            return None
        try:
            names = tuple([table[i] for i in labels])
        except (IndexError, TypeError):
            return None
        return FileSpans(status, tuple(starts), tuple(ends), names, covered)

    def _columns(self, found: FileSpans) -> list[Any]:
        index = {label: i for i, label in enumerate(self._labels)}
        numbers = []
        for label in found.labels:
            number = index.get(label)
            if number is None:
                number = index[label] = len(self._labels)
                self._labels.append(label)
            numbers.append(number)
        return [found.status, list(found.starts), list(found.ends), numbers, found.covered]


def _file_name(where: str) -> str:
    """The cache file of the annotator folder `where` (absolute: two workspaces never share
    one; the file names the folder too, in case two hashes ever meet)."""
    return hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"
