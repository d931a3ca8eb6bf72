"""Boilerplate of the five samples: all of the chrome, and not one paragraph of the body."""

from __future__ import annotations

import itertools

import pytest

from corpus.boilerplate import classify, find_boilerplate
from corpus.text import paragraphs
from tests.conftest import sample_text

# The chrome paragraphs of each sample, by their opening words; everything else is body.
CHROME = {
    "000": ["Business & Economy September 24, 2025, 17:30", "Read more on the site →"],
    "001": [
        "Support The Moscow Times!",
        "Kirill Dmitriev. Anton Novoderezhkin / Roscongress Photobank",
        "Sign up for our free weekly newsletter",
        "Our weekly newsletter contains",
        "Subscribers agree to the Privacy Policy",
        "A Message from The Moscow Times:",
        "Dear readers,",
        "We are facing unprecedented challenges.",
        "These actions are direct attempts",
        "We, the journalists of The Moscow Times",
        "Your support, no matter how small",
        "By supporting The Moscow Times",
        "Once", "Monthly", "Annual", "$10 / month", "$15 / month", "Other", "Continue",
        "paiment methods", "Not ready to support today?", "Remind me later.", "Read more",
    ],
    "002": ["“`"],
    "003": [
        "Read next", "00:55", "Ukraine is set to hold", "23:59", "Senior Trump administration",
        "22:52", "The speaker of the lower house", "19:30", "USA tariffs", "The head of IATA",
        "19:00", "Portugal", "Portugal's centre-right", "What is your opinion on this topic?",
        "Leave the first comment",
    ],
    "004": [
        "Skip to main content", "Advertisement", "Live broadcast", "Main slide",
        "Beginning of the article", "Озвучить текст", "Select important", "On", "Off",
        "Переведено сервисом «Яндекс Переводчик»", "Live broadcast",
    ],
}  # fmt: skip


def _is_chrome(paragraph: str, chrome: list[str]) -> bool:
    return any(paragraph == c or (len(c.split()) > 1 and paragraph.startswith(c)) for c in chrome)


@pytest.mark.parametrize("prefix", sorted(CHROME))
def test_marks_exactly_the_chrome(prefix: str) -> None:
    text = sample_text(prefix)
    judged = classify(text)
    marked = [j.paragraph.text for j in judged if j.reason]
    body = [j.paragraph.text for j in judged if not j.reason]
    wrongly_marked = [p for p in marked if not _is_chrome(p, CHROME[prefix])]
    missed = [p for p in body if _is_chrome(p, CHROME[prefix])]
    assert wrongly_marked == [], "body paragraphs marked as boilerplate"
    assert missed == [], "chrome left unmarked"
    assert len(marked) == len(CHROME[prefix])


@pytest.mark.parametrize("prefix", sorted(CHROME))
def test_ranges_are_exact_and_cover_no_body_text(prefix: str) -> None:
    text = sample_text(prefix)
    ranges = find_boilerplate(text)
    assert ranges == sorted(ranges)
    for (_s1, e1), (s2, _e2) in itertools.pairwise(ranges):
        assert e1 < s2 and text[e1:s2].strip(), "adjacent ranges should have been merged"
    for start, end in ranges:
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
    covered = [p for p in paragraphs(text) if any(s <= p.start and p.end <= e for s, e in ranges)]
    assert {p.text for p in covered} == {j.paragraph.text for j in classify(text) if j.reason}


def test_reasons_explain_the_marking() -> None:
    reasons = {j.paragraph.text: j.reason for j in classify(sample_text("001"))}
    assert reasons["Support The Moscow Times!"] == "appeal"
    assert reasons["Kirill Dmitriev. Anton Novoderezhkin / Roscongress Photobank"] == "photo credit"
    assert reasons["Sign up for our free weekly newsletter"] == "newsletter"
    reasons = {j.paragraph.text: j.reason for j in classify(sample_text("004"))}
    assert reasons["Переведено сервисом «Яндекс Переводчик»"] == "translation credit"
    assert reasons["Озвучить текст"] == "untranslated fragment"


def test_text_without_chrome_has_no_boilerplate() -> None:
    text = (
        "Talks resume\n\nDelegations met on Monday, officials said.\n\n"
        "Why it matters\n\nThe metals are used in magnets and batteries."
    )
    assert find_boilerplate(text) == []
    assert find_boilerplate("") == []
    assert find_boilerplate("One line only") == []
