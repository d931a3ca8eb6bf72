"""The real `assay` in a real terminal (tmux): it opens the built-in corpus and finds text."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_opens_article_000_and_finds_the_bracketed_insert(tmp_path: Path) -> None:
    with Tmux(ASSAY, assay_env(tmp_path), width=100, height=30) as term:
        term.wait_for("Russia, US may reach agreement")  # article 000 opens by itself
        term.wait_for("5 articles")
        term.keys("Tab")  # to the reader: its keys show in the footer
        term.wait_for("v Select")
        term.keys("/")
        term.wait_for("find in the article")
        term.keys("Donald] Trump", literal=True)
        term.keys("Enter")
        # The reader wraps lines at spaces: the insert may straddle two screen lines.
        term.wait_for("[US President Donald] Trump", wrapped=True)
        term.wait_for("quote by Boris Titov")  # the insert is in his quote: the status says so
        term.keys("C-q")
        term.wait_for("[exited 0]")


def test_quits_cleanly_without_a_model(tmp_path: Path) -> None:
    with Tmux(f"{ASSAY} --model none", assay_env(tmp_path), width=80, height=24) as term:
        screen = term.wait_for("Entity highlighting is off")
        assert "Russia, US may reach agreement" in screen
        term.keys("C-q")
        term.wait_for("[exited 0]")
