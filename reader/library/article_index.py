"""The library index: ``articles.json`` (TinyDB) plus ``articles.journal``, cached reads, locked
writes that append what changed.

Why a module of its own: the index is the one store every process and every screen reads, and
must stay fast from 1,000 to 1,000,000 articles. Rows are stored compactly (empty fields dropped,
the id is the key). A write appends its changes to the journal (journal.py): one change costs the
same at any size; the writer holding the lock folds the journal into the base now and then.

Reading: lists read the rows as columns (index_columns.py), from the snapshot (index_snapshot.py)
with the journal entries after its state replayed; a process that holds the columns follows
other processes' writes by reading only what was appended to the journal since. Single
articles (by id, prefix or SHA-256) and dedupe candidates come from the lookup database
(lookup.py), brought to the current state on use. ``rows()`` reads the store of record itself.

Writing: ``transaction()`` takes the lock, reads the journal (never a cache) to know the current
state, brings the lookup to it, and lets the caller record operations (put, delete, edit,
update); they are appended as one fsynced write. Two processes never lose each other's changes:
each appends under the lock to the state the other left, and operations apply to the row as it
is then. No row read from a cache is ever written: operations carry only what the caller
changes.

The base is a TinyDB database: table ``articles`` keyed by article id, table ``_schema`` (its
version and the state it holds). A base of an earlier version (one line, no state) is read as
it is and rewritten in the current layout by the first write (migration: one atomic replace).
"""

from __future__ import annotations

import gc
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from reader.base.errors import ReaderError
from reader.base.values import is_text_list, kind_of

from . import journal as jr
from .index_columns import ArticleColumns, SnapshotDamaged
from .index_snapshot import load_snapshot, save_snapshot, stamp_of
from .journal import Entry, State
from .lookup import Lookup
from .models import ArticleMeta

SCHEMA_VERSION = jr.SCHEMA_VERSION
SNAPSHOT_FROM = 2_000  # rows; below this the JSON parses in milliseconds
SAVE_AFTER = 200  # journal entries a reader replays onto the snapshot before saving a new one
# bytes of articles.json above which reading it whole is long work (about 0.1 s per 2 MB;
# 126 s at 1,000,000 rows): quick_columns() then leaves it to the caller's worker
QUICK_BYTES = 2_000_000
TABLE = "articles"
_FIELDS = [f.name for f in fields(ArticleMeta) if f.name != "id"]
_REQUIRED = {"sha256", "title", "format", "file", "added", "content_key"}


class LibraryError(ReaderError):
    """One-line user-facing problem: unknown id, ambiguous prefix, corrupt index, ..."""


class _LongRead(Exception):
    """quick_columns(): the rows can only be had by reading the whole store of record."""


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
    if type(actors) is list and not is_text_list(actors):
        return False
    tags = row.get("import_tags")
    if tags is not None and not is_text_list(tags):
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
            if not (type(value) is str or is_text_list(value)):
                found.append((name, f"expected names, got {kind_of(value)}"))
        elif name == "import_tags":
            if not is_text_list(value):
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


def decode_rows(
    path: Path, raw: dict[str, Any]
) -> tuple[dict[str, ArticleMeta], dict[str, Any], dict[str, str]]:
    """(good rows as ArticleMeta, damaged rows as stored, one message per damaged row)."""
    metas: dict[str, ArticleMeta] = {}
    bad: dict[str, Any] = {}  # (keys in the order stored)
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


def encode_value(name: str, value: Any) -> Any:
    """A field as stored (actor names joined into one string)."""
    if name == "actors":
        return ACTOR_SEPARATOR.join(value) if value else ""
    return value


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
Stamps = tuple[tuple[int, int, int] | None, tuple[int, int] | None]  # base, journal
Follower = Callable[[list[Entry], State, State], None]
EMPTY = State(0, "")
_shared: dict[str, str] = {}
_share = _shared.setdefault  # grows with the distinct actor names a library holds (small)


def decode_row(article_id: str, row: dict[str, Any]) -> ArticleMeta:
    """Fast path for 100,000 rows: fill the instance dict directly (no __init__, no lookups)."""
    if not isinstance(row, dict) or not _REQUIRED.issubset(row):
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
    values["given"] = dict(row.get("given") or {})
    return meta


