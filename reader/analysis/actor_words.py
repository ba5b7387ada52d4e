"""Word-level tests for actor finding: titles, the draft record an actor grows in, and the
first words of multi-word names (a cheap pre-check before dictionary look-ups)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cues
from .places import capital_table, country_table
from .tokens import Token


@dataclass
class ActorDraft:
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    seen: set[tuple[int, int]] = field(default_factory=set)

    def add(self, s: int, e: int, surface: str) -> None:
        if (s, e) not in self.seen:
            self.seen.add((s, e))
            self.mentions.append((s, e))
        if surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)


_ROLE_MEMO: dict[tuple[str, bool, str], bool] = {}


_CAP_ROLE_MEMO: dict[str, dict[str, bool]] = {}


def role_memo(lx: Cues) -> dict[str, bool]:
    """Per-language memo of capitalised word -> is it a title (kept small)."""
    memo = _CAP_ROLE_MEMO.setdefault(lx.lang, {})
    if len(memo) > 100_000:
        memo.clear()
    return memo


def is_role(tok: Token, lx: Cues) -> bool:
    """A title: German compounds end in one (Vize-Außenminister); English words are one."""
    key = (tok.low, tok.cap, lx.lang)
    hit = _ROLE_MEMO.get(key)
    if hit is None:
        if len(_ROLE_MEMO) > 200_000:
            _ROLE_MEMO.clear()
        hit = _ROLE_MEMO[key] = _is_role(tok, lx)
    return hit


def _is_role(tok: Token, lx: Cues) -> bool:
    low = tok.low.rstrip(".")
    if lx.NOUN_SUFFIXES:  # German: capitalised compounds
        return tok.cap and len(low) >= 4 and low.endswith(lx.ROLE_SUFFIXES)
    return low in lx.ROLE_SUFFIXES or low.rsplit("-", 1)[-1] in lx.ROLE_SUFFIXES


def role_key(role: str) -> str:
    """The organisation part of a title ("Nato" of "Nato-Generalsekretär"), lower case."""
    return role.rsplit("-", 1)[0].lower() if "-" in role else ""


def first_words(lang: str, lx: Cues) -> frozenset[str]:
    """First words of multi-word country and organisation names (cheap pre-check)."""
    key = (lang, lx.lang)
    hit = _FIRSTS.get(key)
    if hit is None:
        names = list(country_table(lang)) + list(lx.ORGS)
        hit = _FIRSTS[key] = frozenset(n.split()[0] for n in names if " " in n)
    return hit


_FIRSTS: dict[tuple[str, str], frozenset[str]] = {}


def gazetteer_words(lang: str, lx: Cues) -> frozenset[str]:
    """Every word a gazetteer rule can start at: first words of multi-word names, regions,
    countries, capitals and organisations (one look-up instead of five for each capital)."""
    key = (lang, lx.lang)
    hit = _GAZETTEER_WORDS.get(key)
    if hit is None:
        orgs = [k for k, v in lx.ORGS.items() if v]
        hit = _GAZETTEER_WORDS[key] = frozenset(
            first_words(lang, lx)
            | set(lx.REGIONS)
            | set(country_table(lang))
            | set(capital_table(lang))
            | set(orgs)
        )
    return hit


_GAZETTEER_WORDS: dict[tuple[str, str], frozenset[str]] = {}
