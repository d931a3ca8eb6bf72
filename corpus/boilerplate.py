"""Find site chrome in the plain text of a news page: mark it, never delete it.

Web text copied or extracted from a news site carries navigation and UI words, donation
appeals, newsletter boxes, "Read next" lists with unrelated teasers, photo credits and
machine-translation credits. Each paragraph is judged on generic features (length, sentence
punctuation, a vocabulary of interface words, dates, script), then block rules extend a
recognised header ("Read next", "A message from ...", "Sign up for our newsletter") over the
paragraphs that belong to it. A long paragraph of prose is only ever marked as part of such a
block, so the article body is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus.text import Paragraph, count_words, paragraphs

# Interface words of news sites in general (menus, players, share bars, paywalls), lower case.
# A short line made only of these is navigation; a subheading always has a content word.
_UI_WORDS = frozenset(
    """
    skip to main content navigation menu search home sections section top back next previous
    prev more less show hide open close expand collapse toggle on off yes no ok cancel
    advertisement advert ad ads sponsored promoted partner content live broadcast stream
    video audio photo photos gallery slide slideshow main beginning end of the this article
    story page text listen play pause mute voice read aloud select important highlight
    share shares tweet email print copy link save bookmark like follow us comments comment
    reply log login logout sign in up out register account profile subscribe subscription
    unsubscribe settings language english edition newsletter newsletters alerts notifications
    once monthly annual yearly weekly daily other continue submit send donate support
    accept cookies cookie privacy policy terms use contact about feedback help faq
    rss feed app download mobile desktop version full screen fullscreen view all loading
    facebook twitter x whatsapp telegram vk viber linkedin reddit instagram youtube tiktok
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_RELATED_HEADER = re.compile(
    r"^(?:read (?:next|more|also)|see also|also read|related(?: (?:articles?|stories|news|"
    r"content|coverage|topics))?|more (?:on this|on this story|from|stories|news|in|like this)"
    r"(?:\b.*)?|recommended(?: for you)?|most (?:read|popular|viewed|shared)|popular|trending"
    r"(?: now)?|top stories|latest(?: news| stories)?|editor'?s picks|you (?:may|might) "
    r"(?:also )?(?:like|be interested in)|don'?t miss|further reading|what to read next)"
    r"\b[^.!?]*$",
    re.IGNORECASE,
)
_LINK_TAIL = re.compile(r"[→»›>]\s*$")
_APPEAL_HEADER = re.compile(
    r"^(?:(?:please )?(?:support|donate to|subscribe to|become an? (?:member|supporter|"
    r"subscriber|patron|friend)|join|contribute to|help|back|fund)\b.{0,60}[!.:]?$"
    r"|(?:a )?(?:message|note|letter|word) from .{1,60}:?$|dear (?:readers?|friends?|"
    r"subscribers?)\b.{0,20}$)",
    re.IGNORECASE,
)
_APPEAL_SIGNAL = re.compile(
    r"\b(?:support|donat\w*|contribut\w*|journalis\w*|subscri\w*|members?hip|member|readers?"
    r"|our (?:work|staff|newsroom|reporters|journalists|mission)|we need|your help|help us"
    r"|thank you|independent|paywall|free to read|remind me|not ready|per month|a month"
    r"|payment|paiment|one-off|one-time|recurring)\b",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|sign up|sign-up|signup|inbox|mailbox|e-?mail address|unsubscribe"
    r"|privacy (?:policy|notice)|terms (?:of|and) (?:use|service|conditions)|subscribers?)\b",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|leave (?:a|the first|your) comment|add (?:a )?comment"
    r"|show comments|view comments|post (?:a )?comment|join the (?:discussion|conversation)"
    r"|what (?:is|'s) your opinion\b.*|what do you think\b.*|have your say)\W*$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"\b(?:photo\w*|picture|image|getty|shutterstock|reuters|afp|epa|ap photo|courtesy"
    r"|credit|illustration|file photo|pool)\b|©",
    re.IGNORECASE,
)
_NAME_SLASH_AGENCY = re.compile(r"[A-Z][\w.’'-]+ ?/ ?[A-Z][\w.’'-]+")
_TRANSLATION_CREDIT = re.compile(
    r"\b(?:translated (?:by|with|using)|machine[- ]translat\w*|translation (?:by|service)"
    r"|google translate|deepl|yandex\.?\s*translat\w*|auto-?translated"
    # the same credit in the languages articles are often machine-translated from
    r"|переведено|переводчик\w*|машинный перевод|übersetzt (?:von|mit)|traduit (?:par|avec)"
    r"|traducido (?:por|con)|tradotto (?:da|con)|traduzido (?:por|com))\b",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})\b",
    re.IGNORECASE,
)
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b", re.IGNORECASE)
_RELATIVE_TIME = re.compile(
    r"^(?:\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago|yesterday|today|just now)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)]*$")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")

SHORT = 8  # words: a line at most this long may be interface text
TEASER = 80  # words: longest paragraph still taken for a teaser in a "Read next" list


@dataclass(frozen=True, slots=True)
class Judged:
    """A paragraph and why it is boilerplate (`reason` None: article body)."""

    paragraph: Paragraph
    reason: str | None


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """`[start, end)` ranges of site chrome in `text`, merged, in order."""
    return merge_ranges(text, classify(text))


