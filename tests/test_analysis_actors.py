"""Quotation analysis, actors: people, roles, organisations, places, countries and their names (actors.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import _actor_name, _actors, _name, _one, _starting, analyze, check, quote

ACTOR_SPEAKERS = [
    quote(
        "A spokesman for the agency, Omar Haddad, said the roads would stay closed until Friday.",
        "en",
        "indirect",
        actor="Omar Haddad",
        id="appositive-name-resolves-to-the-person-en",
    ),
    quote(
        "Der Feuerwehrchef Juan Ortiz bestätigte den Brand am Sonntag. "
        "Einer der Feuerwehrmänner sagte: „So etwas habe ich noch nie gesehen.“",
        "de",
        "direct",
        speaker="Einer der Feuerwehrmänner",
        id="one-of-a-group-before-a-colon-speaks-de",
    ),
    # groups of people report speech acts
    quote(
        "Ferry operators called for a limit on cruise ships in the bay.",
        "en",
        "reported",
        at="Ferry op",
        speaker="Ferry operators",
        id="group-ferry-operators-en",
    ),
    quote(
        "Local politicians condemned the decision.",
        "en",
        "reported",
        at="Local po",
        speaker="Local politicians",
        id="group-local-politicians-en",
    ),
    quote(
        "Das Auswärtige Amt der Republik verurteilte den Anschlag scharf.",
        "de",
        "reported",
        speaker="Das Auswärtige Amt der Republik",
        id="neuter-article-opens-a-speaker-not-an-impersonal-das-de",
    ),
]


@pytest.mark.parametrize("case", ACTOR_SPEAKERS)
def test_actor_speaker_rules(case):
    check(case)


def test_person_von_organisation_is_the_speaker():
    text = (
        "Die Ökonomin Karla Wendt vom Zentrum für Europäische Wirtschaft warnte dagegen vor einem neuen Handelskonflikt. "
        "Der Analyst Timo Reuss von der Akademie für Soziale Fragen sagte, die Lage sei ernst."
    )
    a = analyze(text, "de")
    wendt = next(q for q in a.quotes if q.cue == "warnte")
    assert _name(a, wendt) == "Karla Wendt" and wendt.speaker.startswith("Die Ökonomin Karla")
    reuss = next(q for q in a.quotes if q.text.startswith("die Lage"))
    assert _name(a, reuss) == "Timo Reuss"


def test_a_capital_used_as_metonym_is_one_actor_with_its_country():
    text = (
        "Der Minister sprach in Warschau mit Kollegen. Warschau fordert mehr Unterstützung "
        "von der EU. Polen sei bereit, mehr zu zahlen, sagte er."
    )
    a = analyze(text, "de")
    names = [x.name for x in a.actors]
    assert "Warschau" not in names
    polen = next(x for x in a.actors if x.name == "Polen")
    assert "Warschau" in polen.aliases


def test_a_quantity_is_no_person_and_so_die_role_finds_the_scientist() -> None:
    text = (
        "Die Klimaforscherin Lea Brandt stellte die Studie in Kiel vor. Die Meere hätten "
        "seit 1990 rund zwei Billionen Tonnen Eis aufgenommen. Das sei beispiellos, so die "
        "Wissenschaftlerin."
    )
    a = analyze(text, "de")
    assert not any(x.type == "person" and "Billionen" in x.name for x in a.actors)
    q = _starting(a, "Das sei beispiellos")
    assert _actor_name(a, q) == "Lea Brandt"


def test_niemand_is_no_speaker() -> None:
    text = (
        "Die Ministerin Hanna Vogt verteidigte den Kurs. Niemand könne ernsthaft behaupten, "
        "die Regierung habe nichts getan."
    )
    a = analyze(text, "de")
    assert not any(q.speaker and q.speaker.startswith("Niemand") for q in a.quotes)
    q = next(q for q in a.quotes if "die Regierung habe" in q.text)
    assert _actor_name(a, q) == "Hanna Vogt"


def test_a_role_in_apposition_is_linked_to_the_name_after_it() -> None:
    text = (
        "„Wir dürfen uns nicht täuschen lassen“, sagte die Leiterin des Instituts, "
        "Dr. Ruth Albrecht, am Montag. Die Lage sei ernst, sagte die Leiterin."
    )
    a = analyze(text, "de")
    q = _starting(a, "„Wir dürfen")
    assert _actor_name(a, q) == "Ruth Albrecht"
    assert q.speaker_rule in ("apposition", "role", "name")
    actor = next(x for x in a.actors if x.name == "Ruth Albrecht")
    assert any("Leiterin" in r for r in actor.roles)
    assert _actor_name(a, _starting(a, "Die Lage sei")) == "Ruth Albrecht"


def test_speaker_keeps_the_mention_and_the_actor_is_named_in_the_nominative() -> None:
    text = (
        "Laut einem Beschluss der Gesundheitsministerkonferenz greift die Reform zu tief ein. "
        "Dem Bundesgesundheitsminister Paul Weber zufolge ist sie aber nötig."
    )
    a = analyze(text, "de")
    q = _starting(a, "greift die Reform")
    assert q.speaker == "Gesundheitsministerkonferenz"
    assert text[q.speaker_start : q.speaker_end] == q.speaker
    names = {x.name for x in a.actors}
    assert "Paul Weber" in names
    assert not any(n.startswith(("einem ", "Dem ", "dem ")) for n in names)


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


def test_countries_capitals_and_organisations():
    text = (
        "Moscow rejected the proposal. NATO said the United States and Germany "
        "would send more troops to Lithuania."
    )
    a = analyze(text, "en")
    by_name = {x.name: x for x in a.actors}
    assert by_name["Russia"].type == "country" and "Moscow" in by_name["Russia"].aliases
    assert by_name["NATO"].type == "organisation"
    assert by_name["USA"].type == "country" and "United States" in by_name["USA"].aliases
    assert by_name["Germany"].type == "country"


def test_actor_types_for_laws_places_and_groups():
    text = (
        "Open Rights Europe said the Digital Services Act protects voters in San Francisco "
        "and Berlin alike. The AI firm declined to comment, the statement said."
    )
    a = analyze(text, "en")
    by_name = {x.name: x.type for x in a.actors}
    assert by_name["Open Rights Europe"] == "organisation"
    assert by_name["Digital Services Act"] == "other"
    assert by_name["San Francisco"] == "place"
    assert "AI" not in by_name


def test_possessive_country_is_the_country_and_its_mention_stops_before_s():
    text = "Dr. Lindiwe Dube, South Africa's trade envoy, said talks would resume."
    actors = _actors(text)
    assert actors["South Africa"].type == "country"
    s, e = actors["South Africa"].mentions[0]
    assert text[s:e] == "South Africa"


def test_organisation_with_of_phrase_is_one_actor_not_a_person():
    actors = _actors(
        "The International Federation of Cargo Pilots warned of delays. Professor "
        "Ada Quinn of the Northern Institute of Marine Safety agreed."
    )
    assert actors["International Federation of Cargo Pilots"].type == "organisation"
    assert "Cargo Pilots" not in actors
    assert any(n.endswith("Institute of Marine Safety") for n in actors)
    assert actors["Ada Quinn"].type == "person"
    assert "Marine Safety" not in actors


def test_capitalised_adjective_before_a_group_noun_is_nobody():
    actors = _actors("A group of Central American countries asked for more time, officials said.")
    assert "Central American" not in actors


def test_acronym_of_an_organisation_named_before_is_its_alias():
    actors = _actors(
        "The International Maritime Organization met on Monday. The IMO said the "
        "rules would apply from June."
    )
    imo = actors["International Maritime Organization"]
    assert "IMO" in imo.aliases and "IMO" not in actors
    assert len(imo.mentions) == 2


def test_german_institute_with_fuer_is_one_organisation():
    actors = _actors(
        "Die Ökonomin Jana Brenner vom Institut für Verkehrsforschung warnte vor Engpässen.", "de"
    )
    assert actors["Institut für Verkehrsforschung"].type == "organisation"
    assert actors["Jana Brenner"].type == "person"


def test_dateline_in_capitals_is_the_capital_and_forum_is_an_organisation():
    actors = _actors("PARIS — The Open Skies Forum said on Tuesday that fares would rise.")
    assert any("PARIS" in a.aliases or a.name == "Paris" for a in actors.values())
    assert "PARIS" not in actors
    assert actors["Open Skies Forum"].type == "organisation"


def test_german_plural_abstract_nouns_opening_a_sentence_are_nobody():
    actors = _actors("Solche Entscheidungen brauchen Zeit. Große Hoffnungen gibt es nicht.", "de")
    assert "Solche Entscheidungen" not in actors and "Große Hoffnungen" not in actors
