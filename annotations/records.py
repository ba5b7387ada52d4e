"""How annotations sit in an article's TinyDB file, and the migrations between schema versions.

One file per article (``ANNOTATIONS/<id[:2]>/<id>.json``) keeps every write small, whatever the
size of the library. Tables: ``notes`` (one document per note), ``article`` (one document: the
article's tags, read flag, reading position, removed flag) and ``_meta`` (schema version).

Records are checked when they are read (:func:`note_problems`, :func:`article_problems`): a note
with a wrong-typed field is left out of every answer, a wrong-typed field of the article record
reads as its default, and :func:`problems_in` names them (record id, field) for the store to
report; :func:`repair` fixes them for ``reader doctor --repair``. Writes leave them as they are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from reader.base.errors import ReaderError
from reader.base.surrogates import lone_surrogate
from reader.base.values import is_text_list, kind_of

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


class RecordError(ValueError):
    """A file's structure cannot be used (its schema version is not a number, ...)."""


_ANCHOR_TEXT = ("exact", "prefix", "suffix")
_ANCHOR_NUMBERS = ("start", "end", "paragraph")
_NOTE_TEXT = ("text", "created", "updated")
_STATE = {"read": bool, "removed": bool, "position": int}


def note_problems(doc: Any) -> list[tuple[str, str]]:
    """What is wrong with one stored note, as (field, reason); empty if it can be used."""
    if not isinstance(doc, dict):
        return [("note", f"expected an object, got {kind_of(doc)}")]
    found = []
    note_id = doc.get("id")
    if type(note_id) is not str or not note_id:
        found.append(
            ("id", "missing" if note_id is None else f"expected text, got {kind_of(note_id)}")
        )
    for name in _NOTE_TEXT:
        if name in doc and type(doc[name]) is not str:
            found.append((name, f"expected text, got {kind_of(doc[name])}"))
    if "tags" in doc and not is_text_list(doc["tags"]):
        found.append(("tags", f"expected a list of tags, got {kind_of(doc['tags'])}"))
    if "orphan" in doc and type(doc["orphan"]) is not bool:
        found.append(("orphan", f"expected true/false, got {kind_of(doc['orphan'])}"))
    passage = doc.get("passage")
    if passage is not None:
        if not isinstance(passage, dict):
            found.append(("passage", f"expected an object or null, got {kind_of(passage)}"))
        else:
            bad = [k for k in _ANCHOR_TEXT if type(passage.get(k)) is not str]
            bad += [
                k
                for k in _ANCHOR_NUMBERS
                if (k in passage or k != "paragraph") and type(passage.get(k)) is not int
            ]
            if bad:
                found.append(("passage", f"{', '.join(bad)} missing or of the wrong type"))
    return found


def article_problems(doc: Any) -> list[tuple[str, str]]:
    """What is wrong with the article record (tags, reading state), as (field, reason)."""
    if not isinstance(doc, dict):
        return [("article", f"expected an object, got {kind_of(doc)}")]
    found = []
    if "tags" in doc and doc["tags"] is not None and not is_text_list(doc["tags"]):
        found.append(("tags", f"expected a list of tags, got {kind_of(doc['tags'])}"))
    for name, kind in _STATE.items():
        value = doc.get(name)
        if value is not None and type(value) is not kind:
            want = "true/false" if kind is bool else "a whole number"
            found.append((name, f"expected {want}, got {kind_of(value)}"))
    return found


def _docs(raw: dict[str, Any] | None, table: str) -> dict[str, Any]:
    found = (raw or {}).get(table)
    return found if isinstance(found, dict) else {}


def problems_in(raw: dict[str, Any] | None) -> list[str]:
    """One line per damaged record of a file: which record, which field, why; empty if none."""
    lines = []
    for key, doc in _docs(raw, "notes").items():
        found = note_problems(doc)
        if found:
            name = doc.get("id") if isinstance(doc, dict) else None
            which = f"note {name}" if type(name) is str and name else f"note record {key}"
            lines.append(f"{which}: " + "; ".join(f"field {f}: {r}" for f, r in found))
    for key, doc in _docs(raw, "article").items():
        found = article_problems(doc)
        if found:
            lines.append(f"article record {key}: " + "; ".join(f"field {f}: {r}" for f, r in found))
    return lines


