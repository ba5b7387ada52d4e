"""``reader`` entry point: argument parsing, library location, exit codes, one-line errors.

Exit codes: 0 done, 1 failed, 2 bad usage, 70 internal error (a bug), 130 interrupted. Whatever
goes wrong, the user sees one line on stderr (``reader: ...`` or ``error PATH: REASON``), never a
traceback; a bug says so and where (``reader: internal error in FILE:LINE (...); please report``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from reader.base.errors import ReaderError, bug_report

from .output import CLIError, PathError, UsageError, err

Handler = Callable[[argparse.Namespace, Path], int]


def completing(action: argparse.Action, completer: Callable[..., Any]) -> argparse.Action:
    """Give an argument its shell completer (argcomplete reads ``action.completer``)."""
    vars(action)["completer"] = completer
    return action


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting (one line, exit 2); an
    unknown option is reported by the subcommand it was given to (``reader list --help``)."""

    commands: dict[str, argparse.ArgumentParser]

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            owner = getattr(self, "commands", {}).get(getattr(parsed, "command", None) or "")
            (owner or self).error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _library_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subparser must not reset a --library given before the subcommand
    parser.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $READER_HOME, else the user data folder)",
    )


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def build_parser() -> Parser:
    from annotations import exporters
    from reader import __version__
    from reader.importing.formats import import_help

    from . import (
        analyze,
        annotate,
        coding,
        complete,
        correct,
        data,
        export,
        feeds,
        importing,
        manage,
        reading,
    )

    parser = Parser(
        prog="reader",
        description="Read news articles with quotes and actors "
        "highlighted; tag, annotate and export. Without a command: the TUI.",
        epilog=_examples("reader                      # open the TUI", "reader list --tag Thesis"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"reader {__version__}",
        help="print the version",
    )
    _library_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.commands = {}
    ids, tags = complete.article_ids, complete.tag_names  # shell completion of values

    def command(
        name: str, handler: Handler, help_text: str, *examples: str, hidden: bool = False
    ) -> argparse.ArgumentParser:
        options: dict[str, Any] = {} if hidden else {"help": help_text}
        p = sub.add_parser(
            name,
            description=help_text,
            epilog=_examples(*examples) if examples else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            **options,
        )
        _library_option(p)
        p.set_defaults(handler=handler)
        parser.commands[name] = p
        return p

    p = command(
        "import",
        importing.cmd_import,
        import_help() + ", http(s) URLs, read-it-later exports",
        "reader import saved-pages/ notes.md",
        "pbpaste | reader import -",
        "reader import https://example.org/news/story.html",
        "reader import pocket-export.csv --fetch",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="file, folder (recursive) or http(s) URL; - reads stdin",
    )
    p.add_argument("--samples", action="store_true", help="also import the bundled samples")
    p.add_argument(
        "--fetch",
        action="store_true",
        help="for read-it-later exports (Pocket, Instapaper, ...): fetch the page of each item "
        "that has only a link, instead of keeping title and link (e.g. reader import "
        "pocket.csv --fetch)",
    )

    p = command(
        "list",
        reading.cmd_list,
        "list the articles, newest first (tab-separated when piped)",
        "reader list --tag frame",
        "reader list | cut -f1,4",
    )
    completing(p.add_argument("--tag", help="only articles with this tag (or a child of it)"), tags)
    p.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")

    p = command(
        "show", reading.cmd_show, "print an article with its highlights", "reader show 3f2a"
    )
    completing(p.add_argument("id", metavar="ID", help="article id (any unique prefix)"), ids)

    p = command(
        "search",
        reading.cmd_search,
        "full-text search (every word must match)",
        "reader search Hafen Hamburg",
        "reader search --limit 5 --json ceasefire",
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="words that must all occur")
    p.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N articles")

    for name, handler, verb in (
        ("tag", annotate.cmd_tag, "add tags to"),
        ("untag", annotate.cmd_untag, "remove tags from"),
    ):
        p = command(
            name,
            handler,
            f"{verb} an article",
            f"reader {name} 3f2a frame/conflict Nato",
        )
        completing(p.add_argument("id", metavar="ID", help="article id (any unique prefix)"), ids)
        completing(
            p.add_argument("tags", nargs="+", metavar="TAG", help="a tag; a/b is a child of a"),
            tags,
        )

    p = command(
        "note",
        annotate.cmd_note,
        "add (or --edit, --delete) a note",
        'reader note 3f2a "framed as a threat" --passage "a clear danger" --tag frame',
        'reader note --edit 7c1d "a better wording"',
    )
    p.add_argument("args", nargs="*", metavar="ID TEXT", help="the article and the note's text")
    p.add_argument(
        "--passage", metavar="EXACT_TEXT", help="note this passage (its exact text in the article)"
    )
    completing(
        p.add_argument(
            "--tag",
            action="append",
            default=[],
            dest="note_tags",
            metavar="TAG",
            help="tag the note (repeat for more)",
        ),
        tags,
    )
    p.add_argument("--edit", metavar="NOTE_ID", help="replace this note's text (and tags)")
    p.add_argument("--delete", metavar="NOTE_ID", help="delete this note")

    p = command(
        "notes",
        annotate.cmd_notes,
        "list notes",
        "reader notes 3f2a",
        "reader notes --tag frame --json",
    )
    completing(p.add_argument("id", nargs="?", metavar="ID", help="only this article's notes"), ids)
    completing(
        p.add_argument("--tag", help="only notes with this tag, or on articles with it"), tags
    )
    p.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")

    p = command(
        "tags",
        annotate.cmd_tags,
        "list tags with counts (parents too); --rename OLD NEW",
        "reader tags",
        "reader tags --rename Nato NATO",
    )
    completing(
        p.add_argument(
            "--rename", nargs=2, metavar=("OLD", "NEW"), help="rename a tag everywhere (merges)"
        ),
        tags,
    )
    p.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")

    p = command(
        "export",
        export.cmd_export,
        f"export annotations as {exporters.labels()}",
        "reader export --tag frame -o frames.md",
        "reader export --annotated -o notes/",
    )
    completing(
        p.add_argument("ids", nargs="*", metavar="ID", help="articles to export (default: all)"),
        ids,
    )
    completing(
        p.add_argument("--tag", help="articles with this tag, or with a note carrying it"), tags
    )
    p.add_argument(
        "--annotated", action="store_true", help="only articles with notes, tags or corrections"
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", help="file, DIR/ for one file each, - for stdout"
    )
    p.add_argument("--quotes", action="store_true", help="add a 'Who said what' section")
    p.add_argument(
        "--coder",
        metavar="NAME",
        help="only this coder's notes and tags (final: the adjudicated codes)",
    )
    p.add_argument(
        "--format",
        choices=exporters.names(),
        default=exporters.DEFAULT,
        help=f"{exporters.labels()} (default: {exporters.DEFAULT}); json is lossless, for"
        " import-annotations; w3c is W3C Web Annotation JSON-LD",
    )
    p.add_argument(
        "--template", metavar="FILE", help="Markdown through this Jinja2 template (see README)"
    )
    p.add_argument(
        "--show-template", action="store_true", help="print the default template (to copy)"
    )

    p = command(
        "import-annotations",
        export.cmd_import_annotations,
        "merge an export made with --format json",
        "reader import-annotations backup.json",
    )
    p.add_argument(
        "file", metavar="FILE", help="a file written by export --format json; - reads stdin"
    )

    p = command(
        "config",
        coding.cmd_config,
        "print or set a setting: coder (your name on every code)",
        "reader config coder",
        'reader config coder "Ada Lovelace"',
    )
    p.add_argument("key", choices=("coder",), help="coder: the name your codes carry")
    p.add_argument("value", nargs="?", metavar="VALUE", help="the new value (none: print it)")

    p = command(
        "codebook",
        coding.cmd_codebook,
        "the study's codebook: import FILE, show, check (tags outside it), done ID",
        "reader codebook import framing.toml",
        "reader codebook check",
        "reader codebook done 3f2a",
    )
    p.add_argument("action", choices=("import", "show", "check", "done"), help="what to do")
    p.add_argument("rest", nargs="*", metavar="FILE|ID", help="import: the TOML file; done: ID")
    p.add_argument("--undo", action="store_true", help="done: take the mark back")
    p.add_argument("--json", action="store_true", help="show, check: print JSON")

    p = command(
        "code",
        coding.cmd_code,
        "apply a category (a tag) as the current coder: to the article, a passage or a quote",
        "reader code 3f2a frame/conflict",
        'reader code 3f2a frame/conflict --passage "a clear danger"',
        "reader code 3f2a speaker/expert --quote 3f2a1b2c:120-188",
    )
    completing(p.add_argument("id", metavar="ID", help="article id (any unique prefix)"), ids)
    completing(p.add_argument("tag", metavar="TAG", help="the category (a codebook name)"), tags)
    p.add_argument("--passage", metavar="TEXT", help="code this passage (its exact text)")
    p.add_argument("--quote", metavar="QUOTE", help="code this quotation (ARTICLE:START-END)")

    p = command(
        "agreement",
        coding.cmd_agreement,
        "intercoder agreement: Krippendorff's alpha (nominal) and percent agreement",
        "reader agreement --tag-set frame",
        "reader agreement --unit passage --coders ada,ben --format json",
    )
    p.add_argument("--tag-set", metavar="PARENT", help="the categories under PARENT (default: all)")
    p.add_argument(
        "--unit",
        choices=("article", "passage", "quote"),
        default="article",
        help="what a unit is (default: article)",
    )
    p.add_argument("--coders", metavar="A,B,...", help="these coders (default: all but final)")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="table (default) or json"
    )

    p = command(
        "analyze",
        analyze.cmd_analyze,
        "analyse files without importing them",
        "reader analyze page.html",
        "reader analyze --jsonl corpus.jsonl > quotes.jsonl",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="files to analyse; - reads stdin")
    p.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")
    p.add_argument(
        "--jsonl", metavar="IN.jsonl", help='analyse lines {"id","text","lang"?} verbatim'
    )

    p = command(
        "rm",
        manage.cmd_rm,
        "remove articles (notes stay as orphans)",
        "reader rm 3f2a",
        "reader rm --tag sample",
    )
    completing(
        p.add_argument("ids", nargs="*", metavar="ID", help="article id (any unique prefix)"), ids
    )
    completing(p.add_argument("--tag", help="remove every article with this tag"), tags)
    p.add_argument("--with-notes", action="store_true", help="delete their notes too")

    p = command(
        "edit",
        manage.cmd_edit,
        "correct title, date or source",
        'reader edit 3f2a --date 2024-05-02 --source "The Example Times"',
    )
    completing(p.add_argument("id", metavar="ID", help="article id (any unique prefix)"), ids)
    p.add_argument("--title", help="the new title")
    p.add_argument("--date", help="the new date (2024-05-02, 2 May 2024, ...)")
    p.add_argument("--source", help="the new source (empty clears it)")

    p = command(
        "reimport",
        manage.cmd_reimport,
        "re-clean kept originals, re-anchor notes",
        "reader reimport",
        "reader reimport 3f2a",
    )
    completing(
        p.add_argument("ids", nargs="*", metavar="ID", help="articles to reimport (default: all)"),
        ids,
    )
    p.add_argument(
        "--refetch",
        action="store_true",
        help="fetch each article's page again from its URL first; the id, tags and notes "
        "stay (e.g. reader reimport --refetch 3f2a)",
    )

    feeds.add_commands(sub, _library_option, parser.commands)

    correct.add_parsers(command)
    data.add_parsers(command)

    p = command(
        "doctor",
        manage.cmd_doctor,
        "check the library files (--repair: fix them)",
        "reader doctor",
        "reader doctor --repair",
    )
    p.add_argument(
        "--repair",
        action="store_true",
        help="set damaged files aside, rebuild a damaged index, drop stray folders",
    )
    p.add_argument(
        "--deep",
        action="store_true",
        help="also parse every analysis cache and check the search index in full (slow)",
    )

    p = command(
        "completion",
        complete.cmd_completion,
        "print the shell completion script for bash, zsh or fish",
        'eval "$(reader completion bash)"      # in ~/.bashrc',
        "reader completion fish > ~/.config/fish/completions/reader.fish",
    )
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help="your shell")
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
    from .output import report_damage

    try:
        code = handler(args, root)
    finally:
        damaged = report_damage()  # records left out: named after the rest was printed
    return max(code, damaged)


# Arguments that name files: any bytes the file system allows are fine there.
_PATH_ARGUMENTS = {"paths", "output", "file", "files", "jsonl", "library", "template"}


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
    import os

    if argv is None and "_ARGCOMPLETE" in os.environ:  # the shell asks for completions
        from .complete import autocomplete

        autocomplete(build_parser())  # prints them and exits
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
    except PathError as exc:
        err(f"error {exc}")
        return 1
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
    except ReaderError as exc:  # the core's one-line errors: something the user can act on
        err(f"reader: {exc}")
        return 1
    except Exception as exc:  # noqa: BLE001 - the promise: never a traceback; a bug says so
        err(f"reader: {bug_report(exc)}")
        return EXIT_BUG


EXIT_BUG = 70  # EX_SOFTWARE: an internal error, not the user's input


# The core's one-line errors, looked up only if their module was imported: an exception can't be
# of a class that was never loaded, and ``--version``/``--help`` must not pay for the store.
_USER_ERRORS = (
    ("reader.library.article_index", "LibraryError"),
    ("annotations.files", "StoreError"),
    ("annotations.storage", "StorageError"),
    ("reader.base.errors", "ReaderError"),  # the root of every user-facing error
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
