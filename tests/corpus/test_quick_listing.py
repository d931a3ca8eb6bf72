"""A large corpus is listed without its texts (corpus/listing.py): from a quick read (no
boilerplate pass) made whole afterwards, or from the index on a warm start. Whatever the way,
the articles, their texts and the problems come out as a whole read's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus import listing
from corpus.article import Article
from corpus.cache import AnalysisCache
from corpus.listing import ListedArticle, open_corpus
from corpus.loader import Problem, builtin_paths, load_corpus


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
    (folder / "zz.jsonl").write_text("\ufeff" + "\n".join(lines) + "\n", "utf-8")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "zz_escapes.txt").write_text("Red \x1b[31mheadline\x1b[0m\n\nAnd its body.", "utf-8")
    return folder


def listed(
    corpus: Path, cache: AnalysisCache | None = None, **options: int
) -> tuple[listing.Listing, list[Article], list[Problem]]:
    problems: list[Problem] = []
    found = open_corpus([corpus], problems.append, cache, small=2, **options)
    return found, list(found), problems


def same(article: Article, whole: Article) -> bool:
    """Every field a whole read gives, the text read from the file."""
    return (
        article.id == whole.id
        and article.source == whole.source
        and article.title == whole.title
        and dict(article.meta) == dict(whole.meta)
        and article.boilerplate == whole.boilerplate
        and article.words == whole.words
        and article.text == whole.text
    )


def test_a_large_corpus_is_listed_quickly_then_made_whole(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, whole_problems = load_corpus([corpus])
    found, quick, problems = listed(corpus)
    assert found.large
    assert [a.id for a in quick] == [a.id for a in whole]
    assert problems == whole_problems  # said once, as they are found
    assert all(isinstance(a, ListedArticle) for a in quick)
    assert same(quick[0], whole[0])  # the first file is read whole, for the first frame
    assert [a.is_whole for a in quick[1:]] == [False] * (len(quick) - 1)
    assert [a.text for a in quick] == [a.text for a in whole]  # read from the files
    assert [a.words for a in quick] == [a.words for a in whole]
    assert any(a.title != w.title for a, w in zip(quick, whole, strict=True))  # chrome
    jsonl = next(a for a in quick if a.source.endswith(":1"))
    assert jsonl.title == "Given title" and jsonl.meta["date"] == "2025-09-24"
    assert next(a for a in quick if "escapes" in a.source).title == "Red headline"
    # One made whole on its own, as opening it does.
    for article, expected in zip(quick, whole, strict=True):
        made = article.whole()
        assert made is not None and not isinstance(made, ListedArticle)
        assert made == expected
    # All made whole in the background: every field as a whole read's.
    finished = {a.id: a for batch in found.finish() for a in batch}
    assert set(finished) == {a.id for a in whole[1:]}
    assert all(same(finished[w.id], w) for w in whole[1:])
    assert all(finished[w.id].whole() == w for w in whole[1:])


def test_a_warm_start_reads_no_file_that_did_not_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, whole_problems = load_corpus([corpus])
    cache = AnalysisCache(tmp_path / "cache")
    found, _, _ = listed(corpus, cache)
    for _batch in found.finish():
        pass
    read: list[str] = []
    real = listing.list_file

    def counted(task: tuple[str, str, bool]) -> listing.FileFields:
        read.append(os.path.basename(task[0]))
        return real(task)

    monkeypatch.setattr(listing, "list_file", counted)
    _, warm, problems = listed(corpus, cache)
    assert read == []  # (the first file is read whole for the first frame, on its own)
    assert problems == whole_problems
    assert [a.id for a in warm] == [a.id for a in whole]
    assert all(same(a, w) for a, w in zip(warm, whole, strict=True))  # whole already
    # An edited file is read again; the others still are not.
    read.clear()
    edited = corpus / "zz_escapes.txt"
    edited.write_text("A new headline\n\nAnd a new body.", "utf-8")
    _, again, _ = listed(corpus, cache)
    assert read == ["zz_escapes.txt"]
    assert again[-1].title == "A new headline" and again[-1].text.startswith("A new")


def test_a_file_edited_after_it_was_listed_gives_nothing(tmp_path: Path) -> None:
    """Its listed text is gone: `text` is empty and `whole()` None (the reader says so),
    never another text under the listed id."""
    corpus = mixed_corpus(tmp_path / "corpus")
    _, articles, _ = listed(corpus)
    escapes = next(a for a in articles if "escapes" in a.source)
    assert isinstance(escapes, ListedArticle)
    (corpus / "zz_escapes.txt").write_text("Something else entirely.", "utf-8")
    listing._recent.clear()
    assert escapes.text == "" and escapes.whole() is None
    (corpus / "zz.jsonl").unlink()
    line = next(a for a in articles if a.source.endswith(":3"))
    assert isinstance(line, ListedArticle) and line.whole() is None


def test_worker_processes_list_what_this_thread_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    for number in range(40):
        (corpus / f"extra{number:02d}.txt").write_text(f"Extra {number}\n\nIts body.", "utf-8")
    alone, alone_articles, alone_problems = listed(corpus, workers=1)
    monkeypatch.setattr(listing, "_POOL_MIN", 1)
    pooled, articles, problems = listed(corpus, workers=2)
    try:
        assert pooled._pool is not None  # the processes did the reading
        assert problems == alone_problems
        assert [(a.id, a.title, a.words) for a in articles] == [
            (a.id, a.title, a.words) for a in alone_articles
        ]
        made = {a.id: a for batch in pooled.finish() for a in batch}
        expected = {a.id: a for batch in alone.finish() for a in batch}
        assert made.keys() == expected.keys()
        assert all(same(made[i], expected[i]) for i in made)
    finally:
        pooled.close()


def test_a_broken_index_is_read_again(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, _ = load_corpus([corpus])
    cache = AnalysisCache(tmp_path / "cache")
    found, _, _ = listed(corpus, cache)
    list(found.finish())  # (the index is saved once the last rows are out)
    (entry,) = [p for p in (tmp_path / "cache").rglob("*.json")]
    data = json.loads(entry.read_text("utf-8"))
    for file in data["files"].values():
        for fields in file[3]:
            fields[1] = "\x1b]52;c;aGk=\x07 title"  # an escape sequence put in by hand
    entry.write_text(json.dumps(data), "utf-8")
    _, warm, _ = listed(corpus, cache)
    assert sum(a.title == " title" for a in warm) == len(warm) - 1  # the sequence removed
    entry.write_text('{"version": "1", "files": {"x": [1]}}', "utf-8")
    _, again, _ = listed(corpus, cache)
    assert [a.id for a in again] == [a.id for a in whole]


def test_a_small_corpus_is_read_as_before(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus")
    whole, _ = load_corpus([corpus])
    problems: list[Problem] = []
    found = open_corpus([corpus], problems.append, None)
    assert not found.large
    assert list(found) == whole
    assert list(found.finish()) == []


def test_the_first_file_is_handed_out_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long JSONL file first in the folder: its first article is listed (and shown) before
    its other lines are read, as in a small corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"text": f"Headline {n}\n\nBody {n}."}) for n in range(50)]
    (corpus / "a.jsonl").write_text("\n".join(lines), "utf-8")
    for number in range(3):
        (corpus / f"b{number}.txt").write_text(f"Other {number}\n\nIts body.", "utf-8")
    read: list[str] = []
    real = listing.read_placed

    def counted(*args: object, **kwargs: object) -> object:
        for found in real(*args, **kwargs):  # type: ignore[arg-type]
            read.append(found[0].source)
            yield found

    monkeypatch.setattr(listing, "read_placed", counted)
    found, _, _ = listed(corpus)
    articles = iter(open_corpus([corpus], lambda _p: None, None, small=2))
    read.clear()
    assert next(articles).source == "a.jsonl:1" and read == ["a.jsonl:1"]
    assert [a.source for a in articles][-1] == "b2.txt" and len(read) == 53
    assert found.large
