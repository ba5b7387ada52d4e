"""Quotation analysis, source phrases: laut, zufolge, nach Angaben, according to, wie-frames (sources.py)."""

from __future__ import annotations

from analysis_helpers import _actor_name, _first_of_kind, _kind, _one, _one_starting, analyze


def test_statement_noun_after_nach_is_a_source():
    q = _first_of_kind(
        "Nach einer Stellungnahme der Küstenwache befand sich das Boot auf dem Weg nach Kiel.",
        "de",
        "indirect",
    )
    assert q.text.startswith("befand sich das Boot")
    assert q.speaker is not None and "Küstenwache" in q.speaker


def test_source_phrase_inside_the_content_does_not_replace_the_main_speaker():
    q = _first_of_kind(
        "Die Stadtwerke kündigten am Montag an, dass nach ersten Berechnungen die Preise im "
        "Herbst steigen würden.",
        "de",
        "indirect",
    )
    assert q.speaker == "Die Stadtwerke"


def test_wie_frame_with_a_particle_before_the_speaker():
    q = _first_of_kind(
        "Wie schon die Gesundheitsbehörde sagte, ist eine Ansteckung im Park sehr "
        "unwahrscheinlich.",
        "de",
        "indirect",
    )
    assert q.speaker == "die Gesundheitsbehörde"
    assert q.text == "ist eine Ansteckung im Park sehr unwahrscheinlich"


def test_one_word_after_a_source_phrase_is_still_the_content():
    q = _first_of_kind("Die Brandursache ist nach Angaben der Feuerwehr unklar.", "de", "indirect")
    a = analyze("Die Brandursache ist nach Angaben der Feuerwehr unklar.", "de")
    texts = [x.text for x in a.quotes if x.kind == "indirect"]
    assert "unklar" in texts and "Die Brandursache ist" in texts
    assert q.speaker is not None and "Feuerwehr" in q.speaker


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


def test_a_headline_that_names_its_source_before_a_colon() -> None:
    text = "Police: harbour bridge will stay closed until May\nThe bridge was damaged in a storm."
    q = _one_starting(text, "harbour bridge will stay closed")
    assert q.speaker == "Police"


def test_laut_and_zufolge_split_the_sentence_around_the_source():
    text = "Der Umsatz ist laut Finanzchefin Maria Lenz deutlich gestiegen."
    a = analyze(text, "de")
    segs = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.text for q in segs] == ["Der Umsatz ist", "deutlich gestiegen"]
    assert all(q.speaker == "Finanzchefin Maria Lenz" for q in segs)
    text = "Dem Bericht zufolge wurden drei Brücken beschädigt."
    _, q = _one(text, "indirect")
    assert q.text == "wurden drei Brücken beschädigt" and q.speaker == "Dem Bericht"


def test_nach_angaben_and_dass_clause_after_verb_of_saying():
    text = "Nach Angaben der Polizei habe der Fahrer zu schnell gebremst."
    _, q = _one(text, "indirect")
    assert q.text == "habe der Fahrer zu schnell gebremst"
    assert "Polizei" in q.speaker
    text = "Die Gewerkschaft betonte, dass die Löhne steigen müssten."
    _, q = _one(text, "indirect")
    assert q.text == "dass die Löhne steigen müssten" and q.speaker == "Die Gewerkschaft"


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


def test_a_wie_clause_with_an_auxiliary_or_a_finding_verb_is_a_source():
    a, q = _one(
        "Wie der Verband am Montag bekanntgegeben hat, wird das Turnier verschoben.", "indirect"
    )
    assert q.text == "wird das Turnier verschoben" and q.speaker == "der Verband"
    a, q = _one("Wie eine Umfrage ergab, trinken viele Jugendliche zu wenig Wasser.", "indirect")
    assert q.text == "trinken viele Jugendliche zu wenig Wasser" and q.speaker == "eine Umfrage"
    a, q = _one("Wie gestern bekannt wurde, ist der Trainer schwer erkrankt.", "indirect")
    assert q.text == "ist der Trainer schwer erkrankt" and q.speaker is None
    a = analyze("Wie erwartet, gewann die Mannschaft das Spiel.", "de")
    assert not a.quotes


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


def test_a_source_phrase_inside_a_relative_clause_after_a_preposition():
    text = (
        "Die beiden Jugendlichen, unter denen sich nach Einschätzung der Ermittler der Täter "
        "befinden sollte, sind gestern entlassen worden."
    )
    texts = [q.text for q in analyze(text, "de").quotes]
    assert texts[0] == "unter denen sich"


