"""Quotation analysis, source phrases: laut, zufolge, nach Angaben, according to, wie-frames (sources.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import _actor_name, _kind, _one, analyze, check, no_quote, quote

SOURCES = [
    quote(
        "Nach einer Stellungnahme der Küstenwache befand sich das Boot auf dem Weg nach Kiel.",
        "de",
        "indirect",
        starts="befand sich das Boot",
        speaker_has="Küstenwache",
        id="statement-noun-after-nach-de",
    ),
    quote(
        "Die Stadtwerke kündigten am Montag an, dass nach ersten Berechnungen die Preise im "
        "Herbst steigen würden.",
        "de",
        "indirect",
        speaker="Die Stadtwerke",
        id="source-phrase-inside-the-content-keeps-the-main-speaker-de",
    ),
    quote(
        "Wie schon die Gesundheitsbehörde sagte, ist eine Ansteckung im Park sehr "
        "unwahrscheinlich.",
        "de",
        "indirect",
        speaker="die Gesundheitsbehörde",
        quote="ist eine Ansteckung im Park sehr unwahrscheinlich",
        id="wie-frame-with-a-particle-before-the-speaker-de",
    ),
    # one word after a source phrase is still the content
    quote(
        "Die Brandursache ist nach Angaben der Feuerwehr unklar.",
        "de",
        "indirect",
        at="Die Brandursache ist",
        quote="Die Brandursache ist",
        speaker_has="Feuerwehr",
        id="words-before-nach-angaben-de",
    ),
    quote(
        "Die Brandursache ist nach Angaben der Feuerwehr unklar.",
        "de",
        "indirect",
        at="unklar",
        quote="unklar",
        id="one-word-after-nach-angaben-de",
    ),
    quote(
        "Police: harbour bridge will stay closed until May\nThe bridge was damaged in a storm.",
        "en",
        "indirect",
        at="harbour bridge will stay closed",
        speaker="Police",
        id="headline-naming-its-source-before-a-colon-en",
    ),
    # the source runs through a genitive with adjectives ("des Leiters der örtlichen Wache")
    quote(
        "Die Sperrung werde nach Angaben eines städtischen Sprechers noch bis Freitag dauern.",
        "de",
        "indirect",
        segments=(
            ("Die Sperrung werde", "Angaben eines städtischen Sprechers"),
            ("noch bis Freitag dauern", "Angaben eines städtischen Sprechers"),
        ),
        id="nach-angaben-eines-adjective-noun-de",
    ),
    quote(
        "Der Schaden könnte nach Angaben des Leiters der örtlichen Wache in die Millionen gehen.",
        "de",
        "indirect",
        at="in die Millionen",
        quote="in die Millionen gehen",
        speaker="Angaben des Leiters der örtlichen Wache",
        id="nach-angaben-genitive-chain-with-adjective-de",
    ),
    # laut and zufolge split the sentence around the source
    quote(
        "Der Umsatz ist laut Finanzchefin Maria Lenz deutlich gestiegen.",
        "de",
        "indirect",
        segments=(
            ("Der Umsatz ist", "Finanzchefin Maria Lenz"),
            ("deutlich gestiegen", "Finanzchefin Maria Lenz"),
        ),
        id="laut-splits-the-sentence-de",
    ),
    quote(
        "Dem Bericht zufolge wurden drei Brücken beschädigt.",
        "de",
        "indirect",
        quote="wurden drei Brücken beschädigt",
        speaker="Dem Bericht",
        id="zufolge-de",
    ),
    quote(
        "Nach Angaben der Polizei habe der Fahrer zu schnell gebremst.",
        "de",
        "indirect",
        quote="habe der Fahrer zu schnell gebremst",
        speaker_has="Polizei",
        id="nach-angaben-de",
    ),
    quote(
        "Die Gewerkschaft betonte, dass die Löhne steigen müssten.",
        "de",
        "indirect",
        quote="dass die Löhne steigen müssten",
        speaker="Die Gewerkschaft",
        id="dass-clause-after-a-verb-of-saying-de",
    ),
    # a wie-clause with an auxiliary or a finding verb is a source
    quote(
        "Wie der Verband am Montag bekanntgegeben hat, wird das Turnier verschoben.",
        "de",
        "indirect",
        quote="wird das Turnier verschoben",
        speaker="der Verband",
        id="wie-clause-with-an-auxiliary-de",
    ),
    quote(
        "Wie eine Umfrage ergab, trinken viele Jugendliche zu wenig Wasser.",
        "de",
        "indirect",
        quote="trinken viele Jugendliche zu wenig Wasser",
        speaker="eine Umfrage",
        id="wie-clause-with-a-finding-verb-de",
    ),
    quote(
        "Wie gestern bekannt wurde, ist der Trainer schwer erkrankt.",
        "de",
        "indirect",
        quote="ist der Trainer schwer erkrankt",
        speaker=None,
        id="wie-bekannt-wurde-has-no-speaker-de",
    ),
    no_quote("Wie erwartet, gewann die Mannschaft das Spiel.", "de", id="wie-erwartet-de"),
    quote(
        "Die beiden Jugendlichen, unter denen sich nach Einschätzung der Ermittler der Täter "
        "befinden sollte, sind gestern entlassen worden.",
        "de",
        None,
        quote="unter denen sich",
        id="source-phrase-in-a-relative-clause-after-a-preposition-de",
    ),
    # a wie-frame after an apposition or with sich
    quote(
        "Die Anlage stand unter Druck, wie Jan Roth, Chef der Firma Lumo, mitteilte.",
        "de",
        None,
        segments=(("Die Anlage stand unter Druck", "Jan Roth"),),
        id="wie-frame-after-an-apposition-de",
    ),
    quote(
        "Die Vorsorge sei wichtig, wie sich der Abgeordnete Jan Roth ausdrückte.",
        "de",
        "indirect",
        quote="Die Vorsorge sei wichtig",
        speaker="der Abgeordnete Jan Roth",
        id="wie-frame-with-sich-de",
    ),
    quote(
        "Die Klage hat aus Sicht der Verbände keine aufschiebende Wirkung.",
        "de",
        None,
        segments=(
            ("Die Klage hat", "Sicht der Verbände"),
            ("keine aufschiebende Wirkung", "Sicht der Verbände"),
        ),
        id="aus-sicht-is-a-source-phrase-de",
    ),
    no_quote("Der Zug kam aus Berlin.", "de", id="aus-a-place-is-no-source-de"),
    # denn wie, and "um" before a time, open main-clause frames
    quote(
        "Denn wie die Zeitung in ihrer Ausgabe vom Montag berichtete, leidet der Sänger an Grippe.",
        "de",
        "indirect",
        quote="leidet der Sänger an Grippe",
        speaker="die Zeitung",
        id="denn-wie-de",
    ),
    quote(
        "Um 11:09 Uhr berichtet die Online-Ausgabe der Zeitung, dass der Anwalt geklagt hat.",
        "de",
        "indirect",
        quote="dass der Anwalt geklagt hat",
        speaker_starts="die Online-Ausgabe",
        id="um-before-a-time-de",
    ),
    quote(
        "The bridge is safe for now, engineers said on Monday.",
        "en",
        "indirect",
        count=1,
        quote="The bridge is safe for now",
        speaker="engineers",
        id="trailing-frame-en",
    ),
    quote(
        "According to the ministry of transport, repairs will take a year.",
        "en",
        "indirect",
        count=1,
        quote="repairs will take a year",
        speaker="the ministry of transport",
        id="according-to-first-en",
    ),
    quote(
        "Two people were injured in the blast, according to the fire service.",
        "en",
        "indirect",
        count=1,
        quote="Two people were injured in the blast",
        speaker="the fire service",
        id="according-to-at-the-end-keeps-the-whole-clause-en",
    ),
    quote(
        "As Okafor told The Morning Star, prices have fallen for three months.",
        "en",
        "indirect",
        count=1,
        starts="prices",
        speaker="Okafor",
        id="as-x-told-a-paper-en",
    ),
    # a source phrase inside a relative clause or a that-clause
    quote(
        "Both governments kept a policy of turning back boats which, according to the agency, "
        "several aid groups have criticised.",
        "en",
        "indirect",
        count=1,
        starts="several aid groups",
        id="according-to-inside-a-relative-clause-en",
    ),
    quote(
        "The paper has learned that according to a leaked memo, the plant will close in June.",
        "en",
        "indirect",
        speaker="The paper",
        starts="that according",
        id="according-to-inside-a-that-clause-en",
    ),
    quote(
        "According to the Evening Post, Professor Ann Hale, the head of the panel, said the "
        "vote had never been open to the public.",
        "en",
        "indirect",
        count=1,
        speaker="Professor Ann Hale",
        starts="the vote",
        id="according-to-a-paper-then-a-speaker-who-said-en",
    ),
    quote(
        "Diesen Vorgaben entspricht der Entwurf für ein neues Polizeigesetz nach Meinung der "
        "Landes-SPD nicht.",
        "de",
        "indirect",
        speaker="Meinung der Landes-SPD",
        id="noun-before-nach-meinung-is-no-postposed-source-de",
    ),
    quote(
        "Wie der Zeitung „Morgenblatt“ von der Gruppe berichtet wird, muss die Sperre nicht von "
        "einem Gericht bestätigt werden.",
        "de",
        "indirect",
        speaker="der Gruppe",
        id="agent-of-a-passive-wie-clause-is-the-source-de",
    ),
]


@pytest.mark.parametrize("case", SOURCES)
def test_source_phrase_rules(case):
    check(case)


def test_nach_before_a_plain_count_is_no_source_phrase() -> None:
    text = (
        "Statt nur nach Einwohnerzahlen sollen die Mittel künftig auch nach der Fläche "
        "verteilt werden. Nach Zahlen des Statistikamts leben dort 4000 Menschen."
    )
    a = analyze(text, "de")
    assert not any(q.text.startswith("Statt") for q in a.quotes)
    assert not any(q.speaker == "Einwohnerzahlen" for q in a.quotes)
    assert any(q.speaker and "Statistikamts" in q.speaker for q in a.quotes)


def test_a_source_phrase_inside_a_clause_gives_its_two_parts_and_no_duplicate() -> None:
    """The words around "laut X" are one quotation in two segments (as the gold corpus splits
    it); the clause after the phrase is not a second, overlapping quote of the subject."""
    text = (
        "Russland und die Allianz haben laut Lars Holm vereinbart, eine Reihe von Treffen "
        "abzuhalten, um über Raketen zu sprechen."
    )
    a = analyze(text, "de")
    assert [q.text for q in a.quotes] == [
        "Russland und die Allianz haben",
        "vereinbart, eine Reihe von Treffen abzuhalten, um über Raketen zu sprechen",
    ]
    assert {_actor_name(a, q) for q in a.quotes} == {"Lars Holm"}
    assert not any(q.speaker == "Russland und die Allianz" for q in a.quotes)


def test_say_verb_outranks_laut_inside_its_frame():
    text = "Minister Tom Weiß bestätigte laut Reuters, dass die Gespräche andauern."
    a = analyze(text, "de")
    inner = [
        q for q in a.quotes if q.text == "dass die Gespräche andauern" and q.cue == "bestätigte"
    ]
    assert inner and _actor_name(a, inner[0]) == "Tom Weiß"  # (Reuters relays the sentence)


def test_source_phrase_after_a_contrast_opener_quotes_only_its_own_clause():
    text = (
        "Die Straße ist seit Montag wieder frei, jedoch bleibt laut der Polizei "
        "die Brücke bis Ende Mai gesperrt."
    )
    a = analyze(text, "de")
    segs = [q for q in a.quotes if q.kind == "indirect"]
    assert segs and segs[0].text == "jedoch bleibt"
    assert all("Straße" not in q.text for q in segs)


def test_source_phrase_boundaries_loud_temporal_nach_and_bare_segments():
    a, q = _one("Erneut wurden Vorwürfe laut, die Angreifer seien bezahlt worden.", "indirect")
    assert q.text == "die Angreifer seien bezahlt worden" and q.cue == "Vorwürfe"
    text = (
        "Bereits sechs Tage nach der Veröffentlichung des Berichts meldete der Sender einen Rekord."
    )
    assert not any(q.cue == "nach" for q in analyze(text, "de").quotes)
    text = (
        "Die Hunde trafen mit Verzögerung ein, da nach Angaben der Fluggesellschaft die "
        "Genehmigung zu spät beantragt worden war."
    )
    texts = [q.text for q in analyze(text, "de").quotes]
    assert texts == ["da", "die Genehmigung zu spät beantragt worden war"]
    a = analyze("Kim war meiner Meinung nach gut darin.", "de")
    by_nach = [q for q in a.quotes if q.cue == "nach"]
    assert by_nach and all(q.speaker == "meiner Meinung" for q in by_nach)
    text = "Ersten Angaben vom gestrigen Mittwoch zufolge gehörte das Flugzeug dem Institut."
    a, q = _one(text, "indirect")
    assert q.speaker == "Ersten Angaben vom gestrigen Mittwoch"


def test_a_zufolge_phrase_stops_at_the_verb_before_it():
    a = analyze("Die Wiener Linien haben Medienberichten zufolge die Preise erhöht.", "de")
    assert {q.speaker for q in a.quotes} == {"Medienberichten"}
    a = analyze("Dem polnischen Außenministerium zufolge ist die Lage ruhig.", "de")
    assert {q.speaker for q in a.quotes} == {"Dem polnischen Außenministerium"}
    a = analyze("Am Samstag starben behördlichen Angaben zufolge zwei Menschen.", "de")
    assert {q.speaker for q in a.quotes} == {"behördlichen Angaben"}


def test_a_source_phrase_between_a_verb_and_its_dass_clause_relays_both():
    text = "Heute bestätigte Jan Roth laut der Agentur Lumo, dass er verhaftet worden sei."
    got = {(q.text, q.speaker) for q in analyze(text, "de").quotes}
    assert ("Heute bestätigte Jan Roth", "der Agentur Lumo") in got
    assert ("dass er verhaftet worden sei", "Jan Roth") in got


def test_according_to_with_apposition_after_the_source():
    text = (
        "The prints were all lent by a private collector, according to Nora Vale, "
        "curator of the exhibit."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("The prints") and "curator" not in ind[0].text


def test_according_to_after_words_in_marks_takes_the_whole_mixed_quote():
    """'The plan was "dead on arrival," according to X': the words in marks belong to the
    reported clause before the source phrase, which holds them as a nested direct quote."""
    text = 'The bridge was closed on Monday. By then, "the cables were rusting through", according to the Harbour Gazette.'
    a = analyze(text, "en")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in ind] == [
        ('By then, "the cables were rusting through"', "the Harbour Gazette")
    ], [(q.kind, q.text) for q in a.quotes]
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert [(q.text, q.nested) for q in direct] == [('"the cables were rusting through"', True)]
    a = analyze('The tender was "a farce from the start," according to the union.', "en")
    assert [q.text for q in a.quotes if q.kind == "indirect"] == [
        'The tender was "a farce from the start,"'
    ]


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            "Der Rat tagte am Montag. In dem Beschluss des Rates heißt es, die Schule werde im "
            "Sommer geschlossen.",
            "die Schule",
            "dem Beschluss des Rates",
        ),
        (
            "Der Rat tagte am Montag. In dem Beschluss, der am Abend erschien, heißt es, die "
            "Schule werde geschlossen.",
            "die Schule",
            "dem Beschluss",
        ),
        (
            "Der Rat tagte am Montag. Aus dem Rathaus hieß es, die Schule werde geschlossen.",
            "die Schule",
            "dem Rathaus",
        ),
        (
            "Der Bürgermeister Paul Sander sprach. In dem Beschluss heißt es wörtlich: „Die Schule "
            "wird im Sommer geschlossen.“",
            "„Die Schule",
            "dem Beschluss",
        ),
        (
            "Der Bürgermeister Paul Sander sprach. So heißt es in einer Mitteilung des Rates wörtlich: „Die "
            "Schule wird geschlossen.“",
            "„Die Schule",
            "einer Mitteilung des Rates",
        ),
    ],
    ids=[
        "in-x-heisst-es",
        "in-x-relative-heisst-es",
        "aus-x-hiess-es",
        "colon",
        "so-heisst-es-in-x",
    ],
)
def test_in_x_heisst_es_makes_x_the_source(text: str, start: str, speaker: str) -> None:
    """'In dem Bericht heißt es, …' / 'So heißt es in X: „…“': the place after the
    preposition is the source, not the last speaker, not nobody."""
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith(start))
    assert q.speaker == speaker, (q.speaker, q.text)


def test_wortlich_after_the_source_is_no_quote_of_its_own():
    text = (
        "Der Rat tagte am Montag. So heißt es in dem Schreiben wörtlich: „Die Schule "
        "wird geschlossen.“"
    )
    assert [(q.kind, q.text) for q in analyze(text, "de").quotes] == [
        ("direct", "„Die Schule wird geschlossen.“")
    ]
