"""A binary snapshot of the index (``articles.cache``) for a fast cold start at 100,000 articles.

Why: ``articles.json`` stays the durable, readable TinyDB file, but parsing 100,000 JSON rows
and building a dataclass for each takes over half a second here. The snapshot holds the same
rows as columns in display order (see index_columns.py), each a ``marshal``-ed tuple with equal
strings shared, in two parts: the fields the library list needs and the rest, each column
unmarshalled when first read. It is derived data, sealed (:mod:`reader.base.derived`): it names the index state it was made
from (journal.State: the history of changes) and carries a checksum of its bytes, so a damaged
or edited snapshot is never believed; one whose state the journal still holds is brought
forward by replaying the entries after it, any other is rebuilt; deleting it is always safe.
It is only ever read for display: writers read ``articles.json`` itself (article_index.py).
"""

from __future__ import annotations

import json
import marshal
import os
import struct
from pathlib import Path
from typing import Any

from reader.base.derived import made_from_of, seal, unseal

from .index_columns import COLD, HOT, ArticleColumns, LazyColumns
from .journal import State

# format 5: sealed columns and their index state, each cold column apart (1-4 ignored)
FORMAT = b"RDRIDX\x05\x00"
_LENGTH = struct.Struct("<I")


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
        hot = marshal.dumps(tuple(tuple(columns.hot[name]) for name in HOT))
        colds = [marshal.dumps(tuple(columns.column(name))) for name in COLD]
        sizes = tuple(len(c) for c in colds)
        header = marshal.dumps((HOT, COLD, len(hot), sizes, dict(problems or {})))
        body = FORMAT + _LENGTH.pack(len(header)) + header + hot + b"".join(colds)
        atomic_write_bytes(path, seal(_made_from(state), body), durable=False)
    except (OSError, ValueError):
        pass


def load_snapshot(path: Path) -> tuple[ArticleColumns, State, dict[str, str]] | None:
    """The columns, the state they hold and the damaged rows' messages, if the snapshot is
    intact (the caller decides whether that state is one the store still describes)."""
    try:
        raw = path.read_bytes()
        source = made_from_of(raw)
        state = _state(source) if source is not None else None
        if state is None or source is None:
            return None
        data = unseal(raw, source)
        if data is None or data[: len(FORMAT)] != FORMAT:
            return None
        at = len(FORMAT) + _LENGTH.size
        (size,) = _LENGTH.unpack_from(data, len(FORMAT))
        hot_names, cold_names, hot_size, cold_sizes, problems = marshal.loads(data[at : at + size])
        if (
            tuple(hot_names) != HOT
            or tuple(cold_names) != COLD
            or len(cold_sizes) != len(COLD)
            or at + size + hot_size + sum(cold_sizes) != len(data)
        ):
            return None
        at += size
        hot = dict(zip(HOT, marshal.loads(data[at : at + hot_size]), strict=True))
        cold_at = at + hot_size
        if len({len(column) for column in hot.values()}) > 1:
            return None
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        return None

    places = {}
    for name, cold_size in zip(COLD, cold_sizes, strict=True):
        places[name] = (cold_at, cold_at + cold_size)
        cold_at += cold_size
    count = len(hot["id"])

    def cold(name: str) -> Any:
        """One cold column, unmarshalled when first read (``list --json`` reads 4 of 12)."""
        start, end = places[name]
        column = marshal.loads(data[start:end])
        if not isinstance(column, tuple) or len(column) != count:
            raise ValueError(f"the snapshot's column {name} is damaged")
        return column

    return ArticleColumns(hot, LazyColumns(cold)), state, dict(problems)


def _made_from(state: State) -> bytes:
    return json.dumps(state.to_json()).encode("ascii")


def _state(source: bytes) -> State | None:
    try:
        return State.from_json(json.loads(source))
    except (ValueError, UnicodeDecodeError):
        return None


def stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)
