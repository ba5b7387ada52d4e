"""``reader export`` and ``reader import-annotations`` (the formats: annotations.exporters)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from reader.base.text import for_terminal

from .output import CLIError, PathError, UsageError, err, file_reason, one_line, out, plural
from .reading import open_library


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    from annotations import exporters
    from annotations.templating import TemplateError
    from reader.library.export import collect_export

    if getattr(args, "show_template", False):
        from annotations.templating import default_template

        sys.stdout.write(default_template())
        return 0
    template = getattr(args, "template", None)
    if template is not None and args.format != exporters.DEFAULT:
        raise UsageError("--template renders Markdown: leave out --format")
    try:
        exporter = exporters.from_template(template) if template else exporters.by_name(args.format)
    except TemplateError as exc:
        err(f"error {one_line(str(exc))}")
        return 1
    library = open_library(root)
    coder = getattr(args, "coder", None)
    articles = collect_export(library, args.ids, args.tag, quotes=args.quotes, coder=coder)
    if coder is not None or args.annotated:
        # only what the user (or that coder) worked on: codes, notes, tags, corrections
        articles = [a for a in articles if a.notes or a.tags or a.corrections or a.actor_fixes]
    try:
        return _export(args, exporter, articles)
    except TemplateError as exc:
        err(f"error {one_line(str(exc))}")
        return 1


def _export(args: argparse.Namespace, exporter, articles) -> int:
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    target = None if args.output == "-" else args.output  # -o - is stdout, as usual
    to_folder = target is not None and (target.endswith(("/", "\\")) or Path(target).is_dir())
    if to_folder and target is not None:
        if exporter.write_folder is None:
            raise UsageError(
                f"--format {exporter.name} writes one file: give -o FILE, not a folder"
            )
        failed: list[Path] = []

        def skipped(path: Path, reason: str) -> None:
            err(f"error {one_line(str(path))}: {one_line(reason)}")
            failed.append(path)

        try:
            written = exporter.write_folder(
                articles, Path(target), exported=exported, quotes=args.quotes, on_error=skipped
            )
        except (OSError, ValueError) as exc:
            raise CLIError(f"cannot write to {target}: {exc}") from None
        files = [p for p in written if p.name != "index.md"]
        index = " and an index" if len(files) < len(written) else ""
        out(f"wrote {plural(len(files), 'article')}{index} to {one_line(target)}")
        return 1 if failed else 0
    title = f"reader export: {args.tag}" if args.tag else "reader export"
    text = exporter.render(articles, exported=exported, quotes=args.quotes, title=title)
    return _emit(text, target)


def _emit(text: str, target: str | None) -> int:
    if target is None:
        # a terminal shows it through the gate; a pipe or a redirect gets the file's bytes
        sys.stdout.write(for_terminal(text) if _is_terminal(sys.stdout) else text)
        return 0
    from annotations.export import ExportError, write_export_file

    path = Path(target)
    if not path.parent.is_dir():
        raise CLIError(f"cannot write {target}: folder {path.parent} does not exist")
    try:
        write_export_file(path, text.encode("utf-8"))
    except ExportError as exc:
        raise CLIError(f"cannot write {exc}") from None
    out(f"wrote {one_line(target)}")
    return 0


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def cmd_import_annotations(args: argparse.Namespace, root: Path) -> int:
    from annotations.export import ImportError_, merge_json
    from annotations.files import StoreError

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise PathError(args.file, file_reason(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PathError(args.file, "not valid JSON") from None
    library = open_library(root)
    try:
        totals = merge_json(library.annotations, data)
    except (ImportError_, StoreError) as exc:  # nothing was merged
        raise PathError(args.file, f"{exc}; nothing merged") from None
    codes = totals.get("codes", 0)
    out(
        f"merged {plural(totals['articles'], 'article')}: {plural(totals['added'], 'note')} added, "
        f"{totals['updated']} updated, {totals['skipped']} already there"
        + (f"; {plural(codes, 'article tag')} of other coders added" if codes else "")
        + (f", {plural(totals['corrections'], 'correction')}" if totals.get("corrections") else "")
    )
    return 0
