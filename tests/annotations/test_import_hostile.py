"""Import of hostile and unusual files: escape sequences, deep nesting, huge lines, UTF-16
offsets, and a dry run that reports what the import would do."""

from __future__ import annotations

import dataclasses
import json
import re
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import importer
from annotations.importer import ImportFailed, import_gold, plan_gold, read_gold
from annotations.store import Store
from annotations.workspace import Workspace
from corpus.article import article_id, make_article
from tests.annotations.conftest import write

# CSI, OSC 52 (writes the clipboard), OSC 8 (a hyperlink), DCS, 8-bit CSI and OSC, and a
# right-to-left override: each would act on the terminal that prints it.
HOSTILE = [
    "\x1b[31m",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://x.example/\x1b\\",
    "\x1bP+q544e\x1b\\",
    "\x9b2J",
    "\x9d8;;u\x9c",
]
RLO = "\u202e"
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def evil(word: str) -> str:
    """`word` wrapped in every escape sequence, with a bidi override in the middle."""
    half = len(word) // 2
    return "".join(HOSTILE[:3]) + word[:half] + RLO + word[half:] + "".join(HOSTILE[3:])


def shown(word: str) -> str:
    """What `evil(word)` is stored as."""
    half = len(word) // 2
    return word[:half] + "⟨U+202E⟩" + word[half:]


def safe(value: Any) -> bool:
    """No control character and no bidi control anywhere in a JSON-like value."""
    if isinstance(value, str):
        return not ACTIVE.search(value.replace("\n", "").replace("\t", ""))
    if isinstance(value, dict):
        return all(safe(k) and safe(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(safe(v) for v in value)
    return True


TEXT = "The minister said taxes would rise by 5% next year."


def test_strings_from_the_file_are_made_safe_where_they_enter(tmp_path: Path, store: Store) -> None:
    at = TEXT.index("taxes")
    line = {
        "text": TEXT,
        "spans": [
            {
                "start": at,
                "end": at + 5,
                "label": evil("claim"),
                "note": evil("first line") + "\nsecond line",
                "attrs": {
                    evil("speaker"): evil("Boris"),
                    "quotes": [evil("one"), {"deep": [evil("two")]}],
                    "count": 3,
                },
            }
        ],
        "meta": {"title": evil("Taxes rise"), "source": evil("wire.txt"), "site": evil("x.com")},
    }
    workspace = Workspace(tmp_path)
    report = import_gold(workspace, store, write(tmp_path / "gold.jsonl", [line]))
    (found,) = store.all()
    assert found.label == shown("claim")
    assert report.labels == {shown("claim"): 1}
    assert found.note == shown("first line") + "\nsecond line"  # a note keeps its line breaks
    assert dict(found.attrs) == {
        shown("speaker"): shown("Boris"),
        "quotes": [shown("one"), {"deep": [shown("two")]}],
        "count": 3,
    }
    article = workspace.article(found.article_id)
    assert article is not None
    assert article.title == shown("Taxes rise")
    assert article.source == shown("wire.txt")
    assert article.meta["site"] == shown("x.com")
    assert safe([found.label, found.note, dict(found.attrs)]) and safe(article.to_dict())
    # What is printed of it is safe too: the report's summary quotes the labels.
    assert safe(report.summary("maria", tmp_path / "gold.jsonl", tmp_path, dry_run=False))


def test_values_quoted_in_error_messages_are_escaped(tmp_path: Path) -> None:
    bad = [
        {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "claim", "text": evil("Th")}]},
        {"text": TEXT, "spans": [evil("not a span")]},
        {"text": TEXT, "spans": [{"start": evil("0"), "end": 3, "label": "claim"}]},
        {"text": TEXT, "label": [evil("POSITIVE")]},
        {"text": TEXT, "label": [[0, evil("3")]]},
        {"text": TEXT, "entities": [evil("entity")]},
        {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "\x1b[31m\x9b"}]},
    ]
    path = write(tmp_path / "gold\x1b]52;c;aGk=\x07.jsonl", bad)
    with pytest.raises(ImportFailed) as failed:
        read_gold(path)
    assert len(failed.value.errors) == len(bad)
    message = str(failed.value)
    assert safe(message), message
    assert "\\u001b" in message and "\\u009b" in message and "\\u202e" in message  # shown
    with Store.open(tmp_path, "ivan") as fixed:  # a fixed label set: the label is quoted
        labelled = write(tmp_path / "l.jsonl", [{"text": TEXT, "label": [[0, 3, evil("x")]]}])
        with pytest.raises(ImportFailed) as unknown:
            import_gold(Workspace(tmp_path), fixed, labelled)
    assert "has the label" in str(unknown.value) and safe(str(unknown.value))


