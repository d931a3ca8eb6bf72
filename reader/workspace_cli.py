"""The workspace commands: `assay export`, `assay import` and `assay stats`."""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from annotations import export, importer
from annotations.formats import (
    DEFAULT_FORMAT,
    FILE_FORMATS,
    FOLDER_FORMATS,
    FORMATS,
    brat,
    docbin,
    importable,
    label_studio,
)
from annotations.formats.base import DEFAULT_DATASET
from annotations.model import Status
from annotations.stats import AnnotatorStats, workspace_stats
from annotations.storage import CorruptFile, atomic_writer
from annotations.store import Store, StoreError, annotator_name
from annotations.workspace import WORKSPACE_ENV, Workspace, default_annotator, default_workspace
from corpus.article import Article
from corpus.cache import AnalysisCache, default_cache_dir
from corpus.jsonl import quote
from corpus.loader import load_corpus
from corpus.nlp import MODEL_ENV, choose_pipeline
from corpus.text import counted, terminal_safe
from corpus.tokens import Tokenizer
from reader.output import PROG, positive, say, write_lines

COMMANDS = ("export", "import", "stats")
T = TypeVar("T")


def annotator_option(raw: str) -> str:
    """--annotator's type: the name normalised (NFKC), or a usage error saying why not."""
    try:
        return annotator_name(raw)
    except StoreError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _typed(check: Callable[[str], T]) -> Callable[[str], T]:
    """An option's type from a check that raises ValueError saying what is wrong: argparse
    shows the message (it would say only "invalid value" for a ValueError)."""

    def typed(raw: str) -> T:
        try:
            return check(raw)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    typed.__name__ = check.__name__
    return typed


def _login_default() -> str:
    try:
        return f"the login name, {default_annotator()}"
    except StoreError:
        return "the login name, which cannot be one here: give --annotator"


def dataset_option(raw: str) -> str:
    """A dataset name as Prodigy takes one: letters, digits, "-", "_" and ".", at most 100."""
    if not _DATASET_NAME.fullmatch(raw):
        raise argparse.ArgumentTypeError(
            f"{quote(raw)} is not a dataset name: use letters, digits, '-', '_' or '.' "
            "(at most 100)"
        )
    return raw


_DATASET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def add_workspace_options(parser: argparse.ArgumentParser, annotator: bool = True) -> None:
    parser.add_argument(
        "--workspace",
        type=Path,
        metavar="DIR",
        help=f"where annotations live (default: ${WORKSPACE_ENV}, else {default_workspace()})",
    )
    if annotator:
        parser.add_argument(
            "--annotator",
            metavar="NAME",
            type=annotator_option,
            help=f"whose annotations (default: {_login_default()})",
        )


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    """--corpus, for the commands that read article texts the workspace may not hold."""
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="where to find texts the workspace has no copy of (repeatable; the built-in "
        "corpus is always looked in)",
    )


