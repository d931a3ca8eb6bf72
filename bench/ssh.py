"""What a remote annotator pays: bytes per keypress, lag on a slow link, memory.

Every program runs in a pseudo-terminal of 100x30 with TERM=xterm-256color (256 colours, no
COLORTERM), read by a terminal emulator (pyte) that answers the terminal's queries as a real
terminal would (the cursor position report assay paces its frames with among them).

1. Bytes per keypress: the bytes a program writes after one key until it is quiet again
   (300 ms without output), median over the keys: assay's reader moving to the next sentence
   (`j`) and its article list moving to the next row (`j`), against `less` moving a line (`j`)
   and a bare Textual app with a read-only TextArea moving the cursor a line (`down`), on the
   same article; and each program's first paint (every byte until it is quiet for a second).
   Targets: reader `j` at most 600 B, list `j` at most 400 B.
2. A slow link: a relay between the pseudo-terminal and the emulator plays an SSH connection
   of 256 kbit/s and 50 ms each way (what the program writes is read at once, as sshd does, and
   queued; it reaches the terminal at the link's rate after the delay; keys and the
   terminal's answers reach the program after the delay). A burst of 50 `j`, 30 ms apart; the
   figure is the time from the last key to the moment the emulated screen last changed (it is
   then final: nothing more arrives for 2 s). Target: at most 300 ms. `less` on the same link
   is the baseline (about the link's round trip).
3. Memory (bench/ssh_memory.py): peak and resident memory of a cold analysis of a
   100,000-word article and of a 10,000-article corpus.

Processes start from compiled bytecode (the project is compiled first; the environment's
PYTHONDONTWRITEBYTECODE is lifted for the children).

    .venv/bin/python bench/ssh.py [--keys 20] [--only bytes|link|memory]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.pty import COLS, ROWS, Terminal, wait_for  # noqa: E402

ASSAY = str(Path(sys.executable).with_name("assay"))

TEXTAREA_APP = """
import sys
from textual.app import App
from textual.widgets import TextArea

class Bare(App):
    def compose(self):
        yield TextArea(open(sys.argv[1], encoding="utf-8").read(), read_only=True)

