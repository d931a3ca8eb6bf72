"""Read a corpus from files and folders: text, Markdown, HTML and JSONL.

Nothing in a folder can stop a load: each file that cannot be read becomes one `Problem` that
says which file and why, and the rest loads. Articles stream one at a time, so a corpus of
10,000 files is never held as bytes all at once.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import os
import re
import stat
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any, BinaryIO

from corpus import jsonl
from corpus.article import Article, make_article, safe_line
from corpus.cache import AnalysisCache
from corpus.decode import NotText, decode
from corpus.text import count_words, is_sanitized, sanitize

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = MAX_FILE_BYTES  # of a JSONL file, which as a whole has no limit
# Keys of annotation formats (Prodigy, doccano) that describe annotations, not the article.
_NOT_META = frozenset(
    {
        "text",
        "title",
        "source",
        "meta",
        "id",
        "tokens",
        "spans",
        "label",
        "labels",
        "entities",
        "relations",
        "answer",
        "_input_hash",
        "_task_hash",
        "_annotator_id",
        "_session_id",
        "_timestamp",
        "_view_id",
        "_is_binary",
        "options",
        "accept",
    }
)
# Keys of assay's own export `meta` that are not the article's metadata: read elsewhere, or
# describing the annotations.
_NOT_META_IN_META = frozenset(
    {"title", "source", "article_id", "boilerplate", "status", "annotator", "tokenizer"}
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the user should hear about a file: skipped, or loaded with a caveat."""

    source: str
    message: str
    skipped: bool = True

    def __post_init__(self) -> None:
        # Sources are file names and JSONL fields, and messages quote names and bytes of
        # files: each is made one safe line here, once, whoever reports the problem.
        object.__setattr__(self, "source", safe_line(self.source))
        object.__setattr__(self, "message", safe_line(self.message))

    def __str__(self) -> str:
        verb = "skipped" if self.skipped else "note on"
        return f"{verb} {self.source}: {self.message}"


OnProblem = Callable[[Problem], None]
Make = Callable[..., Article]  # make_article's signature: (raw_text, source, *, title, given_meta)


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
    boilerplate costs several milliseconds an article, so a 10,000-file corpus is read in
    under two seconds the second time instead of more than a minute. (The reader lists a
    large corpus another way: corpus/listing.py.)
    """
    report: OnProblem = on_problem or (lambda _p: None)
    if not paths:
        candidates: Iterable[tuple[str, str]] = ((str(p), p.name) for p in builtin_paths())
    else:
        candidates = walk([os.fspath(p) for p in paths], report)
    return iter_candidates(candidates, report, cache)


def iter_candidates(
    candidates: Iterable[tuple[str, str]], report: OnProblem, cache: AnalysisCache | None
) -> Iterator[Article]:
    """`iter_articles` of the files `walk` found, as (path, source)."""
    seen: dict[str, str] = {}
    for path, source in candidates:
        for article in _read_cached(path, source, report, cache):
            if is_new(article, seen, report):
                yield article


def is_new(article: Article, seen: dict[str, str], report: OnProblem) -> bool:
    """False for a text listed already (`seen`: id -> source), said as a problem: it is
    listed once. Two names can read the same once made safe ("a\x07.txt", "a.txt"), and the
    same path can be given twice."""
    first = seen.setdefault(article.id, article.source)
    if first is article.source:
        return True
    where = "an earlier article of the same name" if first == article.source else first
    report(Problem(article.source, f"same text as {where}; kept that one"))
    return False


def walk(roots: Sequence[str], report: OnProblem) -> Iterator[tuple[str, str]]:
    """Each file to read under `roots`, as (path, source): a file named on its own is its own
    source; a file found in a folder is named by its path in that folder.

    Plain strings and os.path, not pathlib: this runs for every file of the corpus, and
    building a Path per file cost a fifth of a warm load.
    """
    for root in roots:
        if os.path.isdir(root):
            ignored: dict[str, int] = {}
            for folder, dirs, files in os.walk(root, onerror=lambda e: _walk_error(e, report)):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside = os.path.relpath(folder, root)
                prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    suffix = os.path.splitext(name)[1].lower()
                    if suffix in SUFFIXES:
                        yield os.path.join(folder, name), prefix + name
                    else:
                        ignored[suffix or "(none)"] = ignored.get(suffix or "(none)", 0) + 1
            if ignored:
                kinds = ", ".join(f"{n} {s}" for s, n in sorted(ignored.items()))
                report(
                    Problem(
                        root,
                        f"ignored files of other types ({kinds}); only text, "
                        "Markdown, HTML and JSONL files are read",
                        False,
                    )
                )
        elif os.path.exists(root):
            yield root, root
        else:
            report(Problem(root, "no such file or folder"))


def _walk_error(error: OSError, report: OnProblem) -> None:
    report(Problem(str(error.filename), f"cannot read folder: {error.strerror}"))


# The code that turns a file into articles: this module and every module of the package it
# reads with (tests/corpus/test_loader.py follows their imports; the vocabulary of site chrome
# decides a copied page's title too).
VERSIONED_MODULES = (
    "loader.py",
    "jsonl.py",
    "article.py",
    "boilerplate.py",
    "chrome_words.py",
    "regex_gate.py",
    "meta.py",
    "text.py",
    "decode.py",
)


def _loader_version() -> str:
    """A hash of the code that turns a file into articles (a change re-reads every file)."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in VERSIONED_MODULES:
        with suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


LOADER_VERSION = _loader_version()


def _read_cached(
    path: str, source: str, report: OnProblem, cache: AnalysisCache | None
) -> Iterator[Article]:
    key = None if cache is None else _cache_key(path, source)
    if cache is None or key is None:
        yield from _read_file(path, source, report)
        return
    found = cache.load(key, _entry_of)
    if found is not None:
        yield from _replay(found, report)
        return
    seen: list[tuple[int, Problem]] = []
    articles: list[Article] = []

    def keep(problem: Problem) -> None:
        seen.append((len(articles), problem))
        report(problem)

    for article in _read_file(path, source, keep):
        articles.append(article)
        yield article
    cache.put(key, _entry(articles, seen))


def _replay(
    found: tuple[list[Article], list[tuple[int, Problem]]], report: OnProblem
) -> Iterator[Article]:
    """A cached file's articles, in the order the file gave them, problems between them."""
    articles, problems = found
    for index, article in enumerate(articles):
        while problems and problems[0][0] <= index:
            report(problems.pop(0)[1])
        yield article
    for _, problem in problems:
        report(problem)


def _entry(articles: Sequence[Article], problems: Sequence[tuple[int, Problem]]) -> dict[str, Any]:
    return {
        "articles": [a.to_dict() for a in articles],
        "words": [a.words for a in articles],
        "problems": [[p.source, p.message, p.skipped, at] for at, p in problems],
    }


def _cache_key(path: str, source: str) -> str | None:
    """The key of what a regular file gave, by its path, size and modification time; None
    when there is nothing to keep (reading says why) or its name is not UTF-8."""
    name = os.path.abspath(path)  # os.path, not pathlib: this runs for every file
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            return None
        return AnalysisCache.key(
            "file", LOADER_VERSION, name, source, str(info.st_size), str(info.st_mtime_ns)
        )
    except (OSError, UnicodeEncodeError):
        return None


def _entry_of(data: dict[str, Any]) -> tuple[list[Article], list[tuple[int, Problem]]]:
    articles = [Article.from_dict(a) for a in data["articles"]]
    for article, words in zip(articles, data["words"], strict=True):
        article.__dict__["words"] = int(words)  # the count the cached_property would make
    problems = []
    for where, message, skipped, at in data["problems"]:
        if not isinstance(where, str) or not isinstance(message, str):
            raise ValueError("a problem in the cache is not two strings")
        problems.append((int(at), Problem(where, message, bool(skipped))))
    return articles, problems


class _Unreadable(Exception):
    """A file that is not read, and why in words for the user."""


def _read_file(
    path: str, source: str, report: OnProblem, make: Make = make_article
) -> Iterator[Article]:
    for article, _line in read_placed(path, source, report, make):
        yield article


def read_placed(
    path: str, source: str, report: OnProblem, make: Make = make_article
) -> Iterator[tuple[Article, tuple[int, int] | None]]:
    """The articles of one file, each with where it is in a JSONL file (its line's byte offset
    and number, to read it again alone with `read_line`), None for a file of one article."""
    suffix = os.path.splitext(path)[1].lower()
    try:
        with _open_regular(path) as (handle, size):
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(handle, source, report, make)
                return
            data = _read_capped(handle, size)
    except _Unreadable as exc:
        report(Problem(source, str(exc)))
        return
    except OSError as exc:
        report(Problem(source, f"cannot read: {exc.strerror or exc}"))
        return
    try:
        decoded = decode(data, html=suffix in HTML_SUFFIXES)
    except NotText as exc:
        report(Problem(source, str(exc)))
        return
    if decoded.warning:
        report(Problem(source, decoded.warning, skipped=False))
    if decoded.encoding not in ("utf-8", "utf-8-sig", "ascii"):
        report(
            Problem(
                source,
                f"not UTF-8; read as {decoded.encoding} (if its letters look "
                "wrong, save it as UTF-8)",
                skipped=False,
            )
        )
    if suffix in HTML_SUFFIXES:
        article = _from_html(decoded.text, source, report)
    else:
        title = None
        if suffix in (".md", ".markdown"):
            first = decoded.text.lstrip().split("\n", 1)[0]
            if first.startswith("#"):
                title = first.lstrip("#").strip()
        article = make(decoded.text, source, title=title)
    if article is not None and _has_text(article, source, report):
        yield article, None


def read_line(
    path: str, source: str, place: tuple[int, int], make: Make = make_article
) -> Article | None:
    """The article of the JSONL line at `place` (byte offset, line number) of the file that
    `read_placed` read as `source`; None when the line no longer gives one. Raises OSError."""
    offset, number = place
    with _open_regular(path) as (handle, _size):
        handle.seek(offset)
        for _number, _offset, record in jsonl.records_at(handle, MAX_LINE_BYTES, number - 1):
            if isinstance(record, jsonl.BadLine) or not record["text"].strip():
                return None
            try:
                article = article_from_record(record, f"{source}:{number}", make)
            except ValueError:
                return None
            return article if article.text.strip() else None
    return None


def _has_text(article: Article, where: str, report: OnProblem) -> bool:
    if article.text.strip():
        return True
    report(Problem(where, "no text left after removing control characters"))
    return False


