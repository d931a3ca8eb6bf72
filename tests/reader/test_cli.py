"""The real `assay` command, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ASSAY = str(Path(sys.executable).with_name("assay"))


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run(
        [ASSAY, *args], capture_output=True, text=True, timeout=300, env=env, **kwargs
    )  # type: ignore[call-overload, no-any-return]


def test_analyze_jsonl_over_builtin_corpus() -> None:
    done = run("analyze", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 5
    keys = ["id", "source", "title", "meta", "text", "boilerplate", "pipeline", "sentences",
            "entities", "groups", "quotes", "figures"]  # fmt: skip
    assert all(list(r) == keys for r in records)
    assert "[US President Donald] Trump" in records[0]["text"]
    for r in records:
        text = r["text"]
        assert "\x1b" not in text
        for ent in r["entities"]:
            assert text[ent["start"] : ent["end"]] == ent["text"]
            # `note` only where assay changed the pipeline's label or found what it passed
            # over, saying why; `group` on names, one of the record's groups.
            assert set(ent) - {"note", "group"} == {"start", "end", "label", "text"}
            assert ent.get("group", r["groups"][0]["id"]) in {g["id"] for g in r["groups"]}
            assert ent.get("note", "x").startswith(("x", "was ", "not found by the pipeline"))
        for start, end in r["boilerplate"] + r["sentences"]:
            assert 0 <= start < end <= len(text)
    assert records[1]["boilerplate"][0] == [0, len("Support The Moscow Times!")]
    relabelled = [e for e in records[4]["entities"] if e.get("note", "").startswith("was ")]
    assert relabelled and {e["label"] for e in relabelled} == {"PERSON"}


def test_analyze_defaults_to_jsonl_and_second_run_is_identical() -> None:
    first = run("analyze")
    second = run("analyze")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and first.stdout.count("\n") == 5


def test_main_job_without_a_terminal_prints_the_corpus_as_a_table() -> None:
    done = run()
    assert done.returncode == 0, done.stderr
    assert "not a terminal" in done.stderr
    for heading in ("title", "source", "words", "entities", "quotes", "figures"):
        assert heading in done.stdout
    assert "Putin Signals Openness" in done.stdout
    assert "5 articles" in done.stdout


def test_analyze_table_shows_bracketed_title_literally(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("[bold]Not markup[/bold] headline\n\nBody text here.", "utf-8")
    done = run("analyze", "--format", "table", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "[bold]Not markup[/bold]" in done.stdout


def test_hostile_input_gives_one_line_per_skipped_file(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Headline\n\nBody \x1b]52;c;ZXZpbA==\x07text.", "utf-8")
    done = run("analyze", "--model", "none", str(tmp_path))
    assert done.returncode == 0
    lines = done.stderr.splitlines()
    assert "assay: skipped bin.txt: binary file (contains NUL bytes)" in lines
    assert "assay: skipped empty.txt: empty file" in lines
    assert any("Entity highlighting is off" in line for line in lines)
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["text"] == "Headline\n\nBody text." and record["entities"] == []


def test_nothing_to_read_is_an_error() -> None:
    done = run("analyze", "/no/such/place")
    assert done.returncode == 1
    assert "assay: skipped /no/such/place: no such file or folder" in done.stderr
    assert "no articles could be read from /no/such/place" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("bad", [["--processes", "0"], ["--format", "xml"], ["--bogus"]])
def test_bad_options_are_usage_errors(bad: list[str]) -> None:
    done = run("analyze", *bad)
    assert done.returncode == 2 and "usage: assay analyze" in done.stderr


def test_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen(
        [ASSAY, "analyze"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in proc.stderr.read()


@pytest.mark.parametrize("name", ["..", ".", ".lock", "articles", "a b"])
def test_reader_refuses_a_bad_annotator_before_anything_else(name: str, tmp_path: Path) -> None:
    done = run("--annotator", name, "--workspace", str(tmp_path))
    assert done.returncode == 2
    assert f"argument --annotator: annotator name {name!r}" in done.stderr
    assert done.stdout == "" and "not a terminal" not in done.stderr  # before the table, too
    assert list(tmp_path.iterdir()) == []


def test_reader_asks_for_annotator_when_the_login_name_cannot_be_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    import reader.app
    from reader import cli

    class NoApp:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise AssertionError("the reader started")

    monkeypatch.setattr(reader.app, "AssayApp", NoApp)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "Maria Smith")
    assert cli.main(["--workspace", str(tmp_path)]) == 2
    said = capsys.readouterr().err
    assert "'Maria Smith'" in said and "--annotator NAME" in said
    assert list(tmp_path.iterdir()) == []
