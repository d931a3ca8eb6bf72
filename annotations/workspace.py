"""The workspace: where annotators' stores live, beside a copy of every annotated article.

    <workspace>/annotations/<annotator>/...   each annotator's store (annotations/store.py)
    <workspace>/articles/<article_id>.json    the article as it was annotated: text, title,
                                              source, metadata and boilerplate

Annotations hold offsets into an article's text, so the text has to outlive the corpus files
it came from: a file can be edited, moved or deleted after it was annotated, and an imported
text may never have been in a corpus. The reader saves an article here when it is first
annotated, import saves every article it brings, and export reads texts from here. Article
ids are hashes of their text, so a copy never changes and concurrent writers write the same
bytes; each is written atomically.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from annotations.storage import atomic_writer
from annotations.store import ANNOTATOR_NAME, ARTICLE_ID, StoreError
from corpus.article import Article, article_id

WORKSPACE_ENV = "ASSAY_WORKSPACE"
ARTICLE_SCHEMA = 1


def default_workspace() -> Path:
    """`ASSAY_WORKSPACE`, else the user's data folder for assay (~/.local/share/assay)."""
    configured = os.environ.get(WORKSPACE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("assay", appauthor=False))


def default_annotator() -> str:
    """The login name, made safe as a folder name ("annotator" when there is none)."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name: a container running as a bare uid
        name = ""
    name = re.sub(r"[^\w.@+-]", "_", name)[:64]
    return name if ANNOTATOR_NAME.match(name) else "annotator"


class Workspace:
    """A workspace folder. Reading it creates nothing; saving an article creates what it needs."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.articles_dir = self.root / "articles"

    def annotators(self) -> list[str]:
        """Annotators with a store in this workspace."""
        folder = self.root / "annotations"
        if not folder.is_dir():
            return []
        return sorted(
            p.name for p in folder.iterdir() if p.is_dir() and ANNOTATOR_NAME.match(p.name)
        )

    def save_article(self, article: Article) -> bool:
        """Keep a copy of `article`; False when one was already kept (it is never rewritten)."""
        path = self._path(article.id)
        if path.exists():
            return False
        data = {"schema": ARTICLE_SCHEMA, **article.to_dict()}
        try:
            self.articles_dir.mkdir(parents=True, exist_ok=True)
            with atomic_writer(path) as handle:
                for piece in json_pieces(data):
                    handle.write(piece.encode("utf-8"))
        except OSError as exc:
            raise StoreError(f"cannot save article {article.id} in {self.articles_dir}: "
                             f"{exc.strerror or exc}") from exc  # fmt: skip
        return True

    def save_articles(self, articles: Iterable[Article]) -> int:
        return sum(self.save_article(a) for a in articles)

    def article(self, article_id_: str) -> Article | None:
        """The kept copy of an article; None when there is none.

        A copy that cannot be read raises `StoreError` naming the file: export must not guess.
        """
        if not ARTICLE_ID.match(article_id_):
            return None
        path = self._path(article_id_)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path} cannot be read ({exc}); the article's annotations "
                             f"cannot be checked against its text") from exc  # fmt: skip
        try:
            return Article.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError(f"{path} is not an assay article ({exc!r})") from exc

    def find_article(
        self, article_id_: str, corpus: Mapping[str, Article], problems: list[str]
    ) -> Article | None:
        """The kept copy, else the article in `corpus`; an unreadable copy goes to `problems`
        (export and stats report it and go on)."""
        try:
            found = self.article(article_id_)
        except StoreError as exc:
            problems.append(str(exc))
            found = None
        return found or corpus.get(article_id_)

    def article_ids(self) -> list[str]:
        if not self.articles_dir.is_dir():
            return []
        return sorted(p.stem for p in self.articles_dir.glob("*.json") if ARTICLE_ID.match(p.stem))

    def _path(self, article_id_: str) -> Path:
        return self.articles_dir / f"{article_id_}.json"


# Characters of a long string written at a time: an article's text as one JSON string, then
# as UTF-8, would be two more copies of a text that can be 64 MiB.
JSON_SLICE = 2**16


def json_pieces(
    data: Mapping[str, Any], *, closed: bool = True, per: int = JSON_SLICE
) -> Iterator[str]:
    """`json.dumps(data, ensure_ascii=False)` in pieces, for a writer: a string member longer
    than `per` comes a slice at a time (JSON escapes each character on its own, so the slices
    join to the same text). Without `closed` the closing brace is left out, for the caller to
    add members."""
    if all(not isinstance(value, str) or len(value) <= per for value in data.values()):
        whole = json.dumps(data, ensure_ascii=False)
        yield whole if closed else whole[:-1]
        return
    for i, (key, value) in enumerate(data.items()):
        yield ", " if i else "{"
        yield json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(value, str) and len(value) > per:
            yield '"'
            for at in range(0, len(value), per):
                yield encode_basestring(value[at : at + per])[1:-1]
            yield '"'
        else:
            yield json.dumps(value, ensure_ascii=False)
    if closed:
        yield "}"


def intact(article: Article) -> bool:
    """True when the article's text still hashes to its id (a kept copy was not edited)."""
    return article_id(article.text) == article.id
