"""Direct quotations and who said them, on spaCy docs of real news text.

Real news breaks the tidy cases: curly, straight, guillemet and single marks; a paragraph that
re-opens a quotation without closing the last; a closing mark whose opening was lost; Russian-
style dash quotations in translated text ("— In order to ..., the expert concluded."); speakers
after the quote ("said Dmitriev"), before it ("Putin told a correspondent: ..."), as pronouns
("he said") or roles ("the expert notes"). Marks are paired by a tolerant scanner that never
raises on unbalanced text; attribution comes from the dependency parse around each quotation;
pronoun and role speakers are resolved to the person the article last cited.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from corpus.given_names import gender_of_given_name
from corpus.text import Paragraph, count_words, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that introduce speech ("said", "told", "added", "recalled", "the expert notes").
SPEECH_VERBS = frozenset(
    """say tell add state note conclude recall explain emphasize emphasise stress write ask
    reply respond insist warn argue claim declare announce continue comment remark observe
    point suggest admit acknowledge confirm predict complain urge promise mention quip joke
    tweet post testify assert maintain contend concede caution reiterate answer shout
    report vow pledge acknowledge accuse deny dismiss blast slam praise reveal disclose
    describe recount lament allege counter boast inquire""".split()
)
# Verbs and adjectives that cite a person as a source without quoting them.
_CITING = SPEECH_VERBS | frozenset(
    "believe think share consider expect estimate sure confident convinced".split()
)
_OPINION_ADJECTIVES = frozenset("sure confident convinced certain".split())
_PRONOUNS = frozenset("he she they i we it".split())
_ROLE_WORDS = frozenset(
    """expert analyst source official spokesman spokeswoman spokesperson president minister
    envoy leader premier chancellor secretary ambassador diplomat economist scientist
    researcher professor director chairman chairwoman chief head governor mayor senator
    lawmaker politician representative adviser advisor aide general commander author chair
    chairperson deputy""".split()
)

_OPEN = {"“": '"', "«": "«", "„": '"', "‘": "'"}
_CLOSE = {"”": '"', "»": "«", "’": "'"}
_WORD_CHAR = re.compile(r"\w")
_DASH_START = re.compile(r"[—–-]\s+")  # used with match(): anchored where it is asked
# ", — the expert is sure." / ", the expert concluded." at the end of a mark-less paragraph.
_TRAILING_DASH_ATTRIBUTION = re.compile(r"[,.]?\s*[—–]\s+(?P<attr>[^—–]{3,80}?)[.!]?$")
_TRAILING_COMMA_ATTRIBUTION = re.compile(r",\s+(?P<attr>[^,]{3,80}?)[.!]$")


class QuoteKind(StrEnum):
    """What a pair of marks holds."""

    DIRECT = "direct"  # a quotation of someone's words
    FRAGMENT = "fragment"  # scare quotes and quoted phrases ("a great deal"): not attributed
    TITLE = "title"  # the title of a work in marks (“Fox News Sunday,”): not attributed


class QuoteStyle(StrEnum):
    """How the quotation was marked in the text."""

    MARKS = "marks"
    MISSING_OPEN = "missing-open"  # a closing mark whose opening was lost
    DASH = "dash"  # "— ..., the expert concluded." in translated text
    UNCLOSED = "unclosed"  # never closed: it ends with its paragraph


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation found in an article; offsets are code points into the article's text.

    `start`/`end` take in the marks, `content_*` only the words. `speaker_text` is the speaker
    as written next to the quote ("he", "the minister") at `speaker_start`/`speaker_end`;
    `speaker` is who that is ("Anton Siluanov"), also for a quotation that continues the last
    one. `cue` is the verb that introduced it ("said", "according to"). `speaker_kind` says
    what `speaker_text` is: a `name`, a `pronoun`, a `description` ("the official"), an
    `organisation` ("the ministry", "Reuters"), or `none` when there is no mention.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    kind: QuoteKind
    style: QuoteStyle
    confidence: float
    speaker_kind: str = "none"
    # The entity group the speaker is (corpus/entities.py), where the article has one.
    speaker_group: str = ""

    @property
    def is_direct(self) -> bool:
        return self.kind is QuoteKind.DIRECT

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the cache and of `assay analyze` (its key order is the output's)."""
        return {
            "start": self.start,
            "end": self.end,
            "content_start": self.content_start,
            "content_end": self.content_end,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue,
            "kind": self.kind.value,
            "style": self.style.value,
            "confidence": self.confidence,
        } | ({"speaker_group": self.speaker_group} if self.speaker_group else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on bad data."""
        return cls(
            int(data["start"]),
            int(data["end"]),
            int(data["content_start"]),
            int(data["content_end"]),
            _optional_str(data["speaker"]),
            _optional_str(data["speaker_text"]),
            _optional_int(data["speaker_start"]),
            _optional_int(data["speaker_end"]),
            _optional_str(data["cue"]),
            _KINDS[data["kind"]],
            _STYLES[data["style"]],
            float(data["confidence"]),
            _SPEAKER_KINDS[data.get("speaker_kind", "none")],
            str(data.get("speaker_group", "")),
        )


# Looked up, not called: a warm cache reads every quote of a corpus, and calling the enum costs
# ten times the lookup. An unknown name raises KeyError, as a missing key does.
_KINDS = {kind.value: kind for kind in QuoteKind}
SPEAKER_KINDS = ("name", "pronoun", "description", "organisation", "none")
_SPEAKER_KINDS = {kind: kind for kind in SPEAKER_KINDS}
_STYLES = {style.value: style for style in QuoteStyle}


def _optional_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"expected a string or null, got {type(value).__name__}")


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass
class _Quote:
    start: int  # first mark (or first word when the opening mark is missing)
    end: int  # after the closing mark (or the last word)
    content_start: int
    content_end: int
    paragraph: int
    style: QuoteStyle = QuoteStyle.MARKS
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None
    speaker: str | None = None
    cue: str | None = None
    how: str = "none"  # direct | resolved | continued | none
    kind: str = "direct"  # a QuoteKind, or "dropped" while attributing
    speaker_kind: str = "none"
    extra: dict[str, Any] = field(default_factory=dict)


def keep_text(doc: Doc, text: str) -> None:
    """Give the doc the text it was made from, so that it is not joined again from its tokens
    (a few milliseconds an article)."""
    doc.user_data["assay:text"] = text


def _text(doc: Doc) -> str:
    """The doc's text, kept: spaCy joins every token again on each `doc.text`."""
    text = doc.user_data.get("assay:text")
    if text is None:
        text = doc.user_data["assay:text"] = doc.text
    return str(text)


def _tokens_where(doc: Doc, **wanted: Sequence[str]) -> list[int]:
    """The indices of the doc's tokens whose attributes have one of the values given
    (`pos=("PROPN",)`, `dep=("nsubj", "nsubjpass")`, `ent_type=("",)`, `lower=("and",)`,
    `orth=names`), found over the doc's arrays: a loop over every token makes a Python
    object of each, several times an article."""
    import numpy
    from spacy.attrs import DEP, ENT_TYPE, LOWER, ORTH, POS

    columns = doc.user_data.get("assay:columns")
    if columns is None:
        columns = doc.to_array([POS, DEP, ENT_TYPE, LOWER, ORTH])
        doc.user_data["assay:columns"] = columns
    which = {"pos": 0, "dep": 1, "ent_type": 2, "lower": 3, "orth": 4}
    strings = doc.vocab.strings
    mask = numpy.ones(len(doc), dtype=bool)
    for name, values in wanted.items():
        ids = [0 if value == "" else strings[value] for value in values]
        mask &= numpy.isin(columns[:, which[name]], numpy.array(ids, dtype=numpy.uint64))
    return [int(i) for i in numpy.flatnonzero(mask)]


def _ents(doc: Doc) -> tuple[Span, ...]:
    """The doc's entities, kept: spaCy makes new spans on each `doc.ents`."""
    ents = doc.user_data.get("assay:ents")
    if ents is None:
        ents = doc.user_data["assay:ents"] = tuple(doc.ents)
    return tuple(ents)


def _ent_at(doc: Doc, token: Token) -> Span | None:
    """The entity a token is in, found by its start among the kept entities (a scan of them
    all for each speaker phrase cost a long article a fifth of its quotation time)."""
    ents = _ents(doc)
    starts = doc.user_data.get("assay:ent-starts")
    if starts is None:
        starts = doc.user_data["assay:ent-starts"] = [e.start for e in ents]
    i = bisect_right(starts, token.i) - 1
    return ents[i] if i >= 0 and ents[i].start <= token.i < ents[i].end else None


def _parsed(doc: Doc) -> bool:
    """Whether the doc has a dependency parse, kept. Without one (no model: sentences split
    by punctuation) spaCy 3.8's `Token.children` can crash the process, so nothing that walks
    the tree runs."""
    parsed = doc.user_data.get("assay:parsed")
    if parsed is None:
        parsed = doc.user_data["assay:parsed"] = doc.has_annotation("DEP")
    return bool(parsed)


def find_quotes(
    doc: Doc, offset: int = 0, skip: Callable[[int, int], bool] | None = None
) -> list[Quote]:
    """Quotations in `doc` with offsets shifted by `offset` (the piece's place in the article).
    Quotations for which `skip(start, end)` is true (boilerplate) are left out."""
    text = _text(doc)
    paras = paragraphs(text)
    found = _scan_marks(text, paras)
    found.extend(_dash_quotes(text, paras, found))
    found.sort(key=lambda q: q.start)
    if skip is not None:
        found = [q for q in found if not skip(q.start + offset, q.end + offset)]
    people = _people(doc, found)
    unnamed = _unnamed(doc, found)
    turns = _turns(text, paras)
    spoken: list[str] = []  # the speakers so far, latest last
    # Whom a surname two people share means, as the latest mention of it alone was read
    # ("Stroud said" after Board Chair Rebecca Stroud; "the elder Hargrove"): a writer who
    # names the other one in full ("Kevin Stroud said") keeps the bare name for the first.
    settled = _Readings()
    read = 0  # the mentions before the quotation being attributed, read in order
    previous: _Quote | None = None
    nested: list[_Quote] = []  # quotations inside quotations (`“He said, ‘…’”`)
    for quote in found:
        if quote.extra.get("glued"):
            _widen_to_paragraph(text, quote, paras[quote.paragraph])
        quote.kind = _kind(doc, quote)
        if quote.kind in ("fragment", "title"):
            continue  # scare quotes are not attributed: the clause after is someone else's
        while read < len(people) and people[read].start < quote.start:
            at = people[read].start
            _settle(people[read], people, spoken, settled, paras[_paragraph_at(paras, at)].start)
            read += 1
        quoted = text[quote.content_start : quote.content_end]
        _attribute(doc, quote)
        unattributed = quote.speaker_text is None and quote.kind == "direct"
        # An unattributed quotation continues the last one in its paragraph ("“…,” she said.
        # “…”"); else it is the words of the person its paragraph is about ("Mayor Ruiz
        # defended the plan. “…”"); else it continues the last one of the paragraph before.
        same = previous is not None and previous.paragraph == quote.paragraph
        near = previous is not None and quote.paragraph - previous.paragraph <= 1
        quoted_before = near and previous is not None and previous.paragraph < quote.paragraph
        subject = (
            None
            if same or not unattributed
            else _paragraph_subject(quote, people, paras, opens=not quoted_before)
        )
        if subject is not None:
            quote.speaker = _fullest(
                subject.name,
                people,
                spoken,
                quote.start,
                _titled(subject),
                subject.generation,
                settled,
                quoted,
                paras[quote.paragraph].start,
            )
            quote.speaker_kind = "organisation" if subject.org else "name"
            quote.how = "continued"
        elif unattributed and near and previous is not None and previous.speaker:
            quote.speaker = previous.speaker
            quote.speaker_kind = previous.speaker_kind  # what names them is the last mention
            quote.how = "continued"
        turn = turns.get(quote.paragraph)
        if turn is not None and (quote.speaker_text or "").lower() in ("i", "we"):
            quote.speaker = turn  # "MORROW: I'll tell you what I told my staff: “…”"
            quote.speaker_kind = "pronoun"
            quote.how = "resolved"
        elif quote.speaker_text is not None:
            quote.speaker = _clean_name(
                _resolve(
                    quote,
                    people,
                    spoken,
                    unnamed,
                    settled,
                    quoted,
                    paras[quote.paragraph].start,
                    paras[max(quote.paragraph - 1, 0)].start,
                )
            )
            quote.speaker_kind = _speaker_kind(quote, people)
        if quote.kind == "direct":
            for inner in _nested(text, quote):
                if inner.speaker_text is not None:
                    inner.speaker = _clean_name(
                        _resolve(
                            inner,
                            people,
                            spoken,
                            unnamed,
                            settled,
                            text[inner.content_start : inner.content_end],
                            paras[quote.paragraph].start,
                            quoting=quote.speaker,
                        )
                    )
                    inner.speaker_kind = _speaker_kind(inner, people)
                nested.append(inner)
        if quote.speaker and quote.kind == "direct":
            spoken.append(quote.speaker)
        if quote.kind == "direct":
            previous = quote
    kept = sorted((q for q in (*found, *nested) if q.kind != "dropped"), key=lambda q: q.start)
    return [_as_record(q, offset) for q in kept]


# Words quoted inside a quotation, after a verb of speech: `“Then he said, ‘Let me worry
# about the marks.’ So I did.”`, `“I thought, 'Nobody wants this,'”`.
_NESTED_CUE = re.compile(
    r"\b(?P<cue>say|said|says|saying|shouted|shouting|yelled|yelling|screamed|screaming|thought|"
    r"asked|asking|(?:told|telling) (?:me|him|her|us|them|myself)|wrote|texted|replied|"
    r"whispered)\b[^\n‘'“”\".!?]{0,40}?[,:]?\s*$"
)
# Who said it: the last subject before the verb in the quotation ("He called me after a
# workout and just said"), a pronoun or a name.
_NESTED_WHO = re.compile(
    r"(?:^|(?<=[\s(]))(?P<who>I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\s)"
)
_NOT_WHO = frozenset(
    "Then And But So When After Before As If Now At In On The A An My His Her".split()
)
_FIRST_PERSON = frozenset({"I", "We", "we"})


def _nested(text: str, outer: _Quote) -> list[_Quote]:
    """The quotations inside a double-marked one that a verb of speech in it introduces, in
    single marks: each is someone's words, said by the one the verb's subject names ("I":
    the outer speaker; "he": whom the article's people say)."""
    if outer.style is not QuoteStyle.MARKS or outer.extra.get("family") != '"':
        return []
    found: list[_Quote] = []
    at = outer.content_start
    while True:
        start = _single_opening(text, at, outer.content_end)
        if start is None:
            return found
        end = _single_closing(text, start + 1, outer.content_end)
        if end is None:
            return found
        lead = text[max(outer.content_start, start - 80) : start]
        cue = _NESTED_CUE.search(lead)
        content = text[start + 1 : end].strip()
        subjects = [] if cue is None else [
            m for m in _NESTED_WHO.finditer(lead, 0, cue.start()) if m.group("who") not in _NOT_WHO
        ]  # fmt: skip
        if cue is not None and count_words(content) >= 2:
            inner = _Quote(start, end + 1, start + 1, end, outer.paragraph, cue=cue.group("cue"))
            inner.extra["family"] = "'"
            who = subjects[-1].group("who") if subjects else None
            if who is None:
                pass  # "my coach said, ‘…’": someone's words, whose the text does not name
            elif who in _FIRST_PERSON:
                inner.speaker, inner.speaker_kind = outer.speaker, outer.speaker_kind
                inner.how = "continued"
            else:
                where = max(outer.content_start, start - 80) + subjects[-1].start("who")
                inner.speaker_text = who
                inner.speaker_span = (where, where + len(who))
                inner.how = "direct"
            found.append(inner)
        at = end + 1


def _single_opening(text: str, start: int, stop: int) -> int | None:
    """The next single opening mark in `[start, stop)`: ‘, or ' at a word's start."""
    for i in range(start, stop):
        c = text[i]
        if c == "‘" or (c == "'" and _is_opening_straight(text, i)):
            return i
    return None


def _single_closing(text: str, start: int, stop: int) -> int | None:
    """The closing single mark in `[start, stop)`: ’ or ' not inside a word ("I’m", "don't"
    are apostrophes), followed by white space, punctuation or the end of the outer quote."""
    for i in range(start, stop):
        c = text[i]
        if c not in "’'" or i == start:
            continue
        after = text[i + 1] if i + 1 < len(text) else " "
        if not after.isalnum() and not text[i - 1].isspace():
            return i
    return None


# --- finding the quotations -------------------------------------------------------------


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:" or not _WORD_CHAR.match(before)


def _scan_marks(text: str, paras: Sequence[Paragraph]) -> list[_Quote]:
    """Pair opening and closing marks paragraph by paragraph.

    A double quotation still open at the end of a paragraph continues when the next paragraph
    opens with a mark (the convention for multi-paragraph quotes), and otherwise ends with its
    paragraph. A closing mark with no opening is kept as a candidate whose opening was lost.
    """
    quotes: list[_Quote] = []
    carry: _Quote | None = None
    for index, para in enumerate(paras):
        open_quote: _Quote | None = None
        family = ""
        glued = False
        if carry is not None:
            first = text[para.start] if para.start < len(text) else ""
            if first in ("“", '"', "«", "„"):
                open_quote, family = carry, carry.extra["family"]
                open_quote.extra["reopened"] = para.start
                start_scan = para.start + 1
            else:
                _close_unclosed(text, carry, quotes)
                start_scan = para.start
            carry = None
        else:
            start_scan = para.start
        for i in range(start_scan, para.end):
            ch = text[i]
            if ch == '"':
                if open_quote is not None and family == '"' and not _is_opening_straight(text, i):
                    _finish(open_quote, i, quotes)
                    if glued:
                        open_quote.extra["glued"] = True
                    open_quote = None
                elif open_quote is None:
                    if _is_opening_straight(text, i):
                        open_quote, family, glued = _open(i, index, '"'), '"', False
                    elif _between_words(text, i, para):
                        # 'for example"a titan': an opening mark glued to the word before
                        open_quote, family, glued = _open(i, index, '"'), '"', True
                    else:
                        quotes.append(_missing_open(text, para, i, index))
            elif ch in _OPEN and open_quote is None:
                if ch == "‘" and i > para.start and _WORD_CHAR.match(text[i - 1]):
                    continue
                open_quote, family, glued = _open(i, index, _OPEN[ch]), _OPEN[ch], False
            elif ch in _CLOSE:
                if open_quote is not None and _CLOSE[ch] == family:
                    if ch == "’" and i + 1 < para.end and _WORD_CHAR.match(text[i + 1]):
                        continue  # an apostrophe: "Russia’s"
                    _finish(open_quote, i, quotes)
                    if glued:
                        open_quote.extra["glued"] = True
                    open_quote = None
                elif open_quote is None and ch == "”":
                    quotes.append(_missing_open(text, para, i, index))
        if open_quote is not None:
            if family == '"' and open_quote.start >= para.start:
                open_quote.extra["family"] = family
                open_quote.extra["para_end"] = para.end
                carry = open_quote
            elif family == '"':
                open_quote.extra["para_end"] = para.end
                carry = open_quote
            # an unclosed single or guillemet quote is dropped: most are apostrophes or typos
    if carry is not None:
        _close_unclosed(text, carry, quotes)
    return quotes


def _between_words(text: str, i: int, para: Paragraph) -> bool:
    """'for example"a titan': a straight mark glued to the words on both sides."""
    if not para.start < i < para.end - 1:
        return False
    return bool(_WORD_CHAR.match(text[i - 1]) and _WORD_CHAR.match(text[i + 1]))


def _open(i: int, paragraph: int, family: str) -> _Quote:
    return _Quote(i, -1, i + 1, -1, paragraph, extra={"family": family})


def _finish(quote: _Quote, i: int, quotes: list[_Quote]) -> None:
    quote.end = i + 1
    quote.content_end = i
    quotes.append(quote)


def _close_unclosed(text: str, quote: _Quote, quotes: list[_Quote]) -> None:
    """A quotation never closed ends with its paragraph (unbalanced marks never raise)."""
    end = quote.extra.get("para_end", len(text))
    quote.end = quote.content_end = end
    quote.style = QuoteStyle.UNCLOSED
    if quote.content_end > quote.content_start:
        quotes.append(quote)


def _widen_to_paragraph(text: str, quote: _Quote, para: Paragraph) -> None:
    """A mark glued to the word before it ('for example"a titan') is a broken opening: when
    an attribution follows, the quotation is the paragraph up to the closing mark."""
    after = text[quote.end : quote.end + 80]
    if not re.match(r"\s*,?\s*(?:\w+\s+){0,3}?\w+", after) or not _ATTRIBUTION_WORDS.search(after):
        return
    dash = _DASH_START.match(text, para.start, para.end)
    quote.start = quote.content_start = dash.end() if dash else para.start
    quote.style = QuoteStyle.MISSING_OPEN


def _missing_open(text: str, para: Paragraph, i: int, index: int) -> _Quote:
    """A closing mark with no opening: the quotation is taken to start with the paragraph."""
    start = para.start
    dash = _DASH_START.match(text, start, para.end)
    content_start = dash.end() if dash else start
    quote = _Quote(content_start, i + 1, content_start, i, index, style=QuoteStyle.MISSING_OPEN)
    return quote


def _dash_quotes(text: str, paras: Sequence[Paragraph], marked: Sequence[_Quote]) -> list[_Quote]:
    """Mark-less quotations of translated text: "— ..., the expert concluded." and
    "..., — the expert is sure." Only with a speech or opinion cue in the attribution."""
    quotes: list[_Quote] = []
    for index, para in enumerate(paras):
        body = para.text
        # A paragraph that already holds a real quotation is not a dash quotation as well;
        # one with only scare quotes ("reclaim") can be.
        here = [q for q in marked if q.paragraph == index]
        if any(q.style is QuoteStyle.MISSING_OPEN or _content_words(text, q) > 5 for q in here):
            continue
        dash = _DASH_START.match(body)
        trailing = _TRAILING_DASH_ATTRIBUTION.search(body)
        if trailing is None and dash is not None:
            trailing = _TRAILING_COMMA_ATTRIBUTION.search(body)
        if trailing is None or not _looks_like_attribution(trailing.group("attr")):
            continue
        if any(mark in trailing.group("attr") for mark in '“”"«»'):
            continue  # `— said the bill was “dead on arrival.”`: the words are in marks
        start = para.start + (dash.end() if dash else 0)
        end = para.start + trailing.start()
        if dash is None and any(d in text[start:end] for d in "—–"):
            continue  # `Dan Ortiz — a former prosecutor — said`: two dashes set off an aside
        if count_words(text[start:end]) < 6:
            continue
        quotes.append(_Quote(start, end, start, end, index, style=QuoteStyle.DASH))
    return quotes


_ATTRIBUTION_WORDS = re.compile(
    r"\b(?:said|says|added|adds|noted|notes|concluded|concludes|stated|states|explained|"
    r"explains|recalled|recalls|emphasized|emphasizes|stressed|stresses|believes|believed|"
    r"is sure|was sure|is convinced|is confident|told|tells|wrote|writes|insisted|insists|"
    r"warned|warns|argued|argues|claimed|claims|declared|declares|pointed out|points out)\b"
)


def _content_words(text: str, quote: _Quote) -> int:
    return count_words(text[quote.content_start : quote.content_end])


def _looks_like_attribution(attr: str) -> bool:
    """A short attribution, or a longer one that opens with its verb ("said Svetlana
    Gromova, a resident of the district")."""
    cue = _ATTRIBUTION_WORDS.search(attr)
    if cue is None:
        return False
    return count_words(attr) <= 8 or (cue.start() == 0 and count_words(attr) <= 16)


def _kind(doc: Doc, quote: _Quote) -> str:
    """ "direct" for someone's words, "title" for the title of a work, "fragment" for scare
    quotes and quoted phrases.

    Someone's words: a quotation that is a clause or a sentence of its own, a woven-in one
    that continues the sentence with a clause or at length (`said that “there were issues
    regarding the count.”`), and a short one that is what a speech verb says (`“I would,”
    Melanie said.`, `warned of “chaos”`). A fragment is a few words with no speech verb and
    no clause (`referring to them as “new territories.”`)."""
    text = _text(doc)
    if quote.style in (QuoteStyle.MISSING_OPEN, QuoteStyle.DASH):
        return "direct"
    content = text[quote.content_start : quote.content_end].strip()
    words = count_words(content)
    if words == 0:
        return "fragment"
    if (
        words <= 3
        and content[0].isupper()
        and not content.endswith(",")  # `Prices “will keep rising,” Marcus Lee said`
        and _NICKNAME_BEFORE.search(text, max(0, quote.start - 40), quote.start)
        and _NICKNAME_AFTER.match(text, quote.end)
    ):
        return "fragment"  # a nickname inside a name: Rep. Glenn “G.T.” Thompson
    tokens = _content_tokens(doc, quote)
    if _is_title(text, quote, content, tokens):
        return "title"
    said = _said(doc, quote, tokens) or _enclosing_cue(doc, quote, tokens) is not None
    before = text[: quote.start].rstrip()
    embedded = bool(before) and (before[-1].isalnum() or before[-1] in "’',")
    clause = _has_clause(tokens)
    if content[0].islower() and embedded:
        if said or clause or words >= _WOVEN_WORDS:
            return "direct"
        named = words >= _NAMED_WORDS and _naming_verb_before(doc, quote) is not None
        return "direct" if named else "fragment"
    if said and (embedded or words >= 2 or content[-1] in ",.!?"):
        return "direct"
    ends_like_speech = content[-1] in ".,!?…:;—–"
    if words >= 3 and ends_like_speech and (clause or not embedded):
        return "direct"
    if not embedded and content[0].isupper() and content[-1] in ".!?" and _after_sentence(before):
        return "direct"  # a sentence of its own: “Not once.”, “Thank God.”
    if words >= 6 and content[0].isupper():
        return "direct"
    return "fragment"


def _after_sentence(before: str) -> bool:
    """Whether the text before an opening mark ends a sentence (or a paragraph, or another
    quotation's attribution): what follows stands as a sentence of its own."""
    return not before or before[-1] in ".!?\n:" or before.endswith(("”", '"', "’", "»"))


# A broadcast transcript's turn: the speaker's name in capitals, maybe a role, then a colon
# ("DANA BASH, CNN HOST:", "GOV. ELAINE MORROW (D-MI):", "MORROW:").
_TURN = re.compile(
    r"(?P<name>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})(?:\s*,[A-Z0-9 .,'’&-]{0,40})?"
    r"(?:\s*\([^)\n]{0,20}\))?:\s"
)


_NOT_TURNS = frozenset(
    "UPDATE UPDATED CORRECTION EDITOR'S EDITOR’S NOTE WATCH READ RELATED PHOTOS VIDEO MORE "
    "BREAKING EXCLUSIVE ANALYSIS OPINION LIVE SOURCE SOURCES".split()
)


def _turns(text: str, paras: Sequence[Paragraph]) -> dict[int, str]:
    """The speaker of each turn of a broadcast transcript, by paragraph: the label's name
    without titles, its surname alone lengthened to the full name an earlier label gave
    ("MORROW" after "GOV. ELAINE MORROW (D-MI)": Elaine Morrow). Two turns at least, or
    it is no transcript ("WASHINGTON:" opening a story)."""
    found: dict[int, str] = {}
    full: dict[str, str] = {}
    for number, para in enumerate(paras):
        match = _TURN.match(text, para.start, para.end)
        if match is None:
            continue
        words = [w for w in match.group("name").split() if not _title_word(w.strip("."))]
        if not words or len(words) > 3 or words[0].strip(".") in _NOT_TURNS:
            continue
        if len(words) == 1 and len(words[0].strip(".")) < 2:
            continue  # "Q:" and "A:" of a printed interview name no one
        name = " ".join(w.capitalize() for w in words)
        if len(words) > 1:
            full[words[-1].capitalize()] = name
        found[number] = full.get(name, name)
    return found if len(found) >= 2 else {}


# A given name and a surname on either side of the marks, with nothing between.
_NICKNAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")
_NICKNAME_AFTER = re.compile(r"\s[A-Z][a-z]+(?:\b|$)")
# A woven-in quotation this long is someone's words even without a verb of its own.
_WOVEN_WORDS = 7
# Words a title in marks leaves lowercase (“The Art of the Deal”, “Meet the Press”).
_TITLE_SMALL = frozenset(
    "a an the of and or nor but in on at to for with from by as into vs vs. de la".split()
)


def _content_tokens(doc: Doc, quote: _Quote) -> list[Token]:
    span = doc.char_span(quote.content_start, quote.content_end, alignment_mode="expand")
    return list(span) if span is not None else []


def _has_clause(tokens: Sequence[Token]) -> bool:
    """Whether the quotation's own words say something: a finite verb with its subject among
    them (“there were issues”), or a predicate of some length (“counts every receipt twice”);
    two words a tagger reads as a verb (“staged rollouts”) are not enough."""
    words = sum(1 for t in tokens if not t.is_punct)
    inside = {t.i for t in tokens}
    for t in tokens:
        finite = t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.tag_ == "VB" and t.dep_ == "ROOT")
        if not finite:
            continue
        if words >= 4 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside
                             for c in t.children):  # fmt: skip
            return True
    return False


