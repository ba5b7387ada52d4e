"""Quotation analysis, Konjunktiv and hearsay modals as reported speech (konjunktiv.py)."""

from __future__ import annotations

from analysis_helpers import _kinds, _name, _one, analyze


def test_konjunktiv_subject_continues_the_speaker_and_its_fragment_is_nested():
    text = (
        "Regierungssprecher Oleg Marin erklärte in Chisinau, das Land bedrohe niemanden. "
        "Die Union betreibe eine „gezielte Provokation“ und schiebe die Schuld auf andere ab."
    )
    a = analyze(text, "de")
    cont = next(q for q in a.quotes if q.text.startswith("Die Union betreibe"))
    assert cont.kind == "indirect_free_indirect" and _name(a, cont) == "Oleg Marin"
    frag = next(q for q in a.quotes if q.text == "„gezielte Provokation“")
    assert frag.kind == "direct" and frag.nested and _name(a, frag) == "Oleg Marin"


def test_konjunktiv_after_a_reporting_colon_belongs_to_that_sentences_subject():
    text = (
        "Der Anwalt Jan Roth sagte, das Urteil sei falsch. Die Richterin Eva Lind kritisierte "
        "das Gesetz ebenso wie die Haltung der Regierung in ihrem Gutachten in scharfer Form: "
        "Das Gesetz verletze die Freiheit der Presse und die Regierung verfolge eine "
        "„weltfremde Argumentation, die keine guten Gründe für sich in Anspruch nehmen könne“."
    )
    a = analyze(text, "de")
    later = [q for q in a.quotes if q.start >= text.index("Die Richterin")]
    assert later and all(_name(a, q) == "Eva Lind" for q in later)
    assert any("Das Gesetz verletze" in q.text for q in later)


def test_past_tense_and_adjectives_are_not_konjunktiv():
    from reader.analysis import de
    from reader.analysis.clauses import is_konjunktiv
    from reader.analysis.tokens import tokenize

    def konj(word: str) -> bool:
        return is_konjunktiv(tokenize(word)[0], de.DE)

    assert not konj("beflügelte") and not konj("islamische")
    assert konj("gelte") and konj("vorsehe") and konj("sei")


