"""HTML pages: the article comes out with the paragraph breaks of its .txt equivalent, and
control characters written as character references neither stop extraction nor leave half
an escape sequence on screen."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from corpus.loader import builtin_paths, load_corpus
from corpus.text import paragraphs

SAMPLE = builtin_paths()[1]  # The Moscow Times: a headline, a caption, ten paragraphs, chrome


def sample_parts() -> tuple[str, list[str]]:
    """The sample's headline and body paragraphs, without the site's chrome."""
    parts = [p.strip() for p in SAMPLE.read_text("utf-8").split("\n\n") if p.strip()]
    end = parts.index("Sign up for our free weekly newsletter")
    return parts[1], parts[3:end]


def news_page(headline: str, body: list[str], *, title: str | None = None) -> str:
    """A page laid out as news sites lay theirs out: navigation, a cookie banner, the article
    with a byline, a figure and a related-stories box, a footer and scripts."""
    paras = "\n".join(f"      <p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title or headline} - The Moscow Times</title>
  <meta property="og:title" content="{title or headline}">
  <meta property="og:site_name" content="The Moscow Times">
  <meta name="author" content="Moscow Times Staff">
  <meta property="article:published_time" content="2025-03-31T10:00:00+03:00">
  <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "x"}}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{}}</script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <a href="#">Accept</a></div>
  <header class="site-header">
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/opinion">Opinion</a></li><li><a href="/business">Business</a></li></ul></nav>
  </header>
  <main>
    <article class="article">
      <h1 class="article__title">{headline}</h1>
      <div class="byline">By <a href="/authors/staff">Moscow Times Staff</a>
        <time datetime="2025-03-31">March 31, 2025</time></div>
      <figure><img src="/photo.jpg" alt="">
        <figcaption>Kirill Dmitriev. Anton Novoderezhkin / Roscongress Photobank</figcaption>
      </figure>
{paras}
    </article>
    <aside class="related"><h3>Read more</h3><ul>
      <li><a href="/a">Kremlin Says Talks Are Going Well</a></li>
      <li><a href="/b">Ruble Rises Against the Dollar</a></li></ul></aside>
  </main>
  <footer><p>&copy; 2025 The Moscow Times. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></footer>
</body>
</html>"""


def squeeze(text: str) -> str:
    return " ".join(text.split())


def load_page(tmp_path: Path, page: str) -> tuple[str, str, dict[str, str]]:
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    articles, problems = load_corpus([path])
    assert not [p for p in problems if p.skipped], problems
    (article,) = articles
    return article.text, article.title, dict(article.meta)


def test_a_page_reads_with_the_paragraph_breaks_of_its_txt(tmp_path: Path) -> None:
    headline, body = sample_parts()
    text, title, meta = load_page(tmp_path, news_page(html.escape(headline), body))
    assert title == headline and meta["site"] == "The Moscow Times"
    # Each paragraph of the page is a paragraph of the text, separated by a blank line, as in
    # the .txt file; nothing of the navigation, banner or footer is in it.
    # (trafilatura turns a no-break space into a plain one: compared with white space
    # collapsed, within each paragraph only.)
    start = text.index(body[0][:40])
    assert [squeeze(p) for p in text[start:].split("\n\n")] == [squeeze(p) for p in body]
    assert [squeeze(p.text) for p in paragraphs(text[start:])] == [squeeze(p) for p in body]
    for chrome in ("cookies", "Home", "Privacy policy", "All rights reserved"):
        assert chrome not in text


