"""A missing or empty index never passes for an empty library, and ``doctor --repair`` never
deletes an article: it rebuilds the index from the article folders, or sets folders it cannot
use aside in a dated folder and says where."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, imported_ids, list_json, run, write
from test_tui_support import app_for, run_async, settle

from reader.library.store import Library

EMPTY_TINYDB = '{"_default": {}}'


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


def article_files(root: Path) -> dict[str, bytes]:
    """Every file under the article folders and wherever repairs set them aside, by name."""
    found = {}
    for path in root.rglob("*"):
        if path.is_file() and path.name in ("original.txt", "text.txt"):
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
    return found


def lose_index(root: Path, how: str) -> None:
    if how == "missing":
        (root / "articles.json").unlink()
    else:
        (root / "articles.json").write_text(EMPTY_TINYDB, encoding="utf-8")
    from reader.paths import cache_dir

    (cache_dir(root) / "articles.cache").unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_list_says_the_index_is_missing_and_how_to_rebuild_it(capsys, two, library_dir, how):
    lose_index(library_dir, how)
    code, out, err = run(capsys, "list")
    assert code == 1
    assert "no articles" not in out
    assert "articles.json" in err and "reader doctor --repair" in err
    assert "2 article folders" in err
    assert len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "list", "--json")
    assert code == 1 and out.strip() in ("", "[]") and "reader doctor --repair" in err


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_doctor_reports_a_missing_index_instead_of_an_ok_library(capsys, two, library_dir, how):
    lose_index(library_dir, how)
    code, out, err = run(capsys, "doctor")
    assert code == 1
    assert "library OK" not in out
    assert "articles.json" in err and "2 article folders" in err
    assert "interrupted import" not in out + err  # they are the library, not leftovers


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_repair_rebuilds_a_missing_index_and_deletes_nothing(capsys, two, library_dir, how):
    before = article_files(library_dir)
    rows = sorted(list_json(capsys), key=lambda r: r["id"])
    lose_index(library_dir, how)
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    assert "rebuilt the index from 2" in out
    assert "removed" not in out
    assert article_files(library_dir) == before
    assert sorted(list_json(capsys), key=lambda r: r["id"]) == rows  # every field, quotes too
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "library OK: 2 articles" in out


def test_repair_sets_aside_what_it_cannot_rebuild_in_a_dated_folder(capsys, two, library_dir):
    en, de = two
    lose_index(library_dir, "missing")
    broken = library_dir / "articles" / en[:2] / en
    (broken / "original.txt").write_bytes(b"")  # nothing left to rebuild this one from
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    assert "rebuilt the index from 1" in out
    assert not broken.exists()
    moved = [line for line in out.splitlines() if "set aside" in line and en in line]
    assert moved, out
    aside = [p for p in library_dir.rglob(en) if p.is_dir()]
    assert len(aside) == 1 and (aside[0] / "text.txt").read_text(encoding="utf-8")
    assert time.strftime("%Y%m%d") in str(aside[0].relative_to(library_dir))
    assert str(aside[0].parent) in out or str(aside[0]) in out
    assert [r["id"] for r in list_json(capsys)] == [de]


def test_folders_not_in_a_good_index_are_set_aside_not_deleted(capsys, two, library_dir):
    en, de = two
    stray = library_dir / "articles" / "fe" / "fedcba98"
    stray.mkdir(parents=True)
    (stray / "original.txt").write_bytes(b"A story that an interrupted import left behind.")
    (stray / "text.txt").write_bytes(b"A story that an interrupted import left behind.")
    empty = library_dir / "articles" / "ff" / "ffffffff"
    empty.mkdir(parents=True)
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    assert not stray.exists()
    kept = [p for p in library_dir.rglob("fedcba98") if p.is_dir()]
    assert len(kept) == 1 and (kept[0] / "original.txt").read_bytes().startswith(b"A story")
    assert "set aside" in out and "reader import" in out  # and how to get it back
    assert not empty.exists()  # an empty folder holds nothing to keep
    assert sorted(r["id"] for r in list_json(capsys)) == sorted([en, de])


def test_import_into_a_library_that_lost_its_index_is_refused(capsys, two, library_dir, tmp_path):
    lose_index(library_dir, "missing")
    code, _out, err = run(capsys, "import", str(write(tmp_path / "x.txt", "Another story here.")))
    assert code == 1 and "reader doctor --repair" in err
    assert not (library_dir / "articles.json").exists()


def test_a_fresh_library_is_still_simply_empty(capsys, library_dir) -> None:
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and out.strip() == "[]" and not err
    library_dir.mkdir(parents=True)
    (library_dir / "articles.json").write_text(EMPTY_TINYDB, encoding="utf-8")
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and out.strip() == "[]" and not err


def test_a_first_import_is_not_taken_for_a_lost_index(tmp_path: Path) -> None:
    """The first batch writes its folders before the index exists: its own commit must work."""
    from test_library_store import parsed

    lib = Library(tmp_path / "lib", create=True)
    results = lib.add_many(
        [
            (parsed(f"Body number {i} of a story about ports."), f"{i}".encode(), f"{i}.txt")
            for i in range(3)
        ]
    )
    assert [o.status for o in results] == ["imported"] * 3
    assert len(Library(tmp_path / "lib").articles()) == 3


def test_repair_works_under_the_index_lock(capsys, two, library_dir, monkeypatch) -> None:
    """Repair decides under the writer lock, so no import commits between its look and its move."""
    from reader.base.atomic import file_lock

    lose_index(library_dir, "missing")
    lock_class = type(file_lock(library_dir / "articles.json"))
    held: list[str] = []
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        lock = file_lock(library_dir / "articles.json")
        held.append(f"{Path(src).name}:{lock.is_locked}")
        return real_replace(src, dst, *args, **kwargs)

    assert lock_class  # the lock is a real FileLock
    monkeypatch.setattr(os, "replace", replace)
    code, _out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    writes = [h for h in held if h.startswith(".articles.json")]
    assert writes and all(h.endswith(":True") for h in writes), held


@run_async
async def test_the_tui_says_the_index_is_missing(capsys, two, library_dir) -> None:
    from textual.widgets import Static

    lose_index(library_dir, "missing")
    app = app_for(library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        header = str(app.screen.query_one("#library-header", Static).render())
        messages = " ".join(n.message for n in app._notifications)
        shown = header + " " + messages
        assert "articles.json" in shown and "reader doctor --repair" in shown, shown
        assert "0 articles" not in header
    # nothing was imported into it meanwhile (the samples go only into a new library)
    assert not (library_dir / "articles.json").exists()
    assert json.dumps(sorted(p.name for p in (library_dir / "articles").glob("*/*")))


@run_async
async def test_the_other_tui_screens_say_the_index_is_missing(capsys, two, library_dir) -> None:
    lose_index(library_dir, "missing")
    app = app_for(library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for key in ("a", "p"):  # all notes, actors
            app._notifications.clear()
            await pilot.press(key)
            await settle(pilot)
            messages = " ".join(n.message for n in app._notifications)
            assert "reader doctor --repair" in messages, (key, messages)
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running


def test_an_import_in_progress_is_not_taken_for_a_lost_index(tmp_path: Path) -> None:
    """Two imports into a new library at once: the first has written a folder but not yet its
    first index commit; the second (and any reader) must see an import under way, not a
    library that lost its index."""
    from test_library_store import parsed

    root = tmp_path / "lib"
    mine, theirs = Library(root, create=True), Library(root)
    seen: list[int] = []

    def items():
        yield parsed("The first story, about a harbour and its ships."), b"one", "one.txt"
        folders = root / "articles"
        for _ in range(500):  # until the first article's folder is on disk (a writer thread)
            if any(p.is_dir() for p in folders.glob("*/*")):
                break
            time.sleep(0.01)
        seen.append(len(list(folders.glob("*/*"))))
        assert not (root / "articles.json").exists()
        assert Library(root).articles() == []  # no error: an import is under way
        theirs.add(parsed("Another story, about trains and timetables."), b"two", "two.txt")
        yield parsed("A third story, about bridges and rivers."), b"three", "three.txt"

    results = mine.add_many(items(), batch_seconds=3600)
    assert seen == [1] and [o.status for o in results] == ["imported", "imported"]
    assert len(Library(root).articles()) == 3
    assert not list((root / "articles").rglob(".pending"))  # listed: no longer in flight
