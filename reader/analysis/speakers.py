"""Speaker noun phrases around a frame verb, and their resolution to actors.

A speaker is the mention that says it: after an inverted verb ("sagte der Nato-Chef"), the
subject before the verb ("Stoltenberg sagte"), or the source of "laut X". Pronouns and roles
are resolved to the actor last mentioned that fits.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .cues import Cues
from .models import Actor
from .tokens import Token, union

_MAX_NP = 9


@dataclass
class Speaker:
    start: int
    end: int
    text: str
    actor: str | None = None
    # how the mention was tied to its actor (Quote.speaker_rule): frame, name, role,
    # apposition, pronoun, previous
    how: str | None = "frame"

    def carried(self) -> Speaker:
        """The same speaker, carried over from an earlier sentence."""
        return Speaker(self.start, self.end, self.text, self.actor, "previous")


class SpeakerResolver:
    def __init__(self, text: str, lx: Cues, actors: list[Actor]):
        self.text, self.lx = text, lx
        self.types = {a.id: a.type for a in actors}
        self.names = {a.id: frozenset(w for w in a.name.split() if len(w) > 2) for a in actors}
        rows = sorted((s, e, a.id) for a in actors for s, e in a.mentions)
        self.mentions = rows
        self.starts = [r[0] for r in rows]

    def has_mention(self, s: int, e: int) -> bool:
        """Does an actor mention start inside [s, e)?"""
        i = bisect.bisect_left(self.starts, s)
        return i < len(self.starts) and self.starts[i] < e

    def make(self, s: int, e: int) -> Speaker:
        span = self.text[s:e]
        if span.count("(") > span.count(")") and self.text[e : e + 1] == ")":
            e += 1  # "Annette Schavan (CDU)": the closing bracket belongs to the mention
        sp = Speaker(s, e, self.text[s:e])
        sp.actor, sp.how = self.resolve_how(s, e)
        return sp

    def resolve(self, s: int, e: int) -> str | None:
        return self.resolve_how(s, e)[0]

    def resolve_how(self, s: int, e: int) -> tuple[str | None, str]:
        """The actor mentioned inside [s, e), else for a pronoun or role the last one before."""
        i = bisect.bisect_left(self.starts, s)
        inside = [r for r in self.mentions[i : i + 8] if r[0] < e and r[1] <= e]
        if inside:
            people = [r for r in inside if self.types[r[2]] == "person"]
            if (
                len(people) > 1
                and any(  # "X von der Stiftung Y": X, not a name inside Y
                    w in self.lx.AFFILIATION for w in self.text[s:e].split()
                )
            ):
                return people[0][2], self._how_inside(s, people[0])
            hit = (people or inside)[-1]
            return hit[2], self._how_inside(s, hit)
        word = self.text[s:e].strip().lower()
        parts = word.split()
        definite = (
            len(parts) == 2
            and parts[0] in self.lx.DEFINITE
            and self.text[s:e].split()[1][:1].isupper()
            and (not self.lx.PERSON_NOUN_ENDINGS or parts[1].endswith(self.lx.PERSON_NOUN_ENDINGS))
        )  # "die Norwegerin", "der Minister": someone named just before (not "die Industrie")
        relayed = word in self.lx.RELAY_OBJECTS  # "zitiert ihn": the person last named
        if (
            word not in self.lx.PRONOUNS
            and word not in self.lx.ANAPHORIC_SOURCE
            and not definite
            and not relayed
        ):
            return None, "frame"  # a description we cannot tie to a name ("ein Sprecher")
        how = "role" if definite else "previous" if word in self.lx.ANAPHORIC_SOURCE else "pronoun"
        want_person = (
            word in self.lx.PERSON_PRONOUNS
            or word in self.lx.ANAPHORIC_SOURCE
            or definite
            or relayed
        )
        for r in reversed(self.mentions[max(0, i - 200) : i]):
            if r[1] > s:
                continue
            if definite and s - r[1] > 600:
                return None, "frame"
            if not want_person or self.types[r[2]] == "person":
                return r[2], how
        return None, "frame"

    def _how_inside(self, s: int, hit: tuple[int, int, str]) -> str:
        """'name' when the mention holds the actor's name, 'apposition' when a role stands
        before it ("die Präsidentin des Amts, Sabine Kröger"), 'role' when only a role does."""
        words = self.text[hit[0] : hit[1]].split()
        if self.names[hit[2]].isdisjoint(w.strip(",.()") for w in words):
            return "role"
        return "apposition" if "," in self.text[s : hit[0]] else "name"


@lru_cache(maxsize=4)
def _finite_aux(lx: Cues) -> frozenset[str]:
    """Finite auxiliaries and modals that never end a subject, passive auxiliaries aside."""
    return frozenset(lx.NOT_SUBJECT_END - lx.PASSIVE_AUX)


def trim_auxiliaries(text: str, s: int, e: int, lx: Cues) -> tuple[int, int] | None:
    """The span without finite auxiliaries or modals at either edge ("Das Fahrzeug sei",
    "Hatte", "wollen die Demonstranten"): a verb is never part of a speaker mention.
    Passive auxiliaries stay; a span ending in one names nobody (attribution.no_one)."""
    aux = _finite_aux(lx)
    span = text[s:e]
    words = span.split()
    if words and words[0].lower().strip(",") not in aux and words[-1].lower().strip(",") not in aux:
        # nothing to trim (the usual case): the span without its outer white space
        return s + len(span) - len(span.lstrip()), s + len(span.rstrip())
    spans = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    while spans and text[spans[0][0] : spans[0][1]].lower().strip(",") in aux:
        spans.pop(0)
    while spans and text[spans[-1][0] : spans[-1][1]].lower().strip(",") in aux:
        spans.pop()
    if not spans:
        return None
    return spans[0][0], spans[-1][1]


def _genitive_linker(toks: list[Token], k: int, lx: Cues) -> bool:
    """After the head, a genitive article with adjectives before its noun ("des Leiters der
    griechischen Sektion", "Angaben eines neutralen Vermittlers") goes on with the phrase."""
    t = toks[k]  # (a genitive article or "eines": the caller checked)
    n = k + 1
    if t.low in lx.GENITIVE_INDEFINITE and n < len(toks) and toks[n].cap:
        return True  # "die Sprecherin eines Konzerns" (with no adjective)
    while n < len(toks) and n - k <= 3 and not toks[n].cap:
        if not toks[n].low.endswith(lx.ADJECTIVE_ENDINGS):
            return False
        n += 1
    return k + 1 < n < len(toks) and toks[n].cap


def _np_goes_on(toks: list[Token], i: int, k: int, seen_head: bool, lx: Cues) -> bool:
    """Does the lower-case word at ``k`` stay inside the noun phrase opened at ``i``: an
    article or an adjective before the head, a linker before another noun after it?"""
    tk = toks[k]
    if seen_head:
        return (
            tk.low in lx.NP_LINKERS
            and k + 1 < len(toks)
            and (toks[k + 1].cap or toks[k + 1].low in lx.DETERMINERS)
        )
    if tk.low in lx.DETERMINERS:
        return True
    if tk.low.endswith(("e", "en", "er", "es", "em")) and not tk.cap:
        if tk.low not in lx.NOT_SUBJECT_END:
            return True  # an adjective before the head: "der stellvertretende Minister"
    # "die zur kalifornischen Universität gehörende Institution"
    return k > i and toks[i].low in lx.DETERMINERS and k - i <= 4 and tk.low in lx.NP_INNER


def np_after(text: str, toks: list[Token], i: int, lx: Cues, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (a pronoun, or det + adj + capitalised words)."""
    if i >= len(toks) or toks[i].start >= end:
        return None
    t = toks[i]
    if t.low in ("sich", "himself", "herself") and i + 1 < len(toks):
        i, t = i + 1, toks[i + 1]  # "äußerte sich Schavan"
    if t.low in lx.PRONOUNS:
        return (t.start, t.end)
    k = i
    seen_head = False
    linked = False  # after a genitive linker: "des Leiters der griechischen Sektion"
    while k < len(toks) and k - i < _MAX_NP and toks[k].start < end:
        tk = toks[k]
        if k > i:
            gap = text[toks[k - 1].end : tk.start]
            if gap != " " and (  # (most gaps are one space: no look inside)
                "," in gap
                or any(c in gap for c in ".;:()")
                or (seen_head and any(c in gap for c in '„“"»«'))
            ):
                break  # a name in marks may follow its article: die „Computerwoche“
        if (tk.cap or "-" in tk.text and tk.text.rsplit("-", 1)[1][:1].isupper()) and (
            tk.low not in lx.STOP_CAPS
        ):
            seen_head, linked = True, False
        elif linked:
            pass  # an adjective of the genitive ("der griechischen Sektion")
        elif (
            seen_head
            and (tk.low in lx.GENITIVE_ARTICLES or tk.low in lx.GENITIVE_INDEFINITE)
            and _genitive_linker(toks, k, lx)
        ):
            linked = True
        elif _np_goes_on(toks, i, k, seen_head, lx):
            pass
        elif lx.NOUN_SUFFIXES == () and not seen_head and tk.low not in lx.STOP_CAPS:
            seen_head = True  # English lower-case heads: "said the spokesman", "police said"
        else:
            break
        k += 1
    while k > i and not (toks[k - 1].cap or "-" in toks[k - 1].text or lx.NOUN_SUFFIXES == ()):
        k -= 1
    while k > i and toks[k - 1].low in union(lx.NP_LINKERS, lx.DETERMINERS):
        k -= 1
    if k == i or not seen_head:
        return None
    return (toks[i].start, toks[k - 1].end)


def np_before(text: str, toks: list[Token], lo: int, v: int, lx: Cues) -> tuple[int, int] | None:
    """The subject before the verb at token ``v``: the whole prefix when it is short, else
    the capitalised run right before the verb, with the organisation a person is from
    ("Peter Stroh vom Institut für X warnte": the whole phrase, whose person speaks)."""
    # "Die Sprecherin Eva Roth hatte betont": the auxiliary is the verb's, not the subject's.
    # A passive auxiliary stays: "Ihm wird vorgeworfen" names its patient, and the engine
    # reads a span that ends in it as nobody (attribution.no_one).
    aux = _finite_aux(lx)
    while v > lo and toks[v - 1].low in aux and (not toks[v - 1].cap or v - 1 == lo):
        v -= 1
    if v <= lo:
        return None
    if toks[v - 1].low in lx.NOT_SUBJECT_LAST:
        return None  # "Police arrested and questioned …": a coordinated verb, not a subject
    first = toks[lo]
    if first.low in lx.PRONOUNS and v == lo + 1:
        return (first.start, first.end)
    verbish = lx.VERBISH
    english = not lx.NOUN_SUFFIXES  # English subjects may start lower case: "officials said"
    if (
        v - lo <= 6
        and first.low not in lx.ADVERBIAL_OPENERS
        and (
            first.cap
            or first.low in lx.PRONOUNS
            or first.low in lx.DETERMINERS  # "Auch einige kleinere Parteien haben …"
            and lo > 0
            and toks[lo - 1].low in lx.FOCUS_PARTICLES
            or english
            and (first.low not in lx.STOP_CAPS or first.low in lx.DETERMINERS)
        )
        and not any(t.low in verbish for t in toks[lo:v])
    ):
        return (first.start, toks[v - 1].end)
    if first.cap and first.low not in lx.ADVERBIAL_OPENERS:
        for k in range(lo + 1, min(v, lo + 7)):  # "Senator X, who chairs …, said"
            if "," in text[toks[k - 1].end : toks[k].start]:
                if not any(t.low in verbish for t in toks[lo:k]):
                    if _appositive_name(text, toks, k, v):
                        end = toks[v - 1].end  # "A spokeswoman …, Name, said"
                        return (first.start, end + (text[end : end + 1] == ")"))
                    return (first.start, toks[k - 1].end)
                break
    k = v - 1
    affiliation = lx.AFFILIATION
    linked = lx.NP_LINKERS if affiliation else lx.DETERMINERS
    while (
        k >= lo
        and v - k <= (9 if affiliation else 5)
        and (
            toks[k].cap
            or toks[k].low in lx.DETERMINERS
            or toks[k].low in linked
            and v - k > 1
            and k > lo
            and toks[k - 1].cap
        )
    ):
        k -= 1
    if v - k > 6 and not any(toks[x].low in affiliation for x in range(k + 1, v)):
        k = v - 6  # no affiliation to cut at: the run right before the verb, as before
    if k == v - 1:
        return None
    return (toks[k + 1].start, toks[v - 1].end)


def _appositive_name(text: str, toks: list[Token], k: int, v: int) -> bool:
    """Tokens k..v-1 are a short capitalised name set off by commas right before the verb."""
    return (
        0 < v - k <= 4
        and all(t.cap for t in toks[k:v])
        and "," in text[toks[v - 1].end : toks[v].start]
    )
