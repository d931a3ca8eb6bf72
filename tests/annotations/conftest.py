"""Shared pieces of the annotations tests: an import file writer, an open store, a small
workspace of two annotators and a tokenizer."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article, make_article
from corpus.cache import AnalysisCache
from corpus.nlp import choose_pipeline
from corpus.tokens import Tokenizer


def write(path: Path, lines: Sequence[Mapping[str, Any] | str]) -> Path:
    """A JSONL file of `lines` (objects, or raw strings written as they are)."""
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """maria's store in a fresh workspace, accepting any label."""
    with Store.open(tmp_path, "maria", labels=None) as opened:
        yield opened


TEXTS = (
    (
        "wire/rare-earths.txt",
        "Rare earths",
        "MOSCOW, March 3 (Reuters) - “Rare earth metals are an important area,” Kirill "
        "Dmitriev said on Monday.\n\nThe talks went on for 3.5 hours, officials said. 🚀",
    ),
    (
        "wire/alaska.txt",
        "Alaska summit",
        'Putin told a state media correspondent: "We will meet in Alaska."\n\nNo date was '
        "given; the summit may slip to August.",
    ),
    ("wire/quiet.txt", "Quiet day", "Nothing happened in the markets today, traders said."),
)


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tokenizer]:
    with Tokenizer(choose_pipeline(), AnalysisCache(tmp_path_factory.mktemp("tokens"))) as made:
        yield made


def _articles() -> list[Article]:
    return [make_article(text, source, title=title) for source, title, text in TEXTS]


def _tag(store: Store, article: Article, words: str, label: str, **kw: Any) -> None:
    start = article.text.index(words)
    store.add(article.id, start, start + len(words), label, words, **kw)


def small_workspace(root: Path) -> Workspace:
    """Two annotators over three articles: notes, attrs, a suggestion accepted, a done article
    with nothing tagged, and a character-precise span."""
    workspace = Workspace(root)
    rare, alaska, quiet = _articles()
    for article in (rare, alaska, quiet):
        workspace.save_article(article)
    with Store.open(root, "maria", labels=None) as store:
        claim = "Rare earth metals are an important area"
        _tag(store, rare, claim, "claim", note="key", attrs={"speaker": "Kirill Dmitriev"})
        _tag(store, rare, "3.5 hours", "figure", origin="suggested:figure")
        _tag(store, alaska, "We will meet in Alaska.", "claim")
        store.set_status(alaska.id, "done")
        store.set_status(quiet.id, "done")
    with Store.open(root, "omar", labels=None) as store:
        _tag(store, rare, "Kirill Dmitriev", "event")
        start = alaska.text.index("summit")
        store.add(alaska.id, start + 1, start + 4, "event", "umm")  # inside a word
    return workspace
