"""The speed work on the analysis changes no output: each faster form is checked against the
plain form it replaces, on made-up text and on seeded random strings."""

from __future__ import annotations

import random
import re

from reader.analysis.marks import char_positions
from reader.analysis.sentences import _BOUNDARY, _boundaries
from reader.analysis.tokens import _SPLIT, _WORD, Token, tokenize, union, words
from reader.analysis.view import TextView

# the word pattern before the speed work (an optional group for the final dot)
_OLD_WORD = re.compile(r"\w++(?:[-‐.’']\w++)*+(?:\.(?:(?<=\b[A-Z]\.)|(?<=\.[A-Za-z]\.)))?")
_ALPHABET = "aAbZzÄäß19 ._-‐’'\n,;:!?…„“”»«(É)Σ\"\t"
_TEXT = (
    "Die Ministerin sagte am 3. März: „Wir prüfen das.“ Dr. A. B. Muster-Frau (Verband e.V.) "
    "meinte, es sei zu früh... Warum? Niemand weiß es! 'So', sagte er. U.S. officials said "
    'the plan was "dead". It\'s over…  Next line.\nNeue Zeile – „Zitat“ und ‚innen‘.'
)


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def test_words_are_those_of_the_pattern_with_an_optional_final_dot():
    for text in [_TEXT, *_random_texts(3000)]:
        assert _SPLIT.split(text) == re.split(f"({_OLD_WORD.pattern})", text), text
        a, b = len(text) // 3, 2 * len(text) // 3
        got = [m.span() for m in _WORD.finditer(text, a, b)]
        assert got == [m.span() for m in _OLD_WORD.finditer(text, a, b)], text


def test_word_columns_are_the_tokens_fields():
    for text in [_TEXT, "", "   ", "Σ ΟΔΟΣ", *_random_texts(300)]:
        w = words(text)
        assert w.tokens == tokenize(text)
        assert w.starts == [t.start for t in w.tokens]
        assert w.texts == [t.text for t in w.tokens]
        assert w.lows == [t.low for t in w.tokens]
        assert w.caps == [t.cap for t in w.tokens]
        assert all(isinstance(t, Token) and text[t.start : t.end] == t.text for t in w.tokens)


def test_boundaries_are_what_the_pattern_finds_anywhere():
    for text in [_TEXT, *_random_texts(3000, seed=11)]:
        got = [m.span() for m in _boundaries(text)]
        assert got == [m.span() for m in _BOUNDARY.finditer(text)], text


def test_char_positions_are_every_offset_of_the_characters_in_order():
    for text in [_TEXT, "", *_random_texts(500, seed=3)]:
        got = char_positions(text, "„“”\"»«‚‘’'‹›")
        assert got == [m.start() for m in re.finditer(r"[„“”\"»«‚‘’'‹›]", text)]


def test_union_is_the_sets_union_and_built_once():
    a, b = frozenset({"sagte", "meinte"}), frozenset({"erklärte", "sagte"})
    assert union(a, b) == a | b
    assert union(a, b) is union(a, b)
    assert union(b, a) == a | b and union(a) == a


def test_outside_lows_are_the_lower_case_words_outside_the_marks():
    text = "Der Minister sagte: „Das Gesetz kommt“, und Die Opposition lehnte ab."
    view = TextView(text, "de")
    tops = [m for m in view.marks if m.level == 0]
    s, e = view.sentences[0]
    toks, lows = view.outside_lows(s, e, tops)
    assert toks == view.outside(s, e, tops)
    assert lows == {t.low for t in toks}
    assert "gesetz" not in lows and "opposition" in lows
    toks, lows = view.outside_lows(s, e, [])
    assert lows == {t.low for t in view.toks(s, e)} and "gesetz" in lows


def test_analyze_pauses_the_collector_and_restores_it():
    import gc

    from reader.analysis import analyze

    assert gc.isenabled()
    analyze("Die Ministerin sagte, das Gesetz komme.", "de")
    assert gc.isenabled()
    gc.disable()
    try:
        analyze("Die Ministerin sagte, das Gesetz komme.", "de")
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()
    assert gc.isenabled()
