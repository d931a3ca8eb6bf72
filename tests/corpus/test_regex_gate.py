"""A gated pattern matches exactly what its pattern matches: the lookahead of its first
characters only makes a line that cannot open a match fail sooner."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import boilerplate
from corpus.regex_gate import any_opening, factored, gated

# Patterns of every shape the gate reads: phrases, classes, optional and repeated openings,
# alternatives that may be empty, anchors and lookarounds, scoped flags, categories.
SHAPES = [
    (r"^(?:read (?:next|more|also)|see also|related)\s*:?$", re.IGNORECASE),
    (r"\b(?:you|your|we|us|our)\b", re.IGNORECASE),
    (r"^(?:\d+\s+)?(?:comments?|kommentare)", re.IGNORECASE),
    (r"(?:[→›]|(?:^|\s)»)\s*$", 0),
    (r"^(?:by|von|par)\s+(?-i:[A-Z])\w+", re.IGNORECASE),
    (r"(?:(?:\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2})|\d+\s+(?:min|hours?)\s+ago)[）)]?\s*$", re.I),
    (r"(?<=/)\s*(?:pool|file)\b|\b(?:afp|ap)\b", re.IGNORECASE),
    (r"[-•·▷▶ ]*(?:전화|이메일)\s?[:：]", 0),
    (r"(?:a|b)?c+", 0),
    (r"[^\W\d_]{2}:", 0),
    (r"(?=x)y|[^abc]z", 0),
    (r"(?>ab|a)c", 0),
]

ALPHABET = "abcxyzABCXYZ rRdDeEmMoOsSlL0123456789 :/-»→›)）月日전화이메일ıİKK\u212aßẞ\n"


@pytest.mark.parametrize(("source", "flags"), SHAPES)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=30))
def test_a_gate_never_changes_what_matches(source: str, flags: int, text: str) -> None:
    plain, gate = re.compile(source, flags), gated(source, flags)
    for method in ("match", "search"):
        found, gated_found = getattr(plain, method)(text), getattr(gate, method)(text)
        assert (found and found.span()) == (gated_found and gated_found.span())
    assert plain.findall(text) == gate.findall(text)


@pytest.mark.parametrize(
    ("source", "flags", "shape"),
    [
        # a line's start: the anchor stays first, so a search still tries the start alone
        (r"^(?:read more|see also)", re.IGNORECASE, r"^(?=[rs])"),
        # searched and case-blind: `re` cannot skip to the phrases' letters by itself
        (r"\b(?:you|we)\b", re.IGNORECASE, r"(?=[yw])"),
    ],
)
def test_the_lookahead_names_the_first_characters(source: str, flags: int, shape: str) -> None:
    assert gated(source, flags).pattern.startswith(shape)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"(?:click here|tap here)", 0),  # `re` already skips to "c" and "t" when searching
        (r"a*", 0),  # matches the empty string: no first character
        (r".x", 0),  # any first character
        (r"(?i)abc", 0),  # inline flags must stay first
        (r"(?i:a)b", 0),  # a case-blind opening in a case-sensitive pattern
    ],
)
def test_what_the_gate_leaves_as_it_was(source: str, flags: int) -> None:
    assert gated(source, flags).pattern == source


def test_a_bad_pattern_raises_as_re_does() -> None:
    with pytest.raises(re.error):
        gated(r"(?:unclosed", 0)


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet="Photo Getty Images © Foto: Bild . ! ? aZ / ( ) ṕ", max_size=60)
    | st.builds(
        "{}. {}: {}".format,
        st.sampled_from(["A caption", "Sala de plens", "x" * 40]),
        st.sampled_from(["Foto", "Fotó", "Фото", "Bild", "Photo", "Kuva"]),
        st.text(alphabet="abc DEF.", max_size=34),
    )
)
def test_the_credit_words_looked_for_first_change_nothing(text: str) -> None:
    assert boilerplate._credit_alone(text) == bool(boilerplate._CREDIT_ALONE.search(text))


# Alternations whose branches share their first characters, as `factored` joins them: the
# order within a shared opening decides which branch matches ("ab|abc" finds "ab"), capture
# groups keep their numbers, and case-blind letters past ASCII ("K" the kelvin sign, "ß") are
# left where they were.
FACTOR_SHAPES = [
    (r"read also|read more|related|re|r", re.IGNORECASE),
    (r"ab|abc|a|(x)|ab(c)d", 0),
    (r"(?:kelvin|KELVIN|\u212aelvin|kilo)s?", re.IGNORECASE),
    (r"straße|strasse|stra|STRASSE", re.IGNORECASE),
    (r"\b(?:sign up|sign-up|signup|signing up|subscribe|subscribers?)\b", 0),
    (r"(?P<a>foo)bar|(?P<b>foo)baz|fo", 0),
    (r"x(?:ab|ac)*y|x(?:ab|a)+?c", 0),
    (r"(?=ab|ac)a[bc]|(?!ab)a", 0),
    (r"(?i:ab|AC)|ad", 0),
]
FACTOR_ALPHABET = "abcdfgikloprsuxyzABKLRS \u212aßẞ-"


def same_matches(plain: re.Pattern[str], joined: re.Pattern[str], text: str) -> None:
    for method in ("match", "search", "fullmatch"):
        found, joined_found = getattr(plain, method)(text), getattr(joined, method)(text)
        assert (found and (found.span(), found.groups())) == (
            joined_found and (joined_found.span(), joined_found.groups())
        )
    assert plain.findall(text) == joined.findall(text)
    assert plain.sub("#", text) == joined.sub("#", text)


@pytest.mark.parametrize(("source", "flags"), FACTOR_SHAPES)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=FACTOR_ALPHABET, max_size=20))
def test_joined_branches_match_as_the_pattern_does(source: str, flags: int, text: str) -> None:
    plain, joined = re.compile(source, flags), factored(source, flags)
    assert joined.pattern == source and joined.flags == plain.flags
    assert joined.groupindex == plain.groupindex
    same_matches(plain, joined, text)


@settings(max_examples=500, deadline=None)
@given(
    branches=st.lists(st.text(alphabet="abAB", max_size=3), min_size=1, max_size=8),
    case_blind=st.booleans(),
    text=st.text(alphabet="abAB", max_size=8),
)
def test_any_list_of_phrases_joined_matches_as_written(
    branches: list[str], case_blind: bool, text: str
) -> None:
    source = "|".join(branches)
    flags = re.IGNORECASE if case_blind else 0
    same_matches(re.compile(source, flags), factored(source, flags), text)


# Patterns joined by `any_opening`: of both cases, with named groups two of them share, one
# anchored at its end, one with a lookbehind and a scoped flag.
OPENINGS = [
    (r"(?:read (?:next|more)|see also)\s*:", re.IGNORECASE),
    (r"(?P<name>[A-Z]\w+) (?:reports|writes)$", 0),
    (r"(?P<name>von|by)\s+(?-i:[A-Z])", re.IGNORECASE),
    (r"(?<![a-z])app\b", 0),
    (r"전화\s?[:：]", 0),
]
OPENING_ALPHABET = "readnxtmosplcvbyAppRSWwi :\n전화：KkıİZ"


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=OPENING_ALPHABET, max_size=24))
def test_joined_openings_match_where_any_of_them_does(text: str) -> None:
    patterns = [re.compile(source, flags) for source, flags in OPENINGS]
    joined = any_opening(*patterns)
    assert (joined.match(text) is not None) == any(p.match(text) for p in patterns)


@pytest.mark.parametrize(
    "pattern",
    [re.compile(r"(a)\1"), re.compile(r"(?P<x>a)(?P=x)"), re.compile(r"(?i)abc"),
     re.compile("abc", re.ASCII)],
)  # fmt: skip
def test_openings_that_cannot_be_joined_are_refused(pattern: re.Pattern[str]) -> None:
    with pytest.raises(ValueError, match="cannot join"):
        any_opening(re.compile("x"), pattern)


@pytest.mark.parametrize(
    ("gate", "name", "line"),
    [
        ("_OPENS_LOW", "_TAGS", "Tags: rail, fares"),
        ("_OPENS_LOW", "_LISTEN", "Listen to this article"),
        ("_OPENS_LOW", "_STATEMENT", "特别声明：以上内容仅代表作者本人观点"),
        ("_OPENS_LOW", "_SOURCES", "Con información de EFE y Reuters."),
        ("_OPENS_LOW", "_ADVERTISE_WITH", "Advertise with Canterbury Daily Press"),
        ("_OPENS_LOW", "_GET_APP_LINE", "Get the APM app"),
        ("_OPENS_LOW", "_WE_AND_PARTNERS", "We and our partners store and/or access information"),
        ("_OPENS_LOW", "_RECEIVE", "Get the latest news on WhatsApp"),
        ("_OPENS_LOW", "_NOTIFY_ASK", "Sign up for our newsletter"),
        ("_OPENS_TEXT", "_BYLINE", "By Jane Doe"),
        ("_OPENS_TEXT", "_REPORTER", "정민재 기자"),
        ("_OPENS_TEXT", "_HASHTAGS", "#rail #fares"),
        ("_OPENS_TEXT", "_APPEAL_HEADER", "Subscribe to our newsletter"),
        ("_OPENS_TEXT", "_RELATED_LINK_WEAK", "Related: fares"),
        ("_OPENS_STRIPPED", "_VIEWS", "Views: 1,204"),
        ("_OPENS_STRIPPED", "_SPONSORED_BY", "Sponsored by Acme"),
        ("_OPENS_STRIPPED", "_GALLERY_LINK", "View gallery (12 photos)"),
        ("_OPENS_FOLDED", "_RELATED_HEADER", "Read more: the fares rise"),
        ("_OPENS_FOLDED", "_FOLLOW", "Follow Jane Doe on X"),
        ("_OPENS_FOLDED", "_COMMENTS", "Leave a comment"),
        ("_OPENS_FOLDED", "_PITCH", "Sign up for our newsletter"),
        ("_OPENS_FOLDED", "_SOURCE_LINE", "Source: Reuters"),
    ],
)
def test_the_marks_gates_let_through_the_lines_their_rules_match(
    gate: str, name: str, line: str
) -> None:
    """Each gate `_line_reason` asks first lets through a line one of its rules matches,
    tried on the string the rule is tried on (the line, folded, or folded in lower case)."""
    folded = boilerplate._fold(line)
    string = {"_OPENS_LOW": folded.lower(), "_OPENS_FOLDED": folded}.get(gate, line)
    assert getattr(boilerplate, name).match(string)
    assert getattr(boilerplate, gate).match(string)
    assert not getattr(boilerplate, gate).match("The council met on Tuesday.")


@pytest.mark.parametrize(
    "name", ["_PAYWALL", "_NOTICE", "_RIGHTS", "_SUBSCRIBER", "_PAYWALL_REST", "_COOKIES"]
)
def test_the_lists_searched_on_every_line_are_searched_by_their_first_characters(
    name: str,
) -> None:
    """A phrase list the marks search on nearly every line keeps every branch opening with a
    character: one opening with a group or a class ("(?:\\d+|vier) wochen …") leaves `re`
    no first characters to skip to, and the search took twice as long."""
    import re._parser as parser

    from corpus.regex_gate import _skips_ahead

    pattern = getattr(boilerplate, name)
    assert _skips_ahead(parser.parse(pattern.pattern, pattern.flags), pattern.flags)
