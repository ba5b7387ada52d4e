"""What the importer makes of a document: pure records, no library involved."""

from __future__ import annotations

from dataclasses import dataclass, field

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
