from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.decode import NotText, decode
from corpus.loader import builtin_paths

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


# One stray byte in a UTF-8 file: it stays UTF-8, with U+FFFD at that spot and a note naming
# where, never a legacy code page that turns every curly quote into "â€œ".
STRAY_BYTES = [0x80, 0x9D, 0xA0, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFF]


def boundary(data: bytes, offset: int) -> int:
    """The first character boundary at or after `offset`."""
    while offset < len(data) and data[offset] & 0xC0 == 0x80:
        offset += 1
    return offset


def spots(data: bytes) -> dict[str, int]:
    """Byte offsets where a stray byte goes: start, middle, end and right after a non-ASCII
    character (a curly quote where the article has one)."""
    text = data.decode("utf-8")
    after = next((c for c in "”’“—" if c in text), next(c for c in text if ord(c) > 0x7F))
    return {
        "start": 0,
        "middle": boundary(data, len(data) // 2),
        "end": len(data),
        "after-non-ascii": data.index(after.encode()) + len(after.encode()),
    }


def where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line}, column {index - text.rfind(chr(10), 0, index)}"


@pytest.mark.parametrize("sample", builtin_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("stray", STRAY_BYTES, ids=hex)
def test_one_stray_byte_in_a_sample_stays_utf8(sample: Path, stray: int) -> None:
    data = sample.read_bytes()
    original = data.decode("utf-8")
    for name, offset in spots(data).items():
        damaged = data[:offset] + bytes([stray]) + data[offset:]
        decoded = decode(damaged)
        index = len(data[:offset].decode("utf-8"))
        assert decoded.encoding == "utf-8", name
        assert decoded.text == original[:index] + "\ufffd" + original[index:], name
        assert decoded.warning == f"1 invalid UTF-8 byte, shown as \ufffd: {where(original, index)}"


@pytest.mark.parametrize("sample", builtin_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("stray", STRAY_BYTES, ids=hex)
def test_a_stray_byte_inside_a_character_breaks_only_that_character(
    sample: Path, stray: int
) -> None:
    data = sample.read_bytes()
    original = data.decode("utf-8")
    index = next(i for i, c in enumerate(original) if ord(c) > 0x7F)
    offset = len(original[:index].encode()) + 1  # after the character's first byte
    decoded = decode(data[:offset] + bytes([stray]) + data[offset:])
    assert decoded.encoding == "utf-8"
    tail = original[index + 1 :]
    assert decoded.text.startswith(original[:index]) and decoded.text.endswith(tail)
    broken = decoded.text[index : len(decoded.text) - len(tail)]
    assert "\ufffd" in broken and len(broken) <= 4
    assert (
        decoded.warning and where(decoded.text, index + broken.index("\ufffd")) in decoded.warning
    )


@pytest.mark.parametrize("sample", builtin_paths(), ids=lambda p: p.name[:3])
def test_a_few_stray_bytes_are_each_named(sample: Path) -> None:
    data = sample.read_bytes()
    original = data.decode("utf-8")
    offsets = sorted(spots(data).values())[:3]
    damaged = data
    for offset in reversed(offsets):
        damaged = damaged[:offset] + b"\x9d" + damaged[offset:]
    decoded = decode(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == original
    places = [where(decoded.text, i) for i, c in enumerate(decoded.text) if c == "\ufffd"]
    assert decoded.warning == f"3 invalid UTF-8 bytes, shown as \ufffd: {'; '.join(places)}"


def test_many_stray_bytes_name_the_first_places_and_count_the_rest() -> None:
    text = "“Quoted,” she said — and went on. " * 200
    data = text.encode().replace(b"went", b"w\xffent")
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 200
    assert decoded.warning is not None
    assert decoded.warning.startswith("200 invalid UTF-8 bytes, shown as \ufffd: line 1, column")
    assert decoded.warning.endswith("and 195 more places")


def test_a_utf8_file_with_a_bom_and_a_stray_byte_stays_utf8() -> None:
    decoded = decode(codecs.BOM_UTF8 + "“Quoted” text — ".encode() + b"\xff" + b" more")
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == "“Quoted” text — \ufffd more"


@given(
    st.text(min_size=1).filter(lambda t: any(ord(c) > 0x7F for c in t)),
    st.integers(0x80, 0xFF),
    st.floats(0, 1),
)
def test_any_utf8_text_with_one_stray_byte_stays_utf8(text: str, stray: int, at: float) -> None:
    data = text.encode("utf-8", "surrogatepass")
    if b"\x00" in data or not data.strip():
        return  # binary or blank: other rules
    offset = boundary(data, int(len(data) * at))
    decoded = decode(data[:offset] + bytes([stray]) + data[offset:])
    index = len(data[:offset].decode("utf-8", "surrogatepass"))
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:index] + "\ufffd" + text[index:]


FRENCH = (
    "Le président a déclaré mercredi que les négociations avançaient « à grands pas ». "
    "Selon lui, l'accord prévoit une coopération économique élargie, notamment dans "
    "l'énergie, où les échanges ont été très dégradés. « Nous sommes prêts », a-t-il ajouté, "
    "évoquant des délégations réunies à Genève et à Zürich pendant l'été.\n\n"
)
UKRAINIAN = (
    "Дніпро, Київ і Львів отримали нові ліміти. Він сказав, що Ії рішення ухвалили в "
    "березні. «ТАСС» і «УНІАН» повідомили про це. Ні, вони не погодилися з умовами.\n\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH * 3, "cp1252"), (FRENCH, "cp1252"), (UKRAINIAN * 3, "cp1251"), (RUSSIAN, "cp1251")],
)
def test_legacy_files_are_still_read_as_legacy(text: str, encoding: str) -> None:
    # Legacy bytes can form valid UTF-8 by chance ("Ді" in Windows-1251 is D0 B3, a valid
    # pair); far more of them do not.
    decoded = decode(text.encode(encoding))
    assert (decoded.encoding, decoded.text) == (encoding, text)


JAPANESE = (
    "北海道北部を走る第三セクター「道北ふるさと鉄道」は１２日、来年４月１日から運賃を平均"
    "１８％引き上げると発表した。燃料費や人件費の上昇に加え、利用者の減少が続いているため。\n\n"
)
CHINESE = "湘赣边高铁浏阳至宜春段全长142公里，设计时速350公里，沿线设浏阳东、大围山等站。\n\n"
TRADITIONAL = (
    "臺南市立圖書館新總館今天正式啟用，館藏超過一百萬冊。市長表示：「這是城市的新客廳。」\n\n"
)
KOREAN = (
    "반도체 수출이 석 달 연속 증가했다. 산업통상자원부는 1일 “11월 수출이 8% 늘었다”고 밝혔다.\n\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (JAPANESE * 2, "shift_jis"),
        (JAPANESE * 2, "euc_jp"),
        (CHINESE * 2, "gbk"),
        (TRADITIONAL * 2, "big5"),
        (KOREAN * 2, "euc_kr"),
    ],
)
def test_two_byte_east_asian_code_pages_are_not_read_as_damaged_utf8(
    text: str, encoding: str
) -> None:
    # Their bytes make a valid UTF-8 pair now and then between long invalid runs, so the
    # runs alone are few; and a Japanese word mixes kanji and kana without being mojibake.
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.warning is None


def page(charset: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html><head>\n<meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}">\n<title>t</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("charset", "codec", "body"),
    [
        ("Shift_JIS", "cp932", JAPANESE),
        ("EUC-JP", "euc_jp", JAPANESE),
        ("gb2312", "gb18030", CHINESE),
        ("GBK", "gb18030", CHINESE),
        ("big5", "big5hkscs", TRADITIONAL),
        ("euc-kr", "cp949", KOREAN),
        ("windows-1251", "cp1251", UKRAINIAN),
        ("ISO-8859-7", "iso8859-7", "Η απεργία των ναυτεργατών συνεχίζεται σήμερα στα λιμάνια."),
        ("windows-1256", "cp1256", "أعلنت الشركة زيادة تعرفة المياه اعتباراً من الشهر المقبل."),
        ("iso-8859-1", "cp1252", "“Déjà vu”, a-t-il dit — à Zürich."),
    ],
)
def test_an_html_page_is_read_in_the_charset_it_declares(
    charset: str, codec: str, body: str
) -> None:
    markup = page(charset, body)
    decoded = decode(markup.encode(codec), html=True)
    assert (decoded.encoding, decoded.text) == (codec, markup)


def test_the_html5_meta_charset_and_an_xml_declaration_count_too() -> None:
    html5 = f'<html><head><meta charset="shift_jis"></head><body><p>{JAPANESE}</p>'
    assert decode(html5.encode("cp932"), html=True).text == html5
    xhtml = f'<?xml version="1.0" encoding="EUC-JP"?>\n<html><body><p>{JAPANESE}</p>'
    assert decode(xhtml.encode("euc_jp"), html=True).text == xhtml


def test_a_page_that_misstates_its_charset_is_detected_instead() -> None:
    markup = page("Shift_JIS", (UKRAINIAN * 3).strip())
    decoded = decode(markup.encode("cp1251"), html=True)
    assert (decoded.encoding, decoded.text) == ("cp1251", markup)


def test_plain_text_ignores_a_charset_it_happens_to_mention() -> None:
    # Only a page's markup declares anything; a text file quoting a meta tag is still read
    # by detection (here as UTF-8, which it is).
    text = '<meta charset="cp1251"> — Москва'
    assert decode(text.encode()).encoding == "utf-8"
