"""`Workspace.each_article`: the one walk of a workspace that export and stats share."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.storage import CorruptFile
from annotations.store import Store
from annotations.workspace import Workspace

IDS = ("0" * 16, "1" * 16, "2" * 16)


def _workspace(root: Path) -> Workspace:
    with Store.open(root, "maria", labels=None) as store:
        store.add(IDS[0], 0, 3, "claim", "abc")
        store.add(IDS[2], 0, 3, "claim", "abc")
    with Store.open(root, "omar", labels=None) as store:
        store.add(IDS[1], 0, 3, "event", "abc")
        store.add(IDS[2], 1, 3, "event", "bc")
        store.set_status(IDS[2], "done")
    return Workspace(root)


def test_every_article_once_with_each_annotators_state(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    problems: list[CorruptFile] = []
    walked = list(workspace.each_article(["omar", "maria", "nobody"], problems.append))
    assert [a.article_id for a in walked] == list(IDS)
    assert [list(a.states) for a in walked] == [["maria"], ["omar"], ["omar", "maria"]]
    last = walked[2].states
    assert (last["omar"].status, last["maria"].status) == ("done", "in progress")
    assert [x.text for x in last["omar"].annotations] == ["bc"]
    assert problems == [] and all(a.problems == () for a in walked)


def test_an_unreadable_file_is_a_problem_of_its_article_and_nothing_is_moved(
    tmp_path: Path,
) -> None:
    workspace = _workspace(tmp_path)
    broken = tmp_path / "annotations" / "omar" / f"{IDS[2]}.json"
    broken.write_text("{", "utf-8")
    problems: list[CorruptFile] = []
    walked = list(workspace.each_article(["maria", "omar"], problems.append))
    assert list(walked[2].states) == ["maria"]
    (problem,) = walked[2].problems
    assert problems == [problem] and problem.path == broken and problem.moved_to is None
    assert broken.read_text("utf-8") == "{"


def test_checked_files_are_reported_first_and_left_out(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    broken = tmp_path / "annotations" / "maria" / f"{IDS[0]}.json"
    broken.write_text('{"annotations": {"1": {"start": "x"}}}', "utf-8")
    seen: list[object] = []
    for article in workspace.each_article(["maria", "omar"], seen.append, check_files=True):
        seen.append(article.article_id)
    assert isinstance(seen[0], CorruptFile) and seen[0].path == broken
    assert seen[1:] == list(IDS[1:])  # maria's broken article is not read again
    assert broken.exists()


def test_the_stores_are_closed_when_the_walk_stops_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = _workspace(tmp_path)
    closed: list[str] = []
    real_close = Store.close

    def close(store: Store) -> None:
        closed.append(store.annotator)
        real_close(store)

    monkeypatch.setattr(Store, "close", close)
    walk = workspace.each_article(["maria", "omar"], lambda _c: None)
    next(walk)
    assert closed == []
    walk.close()
    assert closed == ["maria", "omar"]