_O_FLAGS = (
    os.O_RDONLY
    # A FIFO's open would wait for a writer that never comes.
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@contextmanager
def _open_regular(path: str) -> Iterator[tuple[BinaryIO, int]]:
    """The open file at `path` and its size, if it is a regular file or a link to one.

    Anything else raises `_Unreadable` before it is read: a FIFO blocks, /dev/zero never ends,
    and opening some devices acts on them. It is checked before opening, so a device is never
    opened, and on the opened descriptor, so one swapped in between is caught too.
    """
    _check_regular(path, os.stat(path).st_mode)
    descriptor = os.open(path, _O_FLAGS)
    try:
        info = os.fstat(descriptor)
        _check_regular(path, info.st_mode)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle, info.st_size


def _check_regular(path: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    link = "a link to " if os.path.islink(path) else ""
    raise _Unreadable(f"not a regular file but {link}{kind}; only files are read")


def _too_large(size: str) -> _Unreadable:
    return _Unreadable(f"too large ({size}; at most {MAX_FILE_BYTES // 2**20} MiB per file)")


def _read_capped(handle: BinaryIO, size: int) -> bytes:
    """The whole file, or `_Unreadable` past the cap: counted on what is read, since a size
    from stat can be wrong (files in /proc say 0) or change while the file is read."""
    if size > MAX_FILE_BYTES:
        raise _too_large(f"{size / 2**20:.0f} MiB")
    data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(f"more than {MAX_FILE_BYTES // 2**20} MiB")
    return data


def _from_html(html: str, source: str, report: OnProblem) -> Article | None:
    try:
        text, found = _extract_html(html)
    except Exception as exc:  # trafilatura and lxml raise many types on malformed pages
        report(Problem(source, f"HTML could not be parsed: {_shortened(str(exc) or repr(exc))}"))
        return None
    if not text.strip():
        report(Problem(source, "HTML page has no article text that could be extracted"))
        return None
    meta = {
        "site": found.get("sitename") or found.get("hostname"),
        "date": found.get("date"),
        "url": found.get("url"),
        "author": found.get("author"),
        "language": found.get("language"),
        "standfirst": found.get("standfirst"),
    }
    return make_article(text, source, title=found.get("title"), given_meta=meta)


def _extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """The article text of a page, its blocks separated like a .txt file's paragraphs, and
    what trafilatura found about the page (title, site, date, ...)."""
    import trafilatura  # slow to import; only HTML needs it

    # trafilatura deletes raw C0 controls from the page before parsing it, which would leave
    # the rest of their escape sequences on screen: written as references, they reach the
    # parsed tree like "&#27;" does, and are sanitized there with their sequences.
    source = _RAW_C0.sub(lambda m: f"&#{ord(m.group())};", html)
    tree = trafilatura.load_html(source)
    if tree is None:
        return "", {}
    if _MAY_WRITE_SUSPECT.search(source):
        _sanitize_tree(tree)  # (most pages have nothing to sanitize: the walk is skipped)
    if _LIST_ITEM_ROLE.search(html):
        _aria_lists(tree)
    line_tables: dict[Any, list[Any]] = {}
    unwrapped = _unwrap_layout_tables(tree, line_tables)
    boxes = _chrome_boxes(tree)
    document = _extraction(tree)
    if unwrapped:
        # A repair must not lose the article: read the page as laid out too, and take that
        # when the repaired reading kept under a quarter of its text (an old Bengali site's
        # body in <font> runs, which trafilatura kept only in its table). Under half is
        # common and right: the layout reading glues the menu and the footer to the article.
        for element, tag in unwrapped:
            element.tag = tag
        as_laid_out = _extraction(tree, document)
        if _text_length(document) < UNWRAPPED_KEPT * _text_length(as_laid_out):
            # Favouring precision may keep only a box of the repaired page (a price list of
            # an article in <font> runs, no <p> to compare with): the repaired page read
            # without it is taken before the layout's reading, where it keeps enough.
            for element, _tag in unwrapped:
                element.tag = "div"
            fuller = _default_extraction(tree, document)
            for element, tag in unwrapped:
                element.tag = tag
            if _text_length(fuller) >= UNWRAPPED_KEPT * _text_length(as_laid_out):
                document = fuller
            else:
                tree, document = _with_loose_paragraphs(tree, document, as_laid_out)
    if document is None:
        return "", {}
    found = document if isinstance(document, dict) else document.as_dict()
    found = {k: _joiners_back(v) if isinstance(v, str) else v for k, v in found.items()}
    found["title"] = _without_bar_part(
        _after_site_name(tree, found.get("title"), found.get("sitename"))
    )
    body = getattr(document, "body", None)
    if body is None:
        return str(found.get("text") or ""), found
    anchors = _anchors(tree)
    text = _restore_loose_runs(tree, _restore_skipped(anchors, _html_blocks(body)), line_tables)
    text = _restore_loose_before(anchors, text)
    text = _restore_lines_between(tree, text)
    parted = [element for element, tag in unwrapped if tag == "tbody" and element.get("class")]
    if parted:
        text = _restore_parted_rows(parted, text)
    text = _restore_sibling_posts(anchors, text)
    if next(itertools.islice(tree.iter("time"), POST_SIBLINGS - 1, None), None) is not None or (
        # (the quotation mark closing a class's value looked for first, by counting)
        html.count('time"') + html.count("time'") >= POST_SIBLINGS
        and len(_TIME_CLASS.findall(html, 0, TIME_CLASS_REACH)) >= POST_SIBLINGS
    ):
        # (a live blog has a time a post, three at least: a <time>, or an element its class
        # names one, "<span class='lb-post__time'>อัปเดต 15:55 น.</span>")
        text = _with_post_times(anchors, text)
    text = _joiners_back(text)
    text, standfirst = _without_standfirst(anchors, _without_headline(text, found.get("title")))
    # (the <title> may hold the headline whole where trafilatura's title is its short form:
    # "«Кинопоток» повышает цены" from the page's <h1>, the line goes on ": базовая подписка …";
    # looked at after the standfirst, which a headline's line over it kept: a live blog's
    # summary under it is the article's)
    text = _without_headline(text, tree.findtext(".//head/title"))
    if standfirst:
        found["standfirst"] = standfirst
    if _PULL_QUOTE_CLASS.search(html):  # (a page names its pull quotes)
        text = _without_pull_quotes(tree, anchors, text)
    if boxes:
        text = _without_boxed_lines(tree, text, boxes)
    return text, found


# A box of chrome its class or id names, in words trafilatura's own list leaves out or writes
# in lower case only: a newsletter's, an app's or a subscription's pitch ("Newsletter_box__Kw0pQ",
# "paywall-inline", "lb-promo", "inline-subscribe__text"), a share bar ("c-entry__share"), an
# author's bio ("autor-bio"), a box of popular or recommended stories, the readers' comments.
# Sites name them in their own language too, in the plural a list of them takes ("vm-commenti",
# "comentarios", "encart-abo", "prenumerata-box", "infolettre", "sxolia": the singular names an
# expert's comment, "komentarz-eksperta"), and name the notes around an article by what they
# note ("editor-note", "sc-upd-0", "Correction_box", "copyright-note"), the author's card
# ("AuthorCard_card", "autor-box"), a video's teaser, a live badge, a donation's button and a
# pitch. (Broader words first tried, "note", "author", "video", "player", "notice", took 464
# lines of the development pages' boxes, all but one chrome; a reviewer's pages of the
# article's own notes, quotes' authors, players and videos found them wrong: "article-note",
# "quote__author", "key-player", "video-text" name the article's. These say which box.)
_CHROME_BOX = re.compile(
    r"newsletter|promo(?!ted)|subscri|paywall|related|share|social|bio(?![a-z])|sponsor"
    r"|advert|outbrain|taboola|recommend|most-?read|popular|trending|comments?(?![^\W_])"
    r"|commenti(?![a-z])|commentaires|comentarios|kommentare|komentarze|komentari(?![a-z])"
    r"|komentáře|sxolia|yorumlar|reacties|hozzasz"
    r"|abo(?![a-z])|abonnement|abbonament|abonament|prenumer|suscrip|assinatura|predplat"
    r"|pretplat|elofizet|podpisk|infolettre|nieuwsbrief|hirlevel|nyhetsbrev|uutiskirje"
    r"|editors?[-_]*note|update[-_]*note|wire[-_]*note|photo[-_]*note|contact[-_]*note"
    r"|issue[-_]*note|paywall[-_]*note|clients?[-_]*note|live(?:blog)?[-_]*(?:header[-_]*)?note"
    r"|lb[-_]*note|upd(?![a-z])|correction|erratum|rectificatif|disclaimer"
    r"|copy(?:right)?[-_]*(?:note|notice)|licen[cs]e(?:[-_]*note)?(?![\w-])|rodo(?![a-z])"
    r"|aut(?:hor|or|eur|ore)[-_]?(?:card|box)|header[-_]*author|post[-_]*author|byline|donate"
    r"|pitch(?![a-z])|cta(?![a-z])|video[-_]*(?:teaser|title|tit|player|label)"
    r"|vod(?![a-z])|live(?:blog)?[-_]*badge|kicker|surtitre|occhiello",
    # (searched in the values lowered, ASCII's letters alone: a search ignoring case was five
    # times slower, a sixth of a millisecond a page)
)
# characters of text: a box this small is dropped, not the article's own container, which may
# carry such a word too ("article-body paywall", "node node-article node-promoted"). (Of the
# development pages' lines in such boxes, 103 unmarked and 231 marked were chrome, none the
# article's; of those in larger ones, 651 were the article's.)
CHROME_BOX_CHARS = 600
# (an <article> is the article's own, whatever its classes: WordPress writes a post's tags
# on it, "tag-social-media")
_NOT_A_BOX = frozenset({"html", "body", "head", "main", "article"})


def _chrome_boxes(tree: Any) -> list[str]:
    """The text (as `_key` writes it) of each small box of chrome the page's classes and ids
    name (`_CHROME_BOX`), a box inside another left to it: read before the extraction, and
    its lines left out of the text after it (`_without_boxed_lines`). (The tree is not
    pruned: trafilatura chooses the article's container by the page around it, and a live
    blog read without its promotions took the header above its posts.)"""
    # (the values of every class and id searched as one string, one per line: a search of
    # each value, and its element's, was a twentieth of a page's loading)
    values = tree.xpath("//@class") + tree.xpath("//@id")  # (a union is sorted: two are not)
    joined = "\n".join(values)
    lowered = joined.translate(_ASCII_LOWER)  # (as long as `joined`: its offsets hold)
    if _CHROME_BOX.search(lowered) is None:
        return []
    starts = list(itertools.accumulate((len(v) + 1 for v in values), initial=0))
    found_at: dict[Any, str] = {}
    seen = -1
    for found in _CHROME_BOX.finditer(lowered):
        at = bisect.bisect_right(starts, found.start()) - 1
        if at == seen:
            continue
        first = max(joined.rfind(" ", 0, found.start()), joined.rfind("\n", 0, found.start()))
        last = _TOKEN_END.search(joined, found.end())
        token = joined[first + 1 : last.start() if last else len(joined)]
        word = _names_a_box(token, found.start() - first - 1)
        if word is None:
            continue
        seen = at
        element = values[at].getparent()
        if element.tag in _NOT_A_BOX or element in found_at:
            continue  # (its class and its id may both name chrome)
        text = _key(element.text_content())
        # (a share bar of icons has no line to leave out; a paywall's box holding paragraphs
        # of prose holds the article's, hidden from those without a subscription)
        if 0 < len(text) <= CHROME_BOX_CHARS and not (
            word.startswith(_SUBSCRIPTION_WORDS) and _holds_prose(element)
        ):
            found_at[element] = text
    return [
        text
        for box, text in found_at.items()
        if not any(above in found_at for above in box.iterancestors())
    ]


_TOKEN_END = re.compile(r"\s")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# WordPress's classes of a post's taxonomy: "tag-social-media", "category-promotions" name
# what the post is about, not what the element is
_TAXONOMY = ("tag-", "tags-", "category-", "cat-", "topic-", "format-", "status-", "type-")
# The words `_CHROME_BOX` finds that name a box only with another word beside them: an
# author's bio ("author-bio", "AuthorCard_bio__Xs7kQ", "aBio"; "interviewee-bio" introduces
# the article's subject), a share bar ("c-entry__share", "ArticleShare_root"; "timeshare" and
# "shareable-quote" are no bars), a subscription's pitch ("subscribe-box"; "subscriber-only"
# holds the article's text)
_BIO_BOX = re.compile(r"^(?:[a-z]{0,3}[-_]?)?bio(?:[-_]|\d|$)|aut(?:h|or)[\w-]*bio")
_FOR_SUBSCRIBERS = re.compile(
    r"subscribers?[-_]*(?:only|content|article)|for[-_]*subscribers|abonn[eé]s?(?![a-z])"
    r"|prenumerant|abo[-_]*(?:content|only|plus|artikel|text)"
)
# (the words of a subscription: its box may hold the article's prose, hidden from others)
_SUBSCRIPTION_WORDS = (
    "paywall", "subscri", "abo", "abbonam", "abonam", "prenumer", "suscrip", "assinatur",
    "predplat", "pretplat", "elofizet", "podpisk",
)  # fmt: skip
# The words that name a box only at a word's start: after a mark, or opening with a capital
# ("c-entry__share", "ArticleShare_root", "editorNote"; not "timeshare", "footnote",
# "keynote", "coauthor")
_WORD_START = ("share", "upd", "abo", "rodo", "cta", "vod", "aut", "video", "pitch", "correction")
# A modifier of the element it stands on, not a box: "article__content--abonnes", "has-video"
_MODIFIER = re.compile(r"(?:--|\b(?:has|with|is)[-_])$")


def _names_a_box(token: str, at: int) -> str | None:
    """The word of `_CHROME_BOX` at `at` in a class or id (`token`, as written) when the token
    names a box of chrome by it, lower case; None when it does not."""
    low = token.lower()
    if low.startswith(_TAXONOMY):
        return None
    word = low[at:]
    if word.startswith("bio") and _BIO_BOX.search(low) is None:
        return None
    if (
        word.startswith(_WORD_START)
        and (
            word.startswith("shareable")
            # (within a word only at a capital: "ArticleShare", not "timeshare")
            or (token[at - 1 : at].isalnum() and not token[at : at + 1].isupper())
            or _MODIFIER.search(low, 0, at) is not None
        )
    ):
        return None
    if word.startswith(_SUBSCRIPTION_WORDS) and _FOR_SUBSCRIBERS.search(low) is not None:
        return None
    return word


PROSE_PARAGRAPHS = 2  # in a box: the article's text, not a pitch
PROSE_WORDS = 15  # a paragraph's, ending as a sentence does


def _holds_prose(box: Any) -> bool:
    """Whether `box` holds PROSE_PARAGRAPHS paragraphs (<p>) of prose or more."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    prose = 0
    for paragraph in box.iter("p"):
        text = _key(paragraph.text_content())
        if count_words(text) >= PROSE_WORDS and ends_sentence(text):
            prose += 1
            if prose >= PROSE_PARAGRAPHS:
                return True
    return False


def _without_boxed_lines(tree: Any, text: str, boxes: Sequence[str]) -> str:
    """`text` without the blocks, and the lines of lists, that stand in the page only in
    boxes of chrome (`_chrome_boxes`): the page holds them no more often than the boxes do
    (a line the page holds outside them too may be the article's, a box quoting it)."""
    page = ""

    def boxed(line: str) -> bool:
        nonlocal page
        key = _key(line)
        if not key or not any(key in box for box in boxes):
            return False
        if not page:
            body = tree.find(".//body")
            page = _key((body if body is not None else tree).text_content())
        return page.count(key) <= sum(box.count(key) for box in boxes)

    kept: list[str] = []
    for block in text.split("\n\n"):
        if boxed(block):
            continue
        lines = [line for line in block.split("\n") if not boxed(line.removeprefix("- "))]
        if lines:
            kept.append("\n".join(lines))
    left = "\n\n".join(kept)
    # (boxes holding half the text or more hold the article: a brief in a container whose
    # class names it a video's or a notice's, "video-article__text", "news-brief notice")
    return left if len(left) * 2 > len(text) else text


PRECISION_KEPT = 0.4  # of the text of a page's <p> elements
UNWRAPPED_KEPT = 0.25  # of the text of the page read with its layout tables


def _extraction(tree: Any, known: Any = None) -> Any:
    """trafilatura's document of a parsed page (None if it finds none), with the settings
    chosen by measurement (bench/boilerplate_eval.py): readers' comments are not the
    article, and favouring precision drops more of a page's chrome for no body lost on the
    page gold (HTML, text minus marks: 0.954 -> 0.958 F1 on the development set).

    The page's metadata (title, date, site, ...) is read once: a second reading of the page
    takes it from the first (`known`, or this call's own first document). Reading it cost a
    third of an extraction, and a sixth of the pages are read two or three times."""
    import trafilatura

    if known is None:
        known = _page_metadata(tree)
    paragraphs_chars = _paragraph_chars(tree)
    # (trafilatura copies a tree it is given: the same tree serves a second extraction)
    document = _with_metadata(
        trafilatura.bare_extraction(tree, favor_precision=True, **_settings(known)), known
    )
    # Favouring precision keeps one post of a live blog (its posts are alike, and each looks
    # like chrome beside the others): when it keeps under PRECISION_KEPT of the page's
    # paragraphs' text, the default extraction is read too, and taken when it holds twice as
    # much. An ordinary page keeps most of its paragraphs, or both extractions agree.
    kept = _text_length(document)
    if paragraphs_chars and kept < PRECISION_KEPT * paragraphs_chars:
        fuller = _default_extraction(tree, known)
        if _text_length(fuller) >= 2 * kept:
            document = fuller
    return document


def _page_metadata(tree: Any) -> Any:
    """What trafilatura reads about a page (`extract_metadata`), as `bare_extraction` reads it,
    less the categories, the tags and the licence, which assay does not keep: they cost a
    twelfth of a page's loading (1.2 ms of 15; their links are looked through with XPath).
    Each step is trafilatura's own, in its order; a test holds every field but those three
    to `extract_metadata`'s on a spread of the development pages."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata
    from trafilatura.settings import set_date_params

    found = metadata.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with suppress(Exception):  # (trafilatura logs and goes on: bugs in its JSON-LD reading)
        found = metadata.extract_meta_json(tree, found)
    if not found.title:
        found.title = metadata.extract_title(tree)
    if not found.author:
        found.author = metadata.extract_author(tree)
    if not found.url:
        found.url = metadata.extract_url(tree, None)
    if found.url:
        found.hostname = extract_domain(found.url, fast=True)
    date_config = set_date_params(True)
    date_config["url"] = found.url
    found.date = find_date(tree, **date_config)
    if not found.sitename:
        found.sitename = metadata.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (site := metadata.META_URL.match(found.url)):
        found.sitename = site[1]
    found.filedate = date_config.get("max_date")
    found.clean_and_trim()
    return found


def _default_extraction(tree: Any, known: Any) -> Any:
    """trafilatura's document of a parsed page with its default settings (not favouring
    precision), the metadata taken from `known`, an earlier reading of the page."""
    import trafilatura

    return _with_metadata(trafilatura.bare_extraction(tree, **_settings(known)), known)


# What trafilatura reads about a page besides its text (`Document`'s fields).
_METADATA_FIELDS = (
    "title", "author", "url", "hostname", "description", "sitename", "date", "categories",
    "tags", "fingerprint", "id", "license", "language", "image", "pagetype", "filedate",
)  # fmt: skip


def _settings(known: Any) -> dict[str, Any]:
    """trafilatura's settings: the metadata read unless `known` holds it already (its URL
    given, as trafilatura passes the one it reads to the extraction)."""
    settings: dict[str, Any] = {"include_comments": False, "include_tables": True}
    if known is None:
        settings["with_metadata"] = True
    else:
        settings["url"] = getattr(known, "url", None)
    return settings


def _with_metadata(document: Any, known: Any) -> Any:
    """`document` with the metadata of `known` (a reading of the same page), if given."""
    if document is not None and known is not None:
        for name in _METADATA_FIELDS:
            setattr(document, name, getattr(known, name, None))
    return document


def _text_length(document: Any) -> int:
    return len(getattr(document, "text", None) or "") if document is not None else 0


# Elements trafilatura gives a block of their own: the anchors that place its text in the page.
_ANCHORS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Where a subheading or a list between two paragraphs of the article is chrome all the same.
_CHROME_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "form", "figure", "figcaption", "button", "select"}
)
_CHROME_ATTRIBUTE = re.compile(
    r"share|social|relat|promo|advert|(?:^|[\W_])ads?(?:$|[\W_])|newsletter|subscri|comment"
    r"|(?:^|[\W_])tags?(?:$|[\W_])|breadcrumb|menu|(?:^|[\W_])nav|footer|sidebar|widget|teaser"
    r"|recommend|popular|most-?read|trending|author|byline|caption|credit|cookie|paywall"
    r"|banner|sponsor|toolbar|read-?(?:also|more|next)|more-?(?:news|stories)|outbrain|taboola",
    re.IGNORECASE,
)
SUBHEADING_CHARS = 200  # a longer "heading" between paragraphs is a teaser box's text
LINKED_SHARE = 0.5  # of a list item's text in links: a list of links is a related box


def _anchors(tree: Any) -> list[tuple[Any, str]]:
    """The page's elements that trafilatura gives a block of their own, each with its text
    as the repairs look it up (read once: the text of every one is read for each repair),
    and the <div>s written as paragraphs (`_prose_div`) or as a list's items (`_item_div`)."""
    found = []
    alike: dict[tuple[Any, str], int] = {}  # (a parent's bulleted <div>s of a class, counted once)
    for element in tree.iter(*_ANCHORS, "div"):
        if element.tag == "div":
            key = _prose_div(element) or _item_div(element, alike)
        else:
            key = _key("".join(element.itertext()))
        if key:
            found.append((element, key))
    return found


ITEM_DIV_CHARS = 200  # a list's line written as a <div>: no paragraph's length
ITEM_DIVS = 3  # a list's lines: siblings of the <div>'s class, each opening with the bullet
_DIV_BULLETS = ("- ", "– ", "• ", "・", "* ")


def _item_div(element: Any, alike: dict[tuple[Any, str], int]) -> str:
    """The text of a <div> written as a list's item ("" for any other): a line that opens with
    a bullet ("<div class="item">- ในคูเมือง ทุกระยะ 30 บาท</div>"), no block inside, among
    ITEM_DIVS siblings of its class that open so too (an old Thai portal's fare list), or,
    with no bullet, a line among ITEM_DIVS of its class one after the other (`_line_div`)."""
    own = (element.text or "").lstrip()
    name = element.get("class")
    if not name or not own or len(element):
        return ""  # (most <div>s hold elements, or no text of their own: nothing more is read)
    if not own.startswith(_DIV_BULLETS):
        return _line_div(element, name, own)
    key = _key(own)
    parent = element.getparent()
    if len(key) > ITEM_DIV_CHARS or parent is None:
        return ""
    count = alike.get((parent, name))
    if count is None:
        count = alike[parent, name] = sum(
            1
            for sibling in parent
            if sibling.tag == "div"
            and sibling.get("class") == name
            and (sibling.text or "").lstrip().startswith(_DIV_BULLETS)
        )
    return key if count >= ITEM_DIVS else ""


def _line_div(element: Any, name: str, own: str) -> str:
    """The text of a <div> written as a list's line with no bullet ("" for any other): a
    line of text alone, no paragraph's length, among ITEM_DIVS <div>s of its class one after
    the other, each a line alone (an old Greek paper's ferry times, "<div class="dromologio">
    Πειραιάς - Χανιά: Τρίτη 5/3, αναχώρηση 21:00</div>", a line a <div>)."""
    key = _key(own)
    if len(key) > ITEM_DIV_CHARS:
        return ""
    alike = 1
    for siblings in (element.itersiblings(), element.itersiblings(preceding=True)):
        for sibling in siblings:
            if (
                sibling.tag != "div"
                or sibling.get("class") != name
                or len(sibling)
                or not (sibling.text or "").strip()
            ):
                break
            alike += 1
            if alike >= ITEM_DIVS:
                return key
    return ""


def _prose_div(element: Any) -> str:
    """The text of a <div> written as a paragraph ("" for any other): no block, script or
    player inside, a paragraph's length (LOOSE_PROSE_CHARS) that ends as a sentence, its
    text its own mostly (a header's box of spans, a byline and dates, is not)."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    own = len(element.text or "") + sum(len(child.tail or "") for child in element)
    if own * 2 < LOOSE_PROSE_CHARS or any(child.tag in _NOT_IN_PROSE_DIV for child in element):
        return ""  # (most of a page's <div>s hold blocks or a few words: no text is read)
    key = _key("".join(element.itertext()))
    if len(key) < LOOSE_PROSE_CHARS:
        return ""
    return key if own * 2 >= len(key) and ends_sentence(key) else ""


# What a <div> holding a paragraph's text has none of: blocks of its own, a script or a
# player's controls.
_NOT_IN_PROSE_DIV = frozenset(
    {*_ANCHORS, "div", "section", "article", "main", "ul", "ol", "dl", "table", "h1", "figure"}
    | {"header", "footer", "nav", "aside", "form", "iframe", "video", "audio", "hr", "button"}
    | {"script", "style", "noscript", "template", "ins", "svg", "img"}
)


def _restore_skipped(anchors: Sequence[tuple[Any, str]], text: str) -> str:
    """Subheadings and lists trafilatura skipped between two paragraphs it kept, put back.

    Favouring precision (and often the default too) drops an article's <h3> subheadings and
    its bulleted lists while keeping the paragraphs around them. Each kept block is found in
    the page (the next <p>, <li>, heading, quote or preformatted block after the previous
    one with the same text); between two that follow each other in the text, a subheading or
    list item of the page that is not in the text is put back in its place, unless it sits in
    chrome (a <nav>, <aside>, <figure>, or an element whose class or id names a share bar, a
    related box, an ad, ...) or a list item is mostly links. Before the first and after the
    last kept block nothing is added: there the page's header and footer begin.
    """
    blocks = text.split("\n\n")
    elements: list[Any] = []
    positions: dict[str, list[int]] = {}
    for element, key in anchors:
        if key:
            positions.setdefault(key, []).append(len(elements))
            elements.append(element)
    present = {_key(line[2:]) for block in blocks for line in block.split("\n")
               if line.startswith("- ")}  # fmt: skip
    present.update(_key(block) for block in blocks)
    found: list[int | None] = []
    after = -1
    for block in blocks:
        at = next((k for k in positions.get(_key(block), ()) if k > after), None)
        if at is None and "\n" in block:
            # a paragraph with a box's line glued under it ("…晚一點」。\n相關新聞…"): its
            # first line is the paragraph's
            first = _key(block.split("\n", 1)[0])
            at = next((k for k in positions.get(first, ()) if k > after), None)
        found.append(at)
        after = at if at is not None else after
    restored: list[str] = []
    for i, block in enumerate(blocks):
        start, end = found[i - 1] if i else None, found[i]
        if start is not None and end is not None and end - start > 1:
            restored.extend(_skipped_between(elements, start, end, present))
        restored.append(block)
    return "\n\n".join(restored)


def _skipped_between(elements: Sequence[Any], start: int, end: int, present: set[str]) -> list[str]:
    container = _common_ancestor(elements[start], elements[end])
    titles: set[str] = set()  # (the subheadings put back here)
    blocks: list[str] = []
    items: list[str] = []
    items_parent = None
    for element in elements[start + 1 : end]:
        text = " ".join("".join(element.itertext()).split())
        if element.tag == "div" and text.startswith(_DIV_BULLETS):
            # a list's item written as a <div>, its bullet first: a line of the list
            line = text.lstrip("-–•・* ").strip()
            if (
                _key(line) not in present
                and _key(text) not in present
                and not _linked(element, text)
                and not _in_chrome(element, container)
            ):
                items.append(f"- {line}")
            continue
        if element.tag == "div":
            # a paragraph written as a <div> beside the <p>s and subheadings kept around it
            # (a live blog's post: trafilatura kept its title and dropped its text), or a
            # list's line (`_line_div`) under the kept block that leads into the list (a meta
            # box's, a share bar's or the tags' lines are no list under a lead-in)
            if (
                _key(text) not in present
                and (_prose_div(element) or _under_lead_in(element, elements[start]))
                and _beside_kept(element, present)
                and not _linked(element, text)
                and not _in_chrome(element, container)
            ):
                if items:
                    blocks.append("\n".join(items))
                    items = []
                blocks.append(text)
            continue
        if element.tag == "li":
            parent = element.getparent()
            if items and parent is not items_parent:
                blocks.append("\n".join(items))
                items = []
            if (
                _key(text) not in present
                and not _linked(element, text)
                and not _in_chrome(element, container)
                and not any(ancestor.tag == "li" for ancestor in element.iterancestors())
                and next(element.iter(*_BLOCKS_IN_ITEM), None) is None
            ):
                items.append(f"- {text}")
                items_parent = parent
            continue
        if element.tag == "p" and _under_title_put_back(element, text, titles, container, present):
            # a live blog's post that trafilatura dropped, title and text, its title put back
            # (the last post, over the blog's end: "ജലമേളയ്ക്ക് തുടക്കം", then its text; a <p>
            # dropped under a heading it kept is a byline or a box's as often)
            if items:
                blocks.append("\n".join(items))
                items = []
            blocks.append(text)
            continue
        if (
            element.tag in _SUBHEADINGS
            and len(text) <= SUBHEADING_CHARS
            and _key(text) not in present
            and not _linked(element, text)
            and not _in_chrome(element, container)
        ):
            if items:
                blocks.append("\n".join(items))
                items = []
            blocks.append(text)
            titles.add(_key(text))
    if items:
        blocks.append("\n".join(items))
    return blocks


def _under_title_put_back(
    element: Any, text: str, titles: set[str], container: Any, present: set[str]
) -> bool:
    """Whether a <p> the text has not (`present`) stands right under a heading put back
    (`titles`), in the same parent: the paragraph of a titled post, not a box's."""
    title = element.getprevious()
    while title is not None and not isinstance(title.tag, str):
        title = title.getprevious()
    return (
        title is not None
        and title.tag in _SUBHEADINGS
        and _key("".join(title.itertext())) in titles
        and _key(text) not in present
        and next(element.iter("time"), None) is None  # (a byline's date under a deck)
        and not _linked(element, text)
        and not _in_chrome(element, container)
    )


def _beside_kept(element: Any, present: set[str]) -> bool:
    """Whether a sibling of `element` is a paragraph or subheading the text has: a <div>
    written as a paragraph stands beside the article's blocks (a video's title in a player
    box, a byline in the header's box, stands beside a button or a date)."""
    parent = element.getparent()
    return parent is not None and any(
        sibling.tag in _ANCHORS and _key("".join(sibling.itertext())) in present
        for sibling in parent
        if sibling is not element
    )


# A list item that holds paragraphs or a heading is a post's frame (a live blog's <li>
# entries), not an item: its blocks are put back, or kept, each on its own.
_BLOCKS_IN_ITEM = tuple(tag for tag in _ANCHORS if tag != "li")


def _key(text: str) -> str:
    return " ".join(text.split())


def _linked(element: Any, text: str) -> bool:
    linked = sum(len(t.strip()) for a in element.iter("a") for t in a.itertext())
    return linked > LINKED_SHARE * len(text)


def _common_ancestor(first: Any, second: Any) -> Any:
    ancestors = set(first.iterancestors())
    for ancestor in second.iterancestors():
        if ancestor in ancestors:
            return ancestor
    return None


def _in_chrome(element: Any, container: Any) -> bool:
    node = element
    while node is not None and node is not container:
        if node.tag in _CHROME_TAGS:
            return True
        attributes = f"{node.get('class') or ''} {node.get('id') or ''}"
        if attributes.strip() and _CHROME_ATTRIBUTE.search(attributes):
            return True
        node = node.getparent()
    return False


LOOSE_PROSE_CHARS = 50  # a run of text this long between <br>s is a paragraph written loose


def _paragraph_chars(tree: Any) -> int:
    """The length of the page's paragraphs: its <p> elements' text, and the runs of text an
    old page writes loose in a cell or a <span>, split by <br> (a Japanese local paper's
    article had no <p> at all, and favouring precision kept its photo caption alone). Only
    the <br>s are visited: walking every element cost half a millisecond a page."""
    chars = sum(len(text) for p in tree.iter("p") for text in p.itertext())
    parents: set[Any] = set()
    for br in tree.iter("br"):
        parent = br.getparent()
        if parent is None or parent.tag == "p":
            continue
        runs = [br.tail]
        if parent not in parents:
            parents.add(parent)
            runs.append(parent.text)
        for run in runs:
            length = len(run.strip()) if run else 0
            if length >= LOOSE_PROSE_CHARS and not _inside(parent, _NOT_PROSE):
                chars += length
    return chars


# A caption's credit in loose text: "Photo by …", "(記者張雅婷攝)", "Фото: …"
_CREDITED_LOOSE = re.compile(r"(?i)\bphoto|\bfoto|\bфото|攝|撮影|사진|صورة|תצלום|צילום")


def _restore_loose_before(anchors: Sequence[tuple[Any, str]], text: str) -> str:
    """A paragraph written loose right before a paragraph trafilatura kept, put back before it.

    An old page floats its photo in a table inside the article's first <p>; the parser closes
    the <p> at the table, and the first paragraph is left as the table's tail, loose in the
    cell, before the <p>s of the rest ("<p><table>…photo…</table>受颱風「山陀兒」影響…<p>臺鐵
    公司…"): trafilatura kept the <p>s and lost it (a Taiwanese paper's lede). Put back where
    it is a paragraph's length (LOOSE_PROSE_CHARS), ends as a sentence, is not in the text
    already, follows a box with a picture that is no chrome (a box of links' tail, or a
    layout table's copyright, is not the article's), and credits no photograph (a caption
    written loose under its picture: "… on Friday morning. Photo by John Lee / Harbor
    Times.")."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    if not anchors:
        return text
    kept: dict[str, Any] = {}
    for element, key in anchors:
        if element.tag == "p":
            kept.setdefault(key, element)
    flat = _key(text)
    blocks = text.split("\n\n")
    out: list[str] = []
    for block in blocks:
        element = kept.get(_key(block))
        if element is not None:
            loose = _key(_loose_text_before(element))
            above = element.getprevious()
            if (
                len(loose) >= LOOSE_PROSE_CHARS
                and ends_sentence(loose)
                and loose not in flat
                and above is not None
                and isinstance(above.tag, str)
                and next(above.iter("img"), None) is not None  # (the photo's box)
                and not _in_chrome(above, element.getparent())
                and not _CREDITED_LOOSE.search(loose)
            ):
                out.append(loose)
                flat += " " + loose
        out.append(block)
    return "\n\n".join(out)


def _restore_loose_runs(
    tree: Any, text: str, line_tables: Mapping[Any, Sequence[Any]] | None = None
) -> str:
    """Runs of prose written loose and split by <br> that trafilatura dropped, put back.

    An old page writes its article as text in a <font> or a cell, its paragraphs split by
    <br><br>: trafilatura keeps the text after each <br> but can lose the text before the
    first one (the element's own text, read as the tail of the photo's table before it), and
    a Japanese local paper lost its dateline paragraph so; it can lose a list written as
    bullets between <br>s too ("&nbsp;• ცოლიკოური — 1,20 ლარი;"), and the last sentence.
    Where two runs or more of an element are in the text, in its order, a missing run that
    is not mostly links goes back: between two runs that are there, whatever its length;
    before the first, a paragraph's length (LOOSE_PROSE_CHARS: a header's line is shorter);
    after the last, only the element's last run, a sentence (a footer may follow otherwise).
    A table between the runs that lists the article's lines (`line_tables`: a fare a row, its
    lead-in's colon above) gives a run a row, as a list does.
    """
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    lines = text.split("\n")
    where: dict[str, int] = {}
    for k, line in enumerate(lines):
        if line.strip():
            where.setdefault(_key(line), k)
    flat = _key(text)
    inserts: dict[int, list[str]] = {}
    appended: dict[int, list[str]] = {}
    seen: set[Any] = set()
    for br in tree.iter("br"):
        parent = br.getparent()
        if parent is None or parent in seen or parent.tag == "p" or _inside(parent, _NOT_PROSE):
            continue
        seen.add(parent)
        runs = _loose_runs(parent, line_tables)
        at = [where.get(run) for run, _ in runs]
        placed = [k for k in at if k is not None]
        if len(placed) == 1 and at[0] is not None and len(runs) > 1:
            _lines_after_first(runs, at[0], lines, flat, appended)
            continue
        if len(placed) < 2 or placed != sorted(placed):
            continue  # not the article's runs, in its order
        for n, (run, linked) in enumerate(runs):
            if at[n] is not None or linked > LINKED_SHARE * len(run) or run in flat:
                continue  # there (perhaps in other lines), or a link
            following = next((k for k in at[n + 1 :] if k is not None), None)
            previous = next((k for k in reversed(at[:n]) if k is not None), None)
            if following is not None and (previous is not None or len(run) >= LOOSE_PROSE_CHARS):
                inserts.setdefault(following, []).append(run)
            elif previous is not None and n == len(runs) - 1 and ends_sentence(run):
                appended.setdefault(previous, []).append(run)
    if not inserts and not appended:
        return text
    out: list[str] = []
    for k, line in enumerate(lines):
        for run in inserts.get(k, ()):
            # a paragraph of its own where the line opens a block, else a line of its block
            out.extend((run, "") if k == 0 or not lines[k - 1].strip() else (run,))
        out.append(line)
        above = line
        for run in appended.get(k, ()):
            # (a list's bullet under a bullet is a line of its block)
            bullets = run.startswith(_DIV_BULLETS) and above.startswith(_DIV_BULLETS)
            out.extend((run,) if bullets else ("", run))
            above = run
    return "\n".join(out)


BETWEEN_RUNS = 2  # loose lines between two kept paragraphs: a list's, this many at least


def _leads_in(element: Any) -> bool:
    """Whether an element's text, or the loose text after it, leads into a list under it
    ("<p>…</p>Τα δρομολόγια που ακυρώθηκαν:<div class='dromologio'>…"): a colon, or "as
    follows" in words, as the marks read a lead-in (`ends_with_lead_in`)."""
    from corpus.boilerplate import ends_with_lead_in  # (imported with the article's marks)

    tail = (element.tail or "").strip()
    return ends_with_lead_in(tail or "".join(element.itertext()))


