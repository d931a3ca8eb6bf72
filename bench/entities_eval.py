"""Named entities: assay's entities against the raw spaCy pipeline it is built on.

Gold: tests/gold/entities_dev.jsonl (the set rules are tuned on) and
tests/gold/entities_heldout.jsonl (held out: its misses are not read while rules are written).
Each is real-style news passages, most taken from the quotation gold (news_dev.jsonl for dev,
news_heldout_b.jsonl and news_heldout_g.jsonl for held-out), plus short passages written around
the hard cases: Title Case and ALL-CAPS headlines, datelines ("LONDON 1996-12-06", "MOSCOW,
March 3 (Reuters) -"), editors' bracketed inserts ("[US President Donald] Trump"), photo captions
and credits, the same entity written several ways, surnames after a first full mention, and
people introduced with titles. Every mention of five types is marked, CoNLL-like spans with
OntoNotes-like types: PERSON (no titles or honorifics, no possessive 's), ORG, GPE, LOC and NORP.

Both systems read each passage as an article (`make_article`), through the same pipeline: raw
spaCy is `nlp(article.text).ents`; assay is `Analyzer.analyze(article).entities` (boilerplate
marking included, as the reader runs it). Only the five types are scored; predictions of other
labels are ignored. A match is strict: same start, end and label. Per set and per type: gold
count, precision, recall and F1 of each, and overall micro figures with the difference in F1
points (assay - raw); lenient overall F1 (overlapping spans, same label, one to one) is shown
as a secondary figure. Targets, on each set:

  overall strict F1                 assay at least 2 points above raw spaCy
  strict F1 of each type            assay not below raw spaCy

Entity groups: every gold mention also names the real-world entity it refers to ("entity").
Over the gold mentions assay matched strictly and put in a group (the matching entity's
`group`): "groups per real entity" is, for each gold entity with at least 2 such mentions, the
number of distinct assay groups among them (mean, and the share kept whole in exactly one);
"merged wrongly" counts assay groups whose matched mentions name 2 or more gold entities (and
the gold entities involved), out of the groups with matched mentions. The same two figures are
shown for a naive baseline that groups the same mentions by their exact text.

`--misses dev` lists assay's false negatives and false positives on the development set, with
some context, and the gold entities split over several groups and the groups merged wrongly;
`--misses heldout` does the same for the held-out set, only when asked by name.

    .venv/bin/python bench/entities_eval.py [--model M] [--misses dev|heldout]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.analysis import Analyzer  # noqa: E402
from corpus.article import make_article  # noqa: E402
from corpus.nlp import choose_pipeline, load_pipeline  # noqa: E402

GOLD_SETS = {
    "dev": ROOT / "tests" / "gold" / "entities_dev.jsonl",
    "held-out": ROOT / "tests" / "gold" / "entities_heldout.jsonl",
}
MISSES = {"dev": "dev", "heldout": "held-out"}
TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
LEAD = 0.02  # overall strict F1: assay ahead of raw spaCy by at least this
CONTEXT = 40  # characters either side of a miss

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Passage:
    id: str
    style: str
    text: str
    entities: tuple[Span, ...]
    identities: tuple[tuple[Span, str], ...] = ()  # each gold mention's real-world entity


@dataclass
class Counts:
    """Strict true positives, predictions and gold mentions, per type."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    lenient_tp: int = 0

    def add(self, gold: Sequence[Span], predicted: Sequence[Span]) -> None:
        matched = set(gold) & set(predicted)
        for _, _, label in gold:
            self.gold[label] += 1
        for _, _, label in predicted:
            self.pred[label] += 1
        for _, _, label in matched:
            self.tp[label] += 1
        self.lenient_tp += lenient_matches(gold, predicted)

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or micro over all five."""
        labels = TYPES if label is None else (label,)
        tp = sum(self.tp[k] for k in labels)
        pred = sum(self.pred[k] for k in labels)
        gold = sum(self.gold[k] for k in labels)
        return prf(tp, pred, gold)

    def lenient_f1(self) -> float:
        return prf(self.lenient_tp, sum(self.pred.values()), sum(self.gold.values()))[2]


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def lenient_matches(gold: Sequence[Span], predicted: Sequence[Span]) -> int:
    """Gold mentions overlapped by a prediction of the same label, each prediction used once."""
    used: set[int] = set()
    found = 0
    for g_start, g_end, g_label in gold:
        for k, (p_start, p_end, p_label) in enumerate(predicted):
            if k not in used and p_label == g_label and p_start < g_end and g_start < p_end:
                used.add(k)
                found += 1
                break
    return found


def load_passages(path: Path) -> list[Passage]:
    """One passage a line; every entity's text checked against its offsets."""
    passages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        spans = []
        identities = []
        for e in row["entities"]:
            if text[e["start"] : e["end"]] != e["text"] or e["label"] not in TYPES:
                raise SystemExit(f"{path.name}:{number}: bad entity {e}")
            span = (e["start"], e["end"], e["label"])
            spans.append(span)
            if e.get("entity"):
                identities.append((span, e["entity"]))
        passages.append(
            Passage(
                row["id"],
                row.get("style", ""),
                text,
                tuple(sorted(spans)),
                tuple(sorted(identities)),
            )
        )
    return passages


