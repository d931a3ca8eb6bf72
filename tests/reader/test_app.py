"""The reader driven by keys (Pilot): navigation, filters, find, toggles, settings, safety."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input

from annotations.store import Store
from reader.config import Settings
from reader.help import HelpScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel
from tests.reader.conftest import MakeApp, analysed, wait_for

TRUMP = "[US President Donald] Trump"


def screen_text(view: ArticleView) -> str:
    return "\n".join(view.visible_text())


async def test_first_article_shows_at_once_and_highlights_follow(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.article is not None)
        assert view.article is not None and view.article.source.startswith("000_")
        await analysed(pilot)
        kinds = {getattr(s[2], "kind", None) for s in view._marks.spans}
        assert {"entity", "quote"} <= kinds  # article 000 has no figures
        assert len(view.units) > 10  # sentences replaced paragraphs
        side = app.query_one(SidePanel)
        assert side.option_count > 5


async def test_sentence_cursor_keys_and_speaker_status(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await analysed(pilot)
        view.focus()
        await pilot.press("j", "j")
        assert view.cursor == 2
        await pilot.press("k")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == len(view.units) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("q")  # the first quote: Boris Titov's
        status = str(app.query_one("#reader-status").render())
        assert "quote by Boris Titov" in status
        await pilot.press("m")
        await pilot.press("t")
        assert view.focus_span is not None


async def test_open_next_and_previous_article(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        articles = app.query_one(ArticleList)
        articles.focus()
        await pilot.press("j", "j", "enter")
        assert app.reader.current is not None and app.reader.current.source.startswith("002_")
        assert app.focused is app.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert app.reader.current.source.startswith("003_")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.reader.current.source.startswith("001_")


async def test_tab_moves_focus_between_the_panes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        seen = []
        for _ in range(3):
            seen.append(type(app.focused).__name__)
            await pilot.press("tab")
        assert seen == ["ArticleList", "ArticleView", "SidePanel"]


async def test_slash_filters_the_list_and_escape_clears(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        articles = app.query_one(ArticleList)
        articles.focus()
        await pilot.press("slash")
        assert isinstance(app.focused, Input) and app.focused.id == "list-filter"
        await pilot.press(*"putin signals")
        assert len(articles.shown) == 1
        await pilot.press("enter")
        assert app.focused is articles
        assert "1 of 5 shown" in str(app.query_one("#list-status").render())
        await pilot.press("escape")
        assert len(articles.shown) == 5


async def test_slash_finds_in_the_article_and_n_cycles(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        view = await analysed(pilot)
        view.focus()
        await pilot.press("slash", *"trump", "enter")
        assert app.focused is view
        assert len(view.matches) == 3 and view.match_index == 0
        first = view.matches[0]
        assert view.article is not None
        assert view.article.text[first[0] - 22 : first[1]] == TRUMP
        assert "Trump" in screen_text(view)
        await pilot.press("n")
        assert view.match_index == 1
        await pilot.press("N", "N")
        assert view.match_index == 2  # wraps around
        await pilot.press("escape")
        assert view.matches == []


async def test_layer_toggles_fold_and_settings_are_remembered(
    make_app: MakeApp, _isolated_config: Path
) -> None:
    app = make_app(settings=Settings(analyse_corpus=False))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await analysed(pilot)
        entities = sum(1 for s in view._marks.spans if getattr(s[2], "kind", "") == "entity")
        assert entities
        await pilot.press("1")
        assert not view.show_entities
        assert not any(getattr(s[2], "kind", "") == "entity" for s in view._marks.spans)
        lines = len(view.lines)
        await pilot.press("z")
        assert view.fold_boilerplate and len(view.lines) < lines
        assert any(line.folded for line in view.lines)
    saved = tomllib.loads(_isolated_config.read_text("utf-8"))
    assert saved["layers"]["entities"] is False and saved["layers"]["fold_boilerplate"] is True
    from reader.config import load_settings

    settings, problem = load_settings()
    assert problem is None and not settings.layers.entities
    again = make_app(settings=settings)
    async with again.run_test(size=(120, 40)) as pilot:
        view = await analysed(pilot)
        assert not view.show_entities and view.fold_boilerplate


@pytest.mark.parametrize("large", [False, True])
async def test_choosing_an_entity_filters_the_list(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """Also in a corpus listed without its texts, where the texts are read in a thread."""
    if large:
        from corpus import listing

        monkeypatch.setattr(listing, "SMALL", 1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        assert app.texts_on_disk == large
        if large:
            await wait_for(pilot, lambda: app.finished)
        side = app.query_one(SidePanel)
        side.focus()
        target = next(k for k, (kind, data) in side._choices.items()
                      if kind == "entity" and data[0] == "Alaska")  # fmt: skip
        side.highlighted = side.get_option_index(target)
        await pilot.press("enter")
        articles = app.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.only is not None)
        assert articles.only_label == "Alaska"
        mentioning = {i for i, a in app.articles.items() if "Alaska" in a.text}
        assert set(articles.ids_in_view_order()) == mentioning and 0 < len(mentioning) < 5
        articles.focus()
        await pilot.press("escape")
        assert articles.only is None and len(articles.shown) == 5


async def test_help_lists_every_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = dict((where, rows) for where, rows in app.screen._sections)
        descriptions = {d for rows in table.values() for _k, d, _i in rows}
        assert {"Next quote", "Find", "Quit", "Sort", "Fold chrome"} <= descriptions
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_are_remappable_from_settings(make_app: MakeApp) -> None:
    app = make_app(settings=Settings(analyse_corpus=False, keys={"reader.next_quote": "x"}))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await analysed(pilot)
        view.focus()
        await pilot.press("x")
        assert view.focus_span is not None and "quote" in str(
            app.query_one("#reader-status").render()
        )


async def test_without_a_model_everything_else_works(make_app: MakeApp) -> None:
    app = make_app(model="none")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await analysed(pilot)
        assert not any(getattr(s[2], "kind", "") == "entity" for s in view._marks.spans)
        assert any("entity highlighting is off" in n.message.lower() or "no model" in n.message
                   for n in app._notifications)  # fmt: skip
        view.focus()
        await pilot.press("j", "slash", *"alaska", "enter")
        assert view.matches


async def test_another_assay_holding_the_lock_makes_it_read_only(
    make_app: MakeApp, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "ws", "maria"):
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await analysed(pilot)
            assert "READ-ONLY" in app.sub_title
            assert app.reader.session.store is not None and app.reader.session.store.read_only


async def test_an_unreadable_settings_file_is_never_overwritten(
    make_app: MakeApp, _isolated_config: Path
) -> None:
    from reader.config import load_settings

    _isolated_config.parent.mkdir(parents=True)
    _isolated_config.write_text("theme = [oops", "utf-8")
    settings, problem = load_settings()
    assert problem is not None and "could not be read" in problem
    app = make_app(settings=settings, settings_problem=problem)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        await pilot.press("1")
    assert _isolated_config.read_text("utf-8") == "theme = [oops"


HOSTILE = (
    "[bold red]Not markup[/bold red] headline [link=https://x]click[/link]\n\n"
    "Escape \x1b[31mred\x1b[0m and \x1b]52;c;cGF5bG9hZA==\x07 clipboard.\n\n"
    "עברית מימין לשמאל and العربية too, emoji 🇺🇦👩‍👩‍👧 ok.\n\n"
    + "long" * 50_000
    + "\n\nThe end [/] [b]."
)


async def test_a_hostile_article_is_shown_literally(make_app: MakeApp, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, "utf-8")
    app = make_app([str(path)], model="none")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await analysed(pilot)
        text = screen_text(view)
        assert "[bold red]Not markup[/bold red]" in text and "[link=https://x]" in text
        assert "Escape red and  clipboard." in text and "\x1b" not in text
        assert "עברית" in text and "👩‍👩‍👧" in text
        title = str(app.query_one("#reader-title").render())
        assert "[bold red]Not markup[/bold red]" in title
        view.focus()
        await pilot.press("G")  # past the 200,000-character line
        assert "The end [/] [b]." in screen_text(view)
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                assert "\x1b" not in segment.text


async def test_no_color_keeps_every_cue_that_is_not_colour(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await analysed(pilot)
        assert app.no_color
        strips = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        segments = [s for strip in strips for s in strip]
        assert any(s.text.startswith("▌") for s in segments)  # the cursor's gutter bar
        styles = [s.style for s in segments if s.style is not None and s.text.strip()]
        assert any(st.underline for st in styles)  # entities
        assert any(st.italic for st in styles)  # quotes
        assert any(st.dim for st in styles)  # site chrome


def test_palette_shows_titles_as_written() -> None:
    from textual.fuzzy import Matcher

    from reader.commands import _highlight

    label = "Open: Close [/bold] tag [link=x]L[/link] [@click=app.quit]q[/]"
    assert _highlight(Matcher("tag"), label).plain == label


async def test_fold_keeps_the_cursor_on_text_that_shows(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("left_square_bracket", "right_square_bracket")  # to article 001
        view = await analysed(pilot)
        assert view.article is not None and view.article.source.startswith("001_")
        view.focus()
        assert view._boilerplate.at(view.units[0][0])  # "Support The Moscow Times!"
        await pilot.press("z")
        assert not view._hidden(view.units[view.cursor])
        await pilot.press("G", "g")
        assert view.fold_boilerplate and app.settings.layers.fold_boilerplate
        assert not view._hidden(view.units[view.cursor])
        for _ in range(6):
            await pilot.press("pagedown")
            top = round(view.scroll_offset.y)
            first_line = next(i for i, line in enumerate(view.lines)
                              if line.end > view.units[view.cursor][0])  # fmt: skip
            assert first_line >= top and not view._hidden(view.units[view.cursor])


async def test_a_fold_says_why_its_chrome_was_folded(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(pilot)
        await pilot.press("left_square_bracket", "right_square_bracket")  # to article 001
        view = await analysed(pilot)
        view.focus()
        await pilot.press("z")
        folds = [i for i, line in enumerate(view.lines) if line.folded]
        assert folds
        drawn = ["".join(s.text for s in view._draw(i, 120)) for i in folds]
        # "Support The Moscow Times!" heads an appeal; every fold names its reasons.
        assert "site chrome folded: appeal" in drawn[0]
        assert all("folded: " in text for text in drawn)


async def test_choosing_an_entity_group_finds_it_however_it_is_written(make_app: MakeApp) -> None:
    """The panel lists an entity once with its variants; choosing it lists every article that
    writes any of them ("US", "U.S.", "United States")."""
    import re

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        side = app.query_one(SidePanel)
        side.focus()
        target, forms = next(
            (k, data[2])
            for k, (kind, data) in side._choices.items()
            if kind == "entity" and data[0] == "United States"
        )
        assert {"US", "U.S.", "United States"} <= set(forms)
        side.highlighted = side.get_option_index(target)
        await pilot.press("enter")
        articles = app.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.only is not None)
        assert articles.only_label == "United States"
        dotted = re.compile(r"(?<!\w)U\.S\.")
        only_dotted = {
            i
            for i, a in app.articles.items()
            if dotted.search(a.text) and "United States" not in a.text
        }
        assert only_dotted and only_dotted <= set(articles.ids_in_view_order())
        # t and T walk the group's mentions in the article, however written ...
        view = app.query_one(ArticleView)
        view.focus()
        seen = []
        for _ in range(6):
            await pilot.press("t")
            assert view.focus_span is not None
            seen.append(view.article.text[slice(*view.focus_span)])  # type: ignore[union-attr]
        assert set(seen) <= set(forms) and len(set(seen)) >= 2  # "US" and "United States"
        # ... until the list shows every article again: then every entity.
        articles.focus()
        await pilot.press("escape")
        await pilot.pause()
        view.focus()
        walked = set()
        for _ in range(12):
            await pilot.press("T")  # back up the article: every entity on the way
            walked.add(view.article.text[slice(*view.focus_span)])  # type: ignore[arg-type, union-attr]
        assert walked - set(forms)
