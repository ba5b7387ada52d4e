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

FEW_IDS = 8  # up to this many articles, each is found by a scan of the id column


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
    Every note, tag and correction carries its coder; ``coder``: only that coder's notes, tags
    and corrections, and the quotations as that coder corrected them (``final``: the adjudicated
    codes)."""
    ids = list(ids)
    store = library.annotations
    columns = library.article_columns()  # newest first, like the library's list
    # a few ids are found by a scan of the id column; more, by the map of every id (its build
    # is 0.6 s at 1,000,000 articles: too much for the one article the TUI's `e` exports)
    locate = columns.find if len(ids) <= FEW_IDS and tag is None else columns.position
    # a full id among the columns needs no lookup (the TUI's rows: no lookup database built)
    wanted = {i if locate(i) is not None else library.resolve(i) for i in ids}
    if tag is not None:
        wanted |= library.tagged_ids(tag)
        wanted |= {n.article for n in store.notes(tag=tag)}
    everything = not ids and tag is None
    if everything:
        metas = [columns.view(i) for i in range(len(columns))]
    else:
        found = (locate(i) for i in wanted)
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
    _add_corrections(library, selected, quotes, coder)
    return selected


def _add_corrections(
    library: Library, selected: list[ExportArticle], quotes: bool, coder: str | None = None
) -> None:
    """The corrections that travel with the export (every coder's, or ``coder``'s), who speaks
    in each noted passage that is a quotation, and (``quotes``) who said what: all with the
    current coder's (or ``coder``'s) corrections applied."""
    from annotations.corrections import actor_slug

    from .quotes import Corrections

    store = library.annotations
    touched = store.corrected_articles()
    reader = Corrections(library, coder)
    aliases = [f for f in store.all_library_actor_fixes() if coder is None or f.coder == coder]
    columns = library.article_columns()
    locate = columns.find if len(selected) <= FEW_IDS else columns.position
    for a in selected:
        if a.id in touched:
            a.corrections = store.quote_corrections(a.id, coder)
            a.actor_fixes = [
                f for f in store.all_actor_fixes(a.id) if coder is None or f.coder == coder
            ]
        if aliases:
            at = locate(a.id)
            names = columns.view(at).actors if at is not None else []
            mine = {actor_slug(n) for n in names or ()}
            a.library_actor_fixes = [f for f in aliases if f.actor in mine]
        if not quotes and not any(n.passage is not None and not n.orphan for n in a.notes):
            continue
        try:
            corrected = reader.article(a.id)
        except LibraryError:
            if quotes:
                a.quotes = []  # a removed article has no text left to analyse
            continue
        a.speakers = passage_speakers(corrected, a.notes)
        if quotes:
            a.quotes = quotes_of(corrected)


def quotes_of(corrected: Any) -> list[dict[str, Any]]:
    """Who said what, for the ``--quotes`` section, corrected (terms and rejected left out;
    the Markdown prints the kinds as words)."""
    names = {a.id: a.name for a in corrected.analysis.actors}
    out = []
    for view in corrected.quotes:
        q = view.quote
        if q.kind == "term" or view.status == "rejected":
            continue
        row = {
            "speaker": names.get(q.actor) or q.speaker,
            "kind": q.kind,
            "text": q.text,
        }
        if q.via:
            row["via"] = names.get(q.via_actor) or q.via
        out.append(row)
    return out


def passage_speakers(corrected: Any, notes: list[Any]) -> dict[str, str]:
    """note id -> "Speaker; kind: KIND" for each noted passage that lies in a quotation (the
    smallest one holding it; a passage that holds a quotation counts when it is mostly it)."""
    from annotations.corrections import kind_words

    names = {a.id: a.name for a in corrected.analysis.actors}
    quotes = [
        v.quote for v in corrected.quotes if v.status != "rejected" and v.quote.kind != "term"
    ]
    found: dict[str, str] = {}
    for note in notes:
        p = note.passage
        if p is None or note.orphan:
            continue
        best = None
        for q in quotes:
            inside = q.start <= p.start and p.end <= q.end
            overlap = min(p.end, q.end) - max(p.start, q.start)
            mostly = (
                overlap > 0
                and overlap >= 0.8 * (p.end - p.start)
                and overlap >= 0.5 * (q.end - q.start)
            )
            if (inside or mostly) and (best is None or q.end - q.start < best.end - best.start):
                best = q
        if best is None:
            continue
        speaker = names.get(best.actor) or best.speaker
        if speaker:
            found[note.id] = f"{speaker}; kind: {kind_words(best.kind)}"
    return found