@dataclass
class StoreRead:
    """The store of record as read: the base's state and the journal entries after it."""

    base_stamp: tuple[int, int, int] | None
    base_state: State | None  # None: no base yet
    laid_out: bool  # the base has the current layout (else it is migrated by the next write)
    journal: jr.JournalRead
    entries: list[Entry]  # journal entries after the base's state
    parsed: dict[str, Any] | None = None  # the base's rows, when reading its state needed them

    @property
    def end(self) -> State | None:
        return self.entries[-1].state if self.entries else self.base_state

    @property
    def head(self) -> State:
        """The current state as derived files know it (of an index never written: the empty
        one). A base not in the layout reader writes (an earlier version's, or one edited by
        hand) is also named by its file stamp: what it claims cannot be taken on trust."""
        end = self.end or EMPTY
        if self.base_stamp is not None and not self.laid_out:
            return State(end.seq, jr.chain_next(end.chain, repr(self.base_stamp).encode()))
        return end

    def since(self, held: State) -> list[Entry] | None:
        """The entries after ``held``, if ``held`` is a state of this history (else None)."""
        if self.base_stamp is not None and not self.laid_out:
            return [] if held == self.head else None
        base = self.base_state
        if base is None:
            return None
        if held == base:
            return self.entries
        if held.seq <= base.seq:
            return None
        at = held.seq - base.seq - 1
        if at < len(self.entries) and self.entries[at].chain == held.chain:
            return self.entries[at + 1 :]
        return None


class IndexTxn:
    """Changes made under the writer lock, recorded as operations on the current state."""

    def __init__(self, index: ArticleIndex) -> None:
        self.index = index
        self.ops: list[dict[str, Any]] = []
        self._mine: dict[str, ArticleMeta | None] = {}  # rows this transaction changed

    @property
    def changed(self) -> bool:
        return bool(self.ops)

    @changed.setter
    def changed(self, value: bool) -> None:
        """(A transaction always leaves a written index behind: nothing else to do.)"""

    def get(self, article_id: str) -> ArticleMeta | None:
        if article_id in self._mine:
            return self._mine[article_id]
        return self.index.meta(article_id, synced=True)

    def contains(self, article_id: str) -> bool:
        if article_id in self._mine:
            return self._mine[article_id] is not None
        return self.index.lookup.has(article_id)

    def put(self, meta: ArticleMeta) -> None:
        """A whole new row (an import, a rebuilt row)."""
        self.ops.append({"op": "put", "id": meta.id, "row": encode_row(meta)})
        self._mine[meta.id] = meta

    def delete(self, article_id: str) -> None:
        self.ops.append({"op": "del", "id": article_id})
        self._mine[article_id] = None

    def edit(self, article_id: str, **changes: Any) -> ArticleMeta | None:
        """The user's corrections: the fields and ``edited`` (they survive reimport)."""
        return self._change("edit", article_id, changes, keep_edited=False)

    def update(
        self, article_id: str, *, keep_edited: bool = False, **changes: Any
    ) -> ArticleMeta | None:
        """Fields the program recomputed; ``keep_edited``: not those the user corrected."""
        return self._change("set", article_id, changes, keep_edited=keep_edited)

    def _change(
        self, kind: str, article_id: str, changes: dict[str, Any], *, keep_edited: bool
    ) -> ArticleMeta | None:
        current = self.get(article_id)
        if current is None:
            return None
        op: dict[str, Any] = {
            "op": kind,
            "id": article_id,
            "fields": {k: encode_value(k, v) for k, v in changes.items()},
        }
        if keep_edited:
            op["keep_edited"] = True
        meta = decode_row(article_id, jr.changed_row(encode_row(current), op))
        self.ops.append(op)
        self._mine[article_id] = meta
        return meta


