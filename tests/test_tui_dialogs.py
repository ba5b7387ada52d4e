"""Dialogs never lose the user's typing: prefilled tags are added to, a failed save keeps the
note open with its text, and Tab leaves the note for the tags field however fast keys come."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, app_for, open_article, run_async, settle

from reader.library.store import Library
from reader.screens.dialogs import NoteDialog, TextPrompt
from reader.widgets.panels import NotesPanel


@run_async
async def test_typing_in_the_tag_dialog_adds_to_the_existing_tags(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        store = Library(samples_dir_copy).annotations
        before = store.tag_article(screen.article_id, ["Nato", "war"])
        assert len(before) >= 2
        screen.refresh_annotations()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"framing", "enter")
        await pilot.pause()
        assert app.screen is screen
    tags = Library(samples_dir_copy).annotations.article_tags(screen.article_id)
    assert sorted(t.casefold() for t in tags) == sorted(t.casefold() for t in before + ["framing"])


def corrupt_annotations(root: Path, article_id: str) -> None:
    """Truncate the article's annotation file the way a crash of another tool might."""
    files = list((root / "annotations").rglob(f"{article_id}*.json"))
    assert files, "the article has an annotation file"
    for path in files:
        path.write_text('{"notes": {"1": {"te', encoding="utf-8")


@run_async
async def test_a_note_that_cannot_be_saved_stays_open_with_its_text(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        Library(samples_dir_copy).annotations.tag_article(screen.article_id, ["seen"])
        corrupt_annotations(samples_dir_copy, screen.article_id)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"a thought worth keeping", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog), "the dialog stays open"
        assert dialog.query_one("#note-text").text == "a thought worth keeping"
        error = dialog.query_one("#dialog-error")
        assert error.display and "not saved" in str(error.render())
        # Escape is the user's choice to discard; the article screen is back
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # the tag prompt keeps its text and says why too
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"kept", "enter")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        assert prompt.query_one("#prompt").value.endswith("kept")
        assert "not saved" in str(prompt.query_one("#dialog-error").render())


@run_async
async def test_tab_in_a_burst_moves_from_the_note_to_its_tags(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("n")
        await pilot.press("a", *"says who", "tab", *"frame/war, source", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    notes = Library(samples_dir_copy).annotations.notes(screen.article_id)
    assert [(n.text, n.tags) for n in notes] == [("says who", ["frame/war", "source"])]


def burst(app, keys: str) -> None:
    """Queue every key at once, as a fast typist or a paste through tmux delivers them (pilot.press
    waits for the app to go idle between keys, which hides ordering bugs)."""
    from textual import events

    names = {"\t": ("tab", "\t"), "\x13": ("ctrl+s", None)}
    for char in keys:
        key, character = names.get(char, (char, char))
        app.post_message(events.Key(key, character))


@run_async
async def test_a_burst_of_keys_keeps_its_order_through_tab_and_ctrl_s(
    samples_dir_copy: Path,
) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("n", "a")
        await pilot.pause()
        burst(app, "who says this\tframe/war, source\x13")
        await settle(pilot)
        await pilot.pause()
        assert app.screen is screen
        # the notes panel shows the note with its tags
        await pilot.press("o")
        await pilot.pause()
        panel = screen.query_one(NotesPanel)
        label = str(panel.get_option_at_index(0).prompt)
        assert "who says this" in label and "#frame/war" in label and "#source" in label
    notes = Library(samples_dir_copy).annotations.notes(screen.article_id)
    assert [(n.text, n.tags) for n in notes] == [("who says this", ["frame/war", "source"])]
