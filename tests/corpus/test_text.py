from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.text import (
    chunks,
    close_bidi,
    count_words,
    paragraphs,
    sanitize,
    sanitize_line,
    show_bidi,
    terminal_safe,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("red \x1b[31mALERT\x1b[0m done", "red ALERT done"),
        ("a\x1b[38;2;255;0;0mb", "ab"),
        ("clip \x1b]52;c;ZXZpbA==\x07 text", "clip  text"),
        ("title \x1b]0;pwned\x1b\\ here", "title  here"),
        ("link \x1b]8;;http://x\x1b\\site\x1b]8;;\x1b\\ end", "link site end"),
        ("c1 csi \x9b2J and osc \x9d0;x\x9c end", "c1 csi  and osc  end"),
        ("dcs \x1bPq#0;2;0;0;0\x1b\\ end", "dcs  end"),
        ("keypad \x1b= and \x1b(B charset", "keypad  and  charset"),
        ("unterminated \x1b]52;c;AAAA\nnext line", "unterminated \nnext line"),
        # An unterminated string sequence does not swallow the prose after it, even when a
        # BEL comes later in the line: its payload ends at white space (a title's, at the
        # end of its line).
        (
            "a \x1b]52;c;AAAA and the sentence goes on.\x07 More.",
            "a  and the sentence goes on. More.",
        ),
        ("a \x1bPq#0;2 and on\x1b\\ end", "a  and on end"),
        ("a \x9d52;c;QQ== and on", "a  and on"),
        ("title \x1b]2;a window title\nnext", "title \nnext"),
        ("link \x1b]8;;http://x.example/a?b=c and the rest", "link  and the rest"),
        ("apc \x1b_Gf=100;AAAA\x1b\\ done", "apc  done"),
        ("bell\x07 back\x08space nul\x00 del\x7f", "bell backspace nul del"),
        ("windows\r\nmac\rline\u2028sep", "windows\nmac\nline\nsep"),
        ("\ufeffbom at start", "bom at start"),
        ("tab\tstays\nnewline stays", "tab\tstays\nnewline stays"),
    ],
)
def test_sanitize_removes_escape_sequences_whole(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "[US President Donald] Trump",
        "[bold red]not markup[/] and [link=x]y[/link]",
        "<script>alert(1)</script> &amp; *md* `code`",
        "Москва, «Яндекс Переводчик» — 🚀👍🏽 emoji, عربي right-to-left",
        "zero\u200bwidth and combining e\u0301",
    ],
)
def test_sanitize_keeps_everything_a_reader_sees(kept: str) -> None:
    assert sanitize(kept) == kept


def test_paragraphs_one_per_line_and_blank_line_separated() -> None:
    text = "Title\n\nFirst para.\nSecond para.\n\n  Indented third.  \n"
    found = paragraphs(text)
    assert [p.text for p in found] == ["Title", "First para.", "Second para.", "Indented third."]
    assert all(text[p.start : p.end] == p.text for p in found)


def test_hard_wrapped_prose_stays_one_paragraph() -> None:
    wrapped = (
        "The talks were described as constructive by both delegations, who met for\n"
        "three hours in the capital on Tuesday and agreed to continue the talks in a\n"
        "month.\n\nNext paragraph here."
    )
    assert [p.text.split()[0] for p in paragraphs(wrapped)] == ["The", "Next"]


def test_a_buttons_word_under_a_wrapped_looking_paragraph_is_its_own() -> None:
    """A paragraph at the page's width with a button's word glued under it ("分享", "Share")
    looks wrapped; the paragraph has ended (its stop) and the word has none: two paragraphs.
    A wrapped paragraph's short last line, with its stop or after a line without one, stays
    in it."""
    posts = [
        "中央氣象署最新資料顯示，颱風中心目前位於鵝鑾鼻南南東方約120公里海面，暴風圈已經觸及恆春半島。",
        "台鐵宣布，南迴線今晚8時起全線停駛，明日首班車視颱風狀況再行公告，高鐵明日維持正常營運。",
        "經濟部水利署表示，已在高屏地區預布移動式抽水機320台，台電則預先調度搶修人力約1.6萬人次。",
    ]
    text = "\n\n".join(f"{post}\n分享" for post in posts)
    assert [p.text for p in paragraphs(text)] == [x for post in posts for x in (post, "分享")]
    wrapped = (
        "The talks were described as constructive by both delegations, who met for\n"
        "three hours in the capital on Tuesday and agreed to continue the talks. They\n"
        "said so.\n\n"
        "The talks were described as constructive by both delegations, who met for\n"
        "three hours in the capital on Tuesday and agreed to continue talking for a\n"
        "month\n\nNext paragraph here."
    )
    assert [p.text.split()[0] for p in paragraphs(wrapped)] == ["The", "The", "Next"]


