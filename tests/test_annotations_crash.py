"""Crash safety and concurrency of the annotation store, with real processes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotations.store import AnnotationStore

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

_ADDER = r"""
import sys
from pathlib import Path
from annotations.store import AnnotationStore
store = AnnotationStore(Path(sys.argv[1]))
articles = ["aa11", "aa22", "bb33", "cc44"]
print("ready", flush=True)
for i in range(int(sys.argv[2])):
    note = store.add_note(articles[i % 4], f"{sys.argv[3]} note {i}", tags=[f"t{i % 3}"])
    if i % 7 == 0:
        store.tag_article(articles[i % 4], [f"tag{i}"])
    print(note.id, flush=True)
"""


def _spawn(root: Path, count: int, who: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _ADDER, str(root), str(count), who],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def test_sigkill_at_random_moments_never_loses_a_returned_note(tmp_path: Path) -> None:
    root = tmp_path / "annotations"
    rng = random.Random(6)
    confirmed: set[str] = set()
    rounds = 30
    for _ in range(rounds):
        child = _spawn(root, 10_000, "k")
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # wait for one returned add, so every round kills a child that is busy writing (on a
        # loaded machine a fixed sleep may kill it before its first write)
        first = child.stdout.readline().strip()
        assert first.startswith("n"), first
        confirmed.add(first)
        time.sleep(rng.uniform(0.0, 0.06))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        # only complete lines: the child printed them after add_note had returned
        confirmed.update(line for line in out.split("\n")[:-1] if line)
        store = AnnotationStore(root)  # a fresh process' view
        assert store.problems() == {}
        kept = {n.id for n in store.notes()}
        assert confirmed <= kept
    assert len(confirmed) >= rounds  # at least one returned add per child, checked every round
    # temp files of writers killed mid-write: reader doctor's tidy() or the next write removes them
    store = AnnotationStore(root)
    leftovers = len(list(root.rglob("*.tmp")))
    assert store.tidy() == leftovers and not list(root.rglob("*.tmp"))
    for article in ("aa11", "aa22", "bb33", "cc44"):
        store.add_note(article, "after the crashes")
    assert list(root.rglob("*.tmp")) == []


def test_two_processes_adding_at_once_keep_all_200(tmp_path: Path) -> None:
    root = tmp_path / "annotations"
    children = [_spawn(root, 100, who) for who in ("left", "right")]
    outputs = [c.communicate(timeout=120)[0] for c in children]
    assert [c.returncode for c in children] == [0, 0]
    printed = {line for out in outputs for line in out.split() if line.startswith("n")}
    notes = AnnotationStore(root).notes()
    assert len(notes) == 200 and {n.id for n in notes} == printed
    texts = {n.text for n in notes}
    assert texts == {f"{w} note {i}" for w in ("left", "right") for i in range(100)}


def test_open_store_sees_changes_made_by_another_process(tmp_path: Path) -> None:
    root = tmp_path / "annotations"
    store = AnnotationStore(root)
    store.add_note("aa11", "mine")
    token = store.version()
    assert len(store.notes(tag="t1")) == 0 and store.summaries()["aa11"].notes == 1
    child = _spawn(root, 3, "other")
    child.communicate(timeout=60)
    assert store.changed_since(token)
    assert store.summaries()["aa11"].notes == 2
    assert [n.text for n in store.notes(tag="t1")] == ["other note 1"]
