"""Sentence spans that never cross a line break: the unit for frames and the passage cursor."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from . import de, en
from .marks import char_positions

_ABBREV = de.ABBREVIATIONS | en.ABBREVIATIONS
_MONTHS = de.MONTHS | en.MONTHS
# End punctuation, optional closing marks/brackets, whitespace, then something that can start
# a sentence (capital, digit, opening mark or bracket).
_BOUNDARY = re.compile(r"[.!?…]+[\"“”»«’'\)\]]*[ \t]+(?=[\"„“»«‚‘(\[]?[^\W\d_a-zäöüß]|\d)")
_END = ".!?…"  # what a boundary opens with
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*$")


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation, initial or ordinal, not a sentence."""
    if text[dot] != ".":
        return False
    lo = max(0, dot - 24)
    space = text.rfind(" ", lo, dot)  # no match can start at or before a space: skip there
    m = _WORD_BEFORE.search(text, space + 1 if space >= 0 else lo, dot + 1)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    low = word.lower()
    if low in _ABBREV or (len(word) == 1 and word.isalpha() and word.isupper()):
        return True
    if "." in word and len(word) <= 8 and word.replace(".", "").isalpha():
        return True  # U.S., z.B., Anm.d.Red
    if word.isdigit() and len(word) <= 2:  # German ordinals: "am 23. Dezember"
        before = re.search(r"(\w+)\s+$", text[max(0, m.start(1) - 12) : m.start(1)])
        if before and before.group(1).lower() in en.MONTHS and not text[next_start].islower():
            return False  # an English date closes the sentence: "… on September 24. On …"
        nxt = re.match(r"\w+", text[next_start : next_start + 12])
        return bool(nxt and (nxt.group().lower() in _MONTHS or len(word) <= 2))
    return False


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """What ``_BOUNDARY.finditer(text)`` finds: the pattern is tried only where end punctuation
    stands (found with str.find) instead of the regex engine testing every character."""
    last = 0
    match = _BOUNDARY.match
    for at in char_positions(text, _END):
        if at >= last:
            m = match(text, at)
            if m is not None:
                last = m.end()
                yield m


def _lines(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The lines of text[start:end] as spans (the last one may be a sentence's rest)."""
    for line in _LINE.finditer(text, start, end):
        spans.append(line.span())


def split_sentences(
    text: str, protect: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of whitespace, never crossing a newline.

    ``protect`` lists spans (direct quotes) inside which no sentence boundary is made.
    """
    spans: list[tuple[int, int]] = []
    protect = sorted(protect or [])
    p_starts = [a for a, _ in protect]
    start = 0
    # one scan over the whole text (a boundary never holds a newline); the lines passed on
    # the way close the sentence they end
    for m in _boundaries(text):
        at = m.start()
        if text.find("\n", start, at) >= 0:
            nl = text.rindex("\n", start, at)
            _lines(text, start, nl, spans)
            start = nl + 1
        cut = m.end()
        punct_end = at + len(m.group().rstrip(" \t"))
        if _is_abbreviation(text, at, cut):
            continue
        k = bisect.bisect_left(p_starts, at) - 1
        if k >= 0 and protect[k][0] < at < protect[k][1] <= punct_end:
            pass  # „… Band.“ Der Abschuss …: the quote ends with its sentence
        elif k >= 0 and protect[k][0] < at < protect[k][1] - 1:
            continue
        spans.append((start, punct_end))
        start = cut
    _lines(text, start, len(text), spans)
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
