"""``reader quotes``, ``reader actors``, ``reader stats``: the corrected data out, for pandas, R
and a paper (reader.library.datasets builds the rows; this module only writes them)."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import export  # its _is_terminal: one test of "is stdout a person", shared
from .output import CLIError, one_line, out
from .reading import open_library

QUOTE_KINDS = (
    "direct",
    "indirect",
    "indirect_free_indirect",
    "free_indirect",
    "reported",
    "term",
)


def add_parsers(command: Any) -> None:
    p = command(
        "quotes",
        cmd_quotes,
        "one row per quotation across the library, corrections applied (CSV, JSON Lines, JSON)",
        "reader quotes -o quotes.csv",
        'reader quotes --tag Thesis --speaker "Jens Stoltenberg" --format json',
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="these articles (default: all)")
    p.add_argument("--tag", help="articles with this tag (or a child of it)")
    p.add_argument("--speaker", metavar="NAME", help="the speaker or the actor's name (any case)")
    p.add_argument("--kind", choices=QUOTE_KINDS, help="only quotations of this kind")
    p.add_argument("--all", action="store_true", help="rejected quotes and terms too")
    _coder_option(p)
    p.add_argument("--format", choices=("csv", "jsonl", "json"), default="csv", help="default: csv")
    p.add_argument("-o", "--output", metavar="FILE", help="a file, or - for stdout (default)")

    p = command(
        "actors",
        cmd_actors,
        "one row per actor across the library, corrections applied",
        "reader actors -o actors.csv",
        "reader actors --tag Thesis --format json",
    )
    p.add_argument("--tag", help="articles with this tag (or a child of it)")
    _coder_option(p)
    p.add_argument("--format", choices=("csv", "jsonl", "json"), default="csv", help="default: csv")
    p.add_argument("-o", "--output", metavar="FILE", help="a file, or - for stdout (default)")

    p = command(
        "stats",
        cmd_stats,
        "quotations by outlet, month, speaker type or language; the share of the top voices",
        "reader stats",
        "reader stats --by month --format csv > months.csv",
    )
    p.add_argument("--tag", help="articles with this tag (or a child of it)")
    p.add_argument(
        "--by",
        choices=("source", "month", "type", "lang"),
        default="source",
        help="group by (default: source)",
    )
    _coder_option(p)
    p.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="default: table"
    )


def _coder_option(p: Any) -> None:
    p.add_argument(
        "--coder",
        metavar="NAME",
        help="this coder's corrections (default: yours; final: the adjudicated ones)",
    )


def chosen_coder(library: Any, name: str | None) -> str | None:
    """``--coder NAME`` checked: a valid name that has corrections or codes in the library (or
    is the current coder); None without the option. A name with neither is an error, not
    silently the automatic analysis (a typo would pass for "no corrections")."""
    if name is None:
        return None
    from reader.library.settings import SettingsError, clean_coder

    try:
        coder = clean_coder(name, reserved_ok=True)
    except SettingsError as exc:
        raise CLIError(f"--coder: {exc}") from None
    store = library.annotations
    if coder == store.who():
        return coder
    coders = store.correction_coders()
    if coder in coders:
        return coder
    from reader.library.coding import read_codes

    coders |= set(read_codes(library).coders())  # a coder with codes and no corrections
    if coder not in coders:
        listed = ", ".join(sorted(coders, key=str.casefold)) or "none yet"
        raise CLIError(
            f"coder {one_line(coder)} has no corrections or codes in this library "
            f"(coders: {one_line(listed)})"
        )
    return coder


class Progress:
    """``n/total`` on stderr, only when stderr is a terminal (never in pipes or logs)."""

    def __init__(self, what: str) -> None:
        import time

        self.what, self.enabled, self.last, self.shown = what, sys.stderr.isatty(), 0.0, False
        self._time = time.monotonic

    def __call__(self, done: int, total: int) -> None:
        now = self._time()
        if not self.enabled or total < 200 or (now - self.last < 0.2 and done < total):
            return
        self.last, self.shown = now, True
        sys.stderr.write(f"\r\x1b[K{self.what}: {done}/{total} articles")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


@contextmanager
def output(target: str | None) -> Iterator[Any]:
    """A text stream for the table: stdout (no ``-o`` or ``-o -``) or a file written atomically
    as the rows come (replaced only when complete; never through a symlink). UTF-8, no BOM,
    no newline translation (CSV writes its own CRLF)."""
    if target is None or target == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes underneath (some test runners)
            yield sys.stdout
            return
        sys.stdout.flush()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
        try:
            # a terminal shows the table through the gate; a pipe or a redirect gets the bytes
            yield _Gated(stream) if export._is_terminal(sys.stdout) else stream
            stream.flush()
        finally:
            stream.detach()
        return
    from reader.base.atomic import atomic_stream

    path = Path(target)
    if path.is_symlink():
        raise CLIError(f"cannot write {target}: is a symlink")
    if path.is_dir():
        raise CLIError(f"cannot write {target}: is a folder")
    if not path.parent.is_dir():
        raise CLIError(f"cannot write {target}: folder {path.parent} does not exist")
    try:
        with atomic_stream(path) as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            yield stream
            stream.flush()
            stream.detach()
    except OSError as exc:
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}") from None


class _Gated:
    """A text stream whose every write passes the terminal gate (reader.base.text)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        from reader.base.text import for_terminal

        return self.stream.write(for_terminal(text))

    def flush(self) -> None:
        self.stream.flush()


