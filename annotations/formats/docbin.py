"""spaCy's DocBin: the gold as training data, one `Doc` per paragraph (or sentence, or
article) of each annotated article, with the analysis pipeline's tokens.

    assay export --format spacy -o corpus.spacy [--unit paragraph|sentence|article]
        [--span-key sc] [--ents [LABEL,...]] [--split train=0.8,dev=0.2 [--seed N]]

Each `Doc` is one unit of one annotator's line (annotations/export.py):

- `doc.spans[span_key]` ("sc", spancat's default): the annotator's spans, each `Span`'s
  `id_` the annotation's id. A span that does not start and end on token boundaries covers
  the tokens it touches (the report counts them).
- with `--ents`, also `doc.ents`: the spans of the chosen labels (all labels without a list),
  refused with a clear message when any two of them overlap, since `doc.ents` cannot.
- with `--include-rejected`, the suggestions the annotator turned down in
  `doc.spans["incorrect_spans"]`: the span group spaCy's `ner` learns not to predict from
  (its `incorrect_spans_key`).
- `doc.user_data`: `article_id`, `source`, `title`, `annotator`, `status`, `tokenizer`, `unit`,
  `start_char` (where the Doc's text starts in the article's), `spans` (every annotation:
  `id`, `start`, `end` (its own characters), `token_start`, `token_end` (its Span's tokens),
  `label`, `origin`, and `note` and `attrs` where it has them) and `relations` (`label`, `id`,
  `note` where it has one, and `head`/`child`, each `start`, `end`, `token_start`,
  `token_end`, `label`, `id` of its end's Span). Offsets are characters of the Doc's text and
  token ends are exclusive, as in spaCy. (msgpack gives lists back as tuples.)

A span that does not start and end on token boundaries (a character-precise selection) is
the Span of the tokens it touches; two annotations on the same tokens with one label are one
Span (its `id_` the first's), each still listed in `spans`.

A span is never cut: one that crosses a unit's boundary moves, with the spans beside it, to
the next larger unit that holds it whole (a sentence's paragraph, else the whole article),
and the report says how many did. A relation whose ends land in two Docs is not in either
(the report counts them; `--unit article` keeps every one). Units the article marks as site
chrome (boilerplate) are left out unless a span is in them; every other unit of an exported
line is a Doc, with or without spans: the annotator read it, so a unit with no spans is a
negative example.

`--split` assigns whole articles to parts (no article is in two), in proportions as exact as
the number of articles allows, shuffled by `--seed`: the same workspace and seed give the
same parts.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotations.formats.base import ExportLine, ExportReport, count_line
from corpus.jsonl import quote
from corpus.text import counted, paragraphs
from corpus.tokens import Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

UNITS = ("sentence", "paragraph", "article")
DEFAULT_UNIT = "paragraph"
DEFAULT_SPAN_KEY = "sc"
INCORRECT_KEY = "incorrect_spans"  # the span group spaCy's ner reads negatives from
SUFFIX = ".spacy"
# spancat's default suggester proposes spans of 1 to 3 tokens.
DEFAULT_NGRAMS = 3
_PART_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


# --- options ---------------------------------------------------------------------------


def span_key_option(raw: str) -> str:
    """`--span-key`: a name for `doc.spans` (a config refers to it as a string)."""
    key = raw.strip()
    if not key or any(c.isspace() or not c.isprintable() for c in key) or len(key) > 64:
        raise ValueError(f"a span key is a short name without spaces, not {quote(raw)}")
    if key == INCORRECT_KEY:
        raise ValueError(f"{INCORRECT_KEY!r} holds rejected suggestions; choose another key")
    return key


def labels_option(raw: str) -> frozenset[str]:
    """`--ents LABEL,...`: the labels whose spans become `doc.ents`."""
    labels = frozenset(x.strip() for x in raw.split(",") if x.strip())
    if not labels:
        raise ValueError(f"no labels in {quote(raw)}: name them as LABEL,LABEL")
    return labels


def split_option(raw: str) -> tuple[tuple[str, float], ...]:
    """`--split train=0.8,dev=0.2`: named parts and their shares of the articles (summing
    to 1)."""
    parts: list[tuple[str, float]] = []
    for item in raw.split(","):
        name, equals, share = item.strip().partition("=")
        name = name.strip()
        if not equals or not _PART_NAME.fullmatch(name):
            raise ValueError(
                f"{quote(item.strip())} is not NAME=SHARE (e.g. train=0.8,dev=0.2; names are "
                "letters, digits, - and _)"
            )
        try:
            value = float(share)
        except ValueError:
            raise ValueError(
                f"the share of {name} is not a number: {quote(share.strip())}"
            ) from None
        if not 0 < value <= 1:
            raise ValueError(f"the share of {name} is not between 0 and 1: {share.strip()}")
        if name in (n for n, _ in parts):
            raise ValueError(f"{name} is named twice")
        parts.append((name, value))
    if len(parts) < 2:
        raise ValueError("a split has at least two parts, e.g. train=0.8,dev=0.2")
    total = sum(v for _, v in parts)
    if abs(total - 1) > 1e-6:
        raise ValueError(f"the shares add up to {total:g}, not 1")
    return tuple(parts)


def part_path(path: Path, part: str) -> Path:
    """Where a part of a split goes: corpus.spacy -> corpus.train.spacy."""
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    return path.with_name(f"{stem}.{part}{SUFFIX}")


def assign(
    article_ids: Sequence[str], parts: Sequence[tuple[str, float]], seed: int
) -> dict[str, str]:
    """Each article's part: the articles shuffled by `seed`, then cut in the parts' shares,
    counts rounded by largest remainder (5 articles at 0.8/0.2 are 4 and 1), and no part
    left empty while there are as many articles as parts."""
    ids = sorted(set(article_ids))
    random.Random(seed).shuffle(ids)
    exact = [share * len(ids) for _, share in parts]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(parts)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: len(ids) - sum(counts)]:
        counts[i] += 1
    # Every part gets an article while there are enough: from the largest part (a dev set
    # of none would stop `spacy train`).
    while len(ids) >= len(parts) and 0 in counts:
        counts[counts.index(0)] += 1
        counts[max(range(len(counts)), key=lambda i: (counts[i], -i))] -= 1
    found: dict[str, str] = {}
    at = 0
    for (name, _), count in zip(parts, counts, strict=True):
        for article_id in ids[at : at + count]:
            found[article_id] = name
        at += count
    return found


@dataclass(frozen=True)
class Options:
    unit: str = DEFAULT_UNIT
    span_key: str = DEFAULT_SPAN_KEY
    ents: frozenset[str] | None = None  # None: no doc.ents; empty: every label's spans


# --- what the export says ------------------------------------------------------------------


@dataclass
class Notes:
    """What only this format has to say: spans moved to a larger unit, links
    between Docs, spans of `--ents` that overlap, and how long spans are in tokens."""

    moved: Counter[tuple[str, str]] = field(default_factory=Counter)  # (unit, larger): spans
    relations_apart: int = 0
    overlaps: list[str] = field(default_factory=list)
    overlapping_labels: set[str] = field(default_factory=set)
    ent_labels: set[str] = field(default_factory=set)
    lengths: list[int] = field(default_factory=list)  # tokens per span
    labels: set[str] = field(default_factory=set)  # of the spans written
    misaligned: list[str] = field(default_factory=list)  # the first few, named

    def lines(self, unit: str) -> list[str]:
        """The notes for the user, one message each."""
        said = []
        for (small, larger), count in sorted(self.moved.items()):
            spans = "span crosses" if count == 1 else "spans cross"
            said.append(
                f"{count} {spans} a {small} boundary: kept whole in a Doc of the whole "
                f"{larger} (never cut)"
            )
        if self.relations_apart:
            links = counted(self.relations_apart, "relation links", "relations link")
            said.append(
                f"{links} spans in different {unit}s: in neither Doc's user_data (--unit "
                "article keeps every relation)"
            )
        return said

    def suggester(self) -> str | None:
        """How many spans spancat's default suggester can propose, and what would propose
        nearly all of them."""
        if not self.lengths:
            return None
        ordered = sorted(self.lengths)
        reach = bisect_right(ordered, DEFAULT_NGRAMS) / len(ordered)
        most = ordered[min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1)]
        said = (
            f"spans are {ordered[0]}-{ordered[-1]} tokens long (median "
            f"{ordered[len(ordered) // 2]}); spancat's default suggester (1-{DEFAULT_NGRAMS} "
            f"tokens) can propose {reach:.0%} of them"
        )
        if reach >= 0.95:
            return said
        return (
            f"{said}; spacy.ngram_range_suggester.v1 with max_size = {most} can propose 95% "
            "(README: 'Training a spaCy pipeline')"
        )


# --- building Docs -------------------------------------------------------------------------


class Builder:
    """The Docs of each exported line, held per article (a `DocBin` each, compact: a token
    is its ORTH and SPACY) until the parts are known."""

    def __init__(
        self,
        vocab: Vocab,
        retokenize: Callable[[str], Doc],
        options: Options,
        report: ExportReport,
        notes: Notes,
        tokenizer_name: str,
    ) -> None:
        self.vocab = vocab
        self.retokenize = retokenize
        self.options = options
        self.report = report
        self.notes = notes
        self.tokenizer_name = tokenizer_name
        self.articles: dict[str, DocBin] = {}
        # What a token is in the file: its text and trailing space (always), and its entity
        # tags where doc.ents are set.
        self.attrs = ["ORTH", "ENT_IOB", "ENT_TYPE"] if options.ents is not None else ["ORTH"]

    def add(
        self, line: ExportLine, tokens: Tokens, sentences: Sequence[tuple[int, int]] | None
    ) -> None:
        from spacy.tokens import DocBin

        article = line.article
        ranges = [(a.start, a.end) for a in line.annotations]
        ranges += [(r.start, r.end) for r in line.rejected]
        units = unit_ranges(article.text, self.options.unit, sentences, ranges, self.notes)
        spans = sorted(line.annotations, key=lambda a: (a.start, a.end, a.label, a.id))
        rejected = sorted(line.rejected, key=lambda r: (r.start, r.end, r.label))
        found = self.articles.get(article.id)
        if found is None:
            found = self.articles[article.id] = DocBin(attrs=self.attrs, store_user_data=True)
        placed: dict[str, int] = {}  # annotation id -> unit
        starts = [u[0] for u in units]
        for a in spans:
            placed[a.id] = bisect_right(starts, a.start) - 1
        for number, (u0, u1) in enumerate(units):
            mine = [a for a in spans if placed[a.id] == number]
            turned = [r for r in rejected if u0 <= r.start and r.end <= u1]
            if not mine and not turned and _all_chrome(article.boilerplate, u0, u1):
                continue
            doc, words = self._doc(article.text, tokens, u0, u1)
            self._fill(doc, line, u0, mine, turned, placed, number)
            add(found, doc, words)

    def _doc(self, text: str, tokens: Tokens, u0: int, u1: int) -> tuple[Doc, list[str]]:
        """The unit's Doc from the article's tokens, else (tokens that do not tile the unit
        exactly) from the tokenizer run on the unit's text; and its tokens' texts."""
        from spacy.tokens import Doc

        first = bisect_left(tokens.starts, u0)
        stop = bisect_left(tokens.starts, u1)
        if _tile(tokens, first, stop, u0, u1):
            starts, ends = tokens.starts[first:stop], tokens.ends[first:stop]
            words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
            spaces = list(map(bool, tokens.spaces[first:stop]))
            spaces[-1] = False
            return Doc(self.vocab, words=words, spaces=spaces), words
        doc = self.retokenize(text[u0:u1])
        return doc, [t.text for t in doc]

    def _fill(
        self,
        doc: Doc,
        line: ExportLine,
        offset: int,
        mine: Sequence[Any],
        turned: Sequence[Any],
        placed: Mapping[str, int],
        number: int,
    ) -> None:
        made: dict[str, Span] = {}  # each annotation's Span
        # One Span per tokens and label: two character-precise selections of one word are
        # one span to train on (each keeps its record in user_data).
        distinct: dict[tuple[int, int, str], tuple[Span, str]] = {}
        records = []
        for a in mine:
            span = self._span(doc, a.start - offset, a.end - offset, a.label, line, a.text)
            key = (span.start, span.end, a.label)
            if key in distinct:
                span = distinct[key][0]
            else:
                span.id_ = a.id
                distinct[key] = (span, a.text)
                self.notes.lengths.append(len(span))
            made[a.id] = span
            record: dict[str, Any] = {
                "id": a.id,
                "start": a.start - offset,
                "end": a.end - offset,
                "token_start": span.start,
                "token_end": span.end,
                "label": a.label,
                "origin": a.origin,
            }
            if a.note:
                record["note"] = a.note
            if a.attrs:
                record["attrs"] = dict(a.attrs)
            records.append(record)
        doc.spans[self.options.span_key] = [span for span, _ in distinct.values()]
        self.notes.labels.update(key[2] for key in distinct)
        if turned:
            doc.spans[INCORRECT_KEY] = [
                self._span(doc, r.start - offset, r.end - offset, r.label, None, r.text)
                for r in turned
            ]
        links = []
        for r in line.relations:
            if placed.get(r.head) != number and placed.get(r.child) != number:
                continue
            if r.head not in made or r.child not in made:
                if placed.get(r.head) == number:  # counted once, at its head's Doc
                    self.notes.relations_apart += 1
                    self.report.relations -= 1  # the report counts those written
                continue
            link: dict[str, Any] = {"label": r.label, "id": r.id}
            if r.note:
                link["note"] = r.note
            link["head"] = _end(made[r.head], r.head)
            link["child"] = _end(made[r.child], r.child)
            links.append(link)
        if self.options.ents is not None:
            self._ents(doc, line, list(distinct.values()))
        article = line.article
        doc.user_data.update(
            {
                "article_id": article.id,
                "source": article.source,
                "title": article.title,
                "annotator": line.annotator,
                "status": line.status,
                "tokenizer": self.tokenizer_name,
                "unit": self.options.unit,
                "start_char": offset,
                "spans": records,
                "relations": links,
            }
        )

    def _span(
        self, doc: Doc, start: int, end: int, label: str, line: ExportLine | None, words: str
    ) -> Span:
        """The Span of the tokens `[start, end)` touches; one that does not start and end on
        token boundaries is counted (with `line`: it is an annotation) and a few are named."""
        # Expanded at once: where the span is on token boundaries that is the strict span, and
        # its edges tell whether it was (one look at the Doc, not two).
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != end:
            if span is None:  # only white space between tokens: the token before it
                at = max(0, min(len(doc) - 1, _token_at(doc, start)))
                span = doc[at : at + 1]
                span.label_ = label
            if line is not None:
                self.report.misaligned += 1
                if len(self.notes.misaligned) < 5:
                    self.notes.misaligned.append(
                        f"article {line.article.id} ({line.annotator}): {label} "
                        f"{_quoted(words)} is the tokens {_quoted(span.text)}"
                    )
        return span

    def _ents(self, doc: Doc, line: ExportLine, spans: Sequence[tuple[Span, str]]) -> None:
        """`doc.ents` from the spans of the chosen labels (each with the annotation's words,
        for a message), unless two of them overlap anywhere in the export."""
        wanted = self.options.ents
        chosen = sorted(
            (s for s in spans if not wanted or s[0].label_ in wanted),
            key=lambda s: (s[0].start, s[0].end),
        )
        kept: list[tuple[Span, str]] = []
        for span, words in chosen:
            if kept and span.start < kept[-1][0].end:
                before, said = kept[-1]
                self.notes.overlapping_labels.update((before.label_, span.label_))
                if len(self.notes.overlaps) < 5:
                    self.notes.overlaps.append(
                        f"article {line.article.id} ({line.annotator}): {before.label_} "
                        f"{_quoted(said)} overlaps {span.label_} {_quoted(words)}"
                        + _widened(before, said, span, words)
                    )
                if span.end > before.end:
                    kept[-1] = (span, words)
                continue
            kept.append((span, words))
        self.notes.ent_labels.update(s.label_ for s, _ in chosen)
        if not self.notes.overlaps:
            doc.ents = [s for s, _ in kept]

    def parts(self, split: Sequence[tuple[str, float]] | None, seed: int) -> list[Part]:
        """The DocBins to write: one (named "") without a split, else one per part."""
        from spacy.tokens import DocBin

        if split is None:
            names = {article_id: "" for article_id in self.articles}
            order = [""]
        else:
            names = assign(list(self.articles), split, seed)
            order = [name for name, _ in split]
        found = {name: Part(name, DocBin(attrs=self.attrs, store_user_data=True)) for name in order}
        for article_id in sorted(self.articles):
            part = found[names[article_id]]
            part.docs.merge(self.articles[article_id])
            part.articles += 1
        return list(found.values())


@dataclass
class Part:
    """One file of the export: its name in a split ("" without one), its Docs, and how many
    articles they come from."""

    name: str
    docs: DocBin
    articles: int = 0


def _tile(tokens: Tokens, first: int, stop: int, u0: int, u1: int) -> bool:
    """Whether tokens `first` to `stop` cover `[u0, u1)` exactly: each starts where the one
    before ends, or one space after it (spaCy's trailing space), the first at `u0` and the
    last ending at `u1`."""
    import numpy

    if not first < stop or tokens.starts[first] != u0 or tokens.ends[stop - 1] != u1:
        return False
    starts = numpy.frombuffer(tokens.starts, dtype=tokens.starts.typecode)[first:stop]
    ends = numpy.frombuffer(tokens.ends, dtype=tokens.ends.typecode)[first:stop]
    gaps = numpy.frombuffer(tokens.spaces, dtype=numpy.uint8)[first : stop - 1]
    return bool((starts[1:] == ends[:-1] + gaps).all())


def add(found: DocBin, doc: Doc, words: Iterable[str]) -> None:
    """`DocBin.add` for a Doc made here (`words`: its tokens' texts), without its walk over
    every token for nine strings each, which was most of an export's time: the strings the
    stored attributes of these Docs use are their tokens' texts, and entity types that are
    span labels. The same Docs read back (tests/annotations/test_docbin.py checks them
    against `DocBin.add`'s); only the tokens' norms, which no stored attribute uses, are not
    in the file."""
    import numpy
    import srsly
    from spacy.attrs import SPACY

    array = doc.to_array(list(found.attrs))
    found.tokens.append(array.reshape((array.shape[0], 1)) if len(array.shape) == 1 else array)
    spaces = doc.to_array(SPACY)
    found.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
    found.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    found.strings.update(words)
    found.strings.add("")
    found.cats.append(doc.cats)
    if found.store_user_data:
        found.user_data.append(srsly.msgpack_dumps(doc.user_data))
    found.span_groups.append(doc.spans.to_bytes())
    for group in doc.spans.values():
        for span in group:
            found.strings.add(span.label_)
            if span.id_:
                found.strings.add(span.id_)


@contextmanager
def encoders_read_once() -> Iterator[None]:
    """srsly's msgpack looks up its encoders (scanning the installed packages' entry points
    and spaCy's whole registry, about a millisecond) for every object it packs: three times a
    Doc here. Nothing registers an encoder during an export, so they are looked up once for
    it."""
    from srsly import msgpack

    registry = msgpack.msgpack_encoders
    found = registry.get_all()
    registry.get_all = lambda: found  # this registry object only, until the export ends
    try:
        yield
    finally:
        del registry.get_all


def unit_ranges(
    text: str,
    unit: str,
    sentences: Sequence[tuple[int, int]] | None,
    spans: Iterable[tuple[int, int]],
    notes: Notes,
) -> list[tuple[int, int]]:
    """The units of `text` for these spans: those of `unit`, where a span crossing one's
    boundary (or in white space between them) has taken the next larger unit that holds it
    whole in place of the smaller ones inside it."""
    whole = [(0, len(text))]
    paras = [(p.start, p.end) for p in paragraphs(text)] or whole
    if unit == "sentence":
        levels = [list(sentences or ()) or paras, paras, whole]
        names = ["sentence", "paragraph", "article"]
    elif unit == "paragraph":
        levels, names = [paras, whole], ["paragraph", "article"]
    else:
        levels, names = [whole], ["article"]
    current = list(levels[0])
    for start, end in sorted(set(spans)):
        if _holding(current, start, end) is not None:
            continue
        for level in range(1, len(levels)):
            container = _holding(levels[level], start, end)
            if container is not None:
                break
        else:  # past the text's end: the export never gets such a span
            container, level = whole[0], len(levels) - 1
        c0, c1 = container
        current = sorted([u for u in current if u[1] <= c0 or u[0] >= c1] + [container])
        notes.moved[(names[0], names[level])] += 1
    return current


def _holding(units: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The unit of sorted, disjoint `units` that holds `[start, end)` whole, if one does."""
    at = bisect_right(units, (start, 2**62)) - 1
    if at >= 0 and units[at][0] <= start and end <= units[at][1]:
        return units[at]
    return None


def _all_chrome(boilerplate: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in boilerplate)


def _widened(first: Span, first_words: str, second: Span, second_words: str) -> str:
    """How the message says that spans overlap only once widened to whole tokens."""
    if first.text == first_words and second.text == second_words:
        return ""
    return f" (as whole tokens: {_quoted(first.text)} and {_quoted(second.text)})"


def _token_at(doc: Doc, char: int) -> int:
    for token in doc:
        if token.idx + len(token) > char:
            return int(token.i)
    return len(doc) - 1


def _end(span: Span, span_id: str) -> dict[str, Any]:
    return {
        "start": span.start_char,
        "end": span.end_char,
        "token_start": span.start,
        "token_end": span.end,
        "label": span.label_,
        "id": span_id,
    }


def _quoted(text: str, limit: int = 40) -> str:
    return quote(text if len(text) <= limit else text[: limit - 1] + "…")


def build(
    lines: Iterable[ExportLine],
    tokenize_many: Callable[[Iterable[str]], Iterator[Tokens]],
    sentences_of: Callable[[ExportLine], Sequence[tuple[int, int]]] | None,
    builder: Builder,
) -> None:
    """Every line's Docs into `builder`, an article's text tokenized once for all its lines
    (the tokenizer works ahead on the articles after the ones being built)."""
    from collections import deque

    waiting: deque[list[ExportLine]] = deque()

    def groups() -> Iterator[list[ExportLine]]:
        group: list[ExportLine] = []
        for line in lines:
            if group and group[0].article.id != line.article.id:
                yield group
                group = []
            group.append(line)
        if group:
            yield group

    def texts() -> Iterator[str]:
        for group in groups():
            waiting.append(group)
            yield group[0].article.text

    with encoders_read_once():
        for tokens in tokenize_many(texts()):
            group = waiting.popleft()
            sentences = sentences_of(group[0]) if sentences_of is not None else None
            for line in group:
                count_line(line, builder.report)
                builder.add(line, tokens, sentences)
