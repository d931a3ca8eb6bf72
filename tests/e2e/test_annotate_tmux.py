"""Annotating in a real terminal (tmux): a figure tagged by keys reaches the gold export, and
an annotation shown as saved survives SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.store import Store
from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def env(tmp_path: Path) -> dict[str, str]:
    return assay_env(tmp_path, workspace=False)  # each test names its workspace


def open_article_002(term: Tmux) -> None:
    term.wait_for("5 articles")
    term.keys("j", "j", "Enter")  # the list has the focus: its third row is article 002
    term.wait_for("Putin Signals Openness")


def test_a_figure_tagged_by_keys_is_in_the_export(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    command = f"{ASSAY} --workspace {workspace} --annotator nadia"
    with Tmux(command, env(tmp_path), width=100, height=30) as term:
        open_article_002(term)
        term.keys("/")
        term.wait_for("find in the article")
        term.keys("2 million tons", literal=True)
        term.wait_for("1 found")
        term.keys("Enter")
        term.keys("f")
        term.wait_for("Saved figure")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    done = subprocess.run([ASSAY, "export", "--workspace", str(workspace), "--annotator", "nadia"],
                          capture_output=True, text=True, env={**os.environ, **env(tmp_path)},
                          timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    [line] = [json.loads(x) for x in done.stdout.splitlines()]
    assert [(s["label"], s["text"]) for s in line["spans"]] == [("figure", "2 million tons")]
    assert line["text"][line["spans"][0]["start"] : line["spans"][0]["end"]] == "2 million tons"


def test_an_annotation_shown_saved_survives_sigkill(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    command = f"{ASSAY} --workspace {workspace} --annotator nadia"
    with Tmux(command, env(tmp_path), width=100, height=30) as term:
        open_article_002(term)
        term.keys("j", "c")  # the sentence after the headline, as a claim
        term.wait_for("Saved claim")
        # The store's lock file holds the pid of the assay that writes.
        pid = int((workspace / "annotations" / "nadia" / ".lock").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        term.wait_for("[exited 137]")
    with Store.open(workspace, "nadia") as store:  # the lock died with the process
        [annotation] = list(store.all())
        assert annotation.label == "claim"
        assert annotation.text.startswith("Vladimir Putin has stated"), annotation.text
    # And a restart shows it: the list counts it.
    with Tmux(command, env(tmp_path), width=100, height=30) as term:
        term.wait_for("1 in progress")
        term.keys("C-q")
        term.wait_for("[exited 0]")


def test_keys_typed_ahead_go_where_the_keys_before_them_lead(tmp_path: Path) -> None:
    """A fast typist: open the third article, find, tag, all before the screen catches up.
    Each key must act on the pane the keys before it left focused (the list's enter moves
    to the reader, `/` to the find box, the box's enter back to the reader)."""
    workspace = tmp_path / "ws"
    command = f"{ASSAY} --workspace {workspace} --annotator nadia"
    with Tmux(command, env(tmp_path), width=100, height=30) as term:
        term.wait_for("5 articles")
        term.keys("j", "j", "Enter", "/", "2", "Space", "million", "Space", "tons", "Enter", "f")
        term.wait_for("Saved figure")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    with Store.open(workspace, "nadia") as store:
        assert [(a.label, a.text) for a in store.all()] == [("figure", "2 million tons")]


def test_a_mouse_drag_selects_in_a_real_terminal(tmp_path: Path) -> None:
    """The terminal's own mouse reports (SGR: press, motion with the button held, release)."""
    workspace = tmp_path / "ws"
    command = f"{ASSAY} --workspace {workspace} --annotator nadia"
    with Tmux(command, env(tmp_path), width=100, height=30) as term:
        term.wait_for("Boris Titov said")  # article 000: its first quote on screen rows 16-17
        for report in ("\x1b[<0;6;16M", "\x1b[<32;20;16M", "\x1b[<32;40;17M", "\x1b[<0;40;17m"):
            term.keys(report, literal=True)
        term.wait_for("selected: ")
        term.keys("c")
        term.wait_for("Saved claim")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    with Store.open(workspace, "nadia") as store:
        [claim] = list(store.all())
        assert claim.text.startswith("Until the key issue of lifting sanctions")
        assert claim.text.endswith("Boris Titov said")  # released past the line end: its last word
