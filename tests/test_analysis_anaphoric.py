"""Quotation analysis, sentences that point back: pronoun reports, demnach/danach, dies geht hervor (anaphoric.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import _kind, _name, _one, analyze, check, no_quote, quote

NORDWIND = "Die Reederei Nordwind will 400 Stellen streichen. Das teilte die Firma am Montag mit."
KESSEL = (
    "Die Vorsitzende des Vereins Stadtgrün, Marta Kessel, sagte, die Stadt brauche mehr "
    "Bäume. Auch der Oberbürgermeister meldete sich zu Wort. Er rechne mit einer Einigung, "
    "sagte er am Rande einer Sitzung. Der Plan müsse aber „gemeinsam getragen“ werden."
)
ROTH = "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. "
HAFEN = (
    "Der Hafen von Kiel wird im Mai für drei Tage geschlossen. "
    "Dies geht aus einer Mitteilung der Hafenbehörde hervor, die am Montag erschien."
)

ANAPHORIC = [
    # gold convention (wikinews_de): the sentence before "Das teilte X mit" is the quote
    quote(
        NORDWIND,
        "de",
        "indirect",
        at="Die Reederei Nordwind will",
        speaker="die Firma",
        id="das-teilte-x-mit-quotes-the-sentence-before-de",
    ),
    no_quote(NORDWIND, "de", at="Das teilte", id="das-teilte-x-mit-is-no-quote-itself-de"),
    # a pronoun is not resolved past a newly introduced man
    quote(KESSEL, "de", None, at="Er rechne", actor="Oberbürgermeister", id="er-is-the-new-man-de"),
    quote(
        KESSEL,
        "de",
        None,
        at="Der Plan müsse",
        actor="Oberbürgermeister",
        id="konjunktiv-after-er-continues-him-de",
    ),
    quote(
        "Die Ministerin Petra Albrecht besuchte das Werk. „Wir lassen niemanden im Stich“, "
        "sagte sie am Montag.",
        "de",
        "direct",
        quote="„Wir lassen niemanden im Stich“",
        speaker="sie",
        actor="Petra Albrecht",
        cue="sagte",
        id="direct-quote-framed-after-by-verb-and-pronoun-de",
    ),
    quote(
        ROTH + "Dies gab die Polizei am Abend bekannt.",
        "de",
        "indirect",
        at="Dies",
        quote="Dies",
        speaker="die Polizei",
        id="dies-before-a-report-verb-after-a-quoted-sentence-de",
    ),
    quote(
        ROTH + "Das wurde vom Verkehrsministerium am Abend bestätigt.",
        "de",
        None,
        at="Das",
        quote="Das",
        speaker_has="Verkehrsministerium",
        id="das-before-a-passive-report-takes-the-agent-de",
    ),
    quote(
        HAFEN,
        "de",
        None,
        at="Dies",
        quote="Dies",
        speaker_has="Mitteilung der Hafenbehörde",
        id="dies-geht-aus-a-source-hervor-de",
    ),
    quote(
        HAFEN,
        "de",
        "indirect",
        at="Der Hafen",
        id="dies-geht-hervor-quotes-the-sentence-before-de",
    ),
    quote(
        "Wie gestern bekannt wurde, ist die Brücke gesperrt. Das berichteten Mitarbeiter des "
        "Bauamtes der Stadt Lindau.",
        "de",
        None,
        at="Das",
        quote="Das",
        speaker_starts="Mitarbeiter des Bauamtes",
        id="das-before-a-verb-of-saying-after-a-quoted-sentence-de",
    ),
    # danach after a sentence naming a document is its source, else it means "then"
    quote(
        "Die Bank veröffentlichte heute neue Quartalszahlen. Danach verzeichnet das Institut "
        "Verluste.",
        "de",
        "indirect",
        quote="verzeichnet das Institut Verluste",
        cue="Danach",
        id="danach-after-a-document-de",
    ),
    no_quote(
        "Die Bank feierte ein Fest. Danach gingen alle nach Hause.",
        "de",
        id="danach-means-then-de",
    ),
]


@pytest.mark.parametrize("case", ANAPHORIC)
def test_anaphoric_rules(case):
    check(case)


def test_demnach_inside_an_indicative_sentence_and_zu_folge_are_source_phrases():
    text = "Die Partei hat gewählt. Jan Roth wird sich demnach ein Rennen mit Eva Lang liefern."
    texts = [q.text for q in analyze(text, "de").quotes if q.cue == "demnach"]
    assert texts == ["Jan Roth wird sich", "ein Rennen mit Eva Lang liefern"]
    text = "Die Spieler wollen sich Gerüchten zu Folge vom Verein trennen."
    a = analyze(text, "de")
    assert {q.speaker for q in a.quotes} == {"Gerüchten"}
    text = "Die Firma bekomme Geld, wie es auf einer Pressekonferenz in Oslo am Montag hieß."
    a, q = _one(text, "indirect")  # the place speaks, as in "In dem Bericht heißt es, …"
    assert q.text == "Die Firma bekomme Geld" and q.speaker == "einer Pressekonferenz"
    text = "Die Firma bekomme Geld, wie es am Montag hieß."
    a, q = _one(text, "indirect")
    assert q.text == "Die Firma bekomme Geld" and q.speaker is None  # no place: nobody


def test_curly_and_single_quotes_with_pronoun_speaker():
    text = (
        "Chancellor Erik Lund met the unions. “Nobody will lose their job,” he said. "
        "Asked about pensions, he answered: ‘That is for parliament to decide.’"
    )
    a = analyze(text, "en")
    direct = _kind(a, "direct")
    assert [q.text[0] for q in direct] == ["“", "‘"]
    assert direct[0].speaker == "he"
    assert all(_name(a, q) == "Erik Lund" for q in direct)


def test_pronoun_it_and_plural_groups_speak_in_a_speech_act():
    text = "The ministry welcomed the deal. It also warned against new tariffs on steel."
    rep = _kind(analyze(text, "en"), "reported")
    assert [q.speaker for q in rep] == ["The ministry", "It"]
    rep = _kind(analyze("Consumer groups welcomed the fine but called for more.", "en"), "reported")
    assert len(rep) == 1 and rep[0].speaker == "Consumer groups"
