"""spaCy's DocBin export: units, spans kept whole, relations, ents, negatives, splits, and a
pipeline trained on it (annotations/formats/docbin.py)."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from annotations.export import ExportReport, export_records
from annotations.formats import docbin
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import make_article
from corpus.tokens import Tokenizer
from reader.cli import main
from tests.annotations.builtin_gold import ANNOTATOR, annotate_builtin
from tests.annotations.conftest import small_workspace
from tests.annotations.test_brat import _annotated, annotated_workspace

TEXT = (
    "MOSCOW (Reuters) - Talks went on. “Rare earths matter,” Kirill Dmitriev said.\n\n"
    "Officials met for 3.5 hours. They agreed on a plan.\n\n"
    "Subscribe to our newsletter"
)


def docs_of(path: Path) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(Vocab()))


def export(root: Path, out: Path, *args: str, who: str = "maria") -> int:
    return main(
        ["export", "--workspace", str(root), "--annotator", who, "--format", "spacy", "-o",
         str(out), *args]
    )  # fmt: skip


def one_article(root: Path, spans: list[tuple[str, str]], **kw: Any) -> Path:
    """maria's spans (words, label) on TEXT, the newsletter line marked as site chrome."""
    chrome = TEXT.index("Subscribe")
    article = make_article(TEXT, "wire/talks.txt", **kw)
    article = type(article)(**{**article.__dict__, "boilerplate": ((chrome, len(TEXT)),)})
    Workspace(root).save_article(article)
    with Store.open(root, "maria", labels=None) as store:
        made = [
            store.add(article.id, TEXT.index(w), TEXT.index(w) + len(w), label, w)
            for w, label in spans
        ]
        if len(made) > 1:
            store.relate(made[0].id, made[1].id, "source")
    return root


def test_a_doc_per_paragraph_with_the_spans_their_ids_and_the_article(tmp_path: Path) -> None:
    root = one_article(tmp_path / "ws", [("Rare earths matter", "claim"), ("Kirill Dmitriev",
                       "source"), ("3.5 hours", "figure")])  # fmt: skip
    out = tmp_path / "gold.spacy"
    assert export(root, out) == 0
    docs = docs_of(out)
    # the two paragraphs of the article; the newsletter line is site chrome without spans
    assert [d.text for d in docs] == [TEXT.split("\n\n")[0], TEXT.split("\n\n")[1]]
    first, second = docs
    assert [(s.text, s.label_) for s in first.spans["sc"]] == [
        ("Rare earths matter", "claim"),
        ("Kirill Dmitriev", "source"),
    ]
    assert [(s.text, s.label_) for s in second.spans["sc"]] == [("3.5 hours", "figure")]
    data = first.user_data
    assert data["annotator"] == "maria" and data["unit"] == "paragraph"
    assert data["start_char"] == 0 and second.user_data["start_char"] == TEXT.index("Officials")
    assert [s["id"] for s in data["spans"]] == [s.id_ for s in first.spans["sc"]]
    (link,) = data["relations"]
    assert link["label"] == "source"
    assert (link["head"]["label"], link["child"]["label"]) == ("claim", "source")
    head = first[link["head"]["token_start"] : link["head"]["token_end"]]
    assert head.text == "Rare earths matter"
    assert not first.ents  # only with --ents


def test_a_span_across_a_boundary_takes_the_next_larger_unit_and_is_never_cut(
    tmp_path: Path,
) -> None:
    across_sentences = "They agreed on a plan"
    across_paragraphs = "Kirill Dmitriev said.\n\nOfficials"
    root = one_article(tmp_path / "ws", [("met for 3.5 hours. They agreed", "claim"),
                       ("Talks went on", "event")])  # fmt: skip
    out = tmp_path / "s.spacy"
    assert export(root, out, "--unit", "sentence") == 0
    texts = [d.text for d in docs_of(out)]
    # the second paragraph is one Doc (its span crosses a sentence); the first is sentences
    assert "Officials met for 3.5 hours. They agreed on a plan." in texts
    assert "MOSCOW (Reuters) - Talks went on." in texts and across_sentences not in texts
    with Store.open(root, "maria", labels=None) as store:
        (article,) = Workspace(root).article_ids()
        at = TEXT.index(across_paragraphs)
        store.add(article, at, at + len(across_paragraphs), "claim", across_paragraphs)
    assert export(root, out, "--unit", "sentence", "--force") == 0
    whole = docs_of(out)
    assert [d.text for d in whole] == [TEXT]  # the article, site chrome and all
    assert across_paragraphs in [s.text for s in whole[0].spans["sc"]]


