"""One record with a wrong-typed field never breaks the library: it is named (file, record id,
field) on stderr and left out, the rest works and the command exits 1; ``doctor`` shows it and
``doctor --repair`` fixes it (the record as it was is kept in a backup beside the file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, imported_ids, run, write
from test_tui_support import app_for, run_async, settle


@pytest.fixture
def two(capsys, tmp_path: Path) -> list[str]:
    code, out, err = run(
        capsys,
        "import",
        str(write(tmp_path / "en.txt", ARTICLE)),
        str(write(tmp_path / "de.txt", GERMAN)),
    )
    assert code == 0, err
    return imported_ids(out)


def annotation_file(root: Path, article: str) -> Path:
    return root / "annotations" / article[:2] / f"{article}.json"


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def bad_note(capsys, two, library_dir: Path) -> dict:
    """Article ``en`` has a good note and a note whose tags are a number; ``de`` a good note."""
    en, de = two
    good = run(capsys, "note", en, "a good note on the harbour", "--tag", "claim")[1].split()[1]
    bad = run(capsys, "note", en, "the note that will be damaged", "--tag", "claim")[1].split()[1]
    other = run(capsys, "note", de, "a note on the farmers", "--tag", "claim")[1].split()[1]
    assert run(capsys, "tag", en, "harbour")[0] == 0

    def damage(data: dict) -> None:
        for doc in data["notes"].values():
            if doc["id"] == bad:
                doc["tags"] = 5

    edit_json(annotation_file(library_dir, en), damage)
    return {"en": en, "de": de, "good": good, "bad": bad, "other": other}


def names_the_bad_note(err: str, root: Path, ids: dict) -> bool:
    return (
        str(annotation_file(root, ids["en"])) in err
        and ids["bad"] in err
        and "tags" in err
        and "Traceback" not in err
        and "unexpected" not in err
    )


def test_a_bad_note_is_named_and_left_out_and_the_rest_works(capsys, bad_note, library_dir):
    ids = bad_note
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[ids["en"]]["notes"] == 1 and rows[ids["en"]]["tags"] == ["harbour"]
    code, out, err = run(capsys, "notes", "--json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert {n["id"] for n in json.loads(out)} == {ids["good"], ids["other"]}
    code, out, err = run(capsys, "notes", "--tag", "claim", "--json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert {n["id"] for n in json.loads(out)} == {ids["good"], ids["other"]}
    code, out, err = run(capsys, "notes", ids["en"], "--json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert [n["id"] for n in json.loads(out)] == [ids["good"]]
    code, out, err = run(capsys, "show", ids["en"])
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert "harbour plan" in out and "a good note on the harbour" in " ".join(out.split())
    code, out, err = run(capsys, "tags", "--json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert {t["tag"]: t["count"] for t in json.loads(out)}["claim"] == 2
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    assert ids["good"] in out and ids["other"] in out and ids["bad"] not in out


def test_writes_to_a_file_with_a_bad_note_work_and_keep_it(capsys, bad_note, library_dir):
    ids = bad_note
    code, out, err = run(capsys, "tag", ids["en"], "ports")
    assert code == 1 and "ports" in out and names_the_bad_note(err, library_dir, ids), err
    code, out, err = run(capsys, "note", ids["en"], "one more note")
    assert code == 1 and out.startswith("noted ") and names_the_bad_note(err, library_dir, ids)
    code, out, err = run(capsys, "note", "--edit", ids["good"], "a better note")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    stored = json.loads(annotation_file(library_dir, ids["en"]).read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in stored["notes"].values()}
    assert docs[ids["bad"]]["tags"] == 5  # left as it was for the repair to handle
    assert docs[ids["good"]]["text"] == "a better note"
    # commands that never read the damaged file are not concerned by it
    code, out, err = run(capsys, "tag", ids["de"], "farming")
    assert code == 0 and not err


def test_doctor_shows_a_bad_note_and_repair_fixes_it(capsys, bad_note, library_dir):
    ids = bad_note
    code, out, err = run(capsys, "doctor")
    assert code == 1 and names_the_bad_note(err, library_dir, ids), err
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    assert ids["bad"] in out
    code, out, err = run(capsys, "notes", ids["en"], "--json")
    assert code == 0 and not err
    notes = {n["id"]: n for n in json.loads(out)}
    assert notes[ids["bad"]]["text"] == "the note that will be damaged"  # kept, tags cleared
    assert notes[ids["bad"]]["tags"] == []
    backups = list(annotation_file(library_dir, ids["en"]).parent.glob("*.corrupt-*"))
    assert backups and '"tags": 5' in backups[0].read_text(encoding="utf-8").replace(":5", ": 5")
    assert run(capsys, "doctor")[0] == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("text", 7),
        ("passage", "here"),
        ("passage", {"exact": 1}),
        ("orphan", "yes"),
        ("updated", []),
        ("id", 12),
    ],
)
def test_every_field_of_a_note_is_checked(capsys, bad_note, library_dir, field, value):
    ids = bad_note

    def damage(data: dict) -> None:
        for doc in data["notes"].values():
            if doc["id"] == ids["good"]:
                doc[field] = value

    edit_json(annotation_file(library_dir, ids["en"]), damage)
    code, out, err = run(capsys, "notes", "--json")
    assert code == 1 and field in err and "unexpected" not in err, err
    assert ids["other"] in out
    assert run(capsys, "doctor", "--repair")[0] == 0
    code, out, err = run(capsys, "notes", "--json")
    assert code == 0 and not err, err
    assert ids["other"] in out


@pytest.mark.parametrize(
    "field, value", [("tags", "harbour"), ("read", "no"), ("position", "top"), ("removed", [1])]
)
def test_the_article_record_of_an_annotation_file_is_checked(
    capsys, bad_note, library_dir, field, value
):
    ids = bad_note

    def damage(data: dict) -> None:
        data.setdefault("article", {"1": {}})
        next(iter(data["article"].values()))[field] = value

    edit_json(annotation_file(library_dir, ids["de"]), damage)
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and field in err and str(annotation_file(library_dir, ids["de"])) in err
    assert {r["id"] for r in json.loads(out)} == {ids["en"], ids["de"]}
    code, out, err = run(capsys, "tags", "--json")
    assert code == 1 and "unexpected" not in err


@pytest.fixture
def bad_row(capsys, two, library_dir: Path) -> dict:
    en, de = two
    assert run(capsys, "edit", en, "--title", "Corrected harbour title")[0] == 0
    assert run(capsys, "note", en, "a note on a damaged row")[0] == 0
    edit_json(library_dir / "articles.json", lambda d: d["articles"][en].update(date=["2024"]))
    return {"en": en, "de": de}


def names_the_bad_row(err: str, root: Path, ids: dict) -> bool:
    return (
        str(root / "articles.json") in err
        and ids["en"] in err
        and "date" in err
        and "unexpected" not in err
    )


def test_a_bad_index_row_is_named_and_left_out(capsys, bad_row, library_dir):
    ids = bad_row
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and names_the_bad_row(err, library_dir, ids), err
    assert [r["id"] for r in json.loads(out)] == [ids["de"]]
    code, out, err = run(capsys, "list")
    assert code == 1 and "Regierung" in out and names_the_bad_row(err, library_dir, ids)
    for argv in (
        ("show", ids["de"]),
        ("tag", ids["de"], "farming"),
        ("note", ids["de"], "still works"),
        ("export",),
        ("search", "Landwirte"),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out and names_the_bad_row(err, library_dir, ids), (argv, err)
    code, out, err = run(capsys, "show", ids["en"])
    assert code == 1 and ids["en"] in err and "unexpected" not in err
    # listing notes never reads the index: the damaged row's notes are still listed
    code, out, err = run(capsys, "notes")
    assert code == 0 and "a note on a damaged row" in out and not err


def test_writes_keep_a_bad_index_row_for_the_repair(capsys, bad_row, library_dir, tmp_path):
    ids = bad_row
    assert run(capsys, "edit", ids["de"], "--source", "Landpost")[0] == 1
    extra = write(tmp_path / "x.txt", "A third story about trains and their timetables.")
    assert run(capsys, "import", str(extra))[0] == 1
    stored = json.loads((library_dir / "articles.json").read_text(encoding="utf-8"))
    assert stored["articles"][ids["en"]]["date"] == ["2024"]
    assert stored["articles"][ids["en"]]["edited"] == {"title": "Corrected harbour title"}
    assert stored["articles"][ids["de"]]["source"] == "Landpost"


def test_doctor_shows_a_bad_index_row_and_repair_fixes_it(capsys, bad_row, library_dir):
    ids = bad_row
    code, out, err = run(capsys, "doctor")
    assert code == 1 and names_the_bad_row(err, library_dir, ids)
    assert "interrupted import" not in out + err  # its folder belongs to the damaged row
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and not err
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[ids["en"]]["title"] == "Corrected harbour title"  # the rest of the row is kept
    assert rows[ids["en"]]["date"] is None
    assert list(library_dir.glob("articles.json.corrupt-*"))
    assert any(
        '["2024"]' in p.read_text(encoding="utf-8").replace(" ", "")
        for p in library_dir.glob("articles.json.corrupt-*")
    )
    assert run(capsys, "doctor")[0] == 0


@pytest.mark.parametrize(
    "change",
    [
        {"title": 5},
        {"words": "many"},
        {"actors": [1, 2]},
        {"import_tags": "x"},
        {"edited": {"title": 3}},
        {"edited": {"words": "9"}},
        {"sha256": None},
    ],
    ids=lambda c: next(iter(c)),
)
def test_every_field_of_an_index_row_is_checked(capsys, two, library_dir, change):
    en, de = two
    edit_json(library_dir / "articles.json", lambda d: d["articles"][en].update(change))
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and en in err and next(iter(change)) in err and "unexpected" not in err
    assert [r["id"] for r in json.loads(out)] == [de]
    assert run(capsys, "doctor", "--repair")[0] == 0
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and {r["id"] for r in json.loads(out)} == {en, de}, err


def test_rows_that_are_not_records_or_have_unusable_ids_are_left_out(capsys, two, library_dir):
    en, de = two

    def damage(data: dict) -> None:
        data["articles"]["../../outside"] = dict(data["articles"][de])
        data["articles"]["abcdef12"] = [1, 2, 3]

    edit_json(library_dir / "articles.json", damage)
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and "../../outside" in err and "abcdef12" in err
    assert {r["id"] for r in json.loads(out)} == {en, de}


@run_async
async def test_the_tui_lists_the_other_notes(capsys, bad_note, library_dir) -> None:
    from reader.screens.annotations import AnnotationsScreen

    ids = bad_note
    app = app_for(library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen)
        shown = {note.id for _label, _hay, note in screen.entries}
        assert shown == {ids["good"], ids["other"]}
        messages = " ".join(n.message for n in app._notifications)
        assert "reader doctor" in messages, messages


@run_async
async def test_the_tui_lists_the_other_articles_and_names_a_bad_row(
    capsys, bad_row, library_dir
) -> None:
    from reader.widgets.article_table import ArticleTable

    ids = bad_row
    app = app_for(library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert [r.id for r in app.screen.query_one(ArticleTable).rows] == [ids["de"]]
        messages = " ".join(n.message for n in app._notifications)
        assert "damaged index row" in messages and ids["en"] in messages, messages
        assert "date" in messages and "reader doctor --repair" in messages


@run_async
async def test_the_article_screen_says_a_note_was_left_out(capsys, bad_note, library_dir) -> None:
    from textual.widgets import Static

    from reader.screens.article import ArticleScreen
    from reader.widgets.article_table import ArticleTable

    ids = bad_note
    app = app_for(library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        table.cursor = next(i for i, r in enumerate(table.rows) if r.id == ids["en"])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        header = " ".join(str(app.screen.query_one("#article-header", Static).render()).split())
        assert "1 note (1 damaged, left out)" in header, header
        assert ids["bad"] in header and "tags" in header and "reader doctor --repair" in header
