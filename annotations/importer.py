"""Import gold annotations from JSONL (Prodigy, doccano), brat folders and Label Studio exports
into an annotator's store.

Accepted lines (the format is told per line by its keys, or forced with `fmt`; each format's
module in annotations/formats/ names its keys and reads its spans):

- Prodigy: `{"text", "spans": [{"start", "end", "label", "text"?}], "answer"?, "meta"?}`.
  Lines answered "reject" or "ignore" are skipped and counted. assay's own export is this.
- doccano: `{"text", "label": [[start, end, label], ...]}` (older exports call it `labels`),
  or the newer `{"text", "entities": [{"start_offset", "end_offset", "label"}]}`.

Not lines: a folder is brat's standoff (`_read_brat`), and a file that opens a JSON list is a
Label Studio export or JSON-MIN (`_read_label_studio`); each document or task is turned into a
line of assay's own format and read as one.

Offsets. Prodigy counts code points, as assay does; doccano's front end counts UTF-16 code
units, which differ from code points after any character outside the Basic Multilingual
Plane (an emoji, a rare CJK character). Each line is read one way or the other, whichever
fits (`_reading`); lines converted from UTF-16 are counted in the report, and a doccano line
that fits both readings equally is refused with a hint rather than guessed. `offsets` forces a
reading.

An article is its text: the id is the hash of the sanitized text, so a line whose text is in
the corpus lands on that article, and a text the workspace has not seen is kept there as a new
article. Text with control characters or `\\r\\n` is sanitized as the corpus loader does, and
the spans are carried over to the sanitized offsets. Every other string from the file is made
safe where it enters, since labels, notes, attributes, titles and sources reach the terminal:
one-line strings (labels, titles, sources, metadata) through `sanitize_line`, notes and
attribute values through `sanitize` with bidirectional controls written out. Values quoted in
error messages are escaped and cut short.

A line is one article, so a line longer than a corpus file may be (`MAX_FILE_BYTES`) is a bad
line, and it is never read whole. Nesting deeper than `MAX_DEPTH` in what is kept (attributes,
metadata), or deeper than the JSON parser can go, is a bad line too.

The whole file is read and checked before anything is written: one bad line (with its number
and what is wrong) and nothing is imported. Spans the annotator already has (same start, end
and label) are skipped, so running an import twice adds nothing the second time.
"""

from __future__ import annotations

import json
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.formats import FORMATS, Format, brat, importable, label_studio
from annotations.model import DEFAULT_LABELS, Status
from annotations.store import Store, StoreError
from annotations.workspace import Workspace
from corpus import jsonl
from corpus.article import Article, article_id
from corpus.jsonl import quote
from corpus.loader import MAX_FILE_BYTES, article_from_record
from corpus.text import sanitize, sanitize_line, sanitize_mapped, show_bidi

OFFSETS = ("auto", "codepoints", "utf16")
MAX_ERRORS_SHOWN = 20
MAX_LABEL = 64
MAX_DEPTH = 16  # levels of nesting kept in a span's attrs or the article's metadata
# A line is one article: it gets the corpus loader's limit for one file. Read when called, so
# that a test can lower it.
MAX_LINE_BYTES = MAX_FILE_BYTES
# A Label Studio export is one JSON document, read whole.
MAX_DOCUMENT_BYTES = 1 << 30
_SKIPPED_ANSWERS = ("reject", "ignore")
# Keys of a line that are not about the article (the loader leaves them out of its metadata
# too); they can be large (tokens), so they are not walked.
_ANNOTATION_KEYS = frozenset(
    {"text", "spans", "tokens", "label", "labels", "entities", "relations"}
)


class ImportFailed(StoreError):
    """The file has lines that cannot be imported; nothing was written."""

    def __init__(self, path: Path, errors: list[str], unit: str = "line") -> None:
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        lines = "\n".join(f"  {e}" for e in shown)
        tail = f"\n  ... and {more} more" if more else ""
        super().__init__(
            f"{sanitize_line(str(path))}: {plural(len(errors), unit)} cannot be imported, "
            f"so nothing was imported:\n{lines}{tail}"
        )


