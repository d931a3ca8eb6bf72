"""Loading a saved page now against loading it with the code of an earlier commit, side by side.

The boilerplate issue allows loading to grow by 10% at most over the code at its start. This
checks that commit out into a temporary worktree (`git worktree add --detach`), imports both
versions of `corpus` in one process (each under its own modules, swapped in before each call),
and loads every page of the development set with each in turn, each page's best of five runs:
the machine's drift weighs on both alike. Printed: the median page's time for each, the mean,
and the median of the pages' own ratios, against the target.

    python bench/boilerplate_load.py                 # against BASE, copied pages (.txt)
    python bench/boilerplate_load.py --kind html     # HTML pages (trafilatura's share too)
    python bench/boilerplate_load.py --base <commit> --runs 3

The figure to read is the median of the pages' ratios (the typical page); the mean ratio
weighs the long pages.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASE = "9c4943b"  # the code when the boilerplate issue was opened
TARGET = 1.10  # loading may take 10% longer at most


def _corpus_modules(root: Path) -> tuple[Any, dict[str, ModuleType]]:
    """`load_corpus` of the `corpus` package under `root`, and its modules (imported now: the
    loader imports the marks' rules lazily)."""
    for name in [n for n in sys.modules if n == "corpus" or n.startswith("corpus.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        loader = importlib.import_module("corpus.loader")
        for name in ("corpus.boilerplate", "corpus.meta", "corpus.article"):
            importlib.import_module(name)
    finally:
        sys.path.remove(str(root))
    modules = {n: m for n, m in sys.modules.items() if n == "corpus" or n.startswith("corpus.")}
    return loader.load_corpus, modules


def _best(load: Any, modules: dict[str, ModuleType], path: str, runs: int) -> float:
    sys.modules.update(modules)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        load([path])
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with ({BASE})")
    parser.add_argument("--kind", choices=("txt", "html"), default="txt")
    parser.add_argument("--runs", type=int, default=5, help="runs a page, the best kept")
    args = parser.parse_args()
    pages = sorted(str(p) for p in (ROOT / "tests/gold/pages/dev").glob(f"*.{args.kind}"))
    with tempfile.TemporaryDirectory() as scratch:
        worktree = Path(scratch) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.base],
            check=True,
            capture_output=True,
        )
        try:
            base_load, base_modules = _corpus_modules(worktree)
            load, modules = _corpus_modules(ROOT)
            for path in pages:  # (a first run of each: caches, the marks' rules compiled)
                _best(base_load, base_modules, path, 1)
                _best(load, modules, path, 1)
            before, after = [], []
            for path in pages:
                before.append(_best(base_load, base_modules, path, args.runs))
                after.append(_best(load, modules, path, args.runs))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)],
                check=False,
                capture_output=True,
            )
    ratios = [a / b for a, b in zip(after, before, strict=True)]
    typical = statistics.median(ratios)
    print(f"loading {len(pages)} {args.kind} pages of dev, {args.base} against now, side by side")
    middle = statistics.median(before), statistics.median(after)
    print(f"  median page  {middle[0]:7.3f} ms  ->  {middle[1]:7.3f} ms")
    print(
        f"  mean         {statistics.mean(before):7.3f} ms  ->  {statistics.mean(after):7.3f} ms"
        f"   (ratio {statistics.mean(after) / statistics.mean(before):.3f})"
    )
    verdict = "PASS" if typical <= TARGET else "FAIL"
    print(f"  the pages' own ratios, median: {typical:.3f}   target <= {TARGET:.2f}   {verdict}")


if __name__ == "__main__":
    main()
