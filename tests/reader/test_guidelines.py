"""Guidelines in the tool: label descriptions when tagging and in help, and the workspace's
guidelines.md on a key, from the reader or any other screen, whatever the file holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Static

import reader.guidelines as guidelines_module
from reader.config import DEFAULT_LABEL_DESCRIPTIONS, Settings, load_settings
from reader.guidelines import (
    Guidelines,
    GuidelinesScreen,
    GuidelinesView,
    read_guidelines,
    render_page,
)
from reader.help import HelpScreen
from tests.reader.conftest import MakeApp, wait_for
from tests.reader.test_annotate import find, ready, settle

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE = (
    "# Team guidelines\n\n"
    "Tag what [US President Donald] Trump claims; [bold]not bold[/bold] and [red]x[/].\n\n"
    "Clipboard \x1b]52;c;SGVsbG8=\x07 and colour \x1b[31mred\x1b[0m and title \x1b]2;pwned\x07.\n\n"
    "- a list item with `code` and [a link](https://example.org/x)\n\n"
    "## Figures\n\n" + "A line about figures to scroll through.\n\n" * 60
)


def workspace(make_app: MakeApp) -> Path:
    """The workspace the apps of `make_app` use (made, so guidelines can be put in it)."""
    root: Path = make_app().workspace
    root.mkdir(parents=True, exist_ok=True)
    return root


async def open_guidelines(pilot: Any, key: str = "D") -> GuidelinesView:
    """Press `key` and wait until the guidelines page is laid out."""
    await pilot.press(key)
    app = pilot.app
    assert isinstance(app.screen, GuidelinesScreen)
    view = app.screen.query_one(GuidelinesView)
    await wait_for(pilot, lambda: view.width_laid_out is not None)
    await pilot.pause()
    return view


def page_text(view: GuidelinesView) -> str:
    """The page's words, with its line breaks and padding as single spaces."""
    return " ".join(" ".join(view.plain_lines()).split())


# --- reading the file ---------------------------------------------------------------------


def test_a_missing_file_says_where_to_put_one_and_what_it_is_for(tmp_path: Path) -> None:
    found = read_guidelines(tmp_path)
    assert found.text is None and found.problem is not None
    assert str(tmp_path / "guidelines.md") in found.problem
    assert "Markdown" in found.problem and "what each label covers" in found.problem


def test_a_file_that_is_not_utf8_is_said_not_shown(tmp_path: Path) -> None:
    (tmp_path / "guidelines.md").write_bytes("Définitions: café\n".encode("latin-1"))
    found = read_guidelines(tmp_path)
    assert found.text is None and found.problem is not None
    assert "is not UTF-8 text (byte 0xe9 at position 1 does not decode)" in found.problem


def test_a_folder_or_an_unreadable_file_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "guidelines.md").mkdir()
    found = read_guidelines(tmp_path)
    assert found.problem is not None and "is a folder, not a file" in found.problem
    (tmp_path / "guidelines.md").rmdir()
    (tmp_path / "guidelines.md").write_text("# ok\n", "utf-8")

    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refused)  # chmod does not stop root, who runs CI
    found = read_guidelines(tmp_path)
    assert found.text is None and found.problem is not None
    assert found.problem.endswith("guidelines.md could not be read: Permission denied.")


def test_an_empty_file_says_it_is_empty_and_what_to_write(tmp_path: Path) -> None:
    (tmp_path / "guidelines.md").write_text("  \n\n", "utf-8")
    found = read_guidelines(tmp_path)
    assert found.problem is not None and "guidelines.md is empty" in found.problem
    assert "what each label covers" in found.problem


def test_a_very_large_file_is_cut_at_a_whole_line_even_inside_a_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guidelines_module, "GUIDELINES_LIMIT", 1000)
    line = "Un événement daté — “un vote”.\n"  # several bytes per character
    (tmp_path / "guidelines.md").write_text(line * 200, "utf-8")
    found = read_guidelines(tmp_path)
    assert found.cut and found.text is not None
    assert len(found.text.encode("utf-8")) <= 1000
    assert found.text.endswith(line) and set(found.text.splitlines()) == {line.strip()}


def test_escape_sequences_and_controls_never_reach_the_page(tmp_path: Path) -> None:
    (tmp_path / "guidelines.md").write_text(HOSTILE + "\x9b31m\x07\x00\r\n", "utf-8")
    found = read_guidelines(tmp_path)
    assert found.text is not None and not CONTROLS.search(found.text)
    assert "SGVsbG8" not in found.text and "pwned" not in found.text
    for strip in render_page(found, 60):
        for segment in strip:
            assert not CONTROLS.search(segment.text)
            assert segment.control is None


