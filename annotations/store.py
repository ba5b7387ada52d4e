"""The annotation store: the only way the app and the CLI touch tags, notes and reading state.

Why it looks like this: TinyDB rewrites a whole file per write, so each article has its own small
file (see :mod:`annotations.records`) and library-wide questions go through a rebuildable
summary cache (:mod:`annotations.summary`). All writers share one lock (``ANNOTATIONS/.lock``) and
every write re-reads the file under it, so two processes never lose each other's changes; files
are replaced atomically (:mod:`annotations.storage`), so a crash leaves the old or the new file.
Every write also appends a byte to ``ANNOTATIONS/changes``: :meth:`version` is one ``stat``, cheap
enough for an open TUI to poll for changes made elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import Query
from tinydb.table import Document

from . import records as rec
from .anchors import reanchor as find_again
from .models import Anchor, ArticleSummary, Note
from .storage import AtomicJSONStorage, StorageError, file_lock, locked
from .summary import SummaryCache, digest, has_tag, signature
from .tags import TagError, matcher, merge_tags, remove_tags, rename_in, tag_key

JOURNAL_MAX = 1 << 20


class StoreError(Exception):
    """A one-line, user-facing problem (corrupt file, unknown note id, ...)."""


@contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except (StorageError, TagError) as exc:
        raise StoreError(str(exc)) from None


class AnnotationStore:
    def __init__(self, root: Path) -> None:
        """``root`` is ``LIBRARY/annotations`` (created on first write, not on read).
        Opening costs nothing: files are read when asked for."""
        self.root = Path(root)
        self._root = str(self.root)
        self._lock_path = self.root / ".lock"
        self._journal = self.root / "changes"
        self._cache = SummaryCache(self.root)
        self._seen: tuple[int, int, int] | None = None
        self._summaries: tuple[int, dict[str, ArticleSummary]] | None = None

    # files ----------------------------------------------------------------------------------
    def path(self, article: str) -> Path:
        return Path(self._file(article))

    def _file(self, article: str) -> str:
        if not isinstance(article, str) or not rec.ARTICLE_ID.match(article):
            raise StoreError(f"article id {article!r} is not valid")
        return os.path.join(self._root, article[:2], article + ".json")

    def _read(self, article: str) -> dict[str, Any] | None:
        with _user_errors():
            raw = AtomicJSONStorage(self._file(article)).read()
        if raw is not None and rec.schema_of(raw) > rec.SCHEMA:
            raise StoreError(f"{self._file(article)} was written by a newer reader; upgrade reader")
        return rec.migrate(raw, article) if raw is not None else None

    @contextmanager
    def _writing(self, article: str) -> Iterator[Any]:
        """One article's read-modify-write under the store lock; yields its TinyDB."""
        path = self.path(article)
        with _user_errors(), locked(path, self._lock_path) as db:
            raw = db.storage.read()
            if raw is not None and rec.schema_of(raw) > rec.SCHEMA:
                raise StoreError(f"{path} was written by a newer reader; upgrade reader")
            if raw is None or rec.schema_of(raw) < rec.SCHEMA:
                db.storage.write(rec.migrate(raw or {}, article))
            for stale in path.parent.glob(f".{path.name}.*.tmp"):  # a writer killed mid-write
                stale.unlink(missing_ok=True)  # (safe: all writers hold the lock we hold)
            yield db
            self._cache.put(article, digest(db.storage.read()), signature(os.stat(path)))
            self._bump()

    @contextmanager
    def _all_locked(self) -> Iterator[None]:
        with _user_errors(), locked(self._journal, self._lock_path):
            yield

    def _bump(self) -> None:
        """Record that something changed (called under the lock)."""
        before = self.version()
        fd = os.open(self._journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, b".")
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if size > JOURNAL_MAX:
            from .storage import atomic_write_bytes

            atomic_write_bytes(self._journal, b"")
        if before == self._seen:  # nobody else wrote since we last looked
            self._seen = self.version()

    def version(self) -> tuple[int, int, int]:
        """A token that changes whenever any process writes annotations (one ``stat``)."""
        try:
            st = os.stat(self._journal)
        except FileNotFoundError:
            return (0, 0, 0)
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def changed_since(self, token: tuple[int, int, int]) -> bool:
        return self.version() != tuple(token)

    def _entries(self) -> dict[str, dict[str, Any]]:
        token = self.version()
        if self._cache.entries is None or token != self._seen:
            self._cache.refresh()
            self._seen = token
        assert self._cache.entries is not None
        return self._cache.entries

    # notes ----------------------------------------------------------------------------------
    def add_note(self, article: str, text: str, passage: Anchor | None = None,
                 tags: Iterable[str] = ()) -> Note:
        text = rec.clean_text(text)
        with _user_errors():
            tags = merge_tags([], tags)
        if not text.strip() and not tags and passage is None:
            raise StoreError("note is empty: give a text, a tag or a passage")
        stamp = rec.now_iso()
        note = Note(id=rec.new_note_id(), article=article, text=text, tags=tags,
                    passage=passage, created=stamp, updated=stamp)
        with self._writing(article) as db:
            db.table("notes").insert(rec.note_doc(note))
        return note

    def _locate(self, note_id: str) -> tuple[str, str]:
        prefix = str(note_id).strip()
        if not prefix:
            raise StoreError("note id is empty")
        hits = [(a, i) for a, e in self._entries().items() if prefix in e["ids"]
                for i in e["ids"].split(",") if i.startswith(prefix)]
        exact = [h for h in hits if h[1] == prefix]
        if len(exact) == 1 or len(hits) == 1:
            return (exact or hits)[0]
        if not hits:
            raise StoreError(f"no note with id {prefix!r}")
        names = ", ".join(sorted(i for _, i in hits)[:8])
        raise StoreError(f"note id {prefix!r} is ambiguous: {names}")

    def get_note(self, note_id: str) -> Note:
        article, full = self._locate(note_id)
        for note in rec.notes_in(article, self._read(article)):
            if note.id == full:
                return note
        raise StoreError(f"no note with id {note_id!r}")

    def edit_note(self, note_id: str, text: str | None = None,
                  tags: Iterable[str] | None = None) -> Note:
        article, full = self._locate(note_id)
        fields: dict[str, Any] = {"updated": rec.now_iso()}
        if text is not None:
            fields["text"] = rec.clean_text(text)
        if tags is not None:
            with _user_errors():
                fields["tags"] = merge_tags([], tags)
        with self._writing(article) as db:
            if not db.table("notes").update(fields, Query().id == full):
                raise StoreError(f"no note with id {note_id!r}")
        return self.get_note(full)

    def delete_note(self, note_id: str) -> None:
        article, full = self._locate(note_id)
        with self._writing(article) as db:
            if not db.table("notes").remove(Query().id == full):
                raise StoreError(f"no note with id {note_id!r}")

    def notes(self, article: str | None = None, tag: str | None = None) -> list[Note]:
        """Notes of one article or of all; ``tag`` keeps notes with the tag (or a child of it)
        and all notes on articles with it."""
        if tag is not None:
            with _user_errors():
                tag = tag_key(tag)
        if article is not None:
            articles = [article]
        else:
            entries = self._entries()
            articles = sorted(
                a for a, e in entries.items()
                if e["notes"] and (tag is None or has_tag(e["note_keys"], tag)
                                   or has_tag(e["article_keys"], tag))
            )
        found: list[Note] = []
        tagged = matcher(tag) if tag is not None else None
        for name in articles:
            raw = self._read(name)
            if tagged is None or tagged(rec.article_doc(raw).get("tags") or ()):
                found += rec.notes_in(name, raw)
            else:
                found += rec.notes_in(name, raw, lambda d: tagged(d.get("tags") or ()))
        return found

    def orphans(self) -> list[Note]:
        """Notes whose article was removed or whose passage could not be found again."""
        names = sorted(a for a, e in self._entries().items() if e["orphans"])
        return [n for a in names for n in rec.notes_in(a, self._read(a)) if n.orphan]

    # article tags and state -----------------------------------------------------------------
    def _update_article(self, db: Any, fields: dict[str, Any]) -> None:
        table = db.table("article")
        if len(table):
            table.update(fields, doc_ids=[table.all()[0].doc_id])
        else:
            table.insert(Document(fields, doc_id=1))

    def article_tags(self, article: str) -> list[str]:
        return list(rec.article_doc(self._read(article)).get("tags") or [])

    def _change_tags(self, article: str, change: Any) -> list[str]:
        with _user_errors():
            wanted = change(self.article_tags(article))  # validate before taking the lock
        if wanted == self.article_tags(article):
            return wanted  # nothing to do: never create or rewrite a file for it
        with self._writing(article) as db:
            current = list(rec.article_doc(db.storage.read()).get("tags") or [])
            wanted = change(current)
            self._update_article(db, {"tags": wanted})
        return wanted

    def tag_article(self, article: str, tags: Iterable[str]) -> list[str]:
        tags = list(tags)
        return self._change_tags(article, lambda cur: merge_tags(cur, tags))

    def untag_article(self, article: str, tags: Iterable[str]) -> list[str]:
        tags = list(tags)
        return self._change_tags(article, lambda cur: remove_tags(cur, tags))

    def tag_counts(self) -> dict[str, int]:
        """Each tag (as most often typed) with the number of articles and notes that carry it."""
        counts: dict[str, dict[str, int]] = {}
        for entry in self._entries().values():
            seen = [] if entry.get("removed") else [(t, 1) for t in entry["tags"]]
            for tag, n in seen + list(entry["note_tags"].items()):
                spellings = counts.setdefault(tag.casefold(), {})
                spellings[tag] = spellings.get(tag, 0) + n
        return {max(sp, key=lambda t: (sp[t], t)): sum(sp.values()) for sp in counts.values()}

    def rename_tag(self, old: str, new: str) -> int:
        """Rename ``old`` (and its children) to ``new`` on articles and notes; merges into an
        existing ``new``. Returns how many articles and notes changed."""
        with _user_errors():
            old_key, _ = tag_key(old), tag_key(new)
        changed = 0
        with self._all_locked():
            self._cache.refresh()  # under the lock: nobody adds a tag we would miss
            for article, entry in sorted(self._cache.entries.items()):
                if not (has_tag(entry["article_keys"], old_key)
                        or has_tag(entry["note_keys"], old_key)):
                    continue
                with self._writing(article) as db:
                    raw = db.storage.read()
                    tags = rename_in(list(rec.article_doc(raw).get("tags") or []), old, new)
                    if tags is not None:
                        self._update_article(db, {"tags": tags})
                        changed += 1
                    updates = []
                    for note in rec.notes_in(article, raw):
                        renamed = rename_in(note.tags, old, new)
                        if renamed is not None:
                            updates.append(({"tags": renamed}, Query().id == note.id))
                    if updates:
                        db.table("notes").update_multiple(updates)
                        changed += len(updates)
        return changed

    def set_state(self, article: str, *, read: bool | None = None,
                  position: int | None = None) -> None:
        fields: dict[str, Any] = {}
        if read is not None:
            fields["read"] = bool(read)
        if position is not None:
            fields["position"] = max(0, int(position))
        current = rec.article_doc(self._read(article))
        defaults = {"read": False, "position": 0}
        if any(current.get(k, defaults[k]) != v for k, v in fields.items()):
            with self._writing(article) as db:
                self._update_article(db, fields)

    # fast, library-wide ---------------------------------------------------------------------
    def summary(self, article: str) -> ArticleSummary:
        return _summary(digest(self._read(article)))

    def summaries(self) -> dict[str, ArticleSummary]:
        """Every article with annotations: tags, note and orphan counts, reading state.
        (A fresh dict each call; the summaries in it are shared, treat them as read-only.)"""
        entries = self._entries()
        if self._summaries is None or self._summaries[0] != self._cache.generation:
            self._summaries = (self._cache.generation,
                               {a: _summary(e) for a, e in entries.items()})
        return dict(self._summaries[1])

    def problems(self) -> dict[str, str]:
        """Article files that could not be read, with the reason (for ``reader doctor``)."""
        return {a: e["error"] for a, e in self._entries().items() if e.get("error")}

    # re-anchoring, removed articles, import ---------------------------------------------------
    def reanchor(self, article: str, new_text: str) -> list[Note]:
        """Place every passage note in ``new_text``; notes that can't be placed become orphans
        and keep their old passage. The article counts as present again. Returns all its notes."""
        if self._read(article) is None:
            return []
        with self._writing(article) as db:
            raw = db.storage.read()
            updates = []
            for note in rec.notes_in(article, raw):
                moved = find_again(note.passage, new_text) if note.passage else None
                fields: dict[str, Any] = {"orphan": note.passage is not None and moved is None}
                if moved is not None:
                    fields["passage"] = moved.to_dict()
                updates.append((fields, Query().id == note.id))
            if updates:
                db.table("notes").update_multiple(updates)
            if rec.article_doc(raw).get("removed"):
                self._update_article(db, {"removed": False})
        return self.notes(article)

    def mark_orphans(self, article: str) -> None:
        """The article was removed but its notes stay: all become orphans."""
        if self._read(article) is None:
            return
        with self._writing(article) as db:
            db.table("notes").update({"orphan": True})
            self._update_article(db, {"removed": True})

    def delete_article(self, article: str) -> None:
        """Remove an article's annotations for good (``reader remove --with-notes``)."""
        path = self.path(article)
        if not path.exists():
            return
        with self._all_locked():
            path.unlink(missing_ok=True)
            self._cache.drop(article)
            self._bump()

    def merge_notes(self, article: str, tags: Iterable[str], notes: Iterable[Note]) -> dict[str,
                                                                                         int]:
        """Merge another copy's annotations of ``article``: same id -> the newer ``updated``
        wins; the same text on the same passage is not added twice."""
        counts = {"added": 0, "updated": 0, "skipped": 0}
        incoming, tags = list(notes), list(tags)
        with self._writing(article) as db:
            raw = db.storage.read()
            mine = {n.id: n for n in rec.notes_in(article, raw)}
            same = {_content_key(n) for n in mine.values()}
            table, added = db.table("notes"), []
            for note in incoming:
                note.article = article
                if note.id in mine:
                    if note.updated > mine[note.id].updated:
                        table.update(rec.note_doc(note), Query().id == note.id)
                        counts["updated"] += 1
                    else:
                        counts["skipped"] += 1
                elif _content_key(note) in same:
                    counts["skipped"] += 1
                else:
                    added.append(rec.note_doc(note))
                    mine[note.id] = note
                    same.add(_content_key(note))
                    counts["added"] += 1
            if added:
                table.insert_multiple(added)
            current = list(rec.article_doc(raw).get("tags") or [])
            with _user_errors():
                merged = merge_tags(current, tags)
            if merged != current:
                self._update_article(db, {"tags": merged})
        return counts


def _content_key(note: Note) -> tuple[str, str, int | None]:
    passage = note.passage
    return (" ".join(note.text.split()), passage.exact if passage else "",
            passage.start if passage else None)


def _summary(entry: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary(tags=list(entry["tags"]), notes=entry["notes"], read=entry["read"],
                          position=entry["position"], orphans=entry["orphans"],
                          error=entry.get("error") or "")
