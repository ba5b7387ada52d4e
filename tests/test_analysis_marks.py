"""Quotation analysis, words in quotation marks: direct quotes, terms, titles, scare quotes (marks.py, direct.py)."""

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

BOMBE = (
    "In einem Onlinespiel haben Unbekannte mit einer „virtuellen Bombe“ ein Haus zerstört. "
    "Der Betreiber sprach von einer „gezielten Attacke“. "
    "Betroffen seien vor allem Spieler aus „kleinen Gilden“."
)
BUCH = (
    "Die Autorin stellte ihr Buch „Von Feldern und Fluren im Wandel der langen Jahrhunderte“ "
    "in Kassel vor. Danach sprach sie über ihr neues Projekt. "
    "„Ich freue mich auf viele Gespräche mit den Lesern in allen Städten.“"
)
ZUFRIEDEN = "Die Ministerin Petra Lang äußerte sich zufrieden: „Das ist ein guter Tag.“"
APOSTROPHES = "The mayor's plan and the workers' union don't agree, officials said."
ADA_BERG = (
    "Speaking at a press conference in the capital, the minister, Ada Berg said, "
    '"We are in contact with all parties."'
)

MARKS = [
    # words in marks after a naming or seeing verb are a name or speech
    quote(
        "Der Vorfall gilt seitdem als „Wunder von Lengede“. Die Schule präsentiert sich als "
        "„Ort der Vielfalt“.",
        "de",
        "term",
        at="„Wunder von Lengede“",
        quote="„Wunder von Lengede“",
        id="status-gilt-als-is-a-name-de",
    ),
    quote(
        "Der Vorfall gilt seitdem als „Wunder von Lengede“. Die Schule präsentiert sich als "
        "„Ort der Vielfalt“.",
        "de",
        "term",
        at="„Ort der Vielfalt“",
        quote="„Ort der Vielfalt“",
        id="status-praesentiert-sich-als-is-a-name-de",
    ),
    quote(
        "Der Minister bezeichnete den Plan als „völlig verfehlt“.",
        "de",
        "direct",
        at="„völlig verfehlt“",
        quote="„völlig verfehlt“",
        id="label-als-by-a-speaker-stays-direct-de",
    ),
    quote(
        'The law is known as "the rule that keeps the old harbour open" in town.',
        "en",
        "term",
        at='"the rule that keeps the old harbour open"',
        quote='"the rule that keeps the old harbour open"',
        id="status-known-as-is-a-name-en",
    ),
    quote(
        "Der Verband sieht im neuen Polizeigesetz „kein Hindernis für den Handel“.",
        "de",
        "direct",
        at="„kein Hindernis für den Handel“",
        quote="„kein Hindernis für den Handel“",
        id="fragment-opening-lower-case-article-is-speech-de",
    ),
    quote(
        'Residents see the bypass plan as "a gift to the developers".',
        "en",
        "direct",
        at='"a gift to the developers"',
        quote='"a gift to the developers"',
        id="fragment-opening-lower-case-article-is-speech-en",
    ),
    quote(
        "Das ist eine Chance, im Netz ein „Bürger erster Klasse zu werden“.",
        "de",
        "direct",
        at="„Bürger erster Klasse zu werden“",
        quote="„Bürger erster Klasse zu werden“",
        id="fragment-closing-zu-infinitive-is-speech-de",
    ),
    quote(
        "Die Zeitung „Berliner Morgenpost“ berichtete über den Hafen.",
        "de",
        "term",
        at="„Berliner Morgenpost“",
        quote="„Berliner Morgenpost“",
        id="capitalised-short-name-stays-a-term-de",
    ),
    quote(
        "Die Richterin wandte sich an die Zuhörer:\n\n„Wir haben lange beraten. Das Urteil "
        "fiel uns nicht leicht.\n\nBitte respektieren Sie die Entscheidung.“\n\nDann ging sie.",
        "de",
        "direct",
        count=1,
        starts="„Wir haben",
        ends="Entscheidung.“",
        id="speech-over-paragraphs-without-reopening-marks-is-one-quote-de",
    ),
    quote(
        "Hunderte Nutzer fühlten sich „überwacht“ und beschwerten sich bei der Behörde. "
        "Die Firma wies das zurück.",
        "de",
        "term",
        at="„überwacht“",
        quote="„überwacht“",
        speaker=None,
        id="scare-quotes-after-a-group-are-not-their-words-de",
    ),
    quote(
        "Es wird vermutet, dass die „Grüne Welle“ in der Stadt bald scheitert.",
        "de",
        "term",
        at="„Grüne Welle“",
        quote="„Grüne Welle“",
        id="words-in-marks-inside-words-nobody-speaks-are-a-term-de",
    ),
    # „virtuellen Bombe“ in a sentence that reports nobody's words names a thing; the same two
    # words after a verb of saying, or in a Konjunktiv sentence, stay somebody's words
    quote(
        BOMBE,
        "de",
        "term",
        at="„virtuellen Bombe“",
        quote="„virtuellen Bombe“",
        id="adjective-and-noun-in-an-unreported-sentence-is-a-term-de",
    ),
    quote(
        BOMBE,
        "de",
        "direct",
        at="„gezielten Attacke“",
        quote="„gezielten Attacke“",
        id="adjective-and-noun-after-sprach-von-is-direct-de",
    ),
    quote(
        BOMBE,
        "de",
        "direct",
        at="„kleinen Gilden“",
        quote="„kleinen Gilden“",
        id="adjective-and-noun-in-a-konjunktiv-sentence-is-direct-de",
    ),
    # a first-person word inside a few words in marks makes them somebody's words, not a name;
    # the same few words without one stay a term
    quote(
        "Seit dem Sommer hängen im Ort Plakate gegen die „Zerstörung unserer Heimat“ durch den Windpark.",
        "de",
        "direct",
        at="„Zerstörung",
        quote="„Zerstörung unserer Heimat“",
        id="first-person-possessive-in-marks-is-direct-de",
    ),
    quote(
        "Seit dem Sommer hängen im Ort Plakate gegen die „Zerstörung der Heimat“ durch den Windpark.",
        "de",
        "term",
        at="„Zerstörung",
        quote="„Zerstörung der Heimat“",
        id="same-words-without-first-person-stay-a-term-de",
    ),
    # the title of a book right after the noun that names it is no quotation, however long;
    # the same noun ending the sentence before a quote does not make one
    quote(BUCH, "de", "term", at="„Von Feldern", id="long-title-after-buch-is-a-term-de"),
    quote(BUCH, "de", "direct", at="„Ich freue m", id="quote-after-a-work-sentence-de"),
    # nicknames, titles and scare quotes are terms
    no_quote(
        'The new tram, nicknamed "the Snail", entered service on Monday.',
        "en",
        "direct",
        id="nickname-en",
    ),
    no_quote('The band played its hit "Northern Lights" twice.', "en", "direct", id="title-en"),
    no_quote(
        'Residents of the so-called "quiet zone" complained about the noise.',
        "en",
        "direct",
        id="so-called-en",
    ),
    no_quote(
        'The mayor unveiled the "green corridor" plan on Monday.',
        "en",
        "direct",
        id="scare-quotes-before-a-noun-en",
    ),
    quote(
        'Bürgermeister Klaus Brenner erklärte: „Die Brücke bleibt bis Juni gesperrt."',
        "de",
        "direct",
        quote='„Die Brücke bleibt bis Juni gesperrt."',
        actor="Klaus Brenner",
        id="colon-frame-with-mismatched-marks-de",
    ),
    quote(
        "Der Sprecher Tom Berger sagte: »Wir prüfen alle Optionen.\n\n"
        "»Eine Entscheidung fällt nächste Woche.«",
        "de",
        "direct",
        count=1,
        starts="»Wir prüfen",
        ends="Woche.«",
        id="guillemets-over-paragraphs-de",
    ),
    quote(
        "Die Opposition nannte den Haushalt einen „Offenbarungseid“.",
        "de",
        "direct",
        quote="„Offenbarungseid“",
        speaker="Die Opposition",
        id="label-after-a-labelling-verb-is-the-subject-s-words-de",
    ),
    quote(
        "Der Sprecher der Stadt, Paul Brandt, ging davon aus, dass die Lage ruhig bleibe: "
        "„Wir haben schon drei neue Pumpen im Einsatz.“",
        "de",
        "indirect",
        quote="dass die Lage ruhig bleibe",
        id="indirect-speech-ends-before-a-colon-that-opens-a-quote-de",
    ),
    # a report verb framing a colon quote or a marked label is no reported quote
    no_quote(ZUFRIEDEN, "de", "reported", id="aeusserte-sich-zufrieden-colon-is-no-report-de"),
    quote(ZUFRIEDEN, "de", "direct", id="aeusserte-sich-zufrieden-colon-quote-is-direct-de"),
    no_quote(
        "Der Abgeordnete Karl Berg nannte den Plan „groben Unfug“.",
        "de",
        "reported",
        id="nannte-a-marked-label-is-no-report-de",
    ),
    no_quote(
        "Die Ministerin Petra Lang äußerte sich am Montag zum Streit.",
        "de",
        "reported",
        id="aeusserte-sich-zum-streit-de",
    ),
    quote(
        "Die Gewerkschaft Verdi forderte höhere Löhne für Pflegekräfte.",
        "de",
        "reported",
        id="forderte-reports-de",
    ),
    no_quote(APOSTROPHES, "en", "direct", id="apostrophes-are-no-direct-quotes-en"),
    no_quote(APOSTROPHES, "en", "term", id="apostrophes-are-no-terms-en"),
    quote(
        'The so-called "reform" left many families worse off.',
        "en",
        None,
        kinds=("term",),
        id="scare-quotes-outside-a-frame-are-terms-en",
    ),
    quote(
        'The coach spoke after the final. He said, "We started slowly.\n'
        'Then the team found its rhythm and never let go."\nThe fans cheered.',
        "en",
        "direct",
        count=1,
        ends='let go."',
        id="direct-quote-over-a-line-break-after-a-comma-frame-en",
    ),
    no_quote(
        ADA_BERG, "en", "indirect", id="frame-verb-followed-by-its-quote-frames-no-indirect-en"
    ),
    quote(ADA_BERG, "en", "direct", count=1, id="frame-verb-followed-by-its-quote-en"),
    no_quote(
        "After weeks of talks, the visitors were granted a special status on the grounds "
        'that their visit would be a "major public benefit." The team named its boat '
        '"Seagull."',
        "en",
        "direct",
        id="short-phrase-in-marks-closing-a-reporter-sentence-en",
    ),
    # clause checks for objects, labels, lists and noun subjects
    no_quote(
        "The agency tweeted praise of Ahmed Fareed via its account.",
        "en",
        "indirect",
        id="a-name-in-ed-is-no-past-tense-en",
    ),
    no_quote(
        "He was sent to a camp in the north, which the ministry describes as a retreat.",
        "en",
        "indirect",
        id="describes-as-a-label-en",
    ),
    no_quote(
        "The highlight of the festival is a giant rotating dragon, laser light show and music.",
        "en",
        "indirect",
        id="verb-like-noun-in-a-list-en",
    ),
    no_quote(
        "They had learned an important lesson from the long strike that unity pays.",
        "en",
        "indirect",
        id="noun-clause-after-an-object-with-a-preposition-en",
    ),
    quote(
        "Recent reports have revealed that the factory was closed for a week in May.",
        "en",
        "indirect",
        count=1,
        speaker="Recent reports",
        id="reports-have-revealed-that-en",
    ),
    quote(
        "The mayor warned the residents that the water would be cut off on Monday.",
        "en",
        "indirect",
        count=1,
        starts="that the water",
        id="addressee-before-the-that-clause-en",
    ),
]


