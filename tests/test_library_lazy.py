"""The library at 1,000,000 rows: the snapshot read chunk by chunk (each chunk checked when
first read), a few changes laid over lazy columns, and the table's rows as a view whose sorting
and filtering run in slices and give what sorting and filtering every row object gives."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from test_library_columns import meta
from test_tui_corrections import BODY, status_line, to_quote
from test_tui_support import app_for, run_async, settle

from annotations.models import ArticleSummary
from reader.library import article_index, index_snapshot
from reader.library.index_columns import ChunkedColumn, PatchedColumn, SnapshotDamaged
from reader.library.store import Library
from reader.screens.library import LibraryScreen
from reader.screens.session import Session
from reader.widgets import article_rows
from reader.widgets.article_rows import (
    COLUMNS,
    RowSource,
    RowView,
    filter_positions,
    filter_rows,
    rows_from_columns,
    sort_positions,
    sort_rows,
)
from reader.widgets.article_table import ArticleTable

COUNT = 45


@pytest.fixture
def library(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(article_index, "SNAPSHOT_FROM", 5)
    monkeypatch.setattr(index_snapshot, "CHUNK", 4)  # 12 chunks per column
    monkeypatch.setattr(article_rows, "STEP", 4)
    lib = Library(tmp_path / "lib", create=True)
    with lib.index.transaction() as txn:
        for i in range(COUNT):
            title = f"{['Alpha', 'beta', 'Gamma'][i % 3]} {i % 7} report"
            txn.put(meta(i, title=title + "\x07" * (i == 13)))  # one chunk folded row by row
    Library(tmp_path / "lib").articles()  # the first reader saves the snapshot
    return tmp_path / "lib"


def lazy(library: Path) -> Library:
    lib = Library(library)
    lib.index.lazy_snapshot = True
    return lib


def drain(job):
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


def test_lazy_columns_read_only_the_chunks_asked_for_and_match_the_whole(library: Path) -> None:
    columns = lazy(library).article_columns()
    titles = columns.hot["title"]
    assert isinstance(titles, ChunkedColumn) and titles.chunks == 12
    assert titles[5] and [titles.loaded(k) for k in range(3)] == [False, True, False]
    whole = Library(library).article_columns()
    assert titles[6:11] == whole.hot["title"][6:11] and not titles.loaded(3)
    for name in ("id", "title", "date", "actors", "sha256", "edited"):
        assert list(columns.column(name)) == list(whole.column(name))
    assert columns.ids.index(whole.ids[30]) == 30 and columns.find(whole.ids[41]) == 41


def test_a_damaged_chunk_is_never_believed(library: Path) -> None:
    snapshot = Library(library).cache_dir / "articles.cache"
    want = [a.to_dict() for a in Library(library).articles()]
    good = snapshot.read_bytes()
    data = bytearray(good)
    data[-10] ^= 0x40  # inside the last chunk of the last column
    snapshot.write_bytes(bytes(data))
    assert [a.to_dict() for a in Library(library).articles()] == want  # read whole: ignored
    assert snapshot.read_bytes() == good  # and written again from the index
    snapshot.write_bytes(bytes(data))
    lib = lazy(library)
    columns = lib.article_columns()
    assert columns.hot["title"][0]  # the header and the other chunks are intact
    last = columns.column(index_snapshot._NAMES[-1])
    with pytest.raises(SnapshotDamaged):
        list(last)
    lib.index.snapshot_damaged()  # what the library screen does on SnapshotDamaged
    assert [lib.index.columns().meta(i).to_dict() for i in range(COUNT)] == want
    assert Library(library).article_columns().hot["title"][0]  # a good snapshot again


def test_changes_lie_over_the_lazy_columns_without_reading_them(library: Path) -> None:
    """What the index does on another process's write (ArticleIndex._follow)."""
    columns = lazy(library).article_columns()
    whole = Library(library).article_columns()
    moved, gone = whole.ids[20], whole.ids[3]
    changes = {moved: replace(whole.meta(20), title="Moved", date="2031-01-01"), gone: None}
    changes["new"] = meta(99, id="new", date="2023-02-02")
    after = columns.patched(changes)
    assert isinstance(after.hot["title"], PatchedColumn)
    assert not after.hot["title"].base.loaded(8)  # no chunk was read to lay the changes over
    want = whole.patched(changes)
    assert list(after.ids) == list(want.ids) and after.ids[0] == moved
    assert [after.meta(i) for i in range(len(after))] == [want.meta(i) for i in range(len(want))]


