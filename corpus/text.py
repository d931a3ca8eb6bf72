"""Plain-text primitives shared by loading, boilerplate detection and analysis.

Everything here works on code-point offsets into one `str`, the contract of ARCHITECTURE.md.
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

# Escape sequences are removed whole, not just their ESC byte: stripping only ESC would leave
# "[31m" or "]52;c;..." behind as visible garbage. 7-bit (ESC-introduced) and 8-bit (C1) forms.
# String sequences (OSC, DCS, SOS, PM, APC) end at BEL or ST. One without its terminator must not
# swallow the prose after it (up to some later BEL, or to the end of the article): a window or
# icon title (OSC 0, 1, 2) may hold spaces and ends at the end of its line; every other payload
# (a clipboard's base64, a hyperlink's URI, sixel or tmux data) holds no white space, so it ends
# at the first white space.
_ESCAPE_SEQUENCES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?                  # CSI ... final byte
    | (?:\x1b\]|\x9d) [012] ; [^\x07\x1b\x9c\n]*              # OSC 0/1/2: a title
      (?:\x07|\x1b\\|\x9c)?                                #   ... up to BEL, ST or the line's end
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])               # OSC, DCS, SOS, PM, APC
      [^\x07\x1b\x9c\s]* (?:\x07|\x1b\\|\x9c)?              #   ... up to BEL, ST or white space
    | \x1b [ -/]* [0-~]                                     # other ESC sequences (nF, Fp, Fe, Fs)
    """,
    re.VERBOSE,
)
# C0 and C1 controls but \t and \n (\r is normalised before this runs), and DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def sanitize(text: str) -> str:
    """Make untrusted text safe to show in a terminal, changing nothing a reader would see.

    Terminal escape sequences are removed whole, other control characters dropped, and all
    newline conventions become `\\n`. Lone surrogates (which JSON can carry and UTF-8 cannot)
    become U+FFFD. Brackets, markup-like text, emoji and every script stay. Sanitizing twice
    changes nothing more: article ids hash the result.
    """
    if is_sanitized(text):  # most text: one look at its bytes instead of five passes
        return text
    for pattern, replacement in _PASSES:
        text = pattern.sub(replacement, text)
    return text


