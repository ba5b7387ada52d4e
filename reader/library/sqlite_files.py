"""Opening the library's derived SQLite files (the lookup and the search index): one way to
connect, set WAL, create the schema, and empty a file written by another format version (a
derived file is rebuilt from the store of record, never trusted across formats)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def open_derived(
    path: Path | None, schema: str, fmt: str, clear: Callable[[sqlite3.Connection], None]
) -> sqlite3.Connection:
    """A connection to ``path`` (in memory for ``None``) with ``schema`` in place; a file of
    another ``fmt`` is emptied by ``clear`` and marked with this one."""
    db = sqlite3.connect(
        ":memory:" if path is None else str(path),
        timeout=30,
        isolation_level=None,
        check_same_thread=False,
    )
    if path is not None:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(schema)
    found = db.execute("SELECT v FROM meta WHERE k='format'").fetchone()
    if found is None or found[0] != fmt:
        clear(db)
        db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (fmt,))
    return db


def connect_derived(
    path: Path | None, schema: str, fmt: str, clear: Callable[[sqlite3.Connection], None]
) -> sqlite3.Connection:
    """The derived file at ``path``: opened; if damaged, removed and made again (it is
    rebuilt from the store of record); if the cache folder cannot be written, kept in memory
    by this process."""
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return open_derived(path, schema, fmt, clear)
        except (OSError, sqlite3.DatabaseError):
            remove_derived(path)
            try:
                return open_derived(path, schema, fmt, clear)
            except (OSError, sqlite3.DatabaseError):
                pass
    return open_derived(None, schema, fmt, clear)


def remove_derived(path: Path) -> None:
    """Remove a derived SQLite file with its WAL, shared-memory and journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(str(path) + suffix).unlink()
        except OSError:
            pass