def test_units_of_a_text() -> None:
    notes = docbin.Notes()
    text = "A b. C d.\n\nE f."
    sentences = [(0, 4), (5, 9), (11, 15)]
    assert docbin.unit_ranges(text, "sentence", sentences, [], notes) == sentences
    assert docbin.unit_ranges(text, "sentence", sentences, [(2, 7)], notes) == [
        (0, 9),
        (11, 15),
    ]
    assert docbin.unit_ranges(text, "paragraph", None, [(9, 12)], notes) == [(0, 15)]
    assert docbin.unit_ranges(text, "article", None, [(0, 1)], notes) == [(0, 15)]
    assert notes.moved == {("sentence", "paragraph"): 1, ("paragraph", "article"): 1}


def test_ents_refuse_overlaps_and_write_nothing(tmp_path: Path, capsys: Any) -> None:
    root = one_article(tmp_path / "ws", [("Rare earths matter", "claim"), ("Rare earths",
                       "figure"), ("3.5 hours", "figure")])  # fmt: skip
    out = tmp_path / "e.spacy"
    assert export(root, out, "--ents") == 1
    said = capsys.readouterr().err
    assert "overlap" in said and "Nothing was written" in said and not out.exists()
    assert export(root, out, "--ents", "figure") == 0
    docs = docs_of(out)
    assert [(e.text, e.label_) for d in docs for e in d.ents] == [
        ("Rare earths", "figure"),
        ("3.5 hours", "figure"),
    ]


def test_rejected_suggestions_are_incorrect_spans(tmp_path: Path) -> None:
    root = one_article(tmp_path / "ws", [("Rare earths matter", "claim")])
    with Store.open(root, "maria", labels=None) as store:
        (article,) = Workspace(root).article_ids()
        at = TEXT.index("3.5 hours")
        detail = {"kind": "figure", "start": at, "end": at + 9, "label": "figure",
                  "text": "3.5 hours"}  # fmt: skip
        store.reject(article, "f1", detail)
    out = tmp_path / "r.spacy"
    assert export(root, out, "--include-rejected") == 0
    found = [(s.text, s.label_) for d in docs_of(out) for s in d.spans.get("incorrect_spans", [])]
    assert found == [("3.5 hours", "figure")]


def test_split_keeps_each_article_in_one_part(tmp_path: Path, capsys: Any) -> None:
    root = tmp_path / "ws"
    workspace = Workspace(root)
    with Store.open(root, "maria", labels=None) as store:
        for i in range(10):
            text = f"Report {i}. Prices rose {i} percent.\n\nTraders said so."
            article = make_article(text, f"wire/{i}.txt")
            workspace.save_article(article)
            at = text.index("Prices")
            store.add(article.id, at, at + 11, "claim", text[at : at + 11])
    out = tmp_path / "corpus.spacy"
    split = ["--split", "train=0.8,dev=0.2"]
    assert export(root, out, *split, "--seed", "7") == 0
    train, dev = tmp_path / "corpus.train.spacy", tmp_path / "corpus.dev.spacy"
    assert not out.exists()

    def articles(path: Path) -> set[str]:
        return {d.user_data["article_id"] for d in docs_of(path)}

    parts = (articles(train), articles(dev))
    assert (len(parts[0]), len(parts[1])) == (8, 2) and not parts[0] & parts[1]
    assert export(root, out, *split, "--seed", "7") == 1  # the files exist
    assert export(root, out, *split, "--seed", "7", "--force") == 0
    assert (articles(train), articles(dev)) == parts  # the same seed, the same parts
    seeds = set()
    for seed in range(5):
        assert export(root, out, *split, "--seed", str(seed), "--force") == 0
        seeds.add(frozenset(articles(dev)))
    assert len(seeds) > 1
    assert "8 articles" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "doccano", "--unit", "sentence"], "only for --format spacy"),
        (["--format", "spacy", "--seed", "3"], "--seed shuffles"),
        (["--format", "spacy", "--split", "train=0.9,dev=0.2"], "add up to 1.1"),
        (["--format", "spacy", "--split", "train"], "is not NAME=SHARE"),
        (["--format", "spacy", "--span-key", "incorrect_spans"], "rejected suggestions"),
        (["--format", "spacy"], "name it with -o"),
    ],
)
def test_bad_options_are_named(tmp_path: Path, capsys: Any, args: list[str], message: str) -> None:
    root = small_workspace(tmp_path / "ws").root
    try:
        code = main(["export", "--workspace", str(root), "--annotator", "maria", *args])
    except SystemExit as exc:  # argparse's usage error
        code = int(str(exc))
    assert code != 0
    assert message in capsys.readouterr().err