@dataclass
class ImportReport:
    """What an import read, and what it added or would add (`plan_gold` fills that part)."""

    lines: int = 0
    skipped_answers: int = 0
    articles: int = 0
    new_articles: int = 0
    added: int = 0
    duplicates: int = 0
    sanitized_lines: int = 0  # lines whose text had control characters or \r\n
    converted_lines: int = 0  # lines whose offsets were UTF-16 code units
    converted_spans: int = 0  # spans those offsets moved
    labels: Counter[str] = field(default_factory=Counter)
    relations: int = 0  # read from the file
    relations_added: int = 0
    duplicate_relations: int = 0  # the annotator had them (or the file repeats them)
    unit: str = "line"  # what `lines` counts: JSON lines, or brat documents
    not_kept: int = 0  # brat lines or Label Studio results of kinds assay keeps nothing of

    def summary(self, annotator: str, path: Path, workspace: Path, dry_run: bool) -> list[str]:
        """The import's report for the user; a dry run's has the same numbers."""
        labels = ", ".join(f"{n} {label}" for label, n in self.labels.most_common()) or "none"
        spans, articles = plural(self.added, "span"), plural(self.articles, "article")
        new = plural(self.new_articles, "article")
        shown, root = sanitize_line(str(path)), sanitize_line(str(workspace))

        def were(count: int) -> str:
            return "would be" if dry_run else ("was" if count == 1 else "were")

        lines = plural(self.lines, self.unit)
        if dry_run:
            head = (
                f"{shown} ({lines}): would import {spans} ({labels}) on {articles} as "
                f"{annotator}; {new} new to {root}; nothing was written"
            )
        else:
            head = (
                f"imported {spans} ({labels}) on {articles} as {annotator} from {shown} "
                f"({lines}); {new} new to {root}"
            )
        found = [head]
        if self.relations_added:
            found.append(
                f"{plural(self.relations_added, 'relation')} between them "
                f"{'would be' if dry_run else 'imported'}"
            )
        if self.duplicate_relations:
            found.append(
                f"{plural(self.duplicate_relations, 'relation')} {annotator} already had "
                f"{were(self.duplicate_relations)} skipped"
            )
        if self.duplicates:
            found.append(
                f"{plural(self.duplicates, 'span')} {annotator} already had "
                f"{were(self.duplicates)} skipped"
            )
        if self.skipped_answers:
            found.append(
                f"{plural(self.skipped_answers, 'line')} answered reject or ignore "
                f"{were(self.skipped_answers)} skipped"
            )
        if self.not_kept:
            found.append(
                f"{plural(self.not_kept, 'item')} of kinds assay keeps nothing of (brat "
                f"events, attributes, normalizations, comments; Label Studio choices, text "
                f"areas, ratings) {were(self.not_kept)} skipped"
            )
        if self.sanitized_lines:
            found.append(
                f"{plural(self.sanitized_lines, 'text')} "
                f"{'would have' if dry_run else 'had'} control characters or \\r\\n "
                f"removed; their spans move with the text"
            )
        if self.converted_lines:
            found.append(
                f"{plural(self.converted_lines, 'line')} counted offsets in UTF-16 "
                f"code units (as doccano does): {plural(self.converted_spans, 'span')} "
                f"{were(self.converted_spans)} moved to code-point offsets"
            )
        return found


@dataclass
class PendingArticle:
    """What the file holds for one article, over all the lines with its text."""

    article: Article
    spans: list[dict[str, Any]] = field(default_factory=list)
    status: Status | None = None
    # (head, child, label, note), the ends as positions in `spans`.
    links: list[tuple[int, int, str, str]] = field(default_factory=list)


