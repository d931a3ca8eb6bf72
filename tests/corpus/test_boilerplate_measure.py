"""The shingle measure of bench/boilerplate_eval.py (Zyte's article-extraction-benchmark,
evaluate.py) on tiny texts, and the bench itself on a folder of two tiny pages."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench.boilerplate_eval import (
    cjk_tokens,
    main,
    metrics,
    precision_score,
    recall_score,
    shingle_matching,
    shingles,
    tokens,
)

BODY = "The council voted on Tuesday to close the old bridge for repairs."


def prf(true: str, pred: str) -> tuple[float, float]:
    counts = shingle_matching(true, pred)
    return precision_score(*counts), recall_score(*counts)


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokens("Don't stop—now, 2024!") == ["Don", "t", "stop", "now", "2024"]
    assert tokens(None) == []


def test_a_cjk_run_is_one_token_unless_split() -> None:
    assert tokens("北京市今天下雨。明天晴") == ["北京市今天下雨", "明天晴"]
    assert cjk_tokens("北京市今天下雨。明天晴") == list("北京市今天下雨明天晴")
    assert cjk_tokens("Hello 東京 world") == ["Hello", "東", "京", "world"]


def test_identical_texts_score_one() -> None:
    assert prf(BODY, BODY) == (1.0, 1.0)
    assert metrics([shingle_matching(BODY, BODY)]) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    assert prf(BODY, "Sign up for our newsletter and follow us today") == (0.0, 0.0)


def test_extra_chrome_lowers_precision_only() -> None:
    precision, recall = prf(BODY, "Skip to main content Home News\n\n" + BODY)
    assert recall == 1.0
    assert 0 < precision < 1


def test_shingles_are_a_multiset() -> None:
    # The body twice over: its 9 shingles predicted twice each, and 3 across the join.
    tp, fp, fn = shingle_matching(BODY, BODY + " " + BODY)
    assert fn == 0
    assert tp / (tp + fp) == pytest.approx(9 / 21)
    assert shingles(["a", "b", "c", "d", "a", "b", "c", "d"])[("a", "b", "c", "d")] == 2


def test_short_texts_make_one_shingle_of_all_their_tokens() -> None:
    assert shingles(["Breaking", "news"]) == {("Breaking", "news"): 1}
    assert shingles([]) == {}
    assert prf("Breaking news", "Breaking news") == (1.0, 1.0)
    # Not a 4-gram of the longer text: the short one's single shingle does not match.
    assert prf("Breaking news today", "Breaking news today and more") == (0.0, 0.0)


def test_empty_prediction_and_empty_gold() -> None:
    assert shingle_matching(BODY, "") == (0.0, 0.0, 1.0)
    assert prf(BODY, "") == (0.0, 0.0)
    assert prf("", "Some chrome words here") == (0.0, 0.0)
    assert shingle_matching("", "") == (0.0, 0.0, 0.0)
    assert prf("", "") == (1.0, 1.0)  # fp == fn == 0


def test_averages_leave_out_pages_with_nothing_to_average() -> None:
    full = shingle_matching(BODY, BODY)
    empty_prediction = shingle_matching(BODY, "")  # recall 0, not in precision
    empty_gold = shingle_matching("", "Some chrome words here")  # precision 0, not in recall
    precision, recall, f1 = metrics([full, empty_prediction, empty_gold])
    assert precision == pytest.approx(0.5)
    assert recall == pytest.approx(0.5)
    assert f1 == pytest.approx(0.5)
    assert all(math.isnan(x) for x in metrics([shingle_matching("", "")]))


def test_f1_is_of_the_averaged_precision_and_recall() -> None:
    half = shingle_matching("a b c d e f g", "a b c d x y z q r")  # p 1/6, r 1/4
    whole = shingle_matching(BODY, BODY)
    precision, recall, f1 = metrics([half, whole])
    assert precision == pytest.approx((1 / 6 + 1) / 2)
    assert recall == pytest.approx((1 / 4 + 1) / 2)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_main_runs_on_two_tiny_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    body = "\n\n".join(
        [
            "City council closes the old bridge",
            "The city council voted on Tuesday to close the old river bridge for six months "
            "of repairs, after engineers found cracks in two of its supports.",
            "Drivers will be sent over the northern bypass, which the council said would add "
            "about ten minutes to a trip into the centre at rush hour.",
        ]
    )
    (dev / "bridge.txt").write_text("Home | News | Sport\n\n" + body + "\n\nShare this article\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    (dev / "bridge.html").write_text(
        "<html><head><title>City council closes the old bridge</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>City council closes the old bridge</h1>{paragraphs}</article>"
        "<footer>Share this article</footer></body></html>"
    )
    entries = [
        {"file": name, "kind": kind, "language": "en", "script": "Latin", "site": "x", "body": body}
        for name, kind in (("bridge.txt", "txt"), ("bridge.html", "html"), ("gone.html", "html"))
    ]
    (dev / "manifest-a.jsonl").write_text("\n".join(json.dumps(e) for e in entries) + "\n{")
    main(["--gold", str(tmp_path), "--pages", "dev"])
    out = capsys.readouterr().out
    assert "dev 2 pages (1 html, 1 txt; 2 manifest lines skipped)" in out
    assert "text minus marks F1 >= 0.966" in out
    assert "marks add >= 0.004 F1 over unmarked" in out
    assert "no page in a non-Latin script loses more than 5 points" in out
    assert "bridge.txt" in out and "bridge.html" in out
