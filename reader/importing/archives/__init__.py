"""Read-it-later exports: Pocket (CSV and HTML), Omnivore (zip of JSON and Markdown), wallabag
(JSON), Instapaper (CSV). Each module gives a ``sniff`` (is this content ours? a CSV by its
header row, a JSON file by its records' keys, a zip by its members, an HTML file by Pocket's
export markers) and a ``read``; each export is an entry of the format registry
(reader.importing.formats ``FORMATS``), which is where an import asks which export a file is.

Pure: bytes in, :class:`ArchiveItem` records out (URL, title, tags, date, the saved text where
the export has it, highlights); the library turns them into articles (reader.library.ingest).
"""

from __future__ import annotations

from .models import ArchiveItem, Highlight

__all__ = ["ArchiveItem", "Highlight"]
