"""Quotation analysis, Konjunktiv and hearsay modals as reported speech (konjunktiv.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import _name, analyze, check, no_quote, quote

MARIN = (
    "Regierungssprecher Oleg Marin erklärte in Chisinau, das Land bedrohe niemanden. "
    "Die Union betreibe eine „gezielte Provokation“ und schiebe die Schuld auf andere ab."
)
VOGT = "Der Polizeisprecher Jan Vogt sagte, die Lage sei ruhig. "  # a report before the case

KONJUNKTIV = [
    quote(
        MARIN,
        "de",
        "indirect_free_indirect",
        at="Die Union betreibe",
        actor="Oleg Marin",
        id="subject-in-konjunktiv-continues-the-speaker-de",
    ),
    quote(
        MARIN,
        "de",
        "direct",
        at="„gezielte Provokation“",
        quote="„gezielte Provokation“",
        nested=True,
        actor="Oleg Marin",
        id="fragment-in-a-continuation-is-nested-de",
    ),
    quote(
        VOGT + "Die Feuerwehr ging davon aus, in der Nacht seien Schüsse gefallen.",
        "de",
        "indirect",
        where="Schüsse",
        speaker="Die Feuerwehr",
        id="own-indicative-head-reports-the-konjunktiv-de",
    ),
    quote(
        VOGT + "In der Nacht seien keine Schüsse gefallen, alle Straßen seien offen.",
        "de",
        None,
        where="Schüsse",
        speaker_has="Vogt",
        id="without-own-head-continues-the-last-speaker-de",
    ),
    quote(
        "Der Sprecher Paul Brandt sagte, der Deich halte. "
        "Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“.",
        "de",
        "direct",
        speaker_has="Küng",
        id="opinion-holder-in-konjunktiv-is-not-the-last-speaker-de",
    ),
    quote(
        VOGT + "Die Anwohner verwiesen auf die Brücke, die seit Jahren baufällig sei.",
        "de",
        "indirect",
        where="baufällig",
        quote="die seit Jahren baufällig sei",
        id="konjunktiv-clause-after-an-indicative-head-de",
    ),
    no_quote(
        VOGT + "Die Stadt hat keinen Plan, der die Brücke retten würde.",
        "de",
        at="der die Brücke",
        id="konjunktiv-two-alone-in-a-relative-clause-de",
    ),
    quote(
        VOGT + "Die Sperre, die seit Montag gelte, könne bald enden.",
        "de",
        "indirect_free_indirect",
        where="Sperre",
        starts="Die Sperre",
        id="main-verb-after-a-relative-clause-keeps-the-sentence-de",
    ),
    quote(
        "Verteidigungsminister Jonas Keller reiste nach Brüssel. Die Lage sei ernst, "
        "sagte der Verteidigungsminister am Abend.",
        "de",
        "indirect",
        quote="Die Lage sei ernst",
        speaker="der Verteidigungsminister",
        id="frame-after-with-a-role-speaker-de",
    ),
    quote(
        "Der Täter soll das Gebäude durch ein Fenster betreten haben.",
        "de",
        "free_indirect",
        quote="Der Täter soll das Gebäude durch ein Fenster betreten haben.",
        id="hearsay-modal-soll-de",
    ),
    quote(
        "„Wir warten ab“, sagte Ministerin Eva Roth. Bürgermeister Paul Hahn ist besorgt. "
        "Die Lage sei ernst.",
        "de",
        "indirect_free_indirect",
        count=1,
        speaker="Bürgermeister Paul Hahn",
        id="after-an-unquoted-sentence-continues-its-subject-de",
    ),
    quote(
        "Im Hafen von Kiel sank am Montag ein Frachter. "
        "Die Ladung soll bereits ausgelaufen sein, die Ursache ist noch unklar.",
        "de",
        "free_indirect",
        id="hearsay-soll-with-a-perfect-infinitive-before-a-comma-de",
    ),
    no_quote(
        "Im Hafen von Kiel sank am Montag ein Frachter. Die Werft soll im Mai erweitert werden.",
        "de",
        "free_indirect",
        id="soll-with-a-passive-plan-is-no-hearsay-de",
    ),
    no_quote(
        "Die Ministerin Petra Lang sagte am Montag, die Strecke sei fertig. Der Abschnitt ist "
        "das erste Projekt, das nicht mehr aus dem Haushalt bezahlt werden soll.",
        "de",
        "free_indirect",
        id="soll-inside-a-relative-clause-de",
    ),
    quote(
        "Die Ministerin Petra Lang sagte am Montag, die Strecke sei fertig. Der Abschnitt soll "
        "vor allem den Verkehr entlasten.",
        "de",
        "free_indirect",
        id="soll-in-the-main-clause-de",
    ),
    no_quote(
        "Die Möglichkeit, dort zu parken, besteht weiter.",
        "de",
        "indirect",
        id="noun-without-saying-gets-no-noun-frame-de",
    ),
    no_quote(
        "Der Arzt Jan Vogt sagte, die Lage sei ernst. Zudem gebe es Aussagen, dass die Werte "
        "steigen würden.",
        "de",
        "indirect",
        at="dass die Werte",
        id="konjunktiv-sentence-gets-no-noun-frame-de",
    ),
    quote(
        "Alle Gebiete seien unter der Kontrolle der Rebellen, sagte Jan Roth, ein General.",
        "de",
        "indirect",
        quote="Alle Gebiete seien unter der Kontrolle der Rebellen",
        speaker="Jan Roth",
        id="konjunktiv-verb-makes-the-words-before-a-frame-a-clause-de",
    ),
    quote(
        "Die Regierung warnt vor weiteren Überschwemmungen. Die Dämme seien nahe an der Grenze.",
        "de",
        "indirect_free_indirect",
        quote="Die Dämme seien nahe an der Grenze.",
        speaker="Die Regierung",
        id="konjunktiv-one-continues-a-report-sentence-de",
    ),
    no_quote(
        "Der Zug fuhr um acht Uhr ab. Ich stelle fest, dass die Strecke frei ist.",
        "de",
        "indirect_free_indirect",
        id="indicative-after-a-narrative-sentence-de",
    ),
    quote(
        VOGT + "Die Verluste der Werft werden im Jahresbericht auf die hohen Energiepreise "
        "zurückgeführt. Folge sei ein deutlicher Rückgang der Aufträge.",
        "de",
        "indirect_free_indirect",
        at="Folge sei",
        speaker="Jahresbericht",
        id="document-a-passive-sentence-reports-from-goes-on-de",
    ),
    quote(
        VOGT + "Im Bericht der Prüfer werden zahlreiche Mängel aufgeführt. In vielen Fällen "
        "habe die Aufsicht zu spät reagiert.",
        "de",
        "indirect_free_indirect",
        at="In vielen Fällen",
        speaker="Bericht der Prüfer",
        id="document-opening-a-passive-sentence-goes-on-de",
    ),
    quote(
        "Der Hacker Tom Berg veröffentlichte am Montag ein Schreiben. Kwitter rät ihm "
        "Rechtsmittel dagegen einzulegen. Andernfalls sei Kwitter gezwungen, die Daten "
        "herauszugeben.",
        "de",
        "indirect_free_indirect",
        speaker="Kwitter",
        id="dative-pronoun-after-the-verb-is-no-subject-de",
    ),
]


@pytest.mark.parametrize("case", KONJUNKTIV)
def test_konjunktiv_rules(case):
    check(case)


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


def test_the_subject_opening_an_indicative_head_reports_not_the_last_speaker():
    """'Das Komitee hat eingeräumt, dass … seien': the head clause's subject opens the
    sentence and reports the Konjunktiv clause, even when no list knows it can speak."""
    text = (
        "Der Minister Hans Weber sagte am Montag, er sei zufrieden. Das örtliche "
        "Organisationskomitee hat bereits eingeräumt, dass bei der Planung Fehler passiert seien."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("dass bei"))
    assert q.speaker == "Das örtliche Organisationskomitee", q.speaker


def test_a_date_before_the_verb_is_no_subject_the_noun_phrase_after_it_is():
    """'Am 15. Mai hat die Kommission … festgelegt. Mögliche Termine seien …': a number is
    no verb, so the previous sentence's subject is the commission, not the last speaker."""
    text = (
        "Der Minister Hans Weber sagte, er sei zufrieden. Am 15. Mai hat die Wahlkommission den "
        "Termin für die Wahl festgelegt. Mögliche Termine seien der 24. September oder der 8. Oktober."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("Mögliche Termine"))
    assert q.speaker == "die Wahlkommission", q.speaker


