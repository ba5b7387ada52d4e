"""The Textual app and its one factory, used by both `reader` (the CLI) and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader import paths
from reader.base.errors import ReaderError

if TYPE_CHECKING:
    from reader.screens.session import Session


class ReaderApp(App[None]):
    """Holds the session and app-wide keys; the screens do the work."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    HELP_SECTION = "Everywhere"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self, library_dir: Path, *, poll_interval: float = 1.0, session: Session | None = None
    ) -> None:
        super().__init__()
        self.library_dir = Path(library_dir)
        self.poll_interval = poll_interval
        self.session = session

    def on_mount(self) -> None:
        from reader.screens.library import LibraryScreen
        from reader.screens.session import Session

        if self.session is None:
            self.session = Session(self.library_dir)
        theme = self.session.load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(LibraryScreen(self.session))

    def notify(self, message: str, *, markup: bool = False, **kwargs: Any) -> None:
        """Every toast (from any screen) is plain text through the terminal gate: messages name
        titles, files and tags, which are data, never markup or control sequences."""
        from reader.render import clean

        super().notify(clean(str(message)), markup=False, **kwargs)

    # ---- keys typed faster than a dialog opens -----------------------------------------
    # Textual hands each key to the widget focused when the key is read. In a burst ("t",
    # "fast", Enter) the widget under the dialog has all of them queued before its "t" opens
    # the dialog; the rest then bubble up past a dialog that never sees them. So every typed
    # key remembers the screen it was typed at; one that comes back from a screen a dialog now
    # covers goes to the dialog (held until its field has the focus: Dialog.hold_key).
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            hold = getattr(self.screen, "hold_key", None)
            if hold is not None and hold(event):
                return
            event._typed_at = self.screen  # type: ignore[attr-defined]  # our mark on the event
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        typed_at = getattr(event, "_typed_at", None)
        screen = self.screen
        if typed_at is not None and typed_at is not screen and hasattr(screen, "hold_key"):
            event.prevent_default()  # not App._on_key: the key belongs to the dialog
            fresh = events.Key(event.key, event.character)
            fresh.set_sender(self)
            if not screen.hold_key(fresh):
                await self.dispatch_held_key(fresh)

    async def dispatch_held_key(self, event: events.Key) -> None:
        """A key a dialog held, handled now as if it had just been typed at the dialog."""
        event._typed_at = self.screen  # type: ignore[attr-defined]  # our mark on the event
        await super().on_event(event)

    def _remember_theme(self, theme) -> None:
        if self.session is None:
            return
        try:
            self.session.save_setting("theme", theme.name)
        except (OSError, ReaderError) as exc:
            why = getattr(exc, "strerror", None) or exc
            self.notify(f"theme not remembered: {why}", severity="warning")

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(list(self.screen.active_bindings.values())))

    def action_set_coder(self) -> None:
        from reader.screens.dialogs import TextPrompt

        session = self.session
        if session is None:
            return

        def saver(value: str) -> str | None:
            try:
                name = session.set_coder(value)
            except (OSError, ReaderError) as exc:
                return str(getattr(exc, "strerror", None) or exc)
            self.notify(f"you code as {name}")
            return None

        prompt = TextPrompt(
            "Your coder name (on every note and tag you add)",
            session.coder(),
            hint="Enter saves · Escape cancels · the name final is kept for adjudicated codes",
        )
        prompt.saver = saver
        self.push_screen(prompt)

    def action_toggle_adjudicating(self) -> None:
        session = self.session
        if session is None:
            return
        session.set_adjudicating(not session.adjudicating)
        if session.adjudicating:
            self.notify("adjudicating: notes, tags and corrections are now recorded as final")
        else:
            self.notify(f"you code as {session.coder()} again")
        refresh = getattr(self.screen, "refresh_annotations", None)
        if callable(refresh):  # the article shows final's corrections (or the user's again)
            refresh()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command (generated, so none is missed)."""
        yield from super().get_system_commands(screen)
        samples = getattr(screen, "sample_ids", None)
        if samples is not None and samples():
            yield SystemCommand(
                "Remove the samples",
                "remove the bundled sample articles (tagged sample)",
                getattr(screen, "action_remove_samples"),  # noqa: B009 - screens that have samples
            )
        yield SystemCommand(
            "Set your coder name",
            "the name your notes and tags carry (a study with several coders)",
            self.action_set_coder,
        )
        if self.session is not None and self.session.adjudicating:
            yield SystemCommand(
                "Stop adjudicating",
                "record notes, tags and corrections under your own name again",
                self.action_toggle_adjudicating,
            )
        else:
            yield SystemCommand(
                "Adjudicate (record as final)",
                "the team's final version: corrections, notes and tags recorded as final",
                self.action_toggle_adjudicating,
            )
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in ("command_palette",):
                continue
            key = (id(active.node), binding.action)
            if key in seen:
                continue
            seen.add(key)
            yield SystemCommand(
                binding.description,
                f"key: {self.get_key_display(binding)}",
                partial(self.run_action, binding.action, active.node),
            )


def make_app(
    library_dir: str | Path | None = None,
    *,
    poll_interval: float = 1.0,
    session: Session | None = None,
) -> ReaderApp:
    """The app for ``library_dir`` (default: reader.paths.library_dir()): the one factory, used
    by ``run_tui`` (the CLI) and the tests. ``session``: the library already opened (else the
    app opens it when mounted); ``poll_interval``: seconds between looks for changes made by
    other processes (0: tests, which look when they say so)."""
    root = Path(library_dir).expanduser() if library_dir is not None else paths.library_dir()
    return ReaderApp(root, poll_interval=poll_interval, session=session)


def run_tui(library_dir: str | Path | None = None) -> int:
    """Run the TUI until the user quits; the exit code for the CLI.

    The library is opened before the terminal is taken over, so a folder that cannot be used
    gets a one-line error instead of a traceback in a half-drawn screen.
    """
    import sys

    from reader.screens.session import Session

    root = Path(library_dir).expanduser() if library_dir is not None else paths.library_dir()
    from reader.base.errors import ReaderError

    try:
        session = Session(root)
    except (ReaderError, OSError) as exc:  # one line, never a traceback (a bug: the CLI's own)
        from reader.base.text import for_terminal

        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        print(for_terminal(f"error {root}: {reason}", one_line=True), file=sys.stderr)
        return 1
    app = make_app(root, session=session)
    app.run()
    return app.return_code or 0
