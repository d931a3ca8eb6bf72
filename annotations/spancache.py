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
import operator
import os
import sys
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from pathlib import Path
from typing import Any

from annotations.cachefile import load_cache, write_cache
from annotations.journal import JOURNAL
from annotations.store import ArticleState, Store

CACHE_VERSION = 4
# Offsets kept in 4 bytes, label numbers in 2: files past them are read each time.
_LARGEST_I = 2**31 - 1
_MOST_LABELS = 2**16 - 1
# A file changed this recently when read is read again next time (see the module's docstring).
SETTLE_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class FileSpans:
    """One annotator's file of one article, as a comparison reads it: the status, and every
    annotation's start, end and label (columns, in the order `team.select` sorts them: start,
    end, label, id; offsets as compact arrays), and `covered`, the texts of all of them one
    after the other (each as long as its span: `texts` splits them), checked against the
    article's text at once."""

    status: str
    starts: array[int]
    ends: array[int]
    labels: tuple[str, ...]
    covered: str
    # Relations between the spans: (head, child, label), ends by position in the columns.
    relations: tuple[tuple[int, int, str], ...] = ()
    # The identity (inode, size, modification time in ns) of the file these are all the
    # spans of, when it is settled (see SETTLE_NS): a cache may vouch for them by it.
    identity: tuple[int, ...] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, state: ArticleState) -> FileSpans:
        made = sorted(state.annotations, key=lambda a: (a.start, a.end, a.label, a.id))
        position = {a.id: i for i, a in enumerate(made)}
        relations = tuple(
            (position[r.head], position[r.child], r.label)
            for r in state.relations
            if r.head in position and r.child in position  # (an unplaced end: not compared)
        )
        return cls.columns(
            state.status,
            [a.start for a in made],
            [a.end for a in made],
            tuple(a.label for a in made),
            "".join(a.text for a in made),
            relations,
        )

    @classmethod
    def columns(
        cls, status: str, starts: Sequence[int], ends: Sequence[int], labels: tuple[str, ...],
        covered: str, relations: tuple[tuple[int, int, str], ...] = (),
    ) -> FileSpans:  # fmt: skip
        """FileSpans of any sequences of offsets (held in 4 bytes each where they fit)."""
        code = "i" if max(ends, default=0) <= _LARGEST_I else "q"
        return cls(status, array(code, starts), array(code, ends), labels, covered, relations)

    def linked(self) -> set[tuple[int, int, str, int, int, str, str]]:
        """Each relation by what it links: the head's start, end and label, the child's,
        and the relation's label (two annotators' relations are the same when these are)."""
        starts, ends, labels = self.starts, self.ends, self.labels
        return {
            (starts[h], ends[h], labels[h], starts[c], ends[c], labels[c], label)
            for h, c, label in self.relations
        }

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
        moved = {old: new for new, old in enumerate(i for i, k in enumerate(keep) if k)}
        return FileSpans(
            self.status,
            array(self.starts.typecode, compress(self.starts, keep)),
            array(self.ends.typecode, compress(self.ends, keep)),
            tuple(compress(self.labels, keep)),
            "".join(compress(self.texts, keep)),
            tuple(
                (moved[h], moved[c], label)
                for h, c, label in self.relations
                if h in moved and c in moved  # a relation goes with either end
            ),
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
    written back by `save` when something changed.

    The cache file: the SHA-256 of the rest and a line break; a JSON header (version, the
    annotator's folder, the label table, and a row per file: article id, inode, size, time,
    status, number of spans, bytes of their texts) and a line break; then one block of the
    spans of all files in the header's order: starts and ends (4-byte little-endian), label
    numbers (2 bytes) and the texts (UTF-8). Loading it is a few copies of the block, not a
    parse of 300,000 spans."""

    def __init__(self, store: Store, folder: Path | None) -> None:
        self.store = store
        self.where = os.path.abspath(store.folder)
        self.path = None if folder is None else folder / _file_name(self.where)
        self.problem: str | None = None
        self._labels: list[str] = []
        self._known: dict[str, _Entry] = self._load()
        self._kept: dict[str, tuple[list[int], FileSpans]] = {}
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
            if (
                stat is not None
                and entry.identity == [stat.st_ino, stat.st_size, stat.st_mtime_ns]
                # A journal beside it: changes since (a writer is at work, or was killed).
                and not os.path.exists(os.path.join(self.where, article_id + JOURNAL))
            ):
                found = entry.spans(self._block)
                if found is not None:
                    self._kept[article_id] = (entry.identity, found)
                    return found
        started = time.time_ns()
        state, identity = self.store.article_state_read(article_id)
        found = FileSpans.of(state)
        if identity is not None and identity[2] < started - SETTLE_NS:
            found = replace(found, identity=tuple(identity))
            self._kept[article_id] = (identity, found)
        self._changed = True
        return found

    def save(self) -> None:
        """Write the entries of this run (those of files gone since are dropped) when any
        changed; a folder that cannot be written sets `problem` and keeps nothing."""
        if self.path is None or not (self._changed or self._kept.keys() != self._known.keys()):
            return
        index = {label: i for i, label in enumerate(self._labels)}
        rows: list[list[Any]] = []
        starts, ends, labels, texts = array("i"), array("i"), array("H"), []
        heads, children, kinds = array("i"), array("i"), array("H")
        for article_id, (identity, found) in self._kept.items():
            if found.starts.typecode != "i":
                continue  # offsets past 4 bytes: read from the file each time
            numbers = []
            for label in [*found.labels, *(label for _h, _c, label in found.relations)]:
                number = index.get(label)
                if number is None:
                    number = index[label] = len(index)
                numbers.append(number)
            if len(index) > _MOST_LABELS:
                break  # (the rest are read from their files)
            covered = found.covered.encode("utf-8", "surrogatepass")
            rows.append([article_id, *identity, found.status, len(found), len(covered),
                         len(found.relations)])  # fmt: skip
            starts.extend(found.starts)
            ends.extend(found.ends)
            labels.extend(numbers[: len(found)])
            heads.extend(h for h, _c, _label in found.relations)
            children.extend(c for _h, c, _label in found.relations)
            kinds.extend(numbers[len(found) :])
            texts.append(covered)
        if sys.byteorder == "big":
            for column in (starts, ends, labels, heads, children, kinds):
                column.byteswap()
        header = {
            "version": CACHE_VERSION,
            "folder": self.where,
            "labels": list(index)[: _MOST_LABELS + 1],
            "files": rows,
        }
        block = [starts.tobytes(), ends.tobytes(), labels.tobytes(), heads.tobytes(),
                 children.tobytes(), kinds.tobytes(), *texts]  # fmt: skip
        try:
            write_cache(self.path, header, block)
        except OSError as exc:
            self.problem = f"span cache not saved: cannot write {self.path.parent}: {exc.strerror}"

    def _load(self) -> dict[str, _Entry]:
        """The entries of the cache file; none when it is missing, damaged or another's."""
        self._block = _Block(array("i"), array("i"), (), memoryview(b""))
        return load_cache(self.path, self._entries, {})

    def _entries(self, header: Any, block: memoryview) -> dict[str, _Entry]:
        """The header's entries over `block`; raises ValueError (or another error `_load`
        takes for a miss) when the file is not one this code wrote for this folder. The
        file's checksum says that it holds what this code wrote from files the store read
        and checked, so only its shape is checked here, and each entry's texts when read."""
        if not (
            type(header) is dict
            and header.get("version") == CACHE_VERSION
            and header.get("folder") == self.where
            and type(header.get("labels")) is list
            and all(type(label) is str for label in header["labels"])
            and type(header.get("files")) is list
        ):
            raise ValueError("not this folder's cache")
        rows = header["files"]
        for row in rows:
            if not (
                type(row) is list
                and len(row) == 8
                and type(row[0]) is str
                and type(row[4]) is str
                and all(type(x) is int and x >= 0 for x in (*row[1:4], *row[5:8]))
            ):
                raise ValueError("not an entry")
        count = sum(row[5] for row in rows)
        linked = sum(row[7] for row in rows)
        if len(block) != 10 * count + 10 * linked + sum(row[6] for row in rows):
            raise ValueError("the block is not as long as its entries")
        columns = []
        at = 0
        for code, size in (("i", count), ("i", count), ("H", count), ("i", linked),
                           ("i", linked), ("H", linked)):  # fmt: skip
            column = array(code)
            column.frombytes(block[at : at + column.itemsize * size])
            at += column.itemsize * size
            if sys.byteorder == "big":
                column.byteswap()
            columns.append(column)
        starts, ends, numbers, heads, children, kinds = columns
        table = header["labels"]
        if max(numbers, default=0) >= len(table) or max(kinds, default=0) >= len(table):
            raise ValueError("a label number past the table")
        self._labels = table
        self._block = _Block(
            starts,
            ends,
            tuple(map(table.__getitem__, numbers)),
            block,
            tuple(zip(heads, children, map(table.__getitem__, kinds), strict=True)),
        )
        found = {}
        span_at, text_at, link_at = 0, at, 0
        for article_id, ino, size, mtime, status, spans, text_bytes, links in rows:
            found[article_id] = _Entry([ino, size, mtime], status, span_at, spans, text_at,
                                       text_bytes, link_at, links)  # fmt: skip
            span_at += spans
            text_at += text_bytes
            link_at += links
        return found


@dataclass(frozen=True, slots=True)
class _Block:
    """The spans of every file of a cache file, one after the other."""

    starts: array[int]
    ends: array[int]
    labels: tuple[str, ...]
    raw: memoryview  # the block as read: the texts are in it
    relations: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    """One file's row of a cache file: its identity, status, and where its spans are."""

    identity: list[int]
    status: str
    first: int
    count: int
    text_at: int
    text_bytes: int
    link_at: int = 0
    links: int = 0

    def spans(self, block: _Block) -> FileSpans | None:
        """The entry's spans; None when they are not sound (texts that are not UTF-8, or not
        as long as the spans, or a span that ends before it starts)."""
        stop = self.first + self.count
        starts, ends = block.starts[self.first : stop], block.ends[self.first : stop]
        try:
            covered = str(
                block.raw[self.text_at : self.text_at + self.text_bytes], "utf-8", "surrogatepass"
            )
        except UnicodeDecodeError:
            return None
        if len(covered) != sum(ends) - sum(starts) or any(map(operator.gt, starts, ends)):
            return None
        labels = block.labels[self.first : stop]
        relations = block.relations[self.link_at : self.link_at + self.links]
        if any(not (0 <= h < self.count and 0 <= c < self.count) for h, c, _l in relations):
            return None
        return FileSpans(
            self.status, starts, ends, labels, covered, relations, identity=tuple(self.identity)
        )


def _file_name(where: str) -> str:
    """The cache file of the annotator folder `where` (absolute: two workspaces never share
    one; the file names the folder too, in case two hashes ever meet)."""
    return hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".bin"
