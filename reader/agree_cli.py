"""`assay agree`: how much annotators agree, per label, per pair and per article.

The workspace is read through `annotations.team.select` (which articles are shared), spans are
checked against their article's text as export checks them (a drifted span is left out), the
texts are tokenized by the export's tokenizer (cached), and `annotations.agreement` counts.
Figures go to stdout (a table, or one JSON object); what was compared and what was left out,
and why, goes to stderr.

Exit status: 0 with figures; 1 when there is nothing to compare (fewer than two annotators,
an unknown annotator, no shared article) or some files could not be read (the figures leave
them out, as export and stats do); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from annotations.agreement import Agreement, Compared, agreement
from annotations.figurecache import FigureCache
from annotations.figurecache import cache_folder as figure_folder
from annotations.importer import clean_label
from annotations.spancache import cache_folder
from annotations.storage import CorruptFile
from annotations.store import StoreError
from annotations.team import GOLD, Chosen, SpanArticle, SpanSelection, select_spans
from annotations.textcache import KeptText, TextCache
from annotations.textcache import cache_folder as text_folder
from annotations.workspace import Workspace, default_workspace
from corpus.cache import AnalysisCache, default_cache_dir
from corpus.nlp import MODEL_ENV, choose_pipeline
from corpus.text import counted, terminal_safe
from corpus.tokens import Tokenizer, Tokens, tokenizer_name
from reader.output import PROG, positive, say, write_lines
from reader.workspace_cli import (
    LazyCorpus,
    add_corpus_option,
    add_workspace_options,
    annotator_option,
)

# Left-out articles listed one by one up to this many; past it, counted by reason.
LIST_LEFT_OUT = 5
# Reasons listed in the summary of left-out articles; the rest are counted.
LIST_REASONS = 4
# Articles the table lists, worst first (the JSON has them all).
WORST = 10
NO_FIGURE = "-"


def annotator_list(raw: str) -> list[str]:
    """--annotators' type: comma-separated names, each normalised as --annotator's."""
    names = [part.strip() for part in raw.split(",")]
    if not all(names):
        raise argparse.ArgumentTypeError(f"expected NAME,NAME,... without empty names: {raw!r}")
    found = [annotator_option(name) for name in names]
    twice = sorted({n for n in found if found.count(n) > 1})
    if twice:
        raise argparse.ArgumentTypeError(f"named twice: {', '.join(twice)}")
    return found


def label_list(raw: str) -> list[str]:
    """--labels' type: comma-separated labels, cleaned as stored labels are."""
    labels = [clean_label(part) for part in raw.split(",")]
    if not all(labels):
        raise argparse.ArgumentTypeError(f"expected LABEL,LABEL,... without empty labels: {raw!r}")
    return list(dict.fromkeys(labels))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} agree",
        description="Agreement between annotators: exact and overlap span F1, token kappa and "
        "Krippendorff's alpha per label, per pair and per article (worst first). Compares the "
        "articles all of them marked done (--include-unfinished: those at least two of them "
        "annotated). The README defines every figure.",
    )
    add_workspace_options(parser, annotator=False)
    parser.add_argument(
        "--annotators",
        type=annotator_list,
        metavar="A,B,...",
        help=f"whom to compare (default: every annotator in the workspace except {GOLD})",
    )
    parser.add_argument(
        "--labels",
        type=label_list,
        metavar="L,...",
        help="only these labels (default: every label the annotators used)",
    )
    parser.add_argument(
        "--include-unfinished",
        action="store_true",
        help="also articles not marked done: each article that at least two of them "
        "annotated, with those who did",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--worst",
        type=positive,
        default=WORST,
        metavar="N",
        help=f"articles the table lists, worst first (default {WORST}; JSON lists all)",
    )
    add_corpus_option(parser)
    parser.add_argument(
        "--model",
        metavar="NAME",
        help=f"spaCy pipeline whose tokenizer makes the tokens (default: ${MODEL_ENV}, as for "
        f"analysis and export)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the caches of tokens and of the annotators' spans",
    )
    parser.add_argument(
        "--processes",
        type=positive,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="processes that tokenize texts not tokenized before (default: 2, or 1 on one core)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    # The comparison holds every span of the workspace at once (300,000 annotations in the
    # benchmark) and makes no reference cycles: the collector's passes over that growing heap
    # cost about a quarter of the run and free nothing. The command ends soon after.
    gc.disable()
    try:
        return _run(args)
    except (StoreError, CorruptFile) as exc:
        say(str(exc))
        return 1
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    workspace = Workspace(args.workspace or default_workspace())
    names = _annotators(workspace, args.annotators)
    if names is None:
        return 1
    selection = select_spans(
        workspace,
        names,
        include_unfinished=args.include_unfinished,
        labels=args.labels,
        on_problem=lambda problem: say(f"{problem} Its annotations are not compared."),
        cache=None if args.no_cache else cache_folder(),
    )
    if selection.cache_problem:
        say(selection.cache_problem)
    choice = choose_pipeline(args.model)
    kept = None if args.no_cache else TextCache(workspace, tokenizer_name(choice), text_folder())
    texts = _texts(workspace, selection, LazyCorpus(args.corpus), kept)
    if not texts:
        _nothing_shared(selection)
        return 1
    _say_used(selection, len(texts))
    if choice.notice:
        say(choice.notice)
    cache = None if args.no_cache else AnalysisCache(default_cache_dir())
    figures = (
        None if args.no_cache else FigureCache(workspace.root, names, args.labels, figure_folder())
    )
    with Tokenizer(choice, cache, processes=args.processes) as tokenizer:
        found = _counted(_compared(texts, tokenizer, kept), names, args.labels, figures)
    if kept is not None:
        kept.save()
        if kept.problem:
            say(kept.problem)
    if figures is not None and figures.problem:
        say(figures.problem)
    for label in args.labels or ():
        if not any(found.spans[label].values()):
            say(f"nobody made a span of label {label!r} on these articles")
    if args.format == "json":
        data = found.to_dict()
        data["rule"] = "unfinished" if args.include_unfinished else "done"
        data["left_out"] = [{"article_id": i, "reason": r} for i, r in selection.left_out]
        data["tokenizer"] = tokenizer.name
        write_lines([json.dumps(data, ensure_ascii=False)])
    else:
        _print_table(found, selection, args.worst)
    if selection.problems:
        say("the comparison is incomplete: files above could not be read (exit status 1)")
        return 1
    return 0


def _annotators(workspace: Workspace, named: list[str] | None) -> list[str] | None:
    """The annotators to compare, or None after saying why there are not two of them."""
    present = workspace.annotators()
    there = f"annotators there: {', '.join(present)}" if present else "it has none"
    if named is not None:
        unknown = [n for n in named if n not in present]
        if unknown:
            say(f"no annotations by {', '.join(unknown)} in {workspace.root} ({there})")
            return None
        if len(named) < 2:
            say(f"agreement needs two annotators or more: name another with --annotators ({there})")
            return None
        return named
    names = [n for n in present if n != GOLD]
    if len(names) < 2:
        held = f"only {', '.join(names)}" if names else "no annotator"
        gold = f" besides {GOLD}" if GOLD in present else ""
        say(
            f"agreement needs two annotators or more, and {workspace.root} has {held}{gold}; "
            f"--annotators A,B names them (the default is everyone but {GOLD})"
        )
        return None
    left = f" except {GOLD}" if GOLD in present else ""
    say(f"comparing every annotator in the workspace{left}: {', '.join(names)}")
    return names


@dataclass(frozen=True, slots=True)
class _Text:
    """A selected article with its sound spans, its title, its text and tokens (the text is
    None when the tokens were kept and no span needed checking), the identity of the
    workspace copy its text was read from, and the annotators' files found sound (by name:
    their identity) for the text cache."""

    article: SpanArticle
    title: str
    text: str | None
    tokens: Tokens | None
    identity: list[int] | None
    vouched: dict[str, tuple[int, ...]]


def _texts(
    workspace: Workspace,
    selection: SpanSelection,
    corpus: LazyCorpus,
    kept: TextCache | None = None,
) -> list[_Text]:
    """Each selected article with its text (from `kept` when the workspace copy is the one
    it was kept from), drifted spans left out (as export leaves them); an article without a
    text joins `selection.left_out`. A file `kept` vouches for (found sound against this
    copy in an earlier run, and unchanged since) is not checked again."""
    found = []
    drifted = 0
    for team_article in selection.articles:
        article_id = team_article.article_id
        spans = team_article.spans
        hit = None if kept is None else kept.get(article_id)
        identity: list[int] | None = None
        text: str | None = None
        tokens: Tokens | None = None
        if hit is not None:
            title, tokens = hit.title, hit.tokens
            if any(m.identity is None or hit.sound.get(n) != m.identity for n, m in spans.items()):
                try:
                    text = hit.text
                except UnicodeDecodeError:  # a damaged entry: read the copy
                    hit = None
        if hit is None:
            try:
                article, identity = workspace.article_read(article_id)
            except StoreError as exc:
                say(str(exc))
                article = None
            article = article or corpus.get(article_id)
            if article is None:
                selection.left_out.append(
                    (article_id, "its text is in neither the workspace nor the corpus")
                )
                continue
            title, text, tokens = article.title, article.text, None
        sound = {}
        vouched = {}
        for name, made in spans.items():
            if text is None or (
                hit is not None
                and made.identity is not None
                and hit.sound.get(name) == made.identity
            ):
                sound[name] = made  # vouched for by the cache
                continue
            sound[name] = made.sound(text)
            drifted += len(made) - len(sound[name])
            if sound[name] is made and made.identity is not None:
                vouched[name] = made.identity
                if hit is not None and kept is not None:
                    kept.vouch(article_id, name, made.identity)
        found.append(_Text(SpanArticle(article_id, sound), title, text, tokens, identity, vouched))
    if drifted:
        say(
            f"{counted(drifted, 'drifted span')} left out: their article's text no longer says "
            f"what was annotated ('assay stats --drift' lists them)"
        )
    return found


def _compared(
    texts: list[_Text], tokenizer: Tokenizer, kept: TextCache | None = None
) -> Iterator[Compared]:
    """The articles with their tokens, streamed: the tokenizer works ahead on later texts
    that were not kept; those read from a workspace copy are kept for the next run."""
    made = tokenizer.tokenize_many(t.text or "" for t in texts if t.tokens is None)
    for item in texts:
        tokens = item.tokens
        if tokens is None:
            tokens = next(made)
            if kept is not None and item.text is not None:
                kept.put(
                    item.article.article_id,
                    item.identity,
                    KeptText(item.title, item.text, tokens, item.vouched),
                )
        yield Compared(item.article, tokens, item.title)


def _counted(
    items: Iterable[Compared],
    names: Sequence[str],
    labels: Sequence[str] | None,
    figures: FigureCache | None,
) -> Agreement:
    """The figures of `items`, from the counts kept for the articles that did not change
    since they were counted (and the others counted, and kept for the next run)."""
    if figures is None:
        return agreement(items, names, labels=labels)
    return figures.report(items)


def _nothing_shared(selection: SpanSelection) -> None:
    names = ", ".join(selection.annotators)
    if selection.articles:
        say(
            f"no articles to compare for {names}: the texts of the "
            f"{counted(len(selection.articles), 'article')} they share are in neither the "
            f"workspace nor the corpus (--corpus PATH says where they are)"
        )
        return
    say(f"no articles to compare for {names}: there are no {selection.rule()}")
    _say_left_out(selection.left_out)
    if not selection.include_unfinished:
        say("--include-unfinished compares the articles that at least two of them annotated")


def _say_used(selection: Chosen, count: int) -> None:
    say(
        f"comparing {', '.join(selection.annotators)} on {counted(count, 'article')}: "
        f"the {selection.rule()}"
    )
    _say_left_out(selection.left_out)


def _say_left_out(left_out: Sequence[tuple[str, str]]) -> None:
    if not left_out:
        return
    if len(left_out) <= LIST_LEFT_OUT:
        for article_id, reason in left_out:
            say(f"left out {article_id}: {reason}")
        return
    reasons = Counter(reason for _id, reason in left_out).most_common()
    parts = [f"{counted(n, 'article')} {reason}" for reason, n in reasons[:LIST_REASONS]]
    rest = sum(n for _reason, n in reasons[LIST_REASONS:])
    if rest:
        parts.append(f"{counted(rest, 'article')} for other reasons")
    say(
        f"left out {counted(len(left_out), 'article')}: {'; '.join(parts)} "
        f"(--format json lists them)"
    )


def figure(value: float | None) -> str:
    """A figure as the table shows it: three decimals, or a dash when it is undefined."""
    return NO_FIGURE if value is None else f"{value:.3f}"


def _print_table(found: Agreement, selection: Chosen, worst: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    def safe(text: str) -> Text:
        return Text(terminal_safe(text))

    console = Console(soft_wrap=False, highlight=False)
    names = " / ".join(found.annotators)
    console.print(
        safe(
            f"agreement of {', '.join(found.annotators)} on {counted(found.articles, 'article')} "
            f"({counted(found.tokens, 'token')}; {selection.rule()})"
        )
    )
    labels = Table(title=safe("by label"), title_justify="left", caption_justify="left",
                   caption=safe(f"spans: made by {names}"))  # fmt: skip
    labels.add_column("label", overflow="fold", ratio=1, min_width=8)
    _figure_columns(labels)
    labels.add_column("spans", overflow="fold", ratio=1, min_width=5)
    for label, figures in found.labels.items():
        counts = " / ".join(str(found.spans[label][n]) for n in found.annotators)
        labels.add_row(safe(label), *_figures(figures.to_dict()), safe(counts))
    labels.add_section()
    labels.add_row(Text("all labels", style="bold"), *_figures(found.overall.to_dict()), "")
    console.print(labels)
    if any(found.relations.values()):
        made = " / ".join(str(found.relations[n]) for n in found.annotators)
        console.print(
            safe(
                f"relations (who said which claim): exact F1 {figure(found.relation_f1)}; "
                f"made by {names}: {made}"
            )
        )
    if len(found.pairs) > 1:
        pairs = Table(title=safe("by pair"), title_justify="left")
        pairs.add_column("pair", overflow="fold", ratio=1, min_width=8)
        pairs.add_column("articles", justify="right", no_wrap=True)
        _figure_columns(pairs)
        for pair in found.pairs:
            first, second = pair.annotators
            pairs.add_row(
                safe(f"{first} + {second}"), str(pair.articles), *_figures(pair.overall.to_dict())
            )
        console.print(pairs)
    listed = [a for a in found.by_article if a.exact_f1 is not None][:worst]
    if listed:
        more = len(found.by_article) - len(listed)
        articles = Table(
            title=safe("worst articles first (exact F1, then overlap F1)"),
            title_justify="left",
            caption=safe(f"{counted(more, 'more article')} in --format json") if more else None,
            caption_justify="left",
        )
        articles.add_column("article", no_wrap=True, min_width=16)
        # The id and the figures take 47 columns with the borders; the title gets the rest.
        title_width = max(8, console.width - 47)
        articles.add_column("title", overflow="ellipsis", no_wrap=True, max_width=title_width)
        for heading in ("exact F1", "overlap F1"):
            articles.add_column(heading, justify="right", no_wrap=True)
        for article in listed:
            articles.add_row(
                safe(article.article_id),
                safe(article.title),
                figure(article.exact_f1),
                figure(article.overlap_f1),
            )
        console.print(articles)


def _figure_columns(table: Any) -> None:
    for heading in ("exact F1", "overlap F1", "kappa", "alpha"):
        table.add_column(heading, justify="right", no_wrap=True)


def _figures(data: dict[str, float | None]) -> list[str]:
    return [figure(data[key]) for key in ("exact_f1", "overlap_f1", "kappa", "alpha")]
