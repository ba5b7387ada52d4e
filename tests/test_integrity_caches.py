"""Derived files (the index snapshot, the annotation summary, the notes-per-tag caches, the
per-article analysis cache) are used only when they are intact and were made from the files as
they are now: flipped bits and same-length edits never change what reader shows, never fail a
command, and no write ever takes data from them."""

from __future__ import annotations

import json
import os
import re
import time
import zlib
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, distinct, imported_ids, run, write

from reader.library import article_index
from reader.paths import cache_dir

TITLE = "Ministers agree on a new harbour plan"
SAME_LENGTH = "Mallory wrote this line into the file"  # as long as TITLE
assert len(SAME_LENGTH) == len(TITLE)
POSITIONS = 60


def settle(root: Path) -> None:
    """Back-date every file and folder an hour, as if written long ago (no longer "racy")."""
    past = time.time() - 3600
    for path in [root, *root.rglob("*")]:
        os.utime(path, (past, past))


def bit_flips(data: bytes, count: int = POSITIONS):
    """``count`` copies of ``data``, each with one bit flipped, spread over the whole file."""
    for n in range(count):
        at = (len(data) - 1) * n // (count - 1)
        flipped = bytearray(data)
        flipped[at] ^= 1 << (n % 8)
        yield at, bytes(flipped)


def same_length_edit(data: bytes, old: str, new: str) -> bytes:
    """``old`` replaced by ``new`` (a file already edited stays as it is)."""
    old_b, new_b = old.encode("utf-8"), new.encode("utf-8")
    assert len(old_b) == len(new_b) and (old_b in data or new_b in data), (old, data[:200])
    return data.replace(old_b, new_b)


def outputs(capsys, *commands: tuple[str, ...]) -> list[tuple[int, str, str]]:
    return [run(capsys, *argv) for argv in commands]


@pytest.fixture
def library(capsys, tmp_path: Path, library_dir: Path, monkeypatch) -> Path:
    """Five articles with tags and notes, every cache written and settled."""
    monkeypatch.setattr(article_index, "SNAPSHOT_FROM", 1)
    files = [write(tmp_path / "en.txt", ARTICLE), write(tmp_path / "de.txt", GERMAN)]
    files += [write(tmp_path / f"v{i}.txt", distinct(ARTICLE, i)) for i in range(3)]
    code, out, err = run(capsys, "import", *map(str, files))
    assert code == 0, err
    ids = imported_ids(out)
    for n, article in enumerate(ids):
        assert run(capsys, "tag", article, f"frame/part{n}", "topic")[0] == 0
        assert run(capsys, "note", article, f"alpha note {n}", "--tag", "claim/war")[0] == 0
    settle(library_dir)
    for cache in cache_dir(library_dir).rglob("*.cache"):
        cache.unlink()
    # written afresh from the settled files: each cache now vouches for every entry
    assert run(capsys, "list", "--json")[0] == 0
    assert run(capsys, "notes", "--tag", "claim", "--json")[0] == 0
    for article in ids:
        assert run(capsys, "show", article)[0] == 0
    return library_dir


READS = (
    ("list", "--json"),
    ("tags", "--json"),
    ("notes", "--json"),
    ("notes", "--tag", "frame", "--json"),
    ("notes", "--tag", "claim", "--json"),
    ("notes", "--tag", "topic", "--json"),
)


def test_the_caches_exist_and_are_used(library: Path) -> None:
    assert (cache_dir(library) / "articles.cache").exists()
    assert (cache_dir(library) / "summary.cache").exists()
    assert list(cache_dir(library).glob("notes-*.cache"))


@pytest.mark.parametrize("cache", ["articles.cache", "summary.cache", "notes-*.cache"])
def test_bit_flips_in_a_cache_never_change_the_output(capsys, library: Path, cache: str) -> None:
    [path] = list(cache_dir(library).glob(cache))
    want = outputs(capsys, *READS)
    assert all(code == 0 for code, _, _ in want), want
    good = path.read_bytes()
    changed = []
    for at, flipped in bit_flips(good):
        path.write_bytes(flipped)
        got = outputs(capsys, *READS)
        if got != want:
            changed.append((at, [g for g, w in zip(got, want, strict=True) if g != w][:1]))
    path.write_bytes(good)
    assert not changed, f"{len(changed)} of {POSITIONS} flips changed the output: {changed[:3]}"


def test_same_length_edits_in_the_index_snapshot_change_nothing(capsys, library: Path) -> None:
    snapshot = cache_dir(library) / "articles.cache"
    want = outputs(capsys, *READS, ("doctor",))
    snapshot.write_bytes(same_length_edit(snapshot.read_bytes(), TITLE, SAME_LENGTH))
    assert outputs(capsys, ("list", "--json")) == want[:1]
    # the next writes rewrite the index from articles.json, never from the snapshot
    snapshot.write_bytes(same_length_edit(snapshot.read_bytes(), TITLE, SAME_LENGTH))
    extra = write(library.parent / "new.txt", distinct(GERMAN, 9))
    assert run(capsys, "import", str(extra))[0] == 0
    snapshot.write_bytes(same_length_edit(snapshot.read_bytes(), TITLE, SAME_LENGTH))
    other = next(r for r in json.loads(want[0][1]) if r["title"] != TITLE)["id"]
    assert run(capsys, "edit", other, "--source", "Port Daily")[0] == 0
    stored = (library / "articles.json").read_text(encoding="utf-8")
    assert SAME_LENGTH not in stored and stored.count(TITLE) == 1


