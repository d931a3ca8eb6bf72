"""Keys: every binding has an id, and every key goes through the app's keymap.

- A label key is a binding slot `annotate.tag_<label>` on the reader and on the side panel.
  The slots are declared per set of labels (a subclass of the pane with one binding per
  label, `with_label_slots`), and their keys come from the settings (`[label_keys]`, then
  `[keys]` by binding id) through the app's keymap (`App.set_keymap`), like any remapped key.
- The keys that are taken, which a label cannot have, are read from the bindings themselves
  (the app's, the screen's and the panes', after the `[keys]` remaps), not from a list kept
  by hand.
- `run_binding` runs a key's binding as the key arrives (see `AssayApp.on_event`).

Only public Textual API is used here: `Binding`, `BindingsMap`, `App.set_keymap`,
`DOMNode.ancestors_with_self`, `App.run_action` and `textual.keys.key_to_character`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

from textual.binding import Binding, BindingsMap, BindingType, InvalidBinding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App

    from reader.config import Settings

Node = TypeVar("Node", bound=DOMNode)

TAG_PREFIX = "annotate.tag_"
# The keys Textual shows by name that read better as the character they type.
_SHOWN = {"slash": "/"}


def tag_id(label: str) -> str:
    """The binding id of the key that tags with `label` (the same on the reader and panel)."""
    return f"{TAG_PREFIX}{label}"


@lru_cache(maxsize=1024)
def normal_keys(keys: str) -> tuple[str, ...]:
    """`keys` ("!", "ctrl+n", "j,down") as Textual names them in its bindings
    ("exclamation_mark", "ctrl+n", ("j", "down")). Raises ValueError for no key."""
    try:
        return tuple(b.key for b in Binding.make_bindings([Binding(keys, "")]))
    except InvalidBinding as exc:
        raise ValueError(f"{keys!r} is not a key") from exc


def shown_key(key: str) -> str:
    """A key as the help and the palette write it: the character it types ("?", "]"),
    else its name ("enter", "ctrl+r", "space")."""
    key = key.strip()
    character = key_to_character(key)
    if character and len(character) == 1 and character.isprintable() and not character.isspace():
        return character
    return _SHOWN.get(key, key)


def normal_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    """`keymap` with its keys named as Textual names them (unreadable entries left as
    written: Textual ignores them, as it ignores ids that name no binding)."""
    normal = {}
    for binding_id, keys in keymap.items():
        try:
            normal[binding_id] = ",".join(normal_keys(keys))
        except ValueError:
            normal[binding_id] = keys
    return normal


@cache
def declared(owner: type[DOMNode]) -> tuple[Binding, ...]:
    """Every binding `owner` declares or inherits, one per key (a binding on "j,down" is
    two), from its own BINDINGS and its bases' (read once per class: they are constants)."""
    return tuple(
        binding
        for base in owner.__mro__
        if issubclass(base, DOMNode)
        for binding in Binding.make_bindings(base.__dict__.get("BINDINGS", []))
    )


def keys_of(binding: Binding, keymap: Mapping[str, str]) -> tuple[str, ...]:
    """The keys `binding` answers to with `keymap` (a normal keymap) applied."""
    if binding.id and keymap.get(binding.id):
        return tuple(k.strip() for k in keymap[binding.id].split(","))
    return (binding.key,)


def main_screen_owners(app_type: type[App[Any]] | None = None) -> tuple[type[DOMNode], ...]:
    """The classes whose bindings act on the reader's main screen (the app's, the screen's
    and each pane's): where a label key would collide."""
    from reader.widgets.article_list import ArticleList
    from reader.widgets.article_view import ArticleView
    from reader.widgets.side_panel import SidePanel

    if app_type is None:
        from reader.app import AssayApp  # here: the app imports this module

        app_type = AssayApp
    return (app_type, Screen, ArticleList, ArticleView, SidePanel)


