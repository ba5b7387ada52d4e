"""Article + analysis + notes -> rich.text.Text (Rich only: the TUI and `reader show` share it).

Article text is data, never markup: every Text here is built from plain strings with
``Text(str)`` / ``append`` and styled by offsets, and every string passes the terminal gate
(:func:`reader.base.text.for_terminal`) first.
Colours are picked from the xterm-256 palette at mid luminance so the same styles read on dark
and light backgrounds and survive a 256-colour terminal unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.style import Style
from rich.text import Span, Text

from reader.base.text import for_terminal, for_terminal_with_map

# One style per meaning. Quotes colour the words; actors colour names; speakers add underline.
# Hues spread round the wheel (blue, orange, olive, grey; pink, violet, green), each readable on
# a near-black, on a white and on Textual's light-grey background (tests/test_render_palette.py).
QUOTE_STYLES: dict[str, Style] = {
    "direct": Style(color="color(32)", bold=True),  # blue
    "indirect": Style(color="color(166)", italic=True),  # orange
    "indirect_free_indirect": Style(color="color(166)", italic=True),
    "free_indirect": Style(color="color(100)", italic=True),  # olive
    "reported": Style(color="color(100)", italic=True),
    "term": Style(color="color(243)", underline=True),  # grey, underlined
}
ACTOR_STYLES: dict[str, Style] = {
    "person": Style(color="color(162)", bold=True),  # pink
    "organisation": Style(color="color(98)", bold=True),  # violet
    "country": Style(color="color(28)", bold=True),  # green
    "place": Style(color="color(28)", bold=True),
    "other": Style(color="color(138)", bold=True),  # rosy brown
}
HEADING_STYLE = Style(bold=True, underline=True)
SPEAKER_STYLE = Style(bold=True, underline=True)
NESTED_STYLE = Style(color="color(32)", bold=True, italic=True)
NOTE_STYLE = Style(color="color(172)", bold=True)  # margin marker
NOTED_STYLE = Style(underline=True)
CURSOR_STYLE = Style(reverse=True)
SEARCH_STYLE = Style(color="color(16)", bgcolor="color(220)")
CURRENT_SEARCH_STYLE = Style(color="color(16)", bgcolor="color(208)", bold=True)
NOTE_MARK = "✎"
# quotations the user has checked: an overline over the words and a mark in the margin; a
# rejected one is struck through (and stays where n/N find it, so it can be confirmed again)
CHECKED_STYLE = Style(overline=True)
REJECTED_STYLE = Style(color="color(243)", strike=True)
CHECK_MARKS = {"confirmed": "✓", "corrected": "±", "added": "+", "rejected": "✗"}
TAG_STYLE = Style(color="color(172)")  # tags everywhere: header, tables, note lists
FILTER_TAG_STYLE = TAG_STYLE + Style(bold=True)
FILTER_ACTOR_STYLE = Style(color="color(162)", bold=True)  # the person colour


def append_filters(text: Text, *, tag: str | None = None, actor: str | None = None) -> Text:
    """Add the active tag and actor filters to a screen header (one look on every screen)."""
    if tag:
        text.append(" · tag: ")
        text.append(clean(tag), FILTER_TAG_STYLE)
    if actor:
        text.append(" · actor: ")
        text.append(clean(actor), FILTER_ACTOR_STYLE)
    return text


def quote_style(quote: Any) -> Style:
    if quote.kind == "direct" and getattr(quote, "nested", False):
        return NESTED_STYLE
    return QUOTE_STYLES.get(quote.kind, QUOTE_STYLES["indirect"])


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "note")`` -> ``"1 note"``, ``plural(2, "note")`` -> ``"2 notes"``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def clean(text: str | None) -> str:
    """Plain, terminal-safe text (``None`` -> ``""``): the one gate, :func:`for_terminal`."""
    return for_terminal(text or "")


def clean_line(text: str | None) -> str:
    """``clean`` on one line: line breaks and tabs become spaces, runs of spaces one."""
    return " ".join(for_terminal(text or "", one_line=True).split())


def passage_label(text: str | None, limit: int = 0) -> str:
    """A passage on one line for a list, in «» unless it already begins or ends with a
    quotation mark (a passage that is a quote keeps its own marks: no «»Aber …«»)."""
    passage = " ".join(clean(text).split())
    if limit and len(passage) > limit:
        passage = passage[: limit - 1].rstrip() + "…"
    if passage[:1] in _QUOTE_MARKS or passage.rstrip("…")[-1:] in _QUOTE_MARKS:
        return passage
    return f"«{passage}»"


def clean_with_map(text: str) -> tuple[str, Callable[[int], int]]:
    """``clean(text)`` plus a function mapping old offsets to new ones.

    Analysis and note offsets point into the stored text; where the gate removed or replaced
    characters (control sequences, bidi marks shown as ``⟨U+202E⟩``), the spans move with the
    characters instead of being dropped or shifted.
    """
    return for_terminal_with_map(text)


_SENTENCE_END = ".!?;:,…"
_QUOTE_MARKS = "\"'„“”‚‘’»«›‹"


def heading_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that read as headings: the library keeps only the clean
    text (one paragraph a line), so a heading is told by its form: short, starting with a
    capital, not ending like a sentence, and followed by more text."""
    out: list[tuple[int, int]] = []
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or len(stripped) > 90 or len(stripped.split()) > 12:
            continue
        if not (stripped[0].isupper() or stripped[0].isdigit()):
            continue
        if stripped.rstrip(_QUOTE_MARKS)[-1:] in _SENTENCE_END or stripped[-1] in _SENTENCE_END:
            continue
        if not any(rest.strip() for rest in lines[i + 1 : i + 3]):
            continue  # the last line (a credit, a tag line) is no heading
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, start + lead + len(stripped)))
    return out


