"""Drive a real program in a tmux session: type keys, read the screen."""

from __future__ import annotations

import re
import shlex
import subprocess
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType


def assay_env(tmp_path: Path, workspace: bool = True) -> dict[str, str]:
    """An isolated environment for the real `assay`: its own settings, cache and workspace."""
    env = {
        "ASSAY_CONFIG": str(tmp_path / "config.toml"),
        "ASSAY_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    if workspace:
        env["ASSAY_WORKSPACE"] = str(tmp_path / "ws")
    return env


class Tmux:
    """`with Tmux(command, env) as term:`; `term.keys(...)`, `term.wait_for(text)`."""

    def __init__(
        self,
        command: str,
        env: Mapping[str, str],
        width: int = 100,
        height: int = 30,
        server: str | None = None,
        options: Mapping[str, str] | None = None,
    ) -> None:
        """`server`: a tmux server of its own (`tmux -L NAME`), for tests that read paste
        buffers; `options`: global options set on it before the command starts."""
        self.session = f"assay-{uuid.uuid4().hex[:8]}"
        self.server = ["-L", server] if server else []
        self.options = dict(options or {})
        assert server or not self.options, "options are set on a server of the test's own"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # The shell stays after the program ends, so its last screen can still be read.
        self.command = f"env {exports} {command}; echo '[exited '$?']'; sleep 600"
        self.width, self.height = width, height

    def __enter__(self) -> Tmux:
        if self.options:
            self.tmux("new-session", "-d", "-s", f"{self.session}-hold", "sleep 600")
            for name, value in self.options.items():
                self.tmux("set-option", "-g", name, value)
        args = ["new-session", "-d", "-s", self.session, "-x", str(self.width),
                "-y", str(self.height), self.command]  # fmt: skip
        for attempt in range(5):
            done = subprocess.run(["tmux", *self.server, *args], capture_output=True, text=True)
            if done.returncode == 0:
                break
            # The last session of the shared server was just killed (the test before, or
            # this test's first run of the program): the server shuts down while this one
            # connects, and tmux says "server exited unexpectedly". Another try starts anew.
            if "server exited unexpectedly" not in done.stderr or attempt == 4:
                raise subprocess.CalledProcessError(
                    done.returncode, ["tmux", *args], done.stdout, done.stderr
                )
            time.sleep(0.2)
        return self

    def tmux(self, *args: str, check: bool = True) -> str:
        """A tmux command on this session's server; its output."""
        return subprocess.run(["tmux", *self.server, *args], capture_output=True, text=True,
                              check=check).stdout  # fmt: skip

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.tmux("kill-session", "-t", self.session, check=False)
        if self.server:
            self.tmux("kill-server", check=False)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False)

    def keys(self, *keys: str, literal: bool = False) -> None:
        flags = ["-l"] if literal else []
        self.tmux("send-keys", "-t", self.session, *flags, *keys)

    def wait_for(self, text: str, timeout: float = 90, wrapped: bool = False) -> str:
        """The screen once it shows `text`; fails with the last screen after `timeout`.

        `wrapped`: the text may be wrapped over lines of the reader (white space is compared
        as one space, and the reader's two-column gutter is left out).
        """
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in (_unwrapped(screen) if wrapped else screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{screen}")


def _unwrapped(screen: str) -> str:
    """The screen's lines joined, each without the reader's gutter marks (a cursor or
    selection bar and the note beside it, or a suggestion's "?")."""
    lines = [re.sub(r"^(?:[▌┃][A-Za-z? ]| \?)", "", line) for line in screen.splitlines()]
    return " ".join(" ".join(lines).split())
