"""The article list: one row per article, drawn line by line so 10,000 rows cost nothing.

Rows arrive while the corpus loads; filtering and sorting rebuild a list of row numbers, not
widgets, so a keystroke in the filter touches no widget tree (a `ListView` of 10,000 items took
35 s to mount here). Titles are untrusted text: drawn as plain segments, never markup.

The filter matches titles, sources and dates as typed, and the article text through a search
index (corpus/search.py) that a thread builds as articles arrive: rows whose title matches
come first, then those whose text does. Until an article is indexed only its title counts.
"""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from corpus.search import Query, SearchIndex, Term, fold, parse_query
from corpus.text import counted

if TYPE_CHECKING:
    from textual.timer import Timer

    from corpus.article import Article

STATUS_MARKS = {"todo": "·", "in progress": "◐", "done": "✓"}
PROBLEM_MARK = "⚠"
SORTS = ("corpus", "title", "source", "date", "words", "annotations", "status")
_STATUS_ORDER = {"todo": 0, "in progress": 1, "done": 2}
# What the status filter cycles through (S), and the statuses each keeps.
STATUS_FILTERS: dict[str, frozenset[str]] = {
    "todo": frozenset({"todo"}),
    "in progress": frozenset({"in progress"}),
    "done": frozenset({"done"}),
    "not done": frozenset({"todo", "in progress"}),
}
# `status:VALUE` in the filter box: VALUE is the start of one of these.
_STATUS_WORDS = {
    "todo": "todo",
    "inprogress": "in progress",
    "progress": "in progress",
    "done": "done",
    "notdone": "not done",
    "undone": "not done",
    "open": "not done",
}
_INDEX_REPORT_SECONDS = 0.3  # how often the indexing thread says how far it is
# While the corpus still loads, the indexing thread sleeps nine times as long as it works:
# sharing the interpreter's lock evenly, it doubled the time to list 10,000 articles.
_PACE = 9
# A keystroke looks for a phrase in the text this long at most; the rest comes in slices as
# long, between which keys are taken (a phrase of common words can be in thousands of texts).
_PHRASE_SLICE_SECONDS = 0.01
_CACHED_TERMS = 8  # the terms being typed and the ones before: each holds sets of rows


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
    # Disagreement groups still open, on a review's list (None: not counted, or no review).
    open_groups: int | None = None
    haystack: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.haystack = fold(f"{self.title}\n{self.source}\n{self.date}")


def status_filter_of(value: str) -> str | None:
    """The status a `status:VALUE` filter names ("prog" is "in progress"), or None."""
    value = "".join(value.replace("-", " ").replace("_", " ").split())
    named = {status for word, status in _STATUS_WORDS.items() if word.startswith(value)}
    return named.pop() if value and len(named) == 1 else None


