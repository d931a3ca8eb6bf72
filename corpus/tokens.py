"""Tokens of an article from the analysis pipeline's own tokenizer, for the gold export.

Prodigy-style lines carry every token with its offsets, and spans carry the index of their
first and last token, so export needs the tokenizer of the pipeline that analyses the corpus
(spaCy's English tokenizer is rule-based: the model's components are not needed). Tokenizing
is the slow part of an export (about 260,000 tokens a second here), and tokens are a pure
function of (text, pipeline), so they are cached on disk beside analyses under that key.
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from json.encoder import encode_basestring
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING

from corpus.article import text_hash
from corpus.cache import AnalysisCache
from corpus.nlp import PipelineChoice

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer as SpacyTokenizer
    from spacy.tokens import Doc

TOKENS_VERSION = "tokens-1"
# The components of a trained pipeline, none of which tokenization needs.
_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler",
               "lemmatizer", "ner", "sentencizer")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token boundaries of one text: token `i` is `text[starts[i]:ends[i]]`, and `spaces[i]`
    says whether white space follows it (Prodigy's `ws`)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    spaces: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, start: int, end: int) -> tuple[int, int, bool]:
        """The first and last (inclusive) token of `[start, end)`, and whether the span starts
        and ends exactly on token boundaries.

        The first is the last token starting at or before `start`, the last is the last token
        starting before `end`: the tokens touched, where white space after a token counts as
        that token's (spaCy keeps one trailing space out of its tokens)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_left(self.starts, end) - 1, first)
        aligned = self.starts[first] == start and self.ends[last] == end
        return first, last, aligned

    def to_json(self, text: str) -> str:
        """The tokens as a Prodigy `tokens` JSON array, built as text: this runs for every token
        of an export, and formatting strings directly is about three times faster than dicts
        through `json.dumps`."""
        return "[" + self._json_items(text, 0, len(self)) + "]"

    def json_pieces(self, text: str, per: int = 50_000) -> Iterator[str]:
        """`to_json` in pieces of `per` tokens, for a writer: the array of a very long text
        (ten times its size) is never held whole."""
        if len(self) <= per:
            yield self.to_json(text)
            return
        yield "["
        for first in range(0, len(self), per):
            yield ("," if first else "") + self._json_items(text, first, first + per)
        yield "]"

    def _json_items(self, text: str, first: int, stop: int) -> str:
        spaces = ("false", "true")
        window = zip(self.starts, self.ends, self.spaces, strict=True)
        if first or stop < len(self):
            window = zip(self.starts[first:stop], self.ends[first:stop], self.spaces[first:stop],
                         strict=True)  # fmt: skip
        return ",".join([
            f'{{"text":{encode_basestring(text[s:e])},"start":{s},"end":{e},"id":{i},'
            f'"ws":{spaces[w]}}}'
            for i, (s, e, w) in enumerate(window, start=first)
        ])  # fmt: skip

    def to_dict(self) -> dict[str, list[int]]:
        return {"starts": list(self.starts), "ends": list(self.ends),
                "spaces": [int(w) for w in self.spaces]}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, list[int]]) -> Tokens:
        starts, ends, spaces = data["starts"], data["ends"], data["spaces"]
        if not len(starts) == len(ends) == len(spaces):
            raise ValueError("token arrays of different lengths")
        return cls(tuple(starts), tuple(ends), tuple(bool(w) for w in spaces))


