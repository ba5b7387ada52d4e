"""Every test gets its own library in a temp dir: the user's real data is never touched."""

from __future__ import annotations

import os
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
