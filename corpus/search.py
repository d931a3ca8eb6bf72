"""Full-text search over a corpus: an inverted index of words, searched by word prefix, built
one article at a time.

Terms match as a reader expects: any case, accents optional (both sides are folded: casefold,
NFKD, combining marks dropped), every term must match (AND), a term matches the start of a
word ("sanc" finds "sanctions"), and a quoted term ("rare earth") or one that holds
punctuation ("u.s.", "second-largest") matches its words in that order. Site chrome
(`Article.boilerplate`) is not searched: a "Read next" teaser is not what its article is about.

Memory is what a shared server can afford: per word, the numbers of the articles holding it
(4 bytes each; an int alone for a word only one article has), not positions and not a folded
copy of the text. A phrase is found by its words, then confirmed in the article's own text
(which the caller keeps anyway); that look is the slow part of a search, so it can be done a
slice at a time (`matches(term, until=...)`), the rest on the next call. `add` may run in
one thread while another searches.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from corpus.article import Article

_WORD = re.compile(r"\w+")
# The combining diacritics of the Latin, Greek and Cyrillic scripts (and their supplements):
# dropped after NFKD, so "é" matches "e". Marks that are letters' vowels in other scripts
# (Devanagari's, Thai's) are kept: without them a word is another word.
_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKS = re.compile(f"[{_MARK_RANGES}]")
# Bytes of UTF-8 text: ASCII letters, digits and "_" (what \w is in ASCII) and every byte of
# a multi-byte character stay; the rest of ASCII becomes a space. Splitting the text's bytes
# with it is ten times faster than a regular expression, and leaves only the few chunks
# with non-ASCII characters for one.
_SPACES = bytes(c if c >= 0x80 or chr(c).isalnum() or c == ord("_") else 0x20 for c in range(256))
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_LAST = b"\xff"  # no UTF-8 byte is 0xff: sorts after every word with a given prefix
# Answers kept: the terms of the query being typed and the one before it. Each can hold a
# number per article (half a megabyte at 10,000 articles): a few, not a history.
_CACHED_TERMS = 8


def fold(text: str) -> str:
    """`text` as search compares it: case folded, accents dropped."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _MARKS.sub("", unicodedata.normalize("NFKD", folded))


def words_of(text: str) -> set[bytes]:
    """The folded words of `text` (UTF-8), as `\\w+` finds them in `fold(text)`."""
    words: set[bytes] = set()
    for chunk in set(text.encode("utf-8", "surrogatepass").lower().translate(_SPACES).split()):
        if chunk.isascii():
            words.add(chunk)
        else:  # a word of another script, with an accent, or glued to a curly apostrophe
            folded = fold(chunk.decode("utf-8", "surrogatepass"))
            words.update(w.encode("utf-8", "surrogatepass") for w in _WORD.findall(folded))
    return words


@dataclass(frozen=True)
class Term:
    """One term of a query: `text` folded as typed; `words` its folded words, which must
    follow each other in the text when there are several (a phrase)."""

    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """Terms that must all match, and `name:value` fields the caller asked to recognise."""

    terms: tuple[Term, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms or self.fields)


def phrase(text: str) -> Term:
    """`text` as one term: its words, folded, in that order."""
    folded = " ".join(fold(text).split())
    return Term(folded, tuple(_WORD.findall(folded)))


def parse_query(text: str, fields: Iterable[str] = ()) -> Query:
    """Split `text` into terms: words, and "quoted phrases" (an unclosed quote runs to the
    end, as while it is typed). `name:value` with a name in `fields` is a field, not a term
    (the last of a name wins; an empty value is ignored)."""
    known = {fold(name) for name in fields}
    terms: list[Term] = []
    found: dict[str, str] = {}
    for match in _TOKEN.finditer(text):
        quoted, bare = match.group(1), match.group(2)
        raw = fold(quoted if quoted is not None else bare)
        if bare is not None and ":" in raw:
            name, _, value = raw.partition(":")
            if name in known:
                if value:
                    found[name] = value
                continue
        term = phrase(raw)
        if term.text:
            terms.append(term)
    return Query(tuple(terms), found)


@dataclass
class _Found:
    """A term's answer for the first `size` articles; for a phrase, `unchecked` holds the
    articles with all its words whose text has not been looked at yet."""

    size: int
    numbers: set[int]
    frozen: frozenset[int] | None = None  # `numbers` as answered, while they stay
    unchecked: list[int] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)


