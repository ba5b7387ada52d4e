"""Quotation analysis, words in quotation marks: direct quotes, terms, titles, scare quotes (marks.py, direct.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import (
    _actor_name,
    _kind,
    _kinds,
    _kinds_by_text,
    _name,
    _one,
    _one_starting,
    _quotes,
    analyze,
)


def test_speech_over_paragraphs_without_reopening_marks_is_one_quote():
    text = (
        "Die Richterin wandte sich an die Zuhörer:\n\n„Wir haben lange beraten. Das Urteil "
        "fiel uns nicht leicht.\n\nBitte respektieren Sie die Entscheidung.“\n\nDann ging sie."
    )
    quotes = [q for q in analyze(text, "de").quotes if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("„Wir haben") and quotes[0].text.endswith("Entscheidung.“")


def test_unclosed_mark_does_not_swallow_the_next_paragraphs():
    text = "Er las „Der alte Hafen und ging.\n\nAm Abend regnete es. Niemand kam.\n\nEnde.“"
    opened = [q for q in analyze(text, "de").quotes if q.start < 10]
    assert opened, "the unclosed mark opens a quote"
    assert all("Am Abend" not in q.text for q in opened)


@pytest.mark.parametrize(
    ("text", "lang", "marked", "kind"),
    [
        pytest.param(
            "Der Vorfall gilt seitdem als „Wunder von Lengede“. Die Schule präsentiert sich als "
            "„Ort der Vielfalt“.",
            "de",
            "„Wunder von Lengede“",
            "term",
            id="status-gilt-als-is-a-name-de",
        ),
        pytest.param(
            "Der Vorfall gilt seitdem als „Wunder von Lengede“. Die Schule präsentiert sich als "
            "„Ort der Vielfalt“.",
            "de",
            "„Ort der Vielfalt“",
            "term",
            id="status-praesentiert-sich-als-is-a-name-de",
        ),
        pytest.param(
            "Der Minister bezeichnete den Plan als „völlig verfehlt“.",
            "de",
            "„völlig verfehlt“",
            "direct",
            id="label-als-by-a-speaker-stays-direct-de",
        ),
        pytest.param(
            'The law is known as "the rule that keeps the old harbour open" in town.',
            "en",
            '"the rule that keeps the old harbour open"',
            "term",
            id="status-known-as-is-a-name-en",
        ),
        pytest.param(
            "Der Verband sieht im neuen Polizeigesetz „kein Hindernis für den Handel“.",
            "de",
            "„kein Hindernis für den Handel“",
            "direct",
            id="fragment-opening-lower-case-article-is-speech-de",
        ),
        pytest.param(
            'Residents see the bypass plan as "a gift to the developers".',
            "en",
            '"a gift to the developers"',
            "direct",
            id="fragment-opening-lower-case-article-is-speech-en",
        ),
        pytest.param(
            "Das ist eine Chance, im Netz ein „Bürger erster Klasse zu werden“.",
            "de",
            "„Bürger erster Klasse zu werden“",
            "direct",
            id="fragment-closing-zu-infinitive-is-speech-de",
        ),
        pytest.param(
            "Die Zeitung „Berliner Morgenpost“ berichtete über den Hafen.",
            "de",
            "„Berliner Morgenpost“",
            "term",
            id="capitalised-short-name-stays-a-term-de",
        ),
    ],
)
def test_words_in_marks_after_a_naming_or_seeing_verb_are_a_name_or_speech(
    text, lang, marked, kind
):
    kinds = _kinds_by_text(text, lang)
    assert marked in kinds, kinds
    assert kinds[marked] == kind


def test_a_quote_that_ends_its_sentence_ends_the_sentence():
    from reader.analysis.sentences import split_sentences

    text = "„Wir sind bereit.“ Der Plan soll laut Weber im Mai beginnen."
    spans = split_sentences(text, [(0, 18)])
    assert [text[a:b] for a, b in spans] == [
        "„Wir sind bereit.“",
        "Der Plan soll laut Weber im Mai beginnen.",
    ]
    quiet = "„Wir sind bereit. Wir warten.“ Der Plan beginnt."
    assert split_sentences(quiet, [(0, 30)])[0] == (0, 30)  # no cut inside the quote
    en = '"We are ready." The plan would start in May, Weber said.'
    assert split_sentences(en, [(0, 15)])[0] == (0, 15)


def test_scare_quotes_after_a_group_are_not_their_words() -> None:
    text = (
        "Hunderte Nutzer fühlten sich „überwacht“ und beschwerten sich bei der Behörde. "
        "Die Firma wies das zurück."
    )
    a = analyze(text, "de")
    marked = [q for q in a.quotes if q.text == "„überwacht“"]
    assert marked and marked[0].kind == "term" and marked[0].speaker is None


def test_words_in_marks_inside_words_nobody_speaks_are_a_term() -> None:
    text = "Es wird vermutet, dass die „Grüne Welle“ in der Stadt bald scheitert."
    a = analyze(text, "de")
    marked = [q for q in a.quotes if q.text == "„Grüne Welle“"]
    assert marked and marked[0].kind == "term"


def test_an_adjective_and_noun_in_marks_in_an_unreported_sentence_is_a_term() -> None:
    """„virtuellen Bombe“ in a sentence that reports nobody's words names a thing; the same
    two words after a verb of saying, or in a Konjunktiv sentence, stay somebody's words."""
    text = (
        "In einem Onlinespiel haben Unbekannte mit einer „virtuellen Bombe“ ein Haus zerstört. "
        "Der Betreiber sprach von einer „gezielten Attacke“. "
        "Betroffen seien vor allem Spieler aus „kleinen Gilden“."
    )
    a = analyze(text, "de")
    kinds = {q.text: q.kind for q in a.quotes}
    assert kinds["„virtuellen Bombe“"] == "term"
    assert kinds["„gezielten Attacke“"] == "direct"
    assert kinds["„kleinen Gilden“"] == "direct"


