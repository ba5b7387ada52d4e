"""Who said what: quotations, speakers and actors (pure Python, never imports textual).

Public API: ``analyze(text, lang=None) -> Analysis`` and ``split_sentences(text)``.
Rules over per-language cue data (de.py, en.py), so it runs offline, fast, and explains itself.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from .models import Actor, Analysis, Quote
from .sentences import split_sentences as _split

if TYPE_CHECKING:
    from .engine import Engine


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Find quotations, speakers and actors in ``text`` (``lang`` 'de'/'en', guessed if None)."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    lang = (lang or "").lower()[:2] or None
    if lang not in ("de", "en"):
        from .tokens import guess_lang

        lang = guess_lang(text) if text.strip() else (lang or "de")
        if lang not in ("de", "en"):
            lang = guess_lang(text)
    engine = _ENGINE[0] if _ENGINE else _engine()
    # the collector is paused: an analysis makes a new object for every word and leaves no
    # cycles, so collections during it only walk those objects for nothing (1-2 % of its time)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return engine(text, lang).run()
    finally:
        if enabled:
            gc.enable()


# the engine, imported on the first analysis (an import statement in analyze() would cost a
# few microseconds on every call: Python resolves the relative name each time)
_ENGINE: list[type[Engine]] = []


def _engine() -> type[Engine]:
    from .engine import Engine

    _ENGINE.append(Engine)
    return Engine


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, never crossing a paragraph break."""
    return _split(text)


__all__ = ["Actor", "Analysis", "Quote", "analyze", "split_sentences"]
