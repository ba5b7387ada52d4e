"""One import run's batch: dedupe, id, analysis and files per article; the index written once
per batch.

Why batches: each commit takes the index lock and fsyncs the journal; per-article commits would
cost an fsync each. Files are written, and flushed to disk with one ``syncfs`` per batch, before
their index row, so an interrupted run (or a power cut) leaves at worst an unlisted folder
(``reader doctor`` reports it), never a row without text.
"""

from __future__ import annotations

import queue
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from annotations.corrections import ActorFix, alias_names
from reader.base.atomic import make_durable
from reader.base.errors import ReaderError, describe
from reader.importing.formats import original_extension
from reader.importing.models import ParsedArticle

from .analysis_pool import Analysed, AnalysisPool, InternalError, analyse_text
from .article_index import ArticleIndex, IndexTxn
from .folders import PENDING, ArticleFolders
from .ids import sha256_hex, unique_id
from .known_stories import KnownStories
from .models import ArticleMeta, ImportOutcome, ImportStatus

if TYPE_CHECKING:
    from annotations.store import AnnotationStore

TagQueue = queue.Queue[list[tuple[str, list[str]]] | None]  # None: the run is over
# (name, status, meta, the write of its files: None for a duplicate)
Pending = tuple[str, ImportStatus, ArticleMeta, "Future[list[Path]] | None"]
Finished = tuple[str, ImportStatus, ArticleMeta, str | None]  # + why its files failed, or None

WINDOW = 1024  # articles analysed ahead of the one being written (the workers' work while
# the main process commits: a few MB)
WINDOW_BYTES = 32 * 1024 * 1024  # and at most this much of their originals and texts
FEW = 16  # articles in flight that a commit waits for (no more than one chunk of analysis),
# and a batch this small is listed at its commit, not after the next batch's start


def fallback_title(parsed: ParsedArticle, name: str) -> str:
    """The document's title, else the file name (for stdin: the first line of the text)."""
    if parsed.title and parsed.title.strip():
        return parsed.title.strip()
    if name == "-":
        first = parsed.text.strip().split("\n", 1)[0] if parsed.text.strip() else "-"
        return first[:80]
    return shown_name(Path(name).name or name)


def shown_name(name: str) -> str:
    """A file name as the index keeps it: bytes that were not UTF-8 (kept by Python as lone
    surrogates, which no UTF-8 file can hold) become U+FFFD."""
    from reader.base.surrogates import replace_surrogates

    return replace_surrogates(name)


