"""Managing the library: ``rm``, ``edit``, ``reimport``, ``doctor``."""

from __future__ import annotations

import argparse
from pathlib import Path

from .output import UsageError, err, one_line, out, plural
from .reading import open_library


def cmd_rm(args: argparse.Namespace, root: Path) -> int:
    if not args.ids and args.tag is None:
        raise UsageError("nothing to remove: give ID... or --tag TAG (see: reader rm --help)")
    library = open_library(root)
    metas = [library.get(i) for i in args.ids]  # every id checked before anything is removed
    if args.tag is not None:
        chosen = {m.id for m in metas}
        metas += [m for m in library.articles(tag=args.tag) if m.id not in chosen]
        if not metas:
            out(f"no articles tagged {one_line(args.tag)}")
            return 0
    library.remove([m.id for m in metas], with_notes=args.with_notes)
    for meta in metas:
        out(f"removed {meta.id} {one_line(meta.title)}")
    return 0


def cmd_edit(args: argparse.Namespace, root: Path) -> int:
    changes = {k: getattr(args, k) for k in ("title", "date", "source")}
    if all(v is None for v in changes.values()):
        raise UsageError("nothing to edit: give --title, --date or --source")
    if changes["date"] and changes["date"].strip():
        from reader.importing.importer import parse_date

        if parse_date(" ".join(changes["date"].split())) is None:  # bad usage: exit 2
            raise UsageError(f"not a date: {one_line(changes['date'])} (see: reader edit --help)")
    library = open_library(root)
    meta = library.edit(args.id, **changes)
    out(f"edited {meta.id} {one_line(meta.title)}")
    return 0


def cmd_reimport(args: argparse.Namespace, root: Path) -> int:
    library = open_library(root)
    failed = False

    def report(result) -> None:
        nonlocal failed
        if result.error:
            failed = True
            err(f"error {result.id}: {one_line(result.error)}")
            return
        extra = f" ({plural(result.orphans, 'note')} orphaned)" if result.orphans else ""
        state = "reimported" if result.changed else "unchanged"
        out(f"{state} {result.id} {one_line(result.title)}{extra}")

    library.reimport(args.ids or None, on_result=report, refetch=args.refetch)
    return 1 if failed else 0


def cmd_doctor(args: argparse.Namespace, root: Path) -> int:
    from reader.library.doctor import check_library

    if not root.exists():
        out(f"no library at {root} (nothing to check)")
        return 0
    if args.repair:
        from reader.library.doctor import repair_library

        for line in repair_library(root):
            out(line)
    report = check_library(root, deep=args.deep)
    for line in report.lines:
        out(line)
    for problem in report.problems:
        err(f"problem {problem}")
    if report.problems:
        hint = "" if args.repair else " (reader doctor --repair sets damaged files aside)"
        err(f"reader: {plural(len(report.problems), 'problem')} in {root}{hint}")
        return 1
    out(f"library OK: {plural(report.articles, 'article')}, {plural(report.notes, 'note')}")
    return 0
