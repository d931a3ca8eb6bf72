"""Analysis on Ray: the local engine's analysis as a Ray Data pipeline, for more than one machine.

`analyze_on_ray` takes the articles the loader read (deduplicated, with their problems already
reported), answers from the analysis cache what it can, and sends the rest through Ray Data:
the articles become a dataset of records, `map_batches` runs them through a pool of actors,
each of which loads the spaCy pipeline once and analyses its batches with the very `Analyzer`
the local engine uses, so the analyses are the same to the byte. Results come back in input
order (or, `ordered=False`, as they finish), and each is put in the driver's cache: the reader
opens them warm. Workers on the same machine (or with the cache folder on shared storage) also
keep the tokens the export reuses, as the local engine does.

A worker that dies (a killed process, a lost node) is restarted by Ray and its batch run again
(Ray Data's default for actor pools): Ray Data keeps one output per input block, so no
article is lost or doubled.

Ray is an optional extra (`pip install 'assay[ray]'`); without it, `RayMissing` says how to
get it. Nothing here is imported by the rest of assay unless `--engine ray` is asked for.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from corpus.analysis import Analysis, Analyzer
from corpus.article import Article
from corpus.cache import AnalysisCache
from corpus.nlp import PipelineChoice

INSTALL = "pip install 'assay[ray]'"
BATCH = 8  # articles a worker analyses per call: small enough to spread, large enough to pipe


class RayMissing(Exception):
    """Ray is not installed: the message says how to install it."""

    def __init__(self) -> None:
        super().__init__(
            f"the Ray engine needs Ray, an optional extra of assay: {INSTALL} "
            f"(or: pip install 'ray[data]'); without it, leave out --engine ray"
        )


class RayFailed(Exception):
    """Ray could not start or reach its cluster, or the pipeline failed; says why."""


class _Worker:
    """One Ray actor: the pipeline loaded once, batches of articles analysed in order."""

    def __init__(self, choice: PipelineChoice, cache_folder: str | None) -> None:
        cache = None
        if cache_folder is not None and os.path.isdir(cache_folder):
            cache = AnalysisCache(Path(cache_folder))
        self.analyzer = Analyzer(choice, cache)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [Article.from_dict(json.loads(raw)) for raw in _listed(batch["article"])]
        found = [
            json.dumps(analysis.to_dict(), ensure_ascii=False)
            for _article, analysis in self.analyzer.analyze_many(articles)
        ]
        return {"index": _listed(batch["index"]), "analysis": found}


def _listed(column: Any) -> list[Any]:
    return column.tolist() if hasattr(column, "tolist") else list(column)


def analyze_on_ray(
    articles: Sequence[Article],
    choice: PipelineChoice,
    cache: AnalysisCache | None,
    *,
    workers: int = 1,
    address: str | None = None,
    ordered: bool = True,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis: in input order, or as they finish (`ordered=False`).

    `address`: a running cluster to join (`ray start --head` printed it; "auto" finds the one
    on this machine); None starts a local Ray with `workers` CPUs. `workers` actors analyse,
    each holding one CPU.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayMissing() from None
    analyzer = Analyzer(choice, cache)  # the cache keys and reads, never the model
    keys = [analyzer.cache_key(a) for a in articles]
    found: list[Analysis | None] = [
        None if cache is None else cache.load(k, Analysis.from_dict) for k in keys
    ]
    missing = [i for i, analysis in enumerate(found) if analysis is None]
    ready = 0

    def flush() -> Iterator[tuple[Article, Analysis]]:
        nonlocal ready
        while ready < len(articles) and (result := found[ready]) is not None:
            if progress is not None:
                progress(1)
            yield articles[ready], result
            ready += 1

    if not ordered:  # what the cache has first: it is ready now
        for i, analysis in enumerate(found):
            if analysis is not None:
                if progress is not None:
                    progress(1)
                yield articles[i], analysis
    else:
        yield from flush()
    if not missing:
        return
    blocks = -(-len(missing) // BATCH)
    workers = max(1, min(workers, blocks))  # no more actors than batches to give them
    started = start_ray(ray, address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = ordered
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        records = [
            {"index": i, "article": json.dumps(articles[i].to_dict(), ensure_ascii=False)}
            for i in missing
        ]
        dataset = ray.data.from_items(records, override_num_blocks=blocks).map_batches(
            _Worker,
            fn_constructor_args=(choice, None if cache is None else str(cache.folder)),
            batch_size=BATCH,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
            # A killed worker comes back and its batch runs again: Ray Data's actor pools
            # restart actors and retry their tasks by default (tests kill one to check).
        )
        try:
            for row in dataset.iter_rows():
                i = int(row["index"])
                analysis = Analysis.from_dict(json.loads(str(row["analysis"])))
                if cache is not None and not cache.has(keys[i]):
                    cache.put(keys[i], analysis.to_dict())
                if ordered:
                    found[i] = analysis
                    yield from flush()
                else:
                    if progress is not None:
                        progress(1)
                    yield articles[i], analysis
        except Exception as error:
            raise RayFailed(f"the Ray pipeline failed: {_first_line(error)}") from error
    finally:
        if started:
            ray.shutdown()


def start_ray(ray: Any, address: str | None, workers: int) -> bool:
    """Start a local Ray or join `address`; whether this call started it (and so stops it)."""
    if ray.is_initialized():
        return False
    for name in ("ray", "ray.data", "ray.train", "ray.tune"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # Ray's advice to its own developers is not the user's business: stderr says what assay
    # has to say.
    os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
    warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    warnings.filterwarnings("ignore", module=r"corpus\.distributed$")  # Ray's, pointed here
    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.ERROR,
        "configure_logging": False,
    }
    try:
        if address is None:
            ray.init(num_cpus=workers, **options)
        else:
            ray.init(address=address, **options)
    except Exception as error:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise RayFailed(f"could not start {where}: {_first_line(error)}") from error
    return True


def _first_line(error: BaseException) -> str:
    lines = [line for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__