# What `sanitize` removes or replaces: C0 controls but tab and newline, DEL, C1 controls, the
# line and paragraph separators, lone surrogates, and a byte order mark at the start. A text
# holding none of them is one it leaves as it is (a property test holds the two together).
# This runs for every article read, so it looks at the UTF-8 bytes: 13 us an article against
# 42 us for one regex over the string, 1,250 us for `sanitize`'s passes.
_C0_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def is_sanitized(text: str) -> bool:
    """True when `sanitize(text) == text`, without the cost of sanitizing."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return (
        len(data.translate(None, _C0_BYTES)) == len(data)
        and _C1_UTF8.search(data) is None
        and "\u2028" not in text
        and "\u2029" not in text
        and not text.startswith("\ufeff")
    )


_SURROGATES = re.compile("[\ud800-\udfff]")
# Byte order marks at the start, last: removing controls can bring one to the front.
_BOM = re.compile("\\A\ufeff+")
_PASSES = (
    (_NEWLINES, "\n"),
    (_ESCAPE_SEQUENCES, ""),
    (_CONTROLS, ""),
    (_SURROGATES, "\ufffd"),
    (_BOM, ""),
)


# Bidirectional formatting controls: embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and
# isolates (LRI, RLI, FSI, PDI). In a name or a title, an RLO turns "txt.exe" into "exe.txt"
# for the eye; such strings show them instead of obeying them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_OPENERS = {
    "\u202a": "\u202c",
    "\u202b": "\u202c",
    "\u202d": "\u202c",
    "\u202e": "\u202c",
    "\u2066": "\u2069",
    "\u2067": "\u2069",
    "\u2068": "\u2069",
}
_LINE_BREAKS = re.compile(r"[\n\t\v\f]+")


def show_bidi(text: str) -> str:
    """Bidirectional controls written out (`⟨U+202E⟩`), so they cannot reorder what follows."""
    if not _BIDI.search(text):
        return text
    return _BIDI.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def sanitize_line(text: str) -> str:
    """A one-line string from outside (a title, a source, a file name, a label, a metadata
    value) made safe to show: sanitized, line breaks and tabs as spaces, and bidirectional
    controls written out. A fixed point, like `sanitize`."""
    return show_bidi(_LINE_BREAKS.sub(" ", sanitize(text)))


def terminal_safe(text: str) -> str:
    """A message for a terminal (stderr, a table, a notice) that may quote strings from
    outside: nothing in it can act as a control; its own line breaks stay. The sinks' second
    line of defence, behind sanitizing where strings enter."""
    return show_bidi(sanitize(text))


def close_bidi(text: str) -> str:
    """The controls that end every embedding, override or isolate left open in `text` (one
    line of an article as drawn), so that it cannot reorder what is drawn after it."""
    if not _BIDI.search(text):
        return ""
    open_: list[str] = []
    for match in _BIDI.finditer(text):
        char = match.group()
        closer = _BIDI_OPENERS.get(char)
        if closer is not None:
            open_.append(closer)
        elif char in open_:  # a PDF or PDI closes the innermost one of its kind
            del open_[len(open_) - 1 - open_[::-1].index(char)]
    return "".join(reversed(open_))


def sanitize_mapped(text: str) -> tuple[str, OffsetMap]:
    """`sanitize(text)`, and where each offset of `text` lands in it.

    Offset `i` of the raw text (`0 <= i <= len(text)`) becomes `offsets.map(i)`; an offset
    inside something removed maps to where the text goes on. Spans that another tool made on
    the raw text, e.g. in an import, are carried over with it. The map keeps only the places
    where offsets shift (a removed sequence, a `\\r\\n`), not an entry per character: a long
    text costs what it changes. A caller that hands over its only reference to `text` lets it
    go with the first pass that changes it.
    """
    steps = []
    changed = False
    for pattern, replacement in _PASSES:
        step = _sub_mapped(pattern, replacement, text)
        if step.starts:
            steps.append(step)
        if step.matched:
            text = pattern.sub(replacement, text)
            changed = True
    return text, OffsetMap(tuple(steps), changed)


@dataclass(frozen=True, slots=True)
class _Step:
    """How one substitution moves offsets. For each place where it moves them, in order: the
    raw `[starts[i], ends[i])` that was replaced, and `outs[i]`, where the replacement starts in
    the result; offsets in between go to `outs[i]`, offsets from `ends[i]` on shift along with
    `ends[i]`, which lands at `outs[i] + width`."""

    starts: array[int]
    ends: array[int]
    outs: array[int]
    width: int  # the replacement's length
    matched: bool  # whether anything was replaced at all (even where offsets do not move)

    def map(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        if offset < self.ends[i]:
            return self.outs[i]
        return self.outs[i] + self.width + offset - self.ends[i]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Where the offsets of a text land after `sanitize_mapped` (see there)."""

    steps: tuple[_Step, ...]
    changed: bool  # whether sanitizing changed the text (where no offset moves too: \r to \n)

    def map(self, offset: int) -> int:
        """The offset in the sanitized text of raw offset `offset`."""
        for step in self.steps:
            offset = step.map(offset)
        return offset

    @property
    def breakpoints(self) -> int:
        """How many places the map remembers (its size)."""
        return sum(len(step.starts) for step in self.steps)


def _sub_mapped(pattern: re.Pattern[str], replacement: str, text: str) -> _Step:
    """Where `pattern.sub(replacement, text)` moves the offsets of `text`.

    A match of one character replaced by one character moves no offset, and removals that
    touch are one removal: neither needs a place of its own."""
    width = len(replacement)
    starts, ends, outs = array("q"), array("q"), array("q")
    shift = 0  # the result's offset minus the raw offset, after the matches so far
    matched = False
    for match in pattern.finditer(text):
        matched = True
        start, end = match.span()
        if end - start == 1 and width == 1:
            continue
        if not width and ends and ends[-1] == start:
            ends[-1] = end
        else:
            starts.append(start)
            ends.append(end)
            outs.append(start + shift)
        shift += width - (end - start)
    return _Step(starts, ends, outs, width, matched)


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "10,000 articles": a count as a person writes it."""
    word = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {word}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article: `[start, end)` without its surrounding whitespace."""

    start: int
    end: int
    text: str
    _words: int = field(default=-1, compare=False, repr=False)

    @property
    def words(self) -> int:
        """Its words (`count_words`), counted once: the rules of site chrome ask often."""
        if self._words < 0:
            object.__setattr__(self, "_words", count_words(self.text))
        return self._words


