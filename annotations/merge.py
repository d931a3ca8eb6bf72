"""`assay merge`: write what a team agrees on into a gold annotator's store.

For each article `team.select` takes, the spans a policy takes (`team.merged_spans`: those all,
or more than half, of the article's annotators made exactly) go into gold, unless gold holds a
span of the same start, end and label already: running a merge again adds nothing, and a span
the reviewer put there by hand is never doubled. Every span is checked against the article's
text first (annotations/drift.py); one whose text no longer matches is reported and left out,
never written.

Each article's spans are written with `Store.add_group`: one durable write and one undoable
change per article, so an undo in gold takes back one article's merge whole. Each carries
`origin: "review"` and `attrs.review` (who made it, and the decision: "agreed" when every
annotator of the article made it, else "majority").

A majority merge also settles a disagreement group when more than half of the article's
annotators made exactly the same spans in it (the group's majority version): those spans carry
the group's key (`attrs.review.group`), whether everyone made them or only the majority, so
`team.open_groups` no longer counts the group and `assay review` does not ask about it again.
A group whose majority version is empty (most annotators made nothing there) stays open:
settling it would take a rejection in gold, a second change for the article, and the reviewer
settles it with one key. So does a group whose majority version gold holds already, from an
earlier merge or by hand: the merge adds nothing, and changes nothing gold has.

Planning reads only, so a dry run plans with gold opened read-only; `apply_merge` writes the
plan with gold's lock held (the CLI plans under the same lock, so nobody adds to gold between
the two).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotations.drift import Drift, check
from annotations.model import Annotation
from annotations.storage import CorruptFile
from annotations.store import Store, StoreError
from annotations.team import (
    AGREED,
    MAJORITY,
    POLICIES,
    Group,
    Selection,
    Span,
    TeamArticle,
    groups,
    merged_spans,
    open_groups,
    review_attrs,
)
from annotations.workspace import Workspace
from corpus.article import Article

REVIEW_ORIGIN = "review"


@dataclass(frozen=True)
class PlannedSpan:
    """A span the merge writes into gold: what it is, who made it, and why it goes in."""

    span: Span
    makers: tuple[str, ...]
    decision: str  # AGREED or MAJORITY
    text: str  # the article's text at the span
    group: str | None = None  # the disagreement group this span settles (majority version)

    def item(self) -> dict[str, Any]:
        """The span as `Store.add_group` takes it."""
        return {
            "start": self.span.start,
            "end": self.span.end,
            "label": self.span.label,
            "text": self.text,
            "origin": REVIEW_ORIGIN,
            "attrs": review_attrs(self.makers, self.decision, self.group),
        }


@dataclass
class ArticleMerge:
    """One article of a merge: what goes into gold, what was there already, what was left
    out because its text no longer matches, and the groups still to review after it."""

    article_id: str
    title: str
    annotators: tuple[str, ...]
    planned: list[PlannedSpan] = field(default_factory=list)
    present: int = 0  # spans the policy takes that gold already holds
    drifted: list[Drift] = field(default_factory=list)
    open_groups: list[Group] = field(default_factory=list)  # after the merge
    added: list[Annotation] = field(default_factory=list)  # filled by apply_merge
    problem: str | None = None  # why the article could not be merged (gold's file unreadable)


@dataclass
class MergePlan:
    """What a merge of `selection` into `gold` does (or did, once applied)."""

    gold: str
    policy: str
    selection: Selection
    articles: list[ArticleMerge] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files or texts that could not be read
    applied: bool = False
    stopped: str | None = None  # why writing stopped part way, if it did

    @property
    def planned(self) -> int:
        return sum(len(a.planned) for a in self.articles)

    @property
    def added(self) -> int:
        return sum(len(a.added) for a in self.articles)

    @property
    def present(self) -> int:
        return sum(a.present for a in self.articles)

    @property
    def drifted(self) -> list[Drift]:
        return [d for a in self.articles for d in a.drifted]

    @property
    def open(self) -> int:
        """Disagreement groups left to review after the merge, over all articles."""
        return sum(len(a.open_groups) for a in self.articles)

    def labels(self) -> Counter[str]:
        """Labels of the spans the merge adds (or, applied, added)."""
        if self.applied:
            return Counter(a.label for m in self.articles for a in m.added)
        return Counter(p.span.label for m in self.articles for p in m.planned)

    def to_review(self) -> list[ArticleMerge]:
        """Articles with groups left to review, most first (then in order of id)."""
        left = [a for a in self.articles if a.open_groups]
        return sorted(left, key=lambda a: (-len(a.open_groups), a.article_id))


def majority_versions(article: TeamArticle) -> dict[Span, str]:
    """Spans of the majority version of each disagreement group of `article` that has one
    (more than half of its annotators made exactly the same spans in the group, and at least
    one): each span with the key of the group it settles."""
    need = len(article.spans) // 2 + 1
    settled: dict[Span, str] = {}
    for group in groups(article):
        if group.agreed:
            continue
        versions = Counter(frozenset(Span.of(a) for a in made) for made in group.spans.values())
        version, count = versions.most_common(1)[0]
        if count >= need and version:
            for span in version:
                settled[span] = group.key
    return settled


def plan_merge(
    workspace: Workspace,
    selection: Selection,
    gold: Store,
    policy: str,
    *,
    corpus: Mapping[str, Article] | None = None,
) -> MergePlan:
    """What merging `selection` into `gold` under `policy` adds; nothing is written, so `gold`
    may be read-only. Texts come from the workspace's copies, else from `corpus`."""
    if policy not in POLICIES:
        raise StoreError(f"policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    plan = MergePlan(gold.annotator, policy, selection, problems=list(selection.problems))
    texts = corpus if corpus is not None else {}
    for team_article in selection.articles:
        plan.articles.append(_plan_article(workspace, team_article, gold, policy, texts, plan))
    return plan


def _plan_article(
    workspace: Workspace,
    team_article: TeamArticle,
    gold: Store,
    policy: str,
    corpus: Mapping[str, Article],
    plan: MergePlan,
) -> ArticleMerge:
    article_id = team_article.article_id
    article = workspace.find_article(article_id, corpus, plan.problems)
    merge = ArticleMerge(article_id, article.title if article else "", team_article.annotators)
    try:
        gold_state = gold.article_state(article_id)
    except CorruptFile as exc:
        merge.problem = f"{gold.annotator}'s file of it cannot be read ({exc})"
        plan.problems.append(f"{article_id} was not merged: {merge.problem}")
        merge.open_groups = open_groups(team_article, None)
        return merge
    held = {Span.of(a) for a in gold_state.annotations}
    everyone = len(team_article.spans)
    settles = majority_versions(team_article) if policy == MAJORITY else {}
    text = article.text if article is not None else None
    made = {(name, Span.of(a)): a for name, spans in team_article.spans.items() for a in spans}
    for span, makers in merged_spans(team_article, policy):
        if span in held:
            merge.present += 1
            continue
        # The span goes in only when the text each maker annotated is what the article says
        # there now; the first that is not is reported.
        drift = next(
            (d for d in (check(made[n, span], text) for n in makers) if d is not None), None
        )
        if drift is not None:
            merge.drifted.append(drift)
            continue
        assert text is not None  # no text is a drift
        decision = AGREED if len(makers) == everyone else MAJORITY
        merge.planned.append(
            PlannedSpan(
                span,
                tuple(makers),
                decision,
                text[span.start : span.end],
                settles.get(span),
            )
        )
    settled = {p.group for p in merge.planned if p.group is not None}
    merge.open_groups = [g for g in open_groups(team_article, gold_state) if g.key not in settled]
    return merge


def apply_merge(plan: MergePlan, gold: Store) -> MergePlan:
    """Write `plan` into `gold` (writable, the store the plan was made with, its lock held
    since): one `add_group` per article, so each article is one undoable change.

    Should a write fail (a full disk), the articles written before it stay written (each is
    whole), `stopped` says why, and the rest are left: running the merge again adds only what
    is missing."""
    if gold.read_only:
        raise StoreError(
            f"cannot merge into {gold.annotator}: {gold.read_only_reason or 'read-only'}"
        )
    plan.applied = True
    for merge in plan.articles:
        if not merge.planned:
            continue
        try:
            merge.added = gold.add_group(merge.article_id, [p.item() for p in merge.planned])
        except (StoreError, OSError) as exc:
            plan.stopped = f"writing {merge.article_id} failed: {exc}"
            break
    return plan


def merge(
    workspace: Workspace,
    selection: Selection,
    gold: Store,
    policy: str,
    *,
    corpus: Mapping[str, Article] | None = None,
    dry_run: bool = False,
) -> MergePlan:
    """Plan the merge of `selection` into `gold` and, unless `dry_run`, write it."""
    plan = plan_merge(workspace, selection, gold, policy, corpus=corpus)
    if not dry_run:
        apply_merge(plan, gold)
    return plan
