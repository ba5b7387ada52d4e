"""The index writes what changed: a journal beside the TinyDB base, folded now and then; the
migration from the single file of earlier versions; crashes, torn and damaged journals;
processes following each other's writes; derived lookups that are stale or foreign."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.library import article_index, journal
from reader.library.article_index import LibraryError
from reader.library.models import ArticleMeta
from reader.library.store import Library

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture(autouse=True)
def _journal_even_when_small(monkeypatch) -> None:
    """These libraries are small: without this, every write would fold (see FOLD_BELOW)."""
    monkeypatch.setattr(journal, "FOLD_BELOW", 0)


def meta(i: int, **kw) -> ArticleMeta:
    values = dict(
        id=f"{i:08x}",
        sha256=f"{i:064x}",
        title=f"Story number {i}",
        date=f"2024-01-{i % 28 + 1:02d}",
        source="Wire",
        url=None,
        lang="en",
        format="txt",
        file=f"{i}.txt",
        added=f"2025-01-01T00:00:{i:02d}",
        content_key=f"k{i}",
        words=100 + i,
        quotes=i % 4,
        actors=["Anna Berg"] if i % 2 else [],
    )
    values.update(kw)
    return ArticleMeta(**values)


def fill(root: Path, n: int) -> Library:
    lib = Library(root, create=True)
    with lib.index.transaction() as txn:
        for i in range(n):
            txn.put(meta(i))
    return lib


def listed(root: Path) -> list[dict]:
    return [a.to_dict() for a in Library(root).articles()]


def legacy_index(root: Path, metas: list[ArticleMeta]) -> None:
    """articles.json exactly as the previous version wrote it: one line, schema version 2."""
    rows = {m.id: article_index.encode_row(m) for m in metas}
    data = {"articles": rows, "_schema": {"1": {"version": 2}}}
    root.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (root / "articles.json").write_text(text, encoding="utf-8")


def test_a_change_appends_one_line_and_leaves_the_base_alone(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 20)
    lib.index.fold()
    base = (root / "articles.json").read_bytes()
    journal_size = (root / "articles.journal").stat().st_size
    lib.edit("00000003", title="A corrected title")
    assert (root / "articles.json").read_bytes() == base
    appended = (root / "articles.journal").read_bytes()[journal_size:]
    assert appended.count(b"\n") == 1 and b"A corrected title" in appended
    assert Library(root).get("00000003").title == "A corrected title"
    assert Library(root).get("00000003").edited == {"title": "A corrected title"}


def test_the_journal_is_folded_past_its_limit_and_nothing_changes(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(journal, "COMPACT_AFTER", 5)
    root = tmp_path / "lib"
    lib = fill(root, 12)
    before = listed(root)
    for i in range(5):
        lib.edit(f"{i:08x}", source=f"Desk {i}")
    lib.remove(["00000009"])
    lines = (root / "articles.journal").read_bytes().count(b"\n")
    assert lines == 1  # only the header: the six changes were folded into the base
    stored = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    assert stored["_schema"]["1"]["version"] == journal.SCHEMA_VERSION
    assert stored["articles"]["00000002"]["source"] == "Desk 2"
    assert "00000009" not in stored["articles"]
    expected = [
        dict(r, source=f"Desk {int(r['id'], 16)}", edited={"source": f"Desk {int(r['id'], 16)}"})
        if int(r["id"], 16) < 5
        else r
        for r in before
        if r["id"] != "00000009"
    ]
    assert listed(root) == expected


def test_an_index_of_the_previous_version_is_read_and_migrated_by_the_first_write(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    metas = [meta(i) for i in range(30)]
    legacy_index(root, metas)
    old_bytes = (root / "articles.json").read_bytes()
    # a copy of a library as the previous version left it: reading changes nothing
    assert {a["id"] for a in listed(root)} == {m.id for m in metas}
    assert (root / "articles.json").read_bytes() == old_bytes
    assert not (root / "articles.journal").exists()
    Library(root).edit("00000005", title="After the upgrade")
    data = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    assert data["_schema"]["1"]["version"] == journal.SCHEMA_VERSION
    assert set(data["articles"]) == {m.id for m in metas}  # every row came along
    assert data["articles"]["00000007"] == article_index.encode_row(metas[7])
    assert (root / "articles.journal").exists()
    got = {a["id"]: a for a in listed(root)}
    assert got["00000005"]["title"] == "After the upgrade"
    assert all(got[m.id] == m.to_dict() for m in metas if m.id != "00000005")
    # the migrated base is still a TinyDB file
    from tinydb import TinyDB

    with TinyDB(root / "articles.json") as db:
        assert len(db.table("articles")) == 30


def test_a_torn_last_line_is_ignored_and_cut_by_the_next_writer(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    fill(root, 5)
    path = root / "articles.journal"
    with path.open("ab") as fh:  # an append a crash cut short
        fh.write(b'{"seq":99,"op":"del","id":"00000001"')
    assert len(listed(root)) == 5
    Library(root).edit("00000002", title="Written after the crash")
    assert len(listed(root)) == 5
    assert Library(root).get("00000002").title == "Written after the crash"
    assert b'"seq":99' not in path.read_bytes()


def test_a_damaged_journal_is_named_and_repair_keeps_what_can_be_read(
    tmp_path: Path, capsys
) -> None:
    from test_cli_support import run

    from reader.importing.models import ParsedArticle

    root = tmp_path / "lib"
    lib = Library(root, create=True)
    ids = []
    for i in range(3):
        text = f"Paragraph {i} of a short made-up story about harbour cranes number {i}."
        ids.append(
            lib.add(ParsedArticle(text=text, title=f"Story {i}"), text.encode(), "a.txt")[1].id
        )
    lib.edit(ids[1], title="First correction")
    lib.edit(ids[2], title="Second correction")
    path = root / "articles.journal"
    lines = path.read_bytes().split(b"\n")
    lines[-2] = lines[-2].replace(b"Second", b"Sekond")  # a flipped byte in the last change
    lines.insert(-1, lines[-2])  # ...followed by another line: not a torn tail
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(LibraryError, match=r"articles\.journal.*doctor --repair"):
        Library(root).articles()
    code, out, err = run(capsys, "--library", str(root), "doctor")
    assert code == 1 and "articles.journal" in err
    code, out, err = run(capsys, "--library", str(root), "doctor", "--repair")
    assert code == 0, err
    assert "set aside the damaged journal" in out and "kept 4 changes" in out
    assert list(root.glob("articles.journal.corrupt-*"))
    titles = {a["id"]: a["title"] for a in listed(root)}
    assert titles[ids[1]] == "First correction"
    assert titles[ids[2]] == "Story 2"  # the damaged change is not believed


def test_a_crash_between_writing_the_folded_base_and_the_new_journal(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 8)
    lib.edit("00000004", title="Changed before the fold")
    index = lib.index
    store = index.read_store()
    folded = journal.fold(
        (root / "articles.json").read_bytes(), store.laid_out, store.entries, store.end
    )
    (root / "articles.json").write_bytes(folded)  # the fold wrote the base, then died
    expected = listed(root)
    assert {a["id"]: a["title"] for a in expected}["00000004"] == "Changed before the fold"
    Library(root).edit("00000006", title="Changed after the crash")
    titles = {a["id"]: a["title"] for a in listed(root)}
    assert titles["00000004"] == "Changed before the fold"
    assert titles["00000006"] == "Changed after the crash"
    assert len(titles) == 8


def test_an_open_index_follows_another_process_by_reading_what_was_appended(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(article_index, "SNAPSHOT_FROM", 1)
    root = tmp_path / "lib"
    fill(root, 10)
    mine = Library(root)
    assert len(mine.articles()) == 10
    theirs = Library(root)
    theirs.edit("00000003", title="Edited elsewhere", date="2030-05-05")
    with theirs.index.transaction() as txn:
        txn.put(meta(40, date="2001-01-01"))
        txn.delete("00000007")
    reads = []
    original = journal.read_journal
    monkeypatch.setattr(
        journal, "read_journal", lambda p, resume=None: reads.append(resume) or original(p, resume)
    )
    articles = mine.articles()
    assert reads and all(r is not None for r in reads)  # only the tail was read
    assert articles[0].id == "00000003" and articles[0].title == "Edited elsewhere"
    assert articles[-1].id == f"{40:08x}"
    assert "00000007" not in [a.id for a in articles] and len(articles) == 10
    monkeypatch.setattr(journal, "read_journal", original)
    assert [a.to_dict() for a in articles] == listed(root)


def test_a_reimport_never_undoes_an_edit_made_meanwhile(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 3)
    with lib.index.transaction() as txn:
        txn.edit("00000001", title="The user's title")
    with lib.index.transaction() as txn:  # a reimport that read the row before the edit
        txn.update("00000001", keep_edited=True, title="Cleaner's title", words=999)
    got = Library(root).get("00000001")
    assert got.title == "The user's title" and got.words == 999


@pytest.mark.parametrize("how", ["deleted", "garbage", "other library", "older state"])
def test_a_lookup_that_is_missing_damaged_foreign_or_stale_is_rebuilt(
    tmp_path: Path, how: str
) -> None:
    root = tmp_path / "lib"
    lib = fill(root, 6)
    lookup = lib.cache_dir / "lookup.sqlite"
    assert Library(root).get("00000002").title == "Story number 2"
    if how == "deleted":
        lookup.unlink()
    elif how == "garbage":
        lookup.write_bytes(b"not a database at all" * 100)
        for extra in ("-wal", "-shm"):
            Path(str(lookup) + extra).unlink(missing_ok=True)
    elif how == "other library":
        other = fill(tmp_path / "other", 9)
        other.edit("00000002", title="From the other library")
        other.index.lookup.close()
        lib.index.lookup.close()
        for extra in ("", "-wal", "-shm"):
            Path(str(lookup) + extra).unlink(missing_ok=True)
            src = Path(str(other.cache_dir / "lookup.sqlite") + extra)
            if src.exists():
                Path(str(lookup) + extra).write_bytes(src.read_bytes())
    else:
        saved = lookup.read_bytes()
        lib.index.lookup.close()
        Library(root).edit("00000002", title="Newer title")
        for extra in ("-wal", "-shm"):
            Path(str(lookup) + extra).unlink(missing_ok=True)
        lookup.write_bytes(saved)
    fresh = Library(root)
    expected = "Newer title" if how == "older state" else "Story number 2"
    assert fresh.get("00000002").title == expected
    with pytest.raises(LibraryError, match="ambiguous"):
        fresh.resolve("0000000")
    assert fresh.resolve("00000005") == "00000005"
    with pytest.raises(LibraryError, match="no article"):
        fresh.get("00000008")


_WRITER = r"""
import sys
from pathlib import Path
from reader.library import journal
from reader.library.store import Library
journal.COMPACT_AFTER = 7  # folds happen while we are killed, too
journal.FOLD_BELOW = 0
lib = Library(Path(sys.argv[1]))
print("ready", flush=True)
for i in range(10_000):
    article = f"{i % 20:08x}"
    lib.edit(article, title=f"{sys.argv[2]} {i}")
    print(article, i, flush=True)
