"""The article library: index of articles (TinyDB), original bytes and clean text on disk.

STUB: the library/CLI helper replaces the bodies; signatures are the agreed API.
Layout under the library dir: ``articles.json`` (TinyDB index, atomic storage, locked),
``articles/<id[:2]>/<id>/original.<ext>`` + ``text.txt``, ``annotations/`` (AnnotationStore).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .models import ArticleMeta, ParsedArticle


class LibraryError(Exception):
    """One-line user-facing problem: unknown id, ambiguous prefix (lists candidates), ..."""


class Library:
    def __init__(self, root: Path, *, create: bool = False) -> None: ...
    @property
    def annotations(self): ...  # -> annotations.store.AnnotationStore
    def exists(self) -> bool: ...  # holds reader data?
    def add(self, parsed: ParsedArticle, original: bytes, name: str) -> tuple[str, ArticleMeta]:
        """Store one article. Returns ("imported"|"duplicate", meta)."""
    def add_many(self, items: Iterable[tuple[ParsedArticle, bytes, str]]): ...
    def resolve(self, prefix: str) -> str: ...  # full id, or LibraryError
    def get(self, prefix: str) -> ArticleMeta: ...
    def text(self, article_id: str) -> str: ...
    def articles(self, tag: str | None = None) -> list[ArticleMeta]: ...  # newest first
    def remove(self, ids: Iterable[str], *, with_notes: bool = False) -> list[str]: ...
    def edit(self, article_id: str, **fields) -> ArticleMeta: ...
    def reimport(self, ids: Iterable[str] | None = None): ...
    def search(self, query: str, limit: int | None = None): ...
