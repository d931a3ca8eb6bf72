"""The merge into gold: what each policy takes, with what provenance, written once, undoable
one article at a time, and checked against the article's text."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.merge import MergePlan, apply_merge, majority_versions, merge, plan_merge
from annotations.model import Status
from annotations.store import ReadOnlyStore, Store, StoreError
from annotations.team import GROUP_KEY_PREFIX, Span, open_groups, select
from annotations.workspace import Workspace
from corpus.article import Article, make_article

TEXT = "Moscow and Washington discussed rare earth metals on Tuesday, officials said."
OTHER = "Traders said the markets were quiet, and nothing else happened on Friday."
MOSCOW, WASHINGTON, RARE, TUESDAY = (0, 6), (11, 21), (32, 49), (53, 60)

Spans = Sequence[tuple[tuple[int, int], str]]


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Article, Article]:
    """Two articles kept in the workspace at tmp_path."""
    first = make_article(TEXT, "one.txt", title="Rare earths")
    second = make_article(OTHER, "two.txt", title="Quiet day")
    workspace = Workspace(tmp_path)
    workspace.save_article(first)
    workspace.save_article(second)
    return first, second


def annotate(
    root: Path,
    who: str,
    article: Article,
    spans: Spans,
    status: Status | None = Status.DONE,
) -> None:
    with Store.open(root, who, labels=None) as store:
        for (start, end), label in spans:
            store.add(article.id, start, end, label, article.text[start:end])
        if status is not None:
            store.set_status(article.id, status)


def run_merge(
    root: Path,
    annotators: Sequence[str],
    policy: str,
    *,
    include_unfinished: bool = False,
    corpus: Mapping[str, Article] | None = None,
    dry_run: bool = False,
) -> MergePlan:
    workspace = Workspace(root)
    selection = select(workspace, annotators, include_unfinished=include_unfinished)
    with Store.open(root, "gold", read_only=dry_run, labels=None) as gold:
        return merge(workspace, selection, gold, policy, corpus=corpus, dry_run=dry_run)


def gold_spans(root: Path, article: Article) -> dict[Span, tuple[str, list[str], str | None]]:
    """Gold's spans of `article`: each with its decision, who made it, and the group it
    settles; and every one checked for origin, annotator and text."""
    found = {}
    with Store.open(root, "gold", read_only=True, labels=None) as gold:
        for a in gold.for_article(article.id):
            assert a.origin == "review" and a.annotator == "gold"
            assert a.text == article.text[a.start : a.end]
            review = a.attrs["review"]
            found[Span.of(a)] = (review["decision"], review["from"], review.get("group"))
    return found


def files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` but the locks (opening a store for writing takes its lock,
    writing the process id into it), with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_agreed_with_two_annotators_takes_the_spans_both_made(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event"), (TUESDAY, "figure")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim"), (RARE, "claim"), (WASHINGTON, "event")])
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    assert plan.added == 1 and plan.present == 0 and not plan.drifted
    assert gold_spans(tmp_path, one) == {Span(*MOSCOW, "claim"): ("agreed", ["a", "b"], None)}
    # Left to review: rare earths (event or claim), Washington (b only), Tuesday (a only).
    (article,) = plan.to_review()
    assert len(article.open_groups) == 3 and plan.open == 3


def test_agreed_with_three_annotators_needs_all_three(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(tmp_path, "c", one, [(MOSCOW, "claim")])
    plan = run_merge(tmp_path, ["a", "b", "c"], "agreed")
    assert gold_spans(tmp_path, one) == {Span(*MOSCOW, "claim"): ("agreed", ["a", "b", "c"], None)}
    assert plan.open == 1  # c left out the rare earths: agreed settles nothing


def test_majority_with_three_annotators_takes_two_of_three_and_settles_their_group(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event"), (TUESDAY, "figure")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim"), (RARE, "event"), (WASHINGTON, "event")])
    annotate(tmp_path, "c", one, [(MOSCOW, "claim"), ((32, 45), "event")])
    plan = run_merge(tmp_path, ["a", "b", "c"], "majority")
    made = gold_spans(tmp_path, one)
    assert set(made) == {Span(*MOSCOW, "claim"), Span(*RARE, "event")}
    assert made[Span(*MOSCOW, "claim")] == ("agreed", ["a", "b", "c"], None)
    decision, sources, group = made[Span(*RARE, "event")]
    assert (decision, sources) == ("majority", ["a", "b"]) and group is not None
    # Washington (b alone) and Tuesday (a alone) have no majority version that holds a span
    # (most made nothing there): still open. The rare earths group is settled.
    (article,) = plan.articles
    assert [(g.start, g.end) for g in article.open_groups] == [WASHINGTON, TUESDAY]
    assert group not in {g.key for g in article.open_groups}
    with Store.open(tmp_path, "gold", read_only=True, labels=None) as gold:
        (team,) = select(Workspace(tmp_path), ["a", "b", "c"]).articles
        assert open_groups(team, gold.article_state(one.id)) == article.open_groups


def test_majority_with_two_annotators_is_agreement(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim"), (RARE, "claim")])
    plan = run_merge(tmp_path, ["a", "b"], "majority")
    assert gold_spans(tmp_path, one) == {Span(*MOSCOW, "claim"): ("agreed", ["a", "b"], None)}
    assert plan.open == 1


def test_a_majority_version_made_of_spans_everyone_made_settles_its_group(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    """c alone adds Washington beside the capital everyone tagged: the majority's version of
    the group is the capital only, so that span settles the group; agreed settles nothing."""
    one, _ = articles
    annotate(tmp_path, "a", one, [((0, 21), "event")])
    annotate(tmp_path, "b", one, [((0, 21), "event")])
    annotate(tmp_path, "c", one, [((0, 21), "event"), (WASHINGTON, "claim")])
    agreed = run_merge(tmp_path, ["a", "b", "c"], "agreed", dry_run=True)
    assert agreed.open == 1 and [p.group for a in agreed.articles for p in a.planned] == [None]
    majority = run_merge(tmp_path, ["a", "b", "c"], "majority")
    assert majority.open == 0
    ((decision, sources, group),) = gold_spans(tmp_path, one).values()
    assert (decision, sources) == ("agreed", ["a", "b", "c"]) and group is not None


def test_a_group_most_left_empty_stays_open(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [])
    annotate(tmp_path, "b", one, [])
    annotate(tmp_path, "c", one, [(RARE, "claim")])
    (team,) = select(Workspace(tmp_path), ["a", "b", "c"]).articles
    assert majority_versions(team) == {}
    plan = run_merge(tmp_path, ["a", "b", "c"], "majority")
    assert plan.added == 0 and plan.open == 1


def test_a_second_merge_adds_nothing_and_writes_nothing(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    for who in ("a", "b", "c"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim"), (RARE, "event")])
        annotate(tmp_path, who, two, [((0, 7), "event")])
    first = run_merge(tmp_path, ["a", "b", "c"], "majority")
    assert first.added == 3
    before = files(tmp_path / "annotations" / "gold")
    again = run_merge(tmp_path, ["a", "b", "c"], "majority")
    assert again.added == 0 and again.planned == 0 and again.present == 3
    # Another policy over the same spans finds them there too.
    assert run_merge(tmp_path, ["a", "b"], "agreed").added == 0
    assert files(tmp_path / "annotations" / "gold") == before


def test_a_span_gold_holds_already_is_not_doubled(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim"), (RARE, "event")])
    with Store.open(tmp_path, "gold", labels=None) as gold:  # the reviewer added it by hand
        gold.add(one.id, *MOSCOW, "claim", TEXT[slice(*MOSCOW)])
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    assert plan.added == 1 and plan.present == 1
    with Store.open(tmp_path, "gold", read_only=True, labels=None) as gold:
        origins = sorted((a.label, a.origin) for a in gold.for_article(one.id))
    assert origins == [("claim", "manual"), ("event", "review")]


def test_one_undo_takes_back_one_article_also_after_a_restart(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    for who in ("a", "b"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim"), (RARE, "event")])
        annotate(tmp_path, who, two, [((0, 7), "event"), ((17, 24), "claim")])
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    assert [len(a.added) for a in plan.articles] == [2, 2]
    last, earlier = plan.articles[1].article_id, plan.articles[0].article_id
    with Store.open(tmp_path, "gold", labels=None) as gold:
        change = gold.undo()
        assert change is not None and change.article_id == last
        assert gold.for_article(last) == [] and len(gold.for_article(earlier)) == 2
    with Store.open(tmp_path, "gold", labels=None) as gold:  # a restart: the history is kept
        change = gold.undo()
        assert change is not None and change.article_id == earlier
        assert gold.for_article(earlier) == [] and not gold.can_undo
        gold.redo()
        assert len(gold.for_article(earlier)) == 2
    # Merging again brings back what was undone, and only that.
    assert run_merge(tmp_path, ["a", "b"], "agreed").added == 2


def test_drifted_spans_are_reported_and_never_written(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    for who in ("a", "b"):
        with Store.open(tmp_path, who, labels=None) as store:
            store.add(one.id, *MOSCOW, "claim", "Madrid")  # annotated on another text
            store.add(one.id, *RARE, "event", TEXT[slice(*RARE)])
            store.set_status(one.id, "done")
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    (drift,) = plan.drifted
    assert drift.reason == "the text changed" and drift.found == "Moscow"
    assert "Madrid" in drift.describe()
    assert set(gold_spans(tmp_path, one)) == {Span(*RARE, "event")}


def test_an_article_without_text_merges_nothing_and_says_so(tmp_path: Path) -> None:
    unseen = make_article(TEXT, "gone.txt")  # never saved in the workspace
    for who in ("a", "b"):
        annotate(tmp_path, who, unseen, [(MOSCOW, "claim")])
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    (drift,) = plan.drifted
    assert "no copy" in drift.reason and plan.added == 0
    # Found in a corpus, its spans go in.
    plan = run_merge(tmp_path, ["a", "b"], "agreed", corpus={unseen.id: unseen})
    assert plan.added == 1 and not plan.drifted


def test_include_unfinished_merges_among_those_who_annotated(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event")], Status.IN_PROGRESS)
    annotate(tmp_path, "b", one, [(MOSCOW, "claim")], None)
    annotate(tmp_path, "a", two, [((0, 7), "event")])  # only a: not merged
    assert run_merge(tmp_path, ["a", "b", "c"], "agreed", dry_run=True).articles == []
    plan = run_merge(tmp_path, ["a", "b", "c"], "agreed", include_unfinished=True)
    assert [a.article_id for a in plan.articles] == [one.id]
    assert plan.articles[0].annotators == ("a", "b")
    assert gold_spans(tmp_path, one) == {Span(*MOSCOW, "claim"): ("agreed", ["a", "b"], None)}
    assert dict(plan.selection.left_out) == {two.id: "annotated only by a"}


def test_a_dry_run_plans_the_same_and_writes_nothing(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    for who in ("a", "b", "c"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim")] + ([(RARE, "event")] if who < "c" else []))
    before = files(tmp_path)
    dry = run_merge(tmp_path, ["a", "b", "c"], "majority", dry_run=True)
    assert files(tmp_path) == before
    assert not (tmp_path / "annotations" / "gold").exists()
    assert dry.planned == 2 and dry.added == 0 and dry.open == 0
    assert dry.labels() == {"claim": 1, "event": 1}
    real = run_merge(tmp_path, ["a", "b", "c"], "majority")
    assert [p.item() for a in real.articles for p in a.planned] == [
        p.item() for a in dry.articles for p in a.planned
    ]
    assert real.added == 2 and real.labels() == dry.labels()


def test_apply_refuses_a_read_only_gold(tmp_path: Path, articles: tuple[Article, Article]) -> None:
    one, _ = articles
    for who in ("a", "b"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim")])
    workspace = Workspace(tmp_path)
    with Store.open(tmp_path, "gold", labels=None) as holder:
        assert not holder.read_only
        with Store.open(tmp_path, "gold", labels=None) as second:  # the lock is held
            assert second.read_only
            plan = plan_merge(workspace, select(workspace, ["a", "b"]), second, "agreed")
            assert plan.planned == 1
            with pytest.raises(StoreError, match="another assay"):
                apply_merge(plan, second)
    with Store.open(tmp_path, "gold", read_only=True, labels=None) as gold:
        assert gold.for_article(one.id) == []


def test_a_write_that_fails_keeps_the_articles_before_it(
    tmp_path: Path, articles: tuple[Article, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = articles
    for who in ("a", "b"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim")])
        annotate(tmp_path, who, two, [((0, 7), "event")])
    workspace = Workspace(tmp_path)
    with Store.open(tmp_path, "gold", labels=None) as gold:
        plan = plan_merge(workspace, select(workspace, ["a", "b"]), gold, "agreed")
        first, second = plan.articles
        real = gold.add_group

        def fail_second(article_id: str, items: object) -> object:
            if article_id == second.article_id:
                raise ReadOnlyStore("the disk is full")
            return real(article_id, items)  # type: ignore[arg-type]

        monkeypatch.setattr(gold, "add_group", fail_second)
        apply_merge(plan, gold)
    assert plan.stopped is not None and "the disk is full" in plan.stopped
    assert plan.added == 1 and len(first.added) == 1 and second.added == []
    assert run_merge(tmp_path, ["a", "b"], "agreed").added == 1  # the rest, once


def test_an_unreadable_gold_file_leaves_its_article_out(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    for who in ("a", "b"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim")])
        annotate(tmp_path, who, two, [((0, 7), "event")])
    folder = tmp_path / "annotations" / "gold"
    folder.mkdir(parents=True)
    (folder / f"{one.id}.json").write_text('{"annotations": {"1": {"id": 5}}}', "utf-8")
    plan = run_merge(tmp_path, ["a", "b"], "agreed")
    broken, fine = plan.articles
    assert broken.problem is not None and broken.added == [] and len(fine.added) == 1
    assert any(one.id in p and "cannot be read" in p for p in plan.problems)
    # The broken file is where it was, unchanged, for whoever repairs it.
    assert (folder / f"{one.id}.json").read_text("utf-8") == '{"annotations": {"1": {"id": 5}}}'


def test_an_unknown_policy_is_refused(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    with (
        Store.open(tmp_path, "gold", read_only=True, labels=None) as gold,
        pytest.raises(StoreError, match="agreed, majority"),
    ):
        plan_merge(workspace, select(workspace, ["a", "b"]), gold, "most")


def test_a_rejected_group_stays_settled_after_a_merge(
    tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    annotate(tmp_path, "a", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(tmp_path, "b", one, [(MOSCOW, "claim")])
    (team,) = select(Workspace(tmp_path), ["a", "b"]).articles
    (group,) = open_groups(team, None)
    with Store.open(tmp_path, "gold", labels=None) as gold:
        gold.reject(one.id, GROUP_KEY_PREFIX + group.key, {"decision": "rejected-group"})
    assert run_merge(tmp_path, ["a", "b"], "agreed").open == 0


SPAN = st.tuples(st.sampled_from([(0, 6), (0, 21), (11, 21), (32, 49)]), st.sampled_from("xy"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    team=st.lists(st.lists(SPAN, max_size=4, unique=True), min_size=2, max_size=4),
    policy=st.sampled_from(["agreed", "majority"]),
)
def test_gold_holds_what_the_policy_counts_once_and_undo_takes_it_back(
    team: list[list[tuple[tuple[int, int], str]]], policy: str
) -> None:
    article = make_article(TEXT, "one.txt")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        Workspace(root).save_article(article)
        names = [f"n{i}" for i in range(len(team))]
        for name, spans in zip(names, team, strict=True):
            annotate(root, name, article, spans)
        need = len(names) if policy == "agreed" else len(names) // 2 + 1
        made = [Span(s, e, label) for spans in team for (s, e), label in spans]
        expected = {span for span in made if made.count(span) >= need}
        plan = run_merge(root, names, policy)
        assert set(gold_spans(root, article)) == expected and plan.added == len(expected)
        assert run_merge(root, names, policy).added == 0
        with Store.open(root, "gold", labels=None) as gold:
            if expected:
                gold.undo()
            assert gold.for_article(article.id) == [] and not gold.can_undo
