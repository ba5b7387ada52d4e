"""Side panels of the article screen: who speaks (actors with quote bars) and the notes.

They only show and report (``ActorsPanel.ActorChosen``, ``NotesPanel.NoteChosen`` ...); the
screen does the writing, so the panels stay dumb and testable.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.render import ACTOR_STYLES, NOTE_STYLE, QUOTE_STYLES, TAG_STYLE, clean, passage_label

TYPE_TITLES = {
    "person": "People",
    "organisation": "Organisations",
    "country": "Countries",
    "place": "Places",
    "other": "Other",
}
BAR = 14


def actor_counts(analysis: Any) -> dict[str, tuple[int, int]]:
    """actor id -> (direct quotes, other quotations), terms excluded."""
    counts: dict[str, list[int]] = {}
    for q in analysis.quotes:
        if q.actor is None or q.kind == "term":
            continue
        c = counts.setdefault(q.actor, [0, 0])
        c[0 if q.kind == "direct" else 1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def quote_counts(direct: int, indirect: int) -> str:
    """``5 direct · 3 indirect``: labelled, so the counts never read like a fraction."""
    return f"{direct} direct · {indirect} indirect"


def quote_bar(direct: int, indirect: int, most: int, width: int = BAR) -> Text:
    """█ for direct, ▒ for indirect, scaled so the busiest actor fills the bar, then the
    labelled counts."""
    scale = width / most if most > width else 1
    d = round(direct * scale) if direct else 0
    i = round(indirect * scale) if indirect else 0
    bar = Text()
    bar.append("█" * d, QUOTE_STYLES["direct"])
    bar.append("▒" * i, QUOTE_STYLES["indirect"])
    bar.append(" " * max(0, width - d - i))
    bar.append(f" {quote_counts(direct, indirect)}", Style(dim=True))
    return bar


class MovingList(OptionList):
    """An OptionList that moves like every other list in reader: j/k, g/G, PageUp/PageDown,
    Home/End (the arrows, Home/End and the page keys come from OptionList)."""

    HELP_SECTION = "List"
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]


class ActorsPanel(MovingList):
    """Actors grouped by type, busiest first; Enter steps through the chosen actor's quotes."""

    HELP_SECTION = "Actors panel"
    BINDINGS = [  # short: the footer is shared
        Binding("enter", "select", "Their quotes"),
        Binding("e", "edit_actor", "Edit actor"),
    ]

    class ActorChosen(Message):
        def __init__(self, actor_id: str, name: str) -> None:
            super().__init__()
            self.actor_id = actor_id
            self.name = name

    class EditRequested(Message):
        """Rename, retype, merge or mark the actor as none (the screen writes)."""

        def __init__(self, actor_id: str, name: str) -> None:
            super().__init__()
            self.actor_id = actor_id
            self.name = name

    def action_edit_actor(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.EditRequested(option.id, self._names.get(option.id, "")))

    def show(self, analysis: Any) -> None:
        self.clear_options()
        counts = actor_counts(analysis)
        most = max((d + i for d, i in counts.values()), default=1)
        name_width, bar_width = self._widths()
        options: list[Option | None] = []
        for kind, title in TYPE_TITLES.items():
            actors = [
                a for a in analysis.actors if (a.type if a.type in TYPE_TITLES else "other") == kind
            ]
            if not actors:
                continue
            actors.sort(key=lambda a: (-sum(counts.get(a.id, (0, 0))), a.name.casefold()))
            if options:
                options.append(None)
            options.append(Option(Text(title, Style(bold=True, underline=True)), disabled=True))
            for actor in actors:
                d, i = counts.get(actor.id, (0, 0))
                label = Text()
                name = clean(actor.name)
                if len(name) > name_width:
                    name = name[: name_width - 1] + "…"
                # the name, then its bar and labelled counts on a line of their own, so the
                # counts fit a narrow panel
                label.append(name, ACTOR_STYLES.get(kind))
                label.append("\n  ")
                label.append_text(quote_bar(d, i, most, bar_width))
                options.append(Option(label, id=actor.id))
        if not options:
            options.append(Option(Text("No actors found"), disabled=True))
        self.add_options(options)
        self._names = {a.id: a.name for a in analysis.actors}
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    def _widths(self) -> tuple[int, int]:
        """Name and bar widths that keep the name on its line and the bar with its counts
        on the next (the side panel is at most 48 columns and 45 % of the window)."""
        panel = min(48, int(self.app.size.width * 0.45)) if self.app.size.width else 48
        room = panel - 6  # border, padding, scrollbar
        bar = max(3, min(BAR, room - 4 - len(" 12 direct · 12 indirect")))
        return max(8, room), bar

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(
                self.ActorChosen(event.option.id, self._names.get(event.option.id, ""))
            )


class NotesPanel(MovingList):
    """The article's notes; Enter jumps to the passage, e edits, d deletes."""

    HELP_SECTION = "Notes panel"
    BINDINGS = [
        # short words: these share the footer with the screen's keys at 80 columns
        Binding("enter", "select", "Jump"),
        Binding("e", "edit_note", "Edit"),
        Binding("d,delete", "delete_note", "Delete"),
    ]

    class NoteChosen(Message):
        def __init__(self, note: Any) -> None:
            super().__init__()
            self.note = note

    class EditRequested(NoteChosen):
        pass

    class DeleteRequested(NoteChosen):
        pass

    def show(self, notes: list[Any], *, error: str = "") -> None:
        """The notes; with ``error`` (the file cannot be read), that instead of "No notes"."""
        self.notes = list(notes)
        self.clear_options()
        for note in self.notes:
            label = Text()
            label.append("✎ ", NOTE_STYLE)
            if note.passage is not None:
                prefix = "(orphan) " if note.orphan else ""
                label.append(
                    f"{prefix}{passage_label(note.passage.exact, 61)}\n",
                    Style(italic=True, dim=True),
                )
            label.append(clean(note.text) or "(no text)")
            if note.tags:
                label.append("  " + " ".join("#" + clean(t) for t in note.tags), TAG_STYLE)
            self.add_option(Option(label, id=note.id))
        if error:
            self.add_option(Option(Text(f"Notes unreadable: {clean(error)}"), disabled=True))
        elif not self.notes:
            self.add_option(
                Option(Text("No notes yet: a notes the passage under the cursor"), disabled=True)
            )
        else:
            self.highlighted = 0

    def _current(self) -> Any | None:
        if self.highlighted is None or not getattr(self, "notes", None):
            return None
        if self.highlighted >= len(self.notes):
            return None
        return self.notes[self.highlighted]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_note", "delete_note"):
            return self._current() is not None
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self._current()
        if note is not None:
            self.post_message(self.NoteChosen(note))

    def action_edit_note(self) -> None:
        note = self._current()
        if note is not None:
            self.post_message(self.EditRequested(note))

    def action_delete_note(self) -> None:
        note = self._current()
        if note is not None:
            self.post_message(self.DeleteRequested(note))
