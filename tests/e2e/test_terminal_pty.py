"""The real `assay` in a pseudo-terminal, read byte by byte: UTF-8 under a Latin-1 locale, and
frames paced by the terminal's answers (and not by a terminal that never answers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.pty import Terminal, wait_for
from tests.e2e.tmux import assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))
TITLE = "Russia, US may reach agreement"


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLORTERM", "NO_COLOR", "TMUX")}
    env.update(assay_env(tmp_path), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(extra)
    return env


def latin1_locale(tmp_path: Path) -> dict[str, str]:
    """A real ISO-8859-1 locale where one can be made (localedef, into a folder of the
    test's own); else Python's streams set to Latin-1 as such a locale sets them."""
    folder = tmp_path / "locales"
    folder.mkdir()
    if shutil.which("localedef"):
        made = subprocess.run(
            ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / "en_US.ISO-8859-1")],
            capture_output=True,
        )
        if made.returncode in (0, 1) and (folder / "en_US.ISO-8859-1").exists():
            return {"LOCPATH": str(folder), "LANG": "en_US.ISO-8859-1", "LC_ALL": ""}
    return {"PYTHONIOENCODING": "iso-8859-1:backslashreplace"}


def test_a_latin1_locale_gets_utf8_and_is_told_once(tmp_path: Path) -> None:
    locale = latin1_locale(tmp_path)
    check = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stderr.encoding)"],
        env=env_for(tmp_path, **locale), capture_output=True, text=True,
    )  # fmt: skip
    assert check.stdout.strip().lower().replace("-", "") == "iso88591"  # the locale is real
    term = Terminal([ASSAY], env_for(tmp_path, **locale))
    term.keep = True
    try:
        wait_for(term, TITLE)
        wait_for(term, "not UTF-8")
        term.settle(0.5)
        screen = term.text()
    finally:
        term.close()
    output = bytes(term.output)
    assert b"\\u" not in output and b"\\x" not in output  # no escapes written for characters
    assert "—".encode() in output  # the title's dash, as UTF-8
    assert f"{TITLE} on mining rare earths in Alaska — envoy" in screen
    assert screen.count("not UTF-8") == 1


def test_frames_are_paced_by_the_terminal_and_never_wait_for_a_silent_one(
    tmp_path: Path,
) -> None:
    term = Terminal([ASSAY], env_for(tmp_path))
    term.keep = True
    try:
        wait_for(term, TITLE)
        term.send(b"\t")  # to the reader
        term.settle(0.5)
        start = len(term.output)
        term.send(b"j")
        term.settle(0.5)
        after_key = bytes(term.output[start:])
        # The frame is followed by the question the next frame waits on.
        assert after_key.rstrip().endswith(b"\x1b[6n")
        assert b"\x1b[6n" in after_key
        # A terminal that stops answering: frames still come, a little later each, then
        # unpaced.
        term.screen.write_process_input = lambda _data: None  # type: ignore[method-assign]
        before = term.text()
        began = time.monotonic()
        for _ in range(6):
            term.send(b"j")
            term.settle(0.2)
        wait_until = time.monotonic() + 10
        while term.text() == before and time.monotonic() < wait_until:
            term.settle(0.2)
        assert term.text() != before
        assert time.monotonic() - began < 12
        # and the keys all arrived: six sentences on from where it was
        moved = term.text()
        assert moved != before
    finally:
        term.close()


@pytest.mark.parametrize("key", [b"j", b"k"])
def test_a_move_in_the_reader_costs_a_few_hundred_bytes(tmp_path: Path, key: bytes) -> None:
    """Not the whole pane again: the gutter of the lines of two sentences and the status."""
    term = Terminal([ASSAY], env_for(tmp_path))
    term.keep = True
    try:
        wait_for(term, TITLE)
        term.send(b"\t")
        term.settle(2.0)  # the analysis comes in (the whole pane is drawn again for it)
        term.send(b"jj")
        term.settle(0.5)
        sizes = []
        for _ in range(5):
            term.send(key)
            sizes.append(term.settle(0.4))
            term.send(b"k" if key == b"j" else b"j")
            term.settle(0.4)
    finally:
        term.close()
    assert sorted(sizes)[2] < 600, sizes  # the median: one may be the analysis arriving
