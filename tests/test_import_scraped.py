"""Scraped-text cleaning: the seed, and German/English texts written in the same style."""

from __future__ import annotations

import pytest

from reader.importing.importer import parse_document

GERMAN_SCRAPE = """Jetzt registrieren und kostenlos weiterlesen!
Klicken Sie bitte den Link in der Bestätigungsmail

Stadtrat beschließt neuen Radweg entlang der Elbe – Bürgermeisterin zufrieden

© dpa / Max MustermannBürgermeisterin Anna Beispiel
Bürgermeisterin Anna Beispiel bei der Sitzung - Elbkurier, 1920, 03.05.2023
Abonnieren
Der Stadtrat hat am Mittwochabend mit großer Mehrheit den Bau eines neuen Radwegs entlang der Elbe beschlossen.
„Das ist ein guter Tag für alle, die mit dem Rad zur Arbeit fahren“, sagte Bürgermeisterin Anna Beispiel nach der Abstimmung.
Die Opposition kritisierte dagegen die hohen Kosten und forderte eine genauere Prüfung der Pläne durch den Rechnungshof.
Ein Radfahrer auf der Elbbrücke im Sommer - Elbkurier, 1920, 02.05.2023
Werden die neuen Fahrradstraßen bis 2025 wirklich fertig sein?
Die Bauarbeiten sollen nach Angaben der Stadtverwaltung im Herbst beginnen und rund zwei Jahre dauern.

Kritik vom Handelsverband

Der Handelsverband befürchtet, dass während der Bauzeit weniger Kunden in die Innenstadt kommen werden.
Man werde die Entwicklung genau beobachten, erklärte ein Sprecher des Verbandes am Donnerstag.
Newsticker
0
Neueste obenÄlteste oben
loader
Live
Загружаю обсуждение
Um an der Diskussion teilzunehmen,
loggen Sie sich ein oder registrieren Sie sich
loader
Chats
Загружаю обсуждение"""

ENGLISH_SCRAPE = """Skip to content
Home
World
Politics
Subscribe
Sign in
Harbour city votes to ban cruise ships from the old port
Posted on
March 14, 2022
By Jane Example
Share
Tweet
The city council of Porto Example voted on Monday to ban large cruise ships from docking in the old harbour from next year.
"We have listened to the residents who could no longer bear the crowds," the mayor told reporters after the vote.
Tour operators said the decision would cost hundreds of jobs and warned that they would take the city to court.
What happens next
The ban still needs the approval of the regional government, which is expected to decide before the summer.
Environmental groups welcomed the vote and called on other port cities to follow the example.
Related stories
New ferry line opens between the islands […]
Read more
12 comments
John Reader
March 14, 2022 at 10:15 am
This is a terrible decision for the local economy and the people who depend on the tourists every single day.
Terms of Service | Privacy Policy | Cookies
© 2022 Example Media. All rights reserved."""


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_seed_gives_title_date_source_lang_and_only_the_story(seed_bytes: bytes) -> None:
    article = parse_document(seed_bytes, "seed.txt")
    assert article.title == (
        "Nato will mit Russland über Beschränkungen für Raketenwaffen in Europa diskutieren – Stoltenberg"
    )
    assert (article.date, article.source, article.lang) == ("2022-01-12", "SNA", "de")
    paragraphs = _paragraphs(article.text)
    assert paragraphs[0].startswith("Das erste Treffen von Vertretern der 30 Nato-Staaten")
    assert paragraphs[-1].startswith("Ende 2021 hatte Russland Entwürfe")
    heading = paragraphs.index("Nato will Kiew weiterhin unterstützen")
    assert heading in article.headings
    assert len(paragraphs) == 14
    for noise in (
        "Registrierung",
        "Abonnieren",
        "©",
        "SNA, 1920",
        "Peskow zu Nato-Treffen",
        "US-Demokraten entwerfen",
        "Newsticker",
        "loader",
        "Chats",
        "loggen Sie sich",
        "Neueste oben",
        "\u0417",
    ):
        assert noise not in article.text, noise
    assert article.title not in article.text


