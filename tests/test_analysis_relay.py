"""A quotation relayed by a medium ("X zitiert Y mit den Worten …"): the cited person speaks,
the medium is ``via``, and the JSON contract writes one record per layer (issue 4)."""

from __future__ import annotations

import json

from test_cli_support import run, write

from reader.analysis import analyze


def _direct(text: str, lang: str = "de"):
    quotes = [q for q in analyze(text, lang).quotes if q.kind == "direct"]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_active_medium_quotes_a_person_before_the_quote():
    q = _direct(
        "Die Lokalzeitung „Nordbote“ zitiert den Bürgermeister mit den Worten: "
        "„Wir bauen die Brücke bis zum Herbst wieder auf.“"
    )
    assert q.speaker and q.speaker.endswith("Bürgermeister")
    assert q.via is not None and "Nordbote" in q.via


def test_active_medium_after_the_quote_with_a_site_name():
    q = _direct("„Die Lage ist unter Kontrolle“, zitiert talblatt.de Feuerwehrsprecher Jan Ohm.")
    assert q.speaker == "Feuerwehrsprecher Jan Ohm"
    assert q.via == "talblatt.de"


def test_adverb_between_verb_and_person_is_skipped():
    q = _direct(
        "Der Sender Radio Süd zitiert dazu Landrätin Petra Hahn mit folgenden Worten: "
        "„Wir haben keine Zeit mehr zu verlieren.“"
    )
    assert q.speaker == "Landrätin Petra Hahn"
    assert q.via and "Radio Süd" in q.via


def test_passive_with_agent_and_with_place():
    q = _direct(
        "Die Trainerin Mara Voss wird von der Zeitung „Sportecho“ mit den Worten zitiert: "
        "„Wir haben heute verdient verloren.“"
    )
    assert q.speaker and "Mara Voss" in q.speaker
    assert q.via and "Zeitung" in q.via
    q = _direct(
        "In der Pressemitteilung des Vereins wird Kassenwart Olaf Brem wie folgt zitiert: "
        "„Die Beiträge steigen im nächsten Jahr nicht.“"
    )
    assert q.speaker and "Olaf Brem" in q.speaker
    assert q.via and "Pressemitteilung" in q.via


def test_one_party_only_is_an_ordinary_frame():
    """'wird Y zitiert' without a medium, 'zitierte man Y': nobody relays, no second layer."""
    for text in (
        "„Wir ziehen uns aus dem Projekt zurück“, wird Vorstand Lena Kurz zitiert.",
        "„Das war ein schwarzer Tag für die Stadt“, zitierte man Stadtrat Ewald Funk.",
        "Der Minister sagte: „Wir prüfen alle Möglichkeiten.“",
    ):
        q = _direct(text)
        assert q.via is None and q.speaker, text


def test_english_quoted_as_saying():
    q = _direct('The Harbour Gazette quoted the mayor as saying: "We will rebuild the pier."', "en")
    assert q.speaker == "the mayor"
    assert q.via and "Harbour Gazette" in q.via


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
    assert all(q.via is None for q in analyze(text, "de").quotes)


def test_pronoun_object_is_the_person_last_named_and_the_medium_keeps_its_marks():
    text = (
        "Die Bürgermeisterin Carla Wendt besuchte am Montag die Baustelle. Das "
        "„Kreisblatt“ zitiert sie mit den Worten: „Wir liegen gut im Zeitplan.“"
    )
    a = analyze(text, "de")
    q = next(q for q in a.quotes if q.kind == "direct")
    assert a.actor(q.actor) is not None and a.actor(q.actor).name == "Carla Wendt"
    assert q.via == "Das „Kreisblatt“"


def test_source_first_then_verb_of_saying_relays_too():
    q = _direct("Laut Polizei sagte der Fahrer: „Ich habe das Schild nicht gesehen.“")
    assert q.speaker == "der Fahrer" and q.via == "Polizei"


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
