"""Gold export speed: 100,000 annotations over 2,000 news-length articles, one annotator.

Times `export_lines` written to a file: cold (no tokens cached: every article is tokenized),
with one process and with two, and warm (tokens cached by the cold run, as on any later
export), next to the obvious
implementation in the same run (spaCy's tokenizer, a dict per token and `json.dumps` per line,
with the same store reads). Targets for 100,000 annotations: at most 5 s cold, 2 s warm.
Then every other format (doccano's lines, brat's folder, Label Studio's JSON, spaCy's DocBin
of paragraphs), each at most 1.5x the warm Prodigy export.

Articles are the five built-in samples (about 700 words each) made distinct by a number, so
the texts are the size of real news, not toy strings.

    .venv/bin/python bench/export.py [--annotations 100000] [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402

from annotations.export import ExportReport, export_lines, export_records  # noqa: E402
from annotations.formats import brat, docbin, label_studio  # noqa: E402
from annotations.model import Annotation, new_id, now  # noqa: E402
from annotations.storage import AtomicJSONStorage  # noqa: E402
from annotations.store import Store  # noqa: E402
from annotations.workspace import Workspace  # noqa: E402
from corpus.article import make_article  # noqa: E402
from corpus.cache import AnalysisCache  # noqa: E402
from corpus.loader import builtin_paths  # noqa: E402
from corpus.nlp import choose_pipeline  # noqa: E402
from corpus.tokens import Tokenizer  # noqa: E402

TARGET_S = 5.0  # cold: no article tokenized before
WARM_TARGET_S = 2.0  # warm: the tokens cached by an earlier export or analysis
FORMAT_RATIO = 1.5  # any other format, against the Prodigy export with its tokens cached


def fill(workspace: Workspace, n_articles: int, n_annotations: int) -> None:
    samples = [p.read_text("utf-8") for p in builtin_paths()]
    folder = workspace.root / "annotations" / "bench"
    folder.mkdir(parents=True)
    per_article = n_annotations // n_articles
    stamp = now()
    for i in range(n_articles):
        article = make_article(f"Bulletin {i}.\n\n{samples[i % len(samples)]}", f"bench/{i}.txt")
        workspace.save_article(article)
        stride = (len(article.text) - 5) // per_article
        words = [(m, m + 5) for m in range(0, stride * per_article, stride)]
        docs = [
            Annotation(new_id(article.id), article.id, s, e, "claim", article.text[s:e],
                       annotator="bench", created_at=stamp, updated_at=stamp).to_dict()
            for s, e in words
        ]  # fmt: skip
        db = TinyDB(folder / f"{article.id}.json", storage=AtomicJSONStorage)
        db.table("meta").insert({"schema": 1, "article_id": article.id, "annotator": "bench"})
        db.table("annotations").insert_multiple(docs)


def time_ours(workspace: Workspace, tokenizer: Tokenizer, out: Path) -> tuple[float, int]:
    report = ExportReport()
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for line in export_lines(workspace, ["bench"], tokenizer, report):
            handle.write(line)
            handle.write("\n")
    return time.perf_counter() - start, report.spans


def time_doccano(workspace: Workspace, out: Path) -> float:
    report = ExportReport()
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for line in export_lines(workspace, ["bench"], None, report, output_format="doccano"):
            handle.write(line)
            handle.write("\n")
    return time.perf_counter() - start


def time_brat(workspace: Workspace, out: Path) -> float:
    report = ExportReport()
    start = time.perf_counter()
    out.mkdir()
    brat.write_folder(export_records(workspace, ["bench"], report), out, report,
                      by_annotator=False)  # fmt: skip
    return time.perf_counter() - start


def time_label_studio(workspace: Workspace, out: Path) -> float:
    report = ExportReport()
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        label_studio.write_file(export_records(workspace, ["bench"], report), handle, report)
    return time.perf_counter() - start


def time_docbin(workspace: Workspace, tokenizer: Tokenizer, out: Path) -> float:
    """spaCy's DocBin, a Doc per paragraph, with the tokens the warm Prodigy run read."""
    report = ExportReport()
    start = time.perf_counter()
    spacy_tokenizer = tokenizer.spacy_tokenizer()
    builder = docbin.Builder(spacy_tokenizer.vocab, spacy_tokenizer, docbin.Options(), report,
                             docbin.Notes(), tokenizer.name)  # fmt: skip
    docbin.build(export_records(workspace, ["bench"], report), tokenizer.tokenize_many, None,
                 builder)  # fmt: skip
    (part,) = builder.parts(None, 0)
    out.write_bytes(part.docs.to_bytes())
    return time.perf_counter() - start