def test_german_scrape_in_the_seed_style() -> None:
    article = parse_document(GERMAN_SCRAPE.encode(), "radweg.txt")
    assert (
        article.title
        == "Stadtrat beschließt neuen Radweg entlang der Elbe – Bürgermeisterin zufrieden"
    )
    assert (article.date, article.source, article.lang) == ("2023-05-03", "Elbkurier", "de")
    paragraphs = _paragraphs(article.text)
    assert paragraphs[0].startswith("Der Stadtrat hat am Mittwochabend")
    assert paragraphs[-1].startswith("Man werde die Entwicklung")
    assert paragraphs.index("Kritik vom Handelsverband") in article.headings
    for noise in (
        "registrieren",
        "Abonnieren",
        "dpa",
        "Elbkurier",
        "Fahrradstraßen",
        "Newsticker",
        "Загружаю",
        "Diskussion teilzunehmen",
        "loader",
    ):
        assert noise not in article.text, noise


def test_english_scrape_drops_navigation_teasers_comments_and_footer() -> None:
    article = parse_document(ENGLISH_SCRAPE.encode(), "harbour.txt")
    assert article.title == "Harbour city votes to ban cruise ships from the old port"
    assert (article.date, article.lang, article.source) == ("2022-03-14", "en", "Example Media")
    paragraphs = _paragraphs(article.text)
    assert paragraphs[0].startswith("The city council of Porto Example")
    assert paragraphs[-1].startswith("Environmental groups welcomed")
    assert paragraphs.index("What happens next") in article.headings
    for noise in (
        "Skip to content",
        "Sign in",
        "Jane Example",
        "Tweet",
        "ferry line",
        "Read more",
        "terrible decision",
        "Privacy Policy",
        "All rights reserved",
    ):
        assert noise not in article.text, noise


def test_a_credit_glued_to_a_story_paragraph_keeps_the_paragraph() -> None:
    text = (
        "Ein Titel für den Test der Bildnachweise\n"
        "© Foto / Erika MusterDie Regierung hat am Montag ein neues Gesetz zur Wohnungsbauförderung beschlossen, "
        "das im kommenden Jahr in Kraft treten soll.\n"
        "Der Minister sagte, das Gesetz werde vielen Familien helfen, eine bezahlbare Wohnung zu finden.\n"
    )
    article = parse_document(text.encode(), "x.txt")
    assert article.text.startswith("Die Regierung hat am Montag")
    assert "Erika" not in article.text


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    body = (
        "For more than a decade the web has used the same old interface to send\n"
        "requests from scripts. While very useful, it is not a very nice piece of\n"
        "design, and the state of a request is tracked with events that are hard\n"
        "to combine with the newer ways of writing asynchronous code in programs.\n"
        "The new interface intends to fix most of these problems by introducing\n"
        "the same primitives that are used in the protocol itself, which means\n"
        "that the code is shorter and easier to read for everybody involved.\n"
    )
    article = parse_document(("A title for wrapped text\n" + body).encode(), "wrapped.txt")
    assert len(_paragraphs(article.text)) <= 2
    assert "to send requests from scripts" in article.text


def test_tutorial_code_lines_stay_as_one_block_and_teasers_before_read_more_go() -> None:
    text = """Skip to main content
Blog
About
Copy files between two machines without a password prompt
2021-03-02
Setting up key-based login takes only a few minutes and saves a lot of typing every single day.
First create a key pair on your own machine, then copy the public half to the server:
ssh-keygen -t ed25519
ssh-copy-id user@server.example
After that, logging in no longer asks for a password, and scripts can copy files on their own.
Another post about shell aliases
Aliases make long commands short, and here is how to keep them in one place on every machine.
Read more
Previous post
Next post"""
    article = parse_document(text.encode(), "tutorial.txt")
    assert article.title == "Copy files between two machines without a password prompt"
    assert article.date == "2021-03-02"
    assert "ssh-keygen -t ed25519\nssh-copy-id user@server.example" in article.text.split("\n\n")
    assert article.text.split("\n\n")[-1].startswith("After that, logging in")
    assert "Aliases" not in article.text and "Read more" not in article.text