def build_parsers() -> dict[str, argparse.ArgumentParser]:
    ex = argparse.ArgumentParser(
        prog=f"{PROG} export",
        description="Write the gold dataset: one JSON line per annotated article and annotator "
        "(Prodigy-compatible, with tokens; or doccano). Spans whose article text no longer "
        "matches are reported on stderr and left out.",
    )
    add_workspace_options(ex, annotator=False)
    who = ex.add_mutually_exclusive_group()
    who.add_argument(
        "--annotator",
        metavar="NAME",
        type=annotator_option,
        help="one annotator (default: the login name)",
    )
    who.add_argument("--all", action="store_true", help="every annotator in the workspace")
    ex.add_argument("-o", "--output", type=Path, metavar="FILE", help="file (default: stdout)")
    ex.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    ex.add_argument(
        "--format",
        choices=[*FORMATS, *FOLDER_FORMATS, *FILE_FORMATS],
        default=DEFAULT_FORMAT,
        help="prodigy or doccano JSON lines; brat: a folder of .txt and .ann files (-o DIR), "
        "in a folder per annotator with --all; label-studio: a JSON list of tasks (-o FILE) "
        "and its labeling config beside it; spacy: a DocBin of training Docs (-o FILE.spacy)",
    )
    trains = ex.add_argument_group("spaCy DocBin (--format spacy)")
    trains.add_argument(
        "--unit",
        choices=docbin.UNITS,
        help=f"one Doc per {'|'.join(docbin.UNITS)} (default: {docbin.DEFAULT_UNIT}); a span "
        "crossing a unit's boundary is kept whole in the next larger unit",
    )
    trains.add_argument(
        "--span-key",
        type=_typed(docbin.span_key_option),
        metavar="KEY",
        help=f"the doc.spans group of the spans (default: {docbin.DEFAULT_SPAN_KEY}, spancat's)",
    )
    trains.add_argument(
        "--ents",
        nargs="?",
        const=frozenset(),
        type=_typed(docbin.labels_option),
        metavar="LABEL,...",
        help="also set doc.ents from the spans of these labels (all without a list); refused "
        "when two of them overlap",
    )
    trains.add_argument(
        "--split",
        type=_typed(docbin.split_option),
        metavar="NAME=SHARE,...",
        help="one file per part beside -o, whole articles in each: train=0.8,dev=0.2 writes "
        "FILE.train.spacy and FILE.dev.spacy",
    )
    trains.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="the shuffle of articles before --split (default: 0)",
    )
    ex.add_argument(
        "--include-empty",
        action="store_true",
        help="also articles the annotator gave a status without annotating, "
        "e.g. done: read, nothing to tag (negative examples)",
    )
    ex.add_argument(
        "--include-rejected",
        action="store_true",
        help="also the suggestions each annotator turned down, as negative examples: lines "
        'answered "reject" (Prodigy) or a "rejected" field (doccano)',
    )
    ex.add_argument(
        "--dataset",
        type=dataset_option,
        default=DEFAULT_DATASET,
        metavar="NAME",
        help='the dataset\'s name in Prodigy lines: _session_id is "NAME-annotator" '
        '(default: "assay")',
    )
    add_corpus_option(ex)
    ex.add_argument(
        "--model",
        metavar="NAME",
        help=f"spaCy pipeline whose tokenizer makes the tokens (default: "
        f"${MODEL_ENV}, as for analysis)",
    )
    ex.add_argument("--no-cache", action="store_true", help="do not cache tokens")
    ex.add_argument(
        "--processes",
        type=positive,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="processes that tokenize texts not tokenized before (default: 2, or 1 on one core)",
    )

    im = argparse.ArgumentParser(
        prog=f"{PROG} import",
        description="Add gold annotations from Prodigy or doccano JSONL, a brat folder or a "
        "Label Studio export (JSON or JSON-MIN) to an annotator. Articles are matched by "
        "their text; new texts join the workspace. The whole file is checked first: with any "
        "bad line, nothing is imported.",
    )
    im.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a JSONL file, a Label Studio JSON file, or a folder of brat .txt/.ann",
    )
    add_workspace_options(im, annotator=False)
    im.add_argument(
        "--annotator",
        metavar="NAME",
        required=True,
        type=annotator_option,
        help="who the spans belong to",
    )
    im.add_argument(
        "--format",
        choices=["auto", *(f.name for f in importable()), "brat", "label-studio"],
        default="auto",
        help="auto tells each line by its keys, a folder is brat's standoff and a JSON list "
        "is Label Studio's export or JSON-MIN (default)",
    )
    im.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="rename a label on the way in (repeatable)",
    )
    im.add_argument(
        "--offsets",
        choices=importer.OFFSETS,
        default="auto",
        help="how the file counts offsets: auto reads each line as code points "
        "(Prodigy, assay) or UTF-16 code units (doccano's front end), whichever "
        "fits, and refuses a line that fits both (default)",
    )
    im.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and say what it would import and skip, without writing",
    )

    st = argparse.ArgumentParser(
        prog=f"{PROG} stats",
        description="Per annotator: annotations by label, articles by status, drifted spans.",
    )
    add_workspace_options(st)
    st.add_argument("--format", choices=("table", "json"), default="table")
    st.add_argument("--drift", action="store_true", help="list every drifted annotation")
    add_corpus_option(st)
    return {"export": ex, "import": im, "stats": st}


def run(command: str, args: argparse.Namespace) -> int:
    try:
        if command == "export":
            return run_export(args)
        if command == "import":
            return run_import(args)
        return run_stats(args)
    except (StoreError, CorruptFile) as exc:
        say(str(exc))
        return 1


def _workspace(args: argparse.Namespace) -> Workspace:
    return Workspace(args.workspace or default_workspace())


