"""The rules that mend the pipeline's entities (corpus/entities.py), on their own and through
the analysis of real-style text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.analysis import Analyzer
from corpus.article import make_article
from corpus.boilerplate import classify
from corpus.entities import Mention, balanced, mend, title_lines, true_chrome
from corpus.nlp import choose_pipeline


def no_chrome(_start: int, _end: int, _label: str) -> bool:
    return False


def at(text: str, words: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(start, start + len(words), label, words)


def shown(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("said [US President Donald] Trump on Monday", "Donald] Trump", "Trump"),
        ("said [US President Donald] Trump on Monday", "[US", "US"),
        ("said [US President Donald] Trump on Monday", "[US President Donald] Trump", None),
        ("the (Moscow) Times", "(Moscow) Times", None),
        ("ports (Murmansk and Vladivostok", "Murmansk and Vladivostok", None),
        ("at Gazprom (Russia", "Gazprom (Russia", "Gazprom"),
    ],
)
def test_brackets_balance(text: str, span: str, expected: str | None) -> None:
    start = text.index(span)
    got = balanced(text, start, start + len(span))
    if expected is None:  # balanced already: kept whole
        assert got == (start, start + len(span))
    else:
        assert got is not None and text[got[0] : got[1]] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ()[]{}", max_size=20), st.data())
def test_a_balanced_span_lies_inside_and_its_brackets_balance(text: str, data: Any) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = balanced(text, start, end)
    if got is None:
        return
    s, e = got
    assert start <= s < e <= end
    depth = []
    for ch in text[s:e]:
        if ch in "([{":
            depth.append(ch)
        elif ch in ")]}":
            assert depth and "([{"[")]}".index(ch)] == depth.pop()
    assert not depth


def test_a_surname_takes_the_label_of_the_full_name() -> None:
    text = (
        "Donald Trump met aides. Trump said the deal was close. Officials close to Trump "
        "disagreed, and Trump left."
    )
    raw = [
        at(text, "Donald Trump", "PERSON"),
        at(text, "Trump", "ORG", 1),
        at(text, "Trump", "ORG", 2),
        at(text, "Trump", "PERSON", 3),
    ]
    got = mend(text, raw, no_chrome)
    assert shown(got) == [("Donald Trump", "PERSON")] + [("Trump", "PERSON")] * 3
    assert got[1].note == "was ORG: the surname of Donald Trump"
    assert got[0].note == got[3].note == ""


def test_a_place_that_shares_a_surname_stays_a_place() -> None:
    text = (
        "George Washington is on the bill. In Washington, lawmakers met. Washington said no, "
        "and Washington officials left."
    )
    raw = [
        at(text, "George Washington", "PERSON"),
        at(text, "Washington", "GPE", 1),
        at(text, "Washington", "GPE", 2),
        at(text, "Washington", "GPE", 3),
    ]
    assert [m.label for m in mend(text, raw, no_chrome)] == ["PERSON", "GPE", "GPE", "GPE"]


def test_strong_signs_of_a_person() -> None:
    text = "President Zelenskyy spoke. Later Zelenskyy left. Malek Dudakov agreed with Zelenskyy."
    raw = [
        at(text, "Zelenskyy", "PERSON"),
        at(text, "Zelenskyy", "GPE", 1),
        at(text, "Malek Dudakov", "ORG"),
        at(text, "Zelenskyy", "GPE", 2),
    ]
    got = mend(text, raw, no_chrome)
    assert [m.label for m in got] == ["PERSON", "PERSON", "ORG", "PERSON"]
    assert got[1].note == "was GPE: a title before it"
    # "Malek" is no common given name of the list; as a quotation's speaker it is a person.
    speaker = (raw[2].start, raw[2].end)
    alone = mend(text, [raw[2]], no_chrome)
    assert alone[0].label == "ORG"
    assert mend(text, [raw[2]], no_chrome, [speaker])[0].label == "PERSON"


def test_a_given_name_first_is_a_person_but_not_in_a_place_name() -> None:
    text = "Victoria Falls drew crowds. Kirill Dmitriev spoke to Victoria Falls."
    raw = [
        at(text, "Victoria Falls", "GPE"),
        at(text, "Kirill Dmitriev", "ORG"),
    ]
    # (the second "Victoria Falls", which the pipeline passed over, is found too)
    assert [m.label for m in mend(text, raw, no_chrome)] == ["GPE", "PERSON", "GPE"]


def test_names_the_pipeline_passed_over_are_found_where_written_the_same() -> None:
    text = (
        "Boris Titov spoke in Moscow. Titov added that Gazprom Neft agreed; Gazprom Neft "
        "and May Titov left in May. Moscow said no."
    )
    raw = [
        at(text, "Boris Titov", "PERSON"),
        at(text, "Moscow", "GPE"),
        at(text, "Gazprom Neft", "ORG"),
    ]
    got = mend(text, raw, no_chrome)
    assert shown(got) == [
        ("Boris Titov", "PERSON"),
        ("Moscow", "GPE"),
        ("Titov", "PERSON"),
        ("Gazprom Neft", "ORG"),
        ("Gazprom Neft", "ORG"),
        ("Titov", "PERSON"),
        ("Moscow", "GPE"),
    ]
    assert got[2].note == "not found by the pipeline here"


def test_titles_are_cut_from_a_persons_span() -> None:
    text = "Putin Envoy Says Talks Begin. President Joe Biden left."
    raw = [at(text, "Putin Envoy", "PERSON"), at(text, "President Joe Biden", "PERSON")]
    assert [m.text for m in mend(text, raw, no_chrome)] == ["Putin", "Joe Biden"]


def test_a_majority_label_wins_where_nothing_stronger_says() -> None:
    text = "Gazprom grew. Gazprom fell. Gazprom is big."
    raw = [
        at(text, "Gazprom", "ORG"),
        at(text, "Gazprom", "PERSON", 1),
        at(text, "Gazprom", "ORG", 2),
    ]
    got = mend(text, raw, no_chrome)
    assert [m.label for m in got] == ["ORG"] * 3
    assert got[1].note == "was PERSON: 2 of 3 mentions are ORG"


def test_credits_and_prefixes_are_cut_to_the_name() -> None:
    text = "Anton Novoderezhkin / Roscongress Photobank. He told the pro-Kremlin paper."
    raw = [
        at(text, "Anton Novoderezhkin / Roscongress Photobank", "PERSON"),
        at(text, "pro-Kremlin", "ORG"),
    ]
    assert shown(mend(text, raw, no_chrome)) == [
        ("Anton Novoderezhkin", "PERSON"),
        ("Kremlin", "ORG"),
    ]


def test_a_surnames_ending_outside_any_place_context_is_a_person() -> None:
    text = (
        "Ukraine was absent, upsetting Zelenskyy. Talks with Kowalski went on.\n\n"
        "She later moved to Zhukovsky. Shevchenko's party lost in Kyiv."
    )
    raw = [
        at(text, "Zelenskyy", "GPE"),
        at(text, "Kowalski", "ORG"),
        at(text, "Zhukovsky", "GPE"),
        at(text, "Shevchenko", "GPE"),
        at(text, "Kyiv", "GPE"),
    ]
    got = mend(text, raw, no_chrome)
    # An organisation is left to other evidence; a place written as one ("to Zhukovsky")
    # stays a place; a city's name never is a surname by its ending.
    assert shown(got) == [
        ("Zelenskyy", "PERSON"),
        ("Kowalski", "ORG"),
        ("Zhukovsky", "GPE"),
        ("Shevchenko", "PERSON"),
        ("Kyiv", "GPE"),
    ]
    assert got[0].note == "was GPE: ends as surnames do, and no sentence writes it as a place"
    # The same word written as a place once is a place everywhere.
    again = text + " Flights from Zelenskyy were cut."
    raw.append(at(again, "Zelenskyy", "GPE", 1))
    assert mend(again, raw, no_chrome)[0].label == "GPE"


def test_articles_and_possessives_are_no_part_of_a_name() -> None:
    text = (
        "The European Commission said the United States's plan and the Kremlin's view "
        "differ, according to The Times. The Times added that The Hague agreed."
    )
    raw = [
        at(text, "The European Commission", "ORG"),
        at(text, "the United States's", "GPE"),
        at(text, "the Kremlin's", "ORG"),
        at(text, "The Times", "ORG"),
        at(text, "The Times", "ORG", 1),
        at(text, "The Hague", "GPE"),
    ]
    # A sentence's opening "The" goes, unless the text writes it with the name mid-sentence.
    assert shown(mend(text, raw, no_chrome)) == [
        ("European Commission", "ORG"),
        ("United States", "GPE"),
        ("Kremlin", "ORG"),
        ("The Times", "ORG"),
        ("The Times", "ORG"),
        ("The Hague", "GPE"),
    ]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("LONDON 1996-12-06", "LONDON"),
        ("AL-AIN, United Arab Emirates 1996-12-06", "AL-AIN"),
        ("RIO DE JANEIRO 1996-08-22", "RIO DE JANEIRO"),
        ("FRANKFURT (Reuters) - German chemicals maker Kess said", "FRANKFURT"),
        ("ST. LOUIS — Hundreds of students walked out", "ST. LOUIS"),
        ("NASHUA, N.H. — Standing on a chair, she spoke", "NASHUA"),
        ("WASHINGTON, June 3 (Reuters) - The department sued", "WASHINGTON"),
        ("SOCCER - JAPAN GET LUCKY WIN", None),
        ("BREAKING — Markets fall", None),
        ("TRUMP — A PROFILE", None),
    ],
)
def test_a_datelines_place_is_a_place(line: str, place: str | None) -> None:
    text = f"{line}\n\nTrump spoke on Friday, and nobody else did at all that week."
    words = line.split()[0].rstrip(",")
    raw = [at(text, words, "ORG"), at(text, "Trump", "PERSON", text.count("Trump") - 1)]
    got = [(m.text, m.label) for m in mend(text, raw, no_chrome) if m.start < len(line)]
    if place is None:
        assert (words, "GPE") not in got
    else:
        assert got[0] == (place, "GPE")


def test_a_politicians_state_is_a_place_without_the_party() -> None:
    text = "Sen. Elizabeth Warren, D-Mass., and Rep. Jim Jordan (R-Ohio) spoke; Plan B-Two, too."
    raw = [at(text, "Elizabeth Warren", "PERSON"), at(text, "D-Mass.", "GPE")]
    got = shown(mend(text, raw, no_chrome))
    assert got == [("Elizabeth Warren", "PERSON"), ("Mass.", "GPE"), ("Ohio", "GPE")]


def test_title_case_lines_read_as_sentence_case() -> None:
    text = (
        "Putin Signals Openness to Economic Cooperation with US on Rare Earth Minerals\n\n"
        "Vladimir Putin has said Russia is open to work with the US on rare earth minerals."
    )
    assert title_lines(text) == [(0, text.index("\n"))]
    raw = [
        at(text, "Putin Signals Openness to Economic Cooperation", "ORG"),
        at(text, "Rare Earth Minerals", "ORG"),
        at(text, "Vladimir Putin", "PERSON"),
        at(text, "Russia", "GPE"),
        at(text, "US", "GPE", 1),
    ]
    got = shown(mend(text, raw, no_chrome))
    assert got == [
        ("Putin", "PERSON"),
        ("US", "GPE"),
        ("Vladimir Putin", "PERSON"),
        ("Russia", "GPE"),
        ("US", "GPE"),
    ]


def test_a_headline_in_capitals_finds_the_names_of_the_text() -> None:
    text = "KREMLIN REJECTS PLAN FROM WASHINGTON\n\nThe Kremlin said Washington had no plan."
    raw = [
        at(text, "KREMLIN REJECTS PLAN FROM WASHINGTON", "ORG"),
        at(text, "Kremlin", "ORG"),
        at(text, "Washington", "GPE"),
    ]
    assert shown(mend(text, raw, no_chrome))[:2] == [("KREMLIN", "ORG"), ("WASHINGTON", "GPE")]
    # A capitals headline may end with a full stop; a span of words the text writes in lower
    # case is no name, and what the pipeline took it for says nothing of its one short word.
    text = "EU REJECTS GERMAN CALL TO BOYCOTT LAMB.\n\nGerman advice was rejected by the EU."
    raw = [at(text, "EU REJECTS", "PERSON"), at(text, "German", "NORP")]
    assert shown(mend(text, raw, no_chrome)) == [("GERMAN", "NORP"), ("German", "NORP")]


def test_datelines_and_captions_keep_their_names_menus_and_teasers_do_not() -> None:
    text = (
        "LONDON 1996-12-06\n\n"
        "World Politics Business Sport\n\n"
        "The Bank of England held rates on Friday, officials in London said, and traders "
        "expected no change until the spring of next year at the earliest.\n\n"
        "Andrew Bailey at the bank on Friday. Photo: Toby Melville / Reuters\n\n"
        "Read next\n\n"
        "Paris police clear migrant camp\n\n"
    )
    article = make_article(text, "wire.txt")
    chrome = true_chrome(article.boilerplate, classify(text))
    assert article.boilerplate  # the dateline, the menu, the caption and the teaser are marked
    london, toby, paris = at(text, "LONDON", "GPE"), at(text, "Toby", ""), at(text, "Paris", "")
    assert not chrome(london.start, london.end, "GPE")
    assert chrome(london.start, london.end, "ORG")  # a section name beside a date
    assert not chrome(toby.start, toby.end + len(" Melville"), "PERSON")
    assert chrome(paris.start, paris.end, "GPE")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(choose_pipeline(), None)


@pytest.mark.integration
def test_the_built_in_corpus_shows_none_of_the_listed_errors(analyzer: Analyzer) -> None:
    from corpus.loader import load_corpus

    articles, _ = load_corpus()
    found = {a.source[:3]: analyzer.analyze(a).entities for a in articles}
    everything = [(e.text, e.label) for entities in found.values() for e in entities]
    assert not [t for t, _ in everything if "]" in t or "[" in t]
    assert ("Putin Signals Openness to Economic Cooperation", "ORG") not in everything
    assert ("Rare Earth Minerals", "ORG") not in everything
    assert ("Putin Envoy", "PERSON") not in everything
    assert ("pro-Kremlin", "ORG") not in everything
    assert {label for text, label in everything if text in ("Trump", "Malek Dudakov")} == {"PERSON"}
    headline = [(e.text, e.label) for e in found["002"] if e.start < 80]
    assert headline[:2] == [("Putin", "PERSON"), ("US", "GPE")]
    assert {label for text, label in everything if text.startswith("Zelensk")} == {"PERSON"}


@pytest.mark.integration
def test_on_the_development_set_assay_beats_the_pipeline_it_wraps(analyzer: Analyzer) -> None:
    """The gold of real-style news passages (tests/gold/entities_dev.jsonl; the held-out set
    is read by no test): strict F1 at least 2 points above raw spaCy, no type below it."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    try:
        from bench.entities_eval import GOLD_SETS, TYPES, evaluate, load_passages
    finally:
        sys.path.remove(str(root))
    raw, ours, _ = evaluate(load_passages(GOLD_SETS["dev"]), analyzer)
    assert ours.prf()[2] >= raw.prf()[2] + 0.02
    for label in TYPES:
        assert ours.prf(label)[2] >= raw.prf(label)[2], label


