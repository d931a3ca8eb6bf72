"""Full-text search: folding, word prefixes, AND, phrases, chrome left out, and agreement
with a plain scan of the text on random corpora."""

from __future__ import annotations

import re
import threading
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.article import Article, make_article
from corpus.search import Query, SearchIndex, Term, fold, parse_query


def article(text: str, boilerplate: tuple[tuple[int, int], ...] = ()) -> Article:
    made = make_article(text, "x.txt")
    return Article(made.id, made.source, made.title, made.text, made.meta, boilerplate)


def index_of(*texts: str) -> tuple[SearchIndex, list[Article]]:
    index = SearchIndex()
    articles = [article(t) for t in texts]
    for a in articles:
        index.add(a)
    return index, articles


def found(index: SearchIndex, query: str) -> frozenset[str]:
    return index.search(parse_query(query))


def test_fold_drops_case_and_accents_but_keeps_letters_of_other_scripts() -> None:
    assert fold("Crème BRÛLÉE") == "creme brulee"
    assert fold("Straße") == "strasse"
    assert fold("Zürich") == fold("ZURICH")
    assert fold("Ёлка") == "елка"  # Cyrillic diacritics go too
    assert fold("İstanbul") == "istanbul"
    assert fold("हिन्दी") == "हिन्दी"  # Devanagari vowel signs are letters, not accents
    assert fold("ﬁnance") == "finance"


def test_a_term_matches_word_starts_any_case_and_all_terms_must_match() -> None:
    index, (a, b, _other) = index_of(
        "Sanctions on Russia\n\nThe SANCTIONS stay.", "Talks\n\nSanctuary cities.", "Other\n\nx"
    )
    assert found(index, "sanc") == {a.id, b.id}
    assert found(index, "sanct russia") == {a.id}
    assert found(index, "anctions") == frozenset()  # the middle of a word is not a start
    assert found(index, "sanctions cities") == frozenset()
    assert found(index, "") == frozenset()


def test_accents_are_optional_both_ways() -> None:
    index, (a, b) = index_of("Menu\n\nA café in Zürich.", "Menu\n\nA cafe in Zurich.")
    assert found(index, "cafe zurich") == {a.id, b.id}
    assert found(index, "CAFÉ") == {a.id, b.id}


def test_phrases_and_terms_with_punctuation_keep_word_order() -> None:
    index, (a, _b, c) = index_of(
        "One\n\nThe U.S. and rare-earth metals.",
        "Two\n\nEarth is rare; us too.",
        "Three\n\nRare earths, second-largest producer.",
    )
    assert found(index, '"rare earth"') == {a.id, c.id}  # the last word a prefix: earths
    assert found(index, '"earth rare"') == frozenset()
    assert found(index, "u.s.") == {a.id}  # u then s, not "us"
    assert found(index, "second-largest") == {c.id}
    assert found(index, '"rare earths second') == {c.id}  # unclosed, as while typing
    assert found(index, '"rare ear') == {a.id, c.id}


def test_a_phrase_in_a_text_with_accents_is_found_folded() -> None:
    index, (a, _b) = index_of("Une\n\nLa crème brûlée, enfin.", "Deux\n\nBrûlée crème.")
    assert found(index, '"creme brulee"') == {a.id}


def test_site_chrome_is_not_searched() -> None:
    text = "Title\n\nRead next: Putin visits Alaska\n\nThe body talks about mining metals."
    start = text.index("Read next")
    chrome = (start, start + len("Read next: Putin visits Alaska"))
    index = SearchIndex()
    index.add(article(text, (chrome,)))
    assert found(index, "putin") == frozenset()
    assert found(index, '"visits alaska"') == frozenset()
    assert len(found(index, "mining metals")) == 1
    accented = "Titre\n\nÀ lire: Poutine à Anchorage\n\nLe corps parle de métaux."
    start = accented.index("À lire")
    chrome = (start, start + len("À lire: Poutine à Anchorage"))
    index.add(article(accented, (chrome,)))
    assert found(index, '"poutine a"') == frozenset()
    assert len(found(index, '"parle de metaux"')) == 1


