"""Analysis off the UI thread: the open article first, then the rest of the corpus.

One thread owns the spaCy pipeline (it is not safe to share between threads), and takes work
in order of urgency: the article the reader just opened, then, when idle, the corpus in the
background so that every later article opens highlighted and the list can be searched by
entity. Results and progress go back as messages, never as calls into widgets: a message that
arrives after the app has begun to close is dropped or finds its handler checking what still
exists, where a callback raised `NoMatches` from the thread.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.message import Message

from corpus.text import counted

if TYPE_CHECKING:
    from corpus.analysis import Analysis, Analyzer
    from corpus.article import Article

_KEEP = 64  # analyses kept in memory for going back and forth between articles


class AnalysisReady(Message):
    """The analysis of an article the reader asked for."""

    def __init__(self, article: Article, analysis: Analysis) -> None:
        super().__init__()
        self.article = article
        self.analysis = analysis


class AnalysisFailed(Message):
    """An article could not be analysed (or the pipeline could not be loaded)."""

    def __init__(self, article: Article, error: BaseException) -> None:
        super().__init__()
        self.article = article
        self.error = error


class AnalysisStatus(Message):
    """Model loading and corpus progress; a newer one replaces one not yet handled."""

    def __init__(self, status: str) -> None:
        super().__init__()
        self.status = status

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisStatus)


class AnalysisService:
    """Queue articles with `request` (urgent) or `queue_corpus`; run `run` in a thread."""

    def __init__(
        self,
        make_analyzer: Callable[[], Analyzer],
        post: Callable[[Message], bool],
    ) -> None:
        # Made in the worker thread: importing the analysis code is not start-up work.
        self._make_analyzer = make_analyzer
        self.analyzer: Analyzer | None = None
        self._post = post  # the app's post_message: thread-safe, False once the app closes
        self._urgent: deque[Article] = deque()
        self._background: deque[Article] = deque()
        self._background_total = 0
        self._background_done = 0
        self._wake = threading.Condition()
        self._stopped = False
        self._memory: OrderedDict[str, Analysis] = OrderedDict()
        self.model_loaded = False
        self.model_error: str | None = None

    # --- called from the app's thread ---------------------------------------------------

    def cached(self, article_id: str) -> Analysis | None:
        with self._wake:
            return self._memory.get(article_id)

    def request(self, article: Article) -> None:
        """Analyse `article` before anything else (the reader is showing it)."""
        with self._wake:
            self._urgent.clear()  # only the latest open article is urgent
            self._urgent.append(article)
            self._wake.notify()

    def queue_corpus(self, articles: Iterable[Article]) -> None:
        with self._wake:
            for article in articles:
                self._background.append(article)
                self._background_total += 1
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()

    # --- the worker thread --------------------------------------------------------------

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # reported, never a silent dead thread
            self._send(AnalysisStatus(f"analysis stopped: {exc}"))

    def _run(self) -> None:
        self.analyzer = self._make_analyzer()
        while True:
            with self._wake:
                while not (self._stopped or self._urgent or self._background):
                    self._wake.wait()
                if self._stopped:
                    return
                urgent = bool(self._urgent)
                article = self._urgent.popleft() if urgent else self._background.popleft()
                known = self._memory.get(article.id)
            if known is not None:
                if urgent:
                    self._send(AnalysisReady(article, known))
                else:
                    self._count_background()
                continue
            try:
                analysis = self._analyse(article, urgent)
            except Exception as exc:  # a broken pipeline must not kill the reader
                self._send(AnalysisFailed(article, exc))
                if not urgent:
                    self._count_background()
                continue
            with self._wake:
                self._memory[article.id] = analysis
                while len(self._memory) > _KEEP:
                    self._memory.popitem(last=False)
            if urgent:
                self._send(AnalysisReady(article, analysis))
            else:
                self._count_background()

    def _analyse(self, article: Article, urgent: bool) -> Analysis:
        assert self.analyzer is not None
        cached = self.analyzer._cached(self.analyzer.cache_key(article))
        if cached is not None:
            return cached
        if self.model_error is not None:
            raise RuntimeError(self.model_error)
        if not self.model_loaded:
            choice = self.analyzer.choice
            name = f"{choice.name} {choice.version}".strip()
            self._send(AnalysisStatus(f"Loading the spaCy pipeline {name}…"))
            try:
                _ = self.analyzer.nlp
            except Exception as exc:
                # Once: a pipeline that does not load will not load for the next article.
                self.model_error = f"the spaCy pipeline {name} could not be loaded: {exc}"
                with self._wake:
                    self._background.clear()
                raise RuntimeError(self.model_error) from exc
            self.model_loaded = True
            self._send(AnalysisStatus(f"Pipeline {name} loaded."))
        if urgent:
            self._send(AnalysisStatus(f"Analysing “{article.title[:40]}”…"))
        return self.analyzer.analyze(article)

    def _count_background(self) -> None:
        with self._wake:
            self._background_done += 1
            done, total = self._background_done, self._background_total
        if done == total or done % 10 == 0:
            note = "corpus analysed" if done == total else "analysing the corpus"
            self._send(AnalysisStatus(f"{note}: {done:,} of {counted(total, 'article')}"))

    def _send(self, message: Message) -> None:
        if not self._post(message):  # the app has closed: nobody is waiting for more
            self.stop()
