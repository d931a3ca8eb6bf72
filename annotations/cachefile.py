"""The file format of the caches of comparisons (annotations/spancache.py, textcache.py).

A cache file is the SHA-256 (hex) of the rest and a line break, a JSON header and a line
break, and a block of bytes whose layout the header describes. The checksum tells a file cut
short or damaged on disk from one this code wrote; what the header says is checked by its
reader. Files are read whole and the block is handed out as a view (a cache holds tens of
megabytes: a copy of it costs as much as the checksum).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from annotations.storage import write_atomically

_Entries = TypeVar("_Entries")


def read_cache(path: Path) -> tuple[Any, memoryview] | None:
    """The header (parsed) and the block of the cache file at `path`; None when it cannot be
    read, its checksum does not fit, or its header is not JSON."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    view = memoryview(raw)
    digest_end = raw.find(b"\n")
    if digest_end < 0 or hashlib.sha256(view[digest_end + 1 :]).hexdigest().encode(
        "ascii"
    ) != bytes(view[:digest_end]):
        return None  # damaged (or cut short): what it holds is not what was written
    head_end = raw.find(b"\n", digest_end + 1)
    if head_end < 0:
        return None
    try:
        header = json.loads(view[digest_end + 1 : head_end].tobytes())
    except (ValueError, RecursionError):
        return None
    return header, view[head_end + 1 :]


def write_cache(path: Path, header: dict[str, Any], block: Iterable[bytes]) -> None:
    """Write a cache file atomically (its folder made first); raises OSError."""
    payload = b"".join(
        [
            json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            b"\n",
            *block,
        ]
    )
    digest = hashlib.sha256(payload).hexdigest().encode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, digest + b"\n" + payload)


def load_cache(
    path: Path | None, entries: Callable[[Any, memoryview], _Entries], empty: _Entries
) -> _Entries:
    """What `entries(header, block)` makes of the cache file at `path`; `empty` when there is
    none, it is damaged, or `entries` finds it is not what it reads (any of the errors a
    check of a foreign or hand-edited file raises)."""
    if path is None:
        return empty
    found = read_cache(path)
    if found is None:
        return empty
    try:
        return entries(*found)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, UnicodeError):
        return empty
