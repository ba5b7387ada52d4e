"""Small helpers the rule-family tests share (tests/test_analysis_<family>.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from reader.analysis import analyze

__all__ = [
    "ANY",
    "Case",
    "_actor_name",
    "_actors",
    "_by_start",
    "_first_of_kind",
    "_kind",
    "_kinds",
    "_kinds_by_text",
    "_name",
    "_one",
    "_one_starting",
    "_quotes",
    "_starting",
    "analyze",
    "check",
    "no_quote",
    "quote",
]


def _name(a, q):
    """The name of the actor a quote is linked to, or None."""
    actor = a.actor(q.actor) if q.actor else None
    return actor.name if actor else None


def _actor_name(a, q) -> str | None:
    actor = a.actor(q.actor)
    return actor.name if actor else None


def _one(text: str, kind: str):
    """The German analysis and its first quote of ``kind`` (which must exist)."""
    a = analyze(text, "de")
    found = [q for q in a.quotes if q.kind == kind]
    assert found, f"no {kind} in {[(q.kind, q.text) for q in a.quotes]}"
    return a, found[0]


def _first_of_kind(text: str, lang: str, kind: str):
    found = [q for q in analyze(text, lang).quotes if q.kind == kind]
    assert found, f"no {kind} in {[(q.kind, q.text) for q in analyze(text, lang).quotes]}"
    return found[0]


def _starting(a, start_words: str):
    """The first quote of analysis ``a`` whose text starts with ``start_words`` (must exist)."""
    found = [q for q in a.quotes if q.text.startswith(start_words)]
    assert found, f"no quote starts with {start_words!r}: {[q.text for q in a.quotes]}"
    return found[0]


def _quotes(text: str, kind: str | None = None):
    """English quotes of ``text``, all or of one kind."""
    return [q for q in analyze(text, "en").quotes if kind is None or q.kind == kind]


def _one_starting(text: str, starts: str, kind: str = "indirect"):
    found = [q for q in _quotes(text, kind) if q.text.startswith(starts)]
    assert found, f"no {kind} quote starts {starts!r}: {[(q.kind, q.text) for q in _quotes(text)]}"
    return found[0]


def _kinds(text: str) -> list[str]:
    return [q.kind for q in analyze(text, "de").quotes]


def _kinds_by_text(text: str, lang: str) -> dict[str, str]:
    return {q.text: q.kind for q in analyze(text, lang).quotes}


def _by_start(text: str, lang: str = "de") -> dict[str, object]:
    return {q.text[:12]: q for q in analyze(text, lang).quotes}


def _kind(a, kind):
    return [q for q in a.quotes if q.kind == kind]


def _actors(text: str, lang: str = "en"):
    return {a.name: a for a in analyze(text, lang).actors}


# ---- the rule-test shape, as table rows ---------------------------------------------------------
# Most rule tests are one shape: a sentence in, a quote of some kind out (or none), with its
# speaker, cue and span. Each rule family keeps them in one ``pytest.mark.parametrize`` table of
# ``quote(...)`` / ``no_quote(...)`` rows, checked by :func:`check`.
ANY: Any = object()  # "not checked" (None means "no speaker", "no via")


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    kind: str | None  # the quotes looked at: of this kind (None: every kind)
    absent: bool = False  # no such quote at all
    # which quote: the first of ``kind`` whose text starts with ``at`` and contains ``where``
    at: str | None = None
    where: str | None = None
    # what it must be
    quote: str | None = None  # its exact text
    starts: str | None = None
    ends: str | None = None
    speaker: Any = ANY  # exact (None: no speaker)
    speaker_has: str | None = None
    speaker_starts: str | None = None
    speaker_ends: str | None = None
    spoken: bool | None = None  # has a speaker (True) or none (False)
    actor: Any = ANY  # the linked actor's name (None: none)
    cue: Any = ANY
    via: Any = ANY
    via_has: str | None = None
    nested: bool | None = None
    count: int | None = None  # how many quotes of ``kind`` the text has
    segments: tuple[tuple[str, str | None], ...] | None = None  # all of kind: (text, speaker)
    kinds: tuple[str, ...] | None = None  # the kinds of all the quotes of the text, in order


def quote(text: str, lang: str, kind: str | None, *, id: str, **expect: Any) -> Any:
    """A row: ``text`` has a quote of ``kind`` that is as ``expect`` says (see Case)."""
    return pytest.param(Case(text, lang, kind, **expect), id=id)


def no_quote(text: str, lang: str, kind: str | None = None, *, id: str, **where: Any) -> Any:
    """A row: ``text`` has no quote of ``kind`` (None: no quote at all) matching ``where``."""
    return pytest.param(Case(text, lang, kind, absent=True, **where), id=id)


def check(case: Case) -> None:
    a = analyze(case.text, case.lang)
    shown = [(q.kind, q.text, q.speaker) for q in a.quotes]
    of_kind = [q for q in a.quotes if case.kind is None or q.kind == case.kind]
    if case.count is not None:
        assert len(of_kind) == case.count, shown
    if case.segments is not None:
        assert [(q.text, q.speaker) for q in of_kind] == list(case.segments), shown
    if case.kinds is not None:
        assert [q.kind for q in a.quotes] == list(case.kinds), shown
    found = [
        q
        for q in of_kind
        if (case.at is None or q.text.startswith(case.at))
        and (case.where is None or case.where in q.text)
        and (not case.absent or case.quote is None or q.text == case.quote)  # no_quote(quote=)
    ]
    if case.absent:
        assert not found, shown
        return
    assert found, f"no {case.kind or 'quote'} at {case.at or case.where!r}: {shown}"
    q = found[0]
    if case.quote is not None:
        assert q.text == case.quote, shown
    if case.starts is not None:
        assert q.text.startswith(case.starts), shown
    if case.ends is not None:
        assert q.text.endswith(case.ends), shown
    if case.speaker is not ANY:
        assert q.speaker == case.speaker, shown
    if case.speaker_has is not None:
        assert case.speaker_has in (q.speaker or ""), shown
    if case.speaker_starts is not None:
        assert (q.speaker or "").startswith(case.speaker_starts), shown
    if case.speaker_ends is not None:
        assert (q.speaker or "").endswith(case.speaker_ends), shown
    if case.spoken is not None:
        assert bool(q.speaker) == case.spoken, shown
    if case.actor is not ANY:
        assert _name(a, q) == case.actor, shown
    if case.cue is not ANY:
        assert q.cue == case.cue, (q.cue, shown)
    if case.via is not ANY:
        assert q.via == case.via, (q.via, shown)
    if case.via_has is not None:
        assert case.via_has in (q.via or ""), (q.via, shown)
    if case.nested is not None:
        assert q.nested == case.nested, shown
