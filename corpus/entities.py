"""Entities that read right: the pipeline's entities mended by general rules, each change said.

spaCy's small English model makes mistakes a news editor would not accept, and they show first
on screen: the same person labelled PERSON in one sentence and ORG in the next, an editor's
bracketed insert cut in half ("Donald] Trump"), a title taken into a name ("Putin Envoy").
Three rules mend them, in order, on the whole article at once (they need its other mentions):

1. **Site chrome.** An entity in true site chrome (menus, teasers of other stories, appeals,
   newsletter and cookie boxes) is dropped: it is not about this article. One in a dateline,
   a photo caption or credit, or a byline is kept: those name real places and people.
2. **Brackets.** A span's brackets must balance. An editor's insert is kept whole when the
   span holds it whole; a span that holds only one of its marks is cut at that mark:
   "Donald] Trump" gives "Trump", "[US" gives "US".
3. **One label per entity.** The mentions of one name (case, a leading "the" and a
   possessive set aside), and a surname with the full names it ends, take one label, chosen by
   evidence: the label most of them carry, where a mention of a person counts for the
   surname, and strong signs of a person win over a count: a title or honorific before it
   ("President", "Mr", "minister"), a common given name first, or being the speaker a
   quotation names. Titles caught at either end of a person's span are cut off
   ("Putin Envoy" gives "Putin"). A changed label is said in the entity's `note` ("was ORG:
   ..."), which the side panel and the JSONL output carry.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from corpus.boilerplate import Judged
from corpus.given_names import FEMININE, MASCULINE
from corpus.meta import DATELINE
from corpus.text import paragraphs

# Labels the rule of one label chooses between: names of things. Numbers, dates and the like
# are left as the pipeline gave them.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})  # fmt: skip
# Chrome whose entities are real and kept: a dateline's place, a caption's or credit's people,
# the people and places of a copied page's headline and standfirst (the article's own).
KEPT_CHROME = frozenset(
    {"photo credit", "credits", "timestamp", "translation credit", "headline", "standfirst"}
)

# Words that stand before a person's name (lower case, without a final full stop).
TITLES = frozenset(
    """president vice-president vp mr mrs ms miss mx dr sir dame lord lady prof professor sen
    senator rep representative gov governor minister premier chancellor secretary envoy
    ambassador spokesman spokeswoman spokesperson gen general col colonel capt captain lt
    sgt major cmdr admiral judge justice mayor chairman chairwoman chair ceo cfo coach
    manager director adviser advisor aide deputy king queen prince princess pope cardinal
    bishop rabbi imam sheikh emir president-elect leader lawmaker mp commissioner
    prosecutor attorney officer inspector detective chief head founder editor analyst
    economist""".split()
)
_GIVEN = FEMININE | MASCULINE
# Labels whose names are looked for where the pipeline missed them: the small model's place
# labels other than GPE are too often wrong to copy.
_PROPAGATED = frozenset({"PERSON", "ORG", "GPE"})
_GROUP_ENDINGS = ("ian", "ean", "ese", "ish")  # Russian, Korean, Chinese, British
# Words a name can also be as an ordinary word: months, days, and common words written with a
# capital at a sentence's start.
_ORDINARY = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday young brown white black green
    rich long little small king bush price cook baker hunter mark will bill grant art hope
    rose faith grace may august bond case love north south east west street hall""".split()
)
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# Endings of surnames that place names hardly have (not "-ov" or "-in": Rostov, Kirov, Berlin).
_SURNAME_ENDINGS = ("sky", "skyy", "skiy", "skyi", "ski", "enko", "chuk", "vich", "vych", "wicz",
                    "escu", "poulos", "akis", "idis", "shvili", "adze", "ovic", "ović", "evic",
                    "ević", "oglu", "oğlu")  # fmt: skip
