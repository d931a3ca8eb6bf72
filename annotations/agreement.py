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

Counting is done in two steps: `count_articles` counts, on all articles at once in numpy,
what every figure adds up, as a row per article (`ArticleCounts`: span matches per pair and
label, tokens in spans, tokens by how many annotators have them in a span, relations);
`figures` sums the rows and has the package count the alphas on units rebuilt from them.
Rows counted on different runs make the same report, to the last bit, as counting at once:
annotations/figurecache.py keeps them and counts only the articles that changed.
"""

from __future__ import annotations

import math
import os
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, combinations, compress
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Figures:
        return cls(data["exact_f1"], data["overlap_f1"], data["kappa"], data["alpha"])


@dataclass(frozen=True)
class Counts:
    """What a pair's F1 is made of: spans matched exactly, spans matched by overlap
    (exact ones included), and how many spans each of the two made."""

    exact: int = 0
    overlap: int = 0
    first: int = 0
    second: int = 0

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
    # Relations (who said which claim) matched exactly, and made by each of the two.
    relations: Counts = Counts()

    def to_dict(self) -> dict[str, Any]:
        first, second = self.annotators
        return {
            "annotators": list(self.annotators),
            "articles": self.articles,
            **self.overall.to_dict(),
            "relations": {
                "f1": self.relations.exact_f1,
                "matches": self.relations.exact,
                "made": {first: self.relations.first, second: self.relations.second},
            },
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PairResult:
        """The pair `to_dict` wrote (every field is in it)."""
        first, second = data["annotators"]
        relations = data["relations"]
        return cls(
            (first, second),
            data["articles"],
            Figures.from_dict(data),
            {label: Figures.from_dict(found) for label, found in data["labels"].items()},
            {
                label: Counts(
                    found["exact_matches"],
                    found["overlap_matches"],
                    found["spans"][first],
                    found["spans"][second],
                )
                for label, found in data["labels"].items()
            },
            Counts(
                relations["matches"],
                relations["matches"],
                relations["made"][first],
                relations["made"][second],
            ),
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleResult:
        return cls(data["article_id"], data["title"], data["exact_f1"], data["overlap_f1"],
                   tuple(data["annotators"]))  # fmt: skip


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
    # Relation F1 (the mean over pairs, as span F1) and the relations each annotator made.
    relation_f1: float | None = None
    relations: Mapping[str, int] = field(default_factory=dict)

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
            "relations": {"f1": self.relation_f1, "made": dict(self.relations)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Agreement:
        """The report `to_dict` wrote (every field is in it: figures kept between runs are
        kept as that JSON, whose floats read back as the same numbers)."""
        return cls(
            tuple(data["annotators"]),
            data["articles"],
            {label: Figures.from_dict(found) for label, found in data["labels"].items()},
            {label: dict(found["spans"]) for label, found in data["labels"].items()},
            Figures.from_dict(data["overall"]),
            [PairResult.from_dict(pair) for pair in data["pairs"]],
            [ArticleResult.from_dict(article) for article in data["by_article"]],
            tokens=data["tokens"],
            relation_f1=data["relations"]["f1"],
            relations=dict(data["relations"]["made"]),
        )


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
    with np.errstate(all="ignore"):  # (NumPy's error state is the thread's own)
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
    return figures(count_articles(items, annotators, labels))


def count_articles(
    items: Iterable[Compared],
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
) -> ArticleCounts:
    """What the figures of `agreement(items, annotators, labels)` add up, a row per item."""
    names = tuple(annotators)
    if len(set(names)) != len(names):
        raise ValueError("an annotator is named twice")
    wanted = None if labels is None else list(dict.fromkeys(labels))
    tally = _Tally(names, list(combinations(names, 2)), wanted)
    for item in items:
        tally.add(item)
    return tally.counts()


@dataclass(frozen=True)
class ArticleCounts:
    """What the figures add up, article by article: a row per article, in the order given
    (`count_articles`). Every figure is a sum over articles of these rows (and alpha a count
    of the package on units rebuilt from them), so rows counted on different runs make the
    same report as counting everything at once: annotations/figurecache.py keeps them per
    article and counts only the articles that changed.

    Pairs are `combinations(names, 2)`, in that order; columns are `labels`: the labels
    asked for, in order, or (none asked for) every label of a span here, sorted. Spans are
    distinct (an annotator's duplicates count once); a token is "in" a span as the module's
    docstring says."""

    names: tuple[str, ...]
    labels: tuple[str, ...]
    fixed_labels: bool  # the labels were asked for (else: those used, sorted)
    article_ids: tuple[str, ...]
    titles: tuple[str, ...]
    present: npt.NDArray[np.bool_]  # (articles, names): the annotator takes part
    tokens: npt.NDArray[np.int64]  # (articles,)
    made: npt.NDArray[np.int64]  # (names, articles, labels): spans made
    # (pairs, 4, articles, labels): spans matched exactly, matched by overlap (exact ones
    # included), made by the pair's first and by its second, where both take part.
    spans: npt.NDArray[np.int64]
    inside: npt.NDArray[np.int64]  # (names, articles, labels): tokens in a span
    both: npt.NDArray[np.int64]  # (pairs, articles, labels): tokens in a span of both
    # (articles, labels, names + 1): tokens by how many annotators have them in a span.
    taking: npt.NDArray[np.int64]
    # (pairs, 3, articles): relations alike, made by the first, by the second (where both
    # take part); (names, articles): relations made.
    relations: npt.NDArray[np.int64]
    linked: npt.NDArray[np.int64]

    @property
    def articles(self) -> int:
        return len(self.article_ids)

    def rows(self, chosen: Sequence[int] | npt.NDArray[np.int64]) -> ArticleCounts:
        """The rows `chosen`, in that order."""
        at = np.asarray(chosen, dtype=np.int64)
        return replace(
            self,
            article_ids=tuple(self.article_ids[i] for i in at.tolist()),
            titles=tuple(self.titles[i] for i in at.tolist()),
            present=self.present[at],
            tokens=self.tokens[at],
            made=self.made[:, at],
            spans=self.spans[:, :, at],
            inside=self.inside[:, at],
            both=self.both[:, at],
            taking=self.taking[at],
            relations=self.relations[:, :, at],
            linked=self.linked[:, at],
        )

    def relabelled(self, labels: Sequence[str]) -> ArticleCounts:
        """The same rows with the columns `labels` (a label not here has no spans)."""
        labels = tuple(labels)
        if labels == self.labels:
            return self
        where = {label: i for i, label in enumerate(self.labels)}
        size = len(labels)

        def moved(values: npt.NDArray[np.int64], axis: int) -> npt.NDArray[np.int64]:
            shape = list(values.shape)
            shape[axis] = size
            out = np.zeros(shape, dtype=values.dtype)
            for new, label in enumerate(labels):
                old = where.get(label)
                if old is not None:
                    out[(slice(None),) * axis + (new,)] = values[(slice(None),) * axis + (old,)]
            return out

        taking = moved(self.taking, 1)
        for new, label in enumerate(labels):
            if label not in where:  # no span of it: every token is in none
                taking[:, new, 0] = self.tokens
        return replace(
            self,
            labels=labels,
            made=moved(self.made, 2),
            spans=moved(self.spans, 3),
            inside=moved(self.inside, 2),
            both=moved(self.both, 2),
            taking=taking,
        )

    @classmethod
    def joined(cls, parts: Sequence[ArticleCounts]) -> ArticleCounts:
        """The rows of `parts` one after another, on the union of their labels (sorted,
        unless the labels were asked for: then all parts have the same)."""
        if not parts:
            raise ValueError("nothing to join")
        first = parts[0]
        if len(parts) == 1:
            return first
        if first.fixed_labels:
            labels = first.labels
        else:
            labels = tuple(sorted({label for part in parts for label in part.labels}, key=str))
        parts = [part.relabelled(labels) for part in parts]

        def stacked(field_name: str, axis: int) -> npt.NDArray[Any]:
            return np.concatenate([getattr(part, field_name) for part in parts], axis=axis)

        return replace(
            first,
            labels=labels,
            article_ids=tuple(chain.from_iterable(part.article_ids for part in parts)),
            titles=tuple(chain.from_iterable(part.titles for part in parts)),
            present=stacked("present", 0),
            tokens=stacked("tokens", 0),
            made=stacked("made", 1),
            spans=stacked("spans", 2),
            inside=stacked("inside", 1),
            both=stacked("both", 1),
            taking=stacked("taking", 0),
            relations=stacked("relations", 2),
            linked=stacked("linked", 1),
        )


def figures(counts: ArticleCounts) -> Agreement:
    """The report of the articles `counts` holds: the sums of its rows, per pair, label and
    article, and the alphas (counted by the package, two at a time on two cores)."""
    names = counts.names
    pairs: list[Pair] = list(combinations(names, 2))
    column = {label: i for i, label in enumerate(counts.labels)}
    made = counts.made.sum(axis=1)  # (names, labels)
    used = [i for i in range(len(counts.labels)) if made[:, i].any()]
    labels = list(counts.labels) if counts.fixed_labels else [counts.labels[i] for i in used]
    position = {name: i for i, name in enumerate(names)}
    # Per pair: per label, the tokens both, the first, the second have in a span (on the
    # articles both take part in), and the tokens and articles both take part in.
    sides: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], int,
                      int]] = []  # fmt: skip
    for a, b in pairs:
        both = counts.present[:, position[a]] & counts.present[:, position[b]]
        sides.append(
            (
                counts.both[len(sides)].sum(axis=0),
                counts.inside[position[a]][both].sum(axis=0),
                counts.inside[position[b]][both].sum(axis=0),
                int(counts.tokens[both].sum()),
                int(np.count_nonzero(both)),
            )
        )
    # The alphas: of each pair, from its token counts; of everyone, from the tokens by how
    # many annotators have them in a span, on articles two annotators or more take part in.
    inputs: dict[tuple[tuple[str, ...], tuple[int, ...]], _Units | None] = {}
    label_sets = [*([column[label]] for label in labels), used]
    for (a, b), (n11, n1_, n_1, shared, _articles) in zip(pairs, sides, strict=True):
        for label_set in label_sets:
            inputs[(a, b), tuple(label_set)] = _pair_units(
                _pair_table(n11, n1_, n_1, shared, label_set)
            )
    taking = counts.present.sum(axis=1)
    for label_set in label_sets:
        inputs[names, tuple(label_set)] = _group_units(counts.taking, taking, label_set)
    alphas = _counted_alphas(inputs)
    pair_results = []
    for p, pair in enumerate(pairs):
        n11, n1_, n_1, shared, articles = sides[p]
        sums = counts.spans[p].sum(axis=1)  # (4, labels)
        label_counts = {
            label: Counts(*(int(x) for x in sums[:, column[label]])) for label in labels
        }
        figures_of = {}
        for label in labels:
            found = label_counts[label]
            i = column[label]
            figures_of[label] = Figures(
                found.exact_f1,
                found.overlap_f1,
                _kappa(_pair_table(n11, n1_, n_1, shared, [i])),
                alphas[pair, (i,)],
            )
        total = Counts(*(int(x) for x in sums[:, used].sum(axis=1)))
        overall = Figures(
            total.exact_f1,
            total.overlap_f1,
            _kappa(_pair_table(n11, n1_, n_1, shared, used)),
            alphas[pair, tuple(used)],
        )
        matched, first, second = (int(x) for x in counts.relations[p].sum(axis=1))
        pair_results.append(
            PairResult(
                pair,
                articles,
                overall,
                figures_of,
                label_counts,
                Counts(matched, matched, first, second),
            )
        )
    label_figures = {}
    for label in labels:
        i = column[label]
        label_figures[label] = Figures(
            _mean([p.labels[label].exact_f1 for p in pair_results]),
            _mean([p.labels[label].overlap_f1 for p in pair_results]),
            _mean([p.labels[label].kappa for p in pair_results]),
            alphas[names, (i,)],
        )
    overall = Figures(
        _mean([p.overall.exact_f1 for p in pair_results]),
        _mean([p.overall.overlap_f1 for p in pair_results]),
        _mean([p.overall.kappa for p in pair_results]),
        alphas[names, tuple(used)],
    )
    spans = {
        label: {name: int(made[position[name], column[label]]) for name in names}
        for label in labels
    }
    by_article = sorted(_by_article(counts, pairs), key=_worst_first)
    return Agreement(
        names,
        counts.articles,
        label_figures,
        spans,
        overall,
        pair_results,
        by_article,
        tokens=int(counts.tokens.sum()),
        relation_f1=_mean([p.relations.exact_f1 for p in pair_results]),
        relations={name: int(counts.linked[position[name]].sum()) for name in names},
    )


# Units for `pooled_alpha`: the rows of units with both values, and the values of units all
# "out" and all "in".
_Units = tuple[npt.NDArray[np.int64], int, int]


def _pair_table(
    n11: npt.NDArray[np.int64],
    n1_: npt.NDArray[np.int64],
    n_1: npt.NDArray[np.int64],
    shared: int,
    labels: Sequence[int],
) -> tuple[int, int, int, int] | None:
    """A pair's 2×2 table on the (token, label) items of `labels` (in both, the first's only,
    the second's only, in neither), from the tokens both / the first / the second have in a
    span per label, of `shared` tokens; None for no label."""
    if not labels:
        return None
    both, first, second = (int(x[list(labels)].sum()) for x in (n11, n1_, n_1))
    neither = shared * len(labels) - first - second + both
    return both, first - both, second - both, neither


def _kappa(table: tuple[int, int, int, int] | None) -> float | None:
    """Cohen's kappa of a pair's table (`_pair_table`)."""
    return None if table is None else cohen_kappa(*table)


def _pair_units(table: tuple[int, int, int, int] | None) -> _Units | None:
    """A pair's alpha units from its table: each shared token a unit of two values."""
    if table is None:
        return None
    both, first_only, second_only, neither = table
    return np.ones((first_only + second_only, 2), dtype=np.int64), 2 * neither, 2 * both


def _group_units(
    taking: npt.NDArray[np.int64], values: npt.NDArray[np.int64], labels: Sequence[int]
) -> _Units | None:
    """Everyone's alpha units on `labels`: a token of an article that c annotators take part
    in (c of two or more) is a unit of c values, i of them "in" (`taking[article, label, i]`
    tokens)."""
    if not labels:
        return None
    width = taking.shape[2]
    # by_values[c, i]: tokens of articles of c values with i of them "in".
    by_values = np.zeros((width, width), dtype=np.int64)
    summed = taking[:, list(labels), :].sum(axis=1)  # (articles, names + 1)
    np.add.at(by_values, values, summed)
    rows = []
    out_values = in_values = 0
    for c in range(2, width):
        out_values += c * int(by_values[c, 0])
        in_values += c * int(by_values[c, c])
        for i in range(1, c):
            if by_values[c, i]:
                rows.append(np.repeat([[c - i, i]], int(by_values[c, i]), axis=0))
    mixed = np.concatenate(rows).astype(np.int64) if rows else np.zeros((0, 2), dtype=np.int64)
    return mixed, out_values, in_values


def _counted_alphas(
    inputs: Mapping[tuple[tuple[str, ...], tuple[int, ...]], _Units | None],
) -> dict[tuple[tuple[str, ...], tuple[int, ...]], float | None]:
    """`pooled_alpha` of each of `inputs` (None: no figure). The package's counting is NumPy
    work on arrays of a unit a row, most of which runs without Python's lock: with two cores
    or more it runs on two threads."""
    keys = list(inputs)

    def counted(given: _Units | None) -> float | None:
        return None if given is None else pooled_alpha(*given)

    if len(keys) < 2 or (os.cpu_count() or 1) < 2:
        return {key: counted(inputs[key]) for key in keys}
    with ThreadPoolExecutor(2) as pool:
        values = list(pool.map(counted, (inputs[key] for key in keys)))
    return dict(zip(keys, values, strict=True))


def _by_article(counts: ArticleCounts, pairs: list[Pair]) -> list[ArticleResult]:
    """Each article's F1 over all labels: the mean over the pairs that take part in it."""
    position = {name: i for i, name in enumerate(counts.names)}
    present = counts.present.tolist()
    columns = [tuple(x.tolist() for x in counts.spans[p].sum(axis=2)) for p in range(len(pairs))]
    found = []
    for number, article_id in enumerate(counts.article_ids):
        here = present[number]
        exact_f1s: list[float | None] = []
        overlap_f1s: list[float | None] = []
        for p, (a, b) in enumerate(pairs):
            if not (here[position[a]] and here[position[b]]):
                continue
            exact, overlap, first, second = columns[p]
            exact_f1s.append(f1(exact[number], first[number], second[number]))
            overlap_f1s.append(f1(overlap[number], first[number], second[number]))
        found.append(
            ArticleResult(
                article_id,
                counts.titles[number],
                _mean(exact_f1s),
                _mean(overlap_f1s),
                tuple(n for n in counts.names if here[position[n]]),
            )
        )
    return found


@dataclass
class _Chunks:
    """One annotator's spans an article at a time (duplicates too: counting removes them):
    starts, ends and label numbers, with the article's number and `char_base`."""

    starts: list[Sequence[int]] = field(default_factory=list)
    ends: list[Sequence[int]] = field(default_factory=list)
    labels: list[list[int]] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    bases: list[int] = field(default_factory=list)

    def columns(self) -> tuple[npt.NDArray[np.int64], ...]:
        """The spans as arrays: label number, start and end (moved by their article's
        `char_base`), and article number."""
        sizes = np.fromiter(map(len, self.starts), dtype=np.int64, count=len(self.starts))
        total = int(sizes.sum())

        def joined(chunks: list[Sequence[int]] | list[list[int]]) -> npt.NDArray[np.int64]:
            return np.fromiter(chain.from_iterable(chunks), dtype=np.int64, count=total)

        bases = np.repeat(np.asarray(self.bases, dtype=np.int64), sizes)
        articles = np.repeat(np.asarray(self.articles, dtype=np.int64), sizes)
        return joined(self.labels), joined(self.starts) + bases, joined(self.ends) + bases, articles


class _Tally:
    """What the articles hold, gathered article by article as columns, counted in `result`.

    Offsets are moved by `char_base` so that they increase across articles (one text's
    characters never reach the next one's): a span is then one row (label, start, end) of
    its annotator's columns, whichever article it is in, and numpy counts every article,
    pair and label at once."""

    def __init__(self, names: tuple[str, ...], pairs: list[Pair], labels: list[str] | None):
        self.names = names
        self.pairs = pairs
        self.fixed_labels = labels
        self.label_index: dict[str, int] = (
            {} if labels is None else {x: i for i, x in enumerate(labels)}
        )
        self.article_ids: list[str] = []
        self.titles: list[str] = []
        self.token_starts: list[npt.NDArray[np.int64]] = []
        self.token_ends: list[npt.NDArray[np.int64]] = []
        self.token_counts: list[int] = []
        self.present: dict[str, list[bool]] = {n: [] for n in names}
        self.spans = {n: _Chunks() for n in names}
        # Each annotator's relations by article number (`FileSpans.linked`; None: absent).
        self.linked: dict[str, list[set[tuple[Any, ...]] | None]] = {n: [] for n in names}
        self.char_base = 0
        self.articles = 0

    def _label(self, label: str) -> int | None:
        found = self.label_index.get(label)
        if found is None and self.fixed_labels is None:
            found = self.label_index[label] = len(self.label_index)
        return found

    def add(self, item: Compared) -> None:
        article = item.article
        number = self.articles
        self.articles += 1
        self.article_ids.append(article.article_id)
        self.titles.append(item.title)
        reach = 0  # the furthest offset of the article a span or token reaches
        base = self.char_base
        for name in self.names:
            made = article.spans.get(name)
            self.present[name].append(made is not None)
            if made is None:
                self.linked[name].append(None)
                continue
            self.linked[name].append(self._linked(made))
            starts, ends, labels = _columns(made)
            # Labels are numbered in the order they are first met, as the figures pooled
            # over labels take them.
            known: dict[str, int] = {}
            distinct = dict.fromkeys(labels)
            for label in distinct:
                index = self._label(label)
                if index is not None:
                    known[label] = index
            if len(known) < len(distinct):  # spans of labels not reported are left out
                keep = [label in known for label in labels]
                starts, ends, labels = (
                    list(compress(starts, keep)),
                    list(compress(ends, keep)),
                    list(compress(labels, keep)),
                )
            if not starts:
                continue
            spans = self.spans[name]
            spans.starts.append(starts)
            spans.ends.append(ends)
            spans.labels.append([known[label] for label in labels])
            spans.articles.append(number)
            spans.bases.append(base)
            reach = max(reach, max(ends))
        self._tokens(item.tokens)
        if len(item.tokens):
            reach = max(reach, int(item.tokens.ends[-1]))
        # The next article's offsets start past everything of this one: no span of one
        # article can cover a token of another.
        self.char_base += reach + 1

    def _linked(self, made: FileSpans | Sequence[Annotation]) -> set[tuple[Any, ...]]:
        """The relations of `made` whose ends are both of labels compared."""
        if not isinstance(made, FileSpans) or not made.relations:
            return set()
        found = made.linked()
        if self.fixed_labels is None:
            return found
        return {r for r in found if r[2] in self.label_index and r[5] in self.label_index}

    def _tokens(self, tokens: Tokens) -> None:
        count = len(tokens)
        if count:
            starts = np.frombuffer(tokens.starts, dtype=np.dtype(tokens.starts.typecode))
            ends = np.frombuffer(tokens.ends, dtype=np.dtype(tokens.ends.typecode))
            self.token_starts.append(starts.astype(np.int64) + self.char_base)
            self.token_ends.append(ends.astype(np.int64) + self.char_base)
        self.token_counts.append(count)

    def counts(self) -> ArticleCounts:
        """The rows of `ArticleCounts`, counted on all articles at once."""
        spans = _SpanTable(self)
        tokens = _TokenTable(self, spans)
        size = len(self.label_index)
        if self.fixed_labels is not None:
            labels = tuple(self.fixed_labels)
        else:
            labels = tuple(sorted(self.label_index, key=str))
        order = [self.label_index[label] for label in labels]  # columns by number
        pair_spans = (
            np.stack([np.stack(spans.pair(pair))[:, :, order] for pair in self.pairs])
            if self.pairs
            else np.zeros((0, 4, self.articles, size), dtype=np.int64)
        )
        inside = {name: tokens.per_article(tokens.inside[name])[:, order] for name in self.names}
        both = [
            tokens.per_article(tokens.inside[a] & tokens.inside[b])[:, order] for a, b in self.pairs
        ]
        relations = np.zeros((len(self.pairs), 3, self.articles), dtype=np.int64)
        for p, (a, b) in enumerate(self.pairs):
            for number, (mine, theirs) in enumerate(
                zip(self.linked[a], self.linked[b], strict=True)
            ):
                if mine is not None and theirs is not None and (mine or theirs):
                    relations[p, :, number] = (len(mine & theirs), len(mine), len(theirs))
        linked = np.array(
            [[len(made or ()) for made in self.linked[name]] for name in self.names],
            dtype=np.int64,
        ).reshape(len(self.names), self.articles)
        return ArticleCounts(
            names=self.names,
            labels=labels,
            fixed_labels=self.fixed_labels is not None,
            article_ids=tuple(self.article_ids),
            titles=tuple(self.titles),
            present=np.array([self.present[n] for n in self.names], dtype=bool)
            .reshape(len(self.names), self.articles)
            .T.copy(),
            tokens=np.asarray(self.token_counts, dtype=np.int64),
            made=np.stack([spans.made(name)[:, order] for name in self.names]),
            spans=pair_spans,
            inside=np.stack([inside[name] for name in self.names]),
            both=np.stack(both) if both else np.zeros((0, self.articles, size), dtype=np.int64),
            taking=tokens.taking()[:, order, :],
            relations=relations,
            linked=linked,
        )


# Per article and label number: spans matched exactly, matched by overlap (exact ones
# included), made by the first annotator of a pair and by the second.
_PerArticle = tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]
]


