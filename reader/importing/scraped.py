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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .scraped_lines import (
    DATE_TIME_LINE,
    Line,
    classify,
    words_of,
)
from .scraped_title import _find_date, find_masthead, find_site, find_title, headline_like

if TYPE_CHECKING:
    from .scraped_model import Selection


@dataclass
class ScrapedArticle:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source: str | None = None


def _score(line: Line) -> float:
    if line.body:
        return float(len(line.text))
    if line.code:  # a tutorial's code belongs to it, but weighs less than prose
        return 0.3 * len(line.text)
    return -line.penalty


def _best_segment(lines: list[Line]) -> tuple[int, int]:
    best, best_start, best_end = 0.0, 0, 0
    running, start = 0.0, 0
    for index, line in enumerate(lines):
        if running <= 0:
            running, start = 0.0, index
        running += _score(line)
        if running > best:
            best, best_start, best_end = running, start, index + 1
    return best_start, best_end


# The learned scorers were trained on copies of whole pages (a hundred lines and more); a short
# text (a few pasted paragraphs) is judged by the hand rules alone.
MIN_LINES = 20


@dataclass
class Analysis:
    """Every step of reading a scrape: lines, story probabilities, the story's span, the headline."""

    lines: list[Line]
    probabilities: list[float]
    span: tuple[int, int]
    title: int | None = None
    date: str | None = None


def analyse(text: str) -> Analysis:
    """Lines judged by the learned scorers (see scraped_model.py) on top of the hand rules."""
    from . import dates
    from . import scraped_model as sm

    lines = classify(text.split("\n"))
    probabilities = sm.story_probabilities(lines)
    span = sm.story_span(lines, probabilities)
    result = Analysis(lines, probabilities, span)
    if span[1] > span[0]:
        result.title = sm.best("title", sm.title_candidates(lines, probabilities, span))
    # (no story found: the page's dates are still its dates)
    rule = _find_date(lines, result.title, span[0], span[1])
    found = dates.scraped_candidates(lines, probabilities, span, result.title)
    result.date = dates.choose("scraped", found, rule)
    return result


def clean_scraped(text: str) -> ScrapedArticle:
    from . import scraped_model as sm

    if not sm.model().has("body"):
        return _clean_by_rules(text)
    found = analyse(text)
    if len(found.lines) < MIN_LINES:
        return _clean_by_rules(text)
    return assemble(found)


def assemble(found: Analysis, selection: Selection | None = None) -> ScrapedArticle:
    """The article the analysis points at: the story lines of the span, headline, date, source
    (selection: the story's lines, when not the span model's choice)."""
    from . import scraped_model as sm

    lines, probabilities = found.lines, found.probabilities
    start, end = found.span
    article = ScrapedArticle()
    if end <= start:  # no story-like line at all (a short note): keep what is not furniture
        article.paragraphs = [ln.text for ln in lines if not ln.noise]
        article.date = found.date
        return article
    title_index = found.title
    if title_index is not None:
        article.title = lines[title_index].text
    article.date = found.date
    article.source = (
        next((ln.caption_source for ln in lines if ln.caption_source), None)
        or find_site(lines)
        or find_masthead(lines, title_index)
    )
    chosen = selection or sm.story_selection(lines, probabilities, title_index)
    kept = sm.kept_lines(lines, probabilities, chosen, title_index)
    first_body = next((i for i in kept if lines[i].body), None)
    seen: set[str] = set()
    for position, index in enumerate(kept):
        line = lines[index]
        if line.dated and not line.body and (first_body is None or index < first_body):
            continue  # a dateline or byline over the story: metadata, not text
        key = " ".join(words_of(line.text.casefold()))
        if len(key.split()) >= 8:
            if key in seen:
                continue  # the story shown twice on the page: kept once
            seen.add(key)
        previous = kept[position - 1] if position else None
        if line.code and previous == index - 1 and lines[previous].code and article.paragraphs:
            article.paragraphs[-1] += "\n" + line.text  # a code block keeps its lines
            continue
        following = kept[position + 1] if position + 1 < len(kept) else None
        if (
            not line.body
            and not line.code
            and headline_like(line)
            and following is not None
            and lines[following].body
        ):
            article.headings.append(len(article.paragraphs))
        article.paragraphs.append(line.text)
    if article.title and article.paragraphs and article.paragraphs[0] == article.title:
        article.paragraphs.pop(0)
        article.headings = [h - 1 for h in article.headings if h > 0]
    return article


def _clean_by_rules(text: str) -> ScrapedArticle:
    lines = classify(text.split("\n"))
    start, end = _best_segment(lines)
    article = ScrapedArticle()
    if end <= start:  # no sentence-like line at all (a short note): keep what is not furniture
        article.paragraphs = [ln.text for ln in lines if not ln.noise]
        return article
    title_index = find_title(lines, start)
    if title_index is not None:
        article.title = lines[title_index].text
        if title_index == start:  # the headline opened the segment: the story starts after it
            start += 1
    article.date = _find_date(lines, title_index, start, end)
    article.source = (
        next((ln.caption_source for ln in lines if ln.caption_source), None)
        or find_site(lines)
        or find_masthead(lines, title_index)
    )
    kept = [ln for i, ln in enumerate(lines[start:end], start) if not ln.noise and i != title_index]
    for index, line in enumerate(kept):
        if line.code:
            previous = kept[index - 1] if index else None
            if previous is not None and previous.code and article.paragraphs:
                article.paragraphs[-1] += "\n" + line.text  # a code block keeps its lines
            else:
                article.paragraphs.append(line.text)
            continue
        if line.body:
            article.paragraphs.append(line.text)
            continue
        following = kept[index + 1] if index + 1 < len(kept) else None
        if headline_like(line) and following is not None and following.body:
            article.headings.append(len(article.paragraphs))
            article.paragraphs.append(line.text)
        elif (
            len(words_of(line.text)) >= 3
            and not line.dated
            and not DATE_TIME_LINE.search(line.text)
        ):
            article.paragraphs.append(line.text)
    if article.title and article.paragraphs and article.paragraphs[0] == article.title:
        article.paragraphs.pop(0)
        article.headings = [h - 1 for h in article.headings if h > 0]
    return article
