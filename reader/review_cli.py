"""`assay review`: adjudicate the annotators' disagreements into a gold annotator, by keyboard.

Everything that can be wrong is said before the screen opens: fewer than two annotators, a
name twice, an annotator the workspace does not have, the gold annotator among those reviewed,
no article to review (with why each was left out), no terminal. The annotators' stores are
only ever opened read-only; the gold store is opened as the reader opens an annotator's, so
when another assay holds its lock the review opens read-only and says so here and on screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotations.store import Store, StoreError, annotator_name
from annotations.team import GOLD, select
from annotations.workspace import Workspace, default_workspace
from corpus.nlp import MODEL_ENV
from corpus.text import counted
from reader.output import PROG, say
from reader.workspace_cli import add_workspace_options, annotator_option

MAX_ANNOTATORS = 9  # one digit key each takes their version
_LEFT_OUT_SHOWN = 5


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} review",
        description="Review where annotators disagree and build the gold set by keyboard: "
        "the list counts each article's open disagreement groups, the reader shows every "
        "annotator's spans in a gutter column of their own, and each decision is saved to "
        "the gold annotator with its provenance (undoable). The annotators' annotations are "
        "only read.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="corpus files or folders holding texts the workspace has no copy of "
        "(the built-in corpus is always looked in)",
    )
    add_workspace_options(parser, annotator=False)
    parser.add_argument(
        "--annotators",
        required=True,
        metavar="A,B[,C]",
        help=f"the annotators to review, comma-separated (2 to {MAX_ANNOTATORS}); annotator k "
        "is key k",
    )
    parser.add_argument(
        "--as",
        dest="gold",
        metavar="NAME",
        type=annotator_option,
        default=GOLD,
        help=f"the annotator the decisions are saved to (default: {GOLD})",
    )
    parser.add_argument(
        "--include-unfinished",
        action="store_true",
        help="every article at least two of them annotated (default: those all of them "
        "marked done)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help=f"spaCy pipeline for highlights and tokens (default: ${MODEL_ENV}, as for the reader)",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="analysis cache (default: $ASSAY_CACHE_DIR or the user cache folder)",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return parser


def chosen_annotators(raw: str, gold: str, present: list[str]) -> tuple[list[str], str | None]:
    """The annotators `--annotators` names, or why they cannot be reviewed."""
    names: list[str] = []
    for part in raw.split(","):
        if not part.strip():
            continue
        try:
            name = annotator_name(part.strip())
        except StoreError as exc:
            return [], str(exc)
        if name in names:
            return [], f"{name} is named twice in --annotators"
        names.append(name)
    if len(names) < 2:
        return [], "a review needs at least two annotators: --annotators a,b"
    if len(names) > MAX_ANNOTATORS:
        return [], f"a review takes at most {MAX_ANNOTATORS} annotators (one digit key each)"
    if gold in names:
        return [], (
            f"{gold} is among the annotators reviewed and cannot also receive the decisions: "
            f"choose another name with --as NAME"
        )
    missing = [n for n in names if n not in present]
    if missing:
        there = f"annotators there: {', '.join(present)}" if present else "it has none"
        return [], f"no annotations by {', '.join(missing)} in this workspace ({there})"
    return names, None


def in_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    workspace_root = Path(args.workspace or default_workspace())
    workspace = Workspace(workspace_root)
    annotators, problem = chosen_annotators(args.annotators, args.gold, workspace.annotators())
    if problem is not None:
        say(f"{problem} ({workspace_root})")
        return 1
    if not in_terminal():
        say(
            "review needs a terminal (stdin and stdout are not one here); "
            f"'{PROG} agree' and '{PROG} merge' work without one"
        )
        return 2
    say(f"reading the annotations of {', '.join(annotators)}…")
    selection = select(
        workspace,
        annotators,
        include_unfinished=args.include_unfinished,
        on_problem=lambda found: say(str(found)),
    )
    if not selection.articles:
        say(f"nothing to review: no {selection.rule()} ({', '.join(annotators)})")
        for article_id, why in selection.left_out[:_LEFT_OUT_SHOWN]:
            say(f"  {article_id}: {why}")
        if len(selection.left_out) > _LEFT_OUT_SHOWN:
            say(f"  … and {len(selection.left_out) - _LEFT_OUT_SHOWN} more")
        if not args.include_unfinished:
            say("--include-unfinished also takes articles that are not done by everyone")
        return 1
    left = len(selection.left_out)
    note = f"; {counted(left, 'other article')} left out" if left else ""
    say(
        f"reviewing {counted(len(selection.articles), 'article')} ({selection.rule()}){note}; "
        f"decisions go to {args.gold}"
    )
    try:
        with Store.open(workspace_root, args.gold, labels=None) as gold:
            if gold.read_only:
                say(
                    f"{gold.read_only_reason}: the review opens read-only and no decision can "
                    f"be saved"
                )
    except StoreError as exc:
        say(str(exc))
        return 1
    from reader.app import run_app
    from reader.config import load_settings
    from reader.review import ReviewApp

    settings, settings_problem = load_settings()
    app = ReviewApp(
        args.paths,
        workspace_root,
        args.gold,
        settings,
        annotators=annotators,
        include_unfinished=args.include_unfinished,
        selection=selection,
        settings_problem=settings_problem,
        model=args.model,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
    )
    return run_app(app)
