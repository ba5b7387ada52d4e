"""Anchoring notes to passages, and finding them again after the text changed.

A passage is stored the way Hypothesis does it (W3C TextQuoteSelector + TextPositionSelector):
the exact text, ~32 characters of context on each side, the offsets, plus the paragraph index.
When an article's text changes (re-import, a better cleaner) :func:`reanchor` looks for the
passage again: exact match near the old position, then exact match anywhere (the best context
wins), then a fuzzy match guided by pieces of the passage and its context. ``None`` means the
passage is gone: the note becomes an orphan and keeps its old passage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import Match, SequenceMatcher

from reader.base.errors import ReaderError

from .models import Anchor

CONTEXT = 32
FUZZY_MIN_RATIO = 0.75  # how alike (see similarity) a changed passage must be to be the same
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_ANY_NEWLINE = re.compile(r"\n\s*")
_SPACES = re.compile(r"\s+")
EDGE = 64  # characters lined up at each end of a long passage
MAX_HITS = 50  # occurrences of one piece considered
MAX_GUESSES = 12  # candidate places aligned per passage
_WORD = re.compile(r"\w+")


class PassageError(ReaderError, ValueError):
    """A passage that cannot be placed: found nowhere, or in several places (one line)."""


def _paragraph_starts(text: str) -> list[int]:
    """Where each paragraph after the first begins. Paragraphs are separated by blank lines, or
    by single newlines when the text has no blank lines (scraped text often has none)."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _ANY_NEWLINE
    return [m.end() for m in breaks.finditer(text)]


def paragraph_index(text: str, offset: int) -> int:
    """Which paragraph ``offset`` falls in (0-based)."""
    return bisect_right(_paragraph_starts(text), offset)


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor for ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise PassageError(f"passage offsets {start}-{end} are outside the text (0-{len(text)})")
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
        paragraph=paragraph_index(text, start),
    )


def _short(s: str, limit: int = 40) -> str:
    s = _SPACES.sub(" ", s).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(exact)
    while i != -1:
        spans.append((i, i + len(exact)))
        i = text.find(exact, i + 1)
    return spans


def find_passage(text: str, exact: str) -> tuple[int, int]:
    """Where ``exact`` is in ``text``: (start, end). Whitespace may differ (line breaks in the
    article, single spaces typed on the command line). Raises :class:`PassageError` when the
    passage is found nowhere or in several places."""
    if not exact.strip():
        raise PassageError("passage is empty")
    spans = _occurrences(text, exact)
    if not spans:
        words = exact.split()
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        raise PassageError(f"passage not found in the article: '{_short(exact)}'")
    if len(spans) > 1:
        starts = _paragraph_starts(text)
        paras = ", ".join(dict.fromkeys(str(bisect_right(starts, s) + 1) for s, _ in spans))
        paras = paras if len(paras) <= 40 else paras[:40].rsplit(",", 1)[0] + ", …"
        raise PassageError(
            f"passage occurs {len(spans)} times in the article (paragraphs {paras}): "
            f"'{_short(exact)}'; quote more of it"
        )
    return spans[0]


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0..1: how much of the old prefix/suffix sits right beside ``text[start:end]``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    same_before = 0
    for a, b in zip(reversed(anchor.prefix), reversed(before)):
        if a != b:
            break
        same_before += 1
    same_after = 0
    for a, b in zip(anchor.suffix, after):
        if a != b:
            break
        same_after += 1
    total = len(anchor.prefix) + len(anchor.suffix)
    return (same_before + same_after) / total if total else 1.0


def _best_exact(anchor: Anchor, text: str) -> tuple[int, int] | None:
    spans = _occurrences(text, anchor.exact)
    if not spans:
        return None
    # best context first, then nearest to the old position
    return max(spans, key=lambda s: (_context_score(anchor, text, *s), -abs(s[0] - anchor.start)))


