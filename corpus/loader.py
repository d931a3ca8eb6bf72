"""Read a corpus from files and folders: text, Markdown, HTML and JSONL.

Nothing in a folder can stop a load: each file that cannot be read becomes one `Problem` that
says which file and why, and the rest loads. Articles stream one at a time, so a corpus of
10,000 files is never held as bytes all at once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from corpus.article import Article, make_article
from corpus.cache import AnalysisCache
from corpus.decode import NotText, decode

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 64 * 1024 * 1024
# Keys of annotation formats (Prodigy, doccano) that describe annotations, not the article.
_NOT_META = frozenset(
    {"text", "title", "source", "meta", "id", "tokens", "spans", "label", "labels", "entities",
     "relations", "answer", "_input_hash", "_task_hash", "_annotator_id", "_session_id",
     "_timestamp", "_view_id", "_is_binary", "options", "accept"}
)  # fmt: skip
# Keys of assay's own export `meta` that are not the article's metadata: read elsewhere, or
# describing the annotations.
_NOT_META_IN_META = frozenset({"title", "source", "article_id", "boilerplate", "status",
                               "annotator", "tokenizer"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the user should hear about a file: skipped, or loaded with a caveat."""

    source: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        verb = "skipped" if self.skipped else "note on"
        return f"{verb} {self.source}: {self.message}"


OnProblem = Callable[[Problem], None]


def builtin_paths() -> list[Path]:
    """The five sample articles shipped inside the package, in order."""
    folder = resources.files("corpus") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def load_corpus(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    cache: AnalysisCache | None = None,
) -> tuple[list[Article], list[Problem]]:
    """Every article under `paths` (the built-in corpus when None or empty), and the problems."""
    problems: list[Problem] = []
    articles = list(iter_articles(paths, problems.append, cache))
    return articles, problems


def iter_articles(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    on_problem: OnProblem | None = None,
    cache: AnalysisCache | None = None,
) -> Iterator[Article]:
    """Stream the articles under `paths`; duplicates (same sanitized text) are reported once.

    With `cache`, what a file gave (its articles and problems) is kept, keyed by the file's
    path, size and modification time and by the loading code: reading, decoding and marking
    boilerplate costs about 2.5 ms an article, so a 10,000-file corpus opens in a second the
    second time instead of half a minute.
    """
    report: OnProblem = on_problem or (lambda _p: None)
    seen: dict[str, str] = {}
    if not paths:
        candidates: Iterable[tuple[Path, str]] = ((p, p.name) for p in builtin_paths())
    else:
        candidates = _walk([Path(p) for p in paths], report)
    for path, source in candidates:
        for article in _read_cached(path, source, report, cache):
            if not article.text.strip():
                report(Problem(article.source, "no text left after removing control characters"))
                continue
            first = seen.setdefault(article.id, article.source)
            if first != article.source:
                report(Problem(article.source, f"same text as {first}; kept that one"))
                continue
            yield article


def _walk(roots: Sequence[Path], report: OnProblem) -> Iterator[tuple[Path, str]]:
    for root in roots:
        if root.is_dir():
            ignored: dict[str, int] = {}
            for folder, dirs, files in os.walk(root, onerror=lambda e: _walk_error(e, report)):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    path = Path(folder) / name
                    suffix = path.suffix.lower()
                    if suffix in SUFFIXES:
                        yield path, path.relative_to(root).as_posix()
                    else:
                        ignored[suffix or "(none)"] = ignored.get(suffix or "(none)", 0) + 1
            if ignored:
                kinds = ", ".join(f"{n} {s}" for s, n in sorted(ignored.items()))
                report(Problem(str(root), f"ignored files of other types ({kinds})", False))
        elif root.exists():
            yield root, str(root)
        else:
            report(Problem(str(root), "no such file or folder"))


def _walk_error(error: OSError, report: OnProblem) -> None:
    report(Problem(str(error.filename), f"cannot read folder: {error.strerror}"))