def plural(count: int, noun: str) -> str:
    """ "1 span", "2 spans"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def clean_label(label: str) -> str:
    """A label from outside as it is stored: one line, single spaces, controls removed and
    bidirectional controls written out."""
    return " ".join(sanitize_line(label).split())


def read_gold(
    path: Path,
    fmt: str = "auto",
    label_map: Mapping[str, str] | None = None,
    labels: tuple[str, ...] = DEFAULT_LABELS,
    only_known: bool = False,
    offsets: str = "auto",
) -> tuple[dict[str, PendingArticle], ImportReport]:
    """Parse and check the whole file; raises `ImportFailed` listing every bad line.

    Labels are renamed by `label_map`, then matched to `labels` ignoring case ("CLAIM" is
    "claim"); other labels are kept as written, or are bad lines when `only_known`. `offsets`
    is "auto", "codepoints" or "utf16" (see the module's docstring).
    """
    if fmt != "auto" and fmt not in {f.name for f in importable()} | {"brat", "label-studio"}:
        raise ValueError(f"unknown format {fmt!r}")
    if offsets not in OFFSETS:
        raise ValueError(f"unknown offsets {offsets!r}")
    if path.is_dir() or fmt == "brat":
        return _read_brat(path, label_map or {}, labels, only_known)
    if fmt == "label-studio" or (fmt == "auto" and _opens_a_list(path)):
        return _read_label_studio(path, label_map or {}, labels, only_known, offsets)
    reader = _LineReader(path.name, fmt, offsets, label_map or {}, labels, only_known)
    errors: list[str] = []
    limit = MAX_LINE_BYTES
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        for number, record in jsonl.records(handle, limit):
            try:
                if isinstance(record, jsonl.BadLine):
                    raise ValueError(
                        _too_long(record.size, limit) if record.size else record.message
                    )
                reader.read(record, number)
            except ValueError as exc:
                errors.append(f"line {number}: {exc}")
            del record  # a long line's text is not kept while the next one is read
    if errors:
        raise ImportFailed(path, errors)
    reader.report.articles = len(reader.pending)
    return reader.pending, reader.report


def _read_brat(
    folder: Path,
    label_map: Mapping[str, str],
    labels: tuple[str, ...],
    only_known: bool,
) -> tuple[dict[str, PendingArticle], ImportReport]:
    """A brat folder (`.txt` and `.ann` pairs, in subfolders too), each document read as a
    line of assay's own format would be; every bad document is listed, and nothing is
    imported when there is one."""
    if not folder.is_dir():
        raise StoreError(
            f"{sanitize_line(str(folder))} is not a folder of brat .txt and .ann files"
        )
    reader = _LineReader(folder.name, "prodigy", "codepoints", label_map, labels, only_known)
    reader.report.unit = "document"
    errors: list[str] = []
    found = brat.documents(folder)
    if not found:
        raise StoreError(f"{sanitize_line(str(folder))} holds no brat .ann files")
    for number, ann in enumerate(found, start=1):
        where = sanitize_line(str(ann.relative_to(folder)))
        try:
            txt = ann.with_suffix(".txt")
            if txt.stat().st_size > MAX_LINE_BYTES:
                raise ValueError(_too_long(txt.stat().st_size, MAX_LINE_BYTES))
            # newline="": the offsets count the text's own line breaks
            with txt.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
            record, skipped = brat.read_document(ann, text)
            reader.read(record, number)
            reader.report.not_kept += skipped
        except FileNotFoundError:
            errors.append(f"{where}: its text {quote(ann.with_suffix('.txt').name)} is missing")
        except UnicodeDecodeError as exc:
            errors.append(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        except OSError as exc:
            errors.append(f"{where}: cannot be read: {exc.strerror or exc}")
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
    if errors:
        raise ImportFailed(folder, errors, "document")
    reader.report.articles = len(reader.pending)
    return reader.pending, reader.report


def _opens_a_list(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return label_studio.is_label_studio(handle.read(64))
    except OSError:
        return False  # the JSON lines reader says why it cannot be read


def _read_label_studio(
    path: Path,
    label_map: Mapping[str, str],
    labels: tuple[str, ...],
    only_known: bool,
    offsets: str,
) -> tuple[dict[str, PendingArticle], ImportReport]:
    """Label Studio's JSON export (a list of tasks) or JSON-MIN: each task's annotation read
    as a line of assay's own format would be; every bad task is listed, and nothing is
    imported when there is one. Regions that count UTF-16 code units (older Label Studio)
    are read as `offsets` says, as doccano's are."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise StoreError(
                f"{sanitize_line(str(path))} is {jsonl.size(size)}; a Label Studio export is "
                f"read whole, at most {jsonl.size(MAX_DOCUMENT_BYTES)} (export fewer tasks)"
            )
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ImportFailed(path, [f"not a JSON document: {quote(str(exc))}"], "task") from None
    reader = _LineReader(path.name, "prodigy", offsets, label_map, labels, only_known)
    reader.report.unit = "task"
    errors: list[str] = []
    number = 0
    for where, record, skipped in label_studio.records(document):
        if isinstance(record, str):
            errors.append(f"{where}: {record}")
            continue
        number += 1
        try:
            reader.read(record, number)
            reader.report.not_kept += skipped
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
    if errors:
        raise ImportFailed(path, errors, "task")
    reader.report.lines = number
    reader.report.articles = len(reader.pending)
    return reader.pending, reader.report


