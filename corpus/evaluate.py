"""Scoring detected quotations against a gold file: recall, precision, speaker accuracy.

A gold line names an article by its source's prefix and a quotation by where it starts
(`from`, the opening mark included for short fragments) and ends (`to`, the closing mark
included). A prediction matches a gold quotation when they overlap and end within two
characters of each other: where a quotation ends is unambiguous, where one whose opening mark
was lost starts is a judgement call. Speakers match on their last word ("Putin" and
"Vladimir Putin" agree), so neither tool is marked down for naming style.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus.quotes import Quote


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation, gold or predicted: `[start, end)` with its speaker and kind."""

    start: int
    end: int
    speaker: str | None
    kind: str = "direct"

    @classmethod
    def of(cls, quote: Quote) -> Span:
        """A detected quotation, to be scored."""
        return cls(quote.start, quote.end, quote.speaker, quote.kind.value)


class _Rates:
    """Recall and precision of counts of gold, predicted and matched quotations."""

    __slots__ = ()
    gold: int
    predicted: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0


@dataclass(frozen=True, slots=True)
class Scores(_Rates):
    gold: int
    predicted: int
    matched: int
    speakers_right: int

    @property
    def speaker_accuracy(self) -> float:
        """Gold quotations found with the right speaker, over all gold quotations."""
        return self.speakers_right / self.gold if self.gold else 1.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
            self.speakers_right + other.speakers_right,
        )


def load_gold(path: Path, texts: Mapping[str, str]) -> dict[str, list[Span]]:
    """Gold quotations per article key (the keys of `texts`), located in those texts."""
    gold: dict[str, list[Span]] = {key: [] for key in texts}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        text = texts[item["article"]]
        start = text.find(item["from"])
        end = text.find(item["to"], max(start, 0))
        if start < 0 or end < 0:
            raise ValueError(f"{path}:{number}: quotation not found in {item['article']}")
        gold[item["article"]].append(
            Span(start, end + len(item["to"]), item.get("speaker"), item.get("kind", "direct"))
        )
    return gold


def surname(name: str | None) -> str | None:
    words = (name or "").replace("’s", "").split()
    return words[-1].lower().strip(".,") if words else None


def score(gold: Sequence[Span], predicted: Sequence[Span], kind: str = "direct") -> Scores:
    """Scores of one article's predictions of `kind` against its gold quotations of `kind`."""
    wanted = [g for g in gold if g.kind == kind]
    offered = [p for p in predicted if p.kind == kind]
    used: set[int] = set()
    matched = right = 0
    for g in wanted:
        for k, p in enumerate(offered):
            if k in used or not (p.start < g.end and g.start < p.end):
                continue
            if abs(p.end - g.end) <= 2:
                used.add(k)
                matched += 1
                right += g.speaker is not None and surname(p.speaker) == surname(g.speaker)
                break
    return Scores(len(wanted), len(offered), matched, right)


# --- passages of real-style news (tests/gold/news_*.jsonl) --------------------------------
#
# A passage file holds one JSON object per line: `id`, `style` (the outlet it is written
# like), `text` (paragraphs separated by blank lines) and `quotes`, every quotation of the
# text: `content` (a piece of its words found once in the text), optional `also` (another
# piece of the same quotation), `kind` (`direct`, `fragment`, or `title` for a title of a
# work in marks) and, for direct ones, `speaker` (the fullest name the passage gives, or the
# description as written for an unnamed one, or null), `accept` (other right forms),
# `speaker_text` (the mention as written at the attribution) and `speaker_kind` (`name`,
# `pronoun`, `description`, `organisation` or `none`).

SPEAKER_KINDS = ("name", "pronoun", "description", "organisation", "none")
GOLD_KINDS = ("direct", "fragment", "title")

# Titles and honorifics that a name may carry or lose without naming someone else.
_TITLES = frozenset(
    """mr mrs ms miss dr prof rep sen gov lt col gen sgt capt president vice senator
    representative governor mayor judge justice secretary minister chancellor premier
    sir dame lord lady rev father sister cllr councillor commissioner chief deputy
    ambassador speaker leader""".split()
)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    content: str
    kind: str
    also: str | None = None
    speaker: str | None = None
    accept: tuple[str, ...] = ()
    speaker_text: str | None = None
    speaker_kind: str = "none"


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    style: str
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """A direct quotation a tool found: its words' offsets and the speaker it names."""

    content_start: int
    content_end: int
    speaker: str | None
    speaker_kind: str | None = None  # None: the tool does not say


def load_passages(path: Path) -> list[Passage]:
    """The passages of a gold file; ValueError names the line of anything malformed."""
    passages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            item = json.loads(line)
            text = item["text"]
            quotes = tuple(_gold_quote(q, text) for q in item["quotes"])
            passages.append(Passage(str(item["id"]), str(item.get("style", "")), text, quotes))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{where}: {exc}") from None
    return passages