Bare().run()
"""

KEYS = {"j": b"j", "down": b"\x1b[B", "tab": b"\t"}


def child_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLORTERM", "NO_COLOR", "TMUX")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        ASSAY_CONFIG=str(tmp / "config.toml"),
        ASSAY_CACHE_DIR=str(tmp / "cache"),
        ASSAY_WORKSPACE=str(tmp / "ws"),
        LESS="",
        LESSHISTFILE="-",
    )
    return env


def per_key(term: Terminal, key: str, count: int, quiet: float = 0.3) -> list[int]:
    sizes = []
    for _ in range(count):
        term.send(KEYS[key])
        sizes.append(term.settle(quiet))
    return sizes


# --- the programs ---------------------------------------------------------------------------


def start_assay(env: dict[str, str], corpus: Sequence[str] = ()) -> tuple[Terminal, int]:
    """assay on the corpus, its first article open and analysed; with the first paint's bytes.
    The corpus is analysed first (`assay analyze`, into the same cache), as for a second
    session: the cursor steps by sentence from the first key."""
    subprocess.run([ASSAY, "analyze", *corpus], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    term = Terminal([ASSAY, *corpus], env)
    wait_for(term, " done (")
    term.settle(1.0)
    return term, term.received


def start_textarea(env: dict[str, str], article: Path) -> tuple[Terminal, int]:
    term = Terminal([sys.executable, "-c", TEXTAREA_APP, str(article)], env)
    wait_for(term, article.read_text("utf-8").split()[0])
    term.settle(1.0)
    return term, term.received


def start_less(env: dict[str, str], article: Path) -> tuple[Terminal, int]:
    term = Terminal(["less", str(article)], env)
    wait_for(term, article.read_text("utf-8").split()[0])
    term.settle(1.0)
    return term, term.received


def bench_bytes(tmp: Path, count: int) -> None:

    env = child_env(tmp)
    article = long_article(tmp / "long")
    corpus = many_articles(tmp / "corpus", count + 5)
    rows = []

    term, painted = start_assay(env, [str(article)])
    try:
        term.send(KEYS["tab"])  # to the reader
        term.settle(0.5)
        reader = per_key(term, "j", count)
    finally:
        term.close()
    term, _ = start_assay(env, [str(corpus)])
    try:
        listing = per_key(term, "j", count)
    finally:
        term.close()
    rows.append(("assay reader, next sentence (j)", reader, painted, 600))
    rows.append(("assay list, next row (j)", listing, None, 400))

    term, painted = start_textarea(env, article)
    try:
        rows.append(("Textual TextArea (down)", per_key(term, "down", count), painted, None))
    finally:
        term.close()
    term, painted = start_less(env, article)
    try:
        rows.append(("less (j)", per_key(term, "j", count), painted, None))
    finally:
        term.close()

    print(f"bytes per keypress at {COLS}x{ROWS}, 256 colours (median of {count} keys)")
    print(f"  {'':34} {'median':>8} {'max':>8} {'first paint':>12}   target")
    for name, sizes, paint, target in rows:
        verdict = ""
        if target is not None:
            median = statistics.median(sizes)
            verdict = f"<= {target} B: {'PASS' if median <= target else 'FAIL'}"
        shown = f"{paint:,} B" if paint is not None else "-"
        print(f"  {name:34} {statistics.median(sizes):>6.0f} B {max(sizes):>6} B "
              f"{shown:>12}   {verdict}")  # fmt: skip


def long_article(folder: Path) -> Path:
    """One article of the five built-in ones end to end, five times (about 16,000 words):
    long enough that no burst of keys (page-downs included) reaches its end."""
    from corpus.loader import builtin_paths

    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text("utf-8").strip() for p in builtin_paths()] * 5
    path = folder / "long.txt"
    path.write_text("\n\n".join(texts) + "\n", "utf-8")
    return path


def many_articles(folder: Path, count: int) -> Path:
    from corpus.loader import builtin_paths

    folder.mkdir(parents=True, exist_ok=True)
    samples = [p.read_text("utf-8") for p in builtin_paths()]
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(f"{samples[i % len(samples)]}\n\nNo. {i}.\n", "utf-8")
    return folder


# --- the slow link --------------------------------------------------------------------------


class SlowLink:
    """A terminal at the far end of a link of `rate` bytes/s and `delay` seconds each way.

    What the program writes is taken from the pseudo-terminal at once (as sshd reads it) and
    queued; each chunk reaches the emulator after the delay, at the link's rate. Keys, and the
    emulator's answers, reach the program after the delay."""

    def __init__(self, term: Terminal, rate: float, delay: float) -> None:
        self.term, self.rate, self.delay = term, rate, delay
        self.downstream: deque[tuple[float, bytes]] = deque()  # (time it arrives, bytes)
        self.upstream: deque[tuple[float, bytes]] = deque()
        self.link_free = 0.0
        term.screen.write_process_input = self._answer  # type: ignore[method-assign]

    def _answer(self, data: str) -> None:
        self.upstream.append((time.monotonic() + self.delay, data.encode()))

    def key(self, data: bytes) -> None:
        self.upstream.append((time.monotonic() + self.delay, data))

    def _take(self, data: bytes) -> None:
        self.term.received += len(data)
        now = time.monotonic()
        start = max(now, self.link_free)
        self.link_free = start + len(data) / self.rate
        self.downstream.append((self.link_free + self.delay, data))

    def run(self, until: float) -> None:
        """Move bytes both ways until the time `until`."""
        while True:
            now = time.monotonic()
            if now >= until:
                return
            due = [until]
            if self.downstream:
                due.append(self.downstream[0][0])
            if self.upstream:
                due.append(self.upstream[0][0])
            data = self.term.read_available(max(min(due) - now, 0))
            if data:
                self._take(data)
            now = time.monotonic()
            while self.downstream and self.downstream[0][0] <= now:
                self.term.show(self.downstream.popleft()[1])
            while self.upstream and self.upstream[0][0] <= now:
                self.term.send(self.upstream.popleft()[1])

    def idle(self) -> bool:
        return not self.downstream and not self.upstream


