"""Commands that only read: ``list``, ``show``, ``search``. They never create a library."""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.base.text import escape_json, for_terminal_with_map

from .output import (
    UsageError,
    cell,
    console,
    err,
    one_line,
    opened,
    out,
    piped,
    record,
    report_unreadable,
    stream_json,
    stream_json_lines,
)


def open_library(root: Path):
    """The library at ``root``, without creating anything (missing = empty). Damaged records
    it meets are named when the command ends (and it exits 1)."""
    from reader.library.store import Library

    return opened(Library(root))


def article_json(meta, summary) -> dict[str, Any]:
    """The ``reader list --json`` object (contract fields first, then extensions)."""
    return {
        "id": meta.id,
        "title": meta.title,
        "date": meta.date,
        "source": meta.source,
        "lang": meta.lang,
        "tags": list(summary.tags) if summary else [],
        "notes": summary.notes if summary else 0,
        "quotes": meta.quotes,
        "url": meta.url,
        "read": bool(summary.read) if summary else False,
        "words": meta.words,
        "actors": list(meta.actors),
        "feed": meta.feed,  # the feed id it came from, null where none
        "partial": bool(meta.partial),  # fetched without its page (summary or link only)
    }


# article_json()'s keys in order, as json.dumps(ensure_ascii=False) writes them (values encoded)
_LIST_ROW = (
    '{"id": %s, "title": %s, "date": %s, "source": %s, "lang": %s, "tags": %s, "notes": %d, '
    '"quotes": %d, "url": %s, "read": %s, "words": %d, "actors": %s, "feed": %s, "partial": %s}'
)


