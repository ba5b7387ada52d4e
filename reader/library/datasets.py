"""The data out: one row per quotation (``reader quotes``), per actor (``reader actors``) and the
statistics (``reader stats`` and the TUI's statistics screen), all with the corrections applied
(:mod:`reader.library.quotes`), and the writers for CSV, JSON Lines and JSON.

Why one module: every table comes from :func:`selected` + :class:`Corrections`, so the CLI and
the TUI count the same quotations. Rows are produced one article at a time and written as they
come: memory stays flat whatever the size of the library.

Counting rules (shared by actors and stats): a quotation counts when it is top-level (not
nested inside another), not a ``term`` and not rejected. ``direct`` is kind direct, ``indirect``
the kinds indirect, indirect_free_indirect and free_indirect, ``reported`` kind reported.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from reader.base.text import escape_json, strip_control

from .quotes import INDIRECT_KINDS, CorrectedArticle, Corrections

if TYPE_CHECKING:
    from .store import Library

QUOTE_COLUMNS = (
    "article",
    "title",
    "date",
    "source",
    "lang",
    "tags",
    "quote",
    "start",
    "end",
    "kind",
    "nested",
    "text",
    "speaker",
    "actor",
    "actor_type",
    "via",
    "rule",
    "status",
    "changed",
)
ACTOR_COLUMNS = (
    "actor",
    "name",
    "type",
    "aliases",
    "articles",
    "direct",
    "indirect",
    "reported",
    "first",
    "last",
)
STATS_COLUMNS = ("key", "quotes", "direct", "indirect", "reported", "speakers", "top10_share")
STATS_BY = ("source", "month", "type", "lang")
FORMATS = ("csv", "jsonl", "json")


# which articles -------------------------------------------------------------------------------
@dataclass
class ArticleInfo:
    id: str
    title: str
    date: str | None
    source: str | None
    lang: str | None
    tags: list[str]


def selected(
    library: Library, ids: Iterable[str] = (), tag: str | None = None
) -> list[ArticleInfo]:
    """The articles asked for, in the library's order (newest first): ``ids`` and ``tag``
    together are the union; neither is every article."""
    ids = list(ids)
    columns = library.article_columns()
    summaries = library.annotations.summaries()
    if ids or tag is not None:
        wanted = {library.resolve(i) for i in ids}
        if tag is not None:
            wanted |= library.tagged_ids(tag)
        positions = sorted(p for p in (columns.position(i) for i in wanted) if p is not None)
    else:
        positions = list(range(len(columns)))
    out = []
    for i in positions:
        meta = columns.view(i)
        summary = summaries.get(meta.id)
        out.append(
            ArticleInfo(
                meta.id,
                meta.title,
                meta.date,
                meta.source,
                meta.lang,
                list(summary.tags) if summary else [],
            )
        )
    return out


def corrected_articles(
    library: Library,
    articles: list[ArticleInfo],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    coder: str | None = None,
) -> Iterator[tuple[ArticleInfo, CorrectedArticle]]:
    """Each article with its analysis corrected by the current coder (or ``coder``), one at a
    time. An article whose text or analysis can't be read is skipped (``reader doctor`` names
    it)."""
    from reader.base.errors import ReaderError

    reader = Corrections(library, coder)
    total = len(articles)
    for n, info in enumerate(articles, 1):
        if cancelled():
            return
        try:
            corrected = reader.article(info.id)
        except (ReaderError, OSError):
            continue
        yield info, corrected
        if on_progress is not None:
            on_progress(n, total)


def counted(view: Any) -> bool:
    """Does this quotation count in actors and stats (top-level, no term, not rejected)?"""
    q = view.quote
    return view.status != "rejected" and q.kind != "term" and not q.nested


def kind_class(kind: str) -> str:
    if kind == "direct":
        return "direct"
    if kind in INDIRECT_KINDS:
        return "indirect"
    return "reported" if kind == "reported" else "other"


# quotes ---------------------------------------------------------------------------------------
def quote_rows(
    library: Library,
    ids: Iterable[str] = (),
    tag: str | None = None,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    include_all: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    coder: str | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per quotation (relay records are no rows: their medium is ``via``). Rejected
    quotations and terms only with ``include_all``; ``speaker`` matches the speaker or the
    actor's name, ignoring case; ``kind`` one kind; ``coder``: that coder's corrections applied
    (default: the current coder's)."""
    wanted_speaker = speaker.casefold().strip() if speaker else None
    articles = selected(library, ids, tag)
    for info, corrected in corrected_articles(
        library, articles, on_progress=on_progress, coder=coder
    ):
        actors = {a.id: a for a in corrected.analysis.actors}
        for view in corrected.quotes:
            q = view.quote
            if not include_all and (view.status == "rejected" or q.kind == "term"):
                continue
            if kind is not None and q.kind != kind:
                continue
            actor = actors.get(q.actor) if q.actor else None
            if wanted_speaker is not None:
                names = {(q.speaker or "").casefold(), (actor.name if actor else "").casefold()}
                if wanted_speaker not in names:
                    continue
            via_actor = actors.get(q.via_actor) if q.via_actor else None
            yield {
                "article": info.id,
                "title": info.title,
                "date": info.date,
                "source": info.source,
                "lang": info.lang or corrected.analysis.lang,
                "tags": list(info.tags),
                "quote": view.id,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "nested": bool(q.nested),
                "text": q.text,
                "speaker": q.speaker,
                "actor": actor.id if actor else None,
                "actor_type": actor.type if actor else None,
                "via": (via_actor.name if via_actor else q.via) if q.via or via_actor else None,
                "rule": view.rule,
                "status": view.status,
                "changed": view.changed or None,
            }


