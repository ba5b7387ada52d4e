"""The index's store of record in two files: ``articles.json`` (the TinyDB base) and
``articles.journal`` (the changes since, appended one line each).

Why: a change to one article used to rewrite the whole index (2.3 s at 100,000 articles).
Now a writer appends one line per change, under the index lock, and fsyncs it; once the journal
holds more than ``COMPACT_AFTER`` changes, the writer holding the lock folds them into a new base
(an atomic replace) and starts an empty journal. One change costs the same at 1,000 and at
1,000,000 articles; the fold costs one pass over the base every ``COMPACT_AFTER`` changes.

The base stays a TinyDB file (``{"_schema": ..., "articles": {id: row}}``), written one row a
line, so a fold copies the rows no change touched as bytes, without parsing them.

Every line of the journal carries a check: ``JSON<TAB>CHAIN``, where CHAIN is the first 8 bytes
of BLAKE2b over the previous line's CHAIN and this line's JSON. The chain names a state of the
index: (sequence number, chain). The base records the state it holds, the journal's first line
the state it continues, and derived files (the snapshot, the lookup and search databases) the
state they were made from, so a derived file is used only for the exact history it describes,
brought forward by replaying the journal, or rebuilt.

Crash safety: an append that a crash cut short leaves a last line without its newline or with a
wrong check; readers ignore it (the writer had not returned), the next writer cuts it off. A
fold writes the new base first, then the new journal: a crash between the two leaves a base that
already holds the journal's changes, so readers skip the entries up to the base's state.

Changes are operations, not copies of rows: ``put`` (a whole new row: import), ``del``,
``edit`` (the user's corrections: the fields and ``edited``), ``set`` (fields, optionally not
those the user corrected: reimport, key migration). They apply to the row as it is when they
are replayed, so a reimport never undoes an edit made meanwhile, and a writer never copies a
row out of a cache into the store.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
SCHEMA_VERSION = 3  # 3: the base written a row a line, with its state; 2: one line, no state
COMPACT_AFTER = 1000  # journal entries before the writer folds them into the base
FOLD_BELOW = 256_000  # bytes: a base this small is folded at every write (costs milliseconds),
# so a small library's articles.json always holds every row (a person may read or mend it)
TABLE = "articles"
_REQUIRED = {"sha256", "title", "format", "file", "added", "content_key"}
_EMPTY: tuple[Any, ...] = (None, "", 0, [], {})


@dataclass(frozen=True)
class State:
    """A state of the index: how many changes led to it and the chain naming that history."""

    seq: int
    chain: str

    def to_json(self) -> list[Any]:
        return [self.seq, self.chain]

    @classmethod
    def from_json(cls, value: Any) -> State | None:
        if (
            isinstance(value, (list, tuple))
            and len(value) == 2
            and isinstance(value[0], int)
            and isinstance(value[1], str)
        ):
            return cls(value[0], value[1])
        return None


def chain_next(previous: str, payload: bytes) -> str:
    try:
        prev = bytes.fromhex(previous)
    except ValueError:
        prev = previous.encode("utf-8", "replace")
    return hashlib.blake2b(prev + payload, digest_size=8).hexdigest()


def new_chain() -> str:
    """The root of a new history (a new library, or one rebuilt): never one seen before."""
    return os.urandom(8).hex()


@dataclass
class Entry:
    seq: int
    op: dict[str, Any]
    chain: str

    @property
    def state(self) -> State:
        return State(self.seq, self.chain)


@dataclass
class JournalRead:
    """What ``articles.journal`` holds: the state it continues and the entries after it."""

    start: State | None = None  # None: no journal
    entries: list[Entry] = field(default_factory=list)
    good_end: int = 0  # bytes up to the end of the last good line
    size: int = 0
    torn: bool = False  # a last line cut short (a crashed append): ignored, cut off by writers
    damaged: str | None = None  # a bad line before good ones: the journal cannot be trusted
    inode: int | None = None

    @property
    def end(self) -> State | None:
        if self.entries:
            last = self.entries[-1]
            return State(last.seq, last.chain)
        return self.start

    def chain_at(self, seq: int) -> str | None:
        """The chain of the state ``seq`` if this journal covers it."""
        if self.start is None:
            return None
        if seq == self.start.seq:
            return self.start.chain
        first = self.start.seq + 1
        if first <= seq < first + len(self.entries):
            return self.entries[seq - first].chain
        return None

    def after(self, seq: int) -> list[Entry]:
        if self.start is None:
            return []
        return self.entries[max(0, seq - self.start.seq) :]


def encode_line(obj: dict[str, Any], previous: str) -> tuple[bytes, str]:
    payload = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    chain = chain_next(previous, payload)
    return payload + b"\t" + chain.encode("ascii") + b"\n", chain


def header_line(state: State) -> bytes:
    line, _ = encode_line({"journal": FORMAT, "after": state.seq, "chain": state.chain}, "")
    return line


Resume = tuple[int, State, int | None]  # (offset, state there, inode): where to read on


def read_journal(path: Path, resume: Resume | None = None) -> JournalRead:
    """Read and check the journal. ``resume`` = (offset, state there, inode): read only what
    was appended after ``offset`` (the caller read the file up to there)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if resume is not None and (st.st_ino != resume[2] or st.st_size < resume[0]):
                resume = None  # replaced (a fold) or cut: read it whole
            offset = resume[0] if resume is not None else 0
            fh.seek(offset)
            data = fh.read()
    except FileNotFoundError:
        return JournalRead()
    found = JournalRead(inode=st.st_ino, size=offset + len(data), good_end=offset)
    state = resume[1] if resume is not None else None
    found.start = state
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when the data ends with a newline, else a cut-short line
    at = offset
    for number, line in enumerate(lines):
        obj = _checked(line, state)
        if obj is None:
            if number == len(lines) - 1 and not tail:
                found.torn = True  # the last line: an append a crash cut short
            else:
                found.damaged = f"a line at byte {at} is damaged"
            break
        at += len(line) + 1
        found.good_end = at
        if state is None:  # the header: the state this journal continues
            state = found.start = State(obj["after"], obj["chain"])
            continue
        state = State(state.seq + 1, line.rpartition(b"\t")[2].decode("ascii"))
        found.entries.append(Entry(state.seq, obj, state.chain))
    else:
        found.torn = bool(tail)
    return found


