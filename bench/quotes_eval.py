"""Quotations and speakers: assay's quotes against textacy's `direct_quotations`.

Both tools read the same five built-in articles through the same spaCy pipeline and are
scored against the same hand-written gold (tests/gold/quotes.jsonl) by corpus/evaluate.py:
recall and precision of direct quotations, and speaker accuracy (gold quotations found with
the right speaker, over all gold quotations, speakers compared by surname). textacy raises
on an odd number of quote marks; an article where it raises counts as no predictions, which is
what a user of it gets. Targets: assay ahead on every figure, speaker accuracy at least 10
points ahead. textacy comes with the bench extra: pip install -e '.[bench]'.

    .venv/bin/python bench/quotes_eval.py [--model M]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.analysis import Analyzer  # noqa: E402
from corpus.evaluate import Scores, Span, load_gold, score  # noqa: E402
from corpus.loader import load_corpus  # noqa: E402
from corpus.nlp import choose_pipeline, load_pipeline  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "quotes.jsonl"
SPEAKER_LEAD = 0.10


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--model", default=None, help="spaCy pipeline (as `assay` chooses)")
    args = parser.parse_args(argv)
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        raise SystemExit("textacy is not installed: pip install -e '.[bench]'") from None

    choice = choose_pipeline(args.model)
    nlp = load_pipeline(choice)
    articles, _ = load_corpus()
    texts = {a.source[:3]: a.text for a in articles}
    gold = load_gold(GOLD, texts)
    analyzer = Analyzer(choice, None, nlp=nlp)

    ours = theirs = Scores(0, 0, 0, 0)
    ours_fragments = Scores(0, 0, 0, 0)
    rows: list[str] = []
    for article, analysis in analyzer.analyze_many(articles):
        key = article.source[:3]
        predicted = [Span(q["start"], q["end"], q["speaker"], q["kind"]) for q in analysis.quotes]
        mine = score(gold[key], predicted)
        ours += mine
        ours_fragments += score(gold[key], predicted, kind="fragment")
        doc = nlp(article.text)
        try:
            triples = list(direct_quotations(doc))
            note = ""
        except ValueError as exc:
            triples, note = [], f"raised: {str(exc).split(';')[0]}"
        other = score(
            gold[key],
            [
                Span(t.content.start_char, t.content.end_char, " ".join(s.text for s in t.speaker))
                for t in triples
            ],
        )
        theirs += other
        rows.append(
            f"{key:<8}{mine.gold:>5}{mine.matched:>7}{mine.speakers_right:>9}"
            f"{other.matched:>10}{other.speakers_right:>9}   {note}"
        )

    print(f"pipeline  {choice.key}; gold {GOLD.relative_to(ROOT)}")
    print()
    print(f"{'article':<8}{'gold':>5}{'found':>7}{'speaker':>9}{'textacy':>10}{'speaker':>9}")
    print("\n".join(rows))
    print()
    print(f"{'figure':<20}{'assay':>8}{'textacy':>9}   target                 result")
    figures = [
        ("recall", ours.recall, theirs.recall, 0.0),
        ("precision", ours.precision, theirs.precision, 0.0),
        ("speaker accuracy", ours.speaker_accuracy, theirs.speaker_accuracy, SPEAKER_LEAD),
    ]
    for name, a, b, lead in figures:
        target = f"ahead by >= {lead * 100:.0f} points" if lead else "ahead"
        ok = a - b >= lead if lead else a > b or a == b == 1.0
        print(f"{name:<20}{a:>8.0%}{b:>9.0%}   {target:<22} {'PASS' if ok else 'FAIL'}")
    print()
    print(
        f"assay also keeps {ours_fragments.matched} of {ours_fragments.gold} scare-quote "
        f"fragments apart (textacy has no such notion); direct quotations: gold {ours.gold}, "
        f"assay predicted {ours.predicted}, textacy predicted {theirs.predicted}."
    )


if __name__ == "__main__":
    main()