def test_a_long_title_after_a_noun_that_names_a_work_is_a_term() -> None:
    """The title of a book or a motto right after the noun that names it is no quotation,
    however long; the same noun ending the sentence before a quote does not make one."""
    text = (
        "Die Autorin stellte ihr Buch „Von Feldern und Fluren im Wandel der langen Jahrhunderte“ "
        "in Kassel vor. Danach sprach sie über ihr neues Projekt. "
        "„Ich freue mich auf viele Gespräche mit den Lesern in allen Städten.“"
    )
    a = analyze(text, "de")
    kinds = {q.text[:12]: q.kind for q in a.quotes}
    assert kinds["„Von Feldern"] == "term"
    assert kinds["„Ich freue m"] == "direct"


def test_a_headline_with_the_speaker_at_the_end() -> None:
    text = (
        "Harbour will reopen next month, minister says\n"
        "The harbour of Lindby will reopen in May, the transport minister said on Monday."
    )
    q = _one_starting(text, "Harbour will reopen next month")
    assert q.speaker == "minister" and q.cue == "says"
    assert q.end == text.index(", minister says")


def test_a_mixed_quote_gives_the_whole_clause_with_the_fragment_nested() -> None:
    text = 'The budget was "a disaster for schools," the mayor said.'
    q = _one_starting(text, "The budget was")
    assert q.text == 'The budget was "a disaster for schools,"'
    nested = [x for x in _quotes(text, "direct") if x.nested]
    assert nested and nested[0].text == '"a disaster for schools,"'
    assert nested[0].speaker == "the mayor"


def test_a_mixed_quote_after_a_time_phrase() -> None:
    text = 'Councillor Ben Ruiz said on Friday the plan was "dead on arrival".'
    q = _one_starting(text, "the plan was")
    assert q.text.endswith('"dead on arrival"')
    assert q.speaker == "Councillor Ben Ruiz"
    nested = [x for x in _quotes(text, "direct") if x.nested]
    assert nested and nested[0].text == '"dead on arrival"'


@pytest.mark.parametrize(
    "text",
    [
        'The new tram, nicknamed "the Snail", entered service on Monday.',
        'The band played its hit "Northern Lights" twice.',
        'Residents of the so-called "quiet zone" complained about the noise.',
        'The mayor unveiled the "green corridor" plan on Monday.',
    ],
)
def test_nicknames_titles_and_scare_quotes_are_terms(text):
    assert not [q for q in _quotes(text, "direct")], _quotes(text)


