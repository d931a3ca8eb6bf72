"""A workspace that cannot be written: the store opens read-only, shows everything, says why."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.store import ReadOnlyStore, Store

A1 = "5e64e69df3fbd64f"
A2 = "4674bf8c426bb117"
TEXT = "Russia and the United States discussed rare earth metals in Alaska."


def annotate(root: Path) -> None:
    """maria's two articles, one done; and a corrupt third file."""
    with Store.open(root, "maria") as store:
        store.add(A1, 0, 6, "claim", TEXT[0:6])
        store.add(A1, 15, 28, "event", TEXT[15:28])
        store.add(A2, 40, 51, "figure", TEXT[40:51])
        store.set_status(A2, "done")
    (root / "annotations" / "maria" / "d125201d5b700bf9.json").write_text("{", "utf-8")


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def check_read_only(root: Path, reason_words: str) -> None:
    before = files(root)
    with Store.open(root, "maria") as store:
        assert store.read_only
        reason = store.read_only_reason or ""
        assert str(root / "annotations" / "maria") in reason and reason_words in reason
        assert "--workspace" in reason and "Errno" not in reason
        assert [a.label for a in store.for_article(A1)] == ["claim", "event"]
        assert store.article_state(A2).status == "done"
        assert len(store.article_ids()) == 3
        (corrupt,) = store.check_files()  # listed, not moved
        assert corrupt.moved_to is None and corrupt.article_id == "d125201d5b700bf9"
        with pytest.raises(ReadOnlyStore) as caught:
            store.add(A1, 0, 6, "figure", TEXT[0:6])
        assert reason in str(caught.value)
        for change in (store.undo, lambda: store.set_status(A1, "done")):
            with pytest.raises(ReadOnlyStore):
                change()
    with Store.open(root, "omar") as store:  # no folder yet, and none can be made
        assert store.read_only and store.for_article(A1) == []
        assert "cannot be created" in (store.read_only_reason or "")
    assert files(root) == before


@pytest.fixture
def erofs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Make every way the store writes fail with EROFS under the folders listed (works as
    root too, where chmod does not stop anything)."""
    roots: list[Path] = []

    def under(path: object) -> bool:
        try:
            target = Path(os.fsdecode(path)).absolute()  # type: ignore[arg-type]
        except TypeError:
            return False
        return any(target == r or r in target.parents for r in roots)

    def refuse(path: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))  # type: ignore[arg-type]

    real_open, real_mkdir = os.open, os.mkdir
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def fake_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & writing and under(path):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def fake_mkdir(path: object, *args: object, **kwargs: object) -> None:
        if under(path):
            if Path(os.fsdecode(path)).exists():  # type: ignore[arg-type]
                raise FileExistsError(errno.EEXIST, "File exists", os.fsdecode(path))  # type: ignore[arg-type]
            refuse(path)
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    def guarded(real: object) -> object:
        def call(first: object, *args: object, **kwargs: object) -> object:
            if under(first):
                refuse(first)
            return real(first, *args, **kwargs)  # type: ignore[operator]

        return call

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    for name in ("replace", "rename", "unlink", "link", "truncate", "rmdir"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name)))
    yield roots


def test_a_read_only_file_system_shows_everything_and_says_why(
    tmp_path: Path, erofs: list[Path]
) -> None:
    annotate(tmp_path)
    erofs.append(tmp_path.absolute())
    check_read_only(tmp_path, "read-only")


def test_reading_a_writable_store_never_writes(tmp_path: Path, erofs: list[Path]) -> None:
    """With the annotator's folder writable but every article file frozen, reading works."""
    annotate(tmp_path)
    with Store.open(tmp_path, "maria") as store:
        erofs.append((tmp_path / "annotations" / "maria" / f"{A1}.json").absolute())
        erofs.append((tmp_path / "annotations" / "maria" / f"{'0' * 16}.json").absolute())
        assert len(store.for_article(A1)) == 2 and store.status(A1) == "in progress"
        assert store.for_article("0" * 16) == [] and not store.has_span("0" * 16, 0, 1, "claim")
        assert store.get(f"{'0' * 16}-abc") is None
    assert not (tmp_path / "annotations" / "maria" / f"{'0' * 16}.json").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod")
def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    annotate(tmp_path)
    folders = [tmp_path, tmp_path / "annotations", tmp_path / "annotations" / "maria"]
    for folder in folders:
        folder.chmod(0o555)
    try:
        check_read_only(tmp_path, "no permission")
    finally:
        for folder in folders:
            folder.chmod(0o755)


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs remounted ro), where the machine lets us mount."""
    mount = shutil.which("mount")
    point = tmp_path / "mnt"
    point.mkdir()
    if mount is None or os.geteuid() != 0:
        pytest.skip("mounting needs root and mount(8)")
    made = subprocess.run([mount, "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
                          capture_output=True, check=False)  # fmt: skip
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace')}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_real_read_only_mount(read_only_mount: Path) -> None:
    annotate(read_only_mount)
    done = subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=False)
    if done.returncode:
        pytest.skip("cannot remount read-only here")
    check_read_only(read_only_mount, "read-only")
