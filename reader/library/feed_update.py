"""``reader feed update``: fetch feeds, then each new entry's page, and import them through the
normal import path (importer, then :meth:`Library.add_many`: dedupe, analysis, batch commits).

Flow: every feed is asked at once through one polite :class:`Fetcher` (conditional GET with the
validators of its last answer). A feed's answer is read in the fetch thread that got it; its
entries not ``seen`` before wait in a temporary file (:class:`_Backlog`) and are read back a few
per feed at a time as their pages are asked for. Settled pages come back to the calling thread
through a bounded queue, are parsed in the worker pool and handed to ``add_many`` one by one:
what the update holds in memory does not grow with the number of new entries.

What is remembered, and when: an entry joins its feed's ``seen`` only once its article is
committed to the index; a feed's ETag/Last-Modified are stored only once every new entry of
that answer is settled, so an interrupted update (ctrl+c) never makes the next one skip
entries with a 304. The feed list is written every couple of seconds and at the end.

A page that cannot be had (network, HTTP error, not a page, no text) is reported and its entry
imported *partial*: the feed's summary (else the link) as its text. A host that cannot be
reached is reported once; its feeds count as failed.
"""

from __future__ import annotations

import json
import queue
import tempfile
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.base.errors import ReaderError
from reader.importing.models import ImportFailure, ParsedArticle

from .feeds import Feed, FeedStore, now_iso
from .models import ArticleMeta, ImportOutcome

if TYPE_CHECKING:
    from reader.fetching.feeds import Entry
    from reader.fetching.http import FetchError, Politeness, Response

    from .store import Library

    Outcome = Response | FetchError
    Item = tuple[ParsedArticle, bytes, str]
    # ("feed", feed id, outcome without its body, (title, warning) or None, new entries as
    # _Backlog lines, their count) or ("page", feed id, entry, outcome or None)
    Event = tuple[Any, ...]

ErrorCallback = Callable[[str, str], None]  # (URL or HOST, reason)
SAVE_EVERY = 2.0  # seconds between writes of the feed list during an update
CHUNK = 1000  # articles per import batch (a batch keeps what it needs for dedupe until it ends)
AHEAD = 4  # pages of one feed asked of the fetcher at a time (the rest wait here, small)
# feeds read at once by the fetch threads: feedparser holds ~3 KB an entry while it reads, so
# 16 threads reading 200-entry feeds together held ~10 MB for nothing
_PARSING_FEEDS = threading.Semaphore(2)


@dataclass
class UpdateReport:
    imported: list[ArticleMeta] = field(default_factory=list)  # only with keep
    duplicates: list[ArticleMeta] = field(default_factory=list)  # only with keep
    errors: list[tuple[str, str]] = field(default_factory=list)  # (URL or HOST, reason)
    failed_feeds: list[str] = field(default_factory=list)  # ids of feeds not fetched or read
    new: dict[str, int] = field(default_factory=dict)  # feed id -> articles imported
    cancelled: bool = False
    # every article's row stays in memory only with keep (10,000 rows: ~20 MB); the counts
    # are always there
    keep: bool = False
    imported_count: int = 0
    duplicate_count: int = 0


@dataclass
class _FeedRun:
    feed: Feed
    answered: bool = False  # its answer (or failure) has been handled
    failed: str | None = None
    open_entries: int = 0  # new entries not settled yet
    settled: dict[str, str] = field(default_factory=dict)  # key -> article id, to be saved
    validators: tuple[str | None, str | None] | None = None  # to store once complete
    title: str | None = None
    warning: str | None = None
    saved: bool = False
    backlog: int = 0  # new entries not asked for yet (they wait in the _Backlog file)
    asked: int = 0  # entries of it taken from the backlog and not handed over yet

    @property
    def complete(self) -> bool:
        return self.answered and self.open_entries == 0


