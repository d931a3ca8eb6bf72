"""Settings: a TOML file under the user config folder, remembered between runs.

    theme = "textual-dark"          # any Textual theme; "ansi-dark" uses the terminal's 16 colours
    labels = ["claim", "figure", "event"]
    model = "en_core_web_sm"        # optional: the spaCy pipeline
    analyse_corpus = true           # analyse the rest of the corpus in the background

    [layers]
    entities = true
    quotes = true
    figures = true
    fold_boilerplate = false

    [keys]                          # binding id = keys, e.g. remap the next-quote key
    "reader.next_quote" = "ctrl+n"

The path is `$ASSAY_CONFIG`, else `~/.config/assay/config.toml` (the platform's config folder).
A file that cannot be read is never overwritten: the reader starts with defaults and says why.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from annotations.model import DEFAULT_LABELS

CONFIG_ENV = "ASSAY_CONFIG"


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

    def with_layers(self, **changes: bool) -> Settings:
        return replace(self, layers=replace(self.layers, **changes))


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
    for name, kind in (("theme", str), ("model", str), ("analyse_corpus", bool)):
        if name in data:
            if isinstance(data[name], kind):
                changes[name] = data[name]
            else:
                problems.append(f"{name} should be a {kind.__name__}")
    labels = data.get("labels")
    if labels is not None:
        if isinstance(labels, list) and labels and all(isinstance(x, str) and x for x in labels):
            changes["labels"] = tuple(labels)
        else:
            problems.append("labels should be a list of names")
    layers = data.get("layers", {})
    if isinstance(layers, dict):
        known = {f.name for f in fields(Layers)}
        good = {k: v for k, v in layers.items() if k in known and isinstance(v, bool)}
        problems.extend(f"layers.{k} is not a known true/false setting" for k in layers
                        if k not in good)  # fmt: skip
        changes["layers"] = replace(settings.layers, **good)
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        changes["keys"] = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
    settings = replace(settings, **changes)
    problem = f"in {path}: {'; '.join(problems)}" if problems else None
    return settings, problem


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write `settings`; returns a problem to tell the user, or None."""
    path = path or config_path()
    lines = [
        "# assay settings (rewritten when you change them in the app)",
        f"theme = {_string(settings.theme)}",
        f"labels = [{', '.join(_string(x) for x in settings.labels)}]",
        f"analyse_corpus = {_bool(settings.analyse_corpus)}",
    ]
    if settings.model:
        lines.append(f"model = {_string(settings.model)}")
    lines += ["", "[layers]"]
    lines += [f"{f.name} = {_bool(getattr(settings.layers, f.name))}" for f in fields(Layers)]
    lines += ["", "[keys]"]
    lines += [f"{_string(k)} = {_string(v)}" for k, v in sorted(settings.keys.items())]
    from annotations.storage import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError as exc:
        return f"settings could not be saved to {path}: {exc.strerror or exc}"
    return None


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _bool(value: bool) -> str:
    return "true" if value else "false"
