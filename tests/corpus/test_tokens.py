"""Offset mapping of sanitize, token spans, the tokens' JSON, and the cached tokenizer."""

from __future__ import annotations

import functools
import itertools
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.cache import AnalysisCache
from corpus.nlp import choose_pipeline
from corpus.text import _PASSES, sanitize, sanitize_mapped
from corpus.tokens import (
    Tokenizer,
    Tokens,
    cached_tokens,
    token_pieces,
    tokens_key,
    tokens_of,
)
from tests.conftest import SAMPLES, sample_text

LETTERS = "abcxyzABCéяЖ"
# Pieces that sanitize removes or rewrites; each is written whole, never split by a letter.
SPECIAL = ["\r", "\n", "\r\n", "\x1b[31m", "\x1b]52;c;abc\x07", "\x00", "\x85", "\ufeff",
           "\ud83d"]  # fmt: skip
PIECES = st.lists(st.sampled_from(list(LETTERS) + SPECIAL), max_size=40)


def _positions_by_list(text: str) -> tuple[str, list[int]]:
    """The first implementation of `sanitize_mapped` (a list entry per offset), kept as the
    oracle for the breakpoint map that replaced it."""
    positions = list(range(len(text) + 1))
    for pattern, replacement in _PASSES:
        pieces: list[str] = []
        step: list[int] = []
        kept = out = 0
        for match in pattern.finditer(text):
            start, end = match.span()
            pieces.append(text[kept:start])
            step.extend(range(out, out + start - kept))
            out += start - kept
            step.extend([out] * (end - start))
            pieces.append(replacement)
            out += len(replacement)
            kept = end
        pieces.append(text[kept:])
        step.extend(range(out, out + len(text) - kept + 1))
        text = "".join(pieces)
        positions = [step[p] for p in positions]
    return text, positions


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, bom=st.booleans())
def test_sanitize_mapped_agrees_with_sanitize_and_maps_offsets(
    pieces: list[str], bom: bool
) -> None:
    raw = "\ufeff" if bom else ""
    letters_at: list[int] = []  # raw offsets of the plain letters, which must be kept
    for piece in pieces:
        if piece in LETTERS:
            letters_at.append(len(raw))
        raw += piece
    clean, offsets = sanitize_mapped(raw)
    positions = [offsets.map(i) for i in range(len(raw) + 1)]
    assert clean == sanitize(raw)
    assert offsets.changed == (clean != raw)
    assert sanitize(clean) == clean  # article ids hash sanitized text: it must be a fixed point
    assert positions[0] == 0
    assert positions[-1] == len(clean)
    assert all(a <= b for a, b in itertools.pairwise(positions))
    for i in letters_at:
        assert clean[positions[i]] == raw[i]
    assert "".join(clean[positions[i]] for i in letters_at) == "".join(raw[i] for i in letters_at)
    assert (clean, positions) == _positions_by_list(raw)


