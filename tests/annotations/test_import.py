"""Importing gold annotations (Prodigy and doccano JSONL): checks, sanitizing, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from annotations.importer import ImportFailed, import_gold, read_gold
from annotations.store import Store, StoreError
from annotations.workspace import Workspace
from corpus.article import article_id
from tests.annotations.conftest import write

TEXT = "The minister said taxes would rise by 5% next year."
OTHER = "Floods hit the north of the country on Tuesday."
THIRD = "The central bank kept its rate at 4.5% in March."


def span(text: str, words: str, label: str, /, **extra: Any) -> dict[str, Any]:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "label": label, **extra}


def triples(store: Store, text: str) -> list[tuple[int, int, str, str]]:
    return [(a.start, a.end, a.label, a.text) for a in store.for_article(article_id(text))]


def test_prodigy_lines_import_with_their_articles(tmp_path: Path, store: Store) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {
                "text": TEXT,
                "spans": [
                    span(TEXT, "taxes would rise", "CLAIM", text="taxes would rise"),
                    span(TEXT, "5%", "figure"),
                    span(TEXT, "The minister", "Speaker"),
                ],
                "meta": {"title": "Taxes to rise", "source": "wire/42.txt"},
                "answer": "accept",
            },
            {"text": OTHER, "spans": [span(OTHER, "Floods hit the north", "EVENT")]},
        ],
    )
    workspace = Workspace(tmp_path)
    report = import_gold(workspace, store, path)
    assert (report.lines, report.articles, report.new_articles) == (2, 2, 2)
    assert (report.added, report.duplicates, report.skipped_answers) == (4, 0, 0)
    assert report.sanitized_lines == 0
    assert report.labels == {"claim": 1, "figure": 1, "Speaker": 1, "event": 1}
    assert triples(store, TEXT) == [
        (0, 12, "Speaker", "The minister"),
        (18, 34, "claim", "taxes would rise"),
        (38, 40, "figure", "5%"),
    ]
    assert triples(store, OTHER) == [(0, 20, "event", "Floods hit the north")]
    article = workspace.article(article_id(TEXT))
    assert article is not None
    assert (article.id, article.text) == (article_id(TEXT), TEXT)
    assert (article.title, article.source) == ("Taxes to rise", "wire/42.txt")
    other = workspace.article(article_id(OTHER))
    assert other is not None and other.text == OTHER
    assert other.source == "gold.jsonl:2"  # no source given: the line it came from
    assert sorted(workspace.article_ids()) == sorted([article_id(TEXT), article_id(OTHER)])
    assert all(a.origin == "imported" and a.annotator == "maria" for a in store.all())


def test_label_map_renames_before_matching(tmp_path: Path, store: Store) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {
                "text": TEXT,
                "spans": [
                    span(TEXT, "taxes would rise", "OPINION"),
                    span(TEXT, "The minister", "Figure"),
                    span(TEXT, "next year", " Quote "),
                ],
            }
        ],
    )
    import_gold(Workspace(tmp_path), store, path, label_map={"OPINION": "claim"})
    assert [t[2] for t in triples(store, TEXT)] == ["figure", "claim", "Quote"]


def test_read_gold_matches_the_given_labels(tmp_path: Path) -> None:
    path = write(tmp_path / "gold.jsonl", [{"text": TEXT, "spans": [span(TEXT, "5%", "QUOTE")]}])
    pending, report = read_gold(path, labels=("quote", "claim"))
    assert report.articles == 1
    assert [s["label"] for s in pending[article_id(TEXT)].spans] == ["quote"]
    with pytest.raises(ValueError, match="unknown format"):
        read_gold(path, fmt="conll")
    with pytest.raises(StoreError, match="not a folder of brat"):
        read_gold(path, fmt="brat")  # brat reads a folder


@pytest.mark.parametrize("fmt", ["doccano", "auto"])
def test_doccano_lines_both_shapes(tmp_path: Path, store: Store, fmt: str) -> None:
    start = OTHER.index("Floods")
    path = write(
        tmp_path / "doccano.jsonl",
        [
            {"id": 7, "text": OTHER, "label": [[start, start + 20, "event"]]},
            {
                "id": 8,
                "text": TEXT,
                "entities": [
                    {"id": 1, "label": "claim", "start_offset": 18, "end_offset": 34},
                    {"id": 2, "label": "FIGURE", "start_offset": 38, "end_offset": 40},
                ],
                "relations": [],
            },
        ],
    )
    report = import_gold(Workspace(tmp_path), store, path, fmt=fmt)
    assert (report.articles, report.added) == (2, 3)
    assert triples(store, OTHER) == [(0, 20, "event", "Floods hit the north")]
    assert triples(store, TEXT) == [(18, 34, "claim", "taxes would rise"), (38, 40, "figure", "5%")]


def test_rejected_and_ignored_lines_are_skipped(tmp_path: Path, store: Store) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "5%", "figure")], "answer": "accept"},
            "",
            {"text": OTHER, "spans": [span(OTHER, "Floods", "event")], "answer": "reject"},
            # Skipped lines are not checked: their spans may be anything.
            {"text": THIRD, "spans": [{"start": 5, "end": 999}], "answer": "ignore"},
        ],
    )
    workspace = Workspace(tmp_path)
    report = import_gold(workspace, store, path)
    assert (report.lines, report.skipped_answers, report.articles, report.added) == (3, 2, 1, 1)
    assert workspace.article_ids() == [article_id(TEXT)]
    assert store.for_article(article_id(OTHER)) == []


BAD_LINES: list[tuple[str, str]] = [
    ('{"text": "broken', "not valid JSON"),
    ('["a list", "not an object"]', 'expected an object with a "text" string'),
    (json.dumps({"spans": [{"start": 0, "end": 3, "label": "claim"}]}), "expected an object"),
    (json.dumps({"text": 7, "spans": []}), "expected an object"),
    (
        json.dumps({"text": OTHER, "spans": [{"start": 0, "end": 400, "label": "event"}]}),
        "past the end",
    ),
    (
        json.dumps({"text": OTHER, "spans": [{"start": 10, "end": 4, "label": "event"}]}),
        "reversed",
    ),
    (
        json.dumps({"text": OTHER, "spans": [{"start": "0", "end": 6, "label": "event"}]}),
        "no whole-number start",
    ),
    (
        json.dumps({"text": OTHER, "spans": [{"start": True, "end": 6, "label": "event"}]}),
        "no whole-number start",
    ),
    (
        json.dumps({"text": OTHER, "spans": [{"start": 0.0, "end": 6, "label": "event"}]}),
        "no whole-number start",
    ),
    (json.dumps({"text": OTHER, "spans": [{"start": 0, "end": 6}]}), "no label"),
    (json.dumps({"text": OTHER, "spans": [{"start": 0, "end": 6, "label": " "}]}), "no label"),
    (
        json.dumps(
            {"text": OTHER, "spans": [{"start": 0, "end": 6, "label": "event", "text": "Flood!"}]}
        ),
        'says "Flood!" but the text there is "Floods"',
    ),
    (json.dumps({"text": OTHER, "label": ["POSITIVE"]}), "document label"),
    (json.dumps({"text": OTHER, "spans": "none"}), '"spans" is not a list'),
    (json.dumps({"text": "\x1b[31m\r\n\x00", "spans": []}), "empty once control characters"),
]


def test_bad_lines_are_all_named_and_nothing_is_written(tmp_path: Path, store: Store) -> None:
    good = [
        {"text": TEXT, "spans": [span(TEXT, "taxes would rise", "claim")]},
        {"text": THIRD, "label": [[0, 16, "event"]]},
    ]
    lines: list[Mapping[str, Any] | str] = [good[0]]
    expected_numbers = []
    for line, _why in BAD_LINES:
        lines.append(line)
        expected_numbers.append(len(lines))
    lines.append(good[1])
    path = write(tmp_path / "gold.jsonl", lines)
    with pytest.raises(ImportFailed) as failed:
        import_gold(Workspace(tmp_path), store, path)
    message = str(failed.value)
    assert f"{len(BAD_LINES)} lines cannot be imported, so nothing was imported" in message
    assert len(failed.value.errors) == len(BAD_LINES)
    for number, (_line, why) in zip(expected_numbers, BAD_LINES, strict=True):
        assert f"line {number}: " in message
        (error,) = [e for e in failed.value.errors if e.startswith(f"line {number}: ")]
        assert why in error, error
    assert "line 1: " not in message
    assert f"line {len(lines)}: " not in message
    assert isinstance(failed.value, StoreError)
    # Nothing was written: no article copies, no annotation files, no annotations.
    assert Workspace(tmp_path).article_ids() == []
    assert store.article_ids() == []
    for text in (TEXT, OTHER, THIRD):
        assert store.for_article(article_id(text)) == []


def test_many_bad_lines_are_cut_short_in_the_message(tmp_path: Path) -> None:
    path = write(tmp_path / "gold.jsonl", ["{"] * 25)
    with pytest.raises(ImportFailed, match=r"25 lines cannot") as failed:
        read_gold(path)
    assert "line 20: " in str(failed.value) and "line 21: " not in str(failed.value)
    assert "... and 5 more" in str(failed.value)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps({"text": "café"}).encode().replace(b"\\u00e9", b"\xe9") + b"\n")
    with pytest.raises(ImportFailed, match="line 1: not UTF-8"):
        read_gold(path)
    with pytest.raises(StoreError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")


def test_control_characters_move_spans_to_sanitized_offsets(tmp_path: Path, store: Store) -> None:
    raw = "Headline\r\n\x1b[31mThe minister said\x1b[0m taxes would rise.\r\nMore\x00 text."
    clean = "Headline\nThe minister said taxes would rise.\nMore text."
    first = raw.index("taxes would rise")
    minister = raw.index("minister said")
    path = write(
        tmp_path / "gold.jsonl",
        [
            {
                "text": raw,
                "spans": [
                    {"start": first, "end": first + 16, "label": "claim",
                     "text": "taxes would rise"},
                    # Across a removed escape sequence: the span keeps the same words.
                    {"start": minister, "end": first + 5, "label": "event"},
                ],
            },
            {"text": TEXT, "spans": []},
        ],
    )  # fmt: skip
    workspace = Workspace(tmp_path)
    report = import_gold(workspace, store, path)
    assert (report.sanitized_lines, report.added, report.articles) == (1, 2, 2)
    key = article_id(clean)
    article = workspace.article(key)
    assert article is not None and article.text == clean
    claim, event = sorted(store.for_article(key), key=lambda a: a.label)
    assert (claim.label, claim.start, claim.end) == ("claim", 27, 43)
    assert claim.text == clean[claim.start : claim.end] == raw[first : first + 16]
    assert event.text == clean[event.start : event.end] == "minister said taxes"
    assert not claim.drifted(article.text) and not event.drifted(article.text)


def test_importing_twice_adds_nothing_and_same_text_merges(tmp_path: Path, store: Store) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "taxes would rise", "claim")]},
            {"text": OTHER, "spans": [span(OTHER, "Floods", "event")]},
            # The same text again: one article, and the repeated span counts as a duplicate.
            {"text": TEXT, "spans": [span(TEXT, "5%", "figure"), span(TEXT, "taxes would rise",
                                                                       "CLAIM")]},
        ],
    )  # fmt: skip
    workspace = Workspace(tmp_path)
    first = import_gold(workspace, store, path)
    assert (first.lines, first.articles, first.new_articles) == (3, 2, 2)
    assert (first.added, first.duplicates) == (3, 1)
    before = {a.id: a for a in store.all()}
    second = import_gold(workspace, store, path)
    assert (second.articles, second.new_articles, second.added, second.duplicates) == (2, 0, 0, 4)
    assert {a.id: a for a in store.all()} == before
    assert [t[2] for t in triples(store, TEXT)] == ["claim", "figure"]
    # The same span with another label is not a duplicate.
    path2 = write(tmp_path / "more.jsonl", [{"text": TEXT, "spans": [span(TEXT, "5%", "claim")]}])
    third = import_gold(workspace, store, path2)
    assert (third.added, third.duplicates) == (1, 0)


def test_done_status_is_imported_but_never_overrides(tmp_path: Path, store: Store) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "5%", "figure")], "meta": {"status": "done"}},
            {"text": OTHER, "spans": [span(OTHER, "Floods", "event")],
             "meta": {"status": "done"}},
            {"text": THIRD, "spans": [span(THIRD, "4.5%", "figure")],
             "meta": {"status": "in progress"}},
            {"text": "Nothing marked here at all.", "spans": [], "meta": {"status": "todo"}},
            {"text": "Done without spans.", "spans": [], "meta": {"status": "done"}},
        ],
    )  # fmt: skip
    store.set_status(article_id(OTHER), "in progress")  # the annotator's own decision
    import_gold(Workspace(tmp_path), store, path)
    assert store.status(article_id(TEXT)) == "done"
    assert store.status(article_id(OTHER)) == "in progress"
    assert store.status(article_id("Done without spans.")) == "done"
    # Other statuses are not imported: they follow from whether there are annotations.
    assert store.status(article_id(THIRD)) == "in progress"
    (imported,) = store.for_article(article_id(THIRD))
    store.delete(imported.id)
    assert store.status(article_id(THIRD)) == "todo"
    nothing = "Nothing marked here at all."
    assert store.status(article_id(nothing)) == "todo"
    store.add(article_id(nothing), 0, 7, "claim", "Nothing")
    assert store.status(article_id(nothing)) == "in progress"
    # An explicit "todo" by the annotator is kept too.
    store.set_status(article_id(TEXT), "todo")
    import_gold(Workspace(tmp_path), store, path)
    assert store.status(article_id(TEXT)) == "todo"


def test_read_only_store_refuses_and_writes_nothing(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path / "gold.jsonl", [{"text": TEXT, "spans": [span(TEXT, "5%", "figure")]}])
    with Store.open(tmp_path, "maria", labels=None) as second:
        assert second.read_only
        with pytest.raises(StoreError, match="cannot import as maria"):
            import_gold(Workspace(tmp_path), second, path)
    assert Workspace(tmp_path).article_ids() == []
    assert store.article_ids() == []
    assert store.for_article(article_id(TEXT)) == []


def _failing_on_second_article(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = Store.add_many

    def add_many(self: Store, key: str, items: Any, status: str | None = None, **kw: Any) -> Any:
        calls.append(key)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return original(self, key, items, status=status, **kw)

    monkeypatch.setattr(Store, "add_many", add_many)
    return calls


@pytest.mark.parametrize("annotated_before", [False, True])
def test_failure_midway_takes_back_what_was_added(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch, annotated_before: bool
) -> None:
    unrelated = store.add(article_id(THIRD), 0, 16, "event", THIRD[:16])
    own = []
    if annotated_before:
        # The annotator's own: one the file repeats (a duplicate, so not added) and one not.
        own.append(store.add(article_id(TEXT), 38, 40, "figure", "5%"))
        own.append(store.add(article_id(TEXT), 0, 12, "claim", "The minister", note="mine"))
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "taxes would rise", "claim"),
                                     span(TEXT, "5%", "figure")]},
            {"text": OTHER, "spans": [span(OTHER, "Floods", "event")]},
        ],
    )  # fmt: skip
    calls = _failing_on_second_article(monkeypatch)
    with pytest.raises(StoreError, match="nothing was imported") as failed:
        import_gold(Workspace(tmp_path), store, path)
    assert "No space left on device" in str(failed.value)
    assert calls == [article_id(TEXT), article_id(OTHER)]
    assert store.for_article(article_id(TEXT)) == sorted(own, key=lambda a: a.start)
    assert store.for_article(article_id(OTHER)) == []
    assert store.for_article(article_id(THIRD)) == [unrelated]
    assert store.can_undo  # the annotator's undo history is as it was
    # Running it again once the disk has room imports everything, once.
    monkeypatch.undo()
    report = import_gold(Workspace(tmp_path), store, path)
    assert report.added == (2 if annotated_before else 3)
    assert [t[2] for t in triples(store, TEXT)].count("figure") == 1


def test_failure_midway_takes_back_the_imported_status(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "5%", "figure")], "meta": {"status": "done"}},
            {"text": OTHER, "spans": [span(OTHER, "Floods", "event")]},
        ],
    )
    _failing_on_second_article(monkeypatch)
    with pytest.raises(StoreError, match="nothing was imported"):
        import_gold(Workspace(tmp_path), store, path)
    assert store.for_article(article_id(TEXT)) == []
    assert store.status(article_id(TEXT)) == "todo"


def test_unknown_label_for_a_fixed_label_set_is_a_bad_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "gold.jsonl",
        [
            {"text": TEXT, "spans": [span(TEXT, "5%", "figure")], "meta": {"status": "done"}},
            {"text": OTHER, "spans": [span(OTHER, "Floods", "Speaker")]},
        ],
    )
    with Store.open(tmp_path, "ivan") as fixed:  # labels: claim, figure, event
        with pytest.raises(ImportFailed, match="line 2: "):
            import_gold(Workspace(tmp_path), fixed, path)
        assert Workspace(tmp_path).article_ids() == []
        assert fixed.status(article_id(TEXT)) == "todo"


def test_note_attrs_and_origin_are_carried(tmp_path: Path, store: Store) -> None:
    spans = [
        span(TEXT, "The minister", "claim", origin="manual", note="who?", attrs={"k": 1}),
        span(TEXT, "taxes would rise", "claim", origin="suggested:claim"),
        span(TEXT, "5%", "figure", origin="suggested:figure"),
        span(TEXT, "next year", "event", origin="model", note=3, attrs=["x"]),
        span(TEXT, "said", "event", origin=None),
        span(TEXT, "would", "event"),
    ]
    path = write(tmp_path / "gold.jsonl", [{"text": TEXT, "spans": spans}])
    import_gold(Workspace(tmp_path), store, path)
    got = {a.text: (a.origin, a.note, dict(a.attrs)) for a in store.for_article(article_id(TEXT))}
    assert got == {
        "The minister": ("manual", "who?", {"k": 1}),
        "taxes would rise": ("suggested:claim", "", {}),
        "5%": ("suggested:figure", "", {}),
        "next year": ("imported", "", {}),
        "said": ("imported", "", {}),
        "would": ("imported", "", {}),
    }


def test_a_broken_store_file_midway_takes_everything_back(tmp_path: Path, store: Store) -> None:
    """Not only OSError: any failure while writing (here a store file with a broken record,
    hand-repaired badly) undoes what the import had added."""
    before = store.add(article_id(OTHER), 0, 6, "event", "Floods")
    broken = store.folder / f"{article_id(OTHER)}.json"
    data = json.loads(broken.read_text("utf-8"))
    next(iter(data["annotations"].values()))["end"] = 99  # no longer matches its text
    broken.write_text(json.dumps(data), "utf-8")
    path = write(tmp_path / "gold.jsonl", [
        {"text": TEXT, "spans": [span(TEXT, "5%", "figure")], "meta": {"status": "done"}},
        {"text": OTHER, "spans": [span(OTHER, "Tuesday", "event")]},
    ])  # fmt: skip
    with pytest.raises(StoreError, match="nothing was imported"):
        import_gold(Workspace(tmp_path), store, path)
    assert store.for_article(article_id(TEXT)) == []
    assert store.status(article_id(TEXT)) == "todo"
    assert broken.exists() and before.id in broken.read_text("utf-8")  # left for the person


def test_lone_surrogates_and_escapes_in_labels_are_made_safe(tmp_path: Path, store: Store) -> None:
    text = "Good text \ud83d broken, then a claim."
    at = text.index("claim")
    line = {
        "text": text,
        "spans": [{"start": at, "end": at + 5, "label": "\x1b[2J\x1b]0;x\x07claim"}],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", "utf-8")  # json escapes the lone surrogate
    report = import_gold(Workspace(tmp_path), store, path)
    assert report.added == 1
    (found,) = store.all()
    assert found.label == "claim" and found.text == "claim"
    kept = Workspace(tmp_path).article(found.article_id)
    assert kept is not None and kept.text == "Good text \ufffd broken, then a claim."


@pytest.mark.parametrize(
    ("line", "fmt", "message"),
    [
        ({"text": TEXT, "label": [[0, 3, "claim"]]}, "prodigy", 'no "spans"'),
        ({"text": TEXT, "spans": []}, "doccano", 'no "label", "labels" or "entities"'),
        (
            {"text": TEXT, "span": [{"start": 0, "end": 3, "label": "claim"}]},
            "auto",
            r'no "spans" \(Prodigy\)',
        ),
    ],
)
def test_a_line_in_another_format_is_a_bad_line(
    tmp_path: Path, line: dict[str, Any], fmt: str, message: str
) -> None:
    path = write(tmp_path / "gold.jsonl", [line])
    with pytest.raises(ImportFailed, match=f"line 1: {message}"):
        read_gold(path, fmt)
