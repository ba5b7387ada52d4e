"""The article store: ids and prefixes, dedupe, ordering, corrections, removal, the index file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_cli_support import distinct

from annotations.storage import StorageError
from reader.importing.models import ParsedArticle
from reader.library.store import Library, LibraryError, tag_matches, unique_id


def parsed(text: str, **kw) -> ParsedArticle:
    return ParsedArticle(text=text, **kw)


def body(n: int) -> str:
    return distinct(
        "Story number one. The minister said the plan would go ahead.\n\n"
        "\u201eWir sind bereit\u201c, sagte die Sprecherin am Abend.",
        n,
    )


def test_add_gives_sha_prefix_id_and_keeps_files(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    original = b"raw bytes of the first story"
    status, meta = lib.add(parsed(body(1), title="First", format="txt"), original, "a.txt")
    assert status == "imported"
    assert meta.id == hashlib.sha256(original).hexdigest()[:8]
    assert lib.text(meta.id) == body(1)
    assert lib.original(meta.id) == (original, "txt")
    assert Library(tmp_path / "lib").get(meta.id).title == "First"  # persisted


def test_same_bytes_or_same_content_is_a_duplicate(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    _, first = lib.add(parsed(body(1), title="T"), b"one", "a.txt")
    status, meta = lib.add(parsed(body(1), title="T"), b"one", "b.txt")
    assert (status, meta.id) == ("duplicate", first.id)
    # different bytes (say HTML vs text) but the same words in another layout and case
    status, meta = lib.add(
        parsed(body(1).upper().replace("\n\n", "\n"), format="html"),
        b"<p>other bytes</p>",
        "a.html",
    )
    assert (status, meta.id) == ("duplicate", first.id)
    assert len(lib.articles()) == 1


def test_duplicates_inside_one_batch(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    results = lib.add_many([(parsed(body(1)), b"x", "a.txt"), (parsed(body(1)), b"x", "b.txt")])
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[0].meta is not None and results[1].meta is not None
    assert results[0].meta.id == results[1].meta.id


def test_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    _, meta = lib.add(parsed(body(2)), b"2", "some/folder/notes-2024.txt")
    assert meta.title == "notes-2024.txt"


def test_unique_id_grows_past_a_collision() -> None:
    sha = "abcdef0123456789" * 4
    assert unique_id(sha, lambda p: False) == "abcdef01"
    assert unique_id(sha, lambda p: p == "abcdef01") == "abcdef012"


def make_many(lib: Library, n: int) -> list[str]:
    results = lib.add_many((parsed(body(i)), f"bytes {i}".encode(), f"{i}.txt") for i in range(n))
    return [r.meta.id for r in results if r.meta is not None]


def test_prefix_resolution_unique_ambiguous_unknown(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    ids = make_many(lib, 20)
    for full in ids:
        assert lib.resolve(full[:6]) == full or sum(i.startswith(full[:6]) for i in ids) > 1
        assert lib.resolve(full.upper()) == full
    by_first: dict[str, list[str]] = {}
    for full in ids:
        by_first.setdefault(full[0], []).append(full)
    shared = next(group for group in by_first.values() if len(group) > 1)  # 20 ids, 16 digits
    with pytest.raises(LibraryError) as exc:
        lib.resolve(shared[0][0])
    assert "ambiguous" in str(exc.value)
    assert all(i in str(exc.value) for i in shared)
    free = next(c for c in "0123456789abcdef" if c not in by_first)
    with pytest.raises(LibraryError, match=f"no article with id {free}"):
        lib.resolve(free)
    with pytest.raises(LibraryError, match="no article with id zz"):
        lib.resolve("zz")
    with pytest.raises(LibraryError):
        lib.resolve("")


def test_articles_newest_first_by_date_then_added(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    lib.add(parsed(body(1), title="old", date="2020-01-01"), b"1", "1.txt")
    lib.add(parsed(body(2), title="undated"), b"2", "2.txt")
    lib.add(parsed(body(3), title="new", date="2024-05-01"), b"3", "3.txt")
    lib.add(parsed(body(4), title="new too, added later", date="2024-05-01"), b"4", "4.txt")
    titles = [m.title for m in lib.articles()]
    assert titles == ["new too, added later", "new", "old", "undated"]


def test_edit_normalises_and_validates(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    _, meta = lib.add(parsed(body(1), title="Wrong", date="2020-01-01"), b"1", "1.txt")
    edited = lib.edit(meta.id[:5], title="  Right \x1b[31mtitle ", date="12.01.2022", source="")
    assert (edited.title, edited.date, edited.source) == ("Right title", "2022-01-12", None)
    assert edited.edited == {"title": "Right title", "date": "2022-01-12", "source": None}
    with pytest.raises(LibraryError, match="not a date"):
        lib.edit(meta.id, date="someday soon")
    with pytest.raises(LibraryError, match="title"):
        lib.edit(meta.id, title="   ")
    assert lib.get(meta.id).title == "Right title"


def test_rows_are_compact_and_reload(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    _, meta = lib.add(parsed(body(1), title="T"), b"1", "1.txt")
    lib.index.fold()  # (a small library's base is folded at every write anyway)
    data = json.loads((tmp_path / "lib" / "articles.json").read_text())
    row = data["articles"][meta.id]
    assert "id" not in row and "url" not in row and "edited" not in row  # empty fields dropped
    assert Library(tmp_path / "lib").get(meta.id) == lib.get(meta.id)


def test_a_corrupt_index_is_reported_never_overwritten(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    lib.add(parsed(body(1)), b"1", "1.txt")
    index = tmp_path / "lib" / "articles.json"
    index.write_text('{"articles": {"abc', encoding="utf-8")
    fresh = Library(tmp_path / "lib")
    with pytest.raises(StorageError) as exc:
        fresh.articles()
    assert "articles.json" in str(exc.value) and "copy" in str(exc.value)
    with pytest.raises(StorageError):
        fresh.add(parsed(body(2)), b"2", "2.txt")
    assert index.read_text(encoding="utf-8") == '{"articles": {"abc'


def test_a_missing_library_reads_as_empty_and_is_not_created(tmp_path: Path) -> None:
    lib = Library(tmp_path / "nothing")
    assert lib.articles() == [] and not lib.exists()
    with pytest.raises(LibraryError):
        lib.get("abc")
    assert lib.search("word") == []
    assert not (tmp_path / "nothing").exists()


def test_search_needs_every_word_and_ignores_case(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    _, a = lib.add(parsed("Alpha beta.\n\nGamma delta.", title="One"), b"1", "1.txt")
    lib.add(parsed("Alpha only here.", title="Two"), b"2", "2.txt")
    hits = lib.search("ALPHA gamma")
    assert [h.article.id for h in hits] == [a.id]
    assert [n for n, _ in hits[0].lines] == [0, 1]
    assert len(lib.search("alpha")) == 2
    assert lib.search("alpha missingword") == []


def test_tag_matching_is_caseless_and_hierarchical() -> None:
    assert tag_matches("Frame/Conflict", "frame")
    assert tag_matches("frame", "FRAME")
    assert not tag_matches("framework", "frame")


def test_snapshot_matches_the_index_and_a_stale_one_is_ignored(tmp_path: Path, monkeypatch) -> None:
    from reader.library import article_index

    monkeypatch.setattr(article_index, "SNAPSHOT_FROM", 1)
    lib = Library(tmp_path / "lib", create=True)
    _, meta = lib.add(parsed(body(1), title="T", tags=["x"]), b"1", "1.txt")
    lib.add(parsed(body(2), title="U", date="2021-03-04"), b"2", "2.txt")
    snapshot = lib.cache_dir / "articles.cache"
    assert Library(tmp_path / "lib").articles() == lib.articles()  # saves the snapshot
    assert snapshot.exists() and not (tmp_path / "lib" / "articles.cache").exists()
    stale = snapshot.read_bytes()
    lib.edit(meta.id, title="Changed")
    snapshot.write_bytes(stale)  # a snapshot of an older index must not be believed
    assert Library(tmp_path / "lib").get(meta.id).title == "Changed"
    snapshot.write_bytes(b"garbage")
    assert Library(tmp_path / "lib").get(meta.id).title == "Changed"
