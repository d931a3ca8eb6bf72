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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from corpus.text import Paragraph, count_words, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that introduce speech ("said", "told", "added", "recalled", "the expert notes").
SPEECH_VERBS = frozenset(
    """say tell add state note conclude recall explain emphasize emphasise stress write ask
    reply respond insist warn argue claim declare announce continue comment remark observe
    point suggest admit acknowledge confirm predict complain urge promise mention quip joke
    tweet post testify assert maintain contend concede caution reiterate answer shout""".split()
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
    lawmaker politician representative adviser advisor aide general commander author""".split()
)

_OPEN = {"“": '"', "«": "«", "„": '"', "‘": "'"}
_CLOSE = {"”": '"', "»": "«", "’": "'"}
_WORD_CHAR = re.compile(r"\w")
_DASH_START = re.compile(r"[—–-]\s+")  # used with match(): anchored where it is asked
# ", — the expert is sure." / ", the expert concluded." at the end of a mark-less paragraph.
_TRAILING_DASH_ATTRIBUTION = re.compile(r"[,.]?\s*[—–]\s+(?P<attr>[^—–]{3,80}?)[.!]?$")
_TRAILING_COMMA_ATTRIBUTION = re.compile(r",\s+(?P<attr>[^,]{3,80}?)[.!]$")


@dataclass
class _Quote:
    start: int  # first mark (or first word when the opening mark is missing)
    end: int  # after the closing mark (or the last word)
    content_start: int
    content_end: int
    paragraph: int
    style: str = "marks"  # marks | missing-open | dash | unclosed
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None
    speaker: str | None = None
    cue: str | None = None
    how: str = "none"  # direct | resolved | continued | none
    kind: str = "direct"
    extra: dict[str, Any] = field(default_factory=dict)


def find_quotes(
    doc: Doc, offset: int = 0, skip: Callable[[int, int], bool] | None = None
) -> list[dict[str, Any]]:
    """Quotations in `doc` as dicts with offsets shifted by `offset` (the piece's place in the
    article). Quotations for which `skip(start, end)` is true (boilerplate) are left out."""
    text = doc.text
    paras = paragraphs(text)
    found = _scan_marks(text, paras)
    found.extend(_dash_quotes(text, paras, found))
    found.sort(key=lambda q: q.start)
    if skip is not None:
        found = [q for q in found if not skip(q.start + offset, q.end + offset)]
    people = _people(doc, found)
    previous: _Quote | None = None
    for quote in found:
        if quote.extra.get("glued"):
            _widen_to_paragraph(text, quote, paras[quote.paragraph])
        quote.kind = _kind(text, quote)
        if quote.kind == "fragment":
            continue  # scare quotes are not attributed: the clause after is someone else's
        _attribute(doc, quote)
        unattributed = quote.speaker_text is None and quote.kind == "direct"
        # An unattributed quotation in the same or the next paragraph continues the last one.
        near = previous is not None and quote.paragraph - previous.paragraph <= 1
        if unattributed and near and previous is not None and previous.speaker:
            quote.speaker = previous.speaker
            quote.how = "continued"
        if quote.speaker_text is not None:
            quote.speaker = _resolve(quote, people, text)
        if quote.kind == "direct":
            previous = quote
    return [_as_dict(q, offset) for q in found if q.kind != "dropped"]


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
    quote.style = "unclosed"
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
    quote.style = "missing-open"


def _missing_open(text: str, para: Paragraph, i: int, index: int) -> _Quote:
    """A closing mark with no opening: the quotation is taken to start with the paragraph."""
    start = para.start
    dash = _DASH_START.match(text, start, para.end)
    content_start = dash.end() if dash else start
    quote = _Quote(content_start, i + 1, content_start, i, index, style="missing-open")
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
        if any(q.style == "missing-open" or _content_words(text, q) > 5 for q in here):
            continue
        dash = _DASH_START.match(body)
        trailing = _TRAILING_DASH_ATTRIBUTION.search(body)
        if trailing is None and dash is not None:
            trailing = _TRAILING_COMMA_ATTRIBUTION.search(body)
        if trailing is None or not _looks_like_attribution(trailing.group("attr")):
            continue
        start = para.start + (dash.end() if dash else 0)
        end = para.start + trailing.start()
        if count_words(text[start:end]) < 6:
            continue
        quotes.append(_Quote(start, end, start, end, index, style="dash"))
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
    return count_words(attr) <= 8 and bool(_ATTRIBUTION_WORDS.search(attr))


def _kind(text: str, quote: _Quote) -> str:
    """ "direct" for a quotation, "fragment" for scare quotes and quoted phrases ("deal")."""
    if quote.style in ("missing-open", "dash"):
        return "direct"
    content = text[quote.content_start : quote.content_end].strip()
    words = count_words(content)
    if words == 0:
        return "fragment"
    before = text[: quote.start].rstrip()
    embedded = bool(before) and (before[-1].isalnum() or before[-1] in "’'")
    if content[0].islower() and embedded:
        return "fragment"
    ends_like_speech = content[-1] in ".,!?…:;—–"
    if words >= 3 and ends_like_speech:
        return "direct"
    if words >= 6 and content[0].isupper():
        return "direct"
    return "fragment"


# --- attribution ---------------------------------------------------------------------------


def _attribute(doc: Doc, quote: _Quote) -> None:
    text = doc.text
    after = _window_after(text, quote)
    cue = _cue_in(doc, after, first=True)
    if cue is None and quote.style not in ("missing-open", "dash"):
        cue = _cue_in(doc, _window_before(text, quote), first=False)
    if cue is None:
        if quote.style == "missing-open":
            quote.kind = "dropped"  # a stray closing mark with no attribution
        return
    quote.cue = cue.text
    subject = _subject(doc, cue, quote)
    if subject is not None:
        quote.speaker_text = subject.text
        quote.speaker_span = (subject.start_char, subject.end_char)
        quote.how = "direct"


def _window_after(text: str, quote: _Quote) -> tuple[int, int]:
    """From the closing mark to the end of the attribution: the next sentence end or quote."""
    start = quote.end
    end = start
    limit = min(len(text), start + 200)
    while end < limit and text[end] not in '.!?\n“«"':
        end += 1
    return start, end


def _window_before(text: str, quote: _Quote) -> tuple[int, int]:
    """From the sentence start to the opening mark, when the text leads into the quote with a
    colon or a comma ("Putin told a correspondent: ...")."""
    lead = text[max(0, quote.start - 200) : quote.start].rstrip()
    if not lead or lead[-1] not in ":,":
        return quote.start, quote.start
    start = quote.start - len(text[max(0, quote.start - 200) : quote.start])
    cut = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind("” "), lead.rfind('" '))
    return (start + cut + 1 if cut >= 0 else start), quote.start


def _cue_in(doc: Doc, window: tuple[int, int], first: bool) -> Token | None:
    start, end = window
    if end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if _is_cue(t)]
    if not tokens:
        return None
    if first:
        cue = tokens[0]
        return cue if cue.i - span.start <= 8 else None
    return tokens[-1]


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        return lemma in SPEECH_VERBS
    return token.pos_ == "ADJ" and lemma in _OPINION_ADJECTIVES  # "the expert is sure"


def _subject(doc: Doc, cue: Token, quote: _Quote) -> Span | None:
    """The speaker phrase: the cue's subject, trimmed of clauses, not inside the quote."""
    verb = cue.head if cue.pos_ == "ADJ" else cue
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not _inside(child.idx, quote):
            return _noun_phrase(doc, child)
    # Parse errors: the nearest name or pronoun next to the cue ("said Dmitriev").
    near = [*doc[cue.i + 1 : cue.i + 4], *reversed(doc[max(0, cue.i - 4) : cue.i])]
    for token in near:
        if _inside(token.idx, quote):
            continue
        if token.pos_ == "PROPN" or token.lower_ in _PRONOUNS:
            return _noun_phrase(doc, token)
    return None


def _noun_phrase(doc: Doc, head: Token) -> Span:
    if head.ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                return ent
    # "the Russian president": the words written right before the head noun, at most four.
    start = head.i
    while (
        start > 0 and head.i - start < 4 and doc[start - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN")
    ):
        start -= 1
    return doc[start : head.i + 1]


def _inside(char: int, quote: _Quote) -> bool:
    return quote.start <= char < quote.end


# --- resolving speakers --------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    start: int
    end: int
    name: str
    cited: bool
    roles: frozenset[str]


def _people(doc: Doc, quotes: Sequence[_Quote]) -> list[_Person]:
    """Named people outside quotations, each with whether the text cites them as a source
    and the role nouns written right next to the name ("Industrial expert Leonid Khazanov")."""
    spans = [(q.start, q.end) for q in quotes if q.kind != "fragment"]
    found: list[_Person] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(s <= ent.start_char < e for s, e in spans):
            continue
        head = ent.root
        cited = head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _CITING
        cited = cited or _according_to(doc, ent)
        roles = set()
        k = ent.start - 1
        while k >= 0 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and ent.start - k <= 3:
            roles.add(doc[k].lemma_.lower())
            k -= 1
        after = doc[ent.end : ent.end + 5]
        if len(after) and after[0].text == ",":
            roles.update(t.lemma_.lower() for t in after[1:] if t.pos_ in ("NOUN", "ADJ"))
        found.append(_Person(ent.start_char, ent.end_char, ent.text, cited, frozenset(roles)))
    return found


def _according_to(doc: Doc, ent: Span) -> bool:
    words = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    return words == ["according", "to"]


def _resolve(quote: _Quote, people: Sequence[_Person], text: str) -> str | None:
    """The full name for a speaker as written: itself when it is a name (lengthened to the
    fullest earlier form, "Titov" -> "Boris Titov"), else the person it refers to."""
    written = quote.speaker_text or ""
    words = written.split()
    before = [p for p in people if p.end <= quote.start and not _inside(p.start, quote)]
    if quote.speaker_span and any(p.start == quote.speaker_span[0] for p in people):
        return _fullest(written, people)
    if words and words[-1][:1].isupper() and words[-1].lower() not in _ROLE_WORDS:
        return _fullest(written, people)
    head = words[-1].lower() if words else ""
    modifiers = {w.lower() for w in words[:-1] if w.lower() not in ("the", "a", "an", "our")}
    candidates: list[_Person] = []
    for person in reversed(before):
        known_role = head in _ROLE_WORDS and head in person.roles
        role_match = known_role and modifiers <= person.roles | {head}
        if person.cited or role_match:
            candidates.append(person)
            break
    if not candidates and before:
        candidates.append(before[-1])
    if not candidates:
        return None
    quote.how = "resolved"
    return _fullest(candidates[0].name, people)


def _fullest(name: str, people: Sequence[_Person]) -> str:
    last = name.split()[-1] if name.split() else name
    longer = [p.name for p in people if p.name.split() and p.name.split()[-1] == last]
    return max([*longer, name], key=len)


def _as_dict(quote: _Quote, offset: int) -> dict[str, Any]:
    confidence = {"direct": 0.9, "resolved": 0.7, "continued": 0.6, "none": 0.4}[quote.how]
    if quote.style != "marks":
        confidence -= 0.1
    span = quote.speaker_span
    return {
        "start": quote.start + offset,
        "end": quote.end + offset,
        "content_start": quote.content_start + offset,
        "content_end": quote.content_end + offset,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "speaker_start": span[0] + offset if span else None,
        "speaker_end": span[1] + offset if span else None,
        "cue": quote.cue,
        "kind": quote.kind,
        "style": quote.style,
        "confidence": round(confidence, 2),
    }
