"""The texts, titles and tokens of a workspace's article copies, kept between comparisons.

`assay agree` checks every span against its article's text and counts agreement on the
export's tokens. Read file by file, that is a JSON copy and a cached token entry for each of
2,000 articles, about half a second of a run whose target is two. A workspace's copies are
never rewritten (`Workspace.save_article`), so what a comparison needs of them is kept here
in one file per workspace and tokenizer: a header of entries (each under the identity, inode,
size and modification time in ns, of the copy it was read from) and one block of bytes with
the texts (UTF-8), then the tokens' starts, ends (4-byte little-endian offsets) and
white-space flags, one after the other. A later run stats each copy and takes the entry only
when the identity is the same; anything else is read from the copy and tokenized (through
the token cache) as before.

Like the span cache (annotations/spancache.py) it is disposable and lives in the user's cache
folder: the file carries the SHA-256 of what follows, and a missing, damaged or foreign file is
a miss; copies changed less than `SETTLE_NS` before they were read are not kept; a folder that
cannot be written turns the saving off with one `problem`, never an error.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotations.cachefile import load_cache, write_cache
from annotations.spancache import SETTLE_NS
from annotations.workspace import Workspace
from corpus.tokens import TOKENS_VERSION, Tokens

CACHE_VERSION = 1
# Offsets are kept in 4 bytes: a text this long or longer is not kept (it is read each time).
_LONGEST = 2**31 - 1


class KeptText:
    """What a comparison needs of one article copy: its title, its text (decoded when first
    asked for: a run that needs no drift check never decodes it), its tokens, and `sound`:
    for each annotator whose file of the article was found to have no drifted span, that
    file's identity (a comparison that finds the same file need not check it again)."""

    __slots__ = ("_raw", "_text", "sound", "title", "tokens")

    def __init__(
        self,
        title: str,
        text: str | None,
        tokens: Tokens,
        sound: Mapping[str, tuple[int, ...]] | None = None,
        raw: memoryview | None = None,
    ) -> None:
        self.title = title
        self.tokens = tokens
        self.sound: dict[str, tuple[int, ...]] = dict(sound or {})
        self._text = text
        self._raw = raw

    @property
    def text(self) -> str:
        if self._text is None:
            assert self._raw is not None
            self._text = str(self._raw, "utf-8", "surrogatepass")
        return self._text


def cache_folder() -> Path:
    """Where the text caches live: beside the span caches, in the analysis cache's folder."""
    from corpus.cache import default_cache_dir

    return default_cache_dir() / "texts"


