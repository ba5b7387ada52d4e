"""The analysis result: spans into the article text (Python str offsets)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, Protocol, get_args


class SpeakerLike(Protocol):
    start: int
    end: int
    text: str
    actor: str | None
    how: str | None


QuoteKind = Literal[
    "direct", "indirect", "indirect_free_indirect", "free_indirect", "reported", "term"
]
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
ACTOR_TYPES = ("person", "organisation", "country", "place", "other")
# The version of what analyze() returns for a text: cached analyses of another version are
# recomputed, not read. Bump it with every change to the rules or the quote fields.
ANALYSIS_VERSION = 5
SPEAKER_RULES = ("frame", "name", "role", "apposition", "pronoun", "previous")


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    nested: bool = False
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    actor: str | None = None  # an Actor.id
    cue: str | None = None  # the verb or phrase of saying, when known (an extension)
    # The medium that relays the quotation ("Der Spiegel zitiert Y mit den Worten …"): a second
    # layer of attribution, written out as its own record with relay=True (see quote_records).
    via: str | None = None
    via_start: int | None = None
    via_end: int | None = None
    via_actor: str | None = None
    relay: bool = False
    # why it is a quote: the name of the rule that found the span (rules/, the direct-quote
    # rules in engine.py), and how its speaker was found: "frame" (the mention the frame
    # names, tied to no actor), "name", "role", "apposition", "pronoun", "previous" (carried
    # over from an earlier sentence), or None where there is no speaker
    rule: str | None = None
    speaker_rule: str | None = None

    def set_speaker(self, sp: SpeakerLike | None) -> None:
        """Take the speaker's mention, actor and how it was found (None: no speaker)."""
        if sp is None:
            self.speaker = self.speaker_start = self.speaker_end = self.actor = None
            self.speaker_rule = None
            return
        self.speaker, self.speaker_start, self.speaker_end = sp.text, sp.start, sp.end
        self.actor, self.speaker_rule = sp.actor, sp.how

    def copy_speaker(self, other: Quote) -> None:
        """The same speaker as ``other`` (a nested quote inside its frame's words)."""
        self.speaker, self.speaker_start, self.speaker_end = (
            other.speaker,
            other.speaker_start,
            other.speaker_end,
        )
        self.actor, self.speaker_rule = other.actor, other.speaker_rule

    def set_via(self, via: SpeakerLike) -> None:
        """The medium that relays the quotation."""
        self.via, self.via_start, self.via_end, self.via_actor = (
            via.text,
            via.start,
            via.end,
            via.actor,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def relay_record(self) -> Quote:
        """The same quotation attributed to the medium that relays it."""
        return replace(
            self,
            speaker=self.via,
            speaker_start=self.via_start,
            speaker_end=self.via_end,
            actor=self.via_actor,
            via=None,
            via_start=None,
            via_end=None,
            via_actor=None,
            relay=True,
            speaker_rule="name" if self.via_actor else ("frame" if self.via else None),
        )


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

    def quote_records(self) -> list[dict[str, Any]]:
        """The quotes as the JSON contract writes them: one record per layer of attribution, so a
        quotation relayed by a medium is followed by its ``relay`` record, as the gold corpus
        records it. The app itself shows one quote with its ``via``."""
        out = []
        for q in self.quotes:
            out.append(q.to_dict())
            if q.via is not None:
                out.append(q.relay_record().to_dict())
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "quotes": self.quote_records(),
            "actors": [a.to_dict() for a in self.actors],
        }
