"""The built-in corpus annotated as an annotator with assay's keys would: for the DocBin
training test and bench/suggester.py.

Each sentence holding a quotation is a claim (`c` tags the sentence at the cursor), linked to
its speaker tagged as a source where the analysis names one in the article; each figure the
analysis finds is a figure; each other sentence with a date in it is an event. The spans
come from the analysis, so they are the lengths real ones are (a claim is a sentence).
"""

from __future__ import annotations

from pathlib import Path

from annotations.store import Store
from annotations.workspace import Workspace
from corpus.analysis import Analyzer
from corpus.cache import AnalysisCache
from corpus.loader import load_corpus
from corpus.nlp import choose_pipeline

ANNOTATOR = "maria"


def annotate_builtin(root: Path, cache: Path) -> Workspace:
    """A workspace at `root` with the built-in corpus annotated by ANNOTATOR."""
    workspace = Workspace(root)
    articles, problems = load_corpus(None, None)
    assert articles and not problems
    analyzer = Analyzer(choose_pipeline(), AnalysisCache(cache))
    with Store.open(root, ANNOTATOR, labels=None) as store:
        for article, analysis in analyzer.analyze_many(articles):
            workspace.save_article(article)
            text = article.text
            claims: dict[tuple[int, int], list[tuple[int, int]]] = {}
            for quote in analysis.quotes:
                sentence = next((s for s in analysis.sentences if s[0] <= quote.start < s[1]), None)
                if sentence is None:
                    continue
                speakers = claims.setdefault(sentence, [])
                if quote.speaker_start is not None and quote.speaker_end is not None:
                    speakers.append((quote.speaker_start, quote.speaker_end))
            dated = {
                s
                for s in analysis.sentences
                for e in analysis.entities
                if e.label == "DATE" and s[0] <= e.start < s[1]
            }
            items: list[dict[str, object]] = []
            links: list[tuple[int | str, int | str, str]] = []
            sources: dict[tuple[int, int], int] = {}
            for (s, e), speakers in sorted(claims.items()):
                items.append({"start": s, "end": e, "label": "claim", "text": text[s:e]})
                claim = len(items) - 1
                for where in speakers:
                    if where not in sources:
                        items.append(
                            {
                                "start": where[0],
                                "end": where[1],
                                "label": "source",
                                "text": text[where[0] : where[1]],
                            }
                        )
                        sources[where] = len(items) - 1
                    links.append((claim, sources[where], "source"))
            for figure in analysis.figures:
                items.append(
                    {
                        "start": figure.start,
                        "end": figure.end,
                        "label": "figure",
                        "text": text[figure.start : figure.end],
                    }
                )
            for s, e in sorted(dated - set(claims)):
                items.append({"start": s, "end": e, "label": "event", "text": text[s:e]})
            store.add_linked(article.id, items, links)
    return workspace
