"""Parsers of the one-article formats that arrive as text: scraped/plain text, Markdown, HTML.

Each takes the decoded document and returns its ParsedArticle in normal form (normal.py); the
format registry (formats.py) says which suffixes and content go to which. The extraction
libraries (and the metadata helpers) load only when a format needs them, so listing the formats
costs nothing.
"""

from __future__ import annotations

import re

from reader.textutil import strip_control

from .decode import sniff_view
from .models import ImportFailure, ParsedArticle
from .normal import finish

_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_FRAGMENT = re.compile(rb"^\s*<[a-z!?]", re.I)
_HTML_CLOSING = re.compile(rb"</(?:p|div|article|section|span|a|h[1-6]|li)>", re.I)


def looks_like_html(data: bytes) -> bool:
    """Pasted text: a page or a fragment of markup (not prose that mentions a <tag> once)."""
    data = sniff_view(data)  # UTF-16 markup is markup too
    head = data[:4096]
    if _HTML_SNIFF.search(head):
        return True
    return bool(_HTML_FRAGMENT.match(head)) and len(_HTML_CLOSING.findall(data[:65536])) >= 2


def looks_like_pasted_markdown(data: bytes) -> bool:
    """Pasted text that is a Markdown document (front matter, or a # headline with more Markdown
    after it) and not markup."""
    from .markdown import looks_like_markdown

    return not looks_like_html(data) and looks_like_markdown(data)


def page_named_as_text(data: bytes) -> str | None:
    """A saved page named .txt: read as HTML."""
    data = sniff_view(data, 512)
    return "html" if _HTML_SNIFF.match(data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")) else None


def text_named_as_page(data: bytes) -> str | None:
    """Text named .html, with no markup at all: read as text."""
    data = sniff_view(data)
    return None if re.search(rb"<[a-zA-Z!/]", data[:65536]) else "txt"


def parse_text(text: str) -> ParsedArticle:
    from .scraped import clean_scraped

    scraped = clean_scraped(strip_control(text))
    article = ParsedArticle(
        text="", title=scraped.title, date=scraped.date, source=scraped.source, format="txt"
    )
    if not scraped.paragraphs:
        raise ImportFailure("no article text found")
    return finish(article, scraped.paragraphs, scraped.headings)


def parse_markdown(text: str) -> ParsedArticle:
    from .markdown import markdown_blocks, parse_front_matter
    from .meta import parse_date

    fields, body = parse_front_matter(strip_control(text))
    paragraphs, headings = markdown_blocks(body)
    title = fields.get("title")
    if not title and paragraphs and len(paragraphs) > 1:
        first = paragraphs[0]
        if (headings and headings[0] == 0) or (
            len(first.split()) <= 15 and first[-1] not in ".,;:"
        ):
            title = first  # a leading "# Headline", or a short first line that reads as one
    found = fields.get("tags") or fields.get("keywords") or []
    tags: list[object]
    if isinstance(found, str):
        tags = [t.strip() for t in found.split(",")]
    else:
        tags = list(found) if isinstance(found, list | tuple) else [found]
    article = ParsedArticle(
        text="",
        title=str(title) if title else None,
        date=parse_date(str(fields["date"])) if fields.get("date") else None,
        source=str(fields["source"]) if fields.get("source") else None,
        url=str(fields["url"]) if fields.get("url") else None,
        lang=str(fields["lang"]).lower()[:2] if fields.get("lang") else None,
        tags=[str(t) for t in tags if str(t).strip()],
        format="md",
    )
    return finish(article, paragraphs, headings)


def parse_html(text: str) -> ParsedArticle:
    from .html import extract_html
    from .meta import parse_date

    doc = extract_html(strip_control(text))  # whole control sequences, as text and Markdown
    article = ParsedArticle(
        text="",
        title=doc.title,
        date=parse_date(doc.date),
        source=doc.source,
        url=doc.url,
        format="html",
    )
    return finish(article, doc.paragraphs, doc.headings)
