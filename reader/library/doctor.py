"""``reader doctor``: check every library file and say what is wrong and where the backups are;
``--repair`` fixes what it can without ever deleting a user's data.

Why: a corrupt file is never overwritten (annotations.storage refuses), so the user needs one
place that lists what is damaged, which backups exist, and what an interrupted import left.
``check_library`` only reads. ``repair_library`` sets aside (moves, renames, copies) and never
deletes anything but empty folders and temp files: a damaged index, or one that was lost, is
rebuilt from the article folders; folders that cannot be rebuilt, or that no good index lists,
are moved to ``LIB/set-aside-DATE/`` and named; damaged records are fixed, the file as it was
kept beside it. Derived files (caches) are checked in full here (their quick check on use is a
checksum and the stamps of their sources) and removed when they do not match.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis_pool import Analysed, LimitedParser
    from .models import ArticleMeta
    from .store import Library

SET_ASIDE = "set-aside-"  # LIB/set-aside-YYYYMMDDTHHMMSS/<article id>/...


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)  # what was checked
    problems: list[str] = field(default_factory=list)  # one line each: PATH: what is wrong
    articles: int = 0
    notes: int = 0


def article_folders(root: Path) -> list[Path]:
    articles = root / "articles"
    if not articles.is_dir():
        return []
    return sorted(p for p in articles.glob("*/*") if p.is_dir())


def check_library(root: Path, *, deep: bool = False) -> DoctorReport:
    """Check every file, listing each article folder once (as ``find`` does): analysis caches
    by size; ``deep`` checks each against its text (its seal), the index snapshot against the
    index row by row and the search index in full."""
    from annotations.storage import AtomicJSONStorage, StorageError

    from .article_index import LibraryError
    from .store import Library

    report = DoctorReport()
    library = Library(root)
    index_readable = True
    try:
        rows = library.index.rows()
    except (StorageError, LibraryError) as exc:
        report.problems.append(str(exc))
        rows, index_readable = {}, False
    if index_readable:
        try:
            library.index.read_store()  # a journal that does not continue the index
        except (StorageError, LibraryError) as exc:
            report.problems.append(str(exc))
    damaged = library.index.damaged_ids() if index_readable else set()
    report.problems += library.index.problems if index_readable else []
    report.articles = len(rows)
    report.lines.append(f"index: {len(rows)} articles in {library.index.path}")
    # the snapshot is sealed and checked on every use; holding other rows than the index (a
    # bug, a collision) is what only a full decode of both shows: a deep check, on request
    if index_readable and deep and library.index.snapshot_matches() is False:
        report.problems.append(
            f"{library.index.snapshot_path}: does not match the index it names (a derived "
            f"file; reader doctor --repair removes it)"
        )
    backups: list[str] = []
    seen = _check_folders(
        root / "articles", rows, damaged if index_readable else None, report, backups, deep
    )
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
            notes = data.get("notes")
            report.notes += len(notes) if isinstance(notes, dict) else 0
        store = library.annotations
        for _article, lines in sorted(store.bad_records().items()):
            report.problems += [f"{line} (reader doctor --repair fixes it)" for line in lines]
        report.problems += store.check_caches()
    _check_feeds(root, report)
    for place in (root, notes_dir):  # (article folders were listed above)
        if place.is_dir():
            walk = place.rglob("*.corrupt-*") if place == notes_dir else place.glob("*.corrupt-*")
            backups += [str(p) for p in walk]
    for backup in sorted(backups):
        report.lines.append(f"backup of a damaged file: {backup}")
    for aside in sorted(root.glob(SET_ASIDE + "*")):
        report.lines.append(f"set aside by an earlier repair: {aside}")
    return report


def _check_folders(
    articles: Path,
    rows: dict[str, ArticleMeta],
    damaged: set[str] | None,
    report: DoctorReport,
    backups: list[str],
    deep: bool,
) -> set[str]:
    """One pass over the article folders: the files every indexed article needs, its analysis
    cache (by size; ``deep``: its seal against the text), folders a good index does not list
    (``damaged`` None: the index is lost, its folders are the library), backups of damaged
    files. Returns the indexed folders seen."""
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
                if damaged is not None and name not in damaged:
                    report.lines.append(
                        f"{path}: not in the index (left by an interrupted import); "
                        f"reader doctor --repair sets it aside"
                    )
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
            if cache is None:
                continue
            try:
                ok = cache.stat().st_size > 0 and (not deep or _analysis_ok(Path(path)))
            except OSError:
                ok = False
            if not ok:
                report.lines.append(f"{cache.path}: stale or damaged cache, recomputed when opened")
    return seen


def _check_search(library: Library, report: DoctorReport, deep: bool) -> None:
    """The full-text index is derived: a line says how many articles it holds and, with
    ``deep``, whether it holds exactly the index's (--repair rebuilds it)."""
    from .search_engine import Engine, EngineDamaged, EngineUnavailable
    from .search_index import FOLDER

    path = library.cache_dir / FOLDER
    if not path.exists():
        return
    try:
        engine = Engine(path)
        count = engine.count()
        ok = (not deep) or set(engine.ids()) == set(library.index.rows())
    except EngineUnavailable as exc:
        report.lines.append(f"search index: not checked: {exc}")
        return
    except (EngineDamaged, ValueError, OSError) as exc:
        report.lines.append(f"{path}: unreadable ({exc}); rebuilt by the next search")
        return
    state = "" if ok else "; differs from the index: reader doctor --repair rebuilds it"
    report.lines.append(f"search index: {count} articles in {path}{state}")


