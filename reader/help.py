"""The help screen: every key, where it works, and what it does (after the user's keymap)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from textual.app import App

NOTES = (
    "tab / shift+tab move between the list, the reader and the panel.",
    "ctrl+p opens the command palette. ctrl+q quits (ctrl+c does not).",
    "Keys can be remapped in the [keys] table of the settings file, by binding id;",
    "label keys, labels and their colours in labels, [label_keys] and [label_colours].",
    "A label key tags the selection (v), else the found or jumped-to span, else the",
    "sentence under the cursor. Annotations show in their label's colour, with the",
    "label's initial in the gutter once saved (lower case while saving, ? suggested).",
)


def key_table(app: App[object]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(where, [(keys, description, id)]) for every binding, with the keymap applied."""
    keymap = getattr(app, "_keymap", {}) or {}
    sections = []
    for where, owner in (("Everywhere", type(app)), ("Article list", ArticleList),
                         ("Reader", ArticleView), ("Side panel", SidePanel)):  # fmt: skip
        rows = []
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = keymap.get(binding.id or "", binding.key) if binding.id else binding.key
            shown = ", ".join(_key_name(k) for k in keys.split(","))
            rows.append((shown, binding.description, binding.id or ""))
        sections.append((where, rows))
    settings = getattr(app, "settings", None)
    if settings is not None:
        labels = [(settings.key_for(label) or "ctrl+p", f"Tag as {label} (in the panel: "
                   "relabel)", f"annotate.tag_{label}") for label in settings.labels]  # fmt: skip
        sections.insert(1, ("Labels (reader and panel)", labels))
    return sections


def _key_name(key: str) -> str:
    return {"question_mark": "?", "slash": "/", "right_square_bracket": "]",
            "left_square_bracket": "[", "right_curly_bracket": "}", "left_curly_bracket": "{",
            "space": "space"}.get(key.strip(), key.strip())  # fmt: skip


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "Close", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 78; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1; }
    """

    def __init__(self, app: App[object]) -> None:
        super().__init__()
        self._sections = key_table(app)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content.assemble(("assay keys", "bold"), "  (escape closes)"))
            for where, rows in self._sections:
                yield Static(Content.assemble("\n", (where, "bold underline")))
                for keys, description, _id in rows:
                    yield Static(Content.assemble((f"  {keys:<22}", "bold"), description))
            yield Static(Content.assemble("\n", *(f"{note}\n" for note in NOTES)))
