"""The index as columns, newest first: what the library list reads, without 100,000 dataclasses.

Why: the TUI's cold start at 100,000 articles was dominated by building one ``ArticleMeta`` per
row (and sorting them) before the first paint. Here each field is one tuple in display order
(date, then added, newest first), loaded from the snapshot in one ``marshal`` call. The fields
a list shows and filters on are "hot" and load at once; the rest ("cold": hashes, file names,
timestamps, corrections) load the first time each is read. Rows are read through
``ArticleRow`` (a position in the columns with the ``ArticleMeta`` attributes) or
materialised as real ``ArticleMeta`` for writers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from itertools import chain, islice
from operator import attrgetter
from typing import Any

from .models import ArticleMeta

FIELDS = tuple(f.name for f in fields(ArticleMeta))
HOT = ("id", "title", "date", "source", "lang", "quotes", "actors")
COLD = tuple(name for name in FIELDS if name not in HOT)
SEPARATOR = "\x1f"  # joins actor names in one string (control characters never reach names)
_AT = {name: i for i, name in enumerate(FIELDS)}
_SHARED = {"date", "source", "lang", "format"}  # few distinct values across a library
_names: dict[str, str] = {}  # one string per actor name across the library, not per row
_share = _names.setdefault


class SnapshotDamaged(ValueError):
    """A chunk of a lazily read snapshot failed its check: the snapshot is not believed."""


class ChunkedColumn(Sequence[Any]):
    """One column of a lazily read snapshot: chunks of ``step`` rows, each read (and checked)
    by ``read(chunk)`` the first time a row in it is asked for. Iterating goes chunk by chunk;
    a slice, or ``whole()``, reads every chunk."""

    def __init__(
        self, name: str, count: int, step: int, read: Callable[[int], tuple[Any, ...]]
    ) -> None:
        self.name = name
        self.step = step
        self._count = count
        self._read = read
        self._n = -(-count // step)
        self._chunks: list[tuple[Any, ...] | None] = [None] * self._n
        self._whole: tuple[Any, ...] | None = None

    def __len__(self) -> int:
        return self._count

    def chunk(self, k: int) -> tuple[Any, ...]:
        """Rows ``k * step`` to ``(k + 1) * step`` (fewer in the last chunk)."""
        if self._whole is not None:
            return self._whole[k * self.step : (k + 1) * self.step]
        found = self._chunks[k]
        if found is None:
            found = self._chunks[k] = self._read(k)
        return found

    @property
    def chunks(self) -> int:
        return self._n

    def loaded(self, k: int) -> bool:
        return self._whole is not None or self._chunks[k] is not None

    def __getitem__(self, at: Any) -> Any:
        if isinstance(at, slice):
            start, stop, stride = at.indices(self._count)
            if stride != 1 or self._whole is not None:
                return self.whole()[at]
            if start >= stop:
                return ()
            first, last = start // self.step, (stop - 1) // self.step
            parts = [self.chunk(k) for k in range(first, last + 1)]
            offset = first * self.step
            return tuple(chain.from_iterable(parts))[start - offset : stop - offset]
        if self._whole is not None:
            return self._whole[at]
        if at < 0:
            at += self._count
        if not 0 <= at < self._count:
            raise IndexError(at)
        k, offset = divmod(at, self.step)
        found = self._chunks[k]
        if found is None:
            found = self._chunks[k] = self._read(k)
        return found[offset]

    def __iter__(self) -> Iterator[Any]:
        if self._whole is not None:
            return iter(self._whole)
        return chain.from_iterable(map(self.chunk, range(self._n)))

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """Where ``value`` first is (a C-speed scan chunk by chunk)."""
        end = self._count if stop is None else min(stop, self._count)
        for k in range(start // self.step, -(-end // self.step)):
            first = k * self.step
            try:
                return first + self.chunk(k).index(value, max(0, start - first), end - first)
            except ValueError:
                continue
        raise ValueError(f"{value!r} is not in the column")

    def whole(self) -> tuple[Any, ...]:
        """Every row as one tuple (read once; the chunks are let go)."""
        if self._whole is None:
            self._whole = tuple(chain.from_iterable(map(self.chunk, range(self._n))))
            self._chunks = []
        return self._whole


def newest_first(metas: Iterable[ArticleMeta]) -> list[ArticleMeta]:
    """By date, then by when it was added (undated articles last)."""
    rows = list(metas)
    rows.sort(key=attrgetter("added"), reverse=True)
    rows.sort(key=_date, reverse=True)  # stable: same date, newest added first
    return rows


def _date(meta: ArticleMeta) -> str:
    return meta.date or ""


class LazyColumns(Mapping[str, Sequence[Any]]):
    """Columns by name, each loaded by ``load(name)`` the first time it is read."""

    def __init__(self, load: Callable[[str], Sequence[Any]]) -> None:
        self._load = load
        self._loaded: dict[str, Sequence[Any]] = {}

    def __getitem__(self, name: str) -> Sequence[Any]:
        found = self._loaded.get(name)
        if found is None:
            if name not in COLD:
                raise KeyError(name)
            found = self._loaded[name] = self._load(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(COLD)

    def __len__(self) -> int:
        return len(COLD)


class ArticleColumns:
    """Every field of every row as a column; position 0 is the newest article."""

    def __init__(
        self,
        hot: dict[str, Sequence[Any]],
        cold: Mapping[str, Sequence[Any]],
        *,
        lazy: bool = False,
    ) -> None:
        self.hot = hot
        self.lazy = lazy  # read from the snapshot chunk by chunk (see ChunkedColumn)
        self._cold = cold
        self.ids: Sequence[str] = hot["id"]
        self._positions: dict[str, int] | None = None

    @classmethod
    def from_metas(cls, metas: Iterable[ArticleMeta]) -> ArticleColumns:
        rows = newest_first(metas)
        memo: dict[Any, Any] = {}
        share = memo.setdefault
        transposed = (
            zip(*map(attrgetter(*FIELDS), rows), strict=True) if rows else [()] * len(FIELDS)
        )
        columns: dict[str, tuple[Any, ...]] = {}
        for name, values in zip(FIELDS, transposed, strict=True):
            if name in _SHARED:  # equal values as one object: marshal then stores them once
                values = tuple(v if v is None else share(v, v) for v in values)
            elif name == "actors":
                values = tuple(share(j, j) for j in map(SEPARATOR.join, values))
            columns[name] = values
        return cls({n: columns[n] for n in HOT}, {n: columns[n] for n in COLD})

    def __len__(self) -> int:
        return len(self.ids)

    def patched(self, changes: dict[str, ArticleMeta | None]) -> ArticleColumns:
        """New columns with ``changes`` made (id -> new row, or None: removed): the changed
        rows leave their places and new rows go where the order puts them. Costs a copy of
        each column (slices: C speed), not a sort, so following another process's few
        changes stays cheap at 1,000,000 rows. Lazily read columns are not copied: the
        changes lie over them (:class:`PatchedColumn`), so no chunk is read for them."""
        if not changes:
            return self
        lazy = self.lazy
        drop = sorted(p for i in changes if (p := self.find(i)) is not None)
        columns: dict[str, Sequence[Any]] = {
            name: PatchedColumn(self.column(name), drop, [], [])
            if lazy
            else _without(self.column(name), drop)
            for name in FIELDS
        }
        dates, added = columns["date"], columns["added"]
        new = newest_first(m for m in changes.values() if m is not None)
        places = [_place(dates, added, (m.date or "", m.added)) for m in new]
        for name in FIELDS:
            values = [getattr(m, name) for m in new]
            if name == "actors":
                values = [SEPARATOR.join(v) for v in values]
            elif name in ("import_tags", "edited", "given"):
                values = [v if v else None for v in values]
            column = columns[name]
            if isinstance(column, PatchedColumn):
                columns[name] = PatchedColumn(column.base, drop, places, values)
            else:
                columns[name] = _with(column, places, values)
        hot = {n: columns[n] for n in HOT}
        cold = {n: columns[n] for n in COLD}
        return ArticleColumns(hot, cold, lazy=lazy)

    def find(self, article_id: str) -> int | None:
        """Like ``position``, without building the map of every id when the ids are read
        lazily and the map is not there yet (a scan of the id column instead)."""
        if self._positions is None and self.lazy:
            try:
                return self.ids.index(article_id)
            except ValueError:
                return None
        return self.position(article_id)

    @property
    def cold(self) -> Mapping[str, Sequence[Any]]:
        return self._cold

    def column(self, name: str) -> Sequence[Any]:
        found = self.hot.get(name)
        return found if found is not None else self.cold[name]

    def position(self, article_id: str) -> int | None:
        if self._positions is None:
            self._positions = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._positions.get(article_id)

    def actors(self, at: int) -> list[str]:
        joined = self.hot["actors"][at]
        return [_share(n, n) for n in joined.split(SEPARATOR)] if joined else []

    def view(self, at: int) -> ArticleRow:
        return ArticleRow(self, at)

    def meta(self, at: int) -> ArticleMeta:
        """A real (independent) ArticleMeta for the row at ``at``."""
        values = {name: self.column(name)[at] for name in FIELDS}
        values["actors"] = self.actors(at)
        values["import_tags"] = list(values["import_tags"] or ())
        values["edited"] = dict(values["edited"] or {})
        values["given"] = dict(values["given"] or {})
        return ArticleMeta(**values)

    def metas(self) -> dict[str, ArticleMeta]:
        """Every row as an ArticleMeta, by id (what writers change)."""
        columns = [self.column(name) for name in FIELDS]
        columns[_AT["actors"]] = [
            [_share(n, n) for n in joined.split(SEPARATOR)] if joined else []
            for joined in columns[_AT["actors"]]
        ]
        columns[_AT["import_tags"]] = [list(v or ()) for v in columns[_AT["import_tags"]]]
        columns[_AT["edited"]] = [dict(v or {}) for v in columns[_AT["edited"]]]
        columns[_AT["given"]] = [dict(v or {}) for v in columns[_AT["given"]]]
        return dict(zip(self.ids, map(ArticleMeta, *columns), strict=True))


class PatchedColumn(Sequence[Any]):
    """``base`` with the rows at ``drop`` (ascending positions in base) left out and
    ``values`` inserted before ``places`` (ascending positions in what is left), computed on
    each read: a few changes over a lazily read column, with no chunk read to make it."""

    def __init__(
        self, base: Sequence[Any], drop: list[int], places: list[int], values: list[Any]
    ) -> None:
        self._depth: int = 1
        if isinstance(base, PatchedColumn) and base._depth >= 8:
            base = tuple(base)  # many layers of changes: one plain column again
        self.base = base
        self._drop = drop
        self._kept = [d - k for k, d in enumerate(drop)]  # drops before kept row j: bisect
        self._places = places
        self._at = [p + m for m, p in enumerate(places)]  # where inserted values end up
        self._values = values
        self._count = len(base) - len(drop) + len(values)
        self._depth = base._depth + 1 if isinstance(base, PatchedColumn) else 1
        self._whole: tuple[Any, ...] | None = None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, at: Any) -> Any:
        if isinstance(at, slice):
            start, stop, stride = at.indices(self._count)
            if stride != 1:
                return self.whole()[at]
            return tuple(self._run(start, stop))
        if at < 0:
            at += self._count
        if not 0 <= at < self._count:
            raise IndexError(at)
        m = bisect_left(self._at, at)
        if m < len(self._at) and self._at[m] == at:
            return self._values[m]
        kept = at - m
        return self.base[kept + bisect_right(self._kept, kept)]

    def _run(self, start: int, stop: int) -> list[Any]:
        """Rows ``start`` to ``stop``: stretches of the base between changes, read as slices."""
        out: list[Any] = []
        at = start
        while at < stop:
            m = bisect_left(self._at, at)
            if m < len(self._at) and self._at[m] == at:
                out.append(self._values[m])
                at += 1
                continue
            kept = at - m
            base_at = kept + bisect_right(self._kept, kept)
            d = bisect_left(self._drop, base_at)
            next_drop = self._drop[d] if d < len(self._drop) else len(self.base)
            next_insert = self._at[m] if m < len(self._at) else stop
            size = min(stop - at, next_insert - at, next_drop - base_at)
            out.extend(self.base[base_at : base_at + size])
            at += size
        return out

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """Where ``value`` first is: a scan of the base (C speed if it is chunked) and of
        the inserted values, mapped to positions here."""
        end = self._count if stop is None else stop
        found = [self._at[m] for m, v in enumerate(self._values) if v == value]
        base_at = 0
        dropped = set(self._drop)
        while True:
            try:
                base_at = self.base.index(value, base_at)
            except ValueError:
                break
            if base_at not in dropped:
                kept = base_at - bisect_left(self._drop, base_at)
                found.append(kept + bisect_right(self._places, kept))
                break
            base_at += 1
        for at in sorted(found):
            if start <= at < end:
                return at
        raise ValueError(f"{value!r} is not in the column")

    def whole(self) -> tuple[Any, ...]:
        """Every row as one tuple (made once)."""
        if self._whole is None:
            self._whole = tuple(self)
        return self._whole

    def __iter__(self) -> Iterator[Any]:
        if self._whole is not None:
            yield from self._whole
            return
        rows = iter(self.base)
        if self._drop:
            rows = iter(_without_iter(rows, self._drop))
        done = 0
        for place, value in zip(self._places, self._values, strict=True):
            yield from islice(rows, place - done)
            done = place
            yield value
        yield from rows


def _without_iter(rows: Iterator[Any], drop: list[int]) -> Iterator[Any]:
    done = 0
    for at in drop:
        yield from islice(rows, at - done)
        next(rows, None)
        done = at + 1
    yield from rows


def _without(column: Sequence[Any], drop: list[int]) -> list[Any]:
    out: list[Any] = []
    start = 0
    for at in drop:
        out.extend(column[start:at])
        start = at + 1
    out.extend(column[start:])
    return out


def _with(column: Sequence[Any], places: list[int], values: list[Any]) -> Sequence[Any]:
    """``values`` inserted before ``places`` (ascending, positions in ``column``)."""
    if not places:
        return column
    out: list[Any] = []
    start = 0
    for at, value in zip(places, values, strict=True):
        out.extend(column[start:at])
        out.append(value)
        start = at
    out.extend(column[start:])
    return out


def _place(dates: Sequence[Any], added: Sequence[Any], key: tuple[str, str]) -> int:
    """Where a row with ``key`` goes in columns sorted by (date, added), newest first: after
    every row that sorts before or with it."""
    lo, hi = 0, len(dates)
    while lo < hi:
        mid = (lo + hi) // 2
        if (dates[mid] or "", added[mid]) >= key:
            lo = mid + 1
        else:
            hi = mid
    return lo


class ArticleRow:
    """One row read from the columns, with the attributes of ``ArticleMeta`` (read-only)."""

    __slots__ = ("_at", "_columns")

    # read from the columns (properties for the hot fields, __getattr__ for the rest)
    id: str
    sha256: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    format: str
    file: str
    added: str
    content_key: str
    words: int
    quotes: int
    actors: list[str]
    import_tags: list[str]
    edited: dict[str, Any]

    def __init__(self, columns: ArticleColumns, at: int) -> None:
        self._columns = columns
        self._at = at

    def __getattr__(self, name: str) -> Any:
        if name == "actors":
            return self._columns.actors(self._at)
        if name in FIELDS:
            value = self._columns.column(name)[self._at]
            if name == "import_tags":
                return list(value or ())
            if name in ("edited", "given"):
                return dict(value or {})
            return value
        raise AttributeError(name)

    def to_dict(self) -> dict[str, Any]:
        return self._columns.meta(self._at).to_dict()

    def to_meta(self) -> ArticleMeta:
        return self._columns.meta(self._at)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (ArticleRow, ArticleMeta)):
            return self.to_dict() == other.to_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like the dataclass: equal by value

    def __repr__(self) -> str:
        return f"ArticleRow({self._columns.meta(self._at)!r})"


def _view_properties() -> None:
    """Hot fields as properties (a property is faster than ``__getattr__``)."""
    for name in ("id", "title", "date", "source", "lang", "quotes"):
        setattr(ArticleRow, name, property(_hot_getter(name)))


def _hot_getter(name: str) -> Callable[[ArticleRow], Any]:
    def get(row: ArticleRow) -> Any:
        return row._columns.hot[name][row._at]

    return get


_view_properties()
