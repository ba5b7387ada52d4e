"""Library-wide tag queries through the per-tag-root notes cache: same answers as reading every
file, files opened only when their cache rows are stale, changes by other processes seen."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from annotations import tagnotes
from annotations.anchors import find_passage, make_anchor
from annotations.store import AnnotationStore
from annotations.tags import any_matches

TEXT = "Die Ministerin sagte, man werde helfen. Kritiker nannten das zu wenig."
TAGS = ["frame/war", "frame/risk", "Frame/War/Air", "topic/eu", "topic", "solo"]
QUERIES = ["frame", "FRAME/war", "frame/war/air", "topic", "topic/eu", "solo", "Politik", "x"]


def settle(root: Path) -> None:
    """Back-date every file and folder, as if written an hour ago (no longer "racy")."""
    past = time.time() - 3600
    for path in [root, *root.rglob("*")]:
        os.utime(path, (past, past))


def expected(store: AnnotationStore, tag: str) -> list[dict]:
    """The answer by brute force: every note, filtered by its tags and its article's tags."""
    keep = [
        n
        for n in store.notes()
        if any_matches(n.tags, tag) or any_matches(store.article_tags(n.article), tag)
    ]
    return [n.to_json() for n in sorted(keep, key=lambda n: (n.article, n.created, n.id))]


def answer(store: AnnotationStore, tag: str) -> list[dict]:
    return [n.to_json() for n in store.notes(tag=tag)]


@pytest.fixture
def library(tmp_path: Path) -> AnnotationStore:
    store = AnnotationStore(tmp_path / "annotations")
    rng = random.Random(3)
    anchor = make_anchor(TEXT, *find_passage(TEXT, "man werde helfen"))
    for i in range(60):
        article = f"{rng.choice('abc')}{rng.choice('de')}{i:04d}"
        store.add_note(
            article,
            f"note {i}",
            passage=anchor if i % 2 else None,
            tags=rng.sample(TAGS, rng.choice((0, 1, 2))),
        )
        if i % 9 == 0:
            store.tag_article(article, ["Politik"])
    settle(store.root)
    return store


def test_answers_match_reading_every_file(library: AnnotationStore) -> None:
    for tag in QUERIES:
        assert answer(AnnotationStore(library.root), tag) == expected(library, tag), tag
    assert list(library.root.glob("notes-*.cache"))  # roots were cached on the way


def test_settled_articles_come_from_the_cache_not_their_files(library, monkeypatch) -> None:
    want = expected(library, "frame")
    for cache in library.root.glob("notes-*.cache"):
        cache.unlink()

    def opened_by(store: AnnotationStore) -> list[str]:
        opened: list[str] = []
        real = store.files.read
        monkeypatch.setattr(store.files, "read", lambda a: (opened.append(a), real(a))[1])
        assert answer(store, "frame") == want
        return opened

    tagged = {n["article"] for n in want}
    assert set(opened_by(AnnotationStore(library.root))) == tagged  # no cache: every file
    assert opened_by(AnnotationStore(library.root)) == []  # then: none
    whole = AnnotationStore(library.root)  # articles tagged as a whole are read from their files
    politik = {a for a, s in whole.summaries().items() if "Politik" in s.tags}
    opened: list[str] = []
    real = whole.files.read
    monkeypatch.setattr(whole.files, "read", lambda a: (opened.append(a), real(a))[1])
    assert answer(whole, "Politik") == expected(library, "Politik") and set(opened) == politik


def test_changes_by_another_process_are_seen(library: AnnotationStore) -> None:
    reader = AnnotationStore(library.root)
    assert answer(reader, "frame/war") == expected(library, "frame/war")
    other = AnnotationStore(library.root)  # "another process": its own store object and caches
    victim = next(
        n for n in other.notes(tag="frame/war") if "Politik" not in other.article_tags(n.article)
    )
    other.edit_note(victim.id, tags=["topic/eu"])
    added = other.add_note(victim.article, "new one", tags=["frame/war/air"])
    other.delete_note(next(n.id for n in other.notes(tag="frame/risk")))
    for _ in range(2):  # once while the files are fresh ("racy"), once after they settled
        for tag in ("frame/war", "frame", "topic/eu", "frame/risk"):
            got = answer(reader, tag)
            assert got == expected(library, tag), tag
        assert victim.id not in {n["id"] for n in answer(reader, "frame/war")}
        assert added.id in {n["id"] for n in answer(reader, "frame")}
        settle(library.root)


def test_damaged_or_foreign_cache_files_are_ignored_and_rebuilt(library) -> None:
    want = expected(library, "topic")
    AnnotationStore(library.root).notes(tag="topic")
    cache = AnnotationStore(library.root).files.tag_notes.path("topic")
    for junk in (b"", b"\x00garbage", cache.read_bytes()[:40]):
        cache.write_bytes(junk)
        assert answer(AnnotationStore(library.root), "topic") == want
    import marshal

    from reader.base.derived import seal, unseal

    sig = AnnotationStore(library.root).files.entries()[want[0]["article"]]["sig"]
    for part in ({want[0]["article"]: 5}, {want[0]["article"]: (sig, ((1, 2),))}, 7):
        for data in (
            marshal.dumps((tagnotes.VERSION, "topic", part)),
            seal(tagnotes.MADE_FROM, marshal.dumps((tagnotes.VERSION, "topic", part))),
        ):
            cache.write_bytes(data)
            assert answer(AnnotationStore(library.root), "topic") == want
    foreign = marshal.dumps(((0, "other-python"), "topic", {"zz": ([1], ())}))
    cache.write_bytes(seal(tagnotes.MADE_FROM, foreign))
    assert answer(AnnotationStore(library.root), "topic") == want
    payload = unseal(cache.read_bytes(), tagnotes.MADE_FROM)
    assert payload is not None and marshal.loads(payload)[0] == tagnotes.VERSION  # rewritten


def test_removed_articles_leave_the_cache(library: AnnotationStore) -> None:
    store = AnnotationStore(library.root)
    store.notes(tag="frame")
    gone = store.notes(tag="frame")[0].article
    store.delete_article(gone)
    settle(library.root)
    assert gone not in {n["article"] for n in answer(store, "frame")}
    assert answer(AnnotationStore(library.root), "frame") == expected(library, "frame")
