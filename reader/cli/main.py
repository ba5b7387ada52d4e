"""``reader`` entry point: argument parsing, library location, exit codes, one-line errors.

Exit codes: 0 done, 1 failed, 2 bad usage, 130 interrupted. Whatever goes wrong, the user sees
one line on stderr (``reader: ...`` or ``error PATH: REASON``), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .output import CLIError, UsageError, err

Handler = Callable[[argparse.Namespace, Path], int]


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting (one line, exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _library_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subparser must not reset a --library given before the subcommand
    parser.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $READER_HOME, else the user data folder)",
    )


def build_parser() -> Parser:
    from annotations import exporters
    from reader import __version__
    from reader.importing.formats import import_help

    from . import analyze, annotate, correct, data, export, importing, manage, reading

    parser = Parser(
        prog="reader",
        description="Read news articles with quotes and actors "
        "highlighted; tag, annotate and export. Without a command: the TUI.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _library_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _library_option(p)
        p.set_defaults(handler=handler)
        return p

    p = command("import", importing.cmd_import, import_help())
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--samples", action="store_true", help="also import the bundled samples")

    p = command("list", reading.cmd_list, "list the articles, newest first")
    p.add_argument("--tag")
    p.add_argument("--json", action="store_true")

    p = command("show", reading.cmd_show, "print an article with its highlights")
    p.add_argument("id", metavar="ID")

    p = command("search", reading.cmd_search, "full-text search (every word must match)")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None, metavar="N")

    for name, handler in (("tag", annotate.cmd_tag), ("untag", annotate.cmd_untag)):
        p = command(name, handler, f"{name} an article")
        p.add_argument("id", metavar="ID")
        p.add_argument("tags", nargs="+", metavar="TAG")

    p = command("note", annotate.cmd_note, "add (or --edit, --delete) a note")
    p.add_argument("args", nargs="*", metavar="ID TEXT")
    p.add_argument("--passage", metavar="EXACT_TEXT")
    p.add_argument("--tag", action="append", default=[], dest="note_tags", metavar="TAG")
    p.add_argument("--edit", metavar="NOTE_ID")
    p.add_argument("--delete", metavar="NOTE_ID")

    p = command("notes", annotate.cmd_notes, "list notes")
    p.add_argument("id", nargs="?", metavar="ID")
    p.add_argument("--tag")
    p.add_argument("--json", action="store_true")

    p = command("tags", annotate.cmd_tags, "list tags with counts; --rename OLD NEW")
    p.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"))
    p.add_argument("--json", action="store_true")

    p = command("export", export.cmd_export, f"export annotations as {exporters.labels()}")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--tag")
    p.add_argument("-o", "--output", metavar="PATH", help="file, or DIR/ for one file each")
    p.add_argument("--quotes", action="store_true", help="add a 'Who said what' section")
    p.add_argument("--format", choices=exporters.names(), default=exporters.DEFAULT)

    p = command(
        "import-annotations",
        export.cmd_import_annotations,
        "merge an export made with --format json",
    )
    p.add_argument("file", metavar="FILE")

    p = command("analyze", analyze.cmd_analyze, "analyse files without importing them")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", metavar="IN.jsonl", help='lines {"id","text","lang"?}, verbatim')

    p = command("rm", manage.cmd_rm, "remove articles (notes stay as orphans)")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--with-notes", action="store_true")

    p = command("edit", manage.cmd_edit, "correct title, date or source")
    p.add_argument("id", metavar="ID")
    p.add_argument("--title")
    p.add_argument("--date")
    p.add_argument("--source")

    p = command("reimport", manage.cmd_reimport, "re-clean kept originals, re-anchor notes")
    p.add_argument("ids", nargs="*", metavar="ID")

    correct.add_parsers(command)
    data.add_parsers(command)

    p = command("doctor", manage.cmd_doctor, "check the library files (--repair: fix them)")
    p.add_argument(
        "--repair",
        action="store_true",
        help="set damaged files aside, rebuild a damaged index, drop stray folders",
    )
    return parser


def run(argv: Sequence[str] | None) -> int:
    from reader import paths

    args = build_parser().parse_args(argv)
    _check_text_arguments(args)
    given = getattr(args, "library", None)
    # no global override for in-process calls (tests): one main() must not leak into the next
    root = Path(given).expanduser() if given is not None else paths.library_dir()
    _check_library_path(root)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from reader.app import run_tui  # lazy: the CLI never pays for Textual

        if given is not None:
            paths.set_library_dir(root)  # the whole TUI process works on this library
        return int(run_tui(root) or 0)
    return handler(args, root)


# Arguments that name files: any bytes the file system allows are fine there.
_PATH_ARGUMENTS = {"paths", "output", "file", "files", "jsonl", "library"}


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Text arguments (ids, tags, note text, titles, queries) must be UTF-8: bytes that are not
    reach Python as lone surrogates, which no file reader writes can hold. One line, exit 2."""
    from reader.base.surrogates import lone_surrogate, shown_bytes

    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str) and lone_surrogate(item):
                raise UsageError(
                    f"argument {shown_bytes(item)} is not UTF-8 text (reader keeps text as UTF-8)"
                )


def _check_library_path(root: Path) -> None:
    """A library path that is (or lies under) a regular file: one clear line, not a failure
    naming some file inside it (or the import file) later on."""
    for place in (root, *root.parents):
        if place.exists():
            if not place.is_dir():
                where = "" if place == root else f" ({place} is a file)"
                raise CLIError(f"library {root}: not a folder{where}")
            return


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script passes it to ``sys.exit``)."""
    for stream in (sys.stdout, sys.stderr):  # a C/ASCII locale must not crash on "ü"
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        return run(argv)
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    except UsageError as exc:
        err(f"reader: {exc}")
        return 2
    except CLIError as exc:
        err(f"reader: {exc}")
        return 1
    except KeyboardInterrupt:
        err("reader: interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as exc:  # the library folder itself: not writable, a file, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        err(f"reader: {where}{exc.strerror or exc}")
        return 1
    except Exception as exc:  # noqa: BLE001 - the promise: never a traceback
        if _is_user_error(exc):
            err(f"reader: {exc}")
        else:
            err(f"reader: unexpected error ({type(exc).__name__}: {exc})")
        return 1


# The core's one-line errors, looked up only if their module was imported: an exception can't be
# of a class that was never loaded, and ``--version``/``--help`` must not pay for the store.
_USER_ERRORS = (
    ("reader.library.article_index", "LibraryError"),
    ("annotations.files", "StoreError"),
    ("annotations.storage", "StorageError"),
)


def _is_user_error(exc: BaseException) -> bool:
    for module, name in _USER_ERRORS:
        cls = getattr(sys.modules.get(module), name, None)
        if cls is not None and isinstance(exc, cls):
            return True
    return False


def _silence_stdout() -> None:
    """After the reader of our output went away (``| head``), don't fail again at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