def _is_title(text: str, quote: _Quote, content: str, tokens: Sequence[Token]) -> bool:
    """“Fox News Sunday,” “The Art of the Deal”: every word capitalised but the small ones,
    at least two words, no verb of speech after it, in the run of a sentence.

    Where the sentence itself says it names a work, the words are a title whatever follows
    and a single word is enough: after a preposition or a possessive (`Appearing on NBC's
    “Meet the Press,” Byrd said`), or beside a word for a work (`her new film, “The Quiet
    Season,” Castellanos said`, `BBC Radio 4's “Today” programme`)."""
    words = [w.strip(",.;:!?") for w in content.split()]
    words = [w for w in words if w]
    named = _names_a_work(text, quote)
    if not (1 if named else 2) <= len(words) <= 10 or content[-1:] in ("?", "!"):
        return False
    if len(words) == 1 and named == "preposition":
        return False  # `replied with “No.”`: one word after "with" may be what was said
    if not words[0][:1].isupper() or words[0] in ("I", "We", "You", "It"):
        return False
    if not all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL or w[:1].isdigit() or not w[:1].isalnum()
        for w in words
    ):  # "Fox & Friends", "Law & Order"
        return False
    before = text[max(0, quote.start - 2) : quote.start].rstrip()
    if before.endswith(":"):
        return False  # introduced as words: `He tweeted: “Witch Hunt Continues!”`
    return named is not None or not _ATTRIBUTION_AFTER.match(text, quote.end)