def _chosen_annotators(workspace: Workspace, name: str | None, every: bool) -> list[str] | None:
    """The annotators to read, or None (after saying why) when there is nobody to read."""
    present = workspace.annotators()
    if every:
        if not present:
            say(f"no annotators in {workspace.root}")
            return None
        return present
    name = name or default_annotator()
    if name not in present:
        others = f"annotators there: {', '.join(present)}" if present else "it has none"
        say(
            f"no annotations by {name} in {workspace.root} ({others}); "
            f"use --annotator NAME or --all"
        )
        return None
    return [name]


class LazyCorpus(Mapping[str, Article]):
    """Articles by id from corpus paths, loaded only if a text is missing from the workspace."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = paths
        self._articles: dict[str, Article] | None = None

    def _load(self) -> dict[str, Article]:
        if self._articles is None:
            builtin, _ = load_corpus(None)
            found, problems = load_corpus(self.paths) if self.paths else ([], [])
            for problem in problems:
                say(str(problem))
            self._articles = {a.id: a for a in [*builtin, *found]}
        return self._articles

    def __getitem__(self, key: str) -> Article:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def run_export(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    out_path: Path | None = args.output
    if out_path is not None and str(out_path) == "-":
        out_path = None
    split_files = args.format == "spacy" and args.split is not None  # -o names only a stem
    if out_path is not None and out_path.exists() and not args.force and not split_files:
        say(f"{out_path} exists; add --force to overwrite it")
        return 1
    spacy_only = [
        option
        for option, value in (
            ("--unit", args.unit),
            ("--span-key", args.span_key),
            ("--ents", args.ents),
            ("--split", args.split),
            ("--seed", args.seed),
        )
        if value is not None
    ]
    if spacy_only and args.format != "spacy":
        say(f"{', '.join(spacy_only)}: only for --format spacy")
        return 2
    if args.seed is not None and args.split is None:
        say("--seed shuffles the articles of a --split: give --split too")
        return 2
    annotators = _chosen_annotators(workspace, args.annotator, args.all)
    if annotators is None:
        return 1
    if args.format == "brat":
        return _export_brat(args, workspace, annotators, out_path)
    if args.format == "label-studio":
        return _export_label_studio(args, workspace, annotators, out_path)
    if args.format == "spacy":
        return _export_spacy(args, workspace, annotators, out_path)
    tokenizer = None
    if FORMATS[args.format].needs_tokens:
        choice = choose_pipeline(args.model)
        if choice.notice:
            say(choice.notice)
        cache = None if args.no_cache else AnalysisCache(default_cache_dir())
        tokenizer = Tokenizer(choice, cache, processes=args.processes)
    try:
        return _export(args, workspace, annotators, tokenizer, out_path)
    finally:
        if tokenizer is not None:
            tokenizer.close()


def _export(
    args: argparse.Namespace,
    workspace: Workspace,
    annotators: list[str],
    tokenizer: Tokenizer | None,
    out_path: Path | None,
) -> int:
    report = export.ExportReport()
    if args.all:  # files of no annotator: the export of everyone's work is missing them
        report.problems += workspace.strays()
    # Each line comes in pieces: a very long article's tokens are never held whole.
    lines = export.export_pieces(
        workspace,
        annotators,
        tokenizer,
        report,
        output_format=args.format,
        include_empty=args.include_empty,
        corpus=LazyCorpus(args.corpus),
        dataset=args.dataset,
        include_rejected=args.include_rejected,
    )
    if out_path is None:
        write_lines(lines)
    else:
        try:
            with atomic_writer(out_path) as handle:
                for line in lines:
                    for piece in line:
                        handle.write(piece.encode("utf-8"))
                    handle.write(b"\n")
        except OSError as exc:
            say(f"cannot write {out_path}: {exc.strerror or exc}; nothing was written there")
            return 1
    return _report_export(report, annotators, out_path if out_path is not None else "stdout")


def _report_export(
    report: export.ExportReport, annotators: list[str], where: object, *, lines: bool = True
) -> int:
    """What an export wrote and left out, on stderr; 1 when files could not be read.
    `lines`: the format is written as a line per article and annotator."""
    for problem in report.problems:
        say(problem)
    for drift in report.drifted:
        say(f"drift: {drift.describe()}; not exported")
    written = f" in {counted(report.lines, 'line')}" if lines else ""
    summary = (
        f"exported {counted(report.spans, 'span')}{written} "
        f"({counted(len(report.articles), 'article')}; {', '.join(annotators)}) to {where}"
    )
    if report.relations:
        summary += f"; {counted(report.relations, 'relation')} between them"
    if report.empty:
        summary += f"; {counted(report.empty, 'line')} with no spans"
    if report.rejected:
        summary += f"; {counted(report.rejected, 'rejected suggestion')} as negatives"
    if report.rejected_drifted:
        summary += (
            f"; {counted(report.rejected_drifted, 'rejected suggestion')} left out (the words "
            f"are no longer where they were)"
        )
    if report.misaligned:
        summary += (
            f"; {counted(report.misaligned, 'span')} not starting and ending on token "
            f"boundaries (their tokens are the tokens they touch)"
        )
    say(summary)
    if report.drifted:
        linked = (
            f", with {counted(report.relations_left_out, 'relation')} linking them"
            if report.relations_left_out
            else ""
        )
        say(
            f"{counted(len(report.drifted), 'drifted annotation')} left out{linked} (listed "
            f"above); 'assay stats --drift' lists them too"
        )
    if report.problems:
        say("the export is incomplete: files above could not be read (exit status 1)")
        return 1
    return 0


def _export_brat(
    args: argparse.Namespace, workspace: Workspace, annotators: list[str], out_path: Path | None
) -> int:
    """brat's standoff folder: written whole beside DIR, then moved into place."""
    if out_path is None:
        say("brat writes a folder: name it with -o DIR")
        return 1
    if args.include_rejected:
        say("brat's standoff has no place for rejected suggestions; leave out --include-rejected")
        return 1
    if out_path.exists() and (not out_path.is_dir() or any(out_path.iterdir())):
        say(f"{terminal_safe(str(out_path))} exists and is not an empty folder; brat writes a "
            "new folder (nothing was written)")  # fmt: skip
        return 1
    report = export.ExportReport()
    if args.all:
        report.problems += workspace.strays()
    partial = out_path.parent / f".{out_path.name}.partial-{os.getpid()}"
    try:
        partial.mkdir(parents=True)
        records = export.export_records(
            workspace,
            annotators,
            report,
            include_empty=args.include_empty,
            corpus=LazyCorpus(args.corpus),
        )
        brat.write_folder(records, partial, report, by_annotator=len(annotators) > 1)
        if out_path.exists():
            out_path.rmdir()  # empty, checked above
        partial.rename(out_path)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        say(f"cannot write {terminal_safe(str(out_path))}: {exc.strerror or exc}; nothing was "
            "written there")  # fmt: skip
        return 1
    return _report_export(report, annotators, out_path)


