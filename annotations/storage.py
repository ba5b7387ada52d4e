"""Crash-safe, multi-process-safe TinyDB files.

TinyDB rewrites the whole file on every write and has no cross-process safety, so a crash can
truncate a file and two processes can silently overwrite each other. This module closes both gaps
for every TinyDB file reader keeps (annotations and the article index ``articles.json``):

* :class:`AtomicJSONStorage` writes a temp file in the same folder, fsyncs it, ``os.replace``\\ s
  it over the old one and fsyncs the folder: after a SIGKILL or power cut the file is either the
  old or the new version, never a mix.
* A file that cannot be read or parsed raises :class:`CorruptFileError`; a copy is kept beside it
  (``NAME.corrupt-TIMESTAMP``) and the file is never written again by this storage until the user
  repairs or moves it.
* Writers take a lock (``NAME.lock``, via ``filelock``) and refuse to write when the file changed
  since they read it (:class:`ConcurrentWriteError`), so no change is ever lost silently.

Public API::

    db = open_db(path)            # reading; missing file = empty db, nothing is created
    with locked(path) as db:      # read-modify-write: holds the lock, every read is fresh
        db.table("notes").insert({...})

Inside ``locked()`` every TinyDB call re-reads the file under the lock, so decisions are made on
the current content. Outside it, a single write still takes the lock and checks the file did not
change since the read it is based on (optimistic concurrency); use ``locked()`` when in doubt.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another before giving up with a clear error


class StorageError(Exception):
    """A one-line, user-facing problem with a data file."""


class CorruptFileError(StorageError):
    """The file exists but is not valid reader data; it is left untouched, a backup is named."""

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        self.path, self.reason, self.backup = path, reason, backup
        where = f"a copy is at {backup}" if backup else "no backup could be written"
        super().__init__(
            f"{path} is unreadable ({reason}); {where}; reader will not write to it until it is "
            f"repaired or moved away"
        )


class ConcurrentWriteError(StorageError):
    """Another process changed the file between our read and our write: redo the change."""


_locks: dict[str, Any] = {}
_locks_guard = threading.Lock()


def file_lock(path: Path, lock_path: Path | None = None):
    """The process-wide ``FileLock`` for ``path`` (re-entrant within a thread, exclusive across
    threads and processes). The lock file is ``lock_path``, by default ``NAME.lock`` beside the
    data file; several data files may share one lock (the annotation store does)."""
    from filelock import FileLock  # lazy: reading the library never needs it

    key = os.path.abspath(lock_path) if lock_path else os.path.abspath(path) + ".lock"
    with _locks_guard:
        lock = _locks.get(key)
        if lock is None:
            # thread_local: each thread holds (and waits for) the lock on its own
            lock = _locks[key] = FileLock(key, timeout=LOCK_TIMEOUT, thread_local=True)
        return lock


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new file, never a mix.
    ``durable=False`` skips the fsyncs: for caches, where losing the last write costs nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_many(items: list[tuple[Path, bytes]]) -> None:
    """:func:`atomic_write_bytes` for many files at the cost of two flushes, not two per file
    (an fsync is ~2 ms here: 10,000 files one by one would take 40 s). Every temp file is
    written, all are flushed to disk at once, then each is ``os.replace``\\ d and the folders
    flushed at once. A SIGKILL midway leaves each file old or new, never a mix; temp files it
    leaves behind are removed by the next writer of that file (or ``reader doctor``)."""
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in items:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            temps.append((tmp, path))
            with open(tmp, "wb") as fh:
                fh.write(data)
        _flush_all([tmp for tmp, _ in temps])
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)  # (the ones already replaced are gone already)
        raise
    _flush_all(sorted({path.parent for _, path in temps}), folders=True)


def _flush_all(paths: list[Path], folders: bool = False) -> None:
    """Make ``paths`` durable: one ``syncfs`` of their filesystem where Linux offers it (one
    journal commit for all), else an fsync each."""
    if not paths:
        return
    if _syncfs(paths[0]):
        return
    for path in paths:
        if folders:
            _fsync_dir(path)
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _syncfs(path: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # lazy: only bulk writes need it

    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        return syncfs(fd) == 0
    finally:
        os.close(fd)


def _backup(path: Path, raw: bytes | None) -> Path | None:
    """Keep one copy of a bad file (the same bad content is backed up only once)."""
    import hashlib  # lazy: only a damaged file needs it

    stamp = time.strftime("%Y%m%dT%H%M%S")
    digest = hashlib.blake2b(raw or b"", digest_size=4).hexdigest()
    for old in path.parent.glob(f"{path.name}.corrupt-*"):
        if old.name.endswith(digest):
            return old
    backup = path.with_name(f"{path.name}.corrupt-{stamp}-{digest}")
    try:
        if raw is None:
            return None
        atomic_write_bytes(backup, raw)
    except OSError:
        return None
    return backup


class AtomicJSONStorage(Storage):
    """A TinyDB storage with atomic writes, corruption detection and lost-update protection."""

    def __init__(
        self, path: str | os.PathLike[str], lock_path: Path | None = None, **_: Any
    ) -> None:
        self._path = os.fspath(path)  # a str: pathlib costs more than the read on small files
        self.lock_path = Path(lock_path) if lock_path else None
        self._read_raw: bytes | None = None  # the bytes our data came from
        self._read_done = False

    @property
    def path(self) -> Path:
        return Path(self._path)

    def _load(self) -> tuple[bytes | None, dict[str, Any] | None]:
        try:
            with open(self._path, "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise CorruptFileError(self.path, exc.strerror or str(exc), None) from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            reason = "empty file" if not raw.strip() else f"not valid JSON: {exc}"
            raise CorruptFileError(self.path, reason, _backup(self.path, raw)) from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise CorruptFileError(self.path, "not a TinyDB document", _backup(self.path, raw))
        return raw, data

    def read(self) -> dict[str, Any] | None:
        raw, data = self._load()
        self._read_raw, self._read_done = raw, True
        return data

    def write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with file_lock(self.path, self.lock_path):
            raw, _ = self._load()  # raises on a corrupt file: never overwrite it
            if self._read_done and raw != self._read_raw:
                raise ConcurrentWriteError(
                    f"{self.path} was changed by another process meanwhile; try again"
                )
            atomic_write_bytes(self.path, payload)
            self._read_raw, self._read_done = payload, True

    def close(self) -> None:
        pass


class FreshTable(Table):
    """A table that never trusts in-memory state another process may have invalidated:
    no query cache, and the next document id is recomputed from the file on every insert."""

    default_query_cache_capacity = 0

    def insert(self, document):  # type: ignore[no-untyped-def]
        self._next_id = None
        return super().insert(document)

    def insert_multiple(self, documents):  # type: ignore[no-untyped-def]
        self._next_id = None
        return super().insert_multiple(documents)


class AtomicDB(TinyDB):
    table_class = FreshTable


def open_db(path: str | os.PathLike[str], lock_path: Path | None = None) -> TinyDB:
    """A TinyDB on ``path`` with :class:`AtomicJSONStorage`. Opening never creates anything:
    a missing file reads as empty; the folder and file appear on the first write."""
    return AtomicDB(path, storage=AtomicJSONStorage, lock_path=lock_path)


@contextmanager
def locked(path: str | os.PathLike[str], lock_path: Path | None = None) -> Iterator[TinyDB]:
    """A read-modify-write transaction: hold the writer lock for ``path`` and yield a TinyDB whose
    every read happens under the lock (so it sees all changes other processes made before)."""
    from filelock import Timeout

    path = Path(path)
    (Path(lock_path) if lock_path else path).parent.mkdir(parents=True, exist_ok=True)
    lock = file_lock(path, lock_path)
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(
            f"{path} is locked by another reader process for over {LOCK_TIMEOUT:.0f} s; "
            f"close it or remove {lock.lock_file} if no reader is running"
        ) from None
    try:
        yield open_db(path, lock_path)
    finally:
        lock.release()
