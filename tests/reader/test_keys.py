"""Keys: every binding has an id and a tooltip, label keys go through the keymap, the keys that
are taken come from the bindings, and keys typed fast act where the keys before them left the
focus. No private Textual attribute is used for any of it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
from hypothesis import given
from textual import events
from textual.actions import parse as parse_action
from textual.binding import Binding
from textual.dom import DOMNode

import reader
from reader.config import Settings, load_settings
from reader.help import key_table
from reader.keys import (
    label_keys,
    main_screen_owners,
    normal_keys,
    shown_key,
    taken_keys,
    with_label_slots,
)
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.side_panel import SidePanel
from tests.reader.conftest import MakeApp, wait_for
from tests.reader.test_annotate import TONS, find, ready, settle

ROOT = Path(reader.__file__).parent
LABELS = ("claim", "figure", "event", "source")


def product_classes() -> list[type[DOMNode]]:
    """Every widget, screen and app class the reader defines, and its panes with label slots."""
    for module in pkgutil.walk_packages([str(ROOT)], "reader."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("reader."):
            found.append(cls)
    labels = label_keys(Settings(labels=LABELS, label_keys={"source": "r"}))
    found += [with_label_slots(ArticleView, labels), with_label_slots(SidePanel, labels)]
    return found


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    classes = product_classes()
    assert {"AssayApp", "ArticleView", "SidePanel", "HelpScreen", "ConfirmScreen"} <= {
        c.__name__ for c in classes
    }
    missing = [
        f"{cls.__name__}: {binding.key} ({binding.action})"
        for cls in classes
        for binding in own_bindings(cls)
        if not binding.id or not binding.tooltip
    ]
    assert missing == []


def test_an_id_names_one_action_wherever_it_is_bound() -> None:
    actions: dict[str, set[str]] = {}
    for cls in product_classes():
        for binding in own_bindings(cls):
            actions.setdefault(binding.id or "", set()).add(binding.action)
    assert {i: a for i, a in actions.items() if len(a) > 1} == {}
    # a label's slot is one id on the reader and the panel, so one remap moves both
    assert actions["annotate.tag_source"] == {"app.tag('source')"}


def test_every_key_bound_on_the_main_screen_is_refused_for_a_label(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    declared = [b for owner in main_screen_owners() for b in own_bindings(owner)]
    keys = sorted({b.key for b in Binding.make_bindings(declared)})
    keys += ["ctrl+p", "tab", "shift+tab", "home", "left"]  # the palette's, Textual's own
    assert "ctrl+r" in keys and "question_mark" in keys
    for key in keys:
        written = shown_key(key)
        path.write_text(f'labels = ["claim", "x"]\n[label_keys]\nx = "{written}"\n', "utf-8")
        settings, problem = load_settings(path)
        assert problem is not None and f"label_keys.x: {written!r} is already taken" in problem
        assert settings.label_keys == {}


def test_a_key_the_keymap_moves_away_is_free_for_a_label(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'labels = ["claim", "figure", "event", "source"]\n[label_keys]\nsource = "q"\n'
        '[keys]\n"reader.next_quote" = "ctrl+n"\n',
        "utf-8",
    )
    settings, problem = load_settings(path)
    assert problem is None and settings.label_keys == {"source": "q"}
    assert "q" not in taken_keys(settings.keys) and "ctrl+n" in taken_keys(settings.keys)


def test_a_label_key_that_is_no_key_is_said(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('labels = ["claim", "x"]\n[label_keys]\nx = ","\n', "utf-8")
    settings, problem = load_settings(path)
    assert problem is not None and "label_keys.x: ',' is not a key" in problem
    assert settings.label_keys == {}


@given(st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Co", "Cn")))
def test_a_key_reads_back_as_the_help_writes_it(character: str) -> None:
    """What the help shows for a key is what a user can write in the settings to get it."""
    if character == ",":  # the separator of a key list: Textual names it "comma"
        return
    [key] = normal_keys(character)
    assert normal_keys(shown_key(key)) == (key,)
    shown = [shown_key(k) for k in normal_keys("?,/,],[,},{,A,ctrl+r")]
    assert shown == ["?", "/", "]", "[", "}", "{", "A", "ctrl+r"]


async def test_label_keys_come_from_the_keymap_and_move_with_it(make_app: MakeApp) -> None:
    """`q` freed by moving the next-quote key, taken by a label; a default label moved by its
    slot's binding id."""
    settings = Settings(
        analyse_corpus=False,
        labels=LABELS,
        label_keys={"source": "q"},
        keys={"reader.next_quote": "ctrl+n", "annotate.tag_claim": "r"},
    )
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot, article=2)
        await pilot.press("ctrl+n")
        assert view.focus_span is not None  # the next quote, on its new key
        await find(pilot, "Putin")
        await pilot.press("q")
        await pilot.press("g", "c")  # c no longer tags: the headline stays untagged
        await pilot.press("r")
        await settle(pilot)
        assert sorted(a.label for a in view.annotations) == ["claim", "source"]
        rows = {i: keys for _where, rows in key_table(app) for keys, _text, i in rows}
        assert rows["annotate.tag_source"] == "q" and rows["annotate.tag_claim"] == "r"
        assert rows["reader.next_quote"] == "ctrl+n"