def test_patched_column_is_the_column_with_the_changes_made() -> None:
    rnd = random.Random(7)
    for _ in range(200):
        base = list(range(rnd.randint(0, 20)))
        drop = sorted(rnd.sample(base, rnd.randint(0, len(base))))
        left = [x for x in base if x not in drop]
        places = sorted(rnd.randint(0, len(left)) for _ in range(rnd.randint(0, 4)))
        values = [100 + i for i in range(len(places))]
        want: list[int] = []
        for at in range(len(left) + 1):
            want += [v for p, v in zip(places, values, strict=True) if p == at]
            want += left[at : at + 1]
        column = PatchedColumn(base, drop, places, values)
        assert list(column) == [column[i] for i in range(len(column))] == want
        a, b = sorted(rnd.randint(0, len(want)) for _ in range(2))
        assert list(column[a:b]) == want[a:b]
        for value in (*base[:3], *values[:2], 999):
            assert column.index(value) == want.index(value) if value in want else True
            if value not in want:
                with pytest.raises(ValueError):
                    column.index(value)


def _summaries(columns) -> dict[str, ArticleSummary]:
    ids = list(columns.ids)
    return {
        ids[1]: ArticleSummary(tags=["frame/war"], notes=2, read=True),
        ids[7]: ArticleSummary(tags=["Frame"], notes=1),
        ids[9]: ArticleSummary(read=True),
        ids[30]: ArticleSummary(tags=["zeta"], notes=5, error="damaged"),
        "gone": ArticleSummary(tags=["frame"], read=True),
    }


def test_sorting_and_filtering_the_view_match_the_row_objects(library: Path) -> None:
    columns = lazy(library).article_columns()
    summaries = _summaries(columns)
    rows = rows_from_columns(columns, summaries)
    source = RowSource(columns, summaries)
    for column, _label in COLUMNS:
        for reverse in (False, True):
            order = drain(sort_positions(source, column, reverse))
            view = RowView(source, order)
            assert [r.id for r in view] == [r.id for r in sort_rows(rows, column, reverse)]
    by_title = RowView(source, drain(sort_positions(source, "title", False)))
    for base, listed in ((RowView(source), rows), (by_title, sort_rows(rows, "title", False))):
        queries = (("alpha", None), ("report 3", None), ("war", None), ("", "Nato"), ("6 r", None))
        for query, actor in queries:
            found: list[int] = []
            drain(filter_positions(base, found, query.split(), actor=actor))
            want = filter_rows(listed, query, actor=actor)
            assert [r.id for r in RowView(source, found)] == [r.id for r in want]
            assert want or not found


