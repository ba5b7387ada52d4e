"""Word tokens with offsets, and the per-language cue module for a language code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from . import de, en

_WORD = re.compile(r"\w+(?:[-‐.’']\w+)*(?:(?<=\b[A-Z])\.|(?<=\.[A-Za-z])\.)?")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    cap: bool  # starts with an upper-case letter


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lowered (İ)
        return [
            Token(m.start(), m.end(), m.group(), m.group().lower(), m.group()[0].isupper())
            for m in _WORD.finditer(text, start, end)
        ]
    out = []
    append = out.append
    for m in _WORD.finditer(text, start, end):
        s, e = m.span()
        w = m.group()
        append(Token(s, e, w, lowered[s:e], w[0].isupper()))
    return out


def cues(lang: str | None) -> ModuleType:
    """The cue-data module for ``lang`` (German for anything but English)."""
    return en if lang == "en" else de


def guess_lang(text: str) -> str:
    """'de' or 'en' from counts of function words in the first few thousand characters."""
    sample = text[:4000].lower()
    words = re.findall(r"[a-zäöüß]+", sample)
    de_n = sum(1 for w in words if w in de.FUNCTION_WORDS) + len(re.findall(r"[äöüß„]", sample))
    en_n = sum(1 for w in words if w in en.FUNCTION_WORDS)
    return "en" if en_n > de_n else "de"
