"""Settings: a TOML file under the user config folder, remembered between runs.

    theme = "textual-dark"          # any Textual theme; "ansi-dark" uses the terminal's 16 colours
    labels = ["claim", "figure", "event", "source"]   # or a table per label, below
    select_characters = false       # selections snap to words; true: to characters
    tint_sentence = false           # the cursor's sentence: a bar in the gutter; true: tinted
                                    # too (each move then redraws its lines: slower over SSH)
    model = "en_core_web_sm"        # optional: the spaCy pipeline
    analyse_corpus = true           # analyse the rest of the corpus in the background
    relation_labels = ["source"]    # relations a claim links with; K and accepting make the first

    [layers]
    entities = true
    quotes = true
    figures = true
    fold_boilerplate = false

    [labels.claim]                  # instead of the list: a table per label, in label order,
    description = "A checkable statement of fact"   # shown when tagging and in the help
    key = "c"                       # optional here, as in [label_keys]
    colour = "accent"               # optional here, as in [label_colours]

    [label_keys]                    # the key that tags with each label (c, f, e, r by default)
    claim = "c"
    [label_colours]                 # a theme colour per label: primary, secondary, accent,
    claim = "accent"                # warning, error or success

    [keys]                          # binding id = keys, e.g. remap the next-quote key
    "reader.next_quote" = "ctrl+n"

The path is `$ASSAY_CONFIG`, else `~/.config/assay/config.toml` (the platform's config folder).
A file that cannot be read is never overwritten: the reader starts with defaults and says why.

TOML cannot hold both `labels = [...]` and `[labels.claim]`, so labels come either as the list
(names only) or as a table per label. The table form gathers what belongs to one label (its
description, key and colour) in one place; `[label_keys]` and `[label_colours]` still work with
either form.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from annotations.model import DEFAULT_LABELS, DEFAULT_RELATION_LABELS
from corpus.text import sanitize_line

CONFIG_ENV = "ASSAY_CONFIG"
COLOURS = ("accent", "warning", "success", "primary", "secondary", "error")
DEFAULT_LABEL_KEYS = {"claim": "c", "figure": "f", "event": "e", "source": "r"}
DEFAULT_LABEL_COLOURS = {
    "claim": "accent",
    "figure": "warning",
    "event": "success",
    "source": "primary",
}
# One line each, for news annotators: what to tag, with the line drawn where people differ.
DEFAULT_LABEL_DESCRIPTIONS = {
    "claim": "A statement of fact or prediction that could be checked, by the writer or a "
    "source; not an opinion or a question",
    "figure": "A number with what it counts: money, a percentage, a quantity with its unit "
    "(“$5bn”, “15 percent”, “2 million tons”)",
    "event": "Something that happened or is to happen at a known time: a vote, a meeting, "
    "an attack, a law taking effect",
    "source": "Who says it: the name, organisation, description (“the official”) or pronoun "
    "a claim is attributed to, linked to the claim",
}
# A description is read at a glance in a status line and the help: one line, this long at most.
DESCRIPTION_LIMIT = 160
_LABEL_SETTINGS = ("description", "key", "colour")


def config_path() -> Path:
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("assay", appauthor=False)) / "config.toml"


@dataclass(frozen=True)
class Layers:
    entities: bool = True
    quotes: bool = True
    figures: bool = True
    fold_boilerplate: bool = False


@dataclass(frozen=True)
class Settings:
    theme: str = "textual-dark"
    labels: tuple[str, ...] = DEFAULT_LABELS
    model: str = ""
    analyse_corpus: bool = True
    layers: Layers = field(default_factory=Layers)
    keys: dict[str, str] = field(default_factory=dict)
    label_keys: dict[str, str] = field(default_factory=dict)  # set ones; see key_for()
    label_colours: dict[str, str] = field(default_factory=dict)
    label_descriptions: dict[str, str] = field(default_factory=dict)  # set ones (may be "")
    select_characters: bool = False
    tint_sentence: bool = False
    # Labels of relations; the first is what linking (K, accepting a quotation) makes.
    relation_labels: tuple[str, ...] = DEFAULT_RELATION_LABELS

    def with_layers(self, **changes: bool) -> Settings:
        return replace(self, layers=replace(self.layers, **changes))

    def key_for(self, label: str) -> str | None:
        """The key that tags with `label`: as set, else c/f/e for the default labels, else
        none (the command palette still offers it)."""
        return self.label_keys.get(label) or DEFAULT_LABEL_KEYS.get(label)

    def description_for(self, label: str) -> str:
        """What `label` means, in one line: as set (an empty one hides the default), else the
        default label's, else "". Sanitized when read: never markup, no control."""
        if label in self.label_descriptions:
            return self.label_descriptions[label]
        return DEFAULT_LABEL_DESCRIPTIONS.get(label, "")

    def colour_for(self, label: str) -> str:
        if label in self.label_colours:
            return self.label_colours[label]
        if label in DEFAULT_LABEL_COLOURS:
            return DEFAULT_LABEL_COLOURS[label]
        if label in self.labels:
            return COLOURS[self.labels.index(label) % len(COLOURS)]
        return "accent"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings at `path` (defaults where it is silent), and a problem to tell the user."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), f"settings in {path} could not be read ({exc}); using defaults"
    problems: list[str] = []
    settings = Settings()
    changes: dict[str, Any] = {}
    for name, kind in (
        ("theme", str),
        ("model", str),
        ("analyse_corpus", bool),
        ("select_characters", bool),
        ("tint_sentence", bool),
    ):
        if name in data:
            if isinstance(data[name], kind):
                changes[name] = data[name]
            else:
                problems.append(f"{name} should be a {kind.__name__}")
    if "relation_labels" in data:
        given = data["relation_labels"]
        cleaned = (
            [sanitize_line(x).strip() for x in given if isinstance(x, str)]
            if isinstance(given, list)
            else []
        )
        if isinstance(given, list) and given and all(cleaned) and len(cleaned) == len(given):
            changes["relation_labels"] = tuple(dict.fromkeys(cleaned))
        else:
            problems.append('relation_labels should be a list of names, e.g. ["source"]')
    per_label = _labels(data.get("labels"), problems)
    if per_label is not None:
        changes["labels"] = tuple(per_label)
        changes["label_descriptions"] = {
            label: entry["description"]
            for label, entry in per_label.items()
            if "description" in entry
        }
    layers = _table(data, "layers", problems)
    known = {f.name for f in fields(Layers)}
    good = {k: v for k, v in layers.items() if k in known and isinstance(v, bool)}
    problems.extend(
        f"layers.{k} is not a known true/false setting" for k in layers if k not in good
    )
    changes["layers"] = replace(settings.layers, **good)
    labels_now = changes.get("labels", settings.labels)
    changes["keys"] = _keymap(_table(data, "keys", problems), labels_now, problems)
    per_label = per_label or {}
    changes["label_keys"] = _label_keys(
        _merged(per_label, "key", _table(data, "label_keys", problems), "label_keys", problems),
        labels_now,
        changes["keys"],
        problems,
    )
    colours: dict[str, str] = {}
    wanted = _merged(
        per_label, "colour", _table(data, "label_colours", problems), "label_colours", problems
    )
    for label, (colour, where) in wanted.items():
        if colour in COLOURS and label in labels_now:
            colours[label] = colour
        else:
            problems.append(f"{where} should be one of {', '.join(COLOURS)}")
    changes["label_colours"] = colours
    settings = replace(settings, **changes)
    problem = f"in {path}: {'; '.join(problems)}" if problems else None
    return settings, problem


