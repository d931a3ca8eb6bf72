"""The export and import formats, one module each, in one table used by export, import and
the CLI.

A format is a module of this package that defines `FORMAT`, a `Format` (annotations/formats/
base.py): its name, whether it needs tokens, how it writes an article's line and, if it can be
imported, how its spans are read back. Adding one is adding its module (and its round-trip
test): the modules are found when this package is imported.

Formats that are not lines are modules too, named in `FOLDER_FORMATS` (brat: a folder of
files) and `FILE_FORMATS` (Label Studio: one JSON document; spaCy: DocBin files, module
`docbin`), with their modules in `WHOLE_MODULES`; each writes from the export's checked lines
(`annotations.export.export_records`), and those that can be imported read into the
importer's line reader.
"""

from __future__ import annotations

import importlib
import pkgutil

from annotations.formats.base import ExportLine, ExportReport, Format

__all__ = [
    "DEFAULT_FORMAT",
    "FILE_FORMATS",
    "FOLDER_FORMATS",
    "FORMATS",
    "WHOLE_MODULES",
    "ExportLine",
    "ExportReport",
    "Format",
    "importable",
]

DEFAULT_FORMAT = "prodigy"
# Formats written as a folder of files or as one JSON document, not as lines (each module
# says how): not in FORMATS.
FOLDER_FORMATS = ("brat",)
FILE_FORMATS = ("label-studio", "spacy")
WHOLE_MODULES = {"brat": "brat", "label-studio": "label_studio", "spacy": "docbin"}


def _found() -> dict[str, Format]:
    """Every module's `FORMAT`, the default first, then by name (the order of --help)."""
    found = {}
    for module in pkgutil.iter_modules(__path__):
        made = getattr(importlib.import_module(f"{__name__}.{module.name}"), "FORMAT", None)
        if isinstance(made, Format):
            found[made.name] = made
    return dict(sorted(found.items(), key=lambda item: (item[0] != DEFAULT_FORMAT, item[0])))


FORMATS: dict[str, Format] = _found()


def importable() -> list[Format]:
    """The formats an import can read, in the table's order (the first wins a line that two
    formats' keys tell)."""
    return [f for f in FORMATS.values() if f.importable]
