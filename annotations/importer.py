"""Import gold annotations from Prodigy or doccano JSONL into an annotator's store.

Accepted lines (the format is told per line, or forced with `fmt`):

- Prodigy: `{"text", "spans": [{"start", "end", "label", "text"?}], "answer"?, "meta"?}`.
  Lines answered "reject" or "ignore" are skipped and counted. assay's own export is this.
- doccano: `{"text", "label": [[start, end, label], ...]}`, or the newer
  `{"text", "entities": [{"start_offset", "end_offset", "label"}]}`.

An article is its text: the id is the hash of the sanitized text, so a line whose text is in
the corpus lands on that article, and a text the workspace has not seen is kept there as a new
article. Text with control characters or `\\r\\n` is sanitized as the corpus loader does, and
the spans are carried over to the sanitized offsets.

The whole file is read and checked before anything is written: one bad line (with its number
and what is wrong) and nothing is imported. Spans the annotator already has (same start, end
and label) are skipped, so running an import twice adds nothing the second time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.model import DEFAULT_LABELS
from annotations.store import Store, StoreError
from annotations.workspace import Workspace
from corpus.article import Article, article_id
from corpus.loader import article_from_record
from corpus.text import sanitize, sanitize_mapped

FORMATS = ("auto", "prodigy", "doccano")
MAX_ERRORS_SHOWN = 20
MAX_LABEL = 64
_SKIPPED_ANSWERS = ("reject", "ignore")


class ImportFailed(StoreError):
    """The file has lines that cannot be imported; nothing was written."""

    def __init__(self, path: Path, errors: list[str]) -> None:
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        lines = "\n".join(f"  {e}" for e in shown)
        tail = f"\n  ... and {more} more" if more else ""
        super().__init__(
            f"{path}: {len(errors)} line(s) cannot be imported, so nothing was imported:\n"
            f"{lines}{tail}"
        )


@dataclass
class ImportReport:
    lines: int = 0
    skipped_answers: int = 0
    articles: int = 0
    new_articles: int = 0
    added: int = 0
    duplicates: int = 0
    sanitized_lines: int = 0  # lines whose text had control characters or \r\n
    labels: Counter[str] = field(default_factory=Counter)


@dataclass
class PendingArticle:
    """What the file holds for one article, over all the lines with its text."""

    article: Article
    spans: list[dict[str, Any]] = field(default_factory=list)
    status: str | None = None


def read_gold(
    path: Path,
    fmt: str = "auto",
    label_map: Mapping[str, str] | None = None,
    labels: tuple[str, ...] = DEFAULT_LABELS,
    only_known: bool = False,
) -> tuple[dict[str, PendingArticle], ImportReport]:
    """Parse and check the whole file; raises `ImportFailed` listing every bad line.

    Labels are renamed by `label_map`, then matched to `labels` ignoring case ("CLAIM" is
    "claim"); other labels are kept as written, or are bad lines when `only_known`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    report = ImportReport()
    errors: list[str] = []
    pending: dict[str, PendingArticle] = {}
    renames = dict(label_map or {})
    canonical = {label.casefold(): label for label in labels}
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path.name}:{number}"
            try:
                record = _record(raw, number)
                if record is None:
                    continue
                report.lines += 1
                answer = record.get("answer")
                if answer in _SKIPPED_ANSWERS:
                    report.skipped_answers += 1
                    continue
                raw_spans = _spans(record, fmt)
                text: str = record["text"]
                clean, positions = sanitize_mapped(text)
                if not clean.strip():
                    raise ValueError("the text is empty once control characters are removed")
                if clean != text:
                    report.sanitized_lines += 1
                spans = []
                for index, span in enumerate(raw_spans, start=1):
                    start, end, label = _checked(span, index, text)
                    start, end = positions[start], positions[end]
                    if start >= end:
                        raise ValueError(f"span {index} covers only control characters")
                    label = renames.get(label, label)
                    label = canonical.get(label.casefold(), label)
                    if only_known and label not in labels:
                        raise ValueError(
                            f"span {index} has the label {label!r}; labels are "
                            f"{', '.join(labels)} (rename with --label OLD=NEW)"
                        )
                    spans.append(_carried(span, start, end, label, clean))
                key = article_id(clean)
                entry = pending.get(key)
                if entry is None:
                    article = article_from_record({**record, "text": clean}, where)
                    # Offsets were carried to `clean`: the article must be exactly that text.
                    if article.id != key:
                        raise ValueError("the text changes when sanitized again (a bug: report it)")
                    entry = pending[key] = PendingArticle(article)
            except ValueError as exc:
                errors.append(f"line {number}: {exc}")
                continue
            entry.spans.extend(spans)
            status = _status(record)
            if status is not None:
                entry.status = status
    if errors:
        raise ImportFailed(path, errors)
    report.articles = len(pending)
    return pending, report


