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


def section_name(node: object) -> str:
    """The user's word for the part of the screen a key belongs to: each class says it in
    ``HELP_SECTION`` (an input line or a plain list says what it is), never a class name."""
    name = getattr(node, "HELP_SECTION", None)
    if isinstance(name, str) and name:
        return name
    from textual.widgets import Input, OptionList, TextArea

    if isinstance(node, Input | TextArea):
        return "Typing"
    if isinstance(node, OptionList):
        return "List"
    return "This screen"


def help_text(app, bindings: Iterable[ActiveBinding]) -> Text:
    """Group bindings by the widget that owns them; one line per action with all its keys."""
    groups: dict[str, dict[str, list[str]]] = {}
    descriptions: dict[tuple[str, str], str] = {}
    for active in bindings:
        binding: Binding = active.binding
        if not binding.description:
            continue
        section = section_name(active.node)
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
