"""The analysis result: spans into the article text (Python str offsets)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

QUOTE_KINDS = (
    "direct",
    "indirect",
    "indirect_free_indirect",
    "free_indirect",
    "reported",
    "term",
)
ACTOR_TYPES = ("person", "organisation", "country", "place", "other")


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    nested: bool = False
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    actor: str | None = None  # an Actor.id
    cue: str | None = None  # the verb or phrase of saying, when known (an extension)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Actor:
    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Analysis:
    lang: str | None
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # for the passage cursor

    def quote_count(self) -> int:
        return sum(1 for q in self.quotes if q.kind != "term")

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
        }
