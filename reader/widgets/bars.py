"""The title bar and the key bar: one line each, drawn as text rather than a widget per part.

Textual's Header and Footer are a widget per part (a footer key is a widget): about fifteen
widgets to style before the first paint. These two lines draw the same information.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """The corpus and the annotator (and a read-only warning), on one line."""

    DEFAULT_CSS = """
    TitleBar { height: 1; background: $panel; color: $text; padding: 0 1; text-style: bold; }
    """

    def show(self, title: str, detail: str, warning: str = "") -> None:
        parts: list[Content | tuple[str, str] | str] = [Content(title), ("  —  ", "dim"),
                                                         Content(detail)]  # fmt: skip
        if warning:
            parts += ["  ", (f" {warning} ", "reverse bold")]
        self.update(Content.assemble(*parts), layout=False)  # one line: no relayout


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
            parts += [(self.app.get_key_display(binding), "bold"), " ",
                      Content(binding.description), "  "]  # fmt: skip
        self.update(Content.assemble(*parts), layout=False)  # one line: no relayout