async def test_help_shows_the_key_a_label_has_not_the_one_refused(make_app: MakeApp) -> None:
    settings = Settings(analyse_corpus=False, labels=LABELS, label_keys={"source": "c"})
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.session.store is not None)
        rows = {i: keys for _where, rows in key_table(app) for keys, _text, i in rows}
        assert rows["annotate.tag_claim"] == "c"
        assert rows["annotate.tag_source"] == "ctrl+p"  # c was claim's: only the palette tags


async def test_keys_sent_at_once_act_where_the_keys_before_left_the_focus(
    make_app: MakeApp,
) -> None:
    """The list's enter opens an article and gives the reader the focus; the `f` sent with it,
    before the app had handled the enter, tags in the reader. The same for the find box's
    enter, taken as it arrives."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.query_one(ArticleList).focus()
        await pilot.pause()
        typed = ["j", "j", "enter", "slash", *TONS, "enter", "f"]
        for key in typed:
            character = {"slash": "/", "enter": "\r"}.get(key, key)
            app.post_message(events.Key(key, character))
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: app.reader.state is not None and len(view.annotations) == 1)
        await settle(pilot)
        assert app.reader.current is not None and app.reader.current.id == app.order[2]
        assert [(a.label, a.text) for a in view.annotations] == [("figure", TONS)]


# Private names the product may use: none.
ALLOWED: set[tuple[str, str]] = set()


def textual_private_names() -> set[str]:
    """The private attributes of the Textual objects the reader uses: class attributes and
    the ones their sources set on `self`."""
    import textual
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.screen import ModalScreen, Screen
    from textual.scroll_view import ScrollView
    from textual.widget import Widget
    from textual.widgets import Input, OptionList, Static

    names: set[str] = set()
    for cls in (
        App,
        Screen,
        ModalScreen,
        Widget,
        ScrollView,
        OptionList,
        Input,
        Static,
        BindingsMap,
        Binding,
    ):
        for base in cls.__mro__:
            names.update(vars(base))
    source = Path(textual.__file__).parent
    for path in [
        source / "app.py",
        source / "screen.py",
        source / "widget.py",
        source / "dom.py",
        source / "message_pump.py",
        source / "binding.py",
    ]:
        names.update(re.findall(r"self\.(_[A-Za-z]\w*)\s*[:=]", path.read_text("utf-8")))
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def test_the_reader_uses_no_private_textual_attribute() -> None:
    private = textual_private_names()
    assert {"_bindings", "_keymap", "_check_bindings"} <= private
    trees = {path: ast.parse(path.read_text("utf-8")) for path in ROOT.rglob("*.py")}
    # The reader's own private names (set on self, or defined) are its own, not Textual's.
    own: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    own.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                own.add(node.target.id)
            elif isinstance(node, ast.Assign):
                own.update(t.id for t in node.targets if isinstance(t, ast.Name))
    found: list[Any] = []
    for path, tree in trees.items():
        modules = {
            a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                parts = (node.module or "").split(".") + [a.name for a in node.names]
                found += [(path.name, p) for p in parts if p.startswith("_")]
            elif isinstance(node, ast.Attribute) and node.attr in private - own:
                on_a_module = isinstance(node.value, ast.Name) and node.value.id in modules
                if not on_a_module:  # os._exit is not Textual's
                    found.append((path.name, node.attr))
    assert set(found) - ALLOWED == set()


async def test_the_palette_shows_each_key_as_remapped_and_runs_its_binding(
    make_app: MakeApp,
) -> None:
    from reader.commands import AssayCommands

    settings = Settings(
        analyse_corpus=False,
        labels=LABELS,
        label_keys={"source": "c"},
        keys={"app.toggle_entities": "ctrl+e"},
    )
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.session.store is not None)
        commands = {name: (text, run) for name, text, run in AssayCommands(app.screen)._actions()}
        assert commands["Toggle entities"][0] == "show or hide entity highlights (ctrl+e)"
        assert commands["Keys"][0].endswith("(?)") and commands["Next article"][0].endswith("(])")
        assert commands["Tag as claim"][0].endswith("(c)")
        assert commands["Tag as source"][0].endswith("(no key)")  # c is claim's
        view = app.query_one(ArticleView)
        shown = view.show_entities
        await commands["Toggle entities"][1]()
        assert view.show_entities is not shown


async def test_the_key_bar_shows_the_list_s_enter(make_app: MakeApp) -> None:
    """The find box's enter (a priority binding) no longer hides the list's own enter."""
    from reader.widgets.bars import KeyBar

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.session.store is not None)
        app.query_one(ArticleList).focus()
        await pilot.pause()
        assert "Open" in str(app.query_one(KeyBar).render())


def test_a_keys_entry_that_names_no_binding_or_no_key_is_said(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'labels = ["claim", "source"]\n[keys]\n"reader.next_qoute" = "x"\n'
        '"reader.prev_quote" = ","\n"annotate.tag_source" = "r"\n"page.close" = "w"\n',
        "utf-8",
    )
    settings, problem = load_settings(path)
    assert problem is not None
    assert "keys.reader.next_qoute names no binding" in problem
    assert "keys.reader.prev_quote: ',' is not a key" in problem
    assert settings.keys == {"annotate.tag_source": "r", "page.close": "w"}


async def test_keys_are_routed_to_the_binding_textual_shows_for_them(make_app: MakeApp) -> None:
    """Where the list, the reader or the panel has the focus, with remaps and label slots,
    the first binding `run_binding` would try for each key is the one Textual's own
    `Screen.active_bindings` has for it."""
    from reader.keys import _KEYMAPS, bindings_by_key

    settings = Settings(
        analyse_corpus=False,
        labels=LABELS,
        label_keys={"source": "r"},
        keys={"reader.next_quote": "ctrl+n", "annotate.tag_claim": "C"},
    )
    app = make_app(settings=settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for(pilot, lambda: app.reader.session.store is not None)
        keymap = _KEYMAPS[app]
        for pane in (ArticleList, ArticleView, SidePanel):
            app.query_one(pane).focus()
            await pilot.pause()
            assert app.focused is not None
            nodes = app.focused.ancestors_with_self
            chain = [(n, bindings_by_key(type(n), keymap)) for n in nodes]
            keys = {key for _node, bindings in chain for key in bindings}
            if pane is not ArticleList:  # the label slots, remapped and not
                assert {"C", "r"} <= keys and ("ctrl+n" in keys) == (pane is ArticleView)

            def allowed(node: DOMNode, binding: Binding) -> bool:
                namespace, name, params = parse_action(binding.action)
                target = {"app": app, "screen": app.screen}.get(namespace, node)
                return target.check_action(name, params) is not False

            for key in keys:
                active = app.screen.active_bindings.get(key)
                found = [(n, b) for n, bindings in chain for b in bindings.get(key, ())]
                found = [(n, b) for n, b in found if allowed(n, b)]
                first = next((b for _n, b in reversed(found) if b.priority), None)
                first = first or next((b for _n, b in found), None)
                assert first == (active.binding if active else None), (pane.__name__, key)
