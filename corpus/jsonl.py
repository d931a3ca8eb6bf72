"""JSONL records read from a file, line by line, for the corpus loader and the importer.

A line is read whole only when it is at most `limit` bytes: a longer one is read past in
pieces and reported by its size, never held. A byte-order mark before the first line is
dropped; blank lines are skipped. Whatever is wrong with a line (not UTF-8, not JSON, nested
deeper than the parser can go, a number too long to read, not an object with a "text"
string) is a `BadLine` saying so, never an exception out of the reader: each caller decides
whether one bad line stops the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

# json.loads and json.dumps recurse once per level of nesting and raise RecursionError near
# Python's recursion limit: such a line is bad input like any other.
TOO_DEEP = "nested too deeply: arrays or objects inside each other deeper than can be read"
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class BadLine:
    """A line that gives no record: why, and for a line over the limit, its size in bytes."""

    message: str
    size: int | None = None  # set only for a line longer than the limit


def records(handle: BinaryIO, limit: int) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    """Each non-blank line's number (from 1) and its object with a "text" string, or what is
    wrong with it."""
    for number, _offset, found in records_at(handle, limit):
        yield number, found


def records_at(
    handle: BinaryIO, limit: int, number: int = 0
) -> Iterator[tuple[int, int, dict[str, Any] | BadLine]]:
    """`records`, with the byte offset where each line starts (to read it again alone: seek
    there and read one, with `number` the line's number less one)."""
    at = handle.tell()
    while (raw := _next_line(handle, limit)) is not None:
        number += 1
        offset, at = at, handle.tell()
        if isinstance(raw, int):
            yield number, offset, BadLine(f"longer than {limit} bytes", raw)
            continue
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, offset, BadLine(f"not UTF-8 (byte {exc.start + 1})")
            continue
        raw = b""  # the text is held twice at most while it is parsed, not three times
        if not decoded or decoded.isspace():  # (strip would copy a long line)
            continue
        found = _parsed(decoded)
        del decoded
        yield number, offset, found


def _next_line(handle: BinaryIO, limit: int) -> bytes | int | None:
    """The next line's bytes; its length instead when it is longer than `limit` (read in pieces
    and dropped); None at the end of the file."""
    raw = handle.readline(limit + 1)
    if not raw:
        return None
    if len(raw) <= limit or raw.endswith(b"\n"):
        return raw
    size = len(raw)
    del raw
    while piece := handle.readline(2**16):
        size += len(piece)
        if piece.endswith(b"\n"):
            break
    return size


def _parsed(line: str) -> dict[str, Any] | BadLine:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(f"not valid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return BadLine(TOO_DEEP)
    except ValueError as exc:  # e.g. a number with thousands of digits
        return BadLine(f"not valid JSON: {exc}")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return BadLine('expected an object with a "text" string')
    return record


def size(count: int) -> str:
    """A number of bytes for a message: "3 MiB", "12 KiB"."""
    return f"{count / 2**20:.0f} MiB" if count >= 2**20 else f"{count / 2**10:.0f} KiB"


def quote(value: Any, limit: int = 80) -> str:
    """A value from a file quoted in a message: JSON, at most about `limit` characters and a
    few levels deep, with every character that could act on a terminal (C0 and C1 controls,
    DEL, bidirectional controls, line separators, lone surrogates) escaped."""
    shown = _preview(value, limit, 0)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _preview(value: Any, limit: int, depth: int) -> str:
    if isinstance(value, str):
        return json.dumps(value[: limit + 1], ensure_ascii=False)
    if isinstance(value, list | dict):
        if depth >= 3:
            return "[…]" if isinstance(value, list) else "{…}"
        parts: list[str] = []
        used = 0
        items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
        for key, item in items:
            if used > limit:
                parts.append("…")
                break
            shown = _preview(item, limit, depth + 1)
            if key is not None:
                shown = f"{_preview(str(key), limit, depth + 1)}: {shown}"
            parts.append(shown)
            used += len(shown) + 2
        inside = ", ".join(parts)
        return f"[{inside}]" if isinstance(value, list) else f"{{{inside}}}"
    try:
        return json.dumps(value)
    except ValueError:  # an int too long to write out
        return "a number"
