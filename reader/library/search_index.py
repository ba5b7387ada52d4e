"""The full-text index (the folder ``search.tantivy`` in the cache folder): title, source,
text, tags, note text and actor names of every article in a tantivy index (search_engine.py),
ranked by BM25, with snippets cut from the article's own ``text.txt`` for the hits shown.

Derived and rebuildable, like the lookup (lookup.py): the index records the journal state it
holds (in the same commit as the articles); writers update it as they append (``apply``, under
the library's index lock), a search brings it forward, anything it cannot follow (a fold it
missed, another history, damage, another format) rebuilds it. Tags and notes live in the
annotation store: each article's annotation signature is kept, and a search re-indexes the
articles whose annotations changed since (one stat when nothing did).

Every write to the index happens under the library's index lock (tantivy has one writer at a
time); searching takes no lock unless the index must be brought forward. A rebuild fills a new
folder without the lock (imports and edits go on meanwhile), then, under the lock, applies what
was written since it started and puts the new folder in place of the old.

Without tantivy (a platform without its wheel), search reads every article instead
(``Library.scan_search``: words only, slow); the CLI and the TUI say so in one line.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .journal import Entry, State
from .search_engine import Engine, EngineDamaged, EngineUnavailable, building, remove
from .search_query import Query, parse

if TYPE_CHECKING:
    from .search_engine import Writer
    from .store import Library

FOLDER = "search.tantivy"  # in the cache folder
OLD_FILE = "search.sqlite"  # the SQLite FTS5 index of earlier versions: removed when seen
BATCH = 1000  # index rows read at a time while building
SearchUnavailable = EngineUnavailable


@dataclass
class Hit:
    id: str
    score: float  # BM25, higher is better


class SearchIndex:
    def __init__(self, library: Library, path: Path | None) -> None:
        self.library = library
        self.path = path
        self._engine: Engine | None = None
        self._lock = threading.RLock()
        self.progress: Callable[[int, int], None] | None = None  # (done, total) while building

    # the engine ------------------------------------------------------------------------------
    def _open(self) -> Engine | None:
        """The index if there is a readable one of this format (else None: to be built)."""
        if self._engine is None and self.path is not None:
            try:
                self._engine = Engine(self.path)
            except EngineDamaged:
                return None
        return self._engine

    def available(self) -> str | None:
        """None if the engine can be loaded, else why not (one line)."""
        from .search_engine import load

        try:
            load()
        except EngineUnavailable as exc:
            return str(exc)
        return None

    def close(self) -> None:
        with self._lock:
            self._engine = None

    def exists(self) -> bool:
        return self.path is not None and (self.path / "meta.json").exists()

    # keeping it current ----------------------------------------------------------------------
    def sync(self) -> None:
        """Bring the index to the library's current state and annotations (reading takes no
        lock; a write, if one is needed, happens under the library's index lock)."""
        index = self.library.index
        with self._lock:
            store = index.read_store()
            index.sync_lookup(store)
            engine = self._open()
            if engine is not None:
                try:
                    meta = engine.meta()
                except EngineDamaged:
                    meta = {}
                held = State.from_json(meta.get("state"))
                if held == (store.end or State(0, "")) and meta.get("ann") == self._ann_version():
                    return
            if self.path is not None and not self.exists():
                self.rebuild()  # builds without the lock, then swaps under it
                return
            with self._writing():
                store = index.read_store()
                index.sync_lookup(store)
                target = store.end or State(0, "")
                engine = self._open()
                meta = engine.meta() if engine is not None else {}
                held = State.from_json(meta.get("state"))
                entries = store.since(held) if held is not None else None
                if engine is None or entries is None:
                    self._rebuild_locked()
                    return
                if held != target:
                    self._write(engine, self._touched(entries), target)
                self._sync_annotations(engine)

    def _writing(self) -> AbstractContextManager[None]:
        """The library's index lock, under which every write to the index folder happens (a
        memory index is this process's own: its thread lock is enough)."""
        return self.library.index.locked() if self.path is not None else nullcontext()

    def apply(self, entries: list[Entry], before: State, after: State) -> None:
        """A writer's own entries, under its lock: applied if the index held ``before`` (else
        left for the next search to bring forward)."""
        if not self.exists() or self.path is None:
            return  # never searched: built when first needed
        with self._lock:
            try:
                engine = self._open()
                if engine is None:
                    return
                if State.from_json(engine.meta().get("state")) == before:
                    self._write(engine, self._touched(entries), after)
            except (EngineDamaged, EngineUnavailable, ValueError, OSError):
                self.close()  # the next search rebuilds it

    @staticmethod
    def _touched(entries: Iterable[Entry]) -> list[str]:
        return list(dict.fromkeys(i for e in entries if isinstance(i := e.op.get("id"), str)))

    def _write(self, engine: Engine, ids: list[str], target: State | None) -> None:
        """Re-index ``ids`` (removed ones leave), recording ``target`` (caller holds the lock)."""
        meta = engine.meta()
        signatures = self._signatures()
        with engine.writer() as w:
            for article_id in ids:
                w.delete(article_id)
                self._add(w, article_id, signatures)
            if target is not None:
                meta["state"] = target.to_json()
            w.set_meta(meta)

    def rebuild(self) -> int:
        """Index every article again (``reader doctor --repair``; a search that cannot catch
        up): a new index is filled without the lock, then brought up to date and put in place
        under it. Returns how many articles were indexed."""
        index = self.library.index
        with self._lock:
            if self.path is None:
                return self._rebuild_locked()
            store = index.read_store()
            index.sync_lookup(store)
            start = store.end or State(0, "")
            try:
                new = building(self.path)
                engine = Engine.create(new)
            except (OSError, ValueError, EngineDamaged):  # no cache folder: in memory
                self.path = None
                return self._rebuild_locked()
            try:
                done = self._fill(engine, start)
                with index.locked():
                    store = index.read_store()
                    index.sync_lookup(store)
                    entries = store.since(start)
                    if entries is None:  # another history meanwhile (a restore): again, locked
                        remove(new)
                        return self._rebuild_locked()
                    if entries:
                        self._write(engine, self._touched(entries), store.end or State(0, ""))
                    self._place(new)
                    self._sync_annotations(self._engine or engine)
            except BaseException:
                remove(new)  # a rebuild that failed leaves no folder behind (its writer is done)
                raise
            return done

    def _rebuild_locked(self) -> int:
        """A rebuild while holding the lock (the memory index; a history that changed)."""
        index = self.library.index
        store = index.read_store()
        index.sync_lookup(store)
        target = store.end or State(0, "")
        if self.path is None:
            engine = self._engine = Engine.create(None)
            with engine.writer() as w:
                w.clear()
            return self._fill(engine, target)
        new = building(self.path)
        try:
            done = self._fill(Engine.create(new), target)
            self._place(new)
        except BaseException:
            remove(new)
            raise
        return done

    def _place(self, new: Path) -> None:
        """Put the index built in ``new`` where the index lives (caller holds the lock)."""
        assert self.path is not None
        self._engine = None
        remove(self.path)
        old = self.path.parent / OLD_FILE
        if old.exists():
            from .sqlite_files import remove_derived

            remove_derived(old)
        os.replace(new, self.path)
        self._engine = Engine(self.path)

    def _fill(self, engine: Engine, state: State) -> int:
        """Every article into ``engine`` (empty), recording ``state``; in one commit. A page of
        rows is read from the lookup at a time, each article's text and annotations read here
        while tantivy's indexing thread indexes the articles before it. Returns how many."""
        from .search_engine import BUILD_HEAP

        lookup = self.library.index.lookup
        total = lookup.count()
        version = self._ann_version()
        signatures = self._signatures()
        root = str(self.library.folders.root)
        done = 0
        after = ""
        with engine.writer(BUILD_HEAP) as w:
            while True:
                page = lookup.rows_after(after, BATCH)
                if not page:
                    break
                for article_id, row in page:
                    if not isinstance(row, dict):
                        continue
                    try:
                        path = f"{root}/articles/{article_id[:2]}/{article_id}/text.txt"
                        with open(path, encoding="utf-8") as fh:
                            body = fh.read()
                    except (OSError, ValueError):  # a missing text: the rest still found
                        body = ""
                    self._add_row(w, article_id, row, body, signatures)
                    done += 1
                after = page[-1][0]
                if self.progress:
                    self.progress(done, max(done, total))
            w.set_meta({"state": state.to_json(), "ann": version})
        if self.progress:
            self.progress(done, max(done, total))
        return done

    def _add(self, w: Writer, article_id: str, signatures: dict[str, Any]) -> None:
        lib = self.library
        row = lib.index.lookup.row(article_id)
        if not isinstance(row, dict):
            return
        try:
            body = lib.text(article_id)
        except Exception:  # noqa: BLE001 - a missing text: title and the rest still found
            body = ""
        self._add_row(w, article_id, row, body, signatures)

    def _add_row(
        self,
        w: Writer,
        article_id: str,
        row: dict[str, Any],
        body: str,
        signatures: dict[str, Any],
    ) -> None:
        sig = signatures.get(article_id)
        tags, notes = self._annotations(article_id) if sig is not None else ([], [])
        texts = {
            "title": row.get("title") or "",
            "source": row.get("source") or "",
            "body": body,
            "tags": " ".join(tags),
            "notes": "\n".join(notes),
            "actors": (row.get("actors") or "").replace("\x1f", "\n"),
        }
        w.add(article_id, texts, row.get("lang"), row.get("date"), _sig(sig))

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

    def _sync_annotations(self, engine: Engine) -> None:
        """Re-index the articles whose tags or notes changed since they were indexed (caller
        holds the lock)."""
        version = self._ann_version()
        meta = engine.meta()
        if meta.get("ann") == version:
            return
        signatures = self._signatures()
        indexed = engine.annotated()
        stale = [i for i, ann in indexed.items() if _sig(signatures.get(i)) != ann]
        lookup = self.library.index.lookup
        stale += [i for i in signatures if i not in indexed and lookup.has(i)]
        with engine.writer() as w:
            for article_id in dict.fromkeys(stale):
                w.delete(article_id)
                self._add(w, article_id, signatures)
            w.set_meta({**meta, "ann": version})

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

    def _drop(self) -> None:
        """Remove the index (derived: the next sync makes it again), under the index lock."""
        with self._lock, self._writing():
            self._engine = None
            if self.path is not None:
                remove(self.path)

    # asking --------------------------------------------------------------------------------
    def search(
        self, query: Query | str, limit: int | None = None, offset: int = 0
    ) -> Iterator[Hit]:
        """Hits, best first (only filters and negations: newest first)."""
        if isinstance(query, str):
            query = parse(query)
        if not self.library.exists():
            return  # no library: nothing to find, and nothing is created
        for attempt in range(2):
            try:
                self.sync()
            except OSError:  # the library cannot be locked (read-only): an index in memory
                if self.path is None:
                    raise
                with self._lock:
                    self.path, self._engine = None, None
                self.sync()
            except (EngineDamaged, ValueError):
                # bringing the index forward failed (tantivy refused a commit, e.g. a file an
                # interrupted writer left): the index is derived, so it is made again, once
                if attempt:
                    raise
                self._drop()
                continue
            engine = self._engine
            if engine is None:
                return
            try:
                found = engine.search(query, limit, offset)
                break
            except (EngineDamaged, ValueError, OSError):
                if attempt:
                    raise
                self._drop()
        for article_id, score in found:
            yield Hit(article_id, score)


