"""How much annotators agree: span F1 (exact and overlap), token kappa and alpha, per article.

`assay agree` reads the workspace through `annotations.team.select` and hands the articles
here with their tokens; this module only counts. The measures (the README's "Agreement"
section says the same for users):

- **exact span F1** of two annotators A and B: spans are the same when start, end and label
  are; F1 = 2·|A∩B| / (|A|+|B|) over the articles both take part in. Per label, the spans of
  that label; overall, the same sums over all labels. An annotator's duplicate spans (same
  start, end and label) count once.
- **overlap F1**: as exact, but two spans of the same label match when their overlap is at
  least half of the longer one, matched one to one, largest overlap first (on equal overlap,
  the pair whose union is shorter, then the one further left). Identical spans always
  match each other under that order, so exact matches are taken first and the greedy match
  runs on the rest: overlap F1 is never below exact F1.
- **token agreement per label**: each token of the export's tokenizer is in or out of a span
  of the label for each annotator, "in" when at least one of its characters lies inside such
  a span (a span of white space alone covers no token). Cohen's kappa for each pair on the
  tokens of the articles both take part in; Krippendorff's alpha (nominal, the `krippendorff`
  package) across all annotators, an annotator who does not take part in an article being a
  missing value for its tokens. Overall, every (token, label) pair is one item: kappa and
  alpha over those items pooled over the labels that have spans.
- **more than two annotators**: F1 and kappa are the mean over the pairs that have a figure;
  alpha is one figure across everyone. Each pair is also reported on its own.
- **per article**: exact and overlap F1 over all labels, the mean over the pairs of
  annotators that take part in it.

A figure with nothing to measure is None (`null` in JSON, a dash in the table): F1 when
neither annotator made a span; kappa when every token has the same value for both
annotators (expected agreement 1, e.g. neither used the label); alpha when no token has two
values or all of them have the same value.
"""

from __future__ import annotations

import math
import warnings
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import krippendorff
import numpy as np
import numpy.typing as npt

from annotations.model import Annotation
from annotations.spancache import FileSpans
from annotations.team import SpanArticle, TeamArticle
from corpus.tokens import Tokens

# One pair of annotators, in naming order.
Pair = tuple[str, str]
# A pooled count of identical units given to the alpha package as one unit of that many
# values: its share of the coincidence matrix, c·c - c over c - 1 = c, is exact in float64
# only while c·c stays below 2**53.
_POOLED_UNIT = 2**24


@dataclass(frozen=True)
class Compared:
    """One article of a comparison: who made which spans (`annotations.team.select`), the
    export's tokens of its text, and its title for the report."""

    article: TeamArticle | SpanArticle
    tokens: Tokens
    title: str = ""


@dataclass(frozen=True)
class Figures:
    """The four measures of one label (or all labels), for a pair or for everyone."""

    exact_f1: float | None
    overlap_f1: float | None
    kappa: float | None
    alpha: float | None

    def to_dict(self) -> dict[str, float | None]:
        return {
            "exact_f1": self.exact_f1,
            "overlap_f1": self.overlap_f1,
            "kappa": self.kappa,
            "alpha": self.alpha,
        }


@dataclass(frozen=True)
class Counts:
    """What a pair's F1 is made of: spans matched exactly, spans matched by overlap
    (exact ones included), and how many spans each of the two made."""

    exact: int = 0
    overlap: int = 0
    first: int = 0
    second: int = 0

    def plus(self, other: Counts) -> Counts:
        return Counts(
            self.exact + other.exact,
            self.overlap + other.overlap,
            self.first + other.first,
            self.second + other.second,
        )

    @property
    def exact_f1(self) -> float | None:
        return f1(self.exact, self.first, self.second)

    @property
    def overlap_f1(self) -> float | None:
        return f1(self.overlap, self.first, self.second)