class ArticleList(ScrollView, can_focus=True):
    """Rows of articles under a cursor; `enter` posts `Opened`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down", "cursor(1)", "Down", show=False, id="list.down", tooltip="The next article"
        ),
        Binding(
            "k,up", "cursor(-1)", "Up", show=False, id="list.up", tooltip="The previous article"
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="list.page_down",
            tooltip="Down a page",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="list.page_up", tooltip="Up a page"
        ),
        Binding(
            "g,home", "edge(0)", "First", show=False, id="list.first", tooltip="The first article"
        ),
        Binding("G,end", "edge(1)", "Last", show=False, id="list.last", tooltip="The last article"),
        Binding("enter", "open", "Open", id="list.open", tooltip="Open the article"),
        Binding("o", "sort(1)", "Sort", id="list.sort", tooltip="Sort by the next column"),
        Binding(
            "O", "reverse", "Reverse", show=False, id="list.reverse", tooltip="Reverse the sort"
        ),
        Binding(
            "S",
            "status_filter",
            "Filter by status",
            show=False,
            id="list.status_filter",
            tooltip="Show todo, in progress, done, not done or all articles",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--opened",
        "article-list--done",
        "article-list--dim",
        "article-list--problem",
    }

    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background;
        text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    ArticleList > .article-list--opened { color: $text-accent; text-style: bold; }
    ArticleList > .article-list--done { color: $text-success; }
    ArticleList > .article-list--dim { color: $text-muted; }
    ArticleList > .article-list--problem { color: $text-warning; text-style: bold; }
    """

    class Opened(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Changed(Message):
        """Rows, filter or sort changed: the status line should be redrawn."""

    class Indexed(Message, bubble=False):
        """The indexing thread has indexed `count` articles (a newer count replaces it)."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Indexed)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.opener: Callable[[str], None] | None = None  # else `enter` posts Opened
        self.rows: list[Row] = []
        self.by_id: dict[str, Row] = {}
        self.shown: list[int] = []
        self.cursor = 0
        self.opened_id: str | None = None
        self.sort_key = "corpus"
        self.sorts: tuple[str, ...] = SORTS  # what `o` cycles through
        self.review = False  # a review's list: a column of open disagreement groups
        self.reverse = False
        self.filter_text = ""
        self.search_query = Query()
        self.only: set[str] | None = None  # an entity filter: the ids that mention it
        self.only_label = ""
        self.status_filter: str | None = None  # one of STATUS_FILTERS (S cycles it)
        self.by_title = 0  # of the rows shown, how many the title matched (they come first)
        self.index = SearchIndex()
        self._to_index: queue.SimpleQueue[Article] = queue.SimpleQueue()
        self._indexing = False
        self._more_coming = False
        # Texts read from their files (a large corpus): none is indexed while the corpus
        # loads, when the worker processes reading it need every core.
        self.index_after_loading = False
        self.unchecked = 0  # articles the filter's phrases are still to be looked for in
        self._search_more_timer: Timer | None = None
        self._problems: dict[str, str] = {}
        self._row_of: dict[str, int] = {}  # article id -> row number
        self._haystacks: list[str] = []  # by row number
        # term -> (rows then, the index's answer, rows by title, rows by text)
        self._term_rows: dict[
            Term, tuple[int, frozenset[int], frozenset[int], frozenset[int] | set[int]]
        ] = {}
        self._row_of_number: list[int] = []  # the index's article numbers -> row numbers
        self._same_numbers = True
        # Drawn rows by what they show: a repaint (a batch of rows while the corpus loads, a
        # cursor step) draws only the rows that changed. Styles come from the theme and the
        # focus, so `notify_style_update` empties it.
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    # --- rows ---------------------------------------------------------------------------

    def add_rows(self, rows: Iterable[Row]) -> None:
        for row in rows:
            if row.article_id in self.by_id:
                continue
            self.by_id[row.article_id] = row
            self._row_of[row.article_id] = len(self.rows)
            number = self.index.number_of(row.article_id)
            if number is not None and number < len(self._row_of_number):  # text came first
                self._row_of_number[number] = len(self.rows)
                self._same_numbers = self._same_numbers and number == len(self.rows)
            self._haystacks.append(row.haystack)
            self.rows.append(row)
        self._rebuild(keep=self.current_id)

    def index_articles(self, articles: Iterable[Article], more_coming: bool = False) -> None:
        """Make the text of `articles` searchable, in a thread that starts after the next
        paint (the first paint never waits for it). While `more_coming`, the thread takes a
        tenth of the time at most: the corpus's own loading comes first."""
        self._more_coming = more_coming
        for article in articles:
            self._to_index.put(article)
        if not self._indexing:
            self._indexing = True
            self.call_after_refresh(self._start_indexing)

    def _start_indexing(self) -> None:
        self.app.run_worker(
            self._index,
            thread=True,
            group="search",
            exit_on_error=False,
            description="Indexing the article text",
        )

    def _index(self) -> None:
        worker = get_current_worker()
        reported = time.monotonic()
        owed = 0.0  # time to leave to the other threads, while the corpus loads
        while not worker.is_cancelled:  # the app is closing: do not make it wait
            if self._more_coming and self.index_after_loading:
                time.sleep(0.1)
                continue
            try:
                article = self._to_index.get(timeout=0.1)
            except queue.Empty:
                continue
            started = time.perf_counter()
            self.index.add(article)
            if self._more_coming:
                owed += (time.perf_counter() - started) * _PACE
                if owed >= 0.005:  # in a few longer sleeps: a sleep has a cost of its own
                    time.sleep(owed)
                    owed = 0.0
            caught_up = self._to_index.empty()
            if caught_up:
                self.index.prepare()
            if caught_up or time.monotonic() - reported >= _INDEX_REPORT_SECONDS:
                self.post_message(self.Indexed(len(self.index)))
                reported = time.monotonic()

    def on_article_list_indexed(self, _message: Indexed) -> None:
        self._rows_follow_index()  # a little at a time, not all at the first search
        if any(term.words for term in self.search_query.terms):  # more rows may match now
            self._rebuild(keep=self.current_id)
        else:
            self.post_message(self.Changed())

    def update_rows(self, states: dict[str, tuple[int, str]]) -> None:
        """Annotation counts and statuses of many rows at once."""
        for article_id, (count, status) in states.items():
            row = self.by_id.get(article_id)
            if row is not None:
                row.annotations, row.status = count, status
        if states:
            self._rebuild(keep=self.current_id, near=True)

    def retitle(self, changes: dict[str, tuple[str, str]]) -> None:
        """New titles and dates of rows (articles listed from a quick read, then read
        whole): the filter and the sort see them at once."""
        for article_id, (title, date) in changes.items():
            row = self.by_id.get(article_id)
            if row is None or (row.title, row.date) == (title, date):
                continue
            row.title, row.date = title, date
            row.haystack = fold(f"{row.title}\n{row.source}\n{row.date}")
            self._haystacks[self._row_of[article_id]] = row.haystack
            self._term_rows.clear()
        if changes:
            self._rebuild(keep=self.current_id, near=True)

    def update_open_groups(self, counts: dict[str, int]) -> None:
        """How many disagreement groups of each article are still open (a review's list)."""
        for article_id, count in counts.items():
            row = self.by_id.get(article_id)
            if row is not None:
                row.open_groups = count
        if counts:
            if self.sort_key == "open":
                self._rebuild(keep=self.current_id, near=True)
            else:
                self.refresh()
                self.post_message(self.Changed())

    def sort_by(self, key: str) -> None:
        """Sort by `key` (one of `sorts`), as `o` would once it got there."""
        self.sort_key = key
        self._rebuild(keep=self.current_id)

    def update_row(self, article_id: str, annotations: int, status: str) -> None:
        row = self.by_id.get(article_id)
        if row is not None and (row.annotations, row.status) != (annotations, status):
            row.annotations, row.status = annotations, status
            if self.sort_key in ("annotations", "status") or self._statuses() is not None:
                # A row that leaves the filter takes the cursor to the row after it.
                self._rebuild(keep=self.current_id, near=True)
            else:
                self._refresh_row(article_id)
                self.post_message(self.Changed())

    def _refresh_row(self, article_id: str) -> None:
        """Draw again only the line of the article's row, where it is on screen (a save
        changes one row's count; the whole list was drawn again for it)."""
        number = self._row_of.get(article_id)
        top = round(self.scroll_offset.y)
        visible = self.shown[top : top + self.scrollable_content_region.height]
        for y, shown in enumerate(visible, start=top):
            if shown == number:
                self._refresh_position(y)
                return

    # --- problem marks --------------------------------------------------------------------

    def mark_problem(self, article_id: str, note: str) -> None:
        """Show a warning mark on the article's row (also before its row arrives) until
        `clear_problem`; `note` says what is wrong."""
        self._problems[article_id] = note
        self.refresh()

    def clear_problem(self, article_id: str) -> None:
        if self._problems.pop(article_id, None) is not None:
            self.refresh()

    def problem(self, article_id: str) -> str | None:
        """What `mark_problem` said of the article, or None."""
        return self._problems.get(article_id)

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self.shown):
            return self.rows[self.shown[self.cursor]].article_id
        return None

    def ids_in_view_order(self) -> list[str]:
        return [self.rows[i].article_id for i in self.shown]

    # --- filter and sort ----------------------------------------------------------------

    def set_query(self, query: str) -> None:
        """Filter by the filter box's text: terms that must all match the title, source,
        date or text, and `status:VALUE`."""
        self.filter_text = query.strip()
        self.search_query = parse_query(query, fields=("status",))
        self._rebuild(keep=self.current_id)

    def set_only(self, ids: set[str] | None, label: str = "") -> None:
        self.only, self.only_label = ids, label
        self._rebuild(keep=self.current_id)

    @property
    def filtered(self) -> bool:
        """True when any filter is on (the box's text, an entity, a status)."""
        return bool(self.filter_text) or self.only is not None or self.status_filter is not None

    def clear_filters(self) -> None:
        """Every row again (escape in the list)."""
        self.filter_text, self.search_query = "", Query()
        self.only, self.only_label, self.status_filter = None, "", None
        self._rebuild(keep=self.current_id)

    def action_status_filter(self) -> None:
        """Cycle the status filter: todo, in progress, done, not done, all."""
        names = [None, *STATUS_FILTERS]
        self.status_filter = names[(names.index(self.status_filter) + 1) % len(names)]
        self._rebuild(keep=self.current_id, near=True)
        if self.status_filter is None:
            self.notify("Every status shown.", timeout=2)
        else:
            self.notify(
                f"Status filter: {self.status_filter} (S: the next, escape: off).", timeout=2
            )

    def _statuses(self) -> frozenset[str] | None:
        """The statuses the status filters (the key's and the box's `status:`) keep; None
        when neither is on."""
        kept = None
        if self.status_filter is not None:
            kept = STATUS_FILTERS[self.status_filter]
        if "status" in self.search_query.fields:
            named = status_filter_of(self.search_query.fields["status"])
            asked = STATUS_FILTERS[named] if named else frozenset()
            kept = asked if kept is None else kept & asked
        return kept

    def _rebuild(self, keep: str | None = None, near: bool = False) -> None:
        """Filter and sort the rows; the cursor stays on `keep` (if it left the list and
        `near`: on the row that took its place)."""
        rows = self.rows
        only = self.only
        statuses = self._statuses()
        terms = self.search_query.terms
        shown: list[int] = []
        by_text: list[int] = []
        if not terms and only is None and statuses is None:
            shown = list(range(len(rows)))  # every row: no look at each (100,000 of them)
        elif not terms:
            shown = [
                i
                for i, row in enumerate(rows)
                if (only is None or row.article_id in only)
                and (statuses is None or row.status in statuses)
            ]
        else:
            # Sets of row numbers, one pair per term: a keystroke pays for its new term only.
            until = time.perf_counter() + _PHRASE_SLICE_SECONDS
            matching: set[int] | frozenset[int] | None = None
            titled: set[int] | frozenset[int] | None = None
            for term in terms:
                in_title, in_text = self._rows_holding(term, until)
                either = in_title | in_text
                matching = either if matching is None else matching & either
                titled = in_title if titled is None else titled & in_title
            assert matching is not None and titled is not None
            if only is None and statuses is None:
                shown, by_text = sorted(matching & titled), sorted(matching - titled)
            else:
                for i in sorted(matching):
                    row = rows[i]
                    if (only is None or row.article_id in only) and (
                        statuses is None or row.status in statuses
                    ):
                        (shown if i in titled else by_text).append(i)
        self.by_title = len(shown)
        self.unchecked = sum(self.index.unchecked(term) for term in terms)
        if self.unchecked and self._search_more_timer is None:
            self._search_more_timer = self.set_timer(0.001, self.search_more)
        shown = self._ordered(shown) + self._ordered(by_text)
        before = self.cursor
        self.shown = shown
        self.cursor = min(before, max(len(shown) - 1, 0)) if near else 0
        number = None if keep is None else self._row_of.get(keep)
        if number is not None:
            with contextlib.suppress(ValueError):  # not shown
                self.cursor = shown.index(number)
        self.virtual_size = Size(self.scrollable_content_region.width, len(shown))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Changed())

    def _rows_holding(
        self, term: Term, until: float
    ) -> tuple[frozenset[int], frozenset[int] | set[int]]:
        """The rows whose title, source or date holds `term`, and those whose text does."""
        numbers = self.index.numbers(term, until)
        count = len(self.rows)
        cached = self._term_rows.get(term)
        if cached is not None and cached[0] == count:
            if cached[1] is numbers:  # the index answers with the same set while it stays
                return cached[2], cached[3]
            in_title = cached[2]
        else:
            hays = self._haystacks
            in_title = frozenset(i for i, hay in enumerate(hays) if term.text in hay)
        if self._rows_follow_index():
            in_text: frozenset[int] | set[int] = numbers
        else:
            row_of_number = self._row_of_number
            in_text = {row_of_number[n] for n in numbers} - {-1}
        if len(self._term_rows) >= _CACHED_TERMS:
            self._term_rows.pop(next(iter(self._term_rows)))
        self._term_rows[term] = (count, numbers, in_title, in_text)
        return in_title, in_text

    def _rows_follow_index(self) -> bool:
        """True when each article's row number is its number in the index (as when rows
        and texts come in the same order); else `_row_of_number` maps one to the other."""
        mapping = self._row_of_number
        for number in range(len(mapping), len(self.index)):
            row = self._row_of.get(self.index.article_id(number), -1)
            mapping.append(row)
            self._same_numbers = self._same_numbers and row == number
        return self._same_numbers

    def search_more(self) -> None:
        """Look for the filter's phrases in the next slice of articles."""
        self._search_more_timer = None
        if self.unchecked:
            self._rebuild(keep=self.current_id)

    def _ordered(self, shown: list[int]) -> list[int]:
        rows = self.rows
        key = self.sort_key
        if key != "corpus":
            if key == "status":
                shown.sort(key=lambda i: _STATUS_ORDER.get(rows[i].status, 0))
            elif key in ("words", "annotations"):
                shown.sort(key=lambda i: getattr(rows[i], key))
            elif key == "open":  # the most open groups first: what a reviewer takes next
                shown.sort(key=lambda i: -(rows[i].open_groups or 0))
            else:
                shown.sort(key=lambda i: getattr(rows[i], key).casefold())
        if self.reverse:
            shown.reverse()
        return shown

    def action_sort(self, step: int) -> None:
        sorts = self.sorts
        at = sorts.index(self.sort_key) if self.sort_key in sorts else 0
        self.sort_key = sorts[(at + step) % len(sorts)]
        self._rebuild(keep=self.current_id)
        self.notify(f"Sorted by {self.sort_key}{' (reversed)' if self.reverse else ''}.", timeout=2)

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

    def next_unfinished(self, current_id: str | None, step: int) -> tuple[str | None, bool]:
        """The next (step 1) or previous (-1) row, in list order, whose article is not done,
        after `current_id` (else from the cursor's row on), going round the list's end; and
        whether it went round. None when no other row is left to do."""
        shown = self.shown
        count = len(shown)
        ids = [self.rows[i].article_id for i in shown]
        if current_id in ids:
            start = ids.index(current_id) + step
        else:  # the open article left the list (marked done under a status filter)
            start = self.cursor if step > 0 else self.cursor - 1
        start = min(max(start, -1), count)
        if step > 0:
            order = [*range(start, count), *range(0, start)]
        else:
            order = [*range(start, -1, -1), *range(count - 1, start, -1)]
        for turn, position in enumerate(order):
            row = self.rows[shown[position]]
            if row.status != "done" and row.article_id != current_id:
                went_round = turn >= (count - start if step > 0 else start + 1)
                return row.article_id, went_round
        return None, False

    def hidden_unfinished(self) -> int:
        """How many articles not done the filters hide."""
        left = sum(1 for row in self.rows if row.status != "done")
        return left - sum(1 for i in self.shown if self.rows[i].status != "done")

    def action_cursor(self, step: int) -> None:
        if self.shown:
            before, top = self.cursor, round(self.scroll_offset.y)
            self.cursor = min(max(self.cursor + step, 0), len(self.shown) - 1)
            self._scroll_to_cursor()
            if round(self.scroll_offset.y) != top:
                self.refresh()  # every row moved
            elif self.cursor != before:
                self._refresh_position(before)
                self._refresh_position(self.cursor)

    def _refresh_position(self, position: int) -> None:
        """Draw again the row at `position` in the list, where it is on screen: its cells and
        not the scrollbar's (each cell refreshed is sent again, which over SSH is what a
        keypress costs)."""
        y = position - round(self.scroll_offset.y)
        if 0 <= y < self.scrollable_content_region.height:
            self.refresh(Region(0, y, self.scrollable_content_region.width, 1))

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
        # A cursor that leaves the rows shown turns the page, keeping a row from before in
        # sight: scrolling a row at a time would draw every row again on every keypress
        # (over SSH, a kilobyte a key); a page turn does that once a page.
        context = 1 if height > 2 else 0
        if self.cursor < top:
            self.scroll_to(y=max(self.cursor - height + 1 + context, 0), animate=False,
                           immediate=True)  # fmt: skip
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - context, animate=False, immediate=True)

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
        if self.review:
            fixed.append(("open", 6))
        if width >= 48:
            fixed.insert(0, ("date", 11))
        if width >= 58:
            fixed.insert(0, ("source", 13))
        title = max(width - 3 - sum(w for _n, w in fixed), 8)
        return [("title", title), *fixed]

    def header(self, width: int) -> str:
        names = {
            "title": "title",
            "source": "source",
            "date": "date",
            "words": "words",
            "notes": "tags",
            "open": "open",
        }
        cells = ["   "]
        for name, size in self.columns(width):
            label = names[name]
            if self.sort_key == ("annotations" if name == "notes" else name):
                label += "↓" if self.reverse else "↑"
            cells.append(_fit(label, size, right=name in ("words", "notes", "open")))
        return "".join(cells)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = round(self.scroll_offset.y) + y
        if position >= len(self.shown):
            return Strip.blank(width, self.rich_style)
        index = self.shown[position]
        row = self.rows[index]
        problem = row.article_id in self._problems
        key = (
            index,
            width,
            position == self.cursor,
            row.article_id == self.opened_id,
            row.status,
            row.annotations,
            row.open_groups,
            problem,
        )
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self._draw_row(row, width, key[2], problem)
        return strip

    def _draw_row(self, row: Row, width: int, under_cursor: bool, problem: bool) -> Strip:
        base = self.rich_style
        style = base
        if row.article_id == self.opened_id:
            style += self.get_component_rich_style("article-list--opened")
        elif row.status == "done":
            style += self.get_component_rich_style("article-list--done")
        if under_cursor:
            style += self.get_component_rich_style("article-list--cursor")
        opened = "▶" if row.article_id == self.opened_id else " "
        if problem:
            warning = self.get_component_rich_style("article-list--problem")
            mark = Segment(PROBLEM_MARK, style + warning)
        else:
            mark = Segment(STATUS_MARKS.get(row.status, "?"), style)
        cells = [" "]
        for name, size in self.columns(width):
            if name == "title":
                cells.append(_fit(row.title, size))
            elif name == "source":
                cells.append(_fit(row.source, size))
            elif name == "date":
                cells.append(_fit(row.date[:10], size))
            elif name == "words":
                cells.append(_fit(f"{row.words:,}", size, right=True))
            elif name == "open":
                count = row.open_groups
                cells.append(_fit("?" if count is None else str(count), size, right=True))
            else:
                cells.append(
                    _fit(str(row.annotations) if row.annotations else "", size, right=True)
                )
        segments = [Segment(opened, style), mark, Segment("".join(cells), style)]
        return Strip(segments).adjust_cell_length(width, style)

    def progress(self) -> str:
        """The corpus progress figure: how many articles are done."""
        total = len(self.rows)
        done = sum(1 for row in self.rows if row.status == "done")
        started = sum(1 for row in self.rows if row.status == "in progress")
        share = f" ({done / total:.0%})" if total else ""
        shown = f"{len(self.shown):,} of {total:,} shown · " if len(self.shown) != total else ""
        filters = []
        if self.status_filter is not None:
            filters.append(f"status {self.status_filter}")
        if "status" in self.search_query.fields:
            value = self.search_query.fields["status"]
            named = status_filter_of(value)
            filters.append(
                f"status {named}"
                if named
                else f"no status “{value}” (todo, progress, done, not-done)"
            )
        if any(term.words for term in self.search_query.terms):
            indexed = len(self.index)
            if self.unchecked:
                filters.append(f"looking for the phrase in {self.unchecked:,} more")
            elif indexed < total:
                # Rounded down: "100%" only once it is.
                filters.append(f"text search {indexed * 100 // total}% ready")
            else:
                filters.append(
                    f"{self.by_title:,} by title, {len(self.shown) - self.by_title:,} by text"
                )
        where = f"{' · '.join(filters)} · " if filters else ""
        return (
            f"{where}{shown}{counted(total, 'article')} · {done:,} done{share} · "
            f"{started:,} in progress"
        )


def _fit(text: str, width: int, right: bool = False) -> str:
    """`text` in exactly `width` cells with a space after it; cut with an ellipsis."""
    text = " ".join(text.split())
    room = width - 1
    if cell_len(text) > room:
        text = set_cell_size(text, room - 1) + "…"
    return (" " * (room - cell_len(text)) + text if right else set_cell_size(text, room)) + " "
