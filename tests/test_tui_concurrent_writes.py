"""The TUI and the CLI never lose each other's changes (issue 10, item 2).

Every test opens a dialog in the TUI, makes a change from "another process" (the CLI as a
subprocess, or a second store object as a CLI run would) while the dialog is open, and then saves
the dialog: the change made meanwhile must survive, or the user is shown both versions and picks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from test_tui_support import SIZE, open_article, run_async, settle

from reader.app import make_app
from reader.library.store import Library
from reader.screens.dialogs import ConflictDialog, NoteDialog, TextPrompt
from reader.screens.session import Session, SettingsError
from reader.widgets.panels import NotesPanel

POLL = 0.05  # the app's change poll, as in real use (2 s there): it refreshes the screen


def cli(root: Path, *args: str) -> str:
    """``reader ARGS`` in another process, as a user in a second terminal would run it."""
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def store(root: Path):
    return Library(root).annotations


def keys(tags: list[str]) -> list[str]:
    return sorted(t.casefold() for t in tags)


async def poll(pilot) -> None:
    """Long enough for the app's change poll to run (and refresh what the screen shows)."""
    await pilot.pause(POLL * 6)


@run_async
async def test_saving_the_tag_dialog_keeps_a_tag_the_cli_added_meanwhile(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        before = store(samples_dir_copy).tag_article(screen.article_id, ["Nato"])
        await poll(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        cli(samples_dir_copy, "tag", screen.article_id, "added-meanwhile")
        await poll(pilot)  # the screen now knows the new tag; the dialog still shows the old
        await pilot.press(*"framing", "enter")
        await pilot.pause()
        assert app.screen is screen
    after = store(samples_dir_copy).article_tags(screen.article_id)
    assert keys(after) == keys(before + ["added-meanwhile", "framing"])


@run_async
async def test_saving_the_tag_dialog_does_not_bring_back_a_tag_the_cli_removed(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        before = store(samples_dir_copy).tag_article(screen.article_id, ["Nato", "war"])
        await poll(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#prompt").value.endswith("Nato, war, ")
        cli(samples_dir_copy, "untag", screen.article_id, "war")
        await poll(pilot)
        await pilot.press(*"framing", "enter")
        await pilot.pause()
        assert app.screen is screen
    after = store(samples_dir_copy).article_tags(screen.article_id)
    assert keys(after) == keys([t for t in before if t != "war"] + ["framing"])


@run_async
async def test_removing_a_tag_in_the_dialog_removes_only_that_tag(samples_dir_copy: Path) -> None:
    app = make_app(samples_dir_copy, poll_interval=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        before = store(samples_dir_copy).tag_article(screen.article_id, ["Nato", "war"])
        await poll(pilot)
        await pilot.press("t")
        await pilot.pause()
        cli(samples_dir_copy, "tag", screen.article_id, "late")
        # the user deletes "war, " (5 characters) from the end of "Nato, war, "
        await pilot.press(*["backspace"] * 5, "enter")
        await pilot.pause()
        assert app.screen is screen
    after = store(samples_dir_copy).article_tags(screen.article_id)
    assert keys(after) == keys([t for t in before if t != "war"] + ["late"])


async def edit_first_note(pilot, screen) -> NoteDialog:
    await pilot.press("o")
    await pilot.pause()
    assert screen.query_one(NotesPanel).notes
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, NoteDialog)
    return dialog


async def open_with_note(pilot, root: Path, text: str, tags: list[str]):
    await settle(pilot)
    screen = await open_article(pilot)
    note = store(root).add_note(screen.article_id, text, tags=tags)
    screen.refresh_annotations()
    return screen, note


@run_async
async def test_a_conflicting_note_edit_shows_both_versions_and_keep_both_keeps_both(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "first thought", ["idea"])
        dialog = await edit_first_note(pilot, screen)
        cli(samples_dir_copy, "note", "--edit", note.id, "their rewording")
        await pilot.press(*" and my addition", "ctrl+s")
        await pilot.pause()
        conflict = app.screen
        assert isinstance(conflict, ConflictDialog), "the user is asked, nothing is replaced"
        mine = str(conflict.query_one("#conflict-mine").query_one("Static").render())
        theirs = str(conflict.query_one("#conflict-theirs").query_one("Static").render())
        assert "first thought and my addition" in mine and "their rewording" in theirs
        # nothing was written yet: the stored note is theirs
        assert store(samples_dir_copy).get_note(note.id).text == "their rewording"
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen and dialog not in app.screen_stack
    texts = sorted(n.text for n in store(samples_dir_copy).notes(screen.article_id))
    assert texts == ["first thought and my addition", "their rewording"]


@run_async
async def test_keep_mine_and_keep_theirs_each_keep_one_version(samples_dir_copy: Path) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "draft", [])
        await edit_first_note(pilot, screen)
        cli(samples_dir_copy, "note", "--edit", note.id, "their draft")
        await pilot.press(*" of mine", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is screen
        notes = store(samples_dir_copy).notes(screen.article_id)
        assert [n.text for n in notes] == ["draft of mine"]
        # the same again, and this time the other version is kept
        screen.refresh_annotations()
        await pilot.press("e")
        await pilot.pause()
        cli(samples_dir_copy, "note", "--edit", note.id, "theirs again")
        await pilot.press(*" twice", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is screen
    assert [n.text for n in store(samples_dir_copy).notes(screen.article_id)] == ["theirs again"]


@run_async
async def test_escape_in_the_conflict_goes_back_to_the_edit_with_the_text_kept(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "draft", [])
        dialog = await edit_first_note(pilot, screen)
        cli(samples_dir_copy, "note", "--edit", note.id, "their draft")
        await pilot.press(*" of mine", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#note-text").text == "draft of mine"
        assert "not saved" in str(dialog.query_one("#dialog-error").render())
        # saving again asks again: the other version has not gone away
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
    assert store(samples_dir_copy).get_note(note.id).text == "their draft"


@run_async
async def test_edits_of_different_parts_of_a_note_are_merged_without_asking(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "a claim", ["old"])
        await edit_first_note(pilot, screen)
        # meanwhile the CLI changes only the tags; the user changes only the text
        store(samples_dir_copy).edit_note(note.id, tags=["old", "theirs"])
        await pilot.press(*" checked", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    saved = store(samples_dir_copy).get_note(note.id)
    assert (saved.text, saved.tags) == ("a claim checked", ["old", "theirs"])


@run_async
async def test_a_note_deleted_meanwhile_can_be_saved_again_as_a_new_note(
    samples_dir_copy: Path,
) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "keep me", ["t1"])
        await edit_first_note(pilot, screen)
        cli(samples_dir_copy, "note", "--delete", note.id)
        await pilot.press(*" please", "ctrl+s")
        await pilot.pause()
        conflict = app.screen
        assert isinstance(conflict, ConflictDialog) and not conflict.query("#conflict-theirs")
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is screen
    notes = store(samples_dir_copy).notes(screen.article_id)
    assert [(n.text, n.tags) for n in notes] == [("keep me please", ["t1"])]


@run_async
async def test_a_note_changed_meanwhile_is_not_deleted_unseen(samples_dir_copy: Path) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        screen, note = await open_with_note(pilot, samples_dir_copy, "to delete", [])
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        cli(samples_dir_copy, "note", "--edit", note.id, "now important")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert [n.text for n in screen.notes] == ["now important"], "the screen shows it now"
    assert store(samples_dir_copy).get_note(note.id).text == "now important"


def test_settings_written_at_once_by_two_sessions_are_all_kept(library_dir: Path) -> None:
    """Two TUIs (or threads of one) saving different settings never drop each other's."""
    sessions = [Session(library_dir), Session(library_dir)]
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                sessions[n % 2].save_setting(f"key-{n}-{i}", i)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    saved = json.loads((library_dir / "settings.json").read_text(encoding="utf-8"))
    assert len(saved) == 6 * 25
    assert not list(library_dir.glob("settings*.tmp")) and not list(library_dir.glob(".settings*"))


def test_a_damaged_settings_file_is_not_overwritten(library_dir: Path) -> None:
    session = Session(library_dir)
    path = library_dir / "settings.json"
    path.write_text('{"theme": "nord", "sort": ', encoding="utf-8")
    try:
        session.save_setting("theme", "gruvbox")
    except SettingsError as exc:
        assert "settings.json" in str(exc)
    else:
        raise AssertionError("a damaged settings file must be refused, not replaced")
    assert path.read_text(encoding="utf-8") == '{"theme": "nord", "sort": '


def test_a_note_edit_from_a_stale_copy_applies_tag_changes_to_the_current_tags(
    library_dir: Path,
) -> None:
    """The store's side of the dialog: my removed tag goes, their added tag stays, their text
    (I left mine alone) is kept; a second different text is a conflict, and nothing is written."""
    from annotations.store import AnnotationStore, NoteConflict

    mine = AnnotationStore(library_dir / "annotations")
    theirs = AnnotationStore(library_dir / "annotations")
    base = mine.add_note("art1", "words", tags=["a", "b"])
    theirs.edit_note(base.id, text="their words", tags=["a", "b", "c"])
    saved = mine.edit_note(base.id, tags=["a"], base=base)
    assert (saved.text, saved.tags) == ("their words", ["a", "c"])
    try:
        mine.edit_note(base.id, text="my words", base=base)
    except NoteConflict as conflict:
        assert conflict.current is not None and conflict.current.text == "their words"
    else:
        raise AssertionError("two different texts must not be merged silently")
    assert mine.get_note(base.id).text == "their words"