"""


def test_sigkill_at_random_moments_never_loses_a_returned_change(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    fill(root, 20)
    rng = random.Random(15)
    last: dict[str, int] = {}
    for round_ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(root), f"r{round_}"],
            stdout=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        first = child.stdout.readline().split()
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done = [first] + [line.split() for line in out.split("\n")[:-1] if line]
        for article, i in done:
            last[article] = (round_, int(i))
        titles = {a["id"]: a["title"] for a in listed(root)}
        assert len(titles) == 20
        for article, (r, i) in last.items():
            # the returned edit is there, or a later one the child made before it was killed
            shown_round, shown_i = titles[article].split()
            assert (int(shown_round[1:]), int(shown_i)) >= (r, i), (article, titles[article])


def test_a_commit_of_many_new_rows_leaves_the_lookup_a_rebuild_would_make(tmp_path: Path) -> None:
    """An import's commit inserts its new rows together; mixed with a row put again, a row
    put then edited, a removal and a damaged row, the lookup holds what a rebuild from the
    same rows holds."""
    from reader.importing.dedupe import content_key
    from reader.library.article_index import encode_row
    from reader.library.journal import Entry, State, apply_op
    from reader.library.lookup import Lookup

    def row(i: int) -> dict:
        text = " ".join(f"word{(i * 7 + k) % 90} item{k % (i + 3)}" for k in range(40))
        return encode_row(meta(i, content_key=content_key(text)))

    rows = {f"{i:08x}": row(i) for i in range(5)}
    ops: list[dict] = [{"op": "put", "id": f"{i:08x}", "row": row(i)} for i in range(5, 40)]
    ops += [
        {"op": "put", "id": "00000002", "row": row(41)},  # its bands change
        {"op": "del", "id": "00000003"},
        {"op": "put", "id": "00000050", "row": row(50)},
        {"op": "edit", "id": "00000050", "fields": {"title": "Edited"}},
        {"op": "put", "id": "00000051", "row": {**row(51), "words": "many"}},  # damaged
    ]
    entries = [Entry(n, op, f"c{n}") for n, op in enumerate(ops, start=1)]
    start, end = State(0, "c0"), entries[-1].state
    applied = Lookup(tmp_path / "applied.sqlite")
    assert applied.sync(start, lambda held: None, lambda: dict(rows))
    assert applied.sync(end, lambda held: entries if held == start else None, lambda: {})
    final = dict(rows)
    for op in ops:
        apply_op(final, op)
    rebuilt = Lookup(tmp_path / "rebuilt.sqlite")
    assert rebuilt.sync(end, lambda held: None, lambda: dict(final))

    def tables(lookup: Lookup) -> list[list[tuple]]:
        return [
            lookup._query(f"SELECT * FROM {table} ORDER BY 1, 2")
            for table in ("rows", "bands", "damaged")
        ]

    got = tables(applied)
    assert got == tables(rebuilt)
    assert len(got[1]) > 16 * 30 and [r[0] for r in got[2]] == ["00000051"]