def _under_lead_in(element: Any, kept: Any) -> bool:
    """Whether a list's line written as a <div> stands under a lead-in: the block kept over
    the list (`kept`), or the element right over the list's <div>s, leads into it, or that
    element is a subheading ("<h3>Τα δρομολόγια</h3>", then a line a <div>)."""
    if _leads_in(kept):
        return True
    name = element.get("class")
    above = element.getprevious()
    while above is not None and (
        not isinstance(above.tag, str) or (above.tag == "div" and above.get("class") == name)
    ):
        above = above.getprevious()
    return above is not None and (above.tag in _SUBHEADINGS or _leads_in(above))


def _restore_lines_between(tree: Any, text: str) -> str:
    """A list written as loose lines between two paragraphs trafilatura kept, put back whole.

    An old page writes a list between its <p>s as lines of <font> split by <br> ("<p>主な改定
    内容は次の通り。</p><font>初乗り運賃（大人）　１７０円→２００円</font><br><font>初乗り運賃
    （小児）　９０円→１００円</font><br>…<p>通学定期を…"): trafilatura kept the first line, glued
    under the paragraph above, and lost the rest. Where the paragraphs above and below the
    lines are both in the text, one block after the other, and the one above leads into a
    list (a colon, "次の通り。") or every line opens with a bullet, the lines (BETWEEN_RUNS at
    least, none mostly links, none a block or chrome between them) go back under the one
    above, in the page's order: a byline's, a credit's or a share bar's lines between two
    paragraphs follow no lead-in."""
    from corpus.boilerplate import ends_with_lead_in  # (imported with the article's marks)

    blocks = text.split("\n\n")
    index = {_key(block.split("\n", 1)[0]): k for k, block in enumerate(blocks)}
    flat = _key(text)
    extra: dict[int, list[str]] = {}
    seen: set[Any] = set()
    for br in tree.iter("br"):
        parent = br.getparent()
        if parent is None or parent in seen or parent.tag == "p" or parent.find("p") is None:
            continue
        seen.add(parent)
        for above, below, runs in _runs_between_paragraphs(parent):
            at = index.get(above)
            if at is None or at + 1 >= len(blocks) or _key(blocks[at + 1]) != below:
                continue  # (the paragraphs around are not the article's, one after the other)
            have = {_key(line) for line in blocks[at].split("\n")[1:]}
            bulleted = all(run.startswith(_DIV_BULLETS) for run, _ in runs)
            if not (bulleted or ends_with_lead_in(above)):
                continue  # (lines under no lead-in: a byline's, a credit's, a share bar's)
            if len(runs) < BETWEEN_RUNS or any(
                linked > LINKED_SHARE * len(run) or (run in flat and run not in have)
                for run, linked in runs
            ):
                continue
            if all(run in have for run, _ in runs) or not have <= {run for run, _ in runs}:
                continue  # (all there, or the block holds other lines: read some other way)
            extra[at] = [run for run, _ in runs]
    if not extra:
        return text
    for at, lines in extra.items():
        blocks[at] = "\n".join((blocks[at].split("\n", 1)[0], *lines))
    return "\n\n".join(blocks)


