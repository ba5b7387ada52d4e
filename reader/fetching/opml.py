"""OPML, the subscription list every feed reader imports and exports.

Reading takes every ``<outline>`` with an ``xmlUrl`` (any nesting); its tags are the comma-
separated ``category`` attribute (OPML 2.0) plus the names of the folders (outlines without a
URL) it sits in, as newsboat, Feedly and Thunderbird export them. Writing gives one flat outline
per feed, its tags in ``category``. Pure: bytes in and out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from reader.base.errors import ReaderError


class OPMLError(ReaderError):
    """A file that is not an OPML subscription list; ``str(exc)`` is the reason."""


@dataclass
class Subscription:
    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


def read_opml(data: bytes) -> list[Subscription]:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OPMLError(f"not an OPML file (XML error: {exc})") from None
    if root.tag.lower() != "opml":
        raise OPMLError(f"not an OPML file (the root element is <{root.tag}>)")
    body = next((child for child in root if child.tag.lower() == "body"), None)
    if body is None:
        raise OPMLError("not an OPML file (no <body>)")
    found: list[Subscription] = []

    def walk(node, folders: list[str]) -> None:
        for outline in node:
            if outline.tag.lower() != "outline":
                continue
            attrs = {k.lower(): v for k, v in outline.attrib.items()}
            name = (attrs.get("title") or attrs.get("text") or "").strip()
            url = (attrs.get("xmlurl") or "").strip()
            if url:
                tags = list(folders)
                for category in (attrs.get("category") or "").split(","):
                    category = category.strip().strip("/")
                    if category:
                        tags.append(category)
                found.append(Subscription(url, name or None, list(dict.fromkeys(tags))))
            else:
                walk(outline, folders + ([name] if name else []))

    walk(body, [])
    return found


def write_opml(feeds: list[Subscription], title: str = "reader subscriptions") -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        name = feed.title or feed.url
        attrs = f'type="rss" text={quoteattr(name)} title={quoteattr(name)}'
        attrs += f" xmlUrl={quoteattr(feed.url)}"
        if feed.tags:
            attrs += f" category={quoteattr(','.join(feed.tags))}"
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode("utf-8")


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
