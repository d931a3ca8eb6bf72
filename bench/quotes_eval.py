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
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.analysis import Analyzer  # noqa: E402
from corpus.evaluate import Scores, Span, load_gold, score, surname  # noqa: E402
from corpus.loader import load_corpus  # noqa: E402
from corpus.nlp import choose_pipeline, load_pipeline  # noqa: E402
from corpus.quotes import find_quotes  # noqa: E402
from tests.corpus.test_quotes_other_sites import PASSAGES, Expect  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
        predicted = [Span.of(q) for q in analysis.quotes]
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
    print()
    held_out(nlp, direct_quotations)


def held_out(nlp: Language, direct_quotations: Callable[[Doc], Iterable[Any]]) -> None:
    """The same figures on passages composed in the style of other outlets, which the rules
    were not written from (tests/corpus/test_quotes_other_sites.py)."""
    ours = [0, 0, 0, 0]  # expected, found, speakers right, false positives
    theirs = [0, 0, 0, 0]
    raised = 0
    for item in PASSAGES.values():
        expected = [e for e in item.quotes if e.kind == "direct"]
        doc = nlp(item.text)
        mine = [
            (q.content_start, q.content_end, q.speaker) for q in find_quotes(doc) if q.is_direct
        ]
        try:
            other = [
                (t.content.start_char, t.content.end_char, " ".join(s.text for s in t.speaker))
                for t in direct_quotations(doc)
            ]
        except ValueError:
            other, raised = [], raised + 1
        for tally, predicted in ((ours, mine), (theirs, other)):
            tally[0] += len(expected)
            used: set[int] = set()
            for exp in expected:
                where = item.text.index(exp.content)
                for k, (start, end, speaker) in enumerate(predicted):
                    if k not in used and start <= where and where + len(exp.content) <= end:
                        used.add(k)
                        tally[1] += 1
                        tally[2] += _same_speaker(exp, speaker)
                        break
            tally[3] += len(predicted) - len(used)
    print(f"held out: {len(PASSAGES)} passages in the style of other outlets "
          f"(textacy raised on {raised})")  # fmt: skip
    print(f"{'figure':<20}{'assay':>8}{'textacy':>9}")
    for name, index in (("recall", 1), ("speaker accuracy", 2)):
        print(f"{name:<20}{ours[index] / ours[0]:>8.0%}{theirs[index] / theirs[0]:>9.0%}")
    print(f"{'false positives':<20}{ours[3]:>8}{theirs[3]:>9}")


def _same_speaker(exp: Expect, got: str | None) -> bool:
    accepted = exp.speaker if isinstance(exp.speaker, tuple) else (exp.speaker,)
    return surname(got) in {surname(a) for a in accepted if a}


if __name__ == "__main__":
    main()
