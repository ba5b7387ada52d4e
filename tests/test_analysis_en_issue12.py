"""English variants that the simple forms miss (issue 12, part 2), each first written as a
failing test with a made-up sentence."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _quotes(text: str, kind: str | None = None):
    return [q for q in analyze(text, "en").quotes if kind is None or q.kind == kind]


def _one(text: str, starts: str, kind: str = "indirect"):
    found = [q for q in _quotes(text, kind) if q.text.startswith(starts)]
    assert found, f"no {kind} quote starts {starts!r}: {[(q.kind, q.text) for q in _quotes(text)]}"
    return found[0]


@pytest.mark.parametrize(
    "text, starts, speaker",
    [
        (
            "The harbour master, Ola Berg, said on Tuesday the pier would stay closed.",
            "the pier would",
            "The harbour master, Ola Berg",
        ),
        (
            "The ferry operator said on Wednesday evening its boats would sail again.",
            "its boats would",
            "The ferry operator",
        ),
        (
            "Mayor Tina Holt told reporters in Lindby that the bridge was safe.",
            "that the bridge",
            "Mayor Tina Holt",
        ),
        (
            "The agency said last week the tests had found nothing unusual.",
            "the tests had",
            "The agency",
        ),
    ],
)
def test_a_time_or_place_phrase_between_the_verb_and_a_bare_clause(text, starts, speaker):
    q = _one(text, starts)
    assert q.speaker == speaker
    assert "on Tuesday" not in q.text and "in Lindby" not in q.text


@pytest.mark.parametrize(
    "text, starts, speaker, cue",
    [
        (
            "Ms Varga expects that the talks will end by Friday.",
            "that the talks",
            "Ms Varga",
            "expects",
        ),
        ("The coach hopes his team can win the cup.", "his team can", "The coach", "hopes"),
        (
            "Analysts believe the bank will cut rates in May.",
            "the bank will",
            "Analysts",
            "believe",
        ),
    ],
)
def test_expects_hopes_believes_report_a_clause(text, starts, speaker, cue):
    q = _one(text, starts)
    assert q.speaker == speaker and q.cue == cue


def test_a_headline_with_the_speaker_at_the_end() -> None:
    text = (
        "Harbour will reopen next month, minister says\n"
        "The harbour of Lindby will reopen in May, the transport minister said on Monday."
    )
    q = _one(text, "Harbour will reopen next month")
    assert q.speaker == "minister" and q.cue == "says"
    assert q.end == text.index(", minister says")


def test_a_mixed_quote_gives_the_whole_clause_with_the_fragment_nested() -> None:
    text = 'The budget was "a disaster for schools," the mayor said.'
    q = _one(text, "The budget was")
    assert q.text == 'The budget was "a disaster for schools,"'
    nested = [x for x in _quotes(text, "direct") if x.nested]
    assert nested and nested[0].text == '"a disaster for schools,"'
    assert nested[0].speaker == "the mayor"


def test_a_mixed_quote_after_a_time_phrase() -> None:
    text = 'Councillor Ben Ruiz said on Friday the plan was "dead on arrival".'
    q = _one(text, "the plan was")
    assert q.text.endswith('"dead on arrival"')
    assert q.speaker == "Councillor Ben Ruiz"
    nested = [x for x in _quotes(text, "direct") if x.nested]
    assert nested and nested[0].text == '"dead on arrival"'


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Ferry operators called for a limit on cruise ships in the bay.", "Ferry operators"),
        ("Local politicians condemned the decision.", "Local politicians"),
    ],
)
def test_groups_of_people_report_speech_acts(text, speaker):
    q = _one(text, text[:8], "reported")
    assert q.speaker == speaker


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


def test_i_think_inside_a_quote_reports_the_clause_after_it() -> None:
    text = '"I think the vote will be close," said Senator Amy Lund. "We will see."'
    inner = [q for q in _quotes(text) if q.rule == "opinion"]
    assert inner and inner[0].text.startswith("the vote will be close")
    assert inner[0].nested and inner[0].speaker == "I" and inner[0].cue == "think"


def test_a_quoted_title_in_title_case_is_a_term() -> None:
    text = 'The museum opened "Rivers and Bridges of the Old Town" on Saturday.'
    assert [q.kind for q in _quotes(text) if "Rivers" in q.text] == ["term"]


def test_a_headline_with_rules_reports_the_ruling() -> None:
    text = "Appeals court rules night flights over the city are unlawful\nThe ban starts in May."
    q = _one(text, "night flights")
    assert q.speaker == "Appeals court" and q.cue == "rules"


def test_a_named_speaker_with_an_apposition_between_commas() -> None:
    text = (
        "Professor Lena Ward, head of the Institute for Coastal Studies, says it is likely "
        "that the dunes will move inland."
    )
    q = _one(text, "it is likely")
    assert q.speaker.startswith("Professor Lena Ward") and q.cue == "says"


def test_a_headline_that_names_its_source_before_a_colon() -> None:
    text = "Police: harbour bridge will stay closed until May\nThe bridge was damaged in a storm."
    q = _one(text, "harbour bridge will stay closed")
    assert q.speaker == "Police"