def _check_feeds(root: Path, report: DoctorReport) -> None:
    """The feed list, if there is one, must be readable (it is never overwritten otherwise)."""
    from .feeds import FeedStore, FeedStoreError

    store = FeedStore(root)
    if not store.path.exists():
        return
    try:
        report.lines.append(f"feeds: {len(store.feeds())} in {store.path}")
    except FeedStoreError as exc:
        report.problems.append(str(exc))


def _analysis_ok(folder: Path) -> bool:
    from .analysis_cache import unsealed_cache

    cache = folder / "analysis.json"
    if not cache.exists():
        return True
    try:
        return unsealed_cache(cache.read_bytes(), (folder / "text.txt").read_bytes()) is not None
    except OSError:
        return False


def repair_library(root: Path) -> list[str]:
    """What ``reader doctor --repair`` does, one line per action (see the module docstring)."""
    from annotations.storage import StorageError

    from .article_index import LibraryError
    from .store import Library

    done: list[str] = []
    library = Library(root)
    store = library.annotations
    for article in sorted(store.problems()):
        moved = store.set_aside(article)
        if moved is not None:
            done.append(f"set aside unreadable annotations of {article}: {moved}")
    for article in sorted(store.bad_records()):
        fixed, backup = store.repair_records(article)
        done += [f"fixed {store.path(article)}: {line} (as it was: {backup})" for line in fixed]
    done += store.repair_caches()
    aside = Aside(root)
    index = library.index
    with index.locked():  # no import commits between what we look at and what we move
        done += index.salvage_journal()
        try:
            index.rows()
            lost = False
        except (StorageError, LibraryError):
            lost = True
        if lost:
            rebuild_index(library, done, aside)
        else:
            fix_rows(library, done)
            set_aside_strays(library, done, aside)
            folded = index.fold()
            if folded:
                done.append(f"folded {folded} journal entries into {index.path.name}")
        if index.snapshot_matches() is False:
            index.snapshot_path.unlink(missing_ok=True)
            done.append(f"removed {index.snapshot_path} (did not match the index; rebuilt on use)")
    from .search_engine import EngineDamaged
    from .search_index import FOLDER, OLD_FILE, SearchUnavailable

    if any((library.cache_dir / name).exists() for name in (FOLDER, OLD_FILE)):
        try:
            count = library.search_index.rebuild()
            done.append(f"rebuilt the search index ({count} articles)")
        except SearchUnavailable as exc:
            done.append(f"did not rebuild the search index: {exc}")
        except (EngineDamaged, ValueError, OSError) as exc:  # tantivy refused a write
            done.append(f"did not rebuild the search index ({exc}); the next search builds it")
    if aside.used:
        done.append(
            f"to import what was set aside again: reader import {aside.folder}/*/original.*"
        )
    return done


