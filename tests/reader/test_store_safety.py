"""The reader and the annotator's files: viewing writes nothing, a read-only workspace still
shows every annotation, a corrupt file is said and marked at start-up, and an edited corpus
file keeps its annotations (moved onto the new text; what cannot be placed is listed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotations.store import Store
from annotations.workspace import Workspace
from corpus.loader import load_corpus
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel
from tests.annotations.test_read_only import erofs  # noqa: F401 (a fixture)
from tests.conftest import SAMPLES
from tests.reader.conftest import MakeApp, settled, wait_for

SAMPLE = "002_d0363d052b34d6e4.txt"
TONS = "2 million tons"
KEPT = "Vladimir Putin has stated Russia’s openness"
CUT = "These remarks coincide with the Trump administration’s reported interest"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SAMPLES / SAMPLE, folder / SAMPLE)
    return folder


def _annotate(workspace: Path, folder: Path, done: bool = True) -> str:
    """maria's annotations on the article as the corpus has it now: its id."""
    articles, _ = load_corpus([folder])
    (article,) = [a for a in articles if a.source == SAMPLE]
    Workspace(workspace).save_article(article)
    with Store.open(workspace, "maria") as store:
        for words, label in ((TONS, "figure"), (KEPT, "claim"), (CUT, "claim")):
            at = article.text.index(words)
            store.add(article.id, at, at + len(words), label, words)
        if done:
            store.set_status(article.id, "done")
    return article.id


def _unplaced_row(side: SidePanel) -> int:
    ids = [side.get_option_at_index(i).id or "" for i in range(side.option_count)]
    return next(i for i, option_id in enumerate(ids) if option_id.startswith("u:"))


def _files(workspace: Path) -> list[str]:
    """The annotator's article files (the remembered position is no annotation)."""
    folder = workspace / "annotations" / "maria"
    return sorted(p.name for p in folder.glob("????????????????.json"))


async def test_viewing_articles_creates_no_annotation_files(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.loaded and app.reader.session.store is not None)
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await pilot.pause(0.2)
        await settled(pilot)
    assert _files(tmp_path / "ws") == []


async def test_a_read_only_workspace_shows_every_annotation_and_says_why(
    make_app: MakeApp,
    tmp_path: Path,
    erofs: list[Path],  # noqa: F811
) -> None:
    folder = _corpus(tmp_path)
    article_id = _annotate(tmp_path / "ws", folder)
    erofs.append((tmp_path / "ws").absolute())
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: app.reader.session.store is not None and app.reader.state is not None
        )
        assert app.reader.session.store is not None and app.reader.session.store.read_only
        assert "READ-ONLY" in str(app.query_one("#title-bar").render())
        assert len(app.query_one(ArticleView).annotations) == 3
        assert app.query_one(ArticleList).by_id[article_id].status == "done"
        reason = app.reader.session.store.read_only_reason or ""
        assert "cannot be written" in reason and "Errno" not in reason
        await pilot.press("tab", "c")  # a tag is refused, with the reason
        notes = [n.message for n in app._notifications]
        assert any(n.startswith("Nothing is saved") and "--workspace" in n for n in notes)
        assert not any("Close the other assay" in n for n in notes)


async def test_a_corrupt_file_is_set_aside_said_and_marked_until_seen(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    shutil.copy(SAMPLES / "000_af337e4d8abd8272.txt", folder / "000.txt")
    article_id = _annotate(tmp_path / "ws", folder)
    path = tmp_path / "ws" / "annotations" / "maria" / f"{article_id}.json"
    path.write_bytes(path.read_bytes()[:40])  # truncated: a done article with 3 tags
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.query_one(ArticleList)
        # The mark, the notice (a message of its own) and the corpus come in any order.
        await wait_for(
            pilot,
            lambda: (
                articles.problem(article_id) is not None
                and any("could not be read" in n.title for n in app._notifications)
                and app.loaded
                and app.reader.current is not None
            ),
        )
        moved = list(path.parent.glob(f"{article_id}.json.corrupt-*"))
        assert len(moved) == 1 and not path.exists()
        toast = next(n for n in app._notifications if "could not be read" in n.title)
        assert str(path) in toast.message and str(moved[0]) in toast.message
        assert app.reader.current is not None and app.reader.current.id != article_id
        articles.move_to(article_id)
        articles.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current.id == article_id
        assert articles.problem(article_id) is None  # seen: the mark goes
        app.action_loading_report()
        await pilot.pause()
        assert any(str(moved[0]) in line for line in app.screen.lines)  # type: ignore[attr-defined]


async def test_an_edited_corpus_file_keeps_its_annotations(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    old_id = _annotate(tmp_path / "ws", folder)
    path = folder / SAMPLE
    text = path.read_text("utf-8")
    cut = next(line for line in text.split("\n") if line.startswith(CUT))
    path.write_text(text.replace("Putin suggested", "President Putin suggested")
                    .replace(cut + "\n", ""), "utf-8")  # fmt: skip
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: any("edited" in n.title for n in app._notifications))
        (article,) = app.articles.values()
        assert article.id != old_id
        await wait_for(
            pilot, lambda: app.reader.state is not None and len(app.reader.state.annotations) == 2
        )
        note = next(n for n in app._notifications if "edited" in n.title)
        assert "2 annotations moved" in note.message and "1 could not be placed" in note.message
        assert (
            app.reader.state is not None and app.reader.state.status == "in progress"
        )  # not done: look
        assert {a.text for a in app.reader.state.annotations} == {TONS, KEPT}
        side = app.query_one(SidePanel)
        side.focus()
        await pilot.pause()
        side.highlighted = _unplaced_row(side)
        await pilot.press("enter")  # place it: the reader takes a selection
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.editing is not None)
        assert app.focused is view
        await pilot.press("V", "enter")  # the paragraph where its words now are
        await wait_for(
            pilot, lambda: app.reader.state is not None and not app.reader.state.unplaced
        )
        assert len(app.reader.state.annotations) == 3
        await pilot.press("u")  # undone: unplaced again
        await wait_for(
            pilot, lambda: app.reader.state is not None and len(app.reader.state.unplaced) == 1
        )
    with Store.open(tmp_path / "ws", "maria", read_only=True) as store:
        assert store.for_article(old_id) == []  # moved, not copied


async def test_an_unplaced_annotation_can_be_deleted_from_the_panel(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    _annotate(tmp_path / "ws", folder, done=False)
    path = folder / SAMPLE
    text = path.read_text("utf-8")
    cut = next(line for line in text.split("\n") if line.startswith(CUT))
    path.write_text(text.replace(cut + "\n", ""), "utf-8")
    app = make_app([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: app.reader.state is not None and len(app.reader.state.unplaced) == 1
        )
        side = app.query_one(SidePanel)
        side.focus()
        await pilot.pause()
        side.highlighted = _unplaced_row(side)
        await pilot.press("d")
        await wait_for(
            pilot, lambda: app.reader.state is not None and not app.reader.state.unplaced
        )
        assert len(app.reader.state.annotations) == 2
