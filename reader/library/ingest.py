"""The import driver shared by the CLI (``reader import``) and the TUI's import worker.

Why one driver: both must behave the same way: every good file imported, every bad one reported
with its reason while the rest goes on, progress reported, and a cancel (ctrl+c in the CLI, a
button or Escape in the TUI) that stops cleanly: what was imported is committed, nothing is
half-written.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reader.importing.formats import for_path
from reader.importing.models import ImportFailure, ParsedArticle

from .models import ArticleMeta, ImportOutcome
from .store import Library

CHUNK_BYTES = 4 * 1024 * 1024
PROGRESS_EVERY = 0.05  # seconds between progress reports inside a corpus
SAMPLE_TAG = "sample"  # the bundled sample articles carry it
ResultCallback = Callable[[ImportOutcome], None]
ProgressCallback = Callable[[int, int, str], None]  # (done, total, current name)


@dataclass
class ImportReport:
    imported: list[ArticleMeta] = field(default_factory=list)
    duplicates: list[ArticleMeta] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (PATH or PATH:LINE, reason)
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
) -> ImportReport:
    """Import files, folders (recursive), ``-`` (one article from ``stdin``) and corpora such
    as ``.jsonl`` (one article a line; see reader.importing.formats). Results are reported as
    they are committed."""
    from reader.importing.importer import collect_files

    report = ImportReport(keep=keep)
    sample_root = None
    sample_ids: dict[str, list[str]] = {}

    def result(outcome: ImportOutcome) -> None:
        if outcome.meta is not None and outcome.status == "imported":
            report.imported_count += 1
            if keep:
                report.imported.append(outcome.meta)
            if sample_root is not None and outcome.name.startswith(sample_root):
                sample_ids[outcome.meta.id] = [SAMPLE_TAG]
        elif outcome.meta is not None and outcome.status == "duplicate":
            report.duplicate_count += 1
            if keep:
                report.duplicates.append(outcome.meta)
        else:
            report.errors.append((outcome.name, outcome.reason))
        if on_result is not None:
            on_result(outcome)

    wanted = [str(p) for p in paths]
    use_stdin = "-" in wanted
    wanted = [p for p in wanted if p != "-"]
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
    total = len(sources)
    done = 0

    def items() -> Iterator[tuple[ParsedArticle, bytes, str]]:
        nonlocal done, total
        for name, data, reason in sources:
            if on_progress is not None:
                on_progress(done, total, name)
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                return
            done += 1
            if reason is not None:
                result(ImportOutcome(name, "error", reason=reason))
                continue
            if data is None:
                try:
                    data = Path(name).read_bytes()
                except OSError as exc:
                    result(ImportOutcome(name, "error", reason=exc.strerror or str(exc)))
                    continue
            fmt = for_path(name)
            if fmt is not None and fmt.many:
                # a corpus counts one unit a line, so its progress moves while it imports
                lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
                total += max(0, lines - 1)
                end, last = done + max(0, lines - 1), 0.0
                for item in _corpus_items(data, name, result, cancel, report):
                    done = min(done + 1, end)
                    now = time.monotonic()
                    if on_progress is not None and now - last >= PROGRESS_EVERY:
                        on_progress(done, total, item[2])
                        last = now
                    yield item
                done = end  # bad and blank lines count too
                continue
            parsed = _parse(data, name, result)
            if parsed is not None and _storable(parsed, name, result):
                yield parsed, data, name
        if on_progress is not None:
            on_progress(done, total, "")

    try:
        library.add_many(
            items(),
            on_result=result,
            batch_seconds=batch_seconds,
            keep=keep,
        )
    except KeyboardInterrupt:
        report.cancelled = True  # add_many committed what was fully written before re-raising
    if sample_ids:  # so they can be told apart and removed at once (reader rm --tag sample)
        library.annotations.tag_articles(dict(sample_ids))
    return report


def _read_stdin(stdin: BinaryIO | bytes | None) -> bytes:
    if isinstance(stdin, bytes):
        return stdin
    stream = stdin if stdin is not None else sys.stdin.buffer
    return stream.read()


def _parse(data: bytes, name: str, result: ResultCallback) -> ParsedArticle | None:
    from reader.importing.importer import parse_document

    try:
        return parse_document(data, name)
    except ImportFailure as exc:
        result(ImportOutcome(name, "error", reason=str(exc) or "cannot be imported"))
    except RecursionError:
        result(ImportOutcome(name, "error", reason="document nested too deeply"))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the import
        result(ImportOutcome(name, "error", reason=f"cannot be read ({type(exc).__name__}: {exc})"))
    return None


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
    data: bytes,
    name: str,
    result: ResultCallback,
    cancel: threading.Event | None,
    report: ImportReport,
) -> Iterator[tuple[ParsedArticle, bytes, str]]:
    """Each good line as an article whose original bytes are the line itself."""
    from reader.importing.importer import iter_corpus

    lines = data.split(b"\n")
    for chunk, offset in _corpus_chunks(data, lines):
        if offset and not chunk.strip():
            continue  # only the trailing newline(s) after a full chunk: not an empty file
        for lineno, item in iter_corpus(chunk, name):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                return
            if lineno == 0:  # the file as a whole (binary, unreadable encoding, ...)
                result(ImportOutcome(name, "error", reason=str(item) or "cannot be imported"))
                return
            lineno += offset
            where = f"{name}:{lineno}"
            if isinstance(item, ImportFailure):
                result(ImportOutcome(where, "error", reason=str(item) or "cannot be imported"))
                continue
            if not _storable(item, where, result):
                continue
            raw = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else b""
            if not raw:
                raw = item.text.encode("utf-8")
            yield item, raw, where


def _corpus_chunks(data: bytes, lines: list[bytes]) -> Iterator[tuple[bytes, int]]:
    """A corpus in pieces of whole lines, with the number of lines before each piece: the
    importer's size limit is meant for one article, and a corpus of 10,000 is far larger.
    UTF-16 files (NUL bytes) can't be cut at b"\n" and go whole."""
    if len(data) <= CHUNK_BYTES or b"\x00" in data[:4096]:
        yield data, 0
        return
    start, size = 0, 0
    for i, line in enumerate(lines):
        size += len(line) + 1
        if size >= CHUNK_BYTES:
            yield b"\n".join(lines[start : i + 1]), start
            start, size = i + 1, 0
    if start < len(lines):
        yield b"\n".join(lines[start:]), start