class TextCache:
    """The entries of one workspace's copies tokenized by one tokenizer: loaded when made,
    looked up with `get`, added to with `put`, written back by `save` when something
    changed (entries of copies not asked for in this run are dropped)."""

    def __init__(self, workspace: Workspace, tokenizer: str, folder: Path | None) -> None:
        self.where = os.path.abspath(workspace.articles_dir)
        self.tokenizer = tokenizer
        name = hashlib.sha256(f"{self.where}\0{tokenizer}".encode("utf-8", "surrogatepass"))
        self.path = None if folder is None else folder / f"{name.hexdigest()[:32]}.bin"
        self.problem: str | None = None
        self._known: dict[str, tuple[list[int], KeptText]] = self._load()
        self._kept: dict[str, tuple[list[int], KeptText]] = {}
        self._changed = False

    def get(self, article_id: str) -> KeptText | None:
        """The kept entry of the copy of `article_id`, when the copy is the file it was read
        from; else None."""
        entry = self._known.get(article_id)
        if entry is None:
            return None
        try:
            stat = os.stat(os.path.join(self.where, article_id + ".json"))
        except OSError:
            return None
        if entry[0] != [stat.st_ino, stat.st_size, stat.st_mtime_ns]:
            return None
        self._kept[article_id] = entry
        return entry[1]

    def put(self, article_id: str, identity: list[int] | None, kept: KeptText) -> None:
        """Keep what was read from the copy of `article_id` whose identity was `identity`
        (None: not from a copy; nothing is kept) and tokenized."""
        started = time.time_ns()
        if (
            identity is None
            or identity[2] >= started - SETTLE_NS
            or len(kept.text) > _LONGEST
            or kept.tokens.starts.typecode != "i"  # offsets past 4 bytes
        ):
            return
        self._kept[article_id] = (identity, kept)
        self._changed = True

    def vouch(self, article_id: str, annotator: str, identity: tuple[int, ...]) -> None:
        """Remember that the file of `annotator` with `identity` has no drifted span against
        the kept copy of `article_id` (one `get` found in this run)."""
        entry = self._kept.get(article_id)
        if entry is not None and entry[1].sound.get(annotator) != identity:
            entry[1].sound[annotator] = identity
            self._changed = True

    def save(self) -> None:
        """Write the entries of this run when any changed; a folder that cannot be written
        sets `problem` and keeps nothing."""
        if self.path is None or not (self._changed or self._kept.keys() != self._known.keys()):
            return
        rows, texts, starts, ends, spaces = [], [], array("i"), array("i"), bytearray()
        for article_id, (identity, kept) in self._kept.items():
            encoded = (
                kept._raw.tobytes()
                if kept._text is None and kept._raw is not None
                else kept.text.encode("utf-8", "surrogatepass")
            )
            texts.append(encoded)
            sound = {name: list(vouched) for name, vouched in kept.sound.items()}
            rows.append([article_id, *identity, kept.title, len(encoded), len(kept.tokens), sound])
            starts.extend(kept.tokens.starts)
            ends.extend(kept.tokens.ends)
            spaces += kept.tokens.spaces
        if sys.byteorder == "big":
            starts.byteswap()
            ends.byteswap()
        header = {
            "version": CACHE_VERSION,
            "folder": self.where,
            "tokenizer": self.tokenizer,
            "tokens_version": TOKENS_VERSION,
            "articles": rows,
        }
        block = [*texts, starts.tobytes(), ends.tobytes(), bytes(spaces)]
        try:
            write_cache(self.path, header, block)
        except OSError as exc:
            self.problem = f"text cache not saved: cannot write {self.path.parent}: {exc.strerror}"

    def _load(self) -> dict[str, tuple[list[int], KeptText]]:
        """The entries of the cache file; none when it is missing, damaged or another's."""
        return load_cache(self.path, self._entries, {})

    def _entries(self, header: Any, blob: memoryview) -> dict[str, tuple[list[int], KeptText]]:
        """The header's entries over `blob`; raises ValueError (or another error `_load`
        takes for a miss) when the file is not one this code wrote for this folder."""
        if not (
            type(header) is dict
            and header.get("version") == CACHE_VERSION
            and header.get("folder") == self.where
            and header.get("tokenizer") == self.tokenizer
            and header.get("tokens_version") == TOKENS_VERSION
            and type(header.get("articles")) is list
        ):
            raise ValueError("not this folder's cache")
        rows = header["articles"]
        for row in rows:
            if not (
                type(row) is list
                and len(row) == 8
                and type(row[0]) is str
                and all(type(x) is int and x >= 0 for x in (*row[1:4], *row[5:7]))
                and type(row[4]) is str
                and type(row[7]) is dict
                and all(
                    type(vouched) is list
                    and len(vouched) == 3
                    and all(type(x) is int for x in vouched)
                    for vouched in row[7].values()
                )
            ):
                raise ValueError("not an entry")
        text_bytes = sum(row[5] for row in rows)
        token_count = sum(row[6] for row in rows)
        if len(blob) != text_bytes + 9 * token_count:
            raise ValueError("the block is not as long as its entries")
        at = text_bytes
        starts_all, ends_all = array("i"), array("i")
        starts_all.frombytes(blob[at : at + 4 * token_count])
        ends_all.frombytes(blob[at + 4 * token_count : at + 8 * token_count])
        spaces_all = bytes(blob[at + 8 * token_count :])
        if sys.byteorder == "big":
            starts_all.byteswap()
            ends_all.byteswap()
        found: dict[str, tuple[list[int], KeptText]] = {}
        text_at = token_at = 0
        for article_id, ino, size, mtime, title, length, count, sound in rows:
            raw = blob[text_at : text_at + length]
            text_at += length
            tokens = Tokens(
                starts_all[token_at : token_at + count],
                ends_all[token_at : token_at + count],
                spaces_all[token_at : token_at + count],
            )
            token_at += count
            vouched = {name: tuple(identity) for name, identity in sound.items()}
            found[article_id] = ([ino, size, mtime], KeptText(title, None, tokens, vouched, raw))
        return found
