"""`assay export`, `assay import` and `assay stats`, run as the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.loader import load_corpus

ASSAY = str(Path(sys.executable).with_name("assay"))


def assay(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [ASSAY, *args], capture_output=True, text=True, timeout=300, env=env, **kwargs
    )


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus(None)[0]


@pytest.fixture
def workspace(tmp_path: Path, articles: list[Article]) -> Path:
    """maria has annotated three articles (one marked done); no copy of the fifth is kept."""
    ws = Workspace(tmp_path / "ws")
    with Store.open(ws.root, "maria") as store:
        for article, words, label in (
            (articles[0], "[US President Donald] Trump", "event"),
            (articles[1], "Rare earth metals are an important area for cooperation", "claim"),
            (articles[2], "2 million tons", "figure"),
            (articles[2], "Vladimir Putin", "event"),
        ):
            ws.save_article(article)
            start = article.text.index(words)
            store.add(article.id, start, start + len(words), label, words)
        store.set_status(articles[1].id, "done")
        start = articles[4].text.index("Alaska")
        store.add(articles[4].id, start, start + 6, "claim", "Alaska")
    return ws.root


def spans_of(lines: str) -> list[tuple[str, int, int, str, str, int, int]]:
    found = []
    for line in lines.splitlines():
        record = json.loads(line)
        for s in record["spans"]:
            found.append(
                (
                    record["meta"]["article_id"],
                    s["start"],
                    s["end"],
                    s["label"],
                    s["text"],
                    s["token_start"],
                    s["token_end"],
                )
            )
    return sorted(found)


def test_round_trip_export_import_export_gives_identical_spans(workspace: Path) -> None:
    gold = workspace.parent / "gold.jsonl"
    done = assay("export", "--workspace", str(workspace), "--annotator", "maria", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    assert "exported 5 spans in 4 lines" in done.stderr and done.stdout == ""
    first = gold.read_text("utf-8")
    assert "[US President Donald] Trump" in first and "2 million tons" in first
    done = assay("import", str(gold), "--workspace", str(workspace), "--annotator", "copy")
    assert done.returncode == 0, done.stderr
    assert "imported 5 spans" in done.stderr
    again = assay("export", "--workspace", str(workspace), "--annotator", "copy")
    assert again.returncode == 0, again.stderr
    assert spans_of(again.stdout) == spans_of(first) and len(spans_of(first)) == 5
    statuses = {json.loads(x)["meta"]["status"] for x in again.stdout.splitlines()}
    assert "done" in statuses
    # The fifth article had no copy in the workspace: export took it from the built-in corpus,
    # and the import kept a copy of every text it brought.
    assert len(Workspace(workspace).article_ids()) == 4


def test_export_refuses_to_overwrite_without_force(workspace: Path) -> None:
    gold = workspace.parent / "gold.jsonl"
    gold.write_text("precious\n", "utf-8")
    gold.chmod(0o604)
    done = assay("export", "--workspace", str(workspace), "--annotator", "maria", "-o", str(gold))
    assert done.returncode == 1 and "--force" in done.stderr
    assert gold.read_text("utf-8") == "precious\n"
    done = assay(
        "export",
        "--workspace",
        str(workspace),
        "--annotator",
        "maria",
        "-o",
        str(gold),
        "--force",
        "--format",
        "doccano",
    )
    assert done.returncode == 0, done.stderr
    assert len(gold.read_text("utf-8").splitlines()) == 4
    assert not list(gold.parent.glob(".gold.jsonl.*"))  # no temporary file left behind
    assert gold.stat().st_mode & 0o777 == 0o604  # as the old file was, not mkstemp's 0600
    fresh = workspace.parent / "fresh.jsonl"
    done = assay(
        "export",
        "--workspace",
        str(workspace),
        "--annotator",
        "maria",
        "-o",
        str(fresh),
        preexec_fn=lambda: os.umask(0o027),
    )
    assert done.returncode == 0 and fresh.stat().st_mode & 0o777 == 0o640


def test_export_names_the_annotators_there_when_one_is_unknown(workspace: Path) -> None:
    done = assay("export", "--workspace", str(workspace), "--annotator", "nobody")
    assert done.returncode == 1
    assert "no annotations by nobody" in done.stderr and "maria" in done.stderr


def test_stats_counts_labels_statuses_and_drift(workspace: Path, articles: list[Article]) -> None:
    with Store.open(workspace, "omar") as store:
        store.add(articles[2].id, 0, 4, "claim", "abcd")  # not what the text says there
    done = assay("stats", "--workspace", str(workspace), "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = {r["annotator"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert rows["maria"]["labels"] == {"claim": 2, "event": 2, "figure": 1}
    assert (rows["maria"]["articles"], rows["maria"]["done"], rows["maria"]["drifted"]) == (4, 1, 0)
    assert rows["omar"]["drifted"] == 1
    table = assay("stats", "--workspace", str(workspace), "--drift")
    assert table.returncode == 0, table.stderr
    assert (
        "maria" in table.stdout and "omar" in table.stdout and "drift: omar's claim" in table.stdout
    )
    exported = assay("export", "--workspace", str(workspace), "--all")
    assert "drift: omar's claim" in exported.stderr and "not exported" in exported.stderr
    assert '"abcd"' not in exported.stdout


def test_import_reports_bad_lines_and_imports_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "Moscow said yes.", "spans": [{"start": 0, "end": 6, "label": "X"}]})
        + "\n{oops\n"
        + json.dumps({"text": "Short.", "label": [[0, 60, "claim"]]})
        + "\n",
        "utf-8",
    )
    ws = tmp_path / "ws"
    done = assay("import", str(bad), "--workspace", str(ws), "--annotator", "maria")
    assert done.returncode == 1
    assert "bad.jsonl: 2 lines cannot be imported, so nothing was imported" in done.stderr
    assert "line 2: not valid JSON" in done.stderr and "line 3: span 1 [0, 60)" in done.stderr
    assert not ws.exists()  # the file is checked before the workspace is touched


def test_import_while_the_annotator_is_open_elsewhere_is_refused(
    workspace: Path, tmp_path: Path
) -> None:
    line = tmp_path / "one.jsonl"
    line.write_text(json.dumps({"text": "Moscow said yes.", "label": [[0, 6, "claim"]]}) + "\n")
    with Store.open(workspace, "maria"):
        done = assay("import", str(line), "--workspace", str(workspace), "--annotator", "maria")
    assert done.returncode == 1 and "another assay" in done.stderr
    dry = assay(
        "import", str(line), "--workspace", str(workspace), "--annotator", "maria", "--dry-run"
    )
    assert dry.returncode == 0
    assert "would import 1 span (1 claim) on 1 article as maria; 1 article new" in dry.stderr


def test_unreadable_files_make_stats_and_export_exit_1(
    workspace: Path, articles: list[Article]
) -> None:
    path = workspace / "annotations" / "maria" / f"{articles[2].id}.json"
    path.write_text('{"annotations": {"1": {"id": "x"}}}', "utf-8")
    stats = assay("stats", "--workspace", str(workspace))
    assert stats.returncode == 1 and str(path) in stats.stderr and "maria" in stats.stdout
    export = assay("export", "--workspace", str(workspace), "--annotator", "maria")
    assert export.returncode == 1 and "incomplete" in export.stderr
    assert len(export.stdout.splitlines()) == 3 and path.exists()


@pytest.mark.parametrize("name", ["..", ".", ".hidden", "articles", "Articles"])
def test_every_command_refuses_an_annotator_name_that_cannot_be_a_folder(
    workspace: Path, tmp_path: Path, name: str
) -> None:
    line = tmp_path / "one.jsonl"
    line.write_text(json.dumps({"text": "Moscow said yes.", "label": [[0, 6, "claim"]]}) + "\n")
    before = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    for command in (
        ["import", str(line), "--annotator", name],
        ["import", str(line), "--annotator", name, "--dry-run"],
        ["export", "--annotator", name],
        ["stats", "--annotator", name],
    ):
        done = assay(*command, "--workspace", str(workspace))
        assert done.returncode == 2, (command, done.stderr)
        assert f"argument --annotator: annotator name {name!r}" in done.stderr
        assert "imported" not in done.stderr and done.stdout == ""
    assert sorted(p.relative_to(workspace) for p in workspace.rglob("*")) == before


def test_annotator_names_are_normalised_on_the_way_in(workspace: Path, tmp_path: Path) -> None:
    line = tmp_path / "one.jsonl"
    line.write_text(json.dumps({"text": "Moscow said yes.", "label": [[0, 6, "claim"]]}) + "\n")
    done = assay("import", str(line), "--workspace", str(workspace), "--annotator", "ｏｍａｒ")
    assert done.returncode == 0, done.stderr
    assert "as omar" in done.stderr
    assert (workspace / "annotations" / "omar").is_dir()
    for who in (["--annotator", "omar"], ["--annotator", "ｏｍａｒ"], ["--all"]):
        exported = assay("export", "--workspace", str(workspace), *who)
        assert exported.returncode == 0, exported.stderr
        assert '"_annotator_id": "omar"' in exported.stdout
    stats = assay("stats", "--workspace", str(workspace), "--format", "json")
    assert {json.loads(x)["annotator"] for x in stats.stdout.splitlines()} == {"maria", "omar"}
    case = assay("import", str(line), "--workspace", str(workspace), "--annotator", "Omar")
    assert case.returncode == 1 and "differs only in case from 'omar'" in case.stderr


def test_stats_lists_unreadable_and_set_aside_files_and_moves_nothing(
    workspace: Path, articles: list[Article]
) -> None:
    folder = workspace / "annotations" / "maria"
    truncated = folder / f"{articles[1].id}.json"  # the done article
    truncated.write_bytes(truncated.read_bytes()[:40])
    earlier = folder / f"{articles[2].id}.json.corrupt-2026-11-30T101010.000Z"
    earlier.write_text('{"annotations": {', "utf-8")
    before = {p: p.read_bytes() for p in folder.iterdir()}
    done = assay("stats", "--workspace", str(workspace), "--format", "json")
    assert done.returncode == 1
    assert f"{truncated} could not be read (not valid JSON" in done.stderr
    assert str(earlier) in done.stderr and "set aside earlier" in done.stderr
    assert f"{folder / articles[2].id}.json could not be read" not in done.stderr  # it reads
    (row,) = map(json.loads, done.stdout.splitlines())
    assert (row["articles"], row["done"]) == (3, 0)
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
    exported = assay("export", "--workspace", str(workspace), "--annotator", "maria")
    assert exported.returncode == 1 and str(earlier) in exported.stderr


def test_an_edited_corpus_file_keeps_its_annotations(tmp_path: Path) -> None:
    """sed -i 's/Chief executive/Chief Executive/' on an annotated article: the reader's
    start-up move (follow_edits) carries the annotations over; stats and export list the one
    that could not be placed as drifted, and export never writes it."""
    from annotations.workspace import follow_edits

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = corpus / "rosneft.txt"
    source.write_text(
        "Rosneft says output will grow\n\nThe Chief executive of Rosneft said output would "
        "rise by 2 million tons.\n\nAnalysts were not convinced by the forecast at all.\n\n"
        "Exports to China rose by a fifth, customs data showed.\n",
        "utf-8",
    )
    ws = Workspace(tmp_path / "ws")
    (old,) = load_corpus([corpus])[0]
    ws.save_article(old)
    with Store.open(ws.root, "maria") as store:
        for words in ("Chief executive", "2 million tons", "not convinced by the forecast"):
            start = old.text.index(words)
            store.add(old.id, start, start + len(words), "claim", words)
        store.set_status(old.id, "done")
    text = source.read_text("utf-8").replace("Chief executive", "Chief Executive")
    source.write_text(text.replace("Analysts were not convinced by the forecast at all.\n\n", ""))
    (new,) = load_corpus([corpus])[0]
    assert new.id != old.id
    with Store.open(ws.root, "maria") as store:
        (moved,) = follow_edits(ws, store, {new.id: new})
        assert (len(moved.placed), len(moved.unplaced), moved.status) == (2, 1, "in progress")
    stats = assay("stats", "--workspace", str(ws.root), "--drift", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    (row,) = map(json.loads, stats.stdout.splitlines())
    assert (row["annotations"], row["articles"], row["drifted"]) == (3, 1, 1)
    (drift,) = row["drift"]
    assert "not convinced by the forecast" in drift and "could not be placed" in drift
    exported = assay("export", "--workspace", str(ws.root), "--annotator", "maria")
    assert exported.returncode == 0, exported.stderr
    (line,) = map(json.loads, exported.stdout.splitlines())
    assert line["meta"]["article_id"] == new.id
    assert sorted(s["text"] for s in line["spans"]) == ["2 million tons", "Chief Executive"]
    assert "could not be placed on the edited text" in exported.stderr
    assert "not convinced" not in exported.stdout


def test_export_all_names_annotation_files_no_annotator_reaches(workspace: Path) -> None:
    """What `--annotator ..` used to leave in the workspace root is not silently left out."""
    stray = workspace / "4674bf8c426bb117.json"
    stray.write_text('{"annotations": {}}', "utf-8")
    done = assay("export", "--workspace", str(workspace), "--all")
    assert done.returncode == 1 and f"{workspace} holds annotation files of no annotator" in (
        done.stderr
    )
    stats = assay("stats", "--workspace", str(workspace))
    assert stats.returncode == 1 and "'..'" in stats.stderr
    only = assay("export", "--workspace", str(workspace), "--annotator", "maria")
    assert only.returncode == 0, only.stderr


def test_one_of_everything_is_said_in_the_singular(tmp_path: Path) -> None:
    from annotations.store import Store
    from annotations.workspace import Workspace
    from corpus.loader import load_corpus

    (article, *_), _ = load_corpus(None)
    Workspace(tmp_path).save_article(article)
    with Store.open(tmp_path, "maria") as store:
        store.add(article.id, 0, 6, "claim", article.text[0:6])
    done = subprocess.run(
        [ASSAY, "export", "--workspace", str(tmp_path), "--annotator", "maria", "--model", "none"],
        capture_output=True,
        text=True,
    )
    assert "exported 1 span in 1 line (1 article; maria)" in done.stderr


def test_a_format_added_to_the_table_is_offered_and_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A format module's `FORMAT` is all the CLI needs: its name is a --format choice, and
    export writes its lines (no tokenizer is loaded for a format without tokens)."""
    from annotations.formats import FORMATS, ExportLine, ExportReport, Format
    from corpus.article import make_article
    from reader import workspace_cli

    def ids(line: ExportLine, _report: ExportReport) -> list[str]:
        return [line.article.id, *(f" {a.label}" for a in line.annotations)]

    monkeypatch.setitem(FORMATS, "ids", Format("ids", "Ids", False, ids))
    workspace = Workspace(tmp_path)
    article = make_article("Officials said the talks would go on.", "talks.txt")
    workspace.save_article(article)
    with Store.open(tmp_path, "maria") as store:
        store.add(article.id, 0, 9, "claim", "Officials")
    argv = ["--format", "ids", "--workspace", str(tmp_path), "--annotator", "maria"]
    args = workspace_cli.build_parsers()["export"].parse_args(argv)
    assert workspace_cli.run("export", args) == 0
    assert capsys.readouterr().out == f"{article.id} claim\n"
    with pytest.raises(SystemExit):  # importable formats only
        workspace_cli.build_parsers()["import"].parse_args(["f", "--annotator", "a", *argv[:2]])


