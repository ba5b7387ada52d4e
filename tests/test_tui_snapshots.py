"""Snapshots of the screens people see first (pytest --snapshot-update to accept changes).

They run on hand-written articles with a fixed analysis (tests/test_tui_support.py), so they
change when the TUI changes, not when the importer or the analyser improves. The cursor blink
is frozen and notifications cleared so the SVGs are stable.
"""

from __future__ import annotations

from pathlib import Path

from test_tui_support import app_for
from textual.widgets import Input, TextArea

SIZE = (120, 40)


async def _steady(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for widget in pilot.app.screen.query("*"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


def test_library_snapshot(snap_compare, fixed_library: Path) -> None:
    assert snap_compare(app_for(fixed_library), terminal_size=SIZE, run_before=_steady)


def test_article_with_highlights_snapshot(snap_compare, fixed_library: Path) -> None:
    async def before(pilot) -> None:
        await _steady(pilot)
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("n", "n")
        await _steady(pilot)

    assert snap_compare(app_for(fixed_library), terminal_size=SIZE, run_before=before)


def test_actors_panel_snapshot(snap_compare, fixed_library: Path) -> None:
    async def before(pilot) -> None:
        await _steady(pilot)
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("p")
        await _steady(pilot)

    assert snap_compare(app_for(fixed_library), terminal_size=SIZE, run_before=before)


def test_help_snapshot(snap_compare, fixed_library: Path) -> None:
    async def before(pilot) -> None:
        await _steady(pilot)
        await pilot.press("enter")
        await _steady(pilot)
        await pilot.press("question_mark")
        await _steady(pilot)

    assert snap_compare(app_for(fixed_library), terminal_size=SIZE, run_before=before)
