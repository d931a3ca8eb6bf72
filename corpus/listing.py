"""A large corpus listed at once: rows from a compact index, or from reading its files in
worker processes, and each article's text read again from its file when it is needed.

A corpus of up to `SMALL` files is read as it always was (`iter_articles`): whole, texts
held. Past that, what a list needs of each article (id, title, source, metadata, words,
boilerplate ranges once known) is kept in memory as a `ListedArticle`, about a kilobyte, and
its text is read from its file when asked (a few hundred microseconds, checked against the
article's id): 100,000 articles are held in a few hundred megabytes, not gigabytes.

- **Cold**, files are read quickly (`quick_article`: no boilerplate pass) in worker processes,
  in the order of the list; then read whole in the background (`Listing.finish`), which
  gives each row the headline and date found past any site chrome.
- **Warm**, the index (one cache entry per corpus, keyed by its folders) gives every file
  whose size and modification time are unchanged without opening it; only new and changed
  files are read.

A file edited after it was listed gives a text with another id: `ListedArticle.text` is then
empty and `ListedArticle.whole()` None (the caller says so); the next start lists its new
text, and the annotator's articles follow the edit as before.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.resource_tracker
import os
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing import forkserver
from typing import Any

from corpus.article import Article, article_id, make_article, quick_article, safe_line
from corpus.cache import AnalysisCache
from corpus.loader import (
    HTML_SUFFIXES,
    LOADER_VERSION,
    OnProblem,
    Problem,
    builtin_paths,
    is_new,
    iter_candidates,
    read_line,
    read_placed,
    walk,
)
from corpus.text import sanitize

SMALL = 200  # files: a corpus of at most this many is read whole, as it always was
LISTING_VERSION = "1"
_CHUNK = 64  # files a worker reads per task
_POOL_MIN = 64  # fewer files than this to read are read in this process: a pool costs more
_SAVE_SECONDS = 30.0  # the index is saved this often while the corpus is read whole
_RECENT = 16  # texts kept, for a search or an analysis that reads one text many times

# One article as a worker gives it: id, title, source, metadata, boilerplate ranges (None:
# read quickly, not known yet), words, and its JSONL line (byte offset, number) or None.
Fields = tuple[str, str, str, dict[str, str], list[list[int]] | None, int, list[int] | None]
# What one file gave: its articles, and its problems (source, message, skipped, at: the
# number of articles before it).
FileFields = tuple[list[Fields], list[tuple[str, str, bool, int]]]


def _bare(
    raw_text: str, source: str, *, title: str | None = None, given_meta: object = None
) -> Article:
    """The sanitized text and its id, nothing else: what `ListedArticle.text` needs."""
    text = sanitize(raw_text)
    return Article(article_id(text), source, "", text)


class ListedArticle(Article):
    """An article of a large corpus whose text is not held: `text` reads it from its file
    (empty when the file no longer gives this article), and `whole()` gives the article with
    its text, read whole."""

    is_whole: bool  # its boilerplate ranges (and so its title and date) are known
    path: str  # its file
    file_source: str  # the file's source, as the loader named it
    line: tuple[int, int] | None  # its JSONL line: byte offset and number

    def __init__(self, fields: Fields, path: str, file_source: str) -> None:
        id_, title, source, meta, ranges, words, line = fields
        setter = object.__setattr__
        setter(self, "id", id_)
        setter(self, "source", source)
        setter(self, "title", title)
        setter(self, "meta", meta)
        setter(self, "boilerplate", () if ranges is None else tuple(tuple(r) for r in ranges))
        setter(self, "is_whole", ranges is not None)
        setter(self, "path", path)
        setter(self, "file_source", file_source)
        setter(self, "line", None if line is None else (int(line[0]), int(line[1])))
        self.__dict__["words"] = words  # what the cached property would count

    # A data descriptor: it wins over the dataclass field of the same name.
    @property
    def text(self) -> str:
        found = _read(self, _bare)
        return "" if found is None else found.text

    def whole(self) -> Article | None:
        """The article whole (text and boilerplate ranges), None when its file no longer
        gives it (edited, removed or unreadable since it was listed)."""
        if self.is_whole:
            found = _read(self, _bare)
            if found is None:
                return None
            return Article(
                self.id, self.source, self.title, found.text, self.meta, self.boilerplate
            )
        return _read(self, make_article, keep=False)

    def __repr__(self) -> str:
        return f"ListedArticle(id={self.id!r}, source={self.source!r}, title={self.title!r})"

    # Two listed articles are the same article when their ids are: comparing texts would
    # read two files.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, ListedArticle):
            return self.id == other.id and self.boilerplate == other.boilerplate
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as Article's: mutable-looking, unhashable


_recent: OrderedDict[str, Article] = OrderedDict()
_recent_lock = threading.Lock()


def _read(listed: ListedArticle, make: Callable[..., Article], keep: bool = True) -> Article | None:
    """`listed` read again from its file with `make`, if the file still gives its text."""
    if keep:
        with _recent_lock:
            found = _recent.get(listed.id)
            if found is not None:
                _recent.move_to_end(listed.id)
                return found
    try:
        if listed.line is not None:
            found = read_line(listed.path, listed.file_source, listed.line, make)
        else:
            found = next(
                (a for a, _ in read_placed(listed.path, listed.file_source, _ignore, make)), None
            )
    except OSError:
        return None
    if found is None or found.id != listed.id:
        return None
    if keep:
        with _recent_lock:
            _recent[listed.id] = found
            while len(_recent) > _RECENT:
                _recent.popitem(last=False)
    return found


def _ignore(_problem: Problem) -> None:
    """Problems of a file read again were said when it was listed."""


def list_file(task: tuple[str, str, bool]) -> FileFields:
    """What one file gives the list (in a worker process): `task` is (path, source, whole)."""
    path, source, whole = task
    fields: list[Fields] = []
    problems: list[tuple[str, str, bool, int]] = []

    def noted(problem: Problem) -> None:
        problems.append((problem.source, problem.message, problem.skipped, len(fields)))

    fields.extend(_fields_of(path, source, whole, noted))
    return fields, problems


def _fields_of(path: str, source: str, whole: bool, report: OnProblem) -> Iterator[Fields]:
    """The file's articles as the list keeps them, one at a time."""
    make = make_article if whole else quick_article
    known = whole or os.path.splitext(path)[1].lower() in HTML_SUFFIXES
    for article, line in read_placed(path, source, report, make):
        yield (
            article.id,
            article.title,
            article.source,
            dict(article.meta),
            [list(r) for r in article.boilerplate] if known else None,
            article.words,
            None if line is None else list(line),
        )


