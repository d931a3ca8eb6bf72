"""Per-annotator figures for a workspace: annotations by label, article statuses, drift."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotations.drift import Drift, check, unplaced
from annotations.model import Status
from annotations.workspace import Workspace
from corpus.article import Article


@dataclass
class AnnotatorStats:
    annotator: str
    labels: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)  # articles by status
    drifted: list[Drift] = field(default_factory=list)

    @property
    def annotations(self) -> int:
        return sum(self.labels.values())

    @property
    def articles(self) -> int:
        return sum(self.statuses.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotator": self.annotator,
            "annotations": self.annotations,
            "labels": dict(sorted(self.labels.items())),
            "articles": self.articles,
            "done": self.statuses[Status.DONE],
            "in progress": self.statuses[Status.IN_PROGRESS],
            "todo": self.statuses[Status.TODO],
            "drifted": len(self.drifted),
        }


def workspace_stats(
    workspace: Workspace,
    annotators: Sequence[str],
    corpus: Mapping[str, Article] | None = None,
) -> tuple[list[AnnotatorStats], list[str]]:
    """Stats of each annotator, and the problems met: files that cannot be read (or were set
    aside earlier: their annotations are in no figure), and annotation files no annotator
    reaches. Nothing is moved or written: the stores are opened read-only.

    Each article's text is read once, however many annotators it has; texts come from the
    workspace's copies, else from `corpus`. Files that hold nothing (an article opened but
    never annotated) are not counted; annotations that could not be placed on an edited
    article's new text count as drifted.
    """
    found = {name: AnnotatorStats(name) for name in annotators}
    problems: list[str] = list(workspace.strays())
    walk = workspace.each_article(annotators, lambda c: problems.append(str(c)), check_files=True)
    for article in walk:
        text: str | None = None
        looked = False
        for name, state in article.states.items():
            if not state.touched:
                continue
            stats = found[name]
            stats.statuses[state.status] += 1
            if state.annotations and not looked:
                copy = workspace.find_article(article.article_id, corpus or {}, problems)
                text, looked = (copy.text if copy else None), True
            for annotation in state.annotations:
                stats.labels[annotation.label] += 1
                drift = check(annotation, text)
                if drift is not None:
                    stats.drifted.append(drift)
            for waiting in state.unplaced:
                stats.labels[waiting.annotation.label] += 1
                stats.drifted.append(unplaced(waiting))
    return list(found.values()), problems
