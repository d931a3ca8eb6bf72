"""Settings are read with clear problems and rewritten without losing what the user wrote."""

from __future__ import annotations

import tomllib
from pathlib import Path

from reader.config import Settings, load_settings, save_settings

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
