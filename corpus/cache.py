"""On-disk cache of analyses: one small JSON file per (text, pipeline, analysis code) key."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_ENV = "ASSAY_CACHE_DIR"


def default_cache_dir() -> Path:
    """`ASSAY_CACHE_DIR`, else the user's cache folder for assay."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("assay", appauthor=False)) / "analysis"


class AnalysisCache:
    """A cache is disposable, so it never stops the work: unreadable entries are misses, and
    a folder that cannot be written turns the cache off with one `problem` to report."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problem: str | None = None
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        # A string path, not `_path`: this runs for every file of a corpus at start-up, and
        # two pathlib joins cost a tenth of reading the entry.
        name = os.path.join(self.folder, key[:2], key[2:] + ".json")
        try:
            with open(name, "rb") as handle:
                data = json.load(handle)
        except (OSError, ValueError, RecursionError):  # a cache entry nested past reading
            self.misses += 1
            return None
        if not isinstance(data, dict):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def has(self, key: str) -> bool:
        """Whether an entry is there (not whether it reads)."""
        return os.path.exists(os.path.join(self.folder, key[:2], key[2:] + ".json"))

    def load(self, key: str, build: Callable[[dict[str, Any]], T]) -> T | None:
        """`build(entry)`, or None when there is no entry or it does not build (a broken write
        or an older layout: the caller makes it again)."""
        data = self.get(key)
        if data is None:
            return None
        try:
            return build(data)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, data: dict[str, Any]) -> None:
        if self.problem is not None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed, so a reader never sees half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    # dumps, not dump: json.dump streams through the pure-Python encoder,
                    # five times slower on the token arrays of an export.
                    handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.problem = f"analysis cache turned off: cannot write {self.folder}: {exc.strerror}"
