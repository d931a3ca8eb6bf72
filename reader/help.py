"""Screens to read: every key, where it works and what it does (after the user's keymap), with
the binding ids that remap it; and a report, such as what loading the corpus had to say."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.config import Settings
from reader.keys import bound_keys, shown_key, tag_id
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

NOTES = (
    "tab / shift+tab move between the list, the reader and the panel.",
    "ctrl+p opens the command palette. ctrl+q quits (ctrl+c does not).",
    "Keys can be remapped in the [keys] table of the settings file, by binding id;",
    "labels, with their description, key and colour, in a [labels.<name>] table each.",
    "The Guidelines key (above) opens the workspace's guidelines.md, here and in review.",
    "A label key tags the selection (v), else the found or jumped-to span, else the",
    "sentence under the cursor. Annotations show in their label's colour, with the",
    "label's initial in the gutter once saved (lower case while saving, ? suggested).",
    "This page and other reports scroll with j k, space b, g G; escape or q closes them.",
)


def key_table(app: App[Any]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(where, [(keys, description, id)]) for every binding with a description, with the
    app's keymap (the label keys and the settings' remaps) applied."""
    settings = getattr(app, "settings", None)
    bound = bound_keys(settings, type(app)) if isinstance(settings, Settings) else {}
    sections = []
    owners = (
        ("Everywhere", type(app)),
        ("Article list", ArticleList),
        ("Reader", ArticleView),
        ("Side panel", SidePanel),
    )
    for where, owner in owners:
        rows = []
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                keys = bound.get(binding.id or "") or binding.key
                rows.append((_shown(keys), binding.description, binding.id or ""))
        sections.append((where, rows))
    if isinstance(settings, Settings):
        tags = [
            (
                _shown(bound.get(tag_id(label), "ctrl+p")),
                f"Tag as {label}; panel: relabel",
                tag_id(label),
            )
            for label in settings.labels
        ]
        sections.insert(1, (LABELS, tags))
    return sections


LABELS = "Labels (tag in the reader; relabel in the panel)"


def label_descriptions(app: App[Any]) -> dict[str, str]:
    """Binding id of each label's key to the label's description (sanitized when read; drawn
    as text), for the labels that have one."""
    settings = getattr(app, "settings", None)
    if not isinstance(settings, Settings):
        return {}
    described = ((label, settings.description_for(label)) for label in settings.labels)
    return {tag_id(label): description for label, description in described if description}


def _shown(keys: str) -> str:
    return ", ".join(shown_key(key) for key in keys.split(","))


class ReadingScreen(ModalScreen[None]):
    """A modal page that scrolls with the reader's keys: j k, space b, g G, arrows and page
    keys; escape, q or the key that opened it close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Close", id="page.close", tooltip="Close this page"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="page.down", tooltip="Down a line"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="page.up", tooltip="Up a line"),
        Binding(
            "space,pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="page.page_down",
            tooltip="Down a page",
        ),
        Binding(
            "b,pageup", "page(-1)", "Page up", show=False, id="page.page_up", tooltip="Up a page"
        ),
        Binding("g,home", "edge(0)", "Top", show=False, id="page.top", tooltip="The top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="page.bottom", tooltip="The bottom"),
    ]
    DEFAULT_CSS = """
    ReadingScreen { align: center middle; }
    ReadingScreen > VerticalScroll { width: 78; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1; }
    """

    def _page(self) -> Widget:
        """What the page's keys scroll."""
        return self.query_one(VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self._page().scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        page = self._page()
        page.scroll_relative(
            y=pages * max(page.scrollable_content_region.height - 1, 1), animate=False
        )

    def action_edge(self, end: int) -> None:
        page = self._page()
        if end:
            page.scroll_end(animate=False)
        else:
            page.scroll_home(animate=False)


class HelpScreen(ReadingScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark,f1",
            "app.pop_screen",
            "Close",
            show=False,
            id="help.close",
            tooltip="Close the keys",
        ),
    ]

    DEFAULT_CSS = """
    HelpScreen .label-description { padding-left: 18; }
    """

    def __init__(self, app: App[Any]) -> None:
        super().__init__()
        self._sections = key_table(app)
        self._descriptions = label_descriptions(app)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(
                Content.assemble(
                    ("assay keys", "bold"),
                    "  (escape closes; j k space b scroll; the grey ids remap keys)",
                )
            )
            for where, rows in self._sections:
                yield Static(Content.assemble("\n", (where, "bold underline")))
                for keys, description, binding_id in rows:
                    yield Static(
                        Content.assemble(
                            (f"  {keys:<16}", "bold"),
                            Content(f"{description:<30}"),
                            (binding_id, "dim"),
                        )
                    )
                    meaning = self._descriptions.get(binding_id) if where == LABELS else None
                    if meaning:  # from the settings: text, never markup
                        yield Static(Content(meaning), classes="label-description")
            yield Static(Content.assemble("\n", *(f"{note}\n" for note in NOTES)))


class ReportScreen(ReadingScreen):
    """A titled list of lines (each from outside, so drawn as plain text)."""

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.heading = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content.assemble((self.heading, "bold"), "  (escape closes)"))
            yield Static(Content("\n".join(self.lines) or "Nothing to report."))
