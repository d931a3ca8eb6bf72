"""What several annotators did on the same articles: the articles a team comparison uses, the
spans each made, and where they disagree.

`assay agree` measures, `assay merge` writes what they agree on to a gold annotator and
`assay review` walks the rest; all three read the workspace through `select` (agree through
`select_spans`, the same choice of articles with spans as columns, read through a cache:
annotations/spancache.py) and compare spans through the functions here, so "shared article",
"agreed span" and "disagreement group" mean one thing everywhere.

A **disagreement group** is a set of spans (of the annotators compared, never of gold) that
overlap one another, directly or through a chain, and are not identical across the
annotators: different boundaries or labels, or made by only some of them. Its key is a hash of
the spans in it, so it stays the same across restarts while nobody changes those spans, and a
group whose spans changed is a new question for the reviewer.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.model import Annotation, Relation, Status
from annotations.spancache import AnnotatorSpans, FileSpans
from annotations.storage import CorruptFile
from annotations.store import ArticleState, Store
from annotations.workspace import Workspace

# The annotator `assay merge` and `assay review` write to unless told otherwise; `assay agree`
# leaves it out of "every annotator in the workspace".
GOLD = "gold"
POLICIES = ("agreed", "majority")
# Decisions a gold span (or a rejected group) records in `attrs.review.decision`.
AGREED, MAJORITY, EDITED, ADDED, REJECTED = (
    "agreed",
    "majority",
    "edited",
    "added",
    "rejected-group",
)
# A rejected group is remembered as a rejection in gold's store under this prefix and its key.
GROUP_KEY_PREFIX = "review-group:"


def chose(annotator: str) -> str:
    """The decision of taking `annotator`'s version of a group."""
    return f"chose:{annotator}"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """What span agreement compares: two annotations are the same span when these are equal."""

    start: int
    end: int
    label: str

    @classmethod
    def of(cls, annotation: Annotation) -> Span:
        return cls(annotation.start, annotation.end, annotation.label)


@dataclass(frozen=True)
class TeamArticle:
    """One article in a comparison: the spans of each annotator who takes part in it (all the
    named annotators, or with `include_unfinished` those who annotated it), in naming order."""

    article_id: str
    spans: Mapping[str, tuple[Annotation, ...]]
    # Each annotator's relations between those spans (who said which claim).
    relations: Mapping[str, tuple[Relation, ...]] = field(default_factory=dict)

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(self.spans)


def kept_relations(state: ArticleState, spans: Iterable[Annotation]) -> tuple[Relation, ...]:
    """The relations of `state` whose ends are both among `spans`."""
    ids = {a.id for a in spans}
    return tuple(r for r in state.relations if r.head in ids and r.child in ids)


@dataclass(frozen=True)
class SpanArticle:
    """`TeamArticle` as a comparison reads it (`select_spans`): each annotator's spans as
    columns (start, end, label, text), not as annotations."""

    article_id: str
    spans: Mapping[str, FileSpans]

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(self.spans)


@dataclass
class Chosen:
    """What `select` and `select_spans` have in common: who is compared, by which rule, and
    why each other article of the annotators was left out (`left_out`: article id, reason),
    for the user to see."""

    annotators: tuple[str, ...]
    include_unfinished: bool
    left_out: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def rule(self) -> str:
        """Which articles were used, as a phrase."""
        if self.include_unfinished:
            return "articles that at least two of them annotated"
        return "articles that all of them marked done"

    def _problem(self, on_problem: Callable[[CorruptFile], None] | None) -> Callable[..., None]:
        def problem(found: CorruptFile) -> None:
            self.problems.append(str(found))
            if on_problem is not None:
                on_problem(found)

        return problem

    def _taking(self, article_id: str, answers: Mapping[str, tuple[str, bool]]) -> list[str]:
        """The annotators an article is compared on, from each one's (status, has spans);
        none (and the reason in `left_out`) when it is left out."""
        if self.include_unfinished:
            taking = [
                n
                for n in self.annotators
                if n in answers and (answers[n][1] or answers[n][0] == Status.DONE)
            ]
            if len(taking) < 2:
                who = taking[0] if taking else "nobody"
                self.left_out.append((article_id, f"annotated only by {who}"))
                return []
            return taking
        missing = [n for n in self.annotators if n not in answers or answers[n][0] != Status.DONE]
        if missing:
            self.left_out.append((article_id, f"not done by {', '.join(missing)}"))
            return []
        return list(self.annotators)


@dataclass
class Selection(Chosen):
    """The articles a comparison uses (see `Chosen` for the rest)."""

    articles: list[TeamArticle] = field(default_factory=list)


@dataclass
class SpanSelection(Chosen):
    """`Selection` with each article's spans as columns (`select_spans`); `cache_problem`
    says why the span cache could not be saved, if it could not."""

    articles: list[SpanArticle] = field(default_factory=list)
    cache_problem: str | None = None


