"""Tokens of an article from the analysis pipeline's own tokenizer, for the gold export.

Prodigy-style lines carry every token with its offsets, and spans carry the index of their
first and last token, so export needs the tokenizer of the pipeline that analyses the corpus
(spaCy's English tokenizer is rule-based: the model's components are not needed). Tokenizing
is the slow part of an export (about 260,000 tokens a second here), and tokens are a pure
function of (text, pipeline), so they are cached on disk beside analyses under that key.
"""

from __future__ import annotations

import multiprocessing
import operator
import re
import sys
from array import array
from base64 import b64decode, b64encode
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, repeat
from json.encoder import encode_basestring
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, Any

from corpus.article import text_hash
from corpus.cache import AnalysisCache
from corpus.nlp import PipelineChoice

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer as SpacyTokenizer
    from spacy.tokens import Doc

# 2: tokens cached as base64 of their lengths and flags, not as JSON lists of offsets.
TOKENS_VERSION = "tokens-3"  # 3: cuts mended where spaCy looks across a space
# A longer text is tokenized a piece at a time (`token_pieces`): spaCy's Doc of a whole text
# costs about 300 bytes a token, gigabytes for a very long article.
PIECE_CHARS = 50_000
# The components of a trained pipeline, none of which tokenization needs.
_COMPONENTS = (
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "ner",
    "sentencizer",
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token boundaries of one text: token `i` is `text[starts[i]:ends[i]]`, and `spaces[i]`
    is 1 when white space follows it (Prodigy's `ws`).

    Held as compact arrays (4 bytes an offset, 8 past 2**31, 1 a flag): a very long article has
    millions of tokens, and a Python int in a tuple costs 36 bytes. `of` builds them from any
    sequences."""

    starts: array[int]
    ends: array[int]
    spaces: bytes

    @classmethod
    def of(cls, starts: Sequence[int], ends: Sequence[int], spaces: Sequence[int]) -> Tokens:
        """Tokens from sequences of offsets and of flags (any true value: white space
        follows)."""
        if not len(starts) == len(ends) == len(spaces):
            raise ValueError("token arrays of different lengths")
        code = _typecode(max(ends, default=0))
        return cls(array(code, starts), array(code, ends), bytes(map(bool, spaces)))

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
        starts, ends, spaces = self.starts, self.ends, self.spaces
        if first or stop < len(self):
            starts, ends, spaces = starts[first:stop], ends[first:stop], spaces[first:stop]
        if not starts:
            return ""
        # Each token's pieces zipped and joined in C (a Python loop over tokens, even an
        # f-string, costs a third more); numbers are looked up as text where they are small.
        numbers = _numbers(max(ends[-1], first + len(starts)))
        number = numbers.__getitem__ if numbers else str
        items = "".join(
            map(
                "".join,
                zip(
                    map(encode_basestring, [text[s:e] for s, e in zip(starts, ends, strict=True)]),
                    repeat(',"start":'),
                    map(number, starts),
                    repeat(',"end":'),
                    map(number, ends),
                    repeat(',"id":'),
                    map(number, range(first, first + len(starts))),
                    map(_AFTER_TOKEN.__getitem__, spaces),
                ),
            )
        )
        return '{"text":' + items[: -len(_NEXT_TOKEN)]

    def to_dict(self) -> dict[str, str]:
        """The cache's entry: each token's length and white-space flag, as base64 of their
        little-endian bytes, one to three a token (a JSON list of ten million offsets took a
        gigabyte to write or read). The offsets follow from them: spaCy's tokens and the
        single spaces after them cover the text in order, as `tokens_of`'s pieces do."""
        lengths = array("I", map(operator.sub, self.ends, self.starts))
        largest = max(lengths, default=0)
        code = "B" if largest < 2**8 else "H" if largest < 2**16 else "I"
        return {
            "lengths": _packed(array(code, lengths)),
            "type": code,
            "spaces": b64encode(self.spaces).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tokens:
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on an entry that
        is not one."""
        code = data["type"]
        if code not in ("B", "H", "I"):
            raise ValueError(f"unknown length type {code!r}")
        import numpy as np  # loaded by whoever reads tokens in bulk (agree); not at start-up

        packed = b64decode(data["lengths"], validate=True)
        lengths = np.frombuffer(packed, dtype=f"<u{array(code).itemsize}")  # ValueError if partial
        spaces = b64decode(data["spaces"], validate=True)
        if len(lengths) != len(spaces):
            raise ValueError("token arrays of different lengths")
        if spaces.translate(None, b"\x00\x01"):
            raise ValueError("white-space flags other than 0 and 1")
        # Length, flag, length, flag, ...: their running sums from 0 are the first token's
        # start, its end, the next one's start, and so on (numpy: a long article has millions).
        steps = np.zeros(2 * len(lengths) + 1, dtype=np.int64)
        steps[1::2] = lengths
        steps[2::2] = np.frombuffer(spaces, dtype=np.uint8)
        offsets = np.cumsum(steps)
        kind = _typecode(int(offsets[-1]))
        native = np.dtype("=i4" if kind == "i" else "=i8")
        return cls(
            array(kind, offsets[0:-1:2].astype(native).tobytes()),
            array(kind, offsets[1::2].astype(native).tobytes()),
            spaces,
        )


# What follows a token's "ws" (false, true), up to the next token's text.
_NEXT_TOKEN = ',{"text":'
_AFTER_TOKEN = (',"ws":false}' + _NEXT_TOKEN, ',"ws":true}' + _NEXT_TOKEN)
# Whole numbers as text, made on first use: tokens' offsets and indices of most articles.
_NUMBERS: list[str] = []
_NUMBERS_UP_TO = 100_000  # about 5 MB


def _numbers(largest: int) -> list[str]:
    """Text of the whole numbers from 0 up to at least `largest`, or [] past the table's size."""
    if largest >= _NUMBERS_UP_TO:
        return []
    if largest >= len(_NUMBERS):
        _NUMBERS.extend(map(str, range(len(_NUMBERS), _NUMBERS_UP_TO)))
    return _NUMBERS


def _typecode(largest: int) -> str:
    """The array type of offsets up to `largest`: 4 bytes where they fit (spaCy tokenizes at
    most 2**30 characters at once, but pieces of a longer text add up)."""
    return "i" if largest < 2**31 else "q"


def _packed(values: array[int]) -> str:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return b64encode(values.tobytes()).decode("ascii")


# The end of a run of white space, before a character that is not one: where spaCy's
# tokenizer starts a new run. `_LAST_CUT` finds the last one in the range it is given.
_LAST_CUT = re.compile(r".*\s(?=\S)", re.DOTALL)
_NEXT_CUT = re.compile(r"\s(?=\S)")


def token_pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """Cut `text` into pieces of at most `limit` code points (unless one run of text and white
    space is longer), as `(offset, piece)`, where a cut cannot change the tokens.

    spaCy's tokenizer splits a text into runs of white space and of other characters and
    tokenizes each run on its own; one space after a run is that run's last token's `ws`.
    Every cut falls where a run of white space ends and other text begins, so each piece
    holds whole runs, and a piece ending in white space ends exactly as the text went on.
    """
    start, size = 0, len(text)
    while size - start > limit:
        # endpos start + limit + 1: the lookahead may read the first character of the next
        # piece, never further.
        cut = _LAST_CUT.match(text, start, start + limit + 1) or _NEXT_CUT.search(
            text, start + limit
        )
        if cut is None:
            break  # nowhere to cut: the rest is one run, or one and the white space after it
        yield start, text[start : cut.end()]
        start = cut.end()
    yield start, text[start:]


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

    def spacy_tokenizer(self) -> SpacyTokenizer:
        """The pipeline's own tokenizer (with its vocab), loaded on first use: for a format
        that builds spaCy Docs."""
        return self._load()

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
        made: Iterator[Tokens]
        if not missing:
            made = iter(())
        elif self.processes > 1 and len(missing) >= _PARALLEL_FROM:
            made = self._workers().imap(_tokenize_forked, missing, chunksize=8)
        else:
            tokenizer = self._load()
            made = (tokens_of(tokenizer, text) for text in missing)
        return _Window(keys, found, made)

    def _finish(self, started: _Window) -> Iterator[Tokens]:
        for key, tokens in zip(started.keys, started.found, strict=True):
            if tokens is None:
                tokens = next(started.made)
                if self.cache is not None:
                    self.cache.put(key, tokens.to_dict())
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


def tokens_of(tokenizer: SpacyTokenizer, text: str, limit: int = PIECE_CHARS) -> Tokens:
    """The tokens of `text`, tokenized a piece at a time (`token_pieces`): the same tokens as
    of the whole text, without its whole Doc."""
    code = _typecode(len(text))
    starts, ends, spaces = array(code), array(code), bytearray()
    pieces = list(token_pieces(text, limit))
    for offset, piece in pieces:
        _append(tokenizer(piece), offset, starts, ends, spaces)
    for offset, _piece in pieces[1:]:
        _mend_seam(tokenizer, text, offset, starts, ends, spaces)
    return Tokens(starts, ends, bytes(spaces))


def _mend_seam(
    tokenizer: SpacyTokenizer,
    text: str,
    seam: int,
    starts: array[int],
    ends: array[int],
    spaces: bytearray,
) -> None:
    """Make the tokens around a cut those of the whole text. spaCy's special cases look across
    a single space ("( :)word" gives ":" and ")", ":)word" alone ":)"), so the two runs on each
    side of the cut are tokenized together, and the run right before the cut and the run
    right after it take the tokens they get there."""
    inner = _runs_before(text, seam, 1), _runs_after(text, seam, 1)
    low, high = _runs_before(text, seam, 2), _runs_after(text, seam, 2)
    first, last = bisect_left(starts, inner[0]), bisect_left(starts, inner[1])
    if first >= len(starts) or starts[first] != inner[0]:
        return  # the window does not fall on token edges: leave the pieces' tokens
    if last < len(starts) and starts[last] != inner[1]:
        return
    window: tuple[array[int], array[int], bytearray] = (
        array(starts.typecode), array(starts.typecode), bytearray()
    )  # fmt: skip
    _append(tokenizer(text[low:high]), low, *window)
    w_first, w_last = bisect_left(window[0], inner[0]), bisect_left(window[0], inner[1])
    if w_first >= len(window[0]) or window[0][w_first] != inner[0]:
        return
    if w_last < len(window[0]) and window[0][w_last] != inner[1]:
        return
    mended = window[0][w_first:w_last], window[1][w_first:w_last]
    if mended == (starts[first:last], ends[first:last]):
        return
    starts[first:last], ends[first:last] = mended
    spaces[first:last] = window[2][w_first:w_last]


def _runs_before(text: str, at: int, runs: int) -> int:
    """Where the `runs`-th run of other text before `at` starts (white space skipped)."""
    low = at
    for _ in range(runs):
        while low > 0 and text[low - 1].isspace():
            low -= 1
        while low > 0 and not text[low - 1].isspace() and at - low < _SEAM_REACH:
            low -= 1
    return low


def _runs_after(text: str, at: int, runs: int) -> int:
    """Where the `runs`-th run of other text from `at` ends, with the white space after it."""
    high = at
    for _ in range(runs):
        while high < len(text) and not text[high].isspace() and high - at < _SEAM_REACH:
            high += 1
        while high < len(text) and text[high].isspace():
            high += 1
    return high


_SEAM_REACH = 1_000  # how far from a cut its window may reach on each side


def cached_tokens(cache: AnalysisCache, choice: PipelineChoice, text: str) -> Tokens | None:
    """The tokens of `text` by `choice`'s tokenizer, when the cache has them."""
    return cache.load(tokens_key(choice, text), Tokens.from_dict)


def tokenizer_name(choice: PipelineChoice) -> str:
    # With no model, analysis and export both use spaCy's blank English tokenizer.
    return choice.key if choice.has_entities else "spacy-blank-en"


def tokens_key(choice: PipelineChoice, text: str) -> str:
    return AnalysisCache.key(text_hash(text), tokenizer_name(choice), TOKENS_VERSION)


def remember_tokens(cache: AnalysisCache, choice: PipelineChoice, text: str, doc: Doc) -> None:
    """Cache the tokens of a Doc of the whole `text` made by `choice`'s pipeline."""
    code = _typecode(len(text))
    starts, ends, spaces = array(code), array(code), bytearray()
    _append(doc, 0, starts, ends, spaces)
    cache.put(tokens_key(choice, text), Tokens(starts, ends, bytes(spaces)).to_dict())


# Fewer texts than this are quicker to tokenize here than to send to workers.
_PARALLEL_FROM = 16
_FORKED_TOKENIZER: SpacyTokenizer | None = None


@dataclass
class _Window:
    keys: list[str]
    found: list[Tokens | None]
    made: Iterator[Tokens]  # the tokens of the missing texts, in order


def _append(doc: Doc, offset: int, starts: array[int], ends: array[int], spaces: bytearray) -> None:
    """Add the starts (moved by `offset`), ends and trailing-space flags of a Doc's tokens,
    read as NumPy columns and copied as bytes (fast)."""
    if not len(doc):
        return
    columns = doc.to_array(["IDX", "LENGTH", "SPACY"])
    offsets = f"i{starts.itemsize}"
    first = columns[:, 0] + offset
    starts.frombytes(first.astype(offsets).tobytes())
    ends.frombytes((first + columns[:, 1]).astype(offsets).tobytes())
    spaces += columns[:, 2].astype("u1").tobytes()


def _tokenize_forked(text: str) -> Tokens:
    assert _FORKED_TOKENIZER is not None
    return tokens_of(_FORKED_TOKENIZER, text)
