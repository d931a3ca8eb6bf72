"""Quote and Figure records: what the cache and the JSONL hold, and what they refuse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.analysis import Analysis
from corpus.cache import AnalysisCache
from corpus.figures import Figure
from corpus.quotes import SPEAKER_KINDS, Quote, QuoteKind, QuoteStyle

offsets = st.integers(min_value=0, max_value=10**7)
names = st.none() | st.text(max_size=20)
quotes = st.builds(
    Quote,
    start=offsets,
    end=offsets,
    content_start=offsets,
    content_end=offsets,
    speaker=names,
    speaker_text=names,
    speaker_start=st.none() | offsets,
    speaker_end=st.none() | offsets,
    cue=names,
    kind=st.sampled_from(QuoteKind),
    style=st.sampled_from(QuoteStyle),
    confidence=st.sampled_from([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
    speaker_kind=st.sampled_from(SPEAKER_KINDS),
)
figures = st.builds(
    Figure,
    start=offsets,
    end=offsets,
    label=st.sampled_from(["MONEY", "PERCENT", "QUANTITY", "MULTIPLE", "RANK"]),
    text=st.text(max_size=20),
    value=st.none() | st.integers(-(10**15), 10**15) | st.floats(allow_nan=False),
    unit=st.none() | st.text(max_size=10),
)


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False))
    return loaded


@given(quotes)
def test_a_quote_survives_json(quote: Quote) -> None:
    data = through_json(quote.to_dict())
    assert Quote.from_dict(data) == quote
    assert json.dumps(Quote.from_dict(data).to_dict()) == json.dumps(quote.to_dict())


@given(figures)
def test_a_figure_survives_json(figure: Figure) -> None:
    data = through_json(figure.to_dict())
    again = Figure.from_dict(data)
    assert again == figure
    assert type(again.value) is type(figure.value)  # 2000000 stays 2000000, not 2000000.0


def test_the_records_write_the_jsonl_keys_in_their_order() -> None:
    style = QuoteStyle.MISSING_OPEN
    quote = Quote(
        1, 9, 2, 8, "Anna Petrova", "she", 10, 13, "said", QuoteKind.DIRECT, style, 0.6, "pronoun"
    )
    assert json.dumps(quote.to_dict()) == (
        '{"start": 1, "end": 9, "content_start": 2, "content_end": 8, "speaker": "Anna Petrova", '
        '"speaker_text": "she", "speaker_start": 10, "speaker_end": 13, '
        '"speaker_kind": "pronoun", "cue": "said", '
        '"kind": "direct", "style": "missing-open", "confidence": 0.6}'
    )
    figure = Figure(0, 3, "PERCENT", "15%", 15, "percent")
    assert json.dumps(figure.to_dict()) == (
        '{"start": 0, "end": 3, "label": "PERCENT", "text": "15%", "value": 15, "unit": "percent"}'
    )


QUOTE = Quote(1, 9, 2, 8, None, None, None, None, None, QuoteKind.FRAGMENT, QuoteStyle.MARKS, 0.4)
FIGURE = Figure(0, 3, "PERCENT", "15%", 15, "percent")


@pytest.mark.parametrize(
    ("record", "change"),
    [
        (QUOTE, {"kind": "indirect"}),
        (QUOTE, {"style": "curly"}),
        (QUOTE, {"speaker": 3}),
        (QUOTE, {"start": None}),
        (QUOTE, {"speaker_end": "x"}),
        (QUOTE, {"confidence": "high"}),
        (QUOTE, {"cue": None, "kind": None}),
        (QUOTE, {"speaker_kind": "someone"}),
        (FIGURE, {"value": "15"}),
        (FIGURE, {"value": True}),
        (FIGURE, {"label": None}),
        (FIGURE, {"unit": 1}),
        (FIGURE, {"end": "three"}),
    ],
)
def test_a_damaged_cache_entry_is_made_again(
    record: Quote | Figure, change: dict[str, Any], tmp_path: Path
) -> None:
    damaged = {**record.to_dict(), **change}
    with pytest.raises((KeyError, TypeError, ValueError)):
        type(record).from_dict(damaged)
    field = "quotes" if isinstance(record, Quote) else "figures"
    entry = {"article_id": "a", "pipeline": "p", "sentences": [], "entities": [], field: [damaged]}
    cache = AnalysisCache(tmp_path)
    cache.put("k" * 64, entry)
    assert cache.load("k" * 64, Analysis.from_dict) is None  # a miss: the analyzer redoes it


def test_a_missing_key_is_refused() -> None:
    data = QUOTE.to_dict()
    del data["speaker_text"]
    with pytest.raises(KeyError):
        Quote.from_dict(data)