class SearchIndex:
    """Articles by the words of their text. `add` articles (in any thread), then `matches` a
    term or `search` a query; both answer with article ids."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._articles: list[Article] = []  # by number: ids and, for phrases, the text
        self._numbers: dict[str, int] = {}
        # word -> numbers of the articles holding it, ascending: an int while there is one.
        self._postings: dict[bytes, int | array[int]] = {}
        self._sorted: list[bytes] = []  # the vocabulary, sorted, for prefixes ...
        self._unsorted: list[bytes] = []  # ... but for the words added since the last search
        self._found: dict[Term, _Found] = {}

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._numbers

    def add(self, article: Article) -> bool:
        """Index `article` (False when it already is)."""
        if article.id in self._numbers:
            return False
        # The slow part (splitting and folding the text) outside the lock: a search in
        # another thread never waits for it.
        words = words_of(_searchable(article))
        with self._lock:
            if article.id in self._numbers:
                return False
            number = len(self._articles)
            postings = self._postings
            get = postings.get
            for word in words:
                held = get(word)
                if type(held) is array:  # the common case first: a word seen before
                    held.append(number)
                elif held is None:
                    postings[word] = number
                    self._unsorted.append(word)
                elif isinstance(held, int):
                    postings[word] = array("I", (held, number))
            self._articles.append(article)
            self._numbers[article.id] = number
        return True

    def prepare(self) -> None:
        """Sort the words added since the last search into the vocabulary now (the indexing
        thread calls it when it has caught up), so that the next search does not."""
        with self._lock:
            self._sort_vocabulary()

    def matches(self, term: Term, until: float | None = None) -> frozenset[str]:
        """Ids of the articles whose text holds `term` (none for a term without words).

        A phrase is confirmed in each candidate's text until the `time.perf_counter()`
        deadline `until`; the articles not looked at by then are left out of this answer
        and counted by `unchecked(term)`, and the next call goes on where this one stopped."""
        numbers = self.numbers(term, until)
        return frozenset(self._articles[n].id for n in numbers)

    def numbers(self, term: Term, until: float | None = None) -> frozenset[int]:
        """`matches` as the numbers of the articles (0 for the first added, and so on): no
        ids to build. The same object comes back while the answer stays the same."""
        with self._lock:
            found = self._found.get(term)
            if found is None or found.size != len(self._articles):
                found = self._refresh(term, found)
            if found.unchecked:
                self._check(term, found, until)
            if found.frozen is None:
                found.frozen = frozenset(found.numbers)
            return found.frozen

    def article_id(self, number: int) -> str:
        """The id of the article added as `number`."""
        return self._articles[number].id

    def number_of(self, article_id: str) -> int | None:
        """The number of the article, None when it is not indexed."""
        return self._numbers.get(article_id)

    def unchecked(self, term: Term) -> int:
        """How many articles `matches(term)` has yet to look at (0: its answer is whole)."""
        found = self._found.get(term)
        return len(found.unchecked) if found is not None else 0

    def search(self, query: Query, until: float | None = None) -> frozenset[str]:
        """Ids of the articles whose text holds every term of `query` (none without terms);
        `until` as for `matches`."""
        if not query.terms:
            return frozenset()
        found = sorted((self.matches(term, until) for term in query.terms), key=len)
        return found[0].intersection(*found[1:])

    # --- lookups, under the lock --------------------------------------------------------

    def _refresh(self, term: Term, old: _Found | None) -> _Found:
        """The term's answer for the articles indexed now (keeping a phrase's looks)."""
        words = [w.encode("utf-8", "surrogatepass") for w in term.words]
        size = len(self._articles)
        if not words:
            found = _Found(size, set())
        elif len(words) == 1:
            found = _Found(size, set(), frozenset(self._with_prefix(words[0])))
        else:
            # A phrase: the articles holding each of its words (the last as a prefix), then
            # a look at their text for the words in order.
            candidates = self._with_prefix(words[-1])
            for word in words[:-1]:
                candidates &= self._exactly(word)
            found = old if old is not None else _Found(size, set())
            found.size, found.frozen = size, None
            found.unchecked = sorted(candidates - found.checked, reverse=True)
        if len(self._found) >= _CACHED_TERMS and term not in self._found:
            self._found.pop(next(iter(self._found)))
        self._found[term] = found
        return found

    def _check(self, term: Term, found: _Found, until: float | None) -> None:
        pattern = _phrase_pattern(term.words)
        articles = self._articles
        unchecked = found.unchecked
        before = len(found.numbers)
        while unchecked:
            number = unchecked.pop()  # in corpus order: the first rows fill in first
            found.checked.add(number)
            if _holds(articles[number], pattern):
                found.numbers.add(number)
            if until is not None and time.perf_counter() >= until:
                break
        if len(found.numbers) != before:
            found.frozen = None

    def _exactly(self, word: bytes) -> set[int]:
        held = self._postings.get(word)
        if held is None:
            return set()
        return {held} if isinstance(held, int) else set(held)

    def _sort_vocabulary(self) -> None:
        if self._unsorted:
            self._unsorted.sort()
            self._sorted += self._unsorted  # two sorted runs: sort() merges them in one pass
            self._sorted.sort()
            self._unsorted = []

    def _with_prefix(self, prefix: bytes) -> set[int]:
        self._sort_vocabulary()
        words = self._sorted
        postings = self._postings
        everyone = len(self._articles)
        found: set[int] = set()
        for at in range(bisect_left(words, prefix), bisect_left(words, prefix + _LAST)):
            held = postings[words[at]]
            if isinstance(held, int):
                found.add(held)
            else:
                found.update(held)
                if len(found) == everyone:  # a short prefix soon covers every article
                    break
        return found


def _searchable(article: Article) -> str:
    """The article's text without its site chrome."""
    if not article.boilerplate:
        return article.text
    pieces, at = [], 0
    for start, end in sorted(article.boilerplate):
        pieces.append(article.text[at:start])
        at = max(at, end)
    pieces.append(article.text[at:])
    return "\n".join(pieces)


def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words in order, whole but for the last (a prefix), anything but letters and
    digits between them. Without regard to case, and with accents taken as part of a word,
    so that it also finds them in a text that was not folded."""
    return re.compile(
        f"(?<![\\w{_MARK_RANGES}])" + f"[^\\w{_MARK_RANGES}]+".join(re.escape(w) for w in words),
        re.IGNORECASE,
    )


def _holds(article: Article, pattern: re.Pattern[str]) -> bool:
    text = article.text
    # The text as written first: most phrases are there without folding accents away.
    if not article.boilerplate:
        if pattern.search(text):
            return True
    elif any(not article.in_boilerplate(*hit.span()) for hit in pattern.finditer(text)):
        return True
    if text.isascii():  # folding an ASCII text only lower-cases it: no more to find
        return False
    # Folding can change lengths (offsets stop being the text's): chrome is left out of the
    # folded copy instead of checked by offset.
    return pattern.search(fold(_searchable(article))) is not None
