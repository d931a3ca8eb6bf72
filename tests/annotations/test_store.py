"""The annotation store: API, durability, locking, corruption, undo across restarts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from annotations.journal import read_data
from annotations.model import Annotation
from annotations.storage import CorruptFile
from annotations.store import ReadOnlyStore, Store, StoreError, _state_of

A1 = "5e64e69df3fbd64f"
A2 = "4674bf8c426bb117"
TEXT = "Russia and the United States discussed rare earth metals in Alaska."


def add(store: Store, start: int = 0, end: int = 6, label: str = "claim", article: str = A1):
    return store.add(article, start, end, label, TEXT[start:end])


def test_add_get_for_article_and_files(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        second = add(store, 11, 24, "event")
        first = add(store, 0, 6)
        assert store.get(first.id) == first
        assert [a.id for a in store.for_article(A1)] == [first.id, second.id]
        assert first.annotator == "maria" and first.origin == "manual"
        assert first.created_at.endswith("Z") and first.id.startswith(A1)
        assert store.article_ids() == [A1]
    path = tmp_path / "annotations" / "maria" / f"{A1}.json"
    data = json.loads(path.read_text("utf-8"))
    assert data["meta"]["1"]["schema"] == 1
    assert {d["id"] for d in data["annotations"].values()} == {first.id, second.id}


def test_update_delete_and_validation(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        a = add(store)
        b = store.update(a.id, label="figure", note="check the source")
        assert (b.label, b.note, b.created_at) == ("figure", "check the source", a.created_at)
        assert store.update(a.id, start=0, end=17, text=TEXT[:17]).text == "Russia and the Un"
        with pytest.raises(StoreError, match="unknown label"):
            store.update(a.id, label="opinion")
        with pytest.raises(StoreError, match="covers"):
            store.update(a.id, end=20)
        with pytest.raises(StoreError, match="cannot change id"):
            store.update(a.id, id="x")
        with pytest.raises(ValueError, match="reversed"):
            store.add(A1, 5, 5, "claim", "")
        with pytest.raises(StoreError, match="not an article id"):
            store.add("../etc", 0, 1, "claim", "R")
        assert store.delete(a.id).id == a.id
        assert store.get(a.id) is None
        with pytest.raises(StoreError, match="no annotation"):
            store.delete(a.id)


def test_labels_are_configurable(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria", labels=("claim", "quote")) as store:
        assert add(store, label="quote").label == "quote"
    with Store.open(tmp_path, "maria", labels=None) as store:
        assert add(store, label="anything").label == "anything"


def test_status(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        assert store.status(A1) == "todo"
        add(store)
        assert store.status(A1) == "in progress"
        store.set_status(A1, "done")
        assert store.status(A1) == "done"
        store.undo()
        assert store.status(A1) == "in progress"
        with pytest.raises(StoreError, match="status must be"):
            store.set_status(A1, "finished")


def test_undo_and_redo_survive_a_restart(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        a = add(store)
        store.update(a.id, label="event")
        store.delete(a.id)
    with Store.open(tmp_path, "maria") as store:
        assert store.undo() is not None and store.get(a.id).label == "event"  # type: ignore[union-attr]
        assert store.undo() is not None and store.get(a.id).label == "claim"  # type: ignore[union-attr]
    with Store.open(tmp_path, "maria") as store:
        assert store.redo() is not None and store.get(a.id).label == "event"  # type: ignore[union-attr]
        add(store, 7, 10)  # a new change clears what could be redone
        assert not store.can_redo
        assert store.undo() is not None and store.undo() is not None
        assert store.get(a.id).label == "claim"  # type: ignore[union-attr]
        assert store.undo() is not None and store.get(a.id) is None
        assert store.undo() is None


def test_a_torn_last_history_line_is_ignored(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        a = add(store)
    history = tmp_path / "annotations" / "maria" / "history.jsonl"
    history.write_bytes(history.read_bytes() + b'{"op": "chan')
    with Store.open(tmp_path, "maria") as store:
        assert store.undo() is not None and store.get(a.id) is None


def test_a_change_after_a_torn_history_line_does_not_join_it(tmp_path: Path) -> None:
    # A SIGKILL can cut an append where the line crosses a page of the file (the kernel
    # checks for a fatal signal between pages); the next writer's line must not be glued
    # to the fragment, or the log reads as corrupt and undo is lost.
    with Store.open(tmp_path, "maria") as store:
        a = add(store)
    history = tmp_path / "annotations" / "maria" / "history.jsonl"
    history.write_bytes(history.read_bytes() + b'{"op": "chan')
    with Store.open(tmp_path, "maria") as store:
        b = add(store, 7, 10)
    with Store.open(tmp_path, "maria") as store:
        assert store.undo() is not None and store.get(b.id) is None
        assert store.undo() is not None and store.get(a.id) is None
    assert not list(history.parent.glob("*.corrupt-*"))
    assert history.read_bytes().endswith(b"\n")


def test_second_writer_is_read_only_and_told_why(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as first:
        a = add(first)
        second = Store.open(tmp_path, "maria")
        assert second.read_only and "another assay" in (second.read_only_reason or "")
        assert str(os.getpid()) in (second.read_only_reason or "")
        assert second.get(a.id) == a
        for change in (lambda: add(second), lambda: second.delete(a.id), second.undo):
            with pytest.raises(ReadOnlyStore, match="read-only"):
                change()
        second.close()
        assert not Store.open(tmp_path, "other").read_only  # another annotator is free
    with Store.open(tmp_path, "maria") as again:
        assert not again.read_only


def test_lock_across_processes_loses_no_update(tmp_path: Path) -> None:
    child = (
        "import sys, time\n"
        "from annotations.store import Store\n"
        "s = Store.open(sys.argv[1], 'maria')\n"
        "print('read_only' if s.read_only else 'writer', flush=True)\n"
        "if not s.read_only:\n"
        "    for i in range(20): s.add('5e64e69df3fbd64f', i, i + 1, 'claim', 'x')\n"
        "    sys.stdin.read()\n"
    )
    root = Path(__file__).resolve().parents[2]
    writer = subprocess.Popen([sys.executable, "-c", child, str(tmp_path)], cwd=root,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writer"
    other = subprocess.run([sys.executable, "-c", child, str(tmp_path)], cwd=root,
                           capture_output=True, text=True, input="", timeout=60)  # fmt: skip
    assert other.stdout.strip() == "read_only"
    writer.communicate("", timeout=60)
    with Store.open(tmp_path, "maria") as store:
        assert len(store.for_article(A1)) == 20


def test_corrupt_file_is_moved_aside_and_named(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        add(store)
    path = tmp_path / "annotations" / "maria" / f"{A1}.json"
    path.write_text('{"annotations": {"1": {"id": ', "utf-8")
    with Store.open(tmp_path, "maria") as store, pytest.raises(CorruptFile) as caught:
        store.for_article(A1)
    message = str(caught.value)
    assert str(path) in message and "moved to" in message and "assay import" in message
    assert not path.exists()
    (moved,) = path.parent.glob(f"{A1}.json.corrupt-*")
    assert moved.read_text("utf-8").startswith('{"annotations"')
    with Store.open(tmp_path, "maria") as store:  # the article starts afresh, others unharmed
        assert store.for_article(A1) == []
        add(store, article=A2)


def test_read_only_store_never_moves_a_corrupt_file(tmp_path: Path) -> None:
    folder = tmp_path / "annotations" / "maria"
    folder.mkdir(parents=True)
    (folder / f"{A1}.json").write_text("not json", "utf-8")
    with Store.open(tmp_path, "maria", read_only=True) as store, pytest.raises(CorruptFile):
        store.for_article(A1)
    assert (folder / f"{A1}.json").exists()


def test_bad_annotator_name(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot name a folder"):
        Store.open(tmp_path, "../x")


Links = dict[str, tuple[str, str]]  # relation id -> (head, child)


class StoreMachine(RuleBasedStateMachine):
    """Random add/update/delete, relate/unrelate, undo/redo, and close/reopen, against a plain
    model (deleting an annotation deletes its relations in the same change)."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        self.workspace = tempfile.mkdtemp()
        self.store = Store.open(self.workspace, "prop")
        self.model: dict[str, Annotation] = {}
        self.links: Links = {}
        # model states to undo to, and to redo
        self.done: list[tuple[dict[str, Annotation], Links]] = []
        self.undone: list[tuple[dict[str, Annotation], Links]] = []

    ids = Bundle("ids")
    relation_ids = Bundle("relation_ids")

    def _changed(self, new: dict[str, Annotation], links: Links | None = None) -> None:
        self.done.append((dict(self.model), dict(self.links)))
        self.undone.clear()
        self.model = new
        if links is not None:
            self.links = links

    @rule(
        target=ids,
        article=st.sampled_from([A1, A2]),
        start=st.integers(0, 40),
        length=st.integers(1, 20),
        label=st.sampled_from(["claim", "figure", "event"]),
    )
    def add(self, article: str, start: int, length: int, label: str) -> str:
        a = self.store.add(article, start, start + length, label, TEXT[start : start + length])
        self._changed({**self.model, a.id: a})
        return a.id

    @rule(annotation_id=ids, label=st.sampled_from(["claim", "figure", "event"]))
    def update(self, annotation_id: str, label: str) -> None:
        if annotation_id not in self.model:
            return
        a = self.store.update(annotation_id, label=label)
        self._changed({**self.model, a.id: a})

    @rule(annotation_id=ids)
    def delete(self, annotation_id: str) -> None:
        if annotation_id not in self.model:
            return
        self.store.delete(annotation_id)
        self._changed(
            {k: v for k, v in self.model.items() if k != annotation_id},
            {k: ends for k, ends in self.links.items() if annotation_id not in ends},
        )

    @rule(target=relation_ids, data=st.data())
    def relate(self, data: st.DataObject) -> str:
        pairs = [
            (head, child)
            for head, first in self.model.items()
            for child, second in self.model.items()
            if head != child and first.article_id == second.article_id
        ]
        if not pairs:
            return ""
        # The model's own order (the order of the steps), never the ids' order: ids are random,
        # and a choice that depends on them makes Hypothesis's replay of a case draw differently.
        head, child = data.draw(st.sampled_from(pairs))
        known = [k for k, ends in self.links.items() if ends == (head, child)]
        found = self.store.relate(head, child)
        if known:  # linking again gives the relation already there, and changes nothing
            assert found.id == known[0]
            return found.id
        self._changed(dict(self.model), {**self.links, found.id: (head, child)})
        return found.id

    @precondition(lambda self: bool(self.links))
    @rule(data=st.data())
    def delete_linked(self, data: st.DataObject) -> None:
        """Delete an end of a relation (the cascade, more often than `delete` happens on it)."""
        linked = {end for pair in self.links.values() for end in pair}
        ends = [k for k in self.model if k in linked]  # in the steps' order, as in `relate`
        self.delete(data.draw(st.sampled_from(ends)))

    @rule(relation_id=relation_ids)
    def unrelate(self, relation_id: str) -> None:
        if relation_id not in self.links:
            return
        self.store.unrelate(relation_id)
        self._changed(dict(self.model), {k: v for k, v in self.links.items() if k != relation_id})

    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self) -> None:
        assert self.store.undo() is not None
        self.undone.append((self.model, self.links))
        self.model, self.links = self.done.pop()

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo(self) -> None:
        assert self.store.redo() is not None
        self.done.append((self.model, self.links))
        self.model, self.links = self.undone.pop()

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = Store.open(self.workspace, "prop")

    @invariant()
    def same_as_model(self) -> None:
        stored = {a.id: a for a in self.store.all()}
        assert {k: (v.label, v.start, v.end) for k, v in stored.items()} == {
            k: (v.label, v.start, v.end) for k, v in self.model.items()
        }
        links = {
            r.id: (r.head, r.child)
            for article in (A1, A2)
            for r in self.store.relations_of(article)
        }
        assert links == self.links
        # No record of a relation outlives an end: the files hold exactly the model's links.
        on_disk = {}
        for path in (Path(self.workspace) / "annotations" / "prop").glob("*.json"):
            for record in read_data(path).get("relations", {}).values():
                on_disk[record["id"]] = (record["head"], record["child"])
        assert on_disk == self.links
        assert self.store.can_undo == bool(self.done)
        assert self.store.can_redo == bool(self.undone)

    @invariant()
    def state_as_if_read_whole(self) -> None:
        # The writer's state, its order kept from the state before with the changes placed
        # in it, is the state a fresh read of the same tables gives, in the same order.
        for article in (A1, A2):
            kept = self.store.article_state(article)
            fresh = _state_of(self.store._data(article))
            assert [a.to_dict() for a in kept.annotations] == [
                a.to_dict() for a in fresh.annotations
            ]
            assert kept.relations == fresh.relations

    def teardown(self) -> None:
        self.store.close()


StoreMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
test_store_matches_a_plain_model = StoreMachine.TestCase


def test_rejections_are_remembered_and_undoable(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        store.reject(A1, "figure:0-6", {"text": TEXT[0:6]})
        store.reject(A1, "figure:0-6")  # again: nothing new, nothing on the undo stack
        assert store.article_state(A1).rejected == {"figure:0-6"}
        assert store.article_state(A1).status == "todo"  # a rejection is not an annotation
    with Store.open(tmp_path, "maria") as store:
        assert store.article_state(A1).rejected == {"figure:0-6"}
        assert store.undo() is not None
        assert store.article_state(A1).rejected == frozenset()
        assert store.redo() is not None
        assert store.article_state(A1).rejected == {"figure:0-6"}
        assert store.undo() is not None
        assert store.undo() is None  # the repeated rejection recorded nothing


def test_a_group_is_one_write_and_one_undo(tmp_path: Path) -> None:
    items = [
        {"start": 0, "end": 6, "label": "figure", "text": TEXT[0:6], "origin": "suggested:figure"},
        {"start": 11, "end": 14, "label": "figure", "text": TEXT[11:14], "attrs": {"x": 1}},
    ]
    with Store.open(tmp_path, "maria") as store:
        add(store, 15, 21, "claim")
        made = store.add_group(A1, items)
        assert [(a.start, a.origin) for a in made] == [(0, "suggested:figure"), (11, "manual")]
        assert len(store.for_article(A1)) == 3
        with pytest.raises(StoreError):  # checked before anything is written
            store.add_group(A1, [items[0], {**items[1], "end": 99}])
        assert len(store.for_article(A1)) == 3
    with Store.open(tmp_path, "maria") as store:
        change = store.undo()
        assert change is not None and change.kind == "group"
        assert [a.label for a in store.for_article(A1)] == ["claim"]
        store.redo()
        assert sorted(a.start for a in store.for_article(A1)) == [0, 11, 15]
        assert store.get(made[1].id) is not None and store.get(made[1].id).attrs == {"x": 1}


def test_the_writers_read_cache_never_serves_what_is_not_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotations import storage
    from annotations.storage import AtomicJSONStorage

    path = tmp_path / "a.json"
    disk = AtomicJSONStorage(path)
    disk.write({"annotations": {"1": {"id": "x", "label": "claim"}}})
    first = disk.read()
    assert first is not None
    first["annotations"]["1"]["label"] = "changed in place"  # as TinyDB does before a write
    assert disk.read() == {"annotations": {"1": {"id": "x", "label": "claim"}}}

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "write_atomically", full)
    with pytest.raises(OSError):
        disk.write({"annotations": {}})
    monkeypatch.undo()
    assert disk.read() == {"annotations": {"1": {"id": "x", "label": "claim"}}}
    # Another program's edit (a new file) is seen.
    path.write_text('{"annotations": {}}', "utf-8")
    assert disk.read() == {"annotations": {}}


