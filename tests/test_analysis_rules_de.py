"""Each German rule family on sentences written for the test (not from any corpus)."""

from __future__ import annotations

from reader.analysis import analyze


def _one(text: str, kind: str):
    a = analyze(text, "de")
    found = [q for q in a.quotes if q.kind == kind]
    assert found, f"no {kind} in {[(q.kind, q.text) for q in a.quotes]}"
    return a, found[0]


def _actor_name(a, q):
    actor = a.actor(q.actor)
    return actor.name if actor else None


def test_direct_quote_framed_after_by_verb_and_pronoun():
    text = (
        "Die Ministerin Petra Albrecht besuchte das Werk. „Wir lassen niemanden im Stich“, "
        "sagte sie am Montag."
    )
    a, q = _one(text, "direct")
    assert q.text == "„Wir lassen niemanden im Stich“"
    assert q.speaker == "sie" and _actor_name(a, q) == "Petra Albrecht"
    assert q.cue == "sagte"


def test_direct_quote_framed_before_with_colon_and_mismatched_marks():
    text = 'Bürgermeister Klaus Brenner erklärte: „Die Brücke bleibt bis Juni gesperrt."'
    a, q = _one(text, "direct")
    assert q.text == '„Die Brücke bleibt bis Juni gesperrt."'
    assert _actor_name(a, q) == "Klaus Brenner"


def test_split_quote_shares_its_frame():
    text = "„Das ist ein guter Tag“, sagte Anna Wolff, „aber die Arbeit beginnt erst.“"
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "„Das ist ein guter Tag“",
        "„aber die Arbeit beginnt erst.“",
    ]
    assert {_actor_name(a, q) for q in direct} == {"Anna Wolff"}


def test_guillemets_and_quote_over_paragraphs():
    text = (
        "Der Sprecher Tom Berger sagte: »Wir prüfen alle Optionen.\n\n"
        "»Eine Entscheidung fällt nächste Woche.«"
    )
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("»Wir prüfen") and direct[0].text.endswith("Woche.«")


def test_unframed_quote_continues_the_last_speaker():
    text = (
        "„Wir sind vorbereitet“, sagte Innenministerin Julia Hartmann. "
        "„Niemand muss sich Sorgen machen.“"
    )
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[1].cue is None and _actor_name(a, direct[1]) == "Julia Hartmann"


def test_title_in_marks_is_a_term_not_a_quotation():
    text = "Die Zeitung „Rheinischer Bote“ berichtete über den Film „Die langen Nächte“."
    a = analyze(text, "de")
    assert [q.kind for q in a.quotes if q.text.startswith("„")] == ["term", "term"]
    assert a.quote_count() == sum(1 for q in a.quotes if q.kind != "term")


def test_konjunktiv_with_frame_after_and_role_speaker():
    text = (
        "Verteidigungsminister Jonas Keller reiste nach Brüssel. Die Lage sei ernst, "
        "sagte der Verteidigungsminister am Abend."
    )
    a, q = _one(text, "indirect")
    assert q.text == "Die Lage sei ernst"
    assert q.speaker == "der Verteidigungsminister"


def test_so_frame_and_free_indirect_continuation():
    text = (
        "Die Verhandlungen seien schwierig, so Keller weiter. Man werde aber nicht aufgeben. "
        "Ein Ergebnis sei bis Freitag möglich."
    )
    a = analyze(text, "de")
    kinds = [q.kind for q in a.quotes]
    assert kinds[0] == "indirect" and a.quotes[0].speaker == "Keller"
    free = [q for q in a.quotes if q.kind == "indirect_free_indirect"]
    assert len(free) == 1  # consecutive Konjunktiv sentences merge into one passage
    assert free[0].text == "Man werde aber nicht aufgeben. Ein Ergebnis sei bis Freitag möglich."
    assert free[0].speaker == "Keller"


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


def test_reported_speech_act_and_capital_as_government():
    text = "Berlin fordert von Warschau schnelle Zusagen für den Grenzausbau."
    a, q = _one(text, "reported")
    assert q.speaker == "Berlin" and _actor_name(a, q) == "Deutschland"
    poland = next(x for x in a.actors if x.name == "Polen")
    assert poland.type == "country" and "Warschau" in poland.aliases


