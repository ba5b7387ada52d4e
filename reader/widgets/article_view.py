"""The article body: a Line-API view that renders only the wrapped lines on screen.

It owns a passage cursor (a sentence, a quote or a search hit; ``v`` extends it sentence by
sentence, ``>``/``<`` grow or shrink it by a word) and tells the screen where it is with
``ArticleView.CursorMoved``. A passage grown from the cursor is a selection: Escape
(:meth:`collapse`) goes back to where it started. The screen owns
everything that writes (notes, tags): this widget only moves and shows.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Span
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.render import (
    CURRENT_SEARCH_STYLE,
    CURSOR_STYLE,
    NOTE_MARK,
    NOTE_STYLE,
    SEARCH_STYLE,
)
from reader.widgets.article_layout import ArticleLayout

GUTTER = 2
# a word with the punctuation that sticks to it ("said," or "„Wir"): what > adds and < removes
_NEXT_WORD = re.compile(r"\S+")
_WORD_END = re.compile(r"\S+")


def line_segments(plain: str, spans: list[Span]) -> list[Segment]:
    """Segments for one line: each run between span edges gets its spans' styles combined
    in order (later spans win). Cheaper than Text.render, which also wraps and justifies."""
    if not spans:
        return [Segment(plain)] if plain else []
    cuts = sorted({0, len(plain), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a >= b or a >= len(plain):
            continue
        styles = [
            Style.parse(sp.style) if isinstance(sp.style, str) else sp.style
            for sp in spans
            if sp.start <= a and sp.end >= b
        ]
        style = Style.combine(styles) if styles else None
        out.append(Segment(plain[a:b], style))
    return out


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Scrolls, steps and highlights; every movement key repaints only what changed."""

    BINDINGS = [
        Binding("j,down", "next_sentence", "Next sentence", show=False),
        Binding("k,up", "previous_sentence", "Previous sentence", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("right_square_bracket", "next_paragraph", "Next paragraph", show=False),
        Binding("left_square_bracket", "previous_paragraph", "Previous paragraph", show=False),
        Binding("n", "next_mark", "Next quote/hit"),
        Binding("N", "previous_mark", "Previous quote/hit", key_display="N", show=False),
        Binding("v", "extend", "Extend passage", show=False),
        Binding(
            "V", "shrink_sentence", "Shrink passage by a sentence", key_display="V", show=False
        ),
        Binding(
            "greater_than_sign", "grow_word", "Grow passage by a word", key_display=">", show=False
        ),
        Binding(
            "less_than_sign", "shrink_word", "Shrink passage by a word", key_display="<", show=False
        ),
    ]
    HELP_SECTION = "Reading"

    class CursorMoved(Message):
        """The passage cursor now covers ``start:end`` (``quote`` is its index, or None)."""

        def __init__(self, view: ArticleView, start: int, end: int, quote: int | None) -> None:
            super().__init__()
            self.view = view
            self.start = start
            self.end = end
            self.quote = quote

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, doc: ArticleLayout, quotes: list[Any] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.quotes: list[Any] = []
        self.note_ranges: list[tuple[int, int]] = []
        self.cursor: tuple[int, int] = (0, 0)
        self.hits: list[tuple[int, int]] = []
        self.hit_index = -1
        self.quote_filter: str | None = None  # an actor id: n/N step through that actor only
        self.selection_from: tuple[int, int] | None = None  # the passage v, > or < grew from
        self._cache: dict[int, Strip] = {}
        self._note_lines: dict[int, str] = {}
        self.check_ranges: list[tuple[int, int, str]] = []  # (start, end, mark): corrections
        self.set_quotes(quotes or [])
        if doc.sentences:
            self.cursor = doc.sentences[0]

    # ---- data in -------------------------------------------------------------------------
    def set_quotes(self, quotes: list[Any]) -> None:
        self.quotes = sorted((q for q in quotes if q.kind != "term"), key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]

    def set_spans(self, spans: list[Span], sentences: list[tuple[int, int]] | None = None) -> None:
        """New highlights (the analysis arrived, a note was added): redraw, keep the cursor."""
        if sentences:
            old = self.doc
            self.doc = ArticleLayout(old.text, spans, sentences)
            if old.width:
                self.doc.wrap(old.width)
        else:
            self.doc.set_spans(spans)
        self._refresh_all()

    def set_notes(self, ranges: Sequence[tuple[int, int]]) -> None:
        self.note_ranges = sorted(ranges)
        self._mark_note_lines()
        self._refresh_all()

    def set_checks(self, ranges: list[tuple[int, int, str]]) -> None:
        """Quotations the user confirmed, corrected or added: a mark in the margin of their first
        line (a note's mark wins where both are)."""
        self.check_ranges = sorted(ranges)
        self._mark_note_lines()
        self._refresh_all()

    def _mark_note_lines(self) -> None:
        marks: dict[int, str] = {}
        if self.doc.lines:
            for start, _end, mark in self.check_ranges:
                marks[self.doc.line_of(start)] = mark
        if self.doc.lines:
            for start, end in self.note_ranges:
                first = self.doc.line_of(start)
                last = self.doc.line_of(max(start, end - 1))
                marks[first] = NOTE_MARK
                for i in range(first + 1, last + 1):
                    marks.setdefault(i, "▏")
        self._note_lines = marks

    def _refresh_all(self) -> None:
        self._cache.clear()
        self.refresh()

    # ---- layout --------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width - GUTTER - 1)
        rewrapped = width != self.doc.width
        if rewrapped:
            self.doc.wrap(width)
            self._mark_note_lines()
            self._cache.clear()
        self.virtual_size = Size(self.doc.width + GUTTER, len(self.doc.lines))
        if rewrapped and self.cursor[1] > 0:  # the lines moved: keep the passage in view
            self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self.doc.lines) or not self.doc.width:
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_index(index)
            if len(self._cache) > 400:
                self._cache.clear()
            self._cache[index] = strip
        return strip.crop_extend(
            self.scroll_offset.x, self.scroll_offset.x + width, self.rich_style
        )

    def _render_index(self, index: int) -> Strip:
        plain, start, spans = self.doc.line_text(index)
        end = start + len(plain)
        spans = list(spans)
        for h_start, h_end, style in self._overlays(start, end):
            s, e = max(h_start, start) - start, min(h_end, end) - start
            if s < e:
                spans.append(Span(s, e, style))
        mark = self._note_lines.get(index)
        segments = [Segment((mark or " ").ljust(GUTTER), NOTE_STYLE if mark else None)]
        segments.extend(line_segments(plain.replace("\t", " "), spans))
        return Strip(segments).apply_style(self.rich_style)

    def _overlays(self, start: int, end: int):
        if self.hits:
            i = max(0, bisect_right(self.hits, (start, start)) - 1)
            while i < len(self.hits) and self.hits[i][0] < end:
                h_start, h_end = self.hits[i]
                if h_end > start:
                    style = CURRENT_SEARCH_STYLE if i == self.hit_index else SEARCH_STYLE
                    yield h_start, h_end, style
                i += 1
        c_start, c_end = self.cursor
        if (c_start < end and c_end > start) or (c_start == c_end == start and end == start):
            yield c_start, c_end, CURSOR_STYLE

    # ---- cursor --------------------------------------------------------------------------
    def move_cursor(self, start: int, end: int, *, scroll: bool = True) -> None:
        old = self.cursor
        self.cursor = (start, end)
        self.selection_from = None  # any move ends a selection (growing sets it again)
        self._invalidate(*old)
        self._invalidate(start, end)
        if scroll:
            self._scroll_to_cursor()
        self.refresh()
        quote = self._quote_at(start, end)
        self.post_message(self.CursorMoved(self, start, end, quote))

    def _invalidate(self, start: int, end: int) -> None:
        if not self.doc.lines:
            return
        for i in range(self.doc.line_of(start), self.doc.line_of(max(start, end - 1)) + 1):
            self._cache.pop(i, None)

    def _quote_at(self, start: int, end: int) -> int | None:
        i = bisect_left(self._quote_starts, start)
        if i < len(self.quotes) and self.quotes[i].start == start and self.quotes[i].end == end:
            return i
        return None

    def _scroll_to_cursor(self) -> None:
        if not self.doc.lines:
            return
        first = self.doc.line_of(self.cursor[0])
        last = self.doc.line_of(max(self.cursor[0], self.cursor[1] - 1))
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if first < top:
            self.scroll_to(y=max(0, first - 1), animate=False)
        elif last >= top + height:
            self.scroll_to(y=max(0, min(first - 1, last - height + 2)), animate=False)

    def _sentence(self, index: int) -> None:
        sentences = self.doc.sentences
        if sentences and 0 <= index < len(sentences):
            self.move_cursor(*sentences[index])

    def action_next_sentence(self) -> None:
        self._sentence(self.doc.sentence_after(self.cursor[0] + 1))

    def action_previous_sentence(self) -> None:
        i = self.doc.sentence_at(self.cursor[0])
        if i > 0 and self.doc.sentences[i][0] >= self.cursor[0]:
            i -= 1
        self._sentence(max(0, i))

    def _select(self, start: int, end: int) -> None:
        """Grow or shrink the passage, remembering what it grew from (for Escape)."""
        origin = self.selection_from or self.cursor
        self.move_cursor(start, end)
        self.selection_from = origin if (start, end) != origin else None

    def collapse(self) -> bool:
        """End a selection: back to the passage it grew from. False if there was none."""
        if self.selection_from is None:
            return False
        self.move_cursor(*self.selection_from)
        return True

    def action_extend(self) -> None:
        i = self.doc.sentence_after(self.cursor[1])
        if i >= 0:
            self._select(self.cursor[0], self.doc.sentences[i][1])

    def action_shrink_sentence(self) -> None:
        """The passage ends one sentence earlier: at the end of the last sentence that ends
        inside it (``v`` undone; a passage within one sentence stays as it is)."""
        start, end = self.cursor
        ends = [e for _s, e in self.doc.sentences if start < e < end]
        if not ends:
            self.app.bell()
            return
        self._select(start, max(ends))

    def action_grow_word(self) -> None:
        """The passage ends one word later (across sentences and paragraphs)."""
        text, end = self.doc.text, self.cursor[1]
        found = _NEXT_WORD.search(text, end)
        if found is None:
            self.app.bell()
            return
        self._select(self.cursor[0], found.end())

    def action_shrink_word(self) -> None:
        """The passage ends one word earlier (it keeps at least its first word)."""
        start, end = self.cursor
        piece = self.doc.text[start:end]
        words = list(_WORD_END.finditer(piece))
        if len(words) < 2:
            self.app.bell()
            return
        self._select(start, start + words[-2].end())

    def _page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        y = max(0, min(self.scroll_offset.y + direction * (height - 1), self.max_scroll_y))
        self.scroll_to(y=y, animate=False, immediate=True)
        if self.doc.lines:
            offset = self.doc.lines[min(y, len(self.doc.lines) - 1)][0]
            i = self.doc.sentence_after(offset)
            if i >= 0:
                self.move_cursor(*self.doc.sentences[i], scroll=False)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)
        self._sentence(0)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)
        self._sentence(len(self.doc.sentences) - 1)

    def _paragraph(self, direction: int) -> None:
        paras = self.doc.paragraphs
        if not paras:
            return
        p = self.doc.paragraph_of(self.cursor[0])
        if direction < 0 and self.cursor[0] > paras[p][0]:
            target = p
        else:
            target = max(0, min(len(paras) - 1, p + direction))
        i = self.doc.sentence_after(paras[target][0])
        if i >= 0:
            self.move_cursor(*self.doc.sentences[i])

    def action_next_paragraph(self) -> None:
        self._paragraph(1)

    def action_previous_paragraph(self) -> None:
        self._paragraph(-1)

    # ---- quotes and search hits ----------------------------------------------------------
    def _marks(self) -> list[tuple[int, int]]:
        if self.hits:
            return self.hits
        return [
            (q.start, q.end)
            for q in self.quotes
            if self.quote_filter is None or q.actor == self.quote_filter
        ]

    def action_next_mark(self) -> None:
        self._step(1)

    def action_previous_mark(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        marks = self._marks()
        if not marks:
            self.app.bell()
            return
        pos = self.cursor[0]
        if direction > 0:
            i = bisect_right(marks, (pos, 10**12))
            i = i if i < len(marks) else 0  # wrap around
        else:
            i = bisect_left(marks, (pos, -1)) - 1
            i = i if i >= 0 else len(marks) - 1
        if self.hits:
            self.hit_index = i
            self._cache.clear()
        self.move_cursor(*marks[i])

    def search(self, query: str) -> int:
        """Mark every case-insensitive hit of ``query``; n/N step over them. Returns the count."""
        self.hits = []
        self.hit_index = -1
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self.hits = [(m.start(), m.end()) for m in pattern.finditer(self.doc.text)]
        self._refresh_all()
        if self.hits:
            self._step(1)
        return len(self.hits)

    def end_search(self) -> bool:
        """Drop the hits; True if there were any (so Escape has done something)."""
        had = bool(self.hits)
        self.hits = []
        self.hit_index = -1
        self._refresh_all()
        return had

    # ---- mouse ---------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if not (0 <= index < len(self.doc.lines)):
            return
        start, end, _para = self.doc.lines[index]
        offset = min(end, start + max(0, event.x - GUTTER + self.scroll_offset.x))
        quote = next((q for q in self.quotes if q.start <= offset < q.end), None)
        if quote is not None:
            self.move_cursor(quote.start, quote.end, scroll=False)
        else:
            i = self.doc.sentence_at(offset)
            if i >= 0:
                self.move_cursor(*self.doc.sentences[i], scroll=False)


__all__ = ["GUTTER", "ArticleView", "line_segments"]
