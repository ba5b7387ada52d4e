"""Fetched pages and link-only items as importer input: what ``reader import URL``, ``reader
feed update``, ``reimport --refetch`` and the read-it-later archives share.

A page goes through the normal importer (:func:`reader.importing.importer.parse_document`) as
the kind its Content-Type says (HTML, plain text, Markdown); anything else (a PDF, an image,
JSON) is refused with the type named. An item whose page could not be had becomes a *partial*
article: a one-line JSON record in the importer's JSONL shape (title, url, date, source, and the
feed's summary, else the link, as text), so it is stored, deduplicated and re-imported like a
corpus line, and ``reimport --refetch`` can later replace it with the page.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.importing.models import ImportFailure, ParsedArticle, apply_given

if TYPE_CHECKING:
    from reader.fetching.http import Response

_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|article)\b", re.I)
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_KINDS = {
    "text/html": "page.html",
    "application/xhtml+xml": "page.html",
    "text/plain": "page.txt",
    "text/markdown": "page.md",
    "text/x-markdown": "page.md",
}


def page_name(content_type: str) -> str:
    """The file name the importer reads a page as (its extension picks the format)."""
    if not content_type:
        return "-"  # no type given: sniffed, HTML or text
    name = _KINDS.get(content_type)
    if name is None:
        raise ImportFailure(f"not a web page ({content_type})")
    return name


def page_bytes(response: Response) -> bytes:
    """The page as it is kept: its bytes, with the charset the server named declared in the
    page when the page declares none and is not UTF-8 (so every later read decodes it the
    same way)."""
    body = response.body
    charset = response.charset
    if not charset or page_name(response.content_type) != "page.html":
        return body
    from reader.importing.decode import declared_charset

    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return body
    if name == "utf-8" or declared_charset(body):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        return f'<meta charset="{name}">\n'.encode("ascii") + body


def parse_page(response: Response, given: dict[str, Any]) -> tuple[ParsedArticle, bytes]:
    """A fetched page through the importer, with the outside fields applied; ImportFailure if
    it is not a page we can read."""
    from reader.importing.importer import parse_document

    name = page_name(response.content_type)
    data = page_bytes(response)
    if name == "-":  # no Content-Type: markup near the start makes it a page
        name = "page.html" if _MARKUP.search(data[:4096]) else "page.txt"
    return apply_given(parse_document(data, name), given), data


def parse_fetched(response: Response, given: dict[str, Any]) -> tuple[ParsedArticle, bytes]:
    """A fetched page through the importer with its dedupe key: the job a parse worker runs
    (``AnalysisPool.limited``: under the same CPU and memory limits as a file's parse) for
    ``import URL``, ``feed update``, ``reimport --refetch`` and an archive's ``--fetch``.
    ImportFailure for any failure, with its reason."""
    from .analysis_pool import with_content_key

    parsed, data = guarded(parse_page, response, given)
    return with_content_key(parsed), data


def guarded(parse: Callable[..., Any], *args: Any) -> Any:
    """The importer's own failures as they are; anything else in it as one ImportFailure (one
    bad page must not stop an update)."""
    try:
        return parse(*args)
    except ImportFailure:
        raise
    except RecursionError:
        raise ImportFailure("document nested too deeply") from None
    except Exception as exc:  # noqa: BLE001
        raise ImportFailure(f"cannot be read ({type(exc).__name__}: {exc})") from None


def partial_record(
    *,
    url: str | None,
    title: str | None,
    date: str | None = None,
    source: str | None = None,
    summary: str | None = None,
    tags: list[str] | tuple[str, ...] = (),
) -> bytes:
    """The JSONL line a partial article is kept as: the summary (HTML or text, cleaned by the
    importer) as its text, else the link."""
    text = _summary_text(summary) if summary else None
    record: dict[str, Any] = {"title": title, "url": url, "date": date, "source": source}
    record = {k: v for k, v in record.items() if v}
    if tags:
        record["tags"] = list(tags)
    record["text"] = text or url or title or ""
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def parse_partial(line: bytes, name: str, given: dict[str, Any]) -> ParsedArticle:
    from reader.importing.importer import iter_jsonl

    for _number, item in iter_jsonl(line, name):
        if isinstance(item, ImportFailure):
            raise item
        item.partial = True
        return apply_given(item, given)
    raise ImportFailure("nothing to import")


def _summary_text(summary: str) -> str | None:
    """A feed's summary as clean text: HTML through the importer's HTML cleaner; plain text
    as it is (the JSONL reader normalises it; the scraped-text cleaner would drop short
    lines, and highlighted passages must stay word for word)."""
    from reader.importing.importer import parse_document

    if not _TAG.search(summary):
        return summary.strip() or None
    try:
        return parse_document(summary.encode("utf-8"), "summary.html").text
    except ImportFailure:
        return None
