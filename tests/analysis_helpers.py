"""Small helpers the rule-family tests share (tests/test_analysis_<family>.py)."""

from __future__ import annotations

from reader.analysis import analyze

__all__ = [
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
