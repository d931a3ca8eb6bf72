"""Annotation store and gold export (TinyDB). UI-free, like corpus/."""
