"""A quotation relayed by a medium ("X zitiert Y mit den Worten …"): the cited person speaks,
the medium is ``via``, and the JSON contract writes one record per layer (issue 4)."""

from __future__ import annotations

import json

import pytest
from analysis_helpers import check, quote
from test_cli_support import run, write

from reader.analysis import analyze

RELAY = [
    quote(
        "Die Lokalzeitung „Nordbote“ zitiert den Bürgermeister mit den Worten: "
        "„Wir bauen die Brücke bis zum Herbst wieder auf.“",
        "de",
        "direct",
        count=1,
        speaker_ends="Bürgermeister",
        via_has="Nordbote",
        id="active-medium-quotes-a-person-before-the-quote-de",
    ),
    quote(
        "„Die Lage ist unter Kontrolle“, zitiert talblatt.de Feuerwehrsprecher Jan Ohm.",
        "de",
        "direct",
        count=1,
        speaker="Feuerwehrsprecher Jan Ohm",
        via="talblatt.de",
        id="active-medium-after-the-quote-with-a-site-name-de",
    ),
    quote(
        "Der Sender Radio Süd zitiert dazu Landrätin Petra Hahn mit folgenden Worten: "
        "„Wir haben keine Zeit mehr zu verlieren.“",
        "de",
        "direct",
        count=1,
        speaker="Landrätin Petra Hahn",
        via_has="Radio Süd",
        id="adverb-between-verb-and-person-is-skipped-de",
    ),
    quote(
        "Die Trainerin Mara Voss wird von der Zeitung „Sportecho“ mit den Worten zitiert: "
        "„Wir haben heute verdient verloren.“",
        "de",
        "direct",
        count=1,
        speaker_has="Mara Voss",
        via_has="Zeitung",
        id="passive-with-an-agent-de",
    ),
    quote(
        "In der Pressemitteilung des Vereins wird Kassenwart Olaf Brem wie folgt zitiert: "
        "„Die Beiträge steigen im nächsten Jahr nicht.“",
        "de",
        "direct",
        count=1,
        speaker_has="Olaf Brem",
        via_has="Pressemitteilung",
        id="passive-with-a-place-de",
    ),
    # one party only ("wird Y zitiert" without a medium, "zitierte man Y"): nobody relays
    quote(
        "„Wir ziehen uns aus dem Projekt zurück“, wird Vorstand Lena Kurz zitiert.",
        "de",
        "direct",
        count=1,
        via=None,
        spoken=True,
        id="wird-zitiert-without-a-medium-de",
    ),
    quote(
        "„Das war ein schwarzer Tag für die Stadt“, zitierte man Stadtrat Ewald Funk.",
        "de",
        "direct",
        count=1,
        via=None,
        spoken=True,
        id="zitierte-man-de",
    ),
    quote(
        "Der Minister sagte: „Wir prüfen alle Möglichkeiten.“",
        "de",
        "direct",
        count=1,
        via=None,
        spoken=True,
        id="plain-colon-frame-de",
    ),
    quote(
        'The Harbour Gazette quoted the mayor as saying: "We will rebuild the pier."',
        "en",
        "direct",
        count=1,
        speaker="the mayor",
        via_has="Harbour Gazette",
        id="quoted-as-saying-en",
    ),
    quote(
        "Die Bürgermeisterin Carla Wendt besuchte am Montag die Baustelle. Das "
        "„Kreisblatt“ zitiert sie mit den Worten: „Wir liegen gut im Zeitplan.“",
        "de",
        "direct",
        actor="Carla Wendt",
        via="Das „Kreisblatt“",
        id="pronoun-object-is-the-person-last-named-and-the-medium-keeps-its-marks-de",
    ),
    quote(
        "Laut Polizei sagte der Fahrer: „Ich habe das Schild nicht gesehen.“",
        "de",
        "direct",
        count=1,
        speaker="der Fahrer",
        via="Polizei",
        id="source-first-then-a-verb-of-saying-de",
    ),
]


@pytest.mark.parametrize("case", RELAY)
def test_relay_rules(case):
    check(case)


