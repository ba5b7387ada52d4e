"""``reader analyze``: quotes and actors of files (cleaned as on import) or of a JSONL corpus
(text verbatim), without importing anything. The JSON shapes are the contract of issue 2."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.base.errors import ReaderError

from .output import UsageError, console, err, json_text, one_line, piped, print_json, record

if TYPE_CHECKING:
    from reader.library.analysis_pool import LimitedParser


def cmd_analyze(args: argparse.Namespace, root: Path) -> int:
    if args.jsonl and args.files:
        raise UsageError("give FILE... or --jsonl IN.jsonl, not both")
    if args.jsonl:
        return analyze_jsonl(args.jsonl)
    if not args.files:
        raise UsageError("nothing to analyse: give FILE... or --jsonl IN.jsonl")
    from reader.library.analysis_pool import LimitedParser

    results, failed = [], False
    with LimitedParser() as parser:  # each file parsed in a worker, under the import's limits
        for path in args.files:
            try:
                results.append(analyze_file(path, parser))
            except _FileError as exc:
                err(f"error {one_line(path)}: {exc}")
                failed = True
    if args.json:
        print_json(results)
    else:
        show_results(results)
    return 1 if failed else 0


class _FileError(ReaderError):
    """One file that cannot be analysed (reported, the others go on)."""


def analyze_file(path: str, parser: LimitedParser | None = None) -> dict[str, Any]:
    """A file's quotes and actors; with ``parser``, its bytes are parsed in a worker."""
    from reader.analysis import analyze
    from reader.library.analysis_pool import InternalError, parse_in_worker

    file = Path(path)
    if path != "-" and file.is_dir():
        raise _FileError("is a folder (analyze takes files)")
    try:
        data = sys.stdin.buffer.read() if path == "-" else file.read_bytes()  # - is pasted text
    except FileNotFoundError:
        raise _FileError("no such file") from None
    except OSError as exc:
        raise _FileError(exc.strerror or str(exc)) from None
    try:
        parsed = parser(parse_in_worker, data, path) if parser else parse_in_worker(data, path)
    except (ReaderError, InternalError) as exc:  # ImportFailure, a limit, a worker's end, a bug
        raise _FileError(str(exc) or "cannot be read") from None
    result = analyze(parsed.text, parsed.lang)
    return {
        "path": path,
        "title": parsed.title,
        "date": parsed.date,
        "source": parsed.source,
        "lang": parsed.lang or result.lang,
        "text": parsed.text,
        "quotes": result.quote_records(),
        "actors": [a.to_dict() for a in result.actors],
    }


def analyze_jsonl(source: str) -> int:
    """One output line per input line ``{"id","text","lang"?}``; bad lines reported, skipped."""
    from reader.analysis import analyze

    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        err(f"error {one_line(source)}: {exc.strerror or exc}")
        return 1
    failed = False
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                text = record.get("text")
                if not isinstance(text, str):
                    raise ValueError("missing 'text' (a string)")
                lang = record.get("lang")
                if lang is not None and not isinstance(lang, str):
                    raise ValueError("'lang' must be a string")
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                reason = "not valid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
                err(f"error {one_line(source)}:{number}: {reason}")
                failed = True
                continue
            result = analyze(text, lang)
            line = {
                "id": record.get("id"),
                "lang": result.lang or lang,
                "quotes": result.quote_records(),
                "actors": [a.to_dict() for a in result.actors],
            }
            sys.stdout.write(json_text(line, indent=None) + "\n")
    return 1 if failed else 0


def show_results(results: list[dict[str, Any]]) -> None:
    """For people: each file's metadata and who said what. Piped: one tab-separated record per
    quotation (path, kind, speaker, via, text), nothing wrapped or cut."""
    if piped():
        for r in results:
            names = {a["id"]: a["name"] for a in r["actors"]}
            for q in r["quotes"]:
                if q["kind"] == "term" or q.get("relay"):
                    continue
                who = names.get(q["actor"]) or q["speaker"] or ""
                via = (names.get(q.get("via_actor")) or q["via"]) if q.get("via") else ""
                record(r["path"], q["kind"], who, via, q["text"])
        return
    from rich.text import Text

    c = console()
    for r in results:
        c.print(Text(one_line(r["title"] or r["path"]), style="bold"))
        c.print(
            Text(" · ".join(one_line(str(v)) for v in (r["date"], r["source"], r["lang"]) if v))
        )
        names = {a["id"]: a["name"] for a in r["actors"]}
        for q in r["quotes"]:
            if q["kind"] == "term" or q.get("relay"):
                continue  # a relay record repeats its quote: shown as "via" instead
            who = names.get(q["actor"]) or q["speaker"] or "?"
            if q.get("via"):
                who += " via " + (names.get(q.get("via_actor")) or q["via"])
            c.print(
                Text.assemble(
                    ("  " + q["kind"], "dim"),
                    "  ",
                    (one_line(who), "bold"),
                    ": ",
                    one_line(q["text"])[:200],
                )
            )
        c.print()
