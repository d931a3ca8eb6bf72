"""The review's reader and panel: the reader with a gutter column per annotator, and the side
panel with the article's disagreement groups above its annotations.

Annotators are told apart by column and number, never by colour: annotator k's spans put the
initial of their label in the k-th column after the gutter, and the panel names who made which
version of each group (label, offsets, words). Names, labels and words come from outside and
are drawn as plain text (`Content`), never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.widgets.option_list import Option

from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import MAX_ROWS, SidePanel, _nearest, _short

if TYPE_CHECKING:
    from annotations.model import Annotation
    from annotations.team import Group
    from corpus.article import Article

_GROUP_CHARS = 36


class ReviewView(ArticleView):
    """The reader of a review: annotators' spans are an overlay each, shown in their gutter
    column (their text is not tinted: gold's spans are, as the layer being edited)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--theirs"}
    DEFAULT_CSS = "ReviewView > .article-view--theirs { }"


@dataclass(frozen=True)
class GroupRow:
    """One disagreement group as the panel lists it."""

    group: Group
    number: int  # in text order, from 1
    decision: str | None  # how it was settled, None while open

    @property
    def start(self) -> int:
        return self.group.start


class ReviewPanel(SidePanel):
    """The side panel, with the open article's disagreement groups first."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._groups: tuple[GroupRow, ...] = ()
        self._numbers: dict[str, int] = {}

    def show_groups(self, rows: Sequence[GroupRow], numbers: dict[str, int]) -> None:
        """The article's groups (`numbers`: each annotator's number in the review)."""
        rows = tuple(rows)
        if (rows, numbers) == (self._groups, self._numbers):
            return
        self._groups, self._numbers = rows, dict(numbers)
        self._rebuild()

    def highlighted_group(self) -> str | None:
        """The key of the group on the highlighted row, if it is a group's."""
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        return option_id[2:] if option_id.startswith("g:") else None

    def _annotation_options(self, article: Article) -> list[Option | None]:
        return [*self._group_options(article), *super()._annotation_options(article)]

    def _group_options(self, article: Article) -> list[Option | None]:
        still = sum(1 for row in self._groups if row.decision is None)
        heading = f"Groups ({still:,} open of {len(self._groups):,}): . , move"
        rows = _nearest(list(self._groups), self._near)  # a long article has thousands
        if len(rows) < len(self._groups):
            heading = f"Groups ({still:,} open of {len(self._groups):,}; the {MAX_ROWS} nearest)"
        options: list[Option | None] = [self._heading(heading)]
        if not rows:
            options.append(Option(Content("  no disagreements here"), disabled=True))
        for row in rows:
            group = row.group
            key = f"g:{group.key}"
            self._choices[key] = ("span", (group.start, group.end))
            state = "? open" if row.decision is None else f"✓ {row.decision}"
            parts: list[Content | tuple[str, str] | str] = [
                (f"{row.number}", "bold"),
                f" {state} ",
                Content(_short(article.text[group.start : group.end], _GROUP_CHARS)),
            ]
            for name, made in group.spans.items():
                who: list[Content | tuple[str, str] | str] = [
                    "\n  ",
                    (f"{self._numbers.get(name, '?')} ", "bold"),
                    Content(name),
                ]
                if not made:
                    parts += [*who, ": —"]
                for annotation in made:  # a line each, naming who made it
                    parts += [*who, " ", *_version(annotation)]
                    for relation, head, child in group.links.get(name, ()):
                        if head.id == annotation.id:  # who said it, in their version
                            parts += [
                                "\n      ",
                                ("← ", "bold"),
                                f"{relation.label}: ",
                                Content(_short(child.text, _GROUP_CHARS - 12)),
                            ]
            options.append(Option(Content.assemble(*parts), id=key))
        options.append(None)
        return options


def _version(annotation: Annotation) -> list[Content | tuple[str, str] | str]:
    return [
        (annotation.label, "bold"),
        f" {annotation.start}–{annotation.end} ",
        Content(_short(annotation.text, _GROUP_CHARS - 8)),
    ]
