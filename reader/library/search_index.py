"""The full-text index (``search.sqlite`` in the cache folder): SQLite FTS5 over title, source,
text, tags, note text and actor names, ranked by BM25, with snippets.

Why SQLite FTS5: it is in the standard library (no download, nothing to build), answers a rare
word in under a millisecond and a word in most articles, ranked, in tens of milliseconds, and
its index is smaller than the text when it stores no copy of it (``content=''``): snippets are
cut from the article's own ``text.txt`` for the few hits shown. bench/bench_search_engines.py
measures it beside tantivy on the same articles.

Derived and rebuildable, like the lookup (lookup.py): it records the index state it holds and
follows the journal; writers update it as they append (``apply``), a search brings it forward,
anything it cannot follow (a fold it missed, another history, damage) rebuilds it. Tags and
notes live in the annotation store: each article's annotation signature is kept, and a search
re-indexes the articles whose annotations changed since (one stat when nothing did).

The FTS table stores no text, so an SQLite older than 3.43 cannot delete from it: a changed
or removed article's old entry is marked dead in ``docs`` and left out of every answer; the
index is rebuilt when the dead outnumber a quarter of the live (``reader doctor --repair``
rebuilds it too).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .journal import Entry, State
from .search_query import Query, fold, parse
from .sqlite_files import connect_derived

if TYPE_CHECKING:
    from .store import Library

FORMAT = "1"
COLUMNS = ("title", "source", "body", "tags", "notes", "actors")
WEIGHTS = (6.0, 2.0, 1.0, 3.0, 2.0, 2.0)  # BM25 column weights: a title hit counts most
BATCH = 1000  # documents per transaction while building
_INSERT_DOC = "INSERT INTO docs(n, id, live, date, lang, ann) VALUES(?, ?, 1, ?, ?, ?)"
_INSERT_FTS = (
    "INSERT INTO fts(rowid, title, source, body, tags, notes, actors) VALUES(?, ?, ?, ?, ?, ?, ?)"
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs(
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, live INTEGER NOT NULL,
    date TEXT, lang TEXT, ann TEXT);
CREATE INDEX IF NOT EXISTS docs_live ON docs(id) WHERE live = 1;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, source, body, tags, notes, actors,
    content='', tokenize='unicode61 remove_diacritics 2');
"""


class SearchUnavailable(Exception):
    """This SQLite has no FTS5."""


def has_fts5() -> bool:
    try:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        db.close()
        return True
    except sqlite3.OperationalError:
        return False


@dataclass
class Hit:
    id: str
    score: float  # BM25, higher is better


