"""`assay merge`: its checks of the command line, its report, the lock refusal, and that the
annotators merged are only read."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from annotations.model import Status
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import Article, make_article
from reader import merge_cli
from reader.cli import main

ASSAY = str(Path(sys.executable).with_name("assay"))
TEXT = "Moscow and Washington discussed rare earth metals on Tuesday, officials said."
OTHER = "Traders said the markets were quiet, and nothing else happened on Friday."
MOSCOW, WASHINGTON, RARE = (0, 6), (11, 21), (32, 49)


def annotate(
    root: Path,
    who: str,
    article: Article,
    spans: Sequence[tuple[tuple[int, int], str]],
    status: Status | None = Status.DONE,
) -> None:
    with Store.open(root, who, labels=None) as store:
        for (start, end), label in spans:
            store.add(article.id, start, end, label, article.text[start:end])
        if status is not None:
            store.set_status(article.id, status)


@pytest.fixture
def articles() -> tuple[Article, Article]:
    return (
        make_article(TEXT, "one.txt", title="Rare earths"),
        make_article(OTHER, "two.txt", title="Quiet day"),
    )


@pytest.fixture
def ws(tmp_path: Path, articles: tuple[Article, Article]) -> Path:
    """a, b and c on two articles, all done: on the first, everyone tagged Moscow, a and b
    the rare earths as an event (c as a claim), and b alone Washington; on the second, a and
    b tagged "Traders", c nothing."""
    root = tmp_path / "ws"
    one, two = articles
    workspace = Workspace(root)
    workspace.save_article(one)
    workspace.save_article(two)
    annotate(root, "a", one, [(MOSCOW, "claim"), (RARE, "event")])
    annotate(root, "b", one, [(MOSCOW, "claim"), (RARE, "event"), (WASHINGTON, "event")])
    annotate(root, "c", one, [(MOSCOW, "claim"), (RARE, "claim")])
    annotate(root, "a", two, [((0, 7), "event")])
    annotate(root, "b", two, [((0, 7), "event")])
    annotate(root, "c", two, [])
    return root


def merge(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["merge", "--workspace", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def gold_of(root: Path, article: Article, name: str = "gold") -> list[tuple[int, int, str, str]]:
    with Store.open(root, name, read_only=True, labels=None) as gold:
        return sorted(
            (a.start, a.end, a.label, a.attrs["review"]["decision"])
            for a in gold.for_article(article.id)
            if a.origin == "review"
        )


def test_majority_of_three_writes_gold_and_reports_what_is_left(
    capsys: pytest.CaptureFixture[str], ws: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    others = {who: files(ws / "annotations" / who) for who in "abc"}
    code, out, err = merge(capsys, ws, "--annotators", "a,b,c", "--policy", "majority")
    assert code == 0, err
    assert gold_of(ws, one) == [(0, 6, "claim", "agreed"), (32, 49, "event", "majority")]
    assert gold_of(ws, two) == [(0, 7, "event", "majority")]
    lines = out.splitlines()
    assert lines[:3] == [
        "merge of a, b, c into gold, policy majority",
        "  2 articles used: the articles that all of them marked done",
        "added 3 spans (1 claim, 2 event) on 2 articles",
    ]
    assert f"  Rare earths ({one.id}): +2 (1 claim, 1 event)" in lines
    assert f"  Quiet day ({two.id}): +1 (1 event)" in lines
    # Washington, made by b alone, is the one question left.
    assert "left to review: 1 disagreement group on 1 article:" in lines
    assert f"  Rare earths ({one.id}): 1 group" in lines
    assert lines[-1] == f"next: assay review --workspace {ws} --annotators a,b,c --as gold"
    assert err == ""
    # The annotators merged were only read: not a byte, not a modification time changed.
    assert {who: files(ws / "annotations" / who) for who in "abc"} == others


def test_agreed_of_two_and_a_second_run_that_adds_nothing(
    capsys: pytest.CaptureFixture[str], ws: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    code, out, _ = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0
    assert gold_of(ws, one) == [(0, 6, "claim", "agreed"), (32, 49, "event", "agreed")]
    assert gold_of(ws, two) == [(0, 7, "event", "agreed")]
    assert "added 3 spans (1 claim, 2 event) on 2 articles" in out
    assert f"one undo takes back one article: 'u' in assay --workspace {ws} --annotator gold" in out
    code, out, _ = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0
    assert out.splitlines()[2] == "added nothing; 3 spans gold already had"
    assert "left to review: 1 disagreement group on 1 article:" in out


def test_a_dry_run_says_what_it_would_add_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], ws: Path
) -> None:
    before = files(ws)
    code, out, err = merge(capsys, ws, "--annotators", "a,b,c", "--policy", "majority", "--dry-run")
    assert code == 0, err
    assert "would add 3 spans (1 claim, 2 event) on 2 articles; nothing was written (dry run)" in (
        out
    )
    assert "would be left to review: 1 disagreement group on 1 article:" in out
    assert files(ws) == before
    assert not (ws / "annotations" / "gold").exists()


def test_as_names_another_gold_and_include_unfinished(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    Workspace(tmp_path).save_article(one)
    annotate(tmp_path, "a", one, [(MOSCOW, "claim")], Status.IN_PROGRESS)
    annotate(tmp_path, "b", one, [(MOSCOW, "claim")], None)
    annotate(tmp_path, "a", two, [((0, 7), "event")], None)
    code, _, err = merge(capsys, tmp_path, "--annotators", "a,b", "--policy", "agreed")
    assert code == 1
    assert "nothing to merge: no articles that all of them marked done (a, b)" in err
    assert "left out: not done by a, b (2)" in err and "--include-unfinished" in err
    assert not (tmp_path / "annotations" / "gold").exists()
    code, out, err = merge(
        capsys,
        tmp_path,
        "--annotators",
        "a,b",
        "--policy",
        "agreed",
        "--include-unfinished",
        "--as",
        "adjudicated",
    )
    assert code == 0, err
    assert out.splitlines()[1:3] == [
        "  1 article used: the articles that at least two of them annotated",
        "  1 other article left out: annotated only by a (1)",
    ]
    assert gold_of(tmp_path, one, "adjudicated") == [(0, 6, "claim", "agreed")]
    assert "nothing left to review" in out
    assert not (tmp_path / "annotations" / "gold").exists()


@pytest.mark.parametrize(
    ("annotators", "gold", "message"),
    [
        ("a", "gold", "--annotators names 1 annotator: a merge needs at least two"),
        ("a,a", "gold", "--annotators names a twice"),
        ("a,,b", "gold", "an empty name"),
        ("a,zed", "gold", "no annotations by zed in"),
        ("a,../b", "gold", "cannot name a folder"),
        ("a,b", "b", "--as b is one of --annotators"),
    ],
)
def test_annotators_that_cannot_be_merged_exit_1(
    capsys: pytest.CaptureFixture[str], ws: Path, annotators: str, gold: str, message: str
) -> None:
    before = files(ws)
    code, out, err = merge(
        capsys, ws, "--annotators", annotators, "--as", gold, "--policy", "agreed"
    )
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err
    assert files(ws) == before


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], ws: Path) -> None:
    for args in (["--annotators", "a,b"], ["--annotators", "a,b", "--policy", "most"]):
        with pytest.raises(SystemExit) as exited:
            main(["merge", "--workspace", str(ws), *args])
        assert exited.value.code == 2
        assert "--policy" in capsys.readouterr().err


def test_refused_while_gold_is_open_in_another_assay(
    capsys: pytest.CaptureFixture[str], ws: Path
) -> None:
    with Store.open(ws, "gold", labels=None) as held:
        assert not held.read_only
        before = files(ws)
        code, out, err = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
        assert code == 1 and out == ""
        assert f"cannot merge into gold: another assay (process {os.getpid()})" in err
        assert "Nothing was written" in err
        assert files(ws) == before


def test_refused_while_another_process_holds_gold(ws: Path) -> None:
    """The real command, with gold held by a process of its own: the message names it."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from annotations.store import Store; "
            "s = Store.open(sys.argv[1], 'gold'); print('ready', flush=True); sys.stdin.read()",
            str(ws),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        before = files(ws)
        done = subprocess.run(
            [ASSAY, "merge", "--workspace", str(ws), "--annotators", "a,b", "--policy", "agreed"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert f"another assay (process {holder.pid}) is annotating as gold" in done.stderr
        assert done.stdout == ""
        assert files(ws) == before
    finally:
        holder.communicate("", timeout=30)
    # Once it is gone, the same command merges.
    done = subprocess.run(
        [ASSAY, "merge", "--workspace", str(ws), "--annotators", "a,b", "--policy", "agreed"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "added 3 spans" in done.stdout


def test_a_workspace_that_cannot_be_written_is_refused(
    capsys: pytest.CaptureFixture[str], ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a read-only mount (faked: the tests may run as root, whom chmod does not stop)."""
    real_open, real_mkdir = os.open, os.mkdir
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def refuse(path: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))  # type: ignore[arg-type]

    def fake_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & writing and str(ws) in os.fsdecode(path):  # type: ignore[arg-type]
            refuse(path)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def fake_mkdir(path: object, *args: object, **kwargs: object) -> None:
        if str(ws) in os.fsdecode(path):  # type: ignore[arg-type]
            refuse(path)
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    code, out, err = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
    assert code == 1 and out == ""
    assert "cannot merge into gold:" in err and "read-only" in err and "Nothing was written" in err
    monkeypatch.undo()
    assert not (ws / "annotations" / "gold").exists()


def test_drifted_spans_are_said_and_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles
    Workspace(tmp_path).save_article(one)
    for who in ("a", "b"):
        with Store.open(tmp_path, who, labels=None) as store:
            store.add(one.id, *MOSCOW, "claim", "Madrid")
            store.add(one.id, *RARE, "event", TEXT[slice(*RARE)])
            store.set_status(one.id, "done")
    code, out, err = merge(capsys, tmp_path, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0
    assert "added 1 span (1 event) on 1 article; 1 span left out, their text changed" in out
    assert "+1 (1 event), 1 left out (text changed)" in out
    assert "drift: a's claim" in err and "'Madrid'" in err and "not merged" in err
    assert gold_of(tmp_path, one) == [(32, 49, "event", "agreed")]


def test_a_text_found_only_in_a_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, articles: tuple[Article, Article]
) -> None:
    one, _ = articles  # never saved in the workspace
    for who in ("a", "b"):
        annotate(tmp_path, who, one, [(MOSCOW, "claim")])
    code, out, err = merge(capsys, tmp_path, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0 and "added nothing" in out
    assert "the workspace has no copy of the article's text" in err
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(TEXT, "utf-8")
    code, out, err = merge(
        capsys, tmp_path, "--annotators", "a,b", "--policy", "agreed", "--corpus", str(corpus)
    )
    assert code == 0, err
    assert "added 1 span (1 claim) on 1 article" in out
    assert gold_of(tmp_path, one) == [(0, 6, "claim", "agreed")]


def test_an_unreadable_file_makes_the_merge_incomplete(
    capsys: pytest.CaptureFixture[str], ws: Path, articles: tuple[Article, Article]
) -> None:
    one, two = articles
    (ws / "annotations" / "c" / f"{one.id}.json").write_text("{", "utf-8")
    code, out, err = merge(capsys, ws, "--annotators", "a,b,c", "--policy", "majority")
    assert code == 1
    assert "the merge is incomplete" in err and one.id in err
    assert gold_of(ws, one) == [] and gold_of(ws, two) == [(0, 7, "event", "majority")]
    assert "added 1 span (1 event) on 1 article" in out


def test_names_titles_and_labels_reach_the_terminal_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = make_article(TEXT, "x.txt", title="[bold]Big[/bold] \x1b]52;c;aGk=\x07 news")
    Workspace(tmp_path).save_article(hostile)
    label = "claim\x1b[2J\x9b31m"
    for who in ("a", "b"):
        annotate(tmp_path, who, hostile, [(MOSCOW, label), (RARE, label)])
        annotate(tmp_path, who, hostile, [(WASHINGTON, "event")] if who == "a" else [])
    code, out, err = merge(capsys, tmp_path, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0, err
    for stream in (out, err):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream
    assert "[bold]Big[/bold]" in out and "added 2 spans (2 claim" in out


def test_verbose_lists_every_article(
    capsys: pytest.CaptureFixture[str], ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge_cli, "SHOWN", 1)
    code, out, _ = merge(capsys, ws, "--annotators", "a,b,c", "--policy", "majority", "--dry-run")
    assert code == 0
    assert "  ... and 1 more article (--verbose)" in out
    code, out, _ = merge(
        capsys, ws, "--annotators", "a,b,c", "--policy", "majority", "--dry-run", "--verbose"
    )
    assert "more article" not in out and out.count(": +") == 2


def test_merging_while_an_annotator_is_annotating(
    capsys: pytest.CaptureFixture[str], ws: Path, articles: tuple[Article, Article]
) -> None:
    """The annotators' stores are only read: one of them at work (holding the lock) does not
    stop the merge, and what they save later is merged by the next run."""
    one, _ = articles
    with Store.open(ws, "a", labels=None) as working:
        assert not working.read_only
        code, out, err = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
        assert code == 0, err
        assert "added 3 spans" in out
        working.add(one.id, *WASHINGTON, "event", TEXT[slice(*WASHINGTON)])
    code, out, _ = merge(capsys, ws, "--annotators", "a,b", "--policy", "agreed")
    assert code == 0 and "added 1 span (1 event) on 1 article; 3 spans gold already had" in out
    assert (11, 21, "event", "agreed") in gold_of(ws, one)
