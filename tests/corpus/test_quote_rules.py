"""The quotation rules of corpus/quotes.py, one test per rule, on docs parsed by hand.

Each doc carries exactly the parse its rule reads (parts of speech, lemmas, dependencies,
entities), so a test fails when the rule changes, not when a model does. The model-based tests
of the same behaviour are in test_quotes_integration.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from corpus.quotes import Quote, QuoteKind, QuoteStyle, find_quotes

BLANK = spacy.blank("en")


@dataclass(frozen=True)
class Tok:
    """The parse of one token. Toks are matched in order: each names the next token with that
    text. `head` is the text of the nearest token with that text (None: the root of the
    paragraph); tokens without a Tok hang from their paragraph's root."""

    text: str
    pos: str
    dep: str = "dep"
    head: str | None = None
    lemma: str | None = None


def parsed(text: str, toks: Sequence[Tok] = (), ents: Sequence[tuple[str, str]] = ()) -> Doc:
    """`text` as the blank English tokenizer splits it, with the given parse and entities
    (each entity the next occurrence of its words)."""
    tokens = BLANK.tokenizer(text)
    words = [t.text for t in tokens]
    given: dict[int, Tok] = {}
    at = 0
    for tok in toks:
        at = words.index(tok.text, at)
        given[at] = tok
        at += 1
    # Paragraphs end at line-break tokens; each has one root (its ROOT Tok, else its first).
    paragraph = [0] * len(words)
    for i in range(1, len(words)):
        paragraph[i] = paragraph[i - 1] + ("\n" in words[i - 1])
    roots = {paragraph[i]: i for i, tok in given.items() if tok.dep == "ROOT"}
    for i in range(len(words)):
        roots.setdefault(paragraph[i], i)

    def head_of(i: int) -> int:
        tok = given.get(i)
        if tok is None or tok.head is None:
            return roots[paragraph[i]]
        same = [j for j, w in enumerate(words) if w == tok.head and j != i]
        return min(same, key=lambda j: abs(j - i))

    def default_pos(i: int) -> str:
        token = tokens[i]
        return "SPACE" if token.is_space else "PUNCT" if token.is_punct else "X"

    heads = [head_of(i) for i in range(len(words))]
    doc = Doc(
        BLANK.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in tokens],
        heads=heads,
        deps=[
            "ROOT" if heads[i] == i else given[i].dep if i in given else "dep"
            for i in range(len(words))
        ],
        pos=[given[i].pos if i in given else default_pos(i) for i in range(len(words))],
        lemmas=[
            (given[i].lemma if i in given else None) or words[i].lower() for i in range(len(words))
        ],
    )
    spans = []
    start = 0
    for words_of, label in ents:
        start = text.index(words_of, start)
        span = doc.char_span(start, start + len(words_of), label=label)
        assert span is not None, f"{words_of!r} is not a run of whole tokens"
        spans.append(span)
        start += len(words_of)
    doc.ents = spans
    return doc


def said(subject: str, *before: Tok, verb: str = "said", lemma: str = "say") -> list[Tok]:
    """`subject` (a name, or a pronoun) the subject of a speech verb, after the Toks `before`."""
    pos = "PRON" if subject.islower() else "PROPN"
    return [*before, Tok(subject, pos, "nsubj", verb), Tok(verb, "VERB", "ROOT", lemma=lemma)]


def one(doc: Doc) -> Quote:
    (quote,) = find_quotes(doc)
    return quote


def content(doc: Doc, quote: Quote) -> str:
    return doc.text[quote.content_start : quote.content_end]


