"""Held-out check of the boilerplate rules on pages in the style of sites not in the samples.

The rules in corpus/boilerplate.py were written from the five samples. These pages are composed
for this test in the style of other sites (a wire story, a reader-funded paper, a public
broadcaster, a live blog, an email newsletter ...) with invented article bodies, so they test
whether the rules generalise. Two expectations per page: no body paragraph is marked (the hard
rule: boilerplate is marked, never the article) and every piece of chrome is marked.

Each page is written in a small markup, one paragraph per tag:

    "B "  starts a body paragraph          "C "  starts a chrome paragraph
    "? "  starts a paragraph either way is acceptable (e.g. a byline)
    "H "  starts the article's headline or standfirst, marked as such: under the page's chrome
          and over the byline of a copied page (the article's title holds them)
    "  "  continues the paragraph on the same line (source wrapping only, joined by a space)
    "/ "  continues the paragraph on a new line (a hard-wrapped paragraph)

Blank lines are kept, so pages with one paragraph per line and pages with blank lines between
paragraphs are both written as they would be copied from the site.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.boilerplate import Judged, classify, find_boilerplate
from corpus.text import paragraphs
from tests.conftest import with_known_misses

BODY, CHROME, EITHER, HEADER = "body", "chrome", "either", "header"
_TAGS = {"B ": BODY, "C ": CHROME, "? ": EITHER, "H ": HEADER}


@dataclass(frozen=True)
class Page:
    """A composed page: its text and the expected kind of each of its paragraphs."""

    text: str
    parts: tuple[tuple[str, str], ...]  # (kind, paragraph text), in order

    def of_kind(self, kind: str) -> list[str]:
        return [text for k, text in self.parts if k == kind]


def page(markup: str) -> Page:
    lines: list[str] = []
    parts: list[tuple[str, str]] = []
    for raw in markup.strip("\n").split("\n"):
        if not raw.strip():
            lines.append("")
            continue
        tag, rest = raw[:2], raw[2:]
        if tag == "  ":
            lines[-1] += " " + rest
            parts[-1] = (parts[-1][0], parts[-1][1] + " " + rest)
        elif tag == "/ ":
            lines.append(rest)
            parts[-1] = (parts[-1][0], parts[-1][1] + "\n" + rest)
        else:
            lines.append(rest)
            parts.append((_TAGS[tag], rest))
    return Page("\n".join(lines) + "\n", tuple(parts))


# A wire story: one paragraph per line, section menu, "(Reuters) -" dateline, reporting credit.
REUTERS = page("""
C Skip to main content
C Exclusive news, data and analytics for financial market professionals
C World
C Business
C Markets
C Sustainability
C Legal
C Breakingviews
C Technology
C Investigations
C My News
H Chile's copper output slips as storms hit northern mines
? By Ana Lucía Torres and Mark Henley
C March 4, 2025 6:12 PM GMT Updated 2 hours ago
B SANTIAGO, March 4 (Reuters) - Copper production in Chile, the world's biggest producer of the
  metal, fell 4.1% in January from a year earlier as heavy rain cut power and blocked access
  roads at several large mines in the north, the national statistics agency said on Tuesday.
B Output totalled 398,700 metric tons, the agency said, the weakest January in six years.
B State-owned Codelco, which accounts for roughly a quarter of national output, said last week
  that flooding at one of its northern divisions had forced it to halt underground haulage for
  five days.
B "It was the worst week of rain we have seen in the desert in a decade," a Codelco
  spokesperson said, adding that all operations had since resumed.
B Reuters could not independently verify the figures.
B The data adds to concerns about supply from South America just as demand from power grids
  and electric vehicle makers in China is forecast to rise.
B Benchmark copper on the London Metal Exchange rose 0.8% to $9,412 a ton after the release.
B Analysts at Banco Andino said they expected output to recover in February but cut their
  full-year forecast for Chilean production by 40,000 tons.
