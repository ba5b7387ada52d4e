"""Who coded what: the coder of every tag on an article, and "fully coded" marks.

Why: a study has several coders, and their codes must sit side by side, never over each other.
A note carries its coder itself (``coder``, ``codebook``, and ``quote`` for a code on a quote);
an article's tags stay one list (``tags``: what the library shows and filters on), and beside it
the article document keeps one record per tag and coder::

    "coded": [{"tag": "frame/conflict", "coder": "alice", "codebook": 1, "created": ISO}, ...]
    "done":  [{"coder": "alice", "codebook": 1, "created": ISO}, ...]

A tag in ``tags`` with no record in ``coded`` (written before coders existed, or by an import of
articles) counts as the current coder's. Before the first record is written to an article, those
tags get their record (the current coder's), so a colleague's record never hides them. ``tags``
is always the union of the records' tags: a tag leaves it only when no coder has it any more.

Pure functions over the raw article document; the store calls them under its lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .tags import clean_tag

FINAL = "final"  # the coder of adjudicated codes (reader.library.settings reserves the name)


@dataclass(frozen=True)
class TagCode:
    """One coder's tag on an article."""

    tag: str
    coder: str
    codebook: Any = None
    created: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "coder": self.coder,
            "codebook": self.codebook,
            "created": self.created,
        }


@dataclass(frozen=True)
class DoneMark:
    """A coder marked the article as fully coded."""

    coder: str
    codebook: Any = None
    created: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"coder": self.coder, "codebook": self.codebook, "created": self.created}


def _records(doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = doc.get(key)
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def tag_codes(doc: dict[str, Any], default_coder: str) -> list[TagCode]:
    """Every coder's tags on the article: its records, then its tags that have none (they are
    ``default_coder``'s)."""
    codes = [
        TagCode(
            str(r.get("tag") or ""),
            str(r.get("coder") or default_coder),
            r.get("codebook"),
            str(r.get("created") or ""),
        )
        for r in _records(doc, "coded")
        if r.get("tag")
    ]
    have = {c.tag.casefold() for c in codes}
    codes += [TagCode(t, default_coder) for t in doc.get("tags") or [] if t.casefold() not in have]
    return codes


def done_marks(doc: dict[str, Any], default_coder: str) -> list[DoneMark]:
    return [
        DoneMark(
            str(r.get("coder") or default_coder), r.get("codebook"), str(r.get("created") or "")
        )
        for r in _records(doc, "done")
    ]


def _materialize(doc: dict[str, Any], default_coder: str) -> list[dict[str, Any]]:
    """The ``coded`` records, with a record (``default_coder``'s) for every tag that had none."""
    records = _records(doc, "coded")
    have = {str(r.get("tag") or "").casefold() for r in records}
    records += [
        {"tag": t, "coder": default_coder, "codebook": None, "created": ""}
        for t in doc.get("tags") or []
        if t.casefold() not in have
    ]
    return records


def _tags_of(records: Iterable[dict[str, Any]], order: list[str]) -> list[str]:
    """The union of the records' tags, in the order of ``order`` first (the tags as they were)."""
    wanted = {str(r["tag"]).casefold(): str(r["tag"]) for r in records}  # tags checked already
    kept = [t for t in order if t.casefold() in wanted]
    seen = {t.casefold() for t in kept}
    return kept + [t for key, t in wanted.items() if key not in seen]


def add_tag_codes(
    doc: dict[str, Any],
    tags: Iterable[str],
    coder: str,
    *,
    default_coder: str,
    codebook: Any = None,
    created: str = "",
) -> bool:
    """``coder`` applies ``tags`` (cleaned) to the article ``doc`` (edited in place); a tag the
    coder already has is left as it is. Returns whether anything changed."""
    tags = [clean_tag(t) for t in tags]
    records = _materialize(doc, default_coder)
    mine = {str(r["tag"]).casefold() for r in records if r.get("coder") == coder}
    changed = False
    for tag in tags:
        if tag.casefold() not in mine:
            mine.add(tag.casefold())
            records.append({"tag": tag, "coder": coder, "codebook": codebook, "created": created})
            changed = True
    if changed:
        doc["coded"] = records
        doc["tags"] = _tags_of(records, list(doc.get("tags") or []))
    return changed


def remove_tag_codes(
    doc: dict[str, Any], tags: Iterable[str], coder: str, *, default_coder: str
) -> bool:
    """``coder`` takes ``tags`` back: their records go; a tag stays on the article while another
    coder still has it. Returns whether anything changed."""
    gone = {clean_tag(t).casefold() for t in tags}
    records = _materialize(doc, default_coder)
    kept = [
        r for r in records if not (r.get("coder") == coder and str(r["tag"]).casefold() in gone)
    ]
    if len(kept) == len(records):
        return False
    doc["coded"] = kept
    doc["tags"] = _tags_of(kept, list(doc.get("tags") or []))
    return True


def rename_tag_codes(doc: dict[str, Any], old: str, new: str) -> bool:
    """``old`` (and its children) renamed to ``new`` in each record (annotations.tags.rename_in)."""
    from .tags import rename_in

    changed = False
    for record in _records(doc, "coded"):
        renamed = rename_in([str(record.get("tag") or "")], old, new)
        if renamed:
            record["tag"], changed = renamed[0], True
    if changed:  # two tags renamed into one: one record per tag and coder
        seen: set[tuple[str, str]] = set()
        unique = []
        for record in _records(doc, "coded"):
            key = (str(record["tag"]).casefold(), str(record.get("coder")))
            if key not in seen:
                seen.add(key)
                unique.append(record)
        doc["coded"] = unique
    return changed


def merge_tag_codes(doc: dict[str, Any], incoming: Iterable[TagCode], *, default_coder: str) -> int:
    """A colleague's tag records beside mine: a (tag, coder) pair I lack is added, one I have is
    left as it is. Returns how many were added."""
    records = _materialize(doc, default_coder)
    have = {(str(r["tag"]).casefold(), str(r.get("coder"))) for r in records}
    added = 0
    for code in incoming:
        key = (code.tag.casefold(), code.coder)
        if key not in have:
            have.add(key)
            records.append(code.to_json())
            added += 1
    if added:
        doc["coded"] = records
        doc["tags"] = _tags_of(records, list(doc.get("tags") or []))
    return added


def set_done(
    doc: dict[str, Any], coder: str, done: bool = True, *, codebook: Any = None, created: str = ""
) -> bool:
    """Mark (or unmark) the article as fully coded by ``coder``. Returns whether it changed."""
    records = _records(doc, "done")
    mine = [r for r in records if r.get("coder") == coder]
    if done and not mine:
        doc["done"] = records + [{"coder": coder, "codebook": codebook, "created": created}]
        return True
    if not done and mine:
        doc["done"] = [r for r in records if r.get("coder") != coder]
        return True
    return False


def merge_done(doc: dict[str, Any], incoming: Iterable[DoneMark]) -> int:
    records = _records(doc, "done")
    have = {str(r.get("coder")) for r in records}
    added = 0
    for mark in incoming:
        if mark.coder not in have:
            have.add(mark.coder)
            records.append(mark.to_json())
            added += 1
    if added:
        doc["done"] = records
    return added