def _keymap(table: dict[str, Any], labels: tuple[str, ...], problems: list[str]) -> dict[str, str]:
    """The [keys] entries that name a binding of the reader and give it keys; the others are
    said (Textual would ignore them without a word)."""
    if not table:
        return {}
    from reader.keys import binding_ids, normal_keys  # the reader's bindings: not for every run

    ids = binding_ids(labels)
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if not isinstance(keys, str):
            problems.append(f"keys.{binding_id} should be a string of keys")
        elif binding_id not in ids:
            problems.append(f"keys.{binding_id} names no binding (the help screen lists them)")
        else:
            try:
                normal_keys(keys)
            except ValueError:
                problems.append(f"keys.{binding_id}: {keys!r} is not a key")
            else:
                keymap[binding_id] = keys
    return keymap


def _label_keys(
    table: dict[str, tuple[Any, str]],
    labels: tuple[str, ...],
    keymap: dict[str, str],
    problems: list[str],
) -> dict[str, str]:
    """The label keys set in `table` (label: (key, the setting that set it)) that name a label
    and a key no binding of the reader has (with the [keys] remaps `keymap`) and no earlier
    label; the others are said."""
    if not table:
        return {}
    from reader.keys import normal_keys, taken_keys  # the reader's bindings: not for every run

    taken = set(taken_keys(keymap))
    label_keys: dict[str, str] = {}
    for label, (key, where) in table.items():
        if label not in labels or not isinstance(key, str) or not key:
            problems.append(f"{where} names no label or no key")
            continue
        try:
            keys = normal_keys(key)
        except ValueError:
            problems.append(f"{where}: {key!r} is not a key")
            continue
        if taken.intersection(keys):
            problems.append(f"{where}: {key!r} is already taken")
            continue
        taken.update(keys)
        label_keys[label] = key
    return label_keys


