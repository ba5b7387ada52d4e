"""Quotation analysis, who speaks: the speaker mention of a frame and where it begins and ends (speakers.py)."""

from __future__ import annotations

from analysis_helpers import (
    _actor_name,
    _first_of_kind,
    _kind,
    _kinds,
    _one,
    _one_starting,
    analyze,
)


def test_subject_sits_after_the_auxiliary_when_an_adverbial_opens():
    q = _first_of_kind(
        "Im März hatte die Bürgermeisterin Jana Roth angekündigt, die Schwimmhalle noch in "
        "diesem Jahr sanieren zu wollen.",
        "de",
        "indirect",
    )
    assert q.text.startswith("die Schwimmhalle") and q.text.endswith("zu wollen")
    assert q.speaker == "die Bürgermeisterin Jana Roth"


def test_subject_before_the_auxiliary_when_the_object_follows_it():
    q = _first_of_kind(
        "Die Gewerkschaft hat die Länder am Freitag dazu aufgefordert, die Gehälter der "
        "Pflegekräfte deutlich anzuheben.",
        "de",
        "indirect",
    )
    assert q.speaker == "Die Gewerkschaft"


def test_adjective_after_a_verb_of_saying_is_no_speaker():
    text = (
        "Auch die Delegationsleiterin beim Gipfel, Sharon Hayes, äußerte sich zufrieden über "
        "den Bericht: „Wir haben eine ausgewogene Position erreicht.“"
    )
    q = _first_of_kind(text, "de", "direct")
    assert q.speaker is not None and "Sharon Hayes" in q.speaker


def test_time_phrase_opening_the_sentence_is_not_the_speaker():
    q = _first_of_kind(
        "Ende Januar verkündete der Verband dann offiziell, dass man sich bewerben werde.",
        "de",
        "indirect",
    )
    assert q.speaker == "der Verband"
    q = _first_of_kind(
        "Zur Beweislage führt das Gericht aus, dass beide Seiten die Unwahrheit gesagt hätten.",
        "de",
        "indirect",
    )
    assert q.speaker == "das Gericht"


def test_unframed_quote_opening_a_sentence_is_spoken_by_the_subject_just_before():
    q = _first_of_kind(
        "Der Bürgermeister Paul Weber sagte, der Haushalt sei knapp. Die Ministerin Jana "
        "Roth besuchte am Nachmittag die Schule. „Das ist ein schwarzer Tag für die Schulen.“",
        "de",
        "direct",
    )
    assert q.speaker == "Die Ministerin Jana Roth"
    q = _first_of_kind(
        "The mayor, Paul Weber, said the budget was tight. The minister, Jana Roth, visited "
        'the school in the afternoon. "This is a dark day for our schools."',
        "en",
        "direct",
    )
    assert q.speaker is not None and "Jana Roth" in q.speaker


def test_opinion_holder_with_fuer_and_a_copula_speaks_the_quoted_predicate():
    q = _first_of_kind(
        "Für die Gewerkschaft ist die Lage in den Kliniken „alarmierend“.", "de", "direct"
    )
    assert q.speaker == "die Gewerkschaft"