def test_capital_after_a_preposition_is_a_place():
    a = analyze("Die Delegation traf sich in Berlin mit Vertretern der Industrie.", "de")
    berlin = next(x for x in a.actors if x.name == "Berlin")
    assert berlin.type == "place"


def test_nested_fragment_inside_indirect_speech():
    text = "Die Ministerin sagte, das Gesetz sei „ein Meilenstein für alle Familien“."
    a = analyze(text, "de")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert nested[0].speaker == "Die Ministerin"


def test_actors_grouped_with_roles_and_role_reference():
    text = (
        "Bundesbank-Präsident Otto Fähnrich warnte vor Risiken. Fähnrich sagte, die Inflation "
        "sinke langsam. Der Bundesbank-Chef äußerte sich nicht zu den Zinsen."
    )
    a = analyze(text, "de")
    person = next(x for x in a.actors if x.name == "Otto Fähnrich")
    assert person.type == "person"
    assert "Bundesbank-Präsident" in person.roles
    assert {"Fähnrich", "Der Bundesbank-Chef"} <= set(person.aliases)
    assert len(person.mentions) == 3


def test_announced_act_as_zu_infinitive():
    text = "Die Stadträtin Lea Vogt kündigte am Dienstag an, die Gebühren im Herbst zu senken."
    a, q = _one(text, "indirect")
    assert q.text == "die Gebühren im Herbst zu senken"
    assert _actor_name(a, q) == "Lea Vogt"


def test_hearsay_modal_is_free_indirect():
    text = "Der Täter soll das Gebäude durch ein Fenster betreten haben."
    a, q = _one(text, "free_indirect")
    assert q.text == text


def test_label_in_marks_after_labelling_verb_is_a_quotation_of_the_subject():
    text = "Die Opposition nannte den Haushalt einen „Offenbarungseid“."
    a, q = _one(text, "direct")
    assert q.text == "„Offenbarungseid“"
    assert q.speaker == "Die Opposition"


def test_colon_frame_without_verb_of_saying_takes_the_subject():
    text = "Die Anwohner sehen die Pläne gelassen: „Wir haben schon Schlimmeres erlebt.“"
    _, q = _one(text, "direct")
    assert q.speaker == "Die Anwohner"


def test_konjunktiv_after_an_unquoted_sentence_continues_its_subject():
    text = (
        "„Wir warten ab“, sagte Ministerin Eva Roth. Bürgermeister Paul Hahn ist besorgt. "
        "Die Lage sei ernst."
    )
    a = analyze(text, "de")
    free = [q for q in a.quotes if q.kind == "indirect_free_indirect"]
    assert len(free) == 1 and free[0].speaker == "Bürgermeister Paul Hahn"


def test_say_verb_outranks_laut_inside_its_frame():
    text = "Minister Tom Weiß bestätigte laut Reuters, dass die Gespräche andauern."
    a = analyze(text, "de")
    inner = [
        q for q in a.quotes if q.text == "dass die Gespräche andauern" and q.cue == "bestätigte"
    ]
    assert inner and _actor_name(a, inner[0]) == "Tom Weiß"  # (Reuters relays the sentence)


def test_frame_in_the_middle_splits_the_quote():
    text = "Der Vorschlag, so Keller weiter, sei noch nicht abgestimmt."
    a = analyze(text, "de")
    segs = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.text for q in segs] == ["Der Vorschlag", "sei noch nicht abgestimmt"]
    assert all(q.speaker == "Keller" for q in segs)


def test_definite_description_speaker_resolves_to_the_person_just_named():
    text = (
        "Generalsekretärin Ingrid Halvorsen traf die Minister. „Wir handeln“, sagte die "
        "Norwegerin. Dem polnischen Außenminister Tomasz Wróbel zufolge reicht das nicht."
    )
    a = analyze(text, "de")
    direct = next(q for q in a.quotes if q.kind == "direct")
    assert direct.speaker == "die Norwegerin" and _actor_name(a, direct) == "Ingrid Halvorsen"
    source = next(q for q in a.quotes if q.cue == "zufolge")
    assert source.speaker == "Dem polnischen Außenminister Tomasz Wróbel"
    assert source.text == "reicht das nicht"


