"""Bounded memory: how many characters spaCy parses at once, and handing memory back after.

A long article is cut into pieces, but cutting alone did not bound memory: its pieces went
through the parser in one batch. These tests watch the batches spaCy actually makes (a
component that records them), check that bounding them changes no analysis, and that memory is
handed back once per large analysis, never per small article.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from corpus import analysis as analysis_module
from corpus.analysis import Analyzer, char_batches, release_memory
from corpus.article import make_article
from corpus.cache import AnalysisCache
from corpus.nlp import choose_pipeline

PARAGRAPH = (
    "Vladimir Putin met Donald Trump in Anchorage, Alaska on Friday. “The talks were "
    "constructive,” said Dmitry Peskov, adding that Russia had sold 658 million tons of oil. "
)


def long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{i}. {PARAGRAPH * 3}" for i in range(paragraphs))


# --- grouping pieces into batches ---------------------------------------------------------


def test_char_batches_bounds_characters_and_count() -> None:
    items = [("a" * n, i) for i, n in enumerate([40, 40, 30, 100, 5, 5, 5, 5, 5, 60])]
    batches = list(char_batches(items, 4, 100))
    assert [[c for _, c in b] for b in batches] == [[0, 1], [2], [3], [4, 5, 6, 7], [8, 9]]


@given(
    st.lists(st.integers(min_value=0, max_value=300), max_size=60),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=1, max_value=400),
)
def test_char_batches_keep_order_and_bounds(lengths: list[int], texts: int, chars: int) -> None:
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    batches = list(char_batches(items, texts, chars))
    assert [item for batch in batches for item in batch] == items
    for batch in batches:
        assert 1 <= len(batch) <= texts
        assert len(batch) == 1 or sum(len(t) for t, _ in batch) <= chars
    # Greedy: a batch is cut only when the next item would not fit.
    for batch, following in itertools.pairwise(batches):
        size = sum(len(t) for t, _ in batch)
        assert len(batch) == texts or size + len(following[0][0]) > chars


# --- the batches spaCy makes --------------------------------------------------------------


class BatchRecorder:
    """A pipeline component that records the characters of each batch spaCy hands it."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []  # the lengths of the non-empty texts of each batch

    def __call__(self, doc: Any) -> Any:
        self.batches.append([len(doc.text)] if len(doc) else [])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            self.batches.append([len(d.text) for d in batch if len(d)])
            yield from batch


@Language.factory("assay_test_batch_recorder")
def make_batch_recorder(nlp: Language, name: str) -> BatchRecorder:
    return BatchRecorder()


def run_with_recorder(
    articles: list[Any], monkeypatch: pytest.MonkeyPatch, **limits: int
) -> tuple[list[list[int]], list[Any]]:
    """Analyse with a blank pipeline (fast) that splits sentences and records its batches."""
    import spacy

    for name, value in limits.items():
        monkeypatch.setattr(analysis_module, name, value)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    recorder = nlp.add_pipe("assay_test_batch_recorder")
    out = [r for _, r in Analyzer(choose_pipeline("none"), None, nlp=nlp).analyze_many(articles)]
    return recorder.batches, out


def test_a_long_article_is_parsed_in_batches_bounded_by_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = make_article(long_text(60), "long")
    assert len(article.text) > 30_000
    batches, _ = run_with_recorder(
        [article], monkeypatch, CHUNK_CHARS=2_000, BATCH_CHARS=5_000, BATCH_SIZE=32
    )
    parsed = [b for b in batches if b]
    assert sum(map(sum, parsed)) == len(article.text)  # every piece was parsed, once
    assert max(sum(b) for b in parsed) <= 5_000
    assert len(parsed) >= len(article.text) // 5_000