def speaker_as_written(doc: Doc, quote: Quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    return doc.text[quote.speaker_start : quote.speaker_end]


# --- attribution ---------------------------------------------------------------------------


def test_said_after_the_quote() -> None:
    doc = parsed(
        "“We will rebuild the bridge before the winter,” Anna Petrova said.",
        said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ents=[("Anna Petrova", "PERSON")],
    )
    quote = one(doc)
    assert content(doc, quote) == "We will rebuild the bridge before the winter,"
    assert doc.text[quote.start : quote.end].startswith("“") and doc.text[quote.end - 1] == "”"
    assert (quote.speaker, quote.speaker_text, quote.cue) == ("Anna Petrova",) * 2 + ("said",)
    assert speaker_as_written(doc, quote) == "Anna Petrova"
    assert (quote.kind, quote.style, quote.confidence) == (QuoteKind.DIRECT, QuoteStyle.MARKS, 0.9)


def test_said_before_its_subject_takes_the_fullest_earlier_name() -> None:
    doc = parsed(
        "Kirill Dmitriev heads the fund.\n\n"
        "“Rare earths are an important area for cooperation,” said Dmitriev.",
        [
            Tok("Kirill", "PROPN", "compound", "Dmitriev"),
            Tok("Dmitriev", "PROPN", "nsubj", "heads"),
            Tok("heads", "VERB", "ROOT", lemma="head"),
            Tok("said", "VERB", "ROOT", lemma="say"),
            Tok("Dmitriev", "PROPN", "nsubj", "said"),
        ],
        ents=[("Kirill Dmitriev", "PERSON"), ("Dmitriev", "PERSON")],
    )
    quote = one(doc)
    assert quote.speaker_text == "Dmitriev" and quote.speaker == "Kirill Dmitriev"
    assert doc.text[quote.speaker_start or 0 :].startswith("Dmitriev.")


def test_speaker_before_the_quote_with_a_colon() -> None:
    doc = parsed(
        "Putin told a state media correspondent: “Russia is open to working with American "
        "companies on rare earth metals.”",
        said("Putin", verb="told", lemma="tell"),
        ents=[("Putin", "PERSON")],
    )
    quote = one(doc)
    assert (quote.speaker, quote.cue) == ("Putin", "told")
    assert content(doc, quote).startswith("Russia is open")


def test_a_cue_before_the_quote_needs_a_colon_or_comma() -> None:
    """Without a colon or comma the verb before is not the quotation's cue; the quotation is
    still the words of the person its paragraph is about, with less confidence."""
    doc = parsed(
        "Putin told a state media correspondent about it. “Russia is open to working with "
        "American companies on rare earth metals.”",
        said("Putin", verb="told", lemma="tell"),
        ents=[("Putin", "PERSON")],
    )
    quote = one(doc)
    assert quote.cue is None and quote.speaker_text is None
    assert (quote.speaker, quote.confidence) == ("Putin", 0.6)


def test_an_unattributed_quote_with_nobody_named_before_it_has_no_speaker() -> None:
    doc = parsed("Markets fell on Monday. “Russia is open to working with American companies.”")
    quote = one(doc)
    assert quote.speaker is None and quote.cue is None


def test_pronoun_speaker_resolves_to_the_last_person_who_was_a_subject() -> None:
    doc = parsed(
        "Anna Petrova spoke first. Boris Titov said that talks would go on.\n\n"
        "“We are ready to talk about Alaska and its mines,” he said.",
        [
            Tok("Anna", "PROPN", "compound", "Petrova"),
            Tok("Petrova", "PROPN", "nsubj", "spoke"),
            Tok("spoke", "VERB", "ROOT", lemma="speak"),
            Tok("Boris", "PROPN", "compound", "Titov"),
            Tok("Titov", "PROPN", "nsubj", "said"),
            Tok("said", "VERB", "conj", "spoke", lemma="say"),
            Tok("he", "PRON", "nsubj", "said"),
            Tok("said", "VERB", "ROOT", lemma="say"),
        ],
        ents=[("Anna Petrova", "PERSON"), ("Boris Titov", "PERSON")],
    )
    quote = one(doc)
    assert quote.speaker == "Boris Titov"
    assert quote.speaker_text == "he" and speaker_as_written(doc, quote) == "he"
    assert quote.confidence == 0.7  # resolved, not read off the text


def test_a_pronoun_with_no_person_before_it_names_nobody() -> None:
    doc = parsed(
        "“We are ready to talk about Alaska and its mines,” he said.",
        said("he"),
    )
    quote = one(doc)
    assert quote.speaker_text == "he" and quote.speaker is None


def test_role_speaker_resolves_to_the_person_introduced_with_that_role() -> None:
    doc = parsed(
        "Industrial expert Leonid Khazanov spoke to a newspaper.\n\n"
        "“Prices will keep rising for a year at least, and nobody can stop that,” the expert "
        "said.",
        [
            Tok("Industrial", "ADJ", "amod", "Khazanov"),
            Tok("expert", "NOUN", "compound", "Khazanov"),
            Tok("Leonid", "PROPN", "compound", "Khazanov"),
            Tok("Khazanov", "PROPN", "nsubj", "spoke"),
            Tok("spoke", "VERB", "ROOT", lemma="speak"),
            Tok("the", "DET", "det", "expert"),
            Tok("expert", "NOUN", "nsubj", "said"),
            Tok("said", "VERB", "ROOT", lemma="say"),
        ],
        ents=[("Leonid Khazanov", "PERSON")],
    )
    quote = one(doc)
    assert quote.speaker_text == "the expert" and quote.speaker == "Leonid Khazanov"


def test_according_to_after_the_quote() -> None:
    doc = parsed(
        "“Prices will fall further before the end of the year,” according to Marcus Lee.",
        [Tok("Marcus", "PROPN", "compound", "Lee"), Tok("Lee", "PROPN", "pobj", "to")],
        ents=[("Marcus Lee", "PERSON")],
    )
    quote = one(doc)
    assert (quote.speaker, quote.cue) == ("Marcus Lee", "according to")


def test_quote_interrupted_by_its_attribution_is_two_quotes_of_one_speaker() -> None:
    doc = parsed(
        "“The talks went well,” Sergey Lavrov said, “and we expect more of them next month.”",
        said("Lavrov", Tok("Sergey", "PROPN", "compound", "Lavrov")),
        ents=[("Sergey Lavrov", "PERSON")],
    )
    first, second = find_quotes(doc)
    assert content(doc, first) == "The talks went well,"
    assert content(doc, second) == "and we expect more of them next month."
    assert first.speaker == second.speaker == "Sergey Lavrov"
    assert second.kind is QuoteKind.DIRECT  # lower case after a comma is not a fragment


def test_the_next_paragraph_continues_the_last_speaker() -> None:
    doc = parsed(
        "“He might come this week to sign the agreement,” Trump said.\n\n"
        "“The agreement is currently being worked on by both sides.”",
        said("Trump"),
        ents=[("Trump", "PERSON")],
    )
    first, second = find_quotes(doc)
    assert second.speaker == "Trump" and second.speaker_text is None
    assert second.speaker_start is None and second.cue is None
    assert (first.confidence, second.confidence) == (0.9, 0.6)


def test_a_quote_two_paragraphs_on_does_not_continue() -> None:
    doc = parsed(
        "“He might come this week to sign the agreement,” Trump said.\n\n"
        "The markets fell on the news.\n\n"
        "“The agreement is currently being worked on by both sides.”",
        said("Trump"),
        ents=[("Trump", "PERSON")],
    )
    assert [q.speaker for q in find_quotes(doc)] == ["Trump", None]


def test_a_quote_with_no_speaker() -> None:
    doc = parsed("“The bridge will be rebuilt before the winter comes.”")
    quote = one(doc)
    assert quote.kind is QuoteKind.DIRECT
    assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)
    assert (quote.speaker_start, quote.speaker_end) == (None, None)
    assert quote.confidence == 0.4