def body_spans(
    text: str,
    analysis: Any,
    notes: Iterable[Any] = (),
    mapper: Callable[[int], int] | None = None,
) -> list[Span]:
    """Style spans over ``text``, in the order they must be applied (later ones win).

    Quotes first, then actor mentions inside them, then speakers, then noted passages.
    Offsets outside the text are clipped; empty spans are dropped.
    """
    n = len(text)
    spans: list[Span] = []
    move = mapper or (lambda i: i)

    def add(start: Any, end: Any, style: Style) -> None:
        if start is None or end is None:
            return
        s, e = max(0, move(int(start))), min(n, move(int(end)))
        if s < e:
            spans.append(Span(s, e, style))

    for start, end in heading_paragraphs(text):  # first, so colours from the analysis win
        spans.append(Span(start, end, HEADING_STYLE))
    if analysis is not None:
        quotes = sorted(analysis.quotes, key=lambda q: (q.start, -q.end))
        for q in quotes:
            add(q.start, q.end, quote_style(q))
        for actor in analysis.actors:
            style = ACTOR_STYLES.get(actor.type, ACTOR_STYLES["other"])
            for mention in actor.mentions:
                if len(mention) >= 2:
                    add(mention[0], mention[1], style)
        for q in quotes:
            if q.kind != "term":
                add(q.speaker_start, q.speaker_end, SPEAKER_STYLE)
                add(q.via_start, q.via_end, SPEAKER_STYLE)  # the medium that relays it
    for note in notes:
        passage = getattr(note, "passage", None)
        if passage is not None and not getattr(note, "orphan", False):
            add(passage.start, passage.end, NOTED_STYLE)
    return spans


def status_spans(
    text: str, views: Iterable[Any], mapper: Callable[[int], int] | None = None
) -> list[Span]:
    """Styles for the quotations the user checked (applied after :func:`body_spans`)."""
    move = mapper or (lambda i: i)
    n = len(text)
    spans = []
    for view in views:
        status = getattr(view, "status", "auto")
        if status == "auto":
            continue
        s, e = max(0, move(view.start)), min(n, move(view.end))
        if s < e:
            spans.append(Span(s, e, REJECTED_STYLE if status == "rejected" else CHECKED_STYLE))
    return spans