def binding_ids(labels: Iterable[str]) -> frozenset[str]:
    """Every binding id the keymap can remap: the main screen's, the other screens' and
    dialogs', the review's, and a label slot per label."""
    from reader.dialogs import ConfirmScreen, NoteScreen
    from reader.help import HelpScreen, ReportScreen
    from reader.review import ReviewApp  # here: it imports the app, which imports this module

    others: tuple[type[DOMNode], ...] = (
        HelpScreen,
        ReportScreen,
        NoteScreen,
        ConfirmScreen,
        ReviewApp,
    )
    owners = (*main_screen_owners(), *others)
    ids = {b.id for owner in owners for b in declared(owner) if b.id}
    return frozenset(ids | {tag_id(label) for label in labels})


def taken_keys(
    keymap: Mapping[str, str] | None = None, owners: Iterable[type[DOMNode]] | None = None
) -> frozenset[str]:
    """Every key bound on the main screen with the `[keys]` table `keymap` applied (so a key
    moved elsewhere is free again), named as Textual names keys; the command palette's key
    too. Label slots are not counted: they are what is checked against this."""
    keymap = normal_keymap(keymap or {})
    taken: set[str] = set()
    for owner in owners if owners is not None else main_screen_owners():
        for binding in declared(owner):
            if not (binding.id or "").startswith(TAG_PREFIX):
                taken.update(keys_of(binding, keymap))
        palette = getattr(owner, "COMMAND_PALETTE_BINDING", None)
        if isinstance(palette, str) and getattr(owner, "ENABLE_COMMAND_PALETTE", False):
            taken.update(normal_keys(palette))
    return frozenset(taken)


@dataclass(frozen=True)
class LabelKeys:
    """Which label has which key on the reader and the panel, and the keys refused because
    another binding (or an earlier label) has them."""

    bound: tuple[tuple[str, str], ...]  # (label, keys as Textual names them), label order
    refused: tuple[tuple[str, str], ...]  # (label, keys)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _keys in self.bound)

    def keymap(self) -> dict[str, str]:
        """Binding id to keys, for the app's keymap."""
        return {tag_id(label): keys for label, keys in self.bound}

    def key_for(self, label: str) -> str | None:
        return dict(self.bound).get(label)

    def refusal(self) -> str | None:
        """What to tell the user about the refused keys, or None."""
        if not self.refused:
            return None
        refused = ", ".join(f"{label} ({keys})" for label, keys in self.refused)
        return (
            f"These labels' keys are taken by other keys: {refused}; set [label_keys] "
            "in the settings (ctrl+p still tags with any label)."
        )


def label_keys(settings: Settings, app_type: type[App[Any]] | None = None) -> LabelKeys:
    """The key of each label: `[keys]` by the slot's id, else `[label_keys]`, else c/f/e for
    the default labels. A key taken by any other binding of the main screen, or by an earlier
    label, is refused."""
    user_keys = {k: v for k, v in settings.keys.items() if not k.startswith(TAG_PREFIX)}
    taken = set(taken_keys(user_keys, main_screen_owners(app_type)))
    bound: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for label in settings.labels:
        wanted = settings.keys.get(tag_id(label)) or settings.key_for(label)
        if not wanted:
            continue  # the command palette still tags with it
        try:
            keys = normal_keys(wanted)
        except ValueError:
            refused.append((label, wanted))
            continue
        if taken.intersection(keys):
            refused.append((label, ",".join(keys)))
            continue
        taken.update(keys)
        bound.append((label, ",".join(keys)))
    return LabelKeys(tuple(bound), tuple(refused))


def keymap_for(settings: Settings, labels: LabelKeys) -> dict[str, str]:
    """The app's keymap: the label keys and the `[keys]` table, keys named as Textual does."""
    user_keys = {k: v for k, v in settings.keys.items() if not k.startswith(TAG_PREFIX)}
    return {**normal_keymap(user_keys), **labels.keymap()}


def bound_keys(settings: Settings, app_type: type[App[Any]] | None = None) -> dict[str, str]:
    """Binding id to the keys it has on the main screen ("j,down"), the keymap applied: the
    label slots' and every declared binding's, for the help and the palette to show."""
    labels = label_keys(settings, app_type)
    keymap = keymap_for(settings, labels)
    bound: dict[str, str] = {}
    for owner in main_screen_owners(app_type):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                bound.setdefault(binding.id, keymap.get(binding.id) or binding.key)
    return bound | labels.keymap()


