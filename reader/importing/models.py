"""What the importer makes of a document: pure records, no library involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.base.errors import ReaderError


class ImportFailure(ReaderError):
    """A document that cannot be imported; ``str(exc)`` is the one-line reason."""


@dataclass
class ParsedArticle:
    """What the importer makes of one document (pure: no library involved).

    ``text`` is the clean body: paragraphs separated by one blank line, headings as their own
    paragraph, no control characters. ``date`` is ``YYYY-MM-DD`` or ``None``.
    """

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    tags: list[str] = field(default_factory=list)
    format: str = "txt"  # txt | md | html | jsonl | stdin
    headings: list[int] = field(default_factory=list)  # indexes of paragraphs that are headings
    replaced: int = 0  # bytes that were not valid in the encoding and became U+FFFD (warned)
    # set by whoever fetched it, not by the document (see reader.library.fetched):
    feed: str | None = None  # the feed (id) it came from
    partial: bool = False  # the page could not be had: the text is a summary or just the link
    given: dict[str, Any] = field(default_factory=dict)  # fields known from outside the document
    # dedupe.content_key(text) when a parse worker computed it (the library's dedupe then
    # need not); None: computed when the article is stored
    content_key: str | None = None


def apply_given(article: ParsedArticle, given: dict[str, Any]) -> ParsedArticle:
    """Fields known from outside the document (the URL it was fetched from, a feed entry's
    title and date, the feed's name, its tags): ``url`` wins over the page's own link;
    ``title``, ``date`` and ``source`` fill only what the page lacks; ``tags`` are added. Kept
    in ``given`` so a reimport applies them again."""
    article.given = dict(given)
    for tag in given.get("tags") or ():
        if tag not in article.tags:
            article.tags.append(tag)
    if given.get("url"):
        article.url = given["url"]
    for name in ("title", "date", "source"):
        if given.get(name) and not getattr(article, name):
            setattr(article, name, given[name])
    return article
