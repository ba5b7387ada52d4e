"""Actors: people, organisations, countries and places, with aliases grouped into one actor.

Rules, not a tagger: gazetteers (countries, capitals, organisations), titles before names
("Nato-Generalsekretär Jens Stoltenberg"), runs of capitalised words that recur as a surname,
and role phrases ("der Nato-Chef") that point back at the person holding a matching title.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import compress

from .actor_words import ActorDraft, first_words, gazetteer_words, is_role, role_key, role_memo
from .cues import Cues
from .models import Actor
from .places import capital_table, country_table
from .tokens import Token, Words

_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(r"\W+")
_SLUGS: dict[str, str] = {}  # name -> slug (names recur from text to text)


def _slug(name: str) -> str:
    if len(_SLUGS) > 100_000:
        _SLUGS.clear()
    slug = _SLUGS[name] = _NON_WORD.sub("-", name.lower()).strip("-") or "actor"
    return slug


_MARKS = set("„“”\"»«‚‘’'")
_NAME_MEMO: dict[str, dict[str, bool]] = {}
_POSSESSIVE = ("'s", "’s")
# per language: capitalised word -> may a gazetteer rule start there (see _gazetteers)
_GAZETTEER_MEMO: dict[tuple[str, str], dict[str, bool]] = {}


def _word_memo(
    memos: dict[tuple[str, str], dict[str, bool]], lang: str, lx: Cues
) -> dict[str, bool]:
    """A memo of word -> answer that depends on the language data alone (kept small)."""
    memo = memos.setdefault((lang, lx.lang), {})
    if len(memo) > 100_000:
        memo.clear()
    return memo


def _base(word: str) -> str:
    """'Africa's' -> 'Africa': a name with the English possessive is the name."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


