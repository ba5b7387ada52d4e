"""``reader export`` and ``reader import-annotations`` (the formats live in annotations.export)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from .output import CLIError, PathError, UsageError, file_reason, one_line, out, plural
from .reading import open_library


def select_articles(library, ids: list[str], tag: str | None) -> list:
    """IDs and a tag together: the union. Neither: every article (and removed articles that
    still have orphan notes). A tag selects articles with it or with a note carrying it."""
    from annotations.export import ExportArticle

    store = library.annotations
    wanted = {library.resolve(i) for i in ids}
    if tag is not None:
        wanted |= library.tagged_ids(tag)
        wanted |= {n.article for n in store.notes(tag=tag)}
    everything = not ids and tag is None
    metas = [m for m in library.articles() if everything or m.id in wanted]
    listed = {m.id for m in metas}
    removed = (
        sorted({n.article for n in store.notes()} - listed)
        if everything
        else sorted(wanted - listed)
    )
    selected = []
    for meta in metas:
        selected.append(
            ExportArticle(
                id=meta.id,
                title=meta.title,
                source=meta.source,
                date=meta.date,
                url=meta.url,
                tags=store.article_tags(meta.id),
                notes=store.notes(article=meta.id),
            )
        )
    for article in removed:
        selected.append(
            ExportArticle(
                id=article,
                title=f"removed article {article}",
                tags=store.article_tags(article),
                notes=store.notes(article=article),
            )
        )
    return selected


def quotes_of(library, article_id: str) -> list[dict]:
    """Who said what, for the ``--quotes`` section (terms are not quotations)."""
    analysis = library.analysis(article_id)
    names = {a.id: a.name for a in analysis.actors}
    return [
        {"speaker": names.get(q.actor) or q.speaker, "kind": q.kind, "text": q.text}
        | ({"via": names.get(q.via_actor) or q.via} if q.via else {})
        for q in analysis.quotes
        if q.kind != "term"
    ]


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    from annotations.export import to_json, to_markdown, write_folder
    from reader.library.store import LibraryError

    library = open_library(root)
    articles = select_articles(library, args.ids, args.tag)
    if args.annotated:  # only what the user worked on
        articles = [a for a in articles if a.notes or a.tags]
    if args.quotes:
        for a in articles:
            try:
                a.quotes = quotes_of(library, a.id)
            except LibraryError:
                a.quotes = []  # a removed article has no text left to analyse
    exported = datetime.now(UTC).isoformat(timespec="seconds")
    target = None if args.output == "-" else args.output  # -o - is stdout, as usual
    to_folder = target is not None and (target.endswith(("/", "\\")) or Path(target).is_dir())
    if args.format == "json":
        if to_folder:
            raise UsageError("--format json writes one file: give -o FILE, not a folder")
        text = json.dumps(to_json(articles, exported=exported), ensure_ascii=False, indent=2)
        return _emit(text + "\n", target)
    if to_folder:
        try:
            written = write_folder(articles, Path(target), exported=exported, quotes=args.quotes)
        except (OSError, ValueError) as exc:
            raise CLIError(f"cannot write to {target}: {exc}") from None
        out(f"wrote {plural(len(written) - 1, 'article')} and an index to {one_line(target)}")
        return 0
    title = f"reader export: {args.tag}" if args.tag else "reader export"
    return _emit(to_markdown(articles, exported=exported, quotes=args.quotes, title=title), target)


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
