"""Memory of analysis on a shared server: the peak, and what stays resident afterwards.

Each figure comes from a fresh process started from compiled bytecode, which loads the
pipeline, analyses in a thread (as the reader's analysis service does) over an empty cache (a
fresh temporary folder, so the analysis is cold), and reports its own peak (VmHWM) and, after
the thread is done, its resident memory (VmRSS): the process that analysed is the one that
lives on, as the reader does.

1. One article of `--words` (100,000) words of news paragraphs (built as bench/reader.py builds
   its long article), beside the old behaviour in the same run: every piece of the article
   parsed in one batch and no memory handed back (`corpus.analysis.BATCH_CHARS` and
   `TRIM_CHARS` set past any text; docs are still freed as soon as their article is built,
   which the old code did not do). The two analyses must be equal.
2. A corpus of `--articles` short articles (bench/reader.py's list corpus, read with the corpus
   loader, and held in memory as the reader and `assay analyze` hold it), through
   `Analyzer.analyze_many` as `assay analyze` runs it, each analysis turned into JSON and let
   go: its batches are the largest the analysis makes. The old behaviour too with
   `--corpus-baseline`. Its articles are about 4,300 characters, parsed at about 350 a
   minute on one process here: 10,000 take about half an hour, so the default is 1,000 (two
   windows of 500, about 3 minutes).

Targets: peak <= 600 MB, resident after <= 250 MB.

    .venv/bin/python bench/ssh_memory.py [--words 100000] [--articles 1000]
                                         [--no-baseline] [--corpus-baseline]

Another bench imports it and calls `run(argv)`, which returns the result lines.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.reader import long_text, write_corpus  # noqa: E402

PEAK_TARGET_MB = 600
RESIDENT_TARGET_MB = 250

CHILD = r"""
import hashlib, json, resource, sys, threading, time
from pathlib import Path

mode, kind, source, cache = sys.argv[1:5]


def status(key):
    # In KiB; ru_maxrss (also KiB on Linux) where /proc is missing, for the peak.
    try:
        with open("/proc/self/status", encoding="ascii") as lines:
            for line in lines:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if key == "VmHWM" else 0


from corpus import analysis
from corpus.analysis import Analyzer
from corpus.cache import AnalysisCache
from corpus.nlp import choose_pipeline

if mode == "old":
    # Every piece of an article in one batch of up to BATCH_SIZE texts, and no trim.
    analysis.BATCH_CHARS = sys.maxsize
    analysis.TRIM_CHARS = sys.maxsize
if kind == "article":
    from corpus.article import make_article

    articles = [make_article(Path(source).read_text("utf-8"), "long.txt")]
else:
    from corpus.loader import load_corpus

    articles, _ = load_corpus([source])
analyzer = Analyzer(choose_pipeline(), AnalysisCache(Path(cache)))
analyzer.nlp  # loaded before the first article, as the reader loads it
before = status("VmRSS")
digest = hashlib.sha256()
found = {}


def work():
    start = time.perf_counter()
    if kind == "article":
        # The reader's path; it keeps the analysis of the article it shows.
        done = found["kept"] = [analyzer.analyze(articles[0])]
    else:
        # `assay analyze`'s path, which writes each analysis out and keeps none.
        done = (a for _, a in analyzer.analyze_many(articles))
    for result in done:
        digest.update(json.dumps(result.to_dict(), sort_keys=True).encode("utf-8"))
    found["seconds"] = time.perf_counter() - start


thread = threading.Thread(target=work)
thread.start()
thread.join()
print(json.dumps({
    "before": before, "peak": status("VmHWM"), "after": status("VmRSS"),
    "seconds": found["seconds"], "digest": digest.hexdigest(),
    "chars": sum(len(a.text) for a in articles), "count": len(articles),
}))
"""


@dataclass(frozen=True)
class Memory:
    """One child's figures, in MiB and seconds."""

    before_mb: float  # resident with the pipeline loaded, before the analysis
    peak_mb: float
    after_mb: float
    seconds: float
    digest: str  # of the analyses, to check that both behaviours found the same
    chars: int
    count: int


def measure(mode: str, kind: str, source: Path, cache: Path) -> Memory:
    """Analyse `source` (a text file, or a corpus folder) in a fresh process."""
    env = dict(os.environ)
    # Both behaviours start from compiled bytecode (written by `compile_project`), as a
    # user's second start does; PYTHONDONTWRITEBYTECODE only stops writing it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, kind, str(source), str(cache)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the {mode} {kind} analysis failed ({done.returncode}):\n{done.stderr}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return Memory(
        before_mb=data["before"] / 1024,
        peak_mb=data["peak"] / 1024,
        after_mb=data["after"] / 1024,
        seconds=data["seconds"],
        digest=data["digest"],
        chars=data["chars"],
        count=data["count"],
    )


def compile_project() -> None:
    """Write the project's bytecode once, so that no child pays for compiling it."""
    for package in ("corpus", "annotations", "reader"):
        compileall.compile_dir(ROOT / package, quiet=1)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def lines_for(name: str, new: Memory, old: Memory | None) -> list[str]:
    peak_ok, after_ok = new.peak_mb <= PEAK_TARGET_MB, new.after_mb <= RESIDENT_TARGET_MB
    lines = [
        f"{name}: {new.count:,} article(s), {new.chars:,} characters, analysed in "
        f"{new.seconds:.1f} s (pipeline loaded: {new.before_mb:.0f} MB resident)",
        f"  peak            {new.peak_mb:6.0f} MB   target peak <= {PEAK_TARGET_MB} MB: "
        f"{verdict(peak_ok)}",
        f"  resident after  {new.after_mb:6.0f} MB   target resident after <= "
        f"{RESIDENT_TARGET_MB} MB: {verdict(after_ok)}",
    ]
    if old is not None:
        same = "same analyses" if old.digest == new.digest else "DIFFERENT analyses: FAIL"
        lines.append(
            f"  old behaviour   peak {old.peak_mb:.0f} MB, resident after {old.after_mb:.0f} MB, "
            f"{old.seconds:.1f} s (every piece in one batch, no trim); {same}"
        )
    return lines


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--words", type=int, default=100_000, help="long article (100000)")
    parser.add_argument("--articles", type=int, default=1_000, help="corpus size (1000)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the old behaviour")
    parser.add_argument(
        "--corpus-baseline", action="store_true", help="the old behaviour on the corpus too"
    )
    return parser


def run(argv: Sequence[str] | None = None) -> list[str]:
    """Measure as the command line `argv` asks, and return the result lines."""
    args = parser().parse_args(argv)
    compile_project()
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="assay-memory-") as folder:
        tmp = Path(folder)
        if args.words > 0:
            text = tmp / "long.txt"
            text.write_text(long_text(args.words), "utf-8")
            new = measure("new", "article", text, tmp / "cache-article-new")
            old = None
            if not args.no_baseline:
                old = measure("old", "article", text, tmp / "cache-article-old")
            lines += lines_for(f"{args.words:,}-word article, cold", new, old)
        if args.articles > 0:
            corpus = tmp / "corpus"
            write_corpus(corpus, args.articles)
            new = measure("new", "corpus", corpus, tmp / "cache-corpus-new")
            old = None
            if args.corpus_baseline and not args.no_baseline:
                old = measure("old", "corpus", corpus, tmp / "cache-corpus-old")
            lines += lines_for(f"corpus of {args.articles:,} articles, cold", new, old)
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    for line in run(argv):
        print(line, flush=True)


if __name__ == "__main__":
    main()
