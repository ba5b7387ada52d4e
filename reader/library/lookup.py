"""Derived lookups over the index (``lookup.sqlite`` in the cache folder): an article by id or id
prefix, by SHA-256, and the dedupe candidates of a signature, without loading the index.

Why: a write to one article (``edit``, ``tag``, ``note``, ``rm``, importing one file) needs to
find that article and, for an import, the stories it may be a version of. Loading every row for
that cost a second at 100,000 articles; an SQLite lookup costs the same at 1,000 and 1,000,000.

Derived and rebuildable: the database records the index state (journal.State) it holds. On use
it is brought to the current state by replaying the journal entries after its own state, or
rebuilt from the store of record when its state is not in the journal's history (missing,
older than the last fold, another history, damaged). It answers questions; it is never copied
into the store: writers append operations (journal.py), not rows read from here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .journal import Entry, State, changed_row
from .sqlite_files import connect_derived, remove_derived

FORMAT = "2"  # 2: damaged rows are kept apart, with what is wrong with them
FRESH_FROM = 16  # entries in one apply from which new rows are inserted together
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rows(id TEXT PRIMARY KEY, sha TEXT, oldkey TEXT, row TEXT)
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rows_sha ON rows(sha);
CREATE INDEX IF NOT EXISTS rows_oldkey ON rows(oldkey) WHERE oldkey IS NOT NULL;
CREATE TABLE IF NOT EXISTS bands(v INTEGER, id TEXT, PRIMARY KEY(v, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS damaged(id TEXT PRIMARY KEY, found TEXT) WITHOUT ROWID;
"""


def _bands(row: Any) -> list[int]:
    from reader.importing.dedupe import bands, parse_key

    key = row.get("content_key") if isinstance(row, dict) else None
    sig = parse_key(key) if isinstance(key, str) else None
    if sig is None:
        return []
    return [(band << 32) | value for band, value in enumerate(bands(sig))]


def _old_key(row: Any) -> str | None:
    """A content key of the previous version (one hash; signatures start with their prefix)."""
    from reader.importing.dedupe import PREFIX

    key = row.get("content_key") if isinstance(row, dict) else None
    return key if isinstance(key, str) and not key.startswith(PREFIX) else None