def open_corpus(
    paths: Sequence[str | os.PathLike[str]] | None,
    report: OnProblem,
    cache: AnalysisCache | None,
    *,
    small: int | None = None,
    workers: int | None = None,
) -> Listing:
    """The articles under `paths` to list (the built-in corpus when None or empty)."""
    if not paths:
        candidates: Iterator[tuple[str, str]] = ((str(p), p.name) for p in builtin_paths())
        roots: list[str] = []
    else:
        roots = [os.path.abspath(os.fspath(p)) for p in paths]
        candidates = walk([os.fspath(p) for p in paths], report)
    return Listing(roots, candidates, report, cache, SMALL if small is None else small, workers)


class Listing:
    """Iterate it for the articles, in the order of the list; then `finish()` for those read
    quickly, read whole. `close()` stops its worker processes."""

    def __init__(
        self,
        roots: list[str],
        candidates: Iterator[tuple[str, str]],
        report: OnProblem,
        cache: AnalysisCache | None,
        small: int,
        workers: int | None,
    ) -> None:
        self._report = report
        self._cache = cache
        self._key = AnalysisCache.key("listing", LISTING_VERSION, LOADER_VERSION, *roots)
        first = list(islice(candidates, small + 1))
        self.large = len(first) > small
        # The rest of the folder is walked by the loading thread, not before the first frame.
        self._candidates: Iterable[tuple[str, str]] = (
            chain(first, candidates) if self.large else first
        )
        self._workers = workers if workers is not None else _cores()
        self._pool: Executor | None = None
        self._pool_failed = False
        self._closed = False
        # path -> [size, mtime_ns, source, articles, problems], as listed now
        self._index: dict[str, list[Any]] = {}
        self._quick: list[str] = []  # paths of files with articles not yet read whole
        self._dirty = False  # the index differs from the one saved
        self._lock = threading.Lock()

    # --- listing ------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Article]:
        if not self.large:
            yield from iter_candidates(self._candidates, self._report, self._cache)
            return
        seen: dict[str, str] = {}
        candidates = iter(self._candidates)
        # The first file at once, read whole: the reader shows it in its first frame, before
        # the index is read and the rest of the folder looked at.
        for path, source in candidates:
            yield from self._first(path, source, seen)
            break
        known = self._load_index()
        opened = next(iter(self._index.items()), None)
        self._dirty = opened is not None and known.get(opened[0]) != opened[1]
        files: list[tuple[str, str, tuple[int, int] | None, list[Any] | None]] = []
        for path, source in candidates:
            stamp = _stamp(path)
            entry = known.get(path)
            if entry is not None and stamp is not None and entry[:3] == [*stamp, source]:
                files.append((path, source, stamp, entry))
            else:
                files.append((path, source, stamp, None))
        to_read = [(path, source, False) for path, source, _, entry in files if not entry]
        self._dirty = self._dirty or bool(to_read) or len(known) != len(files) + len(self._index)
        del known
        read = self._map(to_read)
        for path, source, stamp, entry in files:
            if entry is not None:
                yield from self._listed(path, source, stamp, (entry[3], entry[4]), seen)
                continue
            found = next(read, None)
            if found is None:  # closed
                return
            yield from self._listed(path, source, stamp, found, seen)
        # Saved by `finish`, not here: the caller shows the last rows first.

    def _first(self, path: str, source: str, seen: dict[str, str]) -> Iterator[Article]:
        """The first file's articles, read whole and handed out one by one as they are read
        (the first of a long JSONL file is shown before the rest is read)."""
        stamp = _stamp(path)
        fields: list[Fields] = []
        problems: list[tuple[str, str, bool, int]] = []

        def noted(problem: Problem) -> None:
            problems.append((problem.source, problem.message, problem.skipped, len(fields)))
            self._report(problem)

        for found in _fields_of(path, source, True, noted):
            fields.append(found)
            article = ListedArticle(found, path, source)
            if is_new(article, seen, self._report):
                yield article
        if stamp is not None:
            self._index[path] = [*stamp, source, fields, problems]

    def _listed(
        self,
        path: str,
        source: str,
        stamp: tuple[int, int] | None,
        found: FileFields,
        seen: dict[str, str],
    ) -> Iterator[Article]:
        """The articles of one file as listed, kept in the index by its stamp."""
        entry: list[Any] = [*(stamp or (-1, -1)), source, *found]
        if stamp is not None:
            self._index[path] = entry
        if any(fields[4] is None for fields in entry[3]):
            self._quick.append(path)
        yield from self._articles_of(path, entry, seen)

    def _articles_of(self, path: str, entry: list[Any], seen: dict[str, str]) -> Iterator[Article]:
        """A file's articles from its entry, its problems said between them as found."""
        _size, _mtime, file_source, fields, problems = entry
        pending = sorted(problems, key=lambda p: p[3])
        for number, field in enumerate(fields):
            while pending and pending[0][3] <= number:
                self._report(_problem(pending.pop(0)))
            article = ListedArticle(field, path, file_source)
            if is_new(article, seen, self._report):
                yield article
        for problem in pending:
            self._report(_problem(problem))

    # --- reading whole ------------------------------------------------------------------

    def finish(self) -> Iterator[list[ListedArticle]]:
        """The articles listed from a quick read, read whole, a file's worth at a time (the
        rows then show the headline and date found past any site chrome). The index keeps
        them as they are found, so a reader closed meanwhile starts from there next time."""
        if self._dirty:
            self._save_index()
        if not self._quick:
            return
        saved = time.monotonic()
        tasks = [(path, self._index[path][2], True) for path in self._quick if path in self._index]
        for (path, _source, _whole), (fields, problems) in zip(
            tasks,
            self._map(tasks),
            strict=False,  # shorter once closed
        ):
            entry = self._index[path]
            if [f[0] for f in fields] != [f[0] for f in entry[3]]:
                continue  # edited since it was listed: listed anew on the next start
            with self._lock:
                entry[3], entry[4] = fields, problems
            yield [ListedArticle(f, path, entry[2]) for f in fields]
            if time.monotonic() - saved >= _SAVE_SECONDS:
                self._save_index()
                saved = time.monotonic()
        if not self._closed:
            self._quick = []
        self._save_index()

    def close(self) -> None:
        """Stop reading (from any thread): the worker processes end, and iterating ends."""
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is not None:
            # Waiting for the tasks under way (a few milliseconds): a pool left running is
            # reported on stderr as the interpreter exits.
            pool.shutdown(wait=True, cancel_futures=True)

    # --- the worker processes -----------------------------------------------------------

    def _map(self, tasks: list[tuple[str, str, bool]]) -> Iterator[FileFields]:
        """`list_file` of each task, in order: in worker processes when there are enough,
        else (or when the processes cannot start or die) in this thread."""
        done = 0
        pool = self._executor() if len(tasks) >= _POOL_MIN else None
        if pool is not None:
            try:
                # Whole reads take about 5 ms a file, quick ones a tenth of that.
                chunk = _CHUNK // 8 if tasks[0][2] else _CHUNK
                for found in pool.map(list_file, tasks, chunksize=chunk):
                    if self._closed:
                        return
                    done += 1
                    yield found
            except (BrokenProcessPool, CancelledError, OSError, RuntimeError):
                if self._closed:
                    return
                # A worker killed (out of memory), or no processes here: the rest in this
                # thread, from where the pool stopped.
                self._pool_failed = True
                self._pool = None
                pool.shutdown(wait=True, cancel_futures=True)
        for task in tasks[done:]:
            if self._closed:
                return
            yield list_file(task)

    def _executor(self) -> Executor | None:
        if self._pool is None and not self._pool_failed and not self._closed and self._workers > 1:
            try:
                self._pool = _start_pool(self._workers)
            except (OSError, ValueError, ImportError, NotImplementedError):
                self._pool_failed = True
        return self._pool

    # --- the index ----------------------------------------------------------------------

    def _load_index(self) -> dict[str, list[Any]]:
        if self._cache is None:
            return {}
        found = self._cache.load(self._key, _index_of)
        return found or {}

    def _save_index(self) -> None:
        if self._cache is None:
            return
        with self._lock:
            files = {path: list(entry) for path, entry in self._index.items()}
        self._cache.put(self._key, {"version": LISTING_VERSION, "files": files})


