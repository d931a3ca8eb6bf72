# Two entry points for a fresh machine: `make run` and `make test`.
# Both create .venv with Python 3.11 and install the project and its pinned spaCy model.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The test run also installs the optional extras that have tests (Ray), so CI runs them.
TESTED := $(VENV)/.installed-test

.PHONY: run test check fmt lint types install clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/assay $(ARGS)

$(TESTED): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	touch $(TESTED)

test: $(TESTED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

fmt: $(STAMP)
	$(BIN)/ruff format .

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

types: $(STAMP)
	$(BIN)/mypy corpus annotations reader

check: lint types test

# Benchmarks print figures next to their targets; textacy comes with the bench extra.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/quotes_eval.py
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/reader.py
	$(BIN)/python bench/agree.py
	$(BIN)/python bench/merge.py
	$(BIN)/python bench/review.py
	$(BIN)/python bench/guidelines.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