# actors ---------------------------------------------------------------------------------------
@dataclass
class _ActorTotal:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, str] = field(default_factory=dict)
    articles: int = 0
    direct: int = 0
    indirect: int = 0
    reported: int = 0
    first: str | None = None
    last: str | None = None


def actor_rows(
    library: Library,
    ids: Iterable[str] = (),
    tag: str | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    coder: str | None = None,
) -> list[dict[str, Any]]:
    """One row per actor across the selected articles, most quoted first. ``actor`` is the id
    the correction commands take; ``name`` and ``type`` are the ones most articles give
    (``coder``: that coder's corrections applied; default the current coder's)."""
    totals: dict[str, _ActorTotal] = {}
    articles = selected(library, ids, tag)
    for info, corrected in corrected_articles(
        library, articles, on_progress=on_progress, coder=coder
    ):
        here: dict[str, _ActorTotal] = {}
        for actor in corrected.analysis.actors:
            total = totals.setdefault(actor.id, _ActorTotal())
            here[actor.id] = total
            total.names[actor.name] += 1
            total.types[actor.type] += 1
            for alias in actor.aliases:
                total.aliases.setdefault(alias.casefold(), alias)
            total.articles += 1
            if info.date:
                total.first = min(total.first or info.date, info.date)
                total.last = max(total.last or info.date, info.date)
        for view in corrected.quotes:
            if not counted(view) or view.quote.actor not in here:
                continue
            total = here[view.quote.actor]
            cls = kind_class(view.quote.kind)
            if cls == "direct":
                total.direct += 1
            elif cls == "indirect":
                total.indirect += 1
            elif cls == "reported":
                total.reported += 1
    rows = []
    for actor_id, total in totals.items():
        name = max(total.names.items(), key=lambda kv: (kv[1], kv[0]))[0]
        kind = max(total.types.items(), key=lambda kv: (kv[1], kv[0]))[0]
        aliases = sorted(
            (a for a in total.aliases.values() if a.casefold() != name.casefold()),
            key=str.casefold,
        )
        rows.append(
            {
                "actor": actor_id,
                "name": name,
                "type": kind,
                "aliases": aliases,
                "articles": total.articles,
                "direct": total.direct,
                "indirect": total.indirect,
                "reported": total.reported,
                "first": total.first,
                "last": total.last,
            }
        )
    rows.sort(key=_actor_order)
    return rows


def _actor_order(row: dict[str, Any]) -> tuple[int, int, str]:
    """Most quoted first, then in most articles, then by id."""
    quoted = int(row["direct"]) + int(row["indirect"]) + int(row["reported"])
    return (-quoted, -int(row["articles"]), str(row["actor"]))


