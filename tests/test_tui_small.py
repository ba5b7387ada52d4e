"""The TUI at 80x24 and the details people notice: footer keys that fit, plural words, the sort
kept across restarts, and the tag picker offering passage tags and parent tags."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import add_article, app_for, run_async, settle
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.library.store import Library
from reader.screens.article import ArticleScreen
from reader.screens.dialogs import PickDialog
from reader.screens.library import LibraryScreen, tag_counts_with_parents
from reader.widgets.article_table import ArticleTable

SMALL = (80, 24)


def visible_footer_keys(screen) -> set[str]:
    footer = screen.query_one(Footer)
    return {
        k.key_display or k.key
        for k in footer.query(FooterKey)
        if k.region.width and k.region.right <= SMALL[0]
    }


@run_async
async def test_quit_back_and_help_fit_the_footer_at_80_columns(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = visible_footer_keys(app.screen)
        assert {"q", "?", "/", "t"} <= shown, shown
        await pilot.press("slash", *"a", "enter")  # filtered: Escape clears, and still fits
        await pilot.pause()
        shown = visible_footer_keys(app.screen)
        assert {"q", "?", "esc"} <= shown, shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        shown = visible_footer_keys(app.screen)
        assert {"q", "?", "n", "a", "t", "p", "o"} <= shown, shown


@run_async
async def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    article = add_article(root, "One paragraph of plain text.\n\nAnother one here.")
    Library(root).annotations.add_note(article, "only note")
    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        header = str(app.screen.query_one("#library-header").render())
        assert "1 article ·" in header and "1 articles" not in header
        await pilot.press("enter")
        await settle(pilot)
        header = str(app.screen.query_one("#article-header").render())
        assert "1 note ·" in header and "1 notes" not in header
        assert "0 quotes" in header


@run_async
async def test_the_sort_is_kept_after_a_restart(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("s", "s")  # date -> source -> title
        table = app.screen.query_one(ArticleTable)
        chosen = (table.sort_column, table.sort_reverse)
        assert chosen[0] == "title"
        order = [r.id for r in table.rows]
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert (table.sort_column, table.sort_reverse) == chosen
        assert [r.id for r in table.rows] == order
        assert "sorted by title" in str(app.screen.query_one("#library-header").render())


def test_parent_tags_count_their_children() -> None:
    counts = tag_counts_with_parents({"frame/war": 2, "Frame/peace": 1, "frame": 1, "solo": 3})
    assert counts["frame"] == 4 and counts["frame/war"] == 2 and counts["Frame/peace"] == 1
    assert counts["solo"] == 3 and len(counts) == 4


@run_async
async def test_tag_filter_offers_passage_and_parent_tags(tmp_path: Path) -> None:
    from annotations.anchors import make_anchor

    root = tmp_path / "lib"
    text = "Alpha says hello to the world.\n\nBeta answers in kind."
    first = add_article(root, text, title="First")
    second = add_article(root, "Gamma is elsewhere.\n\nDelta too.", title="Second")
    add_article(root, "Nobody here.\n\nAt all.", title="Third")
    store = Library(root).annotations
    store.add_note(first, "", passage=make_anchor(text, 0, 5), tags=["frame/war"])
    store.tag_article(second, ["frame/peace"])
    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        offered = dict(dialog.options)
        labels = {value: label for label, value in dialog.options}
        assert {"frame", "frame/war", "frame/peace"} <= set(offered.values())
        assert labels["frame"].endswith("(2 articles)")  # articles, not uses (issue 14)
        await pilot.press(*"frame")
        await pilot.press("enter")  # the first match: the parent
        await settle(pilot)
        assert screen.tag == "frame"
        shown = {r.id for r in screen.query_one(ArticleTable).rows}
        assert shown == {first, second}
        screen._set_tag("frame/war")
        await pilot.pause()
        assert {r.id for r in screen.query_one(ArticleTable).rows} == {first}


@run_async
async def test_actor_bars_fit_the_panel_at_80_columns(samples_dir_copy: Path) -> None:
    from rich.cells import cell_len

    from reader.widgets.panels import ActorsPanel

    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        panel = app.screen.query_one(ActorsPanel)
        room = panel.scrollable_content_region.width
        labels = [str(o.prompt) for o in panel.options if o.id]
        assert labels
        for label in labels:  # the name, then the bar with labelled counts: each line fits
            name, bar = label.split("\n")
            assert " direct · " in bar and bar.rstrip().endswith(" indirect"), label
            assert max(cell_len(name), cell_len(bar)) <= room - 2, (label, room)
