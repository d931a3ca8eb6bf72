"""The reader pane on its own: overlays, the view state's messages and the line cache."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.message import Message

from corpus.article import Article, make_article
from reader.widgets.article_view import ArticleView
from reader.widgets.overlays import SAVING, Overlay, OverlayStack

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
        drawn: list[int] = []
        draw = view._draw

        def counting(index: int, width: int) -> Any:
            drawn.append(index)
            return draw(index, width)

        view._draw = counting  # type: ignore[method-assign]
        for y in range(height):
            view.render_line(y)
        refreshed: list[tuple[int, int]] = []
        monkeypatch.setattr(view, "refresh", lambda *regions, **_: refreshed.append((-1, -1)))
        monkeypatch.setattr(view, "refresh_lines", lambda y, n=1: refreshed.append((y, n)))
        view.action_cursor(1)
        # Only the screen lines of the two sentences are refreshed, not the whole view.
        assert sorted(refreshed) == [(0, 2), (3, 2)]
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