def _runs_between_paragraphs(element: Any) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Each stretch of an element's loose lines, split by <br>, that stands between two of its
    <p>s: the text of the <p> above, of the one below, and the lines with their links'
    length. A stretch with another block or chrome in it (a table, a <div>, a picture, a
    rule's <hr>) is not one, nor one under or over a <p> mostly of links (a share bar's)."""
    found: list[tuple[str, str, list[tuple[str, int]]]] = []
    above: Any = None
    runs: list[tuple[str, int]] = []
    parts: list[str] = []
    linked = 0
    broken = False
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNREAD:
            pass
        elif tag == "p":
            run = _key("".join(parts))
            if run:
                runs.append((run, linked))
            if above is not None and broken and runs:
                # (read only here: most <p>s have no loose lines beside them)
                over, under = (_key("".join(p.itertext())) for p in (above, child))
                if not _linked(above, over) and not _linked(child, under):
                    found.append((over, under, runs))
            above, runs, parts, linked, broken = child, [], [], 0, False
        elif tag == "br":
            run = _key("".join(parts))
            if run:
                runs.append((run, linked))
            parts, linked, broken = [], 0, True
        elif tag in _RUN_ENDS or tag == "hr" or _has_breaks(child):
            above, runs, parts, linked, broken = None, [], [], 0, False
        else:
            inner = "".join(child.itertext())
            parts.append(inner)
            links = child.iter("a")
            linked += sum(len(t.strip()) for a in links for t in a.itertext())
        parts.append(child.tail or "")
    return found


def _lines_after_first(
    runs: Sequence[tuple[str, int]],
    first: int,
    lines: Sequence[str],
    flat: str,
    appended: dict[int, list[str]],
) -> None:
    """An element whose first run alone trafilatura kept: the runs under it go back after
    it, each a sentence or a list's bullet, none mostly links, up to the first that is none
    of these (an old page's <font> holding two paragraphs split by <br><br>, or a list of
    bullets split by <br>, lost all but its first)."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    if not (ends_sentence(runs[0][0]) or runs[0][0].startswith(_DIV_BULLETS)):
        return  # (the first run is a header's line or a link: not the article's paragraph)
    if first + 1 < len(lines) and lines[first + 1].strip():
        return  # (the line has its block's lines under it: the element was read some other way)
    back: list[str] = []
    for run, linked in runs[1:]:
        if linked > LINKED_SHARE * len(run) or run in flat:
            break
        if not (ends_sentence(run) or run.startswith(_DIV_BULLETS)):
            break
        back.append(run)
    if back:
        appended.setdefault(first, []).extend(back)


POST_SIBLINGS = 3  # a live blog's posts: siblings of one tag and class, this many at least
POST_DEPTH = 4  # levels above a paragraph where its post may be
POSTS_KEPT = 2  # posts of a family with text in the extraction before the rest go back
TIMED_POSTS_KEPT = 1  # the same, for posts that each carry their <time>: a live blog's


_Family = tuple[Any, str, str]  # posts of a live blog: their parent, their tag and class


