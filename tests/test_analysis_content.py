"""Quotation analysis, what a frame reports: that/dass clauses, zu-infinitives, intent verbs, speech nouns (content.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import (
    _actor_name,
    _kind,
    _name,
    _one_starting,
    _quotes,
    analyze,
    check,
    no_quote,
    quote,
)

CAUSE_AND_BELIEF = (
    "Der lange Regen hat dazu beigetragen, dass die Ernte im Tal verdorben ist. "
    "Erste Messungen deuten darauf hin, dass der Pegel weiter steigt. "
    "Der Landrat geht davon aus, dass die Dämme halten."
)
ABRATEN = "Das Auswärtige Amt rät dazu, „nicht notwendige Reisen in das Land zu verschieben“."


NEGATED_THAT = (
    "Die Reederei konnte gestern nicht glaubhaft machen, dass die Fähre sicher ist. "
    "Dies sei eine interne Frage."
)
WUERDIGT = (
    "Der Bürgermeister würdigte am Abend die Arbeit der Helfer. Ohne sie wäre der Deich gebrochen."
)
CONTENT = [
    quote(
        "Die Opposition wirft der Regierung vor, die Zahlen jahrelang geschönt zu haben.",
        "de",
        "indirect",
        quote="die Zahlen jahrelang geschönt zu haben",
        speaker="Die Opposition",
        id="accusing-verb-frames-a-zu-infinitive-de",
    ),
    quote(
        "Die Gewerkschaft besteht darauf, die Löhne im ganzen Land anzugleichen.",
        "de",
        "indirect",
        speaker="Die Gewerkschaft",
        id="insisting-verb-frames-a-zu-infinitive-de",
    ),
    quote(
        "Die Polizei sagte, der Fahrer habe die Ampel übersehen; die Ermittlungen dauern an.",
        "de",
        "indirect",
        quote="der Fahrer habe die Ampel übersehen",
        id="reported-content-ends-at-a-semicolon-de",
    ),
    no_quote(
        "Die Gewerkschaft forderte höhere Löhne, um die Inflation auszugleichen.",
        "de",
        quote="um die Inflation auszugleichen",
        id="purpose-clause-after-a-report-is-not-the-content-de",
    ),
    # a that-clause of cause or result is nobody's words; "geht davon aus, dass" still is
    no_quote(
        CAUSE_AND_BELIEF, "de", at="dass die Ernte", id="dazu-beigetragen-dass-is-a-result-de"
    ),
    no_quote(CAUSE_AND_BELIEF, "de", at="dass der Pegel", id="deuten-darauf-hin-dass-is-a-sign-de"),
    quote(CAUSE_AND_BELIEF, "de", None, at="dass die Dämme", id="geht-davon-aus-dass-reports-de"),
    quote(
        "Die Stadträtin Lea Vogt kündigte am Dienstag an, die Gebühren im Herbst zu senken.",
        "de",
        "indirect",
        quote="die Gebühren im Herbst zu senken",
        actor="Lea Vogt",
        id="announced-act-as-zu-infinitive-de",
    ),
    quote(
        "Zwar sei es ein wichtiger Schritt – so Canny –, trotzdem fehle Geld. Er sagte, er "
        "sei unschuldig, erkannte die Autorität des Gerichts aber nicht an.",
        "de",
        "indirect",
        segments=(
            ("Zwar sei es ein wichtiger Schritt", "Canny"),
            ("trotzdem fehle Geld", "Canny"),
            ("er sei unschuldig", "Er"),
        ),
        id="dash-frame-and-end-of-reported-content-de",
    ),
    quote(
        "Der Bürgermeister Karl Huber lobte die Feuerwehr dafür, so schnell eingegriffen zu haben.",
        "de",
        "indirect",
        quote="so schnell eingegriffen zu haben",
        speaker="Der Bürgermeister Karl Huber",
        id="report-verb-with-a-zu-infinitive-after-the-comma-de",
    ),
    quote(
        "Der Bürgermeister Karl Huber lobte die Feuerwehr, um die Stimmung zu heben.",
        "de",
        "reported",
        starts="Der Bürgermeister",
        id="report-verb-with-a-purpose-clause-stays-a-reported-act-de",
    ),
    quote(
        "Die Sprecherin Eva Roth hatte betont, dass die Brücke sicher sei, "
        "war aber am Montag selbst nicht vor Ort.",
        "de",
        None,
        where="Brücke",
        quote="dass die Brücke sicher sei",
        id="dass-clause-ends-where-the-main-clause-after-it-begins-de",
    ),
    # a finite auxiliary never ends the speaker
    quote(
        "Die Sprecherin Eva Roth hatte betont, dass die Stadt sparen müsse.",
        "de",
        "indirect",
        speaker="Die Sprecherin Eva Roth",
        id="hatte-betont-de",
    ),
    quote(
        "Der Landrat Max Huber hat erklärt, dass die Straße gesperrt bleibe.",
        "de",
        "indirect",
        speaker="Der Landrat Max Huber",
        id="hat-erklaert-de",
    ),
    no_quote(
        "So berichtete die Zeitung „Kurier“ gestern von einer Initiative junger Pfarrer, "
        "die den Amtsantritt des Bischofs verhindern wollten.",
        "de",
        "indirect",
        id="indicative-relative-clause-after-a-noun-is-no-content-de",
    ),
    quote(
        "Die Zeitung berichtete von einem Plan, der die Steuern senken solle.",
        "de",
        "indirect",
        quote="der die Steuern senken solle",
        id="konjunktiv-relative-clause-after-a-noun-is-content-de",
    ),
    quote(
        "Der Vorsitzende der Versammlung, Jean Mignon, bezeichnete die Taten als grauenvoll.",
        "de",
        "reported",
        speaker="Der Vorsitzende der Versammlung, Jean Mignon",
        id="subject-with-an-inserted-apposition-reports-de",
    ),
    no_quote(
        "Die Partei, eine Nachfolgerin der alten Volkspartei, sieht sich mit einem Verbot "
        "konfrontiert.",
        "de",
        "reported",
        id="sieht-sich-konfrontiert-is-no-report-de",
    ),
    quote(
        "Das Parlament hat die Länder dazu aufgefordert, einen Plan voranzutreiben.",
        "de",
        "indirect",
        quote="einen Plan voranzutreiben",
        speaker="Das Parlament",
        id="zu-infinitive-with-two-particles-de",
    ),
    quote(
        "Der Kreisvorstand hatte den Kassenwart am Montag aufgefordert, sein Amt niederzulegen.",
        "de",
        "indirect",
        quote="sein Amt niederzulegen",
        speaker="Der Kreisvorstand",
        id="zu-infinitive-with-nieder-de",
    ),
    quote(
        "Die Gewerkschaft kündigte an, an den Gesprächen nicht mehr teilzunehmen.",
        "de",
        "indirect",
        quote="an den Gesprächen nicht mehr teilzunehmen",
        speaker="Die Gewerkschaft",
        id="zu-infinitive-with-teil-de",
    ),
    quote(
        "Das vietnamesische Gesundheitsministerium erwartete weitere Seuchen.",
        "de",
        "reported",
        speaker="Das vietnamesische Gesundheitsministerium",
        id="adjective-after-das-still-makes-an-article-de",
    ),
    no_quote(ABRATEN, "de", "reported", id="raet-dazu-with-a-closing-quote-is-no-speech-act-de"),
    # a negated report has no content of its own; its subject still goes on speaking
    no_quote(
        NEGATED_THAT,
        "de",
        "indirect",
        at="dass die Fähre",
        id="negated-report-before-dass-is-no-quote-de",
    ),
    quote(
        NEGATED_THAT,
        "de",
        "indirect_free_indirect",
        at="Dies sei",
        speaker="Die Reederei",
        id="after-a-negated-report-the-subject-goes-on-de",
    ),
    quote(
        "Der Kapitän hielt es nicht für ausgeschlossen, dass die Fähre zu schnell fuhr.",
        "de",
        "indirect",
        quote="dass die Fähre zu schnell fuhr",
        id="a-denied-denial-before-dass-still-reports-de",
    ),
    # praise and welcome tell a stance, not words; the subject still goes on speaking
    no_quote(WUERDIGT, "de", "reported", id="wuerdigte-is-a-stance-not-a-report-de"),
    quote(
        WUERDIGT,
        "de",
        "indirect_free_indirect",
        at="Ohne sie",
        speaker="Der Bürgermeister",
        id="after-a-stance-the-subject-goes-on-speaking-de",
    ),
    no_quote(
        "Die Gewerkschaft begrüßte den Kompromiss im Tarifstreit.",
        "de",
        "reported",
        id="begruesste-is-a-stance-not-a-report-de",
    ),
    quote(ABRATEN, "de", "direct", id="raet-dazu-closing-quote-is-content-de"),
    quote(
        "Im Studio saß ein Gast aus Bremen, der alle Zuschauer aufforderte, nicht mehr "
        "den Verein zu unterstützen.",
        "de",
        "indirect",
        quote="nicht mehr den Verein zu unterstützen",
        speaker="der",
        cue="aufforderte",
        id="intent-verb-closing-a-relative-clause-de",
    ),
    quote(
        "Die Gewerkschaft hat nun versprochen, gegen die Randalierer vorzugehen.",
        "de",
        "indirect",
        quote="gegen die Randalierer vorzugehen",
        speaker="Die Gewerkschaft",
        id="intent-verb-in-the-perfect-de",
    ),
    quote(
        "Die Kanzlerin hat am Samstag in Berlin angekündigt, kurzfristig zurückzutreten als "
        "Chefin der Partei.",
        "de",
        "indirect",
        quote="kurzfristig zurückzutreten als Chefin der Partei",
        id="intent-verb-in-the-perfect-anywhere-in-its-clause-de",
    ),
    # a noun of saying before a comma frames its content clause
    quote(
        "Dem Appell der Feuerwehr, sich sofort zu melden, folgte der Fahrer nicht.",
        "de",
        "indirect",
        quote="sich sofort zu melden",
        speaker="der Feuerwehr",
        id="noun-appell-de",
    ),
    quote(
        "Der Verein Stadtgrün ist der Ansicht, dass der Park erhalten bleiben müsse, da er "
        "für viele Familien wichtig sei.",
        "de",
        "indirect",
        starts="dass der Park",
        ends="wichtig sei",
        speaker="Der Verein Stadtgrün",
        id="noun-ansicht-de",
    ),
    quote(
        "Mit der Begründung, das Gebäude sei marode, wurde die Schule geschlossen.",
        "de",
        "indirect",
        quote="das Gebäude sei marode",
        id="noun-begruendung-de",
    ),
    # an agentless report passive frames the clause after its comma
    quote(
        "Im April wurde dann bekannt, dass der Trainer schwer erkrankt war.",
        "de",
        "indirect",
        quote="dass der Trainer schwer erkrankt war",
        speaker=None,
        id="wurde-bekannt-de",
    ),
    quote(
        "Als Begründung wurde angegeben, es werde ein neuer Partner gesucht.",
        "de",
        "indirect",
        quote="es werde ein neuer Partner gesucht",
        speaker=None,
        id="wurde-angegeben-de",
    ),
    quote(
        "Nachdem bekannt geworden war, dass die Firma verkauft wird, stieg die Aktie stark an.",
        "de",
        "indirect",
        quote="dass die Firma verkauft wird",
        id="bekannt-geworden-war-de",
    ),
    no_quote(
        "Es wurde nicht bekannt, ob der Zug pünktlich fährt.",
        "de",
        id="wurde-nicht-bekannt-de",
    ),
    quote(
        "Als Begründung für die Einreise gab er an, sie wären Spieler der Nationalmannschaft.",
        "de",
        "indirect",
        quote="sie wären Spieler der Nationalmannschaft",
        speaker="er",
        id="als-before-a-bare-noun-opens-a-main-clause-de",
    ),
    quote(
        "Der Minister Karl Roth sagte, Europa brauche die Briten und fügte hinzu: „Wer glaubt "
        "das?“",
        "de",
        "indirect",
        quote="Europa brauche die Briten",
        cue="sagte",
        id="reported-words-end-before-und-and-a-second-verb-de",
    ),
    # a fronted phrase with a relative clause or a negated frame is no frame after
    no_quote(
        "In seiner Rede, die von der Gouverneurin verlesen wurde, mahnte der Premier Tom Hale "
        "zu einem sparsamen Haushalt.",
        "de",
        "indirect",
        id="fronted-phrase-with-a-relative-clause-de",
    ),
    no_quote(
        "Wieso die Maschine kurz nach dem Start abbrach, gab die Flugsicherung nicht bekannt.",
        "de",
        id="negated-frame-after-de",
    ),
    quote(
        "Die Lage im Hafen sei ernst, sagte der Minister Jan Roth.",
        "de",
        "indirect",
        quote="Die Lage im Hafen sei ernst",
        id="frame-after-de",
    ),
    quote(
        "Der Hersteller Lumo hat angekündigt die Preise ab Oktober zu erhöhen.",
        "de",
        "indirect",
        quote="die Preise ab Oktober zu erhöhen",
        speaker="Der Hersteller Lumo",
        id="intent-participle-without-a-comma-de",
    ),
    quote(
        "Wegen des Rauchs wurden Anwohner aufgefordert Fenster geschlossen zu halten.",
        "de",
        "indirect",
        quote="Fenster geschlossen zu halten",
        speaker=None,
        id="passive-intent-participle-without-a-comma-de",
    ),
    no_quote(
        "Die Explosion war so heftig, dass sie noch kilometerweit zu sehen war.",
        "de",
        id="dass-after-a-degree-word-is-a-result-de",
    ),
    quote(
        "Die Stadt Lindau kritisierte, dass die Brücke gesperrt sei.",
        "de",
        "indirect",
        quote="dass die Brücke gesperrt sei",
        id="kritisierte-dass-de",
    ),
    quote(
        "Als der Minister am Sonntag sagte, dass die Proteste illegal seien, lachte der Saal.",
        "de",
        "indirect",
        quote="dass die Proteste illegal seien",
        speaker="der Minister",
        id="verb-of-saying-closing-a-leading-subordinate-clause-de",
    ),
    quote(
        "Im Saal saß auch Jan Roth, der sagte, man dürfe die Lage nicht unterschätzen.",
        "de",
        "indirect",
        quote="man dürfe die Lage nicht unterschätzen",
        speaker="der",
        id="verb-of-saying-closing-a-relative-clause-de",
    ),
    quote(
        "Health minister Sara Quist said that the new clinic would open in May.",
        "en",
        "indirect",
        count=1,
        quote="that the new clinic would open in May",
        actor="Sara Quist",
        id="said-that-clause-en",
    ),
    quote(
        "Quist told reporters the budget was secure.",
        "en",
        "indirect",
        count=1,
        quote="the budget was secure",
        speaker="Quist",
        id="told-an-object-en",
    ),
    quote(
        "The mayor Jane Holt had said that the city would cut spending next year.",
        "en",
        "indirect",
        speaker="The mayor Jane Holt",
        id="finite-auxiliary-never-ends-the-speaker-en",
    ),
    no_quote(
        "The dispute on which the tribunal has ruled was about fishing rights.",
        "en",
        "reported",
        id="report-verb-in-a-relative-clause-en",
    ),
    quote(
        "The mayor wrote to residents and said the bridge would reopen in the spring.",
        "en",
        "indirect",
        count=1,
        starts="the bridge",
        speaker="The mayor",
        id="second-verb-of-saying-joined-by-and-en",
    ),
    quote(
        "With the season almost over, the league announced on Friday that the final would "
        "move to Lisbon.",
        "en",
        "indirect",
        count=1,
        starts="that the final",
        speaker="the league",
        id="that-clause-after-an-opening-phrase-en",
    ),
    quote(
        "Jones stated to the Daily Courier that the car had been stolen twice.",
        "en",
        "indirect",
        starts="that the car",
        id="that-clause-after-a-short-adjunct-en",
    ),
    quote(
        "Though the council is studying the plan, several residents have stated that they "
        "will oppose the new road.",
        "en",
        "indirect",
        count=1,
        speaker="several residents",
        id="frame-in-the-main-clause-after-a-subordinate-clause-en",
    ),
    quote(
        "Reyes stated the driver left the depot on March 12. On March 14, the police "
        "found the truck in a field.",
        "en",
        "indirect",
        count=1,
        ends="March 12",
        id="date-before-a-full-stop-ends-the-sentence-en",
    ),
    # a noun-phrase object after a verb of saying is no reported clause
    no_quote(
        "The museum tweeted support for the young artist via its official account.",
        "en",
        "indirect",
        id="tweeted-support-en",
    ),
    no_quote(
        "In a statement to the radio station, the company denied these allegations firmly.",
        "en",
        "indirect",
        id="denied-allegations-en",
    ),
    no_quote(
        "Later that week the police found the stolen truck in a field near the river.",
        "en",
        "indirect",
        id="found-the-truck-en",
    ),
    quote(
        "The authors said the results confirm a steady decline in reading skills.",
        "en",
        "indirect",
        count=1,
        id="said-a-bare-clause-en",
    ),
    quote(
        "Reyes stated the driver left the depot before dawn on Monday.",
        "en",
        "indirect",
        count=1,
        id="stated-a-bare-clause-en",
    ),
    quote(
        "The union said members are ready to strike next week.",
        "en",
        "indirect",
        count=1,
        id="said-a-bare-clause-with-a-plural-subject-en",
    ),
    no_quote(
        "The two states kept a policy of turning back the boats at sea.",
        "en",
        "indirect",
        id="subject-never-ends-with-an-article-or-a-number-word-en",
    ),
    quote(
        "A district court on Monday halted the new mine, ruling that the permit had "
        "ignored the risk to the river.",
        "en",
        "indirect",
        count=1,
        speaker="A district court",
        starts="that the permit",
        id="participle-of-saying-after-the-main-clause-en",
    ),
    no_quote(
        "The mayor opened the fair, noting the flags of the towns that were present.",
        "en",
        "indirect",
        id="noting-a-noun-phrase-en",
    ),
    quote(
        "Farmer claims river company poisoned his herd\nThe case opens on Monday.",
        "en",
        "indirect",
        count=1,
        speaker="Farmer",
        id="headline-claims-en",
    ),
    quote(
        "The boy brought a radio to class on Monday, and a guard wrongly thought it was a weapon.",
        "en",
        "indirect",
        count=1,
        speaker="a guard",
        quote="it was a weapon",
        id="second-main-clause-frame-en",
    ),
    no_quote(
        "These were the colours and sounds the reporters observed at the opening party.",
        "en",
        "indirect",
        id="relative-clause-observed-en",
    ),
    # expects, hopes, believes report a clause
    quote(
        "Ms Varga expects that the talks will end by Friday.",
        "en",
        "indirect",
        at="that the talks",
        speaker="Ms Varga",
        cue="expects",
        id="expects-that-en",
    ),
    quote(
        "The coach hopes his team can win the cup.",
        "en",
        "indirect",
        at="his team can",
        speaker="The coach",
        cue="hopes",
        id="hopes-en",
    ),
    quote(
        "Analysts believe the bank will cut rates in May.",
        "en",
        "indirect",
        at="the bank will",
        speaker="Analysts",
        cue="believe",
        id="believe-en",
    ),
    quote(
        "Die Bürgerinitiative Nord setzt sich für die alte Flagge ein, während die "
        "Bürgerinitiative Süd den Vorschlag unterstützt und fordert, dass der Löwe zur "
        "Nationalflagge wird.",
        "de",
        "indirect",
        starts="dass der Löwe",
        speaker="die Bürgerinitiative Süd",
        id="that-clause-after-a-subordinate-verb-has-its-subject-de",
    ),
    quote(
        "Vor einigen Wochen gab es Angriffe auf die Botschaft; Die Nachrichtenseite Tagesblick "
        "berichtete daraufhin, dass die Angriffe von Milizen ausgeführt wurden.",
        "de",
        "indirect",
        starts="dass die Angriffe",
        speaker="Die Nachrichtenseite Tagesblick",
        id="that-clause-after-a-semicolon-has-the-new-clauses-subject-de",
    ),
]


@pytest.mark.parametrize("case", CONTENT)
def test_content_rules(case):
    check(case)


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


def test_i_think_inside_a_quote_reports_the_clause_after_it() -> None:
    text = '"I think the vote will be close," said Senator Amy Lund. "We will see."'
    inner = [q for q in _quotes(text) if q.rule == "opinion"]
    assert inner and inner[0].text.startswith("the vote will be close")
    assert inner[0].nested and inner[0].speaker == "I" and inner[0].cue == "think"


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


def test_frame_inside_the_sentence_splits_the_reported_words():
    text = "The new bridge, she told the council, would open before the winter."
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert [q.text for q in ind] == ["The new bridge", "would open before the winter"]
    assert all(q.speaker == "she" for q in ind)
    text = "Most visitors, said Ortega, are expected to arrive by train."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 2 and all(q.speaker == "Ortega" for q in ind)


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


def test_an_agentless_passive_intention_names_nobody_however_long_its_subject():
    """'Die Korrespondentin des Senders wurde aufgefordert, … zu verlassen': the passive
    names nobody who asks, so the last speaker does not take the intention over, also when
    the auxiliary stands after the fourth word."""
    text = (
        "Der Minister Hans Weber sagte, er sei zufrieden. Die Korrespondentin des örtlichen "
        "Senders wurde aufgefordert, das Land zu verlassen."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("das Land"))
    assert q.speaker is None, q.speaker
    assert q.kind == "indirect"


def test_an_adjective_in_the_opening_adverbial_is_no_verb_the_subject_follows_the_verb():
    """'Zu dem aktuellen Streit führte X aus, dass …': 'aktuellen' sits between an article
    and its noun, so the verb is 'führte' and X, not 'Streit', holds the that-clause."""
    text = (
        "Zu dem aktuellen Streit führte die Ministerin Petra Lind aus, dass die Regeln klar seien."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("dass die Regeln"))
    assert q.speaker == "die Ministerin Petra Lind", q.speaker
