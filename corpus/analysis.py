"""Analysis of an article: sentences, entities, quotations and figures.

An analysis is a pure function of (text, pipeline, analysis code), so it is cached on disk under
exactly that key: re-opening an article, or re-running `assay analyze` over an unchanged corpus,
does no NLP and does not even load the model.
"""

from __future__ import annotations

import ctypes
import hashlib
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from corpus.article import Article, text_hash
from corpus.boilerplate import classify
from corpus.cache import AnalysisCache
from corpus.entities import Group, Mention, group_mentions, mend, speaker_groups, true_chrome
from corpus.figures import Figure, find_figures
from corpus.nlp import PipelineChoice, load_pipeline
from corpus.quotes import Quote, find_quotes, keep_text
from corpus.text import Paragraph, chunks, paragraphs
from corpus.tokens import remember_tokens

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Analysis pieces are at most this long: spaCy's parser and NER need about 1 GB of memory per
# 100,000 characters (its own figure; about 280 MB measured here with the small English model),
# and a 100,000-word article is about 600,000.
CHUNK_CHARS = 50_000
# Characters parsed together, at most (a longer piece goes alone). Cutting an article does not
# bound memory by itself: its pieces went through spaCy as one batch of `BATCH_SIZE` texts,
# and a 100,000-word article peaked at 2.0 GB. At 64,000 its pieces are parsed one at a time
# (peak 400 MB; two at a time, 630) and ordinary articles (4,000 to 5,000 characters) about 13
# to a batch, which parsed as fast as 32 did (bench/ssh_memory.py, bench/analyze.py).
BATCH_CHARS = 64_000
# Articles whose cache entries are looked up, and whose misses go through one `nlp.pipe`
# call, at a time. Large enough to amortise starting worker processes, small enough that
# output streams and memory stays flat on a 10,000-article corpus.
WINDOW = 500
# Texts per `nlp.pipe` batch. spaCy's default (256 for the small English model) hands a whole
# window to one worker, so a second process sat idle; 32 keeps two workers busy and measured
# faster on one process too (bench/analyze.py).
BATCH_SIZE = 32
# Text parsed since freed memory was last handed back to the system (`release_memory`), past
# which it is handed back when the analysis in hand is done: after one long article, or about
# every 20 short ones the reader analyses one by one, or each window of `analyze_many`.
TRIM_CHARS = 100_000

_T = TypeVar("_T")


def _code_version() -> str:
    """A hash of the code that decides what an analysis contains.

    Cache entries made by older code are simply not found; nobody has to remember to bump a
    version number when the boilerplate rules or the analysis change.
    """
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in (
        "analysis.py",
        "boilerplate.py",
        "text.py",
        "quotes.py",
        "figures.py",
        "entities.py",
        "given_names.py",
    ):
        path = here / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