def test_sentence_initial_adjectives_and_regions_are_not_people():
    text = (
        "Neue Auflagen würden Arbeitsplätze gefährden, sagte Georg Wendt. Der Bezirksleiter "
        "Nordrhein-Westfalen widersprach. Die neue Regel gilt ab Mai. Klimaforscher "
        "Dr. Henrik Sandvoss warnte vor Eile."
    )
    a = analyze(text, "de")
    people = {x.name for x in a.actors if x.type == "person"}
    assert people == {"Georg Wendt", "Henrik Sandvoss"}
    region = next(x for x in a.actors if x.name == "Nordrhein-Westfalen")
    assert region.type == "place"


def test_dash_frame_and_end_of_reported_content():
    text = (
        "Zwar sei es ein wichtiger Schritt – so Canny –, trotzdem fehle Geld. Er sagte, er "
        "sei unschuldig, erkannte die Autorität des Gerichts aber nicht an."
    )
    a = analyze(text, "de")
    indirect = [(q.text, q.speaker) for q in a.quotes if q.kind == "indirect"]
    assert indirect == [
        ("Zwar sei es ein wichtiger Schritt", "Canny"),
        ("trotzdem fehle Geld", "Canny"),
        ("er sei unschuldig", "Er"),
    ]


def test_source_phrase_after_a_contrast_opener_quotes_only_its_own_clause():
    text = (
        "Die Straße ist seit Montag wieder frei, jedoch bleibt laut der Polizei "
        "die Brücke bis Ende Mai gesperrt."
    )
    a = analyze(text, "de")
    segs = [q for q in a.quotes if q.kind == "indirect"]
    assert segs and segs[0].text == "jedoch bleibt"
    assert all("Straße" not in q.text for q in segs)


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


def test_das_erklaerte_ziel_is_no_report():
    text = "Die Sprecherin Eva Roth sagte, der Zug sei entgleist. Das erklärte Ziel ist ein Neubau."
    assert not [q for q in analyze(text, "de").quotes if q.text == "Das"]


def test_report_verb_with_a_zu_infinitive_after_the_comma_reports_that_clause():
    text = (
        "Der Bürgermeister Karl Huber lobte die Feuerwehr dafür, so schnell eingegriffen zu haben."
    )
    _, q = _one(text, "indirect")
    assert q.text == "so schnell eingegriffen zu haben"
    assert q.speaker == "Der Bürgermeister Karl Huber"


def test_report_verb_with_a_purpose_clause_stays_a_reported_act():
    text = "Der Bürgermeister Karl Huber lobte die Feuerwehr, um die Stimmung zu heben."
    _, q = _one(text, "reported")
    assert q.text.startswith("Der Bürgermeister")


def test_dass_clause_ends_where_the_main_clause_after_it_begins():
    text = (
        "Die Sprecherin Eva Roth hatte betont, dass die Brücke sicher sei, "
        "war aber am Montag selbst nicht vor Ort."
    )
    a = analyze(text, "de")
    qs = [q for q in a.quotes if "Brücke" in q.text]
    assert qs and qs[0].text == "dass die Brücke sicher sei"


def test_indirect_speech_ends_before_a_colon_that_opens_a_direct_quote():
    text = (
        "Der Sprecher der Stadt, Paul Brandt, ging davon aus, dass die Lage ruhig bleibe: "
        "„Wir haben schon drei neue Pumpen im Einsatz.“"
    )
    a = analyze(text, "de")
    qs = [q for q in a.quotes if q.kind == "indirect"]
    assert qs and qs[0].text == "dass die Lage ruhig bleibe"


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


def test_finite_auxiliary_never_ends_the_speaker():
    for text, who in (
        (
            "Die Sprecherin Eva Roth hatte betont, dass die Stadt sparen müsse.",
            "Die Sprecherin Eva Roth",
        ),
        (
            "Der Landrat Max Huber hat erklärt, dass die Straße gesperrt bleibe.",
            "Der Landrat Max Huber",
        ),
    ):
        a, q = _one(text, "indirect")
        assert q.speaker == who


