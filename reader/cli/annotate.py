"""``tag``, ``untag``, ``note``, ``notes``, ``tags``: the user's own work, via AnnotationStore."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.base.text import strip_control

from .output import (
    CLIError,
    UsageError,
    cell,
    console,
    err,
    one_line,
    out,
    print_json,
    report_unreadable,
    table,
)
from .reading import open_library


def clean_tags(tags: list[str]) -> list[str]:
    """Tags as stored: control sequences out, whitespace collapsed; anything else is the
    user's data (a bidi mark in a tag is kept, and shown as a mark)."""
    cleaned = [" ".join(strip_control(t).split()).strip("/ ") for t in tags]
    if not all(cleaned):
        raise CLIError("a tag cannot be empty")
    return cleaned


def cmd_tag(args: argparse.Namespace, root: Path, *, remove: bool = False) -> int:
    """``reader tag`` (and, with ``remove``, ``reader untag``): prints the tags afterwards."""
    library = open_library(root)
    article = library.resolve(args.id)
    wanted = clean_tags(args.tags)
    if remove:
        had = {t.casefold() for t in library.annotations.article_tags(article)}
        absent = [t for t in wanted if t.casefold() not in had]
        tags = library.annotations.untag_article(article, wanted)
        if absent:  # not an error (the wanted state holds), but never silent
            err(f"not tagged: {', '.join(absent)}")
        left = {t.casefold() for t in tags}
        kept = [t for t in wanted if t.casefold() in left]
        if kept:  # a colleague's code stays: only they take it back
            by = sorted(
                {
                    c.coder
                    for c in library.annotations.article_codes(article)
                    if c.tag.casefold() in {k.casefold() for k in kept}
                }
            )
            err(f"still tagged by other coders ({', '.join(by)}): {', '.join(kept)}")
    else:
        tags = library.annotations.tag_article(article, wanted)
    out(f"tags {article}: {', '.join(one_line(t) for t in tags)}")
    return 0


def cmd_untag(args: argparse.Namespace, root: Path) -> int:
    return cmd_tag(args, root, remove=True)


def cmd_note(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    store = library.annotations
    if args.edit and args.delete:
        raise UsageError("give --edit or --delete, not both")
    if args.delete:
        if args.args or args.passage or args.note_tags:
            raise UsageError("note --delete takes only the NOTE_ID")
        store.delete_note(args.delete)
        out(f"deleted {args.delete}")
        return 0
    if args.edit:
        if len(args.args) > 1 or args.passage:
            raise UsageError("usage: reader note --edit NOTE_ID TEXT [--tag TAG]")
        if not args.args and not args.note_tags:
            raise UsageError("note --edit needs the new TEXT (or --tag)")
        text = args.args[0] if args.args else None
        note = store.edit_note(args.edit, text=text, tags=args.note_tags or None)
        out(f"edited {note.id}")
        return 0
    if len(args.args) != 2:
        raise UsageError("usage: reader note ID TEXT [--passage EXACT_TEXT]")
    article = library.resolve(args.args[0])
    text = args.args[1]
    anchor = None
    if args.passage is not None:
        from annotations.anchors import PassageError, find_passage, make_anchor

        body = library.text(article)
        try:
            start, end = find_passage(body, args.passage)
        except PassageError as exc:
            raise CLIError(f"article {article}: {exc}") from None
        anchor = make_anchor(body, start, end)
    elif not text.strip():
        raise CLIError("the note is empty")
    note = store.add_note(article, text, passage=anchor, tags=clean_tags(args.note_tags))
    out(f"noted {note.id}")
    return 0


def select_notes(library, article_prefix: str | None, tag: str | None) -> list:
    """Notes of one article and/or with a tag (or on an article with it), oldest first."""
    from reader.library.store import LibraryError

    store = library.annotations
    article = None
    if article_prefix is not None:
        try:
            article = library.resolve(article_prefix)
        except LibraryError:  # a removed article's orphan notes are still listed
            owners = {n.article for n in store.notes() if n.article.startswith(article_prefix)}
            if len(owners) != 1:
                raise
            article = owners.pop()
    if tag is None:
        notes = store.notes(article=article)
    else:
        tagged_articles = library.tagged_ids(tag)
        notes = [n for n in store.notes(article=article) if n.article in tagged_articles]
        seen = {n.id for n in notes}
        notes += [n for n in store.notes(article=article, tag=tag) if n.id not in seen]
    return sorted(notes, key=lambda n: (n.created, n.id))


def cmd_notes(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    notes = select_notes(library, args.id, args.tag)
    # library-wide listings skip files that can't be read: name them, and fail (exit 1), so a
    # damaged file never passes for "no notes" (one article's own is an error of its own)
    problems = library.annotations.problems() if args.id is None else {}
    if args.json:
        print_json([n.to_json() for n in notes])
        return report_unreadable(problems)
    if not notes:
        out("no notes")
        return report_unreadable(problems)
    t = table("note", "article", "passage", "note text", "tags")
    for n in notes:
        passage = n.passage.exact if n.passage else ""
        if n.orphan:
            passage = "(orphan) " + passage
        t.add_row(
            cell(n.id), cell(n.article), cell(passage[:60]), cell(n.text), cell(", ".join(n.tags))
        )
    console().print(t)
    return report_unreadable(problems)


def cmd_tags(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    store = library.annotations
    if args.rename:
        old, new = clean_tags(list(args.rename))
        changed = store.rename_tag(old, new)
        if not changed:
            raise CLIError(f"no tag {old}")
        out(f"renamed {old} to {new} ({changed} changed)")
        return 0
    rows = tag_rows(store.tag_counts())
    problems = store.problems()  # their tags are not counted: say so
    if args.json:
        print_json(rows)
        return report_unreadable(problems)
    if not rows:
        out("no tags")
        return report_unreadable(problems)
    t = table("tag", "count", "total")
    for row in rows:
        t.add_row(cell(row["tag"]), cell(row["count"]), cell(row["total"]))
    console().print(t)
    return report_unreadable(problems)


def tag_rows(counts: dict[str, int]) -> list[dict]:
    """Every tag and every parent of one (``frame`` for ``frame/war``), sorted without case:
    ``count`` = articles and notes carrying the tag itself (0 for a parent nobody used alone),
    ``total`` = the same with its children included."""
    spelling: dict[str, str] = {}
    own: dict[str, int] = {}
    total: dict[str, int] = {}
    for tag, n in counts.items():
        parts = tag.split("/")
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth]).casefold()
            spelling.setdefault(key, "/".join(parts[:depth]))
            total[key] = total.get(key, 0) + n
        own[tag.casefold()] = own.get(tag.casefold(), 0) + n
        spelling[tag.casefold()] = tag  # the tag's own spelling wins over a child's
    return [
        {"tag": spelling[key], "count": own.get(key, 0), "total": total[key]}
        for key in sorted(spelling, key=lambda k: spelling[k].casefold())
    ]
