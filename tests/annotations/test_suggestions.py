"""Suggestions from the analysis: figures as figures, direct quotes as claims with speakers."""

from __future__ import annotations

from annotations.suggestions import suggest
from corpus.figures import Figure
from corpus.quotes import Quote, QuoteKind, QuoteStyle

TEXT = 'Exports fell 15%. "We will talk," Putin said.  Read next: 2 million tons.'
FIGURES = [
    Figure(13, 16, "PERCENT", "15%", 15, "percent"),
    Figure(58, 72, "QUANTITY", "2 million tons", 2_000_000, "ton"),
]


def quote(
    start: int,
    end: int,
    kind: QuoteKind = QuoteKind.DIRECT,
    speaker: str | None = None,
    speaker_span: tuple[int, int] | None = None,
    cue: str | None = None,
) -> Quote:
    """A quotation whose words are inside the marks at `start` and `end - 1`."""
    speaker_start, speaker_end = speaker_span or (None, None)
    return Quote(
        start=start,
        end=end,
        content_start=start + 1,
        content_end=end - 1,
        speaker=speaker,
        speaker_text=speaker,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue=cue,
        kind=kind,
        style=QuoteStyle.MARKS,
        confidence=0.9,
    )


QUOTES = [
    quote(18, 33, speaker="Vladimir Putin", speaker_span=(34, 39), cue="said"),
    quote(0, 5, kind=QuoteKind.FRAGMENT),
]


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
    spaced = [quote(17, 34)]
    assert suggest(" " * 18 + "x" * 14 + " ", [], spaced)[0].text == "x" * 14  # trimmed
