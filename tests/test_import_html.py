"""HTML pages written for the tests: metadata from JSON-LD/meta tags/headline, body without furniture."""

from __future__ import annotations

import json

import pytest

from reader.importing.importer import ImportFailure, parse_document

STORY = [
    "Die Landesregierung hat am Dienstag einen Plan zur Sanierung der maroden Schulgebäude vorgestellt, "
    "der in den kommenden fünf Jahren umgesetzt werden soll.",
    "„Wir können nicht länger zusehen, wie Kinder in undichten Klassenzimmern lernen“, sagte die Ministerin "
    "bei der Vorstellung des Plans in der Landeshauptstadt.",
    "Die Gewerkschaft begrüßte das Vorhaben grundsätzlich, verlangte aber mehr Personal für die Schulen "
    "und eine verlässliche Finanzierung über das Jahr 2030 hinaus.",
]


def page(
    *, head: str = "", h1: str = "Schulen sollen saniert werden", extra: str = "", lang: str = "en"
) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article><h1>{h1}</h1><p class="dateline">Von Erika Muster</p>{paragraphs}
<h2>Wie es weitergeht</h2><p>Der Landtag soll im Herbst über das Programm abstimmen, die Opposition hat bereits
Änderungen angekündigt und will eine Anhörung von Fachleuten beantragen.</p>
<figure><img src="a.jpg"><figcaption>Ein Klassenzimmer mit Wasserschaden. Foto: Archiv</figcaption></figure>
</article>
<div class="related-posts"><h3>Mehr zum Thema</h3><p>Lehrermangel: Wie Schulen kreativ werden müssen und
welche Lösungen bisher gefunden wurden […]</p></div>
<div class="share-buttons"><a>Teilen</a><a>Drucken</a></div>
<footer><p>© 2023 Landeszeitung. Alle Rechte vorbehalten.</p></footer>{extra}</body></html>""".encode()


def test_json_ld_and_meta_tags_give_metadata_and_headline_comes_from_h1() -> None:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Schulen sollen saniert werden",
            "datePublished": "2023-06-13T09:30:00+02:00",
            "publisher": {"@type": "Organization", "name": "Landeszeitung"},
        }
    )
    head = (
        f"<title>Schulen sollen saniert werden | Landeszeitung</title>"
        f'<script type="application/ld+json">{ld}</script>'
        f'<link rel="canonical" href="https://example.org/schulen">'
    )
    article = parse_document(page(head=head), "schulen.html")
    assert article.title == "Schulen sollen saniert werden"
    assert (article.date, article.source, article.url) == (
        "2023-06-13",
        "Landeszeitung",
        "https://example.org/schulen",
    )
    assert article.lang == "de"  # from the text, although <html lang="en">
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Die Landesregierung hat am Dienstag")
    assert "Wie es weitergeht" in paragraphs
    assert paragraphs.index("Wie es weitergeht") in article.headings
    for noise in ("Startseite", "Lehrermangel", "Teilen", "Alle Rechte", "Wasserschaden"):
        assert noise not in article.text, noise
    assert not article.text.startswith("Schulen sollen saniert werden")


def test_open_graph_and_title_suffix_without_json_ld() -> None:
    head = (
        "<title>Schulen sollen saniert werden – Landeszeitung</title>"
        '<meta property="og:site_name" content="Landeszeitung">'
        '<meta property="article:published_time" content="2023-06-14">'
    )
    article = parse_document(page(head=head), "schulen.html")
    assert (article.title, article.date, article.source) == (
        "Schulen sollen saniert werden",
        "2023-06-14",
        "Landeszeitung",
    )


def test_blog_whose_h1_is_the_blog_name_takes_the_post_title() -> None:
    head = "<title>Schulen sollen saniert werden – Mein Blog</title>"
    html = page(head=head, h1="Mein Blog").replace(
        b"<article>", b"<article><h1>Schulen sollen saniert werden</h1>", 1
    )
    article = parse_document(html, "blog.html")
    assert article.title == "Schulen sollen saniert werden"
    assert article.source == "Mein Blog"


def test_visible_dateline_when_no_meta_date() -> None:
    extra = '<time datetime="2021-12-23T10:00">23. Dezember 2021</time>'
    article = parse_document(page(extra=extra), "x.html")
    assert article.date == "2021-12-23"


def test_malformed_html_still_yields_text() -> None:
    html = (
        "<html><body><div><p>"
        + STORY[0]
        + "<p>"
        + STORY[1]
        + "</span></div><p><b>"
        + STORY[2]
        + "</i>"
    ).encode()
    article = parse_document(html, "broken.htm")
    assert "Landesregierung" in article.text and "Gewerkschaft" in article.text


@pytest.mark.parametrize(
    "html", [b"<html><body><nav>Home</nav></body></html>", b"<html></html>", b"<<<>>>"]
)
def test_html_without_article_text_is_refused(html: bytes) -> None:
    with pytest.raises(ImportFailure) as failure:
        parse_document(html, "empty.html")
    assert "no article text" in str(failure.value)


def test_pasted_html_on_stdin_is_sniffed() -> None:
    article = parse_document(page(), "-")
    assert article.format == "stdin"
    assert "Landesregierung" in article.text and "<p>" not in article.text


def test_lead_shown_in_a_header_box_and_given_as_description_opens_the_body() -> None:
    lead = "Die Schulen im Land sind marode, nun soll ein Programm über fünf Jahre helfen, sagt die Regierung."
    html = page(head=f'<meta name="description" content="{lead}">').replace(
        b"<article>",
        f'<header class="entry-header"><div class="entry-excerpt"><p>{lead}</p></div></header><article>'.encode(),
        1,
    )
    article = parse_document(html, "lead.html")
    assert article.text.split("\n\n")[0] == lead
    assert article.text.count("nun soll ein Programm") == 1


def test_legacy_charset_declared_in_the_page_is_honoured() -> None:
    html = page(head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    latin = (
        html.decode("utf-8")
        .replace('<meta charset="utf-8">', "")
        .encode("iso-8859-1", errors="replace")
    )
    article = parse_document(latin, "latin.html")
    assert "Gebäude" in article.text or "Schulgebäude" in article.text
    assert "Ã" not in article.text


def test_pasted_plain_text_on_stdin() -> None:
    text = "Ein Titel über Schulen\n\n" + "\n\n".join(STORY)
    article = parse_document(text.encode(), "-")
    assert article.format == "stdin" and article.title == "Ein Titel über Schulen"
    assert article.text == "\n\n".join(STORY)


def test_dateline_inside_the_article_beats_a_date_in_the_sidebar() -> None:
    html = page().replace(
        b"<nav>", b'<aside><time datetime="2020-01-01">1. Januar 2020</time></aside><nav>', 1
    )
    html = html.replace(
        b'<p class="dateline">',
        b'<p class="dateline"><time datetime="2021-12-23">23.12.2021</time> ',
        1,
    )
    assert parse_document(html, "x.html").date == "2021-12-23"


def test_loose_sentence_between_divs_is_not_lost() -> None:
    """Blogger-style markup: text as tails between <div><br></div>; extractors drop some of it."""
    html = """<html><head><title>Release notes</title></head><body><div class="blog-posts">