def test_has_span(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        add(store, 0, 6, "claim")
        assert store.has_span(A1, 0, 6, "claim")
        assert not store.has_span(A1, 0, 6, "figure") and not store.has_span(A1, 0, 7, "claim")
        assert not store.has_span(A2, 0, 6, "claim") and not store.has_span("nope", 0, 6, "claim")


def test_reading_writes_nothing_and_a_first_change_writes_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotations import storage

    writes: list[Path] = []
    real = storage.write_atomically

    def counted(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr(storage, "write_atomically", counted)
    folder = tmp_path / "annotations" / "maria"
    with Store.open(tmp_path, "maria") as store:  # as the reader does on opening an article
        state = store.article_state(A1)
        assert (state.status, state.annotations, state.touched) == ("todo", [], False)
        assert store.for_article(A1) == [] and store.status(A1) == "todo"
        assert store.get(f"{A1}-000000000000") is None and not store.has_span(A1, 0, 6, "claim")
        assert store.article_ids() == [] and not list(folder.glob("*.json")) and writes == []
        a = add(store)
        assert writes == [folder / f"{A1}.json"]  # the meta table came with the first change
        store.undo()
        assert not store.article_state(A1).touched  # a file again holding nothing
    data = json.loads((folder / f"{A1}.json").read_text("utf-8"))
    assert data["meta"]["1"] == {"schema": 1, "article_id": A1, "annotator": "maria"}
    assert a.id not in json.dumps(data["annotations"])
