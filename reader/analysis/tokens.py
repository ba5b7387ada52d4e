"""Word tokens with offsets, and the per-language cue module for a language code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from . import de, en
from .cues import Cues

# A word, with inner hyphens, dots and apostrophes, and a final dot after an initial or an
# abbreviation with inner dots ("U.S."). The dot is matched before the look-behinds are tried.
# Possessive quantifiers: all that follows a part is optional, so giving back letters never
# finds another match; the engine then keeps no backtracking points (a fifth faster). The
# first letter on its own ("\w\w*+" is "\w++") lets the engine skip to the next letter.
# The final dot is one branch of two, the other empty ("(?:X|)" is "(?:X)?" here: nothing
# follows it), so no repeat is set up after every word (a tenth of the regex's work).
_WORD = re.compile(r"\w\w*+(?:[-‐.’']\w++)*+(?:\.(?:(?<=\b[A-Z]\.)|(?<=\.[A-Za-z]\.))|)")
_SPLIT = re.compile(f"({_WORD.pattern})")
_FIRST = itemgetter(0)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    cap: bool  # starts with an upper-case letter


class Words(NamedTuple):
    """The tokens of a text and their fields as parallel lists (what tokenising made anyway):
    callers that test every word read a list instead of an attribute of each token."""

    tokens: list[Token]
    starts: list[int]
    texts: list[str]
    lows: list[str]
    caps: list[bool]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return words(text, start, end).tokens


def words(text: str, start: int = 0, end: int | None = None) -> Words:
    """The tokens of text[start:end] with their fields as lists (see Words)."""
    end = len(text) if end is None else end
    if start or end < len(text):  # a part of the text: match in place (\b sees the text before)
        found = list(_WORD.finditer(text, start, end))
        starts, ends = [m.start() for m in found], [m.end() for m in found]
        texts = [m.group() for m in found]
    else:
        # split() gives the text as gap, word, gap, ..., word, gap: plain strings, and the
        # running sum of their lengths gives the offsets, so no match object is kept
        parts = _SPLIT.split(text)
        texts = parts[1::2]
        bounds = list(accumulate(map(len, parts)))
        starts, ends = bounds[0:-1:2], bounds[1::2]  # (the last bound ends the text)
    lows = list(map(str.lower, texts))
    if "Σ" in text:  # a Greek capital sigma lowers by its context: take the lowered text's slice
        lowered = text.lower()
        if len(lowered) == len(text):  # (unless some letter lowers to two, as İ does)
            lows = [lowered[a:b] for a, b in zip(starts, ends)]
    caps = list(map(str.isupper, map(_FIRST, texts)))  # starts with an upper-case letter
    # map() builds the tokens without a Python-level loop: tokenizing is a fifth of analyze()
    tokens = list(map(Token, starts, ends, texts, lows, caps))
    return Words(tokens, starts, texts, lows, caps)


# union(a, b, ...) -> (the sets, their union): the sets are kept so that their ids stay theirs
_UNIONS: dict[tuple[int, ...], tuple[tuple[frozenset[str], ...], frozenset[str]]] = {}


def union(*sets: frozenset[str]) -> frozenset[str]:
    """``a | b | …`` of cue sets, built once: a rule that tests a word against the union on
    every call would otherwise copy every set each time (SAY_VERBS alone holds hundreds)."""
    key = tuple(map(id, sets))
    hit = _UNIONS.get(key)
    if hit is None:
        hit = _UNIONS[key] = (sets, frozenset().union(*sets))
    return hit[1]


def cues(lang: str | None) -> Cues:
    """The cue data for ``lang`` (German for anything but English)."""
    return en.EN if lang == "en" else de.DE


def guess_lang(text: str) -> str:
    """'de' or 'en' from counts of function words in the first few thousand characters."""
    sample = text[:4000].lower()
    words = re.findall(r"[a-zäöüß]+", sample)
    de_n = sum(1 for w in words if w in de.FUNCTION_WORDS) + len(re.findall(r"[äöüß„]", sample))
    en_n = sum(1 for w in words if w in en.FUNCTION_WORDS)
    return "en" if en_n > de_n else "de"