# Words for a work whose title stands beside them in marks.
_WORK_WORDS = frozenset(
    """film movie book novel memoir show series programme program album song single play
    musical documentary podcast column essay episode sitcom drama miniseries poem opera
    report study newsletter""".split()
)
# A naming verb just before the marks: what they hold is a name, not someone's words.
_NAMING_BEFORE = re.compile(
    r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|nicknamed|named|(?:en)?titled|"
    r"(?:known|billed|referred\s+to|branded)(?:\s+\w+ly)?\s+as)"
    r"(?:\s+(?:itself|himself|herself|themselves))?\s*$"
)
# Prepositions a title follows in the run of a sentence ("on “Face the Nation,”").
_TITLE_PREPOSITIONS = frozenset("on in of from to at for about".split())


def _names_a_work(text: str, quote: _Quote) -> str | None:
    """How the sentence says the marks hold a title, if it does: "work" (a word for a work
    beside them, a possessive before), "preposition" (a preposition before), else None."""
    before = text[max(0, quote.start - 40) : quote.start]
    after = text[quote.end : quote.end + 20]
    last = re.search(r"([\w’']+)(,?)\s*$", before)
    following = re.match(r"\s*(\w+)", after)
    if following is not None and following.group(1).lower() in _WORK_WORDS:
        return "work"
    if _NAMING_BEFORE.search(before):
        return "work"  # `a group that calls itself “Keep It Under”`, `known as “Abbott.”`
    if last is None:
        return None
    word = last.group(1)
    if word.lower() in _WORK_WORDS or (not last.group(2) and word.endswith(("’s", "'s"))):
        return "work"
    if not last.group(2) and word in _TITLE_PREPOSITIONS:
        return "preposition"
    return None


# "“…,” he said" / "“…” said the minister": a quotation's own attribution follows it.
_ATTRIBUTION_AFTER = re.compile(
    r"[,.!?]?\s*(?:(?:he|she|they|it|we|i)\s+|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+)?"
    r"(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|replied|continued|explained|"
    r"noted|insisted|warned|declared|recalled|tweeted|posted|stated|argued|quipped)\b"
)


def _said(doc: Doc, quote: _Quote, tokens: Sequence[Token]) -> bool:
    """Whether a verb of speech takes the quotation as what was said: the quotation is the
    whole of what depends on it (`said that “…”`, `warned of “…”`, `called it “…”`), or it
    follows the quotation as its attribution (`“I would,” Melanie said.`)."""
    if _governing_cue(doc, quote, tokens, speech_only=True) is not None:
        return True
    if _ATTRIBUTION_AFTER.match(_text(doc), quote.end):
        return True
    after = _tokens_after(doc, quote)
    if after and after[0].pos_ in ("CCONJ", "SCONJ"):
        return False  # `“…” and said`, `“…,” while X added`: another clause's verb
    if _cue_after(doc, quote, after) is not None or _name_then_apposition(doc, after):
        return True
    # `Prices “will keep rising,” according to Marcus Lee`: the comma inside the marks ends
    # someone's words, and "according to" says whose.
    closed_by_comma = _text(doc)[quote.content_start : quote.content_end].rstrip().endswith(",")
    return closed_by_comma and _according_to_after(doc, after) is not None


def _governing_cue(
    doc: Doc, quote: _Quote, tokens: Sequence[Token], *, speech_only: bool
) -> Token | None:
    """The verb the quotation is the complement of, outside it and before it: a verb of
    speech or of naming (`said that “…”`, `warned of “…”`, `described it as “…”`), or with
    `speech_only` False any verb with a subject (`accused Zelensky of “…”`). The quotation
    must be all of what hangs there: `said the rejection was “widely expected”` is not."""
    inside = {t.i for t in tokens}
    for token in tokens:
        head = token.head
        if head.i in inside or head.i == token.i or token.is_punct:
            continue
        if any(
            t.idx < quote.start
            and not t.is_punct
            and not (t.dep_ == "mark" and t.head.i == token.i)
            for t in token.subtree
        ):
            continue  # the quotation is only part of a phrase that starts before it
        steps = 0
        while (head.dep_ in ("prep", "mark") or head.pos_ in ("ADP", "SCONJ")) and steps < 2:
            head, steps = head.head, steps + 1  # "warned of “…”", "said that “…”"
        if (
            token.dep_ in ("appos", "oprd", "attr")
            and head.pos_ == "NOUN"
            and head.head.i != head.i
        ):
            head = head.head  # "called the loss “one we gave away”"
        elif (
            token.dep_ == "amod"
            and head.i < token.i
            and head.dep_ == "dobj"
            and head.head.lemma_.lower() in _NAMING_VERBS
        ):
            head = head.head  # "called the update ‘grim but honest’", read as an adjective
        elif (
            head.tag_ == "VBG" and head.dep_ == "dobj" and head.head.lemma_.lower() in _NAMING_VERBS
        ):
            # "described the company's hiring philosophy as “…”", with "hiring" read as a
            # verb: the object of the naming verb, not a clause of its own.
            head = head.head
        if head.idx >= quote.start or head.i in inside:
            continue
        between = doc[head.i + 1 : min(inside)]
        if any(t.text in (".", "!", "?") or "\n" in t.text for t in between):
            continue  # another sentence's verb, whatever the parse says
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and (lemma in SPEECH_VERBS or lemma in _NAMING_VERBS):
            return head
        # Any verb with an active subject (not a passive's: "the plan was described as").
        if (
            not speech_only
            and head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in head.children)
        ):
            return head
    return None


def _naming_verb_before(doc: Doc, quote: _Quote) -> Token | None:
    """A verb of naming a few words before the marks, with only its object between (however
    the parse read them): `called the closing “corporate abandonment, plain and simple,”`,
    `called Coyne, then the governor of Missouri, “a bully with a good haircut.”`."""
    window = doc.char_span(max(0, quote.start - 80), quote.start, alignment_mode="contract")
    if window is None:
        return None
    for token in reversed(window):
        if token.text in (".", "!", "?", ";", ":") or "\n" in token.text:
            return None
        if token.pos_ in ("VERB", "AUX"):
            named = token.lemma_.lower() in _NAMING_VERBS and token.lemma_.lower() != "refer"
            return token if named and quote.start - token.idx <= 70 else None
    return None


# A woven-in quotation this long after a verb of naming and its object is the subject's
# words ("called the closing “corporate abandonment, plain and simple”"); shorter ones are
# the name given (`called it a “great deal”`).
_NAMED_WORDS = 4
# Verbs that give someone's words as a name for a thing: `called it “a disgrace”`.
_NAMING_VERBS = frozenset(
    "call describe dub label brand term characterize characterise refer".split()
)


# --- attribution ---------------------------------------------------------------------------


def _attribute(doc: Doc, quote: _Quote) -> None:
    after = _tokens_after(doc, quote)
    source = _according_to_after(doc, after)
    byline = None if source is not None else _dash_byline(doc, quote)
    if byline is not None:  # "“…” — Jane Doe, on a talk show": the listicle's attribution
        quote.cue = "—"
        _set_speaker(quote, byline)
        return
    named = _named_before_colon(doc, quote) if source is None else None
    if named is not None:  # "a statement from a spokeswoman, Ingrid Solberg: “…”"
        quote.cue = ":"
        _set_speaker(quote, named)
        return
    cue = None
    if quote.style is QuoteStyle.MARKS:
        # Woven into a sentence: the speaker is the subject of the verb it completes, or of
        # the verb of speech whose clause it is in (`said the plan “treats riders as …”`).
        tokens = _content_tokens(doc, quote)
        for way in ("speech", "reported", "any verb"):
            if way == "reported":
                cue = _enclosing_cue(doc, quote, tokens)
            else:
                cue = _governing_cue(doc, quote, tokens, speech_only=way == "speech")
            subject = None if cue is None else _subject(doc, cue, quote, guess=False)
            if cue is not None and subject is not None and (_is_cue(cue) or _someone(subject.root)):
                break
            cue = None
        naming = _naming_verb_before(doc, quote) if cue is None else None
        if naming is not None and _subject(doc, naming, quote, guess=False) is not None:
            cue = naming  # "called the closing “corporate abandonment, plain and simple”"
    if source is not None and (cue is None or not _is_cue(cue)):
        # "“…,” according to two lawmakers": the source. But "Greaves told Republicans he
        # would pass it “with or without …,” according to two lawmakers in the room": the
        # words are Greaves's; the lawmakers only report them.
        quote.cue = "according to"
        _set_speaker(quote, source)
        return
    if cue is None and not (after and after[0].pos_ in ("CCONJ", "SCONJ")):
        cue = _cue_after(doc, quote, after)
        if cue is None:
            apposed = _name_then_apposition(doc, after)
            if apposed is not None:  # "“…” Suyatmi, a farmer who ..., told AFP"
                quote.cue = apposed[0].text
                _set_speaker(quote, apposed[1])
                return
    if cue is None and quote.style not in (QuoteStyle.MISSING_OPEN, QuoteStyle.DASH):
        window = _window_before(_text(doc), quote)
        cue = _cue_in(doc, window)
        if cue is None and _text(doc)[: quote.start].rstrip().endswith(":"):
            # "Ben Hollis didn’t mince words: “…”": who the colon's sentence is about.
            cue = _lead_verb(doc, window)
    if cue is None:
        if quote.style is QuoteStyle.MISSING_OPEN:
            quote.kind = "dropped"  # a stray closing mark with no attribution
        return
    quote.cue = cue.text
    subject = _subject(doc, cue, quote)
    if subject is not None:
        _set_speaker(quote, subject)


_BYLINE = re.compile(r"[ \t]*[―—–]+[ \t]*(?P<who>[@A-Z][^\n]{0,150})")


def _dash_byline(doc: Doc, quote: _Quote) -> Span | None:
    """ "“…” — Jane Doe" and "“…” ― @handle, on Twitter": a dash after the closing mark and a
    name to the end of the line, the way lists of quotations credit each one."""
    if quote.style is not QuoteStyle.MARKS:
        return None
    found = _BYLINE.match(_text(doc), quote.end)
    if found is None:
        return None
    who = found.group("who")
    name = re.split(r",|\s+(?:on|in|to|at|via|from)\s+|\s*\(", who, maxsplit=1)[0].rstrip(" .")
    if not name or len(name.split()) > 6:
        return None
    start = found.start("who")
    return doc.char_span(start, start + len(name), alignment_mode="expand")


def _enclosing_cue(doc: Doc, quote: _Quote, tokens: Sequence[Token]) -> Token | None:
    """The verb of speech whose reported clause holds a woven-in quotation, before it in its
    sentence: `said the governor's plan “treats upstate riders as an afterthought”`, `said
    companies were “in touch”` (reported speech: the words are the subject's). Not a verb
    whose object only contains it (`mentioned Russia's “wealth”`)."""
    inside = {t.i for t in tokens}
    if not inside:
        return None
    first, last = min(inside), max(inside)
    for token in tokens:
        node = token
        if node.head.i in inside or node.head.i == node.i or node.is_punct:
            continue
        for _ in range(8):
            head = node.head
            if head.i == node.i:
                break
            if (
                head.i > last
                and head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.dep_ in _CORE_DEPS
                and node.i <= last
            ):
                node = head  # "had “two, maybe three” witnesses left": the noun it counts
                continue
            if head.i >= first:
                break
            between = doc[head.i + 1 : first]
            if any(t.text in (".", "!", "?") or "\n" in t.text for t in between):
                break
            if _is_cue(head) and node.dep_ in ("ccomp", "xcomp", "parataxis", "advcl"):
                return head
            node = head
    return _that_clause_cue(doc, tokens, first)


# What a clause says, as against the phrases around it: a noun quoted in one of these is said.
_CORE_DEPS = frozenset("dobj nsubj nsubjpass attr oprd".split())


def _that_clause_cue(doc: Doc, tokens: Sequence[Token], first: int) -> Token | None:
    """The verb of speech before a "that" clause holding the quotation, in its sentence,
    whatever the parse hangs the clause from: `told investors on a call that the office
    would be “modest at first”`, `said in a statement that ... and that the center was
    “cooperating fully”`."""
    if not _parsed(doc):
        return None
    for token in tokens:
        node = token
        for _ in range(4):
            if node.dep_ in ("pobj", "prep", "pcomp", "npadvmod"):
                break  # in a phrase of the clause ("with “far more” reserves"), not said
            mark = next(
                (c for c in node.children
                 if c.dep_ == "mark" and c.lower_ in ("that", "whether") and c.i < first),
                None,
            )  # fmt: skip
            if mark is not None:
                for candidate in reversed(doc[node.sent.start : mark.i]):
                    if "\n" in candidate.text or candidate.text in (".", "!", "?"):
                        return None
                    if _is_cue(candidate) and candidate.pos_ in ("VERB", "AUX"):
                        return candidate
                return None
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _lead_verb(doc: Doc, window: tuple[int, int]) -> Token | None:
    """The main verb of the sentence a colon ends, when its subject names someone."""
    start, end = window
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return None
    for token in reversed(span):
        if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG"))
            for c in token.children
        ):
            return token
    return None


def _set_speaker(quote: _Quote, phrase: Span) -> None:
    quote.speaker_text = phrase.text
    quote.speaker_span = (phrase.start_char, phrase.end_char)
    quote.how = "direct"


def _tokens_after(doc: Doc, quote: _Quote) -> list[Token]:
    """The tokens of the attribution after a quotation, up to the end of its sentence.

    Token by token, so "U.S. District Judge" does not end the sentence at its first period.
    """
    # A bounded span finds the first tokens directly; scanning the doc was O(tokens) per quote.
    reach = min(len(_text(doc)), quote.end + 400)
    window = doc.char_span(quote.end, reach, alignment_mode="expand")
    tokens = [t for t in window if t.idx >= quote.end] if window is not None else []
    found: list[Token] = []
    for k, token in enumerate(tokens[:60]):
        abbreviated = token.text == "." and k + 1 < len(tokens) and tokens[k + 1].text == ")"
        if abbreviated:  # "(R-Wyo.)": the state's abbreviation, not the sentence's end
            found.append(token)
            continue
        if token.text in (".", "!", "?", "“", "«") or "\n" in token.text:
            break
        if token.text == '"' and token.whitespace_ == "":
            break  # a straight mark opening the next part of the quotation
        found.append(token)
    return found


# Verbs that report speech only as the attribution right after a quotation that ends in a
# comma: `“…,” Ms. Voss began`, `“…,” he laughed`, `“…?” she wondered`.
_AFTER_QUOTE_VERBS = frozenset(
    """begin laugh sigh smile grin shrug scoff chuckle recount counter retort gush marvel
    muse wonder exclaim cry yell whisper mutter murmur groan sob plead boast brag lament
    concur agree interject offer reason volunteer demand""".split()
)


def _subject_placed(verb: Token, k: int) -> bool:
    """Whether a verb `k` words after a quotation has its subject where an attribution puts
    it: before it, near the marks (`“…,” Ms. Voss began`), or right after it when the verb
    comes first (`“…?” demanded Sen. Ravenel`). Only for verbs: spaCy 3.8 may crash walking
    the children of a token in a doc without a parse."""
    subjects = [c.i for c in verb.children if c.dep_ == "nsubj"]
    return (k <= 4 and any(i < verb.i for i in subjects)) or (
        k == 0 and any(i > verb.i for i in subjects)
    )