def _too_long(size: int, limit: int) -> str:
    return (
        f"{jsonl.size(size)} long; a line is one article, and an article is at most "
        f"{jsonl.size(limit)}, as a corpus file is (split the text, or leave its tokens out of "
        f"the line)"
    )


@dataclass(frozen=True)
class _Span:
    """A span as the line gives it, its label checked and cleaned, its offsets not yet."""

    index: int
    start: int
    end: int
    label: str
    said: str | None  # the text the line says the span covers
    given: Mapping[str, Any]  # the span as written: its note, attrs and origin


class _LineReader:
    """Reads lines into pending articles and the report."""

    def __init__(
        self,
        name: str,
        fmt: str,
        offsets: str,
        label_map: Mapping[str, str],
        labels: tuple[str, ...],
        only_known: bool,
    ) -> None:
        self.name = sanitize_line(name)
        self.fmt = fmt
        self.offsets = offsets
        self.renames = {clean_label(old): clean_label(new) for old, new in label_map.items()}
        self.labels = labels
        self.canonical = {label.casefold(): label for label in labels}
        self.only_known = only_known
        self.report = ImportReport()
        self.pending: dict[str, PendingArticle] = {}

    def read(self, record: dict[str, Any], number: int) -> None:
        """Read one line's object; raises ValueError saying what is wrong with it."""
        self.report.lines += 1
        if record.get("answer") in _SKIPPED_ANSWERS:
            self.report.skipped_answers += 1
            return
        fmt, given = _spans(record, self.fmt)
        spans = [self._span(span, index) for index, span in enumerate(given, start=1)]
        links = fmt.read_relations(record, given) if fmt.read_relations is not None else []
        reading = _reading(record["text"], spans, fmt, self.offsets)
        # The raw text is handed over, not kept: sanitizing lets it go once it has a changed
        # copy, so a long text is held twice at most while a pass makes the next one.
        clean, moved = sanitize_mapped(record.pop("text"))
        if not clean or clean.isspace():  # (strip would copy the text)
            raise ValueError("the text is empty once control characters are removed")
        carried = []
        for span, (start, end) in zip(spans, reading.offsets, strict=True):
            start, end = moved.map(start), moved.map(end)
            if start >= end:
                raise ValueError(f"span {span.index} covers only control characters")
            carried.append(_carried(span, start, end, clean))
        record["text"] = clean
        key = article_id(clean)
        entry = self.pending.get(key)
        if entry is None:
            article = article_from_record(_article_fields(record, clean), f"{self.name}:{number}")
            # Offsets were carried to `clean`: the article must be exactly that text.
            if article.id != key:
                raise ValueError("the text changes when sanitized again (a bug: report it)")
            entry = self.pending[key] = PendingArticle(article)
        # Counted only once the line is known to be good, so a dry run's numbers are the
        # import's.
        self.report.sanitized_lines += moved.changed
        if reading.converted:
            self.report.converted_lines += 1
            self.report.converted_spans += reading.converted
        base = len(entry.spans)
        entry.spans.extend(carried)
        for number, link in enumerate(links, start=1):
            label = clean_label(link.label)
            if not label or len(label) > MAX_LABEL:
                raise ValueError(
                    f"relation {number} has no usable label (at most {MAX_LABEL} characters): "
                    f"{quote(link.label)}"
                )
            if link.head == link.child:
                raise ValueError(f"relation {number} links span {link.head + 1} to itself")
            note = _paragraphs(link.note)
            entry.links.append((base + link.head, base + link.child, label, note))
        self.report.relations += len(links)
        if _status(record) is not None:
            entry.status = Status.DONE

    def _span(self, span: Any, index: int) -> _Span:
        if not isinstance(span, dict):
            raise ValueError(f"span {index} is not an object: {quote(span)}")
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"span {index} has no whole-number {name}: {quote(span)}")
        assert isinstance(start, int) and isinstance(end, int)
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"span {index} has no label: {quote(span)}")
        label = clean_label(label)
        if not label or len(label) > MAX_LABEL:
            raise ValueError(
                f"span {index} has no usable label (at most {MAX_LABEL} characters): "
                f"{quote(span.get('label'))}"
            )
        label = self.renames.get(label, label)
        label = self.canonical.get(label.casefold(), label)
        if self.only_known and label not in self.labels:
            raise ValueError(
                f"span {index} has the label {quote(label)}; labels are "
                f"{', '.join(self.labels)} (rename with --label OLD=NEW)"
            )
        said = span.get("text")
        return _Span(index, start, end, label, said if isinstance(said, str) else None, span)


