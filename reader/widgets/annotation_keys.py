"""The annotating keys the reader and the side panel share (each with its own binding ids, so
either can be remapped alone)."""

from __future__ import annotations

from textual.binding import Binding

# (key, action, description, tooltip)
_KEYS = (
    ("a", "accept", "Accept", "Accept the suggestion here as an annotation"),
    ("x", "reject", "Reject", "Reject the suggestion here"),
    ("d", "delete", "Delete", "Delete the annotation here"),
    ("i", "note", "Note", "Write a note on the annotation here"),
    ("y", "copy", "Copy", "Copy the selection, annotation, span or sentence with a citation line"),
)


def annotation_bindings(prefix: str) -> list[Binding]:
    """Accept, reject, delete, note and copy, as app actions, with ids `<prefix>.<action>`."""
    return [
        Binding(
            key, f"app.{action}", description, show=False, id=f"{prefix}.{action}", tooltip=tooltip
        )
        for key, action, description, tooltip in _KEYS
    ]
