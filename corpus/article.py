"""The Article: sanitized text with its metadata and boilerplate ranges."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from corpus.text import count_words, is_sanitized, sanitize, sanitize_line


@dataclass(frozen=True)
class Article:
    """One article. `text` is sanitized; every offset anywhere is a code point into it."""

    id: str
    source: str
    title: str
    text: str
    meta: Mapping[str, str] = field(default_factory=dict)
    boilerplate: tuple[tuple[int, int], ...] = ()

    @cached_property
    def words(self) -> int:
        """Words as a reader counts them (cached: the list shows it for every article)."""
        return count_words(self.text)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when `[start, end)` overlaps any boilerplate range."""
        return any(s < end and start < e for s, e in self.boilerplate)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "meta": dict(self.meta),
            "text": self.text,
            "boilerplate": [list(r) for r in self.boilerplate],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on bad data.

        What it reads (the loader's cache, a workspace's copies) may have been edited by
        anyone: the one-line fields are made safe again, a text that is not sanitized or an id
        that is not one (a workspace names its files by it) is refused, and boilerplate
        ranges are kept inside the text.
        """
        text = data["text"]
        if not isinstance(text, str) or not is_sanitized(text):
            raise ValueError("the article's text is not a sanitized string")
        meta = data.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise ValueError("the article's metadata is not a mapping")
        # Ranges of an edited copy are kept to its text: a range past the end would reach
        # code that indexes the text with it. They only dim chrome, so nothing else is lost.
        size = len(text)
        boilerplate = tuple(
            (max(0, s), min(e, size))
            for s, e in ((int(s), int(e)) for s, e in data.get("boilerplate") or ())
            if max(0, s) < min(e, size)
        )
        safe_meta = {
            safe_line(_scalar(k, "metadata key")): safe_line(_scalar(v, "metadata value"))
            for k, v in meta.items()
        }
        id_ = data["id"]
        if not isinstance(id_, str) or not _ID.fullmatch(id_):
            raise ValueError("the article's id is not 16 hexadecimal digits")
        return cls(
            id=id_,
            source=safe_line(_scalar(data.get("source", ""), "source")),
            title=safe_line(_scalar(data.get("title", ""), "title")),
            text=text,
            meta=safe_meta,
            boilerplate=boilerplate,
        )


_ID = re.compile("[0-9a-f]{16}")  # what `article_id` makes; a workspace names files by it


def _scalar(value: object, what: str) -> str:
    """A stored string field; numbers are taken as written, anything nested is refused (its
    `str` could recurse without end)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):  # bool is an int
        return str(value)
    raise ValueError(f"the article's {what} is not a string")


def safe_line(text: str) -> str:
    """`sanitize_line(text)`, with no work for the string that plainly needs none.

    A printable string (no control, format, separator or surrogate character, no space but
    U+0020) is one `sanitize_line` leaves as it is; most names and titles are.
    """
    return text if text.isprintable() else sanitize_line(text)


def text_hash(text: str) -> str:
    """SHA-256 of the text as UTF-8, hex."""
    digest = hashlib.sha256()
    # A slice at a time: UTF-8 is made room for at its longest first (three bytes a character
    # of a two-byte string), so a long text encoded whole was held one and a half times again.
    for at in range(0, len(text), _HASH_SLICE):
        digest.update(text[at : at + _HASH_SLICE].encode("utf-8"))
    return digest.hexdigest()


_HASH_SLICE = 2**16


def article_id(text: str) -> str:
    """The first 16 hex characters of the SHA-256 of the sanitized text."""
    return text_hash(text)[:16]


def quick_article(
    raw_text: str,
    source: str,
    *,
    title: str | None = None,
    given_meta: Mapping[str, Any] | None = None,
) -> Article:
    """What a corpus list shows of an article, without the boilerplate pass that costs
    `make_article` several milliseconds: the same text and id, the given title or else the
    first paragraph's (`meta.quick_title`), the given metadata only, no boilerplate ranges.
    `make_article` with the same arguments gives the article whole."""
    from corpus import meta

    text = sanitize(raw_text)
    return _assembled(text, source, title, given_meta, {}, meta.quick_title(text))


def make_article(
    raw_text: str,
    source: str,
    *,
    title: str | None = None,
    given_meta: Mapping[str, Any] | None = None,
) -> Article:
    """Sanitize `raw_text`, find its boilerplate and read its metadata.

    `title` and `given_meta` (from a JSONL line or an HTML page's metadata) win over what is
    read from the text itself. The source, the title and every metadata key and value are
    one-line strings made safe with `sanitize_line`: they reach the screen, and unlike the
    text no reader looks after their bidi controls.
    """
    # Imported here: their rules take a while to compile, and articles read from the cache
    # (most of them, at start-up) never need them.
    from corpus import boilerplate, meta

    text = sanitize(raw_text)
    judged = boilerplate.classify(text)
    found: dict[str, str] = {}
    dateline = meta.dateline_of(judged)
    if dateline:
        found["dateline"] = dateline[0]
    site = meta.site_of(judged, dateline[1] if dateline else None)
    if site:
        found["site"] = site
    date = meta.date_of(judged)
    if date:
        found["date"] = date
    language = meta.language_of(meta.body_start(judged) or text)
    if language:
        found["language"] = language
    return _assembled(
        text,
        source,
        title,
        given_meta,
        found,
        meta.title_of(judged),
        tuple(boilerplate.merge_ranges(text, judged)),
    )


def _assembled(
    text: str,
    source: str,
    title: str | None,
    given_meta: Mapping[str, Any] | None,
    found: dict[str, str],
    headline: str,
    ranges: tuple[tuple[int, int], ...] = (),
) -> Article:
    """The article of sanitized `text`, the one place its one-line fields are made safe: the
    given metadata over what was `found` in the text, the given title over the `headline`
    read from it, and the source when neither says anything."""
    for key, value in (given_meta or {}).items():
        if value is None or value == "":
            continue
        found[str(key)] = value if isinstance(value, str) else str(value)
    clean_meta = {safe_line(k): safe_line(v) for k, v in found.items()}
    source = safe_line(source)
    chosen_title = " ".join(safe_line(title).split()) if title else ""
    return Article(
        id=article_id(text),
        source=source,
        title=chosen_title or safe_line(headline) or source,
        text=text,
        meta={k: v for k, v in clean_meta.items() if v.strip()},
        boilerplate=ranges,
    )
