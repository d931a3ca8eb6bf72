"""Durable `add` latency of the annotation store against stock single-file TinyDB.

At 1k, 10k and 50k annotations (one annotator, spread over 2,000 articles) it times `--adds`
durable adds into random articles and prints p50 and p95 next to stock TinyDB (one JSONStorage
file holding every annotation) at the same size, in the same run. Both are filled in bulk
before timing (filling stock TinyDB one insert at a time would take hours at 50k); only the
timed inserts count. Target: our p95 at most 5 ms at 50k annotations.

    .venv/bin/python bench/store.py [--adds 200] [--sizes 1000,10000,50000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402

from annotations.model import Annotation, new_id, now  # noqa: E402
from annotations.storage import AtomicJSONStorage  # noqa: E402
from annotations.store import Store  # noqa: E402

ARTICLES = [f"{i:016x}" for i in range(2000)]
TARGET_P95_MS = 5.0


def annotation(article_id: str, i: int) -> dict[str, object]:
    stamp = now()
    return Annotation(new_id(article_id), article_id, i % 500, i % 500 + 5, "claim", "abcde",
                      annotator="bench", created_at=stamp, updated_at=stamp).to_dict()  # fmt: skip


def fill_ours(workspace: Path, size: int) -> None:
    folder = workspace / "annotations" / "bench"
    folder.mkdir(parents=True)
    per_article: dict[str, list[dict[str, object]]] = {a: [] for a in ARTICLES}
    for i in range(size):
        article = ARTICLES[i % len(ARTICLES)]
        per_article[article].append(annotation(article, i))
    for article, docs in per_article.items():
        db = TinyDB(folder / f"{article}.json", storage=AtomicJSONStorage)
        db.table("meta").insert({"schema": 1, "article_id": article, "annotator": "bench"})
        db.table("annotations").insert_multiple(docs)


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def time_ours(workspace: Path, adds: int, rng: random.Random) -> list[float]:
    times = []
    with Store.open(workspace, "bench") as store:
        for i in range(adds):
            article = rng.choice(ARTICLES)
            start = time.perf_counter()
            store.add(article, i, i + 5, "claim", "abcde")
            times.append((time.perf_counter() - start) * 1000)
    return times


def time_stock(path: Path, size: int, adds: int) -> list[float]:
    db = TinyDB(path)  # stock JSONStorage: one file, rewritten whole on every insert
    db.table("annotations").insert_multiple(
        annotation(ARTICLES[i % len(ARTICLES)], i) for i in range(size)
    )
    times = []
    for i in range(adds):
        start = time.perf_counter()
        db.table("annotations").insert(annotation(ARTICLES[i % len(ARTICLES)], size + i))
        times.append((time.perf_counter() - start) * 1000)
    db.close()
    return times


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--adds", type=int, default=200, help="timed adds per size (200)")
    parser.add_argument("--stock-adds", type=int, default=20, help="timed stock inserts (20)")
    parser.add_argument("--sizes", default="1000,10000,50000")
    args = parser.parse_args(argv)
    rng = random.Random(0)
    print(f"{'size':>7}  {'assay p50':>10} {'assay p95':>10}  {'stock p50':>10} "
          f"{'stock p95':>10}  {'p95 ratio':>9}  target")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="assay-store-") as tmp:
            root = Path(tmp)
            fill_ours(root / "ws", size)
            ours = percentiles(time_ours(root / "ws", args.adds, rng))
            stock = percentiles(time_stock(root / "stock.json", size, args.stock_adds))
        verdict = ""
        if size >= 50_000:
            verdict = (
                f"p95 <= {TARGET_P95_MS:g} ms: {'PASS' if ours[1] <= TARGET_P95_MS else 'FAIL'}"
            )
        print(f"{size:>7}  {ours[0]:>8.2f}ms {ours[1]:>8.2f}ms  {stock[0]:>8.1f}ms "
              f"{stock[1]:>8.1f}ms  {stock[1] / ours[1]:>8.0f}x  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
