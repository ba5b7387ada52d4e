"""The one error root: a problem the user can act on.

Every error a user can fix (a bad file, a missing article, a damaged library, a bad argument)
derives from :class:`ReaderError`; ``str(exc)`` is one line that names the thing and the reason.
The CLI and the screens catch ``ReaderError`` and show it. Anything else is a bug: it is reported
as one, with the file it concerns, and never hidden (never turned into an empty result).
"""

from __future__ import annotations


class ReaderError(Exception):
    """A one-line, user-facing problem: names the thing and the reason."""
