"""`trimmed_span`: the one span trimming that paragraphs, suggestions and the reader share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus.text import trimmed_span


@given(st.text(alphabet=" \t\n\u00a0\u2003ab.", max_size=20), st.data())
def test_the_trimmed_span_is_the_span_without_edge_white_space(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = trimmed_span(text, start, end)
    assert start <= lo <= hi <= end
    assert text[lo:hi] == text[start:end].strip()
    if lo == hi:  # all white space: empty, where the white space ended
        assert lo == end
