"""``reader feed add|list|rm|update|import|export``: subscriptions and their updates.

Lines scripts read: ``added FEED_ID URL`` (``exists FEED_ID URL`` for a URL already subscribed),
``removed FEED_ID URL``, and from ``update`` the import lines (``imported ID TITLE`` /
``duplicate ID TITLE``) on stdout with ``error URL: REASON`` / ``error HOST: REASON`` on stderr.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .output import CLIError, cell, console, err, one_line, out, plural, print_json

EXAMPLES_UPDATE = """examples:
  reader feed update                     every feed
  reader feed update 3fa2 https://example.org/feed.xml   two feeds (id prefix, or URL)
  reader feed update --delay 2           gentler: 2 s between requests to one host"""


def add_commands(
    sub: Any,
    library_option: Callable[[argparse.ArgumentParser], None],
    registry: dict[str, argparse.ArgumentParser],
) -> None:
    """The ``feed`` command and its subcommands, on the main parser's subparsers (each also
    entered in ``registry``, by its full name: ``feed``, ``feed add``, ...)."""
    text = "follow feeds (RSS, Atom, JSON Feed): add, list, rm, update, import, export"
    feed = sub.add_parser(
        "feed",
        help=text,
        description=text + ". Without a network every command but update works on what is stored.",
        epilog="examples:\n  reader feed add https://example.org/feed.xml --tag climate\n"
        "  reader feed update\n  reader feed list --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    library_option(feed)
    feed.set_defaults(handler=_missing)
    registry["feed"] = feed
    commands = feed.add_subparsers(dest="feed_command", metavar="SUBCOMMAND")

    def command(name: str, handler, help_text: str, epilog: str | None = None):
        p = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        library_option(p)
        p.set_defaults(handler=handler)
        registry[f"feed {name}"] = p
        return p

    p = command(
        "add",
        cmd_add,
        "subscribe to feeds (nothing is fetched until update); prints added FEED_ID URL",
        "examples:\n  reader feed add https://example.org/feed.xml --tag outlet/example",
    )
    p.add_argument("urls", nargs="+", metavar="URL", help="the feed's address (http or https)")
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        dest="tags",
        metavar="TAG",
        help="tag every article this feed brings (repeat for more; e.g. --tag climate)",
    )

    p = command(
        "list",
        cmd_list,
        "the feeds, with their last update and how many articles each brought",
        "examples:\n  reader feed list --json",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="one object per feed: id, url, title, tags, last_update, last_status, entries, "
        "articles (e.g. reader feed list --json)",
    )

    p = command(
        "rm",
        cmd_rm,
        "unsubscribe (the articles stay in the library)",
        "examples:\n  reader feed rm 3fa2",
    )
    p.add_argument("feeds", nargs="+", metavar="FEED", help="a feed id, a unique prefix, or URL")

    p = command(
        "update",
        cmd_update,
        "fetch the feeds and import each new entry's page; prints imported/duplicate lines",
        EXAMPLES_UPDATE,
    )
    p.add_argument(
        "feeds", nargs="*", metavar="FEED", help="feed ids, prefixes or URLs (default: all)"
    )
    p.add_argument(
        "--delay",
        type=_non_negative,
        default=0.5,
        metavar="SECONDS",
        help="seconds between two requests to one host (default 0.5; e.g. --delay 2)",
    )
    p.add_argument(
        "--per-host",
        type=_positive_int,
        default=2,
        metavar="N",
        help="requests at once to one host (default 2; e.g. --per-host 1)",
    )
    p.add_argument(
        "--timeout",
        type=_positive,
        default=20.0,
        metavar="SECONDS",
        help="give up on a request after this long (default 20; e.g. --timeout 60)",
    )
    p.add_argument(
        "--max-size",
        type=_positive,
        default=10.0,
        metavar="MB",
        help="refuse pages larger than this (default 10; e.g. --max-size 2)",
    )
    p.add_argument(
        "--retries",
        type=_non_negative_int,
        default=2,
        metavar="N",
        help="retries after a 429 or 5xx answer, honouring Retry-After (default 2; e.g. "
        "--retries 0)",
    )

    p = command(
        "import",
        cmd_import_opml,
        "subscribe to every feed in an OPML file (folders and categories become tags)",
        "examples:\n  reader feed import subscriptions.opml",
    )
    p.add_argument("file", metavar="FILE.opml", help="an OPML file exported by a feed reader")

    p = command(
        "export",
        cmd_export_opml,
        "write the subscriptions as OPML (tags in the category attribute)",
        "examples:\n  reader feed export feeds.opml\n  reader feed export - | less",
    )
    p.add_argument("file", metavar="FILE.opml", help="where to write it; - for stdout")


def politeness_from(args: argparse.Namespace):
    from reader.fetching.http import Politeness

    return Politeness(
        per_host=args.per_host,
        delay=args.delay,
        timeout=args.timeout,
        max_bytes=int(args.max_size * 1024 * 1024),
        retries=args.retries,
    )


def _missing(args: argparse.Namespace, root: Path) -> int:
    from .output import UsageError

    raise UsageError(
        "feed needs a subcommand: add, list, rm, update, import or export (see: reader feed --help)"
    )


def _store(root: Path):
    from reader.library.feeds import FeedStore

    return FeedStore(root)


def cmd_add(args: argparse.Namespace, root: Path) -> int:
    from reader.library.feeds import FeedStoreError, check_feed_url, clean_tags

    clean_tags(args.tags)  # a bad tag fails before anything is written
    failed = False
    store = _store(root)
    for url in args.urls:
        try:
            check_feed_url(url)
        except FeedStoreError as exc:
            err(f"error {one_line(url)}: {one_line(str(exc).partition(': ')[2] or str(exc))}")
            failed = True
            continue
        feed, new = store.add(url, args.tags)
        out(f"{'added' if new else 'exists'} {feed.id} {one_line(feed.url)}")
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace, root: Path) -> int:
    from reader.library.feeds import feed_rows

    rows = feed_rows(root)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        out("no feeds (add one: reader feed add URL)")
        return 0
    from rich.table import Table

    t = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in ("id", "title", "tags", "updated", "status", "articles"):
        t.add_column(name, overflow="fold", justify="right" if name == "articles" else "left")
    for r in rows:
        status = r["last_status"] or "never updated"
        if r["error"]:
            status += f": {r['error']}"
        t.add_row(
            cell(r["id"]),
            cell(r["title"] or r["url"]),
            cell(", ".join(r["tags"])),
            cell((r["last_update"] or "")[:16].replace("T", " ")),
            cell(status),
            cell(r["articles"]),
        )
    console().print(t)
    return 0


def cmd_rm(args: argparse.Namespace, root: Path) -> int:
    store = _store(root)
    chosen = [store.resolve(f) for f in args.feeds]  # every one checked before any is removed
    for feed in chosen:
        store.remove(feed.id)
        out(f"removed {feed.id} {one_line(feed.url)}")
    return 0


def cmd_update(args: argparse.Namespace, root: Path) -> int:
    from reader.library.feed_update import update_feeds
    from reader.library.models import ImportOutcome
    from reader.library.store import Library

    from .importing import TerminalProgress, ctrl_c_cancels

    store = _store(root)
    chosen = [store.resolve(f) for f in args.feeds] if args.feeds else store.feeds()
    chosen = list({f.id: f for f in chosen}.values())
    if not chosen:
        out("no feeds to update (add one: reader feed add URL)")
        return 0
    library = Library(root, create=True)
    progress = TerminalProgress()

    def on_result(outcome: ImportOutcome) -> None:
        if outcome.meta is not None:  # errors come through on_error, once each
            progress.clear()
            out(f"{outcome.status} {outcome.meta.id} {one_line(outcome.meta.title)}")
            sys.stdout.flush()

    def on_error(where: str, reason: str) -> None:
        progress.clear()
        err(f"error {one_line(where)}: {one_line(reason)}")

    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        report = update_feeds(
            library,
            chosen,
            politeness=politeness_from(args),
            on_result=on_result,
            on_error=on_error,
            on_progress=progress.update,
            cancel=cancel,
        )
    progress.clear()
    if report.cancelled:
        err(f"reader: interrupted; {report.imported_count} imported before it are kept")
        return 130
    if sys.stderr.isatty():
        err(
            f"reader: {plural(len(chosen), 'feed')} updated: {report.imported_count} new, "
            f"{plural(len(report.failed_feeds), 'feed')} failed"
        )
    return 1 if report.failed_feeds else 0


def cmd_import_opml(args: argparse.Namespace, root: Path) -> int:
    from reader.fetching.opml import OPMLError, read_opml
    from reader.library.feeds import FeedStoreError

    path = Path(args.file)
    try:
        subscriptions = read_opml(path.read_bytes())
    except OSError as exc:
        raise CLIError(f"{path}: {exc.strerror or exc}") from None
    except OPMLError as exc:
        raise CLIError(f"{path}: {exc}") from None
    if not subscriptions:
        raise CLIError(f"{path}: no feeds in it (no outline with an xmlUrl)")
    store = _store(root)
    failed = False
    for sub in subscriptions:
        try:
            feed, new = store.add(sub.url, sub.tags, title=sub.title)
        except FeedStoreError as exc:
            reason = str(exc)
            if reason.startswith(sub.url + ": "):
                reason = reason[len(sub.url) + 2 :]
            err(f"error {one_line(sub.url)}: {one_line(reason)}")
            failed = True
            continue
        out(f"{'added' if new else 'exists'} {feed.id} {one_line(feed.url)}")
    return 1 if failed else 0


def cmd_export_opml(args: argparse.Namespace, root: Path) -> int:
    from reader.fetching.opml import Subscription, write_opml

    feeds = _store(root).feeds()
    data = write_opml([Subscription(f.url, f.title, list(f.tags)) for f in feeds])
    if args.file == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from reader.base.atomic import atomic_write_bytes

    path = Path(args.file)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise CLIError(f"{path}: {exc.strerror or exc}") from None
    err(f"exported {plural(len(feeds), 'feed')} to {one_line(str(path))}")
    return 0


def _number(kind, check, what: str):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text}") from None
        if not check(value):
            raise argparse.ArgumentTypeError(f"must be {what}: {text}")
        return value

    return parse


_positive = _number(float, lambda v: 0 < v < 1e6, "more than 0")
_non_negative = _number(float, lambda v: 0 <= v < 1e6, "0 or more")
_positive_int = _number(int, lambda v: v >= 1, "1 or more")
_non_negative_int = _number(int, lambda v: v >= 0, "0 or more")
