"""A base for the library-wide lists (search results, annotations, actors): a header, a filter
line, an OptionList of entries, Enter opens. Entries are (label Text, haystack, payload).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.base.errors import describe
from reader.render import clean_line
from reader.widgets.panels import MovingList
from reader.widgets.safe_input import SafeInput


class ListScreen(Screen[None]):
    """Subclasses fill ``self.entries`` and implement ``open(payload)``."""

    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("escape,q", "back", "Back"),
    ]
    title_text = ""
    empty_text = "Nothing here yet."
    HELP_SECTION = "This list"

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.entries: list[tuple[Text, str, Any]] = []
        self.shown: list[Any] = []
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static(classes="list-header", id="list-header")
        yield SafeInput(placeholder="filter", id="list-filter")
        yield MovingList(classes="wide-list", id="list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if not self.query("#list-filter"):  # pushed while the app was closing: nothing to do
            return
        self.query_one("#list-filter").display = False
        self.query_one("#list", OptionList).focus()
        self.load()

    def load(self) -> None:  # pragma: no cover - overridden
        self.fill()

    def extra_filter(self, payload: Any) -> bool:
        return True

    def header_text(self) -> Text:
        text = Text(clean_line(self.title_text), "bold")
        text.append(f"  {len(self.shown)} of {len(self.entries)}")
        if self.query_text:
            text.append(" · filter: ")
            text.append(clean_line(self.query_text), "bold")
        return text

    def fill(self) -> None:
        words = self.query_text.casefold().split()
        option_list = self.query_one("#list", OptionList)
        option_list.clear_options()
        self.shown = []
        options = []
        for label, hay, payload in self.entries:
            if all(w in hay for w in words) and self.extra_filter(payload):
                options.append(Option(label, id=str(len(self.shown))))
                self.shown.append(payload)
        if not options:
            options.append(Option(Text(self.empty_text), disabled=True))
        option_list.add_options(options)
        if self.shown:
            option_list.highlighted = 0
        self.query_one("#list-header", Static).update(self.header_text())

    def action_filter(self) -> None:
        box = self.query_one("#list-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#list-filter")
    def _changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.fill()

    @on(Input.Submitted, "#list-filter")
    def _submitted(self) -> None:
        self.query_one("#list", OptionList).focus()

    @on(OptionList.OptionSelected, "#list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open(self.shown[int(event.option.id)])

    def open(self, payload: Any) -> None:  # pragma: no cover - overridden
        pass

    def open_article(self, article_id: str, **where) -> None:
        from reader.screens.article import ArticleScreen

        try:
            screen = ArticleScreen(self.session, article_id, **where)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"cannot open {article_id}: {describe(exc)}", severity="error")
            return
        self.app.push_screen(screen)

    def action_back(self) -> None:
        box = self.query_one("#list-filter", Input)
        if box.has_focus:
            box.value = ""
            box.display = False
            self.query_one("#list", OptionList).focus()
            return
        self.app.pop_screen()
