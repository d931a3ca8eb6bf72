"""Strings from outside reach the screen: every entry point of the corpus makes them safe once.

Each kind of terminal escape sequence (and a bidi override) is fed through every way a string
enters the corpus package: a file's content and its name, a folder's path, each JSONL field,
an HTML page's metadata, a Markdown heading, a cached or workspace copy of an article. No
string of an article or of a problem may then hold a control character (article text keeps
its line breaks and tabs), and only article text may keep a bidi control.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.article import Article, is_sanitized, make_article
from corpus.cache import AnalysisCache
from corpus.loader import Problem, article_from_record, load_corpus
from corpus.text import sanitize

SEQUENCES = {
    "csi": "\x1b[2J",
    "osc52": "\x1b]52;c;UFdO\x07",
    "osc8": "\x1b]8;;https://evil.example/x\x1b\\click here\x1b]8;;\x1b\\",
    "dcs": "\x1bPq#0;2;0;0;0#0~~@@\x1b\\",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d52;c;QQ==\x9c",
    "osc-unterminated": "\x1b]52;c;UFdO",
    "title-unterminated": "\x1b]2;TITLE",
    "rlo": "\u202e",
}
# What must not survive of each sequence (its payload, removed whole with the sequence).
LEFTOVERS = ("UFdO", "QQ==", "52;", "evil.example", "TITLE", "2J", "#0;2", "~~@@", "8;;")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def assert_line_safe(value: str, what: str) -> None:
    assert not CONTROL.search(value), f"control character in {what}: {value!r}"
    assert not BIDI.search(value), f"bidi control in {what}: {value!r}"
    for leftover in LEFTOVERS:
        assert leftover not in value, f"{leftover!r} left in {what}: {value!r}"


def assert_safe(articles: list[Article], problems: list[Problem]) -> None:
    for article in articles:
        assert not TEXT_CONTROL.search(article.text), repr(article.text)
        for leftover in LEFTOVERS:
            assert leftover not in article.text, repr(article.text)
        assert_line_safe(article.source, "source")
        assert_line_safe(article.title, "title")
        for key, value in article.meta.items():
            assert_line_safe(key, "meta key")
            assert_line_safe(value, f"meta {key!r}")
        # What the loader keeps in its cache comes back the same.
        assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    for problem in problems:
        assert_line_safe(problem.source, "problem source")
        assert_line_safe(problem.message, "problem message")
        assert_line_safe(str(problem), "problem")


def for_file_name(seq: str) -> str:
    return seq.replace("/", "_")  # the one character a file name cannot hold (with NUL)


def txt_content(tmp: Path, seq: str) -> list[Path]:
    path = tmp / "a.txt"
    path.write_text(f"Headline {seq} here\n\nBody {seq} of the article, tab\there.\n", "utf-8")
    return [path]


def txt_name(tmp: Path, seq: str) -> list[Path]:
    folder = tmp / "corpus"
    folder.mkdir()
    name = for_file_name(seq)
    (folder / f"plain {name}.txt").write_text("Headline\n\nA body of text.", "utf-8")
    (folder / f"twin {name}.txt").write_text("Headline\n\nA body of text.", "utf-8")
    (folder / f"empty {name}.txt").write_bytes(b"")
    (folder / f"odd {name}.xyz").write_bytes(b"ignored")
    (folder / f"feed {name}.jsonl").write_text('{"text": "One line."}\n{broken\n', "utf-8")
    return [folder]


def folder_path(tmp: Path, seq: str) -> list[Path]:
    folder = tmp / f"dir {for_file_name(seq)}"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nA body of text.", "utf-8")
    (folder / "b.png").write_bytes(b"\x89PNG")
    return [folder, folder / "a.txt", tmp / f"missing {for_file_name(seq)}"]


def jsonl_fields(tmp: Path, seq: str) -> list[Path]:
    path = tmp / "feed.jsonl"
    records = [
        {"text": f"Body {seq} text.", "title": f"Title {seq} here", "source": f"wire {seq}"},
        {"text": "Second body.", f"key {seq}": f"value {seq}", "url": f"http://a/{seq}"},
        {"text": "Third body.", "meta": {"title": f"T {seq}", "source": f"S {seq}",
                                         f"k {seq}": f"v {seq}", "nested": {"deep": [seq]}}},
        {"text": "Fourth body.", "meta": {"list": [f"a {seq}", {f"b {seq}": seq}]}},
        {"text": f"{seq}"},
    ]  # fmt: skip
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.append(f'{{"text": "bad {seq}" ')  # not JSON: its problem quotes nothing unsafe
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return [path]


def html_page(tmp: Path, seq: str) -> list[Path]:
    body = " ".join(["Officials met on Tuesday to discuss the supply of rare earth metals."] * 3)
    path = tmp / "page.html"
    path.write_text(
        f"""<!doctype html><html lang="en"><head><title>Title {seq} here</title>
        <meta property="og:site_name" content="Site {seq} name">
        <meta name="author" content="Author {seq} name">
        <meta property="og:title" content="Headline {seq} here">
        </head><body><article><h1>Headline {seq} here</h1>
        <p>{body} One {seq} two.</p><p>{body}</p><p>{body} End.</p></article></body></html>""",
        "utf-8",
    )
    return [path]


def markdown_heading(tmp: Path, seq: str) -> list[Path]:
    path = tmp / "a.md"
    path.write_text(f"# Heading {seq} here\n\nBody text of the article.\n", "utf-8")
    return [path]


ENTRY_POINTS: dict[str, Callable[[Path, str], list[Path]]] = {
    "txt-content": txt_content,
    "txt-name": txt_name,
    "folder-path": folder_path,
    "jsonl-fields": jsonl_fields,
    "html-metadata": html_page,
    "md-heading": markdown_heading,
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("seq", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_no_entry_point_lets_a_control_through(tmp_path: Path, entry: str, seq: str) -> None:
    paths = ENTRY_POINTS[entry](tmp_path, seq)
    articles, problems = load_corpus(paths)
    assert articles, problems
    assert_safe(articles, problems)
    # The loader's cache gives back what the files gave, as safe.
    cache = AnalysisCache(tmp_path / "cache")
    assert load_corpus(paths, cache) == (articles, problems)
    assert load_corpus(paths, cache) == (articles, problems) and cache.hits


def test_bidi_controls_show_outside_the_text_and_stay_in_it(tmp_path: Path) -> None:
    (tmp_path / "x\u202eabc.txt").write_text(
        "Headline \u202edrow\n\nBody \u202eevil\u202c ok.", "utf-8"
    )
    (article,), _ = load_corpus([tmp_path])
    assert article.source == "x⟨U+202E⟩abc.txt"
    assert article.title == "Headline ⟨U+202E⟩drow"
    assert article.text == "Headline \u202edrow\n\nBody \u202eevil\u202c ok."


def test_a_record_with_escapes_in_every_field() -> None:
    seq = SEQUENCES["osc52"]
    article = article_from_record(
        {"text": "Body.", "source": f"s{seq}", "title": f"t{seq}", f"k{seq}": f"v{seq}\nw"},
        "feed.jsonl:1",
    )
    assert (article.source, article.title, article.meta) == ("s", "t", {"k": "v w"})


def test_a_problem_is_one_safe_line_whoever_builds_it() -> None:
    problem = Problem("dir\x1b]2;TITLE\x07/a\u202e.txt", "HTML could not be parsed:\n\x9b2Jline 2")
    assert problem.source == "dir/a⟨U+202E⟩.txt"
    assert problem.message == "HTML could not be parsed: line 2"
    assert str(problem) == "skipped dir/a⟨U+202E⟩.txt: HTML could not be parsed: line 2"


def test_make_article_makes_its_one_line_fields_safe() -> None:
    article = make_article(
        "Headline \u202ehere\n\nBody.",
        "src\x1b[2J\u2066",
        given_meta={"site\x07": "Wire\x1b]0;x\x07\nTwo", "n": 3},
    )
    assert article.source == "src⟨U+2066⟩"
    assert article.title == "Headline ⟨U+202E⟩here"
    assert article.meta["site"] == "Wire Two" and article.meta["n"] == "3"


def stored(**changes: object) -> dict[str, object]:
    base = make_article("Headline\n\nBody text \u202eand more.", "a.txt").to_dict()
    return {**base, **changes}


def test_from_dict_makes_one_line_fields_safe() -> None:
    article = Article.from_dict(
        stored(source="a\x1b]52;c;UFdO\x07.txt", title="T\x9b2J\u202e",
               meta={"k\x1b[2J": "v\u2067\x07", "n": 3})
    )  # fmt: skip
    assert article.source == "a.txt"
    assert article.title == "T⟨U+202E⟩"
    assert article.meta == {"k": "v⟨U+2067⟩", "n": "3"}


@pytest.mark.parametrize(
    "text",
    [
        "Body \x1b[2J.",
        "Body \x07.",
        "Body \r\n.",
        "Body \x9b.",
        "\ufeffBody.",
        "a\u2028b",
        "\ud800",
    ],
)
def test_from_dict_refuses_text_that_is_not_sanitized(text: str) -> None:
    with pytest.raises(ValueError, match="sanitized"):
        Article.from_dict(stored(text=text, boilerplate=[]))


@pytest.mark.parametrize(
    "changes",
    [
        {"meta": {"k": [[["nested"]]]}},
        {"meta": ["not", "a", "mapping"]},
        {"source": {"a": 1}},
        {"id": "../../../home/x/.bashrc"},  # a workspace saves its copy under the id
        {"id": "\x1b[2J0123456789ab"},
        {"id": 1234567890123456},
        {"text": 42},
    ],
)
def test_from_dict_refuses_what_to_dict_never_writes(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Article.from_dict(stored(**changes))


def test_from_dict_keeps_boilerplate_ranges_inside_the_text() -> None:
    data = stored(boilerplate=[[5, 2], [-3, 4], [10, 10**6], [500, 600]])
    article = Article.from_dict(data)
    assert article.boilerplate == ((0, 4), (10, len(article.text)))


def test_from_dict_of_a_deeply_nested_meta_value_is_a_value_error() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ValueError):
        Article.from_dict(stored(meta={"k": deep}))


ALPHABET = st.one_of(
    st.characters(exclude_categories=()),  # surrogates too
    st.sampled_from("\x1b\x07\x9b\x9c\x9d\r\n\t\x85\u2028\u2029\ufeff\u202e\ud800[]; "),
)


@settings(max_examples=500)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_is_sanitized_says_exactly_when_sanitize_changes_nothing(text: str) -> None:
    assert is_sanitized(text) == (sanitize(text) == text)
    assert is_sanitized(sanitize(text))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [100_000, 5_000, 1_500, 995, 990, 900, 500, 100])
def test_deeply_nested_json_is_that_lines_problem(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "Before."}\n'
        f'{{"text": "Deep.", "meta": {{"k": {nested(depth)}}}}}\n'
        f'{{"text": "Deep too.", "extra": {nested(depth)}}}\n'
        '{"text": "After."}\n',
        "utf-8",
    )
    articles, problems = load_corpus([path])
    texts = [a.text for a in articles]
    assert texts[0] == "Before." and texts[-1] == "After."
    for problem in problems:
        assert problem.source in (f"{path}:2", f"{path}:3")
        assert "nested" in problem.message
    # Either a line loads (its nesting fits) or it is its own problem: never both, never lost.
    assert len(articles) + len(problems) == 4
    if depth >= 1_500:
        assert len(problems) == 2
    if depth <= 500:
        assert texts == ["Before.", "Deep.", "Deep too.", "After."]
        assert articles[1].meta["k"] == nested(depth)


def test_a_file_name_that_is_not_utf8_loads_and_shows_a_replacement(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/bad\xff\x9b2J name.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Headline\n\nBody of the article.")
    cache = AnalysisCache(tmp_path / "cache")
    for _ in range(2):  # with a cache, which cannot key such a name: read each time
        (article,), problems = load_corpus([folder], cache)
        assert article.source == "bad\ufffd\ufffd2J name.txt" and problems == []