def annotated(state: ArticleState) -> bool:
    """Whether an annotator gave an answer on an article: spans, or a status (done with no
    spans says there is nothing to tag)."""
    return bool(state.annotations) or state.status == Status.DONE


def select(
    workspace: Workspace,
    annotators: Sequence[str],
    *,
    include_unfinished: bool = False,
    labels: Iterable[str] | None = None,
    on_problem: Callable[[CorruptFile], None] | None = None,
) -> Selection:
    """The articles to compare `annotators` on: those all of them marked done, or with
    `include_unfinished` those at least two of them annotated (each with the annotators who
    did). Only spans of `labels` are kept when it is given. Files that cannot be read are
    reported to `on_problem` (and in `problems`) and their article is left out."""
    chosen = tuple(annotators)
    wanted = None if labels is None else frozenset(labels)
    selection = Selection(chosen, include_unfinished)
    for item in workspace.each_article(chosen, selection._problem(on_problem)):
        if item.problems:
            selection.left_out.append((item.article_id, "a file of it cannot be read"))
            continue
        states = item.states
        answers = {n: (state.status, bool(state.annotations)) for n, state in states.items()}
        taking = selection._taking(item.article_id, answers)
        if not taking:
            continue
        spans = {
            name: tuple(
                sorted(
                    (a for a in states[name].annotations if wanted is None or a.label in wanted),
                    key=lambda a: (a.start, a.end, a.label, a.id),
                )
            )
            for name in taking
        }
        relations = {name: kept_relations(states[name], spans[name]) for name in taking}
        selection.articles.append(TeamArticle(item.article_id, spans, relations))
    return selection


def select_spans(
    workspace: Workspace,
    annotators: Sequence[str],
    *,
    include_unfinished: bool = False,
    labels: Iterable[str] | None = None,
    on_problem: Callable[[CorruptFile], None] | None = None,
    cache: Path | None = None,
) -> SpanSelection:
    """`select` for a comparison, which needs only the status of each file and the start, end,
    label and text of each span: the same articles, left out for the same reasons, with the
    spans as columns. With `cache` (a folder: `spancache.cache_folder()`), files unchanged
    since an earlier run are not read again (annotations/spancache.py)."""
    chosen = tuple(annotators)
    wanted = None if labels is None else frozenset(labels)
    selection = SpanSelection(chosen, include_unfinished)
    readers: dict[str, AnnotatorSpans] = {}

    def read(store: Store, article_id: str) -> FileSpans:
        reader = readers.get(store.annotator)
        if reader is None:
            reader = readers[store.annotator] = AnnotatorSpans(store, cache)
        return reader.read(article_id)

    for article_id, states, problems in workspace.walk(
        chosen, selection._problem(on_problem), read
    ):
        if problems:
            selection.left_out.append((article_id, "a file of it cannot be read"))
            continue
        answers = {n: (found.status, bool(found.starts)) for n, found in states.items()}
        taking = selection._taking(article_id, answers)
        if not taking:
            continue
        spans = {name: _only(states[name], wanted) for name in taking}
        selection.articles.append(SpanArticle(article_id, spans))
    for reader in readers.values():
        reader.save()
        selection.cache_problem = selection.cache_problem or reader.problem
    return selection


def _only(found: FileSpans, wanted: frozenset[str] | None) -> FileSpans:
    """`found` with only the spans of `wanted` labels (all of them when it is None)."""
    if wanted is None:
        return found
    return found.where([label in wanted for label in found.labels])


@dataclass(frozen=True)
class Group:
    """Overlapping spans of the annotators of one article (see the module's docstring).

    `spans` holds every annotator of the article, with an empty tuple for those who made
    none here; `agreed` is True when every annotator made exactly the same spans."""

    key: str
    article_id: str
    start: int
    end: int
    spans: Mapping[str, tuple[Annotation, ...]]
    # Each annotator's relations from a span of the group (e.g. a claim to its source, which
    # may lie outside the group), with their other end: (relation, head, child).
    links: Mapping[str, tuple[tuple[Relation, Annotation, Annotation], ...]] = field(
        default_factory=dict
    )

    @property
    def agreed(self) -> bool:
        versions = [frozenset(Span.of(a) for a in made) for made in self.spans.values()]
        counts = [len(made) for made in self.spans.values()]
        linked = {self.linked(name) for name in self.spans}
        return (len(set(versions)) == 1 and all(c == len(versions[0]) for c in counts)) and len(
            linked
        ) <= 1

    def linked(self, annotator: str) -> frozenset[tuple[Span, Span, str]]:
        """`annotator`'s relations from the group's spans, by the spans they link and label
        (two annotators agree on a relation when these are the same)."""
        return frozenset(
            (Span.of(head), Span.of(child), relation.label)
            for relation, head, child in self.links.get(annotator, ())
        )

    def version(self, annotator: str) -> tuple[Annotation, ...]:
        return self.spans.get(annotator, ())

    def makers(self, span: Span) -> list[str]:
        """The annotators who made exactly `span` in this group."""
        return [n for n, made in self.spans.items() if any(Span.of(a) == span for a in made)]