class ImportBatch:
    def __init__(
        self,
        index: ArticleIndex,
        folders: ArticleFolders,
        annotations: AnnotationStore,
        *,
        on_result: Callable[[ImportOutcome], None] | None,
        batch_seconds: float,
        pool: AnalysisPool | None = None,
    ) -> None:
        self.index = index
        self.folders = folders
        self.annotations = annotations
        self.on_result = on_result
        self.batch_seconds = self.interval = batch_seconds
        self.known = KnownStories(folders, index)
        self.pending: list[Pending] = []
        self.pending_ids: set[str] = set()
        self.results: list[ImportOutcome] = []
        self.last_commit = time.monotonic()
        self._tag_thread: threading.Thread | None = None
        self._tag_queue: TagQueue = queue.Queue()
        self.tag_errors: list[str] = []
        self.inflight: deque[_InFlight] = deque()
        self.inflight_bytes = 0  # their originals and texts (characters)
        self.warnings: list[tuple[str, str]] = []  # (name, message), reported at the commit
        self._own_pool = pool is None  # the import driver's pool (it parses too) is its own
        self.pool = pool if pool is not None else AnalysisPool()
        self._writer: ThreadPoolExecutor | None = None
        # the batch whose files are being made durable (in a helper thread) while the next
        # one is read, analysed and written; its rows are committed at the next commit
        self.flushing: tuple[list[Pending], Future[list[Finished]]] | None = None
        self._flusher: ThreadPoolExecutor | None = None
        self.aliases = _alias_table(annotations)  # library-wide actor merges apply to imports

    def add(self, parsed: ParsedArticle, original: bytes, name: str) -> None:
        """Dedupe and assign the id now; analysis may run in a worker while the next article is
        parsed; files are written and the row queued once its analysis is back."""
        sha = sha256_hex(original)
        existing, key = self.known.find(sha, parsed.text, parsed.content_key)
        if existing is not None:
            self.inflight.append(_InFlight(name, existing))
        else:
            assert key is not None  # find() signs every text it did not match by its bytes
            lookup = self.index.lookup
            article_id = unique_id(sha, lambda p: p in self.pending_ids or lookup.has(p))
            meta = ArticleMeta(
                id=article_id,
                sha256=sha,
                title=fallback_title(parsed, name),
                date=parsed.date,
                source=parsed.source,
                url=parsed.url,
                lang=parsed.lang,
                format=parsed.format,
                file=shown_name(name),
                added="",
                content_key=key,
                words=len(parsed.text.split()),
                import_tags=list(dict.fromkeys(parsed.tags)),
                feed=parsed.feed,
                partial=parsed.partial,
                given=dict(parsed.given),
            )
            future = self.pool.submit(parsed.text, parsed.lang)
            self.inflight.append(_InFlight(name, meta, (parsed, original, future)))
            self.inflight_bytes += len(original) + len(parsed.text)
            self.pending_ids.add(article_id)
            self.known.remember(meta, parsed.text)
        self.drain(window=WINDOW)
        if self.flushing is not None and self.flushing[1].done():
            self._commit_flushed(self._flushed() or [])  # on disk: listed now, not a batch later
        if time.monotonic() - self.last_commit >= self.interval:
            # what is analysed and written so far; the articles still in a worker stay in
            # flight for the next commit (waiting for them here would leave the workers idle
            # through every commit), unless they are few (articles that trickle in, from
            # feeds: listed now, as they come)
            if len(self.inflight) <= FEW:
                self.drain(window=0)
            started = time.monotonic()
            self.commit()
            # the index is rewritten whole: in a big library commit less often, so that
            # committing never takes more than about a sixth of the import's time
            self.interval = max(self.batch_seconds, 5 * (time.monotonic() - started))

    def drain(self, window: int) -> None:
        """Finish analysed articles in input order until at most ``window`` are in flight
        (holding at most WINDOW_BYTES)."""
        while self.inflight and (
            len(self.inflight) > window
            or (window and self.inflight_bytes > WINDOW_BYTES)
            or _ready(self.inflight[0])
        ):
            item = self.inflight.popleft()
            name, meta = item.name, item.meta
            if item.work is None:
                self.pending.append((name, "duplicate", meta, None))
                continue
            parsed, original, future = item.work
            self.inflight_bytes -= len(original) + len(parsed.text)
            if not future.done():
                self.pool.flush()  # it may still be buffered
            try:
                analysed = future.result()
            except (ReaderError, InternalError, CancelledError):  # no worker answer: analyse here
                analysed = analyse_text(parsed.text, parsed.lang)
            if analysed.error:  # kept without highlights; told with its import line
                self.warnings.append((name, f"analysis failed: {analysed.error}"))
            meta.lang = meta.lang or analysed.lang
            meta.quotes, meta.actors = analysed.quotes, alias_names(analysed.actors, self.aliases)
            meta.added = datetime.now(UTC).isoformat(timespec="microseconds")
            written = self._io().submit(
                self.folders.write,
                meta.id,
                original,
                original_extension(parsed.format),
                parsed.text,
                analysed.cache,
                fresh=True,
            )
            self.pending.append((name, "imported", meta, written))

    def _io(self) -> ThreadPoolExecutor:
        """Threads for the article files: creating files waits on the disk, not on the CPU, so
        a few at once keep a 10,000-article import from waiting on each in turn."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=4, thread_name_prefix="reader-write")
        return self._writer

    def close(self, *, finish: bool) -> None:
        """End the run: with ``finish``, everything in flight is completed and committed; without
        (an interrupt), only what is fully written is committed."""
        try:
            if finish:
                self.drain(window=0)
            self.inflight.clear()
            self.inflight_bytes = 0
            self.commit()  # the batch being flushed, and the flush of the last one begins
            self.commit()  # the last one
        finally:
            if self._own_pool:
                self.pool.shutdown(wait=finish)
            for threads in (self._writer, self._flusher):
                if threads is not None:
                    threads.shutdown(wait=True)
            self.finish_tags()

    def commit(self) -> None:
        """Start making the pending articles' files durable (in a helper thread: the next
        batch goes on meanwhile), and write the rows of the batch flushed since the last
        commit (re-checked against rows other processes added meanwhile): a row is committed
        only once its files are on disk, one commit after they were written."""
        flushed = self._flushed()
        pending, self.pending = self.pending, []
        if pending:
            self.flushing = (pending, self._flushing_thread().submit(self._finish_writes, pending))
        # the ids of articles not committed yet stay reserved
        self.pending_ids = {i.meta.id for i in self.inflight if i.work is not None}
        self.pending_ids.update(meta.id for _, _, meta, _ in pending)
        self.last_commit = time.monotonic()
        if flushed is not None:
            self._commit_flushed(flushed)
        if self.flushing is not None and len(self.flushing[0]) <= FEW:
            self._commit_flushed(self._flushed() or [])  # a few (a feed's): listed at once

    def _flushed(self) -> list[Finished] | None:
        """The batch being flushed, once it is on disk (waits for it); None if there is none."""
        if self.flushing is None:
            return None
        finished = self.flushing[1].result()
        self.flushing = None
        return finished

    def _commit_flushed(self, finished: list[Finished]) -> None:
        settled: list[ImportOutcome] = []
        with self.index.transaction() as txn:
            self.known.begin_commit(txn)  # rows others added meanwhile, migrated keys
            moved: list[Path] = []
            for name, status, meta, error in finished:
                gone = not (self.folders.path(meta.id) / "text.txt").is_file()
                if status == "imported" and error is None and gone:
                    error = "its folder was moved away meanwhile (reader doctor --repair?)"
                if error is not None:
                    self.known.settle(meta, written=False)
                    shutil.rmtree(self.folders.path(meta.id), ignore_errors=True)
                    settled.append(ImportOutcome(name, "error", reason=error))
                    continue
                if status == "imported":
                    other = self.known.settle(meta, written=True)
                    if other is None and txn.contains(meta.id):  # id taken meanwhile
                        was = self.folders.path(meta.id)
                        meta = self._move(meta, txn)
                        self.known.moved(meta)
                        now = self.folders.path(meta.id)
                        moved += [was.parent, now.parent, now.parent.parent]
                    if other is not None:
                        if other.id != meta.id:
                            shutil.rmtree(self.folders.path(meta.id), ignore_errors=True)
                        status, meta = "duplicate", other
                    else:
                        txn.put(meta)
                settled.append(ImportOutcome(name, status, meta))
            if moved:
                make_durable([], moved)  # the renames before the index that names them
        listed = [o.meta.id for o in settled if o.status == "imported" and o.meta is not None]
        if listed:  # no longer in flight (the markers go in the helper thread, in order)
            self._flushing_thread().submit(self._unmark, listed)
        self.known.end_commit()
        new = [o.meta for o in settled if o.status == "imported" and o.meta is not None]
        self._add_import_tags(m for m in new if m.import_tags)
        self._restore_notes(new)
        for outcome in settled:
            self.results.append(outcome)
            if self.on_result is not None:
                self.on_result(outcome)
        warnings, self.warnings = self.warnings, []
        for name, message in warnings:
            if self.on_result is not None:
                self.on_result(ImportOutcome(name, "warning", reason=message))

    def _flushing_thread(self) -> ThreadPoolExecutor:
        if self._flusher is None:
            self._flusher = ThreadPoolExecutor(1, thread_name_prefix="reader-flush")
        return self._flusher

    def _unmark(self, ids: list[str]) -> None:
        """Listed in the index now: their folders are no longer in flight."""
        for article_id in ids:
            with suppress(OSError):
                (self.folders.path(article_id) / PENDING).unlink(missing_ok=True)

    def _finish_writes(self, pending: list[Pending]) -> list[Finished]:
        """Wait for the pending articles' files and make the new ones durable with one flush
        (``syncfs``; an fsync per file and folder where there is none): a crash after the
        index commit must never leave a row whose files were still in memory."""
        finished: list[Finished] = []
        files: list[Path] = []
        folders: set[Path] = set()
        for name, status, meta, written in pending:
            error = None
            if written is not None:
                try:
                    new_files = written.result()
                except OSError as exc:  # disk full, permissions: this article fails
                    error = f"cannot write: {exc.strerror or exc}"
                else:
                    if new_files:
                        folder = self.folders.path(meta.id)
                        files += new_files
                        folders |= {folder, folder.parent, folder.parent.parent}
            finished.append((name, status, meta, error))
        if files:
            try:
                make_durable(files, sorted(folders))
            except OSError as exc:  # the disk refused: none of them is safely written
                reason = f"cannot write: {exc.strerror or exc}"
                finished = [
                    (n, s, m, reason if w is not None and e is None else e)
                    for (n, s, m, e), (_, _, _, w) in zip(finished, pending, strict=True)
                ]
        return finished

    def _restore_notes(self, metas: Iterable[ArticleMeta]) -> None:
        """An article removed earlier and imported again gets its orphaned notes back.

        Cheap for a new article: the store looks at its summary cache and opens no file."""
        store = self.annotations
        for meta in metas:
            try:
                store.restore_article(meta.id, partial(self.folders.text, meta.id))
            except Exception as exc:  # noqa: BLE001 - a damaged notes file must not stop an import
                self.tag_errors.append(f"{meta.id}: notes not restored ({describe(exc)})")

    def _move(self, meta: ArticleMeta, txn: IndexTxn) -> ArticleMeta:
        from dataclasses import replace

        new_id = unique_id(meta.sha256, txn.contains)
        target = self.folders.path(new_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(self.folders.path(meta.id)), str(target))
        return replace(meta, id=new_id)

    def _add_import_tags(self, metas: Iterable[ArticleMeta]) -> None:
        """Tags found in the documents go to the annotation store, one small file each. Those
        writes wait on fsync, so one helper thread does them, queued, for the whole run (joined
        when the run ends, interrupted or not) while the main thread goes on importing."""
        work = [(m.id, list(m.import_tags)) for m in metas]
        if not work:
            return
        if self._tag_thread is None:
            self._tag_queue = queue.Queue()
            self._tag_thread = threading.Thread(
                target=_tag_worker,
                args=(self.annotations, self._tag_queue, self.tag_errors),
                name="reader-import-tags",
                daemon=True,
            )
            self._tag_thread.start()
        self._tag_queue.put(work)

    def finish_tags(self) -> None:
        if self._tag_thread is not None:
            self._tag_queue.put(None)
            self._tag_thread.join()
            self._tag_thread = None


def _tag_worker(store: AnnotationStore, work_queue: TagQueue, errors: list[str]) -> None:
    while (work := work_queue.get()) is not None:
        _tag_all(store, work, errors)


def _tag_all(store: AnnotationStore, work: list[tuple[str, list[str]]], errors: list[str]) -> None:
    bulk = getattr(store, "tag_articles", None)  # one lock and one pass, if the store offers it
    if bulk is not None:
        try:
            bulk(dict(work))
            return
        except Exception as exc:  # noqa: BLE001 - reported by the caller, import goes on
            errors.append(f"{len(work)} articles: tags not saved ({describe(exc)})")
            return
    for article_id, tags in work:
        try:
            store.tag_article(article_id, tags)
        except Exception as exc:  # noqa: BLE001 - reported by the caller, import goes on
            errors.append(f"{article_id}: tags not saved ({describe(exc)})")


def _alias_table(annotations: AnnotationStore) -> dict[str, ActorFix]:
    try:
        return annotations.library_actor_fixes()
    except Exception:  # noqa: BLE001 - a damaged alias table must not stop an import
        return {}


@dataclass
class _InFlight:
    """An article between its dedupe and its files: ``work`` is None for a duplicate (``meta``
    is then the stored article it repeats)."""

    name: str
    meta: ArticleMeta
    work: tuple[ParsedArticle, bytes, Future[Analysed]] | None = None


def _ready(item: _InFlight) -> bool:
    return item.work is None or item.work[2].done()
