"""The article list: one row per article, drawn line by line so 10,000 rows cost nothing.

Rows arrive while the corpus loads; filtering and sorting rebuild a list of row numbers, not
widgets, so a keystroke in the filter touches no widget tree (a `ListView` of 10,000 items took
35 s to mount here). Titles are untrusted text: drawn with `rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

STATUS_MARKS = {"todo": "·", "in progress": "◐", "done": "✓"}
SORTS = ("corpus", "title", "source", "date", "words", "annotations", "status")
_STATUS_ORDER = {"todo": 0, "in progress": 1, "done": 2}


@dataclass
class Row:
    article_id: str
    title: str
    source: str
    date: str
    words: int
    order: int
    annotations: int = 0
    status: str = "todo"
    haystack: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.haystack = f"{self.title}\n{self.source}\n{self.date}".casefold()


class ArticleList(ScrollView, can_focus=True):
    """Rows of articles under a cursor; `enter` posts `Opened`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "edge(0)", "First", show=False, id="list.first"),
        Binding("G,end", "edge(1)", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
        Binding("o", "sort(1)", "Sort", id="list.sort"),
        Binding("O", "reverse", "Reverse", show=False, id="list.reverse"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor", "article-list--opened", "article-list--done",
        "article-list--dim",
    }  # fmt: skip

    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background;
        text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    ArticleList > .article-list--opened { color: $text-accent; text-style: bold; }
    ArticleList > .article-list--done { color: $text-success; }
    ArticleList > .article-list--dim { color: $text-muted; }
    """

    class Opened(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Changed(Message):
        """Rows, filter or sort changed: the status line should be redrawn."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.opener: Callable[[str], None] | None = None  # else `enter` posts Opened
        self.rows: list[Row] = []
        self.by_id: dict[str, Row] = {}
        self.shown: list[int] = []
        self.cursor = 0
        self.opened_id: str | None = None
        self.sort_key = "corpus"
        self.reverse = False
        self.filter_text = ""
        self.only: set[str] | None = None  # an entity filter: the ids that mention it
        self.only_label = ""

    # --- rows ---------------------------------------------------------------------------

    def add_rows(self, rows: Iterable[Row]) -> None:
        for row in rows:
            if row.article_id in self.by_id:
                continue
            self.by_id[row.article_id] = row
            self.rows.append(row)
        self._rebuild(keep=self.current_id)

    def update_rows(self, states: dict[str, tuple[int, str]]) -> None:
        """Annotation counts and statuses of many rows at once."""
        for article_id, (count, status) in states.items():
            row = self.by_id.get(article_id)
            if row is not None:
                row.annotations, row.status = count, status
        if states:
            self._rebuild(keep=self.current_id)

    def update_row(self, article_id: str, annotations: int, status: str) -> None:
        row = self.by_id.get(article_id)
        if row is not None and (row.annotations, row.status) != (annotations, status):
            row.annotations, row.status = annotations, status
            if self.sort_key in ("annotations", "status"):
                self._rebuild(keep=self.current_id)
            else:
                self.refresh()
                self.post_message(self.Changed())

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.shown):
            return self.rows[self.shown[self.cursor]].article_id
        return None

    def ids_in_view_order(self) -> list[str]:
        return [self.rows[i].article_id for i in self.shown]

    # --- filter and sort ----------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.filter_text = query.casefold().strip()
        self._rebuild(keep=self.current_id)

    def set_only(self, ids: set[str] | None, label: str = "") -> None:
        self.only, self.only_label = ids, label
        self._rebuild(keep=self.current_id)

    def _rebuild(self, keep: str | None = None) -> None:
        terms = self.filter_text.split()
        only = self.only
        rows = self.rows
        shown = [
            i
            for i, row in enumerate(rows)
            if (only is None or row.article_id in only)
            and all(term in row.haystack for term in terms)
        ]
        key = self.sort_key
        if key != "corpus":
            if key == "status":
                shown.sort(key=lambda i: _STATUS_ORDER.get(rows[i].status, 0))
            elif key in ("words", "annotations"):
                shown.sort(key=lambda i: getattr(rows[i], key))
            else:
                shown.sort(key=lambda i: getattr(rows[i], key).casefold())
        if self.reverse:
            shown.reverse()
        self.shown = shown
        self.cursor = 0
        if keep is not None:
            for position, index in enumerate(shown):
                if rows[index].article_id == keep:
                    self.cursor = position
                    break
        self.virtual_size = Size(self.scrollable_content_region.width, len(shown))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Changed())

    def action_sort(self, step: int) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + step) % len(SORTS)]
        self._rebuild(keep=self.current_id)
        self.notify(f"Sorted by {self.sort_key}{' (reversed)' if self.reverse else ''}.",
                    timeout=2)  # fmt: skip

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._rebuild(keep=self.current_id)

    # --- cursor -------------------------------------------------------------------------

    def move_to(self, article_id: str) -> None:
        for position, index in enumerate(self.shown):
            if self.rows[index].article_id == article_id:
                self.cursor = position
                self._scroll_to_cursor()
                self.refresh()
                return

    def action_cursor(self, step: int) -> None:
        if self.shown:
            self.cursor = min(max(self.cursor + step, 0), len(self.shown) - 1)
            self._scroll_to_cursor()
            self.refresh()

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.scrollable_content_region.height - 1, 1))

    def action_edge(self, end: int) -> None:
        self.action_cursor(len(self.shown) if end else -len(self.shown))

    def action_open(self) -> None:
        if self.current_id is None:
            return
        if self.opener is not None:  # at once: the keys typed next go where this one leads
            self.opener(self.current_id)
        else:
            self.post_message(self.Opened(self.current_id))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.shown))
        self._scroll_to_cursor()
        self.post_message(self.Changed())  # the header's columns follow the width

    def on_click(self, event: object) -> None:
        offset = getattr(event, "y", None)
        if isinstance(offset, int):
            position = round(self.scroll_offset.y) + offset
            if 0 <= position < len(self.shown):
                self.cursor = position
                self.refresh()
                self.action_open()

    # --- drawing ------------------------------------------------------------------------

    def columns(self, width: int) -> list[tuple[str, int]]:
        """Which columns fit, with their widths; the title takes what is left."""
        fixed = [("words", 8), ("notes", 5)]
        if width >= 48:
            fixed.insert(0, ("date", 11))
        if width >= 58:
            fixed.insert(0, ("source", 13))
        title = max(width - 3 - sum(w for _n, w in fixed), 8)
        return [("title", title), *fixed]

    def header(self, width: int) -> str:
        names = {"title": "title", "source": "source", "date": "date", "words": "words",
                 "notes": "tags"}  # fmt: skip
        cells = ["   "]
        for name, size in self.columns(width):
            label = names[name]
            if self.sort_key == ("annotations" if name == "notes" else name):
                label += "↓" if self.reverse else "↑"
            cells.append(_fit(label, size, right=name in ("words", "notes")))
        return "".join(cells)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        position = round(self.scroll_offset.y) + y
        if position >= len(self.shown):
            return Strip.blank(width, base)
        row = self.rows[self.shown[position]]
        style = base
        if row.article_id == self.opened_id:
            style += self.get_component_rich_style("article-list--opened")
        elif row.status == "done":
            style += self.get_component_rich_style("article-list--done")
        if position == self.cursor:
            style += self.get_component_rich_style("article-list--cursor")
        opened = "▶" if row.article_id == self.opened_id else " "
        cells = [f"{opened}{STATUS_MARKS.get(row.status, '?')} "]
        for name, size in self.columns(width):
            if name == "title":
                cells.append(_fit(row.title, size))
            elif name == "source":
                cells.append(_fit(row.source, size))
            elif name == "date":
                cells.append(_fit(row.date[:10], size))
            elif name == "words":
                cells.append(_fit(f"{row.words:,}", size, right=True))
            else:
                cells.append(_fit(str(row.annotations) if row.annotations else "", size,
                                  right=True))  # fmt: skip
        return Strip([Segment("".join(cells), style)]).adjust_cell_length(width, style)

    def progress(self) -> str:
        """The corpus progress figure: how many articles are done."""
        total = len(self.rows)
        done = sum(1 for row in self.rows if row.status == "done")
        started = sum(1 for row in self.rows if row.status == "in progress")
        share = f" ({done / total:.0%})" if total else ""
        shown = f"{len(self.shown):,} of {total:,} shown · " if len(self.shown) != total else ""
        return f"{shown}{total:,} articles · {done:,} done{share} · {started:,} in progress"


def _fit(text: str, width: int, right: bool = False) -> str:
    """`text` in exactly `width` cells with a space after it; cut with an ellipsis."""
    text = " ".join(text.split())
    room = width - 1
    if cell_len(text) > room:
        text = set_cell_size(text, room - 1) + "…"
    return (" " * (room - cell_len(text)) + text if right else set_cell_size(text, room)) + " "
