"""Pair quotation marks into spans, in every style news uses, forgiving mismatched pairs.

Marks are classified by what flanks them (space before and letter after opens, letter before
and space after closes), so „…" and “…” and "…" and »…« and «…» all pair, a quote may run
over paragraphs when the next paragraph reopens it, and apostrophes are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = '„“”"»«'
_SINGLE = "‚‘’'‹›"
QUOTE_MARKS = frozenset(_DOUBLE + _SINGLE)
_MARKS = _DOUBLE + _SINGLE


def char_positions(text: str, chars: str) -> list[int]:
    """Every offset in ``text`` of one of ``chars``, in order. One str.find pass per character
    (the text is scanned at memchr speed) instead of a regex over a character class, which
    tests that class against every character of the text."""
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


_OPEN_CONTEXT = set(" \t\n([{—–-/:;,.…") | set(_DOUBLE) | set(_SINGLE)


@dataclass
class MarkSpan:
    start: int
    end: int  # exclusive, after the closing mark (or the end of the paragraph if unclosed)
    level: int  # 0 = double marks, 1 = single marks
    closed: bool


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the mark at ``i`` judged by its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = (prev in _OPEN_CONTEXT or prev.isspace()) and not nxt.isspace()
    can_close = not prev.isspace() and (not nxt.isalnum() or prev in ".!?,…")
    return can_open, can_close


def _role(text: str, i: int) -> str | None:
    """'open', 'close', 'either' or None (not a quotation mark here, e.g. an apostrophe)."""
    ch = text[i]
    can_open, can_close = _flanks(text, i)
    if ch in "„‚":
        return "open"
    if ch == "”":
        return "close" if not (can_open and not can_close) else "either"
    if ch in "’'":
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Stoltenberg's
        if can_open and not can_close:
            return "open" if ch == "'" else None
        return "close" if can_close else None
    if can_open and can_close:
        return "either"
    if can_open:
        return "open"
    if can_close:
        return "close"
    return None


def find_mark_spans(text: str) -> list[MarkSpan]:
    """All quotation-mark spans, sorted by start; unclosed ones end at their paragraph."""
    spans: list[MarkSpan] = []
    stacks: list[list[int]] = [[], []]  # open positions per level
    marks = [(i, text[i]) for i in char_positions(text, _MARKS)]
    for k, (i, ch) in enumerate(marks):
        level = 0 if ch in _DOUBLE else 1
        role = _role(text, i)
        if role is None:
            continue
        stack = stacks[level]
        if level == 1 and not stacks[0] and ch in "’'" and not stack:
            continue  # a lone closing single mark outside quotes is an apostrophe
        if stack and role in ("close", "either"):
            start = stack.pop()
            if (
                "\n" in text[start:i]
                and not _reopened(text, start, i)
                and not _speech_over_paragraphs(text, start, i)
            ):
                spans.append(_unclosed(text, start))
                if role == "either":
                    stack.append(i)
                continue
            spans.append(MarkSpan(start, i + 1, level, True))
            if level == 0:
                stacks[1].clear()
            continue
        if role in ("open", "either"):
            if stack and level == 0:
                prev = stack.pop()
                if _continues_paragraph(text, prev, i):
                    stack.append(prev)  # the next paragraph reopens the same quote
                    continue
                spans.append(_unclosed(text, prev))
            stack.append(i)
    for level in (0, 1):
        for start in stacks[level]:
            if level == 0:
                spans.append(_unclosed(text, start))
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _continues_paragraph(text: str, open_at: int, reopen_at: int) -> bool:
    """True when ``reopen_at`` starts the paragraph after the one opened at ``open_at``."""
    between = text[open_at:reopen_at]
    if "\n" not in between:
        return False
    line_start = text.rfind("\n", 0, reopen_at) + 1
    return text[line_start:reopen_at].strip() == ""


def _reopened(text: str, start: int, close_at: int) -> bool:
    """A quote over paragraphs is valid when each inner paragraph starts with an opening mark."""
    for m in re.finditer(r"\n\s*(\S)", text[start:close_at]):
        if m.group(1) not in '„“"»«':
            return False
    return True


def _speech_over_paragraphs(text: str, start: int, close_at: int) -> bool:
    """A speech that opens a paragraph (or follows a colon, or the comma after a frame: 'He
    said, "…') and closes after a full stop a few paragraphs later is one quote even when the
    paragraphs in between are not reopened."""
    opener = text[text.rfind("\n", 0, start) + 1 : start].strip()
    return (
        (opener == "" or opener.endswith((":", ",")))
        and text[close_at - 1] in ".!?…"
        and text.count("\n", start, close_at) <= 6
    )


def _unclosed(text: str, start: int) -> MarkSpan:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return MarkSpan(start, end, 0, False)
