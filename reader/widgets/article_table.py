"""The library table: a Line-API list that paints only the visible rows (100,000 stay instant).

The first line is a fixed header that shows the sort column; rows scroll under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.color import ColorParseError
from rich.errors import StyleSyntaxError
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.render import TAG_STYLE, clean_line
from reader.widgets.article_rows import COLUMNS, Row, sort_rows

# column widths by terminal width: below NARROW_BELOW the source and tags shrink, the quotes
# count goes and "Notes" becomes "Nt", so the title keeps most of an 80-column line; from
# WIDE_FROM the tags grow with the width (up to TAGS_MAX)
WIDE = {"read": 2, "date": 10, "source": 16, "tags": 24, "notes": 5, "quotes": 6}
MEDIUM = {"read": 2, "date": 10, "source": 14, "tags": 18, "notes": 5, "quotes": 6}
NARROW = {"read": 2, "date": 10, "source": 10, "tags": 12, "notes": 3}
TINY = {"read": 2, "date": 10, "tags": 10, "notes": 3}  # below TINY_BELOW: no source
SHORT_LABELS = {"notes": "Nt"}
TINY_BELOW, NARROW_BELOW, WIDE_FROM, TAGS_MAX = 70, 100, 120, 40
HEADER_STYLE = Style(bold=True, underline=True)
UNREAD_STYLE = Style(bold=True)
READ_STYLE = Style(dim=True)
CURSOR_STYLE = Style(reverse=True)
ERROR_MARK = "!"  # in the notes column: the annotation file is damaged (not "no notes")


class ArticleTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of articles; Enter posts ``ArticleTable.Chosen``."""

    HELP_SECTION = "Table"
    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("g,home", "edge(0)", "First", show=False),
        Binding("G,end", "edge(1)", "Last", show=False),
        Binding("enter", "choose", "Open"),
        Binding("s", "sort_next", "Sort", show=False),
        Binding("r", "sort_reverse", "Reverse sort", show=False),
    ]

    cursor = reactive(0, always_update=True, repaint=False)
    sort_column: reactive[str] = reactive("date", repaint=False)
    sort_reverse: reactive[bool] = reactive(True, repaint=False)

    class Chosen(Message):
        """The user chose the article ``article_id`` (Enter or a click on the current row)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Sorted(Message):
        """The sort order changed (the screen shows it in its header)."""

    EMPTY = "  No articles here: i imports files, Escape clears the filters."

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[Row] = []
        self.current_row: Row | None = None
        self.empty_hint = self.EMPTY  # what an empty table says

    # ---- data ----------------------------------------------------------------------------
    def set_rows(
        self, rows: Sequence[Row], *, keep: str | None = None, presorted: bool = False
    ) -> None:
        """Show ``rows`` (a list is sorted here unless ``presorted``; a view over the
        library's columns comes sorted: its owner sorts it on ``Sorted``); keep the cursor on
        ``keep``."""
        self.current_row = self.current
        if not presorted and isinstance(rows, list):
            rows = sort_rows(rows, self.sort_column, self.sort_reverse)
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        index = 0
        if keep is not None:
            index = _index_of(self.rows, keep, self.current_row)
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()

    def grew(self) -> None:
        """The rows shown gained rows at the end (a filter still running): show them."""
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # ---- painting ------------------------------------------------------------------------
    def _widths(self, width: int) -> list[tuple[str, int]]:
        return column_widths(width)

    def _warning_style(self) -> Style:
        """The theme's warning colour (bold), looked up once per theme."""
        theme = getattr(self.app, "theme", None)
        cached = getattr(self, "_warning_cache", None)
        if cached is None or cached[0] != theme:
            try:
                colour = self.app.get_css_variables().get("warning") or "yellow"
                style = Style(color=colour, bold=True)
            except (ValueError, LookupError, ColorParseError, StyleSyntaxError):  # plain yellow
                style = Style(color="yellow", bold=True)
            cached = self._warning_cache = (theme, style)
        return cached[1]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header(width)
        index = self.scroll_offset.y + y - 1
        if not self.rows and y == 2:
            hint = Segment(self.empty_hint, READ_STYLE)
            return Strip([hint]).adjust_cell_length(width).apply_style(self.rich_style)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        base = UNREAD_STYLE if not row.read else READ_STYLE
        segments = []
        for name, w in self._widths(width):
            value = _cell(row, name)
            style = TAG_STYLE if name == "tags" and value else base
            if name == "notes" and row.error:
                value, style = ERROR_MARK, self._warning_style()
            cell = _number(value, w) if name in ("notes", "quotes") else fit(value, w)
            segments.append(Segment(cell, style))
            segments.append(Segment(" "))
        strip = Strip(segments[:-1]).adjust_cell_length(width)
        if index == self.cursor:
            strip = strip.apply_style(CURSOR_STYLE)
        return strip.apply_style(self.rich_style)

    def _header(self, width: int) -> Strip:
        segments = []
        for name, w in self._widths(width):
            label = dict(COLUMNS)[name]
            arrow = (" ▼" if self.sort_reverse else " ▲") if name == self.sort_column else ""
            if cell_len(label + arrow) > w and name in SHORT_LABELS:
                label = SHORT_LABELS[name]
            if arrow and cell_len(label + arrow) > w:  # keep the arrow, drop the space
                arrow = arrow.strip()
                label = set_cell_size(label, max(0, w - 1))
            label += arrow
            if cell_len(label) > w:
                cell = set_cell_size(label, w)
            elif name in ("notes", "quotes"):
                cell = " " * (w - cell_len(label)) + label
            else:
                cell = set_cell_size(label, w)
            segments.append(Segment(cell, HEADER_STYLE))
            segments.append(Segment(" "))
        return Strip(segments[:-1]).adjust_cell_length(width).apply_style(self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)

    # ---- movement ------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        for index in (old, new):
            self.refresh_line(index - top + 1)

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = self.scroll_offset.y
        height = self._visible_rows()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _move_to(self, index: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, index))
        self._scroll_to_cursor()

    def action_cursor(self, delta: int) -> None:
        self._move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * (self._visible_rows() - 1))

    def action_edge(self, end: int) -> None:
        self._move_to(len(self.rows) - 1 if end else 0)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current.id))

    def action_sort_next(self) -> None:
        names = [name for name, _ in COLUMNS]
        self.sort_by(names[(names.index(self.sort_column) + 1) % len(names)])

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column, not self.sort_reverse)

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        if reverse is None:
            reverse = column in ("date", "notes", "quotes")
        keep = self.current.id if self.current else None
        self.sort_column, self.sort_reverse = column, reverse
        if isinstance(self.rows, list):
            self.set_rows(self.rows, keep=keep)
        else:
            self.refresh()  # a view: its owner sorts it (on Sorted), keeping the cursor
        self.post_message(self.Sorted())

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:  # header: sort by the clicked column
            x = event.x
            for name, w in self._widths(self.scrollable_content_region.width):
                if x < w + 1:
                    self.sort_by(name, not self.sort_reverse if name == self.sort_column else None)
                    return
                x -= w + 1
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_choose()
            self.cursor = index