def _start_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from a server that has imported this module.

    The server and multiprocessing's resource tracker are started here, with the process's
    own standard error in `sys.stderr`: a full-screen app replaces it with an object that has
    no file descriptor, and starting them would fail. Workers write nothing to the terminal:
    their standard error goes to the null device (an error comes back to this process)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["corpus.listing"])
    shown, real = sys.stderr, sys.__stderr__
    try:
        if real is not None:
            sys.stderr = real
        multiprocessing.resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        sys.stderr = shown
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet)


def _quiet() -> None:
    """A worker's standard error to the null device (a warning printed there would land on
    the reader's screen)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def _index_of(data: dict[str, Any]) -> dict[str, list[Any]]:
    """The index as saved, each entry checked for shape (anyone can edit a cache): a bad one
    raises, and the corpus is read again."""
    if data.get("version") != LISTING_VERSION or not isinstance(data.get("files"), dict):
        raise ValueError("another layout")
    files: dict[str, list[Any]] = {}
    for path, entry in data["files"].items():
        size, mtime, source, fields, problems = entry
        checked = [_checked_fields(f) for f in fields]
        said = [(str(s), str(m), bool(k), int(a)) for s, m, k, a in problems]
        files[str(path)] = [int(size), int(mtime), str(source), checked, said]
    return files


def _checked_fields(raw: list[Any]) -> Fields:
    """One article's fields from the index, made safe as a read would have made them (what
    `Article.from_dict` checks, at a tenth of its cost: this runs for every article)."""
    id_, title, source, meta, ranges, words, line = raw
    if not isinstance(id_, str) or not _ID.fullmatch(id_):
        raise ValueError("an article id that is not one")
    if not isinstance(meta, dict):
        raise ValueError("metadata that is not a mapping")
    if ranges is not None:
        ranges = [[int(s), int(e)] for s, e in ranges]
    if line is not None:
        line = [int(line[0]), int(line[1])]
    return (
        id_,
        safe_line(_string(title)),
        safe_line(_string(source)),
        {safe_line(_string(k)): safe_line(_string(v)) for k, v in meta.items()},
        ranges,
        int(words),
        line,
    )


_ID = re.compile("[0-9a-f]{16}")


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a field that is not a string")
    return value


def _problem(said: tuple[str, str, bool, int] | list[Any]) -> Problem:
    source, message, skipped, _at = said
    return Problem(safe_line(source), safe_line(message), skipped)


def _stamp(path: str) -> tuple[int, int] | None:
    """The file's size and modification time, None when it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
