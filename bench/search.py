"""Full-text filter of the article list at 10,000 articles, beside a plain scan in the same run.

1. The corpus of bench/reader.py (news-length articles) is opened in the reader (headless, 160x48)
   and the list's text index is left to build. Then filter keystrokes, typed a character at
   a time (words, a phrase, `status:`): each one filters and redraws the visible rows, as
   `/` does. Target: at most 50 ms at worst. Baseline: the obvious search, `term in
   text.casefold()` for every term over every article, which does not even match word
   starts or accents. A phrase is looked for in the candidates' text in slices after the
   keystroke (keys are taken between them): each slice is timed too, and the phrase whole.
2. What the index costs: the time to list the corpus while it is built (against the same
   reader not indexing, alternating runs), the memory it holds (tracemalloc, the texts
   themselves not counted: the reader holds them anyway) and how fast it is built (one
   thread, nothing else running), on that corpus and on one whose
   vocabulary grows as real news does (the same articles, each with 40 words drawn from a
   300,000-word Zipf lexicon of names, numbers and rare words).

    .venv/bin/python bench/search.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import random
import statistics
import string
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.article import Article, make_article  # noqa: E402
from corpus.search import SearchIndex, parse_query  # noqa: E402


def _reader_bench() -> Any:
    """bench/reader.py, for its corpus generator (its module name would shadow `reader`)."""
    spec = importlib.util.spec_from_file_location("bench_reader", ROOT / "bench" / "reader.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typed(*queries: str) -> list[str]:
    """Each query as it is typed, a character at a time."""
    return [query[:n] for query in queries for n in range(1, len(query) + 1)]


KEYSTROKES = typed("putin sanc", '"rare earth m', "bulletin 99", "alaska zz", "status:todo s")


async def time_filter(corpus: Path, tmp: Path) -> tuple[list[float], dict[str, Any]]:
    from reader.app import AssayApp
    from reader.config import Settings
    from reader.widgets.article_list import ArticleList

    app = AssayApp([str(corpus)], tmp / "ws", "bench", Settings(analyse_corpus=False),
                   cache_dir=tmp / "cache", model="none")  # fmt: skip
    facts: dict[str, Any] = {}
    start = time.perf_counter()
    async with app.run_test(size=(160, 48)) as pilot:
        articles = app.query_one(ArticleList)
        while not app.loaded:
            await pilot.pause(0.01)
        facts["listed"] = time.perf_counter() - start
        while len(articles.index) < len(articles.rows):
            await pilot.pause(0.01)
        facts["indexed"] = time.perf_counter() - start
        await pilot.pause(0.2)
        height = articles.scrollable_content_region.height

        def redraw() -> None:
            for y in range(height):
                articles.render_line(y)

        times, slices, phrases = [], [], []
        for query in [*KEYSTROKES, ""]:
            t0 = time.perf_counter()
            articles.set_query(query)
            redraw()
            times.append(time.perf_counter() - t0)
            while articles.unchecked:  # a phrase: the slices the list's timer would run
                t1 = time.perf_counter()
                articles.search_more()
                redraw()
                slices.append(time.perf_counter() - t1)
            phrases.append(time.perf_counter() - t0)
        facts["slices"], facts["whole"] = slices, max(phrases)
        articles.set_query("putin sanc")
        facts["putin sanc"] = (len(articles.shown), articles.by_title)
        facts["texts"] = [app.articles[i] for i in app.order]
    return times, facts


def time_plain_scan(articles: list[Article]) -> list[float]:
    """The baseline: every term looked for in every article's case-folded text."""
    times = []
    for query in KEYSTROKES:
        terms = query.casefold().split()
        t0 = time.perf_counter()
        [a.id for a in articles if all(term in a.text.casefold() for term in terms)]
        times.append(time.perf_counter() - t0)
    return times


def index_cost(articles: list[Article]) -> tuple[float, float, float, int]:
    """MB the index holds, MB more with its answers to the keystrokes, seconds to build it
    (untraced), and its vocabulary."""

    def build() -> SearchIndex:
        index = SearchIndex()
        for article in articles:
            index.add(article)
        index.prepare()
        return index

    t0 = time.perf_counter()
    build()
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    index = build()
    held, _peak = tracemalloc.get_traced_memory()
    for query in KEYSTROKES:  # the answers it keeps for the terms last typed
        index.search(parse_query(query))
    cached, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return held / 2**20, (cached - held) / 2**20, elapsed, len(index._postings)


