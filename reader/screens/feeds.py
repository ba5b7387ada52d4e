"""`F` on the library: the feeds, each with its last update and error state; add, remove,
update one or all. An update runs in a thread worker with a progress bar; Escape while it runs
stops it cleanly (what was imported stays). When it is done the library says how many are new.
"""

from __future__ import annotations

import threading
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, ProgressBar, Static

from reader.render import plural
from reader.screens.lists import ListScreen
from reader.widgets.safe_input import SafeInput


def feed_label(row: dict[str, Any]) -> Text:
    """One feed as a list line: title, tags, then its state (errors stand out)."""
    text = Text()
    failed = row["last_status"] == "error"
    text.append("! " if failed else "  ", "bold red" if failed else "")
    text.append(row["title"] or row["url"], "bold")
    text.append(f"  {row['id']}", "dim")
    if row["tags"]:
        text.append("  " + ", ".join(row["tags"]), "italic")
    text.append("\n    ")
    if row["last_status"] is None:
        text.append("never updated", "dim")
    else:
        when = (row["last_update"] or "")[:16].replace("T", " ")
        text.append(f"{row['last_status']} {when}", "red" if failed else "dim")
    if row["error"]:
        text.append(f" · {row['error']}", "red" if failed else "yellow")
    text.append(f" · {plural(row['articles'], 'article')}", "dim")
    if not row["title"]:
        return text
    text.append(f" · {row['url']}", "dim")
    return text