def _candidate_starts(anchor: Anchor, text: str) -> list[int]:
    """Where the passage might start now, most likely first: each hit of a piece of the passage
    or of its context votes for a start; ties go to the one nearest the old position."""
    exact, n = anchor.exact, len(anchor.exact)
    bucket = max(1, n // 8)
    votes: dict[int, list[int]] = {}

    def vote(start: int) -> None:
        start = min(max(0, start), len(text))
        votes.setdefault(start // bucket, []).append(start)

    k = max(4, min(24, n // 4))
    if n >= 8:
        for offset in sorted({0, n // 4, n // 2, (3 * n) // 4, n - k}):
            for hit, _ in _occurrences(text, exact[offset : offset + k])[:MAX_HITS]:
                vote(hit - offset)
    if len(anchor.prefix) >= 8:
        for _, end in _occurrences(text, anchor.prefix)[:MAX_HITS]:
            vote(end)
    if len(anchor.suffix) >= 8:
        for hit, _ in _occurrences(text, anchor.suffix)[:MAX_HITS]:
            vote(hit - n)
    ranked = sorted(votes.values(), key=lambda v: (-len(v), abs(v[0] - anchor.start)))
    return [min(v, key=lambda s: abs(s - anchor.start)) for v in ranked[:MAX_GUESSES]]


def _trim(blocks: list[Match]) -> list[Match]:
    """Drop stray one- or two-letter matches at the edges of an alignment."""
    while len(blocks) > 1 and blocks[0].size < 3 and blocks[1].a - blocks[0].a - blocks[0].size > 2:
        blocks = blocks[1:]
    while (
        len(blocks) > 1
        and blocks[-1].size < 3
        and blocks[-1].a - blocks[-2].a - blocks[-2].size > 2
    ):
        blocks = blocks[:-1]
    return blocks


def _to_word_edges(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """Where the old passage began and ended on word edges, make the new one do so too."""
    exact = anchor.exact
    if exact[:1].isalnum() and not anchor.prefix[-1:].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if exact[-1:].isalnum() and not anchor.suffix[:1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def _blocks(text: str, lo: int, hi: int, piece: str) -> list[Match]:
    window = text[max(0, lo) : max(0, hi)]
    return _trim(
        [
            b
            for b in SequenceMatcher(None, window, piece, autojunk=False).get_matching_blocks()
            if b.size
        ]
    )


def _align(anchor: Anchor, text: str, guess: int) -> tuple[int, int] | None:
    """The span near ``guess`` that best lines up with the anchor's passage. Long passages are
    lined up by their first and last ``EDGE`` characters only (full alignment is quadratic)."""
    exact, n = anchor.exact, len(anchor.exact)
    if n <= 3 * EDGE:
        lo = max(0, guess - n // 2 - 8)
        blocks = _blocks(text, lo, guess + n + n // 2 + 8, exact)
        if not blocks:
            return None
        start, end = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
    else:
        slack = n // 4 + EDGE
        lo, hi = max(0, guess - slack), guess + n - EDGE - slack
        head, tail = (
            _blocks(text, lo, guess + slack, exact[:EDGE]),
            _blocks(text, hi, guess + n + slack, exact[-EDGE:]),
        )
        if not head or not tail:
            return None
        start, end = lo + head[0].a, max(0, hi) + tail[-1].a + tail[-1].size
        if end <= start:
            return None
    return _to_word_edges(anchor, text, start, end)


def _words(s: str) -> list[str]:
    return _WORD.findall(s.casefold())


def similarity(old: str, new: str) -> float:
    """How alike two passages are: the lower of a letter-level and a word-level ratio, so one
    shared phrase does not make two different sentences look the same. (Long passages: words
    only, letters would cost quadratic time.)"""
    words = SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()
    if max(len(old), len(new)) > 10 * EDGE:
        return words
    return min(words, SequenceMatcher(None, old, new, autojunk=False).ratio())


def _fuzzy(anchor: Anchor, text: str) -> tuple[int, int] | None:
    best: tuple[float, int, int] | None = None
    for guess in _candidate_starts(anchor, text):
        aligned = _align(anchor, text, guess)
        if aligned is None:
            continue
        start, end = aligned
        if not 0.5 * len(anchor.exact) <= end - start <= 2 * len(anchor.exact) + 8:
            continue
        ratio = similarity(anchor.exact, text[start:end])
        if ratio < FUZZY_MIN_RATIO:
            continue
        score = ratio * 0.8 + _context_score(anchor, text, start, end) * 0.2
        if best is None or score > best[0]:
            best = (score, start, end)
    return (best[1], best[2]) if best else None


def reanchor(anchor: Anchor, new_text: str) -> Anchor | None:
    """The anchor's passage in ``new_text``, or ``None`` if it cannot be placed (orphan)."""
    if not anchor.exact:
        return None
    if new_text[anchor.start : anchor.end] == anchor.exact:
        return make_anchor(new_text, anchor.start, anchor.end)
    span = _best_exact(anchor, new_text) or _fuzzy(anchor, new_text)
    return make_anchor(new_text, *span) if span else None
