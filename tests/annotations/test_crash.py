"""Kill a writer with SIGKILL at random moments: nothing it reported saved may be lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.journal import COMPACT_AT
from annotations.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from annotations import journal
from annotations.store import Store
journal.COMPACT_AT = int(sys.argv[2])
journal.COMPACT_RATIO = float(sys.argv[3])
store = Store.open(sys.argv[1], "crash")
articles = ["5e64e69df3fbd64f", "4674bf8c426bb117", "d125201d5b700bf9"]
print("ready", flush=True)
i = 0
last = {}
while True:
    a = store.add(articles[i % 3], i % 50, i % 50 + 3, "claim", "abc")
    print(a.id, flush=True)
    if i % 7 == 3:
        store.update(a.id, label="event")
    if i % 4 == 1 and articles[i % 3] in last:  # a link to the article's annotation before
        r = store.relate(a.id, last[articles[i % 3]])
        print("relation", r.id, flush=True)
    last[articles[i % 3]] = a.id
    i += 1
"""


@pytest.mark.parametrize(
    ("compact_at", "ratio"), [(COMPACT_AT, 1.0), (600, 0.0)], ids=["journal", "compacting"]
)
def test_sigkill_at_random_moments_loses_nothing_reported(
    tmp_path: Path, compact_at: int, ratio: float
) -> None:
    """Changes go to each article's journal; with `compacting`, the journal is folded into a
    new snapshot every few changes, so kills land in compactions too."""
    rng = random.Random(20261122)
    reported: set[str] = set()
    for _ in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), str(compact_at), str(ratio)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        # Only whole lines: a line cut by the kill was not reported.
        reported.update(line for line in out.split("\n")[:-1] if line)
    relations = {line.split()[1] for line in reported if line.startswith("relation ")}
    reported -= {f"relation {r}" for r in relations}
    assert len(reported) > 50 and relations
    with Store.open(tmp_path, "crash") as store:
        stored = {a.id for a in store.all()}  # every file loads, or this raises
        assert reported <= stored
        linked = {r.id for article in store.article_ids() for r in store.relations_of(article)}
        assert relations <= linked
        assert store.can_undo
    folder = tmp_path / "annotations" / "crash"
    assert not list(folder.glob("*.corrupt-*"))
    assert not list(folder.glob(".*.tmp"))
