"""The library index file (``articles.json``): compact rows, cached reads, locked batch writes.

Why a module of its own: the index is the one file every process and every screen reads, and
100,000 rows must load fast, so rows are stored compactly (empty fields dropped, the id is the
key) and parsed once per change of the file (its inode, size and mtime), not once per call.
Lists read the rows as columns (index_columns.py, from the snapshot in index_snapshot.py);
writers get ArticleMeta objects, made from the columns only when a write needs them.
Writers take a lock, re-read the file if another process changed it, apply their whole batch and
write once, atomically: two imports running at once never lose each other's rows.

The file is a TinyDB database: table ``articles`` keyed by article id, table ``_schema``.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from reader.base.errors import ReaderError

from .index_columns import ArticleColumns
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
}


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
    """Fast path for 100,000 rows: fill the instance dict directly (no __init__, no lookups)."""
    if not _REQUIRED.issubset(row):
        raise LibraryError(f"article {article_id}: damaged index row; run reader doctor")
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
    return meta


class IndexTxn:
    """A batch of changes made under the writer lock, on top of the freshly re-read rows."""

    def __init__(self, metas: dict[str, ArticleMeta]) -> None:
        self.metas = dict(metas)
        self.changed = False

    def put(self, meta: ArticleMeta) -> None:
        self.metas[meta.id] = meta
        self.changed = True

    def delete(self, article_id: str) -> None:
        if self.metas.pop(article_id, None) is not None:
            self.changed = True


class ArticleIndex:
    def __init__(self, path: Path, snapshot_path: Path | None = None) -> None:
        self.path = path
        # derived: the library keeps it in its cache folder (reader.paths.cache_dir)
        self.snapshot_path = snapshot_path or path.with_name("articles.cache")
        self._stamp: tuple[int, int, int] | None = None
        self._metas: dict[str, ArticleMeta] | None = {}
        self._columns: ArticleColumns | None = ArticleColumns.from_metas(())
        # the TUI reads from its main thread while an import worker writes: the cached state
        # (stamp, rows, columns) changes together, under this lock
        self._lock = threading.RLock()

    # reading ------------------------------------------------------------------------------
    def columns(self) -> ArticleColumns:
        """All rows as columns, newest first (what lists read), re-read only when the file
        changed since the last call: from the snapshot when there is a fresh one."""
        with self._lock:
            self._refresh()
            if self._columns is None:
                assert self._metas is not None  # _refresh leaves the rows, the columns or both
                metas = self._metas.values()
                self._columns = _quietly(lambda: ArticleColumns.from_metas(metas))
            return self._columns

    def rows(self) -> dict[str, ArticleMeta]:
        """All rows by id as ArticleMeta (what writers change)."""
        with self._lock:
            self._refresh()
            if self._metas is None:
                assert self._columns is not None  # _refresh leaves the rows, the columns or both
                self._metas = _quietly(self._columns.metas)
            return self._metas

    def _refresh(self) -> None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._stamp, self._metas, self._columns = None, {}, None
            return
        stamp = stamp_of(st)
        if stamp == self._stamp:
            return
        columns = _quietly(lambda: load_snapshot(self.snapshot_path, stamp))
        if columns is not None:
            self._columns, self._metas, self._stamp = columns, None, stamp
            return
        raw = self._read_raw()
        try:
            metas = _quietly(lambda: {i: decode_row(i, r) for i, r in raw.items()})
        except (TypeError, AttributeError, ValueError) as exc:
            raise LibraryError(
                f"{self.path}: a row is damaged ({exc}); run reader doctor"
            ) from None
        self._metas, self._columns, self._stamp = metas, None, stamp
        if len(metas) >= SNAPSHOT_FROM:
            save_snapshot(self.snapshot_path, stamp, self.columns())

    def _read_raw(self) -> dict[str, dict[str, Any]]:
        from annotations.storage import AtomicJSONStorage  # corruption-aware, keeps a backup

        data = AtomicJSONStorage(self.path).read()
        if data is None:
            return {}
        table = data.get(TABLE, {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise LibraryError(f"{self.path}: not a reader index; run reader doctor")
        return table

    # writing ------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[IndexTxn]:
        """Lock, re-read if changed, let the caller change rows, write once if anything did."""
        from filelock import Timeout

        from reader.base import atomic
        from reader.base.atomic import atomic_write_bytes, file_lock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = file_lock(self.path)
        try:
            lock.acquire()
        except Timeout:
            raise LibraryError(
                f"{self.path} is locked by another reader process for over {atomic.LOCK_TIMEOUT:.0f} s"
            ) from None
        try:
            self.rows()  # fresh under the lock: another process may have added rows
            txn = IndexTxn(self.rows())
            yield txn
            if txn.changed:
                rows = {i: encode_row(m) for i, m in txn.metas.items()}
                data = {TABLE: rows, "_schema": {"1": {"version": SCHEMA_VERSION}}}
                atomic_write_bytes(self.path, dumps(data))
                with self._lock:
                    self._metas, self._columns = txn.metas, None
                    self._stamp = stamp_of(os.stat(self.path))
                    if len(txn.metas) >= SNAPSHOT_FROM:
                        save_snapshot(self.snapshot_path, self._stamp, self.columns())
                    else:
                        self.snapshot_path.unlink(missing_ok=True)
        finally:
            lock.release()


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
