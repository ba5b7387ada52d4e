"""What an export holds for one saved item (pure records)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Highlight:
    quote: str  # the passage the user marked, as the export has it
    note: str = ""  # what the user wrote about it


@dataclass
class ArchiveItem:
    url: str | None
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD: published if the export knows, else saved
    content: bytes | None = None  # the saved text, as the export has it
    content_kind: str = "html"  # "html" | "md" | "txt": how to read ``content``
    excerpt: str | None = None  # a short text the export keeps (partial articles show it)
    highlights: list[Highlight] = field(default_factory=list)
    number: int = 0  # where it is in the export (line, record), for error lines