class Aside:
    """The dated folder that repairs move article folders to (created on first use)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / f"{SET_ASIDE}{time.strftime('%Y%m%dT%H%M%S')}"
        self.used = False

    def move(self, folder: Path) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / folder.name
        n = 1
        while target.exists():
            n += 1
            target = self.folder / f"{folder.name}-{n}"
        os.replace(folder, target)
        self.used = True
        return target


def set_aside_strays(library: Library, done: list[str], aside: Aside) -> None:
    """Folders no good index lists (an import killed before its commit, a removal killed
    before its folder went): moved to the dated folder, never deleted. Empty ones hold
    nothing and are removed."""
    known = set(library.index.rows()) | library.index.damaged_ids()
    for folder in article_folders(library.root):
        if folder.name in known:
            continue
        if not any(folder.iterdir()):
            folder.rmdir()
            done.append(f"removed {folder} (an empty folder left by an interrupted import)")
            continue
        target = aside.move(folder)
        done.append(f"set aside {folder} (not in the index) in {target}")


def rebuild_index(library: Library, done: list[str], aside: Aside) -> dict[str, ArticleMeta]:
    """The index was unreadable, lost or empty while article folders exist: set what is left
    of it aside, and rebuild every row from the kept originals. Folders that cannot be rebuilt
    are moved to the dated folder. (Corrections made with ``reader edit`` are in the set-aside
    copy of the index, if there was one, not in the rebuilt one.)"""
    index = library.index.path
    stamp = time.strftime("%Y%m%dT%H%M%S")
    if index.exists():
        kept = index.with_name(f"{index.name}.corrupt-rebuilt-{stamp}")
        os.replace(index, kept)
        done.append(f"set aside the damaged index: {kept}")
    journal = library.index.journal_path
    if journal.exists():
        kept_journal = journal.with_name(f"{journal.name}.corrupt-rebuilt-{stamp}")
        os.replace(journal, kept_journal)
        done.append(f"set aside its journal: {kept_journal}")
    library.index.snapshot_path.unlink(missing_ok=True)
    from .analysis_pool import LimitedParser

    metas = []
    with LimitedParser() as parser:  # each original parsed in a worker, under the limits
        folders = list(article_folders(library.root))
        made = [(folder, meta_from_folder(folder, parser)) for folder in folders]
    for folder, meta in made:
        if isinstance(meta, str):
            if not any(folder.iterdir()):
                folder.rmdir()
                done.append(f"removed {folder} (an empty folder)")
                continue
            target = aside.move(folder)
            done.append(f"could not rebuild {folder.name} ({meta}): set aside in {target}")
            continue
        metas.append(meta)
    with library.index.transaction() as txn:
        for meta in metas:
            txn.put(meta)
        txn.changed = True  # an empty index is written too: the library is no longer "lost"
    done.append(f"rebuilt the index from {len(metas)} kept originals")
    return library.index.rows()


def meta_from_folder(folder: Path, parser: LimitedParser | None = None) -> ArticleMeta | str:
    """A fresh index row for an article folder, from its kept original (its text.txt is
    written from it if missing); a reason (str) if it cannot be made. The original is parsed
    in a worker under the import's limits (``parser``'s, or a worker of its own)."""
    if parser is None:
        from .analysis_pool import LimitedParser

        with LimitedParser() as own:
            return meta_from_folder(folder, own)
    import hashlib
    from datetime import datetime

    from reader.base.atomic import atomic_write_bytes
    from reader.base.errors import ReaderError
    from reader.importing.importer import content_key

    from .analysis_pool import InternalError, analyse_text, parse_original_in_worker
    from .article_index import ARTICLE_ID
    from .batch import fallback_title
    from .models import ArticleMeta

    if not ARTICLE_ID.match(folder.name):
        return "not an article folder"
    originals = sorted(folder.glob("original.*"))
    if not originals:
        return "no original"
    try:
        data = originals[0].read_bytes()
    except OSError as exc:
        return exc.strerror or str(exc)
    try:
        parsed = parser(parse_original_in_worker, data, originals[0].name)
    except (ReaderError, InternalError) as exc:  # ImportFailure, a limit, a worker's end, a bug
        return str(exc) or "the original cannot be read"
    text_path = folder / "text.txt"
    try:
        text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        atomic_write_bytes(text_path, parsed.text.encode("utf-8"))
    analysed = _kept_analysis(folder, parsed.text) or analyse_text(parsed.text, parsed.lang)
    return ArticleMeta(
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


def _kept_analysis(folder: Path, text: str) -> Analysed | None:
    """The folder's analysis cache, if it is intact, current and made from ``text``: a rebuild
    of 10,000 articles need not analyse them all again."""
    from .analysis_cache import analysis_from_json, unsealed_cache
    from .analysis_pool import Analysed

    body = text.encode("utf-8")
    try:
        if (folder / "text.txt").read_bytes() != body:
            return None
        found = unsealed_cache((folder / "analysis.json").read_bytes(), body)
        analysis = analysis_from_json(found) if found is not None else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None
    if analysis is None:
        return None
    return Analysed(
        lang=analysis.lang,
        quotes=analysis.quote_count(),
        actors=list(dict.fromkeys(a.name for a in analysis.actors)),
        cache=found,
    )


def fix_rows(library: Library, done: list[str]) -> None:
    """Damaged rows of a readable index: a field that cannot be used is dropped (its default
    is read); a row missing a field it needs gets it from its folder's original; a row that
    is no row at all, or whose id names no folder, is dropped. The index as it was is kept
    beside it (``articles.json.corrupt-records-...``)."""
    from dataclasses import replace

    from .article_index import ARTICLE_ID, decode_row, encode_row, row_problems

    index = library.index
    _metas, bad = index.stored()
    if not bad:
        return
    backup = index.path.with_name(
        f"{index.path.name}.corrupt-records-{time.strftime('%Y%m%dT%H%M%S')}"
    )
    from reader.base.atomic import atomic_write_bytes

    atomic_write_bytes(backup, index.path.read_bytes())
    from .analysis_pool import LimitedParser

    with LimitedParser() as parser, index.transaction() as txn:  # one set of workers for all
        for article_id, row in bad.items():
            fields = sorted({f for f, _ in row_problems(article_id, row)})
            if not ARTICLE_ID.match(article_id):
                txn.delete(article_id)
                done.append(f"dropped the index row {article_id!r} (not an article id)")
                continue
            kept = _usable_part(row)
            if row_problems(article_id, kept):  # a field it needs: from the original
                fresh = meta_from_folder(library.article_dir(article_id), parser)
                if isinstance(fresh, str):
                    txn.delete(article_id)
                    done.append(f"dropped the index row {article_id} ({fresh})")
                    continue
                kept = {**encode_row(fresh), **kept}
            meta = decode_row(article_id, kept)
            txn.put(replace(meta, **meta.edited))
            done.append(f"fixed the index row {article_id}: {', '.join(fields)} reset")
    done.append(f"the index as it was: {backup}")


def _usable_part(row: Any) -> dict[str, Any]:
    """The fields of a damaged row that pass the check (corrections one by one)."""
    from .article_index import EDITABLE, row_problems

    if not isinstance(row, dict):
        return {}
    bad = {f for f, _ in row_problems("0" * 8, row)}
    kept = {k: v for k, v in row.items() if k not in bad}
    if "edited" in bad and isinstance(row.get("edited"), dict):
        kept["edited"] = {
            k: v
            for k, v in row["edited"].items()
            if k in EDITABLE and (type(v) is str or (v is None and k != "title"))
        }
    return kept
