"""The seed article, cleaned by the importer, as the analyzer's acceptance test (issue 4)."""

from __future__ import annotations

import functools

import pytest

from reader.analysis import analyze


@functools.cache
def _analysed(seed: bytes):
    from reader.importing.importer import parse_document

    text = parse_document(seed, "sna.txt").text
    return text, analyze(text, "de")


@pytest.fixture
def seed(seed_bytes: bytes):
    return _analysed(seed_bytes)


def _actor(analysis, name):
    found = [a for a in analysis.actors if a.name == name]
    assert len(found) == 1, f"{name}: {[a.name for a in analysis.actors]}"
    return found[0]


def test_all_seven_quote_mark_spans_are_found(seed):
    text, a = seed
    marked = [q for q in a.quotes if q.kind in ("direct", "term")]
    assert len(marked) == 7
    for q in marked:
        assert text[q.start] == "„" and text[q.end - 1] in '“"'


def test_nested_fragments_are_nested_direct_quotes(seed):
    _, a = seed
    nested = {q.text: q for q in a.quotes if q.nested}
    for frag in ("„Dialog und Eindämmung“", "„Politik der offenen Tür“"):
        assert nested[frag].kind == "direct"
        assert nested[frag].actor == _actor(a, "Jens Stoltenberg").id


def test_five_speech_quotes_belong_to_stoltenberg(seed):
    _, a = seed
    stoltenberg = _actor(a, "Jens Stoltenberg").id
    speech = [q for q in a.quotes if q.kind == "direct" and not q.nested]
    assert len(speech) == 5
    assert all(q.actor == stoltenberg for q in speech)
    by_start = {q.text[:12]: q for q in speech}
    assert by_start["„Es besteht "].speaker == "er"  # framed by "sagte er"
    assert by_start["„Wir hatten "].cue is None  # unframed: continues him
    colon = by_start["„Alle Mitgli"]
    assert colon.text.endswith('"')  # opened with „, closed with a straight mark


def test_konjunktiv_after_a_subheading_continues_the_speaker_not_the_heading(seed):
    """ "Nato will Kiew weiterhin unterstützen" is a subheading: the Konjunktiv paragraph under
    it still reports Stoltenberg, not the Nato the heading names."""
    _, a = seed
    q = next(q for q in a.quotes if q.text.startswith("Die Verbündeten seien sich einig"))
    assert q.actor == _actor(a, "Jens Stoltenberg").id


def test_indirect_and_reported_passages_have_speakers(seed):
    _, a = seed
    passages = [q for q in a.quotes if q.kind in ("indirect", "indirect_free_indirect", "reported")]
    assert len(passages) >= 8
    assert all(q.actor for q in passages)
    moskau = next(q for q in passages if q.text.startswith("Moskau fordert"))
    assert moskau.kind == "reported" and moskau.actor == _actor(a, "Russland").id
    chef = next(q for q in passages if q.text.startswith("Moskau sei"))
    assert chef.speaker == "der Nato-Chef" and chef.actor == _actor(a, "Jens Stoltenberg").id


def test_actors_with_aliases_roles_and_types(seed):
    _, a = seed
    people = {
        "Jens Stoltenberg": "Nato-Generalsekretär",
        "Alexander Gruschko": "Vize-Außenminister",
        "Alexander Fomin": "Verteidigungsminister",
        "Andreas Michaelis": "Staatssekretär",
        "Wendy Sherman": "Vizeaußenministerin",
    }
    for name, role in people.items():
        actor = _actor(a, name)
        assert actor.type == "person"
        assert any(role in r for r in actor.roles)
    assert {"Stoltenberg", "der Nato-Chef"} <= set(_actor(a, "Jens Stoltenberg").aliases)
    for name in ("Nato", "Nato-Russland-Rat"):
        assert _actor(a, name).type == "organisation"
    for name in ("Russland", "Ukraine", "USA", "Deutschland"):
        assert _actor(a, name).type == "country"
    assert "Moskau" in _actor(a, "Russland").aliases
    assert "Kiew" in _actor(a, "Ukraine").aliases
    names = [x.name for x in a.actors]
    assert "Moskau" not in names and "Kiew" not in names  # the capital is the country's alias
    assert not [x for x in a.actors if x.name in ("Peskow", "Putin", "Dmitri Peskow")]


def test_mentions_point_at_their_names(seed):
    text, a = seed
    for actor in a.actors:
        for s, e in actor.mentions:
            assert text[s:e] == actor.name or text[s:e] in actor.aliases