def test_lines_inside_a_block_stay_single(tmp_path: Path) -> None:
    headline, body = sample_parts()
    extra = [
        "First line of an address<br>Second line of the same address, on a line of its own",
        "</p><blockquote><p>A quoted paragraph that the article sets apart from the text.</p>"
        "<p>The second paragraph of the same quotation, also set apart.</p></blockquote><p>"
        "After the quotation the article goes on with its own words for a while",
        "</p><ul><li>The first point made in a list</li><li>The second point of the list</li>"
        "</ul><p>And the paragraph after the list closes the article for good",
    ]
    text, _, _ = load_page(tmp_path, news_page(headline, body + extra))
    tail = text[text.index("First line") :]
    assert tail.startswith(
        "First line of an address\nSecond line of the same address, on a line of its own\n\n"
        "A quoted paragraph that the article sets apart from the text.\n\n"
        "The second paragraph of the same quotation, also set apart.\n\n"
        "After the quotation the article goes on with its own words for a while\n\n"
    )
    assert "The first point made in a list\n" in tail.replace("- ", "")
    assert tail.endswith("\n\nAnd the paragraph after the list closes the article for good")


def test_the_text_holds_what_trafilatura_extracts_and_nothing_else(tmp_path: Path) -> None:
    import trafilatura

    headline, body = sample_parts()
    page = news_page(headline, body)
    text, _, _ = load_page(tmp_path, page)
    theirs = trafilatura.extract(page, include_comments=False, include_tables=True) or ""
    assert text.split() == theirs.split()


REFERENCES = {
    "osc52 decimal": ("&#27;]52;c;UFdO&#7;", ""),
    "csi hex": ("&#x1b;[2J", ""),
    "csi upper hex": ("&#X1B;[2J", ""),
    "bel alone": ("&#7;", ""),
    "dcs": ("&#27;Pq#0;2;0;0;0&#27;\\", ""),
    "osc8 hyperlink": ("&#27;]8;;https://evil.example/&#27;\\click&#27;]8;;&#27;\\", "click"),
    "unterminated osc": ("&#27;]52;c;UFdO", ""),
    "raw osc52": ("\x1b]52;c;UFdO\x07", ""),
    "raw c1 csi": ("\x9b2J", ""),
    "c1 osc as reference": ("&#157;52;c;QQ==&#156;", ""),
    "noncharacter": ("&#xFFFE;", "\ufffd"),
    # HTML maps references to 128-159 through Windows-1252, as browsers do: 155 is "›".
    "windows-1252 reference": ("&#155;2J", "›2J"),
}


@pytest.mark.parametrize("where", ["body", "headline"])
@pytest.mark.parametrize("reference", REFERENCES.values(), ids=REFERENCES.keys())
def test_control_references_are_sanitized_with_their_sequence(
    tmp_path: Path, reference: tuple[str, str], where: str
) -> None:
    written, shown = reference
    headline, body = sample_parts()
    original = body[2]
    if where == "body":
        body = [*body[:2], f"{original[:40]} {written} {original[40:]}", *body[3:]]
    else:
        headline = f"Talks begin {written} today"
    text, title, meta = load_page(tmp_path, news_page(headline, body))
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text + title + "".join(meta.values())) is None
    for leftover in ("UFdO", "QQ==", "52;", "[2J", "evil.example", "#0;2"):
        assert leftover not in text and leftover not in title
    if where == "body":
        assert squeeze(f"{original[:40]} {shown} {original[40:]}") in squeeze(text)
        assert body[-1] in text
    else:
        assert title == " ".join(f"Talks begin {shown} today".split())


def test_zero_width_joiners_inside_words_stay(tmp_path: Path) -> None:
    """Persian writes a zero-width non-joiner inside words, Hindi and emoji sequences a
    joiner; trafilatura drops every character that is not printable, and the loader keeps
    them through it, written as characters or as references."""
    persian = "سی\u200cوششمین نمایشگاه بین\u200cالمللی کتاب تهران صبح امروز آغاز شد."
    family = "The family emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 stays one picture."
    headline, body = sample_parts()
    page = news_page(headline, [*body[:3], persian, family.replace("\u200d", "&zwj;")])
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [article], _ = load_corpus([str(path)])
    assert persian in article.text and family in article.text
