"""The side panel: the open article's annotations and suggestions, then its entities by
type, its quotes with speakers and its figures.

Choosing an entity filters the article list to the articles that mention it; choosing an
annotation, a suggestion, a quote or a figure moves the reader to it. On an annotation's row
the annotating keys act on it (label keys relabel it, `d` deletes, `i` edits its note, `l`/`h`
grow or shrink its end by a word, `H`/`L` its start); on a suggestion's row `a` accepts and
`x` rejects. Every prompt is built from plain text (`Content`), never markup: entity names,
quotes and notes come from the article or the annotator.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from corpus.entities import Group, search_forms
from corpus.text import counted, show_bidi
from reader.widgets.annotation_keys import annotation_bindings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from annotations.model import Annotation, Relation, Unplaced
    from annotations.suggestions import Suggestion
    from corpus.analysis import Analysis
    from corpus.article import Article


ENTITY_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Places",
    "FAC": "Places",
    "NORP": "Groups",
    "PRODUCT": "Products",
    "EVENT": "Events",
    "LAW": "Laws",
    "WORK_OF_ART": "Works",
    "LANGUAGE": "Languages",
}
_QUOTE_CHARS = 60
_SPAN_CHARS = 44
# Rows of annotations (and of suggestions) listed at most: those nearest the reader's
# cursor. An OptionList row costs about 0.1 ms to lay out, and a long article can carry
# thousands of annotations; the reader shows them all anyway.
MAX_ROWS = 200


def _short(text: str, limit: int) -> str:
    """A snippet of the article on one row: bidi controls written out, so a cut-off override
    cannot reorder the row."""
    words = show_bidi(" ".join(text.split()))
    return words if len(words) <= limit else words[: limit - 1] + "…"


class SidePanel(OptionList):
    """What the analysis found in the open article, as a list to choose from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="side.down", tooltip="The next row"),
        Binding("k", "cursor_up", "Up", show=False, id="side.up", tooltip="The previous row"),
        Binding(
            "l",
            "app.resize_annotation('end', 1)",
            "Grow end",
            show=False,
            id="side.grow_end",
            tooltip="Move the annotation's end a word on",
        ),
        Binding(
            "h",
            "app.resize_annotation('end', -1)",
            "Shrink end",
            show=False,
            id="side.shrink_end",
            tooltip="Move the annotation's end a word back",
        ),
        Binding(
            "H",
            "app.resize_annotation('start', -1)",
            "Grow start",
            show=False,
            id="side.grow_start",
            tooltip="Move the annotation's start a word back",
        ),
        Binding(
            "L",
            "app.resize_annotation('start', 1)",
            "Shrink start",
            show=False,
            id="side.shrink_start",
            tooltip="Move the annotation's start a word on",
        ),
        *annotation_bindings("side"),
    ]

    class EntityChosen(Message):
        """An entity chosen in the panel: its name, label, and every way to find it in other
        articles (`forms`; corpus/entities.py `search_forms`)."""

        def __init__(self, text: str, label: str, forms: tuple[str, ...] = ()) -> None:
            super().__init__()
            self.text = text
            self.label = label
            self.forms = forms or (text,)

    class SpanChosen(Message):
        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class UnplacedChosen(Message):
        """An annotation of an earlier text, to be placed on this one."""

        def __init__(self, unplaced: Unplaced) -> None:
            super().__init__()
            self.unplaced = unplaced

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._unplaced: tuple[Unplaced, ...] = ()
        self._relations: tuple[Relation, ...] = ()
        self._choices: dict[str, tuple[str, Any]] = {}
        self._article: Article | None = None
        self._analysis: Analysis | None = None
        self._note = ""
        self._annotations: list[Annotation] = []
        self._suggestions: list[Suggestion] = []
        self._near = 0
        # Where the rows shown of a long list of annotations or suggestions begin (`_nearest`).
        self._windows: dict[str, int] = {}
        # The rows of the annotations shown, by id() of the annotation each holds.
        self._annotation_prompts: dict[int, tuple[Annotation, tuple[Any, ...], Content]] = {}
        # The analysis part's rows, and the (article id, analysis, note) they were made of.
        self._analysis_made: (
            tuple[tuple[str, Analysis, str], list[tuple[str, Content | None, Any]]] | None
        ) = None

    def show_analysis(self, article: Article | None, analysis: Analysis | None, note: str) -> None:
        """Fill the analysis part; `note` says why it is empty (loading, no model)."""
        if article is None or self._article is None or article.id != self._article.id:
            self._annotations, self._suggestions, self._unplaced = [], [], ()
            self._relations = ()
            self._windows.clear()
        self._article, self._analysis, self._note = article, analysis, note
        self._rebuild()

    def show_annotations(
        self,
        article: Article,
        annotations: list[Annotation],
        suggestions: list[Suggestion],
        near: int = 0,
        unplaced: Sequence[Unplaced] = (),
        relations: Sequence[Relation] = (),
    ) -> None:
        """Fill the annotations part (the analysis part stays); `near` is the reader's
        cursor, around which long lists are cut; `unplaced`: annotations of an earlier text
        of the article that could not be placed on this one; `relations`: who said which
        claim (each claim's row names its sources)."""
        if self._article is None or article.id != self._article.id:
            self._article, self._analysis, self._note = article, None, "Analysing…"
            self._windows.clear()
        elif (annotations, suggestions, tuple(unplaced), tuple(relations)) == (
            self._annotations,
            self._suggestions,
            self._unplaced,
            self._relations,
        ):
            return  # nothing to redraw (a save in flight changes only the reader)
        self._annotations, self._suggestions, self._near = annotations, suggestions, near
        self._unplaced = tuple(unplaced)
        self._relations = tuple(relations)
        self._rebuild()

    def highlighted_item(self) -> tuple[str, Any] | None:
        """("annotation", Annotation), ("suggestion", Suggestion) or ("unplaced", Unplaced)
        on the highlighted row."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        choice = self._choices.get(option.id or "")
        if choice is None or choice[0] not in ("annotation", "suggestion", "unplaced"):
            return None
        return choice

    def _rebuild(self) -> None:
        keep, at = None, self.highlighted
        if self.highlighted is not None and self.option_count:
            keep = self.get_option_at_index(self.highlighted).id
        self.clear_options()
        self._choices = {}
        options: list[Option | None] = []
        article, analysis, note = self._article, self._analysis, self._note
        if article is not None:
            options += self._annotation_options(article)
        if article is None or analysis is None:
            options.append(Option(Content(note), disabled=True))
            self.add_options(options)
            self._restore(keep, at)
            return
        for key, prompt, choice in self._analysis_rows(article, analysis, note):
            if prompt is None:
                options.append(None)
            elif choice is None:
                options.append(Option(prompt, disabled=True))
            else:
                self._choices[key] = choice
                options.append(Option(prompt, id=key))
        self.add_options(options)
        self._restore(keep, at)

    def _analysis_rows(
        self, article: Article, analysis: Analysis, note: str
    ) -> list[tuple[str, Content | None, tuple[str, Any] | None]]:
        """The rows of the analysis part as (key, prompt, choice): a heading has no choice, a
        gap no prompt. Made once per analysis: a save changes only the annotations part, and
        a long article's entities took most of the panel's time at every save."""
        made = (article.id, analysis, note)
        if self._analysis_made is not None:
            (was_id, was_analysis, was_note), made_rows = self._analysis_made
            if (was_id, was_note) == (article.id, note) and was_analysis is analysis:
                return made_rows
        rows: list[tuple[str, Content | None, tuple[str, Any] | None]] = []

        def heading(text: str) -> None:
            rows.append(("", Content.assemble((text, "bold")), None))

        # One row a real-world entity (its group): the name, how many mentions, and the other
        # ways the article writes it; enter lists the articles that mention it in any way.
        sections: dict[str, list[Group]] = {}
        for group in analysis.groups or _groups_of(analysis):
            if group.label in ENTITY_NAMES:
                sections.setdefault(ENTITY_NAMES[group.label], []).append(group)
        total = sum(g.mentions for found in sections.values() for g in found)
        heading(f"Entities ({total})")
        if not sections:
            rows.append(("", Content(f"  {note or 'none found'}"), None))
        for name, found in sorted(sections.items(), key=lambda s: -sum(g.mentions for g in s[1])):
            heading(f" {name} ({sum(g.mentions for g in found)})")
            for group in sorted(found, key=lambda g: -g.mentions):
                others = [v for v in group.variants if v != group.name]
                parts: list[Content | tuple[str, str] | str] = [
                    "   ",
                    Content(show_bidi(group.name)),
                    (f"  ×{group.mentions}", "dim"),
                ]
                if others:
                    also = _short(", ".join(others), _SPAN_CHARS)
                    parts.append((f"  ({also})", "dim"))
                choice = ("entity", (group.name, group.label, search_forms(group)))
                rows.append((f"e{len(rows)}", Content.assemble(*parts), choice))
        direct = [q for q in analysis.quotes if q.is_direct]
        rows.append(("", None, None))
        heading(f"Quotes ({len(direct)})")
        for quote in direct:
            words = _short(article.text[quote.content_start : quote.content_end], _QUOTE_CHARS)
            speaker = quote.speaker
            who = (str(speaker), "bold") if speaker else ("speaker not found", "dim")
            prompt = Content.assemble("  ", who, ": “", Content(words), "”")
            rows.append((f"q{len(rows)}", prompt, ("span", (quote.start, quote.end))))
        rows.append(("", None, None))
        heading(f"Figures ({len(analysis.figures)})")
        for figure in analysis.figures:
            prompt = Content.assemble(
                "  ", Content(_short(figure.text, _SPAN_CHARS)), (f"  {figure.label}", "dim")
            )
            rows.append((f"f{len(rows)}", prompt, ("span", (figure.start, figure.end))))
        self._analysis_made = (made, rows)
        return rows

    def on_focus(self) -> None:
        """A row is highlighted the moment the panel has the focus, so the first key acts on
        something the eye can see."""
        if self.highlighted is None:
            self.action_first()

    def _restore(self, option_id: str | None, at: int | None) -> None:
        """Highlight the row that was highlighted; when it went away (deleted, accepted),
        the row now in its place, so the next key acts on what is under the eye."""
        if option_id is None or at is None:
            return
        try:
            self.highlighted = self.get_option_index(option_id)
            return
        except Exception:
            pass
        for index in range(min(at, self.option_count - 1), -1, -1):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return

    def _nearest(self, part: str, items: list[Any]) -> list[Any]:
        """At most MAX_ROWS of `items` (in reading order) around the reader's cursor. The
        rows stay put while the cursor is in their middle half, held by where the first
        one starts (a row added elsewhere does not shift them); past it, they are centred
        on the cursor again. (Moved at every step, the list shifted on screen at every
        sentence, and every save drew the panel whole.)"""
        if len(items) <= MAX_ROWS:
            self._windows.pop(part, None)
            return items
        starts = [item.start for item in items]
        index = bisect_left(starts, self._near)
        last = len(items) - MAX_ROWS
        held = self._windows.get(part)
        first = None if held is None else min(bisect_left(starts, held), last)
        inside = first is not None and (
            (first == 0 or first + MAX_ROWS // 4 <= index)
            and (first == last or index < first + 3 * MAX_ROWS // 4)
        )
        if first is None or not inside:
            first = min(max(index - MAX_ROWS // 2, 0), last)
        self._windows[part] = starts[first]
        return items[first : first + MAX_ROWS]

    def _annotation_options(self, article: Article) -> list[Option | None]:
        annotations = self._nearest("annotations", self._annotations)
        heading = f"Annotations ({len(self._annotations):,})"
        if len(annotations) < len(self._annotations):
            heading = f"Annotations ({len(self._annotations):,}; the {MAX_ROWS} nearest)"
        options: list[Option | None] = []
        if self._unplaced:
            options.append(
                self._heading(f"⚠ Not placed ({len(self._unplaced)}): enter places, d deletes")
            )
            for unplaced in self._unplaced:
                key = f"u:{unplaced.id}"
                self._choices[key] = ("unplaced", unplaced)
                old = unplaced.annotation
                options.append(
                    Option(
                        Content.assemble(
                            "  ⚠ ", (old.label, "bold"), " ", Content(_short(old.text, _SPAN_CHARS))
                        ),
                        id=key,
                    )
                )
            options.append(None)
        options.append(self._heading(heading))
        if not self._annotations:
            options.append(Option(Content("  none yet: select, then c f e"), disabled=True))
        texts = {a.id: a.text for a in self._annotations}
        sources: dict[str, list[str]] = {}
        claims: dict[str, int] = {}
        for relation in self._relations:
            if relation.child in texts:
                sources.setdefault(relation.head, []).append(texts[relation.child])
                claims[relation.child] = claims.get(relation.child, 0) + 1
        prompts = self._annotation_prompts
        self._annotation_prompts = {}
        for annotation in annotations:
            key = f"a:{annotation.id}"
            self._choices[key] = ("annotation", annotation)
            said = sources.get(annotation.id)
            shown = (tuple(said or ()), claims.get(annotation.id, 0))
            # The row of an annotation shown before is the same Content (which keeps its
            # height: the list measures every row again at each rebuild).
            known = prompts.get(id(annotation))
            if known is None or known[0] is not annotation or known[1] != shown:
                known = (annotation, shown, _annotation_prompt(annotation, said, claims))
            self._annotation_prompts[id(annotation)] = known
            options.append(Option(known[2], id=key))
        if self._suggestions:
            options.append(None)
            suggestions = self._nearest("suggestions", self._suggestions)
            options.append(self._heading(f"Suggestions ({len(self._suggestions):,}): a x"))
            for suggestion in suggestions:
                key = f"s:{suggestion.key}"
                self._choices[key] = ("suggestion", suggestion)
                speaker = suggestion.attrs.get("speaker")
                parts: list[Content | tuple[str, str] | str] = [
                    "  ? ",
                    (suggestion.label, "italic"),
                    " ",
                    Content(_short(suggestion.text, _SPAN_CHARS)),
                ]
                if speaker:
                    parts += [("  — ", "dim"), Content(show_bidi(str(speaker)))]
                options.append(Option(Content.assemble(*parts), id=key))
        options.append(None)
        return options

    @staticmethod
    def _heading(text: str) -> Option:
        return Option(Content.assemble((text, "bold")), disabled=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self._choices.get(event.option.id or "")
        if choice is None:
            return
        kind, data = choice
        if kind == "entity":
            self.post_message(self.EntityChosen(*data))
        elif kind == "unplaced":
            self.post_message(self.UnplacedChosen(data))
        elif kind in ("annotation", "suggestion"):
            self.post_message(self.SpanChosen(data.start, data.end))
        else:
            self.post_message(self.SpanChosen(*data))


def _annotation_prompt(
    annotation: Annotation, said: list[str] | None, claims: dict[str, int]
) -> Content:
    """An annotation's row: its label and words, who said it (or whose source it is), its
    note."""
    parts: list[Content | tuple[str, str] | str] = [
        "  ",
        (annotation.label, "bold"),
        " ",
        Content(_short(annotation.text, _SPAN_CHARS)),
    ]
    if said:
        who = "; ".join(_short(text, _SPAN_CHARS) for text in said)
        parts += ["\n    ", ("← ", "bold"), Content(who)]
    elif annotation.id in claims:
        parts += ["\n    ", (f"→ source of {counted(claims[annotation.id], 'claim')}", "dim")]
    if annotation.note:
        parts += ["\n    ", ("note: ", "dim"), Content(_short(annotation.note, 40))]
    return Content.assemble(*parts)


def _groups_of(analysis: Analysis) -> list[Group]:
    """Groups of an analysis made without them: one a name as written."""
    counts = Counter((e.text, e.label) for e in analysis.entities)
    return [Group("", text, label, n, (text,)) for (text, label), n in counts.items()]


def _nearest(items: list[Any], near: int) -> list[Any]:
    """At most MAX_ROWS of `items` (in reading order), those starting nearest `near`."""
    if len(items) <= MAX_ROWS:
        return items
    index = bisect_left([item.start for item in items], near)
    first = min(max(index - MAX_ROWS // 2, 0), len(items) - MAX_ROWS)
    return items[first : first + MAX_ROWS]
