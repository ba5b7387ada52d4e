"""Character ranges into an article's text, as they cross from the analysis and the notes to
the layout and the screens."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """``text[start:end]``: Python str offsets, ``start <= end``. A tuple, so ``s, e = span``
    and comparisons with plain ``(start, end)`` pairs keep working."""

    start: int
    end: int
