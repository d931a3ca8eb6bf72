"""The title bar and the key bar: one line each, drawn as text rather than a widget per part.

Textual's Header and Footer are a widget per part (a footer key is a widget): about fifteen
widgets to style before the first paint. These two lines draw the same information.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """The corpus and the annotator (and a read-only warning), on one line. When it does not
    fit, the corpus gives way first (its start cut off), then the detail's end: the warning
    always shows."""

    DEFAULT_CSS = """
    TitleBar { height: 1; background: $panel; color: $text; padding: 0 1; text-style: bold;
        text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _shown: tuple[str, str, str] = ("", "", "")

    def show(self, title: str, detail: str, warning: str = "") -> None:
        self._shown = (title, detail, warning)
        room = self.content_region.width or self.app.size.width - 2
        badge = f" {warning} " if warning else ""
        fixed = 5 + len(detail) + (len(badge) + 2 if badge else 0)
        if len(title) + fixed > room and len(title) > 12:
            keep = max(room - fixed - 1, 12)
            title = "…" + title[-keep:]
        parts: list[Content | tuple[str, str] | str] = [
            Content(title),
            ("  —  ", "dim"),
            Content(detail),
        ]
        if badge:
            parts += ["  ", (badge, "reverse bold")]
        line = Content.assemble(*parts)
        if badge and line.cell_length > room:  # the detail gives way to the warning
            head = Content.assemble(Content(title), ("  —  ", "dim"), Content(detail))
            line = Content.assemble(
                head.truncate(max(room - len(badge) - 3, 1), ellipsis=True),
                "  ",
                (badge, "reverse bold"),
            )
        self.update(line, layout=False)  # one line: no relayout

    def on_resize(self) -> None:
        self.show(*self._shown)


class KeyBar(Static):
    """The keys that work where the focus is, as `key description` pairs."""

    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        parts: list[Content | tuple[str, str] | str] = []
        seen: set[str] = set()
        active = list(self.screen.active_bindings.values())
        # Quit first: at 80 columns the line is cut on the right, and `q` in the reader
        # jumps to a quote, so the way out must be the first thing read.
        active.sort(key=lambda item: item[1].action != "quit")
        for _node, binding, enabled, _tooltip in active:
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            parts += [
                (self.app.get_key_display(binding), "bold"),
                " ",
                Content(binding.description),
                "  ",
            ]
        self.update(Content.assemble(*parts), layout=False)  # one line: no relayout
