"""The index read as columns: same rows as the JSON, newest first, cold fields loaded on demand,
old or damaged snapshots ignored, and the library list's rows built straight from the columns."""

from __future__ import annotations

import marshal
from dataclasses import replace
from pathlib import Path

import pytest

from reader.library import article_index
from reader.library.index_columns import COLD, ArticleRow
from reader.library.models import ArticleMeta
from reader.library.store import Library
from reader.widgets.article_rows import build_rows, filter_rows, rows_from_columns


def meta(i: int, **kw) -> ArticleMeta:
    values = dict(
        id=f"{i:08x}",
        sha256=f"{i:064x}",
        title=f"Title {i}",
        date=f"2023-0{1 + i % 3}-0{1 + i % 5}",
        source=["Wire", "Courier", None][i % 3],
        url=f"https://x.test/{i}" if i % 2 else None,
        lang=["de", "en"][i % 2],
        format="txt",
        file=f"f{i}.txt",
        added=f"2024-01-01T00:00:{i:02d}",
        content_key=f"k{i}",
        words=100 + i,
        quotes=i % 4,
        actors=[["Anna Berg", "Nato"], [], ["Nato"]][i % 3],
        import_tags=["t"] if i % 4 else [],
        edited={"title": f"Title {i}"} if i % 5 == 0 else {},
    )
    values.update(kw)
    return ArticleMeta(**values)


@pytest.fixture
def library(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(article_index, "SNAPSHOT_FROM", 5)
    lib = Library(tmp_path / "lib", create=True)
    with lib.index.transaction() as txn:
        for i in range(30):
            txn.put(meta(i))
        txn.put(meta(30, date=None))
    Library(tmp_path / "lib").articles()  # the first reader saves the snapshot
    return tmp_path / "lib"


def test_columns_from_the_snapshot_hold_every_row_newest_first(library: Path) -> None:
    assert (Library(library).cache_dir / "articles.cache").exists()
    fresh = Library(library)
    columns = fresh.article_columns()
    assert not columns._cold._loaded  # loaded from the snapshot; cold part not read yet
    articles = fresh.articles()
    assert [(a.id, a.title, a.date, a.source, a.quotes) for a in articles]
    assert not columns._cold._loaded  # listing (id, date, title...) reads only hot fields
    assert [a.url for a in articles] and set(columns._cold._loaded) == {"url"}  # one by one
    keys = [(a.date or "", a.added) for a in articles]
    assert keys == sorted(keys, reverse=True) and articles[-1].id == f"{30:08x}"
    by_id = {m.id: m for m in (meta(i) for i in range(30))}
    for view in articles[:-1]:
        expected = by_id[view.id]
        assert view == expected and view.to_meta() == expected  # every field, cold ones too
        assert (view.actors, view.edited, view.import_tags, view.sha256) == (
            expected.actors,
            expected.edited,
            expected.import_tags,
            expected.sha256,
        )
    assert set(columns._cold._loaded) == set(COLD)


def test_get_is_a_real_meta_and_views_are_read_only_copies(library: Path) -> None:
    lib = Library(library)
    got = lib.get("0000000b")
    assert isinstance(got, ArticleMeta) and got == meta(11)
    assert replace(got, title="X").title == "X"
    view = lib.articles()[0]
    assert isinstance(view, ArticleRow)
    view.actors.append("Mallory")  # a copy: the index is untouched
    view.edited["title"] = "Mallory"
    assert "Mallory" not in lib.articles()[0].actors and lib.articles()[0].edited != {
        "title": "Mallory"
    }
    with pytest.raises(AttributeError):
        view.no_such_field  # noqa: B018


def test_a_snapshot_of_the_previous_format_or_truncated_is_ignored(library: Path) -> None:
    snapshot = Library(library).cache_dir / "articles.cache"
    data = snapshot.read_bytes()
    expected = [a.to_dict() for a in Library(library).articles()]
    snapshot.write_bytes(data[: len(data) // 2])
    assert [a.to_dict() for a in Library(library).articles()] == expected
    snapshot.write_bytes(marshal.dumps((1, (0, 0, 0), ("id",), [])))  # format 1 (rows)
    assert [a.to_dict() for a in Library(library).articles()] == expected


def test_writes_are_seen_by_columns_and_the_snapshot(library: Path) -> None:
    lib = Library(library)
    lib.article_columns()
    lib.edit("00000003", title="Corrected", date="2030-01-01")
    assert lib.articles()[0].title == "Corrected"
    assert Library(library).articles()[0].title == "Corrected"  # from the new snapshot
    # the write materialised every row from the columns: the others are unchanged
    rows = Library(library).index.rows()
    assert all(rows[f"{i:08x}"] == meta(i) for i in range(30) if i != 3)
    assert rows[f"{30:08x}"] == meta(30, date=None)
    assert isinstance(rows["00000000"].actors, list) and rows["00000000"].actors == [
        "Anna Berg",
        "Nato",
    ]
    lib.remove(["00000003"])
    assert "00000003" not in Library(library).ids() and len(lib.articles()) == 30


def test_small_library_without_snapshot_reads_the_json(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    with lib.index.transaction() as txn:
        txn.put(meta(1))
        txn.put(meta(2))
    assert not (lib.cache_dir / "articles.cache").exists()
    assert [a.id for a in Library(tmp_path / "lib").articles()] == ["00000002", "00000001"]


def test_library_rows_from_columns_match_rows_from_metas(library: Path) -> None:
    lib = Library(library)
    summaries = {}
    from_columns = rows_from_columns(lib.article_columns(), summaries)
    from_metas = build_rows([v.to_meta() for v in lib.articles()], summaries)
    fields = ("id", "date", "source", "title", "quotes", "actors", "tags", "notes", "read")
    assert [[getattr(r, f) for f in fields] for r in from_columns] == [
        [getattr(r, f) for f in fields] for r in from_metas
    ]
    assert [r.haystack() for r in from_columns] == [r.haystack() for r in from_metas]
    assert from_columns[0].meta.id == from_columns[0].id
    hits = filter_rows(from_columns, "wire", actor="nato")
    assert len(hits) == 11 and all(r.source == "Wire" and "Nato" in r.actors for r in hits)


def test_the_tui_session_lists_from_columns_without_building_metas(library: Path) -> None:
    from reader.screens.session import Session
    from reader.widgets.article_rows import ColumnRow

    session = Session(library)
    rows = session.rows()
    assert len(rows) == 31 and all(isinstance(r, ColumnRow) for r in rows)
    assert [r.id for r in rows] == [a.id for a in Library(library).articles()]
    index = session.library.index
    assert index._metas is None  # no ArticleMeta was made for the list
    assert not index.columns()._cold._loaded  # nor were the cold fields read
    assert session.meta(rows[0].id) == rows[0].meta  # opening one makes just that one


def test_reading_while_another_thread_writes_sees_whole_states(library: Path) -> None:
    import threading

    lib = Library(library)  # one object, as the TUI shares it with its import worker
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                count = len(lib.article_columns())
                assert count >= 31 and len(lib.articles()) >= 31
                lib.index.rows()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(40, 60):
            with lib.index.transaction() as txn:
                txn.put(meta(i))
    finally:
        done.set()
        reader.join()
    assert errors == []
    assert len(Library(library).articles()) == 51