def test_comments_after_timestamps_are_not_story() -> None:
    story = "\n".join(
        f"Absatz {n}: Die Stadtverwaltung hat am Montag neue Regeln für die Nutzung der Parks beschlossen, "
        f"die ab dem Sommer gelten und viele Anwohner betreffen werden."
        for n in range(1, 4)
    )
    comments = "\n".join(
        f"Leser{n}\n12. Mai 2022 um 1{n}:05\nIch finde diese Entscheidung völlig falsch und werde mich bei der "
        f"nächsten Sitzung des Stadtrats deutlich dazu äußern, das ist sicher."
        for n in range(6)
    )
    text = f"Neue Regeln für die Parks der Stadt\n12. Mai 2022\n{story}\n6 Kommentare\n{comments}\n"
    article = parse_document(text.encode(), "parks.txt")
    assert article.title == "Neue Regeln für die Parks der Stadt"
    assert len(article.text.split("\n\n")) == 3
    assert "Leser" not in article.text and "völlig falsch" not in article.text


def test_related_lists_inside_the_story_and_widget_rows_near_the_headline() -> None:
    text = """Skip to main content
Money › Markets
Copper price hits a record as mines in the south close for repairs
© Reuters / Ana GomezA copper mine in the desert
A copper mine in the desert - Daily Ledger, 1920, 05.06.2023
Published June 5, 2023 · Updated 4:10 pm
Listen to this article · 4 min
The price of copper rose to a record on Monday after two of the largest mines in the region closed for repairs.
Traders said the closures had caught the market by surprise and that stocks in the warehouses were already low.
Related:
Why electric cars need so much copper
Mining towns: the boom and its limits
"Nobody expected both mines to close in the same week," said one trader in London.
Auch lesen
What the rally means for builders
Builders worry
Construction firms said they would have to pass the higher costs on to their customers within weeks.
The mines are expected to reopen next month, according to the operators."""
    article = parse_document(text.encode(), "copper.txt")
    assert article.title == "Copper price hits a record as mines in the south close for repairs"
    assert (article.date, article.source, article.lang) == ("2023-06-05", "Daily Ledger", "en")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The price of copper rose")
    assert paragraphs.index("Builders worry") in article.headings
    for teaser in ("electric cars", "Mining towns", "rally means", "Listen", "Markets", "Related"):
        assert teaser not in article.text, teaser
    assert paragraphs[-1].startswith("The mines are expected")


def test_rows_from_one_template_are_widgets() -> None:
    story = (
        "Der Verein hat am Samstag sein neues Vereinsheim am Stadtrand eröffnet, nach drei Jahren Bauzeit.\n"
        "Zur Eröffnung kamen nach Angaben der Veranstalter mehr als dreihundert Gäste aus der ganzen Region.\n"
    )
    shares = "".join(
        f"Klick, um auf {site} zu teilen (Wird in neuem Fenster geöffnet)\n"
        for site in ("Mastodon", "Reddit", "Pocket", "Tumblr")
    )
    article = parse_document(
        f"Neues Vereinsheim eröffnet\n12.05.2021\n{story}{shares}".encode(), "verein.txt"
    )
    assert article.text.split("\n\n")[-1].startswith("Zur Eröffnung kamen")
    assert "teilen" not in article.text