B Molybdenum output, a by-product of copper mining, fell 11%.
C Reporting by Ana Lucía Torres in Santiago; Additional reporting by Mark Henley in London;
  Editing by Paul Kearns
C Our Standards: The Thomson Reuters Trust Principles., opens new tab
C Suggested Topics:
C Mining
C Commodities
C Share
C X
C Facebook
C Linkedin
C Email
C Link
C Purchase Licensing Rights
""")

# A reader-funded paper: blank lines between paragraphs, caption with a photographer's credit,
# a long reader-funding appeal with no header above its prose, payment buttons, topic tags.
GUARDIAN = page("""
C This article is more than 3 years old

H Rewilding scheme brings beavers back to Cumbrian river after 400 years

H Five-year trial on the River Eden will test whether the animals can ease flooding downstream

? Helen Marsh

C Wed 9 Apr 2025 07.00 BST

C Share

B A family of Eurasian beavers has been released on a tributary of the River Eden in Cumbria,
  the first to live wild in the catchment since the species was hunted to extinction in England
  in the 16th century.

C A beaver at the release site near Appleby. The animals are expected to build their first
  dams within weeks. Photograph: Owen Hartley/PA

B The release is part of a five-year trial run by a rivers trust and a group of local farmers,
  who hope the dams will slow the flow of water off the fells and reduce flooding in towns such
  as Carlisle.

B “We have spent a fortune on concrete defences and they have not kept the water out,” said
  Gareth Pryce, who farms 120 hectares at the edge of the release site. “If a few beavers can
  do some of that work for free, I am happy to give them a corner of my land.”

B Not everyone is convinced.

B Anglers on the Eden have raised concerns that dams could block the passage of salmon, whose
  numbers in the river have fallen by more than half since the 1990s.

B Dr Leah Okafor, an ecologist who will monitor the trial, said evidence from Devon suggested
  fish could pass most beaver dams during high water. “The honest answer is that we do not know
  yet how it will play out on a river like this,” she said.

B Natural England said the trial would be reviewed annually.

C Before you move on, a quick question. Every week millions of people come to the Ledger for
  reporting on the climate and the natural world, and we keep all of it open to everyone,
  wherever they live and whatever they can afford.

C That is only possible because readers fund us. We have no shareholders and no billionaire
  owner, which means nobody can lean on us to soften a story or look the other way.

C Reporting like this takes time and money: weeks in the field, specialist editors, lawyers
  who check every line. If you value it, please consider a contribution today. It takes less
  than a minute, and whatever you can give makes a difference.

C Support the Ledger
C Single
C Monthly
C Annual
C £4 per month
C £10 per month
C Other
C Continue
C Remind me in June
C We accept Visa, Mastercard, American Express and PayPal

C Explore more on these topics
C Rewilding
C Wildlife
C Conservation
C Flooding
C news
C Share
C Reuse this content
""")

# A public broadcaster: one paragraph per line, image source and caption, a quoted subheading,
# "Related topics" and "More on this story" lists with their dates at the end.
BBC = page("""
C Skip to content
C British Broadcasting Corporation
C Home
C News
C Sport
C Weather
C iPlayer
C Sounds
C Bitesize
H Flooded homes in Tenby face months of repairs, council warns
C 2 hours ago
C Share
C Save
? Rhiannon Price
? BBC Wales
C Image source, Getty Images
C Image caption,
C Water reached the first floor of some houses on Harbour Row
B Dozens of families in Tenby could be out of their homes until the summer after floodwater
  damaged wiring, floors and walls, Pembrokeshire council has said.
B About 80 properties in the town's lower streets were flooded on Sunday when the river burst
  its banks during Storm Ivo.
B Council leader Owen Harries said surveyors had assessed more than half of the homes so far.
B "Some of these houses will need stripping back to the stone," he said. "That is not a job
  you do in a fortnight."
