"""Small modal dialogs: a note for an annotation, and a yes/no question."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 70; max-width: 100%; height: auto; padding: 1 2;
    background: $panel; border: round $accent;
}}
{name} Static {{ height: auto; }}
{name} .hint {{ color: $text-muted; }}
"""


class NoteScreen(ModalScreen[str | None]):
    """The note of an annotation: enter keeps it (empty removes it), escape leaves it."""

    DEFAULT_CSS = _CSS.format(name="NoteScreen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "dismiss(None)",
            "Cancel",
            id="note.cancel",
            tooltip="Leave the note as it was",
        ),
    ]

    def __init__(self, about: str, note: str) -> None:
        super().__init__()
        self.about = about
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.about))
            yield Input(value=self.note, placeholder="a note for this annotation", id="note")
            yield Static(
                "enter saves · an empty note removes it · escape cancels",
                classes="hint",
                markup=False,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes; n or escape says no."""

    DEFAULT_CSS = _CSS.format(name="ConfirmScreen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "dismiss(True)", "Yes", id="confirm.yes", tooltip="Yes, do it"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm.no", tooltip="No, leave it"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question))
            yield Static("y or enter: yes · n or escape: no", classes="hint", markup=False)