def _loader_version() -> str:
    """A hash of the code that turns a file into articles (a change re-reads every file)."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in ("loader.py", "article.py", "boilerplate.py", "meta.py", "text.py", "decode.py"):
        with suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


LOADER_VERSION = _loader_version()


def _read_cached(
    path: Path, source: str, report: OnProblem, cache: AnalysisCache | None
) -> Iterator[Article]:
    if cache is None:
        yield from _read_file(path, source, report)
        return
    name = os.path.abspath(path)  # os.path, not pathlib: this runs for every file
    try:
        stat = os.stat(name)
    except OSError:
        yield from _read_file(path, source, report)  # it reports why
        return
    key = AnalysisCache.key("file", LOADER_VERSION, name, source, str(stat.st_size),
                            str(stat.st_mtime_ns))  # fmt: skip
    found = cache.load(key, _entry_of)
    if found is not None:
        articles, problems = found
        for problem in problems:
            report(problem)
        yield from articles
        return
    seen: list[Problem] = []

    def keep(problem: Problem) -> None:
        seen.append(problem)
        report(problem)

    articles = []
    for article in _read_file(path, source, keep):
        articles.append(article)
        yield article
    cache.put(key, {
        "articles": [a.to_dict() for a in articles],
        "words": [a.words for a in articles],
        "problems": [[p.source, p.message, p.skipped] for p in seen],
    })  # fmt: skip


def _entry_of(data: dict[str, Any]) -> tuple[list[Article], list[Problem]]:
    articles = [Article.from_dict(a) for a in data["articles"]]
    for article, words in zip(articles, data["words"], strict=True):
        article.__dict__["words"] = int(words)  # the count the cached_property would make
    problems = [Problem(str(s), str(m), bool(k)) for s, m, k in data["problems"]]
    return articles, problems


def _read_file(path: Path, source: str, report: OnProblem) -> Iterator[Article]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, source, report)
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report(Problem(source, f"too large ({size / 2**20:.0f} MiB; at most "
                                   f"{MAX_FILE_BYTES // 2**20} MiB per file)"))  # fmt: skip
            return
        data = path.read_bytes()
    except OSError as exc:
        report(Problem(source, f"cannot read: {exc.strerror or exc}"))
        return
    try:
        decoded = decode(data)
    except NotText as exc:
        report(Problem(source, str(exc)))
        return
    if decoded.warning:
        report(Problem(source, decoded.warning, skipped=False))
    if decoded.encoding not in ("utf-8", "utf-8-sig", "ascii"):
        report(Problem(source, f"read as {decoded.encoding}", skipped=False))
    if suffix in HTML_SUFFIXES:
        article = _from_html(decoded.text, source, report)
        if article is not None:
            yield article
        return
    title = None
    if suffix in (".md", ".markdown"):
        first = decoded.text.lstrip().split("\n", 1)[0]
        if first.startswith("#"):
            title = first.lstrip("#").strip()
    yield make_article(decoded.text, source, title=title)


def _from_html(html: str, source: str, report: OnProblem) -> Article | None:
    import trafilatura  # slow to import; only HTML needs it

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura raises many types on malformed pages
        report(Problem(source, f"HTML could not be parsed: {exc}"))
        return None
    if document is None:
        found: dict[str, Any] = {}
    else:
        found = document if isinstance(document, dict) else document.as_dict()
    text = found.get("text") or ""
    if not text.strip():
        report(Problem(source, "HTML page has no article text that could be extracted"))
        return None
    meta = {
        "site": found.get("sitename") or found.get("hostname"),
        "date": found.get("date"),
        "url": found.get("url"),
        "author": found.get("author"),
        "language": found.get("language"),
    }
    return make_article(text, source, title=found.get("title"), given_meta=meta)


def _read_jsonl(path: Path, source: str, report: OnProblem) -> Iterator[Article]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{source}:{number}"
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                report(Problem(where, f"line is not UTF-8 (byte {exc.start + 1})"))
                continue
            except json.JSONDecodeError as exc:
                report(Problem(where, f"not valid JSON: {exc.msg} at column {exc.colno}"))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                report(Problem(where, 'expected an object with a "text" string'))
                continue
            if not record["text"].strip():
                report(Problem(where, '"text" is empty'))
                continue
            yield article_from_record(record, where)


def article_from_record(record: dict[str, Any], where: str) -> Article:
    """The article of one JSONL object with a "text" string (ours, Prodigy's or doccano's).

    `title` and `source` are read from the object or its `meta` (where assay's own export
    puts them); other keys become metadata, except those that describe annotations, and
    `where` (file:line) is the source when none is given.
    """
    given = record["meta"] if isinstance(record.get("meta"), dict) else {}
    merged = {**given, **{k: v for k, v in record.items() if k not in _NOT_META}}

    def string(key: str) -> str | None:
        for holder in (record, given):
            if isinstance(holder.get(key), str) and holder[key].strip():
                return str(holder[key])
        return None

    meta = {k: _meta_value(v) for k, v in merged.items() if k not in _NOT_META_IN_META}
    return make_article(
        record["text"], string("source") or where, title=string("title"), given_meta=meta
    )


def _meta_value(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
