"""Dates and language: the two pieces of metadata every format needs, normalised the same way.

Dates come in German and English forms ("23. Dezember 2021", "12.01.2022", "Jan. 12, 2022",
ISO with time); dateutil parses them once German month names are translated. A date without a
year is no date. Language is detected from the text (py3langid, offline), never from markup.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

_GERMAN_MONTHS = {
    "januar": "January",
    "jänner": "January",
    "jan": "Jan",
    "februar": "February",
    "feber": "February",
    "feb": "Feb",
    "märz": "March",
    "maerz": "March",
    "mär": "Mar",
    "mrz": "Mar",
    "april": "April",
    "apr": "Apr",
    "mai": "May",
    "juni": "June",
    "jun": "Jun",
    "juli": "July",
    "jul": "Jul",
    "august": "August",
    "aug": "Aug",
    "september": "September",
    "sept": "Sep",
    "sep": "Sep",
    "oktober": "October",
    "okt": "Oct",
    "november": "November",
    "nov": "Nov",
    "dezember": "December",
    "dez": "Dec",
}
_GERMAN_WORDS = {"uhr": "", "um": "", "am": "", "den": "", "vom": ""}
_WEEKDAYS = re.compile(
    r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)\b\.?,?",
    re.I,
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})\b")
_SLASHED = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")

# Date-looking fragments inside running text, for datelines and captions.
_MONTH_NAMES = (
    "januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "january|february|march|may|june|july|october|december|"
    "jan|feb|mär|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dez|dec"
)
DATE_IN_TEXT = re.compile(
    # (?<!\d) / (?!\d) instead of \b: a scrape glues "2016Samstag" and "27.01.2022Headline".
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]+)?(?!\d)"
    r"|(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}\.?\s+(?:" + _MONTH_NAMES + r")\.?,?\s+(?:19|20)\d\d(?!\d)"
    r"|\b(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}/\d{1,2}/(?:19|20)\d\d(?!\d)",
    re.I,
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None) -> str | None:
    """Any common German or English date form to ``YYYY-MM-DD``; ``None`` when unsure."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()[:120]
    if not text:
        return None
    if match := _ISO.match(text):
        return _valid(*(int(g) for g in match.groups()))
    if match := _SLASHED.match(text):
        return _valid(*(int(g) for g in match.groups()))
    if match := _DOTTED.match(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000 if year < 70 else 1900
        return _valid(year, month, day)
    if not _YEAR.search(text):
        return None
    english = _WEEKDAYS.sub(" ", text)
    english = _WORD.sub(
        lambda m: _GERMAN_MONTHS.get(
            m.group(0).lower(), _GERMAN_WORDS.get(m.group(0).lower(), m.group(0))
        ),
        english,
    )
    english = re.sub(r"(\d)\.(?=\s)", r"\1", english)  # "23. December" -> "23 December"
    try:
        from dateutil import parser
    except ImportError:  # pragma: no cover - dateutil is a dependency
        return None
    dayfirst = "/" not in english
    try:  # parse twice with different defaults: a field that changes was not in the text
        with warnings.catch_warnings():  # "tzname EST not understood": the day is still right
            warnings.simplefilter("ignore")
            first = parser.parse(english, default=datetime(1, 1, 1), fuzzy=True, dayfirst=dayfirst)
            second = parser.parse(english, default=datetime(2, 2, 2), fuzzy=True, dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    found: str = first.date().isoformat()
    return found


def find_date(text: str) -> str | None:
    """The first date written somewhere in a line of text, normalised."""
    for match in DATE_IN_TEXT.finditer(text):
        found = parse_date(match.group(0))
        if found:
            return found
    return None


_LANG_CACHE: dict[str, object] = {}
_LETTERS = re.compile(r"[^\W\d_]")


def detect_lang(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when there is too little text."""
    if not text:
        return None
    sample = text[
        :2500
    ]  # plenty for a confident guess (250 chars suffice on our corpus); cost grows with length
    if len(_LETTERS.findall(sample)) < 20:
        return None
    identifier = _LANG_CACHE.get("id")
    if identifier is None:
        import py3langid

        identifier = py3langid.classify
        _LANG_CACHE["id"] = identifier
    lang, _score = identifier(sample)  # type: ignore[operator]
    return str(lang)
