"""brat's standoff format: a folder of `<article id>.txt` (the text) and `<article id>.ann`
(its annotations), with an `annotation.conf` naming the labels, as brat's server reads them.

    T1<TAB>claim 374 429<TAB>Rare earth metals are an important area for cooperation
    T2<TAB>claim 12 20;21 30<TAB>first li second li     (a span across a line break)
    R1<TAB>source Arg1:T1 Arg2:T3
    #1<TAB>AnnotatorNotes T1<TAB>the note, on one line

Offsets count code points in the `.txt` file, which holds the article's text as it is. brat
refuses a text-bound annotation that crosses a line break, so such a span is written as
fragments, one per line it touches (`;` between them, their texts joined by a space, as brat
writes them). A label is a brat type: its spaces become `_`. The folder is not a line-based
export: `write_folder` writes it from the export's lines, one annotator's per folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotations.formats.base import ExportLine, ExportReport
from corpus.jsonl import quote

CONF_NAME = "annotation.conf"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of `text[start:end]` between line breaks (none of them empty)."""
    pieces = []
    at = start
    for found in re.finditer(r"[\r\n\u2028\u2029\x85\x0b\x0c]+", text[start:end]):
        if start + found.start() > at:
            pieces.append((at, start + found.start()))
        at = start + found.end()
    if end > at:
        pieces.append((at, end))
    return pieces


def brat_type(label: str) -> str:
    """A label as a brat type: no whitespace (brat splits its fields on it)."""
    return re.sub(r"\s+", "_", label.strip()) or "_"


def _one_line(note: str) -> str:
    return re.sub(r"\s+", " ", note).strip()


def ann_text(line: ExportLine) -> str:
    """The `.ann` file of one annotator's line.

    Spans are written as brat shows them, in the order of their fragments: two spans that
    become the same text-bound annotation (one of them began or ended with a line break,
    which no fragment holds) are one `T` line, their notes joined, so that the file reads
    back as it was written. Links likewise."""
    text = line.article.text
    spans: dict[tuple[str, str], tuple[list[tuple[int, int]], list[str]]] = {}
    key_of: dict[str, tuple[str, str]] = {}
    for annotation in line.annotations:
        pieces = fragments(text, annotation.start, annotation.end)
        if not pieces:
            continue  # only line breaks: brat has nothing to show
        key = (brat_type(annotation.label), ";".join(f"{s} {e}" for s, e in pieces))
        found = spans.setdefault(key, (pieces, []))
        if annotation.note.strip():
            found[1].append(_one_line(annotation.note))
        key_of[annotation.id] = key
    order = sorted(spans, key=lambda k: (spans[k][0][0][0], spans[k][0][-1][1], k))
    number = {key: i for i, key in enumerate(order, start=1)}
    out = []
    notes = 0
    for key in order:
        pieces, said = spans[key]
        words = " ".join(text[s:e] for s, e in pieces)
        out.append(f"T{number[key]}\t{key[0]} {key[1]}\t{words}")
        if said:
            notes += 1
            out.append(f"#{notes}\tAnnotatorNotes T{number[key]}\t{' '.join(sorted(set(said)))}")
    links: dict[tuple[int, int, str], list[str]] = {}
    for relation in line.relations:
        if relation.head in key_of and relation.child in key_of:
            head, child = number[key_of[relation.head]], number[key_of[relation.child]]
            if head == child:
                continue  # its two spans are one text-bound annotation in brat
            found_notes = links.setdefault((head, child, brat_type(relation.label)), [])
            if relation.note.strip():
                found_notes.append(_one_line(relation.note))
    for r, (head, child, label) in enumerate(sorted(links), start=1):
        out.append(f"R{r}\t{label} Arg1:T{head} Arg2:T{child}")
        said = links[(head, child, label)]
        if said:
            notes += 1
            out.append(f"#{notes}\tAnnotatorNotes R{r}\t{' '.join(sorted(set(said)))}")
    return "".join(f"{x}\n" for x in out)


def annotation_conf(labels: Iterable[str], relation_labels: Iterable[str]) -> str:
    """brat's `annotation.conf` for these span and relation labels."""
    entities = sorted({brat_type(x) for x in labels})
    relations = sorted({brat_type(x) for x in relation_labels})
    lines = ["[entities]", *entities, "", "[relations]"]
    lines += [f"{r}\tArg1:<ENTITY>, Arg2:<ENTITY>" for r in relations]
    lines += ["", "[events]", "", "[attributes]", ""]
    return "\n".join(lines)


def write_folder(
    lines: Iterable[ExportLine], folder: Path, report: ExportReport, *, by_annotator: bool
) -> None:
    """Each line's `.txt` and `.ann` in `folder` (in a folder per annotator when
    `by_annotator`), and an `annotation.conf` beside them. `folder` must exist and be empty:
    the caller writes to a fresh folder and moves it into place."""
    labels: dict[Path, tuple[set[str], set[str]]] = {}
    for line in lines:
        where = folder / line.annotator if by_annotator else folder
        where.mkdir(exist_ok=True)
        seen = labels.setdefault(where, (set(), set()))
        ann = ann_text(line)
        # the types written (a link between two spans brat shows as one is not)
        for row in ann.splitlines():
            kind, _, rest = row.partition("\t")
            if kind[:1] in ("T", "R"):
                seen[0 if kind[0] == "T" else 1].add(rest.split(" ", 1)[0])
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", line.article.id).lstrip(".") or "_"
        # newline="" keeps the text's own line breaks: the offsets count them as they are
        with (where / f"{stem}.txt").open("w", encoding="utf-8", newline="") as handle:
            handle.write(line.article.text)
        with (where / f"{stem}.ann").open("w", encoding="utf-8", newline="") as handle:
            handle.write(ann)
        report.lines += 1
        report.spans += len(line.annotations)
        report.relations += len(line.relations)
        report.articles.add(stem)
        if not line.annotations:
            report.empty += 1
    for where, (spans, relations) in labels.items():
        (where / CONF_NAME).write_text(annotation_conf(spans, relations), encoding="utf-8")


