"""One article: highlighted body, passage cursor, notes, tags, panels, search, export."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from annotations.corrections import kind_words
from reader.render import body_spans, check_marks, clean_with_map, header, legend, plural
from reader.screens.article_annotate import AnnotationActions
from reader.screens.article_correct import STATUS_WORDS, CorrectionActions
from reader.widgets.article_layout import ArticleLayout
from reader.widgets.article_view import ArticleView
from reader.widgets.panels import ActorsPanel, NotesPanel


class ArticleScreen(CorrectionActions, AnnotationActions, Screen[None]):
    """Reading and annotating one article; q or Escape goes back (the position is kept)."""

    # the footer shows what fits 80 columns; help (?) and the palette list every key
    BINDINGS = [
        Binding("slash", "search", "Search text", show=False),
        Binding("a", "note", "Note"),
        Binding("T", "tag_passage", "Tag passage", key_display="T", show=False),
        Binding("t", "tag_article", "Tag article"),
        Binding("e", "export", "Export", show=False),
        Binding("E", "export_to", "Export to…", key_display="E", show=False),
        Binding("p", "panel('actors')", "Actors"),
        Binding("o", "panel('notes')", "Notes"),
        Binding("escape", "escape", "Back / end selection or search", show=False),
        Binding("q", "back", "Back"),
        Binding("L", "toggle_legend", "Legend", key_display="L", show=False),
        Binding("U", "mark_unread", "Mark unread", key_display="U", show=False),
        Binding("u", "undo", "Undo", show=False),
        # correcting the analysis: the quote under the n/N cursor, or the passage (Q)
        Binding("c", "confirm_quote", "Confirm"),
        Binding("x", "reject_quote", "Reject"),
        Binding("s", "quote_speaker", "Speaker"),
        Binding("K", "quote_kind", "Kind", key_display="K"),
        Binding("Q", "add_quote", "Quote from passage", key_display="Q", show=False),
        # on a quote the footer shows the quote's keys (80 columns hold no more): a, t, p, o
        # step out of it and these unshown twins take their keys
        Binding("a", "also('note')", "Note", show=False),
        Binding("t", "also('tag_article')", "Tag article", show=False),
        Binding("p", "also('panel', 'actors')", "Actors", show=False),
        Binding("o", "also('panel', 'notes')", "Notes", show=False),
    ]
    HELP_SECTION = "Article"

    searching: reactive[bool] = reactive(False, bindings=True)
    actor_filter: reactive[str | None] = reactive(None, bindings=True)

    def __init__(
        self,
        session,
        article_id: str,
        *,
        at: int | None = None,
        search: str | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.article_id = article_id
        self.meta = session.meta(article_id)
        raw = session.text(article_id)
        self.text, self.move = clean_with_map(raw)
        self.raw_analysis = session.analysis(article_id)
        self.corrected = session.corrected(article_id, self.raw_analysis)
        self.analysis = self.corrected.analysis  # what is drawn: corrections applied
        self.views_by_quote: dict[int, Any] = {}
        self.notes: list[Any] = session.notes(article_id)
        self.tags: list[str] = session.tags(article_id)
        self.start_at, self.start_search, self.start_actor = at, search, actor
        layout = ArticleLayout(self.text, self._spans(), self._sentences())
        self.view = ArticleView(layout, self._quotes(), id="body")
        self._version = session.version()
        self.deleted: Any | None = None  # the note `u` brings back (one level of undo)
        self.kept_unread = False

    # ---- data ----------------------------------------------------------------------------
    def _spans(self):
        from reader.render import status_spans

        spans = body_spans(self.text, self.analysis, self.notes, self.move)
        return spans + status_spans(self.text, self.corrected.quotes, self.move)

    def _sentences(self) -> list[tuple[int, int]]:
        return [(self.move(s), self.move(e)) for s, e in self.analysis.sentences]

    def _quotes(self) -> list[Any]:
        """Every quotation the cursor visits (rejected ones too, struck through, so they can
        be confirmed again), each mapped to its QuoteView (id, status)."""
        from dataclasses import replace

        quotes, self.views_by_quote = [], {}
        for view in self.corrected.quotes:
            q = replace(view.quote, start=self.move(view.start), end=self.move(view.end))
            quotes.append(q)
            self.views_by_quote[id(q)] = view
        return quotes

    def _note_ranges(self) -> list[tuple[int, int]]:
        return [
            (self.move(n.passage.start), self.move(n.passage.end))
            for n in self.notes
            if n.passage is not None and not n.orphan
        ]

    def compose(self) -> ComposeResult:
        # the side panel and the search line are mounted on first use: opening stays quick
        yield Static(id="article-header")
        with Horizontal(id="article-main"):
            yield self.view
        yield Static(id="status")
        box = Static(legend(), id="legend")
        box.display = self.session.load_settings().get("legend", True) is not False
        yield box
        yield Footer(compact=True, show_command_palette=False)

    def _shown(self, selector: str) -> bool:
        return any(w.display for w in self.query(selector))

    def on_mount(self) -> None:
        self.view.set_notes(self._note_ranges())
        self.view.set_checks(check_marks(self.corrected.quotes, self.move))
        self._show_header()
        self.view.focus()
        start = self.move(self.start_at) if self.start_at is not None else None
        if start is None:
            start = getattr(self.session.summaries().get(self.article_id), "position", 0)
        self.call_after_refresh(self._place_cursor, start or 0)
        self.call_after_refresh(self._mark_read)  # the write waits until the text is painted
        interval = getattr(self.app, "poll_interval", 2.0)
        if interval:
            self.set_interval(interval, self._poll)

    def _mark_read(self) -> None:
        if getattr(self, "annotation_error", ""):
            return  # the header already says the file is damaged; the store would refuse
        try:
            self.session.store.set_state(self.article_id, read=True)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"reading state not saved: {exc}", severity="warning")

    def _place_cursor(self, offset: int) -> None:
        layout = self.view.doc
        if self.start_search:
            self._run_search(self.start_search)
        elif self.start_actor:
            self._step_actor(self.start_actor)
        elif 0 < offset < len(self.text):
            quote = next((q for q in self.view.quotes if q.start == offset), None)
            noted = next(
                (
                    n.passage
                    for n in self.notes
                    if n.passage is not None
                    and not n.orphan
                    and self.move(n.passage.start) == offset
                ),
                None,
            )
            if quote is not None:
                self.view.move_cursor(quote.start, quote.end)
            elif noted is not None:  # opened from a note: the cursor is its passage
                self.view.move_cursor(offset, self.move(noted.end))
            else:
                i = layout.sentence_at(offset)
                if i >= 0:
                    self.view.move_cursor(*layout.sentences[i])
        elif layout.sentences:
            self.view.move_cursor(*layout.sentences[0])

    def _show_header(self) -> None:
        # a damaged annotation file must not look like "0 notes": say so, and how to repair
        self.annotation_error = self.session.annotation_error(self.article_id)
        notes = "notes unreadable" if self.annotation_error else plural(len(self.notes), "note")
        head = header(self.meta, self.tags)
        head.append("\n")
        head.append(
            " · ".join(
                (
                    plural(self.analysis.quote_count(), "quote"),
                    plural(len(self.analysis.actors), "actor"),
                    notes,
                    plural(self.meta.words or len(self.text.split()), "word"),
                )
            ),
            "dim",
        )
        if self.annotation_error:
            head.append("\n")
            head.append(
                f"⚠ {self.annotation_error} · `reader doctor` repairs it", self._warning_style()
            )
        elif self.corrected.orphans:
            head.append("\n")
            head.append(
                f"⚠ {plural(len(self.corrected.orphans), 'correction')} no longer match the text"
                " (kept; reader quote orphans lists them)",
                self._warning_style(),
            )
        self.query_one("#article-header", Static).update(head)

    def _warning_style(self) -> str:
        colour = self.app.get_css_variables().get("warning") or "yellow"
        return f"bold {colour}"

    def refresh_annotations(self) -> None:
        self.notes = self.session.notes(self.article_id)
        self.tags = self.session.tags(self.article_id)
        self.corrected = self.session.corrected(self.article_id, self.raw_analysis)
        self.analysis = self.corrected.analysis
        self.view.set_quotes(self._quotes())
        self.view.set_spans(self._spans())
        self.view.set_checks(check_marks(self.corrected.quotes, self.move))
        self.view.set_notes(self._note_ranges())
        self._show_header()
        if self._shown("#notes-panel") and self._shown("#side"):
            self.query_one(NotesPanel).show(self.notes)
        if self._shown("#actors-panel") and self._shown("#side"):
            self.query_one(ActorsPanel).show(self.analysis)
        self.view.move_cursor(*self.view.cursor, scroll=False)  # the status line follows
        self.refresh_bindings()

    def _poll(self) -> None:
        version = self.session.version()
        if version != self._version:
            self._version = version
            self.refresh_annotations()

    # ---- status line ---------------------------------------------------------------------
    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        on_quote = event.quote is not None
        if on_quote != getattr(self, "_on_quote", None):
            self._on_quote = on_quote
            self.refresh_bindings()  # the footer shows the quote's keys on a quote
        text = Text()
        if self.view.hits:
            text.append(f"hit {self.view.hit_index + 1}/{len(self.view.hits)} · Escape ends search")
        elif event.quote is not None:
            q = self.view.quotes[event.quote]
            text.append(f"quote {event.quote + 1}/{len(self.view.quotes)} · {kind_words(q.kind)}")
            speaker = (
                self.analysis.actor(q.actor).name if self.analysis.actor(q.actor) else q.speaker
            )
            text.append(" · speaker: ")
            text.append(speaker or "unknown", "bold")
            if q.via:
                via = self.analysis.actor(q.via_actor)
                text.append(" via ")
                text.append(via.name if via else q.via, "bold")
            found = self.views_by_quote.get(id(q))
            if found is not None and found.status != "auto":
                when = found.changed.replace("T", " ").replace("Z", " UTC")
                text.append(f" · {STATUS_WORDS.get(found.status, found.status)} {when}", "italic")
        else:
            para = self.view.doc.paragraph_of(event.start) + 1
            text.append(f"paragraph {para}/{len(self.view.doc.paragraphs)}")
        if self.actor_filter:
            name = self.analysis.actor(self.actor_filter)
            text.append(f" · quotes of {name.name if name else '?'} (Escape clears)", "color(162)")
        self.query_one("#status", Static).update(text, layout=False)  # one fixed line

    # ---- search --------------------------------------------------------------------------
    async def action_search(self) -> None:
        if not self.query("#text-search"):
            await self.mount(
                Input(placeholder="search in this article", id="text-search"), before="#status"
            )
        box = self.query_one("#text-search", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#text-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._run_search(event.value)

    def _run_search(self, query: str) -> None:
        count = self.view.search(query.strip())
        self.searching = count > 0
        for box in self.query("#text-search"):
            box.display = False
        self.view.focus()
        if not count:
            self.notify(f"not found: {query}", severity="warning")

    def action_escape(self) -> None:
        """The innermost thing first: a mouse selection, a grown passage, the search line,
        the search, the actor filter, the side panel; then the screen."""
        if self.selections:
            self.clear_selection()
        elif self.view.collapse():
            self.view.focus()
        elif self._shown("#text-search"):
            self.query_one("#text-search").display = False
            self.view.focus()
        elif self.searching:
            self.view.end_search()
            self.searching = False
            self.query_one("#status", Static).update(
                Text("search ended · n/N step through quotes"), layout=False
            )
        elif self.actor_filter:
            self.actor_filter = None
            self.view.quote_filter = None
            self.query_one("#status", Static).update(
                Text("n/N step through every quote"), layout=False
            )
        elif self._shown("#side"):
            self.query_one("#side").display = False
            self.view.focus()
        else:
            self.action_back()

    # ---- panels --------------------------------------------------------------------------
    async def action_panel(self, which: str) -> None:
        if not self.query("#side"):
            await self.query_one("#article-main").mount(
                Vertical(
                    Static(id="side-title"),
                    ActorsPanel(id="actors-panel"),
                    NotesPanel(id="notes-panel"),
                    id="side",
                )
            )
            self.query_one("#side").display = False
        side = self.query_one("#side")
        actors, notes = self.query_one(ActorsPanel), self.query_one(NotesPanel)
        showing = actors if which == "actors" else notes
        if side.display and showing.display:
            if showing.has_focus:  # second press closes
                side.display = False
                self.view.focus()
            else:  # back from reading to the open panel
                showing.focus()
            return
        side.display = True
        actors.display, notes.display = which == "actors", which == "notes"
        if which == "actors":
            actors.show(self.analysis)
            self.query_one("#side-title", Static).update(
                Text("Actors  █ direct ▒ indirect · Enter: their quotes", "bold")
            )
        else:
            notes.show(self.notes)
            self.query_one("#side-title", Static).update(
                Text("Notes · Enter jumps · e edits · d deletes", "bold")
            )
        showing.focus()

    @on(ActorsPanel.ActorChosen)
    def _actor_chosen(self, event: ActorsPanel.ActorChosen) -> None:
        self._step_actor(event.actor_id)

    def _step_actor(self, actor_id: str) -> None:
        self.actor_filter = actor_id
        self.view.quote_filter = actor_id
        self.view.end_search()
        self.searching = False
        self.view.focus()
        self.view.move_cursor(0, 0, scroll=False)
        self.view.action_next_mark()

    @on(NotesPanel.NoteChosen)
    def _note_chosen(self, event: NotesPanel.NoteChosen) -> None:
        if type(event) is not NotesPanel.NoteChosen:
            return
        note = event.note
        if note.passage is not None and not note.orphan:
            self.view.move_cursor(self.move(note.passage.start), self.move(note.passage.end))
            self.view.focus()
        else:
            self.notify(
                "this note is on the whole article"
                if note.passage is None
                else "this note's passage is no longer in the text"
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("note", "tag_passage") and self.view.cursor[1] <= self.view.cursor[0]:
            return False
        if action == "undo":  # shown (and active) only when it can act
            return self.deleted is not None or self.undo_fix is not None
        correcting = self.check_correction(action)
        if correcting is not None:
            return correcting
        if action in ("note", "tag_article", "panel", "also"):
            on_quote = self.current_view() is not None
            return on_quote if action == "also" else not on_quote
        return True

    async def action_also(self, action: str, which: str = "") -> None:
        """The key's own action, run by its unshown twin while the cursor is on a quote (called
        directly: the shown binding's action is switched off there)."""
        if action == "panel":
            await self.action_panel(which)
        elif action == "note":
            self.action_note()
        elif action == "tag_article":
            self.action_tag_article()

    def action_toggle_legend(self) -> None:
        """Show or hide the legend of the highlights; remembered for the next start."""
        box = self.query_one("#legend")
        box.display = not box.display
        try:
            self.session.save_setting("legend", bool(box.display))
        except OSError as exc:
            self.notify(f"legend not remembered: {exc.strerror or exc}", severity="warning")

    def action_mark_unread(self) -> None:
        if self._write(
            lambda: self.session.store.set_state(self.article_id, read=False), "marked unread"
        ):
            self.kept_unread = True

    def action_back(self) -> None:
        try:
            self.session.store.set_state(self.article_id, position=self._stored_offset())
        except Exception:  # noqa: BLE001 - leaving must always work
            pass
        self.app.pop_screen()

    def _stored_offset(self) -> int:
        return int(self.view.cursor[0])