def unusable_record(raw: dict[str, Any] | None) -> str | None:
    """A record that is not an object at all: the file cannot be changed safely until
    ``reader doctor --repair`` has fixed it (None if every record is an object)."""
    for table in ("notes", "article"):
        for key, doc in _docs(raw, table).items():
            if not isinstance(doc, dict):
                return f"{'note' if table == 'notes' else 'article'} record {key}: not an object"
    return None


def article_field_problem(raw: dict[str, Any] | None, field: str) -> str | None:
    """Why the article record's ``field`` cannot be used (None if it can, or is absent):
    a write that merges into the field must not replace what it cannot read."""
    table = _docs(raw, "article")
    if not table:
        return None
    doc = next(iter(table.values()))
    for name, reason in article_problems(doc):
        if name in (field, "article"):
            return f"article record: field {name}: {reason}"
    return None


def repair(raw: dict[str, Any]) -> list[str]:
    """Fix the damaged records of ``raw`` in place (``reader doctor --repair``); one line per
    record changed. A field that cannot be used gets its default (tags none, passage none,
    orphan false, times empty, a new id); a note whose text cannot be used, or that is not a
    record at all, is removed. The caller keeps the file as it was in a backup."""
    done = []
    notes = _docs(raw, "notes")
    for key, doc in list(notes.items()):
        found = note_problems(doc)
        if not found:
            continue
        fields = {f for f, _ in found}
        name = doc.get("id") if isinstance(doc, dict) else None
        which = f"note {name}" if type(name) is str and name else f"note record {key}"
        if fields & {"note", "text"}:
            del notes[key]
            done.append(f"{which}: removed (its text could not be read)")
            continue
        defaults: dict[str, Any] = {
            "tags": [],
            "passage": None,
            "orphan": False,
            "created": "",
            "updated": "",
        }
        for field in fields - {"id"}:
            doc[field] = defaults[field]
        if "id" in fields:
            doc["id"] = new_note_id()
        done.append(f"{which}: {', '.join(sorted(fields))} reset")
    for key, doc in list(_docs(raw, "article").items()):
        found = article_problems(doc)
        if not found:
            continue
        fields = {f for f, _ in found}
        if "article" in fields:
            raw["article"][key] = {}
        else:
            for field in fields:
                doc.pop(field, None)
        done.append(f"article record {key}: {', '.join(sorted(fields))} reset")
    return done


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
        coder=str(doc.get("coder") or ""),
        codebook=doc.get("codebook"),
        quote=doc.get("quote") or None,
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
        **({"coder": note.coder} if note.coder else {}),
        **({"codebook": note.codebook} if note.codebook is not None else {}),
        **({"quote": note.quote} if note.quote else {}),
    }


def notes_in(
    article: str, raw: dict[str, Any] | None, keep: Callable[[dict[str, Any]], bool] | None = None
) -> list[Note]:
    """The article's notes, oldest first; ``keep`` filters the raw documents first (cheap).
    Notes that fail :func:`note_problems` are left out (the store names them)."""
    docs = _docs(raw, "notes").values()
    notes = [
        note_from(article, d) for d in docs if not note_problems(d) and (keep is None or keep(d))
    ]
    return sorted(notes, key=lambda n: (n.created, n.id))


def article_doc(raw: dict[str, Any] | None) -> dict[str, Any]:
    """The article record; a field that fails :func:`article_problems` reads as absent."""
    table = _docs(raw, "article")
    doc: Any = next(iter(table.values()), {})
    if not isinstance(doc, dict):
        return {}
    bad = {f for f, _ in article_problems(doc)}
    return {k: v for k, v in doc.items() if k not in bad}


def schema_of(raw: dict[str, Any] | None) -> int:
    meta: Any = next(iter(_docs(raw, "_meta").values()), {})
    version = meta.get("schema", 0) if isinstance(meta, dict) else None
    if type(version) is not int:
        raise RecordError(
            f"_meta record: field schema: expected a whole number, got {kind_of(version)}"
        )
    return version


def _v0_to_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Files from before schema versions: fill in the fields notes gained since."""
    for doc in _docs(raw, "notes").values():
        if not isinstance(doc, dict):
            continue  # named by problems_in, fixed by repair
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
