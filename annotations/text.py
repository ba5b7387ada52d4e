"""User and article text is data: the one place that makes it safe to store, print and export.

The implementation lives in :mod:`reader.base.text` (the base layer both packages may import);
these names are kept so that the store, the records and the exporters read as before.
"""

from __future__ import annotations

from reader.base.text import (
    ANSI,
    CONTROL,
    bounded_bidi,
    escape_json,
    replace_control,
    strip_control,
)

__all__ = ["ANSI", "CONTROL", "bounded_bidi", "escape_json", "replace_control", "strip_control"]
