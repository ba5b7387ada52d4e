"""Bulk tagging (an import's tags in one pass) and re-running an interrupted tag rename."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations import store as store_module
from annotations.store import AnnotationStore, StoreError

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations")


def test_tag_articles_merges_like_tag_article(store: AnnotationStore) -> None:
    store.tag_article("aa0001", ["Politik"])
    store.add_note("aa0001", "kept", tags=["frame/war"])
    result = store.tag_articles(
        {"aa0001": ["politik", "EU"], "bb0002": ["Frame/Risk", "x"], "cc0003": ()}
    )
    assert result == {"aa0001": ["Politik", "EU"], "bb0002": ["Frame/Risk", "x"], "cc0003": []}
    assert not store.path("cc0003").exists()  # nothing to add: no file written
    fresh = AnnotationStore(store.root)  # another process' view, through its summary cache
    assert fresh.article_tags("aa0001") == ["Politik", "EU"]
    assert [n.text for n in fresh.notes("aa0001")] == ["kept"]  # the rest of the file kept
    assert {a: s.tags for a, s in fresh.summaries().items()} == {
        "aa0001": ["Politik", "EU"],
        "bb0002": ["Frame/Risk", "x"],
    }
    assert [n.text for n in fresh.notes(tag="frame")] == ["kept"]
    assert fresh.tag_counts()["frame/war"] == 1 and fresh.tag_counts()["Frame/Risk"] == 1
    # the same store object saw its own writes too
    assert store.summaries()["bb0002"].tags == ["Frame/Risk", "x"]


def test_tag_articles_leaves_unchanged_files_alone_and_bumps_version(store) -> None:
    store.tag_articles({"aa0001": ["a"], "bb0002": ["b"]})
    before = store.path("aa0001").stat().st_mtime_ns, store.path("aa0001").stat().st_ino
    token = store.version()
    store.tag_articles({"aa0001": ["A"]})  # the same tag, other case: no change
    assert store.version() == token
    assert (store.path("aa0001").stat().st_mtime_ns, store.path("aa0001").stat().st_ino) == before
    store.tag_articles({"aa0001": ["c"], "bb0002": ["b"]})
    assert store.changed_since(token)
    assert store.article_tags("aa0001") == ["a", "c"]


def test_tag_articles_skips_bad_entries_saves_the_rest_and_names_them(store) -> None:
    store.add_note("aa0001", "precious")
    store.path("aa0001").write_text('{"notes": {"1": {"id": "n1", "te')
    with pytest.raises(StoreError) as info:
        store.tag_articles({"aa0001": ["x"], "bb0002": ["ok"], "cc0003": ["  "], "../etc": ["y"]})
    message = str(info.value)
    assert "aa0001" in message and "unreadable" in message and "2 more" in message
    assert "\n" not in message
    assert store.path("aa0001").read_text() == '{"notes": {"1": {"id": "n1", "te'  # untouched
    assert store.article_tags("bb0002") == ["ok"]
    assert not store.path("cc0003").exists()


def test_bulk_write_falls_back_to_an_fsync_per_file(store, monkeypatch) -> None:
    """Where ``syncfs`` is missing (not Linux), every temp file and folder is fsynced."""
    from reader.base import atomic as storage

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(storage, "_syncfs", lambda path: False)
    monkeypatch.setattr(storage.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    store.tag_articles({"aa0001": ["a"], "aa0002": ["b"], "bb0003": ["c"]})
    assert len(synced) == 3 + 2  # three files, two shard folders
    assert AnnotationStore(store.root).article_tags("aa0002") == ["b"]


_TAGGER = r"""
import sys
from pathlib import Path
from annotations.store import AnnotationStore
store = AnnotationStore(Path(sys.argv[1]))
print("ready", flush=True)
for batch in range(1000):
    ids = [f"{batch:04x}{i:04x}" for i in range(40)]
    store.tag_articles({a: ["bulk", f"batch/{batch}"] for a in ids})
    print(batch, flush=True)
"""


def test_sigkill_during_bulk_tagging_loses_at_most_the_batch_in_flight(tmp_path: Path) -> None:
    root = tmp_path / "annotations"
    rng = random.Random(5)
    finished = 0
    for _ in range(8):
        for stale in root.rglob("*.json"):  # each child starts again from batch 0
            stale.unlink()
        child = subprocess.Popen(
            [sys.executable, "-c", _TAGGER, str(root)], stdout=subprocess.PIPE, text=True, env=ENV
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done = {int(line) for line in out.split("\n")[:-1] if line}
        store = AnnotationStore(root)
        assert store.problems() == {}  # every file parses: old or new, never a mix
        summaries = store.summaries()
        for batch in done:
            for i in range(40):
                assert summaries[f"{batch:04x}{i:04x}"].tags == ["bulk", f"batch/{batch}"]
        in_flight = {a[:4] for a in summaries} - {f"{b:04x}" for b in done}
        assert len(in_flight) <= 1
        finished += len(done)
    assert finished  # batches did complete between kills (how many depends on load)
    assert AnnotationStore(root).tidy() >= 0 and not list(root.rglob("*.tmp"))


def test_rename_interrupted_midway_is_finished_by_running_it_again(store, monkeypatch) -> None:
    """A rename is one write per file: a crash between files leaves some renamed. Running the
    same rename again finishes it (renamed files no longer match, so they are not touched)."""
    for i in range(6):
        store.tag_article(f"aa000{i}", ["Frame/Old", "keep"])
        store.add_note(f"aa000{i}", f"n{i}", tags=["frame/old/sub"])
    real = store_module.rename_in
    calls = {"n": 0}

    def dying(tags, old, new):  # the "crash": the fourth file's rename never happens
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt
        return real(tags, old, new)

    monkeypatch.setattr(store_module, "rename_in", dying)
    with pytest.raises(KeyboardInterrupt):
        store.rename_tag("frame/old", "frame/new")
    monkeypatch.setattr(store_module, "rename_in", real)
    fresh = AnnotationStore(store.root)
    counts = fresh.tag_counts()
    assert counts["frame/new"] == 3 and counts["Frame/Old"] == 3  # half done, nothing broken
    assert fresh.rename_tag("frame/old", "frame/new") == 6  # 3 articles + their 3 notes
    counts = AnnotationStore(store.root).tag_counts()
    assert counts == {"frame/new": 6, "frame/new/sub": 6, "keep": 6}
    assert fresh.rename_tag("frame/old", "frame/new") == 0  # a third run has nothing to do
