"""Read-it-later exports: Pocket (CSV and HTML), Omnivore (zip of JSON and Markdown), wallabag
(JSON), Instapaper (CSV). Each is recognised by its content, never by its name alone: a CSV
by its header row, a JSON file by its records' keys, a zip by its members, an HTML file by
Pocket's export markers. Anything else is not ours (``detect`` returns None) and is handled as
before: skipped in a folder, refused (or read as a page) when named.

Pure: bytes in, :class:`ArchiveItem` records out (URL, title, tags, date, the saved text where
the export has it, highlights); the library turns them into articles (reader.library.ingest).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..models import ImportFailure
from .models import ArchiveItem, Highlight

__all__ = [
    "ARCHIVES",
    "SUFFIXES",
    "ArchiveFormat",
    "ArchiveItem",
    "Highlight",
    "detect",
    "maybe_archive",
]

Reader = Callable[[bytes], Iterator[ArchiveItem | ImportFailure]]


@dataclass(frozen=True)
class ArchiveFormat:
    name: str  # "pocket-csv"
    label: str  # "Pocket export (CSV)"
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]  # is this content ours?
    read: Reader


def _formats() -> list[ArchiveFormat]:
    from . import instapaper, omnivore, pocket, wallabag

    return [
        ArchiveFormat(
            "pocket-csv", "Pocket export (CSV)", (".csv",), pocket.sniff_csv, pocket.read_csv
        ),
        ArchiveFormat(
            "instapaper-csv",
            "Instapaper export (CSV)",
            (".csv",),
            instapaper.sniff,
            instapaper.read,
        ),
        ArchiveFormat(
            "pocket-html",
            "Pocket export (HTML)",
            (".html", ".htm"),
            pocket.sniff_html,
            pocket.read_html,
        ),
        ArchiveFormat(
            "wallabag-json", "wallabag export (JSON)", (".json",), wallabag.sniff, wallabag.read
        ),
        ArchiveFormat(
            "pocket-annotations",
            "Pocket highlights export (JSON)",
            (".json",),
            pocket.sniff_annotations,
            pocket.read_annotations,
        ),
        ArchiveFormat(
            "omnivore-zip", "Omnivore export (zip)", (".zip",), omnivore.sniff, omnivore.read
        ),
    ]


class _Lazy:
    """The table, built on first use (listing suffixes must not load the readers)."""

    _table: list[ArchiveFormat] | None = None

    def __iter__(self) -> Iterator[ArchiveFormat]:
        if _Lazy._table is None:
            _Lazy._table = _formats()
        return iter(_Lazy._table)


ARCHIVES = _Lazy()
SUFFIXES = (".csv", ".json", ".zip", ".html", ".htm")
ONLY_ARCHIVE = (".csv", ".json", ".zip")  # suffixes no single-article format reads


def detect(name: str, data: bytes) -> ArchiveFormat | None:
    """The archive format ``data`` (a file called ``name``) is in, by its content; None if it
    is none of them."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in SUFFIXES:
        return None
    for fmt in ARCHIVES:
        if suffix in fmt.suffixes:
            try:
                if fmt.sniff(data):
                    return fmt
            except Exception:  # noqa: BLE001 - a sniffer never decides by crashing
                continue
    return None


def maybe_archive(path: str) -> bool:
    """For folder imports: a ``.csv``/``.json``/``.zip`` file is taken only if it is one of
    the exports (read by content); other such files are skipped as before."""
    try:
        with open(path, "rb") as fh:
            data = fh.read() if path.lower().endswith(".zip") else fh.read(256 * 1024)
    except OSError:
        return True  # let the import report why it cannot be read
    return detect(path, data) is not None