def _kinds(text: str) -> list[str]:
    return [q.kind for q in analyze(text, "de").quotes]


def test_agentless_passive_report_is_no_quotation():
    assert "reported" not in _kinds("Außerdem wurden strengere Kontrollen der Anlage gefordert.")
    assert "reported" not in _kinds("Der Mann wurde am Montag zu drei Jahren Haft verurteilt.")
    a, q = _one("Der Plan wurde von der Gewerkschaft Verdi als unsozial kritisiert.", "reported")
    assert "Verdi" in (q.speaker or "")


def test_report_verb_framing_a_colon_quote_or_a_marked_label_is_no_reported_quote():
    text = "Die Ministerin Petra Lang äußerte sich zufrieden: „Das ist ein guter Tag.“"
    kinds = _kinds(text)
    assert "reported" not in kinds and "direct" in kinds
    assert "reported" not in _kinds("Der Abgeordnete Karl Berg nannte den Plan „groben Unfug“.")
    assert "reported" not in _kinds("Die Ministerin Petra Lang äußerte sich am Montag zum Streit.")
    assert "reported" in _kinds("Die Gewerkschaft Verdi forderte höhere Löhne für Pflegekräfte.")


def test_a_reflexive_speech_act_still_names_who_speaks_next():
    text = (
        "Die Ministerin Petra Lang äußerte sich am Montag zu den Plänen. "
        "Der Bau solle im Herbst beginnen."
    )
    a = analyze(text, "de")
    q = [q for q in a.quotes if q.text.startswith("Der Bau")]
    assert q and _actor_name(a, q[0]) == "Petra Lang"


def test_a_court_sentence_or_a_presentation_is_no_reported_speech_act():
    assert "reported" not in _kinds(
        "Das Landgericht Kiel verurteilte den Mann zu zwei Jahren Haft."
    )
    assert "reported" not in _kinds("Der Konzern Nordwerk stellte am Montag das neue Modell vor.")
    assert "reported" in _kinds(
        "Die Regierung Dänemarks verurteilte den Anschlag auf die Botschaft."
    )


def test_a_neuter_article_opens_a_speaker_not_an_impersonal_das():
    a, q = _one("Das Auswärtige Amt der Republik verurteilte den Anschlag scharf.", "reported")
    assert q.speaker == "Das Auswärtige Amt der Republik"


def test_a_report_sentence_ending_in_a_colon_only_introduces_what_follows():
    text = "Im Einzelnen verlangt die Behörde die folgenden Daten:\nNamen und Adressen der Nutzer."
    assert "reported" not in _kinds(text)


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


def test_a_speaker_with_a_party_in_brackets_keeps_the_closing_bracket():
    a, q = _one(
        "Die Ministerin Petra Lang (SPD) forderte höhere Löhne für Pflegekräfte.", "reported"
    )
    assert q.speaker == "Die Ministerin Petra Lang (SPD)"


def test_hearsay_soll_with_a_perfect_infinitive_before_a_comma():
    text = (
        "Im Hafen von Kiel sank am Montag ein Frachter. "
        "Die Ladung soll bereits ausgelaufen sein, die Ursache ist noch unklar."
    )
    assert "free_indirect" in _kinds(text)
    assert "free_indirect" not in _kinds(
        "Im Hafen von Kiel sank am Montag ein Frachter. Die Werft soll im Mai erweitert werden."
    )


def test_a_subject_with_an_apposition_before_the_verb_is_no_quote():
    text = "Karl Berg, der Chef hinter der Firma Nordwerk, kündigte einen neuen Lastwagen an."
    a = analyze(text, "de")
    assert not [q for q in a.quotes if q.kind == "indirect"]
    a, q = _one("Die Lage im Hafen sei ernst, sagte der Minister.", "indirect")
    assert q.text == "Die Lage im Hafen sei ernst"


def test_an_indicative_relative_clause_after_a_noun_is_no_reported_content():
    text = (
        "So berichtete die Zeitung „Kurier“ gestern von einer Initiative junger Pfarrer, "
        "die den Amtsantritt des Bischofs verhindern wollten."
    )
    assert "indirect" not in _kinds(text)
    a, q = _one("Die Zeitung berichtete von einem Plan, der die Steuern senken solle.", "indirect")
    assert q.text == "der die Steuern senken solle"


