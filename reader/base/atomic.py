"""The one write path: every durable file reader writes goes through here.

``atomic_write_bytes`` writes a temp file in the same folder, fsyncs it, ``os.replace``\\ s it over
the old one and fsyncs the folder: after a SIGKILL or a power cut the file is the old or the new
version, never a mix. ``durable=False`` skips the fsyncs, for derived files (caches) only.
``file_lock`` is the cross-process writer lock. Nothing here knows what the bytes mean.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable
from io import BufferedWriter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelock import BaseFileLock

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another before giving up with a clear error

_locks: dict[str, Any] = {}
_locks_guard = threading.Lock()


def file_lock(path: Path, lock_path: Path | None = None) -> BaseFileLock:
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


def _new_temp(tmp: Path) -> BufferedWriter:
    """A new temp file, never one that was there: a stale temp of a killed writer is removed,
    and a symlink planted at the name (an export folder is the user's, anyone may put one
    there) is removed, not written through (``O_EXCL``, ``O_NOFOLLOW``)."""
    tmp.unlink(missing_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    return os.fdopen(os.open(tmp, flags, 0o666), "wb")


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new file, never a mix.
    ``data`` may come in pieces (an iterable of bytes, written as it is produced, so a large
    file is never whole in memory; if producing it fails, the old file stays).
    ``durable=False`` skips the fsyncs: for caches, where losing the last write costs nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with _new_temp(tmp) as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
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
            with _new_temp(tmp) as fh:
                fh.write(data)
        _flush_all([tmp for tmp, _ in temps])
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)  # (the ones already replaced are gone already)
        raise
    _flush_all(sorted({path.parent for _, path in temps}), folders=True)


def make_durable(files: list[Path], folders: list[Path]) -> None:
    """Flush files written with plain writes, and the folders that name them, to disk: one
    ``syncfs`` for all where Linux offers it, else an fsync each (files first, then folders,
    innermost first). For many new files that no reader can see yet (an import's article
    folders before the index commit that lists them): the commit comes after this returns."""
    if _syncfs((files or folders or [Path(".")])[0]):
        return
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    for folder in sorted(set(folders), key=lambda p: len(p.parts), reverse=True):
        _fsync_dir(folder)


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
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


class atomic_stream:
    """``with atomic_stream(path) as fh: fh.write(...)``: a file written as it is produced
    (constant memory, for large tables) that replaces ``path`` only when the block ends without
    an error, fsynced like :func:`atomic_write_bytes`; on an error the temp file is removed and
    ``path`` is left as it was."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(
            f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        )
        self.fh: Any = None

    def __enter__(self) -> Any:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = _new_temp(self.tmp)
        return self.fh

    def __exit__(self, kind: object, value: object, trace: object) -> None:
        try:
            if kind is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
            if kind is None:
                os.replace(self.tmp, self.path)
                _fsync_dir(self.path.parent)
        finally:
            if kind is not None or self.tmp.exists():
                self.tmp.unlink(missing_ok=True)


def append_durable(path: Path, data: bytes, *, cut_at: int | None = None) -> int:
    """Append ``data`` to ``path`` and fsync it (for an append-only journal, under its writer's
    lock); ``cut_at`` first cuts the file to that many bytes (the tail a crashed append left).
    A crash midway leaves at worst a cut-short last line, which the journal's reader ignores.
    Returns the file's new size."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if cut_at is not None and os.fstat(fd).st_size > cut_at:
            os.ftruncate(fd, cut_at)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        return os.fstat(fd).st_size
    finally:
        os.close(fd)
