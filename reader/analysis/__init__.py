"""Who said what: quotations, speakers and actors (pure Python, never imports textual).

Public API: ``analyze(text, lang=None) -> Analysis`` and ``split_sentences(text)``.
"""

from __future__ import annotations

from .models import Actor, Analysis, Quote


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Find quotations, speakers and actors in ``text`` (``lang`` 'de'/'en', guessed if None)."""
    raise NotImplementedError("analysis is being built (owner: analysis helper)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, never crossing a paragraph break."""
    raise NotImplementedError


__all__ = ["Actor", "Analysis", "Quote", "analyze", "split_sentences"]