def test_count_words() -> None:
    assert count_words("Rare-earth metals, U.S. firms' 28.5 million tons") == 7


_WORDY = st.sampled_from([*"ab_9 -'.’\n\t—“”éЖ日\u0301\u00a0٣", "\ud800", "x" * 70])


@lru_cache(maxsize=1)
def _reference_word() -> re.Pattern[str]:
    """`\\w+(?:[-'’.]\\w+)*` with the combining marks as word characters, from `unicodedata`."""
    marks = "".join(
        chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")
    )
    inner = f"[\\w{re.escape(marks)}]"
    return re.compile(f"{inner}+(?:[-'’.]{inner}+)*")


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDY, max_size=60).map("".join), st.sets(st.characters(min_codepoint=128)))
@example(text="", more={"\ufada"})  # a code point of the kanji's blocks not yet assigned
def test_count_words_counts_what_the_expression_matches(text: str, more: set[str]) -> None:
    """The byte counting gives `\\w+(?:[-'’.]\\w+)*`'s count: joiners, scripts, marks, digits
    of other scripts, a lone surrogate, and past a few letters beyond ASCII (the fallback);
    a run of kanji or kana counts a word for every two characters. Lines are counted by the
    expression itself, long texts by their bytes: both are asked."""
    word = _reference_word()
    kanji_kana = re.compile(
        "[\u3005\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+"
    )

    def expected(text: str) -> int:
        runs = kanji_kana.findall(text)
        return len(word.findall(kanji_kana.sub(" ", text))) + sum((len(r) + 1) // 2 for r in runs)

    mixed = text + " " + "".join(more)
    for sample in (text, mixed):
        assert count_words(sample) == expected(sample)
        # (a line is counted by the expression, a text of 600 characters or more by its bytes)
        long = " ".join([sample] * (600 // (len(sample) + 1) + 1))
        assert len(long) >= 600 or not sample
        assert count_words(long) == expected(long)


def test_the_combining_marks_of_words_are_unicodes() -> None:
    """The table of combining marks written out in corpus/text.py is this Python's."""
    from corpus.text import MARK_RANGES

    table = {
        chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")
    }
    written = set()
    i = 0
    while i < len(MARK_RANGES):
        if i + 2 < len(MARK_RANGES) and MARK_RANGES[i + 1] == "-":
            written.update(chr(c) for c in range(ord(MARK_RANGES[i]), ord(MARK_RANGES[i + 2]) + 1))
            i += 3
        else:
            written.add(MARK_RANGES[i])
            i += 1
    assert written == table


def test_a_vowel_sign_is_part_of_its_word() -> None:
    assert count_words("मुख्य पृष्ठ") == 2  # Devanagari
    assert count_words("รถไฟฟ้า สายสีเขียว") == 2  # Thai
    assert count_words("ছবি") == 1  # Bengali


def test_chinese_and_japanese_count_a_word_for_every_two_characters() -> None:
    assert count_words("国际") == 1
    assert count_words("マーケット") == 3
    # NTT, 東日本は, 17, 日, 発表した
    assert count_words("NTT東日本は17日、発表した。") == 1 + 2 + 1 + 1 + 2


def test_chunks_cover_text_exactly_and_respect_limit() -> None:
    text = ("A sentence of prose here. " * 40 + "\n\n") * 30 + "x" * 5000
    pieces = list(chunks(text, 2000))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 2000 for _, piece in pieces)
    assert all(text[off : off + len(piece)] == piece for off, piece in pieces)
    # Cuts fall at paragraph ends where there is one in reach.
    assert pieces[0][1].endswith("\n\n") or pieces[0][1].endswith("\n")


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                "\u2068", "\u2069"],
)  # fmt: skip
def test_bidi_controls_are_shown_in_names_and_kept_in_text(control: str) -> None:
    name = f"invoice{control}gpj.exe"
    shown = sanitize_line(name)
    assert control not in shown
    assert f"⟨U+{ord(control):04X}⟩" in shown
    assert sanitize_line(shown) == shown  # a fixed point, as sanitize is
    assert sanitize(name) == name  # article text keeps them
    assert show_bidi("plain") == "plain"


