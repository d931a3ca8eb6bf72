"""Copying to the clipboard: the system clipboard where there is one, else OSC 52.

On a desktop, pyperclip reaches the system clipboard. Over SSH or on a headless server the
system clipboard is either missing or the server's own, useless to the person at the
terminal, so the text goes to their terminal as an OSC 52 sequence (Textual's
`copy_to_clipboard`), which most terminals (and tmux with `set-clipboard on`) put on their
clipboard. Which one happened is returned, to be said: nothing here raises.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

SYSTEM = "the system clipboard"
TERMINAL = "the terminal's clipboard (OSC 52: your terminal must allow it)"


def system_clipboard_usable() -> bool:
    """A system clipboard that belongs to the person at this terminal."""
    if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def copy(app: App[Any], text: str) -> str:
    """Copy `text`; returns where it went (SYSTEM or TERMINAL)."""
    if system_clipboard_usable():
        try:
            import pyperclip

            pyperclip.copy(text)
            # Its xclip and xsel backends do not check the tool's exit status (a stale
            # DISPLAY "works"): believe the copy only when the clipboard reads it back.
            if pyperclip.paste() != text:
                raise RuntimeError("the system clipboard did not take the text")
        except Exception:  # pyperclip raises its own errors and OS errors when no tool works
            pass
        else:
            return SYSTEM
    app.copy_to_clipboard(text)
    return TERMINAL


def citation(text: str, title: str, source: str, date: str) -> str:
    """The copied text and a line saying where it is from."""
    where = ", ".join(part for part in (f"“{title}”" if title else "", source, date) if part)
    return f"{text}\n— {where}"
