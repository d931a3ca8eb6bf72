"""Merge speed: 2,000 news-length articles × 3 annotators × 50 spans each, into gold.

Times `assay merge`'s core (select, plan, apply) for the first merge, which writes one
undoable change per article (an atomic, fsynced file and a history line each), and for a
second merge, which finds everything in gold and writes nothing. Each annotator made the
same 50 spans but for 10 of their own, so both policies have work and groups are left open.
Targets: at most 30 s for the first merge (a write per article) and 5 s for the second (as
`assay agree`'s reads: 2 s for the comparison, plus gold's reads).

    .venv/bin/python bench/merge.py [--articles 2000] [--spans 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402

from annotations.merge import MergePlan, merge  # noqa: E402
from annotations.model import Annotation, new_id, now  # noqa: E402
from annotations.storage import AtomicJSONStorage  # noqa: E402
from annotations.store import Store  # noqa: E402
from annotations.team import select  # noqa: E402
from annotations.workspace import Workspace  # noqa: E402
from corpus.article import make_article  # noqa: E402
from corpus.loader import builtin_paths  # noqa: E402

TARGET_FIRST_S = 30.0
TARGET_AGAIN_S = 5.0
ANNOTATORS = ("ann", "bob", "cat")
OWN = 10  # spans of each annotator's 50 that the others did not make


def fill(workspace: Workspace, n_articles: int, per_article: int) -> None:
    """Write the annotators' files directly (as import would), each article marked done."""
    samples = [p.read_text("utf-8") for p in builtin_paths()]
    stamp = now()
    folders = {}
    for who in ANNOTATORS:
        folders[who] = workspace.root / "annotations" / who
        folders[who].mkdir(parents=True)
    for i in range(n_articles):
        article = make_article(f"Bulletin {i}.\n\n{samples[i % len(samples)]}", f"bench/{i}.txt")
        workspace.save_article(article)
        slots = per_article + OWN * len(ANNOTATORS)
        stride = (len(article.text) - 5) // slots
        places = [(m, m + 5) for m in range(0, stride * slots, stride)]
        shared = places[: per_article - OWN]
        for n, who in enumerate(ANNOTATORS):
            own = places[per_article - OWN + n * OWN : per_article + n * OWN]
            docs = [
                Annotation(new_id(article.id), article.id, s, e, "claim", article.text[s:e],
                           annotator=who, created_at=stamp, updated_at=stamp).to_dict()
                for s, e in [*shared, *own]
            ]  # fmt: skip
            db = TinyDB(folders[who] / f"{article.id}.json", storage=AtomicJSONStorage)
            db.table("meta").insert({"schema": 1, "article_id": article.id, "annotator": who})
            db.table("annotations").insert_multiple(docs)
            db.table("status").insert({"status": "done", "updated_at": stamp})
            db.close()


def timed(workspace: Workspace, policy: str) -> tuple[float, MergePlan]:
    start = time.perf_counter()
    selection = select(workspace, ANNOTATORS)
    with Store.open(workspace.root, "gold", labels=None) as gold:
        plan = merge(workspace, selection, gold, policy)
    return time.perf_counter() - start, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(folder)
        fill(workspace, args.articles, args.spans)
        first, plan = timed(workspace, "agreed")
        again, second = timed(workspace, "agreed")
        assert second.added == 0 and second.present == plan.added
        print(
            f"{args.articles} articles × {len(ANNOTATORS)} annotators × {args.spans} spans: "
            f"{plan.added} spans merged, {plan.open} groups left to review"
        )
        print(f"first merge   {first:6.2f} s   (target ≤ {TARGET_FIRST_S:.0f} s)")
        print(f"second merge  {again:6.2f} s   (target ≤ {TARGET_AGAIN_S:.0f} s, adds nothing)")


if __name__ == "__main__":
    main()
