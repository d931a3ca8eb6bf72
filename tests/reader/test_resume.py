"""The reader reopens where the annotator stopped, per annotator and workspace."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store
from corpus.article import Article
from corpus.loader import iter_articles
from reader.app import AssayApp
from reader.resume import Position, position_path, read_position, write_position
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from tests.reader.conftest import MakeApp, wait_for


async def settled(pilot: Any) -> ArticleView:
    """Once the corpus is in and the open article analysed."""
    app = pilot.app
    view = app.query_one(ArticleView)
    await wait_for(pilot, lambda: app.loaded and app.reader.session.store is not None)
    await wait_for(pilot, lambda: view.analysis is not None and view.article is app.reader.current)
    await pilot.pause(0.1)
    return view


def unit_start(view: ArticleView) -> int:
    return view.units[view.cursor][0]


async def stop_in_article_002(make_app: MakeApp, annotator: str = "maria") -> tuple[str, int]:
    """Open article 002, go down four sentences, quit; its id and the cursor's offset."""
    app = make_app(model="none", annotator=annotator)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("j", "j", "enter")
        view = await settled(pilot)
        await pilot.press("j", "j", "j", "j")
        assert app.reader.current is not None and app.reader.current.source.startswith("002_")
        where = (app.reader.current.id, unit_start(view))
    assert where[1] > 0
    return where


async def test_reopens_on_the_article_and_sentence_where_it_stopped(
    make_app: MakeApp, tmp_path: Path
) -> None:
    article_id, offset = await stop_in_article_002(make_app)
    assert read_position(position_path(tmp_path / "ws", "maria")) == Position(article_id, offset)
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await settled(pilot)
        assert app.reader.current is not None and app.reader.current.id == article_id
        assert unit_start(view) == offset
        assert app.query_one(ArticleList).current_id == article_id  # the list's cursor on it
    # Another annotator in the same workspace starts at the top.
    other = make_app(model="none", annotator="ana")
    async with other.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        assert other.reader.current is not None and other.reader.current.source.startswith("000_")


async def test_the_offset_is_taken_again_when_the_analysis_arrives(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """Without a cached analysis the cursor moves by paragraph first; the sentence follows."""
    article_id, offset = await stop_in_article_002(make_app)
    app = make_app(model="none", use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await settled(pilot)
        assert app.reader.current is not None and app.reader.current.id == article_id
        assert unit_start(view) == offset


async def test_written_when_an_article_opens_and_at_quit_not_on_keys(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = position_path(tmp_path / "ws", "maria")
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        assert not path.exists()  # the first article opening by itself is not news
        await pilot.press("j", "enter")
        await settled(pilot)
        await wait_for(pilot, path.exists)
        assert app.reader.current is not None
        assert read_position(path) == Position(app.reader.current.id, 0)
        before = path.stat().st_mtime_ns
        await pilot.press("j", "j", "j")
        await pilot.pause(0.3)
        assert path.stat().st_mtime_ns == before and read_position(path) == Position(
            app.reader.current.id, 0
        )
        offset = unit_start(app.query_one(ArticleView))
    assert read_position(path) == Position(app.reader.current.id, offset)  # at quit


async def test_a_read_only_instance_never_writes_it(make_app: MakeApp, tmp_path: Path) -> None:
    path = position_path(tmp_path / "ws", "maria")
    with Store.open(tmp_path / "ws", "maria"):  # another assay holds the lock
        app = make_app(model="none")
        async with app.run_test(size=(120, 40)) as pilot:
            await settled(pilot)
            assert app.reader.session.store is not None and app.reader.session.store.read_only
            await pilot.press("j", "j", "enter")
            await settled(pilot)
            await pilot.press("j")
    assert not path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[" * 100_000,
        json.dumps({"article_id": "0123456789abcdef", "offset": 5}).encode(),  # not in corpus
        json.dumps({"article_id": "../../etc/passwd", "offset": 5}).encode(),
        json.dumps({"article_id": "d125201d5b700bf9", "offset": -3}).encode(),
        json.dumps({"article_id": "d125201d5b700bf9", "offset": True}).encode(),
        json.dumps(["d125201d5b700bf9", 3]).encode(),
        None,  # a folder where the file should be
    ],
)
async def test_a_bad_or_stale_position_falls_back_to_the_first_article_quietly(
    make_app: MakeApp, tmp_path: Path, content: bytes | None
) -> None:
    path = position_path(tmp_path / "ws", "maria")
    path.parent.mkdir(parents=True)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await settled(pilot)
        assert app.reader.current is not None and app.reader.current.source.startswith("000_")
        assert view.cursor == 0
        assert not [n for n in app._notifications if n.severity == "error"]


def test_positions_round_trip_and_stay_out_of_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        write_position(store.folder, Position("0123456789abcdef", 42))
        assert store.article_ids() == []
    assert read_position(position_path(tmp_path, "maria")) == Position("0123456789abcdef", 42)
    assert list(store.folder.glob(".*.tmp")) == []


class HeldCorpus:
    """The built-in corpus, its first article at once and the rest when `release()`d: the
    remembered article arrives after the first paint, as in a large corpus."""

    def __init__(self) -> None:
        self.gate = threading.Event()

    def __call__(self, app: AssayApp) -> Iterator[Article]:
        """`AssayApp.corpus`, held."""
        articles = iter_articles(app.paths or None, app.problems.append, app.cache)
        yield next(articles)
        self.gate.wait(timeout=30)
        yield from articles

    def release(self) -> None:
        self.gate.set()


@pytest.mark.parametrize("moved", [False, True])
async def test_the_remembered_article_opens_when_it_arrives_unless_the_user_moved(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moved: bool
) -> None:
    article_id, offset = await stop_in_article_002(make_app)
    held = HeldCorpus()
    monkeypatch.setattr(AssayApp, "corpus", lambda app: held(app))
    app = make_app(model="none")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(ArticleView)
            await wait_for(pilot, lambda: view.article is not None)
            assert app.reader.current is not None and app.reader.current.source.startswith("000_")
            if moved:
                view.focus()
                await pilot.press("j")
            held.release()
            await wait_for(pilot, lambda: app.loaded)
            await pilot.pause(0.2)
            if moved:  # the user had begun reading: the article stays
                assert app.reader.current.source.startswith("000_") and view.cursor == 1
            else:
                view = await settled(pilot)
                assert app.reader.current.id == article_id and unit_start(view) == offset
                assert app.query_one(ArticleList).current_id == article_id
    finally:
        held.release()
