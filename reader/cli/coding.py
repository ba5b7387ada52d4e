"""``config``, ``codebook``, ``code``, ``agreement``: studies with several coders (issue 17)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from .output import (
    CLIError,
    PathError,
    UsageError,
    cell,
    console,
    err,
    file_reason,
    one_line,
    out,
    plural,
    print_json,
    table,
)
from .reading import open_library

QUOTE_ID = re.compile(r"^(?P<article>[0-9A-Za-z_-]{2,64}):(?P<start>\d+)-(?P<end>\d+)$")


def cmd_config(args: argparse.Namespace, root: Path) -> int:
    """``reader config coder [NAME]``: print or set who codes in this library."""
    from reader.library.settings import (
        SettingsError,
        clean_coder,
        configured_coder,
        save_setting,
        system_user,
    )

    if args.value is None:
        name = configured_coder(root)
        if name is None:
            out(
                f"coder: {one_line(system_user())} (the system user name; set yours with "
                "reader config coder NAME)"
            )
        else:
            out(f"coder: {one_line(name)}")
        return 0
    try:
        name = clean_coder(args.value)
        root.mkdir(parents=True, exist_ok=True)
        save_setting(root, "coder", name)
    except SettingsError as exc:
        raise CLIError(str(exc)) from None
    out(f"coder: {one_line(name)}")
    return 0


def _codebook_or_fail(library):
    from annotations.codebook import CodebookError

    try:
        book = library.codebook()
    except CodebookError as exc:
        raise PathError(*str(exc).split(": ", 1)) from None
    if book is None:
        raise CLIError("no codebook in this library (reader codebook import FILE)")
    return book


def cmd_codebook(args: argparse.Namespace, root: Path) -> int:
    """``reader codebook import FILE | show | check | done ID``."""
    action = args.action
    rest = list(args.rest)
    if action == "import":
        if len(rest) != 1:
            raise UsageError("usage: reader codebook import FILE")
        return _codebook_import(rest[0], root)
    if action == "done":
        if len(rest) != 1:
            raise UsageError("usage: reader codebook done ID [--undo]")
        library = open_library(root)
        article = library.resolve(rest[0])
        who = library.annotations.who()
        changed = library.annotations.set_done(article, not args.undo)
        state = "not done" if args.undo else "done"
        again = "" if changed else " (already)"
        out(f"{state} {article} (coder {one_line(who)}){again}")
        return 0
    if rest or args.undo:
        raise UsageError(f"usage: reader codebook {action}")
    library = open_library(root)
    book = _codebook_or_fail(library)
    if action == "show":
        if args.json:
            print_json(_book_json(book))
            return 0
        title = f"codebook {one_line(book.name)} " if book.name else "codebook "
        count = len(book.categories)
        out(
            f"{title}version {one_line(str(book.version))}: {count} "
            f"{'category' if count == 1 else 'categories'}"
        )
        t = table("category", "applies to", "definition", "examples")
        for c in book.categories:
            t.add_row(
                cell(c.name),
                cell(", ".join(c.applies_to)),
                cell(c.definition),
                cell("; ".join(c.examples)),
            )
        console().print(t)
        for s in book.sets:
            kind = "exclusive (one per unit)" if s.exclusive else "multi-valued"
            out(f"set {one_line(s.parent)}: {kind}")
        return 0
    # check
    from reader.library.coding import outside_codebook

    outside = outside_codebook(library)
    if args.json:
        print_json([{"tag": t, "count": n} for t, n in outside])
        return 1 if outside else 0
    if not outside:
        out("every tag in use is in the codebook")
        return 0
    for tag, count in outside:
        out(f"not in the codebook: {one_line(tag)} ({count})")
    return 1


def _book_json(book) -> dict:
    return {
        "version": book.version,
        "name": book.name,
        "categories": [
            {
                "name": c.name,
                "definition": c.definition,
                "examples": list(c.examples),
                "applies_to": list(c.applies_to),
            }
            for c in book.categories
        ],
        "sets": [{"parent": s.parent, "exclusive": s.exclusive} for s in book.sets],
    }


def _codebook_import(path: str, root: Path) -> int:
    from annotations.codebook import CodebookError, parse
    from reader.base.atomic import atomic_write_bytes

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PathError(path, file_reason(exc)) from None
    try:
        book = parse(data, path)
    except CodebookError as exc:
        raise CLIError(f"error {one_line(str(exc))}") from None
    library = open_library(root)
    root.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(library.codebook_path(), data)
    count = len(book.categories)
    out(
        f"codebook version {one_line(str(book.version))}: {count} "
        f"{'category' if count == 1 else 'categories'}, {plural(len(book.sets), 'set')}"
    )
    return 0


def cmd_code(args: argparse.Namespace, root: Path) -> int:
    """``reader code ID TAG [--passage TEXT | --quote QUOTE]`` as the current coder."""
    from annotations.tags import TagError, clean_tag

    if args.passage is not None and args.quote is not None:
        raise UsageError("give --passage or --quote, not both")
    library = open_library(root)
    article = library.resolve(args.id)
    try:
        tag = clean_tag(one_line(args.tag))
    except TagError as exc:
        raise CLIError(str(exc)) from None
    store = library.annotations
    unit = (
        "quote" if args.quote is not None else "passage" if args.passage is not None else "article"
    )
    _warn_outside(library, tag, unit)
    who = store.who()
    if unit == "article":
        store.tag_article(article, [tag])
        out(f"coded {article} {one_line(tag)} (coder {one_line(who)})")
        return 0
    from annotations.anchors import PassageError, find_passage, make_anchor

    body = library.text(article)
    quote = None
    if unit == "quote":
        quote, start, end = _find_quote(library, article, args.quote)
    else:
        try:
            start, end = find_passage(body, args.passage)
        except PassageError as exc:
            raise CLIError(f"article {article}: {exc}") from None
    note = store.add_note(
        article, "", passage=make_anchor(body, start, end), tags=[tag], quote=quote
    )
    out(f"coded {note.id} {one_line(tag)} (coder {one_line(who)})")
    return 0


def _find_quote(library, article: str, wanted: str) -> tuple[str, int, int]:
    """The quotation ``ARTICLE:START-END`` (as ``reader quotes`` names it) in the article's
    analysis; ``error QUOTE: REASON`` when there is none."""
    found = QUOTE_ID.match(wanted.strip())
    if not found:
        raise PathError(wanted, "not a quote id (ARTICLE:START-END)")
    if found["article"] != article:
        raise PathError(wanted, f"is a quote of article {found['article']}, not of {article}")
    start, end = int(found["start"]), int(found["end"])
    for q in library.analysis(article).quotes:
        if (
            q.start == start
            and q.end == end
            and q.kind != "term"
            and not getattr(q, "relay", False)
        ):
            return wanted.strip(), start, end
    raise PathError(wanted, "no quotation with this span in the article")


def _warn_outside(library, tag: str, unit: str) -> None:
    """A code outside the codebook (or on a unit its category does not apply to) is applied,
    with a warning on stderr."""
    from annotations.codebook import CodebookError

    try:
        book = library.codebook()
    except CodebookError as exc:
        err(f"warning: {one_line(str(exc))}")
        return
    if book is None:
        return
    category = book.category(tag)
    if category is None:
        err(f"warning: {one_line(tag)} is not in the codebook")
    elif unit not in category.applies_to:
        err(
            f"warning: {one_line(tag)} applies to {', '.join(category.applies_to)} "
            f"in the codebook, not to a {unit}"
        )


def cmd_agreement(args: argparse.Namespace, root: Path) -> int:
    """``reader agreement [--tag-set PARENT] [--unit ...] [--coders A,B] [--format ...]``."""
    from annotations.codebook import CodebookError
    from reader.library.coding import CodingError, agreement

    library = open_library(root)
    coders = [c for c in (args.coders or "").split(",") if c.strip()] or None
    try:
        result = agreement(library, unit=args.unit, tag_set=args.tag_set, coders=coders)
    except CodebookError as exc:
        raise PathError(*str(exc).split(": ", 1)) from None
    except CodingError as exc:
        raise CLIError(str(exc)) from None
    if args.format == "json":
        print_json(result.to_json())
        return 0
    method = (
        "nominal alpha over the exclusive set"
        if result.overall["method"] == "nominal"
        else "mean of the categories' alphas"
    )
    out(
        f"agreement of {', '.join(one_line(c) for c in result.coders)} on "
        f"{plural(result.overall['units'], result.unit)} coded by all"
        + (
            f" ({result.left_out} more left out: not coded by every coder)"
            if result.left_out
            else ""
        )
    )
    t = table("category", "alpha", "agreement", "units")
    for row in result.categories:
        t.add_row(
            cell(row["tag"]),
            cell(_alpha(row["alpha"])),
            cell(_share(row["agreement"])),
            cell(row["units"]),
        )
    overall = result.overall
    t.add_row(
        cell(f"overall ({method})"),
        cell(_alpha(overall["alpha"])),
        cell(_share(overall["agreement"])),
        cell(overall["units"]),
    )
    console().print(t)
    return 0


def _alpha(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _share(value: float) -> str:
    return f"{100 * value:.1f} %"