B 'We lost everything'
B Siân Protheroe, 71, has lived on Harbour Row for 40 years.
B "The water came under the door at about three in the morning and by six it was up to the
  light switches," she said. "We lost everything downstairs - photographs, furniture, the lot."
B She is staying with her daughter in Narberth while insurers decide whether the house can be
  saved.
B What happens next?
B Natural Resources Wales said it would review the flood defences on the river, which were last
  upgraded in 2009.
B A public meeting will be held at the town's pavilion on Thursday evening.
C Related topics
C Flooding
C Tenby
C Pembrokeshire County Council
C More on this story
C Storm Ivo: Residents count the cost in west Wales
C Published 25 November 2024
C Why are floods in Wales getting worse?
C Published 3 December 2024
C Flood warnings issued as heavy rain sweeps in
C Published 14 January
""")

# A news agency story: blank lines, an "Advertisement" slot, a long caption ending in
# "(AP Photo/Name Surname)", a contributor line and a copyright notice.
AP = page("""
C Advertisement

H Flash floods wash out bridges in New Mexico mountain town

? By MARTA LINDQVIST
? Associated Press

C Updated 3:47 PM EDT, July 9, 2024

C Share

C Crews clear debris from a washed-out bridge near Ruidoso, N.M., on Tuesday, July 9, 2024, after
  a storm dropped nearly three inches of rain in an hour. (AP Photo/Teodoro Vance)

B RUIDOSO, N.M. (AP) — Flash floods tore through a mountain village in southern New Mexico on
  Tuesday, washing out two bridges and forcing dozens of families from their homes, officials
  said.

B No deaths were reported.

B The storm dropped nearly three inches (7.6 centimeters) of rain in about an hour over slopes
  left bare by a wildfire last summer, sending a wall of mud and ash down the valley.

B “It came down like a freight train,” said Delia Romero, who watched from a hillside as water
  swept a neighbor’s pickup off its driveway. “You could hear the boulders knocking together.”

C Advertisement

B County emergency manager Cal Benning said crews had rescued 14 people from cars and rooftops
  and that about 60 homes were damaged.

B The village's mayor did not respond to a request for comment.

B Gov. Maria Estrada declared an emergency for the county, freeing state money for repairs.

C ___

C Associated Press writer Sam Okoro in Albuquerque contributed to this report.

C Copyright 2024 The Associated Press. All rights reserved. This material may not be published,
  broadcast, rewritten or redistributed without permission.
""")

# An exiled Russian outlet's English edition: Russian UI left untranslated, a short body line
# quoting Russian, a translator's credit, an appeal and a "Читать ещё" list.
MEDUZA = page("""
C Читать на русском
C Feature
H ‘They told us the school would reopen in September’
H In a small town on the Volga, teachers say they were pressured to sign letters backing the
  mobilization. Three of them explain what happened next.
C 10:42, 14 March 2025
C Поделиться

B The letter arrived in the staff chat on a Tuesday evening, a week before the end of the
  school year. It was addressed to the regional governor and thanked him for “the care shown to
  the families of our defenders.” Every teacher was expected to sign it.

B The message under it was short: «Подписать до пятницы» — “Sign by Friday.”

B “Nobody said what would happen if you didn’t,” said Irina, a history teacher who asked that
  her surname not be published. “Nobody had to.”

B “We were afraid to say no”

B Two of her colleagues signed the same night. A third, a physics teacher in his sixties, told
  the head teacher he would think about it. By Friday he had been told his hours would be cut
  in half from September.

C Реклама

B The regional education department did not respond to questions sent by email.

B Irina signed on Thursday.

