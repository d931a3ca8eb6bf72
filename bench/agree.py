"""`assay agree` speed: 2,000 articles × 3 annotators × 50 spans each, all marked done.

Times the real command (`assay agree --format json`, a process started from compiled
bytecode, reading the workspace included): cold (no tokens cached: every text is tokenized),
warm (tokens, spans and counts kept by the runs before, nothing changed; the median of a
few) and warm after a change (before each run, one annotator has given one span another
label in another article, as between two runs of a working team: that article is counted
again, the others' counts are read back). Target: at most 2 s warm, both ways. Beside it, a
fixed reference workload timed in the same run (`reference`): the machine's speed at the
moment, for comparing runs. Then the warm run's parts, timed in one process: reading the
workspace (`annotations.team.select_spans`, through the span cache), the kept texts and
tokens, checking spans for drift, the kept counts and report (`annotations.figurecache`),
the figures made from the counts after a change (`annotations.agreement.figures`: sums and
the alpha package), and, not part of a warm run, counting every article
(`annotations.agreement.count_articles`), as a run with nothing kept does.

Articles are the five built-in samples (about 700 words each) made distinct by a number.
Each annotator starts from the same 50 spans of 1 to 8 words per article and changes some:
a boundary moved (15%), another label (10%), another span (5%).

    .venv/bin/python bench/agree.py [--articles 2000] [--spans 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotations.model import Annotation, new_id, now  # noqa: E402
from annotations.storage import write_atomically  # noqa: E402
from annotations.workspace import Workspace  # noqa: E402
from corpus.article import make_article  # noqa: E402
from corpus.loader import builtin_paths  # noqa: E402

TARGET_S = 2.0
NAMES = ("ana", "ben", "cho")
LABELS = ("claim", "figure", "event")


def fill(workspace: Workspace, n_articles: int, per_article: int, seed: int = 13) -> int:
    """Write the annotators' files as the store writes them (one TinyDB file per article and
    annotator, status done); the number of spans written."""
    rng = random.Random(seed)
    samples = [p.read_text("utf-8") for p in builtin_paths()]
    folders = {}
    for name in NAMES:
        folders[name] = workspace.root / "annotations" / name
        folders[name].mkdir(parents=True)
    stamp = now()
    written = 0
    for i in range(n_articles):
        article = make_article(f"Bulletin {i}.\n\n{samples[i % len(samples)]}", f"bench/{i}.txt")
        workspace.save_article(article)
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", article.text)]

        def span(words: list[tuple[int, int]] = words) -> tuple[int, int, str]:
            first = rng.randrange(len(words) - 8)
            return words[first][0], words[first + rng.randrange(1, 8)][1], rng.choice(LABELS)

        base = [span() for _ in range(per_article)]
        for name in NAMES:
            made = []
            for start, end, label in base:
                draw = rng.random()
                if draw < 0.15:
                    end = min(end + 1, len(article.text))
                elif draw < 0.25:
                    label = rng.choice(LABELS)
                elif draw < 0.30:
                    start, end, label = span()
                made.append((start, end, label))
            records = {
                str(k): Annotation(new_id(article.id), article.id, s, e, label,
                                   article.text[s:e], annotator=name, created_at=stamp,
                                   updated_at=stamp).to_dict()
                for k, (s, e, label) in enumerate(made, start=1)
            }  # fmt: skip
            data = {
                "meta": {"1": {"schema": 1, "article_id": article.id, "annotator": name}},
                "annotations": records,
                "status": {"1": {"status": "done", "updated_at": stamp}},
            }
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
            write_atomically(folders[name] / f"{article.id}.json", payload)
            written += len(records)
    return written


def change_one_span(workspace: Path, name: str, number: int) -> None:
    """Give one span of `name` in the `number`th article file another label, written as the
    store writes: that article's file changes, nothing else."""
    folder = workspace / "annotations" / name
    files = sorted(folder.glob("*.json"))
    path = files[number % len(files)]
    data = json.loads(path.read_bytes())
    record = next(iter(data["annotations"].values()))
    record["label"] = LABELS[(LABELS.index(record["label"]) + 1) % len(LABELS)]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    write_atomically(path, payload)


def run_agree(workspace: Path, env: dict[str, str]) -> tuple[float, dict[str, object]]:
    start = time.perf_counter()
    done = subprocess.run(
        [str(Path(sys.executable).with_name("assay")), "agree", "--workspace", str(workspace),
         "--format", "json"],
        capture_output=True, text=True, env=env, timeout=3600, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"assay agree failed ({done.returncode}):\n{done.stderr}")
    report: dict[str, object] = json.loads(done.stdout)
    return elapsed, report


REFERENCE = "import numpy, krippendorff; sum(i * i for i in range(2_000_000))"