# --- import ------------------------------------------------------------------------------

_ANN_T = re.compile(r"(?P<type>\S+) (?P<where>\d+ \d+(?:;\d+ \d+)*)")
_ANN_R = re.compile(r"(?P<type>\S+) Arg1:(?P<head>T\d+) Arg2:(?P<child>T\d+)")
_ANN_NOTE = re.compile(r"AnnotatorNotes (?P<target>[TR]\d+)")
# Kinds of line assay keeps nothing of: events, attributes, normalizations, equivalences.
_NOT_KEPT = ("E", "A", "M", "N", "*")


def documents(folder: Path) -> list[Path]:
    """The `.ann` files of a brat folder and its subfolders, in order; each needs its `.txt`."""
    return sorted(p for p in folder.rglob("*.ann") if p.is_file())


def read_document(ann_path: Path, text: str) -> tuple[dict[str, Any], int]:
    """A brat document as a line of assay's own format (`text`, `spans` with `note`,
    `relations` between them), and the number of its lines of kinds assay does not keep.
    Raises ValueError naming the `.ann` line that is wrong. A span in fragments is one span
    from the first to the last when only line breaks and spaces lie between them (as assay
    writes spans across lines); across words, it cannot be one span and is refused."""
    spans: dict[str, dict[str, Any]] = {}
    relations: dict[str, dict[str, Any]] = {}
    notes: list[tuple[int, str, str]] = []
    skipped = 0
    content = ann_path.read_text(encoding="utf-8")
    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        try:
            if ident.startswith("T"):
                spans[ident] = _text_bound(fields, text)
            elif ident.startswith("R"):
                relations[ident] = _relation(fields)
            elif ident.startswith("#"):
                matched = _ANN_NOTE.fullmatch(fields[1]) if len(fields) > 2 else None
                if matched is not None:
                    notes.append((number, matched.group("target"), fields[2]))
                else:
                    skipped += 1  # another kind of comment
            elif ident.startswith(_NOT_KEPT):
                skipped += 1
            else:
                raise ValueError(f"is not a brat annotation: {_shown(line)}")
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from None
    for number, target, note in notes:
        found = spans.get(target) or relations.get(target)
        if found is None:
            raise ValueError(f"line {number}: a note on {target}, which is not there")
        found["note"] = f"{found['note']}\n{note}" if found.get("note") else note
    order = list(spans)
    links = []
    for ident, relation in relations.items():
        for end in ("head", "child"):
            if relation[end] not in spans:
                raise ValueError(
                    f"relation {ident}'s {end} {relation[end]} is not one of its spans"
                )
        links.append(
            {
                "head_span": _span_key(spans[relation["head"]]),
                "child_span": _span_key(spans[relation["child"]]),
                "label": relation["label"],
                "note": relation.get("note", ""),
            }
        )
    record = {
        "text": text,
        "spans": [spans[i] for i in order],
        "relations": links,
        "meta": {"source": ann_path.with_suffix(".txt").name},
    }
    return record, skipped


def _text_bound(fields: list[str], text: str) -> dict[str, Any]:
    matched = _ANN_T.fullmatch(fields[1]) if len(fields) >= 2 else None
    if matched is None:
        raise ValueError("is not a text-bound annotation (T1<TAB>label start end<TAB>text)")
    pieces = [tuple(map(int, p.split())) for p in matched.group("where").split(";")]
    for start, end in pieces:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start} {end} are outside the text ({len(text)} characters)")
    pieces.sort()
    for (_, end), (start, _) in pairwise(pieces):
        if text[end:start].strip():
            raise ValueError(
                f"its fragments are apart by words ({_shown(text[end:start])}); an assay span "
                f"is one run of text"
            )
    start, end = pieces[0][0], pieces[-1][1]
    written = fields[2] if len(fields) > 2 else None
    if written is not None and written != " ".join(text[s:e] for s, e in pieces):
        raise ValueError(
            f"its text {_shown(written)} is not the text at its offsets {_shown(text[start:end])}"
        )
    return {"start": start, "end": end, "label": matched.group("type"), "text": text[start:end]}


def _relation(fields: list[str]) -> dict[str, Any]:
    matched = _ANN_R.fullmatch(fields[1]) if len(fields) >= 2 else None
    if matched is None:
        raise ValueError("is not a relation (R1<TAB>label Arg1:T1 Arg2:T2)")
    return {
        "label": matched.group("type"),
        "head": matched.group("head"),
        "child": matched.group("child"),
    }


def _span_key(span: dict[str, Any]) -> dict[str, Any]:
    return {"start": span["start"], "end": span["end"], "label": span["label"]}


def _shown(value: str) -> str:
    return quote(value)