def merge_ranges(text: str, judged: Sequence[Judged]) -> list[tuple[int, int]]:
    """Join marked paragraphs separated only by white space into one range."""
    ranges: list[tuple[int, int]] = []
    for item in judged:
        if item.reason is None:
            continue
        start, end = item.paragraph.start, item.paragraph.end
        if ranges and not text[ranges[-1][1] : start].strip():
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def classify(text: str) -> list[Judged]:
    """Every paragraph of `text` with the reason it is boilerplate, or None for body."""
    paras = paragraphs(text)
    script = dominant_script(text)
    reasons: list[str | None] = [_line_reason(p, script) for p in paras]
    _apply_blocks(paras, reasons)
    _apply_runs(paras, reasons)
    _apply_tail(paras, reasons)
    return [Judged(p, r) for p, r in zip(paras, reasons, strict=True)]


def is_prose(p: Paragraph) -> bool:
    """A paragraph of running text: long enough and ending like a sentence."""
    return p.words > SHORT and bool(_SENTENCE_END.search(p.text))


def _is_short(p: Paragraph) -> bool:
    return p.words <= SHORT


def _line_reason(p: Paragraph, script: str | None) -> str | None:
    text = p.text
    if not _LETTER_OR_DIGIT.search(text):
        return "symbols"
    words = p.words
    if words > 16:
        return None
    lowered = text.lower()
    if _TRANSLATION_CREDIT.search(text):
        return "translation credit"
    if words <= 12 and script and _foreign(text, script):
        return "untranslated fragment"
    if _COMMENTS.match(text):
        return "comments"
    if _RELATED_HEADER.match(text) or (words <= SHORT and _LINK_TAIL.search(text)):
        return "related links"
    if words <= 12 and _APPEAL_HEADER.match(text):
        return "appeal"
    if words <= 12 and _NEWSLETTER.search(text) and not _SENTENCE_END.search(text):
        return "newsletter"
    credit = _PHOTO_CREDIT.search(text) or _NAME_SLASH_AGENCY.search(text)
    if words <= 12 and credit and (not is_prose(p) or " / " in text):
        return "photo credit"
    if words <= SHORT and _is_dateline_only(text):
        return "timestamp"
    ui_words = re.findall(r"[^\W\d_]+", lowered)
    if words <= SHORT and ui_words and all(w in _UI_WORDS for w in ui_words):
        return "navigation"
    return None


def _is_dateline_only(text: str) -> bool:
    """A line that is a date or time with at most a section name around it."""
    if _RELATIVE_TIME.match(text.strip()):
        return True
    rest = TIME.sub(" ", DATE.sub(" ", text))
    if rest == text:
        return False
    return count_words(rest) <= 4 and not _SENTENCE_END.search(text.rstrip())


def _apply_blocks(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Extend a recognised block header over the paragraphs that belong to it."""
    i = 0
    while i < len(paras):
        reason = reasons[i]
        belongs = _BLOCK_MEMBERS.get(reason or "")
        if belongs is None:
            i += 1
            continue
        if reason in ("related links", "comments") and all(
            p.words <= TEASER for p in paras[i + 1 :]
        ):
            # A "Read next" list or a comment box runs to the end of the page.
            for j in range(i + 1, len(paras)):
                reasons[j] = reasons[j] or reason
            break
        j = i + 1
        while j < len(paras):
            other = reasons[j]
            if other is None and belongs(paras[j]):
                reasons[j] = reason
            elif other is None or (other != reason and other in _BLOCK_MEMBERS):
                break  # body resumes, or another block starts here and extends itself
            j += 1
        i = j


def _appeal_member(p: Paragraph) -> bool:
    return _is_short(p) or bool(_APPEAL_SIGNAL.search(p.text))


def _newsletter_member(p: Paragraph) -> bool:
    return (_is_short(p) and not is_prose(p)) or bool(_NEWSLETTER.search(p.text))


def _link_member(p: Paragraph) -> bool:
    return p.words <= 12 and not is_prose(p)


_BLOCK_MEMBERS: dict[str, Callable[[Paragraph], bool]] = {
    "appeal": _appeal_member,
    "newsletter": _newsletter_member,
    "related links": _link_member,
    "comments": _link_member,
}


def _apply_runs(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A run of three or more short lines, mostly chrome, is a menu: mark all of it."""
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _is_short(paras[j]) and not is_prose(paras[j]):
            j += 1
        if j - i >= 3:
            marked = sum(1 for k in range(i, j) if reasons[k] is not None)
            if marked * 3 >= (j - i) * 2:
                for k in range(i, j):
                    reasons[k] = reasons[k] or "navigation"
        i = max(j, i + 1)


def _apply_tail(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Short non-sentences after the last paragraph of prose are page furniture."""
    furniture: list[int] = []
    for k in range(len(paras) - 1, -1, -1):
        if reasons[k] is not None:
            continue
        if _is_short(paras[k]) and not _SENTENCE_END.search(paras[k].text):
            furniture.append(k)
            continue
        if is_prose(paras[k]):
            for f in furniture:
                reasons[f] = "page furniture"
        return


def script_of(ch: str) -> str | None:
    """The Unicode script family of a letter ("LATIN", "CYRILLIC", ...), None for non-letters."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else None


def dominant_script(text: str, sample: int = 50_000) -> str | None:
    counts = Counter(s for s in map(script_of, text[:sample]) if s)
    return counts.most_common(1)[0][0] if counts else None


def _foreign(text: str, script: str) -> bool:
    counts = Counter(s for s in map(script_of, text) if s)
    total = sum(counts.values())
    return total >= 3 and counts[script] * 2 < total