def test_sanitize_line_is_one_line_and_safe() -> None:
    assert sanitize_line("a\nb\tc\x1b]2;T\x07d\x1b[2J") == "a b cd"


def test_terminal_safe_keeps_line_breaks_and_shows_bidi() -> None:
    assert terminal_safe("skipped x\x1b]52;c;UFdO\x07.txt:\n\u202eok") == (
        "skipped x.txt:\n⟨U+202E⟩ok"
    )


def test_close_bidi_ends_what_a_line_left_open() -> None:
    assert close_bidi("plain") == ""
    assert close_bidi("a\u202eb") == "\u202c"
    assert close_bidi("a\u2067b\u202bc") == "\u202c\u2069"
    assert close_bidi("a\u202eb\u202cc") == ""  # closed in the line itself
    assert close_bidi("a\u2066b\u2069c\u2069") == ""  # a stray PDI opens nothing


@settings(max_examples=300)
@given(st.text(alphabet="ab \n\t\r\x1b[]0;m\x07\x9b\x9c\x85\u2028\ufeff\ud800é", max_size=30))
def test_the_quick_look_changes_nothing_the_passes_would_not(text: str) -> None:
    """sanitize skips its passes when nothing in the text is theirs to change."""
    from corpus.text import _PASSES

    slow = text
    for pattern, replacement in _PASSES:
        slow = pattern.sub(replacement, slow)
    assert sanitize(text) == slow


def test_a_line_of_kanji_wraps_only_at_the_width() -> None:
    """Kanji and kana wrap at any character: a wrapped line is as long as the text's width.
    A caption's line longer than the width, its credit under it, is not wrapped; a paragraph
    wrapped at the width stays one."""
    lines = [
        "桜ケ丘が延長十回サヨナラ　2年ぶり甲子園",
        "2024年7月27日 17:48",
        "延長十回、サヨナラ打を放ち、ナインに迎えられる桜ケ丘の主将・小林蓮（中央）。スタンドの応援団も総立ちになった",
        "（撮影・中村翔）",
        "第106回全国高校野球選手権県大会の決勝が27日、県営球場で行われた。",
        "北陵は三回に先制したが、桜ケ丘は九回に追いつき、延長十回にサヨナラ勝ちした。",
        "主将の小林は「みんながつないでくれた」と話した。",
    ]
    text = f"{lines[0]}\n\n{lines[1]}\n\n{lines[2]}\n{lines[3]}\n\n" + "\n\n".join(lines[4:])
    assert [p.text for p in paragraphs(text)] == lines
    prose = (
        "県営球場で行われた決勝は延長十回までもつれ込み、桜ケ丘が二年ぶりの甲子園出場を決めた。" * 6
    )
    wrapped = "\n".join(prose[k : k + 40] for k in range(0, len(prose), 40))
    assert [p.text for p in paragraphs(wrapped)] == [wrapped]


def test_kanji_wrapped_by_columns_stays_one_paragraph() -> None:
    """A Japanese paragraph an editor wrapped at 80 columns: digits fill one column, kanji
    two, so its lines hold different numbers of characters; it is one paragraph."""
    prose = (
        "政府は2025年4月1日から、地方の路線バスを維持するための新たな交付金制度を始めると発表した。"
        "利用者の減少が続く山間部で、予約制の乗り合いワゴンへの切り替えを後押しする。2024年度の利用者"
        "は前年度比で約8％減り、運転手は120人不足している。"
    ) * 3
    lines, line = [], ""
    for char in prose:
        width = 1 if char.isascii() else 2
        if sum(1 if c.isascii() else 2 for c in line) + width > 80:
            lines.append(line)
            line = ""
        line += char
    lines.append(line)
    assert len({len(x) for x in lines[:-1]}) > 2  # (the characters a line holds vary)
    assert len(paragraphs("\n".join(lines))) == 1


def test_an_abbreviation_at_a_wrapped_lines_end_is_no_paragraphs_end() -> None:
    lines = [
        "The council met on Tuesday to discuss the new budget and agreed a consultation. Dr.",
        "Patel",
    ]
    other = "Another paragraph here that is long enough to set a width of text lines ok."
    text = "\n".join(lines) + f"\n\n{other}\n\n{other}"
    assert paragraphs(text)[0].text == "\n".join(lines)
