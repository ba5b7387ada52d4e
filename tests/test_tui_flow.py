"""The issue 2 flow through the real app: new library, samples, open, highlights, quotes, tag,
note, quit; after a restart the tag and the note are there."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, app_for, run_async, settle

from reader.library.store import Library
from reader.render import QUOTE_STYLES
from reader.screens.article import ArticleScreen
from reader.screens.library import LibraryScreen
from reader.widgets.article_table import ArticleTable
from reader.widgets.panels import NotesPanel


@run_async
async def test_first_run_imports_samples_once_and_shows_them(tmp_path: Path) -> None:
    root = tmp_path / "new-library"
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        shown = len(table.rows)
        assert shown >= 8
        assert shown == len(Library(root).articles())
        assert f"{shown} articles" in str(screen.query_one("#library-header").render())
    # a second start finds reader data and imports nothing more
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.screen.query_one(ArticleTable).rows) == shown
    assert len(Library(root).articles()) == shown


@run_async
async def test_issue2_flow_survives_a_restart(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        article_id = table.rows[0].id
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.article_id == article_id
        view = screen.view
        # highlights: direct quotes carry the direct style somewhere in the body
        styles = {span.style for spans in view.doc.para_spans for span in spans}
        assert QUOTE_STYLES["direct"] in styles
        assert len(view.quotes) >= 2
        # n / N jump between quotes
        await pilot.press("n")
        first = view.cursor
        assert first == (view.quotes[0].start, view.quotes[0].end)
        await pilot.press("n")
        assert view.cursor == (view.quotes[1].start, view.quotes[1].end)
        await pilot.press("N")
        assert view.cursor == first
        before = set(screen.tags)
        # t tags the article; a second t adds to the tags already there (typing never
        # replaces the prefilled ones)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"war, Nato", "enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"framing", "enter")
        await pilot.pause()
        # a notes the current quote
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"who says this?", "ctrl+s")
        await pilot.pause()
        quote_text = screen.text[first[0] : first[1]]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
    # restart: the tag and the note are there, in the store and on screen
    library = Library(root)
    tags = {t.casefold() for t in library.annotations.article_tags(article_id)}
    assert tags == {t.casefold() for t in before} | {"war", "nato", "framing"}
    notes = library.annotations.notes(article_id)
    assert [n.text for n in notes] == ["who says this?"]
    assert notes[0].passage is not None and notes[0].passage.exact == quote_text
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = next(r for r in app.screen.query_one(ArticleTable).rows if r.id == article_id)
        assert "framing" in row.tag_list and row.notes == 1 and row.read
        table = app.screen.query_one(ArticleTable)
        table.cursor = table.rows.index(row)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        panel = app.screen.query_one(NotesPanel)
        assert [n.text for n in panel.notes] == ["who says this?"]
        # the reading position was kept: the cursor reopens on the noted quote
        assert app.screen.view.cursor[0] == notes[0].passage.start
