"""The `integration` mark: tests that run the real spaCy model (`-m "not integration"` skips
them and keeps the rule tests, which take seconds)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "integration: runs the real spaCy model or command")