def update_feeds(
    library: Library,
    feeds: list[Feed] | None = None,
    *,
    politeness: Politeness | None = None,
    on_result: Callable[[ImportOutcome], None] | None = None,
    on_error: ErrorCallback | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | None = None,
    batch_seconds: float = 2.0,
    workers: int = 16,
    keep: bool = False,
) -> UpdateReport:
    """Update ``feeds`` (all when None). Results and errors are reported as they happen; the
    report sums them up (``keep``: with every imported and duplicate row, else counts).
    ``cancel`` (or ctrl+c) stops cleanly: what was committed is kept and remembered, nothing
    else is."""
    store = FeedStore(library.root)
    chosen = store.feeds() if feeds is None else feeds
    update = _Update(library, store, chosen, politeness, workers, cancel)
    update.report.keep = keep
    return update.run(on_result, on_error, on_progress, batch_seconds)


class _Update:
    def __init__(
        self,
        library: Library,
        store: FeedStore,
        feeds: list[Feed],
        politeness: Politeness | None,
        workers: int,
        cancel: threading.Event | None,
    ) -> None:
        self.library = library
        self.store = store
        self.runs = {f.id: _FeedRun(f) for f in feeds}
        self.politeness = politeness
        self.workers = workers
        self.cancel = cancel or threading.Event()
        self.stop = threading.Event()  # fetch threads stop handing results over
        self.events: queue.Queue[Event] = queue.Queue(maxsize=32)
        # item name -> (feed id, entry key), in the order handed to add_many
        self.names: dict[str, deque[tuple[str, str]]] = defaultdict(deque)
        self.report = UpdateReport()
        self.hosts_reported: set[str] = set()
        self.last_save = time.monotonic()
        self.asking: list[_FeedRun] = []  # feeds with pages still to ask for
        self.backlog = _Backlog(library.root)  # their entries
        self.linkless: deque[Event] = deque()  # entries without a page taken from it: no fetch
        self.on_error: ErrorCallback | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None

    # the run --------------------------------------------------------------------------------
    def run(
        self,
        on_result: Callable[[ImportOutcome], None] | None,
        on_error: ErrorCallback | None,
        on_progress: Callable[[int, int, str], None] | None,
        batch_seconds: float,
    ) -> UpdateReport:
        from reader.fetching.http import Fetcher, Politeness

        self.on_error = on_error
        self.on_progress = on_progress
        if not self.runs:
            return self.report
        fetcher = Fetcher(self.politeness or Politeness(), workers=self.workers)
        self.fetcher = fetcher

        def result(outcome: ImportOutcome) -> None:
            self._settle_item(outcome)
            report = self.report
            if outcome.meta is not None and outcome.status == "imported":
                report.imported_count += 1
                if report.keep:
                    report.imported.append(outcome.meta)
            elif outcome.meta is not None and outcome.status == "duplicate":
                report.duplicate_count += 1
                if report.keep:
                    report.duplicates.append(outcome.meta)
            else:
                self._error(outcome.name, outcome.reason)
            if on_result is not None:
                on_result(outcome)

        from .analysis_pool import AnalysisPool

        # one pool of warm workers (forked from a server that loaded the parsers and the
        # language model once) parses every page and analyses every article, all batches long;
        # this process fetches, dedupes and stores, and never loads the page parsers itself
        self.pool = AnalysisPool(analyse_from=0)
        try:
            for run in self.runs.values():
                self._ask_feed(run.feed)
            items = self._events()
            more = True
            while more:  # one import batch per CHUNK articles: its memory is freed after each
                chunk = _Chunk(items, CHUNK)
                self.library.add_many(
                    chunk, on_result=result, batch_seconds=batch_seconds, pool=self.pool, keep=False
                )
                more = chunk.full
        except KeyboardInterrupt:
            self.report.cancelled = True  # add_many committed what was fully written
        finally:
            self.stop.set()
            fetcher.close(cancel=True)
            self.pool.shutdown(wait=not self.report.cancelled)
            self.backlog.close()
            self._save()
        return self.report

    def _events(self) -> Iterator[Item]:
        """Events from the fetch threads; pages go to the parse pool, a window ahead of the
        one handed to add_many (in the order they arrived)."""
        waiting_feeds = len(self.runs)
        waiting_pages = 0
        done, total = 0, len(self.runs)
        parsing: deque[tuple[_FeedRun, Entry, Outcome | None, Future[Any]]] = deque()
        window = 4 * self.pool.size
        while waiting_feeds or waiting_pages:
            if self.cancel.is_set():
                self.report.cancelled = True
                return
            if time.monotonic() - self.last_save >= SAVE_EVERY:
                self._save()
            while parsing and (len(parsing) > window or parsing[0][3].done()):
                yield from self._finish(*parsing.popleft())
            self._ask_pages()
            if self.linkless:
                event = self.linkless.popleft()
            else:
                try:
                    event = self.events.get(timeout=0.05)
                except queue.Empty:
                    continue
            kind, run = event[0], self.runs[event[1]]
            done += 1
            if kind == "feed":
                waiting_feeds -= 1
                entries = self._feed_read(run, *event[2:])
                waiting_pages += entries
                total += entries
                self._progress(done, total, run.feed.url)
                continue
            waiting_pages -= 1
            entry, outcome = event[2], event[3]
            run.asked -= 1
            self._progress(done, total, entry.link or run.feed.url)
            parsing.append((run, entry, outcome, self._parse_later(run, entry, outcome)))
        while parsing:
            if self.cancel.is_set():
                self.report.cancelled = True
                return
            yield from self._finish(*parsing.popleft())
        self._progress(done, total, "")

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, name)

    def _feed_read(
        self,
        run: _FeedRun,
        outcome: Outcome,
        head: tuple[str | None, str | None] | None,
        lines: bytes,
        count: int,
    ) -> int:
        """The feed's answer, in the calling thread: its state, its error; its new entries
        (``count`` of them in ``lines``) join the backlog. Returns ``count``."""
        from reader.fetching.http import FetchError

        run.answered = True
        run.open_entries = count
        if isinstance(outcome, FetchError):
            run.failed = outcome.reason
            self.report.failed_feeds.append(run.feed.id)
            self._fetch_error(outcome)
        elif head is not None:
            run.title, run.warning = head
            run.validators = (outcome.etag, outcome.last_modified)
        if count:
            self.backlog.add(run.feed.id, lines)
            run.backlog += count
            self.asking.append(run)
        return count

    def _ask_pages(self) -> None:
        """Keep each feed's next few pages with the fetcher: enough to keep its host busy,
        few enough that 10,000 new entries never sit in memory as 10,000 requests."""
        from reader.fetching.http import ACCEPT_PAGE

        for run in list(self.asking):
            while run.backlog and run.asked < AHEAD:
                entry = self.backlog.take(run.feed.id)
                run.backlog -= 1
                run.asked += 1
                if entry.link is None:
                    self.linkless.append(("page", run.feed.id, entry, None))
                    continue
                self.fetcher.submit(
                    entry.link or "",
                    accept=ACCEPT_PAGE,
                    callback=self._page_answered(run.feed.id, entry),
                )
            if not run.backlog:
                self.asking.remove(run)

    # fetch threads --------------------------------------------------------------------------
    def _page_answered(self, feed_id: str, entry: Entry) -> Callable[[str, Outcome], None]:
        def answered(url: str, outcome: Outcome) -> None:
            self._hand_over(("page", feed_id, entry, outcome))

        return answered

    def _hand_over(self, event: Event) -> bool:
        """Put an event for the calling thread; False once the update stopped."""
        while not self.stop.is_set():
            try:
                self.events.put(event, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _ask_feed(self, feed: Feed) -> None:
        from reader.fetching.http import ACCEPT_FEED

        self.fetcher.submit(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            accept=ACCEPT_FEED,
            callback=lambda url, outcome: self._feed_answered(feed, outcome),
        )

    def _feed_answered(self, feed: Feed, outcome: Outcome) -> None:
        """In a fetch thread: read the feed and hand it over with its new entries."""
        from reader.fetching.feeds import FeedError, parse_feed
        from reader.fetching.http import FetchError

        head = None
        lines: list[bytes] = []
        if not isinstance(outcome, FetchError) and not outcome.not_modified:
            content_type = outcome.headers.get("content-type", "")
            try:
                with _PARSING_FEEDS:  # the GIL makes more at once no faster, only bigger
                    parsed = parse_feed(outcome.body, outcome.url, content_type)
            except FeedError as exc:
                outcome = FetchError(feed.url, str(exc))
            else:
                head = (parsed.title, parsed.warning)
                taken: set[str] = set()
                for entry in parsed.entries:
                    if entry.key not in feed.seen and entry.key not in taken:
                        taken.add(entry.key)
                        lines.append(_Backlog.line(entry))
                del parsed
        if not isinstance(outcome, FetchError):
            outcome = replace(outcome, body=b"")  # read: only its validators are needed
        self._hand_over(("feed", feed.id, outcome, head, b"".join(lines), len(lines)))

    # the calling thread ---------------------------------------------------------------------
    def _given(self, run: _FeedRun, entry: Entry) -> dict[str, Any]:
        given: dict[str, Any] = {
            "title": entry.title,
            "date": entry.date,
            "source": run.title or run.feed.title,
        }
        if run.feed.tags:
            given["tags"] = list(run.feed.tags)
        return {k: v for k, v in given.items() if v}

    def _parse_later(self, run: _FeedRun, entry: Entry, outcome: Outcome | None) -> Future[Any]:
        """The page's parse, in the pool; a done Future of None when there is no page."""
        from reader.fetching.http import FetchError

        if outcome is None or isinstance(outcome, FetchError):
            nothing: Future[Any] = Future()
            nothing.set_result(None)
            return nothing
        from .fetched import parse_fetched

        return self.pool.limited(
            parse_fetched, outcome, {**self._given(run, entry), "url": outcome.url}
        )

    def _finish(
        self, run: _FeedRun, entry: Entry, outcome: Outcome | None, parsing: Future[Any]
    ) -> Iterator[Item]:
        """The entry's article: its page as parsed, else (failures reported) partial."""
        from reader.fetching.http import FetchError

        from .fetched import guarded, parse_partial, partial_record

        feed = run.feed
        name = entry.link or f"{feed.url}#{entry.key}"
        if isinstance(outcome, FetchError):
            self._fetch_error(outcome)
        elif outcome is not None:
            try:
                parsed, data = parsing.result()
            except ReaderError as exc:  # ImportFailure, a limit, a worker that died
                self._error(name, str(exc) or "cannot be read")
            except Exception as exc:  # noqa: BLE001 - a bug in a worker: one page fails, not all
                self._error(name, str(exc) or f"cannot be read ({type(exc).__name__})")
            else:
                parsed.feed = feed.id
                self.names[name].append((feed.id, entry.key))
                yield parsed, data, name
                return
        if entry.link is None and not entry.text:
            self._error(feed.url, f"an entry without a link or text ({entry.title or entry.key})")
            run.settled[entry.key] = ""
            run.open_entries -= 1
            return
        given = self._given(run, entry)
        record = partial_record(
            url=entry.link,
            title=entry.title,
            date=entry.date,
            source=given.get("source"),
            summary=entry.text,
            tags=feed.tags,
        )
        if entry.link:
            given["url"] = entry.link
        try:
            parsed = guarded(parse_partial, record, name, given)
        except ImportFailure as exc:
            self._error(name, str(exc))
            run.settled[entry.key] = ""
            run.open_entries -= 1
            return
        parsed.feed = feed.id
        self.names[name].append((feed.id, entry.key))
        yield parsed, record, name

    def _settle_item(self, outcome: ImportOutcome) -> None:
        name, status = outcome.name, outcome.status
        waiting = self.names.get(name)
        if not waiting:
            return
        feed_id, key = waiting.popleft()
        if not waiting:
            del self.names[name]
        run = self.runs[feed_id]
        run.open_entries -= 1
        if status in ("imported", "duplicate") and outcome.meta is not None:
            run.settled[key] = outcome.meta.id
            if status == "imported":
                self.report.new[feed_id] = self.report.new.get(feed_id, 0) + 1
        else:
            run.validators = None  # a write failed: no 304 next time, so it is asked again

    def _fetch_error(self, error: FetchError) -> None:
        if error.host_down:
            from reader.fetching.http import host_of

            host = host_of(error.url)
            if host in self.hosts_reported:
                return
            self.hosts_reported.add(host)
            self._error(host, error.reason)
        else:
            self._error(error.url, error.reason)

    def _error(self, where: str, reason: str) -> None:
        self.report.errors.append((where, reason))
        if self.on_error is not None:
            self.on_error(where, reason)

    def _save(self) -> None:
        """Remember what is settled: entries committed, feed outcomes, validators of feeds
        whose every new entry is settled."""
        self.last_save = time.monotonic()
        changes = {}
        for feed_id, run in self.runs.items():
            if run.saved and not run.settled:
                continue
            changes[feed_id] = self._change(run)
            if run.answered and run.complete:
                run.saved = True
        if changes:
            self.store.update_many(changes)

    def _change(self, run: _FeedRun) -> Callable[[Feed], None]:
        settled, run.settled = run.settled, {}
        answered, complete, failed = run.answered, run.complete, run.failed
        validators, title, warning = run.validators, run.title, run.warning

        def change(feed: Feed) -> None:
            feed.seen.update(settled)
            if not answered:
                return
            feed.last_update = now_iso()
            if failed is not None:
                feed.last_status, feed.error = "error", failed
                return
            feed.title = title or feed.title
            feed.error = warning
            feed.last_status = "ok" if validators is not None else "not modified"
            if complete and validators is not None:
                feed.etag, feed.last_modified = validators

        return change


class _Backlog:
    """The new entries waiting for their page, one JSON line each in an unnamed temporary file
    (on disk, or in the page cache), not as objects in memory: 10,000 new entries held ~10 MB
    there (a third of the update's peak at 1,000), and a feed bringing its whole archive, or
    its full text in every entry, many times that. Each feed's lines are read back a few at a
    time as its pages are asked for; only a read position per feed stays in memory."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder  # where the file is made (the library's: on disk, not in a tmpfs)
        self.file: Any = None  # opened at the first entry
        self.end = 0
        self.spans: dict[str, deque[list[int]]] = defaultdict(deque)  # feed id -> [start, end]

    @staticmethod
    def line(entry: Entry) -> bytes:
        fields = [entry.key, entry.link, entry.title, entry.date, entry.text, entry.author]
        # ASCII: a lone surrogate from a broken feed travels as an escape, never fails here
        return json.dumps(fields).encode("ascii") + b"\n"

    def add(self, feed_id: str, lines: bytes) -> None:
        if self.file is None:
            # unnamed (O_TMPFILE): nothing is left behind, even by a crash; closed in close()
            self.file = tempfile.TemporaryFile(  # noqa: SIM115
                prefix="reader-feed-entries-", dir=self.folder
            )
        self.file.seek(self.end)
        self.file.write(lines)
        self.spans[feed_id].append([self.end, self.end + len(lines)])
        self.end += len(lines)

    def take(self, feed_id: str) -> Entry:
        """The feed's next waiting entry (the caller counts them: there is one)."""
        from reader.fetching.feeds import Entry

        spans = self.spans[feed_id]
        span = spans[0]
        self.file.seek(span[0])
        line = self.file.readline()
        span[0] += len(line)
        if span[0] >= span[1]:
            spans.popleft()
            if not spans:
                del self.spans[feed_id]
        return Entry(*json.loads(line))

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


class _Chunk:
    """The next ``size`` items of ``items``; ``full`` says whether there may be more."""

    def __init__(self, items: Iterator[Item], size: int) -> None:
        self.items, self.size, self.full = items, size, False

    def __iter__(self) -> Iterator[Item]:
        for count, item in enumerate(self.items, start=1):
            yield item
            if count >= self.size:
                self.full = True
                return
