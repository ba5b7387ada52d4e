"""Full-text search results: articles holding every word, with their matching lines.

The search reads every body, so it runs in a thread worker (exclusive: a new search replaces
the old one) and the screen paints at once with "searching…".
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import work

from reader.base.errors import describe
from reader.render import clean
from reader.screens.lists import ListScreen

HIT = Style(color="color(16)", bgcolor="color(220)")


def hit_label(meta: Any, lines: list[tuple[int, str]], words: list[str], width: int = 110) -> Text:
    """Title, source and date, then up to three matching lines cut to ``width`` cells so each
    stays on one indented line."""
    label = Text()
    label.append(clean(meta.title) or "(untitled)", "bold")
    bits = " · ".join(b for b in (meta.source, meta.date) if b)
    if bits:
        label.append(f"  {clean(bits)}", "dim")
    for _n, para in lines[:3]:
        line = " ".join(clean(para).split())
        folded = line.casefold()
        first = min((folded.find(w) for w in words if w in folded), default=0)
        start = max(0, first - min(30, width // 3))
        end = start + width - (1 if start else 0)
        snippet = ("…" if start else "") + line[start:end]
        if end < len(line):
            snippet = snippet[:-1] + "…"
        text = Text("\n    " + snippet)
        text.highlight_words(words, HIT, case_sensitive=False)
        label.append_text(text)
    if len(lines) > 3:
        label.append(f"\n    … {len(lines) - 3} more", "dim")
    return label


class SearchScreen(ListScreen):
    """Enter opens the article with the search already run (n/N step over the hits)."""

    title_text = "Search"
    empty_text = "searching…"
    HELP_SECTION = "Search results"

    def __init__(self, session, query: str) -> None:
        super().__init__(session)
        self.search_query = query
        self.title_text = f"Search: {clean(query)}"

    def load(self) -> None:
        self.fill()
        self.run_search()

    @work(thread=True, exclusive=True, group="search")
    def run_search(self) -> None:
        words = [w.casefold() for w in self.search_query.split()]
        try:
            hits = self.session.library.search(self.search_query)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(
                self.notify, f"search failed: {describe(exc)}", severity="error"
            )
            hits = []
        entries = [
            (
                hit_label(h.article, h.lines, words, max(20, self.app.size.width - 14)),
                (h.article.title + " " + (h.article.source or "")).casefold(),
                h.article.id,
            )
            for h in hits
        ]
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries) -> None:
        self.entries = entries
        self.empty_text = f"No article holds every word of {self.search_query!r}."
        self.fill()

    def open(self, payload: Any) -> None:
        self.open_article(
            payload, search=self.search_query.split()[0] if self.search_query.split() else None
        )
