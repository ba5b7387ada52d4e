"""Each article's folder: the bytes as imported, the clean text and the analysis cache.

Why a module of its own: the store (store.py), the import batch (batch.py), reimport and doctor
all read and write these files; they share this one object instead of reaching back into the
store, so none of them needs to import it.

Layout: ``ROOT/articles/<id[:2]>/<id>/`` holds ``original.EXT``, ``text.txt`` and
``analysis.json`` (a derived file, checked against ``text.txt`` before use: analysis_cache.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reader.base.atomic import atomic_write_bytes

from .article_index import LibraryError

# In a folder an import batch has written but not yet listed in the index (removed at the
# commit that lists it): such a folder is in flight, not a witness that the index was lost.
PENDING = ".pending"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class ArticleFolders:
    """The article folders under one library root."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._articles = self.root / "articles"

    def path(self, article_id: str) -> Path:
        # one join, not three: an import asks for each new article's folder several times
        return self._articles.joinpath(article_id[:2], article_id)

    def text(self, article_id: str) -> str:
        try:
            return (self.path(article_id) / "text.txt").read_text(encoding="utf-8")
        except OSError as exc:
            raise LibraryError(
                f"article {article_id}: text unreadable ({exc.strerror or exc}); run reader doctor"
            ) from None

    def original(self, article_id: str) -> tuple[bytes, str]:
        """The bytes as imported and their extension."""
        for path in sorted(self.path(article_id).glob("original.*")):
            return path.read_bytes(), path.suffix.lstrip(".")
        raise LibraryError(f"article {article_id}: original file missing; run reader doctor")

    def write(
        self,
        article_id: str,
        original: bytes,
        ext: str,
        text: str,
        cache: bytes | dict[str, Any] | None,
        *,
        fresh: bool,
    ) -> list[Path]:
        """The article's files. A folder this call creates is in no index yet, so nobody can
        read a half-written file there and plain writes do: their paths are returned, and the
        caller makes them durable, all at once, before the index commit that lists them
        (batch.py). A folder that exists (reimport, or another process importing the same
        article) is updated file by file with atomic replaces (durable when this returns)."""
        from .analysis_cache import sealed_cache

        directory = self.path(article_id)
        if fresh:
            try:
                _new_folder(directory)
                _create(directory / PENDING, b"")  # not listed yet: no witness of a lost index
            except FileExistsError:
                fresh = False
        if not fresh:
            directory.mkdir(parents=True, exist_ok=True)
        body = text.encode("utf-8")
        files = [(f"original.{ext}", original), ("text.txt", body)]
        if cache is not None:
            sealed = cache if isinstance(cache, bytes) else sealed_cache(cache, body)
            files.append(("analysis.json", sealed))
        else:
            (directory / "analysis.json").unlink(missing_ok=True)
        written: list[Path] = []
        for name, data in files:
            if fresh:
                _create(directory / name, data)
                written.append(directory / name)
            else:
                atomic_write_bytes(directory / name, data)
        return written


def _new_folder(directory: Path) -> None:
    """``directory``, created (FileExistsError if it is there); its parent too if need be
    (one system call for an import's article once its parent exists)."""
    try:
        os.mkdir(directory)
    except FileNotFoundError:
        directory.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(directory)


def _create(path: Path, data: bytes) -> None:
    """A plain write of a file in a folder no index lists yet (open, write, close: none of
    the buffered file's extra calls; a bulk import makes four files an article)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
