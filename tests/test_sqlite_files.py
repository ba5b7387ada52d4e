"""The library's derived SQLite files (lookup, search index) open through one function: a
damaged file is made again, an unwritable cache folder falls back to memory, another format's
file is emptied."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.library.sqlite_files import connect_derived

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);"
    "CREATE TABLE IF NOT EXISTS rows (x TEXT);"
)


def _clear(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM rows")


def _rows(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT x FROM rows")]


def test_a_cache_folder_that_cannot_be_made_keeps_the_file_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    db = connect_derived(blocker / "search.sqlite", SCHEMA, "1", _clear)
    db.execute("INSERT INTO rows VALUES ('kept')")
    assert _rows(db) == ["kept"]
    assert db.execute("PRAGMA database_list").fetchone()[2] == ""  # in memory, no file
    assert blocker.read_text().startswith("a file")


def test_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "lookup.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"this is not a database, only bytes " * 100)
    db = connect_derived(path, SCHEMA, "1", _clear)
    db.execute("INSERT INTO rows VALUES ('new')")
    db.close()
    again = connect_derived(path, SCHEMA, "1", _clear)
    assert _rows(again) == ["new"]


def test_a_file_of_another_format_is_emptied(tmp_path: Path) -> None:
    path = tmp_path / "lookup.sqlite"
    old = connect_derived(path, SCHEMA, "1", _clear)
    old.execute("INSERT INTO rows VALUES ('old format')")
    old.close()
    same = connect_derived(path, SCHEMA, "1", _clear)
    assert _rows(same) == ["old format"]
    same.close()
    newer = connect_derived(path, SCHEMA, "2", _clear)
    assert _rows(newer) == []
