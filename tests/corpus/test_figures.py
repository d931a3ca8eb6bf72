from __future__ import annotations

from typing import Any

import pytest

from corpus.analysis import Analyzer
from corpus.article import make_article
from corpus.figures import find_figures, says_more, written
from corpus.loader import load_corpus
from corpus.nlp import choose_pipeline


@pytest.mark.parametrize(
    ("text", "label", "figure", "value", "unit"),
    [
        ("a $550 billion deal", "MONEY", "$550 billion", 550_000_000_000, "USD"),
        ("a €2.5bn loan", "MONEY", "€2.5bn", 2_500_000_000, "EUR"),
        ("costs 50 billion rubles a year", "MONEY", "50 billion rubles", 50_000_000_000, "RUB"),
        ("in exchange for billions of dollars", "MONEY", "billions of dollars", None, "USD"),
        ("from just $2.", "MONEY", "$2", 2, "USD"),
        ("about 15% of imports", "PERCENT", "15%", 15, "percent"),
        ("rose to 34.4 percent", "PERCENT", "34.4 percent", 34.4, "percent"),
        ("up 2 percentage points", "PERCENT", "2 percentage points", 2, "percentage point"),
        ("holds 658 million metric tons of", "QUANTITY", "658 million metric tons",
         658_000_000, "metric ton"),
        ("28.5 million tons of rare earths", "QUANTITY", "28.5 million tons", 28_500_000, "ton"),
        ("250 billion barrels of oil equivalent (BOE)", "QUANTITY",
         "250 billion barrels of oil equivalent", 250_000_000_000, "barrel of oil equivalent"),
        ("about 45 thousand tons were mined", "QUANTITY", "45 thousand tons", 45_000, "ton"),
        ("about 8,000 tons of metals", "QUANTITY", "8,000 tons", 8_000, "ton"),
        ("supply two million tonnes of aluminium", "QUANTITY", "two million tonnes",
         2_000_000, "ton"),
        ("a 1,200-kilometer pipeline", "QUANTITY", "1,200-kilometer", 1_200, "kilometer"),
        ("reduced by at least threefold", "MULTIPLE", "threefold", 3, "times"),
        ("three times more than before", "MULTIPLE", "three times", 3, "times"),
        ("estimates rank Russia fifth globally", "RANK", "fifth", 5, "rank"),
        ("the world's second-largest producer", "RANK", "second", 2, "rank"),
    ],
)  # fmt: skip
def test_figures_with_value_and_unit(
    text: str, label: str, figure: str, value: float | None, unit: str
) -> None:
    (found,) = find_figures(text)
    assert (found.label, found.text, found.value, found.unit) == (label, figure, value, unit)
    assert text[found.start : found.end] == figure


@pytest.mark.parametrize(
    "text",
    [
        "In 2017, Russia accounted for most of it.",
        "On September 24, 2025, 17:30, the talks began.",
        "These comments were made on the third anniversary of the invasion.",
        "At the first face-to-face meeting in four years.",
        "The conversation lasted about three hours.",
        "Page 5 of 12, item 3.",
    ],
)
def test_dates_times_and_plain_ordinals_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_offsets_and_skip() -> None:
    text = "Prices rose 15%. Read next: gold up 3%."
    found = find_figures(text, skip=lambda s, e: s >= 117, offset=100)
    assert [(f.text, f.start) for f in found] == [("15%", 112)]


def test_samples_figures_and_corrected_entity_labels(nlp: Any) -> None:
    articles, _ = load_corpus()
    analyzer = Analyzer(choose_pipeline(), None, nlp=nlp)
    figures = {a.source[:3]: r for a, r in analyzer.analyze_many(articles)}
    texts_001 = [f.text for f in figures["001"].figures]
    assert texts_001 == ["fifth", "658 million metric tons", "28.5 million tons", "1%"]
    assert [f.text for f in figures["003"].figures] == []  # 34.4% is in a teaser
    assert "$550 billion" in [f.text for f in figures["004"].figures]
    for result in figures.values():
        for ent in result.entities:
            if "tons" in ent.text or "barrels" in ent.text:
                assert ent.label != "MONEY", ent


def test_boilerplate_figures_are_skipped(nlp: Any) -> None:
    article = make_article("Talks begin\n\nPrices rose 15% this year, officials said.\n\n"
                           "Support us\nOnce\n$10 / month", "a")  # fmt: skip
    result = Analyzer(choose_pipeline(), None, nlp=nlp).analyze(article)
    assert [f.text for f in result.figures] == ["15%"]


@pytest.mark.parametrize(
    ("text", "value", "unit", "shown", "more"),
    [
        ("2 million tons", 2_000_000, "ton", "2,000,000 tons", True),
        ("15%", 15, "percent", "15%", False),
        ("15 percent", 15, "percent", "15%", False),
        ("8,000 tons", 8000, "ton", "8,000 tons", False),
        ("1 ton", 1, "ton", "1 ton", False),
        ("1.3 thousand tons", 1300, "ton", "1,300 tons", True),
        ("28.5 million tons", 28_500_000, "ton", "28,500,000 tons", True),
        ("2.5 percentage points", 2.5, "percentage point", "2.5 percentage points", False),
        ("$550 billion", 550_000_000_000, "USD", "$550,000,000,000", True),
        ("50 billion rubles", 50_000_000_000, "RUB", "50,000,000,000 rubles", True),
        ("250 billion barrels of oil equivalent", 250_000_000_000, "barrel of oil equivalent",
         "250,000,000,000 barrels of oil equivalent", True),
        ("fifth", 5, "rank", "5th", True),
        ("22nd-largest", 22, "rank", "22nd", False),
        ("threefold", 3, "times", "3 times", True),
        ("billions of dollars", None, "USD", None, False),
    ],
)  # fmt: skip
def test_values_read_as_people_write_them(
    text: str, value: float | None, unit: str, shown: str | None, more: bool
) -> None:
    assert written(value, unit) == shown
    assert says_more(text, value) is more
    assert "e+" not in (shown or "")
