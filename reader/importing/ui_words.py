"""Words that page widgets show but articles never consist of (German and English).

A short line made only of these (case and punctuation ignored) is interface, not story. Kept
as data so the cleaning logic stays free of language specifics.
"""

from __future__ import annotations

UI_WORDS = frozenset(
    """
    abonnieren abonniert abonnement subscribe subscribed subscription unsubscribe newsletter newsticker ticker live chats chat loader laden
    anmelden abmelden einloggen registrieren registrierung login logout signin signup
    teilen share shares geteilt tweet tweeten drucken print e-mail email mail whatsapp facebook
    twitter linkedin xing pinterest reddit telegram instagram youtube tiktok mastodon rss feed
    mehr lesen weiterlesen read more continue reading zurück weiter back next previous
    vorherige nächste older newer post home startseite menü menu navigation suche suchen search
    schließen close öffnen open cookie cookies akzeptieren accept ablehnen reject einstellungen
    settings datenschutz privacy impressum imprint kontakt contact kommentare kommentar comments
    comment antworten reply antwort kommentieren neueste älteste oben zuerst newest oldest first
    zum inhalt springen skip to content main nach top werbung anzeige advertisement ad sponsored
    gesponsert jetzt spenden donate folgen follow gefällt mir like likes favorit favorite merken
    speichern save bookmark video videos audio podcast foto fotos photo photos bild bilder
    gallery galerie thema themen related topics schlagworte tags kategorie category kategorien
    categories archiv archive permalink link kopieren copy this artikel article veröffentlicht
    published aktualisiert updated posted by von autor author sign in log up out hier here
    on am at um in us uns the rest listen anhören vorlesen min minuten lesezeit reading time
    read lesen artikel dieser diesen your ihr abo account konto mein my profil profile
    add saved clipboard alert alerts breaking for to articles news hinzufügen merkliste verschenken gift
    x × ✕ … • · | → ← ↑ ↓ » « ok okay ja nein yes no mehr more alle all
    """.split()
)

# Phrases of site footers and legal boxes; a short line containing one is page furniture.
LEGAL_PHRASES = (
    "terms of service",
    "terms of use",
    "privacy policy",
    "cookies",
    "all rights reserved",
    "alle rechte vorbehalten",
    "affiliate",
    "nutzungsbedingungen",
    "datenschutzerklärung",
    "published under a creative commons",
    "licensed under a creative commons",
    "unter einer creative commons",
    "steht unter der lizenz",
    "stehen unter der lizenz",
    "is licensed under",
    "powered by",
    "erforderliche felder",
    "required fields",
    "e-mail-adresse wird nicht veröffentlicht",
    "email address will not be published",
)

# Links that end a teaser: the line before one is an excerpt of another article.
READ_MORE = (
    "read the rest",
    "read more",
    "continue reading",
    "keep reading",
    "learn more",
    "weiterlesen",
    "mehr lesen",
    "lesen sie weiter",
    "mehr erfahren",
    "zum artikel",
    "zum beitrag",
    "full story",
)

# Labels over a list of links to other articles; the headlines under one are teasers.
RELATED_LABELS = frozenset(
    {
        "related",
        "related stories",
        "related articles",
        "related posts",
        "read more",
        "read also",
        "see also",
        "more on this",
        "more on this story",
        "more stories",
        "top stories",
        "recommended",
        "you may also like",
        "you might also like",
        "also read",
        "auch lesen",
        "lesen sie auch",
        "lesen sie mehr",
        "mehr lesen",
        "mehr zum thema",
        "siehe auch",
        "weitere artikel",
        "das könnte sie auch interessieren",
        "das könnte dich auch interessieren",
        "empfehlungen",
        "unsere lesetipps",
        "lesetipps",
        "ähnliche beiträge",
        "ähnliche artikel",
        "verwandte artikel",
        "zum thema",
        "mehr dazu",
        "passend dazu",
        "auch interessant",
        "ebenfalls interessant",
        "more on",
        "further reading",
        "read next",
        "up next",
        "next up",
    }
)

