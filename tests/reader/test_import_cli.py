"""`assay import` run as the real command on hostile and unusual files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotations.store import Store
from annotations.workspace import Workspace
from tests.annotations.test_import_hostile import ACTIVE, EMOJI_TEXT, doccano, evil, shown
from tests.reader.test_workspace_cli import assay

TEXT = "The minister said taxes would rise by 5% next year."


def printable(stderr: str) -> bool:
    return not ACTIVE.search(stderr.replace("\n", ""))


def test_hostile_strings_never_reach_the_terminal(tmp_path: Path) -> None:
    at = TEXT.index("taxes")
    good = tmp_path / "gold.jsonl"
    good.write_text(
        json.dumps({"text": TEXT, "spans": [{"start": at, "end": at + 5, "label": evil("claim"),
                                             "note": evil("note")}],
                    "meta": {"title": evil("Title"), "source": evil("src")}}) + "\n",
        "utf-8",
    )  # fmt: skip
    ws = tmp_path / "ws"
    done = assay("import", str(good), "--workspace", str(ws), "--annotator", "maria",
                 "--label", "\x9b1mcl\u202eaim=\x1b[2Jqu\u202eote")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert printable(done.stderr) and "\x1b" not in done.stdout
    assert f"imported 1 span (1 {shown('quote')}) on 1 article" in done.stderr
    with Store.open(ws, "maria", read_only=True, labels=None) as store:
        (found,) = store.all()
    assert (found.label, found.note) == (shown("quote"), shown("note"))
    article = Workspace(ws).article(found.article_id)
    assert article is not None and (article.title, article.source) == (
        shown("Title"), shown("src"),
    )  # fmt: skip
    bad = tmp_path / "bad\x1b]52;c;aGk=\x07.jsonl"
    bad.write_text(
        json.dumps({"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "x",
                                             "text": evil("The")}]}) + "\n"
        + json.dumps({"text": TEXT, "label": [evil("POSITIVE")]}) + "\n",
        "utf-8",
    )  # fmt: skip
    failed = assay("import", str(bad), "--workspace", str(ws), "--annotator", "maria")
    assert failed.returncode == 1
    assert "2 lines cannot be imported" in failed.stderr and printable(failed.stderr)
    assert "\\u001b" in failed.stderr and "\\u202e" in failed.stderr


def test_deep_nesting_is_a_bad_line_not_a_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"text": "x", "spans": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "utf-8")
    done = assay("import", str(deep), "--workspace", str(tmp_path / "ws"), "--annotator", "m")
    assert done.returncode == 1
    assert "line 1: nested too deeply" in done.stderr and "Traceback" not in done.stderr


def test_dry_run_says_what_the_import_will_say(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(json.dumps(line) for line in [
            {"text": TEXT, "spans": [{"start": 0, "end": 12, "label": "claim"}]},
            {"text": TEXT, "spans": [{"start": 0, "end": 12, "label": "claim"},
                                     {"start": 18, "end": 23, "label": "claim"}]},
            {"text": "Ignored.", "spans": [], "answer": "ignore"},
            {"text": "A\r\nB.", "spans": [{"start": 3, "end": 4, "label": "event"}]},
            doccano(EMOJI_TEXT, ["firetrucks"]),
        ]) + "\n",
        "utf-8",
    )  # fmt: skip
    common = ("import", str(path), "--workspace", str(ws), "--annotator", "maria")
    dry = assay(*common, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert not ws.exists()  # a dry run writes nothing, not even the annotator's folder
    real = assay(*common)
    assert real.returncode == 0, real.stderr
    numbers = re.compile(r"\b\d+ [a-z]+")
    assert sorted(numbers.findall(dry.stderr)) == sorted(numbers.findall(real.stderr))
    assert "would import 4 spans (2 claim, 2 event) on 3 articles" in dry.stderr
    assert "imported 4 spans (2 claim, 2 event) on 3 articles" in real.stderr
    assert "1 span maria already had was skipped" in real.stderr
    assert "1 line answered reject or ignore was skipped" in real.stderr
    assert "1 text had control characters" in real.stderr
    assert "1 line counted offsets in UTF-16 code units" in real.stderr
    # Again: everything is there already, and the dry run knows it.
    again = assay(*common, "--dry-run")
    assert "would import 0 spans (none) on 3 articles" in again.stderr
    assert "5 spans maria already had would be skipped" in again.stderr


def test_offsets_flag_settles_an_ambiguous_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "😀 a b", "label": [[4, 5, "x"]]}) + "\n", "utf-8")
    common = ("import", str(path), "--workspace", str(tmp_path / "ws"), "--annotator", "m")
    refused = assay(*common)
    assert refused.returncode == 1 and "--offsets utf16 or --offsets codepoints" in refused.stderr
    done = assay(*common, "--offsets", "codepoints")
    assert done.returncode == 0, done.stderr
    with Store.open(tmp_path / "ws", "m", read_only=True, labels=None) as store:
        assert [a.text for a in store.all()] == ["b"]
