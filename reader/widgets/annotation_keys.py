"""The annotating keys the reader and the side panel share (each with its own binding ids, so
either can be remapped alone)."""

from __future__ import annotations

from textual.binding import Binding

_KEYS = (("a", "accept", "Accept"), ("x", "reject", "Reject"), ("d", "delete", "Delete"),
         ("i", "note", "Note"), ("y", "copy", "Copy"))  # fmt: skip


def annotation_bindings(prefix: str) -> list[Binding]:
    """Accept, reject, delete, note and copy, as app actions, with ids `<prefix>.<action>`."""
    return [Binding(key, f"app.{action}", description, show=False, id=f"{prefix}.{action}")
            for key, action, description in _KEYS]  # fmt: skip