def test_a_quoted_title_in_title_case_is_a_term() -> None:
    text = 'The museum opened "Rivers and Bridges of the Old Town" on Saturday.'
    assert [q.kind for q in _quotes(text) if "Rivers" in q.text] == ["term"]


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


def test_title_in_marks_is_a_term_not_a_quotation():
    text = "Die Zeitung „Rheinischer Bote“ berichtete über den Film „Die langen Nächte“."
    a = analyze(text, "de")
    assert [q.kind for q in a.quotes if q.text.startswith("„")] == ["term", "term"]
    assert a.quote_count() == sum(1 for q in a.quotes if q.kind != "term")


def test_label_in_marks_after_labelling_verb_is_a_quotation_of_the_subject():
    text = "Die Opposition nannte den Haushalt einen „Offenbarungseid“."
    a, q = _one(text, "direct")
    assert q.text == "„Offenbarungseid“"
    assert q.speaker == "Die Opposition"


def test_indirect_speech_ends_before_a_colon_that_opens_a_direct_quote():
    text = (
        "Der Sprecher der Stadt, Paul Brandt, ging davon aus, dass die Lage ruhig bleibe: "
        "„Wir haben schon drei neue Pumpen im Einsatz.“"
    )
    a = analyze(text, "de")
    qs = [q for q in a.quotes if q.kind == "indirect"]
    assert qs and qs[0].text == "dass die Lage ruhig bleibe"


def test_report_verb_framing_a_colon_quote_or_a_marked_label_is_no_reported_quote():
    text = "Die Ministerin Petra Lang äußerte sich zufrieden: „Das ist ein guter Tag.“"
    kinds = _kinds(text)
    assert "reported" not in kinds and "direct" in kinds
    assert "reported" not in _kinds("Der Abgeordnete Karl Berg nannte den Plan „groben Unfug“.")
    assert "reported" not in _kinds("Die Ministerin Petra Lang äußerte sich am Montag zum Streit.")
    assert "reported" in _kinds("Die Gewerkschaft Verdi forderte höhere Löhne für Pflegekräfte.")


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


def test_apostrophes_are_not_quotes():
    a = analyze("The mayor's plan and the workers' union don't agree, officials said.", "en")
    assert not [q for q in a.quotes if q.kind in ("direct", "term")]


def test_quoted_title_is_a_term_and_nested_fragment_is_direct():
    a = analyze('She starred in the film "Silent Harbour" last year.', "en")
    assert [q.kind for q in a.quotes] == ["term"]
    a = analyze('Director Ana Ruiz said the report was "deeply worrying" for the region.', "en")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert _name(a, nested[0]) == "Ana Ruiz"


def test_scare_quotes_outside_a_frame_are_terms():
    a = analyze('The so-called "reform" left many families worse off.', "en")
    assert [q.kind for q in a.quotes] == ["term"]


def test_direct_quote_over_a_paragraph_break_after_a_comma_frame():
    text = (
        'The coach spoke after the final. He said, "We started slowly.\n'
        'Then the team found its rhythm and never let go."\nThe fans cheered.'
    )
    a = analyze(text, "en")
    direct = _kind(a, "direct")
    assert len(direct) == 1
    assert direct[0].text.endswith('let go."')


def test_frame_verb_followed_by_its_direct_quote_frames_no_indirect_speech():
    text = (
        "Speaking at a press conference in the capital, the minister, Ada Berg said, "
        '"We are in contact with all parties."'
    )
    a = analyze(text, "en")
    assert _kind(a, "indirect") == []
    assert len(_kind(a, "direct")) == 1


def test_a_short_phrase_in_marks_closing_a_reporter_sentence_is_a_term():
    text = (
        "After weeks of talks, the visitors were granted a special status on the grounds "
        'that their visit would be a "major public benefit." The team named its boat '
        '"Seagull."'
    )
    a = analyze(text, "en")
    assert _kind(a, "direct") == []


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
