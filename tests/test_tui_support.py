"""Helpers for the TUI tests (no tests here): a sample library built once, copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.app import make_app

SIZE = (120, 40)


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples imported once through the real ingest driver."""
    from reader.library.ingest import import_paths
    from reader.library.store import Library

    root = tmp_path_factory.mktemp("template") / "library"
    report = import_paths(Library(root, create=True), [], samples=True)
    assert report.imported and not report.errors
    return root


@pytest.fixture
def samples_dir_copy(sample_template: Path, tmp_path: Path) -> Path:
    """A private copy of the sample library for one test."""
    dest = tmp_path / "lib"
    shutil.copytree(sample_template, dest)
    return dest


def app_for(root: Path):
    """The app exactly as the CLI builds it, without the 2 s annotation poll."""
    return make_app(root, poll_interval=0)


async def settle(pilot) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def add_article(root: Path, text: str, title: str = "A test article", **fields) -> str:
    """Store an article through the real Library API; returns its id."""
    from reader.library.models import ParsedArticle
    from reader.library.store import Library

    parsed = ParsedArticle(text=text, title=title, lang=fields.pop("lang", "en"), **fields)
    _status, meta = Library(root, create=True).add(parsed, text.encode("utf-8"), "test.txt")
    return meta.id


def run_async(func):
    """Run an ``async def`` test with asyncio.run (no async pytest plugin is needed)."""
    import asyncio
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return asyncio.run(func(*args, **kwargs))

    return wrapper
