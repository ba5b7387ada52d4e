"""Scraped or copied page text: keep the story, drop what the page around it left behind.

A copy of a web page has one text block a line: menus, banners, captions, teasers, widgets, the
story, comments, footers. We judge each line by general features (length, sentence punctuation,
script, interface words, caption and credit patterns), then take the run of lines that carries
the most story text (a maximum-sum segment: story lines count their length, other lines cost a
little, so a caption inside the story does not split it but a menu does). Title, date and
source come from the lines around the story: the headline before it, the dateline or the
caption's "- SOURCE, NNNN, DD.MM.YYYY".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .meta import DATE_IN_TEXT, find_date
from .ui_words import LEGAL_PHRASES, UI_WORDS

_SENTENCE_END = re.compile(r"[.!?…:;\"“”„«»)\]'’]$")
_CAPTION = re.compile(r"\s[-–—]\s([^,]{2,60}),\s*\d{1,5}(?:x\d+)?,\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$")
_CREDIT = re.compile(r"^(?:©|\(c\)|copyright\b|foto:|photo:|bild:|image:|quelle:|source:|credit:)", re.I)
_GLUED = re.compile(r"(?<=[a-zäöüß.])(?=[A-ZÄÖÜ][a-zäöüß])")
_WORD = re.compile(r"\w+", re.U)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_DATE_TIME_LINE = re.compile(r"\d{1,2}:\d{2}")
_SHORT_DATE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2}\s*$")
_TRUNCATED = re.compile(r"(?:\[…\]|\[\.\.\.\]|\[&hellip;\])\s*$|^\s*\[…\]")
_LABELLED_UI = re.compile(r"^\s*(\w+)\s*:", re.U)
_LEADING_DATE = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4})(?=[A-ZÄÖÜ„\"])")
_BYLINE = re.compile(r"^(?:by|von|posted|geschrieben|written|interview|text|autor|author)\b", re.I)


@dataclass
class ScrapedArticle:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass
class _Line:
    text: str
    noise: bool = False  # certainly not story (caption, credit, widget, other script)
    penalty: float = 35.0  # what the line costs a story segment that spans it
    dated: bool = False  # carries a date (datelines, comment headers, "published" footers)
    body: bool = False  # a story paragraph
    caption_source: str | None = None
    caption_date: str | None = None
    blank_before: bool = False


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_ui(text: str) -> bool:
    """Interface text: a few words, all of them widget vocabulary (glued words split first)."""
    words = [w.casefold() for w in _words(_GLUED.sub(" ", text))]
    if not words:
        return True
    return len(words) <= 4 and all(w in UI_WORDS or w.isdigit() for w in words)


def _labelled_ui(text: str) -> bool:
    """'Tags: a, b, c', 'Share: ...': a widget label in front of a colon."""
    match = _LABELLED_UI.match(text)
    return bool(match) and match.group(1).casefold() in UI_WORDS and not _SENTENCE_END.search(text)


def _unwrap(raw_lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (text saved at ~72 columns) back into paragraphs.

    A document counts as hard-wrapped when many of its longer lines stop without sentence
    punctuation; then a line that stops so is continued by the next one.
    """
    lines = [" ".join(line.split()) for line in raw_lines]
    longish = sum(len(ln) >= 50 for ln in lines)
    continued = sum(
        len(a) >= 50 and not _SENTENCE_END.search(a) and b[:1].islower() for a, b in zip(lines, lines[1:])
    )
    if continued < 3 or continued < 0.2 * longish:
        return lines
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if (line and previous and not _SENTENCE_END.search(previous)
                and (len(previous) >= 40 or line[0].islower())):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _split_glued_date(lines: list[str]) -> list[str]:
    """'27.01.2022Headline' (a dateline glued to its headline) -> two lines."""
    out: list[str] = []
    for line in lines:
        match = _LEADING_DATE.match(line)
        out.extend([match.group(1), line[match.end():]] if match else [line])
    return out


def _is_body(text: str) -> bool:
    words = len(_words(text))
    if words >= 6 and _SENTENCE_END.search(text) and not text.endswith(","):
        return True
    return words >= 20


def _doc_script_latin(lines: list[str]) -> bool:
    sample = "".join(lines)
    return len(_LATIN.findall(sample)) >= len(_CYRILLIC.findall(sample))


