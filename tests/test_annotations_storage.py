"""The atomic TinyDB storage: crash safety, corruption handling, lost-update protection."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.storage import (
    ConcurrentWriteError,
    CorruptFileError,
    atomic_write_bytes,
    locked,
    open_db,
)


def test_missing_file_reads_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "db.json"
    db = open_db(path)
    assert db.table("t").all() == []
    assert not path.parent.exists()


def test_write_then_read_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "db.json"
    with locked(path) as db:
        db.table("t").insert({"a": "ü"})
    assert json.loads(path.read_text("utf-8"))["t"]["1"] == {"a": "ü"}
    assert open_db(path).table("t").all() == [{"a": "ü"}]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_atomic_write_leaves_no_temp_on_failure(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2]", b"\xff\xfe", b'{"t": 3}'])
def test_corrupt_file_clear_error_backup_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(CorruptFileError) as info:
        open_db(path).table("t").all()
    err = info.value
    assert str(path) in str(err) and "\n" not in str(err)
    assert err.backup is not None and err.backup.read_bytes() == content
    assert str(err.backup) in str(err)
    with pytest.raises(CorruptFileError), locked(path) as db:
        db.table("t").insert({"a": 1})
    with pytest.raises(CorruptFileError):
        open_db(path).storage.write({"t": {}})
    assert path.read_bytes() == content
    # reading again does not pile up backups of the same content
    with pytest.raises(CorruptFileError):
        open_db(path).table("t").all()
    assert len(list(tmp_path.glob("db.json.corrupt-*"))) == 1


def test_write_refused_when_file_changed_since_read(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    mine, theirs = open_db(path), open_db(path)
    mine.table("t").insert({"who": "me"})
    data = theirs.storage.read()  # they read ...
    mine.table("t").insert({"who": "me again"})  # ... I write ...
    with pytest.raises(ConcurrentWriteError):  # ... their stale write is refused
        theirs.storage.write(data)
    assert len(open_db(path).table("t").all()) == 2


def test_next_id_not_stale_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    a, b = open_db(path), open_db(path)
    with locked(path):
        a.table("t").insert({"n": 1})
        b.table("t").insert({"n": 2})
        a.table("t").insert({"n": 3})
        b.table("t").insert_multiple([{"n": 4}, {"n": 5}])
        a.table("t").insert_multiple([{"n": 6}, {"n": 7}])
    assert sorted(d["n"] for d in open_db(path).table("t").all()) == [1, 2, 3, 4, 5, 6, 7]


_CHILD = r"""
import sys
from annotations.storage import locked
path = sys.argv[1]
for i in range(int(sys.argv[2])):
    with locked(path) as db:
        db.table("t").insert({"who": sys.argv[3], "i": i})
"""


def test_two_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    procs = [
        subprocess.Popen([sys.executable, "-c", _CHILD, str(path), "60", who], env=env)
        for who in ("a", "b")
    ]
    assert [p.wait(60) for p in procs] == [0, 0]
    docs = open_db(path).table("t").all()
    assert sorted((d["who"], d["i"]) for d in docs) == sorted(
        (w, i) for w in "ab" for i in range(60)
    )


_HOLDER = r"""
import sys, time
from annotations.storage import locked
with locked(sys.argv[1]):
    print("holding", flush=True)
    time.sleep(5)
"""


def test_a_held_lock_gives_a_clear_error_after_the_timeout(tmp_path: Path, monkeypatch) -> None:
    import reader.base.atomic as atomic
    from annotations.storage import StorageError

    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.3)
    path = tmp_path / "db.json"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with (
            pytest.raises(StorageError, match="locked by another reader process") as info,
            locked(path),
        ):
            pass
        assert "\n" not in str(info.value)
        assert open_db(path).table("t").all() == []  # reading never waits for writers
    finally:
        holder.kill()
        holder.wait()
    with locked(path) as db:  # the kernel dropped the dead holder's lock
        db.table("t").insert({"ok": True})
