"""Every bundled sample article imports with its real title, date, source and language, keeps its
story (first, inner and last paragraphs, the ones next to teasers and widgets) and loses the noise
the samples carry on purpose (banners, captions, teasers, datelines, audio widgets, tag lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.importing.importer import parse_document

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"

# file: (title, date, source, lang, story paragraph openings that must be kept, noise that must go)
EXPECTED = {
    "de-ki-aufsicht-2024-05-22.html": (
        "KI-Aufsicht: Bund und Länder streiten über Zuständigkeit",
        "2024-05-22",
        "Wirtschaftskurier",
        "de",
        [
            "Die EU-Verordnung über künstliche Intelligenz ist beschlossen",
            "Brüssel setzt Fristen",
            "Reinholz zeigte sich dennoch zuversichtlich.",
        ],
        [
            "Digitales",
            "Von Lena Vogt",
            "Lesezeit",
            "Berlin,",
            "Serverreihen",
            "Typisch Deutschland",
            "Melden Sie sich an",
            "Teilen",
        ],
    ),
    "en-who-pandemic-agreement-2024-05-28.html": (
        "Pandemic agreement talks stall as WHO members miss deadline",
        "2024-05-28",
        "The Northgate Times",
        "en",
        [
            "Negotiations on a global agreement to prepare for future pandemics",
            "Rich and poor countries divided",
            "The negotiators agreed to continue their work",
        ],
        [
            "GENEVA,",
            "By Sarah Whitcombe",
            "Delegates take their seats",
            "12 comments",
            "Same story every year",
            "Sign in to join",
        ],
    ),
    "de-nato-luftverteidigung-2024-03-11.txt": (
        "Nato-Außenminister einigen sich auf gemeinsamen Fahrplan für Luftverteidigung – Halvorsen",
        "2024-03-11",
        "Tagesbote",
        "de",
        [
            "Die Außenminister der Nato-Staaten haben sich",
            "Kreml weist Vorwürfe zurück",
            "„Am Ende entscheidet nicht der Beschluss",
            "Halvorsen kündigte an, dass die Außenminister im Juni",
        ],
        [
            "Registrierung",
            "© AP Photo",
            "1920, 11.03.2024",
            "Abonnieren",
            "Russischer Vizeaußenminister",
            "Kiew bittet Partner",
            "Mehr zum Thema",
            "Nato-Gipfel",
            "Um an der Diskussion",
            "Kommentare",
            "Bundestag berät",
            "Cookies",
        ],
    ),
    "de-stahlkonzern-stellenabbau-2024-02-06.txt": (
        "Stahlkonzern Brandt & Keller streicht 3000 Stellen – IG Metall kündigt Widerstand an",
        "2024-02-06",
        "Rheinland-Rundschau",
        "de",
        [
            "Der Stahlkonzern Brandt & Keller will bis Ende 2026",
            "Bundesregierung prüft Hilfen",
            "Der Konzern will die Einzelheiten des Sparprogramms",
        ],
        [
            "Zum Inhalt springen",
            "Startseite",
            "Stand:",
            "Lesezeit",
            "Artikel anhören",
            "© dpa",
            "ANZEIGE",
            "Energiepreise: Warum",
            "Mehr aus Wirtschaft",
            "Jetzt abonnieren",
            "eingeloggt",
            "Cookies",
        ],
    ),
    "en-ai-chatbot-investigation-2024-09-03.txt": (
        "EU opens investigation into chatbot maker Veridia over election misinformation",
        "2024-09-03",
        "The Courier Review",
        "en",
        [
            "The European Commission has opened a formal investigation",
            "According to the Commission, researchers found",
            "Company promises cooperation",
            "Veridia has until the end of the month",
        ],
        [
            "Skip to main content",
            "Sign up",
            "Listen to this article",
            "Published September",
            "READ MORE",
            "How AI chatbots answer",
            "Explainer:",
            "Tags:",
            "Share this article",
            "Comments are closed",
            "Most popular",
            "Cookie settings",
        ],
    ),
    "en-trade-talks-tariffs-2024-03-19.txt": (
        "US and China agree to resume trade talks as tariff truce nears expiry",
        "2024-03-19",
        "Meridian News",
        "en",
        [
            "Washington and Beijing have agreed to resume formal trade negotiations",
            "Not everyone was reassured.",
            "Zhao said China hoped the next meeting",
        ],
        [
            "Sign in",
            "ADVERTISEMENT",
            "© Reuters",
            "By Michael Osei",
            "Related:",
            "Soybean farmers",
            "More from Meridian News",
            "Join the conversation",
            "Most read",
            "We use cookies",
        ],
    ),
    "de-klimabericht-umweltbundesamt-2024-04-17.md": (
        "Klimabericht: Verkehr und Gebäude verfehlen erneut ihre Ziele",
        "2024-04-17",
        "Hansepost",
        "de",
        [
            "Berlin, 17. April 2024 (Hansepost) – Deutschland hat",
            "Umweltverbände: „Ein Jahr verschenkt“",
            "Das Umweltbundesamt will seine nächste Prognose im Herbst vorlegen.",
        ],
        ["Tags:", "Umweltbundesamt, Verkehr, Gebäude", "---", "title:"],
    ),
    "de-krankenhausreform-bundesrat-2024-06-14.md": (
        "Krankenhausreform: Länder drohen mit Anrufung des Vermittlungsausschusses",
        "2024-06-14",
        "Der Tagesbote",
        "de",
        [
            "Berlin (Tagesbote) – Im Streit um die Krankenhausreform",
            "Kliniken warnen vor Insolvenzen",
            "Der Bundesrat wird sich voraussichtlich im Juli",
        ],
        ["**", "---", "tags:"],
    ),
    "en-offshore-wind-auction-2024-07-09.md": (
        "Offshore wind auction draws no bids as costs soar",
        "2024-07-09",
        "The Daily Ledger",
        "en",
        [
            "LONDON, July 9, 2024 (The Daily Ledger) — Britain's latest auction",
            "Developers pause projects",
            "Grant said the department would publish revised terms",
        ],
        ["Additional reporting", "**", "---"],
    ),
    "en-un-security-council-ceasefire-2024-10-15.md": (
        "Security Council fails to agree on ceasefire resolution after Russian veto",
        "2024-10-15",
        "Meridian News",
        "en",
        [
            "UNITED NATIONS, Oct. 15 (Meridian News) — The United Nations Security Council",
            "Beijing calls for dialogue",
            "The border region has been contested since a ceasefire agreement",
        ],
        ["---", "tags:"],
    ),
}
MARKDOWN_TAGS = {
    "de-klimabericht-umweltbundesamt-2024-04-17.md": ["Klima", "Umwelt", "Bundesregierung"],
    "en-offshore-wind-auction-2024-07-09.md": ["climate", "energy", "offshore wind", "UK"],
}


def test_every_sample_is_covered() -> None:
    found = {p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_metadata_story_and_no_noise(name: str) -> None:
    title, date, source, lang, story, noise = EXPECTED[name]
    article = parse_document((SAMPLES / name).read_bytes(), name)
    assert (article.title, article.date, article.source, article.lang) == (
        title,
        date,
        source,
        lang,
    )
    paragraphs = article.text.split("\n\n")
    for opening in story:
        assert any(p.startswith(opening) for p in paragraphs), opening
    assert paragraphs[0].startswith(story[0])  # nothing before the story
    assert paragraphs[-1].startswith(story[-1])  # nothing after it
    for line in noise:
        assert line not in article.text, line
    assert title not in paragraphs  # the headline is not repeated in the body
    if name in MARKDOWN_TAGS:
        assert article.tags == MARKDOWN_TAGS[name]
