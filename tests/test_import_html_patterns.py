"""HTML import: the failure patterns of issue 11, on pages written for the test."""

from __future__ import annotations

from reader.importing.importer import parse_document

LEAD = (
    "Der Gemeinderat hat am Dienstagabend beschlossen, die alte Schwimmhalle am Stadtpark nicht "
    "abzureißen, sondern für zwölf Millionen Euro zu sanieren und im Herbst wieder zu öffnen."
)
SECOND = (
    "Die Bürgermeisterin sagte nach der Sitzung, viele Vereine hätten sich für den Erhalt "
    "eingesetzt, und die Schulen bräuchten die Halle dringend für den Schwimmunterricht."
)
THIRD = (
    "Kritik kam von der Opposition, die eine neue Halle am Stadtrand für günstiger hält und "
    "eine Prüfung durch den Rechnungshof verlangt, bevor die ersten Aufträge vergeben werden."
)
FOURTH = (
    "Die Arbeiten sollen im Frühjahr beginnen; bis dahin weichen die Vereine auf das Hallenbad "
    "der Nachbargemeinde aus, das an drei Abenden in der Woche Bahnen zur Verfügung stellt."
)


def page(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<header><nav><a href='/'>Start</a> <a href='/lokales'>Lokales</a></nav></header>"
        f"{body}<footer><p>Impressum · Datenschutz</p></footer></body></html>"
    ).encode()


def test_story_blocks_with_sidebar_in_their_class_are_kept() -> None:
    body = (
        "<main><h1>Schwimmhalle wird saniert</h1>"
        f"<div class='article-text has-sidebar'><p>{LEAD}</p><p>{SECOND}</p></div>"
        "<aside class='sidebar'><h3>Meistgelesen</h3><ul><li><a href='/x'>Stau auf der A7</a></li>"
        "<li><a href='/y'>Neuer Bäcker am Markt</a></li></ul></aside>"
        f"<div class='article-text'><p>{THIRD}</p><p>{FOURTH}</p><p>{SECOND} {THIRD}</p></div>"
        "</main>"
    )
    article = parse_document(page(body), "halle.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[:4] == [LEAD, SECOND, THIRD, FOURTH]
    assert "Stau auf der A7" not in article.text and "Meistgelesen" not in article.text


def test_transcript_what_else_list_player_notice_gallery_and_consent_box_go() -> None:
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<p>{LEAD}</p>"
        "<div class='video-player'><p>Video wird geladen …</p></div>"
        "<div class='embed'><p>Externer Inhalt: Um Inhalte von Videoportal anzuzeigen, ist Ihre "
        "Zustimmung erforderlich. Mit einem Klick werden personenbezogene Daten übermittelt.</p></div>"
        f"<p>{SECOND}</p>"
        "<p>Bild 2 von 7</p>"
        f"<p>{THIRD}</p>"
        "<div class='video-transcript'><p>Sprecherin: Guten Abend, meine Damen und Herren, heute "
        "berichten wir aus dem Stadtpark, wo seit Jahren über die alte Halle gestritten wird.</p></div>"
        f"<p>{FOURTH}</p>"
        "<h3>Was sonst noch wichtig ist</h3><ul>"
        "<li><a href='/a'>Bahn kündigt neuen Streik an</a></li>"
        "<li><a href='/b'>Wetter: Sturm zieht über das Land</a></li></ul>"
        "</article>"
    )
    article = parse_document(page(body), "halle.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [LEAD, SECOND, THIRD, FOURTH]


def test_drop_cap_joins_its_word_and_a_repeated_paragraph_is_kept_once() -> None:
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<p><span class='dropcap'>D</span>{LEAD[1:]}</p>"
        f"<p>{SECOND}</p><blockquote class='pullquote'><p>{SECOND}</p></blockquote>"
        f"<p>{THIRD}</p></article>"
    )
    article = parse_document(page(body), "halle.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == LEAD
    assert paragraphs.count(SECOND) == 1 and paragraphs[-1] == THIRD


def test_drop_cap_set_apart_by_the_extractor_is_joined() -> None:
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<p>D {LEAD[1:]}</p><p>{SECOND}</p><p>A few words in English stay apart here.</p></article>"
    )
    article = parse_document(page(body), "halle.html")
    assert article.text.split("\n\n")[0] == LEAD
    assert "A few words" in article.text


