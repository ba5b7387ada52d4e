"""What an export holds: the articles (by ids, a tag, a filter, or everything) with their
tags, notes and, if asked, who said what; built once here for the CLI and the TUI alike.

The formats themselves are pure renderers in :mod:`annotations.exporters`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from annotations.export import ExportArticle

from .article_index import LibraryError
from .index_columns import ArticleRow
from .store import Library


def collect_export(
    library: Library,
    ids: Iterable[str] = (),
    tag: str | None = None,
    *,
    where: Callable[[ArticleRow], bool] | None = None,
    quotes: bool = False,
    coder: str | None = None,
) -> list[ExportArticle]:
    """IDs and a tag together: the union. Neither: every article (and removed articles that
    still have orphan notes). A tag selects articles with it or with a note carrying it.
    ``where`` keeps only the stored articles it accepts. ``quotes``: fill in who said what.
    Every note and tag carries its coder; ``coder``: only that coder's notes and tags (``final``:
    the adjudicated codes)."""
    ids = list(ids)
    store = library.annotations
    wanted = {library.resolve(i) for i in ids}
    if tag is not None:
        wanted |= library.tagged_ids(tag)
        wanted |= {n.article for n in store.notes(tag=tag)}
    everything = not ids and tag is None
    columns = library.article_columns()  # newest first, like the library's list
    if everything:
        metas = [columns.view(i) for i in range(len(columns))]
    else:
        found = (columns.position(i) for i in wanted)
        metas = [columns.view(i) for i in sorted(p for p in found if p is not None)]
    listed = {m.id for m in metas}
    if where is not None:
        metas = [m for m in metas if where(m)]
    removed = (
        sorted({n.article for n in store.notes()} - listed)
        if everything and where is None
        else sorted(wanted - listed)
    )
    selected = [
        ExportArticle(
            id=meta.id,
            title=meta.title,
            source=meta.source,
            date=meta.date,
            url=meta.url,
            tags=store.article_tags(meta.id),
            notes=store.notes(article=meta.id),
        )
        for meta in metas
    ]
    selected += [
        ExportArticle(
            id=article,
            title=f"removed article {article}",
            tags=store.article_tags(article),
            notes=store.notes(article=article),
        )
        for article in removed
    ]
    for a in selected:
        a.codes, a.done = store.article_codes(a.id), store.done_marks(a.id)
        if coder is not None:
            a.notes = [n for n in a.notes if n.coder == coder]
            a.codes = [c for c in a.codes if c.coder == coder]
            a.done = [d for d in a.done if d.coder == coder]
            a.tags = [t for t in a.tags if any(c.tag.casefold() == t.casefold() for c in a.codes)]
    if quotes:
        for a in selected:
            try:
                a.quotes = quotes_of(library, a.id)
            except LibraryError:
                a.quotes = []  # a removed article has no text left to analyse
    return selected


def quotes_of(library: Library, article_id: str) -> list[dict[str, Any]]:
    """Who said what, for the ``--quotes`` section (terms are not quotations)."""
    analysis = library.analysis(article_id)
    names = {a.id: a.name for a in analysis.actors}
    return [
        {"speaker": names.get(q.actor or "") or q.speaker, "kind": q.kind, "text": q.text}
        | ({"via": names.get(q.via_actor or "") or q.via} if q.via else {})
        for q in analysis.quotes
        if q.kind != "term"
    ]
