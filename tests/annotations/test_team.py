"""The team comparison's building blocks: which articles are shared, groups of overlapping
spans, what a merge policy takes, and when a group counts as settled."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotations.model import Status
from annotations.store import Store
from annotations.team import (
    GROUP_KEY_PREFIX,
    Span,
    TeamArticle,
    disagreements,
    groups,
    merged_spans,
    open_groups,
    review_attrs,
    select,
)
from annotations.workspace import Workspace

TEXT = "Moscow and Washington discussed rare earth metals on Tuesday, officials said."
A1, A2, A3 = "a" * 16, "b" * 16, "c" * 16


def annotate(
    root: Path,
    who: str,
    article: str,
    spans: Sequence[tuple[int, int, str]],
    status: Status | None = Status.DONE,
) -> None:
    with Store.open(root, who, labels=None) as store:
        for start, end, label in spans:
            store.add(article, start, end, label, TEXT[start:end])
        if status is not None:
            store.set_status(article, status)


def spans_of(selection_article: TeamArticle) -> dict[str, list[Span]]:
    return {n: [Span.of(a) for a in made] for n, made in selection_article.spans.items()}


def test_by_default_only_articles_everyone_marked_done_are_compared(tmp_path: Path) -> None:
    annotate(tmp_path, "a", A1, [(0, 6, "claim")])
    annotate(tmp_path, "b", A1, [], Status.DONE)  # done with nothing to tag: an answer
    annotate(tmp_path, "a", A2, [(0, 6, "claim")])
    annotate(tmp_path, "b", A2, [(0, 6, "claim")], Status.IN_PROGRESS)
    annotate(tmp_path, "a", A3, [(0, 6, "claim")])
    selection = select(Workspace(tmp_path), ["a", "b"])
    assert [t.article_id for t in selection.articles] == [A1]
    assert spans_of(selection.articles[0]) == {"a": [Span(0, 6, "claim")], "b": []}
    assert dict(selection.left_out) == {A2: "not done by b", A3: "not done by b"}


def test_unfinished_takes_articles_two_annotated_with_those_two(tmp_path: Path) -> None:
    annotate(tmp_path, "a", A1, [(0, 6, "claim")], Status.IN_PROGRESS)
    annotate(tmp_path, "c", A1, [(0, 6, "event")], None)
    annotate(tmp_path, "a", A2, [(0, 6, "claim")], None)
    annotate(tmp_path, "b", A2, [], Status.IN_PROGRESS)  # opened, nothing made, not done
    selection = select(Workspace(tmp_path), ["a", "b", "c"], include_unfinished=True)
    assert [t.article_id for t in selection.articles] == [A1]
    assert selection.articles[0].annotators == ("a", "c")
    assert dict(selection.left_out) == {A2: "annotated only by a"}


def test_labels_filter_the_spans(tmp_path: Path) -> None:
    annotate(tmp_path, "a", A1, [(0, 6, "claim"), (11, 21, "event")])
    annotate(tmp_path, "b", A1, [(11, 21, "event")])
    selection = select(Workspace(tmp_path), ["a", "b"], labels=["event"])
    assert spans_of(selection.articles[0]) == {
        "a": [Span(11, 21, "event")],
        "b": [Span(11, 21, "event")],
    }


def article(**spans: list[tuple[int, int, str]]) -> TeamArticle:
    from annotations.model import Annotation

    made = {
        name: tuple(
            Annotation(f"{A1}-{name}{i:011d}", A1, s, e, label, TEXT[s:e], annotator=name)
            for i, (s, e, label) in enumerate(items)
        )
        for name, items in spans.items()
    }
    return TeamArticle(A1, made)


def test_groups_join_chains_of_overlap_and_keep_touching_spans_apart() -> None:
    item = article(
        a=[(0, 6, "claim"), (11, 21, "event")],
        b=[(0, 6, "claim"), (15, 30, "event"), (21, 30, "figure")],
        c=[(0, 6, "claim"), (28, 40, "claim")],
    )
    found = groups(item)
    assert [(g.start, g.end, g.agreed) for g in found] == [(0, 6, True), (11, 40, False)]
    chain = found[1]
    assert [Span.of(a) for a in chain.version("b")] == [
        Span(15, 30, "event"),
        Span(21, 30, "figure"),
    ]
    assert chain.version("a") and chain.version("c")
    assert disagreements(item) == [chain]
    # A span that ends where another starts does not overlap it.
    assert len(groups(article(a=[(0, 6, "claim")], b=[(6, 10, "claim")]))) == 2


def test_a_group_made_by_only_some_annotators_is_a_disagreement() -> None:
    item = article(a=[(0, 6, "claim")], b=[])
    (group,) = groups(item)
    assert not group.agreed and group.version("b") == ()
    assert group.makers(Span(0, 6, "claim")) == ["a"]


def test_nested_spans_and_labels() -> None:
    item = article(
        a=[(0, 40, "claim"), (11, 21, "event")], b=[(0, 40, "claim"), (11, 21, "figure")]
    )
    (group,) = groups(item)
    assert not group.agreed
    assert group.makers(Span(0, 40, "claim")) == ["a", "b"]


def test_group_keys_are_stable_and_change_with_the_spans() -> None:
    one = groups(article(a=[(0, 6, "claim")], b=[(0, 7, "claim")]))[0]
    again = groups(article(a=[(0, 6, "claim")], b=[(0, 7, "claim")]))[0]
    other = groups(article(a=[(0, 6, "claim")], b=[(0, 8, "claim")]))[0]
    assert one.key == again.key != other.key


def test_merge_policies() -> None:
    item = article(
        a=[(0, 6, "claim"), (11, 21, "event")],
        b=[(0, 6, "claim"), (11, 21, "event"), (22, 31, "figure")],
        c=[(0, 6, "claim"), (22, 31, "figure"), (50, 60, "claim")],
    )
    agreed = merged_spans(item, "agreed")
    assert agreed == [(Span(0, 6, "claim"), ["a", "b", "c"])]
    majority = merged_spans(item, "majority")
    assert majority == [
        (Span(0, 6, "claim"), ["a", "b", "c"]),
        (Span(11, 21, "event"), ["a", "b"]),
        (Span(22, 31, "figure"), ["b", "c"]),
    ]
    # With two annotators a majority is both of them.
    two = article(a=[(0, 6, "claim")], b=[(0, 6, "claim"), (11, 21, "event")])
    assert merged_spans(two, "majority") == merged_spans(two, "agreed")


def test_a_group_is_settled_by_a_decision_for_it_or_its_rejection(tmp_path: Path) -> None:
    item = article(a=[(0, 6, "claim"), (11, 21, "event")], b=[(0, 7, "claim")])
    first, second = disagreements(item)
    with Store.open(tmp_path, "gold", labels=None) as gold:
        assert open_groups(item, None) == [first, second]
        # A span merged as agreed does not settle the group it sits in.
        gold.add(A1, 0, 6, "claim", TEXT[0:6], attrs=review_attrs(["a", "b"], "agreed"))
        assert open_groups(item, gold.article_state(A1)) == [first, second]
        gold.add(A1, 0, 7, "claim", TEXT[0:7], attrs=review_attrs(["b"], "chose:b", first.key))
        gold.reject(A1, GROUP_KEY_PREFIX + second.key, {"decision": "rejected-group"})
        assert open_groups(item, gold.article_state(A1)) == []
        gold.undo()
        assert open_groups(item, gold.article_state(A1)) == [second]
