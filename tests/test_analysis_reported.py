"""Quotation analysis, reported speech that continues: free indirect speech, English backshift (reported.py)."""

from __future__ import annotations

from analysis_helpers import _actor_name, _first_of_kind, _name, analyze


def test_demnach_continues_the_nearest_source_not_the_last_person():
    text = (
        "Ministerin Petra Lauk sagte, der Etat sei knapp. Nach Angaben von Beamten wurde "
        "ein Kompromiss gefunden. Demnach sollen die Länder mehr Zeit für die Zahlungen bekommen."
    )
    a = analyze(text, "de")
    q = next(q for q in a.quotes if q.text.startswith("sollen die Länder"))
    assert q.actor is None or _name(a, q) != "Petra Lauk"


def test_passive_report_is_spoken_by_its_agent_who_then_continues():
    a = analyze(
        "Die Pläne der Stadt wurden vom Mieterverband als unsozial kritisiert. Viele Familien "
        "könnten sich die Wohnungen dann nicht mehr leisten.",
        "de",
    )
    kinds = {q.kind: q for q in a.quotes}
    assert kinds["reported"].speaker == "Mieterverband"
    assert kinds["indirect_free_indirect"].speaker == "Mieterverband"


def test_english_backshift_sentence_continues_reported_speech():
    text = (
        "The mayor, Ana Ortiz, said the new bridge would open in May. Traffic on the old "
        "road would fall by half within a year."
    )
    q = _first_of_kind(text, "en", "indirect_free_indirect")
    assert q.text == "Traffic on the old road would fall by half within a year."
    assert q.speaker is not None and "Ana Ortiz" in q.speaker


def test_english_backshift_needs_the_same_paragraph_and_a_backshifted_verb():
    new_paragraph = (
        "The mayor, Ana Ortiz, said the new bridge would open in May.\n\n"
        "Traffic on the old road would fall by half within a year."
    )
    no_backshift = (
        "The mayor, Ana Ortiz, said the new bridge would open in May. Traffic on the old "
        "road fell by half last year."
    )
    for text in (new_paragraph, no_backshift):
        kinds = [q.kind for q in analyze(text, "en").quotes]
        assert "indirect_free_indirect" not in kinds


def test_english_backshift_does_not_follow_a_direct_quote():
    text = (
        '"We are ready," the mayor, Ana Ortiz, said. Traffic on the old road would fall by '
        "half within a year."
    )
    kinds = [q.kind for q in analyze(text, "en").quotes]
    assert "indirect_free_indirect" not in kinds


def test_indicative_sentence_after_reported_speech_is_not_a_continuation():
    text = "Der Sprecher sagte, die Preise seien gestiegen. Die Nachricht beflügelte den Goldpreis."
    kinds = [q.kind for q in analyze(text, "de").quotes]
    assert "indirect_free_indirect" not in kinds


def test_after_demnach_the_source_it_points_back_to_goes_on() -> None:
    text = (
        "Nach Angaben des Instituts Nordlicht ist die Zahl der Störche gestiegen. Demnach "
        "brüten in diesem Jahr 40 Paare im Kreis. Die Zahl sei so hoch wie seit 1950 nicht."
    )
    a = analyze(text, "de")
    last = next(q for q in a.quotes if q.text.startswith("Die Zahl sei"))
    assert last.speaker != "Demnach" and "Instituts Nordlicht" in (last.speaker or "")


def test_unframed_quote_continues_the_last_speaker():
    text = (
        "„Wir sind vorbereitet“, sagte Innenministerin Julia Hartmann. "
        "„Niemand muss sich Sorgen machen.“"
    )
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[1].cue is None and _actor_name(a, direct[1]) == "Julia Hartmann"


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


def test_ruled_that_is_reported_speech_and_backshift_continues_it():
    text = (
        "The tribunal ruled that the contract had been signed too late. The tender would "
        "have to be repeated."
    )
    a = analyze(text, "en")
    assert [q.kind for q in a.quotes] == ["indirect", "indirect_free_indirect"]
