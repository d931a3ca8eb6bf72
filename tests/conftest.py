"""Shared fixtures: every test runs with its own cache folder and no model override."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


@pytest.fixture(autouse=True)
def _isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's real cache, or follows their model setting."""
    monkeypatch.setenv("ASSAY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("ASSAY_SPACY_MODEL", raising=False)


@pytest.fixture(scope="session")
def nlp() -> Iterator[object]:
    """The default pipeline, loaded once for the session (about a second)."""
    from corpus.nlp import choose_pipeline, load_pipeline

    choice = choose_pipeline()
    assert choice.has_entities, choice.notice
    yield load_pipeline(choice)


def with_known_misses(names: Iterable[str], misses: dict[str, str]) -> list[Any]:
    """Parameters for `names`, those in `misses` marked as strict expected failures (with the
    reason), so that a rule that starts handling one is noticed and the mark removed."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=misses[name], strict=True))
        if name in misses
        else name
        for name in names
    ]


def sample_text(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_workspace(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test touches the user's real workspace."""
    workspace = tmp_path_factory.mktemp("workspace")
    monkeypatch.setenv("ASSAY_WORKSPACE", str(workspace))
    return workspace
