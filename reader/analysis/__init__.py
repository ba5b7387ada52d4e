"""Who said what: quotations, speakers and actors (pure Python, never imports textual).

Public API: ``analyze(text, lang=None) -> Analysis`` and ``split_sentences(text)``.
Rules over per-language cue data (de.py, en.py), so it runs offline, fast, and explains itself.
"""

from __future__ import annotations

from .models import Actor, Analysis, Quote
from .sentences import split_sentences as _split


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Find quotations, speakers and actors in ``text`` (``lang`` 'de'/'en', guessed if None)."""
    from .engine import Engine
    from .tokens import guess_lang

    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    lang = (lang or "").lower()[:2] or None
    if lang not in ("de", "en"):
        lang = guess_lang(text) if text.strip() else (lang or "de")
    if lang not in ("de", "en"):
        lang = guess_lang(text)
    return Engine(text, lang).run()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, never crossing a paragraph break."""
    return _split(text)


__all__ = ["Actor", "Analysis", "Quote", "analyze", "split_sentences"]