def _spans(record: Mapping[str, Any], fmt: str) -> tuple[Format, list[Any]]:
    """The line's format and its spans, as objects with `start`, `end` and `label`. A line
    must say what it annotates, even if that is nothing (`"spans": []`): a line with none of
    a format's keys is more likely a wrong format than an article read and found empty."""
    readable = importable()
    told = [f for f in readable if any(key in record for key in f.line_keys)]
    chosen = told[0] if fmt == "auto" and told else FORMATS.get(fmt)
    if chosen is None or chosen not in told:
        if fmt == "auto":
            wanted = ", or ".join(f"{_keys(f)} ({f.title})" for f in readable)
        else:
            wanted = _keys(FORMATS[fmt])
        hint = " (is --format right?)" if fmt != "auto" and told else ""
        raise ValueError(f"no {wanted}: nothing to import{hint}")
    assert chosen.read_spans is not None
    return chosen, chosen.read_spans(record)


def _keys(fmt: Format) -> str:
    """A format's keys as a message names them: "spans", or "label", "labels" or "entities"."""
    quoted = [f'"{key}"' for key in fmt.line_keys]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)


@dataclass(frozen=True)
class _Reading:
    """The line's span offsets as code points into its raw text, and how many of them moved
    because the line counted UTF-16 code units."""

    offsets: list[tuple[int, int]]
    converted: int = 0


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _reading(text: str, spans: Sequence[_Span], fmt: Format, forced: str) -> _Reading:
    """Read the spans' offsets as code points or as UTF-16 code units, whichever fits.

    A reading fits when every span is inside the text, does not cut a character in two and,
    where the span gives its text, covers exactly that. The readings differ only after a
    character outside the BMP. Where both fit: Prodigy counts code points; for doccano the
    reading whose spans start and end at word boundaries, where the other's cut words, wins,
    and with no such evidence the line is refused.
    """
    given = [(span.start, span.end) for span in spans]
    units = _astral_units(text) if spans and forced != "codepoints" else array("q")
    if not units:  # nothing outside the BMP: both readings are the same
        _raise_first(_first_misfit(text, spans, given))
        return _Reading(given)
    as_utf16 = [(_from_utf16(units, s), _from_utf16(units, e)) for s, e in given]
    moved = sum(pair != old for pair, old in zip(as_utf16, given, strict=True))
    if forced == "utf16" or not moved:
        _raise_first(_first_misfit(text, spans, as_utf16))
        return _Reading(_known(as_utf16), moved)
    misfit = _first_misfit(text, spans, given)
    utf16_misfit = _first_misfit(text, spans, as_utf16)
    if misfit and utf16_misfit:
        raise ValueError(
            f"{misfit}; nor do the offsets fit as UTF-16 code units (as doccano counts): "
            f"{utf16_misfit}"
        )
    if misfit:
        return _Reading(_known(as_utf16), moved)
    if utf16_misfit or not fmt.utf16_offsets:
        return _Reading(given)
    cuts, utf16_cuts = _word_cuts(text, given), _word_cuts(text, _known(as_utf16))
    if utf16_cuts == 0 < cuts:
        return _Reading(_known(as_utf16), moved)
    if cuts == 0 < utf16_cuts:
        return _Reading(given)
    first = _ASTRAL.search(text)
    assert first is not None
    raise ValueError(
        f"the offsets fit both as code points and as UTF-16 code units (doccano counts UTF-16), "
        f"which differ after the character outside the BMP at character {first.start()} "
        f"({quote(first.group())}), and the line does not tell which it is; import it with "
        f"--offsets utf16 or --offsets codepoints"
    )