def groups(article: TeamArticle) -> list[Group]:
    """Every group of overlapping spans of `article`, agreed or not, in text order."""
    everyone = [(a, name) for name, made in article.spans.items() for a in made]
    everyone.sort(key=lambda pair: (pair[0].start, pair[0].end))
    found: list[Group] = []
    current: list[tuple[Annotation, str]] = []
    reach = -1
    for annotation, name in everyone:
        # Spans sorted by start overlap a component while they start before its furthest end.
        if current and annotation.start >= reach:
            found.append(_group(article, current))
            current = []
        current.append((annotation, name))
        reach = max(reach, annotation.end) if current[1:] else annotation.end
    if current:
        found.append(_group(article, current))
    return found


def _group(article: TeamArticle, members: list[tuple[Annotation, str]]) -> Group:
    spans = {name: tuple(a for a, who in members if who == name) for name in article.annotators}
    signature = sorted(
        f"{name}\x00{a.start}\x00{a.end}\x00{a.label}" for name, made in spans.items() for a in made
    )
    links: dict[str, tuple[tuple[Relation, Annotation, Annotation], ...]] = {}
    for name, made in spans.items():
        ids = {a.id for a in made}
        by_id = {a.id: a for a in article.spans.get(name, ())}
        found = tuple(
            (r, by_id[r.head], by_id[r.child])
            for r in article.relations.get(name, ())
            if r.head in ids and r.head in by_id and r.child in by_id
        )
        if found:
            links[name] = found
            # (only with relations: the key of a group without them is as it always was)
            signature += sorted(
                f"{name}\x02{h.start}\x00{h.end}\x00{h.label}\x00{c.start}\x00{c.end}\x00"
                f"{c.label}\x00{r.label}"
                for r, h, c in found
            )
    digest = hashlib.sha256("\x01".join(signature).encode("utf-8")).hexdigest()[:16]
    return Group(
        key=digest,
        article_id=article.article_id,
        start=min(a.start for a, _ in members),
        end=max(a.end for a, _ in members),
        spans=spans,
        links=links,
    )


def disagreements(article: TeamArticle) -> list[Group]:
    """The groups of `article` that are not identical across its annotators."""
    return [g for g in groups(article) if not g.agreed]


def merged_spans(article: TeamArticle, policy: str) -> list[tuple[Span, list[str]]]:
    """The spans `policy` takes into gold, each with who made it: `agreed`, those every
    annotator of the article made exactly; `majority`, those more than half of them made."""
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {', '.join(POLICIES)}, not {policy!r}")
    total = len(article.spans)
    counts: Counter[Span] = Counter()
    makers: dict[Span, list[str]] = {}
    for name, made in article.spans.items():
        for span in sorted({Span.of(a) for a in made}):
            counts[span] += 1
            makers.setdefault(span, []).append(name)
    need = total if policy == "agreed" else total // 2 + 1
    return [(span, makers[span]) for span in sorted(counts) if counts[span] >= need]


def review_attrs(sources: Sequence[str], decision: str, group: str | None = None) -> dict[str, Any]:
    """`attrs` of a gold span: where it came from and which decision put it there."""
    review: dict[str, Any] = {"from": list(sources), "decision": decision}
    if group is not None:
        review["group"] = group
    return {"review": review}


def settled_keys(gold: ArticleState | None) -> frozenset[str]:
    """The keys of the groups the reviewer has settled on one article: gold holds a span
    decided for the group (chosen, edited), or the group was rejected. Spans merged as agreed
    carry no group: the rest of a group they sit in is still a question."""
    if gold is None:
        return frozenset()
    keys = {k[len(GROUP_KEY_PREFIX) :] for k in gold.rejected if k.startswith(GROUP_KEY_PREFIX)}
    for annotation in gold.annotations:
        review = annotation.attrs.get("review")
        if isinstance(review, Mapping) and isinstance(review.get("group"), str):
            keys.add(review["group"])
    return frozenset(keys)


def decided(group: Group, gold: ArticleState | None) -> bool:
    """Whether the reviewer has settled `group` (see `settled_keys`)."""
    return group.key in settled_keys(gold)


def open_groups(article: TeamArticle, gold: ArticleState | None) -> list[Group]:
    """The disagreement groups of `article` the reviewer has not settled yet."""
    settled = settled_keys(gold)
    return [g for g in disagreements(article) if g.key not in settled]