def burst_lag(term: Terminal, key: bytes, rate: float, delay: float, keys: int = 50,
              gap: float = 0.03) -> tuple[float, int]:  # fmt: skip
    """Seconds from the last of a burst of keys to the screen's last change; bytes sent."""
    link = SlowLink(term, rate, delay)
    link.run(time.monotonic() + 0.5)
    sent_before = term.received
    for _ in range(keys):
        link.key(key)
        last_key = time.monotonic()
        link.run(last_key + gap)
    # Final when nothing changes for 2 s with the link idle.
    while True:
        link.run(time.monotonic() + 0.1)
        if link.idle() and time.monotonic() - term.changed_at > 2.0:
            break
    if term.changed_at < last_key:
        raise RuntimeError("the screen did not change after the last key: nothing to measure")
    return term.changed_at - last_key, term.received - sent_before


def bench_link(tmp: Path, bursts: int = 3, rate_kbit: float = 256, delay_ms: float = 50) -> None:

    env = child_env(tmp)
    rate, delay = rate_kbit * 1000 / 8, delay_ms / 1000
    article = long_article(tmp / "long")
    rows = []
    term, _ = start_assay(env, [str(article)])
    try:
        term.send(KEYS["tab"])
        term.settle(0.5)
        lags, sent = [], 0
        for _ in range(bursts):  # each from where the last left the cursor
            lag, moved = burst_lag(term, b"j", rate, delay)
            lags.append(lag)
            sent += moved
        burst_end = term.text()
    finally:
        term.close()
    # The screen the link left is the one the same keys leave without a link: no frame lost.
    term, _ = start_assay(env, [str(article)])
    try:
        term.send(KEYS["tab"])
        term.settle(0.5)
        for _ in range(50 * bursts):
            term.send(b"j")
            term.settle(0.05)
        term.settle(1.0)
        if term.text() != burst_end:
            raise RuntimeError(f"the slow link's last screen is not the final one:\n{burst_end}")
    finally:
        term.close()
    rows.append(("assay reader (j)", max(lags), sent // bursts, 0.3))
    # Without pacing (the baseline), and a burst of page-downs, which no link of this rate
    # can carry as fast as they come: there pacing is what keeps the screen from lagging.
    for name, extra, key in (
        ("assay, unpaced (j)", {"ASSAY_UNPACED": "1"}, b"j"),
        ("assay (page down)", {}, b" "),
        ("assay, unpaced (page down)", {"ASSAY_UNPACED": "1"}, b" "),
    ):
        term, _ = start_assay({**env, **extra}, [str(article)])
        try:
            term.send(KEYS["tab"])
            term.settle(0.5)
            if key == b" ":
                term.send(b"g")  # from the top: 50 pages fit in the article twice over
                term.settle(0.3)
            rows.append((name, *burst_lag(term, key, rate, delay), None))
        finally:
            term.close()
    term, _ = start_less(env, article)
    try:
        rows.append(("less (j)", *burst_lag(term, b"j", rate, delay), None))
    finally:
        term.close()
    print(f"slow link: {rate_kbit:g} kbit/s, {delay_ms:g} ms each way; 50 keys 30 ms apart "
          f"(assay: the worst of {bursts} bursts; bytes: per burst)")  # fmt: skip
    for name, lag, moved, target in rows:
        verdict = ""
        if target is not None:
            verdict = f"target <= {target * 1000:.0f} ms: {'PASS' if lag <= target else 'FAIL'}"
        print(f"  {name:28} screen final {lag * 1000:6.0f} ms after the last key "
              f"({moved:,} B sent)   {verdict}")  # fmt: skip


def bench_memory(_tmp: Path) -> None:
    """bench/ssh_memory.py, with its defaults (a 100,000-word article beside the old
    behaviour, and a corpus)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import ssh_memory

    for line in ssh_memory.run([]):
        print(line)


def compile_project() -> None:
    for folder in ("reader", "corpus", "annotations"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--only", choices=("bytes", "link", "memory"))
    args = parser.parse_args(argv)
    if shutil.which("less") is None:
        raise SystemExit("less is not installed: it is the baseline")
    compile_project()
    steps: dict[str, Callable[[Path], None]] = {
        "bytes": lambda tmp: bench_bytes(tmp, args.keys),
        "link": bench_link,
        "memory": bench_memory,
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, step in steps.items():
            if args.only in (None, name):
                step(Path(folder) / name)
                print()


if __name__ == "__main__":
    main()
