"""Text is data: the one place that makes it safe to store, to print and to export.

Three uses, three functions over the same character classes:

- :func:`strip_control` is the *stored* normal form (import, notes, library fields): terminal
  control sequences and control characters go, ``\\n`` and ``\\t`` stay, and everything else
  (bidi marks, zero-width characters) is the user's data and is kept as it is.
- :func:`for_terminal` is the one gate for everything printed to a terminal: the CLI's
  ``out``/``err`` and Rich cells, ``reader show`` and every TUI widget, error messages
  included. Besides the control sequences it neutralises the invisible characters that change
  how a line is drawn: a bidi override or isolate (which would reverse the columns after it)
  is shown as a visible mark ``⟨U+202E⟩``; bidi marks and zero-width characters are dropped.
  :func:`for_terminal_with_map` is the same gate with a map of old offsets to new ones, for
  text styled by offsets (the article body).
- :func:`escape_json` keeps JSON output lossless and still inert: the same invisible
  characters (and C1 controls, DEL, lone surrogates) are written as ``\\uXXXX`` escapes.

Control characters alone are not enough: ``ESC ] 0 ; title BEL`` or ``ESC [ 2 J`` would lose
only the ESC and keep ``]0;title`` / ``[2J`` as litter, so whole ANSI (CSI) and OSC sequences
go first. ``annotations.text`` and ``reader.textutil`` re-export these names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

# whole ANSI escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), two-byte ESC X
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# C0 controls except tab and newline, DEL, C1 controls
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# bidi formatting that opens a scope (embeddings, overrides, isolates) and PDF/PDI that close one
BIDI_SCOPES = "\u202a-\u202e\u2066-\u2069"
# bidi marks (LRM, RLM, ALM): no scope, but still invisible direction changes
BIDI_MARKS = "\u200e\u200f\u061c"
# zero-width space, non-joiner, joiner, word joiner, BOM / zero-width no-break space
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{BIDI_SCOPES}{BIDI_MARKS}{ZERO_WIDTH}]")

_SURROGATE = "\ud800-\udfff"
_OTHER_C0 = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# what the terminal gate changes: whole sequences first, then single characters
_GATE = re.compile(
    ANSI.pattern
    + r"|\r\n?|[\u2028\u2029]"
    + f"|[{_OTHER_C0}{BIDI_SCOPES}{BIDI_MARKS}{ZERO_WIDTH}{_SURROGATE}]"
)
_GATE_ONE_LINE = re.compile(_GATE.pattern + r"|[\n\t]")
_SCOPE = re.compile(f"[{BIDI_SCOPES}]")

# what JSON output escapes (json.dumps already escapes C0 and '"' and '\\')
_JSON_ESCAPE = re.compile(
    f"[\x7f-\x9f{BIDI_SCOPES}{BIDI_MARKS}{ZERO_WIDTH}\u2028\u2029{_SURROGATE}]"
)


def strip_control(text: str) -> str:
    """Remove terminal control sequences and control characters (keeps ``\\n`` and ``\\t``).

    ``\\r\\n`` and lone ``\\r`` become ``\\n`` first, so line structure survives. This is the
    stored normal form: bidi and zero-width characters are data and stay.
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", ANSI.sub("", text))


def replace_control(text: str, by: str = " ") -> str:
    """Like :func:`strip_control`, but each sequence or control character becomes ``by`` (for
    one-line values such as YAML scalars, where a newline must not join two words)."""
    return CONTROL.sub(by, ANSI.sub(by, str(text)))


def visible_mark(char: str) -> str:
    """How a bidi scope character is shown on a terminal: ``⟨U+202E⟩``."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


def _shown(piece: str, one_line: bool) -> str:
    """What the gate puts on the terminal in place of one matched piece."""
    if piece in ("\n", "\r", "\r\n", "\u2028", "\u2029"):
        return " " if one_line else "\n"
    if piece == "\t":
        return " "
    if len(piece) > 1:  # a whole ANSI / OSC sequence
        return ""
    if _SCOPE.match(piece):
        return visible_mark(piece)
    if "\ud800" <= piece <= "\udfff":
        return "\ufffd"
    return ""  # other controls, bidi marks, zero-width characters


def for_terminal(text: object, *, one_line: bool = False) -> str:
    """THE gate: ``text`` made safe to write to a terminal (see the module's docstring).

    With ``one_line``, line breaks and tabs become spaces (the caller collapses runs)."""
    text = "" if text is None else str(text)
    pattern = _GATE_ONE_LINE if one_line else _GATE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: _shown(m.group(0), one_line), text)


def needs_gate(text: str, *, one_line: bool = False) -> bool:
    """Would :func:`for_terminal` change ``text``? (Most text passes as it is.)"""
    return (_GATE_ONE_LINE if one_line else _GATE).search(text) is not None


def for_terminal_with_map(text: str, *, one_line: bool = False) -> tuple[str, Callable[[int], int]]:
    """:func:`for_terminal` plus a function mapping offsets in ``text`` to offsets in the
    result: analysis and note offsets point into the stored text, so styles move with their
    characters. An offset inside a replaced piece lands at the start of its replacement."""
    pattern = _GATE_ONE_LINE if one_line else _GATE
    pieces = [(m.start(), m.end(), _shown(m.group(0), one_line)) for m in pattern.finditer(text)]
    if not pieces:
        return text, lambda i: i
    parts: list[str] = []
    starts: list[int] = []  # old start of each piece
    shifts: list[int] = []  # new - old offset just after each piece
    last, shift = 0, 0
    for start, end, new in pieces:
        parts.append(text[last:start])
        parts.append(new)
        last = end
        shift += len(new) - (end - start)
        starts.append(start)
        shifts.append(shift)
    parts.append(text[last:])
    ends = [end for _, end, _ in pieces]

    def mapper(i: int) -> int:
        k = bisect_right(starts, i) - 1  # the last piece starting at or before i
        if k < 0:
            return i
        if i < ends[k]:  # inside piece k: its start in the new text
            before = shifts[k - 1] if k else 0
            return max(0, starts[k] + before)
        return max(0, i + shifts[k])

    return "".join(parts), mapper


def escape_json(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the invisible and C1
    characters escaped as ``\\uXXXX``: the same data, nothing a terminal would obey. Outside
    strings JSON has none of these characters, so the pass is safe on the whole text."""
    if not _JSON_ESCAPE.search(dumped):
        return dumped
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def bounded_bidi(text: str) -> str:
    """``text`` with every bidi embedding, override or isolate it opens closed at its end (PDF
    U+202C, PDI U+2069): the characters are kept (they are data), but they can no longer
    reorder what follows the value in a file. Used for Markdown export."""
    if not _SCOPE.search(text):
        return text
    stack: list[str] = []
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            stack.append("\u202c")
        elif char in "\u2066\u2067\u2068":
            stack.append("\u2069")
        elif char == "\u202c":
            if stack and stack[-1] == "\u202c":
                stack.pop()
        elif char == "\u2069" and "\u2069" in stack:
            while stack.pop() != "\u2069":  # a PDI also ends the embeddings inside its isolate
                pass
    return text + "".join(reversed(stack))
