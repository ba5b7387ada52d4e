"""One line that says why a quote is a quote and how its speaker was found (the ``i`` key)."""

from __future__ import annotations

import unicodedata

from .models import Analysis, Quote
from .rules import describe

_KINDS = {
    "direct": "direct",
    "indirect": "indirect",
    "indirect_free_indirect": "indirect, continued",
    "free_indirect": "free indirect",
    "reported": "reported",
    "term": "term",
}


def _speaker(q: Quote, analysis: Analysis) -> str:
    if q.speaker is None:
        return "no speaker"
    actor = analysis.actor(q.actor)
    name = actor.name if actor is not None else None
    said = f"'{q.speaker}'"
    to = f" → {name}" if name and name != q.speaker else ""
    how = q.speaker_rule
    if how == "pronoun":
        return f"the pronoun {said}{to} (mentioned before)"
    if how == "role":
        return f"the role {said}{to}"
    if how == "apposition":
        return f"{said}{to} (role and name in apposition)"
    if how == "previous":
        return f"{said}{to}, carried over from an earlier sentence"
    if how == "name":
        return f"{said}{to}"
    return f"{said} as the frame names it"


def explain(q: Quote, analysis: Analysis) -> str:
    """E.g. "indirect: a verb of saying after the clause (…) — cue 'sagte'; speaker: the
    pronoun 'er' → Jens Stoltenberg (mentioned before)"."""
    why = describe(q.rule) or (q.rule or "no rule recorded").replace("_", " ")
    cue = f" — cue '{q.cue}'" if q.cue else ""
    via = ""
    if q.via:
        relay = analysis.actor(q.via_actor)
        via = f"; relayed by '{q.via}'" + (f" → {relay.name}" if relay else "")
    line = f"{_KINDS.get(q.kind, q.kind)}: {why}{cue}; speaker: {_speaker(q, analysis)}{via}"
    # one line of data: no line breaks or control characters from the article reach the screen
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in line)
