"""What the reader says and how: notices are a safe sink, start-up news stays out of the way,
figures and quotes read as people write them, help and reports scroll, the way out is first."""

from __future__ import annotations

from pathlib import Path

from reader.help import HelpScreen, ReportScreen
from reader.screen import describe
from reader.widgets.article_view import ArticleView, Mark
from reader.widgets.bars import KeyBar
from reader.widgets.side_panel import SidePanel
from tests.conftest import SAMPLES
from tests.reader.conftest import MakeApp, analysed, wait_for

HOSTILE = [
    "\x1b[2J",  # CSI: clear the screen
    "\x1b]52;c;UFdO\x07",  # OSC 52: write the clipboard
    "\x1b]8;;http://x.example/\x1b\\",  # OSC 8: a hyperlink
    "\x1bPq#0;2;0;0;0\x1b\\",  # DCS: sixel
    "\x9b2J",  # 8-bit CSI
    "\x9d52;c;UFdO\x9c",  # 8-bit OSC
    "\u202e",  # a right-to-left override
]


def _plain(text: str) -> bool:
    return not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text) and (
        "\u202e" not in text
    )


async def test_every_notice_is_a_safe_sink(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for sequence in HOSTILE:
            app.notify(f"file {sequence}x.txt [b]not markup[/b]", title=f"t{sequence}")
        notes = list(app._notifications)[-len(HOSTILE) :]
        assert all(_plain(n.message) and _plain(n.title) for n in notes)
        assert all("[b]not markup[/b]" in n.message and not n.markup for n in notes)


async def test_skipped_files_are_a_short_notice_and_notes_are_title_bar_news(
    make_app: MakeApp, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text((SAMPLES / "000_af337e4d8abd8272.txt").read_text("utf-8"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.png").write_bytes(b"\x89PNG")  # a note: ignored file of another type
    app = make_app([str(corpus)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.loaded)
        await pilot.pause()
        toasts = [n for n in app._notifications if "skipped" in n.title]
        assert [t.title for t in toasts] == ["1 file skipped"]
        assert toasts[0].timeout <= 8 and "Loading report" in toasts[0].message
        assert "1 note on loading the corpus" in str(app.query_one("#title-bar").render())
        app.action_loading_report()
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        shown = "\n".join(app.screen.lines)
        assert "empty.txt" in shown and "ignored files of other types" in shown


async def test_notes_alone_make_no_notice(make_app: MakeApp, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text((SAMPLES / "000_af337e4d8abd8272.txt").read_text("utf-8"))
    (corpus / "notes.odt").write_bytes(b"PK")
    app = make_app([str(corpus)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.loaded)
        await pilot.pause()
        assert not [n for n in app._notifications if "skipped" in n.title]


def test_figures_and_quotes_read_as_people_write_them() -> None:
    from corpus.figures import Figure
    from corpus.quotes import Quote, QuoteKind, QuoteStyle

    def quote(speaker: str | None, cue: str | None) -> Quote:
        return Quote(
            0, 14, 1, 13, speaker, speaker, None, None, cue, QuoteKind.DIRECT, QuoteStyle.MARKS, 1.0
        )

    tons = Mark(
        "figure",
        "QUANTITY",
        "2 million tons",
        Figure(0, 14, "QUANTITY", "2 million tons", 2_000_000, "ton"),
    )
    assert describe([tons]).plain == "QUANTITY 2 million tons = 2,000,000 tons"
    percent = Mark(
        "figure", "PERCENT", "15 percent", Figure(0, 10, "PERCENT", "15 percent", 15, "percent")
    )
    assert describe([percent]).plain == "PERCENT 15 percent"
    unsaid = Mark("quote", "quote", "“We will see.”", quote(None, None))
    assert describe([unsaid]).plain == "quote, speaker not found"
    said = Mark("quote", "quote", "“We will see.”", quote("Kirill Dmitriev", "said"))
    assert describe([said]).plain == "quote by Kirill Dmitriev (said)"


async def test_help_scrolls_with_the_reader_keys_and_shows_binding_ids(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        page = app.screen._page()
        await pilot.pause()
        await pilot.press("j", "j", "j")
        assert page.scroll_y == 3
        await pilot.press("space")
        assert page.scroll_y > 10
        await pilot.press("g")
        assert page.scroll_y == 0
        await pilot.press("G")
        assert page.scroll_y == page.max_scroll_y > 0
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "reader.next_quote" in text and "app.quit" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_panel_highlights_a_row_as_soon_as_it_has_the_focus(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        side = app.query_one(SidePanel)
        assert side.highlighted is None
        await pilot.press("tab", "tab")
        assert app.focused is side
        assert side.highlighted is not None
        assert not side.get_option_at_index(side.highlighted).disabled


async def test_the_key_bar_says_how_to_quit_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        app.query_one(ArticleView).focus()
        await pilot.pause()
        assert str(app.query_one(KeyBar).render()).startswith("^q Quit")


async def test_the_first_frame_is_wrapped_for_the_width_it_is_drawn_at(
    make_app: MakeApp, monkeypatch: object
) -> None:
    drawn: list[tuple[int, int]] = []
    original = ArticleView._draw

    def draw(view: ArticleView, index: int, width: int):  # type: ignore[no-untyped-def]
        drawn.append((view._width, width))
        return original(view, index, width)

    monkeypatch.setattr(ArticleView, "_draw", draw)  # type: ignore[attr-defined]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
    assert drawn and all(wrapped == width for wrapped, width in drawn)


async def test_a_bidi_override_in_the_text_is_kept_but_closed_at_the_end_of_its_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rlo.txt").write_text(
        "An override \u202eopened here and never closed.\n\nThe next paragraph reads plainly.\n",
        "utf-8",
    )
    app = make_app([str(corpus)], model="none")
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.article is not None and bool(view.lines))
        assert "\u202e" in view.article.text  # type: ignore[union-attr]
        first = "".join(segment.text for segment in view.render_line(0))
        assert "\u202e" in first
        assert first.rstrip(" ").endswith("\u202c")  # closed before the rest of the row
        second = "".join(segment.text for segment in view.render_line(2))
        assert "\u202c" not in second


async def test_a_long_corpus_path_gives_way_in_the_title_bar(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from annotations.store import Store

    corpus = tmp_path / ("a-rather-long-folder-name-" * 4) / "articles"
    corpus.mkdir(parents=True)
    (corpus / "one.txt").write_text((SAMPLES / "000_af337e4d8abd8272.txt").read_text("utf-8"))
    with Store.open(tmp_path / "ws", "maria"):  # another assay holds the lock: read-only
        app = make_app([str(corpus)])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.reader.session.store is not None)
            await pilot.pause()
            line = str(app.query_one("#title-bar").render())
            assert "annotator maria" in line and "READ-ONLY" in line
            assert line.startswith("…") and line.rstrip().endswith("READ-ONLY")


def test_the_list_counts_one_article_in_the_singular() -> None:
    from reader.widgets.article_list import ArticleList, Row

    articles = ArticleList()
    articles.rows.append(Row("0" * 16, "One", "one.txt", "", 10, 1))
    articles.shown = [0]
    assert "1 article ·" in articles.progress()
