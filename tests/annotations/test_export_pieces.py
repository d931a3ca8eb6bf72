"""The export of a very long article comes in pieces: its tokens are never one string."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.export import ExportReport, export_lines, export_pieces
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import make_article
from corpus.nlp import choose_pipeline
from corpus.tokens import Tokenizer, Tokens


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.text(alphabet='ab"\\é🚀\n\u2028', min_size=1, max_size=4), max_size=30),
    per=st.integers(1, 8),
)
def test_json_pieces_join_to_the_whole_array(words: list[str], per: int) -> None:
    text = " ".join(words)
    starts, ends, at = [], [], 0
    for word in words:
        starts.append(at)
        ends.append(at + len(word))
        at += len(word) + 1
    tokens = Tokens.of(starts, ends, [i < len(words) - 1 for i in range(len(words))])
    pieces = list(tokens.json_pieces(text, per))
    assert "".join(pieces) == tokens.to_json(text)
    # The whole array when it fits in one piece, else the brackets and a piece per `per` tokens
    assert len(pieces) == (1 if len(words) <= per else 2 + -(-len(words) // per))
    assert [t["text"] for t in json.loads(tokens.to_json(text))] == words
    assert [t["id"] for t in json.loads(tokens.to_json(text))] == list(range(len(words)))


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(alphabet='a"\\é🚀\n\x7f\u2028', min_size=1, max_size=3), max_size=12),
    offset=st.sampled_from([0, 99_990, 100_000, 1_000_000]),
    per=st.integers(1, 5),
)
def test_tokens_json_is_byte_for_byte_json_dumps(words: list[str], offset: int, per: int) -> None:
    """The tokens' JSON, built as text, is what `json.dumps` makes of the dicts (compact, not
    ASCII-escaped), for offsets inside and past the table of numbers kept as text."""
    text = " " * offset + " ".join(words)
    starts, ends, at = [], [], offset
    for word in words:
        starts.append(at)
        ends.append(at + len(word))
        at += len(word) + 1
    spaces = [i % 3 != 2 for i in range(len(words))]
    tokens = Tokens.of(starts, ends, spaces)
    dicts = [
        {"text": w, "start": s, "end": e, "id": i, "ws": ws}
        for i, (w, s, e, ws) in enumerate(zip(words, starts, ends, spaces, strict=True))
    ]
    expected = json.dumps(dicts, ensure_ascii=False, separators=(",", ":"))
    assert tokens.to_json(text) == expected
    assert "".join(tokens.json_pieces(text, per)) == expected


@pytest.mark.parametrize("output_format", ["prodigy", "doccano"])
def test_a_long_article_is_exported_in_pieces(tmp_path: Path, output_format: str) -> None:
    text = "The minister said taxes would rise by 5% next year. " * 20_000  # 240,000 tokens
    article = make_article(text, "long.txt")
    workspace = Workspace(tmp_path)
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        store.add(article.id, 18, 23, "claim", "taxes")
    tokenizer = Tokenizer(choose_pipeline())
    report = ExportReport()
    lines = export_pieces(workspace, ["maria"], tokenizer, report, output_format=output_format)
    (pieces,) = [list(line) for line in lines]
    (whole,) = export_lines(workspace, ["maria"], tokenizer, ExportReport(),
                            output_format=output_format)  # fmt: skip
    assert "".join(pieces) == whole
    line = json.loads(whole)
    assert line["text"] == article.text
    # The text (about a megabyte, nothing in it to escape) came in slices too.
    assert all(article.text not in piece for piece in pieces)
    if output_format == "prodigy":
        assert len(line["tokens"]) == 240_000 and line["spans"][0]["token_start"] == 3
        # The tokens' JSON (about 16 MB) came in slices, none near the whole.
        assert max(len(p) for p in pieces) < len(whole) / 3
