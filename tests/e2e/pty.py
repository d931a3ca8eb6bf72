"""A program in a pseudo-terminal, drawn on an emulated screen (pyte) that answers the
terminal's queries as a real terminal does: for tests of the real `assay` that read the bytes
it writes (tmux redraws the screen its own way), and for bench/ssh.py."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[2]
COLS, ROWS = 100, 30


class Terminal:
    """A program in a pseudo-terminal, drawn on an emulated screen that answers queries."""

    def __init__(
        self, argv: Sequence[str], env: dict[str, str], cols: int = COLS, rows: int = ROWS
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
            start_new_session=True, close_fds=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )  # fmt: skip
        os.close(slave)
        self.fd = master
        os.set_blocking(master, False)
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        # The emulator's answers (cursor position reports, device attributes) go back in.
        self.screen.write_process_input = self.answer  # type: ignore[method-assign]
        self.received = 0
        self.output = bytearray()  # everything the program wrote, when `keep` is set
        self.keep = False
        self.changed_at = time.monotonic()

    def answer(self, data: str) -> None:
        self.send(data.encode())

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def read_available(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            return os.read(self.fd, 65536)
        except OSError:  # the program ended
            return b""

    def show(self, data: bytes) -> None:
        """Draw what arrived on the emulated screen."""
        if self.keep:
            self.output += data
        before = self.screen.display
        self.stream.feed(data)
        if self.screen.display != before:
            self.changed_at = time.monotonic()

    def settle(self, quiet: float, limit: float = 60.0) -> int:
        """Read and draw until nothing arrives for `quiet` seconds; the bytes read."""
        got = 0
        deadline = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < deadline:
            data = self.read_available(min(quiet, 0.05))
            if data:
                got += len(data)
                self.show(data)
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                break
        self.received += got
        return got

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.fd)


def wait_for(term: Terminal, text: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while text not in term.text():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{text!r} never showed; the screen:\n{term.text()}")
        data = term.read_available(0.05)
        if data:
            term.received += len(data)
            term.show(data)
