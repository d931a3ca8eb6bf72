"""A large corpus is listed from a quick read (no boilerplate pass) and made whole afterwards:
the whole articles, their problems and the cache come out as a whole read's."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.cache import AnalysisCache
from corpus.loader import Problem, Unfinished, builtin_paths, iter_articles, load_corpus


def mixed_corpus(folder: Path) -> Path:
    """The built-in articles (site chrome above the headline in some), a JSONL file with a
    given title and a bad line, a binary file and a text with escape sequences."""
    folder.mkdir()
    for path in builtin_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    lines = [
        json.dumps({"text": "Second headline\n\nBody of the second.", "title": "Given title",
                    "meta": {"date": "2025-09-24"}}),
        "{not json",
        json.dumps({"text": "Third headline\n\nBody of the third."}),
    ]  # fmt: skip
    (folder / "zz.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "zz_escapes.txt").write_text("Red \x1b[31mheadline\x1b[0m\n\nAnd its body.", "utf-8")
    return folder


def test_quick_articles_become_exactly_what_a_whole_read_gives(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, whole_problems = load_corpus([corpus])
    later: list[Unfinished] = []
    problems: list[Problem] = []
    cache = AnalysisCache(tmp_path / "cache")
    quick = list(iter_articles([corpus], problems.append, cache, later.append, eager=2))
    assert [a.id for a in quick] == [a.id for a in whole]
    assert [a.text for a in quick] == [a.text for a in whole]
    assert problems == whole_problems  # said once, as they are found
    assert all(a.boilerplate == () for a in quick[2:])  # the boilerplate pass is left out
    assert quick[:2] == whole[:2]  # the first files are read whole
    jsonl = next(a for a in quick if a.source.endswith(":1"))
    assert jsonl.title == "Given title" and jsonl.meta["date"] == "2025-09-24"
    assert next(a for a in quick if "escapes" in a.source).title == "Red headline"
    # Made whole: the same articles as a whole read, and the cache holds them as it would.
    finished = [a for unfinished in later for a in unfinished.finish()]
    assert finished == whole[2:]
    warm_problems: list[Problem] = []
    warm = list(iter_articles([corpus], warm_problems.append, cache, later.append, eager=2))
    assert warm == whole and warm_problems == whole_problems
    assert cache.hits >= len(later)


def test_one_article_is_made_whole_on_its_own(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, _ = load_corpus([corpus])
    later: list[Unfinished] = []
    quick = list(iter_articles([corpus], None, None, later.append, eager=0))
    assert len(later) == 8  # every file (the binary one for its problem, which is cached)
    for unfinished in later:
        for article, finish in zip(unfinished.articles, unfinished.finishers, strict=True):
            assert finish() == next(w for w in whole if w.id == article.id)
    assert [a.id for a in quick] == [a.id for a in whole]
