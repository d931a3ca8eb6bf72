"""Suggestions from the analysis: figures as figures, direct quotes as claims with speakers."""

from __future__ import annotations

from annotations.suggestions import suggest

TEXT = 'Exports fell 15%. "We will talk," Putin said.  Read next: 2 million tons.'
FIGURES = [
    {"start": 13, "end": 16, "label": "PERCENT", "text": "15%"},
    {"start": 58, "end": 72, "label": "QUANTITY", "text": "2 million tons"},
]
QUOTES = [
    {"start": 18, "end": 33, "content_start": 19, "content_end": 32, "speaker": "Vladimir Putin",
     "speaker_start": 34, "speaker_end": 39, "cue": "said", "kind": "direct"},
    {"start": 0, "end": 5, "content_start": 0, "content_end": 5, "kind": "indirect"},
]  # fmt: skip


def test_figures_and_direct_quotes_become_suggestions() -> None:
    found = suggest(TEXT, FIGURES, QUOTES)
    assert [(s.key, s.label, s.text) for s in found] == [
        ("figure:13-16", "figure", "15%"),
        ("quote:19-32", "claim", "We will talk,"),  # the quoted words, without the marks
        ("figure:58-72", "figure", "2 million tons"),
    ]
    claim = found[1]
    assert claim.attrs["speaker"] == "Vladimir Putin" and claim.attrs["cue"] == "said"
    assert claim.origin == "suggested:quote"
    assert claim.as_item()["attrs"]["speaker_start"] == 34


def test_chrome_rejected_taken_and_unknown_labels_are_not_offered() -> None:
    chrome = [(48, 73)]
    keys = [s.key for s in suggest(TEXT, FIGURES, QUOTES, boilerplate=chrome)]
    assert "figure:58-72" not in keys
    keys = [s.key for s in suggest(TEXT, FIGURES, QUOTES, rejected={"figure:13-16"})]
    assert "figure:13-16" not in keys
    keys = [s.key for s in suggest(TEXT, FIGURES, QUOTES, taken={(13, 16, "figure")})]
    assert "figure:13-16" not in keys
    assert [s.kind for s in suggest(TEXT, FIGURES, QUOTES, labels=("claim",))] == ["quote"]
    spaced = [{"content_start": 18, "content_end": 33, "start": 18, "end": 33, "kind": "direct"}]
    assert suggest(" " * 18 + "x" * 14 + " ", [], spaced)[0].text == "x" * 14  # trimmed