def _classify(raw_lines: list[str]) -> list[_Line]:
    raw_lines = _split_glued_date(_unwrap(raw_lines))
    latin = _doc_script_latin(raw_lines)
    lines: list[_Line] = []
    blank = False
    for raw in raw_lines:
        text = " ".join(raw.split())
        if not text:
            blank = True
            continue
        line = _Line(text, blank_before=blank)
        blank = False
        if caption := _CAPTION.search(text):
            line.noise, line.penalty = True, 15.0
            line.caption_source = caption.group(1).strip()
            line.caption_date = find_date(caption.group(2))
        elif _CREDIT.match(text):
            line.noise, line.penalty = True, 15.0
            rest = _GLUED.split(text, maxsplit=1)
            if len(rest) == 2 and _is_body(rest[1]):  # credit glued to a real paragraph
                lines.append(line)
                line = _Line(rest[1].strip())
        elif is_ui(text) or _labelled_ui(text) or not any(c.isalpha() for c in text):
            line.noise, line.penalty = True, 60.0
        elif len(text) < 400 and any(p in text.casefold() for p in LEGAL_PHRASES):
            line.noise, line.penalty = True, 80.0
        elif _TRUNCATED.search(text):  # a teaser's cut-off excerpt
            line.noise, line.penalty = True, 80.0
        elif latin and len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)):
            line.noise = True
        if not line.noise:
            line.body = _is_body(text)
        if not line.body and not line.caption_source and (DATE_IN_TEXT.search(text) or _SHORT_DATE.match(text)):
            line.dated = True
            # A timestamp (date and clock time) heads a comment or a teaser: a hard border.
            line.penalty = 1500.0 if _DATE_TIME_LINE.search(text) else max(line.penalty, 250.0)
        lines.append(line)
    # The line right after a caption is the teaser headline of a related article.
    for before, after in zip(lines, lines[1:]):
        if before.caption_source and not after.body:
            after.noise = True
    return lines


def _score(line: _Line) -> float:
    if line.body:
        return float(len(line.text))
    return -line.penalty


def _best_segment(lines: list[_Line]) -> tuple[int, int]:
    best, best_start, best_end = 0.0, 0, 0
    running, start = 0.0, 0
    for index, line in enumerate(lines):
        if running <= 0:
            running, start = 0.0, index
        running += _score(line)
        if running > best:
            best, best_start, best_end = running, start, index + 1
    return best_start, best_end


def _headline_like(line: _Line) -> bool:
    """Could be a headline: a few words, no closing period, not a widget, date or byline."""
    text = line.text
    words = _words(text)
    if line.noise or line.dated or not 2 <= len(words) <= 25:
        return False
    if text[-1] in ".,;-–—:|" or not (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'‚«»"):
        return False
    return not _BYLINE.match(text)


def _name_like(text: str) -> bool:
    """'Jane Doe', 'Interview: Jane Doe': an author line, which looks like a short headline."""
    rest = text.split(":", 1)[-1].strip()
    words = rest.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _find_title(lines: list[_Line], start: int) -> int | None:
    """The headline: beside the dateline if there is one, else the nearest one before the story."""
    window = range(max(0, start - 12), min(len(lines), start + 4))
    dateline = next((i for i in window if lines[i].dated), None)
    if dateline is not None:
        near = sorted((i for i in range(dateline - 4, dateline + 3) if 0 <= i < len(lines) and i != dateline),
                      key=lambda i: (abs(i - dateline), i > dateline))
        candidates = [i for i in near if _headline_like(lines[i])]
        named = [i for i in candidates if not _name_like(lines[i].text)]
        if named or candidates:
            return (named or candidates)[0]
    for index in range(min(start, len(lines) - 1), max(-1, start - 15), -1):
        if _headline_like(lines[index]) and not _name_like(lines[index].text):
            return index
    return None


def _find_date(lines: list[_Line], title: int | None, start: int, end: int) -> str | None:
    near = range(max(0, (title if title is not None else start) - 4), min(len(lines), start + 4))
    for index in near:
        if lines[index].dated and (found := find_date(lines[index].text) or _short_date(lines[index].text)):
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
    from .meta import parse_date

    return parse_date(text) if _SHORT_DATE.match(text) else None


def clean_scraped(text: str) -> ScrapedArticle:
    lines = _classify(text.split("\n"))
    start, end = _best_segment(lines)
    article = ScrapedArticle()
    if end <= start:
        return article
    title_index = _find_title(lines, start)
    if title_index is not None:
        article.title = lines[title_index].text
        if title_index == start:  # the headline opened the segment: the story starts after it
            start += 1
    article.date = _find_date(lines, title_index, start, end)
    article.source = next((ln.caption_source for ln in lines if ln.caption_source), None)
    kept = [ln for i, ln in enumerate(lines[start:end], start) if not ln.noise and i != title_index]
    for index, line in enumerate(kept):
        if line.body:
            article.paragraphs.append(line.text)
            continue
        following = kept[index + 1] if index + 1 < len(kept) else None
        if _headline_like(line) and following is not None and following.body:
            article.headings.append(len(article.paragraphs))
            article.paragraphs.append(line.text)
        elif len(_words(line.text)) >= 3 and not line.dated and not _DATE_TIME_LINE.search(line.text):
            article.paragraphs.append(line.text)
    if article.title and article.paragraphs and article.paragraphs[0] == article.title:
        article.paragraphs.pop(0)
        article.headings = [h - 1 for h in article.headings if h > 0]
    return article