def _export_label_studio(
    args: argparse.Namespace, workspace: Workspace, annotators: list[str], out_path: Path | None
) -> int:
    """Label Studio's tasks in one JSON file, and its labeling config beside it."""
    if out_path is None:
        say("Label Studio's export is a file and its labeling config beside it: name it with "
            "-o FILE.json")  # fmt: skip
        return 1
    if args.include_rejected:
        say("Label Studio's tasks have no place for rejected suggestions; leave out "
            "--include-rejected")  # fmt: skip
        return 1
    config = label_studio.config_path(out_path)
    if config.exists() and not args.force:
        say(f"{terminal_safe(str(config))} exists; add --force to overwrite it")
        return 1
    report = export.ExportReport()
    if args.all:
        report.problems += workspace.strays()
    records = export.export_records(
        workspace, annotators, report, include_empty=args.include_empty,
        corpus=LazyCorpus(args.corpus),
    )  # fmt: skip
    try:
        with atomic_writer(out_path) as raw:
            handle = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            labels, relation_labels = label_studio.write_file(records, handle, report)
            handle.flush()
            handle.detach()
        with atomic_writer(config) as raw:
            raw.write(label_studio.label_config(labels, relation_labels).encode("utf-8"))
    except OSError as exc:
        say(f"cannot write {terminal_safe(str(out_path))}: {exc.strerror or exc}; nothing "
            "was written there")  # fmt: skip
        return 1
    code = _report_export(report, annotators, out_path)
    say(f"labeling config for the project: {terminal_safe(str(config))}")
    return code


