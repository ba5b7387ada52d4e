"""Word tokens with offsets, and the per-language cue module for a language code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from types import ModuleType

from . import de, en

# A word, with inner hyphens, dots and apostrophes, and a final dot after an initial or an
# abbreviation with inner dots ("U.S."). The dot is matched before the look-behinds are tried.
_WORD = re.compile(r"\w+(?:[-‐.’']\w+)*(?:\.(?:(?<=\b[A-Z]\.)|(?<=\.[A-Za-z]\.)))?")
_FIRST = itemgetter(0)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    cap: bool  # starts with an upper-case letter


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    found = list(_WORD.finditer(text, start, end))
    words = list(map(re.Match.group, found))
    lows = list(map(str.lower, words))
    if "Σ" in text:  # a Greek capital sigma lowers by its context: take the lowered text's slice
        lowered = text.lower()
        if len(lowered) == len(text):  # (unless some letter lowers to two, as İ does)
            lows = [lowered[m.start() : m.end()] for m in found]
    caps = map(str.isupper, map(_FIRST, words))  # starts with an upper-case letter
    # map() builds the tokens without a Python-level loop: tokenizing is a fifth of analyze()
    return list(map(Token, map(re.Match.start, found), map(re.Match.end, found), words, lows, caps))


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
