"""JSONL lines as the loader and the importer read them (corpus/jsonl.py): one bad line is a
message naming it, never the end of the load."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from corpus import jsonl
from corpus.loader import load_corpus


def test_a_number_too_long_to_read_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    huge = '{"text": "Body one.", "rank": ' + "7" * 5000 + "}"
    path.write_text(huge + "\n" + json.dumps({"text": "Body two."}) + "\n", "utf-8")
    articles, problems = load_corpus([path])
    assert [a.text for a in articles] == ["Body two."]
    (problem,) = problems
    assert problem.source == f"{path}:1" and problem.message.startswith("not valid JSON")


def test_lines_are_numbered_in_the_file_and_blank_ones_skipped() -> None:
    data = b'\xef\xbb\xbf{"text": "a"}\n\n \n{"text": 1}\n\xff\n' + b"[" * 100_000 + b"\n"
    found = list(jsonl.records(io.BytesIO(data), 1 << 20))
    assert found[0] == (1, {"text": "a"})
    bad = [(n, r.message.split(" ")[0]) for n, r in found if isinstance(r, jsonl.BadLine)]
    assert bad == [(4, "expected"), (5, "not"), (6, "nested")]


@given(
    lines=st.lists(st.text(alphabet='ab"{}:\n ', max_size=12), max_size=8),
    limit=st.integers(1, 20),
)
def test_a_line_over_the_limit_is_its_size_and_the_rest_still_read(
    lines: list[str], limit: int
) -> None:
    raw = [json.dumps({"text": line}).encode() for line in lines]
    found = dict(jsonl.records(io.BytesIO(b"\n".join(raw) + b"\n"), limit))
    for number, line in enumerate(raw, start=1):
        got = found[number]
        if len(line) > limit:  # the newline is not counted
            assert isinstance(got, jsonl.BadLine) and got.size == len(line) + 1
        else:
            assert got == json.loads(line)
