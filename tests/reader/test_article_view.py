"""The reader pane on its own: overlays, the view state's messages and the line cache."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.message import Message

from annotations.model import Annotation
from corpus.article import Article, make_article
from reader.widgets.article_view import ArticleView
from reader.widgets.overlays import SAVING, Overlay, OverlayStack
from reader.widgets.side_panel import MAX_ROWS, SidePanel

# Paragraphs of two screen lines each at 80 columns, a blank line between them.
PARAGRAPHS = [
    f"Paragraph {n} says something about the harvest and the ports, which the minister "
    f"denied on Tuesday ({n})."
    for n in range(12)
]
TEXT = "\n\n".join(PARAGRAPHS)


@dataclass(frozen=True)
class Theirs:
    """Another annotator's span, as a review would show it."""

    annotator: str
    label: str


THEIRS: Overlay[Theirs] = Overlay(
    "theirs", "article-view--theirs", gutter=lambda span: span.annotator[:1].lower()
)


class ReviewView(ArticleView):
    """A view that draws one more kind of span: only its component class and its CSS."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--theirs"}
    DEFAULT_CSS = "ReviewView > .article-view--theirs { text-style: strike; }"


class Host(App[None]):
    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self.view = view
        self.seen: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.view

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.seen.append(message)

    def on_article_view_selection_changed(self, message: ArticleView.SelectionChanged) -> None:
        self.seen.append(message)


def article() -> Article:
    return make_article(TEXT, "view.txt", title="A view")


def styled(view: ArticleView, y: int) -> list[tuple[str, Any]]:
    """The characters of screen line `y` with their styles (the gutter left out)."""
    return [(char, seg.style) for seg in view.render_line(y) for char in seg.text][2:]


def gutter(view: ArticleView) -> str:
    """The mark in the gutter of the first screen line."""
    return next(iter(view.render_line(0))).text[1]


def count_draws(view: ArticleView) -> list[int]:
    """The screen lines the view draws from now on (cache misses), in order."""
    drawn: list[int] = []
    draw = view._draw

    def counting(index: int, width: int) -> Any:
        drawn.append(index)
        return draw(index, width)

    view._draw = counting  # type: ignore[method-assign]
    return drawn


async def test_an_overlay_registered_later_is_drawn_in_its_own_component_class() -> None:
    view = ReviewView()
    async with Host(view).run_test(size=(80, 24)) as pilot:
        view.show(article())
        await pilot.pause()
        view.add_overlay(THEIRS)
        start = TEXT.index("harvest")
        end = start + len("harvest")
        view.set_overlay(THEIRS, [(start, end, Theirs("ivan", "claim"))])
        await pilot.pause()
        line = styled(view, 0)
        struck = "".join(char for char, style in line if style.strike)
        assert struck == "harvest"
        assert line[start][1] == view.rich_style + view.get_component_rich_style(
            "article-view--cursor"
        ) + view.get_component_rich_style("article-view--theirs")
        assert view.overlay_at(THEIRS, start + 2, start + 3) == [Theirs("ivan", "claim")]
        assert gutter(view) == "i"  # the gutter names it
        # The overlays registered first name the line in the gutter before it.
        view.set_overlay(SAVING, [(start, end, (start, end, "claim"))])
        await pilot.pause()
        assert gutter(view) == "c"


async def test_an_overlay_needs_a_declared_component_class_and_one_registration() -> None:
    view = ArticleView()
    async with Host(view).run_test(size=(80, 24)):
        with pytest.raises(ValueError, match=r"'theirs'.*article-view--theirs.*ArticleView"):
            view.add_overlay(THEIRS)
        with pytest.raises(KeyError, match="theirs"):
            view.set_overlay(THEIRS, [])
        view.add_overlay(Overlay("mine", "article-view--saving"))
        with pytest.raises(ValueError, match="named 'mine'"):
            view.add_overlay(Overlay("mine", "article-view--suggestion"))


async def test_a_cursor_step_draws_again_only_the_lines_of_the_two_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = ArticleView()
    async with Host(view).run_test(size=(80, 24)) as pilot:
        view.show(article())
        await pilot.pause()
        height = view.scrollable_content_region.height
        drawn = count_draws(view)
        for y in range(height):
            view.render_line(y)
        refreshed: list[Region | None] = []

        def refresh(*regions: Region, **_: object) -> None:
            refreshed.extend(regions or [None])

        monkeypatch.setattr(view, "refresh", refresh)
        view.action_cursor(1)
        # Only the gutter cells of the two sentences' screen lines are refreshed: not their
        # text, nor the scrollbar, nor the rest of the view.
        gutter = view.gutter_width
        assert sorted(refreshed) == [Region(0, 0, gutter, 2), Region(0, 3, gutter, 2)]
        drawn.clear()
        for y in range(height):
            view.render_line(y)
        on_either = [
            i
            for i, line in enumerate(view.lines[:height])
            if any(line.start < e and s < line.end for s, e in view.units[:2])
        ]
        assert drawn == on_either and len(on_either) == 4  # two lines of each paragraph
        drawn.clear()
        view.action_select()  # the selection touches one line only
        for y in range(height):
            view.render_line(y)
        assert drawn == on_either[2:3]
        view.action_select()  # dropped
        # With the sentence tinted, a move refreshes their whole lines (the text, not the
        # scrollbar).
        view.set_tint_cursor(True)
        refreshed.clear()
        view.action_cursor(-1)
        width = view.scrollable_content_region.width
        assert width < view.size.width  # a scrollbar is beside the text
        assert sorted(refreshed) == [Region(0, 0, width, 2), Region(0, 3, width, 2)]


async def test_a_save_draws_again_only_the_lines_it_changes_and_none_goes_stale() -> None:
    """Annotations added, removed, relabelled and being saved, in random steps: after each,
    only the lines of the spans that changed are drawn again, and every line on screen is
    what a view drawn from nothing shows."""
    view = ArticleView()
    rng = random.Random(7)
    async with Host(view).run_test(size=(80, 24)) as pilot:
        art = article()
        view.show(art)
        await pilot.pause()
        height = view.scrollable_content_region.height
        drawn = count_draws(view)
        held: list[Annotation] = []
        saving: list[tuple[int, int, str]] = []
        for step in range(80):
            before, was_saving = list(view._given), list(saving)
            choice = rng.random()
            if choice < 0.4 or not held:
                start = rng.randrange(0, len(TEXT) - 30)
                end = start + rng.randrange(1, 30)
                label = rng.choice(("claim", "figure", "event"))
                stamp = f"2026-01-01T00:00:{step:02d}Z"
                made = Annotation(f"{art.id}-{step:012x}", art.id, start, end, label,
                                  TEXT[start:end], created_at=stamp)  # fmt: skip
                held.append(made)
            elif choice < 0.55:
                held.remove(rng.choice(held))
            elif choice < 0.7:
                old = rng.choice(held)
                held[held.index(old)] = dataclasses.replace(old, label="event")
            else:
                start = rng.randrange(0, len(TEXT) - 30)
                saving = [(start, start + rng.randrange(1, 200), "claim")] if not saving else []
            # The same list object when nothing saved changed (a save begun), as the reader
            # gives it; a new one otherwise.
            given = view._given if held == list(before) else list(held)
            for y in range(height):
                view.render_line(y)
            drawn.clear()
            view.set_annotations(given, saving)
            shown = [list(view.render_line(y)) for y in range(height)]
            # Drawn again: only lines touching a span that came, went or changed.
            moved = [a for a in given if all(a is not b for b in before)]
            moved += [a for a in before if all(a is not b for b in given)]
            ranges = [(a.start, a.end) for a in moved]
            ranges += [(s, e) for s, e, _ in set(saving) ^ set(was_saving)]
            touched = {
                i
                for i, line in enumerate(view.lines[:height])
                for s, e in ranges
                if line.start <= max(e, s + 1) and s <= line.end
            }
            assert set(drawn) <= touched, step
            view._spans_changed()  # every line drawn from nothing
            assert [list(view.render_line(y)) for y in range(height)] == shown, step


async def test_moves_made_at_once_are_reported_once_where_they_ended() -> None:
    view = ArticleView()
    host = Host(view)
    async with host.run_test(size=(80, 24)) as pilot:
        view.show(article())
        await pilot.pause()
        host.seen.clear()
        for _ in range(5):
            view.action_cursor(1)
        await pilot.pause()
        moved = [m for m in host.seen if isinstance(m, ArticleView.CursorMoved)]
        assert [(m.start, m.end) for m in moved] == [view.units[5]]
        assert not any(isinstance(m, ArticleView.SelectionChanged) for m in host.seen)


async def test_selection_changes_are_reported_with_their_span() -> None:
    view = ArticleView()
    host = Host(view)
    async with host.run_test(size=(80, 24)) as pilot:
        view.show(article())
        view.focus()
        await pilot.pause()
        host.seen.clear()
        await pilot.press("v", "l", "l")
        view.cancel_selection()
        await pilot.pause()
        changes = [m for m in host.seen if isinstance(m, ArticleView.SelectionChanged)]
        assert all(m.control is view for m in host.seen)
        spans = [m.span for m in changes]
        texts = [TEXT[span[0] : span[1]] if span else None for span in spans]
        assert texts == ["Paragraph", "Paragraph 0", "Paragraph 0 says", None]
        assert view.selection is None and view.cursor == 0


overlay_spans = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 50), st.integers(0, 15)), max_size=30
)


@settings(max_examples=200, deadline=None)
@given(overlay_spans, st.integers(0, 60), st.integers(0, 15))
def test_overlays_are_drawn_in_text_order_and_the_first_registered_names_the_line(
    given: list[tuple[int, int, int]], start: int, length: int
) -> None:
    kinds = [Overlay[int](f"o{i}", "article-view--saving", gutter=str) for i in range(3)]
    stack = OverlayStack(kinds)
    for which, overlay in enumerate(kinds):
        stack.set(overlay, [(s, s + n, i) for i, (k, s, n) in enumerate(given) if k == which])
    end = start + length

    def spans_of(k: int) -> list[tuple[int, int, int]]:  # as the overlay holds them
        mine = [(s, s + n, i) for i, (kk, s, n) in enumerate(given) if kk == k]
        return sorted(mine, key=lambda span: (span[0], span[1]))

    touching = [
        (s, e, i, kinds[k]) for k in range(3) for s, e, i in spans_of(k) if s < end and e > start
    ]
    touching.sort(key=lambda span: (span[0], span[1]))  # stable: registration order among equals
    assert list(stack.touching(start, end)) == touching
    on_line = [
        i for k in range(3) for s, e, i in spans_of(k) if s < max(end, start + 1) and e > start
    ]
    assert stack.gutter(start, end) == (str(on_line[0]) if on_line else " ")


class PanelHost(App[None]):
    def __init__(self, panel: SidePanel) -> None:
        super().__init__()
        self.panel = panel

    def compose(self) -> ComposeResult:
        yield self.panel


async def test_the_panel_rows_of_a_long_list_stay_put_near_the_cursor() -> None:
    """A long article lists the MAX_ROWS annotations around the cursor. They stay put while
    the cursor is in their middle half (and when an annotation is added elsewhere), and are
    centred on the cursor again past it."""
    long_text = " ".join(f"w{n:04d}" for n in range(4_000))  # 6 characters a word
    art = make_article(long_text, "long.txt")

    def made(n: int) -> Annotation:
        start, stamp = 6 * n, "2026-01-01T00:00:00Z"
        return Annotation(f"{art.id}-{n:012x}", art.id, start, start + 5, "claim",
                          long_text[start : start + 5], created_at=stamp)  # fmt: skip

    def first_row(panel: SidePanel) -> str:
        ids = [option.id for option in panel.options if (option.id or "").startswith("a:")]
        assert len(ids) == MAX_ROWS
        return ids[0].split("-")[-1]

    panel = SidePanel()
    async with PanelHost(panel).run_test(size=(60, 24)) as pilot:
        held = [made(n) for n in range(0, 2_000, 2)]  # 1,000 annotations, every other word
        panel.show_annotations(art, held, [], near=6 * 1_000)  # the 500th annotation
        await pilot.pause()
        assert int(first_row(panel), 16) == 1_000 - MAX_ROWS  # centred: 100 rows before
        # The cursor moves 30 annotations on and one is added far away: the rows stay.
        held = sorted([made(3_001), *held], key=lambda a: a.start)
        panel.show_annotations(art, held, [], near=6 * 1_060)
        assert int(first_row(panel), 16) == 1_000 - MAX_ROWS
        # One added before the rows does not shift them either.
        held = sorted([made(1), *held], key=lambda a: a.start)
        panel.show_annotations(art, held, [], near=6 * 1_060)
        assert int(first_row(panel), 16) == 1_000 - MAX_ROWS
        # Past the middle half, the rows are centred on the cursor again.
        held = sorted([made(5), *held], key=lambda a: a.start)
        panel.show_annotations(art, held, [], near=6 * 1_200)
        assert int(first_row(panel), 16) == 1_200 - MAX_ROWS
