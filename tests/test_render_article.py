"""render.py: highlights by offsets, text never parsed as markup, control characters gone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.models import Anchor, Note
from reader.analysis.models import Actor, Analysis, Quote
from reader.library.models import ArticleMeta
from reader.render import (
    ACTOR_STYLES,
    QUOTE_STYLES,
    SPEAKER_STYLE,
    body_spans,
    clean_with_map,
    legend,
    render_article,
)
from reader.textutil import strip_control

TEXT = 'Minister Jane Roe said "we will act now". The ministry would wait, she said.'


def meta(title: str = "Plans") -> ArticleMeta:
    return ArticleMeta(
        id="abcd1234",
        sha256="0" * 64,
        title=title,
        date="2024-01-02",
        source="Daily",
        url=None,
        lang="en",
        format="txt",
        file="x.txt",
        added="2024-01-02T00:00:00",
        content_key="k",
    )


def analysis() -> Analysis:
    direct = TEXT.index('"we')
    indirect = TEXT.index("The ministry")
    return Analysis(
        lang="en",
        quotes=[
            Quote(
                direct,
                TEXT.index('now"') + 4,
                '"we will act now"',
                "direct",
                speaker="Jane Roe",
                speaker_start=9,
                speaker_end=17,
                actor="a1",
            ),
            Quote(
                indirect,
                TEXT.index(", she"),
                "The ministry would wait",
                "indirect",
                speaker="she",
                speaker_start=TEXT.index("she"),
                speaker_end=TEXT.index("she") + 3,
                actor="a1",
            ),
        ],
        actors=[
            Actor("a1", "Jane Roe", "person", mentions=[[9, 17]]),
            Actor("a2", "ministry", "organisation", mentions=[[indirect + 4, indirect + 12]]),
        ],
    )


def style_at(text, offset):
    return [s.style for s in text.spans if s.start <= offset < s.end]


def test_quotes_actors_and_speakers_get_their_own_styles() -> None:
    spans = body_spans(TEXT, analysis())
    by_style = {}
    for s in spans:
        by_style.setdefault(s.style, []).append(TEXT[s.start : s.end])
    assert by_style[QUOTE_STYLES["direct"]] == ['"we will act now"']
    assert by_style[QUOTE_STYLES["indirect"]] == ["The ministry would wait"]
    assert by_style[ACTOR_STYLES["person"]] == ["Jane Roe"]
    assert by_style[ACTOR_STYLES["organisation"]] == ["ministry"]
    assert sorted(by_style[SPEAKER_STYLE]) == ["Jane Roe", "she"]
    assert (
        len(
            {
                QUOTE_STYLES["direct"],
                QUOTE_STYLES["indirect"],
                ACTOR_STYLES["person"],
                ACTOR_STYLES["organisation"],
                QUOTE_STYLES["term"],
            }
        )
        == 5
    )


def test_render_article_marks_notes_and_lists_them() -> None:
    start = TEXT.index("The ministry")
    note = Note(
        "n1",
        "abcd1234",
        "check this",
        ["doubt"],
        Anchor("The ministry would wait", "", "", start, start + 23),
    )
    out = render_article(meta(), TEXT, analysis(), [note], width=60, tags=["policy"])
    plain = out.plain
    assert plain.startswith("Plans\nDaily · 2024-01-02 · en\n#policy\n")
    assert "The ministry would wait✎1, she said." in plain
    assert "✎1 «The ministry would wait» check this  #doubt" in plain
    assert "„direct“" in plain and "speaker" in plain  # the legend
    # the body styles survive the note mark insertion
    body_at = plain.index('"we will')
    assert QUOTE_STYLES["direct"] in style_at(out, body_at)


def test_markup_and_escapes_render_literally() -> None:
    title = "[bold]x[/] \x1b[31mred"
    body = "Plain [bold]x[/] and [link=http://e]y[/link] \x1b[31mred\x1b[0m text."
    out = render_article(meta(title), body, Analysis(lang="en"), [])
    assert "[bold]x[/] red" in out.plain
    assert "Plain [bold]x[/] and [link=http://e]y[/link] red text." in out.plain
    assert "\x1b" not in out.plain
    assert not any(s.style and "link" in str(s.style) for s in out.spans)


def test_offsets_follow_the_text_when_control_characters_are_removed() -> None:
    dirty = '\x1b[1mJane\x1b[0m said "go".'
    quote_start = dirty.index('"go"')
    a = Analysis(lang="en", quotes=[Quote(quote_start, quote_start + 4, '"go"', "direct")])
    out = render_article(meta(), dirty, a, [])
    assert 'Jane said "go".' in out.plain
    at = out.plain.index('"go"')
    assert QUOTE_STYLES["direct"] in style_at(out, at)
    assert QUOTE_STYLES["direct"] in style_at(out, at + 3)
    assert QUOTE_STYLES["direct"] not in style_at(out, at - 1)


@given(st.text(alphabet=st.sampled_from(list("ab \n\r\x1b[]31m;\x07\x00\x9b\\")), max_size=60))
def test_clean_with_map_matches_strip_control(text: str) -> None:
    cleaned, move = clean_with_map(text)
    assert cleaned == strip_control(text)
    positions = [move(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)
    assert positions[-1] == len(cleaned)


def test_legend_names_every_kind() -> None:
    plain = legend().plain
    for word in (
        "direct",
        "indirect",
        "reported",
        "term",
        "speaker",
        "person",
        "organisation",
        "note",
    ):
        assert word in plain


def test_render_needs_no_textual() -> None:
    """`reader show` prints through render.py: it must not pay for (or depend on) Textual."""
    import subprocess
    import sys

    code = "import sys, reader.render; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
