"""A copied page's headline and standfirst: the article's title holds them, and they are no
part of its text. Marked ("headline", "standfirst") where the page's chrome stands over them
and their byline or date under them; a text that opens with its headline stays as it is."""

from __future__ import annotations

import pytest

from corpus.boilerplate import classify
from corpus.entities import KEPT_CHROME
from corpus.meta import title_of
from tests.corpus.test_boilerplate_languages import BODIES, ENGLISH_BODY, reasons

# (menu, headline, standfirst, byline, date, body) of a copied page in each script
PAGES = {
    "Latin": (
        ["Skip to content", "Home", "News", "Sport", "Business", "Opinion"],
        "Night buses return to three city routes after four-year gap",
        "Transport authority says the service will cost 1.2 million euros a year",
        "By Maria Keane",
        "March 6, 2025 7:45 PM",
        ENGLISH_BODY,
    ),
    "Cyrillic": (
        ["Перейти к содержимому", "Главная", "Новости", "Политика", "Экономика", "Спорт"],
        "В Самаре подорожает проезд в трамваях и автобусах",
        "Новые тарифы вступят в силу с 1 марта, льготы для пенсионеров сохранят",
        "Автор: Ирина Власова",
        "12 февраля 2025, 10:40",
        BODIES["Cyrillic"],
    ),
    "Arabic": (
        ["الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة"],
        "ارتفاع أسعار تذاكر الحافلات في المدينة بنسبة عشرة بالمئة",
        "البلدية تقول إن الزيادة ضرورية لتغطية كلفة الوقود والصيانة",
        "كتب: سامي الحداد",
        "12 فبراير 2025 - 10:40",
        BODIES["Arabic"],
    ),
    "Japanese": (
        ["メインコンテンツへスキップ", "トップ", "社会", "経済", "スポーツ"],
        "地方の路線バス維持へ新交付金　来年度から",
        "予約制の乗り合いワゴンへの切り替えを後押し",
        "経済部　吉村 拓海",
        "2025年2月17日 5:00",
        BODIES["Japanese"],
    ),
}


def _page(script: str, *, menu: bool = True, standfirst: bool = True, byline: bool = True) -> str:
    items, headline, deck, by, date, body = PAGES[script]
    lines = [*(items if menu else []), headline, *([deck] if standfirst else [])]
    lines += [by, date] if byline else []
    return "\n\n".join([*lines, *body])


@pytest.mark.parametrize("script", sorted(PAGES))
def test_the_headline_and_standfirst_under_the_menu_are_marked(script: str) -> None:
    _items, headline, deck, _by, _date, body = PAGES[script]
    judged = classify(_page(script))
    found = {j.paragraph.text: j.reason for j in judged}
    assert found[headline] == "headline"
    assert found[deck] == "standfirst"
    assert all(found[p] is None for p in body)
    assert title_of(judged) == headline  # (the title holds it)


@pytest.mark.parametrize("script", sorted(PAGES))
def test_a_text_that_opens_with_its_headline_keeps_it(script: str) -> None:
    """No chrome over it: the article as its writer gave it ("Russia, US may reach agreement
    …" over its date, the first sample)."""
    _items, headline, deck, _by, _date, _body = PAGES[script]
    found = reasons(_page(script, menu=False))
    assert found[headline] is None
    assert found[deck] is None


@pytest.mark.parametrize("script", sorted(PAGES))
def test_a_line_under_the_headline_with_no_byline_under_it_stays(script: str) -> None:
    """Under a headline with no byline or date, the next line may be the article's first
    paragraph: it is left, and so is the headline (the menu over it is short)."""
    _items, headline, deck, _by, _date, _body = PAGES[script]
    found = reasons(_page(script, byline=False))
    assert found[deck] is None
    assert found[headline] is None


def test_a_headline_under_a_whole_header_and_menu_is_marked_without_a_byline() -> None:
    """Nine marked lines over it and more, a site's header and menu: the headline, byline or
    not; the line under it, with no byline under that, stays."""
    menu = ["Skip to content", "The Valley Courier", "Home", "News", "Sport", "Business",
            "Opinion", "Culture", "Travel", "Weather", "Obituaries"]  # fmt: skip
    headline = "Night buses return to three city routes after four-year gap"
    found = reasons("\n\n".join([*menu, headline, *ENGLISH_BODY]))
    assert found[headline] == "headline"
    assert all(found[p] is None for p in ENGLISH_BODY)


