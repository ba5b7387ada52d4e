"""The import driver shared by the CLI (``reader import``) and the TUI's import worker.

Why one driver: both must behave the same way: every good file imported, every bad one reported
with its reason while the rest goes on, progress reported, and a cancel (ctrl+c in the CLI, a
button or Escape in the TUI) that stops cleanly: what was imported is committed, nothing is
half-written.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reader.base.errors import ReaderError
from reader.importing.formats import (
    ImportFormat,
    export_format,
    export_only,
    for_path,
    not_an_export,
)
from reader.importing.models import ImportFailure, ParsedArticle

from .analysis_pool import AnalysisPool, InternalError
from .models import ArticleMeta, ImportOutcome
from .store import Library

CHUNK_BYTES = 4 * 1024 * 1024
PROGRESS_EVERY = 0.05  # seconds between progress reports inside a corpus
SAMPLE_TAG = "sample"  # the bundled sample articles carry it
# an outcome per document or corpus line: imported, duplicate, error, or warning (the article is
# still imported: "N bytes replaced" when some bytes were not valid in its encoding)
ResultCallback = Callable[[ImportOutcome], None]
ProgressCallback = Callable[[int, int, str], None]  # (done, total, current name)


@dataclass
class ImportReport:
    imported: list[ArticleMeta] = field(default_factory=list)
    duplicates: list[ArticleMeta] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (PATH or PATH:LINE, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # imported all the same
    cancelled: bool = False
    keep: bool = True  # keep every imported and duplicate row (False: only count them)
    imported_count: int = 0
    duplicate_count: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    samples: bool = False,
    stdin: BinaryIO | bytes | None = None,
    on_result: ResultCallback | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    batch_seconds: float = 2.0,
    keep: bool = True,
    fetch: bool = False,
) -> ImportReport:
    """Import files, folders (recursive), ``-`` (one article from ``stdin``), corpora such
    as ``.jsonl`` (one article a line; see reader.importing.formats) and http(s) URLs (the page
    is fetched, politely, and kept with its URL). Read-it-later exports (Pocket, Instapaper,
    wallabag, Omnivore: the exports of reader.importing.formats) are recognised by their
    content and give one article per saved item; ``fetch`` fetches the page of items that have only a URL.
    Results are reported as they are committed."""
    from reader.importing.importer import collect_files

    from .archive_import import ArchiveImport

    report = ImportReport(keep=keep)
    archives = ArchiveImport(fetch=fetch)
    sample_root = None
    sample_ids: dict[str, list[str]] = {}

    def result(outcome: ImportOutcome) -> None:
        if outcome.meta is not None and outcome.status == "imported":
            report.imported_count += 1
            if keep:
                report.imported.append(outcome.meta)
            if archives.highlights:
                archives.imported(library, outcome.name, outcome.meta)
            if sample_root is not None and outcome.name.startswith(sample_root):
                sample_ids[outcome.meta.id] = [SAMPLE_TAG]
        elif outcome.meta is not None and outcome.status == "duplicate":
            report.duplicate_count += 1
            if keep:
                report.duplicates.append(outcome.meta)
        elif outcome.status == "warning":
            report.warnings.append((outcome.name, outcome.reason))
        else:
            report.errors.append((outcome.name, outcome.reason))
        if on_result is not None:
            on_result(outcome)

    wanted = [str(p) for p in paths]
    use_stdin = "-" in wanted
    urls = [p for p in wanted if _is_url(p)]
    wanted = [p for p in wanted if p != "-" and not _is_url(p)]
    if samples:
        from reader.paths import samples_dir

        sample_root = str(samples_dir())
        wanted.append(sample_root)
    files = list(collect_files(wanted)) if wanted else []
    sources: list[tuple[str, bytes | None, str | None]] = []  # (name, bytes, error)
    if use_stdin:
        sources.append(("-", _read_stdin(stdin), None))
    for path, reason in files:
        sources.append((str(path), None, reason))
    pages = _Pages(urls) if urls else None
    for url in urls:
        sources.append((url, None, None))
    total = len(sources)
    done = 0
    pool = AnalysisPool()  # parses every document under limits; analyses many in workers

    def items() -> Iterator[tuple[ParsedArticle, bytes, str]]:
        nonlocal done, total
        for name, data, reason, parsing in _ahead(sources, pool):
            if on_progress is not None:
                on_progress(done, total, name)
            if cancel is not None and cancel.is_set():
                raise _Stopped
            done += 1
            if reason is not None:
                result(ImportOutcome(name, "error", reason=reason))
                continue
            if pages is not None and _is_url(name):
                fetched = pages.get(name, result, pool, cancel)
                if fetched is not None:
                    yield fetched
                continue
            if parsing is None:  # a corpus: read when its turn comes, never ahead
                try:
                    stream = open(name, "rb")  # noqa: SIM115 - closed below, read piece by piece
                except OSError as exc:
                    result(ImportOutcome(name, "error", reason=exc.strerror or str(exc)))
                    continue
                with stream:
                    try:
                        # a corpus counts one unit a line, so its progress moves while it imports
                        lines = _count_lines(stream)
                    except OSError as exc:
                        result(ImportOutcome(name, "error", reason=exc.strerror or str(exc)))
                        continue
                    total += max(0, lines - 1)
                    end, last = done + max(0, lines - 1), 0.0
                    try:
                        for item in _corpus_items(stream, name, result, cancel, pool):
                            done = min(done + 1, end)
                            now = time.monotonic()
                            if on_progress is not None and now - last >= PROGRESS_EVERY:
                                on_progress(done, total, item[2])
                                last = now
                            yield item
                    except OSError as exc:  # the file could not be read on: the rest goes on
                        result(ImportOutcome(name, "error", reason=exc.strerror or str(exc)))
                done = end  # bad and blank lines count too
                continue
            archive = _archive(name, data) if data is not None else None
            if archive is not None and data is not None:
                parsing.cancel()  # an export, not a document: its parse is not needed
                for item in archives.items(archive, data, name, _errors_to(result), pool):
                    done += 1
                    total += 1
                    if on_progress is not None:
                        on_progress(done, total, item[2])
                    yield item
                total -= 1  # the export itself counted as one
                done -= 1
                continue
            if name != "-" and export_only(name):
                parsing.cancel()
                result(ImportOutcome(name, "error", reason=not_an_export()))
                continue
            parsed = _await_parse(parsing, name, result, cancel)
            if parsed is not None and data is not None and _storable(parsed, name, result):
                yield parsed, data, name
        if on_progress is not None:
            on_progress(done, total, "")

    try:
        library.add_many(
            items(), on_result=result, batch_seconds=batch_seconds, pool=pool, keep=keep
        )
    except (KeyboardInterrupt, _Stopped):
        report.cancelled = True  # add_many committed what was fully written before re-raising
    finally:
        pool.shutdown(wait=not report.cancelled)  # a cancel stops a running parse at once
        if pages is not None:
            pages.close()
        archives.close()
    for where, reason in archives.note_errors:
        result(ImportOutcome(where, "error", reason=reason))
    if sample_ids:  # so they can be told apart and removed at once (reader rm --tag sample)
        library.annotations.tag_articles(dict(sample_ids))
    return report


class _Stopped(Exception):
    """Cancelled (ctrl+c, the TUI's cancel): raised out of the articles so that the batch
    commits only what is fully written, and stops what is still running at once."""


AHEAD = 8  # documents parsed ahead of the one being stored
AHEAD_BYTES = 64 * 1024 * 1024


def _is_corpus(name: str) -> bool:
    fmt = None if name == "-" else for_path(name)
    return fmt is not None and fmt.many


Ahead = tuple[str, bytes | None, str | None, "Future[ParsedArticle] | None"]


def _ahead(
    sources: list[tuple[str, bytes | None, str | None]], pool: AnalysisPool
) -> Iterator[Ahead]:
    """The sources in order, each document read and its parse started in a worker a few
    documents ahead, so the workers stay busy while the main process stores. A corpus is
    neither read nor parsed ahead (it is read when its turn comes)."""
    window: deque[Ahead] = deque()
    queued = 0
    pending = iter(sources)
    more = True
    while True:
        while more and len(window) < AHEAD and queued < AHEAD_BYTES:
            try:
                name, data, reason = next(pending)
            except StopIteration:
                more = False
                break
            parsing = None
            if reason is None and not _is_corpus(name) and not _is_url(name):
                if data is None:
                    data, reason = _read_document(name)
                if reason is None:
                    assert data is not None
                    parsing = pool.parse(data, name)
                    queued += len(data)
            window.append((name, data, reason, parsing))
        if not window:
            return
        name, data, reason, parsing = window.popleft()
        if parsing is not None and data is not None:
            queued -= len(data)
        yield name, data, reason, parsing


def _read_document(name: str) -> tuple[bytes | None, str | None]:
    """A document's bytes, at most the importer's size limit (never a whole huge file)."""
    import stat

    from reader.importing.importer import MAX_BYTES

    limit_mb = MAX_BYTES // (1024 * 1024)
    try:
        with open(name, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, "not a regular file"
            if info.st_size > MAX_BYTES:
                size_mb = info.st_size // (1024 * 1024)
                return None, f"file too large ({size_mb} MB; limit {limit_mb} MB)"
            data = f.read(MAX_BYTES + 1)  # a file that grew meanwhile: the importer names it
    except OSError as exc:
        return None, exc.strerror or str(exc)
    return data, None


def _await_parse(
    parsing: Future[ParsedArticle],
    name: str,
    result: ResultCallback,
    cancel: threading.Event | None,
) -> ParsedArticle | None:
    """The parsed document, or None after reporting why not. Waits in short steps, so a
    cancel (ctrl+c) is answered at once even while a worker is busy."""
    from concurrent.futures import CancelledError

    from reader.base.errors import bug_report

    while True:
        try:
            parsed = parsing.result(timeout=0.1)
            break
        except TimeoutError:
            if cancel is not None and cancel.is_set():
                raise _Stopped from None
        except CancelledError:
            raise _Stopped from None
        except ReaderError as exc:  # ImportFailure, a limit, a worker that died: this file
            result(ImportOutcome(name, "error", reason=str(exc) or "cannot be imported"))
            return None
        except RecursionError:
            result(ImportOutcome(name, "error", reason="document nested too deeply"))
            return None
        except InternalError as exc:  # a bug: named as one, and the rest goes on
            result(ImportOutcome(name, "error", reason=str(exc)))
            return None
        except Exception as exc:  # noqa: BLE001 - a bug in-process: named, the rest goes on
            result(ImportOutcome(name, "error", reason=bug_report(exc)))
            return None
    _warn_replaced(parsed, name, result)
    return parsed


def _is_url(name: str) -> bool:
    return name[:8].lower().startswith(("http://", "https://"))


def _errors_to(result: ResultCallback) -> Callable[[str, str], None]:
    def error(where: str, reason: str) -> None:
        result(ImportOutcome(where, "error", reason=reason))

    return error


def _archive(name: str, data: bytes) -> ImportFormat | None:
    """The read-it-later export a file is, by its content (the format registry's exports)."""
    return export_format(name, data) if name != "-" else None


class _Pages:
    """URLs given to ``reader import``: fetched a few ahead (politely, see reader.fetching),
    each then read by the importer as the kind its Content-Type says, with the URL kept, in a
    parse worker under the same limits as a file (a pathological page is one error line)."""

    AHEAD = 8

    def __init__(self, urls: list[str]) -> None:
        from reader.fetching.http import Fetcher

        self.urls = list(dict.fromkeys(urls))
        self.fetcher = Fetcher()
        self.futures: dict[str, Any] = {}
        self.next = 0

    def get(
        self,
        url: str,
        result: ResultCallback,
        pool: AnalysisPool,
        cancel: threading.Event | None = None,
    ) -> tuple[ParsedArticle, bytes, str] | None:
        from reader.base.errors import bug_report
        from reader.fetching.http import FetchError

        from .fetched import parse_fetched

        while self.next < len(self.urls) and len(self.futures) < self.AHEAD:
            ahead = self.urls[self.next]
            self.futures[ahead] = self.fetcher.submit(ahead)
            self.next += 1
        future = self.futures.pop(url, None)
        if future is None:  # the same URL given twice: fetched once more
            future = self.fetcher.submit(url)
        reason = ""
        try:
            response = _wait(future, cancel)
            parsed, data = _wait(
                pool.limited(parse_fetched, response, {"url": response.url}), cancel
            )
        except FetchError as exc:
            reason = exc.reason
        except ReaderError as exc:  # ImportFailure, a limit, a worker that died: this page
            reason = str(exc) or "cannot be imported"
        except InternalError as exc:  # a bug in the worker: named, the rest goes on
            reason = str(exc)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the import
            reason = bug_report(exc)
        if reason:
            result(ImportOutcome(url, "error", reason=reason))
            return None
        if not _storable(parsed, url, result):
            return None
        return parsed, data, url

    def close(self) -> None:
        self.fetcher.close(cancel=True)


def _read_stdin(stdin: BinaryIO | bytes | None) -> bytes:
    """Standard input, at most one byte more than the size limit (the importer names it)."""
    from reader.importing.importer import MAX_BYTES

    if isinstance(stdin, bytes):
        return stdin
    stream = stdin if stdin is not None else sys.stdin.buffer
    return stream.read(MAX_BYTES + 1)


def _warn_replaced(parsed: ParsedArticle, name: str, result: ResultCallback) -> None:
    if parsed.replaced:
        n = parsed.replaced
        result(ImportOutcome(name, "warning", reason=f"{n} byte{'s' * (n != 1)} replaced"))


def _storable(parsed: ParsedArticle, name: str, result: ResultCallback) -> bool:
    """Every text field can be written as UTF-8 (no lone surrogate): else this article fails
    alone, before any of its files is written, and the rest of the batch goes on."""
    from reader.base.surrogates import lone_surrogate

    fields = {k: getattr(parsed, k) for k in ("title", "text", "source", "url", "date", "lang")}
    bad_tags = [t for t in parsed.tags if isinstance(t, str) and lone_surrogate(t)]
    if bad_tags:
        fields["tags"] = bad_tags[-1]
    for key, value in fields.items():
        bad = lone_surrogate(value) if isinstance(value, str) else None
        if bad:
            reason = f"'{key}' is not valid Unicode text (lone surrogate {bad})"
            result(ImportOutcome(name, "error", reason=reason))
            return False
    return True


def _corpus_items(
    stream: BinaryIO,
    name: str,
    result: ResultCallback,
    cancel: threading.Event | None,
    pool: AnalysisPool,
) -> Iterator[tuple[ParsedArticle, bytes, str]]:
    """Each good line of the corpus open in ``stream`` as an article whose original bytes are
    the line itself. The corpus is read a piece of whole lines at a time (a few pieces ahead),
    never whole, so a corpus of any size imports in bounded memory. A piece that holds a line
    longer than LONG_LINE is parsed in a worker under the import's limits (one message per line
    would cost more than its parse); a piece over a limit is parsed again a line at a time, so
    that only the line over it fails (``error PATH:LINE: ... (limit ...)``). Pieces of shorter
    lines are parsed here: a line's parse (JSON, then the text's normal form) is linear in its
    length, and 64 KB take about 15 ms whatever they hold, far from either limit; starting the
    workers would cost a small corpus seconds."""
    records = 0
    for lineno, item, line in _parsed_lines(stream, name, pool, cancel):
        records += 1
        if cancel is not None and cancel.is_set():
            raise _Stopped
        if lineno == 0:  # the file as a whole (binary, unreadable encoding, ...)
            result(ImportOutcome(name, "error", reason=str(item) or "cannot be imported"))
            return
        where = f"{name}:{lineno}"
        if isinstance(item, ImportFailure):
            result(ImportOutcome(where, "error", reason=str(item) or "cannot be imported"))
            continue
        if not _storable(item, where, result):
            continue
        _warn_replaced(item, where, result)
        raw = line.strip()
        if not raw:
            raw = item.text.encode("utf-8")
        yield item, raw, where
    if not records:  # nothing but blank lines (once decoded): said, never silently nothing
        result(ImportOutcome(name, "error", reason="no records in the file (only blank lines)"))


JOB_BYTES = 1024 * 1024  # a corpus is parsed in pieces of about this size
JOBS_AHEAD = 2  # pieces parsed ahead of the one being stored
LONG_LINE = 64 * 1024  # a piece with a longer line is parsed in a worker, under the limits
COUNT_BYTES = 1024 * 1024  # the newlines are counted in blocks of this size


def _count_lines(stream: BinaryIO) -> int:
    """The lines of the corpus (a last line without its newline counts), counted in blocks:
    the progress's total, without holding the file. The stream is left at its start."""
    count, last = 0, b""
    while block := stream.read(COUNT_BYTES):
        count += block.count(b"\n")
        last = block[-1:]
    stream.seek(0)
    return count + (0 if last == b"\n" else 1)


Numbered = tuple[int, ParsedArticle | ImportFailure, bytes]


def _parsed_lines(
    stream: BinaryIO,
    name: str,
    pool: AnalysisPool,
    cancel: threading.Event | None,
) -> Iterator[Numbered]:
    """(line number in the file, article or failure, the line's bytes) for each line that is
    not blank; 0 is the file as a whole. The pieces are read and parsed a few ahead, in order;
    only those pieces are held."""
    wide = _is_wide_corpus(stream)  # UTF-16/32: cannot be cut at b"\n", goes whole
    size = min(JOB_BYTES, CHUNK_BYTES)
    pieces = iter([(stream.read(), 0)] if wide else _corpus_chunks(stream, size))
    window: deque[tuple[bytes, int, Future[Any] | None]] = deque()
    while True:
        for piece, offset in pieces:
            if offset and not piece.strip():
                continue  # only the trailing newline(s) after a full piece: not an empty file
            window.append((piece, offset, _parse_piece(piece, offset, name, pool, wide)))
            if len(window) > JOBS_AHEAD:
                break
        if not window:
            return
        piece, offset, parsing = window.popleft()
        lines = piece.split(b"\n")
        for lineno, item in _parsed_piece(piece, offset, parsing, name, pool, cancel, wide):
            at = lineno - offset
            yield lineno, item, lines[at - 1] if lineno and 0 < at <= len(lines) else b""


def _parsed_piece(
    piece: bytes,
    offset: int,
    parsing: Future[Any] | None,
    name: str,
    pool: AnalysisPool,
    cancel: threading.Event | None,
    wide: bool,
) -> Iterator[tuple[int, ParsedArticle | ImportFailure]]:
    """One piece's (line number in the file, article or failure)."""
    if parsing is None:  # parsed here, a line at a time as it is stored
        yield from _parsed_here(piece, offset, name, pool, cancel)
        return
    try:
        numbered = _wait(parsing, cancel)
    except (ReaderError, InternalError) as exc:  # a limit, a worker's end, a bug
        if wide:  # a file that cannot be cut into lines: the file's error
            yield 0, ImportFailure(str(exc) or "cannot be imported")
            return
        yield from _line_by_line(piece, offset, name, pool, cancel)
        return
    if offset and numbered and numbered[0][0] == 0:  # a piece that is not the file
        yield from _line_by_line(piece, offset, name, pool, cancel)
        return
    for lineno, item in numbered:
        yield (lineno + offset if lineno else 0), item


def _is_wide_corpus(stream: BinaryIO) -> bool:
    """is_wide_text for the file open in ``stream``, from its start (and its size: a file of
    an odd length is no UTF-16 without a byte-order mark). The stream is left at its start."""
    from reader.importing.decode import is_wide_text

    head = stream.read(65536)
    stream.seek(0)
    if len(head) % 2 != os.fstat(stream.fileno()).st_size % 2:
        head = head[:-1]
    return is_wide_text(head)


def _parse_piece(
    piece: bytes, offset: int, name: str, pool: AnalysisPool, wide: bool
) -> Future[Any] | None:
    """A piece's parse started in a worker if it holds a long line (see _corpus_items); None:
    it is parsed here, when its turn comes. Once the workers analyse (a big corpus), the
    next pieces are parsed in a worker without limits (their lines are short: as safe as
    here), with their dedupe keys: the main process, which stores every article in turn, is
    spared both."""
    from .analysis_pool import parse_corpus_in_worker, parse_corpus_keyed

    long = len(piece) > LONG_LINE and max(map(len, piece.split(b"\n"))) > LONG_LINE
    if wide or long:
        return pool.limited(parse_corpus_in_worker, piece, name)
    if offset and pool.analysing_in_workers:
        return pool.unlimited(parse_corpus_keyed, piece, name)
    return None


def _parsed_here(
    piece: bytes,
    offset: int,
    name: str,
    pool: AnalysisPool,
    cancel: threading.Event | None,
) -> Iterator[tuple[int, ParsedArticle | ImportFailure]]:
    from reader.importing.importer import iter_corpus

    for lineno, item in iter_corpus(piece, name):
        if lineno == 0 and offset:  # a piece, not the file: its lines are judged one by one
            yield from _line_by_line(piece, offset, name, pool, cancel)
            return
        yield (lineno + offset if lineno else 0), item


def _line_by_line(
    piece: bytes,
    offset: int,
    name: str,
    pool: AnalysisPool,
    cancel: threading.Event | None,
) -> Iterator[tuple[int, ParsedArticle | ImportFailure]]:
    """A piece that failed as a whole, again a line at a time: each line's own outcome."""
    from .analysis_pool import parse_corpus_in_worker

    for index, line in enumerate(piece.split(b"\n"), start=offset + 1):
        if not line.strip():
            continue
        try:
            if len(line) > LONG_LINE:
                numbered = _wait(pool.limited(parse_corpus_in_worker, line, name), cancel)
            else:
                numbered = parse_corpus_in_worker(line, name)
        except (ReaderError, InternalError) as exc:
            yield index, ImportFailure(str(exc) or "cannot be imported")
            continue
        for _lineno, item in numbered[:1]:  # one line: its article, or why not
            yield index, item


def _wait(future: Future[Any], cancel: threading.Event | None) -> Any:
    """A worker's answer, waited for in short steps so a cancel is answered at once."""
    from concurrent.futures import CancelledError

    while True:
        try:
            return future.result(timeout=0.1)
        except TimeoutError:
            if cancel is not None and cancel.is_set():
                raise _Stopped from None
        except CancelledError:
            raise _Stopped from None


def _corpus_chunks(stream: BinaryIO, size_limit: int | None = None) -> Iterator[tuple[bytes, int]]:
    """The corpus open in ``stream`` in pieces of whole lines (about ``size_limit`` bytes,
    CHUNK_BYTES unless given), with the number of lines before each piece, read as they are
    asked for: the importer's size limit is meant for one article, and a corpus of 10,000 is
    far larger. A piece ends at the first newline at or after its size (without that newline);
    what follows the last cut is the last piece (b"" after a final newline). A file no larger
    than one piece is one piece."""
    size_limit = size_limit or CHUNK_BYTES
    buf = bytearray(stream.read(size_limit + 1))
    if len(buf) <= size_limit:
        yield bytes(buf), 0
        return
    offset, scanned, eof = 0, size_limit - 1, False
    while True:
        cut = buf.find(b"\n", scanned) if len(buf) > scanned else -1
        if cut >= 0:
            piece = bytes(buf[:cut])
            del buf[: cut + 1]
            yield piece, offset
            offset += piece.count(b"\n") + 1
            scanned = size_limit - 1
            continue
        if eof:
            yield bytes(buf), offset
            return
        scanned = max(scanned, len(buf))
        block = stream.read(size_limit)
        if block:
            buf += block
        else:
            eof = True
