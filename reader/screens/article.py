"""One article: highlighted body, passage cursor, notes, tags, panels, search, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from annotations import exporters
from annotations.corrections import kind_words
from annotations.store import NoteConflict
from reader.base.errors import describe
from reader.base.spans import Span
from reader.render import (
    body_spans,
    check_marks,
    clean_line,
    clean_with_map,
    header,
    legend,
    plural,
)
from reader.screens.article_correct import STATUS_WORDS, QuoteCorrector
from reader.screens.coding import tag_prompt
from reader.screens.dialogs import (
    ConfirmDialog,
    ConflictDialog,
    NoteDialog,
    TextPrompt,
    split_tags,
)
from reader.widgets.article_layout import ArticleLayout
from reader.widgets.article_view import ArticleView
from reader.widgets.panels import ActorsPanel, NotesPanel
from reader.widgets.safe_input import SafeInput


class ArticleScreen(Screen[None]):
    """Reading and annotating one article; q or Escape goes back (the position is kept)."""

    # the footer shows what fits 80 columns; help (?) and the palette list every key
    BINDINGS = [
        Binding("slash", "search", "Search text", show=False),
        Binding("a", "note", "Note"),
        Binding("T", "tag_passage", "Tag passage", key_display="T", show=False),
        Binding("t", "tag_article", "Tag article"),
        Binding("e", "export", "Export", show=False),
        Binding("E", "export_to", "Export to…", key_display="E", show=False),
        Binding("i", "explain", "Explain quote", show=False),
        Binding("p", "panel('actors')", "Actors"),
        Binding("o", "panel('notes')", "Notes"),
        Binding("escape", "escape", "Back / end selection or search", show=False),
        Binding("q", "back", "Back"),
        Binding("L", "toggle_legend", "Legend", key_display="L", show=False),
        Binding("U", "mark_unread", "Mark unread", key_display="U", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("D", "coding_done", "Coding done", key_display="D", show=False),
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
        self.raw_analysis = session.analysis(article_id, self.meta)
        self.corrected = session.corrected(article_id, self.raw_analysis)
        self.analysis = self.corrected.analysis  # what is drawn: corrections applied
        self.views_by_quote: dict[int, Any] = {}
        self.notes: list[Any]
        self.tags: list[str]
        self.notes, self.tags, self.notes_error = session.annotations(article_id)
        self.start_at, self.start_search, self.start_actor = at, search, actor
        layout = ArticleLayout(self.text, self._spans(), self._sentences())
        self.view = ArticleView(layout, self._quotes(), id="body")
        self._version = session.version()
        self.deleted: Any | None = None  # the note `u` brings back (one level of undo)
        self.corrector = QuoteCorrector(self)  # c, x, s, K, Q and the actors panel's e
        self.kept_unread = False

    # ---- data ----------------------------------------------------------------------------
    def _spans(self):
        from reader.render import status_spans

        spans = body_spans(self.text, self.analysis, self.notes, self.move)
        return spans + status_spans(self.text, self.corrected.quotes, self.move)

    def _sentences(self) -> list[Span]:
        return [Span(self.move(s), self.move(e)) for s, e in self.analysis.sentences]

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

    def _note_ranges(self) -> list[Span]:
        return [
            Span(self.move(n.passage.start), self.move(n.passage.end))
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
        if self.notes_error:
            self.notify(f"notes unreadable: {self.notes_error}", severity="error", timeout=10)
        failed = self.session.analysis_errors.get(self.article_id)
        if failed:
            self.notify(f"analysis failed: {failed}; no highlights", severity="error", timeout=10)
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
            self.notify(f"reading state not saved: {describe(exc)}", severity="warning")

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
        self.annotation_error = self.notes_error or self.session.annotation_error(self.article_id)
        damage = [] if self.annotation_error else self.session.annotation_damage(self.article_id)
        notes = "notes unreadable" if self.annotation_error else plural(len(self.notes), "note")
        if damage:  # records left out: say so, never a count that looks complete
            notes += f" ({len(damage)} damaged, left out)"
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
        if self.session.adjudicating:  # what is shown and recorded now is final's
            head.append(" · adjudicating: recorded as final", "bold")
        if self.annotation_error:
            head.append("\n")
            head.append(
                f"⚠ {clean_line(self.annotation_error)} · `reader doctor` repairs it",
                self._warning_style(),
            )
        elif damage:
            head.append("\n")
            head.append(f"⚠ {damage[0]} · `reader doctor --repair` fixes it", self._warning_style())
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
        before = self.notes_error
        self.notes, self.tags, self.notes_error = self.session.annotations(self.article_id)
        if self.notes_error and self.notes_error != before:
            self.notify(f"notes unreadable: {self.notes_error}", severity="error", timeout=10)
        self.corrected = self.session.corrected(self.article_id, self.raw_analysis)
        self.analysis = self.corrected.analysis
        self.view.set_quotes(self._quotes())
        self.view.set_spans(self._spans())
        self.view.set_checks(check_marks(self.corrected.quotes, self.move))
        self.view.set_notes(self._note_ranges())
        self._show_header()
        if self._shown("#notes-panel") and self._shown("#side"):
            self.query_one(NotesPanel).show(self.notes, error=self.notes_error)
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
        self.current_quote = None if self.view.hits else event.quote
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
            text.append(clean_line(speaker) or "unknown", "bold")
            if q.via:
                via = self.analysis.actor(q.via_actor)
                text.append(" via ")
                text.append(clean_line(via.name if via else q.via), "bold")
            found = self.views_by_quote.get(id(q))
            if found is not None and found.status != "auto":
                when = found.changed.replace("T", " ").replace("Z", " UTC")
                text.append(f" · {STATUS_WORDS.get(found.status, found.status)} {when}", "italic")
                coder = found.correction.coder if found.correction is not None else ""
                if coder:  # who changed it (issue 17): the current coder's corrections show
                    text.append(" by ", "italic")
                    text.append(clean_line(coder), "italic")
        else:
            para = self.view.doc.paragraph_of(event.start) + 1
            text.append(f"paragraph {para}/{len(self.view.doc.paragraphs)}")
        if self.actor_filter:
            name = self.analysis.actor(self.actor_filter)
            text.append(
                f" · quotes of {clean_line(name.name) if name else '?'} (Escape clears)",
                "color(162)",
            )
        self.query_one("#status", Static).update(text, layout=False)  # one fixed line

    def action_explain(self) -> None:
        """i: one line on why the quote under the cursor is a quote and who says it."""
        from reader.analysis.explain import explain

        index = getattr(self, "current_quote", None)
        if index is None or index >= len(self.view.quotes):
            self.query_one("#status", Static).update(
                Text("i explains a quote: put the cursor on one first (n: next quote)"),
                layout=False,
            )
            return
        line = explain(self.view.quotes[index], self.analysis)
        self.query_one("#status", Static).update(
            Text(line, overflow="ellipsis", no_wrap=True), layout=False
        )
        self.notify(line, title="why this quote", timeout=8, markup=False)

    # ---- search --------------------------------------------------------------------------
    async def action_search(self) -> None:
        if not self.query("#text-search"):
            await self.mount(
                SafeInput(placeholder="search in this article", id="text-search"), before="#status"
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
            notes.show(self.notes, error=self.notes_error)
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
        start, end = self.view.cursor
        if action in ("note", "tag_passage") and end <= start:
            return False
        if action == "undo":  # shown (and active) only when it can act
            return self.deleted is not None or self.corrector.undo is not None
        correcting = self.corrector.check(action)
        if correcting is not None:
            return correcting
        if action in ("note", "tag_article", "panel", "also"):
            on_quote = self.corrector.current_view() is not None
            return on_quote if action == "also" else not on_quote
        return True

    # ---- correcting the analysis (reader/screens/article_correct.py) ---------------------
    def action_confirm_quote(self) -> None:
        self.corrector.confirm()

    def action_reject_quote(self) -> None:
        self.corrector.reject()

    def action_quote_speaker(self) -> None:
        self.corrector.speaker()

    def action_quote_kind(self) -> None:
        self.corrector.kind()

    def action_add_quote(self) -> None:
        self.corrector.add()

    def on_actors_panel_edit_requested(self, event: ActorsPanel.EditRequested) -> None:
        self.corrector.edit_actor(event.actor_id)

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
        except Exception as exc:  # noqa: BLE001 - leaving must always work; the failure is named
            self.notify(f"reading position not saved: {describe(exc)}", severity="warning")
        self.app.pop_screen()

    def _stored_offset(self) -> int:
        return int(self.view.cursor[0])

    # ---- writing: notes, passage and article tags, export ---------------------------------
    def on_notes_panel_edit_requested(self, event: NotesPanel.EditRequested) -> None:
        note = event.note
        passage = note.passage.exact if note.passage else ""
        dialog = NoteDialog(passage, note.text, note.tags, self._known_tags(), title="Edit note")
        dialog.saver = self._note_saver(dialog, note)
        self.app.push_screen(dialog)

    def _note_saver(self, dialog: NoteDialog, base):
        """Saving an edit: applied to the note as it is now, against ``base`` (the note as the
        dialog read it). A change made elsewhere meanwhile is merged by the store when it can
        be; when it can't (both changed the text, or it was deleted), both versions are shown
        and the user picks: the dialog, and the user's text in it, stays open until then."""

        def saver(result) -> str | None:
            text, tags = result
            # what the user did not touch is not theirs to merge (the dialog strips the text)
            same_text = text == base.text.strip()
            same_tags = [t.casefold() for t in tags] == [t.casefold() for t in base.tags]
            try:
                self.session.store.edit_note(
                    base.id,
                    text=None if same_text else text,
                    tags=None if same_tags else tags,
                    base=base,
                )
            except NoteConflict as conflict:
                self._ask_conflict(dialog, base, conflict.current, text, tags)
                return "changed elsewhere meanwhile: choose which version to keep"
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                return describe(exc)
            self._written("note saved")
            return None

        return saver

    def _ask_conflict(self, dialog: NoteDialog, base, theirs, text: str, tags: list[str]) -> None:
        def chosen(which: str | None) -> None:
            if which is None:
                return  # back to the edit, still open with the user's text
            store, passage = self.session.store, (theirs or base).passage
            try:
                if which == "theirs":
                    done = "kept the version saved elsewhere"
                elif which == "both" or theirs is None:
                    store.add_note(self.article_id, text, passage=passage, tags=tags)
                    done = "kept both versions (yours as a new note)"
                    if theirs is None:
                        done = "your version saved as a new note"
                else:
                    store.edit_note(base.id, text=text, tags=tags, base=theirs)
                    done = "kept your version"
            except NoteConflict as again:  # changed once more while the choice was open
                self._ask_conflict(dialog, base, again.current, text, tags)
                return
            except Exception as exc:  # noqa: BLE001 - the edit stays open, with the reason
                dialog.show_error(describe(exc))
                return
            dialog.dismiss(None)
            self._written(done)

        self.app.push_screen(ConflictDialog((text, tags), theirs), chosen)

    def on_notes_panel_delete_requested(self, event: NotesPanel.DeleteRequested) -> None:
        note = event.note

        def confirm(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session.store.delete_note(note.id, base=note)
            except NoteConflict as conflict:
                # never delete what the user has not seen: show the note as it is now
                self.refresh_annotations()
                what = "deleted" if conflict.current is None else "changed"
                self.notify(
                    f"not deleted: the note was {what} elsewhere meanwhile; look at it again",
                    severity="warning",
                )
                return
            except Exception as exc:  # noqa: BLE001 - one line, never a traceback
                self.notify(f"not saved: {describe(exc)}", severity="error")
                return
            self.deleted = note
            self.corrector.undo = None  # one level of undo: the last change only
            self.refresh_bindings()
            self._written("Deleted · u to undo")

        self.app.push_screen(ConfirmDialog("Delete this note?"), confirm)

    def action_undo(self) -> None:
        """Bring back the note deleted last (same id, text, tags and passage), or undo the last
        correction of the analysis."""
        if self.corrector.undo_last():
            return
        note, self.deleted = self.deleted, None
        self.refresh_bindings()
        if note is None:
            return
        if not self._write(
            lambda: self.session.store.merge_notes(note.article, [], [note]), "note restored"
        ):
            self.deleted = note

    def _write(self, change, done: str) -> bool:
        try:
            change()
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.notify(f"not saved: {describe(exc)}", severity="error")
            return False
        self._written(done)
        return True

    def _written(self, done: str) -> None:
        self._version = self.session.version()
        self.refresh_annotations()
        self.notify(done)
        notice = self.session.coder_notice()  # once, while no coder name is set
        if notice:
            self.notify(notice, timeout=10)

    def _saver(self, change, done):
        """A dialog's saver: writes while the dialog is open; an error keeps it open (and the
        user's text in it) instead of losing the text with the dialog."""

        def saver(result) -> str | None:
            try:
                change(result)
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                return describe(exc)
            self._written(done(result) if callable(done) else done)
            return None

        return saver

    def _known_tags(self) -> list[str]:
        try:
            return list(self.session.store.tag_counts())
        except Exception as exc:  # noqa: BLE001 - completion only; the failure is named
            self.notify(f"tag suggestions unavailable: {describe(exc)}", severity="warning")
            return []

    def _anchor(self):
        from annotations.anchors import make_anchor

        start, end = self.view.cursor
        if end <= start:
            return None
        raw = self.session.text(self.article_id)
        if raw != self.text:  # map back: find the exact passage in the stored text
            exact = self.text[start:end]
            found = raw.find(exact)
            if found < 0:
                return None
            start, end = found, found + len(exact)
        return make_anchor(raw, start, end)

    def action_note(self) -> None:
        anchor = self._anchor()
        dialog = NoteDialog(anchor.exact if anchor else "", "", (), self._known_tags())
        dialog.saver = self._saver(
            lambda result: self.session.store.add_note(
                self.article_id, result[0], passage=anchor, tags=result[1]
            ),
            "note saved",
        )
        self.app.push_screen(dialog)

    def action_tag_passage(self) -> None:
        anchor = self._anchor()
        if anchor is None:
            self.notify("no passage under the cursor", severity="warning")
            return

        quote = self._quote_id(anchor)

        def change(value: str) -> None:
            tags = split_tags(value)
            if tags:
                self.session.store.add_note(
                    self.article_id, "", passage=anchor, tags=tags, quote=quote
                )

        prompt = tag_prompt(
            self.session,
            "Tag this quotation (comma separated)"
            if quote
            else "Tag this passage (comma separated)",
            "",
            "quote" if quote else "passage",
            self._known_tags(),
            passage=anchor.exact,
        )
        prompt.saver = self._saver(
            change,
            lambda value: (
                f"passage tagged {', '.join(split_tags(value))}"
                if split_tags(value)
                else "no tag given"
            ),
        )
        self.app.push_screen(prompt)

    def action_tag_article(self) -> None:
        """The current tags are prefilled with the cursor after them: typing adds a tag,
        deleting one removes it (nothing is selected, so no key wipes them all). Saving writes
        the change (tags added, tags removed) to the tags as they are then, never the whole
        list: a tag someone else added or removed meanwhile keeps their change."""
        before = self._my_tags()

        def change(value: str) -> None:
            wanted = split_tags(value)
            had = {t.casefold() for t in before}
            keep = {w.casefold() for w in wanted}
            added = [w for w in wanted if w.casefold() not in had]
            gone = [t for t in before if t.casefold() not in keep]
            if added or gone:
                self.session.store.change_article_tags(self.article_id, add=added, remove=gone)

        current = ", ".join(before)
        prompt = tag_prompt(
            self.session,
            "Tags of this article (comma separated)",
            current + ", " if current else "",
            "article",
            self._known_tags(),
        )
        prompt.saver = self._saver(
            change,
            lambda _value: "tags: " + (", ".join(self.session.tags(self.article_id)) or "none"),
        )
        self.app.push_screen(prompt)

    def _my_tags(self) -> list[str]:
        """The article's tags as the current coder gave them (a colleague's are not theirs to
        remove; with one coder, these are all the tags)."""
        try:
            who = self.session.coder()
            mine = [
                c.tag for c in self.session.store.article_codes(self.article_id) if c.coder == who
            ]
        except Exception:  # noqa: BLE001
            return list(self.tags)
        return [t for t in self.tags if t.casefold() in {m.casefold() for m in mine}]

    def _quote_id(self, anchor: Any) -> str | None:
        """The id (``ARTICLE:START-END``) of the quotation the passage is exactly, if it is one."""
        for q in getattr(self.analysis, "quotes", ()):
            if (q.start, q.end) == (anchor.start, anchor.end) and q.kind != "term":
                return f"{self.article_id}:{q.start}-{q.end}"
        return None

    def action_coding_done(self) -> None:
        """Mark the article as fully coded by the current coder (again: take the mark back)."""
        store, who = self.session.store, self.session.coder()
        try:
            done = any(d.coder == who for d in store.done_marks(self.article_id))
            store.set_done(self.article_id, not done)
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.notify(f"not saved: {exc}", severity="error")
            return
        self._written(
            f"coding not done (mark taken back) · {who}"
            if done
            else f"marked as fully coded by {who} · D again takes it back"
        )

    def action_export(self, path: str | None = None, create: bool = False) -> None:
        try:
            written = self.session.export_article(
                self.article_id, Path(path) if path else None, create=create
            )
        except Exception as exc:  # noqa: BLE001
            self.notify(f"export failed: {describe(exc)}", severity="error")
            return
        self.notify(f"exported to {written}", timeout=8)

    def action_export_to(self) -> None:
        default = str(self.session.export_path(self.meta))

        def chosen(value: str | None) -> None:
            if not value or not value.strip():
                return
            raw = value.strip()
            target = Path(raw).expanduser()
            if raw.endswith(("/", "\\")) or target.is_dir():  # a folder: the usual name in it
                target = target / self.session.export_path(self.meta).name
            folder = target.parent
            if folder.is_dir():
                self.action_export(str(target))
                return

            def create(yes: bool | None) -> None:
                if yes:
                    self.action_export(str(target), create=True)

            self.app.push_screen(
                ConfirmDialog(f"The folder {folder} does not exist. Create it?"), create
            )

        self.app.push_screen(
            TextPrompt(f"Export to ({exporters.by_suffix_text()})", default), chosen
        )
