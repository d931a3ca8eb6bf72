"""Benchmark of the guidelines page: how long `guidelines.md` takes to be laid out.

The page is laid out by Rich in a thread (reader/guidelines.py: `render_page`), then drawn a
line at a time. Textual's own Markdown widget, a widget per block, was measured here at 16 s
for 20 KB, which is why it is not used; `--textual` measures it again (slow: minutes at 256 KB).

Figures, each the best of --repeat runs, for guidelines of realistic shape (headings, prose,
lists, a table and a code block every few sections) at three sizes:

  layout  `render_page` at 78 columns (off the UI thread: the page shows "Reading…" meanwhile).
          Targets: 20 KB (a typical guide) within 0.3 s; 256 KB (the cap, where the rest is
          left out) within 3 s.
  open    from the key to the laid-out page in a running app (Pilot, 80x24), 20 KB.
          Target: within 1 s.

It prints a table with PASS or FAIL per target and always exits 0; it is a benchmark, not a
test.

    .venv/bin/python bench/guidelines.py [--repeat 3] [--textual]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.guidelines import Guidelines, render_page  # noqa: E402

SECTION = """\
## {n}. Claims about the economy

A **claim** is a statement of fact or prediction that could be checked, made by the writer or
by a source: *"Unemployment fell to 4 percent in May"*, said the minister. Tag the whole clause
that states it, without the attribution ("said the minister") and without the closing mark.

- Tag predictions ("prices will rise") as claims; tag hopes and wishes as nothing.
- Tag a claim inside a quote; the speaker is tagged as `source` and linked to it.
- When two claims share a subject, tag them apart if each can be checked alone.

| Case | Tag | Why |
|------|-----|-----|
| "GDP grew 2%" | claim | checkable |
| "A great year" | — | opinion |

```
Example: [US President Donald] Trump said the tariff "will pay for itself".
```

"""


def guidelines_of(size: int) -> str:
    text, n = "# Annotation guidelines\n\n", 1
    while len(text.encode("utf-8")) < size:
        text += SECTION.format(n=n)
        n += 1
    return text


def best(repeat: int, run: object) -> float:
    assert callable(run)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


async def open_in_app(text: str, textual: bool) -> float:
    """Seconds from the key to a laid-out page in a running app."""
    from reader.app import AssayApp
    from reader.config import Settings
    from reader.guidelines import GuidelinesView

    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        (workspace / "guidelines.md").write_text(text, "utf-8")
        app = AssayApp([], workspace, "bench", Settings(analyse_corpus=False), use_cache=False)
        seen: list[object] = []
        async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
            # The open article's analysis loads the model in a thread: done before timing.
            while app.reader.view.analysis is None:
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            if textual:
                from textual.containers import VerticalScroll
                from textual.screen import ModalScreen
                from textual.widgets import Markdown

                class Page(ModalScreen[None]):
                    def compose(self):  # type: ignore[no-untyped-def]
                        with VerticalScroll():
                            yield Markdown(text)

                start = time.perf_counter()
                app.push_screen(Page())
                while not any(type(m).__name__ == "TableOfContentsUpdated" for m in seen):
                    await pilot.pause(0.01)
                return time.perf_counter() - start
            start = time.perf_counter()
            await pilot.press("D")
            view = app.screen.query_one(GuidelinesView)
            while view.width_laid_out is None:
                await pilot.pause(0.01)
            return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--textual", action="store_true", help="also Textual's Markdown widget")
    args = parser.parse_args()
    rows = []
    for size, target in ((20 * 1024, 0.3), (100 * 1024, None), (256 * 1024, 3.0)):
        page = Guidelines(Path("guidelines.md"), guidelines_of(size))
        seconds = best(args.repeat, lambda page=page: render_page(page, 78))
        rows.append((f"layout {size // 1024} KB", seconds, target))
    typical = guidelines_of(20 * 1024)
    opened = min(asyncio.run(open_in_app(typical, False)) for _ in range(args.repeat))
    rows.append(("open 20 KB (key to page)", opened, 1.0))
    if args.textual:
        rows.append(("Textual Markdown 20 KB", asyncio.run(open_in_app(typical, True)), None))
    print(f"{'figure':<28}{'seconds':>10}{'target':>10}  result")
    for name, seconds, target in rows:
        shown = f"{target:.1f}" if target is not None else "-"
        result = "-" if target is None else "PASS" if seconds <= target else "FAIL"
        print(f"{name:<28}{seconds:>10.3f}{shown:>10}  {result}")


if __name__ == "__main__":
    main()