async def time_listing(corpus: Path, tmp: Path, indexing: bool) -> float:
    """Seconds until every row is listed, with the text indexed meanwhile or not at all."""
    from reader.app import AssayApp
    from reader.config import Settings
    from reader.widgets.article_list import ArticleList

    index_articles = ArticleList.index_articles
    if not indexing:
        ArticleList.index_articles = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    try:
        app = AssayApp([str(corpus)], tmp / "ws", "bench", Settings(analyse_corpus=False),
                       cache_dir=tmp / "cache", model="none")  # fmt: skip
        start = time.perf_counter()
        async with app.run_test(size=(160, 48)) as pilot:
            while not app.loaded:
                await pilot.pause(0.01)
            return time.perf_counter() - start
    finally:
        ArticleList.index_articles = index_articles  # type: ignore[method-assign]


def with_rich_vocabulary(articles: list[Article], seed: int = 7) -> list[Article]:
    """The articles, each with 40 words from a Zipf lexicon of 300,000: names, numbers and
    rare words, so the vocabulary grows with the corpus as it does in real news."""
    rng = random.Random(seed)
    lexicon = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 11)))
               for _ in range(300_000)]  # fmt: skip
    weights = [1 / (rank + 1) for rank in range(len(lexicon))]
    out = []
    for article in articles:
        extra = " ".join(rng.choices(lexicon, weights, k=40))
        out.append(make_article(f"{article.text}\n\n{extra.capitalize()}.\n", article.source))
    return out


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assay-search-") as folder:
        tmp = Path(folder)
        corpus = tmp / "corpus"
        _reader_bench().write_corpus(corpus, args.articles)
        asyncio.run(time_filter(corpus, tmp))  # the first run fills the file cache
        times, facts = asyncio.run(time_filter(corpus, tmp))
        listings: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(3):  # alternating: the machine's load changes between runs
            for indexing in (False, True):
                listings[indexing].append(asyncio.run(time_listing(corpus, tmp, indexing)))
    texts: list[Article] = facts["texts"]
    plain = time_plain_scan(texts)
    worst, median = max(times), statistics.median(times)
    worst_key = [*KEYSTROKES, ""][times.index(worst)]
    base_worst, base_median = max(plain), statistics.median(plain)
    shown, by_title = facts["putin sanc"]
    print(f"{len(texts):,} articles     listed in {facts['listed']:.2f} s, text search ready "
          f"at {facts['indexed']:.2f} s (warm file cache); \"putin sanc\": {shown:,} shown, "
          f"{by_title:,} by title")  # fmt: skip
    indexed, unindexed = statistics.median(listings[True]), statistics.median(listings[False])
    print(f"listing while indexing  median of 3: {indexed:.2f} s, without the index "
          f"{unindexed:.2f} s ({indexed / unindexed:.2f}x)")  # fmt: skip
    print(f"filter keystroke     worst {worst * 1000:5.1f} ms ({worst_key!r}), median "
          f"{median * 1000:4.1f} ms "
          f"({len(times)} keys, redraw included)   plain scan worst {base_worst * 1000:5.0f} ms, "
          f"median {base_median * 1000:4.0f} ms ({base_median / median:.0f}x slower)   "
          f"target <= 50 ms: {verdict(worst <= 0.05)}")  # fmt: skip
    slices = facts["slices"]
    if slices:
        print(f"  phrase, later      {len(slices)} slices of the search after the keystroke, "
              f"worst {max(slices) * 1000:.1f} ms (keys are taken between them; target <= 50 "
              f"ms: {verdict(max(slices) <= 0.05)}); a phrase whole in at most "
              f"{facts['whole']:.2f} s")  # fmt: skip
    mb, answers, seconds, words = index_cost(texts)
    print(f"index memory         {mb:5.1f} MB for {len(texts):,} articles ({words:,} words), "
          f"{answers:.1f} MB more for its last answers; built in {seconds:.1f} s "
          f"({len(texts) / seconds:,.0f} articles/s, one thread)")  # fmt: skip
    rich = with_rich_vocabulary(texts)
    mb, answers, seconds, words = index_cost(rich)
    print(f"  rich vocabulary    {mb:5.1f} MB for {len(rich):,} articles ({words:,} words), "
          f"{answers:.1f} MB more for its last answers; built in {seconds:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