# Section names of news sites: a menu line made of these is navigation, never the site's name.
SECTION_WORDS = frozenset(
    """
    news nachrichten aktuell aktuelles politik wirtschaft finanzen börse sport kultur feuilleton
    wissen wissenschaft panorama gesellschaft meinung kommentar leben reise auto digital digitales
    technik regional region lokales lokal deutschland ausland welt international inland europa
    world business markets money tech technology science health opinion culture arts lifestyle
    travel politics us uk local national home startseite magazin magazine blog ratgeber service
    gesundheit klima climate environment umwelt bildung education karriere jobs
    """.split()
)

# Prompts of a comment box or a paywall: whole sentences, but about the page, not the story.
# A short line containing one is a widget.
ACCOUNT_PROMPTS = (
    "loggen sie sich",
    "melden sie sich an",
    "registrieren sie sich",
    "eingeloggt sein",
    "angemeldet sein",
    "um zu kommentieren",
    "kommentare sind geschlossen",
    "kommentarfunktion",
    "um einen kommentar",
    "jetzt abonnieren",
    "jetzt registrieren",
    "sign in to",
    "log in to",
    "login to",
    "sign in or",
    "log in or",
    "create an account",
    "register to",
    "comments are closed",
    "to post a comment",
    "to leave a comment",
    "join the conversation",
    "subscribe now",
    "already a subscriber",
    "bereits abonnent",
    "sign up for our",
    "subscribe to our",
    "stories in your inbox",
    "news in your inbox",
    "straight to your inbox",
    "delivered to your inbox",
    "newsletter abonnieren",
    "unseren newsletter",
    "zum newsletter",
    "direkt in ihr postfach",
    "follow us on",
    "folgen sie uns",
    "folge uns auf",
    "story continues below",
    "article continues below",
    "continues below advertisement",
    "weiter nach der anzeige",
    "weiter nach der werbung",
    "fortsetzung nach der anzeige",
    "artikel wird unter der anzeige",
    "text wird unter der anzeige",
)

# Labels of a media teaser ('Watch: Drone footage shows ...', 'Video: ...'): with a colon and a
# headline after it, the line points at other content.
MEDIA_LABELS = frozenset(
    {
        "watch",
        "watch now",
        "video",
        "videos",
        "audio",
        "podcast",
        "listen",
        "gallery",
        "photos",
        "in pictures",
        "interactive",
        "liveblog",
        "galerie",
        "bildergalerie",
        "fotostrecke",
        "fotos",
        "hören",
        "jetzt ansehen",
        "ansehen",
        "im video",
    }
)

# Labels that open the comment section: what follows them is readers' text, not the story.
COMMENT_LABELS = frozenset(
    {
        "kommentare",
        "kommentar",
        "leserkommentare",
        "diskussion",
        "comments",
        "comment",
        "reader comments",
        "discussion",
        "join the discussion",
        "leave a comment",
        "leave a reply",
        "schreiben sie einen kommentar",
        "kommentar schreiben",
        "antwort hinterlassen",
    }
)

# Lines that tag, share or point onwards at the end of an article (Markdown and text footers).
TRAILER_LABELS = frozenset(
    {
        "tags",
        "schlagworte",
        "schlagwörter",
        "stichworte",
        "themen",
        "topics",
        "keywords",
        "share",
        "teilen",
        "share this article",
        "artikel teilen",
        "diesen artikel teilen",
        "filed under",
        "kategorien",
        "categories",
        "category",
        "kategorie",
    }
)

# Credits that close a news story: who else reported or edited it (bylines, not story).
CLOSING_CREDITS = (
    "additional reporting by",
    "reporting by",
    "editing by",
    "edited by",
    "compiled by",
    "writing by",
    "mitarbeit:",
    "mitarbeit von",
    "mit material von",
    "mit material der",
    "redaktion:",
    "bearbeitet von",
)

