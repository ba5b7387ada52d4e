"""Article text is data: make it safe to put on a terminal.

The implementation lives in :mod:`reader.base.text`: :func:`strip_control` is the stored normal
form, :func:`for_terminal` the one gate for everything shown on a terminal.
"""

from __future__ import annotations

from reader.base.text import ANSI as _ANSI
from reader.base.text import CONTROL as _CONTROL
from reader.base.text import for_terminal, for_terminal_with_map, strip_control

__all__ = [
    "ANSI_SEQUENCE",
    "_ANSI",
    "_CONTROL",
    "for_terminal",
    "for_terminal_with_map",
    "strip_control",
]

ANSI_SEQUENCE = _ANSI  # a public name for the whole-sequence pattern (colour codes, OSC titles)
