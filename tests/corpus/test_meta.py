from __future__ import annotations

import pytest

from corpus.article import make_article
from corpus.loader import load_corpus
from corpus.meta import language_of, parse_date, shorten
from tests.conftest import sample_text


def test_sample_metadata() -> None:
    articles, _ = load_corpus()
    a000, a001, a002, a003, a004 = articles
    assert a000.title == "Russia, US may reach agreement on mining rare earths in Alaska — envoy"
    assert a000.meta["dateline"] == "MOSCOW, September 24. /TASS/."
    assert a000.meta["site"] == "TASS"
    assert a000.meta["date"] == "2025-09-24T17:30"
    # 001 opens with a donation appeal: the headline is the line after it.
    assert a001.title == "Russia and U.S. Begin Talks on Rare Earth Metals, Putin Envoy Says"
    assert a001.meta["site"] == "The Moscow Times"
    assert a002.title.startswith("Putin Signals Openness")
    # 003 and 004 have no headline (004 opens with site navigation): the lede, shortened.
    assert a003.title.startswith("Moscow and Washington have initiated discussions")
    assert a004.title.startswith("At the first face-to-face meeting")
    assert a003.title.endswith("…") and len(a003.title) <= 101
    assert all(a.meta["language"] == "en" for a in articles)
    assert "Skip to main content" not in a004.title


@pytest.mark.parametrize(
    ("line", "dateline", "site"),
    [
        ("WASHINGTON (Reuters) - The U.S. Treasury said on Monday it would act.",
         "WASHINGTON (Reuters) -", "Reuters"),
        ("KYIV, Ukraine (AP) — Ukrainian officials said the talks went well.",
         "KYIV, Ukraine (AP) —", "AP"),
        ("BEIJING — China said on Tuesday it would curb exports of the metals.",
         "BEIJING —", None),
        ("LONDON, Nov 3 (Reuters) - Britain said it would review the deal.",
         "LONDON, Nov 3 (Reuters) -", "Reuters"),
        ("LONDON 1996-12-06 Shares in London fell on Friday as traders sold banks.",
         "LONDON 1996-12-06", None),
    ],
)  # fmt: skip
def test_datelines_of_other_agencies(line: str, dateline: str, site: str | None) -> None:
    article = make_article(f"Headline here\n\n{line}", "x.txt")
    assert article.meta["dateline"] == dateline
    assert article.meta.get("site") == site


def test_sentence_opening_in_capitals_is_not_a_dateline() -> None:
    article = make_article("Headline\n\nNATO and the EU - both said so - agreed today.", "x")
    assert "dateline" not in article.meta


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("September 24, 2025", "2025-09-24"),
        ("24 Sept 2025", "2025-09-24"),
        ("3rd March, 2024", "2024-03-03"),
        ("2025-02-01", "2025-02-01"),
        ("24.09.2025", "2025-09-24"),
        ("February 30 99", None),
        ("Smarch 3, 2025", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_language() -> None:
    assert language_of(sample_text("002")) == "en"
    russian = "Москва и Вашингтон начали переговоры о том, что было бы для них выгодно, и это все."
    assert language_of(russian) == "ru"
    assert language_of("Die Gespräche über die Metalle sind in der Stadt und mit dem Chef.") == "de"
    assert language_of("42 17") is None


def test_given_title_and_meta_win_and_are_sanitized() -> None:
    article = make_article(
        "Text line one.\n\nMore text.", "s", title="Given \x1b[1mtitle\x1b[0m",
        given_meta={"site": "Wire\x07", "date": None},
    )  # fmt: skip
    assert article.title == "Given title"
    assert article.meta["site"] == "Wire" and "date" not in article.meta


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("one two three four five", 12) == "one two…"


LEDE = [
    "The city council voted on Tuesday to close the Saint-Servais pool three months early, "
    "after an inspection found that part of the ceiling over the main pool could fall.",
    "Swimmers will have to use the pools in Jambes and Salzinnes for nearly two years while "
    "the building is renovated, at a cost of 14 million euros.",
]


@pytest.mark.parametrize(
    "head",
    [
        # a site's name over its menu, a currency ticker, the weather and a date
        ["Courrier du Nord Online", "Home", "News", "Sport", "Culture"],
        ["USD 1,0842  GBP 0,8571", "Namur 12°C", "Friday, 14 March 2025"],
        # a crumbs' trail with the section named twice
        ["Home > News > Namur", "Namur"],
    ],
)
def test_a_copied_pages_title_is_its_headline_not_its_first_line(head: list[str]) -> None:
    headline = "Saint-Servais pool to close three months early as ceiling is found unsafe"
    text = "\n".join(
        [*head, headline, "By Aurélie Jacquemart", "Share", "Facebook", "X", "", *LEDE]
    )
    assert make_article(text, "page.txt").title == headline


@pytest.mark.parametrize(
    "head",
    [
        # a site's name over its menu; a section name inside it; a promotion's banner
        ["ガジェットウォッチ", "ニュース", "レビュー", "スマホ", "PC・周辺機器"],
        ["ホーム", "PC・周辺機器", "ホーム > ニュース > キャッシュレス"],
    ],
)
def test_a_japanese_copied_pages_title_is_its_headline(head: list[str]) -> None:
    headline = "決済アプリで約3時間の障害、最大240万人に影響　原因はサーバー更新の不具合"
    lede = [
        "スマートフォン決済アプリで8日午前、送金や店頭での支払いができなくなる障害が発生し、"
        "約3時間にわたって利用できない状態が続いた。",
        "同社の発表によれば、障害は午前9時12分ごろに始まり、午後0時20分ごろに全面復旧した。",
    ]
    deck = "二重請求の有無は調査中。同社は11月末までに自動返金するとしている"
    text = "\n".join([*head, headline, deck, "2024年11月8日 15:20", "", *lede])
    assert make_article(text, "page.txt").title == headline
    # a headline and its deck copied as the two lines of one block
    text = "\n".join([*head, "", f"{headline}\n{deck}", "", *lede])
    assert make_article(text, "page.txt").title == headline


def test_a_counter_and_a_crumbs_trail_with_slashes_are_no_title() -> None:
    headline = "Saint-Servais pool to close three months early as ceiling is found unsafe"
    text = "\n".join(["Kinh doanh / Ngân hàng", "Views: 1 204", headline, "", *LEDE])
    assert make_article(text, "page.txt").title == headline


def test_a_short_line_after_the_lede_does_not_become_the_title() -> None:
    """A headline stands above the article's prose; a page that opens with its lede keeps
    the lede's first sentence, however headline-like the lines after it."""
    text = "\n".join([LEDE[0], "Pools open this summer", LEDE[1]])
    title = make_article(text, "page.txt").title
    assert title.startswith("The city council voted on Tuesday")
