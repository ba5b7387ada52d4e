"""The library index's records (one row per stored article)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# "warning": imported all the same, with something to say (N bytes replaced, analysis failed)
ImportStatus = Literal["imported", "duplicate", "error", "warning"]


@dataclass
class ArticleMeta:
    """One article's row in the library index (no body text: that lives in its own file)."""

    id: str
    sha256: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    format: str
    file: str  # the name it was imported from ("-" for stdin, "FILE.jsonl:LINE" for corpora)
    added: str  # ISO-8601 timestamp
    content_key: str  # hash of the normalised body, for dedupe across formats
    words: int = 0
    quotes: int = 0  # quotations, kind "term" excluded
    actors: list[str] = field(default_factory=list)  # actor names, for filtering
    import_tags: list[str] = field(default_factory=list)  # tags found in the document itself
    edited: dict[str, Any] = field(default_factory=dict)  # user corrections, survive reimport
    feed: str | None = None  # the feed (id) it came from
    partial: bool = False  # fetched without its page: the text is the feed's summary or a link
    given: dict[str, Any] = field(default_factory=dict)  # fields from outside the document

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleMeta:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one imported document (or one line of a corpus), reported by the import
    batch and the import driver as each batch is committed."""

    name: str  # PATH, PATH:LINE for a corpus line, "-" for stdin
    status: ImportStatus
    meta: ArticleMeta | None = None  # imported: the new article; duplicate: the one it repeats
    reason: str = ""  # status "error" (or "warning"): why, in one line
