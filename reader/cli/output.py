"""Writing to the terminal: article text is data, never markup, never control sequences.

Lines scripts parse (``imported ID TITLE``, ``noted NOTE_ID``, JSON) are printed plainly; text for
people goes through Rich, always as ``rich.text.Text`` built from plain strings. Every line
``out``/``err`` write and every Rich cell passes :func:`reader.base.text.for_terminal`, the one
gate (error messages included); JSON output passes :func:`reader.base.text.escape_json`.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable
from typing import Any

from reader.base.errors import ReaderError
from reader.base.text import escape_json, for_terminal


class CLIError(ReaderError):
    """A one-line failure (exit 1); the message is printed as ``reader: MESSAGE``."""


class UsageError(ReaderError):
    """Bad usage (exit 2); the message is printed as ``reader: MESSAGE``."""


class PathError(CLIError):
    """A file that cannot be used (exit 1), printed as ``error PATH: REASON``."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{one_line(str(path))}: {one_line(reason)}")


def file_reason(exc: OSError) -> str:
    """``no such file``, ``permission denied``, ... for an OSError (lower case, one line)."""
    import errno

    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def one_line(text: str | None) -> str:
    """Safe on one terminal line: through the gate, whitespace collapsed."""
    return " ".join(for_terminal(text or "", one_line=True).split())


def out(line: str = "") -> None:
    sys.stdout.write(for_terminal(line) + "\n")


def piped() -> bool:
    """Is stdout a pipe or a file (not a terminal)? Then lists print tab-separated records."""
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return True


def record(*fields: object) -> None:
    """One tab-separated record on one line, nothing truncated or wrapped (for ``cut``, ``awk``,
    ``sort``): each field on one line, tabs inside it turned into spaces."""
    out("\t".join(one_line("" if f is None else str(f)) for f in fields))


def err(line: str) -> None:
    sys.stderr.write(for_terminal(line) + "\n")
    sys.stderr.flush()


_opened: list[Any] = []  # the libraries this command opened: their damage is reported at its end


def opened(library: Any) -> Any:
    """Remember ``library`` so that :func:`report_damage` names what it left out."""
    _opened.append(library)
    return library


def report_damage() -> int:
    """After a command: every damaged record it met and left out (an index row, a note, an
    article record), one line each on stderr naming the file, the record and the field.
    Returns 1 if there was any (the command printed the rest), else 0."""
    lines: list[str] = []
    while _opened:
        library = _opened.pop()
        index = getattr(library, "index", None)
        lines += getattr(index, "problems", None) or []
        store = getattr(library, "_annotations", None)  # only if the command opened it
        if store is not None:
            for article, damage in sorted(store.damage_met().items()):
                lines += [
                    f"{line}; left out (reader doctor --repair fixes it)"
                    for line in damage
                    if article not in _reported
                ]
    _reported.clear()
    for line in dict.fromkeys(lines):
        err(f"reader: {one_line(line)}")
    return 1 if lines else 0


_reported: set[str] = set()  # articles whose annotation file report_unreadable named


def report_unreadable(problems: dict[str, str]) -> int:
    """Annotation files that could not be read (corrupt, unreadable): one line each on stderr,
    naming the file and its backup (the store's message does both). Returns the exit code the
    command should end with: 1 if there was any, so a script never takes them for "no notes"."""
    _reported.update(problems)
    for article in sorted(problems):
        err(
            f"reader: annotations of {article} left out: {one_line(problems[article])}"
            " (reader doctor --repair sets the file aside)"
        )
    return 1 if problems else 0


def plural(n: int, word: str) -> str:
    """``1 note``, ``2 notes``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """JSON as reader writes it: UTF-8 text, with bidi, zero-width and C1 characters escaped
    (``\\u202e``), so the output is lossless and a terminal showing it obeys nothing."""
    return escape_json(json.dumps(data, ensure_ascii=False, indent=indent))


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data) + "\n")


def stream_json(rows: Iterable[Any]) -> None:
    """A JSON array written row by row, one row a line (the C encoder: ``indent`` would force
    the pure-Python one), so a long list costs constant memory and reaches ``| head`` at once."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    write = sys.stdout.write
    first = True
    for row in rows:
        write("[\n" if first else ",\n")
        write(escape_json(encode(row)))
        first = False
    write("[]\n" if first else "\n]\n")


def stream_json_lines(lines: Iterable[str], chunk: int = 2000) -> None:
    """:func:`stream_json` for rows already encoded and escaped (each as
    ``escape_json(json.dumps(row, ensure_ascii=False))`` gives it): the same bytes, written
    ``chunk`` rows at a time."""
    write = sys.stdout.write
    first = True
    it = iter(lines)
    while batch := list(itertools.islice(it, chunk)):
        write(("[\n" if first else ",\n") + ",\n".join(batch))
        first = False
    write("[]\n" if first else "\n]\n")


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def table(*headers: str):
    from rich.table import Table

    t = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for h in headers:
        t.add_column(h, overflow="fold")
    return t


def cell(value: Any):
    """A Rich cell holding ``value`` as literal text (never markup)."""
    from rich.text import Text

    return Text(one_line("" if value is None else str(value)))
