"""The gold export: one line per (article, annotator), in any format of annotations/formats/.

Every span is checked against the article's text first (annotations/drift.py): one that no
longer matches is reported and left out, never written at offsets that point at other words.
Texts come from the workspace's copies, else from the corpus. The format writes the line
(annotations/formats/prodigy.py describes assay's own line, Prodigy-compatible); a format
that needs tokens gets them from the analysis pipeline's tokenizer (corpus/tokens.py).

Output is deterministic: the same workspace exports to the same bytes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from annotations.drift import check, unplaced
from annotations.formats import DEFAULT_FORMAT, FORMATS, ExportLine, ExportReport
from annotations.formats.base import DEFAULT_DATASET, Format, Rejected, count_line
from annotations.model import Status
from annotations.storage import CorruptFile
from annotations.workspace import AnnotatedArticle, Workspace
from corpus.article import Article
from corpus.tokens import Tokenizer

__all__ = ["ExportReport", "export_lines", "export_pieces", "export_records"]


def export_lines(
    workspace: Workspace,
    annotators: Sequence[str],
    tokenizer: Tokenizer | None,
    report: ExportReport,
    *,
    output_format: str = DEFAULT_FORMAT,
    include_empty: bool = False,
    corpus: Mapping[str, Article] | None = None,
    dataset: str = DEFAULT_DATASET,
    include_rejected: bool = False,
) -> Iterator[str]:
    """The export's lines (without newlines), article by article, each annotator in turn.

    Texts come from the workspace's copies, else from `corpus` (articles by id). Only a format
    that needs tokens needs `tokenizer`. Drifted annotations go to `report`, not to the output.
    """
    pieces = export_pieces(
        workspace,
        annotators,
        tokenizer,
        report,
        output_format=output_format,
        include_empty=include_empty,
        corpus=corpus,
        dataset=dataset,
        include_rejected=include_rejected,
    )
    for line in pieces:
        yield "".join(line)


def export_pieces(
    workspace: Workspace,
    annotators: Sequence[str],
    tokenizer: Tokenizer | None,
    report: ExportReport,
    *,
    output_format: str = DEFAULT_FORMAT,
    include_empty: bool = False,
    corpus: Mapping[str, Article] | None = None,
    dataset: str = DEFAULT_DATASET,
    include_rejected: bool = False,
) -> Iterator[Iterator[str]]:
    """`export_lines`, each line as the pieces of its text, for a writer: the tokens of a very
    long article (about ten times its size as JSON) come a slice at a time and are never held
    whole. Write a line's pieces before asking for the next line."""
    fmt = FORMATS.get(output_format)
    if fmt is None:
        raise ValueError(f"unknown format {output_format!r}")
    if fmt.needs_tokens and tokenizer is None:
        raise ValueError(f"the {fmt.title} format needs a tokenizer")

    unreadable = _unreadable_into(report)
    walk = workspace.each_article(annotators, unreadable)
    try:
        groups = (
            group
            for found in walk
            if (
                group := list(
                    _lines(
                        found,
                        workspace,
                        corpus or {},
                        report,
                        _Options(include_empty, include_rejected, dataset, fmt),
                    )
                )
            )
        )
        if tokenizer is None or not fmt.needs_tokens:
            for group in groups:
                for line in group:
                    count_line(line, report)
                    yield iter(fmt.write(line, report))
            return
        # One text per article, streamed: the tokenizer works ahead on the articles after the
        # ones being written.
        waiting: deque[list[ExportLine]] = deque()

        def texts() -> Iterator[str]:
            for group in groups:
                waiting.append(group)
                yield group[0].article.text

        for tokens in tokenizer.tokenize_many(texts()):
            for line in waiting.popleft():
                count_line(line, report)
                tokenized = replace(line, tokens=tokens, tokenizer=tokenizer.name)
                yield iter(fmt.write(tokenized, report))
    finally:
        walk.close()


@dataclass(frozen=True)
class _Options:
    include_empty: bool
    include_rejected: bool
    dataset: str
    fmt: Format | None  # None: records for a format that is not line-based (brat)


