"""Where the library lives.

Functions, not constants, so tests and the CLI can redirect them: ``--library DIR`` beats
``$READER_HOME`` beats the platform's user data directory.
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


def samples_dir() -> Path:
    """The bundled sample articles (package data, present after a plain ``pip install .``)."""
    from importlib.resources import files

    return Path(str(files("reader.sample_articles")))