def test_a_sites_tagline_over_its_menu_is_no_headline() -> None:
    """ "Exclusive news, data and analytics for …" over "World", "Business", "Markets", and a
    headline under the menu: the tagline is the page's header, the headline the title."""
    tagline = "Exclusive news, data and analytics for financial market professionals"
    menu = ["World", "Business", "Markets", "Sustainability", "Legal"]
    headline = "Chile's copper output slips as storms hit northern mines"
    text = "\n\n".join(["Skip to main content", tagline, *menu, headline, "By Ana Torres",
                        "March 4, 2025 6:12 PM GMT", *ENGLISH_BODY])  # fmt: skip
    judged = classify(text)
    found = {j.paragraph.text: j.reason for j in judged}
    assert found[tagline] == "page header"
    assert found[headline] == "headline"
    assert title_of(judged) == headline


def test_a_headline_in_the_title_bar_written_again_under_the_menu_stays_the_title() -> None:
    """A title bar's headline over the menu, written again under it over the deck: the first
    is the headline, not a tagline, and the title."""
    headline = "能登の地域紙、紙の発行終了へ　来春から電子版に完全移行"
    menu = ["シェア", "トップ", "経済", "メディア"]
    deck = "地震後の販売網打撃、用紙代高騰が決め手"
    text = "\n\n".join(["メインコンテンツへスキップ", "北陸ニュースオンライン", headline, *menu,
                        headline, deck, "経済部　吉村 拓海", "2024年9月21日 5:00",
                        *BODIES["Japanese"]])  # fmt: skip
    assert title_of(classify(text)) == headline


def test_the_headlines_people_and_places_stay_entities_of_the_article() -> None:
    assert {"headline", "standfirst"} <= KEPT_CHROME


def test_a_standfirst_over_the_pictures_credit_and_the_byline_is_marked() -> None:
    """Under the headline, the standfirst and the picture's caption, then the credit, the
    reporter's name and the date: the lines over that header are the standfirst. A paragraph
    of more than sixty words there is the article's first."""
    menu = ["Skip to content", "Home", "News", "Sport", "Business", "Opinion"]
    headline = "Ferry cut could add an hour to commuters' working day"
    deck = "Three departures will disappear from the crossing this autumn."
    header = ["Photo: Marte Holm", "By Eirik Nygaard", "March 6, 2025 7:45 PM"]
    found = reasons("\n\n".join([*menu, headline, deck, *header, *ENGLISH_BODY]))
    assert (found[headline], found[deck]) == ("headline", "standfirst")
    lede = " ".join([ENGLISH_BODY[0]] * 3)  # (sixty-six words)
    found = reasons("\n\n".join([*menu, headline, lede, *header, *ENGLISH_BODY]))
    assert found[lede] is None


def test_a_lede_over_a_box_of_key_points_is_no_standfirst() -> None:
    """A live page's first lines over its box of key points, then its reporter's name: the
    box is the article's summary, and the lines over it may be its lede."""
    cookie = ("Utilizamos cookies propias y de terceros para mejorar tu experiencia. Si "
              "continúas navegando, aceptas su uso.")  # fmt: skip
    headline = "Sismo de magnitud 6.1 sacude la costa de Oaxaca"
    lede = ("Un sismo de magnitud 6.1 se registró la tarde de este jueves en la costa de "
            "Oaxaca, según el reporte preliminar del Servicio Sismológico Nacional.")  # fmt: skip
    box = ["Lo más importante", "Sismo de 6.1 con epicentro en Pinotepa Nacional",
           "Sin víctimas mortales reportadas"]  # fmt: skip
    text = "\n\n".join([cookie, headline, lede, *box, "Por Arturo Salinas", *ENGLISH_BODY])
    assert reasons(text)[lede] is None


def test_a_headline_over_its_share_bar_stays_the_headline() -> None:
    """Share buttons under the headline ("Facebook", "X", "WhatsApp", "Email") are no menu
    under a tagline: the headline is the title, and the standfirst under them no headline."""
    headline = "Government unveils plan to cut hospital waiting lists"
    deck = "Health secretary promises 40,000 extra appointments a week"
    text = "\n\n".join(["Skip to content", "Home", "News", "Health", headline, "Facebook",
                        "X", "WhatsApp", "Email", deck, "By Sarah Jones",
                        "March 6, 2025 7:45 PM", *ENGLISH_BODY])  # fmt: skip
    judged = classify(text)
    assert title_of(judged) == headline
    assert {j.paragraph.text: j.reason for j in judged}[headline] == "headline"


def test_a_live_blogs_first_post_over_its_time_is_no_standfirst() -> None:
    """Under a live blog's headline, its first post over the post's time ("22:00"): a clock
    alone is no byline's date."""
    headline = "Election night live: results as they come in"
    post = "Polls have now closed."
    text = "\n\n".join(["Skip to content", "Home", "News", "Politics", headline, post, "22:00",
                        "By Sarah Jones", *ENGLISH_BODY])  # fmt: skip
    assert reasons(text)[post] is None