def _export_spacy(
    args: argparse.Namespace, workspace: Workspace, annotators: list[str], out_path: Path | None
) -> int:
    """spaCy's DocBin: one file, or one per part of --split, all written or none."""
    if out_path is None:
        say("spaCy's DocBin is a binary file: name it with -o FILE.spacy")
        return 1
    split = args.split
    paths = {"": out_path} if split is None else {
        name: docbin.part_path(out_path, name) for name, _ in split
    }  # fmt: skip
    if split is not None:
        taken = [p for p in paths.values() if p.exists()]
        if taken and not args.force:
            say(f"{terminal_safe(str(taken[0]))} exists; add --force to overwrite it")
            return 1
    for path in paths.values():
        unwritable = _cannot_write(path)
        if unwritable:
            say(f"cannot write {terminal_safe(str(path))}: {unwritable}; nothing was written")
            return 1
    options = docbin.Options(
        unit=args.unit or docbin.DEFAULT_UNIT,
        span_key=args.span_key or docbin.DEFAULT_SPAN_KEY,
        ents=args.ents,
    )
    choice = choose_pipeline(args.model)
    if choice.notice:
        say(choice.notice)
    cache = None if args.no_cache else AnalysisCache(default_cache_dir())
    report = export.ExportReport()
    notes = docbin.Notes()
    if args.all:
        report.problems += workspace.strays()
    records = export.export_records(
        workspace,
        annotators,
        report,
        include_empty=args.include_empty,
        corpus=LazyCorpus(args.corpus),
        include_rejected=args.include_rejected,
    )
    sentences_of = None
    if options.unit == "sentence":
        from corpus.analysis import Analyzer

        analyzer = Analyzer(choice, cache)
        sentences_of = lambda line: analyzer.analyze(line.article).sentences  # noqa: E731
    with Tokenizer(choice, cache, processes=args.processes) as tokenizer:
        spacy_tokenizer = tokenizer.spacy_tokenizer()
        builder = docbin.Builder(
            spacy_tokenizer.vocab, spacy_tokenizer, options, report, notes, tokenizer.name
        )
        docbin.build(records, tokenizer.tokenize_many, sentences_of, builder)
    unknown = sorted((options.ents or frozenset()) - notes.labels)
    if unknown:
        say(
            f"--ents names {', '.join(map(quote, unknown))}, which no exported span has "
            f"(labels here: {', '.join(sorted(notes.labels)) or 'none'}); nothing was written"
        )
        return 1
    if notes.overlaps:
        for overlap in notes.overlaps:
            say(f"overlap: {overlap}")
        clear = sorted(notes.ent_labels - notes.overlapping_labels)
        say(
            "doc.ents cannot hold overlapping spans, and these labels' spans overlap: "
            f"{', '.join(sorted(notes.overlapping_labels))}. Nothing was written. Name labels "
            "that never overlap with --ents LABEL,..."
            + (f" (here: {','.join(clear)})" if clear else "")
        )
        return 1
    if split is not None and len(builder.articles) < len(split):
        say(
            f"{counted(len(builder.articles), 'article')} cannot fill {len(split)} parts (each "
            "article is in one part only); nothing was written"
        )
        return 1
    parts = builder.parts(split, args.seed or 0)
    try:
        _write_all({paths[part.name]: part.docs.to_bytes() for part in parts})
    except OSError as exc:
        failed = exc.filename or out_path
        say(f"cannot write {terminal_safe(str(failed))}: {exc.strerror or exc}; nothing was "
            "written")  # fmt: skip
        return 1
    for misaligned in notes.misaligned:
        say(f"not on token boundaries: {misaligned}")
    for note in notes.lines(options.unit):
        say(note)
    where = ", ".join(
        f"{terminal_safe(str(paths[part.name]))} ({counted(len(part.docs), 'Doc')}"
        f"{'' if split is None else ', ' + counted(part.articles, 'article')})"
        for part in parts
    )
    code = _report_export(report, annotators, where, lines=False)
    advice = notes.suggester()
    if advice:
        say(advice)
    return code


def _cannot_write(path: Path) -> str | None:
    """Why a file cannot be written at `path`, checked before the work of making it."""
    if path.is_dir():
        return "it is a folder"
    folder = path.parent
    if not folder.is_dir():
        return f"there is no folder {terminal_safe(str(folder))}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {terminal_safe(str(folder))} is not writable"
    return None