def _restore_sibling_posts(anchors: Sequence[tuple[Any, str]], text: str) -> str:
    """Posts of a live blog that trafilatura dropped, put back in the page's order.

    A live blog writes each post as an element of one tag and class beside the others
    (`<article class="lb-post">`); trafilatura can stop at a promotion between two posts and
    keep the ones above it only (a Ukrainian blog lost four posts of ten so). Where the text
    holds paragraphs of POSTS_KEPT posts of such a family at least, each post of the family
    with none of its text there goes back between the posts around it: its paragraphs, list
    items and subheadings, unless they sit in chrome or are mostly links (a box of teaser
    cards is a family too, of links). A family whose class names chrome (comments, related
    stories) is left alone.
    """
    blocks = text.split("\n\n")
    where, owner, looked = _posts_in_blocks(anchors, blocks)
    kept: dict[_Family, dict[int, int]] = {}  # a family: its posts in the text, first blocks
    for k, (family, index) in sorted(owner.items()):
        kept.setdefault(family, {}).setdefault(index, k)
    present = set(where)
    flat = _key(text)
    inserts: dict[int, list[str]] = {}  # before block k
    appended: list[str] = []
    for family, starts in kept.items():
        members = looked[family]
        least = TIMED_POSTS_KEPT if _all_timed(members) else POSTS_KEPT
        if len(starts) < least or _in_chrome(members[0], family[0]):
            continue
        last = max(k for k, (f, _) in owner.items() if f == family)
        for i, member in enumerate(members):
            texts = [] if i in starts else _post_blocks(member, present, flat)
            if not texts:
                continue
            later = [starts[j] for j in sorted(starts) if j > i]
            if later:
                inserts.setdefault(later[0], []).extend(texts)
            elif last == len(blocks) - 1:
                appended.extend(texts)
            else:
                inserts.setdefault(last + 1, []).extend(texts)
    if not inserts and not appended:
        return text
    out: list[str] = []
    for k, block in enumerate(blocks):
        out.extend(inserts.get(k, ()))
        out.append(block)
    out.extend(appended)
    return "\n\n".join(out)


def _with_post_times(anchors: Sequence[tuple[Any, str]], text: str) -> str:
    """A live blog's posts, each under its time: trafilatura drops a post's <time>, and the
    time is how a live blog orders its news ("23:40" over the post that came in then).

    A post is one of a family of siblings (`_post_of`) that each carry their <time>; its
    time goes before its first block in the text when the <time> holds a clock alone
    (`POST_CLOCK` of the marks: not a date, nor an author's name with it) and the text does
    not already show it there; a time that opened the post's title goes back to the title's
    line (`_titled`)."""
    from corpus.boilerplate import POST_CLOCK  # (imported with the article's marks)

    blocks = text.split("\n\n")
    where, owner, looked = _posts_in_blocks(anchors, blocks)
    timed: dict[_Family, bool] = {}
    first: dict[tuple[_Family, int], int] = {}  # a post: its first block in the text
    for k, post in sorted(owner.items()):
        family = post[0]
        if family not in timed:
            members = looked[family]
            timed[family] = _all_timed(members) and not _in_chrome(members[0], family[0])
        if timed[family]:
            first.setdefault(post, k)
    inserts: dict[int, str] = {}
    for (family, index), k in first.items():
        time = _post_time(looked[family][index])
        stamp = _key("".join(time.itertext()))
        if not POST_CLOCK.fullmatch(stamp.lower()) or _shows(blocks[k], stamp):
            continue
        titled = _titled(time, looked[family][index], stamp, where)
        if titled is not None:
            blocks[titled[0]] = titled[1]  # "22:15 陸上警報範圍擴大…": its title's line, whole
            continue
        if k > 0 and _shows(blocks[k - 1], stamp, at_end=True):
            continue
        inserts[k] = stamp
    out: list[str] = []
    for k, block in enumerate(blocks):
        if k in inserts:
            out.append(inserts[k])
        out.append(block)
    return "\n\n".join(out)


def _shows(block: str, stamp: str, *, at_end: bool = False) -> bool:
    """Whether a block opens (or, `at_end`, closes) with the clock `stamp`, no digit beside it
    ("19:15 …" does not show "9:15"; "- 9:15 …", a list's item, does)."""
    text, found = block.strip(), re.escape(stamp)
    if at_end:
        return re.search(rf"(?<!\d){found}$", text) is not None
    return re.match(rf"(?:-\s)?{found}(?!\d)", text) is not None


def _titled(time: Any, post: Any, stamp: str, where: dict[str, int]) -> tuple[int, str] | None:
    """The block of a post's title that held its <time> first ("<h3><time>22:15</time> 陸上
    警報…</h3>"), and the title's line with it: the block where the text has the title without
    its time; None when the time stands on no title of the text."""
    for anchor in time.iterancestors():
        if anchor is post:
            return None
        if anchor.tag in _ANCHORS:
            whole = _key("".join(anchor.itertext()))
            if not whole.startswith(stamp):
                return None
            k = where.get(_key(whole[len(stamp) :]), -1)
            return (k, whole) if k >= 0 else None
    return None


def _posts_in_blocks(
    anchors: Sequence[tuple[Any, str]], blocks: Sequence[str]
) -> tuple[dict[str, int], dict[int, tuple[_Family, int]], dict[_Family, list[Any]]]:
    """The text's blocks and the live blog's posts they hold: a block's text, and each of its
    list items', to the block (`where`); a block to its post's family and index (`owner`,
    found by a block's text or by one of its lines); a family to its posts (`looked`, as
    `_post_of` fills it)."""
    where: dict[str, int] = {}
    lines: dict[str, int] = {}  # (a post's paragraph with its "分享" button glued under it)
    for k, block in enumerate(blocks):
        where.setdefault(_key(block), k)
        if "\n" in block or block.startswith("- "):
            for line in block.split("\n"):
                if line.startswith("- "):
                    where.setdefault(_key(line[2:]), k)
                else:
                    lines.setdefault(_key(line), k)
    owner: dict[int, tuple[_Family, int]] = {}
    looked: dict[_Family, list[Any]] = {}
    for element, key in anchors:
        k = where.get(key, lines.get(key, -1))
        if k < 0 or k in owner:
            continue
        post = _post_of(element, looked)
        if post is not None:
            owner[k] = post
    return where, owner, looked


def _all_timed(posts: Sequence[Any]) -> bool:
    """Every post has its <time> (a live blog's updates, each stamped): one post of them in
    the text is enough to put the others back (trafilatura kept one of a Hong Kong blog's
    nine). A box of cards has none."""
    return all(_post_time(post) is not None for post in posts)


def _post_time(post: Any) -> Any:
    """A post's time: its first <time>, or else the first element whose class names a time
    ("lb-post__time", "post-time") and holds a clock alone (`POST_CLOCK` of the marks: a
    "reading-time"'s "2 min read" or a "publish-time"'s date is none); None without one."""
    from corpus.boilerplate import POST_CLOCK  # (imported with the article's marks)

    found = next(post.iter("time"), None)
    if found is not None:
        return found
    for element in post.iter():
        classes = element.get("class") if isinstance(element.tag, str) else None
        if classes and any(_TIME_WORD.search(c) for c in classes.split()):
            words = _key("".join(element.itertext())).lower()
            if len(words) <= POST_TIME_CHARS and POST_CLOCK.fullmatch(words):
                return element  # (a clock alone: "2 min read" and a date are no post's time)
    return None


# A class that names an element a time: "time", "post-time", "lb-post__time", "entry-time"
# ("timeline" names a list of posts, not one's time)
_TIME_WORD = re.compile(r"(?:^|[-_])time(?:stamp)?$", re.IGNORECASE)
_TIME_CLASS = re.compile(r"""class=["'][^"']*?(?<![a-z])time(?:stamp)?["'\s]""", re.IGNORECASE)
TIME_CLASS_REACH = 2_000_000  # characters of a page searched for such classes
POST_TIME_CHARS = 30  # a time's words: "อัปเดต 15:55 น.", "Updated 15:55"


def _post_of(element: Any, looked: dict[_Family, list[Any]]) -> tuple[_Family, int] | None:
    """The post `element` is in (its family and the post's index), if it is in one: an
    ancestor with a class, POST_SIBLINGS or more siblings of its tag and class. (Each
    parent's children of a tag and class are counted once, in `looked`.)"""
    node = element
    for _ in range(POST_DEPTH):
        node = node.getparent()
        if node is None:
            return None
        parent, name = node.getparent(), node.get("class")
        if parent is None or not name:
            continue
        family = (parent, node.tag, name)
        members = looked.get(family)
        if members is None:
            members = [c for c in parent if c.tag == node.tag and c.get("class") == name]
            looked[family] = members
        if len(members) >= POST_SIBLINGS:
            return family, members.index(node)
    return None


POST_TAIL = 40  # characters: a paragraph whose end is in the text is there (its time cut)


def _post_blocks(post: Any, present: set[str], flat: str) -> list[str]:
    """A post's paragraphs, list items (as "- " lines, a list a block) and subheadings, with
    the ones in chrome, mostly links or already in the text left out; none when any of them
    is in the text (trafilatura cuts a post's <time> from its first paragraph: the post is
    there, its paragraph ends as the text's does)."""
    blocks: list[str] = []
    items: list[str] = []
    for element in post.iter(*_ANCHORS, "div"):
        if _inside_anchor(element, post):
            continue  # (a paragraph in a quotation is read with it)
        text = _prose_div(element) if element.tag == "div" else _key("".join(element.itertext()))
        if text and (text in present or text[-POST_TAIL:] in flat):
            return []
        if not text or _linked(element, text) or _in_chrome(element, post):
            continue
        if element.tag == "li":
            items.append(f"- {text}")
            continue
        if items:
            blocks.append("\n".join(items))
            items = []
        blocks.append(text)
    if items:
        blocks.append("\n".join(items))
    return blocks


def _inside_anchor(element: Any, post: Any) -> bool:
    """Whether `element` is inside another block of its post (a <p> in a <blockquote>)."""
    for ancestor in element.iterancestors():
        if ancestor is post:
            return False
        if ancestor.tag in _ANCHORS:
            return True
    return False


def _loose_runs(
    element: Any, line_tables: Mapping[Any, Sequence[Any]] | None = None
) -> list[tuple[str, int]]:
    """An element's runs of text between its <br>s (inline elements' text within), each with
    the length of its links' text. A list's items are runs of their own; another block
    child, or an inline one with breaks or blocks of its own, ends a run and is not read; a
    script is passed over."""
    runs: list[tuple[str, int]] = []
    parts, linked = [element.text or ""], 0
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _UNREAD:
            pass
        elif child.tag in ("ul", "ol"):
            # a list between the runs: each item a run of its own ("Cómo quedan las tarifas",
            # then the fares in <li>s, then the next run: trafilatura dropped the list)
            runs.append((_key("".join(parts)), linked))
            parts, linked = [], 0
            runs.extend(_list_runs(child, element))
        elif line_tables and child in line_tables:
            # a table of the article's lines: each row a run ("上田―別所温泉　370円→440円")
            runs.append((_key("".join(parts)), linked))
            parts, linked = [], 0
            runs.extend((_key("".join(cell.itertext())), 0) for cell in line_tables[child])
        elif child.tag == "br" or child.tag in _RUN_ENDS or _has_breaks(child):
            runs.append((_key("".join(parts)), linked))
            parts, linked = [], 0
        else:
            inner = "".join(child.itertext())
            parts.append(inner)
            if child.tag == "a":
                linked += len(inner.strip())
            else:
                linked += sum(len(t.strip()) for a in child.iter("a") for t in a.itertext())
        parts.append(child.tail or "")
    runs.append((_key("".join(parts)), linked))
    return [(run, linked) for run, linked in runs if run]


def _list_runs(element: Any, container: Any) -> list[tuple[str, int]]:
    """A list's items as runs, each with its links' length: none for a list that names
    itself chrome (its class or id, or an item's: tags, comments, share buttons), and only
    the items of one line of text (an item with a break, a list or a script of its own is
    read by trafilatura as more lines, and would come back glued)."""
    if _in_chrome(element, container) or any(_in_chrome(item, element) for item in element):
        return []
    runs = []
    for item in element:
        if item.tag != "li" or any(el.tag in _NOT_ONE_LINE for el in item.iterdescendants()):
            continue
        links = sum(len(t.strip()) for a in item.iter("a") for t in a.itertext())
        runs.append((_key("".join(item.itertext())), links))
    return runs


def _has_breaks(element: Any) -> bool:
    return any(el.tag == "br" or el.tag in _RUN_ENDS for el in element.iterdescendants())


_UNREAD = frozenset({"script", "style", "noscript", "template"})


def _inside(element: Any, tags: frozenset[str]) -> bool:
    return element.tag in tags or any(a.tag in tags for a in element.iterancestors())


_NOT_PROSE = frozenset({"script", "style", "noscript", "template", "a", "head", "title", "p"})


HEADLINE_LINES = 6  # lines a page's header may put before its headline (crumbs, a section)


# A label in brackets opening a page's title: "[LIVE]", "【速報】", "(VIDEO)"
# What separates a page's title from its site's name: "Site :: Headline", "Headline | Site",
# and a Japanese page's full-width bar, spaces or none ("…来年４月から｜南肥日報ニュース")
_TITLE_SITE_SEPARATOR = re.compile(r"\s+(?:::|\||·|»)\s+|\s*｜\s*")
_TITLE_DASH = re.compile(r"\s+[-–—]\s+")
_TITLE_LABEL = re.compile(r"^\s*[\[【(（〔［][^\]】)）〕］]{1,12}[\]】)）〕］]\s*")
# A live blog's label before the headline in the <title>, with no brackets ("UŽIVO …")
_LIVE_LABEL = re.compile(
    r"^(?:live|liveblog|liveticker|uživo|en direct|en vivo|directo|ao vivo|in diretta|na żywo"
    r"|naživo|živě|élő|canlı|наживо|онлайн|прямой эфир|ζωντανά)\s*[:|]?\s+"
)  # (matched casefolded)


