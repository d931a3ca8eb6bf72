from __future__ import annotations

import pytest

from corpus.text import chunks, count_words, paragraphs, sanitize


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


def test_count_words() -> None:
    assert count_words("Rare-earth metals, U.S. firms' 28.5 million tons") == 7


def test_chunks_cover_text_exactly_and_respect_limit() -> None:
    text = ("A sentence of prose here. " * 40 + "\n\n") * 30 + "x" * 5000
    pieces = list(chunks(text, 2000))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 2000 for _, piece in pieces)
    assert all(text[off : off + len(piece)] == piece for off, piece in pieces)
    # Cuts fall at paragraph ends where there is one in reach.
    assert pieces[0][1].endswith("\n\n") or pieces[0][1].endswith("\n")