def import_gold(
    workspace: Workspace,
    store: Store,
    path: Path,
    fmt: str = "auto",
    label_map: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import `path` into `store` (the annotator's, writable); all or nothing."""
    if store.read_only:
        raise StoreError(
            f"cannot import as {store.annotator}: {store.read_only_reason or 'read-only'}"
        )
    pending, report = read_gold(
        path, fmt, label_map, store.labels or DEFAULT_LABELS, only_known=store.labels is not None
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
    if store.read_only:
        raise StoreError(
            f"cannot import as {store.annotator}: {store.read_only_reason or 'read-only'}"
        )
    done: list[tuple[str, list[str], bool]] = []
    saved: list[str] = []
    try:
        for key, entry in pending.items():
            if workspace.save_article(entry.article):
                saved.append(key)
            state = store.article_state(key)
            sets_status = entry.status is not None and state.status_set_at is None
            existing = {(a.start, a.end, a.label) for a in state.annotations}
            fresh = []
            for span in entry.spans:
                identity = (span["start"], span["end"], span["label"])
                if identity in existing:
                    report.duplicates += 1
                    continue
                existing.add(identity)
                fresh.append(span)
            made = store.add_many(key, fresh, status=entry.status)
            done.append((key, [a.id for a in made], sets_status))
            report.added += len(made)
            report.labels.update(a.label for a in made)
    except Exception as exc:  # whatever stopped it (a full disk, a broken file), undo it
        _take_back(store, done)
        raise StoreError(
            f"import of {path} stopped ({exc}); what it had added was taken back, so nothing "
            f"was imported. Running it again is safe."
        ) from exc
    report.new_articles = len(saved)
    return report


def _take_back(store: Store, done: list[tuple[str, list[str], bool]]) -> None:
    for key, ids, set_status in done:
        # Should this fail too, a later import skips what is already there: nothing doubles.
        with suppress(Exception):
            store.remove_many(key, ids, clear_status=set_status)


def _record(raw: bytes, number: int) -> dict[str, Any] | None:
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start + 1})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    return record


def _spans(record: Mapping[str, Any], fmt: str) -> list[Any]:
    """The line's spans in their own shape. A line must say what it annotates, even if that is
    nothing (`"spans": []`): a line with neither key is more likely a wrong format than an
    article read and found empty."""
    prodigy = "spans" in record
    doccano = "label" in record or "entities" in record
    if not {"prodigy": prodigy, "doccano": doccano, "auto": prodigy or doccano}[fmt]:
        wanted = {"prodigy": '"spans"', "doccano": '"label" or "entities"'}.get(
            fmt, '"spans" (Prodigy), or "label" or "entities" (doccano)'
        )
        hint = " (is --format right?)" if fmt != "auto" and (prodigy or doccano) else ""
        raise ValueError(f"no {wanted}: nothing to import{hint}")
    if prodigy and fmt != "doccano":
        spans = record["spans"]
        if not isinstance(spans, list):
            raise ValueError('"spans" is not a list')
        return spans
    if "entities" in record:
        entities = record["entities"]
        if not isinstance(entities, list):
            raise ValueError('"entities" is not a list')
        return [_doccano_entity(e, i) for i, e in enumerate(entities, start=1)]
    labels = record["label"]
    if not isinstance(labels, list):
        raise ValueError('"label" is not a list of [start, end, label]')
    return [_doccano_triple(t, i) for i, t in enumerate(labels, start=1)]


def _doccano_triple(triple: Any, index: int) -> dict[str, Any]:
    if isinstance(triple, str):
        raise ValueError(
            f"label {index} is {triple!r}: a document label (text classification), not a span"
        )
    if not isinstance(triple, list) or len(triple) != 3:
        raise ValueError(f"label {index} is not [start, end, label]: {_short(triple)}")
    return {"start": triple[0], "end": triple[1], "label": triple[2]}


def _doccano_entity(entity: Any, index: int) -> dict[str, Any]:
    if not isinstance(entity, dict):
        raise ValueError(f"entity {index} is not an object: {_short(entity)}")
    return {"start": entity.get("start_offset"), "end": entity.get("end_offset"),
            "label": entity.get("label")}  # fmt: skip


def _checked(span: Any, index: int, text: str) -> tuple[int, int, str]:
    if not isinstance(span, dict):
        raise ValueError(f"span {index} is not an object: {_short(span)}")
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"span {index} has no whole-number {name}: {_short(span)}")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"span {index} [{start}, {end}) is empty, reversed or past the end of the text "
            f"({len(text)} characters)"
        )
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"span {index} has no label: {_short(span)}")
    # Labels reach the terminal (summaries, the reader): no control characters or escapes.
    label = " ".join(sanitize(label).split())
    if not label or len(label) > MAX_LABEL:
        raise ValueError(f"span {index} has no usable label (at most {MAX_LABEL} characters)")
    said = span.get("text")
    if isinstance(said, str) and said != text[start:end]:
        raise ValueError(
            f"span {index} [{start}, {end}) says {_short(said)} but the text there is "
            f"{_short(text[start:end])} (offsets made on another version of the text?)"
        )
    return start, end, label


def _carried(
    span: Mapping[str, Any], start: int, end: int, label: str, text: str
) -> dict[str, Any]:
    """The store's fields of an imported span; assay's own note, attrs and origin survive."""
    origin = span.get("origin")
    if not (isinstance(origin, str) and (origin == "manual" or origin.startswith("suggested:"))):
        origin = "imported"
    item: dict[str, Any] = {"start": start, "end": end, "label": label,
                            "text": text[start:end], "origin": origin}  # fmt: skip
    if isinstance(span.get("note"), str):
        item["note"] = span["note"]
    if isinstance(span.get("attrs"), dict):
        item["attrs"] = span["attrs"]
    return item


def _status(record: Mapping[str, Any]) -> str | None:
    """ "done" when the line says the article was finished (assay's export puts the status in
    `meta`). Other statuses follow from whether the article has annotations."""
    meta = record.get("meta")
    status = meta.get("status") if isinstance(meta, dict) else None
    return "done" if status == "done" else None


def _short(value: Any, limit: int = 80) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