def test_quoted_values_are_short_and_shallow() -> None:
    assert importer.quote("x" * 10_000) == '"' + "x" * 78 + "…"
    assert len(importer.quote([list(range(1000))] * 1000)) <= 80
    deep: list[Any] = []
    for _ in range(50_000):
        deep = [deep]
    assert importer.quote(deep) == "[[[[…]]]]"


def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


def test_deep_nesting_is_a_bad_line_not_a_crash(tmp_path: Path) -> None:
    lines = [
        '{"text": "x", "spans": ' + nested(100_000) + "}",  # beyond the JSON parser
        '{"text": "x", "spans": [], "meta": {"k": ' + nested(100_000) + "}}",
        # Shallow enough to parse, deep enough to hurt whatever walks or writes it again.
        '{"text": "x", "spans": [' + nested(500) + "]}",
        '{"text": "x", "label": [' + nested(500) + "]}",
        '{"text": "x", "entities": [' + nested(500) + "]}",
        '{"text": "x", "spans": [{"start": 0, "end": 1, "label": "a", "attrs": {"k": '
        + nested(500)
        + "}}]}",
        '{"text": "x", "spans": [], "meta": {"k": ' + nested(500) + "}}",
        '{"text": "x", "spans": [], "source": ' + nested(500) + "}",
    ]
    path = write(tmp_path / "deep.jsonl", lines)
    with pytest.raises(ImportFailed) as failed:
        read_gold(path)
    errors = failed.value.errors
    assert [e.split(":")[0] for e in errors] == [f"line {n}" for n in range(1, len(lines) + 1)]
    assert "nested too deeply" in errors[0] and "nested too deeply" in errors[1]
    assert "span 1 is not an object: [[[[…]]]]" in errors[2]
    assert "label 1 is not [start, end, label]" in errors[3]
    assert "entity 1 is not an object" in errors[4]
    for error in errors[5:]:
        assert "nested too deeply" in error, error
    # Kept nesting up to the limit is fine.
    deepest = json.loads(nested(importer.MAX_DEPTH - 2))
    ok = {"text": "x", "spans": [{"start": 0, "end": 1, "label": "a", "attrs": {"k": deepest}}]}
    pending, _ = read_gold(write(tmp_path / "ok.jsonl", [ok]))
    assert pending[article_id("x")].spans[0]["attrs"]["k"] == deepest


