"""The library index file (``articles.json``): compact rows, cached reads, locked batch writes.

Why a module of its own: the index is the one file every process and every screen reads, and
100,000 rows must load fast, so rows are stored compactly (empty fields dropped, the id is the
key) and parsed once per change of the file (its inode, size and mtime), not once per call.
Lists read the rows as columns (index_columns.py, from the snapshot in index_snapshot.py);
writers get ArticleMeta objects, made from the columns only when a write needs them.
Writers take a lock, re-read the file if another process changed it, apply their whole batch and
write once, atomically: two imports running at once never lose each other's rows. Writers read
``articles.json`` itself, never the snapshot (a derived file is never the source of a write).

Every row is checked when it is read (:func:`row_problems`): a row with a wrong-typed field is
left out, named in ``problems`` (file, article id, field), kept as it is by every write, and
fixed by ``reader doctor --repair``. A missing or empty index while article folders exist is
a damaged library, not an empty one: readers get a LibraryError saying how to rebuild it.

The file is a TinyDB database: table ``articles`` keyed by article id, table ``_schema``.
"""

from __future__ import annotations

import gc
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from reader.base.errors import ReaderError

from .index_columns import ArticleColumns, newest_first
from .index_snapshot import load_snapshot, save_snapshot, stamp_of
from .models import ArticleMeta

# 2: content_key is a MinHash signature ("mh1:..." see dedupe.py); version-1 rows (one hash)
# read the same and get a signature at the next import (known_stories.py)
SCHEMA_VERSION = 2
SNAPSHOT_FROM = 2_000  # rows; below this the JSON parses in milliseconds
TABLE = "articles"
_FIELDS = [f.name for f in fields(ArticleMeta) if f.name != "id"]
_REQUIRED = {"sha256", "title", "format", "file", "added", "content_key"}


class LibraryError(ReaderError):
    """One-line user-facing problem: unknown id, ambiguous prefix, corrupt index, ..."""


ACTOR_SEPARATOR = "\x1f"  # control characters never survive the importer, so never in names
_SCALAR_DEFAULTS = {
    "date": None,
    "source": None,
    "url": None,
    "lang": None,
    "words": 0,
    "quotes": 0,
    "feed": None,
    "partial": False,
}
ARTICLE_ID = re.compile(r"^[0-9a-f]{8,64}$")  # a prefix of a SHA-256 in hex (names a folder)
EDITABLE = ("title", "date", "source")
_TEXT = frozenset({str})
_TEXT_OR_NULL = frozenset({str, type(None)})
_NUMBER = frozenset({int})
_TYPES = {
    **dict.fromkeys(("sha256", "title", "format", "file", "added", "content_key"), _TEXT),
    **dict.fromkeys(("date", "source", "url", "lang"), _TEXT_OR_NULL),
    **dict.fromkeys(("words", "quotes"), _NUMBER),
}
_EXPECTED = {_TEXT: "text", _TEXT_OR_NULL: "text or null", _NUMBER: "a whole number"}


