"""`assay review` (Pilot): the list of open groups, the annotators' gutter columns, the panel
of groups, and every review key, each decision on disk in gold's store with its provenance."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from annotations.model import Annotation
from annotations.store import Store
from annotations.team import TeamArticle, disagreements
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.loader import load_corpus
from reader.config import Settings
from reader.review import ReviewApp, ReviewScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.review_panel import ReviewPanel
from tests.reader.conftest import analysed, wait_for

# Spans on the first built-in article ("Russia, US may reach agreement on mining rare earths
# in Alaska"): one both annotators made, and three groups where they differ.
AGREED = "Moscow and Washington could reach an agreement"
LONG = "Russian presidential envoy for relations with international organizations"
SHORT = "Russian presidential envoy"
ANA_ONLY = "We mined furs, timber, whale oil there"
BEN_ONLY = "September 24, 2025"


def first_article() -> Article:
    articles, _ = load_corpus(None)
    return articles[0]


def span(article: Article, words: str) -> tuple[int, int]:
    start = article.text.index(words)
    return start, start + len(words)


def annotate(
    workspace: Path, name: str, article: Article, spans: list[tuple[str, str]], done: bool = True
) -> None:
    Workspace(workspace).save_article(article)
    with Store.open(workspace, name) as store:
        for words, label in spans:
            start, end = span(article, words)
            store.add(article.id, start, end, label, words)
        if done:
            store.set_status(article.id, "done")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    article = first_article()
    annotate(root, "ana", article, [(AGREED, "claim"), (LONG, "claim"), (ANA_ONLY, "event")])
    annotate(root, "ben", article, [(AGREED, "claim"), (SHORT, "claim"), (BEN_ONLY, "figure")])
    return root


def review_app(workspace: Path, **kwargs: Any) -> ReviewApp:
    settings = kwargs.pop("settings", Settings(analyse_corpus=False))
    return ReviewApp([], workspace, "gold", settings, annotators=["ana", "ben"], **kwargs)


def screen(app: ReviewApp) -> ReviewScreen:
    return app.review_screen


async def settled(pilot: Any) -> None:
    """Every session (gold's and the annotators') has nothing queued, and what they posted
    has been handled."""
    review = screen(pilot.app)
    for _ in range(20):
        await wait_for(pilot, lambda: review.session.pending == 0 and review.review.pending == 0)
        handled = asyncio.Event()
        review.call_later(handled.set)
        await asyncio.wait_for(handled.wait(), timeout=60)
        if review.session.pending == 0 and review.review.pending == 0:
            await pilot.pause()
            return
    raise AssertionError("the sessions did not settle")


async def ready(pilot: Any) -> ArticleView:
    """The stores open, the article open with the annotators' spans read, the reader focused."""
    app: ReviewApp = pilot.app
    review = screen(app)
    await wait_for(
        pilot,
        lambda: (
            review.session.store is not None
            and all(s.store is not None for s in review.review.sessions.values())
            and len(app.order) == 1
        ),
    )
    view = await analysed(pilot)
    await wait_for(pilot, lambda: review.state is not None)
    await settled(pilot)
    view.focus()
    await pilot.pause()
    return view


def gold(workspace: Path, article_id: str) -> list[Annotation]:
    with Store.open(workspace, "gold", read_only=True) as store:
        return store.for_article(article_id)


def gold_rejected(workspace: Path, article_id: str) -> frozenset[str]:
    with Store.open(workspace, "gold", read_only=True) as store:
        return store.article_state(article_id).rejected


def team(workspace: Path, article: Article) -> TeamArticle:
    spans = {}
    for name in ("ana", "ben"):
        with Store.open(workspace, name, read_only=True) as store:
            spans[name] = tuple(store.for_article(article.id))
    return TeamArticle(article.id, spans)


def group_with(workspace: Path, article: Article, words: str) -> str:
    start, _end = span(article, words)
    for group in disagreements(team(workspace, article)):
        if group.start <= start < group.end:
            return group.key
    raise AssertionError(f"no group holds {words!r}")


def open_count(app: ReviewApp, article_id: str) -> int | None:
    return app.query_one(ArticleList).by_id[article_id].open_groups


async def to_group(pilot: Any, article: Article, words: str) -> None:
    """Press `.` until the view is on the group holding `words`."""
    view = pilot.app.query_one(ArticleView)
    start, _ = span(article, words)
    for _ in range(6):
        await pilot.press("full_stop")
        await pilot.pause()
        if view.focus_span is not None and view.focus_span[0] <= start < view.focus_span[1]:
            return
    raise AssertionError(f"never reached the group of {words!r}")


def review_of(annotation: Annotation) -> dict[str, Any]:
    review = annotation.attrs["review"]
    assert isinstance(review, dict)
    return review


async def test_the_list_counts_open_groups_and_the_view_shows_each_annotator(
    workspace: Path,
) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await wait_for(pilot, lambda: open_count(app, article.id) == 3)
        assert app.order == [article.id]
        # Each annotator's spans in their own gutter column: ana's event, ben's figure.
        marks = {}
        for y in range(len(view.lines)):
            line = view.lines[y]
            if line.start <= span(article, ANA_ONLY)[0] < line.end:
                marks["ana"] = view._column_marks(line)
            if line.start <= span(article, BEN_ONLY)[0] < line.end:
                marks["ben"] = view._column_marks(line)
        assert marks == {"ana": "E  ", "ben": " F "}
        legend = str(app.query_one("#review-legend").render())
        assert "1 ana" in legend and "2 ben" in legend and "3 of 3 groups open" in legend
        # The panel lists the groups with who made which version.
        panel = app.query_one(ReviewPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        listed = "\n".join(prompts)
        assert "Groups (3 open of 3)" in listed
        assert "ben: —" in listed and "ana: —" in listed
        start, end = span(article, SHORT)
        assert f"claim {start}–{end}" in listed


async def test_next_group_then_take_a_version(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, LONG)
        key = group_with(workspace, article, LONG)
        assert screen(app).current_group() is not None
        await pilot.press("1")  # ana's version
        await settled(pilot)
        (made,) = gold(workspace, article.id)
        assert (made.start, made.end, made.label) == (*span(article, LONG), "claim")
        assert made.origin == "review"
        assert review_of(made) == {"from": ["ana"], "decision": "chose:ana", "group": key}
        await wait_for(pilot, lambda: open_count(app, article.id) == 2)
        # The group is decided: another take is refused, not added.
        await pilot.press("2")
        await settled(pilot)
        assert len(gold(workspace, article.id)) == 1
        # Previous group: from here back to ben's figure, the first open group.
        await pilot.press("comma")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.focus_span == span(article, BEN_ONLY)
