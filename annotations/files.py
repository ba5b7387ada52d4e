"""One small TinyDB file per article, shared locking, and a change token.

Why: TinyDB rewrites a whole file per write, so each article has its own small file (see
:mod:`annotations.records`) and library-wide questions go through a rebuildable summary cache
(:mod:`annotations.summary`). All writers share one lock (``ANNOTATIONS/.lock``) and every write
re-reads the file under it, so two processes never lose each other's changes; files are replaced
atomically (:mod:`annotations.storage`), so a crash leaves the old or the new file. Every write
also appends a byte to ``ANNOTATIONS/changes``: :meth:`ArticleFiles.version` is one ``stat``,
cheap enough for an open TUI to poll for changes made elsewhere.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.table import Document

from reader.base.errors import ReaderError

from . import records as rec
from .storage import AtomicJSONStorage, StorageError, atomic_write_bytes, atomic_write_many, locked
from .summary import SummaryCache, digest, signature
from .tagnotes import TagNotes
from .tags import TagError

JOURNAL_MAX = 1 << 20


def system_user() -> str:
    """The login name ("unknown" when there is none): records' coder until a name is set."""
    import getpass

    try:
        name = " ".join(getpass.getuser().replace(",", " ").split())
    except Exception:  # noqa: BLE001 - no login name (a container without one): still code
        name = ""
    return name[:64] if name and name.isprintable() else "unknown"


class StoreError(ReaderError):
    """A one-line, user-facing problem (corrupt file, unknown note id, ...)."""


@contextmanager
def user_errors() -> Iterator[None]:
    """Storage and tag problems reach callers as :class:`StoreError` (one line each)."""
    try:
        yield
    except (StorageError, TagError, rec.TextError) as exc:
        raise StoreError(str(exc)) from None
    except OSError as exc:  # permissions, disk full, read-only library, ...
        raise StoreError(f"{exc.filename or 'annotations'}: {exc.strerror or exc}") from None