def _checked(line: bytes, state: State | None) -> dict[str, Any] | None:
    """The line's JSON if its check holds (``state`` None: the header line)."""
    payload, _, check = line.rpartition(b"\t")
    if not payload:
        return None
    try:
        obj = json.loads(payload)
        if not isinstance(obj, dict):
            return None
        if state is None:
            ok = (
                obj.get("journal") == FORMAT
                and State.from_json([obj.get("after"), obj.get("chain")]) is not None
                and check.decode("ascii") == chain_next("", payload)
            )
        else:
            ok = obj.get("seq") == state.seq + 1 and check.decode("ascii") == chain_next(
                state.chain, payload
            )
    except (ValueError, UnicodeDecodeError):
        return None
    return obj if ok else None


# the base --------------------------------------------------------------------------------------
def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def base_head(state: State) -> bytes:
    schema = {"1": {"version": SCHEMA_VERSION, "seq": state.seq, "chain": state.chain}}
    return b'{"_schema":' + dumps(schema) + b',"' + TABLE.encode() + b'":{'


def base_bytes(rows: dict[str, Any], state: State) -> bytes:
    """The base in its line layout (a valid TinyDB file)."""
    lines = [dumps(key) + b":" + dumps(row) for key, row in rows.items()]
    return _assemble(state, lines)


def _assemble(state: State, row_lines: list[bytes]) -> bytes:
    body = b",\n".join(row_lines)
    return base_head(state) + b"\n" + body + (b"\n" if row_lines else b"") + b"}}"


def read_head(path: Path) -> tuple[State | None, bool]:
    """(the base's state, whether it has the line layout) from its first line only; (None,
    False) for a base of an earlier version or one laid out otherwise (parse it whole)."""
    try:
        with open(path, "rb") as fh:
            first = fh.readline(1 << 16)
    except FileNotFoundError:
        return None, False
    if not first.startswith(b'{"_schema":') or not first.endswith(b'"' + TABLE.encode() + b'":{\n'):
        return None, False
    try:
        schema = json.loads(first[:-1] + b"}}")["_schema"]["1"]
    except (ValueError, KeyError, TypeError):
        return None, False
    state = State.from_json([schema.get("seq"), schema.get("chain")])
    return state, state is not None


def schema_state(data: dict[str, Any], stamp: tuple[int, int, int]) -> State:
    """The state a parsed base holds; a base of an earlier version (no state) is named by its
    file stamp (it is migrated at the next write)."""
    schema = data.get("_schema")
    entry = schema.get("1") if isinstance(schema, dict) else None
    if isinstance(entry, dict):
        state = State.from_json([entry.get("seq"), entry.get("chain")])
        if state is not None:
            return state
    return legacy_state(stamp)


def legacy_state(stamp: tuple[int, int, int]) -> State:
    return State(0, hashlib.blake2b(repr(stamp).encode(), digest_size=8).hexdigest())


