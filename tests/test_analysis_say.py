"""Quotation analysis, verbs of saying and the frames they make (say.py: frame before/after/inside, headlines)."""

from __future__ import annotations

from analysis_helpers import _kind, _kinds, _kinds_by_text, _name, _one, _one_starting, analyze


def test_a_negated_speech_act_is_not_reported_speech():
    def kinds(text: str, lang: str) -> list[str]:
        return [q.kind for q in analyze(text, lang).quotes]

    assert kinds("Die Behörde gab die Identität des Kindes bekannt.", "de") == ["reported"]
    assert kinds("Die Behörde gab die Identität des Kindes nicht bekannt.", "de") == []
    assert kinds("The union demanded a pay rise of ten percent.", "en")
    assert kinds("The union did not demand a pay rise of ten percent.", "en") == []


def test_speaking_of_a_quoted_word_makes_it_somebody_s_words():
    kinds = _kinds_by_text(
        "Die Gewerkschaft hatte am Montag von einem „Kahlschlag“ gesprochen.", "de"
    )
    assert kinds["„Kahlschlag“"] == "direct"


def test_a_headline_with_rules_reports_the_ruling() -> None:
    text = "Appeals court rules night flights over the city are unlawful\nThe ban starts in May."
    q = _one_starting(text, "night flights")
    assert q.speaker == "Appeals court" and q.cue == "rules"


def test_nested_fragment_inside_indirect_speech():
    text = "Die Ministerin sagte, das Gesetz sei „ein Meilenstein für alle Familien“."
    a = analyze(text, "de")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert nested[0].speaker == "Die Ministerin"


def test_frame_in_the_middle_splits_the_quote():
    text = "Der Vorschlag, so Keller weiter, sei noch nicht abgestimmt."
    a = analyze(text, "de")
    segs = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.text for q in segs] == ["Der Vorschlag", "sei noch nicht abgestimmt"]
    assert all(q.speaker == "Keller" for q in segs)


def test_das_erklaerte_ziel_is_no_report():
    text = "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. Das erklärte Ziel ist ein Neubau."
    assert not [q for q in analyze(text, "de").quotes if q.text == "Das"]


def test_a_court_sentence_or_a_presentation_is_no_reported_speech_act():
    assert "reported" not in _kinds(
        "Das Landgericht Kiel verurteilte den Mann zu zwei Jahren Haft."
    )
    assert "reported" not in _kinds("Der Konzern Nordwerk stellte am Montag das neue Modell vor.")
    assert "reported" in _kinds(
        "Die Regierung Dänemarks verurteilte den Anschlag auf die Botschaft."
    )


def test_a_report_sentence_ending_in_a_colon_only_introduces_what_follows():
    text = "Im Einzelnen verlangt die Behörde die folgenden Daten:\nNamen und Adressen der Nutzer."
    assert "reported" not in _kinds(text)


def test_narrative_sah_and_a_sentence_before_the_participle_report_nothing():
    assert "reported" not in _kinds(
        "In der 80. Minute sah der Verteidiger Tom Fink die Rote Karte."
    )
    assert "reported" not in _kinds(
        "Der Händler war vom Amtsgericht zu einer Geldstrafe verurteilt worden."
    )
    assert "reported" not in _kinds(
        "Sie wurde deshalb zu einer Geldstrafe verurteilt und zog nach Kiel."
    )


def test_werfen_vor_and_als_before_a_noun_report():
    a, q = _one("Die Behörden werfen dem Händler Betrug vor.", "reported")
    assert q.speaker == "Die Behörden"
    a, q = _one("Als Grund für den Rückzug nannte Karl Berg die hohen Kosten.", "reported")
    assert q.speaker == "Karl Berg"
    assert "reported" not in _kinds("Als der Minister Karl Berg kam, forderten alle mehr Geld.")


def test_a_report_verb_with_a_demonstrative_object_is_no_quote_of_its_own():
    text = "Die Fabrik in Kiel wird geschlossen. Der Konzern Nordwerk bestätigte dies am Montag."
    assert "reported" not in _kinds(text)
    assert "reported" in _kinds("Der Konzern Nordwerk bestätigte das Ende der Fabrik in Kiel.")


def test_a_speech_act_told_in_the_pluperfect_is_background_not_a_quote():
    text = "Der Bischof Karl Berg hatte zuvor die Reform der Kirche kritisiert."
    assert "reported" not in _kinds(text)
    assert "reported" in _kinds("Der Bischof Karl Berg hat die Reform der Kirche kritisiert.")


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


