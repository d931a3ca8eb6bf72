"""A corpus cannot write the annotator's clipboard, title or screen through the real `assay`:
tmux with `set-clipboard on` turns an OSC 52 sequence into a paste buffer, so a buffer that
never appears is a clipboard left alone."""

from __future__ import annotations

import json
import shutil
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, assay_env

ASSAY = str(Path(sys.executable).with_name("assay"))
PWN = "\x1b]52;c;UFdO\x07"  # "PWN" on the clipboard
CLIPBOARD = {"set-clipboard": "on"}

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _server() -> str:
    return f"assay-test-{uuid.uuid4().hex[:8]}"


def _buffers(term: Tmux) -> str:
    return term.tmux("list-buffers", "-F", "#{buffer_sample}", check=False)


def _hostile_corpus(tmp_path: Path) -> Path:
    text = (
        Path(__file__).parents[2] / "corpus" / "samples" / "002_d0363d052b34d6e4.txt"
    ).read_text("utf-8")
    corpus = tmp_path / "corpus.jsonl"
    record = {"text": text, "source": f"wire{PWN}feed", "title": f"Rare earths {PWN}talks",
              "meta": {"site": f"Agency{PWN}", "author": f"\x1b]2;OWNED\x07{PWN}"}}  # fmt: skip
    corpus.write_text(json.dumps(record) + "\n", "utf-8")
    return corpus


def test_the_check_itself_sees_an_osc_52_write(tmp_path: Path) -> None:
    """Without this, an empty buffer list would prove nothing."""
    command = f"printf '{PWN.encode('unicode_escape').decode()}'; sleep 5"
    with Tmux(command, {}, server=_server(), options=CLIPBOARD) as term:
        deadline = time.monotonic() + 10
        while "PWN" not in _buffers(term) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "PWN" in _buffers(term)


def test_opening_a_corpus_with_osc_52_in_its_source_leaves_the_clipboard_alone(
    tmp_path: Path,
) -> None:
    corpus = _hostile_corpus(tmp_path)
    command = f"{ASSAY} {corpus} --annotator nadia"
    with Tmux(command, assay_env(tmp_path), server=_server(), options=CLIPBOARD) as term:
        term.wait_for("Rare earths talks")
        term.wait_for("wirefeed")
        for key in ("j", "j", "Tab", "j", "question_mark", "Escape", "p", "p"):
            term.keys(key)  # repaints of the list, the title and the panel
            time.sleep(0.2)
        term.keys("C-q")
        term.wait_for("[exited 0]")
        assert _buffers(term) == ""
        assert "OWNED" not in term.tmux("display-message", "-p", "#{pane_title}")


def test_the_corpus_table_and_analyze_leave_the_clipboard_alone(tmp_path: Path) -> None:
    corpus = _hostile_corpus(tmp_path)
    env = assay_env(tmp_path)
    command = (
        f"{ASSAY} analyze --model none --format table {corpus}; "
        f"{ASSAY} analyze --model none {corpus} > {tmp_path / 'out.jsonl'}; "
        f"{ASSAY} {corpus} | cat; echo '[all done]'"
    )
    with Tmux(command, env, server=_server(), options=CLIPBOARD) as term:
        term.wait_for("[all done]")
        screen = term.screen()
        assert "Rare earths" in screen and "wirefeed" in screen
        assert _buffers(term) == ""