C Translated from Russian by Olga Denisova
C Поделиться
C Support independent journalism from Russia. Every donation helps us keep reporting from exile.
C Donate
C Читать ещё
C Why the regions are running out of teachers
C How a school chat became a loyalty test
""")

# A local politics site: one paragraph per line, a newsletter box in mid-article after which the
# body goes on with a subheading, an advertisement notice, tags at the end.
NEWSLETTER = page("""
C Menu
C Search
C Newsletters
C Log in
H City council votes to cap short-term rentals in historic district
H The measure limits whole-home rentals to 90 nights a year and takes effect in January.
? By Dana Whitfield
C 05/14/2025 08:30 AM EDT
B The city council voted 7-2 on Tuesday night to cap short-term rentals in the Old Mill
  district, the first limit of its kind in the state.
B Owners who live on site will be exempt, as will rentals of a single room.
B Supporters packed the chamber for more than four hours of public comment, many wearing
  stickers that read "Homes, not hotels."
C Sign up for City Hall Weekly
C The stories shaping local government, delivered to your inbox every Monday.
C Email address
C Sign up
C By signing up, you agree to receive emails from the Ledger. You can unsubscribe at any time.
B The long game
B For Councilmember Ruth Adeyemi, who wrote the ordinance, the vote was the end of a two-year
  fight that began with complaints from a single block of Victorian row houses.
B "People kept telling me their street had become a hotel," she said. "It was not one or two
  houses. It was half the block."
B Rental platforms lobbied hard against the measure.
C Story continues below advertisement
B A spokesperson for one of them said the cap would cost the city about $3 million a year in
  lodging taxes and push visitors to neighboring towns.
B What comes next
B The mayor is expected to sign the ordinance this week. Owners will have until March to
  register, and the city plans to hire two inspectors to enforce the cap.
C Filed under:
C Housing
C City Council
C Tourism
""")

# A live blog: blank lines, entry timestamps, entry headings (body) and a share button per entry.
LIVE_BLOG = page("""
C Live

H Storm Ivo live: hundreds of thousands without power as red warning ends

C Updated 14 minutes ago

C Key events
C Show key events only
C Please turn on JavaScript to use this feature

C 14:52 GMT

B Power cut to 240,000 homes in Northern Ireland

B The network operator says about 240,000 customers are without electricity, more than at any
  point since it began keeping records. Engineers are out in every county, but restoring every
  home could take a week, it warned.

C Share

C 14:31 GMT

B Schools to stay closed on Saturday

B The education authority says all schools will remain closed for weekend activities while
  buildings are checked for storm damage.

B "Please stay at home if you can," the authority said.

C Share

C 14:05 GMT

B Clean-up begins in Galway

B Council crews have started clearing fallen trees from roads around Galway city, where gusts
  of 114 mph were recorded on Friday morning. The Salthill promenade remains closed.

C Share

C Load earlier posts
""")

# A European broadcaster: cookie banner and a share bar at the top, one paragraph per line.
COOKIE_BAR = page("""
C We value your privacy. We and our partners use cookies to store and access information on your
  device, to personalise content and ads and to measure audiences. You can change your choices
  at any time.
C Accept all
C Reject all
C Manage preferences
C Share this article
C Facebook
C Twitter
C Flipboard
C Send
C Reddit
C Linkedin
C Messenger
C Telegram
C VK
C Bluesky
C Whatsapp
C Comments
H Spain's reservoirs reach highest level in five years after wet spring
? By Lucía Ferrer
C Published on 12/05/2025 - 10:24 GMT+2
B Spain's reservoirs are at 72% of capacity, the highest level for the time of year since 2020,
  after the wettest spring in decades, the environment ministry said on Monday.
B The figure is almost double that of two years ago, when a prolonged drought forced water
  restrictions across Catalonia and parts of Andalusia.
B “We have not seen water like this since I was a boy,” said Antonio Ruiz, a farmer near
  Córdoba. “But one wet spring does not undo five dry years.”
B A region still on edge
B Scientists warn that hotter summers will evaporate much of the stored water and that aquifers
  will take years to recover.
B A ministry spokesman declined to comment to AFP.
C Go to accessibility shortcuts
C Share this article
C Comments
""")

# A wire-fed site with an inline "Read more" box in mid-article (the body continues after it)
# and a numbered "Most read" list at the end.
MOST_READ = page("""
B Kenya’s tea farmers count losses as auction prices slump