def test_a_zufolge_phrase_stops_at_the_verb_before_it():
    a = analyze("Die Wiener Linien haben Medienberichten zufolge die Preise erhöht.", "de")
    assert {q.speaker for q in a.quotes} == {"Medienberichten"}
    a = analyze("Dem polnischen Außenministerium zufolge ist die Lage ruhig.", "de")
    assert {q.speaker for q in a.quotes} == {"Dem polnischen Außenministerium"}
    a = analyze("Am Samstag starben behördlichen Angaben zufolge zwei Menschen.", "de")
    assert {q.speaker for q in a.quotes} == {"behördlichen Angaben"}


def test_a_wie_frame_after_an_apposition_or_with_sich():
    text = "Die Anlage stand unter Druck, wie Jan Roth, Chef der Firma Lumo, mitteilte."
    a = analyze(text, "de")
    assert [(q.text, q.speaker) for q in a.quotes] == [("Die Anlage stand unter Druck", "Jan Roth")]
    a, q = _one(
        "Die Vorsorge sei wichtig, wie sich der Abgeordnete Jan Roth ausdrückte.", "indirect"
    )
    assert q.text == "Die Vorsorge sei wichtig" and q.speaker == "der Abgeordnete Jan Roth"


def test_aus_sicht_is_a_source_phrase():
    text = "Die Klage hat aus Sicht der Verbände keine aufschiebende Wirkung."
    texts = {q.text: q.speaker for q in analyze(text, "de").quotes}
    assert texts == {
        "Die Klage hat": "Sicht der Verbände",
        "keine aufschiebende Wirkung": "Sicht der Verbände",
    }
    assert not analyze("Der Zug kam aus Berlin.", "de").quotes


def test_denn_wie_and_um_before_a_time_open_main_clause_frames():
    text = (
        "Denn wie die Zeitung in ihrer Ausgabe vom Montag berichtete, leidet der Sänger an Grippe."
    )
    a, q = _one(text, "indirect")
    assert q.text == "leidet der Sänger an Grippe" and q.speaker == "die Zeitung"
    text = "Um 11:09 Uhr berichtet die Online-Ausgabe der Zeitung, dass der Anwalt geklagt hat."
    a, q = _one(text, "indirect")
    assert q.text == "dass der Anwalt geklagt hat" and q.speaker.startswith("die Online-Ausgabe")


def test_a_source_phrase_between_a_verb_and_its_dass_clause_relays_both():
    text = "Heute bestätigte Jan Roth laut der Agentur Lumo, dass er verhaftet worden sei."
    got = {(q.text, q.speaker) for q in analyze(text, "de").quotes}
    assert ("Heute bestätigte Jan Roth", "der Agentur Lumo") in got
    assert ("dass er verhaftet worden sei", "Jan Roth") in got


def test_trailing_frame_and_according_to():
    a = analyze("The bridge is safe for now, engineers said on Monday.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "The bridge is safe for now" and q.speaker == "engineers"
    a = analyze("According to the ministry of transport, repairs will take a year.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "repairs will take a year"
    assert q.speaker == "the ministry of transport"


def test_according_to_at_the_end_keeps_the_whole_clause():
    text = "Two people were injured in the blast, according to the fire service."
    a = analyze(text, "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "Two people were injured in the blast"
    assert q.speaker == "the fire service"


def test_according_to_with_apposition_after_the_source():
    text = (
        "The prints were all lent by a private collector, according to Nora Vale, "
        "curator of the exhibit."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("The prints") and "curator" not in ind[0].text


def test_as_x_told_a_paper_opens_a_source_phrase():
    a = analyze("As Okafor told The Morning Star, prices have fallen for three months.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("prices") and ind[0].speaker == "Okafor"


def test_source_phrase_inside_a_relative_clause_or_a_that_clause():
    text = (
        "Both governments kept a policy of turning back boats which, according to the agency, "
        "several aid groups have criticised."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].text.startswith("several aid groups")
    text = "The paper has learned that according to a leaked memo, the plant will close in June."
    ind = _kind(analyze(text, "en"), "indirect")
    assert ind[0].speaker == "The paper" and ind[0].text.startswith("that according")


def test_according_to_a_paper_then_a_speaker_who_said():
    text = (
        "According to the Evening Post, Professor Ann Hale, the head of the panel, said the "
        "vote had never been open to the public."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1
    assert ind[0].speaker == "Professor Ann Hale" and ind[0].text.startswith("the vote")