@pytest.mark.parametrize("case", MARKS)
def test_marks_rules(case):
    check(case)


def test_unclosed_mark_does_not_swallow_the_next_paragraphs():
    text = "Er las „Der alte Hafen und ging.\n\nAm Abend regnete es. Niemand kam.\n\nEnde.“"
    opened = [q for q in analyze(text, "de").quotes if q.start < 10]
    assert opened, "the unclosed mark opens a quote"
    assert all("Am Abend" not in q.text for q in opened)


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


def test_a_quoted_title_in_title_case_is_a_term() -> None:
    text = 'The museum opened "Rivers and Bridges of the Old Town" on Saturday.'
    assert [q.kind for q in _quotes(text) if "Rivers" in q.text] == ["term"]


def test_split_quote_shares_its_frame():
    text = "„Das ist ein guter Tag“, sagte Anna Wolff, „aber die Arbeit beginnt erst.“"
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "„Das ist ein guter Tag“",
        "„aber die Arbeit beginnt erst.“",
    ]
    assert {_actor_name(a, q) for q in direct} == {"Anna Wolff"}


def test_title_in_marks_is_a_term_not_a_quotation():
    text = "Die Zeitung „Rheinischer Bote“ berichtete über den Film „Die langen Nächte“."
    a = analyze(text, "de")
    assert [q.kind for q in a.quotes if q.text.startswith("„")] == ["term", "term"]
    assert a.quote_count() == sum(1 for q in a.quotes if q.kind != "term")


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


def test_quoted_title_is_a_term_and_nested_fragment_is_direct():
    a = analyze('She starred in the film "Silent Harbour" last year.', "en")
    assert [q.kind for q in a.quotes] == ["term"]
    a = analyze('Director Ana Ruiz said the report was "deeply worrying" for the region.', "en")
    nested = [q for q in a.quotes if q.nested]
    assert len(nested) == 1 and nested[0].kind == "direct"
    assert _name(a, nested[0]) == "Ana Ruiz"
