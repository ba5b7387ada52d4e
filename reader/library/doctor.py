"""``reader doctor``: check every library file and say what is wrong and where the backups are.

Why: a corrupt file is never overwritten (annotations.storage refuses), so the user needs one
place that lists what is damaged, which backups exist, and what an interrupted import left.
Reading only: nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