class SearchIndex:
    def __init__(self, library: Library, path: Path | None) -> None:
        self.library = library
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.progress: Callable[[int, int], None] | None = None  # (done, total) while building

    # the connection ------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if not has_fts5():
            raise SearchUnavailable(
                f"this Python's SQLite ({sqlite3.sqlite_version}) has no FTS5; "
                "reader search reads every article instead (slow)"
            )
        self._db = connect_derived(self.path, _SCHEMA, FORMAT, _clear)
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def exists(self) -> bool:
        return self.path is not None and self.path.exists()

    # keeping it current ----------------------------------------------------------------------
    def sync(self) -> None:
        """Bring the index to the library's current state and annotations."""
        index = self.library.index
        with self._lock:
            for _ in range(2):
                store = index.read_store()
                index.sync_lookup(store)
                target = store.end or State(0, "")
                db = self._connect()
                held = _state(db)
                if held is not None and held.seq > target.seq:
                    continue  # a writer appended since we read: read again
                if held != target:
                    entries = store.since(held) if held is not None else None
                    if entries is None or self._garbage(db) > max(1000, self._live(db) // 4):
                        self.rebuild(target)
                    else:
                        self._write(db, self._touched(entries), target)
                break
            self._sync_annotations(self._connect())

    def apply(self, entries: list[Entry], before: State, after: State) -> None:
        """A writer's own entries: applied if the index held ``before`` (else left for the next
        search to bring forward)."""
        if not self.exists():
            return  # never searched: built when first needed
        with self._lock:
            try:
                db = self._connect()
                if _state(db) == before:
                    self._write(db, self._touched(entries), after)
            except (sqlite3.DatabaseError, SearchUnavailable):
                self.close()

    @staticmethod
    def _touched(entries: Iterable[Entry]) -> list[str]:
        return list(dict.fromkeys(i for e in entries if isinstance(i := e.op.get("id"), str)))

    def _write(self, db: sqlite3.Connection, ids: list[str], target: State | None) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            signatures = self._signatures()
            for article_id in ids:
                self._kill(db, article_id)
                self._add(db, article_id, signatures)
            if target is not None:
                _set_state(db, target)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def rebuild(self, target: State | None = None) -> int:
        """Index every article again (``reader doctor --repair``; a search that cannot catch
        up). Returns how many were indexed."""
        index = self.library.index
        with self._lock:
            if target is None:
                store = index.read_store()
                index.sync_lookup(store)
                target = store.end or State(0, "")
            db = self._connect()
            total = index.lookup.count()
            db.execute("BEGIN IMMEDIATE")
            try:
                _clear(db)
                done = self._fill(db, total)
                _set_state(db, target)
                db.execute(
                    "INSERT OR REPLACE INTO meta VALUES('ann', ?)",
                    (json.dumps(self._ann_version()),),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("INSERT INTO fts(fts) VALUES('optimize')")
            if self.progress:
                self.progress(done, max(done, total))
            return done

    def _fill(self, db: sqlite3.Connection, total: int) -> int:
        """Every article into the emptied index, inside the caller's transaction (committed
        every ``BATCH``). A page of rows is read here (the lookup's connection is this
        thread's) and its documents made in a helper thread (texts read, annotations, folding)
        while SQLite indexes the page before it (the sqlite3 module lets go of the GIL meanwhile):
        the two CPUs' work overlaps. Returns how many were indexed."""
        from concurrent.futures import Future, ThreadPoolExecutor

        lookup = self.library.index.lookup
        signatures = self._signatures()
        done = 0
        pending: Future[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]] | None = None
        after = ""
        with ThreadPoolExecutor(1, thread_name_prefix="reader-search-build") as helper:
            while True:
                page = lookup.rows_after(after, BATCH)
                made = helper.submit(self._documents, page, done + 1, signatures) if page else None
                if pending is not None:
                    docs, texts = pending.result()
                    db.executemany(_INSERT_DOC, docs)
                    db.executemany(_INSERT_FTS, texts)
                    db.execute("COMMIT")
                    if self.progress:
                        self.progress(done, max(done, total))
                    db.execute("BEGIN IMMEDIATE")
                if made is None:
                    break
                pending, after = made, page[-1][0]
                done += len(page)
        return done

    def _documents(
        self, page: list[tuple[str, dict[str, Any]]], first: int, signatures: dict[str, Any]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The ``docs`` and ``fts`` rows of a page of index rows, numbered from ``first``."""
        docs = []
        texts = []
        root = str(self.library.folders.root)
        for n, (article_id, row) in enumerate(page, first):
            if not isinstance(row, dict):
                continue
            try:
                path = f"{root}/articles/{article_id[:2]}/{article_id}/text.txt"
                with open(path, encoding="utf-8") as fh:
                    body = fh.read()
            except (OSError, ValueError):  # a missing text: title and the rest still found
                body = ""
            sig = signatures.get(article_id)
            tags, notes = self._annotations(article_id) if sig is not None else ([], [])
            docs.append((n, article_id, row.get("date"), row.get("lang"), _sig(sig)))
            values = [row.get("title") or "", row.get("source") or "", body, " ".join(tags)]
            values += ["\n".join(notes), (row.get("actors") or "").replace("\x1f", "\n")]
            texts.append((n, *(fold(v) for v in values)))
        return docs, texts

    def _annotations(self, article_id: str) -> tuple[list[str], list[str]]:
        """(tags, note texts) of an article, the notes' tags among the tags."""
        lib = self.library
        tags: list[str] = []
        notes: list[str] = []
        try:
            tags = lib.annotations.article_tags(article_id)
            for note in lib.annotations.notes(article=article_id):
                notes.append(note.text)
                tags += list(note.tags)
        except Exception:  # noqa: BLE001 - unreadable annotations: indexed without them
            pass
        return tags, notes

    def _sync_annotations(self, db: sqlite3.Connection) -> None:
        """Re-index the articles whose tags or notes changed since they were indexed."""
        version = self._ann_version()
        found = db.execute("SELECT v FROM meta WHERE k='ann'").fetchone()
        if found is not None and found[0] == json.dumps(version):
            return
        signatures = self._signatures()
        indexed = dict(db.execute("SELECT id, ann FROM docs WHERE live = 1 AND ann IS NOT NULL"))
        stale = [i for i, ann in indexed.items() if _sig(signatures.get(i)) != ann]
        live = "SELECT 1 FROM docs WHERE id = ? AND live = 1"
        stale += [i for i in signatures if i not in indexed and db.execute(live, (i,)).fetchone()]
        db.execute("BEGIN IMMEDIATE")
        try:
            for article_id in dict.fromkeys(stale):
                self._kill(db, article_id)
                self._add(db, article_id, signatures)
            db.execute("INSERT OR REPLACE INTO meta VALUES('ann', ?)", (json.dumps(version),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _ann_version(self) -> Any:
        try:
            return list(self.library.annotations.version())
        except Exception:  # noqa: BLE001 - no annotations yet
            return None

    def _signatures(self) -> dict[str, Any]:
        try:
            return self.library.annotations.signatures()
        except Exception:  # noqa: BLE001 - unreadable annotations: indexed without them
            return {}

    @staticmethod
    def _kill(db: sqlite3.Connection, article_id: str) -> None:
        db.execute("UPDATE docs SET live = 0 WHERE id = ? AND live = 1", (article_id,))

    def _add(self, db: sqlite3.Connection, article_id: str, signatures: dict[str, Any]) -> None:
        lib = self.library
        row = lib.index.lookup.row(article_id)
        if not isinstance(row, dict):
            return
        try:
            body = lib.text(article_id)
        except Exception:  # noqa: BLE001 - a missing text: title and the rest still found
            body = ""
        sig = signatures.get(article_id)
        tags, notes = self._annotations(article_id) if sig is not None else ([], [])
        actors = (row.get("actors") or "").replace("\x1f", "\n")
        cur = db.execute(
            "INSERT INTO docs(id, live, date, lang, ann) VALUES(?, 1, ?, ?, ?)",
            (article_id, row.get("date"), row.get("lang"), _sig(sig)),
        )
        values = [row.get("title") or "", row.get("source") or "", body, " ".join(tags)]
        values += ["\n".join(notes), actors]
        db.execute(_INSERT_FTS, (cur.lastrowid, *(fold(v) for v in values)))

    @staticmethod
    def _garbage(db: sqlite3.Connection) -> int:
        return int(db.execute("SELECT count(*) FROM docs WHERE live = 0").fetchone()[0])

    @staticmethod
    def _live(db: sqlite3.Connection) -> int:
        return int(db.execute("SELECT count(*) FROM docs WHERE live = 1").fetchone()[0])

    # asking --------------------------------------------------------------------------------
    def search(
        self, query: Query | str, limit: int | None = None, offset: int = 0
    ) -> Iterator[Hit]:
        """Hits, best first."""
        if isinstance(query, str):
            query = parse(query)
        self.sync()
        db = self._connect()
        where = ["docs.live = 1"]
        args: list[Any] = []
        if query.lang:
            where.append("docs.lang = ?")
            args.append(query.lang)
        if query.date_from:
            where.append("docs.date >= ?")
            args.append(query.date_from)
        if query.date_to:
            where.append("docs.date < ?")
            args.append(query.date_to + "\uffff")
        match = query.match()
        weights = ", ".join(str(w) for w in WEIGHTS)
        tail = f" LIMIT {int(limit)}" if limit is not None else " LIMIT -1"
        tail += f" OFFSET {int(offset)}" if offset else ""
        if match is not None:
            sql = (
                f"SELECT docs.id, -bm25(fts, {weights}) AS score FROM fts "
                "JOIN docs ON docs.n = fts.rowid WHERE fts MATCH ? AND "
                + " AND ".join(where)
                + " ORDER BY bm25(fts, "
                + weights
                + ")"
                + tail
            )
            args.insert(0, match)
        else:  # only filters and negations: newest first
            negated = query.negated_match()
            if negated is not None:
                where.append("docs.n NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                args.append(negated)
            if not query.terms and not (query.lang or query.date_from or query.date_to):
                return
            sql = (
                "SELECT docs.id, 0.0 FROM docs WHERE "
                + " AND ".join(where)
                + " ORDER BY docs.date DESC"
                + tail
            )
        with self._lock:
            try:
                rows = db.execute(sql, args)
            except sqlite3.OperationalError as exc:
                raise ValueError(f"cannot search for that ({exc})") from None
            for article_id, score in rows:
                yield Hit(article_id, float(score))


def _state(db: sqlite3.Connection) -> State | None:
    found = db.execute("SELECT v FROM meta WHERE k='state'").fetchone()
    if found is None:
        return None
    try:
        return State.from_json(json.loads(found[0]))
    except ValueError:
        return None


def _set_state(db: sqlite3.Connection, state: State) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES('state', ?)", (json.dumps(state.to_json()),))


def _sig(sig: Any) -> str | None:
    return None if sig is None else json.dumps(sig)


def _clear(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM docs")
    db.execute("DROP TABLE IF EXISTS fts")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, source, body, tags, notes, actors, "
        "content='', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute("DELETE FROM meta WHERE k IN ('state', 'ann')")


# snippets --------------------------------------------------------------------------------------
_SPELLINGS = {"ae": "(?:ae|ä)", "oe": "(?:oe|ö)", "ue": "(?:ue|ü)", "ss": "(?:ss|ß)"}
_SPELLING = re.compile("ae|oe|ue|ss")
_patterns: dict[tuple[tuple[str, bool], ...], re.Pattern[str]] = {}


def pattern(words: list[tuple[str, bool]]) -> re.Pattern[str] | None:
    """A regex finding the query's (folded) words in the original text: either case, umlauts
    and ß in either spelling; ``True``: the word may go on (a prefix)."""
    key = tuple(sorted(set(words)))
    found = _patterns.get(key)
    if found is None and words:
        parts = []
        for word, prefix in sorted(set(words), key=lambda w: -len(w[0])):
            body = _SPELLING.sub(lambda m: _SPELLINGS[m.group()], re.escape(word))
            parts.append(body + (r"\w*" if prefix else r"\b"))
        found = _patterns[key] = re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return found


def spans(text: str, words: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text`` (start, end), in order."""
    found = pattern(words)
    if found is None:
        return []
    return [m.span() for m in found.finditer(text) if m.end() > m.start()]


def snippet(text: str, query: Query, width: int = 200) -> tuple[str, list[tuple[int, int]], int]:
    """(a window of ``text`` around the best paragraph's first match, the matches in it as
    (start, end) in the window, the paragraph's number)."""
    words = query.highlight_words()
    best: tuple[int, int, str, list[tuple[int, int]]] | None = None
    for number, para in enumerate(text.split("\n\n")):
        found = spans(para, words)
        if found and (best is None or len(found) > best[0]):
            best = (len(found), number, para, found)
    if best is None:
        para = text.split("\n\n", 1)[0]
        piece = " ".join(para.split())[:width]
        return piece, [], 0
    _, number, para, found = best
    first = found[0][0]
    start = max(0, first - width // 3)
    if start:
        space = para.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(para), start + width)
    window = para[start:end]
    prefix = "…" if start else ""
    suffix = "…" if end < len(para) else ""
    marks = [
        (s - start + len(prefix), min(e, end) - start + len(prefix))
        for s, e in found
        if s >= start and s < end
    ]
    shown = prefix + window + suffix
    # one line: whitespace runs become one space (offsets move with them)
    return _one_line(shown, marks) + (number,)


def _one_line(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    moved: list[int] = []
    previous_space = False
    for char in text:
        space = char.isspace()
        if space and previous_space:
            moved.append(len(out))
            continue
        moved.append(len(out))
        out.append(" " if space else char)
        previous_space = space
    moved.append(len(out))
    return "".join(out), [(moved[s], moved[e]) for s, e in marks if moved[e] > moved[s]]