<h3 class="post-title">Version 4.2 of the toolkit is out</h3>
<div class="post-body entry-content">
Version 4.2 of the toolkit is out! It brings a faster parser, better error messages and many small fixes.<br />
You can download the new version from the usual place, and most distributions will ship it soon.<br />
<div><br /></div>
Maintenance releases of the 4.2 line will follow every two months, starting in the spring of next year.<br />
<div><br /></div>
<div>We hope you enjoy working with the new version as much as we enjoyed building it.</div>
<div><div><br /></div><div>Thanks go to all the volunteers who reported bugs, wrote patches and reviewed changes during the year.</div></div>
</div></div></body></html>"""
    article = parse_document(html.encode(), "blog.html")
    assert "Maintenance releases of the 4.2 line" in article.text
    paragraphs = article.text.split("\n\n")
    maintenance = next(i for i, p in enumerate(paragraphs) if p.startswith("Maintenance"))
    assert paragraphs[maintenance - 1].startswith("You can download")


def test_widgets_inside_the_article_box_are_dropped() -> None:
    inner = (
        b"<p>Lesen Sie auch: Lehrermangel in den Grundschulen wird schlimmer</p>"
        b"<p>Teilen</p><p>Die neue Mensa in Oststadt hat im Sommer mehr Essen verkauft als erwartet [\xe2\x80\xa6]</p>"
    )
    html = page().replace(b"<h2>Wie es weitergeht</h2>", inner + b"<h2>Wie es weitergeht</h2>", 1)
    article = parse_document(html, "x.html")
    assert "Lesen Sie auch" not in article.text and "Lehrermangel" not in article.text
    assert "Teilen" not in article.text and "Mensa" not in article.text
    assert "Wie es weitergeht" in article.text


def test_date_from_the_url_when_the_page_states_none() -> None:
    head = '<link rel="canonical" href="https://example.org/2019/3/07/schulen-saniert">'
    assert parse_document(page(head=head), "x.html").date == "2019-03-07"
    assert parse_document(page(), "x.html").date is None


def test_captions_and_credits_kept_by_the_extractor_are_dropped() -> None:
    inner = (
        b"<p>Die Ministerin bei der Vorstellung des Plans - Landeszeitung, 1920, 13.06.2023</p>"
        b"<p>\xc2\xa9 dpa / Erika Muster</p>"
        b"<p>Ein Klassenzimmer nach dem Wasserschaden im Winter. Foto: Stadtarchiv</p>"
    )
    html = page().replace(b"<h2>Wie es weitergeht</h2>", inner + b"<h2>Wie es weitergeht</h2>", 1)
    article = parse_document(html, "x.html")
    for noise in ("1920", "dpa", "Stadtarchiv", "Wasserschaden"):
        assert noise not in article.text, noise
    assert "Die Gewerkschaft begrüßte" in article.text


def test_site_suffix_recognised_from_the_url_when_no_site_name_is_given() -> None:
    head = (
        '<meta property="og:title" content="Schulen sollen saniert werden | Landes-Zeitung">'
        '<meta property="og:url" content="https://www.landes-zeitung.de/2023/schulen">'
    )
    article = parse_document(page(head=head, h1="Sanierung"), "x.html")
    assert article.title == "Schulen sollen saniert werden"


def test_second_opinion_takes_the_container_with_most_paragraph_text() -> None:
    from lxml import html as lxml_html

    from reader.importing.html_fallback import densest_container, prefer_fallback

    story = "".join(f"<p>{p}</p>" for p in STORY)
    tree = lxml_html.document_fromstring(
        f"<html><body><div class='sidebar'><p>Kurz notiert: Wetter bleibt wechselhaft.</p></div>"
        f"<div id='x'><h2>Zwischentitel</h2>{story}</div><footer><p>Impressum und Kontakt</p></footer></body></html>"
    )
    paragraphs, headings = densest_container(tree)
    assert paragraphs == ["Zwischentitel", *STORY] and headings == [0]
    assert prefer_fallback(["Kurz notiert."], paragraphs)  # the extractor kept a scrap
    assert not prefer_fallback(STORY, paragraphs)  # it kept the story: no reason to switch


def _article_page(header: str, *, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>
<nav><a href="/">Start</a></nav><main><article>{header}{paragraphs}
<h2>Wie es weitergeht</h2><p>Der Landtag soll im Herbst über das Programm abstimmen, die Opposition hat bereits
Änderungen angekündigt und will eine Anhörung von Fachleuten beantragen.</p></article></main></body></html>""".encode()


