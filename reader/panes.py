"""The reader screen's panes and state, typed, for the parts of the screen that live in
their own modules (reader/annotating.py, reader/resume.py) and the screen itself."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widgets import Static

from reader.session import AnnotationSession
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.bars import TitleBar
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from textual.timer import Timer

    from annotations.store import ArticleState
    from corpus.article import Article
    from reader.app import AssayApp
    from reader.config import Settings


class ReaderPanes(Screen[None]):
    """The list, the reader, the panel and the status lines of one annotator's corpus."""

    def __init__(self, app: AssayApp) -> None:
        super().__init__()
        self.current: Article | None = None
        self.state: ArticleState | None = None  # the open article's annotations, as last read
        self.store_problems: list[str] = []  # annotation files that could not be read
        self.session = AnnotationSession(app.workspace, app.annotator, app.settings.labels, self)
        self.analysis_status = ""
        self.news = ""
        self._news_timer: Timer | None = None
        self._title_warning = ""
        self._reported: set[str] = set()
        self.mounted = asyncio.Event()  # set once the panes are composed and set up

    # --- the app and the panes ----------------------------------------------------------

    @property
    def assay(self) -> AssayApp:
        return cast("AssayApp", self.app)

    @property
    def settings(self) -> Settings:
        return self.assay.settings

    @property
    def articles(self) -> dict[str, Article]:
        return self.assay.articles

    @property
    def annotator(self) -> str:
        return self.assay.annotator

    @property
    def workspace(self) -> Path:
        return self.assay.workspace

    @property
    def closing(self) -> bool:
        return self.assay.closing

    @property
    def loaded(self) -> bool:
        return self.assay.loaded

    @property
    def finished(self) -> bool:
        """Every article of the corpus is read whole (not only listed)."""
        return self.assay.finished

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def side(self) -> SidePanel:
        return self.query_one("#side", SidePanel)

    def open_article(self, article_id: str) -> None:
        """Open the article (through the app, which holds the corpus)."""
        self.assay.open_article(article_id)

    # --- the title bar ------------------------------------------------------------------

    def _show_title(self, warning: str | None = None) -> None:
        if warning is not None:
            self._title_warning = warning
        detail = f"annotator {self.annotator}"
        for status in (self.analysis_status, self.news):
            if status:
                detail += f" · {status}"
        self.query_one(TitleBar).show(self.assay.title, detail, self._title_warning)

    def show_news(self, news: str, seconds: float = 12) -> None:
        """Routine news in the title bar for a while, where it covers nothing (a notice would
        sit on the article)."""
        self.news = news
        self._show_title()
        if self._news_timer is not None:
            self._news_timer.stop()

        def clear() -> None:
            if self.news == news and not self.closing:
                self.news = ""
                self._show_title()

        self._news_timer = self.set_timer(seconds, clear)

    def set_analysis_status(self, status: str) -> None:
        """Model loading and corpus progress, in the title bar (always on screen)."""
        self.analysis_status = status
        self._show_title()

    def _update_list_status(self) -> None:
        articles = self.article_list
        width = articles.scrollable_content_region.width or self.app.size.width
        # Fixed-height lines: no layout pass for a new text (each one cost a relayout).
        self.query_one("#list-header", Static).update(articles.header(width), layout=False)
        status = articles.progress()
        if articles.only is not None:
            status = f"mentioning “{articles.only_label}” · {status}"
        if not self.loaded:
            status = f"loading… {status}"
        self.query_one("#list-status", Static).update(status, layout=False)
