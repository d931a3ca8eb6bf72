"""Re-anchoring: the annotations of an article's old text, placed on its edited text.

Article ids are hashes of the text, so an edited corpus file gives a new article, and the
annotations of the old one would be left behind. `place` finds where each annotated span went:

1. exact: the two texts are aligned (which characters of the old text survive, unchanged,
   where in the new one). A span whose first and last characters survived, with the same text
   between them, is placed there. Else its text is looked for in the changed region that
   replaced it (between the nearest lines the edit did not touch), nearest where it should
   be; else, when the text occurs once in each text (and is not as short as "2" or "he"),
   where it is now: a moved paragraph, or a span the alignment could not follow.
2. fuzzy: its words (case and punctuation aside) are compared with the words the edit left
   between its surviving first and last characters; else matched against the words near
   where it should be, in a bounded window. Words at least FUZZY_MATCH alike (2 * matched
   words / all words) are taken, snapped to word boundaries, with the span's own leading and
   trailing punctuation where the new text has it too.
3. otherwise it is not placed: it is never put on words that merely happen to be near.

The alignment is a patience diff: lines first, anchored by lines rare on both sides (never by
difflib, whose match of a blank line can cross a moved span), then words within the lines that
changed (rare words anchor, difflib fills small gaps; where no word is rare, as in re-wrapped
text, word trigrams anchor). A 100,000-word article with 5,000 annotations re-anchors in a
fraction of a second (bench/store.py), where difflib on its words alone takes over a minute.
Everything here is deterministic.

`similarity` tells an edited text from another article that has the same file name
(annotations/workspace.py finds edited articles with it; Store.move_article moves them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.article import Article

# Token similarity (2 * matched words / all words) a fuzzy placement needs.
FUZZY_MATCH = 0.75
# Share of the smaller text's word trigrams found in the other: two texts of one source at
# least this alike are taken as one article before and after an edit.
EDIT_SIMILARITY = 0.6
# A span the alignment cannot follow is placed by its text alone (when it occurs once in each
# text) only when it is at least this long.
_UNIQUE_CHARS = 4
# The fuzzy search: characters either side of where the span should be, and the most words
# of a span it tries (a longer span is placed exactly or not at all).
_WINDOW = 400
_MAX_WINDOW = 5_000
_MAX_FUZZY_WORDS = 3_000
# difflib fills a gap without anchors only when it is this small (tokens x tokens).
_SMALL_GAP = 10_000
_ANCHOR_REPEATS = 3

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Placement:
    """Where an annotated span is on the new text; `how` is "exact" or "fuzzy"."""

    start: int
    end: int
    how: str


def place(
    old_text: str, new_text: str, spans: Sequence[tuple[int, int, str]]
) -> list[Placement | None]:
    """Each `(start, end, annotated text)` of `old_text` placed on `new_text`, or None."""
    if not spans:
        return []
    alignment = Alignment(old_text, new_text)
    placer = _Placer(old_text, new_text, alignment)
    return [placer.place(start, end, text) for start, end, text in spans]


class Alignment:
    """The characters of the old text that survive unchanged, and where in the new text.

    `blocks` are (old start, new start, length), in order on both sides.
    """

    def __init__(self, old: str, new: str) -> None:
        self.old_length = len(old)
        self.new_length = len(new)
        # Lines anchored by rare lines (reliable, coarse), then words within changed lines.
        self.lines, self.blocks = _align(old, new)
        self._starts = [b[0] for b in self.blocks]

    def char(self, position: int) -> int | None:
        """Where the old text's character at `position` is in the new text, if unchanged."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0:
            a, b, size = self.blocks[i]
            if position < a + size:
                return b + position - a
        return None

    def estimate(self, position: int) -> int:
        """Where old `position` would be in the new text: exact in an unchanged block, else
        in proportion within the changed region around it."""
        mapped = self.char(position)
        if mapped is not None:
            return mapped
        i = bisect_right(self._starts, position) - 1
        old_lo, new_lo = (
            (0, 0)
            if i < 0
            else (self.blocks[i][0] + self.blocks[i][2], self.blocks[i][1] + self.blocks[i][2])
        )
        if i + 1 < len(self.blocks):
            old_hi, new_hi = self.blocks[i + 1][0], self.blocks[i + 1][1]
        else:
            old_hi, new_hi = self.old_length, self.new_length
        if old_hi <= old_lo:
            return new_lo
        return new_lo + (position - old_lo) * (new_hi - new_lo) // (old_hi - old_lo)

    def region(self, start: int, end: int, coarse: bool = False) -> tuple[int, int]:
        """The new text between the last unchanged character before `start` and the first
        one at or after `end`: what the old `[start, end)` became. `coarse`: by the lines
        anchored by rare lines only, a wider region whose bounds are never wrong (a match of
        common words can cross a moved span)."""
        blocks = self.lines if coarse else self.blocks
        starts = [b[0] for b in blocks] if coarse else self._starts
        i = bisect_right(starts, start) - 1
        if i < 0:
            lo = 0
        else:
            a, b, size = blocks[i]
            lo = b + min(start - a, size)
        j = bisect_right(starts, end - 1)
        # The block holding end - 1, if any, maps `end` directly.
        k = j - 1
        if k >= 0 and blocks[k][0] <= end - 1 < blocks[k][0] + blocks[k][2]:
            a, b, _size = blocks[k]
            return lo, max(lo, b + end - a)
        hi = blocks[j][1] if j < len(blocks) else self.new_length
        return lo, max(lo, hi)


