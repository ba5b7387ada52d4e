"""``reader doctor``: check every library file and say what is wrong and where the backups are.

Why: a corrupt file is never overwritten (annotations.storage refuses), so the user needs one
place that lists what is damaged, which backups exist, and what an interrupted import left.
Reading only: nothing here writes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import ArticleMeta
    from .store import Library


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)  # what was checked
    problems: list[str] = field(default_factory=list)  # one line each: PATH: what is wrong
    articles: int = 0
    notes: int = 0


def check_library(root: Path, *, deep: bool = False) -> DoctorReport:
    """Check every file. Analysis caches are checked by size (one stat each, from one listing
    per article folder); ``deep`` parses each one too, and checks the search index in full."""
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
    backups: list[str] = []
    seen = _check_folders(root / "articles", rows, report, backups, deep)
    for article_id in rows.keys() - seen:  # no folder at all
        folder = library.article_dir(article_id)
        report.problems.append(f"{folder / 'text.txt'}: missing (article {article_id})")
        report.problems.append(f"{folder}: original missing; reimport is not possible")
    _check_search(library, report, deep)
    notes_dir = root / "annotations"
    if notes_dir.is_dir():
        for path in sorted(notes_dir.rglob("*.json")):
            try:
                data = AtomicJSONStorage(path).read() or {}
            except StorageError as exc:
                report.problems.append(str(exc))
                continue
            report.notes += sum(len(t) for name, t in data.items() if name == "notes")
    for place in (root, notes_dir):  # (article folders were listed above)
        if place.is_dir():
            walk = place.rglob("*.corrupt-*") if place == notes_dir else place.glob("*.corrupt-*")
            backups += [str(p) for p in walk]
    for backup in sorted(backups):
        report.lines.append(f"backup of a damaged file: {backup}")
    return report


def _check_folders(
    articles: Path,
    rows: dict[str, ArticleMeta],
    report: DoctorReport,
    backups: list[str],
    deep: bool,
) -> set[str]:
    """One pass over the article folders (one listing each, like ``find``): the files every
    indexed article needs, its analysis cache by size (``deep``: parsed), folders the index
    does not list, backups of damaged files. Returns the folders seen."""
    seen: set[str] = set()
    try:
        shards = sorted(e.path for e in os.scandir(articles) if e.is_dir())
    except OSError:
        return seen
    for shard in shards:
        try:
            folders = sorted((e.name, e.path) for e in os.scandir(shard) if e.is_dir())
        except OSError:
            continue
        for name, path in folders:
            if name not in rows:
                report.lines.append(f"{path}: not in the index (left by an interrupted import)")
                continue
            seen.add(name)
            try:
                with os.scandir(path) as entries:
                    files = {e.name: e for e in entries}
            except OSError:
                files = {}
            if "text.txt" not in files:
                report.problems.append(f"{path}/text.txt: missing (article {name})")
            if not any(n.startswith("original.") for n in files):
                report.problems.append(f"{path}: original missing; reimport is not possible")
            backups += [e.path for n, e in files.items() if ".corrupt-" in n]
            cache = files.get("analysis.json")
            if cache is not None and not _cache_ok(cache, deep):
                report.lines.append(f"{cache.path}: unreadable cache, recomputed when opened")
    return seen


def _cache_ok(entry: os.DirEntry[str], deep: bool) -> bool:
    try:
        if entry.stat().st_size == 0:
            return False
        if deep:
            json.loads(Path(entry.path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def _check_search(library: Library, report: DoctorReport, deep: bool) -> None:
    """The full-text index is derived: a line says whether it is current (else the next
    search brings it forward or rebuilds it; --repair rebuilds it)."""
    import sqlite3

    path = library.cache_dir / "search.sqlite"
    if not path.exists():
        return
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            live = db.execute("SELECT count(*) FROM docs WHERE live = 1").fetchone()[0]
            dead = db.execute("SELECT count(*) FROM docs WHERE live = 0").fetchone()[0]
            ok = (not deep) or db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            if deep:
                indexed = {r[0] for r in db.execute("SELECT id FROM docs WHERE live = 1")}
                ok = ok and indexed == set(library.index.rows())
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        report.lines.append(f"{path}: unreadable ({exc}); rebuilt by the next search")
        return
    state = "" if ok else "; differs from the index: reader doctor --repair rebuilds it"
    report.lines.append(f"search index: {live} articles ({dead} old entries) in {path}{state}")


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
    if (library.cache_dir / "search.sqlite").exists():
        count = library.search_index.rebuild()
        done.append(f"rebuilt the search index ({count} articles)")
    return done


def rebuild_index(library: Library, done: list[str]) -> dict[str, ArticleMeta]:
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
