"""Metadata read from an article's own text: headline, site, date, dateline, language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.boilerplate import DATE, TIME, Judged, headline_at, is_prose
from corpus.text import count_words

TITLE_MAX = 100  # characters of a title made from the first sentence when there is no headline
LANGUAGE_SAMPLE = 20_000  # characters of the body the language is told from

_MONTH_NUMBERS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

# "MOSCOW, September 24. /TASS/.", "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", "BEIJING —",
# and a wire's "LONDON 1996-12-06". (Entities take its place for a place: corpus/entities.py.)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3}?)?\.?\s*"
    r"(?:\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*)?"
    r"(?:/(?P<slashed>[A-Z][\w .-]{1,20})/\.?|[—–-]{1,2}|\d{4}-\d\d-\d\d)(?=\s|$)"
)
_SITE_IN_APPEAL = re.compile(
    r"^(?:support|donate to|subscribe to|a message from|a note from)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w&.’' -]{1,40}?)\s*[!.:]?$",
    re.IGNORECASE,
)
_HEADLINE_END = re.compile(r"[.;,:]['\"’”»)]*$")
_SENTENCE = re.compile(r".+?[.!?…](?=\s+[\"“‘«(]?[A-Z0-9]|$)", re.DOTALL)

_STOPWORDS = {
    "en": "the of and to in is that for it on was with as he be by at are said from his have",
    "ru": "и в не на что с по как из к у за от же это о для но так все было его был",
    "uk": "і в не на що з та як до у за від це для але так його був була є",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "fr": "le de la et les des en un une du est que pour dans qui au sur pas par",
    "es": "de la que el en y los del se las por un para con una su al es lo",
    "it": "di e il la che in per un del non della una sono le si con al dei",
    "pt": "de a o que e do da em um para com não uma os no se na por mais",
    "nl": "de het een van en in is dat op te zijn voor met niet aan er die",
    "pl": "i w nie na się z do że to jest jak o co ale od po za tak",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")


def title_of(judged: Sequence[Judged]) -> str:
    """The headline: the line marked as one (a copied page's, under its chrome and over its
    byline), else the first unmarked line that reads like one in the page's head, else the
    first body paragraph if it reads like one, never a navigation line.

    A copied page's first unmarked line is often not the headline: a site's name over its
    menu, a weather or currency line, a date. The headline stands above the article's prose
    (`article_start`), before any prose. A page without a headline (it starts with its lede)
    gets its first sentence, shortened.
    """
    for item in judged:
        if item.reason == "headline":  # (marked: the title holds it)
            return item.paragraph.text.split("\n", 1)[0]
    body = [j.paragraph for j in judged if j.reason is None]
    if not body:
        return ""
    at = headline_at([j.paragraph for j in judged], [j.reason for j in judged])
    if at is not None:
        # (a headline and its deck copied as one block's two lines: the first is the headline)
        return judged[at].paragraph.text.split("\n", 1)[0]
    first = body[0]
    headline_sized = count_words(first.text) <= 25 and len(first.text) <= 200
    if headline_sized and (not _HEADLINE_END.search(first.text) or not is_prose(first)):
        return first.text
    return shorten(first_sentence(first.text), TITLE_MAX)


def quick_title(text: str) -> str:
    """`title_of` without knowing the site chrome: the first paragraph, when it reads like a
    headline, else its first sentence shortened. A list shows it until the article is read
    whole (the headline of a page that opens with chrome is found then)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    first = " ".join(text[start : end if end >= 0 else len(text)].split())
    if not first:
        return ""
    if len(first) <= 200 and count_words(first) <= 25:
        return first
    return shorten(first_sentence(first), TITLE_MAX)


def first_sentence(text: str) -> str:
    match = _SENTENCE.match(text)
    return match.group().strip() if match else text.strip()


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:—–-") + "…"


def dateline_of(judged: Sequence[Judged]) -> tuple[str, str | None] | None:
    """The dateline opening one of the first body paragraphs, and the agency it names."""
    for item in [j for j in judged if j.reason is None][:6]:
        match = DATELINE.match(item.paragraph.text)
        if match:
            return match.group().strip(), match.group("agency") or match.group("slashed")
    return None


def date_of(judged: Sequence[Judged]) -> str | None:
    """ISO date (with time where given) from the page's own date line near the top."""
    head = judged[:12]
    for item in sorted(head, key=lambda j: j.reason != "timestamp"):
        if item.reason not in ("timestamp", None):
            continue
        text = item.paragraph.text
        if item.reason is None and count_words(text) > 12:
            continue
        found = DATE.search(text)
        if found:
            iso = parse_date(found.group())
            if iso:
                clock = TIME.search(text, found.end())
                return f"{iso}T{clock.group()}" if clock and len(clock.group()) == 5 else iso
    return None


def parse_date(text: str) -> str | None:
    """ "September 24, 2025", "24 Sept 2025", "2025-09-24" or "24.09.2025" as 2025-09-24."""
    text = text.strip().lower().replace(",", " ")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        parts = re.findall(r"[a-z]+|\d+", text)
        words = [p for p in parts if p.isalpha() and p not in ("st", "nd", "rd", "th")]
        numbers = [int(p) for p in parts if p.isdigit()]
        if len(words) != 1 or len(numbers) != 2 or words[0] not in _MONTH_NUMBERS:
            return None
        mo = _MONTH_NUMBERS[words[0]]
        d, y = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def site_of(judged: Sequence[Judged], dateline_agency: str | None) -> str | None:
    """The publisher where the page names itself: its dateline agency or its own appeal."""
    if dateline_agency:
        return dateline_agency.strip()
    for item in judged:
        if item.reason == "appeal":
            match = _SITE_IN_APPEAL.match(item.paragraph.text.strip())
            if match:
                return match.group("name").strip()
    return None


def body_start(judged: Sequence[Judged]) -> str:
    """The body's paragraphs joined by newlines, as far as `language_of` reads: the whole body
    of a very long article would be one more copy of its text."""
    parts: list[str] = []
    length = 0
    for item in judged:
        if item.reason is None:
            parts.append(item.paragraph.text)
            length += len(item.paragraph.text) + 1
            if length >= LANGUAGE_SAMPLE:
                break
    return "\n".join(parts)[:LANGUAGE_SAMPLE]


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the main language, by stop-word frequency; None when unclear."""
    tokens = _TOKEN.findall(text[:LANGUAGE_SAMPLE].lower())
    if len(tokens) < 5:
        return None
    scores = {lang: sum(1 for t in tokens if t in words) for lang, words in _STOPWORD_SETS.items()}
    lang, hits = max(scores.items(), key=lambda kv: kv[1])
    return lang if hits >= max(2, len(tokens) // 20) else None
