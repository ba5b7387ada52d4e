"""Every test gets its own library in a temp dir: the user's real data is never touched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader import paths

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "library"
    monkeypatch.setenv("READER_HOME", str(home))
    # derived caches (index snapshot, annotation summaries) never go to the user's cache folder
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths.set_library_dir(None)
    yield home
    paths.set_library_dir(None)


@pytest.fixture
def library_dir(_isolated_library: Path) -> Path:
    """The temp library folder this test runs against (not created yet)."""
    return _isolated_library


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repo. CI always has it, so there its absence is a failure, not a
    silent skip; on a developer's machine without it, the tests that need it are skipped
    (and listed: pytest runs with -rs)."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI must run with ../shared beside the repository")
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def seed_bytes(shared_dir: Path) -> bytes:
    return (shared_dir / "seed" / "sna-nato-russland-2022-01-12.txt").read_bytes()


# ---- the TUI tests' libraries ----------------------------------------------------------------
@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples imported once through the real ingest driver."""
    from reader.library.ingest import import_paths
    from reader.library.store import Library

    root = tmp_path_factory.mktemp("template") / "library"
    with pytest.MonkeyPatch.context() as env:  # made before any test's own temp folders
        env.setenv("READER_CACHE", str(tmp_path_factory.mktemp("template-cache")))
        report = import_paths(Library(root, create=True), [], samples=True)
    assert report.imported and not report.errors
    return root


@pytest.fixture
def samples_dir_copy(sample_template: Path, tmp_path: Path) -> Path:
    """A private copy of the sample library for one test."""
    dest = tmp_path / "lib"
    shutil.copytree(sample_template, dest)
    return dest


@pytest.fixture
def fixed_library(tmp_path: Path) -> Path:
    """Three hand-written articles with a fixed analysis, tags and a note, built through the
    library's index transaction and the annotation store."""
    import hashlib

    from test_tui_support import SNAPSHOT_ARTICLES, _analysis_for, _span

    from annotations.anchors import make_anchor
    from reader.library.analysis_cache import analysis_to_json, sealed_cache
    from reader.library.models import ArticleMeta
    from reader.library.store import Library

    root = tmp_path / "fixed"
    library = Library(root, create=True)
    ids = []
    with library.index.transaction() as txn:
        for i, (title, source, date, lang, text) in enumerate(SNAPSHOT_ARTICLES):
            digest = hashlib.sha256(text.encode()).hexdigest()
            analysis = _analysis_for(text)
            meta = ArticleMeta(
                id=digest[:8],
                sha256=digest,
                title=title,
                date=date,
                source=source,
                url=None,
                lang=lang,
                format="txt",
                file=f"a{i}.txt",
                added=f"2024-06-0{i + 1}T00:00:00",
                content_key=digest,
                words=len(text.split()),
                quotes=analysis.quote_count(),
                actors=[a.name for a in analysis.actors],
            )
            folder = library.article_dir(meta.id)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "text.txt").write_text(text, encoding="utf-8")
            (folder / "original.txt").write_text(text, encoding="utf-8")
            (folder / "analysis.json").write_bytes(
                sealed_cache(analysis_to_json(analysis), text.encode("utf-8"))
            )
            txn.put(meta)
            ids.append((meta.id, text))
    store = library.annotations
    store.tag_article(ids[0][0], ["diplomacy", "frame/conflict"])
    text = ids[0][1]
    start, end = _span(text, '"Nobody expected this,"')
    store.add_note(ids[0][0], "Surprise as a frame", passage=make_anchor(text, start, end))
    return root
