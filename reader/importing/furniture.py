"""Page furniture every format shares: lines that are about the page, not the story.

Widget rows ('Teilen', 'Share this article'), audio players ('Listen to this article · 5 min'),
comment-section labels and log-in prompts, header lines (dateline, byline, reading time) and
trailers (tag lines, share bars, closing credits). Scraped text, HTML and Markdown judge a line
the same way; the vocabulary is data in ui_words.py, German and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .ui_words import (
    ACCOUNT_PROMPTS,
    APPEAL_PHRASES,
    AUDIO_PROMPTS,
    CLOSING_CREDITS,
    COMMENT_LABELS,
    CONSENT_PHRASES,
    LIST_LABELS,
    MEDIA_LABELS,
    PLAYER_NOTICES,
    RELATED_LABELS,
    TRAILER_LABELS,
    UI_WORDS,
)

SENTENCE_END = re.compile(r"[.!?…:;\"“”„«»)\]'’]$")
GLUED = re.compile(r"(?<=[a-zäöüß.])(?=[A-ZÄÖÜ][a-zäöüß])")
_WORD = re.compile(r"\w+")


Trie = dict[str, "Trie"]


def _any_of(phrases: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive search for any of the phrases, as a trie ('sign (?:in|up)'): the same
    matches as 'sign in|sign up|...', but re tries the alternatives of a flat list one by one
    at every position (150 us a paragraph for 46 prompts; the trie: a few us)."""
    trie: Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: Trie) -> str:
        if "" in node:
            return ""  # a shorter phrase ends here: whatever follows, it matched
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(pattern(trie) if trie else "(?!)", re.I)


_ACCOUNT = _any_of(ACCOUNT_PROMPTS)
_AUDIO = _any_of(AUDIO_PROMPTS)
_DURATION = re.compile(r"\d+\s*(?:min|minuten|minutes|mins|sek|sec)\b|\b\d{1,2}:\d{2}\b", re.I)
_COUNT = re.compile(r"[\d()\[\]:.]+")
_APPEAL = re.compile("|".join(re.escape(p) for p in APPEAL_PHRASES), re.I)
_PLAYER = re.compile("|".join(re.escape(p) for p in PLAYER_NOTICES), re.I)
_CONSENT = re.compile("|".join(re.escape(p) for p in CONSENT_PHRASES), re.I)
_GALLERY = re.compile(
    r"^(?:bild|foto|photo|image|picture|slide|galerie|gallery)\s*\d{1,3}\s*(?:/|von|of|aus)\s*\d{1,3}\b"
    r"|^\d{1,3}\s*(?:/|von|of|aus)\s*\d{1,3}\s*$",
    re.I,
)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def is_ui(text: str) -> bool:
    """Interface text: a few words, all of them widget vocabulary (glued words split first)."""
    words = [w.casefold() for w in words_of(GLUED.sub(" ", text))]
    if not words:
        return True
    known = sum(w in UI_WORDS or w.isdigit() for w in words)
    if len(words) <= 6:
        return known == len(words)
    return len(words) <= 15 and known >= 0.8 * len(words)  # a row of widgets on one line


def is_audio_widget(text: str) -> bool:
    """'Listen to this article · 5 min', 'Diesen Text anhören (3:45)': an audio player's label.

    Short, naming the act of listening, and either timed or not closed like a sentence."""
    if len(words_of(text)) > 12 or not _AUDIO.search(text):
        return False
    return bool(_DURATION.search(text)) or not SENTENCE_END.search(text)


def is_appeal(text: str) -> bool:
    """'Support our journalism: make a contribution', 'Werden Sie Mitglied': the site asking."""
    return len(words_of(text)) <= 40 and bool(_APPEAL.search(text))


def is_player_notice(text: str) -> bool:
    """'Video wird geladen', 'Your browser does not support the video tag': a player's notice."""
    return len(words_of(text)) <= 25 and bool(_PLAYER.search(text))


def is_consent_box(text: str) -> bool:
    """'Externer Inhalt: ... erst nach Ihrer Zustimmung angezeigt', 'We use cookies ...': a box
    standing in for embedded content or asking about cookies (two signs of it, or a short one)."""
    found = {m.group(0).casefold() for m in _CONSENT.finditer(text)}
    n_words = len(words_of(text))
    return bool(found) and n_words <= 80 and (len(found) >= 2 or n_words <= 12)


def is_gallery_counter(text: str) -> bool:
    """'Bild 3 von 12', '1 of 8', 'Foto 2/5 ...': a gallery's counter, with or without caption."""
    return len(words_of(text)) <= 40 and bool(_GALLERY.match(text))


def is_list_label(text: str) -> bool:
    """'What else you need to know:', 'Mehr Nachrichten': a label over a list of other stories."""
    folded = " ".join(text.casefold().strip(" .:…»›>*_").split())
    return folded in LIST_LABELS or folded in RELATED_LABELS


def is_comment_label(text: str) -> bool:
    """'Kommentare (47)', '12 comments', 'Diskussion': the head of the readers' section."""
    return len(text) <= 40 and " ".join(_COUNT.sub(" ", text).casefold().split()) in COMMENT_LABELS