@dataclass(frozen=True)
class PairResult:
    """Two annotators on the articles both take part in."""

    annotators: Pair
    articles: int
    overall: Figures
    labels: Mapping[str, Figures]
    counts: Mapping[str, Counts]

    def to_dict(self) -> dict[str, Any]:
        first, second = self.annotators
        return {
            "annotators": list(self.annotators),
            "articles": self.articles,
            **self.overall.to_dict(),
            "labels": {
                label: {
                    **figures.to_dict(),
                    "spans": {first: self.counts[label].first, second: self.counts[label].second},
                    "exact_matches": self.counts[label].exact,
                    "overlap_matches": self.counts[label].overlap,
                }
                for label, figures in self.labels.items()
            },
        }


@dataclass(frozen=True)
class ArticleResult:
    """One article's span F1 over all labels (the mean over its pairs of annotators)."""

    article_id: str
    title: str
    exact_f1: float | None
    overlap_f1: float | None
    annotators: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "exact_f1": self.exact_f1,
            "overlap_f1": self.overlap_f1,
            "annotators": list(self.annotators),
        }


@dataclass(frozen=True)
class Agreement:
    """The whole report. `by_article` is sorted worst first: lowest exact F1, then lowest
    overlap F1, then id; articles where nobody made a span (no figure) come last."""

    annotators: tuple[str, ...]
    articles: int
    labels: Mapping[str, Figures]
    spans: Mapping[str, Mapping[str, int]]  # label -> annotator -> spans made
    overall: Figures
    pairs: list[PairResult]
    by_article: list[ArticleResult]
    tokens: int = 0  # tokens of the compared articles

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape documented in the README (stable; keys may be added)."""
        return {
            "annotators": list(self.annotators),
            "articles": self.articles,
            "labels": {
                label: {**figures.to_dict(), "spans": dict(self.spans[label])}
                for label, figures in self.labels.items()
            },
            "overall": self.overall.to_dict(),
            "pairs": [pair.to_dict() for pair in self.pairs],
            "by_article": [article.to_dict() for article in self.by_article],
            "tokens": self.tokens,
        }


def f1(matched: int, first: int, second: int) -> float | None:
    """2·matched / (first + second); None when neither made a span."""
    total = first + second
    return None if total == 0 else 2 * matched / total


def cohen_kappa(both: int, first_only: int, second_only: int, neither: int) -> float | None:
    """Cohen's kappa of two raters on yes/no items, from their 2×2 table; None when expected
    agreement is 1 (both answered the same for every item, or there are no items).

    κ = (po - pe) / (1 - pe) equals 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)) for the table
    a = both, b = first only, c = second only, d = neither; the integer form has no rounding
    and its denominator is 0 exactly when pe is 1."""
    a, b, c, d = both, first_only, second_only, neither
    denominator = (a + b) * (b + d) + (a + c) * (c + d)
    if denominator == 0:
        return None
    return 2 * (a * d - b * c) / denominator


def nominal_alpha(value_counts: npt.ArrayLike) -> float | None:
    """Krippendorff's alpha (nominal) of yes/no units given as rows (values "out", values "in"),
    by the `krippendorff` package; None when it is undefined (no unit with two values, or
    one value only in the data)."""
    counts = np.asarray(value_counts, dtype=np.int64).reshape(-1, 2)
    counts = counts[counts.sum(axis=1) >= 2]  # a unit of one value has no pair to compare
    out_only = counts[:, 1] == 0
    in_only = counts[:, 0] == 0
    return pooled_alpha(
        counts[~(out_only | in_only)],
        int(counts[out_only, 0].sum()),
        int(counts[in_only, 1].sum()),
    )


def pooled_alpha(mixed: npt.NDArray[np.int64], out_values: int, in_values: int) -> float | None:
    """`nominal_alpha` of the units `mixed` (rows: values out, values in; both above 0) and
    of units of two values or more that are all "out" (`out_values` values in all) or all
    "in" (`in_values`); None when alpha is undefined.

    A unit whose c values are all the same adds to the coincidence matrix only on its
    diagonal, c·c - c over c - 1 = c, so all such units are handed to the package as a few
    pooled units of as many values (`_POOLED_UNIT` at most each), which it counts the same:
    millions of tokens become a few rows, and the result is still the package's own."""
    rows = [np.asarray(mixed, dtype=np.int64).reshape(-1, 2)]
    for column, pooled in ((0, out_values), (1, in_values)):
        for size in _split(pooled):
            row = np.zeros((1, 2), dtype=np.int64)
            row[0, column] = size
            rows.append(row)
    table = np.concatenate(rows)
    if not len(table) or (not rows[0].size and (out_values < 2 or in_values < 2)):
        return None  # no unit with two values, or one value only: nothing to measure
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(krippendorff.alpha(value_counts=table, level_of_measurement="nominal"))
    return value if math.isfinite(value) else None


