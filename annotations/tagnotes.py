"""Every note with a tag, without opening thousands of article files.

Why: a parent tag (``frame``) can sit on a fifth of 100,000 notes in 9 of 10 article files;
opening and parsing all of those files took about 0.5 s, mostly parsing the notes that don't
match. So notes are also kept grouped by the root of their tags (``frame`` for
``frame/conflict``), one cache file per root (``notes-<hash>.cache``, ``marshal``-ed tuples,
which load several times faster than JSON). A query loads only its root's file.

The article files stay the truth. Each article's rows carry the file signature they were read
from; they are used only while that equals the signature in the summary cache (which is kept in
line with the files by :class:`annotations.summary.SummaryCache`) and the file is not "racy"
(changed too recently to trust timestamps). Anything else is read from its file again. Each
cache file is sealed (:mod:`reader.base.derived`: its root, its format and a checksum of its
bytes), so a damaged or edited one is never believed. Losing, damaging, or a Python upgrade of
a cache file costs one re-read, never data.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import threading
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path
from typing import Any

from reader.base.derived import seal, unseal

from . import records as rec
from .models import Anchor, Note
from .storage import atomic_write_bytes
from .summary import _keys, has_tag, paused_gc

VERSION = (1, sys.implementation.cache_tag)  # marshal's format may change between Pythons
MADE_FROM = repr(("notes", VERSION)).encode("utf-8")
SAVE_AFTER = 32  # settled articles re-read in one query before the root's file is rewritten

Row = tuple[Any, ...]  # (id, text, tags, passage, orphan, created, updated, lineage keys)


def root_of(key: str) -> str:
    return key.split("/", 1)[0]


def rows_of(article: str, raw: dict[str, Any] | None, root: str) -> tuple[Row, ...]:
    """The article's notes that carry a tag under ``root``, oldest first, as cache rows."""
    prefix = root + "/"

    def under_root(doc: dict[str, Any]) -> bool:
        return any(
            t.casefold() == root or t.casefold().startswith(prefix) for t in doc.get("tags") or ()
        )

    return tuple(
        (
            n.id,
            n.text,
            tuple(n.tags),
            astuple(n.passage) if n.passage else None,
            n.orphan,
            n.created,
            n.updated,
            _keys(n.tags),
        )
        for n in rec.notes_in(article, raw, under_root)
    )


def note_of(article: str, row: Row) -> Note:
    passage = Anchor(*row[3]) if row[3] is not None else None
    # positional: Note(id, article, text, tags, passage, orphan, created, updated)
    return Note(row[0], article, row[1], list(row[2]), passage, row[4], row[5], row[6])


class TagNotes:
    """The per-root caches of one store (loaded on first use, kept in memory after)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._parts: dict[str, dict[str, tuple[list[int], tuple[Row, ...]]]] = {}
        self._unsaved: set[str] = set()  # roots whose cache file is missing or unusable
        self._lock = threading.Lock()

    def path(self, root: str) -> Path:
        name = hashlib.blake2b(root.encode("utf-8"), digest_size=8).hexdigest()
        return self.root / f"notes-{name}.cache"

    def _load(self, root: str) -> dict[str, tuple[list[int], tuple[Row, ...]]]:
        found = self.read_file(self.path(root))
        if found is not None and found[0] == root:
            return found[1]
        self._unsaved.add(root)  # write a good one as soon as there is something to save
        return {}

    @staticmethod
    def read_file(path: Path) -> tuple[str, dict[str, tuple[list[int], tuple[Row, ...]]]] | None:
        """(tag root, rows by article) of a cache file, if it is intact and of this format."""
        try:
            payload = unseal(path.read_bytes(), MADE_FROM)
            if payload is not None:
                version, root, part = marshal.loads(payload)
                if version == VERSION and isinstance(root, str) and isinstance(part, dict):
                    return root, part
        except (OSError, ValueError, EOFError, TypeError):
            pass  # missing, damaged or from another Python: it is only a cache
        return None

    def notes(
        self,
        key: str,
        articles: list[str],
        entries: dict[str, dict[str, Any]],
        read: Callable[[str], dict[str, Any] | None],
    ) -> dict[str, list[Note]]:
        """Per article in ``articles`` (which hold a note tagged ``key`` or a child of it, by
        the summary ``entries``): those notes, oldest first. ``read`` reads an article file."""
        root = root_of(key)
        wanted = f"\n{key}\n"
        found: dict[str, list[Note]] = {}
        with self._lock, paused_gc():
            part = self._parts.get(root)
            if part is None:
                part = self._parts[root] = self._load(root)
            reread = 0
            for article in articles:
                entry = entries[article]
                notes = (
                    None
                    if entry["racy"]
                    else _from_cache(part.get(article), entry["sig"], article, wanted)
                )
                if notes is None:
                    rows = rows_of(article, read(article), root)
                    if entry["racy"] or entry["sig"] is None:
                        part.pop(article, None)  # too fresh to vouch for: read it next time
                    else:
                        part[article] = (entry["sig"], rows)
                        reread += 1
                    notes = [note_of(article, r) for r in rows if wanted in r[7]]
                found[article] = notes
            if reread >= SAVE_AFTER or (reread and root in self._unsaved):
                self._save(root, part, entries)
        return found

    def _save(self, root: str, part: dict[str, Any], entries: dict[str, dict[str, Any]]) -> None:
        for article in [
            a for a in part if a not in entries or not has_tag(entries[a]["note_keys"], root)
        ]:
            del part[article]  # removed, or no longer has notes under this root
        try:
            data = seal(MADE_FROM, marshal.dumps((VERSION, root, part)))
            atomic_write_bytes(self.path(root), data, durable=False)
            self._unsaved.discard(root)
        except (OSError, ValueError):
            pass  # a read-only library still answers, just slower next time


def _from_cache(cached: Any, sig: list[int] | None, article: str, wanted: str) -> list[Note] | None:
    """The cached notes matching ``wanted`` if the rows were read from the file as it is now;
    ``None`` (read the file) if not, or if the rows are not what this module writes."""
    try:
        if cached is None or sig is None or cached[0] != sig:
            return None
        return [note_of(article, r) for r in cached[1] if wanted in r[7]]
    except (TypeError, IndexError, ValueError, KeyError):
        return None