# Audio players over an article ('Listen to this article · 5 min', 'Artikel vorlesen lassen'):
# a short line with one of these is a widget, never the headline.
AUDIO_PROMPTS = (
    "listen to this",
    "listen to the",
    "listen now",
    "hear this",
    "audio version",
    "read aloud",
    "read to me",
    "play audio",
    "play article",
    "text to speech",
    "anhören",
    "vorlesen",
    "vorgelesen",
    "hören sie",
    "artikel hören",
    "beitrag hören",
    "audio abspielen",
    "vorleseversion",
)

# Notices of a video or audio player that did not load ('Video is loading', 'Your browser does
# not support the video tag'): a short line containing one is the player, not the story.
PLAYER_NOTICES = (
    "video wird geladen",
    "video is loading",
    "loading video",
    "video lädt",
    "player wird geladen",
    "your browser does not support",
    "ihr browser unterstützt",
    "enable javascript to",
    "javascript aktivieren",
    "please enable javascript",
    "this video is not available",
    "this video can not be played",
    "this video cannot be played",
    "dieses video ist nicht verfügbar",
    "dieses video kann nicht",
    "video kann nicht abgespielt",
    "now playing",
    "up next",
    "watch video",
    "video ansehen",
    "video abspielen",
    "play video",
    "replay video",
    "skip ad",
    "werbung überspringen",
    "autoplay",
    "this is a modal window",
    "beginning of dialog window",
    "end of dialog window",
    "embedded video",
    "eingebettetes video",
)

# Consent boxes that stand in for embedded content or ask about cookies.
CONSENT_PHRASES = (
    "externer inhalt",
    "externe inhalte",
    "externen inhalt",
    "external content",
    "third-party content",
    "inhalte von drittanbietern",
    "ihre zustimmung",
    "ihrer zustimmung",
    "ihre einwilligung",
    "your consent",
    "consent to",
    "einwilligung",
    "zustimmen",
    "cookie-einstellungen",
    "cookie settings",
    "privacy settings",
    "datenschutzeinstellungen",
    "manage preferences",
    "we use cookies",
    "wir verwenden cookies",
    "wir nutzen cookies",
    "diese website verwendet cookies",
    "this website uses cookies",
    "this site uses cookies",
    "accept all",
    "alle akzeptieren",
    "mit einem klick",
    "um diesen inhalt",
    "to view this content",
    "to display this content",
    "um inhalte von",
    "personenbezogene daten übermittelt",
)

# Labels over lists of other stories ('What else you need to know', 'Mehr Nachrichten'): the
# list under one is a teaser rail, even inside the article box.
LIST_LABELS = frozenset(
    {
        "what else",
        "what else you need to know",
        "what else to know",
        "what else is happening",
        "what else we're reading",
        "what else we are reading",
        "in other news",
        "also in the news",
        "more news",
        "more headlines",
        "more from this section",
        "more from",
        "more stories",
        "more coverage",
        "most read",
        "most popular",
        "trending",
        "trending now",
        "top stories",
        "latest news",
        "latest stories",
        "was sonst noch",
        "was sonst noch wichtig ist",
        "was sie noch wissen sollten",
        "weitere nachrichten",
        "weitere meldungen",
        "weitere themen",
        "mehr nachrichten",
        "mehr aus dem ressort",
        "mehr aus dieser rubrik",
        "meistgelesen",
        "meistgelesene artikel",
        "am meisten gelesen",
        "neueste artikel",
        "top-themen",
        "topthemen",
        "aktuelle meldungen",
    }
)

# Appeals to the reader that are not the story: donations, memberships, job ads of the site.
# Only phrases a story sentence would not use ('become a member' would: 'of the alliance').
APPEAL_PHRASES = (
    "support our journalism",
    "support independent journalism",
    "donate now",
    "please donate",
    "we're hiring",
    "we are hiring",
    "unterstützen sie unseren journalismus",
    "unterstützen sie uns",
    "jetzt unterstützen",
    "jetzt spenden",
    "werden sie mitglied",
    "werde mitglied",
    "wir suchen verstärkung",
)
