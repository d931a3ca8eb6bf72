"""Who said it, by keyboard (Pilot): W jumps between a claim and its source, K links a claim
to a name near it or to any span chosen, the status line, the panel and the gutter show the
link, and one undo takes a link back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from annotations.store import ArticleState, Store
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel
from tests.reader.conftest import MakeApp
from tests.reader.test_annotate import ready, settle


def state_of(tmp_path: Path, article_id: str) -> ArticleState:
    with Store.open(tmp_path / "ws", "maria", read_only=True) as store:
        return store.article_state(article_id)


def status(app: Any) -> str:
    return str(app.screen.query_one("#reader-status", Static).render())


async def test_w_jumps_between_an_accepted_quote_and_its_source(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        article = app.reader.current
        await pilot.press("q", "a")  # Boris Titov's quotation, with its speaker
        await settle(pilot)
        state = state_of(tmp_path, article.id)
        claim = next(a for a in state.annotations if a.label == "claim")
        source = next(a for a in state.annotations if a.label == "source")
        view.move_to(claim.start, (claim.start, claim.end))
        await settle(pilot)
        assert "■ claim ← source: Boris Titov" in status(app)
        # The claim's line is marked in the gutter without colour: «.
        line = next(x for x in view.lines if x.start <= claim.start < x.end)
        assert view._gutter_note(line) == "«"
        await pilot.press("W")
        await settle(pilot)
        assert view.focus_span == (source.start, source.end)
        assert "→ said “" in status(app)
        await pilot.press("W")
        await settle(pilot)
        assert view.focus_span == (claim.start, claim.end)
        # The panel's row of the claim names its source.
        panel = app.screen.query_one("#side", SidePanel)
        rows = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("← Boris Titov" in row for row in rows)


async def test_k_links_a_claim_to_a_name_near_it_and_u_takes_it_back(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot, article=2)
        article = app.reader.current
        view.action_cursor(1)  # "Vladimir Putin has stated ...": a claim made by hand
        await pilot.press("c")
        await settle(pilot)
        [claim] = state_of(tmp_path, article.id).annotations
        view.move_to(claim.start, (claim.start, claim.end))
        await pilot.press("K")
        await settle(pilot)
        assert "linking claim" in status(app)
        offered = view.focus_span
        assert offered is not None and offered != (claim.start, claim.end)
        await pilot.press("enter")
        await settle(pilot)
        state = state_of(tmp_path, article.id)
        [relation] = state.relations
        source = next(a for a in state.annotations if a.id == relation.child)
        assert (source.start, source.end, source.label) == (*offered, "source")
        assert relation.head == claim.id and "linking" not in status(app)
        await pilot.press("u")  # one undo: the link and the source made for it
        await settle(pilot)
        state = state_of(tmp_path, article.id)
        assert state.relations == () and [a.id for a in state.annotations] == [claim.id]


async def test_k_then_a_selection_links_any_span_and_escape_cancels(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot, article=2)
        article = app.reader.current
        view.action_cursor(1)
        await pilot.press("c")
        await settle(pilot)
        [claim] = state_of(tmp_path, article.id).annotations
        view.move_to(claim.start, (claim.start, claim.end))
        await pilot.press("K", "escape")
        await settle(pilot)
        assert state_of(tmp_path, article.id).relations == ()
        assert "linking" not in status(app)
        view.move_to(claim.start, (claim.start, claim.end))
        await pilot.press("K")
        view.move_to(claim.start)
        await pilot.press("v", "w")  # the first two words of the sentence
        await settle(pilot)
        chosen = view.selection.bounds(view.words)  # type: ignore[union-attr]
        await pilot.press("enter")
        await settle(pilot)
        state = state_of(tmp_path, article.id)
        [relation] = state.relations
        source = next(a for a in state.annotations if a.id == relation.child)
        assert (source.start, source.end) == chosen and source.label == "source"


async def test_k_and_w_on_nothing_say_what_to_do(make_app: MakeApp) -> None:
    app = make_app()
    notes: list[str] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        app.screen.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("K", "W")
        await settle(pilot)
    assert any("No claim here to link" in note for note in notes)
    assert any("W jumps from a claim to its source" in note for note in notes)


async def test_the_panel_keys_link_the_highlighted_row(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        article = app.reader.current
        view.action_cursor(1)
        await pilot.press("c")
        await settle(pilot)
        panel = app.screen.query_one("#side", SidePanel)
        panel.focus()
        await settle(pilot)
        item = panel.highlighted_item()
        assert item is not None and item[0] == "annotation"
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.focused, ArticleView) and "linking claim" in status(app)
        if app.screen.query_one(ArticleView).focus_span is None:
            await pilot.press("t")
        await pilot.press("enter")
        await settle(pilot)
        assert len(state_of(tmp_path, article.id).relations) == 1


async def test_linking_makes_the_first_relation_label_of_the_settings(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from reader.config import Settings

    app = make_app(settings=Settings(analyse_corpus=False, relation_labels=("attributed",)))
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        article = app.reader.current
        await pilot.press("q", "a")
        await settle(pilot)
        [relation] = state_of(tmp_path, article.id).relations
        assert relation.label == "attributed"
        claim = next(a for a in state_of(tmp_path, article.id).annotations if a.label == "claim")
        view.move_to(claim.start, (claim.start, claim.end))
        await pilot.press("K")
        await settle(pilot)
        assert "who said it (attributed)" in status(app)
