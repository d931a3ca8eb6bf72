"""A TinyDB storage that is never half written.

TinyDB's JSONStorage rewrites its file in place: a crash mid-write leaves a broken file. This
one writes a temporary file beside the target, fsyncs it, renames it over the target and
fsyncs the folder, so the file on disk is always the old or the new version, and a write
that has returned survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from tinydb.storages import Storage


class CorruptFile(Exception):
    """A store file that cannot be read. A writer moves it aside (`moved_to`), never
    overwriting it; a reader leaves it where it is (`moved_to` is None). `earlier`: found
    already set aside, by an earlier run."""

    def __init__(
        self, path: Path, moved_to: Path | None, reason: str, earlier: bool = False
    ) -> None:
        self.path = path
        self.moved_to = moved_to
        self.reason = reason
        self.earlier = earlier
        if moved_to is None:  # a read-only store leaves files to their writer
            super().__init__(f"{path} could not be read ({reason}); nothing was changed.")
            return
        recover = (
            "Its annotations are not loaded: repair the JSON by hand and move it back while "
            "assay is closed, or re-import them from an export "
            "('assay import FILE --annotator NAME')."
        )
        if earlier:
            super().__init__(
                f"{moved_to} was set aside earlier because {path.name} could not be read "
                f"({reason}). {recover}"
            )
            return
        super().__init__(
            f"{path} could not be read ({reason}). It was moved to {moved_to} and nothing was "
            f"overwritten. {recover}"
        )

    @property
    def article_id(self) -> str | None:
        """The article whose annotations the file held (None for the history log)."""
        name = self.path.name
        stem = name.removesuffix(".json").removesuffix(".journal")  # the file or its journal
        return stem if stem != name and _ARTICLE_ID.fullmatch(stem) else None


_ARTICLE_ID = re.compile(r"[0-9a-f]{16}")
CORRUPT_MARK = ".corrupt-"


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file."""
    with atomic_writer(path) as handle:
        handle.write(payload)


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` only when the block ends without an error.

    Until then the data goes to a temporary file beside `path` (so the rename stays on one
    file system), which is fsynced before the rename; on an error it is removed and `path`
    is untouched.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); the result should have the mode the old
        # file had, or the one any new file gets, so a shared gold file stays readable.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def quarantine(path: Path, reason: str, move: bool = True) -> CorruptFile:
    """Move an unreadable file aside under a name that says so; return the error to raise.

    The new name is never one that exists: nothing is overwritten, not even an earlier
    corrupt copy of the same file.
    """
    from annotations.model import now

    if not move:
        return CorruptFile(path, None, reason)
    stamp = now().replace(":", "")
    for attempt in range(1, 1000):
        moved = path.with_name(
            f"{path.name}{CORRUPT_MARK}{stamp}" + (f"-{attempt}" if attempt > 1 else "")
        )
        try:
            os.link(path, moved)  # fails when `moved` exists, where a rename would replace it
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if moved.exists():  # a file system without hard links: check, then rename
                continue
            os.replace(path, moved)
        else:
            os.unlink(path)
        return CorruptFile(path, moved, reason)
    raise OSError(errno.EEXIST, f"no free name to set {path} aside")


class AtomicJSONStorage(Storage):
    """TinyDB storage: one JSON file, read whole, written atomically and durably.

    An article file of the store is read with its journal applied (annotations/journal.py),
    and writing one replaces the file and removes its journal: TinyDB itself sees what the
    store holds.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        read_only: bool = False,
        header: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # Tables every write carries when the data lacks them (the store's `meta`): a file is
        # created by its first change, with them, and reading never has to write anything.
        self.header = header or {}

    def read(self) -> dict[str, dict[str, Any]] | None:
        from annotations.journal import read_tables

        return read_tables(self.path, move=not self.read_only).data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        from annotations.journal import journal_of

        if self.read_only:
            raise PermissionError(f"{self.path}: this store is read-only")
        missing = {name: table for name, table in self.header.items() if name not in data}
        if missing:
            data = {**_copy(missing), **data}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomically(self.path, payload)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(journal_of(self.path))  # folded into what was just written


def parse_tables(raw: bytes) -> dict[str, dict[str, Any]]:
    """A TinyDB file's tables; ValueError saying why when `raw` is not one."""
    if not raw.strip():
        raise ValueError("the file is empty")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not valid JSON: {exc}") from None
    except RecursionError:  # hostile or broken: nested deeper than a parser can follow
        raise ValueError("nested too deeply to be a TinyDB database") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError("not a TinyDB database")
    return data


def _copy(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A copy TinyDB may change in place (it edits documents, never their nested values)."""
    return {name: {key: dict(doc) for key, doc in table.items()} for name, table in data.items()}
