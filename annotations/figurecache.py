"""The figures of a comparison, kept between runs under a digest of everything they count.

With spans and tokens kept (annotations/spancache.py, textcache.py), what is left of a run of
`assay agree` on an unchanged workspace is counting: a second of numpy and of the
`krippendorff` package for 2,000 articles, the same second every time. The figures are a
function of the articles compared (in order: id, title, each annotator's spans and relations
or their absence, the tokens) and of whom and which labels they compare, so the report is
kept under a digest of all that (`comparison_key`) and a run that finds the same digest
reads it back instead of counting. Anything changed, added or left out makes another digest:
the figures are counted again and kept in place of the old ones.

The report is kept as `Agreement.to_dict` writes it (JSON, whose floats read back as the same
numbers), in a cache file (annotations/cachefile.py) per workspace, annotators and labels in
the user's cache folder, beside the span and text caches and as disposable: a missing,
damaged or foreign file is a miss, and a folder that cannot be written turns the saving off
with one `problem`, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annotations.agreement import Agreement, Compared
from annotations.cachefile import load_cache, write_cache
from annotations.spancache import FileSpans

# Also the version of the counting: a change to what annotations/agreement.py counts must
# raise it, or a report counted the old way would be read back.
CACHE_VERSION = 1


def cache_folder() -> Path:
    """Where the kept figures live: beside the span and text caches."""
    from corpus.cache import default_cache_dir

    return default_cache_dir() / "figures"


def comparison_key(
    items: Iterable[Compared], annotators: Sequence[str], labels: Sequence[str] | None
) -> str:
    """A digest of everything `agreement(items, annotators, labels)` counts: two comparisons
    with the same key have the same figures."""
    digest = hashlib.sha256()

    def add(value: Any) -> None:
        # repr tells a str from a number and marks where each ends.
        digest.update(repr(value).encode("utf-8", "surrogatepass"))

    def offsets(values: Sequence[int]) -> None:
        # As the bytes of their array (with its type and the machine's byte order, added
        # first), read from the caches as they are: no copy of 1.6 million token offsets.
        packed = values if isinstance(values, array) else array("q", values)
        add((packed.typecode, len(packed)))
        digest.update(packed)

    add(
        (CACHE_VERSION, sys.byteorder, tuple(annotators), None if labels is None else tuple(labels))
    )
    for item in items:
        article = item.article
        add((article.article_id, item.title))
        offsets(item.tokens.starts)
        offsets(item.tokens.ends)
        for name in annotators:
            made = article.spans.get(name)
            if made is None:
                add(None)
                continue
            if isinstance(made, FileSpans):
                add((made.labels, made.relations))
                offsets(made.starts)
                offsets(made.ends)
            else:
                add((tuple(a.label for a in made), ()))
                offsets([a.start for a in made])
                offsets([a.end for a in made])
    return digest.hexdigest()


class FigureCache:
    """The report last counted for one workspace, annotators and labels: `get` it back under
    its key, `put` a new one (written at once)."""

    def __init__(
        self,
        workspace: Path,
        annotators: Sequence[str],
        labels: Sequence[str] | None,
        folder: Path | None,
    ) -> None:
        where = os.path.abspath(workspace)
        chosen = json.dumps([where, list(annotators), labels])
        name = hashlib.sha256(chosen.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        self.path = None if folder is None else folder / f"{name}.bin"
        self.problem: str | None = None
        self._kept: tuple[str, Agreement] | None = load_cache(self.path, _entry, None)

    def get(self, key: str) -> Agreement | None:
        """The report kept under `key`; None when another one (or none) is kept."""
        if self._kept is None or self._kept[0] != key:
            return None
        return self._kept[1]

    def put(self, key: str, found: Agreement) -> None:
        """Keep `found` under `key` in place of what was kept; a folder that cannot be
        written sets `problem`."""
        if self.path is None:
            return
        report = json.dumps(found.to_dict(), separators=(",", ":")).encode("ascii")
        try:
            write_cache(self.path, {"version": CACHE_VERSION, "key": key}, [report])
        except OSError as exc:
            self.problem = (
                f"figure cache not saved: cannot write {self.path.parent}: {exc.strerror}"
            )
        self._kept = (key, found)


def _entry(header: Any, block: memoryview) -> tuple[str, Agreement]:
    """The key and report of a cache file; raises ValueError (or another error `load_cache`
    takes for a miss) when it is not one this code wrote."""
    if not (
        type(header) is dict
        and header.get("version") == CACHE_VERSION
        and type(header.get("key")) is str
    ):
        raise ValueError("not a figure cache")
    return header["key"], Agreement.from_dict(json.loads(block.tobytes()))
