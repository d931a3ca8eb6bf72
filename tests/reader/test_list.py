"""The article list: full-text filter, status filter, next article to do, problem marks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Input

from annotations.store import Store
from corpus.article import Article, make_article
from corpus.loader import iter_articles
from reader.help import HelpScreen
from reader.widgets.article_list import PROBLEM_MARK, ArticleList, Row
from tests.reader.conftest import MakeApp, wait_for


def status_line(app: App[None]) -> str:
    return str(app.query_one("#list-status").render())


def sources(articles: ArticleList) -> list[str]:
    return [articles.rows[i].source[:3] for i in articles.shown]


def with_statuses(workspace: Path, statuses: dict[int, str]) -> None:
    """Give built-in articles (by number) a status in maria's store, before the app starts
    (the app reads them with the corpus; set later, an article's opening would overwrite
    them with what the store says)."""
    samples = sample_articles()
    with Store.open(workspace, "maria") as store:
        for number, status in statuses.items():
            store.set_status(samples[number].id, status)


async def indexed(pilot: object, app: App[None]) -> ArticleList:
    """The list, once every row's text is searchable."""
    articles = app.query_one(ArticleList)
    # Loaded first: before the rest of the corpus arrives, the first row alone is "all rows".
    await wait_for(pilot, lambda: app.loaded)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: len(articles.index) == len(articles.rows))
    return articles