def test_prodigy_lines_carry_the_view_and_a_session_per_dataset_and_annotator(
    workspace: Path,
) -> None:
    done = assay("export", "--workspace", str(workspace), "--all", "--dataset", "rare-earths.v1")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and {r["_view_id"] for r in records} == {"spans_manual"}
    assert {r["_session_id"] for r in records} == {"rare-earths.v1-maria"}
    plain = assay("export", "--workspace", str(workspace), "--annotator", "maria")
    assert {json.loads(x)["_session_id"] for x in plain.stdout.splitlines()} == {"assay-maria"}
    for bad in ("../up", "a b", "\x1b[31mred", ""):
        refused = assay("export", "--workspace", str(workspace), "--dataset", bad)
        assert refused.returncode == 2 and "is not a dataset name" in refused.stderr
        assert "\x1b" not in refused.stderr and refused.stdout == ""


def _reject(store: Store, article: Article, words: str, label: str, key: str) -> None:
    start = article.text.index(words)
    detail = {"kind": "quote", "start": start, "end": start + len(words), "label": label,
              "text": words}  # fmt: skip
    store.reject(article.id, key, detail)


def test_rejected_suggestions_export_as_negatives_when_asked(
    workspace: Path, articles: list[Article]
) -> None:
    with Store.open(workspace, "maria") as store:
        _reject(store, articles[1], "Rare earth metals", "figure", "k-on-annotated")
        _reject(store, articles[3], articles[3].text[:20], "claim", "k-alone")
        # a rejection recorded on words no longer in the text: left out, counted
        store.reject(articles[3].id, "k-gone", {"kind": "quote", "start": 0, "end": 5,
                                                "label": "claim", "text": "zzzzz"})  # fmt: skip
    plain = assay("export", "--workspace", str(workspace), "--annotator", "maria")
    assert plain.returncode == 0 and '"reject"' not in plain.stdout
    done = assay("export", "--workspace", str(workspace), "--annotator", "maria",
                 "--include-rejected")  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    rejects = [r for r in records if r["answer"] == "reject"]
    accepts = [r for r in records if r["answer"] == "accept"]
    assert [json.loads(x) for x in plain.stdout.splitlines()] == accepts
    assert sorted((r["meta"]["article_id"], [s["key"] for s in r["spans"]]) for r in rejects) == (
        sorted([(articles[1].id, ["k-on-annotated"]), (articles[3].id, ["k-alone"])])
    )
    for record in rejects:
        (span,) = record["spans"]
        assert span["origin"] == "suggested:quote"
        assert record["text"][span["start"] : span["end"]] == span["text"]
        assert record["tokens"][span["token_start"]]["start"] == span["start"]
    assert "2 rejected suggestions as negatives" in done.stderr
    assert "1 rejected suggestion left out" in done.stderr
    # doccano: a field on the lines written anyway; no line for rejections alone
    doc = assay("export", "--workspace", str(workspace), "--annotator", "maria",
                "--format", "doccano", "--include-rejected")  # fmt: skip
    lines = [json.loads(x) for x in doc.stdout.splitlines()]
    assert len(lines) == len(accepts)
    with_field = [x for x in lines if "rejected" in x]
    assert [(x["meta"]["article_id"], [r["key"] for r in x["rejected"]]) for x in with_field] == [
        (articles[1].id, ["k-on-annotated"])
    ]
    # importing the Prodigy lines skips the negatives and keeps every span
    gold = workspace.parent / "with-negatives.jsonl"
    gold.write_text(done.stdout, "utf-8")
    imported = assay("import", str(gold), "--workspace", str(workspace), "--annotator", "copy")
    assert imported.returncode == 0, imported.stderr
    assert "2 lines answered reject or ignore" in imported.stderr
    again = assay("export", "--workspace", str(workspace), "--annotator", "copy")
    assert spans_of(again.stdout) == spans_of(plain.stdout)
