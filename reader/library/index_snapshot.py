"""A binary snapshot of the index (``articles.cache``) for a fast cold start at 1,000,000 articles.

Why: ``articles.json`` stays the durable, readable TinyDB file, but parsing 100,000 JSON rows
and building a dataclass for each takes over half a second here. The snapshot holds the same
rows as columns in display order (see index_columns.py), each column cut into chunks of
``CHUNK`` rows, each chunk a ``marshal``-ed tuple (equal strings shared) with its own CRC-32.
It is derived data: its header is sealed (:mod:`reader.base.derived`) with the index state it
was made from (journal.State: the history of changes), the row count and where each chunk lies
with its checksum, so a damaged or edited snapshot is never believed; one whose state the
journal still holds is brought forward by replaying the entries after it, any other is
rebuilt; deleting it is always safe. It is only ever read for display: writers read
``articles.json`` itself (article_index.py).

Two ways to read it: whole (the CLI: every chunk checked at once, as one file read) or ``lazy``
(the TUI at 1,000,000 rows: the header only, then each chunk read from the file and checked
when first used, so the first screen costs one chunk per column, not the whole file).
"""

from __future__ import annotations

import json
import marshal
import os
import struct
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.base.derived import made_from_of, seal, unseal

from .index_columns import COLD, HOT, ArticleColumns, ChunkedColumn, LazyColumns, SnapshotDamaged
from .journal import State

# format 6: a sealed header, then each column in chunks with their own checksums (1-5 ignored)
FORMAT = b"RDRIDX\x06\x00"
CHUNK = 8192  # rows per chunk: one screen of the library reads one chunk per column
_LENGTH = struct.Struct("<I")
_NAMES = HOT + COLD
_SEEK = threading.Lock()


def save_snapshot(
    path: Path,
    state: State,
    columns: ArticleColumns,
    problems: dict[str, str] | None = None,
) -> None:
    """Write the snapshot (best effort: a read-only folder just means no snapshot).
    ``problems`` are the index's damaged rows (id -> message), shown without re-reading it."""
    from reader.base.atomic import atomic_write_bytes

    try:
        count = len(columns)
        blobs: list[bytes] = []
        table: list[tuple[int, ...]] = []
        at = 0
        for name in _NAMES:
            values = columns.column(name)
            places: list[int] = []
            for start in range(0, count, CHUNK):
                blob = marshal.dumps(tuple(values[start : start + CHUNK]))
                places += (at, len(blob), zlib.crc32(blob))
                blobs.append(blob)
                at += len(blob)
            table.append(tuple(places))
        header = marshal.dumps((HOT, COLD, count, CHUNK, tuple(table), dict(problems or {})))
        sealed = seal(_made_from(state), header)
        body = b"".join([FORMAT, _LENGTH.pack(len(sealed)), sealed, *blobs])
        atomic_write_bytes(path, body, durable=False)
    except (OSError, ValueError):
        pass


class _File:
    """The snapshot's bytes: in memory (read whole) or read from the open file when asked
    (lazy). The file stays open: a writer replaces the snapshot by renaming a new file over
    it, so this one keeps reading the snapshot it opened."""

    def __init__(self, path: Path, lazy: bool) -> None:
        self._fd = -1
        self._data = b""
        if lazy:
            self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            self.size = os.fstat(self._fd).st_size
        else:
            self._data = path.read_bytes()
            self.size = len(self._data)

    def read(self, at: int, size: int) -> bytes:
        if self._fd < 0:
            return self._data[at : at + size]
        if hasattr(os, "pread"):
            data = os.pread(self._fd, size, at)
        else:  # Windows: no pread; seek and read under a lock (the import thread reads too)
            with _SEEK:
                os.lseek(self._fd, at, os.SEEK_SET)
                data = os.read(self._fd, size)
        if len(data) != size:
            raise SnapshotDamaged("the snapshot is shorter than its header says")
        return data

    def __del__(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def load_snapshot(
    path: Path, *, lazy: bool = False
) -> tuple[ArticleColumns, State, dict[str, str]] | None:
    """The columns, the state they hold and the damaged rows' messages, if the snapshot's
    header is intact (the caller decides whether that state is one the store still
    describes). Read whole, every chunk is checked here; ``lazy``, each chunk is checked when
    first read, and a damaged one raises :class:`SnapshotDamaged` then."""
    try:
        file = _File(path, lazy)
        start = len(FORMAT) + _LENGTH.size
        head = file.read(0, start)
        if head[: len(FORMAT)] != FORMAT:
            return None
        (sealed_size,) = _LENGTH.unpack_from(head, len(FORMAT))
        sealed = file.read(start, sealed_size)
        source = made_from_of(sealed)
        state = _state(source) if source is not None else None
        if state is None or source is None:
            return None
        header = unseal(sealed, source)
        if header is None:
            return None
        hot_names, cold_names, count, step, table, problems = marshal.loads(header)
        base = start + sealed_size
        chunks = -(-count // step) if step > 0 else -1
        if (
            tuple(hot_names) != HOT
            or tuple(cold_names) != COLD
            or chunks < 0
            or len(table) != len(_NAMES)
            or any(len(places) != 3 * chunks for places in table)
            or base + sum(sum(places[1::3]) for places in table) != file.size
        ):
            return None
        if not lazy:
            for places in table:
                for at in range(0, len(places), 3):
                    offset, size, crc = places[at : at + 3]
                    if zlib.crc32(file.read(base + offset, size)) != crc:
                        return None
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        return None

    def column(name: str) -> ChunkedColumn:
        places = table[_NAMES.index(name)]
        read = _reader(file, base, places, name, count, step, checked=not lazy)
        return ChunkedColumn(name, count, step, read)

    try:
        if lazy:
            hot: dict[str, Any] = {name: column(name) for name in HOT}
            return ArticleColumns(hot, LazyColumns(column), lazy=True), state, dict(problems)
        hot = {name: column(name).whole() for name in HOT}
        return ArticleColumns(hot, LazyColumns(lambda n: column(n).whole())), state, dict(problems)
    except SnapshotDamaged:
        return None


def _reader(
    file: _File,
    base: int,
    places: tuple[int, ...],
    name: str,
    count: int,
    step: int,
    *,
    checked: bool,
) -> Callable[[int], tuple[Any, ...]]:
    def read(chunk: int) -> tuple[Any, ...]:
        """One chunk of one column, checked against its checksum (unless the whole file was
        ``checked`` already) and its row count."""
        offset, size, crc = places[3 * chunk : 3 * chunk + 3]
        data = file.read(base + offset, size)
        if not checked and zlib.crc32(data) != crc:
            raise SnapshotDamaged(f"the snapshot's column {name} is damaged (chunk {chunk})")
        try:
            values = marshal.loads(data)
        except (ValueError, EOFError, TypeError) as exc:
            raise SnapshotDamaged(f"the snapshot's column {name} is damaged: {exc}") from None
        if not isinstance(values, tuple) or len(values) != min(step, count - chunk * step):
            raise SnapshotDamaged(f"the snapshot's column {name} is damaged (chunk {chunk})")
        return values

    return read


def _made_from(state: State) -> bytes:
    return json.dumps(state.to_json()).encode("ascii")


def _state(source: bytes) -> State | None:
    try:
        return State.from_json(json.loads(source))
    except (ValueError, UnicodeDecodeError):
        return None


def stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)
