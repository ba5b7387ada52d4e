"""Where the library lives.

Functions, not constants, so tests and the CLI can redirect them: ``--library DIR`` beats
``$READER_HOME`` beats the platform's user data directory. Derived caches live apart from the
library (:func:`cache_dir`), so the library folder holds only the user's data.
"""

from __future__ import annotations

import os
from pathlib import Path

_override: Path | None = None


def set_library_dir(path: str | os.PathLike[str] | None) -> None:
    """Point the whole process at ``path`` (``--library``); ``None`` clears the override."""
    global _override
    _override = Path(path).expanduser() if path is not None else None


def library_dir() -> Path:
    """The library folder (not created here: commands that only read never create it)."""
    if _override is not None:
        return _override
    env = os.environ.get("READER_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # lazy: keeps start-up lean

    return Path(user_data_dir("reader", appauthor=False))


def cache_dir(library: str | os.PathLike[str] | None = None) -> Path:
    """Where the derived caches of ``library`` (default: :func:`library_dir`) live: the index
    snapshot and the annotation summaries. ``$READER_CACHE`` if set, else the platform's user
    cache folder (``~/.cache/reader`` on Linux), then one folder per library named by the first
    16 hex digits of the SHA-256 of its resolved path, so two libraries never share a cache and
    a backup of the library folder holds only the user's own data. Not created here."""
    import hashlib

    root = Path(library).expanduser() if library is not None else library_dir()
    try:
        resolved = root.resolve()
    except OSError:  # pragma: no cover - a path that cannot be resolved: hash it as given
        resolved = root.absolute()
    key = hashlib.sha256(os.fsencode(str(resolved))).hexdigest()[:16]
    env = os.environ.get("READER_CACHE")
    if env:
        base = Path(env).expanduser()
    else:
        from platformdirs import user_cache_dir  # lazy: keeps start-up lean

        base = Path(user_cache_dir("reader", appauthor=False))
    return base / key


def samples_dir() -> Path:
    """The bundled sample articles (package data, present after a plain ``pip install .``)."""
    from importlib.resources import files

    return Path(str(files("reader.sample_articles")))
