"""Quitting at any moment: news from the analysis and loading threads that arrives after the
screen is gone is dropped, never raised (it raised NoMatches from the thread)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.config import Settings
from tests.conftest import SAMPLES
from tests.reader.conftest import MakeApp


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Forty articles, so that quitting can fall during the corpus's analysis too."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    for n in range(40):
        text = samples[n % len(samples)].read_text("utf-8")
        (folder / f"{n:03}.txt").write_text(f"{text}\n\nEdition {n}.\n", "utf-8")
    return folder


# From before the first article is read to the middle of the corpus's analysis: the model
# loads for about a second, then the corpus takes a few more.
DELAYS = (0.0, 0.01, 0.05, 0.2, 0.5, 0.9, 1.4, 2.0, 3.0)


async def test_quitting_at_any_moment_raises_nothing(
    make_app: MakeApp, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    threads = []
    for delay in DELAYS:
        app = make_app([str(corpus)], settings=Settings(analyse_corpus=True), use_cache=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(delay)
            await pilot.press("ctrl+q")
        assert app.return_code in (None, 0)
        threads.append(app._analysis_thread)
    # The analysis threads go on after the app has closed; what they send must go nowhere.
    deadline = time.monotonic() + 30
    for thread in threads:
        if thread is not None:
            thread.join(max(0.0, deadline - time.monotonic()))
    assert raised == []
