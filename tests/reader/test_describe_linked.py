"""What an undo or redo of a change of relations says in the reader's toast."""

from __future__ import annotations

from pathlib import Path

from annotations.store import Store
from reader.annotating import describe_change
from reader.session import articles_of

A1 = "5e64e69df3fbd64f"
TEXT = '"Rare earths are a priority," said Boris Titov.'


def test_each_change_of_relations_is_described(tmp_path: Path) -> None:
    with Store.open(tmp_path, "ana", labels=None) as store:
        claim = store.add(A1, 1, 27, "claim", TEXT[1:27])
        source = store.add(A1, 35, 46, "source", "Boris Titov")
        made = store.relate(claim.id, source.id)
        assert describe_change(store.undo()) == "source link added"  # type: ignore[arg-type]
        store.redo()
        store.update_relation(made.id, note="paraphrase")
        assert describe_change(store.undo()) == "source link changed"  # type: ignore[arg-type]
        store.unrelate(made.id)
        assert describe_change(store.undo()) == "source link removed"  # type: ignore[arg-type]
        store.delete(claim.id)
        change = store.undo()
        assert change is not None and articles_of(change) == {A1}
        assert describe_change(change) == "deleted claim “Rare earths are a priority” and 1 link"
        items = [{"start": 1, "end": 27, "label": "claim", "text": TEXT[1:27]},
                 {"start": 35, "end": 46, "label": "source", "text": "Boris Titov"}]  # fmt: skip
        store.add_linked(A1, items, [(0, 1, "source")])
        assert describe_change(store.undo()) == (  # type: ignore[arg-type]
            "added claim “Rare earths are a priority” and 1 span with 1 link"
        )
