"""What a review holds beside the reviewer's own session: a read-only session per annotator,
and each article's spans as the comparison sees them (annotations/team.py).

The reviewer's gold store is an ordinary `AnnotationSession` (the reader's, for the gold
annotator); the annotators' stores are opened read-only, so they need no lock and are never
written, and an annotator may go on annotating meanwhile: each article's files are read again
when it is opened (and on the refresh key). No widgets here: the sessions report by messages to
the review screen, which tells them apart by `annotator`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotations.team import (
    GROUP_KEY_PREFIX,
    Group,
    Selection,
    Span,
    TeamArticle,
    annotated,
    disagreements,
    kept_relations,
    review_attrs,
)
from reader.session import AnnotationSession, Target

if TYPE_CHECKING:
    from annotations.model import Annotation
    from annotations.store import ArticleState
    from corpus.article import Article


class ReviewSession:
    """The annotators' read-only sessions and what the review compares of each article."""

    def __init__(
        self,
        workspace: Path,
        annotators: Sequence[str],
        gold: str,
        labels: Sequence[str],
        target: Target,
        selection: Selection,
    ) -> None:
        self.workspace = Path(workspace)
        self.annotators = tuple(annotators)
        self.gold = gold
        self.include_unfinished = selection.include_unfinished
        self.sessions = {
            name: AnnotationSession(workspace, name, labels, target, read_only=True)
            for name in self.annotators
        }
        self._articles = {team.article_id: team for team in selection.articles}
        # Each article's groups, worked out once per reading of its spans.
        self._groups: dict[str, tuple[TeamArticle, list[Group]]] = {}

    # --- the annotators' sessions -------------------------------------------------------

    def open(self) -> None:
        for session in self.sessions.values():
            session.open()

    def close(self) -> None:
        for session in self.sessions.values():
            session.close()

    def load(self, article_id: str) -> None:
        """Read the article's files of every annotator again (they may be annotating)."""
        for session in self.sessions.values():
            session.load(article_id)

    @property
    def pending(self) -> int:
        return sum(session.pending for session in self.sessions.values())

    def number(self, annotator: str) -> int:
        """The annotator's number in the review (1 for the first named): their key and
        gutter column."""
        return self.annotators.index(annotator) + 1

    # --- what is compared ---------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return list(self._articles)

    def article(self, article_id: str) -> TeamArticle | None:
        """The article's spans of each annotator taking part, as last read (None: the article
        is not in the review)."""
        return self._articles.get(article_id)

    def changed(self, annotator: str, article_id: str, state: ArticleState) -> bool:
        """An annotator's article as read now: False when the article is not in the review.
        With `include_unfinished`, an annotator takes part once they annotated it."""
        team = self._articles.get(article_id)
        if team is None or annotator not in self.sessions:
            return False
        spans, relations = dict(team.spans), dict(team.relations)
        if annotator in spans or not self.include_unfinished or annotated(state):
            spans[annotator] = tuple(
                sorted(state.annotations, key=lambda a: (a.start, a.end, a.label, a.id))
            )
            relations[annotator] = kept_relations(state, spans[annotator])
        ordered = {name: spans[name] for name in self.annotators if name in spans}
        linked = {name: relations[name] for name in ordered if name in relations}
        # Unchanged (the usual re-read): its groups are kept.
        if ordered != dict(team.spans) or linked != dict(team.relations):
            self._articles[article_id] = replace(team, spans=ordered, relations=linked)
        return True

    def groups(self, article_id: str) -> list[Group]:
        """The article's disagreement groups, in text order."""
        team = self._articles.get(article_id)
        if team is None:
            return []
        cached = self._groups.get(article_id)
        if cached is None or cached[0] is not team:
            cached = self._groups[article_id] = (team, disagreements(team))
        return cached[1]

    def open_groups(self, article_id: str, gold: ArticleState | None) -> list[Group]:
        """The groups gold has not settled (as `annotations.team.open_groups`, with gold's
        decisions read once rather than once per group)."""
        settled = decisions(gold)
        return [g for g in self.groups(article_id) if g.key not in settled]

    # --- decisions, as the gold session saves them --------------------------------------

    def version_plan(
        self, article: Article, group: Group, annotator: str, gold: ArticleState | None
    ) -> tuple[list[dict[str, Any]], list[tuple[int | str, int | str, str]]]:
        """Taking `annotator`'s version of `group` into gold: their spans of the group, and
        the spans their relations from it lead to (a claim's source), that gold has not, as
        gold items; and their relations, each end the position of an item or the id of the
        span in gold already (relations gold has are left out)."""
        in_gold = {(a.start, a.end, a.label): a.id for a in gold.annotations} if gold else {}
        items: list[dict[str, Any]] = []
        where: dict[tuple[int, int, str], int] = {}

        def place(annotation: Annotation) -> int | str:
            span = Span.of(annotation)
            key = (span.start, span.end, span.label)
            if key in in_gold:
                return in_gold[key]
            if key not in where:
                makers = [annotator, *(m for m in group.makers(span) if m != annotator)]
                where[key] = len(items)
                items.append(
                    _item(article, span, review_attrs(makers, f"chose:{annotator}", group.key))
                )
            return where[key]

        for annotation in group.version(annotator):
            place(annotation)
        had = {(r.head, r.child, r.label) for r in gold.relations} if gold else set()
        links = []
        for relation, head, child in group.links.get(annotator, ()):
            link = (place(head), place(child), relation.label)
            if link not in had:
                links.append(link)
        return items, links

    def agreed_items(self, article: Article, gold: ArticleState | None) -> list[dict[str, Any]]:
        """Gold annotations for every span all the article's annotators made exactly that gold
        has not yet."""
        from annotations.team import AGREED, merged_spans

        team = self._articles.get(article.id)
        if team is None:
            return []
        there = {(a.start, a.end, a.label) for a in gold.annotations} if gold else set()
        return [
            _item(article, span, review_attrs(makers, AGREED))
            for span, makers in merged_spans(team, "agreed")
            if (span.start, span.end, span.label) not in there
        ]

    def makers(self, article_id: str, start: int, end: int, label: str) -> list[str]:
        """The annotators who made exactly this span."""
        team = self._articles.get(article_id)
        if team is None:
            return []
        span = Span(start, end, label)
        return [n for n, made in team.spans.items() if any(Span.of(a) == span for a in made)]

    def group_of(self, article_id: str, start: int, end: int) -> Group | None:
        """The one disagreement group `[start, end)` overlaps, if it overlaps exactly one."""
        touching = [g for g in self.groups(article_id) if g.start < end and start < g.end]
        return touching[0] if len(touching) == 1 else None


