"""``rm``, ``edit``, ``reimport``, ``doctor``, ``search``, ``show`` and id prefixes via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, distinct, imported_ids, list_json, run, write


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


def notes_json(capsys, *argv: str) -> list[dict]:
    return json.loads(run(capsys, "notes", "--json", *argv)[1])


def test_rm_keeps_notes_as_orphans(capsys, two) -> None:
    en, de = two
    note_id = run(capsys, "note", en, "keep me", "--passage", "Anna Berg")[1].split()[1]
    code, out, _ = run(capsys, "rm", en)
    assert code == 0 and out.startswith(f"removed {en} ")
    assert [r["id"] for r in list_json(capsys)] == [de]
    [note] = notes_json(capsys)
    assert (note["id"], note["orphan"], note["text"]) == (note_id, True, "keep me")
    assert note["passage"]["exact"] == "Anna Berg"
    assert [n["id"] for n in notes_json(capsys, en)] == [note_id]  # still listed by its article


def test_importing_a_removed_article_again_gives_its_notes_back(capsys, two, tmp_path) -> None:
    en, _de = two
    article_note = run(capsys, "note", en, "on the whole article")[1].split()[1]
    passage_note = run(capsys, "note", en, "on a passage", "--passage", "Anna Berg")[1].split()[1]
    run(capsys, "rm", en)
    assert all(n["orphan"] for n in notes_json(capsys, en))
    code, out, err = run(capsys, "import", str(tmp_path / "en.txt"))
    assert code == 0 and out.startswith(f"imported {en} "), (out, err)
    notes = {n["id"]: n for n in notes_json(capsys, en)}
    assert not notes[article_note]["orphan"] and not notes[passage_note]["orphan"]
    assert notes[passage_note]["passage"]["exact"] == "Anna Berg"


def test_rm_with_notes_deletes_them(capsys, two) -> None:
    en, de = two
    run(capsys, "note", en, "goes")
    run(capsys, "note", de, "stays")
    run(capsys, "tag", en, "gone")
    assert run(capsys, "rm", en, "--with-notes")[0] == 0
    assert [n["text"] for n in notes_json(capsys)] == ["stays"]


def test_rm_unknown_id_removes_nothing(capsys, two) -> None:
    en, _ = two
    code, _, err = run(capsys, "rm", en, "fffffffff")
    assert code == 1 and "no article with id fffffffff" in err
    assert len(list_json(capsys)) == 2


def test_ambiguous_prefix_lists_candidates(capsys, tmp_path: Path) -> None:
    files = [write(tmp_path / "in" / f"{i}.txt", distinct(ARTICLE, i)) for i in range(20)]
    ids = imported_ids(run(capsys, "import", *map(str, files))[1])
    first = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    code, _, err = run(capsys, "show", first)
    assert code == 1 and err.startswith(f"reader: ambiguous id {first}: ")
    assert all(i in err for i in ids if i.startswith(first))


def test_edit_survives_reimport_and_notes_stay_anchored(capsys, two, tmp_path: Path) -> None:
    en, _ = two
    note_id = run(capsys, "note", en, "on Berg", "--passage", "said Anna Berg")[1].split()[1]
    code, out, err = run(
        capsys,
        "edit",
        en,
        "--title",
        "Corrected title",
        "--date",
        "Jan. 12, 2022",
        "--source",
        "Harbour Post",
    )
    assert code == 0, err
    code, out, err = run(capsys, "reimport")
    assert code == 0, err
    assert len(out.splitlines()) == 2
    row = next(r for r in list_json(capsys) if r["id"] == en)
    assert (row["title"], row["date"], row["source"]) == (
        "Corrected title",
        "2022-01-12",
        "Harbour Post",
    )
    [note] = notes_json(capsys, en)
    assert note["id"] == note_id and not note["orphan"]
    assert note["passage"]["exact"] == "said Anna Berg"


def test_edit_errors(capsys, two) -> None:
    en, _ = two
    assert run(capsys, "edit", en)[0] == 2
    code, _, err = run(capsys, "edit", en, "--date", "not a date at all")
    assert code == 2 and "not a date" in err  # bad usage (issue 14)
    assert run(capsys, "edit", "0000000000", "--title", "x")[0] == 1


def test_reimport_reanchors_after_the_original_changes(capsys, two, library_dir: Path) -> None:
    en, _ = two
    run(capsys, "note", en, "moves", "--passage", "The opposition criticised the decision.")
    run(capsys, "note", en, "vanishes", "--passage", "before the vote")
    # a better cleaner would change the text; simulate it by changing the kept original
    original = next((library_dir / "articles" / en[:2] / en).glob("original.*"))
    text = original.read_text(encoding="utf-8")
    changed = text.replace("The transport minister", "Earlier this week, the transport minister")
    changed = changed.replace(" The minister had signed it before the vote.", "")
    original.write_text(changed, encoding="utf-8")
    code, out, err = run(capsys, "reimport", en)
    assert code == 0, err
    assert out.startswith(f"reimported {en} ") and "(1 note orphaned)" in out
    notes = {n["text"]: n for n in notes_json(capsys, en)}
    assert notes["vanishes"]["orphan"] is True
    row = next(r for r in list_json(capsys) if r["id"] == en)
    assert row["notes"] == 2  # orphans included
    moved = notes["moves"]
    assert not moved["orphan"]
    code, out, _ = run(capsys, "search", "criticised", "--json")
    body_line = json.loads(out)[0]["lines"][0]["text"]
    assert body_line.startswith(moved["passage"]["exact"])


def test_reimport_of_a_missing_original_is_an_error(capsys, two, library_dir: Path) -> None:
    en, de = two
    for f in (library_dir / "articles" / en[:2] / en).glob("original.*"):
        f.unlink()
    code, out, err = run(capsys, "reimport")
    assert code == 1 and err.startswith(f"error {en}: ")
    assert f"{de} " in out


def test_search(capsys, two) -> None:
    en, de = two
    code, out, _ = run(capsys, "search", "MINISTER", "harbour", "--json")
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [en]
    assert all(
        "minister" in line["text"].casefold() or "harbour" in line["text"].casefold()
        for line in hits[0]["lines"]
    )
    assert json.loads(run(capsys, "search", "minister", "zebra", "--json")[1]) == []
    code, out, _ = run(capsys, "search", "Landwirte")
    assert code == 0 and de in out
    assert run(capsys, "search")[0] == 2


def test_show_prints_the_article(capsys, two, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    en, _ = two
    code, out, _ = run(capsys, "show", en[:5])
    flat = " ".join(out.split())
    assert code == 0
    assert "Ministers agree on a new harbour plan" in flat and "said Anna Berg" in flat


def test_doctor_ok_then_reports_a_corrupt_annotation_file(capsys, two, library_dir) -> None:
    en, _ = two
    run(capsys, "note", en, "a note")
    code, out, err = run(capsys, "doctor")
    assert code == 0 and "library OK: 2 articles" in out, err
    damaged = [
        p
        for p in (library_dir / "annotations").rglob("*.json")
        if en in p.name or en in str(p.parent)
    ]
    assert damaged, list((library_dir / "annotations").rglob("*"))
    damaged[0].write_text("{ not json", encoding="utf-8")
    code, out, err = run(capsys, "doctor")
    assert code == 1
    assert str(damaged[0]) in err and "corrupt" in err


def test_doctor_reports_a_corrupt_index_and_its_backup(capsys, two, library_dir) -> None:
    (library_dir / "articles.json").write_text("[1, 2", encoding="utf-8")
    code, out, err = run(capsys, "doctor")
    assert code == 1 and "articles.json" in err
    assert "backup" in out or "copy" in err
    code, _, err = run(capsys, "list")
    assert code == 1 and len(err.splitlines()) == 1 and "articles.json" in err


def test_doctor_repair_sets_aside_rebuilds_and_cleans(capsys, two, library_dir) -> None:
    en, de = two
    run(capsys, "note", en, "a note")
    damaged = next(p for p in (library_dir / "annotations").rglob("*.json") if en in p.name)
    damaged.write_text("{ not json", encoding="utf-8")
    (library_dir / "articles.json").write_text("[1, 2", encoding="utf-8")
    stray = library_dir / "articles" / "ff" / "ffffffff"
    stray.mkdir(parents=True)
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    assert "set aside" in out and "rebuilt the index from 2" in out and str(stray) in out
    assert not stray.exists()
    rows = list_json(capsys)
    assert {r["id"] for r in rows} == {en, de}
    assert any(r["title"] == "Ministers agree on a new harbour plan" for r in rows)
    assert run(capsys, "note", en, "annotated again")[0] == 0
    assert list(library_dir.glob("articles.json.corrupt-*"))  # the damaged index is kept
