"""One import run's batch: dedupe, id, analysis and files per article; the index written once
per batch.

Why batches: the index is one file, rewritten whole on every write; per-article writes would make
a 10,000-article import quadratic. Files are written before their index row, so an interrupted
run leaves at worst an unlisted folder (``reader doctor`` reports it), never a row without text.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .models import ArticleMeta, ParsedArticle

if TYPE_CHECKING:
    from .store import Library

EXTENSIONS = {"html": "html", "htm": "html", "md": "md", "jsonl": "jsonl"}


def original_extension(fmt: str) -> str:
    return EXTENSIONS.get(fmt, "txt")


def fallback_title(parsed: ParsedArticle, name: str) -> str:
    """The document's title, else the file name (for stdin: the first line of the text)."""
    if parsed.title and parsed.title.strip():
        return parsed.title.strip()
    if name == "-":
        first = parsed.text.strip().split("\n", 1)[0] if parsed.text.strip() else "-"
        return first[:80]
    return Path(name).name or name


def analyse_safely(text: str, lang: str | None):
    """The analysis, or None if the analyser failed: the article is still worth keeping."""
    from reader.analysis import analyze

    try:
        return analyze(text, lang)
    except Exception:  # noqa: BLE001 - a bug in analysis must not lose the user's import
        return None


def write_article_files(directory: Path, original: bytes, ext: str, text: str, analysis) -> None:
    from .analysis_cache import analysis_to_json
    from .store import _write_bytes, _write_text

    _write_bytes(directory / f"original.{ext}", original)
    _write_text(directory / "text.txt", text)
    cache = directory / "analysis.json"
    if analysis is not None:
        _write_text(cache, json.dumps(analysis_to_json(analysis), ensure_ascii=False))
    else:
        cache.unlink(missing_ok=True)


def summary_fields(analysis) -> dict:
    if analysis is None:
        return {"quotes": 0, "actors": []}
    names = list(dict.fromkeys(a.name for a in analysis.actors))
    return {"quotes": analysis.quote_count(), "actors": names}


class ImportBatch:
    def __init__(
        self,
        library: Library,
        *,
        on_result: Callable[[str, str, ArticleMeta], None] | None,
        batch_seconds: float,
    ) -> None:
        self.library = library
        self.on_result = on_result
        self.batch_seconds = batch_seconds
        rows = library.index.rows()
        self.by_sha = {m.sha256: m for m in rows.values()}
        self.by_key = {m.content_key: m for m in rows.values()}
        self.pending: list[tuple[str, str, ArticleMeta]] = []
        self.pending_ids: set[str] = set()
        self.results: list[tuple[str, str, ArticleMeta]] = []
        self.last_commit = time.monotonic()
        self._tag_thread: threading.Thread | None = None
        self.tag_errors: list[str] = []

    def add(self, parsed: ParsedArticle, original: bytes, name: str) -> None:
        from .importer import content_key
        from .store import unique_id

        sha = hashlib.sha256(original).hexdigest()
        key = content_key(parsed.text)
        existing = self.by_sha.get(sha) or self.by_key.get(key)
        if existing is not None:
            self.pending.append((name, "duplicate", existing))
        else:
            rows = self.library.index.rows()
            article_id = unique_id(sha, lambda p: p in rows or p in self.pending_ids)
            analysis = analyse_safely(parsed.text, parsed.lang)
            lang = parsed.lang or (analysis.lang if analysis is not None else None)
            meta = ArticleMeta(
                id=article_id,
                sha256=sha,
                title=fallback_title(parsed, name),
                date=parsed.date,
                source=parsed.source,
                url=parsed.url,
                lang=lang,
                format=parsed.format,
                file=name,
                added=datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                content_key=key,
                words=len(parsed.text.split()),
                import_tags=list(dict.fromkeys(parsed.tags)),
                **summary_fields(analysis),
            )
            write_article_files(
                self.library.article_dir(article_id),
                original,
                original_extension(parsed.format),
                parsed.text,
                analysis,
            )
            self.pending.append((name, "imported", meta))
            self.pending_ids.add(article_id)
            self.by_sha[sha] = self.by_key[key] = meta
        if time.monotonic() - self.last_commit >= self.batch_seconds:
            self.commit()

    def commit(self) -> None:
        """Write the pending rows (re-checked against rows other processes added meanwhile)."""
        pending, self.pending = self.pending, []
        self.pending_ids = set()
        self.last_commit = time.monotonic()
        if not pending:
            return
        settled: list[tuple[str, str, ArticleMeta]] = []
        with self.library.index.transaction() as txn:
            fresh_sha = {m.sha256: m for m in txn.metas.values()}
            fresh_key = {m.content_key: m for m in txn.metas.values()}
            for name, status, meta in pending:
                if status == "imported":
                    other = fresh_sha.get(meta.sha256) or fresh_key.get(meta.content_key)
                    if other is None and meta.id in txn.metas:  # id taken meanwhile
                        meta = self._move(meta, txn.metas)
                    if other is not None:
                        if other.id != meta.id:
                            shutil.rmtree(self.library.article_dir(meta.id), ignore_errors=True)
                        status, meta = "duplicate", other
                    else:
                        txn.put(meta)
                        fresh_sha[meta.sha256] = fresh_key[meta.content_key] = meta
                settled.append((name, status, meta))
        self._add_import_tags(m for _, s, m in settled if s == "imported" and m.import_tags)
        for name, status, meta in settled:
            self.results.append((name, status, meta))
            if self.on_result is not None:
                self.on_result(name, status, meta)

    def _move(self, meta: ArticleMeta, taken: dict[str, ArticleMeta]) -> ArticleMeta:
        from dataclasses import replace

        from .store import unique_id

        new_id = unique_id(meta.sha256, lambda p: p in taken)
        target = self.library.article_dir(new_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(self.library.article_dir(meta.id)), str(target))
        return replace(meta, id=new_id)

    def _add_import_tags(self, metas) -> None:
        """Tags found in the documents go to the annotation store, one small file each. Those
        writes wait on fsync, so a helper thread does them while the next batch is analysed."""
        work = [(m.id, list(m.import_tags)) for m in metas]
        if not work:
            return
        self.finish_tags()
        store = self.library.annotations
        self._tag_thread = threading.Thread(
            target=_tag_all, args=(store, work, self.tag_errors), daemon=True
        )
        self._tag_thread.start()

    def finish_tags(self) -> None:
        if self._tag_thread is not None:
            self._tag_thread.join()
            self._tag_thread = None


def _tag_all(store, work: list[tuple[str, list[str]]], errors: list[str]) -> None:
    for article_id, tags in work:
        try:
            store.tag_article(article_id, tags)
        except Exception as exc:  # noqa: BLE001 - reported by the caller, import goes on
            errors.append(f"{article_id}: tags not saved ({exc})")
