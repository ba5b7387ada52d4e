"""wallabag's JSON export: a list of entries with ``url``, ``title``, ``content`` (the saved
HTML), ``tags``, ``created_at``/``published_at`` and ``annotations`` (``quote`` and ``text``,
the user's note)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ImportFailure
from .common import any_date, json_head, json_of, text
from .models import ArchiveItem, Highlight

_KEYS = {"url", "content"}
_MARKS = {"is_archived", "is_starred", "annotations", "reading_time", "domain_name"}


def sniff(data: bytes) -> bool:
    records = json_head(data)
    if not isinstance(records, list) or not records or not isinstance(records[0], dict):
        return False
    keys = set(records[0])
    return keys >= _KEYS and bool(_MARKS & keys)


def read(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    records = json_of(data)
    if not isinstance(records, list):
        raise ImportFailure("not a list of entries")
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not text(record.get("url")):
            yield ImportFailure(f"entry {number}: no URL")
            continue
        content = text(record.get("content"))
        tags = [
            str(t.get("label") if isinstance(t, dict) else t).strip()
            for t in record.get("tags") or []
        ]
        marks = [
            Highlight(text(a.get("quote")) or "", text(a.get("text")) or "")
            for a in record.get("annotations") or []
            if isinstance(a, dict) and text(a.get("quote"))
        ]
        yield ArchiveItem(
            url=text(record.get("url")),
            title=text(record.get("title")),
            tags=[t for t in tags if t and t != "None"],
            date=any_date(record.get("published_at")) or any_date(record.get("created_at")),
            content=content.encode("utf-8") if content else None,
            content_kind="html",
            highlights=marks,
            number=number,
        )