class _SpanTable:
    """Each annotator's distinct spans as sorted columns (label, start, end: an annotator's
    duplicate spans count once), with their article; the span counts of a pair from them."""

    def __init__(self, tally: _Tally) -> None:
        self.articles = tally.articles
        self.labels = max(len(tally.label_index), 1)
        self.present = {n: np.asarray(tally.present[n], dtype=bool) for n in tally.names}
        self.rows: dict[str, tuple[npt.NDArray[np.int64], ...]] = {}
        for name in tally.names:
            label, start, end, article = tally.spans[name].columns()
            order = np.lexsort((end, start, label))
            label, start, end, article = label[order], start[order], end[order], article[order]
            first = np.ones(len(order), dtype=bool)
            first[1:] = (np.diff(label) != 0) | (np.diff(start) != 0) | (np.diff(end) != 0)
            self.rows[name] = (label[first], start[first], end[first], article[first])

    def made(self, name: str) -> npt.NDArray[np.int64]:
        """Distinct spans `name` made, per article (rows) and label number (columns)."""
        label, _start, _end, article = self.rows[name]
        return self._per_group(article, label)

    def _per_group(
        self, article: npt.NDArray[np.int64], label: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        groups = self.articles * self.labels
        return np.bincount(article * self.labels + label, minlength=groups).reshape(
            self.articles, self.labels
        )

    def pair(self, pair: Pair) -> _PerArticle:
        """The counts of `pair` on the articles both take part in, per article (rows) and
        label number (columns)."""
        a, b = pair
        both = self.present[a] & self.present[b]
        mine = _where(self.rows[a], both[self.rows[a][3]])
        theirs = _where(self.rows[b], both[self.rows[b][3]])
        # Exact matches: rows both have. Each side's rows are distinct, so a row found twice
        # in the two sides together is in both.
        joined = tuple(np.concatenate([x, y]) for x, y in zip(mine, theirs, strict=True))
        order = np.lexsort((joined[2], joined[1], joined[0]))
        label, start, end = joined[0][order], joined[1][order], joined[2][order]
        twice = (np.diff(label) == 0) & (np.diff(start) == 0) & (np.diff(end) == 0)
        matched = np.zeros(len(order), dtype=bool)
        matched[:-1] |= twice
        matched[1:] |= twice
        in_both = np.zeros(len(order), dtype=bool)
        in_both[order] = matched
        exact_mine = in_both[: len(mine[0])]
        exact_theirs = in_both[len(mine[0]) :]
        taken = _overlapping(_where(mine, ~exact_mine), _where(theirs, ~exact_theirs))
        exact = self._per_group(mine[3][exact_mine], mine[0][exact_mine])
        overlap = exact + self._per_group(taken[1], taken[0])
        return (
            exact,
            overlap,
            self._per_group(mine[3], mine[0]),
            self._per_group(theirs[3], theirs[0]),
        )


def _where(
    rows: tuple[npt.NDArray[np.int64], ...], keep: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.int64], ...]:
    return tuple(column[keep] for column in rows)


