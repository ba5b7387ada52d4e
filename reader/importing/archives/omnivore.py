"""Omnivore's export (Omnivore closed in 2024): a zip of ``metadata_*.json`` (lists of items:
``slug``, ``title``, ``url``, ``labels``, ``savedAt``, ``publishedAt``, ``description``), the
saved text per item as ``content/SLUG.md`` (Markdown; some exports have ``.html``), and the
highlights as ``highlights/SLUG.md``: each a ``> quote`` block, the user's note after it."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from ..models import ImportFailure
from .common import any_date, json_of, text
from .models import ArchiveItem, Highlight

_METADATA = re.compile(r"(^|/)metadata_[^/]*\.json$")
MAX_MEMBER = 20 * 1024 * 1024
_BACKLINK = re.compile(r"\s*\[[^\]]*\]\((?:https?://omnivore\.app|omnivore:)[^)]*\)\s*$")


def sniff(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_METADATA.search(n) for n in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def read(data: bytes) -> Iterator[ArchiveItem | ImportFailure]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFailure("damaged zip archive") from None
    with archive:
        names = set(archive.namelist())
        number = 0
        for meta_name in sorted(n for n in names if _METADATA.search(n)):
            root = meta_name.rsplit("/", 1)[0] + "/" if "/" in meta_name else ""
            records = json_of(_member(archive, meta_name))
            if not isinstance(records, list):
                yield ImportFailure(f"{meta_name}: not a list of items")
                continue
            for record in records:
                number += 1
                if not isinstance(record, dict) or not text(record.get("url")):
                    yield ImportFailure(f"item {number}: no URL")
                    continue
                slug = text(record.get("slug")) or ""
                content, kind = None, "md"
                for suffix, found_kind in ((".md", "md"), (".html", "html")):
                    member = f"{root}content/{slug}{suffix}"
                    if slug and member in names:
                        content, kind = _member(archive, member), found_kind
                        break
                marks: list[Highlight] = []
                member = f"{root}highlights/{slug}.md"
                if slug and member in names:
                    marks = parse_highlights(_member(archive, member).decode("utf-8", "replace"))
                yield ArchiveItem(
                    url=text(record.get("url")),
                    title=text(record.get("title")),
                    tags=_labels(record.get("labels")),
                    date=any_date(record.get("publishedAt")) or any_date(record.get("savedAt")),
                    content=content if content and content.strip() else None,
                    content_kind=kind,
                    excerpt=text(record.get("description")),
                    highlights=marks,
                    number=number,
                )


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER:
        raise ImportFailure(f"{name}: too large ({info.file_size // (1024 * 1024)} MB)")
    return archive.read(name)


def _labels(value: object) -> list[str]:
    labels = []
    for label in value if isinstance(value, list) else []:
        name = label.get("name") if isinstance(label, dict) else label
        if isinstance(name, str) and name.strip():
            labels.append(name.strip())
    return labels


def parse_highlights(markdown: str) -> list[Highlight]:
    """``> quote`` blocks (a quote may span lines), each with the text after it as its note;
    Omnivore's link back to the highlight is dropped. A heading line is ignored."""
    found: list[Highlight] = []
    quote: list[str] = []
    note: list[str] = []

    def close() -> None:
        if quote:
            text_ = _BACKLINK.sub("", " ".join(q.strip() for q in quote)).strip()
            if text_:
                found.append(Highlight(text_, "\n".join(note).strip()))
        quote.clear()
        note.clear()

    for line in markdown.splitlines():
        if line.startswith(">"):
            if note:  # a new quote after a note: the previous one is complete
                close()
            quote.append(line[1:].strip())
        elif line.startswith("#") and not quote:
            continue
        elif quote:
            note.append(line)
    close()
    return found
