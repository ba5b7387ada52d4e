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

The atomic write itself and the lock live in :mod:`reader.base.atomic`, the one write path of
reader; they are re-exported here for the annotation modules.

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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from reader.base import atomic
from reader.base.atomic import LOCK_TIMEOUT, atomic_write_bytes, atomic_write_many, file_lock
from reader.base.errors import ReaderError


class StorageError(ReaderError):
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

    def _raw(self) -> bytes | None:
        """The file's bytes now (None: no file; unreadable: as _load says)."""
        try:
            with open(self._path, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            return None
        except OSError:
            return b"\0unreadable"  # never equal to what was read: _load names the reason

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
            if not (self._read_done and self._raw() == self._read_raw):
                # changed since our read (else it is the file we read and checked): a corrupt
                # file raises, never overwritten; a good one is another process's change
                raw, _ = self._load()
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
            f"{path} is locked by another reader process for over {atomic.LOCK_TIMEOUT:.0f} s; "
            f"close it or remove {lock.lock_file} if no reader is running"
        ) from None
    try:
        yield open_db(path, lock_path)
    finally:
        lock.release()


__all__ = [
    "LOCK_TIMEOUT",
    "AtomicJSONStorage",
    "ConcurrentWriteError",
    "CorruptFileError",
    "StorageError",
    "atomic_write_bytes",
    "atomic_write_many",
    "file_lock",
    "locked",
    "open_db",
]