class ArticleFiles:
    """The file layer the annotation store holds (``AnnotationStore.files``): one article's
    file read, or changed under the lock (:meth:`writing`, :meth:`write_many`), the summary
    cache (:meth:`entries`, ``cache``) and the change token (:meth:`version`)."""

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        """``root`` is ``LIBRARY/annotations`` (created on first write, not on read);
        ``cache_dir`` is where the derived caches go (default: ``root`` itself; the library
        passes its cache folder). Opening costs nothing: files are read when asked for."""
        self.root = Path(root)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else self.root
        self._root = str(self.root)
        self._lock_path = self.root / ".lock"
        self._journal = self.root / "changes"
        self.cache = SummaryCache(self.root, self.cache_dir)
        self._seen: tuple[int, int, int] | None = None
        self.memory = threading.RLock()  # the in-memory cache, shared by the app's threads
        self.tag_notes = TagNotes(self.cache_dir)
        self._damage: dict[str, list[str]] = {}  # damaged records met so far, by article

    @property
    def lock_path(self) -> Path:
        """The one lock every writer of the store takes (also for ``actors.json``)."""
        return self._lock_path

    # files ----------------------------------------------------------------------------------
    def path(self, article: str) -> Path:
        return Path(self.file(article))

    def file(self, article: str) -> str:
        if not isinstance(article, str) or not rec.ARTICLE_ID.match(article):
            raise StoreError(f"article id {article!r} is not valid")
        return os.path.join(self._root, article[:2], article + ".json")

    def read(self, article: str) -> dict[str, Any] | None:
        path = self.file(article)
        with user_errors():
            raw = AtomicJSONStorage(path).read()
        if raw is not None and _schema(path, raw) > rec.SCHEMA:
            raise StoreError(f"{path} was written by a newer reader; upgrade reader")
        self.met(article, raw)
        return rec.migrate(raw, article) if raw is not None else None

    def met(self, article: str, raw: dict[str, Any] | None) -> None:
        """Remember the damaged records of a file just read (reported by the caller)."""
        lines = rec.problems_in(raw)
        with self.memory:
            if lines:
                path = self.file(article)
                self._damage[article] = [f"{path}: {line}" for line in lines]
            else:
                self._damage.pop(article, None)

    def met_all(self, entries: dict[str, dict[str, Any]]) -> None:
        """A library-wide answer was given: every damaged record left out of it was met."""
        with self.memory:
            for article, entry in entries.items():
                if entry.get("bad"):
                    path = self.file(article)
                    self._damage[article] = [f"{path}: {x}" for x in entry["bad"].splitlines()]

    def forget_damage(self, article: str) -> None:
        with self.memory:
            self._damage.pop(article, None)

    def damage_met(self) -> dict[str, list[str]]:
        """Damaged records this store left out of what it answered so far: one line each,
        naming the file, the record and the field (for the CLI to print, and exit 1)."""
        with self.memory:
            return {a: list(lines) for a, lines in self._damage.items()}

    def bad_records(self) -> dict[str, list[str]]:
        """Every damaged record in the library (from the summary cache): ``reader doctor``."""
        return {
            a: [f"{self.file(a)}: {line}" for line in e["bad"].splitlines()]
            for a, e in self.entries().items()
            if e.get("bad")
        }

    @contextmanager
    def writing(self, article: str) -> Iterator[Any]:
        """One article's read-modify-write under the store lock; yields its TinyDB."""
        path = self.path(article)
        with user_errors(), locked(path, self._lock_path) as db:
            raw = db.storage.read()
            if raw is not None and _schema(path, raw) > rec.SCHEMA:
                raise StoreError(f"{path} was written by a newer reader; upgrade reader")
            self.met(article, raw)
            unusable = rec.unusable_record(raw)
            if unusable:
                raise StoreError(f"{path}: {unusable}; reader doctor --repair fixes it")
            if raw is None or rec.schema_of(raw) < rec.SCHEMA:
                db.storage.write(rec.migrate(raw or {}, article))
            for stale in path.parent.glob(f".{path.name}.*.tmp"):  # a writer killed mid-write
                stale.unlink(missing_ok=True)  # (safe: all writers hold the lock we hold)
            yield db
            with self.memory:
                self.cache.put(article, digest(db.storage.read()), signature(os.stat(path)))
                self.bump()

    def write_many(
        self, changes: dict[str, Callable[[dict[str, Any]], bool]], *, all_or_nothing: bool = False
    ) -> dict[str, str]:
        """Many articles' read-modify-writes under one lock: ``changes[article](raw)`` edits the
        raw TinyDB dict in place and says whether it changed anything. Files are replaced
        atomically with one flush for all (:func:`annotations.storage.atomic_write_many`), the
        summary cache and the change journal are updated once. An article whose file is corrupt,
        from a newer reader, or whose change raises is left alone; returns those with the reason.
        ``all_or_nothing``: then any such article means nothing is written (a :class:`StoreError`
        names it), as a merge of another copy must be whole or not at all.
        """
        errors: dict[str, str] = {}
        written: list[tuple[str, str, dict[str, Any]]] = []
        if not changes:
            return errors
        with self.all_locked():
            for article, change in changes.items():
                try:
                    path = self.file(article)
                    with user_errors():
                        raw = AtomicJSONStorage(path).read()
                        if raw is not None and _schema(path, raw) > rec.SCHEMA:
                            raise StoreError(
                                f"{path} was written by a newer reader; upgrade reader"
                            )
                        self.met(article, raw)
                        unusable = rec.unusable_record(raw)
                        if unusable:
                            raise StoreError(f"{path}: {unusable}; reader doctor --repair fixes it")
                        raw = rec.migrate(raw or {}, article)
                        if change(raw):
                            written.append((article, path, raw))
                except StoreError as exc:
                    errors[article] = str(exc)
            if errors and all_or_nothing:
                article, reason = next(iter(errors.items()))
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise StoreError(f"nothing written: {article}: {reason}{more}")
            encoded = [(Path(path), _encode(raw, path)) for _, path, raw in written]
            with user_errors():
                atomic_write_many(encoded)
            with self.memory:
                for article, path, raw in written:
                    self.cache.put(article, digest(raw), signature(os.stat(path)))
                if written:
                    self.bump()
        return errors

    @contextmanager
    def all_locked(self) -> Iterator[None]:
        with user_errors(), locked(self._journal, self._lock_path):
            yield

    def bump(self) -> None:
        """Record that something changed (called under the lock)."""
        before = self.version()
        fd = os.open(self._journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, b".")
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if size > JOURNAL_MAX:
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

    def entries(self, force: bool = False) -> dict[str, dict[str, Any]]:
        """A snapshot of the summary cache, current as of this call."""
        with self.memory:
            token = self.version()
            if force or self.cache.entries is None or token != self._seen:
                with user_errors():
                    self.cache.refresh()
                self._seen = token
            assert self.cache.entries is not None
            return dict(self.cache.entries)

    @staticmethod
    def update_article(db: Any, fields: dict[str, Any]) -> None:
        """Set fields of the article record in an open TinyDB (inside :meth:`writing`)."""
        table = db.table("article")
        if len(table):
            table.update(fields, doc_ids=[table.all()[0].doc_id])
        else:
            table.insert(Document(fields, doc_id=1))


def _schema(path: str | Path, raw: dict[str, Any]) -> int:
    try:
        return rec.schema_of(raw)
    except rec.RecordError as exc:
        raise StoreError(
            f"{path} is unreadable ({exc}); reader doctor --repair sets it aside"
        ) from None


def _encode(raw: dict[str, Any], path: str = "annotations") -> bytes:
    """As :class:`annotations.storage.AtomicJSONStorage` writes it."""
    try:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate the checks before did not catch
        raise StoreError(f"{path}: not written (text that is not valid Unicode)") from None