# --- editorial brackets --------------------------------------------------------------------


def test_bracketed_editorial_insertion_stays_out_of_the_speaker() -> None:
    doc = parsed(
        "Donald Trump arrived on Friday.\n\n"
        "“We will see what happens with the talks,” [US President Donald] Trump said.",
        [
            Tok("Donald", "PROPN", "compound", "Trump"),
            Tok("Trump", "PROPN", "nsubj", "arrived"),
            Tok("arrived", "VERB", "ROOT", lemma="arrive"),
            Tok("US", "PROPN", "compound", "President"),
            Tok("President", "PROPN", "compound", "Trump"),
            Tok("Donald", "PROPN", "compound", "Trump"),
            *said("Trump"),
        ],
        ents=[("Donald Trump", "PERSON"), ("Trump", "PERSON")],
    )
    quote = one(doc)
    assert quote.speaker_text == "Trump" and speaker_as_written(doc, quote) == "Trump"
    assert quote.speaker == "Donald Trump"


@pytest.mark.xfail(
    strict=True,
    reason="an entity the model runs across the editor's bracket ('Donald] Trump', as the "
    "small English model tags article 000) is taken whole as the speaker",
)
def test_an_entity_across_the_bracket_is_not_taken_whole() -> None:
    doc = parsed(
        "“We will see what happens with the talks,” [US President Donald] Trump said.",
        [
            Tok("Donald", "PROPN", "compound", "Trump"),
            *said("Trump"),
        ],
        ents=[("Donald] Trump", "PERSON")],
    )
    quote = one(doc)
    assert quote.speaker is not None and "]" not in quote.speaker