def test_entities_in_titles_are_unescaped_and_the_kicker_stays_out_of_the_title() -> None:
    head = (
        "<title>Gespr&amp;auml;che &amp;uuml;ber die Halle | Stadtblatt</title>"
        "<meta property='og:title' content='Lokales: Gespr&amp;auml;che &amp;uuml;ber die Halle'>"
    )
    body = (
        "<article><h1><span class='kicker'>Lokales</span><span class='headline'>"
        "Gespr&auml;che &uuml;ber die Halle</span></h1>"
        f"<p>{LEAD}</p><p>{SECOND}</p></article>"
    )
    article = parse_document(page(body, head), "halle.html")
    assert article.title == "Gespräche über die Halle"
    assert "Lokales" not in article.text and "&" not in article.text
    assert article.text.split("\n\n")[0] == LEAD
    no_h1 = parse_document(
        page(f"<article><p>{LEAD}</p><p>{SECOND}</p></article>", head), "halle.html"
    )
    assert no_h1.title == "Lokales: Gespräche über die Halle"


def test_page_with_an_xml_declaration_is_read() -> None:
    data = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Schwimmhalle</title></head>"
        f"<body><article><h1>Schwimmhalle wird saniert</h1><p>{LEAD}</p><p>{SECOND}</p>"
        "</article></body></html>"
    ).encode()
    article = parse_document(data, "halle.xhtml.html")
    assert article.title == "Schwimmhalle wird saniert"
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_a_collapsible_caption_shown_cut_off_and_in_full_goes() -> None:
    caption = "Die alte Schwimmhalle am Stadtpark im Winter, kurz nach der letzten Sanierung"
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<p>{caption} der Fassade, aufgenommen von einem Leser. weniger</p>"
        f"<p>{caption} … mehr</p>"
        f"<p>{LEAD}</p><p>{SECOND}</p></article>"
    )
    article = parse_document(page(body), "halle.html")
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_rows_of_a_page_built_of_repeating_parts_all_stay() -> None:
    rows = [
        "Montag: Bahnen für Vereine von sechs bis acht Uhr am Abend",
        "Dienstag: Bahnen für Schulen von acht bis zwölf Uhr am Vormittag",
        "Mittwoch: Bahnen für die Öffentlichkeit von zehn bis zwanzig Uhr",
    ]
    week = "".join(f"<p>{row}</p>" for row in rows)
    body = f"<article><h1>Schwimmhalle wird saniert</h1><p>{LEAD}</p>{week}{week}<p>{SECOND}</p></article>"
    article = parse_document(page(body), "halle.html")
    paragraphs = article.text.split("\n\n")
    assert all(paragraphs.count(row) == 2 for row in rows)


def test_a_donation_appeal_in_the_article_box_goes_and_a_story_sentence_about_support_stays() -> (
    None
):
    support = (
        "Viele Vereine wollen die Sanierung unterstützen, sie haben bereits Geld gesammelt und "
        "bieten an, beim Umbau der Umkleiden selbst mit anzupacken."
    )
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<p>{LEAD}</p><p>Unterstützen Sie unseren Journalismus: Werden Sie Mitglied!</p>"
        f"<p>{support}</p></article>"
    )
    article = parse_document(page(body), "halle.html")
    assert article.text == f"{LEAD}\n\n{support}"


def test_a_story_about_membership_is_no_appeal() -> None:
    member = (
        "Das Land will Mitglied werden, sagte der Außenminister, und hofft auf eine Entscheidung "
        "noch in diesem Jahr."
    )
    body = f"<article><h1>Schwimmhalle wird saniert</h1><p>{LEAD}</p><p>{member}</p></article>"
    assert parse_document(page(body), "halle.html").text == f"{LEAD}\n\n{member}"


