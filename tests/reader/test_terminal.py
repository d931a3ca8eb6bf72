"""reader/terminal.py: compacted styles draw the same screen; frames wait for the terminal."""

from __future__ import annotations

import asyncio
import io
import signal
import sys
from contextlib import contextmanager
from typing import Any

import pyte
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from reader import terminal
from reader.terminal import WINDOW, AssayDriver, compact_sgr, write_utf8

COLOURS = [None, "red", "bright_blue", "color(214)", "color(17)", "#aabbcc", "default"]
STYLES = st.builds(
    Style,
    color=st.sampled_from(COLOURS),
    bgcolor=st.sampled_from(COLOURS),
    bold=st.sampled_from([None, True, False]),
    dim=st.sampled_from([None, True]),
    italic=st.sampled_from([None, True]),
    underline=st.sampled_from([None, True]),
    reverse=st.sampled_from([None, True]),
    strike=st.sampled_from([None, True]),
)
TEXT = st.text(alphabet="ab —▌é", min_size=1, max_size=6)


def rich_frame(pieces: list[tuple[str, Any]], system: str) -> str:
    """What Rich writes for `pieces`: styled text, line ends and cursor moves, as Textual's
    compositor writes a frame."""
    console = Console(file=io.StringIO(), color_system=system, force_terminal=True)  # type: ignore[arg-type]
    out = []
    for kind, value in pieces:
        if kind == "move":
            out.append(f"\x1b[{value[0]};{value[1]}H")
        elif kind == "eol":
            out.append("\r\n")
        else:
            text, style = value
            out.append(console._render_buffer([Segment(text, style)]))
    return "".join(out)


PIECES = st.lists(
    st.one_of(
        st.tuples(st.just("text"), st.tuples(TEXT, STYLES)),
        st.tuples(st.just("move"), st.tuples(st.integers(1, 6), st.integers(1, 30))),
        st.tuples(st.just("eol"), st.none()),
    ),
    max_size=40,
)


def drawn(data: str) -> list[list[tuple[str, str, str, bool, bool, bool, bool, bool]]]:
    screen = pyte.Screen(40, 8)
    pyte.Stream(screen).feed(data)
    return [
        [
            (c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse, c.strikethrough)
            for c in (screen.buffer[y][x] for x in range(40))
        ]
        for y in range(8)
    ]


@settings(max_examples=300, deadline=None)
@given(PIECES, st.sampled_from(["256", "truecolor", "standard"]))
def test_compacted_styles_draw_the_same_screen_with_no_more_bytes(
    pieces: list[tuple[str, Any]], system: str
) -> None:
    frame = rich_frame(pieces, system)
    compact = compact_sgr(frame)
    assert drawn(compact) == drawn(frame)
    # The same text and moves; styles said once: never more than a reset's "0;" longer.
    assert len(compact) <= len(frame) + 2
    # And the terminal is left plain, as Rich leaves it.
    assert drawn(compact + "X") == drawn(frame + "X")


def test_a_run_in_the_same_style_says_it_once() -> None:
    frame = "".join(f"\x1b[38;5;253;48;5;234m{word}\x1b[0m" for word in ("one ", "two ", "three"))
    assert compact_sgr(frame) == "\x1b[0;38;5;253;48;5;234mone two three\x1b[0m"


def test_what_it_does_not_understand_is_written_as_it_came() -> None:
    curly = "\x1b[4:3mwavy\x1b[0m"
    assert drawn(compact_sgr(curly)) == drawn(curly)
    assert "\x1b[4:3m" in compact_sgr(curly)
    # A relative change after it cannot be cut (the style it changes is not known).
    frame = "\x1b[4:3ma\x1b[1mb\x1b[0mc"
    assert "\x1b[1m" in compact_sgr(frame)
    assert compact_sgr("plain text") == "plain text"


def test_erasing_uses_the_style_it_had() -> None:
    # An erase paints with the current background: the pending style is set before it.
    frame = "\x1b[48;5;17m\x1b[2K\x1b[0mx"
    assert drawn(compact_sgr(frame)) == drawn(frame)


# --- pacing ---------------------------------------------------------------------------------