def _after_site_name(tree: Any, title: Any, site: Any = None) -> Any:
    """The page's title where trafilatura took the site's name for it: a <title> that puts the
    name first ("Il Corriere del Golfo - Traghetti, torna la corsa serale …"), read for want of
    one <h1>, gave the name, the first part, to every article of the site. The rest of the
    <title> is the headline where it is twice as long, and one part: a name that ends a
    sentence is a headline, over the site's name and motto. A title that an <h1> holds is
    the page's headline ("Wolf gesichtet | Märkische Allgemeine Zeitung"), unless it is the
    name the page gives its site (`site`: its logo in the only <h1>)."""
    if not isinstance(title, str) or not title.strip():
        return title
    element = tree.find(".//head/title")
    if element is None:
        return title
    whole = _joiners_back(" ".join(element.text_content().split()))
    name = " ".join(title.split())
    headings = [_joiners_back(" ".join(h.text_content().split())) for h in tree.iter("h1")]
    if (
        len(headings) == 1
        and name.casefold() not in whole.casefold()
        and _heads_the_title(headings[0], whole, site)
        and name not in _meta_titles(tree)
    ):
        # (a title that neither the <title> nor a social card's title holds came from the
        # JSON-LD, which trafilatura reads first: a live blog's nests its posts' headlines,
        # and gave "Stakingsdag loopt op zijn einde", the last post's, for the blog's own)
        return headings[0]
    named_site = isinstance(site, str) and " ".join(site.split()).casefold() == name.casefold()
    if not named_site and name in headings:
        return title
    rest = ""
    if whole.casefold().startswith(name.casefold()):
        separator = _NAME_SEPARATOR.match(whole, len(name))
        rest = whole[separator.end() :] if separator else ""
    elif whole.casefold().endswith(name.casefold()):
        separator = _NAME_SEPARATOR_LAST.search(whole, 0, len(whole) - len(name))
        rest = whole[: separator.start()] if separator else ""
    rest = rest.strip()
    if len(rest) < 2 * len(name) or name[-1] in _TITLE_STOPS or _NAME_SEPARATOR.search(rest):
        return title  # (a short headline, "«Кедр» в полуфинале!", over a site and its motto)
    return rest


_TITLE_STOPS = frozenset(".!?…。！？")


def _without_bar_part(title: Any) -> Any:
    """A title written "headline｜site" with a full-width bar, as Japanese pages write it
    ("路線バス、２８年ぶり初乗り値上げ　南陽交通、来年４月から｜南肥日報ニュース"): the longest
    part, where the others are half its length at most (trafilatura splits a title at a bar
    with spaces around it only)."""
    if not isinstance(title, str) or "｜" not in title:
        return title
    parts = [part.strip() for part in title.split("｜") if part.strip()]
    longest = max(parts, key=len, default="")
    if len(parts) < 2 or any(2 * len(p) > len(longest) for p in parts if p is not longest):
        return title
    return longest


def _meta_titles(tree: Any) -> set[str]:
    """The titles a page gives its social cards (og:title, twitter:title), white space
    folded."""
    return {
        " ".join(_joiners_back(content).split())
        for meta in tree.iter("meta")
        if (meta.get("property") or meta.get("name") or "").lower() in _CARD_TITLES
        and (content := meta.get("content"))
    }


_CARD_TITLES = frozenset({"og:title", "twitter:title"})
HEADLINE_CHARS = 8  # a headline's characters at least, where a line is matched as one
HEADING_IN_TITLE = 0.5  # of the <title>'s longest part, an <h1> that is its headline


def _heads_the_title(heading: str, whole: str, site: Any) -> bool:
    """Whether a page's one <h1> is the headline of its <title> `whole`: within its longest
    part (the site's name is beside it: "LIVE - <headline> | <site>"), and half of that part
    at least; not the site's name (`site`), which a logo's <h1> holds."""
    if len(heading) < HEADLINE_CHARS or (
        isinstance(site, str) and " ".join(site.split()).casefold() == heading.casefold()
    ):
        return False
    longest = max(_TITLE_SITE_SEPARATOR.split(whole), key=len).casefold()
    return heading.casefold() in longest and len(heading) >= HEADING_IN_TITLE * len(longest)


# Between a site's name and the headline in a page's <title>: the separators a headline's
# line is cut at, or a colon ("Headline : Site")
_NAME_SEPARATOR = re.compile(rf"{_TITLE_SITE_SEPARATOR.pattern}|{_TITLE_DASH.pattern}|\s+:\s+")
_NAME_SEPARATOR_LAST = re.compile(f"(?:{_NAME_SEPARATOR.pattern})$")


def _without_headline(text: str, title: Any) -> str:
    """The text without the headline that trafilatura left in it.

    trafilatura keeps the headline out of the text when the page marks it as one (<h1>, the
    title's own element); a page that sets it in <font> or <b> has it as the text's first
    line, though the article's title already holds it. Among the first lines, before any
    line of running text, the lines that are the title (white space and case aside) go, with
    the blank lines after them (a page may set it twice: in <h1> and over the photo).
    """
    if not isinstance(title, str) or len(title.strip()) < HEADLINE_CHARS:
        return text
    key = " ".join(title.split()).casefold()
    # (the title may carry a label the headline's line has not: "[LIVE] …", "【速報】…")
    bare = _TITLE_LABEL.sub("", key, count=1)
    keys = {key, bare} if len(bare) >= HEADLINE_CHARS else {key}
    # (or the site's name beside it: "Наднямонскі край :: Падпіска-2025: кошт, льготы і прызы",
    # or a label before a dash: "LIVE - <headline> | <site>")
    # (a dash joins a headline's own parts too, "Budget 2025 – what changes for you": beside
    # one the site's name or a label is short)
    headline = max(_TITLE_SITE_SEPARATOR.split(key), key=len)
    dashed = max(_TITLE_DASH.split(headline), key=len)
    long_enough = len(dashed) >= 2 * (len(headline) - len(dashed))
    for part in (headline, dashed) if long_enough else (headline,):
        if part != key and len(part) >= HEADLINE_CHARS:
            keys.add(part)
        live = _LIVE_LABEL.sub("", part, count=1)  # "UŽIVO Orkanska bura: …"
        if live != part and len(live) >= HEADLINE_CHARS:
            keys.add(live)
    lines = text.split("\n")
    dropped: set[int] = set()
    seen = 0
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        folded = " ".join(line.split()).casefold()
        if folded in keys or any(_title_and_subtitle(folded, k) for k in keys):
            dropped.add(k)
            end = k + 1
            while end < len(lines) and not lines[end].strip():
                dropped.add(end)
                end += 1
            continue
        # a header's crumbs and menu items are shorter than a headline: only lines as long
        # as half the title count towards the lines a header may put before it
        seen += len(folded) * 2 >= len(key)
        if seen >= HEADLINE_LINES or len(folded) > 2 * len(key):
            break  # the article has begun
    if not dropped:
        return text
    return "\n".join(line for k, line in enumerate(lines) if k not in dropped)


# A class that names the text under a headline, not the article (its words: "c-standfirst",
# "ArticleHeader_subtitle__g3Rr1", "subTitle"; Turkish sites' "spot"; and in the site's own
# language: "chapo", "bajada", "copete", "entradilla", "sommario", "catenaccio", "ingress",
# "povzetek", "vorspann", "anriss", "podnaslov", "entradeta", "podtitulek",
# "ingressi", "zajawka"). "intro" and "lede" are left
# out: on the page gold they name the article's first paragraph as often as not.
_STANDFIRST_WORDS = frozenset(
    {"standfirst", "dek", "deck", "chapeau", "sapo", "excerpt", "summary", "lead", "subtitle",
     "subheadline", "strapline", "kicker", "perex", "spot", "synopsis", "chapo", "bajada",
     "copete", "entradilla", "sommario", "catenaccio", "sottotitolo", "ingress", "povzetek",
     "vorspann", "anriss", "podnaslov", "entradeta", "podtitulek", "ingressi",
     "zajawka"}
)  # fmt: skip
# (looked for in the class as it is first: most classes hold none of the words)
_STANDFIRST_CLASS = re.compile("|".join(sorted(_STANDFIRST_WORDS)), re.IGNORECASE)
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
STANDFIRST_BLOCKS = 6  # the text's first blocks, where a standfirst may stand
HEADER_LINE_CHARS = 80  # a shorter block over it is a header's line (a date, a section)
STANDFIRST_WRAPPER = 2  # levels above a standfirst's paragraph where its class may be


def _without_standfirst(anchors: Sequence[tuple[Any, str]], text: str) -> tuple[str, str]:
    """The text without the standfirst trafilatura left at its top, and the standfirst.

    A page sets the lines under its headline that sum the story up (a standfirst, dek,
    "chapeau", "sapo", kicker or subtitle) in an element whose class says so. Where such an
    element is one of the text's first blocks, with only a header's short lines over it,
    and sits beside the headline (its parent holds the <h1>, or no <h1> is near), it is no
    part of the article: of 100 such blocks on the development pages, 98 were not. A class naming
    the article's first paragraph ("lede", "intro") is no standfirst, nor is a block in the
    article's container, under the headline's. A deck without a class is found by its place
    (`_deck_under_headline`), and nothing under it is taken for a standfirst: a live blog's
    summary there is the article's.
    """
    blocks = text.split("\n\n")
    first = {_key(b): k for k, b in reversed(list(enumerate(blocks[:STANDFIRST_BLOCKS])))}
    found: set[int] = set()
    decks: set[int] = set()  # (found by their place alone)
    for element, key in anchors:
        k = first.get(key)
        if k is None or k in found:
            continue
        if _standfirst_element(element, key):
            found.add(k)
        elif _deck_under_headline(element, key):
            found.add(k)
            decks.add(k)
    dropped: list[int] = []
    for k, block in enumerate(blocks[:STANDFIRST_BLOCKS]):
        if k in found:
            if dropped and (dropped[-1] != k - 1 or _two_decks(blocks[dropped[-1]], block)):
                break  # (one standfirst: a live blog's summary under its deck is its own)
            dropped.append(k)
            if k in decks:
                break  # (a live blog's summary under the deck is the article's)
        elif len(_key(block)) > HEADER_LINE_CHARS:
            break
    if not dropped or dropped[-1] == len(blocks) - 1:
        return text, ""  # (a page that is its standfirst alone keeps it)
    standfirst = " ".join(_key(blocks[k]) for k in dropped)
    return "\n\n".join(b for k, b in enumerate(blocks) if k not in dropped), standfirst


def _two_decks(above: str, block: str) -> bool:
    """Whether two blocks named as standfirsts, one under the other, are both longer than a
    header's line: the page's deck, then a live blog's summary of its own."""
    return min(len(_key(above)), len(_key(block))) > HEADER_LINE_CHARS


# A pull quote's class: "pullquote", "pull-quote", "wp-block-pullquote", "td_pull_quote"
_PULL_QUOTE_CLASS = re.compile(r"pull[-_]?quote", re.IGNORECASE)


PULL_QUOTE_WORDS = 20  # characters of a pull quote that the article must say elsewhere too
_QUOTE_EDGES = "\"'“”„«»‘’‚‹›「」『』 .!?。！？…"


def _without_pull_quotes(tree: Any, anchors: Sequence[tuple[Any, str]], text: str) -> str:
    """The text without the page's pull quotes: a sentence of the article set apart in large
    type (`<blockquote class="pullquote">`, `<aside class="pull-quote">`), which trafilatura
    keeps as a paragraph of its own, the article's words twice. Only an element whose class
    names it is one, and only when its words (quotation marks and stop aside) are in another
    block of the text: a quotation highlighted so and said nowhere else is the article's. Its
    blocks (the quotation and its speaker's line) leave the text; when it repeats a whole
    paragraph, one of the two stays."""
    quotes: list[set[str]] = []  # each pull quote's blocks
    inside: set[Any] = set()
    for element in tree.xpath("//*[@class]"):
        if not _PULL_QUOTE_CLASS.search(element.get("class") or ""):
            continue
        keys = {_key("".join(element.itertext()))}
        for inner in element.iter():
            inside.add(inner)
            if inner.tag in _ANCHORS or inner.tag in ("cite", "footer", "figcaption"):
                keys.add(_key("".join(inner.itertext())))
        keys.discard("")
        if keys:
            quotes.append(keys)
    if not quotes:
        return text
    blocks = text.split("\n\n")
    flat = [_key(block) for block in blocks]
    # the article's own paragraphs with a pull quote's words
    said = {key for element, key in anchors if element not in inside}
    dropped: set[int] = set()
    for keys in quotes:
        found = [
            k
            for k, block in enumerate(blocks)
            if flat[k] in keys or all(_key(line) in keys for line in block.split("\n"))
        ]
        if any(flat[k] in said for k in found):
            # a whole paragraph of the article repeated: the article's copy stays, the one in
            # the place the page shows the pull quote leaves
            copies = [k for k in found if flat[k] == flat[found[0]]]
            if len(copies) > 1:
                dropped.add(
                    copies[0] if _quote_first(tree, inside, flat[copies[0]]) else copies[-1]
                )
            continue
        cores = [
            (k, core)
            for k in found
            for core in (_key(line).strip(_QUOTE_EDGES) for line in blocks[k].split("\n"))
            if len(core) >= PULL_QUOTE_WORDS  # (not the speaker's line)
        ]
        # (said nowhere else, it is the article's)
        if cores and all(
            any(m != k and core in other for m, other in enumerate(flat)) for k, core in cores
        ):
            dropped.update(found)
    if not dropped:
        return text
    return "\n\n".join(b for k, b in enumerate(blocks) if k not in dropped)


def _quote_first(tree: Any, inside: set[Any], key: str) -> bool:
    """Whether the page shows the pull quote with the words `key` before the article's own
    paragraph of them."""
    for element in tree.iter(*_ANCHORS):
        if _key("".join(element.itertext())) == key:
            return element in inside
    return False


def _standfirst_element(element: Any, key: str) -> bool:
    """Whether `element` (or a wrapper of it alone) has a standfirst's class and sits beside
    the headline (`_without_standfirst`). (A wrapper holds the element and no text of its
    own: its text is not read, most of a page's are large.)"""
    node = element
    for _ in range(STANDFIRST_WRAPPER + 1):
        if _names_standfirst(node.get("class") or ""):
            if node is not element and _key("".join(node.itertext())) != key:
                return False
            parent = node.getparent()
            if parent is None or next(parent.iter("h1"), None) is not None:
                return True
            above = parent.getparent()
            return above is None or next(above.iter("h1"), None) is None
        parent = node.getparent()
        if parent is None or len(parent) != 1 or (parent.text or "").strip():
            return False
        if (node.tail or "").strip():
            return False
        node = parent
    return False