def test_table_rows_copied_without_separators_get_their_spaces_back() -> None:
    text = (
        "Absatz von Heizöl im ersten Quartal\n"
        "Der Absatz von leichtem Heizöl ist im ersten Quartal nach Angaben des Verbandes deutlich gesunken.\n"
        "ProduktJanuar bis März 2022Januar bis März 2023Änderung\n"
        "Heizöl leicht12,4 Mio. t9,8 Mio. t-21 %\n"
        "Die Händler rechnen für das zweite Quartal wieder mit einer leichten Erholung der Nachfrage.\n"
    )
    article = parse_document(text.encode(), "tabelle.txt")
    assert "Produkt Januar bis März 2022 Januar bis März 2023 Änderung" in article.text
    assert "Heizöl leicht 12,4 Mio. t 9,8 Mio. t-21 %" in article.text


def test_published_and_updated_dates_glued_together_give_the_published_one() -> None:
    text = (
        "Wie Geheimnisse in Behörden entstehen\n"
        "Veröffentlicht am Freitag, 15. April 2016Samstag, 4. März 2017 von LD\n"
        "Die Berichterstattung über Geheimhaltung in Behörden folgt seit Jahren einem sehr ähnlichen Muster.\n"
        "Wer genauer hinsieht, erkennt dahinter aber vor allem ein Problem der Verwaltung und ihrer Abläufe.\n"
    )
    article = parse_document(text.encode(), "datum.txt")
    assert article.date == "2016-04-15"
    assert article.title == "Wie Geheimnisse in Behörden entstehen"


def test_caption_with_credit_at_its_end_is_dropped() -> None:
    text = (
        "Neue Brücke über den Fluss freigegeben\n"
        "Die neue Brücke verbindet die beiden Stadtteile und soll den Verkehr in der Innenstadt entlasten.\n"
        "Die Brücke am Eröffnungstag. Foto: Stadtarchiv / Max Muster\n"
        "Der Bau hatte vier Jahre gedauert und war deutlich teurer geworden als ursprünglich geplant.\n"
    )
    article = parse_document(text.encode(), "bruecke.txt")
    assert "Stadtarchiv" not in article.text and "Eröffnungstag" not in article.text
    assert article.text.split("\n\n")[-1].startswith("Der Bau hatte vier Jahre")


def test_paragraphs_wrapped_at_a_column_and_double_spaced_text() -> None:
    import textwrap

    paragraphs = [
        "Die Stadtwerke haben am Dienstag angekündigt, die Preise für Fernwärme im kommenden Jahr "
        "deutlich zu senken, weil die Einkaufspreise für Gas inzwischen wieder gefallen sind.",
        "Kunden sollen die neuen Preise ab Januar automatisch erhalten, eine Kündigung oder ein neuer "
        "Vertrag sei dafür nicht nötig, sagte eine Sprecherin des Unternehmens am Nachmittag.",
        "Verbraucherschützer begrüßten die Entscheidung, forderten aber eine bessere Erklärung der "
        "Preisbestandteile auf den Rechnungen, damit die Kunden die Kosten vergleichen können.",
    ]
    wrapped = "Fernwärme wird im neuen Jahr billiger\n\n" + "\n\n".join(
        textwrap.fill(p, 72) for p in paragraphs
    )
    article = parse_document(wrapped.encode(), "wrapped.txt")
    assert article.title == "Fernwärme wird im neuen Jahr billiger"
    assert article.text.split("\n\n") == paragraphs
    double = "\n\n".join(
        ["Fernwärme wird im neuen Jahr billiger", *paragraphs, "Teilen", "Drucken"]
    )
    assert parse_document(double.encode(), "double.txt").text.split("\n\n") == paragraphs


def test_read_more_label_over_teasers_keeps_the_story_line_before_it() -> None:
    text = """Port authority raises harbour fees for cargo ships
Published 4 June 2023
The port authority said on Monday that fees for large cargo ships would rise by a fifth from next spring.
Shipping companies said the increase came at the worst possible time for an industry still recovering.
A spokesman for the authority said the money was needed to deepen the channel for the newest vessels.
READ MORE
How the harbour became the busiest on the coast
Opinion: Why ports must pay for their own dredging
Unions warned that higher fees could push ships to rival ports and cost jobs on the docks in the long run."""
    article = parse_document(text.encode(), "port.txt")
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("A spokesman for the authority said") for p in paragraphs)
    assert paragraphs[-1].startswith("Unions warned")
    assert "busiest on the coast" not in article.text and "READ MORE" not in article.text


