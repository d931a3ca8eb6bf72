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

When a corpus file is edited, its article gets a new id; `find_edited` pairs the old copy with
the new article, and `follow_edits` moves the annotations onto the new text.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TypeVar

from annotations.reanchor import EDIT_SIMILARITY, similarity
from annotations.storage import CorruptFile, atomic_writer
from annotations.store import (
    ARTICLE_ID,
    ArticleState,
    Moved,
    ReadOnlyStore,
    Store,
    StoreError,
    annotator_name,
)
from corpus.article import Article

WORKSPACE_ENV = "ASSAY_WORKSPACE"
_Read = TypeVar("_Read")
ARTICLE_SCHEMA = 1


def default_workspace() -> Path:
    """`ASSAY_WORKSPACE`, else the user's data folder for assay (~/.local/share/assay)."""
    configured = os.environ.get(WORKSPACE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("assay", appauthor=False))


def default_annotator() -> str:
    """The login name as an annotator name; StoreError asking for --annotator when there is
    none or it cannot be one (it is never rewritten into another name)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name: a container running as a bare uid
        raise StoreError(
            "there is no login name to use as the annotator's name: give one with --annotator NAME"
        ) from None
    try:
        return annotator_name(login)
    except StoreError as exc:
        raise StoreError(
            f"your login name cannot be the annotator's name ({exc}): give one with "
            f"--annotator NAME"
        ) from None


class Workspace:
    """A workspace folder. Reading it creates nothing; saving an article creates what it needs."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.articles_dir = self.root / "articles"

    def annotators(self) -> list[str]:
        """Annotators with a store in this workspace."""
        return sorted(name for name, _path in self._annotator_folders() if isinstance(name, str))

    def strays(self) -> list[str]:
        """Annotation files no annotator can reach, each as a sentence saying what to do:
        folders of `annotations/` whose names cannot be annotators' (an older assay accepted
        ".hidden" names, and names that only Unicode normalisation tells apart) and article
        files written beside the folders by the names "." and ".." (into `annotations/` and
        into the workspace itself)."""
        found = []
        for name, path in self._annotator_folders():
            if isinstance(name, StoreError) and _holds_annotations(path):
                found.append(
                    f"{path} holds annotations that no annotator reads ({name}): "
                    f"rename the folder to a name of its own"
                )
        for folder, as_name in ((self.root / "annotations", "."), (self.root, "..")):
            if _holds_annotations(folder):
                target = self.root / "annotations" / "NAME"
                found.append(
                    f"{folder} holds annotation files of no annotator (written under "
                    f"the name {as_name!r} by an older assay): move them into {target} "
                    f"to use them as NAME's"
                )
        return found

    def _annotator_folders(self) -> list[tuple[str | StoreError, Path]]:
        """Folders of `annotations/`, each with its annotator's name, or why it has none."""
        folder = self.root / "annotations"
        try:
            entries = sorted(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            return []
        found: list[tuple[str | StoreError, Path]] = []
        seen: dict[str, Path] = {}
        for path in entries:
            try:
                name: str | StoreError = annotator_name(path.name)
            except StoreError as exc:
                name = exc
            if isinstance(name, str):
                if name in seen:
                    name = StoreError(f"it is another spelling of {seen[name]}")
                else:
                    seen[name] = path
            found.append((name, path))
        return found

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
            raise StoreError(
                f"cannot save article {article.id} in {self.articles_dir}: {exc.strerror or exc}"
            ) from exc
        return True

    def article(self, article_id_: str) -> Article | None:
        """The kept copy of an article; None when there is none.

        A copy that cannot be read raises `StoreError` naming the file: export must not guess.
        """
        return self.article_read(article_id_)[0]

    def article_read(self, article_id_: str) -> tuple[Article | None, list[int] | None]:
        """`article`, and the identity (inode, size, modification time in ns) of the file it
        was read from (the open file's: that of the bytes parsed), or None with no copy. A
        cache of what copies hold (annotations/textcache.py) keys its entries by it."""
        if not ARTICLE_ID.match(article_id_):
            return None, None
        path = self._path(article_id_)
        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                raw = handle.read()
            data = json.loads(raw)
        except FileNotFoundError:
            return None, None
        except (OSError, ValueError, RecursionError) as exc:
            raise StoreError(
                f"{path} cannot be read ({exc}); the article's annotations "
                f"cannot be checked against its text"
            ) from exc
        try:
            found = Article.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError(f"{path} is not an assay article ({exc!r})") from exc
        return found, [stat.st_ino, stat.st_size, stat.st_mtime_ns]

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

    def each_article(
        self,
        annotators: Sequence[str],
        on_problem: Callable[[CorruptFile], None],
        *,
        check_files: bool = False,
    ) -> Generator[AnnotatedArticle, None, None]:
        """Every article that any of `annotators` has a file of, in order of id, with each
        one's state of it: export, stats and agreement read the workspace through this.

        The stores are opened read-only (nothing is moved or written) and closed when the walk
        ends. Files that cannot be read go to `on_problem`: first those set aside by earlier
        runs (with `check_files`, every file of each store, checked whole: those found broken
        are left out of the walk), then, article by article, those that fail as they are read
        (`AnnotatedArticle.problems`, reported before the article is yielded).
        """
        for article_id_, states, problems in self.walk(
            annotators, on_problem, Store.article_state, check_files=check_files
        ):
            yield AnnotatedArticle(article_id_, states, problems)

    def walk(
        self,
        annotators: Sequence[str],
        on_problem: Callable[[CorruptFile], None],
        read: Callable[[Store, str], _Read],
        *,
        check_files: bool = False,
    ) -> Generator[tuple[str, dict[str, _Read], tuple[CorruptFile, ...]], None, None]:
        """`each_article` with what `read(store, article_id)` makes of each file in place of
        its `ArticleState` (a comparison reads only spans, through a cache: team.py), as
        (article id, {annotator: what was read}, files that could not be read)."""
        stores = [Store.open(self.root, n, read_only=True, labels=None) for n in annotators]
        try:
            held = []
            for store in stores:
                found = store.check_files() if check_files else store.set_aside()
                for problem in found:
                    on_problem(problem)
                broken = {c.article_id for c in found if not c.earlier}
                held.append({i for i in store.article_ids() if i not in broken})
            for article_id_ in sorted(set().union(*held)):
                states: dict[str, _Read] = {}
                problems = []
                for store, ids in zip(stores, held, strict=True):
                    if article_id_ not in ids:
                        continue
                    try:
                        states[store.annotator] = read(store, article_id_)
                    except CorruptFile as exc:  # broken since it was listed (or checked)
                        problems.append(exc)
                for problem in problems:
                    on_problem(problem)
                yield article_id_, states, tuple(problems)
        finally:
            for store in stores:
                store.close()

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


def _holds_annotations(folder: Path) -> bool:
    """Whether `folder` holds an annotator's article files (16 hex digits .json)."""
    try:
        return any(n.endswith(".json") and ARTICLE_ID.match(n[:-5]) for n in os.listdir(folder))
    except OSError:
        return False


@dataclass(frozen=True)
class AnnotatedArticle:
    """One article of a walk of the workspace (`Workspace.each_article`): each annotator's
    state of it, in the order the annotators were named (those whose file of it could be
    read), and the files of it that could not be."""

    article_id: str
    states: Mapping[str, ArticleState]
    problems: tuple[CorruptFile, ...] = ()


@dataclass(frozen=True)
class Edited:
    """An annotated article (`old`: the workspace's copy) whose corpus file now holds `new`."""

    old: Article
    new: Article
    similarity: float


def find_edited(workspace: Workspace, store: Store, corpus: Mapping[str, Article]) -> list[Edited]:
    """The annotator's articles whose corpus file was edited since they were annotated.

    Article ids are hashes of the text, so an edited file gives an article with a new id, and
    the annotator's old article is no longer in the corpus. Each such article (with something
    of the annotator's in it) is paired with the corpus article that has its copy's `source`
    and a text similar enough to be an edit of it (reanchor.similarity at least
    EDIT_SIMILARITY: two unrelated corpora can both have an "article1.txt").

    Cheap when nothing moved: only the annotator's articles missing from `corpus` are read (a
    listing of the store's folder, and a set difference). An article whose copy the workspace
    lacks cannot be followed.
    """
    missing = [i for i in store.article_ids() if i not in corpus]
    if not missing:
        return []
    by_source: dict[str, list[Article]] = {}
    for article in corpus.values():
        by_source.setdefault(article.source, []).append(article)
    found = []
    for missing_id in missing:
        try:
            old = workspace.article(missing_id)
            if old is None or old.source not in by_source:
                continue
            if not store.article_state(missing_id).touched:
                continue
        except (StoreError, CorruptFile):  # an unreadable file: stats and the check report it
            continue
        scored = [(similarity(old, a), a.id, a) for a in by_source[old.source] if a.id != old.id]
        if not scored:
            continue
        score, _id, new = max(scored)
        if score >= EDIT_SIMILARITY:
            found.append(Edited(old, new, score))
    return found


def follow_edits(workspace: Workspace, store: Store, corpus: Mapping[str, Article]) -> list[Moved]:
    """Move the annotations of every edited article onto its new text: `find_edited`, then
    `Store.move_article` (each move one undoable change, safe to run again after a crash),
    keeping a copy of each new text in the workspace first. For the reader's start-up.

    The store must be writable (else ReadOnlyStore, saying why, before anything is written):
    with a read-only one, `find_edited` says what would move.
    """
    if store.read_only:
        raise ReadOnlyStore(store.read_only_reason or "this store was opened read-only")
    moved = []
    for edit in find_edited(workspace, store, corpus):
        workspace.save_article(edit.new)
        moved.append(store.move_article(edit.old, edit.new))
    return moved
