"""A feed's bytes to its entries: RSS 0.9x/1.0/2.0 and Atom through ``feedparser`` (loaded only
when a feed is read), JSON Feed 1.0/1.1 here (feedparser 6 does not read it).

Pure: bytes in, :class:`ParsedFeed` out, or a one-line :class:`FeedError`. Broken XML is read as
far as it goes (feedparser's loose parser) and a wrong declared encoding is overridden, both
noted in ``warning``; relative links are resolved against the feed's URL. Each entry gets a
``key`` that stays the same when the feed reorders or rewrites the entry: its GUID (Atom id,
JSON Feed id), else its link, else a hash of its title and text; an id the feed repeats for
different entries is made unique with the link.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from reader.base.errors import ReaderError


class FeedError(ReaderError):
    """Bytes that are not a feed we can read; ``str(exc)`` is the one-line reason."""


@dataclass(slots=True)  # an update can hold thousands before their pages are asked
class Entry:
    key: str  # what "seen before" is keyed by
    link: str | None
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    text: str | None = None  # the feed's content, else its summary (HTML or plain text)
    author: str | None = None


@dataclass
class ParsedFeed:
    title: str | None
    link: str | None  # the site the feed belongs to
    entries: list[Entry] = field(default_factory=list)
    warning: str | None = None  # the feed was damaged but readable: what was wrong


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The feed in ``body`` (fetched from ``url``, with the server's Content-Type header)."""
    if not body.strip():
        raise FeedError("empty answer, not a feed")
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if "json" in content_type.lower() or head in (b"{", b"["):
        return _json_feed(body, url)
    return _xml_feed(body, url, content_type)


def _xml_feed(body: bytes, url: str, content_type: str) -> ParsedFeed:
    import feedparser  # lazy: ~100 ms to load, only feeds need it

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        result = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - feedparser's own failures, one line
        raise FeedError(f"not a readable feed ({type(exc).__name__})") from None
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if not result.get("version") and not result.entries:
        why = f" ({_short(problem)})" if problem else ""
        raise FeedError(f"not a feed: no RSS, Atom or JSON Feed found{why}")
    meta = result.feed
    entries = []
    for item in result.entries:
        link = _link(url, item.get("link"))
        contents = [c.get("value") or "" for c in item.get("content") or []]
        summary = item.get("summary") or ""
        text = max(contents + [summary], key=len) or None
        parsed_date = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            Entry(
                key=(item.get("id") or "").strip(),
                link=link,
                title=_clean(item.get("title")),
                date=time.strftime("%Y-%m-%d", parsed_date) if parsed_date else None,
                text=text,
                author=_clean(item.get("author")),
            )
        )
    return ParsedFeed(
        title=_clean(meta.get("title")),
        link=_link(url, meta.get("link")),
        entries=_keyed(entries),
        warning=_short(problem) if problem else None,
    )


def _json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FeedError("not a feed: not valid JSON") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("not a feed: JSON without a JSON Feed version")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("not a feed: JSON Feed without items")
    feed_url = data.get("feed_url")
    base: str = feed_url if isinstance(feed_url, str) else url
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _link(base, _text(item.get("url")) or _text(item.get("external_url")))
        content = _text(item.get("content_html")) or _text(item.get("content_text"))
        summary = _text(item.get("summary"))
        text = max([content or "", summary or ""], key=len) or None
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        author = next(
            (_text(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")), None
        )
        entries.append(
            Entry(
                key=_text(item.get("id")) or "",
                link=link,
                title=_clean(_text(item.get("title"))),
                date=_json_date(item.get("date_published") or item.get("date_modified")),
                text=text,
                author=_clean(author),
            )
        )
    return ParsedFeed(
        title=_clean(_text(data.get("title"))),
        link=_link(base, _text(data.get("home_page_url"))),
        entries=_keyed(entries),
    )


def _keyed(entries: list[Entry]) -> list[Entry]:
    """Every entry gets a key; an id repeated for different entries gets its link added."""
    counts: dict[str, int] = {}
    for entry in entries:
        if not entry.key:
            entry.key = (
                entry.link
                or "sha1:"
                + hashlib.sha1(
                    f"{entry.title or ''}\n{entry.text or ''}".encode(), usedforsecurity=False
                ).hexdigest()
            )
        counts[entry.key] = counts.get(entry.key, 0) + 1
    for entry in entries:
        if counts[entry.key] > 1 and entry.link:
            entry.key = f"{entry.key} {entry.link}"
    return entries


def _link(base: str, link: object) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    full = urljoin(base, link.strip())
    return full if full.lower().startswith(("http://", "https://")) else None


def _text(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    from reader.textutil import strip_control

    cleaned = " ".join(strip_control(value).split())
    return cleaned or None


def _json_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    from reader.importing.meta import parse_date

    return parse_date(value)


def _short(problem: object) -> str:
    text = " ".join(str(problem).split()) or type(problem).__name__
    return text if len(text) <= 120 else text[:119] + "…"