class Owner:
    """What the driver needs of the app: batches, timers and the screen."""

    def __init__(self) -> None:
        self.batches = 0
        self.timers: list[Any] = []
        self.idle_checks = 0
        self.refreshes = 0
        self.terminal: AssayDriver | None = None
        self.screen = self

    @contextmanager
    def batch_update(self) -> Any:
        self.batches += 1
        try:
            yield
        finally:
            self.batches -= 1

    def set_timer(self, delay: float, callback: Any, name: str = "") -> Any:
        owner = self

        class Timer:
            stopped = False

            def stop(self) -> None:
                self.stopped = True
                owner.timers.remove(self)

            def fire(self) -> None:
                owner.timers.remove(self)
                callback()

        timer = Timer()
        self.timers.append(timer)
        return timer

    def check_idle(self) -> None:
        self.idle_checks += 1

    def refresh(self) -> None:
        self.refreshes += 1


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> tuple[AssayDriver, Owner, list[str]]:
    owner = Owner()
    written: list[str] = []
    monkeypatch.setattr(terminal.LinuxDriver, "write", lambda self, data: written.append(data))
    monkeypatch.setattr(terminal.LinuxDriver, "flush", lambda self: None)
    monkeypatch.delenv("ASSAY_UNPACED", raising=False)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # the driver's suspend handlers

    async def make() -> AssayDriver:  # a driver is made in the app's event loop
        return AssayDriver(owner)  # type: ignore[arg-type]

    made = asyncio.run(make())
    assert owner.terminal is made  # the app learns of its driver
    return made, owner, written


def test_frames_wait_for_the_terminal_once_the_window_is_full(
    driver: tuple[AssayDriver, Owner, list[str]],
) -> None:
    made, owner, written = driver
    made.write("x" * 100)
    made.frame_written()
    assert terminal.CURSOR_QUERY not in written  # not paced before the terminal answers
    made.answered()  # the answer to the first question: pacing starts
    assert made.pacing
    for _ in range(3):  # small frames go out without waiting
        made.write("y" * 200)
        made.frame_written()
    assert written.count(terminal.CURSOR_QUERY) == 3
    assert owner.batches == 0 and not made.waiting
    made.write("z" * WINDOW)  # a page: the window is full, nothing more is drawn
    made.frame_written()
    assert made.waiting and owner.batches == 1
    made.frame_written()  # nothing was written meanwhile: no question
    assert written.count(terminal.CURSOR_QUERY) == 4
    for _ in range(3):
        made.answered()
    assert made.waiting  # the page is still on its way
    made.answered()
    assert not made.waiting and owner.batches == 0
    assert owner.idle_checks == 1  # the screen draws what changed meanwhile
    assert not owner.timers
    assert owner.refreshes == 0
    # A resize while frames wait: Textual's layout frame is dropped, so all is drawn after.
    made.write("z" * WINDOW)
    made.frame_written()
    made.resized()
    made.answered()
    assert owner.refreshes == 1 and not made.waiting
    made.resized()  # not waiting: Textual draws it itself
    assert owner.refreshes == 1


def test_a_terminal_that_stops_answering_is_not_waited_for(
    driver: tuple[AssayDriver, Owner, list[str]],
) -> None:
    made, owner, _written = driver
    made.answered()
    for _miss in range(terminal.MISSES_ALLOWED):
        assert made.pacing
        made.write("z" * WINDOW)
        made.frame_written()
        assert made.waiting
        owner.timers[0].fire()  # no answer in ANSWER_WAIT seconds
        assert not made.waiting and owner.batches == 0
    assert not made.pacing
    made.write("z" * WINDOW)
    made.frame_written()
    assert not made.waiting  # frames go out unpaced from now on


def test_pacing_can_be_turned_off(
    driver: tuple[AssayDriver, Owner, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    made, _owner, _written = driver
    monkeypatch.setenv("ASSAY_UNPACED", "1")
    made.answered()
    assert not made.pacing


def test_styles_are_compacted_on_the_way_out(
    driver: tuple[AssayDriver, Owner, list[str]],
) -> None:
    made, _owner, written = driver
    made.write("\x1b[1ma\x1b[0m\x1b[1mb\x1b[0m")
    assert written[-1] == "\x1b[0;1mab\x1b[0m"


def test_stderr_writes_utf8_under_a_latin1_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="iso-8859-1", errors="backslashreplace")
    monkeypatch.setattr(sys, "__stderr__", stream)
    monkeypatch.setattr(sys, "stderr", stream)
    assert write_utf8()  # it was not UTF-8: the app says so
    stream.write("— … ▶")
    stream.flush()
    assert raw.getvalue() == "— … ▶".encode()
    assert not write_utf8()  # now it is
