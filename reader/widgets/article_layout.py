"""Where every character of an article goes on screen: paragraphs, sentences, wrapped lines.

Pure (no Textual) so it is unit-tested and benchmarked alone. Wrapping is a greedy word wrap
over offsets into the text, so a 50,000-word article lays out in tens of milliseconds and the
view renders only the lines on screen. Styles are bucketed per paragraph once, so a line looks
at a handful of spans, not all of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from rich.cells import _SINGLE_CELLS, cell_len  # the set Rich itself trusts as one cell wide
from rich.text import Span as StyleSpan

from reader.base.spans import Span

# Rich's one-cell set plus typographic punctuation (dashes, quotes „“‚‘, …, ‰, ‹›)
_NARROW = (
    _SINGLE_CELLS
    | frozenset(map(chr, range(0x2010, 0x2028)))
    | frozenset(map(chr, range(0x2030, 0x205F)))
    | frozenset("€")
)
_WORD = re.compile(r"\S+\s*|\s+")
# a sentence ends at . ! ? (plus closing quotes/brackets) before a capital, digit or an opener
_SENTENCE_END = re.compile(r"[.!?…]+[\"“”»«‘’')\]]*(?=\s+[\"„“»«‚‘(\[A-ZÄÖÜ0-9]|\s*$)")


def split_paragraphs(text: str) -> list[Span]:
    """Non-empty lines of the text as (start, end): each is a paragraph or heading."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append(Span(pos, end))
        pos = end + 1
    return out


def split_sentences(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """A fallback sentence splitter for when the analysis gives no sentences."""
    out: list[Span] = []
    for p_start, p_end in paragraphs:
        chunk = text[p_start:p_end]
        start = 0
        for m in _SENTENCE_END.finditer(chunk):
            out.append(Span(p_start + start, p_start + m.end()))
            start = m.end()
            while start < len(chunk) and chunk[start].isspace():
                start += 1
        if start < len(chunk.rstrip()):
            out.append(Span(p_start + start, p_start + len(chunk.rstrip())))
    return out


class ArticleLayout:
    """Text + spans, split into paragraphs and sentences, wrapped to a width on demand."""

    def __init__(
        self,
        text: str,
        spans: Sequence[StyleSpan] = (),
        sentences: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self._para_starts = [p[0] for p in self.paragraphs]
        sents = [Span(s[0], s[1]) for s in (sentences or ()) if s[0] < s[1] <= len(text)]
        self.sentences: list[Span] = sorted(sents) or split_sentences(text, self.paragraphs)
        self._sentence_starts = [s[0] for s in self.sentences]
        self.set_spans(spans)
        self.width = 0
        self.lines: list[tuple[int, int, int]] = []  # (start, end, paragraph or -1)
        self._line_starts: list[int] = []

    def set_spans(self, spans: Sequence[StyleSpan]) -> None:
        """Bucket spans by paragraph (a span across paragraphs lands in each, clipped)."""
        buckets: list[list[StyleSpan]] = [[] for _ in self.paragraphs]
        for span in spans:
            first = max(0, bisect_right(self._para_starts, span.start) - 1)
            for p in range(first, len(self.paragraphs)):
                p_start, p_end = self.paragraphs[p]
                if p_start >= span.end:
                    break
                s, e = max(span.start, p_start), min(span.end, p_end)
                if s < e:
                    buckets[p].append(StyleSpan(s, e, span.style))
        self.para_spans = buckets

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the next one)."""
        if not self.sentences:
            return -1
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return min(i + 1, len(self.sentences) - 1)

    def sentence_after(self, offset: int) -> int:
        """The first sentence starting at or after ``offset`` (-1 if none)."""
        i = bisect_left(self._sentence_starts, offset)
        return i if i < len(self.sentences) else -1

    def wrap(self, width: int) -> None:
        """Greedy word wrap of every paragraph to ``width`` cells; blank lines kept."""
        width = max(10, width)
        self.width = width
        lines: list[tuple[int, int, int]] = []
        text = self.text
        para_index = 0
        pos = 0
        for raw in text.split("\n"):
            end = pos + len(raw)
            if not raw.strip():
                lines.append((pos, pos, -1))
            elif len(raw) <= width and raw.isascii():
                lines.append((pos, end, para_index))
                para_index += 1
            else:
                self._wrap_paragraph(raw, pos, width, para_index, lines)
                para_index += 1
            pos = end + 1
        self.lines = lines
        self._line_starts = [line[0] for line in lines]

    @staticmethod
    def _wrap_paragraph(
        raw: str, base: int, width: int, para: int, lines: list[tuple[int, int, int]]
    ) -> None:
        line_start, col = 0, 0
        ascii_only = raw.isascii() or _NARROW.issuperset(raw)
        for m in _WORD.finditer(raw):
            word = m.group()
            word_cells = len(word.rstrip()) if ascii_only else cell_len(word.rstrip())
            if col and col + word_cells > width:
                lines.append((base + line_start, base + m.start(), para))
                line_start, col = m.start(), 0
            if word_cells > width:  # a word longer than the line: cut it where lines fill
                cells = 0
                for i in range(m.start(), m.start() + len(word.rstrip())):
                    c = 1 if ascii_only else cell_len(raw[i])
                    if cells + c > width:
                        lines.append((base + line_start, base + i, para))
                        line_start, cells = i, 0
                    cells += c
                word_cells = cells
            col += word_cells + (len(word) - len(word.rstrip()))
        lines.append((base + line_start, base + len(raw), para))

    def line_of(self, offset: int) -> int:
        """The wrapped line that shows ``offset``."""
        if not self.lines:
            return 0
        i = bisect_right(self._line_starts, offset) - 1
        # several blank lines can share a start: prefer the one with text
        while i > 0 and self.lines[i][2] == -1 and self.lines[i - 1][0] == offset:
            i -= 1
        return max(0, i)

    def line_text(self, index: int) -> tuple[str, int, list[StyleSpan]]:
        """(plain text, start offset, spans relative to the line) for one wrapped line."""
        start, end, para = self.lines[index]
        plain = self.text[start:end].rstrip()
        spans: list[StyleSpan] = []
        if para >= 0:
            stop = start + len(plain)
            for span in self.para_spans[para]:
                if span.start < stop and span.end > start:
                    spans.append(
                        StyleSpan(
                            max(span.start, start) - start, min(span.end, stop) - start, span.style
                        )
                    )
        return plain, start, spans