def test_comment_section_label_and_login_prompt_end_the_story() -> None:
    text = """Gemeinderat stimmt für neues Hallenbad
Stand: 08.09.2023
Der Gemeinderat hat am Donnerstag mit knapper Mehrheit den Bau eines neuen Hallenbads beschlossen.
Die Kosten von rund zwölf Millionen Euro sollen zum Teil aus Fördermitteln des Landes gedeckt werden.
Der Bürgermeister sprach von einer Entscheidung für die Familien und die Vereine der Gemeinde.
Kommentare (12)
Um an der Diskussion teilzunehmen, melden Sie sich bitte an oder registrieren Sie sich kostenlos.
Ich halte das Projekt für viel zu teuer und hoffe, dass die Bürger darüber noch abstimmen dürfen."""
    article = parse_document(text.encode(), "bad.txt")
    assert article.text.split("\n\n")[-1].startswith("Der Bürgermeister sprach")
    assert "Diskussion" not in article.text and "viel zu teuer" not in article.text
    english = """Library to open on Sundays
The city library will open on Sundays from next month, the council announced on Friday evening.
Officials said the change would cost little because volunteers had offered to staff the desk.
Comments
Join the conversation. Sign in or create an account to comment on this story today.
I think this is a wonderful idea and I will certainly bring my children every single week."""
    article = parse_document(english.encode(), "library.txt")
    assert article.text.split("\n\n")[-1].startswith("Officials said")
    assert "Sign in" not in article.text and "wonderful idea" not in article.text


def test_audio_player_line_is_never_the_title() -> None:
    story = (
        "The regional rail operator will add night trains between the two largest cities from "
        "the autumn, the transport ministry said on Thursday.\n"
        "Passenger groups welcomed the plan but said the trains were needed every night, not only at weekends."
    )
    for widget in (
        "Listen to this story · 4 min",
        "Hear this article read aloud",
        "Listen to the audio version (3:20)",
    ):
        text = f"Home\nTravel\nNight trains return to the coast line\n{widget}\n{story}"
        article = parse_document(text.encode(), "train.txt")
        assert article.title == "Night trains return to the coast line", widget
        assert widget not in article.text
    german = (
        "Nachtzüge kehren auf die Küstenstrecke zurück\nArtikel vorlesen lassen · 3 Min.\n"
        "Die Landesbahn will ab dem Herbst wieder Nachtzüge zwischen den beiden größten Städten fahren lassen.\n"
        "Fahrgastverbände begrüßten den Plan, forderten aber Verbindungen an jedem Tag der Woche."
    )
    article = parse_document(german.encode(), "zug.txt")
    assert article.title == "Nachtzüge kehren auf die Küstenstrecke zurück"
    assert "vorlesen" not in article.text


def test_a_story_sentence_about_listening_stays() -> None:
    text = (
        "Orchestra plays in the park\n"
        "Thousands came to listen to the orchestra in the park on Sunday, the organisers said.\n"
        "The concert was free, and the city wants to repeat it every summer from now on."
    )
    article = parse_document(text.encode(), "park.txt")
    assert article.text.split("\n\n")[0].startswith("Thousands came to listen")


