"""Selecting by keyboard: the units a selection snaps to, and how its head moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.config import load_settings
from reader.selection import Selection, Words

TEXT = "Moscow's U.S. deal isn't done: 2,000.5 tons, well-known. Next one here."


def test_words_split_as_the_tokenizer_does() -> None:
    words = Words(TEXT)
    assert [TEXT[s:e] for s, e in words.spans] == [
        "Moscow", "'s", "U.S.", "deal", "is", "n't", "done", ":", "2,000.5", "tons", ",",
        "well", "-", "known", ".", "Next", "one", "here", ".",
    ]  # fmt: skip
    assert words.next_word(6, 1) == 8  # past the colon to the number
    assert words.next_word(0, -1) == 0  # nothing before: stays


def test_head_moves_turn_the_selection_around_the_anchor() -> None:
    words = Words(TEXT)
    selection = Selection(3, 3)
    assert TEXT[slice(*selection.bounds(words))] == "deal"
    selection = selection.move(5, words)
    assert TEXT[slice(*selection.bounds(words))] == "deal isn't"
    selection = selection.move(1, words)
    assert TEXT[slice(*selection.bounds(words))] == "'s U.S. deal"
    assert selection.move(99, words).head == len(words) - 1


def test_by_sentence() -> None:
    words = Words(TEXT)
    sentences = [(0, 57), (57, len(TEXT))]
    selection = Selection(3, 3).by_sentence(1, words, sentences)
    assert TEXT[slice(*selection.bounds(words))] == "deal isn't done: 2,000.5 tons, well-known."
    selection = selection.by_sentence(1, words, sentences)
    assert TEXT[slice(*selection.bounds(words))].endswith("Next one here.")
    selection = selection.by_sentence(-1, words, sentences)
    assert TEXT[slice(*selection.bounds(words))].endswith(
        "deal isn't done: 2,000.5 tons, well-known. Next"
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab 1,.'’-\n\u05d0😀", max_size=60), st.data())
def test_a_selection_always_covers_whole_units(text: str, data: st.DataObject) -> None:
    for characters in (False, True):
        words = Words(text, characters)
        if not len(words):
            continue
        anchor = data.draw(st.integers(0, len(words) - 1))
        selection = Selection(anchor, anchor)
        for step in data.draw(st.lists(st.integers(-3, 3), max_size=6)):
            selection = selection.move(selection.head + step, words)
        start, end = selection.bounds(words)
        assert 0 <= start < end <= len(text)
        assert start in words.starts and end in {e for _s, e in words.spans}
        assert not text[start].isspace() and not text[end - 1].isspace()


def test_label_keys_and_colours_from_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(
        'labels = ["claim", "figure", "event", "source"]\nselect_characters = true\n'
        '[label_keys]\nsource = "r"\nevent = "j"\n[label_colours]\nsource = "error"\n'
        'claim = "hotpink"\n',
        "utf-8",
    )
    settings_, problem = load_settings(path)
    assert settings_.select_characters
    assert settings_.key_for("source") == "r" and settings_.key_for("claim") == "c"
    assert settings_.key_for("event") == "e"  # "j" moves the cursor: refused, and said
    assert settings_.colour_for("source") == "error" and settings_.colour_for("claim") == "accent"
    assert problem is not None and "already taken" in problem and "label_colours.claim" in problem