def _index_of(rows: Sequence[Row], article_id: str, row: Row | None) -> int:
    """Where ``article_id`` is in ``rows`` (0 if gone): by identity first (a C-speed scan)."""
    index_of = getattr(rows, "index_of", None)
    if index_of is not None:  # a view over the columns: a scan of an id or position column
        found = index_of(article_id)
        return found if found is not None else 0
    if row is not None and row.id == article_id:
        try:
            return rows.index(row)
        except ValueError:
            return 0
    return next((i for i, r in enumerate(rows) if r.id == article_id), 0)


def column_widths(width: int) -> list[tuple[str, int]]:
    """(column, cells) for a line ``width`` cells wide; the title takes what is left."""
    if width < NARROW_BELOW:
        fixed = dict(TINY if width < TINY_BELOW else NARROW)
    else:
        fixed = dict(WIDE if width >= WIDE_FROM else MEDIUM)
    names = [name for name, _label in COLUMNS if name == "title" or name in fixed]
    if width >= WIDE_FROM:  # room to spare: tags take 40% of what the title would get
        flexible = width - sum(fixed.values()) + fixed["tags"] - (len(names) - 1)
        fixed["tags"] = max(WIDE["tags"], min(TAGS_MAX, flexible * 2 // 5))
    title = max(10, width - sum(fixed.values()) - (len(names) - 1))
    return [(name, fixed.get(name, title)) for name in names]


def fit(text: str, width: int) -> str:
    """``text`` padded or cut to exactly ``width`` cells; a cut ends with "…" (wide
    characters are measured by their cells, so CJK titles line up too)."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width <= 1:
        return "…"[:width]
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)


def _number(value: str, width: int) -> str:
    """Right-aligned; a count too long for the column shows as 99+ (never cut mid-digit)."""
    if len(value) > width:
        value = "9" * (width - 1) + "+" if width > 1 else "+"
    return value.rjust(width)


def _cell(row: Row, name: str) -> str:
    if name == "read":
        return " " if row.read else "●"
    if name in ("notes", "quotes"):
        value = getattr(row, name)
        return str(value) if value else "·"
    return clean_line(getattr(row, name))
