"""Rules added to lift accuracy (issue 4), each on sentences written for the test."""

from __future__ import annotations

from reader.analysis import analyze


def _kinds(text: str, lang: str) -> dict[str, str]:
    return {q.text: q.kind for q in analyze(text, lang).quotes}


def test_speech_over_paragraphs_without_reopening_marks_is_one_quote():
    text = (
        "Die Richterin wandte sich an die Zuhörer:\n\n„Wir haben lange beraten. Das Urteil "
        "fiel uns nicht leicht.\n\nBitte respektieren Sie die Entscheidung.“\n\nDann ging sie."
    )
    quotes = [q for q in analyze(text, "de").quotes if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("„Wir haben") and quotes[0].text.endswith("Entscheidung.“")


def test_unclosed_mark_does_not_swallow_the_next_paragraphs():
    text = "Er las „Der alte Hafen und ging.\n\nAm Abend regnete es. Niemand kam.\n\nEnde.“"
    quotes = analyze(text, "de").quotes
    assert all("Am Abend" not in q.text for q in quotes if q.start < 10)


def test_status_as_is_a_name_not_words_de():
    kinds = _kinds(
        "Der Vorfall gilt seitdem als „Wunder von Lengede“. Die Schule präsentiert sich als "
        "„Ort der Vielfalt“.",
        "de",
    )
    assert kinds["„Wunder von Lengede“"] == "term"
    assert kinds["„Ort der Vielfalt“"] == "term"


def test_label_as_by_a_speaker_stays_direct_de():
    kinds = _kinds("Der Minister bezeichnete den Plan als „völlig verfehlt“.", "de")
    assert kinds["„völlig verfehlt“"] == "direct"


def test_status_as_is_a_name_not_words_en():
    kinds = _kinds('The law is known as "the rule that keeps the old harbour open" in town.', "en")
    assert kinds['"the rule that keeps the old harbour open"'] == "term"
