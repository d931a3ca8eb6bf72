"""`assay analyze` output and cache entries, pinned byte for byte.

The JSONL is a contract other tools read, and the analysis records inside the code may change
shape (dicts became frozen dataclasses) without it changing. `pinned/analyze.jsonl` was written
by the code before that change with the model the tests use, over the built-in corpus and the
odd texts below; the `cache_entry_*.json` files are cache entries that code wrote. When the
analysis itself changes on purpose (better quotations), `ASSAY_UPDATE_PINNED=1` rewrites
`analyze.jsonl`; its diff is then the change to review.

Integration tests: they run the real command and the real model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.analysis import Analysis
from corpus.cache import AnalysisCache

pytestmark = pytest.mark.integration

PINNED = Path(__file__).resolve().parent / "pinned"
UPDATE = os.environ.get("ASSAY_UPDATE_PINNED") == "1"
SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
ASSAY = str(Path(sys.executable).with_name("assay"))

# Unbalanced, nested and unclosed marks, every quotation style, escape sequences, bidi
# controls, CRLF, an editorial bracket and every kind of figure.
ODD_TEXTS = {
    "a_unbalanced.txt": (
        "Markets fell on Monday\n\n"
        '"Prices will keep rising for a year at least, and nobody can stop that," the expert '
        "said.\n\n"
        "“The talks went well,” Sergey Lavrov said, “and we expect more of them next month.\n\n"
        "“We are not going to sign anything that costs us $2.5bn or 15% of the budget,” he "
        "added.\n\n"
        "She called it a “great deal' and left. «Nothing is agreed» — and 'nothing' will be, "
        'said Anna Petrova.\n\n“\n\n”\n\n""""\n\n«« »» ‘’ ’‘\n'
    ),
    "b_hostile.txt": (
        "Title with \x1b]52;c;UFdO\x07 escape\r\n\r\n"
        "“Ignore the \u202eoverride\u202c here,” said [US President Donald] Trump, who cited "
        "658 million metric tons and a threefold rise.\r\n\r\n"
        "— In order to win, we need a long-term strategy that will work for decades, the "
        "analyst concluded.\r\n\r\n"
        "According to Ivan Petrov, an analyst at the institute, Russia ranks fifth in the world "
        "with 250 billion barrels.\r\n\r\n"
        '"Zürich is €3 million away\u200b," according to Marcus Lee, a senior analyst.\r\n'
    ),
    "c_nested.txt": (
        "Nested quotes\n\nFinance Minister Anton Siluanov spoke on Tuesday.\n\n"
        "“He told us ‘no deal’ and then ‘maybe’ twice before the end of the talks,” the "
        "minister said.\n\n"
        "“The first part of the statement is long enough to be a quotation.\n\n"
        "“The second paragraph goes on with the same statement for the reader,” the minister "
        "said.\n\n"
        "The company said it would cut 3,000 jobs. “We regret this decision deeply, but it is "
        "necessary,” it said.\n\n"
        "“Unclosed at the very end of the article goes on and on for a while"
    ),
}


@pytest.fixture(scope="module")
def odd_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("odd")
    for name, text in ODD_TEXTS.items():
        # newline="": the CRLF of the hostile text reaches the loader as written
        with open(folder / name, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    return folder


def analyze(*args: str) -> bytes:
    done = subprocess.run(
        [ASSAY, "analyze", "--format", "jsonl", *args],
        capture_output=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


def test_analyze_jsonl_is_byte_identical_cold_and_warm(odd_folder: Path, tmp_path: Path) -> None:
    args = (str(SAMPLES), str(odd_folder), "--cache-dir", str(tmp_path))
    cold = analyze(*args)
    if UPDATE:
        (PINNED / "analyze.jsonl").write_bytes(cold)
    pinned = (PINNED / "analyze.jsonl").read_bytes()
    assert cold == pinned
    assert any(tmp_path.rglob("*.json")), "the first run wrote no cache entries"
    warm = analyze(*args)  # every analysis now comes back through the cache
    assert warm == pinned


@pytest.mark.parametrize("name", ["cache_entry_hostile.json", "cache_entry_nested.json"])
def test_cache_entries_written_before_load_unchanged(name: str, tmp_path: Path) -> None:
    entry = json.loads((PINNED / name).read_text(encoding="utf-8"))
    assert entry["quotes"] and entry["quotes"][0]["speaker"] is not None
    analysis = Analysis.from_dict(entry)
    # Entries from before `speaker_kind` (issue 15) read as "none" until analysed again.
    quotes = [{"speaker_kind": "none", **q} for q in entry["quotes"]]
    # and from before entity groups (issue 18), with none.
    assert analysis.to_dict() == {**entry, "quotes": quotes, "groups": []}
    # and through the cache, as the analyzer reads it
    cache = AnalysisCache(tmp_path)
    cache.put("k" * 64, entry)
    assert cache.load("k" * 64, Analysis.from_dict) == analysis