B Prices at the Mombasa auction have fallen to their lowest in a decade, squeezing half a million
  smallholders.

C Published On 21 Feb 2025

B Kericho, Kenya – For three generations, Grace Chebet’s family has picked tea on the green
  hills above Kericho. This season, she says, the leaf is barely worth the picking.

B “We are paid less than it costs to carry the leaf to the factory,” she said, standing between
  the rows. “My children ask why we still do it.”

C Read more
C Kenya’s coffee growers turn to new buyers in Asia
C Why East Africa’s currencies are under pressure
C Drought ends, but herders’ debts remain

B Average prices at the weekly auction in Mombasa have fallen by about a fifth since last year,
  as buyers in Pakistan and Egypt, two of the largest markets for Kenyan tea, struggle to find
  dollars to pay for imports.

B The government has promised to cut fees charged by factories and to open new markets in the
  Middle East.

B Farmers say the help has been slow to arrive.

B “Every year they tell us next year will be better,” said Chebet. “We are still waiting.”

C Most read
C 1
C Floods kill dozens in southern Brazil as rivers burst their banks
C 2
C Analysis: What a ceasefire deal could mean for the region
C 3
C Photos: A city celebrates the end of the fasting month
""")

# An explainer: blank lines, many short subheadings, a "Key points" box, and a republication
# notice. Several subheadings begin with words that also open site chrome. (The box of key
# points over the article is the page's summary: the bodies others marked on saved pages
# leave it out, "In short:" and "Lo más importante" alike.)
EXPLAINER = page("""
B Why your electricity bill keeps rising even as wholesale prices fall

B Network charges, not the price of gas, are now driving what households pay.

C Published: March 3, 2025 9:14pm GMT

C Key points:

C Wholesale power prices have fallen by a third since 2022
C Network charges now make up a quarter of a typical bill
C The regulator is reviewing how those costs are shared

B Why it matters

B For most of the past three years, the price of gas explained almost everything about
  household energy bills. When gas rose, bills rose; when it fell, bills eventually followed.

B That link has weakened.

B Latest figures

B The latest figures from the regulator show that the cost of running the grid added £96 to a
  typical annual bill this winter, up from £71 two years ago.

B Back to the drawing board

B Ministers have asked the regulator to look again at how those charges are split between
  regions, after complaints that households in the north of Scotland pay the most.

B Support from the Treasury

B The Treasury has set aside £1.2bn to support households in the regions with the highest
  network charges, but economists say that only delays the problem.

B “You can subsidise a bill for a year or two,” said Dr Priya Nair, an energy economist. “You
  cannot subsidise your way out of building a new grid.”

B What happens next?

B The regulator will publish its proposals in June.

C This article is republished from The Exchange under a Creative Commons license. Read the
  original article.

C Republish this article
""")

# An email newsletter saved as text: hard-wrapped at 70 columns, blank lines between paragraphs.
PLAIN_TEXT_EMAIL = page("""
C View this post on the web at https://fieldnotes.example.com/p/the-harbour-deal

C Forwarded this email? Subscribe here for more

H The harbour deal nobody wanted to explain

H A port expansion, two councils and a missing traffic study

? Owen Gallagher

C Jun 18

B When the two councils signed the harbour agreement in March, they
/ promised the public a full account of what the expansion would mean
/ for traffic on the coast road. Three months later, that account has
/ still not appeared.

B I asked both councils for the traffic study in April. One told me it
/ was the other council's document; the other said it was still being
/ finalised and could not be released "at this stage of the process."

B The missing study

B The study matters because the expansion will roughly double the
/ number of lorries using the harbour, and nearly all of them will pass
/ the primary school on Quay Street twice a day.

B Nobody has seen it since.

