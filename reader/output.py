"""What the commands print: messages on stderr, data lines on stdout."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import TextIO

from corpus.text import terminal_safe

PROG = "assay"


def say(message: str) -> None:
    """A message for the user, on stderr, so that stdout stays clean data. Messages quote file
    names and fields from outside: nothing in them reaches the terminal as a control."""
    print(f"{PROG}: {terminal_safe(message)}", file=sys.stderr, flush=True)


def write_lines(lines: Iterable[str | Iterable[str]]) -> None:
    """Write lines to stdout as UTF-8 (JSON is UTF-8, whatever the locale says). A line may
    come as its pieces, so that a very long one is never held whole."""
    out: TextIO = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    try:
        for line in lines:
            if isinstance(line, str):
                out.write(line)
            else:
                for piece in line:
                    out.write(piece)
            out.write("\n")
        out.flush()
    except BrokenPipeError:
        # `assay ... | head`: the reader left; stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number
