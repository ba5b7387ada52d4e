"""The library: every article in a virtual table, filtered as you type, sorted by any column."""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Iterator, Sequence

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, ProgressBar, Static

from reader.base.errors import ReaderError, describe
from reader.library.index_columns import ArticleColumns, SnapshotDamaged
from reader.render import append_filters, clean, clean_line, plural
from reader.widgets.article_rows import (
    COLUMNS,
    Row,
    RowSource,
    RowView,
    actor_counts,
    filter_positions,
    sort_positions,
    tag_matches,
)
from reader.widgets.article_table import ArticleTable
from reader.widgets.safe_input import SafeInput


class LibraryScreen(Screen[None]):
    """Enter opens; `/` filters; `t`/`@` pick a tag or an actor; `i` imports; `q` quits."""

    # the footer shows the keys that matter and fit 80 columns; help (?) and the command
    # palette list them all
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filters", "Clear filters"),
        Binding("t", "tag_filter", "Tag filter"),
        Binding("at", "actor_filter", "Actor filter", key_display="@", show=False),
        Binding("f", "search", "Search text"),
        Binding("i", "import", "Import", show=False),
        Binding("a", "annotations", "All notes", show=False),
        Binding("p", "actors", "Actors", show=False),
        Binding("F", "feeds", "Feeds", key_display="F", show=False),
        Binding("U", "toggle_read", "Mark unread/read", key_display="U", show=False),
        Binding("e", "export", "Export shown", show=False),
        Binding("A", "disagreements", "Coder disagreements", key_display="A", show=False),
        Binding("S", "stats", "Statistics", key_display="S", show=False),
        Binding("q", "quit", "Quit"),
    ]
    HELP_SECTION = "Library"
    AT_ONCE = 20_000  # rows: a library this small is sorted and filtered in one go
    SLICE = 0.020  # seconds of work over the rows between two looks at the event loop
    SHOW_EVERY = 0.25  # seconds between two updates of the progress shown (each a layout)

    query_text: reactive[str] = reactive("", bindings=True)
    tag: reactive[str | None] = reactive(None, bindings=True)
    actor: reactive[str | None] = reactive(None, bindings=True)

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.source = RowSource(ArticleColumns.from_metas(()), {})
        self.all_rows = RowView(self.source)
        self._version = None
        self._resumed_once = False
        self._unread: int | None = 0
        self._damaged = 0
        self._damaged_warned = False
        self._damage_seen = False
        self._jobs: dict[str, Iterator[float]] = {}
        self._busy = ""  # what the view job is doing ("sorting", "filtering")
        self._done = 0.0  # the share of it done
        self._sorted_by = ("date", True)  # the order all_rows is in
        self._header_at = 0.0  # when the header was last updated
        self._stamp = None
        self._tagged_notes: set[str] = set()
        self._load_error = ""  # why the index could not be read (shown instead of the rows)
        self._index_problems: list[str] = []
        self._reading = False  # a thread reads articles.json whole (_start_reading)
        self._reading_since = 0.0
        self._reading_size = 0
        self._reading_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="library-header")
        yield SafeInput(placeholder="filter: title, source, tags, actors", id="filter")
        yield ProgressBar(total=None, show_eta=False, id="first-run")
        yield ArticleTable(id="articles")
        yield Footer(compact=True, show_command_palette=False)  # room for ? Help at 80 columns

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#first-run").display = False
        self._restore_sort()
        self.reload()
        self.query_one(ArticleTable).focus()
        self._version = self.session.version()
        if self.session.first_run:
            self.import_samples()
        interval = getattr(self.app, "poll_interval", 2.0)
        if interval:
            self.set_interval(interval, self.poll)

    # ---- data ----------------------------------------------------------------------------
    # The rows are a view over the index columns (article_rows.RowView): nothing is made per
    # article before the first paint. Work over every row (sorting, filtering, counting, the
    # filter text) runs as generators in slices between paints and keys (``_jobs``), at once
    # for a library small enough to do in one go.
    def reload(self) -> None:
        if self._reading:
            return  # the read under way catches up when it ends (_index_read)
        table = self.query_one(ArticleTable)
        keep = table.current.id if table.current else None
        self._stamp = self.session.index_stamp()  # what this load saw
        try:
            source = self.session.quick_row_source()
            error = ""
        except ReaderError as exc:
            source, error = RowSource(ArticleColumns.from_metas(()), {}), str(exc)
        if source is None:
            self._start_reading(keep)
            return
        self._take_rows(source, error, keep)

    def _take_rows(self, source: RowSource, error: str, keep: str | None) -> None:
        self._load_rows(source, error)
        if self.tag:
            self._tagged_notes = self._passage_articles()
        self._sorted_by = ("date", True)  # the columns' own order
        self._start_counts()
        self._apply(keep=keep)
        self._start_warm()
        self._warn_unreadable()

    def _warn_unreadable(self) -> None:
        """Tags, notes and read state that could not be read are said, never shown as none."""
        error = self.session.summaries_error
        if error and error != getattr(self, "_summaries_warned", ""):
            self.notify(f"notes and tags unreadable: {error}", severity="error", timeout=10)
        self._summaries_warned = error

    # ---- reading the whole index, in a thread ---------------------------------------------
    # With no snapshot of the index (a first start after an upgrade, a damaged or an old one)
    # the rows come from articles.json, read whole: 126 s at 1,000,000 articles. A thread reads
    # it (row_source() then writes the snapshot) while the screen shows progress and keys work.
    def _start_reading(self, keep: str | None) -> None:
        self._reading = True
        self._reading_since = time.monotonic()
        self._reading_size = self.session.index_size()
        bar = self.query_one("#first-run", ProgressBar)
        bar.update(total=None)
        bar.display = True
        table = self.query_one(ArticleTable)
        table.empty_hint = "  Reading the index: the rows follow (once; a snapshot is written)."
        table.refresh()
        self._update_header()
        self._reading_timer = self.set_interval(1.0, self._update_header)
        threading.Thread(
            target=self._read_index, args=(keep,), name="reader-index", daemon=True
        ).start()  # a daemon: q quits at once, never waiting for the read

    def _read_index(self, keep: str | None) -> None:
        """In the thread: the rows from articles.json (and a new snapshot), or why not."""
        source: RowSource | None = None
        try:
            if self.session.build_snapshot():  # in a process: the parse would hold the GIL
                source = self.session.quick_row_source()
            error = ""
            if source is None:  # no snapshot came of it: read here (a damaged index says why)
                source = self.session.row_source()
        except ReaderError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            error = describe(exc)
        try:
            self.app.call_from_thread(self._index_read, source, error, keep)
        except RuntimeError:  # the app ended meanwhile
            pass

    def _index_read(self, source: RowSource | None, error: str, keep: str | None) -> None:
        self._reading = False
        if self._reading_timer is not None:
            self._reading_timer.stop()
        self.query_one("#first-run").display = False
        self.query_one(ArticleTable).empty_hint = ArticleTable.EMPTY
        self._take_rows(source or RowSource(ArticleColumns.from_metas(()), {}), error, keep)
        self.catch_up()  # what was written while the thread read

    def _load_rows(self, source: RowSource, error: str) -> None:
        """The rows, or (a damaged or lost index) none and the reason, shown in the header and
        once as a notification: never an empty library that is not empty."""
        self.source = source
        self.source.on_damage = self._snapshot_damaged
        self.all_rows = RowView(self.source)
        if error and error != self._load_error:
            self.notify(clean(error), severity="error", timeout=30)
        self._load_error = error
        problems = self.session.index_problems()
        if problems and problems != self._index_problems:
            self.notify(
                f"{plural(len(problems), 'damaged index row')} left out: {clean(problems[0])}",
                severity="warning",
                timeout=20,
            )
        self._index_problems = problems

    def _snapshot_damaged(self, exc: Exception) -> None:
        """A chunk of the index snapshot failed its check: reload from the index (once)."""
        if not self._damage_seen:
            self._damage_seen = True
            self.session.snapshot_damaged()
            self.notify(f"{clean(str(exc))}: reloading from the index", severity="warning")
            self.call_later(self._reload_after_damage)

    def _reload_after_damage(self) -> None:
        self.reload()
        self._damage_seen = False

    # ---- work in slices ------------------------------------------------------------------
    def _run(self, slot: str, job: Iterator[float] | None) -> None:
        """Start ``job`` in ``slot`` ("view": sorting and filtering what is shown; "counts";
        "warm"), replacing the one there: its first slice now (the first screen of rows is
        shown by it), the rest between paints and keys; a small library runs it to the end."""
        if job is not None and len(self.source) <= self.AT_ONCE:
            for _ in job:
                pass
            job = None
        if job is None:
            self._jobs.pop(slot, None)
            return
        idle = not self._jobs
        self._jobs[slot] = job
        if self._slice(slot) and idle:
            self.set_timer(0.001, self._step)

    def _step(self) -> None:
        """One slice of a job waiting (what is shown first), then back to the event loop."""
        slot = "view" if "view" in self._jobs else next(iter(self._jobs), None)
        if slot is not None and self._slice(slot):
            self.set_timer(0.001, self._step)

    def _slice(self, slot: str) -> bool:
        """About ``SLICE`` seconds (at least one step) of the job in ``slot``; True while
        jobs wait."""
        job = self._jobs[slot]
        deadline = time.perf_counter() + self.SLICE
        try:
            while True:
                done = next(job)
                if slot == "view":
                    self._done = done
                if time.perf_counter() >= deadline:
                    break
        except StopIteration:
            if self._jobs.get(slot) is job:
                del self._jobs[slot]
            if slot == "view":
                self._update_header()
        except SnapshotDamaged as exc:
            self._jobs.clear()
            self._snapshot_damaged(exc)
            return False
        if slot == "view" and time.perf_counter() - self._header_at > self.SHOW_EVERY:
            self._update_header()  # progress, a few times a second (each update repaints)
        return bool(self._jobs)

    def _start_warm(self) -> None:
        self.set_timer(0.3, lambda: self._run("warm", self._warm()))

    def _warm(self) -> Iterator[float]:
        """After the first paint: load the article screen's code and fold every chunk's
        filter text, so the first Enter and the first `/` answer at once."""
        import reader.screens.article
        import reader.screens.dialogs  # noqa: F401

        source = self.source
        for k in range(source.chunks):
            source.hay(k)
            yield k / source.chunks

    def _start_counts(self) -> None:
        self._unread = None
        self._run("counts", self._count())

    def _count(self) -> Iterator[float]:
        """Unread articles (no read mark) and those with a damaged annotation file, over the
        rows here (a summary may outlive its article)."""
        source = self.source
        summaries = source.summaries
        read = {i for i, s in summaries.items() if getattr(s, "read", False)}
        damaged = {i for i, s in summaries.items() if Row(None, s).error}
        read_here = damaged_here = 0
        if read or damaged:
            for k in range(source.chunks):
                ids = source.ids(k)
                read_here += len(read.intersection(ids))
                damaged_here += len(damaged.intersection(ids))
                yield k / source.chunks
        self._unread, self._damaged = len(source) - read_here, damaged_here
        self._update_header()
        if not self._damaged_warned:
            self._damaged_warned = True
            self._warn_damaged()

    @property
    def filtered(self) -> bool:
        return bool(self.query_text or self.tag or self.actor)

    def _apply(self, keep: str | None = None) -> None:
        """Show the rows in the table's order with the filters (in slices at 1,000,000 rows)."""
        table = self.query_one(ArticleTable)
        if keep is None and table.current is not None:
            keep = table.current.id
        self._run("view", self._view(keep))
        self._update_header()

    def _view(self, keep: str | None, within: RowView | None = None) -> Iterator[float]:
        """Sort (if the order changed), then filter ``within`` (or every row), showing the
        first rows found as soon as they fill a screen."""
        table = self.query_one(ArticleTable)
        want = (table.sort_column, table.sort_reverse)
        if within is None and want != self._sorted_by:
            self._busy = "sorting"
            order = yield from sort_positions(self.source, *want)
            self.all_rows, self._sorted_by = RowView(self.source, order), want
        if not self.filtered:
            self._busy = ""
            table.set_rows(self.all_rows, keep=keep, presorted=True)
            return
        self._busy = "filtering"
        base = within if within is not None else self.all_rows
        found: array[int] = array("i")
        shown = RowView(self.source, found)
        only = self._tag_ids() if self.tag else None
        words = self.query_text.casefold().split()
        screen = max(50, table.size.height * 2)
        showing = False
        shown_at = 0.0
        for done in filter_positions(base, found, words, only=only, actor=self.actor):
            if showing:
                if time.perf_counter() - shown_at > self.SHOW_EVERY:  # the scrollbar grows
                    table.grew()
                    shown_at = time.perf_counter()
            elif len(found) >= screen:
                shown_at = time.perf_counter()
                table.set_rows(shown, keep=keep, presorted=True)
                showing = True
            yield done
        self._busy = ""
        table.set_rows(shown, keep=keep, presorted=True)

    def _tag_ids(self) -> set[str]:
        """Articles with the tag (or a child of it): their own tags or a passage's."""
        tag = self.tag or ""
        own = {
            i for i, s in self.source.summaries.items() if tag_matches(Row(None, s).tag_list, tag)
        }
        return own | self._tagged_notes

    def _narrow(self, previous: str) -> None:
        """A keystroke that only adds to the filter searches the rows already shown."""
        table = self.query_one(ArticleTable)
        if (
            previous
            and self.query_text.startswith(previous)
            and not (self.tag or self.actor)
            and "view" not in self._jobs
            and isinstance(table.rows, RowView)
        ):
            keep = table.current.id if table.current else None
            self._run("view", self._view(keep, within=table.rows))
            self._update_header()
        else:
            self._apply()

    def _update_header(self) -> None:
        self._header_at = time.perf_counter()
        table = self.query_one(ArticleTable)
        text = Text()
        text.append("reader", "bold")
        if self._reading:
            seconds = int(time.monotonic() - self._reading_since)
            size = self._reading_size / 1e6
            text.append(f"  reading the index, {size:.0f} MB · {seconds} s · q quits")
            self.query_one("#library-header", Static).update(text)
            return
        if self._load_error:
            text.append("  ")
            text.append(clean(self._load_error), "bold red")
            self.query_one("#library-header", Static).update(text)
            return
        unread = "…" if self._unread is None else str(self._unread)
        if self._busy and "view" in self._jobs:
            shown = f"{self._busy} {min(99, int(self._done * 100))}%"
        else:
            shown = f"{len(table.rows)} shown"
        text.append(f"  {plural(len(self.all_rows), 'article')} · {shown} · {unread} unread")
        text.append(f" · sorted by {table.sort_column} {'▼' if table.sort_reverse else '▲'}")
        news = getattr(self.session, "feed_news", 0)
        if news:
            text.append(f" · {news} new", "bold")
        if self.query_text:
            text.append(" · filter: ")
            text.append(clean_line(self.query_text), "bold")
        append_filters(text, tag=self.tag, actor=self.actor)
        self.query_one("#library-header", Static).update(text)

    @on(ArticleTable.Sorted)
    def _sorted(self) -> None:
        table = self.query_one(ArticleTable)
        self._apply()
        try:
            self.session.save_setting(
                "sort", {"column": table.sort_column, "reverse": table.sort_reverse}
            )
        except (OSError, ReaderError) as exc:
            why = getattr(exc, "strerror", None) or exc
            self.notify(f"sort not remembered: {why}", severity="warning")

    def _restore_sort(self) -> bool:
        """The sort chosen last time, like the theme; True if it is not the default (newest
        first, the order the index is stored in, so the default needs no sorting)."""
        saved = self.session.load_settings().get("sort")
        if not isinstance(saved, dict):
            return False
        column, reverse = saved.get("column"), saved.get("reverse")
        if column not in {name for name, _label in COLUMNS} or not isinstance(reverse, bool):
            return False
        table = self.query_one(ArticleTable)
        table.sort_column, table.sort_reverse = column, reverse
        return (column, reverse) != ("date", True)

    def _warn_damaged(self) -> None:
        """Once at start: damaged annotation files must not pass for "no notes"."""
        damaged = self._damaged
        if damaged:
            self.notify(
                f"{plural(damaged, 'article')} {'has' if damaged == 1 else 'have'}"
                " a damaged annotation file (marked ! in Notes);"
                " `reader doctor` repairs them.",
                severity="warning",
                timeout=10,
            )

    def action_toggle_read(self) -> None:
        """U: the article under the cursor becomes unread (or read, if it is unread)."""
        row = self.query_one(ArticleTable).current
        if row is None:
            return
        unread = row.summary is None or not row.summary.read
        try:
            self.session.store.set_state(row.id, read=unread)
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.notify(f"not saved: {describe(exc)}", severity="error")
            return
        self._version = self.session.version()
        self.refresh_annotations()
        self.notify("marked read" if unread else "marked unread")

    def refresh_annotations(self) -> None:
        """Tags, notes and read state changed: show them (no index reload)."""
        summaries = self.session.summaries()
        self._warn_unreadable()
        changed, retagged = self.source.update_summaries(summaries)
        if self.tag:
            tagged, self._tagged_notes = self._tagged_notes, self._passage_articles()
            if tagged != self._tagged_notes:
                retagged.add("")  # a passage's tag: the tag filter's rows change
        if changed or retagged:
            self._start_counts()
            resort = self._sorted_by[0] in ("read", "tags", "notes")
            if resort:
                self._sorted_by = ("", False)  # the order may have changed: sort again
            if resort or (retagged and (self.tag or self.query_text)):
                self._apply()  # only tags decide which rows a filter shows
            else:
                self.query_one(ArticleTable).refresh()

    def poll(self) -> None:
        """Show changes made elsewhere (the CLI, another window): articles, then annotations.
        Only while this screen is shown; coming back to it catches up (on_screen_resume)."""
        if self.app.screen is not self:
            return
        self.catch_up()

    def catch_up(self) -> None:
        if self._reading:
            return  # the read under way catches up when it ends
        stamp = self.session.index_stamp()
        if stamp != self._stamp:  # articles imported, removed or edited: reload (annotations too)
            self._version = self.session.version()
            self.reload()
            return
        version = self.session.version()
        if version != self._version:
            self._version = version
            self.refresh_annotations()

    def on_screen_resume(self) -> None:
        if self._resumed_once:  # back from an article or a dialog (not the first show)
            self.catch_up()
            self.refresh_annotations()  # this app's own writes (the version may not show them)
        self._resumed_once = True

    # ---- first run -----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="samples")
    def import_samples(self) -> None:
        from reader.library.ingest import import_paths

        self.app.call_from_thread(self._show_progress, 0, 0)

        def progress(done: int, total: int, _name: str) -> None:
            self.app.call_from_thread(self._show_progress, done, total)

        try:
            import_paths(self.session.library, [], samples=True, on_progress=progress)
        except Exception as exc:  # noqa: BLE001 - tell, never crash
            self.app.call_from_thread(self.notify, f"samples: {describe(exc)}", severity="error")
        self.app.call_from_thread(self._samples_done)

    def _show_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#first-run", ProgressBar)
        bar.display = True
        bar.update(total=total or None, progress=done)

    def _samples_done(self) -> None:
        self.query_one("#first-run").display = False
        self.session.first_run = False
        self.reload()
        self.notify(
            f"Welcome: {plural(len(self.sample_ids()), 'sample article')} (tagged sample)."
            " Enter opens one; ctrl+p: Remove the samples.",
            timeout=15,
            markup=False,
        )

    def sample_ids(self) -> list[str]:
        """The bundled samples in this library (the articles tagged ``sample``)."""
        from reader.library.ingest import SAMPLE_TAG

        tagged = {
            i
            for i, s in self.source.summaries.items()
            if SAMPLE_TAG in (t.casefold() for t in Row(None, s).tag_list)
        }
        here = self.source.existing(tagged)
        return [i for i in self.all_rows.ids() if i in here] if here else []

    def action_remove_samples(self) -> None:
        from reader.screens.dialogs import ConfirmDialog

        ids = self.sample_ids()
        if not ids:
            self.notify("No sample articles (tagged sample) in this library.")
            return

        def confirm(yes: bool | None) -> None:
            if yes:
                self.remove_articles(ids)

        question = (
            f"Remove the {plural(len(ids), 'sample article')} (tagged sample)? Notes on them"
            " stay, as orphans."
        )
        self.app.push_screen(ConfirmDialog(question), confirm)

    @work(thread=True, exclusive=True, group="remove")
    def remove_articles(self, ids: list[str]) -> None:
        try:
            self.session.library.remove(ids)
        except Exception as exc:  # noqa: BLE001 - tell, never crash
            self.app.call_from_thread(
                self.notify, f"not removed: {describe(exc)}", severity="error"
            )
            return
        self.app.call_from_thread(self._removed, len(ids))

    def _removed(self, count: int) -> None:
        self.reload()
        self.notify(f"{plural(count, 'article')} removed")

    # ---- filters -------------------------------------------------------------------------
    # while a thread reads the index, only what needs no rows: filtering (the rows come in
    # filtered), help and quit; the rest would wait for the index on the UI thread
    WHILE_READING = frozenset({"filter", "clear_filters", "quit", "help", "command_palette"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._reading and action not in self.WHILE_READING:
            return False
        if action == "clear_filters":
            return self.filtered or self.query_one("#filter").display
        return True

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        previous, self.query_text = self.query_text, event.value.strip()
        self._narrow(previous)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(ArticleTable).focus()

    def action_clear_filters(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        box.display = False
        self.query_text, self.tag, self.actor = "", None, None
        self._apply()
        self.query_one(ArticleTable).focus()

    # ---- elsewhere -----------------------------------------------------------------------
    @on(ArticleTable.Chosen)
    def open_article(self, event: ArticleTable.Chosen) -> None:
        from reader.screens.article import ArticleScreen

        table = self.query_one(ArticleTable)
        row = table.current
        if row is None or row.id != event.article_id:
            row = next((r for r in table.rows if r.id == event.article_id), None)
        try:
            screen = ArticleScreen(
                self.session, event.article_id, at=row.position if row is not None else None
            )
        except Exception as exc:  # noqa: BLE001 - a missing text file: say so, stay here
            self.notify(f"cannot open {event.article_id}: {describe(exc)}", severity="error")
            return
        self.app.push_screen(screen)

    def action_export(self) -> None:
        """The articles shown as one Markdown file: with only a tag filter, everything with
        that tag (on the article or a passage, as `reader export --tag` selects); with a text
        or actor filter, the rows shown; without a filter, the whole library."""
        rows = self.query_one(ArticleTable).rows
        if not rows:
            self.notify("Nothing shown to export.")
            return
        if self.tag and not (self.query_text or self.actor):
            ids, tag, title = [], self.tag, f"reader export - tag {self.tag}"
        elif self.filtered:
            ids, tag = _ids(rows), None
            title = f"reader export - {plural(len(ids), 'article')} shown"
        else:
            ids, tag, title = [], None, "reader export"
        self.notify(f"exporting {title} …", markup=False)
        self.export_shown(ids, tag, title)

    @work(thread=True, exclusive=True, group="export")
    def export_shown(self, ids: list[str], tag: str | None, title: str) -> None:
        try:
            path, count = self.session.export_selection(ids, tag, title)
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.app.call_from_thread(
                self.notify, f"export failed: {describe(exc)}", severity="error"
            )
            return
        self.app.call_from_thread(
            self.notify,
            f"exported {plural(count, 'article')} to {path}",
            timeout=8,
            markup=False,
        )

    def action_import(self) -> None:
        from reader.screens.import_dialog import ImportDialog

        def done(outcome) -> None:
            if outcome is None:  # closed before importing anything
                return
            if outcome.imported:
                self.reload()
            self.notify(
                "import: " + outcome.summary(),
                severity="warning" if outcome.failed else "information",
                markup=False,
            )

        self.app.push_screen(ImportDialog(self.session), done)

    def action_search(self) -> None:
        """The search screen, searching as you type."""
        from reader.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.session))

    def action_annotations(self) -> None:
        from reader.screens.annotations import AnnotationsScreen

        self.app.push_screen(AnnotationsScreen(self.session))

    def action_stats(self) -> None:
        """Who gets quoted, how, by which outlet and when: over the articles shown."""
        from reader.screens.stats import StatsScreen

        ids = _ids(self.query_one(ArticleTable).rows) if self.filtered else None
        self.app.push_screen(StatsScreen(self.session, ids, tag=self.tag, actor=self.actor))

    def action_disagreements(self) -> None:
        from reader.screens.coding import DisagreementScreen

        self.app.push_screen(DisagreementScreen(self.session))

    def action_actors(self) -> None:
        from reader.screens.actors import ActorsScreen

        self.app.push_screen(ActorsScreen(self.session))

    def action_feeds(self) -> None:
        from reader.screens.feeds import FeedsScreen

        self.app.push_screen(FeedsScreen(self.session))  # on return: catch_up() reloads

    def action_quit(self) -> None:
        self.app.exit()

    # ---- tag and actor filters: article and passage tags, with their parents -------------
    def action_tag_filter(self) -> None:
        counts = self._article_counts()
        if not counts:
            self.notify("No tags yet: open an article and press t to tag it.")
            return
        from reader.render import plural
        from reader.screens.dialogs import PickDialog

        options = [
            (f"{t}  ({plural(n, 'article')})", t)
            for t, n in sorted(counts.items(), key=lambda x: x[0].casefold())
        ]
        self.app.push_screen(
            PickDialog("Show articles tagged (article or passage tags)", options), self._set_tag
        )

    def _article_counts(self) -> dict[str, int]:
        """Each tag and parent with the number of articles in the library the filter would
        show (tagged themselves or on a passage, children included)."""
        try:
            tagged = self.session.store.articles_by_tag()
            spelled = {t.casefold(): t for t in self.session.store.tag_counts()}
        except Exception as exc:  # noqa: BLE001 - the table's own tags still work
            self.notify(f"passage tags unavailable: {describe(exc)}", severity="warning")
            tagged, spelled = {}, {}
            for article_id, summary in self.source.summaries.items():
                for tag in Row(None, summary).tag_list:
                    tagged.setdefault(tag.casefold(), set()).add(article_id)
                    spelled.setdefault(tag.casefold(), tag)
        shown = self.source.existing(set().union(*tagged.values()))
        articles: dict[str, set[str]] = {}
        spelling: dict[str, str] = {}
        for key, ids in tagged.items():
            name = spelled.get(key, key)
            parts = name.split("/")
            for depth in range(1, len(parts) + 1):
                parent = "/".join(parts[:depth])
                spelling.setdefault(parent.casefold(), parent)
                articles.setdefault(parent.casefold(), set()).update(ids & shown)
        return {spelling[k]: len(v) for k, v in articles.items() if v}

    def _passage_articles(self) -> set[str]:
        """Articles with a note tagged ``self.tag`` (or a child of it)."""
        if not self.tag:
            return set()
        try:
            return {note.article for note in self.session.store.notes(tag=self.tag)}
        except Exception as exc:  # noqa: BLE001
            self.notify(f"passage tags unavailable: {describe(exc)}", severity="warning")
            return set()

    def _set_tag(self, tag: str | None) -> None:
        if tag is not None:
            self.tag = tag
            self._tagged_notes = self._passage_articles()
            self._apply()

    def action_actor_filter(self) -> None:
        self._count_actors(self.source)

    @work(thread=True, exclusive=True, group="actors")
    def _count_actors(self, source: RowSource) -> None:
        """Every actor's number of articles (a thread: a pass over every row)."""
        try:
            counts = actor_counts(source)
        except SnapshotDamaged as exc:
            self.app.call_from_thread(self._snapshot_damaged, exc)
            return
        self.app.call_from_thread(self._pick_actor, counts)

    def _pick_actor(self, counts: dict[str, int]) -> None:
        if not counts:
            self.notify("No actors found in these articles.")
            return
        from reader.screens.dialogs import PickDialog

        options = [(f"{a}  ({n})", a) for a, n in sorted(counts.items(), key=lambda x: -x[1])]
        self.app.push_screen(PickDialog("Show articles mentioning", options), self._set_actor)

    def _set_actor(self, actor: str | None) -> None:
        if actor is not None:
            self.actor = actor
            self._apply()


def _ids(rows: Sequence[Row]) -> list[str]:
    ids = getattr(rows, "ids", None)
    return ids() if callable(ids) else [r.id for r in rows]


def tag_counts_with_parents(counts: dict[str, int]) -> dict[str, int]:
    """Add each parent of a hierarchical tag (``frame`` for ``frame/war``) with the sum of its
    own count and its children's, since picking a parent shows the children too."""
    out: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for tag, n in counts.items():
        parts = tag.split("/")
        for depth in range(1, len(parts) + 1):
            name = "/".join(parts[:depth])
            key = spelling.setdefault(name.casefold(), name)
            out[key] = out.get(key, 0) + n
    return out
