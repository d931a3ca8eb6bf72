"""An edited corpus file: its article's annotations found, moved onto the new text, the ones
that cannot be placed kept for the annotator; crash-safe and undoable."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store, StoreError
from annotations.workspace import Workspace, find_edited, follow_edits
from corpus.article import Article, article_id

TEXT = (
    "Rosneft says oil output will grow\n\n"
    "MOSCOW, March 3. The Chief executive of Rosneft, Igor Sechin, said on Monday that the "
    "company would raise output by 2 million tons next year.\n\n"
    "\u201cWe see demand returning to where it was before the pandemic,\u201d Sechin told "
    "reporters at the company's headquarters.\n\n"
    "Analysts at the Higher School of Economics were not convinced by the forecast and said "
    "the sanctions would weigh on exports for years.\n\n"
    "Exports to China rose by a fifth in the first quarter, customs data showed."
)
EDITED = TEXT.replace("Chief executive", "Chief Executive").replace(
    "Analysts at the Higher School of Economics were not convinced by the forecast and said "
    "the sanctions would weigh on exports for years.\n\n",
    "",
)


def article(text: str, source: str = "rosneft.txt") -> Article:
    return Article(article_id(text), source, text.split("\n")[0], text)


def annotate(store: Store, target: Article, words: str, label: str = "claim", **kw: Any) -> Any:
    start = target.text.index(words)
    return store.add(target.id, start, start + len(words), label, words, **kw)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Workspace, Article, Article]:
    """maria annotated TEXT (done, with a rejected suggestion); the file now holds EDITED."""
    workspace = Workspace(tmp_path)
    old, new = article(TEXT), article(EDITED)
    workspace.save_article(old)
    with Store.open(tmp_path, "maria") as store:
        annotate(store, old, "Chief executive", "event", note="who?", attrs={"k": 1})
        annotate(store, old, "2 million tons", "figure", origin="suggested:figure")
        annotate(store, old, "the sanctions would weigh on exports for years")
        annotate(store, old, "Exports to China rose by a fifth")
        start = old.text.index("a fifth")
        store.reject(old.id, f"figure:{start}-{start + 7}", {"text": "a fifth", "start": start,
                                                            "end": start + 7})  # fmt: skip
        store.set_status(old.id, "done")
    return workspace, old, new


def test_an_edited_file_is_found_and_nothing_else(
    setup: tuple[Workspace, Article, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, old, new = setup
    stranger = article("Unrelated text about the weather in Paris. " * 20, "article1.txt")
    mine = article("The Senate passed the spending bill on Friday after a night of votes. " * 5,
                   "article1.txt")  # fmt: skip
    never_annotated = article(TEXT + "\n\nOpened once in the reader.", "opened.txt")
    workspace.save_article(mine)
    workspace.save_article(never_annotated)
    with Store.open(workspace.root, "maria") as store:
        annotate(store, mine, "spending bill")
        store.article_state(never_annotated.id)  # read, never written
        folder = workspace.root / "annotations" / "maria"
        meta = {"meta": {"1": {"schema": 1, "article_id": never_annotated.id}}}
        (folder / f"{never_annotated.id}.json").write_text(json.dumps(meta), "utf-8")
        corpus = {a.id: a for a in (new, stranger, article(TEXT + " More.", "opened.txt"))}
        (edit,) = find_edited(workspace, store, corpus)
        assert (edit.old, edit.new) == (old, new) and edit.similarity > 0.8
        # Nothing moved: no copy is read at all.
        monkeypatch.setattr(Workspace, "article", lambda *_a: pytest.fail("read a copy"))
        everything = {a.id: a for a in (old, mine, never_annotated)}
        assert find_edited(workspace, store, everything) == []


def test_the_move_places_what_it_can_and_keeps_the_rest(
    setup: tuple[Workspace, Article, Article],
) -> None:
    workspace, old, new = setup
    with Store.open(workspace.root, "maria") as store:
        (moved,) = follow_edits(workspace, store, {new.id: new})
        assert (moved.old_id, moved.new_id, moved.fuzzy) == (old.id, new.id, 1)
        assert (
            "3 annotations moved" in moved.describe()
            and "1 could not be placed" in moved.describe()
        )
        state = store.article_state(new.id)
        by_label = {a.label: a for a in state.annotations}
        event = by_label["event"]
        assert event.text == "Chief Executive" == new.text[event.start : event.end]
        assert (event.note, dict(event.attrs), event.id.split("-")[0]) == ("who?", {"k": 1}, new.id)
        assert event.moved_from is not None and event.moved_from["how"] == "fuzzy"
        assert (event.moved_from["article_id"], event.moved_from["text"]) == (
            old.id, "Chief executive")  # fmt: skip
        figure = by_label["figure"]
        assert figure.origin == "suggested:figure" and figure.moved_from["how"] == "exact"  # type: ignore[index]
        assert new.text[figure.start : figure.end] == "2 million tons"
        (waiting,) = state.unplaced
        assert waiting.annotation.text == "the sanctions would weigh on exports for years"
        assert waiting.annotation.article_id == old.id and waiting.article_id == new.id
        assert state.status == "in progress"  # done, but not everything placed exactly
        start = new.text.index("a fifth")
        assert state.rejected == {f"figure:{start}-{start + 7}"}  # followed its words
        assert not store.article_state(old.id).touched  # the old text's file holds nothing
        assert workspace.article(new.id) == new  # the new text is kept
        assert follow_edits(workspace, store, {new.id: new}) == []  # nothing left to move
        assert store.can_undo
    with Store.open(workspace.root, "maria") as store:  # one undo takes the whole move back
        change = store.undo()
        assert change is not None and change.kind == "move"
        assert store.article_state(new.id).annotations == []
        assert store.article_state(new.id).unplaced == ()
        back = store.article_state(old.id)
        assert len(back.annotations) == 4 and back.status == "done" and len(back.rejected) == 1
        store.redo()
        assert len(store.article_state(new.id).annotations) == 3


def test_done_goes_along_when_everything_is_placed_exactly(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    old, new = article(TEXT), article(TEXT.replace("MOSCOW, March 3.", "MOSCOW, March 4."))
    workspace.save_article(old)
    with Store.open(tmp_path, "maria") as store:
        made = annotate(store, old, "Exports to China rose by a fifth")
        store.set_status(old.id, "done")
        (moved,) = follow_edits(workspace, store, {new.id: new})
        assert moved.status == "done" and moved.fuzzy == 0 and not moved.unplaced
        (placed,) = store.for_article(new.id)
        assert placed.created_at == made.created_at and placed.id != made.id
        assert store.article_state(new.id).status == "done"


def test_unplaced_annotations_are_placed_or_deleted_by_hand(
    setup: tuple[Workspace, Article, Article],
) -> None:
    workspace, _old, new = setup
    with Store.open(workspace.root, "maria") as store:
        follow_edits(workspace, store, {new.id: new})
        (waiting,) = store.article_state(new.id).unplaced
        words = "customs data showed"
        start = new.text.index(words)
        placed = store.place_unplaced(new.id, waiting.id, start, start + len(words), words)
        assert placed.label == waiting.annotation.label and placed.moved_from["how"] == "by hand"  # type: ignore[index]
        state = store.article_state(new.id)
        assert state.unplaced == () and placed in state.annotations
        with pytest.raises(StoreError, match="no unplaced annotation"):
            store.delete_unplaced(new.id, waiting.id)
        assert store.undo() is not None
        assert store.article_state(new.id).unplaced == (waiting,)
        assert placed.id not in {a.id for a in store.for_article(new.id)}
        assert store.delete_unplaced(new.id, waiting.id) == waiting
        assert store.article_state(new.id).unplaced == ()
        assert store.undo() is not None and store.article_state(new.id).unplaced == (waiting,)
        with pytest.raises(StoreError, match="covers"):
            store.place_unplaced(new.id, waiting.id, 0, 5, "abc")


def test_a_crash_between_the_two_writes_loses_nothing_and_doubles_nothing(
    setup: tuple[Workspace, Article, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, old, new = setup
    real = Store._write_records
    calls: list[str] = []

    def crash_after_the_first(self: Store, article: str, tables: Any) -> None:
        if calls:
            raise KeyboardInterrupt("killed between the two files")
        calls.append(article)
        real(self, article, tables)

    monkeypatch.setattr(Store, "_write_records", crash_after_the_first)
    with Store.open(workspace.root, "maria") as store, pytest.raises(KeyboardInterrupt):
        follow_edits(workspace, store, {new.id: new})
    monkeypatch.undo()
    assert calls == [new.id]  # the new file was written first: the annotations are in both
    with Store.open(workspace.root, "maria", read_only=True) as store:
        assert len(store.for_article(old.id)) == 4 and len(store.for_article(new.id)) == 3
    with Store.open(workspace.root, "maria") as store:
        (moved,) = follow_edits(workspace, store, {new.id: new})
        assert len(moved.placed) == 3 and len(moved.unplaced) == 1
        state = store.article_state(new.id)
        sources = [a.moved_from["id"] for a in state.annotations]  # type: ignore[index]
        assert len(sources) == len(set(sources)) == 3 and len(state.unplaced) == 1
        assert not store.article_state(old.id).touched
        assert store.undo() is not None  # the finished move is one change
        assert len(store.for_article(old.id)) == 4 and store.for_article(new.id) == []


CHILD = """
import sys
from annotations.store import Store
from annotations.workspace import Workspace, follow_edits
from tests.annotations.test_edited import many
workspace = Workspace(sys.argv[1])
_old, new = many()
with Store.open(workspace.root, "crash") as store:
    print("ready", flush=True)
    follow_edits(workspace, store, {a.id: a for a in new})