def test_the_index_grows_and_answers_for_what_it_holds() -> None:
    index, (a,) = index_of("One\n\nAlpha beta.")
    assert found(index, "gamma") == frozenset()
    b = article("Two\n\nGamma delta alpha.")
    assert index.add(b) and not index.add(b)  # a second add of the same article is nothing
    assert found(index, "gamma") == {b.id} and found(index, "alp") == {a.id, b.id}
    assert len(index) == 2 and b.id in index and "f" * 16 not in index


def test_parse_query_fields_quotes_and_words() -> None:
    query = parse_query('status:Todo "Rare  Earth" U.S. status: putin', fields=["status"])
    assert query.fields == {"status": "todo"}
    assert query.terms == (
        Term("rare earth", ("rare", "earth")),
        Term("u.s.", ("u", "s")),
        Term("putin", ("putin",)),
    )
    assert parse_query("10:30 http://x").terms[0] == Term("10:30", ("10", "30"))
    assert not Query() and not parse_query("   ")


def test_searching_while_another_thread_adds() -> None:
    index = SearchIndex()
    texts = [f"Report {i}\n\nWord{i % 7} shared text number {i}." for i in range(2_000)]
    errors: list[BaseException] = []

    def add() -> None:
        try:
            for text in texts:
                index.add(article(text))
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread = threading.Thread(target=add)
    thread.start()
    sizes = []
    while thread.is_alive():
        sizes.append(len(found(index, "shared wor")))
    thread.join()
    assert not errors
    assert sizes == sorted(sizes)  # answers only grow as articles arrive
    assert len(found(index, "shared wor")) == 2_000
    assert len(found(index, "word3")) == len([i for i in range(2_000) if i % 7 == 3])


WORDS = ["rare", "earth", "éarth", "Earths", "sanctions", "SANCT", "ü", "u", "s", "us", "café",
         "cafe", "zürich", "straße", "strasse", "putin", "put", "tin", "42", "4", "Путин",
         "путину", "Ёлка", "ﬁnance", "finance", "İstanbul", "ΣΟΦΊΑ", "σοφία", "x_y", "½",
         "中国", "K"]  # fmt: skip
SEPARATORS = [" ", "  ", ", ", ". ", "-", "\n", "\n\n", "'", "’", " — ", ".", "/", "\u00a0",
              "…", "«", "»", "\t"]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        parts.append(draw(st.sampled_from(WORDS)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "Title\n\n" + "".join(parts)


def plain_scan(a: Article, query: Query) -> bool:
    """What a reader expects, by brute force over the folded text."""
    text = fold(a.text)
    for term in query.terms:
        if not term.words:
            return False
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in term.words)
        if not re.search(pattern, text):
            return False
    return bool(query.terms)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=12), st.lists(st.sampled_from(WORDS), min_size=1,
       max_size=3), st.booleans())  # fmt: skip
def test_the_index_agrees_with_a_plain_scan(
    corpus: list[str], words: list[str], quoted: bool
) -> None:
    index = SearchIndex()
    articles = []
    for text in corpus:
        a = article(text)
        if a.id not in index:
            index.add(a)
            articles.append(a)
    typed = f'"{" ".join(words)}"' if quoted else " ".join(words)
    query = parse_query(typed)
    expected = {a.id for a in articles if plain_scan(a, query)}
    assert index.search(query) == expected


def test_a_phrase_is_looked_for_a_slice_at_a_time() -> None:
    texts = [f"Report {i}\n\nThe rare earth trade, item {i}." for i in range(50)]
    texts += [f"Other {i}\n\nEarth is rare, item {i}." for i in range(50)]
    index, articles = index_of(*texts)
    term = parse_query('"rare earth"').terms[0]
    first = index.matches(term, until=0.0)  # the deadline has passed: one look, no more
    assert len(first) <= 1 and index.unchecked(term) == 99
    answers = [first]
    while index.unchecked(term):
        answers.append(index.matches(term, until=0.0))
    assert answers[-1] == {a.id for a in articles[:50]}
    assert all(a <= b for a, b in pairwise(answers))  # only grows
    assert index.numbers(term) is index.numbers(term)  # the same answer, not a new set
    later = article("Late\n\nRare earth again.")
    index.add(later)  # a new article: only it is looked at
    assert index.matches(term) == {a.id for a in articles[:50]} | {later.id}