async def test_filter_finds_words_in_the_text_title_matches_first(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.focus()
        await pilot.press("slash", *"putin")
        # Every article quotes or names Putin; two have him in the title: they come first.
        assert sources(articles) == ["001", "002", "000", "003", "004"]
        assert "2 by title, 3 by text" in status_line(app)
        await pilot.press("enter")
        await pilot.press("escape")
        assert len(articles.shown) == 5 and "by text" not in status_line(app)


async def test_filter_terms_match_word_starts_in_any_case_all_of_them(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        texts = {a.source[:3]: a.text.casefold() for a in app.articles.values()}  # type: ignore[attr-defined]
        articles.set_query("SANC")
        assert set(sources(articles)) == {s for s, t in texts.items() if "sanction" in t}
        articles.set_query("sanc alaska")  # AND: both, in any order
        both = {s for s, t in texts.items() if "sanction" in t and "alaska" in t}
        assert set(sources(articles)) == both and 0 < len(both) < 5
        articles.set_query("anctions")  # not the start of a word, in no title
        assert articles.shown == []


async def test_accents_are_optional_and_phrases_keep_their_order(
    make_app: MakeApp, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Weather report\n\nThe Café Zürich served crème brûlée.\n")
    (corpus / "b.txt").write_text("Markets\n\nEarth rare prices, not rare earth.\n")
    (corpus / "c.txt").write_text("Mining\n\nRare metals from the earth.\n")
    app = make_app([str(corpus)], model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.set_query("cafe zurich creme")
        assert sources(articles) == ["a.t"]
        articles.set_query("CRÈME Brulee")
        assert sources(articles) == ["a.t"]
        articles.set_query('"rare earth"')
        assert sources(articles) == ["b.t"]
        articles.set_query('"rare ear')  # a phrase being typed: its last word a prefix
        assert sources(articles) == ["b.t"]
        articles.set_query("rare earth")  # words anywhere
        assert sorted(sources(articles)) == ["b.t", "c.t"]


class ListHost(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList(id="articles")


def sample_articles() -> list[Article]:
    return list(iter_articles(None, lambda _problem: None, None))


def row_of(article: Article, order: int) -> Row:
    return Row(article.id, article.title, article.source, article.meta.get("date", ""),
               article.words, order)  # fmt: skip


async def test_until_the_text_is_indexed_titles_match_and_the_status_says_how_far() -> None:
    samples = sample_articles()
    async with ListHost().run_test(size=(100, 20)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows(row_of(a, i) for i, a in enumerate(samples))
        articles.set_query("putin")
        assert len(articles.shown) == 2  # the titles only, so far
        assert "text search 0% ready" in articles.progress()
        articles.index_articles(samples[:2])
        await wait_for(pilot, lambda: len(articles.index) == 2)
        await pilot.pause()
        assert "text search 40% ready" in articles.progress()
        articles.index_articles(samples[2:])
        # The filter runs again as the index grows: the text matches join.
        await wait_for(pilot, lambda: len(articles.shown) == 5)
        assert "2 by title, 3 by text" in articles.progress()


async def test_status_filter_key_cycles_and_escape_clears(
    make_app: MakeApp, tmp_path: Path
) -> None:
    with_statuses(tmp_path / "ws", {0: "done", 2: "in progress", 4: "done"})
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.focus()
        await pilot.press("S")
        assert sources(articles) == ["001", "003"] and "status todo" in status_line(app)
        await pilot.press("S")
        assert sources(articles) == ["002"] and "status in progress" in status_line(app)
        await pilot.press("S")
        assert sources(articles) == ["000", "004"]
        await pilot.press("S")
        assert sources(articles) == ["001", "002", "003"] and "not done" in status_line(app)
        await pilot.press("escape")
        assert len(articles.shown) == 5 and "status" not in status_line(app)
        await pilot.press("S", "S", "S", "S", "S")  # round to every status again
        assert len(articles.shown) == 5 and articles.status_filter is None


async def test_status_term_in_the_filter_box(make_app: MakeApp, tmp_path: Path) -> None:
    with_statuses(tmp_path / "ws", {1: "done", 3: "in progress"})
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.focus()
        await pilot.press("slash", *"status:done")
        assert sources(articles) == ["001"] and "status done" in status_line(app)
        box = app.query_one("#list-filter", Input)
        box.value = "status:prog putin"
        await pilot.pause()
        assert sources(articles) == ["003"]
        box.value = "status:not-done"
        await pilot.pause()
        assert sources(articles) == ["000", "002", "003", "004"]
        box.value = "status:later"
        await pilot.pause()
        assert articles.shown == [] and "no status “later”" in status_line(app)
        await pilot.press("escape")  # closes the box; escape again clears the filter
        await pilot.press("escape")
        assert len(articles.shown) == 5


async def test_a_row_marked_done_leaves_a_not_done_filter_for_the_next(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.focus()
        await pilot.press("S", "S", "S", "S")  # not done
        await pilot.press("j", "enter")  # 001 opens
        assert app.reader.current is not None and app.reader.current.source.startswith("001_")  # type: ignore[attr-defined]
        await pilot.press("s")  # done: it leaves the list; the cursor takes the next row
        await wait_for(pilot, lambda: len(articles.shown) == 4)
        assert sources(articles)[articles.cursor] == "002"
        await pilot.press("right_curly_bracket")
        assert app.reader.current.source.startswith("002_")  # type: ignore[attr-defined]


async def test_next_and_previous_to_do_go_round_and_say_when_none_is_left(
    make_app: MakeApp, tmp_path: Path
) -> None:
    with_statuses(tmp_path / "ws", {0: "done", 2: "done", 3: "in progress", 4: "done"})
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        ids = [row.article_id for row in articles.rows]

        def opened() -> str:
            return app.reader.current.source[:3]  # type: ignore[attr-defined]

        assert opened() == "000"
        await pilot.press("right_curly_bracket")
        assert opened() == "001"
        await pilot.press("right_curly_bracket")
        assert opened() == "003"
        assert articles.current_id == ids[3]  # the list's cursor follows
        await pilot.press("right_curly_bracket")  # round the end, to the top
        assert opened() == "001"
        assert any("Went round to the top" in n.message for n in app._notifications)
        await pilot.press("left_curly_bracket")  # round the top, to the bottom
        assert opened() == "003"
        await pilot.press("s")  # 003 done: 001 is the last to do
        await wait_for(pilot, lambda: articles.by_id[ids[3]].status == "done")
        await pilot.press("right_curly_bracket")
        assert opened() == "001"
        await pilot.press("s")
        await wait_for(pilot, lambda: articles.by_id[ids[1]].status == "done")
        await pilot.press("right_curly_bracket")
        assert opened() == "001"
        assert any("No other article in the list is left to do" in n.message
                   for n in app._notifications)  # fmt: skip


async def test_next_to_do_says_what_the_filter_hides(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        articles = await indexed(pilot, app)
        articles.set_query("signals")  # 002 alone, and it is the one to go from
        articles.move_to(articles.rows[2].article_id)
        await pilot.press("enter")
        await pilot.press("right_curly_bracket")
        assert app.reader.current.source.startswith("002_")  # type: ignore[attr-defined]
        notes = [n.message for n in app._notifications]
        assert any("4 more are hidden by the filter" in n for n in notes)


async def test_a_problem_mark_shows_until_cleared() -> None:
    samples = sample_articles()
    async with ListHost().run_test(size=(100, 20)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows(row_of(a, i) for i, a in enumerate(samples))
        late = "f" * 16
        articles.mark_problem(late, "not there yet")  # before its row arrives: kept
        articles.mark_problem(samples[1].id, "annotations file is corrupt")
        await pilot.pause()
        assert articles.problem(samples[1].id) == "annotations file is corrupt"
        assert articles.problem(samples[0].id) is None and articles.problem(late)

        def mark_segment(y: int) -> tuple[str, object]:
            segment = list(articles.render_line(y))[1]
            return segment.text, segment.style

        text, style = mark_segment(1)
        plain_text, plain_style = mark_segment(2)
        assert text == PROBLEM_MARK and plain_text == "·"
        warning = articles.get_component_rich_style("article-list--problem")
        assert warning.color is not None and style.color == warning.color  # type: ignore[attr-defined]
        assert plain_style.color != warning.color  # type: ignore[attr-defined]
        articles.clear_problem(samples[1].id)
        await pilot.pause()
        assert mark_segment(1)[0] == "·" and articles.problem(samples[1].id) is None


async def test_drawn_rows_follow_every_change_they_show() -> None:
    """Rows are drawn once and kept: a kept row must still change with its status, count,
    cursor, the open article, the focus and the theme."""
    from textual.widgets import Input as Box

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleList(id="articles")
            yield Box()

    samples = sample_articles()
    async with Host().run_test(size=(100, 20)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows(row_of(a, i) for i, a in enumerate(samples))
        articles.focus()
        await pilot.pause()

        def line(y: int) -> tuple[str, object]:
            strip = articles.render_line(y)
            return "".join(s.text for s in strip), list(strip)[2].style

        first_text, focused_cursor = line(0)
        assert first_text.startswith(" ·")
        articles.update_row(samples[0].id, 3, "done")
        text, _style = line(0)
        assert text.startswith(" ✓") and text.rstrip().endswith("3")
        articles.opened_id = samples[1].id
        articles.refresh()
        assert line(1)[0].startswith("▶")
        await pilot.press("j")
        assert line(1)[1] == focused_cursor and line(0)[1] != focused_cursor
        pilot.app.query_one(Box).focus()
        await pilot.pause()
        assert line(1)[1] != focused_cursor  # the cursor of a list without focus is dimmer
        articles.focus()
        await pilot.pause()
        assert line(1)[1] == focused_cursor
        pilot.app.theme = "textual-light" if pilot.app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert line(1)[1] != focused_cursor


async def test_palette_finds_articles_by_their_text(make_app: MakeApp) -> None:
    from reader.commands import AssayCommands

    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        await indexed(pilot, app)
        provider = AssayCommands(app.screen)
        hits = [hit async for hit in provider.search("sanctions")]
        texts = [hit.text for hit in hits if hit.text]
        with_text = [a for a in app.articles.values() if "sanctions" in a.text.casefold()]  # type: ignore[attr-defined]
        assert len(with_text) >= 2
        for article in with_text:
            assert f"Open: {article.title}" in texts


async def test_help_lists_the_new_keys(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = [row for _where, rows in app.screen._sections for row in rows]
        keys = {description: keys for keys, description, _id in rows}
        assert keys["Next to do"] == "}" and keys["Previous to do"] == "{"
        assert keys["Filter by status"] == "S"


def test_a_label_cannot_take_the_new_keys(tmp_path: Path) -> None:
    from reader.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text('labels = ["claim", "x1", "x2"]\n[label_keys]\nx1 = "S"\nx2 = "}"\n')
    settings, problem = load_settings(path)
    assert problem is not None and "'S' is already taken" in problem and "'}'" in problem
    assert settings.label_keys == {}


def test_make_article_rows_fold_titles() -> None:
    article = make_article("Zürich Café\n\nText.\n", "z.txt")
    assert "zurich cafe" in row_of(article, 0).haystack


async def test_a_phrase_in_many_texts_fills_in_while_keys_are_taken() -> None:
    filler = "Earth and trade are rare words here. " * 60  # each look takes a while
    samples = [
        make_article(
            f"Report {i}\n\n{filler} The rare earth trade grew. Item {i}.\n", f"{i:04d}.txt"
        )
        for i in range(3_000)
    ]
    async with ListHost().run_test(size=(100, 20)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows(row_of(a, i) for i, a in enumerate(samples))
        for a in samples:
            articles.index.add(a)
        articles.set_query('"rare earth trade"')
        assert 0 < articles.unchecked < 3_000  # a slice was looked at, the rest is to come
        assert "looking for the phrase in" in articles.progress()
        await wait_for(pilot, lambda: articles.unchecked == 0)
        assert len(articles.shown) == 3_000 and "3,000 by text" in articles.progress()


async def test_text_that_is_indexed_before_its_row_arrives_still_matches() -> None:
    samples = sample_articles()
    async with ListHost().run_test(size=(100, 20)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows([row_of(samples[0], 0)])
        for a in reversed(samples):  # the index numbers them the other way round
            articles.index.add(a)
        articles.set_query("sanc")  # maps the index's numbers before the rows are in
        articles.add_rows(row_of(a, i) for i, a in enumerate(samples[1:], 1))
        articles.set_query("sanctions")
        with_text = {a.source[:3] for a in samples if "sanctions" in a.text.casefold()}
        assert set(sources(articles)) == with_text and len(with_text) >= 2


async def test_a_large_corpus_is_listed_from_a_quick_read_then_made_whole(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large corpus is listed without its texts, past the first file from a quick read
    (no boilerplate pass); the articles are then read whole in the background, rows taking
    the titles and dates found, and an article opened before that is read whole at once."""
    import threading

    from corpus import listing, loader
    from corpus.listing import ListedArticle
    from corpus.loader import load_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in loader.builtin_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    whole = {a.id: a for a in load_corpus([folder])[0]}
    monkeypatch.setattr(listing, "SMALL", 1)
    release = threading.Event()
    real = listing.Listing.finish

    def held(self: listing.Listing) -> Iterator[list[ListedArticle]]:
        release.wait(30)
        return real(self)

    monkeypatch.setattr(listing.Listing, "finish", held)
    app = make_app([str(folder)], model="none", use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.loaded)
        assert len(app.articles) == 5 and not app.finished
        quick = [app.articles[i] for i in app.order]
        assert all(isinstance(a, ListedArticle) for a in quick[1:])  # texts not held
        assert [a.boilerplate for a in quick[1:]] == [()] * 4  # listed, not yet whole
        assert any(a.title != whole[a.id].title for a in quick)  # site chrome above it
        last = app.order[-1]
        app.open_article(last)
        await wait_for(pilot, lambda: app.reader.current is not None
                       and app.reader.current.id == last)  # fmt: skip
        assert app.reader.current == whole[last] and app.articles[last] == whole[last]
        release.set()
        await wait_for(pilot, lambda: app.finished)
        listed = [app.articles[i] for i in app.order]
        assert all(a.whole() == whole[a.id] for a in listed if isinstance(a, ListedArticle))
        assert all(a == whole[a.id] for a in listed if not isinstance(a, ListedArticle))
        rows = {r.article_id: r for r in app.query_one(ArticleList).rows}
        assert {i: (r.title, r.date) for i, r in rows.items()} == {
            i: (a.title, a.meta.get("date", "")) for i, a in whole.items()
        }


async def test_an_article_edited_after_it_was_listed_is_not_opened(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its listed text is gone: the reader says so and stays where it was, never showing
    another text under the listed article's id."""
    from corpus import listing, loader

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in loader.builtin_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(listing, "SMALL", 1)
    app = make_app([str(folder)], model="none", use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.finished)
        first, last = app.order[0], app.order[-1]
        edited = app.articles[last]
        (folder / edited.source).write_text("Another text altogether.", "utf-8")
        listing._recent.clear()
        app.open_article(last)
        await pilot.pause()
        assert app.reader.current is not None and app.reader.current.id == first
        shown = [n.message for n in app._notifications]
        assert any("changed since it was listed" in m and edited.source in m for m in shown)


async def test_a_cursor_step_redraws_two_rows_and_a_page_turn_keeps_a_row_in_sight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Over SSH every cell redrawn is sent again: a step redraws the row left and the row
    reached (not the scrollbar); a step off the rows shown turns a page, keeping the row
    it came from in sight, so that the next steps are cheap again."""
    samples = sample_articles() * 4
    async with ListHost().run_test(size=(100, 8)) as pilot:
        articles = pilot.app.query_one(ArticleList)
        articles.add_rows(  # 20 rows, a few on screen
            Row(f"{a.id[:12]}{i:04d}", a.title, a.source, "", a.words, i)
            for i, a in enumerate(samples)
        )
        articles.focus()
        await pilot.pause()
        height = articles.scrollable_content_region.height
        width = articles.scrollable_content_region.width
        assert width < articles.size.width  # a scrollbar is beside the rows
        refreshed: list[Region | None] = []
        monkeypatch.setattr(
            articles, "refresh", lambda *regions, **_: refreshed.extend(regions or [None])
        )
        for step in range(1, height):
            refreshed.clear()
            await pilot.press("j")
            assert refreshed == [Region(0, step - 1, width, 1), Region(0, step, width, 1)]
        refreshed.clear()
        await pilot.press("j")  # off the bottom: a page turn
        assert None in refreshed  # every row moved: all are drawn again
        assert round(articles.scroll_offset.y) == height - 1  # the row before is in sight
        assert articles.cursor - round(articles.scroll_offset.y) == 1
        refreshed.clear()
        await pilot.press("j")
        assert refreshed == [Region(0, 1, width, 1), Region(0, 2, width, 1)]