def keep(spans: Iterable[Span]) -> list[Span]:
    return sorted(s for s in spans if s[2] in TYPES)


def evaluate(
    passages: Sequence[Passage],
    analyzer: Analyzer,
    groups: dict[str, dict[Span, str]] | None = None,
) -> tuple[Counts, Counts, list[tuple[Passage, list[Span]]]]:
    """Raw spaCy's and assay's counts on a set, and assay's predictions of each passage; when
    `groups` is given, it is filled with each passage's assay group id of each predicted span
    that has one (by passage id)."""
    nlp = analyzer.nlp
    raw, ours = Counts(), Counts()
    read: list[tuple[Passage, list[Span]]] = []
    articles = []
    usable = []
    for passage in passages:
        article = make_article(passage.text, f"{passage.id}.txt")
        if article.text != passage.text:
            print(f"warning: {passage.id}: the text changed when read as an article; skipped")
            continue
        articles.append(article)
        usable.append(passage)
    for passage, (article, analysis) in zip(usable, analyzer.analyze_many(articles), strict=True):
        raw_spans = keep((e.start_char, e.end_char, e.label_) for e in nlp(article.text).ents)
        our_spans = keep((e.start, e.end, e.label) for e in analysis.entities)
        raw.add(passage.entities, raw_spans)
        ours.add(passage.entities, our_spans)
        read.append((passage, our_spans))
        if groups is not None:
            groups[passage.id] = {
                (e.start, e.end, e.label): e.group
                for e in analysis.entities
                if e.label in TYPES and e.group
            }
    return raw, ours, read


def report(name: str, passages: Sequence[Passage], raw: Counts, ours: Counts) -> None:
    gold = sum(ours.gold.values())
    by_type = ", ".join(f"{k} {ours.gold[k]}" for k in TYPES)
    print(f"{name}: {len(passages)} passages, {gold} entities ({by_type})")
    print(
        f"{'type':<9}{'gold':>6}   {'raw P':>6}{'raw R':>7}{'raw F1':>8}   "
        f"{'assay P':>7}{'assay R':>8}{'assay F1':>9}   {'F1 diff':>7}"
    )
    behind = []
    for label in (*TYPES, None):
        rp, rr, rf = raw.prf(label)
        ap, ar, af = ours.prf(label)
        count = ours.gold[label] if label else gold
        if label is None:
            print("-" * 80)
        elif af < rf:
            behind.append(label)
        print(
            f"{label or 'overall':<9}{count:>6}   {rp:>6.3f}{rr:>7.3f}{rf:>8.3f}   "
            f"{ap:>7.3f}{ar:>8.3f}{af:>9.3f}   {(af - rf) * 100:>+7.1f}"
        )
    raw_f1, our_f1 = raw.prf()[2], ours.prf()[2]
    print(
        f"lenient overall F1 (overlap, same label): raw {raw.lenient_f1():.3f}, "
        f"assay {ours.lenient_f1():.3f} ({(ours.lenient_f1() - raw.lenient_f1()) * 100:+.1f})"
    )
    lead = our_f1 - raw_f1
    print(
        f"target  overall strict F1: assay at least {LEAD * 100:.0f} points above raw spaCy"
        f"   {lead * 100:+.1f}   {'PASS' if lead >= LEAD - 1e-9 else 'FAIL'}"
    )
    print(
        "target  no type below raw spaCy"
        + (f"   below: {', '.join(behind)}   FAIL" if behind else "   PASS")
    )


@dataclass
class Grouping:
    """How a grouping of the matched gold mentions compares with the gold entities."""

    entities: int = 0  # gold entities with at least 2 matched, grouped mentions
    groups_of_entities: int = 0  # the sum, over those, of the groups they are spread over
    whole: int = 0  # those in exactly one group
    groups: int = 0  # groups with matched mentions
    merged: int = 0  # groups whose matched mentions name 2 or more gold entities
    merged_entities: int = 0  # the gold entities in those (each counted once per passage)
    split_cases: list[tuple[str, str, list[list[str]]]] = field(default_factory=list)
    merged_cases: list[tuple[str, list[tuple[str, list[str]]]]] = field(default_factory=list)

    def add(self, passage: Passage, group_of: dict[Span, str]) -> None:
        """One passage: `group_of` gives the group of each matched gold mention (in a group)."""
        by_entity: dict[str, dict[str, list[str]]] = {}
        by_group: dict[str, dict[str, list[str]]] = {}
        for span, entity in passage.identities:
            group = group_of.get(span)
            if not group:
                continue
            words = passage.text[span[0] : span[1]]
            by_entity.setdefault(entity, {}).setdefault(group, []).append(words)
            by_group.setdefault(group, {}).setdefault(entity, []).append(words)
        for entity, spread in by_entity.items():
            if sum(len(v) for v in spread.values()) < 2:
                continue
            self.entities += 1
            self.groups_of_entities += len(spread)
            if len(spread) == 1:
                self.whole += 1
            else:
                self.split_cases.append((passage.id, entity, list(spread.values())))
        involved: set[str] = set()
        self.groups += len(by_group)
        for members in by_group.values():
            if len(members) >= 2:
                self.merged += 1
                involved.update(members)
                self.merged_cases.append((passage.id, list(members.items())))
        self.merged_entities += len(involved)

    def line(self, name: str) -> str:
        mean = self.groups_of_entities / self.entities if self.entities else 0.0
        share = self.whole / self.entities if self.entities else 0.0
        return (
            f"{name:<14}{self.entities:>9}{mean:>11.2f}{share:>11.3f}   "
            f"{self.merged:>4} of {self.groups:<5}{self.merged_entities:>10}"
        )


