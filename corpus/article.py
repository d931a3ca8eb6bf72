"""The Article: sanitized text with its metadata and boilerplate ranges."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from corpus.text import count_words, sanitize


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
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on bad data."""
        return cls(
            id=str(data["id"]),
            source=str(data.get("source", "")),
            title=str(data.get("title", "")),
            text=str(data["text"]),
            meta={str(k): str(v) for k, v in (data.get("meta") or {}).items()},
            boilerplate=tuple((int(s), int(e)) for s, e in data.get("boilerplate") or ()),
        )


def text_hash(text: str) -> str:
    """SHA-256 of the text as UTF-8, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """The first 16 hex characters of the SHA-256 of the sanitized text."""
    return text_hash(text)[:16]


def make_article(
    raw_text: str,
    source: str,
    *,
    title: str | None = None,
    given_meta: Mapping[str, Any] | None = None,
) -> Article:
    """Sanitize `raw_text`, find its boilerplate and read its metadata.

    `title` and `given_meta` (from a JSONL line or an HTML page's metadata) win over what is
    read from the text itself. Metadata values are sanitized too: they reach the screen.
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
    body = "\n".join(j.paragraph.text for j in judged if j.reason is None)
    language = meta.language_of(body or text)
    if language:
        found["language"] = language
    for key, value in (given_meta or {}).items():
        if value is None or value == "":
            continue
        found[str(key)] = sanitize(value if isinstance(value, str) else str(value))
    chosen_title = sanitize(title).strip() if title else ""
    return Article(
        id=article_id(text),
        source=source,
        title=" ".join(chosen_title.split()) or meta.title_of(judged) or source,
        text=text,
        meta=found,
        boilerplate=tuple(boilerplate.merge_ranges(text, judged)),
    )
