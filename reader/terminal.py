"""The reader's end of the terminal: what is written to it, in what encoding, and how fast.

Over SSH every byte the reader writes is what a keypress costs, and a link slower than the
frames it is sent queues them up: the screen then scrolls on long after the key is let go.
Three things here keep the reader light:

* `compact_sgr`: Rich writes every run of text as "set the whole style, the text, reset".
  Between two runs only what differs needs saying: the same frame, in about half the bytes.
* Frames paced by the terminal: after a frame the driver asks the terminal where its cursor is
  (`CSI 6 n`, answered by every VT100 descendant, tmux and the Linux console among them). The
  answer comes back only once the terminal has drawn everything before it, so the driver knows
  how much is still on its way; while that fills a window (`WINDOW`) the app draws nothing,
  and the changes made meanwhile are drawn together in the next frame. On a slow link the
  intermediate frames are dropped, not queued. A terminal that never
  answers the first question is never waited for; one that stops answering is waited for at
  most `ANSWER_WAIT` seconds a frame, and not at all after `MISSES_ALLOWED` such waits.
* UTF-8 always: under a locale that is not UTF-8, Python's stderr (which the driver draws
  on) would write "—" as "\\u2014"; it is set to write UTF-8 before the app starts, and the
  app says once that the terminal should be set to UTF-8.
"""

from __future__ import annotations

import codecs
import locale
import os
import re
import sys
from collections import deque
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from textual.drivers.linux_driver import LinuxDriver
from textual.timer import Timer

if TYPE_CHECKING:
    from textual.app import App

CURSOR_QUERY = "\x1b[6n"
# Characters of frames the terminal has not yet drawn beyond which no frame is drawn: a few
# cursor moves go out without waiting, a page is waited for (about 100 ms at 256 kbit/s).
WINDOW = 6000
# Seconds a frame waits for the terminal's answer before the next is drawn anyway.
ANSWER_WAIT = 2.0
# Frames whose answer never came before pacing is given up for the session.
MISSES_ALLOWED = 3

# --- the style of runs of text ----------------------------------------------------------------

# A control sequence (CSI), or a character that is not part of one.
_CSI = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])")
# Final bytes of sequences that only move the cursor: the style does not matter to them.
_MOVES = frozenset("ABCDEFGHf")

_Style = tuple[frozenset[int], str | None, str | None, str | None]  # attributes, fg, bg, ul
_PLAIN: _Style = (frozenset(), None, None, None)
_OFF = {22: (1, 2), 23: (3,), 24: (4, 21), 25: (5, 6), 27: (7,), 28: (8,), 29: (9,), 54: (51, 52),
        55: (53,)}  # fmt: skip
_OFF_CODE = {attribute: code for code, attributes in _OFF.items() for attribute in attributes}
_ATTRIBUTES = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 51, 52, 53})


@lru_cache(maxsize=4096)
def _apply(style: _Style, params: str) -> _Style | None:
    """`style` after an SGR with `params`; None for parameters not understood here (the
    sequence is then written as it came)."""
    if ":" in params:
        return None
    attributes, fg, bg, ul = set(style[0]), style[1], style[2], style[3]
    codes = params.split(";") if params else ["0"]
    i = 0
    while i < len(codes):
        if not codes[i].isdigit() and codes[i] != "":
            return None
        code = int(codes[i] or 0)
        if code in (38, 48, 58):
            if i + 1 >= len(codes):
                return None
            kind = codes[i + 1]
            width = 3 if kind == "5" else 5 if kind == "2" else 0
            if not width or i + width > len(codes):
                return None
            colour = ";".join(codes[i : i + width])
            if code == 38:
                fg = colour
            elif code == 48:
                bg = colour
            else:
                ul = colour
            i += width
            continue
        if code == 0:
            attributes, fg, bg, ul = set(), None, None, None
        elif code in _ATTRIBUTES:
            attributes.add(code)
        elif code in _OFF:
            attributes.difference_update(_OFF[code])
        elif 30 <= code <= 37 or 90 <= code <= 97:
            fg = str(code)
        elif code == 39:
            fg = None
        elif 40 <= code <= 47 or 100 <= code <= 107:
            bg = str(code)
        elif code == 49:
            bg = None
        elif code == 59:
            ul = None
        else:
            return None
        i += 1
    return (frozenset(attributes), fg, bg, ul)


def _whole(style: _Style) -> list[str]:
    attributes, fg, bg, ul = style
    codes = [str(a) for a in sorted(attributes)]
    codes += [colour for colour in (fg, bg, ul) if colour is not None]
    return codes


@lru_cache(maxsize=4096)
def _transition(current: _Style | None, wanted: _Style) -> str:
    """The shortest SGR (of the two ways tried) that takes the terminal from `current`
    (None: not known) to `wanted`."""
    if current == wanted:
        return ""
    absolute = "\x1b[" + ";".join(["0", *_whole(wanted)]) + "m"
    if wanted == _PLAIN:
        return "\x1b[0m"
    if current is None:
        return absolute
    # Attributes that go off, by their off codes; one of those may turn off an attribute
    # that stays (22 ends both bold and dim), which then comes on again.
    offs = sorted({_OFF_CODE[a] for a in current[0] - wanted[0]})
    killed = {a for code in offs for a in _OFF[code]}
    codes = [str(code) for code in offs]
    codes += [str(a) for a in sorted(wanted[0] - (current[0] - killed))]
    for now, then, default in zip(current[1:], wanted[1:], ("39", "49", "59"), strict=True):
        if now != then:
            codes.append(then if then is not None else default)
    relative = "\x1b[" + ";".join(codes) + "m"
    return relative if len(relative) < len(absolute) else absolute


