"""Who said it, in a real terminal (tmux): accepting a quotation brings its speaker as the
claim's linked source, and the export holds all three."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def first_quote(term: Tmux, speaker: str, timeout: float = 90) -> None:
    """Jump to the article's first quotation (g, then q), once the analysis has found it.

    The status line says "quote by <speaker>"; once the suggestions are in, it first says the
    quotation's claim is suggested, and the reader's pane may be too narrow for the rest (the
    export's speaker, checked after, tells the quotation was the right one)."""
    deadline = time.monotonic() + timeout
    while True:
        term.keys("g", "q")
        try:
            term.wait_for(f"quote by {speaker}", timeout=5)
            return
        except AssertionError:
            if "claim suggested: a accepts" in term.screen():
                return
            if time.monotonic() > deadline:
                raise


def test_accepting_a_quote_exports_its_claim_source_and_relation(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    env = assay_env(tmp_path, workspace=False)
    command = f"{ASSAY} --workspace {workspace} --annotator nadia"
    with Tmux(command, env, width=110, height=32) as term:
        term.wait_for("Russia, US may reach agreement")  # article 000 opens by itself
        term.keys("Tab")  # to the reader
        term.wait_for("v Select")
        first_quote(term, "Boris Titov")
        term.keys("a")
        term.wait_for("Saved claim")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    done = subprocess.run([ASSAY, "export", "--workspace", str(workspace), "--annotator", "nadia"],
                          capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    [line] = [json.loads(x) for x in done.stdout.splitlines()]
    spans = {s["label"]: s for s in line["spans"]}
    assert set(spans) == {"claim", "source"}
    assert spans["source"]["text"] == "Boris Titov"
    assert spans["claim"]["attrs"]["speaker"] == "Boris Titov"
    [relation] = line["relations"]
    assert relation["label"] == "source"
    assert (relation["head_id"], relation["child_id"]) == (spans["claim"]["id"],
                                                           spans["source"]["id"])  # fmt: skip
    assert relation["head"] == spans["claim"]["token_end"]
    assert relation["child_span"]["start"] == spans["source"]["start"]
