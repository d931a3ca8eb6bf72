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


def decode(data: bytes) -> Decoded:
    """Decode file contents: UTF-8 (with or without BOM), UTF-16/32 with BOM, else detected.

    Raises `NotText` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise NotText("empty file" if not data else "contains only white space")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
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
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    return _detect(data)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (a truncated copy, a stray Latin-1 byte) stays UTF-8.

    Guessing another encoding for such a file would garble every correct non-ASCII character.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good >= 4 and bad * 20 <= good:
        return Decoded(text, "utf-8", f"{bad} invalid UTF-8 byte sequence(s) shown as \ufffd")
    return None


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
            cat[0] in "LN"
            or ch in " \t\n"
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


def _script(ch: str) -> str:
    return "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split(" ", 1)[0]


def _has_ascii(word: str) -> bool:
    return any(ch.isascii() for ch in word)
