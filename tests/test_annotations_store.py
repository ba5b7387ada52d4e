"""The annotation store: notes, ids, tags, state, orphans, re-anchoring, corrupt files, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.anchors import find_passage, make_anchor
from annotations.store import AnnotationStore, StoreError

TEXT = "Die Ministerin sagte, man werde helfen. Kritiker nannten das zu wenig."


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations")


def test_reading_never_creates_the_folder(store: AnnotationStore) -> None:
    assert store.notes() == [] and store.summaries() == {} and store.tag_counts() == {}
    assert store.article_tags("abc123") == [] and store.notes("abc123") == []
    store.untag_article("abc123", ["x"])  # a no-op is not a write
    store.set_state("abc123", read=False)
    assert not store.root.exists()


def test_add_get_edit_delete_with_prefixes(store: AnnotationStore) -> None:
    anchor = make_anchor(TEXT, *find_passage(TEXT, "man werde helfen"))
    note = store.add_note("abc123", "wichtig", anchor, tags=["Quote"])
    assert note.id.startswith("n") and len(note.id) == 13
    got = store.get_note(note.id[:5])
    assert got == note and got.passage.exact == "man werde helfen"
    edited = store.edit_note(note.id[:6], text="sehr wichtig", tags=["quote", "frame"])
    assert edited.text == "sehr wichtig" and edited.tags == ["quote", "frame"]
    assert edited.updated > note.updated and edited.created == note.created
    # a second store object (another process) sees it
    assert AnnotationStore(store.root).get_note(note.id).text == "sehr wichtig"
    store.delete_note(note.id)
    with pytest.raises(StoreError, match="no note with id"):
        store.get_note(note.id)


def test_unknown_and_ambiguous_ids(store: AnnotationStore) -> None:
    ids = [store.add_note("abc123", f"note {i}").id for i in range(40)]
    with pytest.raises(StoreError, match="no note with id 'nzz'"):
        store.get_note("nzz")
    with pytest.raises(StoreError, match="ambiguous") as info:
        store.delete_note("n")
    assert "\n" not in str(info.value) and sorted(ids)[0] in str(info.value)
    assert len(store.notes()) == 40  # nothing deleted


def test_empty_note_and_bad_ids_refused(store: AnnotationStore) -> None:
    with pytest.raises(StoreError, match="empty"):
        store.add_note("abc123", "   ")
    with pytest.raises(StoreError, match="not valid"):
        store.add_note("../../etc", "x")
    with pytest.raises(StoreError, match="empty"):
        store.add_note("abc123", "x", tags=["  "])


def test_note_text_loses_control_characters(store: AnnotationStore) -> None:
    note = store.add_note("abc123", "a\x1b[31mred\x07\r\nline\x9b")
    assert store.get_note(note.id).text == "ared\nline"


def test_note_text_loses_whole_escape_sequences(store: AnnotationStore) -> None:
    """Not just the ESC: an OSC title change and a CSI screen clear leave no litter."""
    note = store.add_note("abc123", "a \x1b]0;pwned\x07 \x1b[2Jx \x1b]8;;http://e.x\x1b\\b\tc")
    assert store.get_note(note.id).text == "a  x b\tc"
    edited = store.edit_note(note.id, text="\x1b[1;31mloud\x1b[0m")
    assert edited.text == "loud"


def test_article_tags_keep_case_compare_without(store: AnnotationStore) -> None:
    assert store.tag_article("abc123", ["Politik", "politik", "EU"]) == ["Politik", "EU"]
    assert store.tag_article("abc123", ["POLITIK"]) == ["Politik", "EU"]
    assert store.untag_article("abc123", ["eu", "absent"]) == ["Politik"]
    assert store.summaries()["abc123"].tags == ["Politik"]


def test_hierarchical_tags_filter_by_parent(store: AnnotationStore) -> None:
    a = store.add_note("abc123", "conflict", tags=["frame/Conflict"])
    store.add_note("abc123", "economy", tags=["frame/economy/jobs"])
    store.add_note("abc123", "other", tags=["framework"])
    store.add_note("def456", "on tagged article")
    store.tag_article("def456", ["Frame/Moral"])
    assert {n.text for n in store.notes(tag="frame")} == {
        "conflict",
        "economy",
        "on tagged article",
    }
    assert [n.id for n in store.notes(tag="FRAME/conflict")] == [a.id]
    assert {n.text for n in store.notes(tag="frame/economy")} == {"economy"}
    assert store.notes(tag="fram") == []
    assert {n.text for n in store.notes("abc123", tag="framework")} == {"other"}


def test_tag_counts_and_rename_merge(store: AnnotationStore) -> None:
    store.tag_article("abc123", ["Frame/Conflict", "Politik"])
    store.tag_article("def456", ["frame/conflict", "Konflikt"])
    store.add_note("abc123", "n", tags=["frame/conflict/war", "Konflikt"])
    assert store.tag_counts() == {
        "frame/conflict": 2,
        "Politik": 1,
        "Konflikt": 2,
        "frame/conflict/war": 1,
    }
    # rename a parent: children follow; merging into an existing tag leaves no duplicate
    changed = store.rename_tag("FRAME/conflict", "Konflikt")
    assert changed == 3
    assert store.article_tags("def456") == ["Konflikt"]
    assert store.article_tags("abc123") == ["Konflikt", "Politik"]
    assert store.notes()[0].tags == ["Konflikt/war", "Konflikt"]
    assert store.tag_counts() == {"Konflikt": 3, "Politik": 1, "Konflikt/war": 1}
    assert store.rename_tag("absent", "x") == 0


def test_state_and_summaries(store: AnnotationStore) -> None:
    store.set_state("abc123", read=True, position=42)
    store.add_note("abc123", "one")
    summary = AnnotationStore(store.root).summaries()["abc123"]
    assert (summary.read, summary.position, summary.notes, summary.orphans) == (True, 42, 1, 0)


def test_reanchor_moves_notes_and_orphans_the_lost(store: AnnotationStore) -> None:
    kept = store.add_note("abc123", "k", make_anchor(TEXT, *find_passage(TEXT, "man werde helfen")))
    lost = store.add_note("abc123", "l", make_anchor(TEXT, *find_passage(TEXT, "zu wenig")))
    general = store.add_note("abc123", "general")
    new = "Vorspann. " + TEXT.replace("Kritiker nannten das zu wenig.", "Kritik blieb aus.")
    notes = {n.id: n for n in store.reanchor("abc123", new)}
    assert notes[kept.id].passage.start == kept.passage.start + 10 and not notes[kept.id].orphan
    assert notes[lost.id].orphan and notes[lost.id].passage.exact == "zu wenig"  # old passage kept
    assert not notes[general.id].orphan
    assert [n.id for n in store.orphans()] == [lost.id]
    assert store.summaries()["abc123"].orphans == 1


def test_removed_article_orphans_then_delete(store: AnnotationStore) -> None:
    store.tag_article("abc123", ["gone"])
    note = store.add_note("abc123", "still mine")
    store.mark_orphans("abc123")
    assert [n.id for n in store.orphans()] == [note.id] and store.get_note(note.id).orphan
    assert "gone" not in store.tag_counts()  # the article is gone; its notes stay listed
    store.reanchor("abc123", TEXT)  # re-imported: back to normal
    assert not store.get_note(note.id).orphan
    store.delete_article("abc123")
    assert store.notes() == [] and "abc123" not in store.summaries()


def test_restore_article_brings_notes_of_a_removed_article_back(store: AnnotationStore) -> None:
    """rm, then the same article imported again: notes orphaned only by the removal return;
    a passage the new text lacks stays an orphan, with its old passage."""
    general = store.add_note("abc123", "on the whole article")
    here = store.add_note("abc123", "k", make_anchor(TEXT, *find_passage(TEXT, "man werde helfen")))
    lost = store.add_note("abc123", "l", make_anchor(TEXT, *find_passage(TEXT, "zu wenig")))
    store.mark_orphans("abc123")
    assert {n.id for n in store.orphans()} == {general.id, here.id, lost.id}
    new = "Vorspann. " + TEXT.replace("zu wenig", "ausreichend")
    restored = store.restore_article("abc123", new)
    assert {n.id for n in restored} == {general.id, here.id}
    assert not store.get_note(general.id).orphan
    assert store.get_note(here.id).passage.start == here.passage.start + len("Vorspann. ")
    assert [n.id for n in store.orphans()] == [lost.id]
    assert store.get_note(lost.id).passage.exact == "zu wenig"
    assert store.summaries()["abc123"].orphans == 1


def test_restore_article_without_annotations_writes_nothing(store: AnnotationStore) -> None:
    assert store.restore_article("abc123", TEXT) == []
    assert not store.root.exists()  # called for every added article: never creates a file
    store.add_note("abc123", "fine")
    token = store.version()

    def text_never_needed() -> str:
        raise AssertionError("text fetched although no note was orphaned")

    assert store.restore_article("abc123", text_never_needed) == []
    assert not store.changed_since(token)
    store.mark_orphans("abc123")
    assert [n.text for n in store.restore_article("abc123", lambda: TEXT)] == ["fine"]


def test_corrupt_article_file_is_reported_and_kept(store: AnnotationStore) -> None:
    store.add_note("abc123", "precious")
    store.add_note("def456", "fine")
    path = store.path("abc123")
    path.write_text('{"notes": {"1": {"id": "n1", "text": "prec')
    fresh = AnnotationStore(store.root)
    problems = fresh.problems()
    assert list(problems) == ["abc123"] and ".corrupt-" in problems["abc123"]
    error = fresh.summaries()["abc123"].error  # the library table still opens, and can say why
    assert str(path) in error and ".corrupt-" in error and "\n" not in error
    assert fresh.summary("abc123").error == error
    with pytest.raises(StoreError, match="unreadable") as info:
        fresh.add_note("abc123", "more")
    assert "\n" not in str(info.value) and ".corrupt-" in str(info.value)
    assert path.read_text() == '{"notes": {"1": {"id": "n1", "text": "prec'
    assert [n.text for n in fresh.notes("def456")] == ["fine"]
    with pytest.raises(StoreError, match="1 annotation file could not be read"):
        fresh.get_note("nzzz")
    # reader doctor's repair: set the file aside, keep it, annotate again
    assert fresh.set_aside("def456") is None  # readable: left alone
    moved = fresh.set_aside("abc123")
    assert moved.read_text() == '{"notes": {"1": {"id": "n1", "text": "prec'
    assert fresh.problems() == {} and fresh.add_note("abc123", "again").text == "again"


def test_old_schema_migrates_newer_is_refused(store: AnnotationStore) -> None:
    path = store.path("abc123")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"notes": {"1": {"id": "nold", "text": "from v0"}}}))
    note = store.get_note("nold")
    assert note.tags == [] and not note.orphan
    store.add_note("abc123", "new")
    data = json.loads(path.read_text())
    assert data["_meta"]["1"]["schema"] == 1 and data["notes"]["1"]["orphan"] is False
    data["_meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer reader"):
        store.add_note("abc123", "x")
    with pytest.raises(StoreError, match="newer reader"):
        store.notes("abc123")


def test_version_changes_on_every_write(store: AnnotationStore) -> None:
    first = store.version()
    note = store.add_note("abc123", "x")
    second = store.version()
    store.edit_note(note.id, text="y")
    assert len({first, second, store.version()}) == 3
    assert store.changed_since(first) and not store.changed_since(store.version())


def _from_scratch(root: Path) -> dict:
    for cache in root.glob("summary.cache"):
        cache.unlink()
    return AnnotationStore(root).summaries()


def test_summary_cache_agrees_with_the_files(store: AnnotationStore, monkeypatch) -> None:
    import random

    import annotations.summary

    monkeypatch.setattr(annotations.summary, "SAVE_AFTER", 0)  # save the cache at every scan
    rng = random.Random(3)
    other = AnnotationStore(store.root)  # a second process, in effect
    articles = [f"{a}{b}x{i}" for a in "ab" for b in "cd" for i in range(5)]
    ids: list[str] = []
    for step in range(150):
        actor = rng.choice([store, other])
        article = rng.choice(articles)
        roll = rng.random()
        if roll < 0.5 or not ids:
            ids.append(actor.add_note(article, f"n{step}", tags=[rng.choice("xyz")]).id)
        elif roll < 0.65:
            actor.delete_note(ids.pop(rng.randrange(len(ids))))
        elif roll < 0.8:
            actor.tag_article(article, [rng.choice(["A", "b/c"])])
        elif roll < 0.9:
            actor.set_state(article, read=True, position=step)
        else:
            actor.delete_article(article)
            ids = [i for i in ids if i in {n.id for n in actor.notes()}]
        if step % 10 == 0:
            assert store.summaries() == other.summaries() == AnnotationStore(store.root).summaries()
    expected = _from_scratch(store.root)
    assert store.summaries() == other.summaries() == expected
    assert sum(s.notes for s in expected.values()) == len(ids) == len(store.notes())


def test_damaged_summary_cache_is_rebuilt(store: AnnotationStore) -> None:
    store.add_note("abc123", "x", tags=["t"])
    store.summaries()
    import marshal

    from annotations.summary import MADE_FROM
    from reader.base.derived import seal, unseal

    cache = store.root / "summary.cache"
    good = cache.read_bytes()
    foreign = marshal.loads(unseal(good, MADE_FROM))
    foreign["version"] = (5, "another-python")
    foreign["rows"]["abc123"] = (["wrong"], True)
    for junk in (
        b"{garbage",
        b"",
        good[: len(good) // 2],
        marshal.dumps([1, 2]),
        seal(MADE_FROM, marshal.dumps([1, 2])),
        seal(MADE_FROM, marshal.dumps(foreign)),
        marshal.dumps(foreign),
    ):
        cache.write_bytes(junk)
        fresh = AnnotationStore(store.root)
        assert fresh.summaries()["abc123"].notes == 1 and len(fresh.notes(tag="t")) == 1
        assert fresh.summaries()["abc123"].tags == []


def test_cache_skips_unchanged_shards_but_sees_changed_ones(store: AnnotationStore) -> None:
    import os
    import time

    for article in ("aa01", "aa02", "bb01"):
        store.add_note(article, "x")
    past = time.time() - 3600
    for path in [*store.root.rglob("*.json"), *store.root.iterdir()]:
        os.utime(path, (past, past))  # an old library: nothing is racy any more
    (store.root / "summary.cache").unlink(missing_ok=True)
    assert AnnotationStore(store.root).summaries()["aa01"].notes == 1  # cache saved, not racy
    AnnotationStore(store.root).add_note("aa02", "from elsewhere")
    AnnotationStore(store.root).delete_article("bb01")
    fresh = AnnotationStore(store.root).summaries()
    assert (fresh["aa01"].notes, fresh["aa02"].notes, "bb01" in fresh) == (1, 2, False)


def test_threads_of_one_app_share_a_store(store: AnnotationStore) -> None:
    import threading

    errors: list[BaseException] = []

    def add(who: str) -> None:
        try:
            for i in range(30):
                store.add_note(f"ab{i % 3}", f"{who} {i}", tags=[who])
                store.summaries()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(w,)) for w in ("x", "y", "z")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.notes()) == 90 and len(AnnotationStore(store.root).notes(tag="y")) == 30
    assert sum(s.notes for s in store.summaries().values()) == 90


def test_cache_entries_of_vanished_shards_are_dropped(store: AnnotationStore) -> None:
    import shutil

    store.add_note("zz01", "x")
    store.add_note("aa01", "y")
    store.summaries()
    import marshal

    from annotations.summary import MADE_FROM
    from reader.base.derived import seal, unseal

    cache = marshal.loads(unseal((store.root / "summary.cache").read_bytes(), MADE_FROM))
    del cache["shards"]["zz"]  # a cache that never saw the shard folder ...
    (store.root / "summary.cache").write_bytes(seal(MADE_FROM, marshal.dumps(cache)))
    shutil.rmtree(store.root / "zz")  # ... which is then removed by hand
    assert set(AnnotationStore(store.root).summaries()) == {"aa01"}
