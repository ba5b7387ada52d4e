"""Quotation analysis, verbs of saying and the frames they make (say.py: frame before/after/inside, headlines)."""

from __future__ import annotations

import pytest
from analysis_helpers import _kind, analyze, check, no_quote, quote

SAY = [
    # a purpose or circumstance clause after the frame's comma is not what was said
    no_quote(
        "Der Verein gab am Montag neue Zahlen bekannt, um die Gerüchte zu beenden.",
        "de",
        "indirect",
        quote="um die Gerüchte zu beenden",
        id="um-zu-after-a-verb-of-saying-is-no-content-de",
    ),
    no_quote(
        "Die Zeitung berichtet seit Jahren von Unfällen, wobei oft Glatteis die Ursache ist.",
        "de",
        "indirect",
        quote="wobei oft Glatteis die Ursache ist",
        id="wobei-after-a-verb-of-saying-is-no-content-de",
    ),
    # a name in apposition or a relative clause after the frame's comma is nobody's words
    quote(
        "Die Fähre sank am Morgen vor der Küste. Das bestätigte der Hafenmeister, Jan Okafor.",
        "de",
        "indirect",
        at="Die Fähre sank",
        speaker="der Hafenmeister",
        id="this-said-with-an-apposition-de",
    ),
    no_quote(
        "Die Fähre sank am Morgen vor der Küste. Das bestätigte der Hafenmeister, Jan Okafor.",
        "de",
        "indirect",
        quote="Jan Okafor",
        id="apposition-after-the-comma-is-no-content-de",
    ),
    quote(
        "Die Fähre sank am Morgen vor der Küste. Dies berichtet das Seefahrtsamt, das "
        "Fährhäfen überwacht.",
        "de",
        "indirect",
        at="Dies",
        quote="Dies",
        speaker="das Seefahrtsamt",
        id="this-said-with-a-relative-clause-de",
    ),
    no_quote(
        "Die Fähre sank am Morgen vor der Küste. Das Seefahrtsamt berichtete es der "
        "Reederei, die Fährhäfen betreibt.",
        "de",
        "indirect",
        quote="die Fährhäfen betreibt",
        id="relative-clause-after-the-comma-is-no-content-de",
    ),
    quote(
        "In seiner ersten Rede erklärte Okafor, die Rechte der Mieter schützen zu wollen.",
        "de",
        "indirect",
        quote="die Rechte der Mieter schützen zu wollen",
        speaker="Okafor",
        id="an-article-and-an-intention-after-the-comma-is-content-de",
    ),
    # a verb of saying that closes a subordinate clause: its subject speaks, not the main one
    quote(
        "Die Kammer verschob das Urteil, nachdem die Anwältin gesagt hatte, ihr Mandant sei krank.",
        "de",
        "indirect",
        quote="ihr Mandant sei krank",
        speaker="die Anwältin",
        id="say-verb-closing-a-nachdem-clause-de",
    ),
    # a negated speech act is no reported speech
    quote(
        "Die Behörde gab die Identität des Kindes bekannt.",
        "de",
        None,
        kinds=("reported",),
        id="speech-act-bekanntgeben-de",
    ),
    no_quote(
        "Die Behörde gab die Identität des Kindes nicht bekannt.", "de", id="negated-nicht-de"
    ),
    quote("The union demanded a pay rise of ten percent.", "en", None, id="speech-act-demand-en"),
    no_quote("The union did not demand a pay rise of ten percent.", "en", id="negated-did-not-en"),
    # speaking of a quoted word makes it somebody's words
    quote(
        "Die Gewerkschaft hatte am Montag von einem „Kahlschlag“ gesprochen.",
        "de",
        "direct",
        at="„Kahlschlag“",
        quote="„Kahlschlag“",
        id="sprechen-von-a-quoted-word-de",
    ),
    quote(
        "Appeals court rules night flights over the city are unlawful\nThe ban starts in May.",
        "en",
        "indirect",
        at="night flights",
        speaker="Appeals court",
        cue="rules",
        id="headline-rules-en",
    ),
    # a frame in the middle splits the quote
    quote(
        "Der Vorschlag, so Keller weiter, sei noch nicht abgestimmt.",
        "de",
        "indirect",
        segments=(("Der Vorschlag", "Keller"), ("sei noch nicht abgestimmt", "Keller")),
        id="so-frame-in-the-middle-de",
    ),
    no_quote(
        "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. Das erklärte Ziel ist ein Neubau.",
        "de",
        quote="Das",
        id="das-erklaerte-ziel-is-no-report-de",
    ),
    # a court sentence or a presentation is no reported speech act
    no_quote(
        "Das Landgericht Kiel verurteilte den Mann zu zwei Jahren Haft.",
        "de",
        "reported",
        id="court-verurteilte-de",
    ),
    no_quote(
        "Der Konzern Nordwerk stellte am Montag das neue Modell vor.",
        "de",
        "reported",
        id="stellte-vor-a-presentation-de",
    ),
    quote(
        "Die Regierung Dänemarks verurteilte den Anschlag auf die Botschaft.",
        "de",
        "reported",
        id="government-verurteilte-reports-de",
    ),
    no_quote(
        "Im Einzelnen verlangt die Behörde die folgenden Daten:\nNamen und Adressen der Nutzer.",
        "de",
        "reported",
        id="report-ending-in-a-colon-introduces-de",
    ),
    # narrative "sah" and a sentence before the participle report nothing
    no_quote(
        "In der 80. Minute sah der Verteidiger Tom Fink die Rote Karte.",
        "de",
        "reported",
        id="narrative-sah-de",
    ),
    no_quote(
        "Der Händler war vom Amtsgericht zu einer Geldstrafe verurteilt worden.",
        "de",
        "reported",
        id="verurteilt-worden-de",
    ),
    no_quote(
        "Sie wurde deshalb zu einer Geldstrafe verurteilt und zog nach Kiel.",
        "de",
        "reported",
        id="wurde-verurteilt-und-de",
    ),
    quote(
        "Die Behörden werfen dem Händler Betrug vor.",
        "de",
        "reported",
        speaker="Die Behörden",
        id="werfen-vor-de",
    ),
    quote(
        "Als Grund für den Rückzug nannte Karl Berg die hohen Kosten.",
        "de",
        "reported",
        speaker="Karl Berg",
        id="als-before-a-noun-reports-de",
    ),
    no_quote(
        "Als der Minister Karl Berg kam, forderten alle mehr Geld.",
        "de",
        "reported",
        id="als-conjunction-is-no-frame-de",
    ),
    # a report verb with a demonstrative object is no quote of its own
    no_quote(
        "Die Fabrik in Kiel wird geschlossen. Der Konzern Nordwerk bestätigte dies am Montag.",
        "de",
        "reported",
        id="bestaetigte-dies-de",
    ),
    quote(
        "Der Konzern Nordwerk bestätigte das Ende der Fabrik in Kiel.",
        "de",
        "reported",
        id="bestaetigte-a-noun-de",
    ),
    # a speech act told in the pluperfect is background
    no_quote(
        "Der Bischof Karl Berg hatte zuvor die Reform der Kirche kritisiert.",
        "de",
        "reported",
        id="pluperfect-is-background-de",
    ),
    quote(
        "Der Bischof Karl Berg hat die Reform der Kirche kritisiert.",
        "de",
        "reported",
        id="perfect-reports-de",
    ),
    # frames after the words: "so" with a verb, "das" with a verb, an adverb first
    quote(
        "In zehn Jahren, so schätzen die Forscher, soll die Arbeit abgeschlossen sein.",
        "de",
        None,
        segments=(
            ("In zehn Jahren", "die Forscher"),
            ("soll die Arbeit abgeschlossen sein", "die Forscher"),
        ),
        id="so-with-a-verb-de",
    ),
    quote(
        "Die Kamera des Teleskops ist defekt, das teilte das Institut mit.",
        "de",
        "indirect",
        quote="Die Kamera des Teleskops ist defekt",
        speaker="das Institut",
        id="das-teilte-mit-after-de",
    ),
    quote(
        "Es wurde kein Notsignal gesendet, teilte später der Direktor der Behörde mit.",
        "de",
        "indirect",
        speaker="der Direktor der Behörde",
        id="adverb-first-frame-after-de",
    ),
    quote(
        "Die Streiks sollen ruhen, so verdi-Sprecher Jan Roth.",
        "de",
        "indirect",
        quote="Die Streiks sollen ruhen",
        speaker="verdi-Sprecher Jan Roth",
        id="so-with-a-hyphenated-role-de",
    ),
    no_quote(
        "Die Bahnen blieben stehen, so dass die Fahrgäste gerettet werden mussten.",
        "de",
        id="so-dass-is-no-frame-de",
    ),
    no_quote(
        "Mit diesen Programmen schließt sich eine oft beklagte Lücke im Angebot.",
        "de",
        id="attributive-participle-de",
    ),
    quote("Die Polizei forderte Verstärkung an.", "de", "reported", id="forderte-an-de"),
    quote(
        "Dennoch, so der Richter Jan Roth, habe der Mann nicht gelogen.",
        "de",
        None,
        segments=(
            ("Dennoch", "der Richter Jan Roth"),
            ("habe der Mann nicht gelogen", "der Richter Jan Roth"),
        ),
        id="so-after-a-single-opening-word-de",
    ),
    no_quote("Ja, so ist das.", "de", id="ja-so-ist-das-de"),
    quote(
        "But Senator Paul Grant warned of deep cuts to rural schools.",
        "en",
        "reported",
        count=1,
        speaker="Senator Paul Grant",
        actor="Paul Grant",
        id="warned-of-en",
    ),
    no_quote(
        "Guards stopped and questioned the driver at the border. "
        "The visitors started the match with attacking play from both wings. "
        "The foundation made two donations to the museum last year.",
        "en",
        "reported",
        id="coordinated-verb-ing-form-made-en",
    ),
    # a plural base form, a sentence-initial noun and "learned"
    quote(
        "Estimates suggest that 300 boats may still be at sea in the bay.",
        "en",
        "indirect",
        count=1,
        speaker="Estimates",
        id="plural-base-form-suggest-en",
    ),
    quote(
        "The paper has learned that the mayor will resign before the summer.",
        "en",
        "indirect",
        speaker="The paper",
        id="has-learned-en",
    ),
    quote(
        "Lena Ortiz, a student at the college, admitted she had skipped two lectures.",
        "en",
        "indirect",
        speaker="Lena Ortiz",
        id="admitted-after-an-apposition-en",
    ),
    # "with X writing/reporting" quotes X
    quote(
        'Fans were angry about the ban, with one reader writing "Who decides what we may see?"',
        "en",
        "direct",
        count=1,
        speaker="one reader",
        id="with-x-writing-en",
    ),
    quote(
        "Officials tell Radio North every claim will be checked, with the Courier reporting "
        "no one will be turned away.",
        "en",
        "indirect",
        segments=(
            ("every claim will be checked", "Officials"),
            ("no one will be turned away", "the Courier"),
        ),
        id="with-x-reporting-en",
    ),
    quote(
        "Experts warn that the virus could spread to the north.",
        "en",
        "indirect",
        count=1,
        speaker="Experts",
        id="plural-warn-that-en",
    ),
    quote(
        "Doctors warn of a shortage of nurses in rural areas.",
        "en",
        "reported",
        count=1,
        speaker="Doctors",
        id="plural-warn-of-en",
    ),
    quote(
        "Critics say the plan is too costly, while supporters argue it will create jobs.",
        "en",
        "indirect",
        segments=(("the plan is too costly", "Critics"), ("it will create jobs", "supporters")),
        id="contrasting-reports-joined-by-while-en",
    ),
    # a noun in -ly is no adverb before the verb
    quote(
        "Lawyers for the family said they would sue the hospital.",
        "en",
        "indirect",
        count=1,
        speaker="Lawyers for the family",
        id="noun-in-ly-family-en",
    ),
    quote(
        "Experts have long argued that the tax is unfair to the poor.",
        "en",
        "indirect",
        speaker="Experts",
        id="have-long-argued-en",
    ),
]


