"""Library rows as plain objects: what the table shows, sorts and filters (no Textual here).

Built once per load from the article index and the annotation summaries; a filter keystroke is
a list comprehension over pre-folded strings, so 100,000 rows filter in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from reader.textutil import strip_control

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    """strip_control only when needed: the index is already clean, so this is the fast path."""
    return strip_control(text) if _UNSAFE.search(text) else text


COLUMNS: tuple[tuple[str, str], ...] = (
    ("read", "●"),
    ("date", "Date"),
    ("source", "Source"),
    ("title", "Title"),
    ("tags", "Tags"),
    ("notes", "Notes"),
    ("quotes", "Quotes"),
)
NUMERIC = {"notes", "quotes"}


_NO_SUMMARY = None


class Row:
    """One article in the table: a thin view over its index entry and annotation summary.

    Fields are read on demand, so building 100,000 rows costs one small object each and only
    the rows on screen (or being sorted/filtered) ever format anything.
    """

    __slots__ = ("hay", "meta", "summary")

    def __init__(self, meta: Any, summary: Any = None) -> None:
        self.meta = meta
        self.summary = summary
        self.hay: str | None = None

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def date(self) -> str:
        return self.meta.date or ""

    @property
    def source(self) -> str:
        return _safe(self.meta.source or "")

    @property
    def title(self) -> str:
        return _safe(self.meta.title or "") or "(untitled)"

    @property
    def quotes(self) -> int:
        return self.meta.quotes or 0

    @property
    def actors(self) -> list[str]:
        return self.meta.actors or []

    @property
    def tag_list(self) -> list[str]:
        tags = getattr(self.summary, "tags", None)
        return [_safe(t) for t in tags] if tags else []

    @property
    def tags(self) -> str:
        return " ".join(self.tag_list)

    @property
    def notes(self) -> int:
        return getattr(self.summary, "notes", 0) or 0

    @property
    def read(self) -> bool:
        return bool(getattr(self.summary, "read", False))

    @property
    def error(self) -> str:
        """Why the article's annotation file could not be read ("" when it is fine)."""
        # an unreadable file, or records left out of its counts: marked, never "0 notes"
        return getattr(self.summary, "error", "") or getattr(self.summary, "bad", "") or ""

    @property
    def position(self) -> int:
        return getattr(self.summary, "position", 0) or 0

    def apply(self, summary: Any) -> bool:
        """Take a new annotation summary; True if what the table shows changed."""
        old = (self.tag_list, self.notes, self.read, self.error)
        self.summary = summary
        if old == (self.tag_list, self.notes, self.read, self.error):
            return False
        self.hay = None
        return True

    def haystack(self) -> str:
        """Folded title, source, tags and actor names: what `/` searches."""
        if self.hay is None:
            self.hay = f"{self.title} {self.source} {self.tags} {' '.join(self.actors)}".casefold()
        return self.hay

    def key(self, column: str) -> Any:
        if column == "read":
            return self.read
        value = getattr(self, column)
        return value if column in NUMERIC else value.casefold()


class ColumnRow(Row):
    """A Row read straight from the index columns (reader.library.index_columns): building
    100,000 of them is one small object each, with no ArticleMeta made before it is needed."""

    __slots__ = ("_at", "_columns", "_view")

    def __init__(self, columns: Any, at: int, summary: Any = None) -> None:
        self._columns = columns
        self._at = at
        self._view = None
        self.summary = summary
        self.hay = None

    @property
    def meta(self) -> Any:
        if self._view is None:
            self._view = self._columns.view(self._at)
        return self._view

    @property
    def id(self) -> str:
        return self._columns.ids[self._at]

    @property
    def date(self) -> str:
        return self._columns.hot["date"][self._at] or ""

    @property
    def source(self) -> str:
        return _safe(self._columns.hot["source"][self._at] or "")

    @property
    def title(self) -> str:
        return _safe(self._columns.hot["title"][self._at] or "") or "(untitled)"

    @property
    def quotes(self) -> int:
        return self._columns.hot["quotes"][self._at] or 0

    @property
    def actors(self) -> list[str]:
        return self._columns.actors(self._at)

    def haystack(self) -> str:
        if self.hay is None:
            names = self._columns.hot["actors"][self._at].replace("\x1f", " ")
            self.hay = f"{self.title} {self.source} {self.tags} {names}".casefold()
        return self.hay


def rows_from_columns(columns: Any, summaries: dict[str, Any]) -> list[Row]:
    """One ColumnRow per article, in the columns' order (newest first)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        get = summaries.get
        ids = columns.ids
        return list(map(ColumnRow, [columns] * len(ids), range(len(ids)), map(get, ids)))
    finally:
        if enabled:
            gc.enable()


def build_rows(metas: Iterable[Any], summaries: dict[str, Any]) -> list[Row]:
    """One Row per article; the collector is paused (100,000 new objects would trigger it
    again and again for nothing: rows hold no cycles)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        get = summaries.get
        return [Row(m, get(m.id)) for m in metas]
    finally:
        if enabled:
            gc.enable()


def filter_rows(
    rows: Sequence[Row],
    query: str = "",
    *,
    tag: str | None = None,
    actor: str | None = None,
) -> list[Row]:
    """Rows whose title/source/tags/actors hold every word of ``query``, with the tag/actor."""
    words = query.casefold().split()
    out: list[Row] = list(rows)
    if tag:
        wanted = tag.casefold()
        out = [
            r
            for r in out
            if any(
                t.casefold() == wanted or t.casefold().startswith(wanted + "/") for t in r.tag_list
            )
        ]
    if actor:
        wanted = actor.casefold()
        out = [r for r in out if any(a.casefold() == wanted for a in r.actors)]
    for word in words:
        out = [r for r in out if word in (r.hay if r.hay is not None else r.haystack())]
    return out


def sort_rows(rows: list[Row], column: str, reverse: bool) -> list[Row]:
    return sorted(rows, key=lambda r: r.key(column), reverse=reverse)