@run_async
async def test_the_library_screen_sorts_and_filters_in_slices(library: Path, monkeypatch) -> None:
    monkeypatch.setattr(LibraryScreen, "AT_ONCE", 0)  # every job in slices, as at 1M rows
    monkeypatch.setattr(LibraryScreen, "SLICE", 0.0)  # one step per slice
    app = app_for(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(ArticleTable)
        rows = rows_from_columns(Library(library).article_columns(), {})
        assert [r.id for r in table.rows] == [r.id for r in rows]
        await pilot.press("s")  # date -> source
        while screen._jobs.get("view"):
            await pilot.pause(0.01)
        assert [r.id for r in table.rows] == [r.id for r in sort_rows(rows, "source", False)]
        await pilot.press("slash", *"gamma 3")
        while screen._jobs.get("view"):
            await pilot.pause(0.01)
        want = filter_rows(sort_rows(rows, "source", False), "gamma 3")
        assert want and [r.id for r in table.rows] == [r.id for r in want]
        assert f"{len(want)} shown" in str(screen.query_one("#library-header").render())


@run_async
async def test_without_a_snapshot_a_thread_reads_the_index_while_keys_answer(
    library: Path, monkeypatch
) -> None:
    """No snapshot (lost, old or damaged) and a large articles.json: the screen shows progress
    and takes keys while a thread reads the index, then shows the rows (the filter typed
    meanwhile applied) and the snapshot is written again."""
    import threading

    monkeypatch.setattr(article_index, "QUICK_BYTES", 0)  # every articles.json counts as large
    snapshot = Library(library).cache_dir / "articles.cache"
    snapshot.unlink()
    gate, reading = threading.Event(), []
    real = Session.build_snapshot

    def held(self):  # the read waits for the test: "long work"
        reading.append(threading.current_thread().name)
        assert gate.wait(60), "the read was never let go"
        return real(self)

    monkeypatch.setattr(Session, "build_snapshot", held)
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(ArticleTable)
        header = screen.query_one("#library-header")
        assert screen._reading and "reading the index" in str(header.render())
        assert screen.query_one("#first-run").display and len(table.rows) == 0
        await pilot.press("slash", *"gamma 3", "enter")  # keys answer while the thread reads
        assert screen.query_one("#filter").value == "gamma 3"
        assert reading and threading.main_thread().name not in reading
        gate.set()
        while screen._reading:
            await pilot.pause(0.01)
        await settle(pilot)
        rows = rows_from_columns(Library(library).article_columns(), {})
        want = filter_rows(rows, "gamma 3")
        assert want and [r.id for r in table.rows] == [r.id for r in want]
        assert not screen.query_one("#first-run").display
        assert "reading" not in str(header.render()) and f"{len(want)} shown" in str(
            header.render()
        )
    assert snapshot.exists()  # the thread's read wrote the snapshot again


@run_async
async def test_q_quits_while_the_index_is_read(library: Path, monkeypatch) -> None:
    import threading

    monkeypatch.setattr(article_index, "QUICK_BYTES", 0)
    (Library(library).cache_dir / "articles.cache").unlink()
    gate = threading.Event()
    real = Session.build_snapshot

    def held(self):
        gate.wait(60)
        return real(self)

    monkeypatch.setattr(Session, "build_snapshot", held)
    app = app_for(library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen._reading
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running  # quit at once, the read still held
    finally:
        gate.set()


def refuse_lookup(root: Path, monkeypatch) -> None:
    """No lookup database, and building one fails the test."""
    from reader.library.lookup import Lookup

    (Library(root).cache_dir / "lookup.sqlite").unlink()

    def refused(*_args, **_kwargs):
        raise AssertionError("the lookup was built")

    monkeypatch.setattr(Lookup, "sync", refused)


@run_async
async def test_opening_an_article_needs_no_lookup_database(tmp_path: Path, monkeypatch) -> None:
    """The lookup (lookup.sqlite, built from every row: minutes at 1,000,000 articles) is not
    built to open an article: its row comes from the columns the library screen holds."""
    from test_tui_support import add_article, open_article

    root = tmp_path / "lib"
    ids = [add_article(root, f"Text number {n}.", title=f"Title {n}") for n in range(3)]
    for article_id in ids:  # no cached analysis: it is made on open, with the row's language
        (Library(root).article_dir(article_id) / "analysis.json").unlink()
    refuse_lookup(root, monkeypatch)
    app = app_for(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        first = table.rows[1].id
        screen = await open_article(pilot, 1)
        assert screen.article_id == first and screen.meta.title == f"Title {ids.index(first)}"
        assert not screen.session.analysis_errors and screen.raw_analysis.sentences
    assert not (Library(root).cache_dir / "lookup.sqlite").exists()


def test_a_process_of_its_own_rebuilds_the_snapshot(library: Path, monkeypatch) -> None:
    """What the screen's thread waits for: another process reads articles.json and writes the
    snapshot; the columns then come from it without a read of articles.json here."""
    monkeypatch.setattr(article_index, "QUICK_BYTES", 0)
    snapshot = Library(library).cache_dir / "articles.cache"
    snapshot.unlink()
    session = Session(library)
    assert session.quick_row_source() is None  # a read of articles.json whole is needed
    session.snapshot_damaged()  # as after a chunk failed its check: the file is distrusted

    def refused(self, store=None):
        raise AssertionError("articles.json read in this process")

    want = list(Library(library).article_columns().ids)
    snapshot.unlink()  # (that read wrote one: the process must write its own)
    assert session.build_snapshot() and snapshot.exists()
    monkeypatch.setattr(article_index.ArticleIndex, "stored_rows", refused)
    source = session.quick_row_source()
    assert source is not None and list(source.columns.ids) == want


async def _confirm(pilot, screen, status) -> None:
    await to_quote(pilot, screen, "waited long enough")
    await pilot.press("c")
    await settle(pilot)
    assert "confirmed" in status()


async def _reject(pilot, screen, status) -> None:
    await to_quote(pilot, screen, "Nobody asked")
    await pilot.press("x")
    await settle(pilot)
    assert "rejected" in status()


async def _speaker_and_kind(pilot, screen, status) -> None:
    await to_quote(pilot, screen, "cost far too much")
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *"Ada Quill", "enter")
    await settle(pilot)
    assert "speaker: Ada Quill" in status()
    await pilot.press("K")
    await pilot.pause()
    await pilot.press(*"reported", "enter")
    await settle(pilot)
    assert "reported" in status()


async def _actor(pilot, screen, status) -> None:
    from reader.widgets.panels import ActorsPanel

    await pilot.press("p")
    await settle(pilot)
    panel = screen.query_one(ActorsPanel)
    panel.highlighted = next(i for i, o in enumerate(panel.options) if o.id == "tom-birch")
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("tab", "tab", *"Clara V", "right", "ctrl+s")
    await settle(pilot)
    assert "tom-birch" not in {a.id for a in screen.analysis.actors}


async def _export(pilot, screen, status) -> None:
    await pilot.press("e")
    await settle(pilot)
    exported = list((screen.session.root / "exports").glob("*.md"))
    assert len(exported) == 1 and "river bridge" in exported[0].read_text("utf-8")


async def _tag_and_unread(pilot, screen, status) -> None:
    await pilot.press("t")
    await settle(pilot)
    await pilot.press(*"frame", "enter")
    await settle(pilot)
    await pilot.press("U")
    await settle(pilot)
    store = Library(screen.session.root).annotations
    assert store.article_tags(screen.article_id) == ["frame"]
    assert not store.summaries()[screen.article_id].read


@pytest.mark.parametrize(
    "action", [_confirm, _reject, _speaker_and_kind, _actor, _export, _tag_and_unread]
)
@run_async
async def test_actions_on_an_open_article_need_no_lookup_database(
    tmp_path: Path, monkeypatch, action
) -> None:
    """Corrections, export, tags and the read mark on an open article take its row from the
    columns the screen holds: the lookup database (minutes to build at 1,000,000 articles, on
    the UI thread) is not built for them."""
    from test_tui_support import add_article, open_article

    root = tmp_path / "lib"
    article_id = add_article(root, BODY, title="Council approves the river bridge")
    add_article(root, "Another text.", title="Another")
    refuse_lookup(root, monkeypatch)
    app = app_for(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        screen = await open_article(pilot, [r.id for r in table.rows].index(article_id))
        await action(pilot, screen, lambda: status_line(screen))
        assert not app.workers._workers or all(w.error is None for w in app.workers)
    assert not (Library(root).cache_dir / "lookup.sqlite").exists()