class _Placer:
    def __init__(self, old: str, new: str, alignment: Alignment) -> None:
        self.old = old
        self.new = new
        self.alignment = alignment
        self._counts: dict[str, tuple[int, int]] = {}

    def place(self, start: int, end: int, text: str) -> Placement | None:
        if not (0 <= start < end) or not text:
            return None
        first, last = self.alignment.char(start), self.alignment.char(end - 1)
        natural = None
        if first is not None and last is not None and first <= last:
            natural = (first, last + 1)
            if self.new[first : last + 1] == text:
                return Placement(first, last + 1, "exact")
        lo, hi = self.alignment.region(start, end, coarse=True)
        near = self._nearest(text, lo, hi, self.alignment.estimate(start))
        if near is not None:
            return Placement(near, near + len(text), "exact")
        moved = self._moved(text)
        if moved is not None:
            return Placement(moved, moved + len(text), "exact")
        wanted = [w.casefold() for w in _WORD.findall(text)]
        if natural is not None and wanted:  # first and last characters survived: an edit inside
            inside = [w.casefold() for w in _WORD.findall(self.new, *natural)]
            if _ratio(wanted, inside) >= FUZZY_MATCH:
                return Placement(natural[0], natural[1], "fuzzy")
        return self._fuzzy(start, end, text, wanted)

    def _nearest(self, text: str, lo: int, hi: int, target: int) -> int | None:
        """The occurrence of `text` within new[lo:hi] that starts nearest `target`."""
        target = min(max(target, lo), hi)
        after = self.new.find(text, target, hi)
        before = self.new.rfind(text, lo, min(hi, target + len(text) - 1))
        found = [at for at in (before, after) if at >= 0]
        return min(found, key=lambda at: (abs(at - target), at)) if found else None

    def _moved(self, text: str) -> int | None:
        """The one place of a text that occurs once in each text (or no longer at its offsets
        in the old one): a paragraph moved, or a span the alignment could not follow. Not
        for a text as short as "2" or "he", which an edit may drop in one place and add in
        another."""
        if len(text) < _UNIQUE_CHARS or not _WORD.search(text):
            return None
        if text not in self._counts:
            in_new = _count_upto(self.new, text, 2)
            self._counts[text] = (_count_upto(self.old, text, 2) if in_new == 1 else 2, in_new)
        in_old, in_new = self._counts[text]
        if in_old <= 1 and in_new == 1:
            return self.new.find(text)
        return None

    def _fuzzy(self, start: int, end: int, text: str, wanted: list[str]) -> Placement | None:
        """The run of words near where the span should be that is most like its words."""
        if not wanted or len(wanted) > _MAX_FUZZY_WORDS:
            return None
        guess_start = self.alignment.estimate(start)
        guess_end = max(guess_start + 1, self.alignment.estimate(end - 1) + 1)
        lo, hi = self.alignment.region(start, end)
        reach = min(_MAX_WINDOW, max(_WINDOW, 2 * len(text)))
        window_lo = max(0, min(lo, guess_start) - reach)
        window_hi = min(len(self.new), max(hi, guess_end) + reach)
        if window_hi - window_lo > 2 * _MAX_WINDOW + (guess_end - guess_start):
            window_lo = max(0, guess_start - _MAX_WINDOW)
            window_hi = min(len(self.new), guess_end + _MAX_WINDOW)
        found = list(_WORD.finditer(self.new, window_lo, window_hi))
        if not found:
            return None
        words = [m.group().casefold() for m in found]
        best: tuple[float, int, int, int] | None = None  # (ratio, -distance, first, last)
        for first, last, matched in _clusters(wanted, words):
            ratio = 2 * matched / (len(wanted) + last - first + 1)
            key = (ratio, -abs(found[first].start() - guess_start), first, last)
            if ratio >= FUZZY_MATCH and (best is None or key[:2] > best[:2]):
                best = key
        if best is None:
            return None
        span_start, span_end = found[best[2]].start(), found[best[3]].end()
        return Placement(*self._with_edges(text, span_start, span_end), "fuzzy")

    def _with_edges(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The word-snapped span, widened by the annotated text's own leading and trailing
        non-word characters (quotes, a full stop) where the new text has them too."""
        words = list(_WORD.finditer(text))
        lead, trail = text[: words[0].start()], text[words[-1].end() :]
        if lead and self.new[max(0, start - len(lead)) : start] == lead:
            start -= len(lead)
        if trail and self.new[end : end + len(trail)] == trail:
            end += len(trail)
        return start, end


def _clusters(wanted: list[str], words: list[str]) -> list[tuple[int, int, int]]:
    """Runs of `words` that match `wanted` in order: (first index, last index, words matched).

    Matching blocks of difflib's alignment, grouped where they lie close together (a gap of a
    few words is an edit inside the span; a larger one is another place).
    """
    matcher = SequenceMatcher(None, wanted, words, autojunk=False)
    gap = max(2, len(wanted) // 4)
    found: list[tuple[int, int, int]] = []
    current: list[int] | None = None  # [first, last, matched]
    for _a, b, size in matcher.get_matching_blocks():
        if not size:
            continue
        if current is not None and b - current[1] - 1 <= gap:
            current[1] = b + size - 1
            current[2] += size
            continue
        if current is not None:
            found.append((current[0], current[1], current[2]))
        current = [b, b + size - 1, size]
    if current is not None:
        found.append((current[0], current[1], current[2]))
    return found


def _ratio(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _count_upto(text: str, needle: str, limit: int) -> int:
    count, at = 0, text.find(needle)
    while at >= 0 and count < limit:
        count += 1
        at = text.find(needle, at + 1)
    return count


# --- alignment ---------------------------------------------------------------------------


def _align(old: str, new: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Character blocks (old start, new start, length) unchanged from `old` to `new`: those
    of whole lines anchored by rare lines, and those also of words within changed lines."""
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    lines: list[tuple[int, int, int]] = []
    words: list[tuple[int, int, int]] = []
    if prefix:
        lines.append((0, 0, prefix))
    old_mid, new_mid = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    if old_mid and new_mid:
        old_lines = old_mid.splitlines(keepends=True)
        new_lines = new_mid.splitlines(keepends=True)
        old_at, new_at = _offsets(old_lines, prefix), _offsets(new_lines, prefix)
        a_done, b_done = 0, 0
        # No difflib among lines: a common line matched across a moved span would cross it.
        matched = _match(old_lines, new_lines, fill_small_gaps=False)
        for i, j, size in [*matched, (len(old_lines), len(new_lines), 0)]:
            if i > a_done and j > b_done:  # lines changed on both sides: align their words
                words += _word_blocks(
                    old, old_at[a_done], old_at[i], new, new_at[b_done], new_at[j]
                )
            if size:
                lines.append((old_at[i], new_at[j], old_at[i + size] - old_at[i]))
            a_done, b_done = i + size, j + size
    if suffix:
        lines.append((len(old) - suffix, len(new) - suffix, suffix))
    return _merged(lines), _merged(lines + words)


