"""Snapshots of the reader at 80x24 and 160x48, after the open article's analysis is in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.config import Settings
from tests.reader.conftest import MakeApp, analysed


async def ready(pilot: Any) -> None:
    await analysed(pilot)
    await pilot.pause(0.2)


def test_80x24(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=ready)


def test_80x24_side_panel_takes_the_list_place(snap_compare: Any, make_app: MakeApp) -> None:
    async def panel(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("p")
        await pilot.pause(0.1)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=panel)


def test_80x24_ansi_theme_with_chrome_folded(snap_compare: Any, make_app: MakeApp) -> None:
    settings = Settings(theme="ansi-dark", analyse_corpus=False)
    settings = settings.with_layers(fold_boilerplate=True)
    assert snap_compare(make_app(settings=settings), terminal_size=(80, 24), run_before=ready)


def test_160x48_cursor_on_a_quote(snap_compare: Any, make_app: MakeApp) -> None:
    async def on_quote(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("tab", "q", "q")
        await pilot.pause(0.1)

    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=on_quote)


def test_160x48_help(snap_compare: Any, make_app: MakeApp) -> None:
    async def help_screen(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause(0.1)

    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=help_screen)


def test_80x24_review(snap_compare: Any, tmp_path: Path) -> None:
    """A review of two annotators: the list counts open groups, the legend names the gutter
    columns, the view is on the first open group."""
    from tests.reader.test_review import review_app, review_workspace
    from tests.reader.test_review import settled as review_settled

    async def on_first_group(pilot: Any) -> None:
        await ready(pilot)
        await review_settled(pilot)
        await pilot.press("enter", "full_stop")
        await pilot.pause(0.2)

    app = review_app(review_workspace(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_first_group)