def cmd_list(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    if args.json:  # row by row: constant memory at any size
        summaries = library.annotations.summaries() if len(library.article_columns()) else {}
        unreadable: dict[str, str] = {}

        def json_rows() -> Iterator[str]:
            """article_json() of every row, encoded (the same keys, in the same order, the same
            bytes as the C encoder gives), read from the columns directly: no row objects and
            no dicts, each value encoded by the C string encoder; a row holding a value of
            another type than usual goes through the encoder itself."""
            from json.encoder import encode_basestring

            from reader.library.index_columns import SEPARATOR

            encode = json.JSONEncoder(ensure_ascii=False).encode
            string = encode_basestring  # (C) what the encoder writes for a str
            columns = library.article_columns()
            tagged = library.tagged_ids(args.tag) if args.tag is not None else None
            get = columns.column
            title, date, source, lang = get("title"), get("date"), get("source"), get("lang")
            quotes, url, words, actors = get("quotes"), get("url"), get("words"), get("actors")
            feed, partial = get("feed"), get("partial")
            lists: dict[str, str] = {"": "[]"}  # joined actor names -> their JSON list

            def or_null(value: str | None) -> str:
                """A value as the encoder writes it, escaped for the terminal (only a value
                with a character beyond ASCII can need it: ``isascii`` is one flag's test)."""
                if value is None:
                    return "null"
                return string(value) if value.isascii() else escape_json(string(value))

            for i, article_id in enumerate(columns.ids):
                if tagged is not None and article_id not in tagged:
                    continue
                summary = summaries.get(article_id)
                if summary and summary.error:
                    unreadable[article_id] = summary.error
                names = actors[i]
                try:
                    if type(quotes[i]) is not int or type(words[i]) is not int:
                        raise TypeError("not an int")
                    names_json = lists.get(names)
                    if names_json is None:
                        parts = map(or_null, names.split(SEPARATOR))
                        names_json = lists[names] = "[" + ", ".join(parts) + "]"
                    if summary:
                        tags = "[" + ", ".join(map(or_null, summary.tags)) + "]"
                        notes, read = summary.notes, bool(summary.read)
                        if type(notes) is not int:
                            raise TypeError("not an int")
                    else:
                        tags, notes, read = "[]", 0, False
                    yield _LIST_ROW % (
                        or_null(article_id),
                        or_null(title[i]),
                        or_null(date[i]),
                        or_null(source[i]),
                        or_null(lang[i]),
                        tags,
                        notes,
                        quotes[i],
                        or_null(url[i]),
                        "true" if read else "false",
                        words[i],
                        names_json,
                        or_null(feed[i]),
                        "true" if partial[i] else "false",
                    )
                except (TypeError, AttributeError):
                    yield escape_json(
                        encode(
                            {
                                "id": article_id,
                                "title": title[i],
                                "date": date[i],
                                "source": source[i],
                                "lang": lang[i],
                                "tags": list(summary.tags) if summary else [],
                                "notes": summary.notes if summary else 0,
                                "quotes": quotes[i],
                                "url": url[i],
                                "read": bool(summary.read) if summary else False,
                                "words": words[i],
                                "actors": names.split(SEPARATOR) if names else [],
                                "feed": feed[i],  # the feed id it came from, null where none
                                "partial": bool(partial[i]),  # fetched without its page
                            }
                        )
                    )

        stream_json_lines(json_rows())
        return report_unreadable(unreadable)
    articles = library.articles(tag=args.tag)
    summaries = library.annotations.summaries() if articles else {}
    rows = [article_json(m, summaries.get(m.id)) for m in articles]
    # an unreadable annotation file must not pass for "no notes": say so, and fail
    unreadable = {m.id: s.error for m in articles if (s := summaries.get(m.id)) and s.error}
    if piped():  # one record per line, nothing wrapped or cut (like ls and git)
        for r in rows:
            tags = ", ".join(r["tags"])
            record(r["id"], r["date"], r["source"], r["title"], tags, r["notes"], r["quotes"])
        return report_unreadable(unreadable)
    if not rows:
        out("no articles" + (f" tagged {one_line(args.tag)}" if args.tag else ""))
        return 0
    from rich.table import Table

    t = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", expand=False)
    t.add_column("id", no_wrap=True)
    t.add_column("date", no_wrap=True)
    t.add_column("source", max_width=14, overflow="ellipsis", no_wrap=True)
    t.add_column("title", ratio=3, overflow="fold", min_width=16)
    t.add_column("tags", ratio=1, overflow="fold")
    t.add_column("notes", justify="right", no_wrap=True, min_width=5)
    t.add_column("quotes", justify="right", no_wrap=True, min_width=6)
    for r in rows:
        t.add_row(
            cell(r["id"]),
            cell(r["date"] or ""),
            cell(r["source"] or ""),
            cell(r["title"]),
            cell(", ".join(r["tags"])),
            cell(r["notes"]),
            cell(r["quotes"]),
        )
    console().print(t)
    return report_unreadable(unreadable)


def cmd_show(args: argparse.Namespace, root: Path) -> int:
    from reader.render import render_article

    library = open_library(root)
    meta = library.get(args.id)
    text = library.text(meta.id)
    analysed = 0
    try:
        analysis = library.analysis(meta.id)
    except Exception as exc:  # noqa: BLE001 - the text is still worth showing; the failure is named
        from reader.analysis.models import Analysis
        from reader.base.errors import describe

        err(f"reader: analysis of {meta.id} failed: {describe(exc)}; shown without highlights")
        analysis, analysed = Analysis(lang=meta.lang), 1
    store = library.annotations
    from annotations.store import StoreError

    try:
        notes, tags, failed = store.notes(article=meta.id), store.article_tags(meta.id), 0
    except StoreError as exc:  # the text is still worth showing; the damage is named, exit 1
        notes, tags = [], []
        failed = report_unreadable({meta.id: str(exc)})
    c = console()
    c.print(render_article(meta, text, analysis, notes, width=c.width, tags=tags))
    return failed or analysed


def cmd_search(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    query = " ".join(args.query)
    if not query.strip():
        raise UsageError("search needs a word to look for")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit needs a number of articles, 1 or more")
    from .importing import TerminalProgress

    why = library.search_index.available()
    if why is not None:  # one line, then the slow scan (words only)
        err(f"reader: {why}; reading every article instead (slow, words only)")
    progress = TerminalProgress()  # the first search builds the index: say so, on a terminal
    library.search_index.progress = lambda done, total: progress.update(
        done, total, "building the search index (once)"
    )
    found = library.search_hits(query, limit=args.limit)
    first = next(found, None)
    progress.clear()
    hits = itertools.chain([first] if first is not None else [], found)
    if args.json:  # row by row, best first
        stream_json(
            {
                "id": h.article.id,
                "title": h.article.title,
                "lines": [{"paragraph": n, "text": text} for n, text in h.lines],
                "score": round(h.score, 4),
                "snippet": h.snippet,
            }
            for h in hits
        )
        return 0
    if piped():  # id, title, paragraph (counted from 1), the whole paragraph: one per line
        for hit in hits:
            for n, para in hit.lines or [(None, "")]:
                record(hit.article.id, hit.article.title, "" if n is None else n + 1, para)
        return 0
    from rich.text import Text

    c = console()
    count = 0
    for hit in hits:
        count += 1
        c.print(Text.assemble((hit.article.id, "bold"), "  ", one_line(hit.article.title)))
        snippet, moved = for_terminal_with_map(hit.snippet)  # offsets follow the gate
        line = Text("    " + snippet)
        for start, end in hit.marks:
            line.stylize("reverse", moved(start) + 4, moved(end) + 4)
        c.print(line)
    if not count:
        out(f"no article matches {one_line(query)}")
    return 0


def snippet(text: str, words: list[str], width: int = 160) -> str:
    """A window of ``text`` around the first query word."""
    if len(text) <= width:
        return text
    folded = text.casefold()
    first = min((i for i in (folded.find(w.casefold()) for w in words) if i >= 0), default=0)
    start = max(0, first - width // 3)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