def test_own_indicative_head_reports_the_konjunktiv_not_the_last_speaker():
    text = (
        "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "
        "Die Feuerwehr ging davon aus, in der Nacht seien Schüsse gefallen."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Schüsse" in q.text]
    assert quotes and quotes[0].kind == "indirect"
    assert quotes[0].speaker == "Die Feuerwehr"


def test_konjunktiv_without_own_head_still_continues_the_last_speaker():
    text = (
        "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "
        "In der Nacht seien keine Schüsse gefallen, alle Straßen seien offen."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Schüsse" in q.text]
    assert quotes and "Vogt" in (quotes[0].speaker or "")


def test_opinion_holder_in_konjunktiv_is_not_the_last_speaker():
    text = (
        "Der Sprecher Paul Brandt sagte, der Deich halte. "
        "Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“."
    )
    direct = [q for q in analyze(text, "de").quotes if q.kind == "direct"]
    assert direct and "Küng" in (direct[0].speaker or "")


def test_konjunktiv_in_a_clause_after_an_indicative_head_is_that_clause_only():
    text = (
        "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "
        "Die Anwohner verwiesen auf die Brücke, die seit Jahren baufällig sei."
    )
    quotes = [q for q in analyze(text, "de").quotes if "baufällig" in q.text]
    assert quotes and quotes[0].kind == "indirect"
    assert quotes[0].text == "die seit Jahren baufällig sei"


def test_konjunktiv_two_alone_in_a_relative_clause_is_not_cut_out_as_a_report():
    text = (
        "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "
        "Die Stadt hat keinen Plan, der die Brücke retten würde."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Brücke" in q.text]
    assert all(not q.text.startswith("der die Brücke") for q in quotes)


def test_konjunktiv_main_verb_after_a_relative_clause_keeps_the_whole_sentence():
    text = (
        "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "
        "Die Sperre, die seit Montag gelte, könne bald enden."
    )
    quotes = [q for q in analyze(text, "de").quotes if "Sperre" in q.text]
    assert quotes and quotes[0].kind == "indirect_free_indirect"
    assert quotes[0].text.startswith("Die Sperre")


def test_konjunktiv_with_frame_after_and_role_speaker():
    text = (
        "Verteidigungsminister Jonas Keller reiste nach Brüssel. Die Lage sei ernst, "
        "sagte der Verteidigungsminister am Abend."
    )
    a, q = _one(text, "indirect")
    assert q.text == "Die Lage sei ernst"
    assert q.speaker == "der Verteidigungsminister"


def test_hearsay_modal_is_free_indirect():
    text = "Der Täter soll das Gebäude durch ein Fenster betreten haben."
    a, q = _one(text, "free_indirect")
    assert q.text == text


def test_konjunktiv_after_an_unquoted_sentence_continues_its_subject():
    text = (
        "„Wir warten ab“, sagte Ministerin Eva Roth. Bürgermeister Paul Hahn ist besorgt. "
        "Die Lage sei ernst."
    )
    a = analyze(text, "de")
    free = [q for q in a.quotes if q.kind == "indirect_free_indirect"]
    assert len(free) == 1 and free[0].speaker == "Bürgermeister Paul Hahn"


def test_hearsay_soll_with_a_perfect_infinitive_before_a_comma():
    text = (
        "Im Hafen von Kiel sank am Montag ein Frachter. "
        "Die Ladung soll bereits ausgelaufen sein, die Ursache ist noch unklar."
    )
    assert "free_indirect" in _kinds(text)
    assert "free_indirect" not in _kinds(
        "Im Hafen von Kiel sank am Montag ein Frachter. Die Werft soll im Mai erweitert werden."
    )


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


def test_a_first_person_sentence_after_reported_words_does_not_continue_them():
    """'habe', 'lehne' with 'ich' are the indicative of whoever speaks in the article (an
    interview's answer), not a Konjunktiv continuing the last speaker's reported words."""
    text = (
        "Der Trainer wurde nach dem Spiel befragt. Er sagte, die Mannschaft sei müde gewesen. "
        "Ich habe schon viele solche Spiele gesehen und lerne jedes Mal etwas."
    )
    kinds = {q.text: q.kind for q in analyze(text, "de").quotes}
    assert not any(t.startswith("Ich habe") for t in kinds), kinds
    text = (
        "Der Trainer wurde nach dem Spiel befragt. Er sagte, die Mannschaft sei müde gewesen. "
        "Sie habe trotzdem bis zum Schluss gekämpft."
    )
    kinds = {q.text: q.kind for q in analyze(text, "de").quotes}
    assert kinds["Sie habe trotzdem bis zum Schluss gekämpft."] == "indirect_free_indirect"


def test_a_condition_with_only_konjunktiv_two_states_a_consequence_not_reported_words():
    """After reported words, 'Sollte …, könnte …' and 'Da …, dürfte …' are the writer's
    reasoning; a plain Konjunktiv II sentence still continues the speaker."""
    lead = "Der Sprecher der Stadt sagte, die Brücke sei gesperrt. "
    for second in (
        "Sollte das Wetter besser werden, könnte die Brücke am Freitag wieder öffnen.",
        "Da der Fluss gestiegen ist, dürfte die Sperrung länger dauern.",
    ):
        kinds = {q.text: q.kind for q in analyze(lead + second, "de").quotes}
        assert second not in kinds, kinds
    second = "Die Arbeiten könnten bis Freitag dauern."
    kinds = {q.text: q.kind for q in analyze(lead + second, "de").quotes}
    assert kinds[second] == "indirect_free_indirect"