class ActorFinder:
    """Collects actors over a whole text; ``mention_at`` maps offsets back to actor ids."""

    def __init__(
        self, text: str, tokens: list[Token], lx: Cues, lang: str, words: Words | None = None
    ):
        self.text, self.tokens, self.lx, self.lang = text, tokens, lx, lang
        self.drafts: dict[str, ActorDraft] = {}
        self.countries = country_table(lang)
        self.capitals = capital_table(lang)
        self.taken: set[int] = set()  # token indices already part of a mention
        self._name_memo = _NAME_MEMO.setdefault(lang, {})  # depends on language data only
        if len(self._name_memo) > 100_000:
            self._name_memo.clear()
        self._lowers: set[str] | None = None
        self.people: dict[str, ActorDraft] = {}  # every name form seen -> its person
        self.by_last: dict[str, ActorDraft] = {}  # last word of a name -> its person
        if words is None:  # (the columns tokenising made: ``tokens``' fields as lists)
            words = Words(tokens, [], [t.text for t in tokens], [t.low for t in tokens], [])
            words.caps.extend(t.cap for t in tokens)
        self.lows = words.lows
        self.caps = list(compress(range(len(tokens)), words.caps))  # most rules start at one
        self.cap_words = cap_words = list(compress(words.texts, words.caps))
        self.cap_lows = list(compress(words.lows, words.caps))
        self.counts: dict[str, int] = Counter(cap_words)
        memo = role_memo(lx)
        hits = list(map(memo.get, cap_words))  # is each capitalised word a title?
        if None in hits:  # (most texts meet no new word: no Python loop over every capital)
            for n, hit in enumerate(hits):
                if hit is None:  # a word this language has not met yet
                    hits[n] = memo[cap_words[n]] = is_role(tokens[self.caps[n]], lx)
        self.role_at = list(compress(self.caps, hits))
        self.roles = [False] * len(tokens)
        for i in self.role_at:
            self.roles[i] = True
        if not lx.NOUNS_CAPITALISED:  # lower-case titles: "the spokesman", "vice minister"
            titles = frozenset(lx.ROLE_SUFFIXES)  # a set: this looks up every word of the text
            lower = (
                []
                if titles.isdisjoint(words.lows)
                else [i for i, t in enumerate(tokens) if not t.cap and t.low in titles]
            )
            for i in lower:
                self.roles[i] = True
            self.role_at = sorted(self.role_at + lower)

    def _draft(self, key: str, name: str, typ: str) -> ActorDraft:
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = ActorDraft(name, typ)
        return d

    def run(self) -> None:
        self._gazetteers()
        self._titled_people()
        self._org_phrases()
        self._name_runs()
        self._surnames()
        self._role_references()
        self._unnamed_roles()
        self._merge_capitals()
        self._merge_acronyms()

    def _merge_acronyms(self) -> None:
        """'WHO' is the 'World Health Organization' named in the same text: an acronym made of
        an organisation's initials is its alias, not a second actor."""
        orgs = [(k, d) for k, d in self.drafts.items() if d.type == "organisation"]
        by_initials: dict[str, ActorDraft] = {}
        for _, d in orgs:
            words = [w for w in d.name.split() if w[:1].isupper()]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words), d)
        for key, d in orgs:
            full = by_initials.get(d.name) if _ACRONYM.match(d.name) else None
            if full is None or full is d:
                continue
            for s, e in d.mentions:
                full.add(s, e, d.name)
            del self.drafts[key]

    def _merge_capitals(self) -> None:
        """A capital used for its government ("Moskau fordert") is an alias of the country:
        its other mentions ("in Moskau") join that one actor instead of making a second."""
        for key in [k for k in self.drafts if k.startswith("place:")]:
            place = self.drafts[key]
            country = self.drafts.get("country:" + self.capitals.get(place.name, ""))
            if country is None or place.name not in country.aliases:
                continue
            for s, e in place.mentions:
                country.add(s, e, place.name)
            del self.drafts[key]

    # -- finders -------------------------------------------------------------------------
    def _gazetteers(self) -> None:
        toks, lx = self.tokens, self.lx
        orgs = {k: v for k, v in lx.ORGS.items() if v}
        firsts = first_words(self.lang, lx)
        listed = gazetteer_words(self.lang, lx)  # firsts, regions, countries, capitals, orgs
        # the common case, a capital no gazetteer can match, is left out here; the answer
        # depends on the word alone: one memo look-up for each capital, no Python loop
        memo = _word_memo(_GAZETTEER_MEMO, self.lang, lx)
        hits: list[bool | None] = list(map(memo.get, self.cap_words))
        if None in hits:
            for n, hit in enumerate(hits):
                if hit is None:
                    w = self.cap_words[n]
                    hits[n] = memo[w] = (
                        w in listed
                        or "-" in w
                        or w.isupper()
                        or (w.endswith(_POSSESSIVE) and w[:-2] in listed)  # (_base, inlined)
                    )
        for i in compress(self.caps, hits):
            t = toks[i]
            if i in self.taken:
                continue
            word = _base(t.text)
            if word.isupper() and word.title() in listed:
                word = word.title()  # a dateline: "LONDON —"
            adjacent = t.text in firsts and i + 1 < len(toks) and toks[i + 1].start - t.end == 1
            two = f"{t.text} {_base(toks[i + 1].text)}" if adjacent else ""
            if adjacent and two in self.countries:
                self._mark(
                    i, i + 2, "country:" + self.countries[two], self.countries[two], "country"
                )
            elif adjacent and two in orgs:
                self._mark(i, i + 2, "org:" + orgs[two], orgs[two], "organisation")
            elif word in self.countries:
                self._mark(
                    i, i + 1, "country:" + self.countries[word], self.countries[word], "country"
                )
            elif word in self.capitals:
                before = toks[i - 1].low if i else ""
                if before in self.lx.LOCATIVE:
                    self._mark(i, i + 1, "place:" + word, word, "place")
                else:
                    c = self.capitals[word]
                    self._mark(i, i + 1, "country:" + c, c, "country")
            elif word in lx.REGIONS:
                self._mark(i, i + 1, "place:" + word, word, "place")
            elif word in orgs:
                self._mark(i, i + 1, "org:" + orgs[word], orgs[word], "organisation")
            elif self._is_org_compound(t.text) or (
                _ACRONYM.match(t.text)
                and t.low not in lx.STOP_CAPS
                and t.text not in lx.NOT_ORG_ACRONYMS
                and not self.roles[i]
                and not (
                    i + 1 < len(toks) and toks[i + 1].text.isupper() and len(toks[i + 1].text) > 2
                )
            ):
                self._mark(i, i + 1, "org:" + t.text, t.text, "organisation")

    def _is_org_compound(self, word: str) -> bool:
        if "-" not in word:
            return False
        if not word.endswith(self.lx.ORG_SUFFIXES):
            return False
        parts = word.split("-")
        return any(p in self.lx.ORGS or p in self.countries for p in parts[:-1])

    def _genitive_then_comma(self, i: int) -> int | None:
        """'die Präsidentin des Amts, Dr. X': the index after the comma that closes a short
        genitive after the role at i, else None."""
        toks, lx = self.tokens, self.lx
        if i + 2 >= len(toks) or toks[i + 1].low not in lx.GENITIVE_ARTICLES:
            return None
        if self.text[toks[i].end : toks[i + 1].start].strip():
            return None
        for m in range(i + 2, min(i + 5, len(toks) - 1)):
            if not (toks[m].cap or toks[m].low in lx.NP_INNER or toks[m].low in lx.DETERMINERS):
                return None
            gap = self.text[toks[m].end : toks[m + 1].start].strip()
            if gap == ",":
                return m + 1
            if gap:
                return None
        return None

    def _titled_people(self) -> None:
        toks, lx = self.tokens, self.lx
        starts = set(self.role_at)
        if not lx.HONORIFICS.isdisjoint(self.cap_lows):
            starts.update(i for i, w in zip(self.caps, self.cap_lows) if w in lx.HONORIFICS)
        for i in sorted(starts):
            t = toks[i]
            j = (
                i + 1
            )  # also after a comma: "der stellvertretende Verteidigungsminister, Alexander Fomin,"
            genitive = self._genitive_then_comma(i) if self.roles[i] else None
            if genitive is not None:
                j = genitive  # "die Präsidentin des Amts, Dr. Sabine Kröger"
            elif j < len(toks) and self.text[t.end : toks[j].start].strip() not in ("", ","):
                continue
            while j < len(toks) and toks[j].low in lx.HONORIFICS:
                j += 1  # "Klimaforscher Dr. Sabine Kröger"
            k = j
            while (
                k < len(toks)
                and k - j < 3
                and self._name_like(k)
                and (k == j or toks[k].start - toks[k - 1].end == 1)
            ):
                k += 1
            if k == j or toks[k - 1].text in lx.ORG_HEADS:
                continue
            name = self.text[toks[j].start : toks[k - 1].end]
            d = self._person(name)
            self._mark_tokens(j, k, d, name)
            if t.low.rstrip(".") not in lx.HONORIFICS:
                role = self._role_phrase(i)
                if role not in d.roles:
                    d.roles.append(role)
                full = self.text[toks[i].start : toks[k - 1].end]
                if "," not in full and full not in d.aliases:
                    d.aliases.append(full)
                if genitive is not None:  # the role phrase names her too
                    self._role_mention(i, genitive - 1, d)

    def _role_mention(self, i: int, last: int, d: ActorDraft) -> None:
        """The role phrase toks[i..last] (with the article before it) as a mention of d."""
        toks = self.tokens
        lo = i - 1 if i and toks[i - 1].low in self.lx.DETERMINERS else i
        d.add(toks[lo].start, toks[last].end, self.text[toks[lo].start : toks[last].end])
        self.taken.update(range(lo, last + 1))

    def _org_phrases(self) -> None:
        """'International Federation of Vaccine Makers', 'Institute for Global Health',
        'Institut für Weltwirtschaft': an organisation's head word, a linking 'of'/'für' and
        the capitalised words after it are one organisation, not a second actor."""
        toks, lx = self.tokens, self.lx
        links = lx.ORG_LINKS
        for i in self.caps:
            if toks[i].text not in lx.ORG_HEADS or i in self.taken:
                continue
            if i + 2 >= len(toks) or toks[i + 1].low not in links or not toks[i + 2].cap:
                continue
            k = i + 2
            while (
                k < len(toks)
                and k - i <= 5
                and toks[k].cap
                and k not in self.taken
                and toks[k].start - toks[k - 1].end == 1
            ):
                k += 1
            if toks[k - 1].end < len(self.text) and k < len(toks) and toks[k].low in links:
                continue  # "Ministry of X of Y": too long to be sure where it ends
            j = i
            while (
                j > 0
                and i - j < 3
                and toks[j - 1].cap
                and j - 1 not in self.taken
                and toks[j - 1].low not in lx.DETERMINERS
                and toks[j - 1].low not in lx.STOP_CAPS
                and toks[j].start - toks[j - 1].end == 1
            ):
                j -= 1  # "International Federation", "London Institute"
            name = _base(self.text[toks[j].start : toks[k - 1].end])
            self._mark(j, k, "org:" + name, name, "organisation")

    def _role_phrase(self, i: int) -> str:
        toks = self.tokens
        s = i
        while s > 0 and toks[s - 1].low in self.lx.ROLE_PREFIX_WORDS and not toks[s - 1].cap:
            s -= 1
        return self.text[toks[s].start : toks[i].end]

    def _name_like(self, k: int) -> bool:
        t = self.tokens[k]
        if not t.cap or k in self.taken or self.roles[k]:
            return False
        hit = self._name_memo.get(t.text)
        if hit is None:
            hit = self._name_memo[t.text] = self._name_word(t)
        return hit

    def _name_word(self, t: Token) -> bool:
        lx = self.lx
        if t.low in lx.STOP_CAPS or t.low in lx.DETERMINERS or t.low in lx.HONORIFICS:
            return False
        if t.text in self.countries or t.text in lx.ORGS or _ACRONYM.match(t.text):
            return False
        if t.text in lx.REGIONS or t.text in self.capitals:
            return False
        return _DIGIT.search(t.text) is None

    def _name_runs(self) -> None:
        """Two or three capitalised words in a row that are not common nouns: a person."""
        toks, lx = self.tokens, self.lx
        # every capital tested once: the marks made below only cover tokens before ``nxt``,
        # where the scan never looks again, so the answers cannot change under it
        name_like = [False] * (len(toks) + 1)
        taken, roles, memo = self.taken, self.roles, self._name_memo
        hits: list[bool | None] = list(map(memo.get, self.cap_words))  # (_name_like, inlined)
        if None in hits:
            for n, hit in enumerate(hits):
                if hit is None:
                    hits[n] = memo[self.cap_words[n]] = self._name_word(toks[self.caps[n]])
        starts = [i for i in compress(self.caps, hits) if i not in taken and not roles[i]]
        for i in starts:
            name_like[i] = True
        nxt = 0
        for i in starts:
            if i < nxt:
                continue
            k = i + 1  # token i is name-like: the run goes on while the next words are
            while (
                name_like[k]
                and k - i < 3
                and toks[k].start - toks[k - 1].end == 1
                and self.text[toks[k - 1].end] == " "
            ):
                k += 1
            if k - i >= 2 and not (toks[i].start > 0 and self.text[toks[i].start - 1] in _MARKS):
                name = self.text[toks[i].start : toks[k - 1].end]
                if toks[k - 1].text in lx.OTHER_HEADS:
                    self._mark(i, k, "other:" + name, name, "other")  # "Digital Services Act"
                elif toks[k - 1].text in lx.ORG_HEADS or toks[i].text in lx.ORG_HEADS:
                    self._mark(i, k, "org:" + name, name, "organisation")
                elif toks[i].text in lx.PLACE_FIRST:
                    self._mark(i, k, "place:" + name, name, "place")  # "San Francisco"
                elif k < len(toks) and toks[k].low in lx.GROUP_NOUNS:
                    pass  # "Latin American countries": an adjective, nobody's name
                elif self._plausible_name(i, k):
                    self._mark_tokens(i, k, self._person(name), name)
                elif k - i == 3 and self._plausible_name(i + 1, k, after_noun=True):
                    name = self.text[
                        toks[i + 1].start : toks[k - 1].end
                    ]  # "Die Stadträtin Lea Vogt"
                    self._mark_tokens(i + 1, k, self._person(name), name)
                nxt = k

    def _plausible_name(self, i: int, k: int, after_noun: bool = False) -> bool:
        toks, lx = self.tokens, self.lx
        first = toks[i].low
        if (
            first in lx.QUANTITY_WORDS
            or i
            and (toks[i - 1].text[:1].isdigit() or toks[i - 1].low in lx.NUMBER_WORDS)
        ):
            return False  # "zwei Billionen Tonnen", "500 Euro": an amount, not a name
        if first in lx.COMMON_ADJECTIVES or (
            lx.NOUNS_CAPITALISED
            and first.endswith(lx.ADJECTIVE_ENDINGS)
            and self._lower_seen(first)
        ):
            return False  # "Neue Auflagen", "Höhere Zölle": an adjective opening a sentence
        if (
            not after_noun
            and i
            and (toks[i - 1].low in lx.DETERMINERS or toks[i - 1].low in lx.CONTRACTED_ARTICLES)
        ):
            return False
        for t in toks[i:k]:
            if t.low.endswith(lx.NOUN_SUFFIXES) or "-" in t.text and lx.NOUNS_CAPITALISED:
                return False
        if lx.NOUNS_CAPITALISED:
            # a surname that recurs alone, or a first name that is short and simple
            last = toks[k - 1].text
            return self.counts.get(last, 0) >= 2 or len(toks[i].text) <= 9
        return True

    def _lower_seen(self, word: str) -> bool:
        """Does ``word`` occur in lower case somewhere (then it is no name)?"""
        if word not in self.text:
            return False  # (a word the text does not hold is no token of it: no set to build)
        if self._lowers is None:
            self._lowers = {t.text for t in self.tokens if not t.cap}
        return word in self._lowers

    def _surnames(self) -> None:
        people = [d for d in self.drafts.values() if d.type == "person"]
        index: dict[str, ActorDraft] = {}
        firsts: dict[str, list[ActorDraft]] = {}
        for d in people:
            parts = d.name.split()
            if len(parts) >= 2:
                index.setdefault(parts[-1], d)
                firsts.setdefault(parts[0], []).append(d)
        for first, ds in firsts.items():  # "Zhao" for "Zhao Weiming", unless ambiguous
            if len(ds) == 1 and first not in index and len(first) > 2:
                index[first] = ds[0]
        if not index:
            return
        bases = self.cap_words  # "Nwosu's" is "Nwosu" (_base of every capital)
        if "'s" in self.text or "’s" in self.text:
            bases = [w[:-2] if w.endswith(_POSSESSIVE) else w for w in bases]
        for i, w in compress(zip(self.caps, bases), map(index.__contains__, bases)):
            if i not in self.taken:
                self._mark_tokens(i, i + 1, index[w], self.tokens[i].text)

    def _role_references(self) -> None:
        """'der Nato-Chef' points at the person whose title shares 'Nato'."""
        toks, lx = self.tokens, self.lx
        holders: dict[str, ActorDraft] = {}
        for d in self.drafts.values():
            for r in d.roles:
                if role_key(r):
                    holders.setdefault(role_key(r), d)
        for i in self.role_at:
            t = toks[i]
            if i in self.taken or not i or toks[i - 1].low not in (lx.DETERMINERS):
                continue
            d2 = holders.get(role_key(t.text))
            if d2 is not None:
                surface = self.text[toks[i - 1].start : t.end]
                d2.add(toks[i - 1].start, t.end, surface)
                self.taken.add(i)

    def _unnamed_roles(self) -> None:
        """'der Oberbürgermeister' with no name: the person of that role named shortly before,
        if there is one of the same office and gender; else a person of its own, named by the
        role (so a pronoun after it is not resolved past this newly introduced man)."""
        toks, lx = self.tokens, self.lx
        if not lx.ROLE_ACTORS:
            return
        wanted = [
            i
            for i in self.role_at
            if i not in self.taken
            and i
            and toks[i - 1].low in lx.DEFINITE
            # "der Minister Weber": a name follows, not a role alone
            and not (i + 1 < len(toks) and toks[i + 1].cap and not self.roles[i + 1])
        ]
        if not wanted:
            return
        # person mentions by end (the first draft wins a tie), kept up to date as roles join
        order = {id(d): n for n, d in enumerate(self.drafts.values())}
        ends = sorted(
            (
                (e, -order[id(d)], d)
                for d in self.drafts.values()
                if d.type == "person"
                for _, e in d.mentions
            ),
            key=lambda x: (x[0], x[1]),
        )
        keys = [(e, o) for e, o, _ in ends]
        for i in wanted:
            d = self._earlier_holder(i, ends, keys)
            if d is None:
                word = toks[i].text
                d = self._draft("role:" + word.lower(), word, "person")
                order.setdefault(id(d), len(order))
                if word not in d.roles:
                    d.roles.append(word)
            self._role_mention(i, i, d)
            entry = (toks[i].end, -order[id(d)], d)
            at = bisect.bisect_right(keys, entry[:2])
            ends.insert(at, entry)
            keys.insert(at, entry[:2])

    def _earlier_holder(
        self,
        i: int,
        ends: list[tuple[int, int, ActorDraft]],
        keys: list[tuple[int, int]],
    ) -> ActorDraft | None:
        """The person mentioned last before token i (within a few sentences) that the role at
        i can point back to."""
        start = self.tokens[i].start
        at = bisect.bisect_right(keys, (start, 1))
        if not at or start - ends[at - 1][0] > 600:
            return None
        d = ends[at - 1][2]
        return d if self._may_hold(d, self.tokens[i].low) else None

    def _may_hold(self, d: ActorDraft, word: str) -> bool:
        """Can ``word`` ("ministerin") refer to the person d: the same gender, and for an
        office held by one person, a role of d that is that office."""
        lx = self.lx
        roles = [r.lower() for r in d.roles]
        if any(r.endswith(word) for r in roles):
            return True
        fem = word.endswith(lx.FEMININE_ENDINGS)
        if any(
            r.endswith(lx.ROLE_SUFFIXES) and r.endswith(lx.FEMININE_ENDINGS) != fem for r in roles
        ):
            return False
        return not word.endswith(lx.OFFICIAL_TITLES)

    # -- helpers -------------------------------------------------------------------------
    def _person(self, name: str) -> ActorDraft:
        """The person called ``name``, joining "Stoltenberg" and "Jens Stoltenberg"."""
        name = _base(name)
        same = self.people.get(name)
        if same is not None:
            return same
        last = name.rsplit(" ", 1)[-1]
        d = self.by_last.get(last) if (" " not in name or last in self.people) else None
        if d is not None and (d.name.endswith(" " + name) or name.endswith(" " + d.name)):
            if len(name) > len(d.name):
                d.aliases.append(d.name)
                d.name = name
        else:
            d = self._draft("person:" + name, name, "person")
            self.by_last.setdefault(last, d)
        self.people[name] = d
        return d

    def _mark(self, i: int, k: int, key: str, name: str, typ: str) -> None:
        self._mark_tokens(
            i,
            k,
            self._draft(key, name, typ),
            self.text[self.tokens[i].start : self.tokens[k - 1].end],
        )

    def _mark_tokens(self, i: int, k: int, d: ActorDraft, surface: str) -> None:
        end = self.tokens[k - 1].end
        if surface.endswith(_POSSESSIVE):  # "South Africa's": the mention is the name
            end, surface = end - 2, surface[:-2]
        d.add(self.tokens[i].start, end, surface)
        self.taken.update(range(i, k))

    def actors(self) -> list[Actor]:
        """Actors in order of first mention, ids unique slugs of their names."""
        out: list[Actor] = []
        used: set[str] = set()
        for d in sorted(self.drafts.values(), key=lambda d: min(d.mentions)):
            slug = _SLUGS.get(d.name) or _slug(d.name)
            aid, n = slug, 2
            while aid in used:
                aid, n = f"{slug}-{n}", n + 1
            used.add(aid)
            aliases = [a for a in d.aliases if a != d.name]
            out.append(
                Actor(
                    aid,
                    d.name,
                    d.type,
                    list(d.roles),
                    list(dict.fromkeys(aliases)),
                    [list(m) for m in sorted(d.mentions)],
                )
            )
        return out