class ArticleIndex:
    def __init__(self, path: Path, snapshot_path: Path | None = None) -> None:
        self.path = path
        self.journal_path = path.with_name("articles.journal")
        # derived: the library keeps them in its cache folder (reader.paths.cache_dir)
        self.snapshot_path = snapshot_path or path.with_name("articles.cache")
        self.lookup = Lookup(
            self.snapshot_path.with_name("lookup.sqlite") if snapshot_path else None
        )
        self._key: Stamps | None = None  # (base stamp, journal (inode, size)) of the view
        self._lookup_key: Stamps | None = None  # the same, when the lookup was last synced
        self._state: State | None = None  # the state the view holds
        self._resume: jr.Resume | None = None  # where to read the journal on
        self._metas: dict[str, ArticleMeta] | None = {}
        self._columns: ArticleColumns | None = ArticleColumns.from_metas(())
        self._bad: dict[str, Any] = {}  # damaged rows as stored
        self._problems: dict[str, str] = {}  # damaged rows' messages, by id
        # the TUI reads from its main thread while an import worker writes: the cached state
        # (stamp, rows, columns) changes together, under this lock
        self._lock = threading.RLock()
        # derived indexes that follow each write (the search index): (entries, before, after)
        self.followers: list[Follower] = []
        # the TUI reads the snapshot chunk by chunk, each checked when first read (lazy);
        # the CLI reads it whole, checked at once (index_snapshot.load_snapshot)
        self.lazy_snapshot = False
        self._distrust_snapshot = False  # a chunk failed its check: rebuild from the store
        self._quick_only = False  # quick_columns(): never read the store of record whole

    # the store of record --------------------------------------------------------------------
    def stamp(self) -> Stamps:
        """Changes whenever anyone writes the index (two stats: base and journal)."""
        return self._stamps()

    def _stamps(self) -> Stamps:
        try:
            base = stamp_of(os.stat(self.path))
        except FileNotFoundError:
            base = None
        try:
            st = os.stat(self.journal_path)
            journal = (st.st_ino, st.st_size)
        except FileNotFoundError:
            journal = None
        return base, journal

    def read_store(self, *, strict: bool = True) -> StoreRead:
        """The base's state (its first line; the whole file only for an earlier layout) and
        the journal, checked: a journal damaged before its end is an error (``reader doctor
        --repair``); so is one that does not continue the base (the base was lost, replaced
        or restored), for writers (``strict``): readers then read the base alone, so a lost
        index reads as lost."""
        try:
            stamp = stamp_of(os.stat(self.path))
        except FileNotFoundError:
            stamp = None
        parsed = None
        if stamp is None:
            base_state, laid_out = None, False
        else:
            base_state, laid_out = jr.read_head(self.path)
            if base_state is None:
                data = self._read_base_json()
                parsed = data.get(TABLE, {})
                base_state = jr.schema_state(data, stamp)
        journal = jr.read_journal(self.journal_path)
        if journal.damaged:
            raise LibraryError(
                f"{self.journal_path}: {journal.damaged}; run reader doctor --repair"
            )
        entries: list[Entry] = []
        if journal.start is not None:
            if base_state is None:
                if not strict:
                    return StoreRead(stamp, None, laid_out, jr.JournalRead(), [], parsed)
                raise LibraryError(
                    f"{self.path} is missing but {self.journal_path.name} is there; "
                    "run reader doctor --repair"
                )
            continues = journal.start == base_state or (
                journal.start.seq < base_state.seq
                and journal.chain_at(base_state.seq) == base_state.chain
            )
            if not continues:
                if not strict:
                    return StoreRead(stamp, base_state, laid_out, jr.JournalRead(), [], parsed)
                raise LibraryError(
                    f"{self.journal_path.name} does not continue {self.path}; "
                    "run reader doctor --repair"
                )
            entries = journal.after(base_state.seq)
        return StoreRead(stamp, base_state, laid_out, journal, entries, parsed)

    def _read_base_json(self) -> dict[str, Any]:
        from annotations.storage import AtomicJSONStorage  # corruption-aware, keeps a backup

        data = AtomicJSONStorage(self.path).read()
        if data is None:
            return {}
        table = data.get(TABLE, {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise LibraryError(f"{self.path}: not a reader index; run reader doctor")
        return data

    def stored_rows(self, store: StoreRead | None = None) -> dict[str, Any]:
        """Every row as stored (id -> row dict): the base with the journal applied."""
        store = store or self.read_store()
        rows = store.parsed
        if rows is None:
            rows = self._read_base_json().get(TABLE, {}) if store.base_stamp else {}
        rows = dict(rows)
        for entry in store.entries:
            jr.apply_op(rows, entry.op)
        return rows

    # reading ------------------------------------------------------------------------------
    def columns(self) -> ArticleColumns:
        """All rows as columns, newest first (what lists read), brought up to date with what
        other processes wrote since the last call."""
        with self._lock:
            self._refresh()
            columns = self.columns_now()
            self._check_lost()
            return columns

    def quick_columns(self) -> ArticleColumns | None:
        """``columns()`` if it needs no read of the whole store of record (the rows are held,
        follow the journal, or come from the snapshot); None if it does (no snapshot, or an
        old or damaged one, and a large ``articles.json``): the TUI then calls ``columns()``
        in a worker thread, showing progress, instead of blocking its UI thread."""
        with self._lock:
            self._quick_only = True
            try:
                self._refresh()
            except _LongRead:
                return None
            finally:
                self._quick_only = False
            columns = self.columns_now()
            self._check_lost()
            return columns

    def rows(self) -> dict[str, ArticleMeta]:
        """All rows by id as ArticleMeta, read from the store of record (never the snapshot)."""
        with self._lock:
            self._refresh()
            metas = self._metas
            if metas is None:
                key = self._stamps()
                store = self.read_store(strict=False)
                metas = self._decode(self.stored_rows(store))
                self._columns = None
                self._settle(key, store)
            self._check_lost()
            return metas

    def _decode(self, rows: dict[str, Any]) -> dict[str, ArticleMeta]:
        """Rows as stored -> good rows (kept as the view's rows) and damaged ones (named in
        ``problems``, kept as they are by every write)."""
        metas, bad, problems = _quietly(lambda: decode_rows(self.path, rows))
        self._metas, self._bad, self._problems = metas, bad, problems
        return metas

    @property
    def problems(self) -> list[str]:
        """One line per damaged row seen (file, article id, fields): by the last read of the
        rows, or by the lookup when this process asked it (show, tag, note, edit, import)."""
        with self._lock:
            found = dict(self._problems)
            if self._lookup_key is not None or self.lookup.state is not None:
                for article_id, fields_found in self.lookup.damaged().items():
                    found.setdefault(
                        article_id, problem_message(self.path, article_id, fields_found)
                    )
            return [found[i] for i in sorted(found)]

    def damaged_ids(self) -> set[str]:
        with self._lock:
            return set(self._problems)

    def _check_lost(self) -> None:
        """No rows, yet article folders exist: the index was lost, the library is not empty."""
        count = len(self._columns) if self._columns is not None else len(self._metas or ())
        if count or self._problems:
            return
        folders = count_article_folders(self.path.parent / "articles")
        if folders:
            state = "is missing" if not self.path.exists() else "lists no articles"
            exist = "article folder exists" if folders == 1 else "article folders exist"
            raise LibraryError(
                f"{self.path} {state}, but {folders} {exist}; "
                f"run reader doctor --repair to rebuild it from them"
            )

    def stored(self) -> tuple[dict[str, ArticleMeta], dict[str, Any]]:
        """(good rows, damaged rows as stored), read from the store of record without the
        check for a lost index: what ``reader doctor --repair`` works on."""
        with self._lock:
            rows = self.stored_rows(self.read_store(strict=False))
            metas, bad, _ = decode_rows(self.path, rows)
            return metas, bad

    def snapshot_matches(self) -> bool | None:
        """``reader doctor``'s full check of the snapshot: brought to the current state, does
        it hold exactly the rows of the store of record? ``None`` if there is no snapshot for a
        state of this history (it would be rebuilt on use)."""
        found = load_snapshot(self.snapshot_path)
        if found is None:
            return None
        columns, made_from, problems = found
        store = self.read_store()
        later = store.since(made_from)
        if later is None:
            return None
        metas, _bad, want = decode_rows(self.path, self.stored_rows(store))
        saved = (self._columns, self._metas, self._state)
        try:
            self._columns, self._metas = columns, None
            self._follow(later)
            return self._columns.metas() == metas and set(problems) <= set(want)
        except (TypeError, ValueError, IndexError):
            return False
        finally:
            self._columns, self._metas, self._state = saved

    def meta(self, article_id: str, *, synced: bool = False) -> ArticleMeta | None:
        """One row by full id (from the lookup), or None."""
        if not synced:
            self.sync_lookup()
        row = self.lookup.row(article_id)
        if row is None or row_problems(article_id, row):
            return None  # a damaged row is left out (named in problems, doctor fixes it)
        return decode_row(article_id, row)

    def has(self, article_id: str) -> bool:
        self.sync_lookup()
        return self.lookup.has(article_id)

    def with_prefix(self, prefix: str, limit: int = 11) -> list[str]:
        self.sync_lookup()
        return self.lookup.with_prefix(prefix, limit)

    def sync_lookup(self, store: StoreRead | None = None) -> None:
        """Bring the lookup database to the store's current state (a writer passes the store
        it read under the lock; a reader's sync is skipped while the files are unchanged)."""
        key = self._stamps() if store is None else None
        if key is not None and key == self._lookup_key:
            return
        for force in (False, True):
            current = store or self.read_store(strict=False)

            def all_rows(read: StoreRead = current) -> dict[str, Any]:
                return self.stored_rows(read)

            if self.lookup.sync(current.head, current.since, all_rows, force):
                break
            store = None  # the lookup is ahead of what we read: read again
        self._lookup_key = key

    def _refresh(self) -> None:
        key = self._stamps()
        if key == self._key:
            return
        if key[0] is None and key[1] is None:
            self._key, self._state, self._resume = key, None, None
            self._metas, self._columns = {}, None
            return
        old = self._key
        if (
            old is not None
            and self._resume is not None
            and key[0] == old[0]
            and key[1] is not None
            and key[1][0] == self._resume[2]
        ):
            more = jr.read_journal(self.journal_path, resume=self._resume)
            if not more.damaged:
                try:
                    self._follow(more.entries)
                except SnapshotDamaged:
                    self._distrust_snapshot = True
                    self._load(key)
                    return
                self._resume = (more.good_end, more.end or self._resume[1], self._resume[2])
                self._key = key
                return
        self._load(key)

    def _load(self, key: Stamps) -> None:
        store = self.read_store(strict=False)
        end = store.head
        lazy = self.lazy_snapshot
        found = (
            None
            if self._distrust_snapshot
            else _quietly(lambda: load_snapshot(self.snapshot_path, lazy=lazy))
        )
        distrusted, self._distrust_snapshot = self._distrust_snapshot, False
        later = store.since(found[1]) if found is not None else None
        if found is not None and later is not None:
            columns, made_from, problems = found
            self._columns, self._metas, self._problems = columns, None, problems
            self._state = made_from
            try:
                self._follow(later)
            except SnapshotDamaged:  # a lazily read chunk failed its check: the store, below
                distrusted = True
            else:
                if len(later) > SAVE_AFTER and len(self._columns) >= SNAPSHOT_FROM:
                    save_snapshot(self.snapshot_path, end, self._columns, self._problems)
                self._settle(key, store)
                return
        if self._quick_only and self._base_size() > QUICK_BYTES:
            self._distrust_snapshot = distrusted  # as it was: the worker's read decides
            self._key = None
            raise _LongRead
        metas = self._decode(self.stored_rows(store))
        self._columns = None
        self._state = end
        self._settle(key, store)
        if len(metas) >= SNAPSHOT_FROM:
            save_snapshot(self.snapshot_path, end, self.columns_now(), self._problems)

    def _base_size(self) -> int:
        try:
            return os.stat(self.path).st_size
        except OSError:
            return 0

    def _settle(self, key: Stamps, store: StoreRead) -> None:
        self._key = key
        self._state = store.end
        journal = store.journal
        if journal.start is not None and journal.end is not None:
            self._resume = (journal.good_end, journal.end, journal.inode)
        else:
            self._resume = None

    def snapshot_rebuilt(self) -> None:
        """Another process wrote a new snapshot from the store of record (the TUI's reader
        process, see Session.build_snapshot): trust the snapshot file again."""
        with self._lock:
            self._distrust_snapshot = False
            self._key = None

    def snapshot_damaged(self) -> None:
        """A chunk of the lazily read snapshot failed its check (SnapshotDamaged, raised
        while the columns were read): the next read rebuilds from the store of record (and
        writes a new snapshot)."""
        with self._lock:
            self._distrust_snapshot = True
            self._key = None

    def columns_now(self) -> ArticleColumns:
        if self._columns is None:
            assert self._metas is not None  # the view holds the rows, the columns or both
            metas = self._metas.values()
            self._columns = _quietly(lambda: ArticleColumns.from_metas(metas))
        return self._columns

    def _follow(self, entries: list[Entry]) -> None:
        """Apply journal entries to the rows and columns held in memory."""
        if not entries:
            return
        if self._metas is not None:
            for entry in entries:
                _apply_to_metas(self._metas, entry.op, self.path)
            self._columns = None
        else:
            columns = self._columns
            assert columns is not None  # the view holds the rows, the columns or both
            changed: dict[str, ArticleMeta | None] = {}
            for entry in entries:
                op = entry.op
                article_id = op.get("id")
                if not isinstance(article_id, str):
                    continue
                if op.get("op") == "put":
                    changed[article_id] = _decoded(article_id, op.get("row"))
                elif op.get("op") == "del":
                    changed[article_id] = None
                else:
                    current = (
                        changed[article_id]
                        if article_id in changed
                        else _meta_at(columns, article_id)
                    )
                    if current is not None:
                        row = jr.changed_row(encode_row(current), op)
                        changed[article_id] = _decoded(article_id, row)
            self._columns = _quietly(lambda: columns.patched(changed))
        self._state = entries[-1].state

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
        """Lock, read the journal, let the caller record changes, append them at once."""
        from filelock import Timeout

        from reader.base import atomic
        from reader.base.atomic import file_lock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = file_lock(self.path)
        try:
            lock.acquire()
        except Timeout:
            raise LibraryError(
                f"{self.path} is locked by another reader process for over {atomic.LOCK_TIMEOUT:.0f} s"
            ) from None
        try:
            store = self._writable_store()
            self.sync_lookup(store)
            txn = IndexTxn(self)
            yield txn
            if txn.ops:
                self._append(store, txn.ops)
        finally:
            lock.release()

    def _writable_store(self) -> StoreRead:
        """The store, migrated to the current layout if it is not (under the lock)."""
        store = self.read_store()
        if store.base_state is None or not store.laid_out:
            rows = self.stored_rows(store) if store.base_stamp else {}
            self._write_base(rows, State(0, jr.new_chain()))
            store = self.read_store()
        elif store.journal.start is None:
            self._new_journal(store.base_state)
            store = self.read_store()
        return store

    def _write_base(self, rows: dict[str, Any], state: State) -> None:
        from reader.base.atomic import atomic_write_bytes

        atomic_write_bytes(self.path, jr.base_bytes(rows, state))
        self._new_journal(state)

    def _new_journal(self, state: State) -> None:
        from reader.base.atomic import atomic_write_bytes

        atomic_write_bytes(self.journal_path, jr.header_line(state))

    def _append(self, store: StoreRead, ops: list[dict[str, Any]]) -> None:
        from reader.base.atomic import append_durable

        state = store.head
        lines = []
        entries = []
        for op in ops:
            seq = state.seq + 1
            line, chain = jr.encode_line({"seq": seq, **op}, state.chain)
            lines.append(line)
            state = State(seq, chain)
            entries.append(Entry(seq, op, chain))
        append_durable(self.journal_path, b"".join(lines), cut_at=store.journal.good_end)
        self.lookup.apply(entries, store.head, state)
        for follow in self.followers:
            follow(entries, store.head, state)
        with self._lock:
            if (
                self._state == store.head
                and self._key is not None
                and self._key[0] == store.base_stamp
            ):
                self._follow(entries)
                st = os.stat(self.journal_path)
                self._key = (store.base_stamp, (st.st_ino, st.st_size))
                self._resume = (st.st_size, state, st.st_ino)
            else:
                self._key = None  # re-read at the next use
        small = store.base_stamp is not None and store.base_stamp[1] < jr.FOLD_BELOW
        if small or len(store.entries) + len(entries) > jr.COMPACT_AFTER:
            # the store as it now is: what was read under this lock and what was appended
            # (read again, the journal would be in memory twice: ~3 MB at 1,000 entries)
            now = StoreRead(
                store.base_stamp,
                store.base_state,
                store.laid_out,
                store.journal,
                store.entries + entries,
                store.parsed,
            )
            self.fold(now)

    def fold(self, known: StoreRead | None = None) -> int:
        """Fold the journal into a new base (the caller holds the lock, or ``reader doctor``
        takes it); returns how many entries were folded. The snapshot is brought to the new
        state on the way when it can be (so that readers need not parse the new base).
        ``known``: the store as the caller, holding the lock, knows it is (else it is read)."""
        from reader.base.atomic import atomic_write_bytes, file_lock

        with file_lock(self.path):
            store = known if known is not None else self.read_store()
            if not store.entries and (store.laid_out or store.base_stamp is None):
                return 0
            end = store.head
            data: bytes | Iterator[bytes]
            if store.base_stamp and store.laid_out:  # streamed: never the whole base in memory
                data = jr.fold_file(self.path, store.entries, end)
            else:
                base = self.path.read_bytes() if store.base_stamp else b""
                data = jr.fold(base, store.laid_out, store.entries, end)
            keep = self._snapshot_at(store)
            atomic_write_bytes(self.path, data)
            self._new_journal(end)
            if keep is not None:
                save_snapshot(self.snapshot_path, end, keep, self._problems)
            with self._lock:
                self._key = None
        return len(store.entries)

    def salvage_journal(self) -> list[str]:
        """``reader doctor --repair``: a journal that is damaged, or does not continue the
        base, is kept beside it (renamed); the entries that can be read and continue the base
        are folded into it first."""
        from annotations.storage import StorageError
        from reader.base.atomic import atomic_write_bytes, file_lock

        with file_lock(self.path):
            try:
                self.read_store()
                return []
            except StorageError:
                return []  # the base itself is damaged: rebuilt from the originals
            except LibraryError:
                pass
            journal = jr.read_journal(self.journal_path)
            if journal.start is None and not self.journal_path.exists():
                return []
            aside = self.journal_path.with_name(
                f"{self.journal_path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}"
            )
            os.replace(self.journal_path, aside)
            done = [f"set aside the damaged journal: {aside}"]
            try:
                store = self.read_store()
            except LibraryError:
                return done
            if store.base_state is None:
                return done
            good = journal.after(store.base_state.seq) if journal.start is not None else []
            if journal.chain_at(store.base_state.seq) != store.base_state.chain:
                good = []
            if good:
                base = self.path.read_bytes()
                end = good[-1].state
                atomic_write_bytes(self.path, jr.fold(base, store.laid_out, good, end))
                self._new_journal(end)
                done.append(f"kept {len(good)} changes from it that could be read")
            with self._lock:
                self._key = None
            return done

    def _snapshot_at(self, store: StoreRead) -> ArticleColumns | None:
        """Columns for the store's end state, if this process holds them or a snapshot can
        be brought there; None otherwise."""
        with self._lock:
            if self._state == store.head and self._columns is not None:
                return self._columns
        found = load_snapshot(self.snapshot_path)
        if found is None:
            return None
        columns, made_from, _problems = found
        later = store.since(made_from)
        if later is None:
            return None
        saved = (self._columns, self._metas, self._state)
        try:
            self._columns, self._metas = columns, None
            self._follow(later)
            return self._columns
        finally:
            self._columns, self._metas, self._state = saved


def _decoded(article_id: str, row: Any) -> ArticleMeta | None:
    try:
        return decode_row(article_id, row)
    except LibraryError:
        return None


def _meta_at(columns: ArticleColumns, article_id: str) -> ArticleMeta | None:
    at = columns.find(article_id)
    return columns.meta(at) if at is not None else None


def _apply_to_metas(metas: dict[str, ArticleMeta], op: dict[str, Any], path: Path) -> None:
    article_id = op.get("id")
    if not isinstance(article_id, str):
        return
    kind = op.get("op")
    if kind == "put":
        meta = _decoded(article_id, op.get("row"))
        if meta is None:
            metas.pop(article_id, None)
        else:
            metas[article_id] = meta
    elif kind == "del":
        metas.pop(article_id, None)
    elif article_id in metas:
        row = jr.changed_row(encode_row(metas[article_id]), op)
        metas[article_id] = decode_row(article_id, row)


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
