"""Boilerplate marks: assay's text minus its marks against trafilatura, on saved news pages.

Gold: tests/gold/pages/dev/ (the set rules are tuned on) and tests/gold/pages/heldout/ (held
out: its pages are not read while rules are written). Each folder holds saved pages (.html, or
.txt as a user copies a page) and one or more manifest*.jsonl files, a line per page:
{"file", "kind": "html"|"txt", "language", "script", "site", "body", "traps"}, where "body" is
the true article body (its paragraphs, blank lines between them; no headline, byline or
caption) and "traps" names what the page was written to test. Every manifest*.jsonl of a set's
folder is read; a line whose file does not exist (yet) is skipped and counted.

Systems, each giving one predicted text a page:

  assay, text minus marks     the Article as the product loads the file (`load_corpus([path])`:
                              decoding, trafilatura with assay's settings for HTML, sanitizing,
                              boilerplate marks), its boilerplate ranges cut out (each range
                              replaced by a line break, so no two words are glued together)
  assay, text without marks   the same Article's whole text
  trafilatura default         `trafilatura.extract(html)`
  trafilatura no comments     `extract(html, include_comments=False)`
  trafilatura favor_precision `extract(html, favor_precision=True, include_comments=False)`
  trafilatura favor_recall    `extract(html, favor_recall=True, include_comments=False)`

A .txt page has no HTML: its trafilatura rows are the file's own text (what a user has without
any tool). Figures are shown for all pages, for HTML pages only and for .txt pages only.

Measure: the one of Zyte's (ScrapingHub's) article-extraction-benchmark, evaluate.py
(github.com/scrapinghub/article-extraction-benchmark, `string_shingle_matching`,
`metrics_from_tp_fp_fns`), followed exactly:

* tokens are `re.findall(r"\\w+", text)` (flags UNICODE, MULTILINE, IGNORECASE, DOTALL, which
  change nothing here): case is kept, punctuation is dropped. Python's `\\w` has no combining
  marks, so Thai and Indic words are split at their vowel signs, and a run of CJK characters
  (Chinese, Japanese) with no space or punctuation in it is ONE token;
* shingles are the 4-grams of consecutive tokens (across paragraph boundaries), counted as a
  multiset (a Counter): tp = sum of min(gold count, predicted count) over shingles,
  fp = predicted count beyond gold, fn = gold count beyond predicted;
* a text of 1 to 3 tokens has one shingle, all its tokens; an empty text (no token) has none;
* tp, fp and fn are divided by their sum (so each page weighs the same; ratios are unchanged);
* per page precision = tp / (tp + fp) and recall = tp / (tp + fn), except 1.0 when fp = fn = 0;
* precision is averaged over the pages with tp + fp > 0 only, and recall over those with
  tp + fn > 0 only: an empty prediction lowers recall (0) but is left out of precision; an empty
  gold body is left out of recall (and its precision is 0 if anything was predicted);
* F1 = 2PR / (P + R) of the averaged P and R (not the mean of page F1s): P 0.944 and R 0.965
  give F1 0.954.

That figure is the headline. Because a run of CJK characters is one token, one wrong character
in a Chinese or Japanese sentence loses every shingle that contains the sentence; column F1cjk is
the same measure with each Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar character a token
of its own (other tokens as the benchmark has them), the fairer figure for those pages.

Then, with the benchmark's tokens: the pages where the marks raise or lower the page's F1
(2pr / (p + r) of that page) against the unmarked text; per script, the mean recall the marks
lose (unmarked recall - marked recall) and the worst page's loss; and the loading time per page
(median over pages of each page's fastest of 3 runs, in-process, after a warm-up): assay's load
of the file against reading the same file and `trafilatura.extract(html)` with defaults, in the
same run. assay's path runs trafilatura too (`bare_extraction` with metadata, comments off) and
then sanitizes the text, marks it and reads its metadata, so the marks' own cost is at most the
difference; `boilerplate.classify` alone is timed beside it.

Targets (on each set, and on all pages):

  text minus marks F1 >= 0.966
  marks add >= 0.004 F1 over unmarked
  no page in a non-Latin script loses more than 5 points of recall to the marks

`--pages dev` lists every dev page with its marked and unmarked P, R and F1, and for a page that
loses recall to the marks, the marked paragraphs that are body (most of their shingles are in
the gold body; a paragraph of under 4 tokens: its tokens occur in a row in the body) with the
mark's reason. `--pages heldout` does the same for the held-out set, only when asked by name.

    .venv/bin/python bench/boilerplate_eval.py [--set dev|heldout|all] [--pages dev|heldout]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.article import Article  # noqa: E402
from corpus.boilerplate import Judged, classify, dominant_script  # noqa: E402
from corpus.decode import NotText, decode  # noqa: E402
from corpus.loader import load_corpus  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "pages"
SETS = {"dev": "dev", "heldout": "held-out"}  # folder -> name shown
NGRAM = 4
TARGET_F1 = 0.966
TARGET_GAIN = 0.004
TARGET_LOSS = 0.05  # recall lost to the marks on one page of a non-Latin script, at most
REPEAT = 3  # timed runs of a page; its fastest is kept

SYSTEMS = {
    "marked": "assay, text minus marks",
    "unmarked": "assay, text without marks",
    "default": "trafilatura default",
    "no_comments": "trafilatura no comments",
    "precision": "trafilatura favor_precision",
    "recall": "trafilatura favor_recall",
}
TRAFILATURA: dict[str, dict[str, Any]] = {
    "default": {},
    "no_comments": {"include_comments": False},
    "precision": {"favor_precision": True, "include_comments": False},
    "recall": {"favor_recall": True, "include_comments": False},
}

# --- the measure -------------------------------------------------------------------------

TP_FP_FN = tuple[float, float, float]
Tokenizer = Callable[[str], list[str]]

# evaluate.py's `_TOKEN_RE`, flags and all.
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
# Scripts written without spaces between words: each character a token for F1cjk.
_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0003ffff"  # Han, supplementary planes
)
_CJK_TOKEN_RE = re.compile(rf"[{_UNSPACED}]|(?:(?![{_UNSPACED}])\w)+")


def tokens(text: str | None) -> list[str]:
    """The benchmark's tokens (`_tokenize`): runs of `\\w`, case kept."""
    return _TOKEN_RE.findall(text or "")