def test_passive_charge_names_no_speaker():
    text = (
        "Der Bürgermeister von Talheim trat am Montag zurück. Ihm wird vorgeworfen, "
        "Aufträge an die Firma seines Bruders vergeben zu haben."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Aufträge" in q.text]
    assert quotes, "the charge is reported content"
    assert all(q.speaker is None for q in quotes)


def test_expletive_es_is_no_speaker():
    text = (
        "Die Feuerwehr suchte die ganze Nacht in den Trümmern. Es wird vermutet, dass noch "
        "zwei Arbeiter unter dem Dach liegen."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Arbeiter" in q.text]
    assert quotes, "the supposition is reported content"
    for q in quotes:
        assert q.speaker is None or q.speaker.lower() != "es"
        assert q.speaker is None or "wird" not in q.speaker.split()


def test_named_speaker_still_speaks():
    text = "Die Ministerin Anna Keller sagte, die Schulen blieben bis Freitag geschlossen."
    quotes = [q for q in analyze(text, "de").quotes if "Schulen" in q.text]
    assert quotes and "Keller" in (quotes[0].speaker or "")


def test_unlisted_subject_with_a_report_verb_speaks_its_inner_quote():
    text = (
        "Der Sprecher der Stadt, Paul Brandt, sagte, der Deich halte. "
        "Viele Bauern bezeichneten den Plan in der Versammlung als „völlig verfehlt“."
    )
    quotes = [q for q in analyze(text, "de").quotes if q.kind == "direct"]
    assert quotes and quotes[0].speaker == "Viele Bauern"


def test_adverbial_opener_is_not_taken_for_an_unlisted_subject():
    text = (
        "Der Sprecher der Stadt, Paul Brandt, sagte, der Deich halte. "
        "Am Abend warnten sie vor „sehr ergiebigen Niederschlägen“ in der Nacht."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Niederschlägen" in q.text]
    assert quotes and (quotes[0].speaker or "") != "Am Abend"


def test_prepositional_opener_is_no_speaker():
    text = (
        "Zu dem Streit führte die Bürgermeisterin Lena Hahn aus, dass die neue Brücke "
        "„bis zum Sommer fertig“ sein werde."
    )
    quotes = analyze(text, "de").quotes
    assert quotes and all((q.speaker or "").find("Zu dem") < 0 for q in quotes)
    assert any("Hahn" in (q.speaker or "") for q in quotes)


def test_a_subheading_is_no_speaker() -> None:
    text = (
        "Der Generalsekretär Lars Holm sagte, das Bündnis sei geschlossen.\n\n"
        "Moskau weist Vorwürfe zurück\n\n"
        "Russland bedrohe niemanden, sagte ein Sprecher in Moskau.\n\n"
        "Allianz will Kiew weiter unterstützen\n\n"
        "Die Verbündeten seien sich einig, dass Kiew Hilfe brauche.\n\n"
        "Verband spricht von „Stillstand“\n\n"
        "Der Verband der Werften beklagte am Montag die Lage der Branche."
    )
    a = analyze(text, "de")
    headings = (
        "Moskau weist Vorwürfe zurück",
        "Allianz will Kiew weiter unterstützen",
        "Verband spricht von „Stillstand“",
    )
    assert a.quotes, "the body under the subheadings has quotes"
    for heading in headings:
        hs = text.index(heading)
        he = hs + len(heading)
        for q in a.quotes:
            assert not (q.speaker_start is not None and hs <= q.speaker_start < he), q
            # the heading is not itself reported speech (words in marks in it may be quoted)
            assert not (hs <= q.start < he and q.kind not in ("direct", "term")), q


def test_an_adverb_between_the_verb_and_its_subject() -> None:
    text = (
        "Der Deich bei Husum ist an zwei Stellen gebrochen. Das erklärte gestern ein Sprecher "
        "des Landkreises. Um 9 Uhr meldete dann die Agentur Nordpress, die Straße sei gesperrt."
    )
    a = analyze(text, "de")
    first = next(q for q in a.quotes if q.text.startswith("Der Deich"))
    assert first.speaker == "ein Sprecher des Landkreises"
    last = next(q for q in a.quotes if q.text.startswith("die Straße sei"))
    assert last.speaker == "die Agentur Nordpress"


def test_a_named_speaker_with_an_apposition_between_commas() -> None:
    text = (
        "Professor Lena Ward, head of the Institute for Coastal Studies, says it is likely "
        "that the dunes will move inland."
    )
    q = _one_starting(text, "it is likely")
    assert q.speaker.startswith("Professor Lena Ward") and q.cue == "says"


def test_colon_frame_without_verb_of_saying_takes_the_subject():
    text = "Die Anwohner sehen die Pläne gelassen: „Wir haben schon Schlimmeres erlebt.“"
    _, q = _one(text, "direct")
    assert q.speaker == "Die Anwohner"


def test_agentless_passive_report_is_no_quotation():
    assert "reported" not in _kinds("Außerdem wurden strengere Kontrollen der Anlage gefordert.")
    assert "reported" not in _kinds("Der Mann wurde am Montag zu drei Jahren Haft verurteilt.")
    a, q = _one("Der Plan wurde von der Gewerkschaft Verdi als unsozial kritisiert.", "reported")
    assert "Verdi" in (q.speaker or "")


def test_a_reflexive_speech_act_still_names_who_speaks_next():
    text = (
        "Die Ministerin Petra Lang äußerte sich am Montag zu den Plänen. "
        "Der Bau solle im Herbst beginnen."
    )
    a = analyze(text, "de")
    q = [q for q in a.quotes if q.text.startswith("Der Bau")]
    assert q and _actor_name(a, q[0]) == "Petra Lang"


def test_a_report_or_a_community_can_be_the_speaker_of_a_report_verb():
    a, q = _one("Die neue Studie aus Bonn bemängelt die Lage in den Gefängnissen.", "reported")
    assert q.speaker and q.speaker.startswith("Die neue Studie")
    a, q = _one(
        "Die Schutzgemeinschaft der Sparer bezifferte den Schaden auf zwei Millionen.", "reported"
    )
    assert q.speaker and q.speaker.startswith("Die Schutzgemeinschaft")


def test_sieht_or_stellte_with_the_particle_vor_reports_no_words():
    assert "reported" not in _kinds("Die Vereinbarung der Regierung sieht einen Ausbau vor.")
    assert "reported" not in _kinds(
        "Den Plan stellte der Leiter des Amtes, Karl Berg, am Montag in Kiel vor."
    )
    assert "reported" in _kinds(
        "Die Gewerkschaft Verdi sieht vor allem die Arbeitgeber in der Pflicht."
    )


def test_a_speaker_with_a_party_in_brackets_keeps_the_closing_bracket():
    a, q = _one(
        "Die Ministerin Petra Lang (SPD) forderte höhere Löhne für Pflegekräfte.", "reported"
    )
    assert q.speaker == "Die Ministerin Petra Lang (SPD)"


def test_a_subject_with_an_apposition_before_the_verb_is_no_quote():
    text = "Karl Berg, der Chef hinter der Firma Nordwerk, kündigte einen neuen Lastwagen an."
    a = analyze(text, "de")
    assert not [q for q in a.quotes if q.kind == "indirect"]
    a, q = _one("Die Lage im Hafen sei ernst, sagte der Minister.", "indirect")
    assert q.text == "Die Lage im Hafen sei ernst"


def test_the_subject_of_a_passive_demand_is_asked_not_asking():
    a, q = _one(
        "Südafrika, Großbritannien und die Vereinigten Staaten werden aufgefordert, "
        "mehr Druck auszuüben.",
        "indirect",
    )
    assert q.speaker is None
    a, q = _one(
        "Die Bürger wurden von der Polizei aufgefordert, die Fenster zu schließen.", "indirect"
    )
    assert q.speaker == "der Polizei"


def test_an_agentless_passive_that_states_a_figure_or_cause_is_reported():
    assert "reported" in _kinds("Als Todesursache des Politikers wurde ein Herzinfarkt angegeben.")
    assert "reported" not in _kinds("Als Folge des Unfalls wurden strengere Regeln gefordert.")


def test_subject_before_auxiliary_and_findings():
    a = analyze("Company officials have repeatedly stated they were not told of the leak.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "they were not told of the leak" and q.speaker == "Company officials"
    a = analyze("The researchers found that rents rose by a third in five years.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text.startswith("that rents rose") and q.speaker == "The researchers"


def test_apposition_after_an_inverted_frame_is_no_second_segment():
    text = (
        "“The talks went well,” said Mara Holt, a trade analyst at the Eastern Institute. "
        "She expects a deal in May."
    )
    a = analyze(text, "en")
    assert _kind(a, "indirect") == []


def test_adding_that_after_an_inverted_frame_and_participle_openers():
    text = (
        '"It is over," said Tom Reed, the chairman of the club, adding that the ground '
        "would be sold."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Tom Reed"
    assert ind[0].text == "that the ground would be sold"
    assert _kind(analyze("Asked whether she would resign, she said no.", "en"), "indirect") == []
    a = analyze("The council has announced new measures to cut traffic.", "en")
    assert _kind(a, "indirect") == [] and len(_kind(a, "reported")) == 1