def compact_sgr(text: str) -> str:
    """`text` with its SGR sequences cut to what changes the style: the same screen, drawn
    with fewer bytes. As Rich writes them, the styles of `text` are meant from a plain style
    (the terminal's own is not known: the first style written is whole); the terminal is left
    plain after `text`. A sequence not understood here is written as it came, and those after
    it too until one that resets."""
    if "\x1b[" not in text:
        return text
    out: list[str] = []
    current: _Style | None = None  # what the terminal has (None: not known)
    wanted: _Style | None = _PLAIN  # what the next character is drawn with (None: not known)
    styled = False

    def settle() -> None:
        nonlocal current
        if wanted is not None and styled:  # (text before any style is written as it came)
            out.append(_transition(current, wanted))
            current = wanted

    position = 0
    for match in _CSI.finditer(text):
        start = match.start()
        if start > position:
            between = text[position:start]
            if between.strip("\r\n"):  # text (line ends only move the cursor)
                settle()
            out.append(between)
        position = match.end()
        params, intermediate, final = match.groups()
        if final == "m" and not intermediate and not params.startswith(("<", "=", ">", "?")):
            styled = True
            after = _apply(wanted if wanted is not None else _PLAIN, params)
            if wanted is None and not params.startswith("0") and params != "":
                after = None  # relative to a style not known
            if after is None:
                settle()
                out.append(match.group())
                current = wanted = None
            else:
                wanted = after
            continue
        if final not in _MOVES or intermediate:
            settle()  # erasing, scrolling and the rest may draw with the current style
        out.append(match.group())
    if position < len(text):
        if text[position:].strip("\r\n"):
            settle()
        out.append(text[position:])
    if styled and current != _PLAIN:
        out.append("\x1b[0m")
    return "".join(out)


# --- the driver -------------------------------------------------------------------------------


def locale_is_utf8() -> bool:
    """Whether the locale's encoding (what Python writes the standard streams in) is UTF-8."""
    name = getattr(sys.__stderr__, "encoding", None) or locale.getpreferredencoding(False)
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def write_utf8() -> bool:
    """Make the standard error stream, which Textual's driver draws on, write UTF-8 whatever
    the locale says (Python would escape "—" as "\\u2014" under ISO-8859-1). True when the
    locale was not UTF-8: the user is told once that the terminal should be."""
    if locale_is_utf8():
        return False
    for stream in {id(s): s for s in (sys.__stderr__, sys.stderr) if s is not None}.values():
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    return True


class AssayDriver(LinuxDriver):
    """Textual's driver for Linux and macOS, with styles compacted and frames paced by the
    terminal's answers (see the module's notes). It tells the app it drives (`app.terminal`,
    where the app has one) so that the app can say when a frame is written and answered."""

    def __init__(self, app: App[Any], **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self.owner = app
        if hasattr(app, "terminal"):
            app.terminal = self
        self.pacing = False  # the terminal answered: frames wait for its answers
        self._hold: AbstractContextManager[None] | None = None  # the app draws nothing
        self._written = 0  # characters written since the last question
        self._in_flight: deque[int] = deque()  # each unanswered frame's characters
        self._misses = 0
        self._timer: Timer | None = None
        self._resized = False

    @property
    def waiting(self) -> bool:
        """Frames not yet drawn by the terminal fill the window: the app draws nothing."""
        return self._hold is not None

    def write(self, data: str) -> None:
        compact = compact_sgr(data)
        self._written += len(compact)
        super().write(compact)

    def start_application_mode(self) -> None:
        super().start_application_mode()  # type: ignore[no-untyped-call]
        # Whether the terminal answers at all: pacing starts with its first answer.
        super().write(CURSOR_QUERY)
        self.flush()

    def frame_written(self) -> None:
        """After the app wrote a frame: ask the terminal to say when it has drawn it, and
        draw no more while the frames it has not drawn fill the window."""
        if not self.pacing or not self._written:
            return
        self._in_flight.append(self._written)
        self._written = 0
        super().write(CURSOR_QUERY)
        self.flush()
        if self._timer is None:
            self._timer = self.owner.set_timer(ANSWER_WAIT, self._no_answer, name="frame answer")
        if self._hold is None and sum(self._in_flight) >= WINDOW:
            self._hold = self.owner.batch_update()
            self._hold.__enter__()

    def answered(self) -> None:
        """The terminal answered: it has drawn everything written before the question."""
        self._misses = 0
        if not self.pacing:
            # The answer to the first question (ASSAY_UNPACED=1 leaves frames unpaced: the
            # bench's baseline, or a way out should a terminal misbehave).
            self.pacing = os.environ.get("ASSAY_UNPACED") != "1"
            return
        if self._in_flight:
            self._in_flight.popleft()
        self._stop_timer()
        if self._in_flight:
            self._timer = self.owner.set_timer(ANSWER_WAIT, self._no_answer, name="frame answer")
        if sum(self._in_flight) < WINDOW:
            self._release()

    def _no_answer(self) -> None:
        self._timer = None
        self._misses += 1
        if self._misses >= MISSES_ALLOWED:
            self.pacing = False  # it stopped answering: frames go out unpaced
        self._in_flight.clear()
        self._release()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def resized(self) -> None:
        """The terminal changed size: a layout made while frames wait is drawn at once by
        Textual, which then draws nothing; the whole screen is drawn when they are answered."""
        if self._hold is not None:
            self._resized = True

    def _release(self) -> None:
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.__exit__(None, None, None)
            if self._resized:
                self._resized = False
                self.owner.screen.refresh()
            # The changes made meanwhile are drawn now: the screen looks for them when it is
            # next idle (ending the batch wakes only the app).
            self.owner.screen.check_idle()
