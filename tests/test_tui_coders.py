"""The TUI of studies with several coders (issue 17): the codebook in the tag dialog, the
"coding done" key, the notice while no coder name is set, and the disagreement screen where a
final code is recorded."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, open_article, run_async, settle

from annotations.coding import FINAL
from reader.app import make_app
from reader.library.settings import save_setting
from reader.library.store import Library
from reader.screens.coding import CodePrompt, DisagreementScreen
from reader.screens.dialogs import PickDialog, TextPrompt

BOOK = b"""version = 1
[[category]]
name = "frame/conflict"
definition = "Two sides are opposed."
[[category]]
name = "frame/economy"
definition = "Money, jobs and prices come first."
applies_to = ["article"]
[[set]]
parent = "frame"
exclusive = true
"""


def _with_codebook(root: Path) -> None:
    (root / "codebook.toml").write_bytes(BOOK)


@run_async
async def test_tag_dialog_shows_the_codebook_and_warns_outside_it(samples_dir_copy: Path) -> None:
    _with_codebook(samples_dir_copy)
    save_setting(samples_dir_copy, "coder", "ada")
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CodePrompt)
        listing = str(dialog.query_one("#codebook-list").render())
        assert "frame/conflict" in listing and "Two sides are opposed." in listing
        assert "Money, jobs and prices come first." in listing
        await pilot.press(*"econ")
        await pilot.pause()
        listing = str(dialog.query_one("#codebook-list").render())
        assert "frame/economy" in listing and "frame/conflict" not in listing
        await pilot.press("ctrl+a", "ctrl+k", *"frame/conflict, made up")
        await pilot.pause()
        warning = str(dialog.query_one("#codebook-warning").render())
        assert "not in the codebook: made up" in warning and "frame/conflict" not in warning
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CodePrompt)  # saved despite the warning
        codes = Library(samples_dir_copy).annotations.article_codes(screen.article_id)
        assert {(c.tag, c.coder) for c in codes} >= {("frame/conflict", "ada"), ("made up", "ada")}


@run_async
async def test_done_key_and_the_notice_while_no_coder_is_set(samples_dir_copy: Path) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        assert isinstance(app.screen, type(screen))
        await pilot.press("D")
        await pilot.pause()
        store = Library(samples_dir_copy).annotations
        (mark,) = store.done_marks(screen.article_id)
        assert mark.coder == store.who()
        shown = [n.message for n in app._notifications]
        assert any("marked as fully coded" in m for m in shown)
        notices = [m for m in shown if m.startswith(f"coding as {store.who()} (login)")]
        assert len(notices) == 1  # said once, as a toast, never a prompt
        await pilot.press("D")  # again: the mark is taken back
        await pilot.pause()
        assert store.done_marks(screen.article_id) == []
        assert len([n for n in app._notifications if "(login)" in n.message]) == 1


@run_async
async def test_set_coder_from_the_palette_refuses_final(samples_dir_copy: Path) -> None:
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_set_coder()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        await pilot.press("ctrl+a", "ctrl+k", *"final", "enter")
        await pilot.pause()
        assert app.screen is prompt  # refused, the dialog stays with the reason
        assert "reserved" in str(prompt.query_one("#dialog-error").render())
        await pilot.press("ctrl+a", "ctrl+k", *"Ada", "enter")
        await pilot.pause()
        assert app.screen is not prompt
        assert Library(samples_dir_copy).annotations.who() == "Ada"


@run_async
async def test_disagreements_side_by_side_and_a_final_code(samples_dir_copy: Path) -> None:
    _with_codebook(samples_dir_copy)
    library = Library(samples_dir_copy)
    store = library.annotations
    ids = library.ids()[:3]
    values = {
        "ada": ["frame/conflict", "frame/economy", "frame/economy"],
        "ben": ["frame/conflict", "frame/conflict", "frame/economy"],
    }
    for coder, tags in values.items():
        for article, tag in zip(ids, tags, strict=True):
            store.tag_article(article, [tag], coder=coder)
    app = make_app(samples_dir_copy, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, DisagreementScreen)
        for _ in range(50):
            if screen.shown:
                break
            await pilot.pause(0.1)
        assert [u.article for u in screen.shown] == [ids[1]]  # the one unit they disagree on
        header = str(screen.query_one("#list-header").render())
        assert "ada, ben" in header and "alpha 0.444" in header
        row = screen.entries[0][0].plain
        assert "ada: frame/economy" in row and "ben: frame/conflict" in row
        assert row.index("ada:") < row.index("ben:") < row.index("final:")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press(*"conflict", "enter")
        await pilot.pause(0.5)
        codes = Library(samples_dir_copy).annotations.article_codes(ids[1])
        assert (("frame/conflict", FINAL)) in {(c.tag, c.coder) for c in codes}
        assert ("frame/economy", "ada") in {(c.tag, c.coder) for c in codes}  # kept beside
        for _ in range(50):
            if screen.entries and "final: frame/conflict" in screen.entries[0][0].plain:
                break
            await pilot.pause(0.1)
        assert "final: frame/conflict" in screen.entries[0][0].plain
