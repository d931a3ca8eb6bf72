"""Loading a corpus: every format, and a hostile folder that must not stop the load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.article import article_id
from corpus.loader import Problem, builtin_paths, load_corpus

ESC = "\x1b"
RUSSIAN = "Москва и Вашингтон обсуждают совместную добычу редкоземельных металлов на Аляске.\n\n"


def test_builtin_corpus_is_the_five_samples() -> None:
    articles, problems = load_corpus()
    assert problems == []
    assert [a.source[:3] for a in articles] == ["000", "001", "002", "003", "004"]
    assert [p.name for p in builtin_paths()] == [a.source for a in articles]
    first = articles[0]
    assert "[US President Donald] Trump" in first.text
    assert first.id == article_id(first.text) and len(first.id) == 16
    assert all(ESC not in a.text for a in articles)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    (folder / "random.txt").write_bytes(bytes((i * 7919 + 13) % 256 or 1 for i in range(3000)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"\n\n   \n")
    (folder / "nested" / "cp1251.txt").write_bytes((RUSSIAN * 3).encode("cp1251"))
    (folder / "nested" / "escapes.txt").write_text(
        f"Headline with {ESC}[31mred{ESC}[0m colour\n\n"
        f"Body that tries to set the clipboard {ESC}]52;c;ZXZpbA=={ESC}\\ and the title "
        f"{ESC}]0;owned\x07 and clears the screen {ESC}[2J{ESC}[H. [US President Donald] Trump.",
        encoding="utf-8",
    )
    (folder / "nested" / "deeper" / "huge.txt").write_text(
        "word " * (5 * 1024 * 1024 // 5), encoding="utf-8"
    )  # a 5 MB file on a single line
    (folder / "broken-utf8.txt").write_bytes(
        "Кремль заявил — «переговоры идут» — café ".encode() * 3 + b"\xc3\x28 and \xff end"
    )
    (folder / "only-controls.txt").write_bytes(b"\x1b[0m\x07\x08")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden" / "secret.txt").write_text("never read", encoding="utf-8")
    (folder / "good.txt").write_text("A good headline\n\nAnd a good body.", encoding="utf-8")
    (folder / "same-as-good.txt").write_text(
        "A good headline\n\nAnd a good body.", encoding="utf-8"
    )
    return folder


def test_hostile_folder_loads_what_is_text_and_names_each_skip(hostile: Path) -> None:
    articles, problems = load_corpus([hostile])
    by_source = {a.source: a for a in articles}
    assert set(by_source) == {
        "broken-utf8.txt",
        "good.txt",
        "nested/cp1251.txt",
        "nested/deeper/huge.txt",
        "nested/escapes.txt",
    }
    skipped = {p.source: p.message for p in problems if p.skipped}
    assert set(skipped) == {
        "binary.txt",
        "random.txt",
        "empty.txt",
        "blank.md",
        "only-controls.txt",
        "same-as-good.txt",
    }
    assert "binary" in skipped["binary.txt"]
    assert "encoding" in skipped["random.txt"]
    assert skipped["empty.txt"] == "empty file"
    assert skipped["same-as-good.txt"] == "same text as good.txt; kept that one"
    # One line per skipped file, each naming the file.
    assert len([p for p in problems if p.skipped]) == len(skipped)
    assert all(p.source in str(p) for p in problems)
    notes = {p.source: p.message for p in problems if not p.skipped}
    assert "invalid UTF-8" in notes["broken-utf8.txt"]
    assert notes["nested/cp1251.txt"] == (
        "not UTF-8; read as cp1251 (if its letters look wrong, save it as UTF-8)"
    )
    assert notes[str(hostile)] == (
        "ignored files of other types (1 .png); only text, Markdown, HTML and JSONL files are read"
    )

    assert by_source["nested/cp1251.txt"].text == RUSSIAN * 3
    escaped = by_source["nested/escapes.txt"]
    assert ESC not in escaped.text and "\x07" not in escaped.text
    assert escaped.title == "Headline with red colour"
    assert "[US President Donald] Trump" in escaped.text
    assert "clipboard  and the title  and clears the screen ." in escaped.text
    assert len(by_source["nested/deeper/huge.txt"].text) == 5 * 1024 * 1024
    for article in articles:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in article.text)


def test_missing_path_and_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    real_open = os.open

    def open_(path: str, flags: int, *args: int) -> int:  # tests run as root: chmod cannot
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)
    articles, problems = load_corpus([tmp_path / "nope", locked])
    assert articles == []
    assert [str(p) for p in problems] == [
        f"skipped {tmp_path / 'nope'}: no such file or folder",
        f"skipped {locked}: cannot read: Permission denied",
    ]


def test_jsonl_lines_become_articles_and_bad_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "First [bold]story[/] body.", "title": "One", "url": "http://a",
                    "date": "2025-01-02", "section": "world", "rank": 3}),
        "",
        "{not json",
        json.dumps(["text"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Prodigy style.", "meta": {"source": "wire", "lang": "en"},
                    "spans": [{"start": 0, "end": 7, "label": "X"}], "_input_hash": 1}),
        json.dumps({"text": "Named source.", "source": "agency/42"}),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = load_corpus([path])
    # A Prodigy-style `meta.source` names the article's source, as assay's export writes it.
    assert [a.source for a in articles] == [f"{path}:1", "wire", "agency/42"]
    first = articles[0]
    assert first.title == "One" and first.text == "First [bold]story[/] body."
    assert first.meta["url"] == "http://a" and first.meta["section"] == "world"
    assert first.meta["rank"] == "3" and first.meta["date"] == "2025-01-02"
    assert articles[1].meta["lang"] == "en" and "spans" not in articles[1].meta
    assert [(p.source, p.skipped) for p in problems] == [
        (f"{path}:3", True),
        (f"{path}:4", True),
        (f"{path}:5", True),
    ]
    assert "not valid JSON" in problems[0].message
    assert '"text"' in problems[1].message


def test_html_page_extracts_article_title_date_and_site(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        """<!doctype html><html><head><title>Wire | Talks begin</title>
        <meta property="og:title" content="Talks on rare earths begin">
        <meta property="og:site_name" content="Example Wire">
        <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
        <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
        <article><h1>Talks on rare earths begin</h1>
        <p>MOSCOW, March 4 (Reuters) - Officials said on Tuesday that talks on rare earth
        metals would continue next week, according to three people familiar with the matter.</p>
        <p>"We are ready," he said. [US President Donald] Trump agreed with the plan, which
        both sides described as productive after three hours of talks in the capital.</p>
        </article><footer>Read next: Another story entirely</footer></body></html>""",
        encoding="utf-8",
    )
    (article,), problems = load_corpus([page])
    assert problems == []
    assert article.title == "Talks on rare earths begin"
    assert article.meta["site"] == "Example Wire"
    assert article.meta["date"] == "2025-03-04"
    assert "[US President Donald] Trump" in article.text
    assert "Home" not in article.text


def test_markdown_headline_is_the_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Rare earths: *the* deal\n\nBody text here.", "utf-8")
    (article,), _ = load_corpus([tmp_path])
    assert article.title == "Rare earths: *the* deal"


def test_problem_reads_as_one_line() -> None:
    assert str(Problem("a/b.txt", "binary file")) == "skipped a/b.txt: binary file"
    assert str(Problem("x", "read as cp1251", skipped=False)) == "note on x: read as cp1251"


def test_the_loaders_version_hashes_every_module_it_reads_with() -> None:
    """A cached file is read again when the code that read it changes: the version hashes
    the loader and each module of the package it imports, at any depth (the vocabulary of
    site chrome, imported by the marks, was once left out, and decides a page's title)."""
    import ast

    from corpus.loader import VERSIONED_MODULES

    package = Path(__file__).parents[2] / "corpus"
    seen: set[str] = set()
    todo = ["loader.py"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(ast.parse((package / name).read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "corpus":
                todo.extend(f"{alias.name}.py" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("corpus."):
                todo.append(f"{node.module.split('.')[1]}.py")
    # (the cache only stores what the others make)
    assert seen - {"cache.py"} <= set(VERSIONED_MODULES)


def test_a_cache_keeps_what_each_file_gave_until_it_changes(tmp_path: Path) -> None:
    from corpus.cache import AnalysisCache

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Заголовок\n\nТекст статьи о металлах.".encode("cp1251"))
    (folder / "b.txt").write_text("Headline\n\nFirst body text.", "utf-8")
    cache = AnalysisCache(tmp_path / "cache")
    first = load_corpus([folder], cache)
    assert cache.hits == 0 and cache.misses == 2
    second = load_corpus([folder], cache)
    assert cache.hits == 2 and second == first  # the same articles, the same notes
    assert any("read as" in p.message for p in second[1])
    import os

    (folder / "b.txt").write_text("Headline\n\nEdited body text.", "utf-8")
    os.utime(folder / "b.txt", ns=(1, 1))
    third, _ = load_corpus([folder], cache)
    assert cache.hits == 3 and "Edited body text." in third[1].text
