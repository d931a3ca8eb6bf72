"""Fixtures for the reader: an app on the built-in corpus, isolated settings and workspace."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.app import AssayApp
from reader.config import Settings
from reader.widgets.article_view import ArticleView

MakeApp = Callable[..., AssayApp]


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("ASSAY_CONFIG", str(path))
    return path


@pytest.fixture
def make_app(tmp_path: Path) -> MakeApp:
    """An app on the built-in corpus (or `paths`), for annotator maria in a fresh workspace.
    The background analysis of the corpus is off unless asked for: tests wait for the open
    article, and snapshots must not catch a moving progress figure."""

    def make(paths: list[str] | None = None, **kwargs: Any) -> AssayApp:
        settings = kwargs.pop("settings", Settings(analyse_corpus=False))
        return AssayApp(paths or [], tmp_path / "ws", kwargs.pop("annotator", "maria"),
                        settings, **kwargs)  # fmt: skip

    return make


async def wait_for(pilot: Any, condition: Callable[[], bool], timeout: float = 60) -> None:
    """Let the app run until `condition()` holds (workers post their results meanwhile)."""
    steps = int(timeout / 0.05)
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


async def analysed(pilot: Any) -> ArticleView:
    """Wait until the open article's analysis has arrived; the reader view."""
    view = pilot.app.query_one(ArticleView)
    await wait_for(pilot, lambda: view.analysis is not None)
    await pilot.pause()
    return view


async def settled(pilot: Any) -> None:
    """Wait until the annotation session has nothing queued and the messages its thread
    posted have been handled (a handler may queue more: an undo opens its article)."""
    session = pilot.app.reader.session
    for _ in range(20):
        await wait_for(pilot, lambda: session.pending == 0)
        handled = asyncio.Event()
        session.target.call_later(handled.set)  # runs after every message queued before it
        await asyncio.wait_for(handled.wait(), timeout=60)
        if session.pending == 0:
            return
    raise AssertionError("the session did not settle")
