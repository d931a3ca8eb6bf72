"""Tokens of an article from the analysis pipeline's own tokenizer, for the gold export.

Prodigy-style lines carry every token with its offsets, and spans carry the index of their
first and last token, so export needs the tokenizer of the pipeline that analyses the corpus
(spaCy's English tokenizer is rule-based: the model's components are not needed). Tokenizing
is the slow part of an export (about 260,000 tokens a second here), and tokens are a pure
function of (text, pipeline), so they are cached on disk beside analyses under that key.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from corpus.article import text_hash
from corpus.cache import AnalysisCache
from corpus.nlp import PipelineChoice

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer as SpacyTokenizer

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
        """The first and last (inclusive) token that `[start, end)` touches, and whether the
        span starts and ends exactly on token boundaries."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_right(self.starts, end - 1) - 1, first)
        # A span that starts in white space after a token belongs with the next token.
        if first < len(self.ends) - 1 and self.ends[first] <= start:
            first += 1
            last = max(last, first)
        aligned = self.starts[first] == start and self.ends[last] == end
        return first, last, aligned

    def to_json(self, text: str) -> str:
        """The tokens as a Prodigy `tokens` JSON array, built as text: this runs for every token
        of an export, and formatting strings directly is about three times faster than dicts
        through `json.dumps`."""
        spaces = ("false", "true")
        parts = [
            f'{{"text":{encode_basestring(text[s:e])},"start":{s},"end":{e},"id":{i},'
            f'"ws":{spaces[w]}}}'
            for i, (s, e, w) in enumerate(zip(self.starts, self.ends, self.spaces, strict=True))
        ]
        return "[" + ",".join(parts) + "]"

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
    """The chosen pipeline's tokenizer, loaded on first use, with an optional disk cache."""

    def __init__(self, choice: PipelineChoice, cache: AnalysisCache | None = None) -> None:
        self.choice = choice
        self.cache = cache
        self._tokenizer: SpacyTokenizer | None = None

    @property
    def name(self) -> str:
        """Which tokenizer made the tokens, for the export's record."""
        return self.choice.key if self.choice.has_entities else "spacy-blank-en"

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

    def _key(self, text: str) -> str:
        return AnalysisCache.key(text_hash(text), self.name, TOKENS_VERSION)

    def tokenize(self, text: str) -> Tokens:
        return next(self.tokenize_many([text]))

    def tokenize_many(self, texts: Iterable[str], batch: int = 64) -> Iterator[Tokens]:
        """Tokens of each text, in order; cached ones are read, the rest tokenized in batches."""
        pending: list[tuple[str, str]] = []

        def flush() -> Iterator[Tokens]:
            results: dict[str, Tokens] = {}
            missing = []
            for key, text in pending:
                found = self._cached(key)
                if found is None:
                    missing.append((key, text))
                else:
                    results[key] = found
            if missing:
                docs = self._load().pipe(text for _key, text in missing)
                for (key, _text), doc in zip(missing, docs, strict=True):
                    tokens = Tokens(
                        tuple(t.idx for t in doc),
                        tuple(t.idx + len(t) for t in doc),
                        tuple(bool(t.whitespace_) for t in doc),
                    )
                    results[key] = tokens
                    if self.cache is not None:
                        self.cache.put(key, tokens.to_dict())
            for key, _text in pending:
                yield results[key]
            pending.clear()

        for text in texts:
            pending.append((self._key(text), text))
            if len(pending) >= batch:
                yield from flush()
        yield from flush()

    def _cached(self, key: str) -> Tokens | None:
        if self.cache is None:
            return None
        data = self.cache.get(key)
        if data is None:
            return None
        try:
            return Tokens.from_dict(data)
        except (KeyError, TypeError, ValueError):
            return None