def test_a_subject_with_an_inserted_apposition_or_relative_clause_reports():
    a, q = _one(
        "Der Vorsitzende der Versammlung, Jean Mignon, bezeichnete die Taten als grauenvoll.",
        "reported",
    )
    assert q.speaker == "Der Vorsitzende der Versammlung, Jean Mignon"
    assert "reported" not in _kinds(
        "Die Partei, eine Nachfolgerin der alten Volkspartei, sieht sich mit einem Verbot konfrontiert."
    )


def test_a_zu_infinitive_with_two_particles_is_content():
    a, q = _one(
        "Das Parlament hat die Länder dazu aufgefordert, einen Plan voranzutreiben.", "indirect"
    )
    assert q.text == "einen Plan voranzutreiben" and q.speaker == "Das Parlament"


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


def test_no_speaker_mention_starts_or_ends_with_a_finite_auxiliary():
    from reader.analysis import de
    from reader.analysis.speakers import trim_auxiliaries

    text = "Das Fahrzeug sei"
    assert trim_auxiliaries(text, 0, len(text), de.DE) == (0, 12)
    text = "wollen die Demonstranten"
    assert text[slice(*trim_auxiliaries(text, 0, len(text), de.DE))] == "die Demonstranten"
    assert trim_auxiliaries("Hatte", 0, 5, de.DE) is None
    text = "Die Sprecherin Eva Roth hatte betont, dass die Razzien rechtmäßig seien."
    quotes = analyze(text, "de").quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Die Sprecherin Eva Roth")]


def test_a_speech_act_told_in_the_pluperfect_is_background_not_a_quote():
    text = "Der Bischof Karl Berg hatte zuvor die Reform der Kirche kritisiert."
    assert "reported" not in _kinds(text)
    assert "reported" in _kinds("Der Bischof Karl Berg hat die Reform der Kirche kritisiert.")


def test_soll_inside_a_relative_clause_makes_no_hearsay_sentence():
    text = (
        "Die Ministerin Petra Lang sagte am Montag, die Strecke sei fertig. Der Abschnitt ist "
        "das erste Projekt, das nicht mehr aus dem Haushalt bezahlt werden soll."
    )
    assert "free_indirect" not in _kinds(text)
    text = (
        "Die Ministerin Petra Lang sagte am Montag, die Strecke sei fertig. Der Abschnitt soll "
        "vor allem den Verkehr entlasten."
    )
    assert "free_indirect" in _kinds(text)


def test_an_agentless_passive_that_states_a_figure_or_cause_is_reported():
    assert "reported" in _kinds("Als Todesursache des Politikers wurde ein Herzinfarkt angegeben.")
    assert "reported" not in _kinds("Als Folge des Unfalls wurden strengere Regeln gefordert.")


def test_an_adjective_after_das_still_makes_an_article_and_a_closing_quote_is_content():
    a, q = _one("Das vietnamesische Gesundheitsministerium erwartete weitere Seuchen.", "reported")
    assert q.speaker == "Das vietnamesische Gesundheitsministerium"
    kinds = _kinds(
        "Das Auswärtige Amt rät dazu, „nicht notwendige Reisen in das Land zu verschieben“."
    )
    assert "reported" not in kinds and "direct" in kinds


def test_an_intent_verb_closing_a_relative_clause_frames_the_zu_infinitive():
    text = (
        "Im Studio saß ein Gast aus Bremen, der alle Zuschauer aufforderte, nicht mehr "
        "den Verein zu unterstützen."
    )
    a, q = _one(text, "indirect")
    assert q.text == "nicht mehr den Verein zu unterstützen"
    assert q.speaker == "der" and q.cue == "aufforderte"


