"""The library: every article in a virtual table, filtered as you type, sorted by any column."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from reader.base.errors import ReaderError, describe
from reader.render import append_filters, clean, clean_line, plural
from reader.widgets.article_rows import COLUMNS, Row, filter_rows, sort_rows
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

    query_text: reactive[str] = reactive("", bindings=True)
    tag: reactive[str | None] = reactive(None, bindings=True)
    actor: reactive[str | None] = reactive(None, bindings=True)

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.all_rows: list[Row] = []
        self._version = None
        self._resumed_once = False
        self._unread = 0
        self._stamp = None
        self._tagged_notes: set[str] = set()
        self._load_error = ""  # why the index could not be read (shown instead of the rows)
        self._index_problems: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="library-header")
        yield SafeInput(placeholder="filter: title, source, tags, actors", id="filter")
        yield ProgressBar(total=None, show_eta=False, id="first-run")
        yield ArticleTable(id="articles")
        yield Footer(compact=True, show_command_palette=False)  # room for ? Help at 80 columns

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#first-run").display = False
        restored = self._restore_sort()
        self.reload(presorted=not restored)
        self.query_one(ArticleTable).focus()
        self._version = self.session.version()
        self._warn_damaged()
        if self.session.first_run:
            self.import_samples()
        interval = getattr(self.app, "poll_interval", 2.0)
        if interval:
            self.set_interval(interval, self.poll)

    # ---- data ----------------------------------------------------------------------------
    def reload(self, *, presorted: bool = False) -> None:
        table = self.query_one(ArticleTable)
        keep = table.current.id if table.current else None
        self._stamp = self.session.index_stamp()  # what this load saw
        self._load_rows()
        if self.tag:
            self._tagged_notes = self._passage_articles()
        self._count_unread()
        self._apply(keep=keep, presorted=presorted and not self.filtered)
        self._start_warm()
        self._warn_unreadable()

    def _warn_unreadable(self) -> None:
        """Tags, notes and read state that could not be read are said, never shown as none."""
        error = self.session.summaries_error
        if error and error != getattr(self, "_summaries_warned", ""):
            self.notify(f"notes and tags unreadable: {error}", severity="error", timeout=10)
        self._summaries_warned = error

    def _load_rows(self) -> None:
        """The rows, or (a damaged or lost index) none and the reason, shown in the header and
        once as a notification: never an empty library that is not empty."""
        try:
            self.all_rows = self.session.rows()
            error = ""
        except ReaderError as exc:
            self.all_rows, error = [], str(exc)
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

    def _start_warm(self) -> None:
        self._warm_rows, self._warm_pos = self.all_rows, 0
        self.set_timer(0.3, self._warm_step)

    def _warm_step(self) -> None:
        """After the first paint, in small slices on the main thread (a thread would hold the
        GIL and slow the paint): load the article screen's code and fold every row's filter
        text, so the first Enter and the first `/` answer at once."""
        if self._warm_pos == 0:
            import reader.screens.article
            import reader.screens.dialogs  # noqa: F401
        rows, start = self._warm_rows, self._warm_pos
        end = min(len(rows), start + 5000)
        for row in rows[start:end]:
            row.haystack()
        self._warm_pos = end
        if end < len(rows) and rows is self.all_rows:
            self.set_timer(0.02, self._warm_step)

    @property
    def filtered(self) -> bool:
        return bool(self.query_text or self.tag or self.actor)

    def _apply(self, keep: str | None = None, presorted: bool = False) -> None:
        """Filter ``all_rows`` (kept in the table's sort order, so no re-sort per keystroke)."""
        table = self.query_one(ArticleTable)
        if not presorted and (table.sort_column, table.sort_reverse) != ("date", True):
            self.all_rows = sort_rows(self.all_rows, table.sort_column, table.sort_reverse)
        rows = filter_rows(self.all_rows, self.query_text, actor=self.actor)
        if self.tag:  # the article's own tags, or a tag on one of its passages
            tagged = {r.id for r in filter_rows(rows, tag=self.tag)} | self._tagged_notes
            rows = [r for r in rows if r.id in tagged]
        if keep is None and table.current is not None:
            keep = table.current.id
        table.set_rows(rows, keep=keep, presorted=True)
        self._update_header()

    def _narrow(self, previous: str) -> None:
        """A keystroke that only adds to the filter searches the rows already shown."""
        table = self.query_one(ArticleTable)
        if previous and self.query_text.startswith(previous) and not (self.tag or self.actor):
            rows = filter_rows(table.rows, self.query_text)
            table.set_rows(rows, keep=table.current.id if table.current else None, presorted=True)
            self._update_header()
        else:
            self._apply(presorted=True)

    def _update_header(self) -> None:
        table = self.query_one(ArticleTable)
        unread = self._unread
        text = Text()
        text.append("reader", "bold")
        if self._load_error:
            text.append("  ")
            text.append(clean(self._load_error), "bold red")
            self.query_one("#library-header", Static).update(text)
            return
        text.append(
            f"  {plural(len(self.all_rows), 'article')} · {len(table.rows)} shown · {unread} unread"
        )
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
        self.all_rows = sort_rows(self.all_rows, table.sort_column, table.sort_reverse)
        self._update_header()
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
        damaged = sum(1 for r in self.all_rows if r.error)
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

    def _count_unread(self) -> None:
        self._unread = sum(1 for r in self.all_rows if r.summary is None or not r.summary.read)

    def refresh_annotations(self) -> None:
        """Tags, notes and read state changed: update rows in place (no index reload)."""
        summaries = self.session.summaries()
        self._warn_unreadable()
        changed = False
        for row in self.all_rows:
            new = summaries.get(row.meta.id)
            if new is row.summary or (new is not None and new == row.summary):
                continue  # the common case at 100,000 rows: nothing to do
            changed = row.apply(new) or changed
        if self.tag:
            tagged, self._tagged_notes = self._tagged_notes, self._passage_articles()
            changed = changed or tagged != self._tagged_notes
        if changed:
            self._count_unread()
            self._apply(presorted=True)

    def poll(self) -> None:
        """Show changes made elsewhere (the CLI, another window): articles, then annotations.
        Only while this screen is shown; coming back to it catches up (on_screen_resume)."""
        if self.app.screen is not self:
            return
        self.catch_up()

    def catch_up(self) -> None:
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

        return [r.id for r in self.all_rows if SAMPLE_TAG in (t.casefold() for t in r.tag_list)]

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
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
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
        self._apply(presorted=True)
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
            ids, tag = [r.id for r in rows], None
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

        ids = [r.id for r in self.query_one(ArticleTable).rows] if self.filtered else None
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
        shown = {row.id for row in self.all_rows}
        try:
            tagged = self.session.store.articles_by_tag()
            spelled = {t.casefold(): t for t in self.session.store.tag_counts()}
        except Exception as exc:  # noqa: BLE001 - the table's own tags still work
            self.notify(f"passage tags unavailable: {describe(exc)}", severity="warning")
            tagged, spelled = {}, {}
            for row in self.all_rows:
                for tag in row.tag_list:
                    tagged.setdefault(tag.casefold(), set()).add(row.id)
                    spelled.setdefault(tag.casefold(), tag)
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
            self._apply(presorted=True)

    def action_actor_filter(self) -> None:
        counts: dict[str, int] = {}
        for row in self.all_rows:
            for actor in row.actors:
                counts[actor] = counts.get(actor, 0) + 1
        if not counts:
            self.notify("No actors found in these articles.")
            return
        from reader.screens.dialogs import PickDialog

        options = [(f"{a}  ({n})", a) for a, n in sorted(counts.items(), key=lambda x: -x[1])]
        self.app.push_screen(PickDialog("Show articles mentioning", options), self._set_actor)

    def _set_actor(self, actor: str | None) -> None:
        if actor is not None:
            self.actor = actor
            self._apply(presorted=True)


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
