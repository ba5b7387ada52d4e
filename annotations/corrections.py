"""Corrections of the automatic analysis, kept with the notes: the user's word on a quotation
(confirmed, rejected, its speaker, kind or bounds changed, or a quotation added) and on an actor
(merged into another, renamed, its type set, or marked as no actor).

Why here: corrections are the user's work, like notes, so they live in the article's annotation
file (tables ``corrections`` and ``actors``), are written under the same lock through the same
atomic path, anchored to the text the way notes are (quote + context + position, re-anchored on
``reimport``), and travel with ``export --format json`` / ``import-annotations``. Actor merges and
renames that hold for the whole library live in one small file, ``ANNOTATIONS/actors.json``
(the alias table; later imports use it too). Applying them to an analysis is the library's job
(:mod:`reader.library.quotes`); this module only knows the records.

A quotation's id is ``ARTICLE:START-END`` of the automatic span it was found at, or, for a
quotation the user added, a note-style id (``n`` + 12 hex digits). A correction keeps its id when
re-applied to a moved span.

Every correction carries its coder (issue 17): two coders' corrections of one quotation (or one
actor) are two records, side by side, and a view applies one coder's. A record written before
coders existed (no ``coder``) counts as the current coder's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.base.errors import ReaderError
from reader.base.surrogates import lone_surrogate

from .models import Anchor
from .records import anchor_from
from .text import strip_control

QUOTE_STATUSES = ("auto", "confirmed", "corrected", "added", "rejected")
ACTOR_TYPES = ("person", "organisation", "country", "place", "other")
ACTOR_SETTABLE = (*ACTOR_TYPES, "none")  # none: not an actor at all
AUTO_ID = re.compile(r"^(?P<article>[0-9A-Za-z_-]{2,64}):(?P<start>\d+)-(?P<end>\d+)$")
ADDED_ID = re.compile(r"^n[0-9a-f]{12}$")
ACTOR_ID = re.compile(r"^[\w-]{1,120}$")
_NON_WORD = re.compile(r"\W+")


KIND_WORDS = {
    "direct": "direct",
    "indirect": "indirect",
    "indirect_free_indirect": "indirect (Konjunktiv)",
    "free_indirect": "free indirect",
    "reported": "reported",
    "term": "term",
}


def kind_words(kind: str | None) -> str:
    """``indirect_free_indirect`` -> ``indirect (Konjunktiv)``: kinds for people."""
    return KIND_WORDS.get(kind or "", (kind or "quote").replace("_", " "))


class CorrectionError(ReaderError, ValueError):
    """A correction that can't be stored or applied (one line)."""


def auto_id(article: str, start: int, end: int) -> str:
    return f"{article}:{start}-{end}"


def actor_slug(name: str) -> str:
    """The actor id a name gets (as the analysis makes them: lower case, words joined by -)."""
    return _NON_WORD.sub("-", name.lower()).strip("-") or "actor"


def clean_name(name: str, what: str = "name") -> str:
    """A speaker or actor name as stored: one line, no control characters, valid Unicode."""
    bad = lone_surrogate(name)
    if bad:
        raise CorrectionError(f"{what} is not valid Unicode text (lone surrogate {bad})")
    return " ".join(strip_control(name).split())


@dataclass
class QuoteCorrection:
    """The user's word on one quotation. ``anchor`` is where the quotation sits (the automatic
    span when it was first corrected, or the passage added); ``bounds`` the span the user moved
    it to. ``speaker``/``kind`` None: unchanged; a speaker of "" means "no speaker". ``was``
    keeps the automatic values it was made from (text, kind, speaker, actor, start, end, nested,
    rule), so a quotation the analysis no longer finds is kept with what the user saw."""

    id: str
    article: str
    anchor: Anchor
    added: bool = False
    confirmed: bool = False
    rejected: bool = False
    speaker: str | None = None
    kind: str | None = None
    bounds: Anchor | None = None
    was: dict[str, Any] = field(default_factory=dict)
    orphan: bool = False  # the anchor could not be placed in the article's text any more
    created: str = ""
    updated: str = ""
    coder: str = ""  # who made it ("": from before coders; the current coder's)

    @property
    def status(self) -> str:
        if self.rejected:
            return "rejected"
        if self.added:
            return "added"
        if self.speaker is not None or self.kind is not None or self.bounds is not None:
            return "corrected"
        return "confirmed" if self.confirmed else "auto"

    @property
    def span(self) -> tuple[int, int]:
        """Where the quotation is now: the user's bounds, else its anchor."""
        where = self.bounds or self.anchor
        return where.start, where.end

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "status": self.status,
            "anchor": self.anchor.to_dict(),
            "added": self.added,
            "confirmed": self.confirmed,
            "rejected": self.rejected,
            "speaker": self.speaker,
            "kind": self.kind,
            "bounds": self.bounds.to_dict() if self.bounds else None,
            "was": dict(self.was),
            "orphan": self.orphan,
            "created": self.created,
            "updated": self.updated,
            "coder": self.coder,
        }


