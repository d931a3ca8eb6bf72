"""Analysis: offsets, boilerplate, the cache, pipeline choice and long articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corpus import analysis as analysis_module
from corpus.analysis import Analysis, Analyzer
from corpus.article import make_article
from corpus.boilerplate import classify
from corpus.cache import AnalysisCache
from corpus.entities import KEPT_CHROME
from corpus.loader import load_corpus
from corpus.nlp import NO_PIPELINE, PipelineChoice, choose_pipeline
from corpus.text import paragraphs


@pytest.fixture
def choice() -> PipelineChoice:
    return choose_pipeline()


def check_offsets(text: str, result: Analysis) -> None:
    for start, end in result.sentences:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    for ent in result.entities:
        assert text[ent.start : ent.end] == ent.text


def test_samples_sentences_and_entities(nlp: Any, choice: PipelineChoice, tmp_path: Path) -> None:
    articles, _ = load_corpus()
    analyzer = Analyzer(choice, AnalysisCache(tmp_path), nlp=nlp)
    results = list(analyzer.analyze_many(articles))
    assert [a.id for a, _ in results] == [a.id for a in articles]
    for article, result in results:
        assert result.article_id == article.id
        check_offsets(article.text, result)
        assert result.entities, article.source
        # Entities in chrome only where it names real places, dates and people (a dateline,
        # a caption or credit): never in menus, teasers or appeals.
        judged = classify(article.text)
        for ent in result.entities:
            if article.in_boilerplate(ent.start, ent.end):
                (reason,) = [
                    j.reason
                    for j in judged
                    if j.paragraph.start <= ent.start and ent.end <= j.paragraph.end
                ]
                assert reason in KEPT_CHROME, (ent, reason)
                assert reason != "timestamp" or ent.label in ("GPE", "LOC", "DATE", "TIME")
        # A sentence never runs across a paragraph break (headings stay their own sentence).
        paras = paragraphs(article.text)
        for start, end in result.sentences:
            assert any(p.start <= start and end <= p.end for p in paras)
    article, result = results[0]
    people = {e.text for e in result.entities if e.label == "PERSON"}
    assert {"Boris Titov", "Trump"} <= people
    assert "Meeting on Alaska" in [article.text[s:e] for s, e in result.sentences]


def test_teasers_in_read_next_yield_no_entities(nlp: Any, choice: PipelineChoice) -> None:
    articles, _ = load_corpus()
    a003 = articles[3]
    result = Analyzer(choice, None, nlp=nlp).analyze(a003)
    assert "IATA" in a003.text
    assert "IATA" not in {e.text for e in result.entities}


def test_warm_cache_does_not_load_the_model(
    nlp: Any, choice: PipelineChoice, tmp_path: Path
) -> None:
    articles, _ = load_corpus()
    cold = Analyzer(choice, AnalysisCache(tmp_path), nlp=nlp)
    first = [r for _, r in cold.analyze_many(articles)]
    warm_cache = AnalysisCache(tmp_path)
    warm = Analyzer(choice, warm_cache)
    second = [r for _, r in warm.analyze_many(articles)]
    assert second == first
    assert warm._nlp is None  # never loaded
    assert warm_cache.hits == 5 and warm_cache.misses == 0


def test_cache_key_covers_text_pipeline_and_code(choice: PipelineChoice) -> None:
    article = make_article("Some text.", "a")
    other_text = make_article("Some text!", "a")
    base = Analyzer(choice).cache_key(article)
    assert Analyzer(choice).cache_key(other_text) != base
    other_model = PipelineChoice(choice.name, choice.version + "-x")
    assert Analyzer(other_model).cache_key(article) != base
    assert analysis_module.ANALYSIS_VERSION in {analysis_module._code_version()}


def test_corrupt_cache_entry_is_analysed_again(
    nlp: Any, choice: PipelineChoice, tmp_path: Path
) -> None:
    article = make_article("Boris Titov spoke in Moscow on Monday.", "a")
    cache = AnalysisCache(tmp_path)
    analyzer = Analyzer(choice, cache, nlp=nlp)
    good = analyzer.analyze(article)
    entry = cache._path(analyzer.cache_key(article))
    assert entry.exists()
    for junk in (b"{truncated", b"[1, 2]", b'{"article_id": 1}'):
        entry.write_bytes(junk)
        assert Analyzer(choice, AnalysisCache(tmp_path), nlp=nlp).analyze(article) == good


def test_unwritable_cache_turns_itself_off(
    nlp: Any, choice: PipelineChoice, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = AnalysisCache(blocker / "cache")
    result = Analyzer(choice, cache, nlp=nlp).analyze(make_article("Putin met Trump.", "a"))
    assert result.entities
    assert cache.problem and "cache turned off" in cache.problem


def test_configured_pipeline_missing_falls_back_with_notice() -> None:
    choice = choose_pipeline("no_such_pipeline_xyz")
    assert choice.has_entities
    assert choice.notice and "'no_such_pipeline_xyz' is not installed" in choice.notice


def test_environment_names_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSAY_SPACY_MODEL", "none")
    assert choose_pipeline().name == NO_PIPELINE


def test_no_pipeline_installed_still_splits_sentences() -> None:
    choice = choose_pipeline(defaults=("missing_one", "missing_two"))
    assert not choice.has_entities
    assert choice.notice and "entity highlighting is off" in choice.notice
    assert "pip install" in choice.notice
    text = "Putin met Trump. They talked for three hours.\n\nRead more"
    result = Analyzer(choice).analyze(make_article(text, "a"))
    assert result.entities == ()
    assert [text[s:e] for s, e in result.sentences] == [
        "Putin met Trump.",
        "They talked for three hours.",
        "Read more",
    ]


def test_long_article_is_analysed_in_pieces_with_article_offsets(
    nlp: Any, choice: PipelineChoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "Vladimir Putin met Donald Trump in Anchorage, Alaska on Friday. " * 5
    text = "\n\n".join(f"{i}. {paragraph}" for i in range(40))
    article = make_article(text, "long")
    whole = Analyzer(choice, None, nlp=nlp).analyze(article)
    monkeypatch.setattr(analysis_module, "CHUNK_CHARS", 1000)
    pieces = Analyzer(choice, None, nlp=nlp).analyze(article)
    check_offsets(text, pieces)
    assert len(pieces.entities) > 100
    assert {(e.start, e.end, e.label) for e in pieces.entities} == {
        (e.start, e.end, e.label) for e in whole.entities
    }

    # The parser may split "11. Vladimir ..." differently with less context; what is
    # covered by sentences must be the same text.
    def covered(result: Analysis) -> set[int]:
        return {i for s, e in result.sentences for i in range(s, e) if not text[i].isspace()}

    assert covered(pieces) == covered(whole)


def test_two_processes_give_the_same_analysis(nlp: Any, choice: PipelineChoice) -> None:
    articles, _ = load_corpus()
    one = [r for _, r in Analyzer(choice, None, nlp=nlp).analyze_many(articles)]
    two = [r for _, r in Analyzer(choice, None, processes=2, nlp=nlp).analyze_many(articles)]
    assert two == one


def test_window_boundaries_keep_order(
    nlp: Any, choice: PipelineChoice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis_module, "WINDOW", 2)
    articles = [make_article(f"Article {i} about Moscow.", f"s{i}") for i in range(7)]
    cache = AnalysisCache(tmp_path)
    Analyzer(choice, cache, nlp=nlp).analyze(articles[3])  # one cached in the middle
    done: list[int] = []
    out = list(Analyzer(choice, cache, nlp=nlp).analyze_many(articles, progress=done.append))
    assert [a.source for a, _ in out] == [a.source for a in articles]
    assert all(r.article_id == a.id for a, r in out)
    assert sum(done) == 7


def test_results_stream_before_the_window_is_done(
    nlp: Any, choice: PipelineChoice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis_module, "BATCH_SIZE", 2)
    articles = [
        make_article(f"Article {i} about Moscow and Washington.", f"s{i}") for i in range(12)
    ]
    cache = AnalysisCache(tmp_path)
    stream = Analyzer(choice, cache, nlp=nlp).analyze_many(articles)
    first, _ = next(stream)
    assert first.source == "s0"
    written = len(list(tmp_path.rglob("*.json")))
    assert written < len(articles)  # the rest is not analysed yet
    assert len(list(stream)) == len(articles) - 1


def test_analysis_caches_the_tokens_the_export_needs(
    nlp: Any, choice: PipelineChoice, tmp_path: Path
) -> None:
    from corpus.tokens import Tokenizer

    article = make_article('Boris Titov said: "2 million tons."\n\nMoscow, Monday.', "a")
    cache = AnalysisCache(tmp_path)
    Analyzer(choice, cache, nlp=nlp).analyze(article)
    hits = cache.hits
    cached = Tokenizer(choice, cache).tokenize(article.text)  # read, not tokenized
    assert cache.hits == hits + 1
    assert cached == Tokenizer(choice).tokenize(article.text)
