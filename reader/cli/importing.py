"""``reader import``: files, folders, ``-`` and ``.jsonl`` corpora, with progress on a terminal."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .output import UsageError, err, one_line, out


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal (never in pipes/logs)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.last = 0.0
        self.shown = False
        self.started: tuple[float, int] | None = None  # (time, done) when counting began

    def update(self, done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = width * done // total if total else width
        label = one_line(name)[-40:]
        bar = "#" * filled + "-" * (width - filled)
        eta = self.eta(now, done, total)
        self.stream.write(f"\r\x1b[K[{bar}] {done}/{total}{eta} {label}")
        self.stream.flush()
        self.shown = True

    def eta(self, now: float, done: int, total: int) -> str:
        """`` ~2 min left`` from the rate so far (after a few seconds of it)."""
        if self.started is None:
            self.started = (now, done)
            return ""
        seconds, count = now - self.started[0], done - self.started[1]
        if seconds < 3 or count <= 0 or done >= total:
            return ""
        left = (total - done) * seconds / count
        if left < 90:
            return f" ~{left:.0f} s left"
        return f" ~{left / 60:.0f} min left" if left < 5400 else f" ~{left / 3600:.1f} h left"

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


@contextmanager
def ctrl_c_cancels(cancel: threading.Event) -> Iterator[None]:
    """The first ctrl+c asks the import to stop after the current article (everything written
    is committed and reported); a second one stops at once."""

    def on_interrupt(signum, frame) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # e.g. a background job: keep so
        yield
        return
    try:
        previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread: leave ctrl+c alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def cmd_import(args: argparse.Namespace, root: Path) -> int:
    from reader.library.ingest import import_paths
    from reader.library.models import ImportOutcome
    from reader.library.store import Library

    if not args.paths and not args.samples:
        raise UsageError("nothing to import: give PATH... (- reads stdin) or --samples")
    from .output import opened

    library = opened(Library(root, create=True))
    progress = TerminalProgress()

    def on_result(outcome: ImportOutcome) -> None:
        progress.clear()
        if outcome.meta is None:  # error, or warning: imported all the same (exit 0)
            status = "warning" if outcome.status == "warning" else "error"
            err(f"{status} {one_line(outcome.name)}: {one_line(outcome.reason)}")
        else:
            out(f"{outcome.status} {outcome.meta.id} {one_line(outcome.meta.title)}")
            sys.stdout.flush()

    from reader.importing.importer import MAX_BYTES

    # before ctrl+c is caught; one byte over the size limit is enough to say it is too large
    stdin = sys.stdin.buffer.read(MAX_BYTES + 1) if "-" in args.paths else None
    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        report = import_paths(
            library,
            args.paths,
            samples=args.samples,
            stdin=stdin,
            on_result=on_result,
            on_progress=progress.update,
            cancel=cancel,
            fetch=args.fetch,
            keep=False,  # a 100,000-article corpus: counts, not a list of every row
        )
    progress.clear()
    if report.cancelled:
        err(
            f"reader: interrupted; {report.imported_count} imported before it are kept "
            "(the same command again skips them)"
        )
        return 130
    return 1 if report.failed else 0