def test_frame_after_variants_so_with_a_verb_das_with_a_verb_and_an_adverb_first():
    text = "In zehn Jahren, so schätzen die Forscher, soll die Arbeit abgeschlossen sein."
    texts = {q.text: q.speaker for q in analyze(text, "de").quotes}
    assert texts == {
        "In zehn Jahren": "die Forscher",
        "soll die Arbeit abgeschlossen sein": "die Forscher",
    }
    a, q = _one("Die Kamera des Teleskops ist defekt, das teilte das Institut mit.", "indirect")
    assert q.text == "Die Kamera des Teleskops ist defekt" and q.speaker == "das Institut"
    a, q = _one(
        "Es wurde kein Notsignal gesendet, teilte später der Direktor der Behörde mit.", "indirect"
    )
    assert q.speaker == "der Direktor der Behörde"
    a, q = _one("Die Streiks sollen ruhen, so verdi-Sprecher Jan Roth.", "indirect")
    assert q.text == "Die Streiks sollen ruhen" and q.speaker == "verdi-Sprecher Jan Roth"
    text = "Die Bahnen blieben stehen, so dass die Fahrgäste gerettet werden mussten."
    assert not analyze(text, "de").quotes


def test_an_attributive_participle_is_no_report_verb():
    text = "Mit diesen Programmen schließt sich eine oft beklagte Lücke im Angebot."
    assert not analyze(text, "de").quotes
    assert _one("Die Polizei forderte Verstärkung an.", "reported")


def test_so_after_a_single_opening_word():
    text = "Dennoch, so der Richter Jan Roth, habe der Mann nicht gelogen."
    texts = {q.text: q.speaker for q in analyze(text, "de").quotes}
    assert texts == {
        "Dennoch": "der Richter Jan Roth",
        "habe der Mann nicht gelogen": "der Richter Jan Roth",
    }
    assert not analyze("Ja, so ist das.", "de").quotes


def test_reported_speech_act():
    a = analyze("But Senator Paul Grant warned of deep cuts to rural schools.", "en")
    (q,) = _kind(a, "reported")
    assert q.speaker == "Senator Paul Grant" and _name(a, q) == "Paul Grant"


def test_coordinated_verb_and_ing_form_and_made_are_no_speech_act():
    text = (
        "Guards stopped and questioned the driver at the border. "
        "The visitors started the match with attacking play from both wings. "
        "The foundation made two donations to the museum last year."
    )
    a = analyze(text, "en")
    assert _kind(a, "reported") == []


def test_plural_base_form_and_sentence_initial_noun_and_learned():
    a = analyze("Estimates suggest that 300 boats may still be at sea in the bay.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Estimates"
    a = analyze("The paper has learned that the mayor will resign before the summer.", "en")
    assert _kind(a, "indirect")[0].speaker == "The paper"
    text = "Lena Ortiz, a student at the college, admitted she had skipped two lectures."
    a = analyze(text, "en")
    assert _kind(a, "indirect")[0].speaker == "Lena Ortiz"


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


def test_with_x_writing_or_reporting_quotes_x():
    text = 'Fans were angry about the ban, with one reader writing "Who decides what we may see?"'
    direct = _kind(analyze(text, "en"), "direct")
    assert len(direct) == 1 and direct[0].speaker == "one reader"
    text = (
        "Officials tell Radio North every claim will be checked, with the Courier reporting "
        "no one will be turned away."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert [q.text for q in ind] == [
        "every claim will be checked",
        "no one will be turned away",
    ]
    assert [q.speaker for q in ind] == ["Officials", "the Courier"]


def test_plural_present_base_forms_of_warn_and_other_report_verbs():
    ind = _kind(analyze("Experts warn that the virus could spread to the north.", "en"), "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Experts"
    rep = _kind(analyze("Doctors warn of a shortage of nurses in rural areas.", "en"), "reported")
    assert len(rep) == 1 and rep[0].speaker == "Doctors"


def test_contrasting_reports_joined_by_while():
    text = "Critics say the plan is too costly, while supporters argue it will create jobs."
    ind = _kind(analyze(text, "en"), "indirect")
    assert [(q.speaker, q.text) for q in ind] == [
        ("Critics", "the plan is too costly"),
        ("supporters", "it will create jobs"),
    ]


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


def test_a_noun_in_ly_is_no_adverb_before_the_verb():
    a = analyze("Lawyers for the family said they would sue the hospital.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Lawyers for the family"
    a = analyze("Experts have long argued that the tax is unfair to the poor.", "en")
    assert _kind(a, "indirect")[0].speaker == "Experts"


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