def _cue_after(doc: Doc, quote: _Quote, tokens: Sequence[Token]) -> Token | None:
    """The verb of speech of the attribution after a quotation: within a few words of it, or
    further when every word in between belongs to the verb's own subject and modifiers
    (`“…” Rep. Jim Jordan (R-Ohio), an oversight panel member, said`)."""
    for k, token in enumerate(tokens):
        if not _is_cue(token) and not (
            token.pos_ == "VERB"
            and token.lemma_.lower() in _AFTER_QUOTE_VERBS
            and _text(doc)[: quote.content_end].rstrip()[-1:] in (",", "?", "!")
            and _subject_placed(token, k)
        ):
            continue
        governed: set[int] = set()
        for child in token.lefts:
            governed.update(t.i for t in child.subtree)
        everything_its_own = all(t.i in governed or t.is_punct for t in tokens[:k])
        if not everything_its_own and _text(doc)[: quote.content_end].rstrip().endswith("."):
            # `“…in my entire life.” We'll see what Twitter has to say`: a sentence ended
            # inside the marks, and the next one is not an attribution
            return None
        if k <= 8 or everything_its_own:
            return token
        return None
    return None


def _name_then_apposition(doc: Doc, tokens: Sequence[Token]) -> tuple[Token, Span] | None:
    """ "“…” Suyatmi, a 58-year-old farmer who like many Indonesians goes by one name, told
    AFP": a name right after the quotation, set off by commas, then a verb of speech; the
    model may parse the clause between any way (here "Suyatmi ... goes"), the shape says who
    spoke."""
    run = 0
    while run < len(tokens) and tokens[run].pos_ == "PROPN" and tokens[run].text[:1].isupper():
        run += 1
    if not 1 <= run <= 4 or run >= len(tokens) or tokens[run].text != ",":
        return None
    for k in range(run + 1, min(len(tokens) - 1, run + 30)):
        if tokens[k].text == "," and _is_cue(tokens[k + 1]):
            name = doc[tokens[0].i : tokens[run - 1].i + 1]
            return tokens[k + 1], name
    return None


def _according_to_after(doc: Doc, tokens: Sequence[Token]) -> Span | None:
    """'"...," according to Marcus Lee, a senior analyst': the source after "according to".

    A document is the words of whoever issued it: "according to a statement from the
    sheriff's office" (or "by", "of"), "according to the company's filing"; without one named,
    the document itself. The phrase is its head noun's, not its first word's ("a", "the")."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 3 or [w.lower_ for w in words[:2]] != ["according", "to"]:
        return None
    head = words[2]
    while (
        head.dep_ in ("det", "amod", "compound", "nummod", "poss", "case", "quantmod")
        and head.i < head.head.i <= words[2].i + 6
    ):
        head = head.head  # "a 2019 inspection report" -> report
    issuer = _issuer(doc, head)
    return issuer if issuer is not None else _noun_phrase(doc, head)


def _issuer(doc: Doc, document: Token) -> Span | None:
    """Who issued a document the text names: "a statement from the sheriff's office" (or
    "by", "of"), "the company's filing"; None for a word that is not a document, or one
    whose issuer is not said there."""
    if document.lemma_.lower() not in _DOCUMENTS:
        return None
    for child in document.rights:
        if child.lower_ in ("from", "by", "of") and child.dep_ in ("prep", "agent"):
            issuer = [c for c in child.children if c.dep_ == "pobj"]
            if issuer:
                return _noun_phrase(doc, issuer[0])
    for child in document.lefts:
        if child.dep_ == "poss" and child.lower_ not in _PRONOUNS:
            return _noun_phrase(doc, child)
    return None


def _earlier_issuer(doc: Doc, document: Token) -> Span | None:
    """ "“…,” the statement said": the statement is the one the text told of before ("Deborah
    Vance said in a statement", "the center released a statement", "a statement from the
    center"), within the paragraphs just before; who issued it."""
    lemma = document.lemma_.lower()
    paragraph_starts = 0
    for token in reversed(doc[max(0, document.i - 400) : document.i]):
        if "\n" in token.text:
            paragraph_starts += 1
            if paragraph_starts > 3:
                return None
        if token.lemma_.lower() != lemma:
            continue
        issuer = _issuer(doc, token)
        if issuer is not None:
            return issuer
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "said in a statement"
        elif token.dep_ != "dobj":  # "released a statement"
            continue
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lower_ not in _PRONOUNS:
                return _noun_phrase(doc, child)
    return None


# What a source issues: "according to a statement from ..." names the one who issued it.
_DOCUMENTS = frozenset(
    "statement release report filing post tweet memo letter complaint affidavit document "
    "record transcript email e-mail readout summary notice announcement indictment lawsuit "
    "order ruling opinion note message briefing testimony".split()
)


def _window_before(text: str, quote: _Quote) -> tuple[int, int]:
    """From the sentence start to the opening mark, when the text leads into the quote with a
    colon or a comma ("Putin told a correspondent: ...")."""
    lead = text[max(0, quote.start - 200) : quote.start].rstrip()
    if not lead or lead[-1] not in ":,":
        return quote.start, quote.start
    start = quote.start - len(text[max(0, quote.start - 200) : quote.start])
    cut = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind("” "), lead.rfind('" '))
    return (start + cut + 1 if cut >= 0 else start), quote.start


def _cue_in(doc: Doc, window: tuple[int, int]) -> Token | None:
    start, end = window
    if end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if _is_cue(t)]
    return tokens[-1] if tokens else None


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        if lemma in _RETORT_VERBS:  # "she shot back", "he fired back": a reply in a debate
            return any(c.lower_ == "back" and c.i == token.i + 1 for c in token.children)
        return lemma in SPEECH_VERBS
    return token.pos_ == "ADJ" and lemma in _OPINION_ADJECTIVES  # "the expert is sure"


# Verbs that are speech only as "... back": "shot back", "fired back", "hit back".
_RETORT_VERBS = frozenset("shoot fire hit push snap strike lash".split())


def _subject(doc: Doc, cue: Token, quote: _Quote, guess: bool = True) -> Span | None:
    """The speaker phrase: the cue's subject, trimmed of clauses, not inside the quote.

    "was quoted as saying": the cue has no subject of its own, so its heads are asked. With
    `guess`, a parse with no subject falls back on a name or pronoun next to the cue.
    """
    verb = cue.head if cue.pos_ == "ADJ" else cue
    for _ in range(3):
        if verb.lemma_.lower() == "quote":  # "The agency quoted Fastova as saying"
            for child in verb.children:
                if child.dep_ == "dobj" and not _inside(child.idx, quote):
                    return _noun_phrase(doc, child)
        passive_ok = verb.lemma_.lower() in ("quote", "cite")  # "X was quoted as saying"
        for child in verb.children:
            wanted = child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and passive_ok)
            outside = not _inside(child.idx, quote) and not _in_dateline(doc, child)
            if wanted and outside and _same_paragraph(doc, child, verb):
                if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    # "Teresa Huang, who told the Journal"; "the Rev. Dale Halvorsen, a Texas
                    # pastor who told a congregation": the name the description stands beside
                    who = verb.head
                    if who.dep_ == "appos" and who.head.pos_ == "PROPN" and who.head.i < who.i:
                        who = who.head
                    return _noun_phrase(doc, who)
                if child.lower_ == "which" and verb.dep_ == "relcl":
                    # "a post by Darius Pryce, which read: “…”": the post's, so its author's
                    # (the parse may hang "which" on the day: "a post on Saturday, which")
                    thing = verb.head
                    if thing.lemma_.lower() not in _DOCUMENTS and not _may_speak(thing):
                        thing = next(
                            (t for t in reversed(doc[max(0, child.i - 12) : child.i])
                             if t.lemma_.lower() in _DOCUMENTS),
                            thing,
                        )  # fmt: skip
                    issuer = _issuer(doc, thing)
                    return issuer if issuer is not None else _noun_phrase(doc, thing)
                if (
                    child.lemma_.lower() in _DOCUMENTS
                    and any(c.lower_ in ("the", "that", "this") for c in child.lefts)
                    and (issuer := _issuer(doc, child) or _earlier_issuer(doc, child))
                ):
                    return issuer  # "“…,” the statement said": the one who issued it
                aside = _before_dash_aside(doc, child, verb)
                named = _named_beside(child) if aside is None else None
                return _noun_phrase(doc, aside or named or child)
        if verb.dep_ == "acl" and verb.head.i < verb.i and _someone(verb.head):
            return _noun_phrase(doc, verb.head)  # "with one official describing it as “…”"
        if verb.head.i == verb.i or verb.dep_ not in (
            "advcl",
            "xcomp",
            "ccomp",
            "conj",
            "pcomp",
            "prep",
        ):
            break
        if (
            verb.dep_ == "conj"
            and _is_cue(verb)
            and not _is_cue(verb.head)
            and verb.head.dep_ == "ccomp"
            and _is_cue(verb.head.head)
        ):
            # "Rooke said freight volumes appeared to have bottomed but warned that …",
            # parsed with "warned" joined to the reported clause: the one who said it warned
            verb = verb.head
        verb = verb.head
    if not guess:
        return None
    # Parse errors: the nearest name or pronoun next to the cue ("said Dmitriev").
    near = [*doc[cue.i + 1 : cue.i + 4], *reversed(doc[max(0, cue.i - 4) : cue.i])]
    for token in near:
        if _inside(token.idx, quote) or not _may_speak(token):
            continue
        head = token.head
        if (
            token.dep_ == "compound"
            and token.i < head.i <= cue.i + 4
            and head.pos_ == "NOUN"
            and _someone(head)
        ):
            return _noun_phrase(doc, head)  # "said one GOP lawmaker from a district ...":
            # the lawmaker, whatever clause the parse gave it to, not the party
        if token.pos_ == "PROPN" or token.lower_ in _PRONOUNS:
            return _noun_phrase(doc, token)
    # "“…,” Waverly said", the surname read as an adverb: a capitalised word between the
    # closing mark and the verb of speech.
    if cue.i >= 2:
        word, mark = doc[cue.i - 1], doc[cue.i - 2]
        if (
            word.is_title
            and word.idx >= quote.end
            and mark.text in ("”", '"', "’", "'", "»")
            and word.lower_ not in _PRONOUNS
            and _may_speak(word)
        ):
            return doc[word.i : word.i + 1]
    return None


def _named_before_colon(doc: Doc, quote: _Quote) -> Span | None:
    """The person named last before the colon that introduces a quotation, when the name is
    the sentence's last words and stands beside a word for a document or a spokesperson, or
    after "from" or "by": "with a statement from a spokeswoman, Ingrid Solberg: “…”"."""
    text = _text(doc)
    before = text[: quote.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    name = doc[colon.start - 1]
    if name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
        return None
    first = name.i
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if first < 2:
        return None
    if doc[first - 1].text == ",":  # "from its president, Dolores Amaya:"
        near = [t for t in doc[max(0, first - 6) : first - 1] if not t.is_punct]
    else:  # "a statement by Dolores Amaya:"
        near = [doc[first - 1]]
    words = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
    if not words & {"from", "by", "spokesman", "spokeswoman", "spokesperson", *_DOCUMENTS}:
        return None  # ("Ben Hollis didn’t mince words:" is the colon rule's, by its subject)
    return doc[first : name.i + 1]


def _named_beside(subject: Token) -> Token | None:
    """The name set beside a description or a bare title that is the subject: "The law’s
    sponsor, state Sen. Greg Amato (R), said", "Governor, your opponent, state Senator Phil
    Ducharme, said" (the parse hangs the name on the description as apposition or as a
    conjunct): the name says who speaks."""
    if subject.pos_ == "PROPN" and not _title_word(subject.text):
        return None
    if subject.pos_ not in ("NOUN", "PROPN"):
        return None
    beside = list(subject.children)
    for prep in subject.children:  # "A spokesperson for Rutter, Dylan Mercer, told": the
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "to"):  # parse hangs the
            for owner in prep.children:  # name on the one spoken for, already named
                if owner.dep_ == "pobj" and owner.pos_ == "PROPN":
                    beside.extend(owner.children)
    names = [
        c for c in beside
        if c.dep_ in ("appos", "conj")
        and c.i > subject.i
        and c.pos_ == "PROPN"
        and c.ent_type_ == "PERSON"
        and subject.doc[c.left_edge.i - 1].text == ","
        and not any(t.lower_ in ("and", "or") for t in subject.doc[subject.i : c.left_edge.i])
    ]  # fmt: skip
    return names[-1] if names else None


def _before_dash_aside(doc: Doc, subject: Token, verb: Token) -> Token | None:
    """ "Rep. Bernard King (D-N.Y.) — no relation to the winner — urged": the parse takes the
    aside between the dashes for the subject; the name before the first dash is it."""
    dashes = [t for t in doc[max(0, subject.i - 6) : verb.i] if t.text in ("—", "–", "--")]
    if len(dashes) != 2 or not dashes[0].i < subject.i < dashes[1].i:
        return None
    at = dashes[0].i - 1
    if at >= 0 and doc[at].text == ")":  # a party and state in parentheses
        while at >= 0 and doc[at].text != "(":
            at -= 1
        at -= 1
    while at >= 0 and doc[at].text == ",":
        at -= 1
    if at < 0 or doc[at].pos_ != "PROPN" or not _same_paragraph(doc, doc[at], verb):
        return None
    return doc[at]