def _split(total: int) -> list[int]:
    """`total` values as near-equal pooled units of at most `_POOLED_UNIT` (each of two
    values or more, as a unit needs to count)."""
    if total < 2:
        return []
    parts = -(-total // _POOLED_UNIT)
    size, extra = divmod(total, parts)
    return [size + 1] * extra + [size] * (parts - extra)


def overlap_matches(first: Iterable[tuple[int, int]], second: Iterable[tuple[int, int]]) -> int:
    """How many spans of `first` match one of `second` one to one when a match needs an
    overlap of at least half of the longer span, largest overlap first (ties: the shorter
    union, then the one further left). Both are spans of one label; duplicates count once."""
    mine, theirs = set(first), set(second)
    exact = mine & theirs
    rest_mine = sorted(mine - exact)
    rest_theirs = sorted(theirs - exact)
    return len(exact) + _greedy(rest_mine, rest_theirs)


def _greedy(mine: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> int:
    if not mine or not theirs:
        return 0
    starts = [s for s, _ in theirs]
    candidates = []
    for s, e in mine:
        # A span of `theirs` overlapping [s, e) by half of the longer one starts in
        # [s - (e - s), e): the part of it before s is at most its overlap, at most e - s.
        lo = bisect_left(starts, s - (e - s))
        hi = bisect_left(starts, e)
        for t, u in theirs[lo:hi]:
            overlap = min(e, u) - max(s, t)
            if overlap > 0 and 2 * overlap >= max(e - s, u - t):
                # The same key whichever side a span is on: the figure of a pair does not
                # depend on the order the two are named in.
                left, right = min(s, t), max(s, t)
                key = (-overlap, max(e, u) - left, left, right, min(e, u), max(e, u))
                candidates.append((*key, s, e, t, u))
    candidates.sort()
    used_mine: set[tuple[int, int]] = set()
    used_theirs: set[tuple[int, int]] = set()
    for *_key, s, e, t, u in candidates:
        if (s, e) in used_mine or (t, u) in used_theirs:
            continue
        used_mine.add((s, e))
        used_theirs.add((t, u))
    return len(used_mine)


def agreement(
    items: Iterable[Compared],
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
) -> Agreement:
    """Agreement of `annotators` on `items` (see the module's docstring for the measures).

    `labels`: the labels to report, in order (default: every label used, sorted); spans of
    other labels are ignored. An annotator absent from an item's spans does not take part in
    it."""
    names = tuple(annotators)
    if len(set(names)) != len(names):
        raise ValueError("an annotator is named twice")
    pairs: list[Pair] = list(combinations(names, 2))
    wanted = None if labels is None else list(dict.fromkeys(labels))
    tally = _Tally(names, pairs, wanted)
    for item in items:
        tally.add(item)
    return tally.result()


class _Tally:
    """Counts gathered article by article; tokens go into one long array for numpy."""

    def __init__(self, names: tuple[str, ...], pairs: list[Pair], labels: list[str] | None):
        self.names = names
        self.pairs = pairs
        self.fixed_labels = labels
        self.label_index: dict[str, int] = (
            {} if labels is None else {x: i for i, x in enumerate(labels)}
        )
        self.counts: dict[Pair, dict[str, Counts]] = {p: {} for p in pairs}
        self.shared: dict[Pair, int] = dict.fromkeys(pairs, 0)
        self.spans: dict[str, dict[str, int]] = {}
        self.by_article: list[ArticleResult] = []
        # Token offsets of every article, moved by `char_base` so that they are increasing
        # across articles (one text's characters never reach the next one's), and for each
        # annotator the spans on the same scale with their label's index.
        self.token_starts: list[npt.NDArray[np.int64]] = []
        self.token_ends: list[npt.NDArray[np.int64]] = []
        self.token_counts: list[int] = []
        self.present: dict[str, list[bool]] = {n: [] for n in names}
        self.span_starts: dict[str, list[int]] = {n: [] for n in names}
        self.span_ends: dict[str, list[int]] = {n: [] for n in names}
        self.span_labels: dict[str, list[int]] = {n: [] for n in names}
        self.char_base = 0
        self.articles = 0

    def _label(self, label: str) -> int | None:
        found = self.label_index.get(label)
        if found is None and self.fixed_labels is None:
            found = self.label_index[label] = len(self.label_index)
        return found

    def add(self, item: Compared) -> None:
        article = item.article
        taking = [n for n in self.names if n in article.spans]
        self.articles += 1
        made: dict[str, dict[str, set[tuple[int, int]]]] = {}
        reach = 0  # the furthest offset of the article a span or token reaches
        base = self.char_base
        for name in taking:
            by_label: dict[str, set[tuple[int, int]]] = {}
            for start, end, label in _triples(article.spans[name]):
                found = by_label.get(label)
                if found is None:
                    if self._label(label) is None:
                        continue
                    found = by_label[label] = set()
                found.add((start, end))
            made[name] = by_label
            for label, spans in by_label.items():
                counts = self.spans.setdefault(label, {})
                counts[name] = counts.get(name, 0) + len(spans)
                self.span_starts[name].extend([s + base for s, _e in spans])
                self.span_ends[name].extend([e + base for _s, e in spans])
                self.span_labels[name].extend([self.label_index[label]] * len(spans))
                reach = max(reach, max(e for _s, e in spans))
        for name in self.names:
            self.present[name].append(name in made)
        self._spans(item, made)
        self._tokens(item.tokens)
        if len(item.tokens):
            reach = max(reach, int(item.tokens.ends[-1]))
        # The next article's offsets start past everything of this one: no span of one
        # article can cover a token of another.
        self.char_base += reach + 1

    def _spans(
        self, item: Compared, made: Mapping[str, Mapping[str, set[tuple[int, int]]]]
    ) -> None:
        exact_f1s: list[float | None] = []
        overlap_f1s: list[float | None] = []
        for pair in self.pairs:
            a, b = pair
            if a not in made or b not in made:
                continue
            self.shared[pair] += 1
            mine, theirs = made[a], made[b]
            in_article = Counts()
            tallies = self.counts[pair]
            for label in mine.keys() | theirs.keys():
                first, second = mine.get(label, set()), theirs.get(label, set())
                exact = len(first & second)
                overlap = exact + _greedy(sorted(first - second), sorted(second - first))
                found = Counts(exact, overlap, len(first), len(second))
                tallies[label] = tallies.get(label, Counts()).plus(found)
                in_article = in_article.plus(found)
            exact_f1s.append(in_article.exact_f1)
            overlap_f1s.append(in_article.overlap_f1)
        self.by_article.append(
            ArticleResult(
                item.article.article_id,
                item.title,
                _mean(exact_f1s),
                _mean(overlap_f1s),
                tuple(n for n in self.names if n in made),
            )
        )

    def _tokens(self, tokens: Tokens) -> None:
        count = len(tokens)
        if count:
            starts = np.frombuffer(tokens.starts, dtype=np.dtype(tokens.starts.typecode))
            ends = np.frombuffer(tokens.ends, dtype=np.dtype(tokens.ends.typecode))
            self.token_starts.append(starts.astype(np.int64) + self.char_base)
            self.token_ends.append(ends.astype(np.int64) + self.char_base)
        self.token_counts.append(count)

    def result(self) -> Agreement:
        labels = (
            list(self.fixed_labels)
            if self.fixed_labels is not None
            else sorted(self.label_index, key=str)
        )
        tokens = _TokenTable(self)
        pair_results = []
        for pair in self.pairs:
            counts = self.counts[pair]
            figures = {}
            for label in labels:
                found = counts.get(label, Counts())
                index = self.label_index.get(label)
                kappa = None if index is None else tokens.kappa(pair, [index])
                alpha = None if index is None else tokens.alpha(pair, [index])
                figures[label] = Figures(found.exact_f1, found.overlap_f1, kappa, alpha)
            total = Counts()
            for found in counts.values():
                total = total.plus(found)
            used = tokens.used_labels()
            overall = Figures(
                total.exact_f1,
                total.overlap_f1,
                tokens.kappa(pair, used),
                tokens.alpha(pair, used),
            )
            pair_results.append(
                PairResult(
                    pair,
                    self.shared[pair],
                    overall,
                    figures,
                    {label: counts.get(label, Counts()) for label in labels},
                )
            )
        label_figures = {}
        for label in labels:
            index = self.label_index.get(label)
            label_figures[label] = Figures(
                _mean([p.labels[label].exact_f1 for p in pair_results]),
                _mean([p.labels[label].overlap_f1 for p in pair_results]),
                _mean([p.labels[label].kappa for p in pair_results]),
                None if index is None else tokens.alpha(self.names, [index]),
            )
        overall = Figures(
            _mean([p.overall.exact_f1 for p in pair_results]),
            _mean([p.overall.overlap_f1 for p in pair_results]),
            _mean([p.overall.kappa for p in pair_results]),
            tokens.alpha(self.names, tokens.used_labels()),
        )
        spans = {
            label: {n: self.spans.get(label, {}).get(n, 0) for n in self.names} for label in labels
        }
        by_article = sorted(self.by_article, key=_worst_first)
        return Agreement(
            self.names,
            self.articles,
            label_figures,
            spans,
            overall,
            pair_results,
            by_article,
            tokens=tokens.size,
        )


class _TokenTable:
    """For each annotator, which tokens of the compared articles lie in a span of each label
    (a row per label), and which tokens it has a value for (it takes part in the article)."""

    def __init__(self, tally: _Tally) -> None:
        self.size = sum(tally.token_counts)
        self.label_count = len(tally.label_index)
        self.spans_by_label = [
            index
            for label, index in tally.label_index.items()
            if any(tally.spans.get(label, {}).values())
        ]
        starts = _joined(tally.token_starts)
        ends = _joined(tally.token_ends)
        lengths = np.asarray(tally.token_counts, dtype=np.int64)
        width = self.size + 1
        self.present: dict[str, npt.NDArray[np.bool_]] = {}
        self.inside: dict[str, npt.NDArray[np.bool_]] = {}
        self._values: dict[tuple[str, ...], npt.NDArray[np.int16]] = {}
        self._units: dict[tuple[tuple[str, ...], int], tuple[npt.NDArray[np.int64], int, int]] = {}
        for name in tally.names:
            self.present[name] = np.repeat(np.asarray(tally.present[name], dtype=bool), lengths)
            span_starts = np.asarray(tally.span_starts[name], dtype=np.int64)
            span_ends = np.asarray(tally.span_ends[name], dtype=np.int64)
            rows = np.asarray(tally.span_labels[name], dtype=np.int64) * width
            # A token is in a span when one of its characters is: its end is past the span's
            # start and its start before the span's end. Each span marks the run of tokens
            # [first, stop) in a difference array; a running sum above 0 is "in".
            first = np.searchsorted(ends, span_starts, side="right")
            stop = np.searchsorted(starts, span_ends, side="left")
            keep = first < stop
            size = self.label_count * width
            steps = np.bincount(rows[keep] + first[keep], minlength=size) - np.bincount(
                rows[keep] + stop[keep], minlength=size
            )
            running = np.cumsum(steps.reshape(self.label_count, width), axis=1)
            self.inside[name] = running[:, : self.size] > 0

    def used_labels(self) -> list[int]:
        """Labels someone made a span of: the overall figures pool these."""
        return self.spans_by_label

    def kappa(self, pair: Pair, labels: list[int]) -> float | None:
        """Cohen's kappa of `pair` on the (token, label) items of `labels`, on the tokens of
        the articles both take part in."""
        a, b = pair
        if not labels:
            return None
        both = self.present[a] & self.present[b]
        shared = int(np.count_nonzero(both))
        everywhere = shared == self.size
        table = [0, 0, 0, 0]
        for label in labels:
            # Outside its articles an annotator has no span, so x & y needs no `both`.
            x, y = self.inside[a][label], self.inside[b][label]
            n11 = int(np.count_nonzero(x & y))
            n1_ = int(np.count_nonzero(x if everywhere else x & both))
            n_1 = int(np.count_nonzero(y if everywhere else y & both))
            table[0] += n11
            table[1] += n1_ - n11
            table[2] += n_1 - n11
            table[3] += shared - n1_ - n_1 + n11
        return cohen_kappa(*table)

    def alpha(self, names: Sequence[str], labels: list[int]) -> float | None:
        """Krippendorff's alpha of `names` on the (token, label) items of `labels`: a token
        has a value from each annotator taking part in its article."""
        if not labels:
            return None
        parts = [self._alpha_units(tuple(names), label) for label in labels]
        return pooled_alpha(
            np.concatenate([mixed for mixed, _out, _in in parts]),
            sum(out_values for _mixed, out_values, _in in parts),
            sum(in_values for _mixed, _out, in_values in parts),
        )

    def _alpha_units(
        self, names: tuple[str, ...], label: int
    ) -> tuple[npt.NDArray[np.int64], int, int]:
        """The units of one label for `pooled_alpha` (kept: the overall figure pools them)."""
        key = (names, label)
        found = self._units.get(key)
        if found is not None:
            return found
        values = self._values.get(names)
        if values is None:
            values = np.zeros(self.size, dtype=np.int16)
            for name in names:
                values += self.present[name]
            self._values[names] = values
        inside = np.zeros(self.size, dtype=np.int16)
        for name in names:
            inside += self.inside[name][label]  # no span outside its articles
        paired = values >= 2
        none_in = paired & (inside == 0)
        all_in = paired & (inside == values)
        some = paired & ~(none_in | all_in)
        found = (
            np.stack([values[some] - inside[some], inside[some]], axis=1).astype(np.int64),
            int(values[none_in].sum(dtype=np.int64)),
            int(values[all_in].sum(dtype=np.int64)),
        )
        self._units[key] = found
        return found


def _triples(made: FileSpans | Sequence[Annotation]) -> Iterable[tuple[int, int, str]]:
    """(start, end, label) of each span, from annotations or from columns."""
    if isinstance(made, FileSpans):
        return zip(made.starts, made.ends, made.labels, strict=True)
    return ((a.start, a.end, a.label) for a in made)


def _joined(parts: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _mean(values: Iterable[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return sum(found) / len(found) if found else None


def _worst_first(article: ArticleResult) -> tuple[bool, float, bool, float, str]:
    exact, overlap = article.exact_f1, article.overlap_f1
    return (
        exact is None,
        0.0 if exact is None else exact,
        overlap is None,
        0.0 if overlap is None else overlap,
        article.article_id,
    )
