"""User and article text is data: the one place that makes it safe to store, print and export.

Control characters alone are not enough: a note holding ``ESC ] 0 ; title BEL`` or ``ESC [ 2 J``
would lose only its ESC and keep ``]0;title`` / ``[2J`` as litter, so whole ANSI (CSI) and OSC
sequences go first. ``reader.textutil`` re-uses this (``annotations`` never imports ``reader``).
"""

from __future__ import annotations

import re

# whole ANSI escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), two-byte ESC X
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# C0 controls except tab and newline, DEL, C1 controls
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove terminal control sequences and control characters (keeps ``\\n`` and ``\\t``).

    ``\\r\\n`` and lone ``\\r`` become ``\\n`` first, so line structure survives.
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", ANSI.sub("", text))


def replace_control(text: str, by: str = " ") -> str:
    """Like :func:`strip_control`, but each sequence or control character becomes ``by`` (for
    one-line values such as YAML scalars, where a newline must not join two words)."""
    return CONTROL.sub(by, ANSI.sub(by, str(text)))