def test_sanitize_mapped_remembers_only_where_offsets_shift() -> None:
    """A long text with a few changes costs a few entries, not one per character: an import
    of a 60 MB article once took gigabytes here."""
    paragraph = "Prices rose by 5% \u201cthis year\u201d, he said.\r\n" * 20
    raw = ("\x1b[1m" + paragraph + "\r\u2028\x00\x01\x02") * 2_000  # about 2 million characters
    tracemalloc.start()
    clean, offsets = sanitize_mapped(raw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # The \r\n of each line, and per block its escape sequence and the run of controls; the
    # lone \r and the U+2028 become \n in place, which moves nothing.
    assert offsets.breakpoints == 2_000 * (20 + 2)
    # re.sub holds the pieces and their join beside the text it reads: a few copies of the
    # text (two bytes a character), where a list entry per character took over 60 MB.
    assert peak < 4 * len(raw) * 2
    at = raw.index("this year", len(raw) // 2)
    assert clean[offsets.map(at) : offsets.map(at + 9)] == "this year"
    assert offsets.map(len(raw)) == len(clean)


def _tokens_of(doc: Any) -> Tokens:
    return Tokens.of(
        [t.idx for t in doc], [t.idx + len(t) for t in doc], [bool(t.whitespace_) for t in doc]
    )


SPAN_TEXT = "The minister said taxes would rise."
#            0   4        13   18    24    30


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (4, 12, (1, 1, True)),  # "minister"
        (4, 23, (1, 3, True)),  # "minister said taxes"
        (6, 17, (1, 2, False)),  # "nister said": starts mid-token
        # " said taxes": the space after "minister" is that token's, so it is the first touched
        (12, 23, (1, 3, False)),
        (13, 21, (2, 3, False)),  # "said tax": ends mid-token
        (0, 1, (0, 0, False)),  # "T"
        (30, 35, (5, 6, True)),  # "rise."
    ],
)
def test_tokens_span(nlp: Any, start: int, end: int, expected: tuple[int, int, bool]) -> None:
    tokens = _tokens_of(nlp.tokenizer(SPAN_TEXT))
    assert [SPAN_TEXT[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "The", "minister", "said", "taxes", "would", "rise", ".",
    ]  # fmt: skip
    assert tokens.span(start, end) == expected


@pytest.mark.parametrize(
    "text",
    [
        SPAN_TEXT,
        "He said \"no\" 'twice' and left.",
        "A path C:\\Users\\x and a \\n that is not a newline \\",
        "Line one.\nLine two.\n\nLine  three\twith a tab.",
        "Emoji 🚀👍🏽 and a flag 🇺🇦, zero\u200bwidth, e\u0301.",
        "Москва — «Яндекс» сообщил, что налоги вырастут.",
        "Control-free \u2028 separator and \x7f-free text / < > & {json: [1]}",
    ],
)
def test_tokens_to_json_matches_spacy(nlp: Any, text: str) -> None:
    doc = nlp.tokenizer(text)
    expected = [
        {"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i,
         "ws": bool(t.whitespace_)}
        for t in doc
    ]  # fmt: skip
    assert json.loads(_tokens_of(doc).to_json(text)) == expected


def test_tokens_dict_round_trip(nlp: Any) -> None:
    tokens = _tokens_of(nlp.tokenizer(SPAN_TEXT))
    assert Tokens.from_dict(json.loads(json.dumps(tokens.to_dict()))) == tokens
    with pytest.raises(ValueError, match="different lengths"):
        Tokens.of([0], [1, 2], [1])
    # A token of 300 characters takes two bytes a length; one past 2**31 characters (a text
    # that long is tokenized in pieces) four, and its offsets eight bytes each.
    for long in (Tokens.of([0, 301], [300, 302], [1, 0]),
                 Tokens.of([0, 2**31 + 6], [2**31 + 5, 2**31 + 9], [1, 0])):  # fmt: skip
        entry = long.to_dict()
        assert Tokens.from_dict(json.loads(json.dumps(entry))) == long
    assert (entry["type"], long.starts.itemsize, tokens.starts.itemsize) == ("I", 8, 4)


@pytest.mark.parametrize(
    "entry",
    [
        # The first layout (tokens-1): JSON lists. Its key differs, but a stray one is a miss.
        {"starts": [0, 4], "ends": [3, 8], "spaces": [1, 0]},
        {"type": "d", "lengths": "", "spaces": ""},
        {"type": "H", "lengths": "AQ==", "spaces": "AA=="},  # half a length
        {"type": "B", "lengths": "AQI=", "spaces": "AA=="},  # two lengths, one flag
        {"type": "B", "lengths": "AQ==", "spaces": "Ag=="},  # a flag of 2
        {"type": "B", "lengths": "not base64!", "spaces": ""},
    ],
)
def test_a_cache_entry_that_is_not_tokens_is_a_miss(tmp_path: Path, entry: dict[str, Any]) -> None:
    cache = AnalysisCache(tmp_path)
    choice = choose_pipeline("none")
    cache.put(tokens_key(choice, SPAN_TEXT), entry)
    assert cached_tokens(cache, choice, SPAN_TEXT) is None
    tokens = Tokenizer(choice, cache).tokenize(SPAN_TEXT)  # made again, and cached again
    assert cached_tokens(cache, choice, SPAN_TEXT) == tokens


def test_tokenizer_reads_the_second_time_from_cache(tmp_path: Path, nlp: Any) -> None:
    text = sample_text("000")
    cache = AnalysisCache(tmp_path)
    tokenizer = Tokenizer(choose_pipeline(), cache)
    (first,) = tokenizer.tokenize_many([text])
    assert cache.hits == 0
    (second,) = tokenizer.tokenize_many([text])
    assert cache.hits == 1
    assert second == first
    assert first == _tokens_of(nlp.tokenizer(text))
    # A new tokenizer over the same folder finds them too, without loading spaCy.
    again = Tokenizer(choose_pipeline(), AnalysisCache(tmp_path))
    assert again.tokenize(text) == first
    assert again._tokenizer is None


def test_tokenize_many_keeps_input_order_across_batches(tmp_path: Path) -> None:
    texts = [sample_text(f"00{i}")[:2000] for i in range(5)]
    cache = AnalysisCache(tmp_path)
    tokenizer = Tokenizer(choose_pipeline(), cache)
    # Some cached, some not: each batch mixes texts read from the cache with fresh ones.
    expected = {i: tokenizer.tokenize(texts[i]) for i in (1, 4)}
    got = list(tokenizer.tokenize_many(texts, window=2))
    assert len(got) == 5
    for i, tokens in enumerate(got):
        assert tokens.ends[-1] <= len(texts[i])
        assert tokens == tokenizer.tokenize(texts[i])
        if i in expected:
            assert tokens == expected[i]
    assert list(tokenizer.tokenize_many(list(reversed(texts)), window=2)) == got[::-1]


def test_blank_pipeline_still_tokenizes(tmp_path: Path) -> None:
    default = Tokenizer(choose_pipeline(), AnalysisCache(tmp_path))
    blank = Tokenizer(choose_pipeline("none"), AnalysisCache(tmp_path))
    assert not blank.choice.has_entities
    assert blank.name == "spacy-blank-en"
    assert blank.name != default.name
    tokens = blank.tokenize(SPAN_TEXT)
    assert [SPAN_TEXT[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "The", "minister", "said", "taxes", "would", "rise", ".",
    ]  # fmt: skip
    assert list(tokens.spaces) == [1, 1, 1, 1, 1, 0, 0]


def test_forked_workers_give_the_same_tokens_in_order(tmp_path: Path) -> None:
    texts = [
        f'Text {i}: Moscow\'s talks, "rare earths" and $2.5 billion.\n\nEnd {i}.' for i in range(40)
    ]
    with Tokenizer(choose_pipeline(), processes=2) as parallel:
        got = list(parallel.tokenize_many(texts, window=20))
        assert parallel._pool is not None  # the workers did the work
    assert got == list(Tokenizer(choose_pipeline()).tokenize_many(texts))


SPANNED = "Alpha  beta, gamma.\n\n  Delta's $2.5bn — epsilon "


@functools.cache
def _spanned_tokens() -> Tokens:
    return Tokenizer(choose_pipeline("none")).tokenize(SPANNED)  # once: loading costs 0.2 s


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_span_maps_to_tokens_that_touch_it(data: st.DataObject) -> None:
    text = SPANNED
    tokens = _spanned_tokens()
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    first, last, aligned = tokens.span(start, end)
    assert 0 <= first <= last < len(tokens)
    assert tokens.starts[first] <= start  # nothing of the span lies before its first token
    assert last == first or tokens.starts[last] < end  # the last token is touched
    assert aligned == (tokens.starts[first] == start and tokens.ends[last] == end)


def test_a_long_text_is_tokenized_in_little_memory() -> None:
    """Peak memory of tokenizing a long text (about 190,000 tokens), in a fresh interpreter:
    spaCy's Doc of a whole text costs about 300 bytes a token, Python ints in tuples about
    100; tokenized in pieces into compact arrays, a token costs a few bytes."""
    code = """
import resource, sys
from corpus.loader import builtin_paths
from corpus.nlp import choose_pipeline
from corpus.tokens import Tokenizer

tokenizer = Tokenizer(choose_pipeline("none"))
tokenizer._load()
samples = "\\n\\n".join(p.read_text("utf-8") for p in builtin_paths())
text = (samples * (1_000_000 // len(samples) + 1))[:1_000_000]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tokens = tokenizer.tokenize(text)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(tokens), (after - before) * 1024)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    count, growth = map(int, done.stdout.split())
    assert count > 150_000
    assert growth / count < 100, f"{growth / count:.0f} bytes a token"


# Words, punctuation that spaCy splits off or keeps (abbreviations, contractions, URLs,
# emoticons, quotes) and every kind of white space, runs of it included.
TOKEN_PARTS = ["word", "U.S.", "can't", "e.g.", "'", "''", '"', "“", "”", "(", ")", ".", ",",
               ":)", "-", "$2.5bn", "5%", "https://x.io/a?b=c", "🚀", "é", " ", " ", " ", "  ",
               "\n", "\n\n", "\t", "\xa0", "\u2009", "\u3000", " \n"]  # fmt: skip


def _check_pieces(text: str, limit: int) -> None:
    pieces = list(token_pieces(text, limit))
    assert "".join(piece for _, piece in pieces) == text
    at = 0
    for offset, piece in pieces:
        assert offset == at
        if at:  # a cut: white space ends here, and other text starts
            assert text[at - 1].isspace() and not text[at].isspace()
        if len(piece) > limit:  # only when there was nowhere to cut in the first `limit`
            assert not any(
                text[i - 1].isspace() and not text[i].isspace()
                for i in range(at + 1, at + limit + 1)
            )
        at += len(piece)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(TOKEN_PARTS), max_size=40), limit=st.integers(1, 30))
# spaCy's special cases look across a space: "( :)word" has ":" and ")", ":)word" has ":)".
@example(parts=["(", " ", ":)", "word", " ", "word", " ", "word"], limit=1)
def test_tokens_in_pieces_are_the_tokens_of_the_whole_text(
    nlp: Any, parts: list[str], limit: int
) -> None:
    text = "".join(parts)
    _check_pieces(text, limit)
    tokens = tokens_of(nlp.tokenizer, text, limit)
    assert tokens == _tokens_of(nlp.tokenizer(text))
    # The cache keeps lengths and flags: they give the offsets back.
    assert Tokens.from_dict(json.loads(json.dumps(tokens.to_dict()))) == tokens


@pytest.mark.parametrize("limit", [1, 10, 200, 5_000])
def test_samples_tokenized_in_pieces_are_tokenized_as_a_whole(nlp: Any, limit: int) -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text("utf-8")
        _check_pieces(text, limit)
        assert tokens_of(nlp.tokenizer, text, limit) == _tokens_of(nlp.tokenizer(text)), path
