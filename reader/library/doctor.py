"""``reader doctor``: check every library file and say what is wrong and where the backups are.

Why: a corrupt file is never overwritten (annotations.storage refuses), so the user needs one
place that lists what is damaged, which backups exist, and what an interrupted import left.
Reading only: nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)  # what was checked
    problems: list[str] = field(default_factory=list)  # one line each: PATH: what is wrong
    articles: int = 0
    notes: int = 0


def check_library(root: Path) -> DoctorReport:
    from annotations.storage import AtomicJSONStorage, StorageError

    from .article_index import LibraryError
    from .store import Library

    report = DoctorReport()
    library = Library(root)
    try:
        rows = library.index.rows()
    except (StorageError, LibraryError) as exc:
        report.problems.append(str(exc))
        rows = {}
    report.articles = len(rows)
    report.lines.append(f"index: {len(rows)} articles in {library.index.path}")
    for article_id, meta in rows.items():
        folder = library.article_dir(article_id)
        if not (folder / "text.txt").is_file():
            report.problems.append(f"{folder / 'text.txt'}: missing (article {article_id})")
        if not any(folder.glob("original.*")):
            report.problems.append(f"{folder}: original missing; reimport is not possible")
        cache = folder / "analysis.json"
        if cache.exists():
            try:
                json.loads(cache.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                report.lines.append(f"{cache}: unreadable cache, recomputed when opened")
    articles_dir = root / "articles"
    if articles_dir.is_dir():
        for folder in sorted(articles_dir.glob("*/*")):
            if folder.is_dir() and folder.name not in rows:
                report.lines.append(f"{folder}: not in the index (left by an interrupted import)")
    notes_dir = root / "annotations"
    if notes_dir.is_dir():
        for path in sorted(notes_dir.rglob("*.json")):
            try:
                data = AtomicJSONStorage(path).read() or {}
            except StorageError as exc:
                report.problems.append(str(exc))
                continue
            report.notes += sum(len(t) for name, t in data.items() if name == "notes")
    for backup in sorted(root.rglob("*.corrupt-*")):
        report.lines.append(f"backup of a damaged file: {backup}")
    return report


def repair_library(root: Path) -> list[str]:
    """What ``reader doctor --repair`` does, one line per action: unreadable annotation files
    are set aside (kept, renamed) so the article can be annotated again; folders an interrupted
    import left are removed; a damaged index is set aside and rebuilt from the kept originals
    (corrections made with ``reader edit`` are in the set-aside copy, not in the rebuilt one)."""
    import shutil

    from annotations.storage import StorageError

    from .article_index import LibraryError
    from .store import Library

    done: list[str] = []
    library = Library(root)
    for article in sorted(library.annotations.problems()):
        moved = library.annotations.set_aside(article)
        if moved is not None:
            done.append(f"set aside unreadable annotations of {article}: {moved}")
    done += library.index.salvage_journal()
    try:
        rows = library.index.rows()
    except (StorageError, LibraryError):
        rows = rebuild_index(library, done)
    else:
        folded = library.index.fold()
        if folded:
            done.append(f"folded {folded} journal entries into {library.index.path.name}")
    for folder in sorted((root / "articles").glob("*/*")):
        if folder.is_dir() and folder.name not in rows:
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder} (left by an interrupted import)")
    return done


def rebuild_index(library, done: list[str]) -> dict:
    import hashlib
    import os
    import time
    from datetime import datetime

    from reader.importing.importer import content_key, parse_original
    from reader.importing.models import ImportFailure

    from .analysis_pool import analyse_text
    from .batch import fallback_title
    from .models import ArticleMeta

    index = library.index.path
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = index.with_name(f"{index.name}.corrupt-rebuilt-{stamp}")
    if index.exists():
        os.replace(index, aside)
        done.append(f"set aside the damaged index: {aside}")
    journal = library.index.journal_path
    if journal.exists():
        journal_aside = journal.with_name(f"{journal.name}.corrupt-rebuilt-{stamp}")
        os.replace(journal, journal_aside)
        done.append(f"set aside its journal: {journal_aside}")
    metas = []
    for folder in sorted((library.root / "articles").glob("*/*")):
        originals = sorted(folder.glob("original.*"))
        if not folder.is_dir() or not originals:
            continue
        data = originals[0].read_bytes()
        try:
            parsed = parse_original(data, originals[0].name)
        except ImportFailure as exc:
            done.append(f"could not rebuild {folder.name}: {exc}")
            continue
        analysed = analyse_text(parsed.text, parsed.lang)
        metas.append(
            ArticleMeta(
                id=folder.name,
                sha256=hashlib.sha256(data).hexdigest(),
                title=fallback_title(parsed, originals[0].name),
                date=parsed.date,
                source=parsed.source,
                url=parsed.url,
                lang=analysed.lang,
                format=parsed.format,
                file=str(originals[0]),
                added=datetime.now(UTC).isoformat(),
                content_key=content_key(parsed.text),
                words=len(parsed.text.split()),
                quotes=analysed.quotes,
                actors=analysed.actors,
                import_tags=list(parsed.tags),
            )
        )
    with library.index.transaction() as txn:
        for meta in metas:
            txn.put(meta)
    done.append(f"rebuilt the index from {len(metas)} kept originals")
    return library.index.rows()