def export_records(
    workspace: Workspace,
    annotators: Sequence[str],
    report: ExportReport,
    *,
    include_empty: bool = False,
    corpus: Mapping[str, Article] | None = None,
    include_rejected: bool = False,
) -> Iterator[ExportLine]:
    """The export's lines as records, without tokens, for a format that is not written line
    by line (brat's folders, spaCy's DocBin): the same lines, checks and report as
    `export_lines`; rejected suggestions (with `include_rejected`) come in a line's
    `rejected`, on lines written anyway."""

    unreadable = _unreadable_into(report)
    options = _Options(include_empty, include_rejected, DEFAULT_DATASET, None)
    walk = workspace.each_article(annotators, unreadable)
    try:
        for found in walk:
            yield from _lines(found, workspace, corpus or {}, report, options)
    finally:
        walk.close()


def _unreadable_into(report: ExportReport) -> Callable[[CorruptFile], None]:
    """What a walk of the workspace calls with a file it cannot read: a problem of the report."""

    def unreadable(problem: CorruptFile) -> None:
        # A file set aside earlier is named by where it is now: "they" are its annotations.
        whose = "They are" if problem.earlier else "Its annotations are"
        report.problems.append(f"{problem} {whose} not in this export.")

    return unreadable


def _lines(
    found: AnnotatedArticle,
    workspace: Workspace,
    corpus: Mapping[str, Article],
    report: ExportReport,
    options: _Options,
) -> Iterator[ExportLine]:
    article: Article | None = None
    looked = False
    article_id = found.article_id
    as_lines = options.fmt is not None and options.fmt.rejects_as_lines
    for annotator, state in found.states.items():
        annotations = state.annotations
        report.drifted += [unplaced(u) for u in state.unplaced]  # never exported
        # An empty line says "read, nothing to tag": only the annotator's own "done" says so.
        empty_answer = (
            options.include_empty
            and state.status == Status.DONE
            and state.status_set_at is not None
        )
        turned_down = options.include_rejected and bool(state.rejections)
        if not annotations and not empty_answer and not turned_down:
            continue
        if not looked:
            article = workspace.find_article(article_id, corpus, report.problems)
            looked = True
        sound = []
        for annotation in annotations:
            drift = check(annotation, article.text if article else None)
            if drift is None:
                sound.append(annotation)
            else:
                report.drifted.append(drift)
        if article is None and not annotations:
            report.problems.append(
                f"{annotator} marked article {article_id} done, but its text is not in "
                f"the workspace or the corpus; its empty line is not in this export"
            )
        if article is None:
            continue
        rejected = _rejected(state.rejections, article.text, report) if turned_down else ()
        if (annotations or state.unplaced) and not sound:
            sound = []  # nothing trustworthy to say about this article but its rejections
            if not rejected:
                continue
        elif annotations or empty_answer:
            kept = {a.id for a in sound}
            links = tuple(r for r in state.relations if r.head in kept and r.child in kept)
            report.relations_left_out += len(state.relations) - len(links)
            yield ExportLine(
                article,
                annotator,
                sound,
                state.status,
                state.status_set_at,
                relations=links,
                dataset=options.dataset,
                rejected=() if as_lines else rejected,
            )
            if not as_lines:
                continue
        # A line of its own, answered "reject" (Prodigy). A format that keeps them in a field
        # has them only on a line written anyway: a line of no spans would read as "read,
        # nothing to tag".
        if rejected and as_lines:
            yield ExportLine(
                article,
                annotator,
                [],
                state.status,
                state.status_set_at,
                dataset=options.dataset,
                rejected=rejected,
                answer="reject",
            )


def _rejected(
    records: Sequence[Mapping[str, object]], text: str, report: ExportReport
) -> tuple[Rejected, ...]:
    """The rejected suggestions whose words are still where they were in `text`."""
    found = []
    for record in records:
        start, end, label, words = (record.get(k) for k in ("start", "end", "label", "text"))
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and isinstance(label, str)
            and isinstance(words, str)
            and 0 <= start < end <= len(text)
            and text[start:end] == words
        ):
            report.rejected_drifted += 1
            continue
        found.append(
            Rejected(
                start,
                end,
                label,
                words,
                str(record.get("kind", "")),
                str(record.get("key", "")),
                str(record.get("rejected_at", "")),
            )
        )
    return tuple(sorted(found, key=lambda r: (r.start, r.end, r.label)))