# --- marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"), [("«", "»"), ("‘", "’"), ('"', '"'), ("“", "”"), ("„", "”")]
)
def test_every_kind_of_mark(opening: str, closing: str) -> None:
    doc = parsed(
        f"{opening}We will rebuild the bridge before the winter,{closing} Anna Petrova said.",
        said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ents=[("Anna Petrova", "PERSON")],
    )
    quote = one(doc)
    assert content(doc, quote) == "We will rebuild the bridge before the winter,"
    assert quote.speaker == "Anna Petrova"


def test_lost_opening_mark_starts_the_quote_with_its_paragraph() -> None:
    doc = parsed(
        "Anna Petrova spoke on Monday.\n\n"
        "Prices will keep rising for a year at least, and nobody can stop that,” she said.",
        [
            Tok("Anna", "PROPN", "compound", "Petrova"),
            Tok("Petrova", "PROPN", "nsubj", "spoke"),
            Tok("spoke", "VERB", "ROOT", lemma="speak"),
            *said("she"),
        ],
        ents=[("Anna Petrova", "PERSON")],
    )
    quote = one(doc)
    assert quote.style is QuoteStyle.MISSING_OPEN and quote.kind is QuoteKind.DIRECT
    assert content(doc, quote).startswith("Prices will keep rising")
    assert quote.start == doc.text.index("Prices")
    assert quote.speaker == "Anna Petrova"
    assert quote.confidence == 0.6  # resolved (0.7), and the marks were broken


def test_a_stray_closing_mark_without_attribution_is_no_quote() -> None:
    assert find_quotes(parsed("The price rose by a third in a year” and fell again.")) == []


def test_nested_quote_stays_inside_the_outer_one() -> None:
    doc = parsed(
        "“He told us ‘no deal’ and then left the room in silence,” Anna Petrova said.",
        said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ents=[("Anna Petrova", "PERSON")],
    )
    outer, inner = find_quotes(doc)
    assert content(doc, outer) == "He told us ‘no deal’ and then left the room in silence,"
    assert outer.speaker == "Anna Petrova"
    # what "he" told them is a quotation too, "he" resolved as any pronoun is
    assert (content(doc, inner), inner.kind) == ("no deal", "direct")
    assert speaker_as_written(doc, inner) == "He"


def test_nested_quotations_need_a_verb_of_speech_and_skip_apostrophes() -> None:
    doc = parsed(
        "“I told myself, ‘Don’t look at the clock,’ and we don’t quit on the ‘easy’ days,” "
        "Anna Petrova said.",
        said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ents=[("Anna Petrova", "PERSON")],
    )
    outer, inner = find_quotes(doc)
    assert outer.speaker == "Anna Petrova"
    # "I told myself": her own words; the apostrophes and the scare quote are not quotations
    assert (content(doc, inner), inner.speaker) == ("Don’t look at the clock,", "Anna Petrova")


