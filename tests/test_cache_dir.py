"""Issue 14 item 16: derived caches live outside the library folder, one folder per library."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader import paths
from reader.importing.models import ParsedArticle
from reader.library.store import Library


def _add(lib: Library, n: int) -> str:
    text = f"Paragraph {n} of a made-up story.\n\nThe second paragraph says more about {n}."
    _status, meta = lib.add(
        ParsedArticle(text=text, title=f"Story {n}", lang="en"), text.encode(), "a.txt"
    )
    return meta.id


def test_cache_dir_is_per_library_under_reader_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "c"))
    lib = tmp_path / "x" / ".." / "lib"
    key = hashlib.sha256(str(lib.resolve()).encode()).hexdigest()[:16]
    assert paths.cache_dir(lib) == tmp_path / "c" / key
    assert paths.cache_dir(tmp_path / "lib") == paths.cache_dir(lib)  # the resolved path counts
    assert paths.cache_dir(tmp_path / "other") != paths.cache_dir(lib)
    assert not (tmp_path / "c").exists()  # asking never creates it


def test_cache_dir_defaults_to_the_user_cache_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("READER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    found = paths.cache_dir(tmp_path / "lib")
    assert found.parent == tmp_path / "xdg-cache" / "reader" and len(found.name) == 16


def test_the_library_folder_holds_no_cache(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = Library(root, create=True)
    ids = [_add(lib, n) for n in range(3)]
    lib.annotations.tag_article(ids[0], ["frame/war"])
    lib.annotations.add_note(ids[1], "a note", tags=["frame/peace"])
    fresh = Library(root)
    assert [a.id for a in fresh.articles()]
    assert fresh.annotations.summaries() and fresh.annotations.notes(tag="frame")
    fresh.annotations.summaries()
    cached = {p.name for p in lib.cache_dir.rglob("*.cache")}
    assert "summary.cache" in cached
    assert not list(root.rglob("*.cache")), "a derived cache was written into the library"


def test_old_in_library_caches_are_removed_and_not_problems(tmp_path: Path) -> None:
    from reader.library.doctor import check_library

    root = tmp_path / "lib"
    lib = Library(root, create=True)
    _add(lib, 1)
    old = [root / "articles.cache", root / "annotations" / "summary.cache"]
    old.append(root / "annotations" / "notes-0123456789abcdef.cache")
    for path in old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"left by an older reader")
    report = check_library(root)
    assert not report.problems
    assert not any("not in the index" in line for line in report.lines)
    Library(root, create=True)  # a writer opens it: the old caches go
    assert not any(path.exists() for path in old)
    assert [a.title for a in Library(root).articles()] == ["Story 1"]
