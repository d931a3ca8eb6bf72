"""The Textual reader and the `assay` command line."""
