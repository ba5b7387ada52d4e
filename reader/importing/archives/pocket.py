"""Pocket's exports (Pocket closed in 2025).

* CSV (the last export, ``part_000000.csv``): ``title,url,time_added,tags,status``; tags are
  separated by ``|``, ``time_added`` is seconds since 1970.
* HTML (``ril_export.html``, the older export): ``<a href=URL time_added=SECONDS
  tags="a,b">TITLE</a>`` in lists under "Unread" and "Read Archive".
* Highlights (``annotations/part_000000.json`` in the last export): a JSON list of
  ``{url, title, highlights: [{quote, created_at}]}``.

None of them keeps the article's text: items are partial unless fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from ..models import ImportFailure
from .common import csv_rows, header, json_head, json_of, split_tags, text, unix_date
from .models import ArchiveItem, Highlight

_CSV_COLUMNS = {"title", "url", "time_added"}


def sniff_csv(data: bytes) -> bool:
    return set(header(data)) >= _CSV_COLUMNS


def read_csv(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    for line, row in csv_rows(data):
        url = text(row.get("url"))
        if not url:
            yield ImportFailure(f"line {line}: no URL")
            continue
        yield ArchiveItem(
            url=url,
            title=text(row.get("title")),
            tags=split_tags(row.get("tags"), "|"),
            date=unix_date(row.get("time_added")),
            number=line,
        )


_POCKET_LINK = re.compile(rb"<a\s[^>]*\btime_added\s*=", re.IGNORECASE)


def sniff_html(data: bytes) -> bool:
    head = data[:65536]
    return b"Pocket Export" in head or bool(_POCKET_LINK.search(head))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[ArchiveItem] = []
        self._open: ArchiveItem | None = None
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        found = dict(attrs)
        self._open = ArchiveItem(
            url=text(found.get("href")),
            tags=split_tags(found.get("tags"), ","),
            date=unix_date(found.get("time_added")),
            number=len(self.items) + 1,
        )
        self._title = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            title = " ".join("".join(self._title).split())
            self._open.title = title if title and title != self._open.url else None
            self.items.append(self._open)
            self._open = None


def read_html(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    from ..decode import decode_bytes

    parser = _Links()
    parser.feed(decode_bytes(data, html=True))
    parser.close()
    for item in parser.items:
        if item.url:
            yield item
        else:
            yield ImportFailure(f"link {item.number}: no URL")


def sniff_annotations(data: bytes) -> bool:
    records = json_head(data)
    return (
        isinstance(records, list)
        and bool(records)
        and isinstance(records[0], dict)
        and "highlights" in records[0]
        and "url" in records[0]
        and "content" not in records[0]
    )


def read_annotations(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    records = json_of(data)
    if not isinstance(records, list):
        raise ImportFailure("not a list of saved items")
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not text(record.get("url")):
            yield ImportFailure(f"record {number}: no URL")
            continue
        marks = [
            Highlight(text(h.get("quote")) or "")
            for h in record.get("highlights") or []
            if isinstance(h, dict) and text(h.get("quote"))
        ]
        first = min(
            (h.get("created_at") for h in record.get("highlights") or [] if isinstance(h, dict)),
            default=None,
            key=lambda v: float(v) if isinstance(v, (int, float)) else 0,
        )
        yield ArchiveItem(
            url=text(record.get("url")),
            title=text(record.get("title")),
            date=unix_date(first),
            highlights=marks,
            number=number,
        )
