"""Quotation analysis, reported speech that continues: free indirect speech, English backshift (reported.py)."""

from __future__ import annotations

import pytest
from analysis_helpers import _actor_name, _name, analyze, check, no_quote, quote

ORTIZ = "The mayor, Ana Ortiz, said the new bridge would open in May."
MIETER = (
    "Die Pläne der Stadt wurden vom Mieterverband als unsozial kritisiert. Viele Familien "
    "könnten sich die Wohnungen dann nicht mehr leisten."
)

REPORTED = [
    # a passive report is spoken by its agent, who then continues
    quote(MIETER, "de", "reported", speaker="Mieterverband", id="passive-report-agent-de"),
    quote(
        MIETER,
        "de",
        "indirect_free_indirect",
        speaker="Mieterverband",
        id="passive-report-agent-continues-de",
    ),
    quote(
        ORTIZ + " Traffic on the old road would fall by half within a year.",
        "en",
        "indirect_free_indirect",
        quote="Traffic on the old road would fall by half within a year.",
        speaker_has="Ana Ortiz",
        id="backshift-continues-reported-speech-en",
    ),
    # English backshift needs the same paragraph and a backshifted verb
    no_quote(
        ORTIZ + "\n\nTraffic on the old road would fall by half within a year.",
        "en",
        "indirect_free_indirect",
        id="backshift-needs-the-same-paragraph-en",
    ),
    no_quote(
        ORTIZ + " Traffic on the old road fell by half last year.",
        "en",
        "indirect_free_indirect",
        id="backshift-needs-a-backshifted-verb-en",
    ),
    no_quote(
        '"We are ready," the mayor, Ana Ortiz, said. Traffic on the old road would fall by '
        "half within a year.",
        "en",
        "indirect_free_indirect",
        id="backshift-does-not-follow-a-direct-quote-en",
    ),
    no_quote(
        "Der Sprecher sagte, die Preise seien gestiegen. Die Nachricht beflügelte den Goldpreis.",
        "de",
        "indirect_free_indirect",
        id="indicative-sentence-is-no-continuation-de",
    ),
    quote(
        "Nach Angaben des Instituts Nordlicht ist die Zahl der Störche gestiegen. Demnach "
        "brüten in diesem Jahr 40 Paare im Kreis. Die Zahl sei so hoch wie seit 1950 nicht.",
        "de",
        None,
        at="Die Zahl sei",
        speaker_has="Instituts Nordlicht",
        id="after-demnach-the-source-it-points-back-to-goes-on-de",
    ),
    quote(
        "The tribunal ruled that the contract had been signed too late. The tender would "
        "have to be repeated.",
        "en",
        None,
        kinds=("indirect", "indirect_free_indirect"),
        id="ruled-that-and-backshift-continues-it-en",
    ),
]


@pytest.mark.parametrize("case", REPORTED)
def test_continued_reported_speech_rules(case):
    check(case)


def test_demnach_continues_the_nearest_source_not_the_last_person():
    text = (
        "Ministerin Petra Lauk sagte, der Etat sei knapp. Nach Angaben von Beamten wurde "
        "ein Kompromiss gefunden. Demnach sollen die Länder mehr Zeit für die Zahlungen bekommen."
    )
    a = analyze(text, "de")
    q = next(q for q in a.quotes if q.text.startswith("sollen die Länder"))
    assert q.actor is None or _name(a, q) != "Petra Lauk"


def test_unframed_quote_continues_the_last_speaker():
    text = (
        "„Wir sind vorbereitet“, sagte Innenministerin Julia Hartmann. "
        "„Niemand muss sich Sorgen machen.“"
    )
    a = analyze(text, "de")
    direct = [q for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[1].cue is None and _actor_name(a, direct[1]) == "Julia Hartmann"


def test_so_frame_and_free_indirect_continuation():
    text = (
        "Die Verhandlungen seien schwierig, so Keller weiter. Man werde aber nicht aufgeben. "
        "Ein Ergebnis sei bis Freitag möglich."
    )
    a = analyze(text, "de")
    kinds = [q.kind for q in a.quotes]
    assert kinds[0] == "indirect" and a.quotes[0].speaker == "Keller"
    free = [q for q in a.quotes if q.kind == "indirect_free_indirect"]
    assert len(free) == 1  # consecutive Konjunktiv sentences merge into one passage
    assert free[0].text == "Man werde aber nicht aufgeben. Ein Ergebnis sei bis Freitag möglich."
    assert free[0].speaker == "Keller"