def test_json_writes_one_record_per_layer():
    text = (
        "Das Magazin „Stadtblick“ zitiert die Architektin Eva Lind mit den Worten: "
        "„Das Haus wird im Mai fertig.“"
    )
    records = [r for r in analyze(text, "de").to_json()["quotes"] if r["kind"] == "direct"]
    assert [r["relay"] for r in records] == [False, True]
    person, medium = records
    assert (person["start"], person["end"]) == (medium["start"], medium["end"])
    assert "Eva Lind" in person["speaker"] and "Stadtblick" in person["via"]
    assert "Stadtblick" in medium["speaker"] and medium["via"] is None
    assert text[medium["speaker_start"] : medium["speaker_end"]] == medium["speaker"]


def test_cli_json_and_show_carry_the_relay(tmp_path, capsys, monkeypatch):
    path = write(
        tmp_path / "relay.txt",
        "Brücke wieder offen\n\nDas Magazin „Stadtblick“ zitiert die Architektin Eva "
        "Lind mit den Worten: „Das Haus wird im Mai fertig und die Brücke ist wieder "
        "offen.“ Die Stadt plant ein Fest.\n",
    )
    code, out, _ = run(capsys, "analyze", str(path), "--json")
    assert code == 0
    quotes = json.loads(out)[0]["quotes"]  # one object per file
    assert [q["relay"] for q in quotes if q["kind"] == "direct"] == [False, True]
    code, out, _ = run(capsys, "analyze", str(path))  # piped: speaker and via are columns
    records = [line.split("\t") for line in out.splitlines() if "\tdirect\t" in line]
    assert code == 0 and len(records) == 1 and "Stadtblick" in records[0][3]
    monkeypatch.setattr("reader.cli.analyze.piped", lambda: False)  # on a terminal
    code, out, _ = run(capsys, "analyze", str(path))
    assert code == 0
    shown = [line for line in out.splitlines() if "direct" in line]
    assert len(shown) == 1 and "via" in shown[0] and "Stadtblick" in shown[0]


def test_source_phrase_before_a_colon_quote_relays_the_speaker():
    """'Y kommentierte laut X mit folgenden Worten: „…“': Y's words, relayed by X; the words
    before the colon are not somebody's indirect speech."""
    text = (
        "Die Sprecherin des Vereins, Hanna Berg, kommentierte den Beschluss laut "
        "Radio Nord mit folgenden Worten: „Das ist ein guter Tag für alle Pendler in der "
        "Region.“"
    )
    quotes = [q for q in analyze(text, "de").quotes if q.kind != "term"]
    assert [q.kind for q in quotes] == ["direct"]
    assert "Hanna Berg" in (quotes[0].speaker or "") or "Sprecherin" in (quotes[0].speaker or "")
    assert quotes[0].via and "Radio Nord" in quotes[0].via
    # an opinion phrase ("ihrer Meinung nach") is no relay: it stays its own frame
    text = (
        "Sie wandte sich gegen die ihrer Meinung nach falschen Zahlen der Stadt: „Wir haben "
        "alles dreimal nachgezählt.“"
    )
    quotes = analyze(text, "de").quotes
    assert quotes and all(q.via is None for q in quotes)  # found, and none relayed


def test_report_relayed_by_a_source_phrase_is_one_quote_with_via():
    """'X bestätigte laut Reuters, dass …': X's clause, relayed by Reuters, is one quote in
    the app (not two with the same span) and two records in the JSON."""
    text = "Der Minister bestätigte laut Reuters, dass die Gespräche gescheitert seien."
    a = analyze(text, "de")
    clause = [q for q in a.quotes if q.text.startswith("dass die Gespräche")]
    assert len(clause) == 1
    assert clause[0].speaker == "Der Minister" and clause[0].via == "Reuters"
    records = [r for r in a.to_json()["quotes"] if r["text"].startswith("dass die Gespräche")]
    assert [(r["speaker"], r["relay"]) for r in records] == [
        ("Der Minister", False),
        ("Reuters", True),
    ]
