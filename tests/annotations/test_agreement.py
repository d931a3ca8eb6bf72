"""Agreement figures on hand-built annotators, against values worked out by hand (the
arithmetic is in the comments), and against the `krippendorff` package and a naive count."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement import (
    Agreement,
    ArticleCounts,
    Compared,
    agreement,
    cohen_kappa,
    count_articles,
    f1,
    figures,
    nominal_alpha,
    overlap_matches,
)
from annotations.model import Annotation
from annotations.team import SpanArticle, TeamArticle
from corpus.tokens import Tokens

# Texts of one-letter words "a b c d ...": token i is the character at 2·i, a space after it.
WORDS = "a b c d e f g h i j k l m n o p q r s t"


def tokens(count: int) -> Tokens:
    return Tokens.of([2 * i for i in range(count)], [2 * i + 1 for i in range(count)],
                     [1] * count)  # fmt: skip


def spans(article_id: str, *made: tuple[int, int, str]) -> tuple[Annotation, ...]:
    return tuple(
        Annotation(f"{article_id}-{i}", article_id, s, e, label, WORDS[s:e])
        for i, (s, e, label) in enumerate(made)
    )


def item(article_id: str, count: int, **by: Sequence[tuple[int, int, str]]) -> Compared:
    article = TeamArticle(article_id, {name: spans(article_id, *made) for name, made in by.items()})
    return Compared(article, tokens(count), title=f"title of {article_id}")


def close(found: float | None, expected: float) -> bool:
    return found is not None and math.isclose(found, expected, abs_tol=1e-12)


# --- two annotators, one article -------------------------------------------------------------
# Ten tokens (a .. j at 0, 2, ..., 18).
#   a: claim [0,5) tokens 0-2, claim [6,11) tokens 3-5, event [12,13) token 6
#   b: claim [0,5) tokens 0-2 (exact), claim [6,9) tokens 3-4 (overlap 3 of the longer 5:
#      2·3 >= 5, a match), event [14,15) token 7 (no overlap), claim [16,19) tokens 8-9
TWO = item(
    "a" * 16,
    10,
    a=[(0, 5, "claim"), (6, 11, "claim"), (12, 13, "event")],
    b=[(0, 5, "claim"), (6, 9, "claim"), (14, 15, "event"), (16, 19, "claim")],
)


def test_two_annotators_by_hand() -> None:
    found = agreement([TWO], ["a", "b"])
    claim, event = found.labels["claim"], found.labels["event"]
    # exact: claim 2·1/(2+3) = 0.4; event 2·0/(1+1) = 0; overall 2·1/(3+4) = 2/7
    assert close(claim.exact_f1, 0.4) and close(event.exact_f1, 0.0)
    assert close(found.overall.exact_f1, 2 / 7)
    # overlap: claim 2·2/5 = 0.8; event 0; overall 2·2/7 = 4/7
    assert close(claim.overlap_f1, 0.8) and close(event.overlap_f1, 0.0)
    assert close(found.overall.overlap_f1, 4 / 7)
    # kappa, claim: a in {0..5}, b in {0..4, 8, 9}: both 5, a only 1, b only 2, neither 2.
    # 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)) = 2(10 - 2) / (6·3 + 7·4) = 16/46
    # (po = 0.7, pe = 0.6·0.7 + 0.4·0.3 = 0.54, (0.7 - 0.54)/(1 - 0.54) = 16/46)
    assert close(claim.kappa, 16 / 46)
    # event: a in {6}, b in {7}: 0, 1, 1, 8: 2(0 - 1) / (1·9 + 1·9) = -1/9
    assert close(event.kappa, -1 / 9)
    # overall: the 20 (token, label) items: 5, 2, 3, 10: 2(50 - 6) / (7·12 + 8·13) = 88/188
    assert close(found.overall.kappa, 88 / 188)
    # alpha, claim: coincidences o11 = 2·5, o00 = 2·2, o01 = o10 = 3; n1 = 13, n0 = 7, n = 20;
    # 1 - (n - 1)(o01 + o10) / (2·n0·n1) = 1 - 19·6/182 = 68/182
    assert close(claim.alpha, 68 / 182)
    # event: o00 = 16, o01 = o10 = 2; n0 = 18, n1 = 2: 1 - 19·4/72 = -4/72
    assert close(event.alpha, -4 / 72)
    # overall: o00 = 20, o11 = 10, o01 = o10 = 5; n0 = 25, n1 = 15, n = 40: 1 - 39·10/750
    assert close(found.overall.alpha, 1 - 390 / 750)
    assert found.spans == {"claim": {"a": 2, "b": 3}, "event": {"a": 1, "b": 1}}
    (pair,) = found.pairs
    assert pair.annotators == ("a", "b") and pair.articles == 1
    assert pair.overall == found.overall  # two annotators: the pair is everyone
    assert (pair.counts["claim"].exact, pair.counts["claim"].overlap) == (1, 2)
    (article,) = found.by_article
    assert close(article.exact_f1, 2 / 7) and close(article.overlap_f1, 4 / 7)
    assert article.title == "title of " + "a" * 16
    assert found.tokens == 10 and found.articles == 1


def test_the_package_agrees_with_the_hand_computed_alpha() -> None:
    # The same claim tokens as rows of the reliability matrix.
    a = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    b = [1, 1, 1, 1, 1, 0, 0, 0, 1, 1]
    assert math.isclose(
        krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal"), 68 / 182
    )


# --- three annotators, one of them missing on an article, one with no spans -----------------
#   X (4 tokens): a claim [0,3) tokens 0-1; b claim [0,1) token 0; c claim [0,5) tokens 0-2
#   Y (2 tokens): a claim [0,1) token 0; b takes part with no spans; c does not take part
THREE = [
    item("1" * 16, 4, a=[(0, 3, "claim")], b=[(0, 1, "claim")], c=[(0, 5, "claim")]),
    item("2" * 16, 2, a=[(0, 1, "claim")], b=[]),
]


def test_three_annotators_with_a_missing_one_by_hand() -> None:
    found = agreement(THREE, ["a", "b", "c"])
    claim = found.labels["claim"]
    # alpha: units (values out, in): X0 (0,3) X1 (1,2) X2 (2,1) X3 (3,0) Y0 (1,1) Y1 (2,0).
    # Each unit adds n_c·n_k/(m-1) off the diagonal and n_c(n_c-1)/(m-1) on it:
    #   o11 = X0 3 + X1 1 = 4; o00 = X2 1 + X3 3 + Y1 2 = 6; o01 = X1 1 + X2 1 + Y0 1 = 3
    #   n0 = 9, n1 = 7, n = 16: alpha = 1 - 15·6/(2·9·7) = 1 - 90/126 = 2/7
    assert close(claim.alpha, 2 / 7) and close(found.overall.alpha, 2 / 7)
    reliability: list[list[float]] = [
        [1, 1, 0, 0, 1, 0],
        [1, 0, 0, 0, 0, 0],
        [1, 1, 1, 0, np.nan, np.nan],
    ]
    package = krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal")
    assert math.isclose(package, 2 / 7)
    # kappa per pair, on the articles both take part in:
    #   a-b (X and Y, 6 tokens): both 1, a only 2, b only 0, neither 3: 2·3/(3·5 + 1·3) = 1/3
    #   a-c (X): 2, 0, 1, 1: 2·2/(2·1 + 3·2) = 1/2;  b-c (X): 1, 0, 2, 1: 2/(1·1 + 3·3) = 1/5
    kappas = {p.annotators: p.labels["claim"].kappa for p in found.pairs}
    assert close(kappas["a", "b"], 1 / 3) and close(kappas["a", "c"], 0.5)
    assert close(kappas["b", "c"], 0.2)
    assert close(claim.kappa, (1 / 3 + 1 / 2 + 1 / 5) / 3)  # the mean over pairs: 31/90
    # F1: a-b: a 2 spans, b 1, none equal; [0,3) and [0,1) overlap 1 < 3/2: 0 and 0.
    #   a-c: [0,3) and [0,5) overlap 3 >= 5/2: exact 0, overlap 2·1/2 = 1. b-c: 0 and 0.
    pairs = {p.annotators: p for p in found.pairs}
    assert pairs["a", "b"].articles == 2 and pairs["a", "c"].articles == 1
    assert close(pairs["a", "c"].overall.overlap_f1, 1.0)
    assert close(claim.exact_f1, 0.0) and close(claim.overlap_f1, 1 / 3)
    assert found.spans == {"claim": {"a": 2, "b": 1, "c": 1}}
    # Per article: X: exact 0, overlap (0 + 1 + 0)/3; Y: a-b only, 0 and 0: Y is worse.
    assert [a.article_id for a in found.by_article] == ["2" * 16, "1" * 16]
    assert close(found.by_article[1].overlap_f1, 1 / 3)
    assert found.by_article[0].annotators == ("a", "b")


def test_nested_spans_match_largest_overlap_first() -> None:
    # a: [0,10) and [2,6) nested in it; b: [0,8). [0,10)-[0,8) overlap 8 of 10 and
    # [2,6)-[0,8) overlap 4 of 8 (exactly half: a match on its own). The larger overlap goes
    # first, and one to one leaves [2,6) unmatched: 1 match, F1 2·1/3.
    assert overlap_matches([(0, 10), (2, 6)], [(0, 8)]) == 1
    assert overlap_matches([(2, 6)], [(0, 8)]) == 1  # 4 of 8: half is enough
    assert overlap_matches([(3, 6)], [(0, 8)]) == 0  # 3 of 8: less than half
    found = agreement([item("n" * 16, 10, a=[(0, 10, "x"), (2, 6, "x")], b=[(0, 8, "x")])],
                      ["a", "b"])  # fmt: skip
    assert close(found.overall.overlap_f1, 2 / 3) and close(found.overall.exact_f1, 0.0)


def test_greedy_largest_first_is_not_the_largest_matching() -> None:
    # a: x [0,10), y [5,9); b: p [1,9), q [0,7). Candidates: x-p 8 (of 10), x-q 7 (of 10),
    # y-p 4 (of 8, half). y-q overlaps 2 of 7, too little. x-p goes first and takes both x
    # and p: 1 match, although x-q with y-p would be 2. F1 2·1/4.
    assert overlap_matches([(0, 10), (5, 9)], [(1, 9), (0, 7)]) == 1


def test_overlapping_spans_of_one_annotator_and_duplicates() -> None:
    # a made [0,5) and [2,9) (overlapping, tokens 0-4) and [0,5) twice; b made [0,9), tokens
    # 0-4. Tokens agree exactly (kappa 1). Spans: a's are {[0,5), [2,9)} (the duplicate
    # counts once), b's {[0,9)}: exact 0; overlap [2,9)-[0,9) 7 of 9 and [0,5)-[0,9) 5 of 9:
    # the larger first, 1 match: 2·1/3.
    found = agreement(
        [item("o" * 16, 6, a=[(0, 5, "x"), (2, 9, "x"), (0, 5, "x")], b=[(0, 9, "x")])],
        ["a", "b"],
    )
    assert close(found.overall.kappa, 1.0) and close(found.overall.alpha, 1.0)
    assert close(found.overall.overlap_f1, 2 / 3) and found.spans == {"x": {"a": 2, "b": 1}}


def test_an_annotator_with_no_spans_and_a_label_nobody_used() -> None:
    found = agreement([item("e" * 16, 5, a=[(0, 3, "claim")], b=[])], ["a", "b"],
                      labels=["claim", "figure"])  # fmt: skip
    claim, figure = found.labels["claim"], found.labels["figure"]
    # claim: 2·0/(1+0) = 0; tokens a {0,1}, b {}: 0, 2, 0, 3: 2(0 - 0)/(2·5 + 0·3) = 0
    assert claim.exact_f1 == 0.0 and claim.overlap_f1 == 0.0 and claim.kappa == 0.0
    # alpha: units (0,2)... a in, b out on tokens 0-1: o01 = o10 = 2, o00 = 2·3 = 6;
    # n0 = 8, n1 = 2, n = 10: 1 - 9·4/(2·8·2) = 1 - 36/32 = -1/8
    assert close(claim.alpha, -1 / 8)
    # Nobody made a figure: nothing to measure, and no made-up agreement either.
    assert figure == type(figure)(None, None, None, None)
    assert found.spans["figure"] == {"a": 0, "b": 0}
    # Neither made anything at all: every figure is undefined.
    empty = agreement([item("f" * 16, 5, a=[], b=[])], ["a", "b"])
    assert empty.labels == {} and empty.overall.to_dict() == dict.fromkeys(
        ("exact_f1", "overlap_f1", "kappa", "alpha")
    )
    assert empty.by_article[0].exact_f1 is None


def test_a_span_of_white_space_covers_no_token_and_a_partial_one_covers_its_token() -> None:
    # Token 1 is [2,3). a: [1,2) is the space before it; b: [2,3) is token 1 itself; c: [0,3)
    # covers tokens 0 and 1, and d [2,4) token 1 and the space after it.
    found = agreement(
        [item("w" * 16, 3, a=[(1, 2, "x")], b=[(2, 3, "x")], c=[(0, 3, "x")], d=[(2, 4, "x")])],
        ["a", "b", "c", "d"],
    )
    kappas = {p.annotators: p.overall.kappa for p in found.pairs}
    assert kappas["b", "d"] == 1.0  # the same token in
    # a has no token in, b token 1: 0, 0, 1, 2: 2(0 - 0)/(0·2 + 1·3) = 0
    assert kappas["a", "b"] == 0.0


def test_kappa_and_f1_edge_cases() -> None:
    assert f1(0, 0, 0) is None and f1(0, 3, 0) == 0.0 and f1(2, 2, 2) == 1.0
    assert cohen_kappa(0, 0, 0, 0) is None  # no items
    assert cohen_kappa(0, 0, 0, 7) is None and cohen_kappa(7, 0, 0, 0) is None  # pe = 1
    assert cohen_kappa(3, 0, 0, 4) == 1.0
    assert cohen_kappa(0, 2, 2, 0) == -1.0
    assert nominal_alpha(np.array([[2, 0], [2, 0]])) is None  # one value only
    assert nominal_alpha(np.array([[1, 0], [0, 1]])) is None  # no unit with two values


def test_pooled_alpha_units_give_the_packages_figure_on_the_whole_table() -> None:
    rng = np.random.default_rng(13)
    table = rng.integers(0, 3, size=(500, 2))
    table[:300, 1] = 0  # many units agreeing on "out"
    expected = krippendorff.alpha(value_counts=table, level_of_measurement="nominal")
    assert close(nominal_alpha(table), float(expected))


# --- everything against a naive count, on random annotators ----------------------------------

Made = list[tuple[int, int, str]]
naive_spans = st.lists(
    st.tuples(st.integers(0, 17), st.integers(1, 6), st.sampled_from(["x", "y"])), max_size=6
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 10), naive_spans, naive_spans, naive_spans | st.none()),
        min_size=1,
        max_size=4,
    )
)
def test_token_figures_match_a_naive_count(
    articles: list[tuple[int, Made, Made, Made | None]],
) -> None:
    items = []
    rows: dict[str, dict[str, list[float]]] = {n: {"x": [], "y": []} for n in "abc"}
    for i, (count, *made) in enumerate(articles):
        by = {}
        for name, raw in zip("abc", made, strict=True):
            if raw is None:
                continue
            by[name] = [(s, min(s + n, 19), label) for s, n, label in raw]
        items.append(item(f"{i:016x}", count, **by))
        for name in "abc":
            for label in ("x", "y"):
                for t in range(count):
                    if name not in by:
                        rows[name][label].append(np.nan)
                        continue
                    inside = any(s < 2 * t + 1 and 2 * t < e and lab == label
                                 for s, e, lab in by[name])  # fmt: skip
                    rows[name][label].append(float(inside))
    found = agreement(items, ["a", "b", "c"], labels=["x", "y"])
    for label in ("x", "y"):
        data = [rows[n][label] for n in "abc"]
        assert _same(found.labels[label].alpha, _package_alpha(data))
        for pair in found.pairs:
            first, second = (rows[n][label] for n in pair.annotators)
            assert _same(pair.labels[label].kappa, _naive_kappa(first, second))
    used = [label for label in ("x", "y") if any(found.spans[label].values())]
    pooled = [[value for label in used for value in rows[n][label]] for n in "abc"]
    assert _same(found.overall.alpha, _package_alpha(pooled) if used else None)


def _package_alpha(data: list[list[float]]) -> float | None:
    matrix = np.array(data, dtype=float)
    values = matrix[~np.isnan(matrix)]
    paired = (~np.isnan(matrix)).sum(axis=0) >= 2
    if not paired.any() or len(set(matrix[:, paired][~np.isnan(matrix[:, paired])])) < 2:
        return None
    assert len(values)
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def _naive_kappa(first: list[float], second: list[float]) -> float | None:
    pairs = [(x, y) for x, y in zip(first, second, strict=True) if x == x and y == y]
    n = len(pairs)
    if not n:
        return None
    po = sum(1 for x, y in pairs if x == y) / n
    p1 = sum(x for x, _ in pairs) / n
    p2 = sum(y for _, y in pairs) / n
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    return None if math.isclose(pe, 1.0) else (po - pe) / (1 - pe)


def _same(found: float | None, expected: float | None) -> bool:
    if expected is None or found is None:
        return found is expected
    return math.isclose(found, expected, abs_tol=1e-9)


def test_labels_given_twice_or_annotators_named_twice() -> None:
    with pytest.raises(ValueError, match="twice"):
        agreement([TWO], ["a", "a"])
    found = agreement([TWO], ["a", "b"], labels=["event", "claim", "event"])
    assert list(found.labels) == ["event", "claim"]


def _all_pairs_greedy(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> int:
    """The overlap matching written plainly: every pair is a candidate, no exact-first step."""
    candidates = sorted(
        (
            -(min(e, u) - max(s, t)),
            max(e, u) - min(s, t),
            min(s, t),
            max(s, t),
            min(e, u),
            max(e, u),
            s,
            e,
            t,
            u,
        )
        for s, e in set(first)
        for t, u in set(second)
        if min(e, u) - max(s, t) > 0 and 2 * (min(e, u) - max(s, t)) >= max(e - s, u - t)
    )
    mine: set[tuple[int, int]] = set()
    theirs: set[tuple[int, int]] = set()
    for *_key, s, e, t, u in candidates:
        if (s, e) not in mine and (t, u) not in theirs:
            mine.add((s, e))
            theirs.add((t, u))
    return len(mine)


span_lists = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(span_lists, span_lists)
def test_overlap_matching_equals_the_plain_greedy_over_all_pairs(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    # Checks the window each span's candidates are looked for in, and that taking exact
    # matches first changes nothing.
    assert overlap_matches(first, second) == _all_pairs_greedy(first, second)


# --- counting all articles at once equals counting each on its own -----------------------------

article_spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 9), st.sampled_from(["claim", "event", "x"])).map(
        lambda p: (p[0], min(p[0] + p[1], 39), p[2])
    ),
    max_size=10,
)
# Per article, per annotator: their spans, or None when they do not take part.
team_articles = st.lists(
    st.tuples(*(st.one_of(st.none(), article_spans) for _name in "abc")), min_size=1, max_size=6
)


@settings(max_examples=200, deadline=None)
@given(team_articles)
def test_counts_of_all_articles_at_once_equal_each_article_counted_alone(
    made: list[tuple[list[tuple[int, int, str]] | None, ...]],
) -> None:
    # Articles of 20 tokens "a b c ...": 39 characters.
    items = [
        item(
            f"{n:016x}",
            20,
            **{name: spans for name, spans in zip("abc", by, strict=True) if spans is not None},
        )
        for n, by in enumerate(made)
    ]
    found = agreement(items, ["a", "b", "c"])
    for pair in found.pairs:
        first, second = pair.annotators
        expected: dict[str, list[int]] = {}
        for by in made:
            mine, theirs = by["abc".index(first)], by["abc".index(second)]
            if mine is None or theirs is None:
                continue
            for label in {x for _s, _e, x in mine} | {x for _s, _e, x in theirs}:
                a = {(s, e) for s, e, x in mine if x == label}
                b = {(s, e) for s, e, x in theirs if x == label}
                counts = expected.setdefault(label, [0, 0, 0, 0])
                counts[0] += len(a & b)
                counts[1] += overlap_matches(a, b)
                counts[2] += len(a)
                counts[3] += len(b)
        for label, (exact, overlap, mine_n, theirs_n) in expected.items():
            data = pair.to_dict()["labels"][label]
            assert (data["exact_matches"], data["overlap_matches"]) == (exact, overlap)
            assert data["spans"] == {first: mine_n, second: theirs_n}
    for result in found.by_article:
        by = made[int(result.article_id, 16)]
        exact_f1s, overlap_f1s = [], []
        for first, second in [("a", "b"), ("a", "c"), ("b", "c")]:
            mine, theirs = by["abc".index(first)], by["abc".index(second)]
            if mine is None or theirs is None:
                continue
            a = {(s, e, x) for s, e, x in mine}
            b = {(s, e, x) for s, e, x in theirs}
            overlap = sum(
                overlap_matches(
                    {(s, e) for s, e, y in a if y == x}, {(s, e) for s, e, y in b if y == x}
                )
                for x in {y for *_se, y in a | b}
            )
            exact_f1s.append(f1(len(a & b), len(a), len(b)))
            overlap_f1s.append(f1(overlap, len(a), len(b)))
        exact_known = [v for v in exact_f1s if v is not None]
        overlap_known = [v for v in overlap_f1s if v is not None]
        assert result.exact_f1 == (sum(exact_known) / len(exact_known) if exact_known else None)
        assert result.overlap_f1 == (
            sum(overlap_known) / len(overlap_known) if overlap_known else None
        )
        assert result.annotators == tuple(
            n for n, spans in zip("abc", by, strict=True) if spans is not None
        )


@settings(max_examples=150, deadline=None)
@given(
    team_articles,
    st.lists(st.integers(0, 2), min_size=6, max_size=6),
    st.randoms(use_true_random=False),
    st.sampled_from([None, ["claim"], ["event", "claim", "nobody"]]),
)
def test_rows_counted_in_parts_make_the_report_of_counting_at_once(
    made: list[tuple[list[tuple[int, int, str]] | None, ...]],
    part_of: list[int],
    rng: object,
    labels: list[str] | None,
) -> None:
    """The figure cache counts the changed articles alone and joins their rows to kept ones
    (in another order, with other label columns): the report is the one counted at once,
    to the last bit."""
    import random

    assert isinstance(rng, random.Random)
    items = [
        item(
            f"{n:016x}",
            20,
            **{name: spans for name, spans in zip("abc", by, strict=True) if spans is not None},
        )
        for n, by in enumerate(made)
    ]
    whole = agreement(items, ["a", "b", "c"], labels=labels)
    groups: dict[int, list[int]] = {}
    for n in range(len(items)):
        groups.setdefault(part_of[n], []).append(n)
    parts = []
    placed: list[int] = []
    for members in groups.values():
        shuffled = list(members)
        rng.shuffle(shuffled)  # a part's rows in any order, put back in place below
        counted = count_articles([items[n] for n in shuffled], ["a", "b", "c"], labels)
        parts.append(counted)
        placed.extend(shuffled)
    joined = ArticleCounts.joined(parts)
    order = [placed.index(n) for n in range(len(items))]
    assert figures(joined.rows(order)).to_dict() == whole.to_dict()


def test_relation_f1_counts_relations_whose_ends_and_label_are_the_same() -> None:
    """a links the claim to "Titov" and to "envoy"; b links it to "Titov" only and links an
    event to "Titov" too: one relation in common of 2 + 2, F1 = 2·1/4; c never takes part."""
    from annotations.spancache import FileSpans

    def made(relations: tuple[tuple[int, int, str], ...]) -> FileSpans:
        return FileSpans.columns(
            "done", [0, 10, 20, 30], [8, 15, 26, 35], ("claim", "source", "source", "event"),
            "x" * 8 + "y" * 5 + "z" * 6 + "w" * 5, relations,
        )  # fmt: skip

    article = SpanArticle(
        "a" * 16,
        {
            "a": made(((0, 1, "source"), (0, 2, "source"))),
            "b": made(((0, 1, "source"), (3, 1, "source"))),
        },
    )
    found = agreement([Compared(article, tokens(40))], ["a", "b", "c"])
    (ab, ac, bc) = found.pairs
    assert (ab.relations.exact, ab.relations.first, ab.relations.second) == (1, 2, 2)
    assert ab.relations.exact_f1 == pytest.approx(0.5)
    assert ac.relations.exact_f1 is None and bc.relations.exact_f1 is None  # c made nothing
    assert found.relation_f1 == pytest.approx(0.5)
    assert found.relations == {"a": 2, "b": 2, "c": 0}
    data = found.to_dict()
    assert data["relations"] == {"f1": pytest.approx(0.5), "made": {"a": 2, "b": 2, "c": 0}}
    assert data["pairs"][0]["relations"]["matches"] == 1
    # Comparing only claims and events leaves the sources out, and so every relation.
    only = agreement([Compared(article, tokens(40))], ["a", "b"], labels=["claim", "event"])
    assert only.relations == {"a": 0, "b": 0} and only.relation_f1 is None


@settings(max_examples=100, deadline=None)
@given(team_articles, st.sampled_from([None, ["claim"], ["event", "claim", "unused"]]))
def test_a_report_read_back_from_its_json_is_the_same_report(
    made: list[tuple[list[tuple[int, int, str]] | None, ...]], labels: list[str] | None
) -> None:
    # (The figure cache keeps reports as this JSON: annotations/figurecache.py.)
    items = [
        item(
            f"{n:016x}", 20, **{name: s for name, s in zip("abc", by, strict=True) if s is not None}
        )
        for n, by in enumerate(made)
    ]
    found = agreement(items, ["a", "b", "c"], labels=labels)
    written = json.dumps(found.to_dict())
    read = Agreement.from_dict(json.loads(written))
    assert read == found
    assert json.dumps(read.to_dict()) == written