class Lookup:
    """One connection per process (thread-safe through a lock)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.state: State | None = None  # the state it held when last synced

    # the connection ------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        self._db = connect_derived(self.path, _SCHEMA, FORMAT, _clear)
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # keeping it current ----------------------------------------------------------------------
    def sync(
        self,
        target: State,
        entries_after: Callable[[State], list[Entry] | None],
        all_rows: Callable[[], dict[str, Any]],
        force: bool = False,
    ) -> bool:
        """Bring the database to ``target``: replay the entries after its state
        (``entries_after`` gives them, or None when its state is not in the history), else
        rebuild from ``all_rows()`` (the store of record). False when the database is ahead
        of ``target`` (a writer appended since the caller read the journal: read again);
        with ``force`` it is rebuilt then."""
        with self._lock:
            try:
                return self._sync(target, entries_after, all_rows, force)
            except sqlite3.DatabaseError:
                self.close()
                if self.path is not None:
                    remove_derived(self.path)
                return self._sync(target, entries_after, all_rows, force)

    def _sync(
        self,
        target: State,
        entries_after: Callable[[State], list[Entry] | None],
        all_rows: Callable[[], dict[str, Any]],
        force: bool,
    ) -> bool:
        if self.state == target:
            return True
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            held = self._stored_state(db)
            if held is not None and held.seq > target.seq and not force:
                db.execute("COMMIT")
                return False
            if held != target:
                entries = entries_after(held) if held is not None else None
                if entries is None:
                    self._rebuild(db, all_rows())
                else:
                    self._apply(db, entries)
                db.execute(
                    "INSERT OR REPLACE INTO meta VALUES('state', ?)",
                    (json.dumps(target.to_json()),),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self.state = target
        return True

    def apply(self, entries: list[Entry], before: State, after: State) -> None:
        """A writer's own entries (under the index lock): applied if the database held
        ``before``; otherwise it is left for the next sync to bring forward."""
        with self._lock:
            try:
                db = self._connect()
                db.execute("BEGIN IMMEDIATE")
                try:
                    if self._stored_state(db) == before:
                        self._apply(db, entries)
                        db.execute(
                            "INSERT OR REPLACE INTO meta VALUES('state', ?)",
                            (json.dumps(after.to_json()),),
                        )
                        self.state = after
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            except sqlite3.DatabaseError:
                self.close()

    @staticmethod
    def _stored_state(db: sqlite3.Connection) -> State | None:
        found = db.execute("SELECT v FROM meta WHERE k='state'").fetchone()
        if found is None:
            return None
        try:
            return State.from_json(json.loads(found[0]))
        except ValueError:
            return None

    def _rebuild(self, db: sqlite3.Connection, rows: dict[str, Any]) -> None:
        """Everything again, inserted in key order (a B-tree filled in order is written
        once; in random order, 1.6 million band rows at 100,000 articles took a minute)."""
        from .article_index import row_problems

        db.execute("DELETE FROM rows")
        db.execute("DELETE FROM bands")
        db.execute("DELETE FROM damaged")
        bad = {i: found for i, r in rows.items() if (found := row_problems(i, r))}
        db.executemany(
            "INSERT INTO damaged VALUES(?,?)", ((i, json.dumps(f)) for i, f in bad.items())
        )
        rows = {i: r for i, r in rows.items() if i not in bad}
        encode = json.JSONEncoder(ensure_ascii=False).encode
        db.executemany(
            "INSERT INTO rows VALUES(?,?,?,?)",
            (
                (i, r.get("sha256"), _old_key(r), encode(r))
                for i, r in sorted(rows.items())
                if isinstance(r, dict)
            ),
        )
        bands = sorted((v, i) for i, r in rows.items() for v in _bands(r))
        db.executemany("INSERT OR IGNORE INTO bands VALUES(?,?)", bands)

    def _apply(self, db: sqlite3.Connection, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        fresh = self._fresh_puts(db, entries)
        if fresh:
            self._insert_fresh(db, fresh)
            entries = [e for e in entries if e.op.get("id") not in fresh]
        for entry in entries:
            op = entry.op
            article_id = op.get("id")
            if not isinstance(article_id, str):
                continue
            old = self._row(db, article_id)
            kind = op.get("op")
            if kind == "put":
                new = op.get("row")
            elif kind == "del":
                new = None
            elif kind in ("edit", "set"):
                if not isinstance(old, dict):
                    continue
                new = changed_row(old, op)
            else:
                continue
            self._put(db, article_id, old, new if isinstance(new, dict) else None)

    @staticmethod
    def _fresh_puts(db: sqlite3.Connection, entries: list[Entry]) -> dict[str, dict[str, Any]]:
        """The rows of ``entries`` that put an id no row holds yet and no other entry names:
        an import's new articles, inserted together (see _insert_fresh). Empty unless there
        are many."""
        if len(entries) < FRESH_FROM:
            return {}
        named: dict[str, int] = {}
        for entry in entries:
            article_id = entry.op.get("id")
            if isinstance(article_id, str):
                named[article_id] = named.get(article_id, 0) + 1
        fresh = {
            article_id: row
            for entry in entries
            if entry.op.get("op") == "put"
            and isinstance(article_id := entry.op.get("id"), str)
            and named[article_id] == 1
            and isinstance(row := entry.op.get("row"), dict)
        }
        ids = list(fresh)
        for at in range(0, len(ids), 500):
            part = ids[at : at + 500]
            marks = ",".join("?" * len(part))
            for (held,) in db.execute(f"SELECT id FROM rows WHERE id IN ({marks})", part):
                del fresh[held]
        return fresh

    @staticmethod
    def _insert_fresh(db: sqlite3.Connection, fresh: dict[str, dict[str, Any]]) -> None:
        """As _put for each of these new ids, at once: one statement a table, the band rows
        in key order (in random order each insert lands on another page of the B-tree)."""
        from .article_index import row_problems

        db.executemany("DELETE FROM damaged WHERE id=?", ((i,) for i in fresh))
        bad = {i: found for i, row in fresh.items() if (found := row_problems(i, row))}
        db.executemany(
            "INSERT INTO damaged VALUES(?,?)", ((i, json.dumps(f)) for i, f in bad.items())
        )
        good = sorted((i, row) for i, row in fresh.items() if i not in bad)
        db.executemany(
            "INSERT OR IGNORE INTO bands VALUES(?,?)",
            sorted((v, i) for i, row in good for v in _bands(row)),
        )
        db.executemany(
            "INSERT OR REPLACE INTO rows VALUES(?,?,?,?)",
            (
                (i, row.get("sha256"), _old_key(row), json.dumps(row, ensure_ascii=False))
                for i, row in good
            ),
        )

    @staticmethod
    def _row(db: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
        found = db.execute("SELECT row FROM rows WHERE id=?", (article_id,)).fetchone()
        return json.loads(found[0]) if found else None

    @staticmethod
    def _put(
        db: sqlite3.Connection,
        article_id: str,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
    ) -> None:
        from .article_index import row_problems

        db.execute("DELETE FROM damaged WHERE id=?", (article_id,))
        found = row_problems(article_id, new) if new is not None else []
        if found:
            db.execute("INSERT INTO damaged VALUES(?,?)", (article_id, json.dumps(found)))
            new = None
        old_bands, new_bands = _bands(old), _bands(new)
        if old_bands != new_bands:
            db.executemany(
                "DELETE FROM bands WHERE v=? AND id=?", ((v, article_id) for v in old_bands)
            )
            db.executemany(
                "INSERT OR IGNORE INTO bands VALUES(?,?)", ((v, article_id) for v in new_bands)
            )
        if new is None:
            db.execute("DELETE FROM rows WHERE id=?", (article_id,))
        else:
            db.execute(
                "INSERT OR REPLACE INTO rows VALUES(?,?,?,?)",
                (article_id, new.get("sha256"), _old_key(new), json.dumps(new, ensure_ascii=False)),
            )

    # questions -----------------------------------------------------------------------------
    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connect().execute(sql, args).fetchall()

    def row(self, article_id: str) -> dict[str, Any] | None:
        found = self._query("SELECT row FROM rows WHERE id=?", (article_id,))
        return json.loads(found[0][0]) if found else None

    def has(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM rows WHERE id=?", (article_id,)))

    def with_prefix(self, prefix: str, limit: int = 11) -> list[str]:
        """Ids starting with ``prefix`` (lower-case hex), sorted."""
        return [
            r[0]
            for r in self._query(
                "SELECT id FROM rows WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\U0010ffff", limit),
            )
        ]

    def by_sha(self, sha: str) -> str | None:
        found = self._query("SELECT id FROM rows WHERE sha=? LIMIT 1", (sha,))
        return found[0][0] if found else None

    def candidates(self, sig: tuple[int, ...]) -> list[str]:
        """Ids sharing at least one band with ``sig``, most shared bands first."""
        from reader.importing.dedupe import bands

        keys = [(band << 32) | value for band, value in enumerate(bands(sig))]
        marks = ",".join("?" * len(keys))
        found = self._query(
            f"SELECT id, count(*) AS n FROM bands WHERE v IN ({marks}) GROUP BY id "
            "ORDER BY n DESC, id",
            tuple(keys),
        )
        return [r[0] for r in found]

    def with_old_key(self, key: str) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM rows WHERE oldkey=?", (key,))]

    def unsigned(self, limit: int) -> list[str]:
        """Rows keyed by an older version (one hash): re-signed a few per import."""
        return [
            r[0]
            for r in self._query(
                "SELECT id FROM rows WHERE oldkey IS NOT NULL ORDER BY id LIMIT ?", (limit,)
            )
        ]

    def damaged(self) -> dict[str, list[tuple[str, str]]]:
        """Damaged rows: id -> what is wrong, as (field, reason)."""
        return {
            i: [(str(x[0]), str(x[1])) for x in json.loads(f)]
            for i, f in self._query("SELECT id, found FROM damaged ORDER BY id")
        }

    def count(self) -> int:
        return int(self._query("SELECT count(*) FROM rows")[0][0])

    def ids(self) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM rows ORDER BY id")]

    def rows_after(self, after: str, limit: int) -> list[tuple[str, dict[str, Any]]]:
        """Up to ``limit`` (id, row) by id, from the first id after ``after`` ("" for the
        first): a walk over every row in pages, one query each."""
        found = self._query(
            "SELECT id, row FROM rows WHERE id > ? ORDER BY id LIMIT ?", (after, limit)
        )
        return [(article_id, json.loads(row)) for article_id, row in found]


def _clear(db: sqlite3.Connection) -> None:
    """Empty a lookup written by another format (it is rebuilt from the index)."""
    db.execute("DELETE FROM rows")
    db.execute("DELETE FROM bands")
    db.execute("DELETE FROM meta WHERE k='state'")
