"""Quotation analysis, what a frame reports: that/dass clauses, zu-infinitives, intent verbs, speech nouns (content.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import (
    _actor_name,
    _first_of_kind,
    _kind,
    _kinds,
    _name,
    _one,
    _one_starting,
    _quotes,
    analyze,
)


def test_appositive_subject_then_sagte_comma_speaks_the_clause_after():
    text = (
        "Die Vorsitzende in Bremen, Lena Korte, sagte, die Mitglieder seien verärgert. "
        "Noch im Mai habe der Vorstand versprochen, die Beiträge zu senken."
    )
    a = analyze(text, "de")
    first = next(q for q in a.quotes if q.text.startswith("die Mitglieder"))
    assert first.kind == "indirect" and _name(a, first) == "Lena Korte"
    assert not any(q.text.startswith("Die Sprecherin") for q in a.quotes)
    second = next(q for q in a.quotes if "Vorstand" in q.text or "Beiträge" in q.text)
    assert _name(a, second) == "Lena Korte"  # a Konjunktiv main clause continues her


def test_accusing_and_insisting_verbs_frame_a_zu_infinitive():
    q = _first_of_kind(
        "Die Opposition wirft der Regierung vor, die Zahlen jahrelang geschönt zu haben.",
        "de",
        "indirect",
    )
    assert q.text == "die Zahlen jahrelang geschönt zu haben" and q.speaker == "Die Opposition"
    q = _first_of_kind(
        "Die Gewerkschaft besteht darauf, die Löhne im ganzen Land anzugleichen.",
        "de",
        "indirect",
    )
    assert q.speaker == "Die Gewerkschaft"


def test_reported_content_ends_at_a_semicolon():
    q = _first_of_kind(
        "Die Polizei sagte, der Fahrer habe die Ampel übersehen; die Ermittlungen dauern an.",
        "de",
        "indirect",
    )
    assert q.text == "der Fahrer habe die Ampel übersehen"


def test_purpose_clause_after_a_report_is_not_the_content():
    a = analyze("Die Gewerkschaft forderte höhere Löhne, um die Inflation auszugleichen.", "de")
    assert all(q.text != "um die Inflation auszugleichen" for q in a.quotes)


def test_a_definite_noun_that_is_no_role_is_not_the_last_person() -> None:
    text = (
        "Die Ministerin Hanna Vogt sagte, der Etat reiche nicht. "
        "Die Industrie warnte dagegen vor neuen Auflagen. "
        "Die Ministerin verteidigte den Plan."
    )
    a = analyze(text, "de")
    industry = next(q for q in a.quotes if q.speaker == "Die Industrie")
    assert _actor_name(a, industry) is None
    minister = next(q for q in a.quotes if q.speaker == "Die Ministerin")
    assert _actor_name(a, minister) == "Hanna Vogt"


def test_a_that_clause_of_cause_or_result_is_nobodys_words() -> None:
    """'trug dazu bei, dass', 'deuten darauf hin, dass' give a result or a sign, not what
    someone holds; 'geht davon aus, dass' still does."""
    text = (
        "Der lange Regen hat dazu beigetragen, dass die Ernte im Tal verdorben ist. "
        "Erste Messungen deuten darauf hin, dass der Pegel weiter steigt. "
        "Der Landrat geht davon aus, dass die Dämme halten."
    )
    a = analyze(text, "de")
    said = [q.text for q in a.quotes if q.kind != "term"]
    assert not any(t.startswith(("dass die Ernte", "dass der Pegel")) for t in said), said
    assert any(t.startswith("dass die Dämme") for t in said), said


@pytest.mark.parametrize(
    "text, starts, speaker",
    [
        (
            "The harbour master, Ola Berg, said on Tuesday the pier would stay closed.",
            "the pier would",
            "The harbour master, Ola Berg",
        ),
        (
            "The ferry operator said on Wednesday evening its boats would sail again.",
            "its boats would",
            "The ferry operator",
        ),
        (
            "Mayor Tina Holt told reporters in Lindby that the bridge was safe.",
            "that the bridge",
            "Mayor Tina Holt",
        ),
        (
            "The agency said last week the tests had found nothing unusual.",
            "the tests had",
            "The agency",
        ),
    ],
)
def test_a_time_or_place_phrase_between_the_verb_and_a_bare_clause(text, starts, speaker):
    q = _one_starting(text, starts)
    assert q.speaker == speaker
    assert "on Tuesday" not in q.text and "in Lindby" not in q.text


@pytest.mark.parametrize(
    "text, starts, speaker, cue",
    [
        (
            "Ms Varga expects that the talks will end by Friday.",
            "that the talks",
            "Ms Varga",
            "expects",
        ),
        ("The coach hopes his team can win the cup.", "his team can", "The coach", "hopes"),
        (
            "Analysts believe the bank will cut rates in May.",
            "the bank will",
            "Analysts",
            "believe",
        ),
    ],
)
def test_expects_hopes_believes_report_a_clause(text, starts, speaker, cue):
    q = _one_starting(text, starts)
    assert q.speaker == speaker and q.cue == cue


def test_i_think_inside_a_quote_reports_the_clause_after_it() -> None:
    text = '"I think the vote will be close," said Senator Amy Lund. "We will see."'
    inner = [q for q in _quotes(text) if q.rule == "opinion"]
    assert inner and inner[0].text.startswith("the vote will be close")
    assert inner[0].nested and inner[0].speaker == "I" and inner[0].cue == "think"


def test_announced_act_as_zu_infinitive():
    text = "Die Stadträtin Lea Vogt kündigte am Dienstag an, die Gebühren im Herbst zu senken."
    a, q = _one(text, "indirect")
    assert q.text == "die Gebühren im Herbst zu senken"
    assert _actor_name(a, q) == "Lea Vogt"


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


def test_an_agentless_report_passive_frames_the_clause_after_its_comma():
    a, q = _one("Im April wurde dann bekannt, dass der Trainer schwer erkrankt war.", "indirect")
    assert q.text == "dass der Trainer schwer erkrankt war" and q.speaker is None
    a, q = _one("Als Begründung wurde angegeben, es werde ein neuer Partner gesucht.", "indirect")
    assert q.text == "es werde ein neuer Partner gesucht" and q.speaker is None
    text = "Nachdem bekannt geworden war, dass die Firma verkauft wird, stieg die Aktie stark an."
    a, q = _one(text, "indirect")
    assert q.text == "dass die Firma verkauft wird"
    assert not analyze("Es wurde nicht bekannt, ob der Zug pünktlich fährt.", "de").quotes


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


def test_an_intent_participle_frames_its_zu_infinitive_without_a_comma():
    a, q = _one("Der Hersteller Lumo hat angekündigt die Preise ab Oktober zu erhöhen.", "indirect")
    assert q.text == "die Preise ab Oktober zu erhöhen" and q.speaker == "Der Hersteller Lumo"
    a, q = _one(
        "Wegen des Rauchs wurden Anwohner aufgefordert Fenster geschlossen zu halten.", "indirect"
    )
    assert q.text == "Fenster geschlossen zu halten" and q.speaker is None


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


def test_said_that_clause_and_told_object():
    text = "Health minister Sara Quist said that the new clinic would open in May."
    a = analyze(text, "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "that the new clinic would open in May"
    assert _name(a, q) == "Sara Quist"
    a = analyze("Quist told reporters the budget was secure.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "the budget was secure" and q.speaker == "Quist"


def test_finite_auxiliary_never_ends_the_speaker_en():
    text = "The mayor Jane Holt had said that the city would cut spending next year."
    a = analyze(text, "en")
    q = _kind(a, "indirect")[0]
    assert q.speaker == "The mayor Jane Holt"


def test_report_verb_in_a_relative_clause_is_no_speech_act():
    a = analyze("The dispute on which the tribunal has ruled was about fishing rights.", "en")
    assert _kind(a, "reported") == []


def test_second_verb_of_saying_joined_by_and_frames_the_content():
    text = "The mayor wrote to residents and said the bridge would reopen in the spring."
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("the bridge") and ind[0].speaker == "The mayor"


def test_that_clause_after_a_short_adjunct_and_an_opening_phrase():
    text = (
        "With the season almost over, the league announced on Friday that the final would "
        "move to Lisbon."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("that the final") and ind[0].speaker == "the league"
    a = analyze("Jones stated to the Daily Courier that the car had been stolen twice.", "en")
    assert _kind(a, "indirect")[0].text.startswith("that the car")


def test_frame_in_the_main_clause_after_a_subordinate_clause():
    text = (
        "Though the council is studying the plan, several residents have stated that they "
        "will oppose the new road."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].speaker == "several residents"


def test_frame_inside_the_sentence_splits_the_reported_words():
    text = "The new bridge, she told the council, would open before the winter."
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert [q.text for q in ind] == ["The new bridge", "would open before the winter"]
    assert all(q.speaker == "she" for q in ind)
    text = "Most visitors, said Ortega, are expected to arrive by train."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 2 and all(q.speaker == "Ortega" for q in ind)


def test_english_date_before_a_full_stop_ends_the_sentence():
    text = (
        "Reyes stated the driver left the depot on March 12. On March 14, the police "
        "found the truck in a field."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].text.endswith("March 12")


def test_a_noun_phrase_object_after_a_verb_of_saying_is_no_reported_clause():
    for text in (
        "The museum tweeted support for the young artist via its official account.",
        "In a statement to the radio station, the company denied these allegations firmly.",
        "Later that week the police found the stolen truck in a field near the river.",
    ):
        assert _kind(analyze(text, "en"), "indirect") == [], text
    for text in (
        "The authors said the results confirm a steady decline in reading skills.",
        "Reyes stated the driver left the depot before dawn on Monday.",
        "The union said members are ready to strike next week.",
    ):
        assert len(_kind(analyze(text, "en"), "indirect")) == 1, text


def test_a_subject_never_ends_with_an_article_or_a_number_word():
    a = analyze("The two states kept a policy of turning back the boats at sea.", "en")
    assert _kind(a, "indirect") == []


def test_a_report_inside_reported_words_is_nested():
    a = analyze("Okoye also said she believed the new rules had made the roads safer.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 2
    outer, inner = ind
    assert outer.speaker == "Okoye" and not outer.nested
    assert inner.speaker == "she" and inner.nested
    assert outer.text == inner.text == "the new rules had made the roads safer"
    a = analyze("The chief said the boxes found in the warehouse had been stolen in May.", "en")
    assert len(_kind(a, "indirect")) == 1  # "found in": a participle, no inner report


def test_participle_of_saying_after_the_main_clause_reports_for_its_subject():
    text = (
        "A district court on Monday halted the new mine, ruling that the permit had "
        "ignored the risk to the river."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1
    assert ind[0].speaker == "A district court" and ind[0].text.startswith("that the permit")
    text = "The mayor opened the fair, noting the flags of the towns that were present."
    assert _kind(analyze(text, "en"), "indirect") == []


def test_english_headline_and_second_main_clause_frames():
    text = "Farmer claims river company poisoned his herd\nThe case opens on Monday."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Farmer"
    text = (
        "The boy brought a radio to class on Monday, and a guard wrongly thought it was a weapon."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].speaker == "a guard" and ind[0].text == "it was a weapon"
    text = "These were the colours and sounds the reporters observed at the opening party."
    assert _kind(analyze(text, "en"), "indirect") == []


def test_an_adjective_after_the_article_stays_in_the_speaker_of_a_that_clause():
    text = "Der 64-jährige Pächter des Hofes hatte längst festgestellt, dass Füchse im Stall waren."
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("dass Füchse"))
    assert q.rule == "that_clause" and q.speaker == "Der 64-jährige Pächter des Hofes", q.speaker


def test_the_subject_opening_the_sentence_announces_an_intention_after_a_comma():
    """As without a comma ('Philips hat angekündigt … zu …'), a subject that opens the
    sentence is the one who proposes, even a noun no list knows can speak."""
    text = (
        "Der Kleinverlag schlug den entlassenen Mitarbeitern vor, sich bei der Tochter zu bewerben."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("sich bei der Tochter"))
    assert q.kind == "indirect" and q.speaker == "Der Kleinverlag", (q.kind, q.speaker)
