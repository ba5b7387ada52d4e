"""`?`: help generated from the live bindings of the screen it was opened on (never a hand-kept
table, so it cannot drift from what the keys do).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

SECTION_NAMES = {
    "ReaderApp": "Everywhere",
    "LibraryScreen": "Library",
    "ArticleScreen": "Article",
    "ArticleView": "Reading",
    "ArticleTable": "Table",
}


def help_text(app, bindings: Iterable[ActiveBinding]) -> Text:
    """Group bindings by the widget that owns them; one line per action with all its keys."""
    groups: dict[str, dict[str, list[str]]] = {}
    descriptions: dict[tuple[str, str], str] = {}
    for active in bindings:
        binding: Binding = active.binding
        if not binding.description:
            continue
        name = type(active.node).__name__
        section = SECTION_NAMES.get(name, name.replace("Panel", " panel"))
        keys = groups.setdefault(section, {}).setdefault(binding.action, [])
        key = app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
        descriptions[(section, binding.action)] = binding.description
    out = Text()
    for section, actions in groups.items():
        if out:
            out.append("\n")
        out.append(section + "\n", Style(bold=True, underline=True))
        for action, keys in actions.items():
            out.append(f"  {' / '.join(keys):<18}", Style(bold=True, color="color(32)"))
            out.append(descriptions[(section, action)] + "\n")
    return out


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen underneath; Escape, q or ? closes."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close help")]

    def __init__(self, bindings: list[ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label(Text("Keys  (ctrl+p: every command)"), classes="dialog-title")
            with VerticalScroll():
                yield Static(help_text(self.app, self.bindings), id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