def test_a_paragraph_that_reopens_the_quote_continues_it() -> None:
    doc = parsed(
        "“The first part of the statement is long enough to be a quotation.\n\n"
        "“The second paragraph goes on with the same statement,” Anna Petrova said.",
        said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ents=[("Anna Petrova", "PERSON")],
    )
    quote = one(doc)
    assert content(doc, quote).startswith("The first part")
    assert content(doc, quote).endswith("the same statement,")
    assert quote.style is QuoteStyle.MARKS and quote.speaker == "Anna Petrova"


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    doc = parsed(
        "“The talks will go on until the spring and well beyond it\n\nThe markets fell on the news."
    )
    quote = one(doc)
    assert quote.style is QuoteStyle.UNCLOSED
    assert content(doc, quote) == "The talks will go on until the spring and well beyond it"
    assert quote.confidence == 0.3


@pytest.mark.parametrize("text", ["“", "”", '"', '""', "« »", "“”", "‘’’", "“a\n\n”\n\n“"])
def test_lone_and_empty_marks_make_no_quote(text: str) -> None:
    assert [q for q in find_quotes(parsed(text)) if q.is_direct] == []


# --- fragments and translated dash quotations ----------------------------------------------


def test_scare_quotes_are_fragments_and_not_attributed() -> None:
    """A few words that are only part of a phrase begun outside the marks ("a “great deal”")
    are a fragment, whatever verb the sentence has."""
    doc = parsed(
        "Trump called it a “great deal” on Monday.",
        [
            *said("Trump", verb="called", lemma="call"),
            Tok("a", "DET", "det", "deal"),
            Tok("great", "ADJ", "amod", "deal"),
            Tok("deal", "NOUN", "oprd", "called"),
        ],
    )
    quote = one(doc)
    assert quote.kind is QuoteKind.FRAGMENT
    assert quote.speaker is None and quote.cue is None


def test_a_quoted_part_of_a_reported_clause_is_the_reporters_words() -> None:
    """“very close.” is in the clause "added" reports: Bessent's words, woven in."""
    doc = parsed(
        "Treasury Secretary Scott Bessent added that it is “very close.”",
        [
            *said("Bessent", verb="added", lemma="add"),
            Tok("that", "SCONJ", "mark", "is"),
            Tok("it", "PRON", "nsubj", "is"),
            Tok("is", "AUX", "ccomp", "added", lemma="be"),
            Tok("very", "ADV", "advmod", "close"),
            Tok("close", "ADJ", "acomp", "is"),
        ],
        ents=[("Scott Bessent", "PERSON")],
    )
    quote = one(doc)
    assert quote.kind is QuoteKind.DIRECT
    assert (quote.speaker, quote.cue) == ("Scott Bessent", "added")


def test_a_woven_in_clause_is_the_subjects_words() -> None:
    """`said that “there were issues …”`: a quoted clause that continues the sentence in
    lowercase is a direct quotation of the speech verb's subject."""
    doc = parsed(
        "Smith said that “there were issues regarding the count in several counties.”",
        [
            *said("Smith"),
            Tok("that", "SCONJ", "mark", "were"),
            Tok("there", "PRON", "expl", "were"),
            Tok("were", "VERB", "ccomp", "said", lemma="be"),
        ],
        ents=[("Smith", "PERSON")],
    )
    for token in doc:
        if token.text == "were":
            token.tag_ = "VBD"
    quote = one(doc)
    assert quote.kind is QuoteKind.DIRECT
    assert (quote.speaker, quote.cue) == ("Smith", "said")


def test_a_short_quote_a_verb_of_speech_takes_is_direct() -> None:
    """`warned of “chaos”`, `called it “a disgrace”`: the words a verb of speech or naming
    takes whole are the subject's, however short."""
    doc = parsed(
        "The mayor warned of “chaos” at the stations.",
        [
            Tok("The", "DET", "det", "mayor"),
            Tok("mayor", "NOUN", "nsubj", "warned"),
            Tok("warned", "VERB", "ROOT", lemma="warn"),
            Tok("of", "ADP", "prep", "warned"),
            Tok("chaos", "NOUN", "pobj", "of"),
            Tok("at", "ADP", "prep", "warned"),
        ],
    )
    quote = one(doc)
    assert quote.kind is QuoteKind.DIRECT
    assert (quote.speaker_text, quote.cue) == ("The mayor", "warned")


