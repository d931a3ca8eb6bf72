"""Annotating by keyboard (Pilot): selecting, tagging, editing, suggestions, undo, status, copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events

from annotations.store import Store
from annotations.workspace import Workspace
from reader import clipboard
from reader.app import AssayApp
from reader.config import Settings
from reader.dialogs import ConfirmScreen, NoteScreen
from reader.help import key_table
from reader.layout import line_of
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel
from tests.reader.conftest import MakeApp, analysed, settled, wait_for

TONS = "2 million tons"


def saved(app: AssayApp, tmp_path: Path, article_id: str) -> list[Any]:
    """What is on disk for the article (read as another process would)."""
    with Store.open(tmp_path / "ws", "maria", read_only=True) as store:
        return store.for_article(article_id)


async def ready(pilot: Any, article: int = 0) -> ArticleView:
    """The store open, article `article` of the corpus open and analysed, the reader focused."""
    app = pilot.app
    await wait_for(pilot, lambda: app.reader.session.store is not None and len(app.order) == 5)
    if article:
        app.query_one(ArticleList).move_to(app.order[article])
        app.open_article(app.order[article])
    view = await analysed(pilot)
    await wait_for(pilot, lambda: app.reader.state is not None)
    await settled(pilot)
    view.focus()
    await pilot.pause()
    return view


async def settle(pilot: Any) -> None:
    await settled(pilot)
    await pilot.pause()


async def find(pilot: Any, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")


async def test_a_label_key_tags_the_sentence_and_it_is_on_disk(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        view.action_cursor(1)
        start, end, what = view.target()
        assert what == "sentence"
        await pilot.press("c")
        # Drawn as saving at once, saved when the store says so.
        assert view.saving == [(start, end, "claim")] or view.annotations
        await settle(pilot)
        assert [(a.start, a.end, a.label) for a in view.annotations] == [(start, end, "claim")]
        assert not view.saving
        article = app.reader.current
        assert article is not None
        on_disk = saved(app, tmp_path, article.id)
        assert [(a.start, a.end, a.label, a.text) for a in on_disk] == [
            (start, end, "claim", article.text[start:end])
        ]
        # The text is kept beside its offsets, and the list counts the annotation.
        assert Workspace(tmp_path / "ws").article(article.id) is not None
        row = app.query_one(ArticleList).by_id[article.id]
        assert (row.annotations, row.status) == (1, "in progress")
        assert view._gutter_note(view.lines[line_of(view._line_starts, start)]) == "C"
        await pilot.press("c")  # the same span and label again: said, not doubled
        await settle(pilot)
        assert len(saved(app, tmp_path, article.id)) == 1


async def test_find_then_f_tags_exactly_the_found_words(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, TONS)
        await pilot.press("f")
        await settle(pilot)
        assert app.reader.current is not None
        assert [(a.text, a.label) for a in saved(app, tmp_path, app.reader.current.id)] == [
            (TONS, "figure")
        ]
        assert view.focus_span is not None


async def test_visual_selection_by_word_sentence_and_paragraph(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, "Putin suggested")
        text = app.reader.current.text  # type: ignore[union-attr]

        def selected() -> str:
            assert view.selection is not None
            start, end = view.selection.bounds(view.words)
            return text[start:end]

        await pilot.press("v")  # the found span's words
        assert selected() == "Putin suggested"
        await pilot.press("l", "l")
        assert selected() == "Putin suggested Russia could"
        await pilot.press("h")
        assert selected() == "Putin suggested Russia"
        await pilot.press("w", "w")
        assert selected() == "Putin suggested Russia could supply"
        await pilot.press("b")
        assert selected() == "Putin suggested Russia could"
        await pilot.press("j")  # to the end of the sentence
        assert selected().startswith("Putin suggested") and selected().endswith("prices.")
        await pilot.press("k")  # back to the sentence's start: the anchor's word
        assert selected() == "Putin"
        await pilot.press("escape")
        assert view.selection is None
        await pilot.press("shift+right")  # an editor's way in: starts a selection
        assert view.selection is not None and len(selected().split()) == 2
        await pilot.press("shift+down")
        assert selected().endswith("prices.")
        await pilot.press("V")
        start, end = view.selection.bounds(view.words)
        assert text[start:end].startswith("Putin suggested") and "\n" not in text[start:end]
        await pilot.press("e")
        await settle(pilot)
        assert view.selection is None
        assert [a.label for a in view.annotations] == ["event"]


async def test_character_precision_setting(make_app: MakeApp) -> None:
    app = make_app(settings=Settings(analyse_corpus=False, select_characters=True))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, TONS)
        await pilot.press("v", "h", "h", "h")  # s, n, o: off, one character each
        start, end = view.selection.bounds(view.words)  # type: ignore[union-attr]
        assert app.reader.current.text[start:end] == "2 million t"  # type: ignore[union-attr]


async def test_selections_snap_to_the_exported_tokens() -> None:
    from corpus.loader import builtin_paths
    from corpus.nlp import choose_pipeline
    from corpus.tokens import Tokenizer
    from reader.selection import Words

    choice = choose_pipeline(None)
    if not choice.has_entities:
        pytest.skip("no spaCy pipeline")
    text = builtin_paths()[2].read_text("utf-8")
    tokens = Tokenizer(choice, None, processes=1).tokenize(text)
    spacy_spans = set(zip(tokens.starts, tokens.ends, strict=True))
    ours = Words(text).spans
    agree = sum(1 for span in ours if span in spacy_spans)
    assert agree / len(ours) > 0.98, [text[s:e] for s, e in ours if (s, e) not in spacy_spans]


async def test_editing_an_annotation_from_the_reader(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, "2 million")
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("enter")  # edit the annotation under the cursor
        assert view.editing is not None
        await pilot.press("l")  # grow its end by a word
        await pilot.press("enter")  # and save, same label
        await settle(pilot)
        [annotation] = saved(app, tmp_path, app.reader.current.id)  # type: ignore[union-attr]
        assert (annotation.text, annotation.label) == (TONS, "figure")
        await pilot.press("enter", "e")  # edit again: a label key saves with that label
        await settle(pilot)
        [annotation] = saved(app, tmp_path, app.reader.current.id)  # type: ignore[union-attr]
        assert (annotation.text, annotation.label) == (TONS, "event")
        await pilot.press("enter", "l", "escape")  # escape leaves it as it was
        await settle(pilot)
        assert saved(app, tmp_path, app.reader.current.id)[0].text == TONS  # type: ignore[union-attr]


async def test_the_panel_relabels_resizes_notes_and_deletes(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, article=2)
        await find(pilot, TONS)
        await pilot.press("f")
        await settle(pilot)
        side = app.query_one("#side", SidePanel)
        side.focus()
        side.highlighted = side.get_option_index(f"a:{app.reader.state.annotations[0].id}")  # type: ignore[union-attr]
        article_id = app.reader.current.id  # type: ignore[union-attr]

        async def only() -> Any:
            await settle(pilot)
            [annotation] = saved(app, tmp_path, article_id)
            return annotation

        await pilot.press("c")
        assert (await only()).label == "claim"
        await pilot.press("l")
        assert (await only()).text == f"{TONS} of"
        await pilot.press("h", "H")
        assert (await only()).text == f"around {TONS}"
        await pilot.press("L")
        assert (await only()).text == TONS
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        await pilot.press(*"per year?")
        await pilot.press("enter")
        assert (await only()).note == "per year?"
        assert side.highlighted_item() is not None  # the row stays highlighted
        await pilot.press("d")
        await settle(pilot)
        assert saved(app, tmp_path, article_id) == []


async def test_undo_and_redo_every_change_across_a_restart(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("j", "j", "e")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        article_id = app.reader.current.id  # type: ignore[union-attr]
        assert app.reader.state.status == "done"  # type: ignore[union-attr]
        await pilot.press("u")  # the status
        await settle(pilot)
        assert app.reader.state.status == "in progress"  # type: ignore[union-attr]
        await pilot.press("u")  # the event
        await settle(pilot)
        assert [a.label for a in view.annotations] == ["claim"]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=3)  # elsewhere: undo goes back to the change
        await pilot.press("u")
        await settle(pilot)
        assert app.reader.current.id == article_id  # type: ignore[union-attr]
        assert saved(app, tmp_path, article_id) == []
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert [a.label for a in saved(app, tmp_path, article_id)] == ["claim"]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert sorted(a.label for a in saved(app, tmp_path, article_id)) == ["claim", "event"]
        assert sorted(a.label for a in view.annotations) == ["claim", "event"]


async def test_s_marks_done_and_the_list_follows(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("s")
        await settle(pilot)
        row = articles.by_id[app.reader.current.id]  # type: ignore[union-attr]
        assert row.status == "done"
        assert "1 done (20%)" in articles.progress()
        assert "1 done" in str(app.query_one("#list-status").render())
        await pilot.press("s")  # again: no longer done
        await settle(pilot)
        assert row.status == "todo"


async def test_suggestions_accept_reject_and_accept_all(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot, article=2)
        article_id = app.reader.current.id  # type: ignore[union-attr]
        figures = [s for s in view.suggestions if s.kind == "figure"]
        quotes = [s for s in view.suggestions if s.kind == "quote"]
        assert len(figures) >= 3 and quotes
        assert all(s.label == "claim" and s.attrs.get("speaker") for s in quotes)
        await pilot.press("m")  # the first figure
        first = view.suggestions_at(*view.at_cursor())[0]
        await pilot.press("a")
        await settle(pilot)
        [accepted] = saved(app, tmp_path, article_id)
        assert (accepted.start, accepted.end, accepted.origin) == (
            first.start, first.end, "suggested:figure")  # fmt: skip
        assert first.key not in {s.key for s in view.suggestions}
        await pilot.press("m")
        second = view.suggestions_at(*view.at_cursor())[0]
        await pilot.press("x")
        await settle(pilot)
        assert second.key not in {s.key for s in view.suggestions}
        assert len(saved(app, tmp_path, article_id)) == 1
        # A quote: a claim with its speaker, and the speaker's mention as its linked source.
        await pilot.press("g", "q")
        quote = view.suggestions_at(*view.at_cursor())[0]
        await pilot.press("a")
        await settle(pilot)
        claims = [a for a in saved(app, tmp_path, article_id) if a.label == "claim"]
        assert claims[0].attrs["speaker"] == quote.attrs["speaker"]
        assert claims[0].origin == "suggested:quote"
        assert len(saved(app, tmp_path, article_id)) == 3  # the figure, the claim, its source
        left = [s for s in view.suggestions if s.kind == "figure"]
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # declined: nothing happens
        await settle(pilot)
        assert len(saved(app, tmp_path, article_id)) == 3
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)
        assert len(saved(app, tmp_path, article_id)) == 3 + len(left)
        assert not [s for s in view.suggestions if s.kind == "figure"]
        await pilot.press("u")  # one undo takes the whole batch back
        await settle(pilot)
        assert len(saved(app, tmp_path, article_id)) == 3
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot, article=2)
        assert second.key not in {s.key for s in view.suggestions}  # rejected stays rejected


async def test_y_copies_with_a_citation(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, article=2)
        await find(pilot, TONS)
        notes: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(str(message)))
        await pilot.press("v", "y")
        assert app.clipboard.splitlines()[0] == TONS
        title = app.reader.current.title  # type: ignore[union-attr]
        assert title in app.clipboard.splitlines()[1]
        assert "OSC 52" in notes[-1]
        # Where a system clipboard works, it gets the text.
        copied: list[str] = []
        monkeypatch.setattr(clipboard, "system_clipboard_usable", lambda: True)
        monkeypatch.setattr("pyperclip.copy", copied.append)
        monkeypatch.setattr("pyperclip.paste", lambda: copied[-1] if copied else "")
        await pilot.press("escape", "y")  # no selection: the sentence under the cursor
        assert copied and copied[0].startswith("Putin suggested") and TONS in copied[0]
        assert "system clipboard" in notes[-1]

        def broken(_text: str) -> None:
            raise RuntimeError("no clipboard tool")

        monkeypatch.setattr("pyperclip.copy", broken)  # falls back, never raises
        await pilot.press("y")
        assert "OSC 52" in notes[-1]
        monkeypatch.setattr("pyperclip.copy", lambda _text: None)  # "works", copies nothing
        monkeypatch.setattr("pyperclip.paste", lambda: "what was there before")
        await pilot.press("y")
        assert "OSC 52" in notes[-1]


async def test_read_only_keys_say_why_nothing_is_saved(make_app: MakeApp, tmp_path: Path) -> None:
    holder = Store.open(tmp_path / "ws", "maria")
    try:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            notes: list[str] = []
            monkeypatch_notify = app.notify
            app.notify = lambda message, **kw: (notes.append(str(message)),  # type: ignore[method-assign]
                                                monkeypatch_notify(message, **kw))  # fmt: skip
            for key in ("c", "s", "u"):
                await pilot.press(key)
                assert "Nothing is saved" in notes[-1] and "another assay" in notes[-1]
            assert "READ-ONLY" in str(app.query_one("#title-bar").render())
        assert holder.for_article(app.order[0]) == []
    finally:
        holder.close()


async def test_the_mouse_selects_by_dragging(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await pilot.mouse_down(ArticleView, offset=(4, 1))
        # A drag: motion with the button held (Pilot's hover moves with no button).
        await pilot._post_mouse_events([events.MouseMove], ArticleView, offset=(20, 2), button=1)
        await pilot.mouse_up(ArticleView, offset=(20, 2))
        assert view.selection is not None
        start, end = view.selection.bounds(view.words)
        assert len(app.reader.current.text[start:end].split()) >= 4  # type: ignore[union-attr]
        await pilot.press("c")
        await settle(pilot)
        assert [(a.start, a.end) for a in view.annotations] == [(start, end)]


async def test_more_labels_with_their_own_keys(make_app: MakeApp, tmp_path: Path) -> None:
    settings = Settings(analyse_corpus=False, labels=("claim", "figure", "event", "source"),
                        label_keys={"source": "r"}, label_colours={"source": "error"})  # fmt: skip
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, "Putin")
        await pilot.press("r")
        await settle(pilot)
        assert [(a.label, a.text) for a in view.annotations] == [("source", "Putin")]
        assert "source" in view.label_styles
        help_rows = {keys: text for _where, rows in key_table(app) for keys, text, _id in rows}
        assert help_rows["r"] == "Tag as source; panel: relabel"


async def test_panel_keys_act_on_its_rows_only(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot, article=2)
        await find(pilot, TONS)
        await pilot.press("f")
        await pilot.press("g", "c")  # the headline, as a claim
        await settle(pilot)
        side = app.query_one("#side", SidePanel)
        side.focus()
        article_id = app.reader.current.id  # type: ignore[union-attr]
        first = app.reader.state.annotations[0]  # type: ignore[union-attr]
        side.highlighted = side.get_option_index(f"a:{first.id}")
        await pilot.press("d")
        await settle(pilot)
        [left] = saved(app, tmp_path, article_id)
        assert left.id != first.id
        item = side.highlighted_item()  # the row that took its place, not the reader's
        assert item is not None and item[1].id == left.id
        side.highlighted = 0  # a heading: the keys say so and touch nothing
        await pilot.press("d", "l", "e")
        await settle(pilot)
        assert [a.id for a in saved(app, tmp_path, article_id)] == [left.id]


async def test_a_second_press_while_saving_does_not_tag_twice(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    original = Store.add

    def slow_add(self: Store, *args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a slow disk
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add", slow_add)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await pilot.press("c", "c")
        await pilot.press("m", "a", "a")
        await settle(pilot)
        assert len(saved(app, tmp_path, app.reader.current.id)) == 2  # type: ignore[union-attr]
        assert len(view.annotations) == 2


async def test_a_found_fragment_is_tagged_as_whole_words(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await find(pilot, "illion t")
        await pilot.press("f")
        await settle(pilot)
        assert [a.text for a in view.annotations] == ["million tons"]


async def test_s_typed_twice_fast_toggles_twice(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s", "s")
        await settle(pilot)
        assert app.reader.state.status == "todo"  # type: ignore[union-attr]


async def test_label_keys_taken_elsewhere_are_refused(make_app: MakeApp) -> None:
    settings = Settings(analyse_corpus=False, labels=("claim", "figure", "event", "source", "x1"),
                        label_keys={"source": "c", "x1": "!"})  # fmt: skip
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        notes = [n.message for n in app._notifications]
        assert any("source (c)" in n for n in notes)
        await find(pilot, TONS)
        await pilot.press("!")
        await settle(pilot)
        assert [a.label for a in view.annotations] == ["x1"]


async def test_a_key_pressed_before_the_store_is_open_is_kept(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    opening = Store.open
    key_pressed = threading.Event()

    def slow_open(*args: Any, **kwargs: Any) -> Store:
        key_pressed.wait(30)  # a workspace on a slow network disk: opens after the key
        return opening(*args, **kwargs)

    monkeypatch.setattr(Store, "open", slow_open)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.article is not None)
        view.focus()
        await pilot.press("c")
        assert app.reader.session.store is None  # the key came first
        key_pressed.set()
        await wait_for(pilot, lambda: len(view.annotations) == 1)
        monkeypatch.setattr(Store, "open", opening)
        assert len(saved(app, tmp_path, view.article.id)) == 1  # type: ignore[union-attr]


async def test_once_analysed_selections_use_the_exported_tokens(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        if not app.has_entities:
            pytest.skip("no spaCy pipeline")
        text = view.article.text  # type: ignore[union-attr]
        start = text.index("/TASS/.")
        # spaCy keeps "/TASS/." whole; the fallback model of its tokenizer splits it.
        assert (start, start + len("/TASS/.")) in view.words.spans


async def test_a_find_that_failed_leaves_nothing_to_tag_but_the_sentence(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        for typed in ("zzz", "tonsx"):  # "z" and "tons" matched on the way
            await find(pilot, typed)
            assert view.focus_span is None
            assert view.target()[2] == "sentence"  # type: ignore[index]
        await pilot.press("slash", *"million", "escape")
        assert view.target()[2] == "sentence"  # type: ignore[index]


async def test_a_span_tagged_before_the_screen_knew_is_not_doubled(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.reader.state = None  # as right after opening: the annotations not read back yet
        app.query_one(ArticleView).set_annotations([])
        await pilot.press("c")
        await settle(pilot)
        assert len(saved(app, tmp_path, app.reader.current.id)) == 1  # type: ignore[union-attr]
        assert len(app.query_one(ArticleView).annotations) == 1


async def test_accepting_a_quote_makes_its_claim_source_and_link_as_one_change(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)  # article 000: Boris Titov's quotation comes first
        article = app.reader.current
        assert article is not None
        await pilot.press("q")
        quote = view.suggestions_at(*view.at_cursor())[0]
        assert quote.speaker_span is not None
        await pilot.press("a")
        await settle(pilot)
        with Store.open(tmp_path / "ws", "maria", read_only=True) as store:
            state = store.article_state(article.id)
        by_label = {a.label: a for a in state.annotations}
        claim, source = by_label["claim"], by_label["source"]
        assert (claim.start, claim.end) == (quote.start, quote.end)
        assert source.text == "Boris Titov" and source.origin == "suggested:quote"
        [link] = state.relations
        assert (link.head, link.child, link.label) == (claim.id, source.id, "source")
        await pilot.press("u")  # one undo: the claim, the source and the link
        await settle(pilot)
        assert saved(app, tmp_path, article.id) == []
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert {a.label for a in saved(app, tmp_path, article.id)} == {"claim", "source"}
