"""Attribution rules (issue 4, speaker of matched quotes), each on sentences written here."""

from __future__ import annotations

from reader.analysis import analyze


def _by_start(text: str, lang: str = "de") -> dict[str, object]:
    return {q.text[:12]: q for q in analyze(text, lang).quotes}


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


def test_one_of_a_group_before_a_colon_speaks():
    text = (
        "Der Feuerwehrchef Juan Ortiz bestätigte den Brand am Sonntag. "
        "Einer der Feuerwehrmänner sagte: „So etwas habe ich noch nie gesehen.“"
    )
    quotes = [q for q in analyze(text, "de").quotes if q.kind == "direct"]
    assert quotes and quotes[0].speaker == "Einer der Feuerwehrmänner"


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