def cjk_tokens(text: str | None) -> list[str]:
    """`tokens`, except that each CJK or Thai (Lao, Khmer, Myanmar) letter, digit or vowel sign
    is a token of its own; their punctuation separates, as everywhere."""
    return [
        t
        for t in _CJK_TOKEN_RE.findall(text or "")
        if len(t) > 1 or t.isalnum() or t == "_" or unicodedata.category(t).startswith("M")
    ]


TOKENIZERS: dict[str, Tokenizer] = {"benchmark": tokens, "cjk": cjk_tokens}


def shingles(words: Sequence[str], n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """The benchmark's `_ngrams` counted: every n consecutive tokens; fewer than n tokens make
    one shingle of them all, and no token none."""
    found: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(words) - n + 1)):
        shingle = tuple(words[i : i + n])
        if shingle:
            found[shingle] += 1
    return found


def shingle_matching(true: str, pred: str, tokenize: Tokenizer = tokens) -> TP_FP_FN:
    """The benchmark's `string_shingle_matching`: tp, fp and fn of the shingle multisets,
    divided by their sum (all zero when both texts have no token)."""
    true_shingles = shingles(tokenize(true))
    pred_shingles = shingles(tokenize(pred))
    tp = fp = fn = 0.0
    for key in true_shingles.keys() | pred_shingles.keys():
        true_count = true_shingles.get(key, 0)
        pred_count = pred_shingles.get(key, 0)
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(counts: TP_FP_FN) -> float:
    """One page's F1, from its own precision and recall (for comparing two texts of a page)."""
    p, r = precision_score(*counts), recall_score(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(counts: Iterable[TP_FP_FN]) -> tuple[float, float, float]:
    """The benchmark's `metrics_from_tp_fp_fns`: precision averaged over pages that predicted
    something, recall over pages with a gold body, F1 of the two averages (NaN: no such page;
    the benchmark raises there)."""
    counted = list(counts)
    precisions = [precision_score(*c) for c in counted if c[0] + c[1] > 0]
    recalls = [recall_score(*c) for c in counted if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else math.nan
    recall = statistics.mean(recalls) if recalls else math.nan
    if math.isnan(precision) or math.isnan(recall):
        return precision, recall, math.nan
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    set: str  # "dev" or "held-out"
    path: Path
    kind: str  # "html" or "txt"
    language: str
    script: str
    site: str
    body: str

    @property
    def name(self) -> str:
        return f"{self.set}/{self.path.name}"

    @property
    def latin(self) -> bool:
        return self.script.strip().lower() == "latin"


@dataclass
class Result:
    page: Page
    article: Article | None
    texts: dict[str, str]  # system -> predicted text
    counts: dict[str, dict[str, TP_FP_FN]] = field(default_factory=dict)  # tokenizer, system
    assay_ms: float = 0.0
    trafilatura_ms: float | None = None  # HTML pages only
    classify_ms: float = 0.0

    def recall(self, system: str) -> float:
        return recall_score(*self.counts["benchmark"][system])

    @property
    def recall_lost(self) -> float:
        """Never below 0 (cutting text cannot add a true shingle); rounding noise is 0."""
        lost = self.recall("unmarked") - self.recall("marked")
        return lost if abs(lost) > 1e-9 else 0.0


def load_pages(folder: Path, name: str) -> tuple[list[Page], int]:
    """The pages of every manifest*.jsonl in `folder`, and how many lines were skipped (file
    missing, unreadable line, or a file listed twice)."""
    pages: list[Page] = []
    seen: set[str] = set()
    skipped = 0
    for manifest in sorted(folder.glob("manifest*.jsonl")):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                path = folder / str(entry["file"])
                body = str(entry["body"])
            except (ValueError, KeyError, TypeError):
                skipped += 1  # a line being written, or not a page
                continue
            if not path.is_file() or path.name in seen:
                skipped += 1
                continue
            seen.add(path.name)
            kind = str(entry.get("kind") or ("html" if path.suffix.startswith(".htm") else "txt"))
            script = str(entry.get("script") or "").strip()
            if not script:
                script = (dominant_script(body) or "unknown").title()
            pages.append(
                Page(
                    set=name,
                    path=path,
                    kind=kind,
                    language=str(entry.get("language") or ""),
                    script=script,
                    site=str(entry.get("site") or ""),
                    body=body,
                )
            )
    return pages, skipped


def minus_marks(article: Article) -> str:
    """The article's text with its boilerplate ranges cut out (a line break in place of each)."""
    kept: list[str] = []
    at = 0
    for start, end in article.boilerplate:
        kept.append(article.text[at:start])
        at = end
    kept.append(article.text[at:])
    return "\n".join(kept)


def file_text(path: Path) -> str:
    """A file's text, decoded as the loader decodes it."""
    try:
        return decode(path.read_bytes(), html=path.suffix.lower() in (".html", ".htm")).text
    except NotText:
        return ""


def timed(work: Callable[[], object], repeat: int = REPEAT) -> tuple[Any, float]:
    """What `work` gives, and its fastest time of `repeat` runs, in ms."""
    best = math.inf
    given: Any = None
    for _ in range(repeat):
        began = time.perf_counter()
        given = work()
        best = min(best, (time.perf_counter() - began) * 1000)
    return given, best


def run_page(page: Page) -> Result:
    """Every system's text of one page, and the times."""
    import trafilatura  # slow to import: only once pages exist

    (articles, _problems), assay_ms = timed(lambda: load_corpus([str(page.path)]))
    article = articles[0] if articles else None
    texts = {
        "marked": minus_marks(article) if article else "",
        "unmarked": article.text if article else "",
    }
    trafilatura_ms = None
    if page.kind == "html":
        for system, settings in TRAFILATURA.items():

            def extract(settings: dict[str, Any] = settings) -> Any:
                return trafilatura.extract(file_text(page.path), **settings)

            extracted, ms = timed(extract, REPEAT if system == "default" else 1)
            texts[system] = extracted or ""
            if system == "default":
                trafilatura_ms = ms
    else:
        own = file_text(page.path)
        texts.update(dict.fromkeys(TRAFILATURA, own))
    classify_ms = timed(lambda: classify(article.text))[1] if article is not None else 0.0
    result = Result(page, article, texts, {}, assay_ms, trafilatura_ms, classify_ms)
    for name, tokenize in TOKENIZERS.items():
        result.counts[name] = {
            system: shingle_matching(page.body, text, tokenize) for system, text in texts.items()
        }
    return result


def warm_up(pages: Sequence[Page]) -> None:
    """Imports and compiled rules, once, before anything is timed."""
    import trafilatura

    for kind in ("html", "txt"):
        page = next((p for p in pages if p.kind == kind), None)
        if page is not None:
            load_corpus([str(page.path)])
            if kind == "html":
                trafilatura.extract(file_text(page.path))


# --- report --------------------------------------------------------------------------------


def fmt(value: float) -> str:
    return "   -  " if math.isnan(value) else f"{value:6.3f}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def columns(groups: dict[str, list[Result]]) -> list[tuple[str, list[Result]]]:
    """The sets shown side by side, and "all" when there are two."""
    shown = [(name, results) for name, results in groups.items() if results]
    if len(shown) > 1:
        shown.append(("all", [r for _, rs in shown for r in rs]))
    return shown


def table(title: str, groups: dict[str, list[Result]]) -> None:
    shown = columns(groups)
    if not shown:
        return
    print(title)
    width = 4 * 6 + 3
    print(
        " " * 28
        + "".join(f"{name} ({plural(len(rs), 'page')})".center(width) for name, rs in shown)
    )
    print(" " * 28 + "".join(f"{'P':>6}{'R':>6}{'F1':>6}{'F1cjk':>6}   " for _ in shown))
    for system, label in SYSTEMS.items():
        cells = []
        for _, results in shown:
            p, r, f1 = metrics(x.counts["benchmark"][system] for x in results)
            f1c = metrics(x.counts["cjk"][system] for x in results)[2]
            cells.append(f"{fmt(p)}{fmt(r)}{fmt(f1)}{fmt(f1c)}   ")
        print(f"{label:<28}" + "".join(cells))
    print()


def marks_effect(groups: dict[str, list[Result]]) -> None:
    print("the marks against the unmarked text, per page F1 (benchmark tokens):")
    for name, results in columns(groups):
        raised = lowered = 0
        for x in results:
            change = page_f1(x.counts["benchmark"]["marked"]) - page_f1(
                x.counts["benchmark"]["unmarked"]
            )
            raised += change > 1e-12
            lowered += change < -1e-12
        same = len(results) - raised - lowered
        print(
            f"  {name:<9} raised on {raised}, lowered on {lowered},"
            f" unchanged on {plural(same, 'page')}"
        )
    print()


def losses_by_script(results: Sequence[Result]) -> None:
    print("recall lost to the marks (unmarked recall - marked recall), by script:")
    print(f"  {'script':<18}{'pages':>6}{'mean loss':>11}{'worst':>8}   worst page")
    by_script: dict[str, list[Result]] = {}
    for x in results:
        by_script.setdefault(x.page.script, []).append(x)
    for script, group in sorted(by_script.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        worst = max(group, key=lambda x: x.recall_lost)
        mean = statistics.mean(x.recall_lost for x in group)
        print(
            f"  {script:<18}{len(group):>6}{mean:>11.4f}{worst.recall_lost:>8.4f}"
            f"   {worst.page.name if worst.recall_lost > 0 else '-'}"
        )
    print()


def targets(groups: dict[str, list[Result]]) -> None:
    shown = columns(groups)
    if not shown:
        return
    print("targets".ljust(58) + "".join(f"{name:<16}" for name, _ in shown))

    def cell(value: str, ok: bool) -> str:
        return f"{value:>7} {'PASS' if ok else 'FAIL'}    "

    cells = []
    for _, results in shown:
        f1 = metrics(x.counts["benchmark"]["marked"] for x in results)[2]
        cells.append(cell(fmt(f1).strip(), f1 >= TARGET_F1))
    print(f"  text minus marks F1 >= {TARGET_F1:.3f}".ljust(58) + "".join(cells))
    cells = []
    for _, results in shown:
        marked = metrics(x.counts["benchmark"]["marked"] for x in results)[2]
        unmarked = metrics(x.counts["benchmark"]["unmarked"] for x in results)[2]
        gain = marked - unmarked
        cells.append(cell(f"{gain:+.3f}", gain >= TARGET_GAIN))
    print(f"  marks add >= {TARGET_GAIN:.3f} F1 over unmarked".ljust(58) + "".join(cells))
    cells = []
    for _, results in shown:
        others = [x.recall_lost for x in results if not x.page.latin]
        worst = max(others, default=0.0)
        cells.append(cell(f"{worst * 100:.1f}pt" if others else "none", worst <= TARGET_LOSS))
    line = f"  no page in a non-Latin script loses more than {TARGET_LOSS * 100:.0f} points"
    print(line.ljust(58) + "".join(cells))
    print("  of recall to the marks (the worst page's loss; none: no non-Latin page)")
    print()


def timings(results: Sequence[Result]) -> None:
    html = [x for x in results if x.page.kind == "html" and x.trafilatura_ms is not None]
    txt = [x for x in results if x.page.kind != "html"]
    print(
        f"loading time per page, median ms (in-process, after a warm-up; a page's fastest of"
        f" {REPEAT} runs):"
    )
    if html:
        ours = statistics.median(x.assay_ms for x in html)
        theirs = statistics.median(x.trafilatura_ms or 0.0 for x in html)
        marks = statistics.median(x.classify_ms for x in html)
        ratio = f"{ours / theirs:.2f}x" if theirs else "-"
        print(
            f"  {'html (' + plural(len(html), 'page') + ')':<18}assay {ours:5.1f}"
            f"   trafilatura default {theirs:5.1f}   ratio {ratio:<7}"
            f"boilerplate.classify alone {marks:4.1f}"
        )
    if txt:
        ours = statistics.median(x.assay_ms for x in txt)
        marks = statistics.median(x.classify_ms for x in txt)
        print(
            f"  {'txt (' + plural(len(txt), 'page') + ')':<18}assay {ours:5.1f}"
            f"   {'(no trafilatura)':<41}boilerplate.classify alone {marks:4.1f}"
        )
    if html:
        print(
            "  assay's load runs trafilatura too (bare_extraction with metadata, no comments),"
            " then sanitizes,\n  marks and reads metadata: the marks' own cost is the difference"
            f" at most ({ours_html(html):+.1f} ms);\n  boilerplate.classify alone is that cost"
            " measured directly"
        )
    print()


def ours_html(html: Sequence[Result]) -> float:
    """assay's median time less trafilatura's, on HTML pages."""
    return statistics.median(x.assay_ms for x in html) - statistics.median(
        x.trafilatura_ms or 0.0 for x in html
    )


def body_paragraphs(result: Result) -> list[Judged]:
    """The marked paragraphs of the page that are gold body: most of their shingles are in the
    body, or, under 4 tokens, their tokens are in a row in it."""
    if result.article is None:
        return []
    gold_tokens = tokens(result.page.body)
    gold = shingles(gold_tokens)
    joined = "\x00" + "\x00".join(gold_tokens) + "\x00"
    found = []
    for item in classify(result.article.text):
        if item.reason is None:
            continue
        words = tokens(item.paragraph.text)
        if not words:
            continue
        if len(words) < NGRAM:
            body = "\x00" + "\x00".join(words) + "\x00" in joined
        else:
            own = shingles(words)
            body = sum(min(c, gold[s]) for s, c in own.items()) * 2 >= sum(own.values())
        if body:
            found.append(item)
    return found


def list_pages(name: str, results: Sequence[Result]) -> None:
    print(f"{name} pages (benchmark tokens)")
    print(
        f"  {'page':<40}{'kind':<5}{'script':<13}{'marked P':>9}{'R':>6}{'F1':>6}"
        f"{'unmarked P':>12}{'R':>6}{'F1':>6}{'R lost':>8}"
    )
    for x in results:
        m, u = x.counts["benchmark"]["marked"], x.counts["benchmark"]["unmarked"]
        print(
            f"  {x.page.path.name[:39]:<40}{x.page.kind:<5}{x.page.script[:12]:<13}"
            f"{precision_score(*m):>9.3f}{recall_score(*m):>6.3f}{page_f1(m):>6.3f}"
            f"{precision_score(*u):>12.3f}{recall_score(*u):>6.3f}{page_f1(u):>6.3f}"
            f"{x.recall_lost:>8.3f}"
        )
        if x.recall_lost > 0:
            marked = body_paragraphs(x)
            for item in marked:
                text = " ".join(item.paragraph.text.split())
                text = text if len(text) <= 150 else text[:149] + "…"
                print(f"      marked body [{item.reason}] {text!r}")
            if not marked:
                print("      (no marked paragraph is mostly body: shingles across a mark's edges)")
    print()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--set", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument(
        "--pages",
        choices=list(SETS),
        help="list every page of a set with its figures (heldout only by name)",
    )
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of dev/ and heldout/")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    wanted = list(SETS) if args.set == "all" else [args.set]
    if args.pages and args.pages not in wanted:
        wanted.append(args.pages)
    pages: dict[str, list[Page]] = {}
    notes = []
    for folder in wanted:
        found, skipped = load_pages(args.gold / folder, SETS[folder])
        pages[SETS[folder]] = found
        kinds = Counter(p.kind for p in found)
        notes.append(
            f"{SETS[folder]} {len(found)} pages ({kinds['html']} html, {kinds['txt']} txt"
            f"{f'; {skipped} manifest lines skipped' if skipped else ''})"
        )
    print(f"gold {args.gold}: " + "; ".join(notes))
    print(
        "measure: article-extraction-benchmark (evaluate.py): 4-word shingles of \\w+ tokens,"
        " P and R per page\naveraged over pages, F1 of the averages; F1cjk the same with each"
        " CJK/Thai character a token"
    )
    print()
    everything = [p for found in pages.values() for p in found]
    if not everything:
        print("no pages yet")
        print(f"({time.perf_counter() - began:.1f} s)")
        return
    warm_up(everything)
    results = {name: [run_page(p) for p in found] for name, found in pages.items()}
    shown = {
        name: rs for name, rs in results.items() if args.set == "all" or name == SETS[args.set]
    }

    def of_kind(kind: str) -> dict[str, list[Result]]:
        return {name: [x for x in rs if x.page.kind == kind] for name, rs in shown.items()}

    table("all pages", shown)
    table("html pages", of_kind("html"))
    table("txt pages (trafilatura rows: the file's own text)", of_kind("txt"))
    marks_effect(shown)
    losses_by_script([x for rs in shown.values() for x in rs])
    targets(shown)
    timings([x for rs in shown.values() for x in rs])
    if args.pages:
        list_pages(SETS[args.pages], results[SETS[args.pages]])
    print(f"({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
