"""``reader export`` and ``reader import-annotations`` (the formats: annotations.exporters)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from .output import CLIError, PathError, UsageError, file_reason, one_line, out, plural
from .reading import open_library


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    from annotations import exporters
    from reader.library.export import collect_export

    library = open_library(root)
    articles = collect_export(library, args.ids, args.tag, quotes=args.quotes)
    if args.annotated:  # only what the user worked on
        articles = [a for a in articles if a.notes or a.tags]
    exporter = exporters.by_name(args.format)
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    target = None if args.output == "-" else args.output  # -o - is stdout, as usual
    to_folder = target is not None and (target.endswith(("/", "\\")) or Path(target).is_dir())
    if to_folder:
        if exporter.write_folder is None:
            raise UsageError(
                f"--format {exporter.name} writes one file: give -o FILE, not a folder"
            )
        try:
            written = exporter.write_folder(
                articles, Path(target), exported=exported, quotes=args.quotes
            )
        except (OSError, ValueError) as exc:
            raise CLIError(f"cannot write to {target}: {exc}") from None
        out(f"wrote {plural(len(written) - 1, 'article')} and an index to {one_line(target)}")
        return 0
    title = f"reader export: {args.tag}" if args.tag else "reader export"
    text = exporter.render(articles, exported=exported, quotes=args.quotes, title=title)
    return _emit(text, target)


def _emit(text: str, target: str | None) -> int:
    if target is None:
        sys.stdout.write(text)
        return 0
    from annotations.storage import atomic_write_bytes

    path = Path(target)
    if not path.parent.is_dir():
        raise CLIError(f"cannot write {target}: folder {path.parent} does not exist")
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as exc:
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}") from None
    out(f"wrote {one_line(target)}")
    return 0


def cmd_import_annotations(args: argparse.Namespace, root: Path) -> int:
    from annotations.export import ImportError_, merge_json

    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        raise PathError(args.file, file_reason(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PathError(args.file, "not valid JSON") from None
    library = open_library(root)
    try:
        totals = merge_json(library.annotations, data)
    except ImportError_ as exc:
        raise PathError(args.file, str(exc)) from None
    out(
        f"merged {plural(totals['articles'], 'article')}: {plural(totals['added'], 'note')} added, "
        f"{totals['updated']} updated, {totals['skipped']} already there"
    )
    return 0