# Right before a place's name: "in", "from", "near" and the like.
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Ii]nto|[Oo]utside|[Aa]cross|[Tt]o)\s+$")
# What the small model calls a person by mistake, where a given name first says otherwise.
_PEOPLE_MISTAKEN_FOR = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_OPENERS, _CLOSERS = "([{", ")]}"
# Punctuation a cut may leave at the edge of a span.
_LOOSE = frozenset(",;:-–—\"'“”‘’«»/|")
_SEPARATOR = re.compile(r"\s[/|•·—–]\s")
# A lower-case prefix joined to a name: "pro-Kremlin", "anti-Trump", "ex-Soviet".
_PREFIX = re.compile(r"[a-z]{2,6}-(?=[A-Z])")
_ARTICLE = re.compile(r"the\s+(?=\S)")
_WORD_CHARACTER = re.compile(r"\w")
# The head of each line, where a dateline stands (`corpus.meta.DATELINE`).
_LINE_HEAD = re.compile(r"(?m)^[ \t]*(?=[A-Z])")
# Capitals at the head of a line that are not a place: "BREAKING —", "UPDATE 2 -".
_NOT_PLACES = frozenset({"BREAKING", "EXCLUSIVE", "UPDATE", "ANALYSIS", "OPINION", "EDITORIAL",
                         "WATCH", "LIVE", "VIDEO", "PHOTOS", "FACTBOX", "COLUMN", "REVIEW",
                         "INSIGHT", "FOCUS", "CORRECTED", "REFILE", "WRAPUP", "BRIEF", "NEWS",
                         "SPORTS", "SOCCER", "TENNIS", "GOLF", "CRICKET", "RUGBY", "UPDATED",
                         "ALERT", "URGENT", "FLASH", "NOTE", "EDITORS", "GRAPHIC", "INTERVIEW",
                         "PREVIEW", "POLL", "TIMELINE", "EXPLAINER", "FEATURE"})  # fmt: skip
