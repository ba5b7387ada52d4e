"""The article layout: wrapping, paragraphs, sentences (pure, no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text

from reader.widgets.article_layout import ArticleLayout, split_paragraphs, split_sentences

TEXT = (
    "Heading\n\nFirst sentence here. „Second one“, sagte sie. Third?\n\n"
    "Überall grüßen Straßen. Ein sehr langes Wort: " + "x" * 50 + "."
)


def test_wrapped_lines_fit_and_cover_the_text() -> None:
    layout = ArticleLayout(TEXT)
    layout.wrap(20)
    for start, end, _para in layout.lines:
        assert cell_len(TEXT[start:end].rstrip()) <= 20
    words = [w for s, e, p in layout.lines if p >= 0 for w in TEXT[s:e].split()]
    joined = "".join(words)
    assert joined == "".join(TEXT.split())


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab äß漢 .\n")), max_size=200),
    st.integers(min_value=10, max_value=40),
)
def test_wrap_keeps_every_character_in_order(text: str, width: int) -> None:
    layout = ArticleLayout(text)
    layout.wrap(width)
    rebuilt = [text[s:e] for s, e, p in layout.lines if p >= 0]
    assert "".join(rebuilt).replace(" ", "") == "".join(
        line for line in text.split("\n") if line.strip()
    ).replace(" ", "")
    for s, e, _ in layout.lines:
        assert cell_len(text[s:e].rstrip()) <= width


def test_paragraphs_and_fallback_sentences() -> None:
    paras = split_paragraphs(TEXT)
    assert TEXT[paras[0].start : paras[0].end] == "Heading"
    sentences = [TEXT[s:e] for s, e in split_sentences(TEXT, paras)]
    assert "First sentence here." in sentences
    assert "„Second one“, sagte sie." in sentences
    assert "Third?" in sentences


def test_spans_are_bucketed_per_paragraph_and_clipped() -> None:
    style = Style(bold=True)
    start = TEXT.index("Third")
    end = TEXT.index("Straßen") + 3
    layout = ArticleLayout(TEXT, [Span(start, end, style)])
    layout.wrap(200)
    assert sum(len(b) for b in layout.para_spans) == 2
    line = layout.line_of(TEXT.index("Überall"))
    plain, _offset, spans = layout.line_text(line)
    assert plain.startswith("Überall") and spans == [Span(0, len("Überall grüßen Str"), style)]


def test_line_of_and_sentence_lookup() -> None:
    layout = ArticleLayout(TEXT)
    layout.wrap(30)
    offset = TEXT.index("Third")
    start, end, _ = layout.lines[layout.line_of(offset)]
    assert start <= offset < end
    i = layout.sentence_at(offset)
    assert TEXT[layout.sentences[i][0] : layout.sentences[i][1]] == "Third?"


def test_line_segments_style_each_character_like_rich_text() -> None:
    from rich.console import Console

    from reader.widgets.article_view import line_segments

    plain = "Minister Jane Roe said „we act“ today."
    spans = [
        Span(23, 31, Style(color="blue", bold=True)),
        Span(9, 17, Style(color="red")),
        Span(9, 13, Style(underline=True)),
        Span(20, 28, Style(reverse=True)),
    ]

    def per_char(segments):
        return [(ch, seg.style or Style()) for seg in segments for ch in seg.text]

    mine = per_char(line_segments(plain, spans))
    rich = per_char(Text(plain, spans=spans).render(Console(width=200)))
    assert [c for c, _ in mine] == list(plain)
    assert [s for _, s in mine] == [s or Style() for _, s in rich[: len(plain)]]
