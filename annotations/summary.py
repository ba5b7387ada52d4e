"""A rebuildable cache of what each article's annotation file holds, so library-wide questions
(the library table's counts, every note with a tag, a note id prefix) don't open every file.

The files are the truth; the cache (``summary.json``) only remembers, per article, the file's
signature (mtime, size, inode) and a digest of its content. A scan (``os.scandir``, one ``stat``
per file) re-reads only files whose signature changed. Files written in the last two seconds
are "racy" (timestamps are coarse) and are re-read on the next scan, as git does with its index.
Losing or corrupting the cache costs one full re-read, never data.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .storage import AtomicJSONStorage, StorageError, atomic_write_bytes

CACHE_NAME = "summary.json"
CACHE_VERSION = 1
RACY_NS = 2_000_000_000
ARTICLE_FILE = re.compile(r"^[0-9A-Za-z_-]+\.json$")


def signature(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def digest(data: dict[str, Any] | None) -> dict[str, Any]:
    """What the cache keeps about one article file's content (``data`` = the raw TinyDB dict)."""
    data = data or {}
    notes = list((data.get("notes") or {}).values())
    article = next(iter((data.get("article") or {}).values()), {})
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
        "ids": [n.get("id", "") for n in notes],
        "note_tags": dict(note_tags),
    }


def error_digest(reason: str) -> dict[str, Any]:
    return {**digest(None), "error": reason}


class SummaryCache:
    """``entries``: article id -> digest (+ ``sig``, ``racy``), kept current by :meth:`refresh`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE_NAME
        self.entries: dict[str, dict[str, Any]] | None = None
        self._dirty = False

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("version") == CACHE_VERSION and isinstance(data.get("entries"), dict):
                return data["entries"]
        except (OSError, ValueError, AttributeError):
            pass  # missing or damaged: it is only a cache, rebuild it
        return {}

    def _scan(self) -> dict[str, os.DirEntry[str]]:
        found: dict[str, os.DirEntry[str]] = {}
        try:
            shards = [e for e in os.scandir(self.root) if e.is_dir() and len(e.name) == 2]
        except FileNotFoundError:
            return found
        for shard in shards:
            with os.scandir(shard.path) as files:
                for entry in files:
                    if ARTICLE_FILE.match(entry.name):
                        found[entry.name[:-5]] = entry
        return found

    def refresh(self) -> dict[str, dict[str, Any]]:
        """Bring the cache in line with the files; returns the entries."""
        if self.entries is None:
            self.entries = self._load()
        entries = self.entries
        now = time.time_ns()
        found = self._scan()
        for article in [a for a in entries if a not in found]:
            del entries[article]
            self._dirty = True
        for article, entry in found.items():
            try:
                sig = signature(entry.stat())
            except FileNotFoundError:
                entries.pop(article, None)
                continue
            old = entries.get(article)
            if old is not None and old.get("sig") == sig and not old.get("racy"):
                continue
            self.put(article, self._read(Path(entry.path)), sig, now)
        if self._dirty and self.root.is_dir():
            self.save()
        return entries

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            return digest(AtomicJSONStorage(path).read())
        except StorageError as exc:
            return error_digest(str(exc))

    def put(self, article: str, summary: dict[str, Any], sig: list[int] | None,
            now: int | None = None) -> None:
        """Record ``summary`` for ``article`` (after a scan, or after this process wrote it)."""
        if self.entries is None:
            self.entries = self._load()
        now = time.time_ns() if now is None else now
        racy = sig is None or sig[0] >= now - RACY_NS
        self.entries[article] = {**summary, "sig": sig, "racy": racy}
        self._dirty = True

    def drop(self, article: str) -> None:
        if self.entries is not None and self.entries.pop(article, None) is not None:
            self._dirty = True

    def save(self) -> None:
        payload = {"version": CACHE_VERSION, "entries": self.entries or {}}
        try:
            atomic_write_bytes(self.path, json.dumps(payload, separators=(",", ":")).encode())
            self._dirty = False
        except OSError:
            pass  # a read-only library still reads fine, just slower next time