class Tokenizer:
    """The chosen pipeline's tokenizer, loaded on first use, with an optional disk cache.

    With `processes` above 1, texts missing from the cache are tokenized by that many forked
    worker processes while the caller goes on with the texts before them (tokenizing is about
    two thirds of a cold export). Call `close()` when done. Workers are forked, which is
    unsafe from a process that runs threads (the reader): there, keep `processes=1`.
    """

    def __init__(
        self, choice: PipelineChoice, cache: AnalysisCache | None = None, processes: int = 1
    ) -> None:
        self.choice = choice
        self.cache = cache
        self.processes = processes
        self._tokenizer: SpacyTokenizer | None = None
        self._pool: Pool | None = None

    @property
    def name(self) -> str:
        """Which tokenizer made the tokens, for the export's record."""
        return tokenizer_name(self.choice)

    def _load(self) -> SpacyTokenizer:
        if self._tokenizer is None:
            import spacy

            from corpus.nlp import load_pipeline

            if self.choice.has_entities:
                nlp = spacy.load(self.choice.name, exclude=list(_COMPONENTS))
            else:
                nlp = load_pipeline(self.choice)
            self._tokenizer = nlp.tokenizer
        return self._tokenizer

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Tokenizer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _key(self, text: str) -> str:
        return tokens_key(self.choice, text)

    def tokenize(self, text: str) -> Tokens:
        return next(self.tokenize_many([text]))

    def tokenize_many(self, texts: Iterable[str], window: int = 256) -> Iterator[Tokens]:
        """Tokens of each text, in order. Cached ones are read; the rest are tokenized a
        window at a time, the next window's work started before this one's is handed out."""
        source = iter(texts)
        started: _Window | None = None
        while True:
            chunk = list(islice(source, window))
            following = self._start(chunk) if chunk else None
            if started is not None:
                yield from self._finish(started)
            if following is None:
                return
            started = following

    def _start(self, chunk: list[str]) -> _Window:
        keys = [self._key(text) for text in chunk]
        found = [self._cached(key) for key in keys]
        missing = [text for text, tokens in zip(chunk, found, strict=True) if tokens is None]
        made: Iterator[Arrays]
        if not missing:
            made = iter(())
        elif self.processes > 1 and len(missing) >= _PARALLEL_FROM:
            made = self._workers().imap(_tokenize_forked, missing, chunksize=8)
        else:
            made = (_arrays(doc) for doc in self._load().pipe(missing))
        return _Window(keys, found, made)

    def _finish(self, started: _Window) -> Iterator[Tokens]:
        for key, tokens in zip(started.keys, started.found, strict=True):
            if tokens is None:
                starts, ends, spaces = next(started.made)
                tokens = Tokens(tuple(starts), tuple(ends), tuple(map(bool, spaces)))
                if self.cache is not None:
                    self.cache.put(key, {"starts": starts, "ends": ends, "spaces": spaces})
            yield tokens

    def _workers(self) -> Pool:
        if self._pool is None:
            global _FORKED_TOKENIZER
            # Loaded before the fork, so every worker starts with it and loads nothing.
            _FORKED_TOKENIZER = self._load()
            self._pool = multiprocessing.get_context("fork").Pool(self.processes)
        return self._pool

    def _cached(self, key: str) -> Tokens | None:
        return None if self.cache is None else self.cache.load(key, Tokens.from_dict)


def tokenizer_name(choice: PipelineChoice) -> str:
    # With no model, analysis and export both use spaCy's blank English tokenizer.
    return choice.key if choice.has_entities else "spacy-blank-en"


def tokens_key(choice: PipelineChoice, text: str) -> str:
    return AnalysisCache.key(text_hash(text), tokenizer_name(choice), TOKENS_VERSION)


def remember_tokens(cache: AnalysisCache, choice: PipelineChoice, text: str, doc: Doc) -> None:
    """Cache the tokens of a Doc of the whole `text` made by `choice`'s pipeline."""
    starts, ends, spaces = _arrays(doc)
    cache.put(tokens_key(choice, text), {"starts": starts, "ends": ends, "spaces": spaces})


Arrays = tuple[list[int], list[int], list[int]]
# Fewer texts than this are quicker to tokenize here than to send to workers.
_PARALLEL_FROM = 16
_FORKED_TOKENIZER: SpacyTokenizer | None = None


@dataclass
class _Window:
    keys: list[str]
    found: list[Tokens | None]
    made: Iterator[Arrays]  # the tokens of the missing texts, in order


def _arrays(doc: Doc) -> Arrays:
    """Starts, ends and trailing-space flags of a Doc's tokens, read as arrays (fast)."""
    if not len(doc):
        return [], [], []
    columns = doc.to_array(["IDX", "LENGTH", "SPACY"])
    starts = columns[:, 0].tolist()
    ends = (columns[:, 0] + columns[:, 1]).tolist()
    return starts, ends, columns[:, 2].tolist()


def _tokenize_forked(text: str) -> Arrays:
    assert _FORKED_TOKENIZER is not None
    return _arrays(_FORKED_TOKENIZER(text))