def test_markdown_rich_cannot_lay_out_is_shown_as_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import rich.markdown

    class Broken:
        def __init__(self, *_args: Any, **_kwargs: Any) -> None:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(rich.markdown, "Markdown", Broken)
    page = render_page(Guidelines(tmp_path, "> " * 500 + "deep"), 40)
    text = " ".join(" ".join(strip.text for strip in page).split())
    assert "could not be laid out as Markdown: maximum recursion depth" in text
    assert "deep" in text


def test_markdown_nested_past_the_width_is_shown_as_written(tmp_path: Path) -> None:
    """Rich lays quotes nested 500 deep out into no room: nothing would show."""
    page = render_page(Guidelines(tmp_path, "> " * 500 + "deep"), 40)
    text = " ".join(" ".join(strip.text for strip in page).split())
    assert "could not be laid out as Markdown: nothing of it fits the page" in text
    assert text.endswith("deep")


# --- the page -----------------------------------------------------------------------------


async def test_the_guidelines_open_from_the_reader_scroll_and_close(make_app: MakeApp) -> None:
    (workspace(make_app) / "guidelines.md").write_text(HOSTILE, "utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = await open_guidelines(pilot)
        text = page_text(view)
        assert "Team guidelines" in text
        # Text, never markup: brackets stay as written.
        assert "[US President Donald] Trump" in text
        assert "[bold]not bold[/bold] and [red]x[/]." in text
        assert "Clipboard and colour red and title ." in text  # sequences removed whole
        assert "a link (https://example.org/x)" in text  # written out, not made live
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3
        await pilot.press("k")
        assert view.scroll_y == 2
        await pilot.press("space")
        assert view.scroll_y > 10
        before = view.scroll_y
        await pilot.press("b")
        assert view.scroll_y < before
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 50
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("escape")
        assert app.screen is app.reader
        await open_guidelines(pilot)
        await pilot.press("q")
        assert app.screen is app.reader
        await open_guidelines(pilot)
        await pilot.press("D")  # the key that opened them closes them
        assert app.screen is app.reader


async def test_a_missing_file_is_explained_on_the_page(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = await open_guidelines(pilot)
        text = page_text(view)
        path = str(app.workspace / "guidelines.md")  # no space in it: folded where it is long
        assert path in "".join(text.split())
        title = str(app.screen.query_one("#guidelines-title", Static).render())
        assert path in title
        assert "This workspace has no guidelines yet. Write them in Markdown" in text
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_a_file_that_is_not_utf8_is_explained_on_the_page(make_app: MakeApp) -> None:
    (workspace(make_app) / "guidelines.md").write_bytes(b"\xff\xfe# Guidelines in UTF-16")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = await open_guidelines(pilot)
        assert "is not UTF-8 text" in page_text(view)


async def test_a_cut_file_says_so_at_the_top(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guidelines_module, "GUIDELINES_LIMIT", 2048)
    (workspace(make_app) / "guidelines.md").write_text(HOSTILE * 10, "utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_guidelines(pilot)
        note = app.screen.query_one("#guidelines-note", Static)
        assert "Only the first 2 KB of the file are shown here" in str(note.render())


async def test_the_page_is_laid_out_again_at_a_new_width(make_app: MakeApp) -> None:
    (workspace(make_app) / "guidelines.md").write_text(HOSTILE, "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = await open_guidelines(pilot)
        wide = view.width_laid_out
        assert wide is not None and all(len(line) <= wide for line in view.plain_lines())
        await pilot.resize_terminal(60, 24)
        await wait_for(pilot, lambda: view.width_laid_out != wide)
        narrow = view.width_laid_out
        assert narrow is not None and narrow < wide
        assert all(len(line.rstrip()) <= narrow for line in view.plain_lines())
        assert "[US President Donald]" in page_text(view)


async def test_the_guidelines_key_works_over_another_screen_and_goes_back_to_it(
    make_app: MakeApp,
) -> None:
    """Review is another screen: the app's key opens the guidelines over it."""
    (workspace(make_app) / "guidelines.md").write_text("# Review rules\n", "utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        other = Screen[None]()
        await app.push_screen(other)
        view = await open_guidelines(pilot)
        assert "Review rules" in page_text(view)
        await pilot.press("escape")
        assert app.screen is other


async def test_the_guidelines_key_is_remapped_like_the_others_and_in_the_palette(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from reader.commands import AssayCommands

    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"app.guidelines" = "ctrl+g"\n', "utf-8")
    settings, problem = load_settings(config)
    assert problem is None
    (workspace(make_app) / "guidelines.md").write_text("# Rules\n", "utf-8")
    app = make_app(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("D")
        assert app.screen is app.reader  # moved away
        await open_guidelines(pilot, "ctrl+g")
        await pilot.press("ctrl+g")
        assert app.screen is app.reader
        commands = {name: (text, run) for name, text, run in AssayCommands(app.screen)._actions()}
        text, run = commands["Guidelines"]
        assert text.endswith("(ctrl+g)")
        await run()
        await pilot.pause()
        assert isinstance(app.screen, GuidelinesScreen)


async def test_the_title_bar_says_when_the_workspace_has_guidelines(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        assert "guidelines" not in str(app.query_one("#title-bar").render())
    (workspace(make_app) / "guidelines.md").write_text("# Rules\n", "utf-8")
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        title = str(app.query_one("#title-bar").render())
        assert "D opens the guidelines" in title


async def test_help_lists_the_guidelines_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = [str(s.render()) for s in app.screen.query(Static)]
        assert any(re.match(r"\s+D\s+Guidelines\s+app\.guidelines", row) for row in rows)


# --- label descriptions -------------------------------------------------------------------


def described_settings(tmp_path: Path) -> Settings:
    config = tmp_path / "labels.toml"
    config.write_text(
        "analyse_corpus = false\n"
        "[labels.claim]\n"
        'description = "Checkable [bold]fact[/bold], as [US President Donald] Trump \\u001b[31m'
        'says"\n'
        "[labels.figure]\n"
        "[labels.source]\n"
        'description = "Who said it"\n'
        'key = "r"\n',
        "utf-8",
    )
    settings, problem = load_settings(config)
    assert problem is None
    return settings


CLAIM = "Checkable [bold]fact[/bold], as [US President Donald] Trump says"


async def test_help_lists_each_label_with_its_key_and_description(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(settings=described_settings(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = [str(s.render()) for s in app.screen.query(Static)]
        start = rows.index("\nLabels (tag in the reader; relabel in the panel)")
        labels = [row.strip() for row in rows[start + 1 : start + 6]]
        assert re.fullmatch(r"c\s+Tag as claim; panel: relabel\s+annotate\.tag_claim", labels[0])
        assert labels[1] == CLAIM  # as written: no markup read, the escape removed
        assert labels[2].startswith("f") and labels[3] == DEFAULT_LABEL_DESCRIPTIONS["figure"]
        assert labels[4].startswith("r") and "annotate.tag_source" in labels[4]
        assert rows[start + 6].strip() == "Who said it"


async def test_a_selection_names_the_label_keys_and_tagging_says_what_the_label_means(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(settings=described_settings(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, article=2)
        await find(pilot, "Putin")
        await pilot.press("v", "w")
        await pilot.pause()
        status = str(app.query_one("#reader-status", Static).render())
        assert "selected: 2 words · c claim · f figure · r source · y copies" in status
        await pilot.press("c")
        await settle(pilot)
        said = [n.message for n in app._notifications if n.message.startswith("Saved claim")]
        assert len(said) == 1 and said[0].endswith(f"\nclaim: {CLAIM}")
        await find(pilot, "Putin")
        await pilot.press("r")
        await settle(pilot)
        said = [n.message for n in app._notifications if n.message.startswith("Saved source")]
        assert said == ["Saved source: “Putin”\nsource: Who said it"]


async def test_relabelling_says_what_the_new_label_means_and_no_description_says_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
    settings = Settings(
        analyse_corpus=False,
        labels=("claim", "figure", "event", "quote"),
        label_keys={"quote": "r"},
    )
    app = make_app(settings=settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, article=2)
        await find(pilot, "Putin")
        await pilot.press("r")
        await settle(pilot)
        said = [n.message for n in app._notifications if n.message.startswith("Saved quote")]
        assert said == ["Saved quote: “Putin”"]  # a label of one's own, not described
        await pilot.press("tab")  # the panel, on the annotation
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        said = [n.message for n in app._notifications if n.message.startswith("Relabelled")]
        assert said == [
            f"Relabelled as event: event “Putin”\nevent: {DEFAULT_LABEL_DESCRIPTIONS['event']}"
        ]
