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
from .ui_words import UI_WORDS

_SENTENCE_END = re.compile(r"[.!?…:;\"“”„«»)\]'’]$")
_CAPTION = re.compile(r"\s[-–—]\s([^,]{2,60}),\s*\d{1,5}(?:x\d+)?,\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$")
_CREDIT = re.compile(r"^(?:©|\(c\)|copyright\b|foto:|photo:|bild:|image:|quelle:|source:|credit:)", re.I)
_GLUED = re.compile(r"(?<=[a-zäöüß.])(?=[A-ZÄÖÜ][a-zäöüß])")
_WORD = re.compile(r"\w+", re.U)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_DATE_TIME_LINE = re.compile(r"\d{1,2}:\d{2}")


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


def _is_body(text: str) -> bool:
    words = len(_words(text))
    if words >= 6 and _SENTENCE_END.search(text) and not text.endswith(","):
        return True
    return words >= 20


def _doc_script_latin(lines: list[str]) -> bool:
    sample = "".join(lines)
    return len(_LATIN.findall(sample)) >= len(_CYRILLIC.findall(sample))


def _classify(raw_lines: list[str]) -> list[_Line]:
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
            line.noise = True
            line.caption_source = caption.group(1).strip()
            line.caption_date = find_date(caption.group(2))
        elif _CREDIT.match(text):
            line.noise = True
            rest = _GLUED.split(text, maxsplit=1)
            if len(rest) == 2 and _is_body(rest[1]):  # credit glued to a real paragraph
                lines.append(line)
                line = _Line(rest[1].strip())
        elif is_ui(text) or not any(c.isalpha() for c in text):
            line.noise = True
        elif latin and len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)):
            line.noise = True
        if not line.noise:
            line.body = _is_body(text)
        lines.append(line)
    # The line right after a caption is the teaser headline of a related article.
    for before, after in zip(lines, lines[1:]):
        if before.caption_source and not after.body:
            after.noise = True
    return lines


def _score(line: _Line) -> float:
    if line.body:
        return float(len(line.text))
    if line.noise:
        return -15.0
    return -35.0


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
    text = line.text
    words = _words(text)
    if line.noise or line.body or not 2 <= len(words) <= 30:
        return False
    if text[-1] in ".,;-–—:" or not (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'‚«»"):
        return False
    if DATE_IN_TEXT.search(text) and len(words) <= 8:
        return False
    return True


def _find_title(lines: list[_Line], start: int) -> int | None:
    for index in range(start - 1, max(-1, start - 15), -1):
        if _headline_like(lines[index]):
            return index
    return None


def _find_date(lines: list[_Line], title: int | None, start: int, end: int) -> str | None:
    near = range(max(0, (title if title is not None else start) - 4), min(len(lines), start + 2))
    for index in near:
        if not lines[index].body and (found := find_date(lines[index].text)):
            return found
    for line in lines[:end]:
        if line.caption_date:
            return line.caption_date
    for index in list(range(0, start)) + list(range(end, len(lines))):
        if not lines[index].body and (found := find_date(lines[index].text)):
            return found
    return None


def clean_scraped(text: str) -> ScrapedArticle:
    lines = _classify(text.split("\n"))
    start, end = _best_segment(lines)
    article = ScrapedArticle()
    if end <= start:
        return article
    title_index = _find_title(lines, start)
    if title_index is not None:
        article.title = lines[title_index].text
    article.date = _find_date(lines, title_index, start, end)
    article.source = next((ln.caption_source for ln in lines if ln.caption_source), None)
    kept = [ln for ln in lines[start:end] if not ln.noise]
    for index, line in enumerate(kept):
        if line.body:
            article.paragraphs.append(line.text)
            continue
        following = kept[index + 1] if index + 1 < len(kept) else None
        if _headline_like(line) and following is not None and following.body:
            article.headings.append(len(article.paragraphs))
            article.paragraphs.append(line.text)
        elif len(_words(line.text)) >= 3 and not _DATE_TIME_LINE.search(line.text):
            article.paragraphs.append(line.text)
    if article.title and article.paragraphs and article.paragraphs[0] == article.title:
        article.paragraphs.pop(0)
        article.headings = [h - 1 for h in article.headings if h > 0]
    return article
