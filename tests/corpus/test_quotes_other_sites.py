"""Held-out check of corpus/quotes.py on passages in the style of outlets not in the samples.

The quotation rules were written from the five samples. These passages are composed for this
test, with invented people, companies and events, in the style of other outlets: wire stories
("(Reuters) -" datelines, "said in a statement", "was quoted as saying"), AP copy with "said X,
who ...", a US city paper with "according to" and quotes split by their attribution, UK papers
(attribution before a colon, punctuation outside the marks, quotes in headlines), a translated
Russian outlet (dash quotations and «guillemets»), multi-paragraph quotations, nested quotes,
scare quotes and a stray straight mark used for inches.

Each expectation names a quotation by a unique piece of its content, its kind, and its speaker
as a careful human annotator would mark it: the person's full name as the article gives it, also
when the text says "he", "they", "the minister" or "the spokesperson". Decisions for speakers that
are not people: a statement by an organisation ("the company said", "it said") and a quote by an
unnamed spokesperson of an organisation are attributed to that organisation, by the fullest name
the article gives it (a few written forms are accepted). Words woven into reported speech
(`said the rejection was "widely expected"`, `accused him of “fantasy economics”`) are a direct
quotation of the one reporting them, as issue 15's gold of real news counts them; fragments
(scare quotes, a so-called term, a few words no verb of speech takes) carry no speaker check.
Precision: no direct quotation may be reported beyond those expected.

Integration tests: the passages go through the real model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from corpus.quotes import Quote, find_quotes
from tests.conftest import with_known_misses

pytestmark = pytest.mark.integration

DIRECT, FRAGMENT = "direct", "fragment"
PRYCE = ("Joanne Pryce", "Cllr Joanne Pryce")  # the title may stay with the name


@dataclass(frozen=True)
class Expect:
    """One quotation: a unique piece of its content, its kind and (for direct ones) speaker."""

    content: str
    speaker: str | tuple[str, ...] | None = None  # a tuple lists the accepted written forms
    kind: str = DIRECT
    also: str | None = None  # another piece that must be in the same quotation

    def speaker_ok(self, got: str | None) -> bool:
        accepted = self.speaker if isinstance(self.speaker, tuple) else (self.speaker,)
        return got in accepted


@dataclass(frozen=True)
class Passage:
    text: str
    quotes: tuple[Expect, ...]


def passage(*paras: str, quotes: tuple[Expect, ...]) -> Passage:
    return Passage("\n\n".join(paras), quotes)


PASSAGES: dict[str, Passage] = {
    "wire_statement_and_it_said": passage(
        "LONDON, March 4 (Reuters) - Norwind Energy will cut 1,200 jobs across its European "
        "refineries, the company said on Tuesday, as weaker fuel margins weigh on profits.",
        '"This is a difficult but necessary step to protect the long-term health of the '
        'business," Chief Executive Helen Marsh said in a statement.',
        "The company said the cuts would be completed by the end of next year. "
        '"We expect demand for diesel to remain soft through 2026," it said, adding that talks '
        "with unions would start next week.",
        "Shares in Norwind fell 3.2% by 0915 GMT.",
        quotes=(
            Expect("difficult but necessary step", "Helen Marsh"),
            Expect("demand for diesel", ("Norwind Energy", "Norwind")),
        ),
    ),
    "ap_split_by_attribution": passage(
        "AUSTIN, Texas (AP) — A federal judge on Friday blocked a Texas county from closing its "
        "only public library while a lawsuit brought by residents goes forward.",
        '"The First Amendment does not stop at the library door," U.S. District Judge Carla '
        'Benitez wrote in a 42-page ruling, "and the county has offered no reason that would '
        'survive even the most forgiving review."',
        "County Commissioner Dale Prewitt said officials would appeal. "
        '"We respect the court, but we believe the judge got this one wrong," Prewitt said in a '
        'phone interview. "Our budget is not a political statement."',
        quotes=(
            Expect("First Amendment does not stop", "Carla Benitez"),
            Expect("county has offered no reason", "Carla Benitez"),
            Expect("judge got this one wrong", "Dale Prewitt"),
            Expect("Our budget is not a political statement", "Dale Prewitt"),
        ),
    ),
    "us_paper_according_to": passage(
        "City Hall's plan to close a $700 million budget gap relies heavily on one-time fixes, "
        "according to an analysis released Wednesday by a fiscal watchdog.",
        '"The numbers simply do not add up over the next four years," according to Marcus Lee, '
        "a senior analyst at the Citizens Budget Council, which prepared the report.",
        "Deputy Mayor Rosa Quintero disputed that reading. "
        '"Every dollar in this budget is accounted for," she said, "and we will show our work at '
        'the hearing next month."',
        quotes=(
            Expect("numbers simply do not add up", "Marcus Lee"),
            Expect("Every dollar in this budget", "Rosa Quintero"),
            Expect("show our work at the hearing", "Rosa Quintero"),
        ),
    ),
    "uk_headline_and_spokesperson": passage(
        "Council leader: ‘We are running on empty’",
        "The leader of Northbridge city council has warned that the authority faces effective "
        "bankruptcy within two years unless ministers step in.",
        "Cllr Joanne Pryce said: “We have cut everything we can cut. We cannot keep the lights "
        "on without more money from central government.”",
        "She added that the council had been “left to fend for itself” after a decade of "
        "reductions, a claim the government rejected.",
        "A Department for Communities spokesperson said: “Councils have received a real-terms "
        "rise in funding this year, and we will continue to work closely with Northbridge.”",
        quotes=(
            Expect("We are running on empty", PRYCE),
            Expect("We have cut everything we can cut", PRYCE),
            Expect("left to fend for itself", PRYCE),  # reported speech: her words, woven in
            Expect("Councils have received", "Department for Communities"),
        ),
    ),
    "translated_russian_dashes_and_guillemets": passage(
        "Kaluga regional construction minister Oleg Voronin said that the new bridge over the "
        "Oka would open to traffic by the end of the year.",
        "— All the main work has been completed, the contractor is now finishing the approaches "
        "and the lighting, — Voronin said at a press conference.",
        "According to him, the cost of the project rose by 14 percent because of the price of "
        "metal structures.",
        "«We did not revise the deadlines a single time, and we do not intend to do so now», the "
        "minister emphasized.",
        "Local residents, however, remain skeptical.",
        "— We have heard these promises for five years already, and every autumn the opening is "
        "postponed again, — said Svetlana Gromova, a resident of the Pravoberezhny district.",
        quotes=(
            Expect("All the main work has been completed", "Oleg Voronin"),
            Expect("We did not revise the deadlines", "Oleg Voronin"),
            Expect("We have heard these promises", "Svetlana Gromova"),
        ),
    ),
    "wire_quoted_as_saying": passage(
        "MOSCOW, Feb 11 (Reuters) - Russia's grain exports could fall by a fifth this season, a "
        "senior agriculture official was quoted as saying on Tuesday.",
        '"Weather problems in the south mean we should expect a smaller harvest than last '
        'year," Deputy Agriculture Minister Yelena Fastova was quoted as saying by the Interfax '
        "news agency.",
        "The RIA news agency quoted Fastova as saying: "
        '"The export quota will be set in line with the real harvest, not with wishes."',
        quotes=(
            Expect("smaller harvest than last year", "Yelena Fastova"),
            Expect("export quota will be set", "Yelena Fastova"),
        ),
    ),
    "multi_paragraph_letter": passage(
        "In a letter to shareholders released on Thursday, Greenfield Foods chairman Robert "
        "Ashdown defended the board's decision to reject the takeover offer.",
        '"We have looked carefully at every aspect of this proposal and concluded that it '
        "significantly undervalues the company and its prospects.",
        '"Our strategy is working. Sales have grown in each of the last six quarters, and our new '
        "factory in Leeds will double our capacity by 2027.",
        '"We therefore urge shareholders to take no action," he wrote.',
        'Analysts at a City broker said the rejection was "widely expected".',
        quotes=(
            Expect("looked carefully", "Robert Ashdown", also="take no action"),
            Expect("widely expected", ("Analysts", "Analysts at a City broker")),
        ),
    ),
    "pronouns_two_ministers": passage(
        "Defence Secretary Mark Ellery met his French counterpart, Claire Dubois, in Portsmouth "
        "on Monday to discuss joint naval patrols in the Channel.",
        "Dubois said France was ready to commit two additional frigates. "
        "“We cannot protect our coasts alone, and we should not try to,” she said.",
        "Ellery welcomed the offer but warned that funding remained uncertain. "
        "“There is real goodwill here, but the Treasury will have the final say,” he said.",
        quotes=(
            Expect("protect our coasts alone", "Claire Dubois"),
            Expect("real goodwill here", "Mark Ellery"),
        ),
    ),
    "they_and_the_spokesperson": passage(
        "Tenants at the Harbourview estate in Salford are threatening a rent strike after months "
        "of delays to repairs.",
        "Gerald Finch, a director of Harbourview Homes, which manages the estate, said "
        "contractors had been booked for the spring. "
        "“Every outstanding job will be finished by April,” he said.",
        "Sam Okafor, a spokesperson for the Harbourview Tenants' Association, said residents "
        "had heard that before. “People have been living with black mould for two winters,” "
        "they said. “Another promise is not going to fix that.”",
        "“We will ballot our members next month,” the spokesperson said.",
        quotes=(
            Expect("Every outstanding job", "Gerald Finch"),
            Expect("black mould for two winters", "Sam Okafor"),
            Expect("Another promise is not going to fix", "Sam Okafor"),
            Expect("ballot our members", "Sam Okafor"),
        ),
    ),
    "regulator_scare_quotes": passage(
        'The regulator described the bank\'s controls as "inadequate" and said its response to '
        'earlier warnings had been "slow and piecemeal".',
        'The bank\'s so-called "fast track" lending scheme, launched in 2021, approved loans '
        "within minutes, sometimes without checking income.",
        "In a statement, Westmark Bank said it accepted the findings in full. "
        '"We are sorry that our processes fell short of the standards our customers rightly '
        'expect," chief executive Priya Raman said.',
        quotes=(
            # A verb of naming takes the regulator's own word: its words, woven in.
            Expect("inadequate", ("The regulator", "the regulator")),
            Expect("slow and piecemeal", ("The regulator", "the regulator")),
            Expect("fast track", kind=FRAGMENT),
            Expect("processes fell short", "Priya Raman"),
        ),
    ),
    "stray_inch_mark_and_said_who": passage(
        'Electricals chain Brightline said sales of 65" televisions doubled in the four weeks '
        "before the tournament, while demand for soundbars rose by 40%.",
        '"Customers are clearly upgrading ahead of the summer of football," said Ben Carter, '
        "Brightline's commercial director, who joined the company from a rival last year.",
        "The company said it expected full-year profit to be at the top end of its guidance.",
        quotes=(Expect("clearly upgrading", "Ben Carter"),),
    ),
    "nested_single_quotes": passage(
        "Gareth Nolan, a former youth coach at the club, told the inquiry on Wednesday that he "
        "had raised concerns about training loads repeatedly.",
        "“I said to the chief executive, ‘If we carry on like this, somebody is going to get "
        "hurt,’ and he told me to mind my own business,” Nolan said.",
        "The club declined to comment while the inquiry is ongoing.",
        quotes=(
            Expect("mind my own business", "Gareth Nolan", also="somebody is going to get"),
            # the words inside, said by the speaker ("I said"): a quotation of their own
            Expect("If we carry on like this", "Gareth Nolan"),
        ),
    ),
    "prime_minister_colon_and_headline": passage(
        "Whitcombe vows ‘no more cuts’ as budget row deepens",
        "Prime Minister Alan Whitcombe has promised there will be “no return to austerity”, "
        "despite warnings from his own backbenchers that his spending plans are unaffordable.",
        "Speaking to reporters in Birmingham, the prime minister said: “I was elected to rebuild "
        "public services, not to run them down. That is what this government will do.”",
        "Opposition leader Fiona Grant accused him of “fantasy economics”. “The prime minister "
        "cannot keep promising everything to everyone and expect the bills to pay themselves,” "
        "she told the Commons.",
        quotes=(
            Expect("no more cuts", "Alan Whitcombe"),  # what "vows" takes
            Expect("no return to austerity", "Alan Whitcombe"),  # reported: "has promised"
            Expect("I was elected to rebuild", "Alan Whitcombe"),
            Expect("fantasy economics", "Fiona Grant"),  # "accused him of": her words
            Expect("keep promising everything", "Fiona Grant"),
        ),
    ),
    "the_company_said": passage(
        "SAN FRANCISCO, June 3 (Reuters) - Orbital Payments Inc said on Tuesday it had found no "
        "evidence that customer card data was accessed during last week's outage, which left "
        "millions of users unable to complete purchases for several hours.",
        '"The disruption was caused by a faulty configuration change during routine '
        'maintenance, not by any malicious activity," the company said in a statement.',
        "Orbital's chief technology officer, Dana Whitfield, told analysts on a call that the "
        'firm would introduce "staged rollouts" for all future changes.',
        '"We let our customers down, and we are going to earn back their trust," Whitfield said.',
        quotes=(
            Expect(
                "faulty configuration change",
                ("Orbital Payments Inc", "Orbital Payments", "Orbital"),
            ),
            Expect("staged rollouts", "Dana Whitfield"),  # reported: "told analysts ... that"
            Expect("earn back their trust", "Dana Whitfield"),
        ),
    ),
    "ap_said_who_and_asked_whether": passage(
        "Dam collapse survivors say they were never warned",
        "HILLSDALE, Utah (AP) — Residents of a small Utah town flooded when an earthen dam gave "
        "way last weekend said Tuesday that no one had told them the structure was failing.",
        '"We heard a sound like a freight train, and then the water was in the kitchen," said '
        "Maria Delgado, 58, who has lived in the town for three decades. "
        '"Nobody ever knocked on our door."',
        "State engineer Paul Hendricks said inspectors had flagged seepage at the dam in 2019. "
        'Asked whether the state had acted quickly enough, he said: "In hindsight, we should '
        "have moved faster. I won't pretend otherwise.\"",
        quotes=(
            Expect("sound like a freight train", "Maria Delgado"),
            Expect("Nobody ever knocked", "Maria Delgado"),
            Expect("In hindsight", "Paul Hendricks"),
        ),
    ),
}


def check(text: str, expected: tuple[Expect, ...], found: list[Quote]) -> list[str]:
    """Every mismatch between the expectations and the quotations found, one line each."""

    def content(q: Quote) -> str:
        return text[q.content_start : q.content_end]

    problems: list[str] = []
    used: set[int] = set()
    for exp in expected:
        label = f"{exp.content[:40]!r}"
        hits = [i for i, q in enumerate(found) if i not in used and exp.content in content(q)]
        if not hits:
            problems.append(f"{label}: expected {exp.kind}/{exp.speaker!r}, got no quotation")
            continue
        used.add(hits[0])
        q = found[hits[0]]
        got = f"got {q.kind}/{q.speaker!r} (written {q.speaker_text!r})"
        if exp.also is not None and exp.also not in content(q):
            problems.append(f"{label}: expected one quotation to {exp.also!r}, {got} split")
        if q.kind != exp.kind or (exp.kind == DIRECT and not exp.speaker_ok(q.speaker)):
            problems.append(f"{label}: expected {exp.kind}/{exp.speaker!r}, {got}")
    for i, q in enumerate(found):
        if i not in used and q.kind == DIRECT:
            problems.append(
                f"unexpected direct quotation {content(q)[:40]!r} (speaker {q.speaker!r})"
            )
    return problems


# Known limits, strict so that fixing one is noticed: a headline quote with no verb ("Council
# leader: 'We are running on empty'") has neither a cue nor, by our rules, the shape of a
# quotation; a parse that hangs quoted words on the wrong word hides the verb reporting them.
KNOWN_MISSES = {
    "uk_headline_and_spokesperson": "verb-less headline quotes are read as fragments",
    "the_company_said": "the small model reads 'staged' as a verb hanging on 'analysts', so the "
    "quoted words are not found in the clause 'told' reports",
}
PASSAGE_IDS = with_known_misses(PASSAGES, KNOWN_MISSES)


@pytest.mark.parametrize("name", PASSAGE_IDS)
def test_passage(nlp: Any, name: str) -> None:
    item = PASSAGES[name]
    for exp in item.quotes:  # the expectations themselves must be unambiguous
        assert item.text.count(exp.content) == 1, exp.content
    found = find_quotes(nlp(item.text))
    problems = check(item.text, item.quotes, found)
    assert not problems, "\n".join([name, *problems])
