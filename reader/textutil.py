"""Article text is data: make it safe to put on a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and whole ANSI escape sequences.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove terminal control sequences and control characters (keeps ``\\n`` and ``\\t``).

    ``\\r\\n`` and lone ``\\r`` become ``\\n`` first, so line structure survives.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    return _CONTROL.sub("", text)