def _sig(sig: Any) -> str | None:
    return None if sig is None else json.dumps(sig)


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


def paragraph_matches(
    text: str, words: list[tuple[str, bool]]
) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """Each paragraph of ``text`` (number, text) with where the query's words occur in it."""
    return [(n, para, spans(para, words)) for n, para in enumerate(text.split("\n\n"))]


def snippet(
    text: str,
    query: Query,
    width: int = 200,
    found: list[tuple[int, str, list[tuple[int, int]]]] | None = None,
) -> tuple[str, list[tuple[int, int]], int]:
    """(a window of ``text`` around the best paragraph's first match, the matches in it as
    (start, end) in the window, the paragraph's number); ``found``: the paragraphs' matches
    (paragraph_matches), when the caller has them."""
    if found is None:
        found = paragraph_matches(text, query.highlight_words())
    best: tuple[int, int, str, list[tuple[int, int]]] | None = None
    for number, para, matches in found:
        if matches and (best is None or len(matches) > best[0]):
            best = (len(matches), number, para, matches)
    if best is None:
        para = text.split("\n\n", 1)[0]
        piece = " ".join(para.split())[:width]
        return piece, [], 0
    _, number, para, matched = best
    first = matched[0][0]
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
        for s, e in matched
        if s >= start and s < end
    ]
    shown = prefix + window + suffix
    # one line: whitespace runs become one space (offsets move with them)
    return _one_line(shown, marks) + (number,)


def _one_line_slow(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """_one_line, a character at a time (the reference the tests compare it with)."""
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


_SPACES = re.compile(r"\s+")


def _one_line(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` on one line: each run of whitespace becomes one space; ``marks`` (offsets
    into ``text``) moved with it. A run at a time (a snippet a character at a time cost half
    of a search page's time)."""
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []  # (start, end, characters removed before it)
    last = removed = 0
    for found in _SPACES.finditer(text):
        start, end = found.span()
        if end - start == 1 and text[start] == " ":
            continue
        pieces += [text[last:start], " "]
        runs.append((start, end, removed))
        removed += end - start - 1
        last = end
    if not runs:
        return text, [(s, e) for s, e in marks if e > s]
    pieces.append(text[last:])
    starts = [r[0] for r in runs]

    def move(i: int) -> int:
        at = bisect.bisect_right(starts, i) - 1
        if at < 0:
            return i
        start, end, before = runs[at]
        if i == start:
            return start - before
        if i < end:
            return start - before + 1
        return i - before - (end - start - 1)

    moved = [(move(s), move(e)) for s, e in marks]
    return "".join(pieces), [(s, e) for s, e in moved if e > s]
