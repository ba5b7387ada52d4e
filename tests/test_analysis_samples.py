"""The bundled English samples, cleaned by the importer, read as the seed is read (issue 4).

Who said what in these articles is written down here from reading them; the analyzer must
find the same speakers, aliases and countries.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from reader.analysis import analyze

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


@functools.cache
def _analysed(name: str):
    from reader.importing.importer import parse_document

    path = SAMPLES / name
    if not path.is_file():
        pytest.fail(f"{name} is not among the samples (renamed? update this test)")
    text = parse_document(path.read_bytes(), name).text
    return text, analyze(text)


def _by_name(a):
    return {x.name: x for x in a.actors}


def _quotes_of(a, name, kinds=("direct",)):
    actor = _by_name(a)[name]
    return [q for q in a.quotes if q.actor == actor.id and q.kind in kinds and not q.nested]


def test_trade_talks_speakers_and_quotes():
    _, a = _analysed("en-trade-talks-tariffs-2024-03-19.txt")
    assert a.lang == "en"
    people = _by_name(a)
    assert {
        "Laura Bennett",
        "Zhao Weiming",
        "Priya Raman",
        "Gregory Hale",
        "Rebecca Moreno",
        "Jack Donnelly",
        "Margit Holm",
    } <= set(people)
    assert "Bennett" in people["Laura Bennett"].aliases
    assert "Zhao" in people["Zhao Weiming"].aliases
    # Bennett: two direct quotes after "told reporters", one in single curly marks after a colon
    bennett = _quotes_of(a, "Laura Bennett")
    assert len(bennett) == 3 and any(q.text.startswith("‘Everything") for q in bennett)
    assert len(_quotes_of(a, "Priya Raman")) == 2
    assert len(_quotes_of(a, "Jack Donnelly")) == 1
    # indirect speech and its speakers
    holm = _quotes_of(a, "Margit Holm", ("indirect",))
    assert any(q.text.startswith("that the bloc would") for q in holm)
    zhao = _quotes_of(a, "Zhao Weiming", ("indirect",))
    assert any(q.cue == "According" for q in zhao) and any(q.speaker == "he" for q in zhao)
    # a code name in marks is a term, not a quotation
    terms = [q.text for q in a.quotes if q.kind == "term"]
    assert '"Project Bridgewater"' in terms
    usa, china = people["USA"], people["China"]
    assert "Washington" in usa.aliases and "Beijing" in china.aliases


def test_security_council_speakers_roles_and_countries():
    _, a = _analysed("en-un-security-council-ceasefire-2024-10-15.md")
    people = _by_name(a)
    for name in (
        "Hélène Brochard",
        "Sergei Malinovsky",
        "Karen Holloway",
        "Tomás Riveiro",
        "Amina Diallo",
        "Li Junhao",
        "Niamh Gallagher",
    ):
        assert people[name].type == "person", name
    assert "ambassador" in people["Karen Holloway"].roles
    assert "Secretary-General" in people["Tomás Riveiro"].roles
    assert len(_quotes_of(a, "Sergei Malinovsky")) == 2
    assert len(_quotes_of(a, "Niamh Gallagher")) == 2
    brochard = _quotes_of(a, "Hélène Brochard", ("direct", "indirect"))
    assert any(q.speaker == "She" for q in brochard)
    assert people["Russia"].type == "country" and "Moscow" in people["Russia"].aliases
    assert people["Security Council"].type == "organisation"
    assert [q.text for q in a.quotes if q.kind == "term"] == ['"Tessaly Accord"']
    # headings are not reported speech
    assert not [
        q for q in a.quotes if q.text in ("Moscow blames the West", "Beijing calls for dialogue")
    ]


def _quote_at(a, start_words):
    return next(q for q in a.quotes if q.text.startswith(start_words) and not q.nested)


def test_capital_is_an_alias_of_its_country_not_a_second_actor():
    for name in (
        "en-trade-talks-tariffs-2024-03-19.txt",
        "de-stahlkonzern-stellenabbau-2024-02-06.txt",
    ):
        _, a = _analysed(name)
        names = [x.name for x in a.actors]
        assert "Beijing" not in names and "Peking" not in names, names
        assert "Beijing" in _by_name(a)["China"].aliases
    _, a = _analysed("de-nato-luftverteidigung-2024-03-11.txt")
    assert "Moskau" not in [x.name for x in a.actors]
    assert "Moskau" in _by_name(a)["Russland"].aliases


def test_stahlkonzern_appositive_speaker_and_person_before_von():
    _, a = _analysed("de-stahlkonzern-stellenabbau-2024-02-06.txt")
    people = _by_name(a)
    q = _quote_at(a, "die Belegschaft sei")
    assert q.kind == "indirect" and q.actor == people["Hakan Yıldız"].id
    assert not any(x.text.startswith("Der Betriebsratsvorsitzende") for x in a.quotes)
    nxt = _quote_at(a, "Noch im Herbst habe")
    assert nxt.actor == people["Hakan Yıldız"].id
    stroh = next(x for x in a.quotes if x.cue == "warnte")
    assert stroh.actor == people["Peter Stroh"].id
    albrecht = _quote_at(a, "Die Strompreise seien")
    assert albrecht.actor == people["Christoph Albrecht"].id


def test_stahlkonzern_quote_relayed_by_a_paper_is_the_works_council_chairs():
    _, a = _analysed("de-stahlkonzern-stellenabbau-2024-02-06.txt")
    relayed = [q for q in a.quotes if q.via]
    assert len(relayed) == 1
    assert relayed[0].text.startswith("„Die Kolleginnen")
    assert a.actor(relayed[0].actor).name == "Hakan Yıldız"  # "zitiert ihn": the man last named
    assert relayed[0].via == "Die „Ruhr-Post“"


def test_nato_konjunktiv_continuation_nested_fragment_and_demnach():
    _, a = _analysed("de-nato-luftverteidigung-2024-03-11.txt")
    people = _by_name(a)
    wolkow = people["Arkadi Wolkow"].id
    cont = _quote_at(a, "Die Nato betreibe")
    assert cont.kind == "indirect_free_indirect" and cont.actor == wolkow
    frag = next(q for q in a.quotes if q.text == "„gezielte Eskalation“")
    assert frag.kind == "direct" and frag.nested and frag.actor == wolkow
    demnach = _quote_at(a, "sollen ärmere Mitgliedsstaaten")
    assert demnach.actor != wolkow and demnach.actor is None  # "Diplomaten": nobody named
    brenner = _quote_at(a, "das Bündnis habe nach Monaten")
    assert brenner.actor == people["Jonas Brenner"].id


def test_english_appositive_name_after_a_role_is_the_speaker():
    _, a = _analysed("en-un-security-council-ceasefire-2024-10-15.md")
    q = _quote_at(a, "food stocks in the region")
    assert q.actor == _by_name(a)["Amina Diallo"].id