def _labels(found: object, problems: list[str]) -> dict[str, dict[str, Any]] | None:
    """The labels the settings name, in order, each with what its table sets (a description
    made safe to show; a key and a colour, checked later with the other label keys and
    colours); None when the settings name none, or none that can be used (said)."""
    if found is None:
        return None
    if isinstance(found, list):
        if found and all(_label_name(x) for x in found):
            return {name: {} for name in found}
        problems.append(
            "labels should be a list of names (printable, no brackets, at most 64 characters)"
        )
        return None
    if not isinstance(found, dict):
        problems.append(
            "labels should be a list of names, or a table per label ([labels.claim] "
            'description = "…")'
        )
        return None
    labels: dict[str, dict[str, Any]] = {}
    for name, entry in found.items():
        if not _label_name(name):
            problems.append(
                f"labels.{_quoted(name)}: a label name is printable, has no brackets and at "
                "most 64 characters"
            )
            continue
        labels[name] = settings = {}
        if not isinstance(entry, dict):
            problems.append(f'labels.{name} should be a table ([labels.{name}] description = "…")')
            continue
        for setting, value in entry.items():
            where = f"labels.{name}.{_quoted(setting)}"
            if setting not in _LABEL_SETTINGS:
                problems.append(f"{where} is not a label setting ({', '.join(_LABEL_SETTINGS)})")
            elif setting != "description":
                settings[setting] = value
            elif not isinstance(value, str):
                problems.append(f"{where} should be a string: one line")
            else:
                settings[setting] = _description(value, where, problems)
    if not labels:
        problems.append("labels names no label that can be used; using the default labels")
        return None
    return labels


def _description(text: str, where: str, problems: list[str]) -> str:
    """A label's description as it is shown: one line of plain text (escape sequences and
    controls removed, white space collapsed), at most DESCRIPTION_LIMIT characters (a longer
    one is cut, and said)."""
    line = " ".join(sanitize_line(text).split())
    if len(line) > DESCRIPTION_LIMIT:
        problems.append(f"{where} is longer than {DESCRIPTION_LIMIT} characters: it is cut")
        line = line[: DESCRIPTION_LIMIT - 1].rstrip() + "…"
    return line


def _merged(
    per_label: dict[str, dict[str, Any]],
    setting: str,
    table: dict[str, Any],
    table_name: str,
    problems: list[str],
) -> dict[str, tuple[Any, str]]:
    """A label setting (key or colour) from the label tables and from its own table
    (`[label_keys]`, `[label_colours]`), each with the name of the setting it came from (for
    the problems). The same label set both ways to different values is said; its own table
    wins, as it did before label tables."""
    merged = {
        label: (entry[setting], f"labels.{label}.{setting}")
        for label, entry in per_label.items()
        if setting in entry
    }
    for label, value in table.items():
        where = f"{table_name}.{_quoted(label)}"
        if label in merged and merged[label][0] != value:
            problems.append(f"{where} and labels.{label}.{setting} differ; using {table_name}")
        merged[label] = (value, where)
    return merged


def _quoted(name: object) -> str:
    """A name from the settings file, as a problem quotes it: safe to show, and short."""
    text = sanitize_line(str(name))
    return text if len(text) <= 64 else text[:63] + "…"


def _label_name(name: object) -> bool:
    """A label shows in notes, the palette and the export: plain, short, nothing that reads as
    markup."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= 64
        and name.isprintable()
        and not any(c in name for c in "[]")
    )


def _table(data: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    found = data.get(name, {})
    if isinstance(found, dict):
        return found
    problems.append(f"{name} should be a table")
    return {}


_HEADER = """\
# assay settings. assay rewrites theme and [layers] when you change them in the app and leaves
# everything else here as you wrote it, comments included.
#
# labels = ["claim", "figure", "event", "source"]   # or a table per label, in order (below)
# model = "en_core_web_sm"
# analyse_corpus = true        # analyse the rest of the corpus in the background
# relation_labels = ["source"] # links from a claim; K and accepting a quote make the first
# select_characters = false    # true: selections move by character, not by word
# [labels.claim]               # instead of the list: one table per label, in label order
# description = "A checkable statement of fact"    # shown when tagging and in the help
# key = "c"                    # and colour = "accent": or in [label_keys], [label_colours]
# [label_keys]                 # source = "Y"
# [label_colours]              # source = "error" (accent, warning, success, primary, ...)
# [keys]                       # "reader.next_quote" = "ctrl+n" (ids are in the help screen)

"""


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write what the app changes (the theme and the layers) into the settings file, keeping
    everything else in it as the user wrote it: comments, order, other keys, any character.
    Returns a problem to tell the user, or None."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError
    from tomlkit.items import Table

    from annotations.storage import write_atomically

    path = path or config_path()
    try:
        document = tomlkit.parse(path.read_text("utf-8"))
    except FileNotFoundError:
        document = tomlkit.parse(_HEADER)
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        # Never replace a file that cannot be read whole: it would lose what it holds.
        return f"settings could not be saved: {path} could not be read ({exc})"
    layers = document.get("layers")
    if layers is None:
        layers = tomlkit.table()
        document["layers"] = layers
    elif not isinstance(layers, (Table, dict)):
        return f"settings could not be saved: layers in {path} is not a table"
    document["theme"] = settings.theme
    for item in fields(Layers):
        layers[item.name] = getattr(settings.layers, item.name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, tomlkit.dumps(document).encode("utf-8"))
    except OSError as exc:
        return f"settings could not be saved to {path}: {exc.strerror or exc}"
    return None
