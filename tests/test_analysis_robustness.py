"""analyze() never raises and keeps every span inside the text, whatever the text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, split_sentences
from reader.analysis.models import ACTOR_TYPES, QUOTE_KINDS


def _check(text: str, lang: str | None = None) -> None:
    a = analyze(text, lang)
    assert a.lang in ("de", "en")
    starts = [q.start for q in a.quotes]
    assert starts == sorted(starts)
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in QUOTE_KINDS
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        if q.actor is not None:
            assert a.actor(q.actor) is not None
    ids = [x.id for x in a.actors]
    assert len(ids) == len(set(ids))
    for actor in a.actors:
        assert actor.type in ACTOR_TYPES
        for s, e in actor.mentions:
            assert 0 <= s < e <= len(text)
    for s, e in a.sentences:
        assert 0 <= s < e <= len(text) and "\n" not in text[s:e]
    json.dumps(a.to_json())  # the CLI prints it


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n\n", "\t"):
        a = analyze(text)
        assert a.quotes == [] and a.actors == [] and a.sentences == []


def test_only_quote_marks():
    for text in ('"', '""', "„“", "«»", "„„„“““", "' ' '", "»«»«", "‚‘’", '" " " "'):
        _check(text)
        assert not [q for q in analyze(text).quotes if q.kind == "direct"]


def test_unbalanced_marks_end_at_their_paragraph():
    text = "„Das ist nicht geschlossen, sagte er und ging.\n\nEin neuer Absatz beginnt hier."
    _check(text, "de")
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 1 and "\n" not in direct[0].text


def test_fifty_thousand_words():
    paragraph = (
        "„Wir sind bereit“, sagte Ministerin Eva Roth. Die Lage sei ernst, so Roth. "
        "Laut Polizei wurden drei Menschen verletzt. The mayor said that the road "
        "would reopen. Berlin fordert Aufklärung. "
    )
    words = len(paragraph.split())
    text = "\n\n".join([paragraph] * (50_000 // words + 1))
    assert len(text.split()) >= 50_000
    a = analyze(text, "de")
    assert len([q for q in a.quotes if q.kind == "direct"]) == 50_000 // words + 1
    roth = next(x for x in a.actors if x.name == "Eva Roth")
    assert len(roth.mentions) >= 2 * (50_000 // words)


def test_wrong_type_is_a_clear_error():
    import pytest

    with pytest.raises(TypeError, match="needs a str"):
        analyze(b"bytes")  # type: ignore[arg-type]


def test_unknown_language_falls_back_to_a_guess():
    a = analyze("The minister said that the plan was ready.", "fr")
    assert a.lang == "en"


_ALPHABET = st.sampled_from(
    list("abcXYZ äöüß.,;:!?-–—()'\"„“”»«‚‘’ \n\n")
    + [
        "sagte",
        " er",
        "said",
        " laut ",
        " zufolge",
        "Nato",
        "Moskau",
        "„",
        "“",
        "dass",
        " sei ",
        "Herr ",
        "Dr.",
        "according to ",
        "Jens Stoltenberg",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from([None, "de", "en"]))
def test_never_raises_and_spans_stay_in_bounds(text, lang):
    _check(text, lang)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    _check(text)
    spans = split_sentences(text)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)
