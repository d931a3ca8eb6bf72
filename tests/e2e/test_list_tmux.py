"""The real `assay` in tmux: it reopens where the annotator stopped, and `/` searches the text."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def opened_row(screen: str) -> str:
    """The list's row of the open article (marked ▶)."""
    return next((line for line in screen.splitlines() if "▶" in line), "")


def cursor_lines(screen: str) -> list[str]:
    """The reader's lines under the sentence cursor (the gutter bar)."""
    return [line for line in screen.splitlines() if line.startswith("▌")]


def test_reopens_where_it_stopped_and_filters_by_text(tmp_path: Path) -> None:
    env = assay_env(tmp_path)
    with Tmux(f"{ASSAY} --model none --annotator maria", env, width=100, height=30) as term:
        screen = term.wait_for("5 articles")
        assert "Russia, US may reach agreement" in opened_row(screen)
        term.keys("j", "j", "Enter")  # article 002 from the list
        term.wait_for("Putin Signals Openness to Economic Cooperation with US on Rare Earth")
        term.keys("j", "j", "j")
        time.sleep(1)
        stopped_at = cursor_lines(term.screen())
        assert stopped_at
        term.keys("C-q")
        term.wait_for("[exited 0]")
    position = json.loads((tmp_path / "ws/annotations/maria/position.json").read_text())
    assert position["offset"] > 0
    with Tmux(f"{ASSAY} --model none --annotator maria", env, width=100, height=30) as term:
        term.wait_for("Putin Signals Openness to Economic Cooperation with US on Rare Earth")
        term.wait_for(stopped_at[0])
        screen = term.screen()
        assert "Putin Signals Openness" in opened_row(screen)
        assert cursor_lines(screen) == stopped_at  # on the sentence where it stopped
        term.keys("/")
        term.wait_for("filter by title or text")
        term.keys("putin", literal=True)
        term.wait_for("2 by title, 3 by text")
        term.keys("Escape", "Escape")
        term.keys("C-q")
        term.wait_for("[exited 0]")
