"""A regular expression that fails at once on a line it cannot match from the start.

`re.match` gets no help from a pattern's first characters: `re` looks for them only when it
searches. A pattern of a few hundred phrases (a header in forty languages, each phrase tried
in turn, case-insensitively) so costs a microsecond or more on every line it does not
open, and the chrome rules try a dozen such patterns on every line of a copied page.

`gated` puts a lookahead of the characters a match can begin with in front of the pattern:
the same matches, and a line that opens with any other character fails at its first test.
The characters are read from the pattern's parse, and every case the parse does not cover
leaves the pattern as it was (a gate is only ever faster, never a different rule).

`factored` compiles a pattern with its alternations' branches joined under their shared first
characters (`re` tries a list of phrases one by one, each from its first character): the same
matches, spans and groups, with one test where a phrase list took one a phrase. Every gated
pattern is compiled so too.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # (the parser and the compiler are internal to `re`; without them nothing is gated)
    _p: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _sre: Any = importlib.import_module("_sre")
    _BRANCH: Any = importlib.import_module("re._constants").BRANCH
except ImportError:  # pragma: no cover - every Python this project supports has them
    _p = _compiler = _sre = _BRANCH = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Open(Exception):
    """A first character the gate cannot name: the pattern stays as it was."""


def _class(items: Any) -> str:
    """A character class's items (`IN`) written back as a class."""
    parts = []
    negate = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            raise _Open
    if not parts:
        raise _Open
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _first(seq: Any, flags: int, found: list[str]) -> bool:
    """Add to `found` the classes a match of `seq` can begin with; True if `seq` can match
    the empty string (what follows it can then begin the match too)."""
    for op, av in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the next item begins the match
        if name == "LITERAL":
            found.append(re.escape(chr(av)))
            return False
        if name == "NOT_LITERAL":
            found.append(f"[^{re.escape(chr(av))}]")
            return False
        if name == "IN":
            found.append(_class(av))
            return False
        if name == "BRANCH":
            empty = False
            for branch in av[1]:
                empty = _first(branch, flags, found) or empty
            if not empty:
                return False
        elif name == "SUBPATTERN":
            _group, add_flags, _del_flags, inner = av
            if add_flags & ~flags & (re.IGNORECASE | re.UNICODE | re.LOCALE):
                raise _Open  # (a case-blind group in a case-sensitive pattern)
            if not _first(inner, flags, found):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            least, _most, inner = av
            if not _first(inner, flags, found) and least > 0:
                return False
        elif name == "ATOMIC_GROUP":
            if not _first(av, flags, found):
                return False
        else:
            raise _Open  # any character, a back-reference, a conditional group
    return True


def _lookahead(parsed: Any, flags: int) -> str | None:
    """The lookahead of the characters a match can begin with, or None when they cannot be
    named (the pattern can match the empty string, or begins with any character)."""
    found: list[str] = []
    try:
        empty = _first(parsed, flags, found)
    except (_Open, RecursionError):
        return None
    if empty or not found:
        return None
    plain = [f for f in found if not f.startswith("[")]
    negated = [f for f in found if f.startswith("[^")]
    joined = [f[1:-1] for f in found if f.startswith("[") and not f.startswith("[^")]
    merged = "".join(dict.fromkeys(plain + joined))
    branches = ([f"[{merged}]"] if merged else []) + list(dict.fromkeys(negated))
    return "(?=" + "|".join(branches) + ")"


def _skips_ahead(parsed: Any, flags: int) -> bool:
    """Whether `re`, searching, already skips to the characters a match begins with (a
    literal, or a class, first, and not case-blind): a lookahead in front would hide them
    from it and try the whole pattern at every character."""
    try:
        prefix, _skip, _all = _compiler._get_literal_prefix(parsed, flags)
        return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, flags))
    except Exception:  # (any change of `re`'s internals: take it that it skips)
        return True