# stats ----------------------------------------------------------------------------------------
@dataclass
class Counted:
    """One counted quotation, reduced to what the statistics need."""

    kind: str  # direct | indirect | reported | other
    speaker: str | None  # the actor id, else the speaker as written (case-folded), else None
    name: str | None  # for people: the actor's name or the speaker
    type: str | None  # the actor's type


def counted_quotes(corrected: CorrectedArticle) -> list[Counted]:
    actors = {a.id: a for a in corrected.analysis.actors}
    out = []
    for view in corrected.quotes:
        if not counted(view):
            continue
        q = view.quote
        actor = actors.get(q.actor) if q.actor else None
        key: str | None = None
        name: str | None = None
        kind: str | None = None
        if actor is not None:
            key, name, kind = actor.id, actor.name, actor.type
        elif q.speaker:
            key, name = "=" + q.speaker.casefold(), q.speaker
        out.append(Counted(kind_class(q.kind), key, name, kind))
    return out


# An article's counted quotations per speaker: [(speaker key or "", name, type, quotes, direct,
# indirect, reported), ...] ("" for quotations without a speaker). Small, flat and marshal-able:
# the statistics screen's cache keeps one per article and adds them up.
Aggregate = list[tuple[str, str | None, str | None, int, int, int, int]]
_SLOT = {"direct": 4, "indirect": 5, "reported": 6}


def aggregate(quotes: list[Counted]) -> Aggregate:
    by: dict[str, list[Any]] = {}
    for q in quotes:
        key = q.speaker or ""
        row = by.get(key)
        if row is None:
            row = by[key] = [key, q.name, q.type, 0, 0, 0, 0]
        row[3] += 1
        slot = _SLOT.get(q.kind)
        if slot is not None:
            row[slot] += 1
    return [tuple(r) for r in by.values()]


def group_key(by: str, info: ArticleInfo, speaker_type: str | None) -> str | None:
    if by == "source":
        return info.source or None
    if by == "month":
        return info.date[:7] if info.date and len(info.date) >= 7 else None
    if by == "lang":
        return info.lang or None
    return speaker_type  # "type": the speaker's actor type


