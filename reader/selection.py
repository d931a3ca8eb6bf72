"""Selecting a span by keyboard: words of the text and a selection that grows by word,
sentence or paragraph, as in vim's visual mode.

A selection has an anchor (where `v` started it) and a head (what `h`/`l`, `w`/`b`, `j`/`k`
move); it covers both and everything between, so moving the head past the anchor turns it
around. Its units are the text's words and punctuation marks (splitting as spaCy's English
tokenizer does in news text, so a selection ends where an exported token ends), or single
characters when the setting asks for character precision.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# As spaCy's English tokenizer splits news text: abbreviations with dots (U.S.), numbers with
# separators and decimals, clitics ('s, n't) and hyphens apart from their words, else words,
# else one mark.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,:]\d+)*"
    r"|[^\W_]+(?=n['’]t\b)"
    r"|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b"
    r"|[^\W_]+(?:['’](?!(?:s|re|ve|ll|d|m)\b)[^\W_]+)*"
    r"|\S"
)


class Words:
    """The units a selection snaps to, in text order: `tokens` (the pipeline's own, as the
    export has them) when given, else this module's model of them, or characters."""

    def __init__(
        self,
        text: str,
        characters: bool = False,
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        if characters:
            spans = [(i, i + 1) for i, c in enumerate(text) if not c.isspace()]
        elif tokens:
            spans = [(s, e) for s, e in tokens if s < e and not text[s:e].isspace()]
        else:
            spans = [m.span() for m in _TOKEN.finditer(text)]
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.words = [i for i, (s, e) in enumerate(spans) if text[s:e][0].isalnum()]

    def __len__(self) -> int:
        return len(self.spans)

    def at(self, offset: int) -> int:
        """The unit holding `offset`, else the next one (the last at the end)."""
        if not self.spans:
            return 0
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.spans[index][1]:
            return index
        return min(index + 1, len(self.spans) - 1)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """The first and last unit touched by `[start, end)`."""
        first = self.at(start)
        last = max(bisect_left(self.starts, end) - 1, first)
        return first, last

    def next_word(self, index: int, step: int) -> int:
        """The next (or previous) unit that is a word, skipping punctuation; `index` itself
        when there is none that way."""
        at = bisect_right(self.words, index) if step > 0 else bisect_left(self.words, index) - 1
        if 0 <= at < len(self.words):
            return self.words[at]
        return index


@dataclass(frozen=True)
class Selection:
    """Units `anchor` to `head` (either order), inclusive."""

    anchor: int
    head: int

    def bounds(self, words: Words) -> tuple[int, int]:
        """The selection as a `[start, end)` span of the text."""
        first, last = min(self.anchor, self.head), max(self.anchor, self.head)
        return words.spans[first][0], words.spans[last][1]

    def move(self, head: int, words: Words) -> Selection:
        return Selection(self.anchor, min(max(head, 0), len(words) - 1))

    def by_sentence(
        self, step: int, words: Words, sentences: Sequence[tuple[int, int]]
    ) -> Selection:
        """`j` (step 1) takes the head to the end of its sentence, or of the next one when it
        is there already; `k` to the start of its sentence, or of the one before."""
        if not sentences:
            return self
        starts = [s for s, _ in sentences]
        head_start, head_end = words.spans[self.head]
        index = max(bisect_right(starts, head_start) - 1, 0)
        if step > 0:
            end = sentences[index][1]
            if head_end >= _last_word_end(words, end) and index + 1 < len(sentences):
                end = sentences[index + 1][1]
            return self.move(words.covering(head_start, end)[1], words)
        start = sentences[index][0]
        if head_start <= words.spans[words.at(start)][0] and index > 0:
            start = sentences[index - 1][0]
        return self.move(words.at(start), words)


def _last_word_end(words: Words, end: int) -> int:
    last = max(bisect_left(words.starts, end) - 1, 0)
    return words.spans[last][1] if words.spans else end