def _factored_tree(sub: Any, icase: bool) -> Any:
    """`sub` (a parse) with each alternation's branches that open with the same character
    joined under it, in their order ("read also|read more|related" tries "r", "e", "a", "d"
    once): a branch that fails at its first character costs one test, not one per phrase.
    Branches with different first characters cannot match at the same place, so only their
    own order within a shared first character is kept; a branch that opens otherwise (a
    class, a group) keeps its place between the others."""
    for k, (op, av) in enumerate(sub.data):
        name = str(op)
        if name == "BRANCH":
            branches = [_factored_tree(branch, icase) for branch in av[1]]
            sub.data[k] = (op, (av[0], _trie(branches, sub.state, icase)))
        elif name == "SUBPATTERN":
            group, add_flags, del_flags, inner = av
            inner_icase = (icase or bool(add_flags & re.IGNORECASE)) and not (
                del_flags & re.IGNORECASE
            )
            sub.data[k] = (op, (group, add_flags, del_flags, _factored_tree(inner, inner_icase)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            sub.data[k] = (op, (av[0], av[1], _factored_tree(av[2], icase)))
        elif name in ("ASSERT", "ASSERT_NOT"):
            sub.data[k] = (op, (av[0], _factored_tree(av[1], icase)))
        elif name == "ATOMIC_GROUP":
            sub.data[k] = (op, _factored_tree(av, icase))
    return sub


def _first_key(branch: Any, icase: bool) -> str | None:
    """The character a branch opens with, as branches are joined by it (in lower case when
    case is ignored); None when it opens otherwise, or with a letter past ASCII whose case
    `re` may fold beyond its own lower case."""
    if not branch.data or str(branch.data[0][0]) != "LITERAL":
        return None
    char = chr(branch.data[0][1])
    if not icase or char.lower() == char.upper():
        return char
    return char.lower() if char.isascii() else None


def _trie(branches: list[Any], state: Any, icase: bool) -> list[Any]:
    buckets: list[list[Any]] = []
    open_keys: dict[str, int] = {}
    for branch in branches:
        key = _first_key(branch, icase)
        if key is None:
            open_keys = {}  # (a branch that opens otherwise may match where the others do)
            buckets.append([branch])
        elif key in open_keys:
            buckets[open_keys[key]].append(branch)
        else:
            open_keys[key] = len(buckets)
            buckets.append([branch])
    joined = []
    for bucket in buckets:
        if len(bucket) == 1:
            joined.append(bucket[0])
            continue
        rests = _trie([_p.SubPattern(state, b.data[1:]) for b in bucket], state, icase)
        tail = rests[0].data if len(rests) == 1 else [(_BRANCH, (None, rests))]
        joined.append(_p.SubPattern(state, [bucket[0].data[0], *tail]))
    return joined


def factored(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` with its alternations joined by their first characters
    (`_factored_tree`): the same matches, found with fewer tests. Compiled as it is when `re`
    offers no parse to work on."""
    if _p is None or _sre is None:
        return re.compile(source, flags)
    try:
        tree = _p.parse(source, flags)
    except re.error:
        return re.compile(source, flags)  # (raises the error where it belongs)
    all_flags = tree.state.flags
    try:
        tree = _factored_tree(tree, bool(all_flags & re.IGNORECASE))
        code = _compiler._code(tree, flags)
        groups = tree.state.groupdict
        names: list[str | None] = [None] * tree.state.groups
        for name, index in groups.items():
            names[index] = name
        return _sre.compile(  # type: ignore[no-any-return]
            source, flags | all_flags, code, tree.state.groups - 1, groups, tuple(names)
        )
    except Exception:  # (any change of `re`'s internals: the pattern as it is)
        return re.compile(source, flags)


def gated(source: str, flags: int = 0) -> re.Pattern[str]:
    """`factored(source, flags)` with the lookahead of its first characters in front: the
    same matches, a quicker failure. A pattern anchored by `^` keeps the anchor first (a
    search still tries the start alone). A pattern that `re` already searches by its first
    characters, one whose first characters cannot be named and one that sets its flags
    inline get no gate (`factored` alone)."""
    if _p is None or (source.startswith("(?") and source[2:3].isalpha()):
        return factored(source, flags)  # (global flags must stay first)
    try:
        parsed = _p.parse(source, flags)
    except re.error:
        return re.compile(source, flags)  # (raises the error where it belongs)
    ahead = _lookahead(parsed, parsed.state.flags)
    if ahead is None:
        return factored(source, flags)
    if source.startswith("^"):
        return factored("^" + ahead + source[1:], flags)
    if _skips_ahead(parsed, parsed.state.flags):
        return factored(source, flags)
    return factored(ahead + source, flags)


# The flags a pattern may carry into a group of its own (`(?i:…)`): the others change how the
# whole expression is read, and a pattern with one of them is refused.
_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_REFERENCE = re.compile(r"\(\?P=|\(\?\(|\\[1-9]")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def any_opening(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern whose `match` succeeds on a line where the `match` of any of `patterns`
    does: each in a group of its own, with its own flags, joined as branches and `factored`.

    A caller that tries many anchored patterns on the same line asks this one first: a line
    that opens as none of them does (nearly every line) costs one call, not one a pattern.
    Groups lose their names (two patterns may name one alike); a pattern that refers back to a
    group, or sets a flag no group can hold, is refused (ValueError), never joined wrongly."""
    branches = []
    for pattern in patterns:
        source = pattern.pattern
        if not isinstance(source, str) or _REFERENCE.search(source):
            raise ValueError(f"cannot join a pattern that refers to a group: {source!r}")
        if _GLOBAL_FLAGS.match(source):
            raise ValueError(f"cannot join a pattern that sets its flags inline: {source!r}")
        flags = pattern.flags & ~re.UNICODE
        letters = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flags & flag)
        if flags & ~sum(_SCOPED_FLAGS):
            raise ValueError(f"cannot join a pattern with these flags: {pattern.flags!r}")
        branches.append(f"(?{letters}:{_NAMED_GROUP.sub('(?:', source)})")
    return factored("|".join(branches))
