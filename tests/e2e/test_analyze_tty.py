"""`assay analyze` in a real terminal (tmux): progress on the screen, JSONL in the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ASSAY = str(Path(sys.executable).with_name("assay"))
SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_output_goes_to_the_file_while_the_progress_bar_shows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):
        sample = sorted(SAMPLES.glob("*.txt"))[i % 5]
        (corpus / f"a{i}.txt").write_text(sample.read_text("utf-8") + f"\nVariant {i}.\n", "utf-8")
    out, done = tmp_path / "out.jsonl", tmp_path / "done"
    session = f"assay-{uuid.uuid4().hex[:8]}"
    command = (
        f"ASSAY_CACHE_DIR={tmp_path / 'cache'} {ASSAY} analyze --model none {corpus} "
        f"> {out}; touch {done}; sleep 60"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True
    )
    try:
        deadline = time.monotonic() + 120
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    assert done.exists(), screen
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 12
    assert '"text"' not in screen  # nothing of the JSONL leaked to the terminal