def is_account_prompt(text: str) -> bool:
    """'Um an der Diskussion teilzunehmen, loggen Sie sich ein', 'Sign in to comment': a sentence
    to the reader about the page."""
    return len(words_of(text)) <= 16 and bool(_ACCOUNT.search(text))


def is_teaser_link(text: str) -> bool:
    """'Read more: Why pupil numbers are falling', 'Watch: Drone footage shows the melt': a
    related-articles or media label with one headline (not a sentence) after its colon."""
    label, colon, rest = text.partition(":")
    label = label.casefold().strip(" »›>*_")
    return (
        bool(colon)
        and (label in RELATED_LABELS or label in MEDIA_LABELS)
        and 0 < len(words_of(rest)) <= 20
        and not rest.rstrip().endswith((".", "!", "?", "“", '"'))
    )


# ---- header lines: dateline, byline, reading time ------------------------------------------

_BYLINE = re.compile(
    r"^(?:by|von|text:|posted|veröffentlicht|published|geschrieben|written|updated|aktualisiert|"
    r"stand:|zuletzt)\b",
    re.I,
)
_READING_TIME = re.compile(
    r"\b(?:lesezeit|lesedauer|reading time|\d+\s*(?:min|minuten|minutes|mins)\.?(?:\s+(?:read|lesen|lesezeit))?)\b",
    re.I,
)
_PIECES = re.compile(r"\s*[·|•]\s*|\s+[–—]\s+")
_PLACE_STUB = re.compile(r"^[A-ZÄÖÜ][\w.\- ]{1,30},$")
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "al", "da", "di", "le", "la"}


def _names_follow(piece: str) -> bool:
    """'By Jane Example, Health Correspondent', 'Published 3 May': the label is followed by a name
    or a date, not by a sentence ('By the end of the year ...')."""
    rest = piece.split(None, 1)[1] if len(piece.split()) > 1 else ""
    if piece.split()[0].casefold() not in ("by", "von"):
        return True
    name = re.split(r",| and | und | & ", rest)[0].split()
    return 1 <= len(name) <= 4 and all(
        w[:1].isupper() or w.casefold() in _NAME_PARTICLES for w in name
    )


def _header_piece(piece: str, places: bool) -> str | None:
    """What one part of a header line is: 'byline', 'date', 'time' (reading time), 'place', 'ui'."""
    from .meta import DATE_IN_TEXT

    words = len(piece.split())
    if _BYLINE.match(piece) and words <= 10 and _names_follow(piece):
        return "byline"
    date = DATE_IN_TEXT.search(piece)
    if (
        date
        and "@" not in piece
        and len((piece[: date.start()] + piece[date.end() :]).split()) <= 3
    ):
        return "date"
    if _READING_TIME.search(piece) and words <= 5:
        return "time"
    if places and _PLACE_STUB.match(piece) and words <= 3:
        return "place"
    return "ui" if is_ui(piece) else None


def is_header_line(text: str, *, places: bool = True) -> bool:
    """A dateline, byline or reading-time line ('Berlin, 22. Mai 2024 · Von X · Lesezeit 4 Minuten',
    'GENEVA,' left over when the date sat in a <time> the extractor dropped): metadata, not story.

    ``places``: whether a lone 'Place,' counts; only at the top of an article box, since in
    running text 'Hallo zusammen,' looks the same."""
    if len(text.split()) > 24 or (
        text.endswith((".", "!", "?", "“", '"', "»")) and not _BYLINE.match(text)
    ):
        return False
    kinds = [_header_piece(piece, places) for piece in _PIECES.split(text) if piece.strip(" ,")]
    if not kinds or None in kinds:
        return False
    return set(kinds) != {"ui"} or len(kinds) > 1


# ---- trailers: tag lines, share bars, closing credits ---------------------------------------

_TRAILER = re.compile(r"^\s*([^:]{2,30}?)\s*:\s*(.+)$")


def trailer_label(text: str) -> tuple[str, str] | None:
    """'Tags: a, b' -> ('tags', 'a, b'); None for a line that is not a labelled footer."""
    match = _TRAILER.match(text)
    return (match.group(1).casefold(), match.group(2)) if match else None


def tags_in(text: str) -> list[str]:
    """The tags of a 'Tags: a, b, c' / 'Schlagworte: ...' line; [] for any other line."""
    labelled = trailer_label(text)
    if not labelled or labelled[0] not in TRAILER_LABELS - {"share", "teilen"}:
        return []
    items = [t.strip(" .#") for t in re.split(r"[,;|]", labelled[1])]
    return [t for t in items if t and len(t.split()) <= 4]


def is_trailer(text: str) -> bool:
    """A footer line: 'Tags: ...', 'Share', 'Mehr zum Thema', 'Additional reporting by X.'"""
    folded = text.casefold().strip(" .:…»›>*_")
    labelled = trailer_label(text)
    if (
        folded in TRAILER_LABELS
        or folded in RELATED_LABELS
        or (labelled and labelled[0] in TRAILER_LABELS)
    ):
        return True
    return is_closing_credit(text) or (len(text.split()) <= 8 and is_ui(text))


def is_closing_credit(text: str) -> bool:
    """'Additional reporting by Jane Example.', 'Mitarbeit: Max Muster': a byline at the end."""
    return len(text.split()) <= 15 and text.casefold().strip(" .:…»›>*_(").startswith(
        CLOSING_CREDITS
    )
