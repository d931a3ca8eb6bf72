"""`assay merge`: write the spans a team agrees on into a gold annotator's store.

The plan and the writing are annotations/merge.py; this module checks the command line, holds
gold's lock while it merges, and says what was added and what is left to review. The named
annotators' stores are only read (opened read-only by the workspace walk).
"""

from __future__ import annotations

import argparse
import shlex
from collections import Counter

from annotations.merge import ArticleMerge, MergePlan, apply_merge, plan_merge
from annotations.storage import CorruptFile
from annotations.store import Store, StoreError, annotator_name
from annotations.team import GOLD, POLICIES, Selection, select
from annotations.workspace import Workspace, default_workspace
from corpus.text import counted, sanitize_line, terminal_safe
from reader.output import PROG, say
from reader.workspace_cli import (
    LazyCorpus,
    add_corpus_option,
    add_workspace_options,
    annotator_option,
)

# Articles listed one by one in the report unless --verbose: the totals say the rest.
SHOWN = 20


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} merge",
        description="Write into a gold annotator's store every span that all (agreed) or more "
        "than half (majority) of the named annotators made exactly, on the articles all of "
        "them marked done. Each span carries origin 'review' and who made it. Running it "
        "again adds nothing; each article's spans are one undoable change in gold. The named "
        "annotators' stores are only read.",
    )
    add_workspace_options(parser, annotator=False)
    parser.add_argument(
        "--annotators",
        required=True,
        metavar="A,B[,C]",
        help="the annotators to merge, at least two, separated by commas",
    )
    parser.add_argument(
        "--as",
        dest="gold",
        metavar="NAME",
        type=annotator_option,
        default=GOLD,
        help=f"the annotator the merged spans go to; not one of --annotators (default: {GOLD})",
    )
    parser.add_argument(
        "--policy",
        required=True,
        choices=POLICIES,
        help="agreed: spans every annotator of the article made; majority: spans more than "
        "half of them made",
    )
    parser.add_argument(
        "--include-unfinished",
        action="store_true",
        help="also articles not everyone marked done: every article that at least two of "
        "them annotated, merged among those who did",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be added and what would be left to review; write nothing",
    )
    add_corpus_option(parser)
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=f"list every article merged and every one left to review (default: the first "
        f"{SHOWN} of each)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except (StoreError, CorruptFile) as exc:
        say(str(exc))
        return 1


def _run(args: argparse.Namespace) -> int:
    workspace = Workspace(args.workspace or default_workspace())
    annotators = _annotators(workspace, args.annotators, args.gold)
    if annotators is None:
        return 1
    selection = select(
        workspace, annotators, include_unfinished=args.include_unfinished, on_problem=None
    )
    if not selection.articles:
        _nothing_to_merge(selection)
        return 1
    corpus = LazyCorpus(args.corpus)
    if args.dry_run:
        # Read-only: nothing is created, not even gold's folder.
        with Store.open(workspace.root, args.gold, read_only=True, labels=None) as gold:
            plan = plan_merge(workspace, selection, gold, args.policy, corpus=corpus)
    else:
        with Store.open(workspace.root, args.gold, labels=None) as gold:
            if gold.read_only:
                say(
                    f"cannot merge into {args.gold}: {gold.read_only_reason or 'read-only'}. "
                    f"Nothing was written; run the merge again when it can write there."
                )
                return 1
            # Planned with gold's lock held: nobody adds to gold between the plan and the
            # writing, so what the plan found already there is still there.
            plan = plan_merge(workspace, selection, gold, args.policy, corpus=corpus)
            apply_merge(plan, gold)
    for line in report(plan, args):
        print(terminal_safe(line), flush=True)
    for problem in plan.problems:
        say(problem)
    for drift in plan.drifted:
        say(f"drift: {drift.describe()}; not merged")
    if plan.stopped:
        say(
            f"the merge stopped part way: {plan.stopped}. What is listed above was written; "
            f"running the merge again adds the rest (nothing is added twice)"
        )
        return 1
    if plan.problems:
        say("the merge is incomplete: what could not be read is listed above (exit status 1)")
        return 1
    return 0


def _annotators(workspace: Workspace, raw: str, gold: str) -> list[str] | None:
    """The annotators named by --annotators, each checked; None (after saying why) when
    they cannot be merged."""
    names = []
    for piece in raw.split(","):
        if not piece.strip():
            say(f"--annotators {raw!r}: an empty name (separate names with single commas)")
            return None
        try:
            name = annotator_name(piece.strip())
        except StoreError as exc:
            say(f"--annotators: {exc}")
            return None
        if name in names:
            say(f"--annotators names {name} twice")
            return None
        names.append(name)
    if len(names) < 2:
        say(f"--annotators names {counted(len(names), 'annotator')}: a merge needs at least two")
        return None
    if gold in names:
        say(
            f"--as {gold} is one of --annotators: the merge writes into {gold} and only reads "
            f"the annotators, so they must differ (--as NAME chooses another)"
        )
        return None
    present = workspace.annotators()
    missing = [n for n in names if n not in present]
    if missing:
        there = f"annotators there: {', '.join(present)}" if present else "it has none"
        say(f"no annotations by {', '.join(missing)} in {workspace.root} ({there})")
        return None
    return names


