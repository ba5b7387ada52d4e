"""How annotations sit in an article's TinyDB file, and the migrations between schema versions.

One file per article (``ANNOTATIONS/<id[:2]>/<id>.json``) keeps every write small, whatever the
size of the library. Tables: ``notes`` (one document per note), ``article`` (one document: the
article's tags, read flag, reading position, removed flag) and ``_meta`` (schema version).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from reader.base.errors import ReaderError
from reader.base.surrogates import lone_surrogate

from .models import Anchor, Note
from .text import strip_control

SCHEMA = 1
ARTICLE_ID = re.compile(r"^[0-9A-Za-z_-]{2,64}$")  # 2+: the first two name the shard
_ANCHOR_FIELDS = ("exact", "prefix", "suffix", "start", "end", "paragraph")


def now_iso() -> str:
    """ISO-8601 UTC with microseconds, so "newer" is well defined when merging."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_note_id() -> str:
    return "n" + os.urandom(6).hex()  # 48 random bits, like uuid4's, without importing uuid


class TextError(ReaderError, ValueError):
    """Text that can't be stored (one line)."""


def clean_text(text: str) -> str:
    """Note text is data: no control characters or escape sequences (keeps newlines, tabs).
    A lone surrogate (from a JSON escape, or an argument that was not UTF-8) can't be written
    to a UTF-8 file: :class:`TextError`, before anything is written."""
    text = strip_control(text)
    bad = lone_surrogate(text)
    if bad:
        raise TextError(f"note text is not valid Unicode text (lone surrogate {bad})")
    return text


def anchor_from(d: dict[str, Any] | None) -> Anchor | None:
    if not d:
        return None
    return Anchor(**{k: d[k] for k in _ANCHOR_FIELDS if k in d})


def note_from(article: str, doc: dict[str, Any]) -> Note:
    return Note(
        id=doc["id"],
        article=article,
        text=doc.get("text", ""),
        tags=list(doc.get("tags") or []),
        passage=anchor_from(doc.get("passage")),
        orphan=bool(doc.get("orphan")),
        created=doc.get("created", ""),
        updated=doc.get("updated", "") or doc.get("created", ""),
    )


def note_doc(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "text": note.text,
        "tags": list(note.tags),
        "passage": note.passage.to_dict() if note.passage else None,
        "orphan": note.orphan,
        "created": note.created,
        "updated": note.updated,
    }


def notes_in(
    article: str, raw: dict[str, Any] | None, keep: Callable[[dict[str, Any]], bool] | None = None
) -> list[Note]:
    """The article's notes, oldest first; ``keep`` filters the raw documents first (cheap)."""
    docs = ((raw or {}).get("notes") or {}).values()
    notes = [note_from(article, d) for d in docs if d.get("id") and (keep is None or keep(d))]
    return sorted(notes, key=lambda n: (n.created, n.id))


def article_doc(raw: dict[str, Any] | None) -> dict[str, Any]:
    table = (raw or {}).get("article") or {}
    return dict(next(iter(table.values()), {}))


def schema_of(raw: dict[str, Any] | None) -> int:
    meta: dict[str, Any] = next(iter(((raw or {}).get("_meta") or {}).values()), {})
    return int(meta.get("schema", 0))


def _v0_to_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Files from before schema versions: fill in the fields notes gained since."""
    for doc in (raw.get("notes") or {}).values():
        doc.setdefault("id", new_note_id())
        doc.setdefault("tags", [])
        doc.setdefault("passage", None)
        doc.setdefault("orphan", False)
        doc.setdefault("created", "")
        doc.setdefault("updated", doc["created"])
    return raw


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def migrate(raw: dict[str, Any], article: str) -> dict[str, Any]:
    """``raw`` brought up to :data:`SCHEMA` (in place). Unknown newer schemas are refused by the
    caller before this is reached."""
    version = schema_of(raw)
    while version < SCHEMA:
        raw = MIGRATIONS[version](raw)
        version += 1
    raw["_meta"] = {"1": {"schema": SCHEMA, "article": article}}
    return raw