def _astral_units(text: str) -> array[int]:
    """The UTF-16 offset of each character outside the BMP (two code units each)."""
    if text.isascii():
        return array("q")
    return array("q", (m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))))


def _from_utf16(units: array[int], offset: int) -> int | None:
    """The code-point offset of UTF-16 `offset`; None when it falls inside a surrogate pair."""
    before = bisect_left(units, offset - 1)  # characters whose two units end at or before it
    if before < len(units) and units[before] == offset - 1:
        return None
    return offset - before


def _known(pairs: list[tuple[int | None, int | None]]) -> list[tuple[int, int]]:
    found = []
    for start, end in pairs:
        assert start is not None and end is not None  # checked by _first_misfit
        found.append((start, end))
    return found


def _first_misfit(
    text: str, spans: Sequence[_Span], offsets: Sequence[tuple[int | None, int | None]]
) -> str | None:
    """What is wrong with the first span that does not fit `text` at `offsets`, if any."""
    for span, (start, end) in zip(spans, offsets, strict=True):
        where = f"span {span.index} [{span.start}, {span.end})"
        if start is None or end is None:
            return f"{where} cuts a character outside the BMP in two (read as UTF-16)"
        if not 0 <= start < end <= len(text):
            return (
                f"{where} is empty, reversed or past the end of the text ({len(text)} characters)"
            )
        if span.said is not None and span.said != text[start:end]:
            return (
                f"{where} says {quote(span.said)} but the text there is "
                f"{quote(text[start:end])} (offsets made on another version of the "
                f"text?)"
            )
    return None


def _raise_first(misfit: str | None) -> None:
    if misfit is not None:
        raise ValueError(misfit)


def _word_cuts(text: str, offsets: Sequence[tuple[int, int]]) -> int:
    """How many span starts and ends fall inside a word."""
    return sum(
        0 < at < len(text) and _wordish(text[at - 1]) and _wordish(text[at])
        for pair in offsets
        for at in pair
    )


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


def _carried(span: _Span, start: int, end: int, text: str) -> dict[str, Any]:
    """The store's fields of an imported span; assay's own note, attrs and origin survive,
    made safe."""
    given = span.given
    origin = given.get("origin")
    if not (isinstance(origin, str) and (origin == "manual" or origin.startswith("suggested:"))):
        origin = "imported"
    item: dict[str, Any] = {
        "start": start,
        "end": end,
        "label": span.label,
        "text": text[start:end],
        "origin": origin,
    }
    note = given.get("note")
    if isinstance(note, str):
        item["note"] = _paragraphs(note)
    attrs = given.get("attrs")
    if isinstance(attrs, dict):
        item["attrs"] = _cleaned(attrs, _paragraphs, f"span {span.index}'s attrs")
    return item


def _paragraphs(value: str) -> str:
    """A string from outside that may hold line breaks (a note), made safe to show."""
    return show_bidi(sanitize(value))