def slot_bindings(labels: Iterable[str]) -> list[BindingType]:
    """A binding per label, each on a key of its own that no keyboard sends: the keymap gives
    it the label's key."""
    return [
        Binding(
            f"assay-label-slot-{index}",
            f"app.tag({label!r})",
            label.capitalize(),
            tooltip=f"Tag the selection, found span or sentence as {label}; in the panel, "
            f"relabel the highlighted annotation as {label}",
            id=tag_id(label),
        )
        for index, label in enumerate(labels)
    ]


def with_label_slots(pane: type[Node], labels: LabelKeys) -> type[Node]:
    """`pane` with a key slot per bound label (the same class for the same labels)."""
    return _with_slots(pane, labels.labels)


@cache
def _with_slots(pane: type[Node], labels: tuple[str, ...]) -> type[Node]:
    if not labels:
        return pane
    # A subclass by the same name: the CSS and queries that name the pane still find it.
    namespace = {
        "BINDINGS": slot_bindings(labels),
        "__module__": pane.__module__,
        "__doc__": pane.__doc__,
    }
    return type(pane.__name__, (pane,), namespace)


def bind_labels(app: App[Any], settings: Settings) -> LabelKeys:
    """Give the label slots their keys, and the `[keys]` remaps, through the app's keymap;
    tell the user about a label key that another key already has."""
    labels = label_keys(settings, type(app))
    set_keymap(app, keymap_for(settings, labels))
    refusal = labels.refusal()
    if refusal:
        app.notify(refusal, severity="warning", timeout=10, markup=False)
    return labels


# The keymap each app was given here, as `run_binding` applies it (Textual keeps its own copy
# private): set it through `set_keymap` only.
_KEYMAPS: WeakKeyDictionary[App[Any], tuple[tuple[str, str], ...]] = WeakKeyDictionary()


def set_keymap(app: App[Any], keymap: Mapping[str, str]) -> None:
    """`App.set_keymap`, remembered for `run_binding`."""
    normal = normal_keymap(keymap)
    _KEYMAPS[app] = tuple(sorted(normal.items()))
    app.set_keymap(normal)


@cache
def bindings_by_key(
    node_type: type[DOMNode], keymap: tuple[tuple[str, str], ...] = ()
) -> dict[str, tuple[Binding, ...]]:
    """The bindings a node of `node_type` has, by key, as Textual merges its class's and its
    bases' BINDINGS (a class's bindings for a key replace its bases'), `keymap` applied."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(node_type.__mro__):
        if issubclass(base, DOMNode):
            keys.update(BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings)
    merged = BindingsMap.from_keys(keys)
    if keymap:
        merged.apply_keymap(dict(keymap))
    return {key: tuple(bindings) for key, bindings in merged.key_to_bindings.items()}


async def run_binding(app: App[Any], key: str) -> bool:
    """Run the binding `key` has where the focus is now, as Textual 8.2 does when a key comes
    back from the focused widget (its private binding check): the priority bindings from the app
    down, then the others from the focused widget up, each until an action takes the key (a
    SkipAction or a `check_action` that says no passes it on). False if none took it.

    Textual offers this only privately, or one binding per key (`Screen.active_bindings`,
    which also asks every binding's `check_action`: ten times the cost of a key). The same
    lookup is made here from public parts: the nodes from the focus up, each class's BINDINGS,
    `BindingsMap` with the app's keymap applied, and `App.run_action`. The panes'
    bindings are their classes' (nothing here binds a key on one widget alone); a test checks
    the result against `Screen.active_bindings`."""
    focused = app.focused
    nodes = focused.ancestors_with_self if focused is not None else [app.screen, app]
    keymap = _KEYMAPS.get(app, ())
    chain = [(node, bindings_by_key(type(node), keymap).get(key, ())) for node in nodes]
    for priority, order in ((True, reversed(chain)), (False, iter(chain))):
        for node, bindings in order:
            for binding in bindings:
                if binding.priority == priority and await app.run_action(binding.action, node):
                    return True
    return False