def correction_doc(c: QuoteCorrection) -> dict[str, Any]:
    """As it sits in the ``corrections`` table (``article`` and ``status`` are implied)."""
    doc = c.to_json()
    del doc["article"], doc["status"]
    return doc


def correction_from(article: str, doc: dict[str, Any]) -> QuoteCorrection:
    """A stored (or imported) correction document; :class:`CorrectionError` when it is not one."""
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
        raise CorrectionError(f"article {article}: a correction has no id")
    cid = doc["id"]
    if not (AUTO_ID.match(cid) or ADDED_ID.match(cid)):
        raise CorrectionError(f"correction {cid!r}: not a quote id")
    try:
        anchor = anchor_from(doc.get("anchor"))
        bounds = anchor_from(doc.get("bounds"))
    except TypeError as exc:
        raise CorrectionError(f"correction {cid}: anchor is incomplete ({exc})") from None
    if anchor is None:
        raise CorrectionError(f"correction {cid}: no anchor")
    for where in (anchor, bounds):
        if where is None:
            continue
        for key in ("start", "end", "paragraph"):
            value = getattr(where, key)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise CorrectionError(f"correction {cid}: anchor {key} must be a whole number")
        for key in ("exact", "prefix", "suffix"):
            value = getattr(where, key)
            if not isinstance(value, str) or lone_surrogate(value):
                raise CorrectionError(f"correction {cid}: anchor {key} must be valid text")
    speaker, kind = doc.get("speaker"), doc.get("kind")
    if speaker is not None and not isinstance(speaker, str):
        raise CorrectionError(f"correction {cid}: speaker must be text or null")
    if kind is not None and not isinstance(kind, str):
        raise CorrectionError(f"correction {cid}: kind must be text or null")
    was = doc.get("was") or {}
    if not isinstance(was, dict):
        raise CorrectionError(f"correction {cid}: 'was' must be an object")
    coder = _coder_of(doc, f"correction {cid}")
    return QuoteCorrection(
        id=cid,
        article=article,
        anchor=anchor,
        added=bool(doc.get("added")),
        confirmed=bool(doc.get("confirmed")),
        rejected=bool(doc.get("rejected")),
        speaker=clean_name(speaker, "speaker") if isinstance(speaker, str) else None,
        kind=kind,
        bounds=bounds,
        was=dict(was),
        orphan=bool(doc.get("orphan")),
        created=str(doc.get("created") or ""),
        updated=str(doc.get("updated") or doc.get("created") or ""),
        coder=coder,
    )


def _coder_of(doc: dict[str, Any], what: str) -> str:
    """A record's coder: one line of valid text ("" when it has none)."""
    coder = doc.get("coder")
    if coder is None:
        return ""
    if not isinstance(coder, str) or lone_surrogate(coder):
        raise CorrectionError(f"{what}: coder must be text")
    return " ".join(strip_control(coder).split())


def corrections_in(
    article: str,
    raw: dict[str, Any] | None,
    *,
    coder: str | None = None,
    default_coder: str = "",
) -> list[QuoteCorrection]:
    """The article's quote corrections, in text order; a damaged document is skipped (the
    rest stays usable; ``reader doctor`` reads the file as a whole). A record with no coder is
    ``default_coder``'s; ``coder``: only that coder's records (None: every coder's)."""
    found = []
    for doc in ((raw or {}).get("corrections") or {}).values():
        try:
            fix = correction_from(article, doc)
        except CorrectionError:
            continue
        fix.coder = fix.coder or default_coder
        if coder is None or fix.coder == coder:
            found.append(fix)
    return sorted(found, key=lambda c: (c.span, c.id, c.coder))


