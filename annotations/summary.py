"""A rebuildable cache of what each article's annotation file holds, so library-wide questions
(the library table's counts, every note with a tag, a note id prefix) don't open every file.

The files are the truth; the cache (``summary.cache``, marshal) only remembers, per article,
the file's signature (mtime, size, inode) and a digest of its content, and per shard folder
(``ab/``) the folder's signature. Every write renames a file into its shard, which changes the shard's mtime,
so a scan stats the ~256 shard folders and looks inside only those that changed, re-reading only
files whose signature changed. Anything seen less than two seconds after it changed is "racy"
(timestamps are coarse) and is looked at again next time, as git does with its index.
Losing or corrupting the cache costs one full re-read, never data: the file is sealed
(:mod:`reader.base.derived`, a checksum of its bytes and its format version), so a damaged or
edited cache is never believed, only rebuilt, and no write ever takes data from it. (The notes
themselves, for "every note with a tag", are cached by :mod:`annotations.tagnotes`, checked
against these signatures.)
"""

from __future__ import annotations

import gc
import json
import marshal
import os
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.base.derived import seal, unseal

from . import records as rec
from .storage import AtomicJSONStorage, StorageError, atomic_write_bytes
from .tags import lineage

CACHE_NAME = "summary.cache"  # not *.json: tools that scan for data files skip it
# marshal (loads ~2.5x faster than JSON here); its format may change between Pythons
CACHE_VERSION = (7, sys.implementation.cache_tag)
MADE_FROM = repr(("summary", CACHE_VERSION)).encode("utf-8")
RACY_NS = 2_000_000_000
SAVE_AFTER = 64  # stale entries (files re-read in one scan) before the cache is rewritten
ARTICLE_FILE = re.compile(r"^[0-9A-Za-z_-]+\.json$")
FIELDS = (
    "tags",
    "removed",
    "read",
    "position",
    "notes",
    "orphans",
    "ids",
    "note_tags",
    "article_keys",
    "note_keys",
    "qfix",
    "qids",
    "qsig",
    "sig",
    "racy",
    "error",
    "bad",
)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Building tens of thousands of small, acyclic containers (a cache being loaded) makes the
    cyclic GC walk them again and again; it is paused meanwhile (refcounting still frees)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def signature(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def _keys(tags: Any) -> str:
    """Tags and their parents, case-folded, as ``"\\na\\na/b\\n"``: see :func:`has_tag`."""
    return "\n" + "".join(k + "\n" for k in lineage(tags))


def has_tag(keys: str, wanted: str) -> bool:
    """Does an entry's ``article_keys``/``note_keys`` hold ``wanted`` (case-folded) or a child?"""
    return f"\n{wanted}\n" in keys


def digest(data: dict[str, Any] | None) -> dict[str, Any]:
    """What the cache keeps about one article file's content (``data`` = the raw TinyDB dict).
    Damaged records are left out of the counts and named in ``bad`` (one line each)."""
    data = data or {}
    notes_table = data.get("notes")
    notes = [
        n
        for n in (notes_table.values() if isinstance(notes_table, dict) else ())
        if not rec.note_problems(n)
    ]
    article = rec.article_doc(data)
    corrections_table = data.get("corrections")
    corrections = [
        c
        for c in (corrections_table.values() if isinstance(corrections_table, dict) else ())
        if isinstance(c, dict)
    ]
    actors_table = data.get("actors")
    note_tags: Counter[str] = Counter()
    for note in notes:
        for tag in note.get("tags") or []:
            note_tags[tag] += 1
    return {
        "tags": list(article.get("tags") or []),
        "removed": bool(article.get("removed")),
        "read": bool(article.get("read")),
        "position": int(article.get("position") or 0),
        "notes": len(notes),
        "orphans": sum(1 for n in notes if n.get("orphan")),
        "ids": ",".join(n.get("id", "") for n in notes),  # one string: parses fast
        # "tag\tcount" lines: one JSON string parses much faster than 10,000 small dicts
        "note_tags": "".join(f"{t}\t{n}\n" for t, n in note_tags.items()),
        "article_keys": _keys(article.get("tags") or []),
        "note_keys": _keys(note_tags),
        "bad": "\n".join(rec.problems_in(data)),
        # corrections of the analysis (quotes and actors), and the quote ids corrected or added
        "qfix": len(corrections) + (len(actors_table) if isinstance(actors_table, dict) else 0),
        "qids": ",".join(str(c.get("id", "")) for c in corrections),
        "qsig": _corrections_signature(data),
    }


def _corrections_signature(data: dict[str, Any]) -> int:
    """A checksum of the article's corrections (quotes and actors), 0 without any: derived caches
    of corrected figures check it instead of the file, which reading and notes change too."""
    fixes = [data.get("corrections") or {}, data.get("actors") or {}]
    if not any(fixes):
        return 0
    encoded = json.dumps(fixes, sort_keys=True, ensure_ascii=False, default=str)
    return zlib.crc32(encoded.encode("utf-8"))


def note_tag_counts(entry: dict[str, Any]) -> list[tuple[str, int]]:
    """An entry's note tags with how many notes carry each."""
    pairs = (line.rsplit("\t", 1) for line in entry["note_tags"].splitlines())
    return [(tag, int(n)) for tag, n in pairs]


def error_digest(reason: str) -> dict[str, Any]:
    return {**digest(None), "error": reason}


class SummaryCache:
    """``entries``: article id -> digest (+ ``sig``, ``racy``), kept current by :meth:`refresh`."""

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        self.root = root
        self.path = (cache_dir if cache_dir is not None else root) / CACHE_NAME
        self.entries: dict[str, dict[str, Any]] | None = None
        self.shards: dict[str, list[int]] = {}  # name -> [mtime_ns, inode, racy]
        self._dirty = False
        self.generation = 0  # bumped on every change, so callers can memoise derived views

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            payload = unseal(self.path.read_bytes(), MADE_FROM)
            if payload is None:
                raise ValueError("damaged, edited or of another format")
            with paused_gc():
                data = marshal.loads(payload)
            if data.get("version") == CACHE_VERSION:
                self.shards = dict(data["shards"])
                with paused_gc():
                    entries = {a: dict(zip(FIELDS, row)) for a, row in data["rows"].items()}
                for shard in {a[:2] for a in entries} - set(self.shards):
                    self.shards[shard] = [0, 0, 1]  # unknown: look again (or drop if gone)
                return entries
        except (OSError, ValueError, EOFError, AttributeError, KeyError, TypeError):
            pass  # missing, damaged or from another Python: it is only a cache, rebuild it
        self.shards = {}
        return {}

    def refresh(self) -> dict[str, dict[str, Any]]:
        """Bring the cache in line with the files; returns the entries."""
        if self.entries is None:
            self.entries = self._load()
            self.generation += 1
        now = time.time_ns()
        try:
            shards = {e.name: e for e in os.scandir(self.root) if len(e.name) == 2 and e.is_dir()}
        except FileNotFoundError:
            shards = {}
        changed: dict[str, list[int]] = {}
        for name, shard in shards.items():
            try:
                st = shard.stat()
            except FileNotFoundError:
                continue
            sig = [st.st_mtime_ns, st.st_ino]
            old = self.shards.get(name)
            if old is None or old[:2] != sig or old[2]:
                changed[name] = [*sig, int(sig[0] >= now - RACY_NS)]
        gone = [name for name in self.shards if name not in shards]
        reread = self._rescan(changed, gone, now) if changed or gone else 0
        # Saving rewrites the whole cache; re-reading a few stale files next time is cheaper.
        # (``reread`` counts settled files only: racy ones are looked at again anyway.)
        worth_it = reread >= max(SAVE_AFTER, len(self.entries) // 50) or not self.path.exists()
        if self._dirty and worth_it and self.root.is_dir():
            self.save()
        return self.entries

    def _rescan(self, changed: dict[str, list[int]], gone: list[str], now: int) -> int:
        assert self.entries is not None
        look = set(changed) | set(gone)
        by_shard: dict[str, list[str]] = {}
        for article in self.entries:
            if article[:2] in look:
                by_shard.setdefault(article[:2], []).append(article)
        for name in gone:
            for article in by_shard.get(name, []):
                self.drop(article)
            self.shards.pop(name, None)
        reread = 0
        for name, shard_sig in changed.items():
            found: dict[str, os.DirEntry[str]] = {}
            try:
                with os.scandir(self.root / name) as files:
                    found = {e.name[:-5]: e for e in files if ARTICLE_FILE.match(e.name)}
            except FileNotFoundError:
                pass
            for article in by_shard.get(name, []):
                if article not in found:
                    self.drop(article)
            for article, entry in found.items():
                try:
                    sig = signature(entry.stat())
                except FileNotFoundError:
                    self.drop(article)
                    continue
                old = self.entries.get(article)
                if old is not None and old.get("sig") == sig and not old.get("racy"):
                    continue
                self.put(article, self._read(Path(entry.path)), sig, now)
                # a racy entry is re-read next time anyway: saving it now would gain nothing
                reread += not self.entries[article]["racy"]
            self.shards[name] = shard_sig
            self._dirty = True
        return reread

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            raw = AtomicJSONStorage(path).read()
            rec.schema_of(raw)
            return digest(raw)
        except StorageError as exc:
            return error_digest(str(exc))
        except rec.RecordError as exc:
            return error_digest(f"{path} is unreadable ({exc})")

    def put(
        self, article: str, summary: dict[str, Any], sig: list[int] | None, now: int | None = None
    ) -> None:
        """Record ``summary`` for ``article`` (after a scan, or after this process wrote it)."""
        if self.entries is None:
            return  # not loaded in this process: the next refresh reads the file anyway
        now = time.time_ns() if now is None else now
        racy = sig is None or sig[0] >= now - RACY_NS
        self.entries[article] = {"error": "", **summary, "sig": sig, "racy": racy}
        self._dirty = True
        self.generation += 1

    def drop(self, article: str) -> None:
        if self.entries is not None and self.entries.pop(article, None) is not None:
            self._dirty = True
            self.generation += 1

    def save(self) -> None:
        rows = {a: [e.get(f) for f in FIELDS] for a, e in (self.entries or {}).items()}
        payload = {"version": CACHE_VERSION, "shards": self.shards, "rows": rows}
        try:
            atomic_write_bytes(self.path, seal(MADE_FROM, marshal.dumps(payload)), durable=False)
            self._dirty = False
        except (OSError, ValueError):
            pass  # a read-only library still reads fine, just slower next time
