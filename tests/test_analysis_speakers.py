"""Quotation analysis, who speaks: the speaker mention of a frame and where it begins and ends (speakers.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import analyze, check, no_quote, quote

SPEAKERS = [
    quote(
        "Im März hatte die Bürgermeisterin Jana Roth angekündigt, die Schwimmhalle noch in "
        "diesem Jahr sanieren zu wollen.",
        "de",
        "indirect",
        starts="die Schwimmhalle",
        ends="zu wollen",
        speaker="die Bürgermeisterin Jana Roth",
        id="subject-after-the-auxiliary-when-an-adverbial-opens-de",
    ),
    quote(
        "Die Gewerkschaft hat die Länder am Freitag dazu aufgefordert, die Gehälter der "
        "Pflegekräfte deutlich anzuheben.",
        "de",
        "indirect",
        speaker="Die Gewerkschaft",
        id="subject-before-the-auxiliary-when-the-object-follows-de",
    ),
    quote(
        "Auch die Delegationsleiterin beim Gipfel, Sharon Hayes, äußerte sich zufrieden über "
        "den Bericht: „Wir haben eine ausgewogene Position erreicht.“",
        "de",
        "direct",
        speaker_has="Sharon Hayes",
        id="adjective-after-a-verb-of-saying-is-no-speaker-de",
    ),
    quote(
        "Ende Januar verkündete der Verband dann offiziell, dass man sich bewerben werde.",
        "de",
        "indirect",
        speaker="der Verband",
        id="time-phrase-opening-is-no-speaker-de",
    ),
    quote(
        "Zur Beweislage führt das Gericht aus, dass beide Seiten die Unwahrheit gesagt hätten.",
        "de",
        "indirect",
        speaker="das Gericht",
        id="prepositional-phrase-opening-is-no-speaker-de",
    ),
    # an unframed quote opening a sentence is spoken by the subject just before
    quote(
        "Der Bürgermeister Paul Weber sagte, der Haushalt sei knapp. Die Ministerin Jana "
        "Roth besuchte am Nachmittag die Schule. „Das ist ein schwarzer Tag für die Schulen.“",
        "de",
        "direct",
        speaker="Die Ministerin Jana Roth",
        id="unframed-quote-after-a-subject-de",
    ),
    quote(
        "The mayor, Paul Weber, said the budget was tight. The minister, Jana Roth, visited "
        'the school in the afternoon. "This is a dark day for our schools."',
        "en",
        "direct",
        speaker_has="Jana Roth",
        id="unframed-quote-after-a-subject-en",
    ),
    quote(
        "Für die Gewerkschaft ist die Lage in den Kliniken „alarmierend“.",
        "de",
        "direct",
        speaker="die Gewerkschaft",
        id="opinion-holder-fuer-with-a-copula-de",
    ),
    quote(
        "Die Ministerin Anna Keller sagte, die Schulen blieben bis Freitag geschlossen.",
        "de",
        None,
        where="Schulen",
        speaker_has="Keller",
        id="named-speaker-still-speaks-de",
    ),
    quote(
        "Der Sprecher der Stadt, Paul Brandt, sagte, der Deich halte. "
        "Viele Bauern bezeichneten den Plan in der Versammlung als „völlig verfehlt“.",
        "de",
        "direct",
        speaker="Viele Bauern",
        id="unlisted-subject-with-a-report-verb-speaks-its-inner-quote-de",
    ),
    # an adverb between the verb and its subject
    quote(
        "Der Deich bei Husum ist an zwei Stellen gebrochen. Das erklärte gestern ein Sprecher "
        "des Landkreises. Um 9 Uhr meldete dann die Agentur Nordpress, die Straße sei gesperrt.",
        "de",
        None,
        at="Der Deich",
        speaker="ein Sprecher des Landkreises",
        id="adverb-between-verb-and-subject-das-erklaerte-de",
    ),
    quote(
        "Der Deich bei Husum ist an zwei Stellen gebrochen. Das erklärte gestern ein Sprecher "
        "des Landkreises. Um 9 Uhr meldete dann die Agentur Nordpress, die Straße sei gesperrt.",
        "de",
        None,
        at="die Straße sei",
        speaker="die Agentur Nordpress",
        id="adverb-between-verb-and-subject-meldete-dann-de",
    ),
    quote(
        "Professor Lena Ward, head of the Institute for Coastal Studies, says it is likely "
        "that the dunes will move inland.",
        "en",
        "indirect",
        at="it is likely",
        speaker_starts="Professor Lena Ward",
        cue="says",
        id="named-speaker-with-an-apposition-between-commas-en",
    ),
    quote(
        "Die Anwohner sehen die Pläne gelassen: „Wir haben schon Schlimmeres erlebt.“",
        "de",
        "direct",
        speaker="Die Anwohner",
        id="colon-frame-without-a-verb-of-saying-de",
    ),
    # an agentless passive report is no quotation; with an agent it is
    no_quote(
        "Außerdem wurden strengere Kontrollen der Anlage gefordert.",
        "de",
        "reported",
        id="agentless-passive-gefordert-de",
    ),
    no_quote(
        "Der Mann wurde am Montag zu drei Jahren Haft verurteilt.",
        "de",
        "reported",
        id="agentless-passive-verurteilt-de",
    ),
    quote(
        "Der Plan wurde von der Gewerkschaft Verdi als unsozial kritisiert.",
        "de",
        "reported",
        speaker_has="Verdi",
        id="passive-with-an-agent-de",
    ),
    quote(
        "Die Ministerin Petra Lang äußerte sich am Montag zu den Plänen. "
        "Der Bau solle im Herbst beginnen.",
        "de",
        None,
        at="Der Bau",
        actor="Petra Lang",
        id="reflexive-speech-act-names-who-speaks-next-de",
    ),
    quote(
        "Die neue Studie aus Bonn bemängelt die Lage in den Gefängnissen.",
        "de",
        "reported",
        speaker_starts="Die neue Studie",
        id="a-report-speaks-de",
    ),
    quote(
        "Die Schutzgemeinschaft der Sparer bezifferte den Schaden auf zwei Millionen.",
        "de",
        "reported",
        speaker_starts="Die Schutzgemeinschaft",
        id="a-community-speaks-de",
    ),
    # "sieht … vor" and "stellte … vor" report no words
    no_quote(
        "Die Vereinbarung der Regierung sieht einen Ausbau vor.",
        "de",
        "reported",
        id="sieht-vor-de",
    ),
    no_quote(
        "Den Plan stellte der Leiter des Amtes, Karl Berg, am Montag in Kiel vor.",
        "de",
        "reported",
        id="stellte-vor-de",
    ),
    quote(
        "Die Gewerkschaft Verdi sieht vor allem die Arbeitgeber in der Pflicht.",
        "de",
        "reported",
        id="sieht-vor-allem-reports-de",
    ),
    quote(
        "Die Ministerin Petra Lang (SPD) forderte höhere Löhne für Pflegekräfte.",
        "de",
        "reported",
        speaker="Die Ministerin Petra Lang (SPD)",
        id="party-in-brackets-keeps-the-closing-bracket-de",
    ),
    no_quote(
        "Karl Berg, der Chef hinter der Firma Nordwerk, kündigte einen neuen Lastwagen an.",
        "de",
        "indirect",
        id="subject-with-an-apposition-before-the-verb-de",
    ),
    quote(
        "Die Lage im Hafen sei ernst, sagte der Minister.",
        "de",
        "indirect",
        quote="Die Lage im Hafen sei ernst",
        id="frame-after-sagte-der-minister-de",
    ),
    # the subject of a passive demand is asked, not asking
    quote(
        "Südafrika, Großbritannien und die Vereinigten Staaten werden aufgefordert, "
        "mehr Druck auszuüben.",
        "de",
        "indirect",
        speaker=None,
        id="passive-demand-subject-is-asked-de",
    ),
    quote(
        "Die Bürger wurden von der Polizei aufgefordert, die Fenster zu schließen.",
        "de",
        "indirect",
        speaker="der Polizei",
        id="passive-demand-agent-asks-de",
    ),
    quote(
        "Als Todesursache des Politikers wurde ein Herzinfarkt angegeben.",
        "de",
        "reported",
        id="agentless-passive-stating-a-cause-de",
    ),
    no_quote(
        "Als Folge des Unfalls wurden strengere Regeln gefordert.",
        "de",
        "reported",
        id="agentless-passive-als-folge-de",
    ),
    quote(
        "Company officials have repeatedly stated they were not told of the leak.",
        "en",
        "indirect",
        count=1,
        quote="they were not told of the leak",
        speaker="Company officials",
        id="subject-before-the-auxiliary-en",
    ),
    quote(
        "The researchers found that rents rose by a third in five years.",
        "en",
        "indirect",
        count=1,
        starts="that rents rose",
        speaker="The researchers",
        id="findings-found-that-en",
    ),
    no_quote(
        "“The talks went well,” said Mara Holt, a trade analyst at the Eastern Institute. "
        "She expects a deal in May.",
        "en",
        "indirect",
        id="apposition-after-an-inverted-frame-en",
    ),
    quote(
        '"It is over," said Tom Reed, the chairman of the club, adding that the ground '
        "would be sold.",
        "en",
        "indirect",
        count=1,
        speaker="Tom Reed",
        quote="that the ground would be sold",
        id="adding-that-after-an-inverted-frame-en",
    ),
    no_quote(
        "Asked whether she would resign, she said no.",
        "en",
        "indirect",
        id="participle-opener-asked-en",
    ),
    no_quote(
        "The council has announced new measures to cut traffic.",
        "en",
        "indirect",
        id="announced-measures-is-no-clause-en",
    ),
    quote(
        "The council has announced new measures to cut traffic.",
        "en",
        "reported",
        count=1,
        id="announced-measures-is-a-speech-act-en",
    ),
    quote(
        "Die Landrätin reagierte am Dienstag gelassen auf den Vorwurf, indem sie erklärte, die Mittel "
        "seien vollständig abgerufen worden.",
        "de",
        "indirect",
        starts="die Mittel",
        speaker="sie",
        id="subject-of-a-subordinate-clause-with-the-verb-speaks-de",
    ),
    quote(
        "Die Betreiber des Hallenbads haben protestiert, da sie befürchten, viele Familien "
        "könnten sich den Eintritt nicht mehr leisten.",
        "de",
        "indirect",
        starts="viele Familien",
        speaker="sie",
        id="subject-after-da-speaks-not-the-main-clause-de",
    ),
    quote(
        "Der Streit eskalierte, sodass der Verein schließlich aufgefordert wurde, sich an den "
        "Kosten der Reinigung zu beteiligen.",
        "de",
        "indirect",
        starts="sich an den Kosten",
        speaker=None,
        id="passive-request-in-a-subordinate-clause-names-no-one-de",
    ),
    quote(
        "Der Landrat Uwe Brenner sprach am Abend in Celle. Die Haltung der Bürgermeisterin "
        "Anke Vogt nannte er „zutiefst verlogen“.",
        "de",
        "direct",
        speaker="er",
        id="er-after-the-verb-is-the-subject-not-the-object-before-it-de",
    ),
    quote(
        "Der Landrat Uwe Brenner sprach am Abend in Celle. Die Anwohner der Deponie forderte "
        "er auf, ihre Fenster geschlossen zu halten.",
        "de",
        "indirect",
        starts="ihre Fenster",
        speaker="er",
        id="er-after-the-verb-asks-not-the-object-before-it-de",
    ),
    quote(
        "Der Präsident sprach am Montag in der Hauptstadt. Vor kurzem hatte ein Rebellenführer "
        "im Norden, Abu Kamal, erklärt, die Rebellen würden den Flughafen nicht angreifen.",
        "de",
        "indirect",
        starts="die Rebellen",
        speaker="ein Rebellenführer",
        id="unlisted-subject-after-adverbial-and-auxiliary-speaks-de",
    ),
    quote(
        "Auch der ehemalige Schiedsrichter Karl Hauser sagte, der Trainer habe die Linie nicht "
        "gefunden.",
        "de",
        "indirect",
        speaker="der ehemalige Schiedsrichter Karl Hauser",
        id="subject-after-a-focus-particle-keeps-its-article-de",
    ),
    quote(
        "Der Verein gewann am Samstag zum siebten Mal in Folge. Da die Mannschaft souverän "
        "spielte, war Trainer Jens Paulsen zufrieden: „Ein guter Start“, sagte er nach dem Spiel.",
        "de",
        "direct",
        speaker="er",
        id="short-quote-after-a-colon-keeps-the-frame-after-it-de",
    ),
    quote(
        "Der Landrat Uwe Brenner sprach am Abend in Celle. „Der Name zeigt, wie wichtig die "
        "Anlage für die ganze Region ist“, führte er gegenüber dem Sender aus.",
        "de",
        "direct",
        speaker="er",
        id="pronoun-after-any-verb-after-the-quote-speaks-de",
    ),
    quote(
        "Der Verband schrieb am Montag an die Polizei. „Wir fordern Sie auf, das Konzert in der "
        "Stadthalle abzusagen“, hieß es in dem Schreiben des Verbands.",
        "de",
        "direct",
        speaker_has="Verbands",
        id="hiess-es-in-after-the-quote-names-the-source-de",
    ),
    quote(
        "Der Minister sprach am Montag. Jan Roth, Präsident des Rats der Europäischen Union: "
        "„Die Verabschiedung dieses Gesetzes ist ein Fehler.“",
        "de",
        "direct",
        speaker="Jan Roth, Präsident des Rats der Europäischen Union",
        id="name-and-role-before-a-colon-speak-de",
    ),
    quote(
        "Der Minister sprach am Montag. Seiner Ansicht nach „sind wir Zeugen eines schwarzen "
        "Tages“.",
        "de",
        "direct",
        speaker="Seiner Ansicht",
        id="source-phrase-around-marks-speaks-de",
    ),
    quote(
        "Der Minister sprach am Montag. „Allerdings bleibt das Problem der Kriminalität“ laut "
        "Gall „auch in Zukunft bestehen“.",
        "de",
        "direct",
        at="„auch",
        speaker="Gall",
        id="laut-between-two-quotes-speaks-both-de",
    ),
    quote(
        "Auch der Außenminister Jan Roth attackierte den Nachbarstaat als den „größten "
        "Förderer des Schmuggels“.",
        "de",
        "direct",
        speaker="der Außenminister Jan Roth",
        id="subject-after-auch-labels-the-object-de",
    ),
    quote(
        "Der Komponist starb am Montag. Seine Werke werden von Musikkennern als „Meilensteine "
        "der Musikgeschichte“ bezeichnet.",
        "de",
        "direct",
        speaker="Musikkennern",
        id="agent-of-a-labelling-passive-speaks-de",
    ),
    quote(
        "Der Minister sprach am Montag. Der Einsatz solle sich, so Gall, „in Anbetracht der "
        "Eingriffe in die Grundrechte“ auf schwere Fälle begrenzen.",
        "de",
        "direct",
        speaker="Gall",
        nested=True,
        id="marks-between-the-segments-of-a-frame-are-its-speakers-de",
    ),
    quote(
        "Der Bürgermeister Jan Roth war ebenfalls anwesend und erklärte, er freue sich über die "
        "neue Brücke.",
        "de",
        "indirect",
        starts="er freue",
        speaker="Der Bürgermeister Jan Roth",
        id="second-of-two-joined-verbs-has-the-first-ones-subject-de",
    ),
    quote(
        "Die Menschen jubelten am Abend in der Hauptstadt. Einer der Offiziere, Harun Ade, "
        "dankte den Menschen für ihre Unterstützung und ergänzte, der Umsturz sei im Interesse "
        "des Landes.",
        "de",
        "indirect",
        starts="der Umsturz",
        speaker_has="Harun Ade",
        id="one-of-a-group-is-no-adverbial-de",
    ),
    quote(
        "Wie die Zeitung berichtete, soll sich laut der Studie nur jeder zweite Student von den "
        "Gebühren „bessere Bedingungen“ erhoffen.",
        "de",
        "direct",
        speaker="der Studie",
        nested=True,
        id="nearest-source-inside-the-report-speaks-its-marks-de",
    ),
    quote(
        "Zur Überbrückung bekomme das Unternehmen, wie es auf einer Pressekonferenz in Oslo "
        "hieß, vier Millionen Euro von einem Lieferanten.",
        "de",
        "indirect",
        speaker="einer Pressekonferenz",
        id="wie-es-auf-x-hiess-names-the-place-de",
    ),
    quote(
        "Der Prozess begann am Montag. Es wurde von Roths Sohn die Vermutung geäußert, das "
        "Gericht brauche nur einen Schuldigen.",
        "de",
        "indirect",
        speaker="Roths Sohn",
        id="agent-of-a-passive-verb-of-saying-speaks-de",
    ),
    quote(
        "So wird in einer Pressemitteilung des Vereins gefordert, dass die Stadt die Mängel "
        "schnell abstelle.",
        "de",
        "indirect",
        speaker="einer Pressemitteilung des Vereins",
        id="document-of-a-passive-report-speaks-de",
    ),
    quote(
        "Wie der Vorsitzende Richter, Otto Brand, ausführte, hätte es durch die Anschläge ein "
        "Blutbad gegeben.",
        "de",
        "indirect",
        speaker_has="Richter",
        id="joined-particle-verb-closes-a-wie-source-de",
    ),
    quote(
        "Colm empfahl dem Gericht, der Klage der Kommission gegen das Land stattzugeben.",
        "de",
        "indirect",  # the zu-infinitive after a separable prefix is the content (qrecall)
        speaker="Colm",
        id="dative-object-after-the-verb-is-no-subject-de",
    ),
    quote(
        "Der Minister sprach am Montag. Die Kontrolle der Kosten in den Kliniken des Landes "
        "müsse ein Teil des Programms werden, fordern die Forscher.",
        "de",
        "indirect",
        speaker="die Forscher",
        id="plural-present-of-an-er-verb-frames-after-de",
    ),
]


@pytest.mark.parametrize("case", SPEAKERS)
def test_speaker_rules(case):
    check(case)


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
    assert a.quotes, "the body under the subheadings has quotes"
    for heading in headings:
        hs = text.index(heading)
        he = hs + len(heading)
        for q in a.quotes:
            assert not (q.speaker_start is not None and hs <= q.speaker_start < he), q
            # the heading is not itself reported speech (words in marks in it may be quoted)
            assert not (hs <= q.start < he and q.kind not in ("direct", "term")), q
