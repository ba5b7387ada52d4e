"""One error root: what the user can act on is a ReaderError, shown as its one line; anything
else is a bug, reported as one (with where it happened), never hidden as an empty result."""

from __future__ import annotations

from pathlib import Path

from test_cli_support import ARTICLE, imported_ids, run, write
from test_tui_support import SIZE, add_article, app_for, open_article, run_async, settle

from reader.base.errors import ReaderError, bug_report, describe
from reader.library.store import Library


def test_bug_report_names_the_place_and_asks_for_a_report() -> None:
    def broken() -> None:
        {}["missing"]

    try:
        broken()
    except KeyError as exc:
        line = bug_report(exc)
    assert line.startswith("internal error in ") and "test_error_root.py:" in line
    assert "(KeyError: 'missing')" in line and line.endswith("please report")
    assert "\n" not in line


def test_describe_keeps_the_users_problems_as_they_are(tmp_path: Path) -> None:
    assert describe(ReaderError("article x: passage not found")) == "article x: passage not found"
    try:
        (tmp_path / "missing").read_bytes()
    except OSError as exc:
        assert describe(exc) == f"{tmp_path / 'missing'}: No such file or directory"


def test_a_bug_in_a_command_is_exit_70_with_one_line_naming_the_file(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    code, out, _ = run(capsys, "import", str(write(tmp_path / "a.txt", ARTICLE)))
    assert code == 0 and imported_ids(out)

    def broken(self, tag=None):
        raise TypeError("unsupported operand")

    monkeypatch.setattr(Library, "articles", broken)
    code, out, err = run(capsys, "list")
    assert code == 70 and out == ""
    [line] = err.splitlines()
    assert line.startswith("reader: internal error in reader/cli/reading.py:")
    assert "(TypeError: unsupported operand); please report" in line


def test_a_users_problem_is_still_exit_1(capsys) -> None:
    code, _, err = run(capsys, "show", "ffffffff")
    assert code == 1 and err.startswith("reader: ") and "internal error" not in err


# ---- the TUI: "No notes yet" only when there are none ----------------------------------------
def corrupt(root: Path, article_id: str) -> Path:
    [path] = (root / "annotations").rglob(f"{article_id}.json")
    path.write_text('{"notes": {"1": {"te', encoding="utf-8")
    return path


@run_async
async def test_unreadable_notes_are_said_in_the_notes_panel(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    article = add_article(root, ARTICLE.split("\n\n", 1)[1], title="Harbour plan")
    Library(root).annotations.add_note(article, "a thought")
    path = corrupt(root, article)
    app = app_for(root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_article(pilot)
        await pilot.press("o")
        await settle(pilot)
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "No notes yet" not in shown
        assert "Notes unreadable" in shown and path.name in shown


@run_async
async def test_a_bug_reading_notes_is_shown_as_a_bug_not_as_no_notes(
    tmp_path: Path, monkeypatch
) -> None:
    from annotations.store import AnnotationStore

    root = tmp_path / "lib"
    add_article(root, ARTICLE.split("\n\n", 1)[1], title="Harbour plan")

    def broken(self, article=None, **kw):
        raise TypeError("bad record")

    monkeypatch.setattr(AnnotationStore, "notes", broken)
    app = app_for(root)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_article(pilot)
        await pilot.press("o")
        await settle(pilot)
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "No notes yet" not in shown
        assert "internal error in" in shown and "bad record" in shown
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("a")  # every note in the library: the same, said
        await settle(pilot)
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "No notes yet" not in shown and "internal error in" in shown


def test_an_analyser_bug_at_import_keeps_the_article_and_says_so(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    import reader.analysis

    def broken(text, lang=None):
        raise IndexError("rule ran off the end")

    monkeypatch.setattr(reader.analysis, "analyze", broken)
    path = write(tmp_path / "a.txt", ARTICLE)
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and imported_ids(out)  # the article is kept
    [line] = err.splitlines()
    assert line.startswith(f"warning {path}: analysis failed: internal error in ")
    assert "(IndexError: rule ran off the end); please report" in line
