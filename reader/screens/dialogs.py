"""Small modal dialogs. Every one saves with ctrl+s (and Enter in a one-line field) and cancels
with Escape, so people learn one rule for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from reader.render import clean, clean_line, passage_label
from reader.textutil import strip_control
from reader.widgets.safe_input import SafeInput
from reader.widgets.safe_text_area import SafeTextArea

if TYPE_CHECKING:
    from reader.app import ReaderApp


def passage_box(passage: str, height: int) -> Static:
    """The passage a dialog is about, shortened to fit a small window."""
    most = 240 if height >= 32 else 120
    return Static(Text(passage_label(passage, most), style="italic"), classes="dialog-passage")


class Dialog(ModalScreen[Any]):
    """Base: Escape cancels (dismiss ``None``); ctrl+s saves via ``save()``.

    ``saver`` (optional) writes the result while the dialog is still open and returns an error
    message or ``None``: on an error the dialog stays open with the user's text and says why,
    so a failed save never throws typed work away.

    Keys typed before the dialog is ready (``t`` + "fast" + Enter in one burst) are held by the
    app (:meth:`hold_key`) and replayed, in order, once the dialog's field has the focus: they
    never go to the screen underneath or get lost.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # not a priority binding: it must queue behind the keys typed before it, or a fast
        # typist's last words (or the tags after a Tab) are not saved
        Binding("ctrl+s", "save", "Save"),
    ]

    saver: Callable[[Any], str | None] | None = None
    HELP_SECTION = "Dialog"
    _keys_ready = False
    _held: list[Any] | None = None

    def hold_key(self, event: Any) -> bool:
        """Called by the app for each key while this dialog is on top: True if it is held
        for later (the dialog is not ready for it yet)."""
        if self._keys_ready:
            return False
        if self._held is None:
            self._held = []
        self._held.append(event)
        return True

    def on_mount(self) -> None:
        self._tries = 0
        self.call_after_refresh(self._release_keys)

    async def _release_keys(self) -> None:
        """Once the field that should have the focus has it (or the dialog has no field),
        hand the held keys to the app in the order they came; keys arriving meanwhile join
        the end of the queue."""
        if self.app.screen is not self:
            self._keys_ready = True
            return
        wants_focus = any(w.focusable for w in self.query("*"))
        if wants_focus and self.focused is None and self._tries < 50:
            self._tries += 1
            self.set_timer(0.01, self._release_keys)
            return
        from textual import events

        while self._held:
            event = self._held.pop(0)
            replay = events.Key(event.key, event.character)
            replay.set_sender(self.app)
            await cast("ReaderApp", self.app).dispatch_held_key(replay)
        self._keys_ready = True

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        result = self.result()
        if self.saver is not None and result is not None:
            error = self.saver(result)
            if error:
                self.show_error(error)
                return
        self.dismiss(result)

    def show_error(self, message: str) -> None:
        """Say why saving failed, inside the dialog (or as a notification if it has no room)."""
        found = self.query("#dialog-error")
        if found:
            box = found.first(Static)
            box.update(
                Text(f"not saved: {clean_line(message)} (your text is kept; Escape discards it)")
            )
            box.display = True
        else:
            self.notify(f"not saved: {message}", severity="error")  # the app's notify: gated

    def result(self) -> Any:  # pragma: no cover - overridden
        return None


class TagSuggester(Suggester):
    """Completes the last comma-separated word from known tags."""

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__(use_cache=False)
        self.tags = sorted(set(tags), key=str.casefold)

    async def get_suggestion(self, value: str) -> str | None:
        _head, _, last = value.rpartition(",")
        word = last.lstrip()
        if not word:
            return None
        for tag in self.tags:
            if tag.casefold().startswith(word) and tag.casefold() != word:
                prefix = value[: len(value) - len(word)]
                return prefix + tag
        return None


