"""Each English rule family on sentences written for the test (not from any corpus)."""

from __future__ import annotations

from reader.analysis import analyze


def _kind(a, kind):
    return [q for q in a.quotes if q.kind == kind]


def _name(a, q):
    actor = a.actor(q.actor)
    return actor.name if actor else None


def test_direct_quote_with_inverted_frame_and_apposition():
    text = (
        '"The harbour will reopen on Friday," said Maria Lopez, the port director. '
        '"We owe that to the fishermen."'
    )
    a = analyze(text, "en")
    direct = _kind(a, "direct")
    assert len(direct) == 2
    assert direct[0].speaker == "Maria Lopez" and direct[0].cue == "said"
    assert _name(a, direct[1]) == "Maria Lopez"  # the unframed second quote continues her


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


def test_apostrophes_are_not_quotes():
    a = analyze("The mayor's plan and the workers' union don't agree, officials said.", "en")
    assert not [q for q in a.quotes if q.kind in ("direct", "term")]


def test_said_that_clause_and_told_object():
    text = "Health minister Sara Quist said that the new clinic would open in May."
    a = analyze(text, "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "that the new clinic would open in May"
    assert _name(a, q) == "Sara Quist"
    a = analyze("Quist told reporters the budget was secure.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "the budget was secure" and q.speaker == "Quist"


def test_trailing_frame_and_according_to():
    a = analyze("The bridge is safe for now, engineers said on Monday.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "The bridge is safe for now" and q.speaker == "engineers"
    a = analyze("According to the ministry of transport, repairs will take a year.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "repairs will take a year"
    assert q.speaker == "the ministry of transport"


def test_reported_speech_act():
    a = analyze("But Senator Paul Grant warned of deep cuts to rural schools.", "en")
    (q,) = _kind(a, "reported")
    assert q.speaker == "Senator Paul Grant" and _name(a, q) == "Paul Grant"


def test_quoted_title_is_a_term_and_nested_fragment_is_direct():
    a = analyze('She starred in the film "Silent Harbour" last year.', "en")
    assert [q.kind for q in a.quotes] == ["term"]
    a = analyze('Director Ana Ruiz said the report was "deeply worrying" for the region.', "en")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert _name(a, nested[0]) == "Ana Ruiz"


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


def test_scare_quotes_outside_a_frame_are_terms():
    a = analyze('The so-called "reform" left many families worse off.', "en")
    assert [q.kind for q in a.quotes] == ["term"]


def test_subject_before_auxiliary_and_findings():
    a = analyze("Company officials have repeatedly stated they were not told of the leak.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "they were not told of the leak" and q.speaker == "Company officials"
    a = analyze("The researchers found that rents rose by a third in five years.", "en")
    (q,) = _kind(a, "indirect")
    assert q.text.startswith("that rents rose") and q.speaker == "The researchers"


def test_according_to_at_the_end_keeps_the_whole_clause():
    text = "Two people were injured in the blast, according to the fire service."
    a = analyze(text, "en")
    (q,) = _kind(a, "indirect")
    assert q.text == "Two people were injured in the blast"
    assert q.speaker == "the fire service"


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


def test_finite_auxiliary_never_ends_the_speaker():
    text = "The mayor Jane Holt had said that the city would cut spending next year."
    a = analyze(text, "en")
    q = _kind(a, "indirect")[0]
    assert q.speaker == "The mayor Jane Holt"


def _actors(text: str, lang: str = "en"):
    return {a.name: a for a in analyze(text, lang).actors}


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


def test_direct_quote_over_a_paragraph_break_after_a_comma_frame():
    text = (
        'The coach spoke after the final. He said, "We started slowly.\n'
        'Then the team found its rhythm and never let go."\nThe fans cheered.'
    )
    a = analyze(text, "en")
    direct = _kind(a, "direct")
    assert len(direct) == 1
    assert direct[0].text.endswith('let go."')


def test_coordinated_verb_and_ing_form_and_made_are_no_speech_act():
    text = (
        "Guards stopped and questioned the driver at the border. "
        "The visitors started the match with attacking play from both wings. "
        "The foundation made two donations to the museum last year."
    )
    a = analyze(text, "en")
    assert _kind(a, "reported") == []


def test_report_verb_in_a_relative_clause_is_no_speech_act():
    a = analyze("The dispute on which the tribunal has ruled was about fishing rights.", "en")
    assert _kind(a, "reported") == []


def test_according_to_with_apposition_after_the_source():
    text = (
        "The prints were all lent by a private collector, according to Nora Vale, "
        "curator of the exhibit."
    )
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("The prints") and "curator" not in ind[0].text


def test_frame_verb_followed_by_its_direct_quote_frames_no_indirect_speech():
    text = (
        "Speaking at a press conference in the capital, the minister, Ada Berg said, "
        '"We are in contact with all parties."'
    )
    a = analyze(text, "en")
    assert _kind(a, "indirect") == []
    assert len(_kind(a, "direct")) == 1


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


def test_plural_base_form_and_sentence_initial_noun_and_learned():
    a = analyze("Estimates suggest that 300 boats may still be at sea in the bay.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Estimates"
    a = analyze("The paper has learned that the mayor will resign before the summer.", "en")
    assert _kind(a, "indirect")[0].speaker == "The paper"
    text = "Lena Ortiz, a student at the college, admitted she had skipped two lectures."
    a = analyze(text, "en")
    assert _kind(a, "indirect")[0].speaker == "Lena Ortiz"


def test_as_x_told_a_paper_opens_a_source_phrase():
    a = analyze("As Okafor told The Morning Star, prices have fallen for three months.", "en")
    ind = _kind(a, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("prices") and ind[0].speaker == "Okafor"


def test_frame_inside_the_sentence_splits_the_reported_words():
    text = "The new bridge, she told the council, would open before the winter."
    a = analyze(text, "en")
    ind = _kind(a, "indirect")
    assert [q.text for q in ind] == ["The new bridge", "would open before the winter"]
    assert all(q.speaker == "she" for q in ind)
    text = "Most visitors, said Ortega, are expected to arrive by train."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 2 and all(q.speaker == "Ortega" for q in ind)


def test_apposition_after_an_inverted_frame_is_no_second_segment():
    text = (
        "“The talks went well,” said Mara Holt, a trade analyst at the Eastern Institute. "
        "She expects a deal in May."
    )
    a = analyze(text, "en")
    assert _kind(a, "indirect") == []


def test_english_date_before_a_full_stop_ends_the_sentence():
    text = (
        "Reyes stated the driver left the depot on March 12. On March 14, the police "
        "found the truck in a field."
    )
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].text.endswith("March 12")


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


def test_a_short_phrase_in_marks_closing_a_reporter_sentence_is_a_term():
    text = (
        "After weeks of talks, the visitors were granted a special status on the grounds "
        'that their visit would be a "major public benefit." The team named its boat '
        '"Seagull."'
    )
    a = analyze(text, "en")
    assert _kind(a, "direct") == []


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


def test_clause_checks_for_objects_labels_lists_and_noun_subjects():
    # a name ending in -ed is no past tense
    assert (
        _kind(
            analyze("The agency tweeted praise of Ahmed Fareed via its account.", "en"), "indirect"
        )
        == []
    )
    # "describes as": a label in a relative clause, no reported clause
    text = "He was sent to a camp in the north, which the ministry describes as a retreat."
    assert _kind(analyze(text, "en"), "indirect") == []
    # a verb-like noun in a list after a comma frames nothing
    text = "The highlight of the festival is a giant rotating dragon, laser light show and music."
    assert _kind(analyze(text, "en"), "indirect") == []
    # a noun clause after an object with a preposition is not reported speech
    text = "They had learned an important lesson from the long strike that unity pays."
    assert _kind(analyze(text, "en"), "indirect") == []
    # "reports have revealed that": the noun heads the subject
    text = "Recent reports have revealed that the factory was closed for a week in May."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Recent reports"
    # an addressee before the that-clause
    text = "The mayor warned the residents that the water would be cut off on Monday."
    ind = _kind(analyze(text, "en"), "indirect")
    assert len(ind) == 1 and ind[0].text.startswith("that the water")


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


def test_ruled_that_is_reported_speech_and_backshift_continues_it():
    text = (
        "The tribunal ruled that the contract had been signed too late. The tender would "
        "have to be repeated."
    )
    a = analyze(text, "en")
    assert [q.kind for q in a.quotes] == ["indirect", "indirect_free_indirect"]


def test_pronoun_it_and_plural_groups_speak_in_a_speech_act():
    text = "The ministry welcomed the deal. It also warned against new tariffs on steel."
    rep = _kind(analyze(text, "en"), "reported")
    assert [q.speaker for q in rep] == ["The ministry", "It"]
    rep = _kind(analyze("Consumer groups welcomed the fine but called for more.", "en"), "reported")
    assert len(rep) == 1 and rep[0].speaker == "Consumer groups"


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


def test_plural_present_base_forms_of_warn_and_other_report_verbs():
    ind = _kind(analyze("Experts warn that the virus could spread to the north.", "en"), "indirect")
    assert len(ind) == 1 and ind[0].speaker == "Experts"
    rep = _kind(analyze("Doctors warn of a shortage of nurses in rural areas.", "en"), "reported")
    assert len(rep) == 1 and rep[0].speaker == "Doctors"


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