B The port company says the numbers are manageable. Perhaps they are.
/ But a decision this large should not rest on a document that the
/ people paying for it are not allowed to read.

C Thanks for reading Field Notes! Subscribe for free to receive new posts and support my work.

C Like
C Comment
C Restack

C © 2025 Owen Gallagher
C 12 Quay Street, Galway
C Unsubscribe
""")

# A German magazine's page machine-translated to English: its German UI (Latin script) is left
# untranslated, including an "Anzeige" (advertisement) slot in mid-article.
GERMAN_UI = page("""
C Zum Inhalt springen
C Anzeige
C Artikel vorlesen lassen
C Merken
C Teilen
C Zur Merkliste hinzufügen
H Germany's rail operator to close 300 ticket offices by 2027
H Passenger groups warn older travellers will be left behind as sales move online.
C 03.02.2025, 18.42 Uhr
B Germany's national rail operator plans to close about 300 staffed ticket offices over the next
  two years, leaving only the largest stations with a counter, according to an internal paper
  seen by this magazine.
B The company says fewer than one in ten tickets are now sold at a counter.
B Ticket machines at every station are to take cash and cards by the end of the year, the paper
  says.
C Anzeige
B Passenger associations say the move will hit older people and those without a smartphone
  hardest. "For many pensioners the counter is the only way they can buy a ticket," said the
  head of one association.
B A spokeswoman for the operator said machines and a telephone line would remain available at
  every station.
