"""The TUI shows text, it never obeys it: bidi overrides and isolates appear as visible marks,
zero-width and bidi marks are dropped, control sequences never reach the screen, and toasts are
never read as markup. Checked on every screen by reading back what the compositor would paint."""

from __future__ import annotations

import re
from pathlib import Path

from test_tui_support import SIZE, add_article, app_for, open_article, run_async, settle

from reader.library.store import Library

RAW = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    r"\u200b-\u200d\u2060\ufeff]"
)
MARK = "\u27e8U+202E\u27e9"
BODY = (
    "A committee met on Monday about the \u202eriver\u200b crossing. The chair said the plan "
    "would be ready by spring.\n\n"
    "Critics said the cost had doubled since the first draft and asked for a second opinion."
)


def painted(app) -> str:
    """Every cell of the current screen, as the terminal would get it (text only)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def hostile_library(root: Path) -> str:
    article = add_article(
        root, BODY, title="Bridge \u202eplan\u2066 vote\u200b", source="Daily \u202eNews"
    )
    store = Library(root).annotations
    store.tag_article(article, ["\u202etopic"])
    store.add_note(article, "my \u202enote\u2067 [bold]x[/]", tags=["\u2066tagged"])
    return article


@run_async
async def test_every_screen_shows_marks_and_obeys_nothing(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    hostile_library(root)
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert MARK in shown  # the title's override, as a mark in the table

        screen = await open_article(pilot)
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert shown.count(MARK) >= 2  # title and body
        assert "river crossing" in shown.replace(MARK, "")  # the zero-width space is gone

        for key in ("o", "p"):  # the notes panel, the actors panel
            await pilot.press(key)
            await settle(pilot)
            shown = painted(app)
            assert RAW.search(shown) is None, (key, repr(RAW.search(shown)))
        await pilot.press("t")  # the tag dialog: its input holds the tags as data, gated
        await settle(pilot)
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert MARK + "topic" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert screen is app.screen

        await pilot.press("q")
        await settle(pilot)
        for key in ("a", "p"):  # all notes; all actors
            await pilot.press(key)
            await settle(pilot)
            shown = painted(app)
            assert RAW.search(shown) is None, (key, repr(RAW.search(shown)))
            await pilot.press("escape")
            await settle(pilot)


@run_async
async def test_toasts_are_plain_text_through_the_gate(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    hostile_library(root)
    app = app_for(root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.screen.notify("cannot open \x1b]2;OWNED\x07[bold]x[/] \u202eevil")
        await pilot.pause(0.3)
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert "[bold]x[/]" in shown  # shown literally: never parsed as markup
        assert MARK + "evil" in shown


@run_async
async def test_text_pasted_or_typed_into_an_input_is_shown_through_the_gate(tmp_path: Path) -> None:
    """The filter keeps what was pasted (it is data: it must match a title that holds it), but
    paints it as the gate does: the override as a mark, the control sequence and the zero-width
    space not at all; the cursor still lands where the next key goes."""
    from textual import events

    root = tmp_path / "lib"
    hostile_library(root)
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.action_filter()
        await settle(pilot)
        box = app.screen.query_one("#filter")
        box.post_message(events.Paste("Bridge \u202epl\x1b[2J\x1b]2;OWNED\x07an\u200b"))
        await settle(pilot)
        await pilot.press("left", "left", "x")  # typed between the zero-width space's neighbours
        await settle(pilot)
        assert box.value == "Bridge \u202epl\x1b[2J\x1b]2;OWNED\x07axn\u200b"  # kept as data
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert "Bridge " + MARK + "plaxn" in shown
        assert "OWNED" not in shown and "[2J" not in shown


@run_async
async def test_text_pasted_into_the_note_editor_is_painted_without_controls(tmp_path: Path) -> None:
    """The note editor keeps a pasted control sequence as data (the stored form cleans it on
    save), but never paints a control character, an override or a zero-width character, and
    the cursor still lands where the next key goes."""
    from reader.screens.dialogs import NoteDialog

    root = tmp_path / "lib"
    hostile_library(root)
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        area = dialog.query_one("#note-text")
        area.insert("my \u202ere\x1b[2Jad\x9b31m\u200bing")  # what a paste inserts
        await settle(pilot)
        await pilot.press("left", "left", "left", "x")  # lands before "ing"
        await settle(pilot)
        assert area.text == "my \u202ere\x1b[2Jad\x9b31m\u200bxing"  # kept as data
        shown = painted(app)
        assert RAW.search(shown) is None, repr(RAW.search(shown))
        assert "my re[2Jad31mxing" in shown  # the characters between stay where they were


def test_no_screen_builds_an_input_that_bypasses_the_gate() -> None:
    """Every text field is a SafeInput or a SafeTextArea: a bare Input or TextArea would paint
    raw text."""
    package = Path(__file__).resolve().parents[1] / "reader"
    bare = [
        f"{path.relative_to(package)}:{n}"
        for path in [
            *package.glob("screens/*.py"),
            *package.glob("widgets/*.py"),
            package / "app.py",
        ]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"(?<![A-Za-z_])(Input|TextArea)\(", line)
        and not re.search(r"class Safe(Input|TextArea)\((Input|TextArea)\)", line)
    ]
    assert bare == []
