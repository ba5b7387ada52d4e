"""The search index folder is removed and replaced whole, and no tantivy writer outlives the
block that opened it (a file may still appear in a folder while it is removed)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_search import found, lib  # noqa: F401 - the fixture

from reader.library import search_engine
from reader.library.search_index import FOLDER
from reader.library.store import Library


def test_a_file_appearing_while_an_index_folder_is_removed_leaves_no_half_index(
    lib,  # noqa: F811
    monkeypatch,
) -> None:
    library, ids = lib
    assert found(library, "harbour") == [ids["harbour"]]
    folder = library.cache_dir / FOLDER
    real = shutil.rmtree
    late: list[Path] = []

    def rmtree(path, ignore_errors=False):  # a writer of another process finishes a file
        real(path, ignore_errors=ignore_errors)
        if len(late) < 2:
            Path(path).mkdir(exist_ok=True)
            (Path(path) / "0001.del").write_bytes(b"late")
            late.append(Path(path))

    monkeypatch.setattr(search_engine.shutil, "rmtree", rmtree)
    for _ in range(2):  # the second removal finds what the first could not remove beside it
        library.search_index.close()
        search_engine.remove(folder)
        assert not folder.exists()  # gone whole, not a folder holding a stray file
        assert found(Library(library.root), "harbour") == [ids["harbour"]]
        assert (folder / "meta.json").exists()
    assert late and all(p != folder for p in late)
    monkeypatch.setattr(search_engine.shutil, "rmtree", real)
    search_engine.remove(folder)
    assert sorted(p.name for p in folder.parent.glob(FOLDER + "*")) == []


class _FailingWriter:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def add_document(self, doc) -> None:
        self.log.append("add")

    def delete_documents_by_term(self, field, value) -> None:
        self.log.append("delete")

    def commit(self) -> None:
        self.log.append("commit")
        raise ValueError("FileAlreadyExists: 0001.del")

    def rollback(self) -> None:
        self.log.append("rollback")

    def wait_merging_threads(self) -> None:
        self.log.append("finished")


class _Index:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def writer(self, heap, threads):
        return _FailingWriter(self.log)


class _Engine:
    path = None

    def __init__(self, log: list[str]) -> None:
        self.index = _Index(log)


def test_a_writer_is_finished_when_its_commit_fails_or_its_block_raises() -> None:
    log: list[str] = []
    engine: Any = _Engine(log)
    with (
        pytest.raises(ValueError, match="FileAlreadyExists"),
        search_engine.Writer(engine, search_engine.HEAP) as w,
    ):
        w.delete("a")
    assert log == ["delete", "commit", "rollback", "finished"]
    log.clear()
    with pytest.raises(KeyError), search_engine.Writer(engine, search_engine.HEAP) as w:
        w.delete("a")
        raise KeyError("the caller's own error")
    assert log == ["delete", "rollback", "finished"]


def test_a_rebuild_that_fails_leaves_no_folder_and_repair_says_so_in_one_line(
    lib,  # noqa: F811
    monkeypatch,
    capsys,
) -> None:
    from test_cli_support import run

    from reader.library.search_index import SearchIndex

    library, ids = lib
    assert found(library, "harbour") == [ids["harbour"]]

    def refused(self, engine, state):
        raise ValueError("An error occurred in a thread: FileAlreadyExists(0001.del)")

    monkeypatch.setattr(SearchIndex, "_fill", refused)
    code, out, err = run(capsys, "--library", str(library.root), "doctor", "--repair")
    assert "Traceback" not in err and "internal error" not in out + err
    (line,) = [x for x in out.splitlines() if "rebuil" in x.split(" in /")[0]]
    assert line.startswith("did not rebuild the search index (") and "FileAlreadyExists" in line
    assert sorted(p.name for p in library.cache_dir.glob(FOLDER + ".*")) == []
    monkeypatch.undo()
    assert found(Library(library.root), "harbour") == [ids["harbour"]]