_DECK_TAGS = frozenset({"h2", "h3", "p"})
DECK_BOLD = 0.9  # of a paragraph's characters in bold: a deck set in bold type
DECK_WORDS, DECK_CHARS = 6, 30  # a deck's least (of 238 on the dev pages, two were shorter)
# A place, perhaps an agency, then a dash or a stop: "BERLIN (dpa) – ", "Kraków – ", "Berlin. "
_DATELINE_FIRST = re.compile(
    r"^[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}\s*(?:\([^()]{1,30}\)\s*)?(?:[–—-]|\.(?= ))\s"
)


def _deck_under_headline(element: Any, key: str) -> bool:
    """Whether `element` is a deck without a class: a subheading, or a paragraph set all in
    bold, right after the page's <h1> (or after the wrapper that holds the <h1> alone), with
    nothing between them. Of 238 such blocks on the development pages, none was part of the
    article; an article's first subheading has a paragraph over it."""
    if element.tag not in _DECK_TAGS:
        return False
    if count_words(key) < DECK_WORDS and len(key) < DECK_CHARS:
        return False  # a section's heading ("What the coalition agreed"), not a deck
    if element.tag == "p":
        bold = sum(len(_key("".join(b.itertext()))) for b in element.iter("b", "strong"))
        if bold < DECK_BOLD * len(key) or _DATELINE_FIRST.match(key):
            return False  # (a lede in bold opens with its dateline: "BERLIN (dpa) – …")
    node = element
    for _ in range(STANDFIRST_WRAPPER + 1):
        above = _element_before(node)
        if above is not None:
            return _is_headline_element(above)
        parent = node.getparent()
        if parent is None or len(parent) != 1 or (parent.text or "").strip():
            return False  # (a bold lede first in the article's container is the article's)
        node = parent  # the deck alone in its wrapper: what is over the wrapper
    return False


def _element_before(node: Any) -> Any:
    """The element before `node` among its siblings (comments passed), or None; None too
    when text stands between them."""
    above = node.getprevious()
    while above is not None and not isinstance(above.tag, str):
        if (above.tail or "").strip():
            return None
        above = above.getprevious()
    if above is not None and (above.tail or "").strip():
        return None
    return above


def _is_headline_element(node: Any) -> bool:
    """An <h1>, or a wrapper whose one element (at any depth) is an <h1>."""
    for _ in range(STANDFIRST_WRAPPER + 1):
        if node.tag == "h1":
            return True
        children = [c for c in node if isinstance(c.tag, str)]
        if len(children) != 1:
            return False
        node = children[0]
    return False


def _names_standfirst(value: str) -> bool:
    if not value or not _STANDFIRST_CLASS.search(value):
        return False
    for token in value.split():
        words = [w.lower() for w in _CLASS_WORD.findall(token)]
        joined = (a + b for a, b in pairwise(words))  # "subTitle"
        if _STANDFIRST_WORDS.intersection(words) or _STANDFIRST_WORDS.intersection(joined):
            return True
    return False


def _title_and_subtitle(line: str, key: str) -> bool:
    """A headline set with its second deck on one line ("Fares up for the first time in 19
    years  School passes 8% dearer"), the title holding the first part alone."""
    rest = line[len(key) :] if line.startswith(key) else ""
    return bool(rest) and rest[0] in " :|-–—," and len(rest) <= len(key) and rest[-1] not in ".!?。"


# What a table cell holds when the table lays a page out rather than tabulating data.
_LAYOUT_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
     "article", "section", "form"}
)  # fmt: skip
# What ends a run of loose text: a block, or chrome set in the run (a photo's <figure>).
_RUN_ENDS = _LAYOUT_BLOCKS | _CHROME_TAGS | {"li", "table", "tr", "td", "img", "iframe", "video"}
# What makes a list's item more than one line of text (`_list_runs`)
_NOT_ONE_LINE = _RUN_ENDS | _UNREAD | {"br"}
LAYOUT_CELL_CHARS = 300  # a data table's cell is a figure or a phrase, not a page's text
LAYOUT_CELL_BREAKS = 4  # nor four lines broken by <br>


def _unwrap_layout_tables(
    tree: Any, line_tables: dict[Any, list[Any]] | None = None
) -> list[tuple[Any, str]]:
    """Turn the tables that lay a page out (an old site's frame: header, menu column, the
    article in one cell with its paragraphs split by <br>, the footer) into plain blocks.

    trafilatura reads every table as data: each cell became one line of text, so an article
    in a layout cell came out as one paragraph glued to the menu and the credits beside it,
    and lists and paragraphs inside it were lost. A table is layout when one of its own cells
    (not a nested table's) holds blocks, a nested table, many lines or a page's worth of
    text, or when no row has two cells with text (a box, a list of links in rows: a table of
    one column tabulates nothing); a price list or a results table keeps its rows. Returns
    the elements renamed, with their tags before, to undo it; `line_tables` gets the tables
    that list the article's lines, each with its cells.
    """
    renamed: list[tuple[Any, str]] = []
    for table in list(tree.iter("table")):
        own = [el for el in table.iter("tbody", "thead", "tfoot", "tr", "td", "th")
               if _owning_table(el) is table]  # fmt: skip
        cells = [el for el in own if el.tag in ("td", "th")]
        rows = [el for el in own if el.tag == "tr"]
        one_column = all(
            sum(1 for cell in cells if cell.getparent() is row and _cell_has_text(cell)) <= 1
            for row in rows
        )
        if one_column or any(_layout_cell(cell) for cell in cells):
            # (a table of one column set between two paragraphs lists the article's lines, a
            # fare or a step a row: each is a paragraph, which a <div> of loose text is not to
            # trafilatura; a poll's or a box's column elsewhere stays as it was)
            lines = one_column and _line_rows(cells) and _between_paragraphs(table)
            # (between loose runs, the rows are put back among them after the reading: as
            # paragraphs, they were all trafilatura kept of an English page)
            if (
                line_tables is not None
                and one_column
                and _line_rows(cells)
                and _between_loose_runs(table)
            ):
                line_tables[table] = [cell for cell in cells if _cell_has_text(cell)]
            for el in (table, *own):
                renamed.append((el, el.tag))
                el.tag = "p" if lines and _line_cell(el) else "div"
            renamed.extend(_joined_parts(table, rows))
    return renamed


def _joined_parts(table: Any, rows: Sequence[Any]) -> list[tuple[Any, str]]:
    """An article set in a layout table's rows, a part a row in cells of one class, with a
    photo's or a box's row between (an old Russian paper's three "articletext" cells):
    trafilatura took the longest part alone. The rows from the first part to the last go into
    one element of that class, which the page read as laid out has as a <tbody>. Only parts
    that are the article's are joined: each holds a paragraph (<p>) or a few lines of loose
    text (`_article_part`), so a box's or the comments' rows around the article are not
    (their class may repeat, the article between them). Returns the wrappers, with the tag
    they take back."""
    parts: dict[tuple[Any, str], list[Any]] = {}
    for row in rows:
        cells = [cell for cell in row if cell.tag in ("td", "th", "div", "p")]
        if len(cells) == 1 and cells[0].get("class") and _article_part(cells[0]):
            parts.setdefault((row.getparent(), cells[0].get("class")), []).append(row)
    joined = [(key, members) for key, members in parts.items() if len(members) >= PARTED_ROWS]
    if not joined:
        return []
    # (the class whose parts hold the most text: one article a table)
    (parent, name), members = max(
        joined, key=lambda item: sum(len("".join(row.itertext())) for row in item[1])
    )
    children = list(parent)
    first, last = children.index(members[0]), children.index(members[-1])
    wrapper = parent.makeelement("div", {"class": name})
    parent.insert(first, wrapper)
    wrapper.extend(children[first : last + 1])
    return [(wrapper, "tbody")]


def _restore_parted_rows(wrappers: Sequence[Any], text: str) -> str:
    """The rows of an article set a part a row (`_joined_parts`) that trafilatura dropped
    between two it kept, put back in their place: a Japanese paper's subheadings ("■新しい運賃")
    and fare lines, each a row of the article's class, short beside its paragraphs. A row
    that is mostly links, or whose text the text holds already, stays out."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    blocks = text.split("\n\n")
    at: dict[str, int] = {}
    for k, block in enumerate(blocks):
        at.setdefault(_key(block), k)
    flat = _key(text)
    inserts: dict[int, list[str]] = {}  # before block k (len(blocks): at the end)
    for wrapper in wrappers:
        name = wrapper.get("class")
        # (between the parts, a row of another class is the article's too when its class
        # names no chrome: a fare table's lines, "hyo", a subheading's, "midashi")
        cells = [cell for row in wrapper if (cell := _row_cell(row, name, True)) is not None]
        # (and the article's rows of the class right after its last part: its closing
        # sentence, shorter than a part)
        row = wrapper.getnext()
        while row is not None and (cell := _row_cell(row, name)) is not None:
            cells.append(cell)
            row = row.getnext()
        keys = [_key("".join(cell.itertext())) for cell in cells]
        placed = [at.get(key, -1) for key in keys]
        for i, key in enumerate(keys):
            if placed[i] >= 0 or not key or key in flat or _linked(cells[i], key):
                continue
            before = max((placed[j] for j in range(i) if placed[j] >= 0), default=-1)
            after = next((placed[j] for j in range(i + 1, len(keys)) if placed[j] >= 0), -1)
            if 0 <= before < after:
                inserts.setdefault(after, []).append(key)
            elif before >= 0 and after < 0 and ends_sentence(key) and not _article_part(cells[i]):
                # (a longer row after the last part is no part: a comment's, not the article's
                # closing sentence)
                inserts.setdefault(before + 1, []).append(key)
    if not inserts:
        return text
    out: list[str] = []
    for k, block in enumerate(blocks):
        out.extend(inserts.get(k, ()))
        out.append(block)
    out.extend(inserts.get(len(blocks), ()))
    return "\n\n".join(out)


def _row_cell(row: Any, name: str, other: bool = False) -> Any:
    """A layout table's row's one cell when its class is `name` (or, `other`, any class that
    names no chrome), or None."""
    if not isinstance(row.tag, str):
        return None
    own = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in _ROW_CELLS]
    if len(own) != 1:
        return None
    kind = own[0].get("class")
    if kind == name or (other and kind and not _CHROME_ATTRIBUTE.search(kind)):
        return own[0]
    return None


_ROW_CELLS = frozenset({"td", "th", "div", "p"})


def _article_part(cell: Any) -> bool:
    """A cell holding a part of the article: a paragraph (<p>) of its own, or a few lines'
    text that is no link's (a source's or an editor's line is shorter)."""
    if any(len(_key("".join(p.itertext()))) >= LOOSE_PROSE_CHARS for p in cell.iter("p")):
        return True
    from corpus.boilerplate import UNSPACED  # (imported with the article's marks)

    if _unlinked_chars(cell.text or "", list(cell)) >= PART_CHARS:
        return True
    # (in a script written without spaces, its words: a Japanese paper's paragraph of 85
    # characters is 45 words)
    text = _unlinked_text(cell.text or "", list(cell)).strip()
    return len(UNSPACED.findall(text)) * 2 >= len(text) and count_words(text) >= PART_WORDS


_PARAGRAPH_TAGS = frozenset({"p", "h2", "h3", "h4"})


def _between_paragraphs(table: Any) -> bool:
    """Whether a paragraph (or a subheading) stands right before `table` and a paragraph
    right after it (line breaks passed), with no text between."""
    above = _element_before(table)
    if above is None or above.tag not in _PARAGRAPH_TAGS:
        return False
    below = table.getnext()
    while below is not None and (below.tag == "br" or not isinstance(below.tag, str)):
        if (below.tail or "").strip():
            return False
        below = below.getnext()
    return below is not None and below.tag == "p" and not (table.tail or "").strip()


def _between_loose_runs(table: Any) -> bool:
    """Whether `table` stands between two runs of an old page's loose text split by <br>: a
    sentence or a lead-in's colon above ("主な区間の新しい普通運賃は次の通り。"), line breaks
    passed, and a sentence below."""
    from corpus.boilerplate import ends_sentence  # (imported with the article's marks)

    loose = _loose_text_before(table)
    if not loose or not (loose[-1] in ":：" or ends_sentence(loose)) or (table.tail or "").strip():
        return False
    below = table.getnext()
    while below is not None and (below.tag == "br" or not isinstance(below.tag, str)):
        tail = (below.tail or "").strip()
        if tail:
            return below.tag == "br" and ends_sentence(tail.splitlines()[0].strip())
        below = below.getnext()
    return False


def _loose_text_before(node: Any) -> str:
    """The loose text right before `node`, line breaks passed: the tail of the element before
    them, or their parent's own text when none is; "" when an element stands there."""
    above = node.getprevious()
    while above is not None and (above.tag == "br" or not isinstance(above.tag, str)):
        tail: str = (above.tail or "").strip()
        if tail:
            return tail
        above = above.getprevious()
    if above is None:
        return (node.getparent().text or "").strip()
    return (above.tail or "").strip()


PARTED_ROWS = 2  # rows of one class that hold an article's parts
PART_CHARS = 200  # a part's least text written loose, without a <p>
PART_WORDS = 36  # the same in words, in a script written without spaces (200 characters of English)
LINE_ROWS = 3  # a list's least rows
LINE_ROW_CHARS = 12  # a row's least: a fare or a step, not a poll's "Yes"


def _line_rows(cells: Sequence[Any]) -> bool:
    """Whether a table's cells are a list's lines: three or more, each a line of text of
    some length (`_line_cell`), none a header's (<th>: a poll's question, a box's title)."""
    texts = [cell for cell in cells if _cell_has_text(cell)]
    return len(texts) >= LINE_ROWS and all(
        cell.tag == "td"
        and _line_cell(cell)
        and len("".join(cell.itertext()).strip()) >= LINE_ROW_CHARS
        for cell in texts
    )


def _line_cell(element: Any) -> bool:
    """A table's cell that holds a line of text and nothing of a block's: no block, no
    image, no break, no link."""
    if element.tag not in ("td", "th") or not _cell_has_text(element):
        return False
    return (
        not any(
            el.tag in _LAYOUT_BLOCKS or el.tag in ("br", "img", "a", "iframe", "video")
            for el in element.iterdescendants()
        )
        and sum(len(text) for text in element.itertext()) <= LAYOUT_CELL_CHARS
    )


