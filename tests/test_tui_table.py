"""The library table fits its width (the title keeps most of 80 columns, cut text ends with
"…") and a damaged annotation file shows as damaged, never as "0 notes"."""

from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from test_tui_support import add_article, app_for, run_async, settle
from textual.widgets import Static

from reader.library.store import Library
from reader.screens.article import ArticleScreen
from reader.widgets.article_table import ArticleTable, column_widths, fit

LONG_TITLE = "A very long headline about 東京 and the negotiations that went on all night " * 2
LONG_SOURCE = "Süddeutsche Zeitung Online Ausgabe"
LONG_TAGS = ["politik/bundestag", "wirtschaft", "zitate-geprüft"]


def _lines(table: ArticleTable) -> list[str]:
    width = table.scrollable_content_region.width
    return [table.render_line(y).text for y in range(min(4, len(table.rows) + 1))], width


def _library_with_long_fields(root: Path) -> str:
    article = add_article(
        root, "First paragraph here.\n\nSecond one.", title=LONG_TITLE, source=LONG_SOURCE
    )
    add_article(root, "Short text.", title="Short", source="taz")
    Library(root).annotations.tag_article(article, LONG_TAGS)
    return article


def test_fit_cuts_by_cells_and_marks_the_cut() -> None:
    assert fit("abc", 5) == "abc  "
    assert fit("abcdef", 4) == "abc…"
    cut = fit("東京東京東京", 6)  # 2 cells per character: the cut cannot split one
    assert cell_len(cut) == 6 and cut.rstrip().endswith("…") and "東京" in cut


def test_the_title_gets_most_of_80_columns() -> None:
    narrow = dict(column_widths(80))
    assert narrow["title"] >= 30
    assert narrow["title"] > sum(w for n, w in narrow.items() if n != "title")
    wide = dict(column_widths(120))
    assert wide["tags"] > narrow["tags"] and "quotes" in wide and "quotes" not in narrow
    for width in (60, 80, 99, 100, 119, 120, 200):
        widths = column_widths(width)
        assert sum(w for _n, w in widths) + len(widths) - 1 == width


@run_async
async def test_rows_fit_80_and_120_columns_with_cut_marks(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    _library_with_long_fields(root)
    for size in ((80, 24), (120, 40)):
        app = app_for(root)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.screen.query_one(ArticleTable)
            lines, width = _lines(table)
            assert width >= size[0] - 2
            widths = dict(table._widths(width))
            assert widths["title"] >= 30
            for line in lines:
                assert cell_len(line) <= width, (size, line)
            long_row = next(line for line in lines if "headline" in line)
            title_start = sum(w + 1 for n, w in table._widths(width)[:3])
            title = long_row[title_start:]
            # the title column ends with the cut mark (wide characters counted as 2 cells)
            cells = 0
            shown = ""
            for char in title:
                if cells >= widths["title"]:
                    break
                shown += char
                cells += cell_len(char)
            assert shown.rstrip().endswith("…"), (size, shown)
            assert re.search(r"Süddeutsc[\w ]*… A very", long_row)  # source cut, marked
            assert "politik/bundestag" in long_row or "politik/bu" in long_row
            table.sort_by("notes")  # the narrow notes header keeps its sort arrow
            await pilot.pause()
            head = table.render_line(0).text
            assert cell_len(head) <= width and ("Nt▼" in head or "Nt ▼" in head), head


def _damage(root: Path, article: str) -> Path:
    store = Library(root).annotations
    for i in range(5):
        store.add_note(article, f"note number {i} with enough words to fill the file")
    path = root / "annotations" / article[:2] / f"{article}.json"
    assert path.stat().st_size > 200
    path.write_bytes(path.read_bytes()[:200])
    return path


@run_async
async def test_a_damaged_annotation_file_is_shown_not_hidden(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    damaged = add_article(
        root, "One paragraph of plain text.\n\nAnother one here.", title="Damaged notes"
    )
    fine = add_article(root, "Other text.\n\nMore of it.", title="Fine notes")
    Library(root).annotations.add_note(fine, "a readable note")
    path = _damage(root, damaged)
    app = app_for(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(
            "1 article has a damaged annotation file" in m and "reader doctor" in m
            for m in messages
        ), messages
        table = app.screen.query_one(ArticleTable)
        width = table.scrollable_content_region.width
        notes_at = sum(w + 1 for n, w in table._widths(width) if n != "notes")
        by_title = {}
        for y, row in enumerate(table.rows, start=1):
            by_title[row.title] = table.render_line(y)
        bad = by_title["Damaged notes"]
        assert bad.text.rstrip().endswith("!")
        mark = [seg for seg in bad if seg.text.strip() == "!"]
        assert mark and mark[0].style.color is not None and mark[0].style.bold
        assert by_title["Fine notes"].text.rstrip().endswith("1")
        assert notes_at < width
        # open the damaged article: the header says why and names the file
        table.cursor = next(i for i, r in enumerate(table.rows) if r.id == damaged)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        header = str(app.screen.query_one("#article-header", Static).render())
        assert "notes unreadable" in header and "0 notes" not in header
        assert path.name in header and "not valid JSON" in header
        assert "reader doctor" in header and ".corrupt-" in header  # names the backup too
        assert not any("not saved" in n.message for n in app._notifications)


@run_async
async def test_no_warning_when_every_annotation_file_is_readable(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    article = add_article(root, "One paragraph of plain text.\n\nAnother one here.")
    Library(root).annotations.add_note(article, "fine")
    app = app_for(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not any("damaged" in n.message for n in app._notifications)
        table = app.screen.query_one(ArticleTable)
        assert "!" not in table.render_line(1).text
        await pilot.press("enter")
        await settle(pilot)
        header = str(app.screen.query_one("#article-header", Static).render())
        assert "unreadable" not in header


def test_an_unknown_error_message_is_kept_whole(tmp_path: Path) -> None:
    from reader.screens.session import short_error

    assert short_error("disk on fire", tmp_path) == "disk on fire"
    long = (
        f"{tmp_path}/annotations/ab/abc.json is unreadable (not valid JSON: bad (char 3)); "
        f"a copy is at {tmp_path}/annotations/ab/abc.json.corrupt-1; reader will not write"
    )
    assert short_error(long, tmp_path) == (
        "annotations/ab/abc.json: not valid JSON; copy: abc.json.corrupt-1"
    )


@run_async
async def test_the_mark_goes_once_the_file_is_repaired(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    damaged = add_article(root, "One paragraph of plain text.\n\nAnother one here.")
    _damage(root, damaged)
    app = app_for(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.render_line(1).text.rstrip().endswith("!")
        assert app.screen.session.store.set_aside(damaged) is not None  # what doctor does
        app.screen.refresh_annotations()
        await pilot.pause()
        line = table.render_line(1).text.rstrip()
        assert line.endswith("·") and "!" not in line