def _nothing_to_merge(selection: Selection) -> None:
    who = ", ".join(selection.annotators)
    if selection.left_out:
        say(
            f"nothing to merge: no {selection.rule()} ({who}); "
            f"{counted(len(selection.left_out), 'article')} left out: {_reasons(selection)}"
        )
    else:
        say(f"nothing to merge: {who} have no articles")
    if not selection.include_unfinished and any(
        reason.startswith("not done") for _article, reason in selection.left_out
    ):
        say("--include-unfinished also merges articles that at least two of them annotated")
    for problem in selection.problems:
        say(problem)


def _reasons(selection: Selection, most: int = 5) -> str:
    """Why articles were left out, counted by reason."""
    reasons = Counter(reason for _article, reason in selection.left_out)
    shown = [f"{reason} ({n})" for reason, n in reasons.most_common(most)]
    if len(reasons) > most:
        shown.append(f"{len(reasons) - most} other reasons")
    return "; ".join(shown)


def report(plan: MergePlan, args: argparse.Namespace) -> list[str]:
    """What the merge added (or would add) and what is left to review, as lines."""
    selection = plan.selection
    gold = plan.gold
    lines = [
        f"merge of {', '.join(selection.annotators)} into {gold}, policy {plan.policy}",
        f"  {counted(len(plan.articles), 'article')} used: the {selection.rule()}",
    ]
    if selection.left_out:
        lines.append(
            f"  {counted(len(selection.left_out), 'other article')} left out: {_reasons(selection)}"
        )
    count = plan.planned if args.dry_run else plan.added
    labels = _labels(plan.labels()) or "none"
    changed = [m for m in plan.articles if (m.planned if args.dry_run else m.added)]
    verb = "would add" if args.dry_run else "added"
    if count:
        head = f"{verb} {counted(count, 'span')} ({labels}) on {counted(len(changed), 'article')}"
    else:
        head = f"{verb} nothing"
    if plan.present:
        head += f"; {counted(plan.present, 'span')} {gold} already had"
    if plan.drifted:
        head += f"; {counted(len(plan.drifted), 'span')} left out, their text changed"
    if args.dry_run:
        head += "; nothing was written (dry run)"
    lines.append(head)
    shown = changed if args.verbose else changed[:SHOWN]
    for article in shown:
        lines.append(f"  {_name(article)}: {_added(article, args.dry_run)}")
    if len(changed) > len(shown):
        lines.append(f"  ... and {counted(len(changed) - len(shown), 'more article')} (--verbose)")
    if changed and not args.dry_run:
        reader = command(args, None, "--annotator", gold)
        lines.append(f"  one undo takes back one article: 'u' in {reader}")
    lines += _left_to_review(plan, args)
    return lines


def _left_to_review(plan: MergePlan, args: argparse.Namespace) -> list[str]:
    left = plan.to_review()
    would = "would be " if args.dry_run else ""
    if not left:
        return [f"nothing {would}left to review: no disagreement group is open"]
    lines = [
        f"{would}left to review: {counted(plan.open, 'disagreement group')} on "
        f"{counted(len(left), 'article')}" + (", most first:" if len(left) > 1 else ":")
    ]
    shown = left if args.verbose else left[:SHOWN]
    for article in shown:
        lines.append(f"  {_name(article)}: {counted(len(article.open_groups), 'group')}")
    if len(left) > len(shown):
        lines.append(f"  ... and {counted(len(left) - len(shown), 'more article')} (--verbose)")
    lines.append(f"next: {review_command(plan, args)}")
    return lines


def review_command(plan: MergePlan, args: argparse.Namespace) -> str:
    """The `assay review` command that walks what this merge left, quoted for a shell."""
    who = ",".join(plan.selection.annotators)
    return command(args, "review", "--annotators", who, "--as", plan.gold)


def command(args: argparse.Namespace, subcommand: str | None, *options: str) -> str:
    """An assay command (the reader when `subcommand` is None) on this merge's workspace,
    quoted for a shell."""
    words = [PROG] if subcommand is None else [PROG, subcommand]
    if args.workspace is not None:
        words += ["--workspace", str(args.workspace)]
    return " ".join(shlex.quote(w) for w in [*words, *options])


def _name(article: ArticleMerge) -> str:
    title = sanitize_line(article.title)
    if len(title) > 40:
        title = title[:39] + "…"
    return f"{title} ({article.article_id})" if title else article.article_id


def _added(article: ArticleMerge, dry_run: bool) -> str:
    if dry_run:
        labels = Counter(p.span.label for p in article.planned)
    else:
        labels = Counter(a.label for a in article.added)
    text = f"+{sum(labels.values())} ({_labels(labels)})"
    if article.present:
        text += f", {article.present} already there"
    if article.drifted:
        text += f", {len(article.drifted)} left out (text changed)"
    return text


def _labels(counts: Counter[str]) -> str:
    """ "2 claim, 1 figure": labels come from annotators' files, shown on one line each."""
    return ", ".join(f"{n} {sanitize_line(label)}" for label, n in sorted(counts.items()))