def grouping(
    read: Sequence[tuple[Passage, Sequence[Span]]], groups: dict[str, dict[Span, str]]
) -> tuple[Grouping, Grouping]:
    """assay's grouping and the exact-text baseline, over the gold mentions assay matched
    strictly and put in a group."""
    ours, naive = Grouping(), Grouping()
    for passage, _predicted in read:
        assay_groups = groups.get(passage.id, {})
        matched = {s: g for s, g in assay_groups.items() if s in set(passage.entities)}
        ours.add(passage, matched)
        naive.add(passage, {s: "text:" + passage.text[s[0] : s[1]] for s in matched})
    return ours, naive


def report_groups(ours: Grouping, naive: Grouping) -> None:
    print(
        "entity groups (gold mentions assay matched strictly and grouped; "
        "gold entities with 2+ such mentions)"
    )
    print(
        f"{'grouping':<14}{'entities':>9}{'groups/ent':>11}{'kept whole':>11}   "
        f"{'merged wrongly':>14}{'gold ents':>10}"
    )
    print(ours.line("assay"))
    print(naive.line("exact text"))


def show_group_errors(found: Grouping, most: int = 15) -> None:
    """Gold entities split over several assay groups, and groups merged wrongly."""
    merged = found.merged_cases[: most // 2]
    split = found.split_cases[: most - len(merged)]
    for passage_id, entity, parts in split:
        texts = " | ".join(", ".join(p) for p in parts)
        print(f"    split  {passage_id}  {entity!r}: {texts}")
    for passage_id, members in merged:
        texts = " | ".join(f"{entity}: {', '.join(words)}" for entity, words in members)
        print(f"    merged {passage_id}  {texts}")
    shown = len(merged) + len(split)
    left = len(found.split_cases) + len(found.merged_cases) - shown
    print(
        f"  {len(found.split_cases)} gold entities split, {len(found.merged_cases)} groups "
        f"merged wrongly" + (f" ({left} not shown)" if left > 0 else "")
    )


def show_misses(read: Sequence[tuple[Passage, Sequence[Span]]]) -> None:
    """assay's false negatives and false positives, each with some context."""

    def context(text: str, start: int, end: int) -> str:
        left = text[max(0, start - CONTEXT) : start]
        right = text[end : end + CONTEXT]
        return f"{left}[[{text[start:end]}]]{right}".replace("\n", " / ")

    misses = extras = 0
    for passage, predicted in read:
        gold = set(passage.entities)
        wrong = [s for s in passage.entities if s not in set(predicted)]
        extra = [s for s in predicted if s not in gold]
        if not wrong and not extra:
            continue
        print(f"  {passage.id} ({passage.style})")
        for start, end, label in wrong:
            print(f"    miss  {label:<6} {context(passage.text, start, end)!r}")
        for start, end, label in extra:
            print(f"    extra {label:<6} {context(passage.text, start, end)!r}")
        misses += len(wrong)
        extras += len(extra)
    print(f"  {misses} false negatives, {extras} false positives")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--model", default=None, help="spaCy pipeline (as `assay` chooses)")
    parser.add_argument(
        "--misses",
        choices=list(MISSES),
        help="list assay's false negatives and positives on a set (heldout only by name)",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    choice = choose_pipeline(args.model)
    if not choice.has_entities:
        raise SystemExit(choice.notice or "no pipeline with entities is installed")
    nlp = load_pipeline(choice)
    analyzer = Analyzer(choice, None, nlp=nlp)
    print(f"pipeline  {choice.key}; strict match = same start, end and label; types {TYPES}")
    print()
    for name, path in GOLD_SETS.items():
        passages = load_passages(path)
        groups: dict[str, dict[Span, str]] = {}
        raw, ours, read = evaluate(passages, analyzer, groups)
        report(name, passages, raw, ours)
        ours_grouping, naive_grouping = grouping(read, groups)
        report_groups(ours_grouping, naive_grouping)
        if args.misses and MISSES[args.misses] == name:
            print()
            print(f"assay's misses on {name}:")
            show_misses(read)
            print(f"assay's grouping errors on {name} (at most 15):")
            show_group_errors(ours_grouping)
        print()
    print(f"({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