def _gold_quote(item: Mapping[str, object], text: str) -> GoldQuote:
    content, also = item["content"], item.get("also")
    for piece in (content, also):
        if piece is not None and (not isinstance(piece, str) or text.count(piece) != 1):
            raise ValueError(f"{piece!r} is not found exactly once in the passage")
    kind = item.get("kind", "direct")
    if kind not in GOLD_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    speaker_kind = item.get("speaker_kind") or "none"
    if speaker_kind not in SPEAKER_KINDS:
        raise ValueError(f"unknown speaker_kind {speaker_kind!r}")
    accept = item.get("accept") or ()
    speaker = item.get("speaker")
    return GoldQuote(
        str(content),
        str(kind),
        None if also is None else str(also),
        None if speaker is None else str(speaker),
        tuple(str(a) for a in accept) if isinstance(accept, list | tuple) else (),
        None if item.get("speaker_text") is None else str(item.get("speaker_text")),
        str(speaker_kind),
    )


def person_key(name: str | None) -> str:
    """A name compared without case, titles (but a title alone), a leading article or a
    possessive."""
    words = [w.strip(".,;:!?\"'“”‘’()") for w in (name or "").replace("’s", "").split()]
    words = [w.lower() for w in words if w]
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)  # a title alone is what names them: "the father", "the judge"
    return " ".join(words)


def same_speaker(got: str | None, gold: GoldQuote) -> bool:
    """Whether `got` names the gold speaker: its words (without titles, case or a leading
    article) are all words of the gold name or an accepted form. "Sen. Ted Cruz", "Cruz" and
    "ted cruz" name Ted Cruz; "Rafael Cruz" and "he" do not."""
    if gold.speaker is None:
        return got is None
    found = person_key(got).split()
    return bool(found) and any(
        set(found) <= set(person_key(x).split()) for x in (gold.speaker, *gold.accept)
    )


@dataclass(slots=True)
class NewsScores(_Rates):
    """Counts for the measures of quotations and speakers on passages.

    `gold`, `predicted` and `matched` are direct quotations; `speakers[kind]` is (matched gold
    quotations whose speaker mention is of that kind, of them with the right speaker);
    `attributed` is (gold direct quotations with a speaker, of them found with the right
    one)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speakers: dict[str, list[int]] = field(default_factory=dict)
    attributed: list[int] = field(default_factory=lambda: [0, 0])
    kinds: list[int] = field(default_factory=lambda: [0, 0])  # matched, with the right kind
    misses: list[tuple[str, GoldQuote, str | None]] = field(default_factory=list)
    extra: list[tuple[str, str, str | None]] = field(default_factory=list)

    def add(self, other: NewsScores) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        for kind, (n, right) in other.speakers.items():
            mine = self.speakers.setdefault(kind, [0, 0])
            mine[0] += n
            mine[1] += right
        self.attributed[0] += other.attributed[0]
        self.attributed[1] += other.attributed[1]
        self.kinds[0] += other.kinds[0]
        self.kinds[1] += other.kinds[1]
        self.misses.extend(other.misses)
        self.extra.extend(other.extra)

    @property
    def f1(self) -> float:
        total = self.gold + self.predicted
        return 2 * self.matched / total if total else 1.0

    def speaker_rate(self, *kinds: str) -> float | None:
        n = sum(self.speakers.get(k, [0, 0])[0] for k in kinds)
        right = sum(self.speakers.get(k, [0, 0])[1] for k in kinds)
        return right / n if n else None

    @property
    def attributed_rate(self) -> float:
        n, right = self.attributed
        return right / n if n else 1.0


def score_passage(passage: Passage, predicted: Sequence[Predicted]) -> NewsScores:
    """One passage's counts: a prediction matches a gold quotation when its words take in the
    gold `content` (and `also`); each prediction matches at most one. A prediction that
    matches no direct quotation (a fragment, a title, nothing) is a false positive."""
    result = NewsScores()
    text = passage.text
    direct = [q for q in passage.quotes if q.kind == "direct"]
    result.gold = len(direct)
    result.predicted = len(predicted)
    used: set[int] = set()
    for gold in direct:
        pieces = [(text.index(p), text.index(p) + len(p)) for p in (gold.content, gold.also) if p]
        found = None
        for k, p in enumerate(predicted):
            inside = all(p.content_start <= s and e <= p.content_end for s, e in pieces)
            if k not in used and inside:
                found = k
                break
        if gold.speaker is not None:
            result.attributed[0] += 1
        if found is None:
            result.misses.append((passage.id, gold, None))
            continue
        used.add(found)
        result.matched += 1
        got = predicted[found].speaker
        right = same_speaker(got, gold)
        if predicted[found].speaker_kind is not None:
            result.kinds[0] += 1
            result.kinds[1] += predicted[found].speaker_kind == gold.speaker_kind
        tally = result.speakers.setdefault(gold.speaker_kind, [0, 0])
        tally[0] += 1
        tally[1] += right
        if gold.speaker is not None and right:
            result.attributed[1] += 1
        if not right:
            result.misses.append((passage.id, gold, got or "(none)"))
    for k, p in enumerate(predicted):
        if k not in used:
            words = text[p.content_start : p.content_end]
            result.extra.append((passage.id, words[:60], p.speaker))
    return result
