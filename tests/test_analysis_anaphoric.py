"""Quotation analysis, sentences that point back: pronoun reports, demnach/danach, dies geht hervor (anaphoric.py)."""

from __future__ import annotations

from analysis_helpers import _actor_name, _kind, _name, _one, _starting, analyze


def test_das_teilte_x_mit_makes_the_sentence_before_the_reported_words():
    # gold convention (wikinews_de): the sentence before is the quote, and the pronoun
    # "Das" itself is marked as an indirect span with the same speaker
    text = "Die Reederei Nordwind will 400 Stellen streichen. Das teilte die Firma am Montag mit."
    a = analyze(text, "de")
    before = next(q for q in a.quotes if q.text.startswith("Die Reederei Nordwind will"))
    assert before.kind == "indirect" and before.speaker == "die Firma"
    assert not any(q.text.startswith("Das teilte") for q in a.quotes)


def test_a_pronoun_is_not_resolved_past_a_newly_introduced_man() -> None:
    text = (
        "Die Vorsitzende des Vereins Stadtgrün, Marta Kessel, sagte, die Stadt brauche mehr "
        "Bäume. Auch der Oberbürgermeister meldete sich zu Wort. Er rechne mit einer Einigung, "
        "sagte er am Rande einer Sitzung. Der Plan müsse aber „gemeinsam getragen“ werden."
    )
    a = analyze(text, "de")
    q = _starting(a, "Er rechne")
    assert _actor_name(a, q) != "Marta Kessel"
    assert _actor_name(a, q) == "Oberbürgermeister"
    later = _starting(a, "Der Plan müsse")
    assert _actor_name(a, later) == "Oberbürgermeister"


def test_direct_quote_framed_after_by_verb_and_pronoun():
    text = (
        "Die Ministerin Petra Albrecht besuchte das Werk. „Wir lassen niemanden im Stich“, "
        "sagte sie am Montag."
    )
    a, q = _one(text, "direct")
    assert q.text == "„Wir lassen niemanden im Stich“"
    assert q.speaker == "sie" and _actor_name(a, q) == "Petra Albrecht"
    assert q.cue == "sagte"


def test_pronoun_before_a_report_verb_is_the_quote_even_after_a_quoted_sentence():
    text = (
        "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. "
        "Dies gab die Polizei am Abend bekannt."
    )
    a = analyze(text, "de")
    dies = [q for q in a.quotes if q.text == "Dies"]
    assert dies and dies[0].kind == "indirect" and dies[0].speaker == "die Polizei"


def test_pronoun_before_a_report_in_the_passive_takes_the_agent():
    text = (
        "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. "
        "Das wurde vom Verkehrsministerium am Abend bestätigt."
    )
    dies = [q for q in analyze(text, "de").quotes if q.text == "Das"]
    assert dies and "Verkehrsministerium" in (dies[0].speaker or "")


def test_dies_geht_aus_a_source_hervor_quotes_the_sentence_before():
    text = (
        "Der Hafen von Kiel wird im Mai für drei Tage geschlossen. "
        "Dies geht aus einer Mitteilung der Hafenbehörde hervor, die am Montag erschien."
    )
    a = analyze(text, "de")
    dies = [q for q in a.quotes if q.text == "Dies"]
    assert dies and "Mitteilung der Hafenbehörde" in (dies[0].speaker or "")
    before = [q for q in a.quotes if q.text.startswith("Der Hafen")]
    assert before and before[0].kind == "indirect"


def test_das_before_a_verb_of_saying_is_the_quote_after_a_quoted_sentence():
    text = (
        "Wie gestern bekannt wurde, ist die Brücke gesperrt. Das berichteten Mitarbeiter des "
        "Bauamtes der Stadt Lindau."
    )
    a = analyze(text, "de")
    das = [q for q in a.quotes if q.text == "Das"]
    assert das and das[0].speaker.startswith("Mitarbeiter des Bauamtes")


def test_demnach_inside_an_indicative_sentence_and_zu_folge_are_source_phrases():
    text = "Die Partei hat gewählt. Jan Roth wird sich demnach ein Rennen mit Eva Lang liefern."
    texts = [q.text for q in analyze(text, "de").quotes if q.cue == "demnach"]
    assert texts == ["Jan Roth wird sich", "ein Rennen mit Eva Lang liefern"]
    text = "Die Spieler wollen sich Gerüchten zu Folge vom Verein trennen."
    a = analyze(text, "de")
    assert {q.speaker for q in a.quotes} == {"Gerüchten"}
    text = "Die Firma bekomme Geld, wie es auf einer Pressekonferenz in Oslo am Montag hieß."
    a, q = _one(text, "indirect")
    assert q.text == "Die Firma bekomme Geld" and q.speaker is None


def test_danach_after_a_sentence_naming_a_document_is_its_source_else_it_means_then():
    text = "Die Bank veröffentlichte heute neue Quartalszahlen. Danach verzeichnet das Institut Verluste."
    a, q = _one(text, "indirect")
    assert q.text == "verzeichnet das Institut Verluste" and q.cue == "Danach"
    assert not analyze("Die Bank feierte ein Fest. Danach gingen alle nach Hause.", "de").quotes


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