def test_assign_is_exact_and_covers_every_article() -> None:
    ids = [f"a{i}" for i in range(5)]
    parts = docbin.assign(ids, (("train", 0.8), ("dev", 0.2)), 0)
    assert sorted(parts) == ids
    assert sorted(parts.values()).count("train") == 4
    three = docbin.assign([f"a{i}" for i in range(10)], (("a", 0.34), ("b", 0.33), ("c", 0.33)), 1)
    assert sorted(list(three.values()).count(x) for x in "abc") == [3, 3, 4]


def built(root: Path, unit: str, tokenizer: Tokenizer) -> list[Doc]:
    """maria's Docs, built in this process with a tokenizer loaded once."""
    report = ExportReport()
    spacy_tokenizer = tokenizer.spacy_tokenizer()
    options = docbin.Options(unit=unit)
    builder = docbin.Builder(spacy_tokenizer.vocab, spacy_tokenizer, options, report,
                             docbin.Notes(), tokenizer.name)  # fmt: skip
    records = export_records(Workspace(root), ["maria"], report)
    sentences = (lambda line: [(0, len(line.article.text))]) if unit == "sentence" else None
    docbin.build(records, tokenizer.tokenize_many, sentences, builder)
    (part,) = builder.parts(None, 0)
    return list(part.docs.get_docs(Vocab()))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=_annotated())
def test_every_span_is_in_one_doc_at_its_offsets(
    tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer, case: Any
) -> None:
    base = tmp_path_factory.mktemp("db")
    root = annotated_workspace(base / "ws", case)
    workspace = Workspace(root)
    (article,) = [workspace.article(a) for a in workspace.article_ids()]
    assert article is not None
    with Store.open(root, "maria", labels=None) as store:
        wanted = sorted((a.start, a.end, a.label) for a in store.all())
    for unit in docbin.UNITS:
        found = []
        for doc in built(root, unit, tokenizer):
            offset = doc.user_data["start_char"]
            assert article.text[offset : offset + len(doc.text)] == doc.text
            spans = {(s.start, s.end, s.label_): s for s in doc.spans["sc"]}
            assert len(spans) == len(doc.spans["sc"])  # one Span per tokens and label
            for record in doc.user_data["spans"]:
                span = spans[(record["token_start"], record["token_end"], record["label"])]
                # the span is the tokens it touches: its characters, but for white space at
                # its edges that no token of it holds
                start, end = record["start"], record["end"]
                assert doc.text[start : span.start_char].strip() == ""
                assert doc.text[span.end_char : end].strip() == ""
                assert span.start_char < end and start < span.end_char
                found.append((start + offset, end + offset, record["label"]))
        assert sorted(found) == wanted


