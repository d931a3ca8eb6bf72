"""Settings are read with clear problems and rewritten without losing what the user wrote."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from annotations.model import DEFAULT_LABELS
from reader.config import (
    DEFAULT_LABEL_DESCRIPTIONS,
    DESCRIPTION_LIMIT,
    Settings,
    load_settings,
    save_settings,
)

HAND_WRITTEN = """\
# My settings: comments stay.
theme = "textual-dark"   # the dark one
model = "/models/news-\U0001f4f0-\U000e0041"   # a path with characters past U+FFFF

labels = ["claim", "figure", "event", "source"]

[label_keys]
source = "r"   # r for reported speech

[keys]
"reader.next_quote" = "ctrl+n"
"""


def test_saving_keeps_comments_order_and_every_character(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, "utf-8")
    settings, problem = load_settings(path)
    assert problem is None
    assert settings.model == "/models/news-\U0001f4f0-\U000e0041"
    changed = settings.with_layers(entities=False)
    assert save_settings(changed, path) is None
    written = path.read_text("utf-8")
    for line in HAND_WRITTEN.splitlines():
        assert line in written  # comments, layout and the path, byte for byte
    again, problem = load_settings(path)
    assert problem is None
    assert again.model == settings.model and not again.layers.entities
    assert again.key_for("source") == "r" and again.keys == {"reader.next_quote": "ctrl+n"}


def test_a_theme_change_is_written_in_place(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, "utf-8")
    settings, _ = load_settings(path)
    from dataclasses import replace

    assert save_settings(replace(settings, theme="nord"), path) is None
    written = path.read_text("utf-8")
    assert 'theme = "nord"   # the dark one' in written
    assert written.count("theme =") == 1


def test_a_new_file_explains_itself_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    assert save_settings(Settings(theme="nord"), path) is None
    written = path.read_text("utf-8")
    assert written.startswith("# assay settings")
    data = tomllib.loads(written)
    assert data["theme"] == "nord" and data["layers"]["entities"] is True
    assert load_settings(path) == (Settings(theme="nord"), None)


def test_a_file_that_turned_unreadable_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [oops", "utf-8")
    problem = save_settings(Settings(), path)
    assert problem is not None and "could not be read" in problem
    assert path.read_text("utf-8") == "theme = [oops"


def test_layers_and_keys_that_are_not_tables_are_said_and_never_clobbered(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('layers = "all"\nkeys = 3\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is not None and "layers should be a table" in problem
    assert "keys should be a table" in problem
    assert save_settings(settings, path) is not None
    assert path.read_text("utf-8") == 'layers = "all"\nkeys = 3\n'


LABEL_TABLES = """\
# Our team's labels, in the order we tag them.
theme = "textual-dark"

[labels.event]   # first: the order of the tables is the order of the labels
description = "A dated happening: a vote, a strike, a summit"
key = "v2"

[keys]
"reader.next_quote" = "ctrl+n"

[labels.claim]
description = "Checkable, by the writer or a source"
colour = "error"

