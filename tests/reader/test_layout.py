"""Wrapping an article into screen lines, and finding the spans that touch a line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.layout import SpanIndex, line_of, wrap


def shown(text: str, width: int, hidden: list[tuple[int, int]] | None = None) -> list[str]:
    return [
        text[line.start : line.end] if not line.folded else f"<{line.folded} folded>"
        for line in wrap(text, width, hidden or [])
    ]


def test_wraps_at_spaces_and_cuts_words_longer_than_the_line() -> None:
    assert shown("one two three four", 9) == ["one two", "three", "four"]
    assert shown("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]
    assert shown("a\n\nb", 10) == ["a", "", "b"]


def test_curly_quotes_and_dashes_count_one_cell_wide_characters_two() -> None:
    assert shown("“Rare earths” — said he", 12) == ["“Rare", "earths” —", "said he"]
    lines = shown("漢字漢字漢字 漢字", 8)
    assert lines == ["漢字漢字", "漢字", "漢字"] and all(cell_len(x) <= 8 for x in lines)
    assert all(cell_len(x) <= 8 for x in shown("👩‍👩‍👧 family 🇺🇦 flag " * 3, 8))


def test_hidden_paragraphs_fold_into_one_line() -> None:
    text = "Menu\nHome\n\nBody text here.\n\nRead next\nOther story"
    hidden = [(0, 9), (27, len(text))]
    assert shown(text, 40, hidden) == ["<2 folded>", "Body text here.", "", "<2 folded>"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c\n“—漢é"), max_size=120), st.integers(8, 30))
def test_lines_cover_the_text_in_order_and_fit(text: str, width: int) -> None:
    lines = wrap(text, width)
    for line in lines:
        assert cell_len(text[line.start : line.end]) <= width
    starts = [line.start for line in lines]
    assert starts == sorted(starts)
    # Every non-space character is on some line; only the spaces at breaks are not drawn.
    covered = set().union(*(range(line.start, line.end) for line in lines))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_span_index_finds_overlapping_spans() -> None:
    index = SpanIndex([(0, 100, "quote"), (5, 10, "a"), (20, 30, "b"), (95, 120, "c")])
    assert [p for _s, _e, p in index.touching(8, 22)] == ["quote", "a", "b"]
    assert [p for _s, _e, p in index.touching(100, 101)] == ["c"]
    assert line_of([0, 10, 25], 24) == 1 and line_of([0, 10, 25], 25) == 2


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20), st.integers(0, 9)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_span_index_finds_exactly_the_spans_a_scan_finds(
    given_spans: list[tuple[int, int, int]], start: int, length: int
) -> None:
    items = [(s, s + n, payload) for s, n, payload in given_spans]
    index = SpanIndex(items)
    expected = sorted(
        (x for x in items if x[0] < start + length and x[1] > start), key=lambda x: (x[0], x[1])
    )
    assert index.touching(start, start + length) == expected
    assert index.at(start) == [
        x for x in sorted(items, key=lambda x: (x[0], x[1])) if x[0] <= start < x[1]
    ]
