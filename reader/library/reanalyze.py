"""Re-analysis: bring cached analyses up to the current analyzer (``reader reanalyze``).

Why: a cached analysis carries the version of the rules that made it; a newer reader
re-analyses an article lazily when it is opened, or all at once with ``reader reanalyze``.
The text is not touched, so notes and corrections keep their anchors; corrections are applied
to the new analysis when it is read (:mod:`reader.library.quotes`), never written into it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from annotations.corrections import ActorFix, alias_names

from .analysis_pool import Analysed, AnalysisPool
from .article_index import ArticleIndex, LibraryError
from .folders import ArticleFolders
from .models import ArticleMeta

CHUNK = 256  # articles in flight at once: memory stays flat for any library size


@dataclass
class ReanalyzeResult:
    id: str
    title: str
    error: str | None = None
    quotes: int = 0


def is_current(folders: ArticleFolders, article_id: str) -> bool:
    """Is the cached analysis intact, made from the text as it is now, and of the current
    analyzer's version? (As :meth:`reader.library.store.Library.analysis` checks it.)"""
    from .analysis_cache import analysis_from_json, unsealed_cache

    folder = folders.path(article_id)
    try:
        found = unsealed_cache(
            (folder / "analysis.json").read_bytes(), (folder / "text.txt").read_bytes()
        )
        if found is None:
            return False
        analysis_from_json(found)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return False
    return True


def reanalyze(
    index: ArticleIndex,
    folders: ArticleFolders,
    targets: list[str] | None,
    *,
    force: bool = False,
    aliases: dict[str, ActorFix] | None = None,
    on_result: Callable[[ReanalyzeResult], None] | None = None,
) -> list[ReanalyzeResult]:
    """Re-analyse ``targets`` (full ids), or, with None, every article whose cache is not
    current (``force``: every article). Writes each ``analysis.json`` atomically and the
    index's quote counts and actor names once at the end."""
    if targets is None:
        targets = [i for i in index.columns().ids if force or not is_current(folders, i)]
    pool = AnalysisPool()
    results: list[ReanalyzeResult] = []
    updated: dict[str, tuple[int, list[str], str | None]] = {}
    try:
        for first in range(0, len(targets), CHUNK):
            pending: list[tuple[ArticleMeta, Future[Analysed] | None, str | None]] = []
            for article_id in targets[first : first + CHUNK]:
                meta = index.meta(article_id)
                if meta is None:  # removed meanwhile
                    continue
                try:
                    text = folders.text(article_id)
                except LibraryError as exc:
                    pending.append((meta, None, str(exc)))
                    continue
                pending.append((meta, pool.submit(text, meta.lang), None))
            pool.flush()
            for meta, future, error in pending:
                result = ReanalyzeResult(meta.id, meta.title, error)
                if future is not None:
                    analysed = future.result()
                    if analysed.cache is None:
                        result.error = "the analysis failed; the old one is kept"
                    else:
                        _write_cache(folders, meta.id, analysed.cache)
                        result.quotes = analysed.quotes
                        names = alias_names(analysed.actors, aliases or {})
                        updated[meta.id] = (analysed.quotes, names, analysed.lang)
                results.append(result)
                if on_result is not None:
                    on_result(result)
    finally:
        pool.shutdown()
    if updated:
        with index.transaction() as txn:
            for article_id, (quotes, actors, lang) in updated.items():
                stored = txn.get(article_id)  # as it is now: not removed, the user's edits kept
                if stored is None or (stored.quotes, stored.actors) == (quotes, actors):
                    continue
                changes: dict[str, Any] = {"quotes": quotes, "actors": actors}
                if not stored.lang and lang:
                    changes["lang"] = lang
                txn.update(article_id, keep_edited=True, **changes)
    return results


def _write_cache(folders: ArticleFolders, article_id: str, cache: bytes | dict[str, Any]) -> None:
    """The analysis, sealed with the text it was made from (as imports write it; the workers
    send it sealed already)."""
    from reader.base.atomic import atomic_write_bytes

    from .analysis_cache import sealed_cache

    folder = folders.path(article_id)
    if not isinstance(cache, bytes):
        cache = sealed_cache(cache, (folder / "text.txt").read_bytes())
    atomic_write_bytes(folder / "analysis.json", cache)
