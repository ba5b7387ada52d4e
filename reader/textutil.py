"""Article text is data: make it safe to put on a terminal.

The implementation lives in :mod:`annotations.text` (the core package that must not import
``reader``), so notes, exports and the terminal all strip the same sequences.
"""

from __future__ import annotations

from annotations.text import ANSI as _ANSI
from annotations.text import CONTROL as _CONTROL
from annotations.text import strip_control

__all__ = ["ANSI_SEQUENCE", "_ANSI", "_CONTROL", "strip_control"]

ANSI_SEQUENCE = _ANSI  # a public name for the whole-sequence pattern (colour codes, OSC titles)
