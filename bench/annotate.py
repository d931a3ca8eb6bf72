"""Annotating speed on a heavily annotated long article, each figure beside a baseline.

A 100,000-word article carrying 5,000 annotations (drawn tinted, with gutter initials):

1. A cursor keypress (moving and redrawing the screen), against the same article with no
   annotations, in the same run. Target: p95 at most 16 ms.
2. A tag keypress until the annotation is drawn as being saved (target: median at most
   50 ms), and until it is drawn as saved: the store's thread has written it to disk, read
   the article's state back, and the reader and panel have redrawn (target, issue 17:
   median at most 50 ms), beside `Store.add` alone (the durable write, the floor) on a store
   of the same size in the same run.
3. Accepting a quotation until drawn saved: its claim alone, and its claim with its speaker
   as a `source` annotation linked to it (one change of three records), in the same run.
   Target: linking adds nothing noticeable (at most 1.25x the plain accept).

    .venv/bin/python bench/annotate.py [--words 100000] [--annotations 5000] [--tags 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.reader import long_text, p95, verdict  # noqa: E402


def fill(workspace: Path, annotator: str, article_id: str, text: str, count: int) -> None:
    """`count` annotations over the article, some nested in others, in one write."""
    from annotations.store import Store

    step = max(len(text) // count, 2)
    items = []
    for i in range(count):
        start = i * step
        end = min(start + (step * 3 if i % 5 == 0 else max(step // 2, 1)), len(text))
        if start < end:
            items.append({"start": start, "end": end, "label": ("claim", "figure", "event")[i % 3],
                          "text": text[start:end]})  # fmt: skip
    with Store.open(workspace, annotator) as store:
        store.add_many(article_id, items)


async def measure(folder: Path, workspace: Path, tags: int, presses: int) -> dict[str, Any]:
    from reader.app import AssayApp
    from reader.config import Settings
    from reader.widgets.article_view import ArticleView

    app = AssayApp([str(folder)], workspace, "bench", Settings(analyse_corpus=False),
                   model="none", use_cache=False)  # fmt: skip
    found: dict[str, Any] = {}

    def redraw(view: ArticleView) -> None:
        for y in range(view.scrollable_content_region.height):
            view.render_line(y)

    async with app.run_test(size=(160, 48)) as pilot:
        view = app.query_one(ArticleView)
        while app.reader.state is None or not app.reader.state.annotations:
            await pilot.pause(0.05)
        found["annotations"] = len(view.annotations)
        view.focus()
        view.move_to(len(view.article.text) // 3)  # type: ignore[union-attr]
        keys, bare = [], []
        saved = list(view.annotations)
        for _ in range(presses):
            t0 = time.perf_counter()
            view.action_cursor(1)
            redraw(view)
            keys.append(time.perf_counter() - t0)
        view.set_annotations([])
        for _ in range(presses):
            t0 = time.perf_counter()
            view.action_cursor(1)
            redraw(view)
            bare.append(time.perf_counter() - t0)
        view.set_annotations(saved)
        found["keys"], found["keys_bare"] = keys, bare
        tagged, drawn = [], []
        for _ in range(tags):
            view.action_cursor(1)
            before = len(view.annotations)
            t0 = time.perf_counter()
            app.action_tag("claim")
            redraw(view)
            drawn.append(time.perf_counter() - t0)
            while len(view.annotations) == before or view.saving:
                await asyncio.sleep(0.001)
            redraw(view)
            tagged.append(time.perf_counter() - t0)
        found["tags"], found["drawn"] = tagged, drawn
        # Accepting a quotation: its claim alone, and its claim with its speaker as a linked
        # source (three records, one change), each until drawn as saved.
        article = app.reader.current
        assert article is not None
        plain, linked = [], []
        for _ in range(tags):
            for times, with_source in ((plain, False), (linked, True)):
                view.action_cursor(1)
                start, end, _what = view.target()
                source = (start, min(start + 5, end - 1)) if with_source else None
                before = len(view.annotations)
                t0 = time.perf_counter()
                app.reader._add(article, start, end, "claim", {"speaker": "A. Speaker"},
                                "suggested:quote", source=source)  # fmt: skip
                while len(view.annotations) < before + 1 + with_source or view.saving:
                    await asyncio.sleep(0.001)
                redraw(view)
                times.append(time.perf_counter() - t0)
        found["accept"], found["accept_linked"] = plain, linked
    return found


def store_add(workspace: Path, article_id: str, text: str, tags: int) -> list[float]:
    from annotations.store import Store

    times = []
    with Store.open(workspace, "bench") as store:
        for i in range(tags):
            t0 = time.perf_counter()
            store.add(article_id, i, i + 5, "claim", text[i : i + 5])
            times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--annotations", type=int, default=5_000)
    parser.add_argument("--tags", type=int, default=20)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    from corpus.article import make_article

    with tempfile.TemporaryDirectory(prefix="assay-annotate-") as name:
        tmp = Path(name)
        folder = tmp / "corpus"
        folder.mkdir()
        text = long_text(args.words)
        (folder / "long.txt").write_text(text, "utf-8")
        article = make_article(text, "long.txt")
        fill(tmp / "ws", "bench", article.id, article.text, args.annotations)
        fill(tmp / "ws-base", "bench", article.id, article.text, args.annotations)
        found = asyncio.run(measure(folder, tmp / "ws", args.tags, args.presses))
        base = store_add(tmp / "ws-base", article.id, article.text, args.tags)
    k, b = p95(found["keys"]), p95(found["keys_bare"])
    print(f"{article.words:,}-word article with {found['annotations']:,} annotations")
    print(f"cursor keypress      p95 {k * 1000:5.1f} ms (no annotations {b * 1000:.1f} ms)"
          f"   target <= 16 ms: {verdict(k <= 0.016)}")  # fmt: skip
    d = statistics.median(found["drawn"])
    print(f"tag until drawn saving median {d * 1000:5.1f} ms   target <= 50 ms: "
          f"{verdict(d <= 0.05)}")  # fmt: skip
    t, s = statistics.median(found["tags"]), statistics.median(base)
    print(f"tag until drawn saved  median {t * 1000:5.1f} ms, p95 {p95(found['tags']) * 1000:.1f}"
          f" ms (Store.add alone {s * 1000:.1f} ms, {t / s:.1f}x)   target <= 50 ms: "
          f"{verdict(t <= 0.05)}")  # fmt: skip
    a, linked = statistics.median(found["accept"]), statistics.median(found["accept_linked"])
    print(f"accept a quote until drawn saved: its claim {a * 1000:5.1f} ms; with its source and "
          f"the link {linked * 1000:5.1f} ms ({linked / a:.2f}x)   target: no noticeable "
          f"difference (<= 1.25x): {verdict(linked <= 1.25 * a)}")  # fmt: skip


if __name__ == "__main__":
    main()
