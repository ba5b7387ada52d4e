"""Article folders a batch import creates are on disk before the index commit that lists them,
at the cost of one flush per commit, not one fsync per file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_library_store import parsed

from reader.base import atomic
from reader.library.store import Library

ARTICLES = 12


@pytest.fixture
def flushes(monkeypatch) -> list[str]:
    """What reaches the disk, in order: each fsync's path, and "SYNCFS" for a whole-disk flush."""
    seen: list[str] = []
    real_fsync, real_syncfs = os.fsync, atomic._syncfs

    def fsync(fd: int) -> None:
        seen.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def syncfs(path: Path) -> bool:
        ok = real_syncfs(path)
        if ok:
            seen.append("SYNCFS")
        return ok

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(atomic, "_syncfs", syncfs)
    return seen


def import_some(root: Path) -> list[str]:
    lib = Library(root, create=True)
    items = [
        (
            parsed(f"Story {i} about the harbour, its ships and the people who work there."),
            f"original {i}".encode(),
            f"{i}.txt",
        )
        for i in range(ARTICLES)
    ]
    results = lib.add_many(items, batch_seconds=3600)  # one batch: one commit
    assert [o.status for o in results] == ["imported"] * ARTICLES
    return [o.meta.id for o in results if o.meta is not None]


def index_write(seen: list[str]) -> int:
    return next(i for i, p in enumerate(seen) if os.path.basename(p).startswith(".articles.json"))


def test_without_syncfs_every_new_file_and_folder_is_fsynced_before_the_commit(
    tmp_path: Path, flushes: list[str], monkeypatch
) -> None:
    monkeypatch.setattr(atomic, "_syncfs", lambda path: False)  # another OS: fsync each
    root = tmp_path / "lib"
    ids = import_some(root)
    before = set(flushes[: index_write(flushes)])
    lib = Library(root)
    for article_id in ids:
        folder = lib.article_dir(article_id)
        for path in (folder / "original.txt", folder / "text.txt", folder, folder.parent):
            assert str(path) in before, (path, sorted(before)[:5])
    assert str(root / "articles") in before  # the new shard folders are named there


def test_with_syncfs_one_flush_makes_the_whole_batch_durable(
    tmp_path: Path, flushes: list[str]
) -> None:
    if not atomic._syncfs(tmp_path):
        pytest.skip("no syncfs on this platform")
    flushes.clear()
    import_some(tmp_path / "lib")
    at = index_write(flushes)
    assert "SYNCFS" in flushes[:at]
    per_file = [p for p in flushes[:at] if p != "SYNCFS"]
    assert len(per_file) < ARTICLES, per_file  # not one fsync per file
