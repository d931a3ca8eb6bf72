"""The side panel: the open article's entities by type, its quotes with speakers, its figures.

Choosing an entity filters the article list to the articles that mention it; choosing a quote
or a figure moves the reader to it. Every prompt is built from plain text (`Content`), never
markup: entity names and quotes come from the article.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from corpus.analysis import Analysis
    from corpus.article import Article


ENTITY_NAMES = {
    "PERSON": "People", "ORG": "Organisations", "GPE": "Places", "LOC": "Places",
    "FAC": "Places", "NORP": "Groups", "PRODUCT": "Products", "EVENT": "Events",
    "LAW": "Laws", "WORK_OF_ART": "Works", "LANGUAGE": "Languages",
}  # fmt: skip
_QUOTE_CHARS = 60


class SidePanel(OptionList):
    """What the analysis found in the open article, as a list to choose from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="side.down"),
        Binding("k", "cursor_up", "Up", show=False, id="side.up"),
    ]

    class EntityChosen(Message):
        def __init__(self, text: str, label: str) -> None:
            super().__init__()
            self.text = text
            self.label = label

    class SpanChosen(Message):
        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._choices: dict[str, tuple[str, Any]] = {}

    def show_analysis(self, article: Article | None, analysis: Analysis | None, note: str) -> None:
        """Fill the panel; `note` says why it is empty (loading, no model)."""
        self.clear_options()
        self._choices = {}
        if article is None or analysis is None:
            self.add_option(Option(Content(note), disabled=True))
            return
        options: list[Option | None] = []
        groups: dict[str, Counter[str]] = {}
        for entity in analysis.entities:
            if entity.label in ENTITY_NAMES:
                groups.setdefault(ENTITY_NAMES[entity.label], Counter())[entity.text] += 1
        labels = {e.text: e.label for e in analysis.entities}
        total = sum(sum(c.values()) for c in groups.values())
        options.append(self._heading(f"Entities ({total})"))
        if not groups:
            options.append(Option(Content(f"  {note or 'none found'}"), disabled=True))
        for name, counts in sorted(groups.items(), key=lambda g: -sum(g[1].values())):
            options.append(self._heading(f" {name} ({sum(counts.values())})"))
            for text, count in counts.most_common():
                key = f"e{len(self._choices)}"
                self._choices[key] = ("entity", (text, labels.get(text, "")))
                prompt = Content.assemble("   ", Content(text), (f"  ×{count}", "dim"))
                options.append(Option(prompt, id=key))
        direct = [q for q in analysis.quotes if q.get("kind") == "direct"]
        options.append(None)
        options.append(self._heading(f"Quotes ({len(direct)})"))
        for quote in direct:
            key = f"q{len(self._choices)}"
            self._choices[key] = ("span", (quote["start"], quote["end"]))
            words = article.text[quote["content_start"] : quote["content_end"]]
            words = " ".join(words.split())
            if len(words) > _QUOTE_CHARS:
                words = words[: _QUOTE_CHARS - 1] + "…"
            speaker = quote.get("speaker") or "unattributed"
            prompt = Content.assemble("  ", (speaker, "bold"), ": “", Content(words), "”")
            options.append(Option(prompt, id=key))
        options.append(None)
        options.append(self._heading(f"Figures ({len(analysis.figures)})"))
        for figure in analysis.figures:
            key = f"f{len(self._choices)}"
            self._choices[key] = ("span", (figure["start"], figure["end"]))
            prompt = Content.assemble(
                "  ", Content(" ".join(figure["text"].split())), (f"  {figure['label']}", "dim")
            )
            options.append(Option(prompt, id=key))
        self.add_options(options)

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
        else:
            self.post_message(self.SpanChosen(*data))