def time_obvious(workspace: Workspace, out: Path) -> float:
    """Tokenize with spaCy, build a dict per token, `json.dumps` each line."""
    tokenizer = Tokenizer(choose_pipeline())._load()
    start = time.perf_counter()
    with Store.open(workspace.root, "bench", read_only=True) as store, out.open("w") as handle:
        for article_id in store.article_ids():
            annotations = store.for_article(article_id)
            article = workspace.article(article_id)
            assert article is not None
            doc = tokenizer(article.text)
            tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i,
                       "ws": bool(t.whitespace_)} for t in doc]  # fmt: skip
            spans = []
            for a in annotations:
                span = doc.char_span(a.start, a.end, alignment_mode="expand")
                spans.append({"start": a.start, "end": a.end, "label": a.label,
                              "token_start": span.start, "token_end": span.end - 1})  # fmt: skip
            line = {"text": article.text, "meta": {"article_id": article_id},
                    "tokens": tokens, "spans": spans, "answer": "accept"}  # fmt: skip
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--processes", type=int, default=2, help="for the parallel cold run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="assay-export-") as tmp:
        root = Path(tmp)
        workspace = Workspace(root / "ws")
        print(f"filling a workspace: {args.annotations:,} annotations, {args.articles:,} "
              f"articles ...", flush=True)  # fmt: skip
        fill(workspace, args.articles, args.annotations)
        choice = choose_pipeline()
        results = {"obvious (spaCy + json.dumps)": time_obvious(workspace, root / "o.jsonl")}
        for processes in (1, args.processes):
            # A fresh cache each time: "cold" means no article was tokenized before.
            with Tokenizer(choice, AnalysisCache(root / f"c{processes}"), processes) as tokenizer:
                tokenizer._load()  # model loading is start-up, not export
                cold, spans = time_ours(workspace, tokenizer, root / "cold.jsonl")
                results[f"assay cold, {processes} process(es)"] = cold
        results["assay warm (tokens cached)"], _ = time_ours(workspace, tokenizer, root / "w.jsonl")
        others = {
            "doccano": time_doccano(workspace, root / "d.jsonl"),
            "brat (folder)": time_brat(workspace, root / "brat"),
            "Label Studio (JSON)": time_label_studio(workspace, root / "ls.json"),
            "spaCy DocBin (paragraphs)": time_docbin(workspace, tokenizer, root / "c.spacy"),
        }
        size = (root / "w.jsonl").stat().st_size / 2**20
    print(f"{spans:,} spans in {args.articles:,} lines, {size:.0f} MiB of JSONL ({choice.key})")
    print(f"{'':>30}{'seconds':>9}{'vs obvious':>12}  target")
    obvious = results["obvious (spaCy + json.dumps)"]
    for name, seconds in results.items():
        target = WARM_TARGET_S if "warm" in name else TARGET_S
        verdict = f"<= {target:g} s: {'PASS' if seconds <= target else 'FAIL'}"
        print(f"{name:>30}{seconds:>9.2f}{obvious / seconds:>11.1f}x  {verdict}")
    prodigy = results["assay warm (tokens cached)"]
    print(f"\n{'other formats':>30}{'seconds':>9}{'vs Prodigy':>12}  target")
    for name, seconds in others.items():
        ratio = seconds / prodigy
        verdict = (
            f"<= {FORMAT_RATIO:g}x Prodigy warm: {'PASS' if ratio <= FORMAT_RATIO else 'FAIL'}"
        )
        print(f"{name:>30}{seconds:>9.2f}{ratio:>11.2f}x  {verdict}")


if __name__ == "__main__":
    main()