@dataclass
class _Group:
    quotes: int = 0
    direct: int = 0
    indirect: int = 0
    reported: int = 0
    by_speaker: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, row: tuple[str, str | None, str | None, int, int, int, int]) -> None:
        key, name, _type, n, direct, indirect, reported = row
        self.quotes += n
        self.direct += direct
        self.indirect += indirect
        self.reported += reported
        if key:
            self.by_speaker[key] += n
            if key not in self.names:
                self.names[key] = name or key

    def row(self, key: str | None) -> dict[str, Any]:
        top = sum(n for _, n in self.top(10))
        return {
            "key": key,
            "quotes": self.quotes,
            "direct": self.direct,
            "indirect": self.indirect,
            "reported": self.reported,
            "speakers": len(self.by_speaker),
            "top10_share": round(top / self.quotes, 4) if self.quotes else 0.0,
        }

    def top(self, n: int) -> list[tuple[str, int]]:
        return sorted(self.by_speaker.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


class StatsBuilder:
    """Statistics built one article at a time, from its :func:`aggregate` (the statistics
    screen feeds it from a cache)."""

    def __init__(self, by: str = "source") -> None:
        if by not in STATS_BY:
            raise ValueError(f"--by must be one of {', '.join(STATS_BY)}")
        self.by = by
        self.groups: dict[str | None, _Group] = {}
        self.total = _Group()
        self.article_count = 0

    def add(self, info: ArticleInfo, quotes: list[Counted]) -> None:
        self.add_aggregate(info, aggregate(quotes))

    def add_aggregate(self, info: ArticleInfo, rows: Aggregate) -> None:
        self.article_count += 1
        groups = self.groups
        by_type = self.by == "type"
        fixed = None if by_type else group_key(self.by, info, None)
        for row in rows:
            key = (row[2] if row[0] else None) if by_type else fixed
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group()
            group.add(row)
            self.total.add(row)

    def result(self, top: int = 10) -> dict[str, Any]:
        groups = {k: g for k, g in self.groups.items() if g.quotes}
        if self.by == "month":
            order = sorted(groups, key=lambda k: (k is None, k or ""))
        else:
            order = sorted(
                groups, key=lambda k: (-groups[k].quotes, k is None, (k or "").casefold())
            )
        total = self.total.row(None)
        del total["key"]
        total["articles"] = self.article_count
        quotes = self.total.quotes
        return {
            "by": self.by,
            "groups": [groups[k].row(k) for k in order],
            "total": total,
            "top_speakers": [
                {
                    "speaker": self.total.names.get(key, key),
                    "actor": None if key.startswith("=") else key,
                    "quotes": n,
                    "share": round(n / quotes, 4) if quotes else 0.0,
                }
                for key, n in self.total.top(top)
            ],
        }


def stats(
    library: Library,
    ids: Iterable[str] = (),
    tag: str | None = None,
    *,
    by: str = "source",
    on_progress: Callable[[int, int], None] | None = None,
    coder: str | None = None,
) -> dict[str, Any]:
    """``{"by", "groups": [{"key", "quotes", "direct", "indirect", "reported", "speakers",
    "top10_share"}], "total": {...}, "top_speakers": [...]}``; shares are fractions 0-1;
    ``coder``: that coder's corrections applied (default: the current coder's)."""
    from .quote_counts import QuoteCounts  # the per-article counts, cached

    builder = StatsBuilder(by)
    articles = selected(library, ids, tag)
    for info, rows in QuoteCounts(library, coder).counts(articles, on_progress=on_progress):
        builder.add_aggregate(info, rows)
    return builder.result()


# writing ----------------------------------------------------------------------------------------
# control characters and escape sequences never reach a terminal or a CSV reader; the check
# is one regex search, the stripping only where it finds one (article text is clean already)
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _csv_text(value: str) -> str:
    return strip_control(value) if _UNSAFE.search(value) else value


def _csv_value(value: Any) -> str | int:
    """One CSV cell: "" for none, true/false, lists joined by "; ", text without controls."""
    kind = type(value)
    if kind is str:
        return _csv_text(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return value  # type: ignore[no-any-return]
    if kind is list:
        return "; ".join(_csv_text(str(v)) for v in value)
    if kind is float:
        return repr(value)
    return _csv_text(str(value))


def _csv_row(row: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    """A row's cells (what :func:`_csv_value` does per cell, inlined: 2.5 million cells for
    10,000 articles), text checked for control characters once per row."""
    cells: list[Any] = []
    text: list[str] = []
    for column in columns:
        value = row[column]
        kind = type(value)
        if kind is str:
            text.append(value)
        elif value is None:
            value = ""
        elif kind is bool:
            value = "true" if value else "false"
        elif kind is list:
            value = "; ".join(map(str, value))
            text.append(value)
        elif kind is not int:
            value = _csv_value(value)
        cells.append(value)
    if _UNSAFE.search("".join(text)):
        cells = [_csv_text(c) if type(c) is str else c for c in cells]
    return cells


def write_rows(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str, stream: IO[str]
) -> int:
    """Write ``rows`` as they come: CSV (RFC 4180: comma, double quotes, CRLF line ends, a
    header; lists joined by ``; ``), JSON Lines (one object a line) or a JSON array. The
    stream must be opened with ``newline=""`` for CSV. JSON is written with the invisible
    characters escaped (``\\uXXXX``: the same data, nothing a terminal obeys). Returns the
    number of rows."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(_csv_row(row, columns))
            count += 1
        return count
    if fmt == "jsonl":
        for row in rows:
            stream.write(escape_json(json.dumps({c: row[c] for c in columns}, ensure_ascii=False)))
            stream.write("\n")
            count += 1
        return count
    if fmt != "json":
        raise ValueError(f"unknown format {fmt}")
    stream.write("[")
    for row in rows:
        stream.write(",\n  " if count else "\n  ")
        stream.write(escape_json(json.dumps({c: row[c] for c in columns}, ensure_ascii=False)))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count