def test_short_articles_are_still_batched_together(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [make_article(f"Article {i} about Moscow. It rained.", f"s{i}") for i in range(40)]
    batches, results = run_with_recorder(
        articles, monkeypatch, CHUNK_CHARS=2_000, BATCH_CHARS=5_000, BATCH_SIZE=32
    )
    parsed = [b for b in batches if b]
    assert [len(b) for b in parsed] == [32, 8]
    assert [r.article_id for r in results] == [a.id for a in articles]


def test_a_long_article_between_short_ones_keeps_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    short = [make_article(f"Report {i} from Kyiv. Nothing else.", f"s{i}") for i in range(5)]
    long = make_article(long_text(20), "long")
    articles = [*short[:2], long, *short[2:]]
    batches, results = run_with_recorder(
        articles, monkeypatch, CHUNK_CHARS=2_000, BATCH_CHARS=3_000, BATCH_SIZE=4
    )
    assert [r.article_id for r in results] == [a.id for a in articles]
    assert max(sum(b) for b in batches if len(b) > 1) <= 3_000
    # The fillers made no sentences: every sentence lies inside its own article's text.
    for article, result in zip(articles, results, strict=True):
        assert all(0 <= s < e <= len(article.text) for s, e in result.sentences)


# --- the same analysis, bounded or not ----------------------------------------------------


@pytest.mark.integration
def test_bounded_batches_give_the_same_analysis_as_one_batch(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    choice = choose_pipeline()
    articles = [
        make_article(long_text(48), "long"),
        make_article("Sergey Lavrov spoke in Moscow on Monday.", "short"),
    ]
    monkeypatch.setattr(analysis_module, "CHUNK_CHARS", 2_000)
    monkeypatch.setattr(analysis_module, "BATCH_CHARS", sys.maxsize)
    whole = [r for _, r in Analyzer(choice, None, nlp=nlp).analyze_many(articles)]
    monkeypatch.setattr(analysis_module, "BATCH_CHARS", 2_500)
    bounded = [r for _, r in Analyzer(choice, None, nlp=nlp).analyze_many(articles)]
    assert len(articles[0].text) > 8 * 2_500  # more pieces than one bounded batch holds
    assert bounded == whole
    assert len(bounded[0].entities) > 50 and bounded[0].quotes
    two = [r for _, r in Analyzer(choice, None, processes=2, nlp=nlp).analyze_many(articles)]
    assert two == whole  # fillers and bounds work across worker processes too


# --- handing memory back ------------------------------------------------------------------


def test_release_memory_is_safe_to_call() -> None:
    assert release_memory() in (True, False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_memory_trims_on_glibc() -> None:
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        pytest.skip("not glibc")
    assert release_memory() is True


def test_release_memory_does_nothing_without_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    class NoTrim:
        def __init__(self, name: str) -> None:
            pass  # a C library without malloc_trim: the attribute lookup fails

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", NoTrim)
    assert release_memory() is False

    def missing(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert release_memory() is False
    monkeypatch.setattr(sys, "platform", "darwin")
    assert release_memory() is False


def test_memory_is_released_once_per_large_analysis(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import spacy

    calls: list[int] = []
    monkeypatch.setattr(analysis_module, "release_memory", lambda: calls.append(1) or True)
    monkeypatch.setattr(analysis_module, "TRIM_CHARS", 10_000)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    analyzer = Analyzer(choose_pipeline("none"), AnalysisCache(tmp_path), nlp=nlp)

    analyzer.analyze(make_article("Putin met Trump.", "small"))
    assert calls == []  # a small article: nothing to hand back yet
    long = make_article(long_text(25), "long")
    assert len(long.text) > 10_000
    analyzer.analyze(long)
    assert calls == [1]  # once, when the large analysis is done
    analyzer.analyze(long)  # cached: nothing parsed, nothing to hand back
    assert calls == [1]

    # Many small articles in one window: once for the window, not once per article.
    many = [make_article(f"{PARAGRAPH} ({i})", f"m{i}") for i in range(200)]
    assert sum(len(a.text) for a in many) > 3 * 10_000
    done = list(analyzer.analyze_many(many))
    assert len(done) == 200
    assert calls == [1, 1]


@pytest.mark.integration
def test_docs_are_freed_without_the_cyclic_collector(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import weakref

    docs: list[weakref.ref[Any]] = []
    build = analysis_module.build_analysis

    def watched(article: Any, parts: Any, choice: Any) -> Any:
        docs.extend(weakref.ref(doc) for _, doc in parts)
        return build(article, parts, choice)

    monkeypatch.setattr(analysis_module, "build_analysis", watched)
    monkeypatch.setattr(analysis_module, "CHUNK_CHARS", 2_000)
    article = make_article(long_text(10), "long")
    gc.collect()
    gc.disable()
    try:
        result = Analyzer(choose_pipeline(), None, nlp=nlp).analyze(article)
        assert result.entities and len(docs) > 1
        assert [ref() for ref in docs] == [None] * len(docs)  # freed by reference counts
    finally:
        gc.enable()
