"""The highlight colours tell each meaning apart on dark and light backgrounds in 256 colours,
and headings in the clean text stand out."""

from __future__ import annotations

import itertools
import math

from rich.color import Color

from reader.render import ACTOR_STYLES, HEADING_STYLE, QUOTE_STYLES, body_spans, heading_paragraphs

DARK, LIGHT, LIGHT_GREY = (0x12, 0x12, 0x12), (0xFF, 0xFF, 0xFF), (0xE0, 0xE0, 0xE0)
MEANINGS = {
    "direct": QUOTE_STYLES["direct"],
    "indirect": QUOTE_STYLES["indirect"],
    "reported": QUOTE_STYLES["reported"],
    "term": QUOTE_STYLES["term"],
    "person": ACTOR_STYLES["person"],
    "organisation": ACTOR_STYLES["organisation"],
    "country": ACTOR_STYLES["country"],
}


def rgb(style) -> tuple[int, int, int]:
    colour = style.color
    assert colour is not None and colour.number is not None, "a 256-colour palette entry"
    t = Color.parse(f"color({colour.number})").get_truecolor()
    return t.red, t.green, t.blue


def _linear(u: int) -> float:
    v = u / 255
    return ((v + 0.055) / 1.055) ** 2.4 if v > 0.04045 else v / 12.92


def luminance(c) -> float:
    r, g, b = map(_linear, c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(c) -> tuple[float, float, float]:
    r, g, b = map(_linear, c)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def hue(c) -> float:
    _l, a, b = lab(c)
    return math.degrees(math.atan2(b, a)) % 360


def test_every_meaning_reads_on_dark_and_light_backgrounds() -> None:
    for name, style in MEANINGS.items():
        assert contrast(rgb(style), DARK) >= 3.5, name
        assert contrast(rgb(style), LIGHT) >= 3.0, name
        assert contrast(rgb(style), LIGHT_GREY) >= 2.8, name  # textual-light's background


def test_meanings_are_far_apart_in_colour() -> None:
    for (a, sa), (b, sb) in itertools.combinations(MEANINGS.items(), 2):
        distance = math.dist(lab(rgb(sa)), lab(rgb(sb)))
        assert distance >= 40, f"{a} and {b} look alike (ΔE {distance:.0f})"


def test_quotes_and_actors_differ_in_hue_not_only_lightness() -> None:
    """A direct quote and each kind of actor must not share a hue family (blue vs teal was
    the reviewer's complaint): at least 30 degrees apart in CIELAB hue."""
    for actor in ("person", "organisation", "country"):
        gap = abs(hue(rgb(MEANINGS["direct"])) - hue(rgb(MEANINGS[actor])))
        assert min(gap, 360 - gap) >= 30, actor


def test_headings_are_short_unpunctuated_lines_followed_by_text() -> None:
    text = (
        "Lead paragraph that ends like a sentence.\n\nMoscow blames the West\n\n"
        "„Nobody listened,“ she said.\n\nZweiter Abschnitt: Kritik aus Berlin\n\n"
        "more text\n\nA final line"
    )
    found = [text[s:e] for s, e in heading_paragraphs(text)]
    assert found == ["Moscow blames the West", "Zweiter Abschnitt: Kritik aus Berlin"]
    spans = body_spans(text, None)
    assert [(text[s.start : s.end], s.style) for s in spans] == [(h, HEADING_STYLE) for h in found]
