"""Full-text search results, searched as you type: the best matches first (BM25), each with a
snippet around its matches, a page at a time.

Each keystroke in the query line starts a search in a thread worker (exclusive: a newer query
replaces the older, whose late answer is dropped), so typing never waits; a page of ``PAGE``
hits is read from the search index (reader/library/search_index.py) and only those hits get a
label. The last entry, "more results", reads the next page.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, OptionList, Static
from textual.worker import get_current_worker

from reader.base.errors import describe
from reader.render import clean, clean_with_map
from reader.screens.lists import ListScreen
from reader.widgets.panels import MovingList
from reader.widgets.safe_input import SafeInput

HIT = Style(color="color(16)", bgcolor="color(220)")
PAGE = 50  # hits labelled per page
MORE = object()  # the payload of the "more results" entry
HINT = 'words, "a phrase", a OR b, -not, word*, title: source: tag: actor: lang:de date:2024-01..'


def hit_label(hit: Any) -> Text:
    """Title, source and date, then the snippet with the matches marked."""
    meta = hit.article
    label = Text()
    label.append(clean(meta.title) or "(untitled)", "bold")
    bits = " · ".join(b for b in (meta.source, meta.date) if b)
    if bits:
        label.append(f"  {clean(bits)}", "dim")
    if hit.snippet:
        shown, moved = clean_with_map(hit.snippet)  # offsets follow the gate
        line = Text("\n    " + shown)
        for start, end in hit.marks:
            line.stylize(HIT, moved(start) + 5, moved(end) + 5)
        label.append_text(line)
    return label


class SearchScreen(ListScreen):
    """Enter opens the article with the search already run (n/N step over the hits)."""

    BINDINGS = [*ListScreen.BINDINGS, Binding("f", "query", "New search")]
    title_text = "Search"
    empty_text = "searching…"
    HELP_SECTION = "Search results"

    def __init__(self, session: Any, query: str = "") -> None:
        super().__init__(session)
        self.search_query = query
        self.title_text = "Search"
        self.more = False
        self.told = False  # said that search is slow without its engine

    def compose(self) -> ComposeResult:
        yield Static(classes="list-header", id="list-header")
        yield SafeInput(value=self.search_query, placeholder=HINT, id="search-query")
        yield SafeInput(placeholder="filter", id="list-filter")
        yield MovingList(classes="wide-list", id="list")
        yield Footer(compact=True, show_command_palette=False)

    def load(self) -> None:
        self.fill()
        if self.search_query.strip():
            self.run_search(self.search_query, 0)
        else:
            self.empty_text = "Type what to look for."
            self.fill()
            self.query_one("#search-query", Input).focus()

    def header_text(self) -> Text:
        text = Text("Search", "bold")
        shown = len([p for p in self.shown if p is not MORE])
        text.append(f"  {shown}{'+' if self.more else ''} articles, best first")
        return text

    def action_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    @on(Input.Changed, "#search-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search_query = event.value
        if event.value.strip():
            self.empty_text = "searching…"
            self.run_search(event.value, 0)
        else:
            self.entries, self.more = [], False
            self.empty_text = "Type what to look for."
            self.fill()

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self) -> None:
        self.query_one("#list", OptionList).focus()

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, offset: int) -> None:
        worker = get_current_worker()
        if not self.told:  # without the engine: one line, then the slow scan
            self.told = True
            why = self.session.library.search_index.available()
            if why is not None:
                self.app.call_from_thread(
                    self.notify,
                    f"{why}; searching reads every article (slow, words only)",
                    severity="warning",
                )
        try:
            hits = list(self.session.library.search_hits(query, limit=PAGE, offset=offset))
        except Exception as exc:  # noqa: BLE001 - shown, the screen stays usable
            self.app.call_from_thread(
                self.notify, f"search failed: {describe(exc)}", severity="error"
            )
            hits = []
        if worker.is_cancelled:
            return
        entries = [
            (
                hit_label(h),
                (h.article.title + " " + (h.article.source or "")).casefold(),
                h.article.id,
            )
            for h in hits
        ]
        self.app.call_from_thread(self._show, query, offset, entries, len(hits) == PAGE)

    def _show(self, query: str, offset: int, entries: list[Any], more: bool) -> None:
        if query != self.search_query:
            return  # an older query's answer
        kept = [e for e in self.entries if e[2] is not MORE] if offset else []
        self.entries = kept + entries
        self.more = more
        if more:
            self.entries.append((Text("… more results", "dim"), "", MORE))
        self.empty_text = f"No article matches {query!r}."
        self.fill()

    def open(self, payload: Any) -> None:
        if payload is MORE:
            count = len([e for e in self.entries if e[2] is not MORE])
            self.run_search(self.search_query, count)
            return
        words = [w for w in self.search_query.split() if not w.startswith("-") and w != "OR"]
        word = words[0].split(":", 1)[-1].strip('"*') if words else ""
        self.open_article(payload, search=word or None)
