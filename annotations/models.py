"""Annotation records (dataclasses returned by the store; ISO-8601 strings for times)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Anchor:
    """Where a passage note sits: W3C TextQuoteSelector + TextPositionSelector + paragraph."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    paragraph: int = 0

    def to_dict(self) -> dict[str, Any]:
        # as asdict() gives it, in field order, without its deep copy (a merge writes thousands)
        return {
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
        }


@dataclass
class Note:
    id: str
    article: str
    text: str
    tags: list[str] = field(default_factory=list)
    passage: Anchor | None = None
    orphan: bool = False
    created: str = ""
    updated: str = ""
    coder: str = ""  # who wrote it ("": before coders existed; the store fills in its coder)
    codebook: Any = None  # the codebook's version when it was written (None: no codebook)
    quote: str | None = None  # a code on a quotation: its id (ARTICLE:START-END)

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: {"id","article","text","tags","passage","orphan","created","updated"}
        plus (issue 17) "coder", "codebook", "quote".

        ``passage`` is null or {"exact","prefix","suffix","start","end"} (plus extensions).
        """
        d = asdict(self)
        d["passage"] = self.passage.to_dict() if self.passage else None
        return d


@dataclass
class ArticleSummary:
    """What the library table needs per article, without opening every annotation file."""

    tags: list[str] = field(default_factory=list)
    notes: int = 0
    read: bool = False
    position: int = 0
    orphans: int = 0  # notes (counted in ``notes``) whose article or passage is gone
    error: str = ""  # the article's annotation file could not be read (why, and the backup)
    bad: str = ""  # damaged records left out of the counts, one line each (record, field, why)