def test_a_short_quote_with_its_own_attribution_is_direct() -> None:
    doc = parsed("“I would,” Melanie said.", said("Melanie"), ents=[("Melanie", "PERSON")])
    quote = one(doc)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == "Melanie"


def test_a_title_in_marks_is_not_a_quotation() -> None:
    doc = parsed(
        "Jordan appeared on “Fox News Sunday,” where he defended the committee.",
        [Tok("Jordan", "PROPN", "nsubj", "appeared"), Tok("appeared", "VERB", "ROOT")],
    )
    quote = one(doc)
    assert quote.kind is QuoteKind.TITLE
    assert quote.speaker is None


def test_dash_quotation_of_translated_text() -> None:
    doc = parsed(
        "According to Ivan Petrov, an analyst at an institute, a plan will take years.\n\n"
        "— In order to win, we need a long-term strategy that will work for decades, "
        "the analyst concluded.",
        [
            Tok("Ivan", "PROPN", "compound", "Petrov"),
            Tok("Petrov", "PROPN", "pobj", "to"),
            Tok("analyst", "NOUN", "appos", "Petrov"),
            Tok("the", "DET", "det", "analyst"),
            Tok("analyst", "NOUN", "nsubj", "concluded"),
            Tok("concluded", "VERB", "ROOT", lemma="conclude"),
        ],
        ents=[("Ivan Petrov", "PERSON")],
    )
    quote = one(doc)
    assert quote.style is QuoteStyle.DASH
    assert content(doc, quote) == (
        "In order to win, we need a long-term strategy that will work for decades"
    )
    assert quote.speaker == "Ivan Petrov" and quote.speaker_text == "the analyst"


# --- where the quotes go -------------------------------------------------------------------


def test_offsets_are_shifted_and_skipped_spans_left_out() -> None:
    doc = parsed(
        "“We will rebuild the bridge before the winter,” Anna Petrova said.\n\n"
        "“Prices will fall further before the end of the year,” Anna Petrova said.",
        [
            *said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
            *said("Petrova", Tok("Anna", "PROPN", "compound", "Petrova")),
        ],
        ents=[("Anna Petrova", "PERSON"), ("Anna Petrova", "PERSON")],
    )
    second_at = doc.text.index("“Prices")
    (quote,) = find_quotes(doc, offset=1000, skip=lambda start, end: start < 1000 + second_at)
    assert quote.start == 1000 + second_at
    assert quote.speaker_start == 1000 + doc.text.rindex("Anna")
    assert quote.speaker == "Anna Petrova"


# --- hostile text --------------------------------------------------------------------------


def check_quote(text: str, quote: Quote) -> None:
    assert 0 <= quote.start <= quote.content_start <= quote.content_end <= quote.end <= len(text)
    assert 0 < quote.confidence <= 1
    if quote.speaker_start is not None and quote.speaker_end is not None:
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        assert not quote.start <= quote.speaker_start < quote.end  # never inside the quote
    if quote.kind is QuoteKind.FRAGMENT:
        assert quote.speaker is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,\n\"“”«»‘’—'", max_size=80))
def test_unbalanced_marks_never_raise(text: str) -> None:
    for quote in find_quotes(parsed(text)):
        check_quote(text, quote)


WORDS = ("he", "said", "Anna Petrova", "we", "will", "rebuild", "the", "bridge", "according to")
PIECES = [*'“”"«»‘’', "— ", ", ", ". ", ": ", "\n\n", *(f" {w} " for w in WORDS)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_marks_and_attributions_in_any_order_never_raise(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = [t.text for t in BLANK.tokenizer(text)]
    toks: list[Tok] = []
    if "said" in words:
        for word in words:
            if word == "said":
                toks.append(Tok("said", "VERB", "ROOT", lemma="say"))
            elif word == "Anna":
                toks.append(Tok(word, "PROPN", "compound", "Petrova"))
            elif word in ("he", "Petrova"):
                toks.append(Tok(word, "PRON" if word == "he" else "PROPN", "nsubj", "said"))
    names = [("Anna Petrova", "PERSON")] * text.count("Anna Petrova")
    for quote in find_quotes(parsed(text, toks, names)):
        check_quote(text, quote)
