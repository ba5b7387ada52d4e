"""Headline and date of a scraped page: found beside the dateline or just before the story."""

from __future__ import annotations

import re

from .furniture import SENTENCE_END
from .meta import find_date, parse_date
from .scraped_lines import SHORT_DATE, Line, words_of

_BYLINE = re.compile(r"^(?:by|von|posted|geschrieben|written|interview|text|autor|author)\b", re.I)


_ENDS_WITH_BYLINE_WORD = re.compile(r"\b(?:by|von)$", re.I)


def headline_like(line: Line, *, max_words: int = 18) -> bool:
    """Could be a headline: a few words, no closing period, not a widget, date or byline."""
    text = line.text
    count = len(words_of(text))
    if line.noise or line.dated or not 2 <= count <= max_words:
        return False
    if text[-1] in ".,;-–—:|" or not (
        text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'‚«»"
    ):
        return False
    return not _BYLINE.match(text)


def _name_like(text: str) -> bool:
    """'Jane Doe', 'Interview: Jane Doe': an author line, which looks like a short headline."""
    rest = text.split(":", 1)[-1].strip()
    words = rest.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _in_menu(lines: list[Line], index: int) -> bool:
    """Part of a run of three or more very short lines: a menu, not a headline."""

    def short(i: int) -> bool:
        return 0 <= i < len(lines) and len(words_of(lines[i].text)) <= 3 and not lines[i].body

    run = [short(i) for i in range(index - 2, index + 3)]
    return short(index) and any(all(run[k : k + 3]) for k in range(3))


def _title_score(lines: list[Line], index: int, anchor: int) -> float:
    text = lines[index].text
    count = len(words_of(text))
    score = 10.0 - abs(index - anchor) * (1.0 if index < anchor else 1.5)
    score += 3.0 if 4 <= count <= 16 else 0.0
    score += 1.0 if text[-1] in '!?“”"»«' else 0.0
    if _name_like(text) or _in_menu(lines, index):
        score -= 8.0
    if any(mark in text for mark in (" · ", " | ", " › ", " > ", " / ")):
        score -= 4.0  # breadcrumbs and widget rows, not headlines
    if index > 0 and _ENDS_WITH_BYLINE_WORD.search(lines[index - 1].text):
        score -= 8.0  # the author's name after a line ending in "by"
    return score


def find_title(lines: list[Line], start: int) -> int | None:
    """The headline: the best-placed headline-like line around the dateline and the story start."""
    window = range(max(0, start - 12), min(len(lines), start + 4))
    dateline = next((i for i in window if lines[i].dated), None)
    indexes = set(range(max(0, start - 10), min(len(lines), start + 1)))
    if dateline is not None:
        indexes |= set(range(max(0, dateline - 10), min(len(lines), dateline + 4)))
    best, best_score = None, float("-inf")
    for index in sorted(indexes):
        line = lines[index]
        usable = headline_like(line) or (
            line.body and headline_like(_unbodied(line), max_words=16) and index <= start
        )
        if not usable:
            continue
        scores = [_title_score(lines, index, start)]
        if dateline is not None:
            scores.append(_title_score(lines, index, dateline) + 2.0)
        if max(scores) > best_score:
            best, best_score = index, max(scores)
    return best if best_score > 0 else None


def _unbodied(line: Line) -> Line:
    return Line(line.text)


def _find_date(lines: list[Line], title: int | None, start: int, end: int) -> str | None:
    near = range(max(0, (title if title is not None else start) - 4), min(len(lines), start + 4))
    for index in near:
        if lines[index].dated and (
            found := find_date(lines[index].text) or _short_date(lines[index].text)
        ):
            return found
    for line in lines[:end]:
        if line.caption_date:
            return line.caption_date
    for index in list(range(0, start)) + list(range(end, len(lines))):
        if lines[index].dated and (found := find_date(lines[index].text)):
            return found
    return None


def _short_date(text: str) -> str | None:
    """'25.4.24' as a line of its own: a dateline with a two-digit year."""
    return parse_date(text) if SHORT_DATE.match(text) else None


_COPYRIGHT = re.compile(
    r"^(?:(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?|copyright\s+(?=\d{4}))"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>.+)$"
    r"|^(?P<subject>.+?)\s+(?:is|are)\s+(?:published|licensed)\s+under\b",
    re.I,
)
_NAME_END = re.compile(
    r"\s*(?:,|\s/\s|\s\|\s|\s[-–]\s|\sby\s|\svon\s|\.?\sall rights|\.?\salle rechte).*$", re.I
)


_NOT_A_NAME = {
    "all",
    "this",
    "these",
    "content",
    "contents",
    "except",
    "unless",
    "any",
    "text",
    "texts",
    "the",
    "alle",
    "dieser",
    "diese",
    "inhalte",
    "sofern",
    "soweit",
    "some",
    "our",
    "unsere",
}


def find_site(lines: list[Line]) -> str | None:
    """The publication, from a footer: '© 2020 Site', 'Site is published under a licence'."""
    for line in reversed(lines):
        match = _COPYRIGHT.match(line.text)
        if not match:
            continue
        name = _NAME_END.sub("", match.group("name") or match.group("subject") or "").strip(" .")
        name = re.sub(r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$", "", name)  # '© Site 2024'
        words = name.split()
        first = words[0].casefold() if words else ""
        if first == "the" and len(words) > 1 and all(w[:1].isupper() for w in words[1:]):
            first = words[1].casefold()  # 'The Harbour Gazette': a name; 'the authors': not
        if name and len(words) <= 5 and first not in _NOT_A_NAME:
            return name
    return None


def _masthead_like(line: Line, title: str | None) -> bool:
    from .ui_words import SECTION_WORDS

    text = line.text
    count = len(words_of(text))
    if all(word.casefold() in SECTION_WORDS for word in words_of(text)):
        return False  # 'Nachrichten', 'World': a section, not a site
    return (
        not line.noise
        and not line.dated
        and not line.body
        and 1 <= count <= 4
        and len(text) <= 40
        and text != title
        and (text[0].isupper() or text[0].isdigit())
        and not SENTENCE_END.search(text)
        and not any(mark in text for mark in "|›»·")
    )


_SITE_CONTEXT = (
    r"(?:©|\(c\)|copyright|about|über|from|von|bei|at|on|auf|zu|to|with|mit)\s+(?:\d{4}\s+)?"
)


def _names_site(line: Line, name: str) -> bool:
    """Does this line name the site ('© 2024 X', 'Über X', 'More from X', or in a sentence)?"""
    if len(line.text) <= len(name) + 3 or name not in line.text:
        return False
    if line.body:
        return bool(re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", line.text))
    return bool(re.search(_SITE_CONTEXT + re.escape(name) + r"(?!\w)", line.text, re.I))


def find_masthead(lines: list[Line], title_index: int | None) -> str | None:
    """The site's name at the top of the page ('Telemedicus', then the menu).

    A short name-like line before the headline that the page names again as a site ('Über X',
    '© X 2024', 'More from X', or in the story); otherwise only the page's first line, since
    section names ('Politik', 'Tech') and menus sit near it too and repeat in the footer.
    """
    title = lines[title_index].text if title_index is not None else None
    top = [ln for ln in lines[: min(title_index if title_index is not None else 10, 10)]]
    candidates = [ln for ln in top if _masthead_like(ln, title)]
    for line in candidates:
        if any(_names_site(other, line.text) for other in lines if other is not line):
            return line.text
    return candidates[0].text if candidates and lines and candidates[0] is lines[0] else None
