"""What the figures of a comparison add up, kept article by article between runs.

With spans and tokens kept (annotations/spancache.py, textcache.py), what is left of a run of
`assay agree` is counting: matching every pair's spans and marking every token, for each
article, then summing. Everything the figures sum is a row per article
(`annotations.agreement.ArticleCounts`), a function of that article alone (its id, title,
tokens, each annotator's spans and relations or their absence) and of whom and which labels
are compared. So the rows are kept under a digest of each article's part (`article_key`):
a run counts only the articles whose digest it does not find (changed, added, or compared
for the first time) and makes the report from the rows, kept and new (`figures`: the sums,
and the `krippendorff` package's alphas on units rebuilt from them). A run after one
annotator changed one span counts one article; a run where nothing changed reads back the
report made last time as well (kept as `Agreement.to_dict` writes it, whose floats read
back as the same numbers).

The rows are kept in a cache file (annotations/cachefile.py) per workspace, annotators and
labels in the user's cache folder, beside the span and text caches and as disposable: a
missing, damaged or foreign file is a miss (everything is counted), and a folder that cannot
be written turns the saving off with one `problem`, never an error. A file holds the rows of
the articles of its last run only, so it never grows past the workspace.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from annotations.agreement import Agreement, ArticleCounts, Compared, count_articles, figures
from annotations.cachefile import load_cache, write_cache
from annotations.spancache import FileSpans

# Also the version of the counting: a change to what annotations/agreement.py counts in a
# row must raise it, or rows counted the old way would be read back.
CACHE_VERSION = 2

# The row arrays of `ArticleCounts` as kept, with their type (shapes: `_shape`).
_ARRAYS = (
    ("present", "|b1"),
    ("tokens", "<i8"),
    ("made", "<i8"),
    ("spans", "<i8"),
    ("inside", "<i8"),
    ("both", "<i8"),
    ("taking", "<i8"),
    ("relations", "<i8"),
    ("linked", "<i8"),
)
_KEY_SIZE = 32


def cache_folder() -> Path:
    """Where the kept counts live: beside the span and text caches."""
    from corpus.cache import default_cache_dir

    return default_cache_dir() / "figures"


def article_key(item: Compared, annotators: Sequence[str]) -> bytes:
    """A digest of everything the row of `item` counts for `annotators` (in a cache file of
    one set of annotators and labels): two items with the same key have the same row."""
    article = item.article
    # Strings as JSON (which tells them apart and marks where each ends), offsets as the
    # bytes of their arrays with the type and length first (read from the caches as they
    # are: no copy of the token offsets). 2,000 articles a run: few calls each.
    parts: list[Any] = [
        _HEAD,
        json.dumps([article.article_id, item.title]).encode("utf-8", "surrogatepass"),
    ]
    for values in (item.tokens.starts, item.tokens.ends):
        _offsets(parts, values)
    for name in annotators:
        made = article.spans.get(name)
        if made is None:
            parts.append(b"\x00absent")
        elif isinstance(made, FileSpans):
            parts.append(_strings(made.labels, made.relations))
            _offsets(parts, made.starts)
            _offsets(parts, made.ends)
        else:
            parts.append(_strings(tuple(a.label for a in made), ()))
            _offsets(parts, [a.start for a in made])
            _offsets(parts, [a.end for a in made])
    digest = hashlib.blake2b(digest_size=_KEY_SIZE)  # (sha256's set-up costs 15 µs a call)
    for part in parts:
        digest.update(part)
    return digest.digest()


_HEAD = repr((CACHE_VERSION, sys.byteorder)).encode("ascii")


def _strings(labels: Sequence[str], relations: Sequence[tuple[int, int, str]]) -> bytes:
    """The labels and relations, told apart from any others: labels joined by a separator
    none of them holds (else as JSON), after their number."""
    joined = "\x1f".join(labels)
    if joined.count("\x1f") != max(len(labels) - 1, 0):
        joined = json.dumps(labels)
    tail = json.dumps(relations) if relations else ""
    return f"{len(labels)}\x1e{joined}\x1e{tail}".encode("utf-8", "surrogatepass")


def _offsets(parts: list[Any], values: Sequence[int]) -> None:
    packed = values if isinstance(values, array) else array("q", values)
    parts.append(b"%s%d;" % (packed.typecode.encode("ascii"), len(packed)))
    parts.append(packed)


class FigureCache:
    """The rows last counted for one workspace, annotators and labels, and the report made
    of them: `report` gives a run's report, counting only the articles not kept (`counts`)
    and making the figures again only when a row changed, and keeps both (written at once)."""

    def __init__(
        self,
        workspace: Path,
        annotators: Sequence[str],
        labels: Sequence[str] | None,
        folder: Path | None,
    ) -> None:
        self.names = tuple(annotators)
        self.labels = None if labels is None else list(dict.fromkeys(labels))
        where = os.path.abspath(workspace)
        chosen = json.dumps([where, list(annotators), labels])
        name = hashlib.sha256(chosen.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        self.path = None if folder is None else folder / f"{name}.bin"
        self.problem: str | None = None
        self._kept: tuple[list[bytes], ArticleCounts, Agreement | None] | None = load_cache(
            self.path, self._entry, None
        )

    def report(self, items: Iterable[Compared]) -> Agreement:
        """The report of `items`: the one kept when every row is, else made from the rows."""
        counts = self._counts(items, write=False)
        assert self._kept is not None  # `_counts` keeps what it gives
        keys, _counts, found = self._kept
        if found is None:
            found = figures(counts)
            self._save(keys, counts, found)  # rows and report in one write
        return found

    def counts(self, items: Iterable[Compared]) -> ArticleCounts:
        """The rows of `items`, in their order: kept ones read back, the others counted."""
        return self._counts(items, write=True)

    def _counts(self, items: Iterable[Compared], *, write: bool) -> ArticleCounts:
        items = list(items)
        keys = [article_key(item, self.names) for item in items]
        kept_keys, kept, _report = self._kept if self._kept is not None else ([], None, None)
        at = {key: row for row, key in enumerate(kept_keys)}
        hits = [i for i, key in enumerate(keys) if key in at]
        missing = [i for i, key in enumerate(keys) if key not in at]
        parts = []
        if kept is not None and hits:
            parts.append(kept.rows([at[keys[i]] for i in hits]))
        if missing or not parts:
            parts.append(count_articles([items[i] for i in missing], self.names, self.labels))
        found = ArticleCounts.joined(parts)
        if hits and missing:  # kept rows first, then counted ones: back to the items' order
            order = np.empty(len(items), dtype=np.int64)
            order[np.asarray(hits + missing, dtype=np.int64)] = np.arange(len(items))
            found = found.rows(order)
        found = _used_columns(found)
        if keys != kept_keys:
            self._kept = (keys, found, None)
            if write:
                self._save(keys, found, None)
        return found

    def _save(self, keys: list[bytes], found: ArticleCounts, report: Agreement | None) -> None:
        self._kept = (keys, found, report)
        if self.path is None or self.problem:  # (one failure turns the saving off)
            return
        names = json.dumps([found.article_ids, found.titles], ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
        header = {
            "version": CACHE_VERSION,
            "annotators": list(self.names),
            "labels": list(found.labels),
            "fixed": found.fixed_labels,
            "articles": found.articles,
            "text": len(names),
        }
        block = [b"".join(keys), names]
        if report is not None:  # as `Agreement.to_dict` writes it: its floats read back alike
            made = json.dumps(report.to_dict(), separators=(",", ":")).encode("ascii")
            header["report"] = len(made)
            block.append(made)
        for field_name, kind in _ARRAYS:
            block.append(np.ascontiguousarray(getattr(found, field_name), dtype=kind).tobytes())
        try:
            write_cache(self.path, header, block)
        except OSError as exc:
            self.problem = (
                f"figure cache not saved: cannot write {self.path.parent}: {exc.strerror}"
            )

    def _entry(
        self, header: Any, block: memoryview
    ) -> tuple[list[bytes], ArticleCounts, Agreement | None]:
        """The keys, rows and report (if made) of a cache file; raises ValueError (or another error
        `load_cache` takes for a miss) when it is not one this code wrote for these
        annotators and labels."""
        if not (
            type(header) is dict
            and header.get("version") == CACHE_VERSION
            and header.get("annotators") == list(self.names)
            and header.get("fixed") is (self.labels is not None)
            and (self.labels is None or header.get("labels") == self.labels)
            and type(header.get("articles")) is int
            and type(header.get("text")) is int
            and type(header.get("report", 0)) is int
            and type(header.get("labels")) is list
            and all(type(label) is str for label in header["labels"])
        ):
            raise ValueError("not a figure cache of this comparison")
        count, text = header["articles"], header["text"]
        labels = tuple(header["labels"])
        size = (len(self.names), len(list(combinations(self.names, 2))), len(labels))
        at = count * _KEY_SIZE
        keys = [block[i : i + _KEY_SIZE].tobytes() for i in range(0, at, _KEY_SIZE)]
        ids, titles = json.loads(block[at : at + text].tobytes().decode("utf-8", "surrogatepass"))
        if not (
            len(ids) == len(titles) == count
            and all(type(x) is str for x in ids)
            and all(type(x) is str for x in titles)
        ):
            raise ValueError("not a figure cache")
        at += text
        report = None
        if "report" in header:
            report = Agreement.from_dict(json.loads(block[at : at + header["report"]].tobytes()))
            at += header["report"]
        arrays = {}
        for field_name, kind in _ARRAYS:
            shape = _shape(field_name, count, *size)
            length = int(np.prod(shape)) * np.dtype(kind).itemsize
            if at + length > len(block):
                raise ValueError("cut short")
            arrays[field_name] = np.frombuffer(block[at : at + length], dtype=kind).reshape(shape)
            at += length
        if at != len(block) or len(set(keys)) != count:
            raise ValueError("not a figure cache")
        return (
            keys,
            ArticleCounts(
                names=self.names,
                labels=labels,
                fixed_labels=self.labels is not None,
                article_ids=tuple(ids),
                titles=tuple(titles),
                **arrays,
            ),
            report,
        )


def _shape(field_name: str, articles: int, names: int, pairs: int, labels: int) -> tuple[int, ...]:
    return {
        "present": (articles, names),
        "tokens": (articles,),
        "made": (names, articles, labels),
        "spans": (pairs, 4, articles, labels),
        "inside": (names, articles, labels),
        "both": (pairs, articles, labels),
        "taking": (articles, labels, names + 1),
        "relations": (pairs, 3, articles),
        "linked": (names, articles),
    }[field_name]


def _used_columns(found: ArticleCounts) -> ArticleCounts:
    """Without the columns of labels nobody made a span of here (left by rows of articles no
    longer compared), unless the labels were asked for."""
    if found.fixed_labels:
        return found
    made = found.made.sum(axis=(0, 1))
    used = [label for label, n in zip(found.labels, made.tolist(), strict=True) if n]
    return found if len(used) == len(found.labels) else found.relabelled(used)