# The combining marks of Unicode's basic plane, as a character class's ranges: the vowel signs
# of Devanagari, Bengali, Thai and the like are part of a word, though `\w` has none of them.
MARK_RANGES = (  # checked against `unicodedata` by tests/corpus/test_text.py
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4"
    "\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42"
    "\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8"
    "\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d"
    "\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    "\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    "\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    "\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734"
    "\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9"
    "\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace"
    "\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3"
    "\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
_WORD = re.compile(rf"[\w{MARK_RANGES}]+(?:[-'’.][\w{MARK_RANGES}]+)*")
_IS_MARK = re.compile(f"[{MARK_RANGES}]")
# Kana and kanji (Han ideographs, their extensions and compatibility forms, half-width kana,
# the prolonged sound mark): scripts written without spaces between words.
_CJK = re.compile(
    "[\u3005\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+"
)
# `count_words` without the regular expression: each byte of the text's UTF-8 becomes "a" (a
# word character, as `\w` has it), "j" (a joiner: - ' .) or a space, once every character
# that is not ASCII has been replaced by one of those.
_CLASSES = (
    bytes(
        ord("a") if chr(c).isalnum() or c == ord("_") else ord("j") if chr(c) in "-'." else 32
        for c in range(128)
    )
    + b" " * 128
)
_ASCII = bytes(range(128))
_MANY = 4  # letters past ASCII beyond which the regular expression is faster
_BYTES_FROM = 600  # characters from which counting bytes beats the expression (a line is shorter)
_FEW_OTHERS = 24  # characters past ASCII beyond which a text is not one with a few accents


def count_words(text: str) -> int:
    r"""Words as a reader counts them: runs of letters, digits or combining marks (a vowel
    sign is part of its word), hyphenated words as one (`\w+(?:[-'’.]\w+)*`). Chinese and
    Japanese, written without spaces, count a word for every two characters of a run of kanji
    or kana (a Japanese sentence is one run).

    The list counts the words of every article of a corpus as it is read, where the regular
    expression took 300 us an article (half of a quick read): over bytes that say only word,
    joiner or space, runs and joins are counted by `bytes.count`, in under half of that. That
    pays for a long text in ASCII or with a few accents; a line (the rules of site chrome
    count tens of thousands) or a text in another script is counted faster by the expression
    (measured on the copied pages of the development set: 0.24 s against 0.34 s a pass over
    their lines).
    """
    if len(text) >= _BYTES_FROM:
        data = text.encode("utf-8", "surrogatepass")
        if text.isascii():
            return _count_classes(data)
        # The characters past ASCII, from their bytes alone (a set of the whole text costs
        # more than the rest of the count).
        others = set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
        if len(others) <= _FEW_OTHERS:
            # Word characters are alphanumeric (what `\w` matches past ASCII); the rest of
            # the bytes past ASCII are spaces to `_CLASSES`. Each word character costs a pass
            # over the text: past a few (a name with an accent), the expression is faster.
            # (a code point of the kanji's blocks not yet assigned is a kanji to `_CJK`, not
            # a letter to `isalnum`: counted as one)
            letters = [c for c in others if c.isalnum() or _IS_MARK.match(c) or _CJK.match(c)]
            if len(letters) <= _MANY and not _CJK.search("".join(letters)):
                for char in letters:
                    data = data.replace(char.encode("utf-8"), b"a")
                if "’" in others:
                    data = data.replace("’".encode(), b"'")
                return _count_classes(data)
    if not _CJK.search(text):
        return len(_WORD.findall(text))
    kanji_kana = _CJK.findall(text)
    spaced = _CJK.sub(" ", text)
    return len(_WORD.findall(spaced)) + sum((len(r) + 1) // 2 for r in kanji_kana)


def _count_classes(data: bytes) -> int:
    """`count_words` of a text's UTF-8 whose bytes past ASCII are spaces, or word characters
    already made "a" and apostrophes "'"."""
    classes = b" " + data.translate(_CLASSES) + b" "
    # A word starts where a run of word characters does, but where a single joiner joins
    # the run to the one before ("a-b" is one word): none of these patterns can overlap
    # itself, so `count` finds every one.
    runs = classes.count(b" a") + classes.count(b"ja")
    joins = classes.count(b"aj") - classes.count(b"ajj") - classes.count(b"aj ")
    return runs - joins


def _wrap_width(text: str) -> tuple[int | None, bool, bool]:
    """The column a hard-wrapped text is wrapped at (None when its lines are not wrapped);
    whether most of its lines are that long, as kanji and kana wrapped at it are; and whether
    its lines are measured in columns, a kanji two (a text with kanji, kana or hangul, which
    an editor wraps by the columns they fill)."""
    wide = not text.isascii() and _WIDE.search(text) is not None
    lines = [line for line in text.split("\n") if line.strip()]
    lengths = sorted([_columns(line, wide) for line in lines] if wide else map(len, lines))
    if len(lengths) < 3:
        return None, False, wide
    typical = lengths[(len(lengths) * 9) // 10]
    if not 40 <= typical <= 120:
        return None, False, wide
    # (a few longer lines, a URL or a heading, do not set the width; the lines as long as
    # it are counted for kanji and kana, the only ones that ask)
    full = wide and sum(1 for n in lengths if abs(n - typical) <= CJK_WRAP) * 2 >= len(lengths)
    return typical, full, wide


# Characters that fill two columns: kanji, kana, hangul, full-width forms and punctuation
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _columns(line: str, wide: bool) -> int:
    """The columns a line fills, in a text with kanji, kana or hangul (`wide`): each of its
    characters of three bytes in UTF-8 two, as kanji, kana, hangul and full-width forms do
    (a dash or a curly quotation mark counts two as well: the wrap allows for it)."""
    if not wide:
        return len(line)
    return len(line) + (len(line.encode("utf-8", "surrogatepass")) - len(line)) // 2


WRAP_SLACK = 1.15  # a wrapped line may run a little past the typical width (a long word)
CJK_TAIL = 3  # characters at a line's end where kanji or kana say it wraps as they do
CJK_WRAP = 2  # columns a wrapped line of kanji and kana may differ from the width by


def _is_wrapped_prose(
    lines: list[str], width: int | None, full_lines: bool, wide: bool = False
) -> bool:
    """True for a block hard-wrapped at `width` (e.g. a .txt file wrapped at 72 columns; its
    lines measured in columns when `wide`).

    Such a block is one paragraph: each line ends where the next line's first word would not
    have fitted. A block of lines that end early (a list, a menu, one paragraph per line) is
    many paragraphs.
    """
    if width is None or len(lines) < 2:
        return False
    full = 0
    for line, after in itertools.pairwise(lines):
        first = after.split(maxsplit=1)
        length = _columns(line.rstrip(), wide) if wide else len(line.rstrip())
        if not first or length > width * WRAP_SLACK:
            # (a line well past the width was never wrapped at it: a paragraph of a copied
            # page, one line, with an advert's label under it, "…必要とされています。" then "広告")
            continue
        if wide and _CJK.search(line.rstrip()[-CJK_TAIL:]):
            # Kanji and kana wrap at any character, so a wrapped line is as long as the width
            # (a stop pushed to its end aside), and so are most of the text's lines
            # (`full_lines`): a caption's line, its credit "（撮影・中村翔）" under it, was not
            # wrapped.
            if full_lines and abs(length - width) <= CJK_WRAP:
                full += 1
        elif width < length + 1 + (_columns(first[0], wide) if wide else len(first[0])):
            full += 1
    return full >= 0.8 * (len(lines) - 1)


_BLOCK = re.compile(r"[^\n]+(?:\n[ \t]*[^\n \t][^\n]*)*")
_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs with code-point offsets.

    A blank line always separates paragraphs. Inside a block of consecutive lines, each line is
    its own paragraph (most web-extracted news puts one paragraph per line) unless the block is
    hard-wrapped prose, which stays one paragraph.
    """
    found: list[Paragraph] = []
    width, full_lines, wide = _wrap_width(text)
    for block in _BLOCK.finditer(text):
        lines = block.group().split("\n")
        if _is_wrapped_prose(lines, width, full_lines, wide):
            if _button_under(lines):
                # "…恆春半島。" then "分享": the paragraph, and a button's word under it
                cut = block.start() + block.group().rindex("\n")
                found.append(_trimmed(text, block.start(), cut))
                found.append(_trimmed(text, cut, block.end()))
            else:
                found.append(_trimmed(text, block.start(), block.end()))
            continue
        for line in _LINE.finditer(text, block.start(), block.end()):
            found.append(_trimmed(text, line.start(), line.end()))
    return [p for p in found if p.start < p.end]


BUTTON_UNDER = 12  # characters: a button's or a label's word, not a wrapped paragraph's end
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])+|[a-z]{1,3})\.$")
_STOPS = ".!?。！？…"
_CLOSERS = "\"'”’」』）)»"


def _button_under(lines: list[str]) -> bool:
    """The last line of a block is a word of its own under a paragraph that has ended: short,
    without a stop, under a line that ends with one (a wrapped paragraph's last line ends as
    the paragraph does)."""
    last, above = lines[-1].strip(), lines[-2].rstrip().rstrip(_CLOSERS)
    return (
        0 < len(last) <= BUTTON_UNDER
        and last[-1] not in _STOPS
        and last.rstrip(_CLOSERS)[-1:] not in _STOPS
        and above[-1:] in _STOPS
        and not _ABBREVIATION_END.search(above)  # ("… consultation. Dr." then "Patel")
    )


def _trimmed(text: str, start: int, end: int) -> Paragraph:
    start, end = trimmed_span(text, start, end)
    return Paragraph(start, end, text[start:end])


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` of `text` without the white space at its edges (empty when it is all
    white space: `start == end`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut text into pieces of at most `limit` code points, as `(offset, piece)`.

    Cuts fall between paragraphs where possible, then after a sentence end, then at white
    space, and only as a last resort inside a word. spaCy's parser needs about 1 GB per
    100,000 characters, so long articles are analysed piece by piece.
    """
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", "? ", "! ", " "):
            found = window.rfind(separator)
            if found >= limit // 4:
                cut = found + len(separator)
                break
        if cut < 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    if start < n:
        yield start, text[start:]