def _cleaned(value: Any, clean: Callable[[str], str], what: str, depth: int = 0) -> Any:
    """A JSON value with its strings (and keys, as one line) cleaned; raises ValueError past
    `MAX_DEPTH` levels, so that nothing deeper is written or walked again."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        raise ValueError(f"{what} are nested too deeply (more than {MAX_DEPTH} levels)")
    if isinstance(value, dict):
        return {
            sanitize_line(str(k)): _cleaned(v, clean, what, depth + 1) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_cleaned(v, clean, what, depth + 1) for v in value]
    return value


def _article_fields(record: Mapping[str, Any], clean: str) -> dict[str, Any]:
    """The line's fields that describe its article (title, source, metadata), made safe, and
    its sanitized text."""
    fields = {
        sanitize_line(key): _cleaned(value, sanitize_line, f"the line's {quote(key)} values")
        for key, value in record.items()
        if key not in _ANNOTATION_KEYS
    }
    fields["text"] = clean
    return fields


def _status(record: Mapping[str, Any]) -> Status | None:
    """ "done" when the line says the article was finished (assay's export puts the status in
    `meta`). Other statuses follow from whether the article has annotations."""
    meta = record.get("meta")
    status = meta.get("status") if isinstance(meta, dict) else None
    return Status.DONE if status == Status.DONE else None


@dataclass(frozen=True)
class PlannedArticle:
    """What an import does to one article: the spans it adds and whether it sets the status."""

    key: str
    entry: PendingArticle
    fresh: list[dict[str, Any]]
    sets_status: bool
    # (head, child, label, note): an end is a position in `fresh`, or the id of an
    # annotation the article has already.
    links: list[tuple[int | str, int | str, str, str]] = field(default_factory=list)


def plan_gold(
    workspace: Workspace, store: Store, pending: Mapping[str, PendingArticle], report: ImportReport
) -> list[PlannedArticle]:
    """What importing `pending` into `store` adds, without writing: spans the annotator has
    (or that the file repeats) are left out, and the report counts what is added, skipped and
    new. `store` may be read-only: the dry run uses this."""
    kept = set(workspace.article_ids())
    plans = []
    for key, entry in pending.items():
        state = store.article_state(key)
        # Where each span of the file went: an annotation there already (its id), or its
        # position among the spans added.
        where: dict[tuple[int, int, str], int | str] = {
            (a.start, a.end, a.label): a.id for a in state.annotations
        }
        fresh: list[dict[str, Any]] = []
        for span in entry.spans:
            identity = (span["start"], span["end"], span["label"])
            if identity in where:
                report.duplicates += 1
                continue
            where[identity] = len(fresh)
            fresh.append(span)
        report.added += len(fresh)
        placed = [where[(s["start"], s["end"], s["label"])] for s in entry.spans]
        linked: set[tuple[int | str, int | str, str]] = {
            (r.head, r.child, r.label) for r in state.relations
        }
        links: list[tuple[int | str, int | str, str, str]] = []
        for head, child, label, note in entry.links:
            ends = (placed[head], placed[child], label)
            if ends in linked or ends[0] == ends[1]:  # (two spans of the file that are one)
                report.duplicate_relations += 1
                continue
            linked.add(ends)
            links.append((*ends, note))
        report.relations_added += len(links)
        report.labels.update(span["label"] for span in fresh)
        report.new_articles += key not in kept
        sets_status = entry.status is not None and state.status_set_at is None
        plans.append(PlannedArticle(key, entry, fresh, sets_status, links))
    return plans


def import_gold(
    workspace: Workspace,
    store: Store,
    path: Path,
    fmt: str = "auto",
    label_map: Mapping[str, str] | None = None,
    offsets: str = "auto",
) -> ImportReport:
    """Import `path` into `store` (the annotator's, writable); all or nothing."""
    _writable(store)
    pending, report = read_gold(
        path,
        fmt,
        label_map,
        store.labels or DEFAULT_LABELS,
        only_known=store.labels is not None,
        offsets=offsets,
    )
    return apply_gold(workspace, store, path, pending, report)


def apply_gold(
    workspace: Workspace,
    store: Store,
    path: Path,
    pending: Mapping[str, PendingArticle],
    report: ImportReport,
) -> ImportReport:
    """Write what `read_gold` read into `store`; all or nothing."""
    _writable(store)
    done: list[tuple[str, list[str], bool]] = []
    try:
        for plan in plan_gold(workspace, store, pending, report):
            workspace.save_article(plan.entry.article)
            made = store.add_many(plan.key, plan.fresh, status=plan.entry.status, links=plan.links)
            done.append((plan.key, [a.id for a in made], plan.sets_status))
    except Exception as exc:  # whatever stopped it (a full disk, a broken file), undo it
        _take_back(store, done)
        raise StoreError(
            f"import of {path} stopped ({exc}); what it had added was taken back, so nothing "
            f"was imported. Running it again is safe."
        ) from exc
    return report


def _writable(store: Store) -> None:
    if store.read_only:
        raise StoreError(
            f"cannot import as {store.annotator}: {store.read_only_reason or 'read-only'}"
        )


def _take_back(store: Store, done: list[tuple[str, list[str], bool]]) -> None:
    for key, ids, set_status in done:
        # Should this fail too, a later import skips what is already there: nothing doubles.
        with suppress(Exception):
            store.remove_many(key, ids, clear_status=set_status)