_PARTY_STATE = re.compile(r"[\s(,][DRI]-([A-Z][a-z]{1,4}\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[),;])")
# What a sentence may open after ("" is the start of the text).
_SENTENCE_OPENS_AFTER = frozenset({"", ".", "!", "?", "\n", '"', "”", ":"})
_OPENING_THE = re.compile(r"The\s+(?=\S)")
_MID_SENTENCE_THE = re.compile(r"(?<=[\w,;]) +The\s+(?=[A-Z])")
# A title-case line: at most this many words, and this share of its longer words capitalised.
_TITLE_WORDS, _TITLE_SHARE = 25, 0.7
# The longest run of capitalised words in a headline taken for a name the text gives nowhere.
_NAME_WORDS = 3
# What a dateline names: where and when ("LONDON 1996-12-06").
_DATELINE_LABELS = frozenset({"GPE", "LOC", "DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity of the pipeline: offsets into the article, label, and why a rule changed it."""

    start: int
    end: int
    label: str
    text: str
    note: str = ""
    group: str = ""  # the id of its entity group (`group_mentions`)


def true_chrome(
    boilerplate: Sequence[tuple[int, int]], judged: Sequence[Judged]
) -> Callable[[int, int, str], bool]:
    """Whether an entity `[start, end)` of a label is in site chrome, not about the article:
    marked as boilerplate, and not in a paragraph kept for its names: a caption or credit, or
    a dateline (its place and date; a section name beside a date is chrome). A timestamp
    among teasers of other stories is the teasers'. Ranges marked by someone else (no
    paragraph of `judged` says why) are all chrome."""
    kept: list[tuple[int, int, frozenset[str] | None]] = []
    for k, item in enumerate(judged):
        if item.reason not in KEPT_CHROME:
            continue
        around = {judged[j].reason for j in (k - 1, k + 1) if 0 <= j < len(judged)}
        if item.reason == "timestamp" and "related links" in around:
            continue
        labels = _DATELINE_LABELS if item.reason == "timestamp" else None
        kept.append((item.paragraph.start, item.paragraph.end, labels))

    def chrome(start: int, end: int, label: str) -> bool:
        if not any(s < end and start < e for s, e in boilerplate):
            return False
        return not any(
            s <= start and end <= e and (labels is None or label in labels) for s, e, labels in kept
        )

    return chrome


def balanced(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`[start, end)` cut so that its brackets balance: at a closing mark with no opening one
    before it (the span starts after it), at an opening mark with no closing one after it
    (the span ends before it, or starts after it when it is the first character), and then
    trimmed of the white space and punctuation the cut left at its edges. None when nothing
    is left."""
    first, last = start, end
    while True:
        open_at: list[int] = []
        cut = None
        for i in range(start, end):
            ch = text[i]
            if ch in _OPENERS:
                open_at.append(i)
            elif ch in _CLOSERS:
                if open_at and _OPENERS[_CLOSERS.index(ch)] == text[open_at[-1]]:
                    open_at.pop()
                else:
                    cut = ("after", i)
        if cut is None and open_at:
            at = open_at[0]
            cut = ("after", at) if at == start else ("before", at)
        if cut is None:
            break
        side, at = cut
        if side == "after":
            start = at + 1
        else:
            end = at
    if start != first:
        while start < end and (text[start].isspace() or text[start] in _LOOSE):
            start += 1
    if end != last:
        while end > start and (text[end - 1].isspace() or text[end - 1] in _LOOSE):
            end -= 1
    return (start, end) if start < end else None


def _dateline_places(text: str, raw: Sequence[Mention]) -> list[Mention]:
    """The place a dateline opens with, in capitals ("FRANKFURT (Reuters) -", "AL-AIN, United
    Arab Emirates 1996-12-06", "ST. LOUIS —"), as a place: the small model reads such words
    as an organisation, cuts them at a full stop or passes them over."""
    # Not a name the article gives to something else elsewhere ("TRUMP — A PROFILE").
    others: dict[str, list[int]] = defaultdict(list)
    for m in raw:
        if m.label in NAME_LABELS and m.label not in _PLACES:
            others[m.text.upper()].append(m.start)
    places = []
    for head in _LINE_HEAD.finditer(text):
        at = head.end()
        end = text.find("\n", at)
        match = DATELINE.match(text[at : len(text) if end < 0 else end])
        if match is None:
            continue
        place = match["place"].rstrip("-")
        if any(w.rstrip(".-") in _NOT_PLACES for w in place.split()):
            continue
        if not any(start != at for start in others.get(place, ())):
            places.append((at, at + len(place)))
    if not places:
        return list(raw)
    found: list[Mention] = []
    for m in raw:
        place = next(((s, e) for s, e in places if s < m.end and m.start < e), None)
        if place is None:
            found.append(m)
        elif m.label == "DATE" and m.end > place[1]:
            date = balanced(text, _next_word(text, place[1]), m.end)  # "JANEIRO 1996-08-22"
            if date is not None:
                found.append(replace(m, start=date[0], end=date[1], text=text[date[0] : date[1]]))
    for start, end in places:
        was = next((m for m in raw if m.start < end and start < m.end), None)
        if was is not None and (was.start, was.end, was.label) == (start, end, "GPE"):
            found.append(was)
            continue
        note = f"was {was.label}: a dateline's place" if was else "a dateline's place"
        found.append(Mention(start, end, "GPE", text[start:end], note))
    return sorted(found, key=lambda m: (m.start, m.end))


def _party_states(text: str, mentions: list[Mention]) -> list[Mention]:
    """The state of a party and state after a politician's name ("Sen. Elizabeth Warren,
    D-Mass.", "(R-Texas)"): the state is a place, the party letter is no part of it."""
    found = []
    for match in _PARTY_STATE.finditer(text):
        start, end = match.span(1)
        over = [m for m in mentions if m.start < end and start < m.end]
        if over and not all(m.label == "GPE" and m.end == end for m in over):
            continue
        mentions = [m for m in mentions if m not in over]
        note = "" if any(m.start == start for m in over) else "a politician's state"
        found.append(Mention(start, end, "GPE", text[start:end], note))
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end))


def _next_word(text: str, at: int) -> int:
    match = _WORD_CHARACTER.search(text, at)
    return match.start() if match else len(text)


def _opening_the(text: str, start: int, end: int, titled: Sequence[int]) -> re.Match[str] | None:
    """A sentence's opening "The" before a name ("The European Commission said"): a capital
    that says nothing of the name, unless the article writes "The" with it mid-sentence too,
    as a title's ("reported The Times"); `titled`: where the names after such a "The" begin."""
    the = _OPENING_THE.match(text, start, end)
    if (
        the is None
        or text[max(0, start - 20) : start].rstrip(" \t")[-1:] not in _SENTENCE_OPENS_AFTER
    ):
        return None
    name = text[the.end() : end]
    after = len(name)
    for at in titled:
        if text.startswith(name, at) and not text[at + after : at + after + 1].isalnum():
            return None
    return the


def _before_separator(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A span that runs across a separator of a credit or a list ("Anton Novoderezhkin /
    Roscongress Photobank", "Reuters | Moscow") is the name before it."""
    cut = _SEPARATOR.search(text, start, end)
    if cut is None:
        return start, end
    return balanced(text, start, cut.start())


def _key(words: str) -> str:
    """A name as compared across mentions: case, a leading "the" and a possessive set aside."""
    key = " ".join(words.split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    return _POSSESSIVE.sub("", key).strip(" .")


def _title_before(text: str, start: int) -> bool:
    """A title or honorific right before `start` ("President ", "Mr. ", "minister ")."""
    before = text[max(0, start - 40) : start]
    words = _WORD.findall(before)
    if not words or not before.rstrip(" ").endswith(words[-1]) or "\n" in before[-3:]:
        return False
    return words[-1].lower().rstrip(".") in TITLES


def _trim_titles(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's span without title words at either end ("President Joe Biden",
    "Putin Envoy"): the name is what the title is of."""
    while True:
        words = list(_WORD.finditer(text, start, end))
        if len(words) < 2:
            return start, end
        first, last = words[0], words[-1]
        if first.group().lower().rstrip(".") in TITLES:
            start = words[1].start()
        elif last.group().lower().rstrip(".") in TITLES:
            end = words[-2].end()
        else:
            return start, end


def _written_as_surname(text: str, m: Mention) -> bool:
    """A one-word place with a surname's ending ("Zelenskyy", "Kowalski", "Shevchenko",
    "Ionescu") that does not open a line, as a dateline's place does."""
    word = _key(m.text)
    if " " in word or len(word) < 6 or not word.endswith(_SURNAME_ENDINGS):
        return False
    return m.start > 0 and text[m.start - 1] != "\n"


def _mostly_person(counts: Counter[str]) -> bool:
    """A surname of a person named in full is that person, unless its mentions are places
    more often than people, full names counted in ("Washington" the city, where George
    Washington is named too)."""
    places = sum(counts[label] for label in _PLACES)
    return places <= counts["PERSON"]


def _given_name_first(words: str) -> bool:
    parts = words.split()
    return len(parts) >= 2 and parts[0].lower().strip(".,") in _GIVEN


def mend(
    text: str,
    raw: Sequence[Mention],
    chrome: Callable[[int, int, str], bool],
    speakers: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The article's entities after the three rules; `speakers`: where quotations name their
    speakers by name (spans of the text)."""
    cut: list[Mention] = []
    titled = [m.end() for m in _MID_SENTENCE_THE.finditer(text)]  # "reported The Times"
    for m in _dateline_places(text, raw):
        if chrome(m.start, m.end, m.label):
            continue
        span = balanced(text, m.start, m.end)
        if span is not None:
            span = _before_separator(text, *span)
        if span is not None and m.label in NAME_LABELS and m.label != "NORP":
            # "pro-Kremlin" is no organisation: the name is "Kremlin" ("pro-Russian" may
            # well be a group's word, NORP, as it is).
            prefix = _PREFIX.match(text, span[0], span[1])
            if prefix:
                span = (prefix.end(), span[1])
        if span is not None and m.label in NAME_LABELS:
            # "the United States": the article is no part of the name (a title's "The", as
            # in "The Times", is, and is written with a capital).
            article = _ARTICLE.match(text, span[0], span[1]) or _opening_the(text, *span, titled)
            if article and article.end() < span[1]:
                span = (article.end(), span[1])
            # Nor is a possessive: "European Union's" is "European Union".
            possessive = _POSSESSIVE.search(text, span[0], span[1])
            if possessive and possessive.start() > span[0]:
                span = (span[0], possessive.start())
        if span is None:
            continue
        if span != (m.start, m.end):
            m = replace(m, start=span[0], end=span[1], text=text[span[0] : span[1]])
        cut.append(m)
    cut = _headlines(text, _party_states(text, cut), chrome)
    return _missed(text, _one_label(text, cut, speakers), chrome)


def _missed(
    text: str, mentions: list[Mention], chrome: Callable[[int, int, str], bool]
) -> list[Mention]:
    """Mentions of the article's names that the pipeline passed over in some sentence: a name
    it gives elsewhere (of two words or more, or one of at least four letters), and the
    surname of a person it names in full, written the same way where no entity is. A word
    that is also an ordinary word, a month or a day ("May", "Young") is left alone."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.label not in _PROPAGATED:
            continue
        words = m.text.split()
        if len(words) >= 2 or (len(m.text) >= 4 and m.text[0].isupper()):
            names.setdefault(as_listed(m.text), m.label)
        if m.label == "PERSON" and len(words) >= 2:
            names.setdefault(as_listed(words[-1]), "PERSON")
    names = {
        name: label
        for name, label in names.items()
        if name
        and name[0].isupper()
        and name.lower() not in _ORDINARY
        # "Ukrainian" read as a place once is a group's word: not copied as a place
        and not (label == "GPE" and " " not in name and name.endswith(_GROUP_ENDINGS))
    }
    # Only names written somewhere outside the mentions go into the pattern: compiling it is
    # most of the rule's cost.
    written = "\n".join(m.text for m in mentions)
    outside = [name for name in names if text.count(name) > written.count(name)]
    pattern = _names_pattern(sorted(outside, key=len, reverse=True))
    if pattern is None:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    added = []
    for match in pattern.finditer(text):
        start, end = match.span()
        k = bisect_right(starts, end)
        if any(s < end and start < e for s, e in taken[max(0, k - 8) : k]):
            continue
        label = names[match.group()]
        if chrome(start, end, label):
            continue
        added.append(Mention(start, end, label, match.group(), "not found by the pipeline here"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def title_lines(text: str) -> list[tuple[int, int]]:
    """The lines of `text` written in title case or in capitals (headlines, section titles),
    where the small model reads every capitalised word as part of a name: a short paragraph,
    not a sentence, most of whose longer words are capitalised."""
    lines = []
    for p in paragraphs(text):
        words = _WORD.findall(p.text)
        capitals = p.text.upper() == p.text
        # A sentence ends with a full stop; a headline in capitals may too ("EU REJECTS
        # GERMAN CALL TO BOYCOTT BRITISH LAMB.").
        if not 2 <= len(words) <= _TITLE_WORDS or (p.text.rstrip().endswith(".") and not capitals):
            continue
        long = [w for w in words if len(w) >= 4]
        upper = [w for w in long if w[0].isupper()]
        if len(upper) >= 2 and len(upper) >= _TITLE_SHARE * len(long):
            lines.append((p.start, p.end))
    return lines


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """A regular expression of whole-word occurrences of `names` (longest first)."""
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _headlines(
    text: str, mentions: list[Mention], chrome: Callable[[int, int, str], bool]
) -> list[Mention]:
    """Entities of title-case lines read as if the line were in sentence case: the names the
    rest of the article gives (and the surnames of its people) are found in the line with
    their label there; a span of the pipeline's is kept only when it is one of them, or a
    short run of capitalised words none of which the article writes in lower case
    ("Rare Earth Minerals" is "rare earth minerals" in the text). Never one long ORG across
    a headline."""
    lines = title_lines(text)
    if not lines:
        return mentions

    def in_title(m: Mention) -> bool:
        return any(s <= m.start and m.end <= e for s, e in lines)

    known: dict[str, str] = {}  # a name as written in the body -> its label there
    for m in mentions:
        if m.label in NAME_LABELS and not in_title(m):
            known.setdefault(m.text, m.label)
            words = m.text.split()
            if m.label == "PERSON" and len(words) >= 2:
                known.setdefault(words[-1], "PERSON")
    gaps = zip([0, *(e for _, e in lines)], [*(s for s, _ in lines), len(text)], strict=True)
    body = "".join(text[a:b] for a, b in gaps)
    kept = [m for m in mentions if not in_title(m)]
    # One pattern of the known names the title lines hold, longest first (an article can
    # know thousands; compiling the pattern is most of the rule's cost).
    titles = "\n".join(text[s:e] for s, e in lines)
    names = sorted(known, key=len, reverse=True)
    as_written = _names_pattern([name for name in names if name in titles])
    in_capitals = _names_pattern([name.upper() for name in names if name.upper() in titles])
    labels = {**{name.upper(): known[name] for name in names}, **known}
    name_words = {w.upper() for name in names for w in _WORD.findall(name)}
    body_lower = {w.upper() for w in _WORD.findall(body) if w.islower()}

    def in_a_name(word: str) -> bool:
        """A word of a capitals line that may be part of a name: a word of the article's
        names, or a short one the article never writes in lower case ("EU", "NATO")."""
        word = word.upper()
        return word in name_words or (len(word) <= 4 and word not in body_lower)

    for start, end in lines:
        line = text[start:end]
        capitals = line.upper() == line
        found: list[Mention] = []
        pattern = in_capitals if capitals else as_written
        for match in pattern.finditer(line) if pattern is not None else ():
            a, b = start + match.start(), start + match.end()
            found.append(Mention(a, b, labels[match.group()], text[a:b]))
        for m in mentions:
            if not (start <= m.start and m.end <= end) or m.label not in NAME_LABELS:
                if start <= m.start and m.end <= end:
                    found.append(m)  # a date or a number: as the pipeline gave it
                continue
            if any(f.start < m.end and m.start < f.end for f in found):
                continue  # a name the article gives is there
            if capitals and not all(map(in_a_name, _WORD.findall(m.text))):
                # In capitals every word looks like a name: "EU REJECTS" is not one, and
                # what it was read as says nothing of what "EU" is.
                continue
            words = _WORD.findall(m.text)
            lower = any(w[0].islower() for w in words)
            written_lower = re.search(rf"(?<!\w){re.escape(m.text.lower())}(?!\w)", body)
            if len(words) <= _NAME_WORDS and not lower and not written_lower:
                found.append(m)
        kept += [m for m in found if not chrome(m.start, m.end, m.label)]
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _one_label(
    text: str, mentions: list[Mention], speakers: Sequence[tuple[int, int]]
) -> list[Mention]:
    named = [m for m in mentions if m.label in NAME_LABELS]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    person: dict[str, str] = {}  # key -> why it names a person, where something strong says so
    surnames: dict[str, str] = {}  # a surname's key -> a full name it ends
    full_names: Counter[str] = Counter()  # a surname's key -> mentions of full names it ends
    place_words: set[str] = set()  # keys of places written like surnames, not as places
    not_places: set[str] = set()  # keys with a mention written as a place's
    for m in named:
        key = _key(m.text)
        votes[key][m.label] += 1
        words = m.text.split()
        strong = None
        if _title_before(text, m.start):
            strong = "a title before it"
        elif m.label != "NORP" and any(s < m.end and m.start < e for s, e in speakers):
            strong = "a quotation's speaker"  # (not a group: "Democrats said")
        elif m.label in _PEOPLE_MISTAKEN_FOR and _given_name_first(m.text):
            # Not for places: "Victoria Falls", "George Washington Bridge".
            strong = "a given name first"
        elif m.label in _PLACES and _written_as_surname(text, m):
            place_words.add(key)
        if strong:
            person.setdefault(key, strong)
        if m.label in _PLACES and _LOCATIVE.search(text, max(0, m.start - 12), m.start):
            not_places.add(key)
        if m.label == "PERSON" and len(words) >= 2:
            last = _key(words[-1])
            if last and last[0].isalpha():
                surnames.setdefault(last, " ".join(words))
                full_names[last] += 1
    for key, count in full_names.items():
        if key in votes:
            votes[key]["PERSON"] += count  # each mention of the full name counts for it
    for key in place_words - not_places - person.keys():
        if key not in surnames and set(votes[key]) <= _PLACES:
            person[key] = "ends as surnames do, and no sentence writes it as a place"
    chosen: dict[str, tuple[str, str]] = {}
    for key, counts in votes.items():
        if len(counts) == 1 and key not in person and key not in surnames:
            continue
        if key in person:
            chosen[key] = ("PERSON", person[key])
        elif key in surnames and _mostly_person(counts):
            chosen[key] = ("PERSON", f"the surname of {surnames[key]}")
        elif "NORP" not in counts:
            # A group's word ("Democrats", "Russian") read as an organisation or a place in
            # another sentence is mostly another sense of it, not a mistake: left as it is.
            label, top = counts.most_common(1)[0]
            if sum(1 for c in counts.values() if c == top) == 1:
                chosen[key] = (label, f"{top} of {sum(counts.values())} mentions are {label}")
    found: list[Mention] = []
    for m in mentions:
        if m.label in NAME_LABELS:
            label, why = chosen.get(_key(m.text), (m.label, ""))
            if label != m.label:
                m = replace(m, label=label, note=f"was {m.label}: {why}")
            if m.label == "PERSON":
                start, end = _trim_titles(text, m.start, m.end)
                if (start, end) != (m.start, m.end):
                    m = replace(m, start=start, end=end, text=text[start:end])
        found.append(m)
    return found


# --- entity groups: one real-world entity's mentions ---------------------------------------

# What kind of thing a label names, for grouping: a place is a place, whatever the label.
_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
          "NORP": "group", "PRODUCT": "product", "EVENT": "event", "LAW": "law",
          "WORK_OF_ART": "work", "LANGUAGE": "language"}  # fmt: skip
# Words left out of an acronym: "United States of America" is USA.
_MINOR = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "&"})


@dataclass(frozen=True, slots=True)
class Group:
    """One real-world entity of an article: its canonical name, its label, how many mentions,
    and the ways it is written (`variants`, most frequent first). `id` is the same in every
    article for the same canonical name and kind, so a corpus is filtered by it."""

    id: str
    name: str
    label: str
    mentions: int
    variants: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "mentions": self.mentions,
            "variants": list(self.variants),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Group:
        variants = data["variants"]
        if not isinstance(variants, list):
            raise TypeError("a group's variants are a list")
        return cls(str(data["id"]), str(data["name"]), str(data["label"]),
                   int(str(data["mentions"])), tuple(str(v) for v in variants))  # fmt: skip


def group_key(words: str) -> str:
    """A name as grouped: case, a leading "the", a possessive and full stops set aside
    ("The U.S.'s" is "us")."""
    return _key(words).replace(".", "").replace("’", "'")


def as_listed(words: str) -> str:
    """A mention as a variant is listed: without a possessive ending ("Putin's")."""
    words = " ".join(words.split())
    return _POSSESSIVE.sub("", words) if words.endswith(("'s", "’s")) else words


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in _MINOR]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def group_mentions(mentions: Sequence[Mention]) -> tuple[list[Mention], list[Group]]:
    """The mentions with their group's id in `group` (names only), and the groups in order of
    first mention. Mentions of a kind with one key are one group; a surname joins the one
    person named in full that it ends (two such people: it joins neither); an acronym joins
    the one name of its kind whose initials it is ("US", "U.S." join "the United States")."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for k, m in enumerate(mentions):
        kind = _KINDS.get(m.label)
        key = group_key(m.text)
        if kind and key:
            buckets.setdefault((kind, key), []).append(k)
    parent = {b: b for b in buckets}

    def root(b: tuple[str, str]) -> tuple[str, str]:
        while parent[b] != b:
            b = parent[b]
        return b

    multi = [b for b in buckets if len(b[1].split()) >= 2]
    for bucket in buckets:
        kind, key = bucket
        if " " in key:
            continue
        if kind == "person":
            owners = {b for b in multi if b[0] == "person" and b[1].split()[-1] == key}
        else:
            owners = {b for b in multi if b[0] == kind and _initials(b[1]) == key}
        if len({root(b) for b in owners}) == 1:
            parent[bucket] = root(next(iter(owners)))
    members: dict[tuple[str, str], list[int]] = {}
    for bucket, indices in buckets.items():
        members.setdefault(root(bucket), []).extend(indices)
    group_of: dict[int, Group] = {}
    made: list[tuple[int, Group]] = []
    for (kind, _name), indices in members.items():
        forms = Counter(as_listed(mentions[k].text) for k in indices)
        first = {f: min(k for k in indices if as_listed(mentions[k].text) == f) for f in forms}
        # The fullest form, as the text writes it (not a headline's capitals), most often.
        name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), forms[f], -first[f]))
        labels = Counter(mentions[k].label for k in indices)
        digest = hashlib.sha256(f"{kind}:{group_key(name)}".encode()).hexdigest()[:12]
        group = Group(f"g{digest}", name, labels.most_common(1)[0][0], len(indices),
                      tuple(f for f, _ in forms.most_common()))  # fmt: skip
        for k in indices:
            group_of[k] = group
        made.append((min(indices), group))
    grouped = [
        replace(m, group=group_of[k].id) if k in group_of else m for k, m in enumerate(mentions)
    ]
    return grouped, [g for _, g in sorted(made, key=lambda item: item[0])]


def search_forms(group: Group) -> tuple[str, ...]:
    """How to find the group's entity in other articles: its name and variants, an acronym
    with and without full stops ("US", "U.S."), and a person's surname alone."""
    forms = [group.name, *group.variants]
    for form in list(forms):
        letters = form.replace(".", "")
        if letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6:
            forms += [letters, "".join(f"{c}." for c in letters)]
    words = group.name.split()
    if group.label == "PERSON" and len(words) >= 2:
        forms.append(words[-1])
    for form in list(forms):
        if form.lower().startswith("the "):
            forms.append(form[4:])
    return tuple(dict.fromkeys(f for f in forms if f))


def speaker_groups(groups: Sequence[Group], speakers: Sequence[str | None]) -> list[str]:
    """The group each speaker name is (its id), or "": the group of a person or organisation
    that writes the name, or whose name it is, case and titles aside ("Putin" and "President
    Vladimir Putin" are the group "Vladimir Putin"). A name two groups could be is neither's."""
    named: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        if group.label not in ("PERSON", "ORG"):
            continue
        for form in (group.name, *group.variants):
            named[group_key(form)].add(group.id)
    found = []
    for speaker in speakers:
        ids: set[str] = set()
        if speaker:
            words = speaker.split()
            while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
                words = words[1:]
            ids = named.get(group_key(" ".join(words)), set())
        found.append(next(iter(ids)) if len(ids) == 1 else "")
    return found
