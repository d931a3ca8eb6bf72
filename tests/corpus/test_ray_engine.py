"""`assay analyze --engine ray`: the local engine's analysis as a Ray Data pipeline, on a local
Ray with two workers: the same JSONL to the byte, and a worker killed mid-run loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.analysis import Analysis, Analyzer
from corpus.article import Article, make_article
from corpus.cache import AnalysisCache
from corpus.loader import load_corpus
from corpus.nlp import PipelineChoice, choose_pipeline

ray = pytest.importorskip("ray", reason="the ray extra is not installed")

from corpus.distributed import RayMissing, analyze_on_ray  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ASSAY = str(Path(sys.executable).parent / "assay")


def corpus(count: int) -> list[Article]:
    """The built-in articles and `count` more made of their paragraphs, each one distinct."""
    samples, _ = load_corpus()
    paragraphs = [p for a in samples for p in a.text.split("\n\n") if p.strip()]
    made = [
        make_article(
            "\n\n".join(paragraphs[(i * 7 + k * 3) % len(paragraphs)] for k in range(4))
            + f"\n\nGenerated article {i}.\n",
            f"generated/{i:03d}.txt",
        )
        for i in range(count)
    ]
    return [*samples, *made]


def lines(results: Iterator[tuple[Article, Analysis]]) -> list[str]:
    from reader.cli import record

    return [json.dumps(record(a, analysis), ensure_ascii=False) for a, analysis in results]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def choice() -> PipelineChoice:
    return choose_pipeline(None)


def test_two_ray_workers_give_the_local_engines_jsonl_byte_for_byte(
    local_ray: None, choice: PipelineChoice, tmp_path: Path
) -> None:
    articles = corpus(40)
    local = lines(Analyzer(choice, None).analyze_many(articles))
    cache = AnalysisCache(tmp_path / "cache")
    on_ray = lines(analyze_on_ray(articles, choice, cache, workers=2))
    assert on_ray == local
    # Into the same cache the reader reads: a second run needs no worker at all.
    again = lines(analyze_on_ray(articles, choice, cache, workers=2, address="unreachable:1"))
    assert again == local
    # Unordered: every article once, each with its own analysis.
    loose = lines(analyze_on_ray(articles, choice, None, workers=2, ordered=False))
    assert sorted(loose) == sorted(local) and len(loose) == len(articles)


def _workers() -> list[int]:
    """Process ids of the Ray actors analysing (Ray names the process after the actor)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read()
        except OSError:
            continue
        if b"MapBatches(_Worker)" in command or b"_MapWorker" in command:
            found.append(int(entry))
    return found


def test_a_worker_killed_mid_run_is_retried_without_losing_or_doubling_articles(
    local_ray: None, choice: PipelineChoice
) -> None:
    articles = corpus(60)
    local = lines(Analyzer(choice, None).analyze_many(articles))
    done = 0
    killed: list[int] = []

    def progress(count: int) -> None:
        nonlocal done
        done += count
        if done == 8 and not killed:  # the first batch is in: the others are being worked on
            pids = _workers()
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

    on_ray = lines(analyze_on_ray(articles, choice, None, workers=2, progress=progress))
    assert killed, "no worker process was found to kill"
    assert on_ray == local  # every article once, in order, each analysed as locally


def test_the_command_writes_what_the_local_engine_writes(tmp_path: Path) -> None:
    env = {**os.environ, "ASSAY_CACHE_DIR": str(tmp_path / "cache")}
    local = subprocess.run(
        [ASSAY, "analyze", "--no-cache"],
        cwd=ROOT, capture_output=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    on_ray = subprocess.run(
        [ASSAY, "analyze", "--engine", "ray", "--processes", "2"],
        cwd=ROOT, capture_output=True, env=env, timeout=600, check=True,
    )  # fmt: skip
    assert on_ray.stdout == local.stdout and local.stdout.count(b"\n") == 5
    assert b"Warning" not in on_ray.stderr and b"INFO" not in on_ray.stderr


def test_without_ray_the_engine_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, choice: PipelineChoice
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    with pytest.raises(RayMissing, match=r"pip install 'assay\[ray\]'"):
        list(analyze_on_ray(corpus(0), choice, None))