ANALYSIS_VERSION = _code_version()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; `note` says why assay changed the pipeline's label, if it did
    (corpus/entities.py)."""

    start: int
    end: int
    label: str
    text: str
    note: str = ""
    group: str = ""  # the id of its entity group, one of the analysis's `groups`


@dataclass(frozen=True)
class Analysis:
    """What the pipeline found in one article; every offset is a code point into its text."""

    article_id: str
    pipeline: str
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...] = field(default=())
    figures: tuple[Figure, ...] = field(default=())
    # One real-world entity each (corpus/entities.py), in order of first mention.
    groups: tuple[Group, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The cache entry, and the analysis part of an `assay analyze` line."""
        return {
            "article_id": self.article_id,
            "pipeline": self.pipeline,
            "sentences": [list(s) for s in self.sentences],
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label, "text": e.text}
                | ({"note": e.note} if e.note else {})
                | ({"group": e.group} if e.group else {})
                for e in self.entities
            ],
            "groups": [g.to_dict() for g in self.groups],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on an entry that
        is not one (the cache then makes it again)."""
        return cls(
            article_id=data["article_id"],
            pipeline=data["pipeline"],
            sentences=tuple((int(s), int(e)) for s, e in data["sentences"]),
            entities=tuple(Entity(**e) for e in data["entities"]),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            figures=tuple(Figure.from_dict(f) for f in data.get("figures", ())),
            groups=tuple(Group.from_dict(g) for g in data.get("groups", ())),
        )


Progress = Callable[[int], None]


class Analyzer:
    """Analyses articles with one pipeline, through the cache; loads the model on first need."""

    def __init__(
        self,
        choice: PipelineChoice,
        cache: AnalysisCache | None = None,
        *,
        processes: int = 1,
        nlp: Language | None = None,
    ) -> None:
        self.choice = choice
        self.cache = cache
        self.processes = max(1, processes)
        self._nlp = nlp
        self._parsed = 0  # characters parsed since memory was last released

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.choice)
        return self._nlp

    def cache_key(self, article: Article) -> str:
        return AnalysisCache.key(text_hash(article.text), self.choice.key, ANALYSIS_VERSION)

    def analyze(self, article: Article) -> Analysis:
        """One article (the reader's path: it opens one article at a time)."""
        stream = self.analyze_many([article])
        _, analysis = next(stream)
        stream.close()  # its frames hold the article's docs until closed
        self._settle()
        return analysis

    def analyze_many(
        self, articles: Iterable[Article], progress: Progress | None = None
    ) -> Generator[tuple[Article, Analysis], None, None]:
        """Analyses in input order; cached ones are read, the rest go through `nlp.pipe`."""
        window: list[Article] = []
        for article in articles:
            window.append(article)
            if len(window) >= WINDOW:
                yield from self._window(window, progress)
                window = []
                self._settle()
        if window:
            yield from self._window(window, progress)
            self._settle()

    def _settle(self) -> None:
        """Hand freed memory back once enough text was parsed since it was last done."""
        if self._parsed >= TRIM_CHARS:
            self._parsed = 0
            release_memory()

    def _window(
        self, articles: Sequence[Article], progress: Progress | None
    ) -> Iterator[tuple[Article, Analysis]]:
        keys = [self.cache_key(a) for a in articles]
        found: list[Analysis | None] = [self._cached(k) for k in keys]
        missing = [i for i, a in enumerate(found) if a is None]
        ready = 0  # articles before this index have been yielded

        def flush() -> Iterator[tuple[Article, Analysis]]:
            nonlocal ready
            while ready < len(articles) and (result := found[ready]) is not None:
                if progress is not None:
                    progress(1)
                yield articles[ready], result
                ready += 1

        # Results stream out in input order as soon as every article before them is done.
        if missing:
            for i, analysis in self._run_pipeline([articles[i] for i in missing], missing):
                found[i] = analysis
                if self.cache is not None:
                    self.cache.put(keys[i], analysis.to_dict())
                yield from flush()
        yield from flush()

    def _cached(self, key: str) -> Analysis | None:
        return None if self.cache is None else self.cache.load(key, Analysis.from_dict)

    def _run_pipeline(
        self, articles: Sequence[Article], slots: Sequence[int]
    ) -> Iterator[tuple[int, Analysis]]:
        def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
            for k, article in enumerate(articles):
                for offset, piece in chunks(article.text, CHUNK_CHARS):
                    self._parsed += len(piece)
                    yield piece, (k, offset)

        def padded() -> Iterator[tuple[str, tuple[int, int] | None]]:
            # spaCy cuts its stream into batches of `BATCH_SIZE` texts, in this process or in
            # each worker: empty texts fill each batch up to that count, so that spaCy's
            # batches are exactly ours and one `nlp.pipe` call (one set of worker processes)
            # still serves the whole window. An empty text costs next to nothing to parse.
            fill = 0
            for batch in char_batches(pieces(), BATCH_SIZE, BATCH_CHARS):
                yield from repeat(("", None), fill)
                yield from batch
                fill = BATCH_SIZE - len(batch)

        # Pieces come back in input order, so an article is complete when the next starts.
        docs = self.nlp.pipe(
            padded(), as_tuples=True, n_process=self.processes, batch_size=BATCH_SIZE
        )
        current: int | None = None
        parts: list[tuple[int, Doc]] = []
        for doc, where in docs:
            if where is None:  # a filler
                continue
            k, offset = where
            # The tok2vec output is not read past the parse, and an article's pieces wait for
            # each other: a 100,000-word article kept 50 MB of it to the end.
            doc.tensor = doc.tensor[:0].copy()
            if current is not None and k != current:
                yield slots[current], self._finish(articles[current], parts)
                parts = []
            current = k
            parts.append((offset, doc))
        if current is not None:
            yield slots[current], self._finish(articles[current], parts)

    def _finish(self, article: Article, parts: Sequence[tuple[int, Doc]]) -> Analysis:
        if self.cache is not None and len(parts) == 1:
            # The export needs these tokens, and they come free here: the article the reader
            # analysed is then exported without tokenizing it again. (An article cut into
            # pieces is left to the export, which tokenizes the whole text.)
            remember_tokens(self.cache, self.choice, article.text, parts[0][1])
        try:
            return build_analysis(article, parts, self.choice)
        finally:
            for _, doc in parts:
                # The quotation rules keep a doc's entity spans in its `user_data`, and each
                # span holds the doc: a cycle, which only the cyclic collector frees, a
                # generation later. Broken here, a doc goes as soon as its article is built.
                doc.user_data.clear()


def char_batches(
    items: Iterable[tuple[str, _T]], max_texts: int, max_chars: int
) -> Iterator[list[tuple[str, _T]]]:
    """Consecutive `(text, context)` items in groups of at most `max_texts` texts and
    `max_chars` characters in all; a text longer than `max_chars` makes a group alone."""
    batch: list[tuple[str, _T]] = []
    size = 0
    for item in items:
        length = len(item[0])
        if batch and (len(batch) >= max_texts or size + length > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += length
    if batch:
        yield batch


def release_memory() -> bool:
    """Hand memory freed by an analysis back to the system; True when glibc's `malloc_trim`
    ran, False where there is none (another C library, another system).

    glibc keeps what a large parse freed for reuse, so after a 100,000-word article the reader
    stayed at 630-660 MB resident. The trim takes a few milliseconds and releases the GIL. No
    `gc.collect` before it: the one cycle an analysis made (a doc and its cached spans) is
    broken where the doc is done with, and a full collection held the GIL for 40 ms or more
    with a 10,000-article corpus loaded, a pause the reader's screen would feel.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others: no libc.so.6, or no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


def build_analysis(
    article: Article, parts: Sequence[tuple[int, Doc]], choice: PipelineChoice
) -> Analysis:
    """Turn the docs of an article's pieces into an Analysis with article offsets."""
    raw_sentences: list[tuple[int, int]] = []
    raw: list[Mention] = []
    quotes: list[Quote] = []
    # Nothing is reported inside site chrome ("Read next" teasers are not about this article).
    figures = find_figures(article.text, article.in_boilerplate)
    for offset, doc in parts:
        if len(doc):  # the piece's text is the article's, from its offset to the last token's
            last = doc[-1]
            keep_text(doc, article.text[offset : offset + last.idx + len(last.text_with_ws)])
        raw_sentences.extend((offset + s.start_char, offset + s.end_char) for s in doc.sents)
        for ent in doc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            if ent.text.strip():
                label = _relabel(ent.label_, start, end, figures)
                raw.append(Mention(start, end, label, ent.text))
        quotes.extend(find_quotes(doc, offset, article.in_boilerplate))
    # Entities are kept in datelines and captions, which name real places and people: only
    # true site chrome drops them (corpus/entities.py).
    chrome = true_chrome(article.boilerplate, classify(article.text) if article.boilerplate else ())
    speakers = [
        (q.speaker_start, q.speaker_end)
        for q in quotes
        if q.speaker_kind == "name" and q.speaker_start is not None and q.speaker_end is not None
    ]
    # Without a model's entities there is nothing to mend, and no rule makes entities alone.
    found = mend(article.text, raw, chrome, speakers) if choice.has_entities else []
    mended, groups = group_mentions(found)
    entities = [Entity(m.start, m.end, m.label, m.text, m.note, m.group) for m in mended]
    # A quotation's speaker names the entity group it is, where there is one.
    quotes = [
        replace(q, speaker_group=g) if g else q
        for q, g in zip(quotes, speaker_groups(groups, [q.speaker for q in quotes]), strict=True)
    ]
    return Analysis(
        article_id=article.id,
        pipeline=choice.key,
        sentences=tuple(split_at_paragraphs(article.text, raw_sentences, paragraphs(article.text))),
        entities=tuple(entities),
        quotes=tuple(quotes),
        figures=tuple(figures),
        groups=tuple(groups),
    )


_NUMERIC_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})


def _relabel(label: str, start: int, end: int, figures: Sequence[Figure]) -> str:
    """spaCy's small model calls "658 million metric tons" MONEY: a numeric entity takes the
    label of the figure it overlaps when the figure's rules know better."""
    if label not in _NUMERIC_LABELS:
        return label
    for figure in figures:
        overlaps = figure.start < end and start < figure.end
        if overlaps and figure.label in ("MONEY", "QUANTITY", "PERCENT"):
            return figure.label
    return label


def split_at_paragraphs(
    text: str, sentences: Sequence[tuple[int, int]], paras: Sequence[Paragraph]
) -> Iterator[tuple[int, int]]:
    """Sentences cut at paragraph ends and trimmed of white space.

    spaCy's small model sometimes runs a heading into the next paragraph's first sentence; a
    sentence cursor that jumps over a heading is wrong, so no sentence crosses a paragraph.
    """
    p = 0
    for start, end in sentences:
        while p < len(paras) and paras[p].end <= start:
            p += 1
        q = p
        while q < len(paras) and paras[q].start < end:
            s, e = max(start, paras[q].start), min(end, paras[q].end)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                yield s, e
            q += 1