def check_marks(views: Iterable[Any], mapper: Callable[[int], int] | None = None) -> list:
    """(start, end, margin mark) of each quotation the user checked."""
    move = mapper or (lambda i: i)
    return [
        (move(v.start), move(v.end), CHECK_MARKS[v.status])
        for v in views
        if getattr(v, "status", "auto") in CHECK_MARKS
    ]


def header(meta: Any, tags: Sequence[str] = ()) -> Text:
    """Title, then source · date · language, then tags: one Text, no markup parsing."""
    out = Text()
    out.append(clean(meta.title) or "(untitled)", Style(bold=True))
    bits = [clean(b) for b in (meta.source, meta.date, meta.lang) if b]
    if bits:
        out.append("\n")
        out.append(" · ".join(bits), Style(dim=True))
    if tags:
        out.append("\n")
        for i, tag in enumerate(tags):
            if i:
                out.append(" ")
            out.append(f"#{clean(tag)}", TAG_STYLE)
    return out


def legend() -> Text:
    """What the colours mean; shown under the article and by `reader show`."""
    out = Text()
    items = [
        ("„direct“", QUOTE_STYLES["direct"]),
        ("nested", NESTED_STYLE),
        ("indirect", QUOTE_STYLES["indirect"]),
        ("reported", QUOTE_STYLES["reported"]),
        ("term", QUOTE_STYLES["term"]),
        ("speaker", SPEAKER_STYLE),
        ("person", ACTOR_STYLES["person"]),
        ("organisation", ACTOR_STYLES["organisation"]),
        ("country/place", ACTOR_STYLES["country"]),
        (f"{NOTE_MARK} note", NOTE_STYLE),
    ]
    for i, (label, style) in enumerate(items):
        if i:
            out.append("  ")
        out.append(label, style)
    return out


def render_article(
    meta: Any,
    text: str,
    analysis: Any,
    notes: Sequence[Any] = (),
    *,
    width: int | None = None,
    tags: Sequence[str] | None = None,
) -> Text:
    """The whole article for a terminal: header, rule, highlighted body with note marks, notes.

    A noted passage is underlined and followed by ``✎N``; the notes are listed at the end.
    ``width`` sizes the rule under the header (the console wraps the rest).
    """
    body, move = clean_with_map(text or "")
    styled = Text(body, spans=body_spans(body, analysis, notes, move))
    out = header(meta, tags if tags is not None else list(getattr(meta, "import_tags", [])))
    out.append("\n")
    out.append("─" * max(10, min(width or 80, 100)), Style(dim=True))
    out.append("\n")
    marks = sorted(
        (move(n.passage.end), i + 1)
        for i, n in enumerate(notes)
        if n.passage is not None and not n.orphan and 0 < move(n.passage.end) <= len(body)
    )
    cursor = 0
    for end, number in marks:
        out.append_text(styled[cursor:end])
        out.append(f"{NOTE_MARK}{number}", NOTE_STYLE)
        cursor = end
    out.append_text(styled[cursor:])
    if notes:
        out.append("\n\nNotes\n", Style(bold=True))
        for i, note in enumerate(notes, 1):
            out.append(f"{NOTE_MARK}{i} ", NOTE_STYLE)
            if note.passage is not None:
                passage = clean(note.passage.exact)
                label = "(orphan) " if note.orphan else ""
                out.append(f"{label}«{_short(passage)}» ", Style(italic=True))
            out.append(clean(note.text))
            if note.tags:
                out.append("  " + " ".join(f"#{clean(t)}" for t in note.tags), Style(dim=True))
            out.append("\n")
    out.append("\n")
    out.append_text(legend())
    return out


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
