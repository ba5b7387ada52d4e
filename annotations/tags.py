"""Tags: kept as typed, compared without case, hierarchical with ``/`` (``frame/conflict``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reader.base.errors import ReaderError
from reader.base.surrogates import lone_surrogate

_SLASHES = re.compile(r"\s*/+\s*")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f]")


class TagError(ReaderError, ValueError):
    """A tag that cannot be used (one line)."""


def clean_tag(tag: str) -> str:
    """``' Frame // Conflict '`` -> ``'Frame/Conflict'``; an empty tag is an error."""
    cleaned = _SLASHES.sub("/", _SPACES.sub(" ", str(tag)).strip()).strip("/")
    if not cleaned:
        raise TagError(f"tag {tag!r} is empty")
    if _CONTROL.search(cleaned):
        raise TagError(f"tag {tag!r} contains control characters")
    if lone_surrogate(cleaned):
        raise TagError(f"tag {tag!r} is not valid Unicode text (lone surrogate)")
    return cleaned


def tag_key(tag: str) -> str:
    """The comparison key: same key = same tag."""
    return clean_tag(tag).casefold()


def matches(tag: str, wanted: str) -> bool:
    """``tag`` is ``wanted`` or one of its children (``frame`` matches ``frame/conflict``)."""
    t, w = tag.casefold(), wanted.casefold()
    return t == w or t.startswith(w + "/")


def any_matches(tags: Iterable[str], wanted: str) -> bool:
    return any(matches(t, wanted) for t in tags)


def matcher(wanted: str) -> Callable[[Iterable[str]], bool]:
    """A fast ``any_matches(tags, wanted)`` for filtering many notes by one tag."""
    w = wanted.casefold()
    child = w + "/"

    def any_tag(tags: Iterable[str]) -> bool:
        for t in tags:
            t = t.casefold()
            if t == w or t.startswith(child):
                return True
        return False

    return any_tag


def lineage(tags: Iterable[str]) -> list[str]:
    """Every tag and its parents, case-folded: ``frame/a/b`` -> frame, frame/a, frame/a/b.
    ``wanted in lineage(tags)`` is ``any_matches(tags, wanted)``, as a cheap lookup."""
    keys: set[str] = set()
    for tag in tags:
        parts = tag.casefold().split("/")
        keys.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(keys)


def merge_tags(existing: list[str], new: Iterable[str]) -> list[str]:
    """``existing`` plus the ``new`` tags it lacks (case-insensitively); order kept."""
    out, seen = list(existing), {t.casefold() for t in existing}
    for tag in new:
        tag = clean_tag(tag)
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def remove_tags(existing: list[str], gone: Iterable[str]) -> list[str]:
    keys = {tag_key(t) for t in gone}
    return [t for t in existing if t.casefold() not in keys]


def rename_in(tags: list[str], old: str, new: str) -> list[str] | None:
    """Tags with ``old`` (and its children ``old/...``) renamed to ``new``, merged without
    duplicates; ``None`` when nothing changed."""
    old_key, new = tag_key(old), clean_tag(new)
    renamed: list[str] = []
    changed = False
    for tag in tags:
        if matches(tag, old_key):
            rest = tag.split("/")[old_key.count("/") + 1 :]
            tag = "/".join([new, *rest])
            changed = True
        renamed = merge_tags(renamed, [tag])
    return renamed if changed else None
