"""Memory of importing one very long article: making it, and keeping its copy."""

from __future__ import annotations

import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.importer import read_gold
from annotations.workspace import Workspace, json_pieces
from corpus.article import Article, make_article
from tests.conftest import SAMPLES

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(data=st.dictionaries(st.text(), JSON_VALUES, max_size=5), per=st.integers(1, 6))
def test_json_pieces_join_to_json_dumps(data: dict[str, Any], per: int) -> None:
    pieces = list(json_pieces(data, per=per))
    whole = json.dumps(data, ensure_ascii=False)
    assert "".join(pieces) == whole
    assert "".join(json_pieces(data, closed=False, per=per)) == whole[:-1]
    longest = max((len(v) for v in data.values() if isinstance(v, str)), default=0)
    assert len(pieces) >= longest / per  # a long string member comes a slice at a time


def _long_text(characters: int) -> str:
    """Real news, repeated: paragraphs, curly quotes (two bytes a character), boilerplate."""
    samples = "\n\n".join(p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return (samples * (characters // len(samples) + 1))[:characters]


def _peak(call: Any) -> tuple[Any, int]:
    """What `call()` returns, and the most memory it held at once beyond what it returns."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = call()
        now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak - before - (now - before)


def test_a_long_article_is_saved_without_copies_of_its_text(tmp_path: Path) -> None:
    text = make_article(_long_text(2_000_000), "long.txt").text
    article = Article("0" * 16, "long.txt", "Long", text, {"site": "x"}, ((0, 5),))
    workspace = Workspace(tmp_path)
    saved, held = _peak(lambda: workspace.save_article(article))
    assert saved
    # The text as one JSON string and then as UTF-8 was two more copies of it (6 MB here).
    assert held < sys.getsizeof(text) / 4
    path = tmp_path / "articles" / f"{article.id}.json"
    data = {"schema": 1, **article.to_dict()}
    assert path.read_bytes() == json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert workspace.article(article.id) == article


def test_a_long_article_is_made_without_copies_of_its_body() -> None:
    text = _long_text(2_000_000)
    article, held = _peak(lambda: make_article(text, "long.txt"))
    assert article.meta["language"] == "en" and article.boilerplate
    # Its body joined again for the language (only the start is read), and its UTF-8 for the
    # id, took 3.7 times the text here; the paragraphs' own copies are most of what is left.
    assert held < sys.getsizeof(text) * 2


def test_a_long_line_is_read_holding_its_text_a_few_times(tmp_path: Path) -> None:
    """Sanitizing needs the text before and after a pass, and the pass's pieces; the raw text
    held beside them was one copy more (the bench's 60 MiB line peaked there)."""
    text = _long_text(2_000_000).replace("\n", "\r\n").replace(". ", ".\x1b[0m ")
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": text, "spans": []}) + "\n", "utf-8")
    del text
    (pending, report), held = _peak(lambda: read_gold(path, "auto", None, ("claim",)))
    (entry,) = pending.values()
    assert report.sanitized_lines == 1 and "\r" not in entry.article.text
    assert held < sys.getsizeof(entry.article.text) * 2.5  # it was 3 times