def _word_blocks(
    old: str, old_lo: int, old_hi: int, new: str, new_lo: int, new_hi: int
) -> list[tuple[int, int, int]]:
    old_tokens = _TOKEN.findall(old, old_lo, old_hi)
    new_tokens = _TOKEN.findall(new, new_lo, new_hi)
    old_at, new_at = _offsets(old_tokens, old_lo), _offsets(new_tokens, new_lo)
    return [
        (old_at[i], new_at[j], old_at[i + size] - old_at[i])
        for i, j, size in _match(old_tokens, new_tokens)
    ]


def _offsets(pieces: list[str], base: int) -> list[int]:
    at = [base]
    for piece in pieces:
        at.append(at[-1] + len(piece))
    return at


def _merged(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    merged: list[tuple[int, int, int]] = []
    for a, b, size in sorted(blocks):
        if size <= 0:
            continue
        if merged:
            pa, pb, psize = merged[-1]
            if pa + psize == a and pb + psize == b:
                merged[-1] = (pa, pb, psize + size)
                continue
        merged.append((a, b, size))
    return merged


def _common_prefix(a: str, b: str) -> int:
    limit, step, at = min(len(a), len(b)), 4096, 0
    while at < limit and a[at : at + step] == b[at : at + step]:
        at += step
    hi = min(at + step, limit)
    while at < hi and a[at] == b[at]:
        at += 1
    return min(at, limit)


def _common_suffix(a: str, b: str, limit: int) -> int:
    la, lb, step, at = len(a), len(b), 4096, 0
    while at + step <= limit and a[la - at - step : la - at] == b[lb - at - step : lb - at]:
        at += step
    while at < limit and a[la - at - 1] == b[lb - at - 1]:
        at += 1
    return at


def _match(a: list[str], b: list[str], fill_small_gaps: bool = True) -> list[tuple[int, int, int]]:
    """Matching runs (i, j, size) of two token lists, in order: a patience diff.

    Equal tokens at both ends are matched; a small remainder is left to difflib; in a large
    one, tokens rare on both sides anchor the match (their longest run in order), and the
    gaps between anchors are matched the same way.
    """
    runs: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        if head:
            runs.append((alo, blo, head))
            alo, blo = alo + head, blo + head
        tail = 0
        while ahi - tail > alo and bhi - tail > blo and a[ahi - tail - 1] == b[bhi - tail - 1]:
            tail += 1
        if tail:
            runs.append((ahi - tail, bhi - tail, tail))
            ahi, bhi = ahi - tail, bhi - tail
        if alo == ahi or blo == bhi:
            continue
        if fill_small_gaps and (ahi - alo) * (bhi - blo) <= _SMALL_GAP:  # quick and good here
            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            runs += [(alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n]
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            i0, j0 = alo, blo
            for i, j in anchors:
                stack.append((i0, i, j0, j))
                runs.append((i, j, 1))
                i0, j0 = i + 1, j + 1
            stack.append((i0, ahi, j0, bhi))
    return sorted(runs)


def _anchors(
    a: list[str], alo: int, ahi: int, b: list[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Pairs of equal tokens, the longest run of them in order.

    Tokens that occur as often in a[alo:ahi] as in b[blo:bhi], and at most _ANCHOR_REPEATS
    times, pair the k-th with the k-th (once on each side is patience diff's rule; a few
    times keeps anchors where few words are unique). Where no token qualifies, each word with
    the two words after it (white space aside) is taken as the token: text whose lines were
    re-wrapped, or whose words all repeat, still aligns.
    """
    pairs = _pairs(a[alo:ahi], alo, b[blo:bhi], blo)
    if not pairs:
        pairs = _pairs(*_trigrams(a, alo, ahi), *_trigrams(b, blo, bhi))
    if not pairs:
        return []
    return _increasing(pairs)


def _pairs(
    a: Sequence[Hashable], a_base: int, b: Sequence[Hashable], b_base: int
) -> list[tuple[int, int]]:
    """(index in a, index in b) of tokens as frequent in both and rare; in order of a."""
    in_a, in_b = Counter(a), Counter(b)
    # White space never anchors: a blank line matched across a moved span would cross it.
    kept = {
        t
        for t, n in in_b.items()
        if t is not None
        and not (isinstance(t, str) and t.isspace())
        and n <= _ANCHOR_REPEATS
        and in_a.get(t) == n
    }
    if not kept:
        return []
    where_b: dict[Hashable, list[int]] = {}
    for j, token in enumerate(b):
        if token in kept:
            where_b.setdefault(token, []).append(j)
    seen: Counter[Hashable] = Counter()
    pairs = []
    for i, token in enumerate(a):
        if token in kept:
            pairs.append((a_base + i, b_base + where_b[token][seen[token]]))
            seen[token] += 1
    return pairs


def _trigrams(tokens: list[str], lo: int, hi: int) -> tuple[list[Hashable], int]:
    """Each token of tokens[lo:hi] as the triple of it and the next two that are not white
    space (white space itself as None, never equal to anything)."""
    solid = [i for i in range(lo, hi) if not tokens[i].isspace()]
    keys: list[Hashable] = [None] * (hi - lo)
    for k in range(len(solid) - 2):
        i = solid[k]
        keys[i - lo] = (tokens[i], tokens[solid[k + 1]], tokens[solid[k + 2]])
    return keys, lo


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their first) whose seconds increase."""

    tails: list[int] = []  # index into pairs of the smallest tail of each length
    tail_js: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        length = bisect_right(tail_js, j)
        back[k] = tails[length - 1] if length else -1
        if length == len(tails):
            tails.append(k)
            tail_js.append(j)
        else:
            tails[length] = k
            tail_js[length] = j
    chain = []
    k = tails[-1]
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


# --- telling an edit from another article ------------------------------------------------


def similarity(old: Article, new: Article) -> float:
    """How much of the smaller text's body (boilerplate aside) is in the other: the share of
    its word trigrams found there: near 1.0 for an article with a word changed or a paragraph
    added; near 0 for two unrelated articles, even of one site."""
    a, b = _body_words(old), _body_words(new)
    if min(len(a), len(b)) < 12:  # too few trigrams to tell: compare the words themselves
        return _ratio(a, b)
    ta, tb = set(zip(a, a[1:], a[2:], strict=False)), set(zip(b, b[1:], b[2:], strict=False))
    return len(ta & tb) / min(len(ta), len(tb))


def _body_words(article: Article) -> list[str]:
    text = article.text
    if article.boilerplate:
        kept, at = [], 0
        for start, end in sorted(article.boilerplate):
            kept.append(text[at:start])
            at = max(at, end)
        kept.append(text[at:])
        text = "\n".join(kept)
    return [w.casefold() for w in _WORD.findall(text)]
