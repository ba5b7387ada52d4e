"""The per-article analysis cache (``analysis.json``): the contract JSON plus sentence spans.

Why: analysing a long article costs milliseconds to tens of milliseconds; opening it should not.
The cache is rewritten on import and reimport, so it never outlives the text it describes.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from reader.analysis.models import Actor, Analysis, Quote

_QUOTE_FIELDS = {f.name for f in fields(Quote)}
_ACTOR_FIELDS = {f.name for f in fields(Actor)}


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    data = analysis.to_json()
    data["sentences"] = [list(s) for s in analysis.sentences]
    return data


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    return Analysis(
        lang=data.get("lang"),
        quotes=[Quote(**{k: v for k, v in q.items() if k in _QUOTE_FIELDS}) for q in data["quotes"]],
        actors=[Actor(**{k: v for k, v in a.items() if k in _ACTOR_FIELDS}) for a in data["actors"]],
        sentences=[(int(s[0]), int(s[1])) for s in data.get("sentences", [])],
    )