def test_an_intent_verb_in_the_perfect_frames_a_zu_infinitive_anywhere_in_its_clause():
    a, q = _one(
        "Die Gewerkschaft hat nun versprochen, gegen die Randalierer vorzugehen.", "indirect"
    )
    assert q.text == "gegen die Randalierer vorzugehen" and q.speaker == "Die Gewerkschaft"
    text = (
        "Die Kanzlerin hat am Samstag in Berlin angekündigt, kurzfristig zurückzutreten als "
        "Chefin der Partei."
    )
    a, q = _one(text, "indirect")
    assert q.text == "kurzfristig zurückzutreten als Chefin der Partei"


def test_a_noun_of_saying_before_a_comma_frames_its_content_clause():
    a, q = _one(
        "Dem Appell der Feuerwehr, sich sofort zu melden, folgte der Fahrer nicht.", "indirect"
    )
    assert q.text == "sich sofort zu melden" and q.speaker == "der Feuerwehr"
    text = (
        "Der Verein Stadtgrün ist der Ansicht, dass der Park erhalten bleiben müsse, da er "
        "für viele Familien wichtig sei."
    )
    a, q = _one(text, "indirect")
    assert q.text.startswith("dass der Park") and q.text.endswith("wichtig sei")
    assert q.speaker == "Der Verein Stadtgrün"
    a, q = _one(
        "Mit der Begründung, das Gebäude sei marode, wurde die Schule geschlossen.", "indirect"
    )
    assert q.text == "das Gebäude sei marode"


def test_a_noun_without_saying_or_a_konjunktiv_sentence_gets_no_noun_frame():
    kinds = [
        q.kind for q in analyze("Die Möglichkeit, dort zu parken, besteht weiter.", "de").quotes
    ]
    assert "indirect" not in kinds
    text = (
        "Der Arzt Jan Vogt sagte, die Lage sei ernst. Zudem gebe es Aussagen, dass die Werte "
        "steigen würden."
    )
    a = analyze(text, "de")
    assert not any(q.kind == "indirect" and q.text.startswith("dass die Werte") for q in a.quotes)


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


def test_das_before_a_verb_of_saying_is_the_quote_after_a_quoted_sentence():
    text = (
        "Wie gestern bekannt wurde, ist die Brücke gesperrt. Das berichteten Mitarbeiter des "
        "Bauamtes der Stadt Lindau."
    )
    a = analyze(text, "de")
    das = [q for q in a.quotes if q.text == "Das"]
    assert das and das[0].speaker.startswith("Mitarbeiter des Bauamtes")


def test_an_agentless_report_passive_frames_the_clause_after_its_comma():
    a, q = _one("Im April wurde dann bekannt, dass der Trainer schwer erkrankt war.", "indirect")
    assert q.text == "dass der Trainer schwer erkrankt war" and q.speaker is None
    a, q = _one("Als Begründung wurde angegeben, es werde ein neuer Partner gesucht.", "indirect")
    assert q.text == "es werde ein neuer Partner gesucht" and q.speaker is None
    text = "Nachdem bekannt geworden war, dass die Firma verkauft wird, stieg die Aktie stark an."
    a, q = _one(text, "indirect")
    assert q.text == "dass die Firma verkauft wird"
    assert not analyze("Es wurde nicht bekannt, ob der Zug pünktlich fährt.", "de").quotes


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


def test_als_before_a_bare_noun_opens_a_main_clause_with_a_frame():
    text = "Als Begründung für die Einreise gab er an, sie wären Spieler der Nationalmannschaft."
    a, q = _one(text, "indirect")
    assert q.text == "sie wären Spieler der Nationalmannschaft" and q.speaker == "er"


def test_reported_words_end_before_und_and_a_second_verb_that_opens_a_colon():
    text = (
        "Der Minister Karl Roth sagte, Europa brauche die Briten und fügte hinzu: „Wer glaubt das?“"
    )
    a, q = _one(text, "indirect")
    assert q.text == "Europa brauche die Briten" and q.cue == "sagte"


def test_a_fronted_phrase_with_a_relative_clause_or_a_negated_frame_is_no_frame_after():
    text = (
        "In seiner Rede, die von der Gouverneurin verlesen wurde, mahnte der Premier Tom Hale "
        "zu einem sparsamen Haushalt."
    )
    assert not any(q.kind == "indirect" for q in analyze(text, "de").quotes)
    text = "Wieso die Maschine kurz nach dem Start abbrach, gab die Flugsicherung nicht bekannt."
    assert not analyze(text, "de").quotes
    a, q = _one("Die Lage im Hafen sei ernst, sagte der Minister Jan Roth.", "indirect")
    assert q.text == "Die Lage im Hafen sei ernst"


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


