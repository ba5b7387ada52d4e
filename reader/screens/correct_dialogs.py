"""Dialogs for correcting the analysis: a quotation's speaker, its kind, a new quotation from the
passage, an actor (rename, type, merge). They save like every dialog (ctrl+s, Enter in a
one-line field) and cancel with Escape; they only return what was chosen, the screen writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from annotations.corrections import ACTOR_SETTABLE, KIND_WORDS
from reader.screens.dialogs import Dialog
from reader.textutil import strip_control
from reader.widgets.safe_input import SafeInput

KIND_CHOICES = [(KIND_WORDS[k], k) for k in KIND_WORDS]
TYPE_CHOICES = [(t if t != "none" else "none (not an actor)", t) for t in ACTOR_SETTABLE]


class NameSuggester(Suggester):
    """Completes a name from the article's actors (their names and aliases); any other name
    may be typed."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(dict.fromkeys(n for n in names if n))

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.casefold()
        if not typed:
            return None
        for name in self.names:
            if name.casefold().startswith(typed) and len(name) > len(value):
                return value + name[len(value) :]
        return None


def _hint(names: Sequence[str]) -> str:
    shown = ", ".join(strip_control(n) for n in list(names)[:5])
    more = " …" if len(names) > 5 else ""
    return f"→ completes: {shown}{more}" if shown else ""


def _short(passage: str, most: int = 200) -> str:
    text = " ".join(strip_control(passage).split())
    return text if len(text) <= most else text[: most - 1] + "…"


class _TabDialog(Dialog):
    """Tab moves between the fields as the key is read (see NoteDialog)."""

    BINDINGS = [
        Binding("tab", "move_focus(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", "Previous field", show=False, priority=True),
    ]

    def action_move_focus(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()


def _options(choices: Sequence[tuple[str, str]], current: str | None) -> tuple[list[Option], int]:
    options = [Option(Text(label), id=value) for label, value in choices]
    at = next((i for i, (_l, v) in enumerate(choices) if v == current), 0)
    return options, at


class QuoteDialog(_TabDialog):
    """A quotation from the passage: its speaker (completed from the article's actors, or any
    name) and its kind. Returns ``(speaker, kind)``."""

    def __init__(
        self,
        title: str,
        passage: str,
        names: Sequence[str],
        *,
        speaker: str = "",
        kind: str = "direct",
    ) -> None:
        super().__init__()
        self.title_text, self.passage = title, passage
        self.names, self.speaker, self.kind = list(names), speaker, kind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog quote-dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Static("", id="dialog-error", classes="dialog-error")
            yield Static(
                Text(f"«{_short(self.passage)}»", style="italic"), classes="dialog-passage"
            )
            yield SafeInput(
                self.speaker,
                placeholder="speaker: an actor of the article, or any name",
                suggester=NameSuggester(self.names),
                id="quote-speaker",
                select_on_focus=False,
            )
            options, at = _options(KIND_CHOICES, self.kind)
            kinds = OptionList(*options, id="quote-kind")
            kinds.highlighted = at
            yield kinds
            yield Static(
                Text(f"{_hint(self.names)}\nTab: kind · Enter or ctrl+s saves · Escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        box = self.query_one("#quote-speaker", Input)
        box.focus()
        box.cursor_position = len(box.value)

    def result(self) -> tuple[str, str]:
        kinds = self.query_one("#quote-kind", OptionList)
        kind = KIND_CHOICES[kinds.highlighted or 0][1]
        return self.query_one("#quote-speaker", Input).value.strip(), kind

    @on(Input.Submitted, "#quote-speaker")
    @on(OptionList.OptionSelected, "#quote-kind")
    def _submitted(self) -> None:
        self.action_save()


class ActorDialog(_TabDialog):
    """One actor: its name and type, or merge it into another; in this article or in every
    article (the alias table). Returns ``{"name", "type", "merge", "everywhere"}``."""

    def __init__(self, actor: Any, others: Sequence[str]) -> None:
        super().__init__()
        self.actor, self.others = actor, list(others)

    def compose(self) -> ComposeResult:
        a = self.actor
        with Vertical(classes="dialog actor-dialog"):
            yield Label(Text(f"Actor {strip_control(a.name)} ({a.id})"), classes="dialog-title")
            yield Static("", id="dialog-error", classes="dialog-error")
            yield SafeInput(a.name, placeholder="name", id="actor-name", select_on_focus=False)
            options, at = _options(TYPE_CHOICES, a.type)
            types = OptionList(*options, id="actor-type")
            types.highlighted = at
            yield types
            yield SafeInput(
                "",
                placeholder="merge into: another actor's name (empty: no merge)",
                suggester=NameSuggester(self.others),
                id="actor-merge",
            )
            yield Checkbox("in every article (the alias table; later imports too)", id="actor-all")
            yield Static(
                Text("Tab: next field · ctrl+s saves · Escape cancels"), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.query_one("#actor-name", Input).focus()

    def result(self) -> dict[str, Any]:
        types = self.query_one("#actor-type", OptionList)
        return {
            "name": self.query_one("#actor-name", Input).value.strip(),
            "type": TYPE_CHOICES[types.highlighted or 0][1],
            "merge": self.query_one("#actor-merge", Input).value.strip(),
            "everywhere": self.query_one("#actor-all", Checkbox).value,
        }

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
