"""A binary snapshot of the index (``articles.cache``) for a fast cold start at 100,000 articles.

Why: ``articles.json`` stays the durable, readable TinyDB file, but parsing 100,000 JSON rows
and building a dataclass for each takes over half a second here. The snapshot holds the same
rows as columns in display order (see index_columns.py), each a ``marshal``-ed tuple with equal
strings shared, in two parts: the fields the library list needs (loaded at once, in tens of
milliseconds) and the rest (loaded when first read). It is derived data: it names the index
state it was made from (journal.State: the history of changes), so a reader uses it only for a
state the store of record still describes, replaying the journal entries after it; a snapshot
of another history, stale past the last fold or damaged is ignored and rebuilt; deleting it is
always safe.
"""

from __future__ import annotations

import marshal
import os
import struct
from pathlib import Path
from typing import Any

from .index_columns import COLD, HOT, ArticleColumns
from .journal import State

MAGIC = b"RDRIDX\x04\x00"  # format 4: columns and the state (formats 1-3 are ignored)
_LENGTH = struct.Struct("<I")


def save_snapshot(path: Path, state: State, columns: ArticleColumns) -> None:
    """Write the snapshot (best effort: a read-only folder just means no snapshot)."""
    from reader.base.atomic import atomic_write_bytes

    try:
        hot = marshal.dumps(tuple(tuple(columns.hot[name]) for name in HOT))
        cold = marshal.dumps(tuple(tuple(columns.cold[name]) for name in COLD))
        header = marshal.dumps((tuple(state.to_json()), HOT, COLD, len(hot), len(cold)))
        data = MAGIC + _LENGTH.pack(len(header)) + header + hot + cold
        atomic_write_bytes(path, data, durable=False)
    except (OSError, ValueError):
        pass


def load_snapshot(path: Path) -> tuple[ArticleColumns, State] | None:
    """The columns and the state they hold, if the snapshot exists and is whole (the caller
    decides whether that state is one the store still describes)."""
    try:
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            return None
        view = memoryview(data)
        at = len(MAGIC) + _LENGTH.size
        (size,) = _LENGTH.unpack_from(data, len(MAGIC))
        made_from, hot_names, cold_names, hot_size, cold_size = marshal.loads(view[at : at + size])
        state = State.from_json(list(made_from))
        if (
            state is None
            or tuple(hot_names) != HOT
            or tuple(cold_names) != COLD
            or at + size + hot_size + cold_size != len(data)
        ):
            return None
        at += size
        hot = dict(zip(HOT, marshal.loads(view[at : at + hot_size]), strict=True))
        cold_at = at + hot_size
        lengths = {len(column) for column in hot.values()}
        if len(lengths) > 1:
            return None
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        return None

    def cold() -> dict[str, Any]:
        columns = marshal.loads(view[cold_at : cold_at + cold_size])
        return dict(zip(COLD, columns, strict=True))

    return ArticleColumns(hot, cold), state


def stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)
