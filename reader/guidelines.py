"""The workspace's annotation guidelines: `<workspace>/guidelines.md`, read in a page that
scrolls like the help, from any screen (the reader, review, a dialog's parent).

Agreement between annotators depends on shared definitions; the guidelines are where a team
writes them, next to the annotations they govern, so every annotator of the workspace reads
the same ones. The file comes from outside: escape sequences and controls are removed before
the Markdown is laid out (as text: nothing in it is read as Rich markup, links are written
out, not made live), a very large file is cut, and a file that is missing, unreadable or not
UTF-8 is explained on the page instead of failing.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from corpus.text import sanitize_line, terminal_safe
from reader.help import ReadingScreen

if TYPE_CHECKING:
    from textual.timer import Timer

GUIDELINES_FILE = "guidelines.md"
# On the app, and on the page itself: a modal screen takes no keys of the app's, and the same
# key closes the page. One id, so one `[keys]` entry moves both; a modal screen of another
# part (a dialog over review) that should open the guidelines declares it too.
GUIDELINES_BINDING = Binding(
    "D",
    "app.guidelines",
    "Guidelines",
    show=False,
    id="app.guidelines",
    tooltip="The workspace's annotation guidelines (guidelines.md); again closes them",
)
# Guidelines of fifty pages are about 150 KB of Markdown; past this, laying the page out would
# take more than a few seconds, and the rest is left out (said at the top of the page).
GUIDELINES_LIMIT = 256 * 1024
_SETTLE = 0.15  # seconds a new width must last before the page is laid out again


@dataclass(frozen=True)
class Guidelines:
    """What the page shows: the Markdown (made safe), or why there is none."""

    path: Path
    text: str | None  # None: `problem` says why there is nothing to show
    problem: str | None = None
    cut: bool = False  # only the first GUIDELINES_LIMIT bytes are in `text`


def guidelines_path(workspace: Path) -> Path:
    return workspace / GUIDELINES_FILE


def missing_text(path: Path) -> str:
    """What to tell a team whose workspace has no guidelines: where they go and why."""
    return (
        f"This workspace has no guidelines yet. Write them in Markdown in\n\n"
        f"    {sanitize_line(str(path))}\n\n"
        "and every annotator of the workspace reads them here, in the reader and in "
        "review: what each label covers and what it does not, where a span starts and "
        "ends, and worked examples of the hard cases. Shared definitions are what "
        "agreement between annotators depends on."
    )


def read_guidelines(workspace: Path) -> Guidelines:
    """The workspace's guidelines, read now (a page is opened rarely: no caching, so an edit
    shows the next time)."""
    path = guidelines_path(workspace)
    shown = sanitize_line(str(path))
    try:
        with path.open("rb") as file:
            data = file.read(GUIDELINES_LIMIT + 1)
    except FileNotFoundError:
        return Guidelines(path, None, missing_text(path))
    except IsADirectoryError:
        return Guidelines(path, None, f"{shown} is a folder, not a file: guidelines are a file.")
    except OSError as exc:
        reason = sanitize_line(exc.strerror or str(exc))
        return Guidelines(path, None, f"{shown} could not be read: {reason}.")
    cut = len(data) > GUIDELINES_LIMIT
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        # A cut file may end inside a character: not final, so that part is left out.
        text = decoder.decode(data[:GUIDELINES_LIMIT] if cut else data, final=not cut)
    except UnicodeDecodeError as exc:
        return Guidelines(
            path,
            None,
            f"{shown} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position "
            f"{exc.start:,} does not decode); save it as UTF-8 to read it here.",
        )
    if cut:
        text = text[: text.rfind("\n") + 1] or text  # the last whole line
    text = terminal_safe(text)
    if not text.strip():
        return Guidelines(path, None, f"{shown} is empty.\n\n{missing_text(path)}")
    return Guidelines(path, text, cut=cut)


def render_page(guidelines: Guidelines, width: int) -> list[Strip]:
    """The page's lines at `width`: the guidelines laid out as Markdown by Rich (text is
    text: no Rich markup is read, links are written out rather than made live), or the reason
    there are none, as plain text. Markdown that Rich cannot lay out (say, quotes nested past
    the width) is shown as plain text, with a line saying so."""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    width = max(width, 20)
    console = Console(
        width=width,
        file=io.StringIO(),  # never the real terminal: lines are drawn by Textual
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    options = console.options.update_width(width)
    text = guidelines.text
    if text is None:
        lines = console.render_lines(Text(guidelines.problem or ""), options, pad=False)
    else:
        try:
            markdown = Markdown(text, hyperlinks=False, code_theme="ansi_dark")
            lines = console.render_lines(markdown, options, pad=False)
            if not any(segment.text.strip() for line in lines for segment in line):
                # Nested past the width, everything is laid out into no room at all.
                raise ValueError("nothing of it fits the page")
        except Exception as exc:  # a file from outside must not stop the page
            note = Text(f"(This file could not be laid out as Markdown: {exc}. As written:)\n\n")
            note.stylize("italic", 0, len(note) - 2)
            lines = console.render_lines(note + Text(text), options, pad=False)
    return [Strip(line).simplify() for line in lines]


class PageRendered(Message):
    """The lines of the guidelines page, laid out at `width` by the rendering thread."""

    def __init__(self, width: int, strips: list[Strip]) -> None:
        super().__init__()
        self.width = width
        self.strips = strips


class GuidelinesView(ScrollView, can_focus=False):
    """The guidelines, drawn a line at a time from lines laid out in a thread.

    Textual's Markdown widget makes a widget per block: 20 KB of guidelines took 16 s to open
    here. Rich lays out 256 KB in about a second, off the UI thread, and only the visible lines
    are drawn. The lines are laid out again when the width changes."""

    DEFAULT_CSS = """
    GuidelinesView { height: 1fr; scrollbar-gutter: stable; overflow-x: hidden; }
    """

    def __init__(self, guidelines: Guidelines, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.guidelines = guidelines
        self.strips: list[Strip] = [Strip([Segment("Reading the guidelines…")])]
        self.width_laid_out: int | None = None  # None until the first lines arrive
        self._wanted = 0
        self._started = False
        self._timer: Timer | None = None

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wanted:
            return
        self._wanted = width
        if self._timer is not None:
            self._timer.stop()
        if self.width_laid_out is None and not self._started:
            self._started = True
            self._lay_out(width)  # the first lines at once
        else:
            # A terminal dragged wider passes through many widths: only the one it stops
            # at is laid out (a layout in a thread runs to its end once started).
            self._timer = self.set_timer(_SETTLE, partial(self._lay_out_if_wanted, width))

    def _lay_out_if_wanted(self, width: int) -> None:
        if width == self._wanted:
            self._lay_out(width)

    @work(
        thread=True,
        exclusive=True,
        group="guidelines",
        exit_on_error=False,
        description="Laying out the guidelines",
    )
    def _lay_out(self, width: int) -> None:
        self.post_message(PageRendered(width, render_page(self.guidelines, width)))

    def on_page_rendered(self, message: PageRendered) -> None:
        message.stop()
        if message.width != self._wanted:
            return  # laid out for a width the page no longer has
        at = self.scroll_y / max(self.max_scroll_y, 1) if self.width_laid_out else 0.0
        self.strips = message.strips
        self.width_laid_out = message.width
        self.virtual_size = Size(message.width, len(self.strips))
        self.scroll_to(y=round(at * self.max_scroll_y), animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        style = self.rich_style
        index = scroll_y + y
        if index >= len(self.strips):
            return Strip.blank(width, style)
        return self.strips[index].apply_style(style).crop_extend(scroll_x, scroll_x + width, style)

    def plain_lines(self) -> list[str]:
        """The page as text, line by line (what a reader sees, without styles)."""
        return [strip.text for strip in self.strips]


class GuidelinesScreen(ReadingScreen):
    """The guidelines page: escape or q (or the key that opened it) closes it; j k, space b,
    g G scroll it."""

    BINDINGS: ClassVar[list[BindingType]] = [GUIDELINES_BINDING]
    DEFAULT_CSS = """
    GuidelinesScreen > Vertical { width: 82; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 0 0 1; }
    GuidelinesScreen #guidelines-note { color: $text-warning; }
    """

    def __init__(self, workspace: Path) -> None:
        super().__init__()
        self.guidelines = read_guidelines(workspace)

    def compose(self) -> ComposeResult:
        guidelines = self.guidelines
        with Vertical():
            yield Static(
                Content.assemble(
                    ("Guidelines", "bold"),
                    "  ",
                    (sanitize_line(str(guidelines.path)), "dim"),
                    "  (escape closes; j k space b scroll)",
                ),
                id="guidelines-title",
            )
            if guidelines.cut:
                yield Static(
                    Content(
                        f"Only the first {GUIDELINES_LIMIT // 1024} KB of the file are shown "
                        "here: it is longer."
                    ),
                    id="guidelines-note",
                )
            yield GuidelinesView(guidelines, id="guidelines")

    def _page(self) -> Widget:
        return self.query_one(GuidelinesView)
