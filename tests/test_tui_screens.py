"""Pilot tests of each screen and panel against a real sample library."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, app_for, open_article, run_async, settle

from reader.library.store import Library
from reader.screens.article import ArticleScreen
from reader.screens.help import HelpScreen
from reader.screens.import_dialog import ImportDialog
from reader.widgets.article_table import ArticleTable
from reader.widgets.panels import ActorsPanel, NotesPanel


@run_async
async def test_filter_as_you_type_narrows_and_escape_clears(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        total = len(table.rows)
        word = table.rows[0].title.split()[0].casefold()
        await pilot.press("slash", *word)
        await pilot.pause()
        assert 0 < len(table.rows) < total
        assert all(word in r.haystack() for r in table.rows)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert len(table.rows) == total


@run_async
async def test_sort_cycles_columns_and_reverses(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.sort_column == "date"
        await pilot.press("s")  # date -> source
        assert table.sort_column == "source"
        sources = [r.source.casefold() for r in table.rows]
        assert sources == sorted(sources)
        await pilot.press("r")
        assert [r.source.casefold() for r in table.rows] == sorted(sources, reverse=True)


@run_async
async def test_help_is_generated_from_the_bindings(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_article(pilot)
        expected = {
            b.binding.description
            for b in app.screen.active_bindings.values()
            if b.binding.description
        }
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for description in expected:
            assert description in text
        assert "Next quote/hit" in text and "Tag passage" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)
        # and every one of them is a command in the palette
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert expected - {"Commands"} <= titles  # the palette's own key needs no command


@run_async
async def test_actors_panel_steps_through_one_actors_quotes(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("p")
        await pilot.pause()
        panel = screen.query_one(ActorsPanel)
        assert panel.display and panel.has_focus
        chosen = panel.get_option_at_index(panel.highlighted).id
        quoted = [q for q in screen.view.quotes if q.actor == chosen]
        assert quoted, "the busiest actor comes first and has quotes"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.cursor == (quoted[0].start, quoted[0].end)
        for q in quoted[1:] + quoted[:1]:  # n goes round that actor's quotes only
            await pilot.press("n")
            assert screen.view.cursor == (q.start, q.end)
        await pilot.press("escape")  # back to every quote
        assert screen.actor_filter is None


@run_async
async def test_notes_panel_jumps_edits_and_deletes(samples_dir_copy: Path) -> None:
    from annotations.anchors import make_anchor

    library = Library(samples_dir_copy)
    meta = library.articles()[0]
    text = library.text(meta.id)
    start = text.index(text.split()[5])
    anchor = make_anchor(text, start, start + 20)
    note = library.annotations.add_note(meta.id, "first thought", passage=anchor)
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("o")
        await pilot.pause()
        panel = screen.query_one(NotesPanel)
        assert [n.id for n in panel.notes] == [note.id]
        await pilot.press("enter")
        assert screen.view.cursor == (anchor.start, anchor.end) and screen.view.has_focus
        await pilot.press("o", "e")  # o goes back to the open panel, e edits
        await pilot.pause()
        await pilot.press(*" revised", "ctrl+s")
        await pilot.pause()
        assert library.annotations.get_note(note.id).text == "first thought revised"
        assert panel.has_focus
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert library.annotations.notes(meta.id) == []


@run_async
async def test_search_in_text_then_escape_goes_back_to_quotes(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        word = "the" if " the " in screen.text else "die"
        await pilot.press("slash", *word, "enter")
        await pilot.pause()
        hits = screen.view.hits
        assert len(hits) >= 2
        assert screen.view.cursor == hits[0]
        await pilot.press("n")
        assert screen.view.cursor == hits[1]
        await pilot.press("escape")
        assert screen.view.hits == []
        await pilot.press("n")
        assert any(screen.view.cursor == (q.start, q.end) for q in screen.view.quotes)


@run_async
async def test_tag_passage_and_extend_with_v(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("g")
        one = screen.view.cursor
        await pilot.press("v")
        two = screen.view.cursor
        assert two[0] == one[0] and two[1] > one[1]
        await pilot.press("T")
        await pilot.pause()
        await pilot.press(*"frame/conflict", "enter")
        await pilot.pause()
        notes = Library(samples_dir_copy).annotations.notes(screen.article_id)
        assert len(notes) == 1 and notes[0].tags == ["frame/conflict"]
        assert notes[0].passage.exact == screen.text[two[0] : two[1]]


@run_async
async def test_import_dialog_imports_a_folder_in_a_worker(
    samples_dir_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "story.txt").write_text(
        'Harbour strike ends\n\nThe union said the strike was over. "We won," said Ana Ruiz.\n',
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"")
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(app.screen.query_one(ArticleTable).rows)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert dialog.imported == 1 and len(dialog.errors) == 1
        assert "1 imported" in str(dialog.query_one("#import-status").render())
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.screen.query_one(ArticleTable).rows) == before + 1


@run_async
async def test_export_writes_markdown_and_says_where(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("e")
        await pilot.pause()
        written = list((samples_dir_copy / "exports").glob("*.md"))
        assert len(written) == 1
        assert screen.meta.title.split()[0] in written[0].read_text(encoding="utf-8")
        assert any(str(written[0]) in n.message for n in app._notifications)


@run_async
async def test_theme_is_remembered(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"


@run_async
async def test_markup_in_titles_and_bodies_shows_literally(tmp_path: Path) -> None:
    from test_tui_support import add_article

    root = tmp_path / "lib"
    body = (
        "Plain [bold]x[/] and [red]y[/red] \x1b[31mred\x1b[0m.\n\n"
        'She said "[link=http://e]click[/link]".\n'
    )
    article_id = add_article(root, body, title="[bold]x[/] \x1b[31mtitle")
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert [r.id for r in table.rows] == [article_id]  # no samples: the library existed
        assert table.rows[0].title.startswith("[bold]x[/]") and "\x1b" not in table.rows[0].title
        screen = await open_article(pilot)
        header = screen.query_one("#article-header").render()
        assert "[bold]x[/]" in str(header) and "\x1b" not in str(header)
        lines = [screen.view.render_line(y).text for y in range(4)]
        shown = "\n".join(lines)
        assert "Plain [bold]x[/] and [red]y[/red] red." in shown
        assert "[link=http://e]click[/link]" in shown
        assert "\x1b" not in shown


@run_async
async def test_full_text_search_lists_matching_lines_and_opens_with_hits(
    samples_dir_copy: Path,
) -> None:
    from reader.screens.search import SearchScreen

    library = Library(samples_dir_copy)
    meta = library.articles()[0]
    word = max(library.text(meta.id).split(), key=len).strip(".,;:!?\"'„“”()")
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*word, "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert meta.id in screen.shown
        listing = screen.query_one("#list").get_option_at_index(screen.shown.index(meta.id))
        assert word.casefold() in str(listing.prompt).casefold()
        screen.query_one("#list").highlighted = screen.shown.index(meta.id)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.article_id == meta.id
        assert article.view.hits and article.view.cursor == article.view.hits[0]


@run_async
async def test_annotations_screen_filters_and_opens_at_the_passage(samples_dir_copy: Path) -> None:
    from annotations.anchors import make_anchor
    from reader.screens.annotations import AnnotationsScreen

    library = Library(samples_dir_copy)
    first, second = library.articles()[:2]
    text = library.text(second.id)
    start = text.index(text.split()[10])
    anchor = make_anchor(text, start, start + 15)
    library.annotations.add_note(first.id, "general remark", tags=["method"])
    library.annotations.add_note(second.id, "passage remark", passage=anchor, tags=["frame/x"])
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen) and len(screen.shown) == 2
        await pilot.press("slash", *"passage", "enter")
        await pilot.pause()
        assert [n.text for n in screen.shown] == ["passage remark"]
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.article_id == second.id
        assert article.view.cursor == (anchor.start, anchor.end)


@run_async
async def test_actors_screen_counts_across_articles_and_lists_quotes(
    samples_dir_copy: Path,
) -> None:
    from reader.screens.actors import ActorQuotesScreen, ActorsScreen

    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActorsScreen) and screen.shown
        top = screen.shown[0]
        assert top.direct + top.indirect == len(top.quotes) > 0
        await pilot.press("enter")
        await pilot.pause()
        quotes = app.screen
        assert isinstance(quotes, ActorQuotesScreen) and len(quotes.shown) == len(top.quotes)
        article_id, quote = quotes.shown[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == article_id
        assert app.screen.view.cursor[0] == quote.start


def test_path_completion_completes_names_and_marks_folders(tmp_path: Path) -> None:
    import asyncio

    from reader.screens.import_dialog import PathSuggester

    (tmp_path / "articles-2024").mkdir()
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    suggester = PathSuggester()
    got = asyncio.run(suggester.get_suggestion(str(tmp_path / "art")))
    assert got == str(tmp_path / "articles-2024") + "/"
    assert asyncio.run(suggester.get_suggestion(str(tmp_path / "no"))) == str(
        tmp_path / "notes.txt"
    )
    assert asyncio.run(suggester.get_suggestion(str(tmp_path / "zzz"))) is None


def test_run_tui_refuses_an_unusable_folder_with_one_line(tmp_path: Path, capsys) -> None:
    from reader.app import run_tui

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert run_tui(blocker / "library") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error {blocker / 'library'}: ") and err.count("\n") == 1


@run_async
async def test_notes_show_in_the_margin_and_mouse_moves_the_cursor(samples_dir_copy: Path) -> None:
    from annotations.anchors import make_anchor
    from reader.widgets.article_view import ArticleView

    library = Library(samples_dir_copy)
    meta = library.articles()[0]
    text = library.text(meta.id)
    anchor = make_anchor(text, 0, 12)
    library.annotations.add_note(meta.id, "margin", passage=anchor)
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.click(ArticleTable, offset=(20, 3))  # header is line 0: row index 2
        assert table.cursor == 2
        await pilot.click(ArticleTable, offset=(20, 1))
        await pilot.click(ArticleTable, offset=(20, 1), times=2)  # double click opens row 0
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.article_id == meta.id
        first = screen.view.render_line(0).text
        assert first.startswith("✎")
        await pilot.click(ArticleView, offset=(10, 4))
        line = screen.view.doc.lines[4]
        assert (
            screen.view.cursor[0] <= line[0] + 8 < screen.view.cursor[1]
            or line[0] <= screen.view.cursor[0] < line[1]
        )


@run_async
async def test_changes_made_elsewhere_show_up_in_an_open_tui(samples_dir_copy: Path) -> None:
    from test_tui_support import add_article

    from reader.app import make_app

    app = make_app(samples_dir_copy, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        article_id = table.rows[0].id
        other = Library(samples_dir_copy).annotations  # like `reader tag` from a script
        other.tag_article(article_id, ["from-elsewhere"])
        await pilot.pause(0.4)
        row = next(r for r in table.rows if r.id == article_id)
        assert "from-elsewhere" in row.tag_list
        before = len(table.rows)
        add_article(samples_dir_copy, "A new story.\n\nIt arrived from the CLI.", title="New one")
        await pilot.pause(0.4)
        assert len(table.rows) == before + 1
        screen = await open_article(pilot)
        other.add_note(article_id, "a colleague's note")
        await pilot.pause(0.4)
        assert [n.text for n in screen.notes] == ["a colleague's note"]


@run_async
async def test_resizing_rewraps_and_keeps_the_cursor_in_view(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("G")
        await pilot.pause()
        wide = len(screen.view.doc.lines)
        await pilot.resize_terminal(60, 30)
        await settle(pilot)
        view = screen.view
        assert len(view.doc.lines) > wide
        line = view.doc.line_of(view.cursor[0])
        top = view.scroll_offset.y
        assert top <= line < top + view.scrollable_content_region.height
        for s, e, _p in view.doc.lines:
            assert len(screen.text[s:e].rstrip()) <= view.doc.width


@run_async
async def test_escape_cancels_dialogs_without_saving(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"never mind", "escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"nope", "escape")
        await pilot.pause()
        store = Library(samples_dir_copy).annotations
        assert store.notes(screen.article_id) == []
        assert "nope" not in store.article_tags(screen.article_id)


@run_async
async def test_i_explains_the_quote_under_the_cursor(samples_dir_copy: Path) -> None:
    """issue 12: i on the current quote shows why it is a quote and how its speaker was found;
    away from a quote it says how to get onto one."""
    from reader.analysis.explain import explain

    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("g", "i")
        status = str(screen.query_one("#status").render())
        if not any(screen.view.cursor == (q.start, q.end) for q in screen.view.quotes):
            assert "put the cursor on one" in status
        await pilot.press("n", "i")
        await pilot.pause()
        quote = next(q for q in screen.view.quotes if screen.view.cursor == (q.start, q.end))
        line = explain(quote, screen.analysis)
        assert line.startswith(quote.kind.split("_")[0]) and "speaker:" in line
        status = str(screen.query_one("#status").render())
        assert status.startswith(line[:30])
        assert any(n.message == line for n in app._notifications)
