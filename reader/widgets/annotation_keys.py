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
    ("W", "who", "Who said it", "Jump from a claim to its source, and from a source to its claim"),
    (
        "K",
        "link",
        "Link to source",
        "Link the claim here to who said it: K again offers the next speaker or name near it, "
        "t/T q/Q m/M or a selection choose any span, enter links, escape cancels",
    ),
)


def annotation_bindings(prefix: str) -> list[Binding]:
    """Accept, reject, delete, note, copy, who said it and link, as app actions, with ids
    `<prefix>.<action>`."""
    return [
        Binding(
            key, f"app.{action}", description, show=False, id=f"{prefix}.{action}", tooltip=tooltip
        )
        for key, action, description, tooltip in _KEYS
    ]
