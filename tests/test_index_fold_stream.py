"""The journal's fold streamed from the base file: the same bytes as the fold in memory, and
a write in pieces that fails midway leaves the old file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.base.atomic import atomic_write_bytes
from reader.library import journal as jr

ROW = {"title": "A made-up story about the harbour", "date": "2024-03-05", "words": 120}


def _entries(rng: random.Random, ids: int) -> list[jr.Entry]:
    entries = []
    for n in range(rng.choice([0, 1, 3, 12])):
        kind = rng.choice(["put", "del", "edit", "set"])
        op: dict = {"op": kind, "id": f"{rng.randrange(ids + 4):08x}"}
        if kind == "put":
            op["row"] = dict(ROW, words=1000 + n)
        else:
            op["fields"] = {"title": f"Retitled {n}"}
        entries.append(jr.Entry(2 + n, op, "chain"))
    return entries


def test_the_streamed_fold_writes_what_the_fold_in_memory_does(tmp_path: Path) -> None:
    rng = random.Random(18)
    path = tmp_path / "articles.json"
    for _ in range(200):
        ids = rng.choice([0, 1, 2, 7, 40])
        rows = {f"{i:08x}": dict(ROW, words=i) for i in range(ids)}
        base = jr.base_bytes(rows, jr.State(1, "start"))
        path.write_bytes(base)
        entries = _entries(rng, ids)
        end = jr.State(1 + len(entries), "end")
        expected = jr.fold(base, True, entries, end)
        assert b"".join(jr.fold_file(path, entries, end)) == expected
        folded = jr.read_head(path)
        assert folded == (jr.State(1, "start"), True)  # reading it changed nothing


def test_a_base_that_does_not_end_as_written_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "articles.json"
    base = jr.base_bytes({"00000001": ROW}, jr.State(1, "start"))
    path.write_bytes(base[:-2])  # cut short
    with pytest.raises(ValueError, match="does not end as written"):
        jr.fold_file(path, [], jr.State(2, "end"))


def test_a_write_in_pieces_that_fails_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_bytes(b"the old contents")

    def pieces():
        yield b"the new "
        raise OSError("the disk went away")

    with pytest.raises(OSError):
        atomic_write_bytes(path, pieces())
    assert path.read_bytes() == b"the old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["articles.json"]  # no temp file left
    atomic_write_bytes(path, iter([b"the new ", b"contents"]))
    assert path.read_bytes() == b"the new contents"