def _with_loose_paragraphs(tree: Any, known: Any, as_laid_out: Any) -> tuple[Any, Any]:
    """The page and its reading when both readings of its repaired layout keep under a
    quarter of the tables' reading: a copy of the page repaired again, its layout cells'
    loose paragraphs made <p>s, where that keeps enough; else the page as laid out.

    An old Italian paper's article in <font> runs split by <br><br> kept only its photo's
    caption, with or without favouring precision: trafilatura read the runs as the tails of
    the caption's table. Where the repair keeps the article (most layout pages), the cells
    stay as they are: made paragraphs, readers' comments and classified ads under an
    article were kept with it."""
    import copy

    repaired = copy.deepcopy(tree)
    cells = [el for el, tag in _unwrap_layout_tables(repaired) if tag in ("td", "th")]
    for cell in cells:
        _paragraphs_of_breaks(cell)
    document = _extraction(repaired, known)
    if _text_length(document) >= UNWRAPPED_KEPT * _text_length(as_laid_out):
        return repaired, document
    return tree, as_laid_out


def _paragraphs_of_breaks(cell: Any) -> None:
    """The paragraphs of a layout cell written loose, split by blank lines (<br><br>), made
    <p>s. Only an element with two runs of a paragraph's length at least is so read (a
    menu's column of links is not); a list's lines split by one <br> stay one block."""
    # (the outer ones first, in the page's order: an inner run's element is then inside a
    # paragraph and left as it is)
    found = dict.fromkeys(br.getparent() for br in cell.iter("br"))
    parents = sorted(
        (p for p in found if p is not None), key=lambda p: sum(1 for _ in p.iterancestors())
    )
    for parent in parents:
        if parent is cell or (_owning_cell(parent) is cell and not _inside(parent, _IN_TEXT)):
            groups = _break_groups(parent)
            prose = sum(
                _unlinked_chars(*group) >= LOOSE_PROSE_CHARS
                for group in groups
                if isinstance(group, tuple)
            )
            if prose >= 2:
                _wrap_groups(parent, groups)


# (a paragraph is not put inside these: the repair reads a cell's own loose text)
_IN_TEXT = frozenset({"p", "a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table"})


def _owning_cell(element: Any) -> Any:
    parent = element
    while parent is not None and parent.tag not in ("td", "th", "div", "table"):
        parent = parent.getparent()
    return parent


_Group = tuple[str, list[Any]]  # a run's text before its first element, and its elements


def _break_groups(parent: Any) -> list[_Group | Any]:
    """`parent`'s children in order, its runs of loose text grouped: a group ends at two <br>s
    in a row or at a block, which stands alone in the list."""
    out: list[_Group | Any] = []
    text, members = parent.text or "", list[Any]()
    children = list(parent)
    k = 0
    while k < len(children):
        child = children[k]
        ends = k + 1
        if isinstance(child.tag, str) and child.tag == "br":
            while (
                ends < len(children)
                and children[ends].tag == "br"
                and not (children[ends - 1].tail or "").strip()
            ):
                ends += 1
        if ends - k >= 2 or (isinstance(child.tag, str) and child.tag in _RUN_ENDS):
            out.append((text, members))
            if ends - k < 2:
                out.append(child)  # a block
            text, members = children[ends - 1].tail or "", list[Any]()
        else:
            members.append(child)
        k = ends
    out.append((text, members))
    return out


def _unlinked_text(text: str, members: Sequence[Any]) -> str:
    """The text of `text` and `members` (a run of an element: its text, then children with
    their tails) but their links' and their unread elements'."""
    pieces = [text]
    for member in members:
        if isinstance(member.tag, str) and member.tag != "a" and member.tag not in _UNREAD:
            pieces.extend(piece for piece in _texts_outside_links(member))
        pieces.append(member.tail or "")
    return " ".join(pieces)


def _texts_outside_links(element: Any) -> Iterator[str]:
    """The texts of `element` and its descendants that no link holds."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a":
            yield from _texts_outside_links(child)
        if child.tail:
            yield child.tail


def _unlinked_chars(text: str, members: Sequence[Any]) -> int:
    chars = len(text.strip())
    for member in members:
        if isinstance(member.tag, str) and member.tag != "a" and member.tag not in _UNREAD:
            chars += sum(len(t.strip()) for t in member.itertext())
            chars -= sum(len(t.strip()) for a in member.iter("a") for t in a.itertext())
        chars += len((member.tail or "").strip())
    return chars


def _wrap_groups(parent: Any, groups: Sequence[_Group | Any]) -> None:
    parent.text = None
    for child in list(parent):
        parent.remove(child)  # (its tail goes with it: each group holds its own texts)
    for item in groups:
        if not isinstance(item, tuple):
            item.tail = None  # (the next group's text)
            parent.append(item)
            continue
        text, members = item
        if not text.strip() and not any(
            isinstance(m.tag, str) and ("".join(m.itertext()).strip() or (m.tail or "").strip())
            for m in members
        ):
            continue
        paragraph = parent.makeelement("p")
        paragraph.text = text
        paragraph.extend(members)
        parent.append(paragraph)


def _owning_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_has_text(cell: Any) -> bool:
    return any(text.strip() for text in cell.itertext())


def _layout_cell(cell: Any) -> bool:
    if sum(len(text) for text in cell.itertext()) > LAYOUT_CELL_CHARS:
        return True
    breaks = 0
    for el in cell.iterdescendants():
        if el.tag in _LAYOUT_BLOCKS:
            return True
        breaks += el.tag == "br"
    return breaks >= LAYOUT_CELL_BREAKS


# trafilatura drops every character that is not printable, and so the zero-width non-joiner
# and joiner, which Persian, Hindi and emoji sequences write inside words ("سی‌وششمین" became
# one run of letters). They go through it as printable stand-ins and come back after.
_JOINERS = {"\u200c": "⟦zwnj⟧", "\u200d": "⟦zwj⟧"}


def _with_stand_ins(value: str) -> str:
    for joiner, stand_in in _JOINERS.items():
        value = value.replace(joiner, stand_in)
    return value


def _joiners_back(text: str) -> str:
    if "⟦" not in text:
        return text
    for joiner, stand_in in _JOINERS.items():
        text = text.replace(stand_in, joiner)
    return text


_RAW_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


_LIST_ITEM_ROLE = re.compile("listitem", re.IGNORECASE)


def _aria_lists(tree: Any) -> None:
    """A list written in <div>s that name their roles (`role="list"`, `role="listitem"`, as
    framework pages write them) made a real one: trafilatura left such items out of the
    article ("Horario valle: $750" under "los valores son:")."""
    items = []
    for element in tree.iter("div", "span"):
        role = (element.get("role") or "").strip().lower()
        if role == "list":
            element.tag = "ul"
        elif role == "listitem":
            element.tag = "li"
            items.append(element)
    for item in items:
        # an item's empty <span> or <i>, its bullet drawn by the stylesheet, made trafilatura
        # leave the item out when it favours precision: dropped, its tail kept
        for child in list(item):
            if child.tag in ("span", "i") and not (child.text or "").strip() and len(child) == 0:
                _drop_keeping_tail(child)


def _drop_keeping_tail(element: Any) -> None:
    """`element` out of the tree, the text after it (its tail) kept where it stood."""
    parent, before = element.getparent(), element.getprevious()
    tail = element.tail or ""
    if before is not None:
        before.tail = (before.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _sanitize_tree(tree: Any) -> None:
    """Sanitize every text and attribute of a parsed page, before extraction.

    A control character in the tree (written as "&#27;", or a raw C1 one) makes trafilatura
    either drop it and keep the rest of its escape sequence on screen ("]52;c;..."), or, in
    body text, give up on the page. Sanitizing each string of the tree removes a sequence
    whole, and cannot break the markup around it as cleaning the HTML source could. U+FFFE
    and U+FFFF are no XML characters either (lxml refuses them): they become U+FFFD.
    Zero-width joiners become their stand-ins (`_JOINERS`).
    """
    for element in tree.iter():
        text = element.text
        if text and _SUSPECT.search(text):
            element.text = _tree_safe(text)
        tail = element.tail
        if tail and _SUSPECT.search(tail):
            element.tail = _tree_safe(tail)
        if isinstance(element.tag, str):  # not a comment or processing instruction
            for key, value in element.attrib.items():
                if _SUSPECT.search(value):  # (a title in <meta content> with joiners too)
                    element.set(key, _tree_safe(value))


def _tree_safe(value: str) -> str:
    """A string of the tree sanitized, its joiners as their stand-ins."""
    if not _xml_clean(value):
        value = _xml_safe(value)
    if "\u200c" in value or "\u200d" in value:
        value = _with_stand_ins(value)
    return value


# What a string must hold for `_xml_clean` to refuse it or for a joiner to be hidden: C0 and C1
# controls, line and paragraph separators, a byte order mark, surrogates, U+FFFE and U+FFFF,
# the joiners (most strings hold none, and are passed over at the cost of one search).
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\u200c\u200d]"
)


# What a page's source must hold for its tree to hold a `_SUSPECT` character: the character
# itself, a numeric reference (which may write any) or a joiner's name ("&zwj;", "&zwnj;",
# the only named references that write one).
_MAY_WRITE_SUSPECT = re.compile(f"&#|(?i:&zw)|{_SUSPECT.pattern}")


def _xml_clean(text: str) -> bool:
    return is_sanitized(text) and "\ufffe" not in text and "\uffff" not in text


def _xml_safe(text: str) -> str:
    return sanitize(text).replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")


# Blocks of trafilatura's extracted tree that only group other blocks.
_GROUPS = frozenset({"quote", "div", "section", "article", "body"})
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "section", "graphic"})


def _html_blocks(body: Any) -> str:
    """The text of trafilatura's extracted tree, its blocks separated by a blank line.

    trafilatura's own text ends every block (paragraph, heading, list, quote, table) and every
    line break with one newline, so a page read as one block of lines where its .txt
    equivalent has a blank line between paragraphs. Inside a block, lines stay single.
    """
    from trafilatura.xml import xmltotxt

    blocks: list[str] = []

    def visit(group: Any) -> None:
        if group.text and group.text.strip():
            blocks.append(group.text)
        for child in group:
            if child.tag in _GROUPS and len(child) and all(c.tag in _BLOCKS for c in child):
                visit(child)
                if child.tail and child.tail.strip():
                    blocks.append(child.tail)
            elif child.tag == "list" and _holds_posts(child):
                for item in child:  # a post: its header's words, then its blocks, each a block
                    blocks.extend(_post_item_blocks(item))
                if child.tail and child.tail.strip():
                    blocks.append(child.tail)
            else:
                blocks.append(xmltotxt(child, include_formatting=False))

    visit(body)
    cleaned = ("\n".join(line.rstrip() for line in b.strip().split("\n")) for b in blocks)
    return "\n\n".join(b for b in cleaned if b)


def _holds_posts(group: Any) -> bool:
    """A list whose items hold paragraphs, POST_SIBLINGS of them at least and most of its
    items (a live blog's <li> posts, each its reporter's name and its paragraphs): its items
    are posts, read block by block, not as "- " items. A list with an item or two written
    in <p>s is a list."""
    items = [item for item in group if item.tag == "item"]
    posts = sum(1 for item in items if item.find("p") is not None)
    return posts >= POST_SIBLINGS and 2 * posts >= len(items)


def _post_item_blocks(item: Any) -> list[str]:
    """A post's blocks: its words before its first block (a reporter's name, with its inline
    elements: "Posted by <ref>Jane</ref> at 10:00" is one line), then each block."""
    from trafilatura.xml import xmltotxt

    blocks: list[str] = []
    head = [item.text or ""]
    for child in item:
        if child.tag in _BLOCKS:
            blocks.append("".join(head))
            head = []
            blocks.append(xmltotxt(child, include_formatting=False))  # (with its tail)
        else:
            head.append("".join(child.itertext()))
            head.append(child.tail or "")
    blocks.append("".join(head))
    return [block for block in blocks if block.strip()]


def _shortened(text: str, limit: int = 200) -> str:
    """An exception's message as one readable clause: some quote a whole line of the page."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_jsonl(
    handle: BinaryIO, source: str, report: OnProblem, make: Make = make_article
) -> Iterator[tuple[Article, tuple[int, int]]]:
    for number, offset, record in jsonl.records_at(handle, MAX_LINE_BYTES):
        where = f"{source}:{number}"
        if isinstance(record, jsonl.BadLine):
            too_long = f"line too long (at most {MAX_LINE_BYTES // 2**20} MiB)"
            report(Problem(where, record.message if record.size is None else too_long))
            continue
        if not record["text"].strip():
            report(Problem(where, '"text" is empty'))
            continue
        try:
            article = article_from_record(record, where, make)
        except ValueError as exc:
            report(Problem(where, str(exc)))
            continue
        if _has_text(article, where, report):
            yield article, (offset, number)


def article_from_record(record: dict[str, Any], where: str, make: Make = make_article) -> Article:
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
    return make(record["text"], string("source") or where, title=string("title"), given_meta=meta)


def _meta_value(value: object) -> str:
    """A metadata value as one string; a nested one as JSON, its strings made safe first (in
    the JSON text an escape sequence would survive as visible "\\u001b]52;...")."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(_safe_json(value), ensure_ascii=False)
    except RecursionError:
        raise ValueError(jsonl.TOO_DEEP) from None


def _safe_json(value: object) -> object:
    # Loops, not comprehensions: a comprehension is a second frame per level, which would
    # halve the nesting this can take before Python's recursion limit.
    if isinstance(value, str):
        return safe_line(value)
    if isinstance(value, list):
        items = []
        for item in value:
            items.append(_safe_json(item))
        return items
    if isinstance(value, dict):
        fields = {}
        for key, item in value.items():
            fields[safe_line(key)] = _safe_json(item)
        return fields
    return value
