"""Turn the bytes of a file into text, or say clearly why they are not text."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class NotText(ValueError):
    """The bytes are not readable text; the message says why, in words a user can act on."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings tried besides charset-normalizer's guesses: its ranking is unreliable on short
# Cyrillic text (it reads a short Windows-1251 line as cp1125 box drawing).
_LEGACY_FALLBACKS = ("cp1251", "koi8-r", "cp1252", "latin-1")
_SNIFF = 64 * 1024


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode file contents: UTF-8 (with or without BOM), UTF-16/32 with BOM, else detected.

    For an HTML page (`html`), the encoding its markup declares (`<meta charset>`, the
    http-equiv form, an XML declaration) comes before detection when its bytes fit it,
    as a browser reads it. Raises `NotText` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise NotText("empty file" if not data else "contains only white space")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                damaged = _damaged_utf8(data[len(bom) :]) if encoding == "utf-8-sig" else None
                if damaged is not None:
                    return Decoded(damaged.text, encoding, damaged.warning)
                raise NotText(
                    f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
                ) from exc
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise NotText("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if html:
        declared = declared_encoding(data)
        if declared is not None:
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                pass  # the page says one thing and is another: detect, as for plain text
    return _detect(data)


# The prescan of the HTML standard: a charset named in the first bytes of the page.
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_PRESCAN = 8 * 1024
# Labels pages use for an encoding whose superset is what browsers decode them with (the
# Encoding Standard's mapping): a page labelled Shift_JIS is written on Windows in cp932.
_SUPERSET = {
    "ascii": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
# Labels of the Encoding Standard that Python's codec registry does not know.
_LABELS = {
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "windows-874": "cp874",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "x-euc-jp": "euc_jp",
    "x-cp1251": "cp1251",
    "x-mac-cyrillic": "mac_cyrillic",
}


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset an HTML page declares in its first 8 KB, if known.

    UTF-16 and UTF-32 labels are ignored (bytes that a byte-pattern can be read from are
    not UTF-16); an unknown label is None.
    """
    match = _DECLARED.search(data[:_PRESCAN])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    codec = name.replace("-", "_")
    if codec.startswith(("utf_16", "utf_32")):
        return None
    return _SUPERSET.get(codec, name)


_UNDECODABLE = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, surrogate-escaped
_PLACES_NAMED = 5
# Invalid bytes from which a run count alone no longer tells: legacy two-byte CJK text is
# one long run after another, with a chance valid pair between, so its runs are few. There
# the invalid bytes themselves must be outnumbered by the continuation bytes of valid ones.
_DENSE_LEGACY = 16


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (a stray byte, a truncated copy) stays UTF-8.

    Reading such a file with a legacy code page would garble every correct character ("“"
    as "â€œ") to save a few. The evidence for UTF-8 is the continuation bytes that sit
    exactly where a valid multi-byte sequence needs them (one for "é", two for "“"): legacy
    text rarely makes them by chance. The evidence against is the runs of bytes that fit no
    sequence: one per damage in a UTF-8 file (a stray byte inside a character breaks it into
    one run of up to four), but one per accented letter or per word of Cyrillic in a legacy
    file (and runs of dozens of bytes in two-byte CJK code pages, where the invalid bytes
    themselves are counted). UTF-8 wins when the first are at least as many as the second: a
    ratio, not a count, so a file with two curly quotes survives a stray byte as well as one
    with two hundred, and a Windows-1251 article whose "«ТАСС»" makes a valid pair by chance
    stays Windows-1251.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    runs = [match.span() for match in _UNDECODABLE.finditer(escaped)]
    invalid = sum(end - start for start, end in runs)
    ascii_count = len(escaped.encode("ascii", "ignore"))
    multibyte_chars = len(escaped) - ascii_count - invalid
    continuation_bytes = (len(data) - ascii_count - invalid) - multibyte_chars
    if continuation_bytes < len(runs):
        return None
    if invalid >= _DENSE_LEGACY and invalid > continuation_bytes:
        return None  # Shift_JIS, EUC-JP, GBK: two-byte text in long runs, few chance pairs
    pieces: list[str] = []
    places: list[str] = []
    kept = 0
    for start, end in runs:
        pieces.append(escaped[kept:start])
        if len(places) < _PLACES_NAMED:
            places.append(_place("".join(pieces)))
        # As a plain decode would show it: one U+FFFD per maximal invalid subsequence.
        pieces.append(
            escaped[start:end].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        )
        kept = end
    pieces.append(escaped[kept:])
    more = f" and {len(runs) - len(places)} more places" if len(runs) > len(places) else ""
    noun = "byte" if invalid == 1 else "bytes"
    warning = f"{invalid} invalid UTF-8 {noun}, shown as \ufffd: {'; '.join(places)}{more}"
    return Decoded("".join(pieces), "utf-8", warning)


def _place(before: str) -> str:
    """Line and column (from 1, in characters) of the character after `before`."""
    line = before.count("\n") + 1
    return f"line {line}, column {len(before) - before.rfind(chr(10))}"


def _detect(data: bytes) -> Decoded:
    candidates: list[str] = []
    from charset_normalizer import from_bytes  # slow to import; most files are UTF-8

    for match in from_bytes(data[: 4 * _SNIFF]):
        if match.encoding not in candidates:
            candidates.append(match.encoding)
    if not candidates:
        raise NotText("not UTF-8, and no known text encoding fits (binary data?)")
    for fallback in _LEGACY_FALLBACKS:
        if fallback not in candidates:
            candidates.append(fallback)
    scored: list[tuple[float, str, str]] = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((plausibility(text), encoding, text))
    top = max((score for score, _, _ in scored), default=0.0)
    if top < 0.9:
        raise NotText("not UTF-8, and no known text encoding fits (binary data?)")
    # Among equally plausible readings keep the detector's order, except that Windows-1252
    # (by far the commonest legacy code page) wins over Windows-1250, which reads Western
    # text as plausible Central European letters.
    close = [(enc, text) for score, enc, text in scored if score >= top - 0.02]
    encodings = [enc for enc, _ in close]
    # Likewise Windows-1251 (Russian on Windows, the commonest Cyrillic code page) over
    # Mac Cyrillic, which differs only in a few letters and reads most Russian as plausible.
    for common, rare in (("cp1252", "cp1250"), ("cp1251", "mac_cyrillic")):
        if common in encodings and rare in encodings[: encodings.index(common)]:
            close.insert(0, close.pop(encodings.index(common)))
            encodings = [enc for enc, _ in close]
    return Decoded(close[0][1], close[0][0])


def plausibility(text: str) -> float:
    """Share of characters a human text plausibly contains, penalising mojibake.

    Letters, digits, white space and common punctuation count; box drawing, controls, symbols
    and lower-to-upper case flips inside words (the mark of a wrong code page) do not.
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    good = 0
    flips = 0
    prev = ""
    for ch in sample:
        cat = unicodedata.category(ch)
        if (
            cat[0] in "LMN"
            or " " <= ch <= "~"  # markup's <, =, > and / are plausible; mojibake is not ASCII
            or ch in "\t\n\r"
            or cat in ("Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Sc", "Zs")
        ):
            good += 1
        if prev and prev.islower() and ch.isupper():
            flips += 1
        prev = ch
    mojibake = 0
    for word in _WORD.findall(sample):
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1 or (len(word) >= 3 and scripts == {"LATIN"} and not _has_ascii(word)):
            mojibake += len(word)  # "Ïðèâåò" is Cyrillic read with a Western code page
    return (good - 2 * flips - 2 * mojibake) / len(sample)


_WORD = re.compile(r"[^\W\d_]+")


# Scripts a word mixes by nature: Japanese writes kanji, hiragana and katakana in one word,
# Korean mixes hanja into hangul.
_EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL", "IDEOGRAPHIC")


def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    script = unicodedata.name(ch, "?").split(" ", 1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def _has_ascii(word: str) -> bool:
    return any(ch.isascii() for ch in word)
