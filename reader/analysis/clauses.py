"""Shared clause tools for the frame rules: the Frame result, Konjunktiv tests, gaps between
words, clause ends, subjects and whether a phrase can speak."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .cues import Cues
from .models import QuoteKind
from .speakers import np_after, np_before
from .tokens import Token, union

_END_PUNCT = ".!?…:;"


@dataclass
class Frame:
    start: int
    end: int
    kind: QuoteKind
    speaker: tuple[int, int] | None  # offsets of the speaker mention
    cue: str | None
    segments: list[tuple[int, int]] | None = None  # when the frame splits the quote
    source_at: int = -1  # where a source phrase ("laut X") stands, if the frame is one
    # English: a second report joined to the first ("…, but Y says …"), with its own speaker
    joined: Frame | None = None
    inner: Frame | None = None  # a report inside the relayed words ("laut X hat Y angekündigt")
    rule: str | None = None  # the name of the rule that found it (set by the rule's wrapper)
    # the sentence before is the quote ("Dies bestätigte X."): its span, quoted by the engine
    previous: tuple[int, int] | None = None
    quote: bool = True  # False: the sentence quotes nothing itself, but its subject spoke
    # True: the frame's own clause names nobody who can speak ("Ihm wird vorgeworfen, …",
    # "Bisher hieß es, …"): no speaker, and the last speaker does not take it over
    nobody: bool = False


# per language: word as written -> is it a Konjunktiv (the written word fixes low and cap)
_KONJ_MEMO: dict[str, dict[str, bool]] = {}


def is_konjunktiv(tok: Token, lx: Cues) -> bool:
    """Konjunktiv I/II: a listed form, or a known verb stem + "e" (also with a prefix: vorsehe)."""
    memo = _KONJ_MEMO.get(lx.lang)
    if memo is not None:
        hit = memo.get(tok.text)
        if hit is not None:  # (the usual case: a word met before)
            return hit
    if memo is None or len(memo) > 200_000:
        memo = _KONJ_MEMO[lx.lang] = {}
    hit = memo[tok.text] = _is_konjunktiv(tok, lx)
    return hit


def _is_konjunktiv(tok: Token, lx: Cues) -> bool:
    low = tok.low
    if low in lx.KONJ_FORMS:
        return True
    if tok.cap or len(low) < 4 or not low.endswith("e") or not lx.KONJ_STEMS:
        return False
    return _konj_regex(lx).search(low) is not None


@lru_cache(maxsize=4)
def _konj_regex(lx: Cues) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(s) for s in lx.KONJ_STEMS), key=len, reverse=True))
    return re.compile(rf"^(?:{lx.VERB_PREFIXES})*(?:{alts})e$")


class ClauseTools:
    """Helpers every frame rule uses; FrameFinder inherits them."""

    def __init__(
        self,
        text: str,
        lx: Cues,
        lang: str,
        actor_at: Callable[[int, int], bool] | None = None,
    ):
        self.text, self.lx, self.lang = text, lx, lang
        self.actor_at = actor_at  # (start, end) -> bool: is an actor mentioned there
        self._zu = re.compile(lx.ZU_INFINITIVE) if lx.ZU_INFINITIVE else None
        self._wo = re.compile(lx.WO_WORDS) if lx.WO_WORDS else None
        # the words that may open a source phrase
        self.source_triggers = lx.SOURCE_BEFORE | lx.SOURCE_AFTER | lx.AS_WORDS
        self.source_triggers |= {lx.SOURCE_NACH} - {""}
        self.source_triggers |= lx.MID_SOURCE | (
            {lx.FOLGE, lx.VIEW_FROM} - {""}
        )  # "aus Sicht der X"
        self.source_triggers |= lx.IT_SAYS_VERBS  # "In dem Bericht heißt es, …"

    def zu_inf(self, word: str) -> bool:
        """A zu-infinitive ("aufzugeben"); never in a language without one."""
        return self._zu is not None and self._zu.match(word) is not None

    def author_of(self, toks: list[Token], sp: tuple[int, int]) -> tuple[int, int]:
        """The author inside a source mention: 'einem Beschluss der Konferenz' -> 'Konferenz'
        (a statement noun, its genitive article, a capitalised name); else the mention."""
        lx = self.lx
        inner = [t for t in toks if sp[0] <= t.start and t.end <= sp[1]]
        for n in range(1, len(inner) - 1):
            noun, art, name = inner[n - 1], inner[n], inner[n + 1]
            if (
                art.low in lx.GENITIVE_ARTICLES
                and noun.cap
                and noun.low.endswith(lx.STATEMENT_NOUNS)
                and name.cap
                and not self.text[noun.end : name.start].strip(" ").replace(art.text, "").strip()
            ):
                return name.start, sp[1]
        return sp

    def gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def commas(self, toks: list[Token], lo: int, hi: int) -> list[int]:
        """Every n in [lo, hi) with a comma between toks[n - 1] and toks[n], in order: what a
        loop testing ``"," in self.gap(toks[n - 1], toks[n])`` visits, found with str.find
        (words hold no comma, so each comma stands in the gap before the next word)."""
        out: list[int] = []
        if hi <= lo:
            return out
        text, pos, stop, n = self.text, toks[lo - 1].end, toks[hi - 1].start, lo
        while True:
            comma = text.find(",", pos, stop)
            if comma < 0:
                return out
            while toks[n].start < comma:
                n += 1
            out.append(n)
            pos = toks[n].start

    def clause_end(self, s_end: int) -> int:
        """Sentence end without its final punctuation."""
        e = s_end
        while e > 0 and (self.text[e - 1] in _END_PUNCT or self.text[e - 1] in "“”\"»«’'"):
            if self.text[e - 1] in "“”\"»«’'":
                break
            e -= 1
        return e

    def is_heading(self, toks: list[Token], e: int) -> bool:
        """A short line without end punctuation is a heading ("Moscow blames the West"), also
        when it ends in a closing quotation mark ("Verband spricht von „Stillstand“")."""
        if len(toks) >= 12 or self.text[e : e + 1] not in ("\n", ""):
            return False
        last = self.text[e - 1] if e else ""
        if last in "“”\"»«’'" and e >= 2:
            last = self.text[e - 2]  # the mark closes words: what ends them ends the line
            return last not in ".!?…:;,"
        return last not in ".!?…:;"

    def has_verb(self, toks: list[Token]) -> bool:
        """Does this stretch hold a verb-like word (lower case, not an article or adjective)?"""
        lx = self.lx
        inner = lx.NP_PREPOSITIONS
        adjective = False  # the word after this one is an adjective or a noun of a phrase
        flags = []
        finite = union(lx.NOT_SUBJECT_END, lx.KONJ_FORMS)
        for n in range(len(toks) - 1, -1, -1):  # right to left: "der ehemalige sozial… Chef"
            t = toks[n]
            if (
                (t.low in finite or is_konjunktiv(t, lx))
                and not t.cap
                and not (n and toks[n - 1].low in lx.DETERMINERS)
            ):
                return True  # "seien", "bekomme", "wird": a finite verb, not an adjective
            nominal = t.cap or t.low in lx.DETERMINERS or t.low.isdigit()
            adj = not t.cap and adjective and t.low.endswith(("e", "en", "er", "es"))
            flags.append(nominal or adj or t.low in lx.NP_LINKERS or t.low in inner)
            adjective = nominal or adj
        return not all(flags)

    def ends_clause(self, toks: list[Token], pos: int, slack: int = 0) -> bool:
        """True when at most ``slack`` words follow ``pos`` before a comma or the end."""
        n = 0
        for x in toks:
            if x.start < pos:
                continue
            if "," in self.text[pos : x.start]:
                return True
            n += 1
            if n > slack:
                return False
        return True

    def particle_ok(self, verb: Token, rest: list[Token]) -> bool:
        """'gab', 'teilte', 'stellte' say something only with their particle (gab … bekannt)."""
        if verb.low not in self.lx.NEEDS_PARTICLE:
            return True
        wanted = self.lx.PARTICLES_FOR.get(verb.low, self.lx.SAY_PARTICLES)
        return any(x.low in wanted for x in rest[:14])

    # "Stoltenberg sagte nach dem Treffen auch, die Alliierten hätten …" / "X said (that) …"

    def lead(self, toks: list[Token]) -> int:
        """Skip a leading conjunction or adverb before an English subject ("But X said")."""
        lo = 0
        while lo < len(toks) - 1 and toks[lo].low in self.lx.LEADING:
            lo += 1
        return lo

    def subject(self, toks: list[Token], v: int, e: int) -> tuple[int, int] | None:
        """Subject of a verb of saying: the words before it (German Vorfeld) unless they are
        an adverbial ("Weiterhin erklärte die Ministerin"), then the phrase after it; None
        for a subject that names no one ("Niemand könne behaupten, …")."""
        sp = self._subject(toks, v, e)
        if sp is not None and self.text[sp[0] : sp[1]].split()[0].lower() in self.lx.NOBODY:
            return None
        return sp

    def _subject(self, toks: list[Token], v: int, e: int) -> tuple[int, int] | None:
        lx = self.lx
        after = None
        if v + 1 < len(toks) and "," not in self.gap(toks[v], toks[v + 1]):
            after = np_after(self.text, toks, v + 1, lx, e)  # never across the frame's comma
            if after is None and lx.VERB_FINAL_CLAUSES and self.adverb_then_np(toks, v):
                after = np_after(self.text, toks, v + 2, lx, e)  # "meldete dann die Agentur"
            elif (
                after is None
                and lx.VERB_FINAL_CLAUSES
                and toks[v + 1].low in lx.REFLEXIVE
                and self.adverb_then_np(toks, v + 1)
            ):
                after = np_after(self.text, toks, v + 3, lx, e)  # "äußerte sich auch der X"
        if after is not None and self.text[after[0] : after[1]].lower() in lx.OBJECT_PRONOUNS:
            after = None  # "Twitter rät ihm, …": a pronoun that is never the subject
        lo = 1 if v > 1 and toks[0].low in lx.FOCUS_PARTICLES else 0  # "Auch die EU forderte"
        own = self._subordinate_subject(toks, lo, v)
        if own is not None:
            return own
        if v - 1 > lo and toks[v - 1].low in lx.AND:
            first = self._first_verb(toks, lo, v - 1)
            if first is not None:  # "X dankte … und ergänzte, …": the first verb's subject
                return self._subject(toks, first, e)
        if after is not None and self.text[after[0] : after[1]].lower() in lx.SUBJECT_ONLY_PRONOUNS:
            return after  # "Deren Haltung nannte er …": the object stands first
        aux = self.finite_aux(toks, lo, v)
        sub = None
        if aux is not None:  # "Im Mai hatte X angekündigt", "X hat die Länder aufgefordert"
            if toks[lo].low in lx.ADVERBIAL_OPENERS:
                sub = np_after(self.text, toks, aux + 1, lx, toks[v].start)
            else:
                sub = np_before(self.text, toks, lo, aux, lx)
            if sub is not None and self.speakerlike(sub):
                return sub
        partitive = (  # "Einer der Putschisten sagte": one of a group, no adverbial
            v - lo >= 3
            and toks[lo].low in lx.INDEFINITE
            and toks[lo + 1].low in lx.GENITIVE_ARTICLES
        )
        if not v or toks[lo].low in lx.ADVERBIAL_OPENERS and not partitive:
            # "Vor kurzem hatte ein Rebellenführer erklärt, …": after an adverbial and the
            # auxiliary comes the subject, one that no list knows too
            return after or sub
        before = np_before(self.text, toks, lo, v, lx)
        if (
            before
            and not self.speakerlike(before)
            and after
            and self.speakerlike(after)
            and not self.oblique(after)  # "X empfahl dem Gericht, …": an object
        ):
            return after
        if sub is not None and before and not self.speakerlike(before):
            return sub  # "X hatte Anfang Juli berichtet": the phrase before the auxiliary
        return before or after

    def _first_verb(self, toks: list[Token], lo: int, hi: int) -> int | None:
        """The first word in (lo, hi) that may be a finite verb: lower case, no article, no
        adjective before a noun, no number, after no comma-free apposition."""
        lx = self.lx
        for k in range(lo + 1, hi):
            t = toks[k]
            if t.cap or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS or t.text[:1].isdigit():
                continue
            if k + 1 < hi and toks[k + 1].cap and t.low.endswith(lx.ADJECTIVE_ENDINGS):
                continue  # "die französische Behörde"
            return k if t.low in lx.REPORT_VERBS or t.low not in lx.NP_PREPOSITIONS else None
        return None

    def _subordinate_subject(self, toks: list[Token], lo: int, v: int) -> tuple[int, int] | None:
        """'X lehnte ab, indem er sagte, …', '…, da sie befürchten, …': the verb closes a
        subordinate clause after a comma; its own subject, right after the subordinator,
        speaks (German: the verb stands last in its clause)."""
        lx = self.lx
        if not lx.VERB_FINAL_CLAUSES or v - lo < 3:
            return None
        for k in range(v - 1, lo, -1):
            if "," in self.gap(toks[k - 1], toks[k]):
                if toks[k].low not in lx.SUBORDINATORS or toks[k].low in lx.NO_SUBJECT_AFTER:
                    return None
                return np_after(self.text, toks, k + 1, lx, toks[v].start)
        return None

    def oblique(self, sp: tuple[int, int]) -> bool:
        """A noun phrase whose article is never that of a subject ("dem Gericht", "den
        Staatsschulden", "einen Rückgang")."""
        return self.text[sp[0] : sp[1]].split()[0].lower() in self.lx.OBLIQUE_ARTICLES

    def adverb_then_np(self, toks: list[Token], v: int) -> bool:
        """'meldeten dann die Nachrichten', 'erklärte gestern ein Sprecher': one adverb between
        the verb and its subject."""
        lx = self.lx
        if v + 2 >= len(toks):
            return False
        adv, nxt = toks[v + 1], toks[v + 2]
        return (
            not adv.cap
            and len(adv.low) > 2
            and adv.low not in lx.DETERMINERS
            and adv.low not in lx.NP_PREPOSITIONS
            and adv.low not in union(lx.THAT, lx.SUBORDINATORS, lx.CLAUSE_GLUE)
            and adv.low not in union(lx.NOT_SUBJECT_END, lx.RELATIVES)
            and adv.low not in lx.PRONOUNS
            and (nxt.cap or nxt.low in lx.DETERMINERS)
            and "," not in self.gap(adv, nxt)
        )

    def finite_aux(self, toks: list[Token], lo: int, v: int) -> int | None:
        """The auxiliary in second place when the verb at ``v`` is its participle at the end
        of the clause (German word order): where the subject sits around it."""
        if not self.lx.VERB_FINAL_CLAUSES or v - lo < 3:
            return None
        for a in range(lo + 1, min(v - 1, lo + 8)):
            if "," in self.gap(toks[a - 1], toks[a]):
                return None
            if toks[a].low in self.lx.AUXILIARIES and not toks[a].cap:
                return a
        return None

    # "laut X", "nach Angaben von X", "X zufolge", "according to X", "Wie X mitteilte, …"

    def speakerlike(self, sp: tuple[int, int]) -> bool:
        """Can this phrase speak? A name, a pronoun, or a noun for people or institutions."""
        lx = self.lx
        words = self.text[sp[0] : sp[1]].split()
        if not words:
            return False
        if words[0].lower() in lx.IMPERSONAL and not (
            # "Das (vietnamesische) Gericht": an article, not the pronoun "das"
            len(words) > 1
            and words[0].lower() in lx.DETERMINERS
            and any(w[:1].isupper() for w in words[1:3])
        ):
            return False
        if len(words) == 1 and words[0].lower() in union(lx.PERSON_PRONOUNS, lx.PLURAL_PRONOUNS):
            return True
        if self.actor_at is not None and self.actor_at(sp[0], sp[1]):
            return True
        return any(w.lower().strip(",.()").endswith(lx.SPEAKER_SUFFIXES) for w in words)