@pytest.mark.parametrize("case", SAY)
def test_say_rules(case):
    check(case)


def test_nested_fragment_inside_indirect_speech():
    text = "Die Ministerin sagte, das Gesetz sei „ein Meilenstein für alle Familien“."
    a = analyze(text, "de")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert nested[0].speaker == "Die Ministerin"


def test_a_report_inside_relayed_words_is_a_quote_of_its_own():
    text = (
        "Laut Informationen des Magazins hat der Verband angekündigt, keine Hilfe mehr zu leisten."
    )
    a = analyze(text, "de")
    got = {(q.text, q.speaker) for q in a.quotes}
    assert (
        "hat der Verband angekündigt, keine Hilfe mehr zu leisten",
        "Informationen des Magazins",
    ) in got
    assert ("keine Hilfe mehr zu leisten", "der Verband") in got


def test_two_reports_joined_in_one_sentence():
    text = (
        "The engineers theorized that a cable had snapped, and wrote that the lift was "
        "closed until further notice."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert [q.text[:12] for q in ind] == ["that a cable", "that the lif"]
    assert all(q.speaker == "The engineers" for q in ind)
    text = (
        "The ministry has not said why the permit was refused, but the mayor says the "
        "town will appeal the decision."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert [q.speaker for q in ind] == ["The ministry", "the mayor"]
    assert ind[0].text == "why the permit was refused"
    text = "The owners claimed the dog was harmless and claim the fine is unfair."
    ind = _kind(analyze(text, "en"), "indirect")
    assert [q.text for q in ind] == ["the dog was harmless", "the fine is unfair"]


def test_inner_finding_needs_that_and_a_say_verb_is_no_addressee():
    a = analyze("He said the police found the car abandoned near the river.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].text.startswith("the police found")
    a = analyze("He said the report found that the police had acted lawfully.", "en")
    ind = _kind(a, "indirect")
    assert [q.speaker for q in ind] == ["He", "the report"]
    assert ind[1].nested and ind[0].text == ind[1].text == "that the police had acted lawfully"
    a = analyze("The boy learned the news from his teacher in the morning.", "en")
    assert _kind(a, "indirect") == []


def test_the_phrase_before_the_auxiliary_speaks_not_a_time_phrase_before_the_participle():
    """German word order: 'X hatte Anfang Juli berichtet, …': X stands before the finite
    auxiliary; the capitalised time phrase before the participle is no speaker."""
    text = (
        "Der Radiosender Nordwelle hatte Anfang Juli berichtet, in den Akten seien Lücken "
        "gefunden worden."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("in den Akten"))
    assert q.speaker == "Der Radiosender Nordwelle", q.speaker


def test_und_before_a_colon_is_no_speaker_the_last_one_goes_on():
    text = "Die Ministerin Petra Lang sagte: „Wir handeln jetzt.“ Und: „Wir warten nicht länger.“"
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("„Wir warten"))
    assert q.speaker != "Und" and q.actor == "petra-lang", (q.speaker, q.actor)


def test_a_reflexive_and_an_adverb_between_the_verb_and_its_subject():
    text = "Zufrieden äußerte sich auch der Sprecher der Feuerwehr Kiel: „Alles lief gut.“"
    q = next(q for q in analyze(text, "de").quotes if q.text == "„Alles lief gut.“")
    assert q.speaker == "der Sprecher der Feuerwehr Kiel", q.speaker


def test_an_article_before_a_name_in_marks_speaks_as_that_name():
    text = "Die „Nordheimer Rundschau“ hatte gestern berichtet, die Fabrik werde geschlossen."
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("die Fabrik"))
    assert q.speaker == "Die „Nordheimer Rundschau“", q.speaker


def test_a_noun_phrase_with_adjectives_after_showed_is_no_reported_clause():
    """'Images showed numerous burned cars and various damaged boats': quantifiers and the
    participles after them are adjectives, the words an object, no report; a clause after the
    same verb still is one."""
    a = analyze(
        "Images from the harbour showed numerous burned cars and various damaged boats.", "en"
    )
    assert _kind(a, "indirect") == [], [(q.kind, q.text) for q in a.quotes]
    a = analyze("Images from the harbour showed the storm had destroyed several piers.", "en")
    assert [q.text for q in _kind(a, "indirect")] == ["the storm had destroyed several piers"]


def test_a_simple_past_right_after_the_verb_of_saying_puts_it_in_a_relative_clause():
    """'Many fans the reporter observed went home early': the verb of saying belongs to a
    relative clause; no report, and no continuation after it."""
    text = (
        "Many fans the reporter observed went home before the final whistle and missed the goal. "
        "Perhaps they had seen enough of the season already."
    )
    a = analyze(text, "en")
    assert a.quotes == [] or all(q.kind == "term" for q in a.quotes), [
        (q.kind, q.text) for q in a.quotes
    ]
    a = analyze("The reporter observed the fans went home before the final whistle.", "en")
    assert [q.text for q in _kind(a, "indirect")] == ["the fans went home before the final whistle"]
