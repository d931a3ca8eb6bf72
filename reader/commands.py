"""The command palette (ctrl+p): open any article by title, and the main actions by name."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from corpus.search import parse_query
from reader.keys import bound_keys, shown_key, tag_id
from reader.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from reader.app import AssayApp

_MAX_ARTICLE_HITS = 50
_TEXT_SCORE = 1e-6  # text matches rank below every title match
_TEXT_SECONDS = 0.05  # the palette looks for a phrase in the text this long at most


# (name in the palette, what it does, the binding whose action it runs and whose key it shows)
_COMMANDS = (
    ("Toggle entities", "show or hide entity highlights", "app.toggle_entities"),
    ("Toggle quotes", "show or hide quotes", "app.toggle_quotes"),
    ("Toggle figures", "show or hide figures", "app.toggle_figures"),
    ("Fold site chrome", "fold or show navigation, appeals, related links", "app.fold_boilerplate"),
    ("Toggle side panel", "entities, quotes and figures of the article", "app.side_panel"),
    ("Next article", "open the next article in the list", "app.next_article"),
    ("Previous article", "open the previous article in the list", "app.previous_article"),
    ("Keys", "every key and what it does", "app.help"),
    ("Guidelines", "the workspace's annotation guidelines, guidelines.md", "app.guidelines"),
    (
        "Accept all figure suggestions",
        "in the open article, after a confirmation",
        "annotate.accept_figures",
    ),
    ("Mark done", "mark the open article done, or not done any more", "annotate.done"),
    ("Undo", "the last change, also one made before a restart", "annotate.undo"),
    ("Redo", "the last change undone", "annotate.redo"),
)


class AssayCommands(Provider):
    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, what it does with its key, what runs it), each key as the keymap has it."""
        app: AssayApp = self.app  # type: ignore[assignment]
        keys = bound_keys(app.settings, type(app))
        actions = {b.id: b.action for b in type(app).BINDINGS if isinstance(b, Binding) and b.id}

        def key(binding_id: str) -> str:
            bound = keys.get(binding_id)
            return shown_key(bound.split(",")[0]) if bound else "no key"

        listed: list[tuple[str, str, Callable[[], object]]] = [
            (name, f"{text} ({key(binding_id)})", partial(app.run_action, actions[binding_id]))
            for name, text, binding_id in _COMMANDS
        ]
        report = (
            "Loading report",
            "files skipped and notes on files read when the corpus loaded; annotation files "
            "that could not be read",
            app.action_loading_report,
        )
        listed.insert(9, report)
        listed += [
            (
                f"Tag as {label}",
                f"the selection, found span or sentence ({key(tag_id(label))})",
                partial(app.action_tag, label),
            )
            for label in app.settings.labels
        ]
        # A review's own keys (next group, take a version, ...), by what they do.
        listed += [
            (
                binding.description,
                f"{binding.tooltip[:1].lower()}{binding.tooltip[1:]} ({key(binding.id)})",
                partial(app.run_action, binding.action),
            )
            for binding in type(app).BINDINGS
            if isinstance(binding, Binding)
            and binding.id
            and binding.id.startswith("review.")
            and binding.description
        ]
        return listed

    async def discover(self) -> Hits:
        for name, help_text, callback in self._actions():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        app: AssayApp = self.app  # type: ignore[assignment]
        hits = 0
        by_title: set[str] = set()
        for article_id in app.order:
            article = app.articles[article_id]
            label = f"Open: {article.title}"
            score = matcher.match(label)
            if score > 0:
                # Titles and sources are untrusted: drawn as plain text. (Matcher.highlight
                # and Hit.help would read them as markup.)
                shown = Content.assemble(_highlight(matcher, label), ("  " + article.source, "dim"))
                yield Hit(score, shown, partial(app.open_from_palette, article_id), text=label)
                by_title.add(article_id)
                hits += 1
                if hits >= _MAX_ARTICLE_HITS:
                    return
        # Then the articles whose text holds every word of the query, below any title.
        until = time.perf_counter() + _TEXT_SECONDS  # a phrase of common words: enough
        in_text = app.query_one(ArticleList).index.search(parse_query(query), until)
        for article_id in app.order:
            if article_id in in_text and article_id not in by_title:
                article = app.articles[article_id]
                label = f"Open: {article.title}"
                shown = Content.assemble(label, ("  in the text · " + article.source, "dim"))
                yield Hit(
                    _TEXT_SCORE, shown, partial(app.open_from_palette, article_id), text=label
                )
                hits += 1
                if hits >= _MAX_ARTICLE_HITS:
                    return


def _highlight(matcher: Matcher, candidate: str) -> Content:
    """`Matcher.highlight` for plain text."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