def test_a_demonstrative_opening_the_head_clause_reports_not_the_last_speaker():
    """'Dieser bestätigte, dass … habe': 'Dieser' right before the verb is the subject (a
    person named before), not the opener of an adverbial ('dieser Tage'), so the report is
    its, not the last speaker's."""
    text = (
        "Die Anwältin Petra Lind sagte, sie habe den Zeugen befragt. Dieser bestätigte, "
        "dass der Wagen vor dem Haus gestanden habe."
    )
    q = next(q for q in analyze(text, "de").quotes if q.text.startswith("dass der Wagen"))
    assert q.speaker == "Dieser", q.speaker


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ("Die kleine Gewerkschaft möchte weiter verhandeln.", "Die kleine Gewerkschaft"),
        ("Der Verband der Hafenarbeiter möchte klagen.", "Der Verband der Hafenarbeiter"),
        # a verb of saying right after the subject: the subject's own words
        (
            "Der Sprecher der Feuerwehr verwies auf das Wetter und möchte nichts ausschließen.",
            "Der Sprecher der Feuerwehr",
        ),
        # a subject in Konjunktiv with no verb of its own continues the last speaker
        ("Der Sprecher der Feuerwehr sei verärgert.", "Die Ministerin Eva Roth"),
        # Konjunktiv I 'wolle' reports the subject's plan in the last speaker's words
        ("Der Verband wolle vor Gericht ziehen.", "Die Ministerin Eva Roth"),
        # a pronoun subject stays the last speaker's continuation
        ("Sie möchte das Parlament befragen.", "Die Ministerin Eva Roth"),
        # the verb of wanting in a later clause: not the subject's own
        ("Die Lage sei ernst, weil die Gewerkschaft streiken möchte.", "Die Ministerin Eva Roth"),
    ],
)
def test_a_verb_of_wanting_in_a_continuation_makes_its_subject_the_holder(second, speaker):
    """'Der Verband möchte …' after a report: the indicative verb of wanting (or of saying),
    right after the sentence's subject, makes that subject (a noun phrase that can speak)
    the holder, not the last speaker."""
    text = "Die Ministerin Eva Roth sagte am Montag, der Streit sei beigelegt. " + second
    q = next(q for q in analyze(text, "de").quotes if second[:-1] in q.text)
    assert q.speaker == speaker, q.speaker


def test_a_modal_of_possibility_away_from_the_report_is_the_writers_own():
    """'Die Lage könnte sich verschlechtern.' a sentence after the report: with only a
    Konjunktiv II modal of possibility it is the text's own, not the speaker's words; right
    after the report (and with a Konjunktiv I) it still continues the speaker."""
    lead = "Der Sprecher der Stadt sagte, die Brücke sei gesperrt. Der Verkehr läuft über Land. "
    for second, continues in (
        ("Die Lage könnte sich am Wochenende verschlechtern.", False),
        ("Dann müsste die Stadt eine Fähre einsetzen.", False),
        ("Die Lage sei ernst und könnte sich verschlechtern.", True),
    ):
        kinds = {q.text: q.kind for q in analyze(lead + second, "de").quotes}
        assert (second in kinds) is continues, kinds