def fold(base: bytes, laid_out: bool, entries: list[Entry], state: State) -> bytes:
    """The new base: ``base`` with ``entries`` applied, holding ``state``. Rows no entry
    touches are copied as bytes when the base has the line layout."""
    if not laid_out:
        data = json.loads(base.decode("utf-8")) if base.strip() else {}
        rows = data.get(TABLE, {}) if isinstance(data, dict) else {}
        if not isinstance(rows, dict):
            raise ValueError("not a reader index")
        for entry in entries:
            apply_op(rows, entry.op)
        return base_bytes(rows, state)
    return b"".join(fold_lines(lambda: iter(base.split(b"\n")), entries, state))


def fold_file(path: Path, entries: list[Entry], state: State) -> Iterator[bytes]:
    """:func:`fold` of a line-layout base file, as pieces to write one after the other: the
    base is read twice, a line at a time, so a fold holds the rows its entries touch, never the
    whole base (at 10,000 articles the base is ~8 MB, and a fold in memory held ~45 MB)."""

    def lines() -> Iterator[bytes]:
        with open(path, "rb") as fh:
            line = b"\n"
            for line in fh:
                yield line[:-1] if line.endswith(b"\n") else line
            if line.endswith(b"\n"):
                yield b""  # after a last newline (or in an empty file): as split() gives

    return fold_lines(lines, entries, state)


def fold_lines(
    lines: Callable[[], Iterator[bytes]], entries: list[Entry], state: State
) -> Iterator[bytes]:
    """The folded base in pieces, from the old base's lines (``lines`` is called twice: once
    to find the rows the entries touch, once to copy the rest). ValueError (before the first
    piece) if the base does not end as written."""
    touched = {i for entry in entries if isinstance(i := entry.op.get("id"), str)}
    current: dict[str, Any] = {}
    last = None
    for number, line in enumerate(lines()):
        last = line
        if number == 0:
            continue
        line = line[:-1] if line.endswith(b",") else line
        if touched and line.startswith(b'"') and (key := _key_of(line)) in touched:
            current[key] = json.loads(b"{" + line + b"}")[key]
    if last != b"}}":
        raise ValueError("the base does not end as written")
    present = set(current)
    for entry in entries:
        apply_op(current, entry.op)
    return _fold_out(lines, current, present, state)


def _fold_out(
    lines: Callable[[], Iterator[bytes]],
    current: dict[str, Any],
    present: set[str],
    state: State,
) -> Iterator[bytes]:
    yield base_head(state) + b"\n"
    first = True
    previous: bytes | None = None  # a line is written once the next shows it is not the last
    for number, line in enumerate(lines()):
        if previous is not None:
            out = previous[:-1] if previous.endswith(b",") else previous
            key = _key_of(out) if present and out.startswith(b'"') else None
            if key is not None and key in present:
                out = dumps(key) + b":" + dumps(current[key]) if key in current else b""
            if out or key is None:
                yield out if first else b",\n" + out
                first = False
        previous = line if number else None
    placed = present
    for key, row in current.items():
        if key not in placed:
            out = dumps(key) + b":" + dumps(row)
            yield out if first else b",\n" + out
            first = False
    yield b"}}" if first else b"\n}}"


def _key_of(line: bytes) -> str | None:
    end = line.find(b'":', 1)
    if not line.startswith(b'"') or end < 0:
        return None
    key = line[1:end]
    if key.isalnum() and key.isascii():  # an article id (hex): no escapes to decode
        return key.decode("ascii")
    try:
        key = json.loads(line[: end + 1])
    except ValueError:
        return None
    return key if isinstance(key, str) else None


# operations -------------------------------------------------------------------------------------
def apply_op(rows: dict[str, Any], op: dict[str, Any]) -> None:
    """Apply one change to stored rows (id -> row as stored)."""
    kind, article_id = op.get("op"), op.get("id")
    if not isinstance(article_id, str):
        return
    if kind == "put":
        rows[article_id] = op.get("row")
    elif kind == "del":
        rows.pop(article_id, None)
    elif kind in ("edit", "set"):
        row = rows.get(article_id)
        if isinstance(row, dict):
            rows[article_id] = changed_row(row, op)


def changed_row(row: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    edited = row.get("edited")
    edited = dict(edited) if isinstance(edited, dict) else {}
    fields = op.get("fields") or {}
    for name, value in fields.items():
        if op.get("op") == "set" and op.get("keep_edited") and name in edited:
            continue
        if value in _EMPTY and name not in _REQUIRED:
            row.pop(name, None)
        else:
            row[name] = value
        if op.get("op") == "edit":
            edited[name] = value
    if op.get("op") == "edit":
        row["edited"] = edited
    return row
