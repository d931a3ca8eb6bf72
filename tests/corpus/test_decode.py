from __future__ import annotations

import codecs
import os

import pytest

from corpus.decode import NotText, decode

RUSSIAN = "Москва и Вашингтон начали переговоры о добыче редкоземельных металлов."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"plain ascii", "utf-8"),
        ("curly “quotes” — Москва".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "with bom — ok".encode(), "utf-8-sig"),
        ("utf-16 text — Москва".encode("utf-16"), "utf-16"),
        (RUSSIAN.encode("cp1251"), "cp1251"),
        ("Привет, мир".encode("cp1251"), "cp1251"),
        ("Crème brûlée à la façon de Noël, déjà vu".encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_known_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") in (data.decode(encoding), data.decode(encoding)[1:])


def test_windows_1251_article_reads_correctly() -> None:
    text = (RUSSIAN + "\n\n") * 3 + "«Мы готовы», — сказал он."
    assert decode(text.encode("cp1251")).text == text


def test_mostly_utf8_with_damaged_bytes_stays_utf8_and_warns() -> None:
    data = "Привет, «мир» — über café ".encode() * 4 + b"\xff broken \xc3 tail"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert "Привет, «мир»" in decoded.text and "\ufffd" in decoded.text
    assert decoded.warning and "invalid UTF-8" in decoded.warning


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (os.urandom(4096).replace(b"\x00", b"\x01"), "no known text encoding"),
    ],
)
def test_not_text_says_why(data: bytes, why: str) -> None:
    with pytest.raises(NotText, match=why):
        decode(data)


def test_windows_1251_wins_a_tie_with_mac_cyrillic() -> None:
    # Both read it with no implausible letter; Mac Cyrillic came first and turned К into an
    # invisible character and Э into Ё.
    text = ("Кириллица заголовок\n\nПривет, мир! Это текст в кодировке Windows-1251. "
            "Сказал Иван Петров.\n")  # fmt: skip
    decoded = decode(text.encode("cp1251"))
    assert (decoded.encoding, decoded.text) == ("cp1251", text)