def test_story_paragraphs_after_the_last_teaser_survive_long_or_short() -> None:
    head = """Anmelden | Registrieren
Landtag beschließt Schuldenbremse für Kommunen – Finanzminister zufrieden
© dpa / Eva MusterFinanzminister Paul Beispiel
Finanzminister Paul Beispiel - Landesbote, 1920, 02.02.2023
Der Landtag hat am Donnerstag nach langer Debatte eine Schuldenbremse für die Städte und Gemeinden des Landes beschlossen.
„Wir geben den Kommunen Planungssicherheit und schützen die nächsten Generationen“, sagte der Finanzminister nach der Abstimmung.
Die Opposition kündigte an, das Gesetz vom Verfassungsgericht prüfen zu lassen, weil es die Selbstverwaltung der Gemeinden verletze.
Ein Rathaus in der Landeshauptstadt - Landesbote, 1920, 01.02.2023
Kommunen klagen über steigende Sozialausgaben
"""
    tail = "\nMehr zum Thema\nGrundsteuer: Was Eigentümer jetzt wissen müssen\nKommentare\n"
    for last in (
        "Die kommunalen Spitzenverbände kündigten an, die Folgen des Gesetzes in einem eigenen Gutachten "
        "untersuchen zu lassen, bevor sie über weitere Schritte entscheiden.",
        "Das Gesetz tritt im Juli in Kraft.",
    ):
        article = parse_document((head + last + tail).encode(), "landtag.txt")
        paragraphs = article.text.split("\n\n")
        assert paragraphs[-1] == last
        assert "Sozialausgaben" not in article.text and "Grundsteuer" not in article.text
        assert (article.date, article.source) == ("2023-02-02", "Landesbote")


def test_closing_credit_is_not_a_story_paragraph() -> None:
    text = (
        "Storm closes ferry routes to the islands\n"
        "Ferries to all three islands were cancelled on Friday as winds reached ninety kilometres an hour.\n"
        "The operator said services would resume on Saturday morning if the forecast held.\n"
        "Additional reporting by Jane Example.\n"
        "Islanders said they had stocked up on food and fuel after warnings earlier in the week."
    )
    article = parse_document(text.encode(), "storm.txt")
    assert "Additional reporting" not in article.text
    assert article.text.split("\n\n")[-1].startswith("Islanders said")


ENGLISH_LOCAL_NEWS = """Skip to navigation
The Harbour Gazette
Local | Business | Sport | Opinion
Town council approves plan to close three primary schools
By Martin Example, Education Reporter
Updated 10:42 a.m. ET, March 5, 2024
4 min read
Listen to this story
Parents protest outside the town hall on Monday. (Photo: Anna Example/Harbour Gazette)
The town council voted on Monday night to close three primary schools by the end of next year, despite protests from hundreds of parents.
Council leader Sarah Example said falling pupil numbers left the council no choice. "We cannot keep half-empty buildings open," she said.
Advertisement
Read more: Why pupil numbers are falling across the county
Parents said they would challenge the decision in court, calling the consultation "a box-ticking exercise".
Sign up for our free morning newsletter
Get the day's top stories in your inbox.
The schools will stay open until the summer of next year, when pupils will move to two larger schools.
Copyright 2024 The Harbour Gazette. All rights reserved."""


def test_inline_teaser_newsletter_promo_and_copyright_footer() -> None:
    article = parse_document(ENGLISH_LOCAL_NEWS.encode(), "schools.txt")
    assert article.title == "Town council approves plan to close three primary schools"
    assert (article.date, article.source, article.lang) == (
        "2024-03-05",
        "The Harbour Gazette",
        "en",
    )
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The town council voted")
    assert paragraphs[-1].startswith("The schools will stay open")
    for noise in (
        "Read more",
        "pupil numbers are falling",
        "newsletter",
        "inbox",
        "Listen",
        "min read",
        "Photo:",
        "Advertisement",
        "Copyright",
    ):
        assert noise not in article.text, noise