_WHEN_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    morning afternoon evening night week weekend month year""".split()
)


def _may_speak(token: Token) -> bool:
    """Not a date or time (`said Monday`) nor the one spoken to (`told CNN`)."""
    if token.ent_type_ in ("DATE", "TIME") or token.lower_ in _WHEN_WORDS:
        return False
    return token.dep_ not in ("dobj", "dative", "pobj", "npadvmod")


def _noun_phrase(doc: Doc, head: Token) -> Span:
    """The name or noun phrase a subject token stands for: its entity when it is in one,
    else the words written right before it ("the Russian president", "A Department for
    Communities spokesperson")."""
    if head.lower_ in _PRONOUNS:
        return doc[head.i : head.i + 1]
    if head.lower_ in _GENERATIONS and head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
        # "the elder Mr. Rice said", parsed as two subjects: the whole of it
        end = head.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        start = head.i - 1 if head.i > 0 and doc[head.i - 1].lower_ == "the" else head.i
        return doc[start:end]
    if head.pos_ == "NOUN":
        for child in head.rights:  # "A Lumora spokesman, Eric Dahl, said": the name
            if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
                return _noun_phrase(doc, child)
    ent = _ent_at(doc, head) if head.ent_type_ in ("PERSON", "ORG", "GPE") else None
    if ent is not None:
        return _trimmed(ent)
    start = head.i
    while (
        start > 1
        and head.i - start < 6
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and not doc[start - 2].is_space
    ):
        start -= 2  # "the 63-year-old": the words the hyphens join
    while start > 0 and head.i - start < 6:
        before = doc[start - 1]
        opens = (doc[start].pos_ == "DET" and doc[start].dep_ == "det") or doc[start].tag_ == "PRP$"
        if opens and start < head.i:
            break  # "the employers", "its authors": an article or a possessive opens the
            # phrase ("said in a statement the employers had refused" is not "a statement
            # the employers", nor "a proposal its authors said" "a proposal its authors")
        inner_of = before.lower_ in ("for", "of") and start - 2 >= 0 and doc[start].is_title
        possessive = before.dep_ == "case" or before.dep_ == "poss"  # "Canada's labour minister"
        joined = (  # "the 49-year-old Democrat": the words the hyphens join
            before.text == "-" and start > 1 and not before.whitespace_
            and not doc[start - 2].whitespace_ and not doc[start - 2].is_space
        )  # fmt: skip
        if joined:
            start -= 2
        elif (
            before.pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM")
            or possessive
            or (inner_of and doc[start - 2].is_title)
        ):
            start -= 1
        else:
            break
    end = head.i + 1
    if head.pos_ in ("NOUN", "NUM", "PRON") and head.lower_ not in _PRONOUNS:
        # "one of the diplomats", "a spokeswoman for the department": who it is, said whole.
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from"):
                last = max(t.i for t in child.subtree)
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:  # "for Water UK, which represents the industry,": the name
                    last = max(
                        [obj.i]
                        + [t.i for c in obj.lefts for t in c.subtree]
                        + [t.i for c in obj.rights if c.dep_ in ("compound", "prep")
                           and not any(x.is_punct for x in c.subtree) for t in c.subtree]
                    )  # fmt: skip
                if last - head.i <= 8 and not any(t.is_punct for t in doc[end : last + 1]):
                    end = last + 1
                break
    return doc[start:end]


def _in_dateline(doc: Doc, token: Token) -> bool:
    """Whether a token is in the dateline opening its paragraph ("SAN FRANCISCO —")."""
    start = _text(doc).rfind("\n", 0, token.idx) + 1
    found = _DATELINE.match(_text(doc), start)
    return found is not None and token.idx < found.end() and _dateline_place(found.group(0))


def _same_paragraph(doc: Doc, a: Token, b: Token) -> bool:
    """No paragraph break between two tokens (a headline without a full stop is parsed
    into the sentence below it)."""
    low, high = min(a.i, b.i), max(a.i, b.i)
    return not any("\n" in t.text for t in doc[low:high])


def _someone(token: Token) -> bool:
    """Whether a noun names a person or a body that can speak: a name, a role, a line of
    work or a family tie ("a federal judge", "its chief executive", "her daughter"), a noun
    of a trade ("an agency meteorologist", "a Republican strategist", "a physician"), or
    anyone a "who" clause describes."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP") or token.pos_ == "PROPN":
        return True
    if token.lower_ in _PRONOUNS and token.lower_ != "it":
        return True  # "she described the philosophy as “…”"
    lemma = token.lemma_.lower()
    if lemma in _ROLE_WORDS or lemma in _ORG_ROLES or lemma in _OCCUPATIONS or lemma in _FAMILY:
        return True
    if token.pos_ == "NOUN" and (lemma in _FEMININE or lemma in _MASCULINE):
        return True  # "the congresswoman", "the chairman"
    if len(lemma) >= 7 and lemma.endswith(("ist", "ian")):
        return True
    return any(
        c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in token.children
    )


def _trimmed(span: Span) -> Span:
    """A span without punctuation at its edges (". Nadine Ruiz" as the model may tag it), and
    a person's name without the title, role or time the model ran into it ("Actress Maya
    Hendricks", "First Selectman Ray Donnelly", "11 p.m. Doreen Pickett")."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_punct:
        start += 1
    if span.label_ == "PERSON" or all(t.pos_ == "PROPN" for t in span.doc[start:end]):
        start += _after_title([t.text for t in span.doc[start:end]])
        while end - start > 2 and _leading_title(span.doc[start]):
            start += 1
    if span.label_ == "PERSON" and end - start == 1:
        # "Board Chair Rebecca Stroud" tagged "Stroud": a common given name just before a
        # surname the model tagged alone is that person's.
        given = span.doc[start - 1] if start > 0 else None
        if (
            given is not None
            and given.is_title
            and not given.ent_type_
            and gender_of_given_name(f"{given.text} {span.doc[start].text}") is not None
        ):
            start -= 1
    while end > start + 1 and (
        span.doc[end - 1].is_punct or span.doc[end - 1].tag_ == "POS"
    ):  # "Garrett Halvorsen’s" as the model may tag it: the name without its possessive
        end -= 1
    return span.doc[start:end]


def _given_name_before(span: Span) -> bool:
    """Whether the word before a one-word name is its given name, left out by the model:
    a capitalised proper noun joined to it as a compound, untagged or tagged alone as a
    place or the like ("Anders Sommerfeldt", "Yolanda Trevino-Baptiste", "Yesenia Quiej"
    with "Yesenia" a GPE), not a title ("Gov.", "Ms.")."""
    doc = span.doc
    if span.start == 0 or any(t.whitespace_ for t in span[:-1]):
        return False
    given = doc[span.start - 1]
    mistaken = (
        given.ent_iob_ == "B"
        and given.ent_type_ in _SURNAME_MISTAKEN
        and (given.i + 1 == len(doc) or doc[given.i + 1].ent_iob_ != "I")
    )
    return (
        given.pos_ == "PROPN"
        and given.dep_ == "compound"
        and span.start <= given.head.i < span.end
        and given.is_title
        and (not given.ent_type_ or mistaken)
        and bool(given.whitespace_)
        and not _title_word(given.text)
        and given.lower_ not in _HONORIFICS
        and not given.text.endswith(".")
    )


def _whole_name(span: Span) -> Span:
    """A person's name the model cut short, with the surname it left out: "Gail" tagged
    alone in "Gail Brennerman ran ...", the given name parsed as part of the untagged proper
    noun after it."""
    doc, end = span.doc, span.end
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end - 1].whitespace_ == " "
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
    ):
        end += 1
    return doc[span.start : end] if end > span.end else span


def _clean_name(name: str | None) -> str | None:
    """A resolved name without the words the model ran into its start ("Actress Maya
    Hendricks", "11 p.m. Doreen Pickett"), when two capitalised words remain."""
    if not name:
        return name
    words = name.split()
    start = _after_title(words)
    while len(words) - start > 2 and (
        _title_word(words[start])
        or (words[start].lower() in _PARTY_NAMES and not _has_org_word(name))
    ):  # "Republican Ward Ostergaard", not "Republican National Committee"
        start += 1
    rest = words[start:]
    return " ".join(rest) if all(w[:1].isupper() for w in rest) else name


def _after_title(words: Sequence[str]) -> int:
    """Where a name starts after the office written into it, when two capitalised words
    follow the office: "Sable County Sheriff Wade Burkett", "Justice Department spokesman
    Raj Patel", "Hennepin County Attorney Mary Moriarty"."""
    for i in range(len(words) - 3, 0, -1):
        if _title_word(words[i]) and words[i].lower() not in ("at", "on", "the", "new", "first"):
            rest = words[i + 1 :]
            if all(w[:1].isupper() for w in rest) and not any(_title_word(w) for w in rest):
                return i + 1
    return 0


def _title_word(word: str) -> bool:
    lower = word.lower().strip(".,")
    return (
        lower in _TITLES
        or lower in _ROLE_WORDS
        or lower in _OCCUPATIONS
        or lower in ("a.m", "p.m", "first", "former", "new", "at", "on", "the")
        or lower.replace(":", "").isdigit()
    )


def _leading_title(token: Token) -> bool:
    return (
        _title_word(token.text)
        or token.like_num
        or token.pos_ in ("NUM", "ADP", "DET")
        or token.lower_ in _PARTY_NAMES  # "Republican Ward Ostergaard" as the model tags it
    )


_PARTY_NAMES = frozenset(
    "republican democrat democratic gop independent libertarian conservative labour tory".split()
)


# Roles a name is often written after ("Actress Maya Hendricks", "the Arsenal manager").
_OCCUPATIONS = frozenset(
    """actor actress singer rapper musician artist author writer novelist poet comedian host
    anchor presenter showrunner producer filmmaker chef organizer organiser volunteer
    resident owner founder ceo executive manager coach captain player striker midfielder
    defender goalkeeper quarterback pitcher star champion selectman alderman councilmember
    councilman councilwoman commissioner sheriff detective officer trooper prosecutor attorney
    lawyer judge doctor dr nurse surgeon teacher principal superintendent pastor reverend
    rabbi imam bishop father mother grandmother grandfather student parent farmer
    entrepreneur investor economist strategist pollster candidate nominee incumbent
    challenger activist campaigner protester witness victim neighbor neighbour""".split()
)


def _inside(char: int, quote: _Quote) -> bool:
    return quote.start <= char < quote.end


# --- resolving speakers --------------------------------------------------------------------

_ORG_ROLES = frozenset(
    """company firm group ministry department agency bank government council office court
    operator airline regulator authority commission administration service embassy union
    party organisation organization institute university newspaper channel police army
    military kremlin spokesman spokeswoman spokesperson statement campaign committee
    caucus""".split()
)
# Words of an outlet's name: the outlet that reports is not "the company" or "the group"
# that speaks ("told The Washington Post ... the association said").
_OUTLET_WORDS = frozenset(
    """news post times journal tribune herald gazette caller press network magazine radio
    television tv cnn msnbc nbc abc cbs npr pbs politico axios""".split()
)
# Wire agencies report the news; "the company said" never means them.
_NEWS_AGENCIES = frozenset(
    """reuters ap afp tass interfax ria bloomberg xinhua dpa efe ansa kyodo yonhap pti
    anadolu novosti""".split()
)
_COMPANY_WORDS = frozenset("company firm group bank airline operator carrier maker".split())
_GOVERNMENT_WORDS = frozenset(
    """administration department agency ministry commission council government court police
    office regulator authority parliament congress senate""".split()
)
_ORG_WORDS = frozenset(
    """inc corp corporation ltd llc plc co company group ministry department agency bank
    council office court authority commission university institute energy payments news
    times post service services fund party union association foundation holdings airlines
    motors systems technologies international aerospace airways pharmaceuticals pharma labs
    laboratories media capital partners ventures industries entertainment solutions networks
    logistics health foods brands telecom resources mining properties insurance financial
    studios enterprises trust bancorp markets project coalition alliance network club
    league federation committee board hospital school police constabulary""".split()
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    org: bool
    subject: bool  # the subject of some verb (or in apposition to one)
    cited: bool  # the subject of a speech or opinion verb, or "according to" it
    roles: frozenset[str]
    gender: str | None = None  # "m" or "f" when the text shows it (Mr., "his wife", "she")
    relative: bool = False  # introduced as someone's relative ("her husband, Daniel Chebet")
    main: bool = False  # the subject of a main clause, not of one reported ("said Whitlow had")
    generation: str | None = None  # "the younger Kessler": "young"; "the elder Kessler": "old"


# Words that say a person's gender, as titles, roles or family ties.
_FEMININE = frozenset(
    """mrs mrs. ms ms. miss madam dame lady she her hers herself woman women girl mother mum
    mom daughter sister wife grandmother granddaughter aunt niece widow girlfriend fiancee
    spokeswoman chairwoman congresswoman businesswoman councilwoman actress queen princess
    duchess countess baroness""".split()
)
_MASCULINE = frozenset(
    """mr mr. sir lord he him his himself man men boy father dad son brother husband
    grandfather grandson uncle nephew widower boyfriend fiance spokesman chairman congressman
    businessman councilman actor king prince duke count baron""".split()
)
_FAMILY = frozenset(
    """wife husband mother father mum mom dad son daughter brother sister grandmother
    grandfather granddaughter grandson aunt uncle niece nephew cousin widow widower
    girlfriend boyfriend fiance fiancee partner spouse""".split()
)
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame".split())
# A dateline opens a wire story's first paragraph: "UNITED NATIONS (AP) —", "LYON, France —".
_DATELINE = re.compile(
    r"[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,20})?(?:,\s*[A-Z][a-z]{2,9}\.?\s*\d{1,2})?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s"
)


# What the small model tags a bare surname as, besides PERSON and ORG.
_SURNAME_MISTAKEN = frozenset(("GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"))


def _people(doc: Doc, quotes: Sequence[_Quote]) -> list[_Mention]:
    """People and organisations named outside quotations, in order.

    spaCy's small model misses or mislabels names ("Paul Hendricks" as ORG, a bare surname as
    nothing), so a proper-noun subject of a verb counts too, and an ORG that reads like a
    personal name counts as a person. Datelines ("UNITED NATIONS (AP) —") name places.
    """
    spans = [(q.start, q.end) for q in quotes if q.kind not in ("fragment", "title")]
    inside = _within([*spans, *_datelines(_text(doc))])
    found: dict[int, _Mention] = {}
    taken: set[int] = set()  # the tokens of the names found, so no part is a name again

    def add(span: Span, org: bool) -> None:
        span = _trimmed(span)
        if _given_name_before(span):
            span = doc[span.start - 1 : span.end]
        if inside(span.start_char) or span.start_char in found or span.start in taken:
            return
        taken.update(range(span.start, span.end))
        head = span.root
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in ("from", "in", "at", "near", "outside")
            and gender_of_given_name(span.text) is None
        ):
            return  # "Brenda Holt, 74, from Doncaster": a place, whatever the model tagged
            # (but "came from Angela Moreno, a nurse": a given name makes a person)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return  # "Prentiss, a former Army Ranger,": what someone is, not who
        verb = head.head
        subject = head.dep_ in ("nsubj", "nsubjpass")
        named = [t for t in span if t.dep_ in ("nsubj", "nsubjpass")]
        if not subject and named:
            subject, verb = True, named[0].head
        if head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"):
            subject, verb = True, head.head.head  # "Her rival, Senator Paul Dimitriou, was ..."
        elif head.dep_ == "appos" and head.head.dep_ == "ROOT" and head.head.pos_ == "NOUN":
            # "Hollister’s challenger, Rachel Tso, seized on ...", parsed with the noun as
            # the root and the verb hanging from it: the sentence is about them.
            acting = [c for c in head.head.children if c.dep_ in ("acl", "relcl") and c.i > head.i]
            if acting:
                subject, verb = True, head.head
        root = span.sent.root
        if (
            not subject
            and head.dep_ == "appos"
            and root.pos_ in ("VERB", "AUX")
            and root.i > head.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
        ):
            # "At a polling place in Edmond, Frank Hollis, 71, said ...", parsed with the
            # name in apposition to the place and the verb left without a subject: theirs.
            subject, verb = True, root
        for clause in head.children:  # "Teresa Huang, who told the Journal ..."
            if clause.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children
            ):
                subject, verb = True, clause
        cited = subject and verb.lemma_.lower() in _CITING
        cited = cited or [t.lower_ for t in doc[max(0, span.start - 2) : span.start]] == [
            "according",
            "to",
        ]
        roles = set()
        for t in reversed(doc[max(0, span.start - 3) : span.start]):
            if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break  # "according to the expert, Trump": a comma ends the title before a name
            roles.add(_TITLE_ROLES.get(t.lemma_.lower(), t.lemma_.lower()))
        after = doc[span.end : span.end + 5]
        if len(after) and after[0].text == ",":
            for t in after[1:]:
                if t.pos_ in ("CCONJ", "PUNCT"):
                    break  # "His wife, Yvette Gaudet, and their son": not her role
                if t.pos_ in ("NOUN", "ADJ"):
                    roles.add(t.lemma_.lower())
        if len(after) and after[0].lower_ in ("herself", "himself"):
            roles.add(after[0].lower_)  # "Whitlock herself has sought to ...": a woman
        if head.dep_ == "appos" and head.head.lower_ in _FAMILY and head.head.i < head.i:
            roles.add(head.head.lower_)  # "His mother, Loretta Delancey,": the mother
        near = {t.lower_ for t in doc[max(0, span.start - 5) : span.start]}
        if head.dep_ == "appos":
            near.add(head.head.lower_)
        relative = bool(near & _FAMILY) and not org
        main = subject and verb.dep_ in ("ROOT", "conj", "relcl") and verb.head.dep_ != "ccomp"
        generation = next(
            (_GENERATIONS[t.lower_] for t in doc[max(0, span.start - 2) : span.start]
             if t.lower_ in _GENERATIONS),
            None,
        )  # fmt: skip
        found[span.start_char] = _Mention(
            span.start_char,
            span.end_char,
            span.text,
            org,
            subject,
            cited,
            frozenset(roles),
            None if org else _gender_near(doc, span),
            relative,
            main,
            generation,
        )

    for ent in _ents(doc):
        if ent.label_ == "PERSON":
            ent = _whole_name(ent)
            add(ent, org=_has_org_word(ent.text))
        elif ent.label_ == "ORG":
            add(ent, org=not _reads_like_person(ent.text))
    for i in _tokens_where(doc, dep=("nsubj", "nsubjpass", "poss"), pos=("PROPN",), ent_type=("",)):
        token = doc[i]
        if (
            token.dep_ in ("nsubj", "nsubjpass", "poss")
            and token.pos_ == "PROPN"
            and not token.ent_type_
        ):
            left = token.i
            while left > 0 and doc[left - 1].pos_ == "PROPN" and not doc[left - 1].ent_type_:
                left -= 1
            chunk = doc[left : token.i + 1]
            if token.dep_ == "poss" and gender_of_given_name(chunk.text) is None:
                continue  # "Eleanor Whitlock's campaign", not "Loomwork's board"
            add(chunk, org=_has_org_word(chunk.text))  # "Norwind Energy will cut ..."
    # A one-word "organisation", "place" or "work" that is the surname of someone named
    # ("Bell said", "Dubois said" after "Marcus Bell", "Claire Dubois") is that person: the
    # small model tags bare surnames ORG or GPE, and WORK_OF_ART next to quotation marks.
    surnames = {m.name.split()[-1] for m in found.values() if not m.org and len(m.name.split()) > 1}
    for ent in _ents(doc):
        if ent.label_ in _SURNAME_MISTAKEN and ent.text in surnames:
            add(ent, org=False)
    for key, m in found.items():
        if m.org and len(m.name.split()) == 1 and m.name in surnames:
            found[key] = replace(m, org=False)
    # A given name and a surname that the article uses alone for someone ("Ms. Park said",
    # "Park told reporters") name that person, whatever the model tagged: "the novelist
    # Elena Park" read as a place (FAC), "Priya Raman" as an organisation.
    alone = {m.name for m in found.values() if not m.org and len(m.name.split()) == 1
             and (m.cited or m.roles & _HONORIFICS)}  # fmt: skip
    for ent in _ents(doc):
        words = ent.text.split()
        if (
            ent.label_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
            and 2 <= len(words) <= 3
            and words[-1] in alone
            and all(w[:1].isupper() for w in words)
            and gender_of_given_name(ent.text) is not None
        ):
            known = found.get(ent.start_char)
            if known is None:
                add(ent, org=False)
            elif known.org:
                found[ent.start_char] = replace(known, org=False)
    # "Sable County Sheriff Wade Burkett" tagged as a work or a place: an office written
    # before a given name and a surname names a person, whatever the label.
    for ent in _ents(doc):
        words = ent.text.split()
        start = _after_title(words) if ent.label_ != "PERSON" else 0
        if start and 2 <= len(words) - start <= 3:
            name = " ".join(words[start:])
            speaks = ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in SPEECH_VERBS
            if gender_of_given_name(name) is not None or speaks:
                add(ent[start:], org=False)
    # A surname alone that the model tagged as nothing ("Reinholt, a former airline
    # executive who took over the agency, pushed back"): the person of that surname.
    bare = _tokens_where(
        doc, orth=sorted(surnames), pos=("PROPN", "ADV", "ADJ", "NOUN"), ent_type=("",)
    )
    for token in (doc[i] for i in bare):
        if (
            (token.pos_ == "PROPN" or (token.is_title and token.pos_ in ("ADV", "ADJ", "NOUN")))
            and not token.ent_type_
            and token.text in surnames
            and token.idx not in found
            and (token.i == 0 or doc[token.i - 1].pos_ != "PROPN")
            and (token.i + 1 == len(doc) or doc[token.i + 1].pos_ != "PROPN")
        ):
            add(doc[token.i : token.i + 1], org=False)
    # "Rosa and Eduardo Villalobos": a given name joined to a full name shares its surname.
    for token in (doc[i] for i in _tokens_where(doc, lower=("and",))):
        if token.lower_ != "and" or token.i < 1 or token.i + 2 >= len(doc):
            continue
        given, full = doc[token.i - 1], found.get(doc[token.i + 1].idx)
        if (
            full is None
            or full.org
            or len(full.name.split()) != 2
            or given.pos_ != "PROPN"
            or not given.text.istitle()
            or (given.i > 0 and doc[given.i - 1].pos_ == "PROPN")
        ):
            continue
        name = f"{given.text} {full.name.split()[-1]}"
        if gender_of_given_name(name) is None:
            continue  # "Smith and John Jones" is not a Jones
        named = replace(
            found.get(given.idx) or full,
            start=given.idx,
            end=given.idx + len(given.text),
            name=name,
            org=False,
            gender=gender_of_given_name(name),
        )
        found[given.idx] = named
    _relatives_by_given_name(doc, found, inside)
    people = _People([found[k] for k in sorted(found)])
    people.text = _text(doc)
    return people


