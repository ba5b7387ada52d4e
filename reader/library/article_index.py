"""The library index file (``articles.json``): compact rows, cached reads, locked batch writes.

Why a module of its own: the index is the one file every process and every screen reads, and
100,000 rows must load fast, so rows are stored compactly (empty fields dropped, the id is the
key) and parsed once per change of the file (its inode, size and mtime), not once per call.
Writers take a lock, re-read the file if another process changed it, apply their whole batch and
write once, atomically: two imports running at once never lose each other's rows.

The file is a TinyDB database: table ``articles`` keyed by article id, table ``_schema``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any

from .models import ArticleMeta

SCHEMA_VERSION = 1
TABLE = "articles"
_FIELDS = [f.name for f in fields(ArticleMeta) if f.name != "id"]
_REQUIRED = {"sha256", "title", "format", "file", "added", "content_key"}


class LibraryError(Exception):
    """One-line user-facing problem: unknown id, ambiguous prefix, corrupt index, ..."""


def encode_row(meta: ArticleMeta) -> dict[str, Any]:
    """The stored form: every field except the id (it is the key), empty values dropped."""
    row: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(meta, name)
        if name in _REQUIRED or value not in (None, "", 0, [], {}):
            row[name] = value
    return row


def decode_row(article_id: str, row: dict[str, Any]) -> ArticleMeta:
    return ArticleMeta(
        id=article_id,
        sha256=row["sha256"],
        title=row["title"],
        date=row.get("date"),
        source=row.get("source"),
        url=row.get("url"),
        lang=row.get("lang"),
        format=row["format"],
        file=row["file"],
        added=row["added"],
        content_key=row["content_key"],
        words=row.get("words", 0),
        quotes=row.get("quotes", 0),
        actors=row.get("actors", []),
        import_tags=row.get("import_tags", []),
        edited=row.get("edited", {}),
    )


class IndexTxn:
    """A batch of changes made under the writer lock, on top of the freshly re-read rows."""

    def __init__(self, raw: dict[str, dict[str, Any]], metas: dict[str, ArticleMeta]) -> None:
        self.raw = dict(raw)
        self.metas = dict(metas)
        self.changed = False

    def put(self, meta: ArticleMeta) -> None:
        self.raw[meta.id] = encode_row(meta)
        self.metas[meta.id] = meta
        self.changed = True

    def delete(self, article_id: str) -> None:
        if self.raw.pop(article_id, None) is not None:
            self.metas.pop(article_id, None)
            self.changed = True


class ArticleIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int, int] | None = None
        self._raw: dict[str, dict[str, Any]] = {}
        self._metas: dict[str, ArticleMeta] = {}

    # reading ------------------------------------------------------------------------------
    def rows(self) -> dict[str, ArticleMeta]:
        """All rows by id, re-parsed only when the file changed since the last call."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._stamp, self._raw, self._metas = None, {}, {}
            return self._metas
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        if stamp != self._stamp:
            raw = self._read_raw()
            try:
                metas = {i: decode_row(i, r) for i, r in raw.items()}
            except (KeyError, TypeError, AttributeError) as exc:
                raise LibraryError(f"{self.path}: a row is damaged ({exc}); run reader doctor")
            self._raw, self._metas, self._stamp = raw, metas, stamp
        return self._metas

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

        from annotations.storage import LOCK_TIMEOUT, atomic_write_bytes, file_lock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = file_lock(self.path)
        try:
            lock.acquire()
        except Timeout:
            raise LibraryError(
                f"{self.path} is locked by another reader process for over {LOCK_TIMEOUT:.0f} s"
            ) from None
        try:
            self.rows()  # fresh under the lock: another process may have added rows
            txn = IndexTxn(self._raw, self._metas)
            yield txn
            if txn.changed:
                data = {TABLE: txn.raw, "_schema": {"1": {"version": SCHEMA_VERSION}}}
                atomic_write_bytes(self.path, dumps(data))
                st = os.stat(self.path)
                self._raw, self._metas = txn.raw, txn.metas
                self._stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        finally:
            lock.release()


def dumps(data: Any) -> bytes:
    """Compact JSON (the index is read far more often than a person reads it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