def _write(
    target: str | None, make_rows: Callable[[Callable[[int, int], None]], Any], columns, fmt: str
) -> int:
    from reader.library.datasets import write_rows

    progress = Progress("reading")
    try:
        with output(target) as stream:
            count = write_rows(make_rows(progress), columns, fmt, stream)
    finally:
        progress.clear()
    if target not in (None, "-"):
        out(f"wrote {count} rows to {one_line(target)}")
    return 0


def cmd_quotes(args: argparse.Namespace, root: Path) -> int:
    from reader.library.datasets import QUOTE_COLUMNS, quote_rows

    library = open_library(root)
    ids = [library.resolve(i) for i in args.ids]  # an unknown id fails before any output
    coder = chosen_coder(library, args.coder)

    def rows(progress: Callable[[int, int], None]):
        return quote_rows(
            library,
            ids,
            args.tag,
            speaker=args.speaker,
            kind=args.kind,
            include_all=args.all,
            on_progress=progress,
            coder=coder,
        )

    return _write(args.output, rows, QUOTE_COLUMNS, args.format)


def cmd_actors(args: argparse.Namespace, root: Path) -> int:
    from reader.library.datasets import ACTOR_COLUMNS, actor_rows

    library = open_library(root)
    coder = chosen_coder(library, args.coder)
    return _write(
        args.output,
        lambda progress: actor_rows(library, (), args.tag, on_progress=progress, coder=coder),
        ACTOR_COLUMNS,
        args.format,
    )


def cmd_stats(args: argparse.Namespace, root: Path) -> int:
    from reader.library.datasets import STATS_COLUMNS, stats, write_rows

    from .output import print_json

    library = open_library(root)
    coder = chosen_coder(library, args.coder)
    progress = Progress("counting")
    try:
        result = stats(library, (), args.tag, by=args.by, on_progress=progress, coder=coder)
    finally:
        progress.clear()
    if args.format == "json":
        print_json(result)
        return 0
    if args.format == "csv":
        with output(None) as stream:
            write_rows(result["groups"], STATS_COLUMNS, "csv", stream)
        return 0
    _stats_table(result)
    return 0


def _stats_table(result: dict[str, Any]) -> None:
    from .output import cell, console, table

    def share(value: float) -> str:
        return f"{value * 100:.1f} %"

    total = result["total"]
    con = console()
    t = table(result["by"], "quotes", "direct", "indirect", "reported", "speakers", "top 10")
    for g in [*result["groups"], {**total, "key": "total"}]:
        key = g["key"] if g["key"] is not None else "(none)"
        t.add_row(
            cell(key),
            cell(g["quotes"]),
            cell(g["direct"]),
            cell(g["indirect"]),
            cell(g["reported"]),
            cell(g["speakers"]),
            cell(share(g["top10_share"])),
        )
    con.print(t)
    out()
    out(
        f"{total['quotes']} quotations in {total['articles']} articles; "
        f"direct {share(total['direct'] / total['quotes']) if total['quotes'] else '-'}, "
        f"indirect {share(total['indirect'] / total['quotes']) if total['quotes'] else '-'}; "
        f"the top 10 speakers have {share(total['top10_share'])} of them"
    )
    if result["top_speakers"]:
        out()
        s = table("top speakers", "quotes", "share")
        for row in result["top_speakers"]:
            s.add_row(cell(row["speaker"]), cell(row["quotes"]), cell(share(row["share"])))
        con.print(s)