def test_a_line_over_the_limit_is_its_error_and_is_never_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_LINE_BYTES", 64 * 1024)
    huge = json.dumps({"text": "word " * 800_000, "spans": []})  # 4 MB
    exact = json.dumps({"text": "y" * (64 * 1024 - 25), "spans": []})
    assert len(exact) == 64 * 1024
    path = write(tmp_path / "big.jsonl", [{"text": TEXT, "spans": []}, huge, exact, huge[:-1]])
    tracemalloc.start()
    with pytest.raises(ImportFailed) as failed:
        read_gold(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1_000_000  # the 4 MB lines were read in pieces and dropped
    assert [e.split(":")[0] for e in failed.value.errors] == ["line 2", "line 4"]
    assert "4 MiB long" in failed.value.errors[0] and "at most 64 KiB" in failed.value.errors[0]
    # The limit is the corpus loader's for one file.
    monkeypatch.undo()
    assert importer.MAX_LINE_BYTES == 64 * 2**20


def test_memory_of_a_long_line_is_a_small_multiple_of_it(tmp_path: Path) -> None:
    """Each character once cost a list entry (over 36 bytes) per pass of the sanitizer."""
    paragraph = "\x1b[1mTaxes\x1b[0m would rise by 5% next year, the minister said.\r\n"
    text = paragraph * 40_000  # 2.6 million characters, every line moved by sanitizing
    at = paragraph.index("Taxes")
    spans = [{"start": i * len(paragraph) + at, "end": i * len(paragraph) + at + 5,
              "label": "claim", "text": "Taxes"} for i in range(0, 40_000, 100)]  # fmt: skip
    path = write(tmp_path / "long.jsonl", [{"text": text, "spans": spans}])
    size = path.stat().st_size
    tracemalloc.start()
    pending, report = read_gold(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.sanitized_lines == 1 and len(pending) == 1
    (entry,) = pending.values()
    assert {entry.article.text[s["start"] : s["end"]] for s in entry.spans} == {"Taxes"}
    # Most of it is making the article (paragraphs, boilerplate), not the import itself.
    assert peak < 12 * size, peak / size


def utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of code-point `offset`, as doccano's front end counts."""
    return len(text[:offset].encode("utf-16-le")) // 2


def doccano(text: str, words: Sequence[str], count: str = "utf16") -> dict[str, Any]:
    triples = []
    for word in words:
        start = text.index(word)
        end = start + len(word)
        if count == "utf16":
            start, end = utf16(text, start), utf16(text, end)
        triples.append([start, end, "event"])
    return {"text": text, "label": triples}


EMOJI_TEXT = "🚒🔥🚨 Three firetrucks in the 𝕏 post raced to the fire."


def test_doccano_utf16_offsets_are_converted_and_counted(tmp_path: Path, store: Store) -> None:
    lines = [
        doccano(EMOJI_TEXT, ["firetrucks", "raced to the fire"]),
        doccano(TEXT, ["taxes"]),  # nothing outside the BMP: the readings are one
        doccano(EMOJI_TEXT.replace("Three", "Four"), ["Four", "post"], count="codepoints"),
    ]
    report = import_gold(Workspace(tmp_path), store, write(tmp_path / "d.jsonl", lines))
    assert sorted(a.text for a in store.all()) == [
        "Four", "firetrucks", "post", "raced to the fire", "taxes",
    ]  # fmt: skip
    assert (report.converted_lines, report.converted_spans) == (1, 2)
    summary = report.summary("maria", tmp_path / "d.jsonl", tmp_path, dry_run=False)
    assert "1 line counted offsets in UTF-16 code units" in " ".join(summary)
    assert "2 spans were moved" in " ".join(summary)


def test_older_doccano_labels_key(tmp_path: Path, store: Store) -> None:
    line = doccano(EMOJI_TEXT, ["firetrucks"])
    line["labels"] = line.pop("label")
    line["label"] = ["urgent"]  # the text's class, beside its spans
    import_gold(Workspace(tmp_path), store, write(tmp_path / "d.jsonl", [line]))
    assert [a.text for a in store.all()] == ["firetrucks"]


def test_a_span_cutting_a_surrogate_pair_reads_as_code_points(tmp_path: Path) -> None:
    text = "😀abc def"
    path = write(tmp_path / "d.jsonl", [{"text": text, "label": [[1, 4, "x"]]}])
    pending, report = read_gold(path)
    (entry,) = pending.values()
    assert entry.spans[0]["text"] == "abc" and report.converted_lines == 0


def test_a_line_that_fits_both_readings_is_refused_unless_told(tmp_path: Path) -> None:
    text = "😀 a b"
    path = write(tmp_path / "d.jsonl", [{"text": text, "label": [[4, 5, "x"]]}])
    with pytest.raises(ImportFailed) as failed:
        read_gold(path)
    (error,) = failed.value.errors
    assert error.startswith("line 1: ") and "--offsets utf16 or --offsets codepoints" in error
    assert "at character 0" in error
    as_points, _ = read_gold(path, offsets="codepoints")
    as_units, units_report = read_gold(path, offsets="utf16")
    assert [s["text"] for p in as_points.values() for s in p.spans] == ["b"]
    assert [s["text"] for p in as_units.values() for s in p.spans] == [" "]
    assert units_report.converted_spans == 1


def test_spans_that_fit_neither_reading_say_so(tmp_path: Path) -> None:
    text = "😀😀 ab"
    path = write(tmp_path / "d.jsonl", [{"text": text, "label": [[1, 9, "x"]]}])
    with pytest.raises(ImportFailed) as failed:
        read_gold(path)
    (error,) = failed.value.errors
    assert "past the end of the text" in error and "cuts a character outside the BMP" in error
    with pytest.raises(ImportFailed, match="cuts a character outside the BMP"):
        read_gold(path, offsets="utf16")
    with pytest.raises(ValueError, match="unknown offsets"):
        read_gold(path, offsets="bytes")


def test_prodigy_lines_count_code_points_unless_their_text_says_utf16(tmp_path: Path) -> None:
    start, end = EMOJI_TEXT.index("firetrucks"), EMOJI_TEXT.index("firetrucks") + 10
    lines = [
        # No span text: code points, even where UTF-16 would fit too.
        {"text": EMOJI_TEXT, "spans": [{"start": start, "end": end, "label": "x"}]},
        # The span's text matches only as UTF-16: converted, and counted.
        {"text": EMOJI_TEXT + " ", "spans": [{"start": utf16(EMOJI_TEXT, start),
                                              "end": utf16(EMOJI_TEXT, end), "label": "x",
                                              "text": "firetrucks"}]},
    ]  # fmt: skip
    pending, report = read_gold(write(tmp_path / "p.jsonl", lines))
    assert [s["text"] for p in pending.values() for s in p.spans] == ["firetrucks"] * 2
    assert (report.converted_lines, report.converted_spans) == (1, 1)


WORDS = st.lists(
    st.sampled_from(["fire", "trucks", "a", "I", "raced", "𝕏", "🚒", "🔥🔥", "東京", "x_y"]),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=WORDS, chosen=st.sets(st.integers(0, 11), max_size=4), count=st.sampled_from(
    ["utf16", "codepoints"]))  # fmt: skip
def test_doccano_spans_land_on_their_words_or_the_line_is_refused(
    tmp_path: Path, words: list[str], chosen: set[int], count: str
) -> None:
    """Whichever way a doccano file counts, a span never lands on other words."""
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    picked = sorted(i for i in chosen if i < len(words))
    triples = []
    for i in picked:
        start, end = starts[i], starts[i] + len(words[i])
        if count == "utf16":
            start, end = utf16(text, start), utf16(text, end)
        triples.append([start, end, "x"])
    path = write(tmp_path / "d.jsonl", [{"text": text, "label": triples}])
    try:
        pending, _ = read_gold(path)
    except ImportFailed as failed:
        assert "--offsets" in str(failed), str(failed)
        return
    assert [s["text"] for p in pending.values() for s in p.spans] == [words[i] for i in picked]


def test_dry_run_reports_what_the_import_does(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    other = "Floods hit the north of the country on Tuesday."
    with Store.open(tmp_path, "maria", labels=None) as store:
        store.add(article_id(TEXT), 0, 12, "claim", "The minister")
    workspace.save_article(make_article(TEXT, "wire/1.txt"))
    lines = [
        {"text": TEXT, "spans": [{"start": 0, "end": 12, "label": "claim"},  # had already
                                 {"start": 18, "end": 23, "label": "claim"}]},
        {"text": TEXT, "spans": [{"start": 18, "end": 23, "label": "claim"}]},  # repeated
        {"text": other, "spans": [{"start": 0, "end": 6, "label": "event"}], "answer": "reject"},
        {"text": "A\r\nB \x1b[1mbold\x1b[0m.", "spans": [{"start": 9, "end": 13, "label": "x"}]},
        doccano(EMOJI_TEXT, ["firetrucks"]),
    ]  # fmt: skip
    path = write(tmp_path / "gold.jsonl", lines)
    pending, dry = read_gold(path)
    files_before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    with Store.open(tmp_path, "maria", read_only=True, labels=None) as reading:
        plan_gold(workspace, reading, pending, dry)
    with Store.open(tmp_path, "nobody", read_only=True, labels=None) as nobody:
        plan_gold(workspace, nobody, pending, read_gold(path)[1])
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files_before
    assert not (tmp_path / "annotations" / "nobody").exists()
    with Store.open(tmp_path, "maria", labels=None) as store:
        real = import_gold(workspace, store, path)
    assert real == dry
    assert (real.added, real.duplicates, real.skipped_answers) == (3, 2, 1)
    assert (real.sanitized_lines, real.converted_lines, real.new_articles) == (1, 1, 2)
    said = dry.summary("maria", path, tmp_path, dry_run=True)
    done = real.summary("maria", path, tmp_path, dry_run=False)
    numbers = re.compile(r"\d+ \w+")
    assert [numbers.findall(x) for x in said[1:]] == [numbers.findall(x) for x in done[1:]]
    assert "would import 3 spans (1 claim, 1 x, 1 event) on 3 articles" in said[0]
    assert "; 2 articles new to" in said[0] and "(5 lines)" in said[0]
    assert "2 spans maria already had would be skipped" in said
    assert "2 spans maria already had were skipped" in done
    assert "1 line answered reject or ignore was skipped" in done


def test_messages_count_in_the_singular_and_plural() -> None:
    one = importer.ImportReport(lines=1, articles=1, new_articles=1, added=1, duplicates=1)
    one.labels["claim"] = 1
    (head, skipped) = one.summary("maria", Path("g.jsonl"), Path("ws"), dry_run=False)
    assert head == (
        "imported 1 span (1 claim) on 1 article as maria from g.jsonl (1 line); 1 article new to ws"
    )
    assert skipped == "1 span maria already had was skipped"
    two = dataclasses.replace(one, articles=2, added=2, new_articles=0)
    assert "imported 2 spans (1 claim) on 2 articles" in two.summary("m", Path("g"), Path("w"),
                                                                     False)[0]  # fmt: skip
    assert "0 articles new" in two.summary("m", Path("g"), Path("w"), False)[0]
    error = ImportFailed(Path("g.jsonl"), ["line 1: x"])
    assert "g.jsonl: 1 line cannot be imported" in str(error)
