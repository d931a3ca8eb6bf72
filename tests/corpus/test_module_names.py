"""The rule modules bind each module-level name once: a second binding (a list, a threshold)
silently replaces the first for every rule that reads it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import corpus

RULE_MODULES = ["boilerplate.py", "chrome_words.py", "quotes.py", "figures.py", "meta.py"]


def module_bindings(source: str) -> Counter[str]:
    """How many times each name is bound at a module's top level (assignments, functions,
    classes; not inside them)."""
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
            continue
        else:
            continue
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Name):
                    names[leaf.id] += 1
    return names


def test_a_name_bound_twice_is_found() -> None:
    source = "A = 1\nB = 2\ndef f():\n    A = 3\nA = 4\n"
    assert {n for n, c in module_bindings(source).items() if c > 1} == {"A"}


@pytest.mark.parametrize("module", RULE_MODULES)
def test_no_module_level_name_is_bound_twice(module: str) -> None:
    source = (Path(corpus.__file__).parent / module).read_text(encoding="utf-8")
    twice = sorted(n for n, c in module_bindings(source).items() if c > 1)
    assert twice == []
