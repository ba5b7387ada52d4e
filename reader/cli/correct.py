"""``reader quote confirm|reject|set|reset|add`` and ``reader actor merge|set``: correcting the
analysis. Each prints one line and exits 0; an unknown quote or actor is ``error ID: REASON``
on stderr and exit 1."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .output import UsageError, err, one_line, out
from .reading import open_library

QUOTE_KINDS = (
    "direct",
    "indirect",
    "indirect_free_indirect",
    "free_indirect",
    "reported",
    "term",
)
ACTOR_TYPES = ("person", "organisation", "country", "place", "other", "none")


def add_parsers(command: Any) -> None:
    """Register ``quote`` and ``actor`` (``command(name, handler, help)`` makes a subparser
    with the library option, as reader/cli/main.py does for every command)."""
    p = command(
        "quote",
        cmd_quote,
        "correct one quotation: confirm, reject, set, reset, add (ids: reader quotes)",
        "reader quote confirm 3f2a9c01:120-188",
        'reader quote set 3f2a9c01:120-188 --speaker "Jens Stoltenberg" --kind indirect',
        'reader quote add 3f2a --passage "the exact words" --speaker "Anna Berg"',
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (
        ("confirm", "the quotation is right as found"),
        ("reject", "it is not a quotation"),
        ("reset", "back to what the analysis found (an added quote is removed)"),
    ):
        a = _action(actions, name, text, f"reader quote {name} 3f2a9c01:120-188")
        a.add_argument("quote", metavar="QUOTE", help=QUOTE_HELP)
    a = _action(
        actions,
        "set",
        "set its speaker, kind or bounds",
        'reader quote set 3f2a9c01:120-188 --speaker "Anna Berg"',
        "reader quote set 3f2a9c01:120-188 --kind reported --start 120 --end 201",
    )
    a.add_argument("quote", metavar="QUOTE", help=QUOTE_HELP)
    a.add_argument("--speaker", metavar="NAME", help='an actor name or any name ("" for none)')
    a.add_argument("--kind", choices=QUOTE_KINDS, help="its kind")
    a.add_argument("--start", type=int, metavar="N", help="new bounds: offset into the text")
    a.add_argument("--end", type=int, metavar="N", help="new bounds: end offset (with --start)")
    a = _action(
        actions,
        "add",
        "add a quotation the analysis missed; prints its id",
        'reader quote add 3f2a --passage "the exact words" --speaker "Anna Berg" --kind direct',
    )
    a.add_argument("article", metavar="ARTICLE", help="article id (any unique prefix)")
    a.add_argument("--passage", required=True, metavar="TEXT", help="its exact text")
    a.add_argument("--speaker", metavar="NAME", help="an actor name or any name")
    a.add_argument("--kind", choices=QUOTE_KINDS, help="its kind (default: direct in marks)")
    a = _action(
        actions,
        "orphans",
        "corrections whose text is no longer in the article (kept, never applied)",
        "reader quote orphans",
    )
    a.add_argument("article", nargs="?", metavar="ARTICLE", help="only this article")

    p = command(
        "reanalyze",
        cmd_reanalyze,
        "re-analyse articles whose analysis is from an older analyzer (corrections re-applied)",
        "reader reanalyze",
        "reader reanalyze 3f2a --all",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="these articles (default: the stale ones)")
    p.add_argument("--all", action="store_true", help="every article, current or not")

    p = command(
        "actor",
        cmd_actor,
        "correct actors: merge two, rename one, set its type (ids: reader actors)",
        "reader actor merge --everywhere jens-stoltenberg stoltenberg",
        "reader actor set 3f2a nato-chef --type none",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = _action(
        actions,
        "merge",
        "merge OTHER into KEEP in one article, or --everywhere (the alias table)",
        "reader actor merge 3f2a jens-stoltenberg der-nato-chef",
        "reader actor merge --everywhere jens-stoltenberg stoltenberg",
        usage="reader actor merge (ARTICLE | --everywhere) KEEP OTHER",
    )
    a.add_argument(
        "actors", nargs="+", metavar="ARTICLE KEEP OTHER", help="ids as in reader actors"
    )
    a.add_argument(
        "--everywhere", action="store_true", help="across the library, later imports too"
    )
    a = _action(
        actions,
        "set",
        "rename an actor or set its type, in one article or (no ARTICLE) everywhere",
        'reader actor set jens-stoltenberg --name "Jens Stoltenberg" --type person',
        "reader actor set 3f2a billionen-tonnen --type none",
        usage="reader actor set [ARTICLE] ACTOR [--name N] [--type TYPE]",
    )
    a.add_argument("actors", nargs="+", metavar="[ARTICLE] ACTOR", help="ids as in reader actors")
    a.add_argument("--name", metavar="N", help="its name")
    a.add_argument(
        "--type", dest="actor_type", choices=ACTOR_TYPES, help="its type (none: no actor)"
    )


QUOTE_HELP = "its id, as in the quote column of reader quotes (ARTICLE:START-END)"


def _action(actions: Any, name: str, text: str, *examples: str, **options: Any) -> Any:
    """A sub-command of ``quote`` or ``actor``: help, examples, the library option."""
    parser = actions.add_parser(
        name,
        help=text,
        description=text,
        epilog="examples:\n" + "\n".join(f"  {line}" for line in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **options,
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $READER_HOME, else the user data folder)",
    )
    if name != "orphans":
        parser.add_argument(
            "--coder",
            metavar="final",
            help="record it as the adjudicated (final) correction; otherwise it is yours",
        )
    return parser


def _coder(library: Any, args: argparse.Namespace) -> str | None:
    """``--coder``: only ``final`` (adjudication) or your own name; a correction is never made
    in a colleague's name."""
    name = getattr(args, "coder", None)
    if name is None:
        return None
    from annotations.coding import FINAL

    who = library.annotations.who()
    if name.strip() in (FINAL, who):
        return name.strip()
    raise UsageError(
        f"--coder takes only {FINAL} (adjudicated corrections); you correct as "
        f"{one_line(who)} (reader config coder NAME)"
    )