def test_one_real_world_entity_is_one_group_with_its_variants() -> None:
    from corpus.entities import group_mentions, search_forms

    text = (
        "The United States and Russia met. US officials and U.S. envoys said the United "
        "States would act. Vladimir Putin spoke; Putin's aide agreed. MOSCOW and Moscow. "
        "Anna Petrova and Ivan Petrova differ, so Petrova alone is neither."
    )
    raw = [
        at(text, "The United States", "GPE"),
        at(text, "Russia", "GPE"),
        at(text, "US", "GPE"),
        at(text, "U.S.", "GPE"),
        at(text, "the United States", "GPE"),
        at(text, "Vladimir Putin", "PERSON"),
        at(text, "Putin's", "PERSON"),
        at(text, "MOSCOW", "GPE"),
        at(text, "Moscow", "GPE"),
        at(text, "Anna Petrova", "PERSON"),
        at(text, "Ivan Petrova", "PERSON"),
        at(text, "Petrova", "PERSON", 2),
    ]
    grouped, groups = group_mentions(raw)
    by_name = {g.name: g for g in groups}
    usa = (
        by_name["The United States"]
        if "The United States" in by_name
        else by_name["the United States"]
    )
    assert usa.mentions == 4 and set(usa.variants) == {
        "The United States", "US", "U.S.", "the United States"
    }  # fmt: skip
    assert by_name["Vladimir Putin"].variants == ("Vladimir Putin", "Putin")
    assert by_name["Moscow"].mentions == 2 and "MOSCOW" not in by_name
    assert {"Anna Petrova", "Ivan Petrova", "Petrova"} <= set(by_name)  # not merged
    assert all(m.group for m in grouped)
    assert {m.group for m in grouped[:5] if m.label == "GPE" and m.text != "Russia"} == {usa.id}
    # The same canonical name is the same group in every article.
    _, again = group_mentions([Mention(0, 14, "PERSON", "Vladimir Putin")])
    assert again[0].id == by_name["Vladimir Putin"].id
    assert set(search_forms(usa)) >= {"US", "U.S.", "United States", "the United States"}
    assert "Putin" in search_forms(again[0])


def test_a_quotations_speaker_names_its_entity_group() -> None:
    from corpus.entities import group_mentions, speaker_groups

    text = "Vladimir Putin spoke. Putin said no. Gazprom agreed. Anna Lee and Bo Lee met."
    raw = [
        at(text, "Vladimir Putin", "PERSON"),
        at(text, "Putin", "PERSON", 1),
        at(text, "Gazprom", "ORG"),
        at(text, "Anna Lee", "PERSON"),
        at(text, "Bo Lee", "PERSON"),
    ]
    _, groups = group_mentions(raw)
    ids = {g.name: g.id for g in groups}
    found = speaker_groups(
        groups, ["Putin", "President Vladimir Putin", "Gazprom", "Lee", None, "Sergey Lavrov"]
    )
    assert found == [ids["Vladimir Putin"], ids["Vladimir Putin"], ids["Gazprom"], "", "", ""]
