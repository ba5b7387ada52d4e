"""The normal form every import format ends in (one function, so every format agrees).

Control characters stripped, paragraphs separated by one blank line, headings recorded by
paragraph index, the title not repeated at the top of the body, the language detected when the
document did not say.
"""

from __future__ import annotations

import re

from reader.textutil import strip_control

from .models import ImportFailure, ParsedArticle


def finish(article: ParsedArticle, paragraphs: list[str], headings: list[int]) -> ParsedArticle:
    """Normal form: control chars out, title not repeated first, paragraphs joined by one blank line."""
    cleaned: list[str] = []
    kept_headings: list[int] = []
    heading_set = set(headings)
    for index, paragraph in enumerate(paragraphs):
        text = strip_control(paragraph).replace("\t", " ").replace("\u00ad", "")  # soft hyphens
        text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
        if not text:
            continue
        if index in heading_set:
            kept_headings.append(len(cleaned))
        cleaned.append(text)
    if article.title:
        article.title = " ".join(strip_control(article.title).replace("\u00ad", "").split()) or None
    if article.title and cleaned and _norm(cleaned[0]) == _norm(article.title):
        cleaned.pop(0)
        kept_headings = [h - 1 for h in kept_headings if h > 0]
    if not cleaned:
        raise ImportFailure("no article text found")
    article.text = "\n\n".join(cleaned)
    article.headings = kept_headings
    for attr in ("source", "url", "lang"):
        value = getattr(article, attr)
        if value is not None:
            setattr(article, attr, " ".join(strip_control(str(value)).split()) or None)
    # tags found in a document are text too: control characters out (the store refuses them,
    # and one bad tag must not cost the batch its tags), empty ones dropped
    tags = (" ".join(strip_control(str(t)).split()).strip("/ ") for t in article.tags)
    article.tags = list(dict.fromkeys(t for t in tags if t))
    if article.lang is None:
        from .meta import detect_lang  # lazy: the CLI's help lists formats without loading it

        article.lang = detect_lang(article.text)
    return article


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