def test_paragraphs_loose_after_their_headings_are_kept_and_a_loose_label_is_not() -> None:
    # text that is no element's own, between headings (a deals list, a CMS without <p>):
    # trafilatura keeps it as its heading's tail
    body = (
        "<article><h1>Schwimmhalle wird saniert</h1>"
        f"<section class='article-page'>{LEAD}<p></p><h2>Die Kosten</h2>"
        f"<a href='/bild'><output class='image'><img src='a.jpg'></output></a>{SECOND}<p></p>"
        f"<h2>Die Kritik</h2>{THIRD}<p></p><h2>Der Zeitplan</h2>{FOURTH}<p></p>"
        "<h2>Mehr</h2>Weiter zur Startseite<p></p></section></article>"
    )
    article = parse_document(page(body), "halle.html")
    paragraphs = article.text.split("\n\n")
    for text in (SECOND, THIRD, FOURTH):
        assert text in paragraphs
    assert "Weiter zur Startseite" not in article.text


def test_a_gallery_of_numbered_captions_goes_and_one_fraction_stays() -> None:
    slides = "".join(
        f"<p>{n}/12 Bild aus dem Archiv: die Halle im Jahr {1960 + n}, damals noch mit Sprungturm</p>"
        for n in range(1, 5)
    )
    recipe = (
        "<p>1/2 Liter Wasser reicht für die Probe, sagte der Bademeister bei der Vorführung.</p>"
    )
    body = (
        f"<article><h1>Schwimmhalle wird saniert</h1><p>{LEAD}</p>{recipe}<p>{SECOND}</p>"
        f"<div class='gallery'>{slides}</div><p>{THIRD}</p></article>"
    )
    article = parse_document(page(body), "halle.html")
    assert "Sprungturm" not in article.text
    assert "1/2 Liter Wasser" in article.text and THIRD in article.text


def test_a_hidden_schema_org_copy_of_the_page_metadata_is_not_story() -> None:
    hidden_meta = (
        "<div style='display:none;' itemscope itemtype='http://schema.org/NewsArticle'>"
        "<h1 itemprop='name'>Schwimmhalle wird saniert</h1>"
        "<div itemprop='description'><p>Der Rat entscheidet über die Halle ...</p></div>"
        "<div itemprop='headline'>Schwimmhalle wird saniert</div>"
        "<div itemprop='keywords'>Schwimmhalle, Stadtrat, Sanierung</div>"
        "<div itemprop='publisher' itemscope><div itemprop='name'>Stadtblatt Verlag</div></div>"
        f"<div itemprop='articleBody'>{LEAD} {SECOND}</div></div>"
    )
    body = (
        "<div class='content post'><div class='layout-post'><h1>Schwimmhalle wird saniert</h1>"
        f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
        f"{hidden_meta}{hidden_meta}</div>"
    )
    article = parse_document(page(body), "halle.html")
    assert "Stadtblatt Verlag" not in article.text and "Sanierung" not in article.text
    assert article.text.split("\n\n") == [LEAD, SECOND, THIRD]


def test_a_formula_stays_in_its_sentence_as_its_symbols() -> None:
    mathml = "<math><mi>a</mi><mo>≠</mo><mn>0</mn></math>"
    shown = (  # MathJax: its own glyph elements, beside a MathML copy for screen readers
        "<mjx-container class='MathJax'><mjx-math aria-hidden='true'><mjx-mi><mjx-c></mjx-c>"
        f"</mjx-mi></mjx-math><mjx-assistive-mml>{mathml}</mjx-assistive-mml></mjx-container>"
    )
    tex = (
        "<math><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>"
        "<annotation encoding='application/x-tex'>x = 2</annotation></semantics></math>"
    )
    body = (
        f"<article><h1>Schwimmhalle wird saniert</h1><p>{LEAD}</p>"
        f"<p>Für jede Zahl {shown}gilt die Regel, und die Halle bleibt offen, sagte sie.</p>"
        f"<p>Die Lösung ist {tex}, wie die Kämmerei nach der Sitzung vorgerechnet hat.</p>"
        f"<p>{SECOND}</p></article>"
    )
    paragraphs = parse_document(page(body), "halle.html").text.split("\n\n")
    assert (
        paragraphs[1]
        == "Für jede Zahl a ≠ 0 gilt die Regel, und die Halle bleibt offen, sagte sie."
    )
    assert paragraphs[2].startswith("Die Lösung ist x = 2 , wie")
