"""Instapaper's CSV export: ``URL,Title,Selection,Folder,Timestamp`` (newer exports add
``Tags``, a JSON list). ``Selection`` is the text the user had selected when saving: it is kept
as a highlight. A folder other than Unread, Archive and Starred becomes a tag."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..models import ImportFailure
from .common import csv_rows, header, split_tags, text, unix_date
from .models import ArchiveItem, Highlight

_COLUMNS = {"url", "title", "selection", "folder"}
_BUILT_IN = {"unread", "archive", "starred"}


def sniff(data: bytes) -> bool:
    return set(header(data)) >= _COLUMNS


def read(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    for line, row in csv_rows(data):
        url = text(row.get("url"))
        if not url:
            yield ImportFailure(f"line {line}: no URL")
            continue
        tags = _tags(row.get("tags"))
        folder = text(row.get("folder"))
        if folder and folder.casefold() not in _BUILT_IN:
            tags.append(folder)
        selection = text(row.get("selection"))
        yield ArchiveItem(
            url=url,
            title=text(row.get("title")),
            tags=tags,
            date=unix_date(row.get("timestamp")),
            highlights=[Highlight(selection)] if selection else [],
            number=line,
        )


def _tags(value: str | None) -> list[str]:
    if not value or not value.strip():
        return []
    try:
        found = json.loads(value)
    except ValueError:
        return split_tags(value, ",")
    if isinstance(found, list):
        return [str(t).strip() for t in found if str(t).strip()]
    return split_tags(value, ",")