class TextPrompt(Dialog):
    """One line of text: Enter or ctrl+s saves."""

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        suggester: Suggester | None = None,
        hint: str = "",
        passage: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.suggester = suggester
        self.hint = hint
        self.passage = strip_control(passage)  # the passage the prompt is about, if any

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(clean_line(self.title_text)), classes="dialog-title")
            if self.passage:
                yield passage_box(self.passage, self.app.size.height)
            # no select-on-focus: a prefilled value (the current tags) is added to, never
            # replaced by the first key typed
            yield SafeInput(
                self.value,
                placeholder=self.placeholder,
                suggester=self.suggester,
                id="prompt",
                select_on_focus=False,
            )
            yield Static("", id="dialog-error", classes="dialog-error")
            yield Static(
                Text(self.hint or "Enter or ctrl+s to save · Escape to cancel"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        box = self.query_one("#prompt", Input)
        box.focus()
        box.cursor_position = len(box.value)

    def result(self) -> str:
        return self.query_one("#prompt", Input).value

    @on(Input.Submitted, "#prompt")
    def _submitted(self) -> None:
        self.action_save()


class NoteDialog(Dialog):
    """A note (several lines) and its tags. ctrl+s saves; Enter in the tags field saves.

    Tab is a priority binding here: the app hands each key to the widget focused when the key
    is read, so in a burst ("text", Tab, "tags") an ordinary Tab moves the focus only after the
    tags were already given to the note. A priority binding runs as the key is read.
    """

    BINDINGS = [
        Binding("tab", "move_focus(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", "Previous field", show=False, priority=True),
    ]

    def action_move_focus(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def __init__(
        self,
        passage: str = "",
        text: str = "",
        tags: Sequence[str] = (),
        known_tags: Sequence[str] = (),
        title: str = "Note",
    ) -> None:
        super().__init__()
        self.passage = clean(passage)
        self.text = text
        self.tags = list(tags)
        self.known_tags = list(known_tags)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Label(Text(clean_line(self.title_text)), classes="dialog-title")
            # under the title, so a small window still shows why a save failed
            yield Static("", id="dialog-error", classes="dialog-error")
            if self.passage:
                yield passage_box(self.passage, self.app.size.height)
            # Tab leaves the note for the tags field, whatever the timing of the keys
            yield SafeTextArea(
                self.text,
                id="note-text",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield SafeInput(
                ", ".join(self.tags),
                placeholder="tags, comma separated",
                suggester=TagSuggester(self.known_tags),
                id="note-tags",
                select_on_focus=False,
            )
            yield Static(
                Text("Tab: tags · ctrl+s to save · Escape to cancel"), classes="dialog-hint"
            )

    def on_resize(self) -> None:
        # a 24-row terminal keeps the tags field and the hint on screen
        self.query_one("#note-text", TextArea).styles.height = (
            8 if self.app.size.height >= 32 else 4
        )

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.move_cursor(area.document.end)  # editing usually continues the note
        area.focus()

    def result(self) -> tuple[str, list[str]] | None:
        text = self.query_one("#note-text", TextArea).text.strip()
        tags = split_tags(self.query_one("#note-tags", Input).value)
        if not text and not tags:
            return None
        return text, tags

    @on(Input.Submitted, "#note-tags")
    def _submitted(self) -> None:
        self.action_save()


class ConflictDialog(Dialog):
    """Two versions of one note: the user's unsaved edit and the one saved elsewhere meanwhile.
    m keeps mine, t keeps theirs, b keeps both (mine as a second note); Escape goes back to
    the edit, which is still open: no key loses either version without being asked to."""

    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine"),
        Binding("t", "choose('theirs')", "Keep theirs"),
        Binding("b", "choose('both')", "Keep both"),
    ]

    def __init__(self, mine: tuple[str, Sequence[str]], theirs: Any | None) -> None:
        super().__init__()
        self.mine = (mine[0], list(mine[1]))
        self.theirs = theirs  # a Note, or None: deleted elsewhere

    def compose(self) -> ComposeResult:
        deleted = self.theirs is None
        with Vertical(classes="dialog conflict-dialog"):
            yield Label(
                Text(
                    "This note was deleted elsewhere while you edited it"
                    if deleted
                    else "This note was changed elsewhere while you edited it"
                ),
                classes="dialog-title",
            )
            yield Static("", id="dialog-error", classes="dialog-error")
            with VerticalScroll(id="conflict-mine", classes="conflict-version"):
                yield Static(_version("Yours (not saved yet)", *self.mine))
            if self.theirs is not None:
                when = clean_line(self.theirs.updated or "")[:19].replace("T", " ")
                with VerticalScroll(id="conflict-theirs", classes="conflict-version"):
                    yield Static(
                        _version(f"Theirs (saved {when})", self.theirs.text, self.theirs.tags)
                    )
            hint = (
                "m: save yours as a new note · t: leave it deleted · Escape: back to your edit"
                if deleted
                else "m: keep mine · t: keep theirs · b: keep both (two notes) · "
                "Escape: back to your edit"
            )
            yield Static(Text(hint), classes="dialog-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # nothing of theirs to keep: m saves yours as a new note
        return not (action == "choose" and parameters == ("both",) and self.theirs is None)

    def action_choose(self, which: str) -> None:
        self.dismiss(which)


def _version(label: str, text: str, tags: Sequence[str]) -> Text:
    out = Text()
    out.append(label + "\n", "bold")
    out.append(clean(text) or "(no text)")
    if tags:
        out.append("\n" + " ".join("#" + clean_line(t) for t in tags), "italic")
    out.append("\n")
    return out


class ConfirmDialog(Dialog):
    """A yes/no question: y or Enter confirms, n or Escape declines."""

    BINDINGS = [
        Binding("y,enter", "save", "Yes"),
        Binding("n", "cancel", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(clean(self.question)), classes="dialog-title")
            yield Static(Text("y / Enter: yes · n / Escape: no"), classes="dialog-hint")

    def result(self) -> bool:
        return True


class PickDialog(Dialog):
    """Pick one of many (tags, actors): type to narrow, Enter picks."""

    def __init__(self, title: str, options: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)  # (label, value)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Label(Text(clean_line(self.title_text)), classes="dialog-title")
            yield SafeInput(placeholder="type to narrow", id="pick-filter")
            yield OptionList(id="pick-list")
            yield Static(Text("Enter picks · Escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        option_list = self.query_one("#pick-list", OptionList)
        option_list.clear_options()
        q = query.casefold()
        option_list.add_options(
            Option(Text(clean_line(label)), id=str(i))
            for i, (label, _value) in enumerate(self.options)
            if q in label.casefold()
        )
        if option_list.option_count:
            option_list.highlighted = 0

    @on(Input.Changed, "#pick-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#pick-filter")
    def _submitted(self) -> None:
        self.action_save()

    @on(OptionList.OptionSelected, "#pick-list")
    def _selected(self) -> None:
        self.action_save()

    def result(self) -> str | None:
        option_list = self.query_one("#pick-list", OptionList)
        if option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        return self.options[int(option.id or 0)][1]


def split_tags(value: str) -> list[str]:
    """``"a, b/c ,,"`` -> ``["a", "b/c"]`` (control characters dropped)."""
    return [t.strip() for t in strip_control(value).split(",") if t.strip()]