def test_german_inline_teaser_and_a_story_sentence_about_copyright_stay_apart() -> None:
    text = """Stadtwerke erhöhen Fernwärmepreise – Mieterbund warnt
Von Max Beispiel | Stand: 12.03.2024, 14:05 Uhr
Die Stadtwerke haben am Dienstag eine deutliche Erhöhung der Fernwärmepreise angekündigt.
Lesen Sie auch: Heizkosten – so viel zahlen Haushalte im Vergleich
Der Mieterbund reagierte mit scharfer Kritik an der Höhe und dem Zeitpunkt der Erhöhung.
Copyright law was not part of the debate, a spokesman for the utility said afterwards."""
    article = parse_document(text.encode(), "waerme.txt")
    assert (
        article.title == "Stadtwerke erhöhen Fernwärmepreise – Mieterbund warnt"
    )  # lines of even length are not wrapped text
    assert article.date == "2024-03-12" and article.source is None
    assert "Lesen Sie auch" not in article.text and "Heizkosten" not in article.text
    assert article.text.split("\n\n")[1].startswith("Der Mieterbund")


STORY_LINES = (
    "Die Gemeinde hat am Montag beschlossen, die alte Dorfschule zu einem Bürgerhaus umzubauen.\n"
    "Der Umbau soll im Frühjahr beginnen und nach Angaben des Bürgermeisters etwa ein Jahr dauern.\n"
)


def test_site_name_at_the_top_is_the_source_when_the_page_names_it_again() -> None:
    text = (
        "Menü\nPolitik\nDorfblatt Süd\nKultur\nSport\nAlte Dorfschule wird Bürgerhaus\n3. April 2023\n"
        f"{STORY_LINES}Politik\nKultur\nSport\nÜber Dorfblatt Süd\nImpressum\n"
    )
    article = parse_document(text.encode(), "dorf.txt")
    assert article.source == "Dorfblatt Süd"  # not 'Politik', which only the menus repeat


def test_menu_items_repeated_in_the_footer_are_no_source() -> None:
    text = (
        "Startseite\nAktuelles\nArchiv\nAlte Dorfschule wird Bürgerhaus\n3. April 2023\n"
        f"{STORY_LINES}Aktuelles\nArchiv\nAktuelles aus der Region\n"
    )
    assert parse_document(text.encode(), "menu.txt").source is None
    first = f"Dorfblatt Süd\nStartseite\nArchiv\nAlte Dorfschule wird Bürgerhaus\n{STORY_LINES}"
    assert parse_document(first.encode(), "first.txt").source == "Dorfblatt Süd"


def test_copyright_footer_with_the_year_after_the_name() -> None:
    text = f"Alte Dorfschule wird Bürgerhaus\n3. April 2023\n{STORY_LINES}© Dorfblatt Süd 2023 | Impressum | Datenschutz\n"
    assert parse_document(text.encode(), "footer.txt").source == "Dorfblatt Süd"


def test_byline_and_update_line_inside_the_story_are_not_paragraphs() -> None:
    text = (
        "Bridge to stay closed for repairs until autumn\n"
        "The old river bridge will stay closed to traffic until the autumn, the city said on Monday.\n"
        "By Jane Example, City Reporter | 4 min read\n"
        "Engineers found cracks in two of the supporting piers during a routine inspection last month.\n"
        "Dear readers and friends,\n"
        "— City Hall (@cityhall) March 12, 2024\n"
        "Drivers are asked to use the ring road, which will add about ten minutes to most journeys."
    )
    article = parse_document(text.encode(), "bridge.txt")
    assert "By Jane Example" not in article.text
    assert (
        "— City Hall (@cityhall) March 12, 2024" in article.text
    )  # an embedded post's attribution stays
    assert "Dear readers and friends," in article.text  # a salutation is not a dateline
    assert article.text.startswith("The old river bridge")