def _failed(exc: Exception) -> int:
    subject = one_line(getattr(exc, "subject", "") or "")
    reason = one_line(getattr(exc, "reason", "") or str(exc))
    err(f"error {subject}: {reason}" if subject else f"error: {reason}")
    return 1


def cmd_quote(args: argparse.Namespace, root: Path) -> int:
    from reader.library import correct

    library = open_library(root)
    action = args.action
    coder = _coder(library, args)
    try:
        if action == "orphans":
            return _orphans(library, args.article)
        if action == "confirm":
            out(f"confirmed {correct.confirm(library, args.quote, coder=coder)}")
        elif action == "reject":
            out(f"rejected {correct.reject(library, args.quote, coder=coder)}")
        elif action == "reset":
            out(f"reset {correct.reset(library, args.quote, coder=coder)}")
        elif action == "set":
            if (
                args.speaker is None
                and args.kind is None
                and args.start is None
                and args.end is None
            ):
                raise UsageError("quote set needs --speaker, --kind or --start/--end")
            if (args.start is None) != (args.end is None):
                raise UsageError("give --start and --end together")
            quote = correct.set_quote(
                library,
                args.quote,
                speaker=args.speaker,
                kind=args.kind,
                start=args.start,
                end=args.end,
                coder=coder,
            )
            out(f"corrected {quote}")
        elif action == "add":
            quote = correct.add_quote(
                library,
                args.article,
                passage=args.passage,
                speaker=args.speaker,
                kind=args.kind,
                coder=coder,
            )
            out(f"added {quote}")
    except correct.CorrectionFailed as exc:
        return _failed(exc)
    return 0


def _orphans(library: Any, article: str | None) -> int:
    """One line per orphaned correction, every coder's:
    ``orphan QUOTE STATUS «TEXT» (coder NAME)``."""
    from reader.library.article_index import LibraryError

    store = library.annotations
    if article is not None:
        try:
            articles = [library.resolve(article)]
        except LibraryError as exc:
            err(f"error {one_line(article)}: {one_line(str(exc))}")
            return 1
    else:
        articles = sorted(store.corrected_articles())
    count = 0
    for name in articles:
        for fix in store.quote_corrections(name):
            if fix.orphan:
                count += 1
                out(
                    f"orphan {fix.id} {fix.status} «{one_line(fix.anchor.exact)[:80]}» "
                    f"(coder {one_line(fix.coder)})"  # every coder's: each one is kept
                )
    if not count:
        out("no orphaned corrections")
    return 0


def cmd_actor(args: argparse.Namespace, root: Path) -> int:
    from reader.library import correct

    library = open_library(root)
    names = list(args.actors)
    coder = _coder(library, args)
    try:
        if args.action == "merge":
            if args.everywhere:
                if len(names) != 2:
                    raise UsageError("usage: reader actor merge --everywhere KEEP OTHER")
                article, (keep, other) = None, names
            else:
                if len(names) != 3:
                    raise UsageError(
                        "usage: reader actor merge (ARTICLE | --everywhere) KEEP OTHER"
                    )
                article, keep, other = names
            where = correct.merge_actors(library, article, keep, other, coder=coder)
            out(f"merged {other} into {keep} {_where(where)}")
            return 0
        if len(names) > 2:
            raise UsageError("usage: reader actor set [ARTICLE] ACTOR [--name N] [--type TYPE]")
        if args.name is None and args.actor_type is None:
            raise UsageError("actor set needs --name or --type")
        article, actor = (names[0], names[1]) if len(names) == 2 else (None, names[0])
        where = correct.set_actor(
            library, article, actor, name=args.name, kind=args.actor_type, coder=coder
        )
        done = []
        if args.name is not None:
            done.append(f"name {one_line(args.name)}")
        if args.actor_type is not None:
            done.append(f"type {args.actor_type}")
        out(f"set {actor} {', '.join(done)} {_where(where)}")
    except correct.CorrectionFailed as exc:
        return _failed(exc)
    return 0


def _where(where: str) -> str:
    return "everywhere" if where == "everywhere" else f"in {where}"


def cmd_reanalyze(args: argparse.Namespace, root: Path) -> int:
    """``reanalysed ID QUOTES`` per article (``error ID: REASON`` on stderr), then a count."""
    from .output import plural

    library = open_library(root)
    failed = 0

    def report(result: Any) -> None:
        nonlocal failed
        if result.error:
            failed += 1
            err(f"error {result.id}: {one_line(result.error)}")
        else:
            out(f"reanalysed {result.id} {plural(result.quotes, 'quote')}")

    results = library.reanalyze(args.ids or None, force=args.all, on_result=report)
    if not results:
        out("every analysis is current")
    return 1 if failed else 0