def test_an_intent_participle_frames_its_zu_infinitive_without_a_comma():
    a, q = _one("Der Hersteller Lumo hat angekündigt die Preise ab Oktober zu erhöhen.", "indirect")
    assert q.text == "die Preise ab Oktober zu erhöhen" and q.speaker == "Der Hersteller Lumo"
    a, q = _one(
        "Wegen des Rauchs wurden Anwohner aufgefordert Fenster geschlossen zu halten.", "indirect"
    )
    assert q.text == "Fenster geschlossen zu halten" and q.speaker is None


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


def test_a_konjunktiv_verb_makes_the_words_before_a_frame_a_clause():
    text = "Alle Gebiete seien unter der Kontrolle der Rebellen, sagte Jan Roth, ein General."
    a, q = _one(text, "indirect")
    assert (
        q.text == "Alle Gebiete seien unter der Kontrolle der Rebellen" and q.speaker == "Jan Roth"
    )


def test_a_konjunktiv_one_sentence_continues_the_subject_of_a_report_sentence_before_it():
    text = "Die Regierung warnt vor weiteren Überschwemmungen. Die Dämme seien nahe an der Grenze."
    a, q = _one(text, "indirect_free_indirect")
    assert q.text == "Die Dämme seien nahe an der Grenze." and q.speaker == "Die Regierung"
    text = "Der Zug fuhr um acht Uhr ab. Ich stelle fest, dass die Strecke frei ist."
    assert not any(q.kind == "indirect_free_indirect" for q in analyze(text, "de").quotes)


def test_a_wie_frame_after_an_apposition_or_with_sich():
    text = "Die Anlage stand unter Druck, wie Jan Roth, Chef der Firma Lumo, mitteilte."
    a = analyze(text, "de")
    assert [(q.text, q.speaker) for q in a.quotes] == [("Die Anlage stand unter Druck", "Jan Roth")]
    a, q = _one(
        "Die Vorsorge sei wichtig, wie sich der Abgeordnete Jan Roth ausdrückte.", "indirect"
    )
    assert q.text == "Die Vorsorge sei wichtig" and q.speaker == "der Abgeordnete Jan Roth"


def test_an_attributive_participle_is_no_report_verb():
    text = "Mit diesen Programmen schließt sich eine oft beklagte Lücke im Angebot."
    assert not analyze(text, "de").quotes
    assert _one("Die Polizei forderte Verstärkung an.", "reported")


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


def test_a_dass_clause_after_a_degree_word_is_a_result_not_reported_content():
    text = "Die Explosion war so heftig, dass sie noch kilometerweit zu sehen war."
    assert not analyze(text, "de").quotes
    a, q = _one("Die Stadt Lindau kritisierte, dass die Brücke gesperrt sei.", "indirect")
    assert q.text == "dass die Brücke gesperrt sei"


def test_a_verb_of_saying_closing_a_relative_or_leading_subordinate_clause():
    text = "Als der Minister am Sonntag sagte, dass die Proteste illegal seien, lachte der Saal."
    a, q = _one(text, "indirect")
    assert q.text == "dass die Proteste illegal seien" and q.speaker == "der Minister"
    text = "Im Saal saß auch Jan Roth, der sagte, man dürfe die Lage nicht unterschätzen."
    a, q = _one(text, "indirect")
    assert q.text == "man dürfe die Lage nicht unterschätzen" and q.speaker == "der"


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


def test_so_after_a_single_opening_word():
    text = "Dennoch, so der Richter Jan Roth, habe der Mann nicht gelogen."
    texts = {q.text: q.speaker for q in analyze(text, "de").quotes}
    assert texts == {
        "Dennoch": "der Richter Jan Roth",
        "habe der Mann nicht gelogen": "der Richter Jan Roth",
    }
    assert not analyze("Ja, so ist das.", "de").quotes