C Translated from the German by Thomas Ewald
C Diskutieren Sie mit
C Feedback
""")

PAGES = {
    "reuters-wire": REUTERS,
    "guardian-appeal": GUARDIAN,
    "bbc-related-topics": BBC,
    "ap-photo-caption": AP,
    "meduza-russian-ui": MEDUZA,
    "newsletter-mid-article": NEWSLETTER,
    "live-blog": LIVE_BLOG,
    "cookie-banner-share-bar": COOKIE_BAR,
    "inline-read-more-most-read": MOST_READ,
    "explainer-subheadings": EXPLAINER,
    "plain-text-email": PLAIN_TEXT_EMAIL,
    "german-ui-fragments": GERMAN_UI,
}
IDS = sorted(PAGES)
# Chrome no generic feature tells from article text (none now: the site's tagline over its
# menu, "Exclusive news, data and analytics for ...", is the page's header, the headline being
# the line under the menu). Strict, so a rule that starts catching one is noticed.
KNOWN_MISSES: dict[str, str] = {}
CHROME_IDS = with_known_misses(IDS, KNOWN_MISSES)


def judged_parts(p: Page) -> list[tuple[str, str, list[str | None]]]:
    """Each written paragraph, its kind, and the reasons classify() gave the paragraphs it is in.

    A written paragraph is found by its offset, so the check still works where paragraphs()
    splits the page differently from the markup (then the list has one reason per piece).
    """
    judged: list[Judged] = classify(p.text)
    found = []
    position = 0
    for kind, text in p.parts:
        start = p.text.index(text, position)
        end = position = start + len(text)
        reasons = [j.reason for j in judged if j.paragraph.start < end and start < j.paragraph.end]
        assert reasons, f"no paragraph found for {text!r}"
        found.append((kind, text, reasons))
    return found


def _short(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 90 else text[:87] + "...")


@pytest.mark.parametrize("name", IDS)
def test_page_splits_into_the_written_paragraphs(name: str) -> None:
    """One paragraph per tag: the markup is read as intended, and a list written one item per
    line is split into its items (paragraphs() keeps only hard-wrapped prose together)."""
    p = PAGES[name]
    assert [q.text for q in paragraphs(p.text)] == [text for _, text in p.parts]


@pytest.mark.parametrize("name", IDS)
def test_no_body_paragraph_is_marked(name: str) -> None:
    wrongly_marked = [
        f"{_short(text)} marked {[r for r in reasons if r]}"
        for kind, text, reasons in judged_parts(PAGES[name])
        if kind == BODY and any(reasons)
    ]
    assert not wrongly_marked, "body paragraphs marked as boilerplate:\n" + "\n".join(
        wrongly_marked
    )


@pytest.mark.parametrize("name", [n for n in IDS if PAGES[n].of_kind(HEADER)])
def test_the_articles_header_is_marked_as_such(name: str) -> None:
    """A copied page's headline and standfirst, between its chrome and its byline: marked, as
    "headline" and "standfirst" (their people and places stay entities of the article)."""
    wrong = [
        f"{_short(text)} marked {reasons}"
        for kind, text, reasons in judged_parts(PAGES[name])
        if kind == HEADER and not all(r in ("headline", "standfirst") for r in reasons)
    ]
    assert not wrong, "the article's header:\n" + "\n".join(wrong)


@pytest.mark.parametrize("name", CHROME_IDS)
def test_all_chrome_is_marked(name: str) -> None:
    missed = [
        _short(text)
        for kind, text, reasons in judged_parts(PAGES[name])
        if kind == CHROME and not all(reasons)
    ]
    assert not missed, "chrome left unmarked:\n" + "\n".join(missed)


def test_pages_have_enough_of_each_kind() -> None:
    """Every page has real body and real chrome, so neither expectation is vacuous."""
    for name, p in PAGES.items():
        assert len(p.of_kind(BODY)) >= 5, name
        assert len(p.of_kind(CHROME)) >= 3, name
        assert len(p.of_kind(EITHER)) <= 3, name


# Properties of the ranges, on the composed pages and on text mixed from their lines.


def check_ranges(text: str) -> None:
    ranges = find_boilerplate(text)
    assert ranges == sorted(ranges)
    for start, end in ranges:
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end < start, "ranges overlap or touch"
        assert text[end:start].strip(), "ranges separated only by white space were not merged"
    judged = classify(text)
    marked = {(j.paragraph.start, j.paragraph.end) for j in judged if j.reason}
    covered = {
        (j.paragraph.start, j.paragraph.end)
        for j in judged
        if any(s <= j.paragraph.start and j.paragraph.end <= e for s, e in ranges)
    }
    assert covered == marked, "ranges cover exactly the marked paragraphs"


def check_nothing_is_lost(text: str) -> None:
    """Marking, never deleting: every visible character lies in exactly one paragraph."""
    judged = classify(text)
    position = 0
    for j in judged:
        p = j.paragraph
        assert p.text == text[p.start : p.end]
        assert position <= p.start < p.end
        assert not text[position : p.start].strip(), "text between paragraphs was dropped"
        position = p.end
    assert not text[position:].strip()


@pytest.mark.parametrize("name", IDS)
def test_ranges_are_well_formed(name: str) -> None:
    check_ranges(PAGES[name].text)
    check_nothing_is_lost(PAGES[name].text)


_LINES = sorted({line for p in PAGES.values() for line in p.text.split("\n") if line})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_LINES),
            st.sampled_from(["\n", "\n\n", "\n \n", "  \n\t\n\n", "\n\n\n"]),
        ),
        max_size=40,
    ),
    st.sampled_from(["", "\n", " \n\n"]),
)
def test_ranges_are_well_formed_on_mixed_pages(lines: list[tuple[str, str]], leading: str) -> None:
    text = leading + "".join(line + sep for line, sep in lines)
    check_ranges(text)
    check_nothing_is_lost(text)


def test_a_credit_names_someone_after_by_and_news_prose_does_not() -> None:
    body = (
        "Councilwoman Tessaly Grundy said she would press the city to release the video by the "
        "end of the week. She called the four-day wait “too long by about three days.”"
    )
    credits = ["Photo by Jane Okafor", "VIDEO BY MARCUS LEE", "Photograph by Reuters"]
    judged = classify("\n\n".join([body, *credits]))
    assert [j.reason for j in judged] == [None, "photo credit", "photo credit", "photo credit"]