def _relatives_by_given_name(
    doc: Doc, found: dict[int, _Mention], inside: Callable[[int], bool]
) -> None:
    """ "Dane's wife, Meredith, ...", "his son, Tyler,": a relative named by a given name
    alone shares the surname of the person they are the relative of (the possessor, or the
    person last named before "his" or "her")."""
    for token in (doc[i] for i in _tokens_where(doc, dep=("appos",))):
        if token.dep_ != "appos":
            continue
        family = token.head
        if (
            family.lower_ not in _FAMILY
            or (token.idx in found and found[token.idx].name != token.text)
            or inside(token.idx)
            or not token.is_title
            or token.pos_ != "PROPN"
            or any(c.dep_ in ("compound", "flat") for c in token.children)
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].pos_ == "PROPN"
        ):
            continue
        owner = next((c for c in family.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        if owner.lower_ in ("his", "her"):
            # whose: the person named last before it in its own sentence, if any
            sentence = owner.sent.start_char
            before = [m for m in found.values()
                      if sentence <= m.start < owner.idx and not m.org]  # fmt: skip
            surname = max(before, key=lambda m: m.start).name.split()[-1] if before else None
        else:
            surname = owner.text if owner.pos_ == "PROPN" else None
        if surname is None or surname == token.text:
            continue
        gender = "f" if family.lower_ in _FEMININE else "m" if family.lower_ in _MASCULINE else None
        found[token.idx] = _Mention(
            token.idx,
            token.idx + len(token.text),
            f"{token.text} {surname}",
            False,
            False,
            False,
            frozenset({family.lower_}),
            gender or gender_of_given_name(f"{token.text} {surname}"),
            True,
        )


@dataclass(frozen=True)
class _Unnamed:
    start: int
    head: str  # the lemma of its noun: "aide", "official" (of "one of the officials")
    text: str  # as written: "A senior Democratic aide", "One of the officials"
    indefinite: bool  # "a ...", "one of ..."; not "His father"


def _unnamed(doc: Doc, quotes: Sequence[_Quote]) -> list[_Unnamed]:
    """People brought in without a name, as the subject of a sentence, outside quotations:
    "A senior Democratic aide, who spoke on condition of anonymity, said", "One of the
    officials said", "His father, reached by The Post, said"."""
    inside = _within([(q.start, q.end) for q in quotes])
    found = []
    for token in (doc[i] for i in _tokens_where(doc, dep=("nsubj", "nsubjpass"))):
        if token.dep_ not in ("nsubj", "nsubjpass") or inside(token.idx):
            continue
        noun, indefinite = token, None
        if token.lower_ in _INDEFINITE and token.pos_ in ("NUM", "PRON", "DET", "ADJ"):
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            objects = [] if of is None else [c for c in of.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                noun, indefinite = objects[0], True  # "one of the officials"
        if noun is token:
            if token.pos_ != "NOUN":
                continue
            for child in token.children:
                if child.dep_ in ("det", "nummod") and child.lower_ in _INDEFINITE:
                    indefinite = True
                elif child.dep_ == "poss" and child.lower_ in ("his", "her", "their", "its"):
                    indefinite = False
        if indefinite is None or not _someone(noun) or noun.pos_ == "PROPN":
            continue
        phrase = _noun_phrase(doc, token)
        found.append(_Unnamed(token.idx, noun.lemma_.lower(), phrase.text, indefinite))
    return found


def _singular(word: str) -> str:
    """A noun without a plural's "s" ("officials", "campaigners"; not "boss" or "bus")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _nearest_unnamed(unnamed: Sequence[_Unnamed], head: str, before: int) -> _Unnamed | None:
    single = _singular(head)
    return next(
        (u for u in reversed(unnamed) if u.start < before and u.head in (head, single)), None
    )


def _within(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in one of `spans` (a binary search: asked for every token)."""
    ordered = sorted(spans)
    starts = [s for s, _e in ordered]
    reach = list(accumulate((e for _s, e in ordered), max))  # the furthest end so far

    def inside(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < reach[i]

    return inside


def _datelines(text: str) -> list[tuple[int, int]]:
    """Where the datelines are: at the start of a paragraph, in capitals up to the dash."""
    found = []
    for para in paragraphs(text):
        match = _DATELINE.match(text, para.start, para.end)
        if match is not None and _dateline_place(match.group(0)):
            found.append((para.start, match.end()))
    return found


def _dateline_place(dateline: str) -> bool:
    place = re.split(r"[,(—–-]", dateline, maxsplit=1)[0].strip()
    return place.isupper() or place.istitle()


def _gender_near(doc: Doc, span: Span) -> str | None:
    """A person's gender where the text shows it at the mention: a title or role word before
    it ("Mrs Holt", "spokeswoman Kiara Benn", "her husband, Daniel Chebet" says nothing of
    him: family words count only as his or her own role), or the pronoun that follows it as
    the next subject in its sentence ("Kipp said she planned")."""
    words = [w.lower().strip(",") for w in span.text.split()]
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    cues = {*words[:1], *before}
    head = span.root
    if head.dep_ == "appos":
        cues.add(head.head.lower_)  # "the spokeswoman, Kiara Benn"
    for token in head.children:
        if token.dep_ == "appos":
            cues.add(token.lower_)  # "Daniel Chebet, her husband"
    cues -= {"her", "his", "she", "he", "him"}  # a possessive before a name is someone else's
    if cues & _FEMININE:
        return "f"
    if cues & _MASCULINE:
        return "m"
    given = gender_of_given_name(span.text)
    if given is not None or span.root.dep_ not in ("nsubj", "nsubjpass", "appos", "ROOT"):
        # A common given name says more than a pronoun after it: "Colleen Marrs, who has
        # worked for him since his first campaign"; "who divorced Rick Hale ... her daughter".
        return given
    sentence = span.sent
    for token in doc[span.end : sentence.end]:
        if token.lower_ in ("she", "her") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return "f"  # "Kipp said she planned", "Angela Whitford read a letter from her son"
        if token.lower_ in ("he", "his") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return "m"
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            break  # someone else is named before any pronoun
    return gender_of_given_name(span.text)


def _has_org_word(name: str) -> bool:
    words = [w.lower().strip(".,") for w in name.split()]
    return bool(set(words) & _ORG_WORDS) or (len(words) > 1 and words[-1] in _ORG_LAST_WORDS)


# Words that end an organisation's name ("the White House", "The Associated Press", "the
# Whitfield campaign") but open a title before a person's ("House Speaker Walter Greaves").
_ORG_LAST_WORDS = frozenset(
    "house press campaign caucus senate congress administration government pac".split()
)


def _reads_like_person(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not _has_org_word(name)
    )


# Roles a text may name one person by in turn ("chief researcher Vasiliev ... the expert").
_ROLE_FAMILIES = (
    frozenset(
        """expert analyst researcher economist scientist professor specialist scholar
        strategist historian""".split()
    ),
    frozenset(
        """official spokesman spokeswoman spokesperson minister secretary aide adviser
        advisor diplomat envoy ambassador""".split()
    ),
    frozenset("lawmaker senator representative congressman congresswoman politician".split()),
    frozenset("executive director chairman chairwoman chief founder head boss".split()),
)
_INDEFINITE = frozenset("a an one another two three some several many other".split())
# Titles written short, as the role a description names ("Gov. Hollis Dane" ... "the governor").
_TITLE_ROLES = {"gov.": "governor", "gov": "governor", "sen.": "senator", "sen": "senator",
                "rep.": "representative", "rep": "representative", "gen.": "general",
                "supt.": "superintendent", "insp.": "inspector", "sgt.": "sergeant",
                "det.": "detective", "prof.": "professor", "dr.": "doctor"}  # fmt: skip
# Words news uses for a well-known person in a second reference, beside the name only at
# the first ("Preston Vail, the billionaire front-runner" ... "the billionaire said").
_EPITHETS = frozenset(
    """billionaire millionaire mogul tycoon magnate heir heiress celebrity entertainer
    businessman businesswoman front-runner frontrunner hopeful contender outsider newcomer
    populist firebrand maverick insurgent dealmaker superstar icon legend""".split()
)
_EPITHET_REACH = 6  # the people named last before such a reference, to choose among
# "the Ohio Republican said": a person described by party, as a second reference.
_PARTY_OF = {"democratic": "democrat", "republicans": "republican", "democrats": "democrat"}
_PARTY_WORDS = frozenset(
    "republican democrat independent conservative tory liberal progressive socialist".split()
)


def _resolve(
    quote: _Quote,
    people: Sequence[_Mention],
    spoken: Sequence[str] = (),
    unnamed: Sequence[_Unnamed] = (),
    settled: _Readings | None = None,
    quoted: str = "",
    paragraph: int | None = None,
    previous: int | None = None,
    quoting: str | None = None,
) -> str | None:
    """The full name for a speaker as written: itself when it is a name (lengthened to the
    fullest form the article gives that person, "Titov" -> "Boris Titov"), else the person or
    organisation it refers to: "he" and "she" the nearest person of that gender who was a
    subject, "the expert" the nearest person cited as a source or introduced with that role,
    "it" and "the company" the nearest organisation. An indefinite description ("a senior
    official", "one of the diplomats") introduces someone unnamed: it stays as written.
    `spoken`: the speakers of the quotations before, most recent last. `unnamed`: the
    people introduced without a name ("A senior Democratic aide said ..."), whom "the aide"
    means until someone of that role is named. `settled` and `quoted`: see `_fullest`.
    `quoting`: who speaks the quotation this one is inside, whom its "he" or "she" is not
    ("“She called me and said, ‘…’,” Burkett said": his mother, not Burkett)."""
    written = quote.speaker_text or ""

    def fullest(name: str, mention: _Mention | None = None, gender: str | None = None) -> str:
        return _fullest(
            name,
            people,
            spoken,
            quote.start,
            gender or (None if mention is None else _titled(mention)),
            None if mention is None else mention.generation,
            settled,
            quoted,
            paragraph,
            previous,
        )

    words = written.split()
    if not words:
        return None
    if isinstance(people, _People):  # in order: those starting before it, but for the last
        cut = bisect_left(people.starts, quote.start)
        before = [*people[: max(cut - 1, 0)], *(p for p in people[max(cut - 1, 0) : cut]
                                                 if p.end <= quote.start)]  # fmt: skip
    else:
        before = [p for p in people if p.end <= quote.start]
    tail = next((i for i, w in enumerate(words) if i and w in ("of", "for", "at", "from")), None)
    if tail is not None and words[tail - 1].islower():
        # "one of the diplomats": someone unnamed, as written; "a spokeswoman for the
        # Department of Social Services": the organisation speaks.
        owner = " ".join(words[tail + 1 :])
        spokes = words[tail - 1].lower() in ("spokesman", "spokeswoman", "spokesperson")
        if spokes and any(w[:1].isupper() for w in words[tail + 1 :]):
            quote.how = "resolved"
            return owner
        if words[0].lower() in _INDEFINITE or words[tail - 1].lower() in _INDEFINITE:
            return written
        words = words[:tail]
    head = words[-1].lower()
    # (a proper noun among them, "the former Navy pilot", need not be among a person's roles)
    modifiers = {w for w in words[:-1] if w.islower() and w not in ("the", "a", "an", "our")}
    if head in _PRONOUNS and len(words) == 1:
        gender = {"he": "m", "she": "f"}.get(head)
        known = _genders(people)

        def reading(p: _Mention) -> str:
            meant = settled.by_start.get(p.start) if settled is not None else None
            return meant or _key(p.name, people)

        def fits(p: _Mention) -> bool:
            if p.org or (quoting is not None and reading(p) == quoting):
                return False
            if gender is None or _titled(p) == gender:
                return True
            if _titled(p) is not None:
                return False  # "Mrs. Whitlock" is no "he", whoever else is a Whitlock
            # A surname two people share fits when one of them does ("Mr. Rivera").
            return any(known.get(f) in (None, gender) for f in _forms(_candidates(p.name, people)))

        # The last person a main clause is about ("Judge Philippa Marsh said Whitlow had
        # shown ... She added:" is the judge), else the last subject, else the last named;
        # someone of the quotation's own paragraph first, when it names anyone.
        here = 0 if paragraph is None else bisect_left(before, paragraph, key=lambda p: p.start)
        last = here if previous is None else bisect_left(before, previous, key=lambda p: p.start)
        chosen = None
        # its own paragraph, the one before ("Mr. Pruitt, 74, has built his campaign on ...
        # On Tuesday, he made no effort to soften it.\n\n“…,” he said"), then all before
        for group, anyone in ((before[here:], True), (before[last:], False), (before, True)):
            chosen = (
                _nearest(group, lambda p: fits(p) and p.main)
                or _nearest(group, lambda p: fits(p) and p.subject)
                or (_nearest(group, fits) if anyone else _only(group, fits, people))
            )
            if chosen is not None:
                break
        if head != "it":
            if chosen is None:
                return None  # nobody named before it: "he" is no one we know
            quote.how = "resolved"
            read = settled.by_start.get(chosen.start) if settled is not None else None
            if read is not None and known.get(read) in (None, gender):
                return read  # "Ragsdale" was read as the sheriff, so "he" is the sheriff
            return fullest(chosen.name, chosen, gender)
    starting = _starting(people, quote.speaker_span[0]) if quote.speaker_span else []
    mention = starting[0] if starting else None
    if mention is not None:
        return fullest(written, mention)
    if words[0].lower() in _INDEFINITE and len(words) > 1 and head not in _ORG_ROLES:
        # "one Western official", "a senior defense official": someone unnamed, as written;
        # but a lead's "a federal judge called it “…”" is named soon after in that line of
        # work ("U.S. District Judge Harriet Oyelaran said"), as a news lead introduces them.
        later = _named_later(quote, people, head)
        if later is not None and head not in _SOURCE_WORDS:
            quote.how = "resolved"
            return fullest(later.name, later)
        return written
    if head == "campaign" and len(words) == 2 and words[0].lower() in ("his", "her"):
        # "His campaign said": the campaign of the one "he" stands for, named as news
        # names it ("the Brightwater campaign")
        pronoun = copy(quote)
        pronoun.speaker_text = "he" if words[0].lower() == "his" else "she"
        whose = _resolve(pronoun, people, spoken, unnamed, settled, "", paragraph, previous)
        if whose is not None and whose.lower() not in _PRONOUNS:
            quote.how = "resolved"
            return f"the {_core(whose)[-1]} campaign"
    if head in _ORG_ROLES or head == "it":
        named = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
        if head in ("spokesman", "spokeswoman", "spokesperson"):
            if named:  # "A Department for Communities spokesperson"
                first = next(i for i, w in enumerate(words) if w in named)
                quote.how = "resolved"
                return " ".join(words[first:-1])
            earlier = _nearest_unnamed(unnamed, head, quote.start)
            introduced = _nearest(before, lambda p: not p.org and head in p.roles)
            if (
                words[0].lower() == "the"
                and earlier is not None
                and earlier.indefinite
                and (introduced is None or introduced.start < earlier.start)
            ):  # "A spokesperson for the district attorney said ... the spokesperson said"
                quote.how = "resolved"
                return earlier.text
            if introduced is not None:  # "union spokesperson Sam Okafor" earlier
                quote.how = "resolved"
                return fullest(introduced.name)
        if any(w.endswith(("'s", "’s")) for w in words[:-1]):
            return written  # "The governor's office said": that office, as written
        orgs = [
            p for p in before
            if p.org and p.name.split()[-1].lower() not in _NEWS_AGENCIES
            and (head in _OUTLET_WORDS or not _OUTLET_WORDS & set(p.name.lower().split()))
        ]  # fmt: skip
        if named and head not in ("spokesman", "spokeswoman", "spokesperson"):
            # "The Hawthorne campaign said": that campaign, or an organisation named so
            orgs = [p for p in orgs if set(named) & set(p.name.split())]
            if not orgs:
                return written
        # "the ministry" is the Ministry of Finance; "the company" is no government body.
        named_so = [p for p in orgs if head in p.name.lower().split()]
        if named_so:
            orgs = named_so
        elif head in _COMPANY_WORDS:
            orgs = [p for p in orgs if not _GOVERNMENT_WORDS & set(p.name.lower().split())]
        org = (
            _nearest(orgs, lambda p: p.cited) or _nearest(orgs, lambda p: p.subject) or _last(orgs)
        )  # "West Midlands Police said ... A spokesman said:": the one that spoke
        if org is not None:
            quote.how = "resolved"
            return org.name
        return None if head == "it" else written
    # "the 34-year-old", "the 78-year-old retired welder": an age makes a second reference
    aged = any(w.lower().endswith("year-old") for w in words) or (
        head == "old" and "year" in written.lower()
    )
    second = words[0].lower() == "the" or words[0].lower().endswith("year-old")
    if second and (aged or head in _PARTY_WORDS):
        # "the 34-year-old told the Mail", "the Ohio Republican said": a second reference to
        # the person being written about: the last one of the paragraph, else before; of a
        # party, the last one introduced with it ("Democratic Attorney General Kara
        # Hawthorne" ... "the 49-year-old Democrat said").
        party = {_PARTY_OF.get(w.lower(), w.lower()) for w in words} & _PARTY_WORDS
        about = None
        if party:
            about = _nearest(
                before,
                lambda p: not p.org and bool({_PARTY_OF.get(r, r) for r in p.roles} & party),
            )
        elif not head.endswith(("year-old", "old")):  # "the 51-year-old chef": the chef
            about = _nearest(before, lambda p: not p.org and head in p.roles)
        about = about or _written_about(before, paragraph)
        if about is not None:
            quote.how = "resolved"
            return fullest(about.name, about)
        return written
    if words[0].lower() == "the" and head in _EPITHETS and len(words) <= 5:
        # "the billionaire said", "the real estate mogul said": a second reference to the
        # person in the news, not named beside it. Of the last people named before it, the
        # one the article has named most so far.
        introduced = _nearest(before, lambda p: not p.org and head in p.roles)
        if introduced is not None:  # "Preston Vail, the billionaire front-runner,"
            quote.how = "resolved"
            return fullest(introduced.name, introduced)
        recent = [p for p in before if not p.org][-_EPITHET_REACH:]
        if recent:
            counts = Counter(_key(p.name, people) for p in before if not p.org)
            best = max(recent, key=lambda p: (counts[_key(p.name, people)], p.start))
            quote.how = "resolved"
            return fullest(best.name, best)
        return written
    if words[-1][:1].isupper() and head not in _ROLE_WORDS:
        return fullest(written)
    persons = [p for p in before if not p.org]
    said_gender = "f" if head in _FEMININE else "m" if head in _MASCULINE else None
    if said_gender is not None:  # "the congresswoman" is no man
        known = _genders(people)
        persons = [p for p in persons
                   if known.get(_key(p.name, people)) in (None, said_gender)]  # fmt: skip

    family = next((f for f in _ROLE_FAMILIES if head in f), frozenset({head}))

    def has_role(p: _Mention) -> bool:
        return head in p.roles and modifiers <= p.roles | {head}

    if words[0].lower() == "the" and len(words) <= 3:
        # "“…,” the aide said" after "A senior Democratic aide, who spoke on condition of
        # anonymity, said": the one introduced so, unless someone of that role was named
        # since ("the father" after "His father, reached by The Post," stays as written).
        earlier = _nearest_unnamed(unnamed, head, quote.start)
        if earlier is not None:
            introduced = _nearest(persons, lambda p: bool(p.roles & family) or has_role(p))
            if introduced is None or introduced.start < earlier.start:
                quote.how = "resolved"
                return earlier.text if earlier.indefinite else written
    gendered_role = said_gender is not None and head not in _FAMILY and head not in _HONORIFICS
    if head in _ROLE_WORDS or head in _OCCUPATIONS or gendered_role:
        # "the expert": the last person introduced in that line of work ("chief researcher
        # Vladimir Vasiliev"), else the last cited as a source, else the one named next ("The
        # chief executive of Halcot has warned ... Simon Ashworth, who has run it since 2019,
        # said"), as a news lead introduces them.
        chosen = _nearest(persons, lambda p: bool(p.roles & family) or has_role(p))
        chosen = chosen or _nearest(persons, lambda p: p.cited)
        if chosen is None and words[0].lower() in ("the", "its", "his", "her", "their"):
            chosen = _named_next(quote, people)
    else:
        chosen = _nearest(persons, has_role)
    if chosen is None:
        return written  # "campaigners", "the terminal operators": a group, as written
    quote.how = "resolved"
    return fullest(chosen.name, chosen, said_gender)


def _only(
    mentions: Sequence[_Mention], wanted: Callable[[_Mention], bool], people: Sequence[_Mention]
) -> _Mention | None:
    """The last of `mentions` that is `wanted`, when they all name one person ("When I asked
    Reid Pendergrass what he would say, he did not answer right away.\n\n“…,” he said")."""
    found = [m for m in mentions if wanted(m)]
    if not found or len({_key(m.name, people) for m in found}) != 1:
        return None
    text = people.text if isinstance(people, _People) else ""
    end = text.find("\n", found[-1].end)
    after = text[found[-1].end : end if end >= 0 else len(text)]
    # and a "he" or "she" after the name in its paragraph takes it up as the subject
    return found[-1] if _SUBJECT_PRONOUN.search(after) else None


_SUBJECT_PRONOUN = re.compile(r"(?:^|[,;.]\s+|\b(?:and|but|then)\s+)(?:he|she)\b")


def _written_about(before: Sequence[_Mention], paragraph: int | None) -> _Mention | None:
    """The person the text is about at a second reference: the last one of its paragraph a
    main clause is about, else the last subject, else the last named; else the same before
    the paragraph."""
    here = 0 if paragraph is None else bisect_left(before, paragraph, key=lambda p: p.start)
    for group in (before[here:], before):
        persons = [p for p in group if not p.org]
        chosen = (
            _nearest(persons, lambda p: p.main)
            or _nearest(persons, lambda p: p.subject)
            or _last(persons)
        )
        if chosen is not None:
            return chosen
    return None


def _titled(mention: _Mention) -> str | None:
    """The gender a mention's own title says ("Mr. Halverson"), if any."""
    titles = mention.roles & (_HONORIFICS | {"herself", "himself"})
    if titles & _FEMININE:
        return "f"
    return "m" if titles & _MASCULINE else None


def _paragraph_subject(
    quote: _Quote, people: Sequence[_Mention], paras: Sequence[Paragraph], opens: bool = False
) -> _Mention | None:
    """The last person named as a subject in a quotation's paragraph before it; for one that
    opens its paragraph, after a paragraph without a quotation of its own, the person that
    paragraph is about ("In his remarks, Holloway also took aim at the vice president,
    who ...\n\n“For three and a half years, …”")."""
    start = paras[quote.paragraph].start
    first = bisect_left(people, start, key=lambda p: p.start)
    last = bisect_left(people, quote.start, key=lambda p: p.start)
    here = _nearest([p for p in people[first:last] if p.end <= quote.start], lambda p: p.subject)
    if here is not None or not opens or quote.paragraph == 0:
        return here
    if quote.start > start:
        return None  # words before the quotation in its paragraph introduce it
    before = paras[quote.paragraph - 1].start
    # the first person a main clause there is about ("Holloway also took aim at Nadia
    # Whitcombe, who has defended ..." is about Holloway, not the woman of the "who" clause)
    first = bisect_left(people, before, key=lambda p: p.start)
    last = bisect_left(people, start, key=lambda p: p.start)
    return next((p for p in people[first:last] if p.main and not p.org), None)


def _named_next(quote: _Quote, people: Sequence[_Mention]) -> _Mention | None:
    """The first person named as a subject soon after a quotation (within about a paragraph)."""
    return next(
        (p for p in people if quote.end <= p.start < quote.end + 600 and p.subject and not p.org),
        None,
    )


# Who speaks unnamed on purpose: never the person named next.
_SOURCE_WORDS = frozenset(
    "official source aide adviser advisor diplomat person insider spokesperson".split()
)


def _named_later(quote: _Quote, people: Sequence[_Mention], head: str) -> _Mention | None:
    """The first person named within about two paragraphs after a quotation with `head`
    among the words before their name ("Judge" for "a federal judge")."""
    single = _singular(head)
    return next(
        (
            p
            for p in people
            if quote.end <= p.start < quote.end + 1200
            and not p.org
            and (head in p.roles or single in p.roles)
        ),
        None,
    )


def _nearest(mentions: Sequence[_Mention], wanted: Callable[[_Mention], bool]) -> _Mention | None:
    return next((m for m in reversed(mentions) if wanted(m)), None)


def _last(mentions: Sequence[_Mention]) -> _Mention | None:
    return mentions[-1] if mentions else None


@lru_cache(maxsize=8192)
def _core(name: str) -> tuple[str, ...]:
    """A name's words without a leading title: "Mrs. Villalobos" -> ("Villalobos",)."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _HONORIFICS or words[0].lower() in _TITLES):
        words = words[1:]
    return tuple(words)


class _People(list[_Mention]):
    """The people of an article in order, with the persons indexed by the last word of
    their name: `_candidates` is asked for every name at every quotation, and a scan of all
    mentions each time made a 30,000-word article take minutes."""

    def __init__(self, mentions: Sequence[_Mention]) -> None:
        super().__init__(mentions)
        self.by_last: dict[str, list[_Mention]] = {}
        self.genders: dict[str, str] | None = None  # `_genders`, once counted
        self.keys: dict[str, str] = {}  # `_key` of each name asked
        self.starts = [p.start for p in mentions]
        self.text = ""  # the article's text, where a rule reads around a mention
        for p in mentions:
            core = _core(p.name)
            if not p.org and core:
                self.by_last.setdefault(core[-1], []).append(p)


_TITLES = frozenset(
    """president vice senator sen. sen rep. rep representative governor gov. gov mayor judge
    justice secretary minister chancellor premier prime ambassador general gen. col. lt.
    assemblyman assemblywoman assemblymember congressman congresswoman delegate
    sgt. capt. cllr councillor commissioner chief deputy coach dr dr. prof. professor""".split()
)


def _candidates(name: str, people: Sequence[_Mention]) -> list[_Mention]:
    """The people whose name ends with `name`'s own words ("Titov": Boris Titov)."""
    core = _core(name)
    if not core:
        return []
    pool = people.by_last.get(core[-1], []) if isinstance(people, _People) else people
    return [
        p for p in pool
        if not p.org and _core(p.name)[-len(core):] == core
    ]  # fmt: skip


def _key(name: str, people: Sequence[_Mention]) -> str:
    """Who a name written in the article stands for: its fullest form, without ranking."""
    kept = people.keys if isinstance(people, _People) else {}
    found = kept.get(name)
    if found is None:
        found = kept[name] = max([*(p.name for p in _candidates(name, people)), name], key=len)
    return found


def _genders(people: Sequence[_Mention]) -> dict[str, str]:
    """Each person's gender (by their fullest name) where a mention of them shows it and no
    other contradicts it. A bare surname two people share ("Mr. Halverson", husband of Judy
    Halverson) says nothing of either."""
    if isinstance(people, _People) and people.genders is not None:
        return people.genders
    seen: dict[str, set[str]] = {}
    for p in people:
        if p.org or p.gender is None or len(_forms(_candidates(p.name, people))) > 1:
            continue
        seen.setdefault(_key(p.name, people), set()).add(p.gender)
    found = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    if isinstance(people, _People):
        people.genders = found
    return found


def _forms(found: Sequence[_Mention]) -> dict[str, list[_Mention]]:
    """The distinct people among mentions that share a name: each fullest form (a name no
    other one ends with) with the mentions that can only be that person ("Judy Halverson",
    not a bare "Halverson" that Walt Halverson shares)."""
    names = {p.name for p in found}
    fullest = [n for n in names if not any(o != n and _ends_with(o, n) for o in names)]
    forms: dict[str, list[_Mention]] = {n: [] for n in sorted(fullest, key=lambda n: min(
        p.start for p in found if p.name == n))}  # fmt: skip
    for p in found:
        owners = [n for n in forms if _ends_with(n, p.name)]
        if len(owners) == 1:
            forms[owners[0]].append(p)
    return forms


def _ends_with(name: str, tail: str) -> bool:
    core, end = _core(name), _core(tail)
    return bool(end) and core[-len(end) :] == end


# "the younger Kessler": of two people of one surname, the child (or the one introduced as
# someone's relative); "the elder Kessler", the parent.
_GENERATIONS = {"younger": "young", "elder": "old", "older": "old"}
_CHILD_WORDS = frozenset("son daughter grandson granddaughter nephew niece".split())
_PARENT_WORDS = frozenset("father mother dad mom mum grandfather grandmother".split())


@dataclass
class _Readings:
    """Whom the surnames two people share were read as, in the order of the text: each
    mention read (`by_start`), and whom the name alone means when nothing marks it
    (`usual`: "Stroud said" after Board Chair Rebecca Stroud; "the elder Hargrove" or
    "Mr. Rivera" say who they are and change nothing)."""

    usual: dict[str, str] = field(default_factory=dict)
    by_start: dict[int, str] = field(default_factory=dict)


def _fullest(
    name: str,
    people: Sequence[_Mention],
    spoken: Sequence[str] = (),
    at: int | None = None,
    gender: str | None = None,
    generation: str | None = None,
    settled: _Readings | None = None,
    quoted: str = "",
    paragraph: int | None = None,
    previous: int | None = None,
) -> str:
    """The fullest form of `name` the article gives. When it could be two people ("Chebet":
    the runner Faith Chebet, or her husband Daniel Chebet), the one the article is about:
    one whose gender fits (a title in `name`, "Mrs Holt", or `gender`: the mention's own),
    one named before the place `at` where the name is written (a person introduced later
    is someone else), "the younger" or "the elder" one (`generation`) by how they were
    introduced, not one whose given name the quotation `quoted` says ("I love Ed," Greaves
    said: not Ed Greaves), then the last of them named in its own paragraph (from
    `paragraph`, where that paragraph starts, to `at`: "Denise Carver said ... “…,” Carver
    said"; "The elder Hargrove appeared ... “…,” Hargrove said"; a relative only where
    quoted), the speaker of the
    quotation just before, the one the name alone usually means (`settled`), the latest of
    them quoted, one not introduced as someone's relative, and the first named."""
    words = name.split()
    if len(words) > 2 and words[0].lower() == "the" and words[1].lower() in _GENERATIONS:
        generation = _GENERATIONS[words[1].lower()]
        name = " ".join(words[2:])
    found = _candidates(name, people)
    if not found:
        return name
    forms = _forms(found)
    if len(forms) <= 1:
        return max([*forms, *(p.name for p in found), name], key=len)
    title = name.split()[0].lower() if len(name.split()) > 1 else ""
    wanted = "f" if title in _FEMININE else "m" if title in _MASCULINE else gender
    genders = _genders(people)
    options = [f for f in forms if wanted is None or genders.get(f) in (None, wanted)]
    options = options or list(forms)
    if at is not None:
        introduced = [f for f in options if any(m.start < at for m in forms[f])]
        options = introduced or options
    if generation is not None:
        family = _CHILD_WORDS if generation == "young" else _PARENT_WORDS
        by_role = [f for f in options if any(m.roles & family for m in forms[f])]
        by_tie = [f for f in options
                  if any(m.relative for m in forms[f]) == (generation == "young")]  # fmt: skip
        options = by_role or by_tie or options
    else:  # "She" or "Ms. Burkett" of Wade and his mother Loretta: the one known a woman
        shown = [f for f in options if wanted is not None and genders.get(f) == wanted]
        options = shown or options
    if quoted:
        # A name inside a quotation quoted within it is someone else addressing the speaker
        # ("She phoned me and said, ‘Dwight, …’"), not the speaker naming another.
        said = set(_WORD.findall(_QUOTED_WITHIN.sub(_addressed_to_speaker, quoted)))
        others = [f for f in options if len(f.split()) < 2 or f.split()[0] not in said]
        options = others or options
        # "“My dad is the reason I ran,” Halvorsen said": not the one introduced as the
        # father ("his father, the Rev. Dale Halvorsen").
        ties = {_FAMILY_SAID.get(w, w) for w in _MY_RELATIVE.findall(quoted.lower())}
        if ties:
            elder = "old" if ties & _PARENT_WORDS else "young" if ties & _CHILD_WORDS else None
            kin = {f for f in options if any(m.roles & ties for m in forms[f])}
            if elder is not None:  # "the elder Mr. Halvorsen", as that mention was read
                read = settled.by_start if settled is not None else {}
                kin.update(read.get(m.start, "") for m in found if m.generation == elder)
                kin.update(f for f in options if any(m.generation == elder for m in forms[f]))
            options = [f for f in options if f not in kin] or options
            # "I love my sister," Ybarra said: the one introduced as someone's brother
            mine = set().union(*(_RECIPROCAL.get(t, set()) for t in ties))
            theirs = [f for f in options if any(m.roles & mine for m in forms[f])]
            options = theirs or options
    if paragraph is not None and at is not None and len(options) > 1:
        # A relative counts here only as a speaker ("Denise Carver said ... “…,” Carver
        # said"), not introduced in passing ("Boone's mother, Gloria Boone, sponsored a
        # bill ... Boone said"): a writer names the relative in full.
        here = [(m.start, f) for f in options for m in forms[f]
                if paragraph <= m.start < at and (m.cited or not m.relative)]  # fmt: skip
        if settled is not None:
            here.extend((start, f) for start, f in settled.by_start.items()
                        if paragraph <= start < at and f in options)  # fmt: skip
        if not here and previous is not None and at == paragraph and generation is None:
            # A quotation that opens its paragraph, after a paragraph about one of them
            # ("Rep. Dean Price of Georgia — no relation to the senator — said he would
            # oppose it.\n\n“…,” Price said"): the one that paragraph introduced.
            named = [m for f in options for m in forms[f] if previous <= m.start < at]
            here = [(m.start, m.name) for m in named if m.cited and m.name in options] or [
                (m.start, m.name) for m in named if not m.relative and m.name in options
            ]  # the one who spoke there, else the one not introduced as a relative
            if not here and settled is not None:  # else whom its bare surname was read as
                here = [(start, f) for start, f in settled.by_start.items()
                        if previous <= start < at and f in options]  # fmt: skip
        if here:
            return max(here)[1]
    # Past its own paragraph a bare surname is not a relative's when the one they are the
    # relative of speaks in the article too (writers then name the relative in full):
    # "Dane's wife, Meredith, ... “…,” she told me. ... When I repeated this to Dane". The
    # relative of someone who does not speak (a victim, a retired founder) keeps it.
    not_relative = [f for f in options if not all(m.relative for m in forms[f])]
    likely = not_relative if any(f in spoken for f in not_relative) else options
    if at is not None and len(likely) > 1:
        # One the writer keeps naming in full ("Paul Ellery said" again, after "Paul Ellery,
        # 63, a retired electrician") is not the one the surname alone stands for.
        plain = [f for f in likely if sum(m.name == f and m.start < at for m in forms[f]) < 2]
        likely = plain or likely
    if spoken and spoken[-1] in likely:
        return spoken[-1]
    if settled is not None and len(options) > 1:
        meant = settled.usual.get(" ".join(_core(name)))
        if meant in likely:
            return meant
    for earlier in reversed(spoken):
        if earlier in likely:
            return earlier
    if at is not None:  # "Her husband, Arne Sorensen, said she was recovering. ... Sorensen"
        cited = [(m.start, f) for f in likely for m in forms[f] if m.cited and m.start < at]
        if cited:
            return max(cited)[1]
    return likely[0]


_WORD = re.compile(r"\w+")


def _addressed_to_speaker(match: re.Match[str]) -> str:
    """A quotation within a quotation, dropped when someone else says it ("She phoned me and
    said, ‘Dwight, …’": the name is the speaker's), kept when the speaker does ("I keep
    telling her, ‘Not this year, Helen.’": the name is someone else's)."""
    before = match.string[max(0, match.start() - 40) : match.start()]
    return match.group() if re.search(r"\b(?:I|we|We)\b", before) else " "


_QUOTED_WITHIN = re.compile(r"(?<!\w)['‘“\"][^'’”\"]*['’”\"]")
# A speaker's own relative, as the quotation says it: "my dad", "my late husband".
_MY_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:(?:late|own|older|younger|big|little|ex-?)\s+)?"
    r"(dad|father|mom|mum|mother|husband|wife|son|daughter|brother|sister|grandfather|"
    r"grandmother|uncle|aunt)\b"
)
_FAMILY_SAID = {"dad": "father", "mom": "mother", "mum": "mother"}
# Whom a speaker is to the relative they speak of: "my sister" is said by a brother or a
# sister, "my father" by a son or a daughter.
_SIBLINGS = {"brother", "sister"}
_RECIPROCAL: dict[str, set[str]] = {
    "brother": _SIBLINGS,
    "sister": _SIBLINGS,
    "father": set(_CHILD_WORDS),
    "mother": set(_CHILD_WORDS),
    "son": set(_PARENT_WORDS),
    "daughter": set(_PARENT_WORDS),
    "husband": {"wife"},
    "wife": {"husband"},
}


def _paragraph_at(paras: Sequence[Paragraph], at: int) -> int:
    """The number of the paragraph holding the offset `at`."""
    return max(bisect_right(paras, at, key=lambda p: p.start) - 1, 0)


def _starting(people: Sequence[_Mention], at: int) -> list[_Mention]:
    """The mentions that start at `at` (people are in order of their start)."""
    i = bisect_left(people, at, key=lambda p: p.start)
    return [p for p in people[i : i + 1] if p.start == at]


def _settle(
    mention: _Mention,
    people: Sequence[_Mention],
    spoken: Sequence[str],
    settled: _Readings,
    paragraph: int,
) -> None:
    """Read whom `mention` means when it is a surname alone that two people share."""
    core = _core(mention.name)
    if mention.org or len(core) != 1:
        return
    if len(_forms(_candidates(mention.name, people))) < 2:
        return
    title = _titled(mention)
    meant = _fullest(
        mention.name,
        people,
        spoken,
        mention.start,
        title,
        mention.generation,
        settled,
        paragraph=paragraph,
    )
    settled.by_start[mention.start] = meant
    if title is None and mention.generation is None:
        settled.usual[core[0]] = meant


def _as_record(quote: _Quote, offset: int) -> Quote:
    confidence = {"direct": 0.9, "resolved": 0.7, "continued": 0.6, "none": 0.4}[quote.how]
    if quote.style is not QuoteStyle.MARKS:
        confidence -= 0.1
    span = quote.speaker_span
    return Quote(
        start=quote.start + offset,
        end=quote.end + offset,
        content_start=quote.content_start + offset,
        content_end=quote.content_end + offset,
        speaker=quote.speaker,
        speaker_text=quote.speaker_text,
        speaker_start=span[0] + offset if span else None,
        speaker_end=span[1] + offset if span else None,
        cue=quote.cue,
        kind=QuoteKind(quote.kind),
        style=quote.style,
        confidence=round(confidence, 2),
        speaker_kind=quote.speaker_kind,
    )


def _speaker_kind(quote: _Quote, people: Sequence[_Mention]) -> str:
    """What the speaker as written is: a pronoun, a name (of a person), an organisation (its
    name, or "the company"), or a description ("a senior official", "the minister")."""
    written = quote.speaker_text or ""
    words = written.split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in _PRONOUNS | {"you", "one"}:
        return "pronoun"
    span = quote.speaker_span
    mention = next(iter(_starting(people, span[0])), None) if span is not None else None
    if mention is not None:
        return "organisation" if mention.org else "name"
    head = next(
        (w.lower() for w in words if w in ("of", "for", "at")), None
    )  # "a spokeswoman for X": its first words say what it is
    core = words[: words.index(head)] if head else words
    last = core[-1].lower().strip(",.")
    if last in ("spokesman", "spokeswoman", "spokesperson") or last in _ROLE_WORDS:
        return "description"
    single = _singular(last)
    if {last, single} & (_OCCUPATIONS | _FAMILY) or (
        len(single) >= 7 and single.endswith(("ist", "ian"))
    ):
        return "description"  # "an agency meteorologist", whatever the agency
    if last in _ORG_ROLES or last in _NEWS_AGENCIES or _has_org_word(written):
        return "organisation"
    if core[0][:1].isupper() and core[0].lower() not in ("the", "a", "an", "one", "another"):
        return "name"
    return "description"
