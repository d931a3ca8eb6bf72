"""Shared pieces of the annotations tests: an import file writer and an open store."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store


def write(path: Path, lines: Sequence[Mapping[str, Any] | str]) -> Path:
    """A JSONL file of `lines` (objects, or raw strings written as they are)."""
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """maria's store in a fresh workspace, accepting any label."""
    with Store.open(tmp_path, "maria", labels=None) as opened:
        yield opened
