"""Misattributions a new user saw at once (issue 12, part 3), each with a made-up sentence of
the same shape as the one in the sample or the seed."""

from __future__ import annotations

from reader.analysis import analyze


def _quote(a, start_words: str):
    found = [q for q in a.quotes if q.text.startswith(start_words)]
    assert found, f"no quote starts with {start_words!r}: {[q.text for q in a.quotes]}"
    return found[0]


def _actor_name(a, q) -> str | None:
    actor = a.actor(q.actor)
    return actor.name if actor else None


def test_a_pronoun_is_not_resolved_past_a_newly_introduced_man() -> None:
    text = (
        "Die Vorsitzende des Vereins Stadtgrün, Marta Kessel, sagte, die Stadt brauche mehr "
        "Bäume. Auch der Oberbürgermeister meldete sich zu Wort. Er rechne mit einer Einigung, "
        "sagte er am Rande einer Sitzung. Der Plan müsse aber „gemeinsam getragen“ werden."
    )
    a = analyze(text, "de")
    q = _quote(a, "Er rechne")
    assert _actor_name(a, q) != "Marta Kessel"
    assert _actor_name(a, q) == "Oberbürgermeister"
    later = _quote(a, "Der Plan müsse")
    assert _actor_name(a, later) == "Oberbürgermeister"


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


def test_nach_before_a_plain_count_is_no_source_phrase() -> None:
    text = (
        "Statt nur nach Einwohnerzahlen sollen die Mittel künftig auch nach der Fläche "
        "verteilt werden. Nach Zahlen des Statistikamts leben dort 4000 Menschen."
    )
    a = analyze(text, "de")
    assert not any(q.text.startswith("Statt") for q in a.quotes)
    assert not any(q.speaker == "Einwohnerzahlen" for q in a.quotes)
    assert any(q.speaker and "Statistikamts" in q.speaker for q in a.quotes)


def test_a_quantity_is_no_person_and_so_die_role_finds_the_scientist() -> None:
    text = (
        "Die Klimaforscherin Lea Brandt stellte die Studie in Kiel vor. Die Meere hätten "
        "seit 1990 rund zwei Billionen Tonnen Eis aufgenommen. Das sei beispiellos, so die "
        "Wissenschaftlerin."
    )
    a = analyze(text, "de")
    assert not any(x.type == "person" and "Billionen" in x.name for x in a.actors)
    q = _quote(a, "Das sei beispiellos")
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
    q = _quote(a, "„Wir dürfen")
    assert _actor_name(a, q) == "Ruth Albrecht"
    assert q.speaker_rule in ("apposition", "role", "name")
    actor = next(x for x in a.actors if x.name == "Ruth Albrecht")
    assert any("Leiterin" in r for r in actor.roles)
    assert _actor_name(a, _quote(a, "Die Lage sei")) == "Ruth Albrecht"


def test_scare_quotes_after_a_group_are_not_their_words() -> None:
    text = (
        "Hunderte Nutzer fühlten sich „überwacht“ und beschwerten sich bei der Behörde. "
        "Die Firma wies das zurück."
    )
    a = analyze(text, "de")
    marked = [q for q in a.quotes if q.text == "„überwacht“"]
    assert marked and marked[0].kind == "term" and marked[0].speaker is None


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
    for heading in headings:
        hs = text.index(heading)
        he = hs + len(heading)
        for q in a.quotes:
            assert not (q.speaker_start is not None and hs <= q.speaker_start < he), q
            # the heading is not itself reported speech (words in marks in it may be quoted)
            assert not (hs <= q.start < he and q.kind not in ("direct", "term")), q


def test_speaker_keeps_the_mention_and_the_actor_is_named_in_the_nominative() -> None:
    text = (
        "Laut einem Beschluss der Gesundheitsministerkonferenz greift die Reform zu tief ein. "
        "Dem Bundesgesundheitsminister Paul Weber zufolge ist sie aber nötig."
    )
    a = analyze(text, "de")
    q = _quote(a, "greift die Reform")
    assert q.speaker == "Gesundheitsministerkonferenz"
    assert text[q.speaker_start : q.speaker_end] == q.speaker
    names = {x.name for x in a.actors}
    assert "Paul Weber" in names
    assert not any(n.startswith(("einem ", "Dem ", "dem ")) for n in names)


def test_words_in_marks_inside_words_nobody_speaks_are_a_term() -> None:
    text = "Es wird vermutet, dass die „Grüne Welle“ in der Stadt bald scheitert."
    a = analyze(text, "de")
    marked = [q for q in a.quotes if q.text == "„Grüne Welle“"]
    assert marked and marked[0].kind == "term"


def test_after_demnach_the_source_it_points_back_to_goes_on() -> None:
    text = (
        "Nach Angaben des Instituts Nordlicht ist die Zahl der Störche gestiegen. Demnach "
        "brüten in diesem Jahr 40 Paare im Kreis. Die Zahl sei so hoch wie seit 1950 nicht."
    )
    a = analyze(text, "de")
    last = next(q for q in a.quotes if q.text.startswith("Die Zahl sei"))
    assert last.speaker != "Demnach" and "Instituts Nordlicht" in (last.speaker or "")


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
