"""Library rows as plain objects: what the table shows, sorts and filters (no Textual here).

Built once per load from the article index and the annotation summaries; a filter keystroke is
a list comprehension over pre-folded strings, so 100,000 rows filter in milliseconds.
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections import Counter
from collections.abc import Generator, Iterable, Sequence
from itertools import chain, islice
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
        out = [r for r in out if tag_matches(r.tag_list, tag)]
    if actor:
        wanted = actor.casefold()
        out = [r for r in out if any(a.casefold() == wanted for a in r.actors)]
    for word in words:
        out = [r for r in out if word in (r.hay if r.hay is not None else r.haystack())]
    return out


def sort_rows(rows: list[Row], column: str, reverse: bool) -> list[Row]:
    return sorted(rows, key=lambda r: r.key(column), reverse=reverse)


# ---- the library at 1,000,000 rows: views over the columns, work in slices --------------------
# Nothing here holds one object per article: a view is the columns plus an order (positions in
# an array), a row object is made when it is read (the table reads the rows on screen), and the
# work over every row (sorting, filtering, counting) is a generator that does one chunk of rows
# per step, so the screen runs it in slices between paints and keystrokes.

STEP = 8192  # rows per step: the snapshot's chunk (index_snapshot.CHUNK), one read per column
SEPARATOR = "\x1f"  # joins actor names in the actors column (index_columns.SEPARATOR)


def _span(column: Any, k: int) -> Sequence[Any]:
    """Rows ``k * STEP`` to ``(k + 1) * STEP`` of a column, reading one chunk if it is lazy."""
    chunk = getattr(column, "chunk", None)
    if chunk is not None and column.step == STEP:
        return chunk(k)
    return column[k * STEP : (k + 1) * STEP]


class RowSource:
    """The rows of one load of the library: its columns (newest first) and the annotation
    summaries, with each chunk's folded filter text made once, when first filtered."""

    def __init__(self, columns: Any, summaries: dict[str, Any]) -> None:
        self.columns = columns
        self.summaries = summaries
        self._hay: dict[int, list[str]] = {}
        self._all_hay: list[str] | None = None
        self.on_damage: Any = None  # called when a chunk of the snapshot fails its check

    def __len__(self) -> int:
        return len(self.columns)

    @property
    def chunks(self) -> int:
        return -(-len(self.columns) // STEP)

    def row(self, at: int) -> ColumnRow:
        return ColumnRow(self.columns, at, self.summaries.get(self.columns.ids[at]))

    def ids(self, k: int) -> Sequence[str]:
        return _span(self.columns.ids, k)

    def find(self, article_id: str) -> int | None:
        return self.columns.find(article_id) if hasattr(self.columns, "find") else None

    def hay(self, k: int) -> list[str]:
        """Chunk ``k``'s folded title, source, tags and actors (Row.haystack of each row)."""
        found = self._hay.get(k)
        if found is None:
            found = self._hay[k] = self._fold(k)
        return found

    def _fold(self, k: int) -> list[str]:
        hot = self.columns.hot
        get = self.summaries.get
        ids, titles = _span(hot["id"], k), _span(hot["title"], k)
        sources, actors = _span(hot["source"], k), _span(hot["actors"], k)
        rows = zip(ids, titles, sources, actors, strict=True)
        if (
            _UNSAFE.search("".join(titles))
            or _UNSAFE.search("".join(s for s in sources if s))
            or "\n" in "".join(actors)
        ):  # the slow way, row by row (a control character to drop)
            return [
                f"{_title(t)} {_safe(s or '')} {_tags(get(i))} {a.replace(SEPARATOR, ' ')}".casefold()
                for i, t, s, a in rows
            ]
        # the whole chunk as one string, folded at once and cut at the newlines
        if self.summaries:
            lines = [f"{t or '(untitled)'} {s or ''} {_tags(get(i))} {a}" for i, t, s, a in rows]
        else:
            lines = [f"{t or '(untitled)'} {s or ''}  {a}" for _i, t, s, a in rows]
        return "\n".join(lines).replace(SEPARATOR, " ").casefold().split("\n")

    def all_hay(self) -> list[str]:
        """Every row's filter text, in the columns' order (one list, read at C speed)."""
        if self._all_hay is None:
            self._all_hay = list(chain.from_iterable(map(self.hay, range(self.chunks))))
        return self._all_hay

    def existing(self, wanted: set[str]) -> set[str]:
        """Those of ``wanted`` that are rows here (one scan of the id column)."""
        if not wanted:
            return set()
        found: set[str] = set()
        for k in range(self.chunks):
            found.update(wanted.intersection(self.ids(k)))
        return found

    def update_summaries(self, summaries: dict[str, Any]) -> tuple[set[str], set[str]]:
        """Take new summaries: the ids whose summary changed, and those of them whose tags
        changed (their chunks' filter text is made again when next filtered)."""
        old = self.summaries
        changed = {i for i in old.keys() | summaries.keys() if old.get(i) != summaries.get(i)}
        retagged = {i for i in changed if _tags(old.get(i)) != _tags(summaries.get(i))}
        self.summaries = summaries
        if retagged:
            self._all_hay = None
        if retagged and self._hay:
            for k in list(self._hay):
                if not retagged.isdisjoint(self.ids(k)):
                    del self._hay[k]
        return changed, retagged


def _title(title: str | None) -> str:
    return _safe(title or "") or "(untitled)"


def _tags(summary: Any) -> str:
    tags = getattr(summary, "tags", None)
    return " ".join(_safe(t) for t in tags) if tags else ""


class RowView(Sequence[Row]):
    """The rows of a source in an order: ``order`` holds positions in the columns (None: the
    columns' own order, newest first); a row object is made when read."""

    def __init__(self, source: RowSource, order: Sequence[int] | None = None) -> None:
        self.source = source
        self.order = order

    def __len__(self) -> int:
        return len(self.order) if self.order is not None else len(self.source)

    def position(self, index: int) -> int:
        return self.order[index] if self.order is not None else index

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        try:
            return self.source.row(self.position(index))
        except ValueError as exc:  # a chunk failed its check (SnapshotDamaged): reload
            if self.source.on_damage is not None:
                self.source.on_damage(exc)
            return Row(_Unreadable())

    def index_of(self, article_id: str) -> int | None:
        at = self.source.find(article_id)
        if at is None:
            return None
        if self.order is None:
            return at
        try:
            return self.order.index(at)
        except ValueError:
            return None

    def index(self, row: Any, start: int = 0, stop: int | None = None) -> int:
        found = self.index_of(row.id)
        if found is None:
            raise ValueError(f"{row.id} is not shown")
        return found

    def ids(self) -> list[str]:
        ids = self.source.columns.ids
        if self.order is None:
            return list(ids)
        return [ids[p] for p in self.order]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class _Unreadable:
    """What a row of a damaged snapshot chunk shows until the library is reloaded."""

    id = ""
    title = "(the index snapshot is damaged: reloading from the index)"
    date = source = None
    quotes = 0
    actors: list[str] = []


def sort_positions(
    source: RowSource, column: str, reverse: bool
) -> Generator[float, None, Sequence[int] | None]:
    """The columns' positions sorted by ``column`` (stable: ties stay newest first), one chunk
    per step (yields the share done); None when that is the columns' own order."""
    if (column, reverse) == ("date", True):
        return None
    count = len(source)
    first = _keys(source, column, 0) if count else []
    if len(set(first)) <= FEW:  # few distinct values (source, date, counts): buckets
        return (yield from _by_buckets(source, column, reverse, first))
    keys: list[Any] = []
    runs = []
    for k in range(source.chunks):
        part = first if k == 0 else _keys(source, column, k)
        start = len(keys)
        keys += part
        run = sorted(range(start, start + len(part)), key=keys.__getitem__, reverse=reverse)
        runs.append(run)
        yield 0.5 * len(keys) / max(1, count)
    order = array("i")
    merged = heapq.merge(*runs, key=keys.__getitem__, reverse=reverse)
    while len(order) < count:
        order.extend(islice(merged, STEP * 4))
        yield 0.5 + 0.5 * len(order) / max(1, count)
    return order


FEW = 256  # distinct sort keys in the first chunk, up to which positions go into buckets


def _by_buckets(
    source: RowSource, column: str, reverse: bool, first: list[Any]
) -> Generator[float, None, Sequence[int]]:
    """Positions by key, each key's in the columns' order: a pass, then the keys sorted
    (stable as a sort is: equal keys keep their order in either direction)."""
    buckets: dict[Any, array[int]] = {}
    for k in range(source.chunks):
        part = first if k == 0 else _keys(source, column, k)
        for at, key in enumerate(part, k * STEP):
            found = buckets.get(key)
            if found is None:
                found = buckets[key] = array("i")
            found.append(at)
        yield (k + 1) / source.chunks
    order = array("i")
    for key in sorted(buckets, reverse=reverse):
        order.extend(buckets[key])
    return order


def _whole(column: Sequence[Any]) -> Sequence[Any]:
    """A column as one sequence indexed at C speed (a lazy one read whole)."""
    whole = getattr(column, "whole", None)
    return whole() if whole is not None else column


def _keys(source: RowSource, column: str, k: int) -> list[Any]:
    """Chunk ``k``'s sort keys, as Row.key gives them."""
    hot = source.columns.hot
    if column == "title":
        return [_title(t).casefold() for t in _span(hot["title"], k)]
    if column == "source":
        return [_safe(s or "").casefold() for s in _span(hot["source"], k)]
    if column == "date":
        return [(d or "").casefold() for d in _span(hot["date"], k)]
    if column == "quotes":
        return [q or 0 for q in _span(hot["quotes"], k)]
    get = source.summaries.get
    default = Row(None, None).key(column)  # no tags, notes or read mark: most rows
    return [default if (s := get(i)) is None else Row(None, s).key(column) for i in source.ids(k)]


def filter_positions(
    view: RowView,
    into: Any,
    words: list[str],
    *,
    only: set[str] | None = None,
    actor: str | None = None,
) -> Generator[float, None, None]:
    """Append to ``into`` the positions of ``view``'s rows (in its order) whose filter text
    holds every word, whose id is in ``only`` (if given) and who mention ``actor``: one
    chunk of rows per step (yields the share done)."""
    source = view.source
    wanted = actor.casefold() if actor else None
    actors = source.columns.hot["actors"]
    count = len(view)
    if view.order is None:
        for k in range(source.chunks):
            start = k * STEP
            hits: list[int] | None = None  # None: every row of the chunk
            if only is not None:
                hits = [p for p, i in enumerate(source.ids(k), start) if i in only]
            if wanted is not None:
                names = _span(actors, k)
                rows = hits if hits is not None else range(start, start + len(names))
                hits = [p for p in rows if _mentions(names[p - start], wanted)]
            if words:
                folded = source.hay(k)
                for word in words:
                    if hits is None:
                        hits = [p for p, h in enumerate(folded, start) if word in h]
                    else:
                        hits = [p for p in hits if word in folded[p - start]]
            if hits is None:
                into.extend(range(start, min(count, start + STEP)))
            else:
                into.extend(hits)
            yield (start + STEP) / max(1, count)
        return
    order = view.order
    ids = _whole(source.columns.ids) if only is not None else ()
    actors = _whole(actors) if wanted is not None else ()
    hay: Sequence[str] = ()
    if words:
        for k in range(source.chunks):  # every row's filter text, a chunk a step
            source.hay(k)
            yield 0.0
        hay = source.all_hay()
    for start in range(0, count, STEP):
        part: Iterable[int] = order[start : start + STEP]
        if only is not None:
            part = [p for p in part if ids[p] in only]
        if wanted is not None:
            part = [p for p in part if _mentions(actors[p], wanted)]
        for word in words:
            part = [p for p in part if word in hay[p]]
        into.extend(part)
        yield (start + STEP) / max(1, count)


def _mentions(joined: str, wanted: str) -> bool:
    return (
        bool(joined)
        and wanted in joined.casefold()
        and any(name.casefold() == wanted for name in joined.split(SEPARATOR))
    )


def tag_matches(tags: Iterable[str], tag: str) -> bool:
    """The tag filter: the tag itself or one of its children (``frame`` finds ``frame/war``)."""
    wanted = tag.casefold()
    return any(t.casefold() == wanted or t.casefold().startswith(wanted + "/") for t in tags)


def actor_counts(source: RowSource) -> dict[str, int]:
    """How many articles mention each actor (a pass over the actors column)."""
    counts: Counter[str] = Counter()
    actors = source.columns.hot["actors"]
    for k in range(source.chunks):
        counts.update(chain.from_iterable(j.split(SEPARATOR) for j in _span(actors, k) if j))
    return dict(counts)
