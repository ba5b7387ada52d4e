"""A derived cache of what the statistics need per article: its counted quotations (kind class,
speaker key, speaker name, actor type), corrections applied. ``quotecounts.cache`` in the
library's cache folder (marshal), so the statistics screen opens in a fraction of a second on
10,000 articles instead of reading 10,000 analyses.

The files are the truth: an entry is used only while the article's ``analysis.json`` and its
annotation file have the signature they had when it was made, and the whole cache only while
the alias table has; anything else is recomputed (and the cache rewritten). Losing it costs one
full read, never data.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .datasets import ArticleInfo, Counted, counted_quotes
from .quotes import Corrections

if TYPE_CHECKING:
    from .store import Library

CACHE_NAME = "quotecounts.cache"
VERSION = (1, sys.implementation.cache_tag)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class QuoteCounts:
    """``counts(articles)`` yields (article, [Counted, ...]) from the cache where it is current."""

    def __init__(self, library: Library) -> None:
        self.library = library
        folder = getattr(library, "cache_dir", None) or library.root
        self.path = Path(folder) / CACHE_NAME
        self.rows: dict[str, list[Any]] = {}
        self.aliases: Any = None
        self.changed = False

    def _load(self, aliases: Any) -> None:
        try:
            data = marshal.loads(self.path.read_bytes())
            if data.get("version") == VERSION and data.get("aliases") == aliases:
                self.rows = data["rows"]
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
            self.rows = {}

    def counts(
        self,
        articles: list[ArticleInfo],
        *,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[tuple[ArticleInfo, list[Counted]]]:
        store = self.library.annotations
        aliases = _stat(store.aliases_path)
        self._load(aliases)
        entries = store.summary_signatures()
        reader: Corrections | None = None
        folders = self.library.folders
        total = len(articles)
        fresh: dict[str, list[Any]] = {}
        for n, info in enumerate(articles, 1):
            if cancelled():
                return
            sig = [_stat(folders.path(info.id) / "analysis.json"), entries.get(info.id)]
            row = self.rows.get(info.id)
            if row is not None and row[0] == sig:
                quotes = [Counted(*q) for q in row[1]]
            else:
                if reader is None:
                    reader = Corrections(self.library)
                try:
                    quotes = counted_quotes(reader.article(info.id))
                except Exception:  # noqa: BLE001 - an unreadable article counts nothing
                    continue
                # the analysis may have been (re)written just now: sign what is there now
                sig = [_stat(folders.path(info.id) / "analysis.json"), entries.get(info.id)]
                self.changed = True
            fresh[info.id] = [sig, [(q.kind, q.speaker, q.name, q.type) for q in quotes]]
            yield info, quotes
            if on_progress is not None and (n % 200 == 0 or n == total):
                on_progress(n, total)
        if self.changed or set(fresh) != set(self.rows):
            kept = {a: r for a, r in self.rows.items() if a not in fresh}
            self.save({**kept, **fresh}, aliases)

    def save(self, rows: dict[str, list[Any]], aliases: Any) -> None:
        from reader.base.atomic import atomic_write_bytes

        payload = {"version": VERSION, "aliases": aliases, "rows": rows}
        try:
            atomic_write_bytes(self.path, marshal.dumps(payload), durable=False)
        except (OSError, ValueError):
            pass  # a read-only cache folder: it is only slower next time


def all_stats(
    library: Library,
    articles: list[ArticleInfo],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[str, dict[str, Any]]:
    """The statistics by every grouping at once (one pass; the statistics screen), from the
    counts cache: ``{"source": stats, "month": ..., "type": ..., "lang": ...}``."""
    from .datasets import STATS_BY, StatsBuilder

    builders = {by: StatsBuilder(by) for by in STATS_BY}
    for info, quotes in QuoteCounts(library).counts(
        articles, on_progress=on_progress, cancelled=cancelled
    ):
        for builder in builders.values():
            builder.add(info, quotes)
    return {by: b.result() for by, b in builders.items()}