def reference(env: dict[str, str], runs: int = 3) -> float:
    """A fixed workload in a fresh process (start Python, import numpy, a loop of two million
    steps), the median of `runs`: how fast this machine is at the moment. These machines are
    noisy (the same run took 1.5 times as long an hour apart); the ratio of the warm run to it
    compares runs across moments and machines."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", REFERENCE], env=env, check=True, timeout=600)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def parts(workspace: Path) -> dict[str, float]:
    """The warm run's stages, in this process (tokens cached by the runs before)."""
    import gc

    from annotations.agreement import count_articles, figures
    from annotations.figurecache import FigureCache
    from annotations.figurecache import cache_folder as figure_folder
    from annotations.spancache import cache_folder
    from annotations.team import select_spans
    from annotations.textcache import TextCache
    from annotations.textcache import cache_folder as text_folder
    from corpus.cache import AnalysisCache, default_cache_dir
    from corpus.nlp import choose_pipeline
    from corpus.tokens import Tokenizer, tokenizer_name
    from reader.agree_cli import _compared, _texts
    from reader.workspace_cli import LazyCorpus

    gc.disable()  # as `assay agree` runs
    times = {}
    ws = Workspace(workspace)
    start = time.perf_counter()
    selection = select_spans(ws, NAMES, cache=cache_folder())
    times["read the workspace (select_spans)"] = time.perf_counter() - start
    start = time.perf_counter()
    choice = choose_pipeline()
    kept = TextCache(ws, tokenizer_name(choice), text_folder())
    times["kept texts and tokens (textcache)"] = time.perf_counter() - start
    start = time.perf_counter()
    texts = _texts(ws, selection, LazyCorpus([]), kept)
    times["texts and drift check"] = time.perf_counter() - start
    start = time.perf_counter()
    with Tokenizer(choice, AnalysisCache(default_cache_dir())) as tokenizer:
        items = list(_compared(texts, tokenizer, kept))
    times["tokens"] = time.perf_counter() - start
    start = time.perf_counter()
    counts = FigureCache(workspace, NAMES, None, figure_folder()).counts(items)
    times["kept counts (figurecache)"] = time.perf_counter() - start
    start = time.perf_counter()
    FigureCache(workspace, NAMES, None, figure_folder()).report(items)
    times["kept counts and report (figurecache)"] = time.perf_counter() - start
    start = time.perf_counter()
    figures(counts)
    times["figures from the counts (figures)"] = time.perf_counter() - start
    start = time.perf_counter()
    count_articles(items, NAMES)
    times["counting every article (count_articles)"] = time.perf_counter() - start
    gc.enable()
    return times


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--spans", type=int, default=50, help="per article and annotator")
    parser.add_argument("--runs", type=int, default=3, help="warm runs (the median is shown)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assay-agree-") as tmp:
        root = Path(tmp)
        workspace = Workspace(root / "ws")
        print(f"filling a workspace: {args.articles:,} articles x {len(NAMES)} annotators x "
              f"{args.spans} spans ...", flush=True)  # fmt: skip
        spans = fill(workspace, args.articles, args.spans)
        size = sum(f.stat().st_size for f in (root / "ws").rglob("*.json")) / 2**20
        cache = root / "cache"
        os.environ["ASSAY_CACHE_DIR"] = str(cache)
        # Processes start from compiled bytecode, as on a user's second run: the cold run
        # writes ours (a PYTHONDONTWRITEBYTECODE in the environment would forbid it).
        env = {**os.environ, "ASSAY_CACHE_DIR": str(cache)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cold, report = run_agree(workspace.root, env)
        before = reference(env)
        warm_runs = [run_agree(workspace.root, env)[0] for _ in range(args.runs)]
        warm = statistics.median(warm_runs)
        changed_runs = []
        for number in range(args.runs):
            change_one_span(workspace.root, NAMES[1], number * 7 % args.articles)
            changed_runs.append(run_agree(workspace.root, env)[0])
        changed = statistics.median(changed_runs)
        machine = statistics.median([before, reference(env)])
        stages = parts(workspace.root)
    overall = report["overall"]
    assert isinstance(overall, dict)
    print(f"{spans:,} spans, {report['tokens']:,} tokens, {size:.0f} MiB of annotation files "
          f"and texts; overall exact F1 {overall['exact_f1']:.3f}, overlap F1 "
          f"{overall['overlap_f1']:.3f}, kappa {overall['kappa']:.3f}, alpha "
          f"{overall['alpha']:.3f}")  # fmt: skip
    print(f"{'':>36}{'seconds':>9}  target")
    print(f"{'assay agree, cold (tokenizing)':>36}{cold:>9.2f}  -")
    verdict = f"<= {TARGET_S:g} s: {'PASS' if warm <= TARGET_S else 'FAIL'}"
    print(f"{'assay agree, warm (median of ' + str(args.runs) + ')':>36}{warm:>9.2f}  {verdict}")
    print(f"{'warm runs':>36}  {' '.join(f'{t:.2f}' for t in sorted(warm_runs))}")
    verdict = f"<= {TARGET_S:g} s: {'PASS' if changed <= TARGET_S else 'FAIL'}"
    print(f"{'warm, one span changed (median)':>36}{changed:>9.2f}  {verdict}")
    print(f"{'runs after a change':>36}  {' '.join(f'{t:.2f}' for t in sorted(changed_runs))}")
    print(f"{'reference workload (machine speed)':>36}{machine:>9.2f}  warm / reference "
          f"{warm / machine:.2f}, after a change {changed / machine:.2f}")  # fmt: skip
    print("the warm run's parts, in one process:")
    for name, seconds in stages.items():
        print(f"{name:>36}{seconds:>9.2f}")


if __name__ == "__main__":
    main()