class FeedsScreen(ListScreen):
    """Enter or u updates the highlighted feed, U all; a adds, d removes."""

    BINDINGS = [
        Binding("u", "update_one", "Update"),
        Binding("U", "update_all", "Update all", key_display="U"),
        Binding("a", "add", "Add feed"),
        Binding("d,delete", "remove", "Remove"),
        Binding("slash", "filter", "Filter", show=False),
        Binding("escape,q", "back", "Back / stop"),
    ]
    title_text = "Feeds"
    empty_text = "No feeds yet: a adds one (its URL), or `reader feed import FILE.opml`."

    def __init__(self, session) -> None:
        super().__init__(session)
        self.cancel_event = threading.Event()
        self.running = False
        self.new = 0
        self.errors: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(classes="list-header", id="list-header")
        yield SafeInput(placeholder="filter", id="list-filter")
        yield OptionList(classes="wide-list", id="list")
        yield ProgressBar(total=None, show_eta=False, id="feeds-progress")
        yield Static(id="feeds-status")
        yield Footer(compact=True, show_command_palette=False)

    def load(self) -> None:
        self.query_one("#feeds-progress").display = False
        self.reload()

    def reload(self) -> None:
        from reader.library.feeds import feed_rows

        try:
            rows = feed_rows(self.session.root)
        except Exception as exc:  # noqa: BLE001 - a damaged feeds.json: say so, stay usable
            rows = []
            self._status(f"feeds unreadable: {exc}")
        keep = self._current()
        self.entries = [
            (feed_label(r), " ".join([r["title"] or "", r["url"], *r["tags"]]).casefold(), r)
            for r in rows
        ]
        self.fill()
        if keep is not None:
            for index, row in enumerate(self.shown):
                if row["id"] == keep["id"]:
                    self.query_one("#list", OptionList).highlighted = index

    def _current(self) -> dict[str, Any] | None:
        if not self.is_mounted:
            return None
        index = self.query_one("#list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    def _status(self, message: str, style: str = "") -> None:
        self.query_one("#feeds-status", Static).update(Text(message, style))

    # keys -----------------------------------------------------------------------------------
    def open(self, payload: Any) -> None:
        self.action_update_one()

    def action_update_one(self) -> None:
        row = self._current()
        if row is None:
            self._status("no feed highlighted")
            return
        self._start([row["id"]], row["title"] or row["url"])

    def action_update_all(self) -> None:
        if not self.entries:
            self._status("no feeds to update: a adds one")
            return
        self._start(None, plural(len(self.entries), "feed"))

    def action_add(self) -> None:
        from reader.screens.dialogs import TextPrompt

        def added(value: str | None) -> None:
            if value and value.strip():
                self._add(value.strip())

        self.app.push_screen(
            TextPrompt(
                "Add a feed: its URL, then tags after it if you like",
                placeholder="https://example.org/feed.xml climate, outlet/example",
                hint="Enter adds (it is fetched at the next update) · Escape cancels",
            ),
            added,
        )

    def _add(self, value: str) -> None:
        from reader.library.feeds import FeedStore

        url, _, rest = value.partition(" ")
        tags = [t.strip() for t in rest.split(",") if t.strip()]
        try:
            feed, new = FeedStore(self.session.root).add(url, tags)
        except Exception as exc:  # noqa: BLE001 - a bad URL or tag: one line, stay here
            self._status(f"error {url}: {exc}", "red")
            return
        self.reload()
        self._status(f"{'added' if new else 'already there:'} {feed.id} {feed.url}")

    def action_remove(self) -> None:
        from reader.screens.dialogs import ConfirmDialog

        row = self._current()
        if row is None or self.running:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from reader.library.feeds import FeedStore

            try:
                FeedStore(self.session.root).remove(row["id"])
            except Exception as exc:  # noqa: BLE001
                self._status(f"not removed: {exc}", "red")
                return
            self.reload()
            self._status(f"removed {row['id']} {row['url']} (its articles stay)")

        name = row["title"] or row["url"]
        self.app.push_screen(ConfirmDialog(f"Stop following {name}? Its articles stay."), confirmed)

    def action_back(self) -> None:
        if self.running:
            self.cancel_event.set()
            self._status("stopping the update …")
            return
        super().action_back()

    # the update -----------------------------------------------------------------------------
    def _start(self, feed_ids: list[str] | None, what: str) -> None:
        if self.running:
            return
        self.running = True
        self.cancel_event.clear()
        self.new, self.errors = 0, []
        bar = self.query_one("#feeds-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._status(f"updating {what} …")
        self.run_update(feed_ids)

    @work(thread=True, exclusive=True, group="feeds")
    def run_update(self, feed_ids: list[str] | None) -> None:
        from reader.library.feed_update import update_feeds
        from reader.library.feeds import FeedStore
        from reader.library.models import ImportOutcome

        def progress(done: int, total: int, name: str) -> None:
            self.app.call_from_thread(self._progress, done, total, name)

        def result(outcome: ImportOutcome) -> None:
            if outcome.status == "imported":
                self.new += 1

        def error(where: str, reason: str) -> None:
            self.errors.append((where, reason))

        cancelled = False
        try:
            store = FeedStore(self.session.root)
            feeds = None if feed_ids is None else [store.resolve(i) for i in feed_ids]
            report = update_feeds(
                self.session.library,
                feeds,
                on_result=result,
                on_error=error,
                on_progress=progress,
                cancel=self.cancel_event,
            )
            cancelled = report.cancelled
        except Exception as exc:  # noqa: BLE001 - report, never crash the app
            self.errors.append(("update", str(exc)))
        self.app.call_from_thread(self._finished, cancelled)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.query_one("#feeds-progress", ProgressBar).update(total=total or None, progress=done)
        if name:
            self._status(f"{done}/{total} {name}")

    def _finished(self, cancelled: bool) -> None:
        self.running = False
        self.query_one("#feeds-progress").display = False
        self.session.feed_news = getattr(self.session, "feed_news", 0) + self.new
        parts = [f"{self.new} new"]
        if self.errors:
            where, reason = self.errors[0]
            parts.append(f"{plural(len(self.errors), 'error')} (error {where}: {reason})")
        if cancelled:
            parts.append("stopped")
        self._status(" · ".join(parts), "red" if self.errors else "")
        self.reload()
