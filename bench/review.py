"""`assay review`: what it costs to start and to draw an article's groups.

start: before the screen opens, `assay review` selects the articles (`annotations.team.select`,
reading every annotator's file of every article); the review app then counts each article's
open groups against gold (a worker, after the first paint; the list shows `?` until then).
2,000 articles x 3 annotators x 50 spans each, half of them shared, gold holding decisions on
a tenth of the articles. Target: 2 s together (as `assay agree` at the same size).

draw: what the review screen works out when gold or an annotator's article changes, on one
long article (100,000 words; 3 annotators x 5,000 spans): after a decision, gold's decisions
and the open groups (the groups are kept while the annotators' spans stay). Target: 50 ms (a
keypress should not wait longer for its redraw). After an annotator's spans are read again
(opening the article, `R`), the groups are worked out afresh (annotations/team.py). Target:
250 ms.

    .venv/bin/python bench/review.py [--only start|draw] [--articles 2000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotations.model import Annotation, new_id, now  # noqa: E402
from annotations.store import ArticleState, Store  # noqa: E402
from annotations.team import (  # noqa: E402
    GROUP_KEY_PREFIX,
    TeamArticle,
    disagreements,
    review_attrs,
    select,
)
from annotations.workspace import Workspace  # noqa: E402
from reader.review_session import decisions  # noqa: E402

NAMES = ("ana", "ben", "cy")
TARGET_START_S = 2.0
TARGET_DRAW_MS = 50.0
TARGET_REGROUP_MS = 250.0
TEXT = "x" * 600_000  # a 100,000-word article's length


def spans(rng: random.Random, count: int, shared: list[tuple[int, int, str]]) -> list[dict]:
    """`count` spans: the shared ones, then spans of this annotator's own."""
    own = []
    while len(shared) + len(own) < count:
        start = rng.randrange(0, 19_000)
        own.append((start, start + rng.randrange(3, 40), rng.choice(("claim", "figure"))))
    return [
        {"start": s, "end": e, "label": label, "text": TEXT[s:e]} for s, e, label in shared + own
    ]


def fill(workspace: Path, articles: int, per: int) -> None:
    rng = random.Random(7)
    ids = [f"{i:016x}" for i in range(articles)]
    shared = {
        a: [(s, s + 10, "claim") for s in sorted(rng.sample(range(0, 19_000, 50), per // 2))]
        for a in ids
    }
    for name in NAMES:
        with Store.open(workspace, name, labels=None) as store:
            for article_id in ids:
                store.add_many(article_id, spans(rng, per, shared[article_id]), status="done")
    with Store.open(workspace, "gold", labels=None) as gold:
        for article_id in ids[: articles // 10]:
            start, end, label = shared[article_id][0]
            attrs = review_attrs(list(NAMES), "agreed")
            gold.add_many(
                article_id, [{"start": start, "end": end, "label": label,
                              "text": TEXT[start:end], "attrs": attrs}])  # fmt: skip


def open_counts(workspace: Path, teams: list[TeamArticle]) -> dict[str, int]:
    """As the review app counts them after the first paint."""
    counts = {}
    with Store.open(workspace, "gold", read_only=True, labels=None) as gold:
        for team in teams:
            settled = decisions(gold.article_state(team.article_id))
            counts[team.article_id] = sum(1 for g in disagreements(team) if g.key not in settled)
    return counts


def bench_start(articles: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        fill(workspace, articles, 50)
        selecting, counting = [], []
        for _ in range(3):
            started = time.perf_counter()
            selection = select(Workspace(workspace), NAMES)
            selecting.append(time.perf_counter() - started)
            started = time.perf_counter()
            counts = open_counts(workspace, selection.articles)
            counting.append(time.perf_counter() - started)
        assert len(counts) == articles
        print(
            f"start: {articles:,} articles x {len(NAMES)} annotators x 50 spans: selecting "
            f"(before the screen) {min(selecting):.2f} s, counting open groups (a worker, "
            f"after the first paint) {min(counting):.2f} s; together "
            f"{min(selecting) + min(counting):.2f} s, target {TARGET_START_S:.1f} s; "
            f"{sum(counts.values()):,} groups open"
        )


def annotation(article_id: str, start: int, end: int, label: str, name: str) -> Annotation:
    stamp = now()
    return Annotation(new_id(article_id), article_id, start, end, label, TEXT[start:end],
                      annotator=name, created_at=stamp, updated_at=stamp)  # fmt: skip


def decided(article_id: str, start: int, key: str) -> Annotation:
    """A gold span that settles the group `key`."""
    attrs = review_attrs(["ana"], "chose:ana", key)
    return Annotation(new_id(article_id), article_id, start, start + 1, "claim",
                      TEXT[start:start + 1], attrs=attrs, annotator="gold")  # fmt: skip


def bench_draw() -> None:
    rng = random.Random(11)
    article_id = "0" * 16
    text_length = 590_000
    made = {}
    for name in NAMES:
        found = []
        for _ in range(5_000):
            start = rng.randrange(0, text_length)
            end = start + rng.randrange(5, 60)
            found.append(annotation(article_id, start, end, "claim", name))
        made[name] = tuple(sorted(found, key=lambda a: (a.start, a.end)))
    team = TeamArticle(article_id, made)
    groups = disagreements(team)
    gold_spans = [decided(article_id, g.start, g.key) for g in groups[::3]]
    rejected = frozenset(GROUP_KEY_PREFIX + g.key for g in groups[1::3])
    gold = ArticleState(gold_spans, "in progress", None, rejected)
    regroup, recount = [], []
    for _ in range(5):
        started = time.perf_counter()
        found = disagreements(TeamArticle(article_id, dict(made)))  # the spans were read again
        regroup.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        settled = decisions(gold)  # gold changed (a decision): the groups are kept
        still = [g for g in found if g.key not in settled]
        recount.append((time.perf_counter() - started) * 1000)
    print(
        f"draw: {len(found):,} groups of 3 x 5,000 spans, {len(gold_spans):,} gold decisions, "
        f"{len(still):,} open: after a decision {min(recount):.1f} ms (median "
        f"{statistics.median(recount):.1f} ms), target {TARGET_DRAW_MS:.0f} ms; after an "
        f"annotator's spans are read again (open, R) {min(regroup):.0f} ms (median "
        f"{statistics.median(regroup):.0f} ms), target {TARGET_REGROUP_MS:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("start", "draw"))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    if args.only in (None, "draw"):
        bench_draw()
    if args.only in (None, "start"):
        bench_start(args.articles)


if __name__ == "__main__":
    main()