def kind_of(value: Any) -> str:
    """How a JSON value is called in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(type(v) is str for v in value)


_shapes: dict[tuple[Any, ...], bool] = {}  # (keys, value types) known good -> has lists or objects


def row_problems(article_id: str, row: Any) -> list[tuple[str, str]]:
    """What is wrong with one stored row, as (field, reason); empty if it can be used.

    Fast for 100,000 rows: the rows of one library come in a few shapes (which fields, of
    which types), so a shape seen good before is not looked at field by field again; only
    lists and objects are looked into each time."""
    shape = None
    if type(row) is dict and ARTICLE_ID.match(article_id):
        shape = (tuple(row), tuple(map(type, row.values())))
        deep = _shapes.get(shape)
        if deep is False:
            return []
        if deep and _contents_ok(row):
            return []
    found = _row_problems(article_id, row)
    if shape is not None and not found and len(_shapes) < 4096:
        _shapes[shape] = any(t is list or t is dict for t in shape[1])
    return found


def _contents_ok(row: dict[str, Any]) -> bool:
    actors = row.get("actors")
    if type(actors) is list and not _text_list(actors):
        return False
    tags = row.get("import_tags")
    if tags is not None and not _text_list(tags):
        return False
    edited = row.get("edited")
    return edited is None or all(
        key in EDITABLE and (type(v) is str or (v is None and key != "title"))
        for key, v in edited.items()
    )


def _row_problems(article_id: str, row: Any) -> list[tuple[str, str]]:
    if not isinstance(row, dict):
        return [("row", f"expected an object, got {kind_of(row)}")]
    found = []
    if not ARTICLE_ID.match(article_id):
        found.append(("id", "not an article id (8 to 64 hex digits)"))
    for name in _REQUIRED.difference(row):
        found.append((name, "missing"))
    for name, value in row.items():
        allowed = _TYPES.get(name)
        if allowed is not None:
            if type(value) not in allowed:
                found.append((name, f"expected {_EXPECTED[allowed]}, got {kind_of(value)}"))
        elif name == "actors":
            if not (type(value) is str or _text_list(value)):
                found.append((name, f"expected names, got {kind_of(value)}"))
        elif name == "import_tags":
            if not _text_list(value):
                found.append((name, f"expected a list of tags, got {kind_of(value)}"))
        elif name == "edited":
            if not isinstance(value, dict):
                found.append((name, f"expected an object, got {kind_of(value)}"))
            else:
                for key, fixed in value.items():
                    if key not in EDITABLE:
                        found.append((name, f"{key!r} cannot be corrected"))
                    elif type(fixed) is not str and not (fixed is None and key != "title"):
                        found.append((name, f"{key}: expected text, got {kind_of(fixed)}"))
    return sorted(found)


def problem_message(path: Path, article_id: str, problems: list[tuple[str, str]]) -> str:
    """One line naming the file, the row and its fields."""
    what = "; ".join(f"field {field}: {reason}" for field, reason in problems)
    return (
        f"{path}: article {article_id!r}: {what}; left out (reader doctor --repair fixes the row)"
    )


def encode_row(meta: ArticleMeta) -> dict[str, Any]:
    """The stored form: every field except the id (it is the key), empty values dropped, actor
    names joined into one string (a list of strings per row parses ~4x slower at 100,000 rows)."""
    row: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(meta, name)
        if name in _REQUIRED or value not in (None, "", 0, [], {}):
            row[name] = value
    if meta.actors:
        row["actors"] = ACTOR_SEPARATOR.join(meta.actors)
    return row


T = TypeVar("T")
_shared: dict[str, str] = {}
_share = _shared.setdefault  # grows with the distinct actor names a library holds (small)


def decode_row(article_id: str, row: dict[str, Any]) -> ArticleMeta:
    """Fast path for 100,000 rows: fill the instance dict directly (no __init__, no lookups).
    The row must have passed :func:`row_problems`."""
    meta = object.__new__(ArticleMeta)
    values = meta.__dict__
    values.update(_SCALAR_DEFAULTS)
    values.update(row)
    values["id"] = article_id
    actors = row.get("actors")
    names = (
        actors.split(ACTOR_SEPARATOR) if isinstance(actors, str) and actors else list(actors or ())
    )
    values["actors"] = [_share(n, n) for n in names]  # one string per name, not per row
    values["import_tags"] = list(row.get("import_tags") or ())
    values["edited"] = dict(row.get("edited") or {})
    values["given"] = dict(row.get("given") or {})
    return meta


def decode_rows(
    path: Path, raw: dict[str, Any]
) -> tuple[dict[str, ArticleMeta], dict[str, Any], dict[str, str]]:
    """(good rows as ArticleMeta, damaged rows as stored, one message per damaged row)."""
    metas: dict[str, ArticleMeta] = {}
    bad: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for article_id, row in raw.items():
        found = row_problems(article_id, row)
        if found:
            bad[article_id] = row
            problems[article_id] = problem_message(path, article_id, found)
        else:
            metas[article_id] = decode_row(article_id, row)
    return metas, bad, problems


def count_article_folders(articles: Path) -> int:
    """Folders under ``LIB/articles/<shard>/`` (a missing index has no other witness), but for
    those an import is still writing (``.pending``: not listed yet, see folders.PENDING)."""
    count = 0
    try:
        shards = [e.path for e in os.scandir(articles) if e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for shard in shards:
        try:
            with os.scandir(shard) as entries:
                count += sum(
                    1 for e in entries if e.is_dir() and not os.path.exists(e.path + "/.pending")
                )
        except (FileNotFoundError, NotADirectoryError):
            continue
    return count


class IndexTxn:
    """A batch of changes made under the writer lock, on top of the freshly re-read rows.
    Damaged rows (``bad``) are written back as they were unless a change replaces them."""

    def __init__(self, metas: dict[str, ArticleMeta], bad: dict[str, Any] | None = None) -> None:
        self.metas = dict(metas)
        self.bad = dict(bad or {})
        self.changed = False

    def put(self, meta: ArticleMeta) -> None:
        self.metas[meta.id] = meta
        self.bad.pop(meta.id, None)
        self.changed = True

    def delete(self, article_id: str) -> None:
        found = self.metas.pop(article_id, None) is not None
        if self.bad.pop(article_id, None) is not None or found:
            self.changed = True


class ArticleIndex:
    def __init__(self, path: Path, snapshot_path: Path | None = None) -> None:
        self.path = path
        # derived: the library keeps it in its cache folder (reader.paths.cache_dir)
        self.snapshot_path = snapshot_path or path.with_name("articles.cache")
        self._stamp: tuple[int, int, int] | None = None
        self._metas: dict[str, ArticleMeta] | None = {}
        self._columns: ArticleColumns | None = ArticleColumns.from_metas(())
        self._bad: dict[str, Any] | None = {}  # damaged rows as stored (None: not read yet)
        self._problems: dict[str, str] = {}  # damaged rows' messages, by id
        # the TUI reads from its main thread while an import worker writes: the cached state
        # (stamp, rows, columns) changes together, under this lock
        self._lock = threading.RLock()

    # reading ------------------------------------------------------------------------------
    def columns(self) -> ArticleColumns:
        """All rows as columns, newest first (what lists read), re-read only when the file
        changed since the last call: from the snapshot when there is a good one."""
        with self._lock:
            self._refresh(source=False, check_lost=True)
            if self._columns is None:
                assert self._metas is not None  # _refresh leaves the rows, the columns or both
                metas = self._metas.values()
                self._columns = _quietly(lambda: ArticleColumns.from_metas(metas))
            return self._columns

    def rows(self) -> dict[str, ArticleMeta]:
        """All rows by id as ArticleMeta, read from ``articles.json`` (never the snapshot)."""
        with self._lock:
            self._refresh(source=True, check_lost=True)
            assert self._metas is not None  # read from articles.json itself
            return self._metas

    @property
    def problems(self) -> list[str]:
        """One line per damaged row seen by the last read (file, article id, fields)."""
        with self._lock:
            return [self._problems[i] for i in sorted(self._problems)]

    def damaged_ids(self) -> set[str]:
        with self._lock:
            return set(self._problems)

    def _refresh(self, *, source: bool, check_lost: bool) -> None:
        """Bring the in-memory rows in line with the file. ``source``: the rows must come from
        ``articles.json`` itself (writers), not from the snapshot."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._stamp, self._metas, self._columns = None, {}, None
            self._bad, self._problems = {}, {}
            if check_lost:
                self._check_lost(missing=True)
            return
        stamp = stamp_of(st)
        if stamp != self._stamp or (source and self._bad is None):
            self._load(stamp, source)
        if check_lost and not self._problems and self._count() == 0:
            self._check_lost(missing=False)

    def _load(self, stamp: tuple[int, int, int], source: bool) -> None:
        """Read the rows for ``stamp``: the snapshot gives the columns (if it is good), the
        file gives the rows writers need (``source``) and a new snapshot if there was none."""
        found = None
        if stamp != self._stamp or self._columns is None:
            found = _quietly(lambda: load_snapshot(self.snapshot_path, stamp))
            if found is not None:
                self._columns, self._problems = found
                self._metas = self._bad = None  # read from the file when a writer asks
                self._stamp = stamp
        elif self._bad is None:  # the columns in memory came from a good snapshot
            found = (self._columns, self._problems)
        if found is not None and not source:
            return
        raw = self._read_raw()
        metas, bad, problems = _quietly(lambda: decode_rows(self.path, raw))
        self._metas, self._bad, self._problems = metas, bad, problems
        self._stamp = stamp
        if found is None:
            self._columns = None
            if len(metas) >= SNAPSHOT_FROM:
                save_snapshot(self.snapshot_path, stamp, self.columns_now(), problems)

    def columns_now(self) -> ArticleColumns:
        if self._columns is None:
            assert self._metas is not None  # no columns: the rows were read from the file
            metas = self._metas.values()
            self._columns = _quietly(lambda: ArticleColumns.from_metas(metas))
        return self._columns

    def _count(self) -> int:
        return len(self._columns) if self._columns is not None else len(self._metas or ())

    def _check_lost(self, *, missing: bool) -> None:
        """No rows, yet article folders exist: the index was lost, the library is not empty."""
        folders = count_article_folders(self.path.parent / "articles")
        if folders:
            state = "is missing" if missing else "lists no articles"
            raise LibraryError(
                f"{self.path} {state}, but {folders} article folder{'s' * (folders != 1)} "
                f"exist; run reader doctor --repair to rebuild it from them"
            )

    def _read_raw(self) -> dict[str, dict[str, Any]]:
        from annotations.storage import AtomicJSONStorage  # corruption-aware, keeps a backup

        data = AtomicJSONStorage(self.path).read()
        if data is None:
            return {}
        table = data.get(TABLE, {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise LibraryError(f"{self.path}: not a reader index; run reader doctor")
        return table

    def stored(self) -> tuple[dict[str, ArticleMeta], dict[str, Any]]:
        """(good rows, damaged rows as stored), read from ``articles.json`` without the check
        for a lost index: what ``reader doctor --repair`` works on."""
        with self._lock:
            metas, bad = self._source_rows()
            return dict(metas), dict(bad)

    def _source_rows(self) -> tuple[dict[str, ArticleMeta], dict[str, Any]]:
        """The rows as read from ``articles.json`` (call with ``_lock`` held)."""
        self._refresh(source=True, check_lost=False)
        assert self._metas is not None and self._bad is not None  # source=True reads both
        return self._metas, self._bad

    def snapshot_matches(self) -> bool | None:
        """``reader doctor``'s full check of the snapshot: does it hold exactly the rows of
        ``articles.json``? ``None`` if there is no snapshot for the current file (it would be
        rebuilt on use). The quick check on use (checksum and source stamp) cannot see a
        snapshot written wrongly; this compares every field."""
        try:
            stamp = stamp_of(os.stat(self.path))
        except FileNotFoundError:
            return None
        found = load_snapshot(self.snapshot_path, stamp)
        if found is None:
            return None
        columns, problems = found
        metas, _bad, want_problems = decode_rows(self.path, self._read_raw())
        try:
            return columns.metas() == metas and problems == want_problems
        except (TypeError, ValueError, IndexError):
            return False

    # writing ------------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writer lock (re-entrant in this thread): no other writer commits meanwhile."""
        from filelock import Timeout

        from reader.base import atomic
        from reader.base.atomic import file_lock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = file_lock(self.path)
        try:
            lock.acquire()
        except Timeout:
            raise LibraryError(
                f"{self.path} is locked by another reader process for over "
                f"{atomic.LOCK_TIMEOUT:.0f} s"
            ) from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self) -> Iterator[IndexTxn]:
        """Lock, re-read ``articles.json`` if changed, let the caller change rows, write once
        if anything did. Damaged rows are written back as they were."""
        from reader.base.atomic import atomic_write_bytes

        with self.locked():
            with self._lock:
                txn = IndexTxn(*self._source_rows())
            yield txn
            if txn.changed:
                # stored newest first, as lists show them: the next read decodes the rows in
                # that order, so building the columns needs no real sort and walks memory
                # in order (at 100,000 rows a third of a write's time otherwise)
                ordered = _quietly(lambda: {m.id: m for m in newest_first(txn.metas.values())})
                rows = {i: encode_row(m) for i, m in ordered.items()}
                rows.update(txn.bad)  # kept for reader doctor --repair, never dropped
                data = {TABLE: rows, "_schema": {"1": {"version": SCHEMA_VERSION}}}
                atomic_write_bytes(self.path, dumps(data))
                with self._lock:
                    self._metas, self._bad, self._columns = ordered, txn.bad, None
                    self._problems = {i: m for i, m in self._problems.items() if i in txn.bad}
                    self._stamp = stamp_of(os.stat(self.path))
                    if len(txn.metas) >= SNAPSHOT_FROM:
                        save_snapshot(
                            self.snapshot_path, self._stamp, self.columns_now(), self._problems
                        )
                    else:
                        self.snapshot_path.unlink(missing_ok=True)


def _quietly(build: Callable[[], T]) -> T:
    """Build many small long-lived objects with the cyclic GC paused: it would scan them again
    and again while they are made (2-3x the time); none of them form cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        if enabled:
            gc.freeze()  # long-lived, freed by refcount when replaced: not walked again
            gc.enable()


def dumps(data: Any) -> bytes:
    """Compact JSON (the index is read far more often than a person reads it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
