"""Quotations and speakers on the development set of real-style news (tests/gold/news_dev.jsonl),
and the scorer that measures them (corpus/evaluate.py).

The floors sit a little under what the rules reach today, so that a change that makes speakers
worse on real news fails here, not only in `bench/quotes_eval.py`. The held-out set is not read
by any test: it stays a measure of rules that were not written from it.

Integration tests: the passages go through the real model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus.evaluate import (
    GoldQuote,
    NewsScores,
    Passage,
    Predicted,
    load_passages,
    person_key,
    same_speaker,
    score_passage,
)
from corpus.quotes import find_quotes

DEV = Path(__file__).resolve().parents[1] / "gold" / "news_dev.jsonl"


def test_names_are_compared_without_titles_case_or_a_leading_article() -> None:
    ted = GoldQuote("x", "direct", speaker="Ted Cruz", speaker_kind="name")
    assert person_key("Sen. Ted Cruz’s") == "ted cruz"
    assert same_speaker("Cruz", ted) and same_speaker("sen. ted cruz", ted)
    assert not same_speaker("Rafael Cruz", ted) and not same_speaker("he", ted)
    assert not same_speaker(None, ted)
    assert same_speaker(None, GoldQuote("x", "direct"))
    # A title alone is the description that names someone unnamed.
    father = GoldQuote("x", "direct", speaker="the father", speaker_kind="description")
    assert person_key("the father") == "father" and same_speaker("The father", father)
    assert not same_speaker("Father Brown", father)


def test_a_passage_is_scored_quotation_by_quotation() -> None:
    text = '"We will win," Jane Doe said. Critics called it "a stunt." "Sure," he said.'
    passage = Passage(
        "p",
        "test",
        text,
        (
            GoldQuote("We will win", "direct", speaker="Jane Doe", speaker_kind="name"),
            GoldQuote("a stunt", "direct", speaker="Critics", speaker_kind="description"),
            GoldQuote("Sure", "fragment"),
        ),
    )

    def at(piece: str, speaker: str | None) -> Predicted:
        start = text.index(piece)
        return Predicted(start, start + len(piece), speaker)

    scores = score_passage(passage, [at("We will win,", "Doe"), at("Sure,", "Bob")])
    assert (scores.gold, scores.predicted, scores.matched) == (2, 2, 1)
    assert scores.speakers == {"name": [1, 1]}
    assert scores.attributed == [2, 1]
    assert [extra[1] for extra in scores.extra] == ["Sure,"]  # a fragment said to be direct
    assert [miss[1].content for miss in scores.misses] == ["a stunt"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": 1, "text": "a b a", "quotes": [{"content": "a"}]}', "exactly once"),
        ('{"id": 1, "text": "a b", "quotes": [{"content": "a", "kind": "odd"}]}', "kind"),
        ('{"id": 1, "text": "a b", "quotes": [{"content": "a", "speaker_kind": "x"}]}', "x"),
        ('{"id": 1, "quotes": []}', "text"),
        ("not json", "Expecting value"),
    ],
)
def test_a_malformed_gold_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 0, "text": "fine", "quotes": []}\n' + line + "\n", "utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: .*") as caught:
        load_passages(path)
    assert message in str(caught.value)


def test_the_development_set_is_well_formed() -> None:
    passages = load_passages(DEV)
    assert len(passages) >= 100
    assert len({p.id for p in passages}) == len(passages)
    for line in DEV.read_text("utf-8").splitlines():
        assert json.loads(line)["quotes"], "a passage without quotations measures nothing"


@pytest.mark.integration
def test_quotes_and_speakers_on_the_development_set(nlp: Any) -> None:
    total = NewsScores()
    for passage in load_passages(DEV):
        found = [
            Predicted(q.content_start, q.content_end, q.speaker, q.speaker_kind)
            for q in find_quotes(nlp(passage.text))
            if q.is_direct
        ]
        total.add(score_passage(passage, found))
    assert total.f1 >= 0.97
    assert (total.speaker_rate("name") or 0) >= 0.955
    assert (total.speaker_rate("pronoun") or 0) >= 0.89
    assert total.attributed_rate >= 0.87
    assert total.kinds[1] / total.kinds[0] >= 0.88