def _write_all(contents: Mapping[Path, bytes]) -> None:
    """Every file, or none: each is written to a temporary file beside it first, and all are
    renamed into place only when all are written. A rename that still fails (the place
    changed meanwhile) puts back the files the earlier renames replaced. An OSError names
    the file that failed in its `filename`."""
    written: list[tuple[Path, Path]] = []
    kept: list[tuple[Path, Path]] = []  # (the file as it was, moved aside; its place)
    done: list[Path] = []
    try:
        for path, data in contents.items():
            tmp = path.with_name(f".{path.name}.partial-{os.getpid()}")
            written.append((tmp, path))
            try:
                with atomic_writer(tmp) as handle:
                    handle.write(data)
            except OSError as exc:
                exc.filename = str(path)
                raise
        for _tmp, path in written:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
        for tmp, path in written:
            if path.exists():
                aside = path.with_name(f".{path.name}.before-{os.getpid()}")
                path.replace(aside)
                kept.append((aside, path))
            try:
                tmp.replace(path)
            except OSError as exc:
                exc.filename = str(path)
                raise
            done.append(path)
    except OSError:
        for path in done:
            path.unlink(missing_ok=True)
        for aside, path in kept:
            aside.replace(path)
        kept = []
        raise
    finally:
        for tmp, _path in written:
            tmp.unlink(missing_ok=True)
        for aside, _path in kept:
            aside.unlink(missing_ok=True)


def _label_map(pairs: Sequence[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        old, new = importer.clean_label(old), importer.clean_label(new)
        if not sep or not old or not new:
            raise StoreError(f"--label {quote(pair)}: expected OLD=NEW")
        found[old] = new
    return found


def run_import(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    label_map = _label_map(args.label)
    # The file is read and checked before the annotator's store is even opened: a bad file
    # leaves no trace in the workspace.
    pending, report = importer.read_gold(args.file, args.format, label_map, offsets=args.offsets)
    # A dry run reads the annotator's store (never creating it) to count what would be skipped.
    with Store.open(workspace.root, args.annotator, read_only=args.dry_run, labels=None) as store:
        if args.dry_run:
            importer.plan_gold(workspace, store, pending, report)
        else:
            importer.apply_gold(workspace, store, args.file, pending, report)
    for line in report.summary(args.annotator, args.file, workspace.root, args.dry_run):
        say(line)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    if args.annotator:
        annotators = _chosen_annotators(workspace, args.annotator, False)
        if annotators is None:
            return 1
    else:
        annotators = workspace.annotators()
    found, problems = workspace_stats(workspace, annotators, LazyCorpus(args.corpus))
    for problem in problems:
        say(problem)
    # The figures leave out what could not be read (files set aside included).
    status = 1 if problems else 0
    if args.format == "json":
        for stats in found:
            data = stats.to_dict()
            if args.drift:
                data["drift"] = [d.describe() for d in stats.drifted]
            print(json.dumps(data, ensure_ascii=False))
        return status
    _print_stats(workspace, found)
    if args.drift:
        for stats in found:
            for drift in stats.drifted:
                print(terminal_safe(f"drift: {drift.describe()}"))
    elif any(s.drifted for s in found):
        say("some annotations drifted from their article's text; --drift lists them")
    return status


def _print_stats(workspace: Workspace, found: Sequence[AnnotatorStats]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    labels = sorted({label for stats in found for label in stats.labels})
    title = f"{workspace.root}: {counted(len(found), 'annotator')}"
    table = Table(title=Text(terminal_safe(title)), title_justify="left")
    table.add_column("annotator", no_wrap=True, min_width=9)
    # Short headings: the table has to fit 80 columns with a few labels. Labels came from
    # outside (an import): printed through the safe sink, never as markup.
    for name in ("spans", *labels, "articles", "done", "drifted"):
        table.add_column(Text(terminal_safe(name)), justify="right", no_wrap=True)
    for stats in found:
        table.add_row(
            Text(terminal_safe(stats.annotator)),
            str(stats.annotations),
            *(str(stats.labels[label]) for label in labels),
            str(stats.articles),
            str(stats.statuses[Status.DONE]),
            str(len(stats.drifted)),
        )
    if not found:
        say(f"no annotations in {workspace.root} yet")
        return
    Console(soft_wrap=False).print(table)
