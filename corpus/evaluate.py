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
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Scores:
    gold: int
    predicted: int
    matched: int
    speakers_right: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

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
