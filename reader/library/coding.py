"""A study's coding across the library: the codebook's categories for a unit, who coded what,
and the agreement between coders (the numbers: :mod:`annotations.agreement`). One place for
the CLI (``reader agreement``, ``reader codebook check``) and the TUI's disagreement screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotations.agreement import (
    UNIT_KINDS,
    Agreement,
    Unit,
    applied,
    article_units,
    category_keys,
    compute,
)
from annotations.coding import FINAL
from annotations.summary import ARTICLE_FILE
from annotations.tags import clean_tag, matches
from reader.base.errors import ReaderError

from .store import Library


class CodingError(ReaderError):
    """A coding question that can't be answered as asked (one line)."""


@dataclass
class Codes:
    """Every article's codes, read once: ``{article: (tag codes, done marks, notes)}``."""

    by_article: dict[str, tuple[list[Any], list[Any], list[Any]]]

    def coders(self, categories: Sequence[str] | None = None) -> list[str]:
        """Who coded: applied a tag (one of ``categories``, if given) or marked an article
        done."""

        keys = category_keys(categories or ())

        def counts(tags: Sequence[str]) -> bool:
            return categories is None or bool(applied(tags, keys))

        found: set[str] = set()
        for codes, done, notes in self.by_article.values():
            found.update(c.coder for c in codes if counts([c.tag]))
            found.update(d.coder for d in done)
            found.update(n.coder for n in notes if n.tags and counts(n.tags))
        return sorted(found, key=str.casefold)

    def tags(self, kind: str) -> list[str]:
        """The tags coders used on units of ``kind``."""
        found: dict[str, str] = {}
        for codes, _done, notes in self.by_article.values():
            if kind == "article":
                used = [c.tag for c in codes]
            else:
                used = [
                    t
                    for n in notes
                    if n.passage is not None and (n.quote is not None) == (kind == "quote")
                    for t in n.tags
                ]
            for tag in used:
                found.setdefault(tag.casefold(), tag)
        return sorted(found.values(), key=str.casefold)


def read_codes(library: Library) -> Codes:
    """Every annotated article's codes (removed articles' too: their codes still count). A file
    that can't be read fails (a StoreError naming it): it never passes for "not coded"."""
    store = library.annotations
    names = sorted(p.stem for p in store.root.glob("*/*.json") if ARTICLE_FILE.match(p.name))
    return Codes({a: store.coding(a) for a in names})


def categories_for(
    library: Library, codes: Codes, kind: str, tag_set: str | None
) -> tuple[list[str], bool]:
    """The categories to compare on units of ``kind``, and whether they are exclusive: the
    codebook's (those under ``tag_set``, those that apply to ``kind``), else the tags in use."""
    book = library.codebook()
    parent = clean_tag(tag_set) if tag_set else None
    if book is not None:
        chosen = book.in_set(parent) if parent else list(book.categories)
        chosen = [c for c in chosen if kind in c.applies_to]
        if chosen:
            found = book.set_of(parent) if parent else None
            return [c.name for c in chosen], bool(found and found.exclusive)
    used = codes.tags(kind)
    if parent:
        used = [t for t in used if matches(t, parent) and t.casefold() != parent.casefold()]
    return used, False


def agreement(
    library: Library,
    *,
    unit: str = "article",
    tag_set: str | None = None,
    coders: Sequence[str] | None = None,
    codes: Codes | None = None,
) -> Agreement:
    """Agreement between ``coders`` (default: everyone who coded, not ``final``) on units of
    ``unit``, for the categories of ``tag_set`` (default: all). :class:`CodingError` when it
    can't be computed as asked (an unknown unit kind or coder, fewer than two coders)."""
    if unit not in UNIT_KINDS:
        raise CodingError(f"unit {unit!r} is not one of {', '.join(UNIT_KINDS)}")
    codes = codes if codes is not None else read_codes(library)
    categories, exclusive = categories_for(library, codes, unit, tag_set)
    known = codes.coders(categories)
    if coders:
        chosen = list(dict.fromkeys(c.strip() for c in coders if c.strip()))
        missing = [c for c in chosen if c not in known]
        if missing:
            listed = ", ".join(known) or "none yet"
            raise CodingError(
                f"coder {missing[0]} has no codes of these categories (coders: {listed})"
            )
    else:
        chosen = [c for c in known if c != FINAL]
    if len(chosen) < 2:
        found = ", ".join(chosen) or "none"
        raise CodingError(f"agreement needs two coders or more (coders with codes: {found})")
    units: list[Unit] = []
    for article, (tag_codes, done, notes) in codes.by_article.items():
        units += article_units(article, unit, tag_codes, done, notes, categories, chosen)
    return compute(units, unit, chosen, categories, exclusive)


def outside_codebook(library: Library) -> list[tuple[str, int]]:
    """Tags in use that are not categories of the codebook (nor a set's parent), with their
    counts; ``CodingError`` when there is no codebook."""
    book = library.codebook()
    if book is None:
        raise CodingError("no codebook in this library (reader codebook import FILE)")
    counts = library.annotations.tag_counts()
    parents = {s.parent.casefold() for s in book.sets}
    return sorted(
        ((t, n) for t, n in counts.items() if not book.category(t) and t.casefold() not in parents),
        key=lambda item: item[0].casefold(),
    )
