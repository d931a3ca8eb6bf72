"""Benchmark of article analysis: the Analyzer against bare spaCy, and the cache against both.

Three figures, all in words per second over the same few hundred distinct articles (recombined
from the five built-in samples), with one spaCy pipeline loaded once and shared, so model load
time is in none of them:

  raw   `list(nlp.pipe(texts, n_process=N))`: what spaCy alone costs.
  cold  `Analyzer.analyze_many(articles)` over an empty cache (a fresh temporary folder).
        Target: at least 0.9x raw; the Analyzer's own work (chunking, building analyses,
        writing the cache) may cost at most a tenth of spaCy's time.
  warm  the same with a new Analyzer over the now-full cache and no pipeline passed in.
        Target: at least 50x cold; and the warm path must never load the model.

Quotes and figures are timed on those parses (at most a tenth of the parse), and again on one
piece as long as the Analyzer parses at once, made of the development passages of real-style
news (about 8,000 words, 300 quotations, a few hundred people): the same target.

The machine is noisy, so each figure is the best (shortest) of --repeat runs, raw and cold runs
alternate so that drift hits both alike, and targets are ratios within one run. It prints a
table with PASS or FAIL per target and always exits 0; it is a benchmark, not a test.

    .venv/bin/python bench/analyze.py [--articles 240] [--processes 1] [--repeat 3]
        [--model M] [--seed S]

With --engines it compares instead the local engine with 1 and 2 processes and the Ray engine
(`assay analyze --engine ray`) with 1 and 2 workers on a local Ray, in words per second, same
articles and run. Targets: 2 Ray workers at least 1.7x one, and within 15% of the local
2-process run.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.analysis import BATCH_SIZE, CHUNK_CHARS, Analysis, Analyzer  # noqa: E402
from corpus.article import Article, make_article  # noqa: E402
from corpus.cache import AnalysisCache  # noqa: E402
from corpus.figures import find_figures  # noqa: E402
from corpus.loader import load_corpus  # noqa: E402
from corpus.nlp import PipelineChoice, choose_pipeline, load_pipeline  # noqa: E402
from corpus.quotes import find_quotes  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

COLD_TARGET = 0.9  # cold words/s at least this times raw words/s
WARM_TARGET = 50.0  # warm words/s at least this times cold words/s
QUOTES_FIGURES_TARGET = 0.10  # quotes and figures at most this share of the parse time
WARMUP_TEXTS = 8


def make_articles(count: int, seed: int) -> list[Article]:
    """`count` distinct articles from the built-in samples, the same ones for the same seed.

    Article i is sample i % 5 with its first paragraph (the headline) kept first, its other
    paragraphs shuffled, one paragraph of another sample put in among them, and a last line
    that names it, so no two texts are equal.
    """
    samples, _ = load_corpus()
    if not samples:
        raise SystemExit("the built-in corpus is empty")
    split = [[p for p in s.text.split("\n\n") if p.strip()] for s in samples]
    rng = random.Random(seed)
    articles: list[Article] = []
    for i in range(count):
        own = split[i % len(split)]
        head, body = own[:1], list(own[1:])
        rng.shuffle(body)
        others = [paras for k, paras in enumerate(split) if k != i % len(split) and paras]
        if others:
            body.insert(rng.randrange(len(body) + 1), rng.choice(rng.choice(others)))
        text = "\n\n".join([*head, *body, f"Bench article {i}."]) + "\n"
        articles.append(make_article(text, source=f"bench-{i}"))
    ids = {a.id for a in articles}
    if len(ids) != count:
        raise SystemExit(f"only {len(ids)} of {count} generated articles are distinct")
    return articles


def time_raw(nlp: Language, texts: Sequence[str], processes: int) -> float:
    """Seconds for bare `nlp.pipe` over all texts, batched as the Analyzer batches them."""
    gc.collect()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=processes, batch_size=BATCH_SIZE))
    elapsed = time.perf_counter() - start
    if len(docs) != len(texts):
        raise SystemExit(f"nlp.pipe returned {len(docs)} docs for {len(texts)} texts")
    return elapsed


@dataclass
class Run:
    seconds: float
    analyses: list[Analysis]
    hits: int
    misses: int
    problem: str | None
    model_loaded: bool


def time_analyzer(
    choice: PipelineChoice,
    articles: Sequence[Article],
    folder: Path,
    processes: int,
    nlp: Language | None,
) -> Run:
    """Seconds for a new Analyzer over the cache in `folder`, and what it did."""
    cache = AnalysisCache(folder)
    analyzer = Analyzer(choice, cache, processes=processes, nlp=nlp)
    gc.collect()
    start = time.perf_counter()
    analyses = [analysis for _, analysis in analyzer.analyze_many(articles)]
    elapsed = time.perf_counter() - start
    return Run(
        seconds=elapsed,
        analyses=analyses,
        hits=cache.hits,
        misses=cache.misses,
        problem=cache.problem,
        model_loaded=nlp is None and analyzer._nlp is not None,
    )


def time_quotes_and_figures(
    nlp: Language, articles: Sequence[Article], repeat: int
) -> tuple[float, float]:
    """Seconds to parse the articles on one process, and the best of `repeat` times to find
    their quotes and figures on those parses, as the analysis does (boilerplate skipped)."""
    gc.collect()
    start = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE))
    parse = time.perf_counter() - start
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            find_quotes(doc, 0, article.in_boilerplate)
            find_figures(article.text, article.in_boilerplate)
        best = min(best, time.perf_counter() - start)
    return parse, best


def long_piece() -> Article:
    """One piece as long as the Analyzer parses at once (`CHUNK_CHARS`), full of quotations
    and people: the development passages of real-style news, one after another (about 1,000
    characters a quotation). Speakers are resolved against every person named before them, so
    a piece this long is where a rule that looks at all of them per quotation shows."""
    import json

    gold = ROOT / "tests" / "gold" / "news_dev.jsonl"
    texts = [json.loads(line)["text"] for line in gold.read_text("utf-8").splitlines() if line]
    text = ""
    for passage in texts:
        if len(text) + len(passage) + 2 > CHUNK_CHARS:
            break
        text = f"{text}\n\n{passage}" if text else passage
    return make_article(text, "bench/long-piece.txt")


def fmt_times(times: Sequence[float]) -> str:
    return " ".join(f"{t:.3f}" for t in times)


RAY_SCALING_TARGET = 1.7  # 2 Ray workers at least this times 1 worker
RAY_LOCAL_TARGET = 0.85  # 2 Ray workers at least this times the local 2-process run


def bench_engines(articles: Sequence[Article], choice: PipelineChoice, repeat: int) -> None:
    """Words/s of the local engine with 1 and 2 processes and of the Ray engine with 1 and 2
    workers on a local Ray, same articles, same run, no cache. Each run loads the model (the
    driver or the workers do), as a real run does; starting Ray itself is not timed (a
    cluster is running before a team sends it work). Best of `repeat`, runs alternating."""
    import ray

    from corpus.distributed import analyze_on_ray, start_ray

    words = sum(a.words for a in articles)
    best: dict[str, float] = {}

    def timed(name: str, run: Callable[[], object]) -> None:
        gc.collect()
        start = time.perf_counter()
        run()
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)

    for _ in range(repeat):
        for n in (1, 2):
            timed(f"local {n}", lambda n=n: list(Analyzer(choice, None, processes=n)
                                                  .analyze_many(articles)))  # fmt: skip
            start_ray(ray, None, n)  # quiet, as `assay analyze` starts it
            try:
                timed(f"ray {n}", lambda n=n: list(analyze_on_ray(articles, choice, None,
                                                                  workers=n)))  # fmt: skip
            finally:
                ray.shutdown()
    rate = {name: words / seconds for name, seconds in best.items()}
    print(f"engines    {len(articles)} articles, {words} words, no cache, best of {repeat}")
    for name in ("local 1", "local 2", "ray 1", "ray 2"):
        print(f"  {name:<8} {rate[name]:>9,.0f} words/s  ({best[name]:.1f} s)")
    scaling = rate["ray 2"] / rate["ray 1"]
    versus = rate["ray 2"] / rate["local 2"]
    print(f"  ray 2 workers / 1 worker: {scaling:.2f}x   target >= {RAY_SCALING_TARGET}x: "
          f"{'PASS' if scaling >= RAY_SCALING_TARGET else 'FAIL'}")  # fmt: skip
    print(f"  ray 2 workers / local 2 processes: {versus:.2f}x   target >= {RAY_LOCAL_TARGET}x "
          f"(within 15%): {'PASS' if versus >= RAY_LOCAL_TARGET else 'FAIL'}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=240, help="distinct articles (240)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for spaCy (1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; best kept (3)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (as `assay` chooses)")
    parser.add_argument("--seed", type=int, default=0, help="seed for article generation (0)")
    parser.add_argument(
        "--engines",
        action="store_true",
        help="only compare the local engine and the Ray engine (needs the ray extra)",
    )
    args = parser.parse_args(argv)
    count = max(1, args.articles)
    processes = max(1, args.processes)
    repeat = max(1, args.repeat)

    choice = choose_pipeline(args.model)
    if choice.notice:
        print(f"note: {choice.notice}")
    nlp = load_pipeline(choice)
    articles = make_articles(count, args.seed)
    if args.engines:
        bench_engines(articles, choice, repeat)
        return
    texts = [a.text for a in articles]
    words = sum(a.words for a in articles)

    print(f"pipeline   {choice.key} ({', '.join(nlp.pipe_names)})")
    print(f"articles   {count} distinct, {words} words, {sum(map(len, texts))} characters")
    print(f"processes  {processes} (batch size {BATCH_SIZE}, as the Analyzer uses)")
    print(f"repeat     {repeat} (best time of each kept; raw and cold runs alternate)")
    list(nlp.pipe(texts[:WARMUP_TEXTS], n_process=processes))  # warm-up, not timed

    raw_times: list[float] = []
    cold_runs: list[Run] = []
    warm_runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="assay-bench-") as tmp:
        root = Path(tmp)
        for r in range(repeat):
            raw_times.append(time_raw(nlp, texts, processes))
            folder = root / f"cache-{r}"
            folder.mkdir()  # fresh and empty: every article is a miss
            cold_runs.append(time_analyzer(choice, articles, folder, processes, nlp))
        full = root / f"cache-{repeat - 1}"
        for _ in range(repeat):
            warm_runs.append(time_analyzer(choice, articles, full, processes, None))

    parse_s, extras_s = time_quotes_and_figures(nlp, articles, repeat)
    piece = long_piece()
    piece_parse_s, piece_extras_s = time_quotes_and_figures(nlp, [piece], repeat)
    problems: list[str] = []
    for run in cold_runs:
        if run.misses != count or run.hits != 0:
            problems.append(f"cold run had {run.hits} hits and {run.misses} misses")
        if run.problem:
            problems.append(run.problem)
    reference = cold_runs[-1].analyses
    for run in warm_runs:
        if run.model_loaded:
            problems.append("warm run loaded the model (analyzer._nlp is not None)")
        if run.hits != count or run.misses != 0:
            problems.append(f"warm run had {run.hits} hits and {run.misses} misses")
        if run.analyses != reference:
            problems.append("warm analyses differ from the cold ones")
    if any(run.analyses != reference for run in cold_runs):
        problems.append("cold runs gave different analyses")

    raw_s = min(raw_times)
    cold_s = min(run.seconds for run in cold_runs)
    warm_s = min(run.seconds for run in warm_runs)
    raw_wps, cold_wps, warm_wps = words / raw_s, words / cold_s, words / warm_s
    cold_ratio, warm_ratio = cold_wps / raw_wps, warm_wps / cold_wps
    warm_ok = warm_ratio >= WARM_TARGET and not any(run.model_loaded for run in warm_runs)
    rows = [
        ("raw", raw_s, raw_wps, "1.00x raw", "-", "-"),
        (
            "cold",
            cold_s,
            cold_wps,
            f"{cold_ratio:.2f}x raw",
            f">= {COLD_TARGET}x raw",
            "PASS" if cold_ratio >= COLD_TARGET else "FAIL",
        ),
        (
            "warm",
            warm_s,
            warm_wps,
            f"{warm_ratio:.1f}x cold",
            f">= {WARM_TARGET:g}x cold",
            "PASS" if warm_ok else "FAIL",
        ),
    ]
    print()
    print(f"{'name':<6}{'seconds':>10}{'words/s':>13}  {'ratio':<14}{'target':<16}result")
    for name, seconds, wps, ratio, target, result in rows:
        print(f"{name:<6}{seconds:>10.3f}{wps:>13,.0f}  {ratio:<14}{target:<16}{result}")
    share = extras_s / parse_s
    verdict = "PASS" if share <= QUOTES_FIGURES_TARGET else "FAIL"
    print(
        f"{'quotes+figures':<14}{extras_s:>6.3f} s = {share:.1%} of a one-process parse "
        f"({parse_s:.3f} s); target <= {QUOTES_FIGURES_TARGET:.0%}   {verdict}"
    )
    share = piece_extras_s / piece_parse_s
    verdict = "PASS" if share <= QUOTES_FIGURES_TARGET else "FAIL"
    print(
        f"{'one piece':<14}{piece_extras_s:>6.3f} s = {share:.1%} of its parse "
        f"({piece_parse_s:.3f} s; {len(piece.text):,} characters, {piece.words:,} words of "
        f"quoted news); target <= {QUOTES_FIGURES_TARGET:.0%}   {verdict}"
    )
    print()
    print(f"runs (s)   raw  {fmt_times(raw_times)}")
    print(f"           cold {fmt_times([r.seconds for r in cold_runs])}")
    print(f"           warm {fmt_times([r.seconds for r in warm_runs])}")
    print(f"warm model loaded: {'yes' if any(r.model_loaded for r in warm_runs) else 'no'}")
    for problem in dict.fromkeys(problems):
        print(f"FAIL: {problem}")


if __name__ == "__main__":
    main()