@dataclass
class ActorFix:
    """The user's word on one actor (by id), in one article or library-wide: merged into
    ``merge_into`` (then ``into_name`` is that actor's name when the merge was made), renamed
    (``name``), its ``type`` set (``none``: not an actor)."""

    actor: str
    merge_into: str | None = None
    into_name: str | None = None
    name: str | None = None
    type: str | None = None
    updated: str = ""
    coder: str = ""  # who made it ("": from before coders; the current coder's)

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "merge_into": self.merge_into,
            "into_name": self.into_name,
            "name": self.name,
            "type": self.type,
            "updated": self.updated,
            "coder": self.coder,
        }


def actor_fix_from(doc: Any) -> ActorFix:
    if not isinstance(doc, dict) or not isinstance(doc.get("actor"), str):
        raise CorrectionError("an actor correction has no actor id")
    actor = doc["actor"]
    if not ACTOR_ID.match(actor):
        raise CorrectionError(f"actor id {actor!r} is not valid")
    values: dict[str, Any] = {}
    for key in ("merge_into", "into_name", "name", "type"):
        value = doc.get(key)
        if value is not None and not isinstance(value, str):
            raise CorrectionError(f"actor {actor}: {key} must be text or null")
        if isinstance(value, str) and lone_surrogate(value):
            raise CorrectionError(f"actor {actor}: {key} is not valid Unicode text")
        values[key] = value
    if values["type"] is not None and values["type"] not in ACTOR_SETTABLE:
        raise CorrectionError(f"actor {actor}: type {values['type']!r} is not one of the types")
    if values["merge_into"] is not None and not ACTOR_ID.match(values["merge_into"]):
        raise CorrectionError(f"actor {actor}: merge_into is not an actor id")
    coder = _coder_of(doc, f"actor {actor}")
    return ActorFix(actor=actor, updated=str(doc.get("updated") or ""), coder=coder, **values)


def all_actor_fixes_in(raw: dict[str, Any] | None, *, default_coder: str = "") -> list[ActorFix]:
    """Every coder's actor corrections in ``raw`` (an article file or the alias table); a
    record with no coder is ``default_coder``'s; damaged records are skipped."""
    found: list[ActorFix] = []
    for doc in ((raw or {}).get("actors") or {}).values():
        try:
            fix = actor_fix_from(doc)
        except CorrectionError:
            continue
        fix.coder = fix.coder or default_coder
        found.append(fix)
    return found


def actor_fixes_in(
    raw: dict[str, Any] | None, *, coder: str | None = None, default_coder: str = ""
) -> dict[str, ActorFix]:
    """One coder's actor corrections (``coder``; None: records of any coder, the later one of
    an actor winning), by actor id."""
    return {
        fix.actor: fix
        for fix in all_actor_fixes_in(raw, default_coder=default_coder)
        if coder is None or fix.coder == coder
    }


def newer(theirs: str, mine: str) -> bool:
    """Compare ISO-8601 times as times (another machine may write another offset)."""
    from dateutil.parser import isoparse

    try:
        return bool(isoparse(theirs) > isoparse(mine))
    except (ValueError, TypeError, OverflowError):
        return theirs > mine


def alias_names(names: list[str], fixes: dict[str, ActorFix]) -> list[str]:
    """Actor names (an article's, as the library index keeps them) with the alias table
    applied: merged names become the name they were merged into, renamed ones their new name,
    actors marked none are left out; no name twice."""
    if not fixes:
        return list(names)
    out: list[str] = []
    for name in names:
        slug, new, seen = actor_slug(name), name, set()
        while slug in fixes and slug not in seen:
            seen.add(slug)
            fix = fixes[slug]
            if fix.type == "none":
                new = ""
                break
            if fix.merge_into and fix.merge_into != slug:
                new, slug = fix.into_name or new, fix.merge_into
                continue
            new = fix.name or new
            break
        if new and new not in out:
            out.append(new)
    return out
