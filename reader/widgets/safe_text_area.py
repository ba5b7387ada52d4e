"""A TextArea that paints its text through the terminal gate (the note editor's text field).

Why: Textual's TextArea paints a line's characters as they are, so a control sequence pasted
into a note (or held by a note imported from a file) would reach the terminal, and a bidi
override would reverse the rest of the line. The text itself is never changed: it is the
user's data. Only what is painted is cleaned, and only by characters the TextArea already
counts as zero cells wide (control characters, bidi scopes and marks, zero-width characters),
so the cursor, the selection and mouse clicks stay where they are; a lone surrogate, which
cannot be written to a terminal, is painted as U+FFFD, one cell like itself.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import TextArea

from reader.base.text import BIDI_MARKS, BIDI_SCOPES, ZERO_WIDTH

_ZERO_CELLS = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{BIDI_SCOPES}{BIDI_MARKS}{ZERO_WIDTH}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _painted(text: str) -> str:
    return _SURROGATE.sub("\ufffd", _ZERO_CELLS.sub("", text))


class SafeTextArea(TextArea):
    """``TextArea`` whose painted lines never carry a control character (see the module)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if not any(_ZERO_CELLS.search(s.text) or _SURROGATE.search(s.text) for s in segments):
            return strip
        return Strip(
            [Segment(_painted(s.text), s.style, s.control) for s in segments],
            strip.cell_length,
        )
