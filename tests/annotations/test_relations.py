"""Relations in the store: a claim linked to its source, kept with the annotations, undoable,
deleted with an end, carried when the article's text is edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.journal import read_data
from annotations.model import Annotation, Relation
from annotations.storage import CorruptFile
from annotations.store import Store, StoreError
from corpus.article import make_article

A1 = "5e64e69df3fbd64f"
A2 = "4674bf8c426bb117"
TEXT = '"Rare earths are a priority," said Boris Titov, the Kremlin envoy, on Tuesday.'
LABELS = ("claim", "figure", "event", "source")


def span(store: Store, words: str, label: str, article: str = A1) -> Annotation:
    start = TEXT.index(words)
    return store.add(article, start, start + len(words), label, words)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path, "ana", labels=LABELS)
    yield opened
    opened.close()


def test_relate_links_a_claim_to_its_source_and_keeps_it(tmp_path: Path, store: Store) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    made = store.relate(claim.id, source.id, note="named after the quote")
    assert (made.head, made.child, made.label, made.annotator) == (claim.id, source.id,
                                                                    "source", "ana")  # fmt: skip
    assert made.article_id == A1 and made.note == "named after the quote"
    assert store.relate(claim.id, source.id) == made  # linking again changes nothing
    store.close()
    with Store.open(tmp_path, "ana", labels=LABELS) as again:
        assert again.relations_of(A1) == (made,)
        assert again.article_state(A1).relations == (made,)


def test_relations_that_cannot_be(store: Store) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    other = span(store, "Boris Titov", "source", article=A2)
    with pytest.raises(StoreError, match="one article"):
        store.relate(claim.id, other.id)
    with pytest.raises(StoreError, match="two different"):
        store.relate(claim.id, claim.id)
    with pytest.raises(StoreError, match="no annotation"):
        store.relate(claim.id, f"{A1}-000000000000")
    with pytest.raises(StoreError, match="no relation"):
        store.unrelate(f"{A1}-000000000000")
    with pytest.raises(StoreError, match="cannot change head"):
        store.update_relation(store.relate(span(store, "Tuesday", "event").id, claim.id).id,
                              head=other.id)  # fmt: skip


def test_deleting_an_end_deletes_its_relations_in_one_change(store: Store) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    envoy = span(store, "the Kremlin envoy", "source")
    first, second = store.relate(claim.id, source.id), store.relate(claim.id, envoy.id)
    store.delete(claim.id)
    assert store.relations_of(A1) == ()
    assert {a.id for a in store.for_article(A1)} == {source.id, envoy.id}
    change = store.undo()  # one undo: the claim and both links
    assert change is not None and change.kind == "linked"
    assert set(store.relations_of(A1)) == {first, second}
    assert store.get(claim.id) == claim
    store.redo()
    assert store.relations_of(A1) == () and store.get(claim.id) is None


def test_editing_a_span_keeps_its_relations(store: Store) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    made = store.relate(claim.id, source.id)
    start = TEXT.index("Titov")
    store.update(source.id, start=start, end=start + 5, text="Titov")
    assert store.relations_of(A1) == (made,)


def test_unrelate_and_update_relation_are_undoable(store: Store) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    made = store.relate(claim.id, source.id)
    changed = store.update_relation(made.id, label="attributed", note="paraphrase")
    assert store.relations_of(A1) == (changed,) and changed.label == "attributed"
    store.unrelate(made.id)
    assert store.relations_of(A1) == ()
    store.undo()
    assert store.relations_of(A1) == (changed,)
    store.undo()
    assert store.relations_of(A1) == (made,)
    assert [a.id for a in store.for_article(A1)] == [claim.id, source.id]


def test_add_linked_is_one_write_and_one_undo(store: Store, tmp_path: Path) -> None:
    existing = span(store, "the Kremlin envoy", "source")
    items = [
        {"start": 0, "end": 28, "label": "claim", "text": TEXT[0:28], "origin": "suggested:quote"},
        {"start": 35, "end": 46, "label": "source", "text": "Boris Titov",
         "attrs": {"resolved": "Boris Titov"}},
    ]  # fmt: skip
    made, links = store.add_linked(A1, items, [(0, 1, "source"), (0, existing.id, "source")])
    assert [a.label for a in made] == ["claim", "source"] and made[1].attrs["resolved"]
    assert [(r.head, r.child) for r in links] == [(made[0].id, made[1].id),
                                                  (made[0].id, existing.id)]  # fmt: skip
    assert set(store.relations_of(A1)) == set(links)
    store.undo()
    assert store.relations_of(A1) == () and store.for_article(A1) == [existing]
    with pytest.raises(StoreError, match="item 5"):
        store.add_linked(A1, items, [(0, 5, "source")])
    with pytest.raises(StoreError, match="no annotation"):
        store.add_linked(A1, items, [(0, f"{A2}-000000000000", "source")])
    assert store.for_article(A1) == [existing]  # refused whole


def test_an_import_taken_back_takes_its_relations(store: Store, tmp_path: Path) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    store.relate(claim.id, source.id)
    store.remove_many(A1, [claim.id])
    raw = read_data(tmp_path / "annotations" / "ana" / f"{A1}.json")  # its journal applied
    assert raw.get("relations") == {}


def test_a_relation_record_that_is_not_one_is_a_corrupt_file(store: Store, tmp_path: Path) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    store.relate(claim.id, source.id)
    store.close()
    path = tmp_path / "annotations" / "ana" / f"{A1}.json"
    data = json.loads(path.read_text("utf-8"))
    next(iter(data["relations"].values()))["head"] = 17
    path.write_text(json.dumps(data), "utf-8")
    with Store.open(tmp_path, "ana", read_only=True) as reader, pytest.raises(CorruptFile):
        reader.article_state(A1)


def test_a_relation_whose_end_is_gone_links_nothing(store: Store, tmp_path: Path) -> None:
    claim = span(store, "Rare earths are a priority", "claim")
    source = span(store, "Boris Titov", "source")
    store.relate(claim.id, source.id)
    store.close()
    path = tmp_path / "annotations" / "ana" / f"{A1}.json"
    data = json.loads(path.read_text("utf-8"))  # a hand edit removes the source
    data["annotations"] = {k: v for k, v in data["annotations"].items() if v["id"] != source.id}
    path.write_text(json.dumps(data), "utf-8")
    with Store.open(tmp_path, "ana", read_only=True) as reader:
        assert reader.relations_of(A1) == ()


def test_relations_follow_their_annotations_onto_an_edited_text(tmp_path: Path) -> None:
    old = make_article(TEXT, "a.txt")
    new = make_article("Update: " + TEXT.replace("on Tuesday", "on Wednesday"), "a.txt")
    with Store.open(tmp_path, "ana", labels=LABELS) as store:

        def on(words: str, label: str) -> Annotation:
            start = old.text.index(words)
            return store.add(old.id, start, start + len(words), label, words)

        claim, source = on("Rare earths are a priority", "claim"), on("Boris Titov", "source")
        when = on("on Tuesday", "event")
        kept, waiting = store.relate(claim.id, source.id), store.relate(claim.id, when.id)
        moved = store.move_article(old, new)
        placed = {a.moved_from["id"]: a for a in moved.placed if a.moved_from}
        assert [u.id for u in moved.unplaced] == [when.id]  # "on Tuesday" is gone
        assert store.relations_of(old.id) == ()
        found = {(r.head, r.child): r for r in store.relations_of(new.id)}
        assert set(found) == {(placed[claim.id].id, placed[source.id].id),
                              (placed[claim.id].id, when.id)}  # fmt: skip
        assert all(r.article_id == new.id for r in found.values())
        assert found[placed[claim.id].id, placed[source.id].id].created_at == kept.created_at
        # Placing the unplaced end by hand relinks its relation to the placed annotation.
        start = new.text.index("on Wednesday")
        made = store.place_unplaced(new.id, when.id, start, start + 12, "on Wednesday")
        assert {(r.head, r.child) for r in store.relations_of(new.id)} == {
            (placed[claim.id].id, placed[source.id].id),
            (placed[claim.id].id, made.id),
        }
        store.undo()  # the placement: the relation waits with the unplaced annotation again
        assert (placed[claim.id].id, when.id) in {(r.head, r.child)
                                                 for r in store.relations_of(new.id)}  # fmt: skip
        store.delete_unplaced(new.id, when.id)  # its relation goes with it
        assert len(store.relations_of(new.id)) == 1
        store.undo()
        store.undo()  # the move: everything back on the old text
        assert set(store.relations_of(old.id)) == {kept, waiting}
        assert store.relations_of(new.id) == ()


def test_a_move_run_again_after_a_crash_writes_no_relation_twice(tmp_path: Path) -> None:
    old = make_article(TEXT, "a.txt")
    new = make_article("Update: " + TEXT, "a.txt")
    with Store.open(tmp_path, "ana", labels=LABELS) as store:
        claim = store.add(old.id, 0, 28, "claim", TEXT[0:28])
        source = store.add(old.id, 35, 46, "source", "Boris Titov")
        store.relate(claim.id, source.id)
        folder = tmp_path / "annotations" / "ana"
        before_old = (folder / f"{old.id}.json").read_bytes()
        store.move_article(old, new)
    # A crash after the new article's file was written, before the old one's was emptied.
    (folder / f"{old.id}.json").write_bytes(before_old)
    with Store.open(tmp_path, "ana", labels=LABELS) as store:
        store.move_article(old, new)
        assert len(store.relations_of(new.id)) == 1
        raw = json.loads((folder / f"{new.id}.json").read_text("utf-8"))
        assert len(raw["relations"]) == 1
        assert store.relations_of(old.id) == ()


def test_relation_records_are_checked_whole() -> None:
    with pytest.raises(ValueError, match="head must be a string"):
        Relation.from_dict({"id": "x", "article_id": A1, "head": 3, "child": "b"})
    with pytest.raises(ValueError, match="needs a label"):
        Relation("x", A1, "a", "b", label="")
    assert Relation.from_dict({**Relation("x", A1, "a", "b").to_dict(), "later": 1}).head == "a"