print("done", flush=True)
"""


def many(count: int = 30) -> tuple[list[Article], list[Article]]:
    """`count` articles, and each one edited (a word changed, a sentence gone)."""
    old = [article(f"Report {i}.\n\n" + TEXT, f"r{i}.txt") for i in range(count)]
    new = [article(f"Report {i}.\n\n" + EDITED, f"r{i}.txt") for i in range(count)]
    return old, new


def invariant(root: Path, old: list[Article], new: list[Article]) -> int:
    """Every annotation is in its old file or moved into its new one; none is twice in a new
    file. Returns how many articles are fully moved."""
    done = 0
    with Store.open(root, "crash", read_only=True) as store:
        for before, after in zip(old, new, strict=True):
            left = {a.id for a in store.for_article(before.id)}
            state = store.article_state(after.id)
            moved = [a.moved_from["id"] for a in state.annotations]  # type: ignore[index]
            moved += [u.id for u in state.unplaced]
            assert len(moved) == len(set(moved))
            assert left | set(moved) == ORIGINAL[before.id]
            done += not left
    return done


ORIGINAL: dict[str, set[str]] = {}


def test_sigkill_during_moves_loses_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    workspace = Workspace(tmp_path)
    old, new = many()
    with Store.open(tmp_path, "crash") as store:
        for target in old:
            workspace.save_article(target)
            made = [annotate(store, target, w) for w in ("Chief executive", "2 million tons",
                    "the sanctions would weigh on exports", "customs data showed")]  # fmt: skip
            ORIGINAL[target.id] = {a.id for a in made}
    rng = random.Random(20261202)
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], cwd=root,
                                 stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        invariant(tmp_path, old, new)
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], cwd=root,
                          capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    assert "done" in done.stdout
    assert invariant(tmp_path, old, new) == len(old)
    folder = tmp_path / "annotations" / "crash"
    assert not list(folder.glob("*.corrupt-*")) and not list(folder.glob(".*.tmp"))


def test_a_read_only_store_moves_nothing_and_says_why(
    setup: tuple[Workspace, Article, Article],
) -> None:
    workspace, old, new = setup
    with Store.open(workspace.root, "maria") as writer:
        reader = Store.open(workspace.root, "maria")
        assert reader.read_only
        with pytest.raises(StoreError, match="another assay"):
            follow_edits(workspace, reader, {new.id: new})
        assert [e.new for e in find_edited(workspace, reader, {new.id: new})] == [new]
        reader.close()
        assert workspace.article(new.id) is None and len(writer.for_article(old.id)) == 4


def test_a_second_edit_carries_what_the_first_could_not_place(
    setup: tuple[Workspace, Article, Article],
) -> None:
    """Edited twice: the annotations follow again, and the one still unplaced goes along;
    "done" does not come back while it waits."""
    workspace, old, new = setup
    newer = article(EDITED.replace("MOSCOW, March 3.", "MOSCOW, March 4."))
    with Store.open(workspace.root, "maria") as store:
        follow_edits(workspace, store, {new.id: new})
        store.set_status(new.id, "done")
        (moved,) = follow_edits(workspace, store, {newer.id: newer})
        assert (len(moved.placed), len(moved.unplaced), moved.status) == (3, 1, "in progress")
        state = store.article_state(newer.id)
        (waiting,) = state.unplaced
        assert waiting.annotation.article_id == old.id and waiting.article_id == newer.id
        event = next(a for a in state.annotations if a.label == "event")
        assert event.moved_from["article_id"] == new.id  # type: ignore[index]
        assert event.moved_from["earlier"]["article_id"] == old.id  # type: ignore[index]
        assert not store.article_state(new.id).touched
