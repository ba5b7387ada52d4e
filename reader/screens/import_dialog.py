"""`i` on the library: a path prompt with completion, then the import in a thread worker with a
progress bar. Escape while it runs cancels cleanly (what was committed stays). The outcome
always shows: in the dialog until a key pressed after it appeared closes it (an Enter typed
while the import ran, or right after a Tab completion, does not), then as a notification; the
dialog returns an :class:`ImportSummary`.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, ProgressBar, Static

from reader.base.errors import describe
from reader.importing.formats import suffix_text
from reader.render import clean_line, plural
from reader.screens.dialogs import Dialog
from reader.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from reader.library.models import ImportOutcome


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    cancelled: bool = False
    first_error: str = ""

    def summary(self) -> str:
        parts = [f"{self.imported} imported", plural(self.duplicates, "duplicate")]
        if self.failed:
            parts.append(f"{self.failed} failed")
            if self.first_error:
                parts.append(f"({self.first_error})")
        if self.cancelled:
            parts.append("— cancelled")
        return " · ".join(parts)


class PathSuggester(Suggester):
    """Completes the last path component from the file system (folders end with ``/``)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, stem = os.path.split(expanded)
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            return None
        for name in names:
            if name.startswith(stem) and name != stem and (stem or not name.startswith(".")):
                full = os.path.join(folder, name)
                suffix = "/" if os.path.isdir(full) else ""
                return value + name[len(stem) :] + suffix
        return None


class PathInput(SafeInput):
    """An Input where Tab accepts the completion (right arrow does too)."""

    BINDINGS = [Binding("tab", "complete", "Complete path", show=False)]

    def action_complete(self) -> None:
        if self._suggestion:
            self.value = self._suggestion
            self.cursor_position = len(self.value)


class ImportDialog(Dialog):
    """Asks for a path, imports it in a worker, reports the counts."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel / close"),
        Binding("enter", "save", "Import / close", show=False),
    ]

    def __init__(self, session, initial: str = "") -> None:
        super().__init__()
        self.session = session
        self.initial = initial
        self.cancel_event = threading.Event()
        self.running = False
        self.imported = 0
        self.duplicates = 0
        self.errors: list[tuple[str, str]] = []
        self.outcome: ImportSummary | None = None  # set when the import has finished
        self.shown_at = 0.0  # when the outcome appeared (keys typed before it don't close)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import-dialog"):
            yield Label(
                Text(f"Import files or folders ({suffix_text(short=True)}) or a page's URL"),
                classes="dialog-title",
            )
            yield PathInput(
                self.initial,
                placeholder="path (Tab completes) or https://…",
                suggester=PathSuggester(),
                id="import-path",
            )
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            yield Static(
                Text("Enter imports · Escape cancels"), id="import-status", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False  # shown once the import starts

    @on(Input.Submitted, "#import-path")
    def _submitted(self) -> None:
        self.action_save()

    def on_key(self, event: events.Key) -> None:
        # a key typed before the outcome was on screen (Enter pressed twice, or while the
        # import ran) must not close the dialog unseen
        if self.outcome is not None and event.time < self.shown_at:
            event.stop()
            event.prevent_default()

    def action_save(self) -> None:
        if self.running:
            return
        if self.outcome is not None:  # finished: Enter closes
            self.dismiss(self.outcome)
            return
        raw = self.query_one("#import-path", Input).value.strip()
        if not raw:
            self._status("type a path first")
            return
        is_url = raw[:8].lower().startswith(("http://", "https://"))
        path: Path | str = raw if is_url else Path(os.path.expanduser(raw))
        if not is_url and not Path(path).exists():
            self._status(f"error {raw}: no such file or folder")
            return
        self.running = True
        self.query_one("#import-progress").display = True
        self.query_one("#import-path", Input).disabled = True
        self._status(f"importing {raw} …")
        self.run_import(path)

    def action_cancel(self) -> None:
        if self.running:
            self.cancel_event.set()
            self._status("cancelling …")
            return
        self.dismiss(self.outcome)

    def _status(self, message: str) -> None:
        self.query_one("#import-status", Static).update(Text(clean_line(message)))

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: Path | str) -> None:
        from reader.library.ingest import import_paths

        def progress(done: int, total: int, name: str) -> None:
            self.app.call_from_thread(self._progress, done, total, name)

        def result(outcome: ImportOutcome) -> None:
            if outcome.status == "imported":
                self.imported += 1
            elif outcome.status == "duplicate":
                self.duplicates += 1
            elif outcome.status != "warning":  # a warning's article is imported all the same
                self.errors.append((outcome.name, outcome.reason))

        try:
            report = import_paths(
                self.session.library,
                [path],
                on_result=result,
                on_progress=progress,
                cancel=self.cancel_event,
            )
            cancelled = report.cancelled
        except Exception as exc:  # noqa: BLE001 - report, never crash the app
            self.errors.append((str(path), describe(exc)))
            cancelled = False
        self.app.call_from_thread(self._finished, cancelled)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total or None, progress=done)
        if name:
            self._status(f"{done}/{total} {_shown(name)}")

    def _finished(self, cancelled: bool) -> None:
        if not (self.imported or self.duplicates or self.errors or cancelled):
            self.errors.append(("", "nothing to import"))
        first = ""
        if self.errors:
            name, reason = self.errors[0]
            first = f"error {_shown(name)}: {reason}" if name else reason
        self.outcome = ImportSummary(
            self.imported, self.duplicates, len(self.errors), cancelled, first
        )
        self._status(self.outcome.summary() + " · Enter or Escape closes")
        self.call_after_refresh(self._outcome_shown)
        self.running = False

    def _outcome_shown(self) -> None:
        self.shown_at = time.monotonic()


def _shown(name: str) -> str:
    """A file by its name, a URL whole."""
    return name if name[:8].lower().startswith(("http://", "https://")) else Path(name).name
