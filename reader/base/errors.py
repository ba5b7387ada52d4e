"""The one error root: a problem the user can act on.

Every error a user can fix (a bad file, a missing article, a damaged library, a bad argument)
derives from :class:`ReaderError`; ``str(exc)`` is one line that names the thing and the reason.
The CLI and the screens catch ``ReaderError`` and show it. Anything else is a bug: it is reported
as one, with the file it concerns, and never hidden (never turned into an empty result).
"""

from __future__ import annotations


class ReaderError(Exception):
    """A one-line, user-facing problem: names the thing and the reason."""


def bug_report(exc: BaseException) -> str:
    """A bug (anything that is not a :class:`ReaderError`) as one line that says where it
    happened: ``internal error in reader/x.py:12 (TypeError: message); please report``."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _package_path(f.filename)] or frames
    where = (
        f"{_package_path(ours[-1].filename) or ours[-1].filename}:{ours[-1].lineno}"
        if ours
        else "?"
    )
    message = " ".join(str(exc).split())[:200]
    detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return f"internal error in {where} ({detail}); please report"


def describe(exc: BaseException) -> str:
    """One line for the user: a ReaderError's own message, an OSError's reason and file;
    anything else is a bug and says so (:func:`bug_report`)."""
    if isinstance(exc, ReaderError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        return f"{where}{exc.strerror or exc}"
    return bug_report(exc)


def _package_path(filename: str) -> str | None:
    """``.../reader/library/store.py`` -> ``reader/library/store.py`` (ours), else None."""
    parts = filename.replace("\\", "/").split("/")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] in ("reader", "annotations") and i < len(parts) - 1:
            return "/".join(parts[i:])
    return None