[labels.source]
"""


def test_label_tables_give_the_labels_in_order_with_descriptions_keys_and_colours(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(LABEL_TABLES.replace('"v2"', '"E"'), "utf-8")
    settings, problem = load_settings(path)
    assert problem is None
    assert settings.labels == ("event", "claim", "source")
    assert settings.description_for("event") == "A dated happening: a vote, a strike, a summit"
    assert settings.description_for("claim") == "Checkable, by the writer or a source"
    # A default label keeps its default description when its table gives none.
    assert settings.description_for("source") == DEFAULT_LABEL_DESCRIPTIONS["source"]
    assert settings.key_for("event") == "E" and settings.key_for("claim") == "c"
    assert settings.colour_for("claim") == "error"
    assert settings.keys == {"reader.next_quote": "ctrl+n"}


def test_the_list_form_still_works_and_default_labels_have_default_descriptions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('labels = ["figure", "claim", "quote"]\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.labels == ("figure", "claim", "quote")
    assert settings.description_for("figure") == DEFAULT_LABEL_DESCRIPTIONS["figure"]
    assert settings.description_for("quote") == ""
    for label in DEFAULT_LABELS:
        description = Settings().description_for(label)
        assert 20 < len(description) <= DESCRIPTION_LIMIT and "\n" not in description


def test_an_empty_description_hides_the_default_one(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[labels.claim]\ndescription = ""\n[labels.figure]\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.labels == ("claim", "figure")
    assert settings.description_for("claim") == ""
    assert settings.description_for("figure") == DEFAULT_LABEL_DESCRIPTIONS["figure"]


def test_a_description_is_one_safe_line_of_plain_text_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    hostile = (
        'description = "Said by \\u001b]52;c;QUJD\\u0007[bold]one[/bold]\\u001b[31m\\n\\t'
        '[US President Donald] Trump \\u202eevil"\n'
    )
    path.write_text(f"[labels.claim]\n{hostile}[labels.figure]\ndescription = '{'x' * 500}'\n")
    settings, problem = load_settings(path)
    claim = settings.description_for("claim")
    assert claim == "Said by [bold]one[/bold] [US President Donald] Trump ⟨U+202E⟩evil"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in claim)
    figure = settings.description_for("figure")
    assert len(figure) == DESCRIPTION_LIMIT and figure.endswith("…")
    assert problem is not None
    assert f"labels.figure.description is longer than {DESCRIPTION_LIMIT} characters" in problem


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("labels = 3\n", "labels should be a list of names, or a table per label"),
        ("labels = []\n", "labels should be a list of names"),
        ('labels = ["a", "[b]"]\n', "labels should be a list of names"),
        ("labels = {}\n", "labels names no label that can be used"),
        ('[labels."[bold]x"]\n', "labels.[bold]x: a label name is printable"),
        ('[labels]\nclaim = "Checkable"\n', "labels.claim should be a table"),
        ("[labels.claim]\ndescription = 3\n", "labels.claim.description should be a string"),
        ("[labels.claim]\ndescribe = 'x'\n", "labels.claim.describe is not a label setting"),
        ("[labels.claim]\nkey = 'j'\n", "labels.claim.key: 'j' is already taken"),
        ("[labels.claim]\nkey = 5\n", "labels.claim.key names no label or no key"),
        ("[labels.claim]\ncolour = 'pink'\n", "labels.claim.colour should be one of"),
        (
            "[labels.claim]\nkey = 'C'\n[label_keys]\nclaim = 'K'\n",
            "label_keys.claim and labels.claim.key differ; using label_keys",
        ),
    ],
)
def test_bad_label_settings_are_said_and_never_crash(
    tmp_path: Path, written: str, said: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(written, "utf-8")
    settings, problem = load_settings(path)
    assert problem is not None and said in problem, problem
    assert settings.labels  # always some labels to tag with
    assert all("[" not in label for label in settings.labels)


def test_a_label_with_a_bad_value_is_still_a_label(tmp_path: Path) -> None:
    """A label with a bad value is still a label (its name is good): only the value is
    dropped, so the annotations made with it keep their label."""
    path = tmp_path / "config.toml"
    path.write_text("[labels.claim]\ndescription = 3\n[labels.source]\n", "utf-8")
    settings, _problem = load_settings(path)
    assert settings.labels == ("claim", "source")
    assert settings.description_for("claim") == DEFAULT_LABEL_DESCRIPTIONS["claim"]


def test_rewriting_the_settings_keeps_label_tables_intact(tmp_path: Path) -> None:
    """The app rewrites theme and [layers] with tomlkit; the label tables, out of order
    around [keys] as a user may write them, come back byte for byte and read the same."""
    path = tmp_path / "config.toml"
    path.write_text(LABEL_TABLES.replace('"v2"', '"E"'), "utf-8")
    settings, problem = load_settings(path)
    assert problem is None
    from dataclasses import replace

    changed = replace(settings.with_layers(quotes=False, fold_boilerplate=True), theme="nord")
    assert save_settings(changed, path) is None
    written = path.read_text("utf-8")
    body = LABEL_TABLES.replace('"v2"', '"E"').replace('theme = "textual-dark"', 'theme = "nord"')
    assert written.startswith(body)  # everything as written; [layers] added after it
    again, problem = load_settings(path)
    assert problem is None
    assert again == changed
    assert save_settings(changed.with_layers(quotes=True), path) is None  # and a second time
    assert load_settings(path)[0] == changed.with_layers(quotes=True)
    assert path.read_text("utf-8").startswith(body)


def test_a_new_settings_file_shows_the_label_table_form_in_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert save_settings(Settings(), path) is None
    written = path.read_text("utf-8")
    lines = written.splitlines()
    table = next(i for i, line in enumerate(lines) if line.startswith("# [labels.claim]"))
    assert lines[table + 1].startswith('# description = "')
    assert load_settings(path) == (Settings(), None)


def test_relation_labels_are_a_list_of_names(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('relation_labels = ["attributed", "source", "attributed"]\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is None and settings.relation_labels == ("attributed", "source")
    for bad in ('relation_labels = "source"', "relation_labels = []", 'relation_labels = [""]',
                "relation_labels = [3]"):  # fmt: skip
        path.write_text(bad + "\n", "utf-8")
        settings, problem = load_settings(path)
        assert problem is not None and "relation_labels should be a list of names" in problem
        assert settings.relation_labels == ("source",)
