"""Issue 14: what a new user hit in the first hour. One Pilot flow covers items 1-7 at 80x24;
the smaller items (8, 9, 17) have their own tests."""

from __future__ import annotations

import re
from pathlib import Path

from test_tui_support import add_article, app_for, open_article, run_async, settle
from textual import events
from textual.widgets._toast import Toast

from reader.app import make_app
from reader.library.store import Library
from reader.screens.actors import ActorQuotesScreen, ActorsScreen
from reader.screens.annotations import AnnotationsScreen
from reader.screens.article import ArticleScreen
from reader.screens.help import HelpScreen
from reader.screens.library import LibraryScreen
from reader.widgets.article_table import ArticleTable
from reader.widgets.panels import ActorsPanel

SMALL = (80, 24)
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|Screen\b|OptionList")


def header(screen) -> str:
    return str(screen.query_one("#library-header").render())


async def wait_until(pilot, condition, seconds: float = 3.0) -> float:
    """Pause until ``condition()`` holds; returns the seconds it took (fails after ``seconds``)."""
    waited = 0.0
    while not condition():
        assert waited < seconds, "condition not met in time"
        await pilot.pause(0.1)
        waited += 0.1
    return waited


def burst(app, *keys: str) -> None:
    """Keys as a fast typist sends them: all queued at once, none waiting for the screen."""
    for key in keys:
        char = key if len(key) == 1 else ("\r" if key == "enter" else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def help_words(pilot) -> str:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    text = str(pilot.app.screen.query_one("#help-text").render())
    await pilot.press("escape")
    await pilot.pause()
    return text


def overlaps(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@run_async
async def test_new_user_flow_items_1_to_7(samples_dir_copy: Path, tmp_path: Path) -> None:
    root = samples_dir_copy
    other = Library(root)  # another process's view of the same library (the CLI)
    app = make_app(root, poll_interval=0.2)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        count = len(library.all_rows)

        # 1. an import elsewhere while an article is open shows on return to the library...
        screen = await open_article(pilot)
        added = add_article(root, "A story from elsewhere.\n\nIt was imported meanwhile.")
        await pilot.pause(0.5)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is library and f"{count + 1} articles" in header(library)
        # ... and the library screen catches up on its own within 2 s
        other.remove([added])
        took = await wait_until(pilot, lambda: f"{count} articles" in header(library), 2.0)
        assert took <= 2.0

        # 2 and 3. lists move with j/k/g/G; help speaks the user's words
        await pilot.press("p")  # actors across the library
        await settle(pilot)
        assert isinstance(app.screen, ActorsScreen)
        listed = app.screen.query_one("#list")
        assert listed.highlighted == 0
        await pilot.press("j")
        assert listed.highlighted == 1
        await pilot.press("G")
        assert listed.highlighted == listed.option_count - 1
        await pilot.press("g", "j", "k")
        assert listed.highlighted == 0
        words = await help_words(pilot)
        assert "Actors" in words and not CLASS_NAME.search(words), words
        await pilot.press("enter")  # what the busiest actor said
        await settle(pilot)
        assert isinstance(app.screen, ActorQuotesScreen)
        quotes = app.screen.query_one("#list")
        first = quotes.highlighted
        assert first is not None and not quotes.get_option_at_index(first).disabled
        if len(app.screen.shown) > 1:
            await pilot.press("j")
            assert quotes.highlighted > first
            await pilot.press("k")
            assert quotes.highlighted == first
        words = await help_words(pilot)
        assert not CLASS_NAME.search(words), words
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is library

        screen = await open_article(pilot)
        await pilot.press("p")  # the actors panel
        await pilot.pause()
        panel = screen.query_one(ActorsPanel)
        start = panel.highlighted
        await pilot.press("j")
        assert panel.highlighted != start
        await pilot.press("k")
        assert panel.highlighted == start
        words = await help_words(pilot)
        assert "Actors panel" in words and not CLASS_NAME.search(words), words
        await pilot.press("escape")  # closes the panel, stays in the article
        await pilot.pause()
        assert app.screen is screen

        # 4. Escape ends a grown passage first, then leaves
        view = screen.view
        await pilot.press("g")
        sentence = view.cursor
        await pilot.press("v")
        assert view.cursor[1] > sentence[1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and view.cursor == sentence

        # 5. keys typed before the tag dialog opens go into it
        burst(app, "t", *"fast", "enter")
        await wait_until(pilot, lambda: "fast" in screen.tags)
        assert isinstance(app.screen, ArticleScreen)

        # 6. the toast it raised hides neither the status line nor the text
        await wait_until(pilot, lambda: bool(app.screen.query(Toast)))
        status, body = screen.query_one("#status").region, view.region
        for toast in app.screen.query(Toast):
            assert not overlaps(toast.region, status) and not overlaps(toast.region, body)

        # 7. L hides the legend and gives its lines to the text; the choice is remembered
        legend = screen.query_one("#legend")
        assert legend.display
        height = view.region.height
        await pilot.press("L")
        await pilot.pause()
        assert not legend.display and view.region.height > height
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library

    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        assert not screen.query_one("#legend").display
        await pilot.press("L")
        await pilot.pause()
        assert screen.query_one("#legend").display


@run_async
async def test_help_of_the_all_notes_list_names_no_classes(samples_dir_copy: Path) -> None:
    article = Library(samples_dir_copy).ids()[0]
    Library(samples_dir_copy).annotations.add_note(article, "first thought", tags=["x"])
    Library(samples_dir_copy).annotations.add_note(article, "second thought")
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AnnotationsScreen)
        listed = app.screen.query_one("#list")
        await pilot.press("j")
        assert listed.highlighted == 1
        await pilot.press("k")
        assert listed.highlighted == 0
        words = await help_words(pilot)
        assert "All notes" in words and not CLASS_NAME.search(words), words


# item 8 ----------------------------------------------------------------------------------
@run_async
async def test_tag_passage_dialog_shows_the_passage(samples_dir_copy: Path) -> None:
    from reader.screens.dialogs import TextPrompt

    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        start, end = screen.view.cursor
        await pilot.press("T")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TextPrompt)
        shown = str(dialog.query_one(".dialog-passage").render())
        words = screen.text[start:end].split()
        assert words[0] in shown and words[1] in shown


@run_async
async def test_grow_and_shrink_the_passage_by_a_word(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    text = "First sentence here, with words. Second one follows it.\n\nA new paragraph."
    add_article(root, text, title="Words")
    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        view = screen.view
        await pilot.press("g")
        start, end = view.cursor
        assert screen.text[start:end] == "First sentence here, with words."
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert screen.text[slice(*view.cursor)] == "First sentence here, with words. Second one"
        await pilot.press("less_than_sign", "less_than_sign", "less_than_sign")
        assert screen.text[slice(*view.cursor)] == "First sentence here, with"
        await pilot.press(*["less_than_sign"] * 6)  # never less than one word
        assert screen.text[slice(*view.cursor)] == "First"
        await pilot.press("escape")  # a grown or shrunk passage is a selection: back to start
        assert view.cursor == (start, end) and app.screen is screen
        # v grows by a sentence, V shrinks by one (issue 13: bounds by sentence or word)
        await pilot.press("v", "v")
        assert screen.text[slice(*view.cursor)].endswith("A new paragraph.")
        await pilot.press("V")
        assert screen.text[slice(*view.cursor)] == (
            "First sentence here, with words. Second one follows it."
        )
        await pilot.press("V", "V")  # never less than its first sentence
        assert view.cursor == (start, end)


@run_async
async def test_what_x_said_names_each_article_once(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        actors = app.screen
        busiest = next(t for t in actors.entries if len(t[2].quotes) >= 2)[2]
        actors.open(busiest)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActorQuotesScreen)
        listed = screen.query_one("#list")
        options = [listed.get_option_at_index(i) for i in range(listed.option_count)]
        headings = [str(o.prompt) for o in options if o.disabled]
        articles = {a for a, _q in busiest.quotes}
        assert len(headings) == len(articles)  # one title per article, not one per quote
        titles = {actors.metas[a].title for a in articles}
        assert all(any(h.startswith(t) for t in titles) for h in headings)
        quotes = [str(o.prompt) for o in options if not o.disabled]
        assert len(quotes) == len(busiest.quotes)
        assert not any(t in q for q in quotes for t in titles)


def test_passages_keep_their_own_quote_marks() -> None:
    from reader.render import passage_label

    assert (
        passage_label("»Aber das reicht nicht«, sagte sie.")
        == "»Aber das reicht nicht«, sagte sie."
    )
    assert passage_label("„Wir gehen“") == "„Wir gehen“"
    assert passage_label("plain words") == "«plain words»"
    assert passage_label("a b c d e f", 5) == "«a b…»"


@run_async
async def test_notes_list_does_not_double_quote_marks(tmp_path: Path) -> None:
    from annotations.anchors import make_anchor

    root = tmp_path / "lib"
    text = "Intro line.\n\n»Aber das reicht nicht«, sagte die Sprecherin."
    article = add_article(root, text, title="Zitat", lang="de")
    start = text.index("»")
    passage = make_anchor(text, start, text.index("«") + 1)
    Library(root).annotations.add_note(article, "marks", passage=passage)
    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        label = str(app.screen.query_one("#list").get_option_at_index(0).prompt)
        assert "»Aber das reicht nicht«" in label and "«»" not in label and "«»Aber" not in label


@run_async
async def test_mark_unread_in_the_article_and_the_library(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        library = app.screen
        unread = library._unread
        screen = await open_article(pilot)
        store = screen.session.store
        assert store.summary(screen.article_id).read
        await pilot.press("U")
        await pilot.pause()
        assert not store.summary(screen.article_id).read
        await pilot.press("q")  # leaving keeps it unread
        await settle(pilot)
        assert not store.summary(screen.article_id).read and library._unread == unread
        row = library.query_one(ArticleTable).current
        assert row.id == screen.article_id
        await pilot.press("U")  # on the library: unread -> read -> unread
        await pilot.pause()
        assert store.summary(row.id).read and library._unread == unread - 1
        await pilot.press("U")
        await pilot.pause()
        assert not store.summary(row.id).read and library._unread == unread


@run_async
async def test_undo_brings_back_the_deleted_note(samples_dir_copy: Path) -> None:
    article = Library(samples_dir_copy).ids()[0]
    store = Library(samples_dir_copy).annotations
    note = store.add_note(article, "keep me", tags=["kept"])
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        assert not screen.check_action("undo", ())  # nothing to undo yet
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("d", "y")
        await settle(pilot)
        assert store.notes(article) == []
        assert any(n.message == "Deleted · u to undo" for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        [back] = store.notes(article)
        assert (back.id, back.text, back.tags) == (note.id, "keep me", ["kept"])
        assert not screen.check_action("undo", ())  # one level


# item 9 ----------------------------------------------------------------------------------
@run_async
async def test_import_outcome_is_shown_even_with_enter_typed_twice(
    samples_dir_copy: Path, tmp_path: Path
) -> None:
    from reader.screens.import_dialog import ImportDialog

    story = tmp_path / "in" / "story.txt"
    story.parent.mkdir()
    story.write_text("Made-up news\n\nA harbour opened. It was quiet.\n", encoding="utf-8")
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        library = app.screen
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path").value = str(tmp_path / "i")
        await pilot.pause(0.2)  # the path completion is offered
        burst(app, "tab", "enter", "enter")  # Tab completes; the second Enter comes too soon
        await settle(pilot)
        await pilot.pause(0.3)
        assert app.screen is dialog and dialog.outcome is not None
        status = str(dialog.query_one("#import-status").render())
        assert "1 imported" in status
        await pilot.press("enter")  # pressed after the outcome appeared: closes
        await settle(pilot)
        assert app.screen is library
        assert any(n.message.startswith("import: 1 imported") for n in app._notifications)


# E and e ----------------------------------------------------------------------------------
@run_async
async def test_export_to_asks_before_creating_a_folder(
    samples_dir_copy: Path, tmp_path: Path
) -> None:
    from reader.screens.dialogs import ConfirmDialog

    target = tmp_path / "new" / "folder" / "out.md"
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await open_article(pilot)
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#prompt").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and not target.parent.exists()
        await pilot.press("n")
        await pilot.pause()
        assert not target.parent.exists()
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#prompt").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("---\n")


@run_async
async def test_e_names_the_file_as_export_to_a_folder_does(
    samples_dir_copy: Path, tmp_path: Path, capsys
) -> None:
    from reader.cli.main import main

    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("e")
        await pilot.pause()
    [tui] = list((samples_dir_copy / "exports").glob("*.md"))
    assert (
        main(
            ["--library", str(samples_dir_copy), "export", screen.article_id, "-o", f"{tmp_path}/"]
        )
        == 0
    )
    cli = {p.name for p in tmp_path.glob("*.md")} - {"index.md"}
    assert cli == {tui.name}


# item 17 ---------------------------------------------------------------------------------
@run_async
async def test_first_start_samples_are_tagged_and_removable(tmp_path: Path) -> None:
    root = tmp_path / "new"
    app = app_for(root)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        screen = app.screen
        ids = screen.sample_ids()
        assert len(ids) == len(screen.all_rows) >= 8
        welcome = [n.message for n in app._notifications if n.message.startswith("Welcome")]
        assert welcome and "Remove the samples" in welcome[0]
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Remove the samples" in titles
        screen.action_remove_samples()
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        await pilot.pause(0.2)
        assert Library(root).articles() == [] and screen.all_rows == []
        assert "Remove the samples" not in [c.title for c in app.get_system_commands(screen)]


@run_async
async def test_a_library_with_articles_never_gets_samples(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    add_article(root, "My own story.\n\nNothing else.", title="Mine")
    app = app_for(root)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert [r.title for r in app.screen.all_rows] == ["Mine"]
    assert [a.title for a in Library(root).articles()] == ["Mine"]


# item 8: export from the library ----------------------------------------------------------
@run_async
async def test_library_exports_a_tag_or_the_filtered_set_like_the_cli(
    samples_dir_copy: Path, capsys
) -> None:
    from reader.cli.main import main

    store = Library(samples_dir_copy).annotations
    ids = Library(samples_dir_copy).ids()
    store.tag_article(ids[0], ["thesis"])
    store.add_note(ids[1], "why this?", tags=["thesis/why"])
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        screen._set_tag("thesis")
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        [by_tag] = list((samples_dir_copy / "exports").glob("*.md"))
        screen.action_clear_filters()
        await pilot.press("slash", *screen.all_rows[2].title.split()[0])
        await pilot.pause()
        shown = {r.id for r in screen.query_one(ArticleTable).rows}
        await pilot.press("enter", "e")
        await settle(pilot)
    exported = by_tag.read_text(encoding="utf-8")
    assert main(["--library", str(samples_dir_copy), "export", "--tag", "thesis"]) == 0
    cli = capsys.readouterr().out

    def articles(text: str) -> list[str]:
        return re.findall(r"^- ID: `([0-9a-f]+)`", text, re.MULTILINE)

    assert set(articles(exported)) == {ids[0], ids[1]} and articles(exported) == articles(cli)
    [filtered] = [p for p in (samples_dir_copy / "exports").glob("*.md") if p != by_tag]
    text = filtered.read_text(encoding="utf-8")
    found = set(articles(text)) or set(re.findall(r'^id: "?([0-9a-f]+)', text, re.MULTILINE))
    assert found == shown
