"""Derived caches behind the statistics (``reader stats`` and the statistics screen), so that
10,000 articles are not 10,000 analyses read each time:

- ``quotecounts.cache``: per article, its counted quotations per speaker (an
  :data:`~reader.library.datasets.Aggregate`), corrections applied, with the signatures of the
  article's ``analysis.json`` and annotation file it was made from;
- ``quotestats.cache``: the statistics of the whole library, by every grouping, with the state of
  the library they were made from (the index file, the alias table, every article's
  corrections).

The files are the truth: a per-article entry is used only while its analysis file and its
corrections (a checksum kept by the annotations' summary cache) are as they were, and the whole
cache only while the alias table is; anything else is recomputed (and the
cache rewritten). The whole-library figures let the statistics screen show its numbers at once;
it then checks every article's signature in a worker and redraws if anything changed (an
analysis re-made by a newer analyzer changes no index). Losing either file costs one full read.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .datasets import STATS_BY, Aggregate, ArticleInfo, StatsBuilder, aggregate, counted_quotes
from .quotes import Corrections

if TYPE_CHECKING:
    from .store import Library

CACHE_NAME = "quotecounts.cache"
STATS_NAME = "quotestats.cache"
VERSION = (3, sys.implementation.cache_tag)  # 3: counts are a coder's


def _stat(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def _save(path: Path, payload: dict[str, Any]) -> None:
    from reader.base.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, marshal.dumps({"version": VERSION, **payload}), durable=False)
    except (OSError, ValueError):
        pass  # a read-only cache folder: it is only slower next time


def article_infos(library: Library, ids: list[str] | None = None) -> list[ArticleInfo]:
    """What the statistics need of each article (outlet, date, language; no tags), in the
    library's order; ``ids``: only those."""
    columns = library.article_columns()
    if ids is None:
        positions: Any = range(len(columns))
    else:
        positions = sorted(p for p in (columns.position(i) for i in ids) if p is not None)
    out = []
    for i in positions:
        row = columns.view(i)
        out.append(ArticleInfo(row.id, row.title, row.date, row.source, row.lang, []))
    return out


class QuoteCounts:
    """``counts(articles)`` yields (article, aggregate) from the cache where it is current."""

    def __init__(self, library: Library, coder: str | None = None) -> None:
        self.library = library
        self.coder = coder or library.annotations.who()  # whose corrections count
        folder = getattr(library, "cache_dir", None) or library.root
        self.path = Path(folder) / CACHE_NAME
        self.stats_path = Path(folder) / STATS_NAME

    def library_state(self) -> list[Any]:
        """What the whole-library figures depend on, besides each article's analysis."""
        store = self.library.annotations
        fixes = sorted(store.correction_signatures().items())
        return [_stat(self.library.index.path), _stat(store.aliases_path), fixes, self.coder]

    def cached_stats(self) -> dict[str, dict[str, Any]] | None:
        """The whole library's statistics as last computed, if the library is as it was then
        (its analyses are checked by :meth:`counts` afterwards)."""
        data = _load(self.stats_path)
        if data is None or data.get("state") != self.library_state():
            return None
        results = data.get("results")
        return results if isinstance(results, dict) else None

    def save_stats(self, state: list[Any], results: dict[str, dict[str, Any]]) -> None:
        _save(self.stats_path, {"state": state, "results": results})

    def counts(
        self,
        articles: list[ArticleInfo],
        *,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[tuple[ArticleInfo, Aggregate]]:
        store = self.library.annotations
        aliases = _stat(store.aliases_path)
        # the alias table is a coder's: the counts hold for the coder they were made for
        aliases_key = [aliases, self.coder] if aliases is not None else None
        data = _load(self.path)
        rows: dict[str, list[Any]] = (
            data["rows"] if data is not None and data.get("aliases") == aliases_key else {}
        )
        entries = store.correction_signatures()
        reader: Corrections | None = None
        folders = self.library.folders
        root = str(folders.root / "articles")
        total = len(articles)
        fresh: dict[str, list[Any]] = {}
        changed = False
        for n, info in enumerate(articles, 1):
            if cancelled():
                return
            analysis = os.path.join(root, info.id[:2], info.id, "analysis.json")
            sig = _signature(analysis, entries.get(info.id), self.coder)
            row = rows.get(info.id)
            if row is not None and row[0] == sig:
                counted = row[1]
            else:
                if reader is None:
                    reader = Corrections(self.library, self.coder)
                try:
                    counted = aggregate(counted_quotes(reader.article(info.id)))
                except Exception:  # noqa: BLE001 - an unreadable article counts nothing
                    continue
                # the analysis may have been (re)written just now: sign what is there now
                sig = _signature(analysis, entries.get(info.id), self.coder)
                changed = True
            fresh[info.id] = [sig, counted]
            yield info, counted
            if on_progress is not None and (n % 500 == 0 or n == total):
                on_progress(n, total)
        if changed or len(fresh) != len(rows) or set(fresh) != set(rows):
            kept = {a: r for a, r in rows.items() if a not in fresh}
            _save(self.path, {"aliases": aliases_key, "rows": {**kept, **fresh}})


def _signature(analysis: str, fixes: int | None, coder: str) -> list[Any]:
    """What an article's counts were made from: its analysis file, its corrections' checksum
    and, when it has corrections, whose were applied (an article without any counts the same
    for every coder)."""
    return [_stat(analysis), fixes, coder if fixes is not None else None]


def all_stats(
    library: Library,
    ids: list[str] | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    coder: str | None = None,
) -> dict[str, dict[str, Any]]:
    """The statistics by every grouping at once (one pass; the statistics screen), from the
    counts cache: ``{"source": stats, "month": ..., "type": ..., "lang": ...}``. For the whole
    library (``ids`` None) they are also kept for the next time the screen opens."""
    counts = QuoteCounts(library, coder)
    state = counts.library_state() if ids is None else None
    builders = {by: StatsBuilder(by) for by in STATS_BY}
    for info, rows in counts.counts(
        article_infos(library, ids), on_progress=on_progress, cancelled=cancelled
    ):
        for builder in builders.values():
            builder.add_aggregate(info, rows)
    results = {by: b.result() for by, b in builders.items()}
    if state is not None and not cancelled():
        counts.save_stats(state, results)
    return results
