"""Statuses are a StrEnum whose members are their strings: files, exports and the reader
compare and write plain strings."""

from __future__ import annotations

import json

from annotations.model import STATUSES, Status


def test_members_are_their_strings() -> None:
    assert [str(s) for s in Status] == ["todo", "in progress", "done"] == list(STATUSES)
    assert Status("in progress") is Status.IN_PROGRESS and Status.DONE == "done"
    assert {"done": "✓"}[Status.DONE] == "✓" and "todo" in STATUSES
    assert f"{Status.IN_PROGRESS}" == "in progress"
    assert json.dumps({"status": Status.DONE}) == '{"status": "done"}'
