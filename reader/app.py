"""The Textual app and its one factory, used by both `reader` (the CLI) and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader import paths
from reader.base.errors import ReaderError


class ReaderApp(App[None]):
    """Holds the session and app-wide keys; the screens do the work."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self, library_dir: Path, *, poll_interval: float = 2.0, session=None) -> None:
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

    def _remember_theme(self, theme) -> None:
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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command (generated, so none is missed)."""
        yield from super().get_system_commands(screen)
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


def make_app(library_dir: str | Path | None = None, **opts) -> ReaderApp:
    """Build the app for ``library_dir`` (default: reader.paths.library_dir())."""
    root = Path(library_dir).expanduser() if library_dir is not None else paths.library_dir()
    return ReaderApp(root, **opts)


def run_tui(library_dir: str | Path | None = None) -> int:
    """Run the TUI until the user quits; the exit code for the CLI.

    The library is opened before the terminal is taken over, so a folder that cannot be used
    gets a one-line error instead of a traceback in a half-drawn screen.
    """
    import sys

    from reader.screens.session import Session

    root = Path(library_dir).expanduser() if library_dir is not None else paths.library_dir()
    try:
        session = Session(root)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        print(f"error {root}: {reason}", file=sys.stderr)
        return 1
    app = ReaderApp(root, session=session)
    app.run()
    return app.return_code or 0
