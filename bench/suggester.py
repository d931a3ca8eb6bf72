"""Which spancat suggester can propose the spans annotators make: measured on the built-in
corpus, annotated as tests/annotations/builtin_gold.py does (a claim is a sentence).

spancat scores only the candidate spans its suggester proposes, so a span longer than the
suggester's longest n-gram can never be predicted. For each setting this prints the share
of the exported spans (and of claims) it can propose, the candidates it makes per Doc (what
spancat scores, so its memory and time), and the seconds `spacy train` takes for 100 steps,
as a ratio against spaCy's default suggester (1-3 tokens) in the same run.

    .venv/bin/python bench/suggester.py [--steps 100]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from spacy.tokens import DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from reader.cli import main as assay  # noqa: E402
from tests.annotations.builtin_gold import ANNOTATOR, annotate_builtin  # noqa: E402

TARGET_COVERAGE = 0.95  # of the spans, the suggester the README recommends can propose


def lengths(path: Path) -> tuple[list[tuple[str, int]], list[int]]:
    """(label, tokens) of every span, and the tokens of every Doc."""
    spans, docs = [], []
    for doc in DocBin().from_disk(path).get_docs(Vocab()):
        docs.append(len(doc))
        spans += [(s.label_, len(s)) for s in doc.spans["sc"]]
    return spans, docs


def candidates(doc_lengths: Sequence[int], sizes: Sequence[int]) -> float:
    """n-grams proposed per Doc, on average."""
    total = sum(max(0, n - size + 1) for n in doc_lengths for size in sizes)
    return total / max(1, len(doc_lengths))


def train_seconds(folder: Path, config: Path, sizes: Sequence[int], steps: int) -> float:
    command = [
        sys.executable, "-m", "spacy", "train", str(config),
        "--paths.train", str(folder / "c.train.spacy"),
        "--paths.dev", str(folder / "c.dev.spacy"),
        "--training.max_steps", str(steps), "--training.eval_frequency", str(steps),
        "--components.spancat.suggester.sizes", "[" + ",".join(map(str, sizes)) + "]",
        "--output", str(folder / f"model-{len(sizes)}"),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assay-suggester-") as tmp:
        folder = Path(tmp)
        annotate_builtin(folder / "ws", folder / "cache")
        out = folder / "c.spacy"
        command = ["export", "--workspace", str(folder / "ws"), "--annotator", ANNOTATOR,
                   "--format", "spacy", "-o", str(out), "--split", "train=0.8,dev=0.2"]  # fmt: skip
        code = assay(command)
        assert code == 0
        spans, docs = [], []
        for part in ("train", "dev"):
            found, sizes = lengths(folder / f"c.{part}.spacy")
            spans += found
            docs += sizes
        ordered = sorted(n for _, n in spans)
        p95 = ordered[min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1)]
        claims = [n for label, n in spans if label == "claim"]
        config = folder / "config.cfg"
        init = [sys.executable, "-m", "spacy", "init", "config", str(config), "--lang", "en",
                "--pipeline", "spancat"]  # fmt: skip
        subprocess.run(init, check=True, capture_output=True)
        settings = {
            "default ngram 1-3": [1, 2, 3],
            f"ngram_range 1-{p95} (95th percentile)": list(range(1, p95 + 1)),
            f"ngram_range 1-{ordered[-1]} (longest)": list(range(1, ordered[-1] + 1)),
        }
        rows = []
        for name, sizes in settings.items():
            reach = sum(n <= sizes[-1] for n in ordered) / len(ordered)
            claim_reach = sum(n <= sizes[-1] for n in claims) / max(1, len(claims))
            seconds = train_seconds(folder, config, sizes, args.steps)
            rows.append((name, reach, claim_reach, candidates(docs, sizes), seconds))
    print(
        f"{len(ordered)} spans ({len(claims)} claims) in {len(docs)} paragraph Docs; span "
        f"tokens: median {ordered[len(ordered) // 2]}, 95th percentile {p95}, longest "
        f"{ordered[-1]}; claims median {sorted(claims)[len(claims) // 2] if claims else 0}"
    )
    print(f"{'suggester':>36}{'spans':>7}{'claims':>8}{'cand/Doc':>10}"
          f"{f's/{args.steps} steps':>14}{'vs default':>11}  target")  # fmt: skip
    baseline = rows[0][4]
    for name, reach, claim_reach, per_doc, seconds in rows:
        verdict = (
            f"spans >= {TARGET_COVERAGE:.0%}: {'PASS' if reach >= TARGET_COVERAGE else 'FAIL'}"
        )
        print(f"{name:>36}{reach:>7.0%}{claim_reach:>8.0%}{per_doc:>10.0f}{seconds:>14.1f}"
              f"{seconds / baseline:>10.1f}x  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