def rejection_key(group: Group) -> str:
    """Where gold's store remembers a decision on `group` that put no span in gold."""
    return GROUP_KEY_PREFIX + group.key


def group_makers(group: Group) -> list[str]:
    """The annotators who made any span of `group`."""
    return [name for name, made in group.spans.items() if made]


def decisions(gold: ArticleState | None) -> dict[str, str]:
    """Group key to how the reviewer settled it ("chose:ana", "edited", ...; "nothing to gold" for
    a decision that put nothing in gold), as `annotations.team.decided` reads gold."""
    if gold is None:
        return {}
    found = {
        key[len(GROUP_KEY_PREFIX) :]: "nothing to gold"
        for key in gold.rejected
        if key.startswith(GROUP_KEY_PREFIX)
    }
    for annotation in gold.annotations:
        review = annotation.attrs.get("review")
        if isinstance(review, Mapping) and isinstance(review.get("group"), str):
            found[review["group"]] = str(review.get("decision", "decided"))
    return found


def _item(article: Article, span: Span, attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": article.text[span.start : span.end],
        "attrs": dict(attrs),
        "origin": "review",
    }


def edited_attrs(annotation: Annotation) -> dict[str, Any]:
    """`attrs` of a gold span whose boundaries or label the reviewer changed: the decision
    becomes "edited", where it came from is kept."""
    from annotations.team import EDITED

    attrs = dict(annotation.attrs)
    review = attrs.get("review")
    if isinstance(review, Mapping):
        attrs["review"] = {**review, "decision": EDITED}
    else:
        attrs.update(review_attrs([], EDITED))
    return attrs