def test_spacy_trains_on_the_built_in_corpus(tmp_path: Path) -> None:
    """The README's three commands: export, spacy init config, spacy train."""
    root = tmp_path / "ws"
    annotate_builtin(root, tmp_path / "cache")
    out = tmp_path / "corpus.spacy"
    code = main(["export", "--workspace", str(root), "--annotator", ANNOTATOR, "--format",
                 "spacy", "-o", str(out), "--split", "train=0.8,dev=0.2"])  # fmt: skip
    assert code == 0
    spacy = [sys.executable, "-m", "spacy"]
    config = tmp_path / "config.cfg"
    subprocess.run([*spacy, "init", "config", str(config), "--lang", "en", "--pipeline",
                    "spancat"], check=True, capture_output=True, timeout=120)  # fmt: skip
    trained = subprocess.run(
        [*spacy, "train", str(config), "--paths.train", str(tmp_path / "corpus.train.spacy"),
         "--paths.dev", str(tmp_path / "corpus.dev.spacy"), "--training.max_steps", "5",
         "--training.eval_frequency", "5", "--output", str(tmp_path / "model")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert trained.returncode == 0, trained.stderr[-2000:]
    assert (tmp_path / "model" / "model-last" / "config.cfg").exists()


def test_the_quick_add_writes_what_docbin_add_writes(tokenizer: Tokenizer) -> None:
    """docbin.add skips DocBin.add's walk over every token: what reads back must not change
    (a new spaCy that stores more would fail here), only strings no attribute stored uses
    (a token's norm) are left out."""
    spacy_tokenizer = tokenizer.spacy_tokenizer()
    doc = spacy_tokenizer("Officials met for 3.5 hours 🚀 in Москва.")
    span = doc.char_span(18, 27, label="figure")
    assert span is not None
    span.id_ = "a-1"
    doc.spans["sc"] = [span]
    doc.ents = [span]
    doc.user_data["relations"] = [{"label": "source"}]
    for attrs in (["ORTH"], ["ORTH", "ENT_IOB", "ENT_TYPE"]):
        theirs = DocBin(attrs=attrs, store_user_data=True)
        theirs.add(doc)
        ours = DocBin(attrs=attrs, store_user_data=True)
        with docbin.encoders_read_once():
            docbin.add(ours, doc, [t.text for t in doc])
        assert ours.strings <= theirs.strings
        assert theirs.strings - ours.strings <= {t.norm_ for t in doc}
        (mine,) = DocBin().from_bytes(ours.to_bytes()).get_docs(Vocab())
        (made,) = DocBin().from_bytes(theirs.to_bytes()).get_docs(Vocab())
        assert mine.to_json() == made.to_json()
        assert mine.user_data == made.user_data
        assert [(s.id_, s.label_, s.start, s.end) for s in mine.spans["sc"]] == [
            (s.id_, s.label_, s.start, s.end) for s in made.spans["sc"]
        ]


def test_selections_inside_words_are_their_tokens_once_and_named(
    tmp_path: Path, capsys: Any
) -> None:
    root = one_article(tmp_path / "ws", [("Dmitr", "source"), ("itriev", "source"),
                       ("3.5 hours", "figure")])  # fmt: skip
    out = tmp_path / "m.spacy"
    assert export(root, out) == 0
    said = capsys.readouterr().err
    assert 'source "Dmitr" is the tokens "Dmitriev"' in said
    first = docs_of(out)[0]
    assert [(s.text, s.label_) for s in first.spans["sc"]] == [("Dmitriev", "source")]
    records = first.user_data["spans"]
    assert [(r["start"], r["end"]) for r in records] == [
        (TEXT.index("Dmitr"), TEXT.index("Dmitr") + 5),
        (TEXT.index("itriev"), TEXT.index("itriev") + 6),
    ]
    assert {(r["token_start"], r["token_end"]) for r in records} == {
        (first.spans["sc"][0].start, first.spans["sc"][0].end)
    }


def test_ents_of_a_label_no_span_has_are_refused(tmp_path: Path, capsys: Any) -> None:
    root = one_article(tmp_path / "ws", [("3.5 hours", "figure")])
    out = tmp_path / "u.spacy"
    assert export(root, out, "--ents", "Figure") == 1
    said = capsys.readouterr().err
    assert '"Figure", which no exported span has (labels here: figure)' in said
    assert not out.exists()


def test_every_part_gets_an_article_or_nothing_is_written(tmp_path: Path, capsys: Any) -> None:
    assert sorted(docbin.assign(["a", "b", "c", "d", "e"], (("t", 0.95), ("d", 0.05)), 0)
                  .values()).count("d") == 1  # fmt: skip
    root = one_article(tmp_path / "ws", [("3.5 hours", "figure")])
    out = tmp_path / "p.spacy"
    assert export(root, out, "--split", "train=0.5,dev=0.5") == 1
    assert "1 article cannot fill 2 parts" in capsys.readouterr().err
    assert not list(tmp_path.glob("p*.spacy"))


def test_a_place_that_cannot_be_written_is_named_before_any_work(
    tmp_path: Path, capsys: Any
) -> None:
    root = one_article(tmp_path / "ws", [("3.5 hours", "figure")])
    (tmp_path / "c.dev.spacy").mkdir()
    code = export(root, tmp_path / "c.spacy", "--split", "train=0.5,dev=0.5", "--force")
    assert code == 1
    assert f"cannot write {tmp_path / 'c.dev.spacy'}: it is a folder" in capsys.readouterr().err
    assert export(root, tmp_path / "none" / "c.spacy") == 1
    assert "there is no folder" in capsys.readouterr().err
    assert not (tmp_path / "c.train.spacy").exists()


def test_write_all_puts_back_what_it_replaced_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.workspace_cli import _write_all

    first, second = tmp_path / "a.spacy", tmp_path / "b.spacy"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    replace = Path.replace

    def failing(self: Path, target: Any) -> Path:
        if Path(target) == second and ".partial-" in self.name:
            raise OSError(errno.EIO, "I/O error")
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    with pytest.raises(OSError) as raised:  # the second rename fails after the first
        _write_all({first: b"new a", second: b"new b"})
    assert raised.value.filename == str(second)
    assert (first.read_bytes(), second.read_bytes()) == (b"old a", b"old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.spacy", "b.spacy"]
    monkeypatch.undo()
    _write_all({first: b"new a", second: b"new b"})
    assert (first.read_bytes(), second.read_bytes()) == (b"new a", b"new b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.spacy", "b.spacy"]
