"""`assay review` says what is wrong before any screen opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store
from reader import review_cli
from reader.cli import main
from reader.review import ReviewApp
from tests.reader.test_review import AGREED, SHORT, annotate, first_article


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    article = first_article()
    annotate(root, "ana", article, [(AGREED, "claim")])
    annotate(root, "ben", article, [(SHORT, "claim")])
    return root


def review(workspace: Path, *args: str) -> int:
    return main(["review", "--workspace", str(workspace), *args])


@pytest.mark.parametrize(
    ("annotators", "said"),
    [
        ("ana", "at least two annotators"),
        ("ana,ana", "ana is named twice"),
        ("ana,zoe", "no annotations by zoe in this workspace (annotators there: ana, ben)"),
        ("ana,gold", "gold is among the annotators reviewed"),
        ("ana,../x", "cannot name a folder"),
    ],
)
def test_the_annotators_are_checked(
    workspace: Path, capsys: pytest.CaptureFixture[str], annotators: str, said: str
) -> None:
    if annotators == "ana,gold":
        annotate(workspace, "gold", first_article(), [])
    assert review(workspace, "--annotators", annotators) == 1
    assert said in capsys.readouterr().err


def test_no_terminal_is_said(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert review(workspace, "--annotators", "ana,ben") == 2
    assert "review needs a terminal" in capsys.readouterr().err


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[ReviewApp]:
    """A terminal, and an app that is made but not run."""
    ran: list[ReviewApp] = []
    monkeypatch.setattr(review_cli, "in_terminal", lambda: True)

    def run(self: ReviewApp, *_args: Any, **_kwargs: Any) -> None:
        ran.append(self)

    monkeypatch.setattr(ReviewApp, "run", run)
    return ran


def test_nothing_to_review_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], terminal: list[ReviewApp]
) -> None:
    root = tmp_path / "ws"
    article = first_article()
    annotate(root, "ana", article, [(AGREED, "claim")])
    annotate(root, "ben", article, [(SHORT, "claim")], done=False)
    assert review(root, "--annotators", "ana,ben") == 1
    err = capsys.readouterr().err
    assert "nothing to review: no articles that all of them marked done" in err
    assert f"{article.id}: not done by ben" in err
    assert "--include-unfinished" in err
    assert not terminal
    assert review(root, "--annotators", "ana,ben", "--include-unfinished") == 0
    assert len(terminal) == 1 and terminal[0].annotators == ("ana", "ben")


def test_a_locked_gold_store_is_said_and_opened_read_only(
    workspace: Path, capsys: pytest.CaptureFixture[str], terminal: list[ReviewApp]
) -> None:
    with Store.open(workspace, "gold") as held:
        assert not held.read_only
        assert review(workspace, "--annotators", "ana,ben", "--as", "gold") == 0
    err = capsys.readouterr().err
    assert "reviewing 1 article (articles that all of them marked done)" in err
    assert "is annotating as gold" in err and "the review opens read-only" in err
    (app,) = terminal
    assert app.annotator == "gold" and app.annotators == ("ana", "ben")
