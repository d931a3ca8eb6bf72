"""Where the annotator goes on: the place remembered between runs, and the next article left
to do.

The place (article and cursor offset) is kept per annotator and workspace in
`<workspace>/annotations/<annotator>/position.json`, written atomically by the store's thread
when an article is opened and at quit (never on a keypress, never by a read-only reader). At
start the first article still shows at once; the remembered one opens when its row arrives,
unless the user has started elsewhere by then. A missing, unreadable or stale file (an article
no longer in the corpus) falls back to the first article without a word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.panes import ReaderPanes
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from corpus.article import Article
    from reader.messages import PositionNotSaved

POSITION_FILE = "position.json"
_SCHEMA = 1
_MAX_BYTES = 64 * 1024  # a position is a few dozen bytes: anything larger is not one


@dataclass(frozen=True)
class Position:
    """An article and a cursor offset (a code point into its text)."""

    article_id: str
    offset: int = 0


def position_path(workspace: str | Path, annotator: str) -> Path:
    return Path(workspace) / "annotations" / annotator / POSITION_FILE


def read_position(path: Path) -> Position | None:
    """The position saved at `path`; None when there is none or it cannot be read."""
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(_MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not JSON
        return None
    if not isinstance(data, dict):
        return None
    article_id, offset = data.get("article_id"), data.get("offset", 0)
    from annotations.store import ARTICLE_ID  # the store is not start-up work

    if not isinstance(article_id, str) or not ARTICLE_ID.match(article_id):
        return None
    if type(offset) is not int or offset < 0:
        return None
    return Position(article_id, offset)


def write_position(folder: Path, position: Position) -> None:
    """Save `position` in the annotator's `folder`, atomically."""
    from annotations.storage import write_atomically

    data = {"schema": _SCHEMA, "article_id": position.article_id, "offset": position.offset}
    write_atomically(folder / POSITION_FILE, json.dumps(data).encode("utf-8"))


class Resuming(ReaderPanes):
    """Where the annotator goes on: the reader screen's half that remembers it."""

    # The state starts here, so that the screen's __init__ needs no call.
    _resume_read = False
    _resume: Position | None = None  # remembered, its article not yet arrived
    _remembered: Position | None = None  # what the file says now, as far as this app knows
    _auto_opened: str | None = None  # the article opened without the user asking
    _cursor_article: str | None = None
    _cursor_offset = 0
    _settle: tuple[str, int, int] | None = None  # (article, offset, paragraph start): see below
    _position_problem_said = False

    def _articles_arrived(self, batch: list[Article], last: bool) -> None:
        """Rows of `batch` are in the list: index their text, and open the remembered
        article if it is among them and the user has not gone anywhere yet (else, at the
        start, the first article)."""
        articles = self.query_one(ArticleList)
        articles.index_after_loading = self.assay.texts_on_disk
        articles.index_articles(batch, more_coming=not last)
        if not self._resume_read:
            self._resume_read = True
            self._resume = self._remembered = read_position(
                position_path(self.workspace, self.annotator)
            )
        wanted = self._resume
        if wanted is not None and wanted.article_id in self.articles:
            self._resume = None
            if self._not_moved_yet():
                self._open_at(wanted)
                return
        if self.current is None and batch:
            self._auto_opened = batch[0].id
            self.open_article(batch[0].id)
        if last:
            self._resume = None  # not in the corpus any more: the first article it is

    def _not_moved_yet(self) -> bool:
        """True while the screen is as the start left it: the article opened by itself, the
        list's cursor on it, the reader's at its top, the list focused and unfiltered."""
        if self.current is None:
            return True
        articles = self.query_one(ArticleList)
        view = self.query_one(ArticleView)
        return (
            self.current.id == self._auto_opened
            and articles.current_id == self.current.id
            and not articles.filtered
            and view.cursor == 0
            and view.selection is None
            and self.focused is articles
        )

    def _open_at(self, position: Position) -> None:
        self._auto_opened = position.article_id
        self.open_article(position.article_id)
        self.query_one(ArticleList).move_to(position.article_id)
        view = self.query_one(ArticleView)
        if position.offset and view.units:
            view.move_to(position.offset)
            if view.analysis is None:
                # Until the analysis arrives the cursor moves by paragraph, and the analysis
                # keeps it at the paragraph's start: the offset is taken again then.
                self._settle = (position.article_id, position.offset, view.units[view.cursor][0])

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        """Follows the cursor (in memory only) and notices articles being opened."""
        view = event.view  # read as it is now, not as the message saw it: messages lag
        article = view.article
        if view.id != "reader" or article is None or not view.units:
            return  # another screen's view (a review) is not where the annotator reads
        self._cursor_offset = view.units[view.cursor][0]
        if article.id != self._cursor_article:  # an article was opened
            self._cursor_article = article.id
            if article.id != self._auto_opened:  # by the user: that is where they are now
                self._resume = None
                self._save_position(Position(article.id, self._cursor_offset))
        if self._settle is not None:
            article_id, offset, paragraph = self._settle
            start, end = view.units[view.cursor] if view.units else (0, 0)
            if article_id != article.id or not start <= paragraph < end:
                self._settle = None  # another article, or the user moved
            elif view.analysis is not None:
                self._settle = None
                view.move_to(offset)

    def _save_position_at_quit(self) -> None:
        """Queue the last place on the store's thread (which quitting waits for)."""
        if self._cursor_article is None or self._resume is not None:
            return  # the remembered article never showed: what the file says still holds
        self._save_position(Position(self._cursor_article, self._cursor_offset))

    def _save_position(self, position: Position) -> None:
        store = self.session.store
        if position == self._remembered or (store is not None and store.read_only):
            return
        if self.session.writer is None:
            return  # not open yet: the position is taken at the next article, or at quit
        self._remembered = position
        self.session.save_position(position)

    def on_position_not_saved(self, message: PositionNotSaved) -> None:
        if not self._position_problem_said:  # once: it is a convenience, not annotations
            self._position_problem_said = True
            self.notify(
                f"Where you are could not be remembered for next time: {message.error}",
                severity="warning",
                timeout=8,
            )

    def action_next_todo(self, step: int) -> None:
        """Open the next (or previous) article in the list that is not done."""
        articles = self.query_one(ArticleList)
        current = self.current.id if self.current is not None else None
        found, went_round = articles.next_unfinished(current, step)
        if found is None:
            hidden = articles.hidden_unfinished()
            more = (
                (f" ({hidden:,} more are hidden by the filter: escape in the list shows them)")
                if hidden
                else ""
            )
            self.notify(f"No other article in the list is left to do{more}.", timeout=4)
            return
        articles.move_to(found)
        self.open_article(found)
        if went_round:
            where = "top" if step > 0 else "bottom"
            self.notify(f"Went round to the {where} of the list.", timeout=2)
