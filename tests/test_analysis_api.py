"""The public API others code against: sentences, language guess, the JSON contract."""

from __future__ import annotations

import sys

from reader.analysis import analyze, split_sentences

QUOTE_KEYS = {
    "start",
    "end",
    "text",
    "kind",
    "nested",
    "speaker",
    "speaker_start",
    "speaker_end",
    "actor",
}
ACTOR_KEYS = {"id", "name", "type", "roles", "aliases", "mentions"}


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_sentences_respect_abbreviations_ordinals_and_line_breaks():
    text = (
        "Dr. Meier kam am 23. Dezember an. Er sagte z.B. nichts.\n"
        "Neue Zeile ohne Punkt\n\nThe U.S. team won. It rained!"
    )
    assert _texts(text, split_sentences(text)) == [
        "Dr. Meier kam am 23. Dezember an.",
        "Er sagte z.B. nichts.",
        "Neue Zeile ohne Punkt",
        "The U.S. team won.",
        "It rained!",
    ]


def test_analysis_sentences_keep_a_direct_quote_whole():
    text = "„Wir kommen. Wir bleiben.“, sagte sie. Dann ging sie."
    a = analyze(text, "de")
    assert _texts(text, a.sentences) == ["„Wir kommen. Wir bleiben.“, sagte sie.", "Dann ging sie."]


def test_language_is_guessed_from_function_words():
    assert analyze("Der Minister sagte, die Lage sei ernst und nicht einfach.").lang == "de"
    assert analyze("The minister said that the situation was serious.").lang == "en"


def test_json_contract_fields():
    a = analyze("„Wir sind bereit“, sagte Nato-Generalsekretär Jens Stoltenberg in Brüssel.")
    data = a.to_json()
    assert set(data) == {"lang", "quotes", "actors"}
    assert data["quotes"] and data["actors"]
    for q in data["quotes"]:
        assert set(q) >= QUOTE_KEYS
    for actor in data["actors"]:
        assert set(actor) >= ACTOR_KEYS
        assert all(isinstance(m, list) and len(m) == 2 for m in actor["mentions"])
    q = data["quotes"][0]
    actor = next(x for x in data["actors"] if x["id"] == q["actor"])
    assert actor["name"] == "Jens Stoltenberg" and actor["roles"] == ["Nato-Generalsekretär"]


def test_quotes_are_sorted_and_terms_do_not_count():
    a = analyze("Das Magazin „Weltblick“ zitierte ihn: „Wir sind bereit.“", "de")
    assert [q.start for q in a.quotes] == sorted(q.start for q in a.quotes)
    assert a.quote_count() == 1


def test_core_does_not_import_textual():
    import subprocess

    code = "import sys, reader.analysis as a; a.analyze('x'); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sentences_end_at_every_line_and_skip_blank_lines():
    """One scan over the whole text finds the boundaries: blank and indented lines, a CR
    before the newline and trailing spaces still end a sentence at its line, and a quote
    that holds its own full stops stays one sentence."""
    text = (
        "Erster Satz. Zweiter Satz.\n\n  \nDritter Satz ohne Punkt\r\n"
        "Vierter. Fünfter Satz.   \nSechster\n"
        "Dr. Weber sprach. „Ein Satz. Noch einer.“ Danach nichts.\n\tEingerückt. Ende."
    )
    quote = (text.index("„"), text.index("“") + 1)
    assert _texts(text, split_sentences(text)) == [
        "Erster Satz.",
        "Zweiter Satz.",
        "Dritter Satz ohne Punkt",
        "Vierter.",
        "Fünfter Satz.",
        "Sechster",
        "Dr. Weber sprach.",
        "„Ein Satz.",
        "Noch einer.“",
        "Danach nichts.",
        "Eingerückt.",
        "Ende.",
    ]
    from reader.analysis.sentences import split_sentences as split_protected

    inside = _texts(text, split_protected(text, [quote]))
    assert "„Ein Satz. Noch einer.“" in inside
    assert split_sentences("  \n\n") == [] and split_sentences("") == []


def test_words_keep_inner_hyphens_dots_and_apostrophes_and_an_abbreviations_dot():
    from reader.analysis.tokens import tokenize

    text = "Der Nato-Chef J. R. Smith sagte: „Don’t panic“ – z.B. um 11.30 Uhr, A.B.C. und e.V. ..."
    words = tokenize(text)
    assert [w.text for w in words] == [
        "Der", "Nato-Chef", "J.", "R.", "Smith", "sagte", "Don’t", "panic",
        "z.B.", "um", "11.30", "Uhr", "A.B.C.", "und", "e.V.",
    ]  # fmt: skip
    assert all(text[w.start : w.end] == w.text for w in words)
    assert [w.cap for w in words[:3]] == [True, True, True] and words[5].low == "sagte"
    # a part of the text: its words, matched in place
    assert [w.text for w in tokenize(text, 4, 19)] == ["Nato-Chef", "J.", "R."]