def test_kicker_repeated_headline_dateline_byline_and_reading_time_leave_the_body() -> None:
    head = (
        '<meta property="og:title" content="Schulen sollen saniert werden">'
        '<meta property="article:published_time" content="2023-06-06T08:00:00+02:00">'
    )
    header = (
        '<p class="kicker">Bildung</p><h1>Schulen sollen saniert werden</h1>'
        '<p class="dateline">Potsdam, <time datetime="2023-06-06">6. Juni 2023</time> · Von Erika Muster'
        " · Lesezeit 3 Minuten</p>"
    )
    article = parse_document(_article_page(header, head=head), "schulen.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == STORY[0]
    assert article.title == "Schulen sollen saniert werden" and article.date == "2023-06-06"
    assert (
        "Bildung" not in article.text
        and "Potsdam" not in article.text
        and "Lesezeit" not in article.text
    )
    assert paragraphs.index("Wie es weitergeht") in article.headings


def test_date_from_a_plain_dateline_when_the_page_has_no_date_markup() -> None:
    header = "<h1>Schulen sollen saniert werden</h1><p>By Jane Example | 9 min read</p><p>POTSDAM, 14 March 2022</p>"
    moved = '<link rel="canonical" href="https://example.org/2020/02/02/schulen">'  # an older slug's date
    article = parse_document(_article_page(header, head=moved), "plain.html")
    assert article.date == "2022-03-14"
    assert article.text.split("\n\n")[0] == STORY[0]


def test_short_story_sentences_at_the_top_are_not_taken_for_a_header() -> None:
    header = "<h1>Schulen sollen saniert werden</h1><p>Berlin, im Juni.</p><p>Es regnet durchs Dach – seit Jahren.</p>"
    article = parse_document(_article_page(header), "lead.html")
    assert article.text.split("\n\n")[:2] == [
        "Berlin, im Juni.",
        "Es regnet durchs Dach – seit Jahren.",
    ]


def test_a_lead_opening_with_by_is_story_not_a_byline() -> None:
    header = "<h1>Schulen sollen saniert werden</h1><p>By Anna Muster and Tom Beispiel</p><p>By the end of 2030 every school in the state is to be renovated</p>"
    article = parse_document(_article_page(header), "by.html")
    assert (
        article.text.split("\n\n")[0]
        == "By the end of 2030 every school in the state is to be renovated"
    )


def test_tag_line_and_closing_credit_at_the_end_of_the_article_box_go() -> None:
    header = "<h1>Schulen sollen saniert werden</h1>"
    html = _article_page(header).replace(
        b"</article>",
        b"<p>Mitarbeit: Jonas Beispiel</p><p>Schlagworte: Schulen, Landtag, Haushalt</p></article>",
    )
    article = parse_document(html, "tags.html")
    assert article.text.split("\n\n")[-1].startswith("Der Landtag soll im Herbst")
    assert "Mitarbeit" not in article.text and "Schlagworte" not in article.text


FERRY_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry operator cuts winter timetable | The Island Post</title>
<meta property="og:site_name" content="The Island Post"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<div class="article-header"><span class="section">Transport</span>
<h1>Ferry operator cuts winter timetable</h1>
<div class="meta">By Ruth Example | March 3, 2024 | 5 min read</div>
<div class="audio"><button>Listen to this article</button> <span>6:12</span></div></div>
<p>The island's only ferry operator will cut its winter timetable by a third, the company announced on
Friday, leaving some villages with a single crossing a day.</p>
<p>Residents reacted with anger. "We are being cut off from the mainland," said one shop owner.</p>
<p><strong>Read more:</strong> <a href="/x">Why the ferry company is losing money</a></p>
<p>The company blamed rising fuel costs and a shortage of crew, and said the cuts would be reviewed.</p>
<div class="newsletter-box"><p>Sign up for our free morning newsletter and get the top stories in your inbox.</p></div>
<p>Watch: Ferry crews explain the winter schedule</p>
<p>Local politicians have called on the regional government to step in with a subsidy.</p>
<p><em>Additional reporting by Tom Example.</em></p>
<p class="tags">Tags: ferries, transport, islands</p>
</article></main><footer><p>© 2024 The Island Post</p></footer></body></html>"""


def test_header_box_glued_into_one_block_and_widgets_inside_the_article_go() -> None:
    article = parse_document(FERRY_PAGE.encode(), "ferry.html")
    assert (article.title, article.date, article.source) == (
        "Ferry operator cuts winter timetable",
        "2024-03-03",
        "The Island Post",
    )
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The island's only ferry operator")
    assert paragraphs[-1].startswith("Local politicians have called")
    for noise in (
        "Transport",
        "6:12",
        "Listen",
        "Read more",
        "losing money",
        "newsletter",
        "Additional",
        "Tags",
        "Watch:",
        "crews explain",
    ):
        assert noise not in article.text, noise


def test_a_paragraph_that_is_only_a_headline_link_is_a_teaser() -> None:
    teaser = '<p><a href="/politik/lehrermangel-2023">Lehrermangel: Wie Schulen kreativ werden müssen</a></p>'
    source = '<p><a href="/dokumente/sanierungsplan.pdf">Der Sanierungsplan liegt der Redaktion vor.</a></p>'
    html = _article_page("<h1>Schulen sollen saniert werden</h1>").replace(
        b"<h2>Wie es weitergeht</h2>", (teaser + source + "<h2>Wie es weitergeht</h2>").encode()
    )
    article = parse_document(html, "teaser.html")
    assert "Lehrermangel" not in article.text
    assert "Der Sanierungsplan liegt der Redaktion vor." in article.text.split("\n\n")
    assert STORY[2] in article.text.split("\n\n")