def test_ad_breaks_media_teasers_and_follow_prompts_inside_the_story() -> None:
    text = """Glacier retreat speeds up in the Alps, survey finds
Sun 1 Oct 2023 14.05 BST
Swiss glaciers lost four percent of their remaining volume this year, the second-worst loss on record.
Story continues below advertisement
"We had to stop measuring some glaciers because there is nothing left," said the head of the network.
Watch: Drone footage shows the scale of the melt
Follow us on Telegram for the latest updates
Researchers said the trend could only be slowed if global emissions fell sharply in the coming decades.
Video: the minister explained the plan in a short statement on Friday."""
    article = parse_document(text.encode(), "glacier.txt")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[:1] == [
        "Swiss glaciers lost four percent of their remaining volume this year, the second-worst loss on record."
    ]
    assert paragraphs[-1].startswith(
        "Video: the minister explained"
    )  # a sentence after the label is story
    for noise in ("continues below", "Drone footage", "Telegram"):
        assert noise not in article.text, noise
    assert article.headings == []


def test_section_names_are_no_source_and_zum_thema_teasers_go() -> None:
    text = """Nachrichten
Politik
Bundestag streitet über Tempolimit auf Autobahnen
Aktualisiert am 04.05.2023 - 18:21
Der Bundestag hat am Donnerstag erneut über ein allgemeines Tempolimit auf Autobahnen gestritten.
Zum Thema: Was ein Tempolimit wirklich bringt
Die FDP lehnte den Vorstoß erneut ab und sprach von einem unnötigen Eingriff in die Freiheit der Bürger."""
    article = parse_document(text.encode(), "tempo.txt")
    assert article.source is None  # 'Nachrichten' opens the page but is a section
    assert (article.date, article.headings) == ("2023-05-04", [])
    assert "Zum Thema" not in article.text and "wirklich bringt" not in article.text


@pytest.mark.parametrize(
    "widget",
    [
        "Add to saved articles",
        "Copy link to clipboard",
        "Sign up for breaking news alerts",
        "Listen to this story · 4 min",
        "Zur Merkliste hinzufügen",
        "Artikel verschenken",
    ],
)
def test_widget_between_dateline_and_story_is_not_the_title(widget: str) -> None:
    text = (
        "Home\nBusiness\nBakery chain to close twelve shops across the region\n"
        f"Published 2 February 2024\n{widget}\n"
        "The bakery chain said on Friday that it would close twelve of its shops by the summer.\n"
        "Rising energy prices and fewer customers in town centres were to blame, a spokeswoman said."
    )
    article = parse_document(text.encode(), "bakery.txt")
    assert article.title == "Bakery chain to close twelve shops across the region"
    assert widget not in article.text


def test_a_headline_over_its_standfirst_and_byline_is_not_joined_to_them() -> None:
    """A page copy whose paragraphs break inside sentences (the next line goes on in lowercase)
    is joined there only: a headline without a full stop keeps its line, and so do the capitalised
    standfirst and the 'by' line under it."""
    headline = "Harbour ferry to run every twenty minutes from the first of May"
    broken = [
        "The regional transport authority has agreed a new timetable for the harbour ferry, which",
        "will run every twenty minutes on weekdays and every half hour at weekends from May.",
        "Commuters from the western shore had asked for more frequent crossings for years, and",
        "the authority says that two additional boats were bought second-hand for the purpose.",
        "The operator expects around four thousand passengers a day once the new timetable is",
        "in place, almost twice as many as in the same months of the previous year so far.",
        "Tickets bought before the change stay valid, and the monthly pass keeps its price",
        "until the end of the year, the authority said in a statement on Thursday evening.",
    ]
    text = "\n".join(
        [headline, "Two second-hand boats join the fleet on the western crossing", "by"]
        + ["Jane Example", "3 April 2024"]
        + broken
    )
    from reader.importing.scraped_lines import classify

    lines = [line.text for line in classify(text.split("\n"))]
    assert lines[:3] == [
        headline,
        "Two second-hand boats join the fleet on the western crossing",
        "by",
    ]
    assert broken[0] + " " + broken[1] in lines
    article = parse_document(text.encode(), "ferry.txt")
    assert article.text.startswith(broken[0] + " " + broken[1])