def test_doctor_checks_the_snapshot_against_the_index(capsys, library: Path) -> None:
    """A snapshot that passes the quick check on use but holds other rows (a bug, or a
    collision) is found by ``reader doctor --deep`` and rebuilt by ``--repair``."""
    from reader.library import index_snapshot
    from reader.library.index_columns import ArticleColumns

    snapshot = cache_dir(library) / "articles.cache"
    raw = snapshot.read_bytes()
    found = index_snapshot.load_snapshot(snapshot)
    assert found is not None
    columns, state, _problems = found  # the index state it was made from
    metas = columns.metas()
    next(iter(metas.values())).title = SAME_LENGTH
    # written as reader writes a good one: it passes the quick check on use
    index_snapshot.save_snapshot(snapshot, state, ArticleColumns.from_metas(metas.values()))
    assert raw != snapshot.read_bytes()
    code, out, err = run(capsys, "doctor", "--deep")
    assert code != 0 and "articles.cache" in out + err and "library OK" not in out
    code, out, err = run(capsys, "doctor")  # by seal and stamp only: no full decode of both
    assert code == 0 and "library OK" in out
    code, out, err = run(capsys, "doctor", "--repair")
    assert code == 0, err
    code, out, err = run(capsys, "list", "--json")
    assert SAME_LENGTH not in out


def test_same_length_edits_in_the_summary_cache_change_nothing(capsys, library: Path) -> None:
    summary = cache_dir(library) / "summary.cache"
    want = outputs(capsys, *READS)
    summary.write_bytes(same_length_edit(summary.read_bytes(), "frame/part1", "frame/parX1"))
    assert outputs(capsys, *READS) == want
    article = next(r["id"] for r in json.loads(want[0][1]) if "frame/part1" in r["tags"])
    summary.write_bytes(same_length_edit(summary.read_bytes(), "frame/part1", "frame/parX1"))
    assert run(capsys, "tag", article, "later")[0] == 0
    assert run(capsys, "untag", article, "topic")[0] == 0
    stored = next((library / "annotations").rglob(f"{article}.json")).read_text(encoding="utf-8")
    assert "frame/parX1" not in stored and "frame/part1" in stored and "later" in stored


def test_same_length_edits_in_a_notes_cache_change_nothing(capsys, library: Path) -> None:
    [cache] = list(cache_dir(library).glob("notes-*.cache"))
    want = outputs(capsys, *READS)
    cache.write_bytes(same_length_edit(cache.read_bytes(), "alpha note 2", "omega note 2"))
    assert outputs(capsys, *READS) == want
    # a write to that note's file takes nothing from the cache
    note = next(n for n in json.loads(want[4][1]) if n["text"] == "alpha note 2")
    assert run(capsys, "note", note["article"], "one more")[0] == 0
    stored = next((library / "annotations").rglob(f"{note['article']}.json"))
    text = stored.read_text(encoding="utf-8")
    assert "omega note 2" not in text and "alpha note 2" in text and "one more" in text


def test_the_analysis_cache_is_checked_against_its_bytes_and_its_text(library: Path) -> None:
    from reader.analysis import analyze
    from reader.library.store import Library

    lib = Library(library)
    article = next(m.id for m in lib.articles() if m.title == TITLE)
    path = lib.article_dir(article) / "analysis.json"
    want = analyze(lib.text(article), lib.get(article).lang)
    assert lib.analysis(article) == want
    data = path.read_bytes()
    # another span in the packed payload, recompressed under the old seal: not believed
    from reader.base.derived import MAGIC

    assert data.startswith(MAGIC)
    crc_at = len(MAGIC)
    at = crc_at + 4
    size = int.from_bytes(data[at : at + 4], "little")
    payload = zlib.decompress(data[at + 4 + size :])
    start = re.search(rb"\[\[(\d)", payload)
    assert start is not None
    digit = start.group(1)
    other = b"1" if digit != b"1" else b"2"
    forged = payload[: start.start(1)] + other + payload[start.end(1) :]
    path.write_bytes(data[: at + 4 + size] + zlib.compress(forged, 6))
    assert Library(library).analysis(article) == want  # other span, old checksum: not believed
    for _at, flipped in bit_flips(path.read_bytes(), 20):
        path.write_bytes(flipped)
        assert Library(library).analysis(article) == want
    # the text changed under the cache (same length): the analysis follows the text
    text_path = lib.article_dir(article) / "text.txt"
    text = text_path.read_text(encoding="utf-8")
    changed = text.replace("Anna Berg", "Anna Borg")
    assert changed != text and len(changed) == len(text)
    assert Library(library).analysis(article) == want  # (a good cache again)
    text_path.write_text(changed, encoding="utf-8")
    assert Library(library).analysis(article) == analyze(changed, lib.get(article).lang)


def test_damaged_caches_never_fail_a_command(capsys, library: Path) -> None:
    commands = (("list",), ("notes", "--tag", "claim"), ("doctor",), ("doctor", "--repair"))
    want = [code for code, _, _ in outputs(capsys, *commands)]
    assert want == [0, 0, 0, 0]
    for cache in sorted(cache_dir(library).rglob("*.cache")):
        good = cache.read_bytes()
        for at, flipped in bit_flips(good, 30):
            cache.write_bytes(flipped)
            for argv, (code, _out, err) in zip(commands, outputs(capsys, *commands), strict=True):
                assert code == 0 and "marshal" not in err and "unexpected" not in err, (
                    cache.name,
                    at,
                    argv,
                    err,
                )
            cache.write_bytes(good)