def _overlapping(
    mine: tuple[npt.NDArray[np.int64], ...], theirs: tuple[npt.NDArray[np.int64], ...]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The label and article of each span of `mine` matched one to one with one of `theirs`
    by overlap (`overlap_matches`, on all articles and labels at once): rows of one label
    sorted by start, none of them in both."""
    label, start, end, article = mine
    t_label, t_start, t_end, _t_article = theirs
    none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if not len(label) or not len(t_label):
        return none
    # Both sides sorted by (label, start): a span of `theirs` overlapping [s, e) by half of the
    # longer one starts in [s - (e - s), e) (see `_greedy`), a run of their rows.
    scale = int(max(end.max(), t_end.max())) + 1
    keys = t_label * scale + t_start
    low = np.searchsorted(keys, label * scale + np.maximum(2 * start - end, 0), side="left")
    high = np.searchsorted(keys, label * scale + end, side="left")
    runs = high - low
    total = int(runs.sum())
    if not total:
        return none
    i = np.repeat(np.arange(len(label)), runs)
    j = np.repeat(low - np.cumsum(runs) + runs, runs) + np.arange(total)
    s, e, t, u = start[i], end[i], t_start[j], t_end[j]
    overlap = np.minimum(e, u) - np.maximum(s, t)
    fits = (t_label[j] == label[i]) & (overlap > 0) & (2 * overlap >= np.maximum(e - s, u - t))
    i, j, s, e, t, u, overlap = (x[fits] for x in (i, j, s, e, t, u, overlap))
    if not len(i):
        return none
    # A candidate whose two spans are in no other candidate is taken whatever the order;
    # the rest are taken greedily, largest overlap first, in `_greedy`'s order.
    alone = (np.bincount(i, minlength=len(label))[i] == 1) & (
        np.bincount(j, minlength=len(t_label))[j] == 1
    )
    chosen = [i[alone]]
    if not alone.all():
        rest = ~alone
        i, j, s, e, t, u, overlap = (x[rest] for x in (i, j, s, e, t, u, overlap))
        left, right = np.minimum(s, t), np.maximum(s, t)
        order = np.lexsort(
            (u, t, e, s, np.maximum(e, u), np.minimum(e, u), right, left,
             np.maximum(e, u) - left, -overlap)
        )  # fmt: skip
        used_mine: set[int] = set()
        used_theirs: set[int] = set()
        for x, y in zip(i[order].tolist(), j[order].tolist(), strict=True):
            if x in used_mine or y in used_theirs:
                continue
            used_mine.add(x)
            used_theirs.add(y)
        chosen.append(np.fromiter(used_mine, dtype=np.int64, count=len(used_mine)))
    taken = np.concatenate(chosen)
    return label[taken], article[taken]


def _columns(made: FileSpans | Sequence[Annotation]) -> tuple[Sequence[int], Sequence[int],
                                                               Sequence[str]]:  # fmt: skip
    """Starts, ends and labels of spans given as columns or as annotations."""
    if isinstance(made, FileSpans):
        return made.starts, made.ends, made.labels
    return [a.start for a in made], [a.end for a in made], [a.label for a in made]


class _TokenTable:
    """For each annotator, which tokens of the compared articles lie in a span of each label
    number (a row per label), and those counted per article."""

    def __init__(self, tally: _Tally, spans: _SpanTable) -> None:
        self.size = sum(tally.token_counts)
        self.label_count = len(tally.label_index)
        self.names = tally.names
        self.articles = tally.articles
        lengths = np.asarray(tally.token_counts, dtype=np.int64)
        self.article_of = np.repeat(np.arange(tally.articles, dtype=np.int64), lengths)
        self.values = (
            np.array([tally.present[n] for n in tally.names], dtype=np.int64)
            .reshape(len(tally.names), tally.articles)
            .sum(axis=0)
        )  # how many annotators take part in each article
        offsets = np.int32 if tally.char_base < 2**31 else np.int64
        starts = _joined(tally.token_starts).astype(offsets)
        ends = _joined(tally.token_ends).astype(offsets)
        self.inside: dict[str, npt.NDArray[np.bool_]] = {}
        for name in tally.names:
            label, span_starts, span_ends, _article = spans.rows[name]
            # A token is in a span when one of its characters is: its end is past the span's
            # start and its start before the span's end, so each span covers the run of
            # tokens [first, stop). Sorted by label, then start: so are the runs. (Searched a
            # label at a time, in 4-byte offsets where they fit: numpy searches sorted keys
            # in a smaller array much faster.)
            inside = np.zeros((self.label_count, self.size), dtype=bool)
            bounds = np.searchsorted(label, np.arange(self.label_count + 1))
            span_starts, span_ends = span_starts.astype(offsets), span_ends.astype(offsets)
            for index in range(self.label_count):
                runs = slice(bounds[index], bounds[index + 1])
                first = np.searchsorted(ends, span_starts[runs], side="right")
                stop = np.searchsorted(starts, span_ends[runs], side="left")
                inside[index] = _covered(first, stop, self.size)
            self.inside[name] = inside

    def per_article(self, inside: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        """Tokens marked in `inside` (a row per label number), per article and label."""
        out = np.zeros((self.articles, self.label_count), dtype=np.int64)
        for index in range(self.label_count):
            out[:, index] = np.bincount(
                self.article_of[np.flatnonzero(inside[index])], minlength=self.articles
            )
        return out

    def taking(self) -> npt.NDArray[np.int64]:
        """Per article and label number, the tokens by how many annotators have them in a
        span of it (0 to all of them)."""
        width = len(self.names) + 1
        out = np.zeros((self.articles, self.label_count, width), dtype=np.int64)
        for index in range(self.label_count):
            covered = np.zeros(self.size, dtype=bool)
            for name in self.names:
                covered |= self.inside[name][index]
            where = np.flatnonzero(covered)
            inside = np.zeros(len(where), dtype=np.int64)
            for name in self.names:
                inside += self.inside[name][index][where]
            found = np.bincount(
                self.article_of[where] * width + inside, minlength=self.articles * width
            ).reshape(self.articles, width)
            out[:, index] = found
        tokens = np.bincount(self.article_of, minlength=self.articles)
        out[:, :, 0] = tokens[:, None] - out[:, :, 1:].sum(axis=2)
        return out


def _covered(
    first: npt.NDArray[np.int64], stop: npt.NDArray[np.int64], size: int
) -> npt.NDArray[np.bool_]:
    """Which of `size` tokens lie in one of the runs [first, stop) (sorted by `first`): the
    runs are merged into disjoint ones, whose starts and ends mark a difference array of
    one byte a token (a running sum of 1 is "in")."""
    keep = first < stop
    first, stop = first[keep], stop[keep]
    steps = np.zeros(size + 1, dtype=np.int8)
    if len(first):
        reach = np.maximum.accumulate(stop)
        # A run starting past every run before it begins a merged run; the one before ends.
        new = np.flatnonzero(np.concatenate([[True], first[1:] > reach[:-1]]))
        steps[first[new]] = 1
        steps[reach[np.append(new[1:] - 1, len(first) - 1)]] = -1
    return np.cumsum(steps[:size], dtype=np.int8).astype(bool)


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
