"""Indirect and reported speech found sentence by sentence from its frame.

Each rule looks at the words outside quotation marks: a verb of saying after a comma
("…, sagte der Nato-Chef"), a subject and verb before a clause ("Stoltenberg sagte, …",
"X said that …"), a source phrase ("laut X", "X zufolge", "according to X"), a Konjunktiv
sentence continuing the last speaker, or a verb that reports a speech act ("Moskau fordert …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from .speakers import np_after, np_before
from .tokens import Token

_END_PUNCT = ".!?…:;"
_ZU_INF = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|mit|nach|vor|weg|zurück|"
                     r"zusammen|durch|um|über|unter|wieder|zu)zu[a-zäöüß]{3,}$")


@dataclass
class Frame:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None  # offsets of the speaker mention
    cue: str | None
    segments: list[tuple[int, int]] | None = None  # when the frame splits the quote


_KONJ_MEMO: dict[tuple[str, bool, str], bool] = {}


def is_konjunktiv(tok: Token, lx: ModuleType) -> bool:
    """Konjunktiv I/II: a listed form, or a known verb stem + "e" (also with a prefix: vorsehe)."""
    key = (tok.low, tok.cap, lx.__name__)
    hit = _KONJ_MEMO.get(key)
    if hit is None:
        if len(_KONJ_MEMO) > 200_000:
            _KONJ_MEMO.clear()
        hit = _KONJ_MEMO[key] = _is_konjunktiv(tok, lx)
    return hit


def _is_konjunktiv(tok: Token, lx: ModuleType) -> bool:
    low = tok.low
    if low in lx.KONJ_FORMS:
        return True
    if tok.cap or len(low) < 4 or not low.endswith("e") or not lx.KONJ_STEMS:
        return False
    return _konj_regex(lx).search(low) is not None


@lru_cache(maxsize=4)
def _konj_regex(lx: ModuleType) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(s) for s in lx.KONJ_STEMS), key=len, reverse=True))
    return re.compile(rf"(?:^|[a-zäöüß])(?:{alts})e$")


class FrameFinder:
    def __init__(self, text: str, lx: ModuleType, lang: str, actor_at=None):
        self.text, self.lx, self.lang = text, lx, lang
        self.actor_at = actor_at  # (start, end) -> bool: is an actor mentioned there
        self._triggers = lx.SOURCE_BEFORE | lx.SOURCE_AFTER | {"nach", "wie", "as"}

    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end:b.start]

    def _clause_end(self, s_end: int) -> int:
        """Sentence end without its final punctuation."""
        e = s_end
        while e > 0 and (self.text[e - 1] in _END_PUNCT or self.text[e - 1] in "“”\"»«’'"):
            if self.text[e - 1] in "“”\"»«’'":
                break
            e -= 1
        return e

    def find(self, toks: list[Token], s: int, e: int, has_konj: bool) -> Frame | None:
        """The first frame that fits the sentence [s, e) whose outside-quote tokens are toks."""
        if len(toks) < 3 or self.is_heading(toks, e):
            return None
        if self.text[self._clause_end(e):e].startswith("?"):
            return self._source_phrase(toks, s, e)  # a question asks, it does not report
        if toks[0].low in self.lx.SUBORDINATORS:
            return self._source_phrase(toks, s, e) or self._frame_after_main(toks, s, e)
        if self.lang == "en":  # "X said (that) …" is the common English order
            return (self._source_phrase(toks, s, e) or self._frame_before(toks, s, e, has_konj)
                    or self._frame_after(toks, s, e))
        src = self._source_phrase(toks, s, e)
        if src is not None:
            fb = self._frame_before(toks, s, e, has_konj)
            if fb is not None and src.segments and fb.start >= src.segments[0][1]:
                return fb  # "X bestätigte laut Reuters, dass …": X speaks, Reuters reports
            return src
        if "," not in self.text[s:e] and ":" not in self.text[s:e]:
            return None  # every remaining German frame needs a comma (or a colon)
        return (self._frame_after(toks, s, e)
                or self._frame_before(toks, s, e, has_konj) or self._that_clause(toks, s, e)
                or self._intent_clause(toks, s, e))

    # "…, sagte der Nato-Chef" / "…, so Stoltenberg weiter" / "…, Smith said." / "…, wie X sagte"
    def _frame_after(self, toks: list[Token], s: int, e: int) -> Frame | None:
        lx = self.lx
        for j in range(2, len(toks)):
            gap = self._gap(toks[j - 1], toks[j])
            if "," not in gap:
                continue
            if any(c in gap for c in "„“\"»«") and len(gap.split()) > 6:
                continue  # a long quote before the comma is framed as a direct quote
            t = toks[j]
            sp = None
            if t.low in lx.SAY_VERBS and not t.cap and self._particle_ok(t, toks[j + 1:]):
                sp = np_after(self.text, toks, j + 1, lx, e)
                if sp and self.lang == "en" and not self._ends_clause(toks, sp[1]):
                    sp = None  # ", said X" only closes a sentence: "…, said Priya Raman."
            elif t.low in ("wie", "as") and j + 2 < len(toks):
                for v in range(j + 2, min(j + 7, len(toks))):
                    if toks[v].low in lx.SAY_VERBS:
                        sp = np_before(self.text, toks, j + 1, v, lx)
                        break
            elif self.lang == "en":
                for v in range(j + 1, min(j + 6, len(toks))):
                    if v + 1 < len(toks) and toks[v + 1].low in ("of", "about", "against", "for"):
                        break
                    if toks[v].low in lx.SAY_VERBS and self._ends_clause(toks, toks[v].end, 4):
                        sp = np_before(self.text, toks, j, v, lx)
                        t = toks[v]
                        break
                    if "," in self._gap(toks[v - 1], toks[v]):
                        break
            if sp is None or t.low != lx.SO_FRAME and not self._has_verb(toks[:j]):
                continue  # "Der CSU-Vorsitzende, Edmund Stoiber, warf …": a subject, not words
            end = toks[j - 1].end
            comma = self.text.find(",", end, toks[j].start)
            if comma > end:
                end = comma  # the span runs over a short quote up to the frame's comma
            frame = Frame(s, end, "indirect", sp, t.text)
            rest = [x for x in toks[j + 1:] if x.start >= sp[1]]
            cut = next((n for n, x in enumerate(rest[:5])
                        if "," in self.text[(rest[n - 1].end if n else sp[1]):x.start]), None)
            if cut is not None and len(rest) - cut >= 3 and self.lang == "de":
                # "Sein Rivale, so Obama weiter, würde …": the words go on after the frame
                frame.segments = [(s, end), (rest[cut].start, self._clause_end(e))]
            return frame
        return None

    def is_heading(self, toks: list[Token], e: int) -> bool:
        """A short line without end punctuation is a heading ("Moscow blames the West")."""
        last = self.text[e - 1] if e else ""
        return last not in ".!?…:;\"“”»«’'" and len(toks) < 12 and self.text[e:e + 1] in ("\n", "")

    def _has_verb(self, toks: list[Token]) -> bool:
        """Does this stretch hold a verb-like word (lower case, not an article or adjective)?"""
        lx = self.lx
        for n, t in enumerate(toks):
            if t.cap or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS or t.low.isdigit():
                continue
            if n + 1 < len(toks) and toks[n + 1].cap and t.low.endswith(("e", "en", "er", "es")):
                continue
            return True
        return False

    def _ends_clause(self, toks: list[Token], pos: int, slack: int = 0) -> bool:
        """True when at most ``slack`` words follow ``pos`` before a comma or the end."""
        n = 0
        for x in toks:
            if x.start < pos:
                continue
            if "," in self.text[pos:x.start]:
                return True
            n += 1
            if n > slack:
                return False
        return True

    def _frame_after_main(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """After a leading subordinate clause ("Als …, sagte X, …") no frame-after applies."""
        return None

    def _particle_ok(self, verb: Token, rest: list[Token]) -> bool:
        """'gab', 'teilte', 'stellte' say something only with their particle (gab … bekannt)."""
        if verb.low not in self.lx.NEEDS_PARTICLE:
            return True
        return any(x.low in self.lx.SAY_PARTICLES for x in rest[:14])

    # "Stoltenberg sagte nach dem Treffen auch, die Alliierten hätten …" / "X said (that) …"
    def _frame_before(self, toks: list[Token], s: int, e: int, has_konj: bool) -> Frame | None:
        lx = self.lx
        for v in range(0, min(len(toks) - 2, 12)):
            t = toks[v]
            if t.low not in lx.SAY_VERBS or (t.cap and v) or t.low in ("so", "wie", "as"):
                continue
            if self.lang == "en":
                return self._english_before(toks, v, s, e)
            for c in range(v + 1, min(len(toks), v + 12)):
                gap = self._gap(toks[c - 1], toks[c])
                if "," in gap or ":" in gap:
                    break
            else:
                continue
            clause = toks[c:]
            if not clause or ":" in self.text[clause[0].start:self._clause_end(e)]:
                continue  # "sagte X, Gründer der Band: „…“": the colon frames a direct quote
            if not self._particle_ok(t, toks[v + 1:c]):
                continue
            starts_that = clause[0].low in lx.THAT
            konj = any(is_konjunktiv(x, lx) for x in clause[:10])
            if not (starts_that or konj or t.low in lx.SAY_STRONG):
                continue
            sp = self._subject(toks, v, e)
            if sp is None:
                continue
            return Frame(clause[0].start, self._clause_end(e), "indirect", sp, t.text)
        return None

    def _that_clause(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'…, dass …' after any verb or particle ("geht davon aus, dass"): what someone holds."""
        lx = self.lx
        for c in range(2, len(toks) - 2):
            if toks[c].low not in lx.THAT_STRICT or "," not in self._gap(toks[c - 1], toks[c]):
                continue
            prev = toks[c - 1]
            if prev.cap or prev.low in lx.NOT_BEFORE_THAT or toks[0].low in lx.IMPERSONAL:
                return None
            if any(is_konjunktiv(x, lx) for x in toks[:c]):
                return None  # "Die Verbündeten seien sich einig, dass …": someone else reports
            if toks[0].low in lx.ADVERBIAL_OPENERS or toks[0].low in lx.THAT:
                sp = np_after(self.text, toks, 2, lx, toks[c].start) or np_after(
                    self.text, toks, 1, lx, toks[c].start)
            else:
                k = 0
                while k < c and (toks[k].cap or toks[k].low in lx.DETERMINERS or
                                 toks[k].low in lx.NP_LINKERS or toks[k].low in lx.PRONOUNS):
                    k += 1
                sp = (toks[0].start, toks[k - 1].end) if k else None
            if sp is None:
                return None
            return Frame(toks[c].start, self._clause_end(e), "indirect", sp, prev.text)
        return None

    def _lead(self, toks: list[Token]) -> int:
        """Skip a leading conjunction or adverb before an English subject ("But X said")."""
        lo = 0
        while lo < len(toks) - 1 and toks[lo].low in self.lx.LEADING:
            lo += 1
        return lo

    def _intent_clause(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'kündigte an, das Gesetz zu ändern': an announced or demanded act (zu-infinitive)."""
        lx = self.lx
        v = next((k for k in range(min(len(toks), 14)) if toks[k].low in lx.INTENT_VERBS), None)
        if v is None:
            return None
        for c in range(v + 1, min(len(toks) - 1, v + 10)):
            if "," not in self._gap(toks[c - 1], toks[c]):
                continue
            n = c
            while n + 1 < len(toks) and "," not in self._gap(toks[n], toks[n + 1]):
                n += 1
            clause = toks[c:n + 1]
            if not any(_ZU_INF.match(x.low) or x.low == "zu" for x in clause[-3:]):
                return None
            sp = self._subject(toks, v, e)
            if sp is None or not self.speakerlike(sp):
                return None
            return Frame(toks[c].start, self._clause_end(e), "indirect", sp, toks[v].text)
        return None

    def _english_before(self, toks: list[Token], v: int, s: int, e: int) -> Frame | None:
        lx = self.lx
        if v + 1 < len(toks) and toks[v + 1].low in ("of", "about", "against", "for", "on",
                                                      "with", "to", "up", "out"):
            return None  # "warned of cuts", "spoke to donors": an act, not reported words
        w = v
        while w > 1 and toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB:
            w -= 1  # "officials have also stated"
        sp = np_before(self.text, toks, self._lead(toks), w, lx)
        if sp is None:
            return None
        c = v + 1
        if toks[v].low in ("told", "tells", "tell") and c < len(toks):
            while c < len(toks) and c - v <= 4 and toks[c].low not in lx.THAT:
                c += 1  # told reporters (that) / told the BBC
            if c < len(toks) and toks[c].low not in lx.THAT:
                c = v + 2
        ahead = next((k for k in range(c, min(c + 9, len(toks))) if toks[k].low == "that"), None)
        if ahead is not None and not any("," in self._gap(toks[k - 1], toks[k])
                                         for k in range(c + 1, ahead)):
            c = ahead  # "said in a note to clients that …"
        while c < len(toks) and toks[c].low in ("on", "yesterday", "today", "in", "last"):
            c += 1
        if c >= len(toks) or self._clause_end(e) - toks[c].start < 12:
            return None  # (words in quote marks count: "said patients were "caught …"")
        return Frame(toks[c].start, self._clause_end(e), "indirect", sp, toks[v].text)

    def _subject(self, toks: list[Token], v: int, e: int) -> tuple[int, int] | None:
        """Subject of a verb of saying: the words before it (German Vorfeld) unless they are
        an adverbial ("Weiterhin erklärte die Ministerin"), then the phrase after it."""
        lx = self.lx
        after = None
        if v + 1 < len(toks) and "," not in self._gap(toks[v], toks[v + 1]):
            after = np_after(self.text, toks, v + 1, lx, e)  # never across the frame's comma
        if not v or toks[0].low in lx.ADVERBIAL_OPENERS:
            return after
        before = np_before(self.text, toks, 0, v, lx)
        if before and not self.speakerlike(before) and after and self.speakerlike(after):
            return after
        return before or after

    # "laut X", "nach Angaben von X", "X zufolge", "according to X", "Wie X mitteilte, …"
    def _source_phrase(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A source phrase: the words around it are the quote, split in two segments when
        the phrase stands in the middle ("Der Betrag wird laut X nicht reichen")."""
        lx = self.lx
        triggers = self._triggers
        if triggers.isdisjoint([t.low for t in toks]):
            return None
        for i, t in enumerate(toks):
            if t.low not in triggers:
                continue
            found = self._source_at(toks, i, e)
            if found is None:
                continue
            ph_start, ph_end, sp = found
            segs = []
            before = [x for x in toks if x.end <= ph_start]
            after = [x for x in toks if x.start >= ph_end]
            if len(before) >= 1:
                start = s
                for n in range(len(before) - 1, 0, -1 if self.lang == "de" else len(before)):
                    if "," in self._gap(before[n - 1], before[n]):
                        if before[n].low in lx.RELATIVES:
                            start = before[n].start  # a relative clause: "…, das nach Angaben X"
                        break
                segs.append((start, before[-1].end))
            if len(after) >= 2 or after and not before:
                end = self._clause_end(e)
                if segs and segs[0][0] > s:  # inside a relative clause: it ends at its comma
                    for n in range(1, len(after)):
                        if "," in self._gap(after[n - 1], after[n]):
                            end = after[n - 1].end
                            break
                segs.append((after[0].start, end))
            if not segs:
                return None
            f = Frame(segs[0][0], segs[-1][1], "indirect", sp, t.text)
            f.segments = segs
            return f
        return None

    def _source_at(self, toks: list[Token], i: int, e: int) -> tuple[int, int, tuple[int, int]] | None:
        """(phrase start, phrase end, speaker span) when token ``i`` opens a source phrase."""
        lx, text = self.lx, self.text
        t = toks[i]
        if t.low == "according" and i + 2 < len(toks):
            k = i + 2
            while k + 1 < len(toks) and "," not in self._gap(toks[k], toks[k + 1]) and k - i < 9:
                k += 1
            return t.start, toks[k].end, (toks[i + 2].start, toks[k].end)
        if t.low in lx.SOURCE_BEFORE:
            after = i + 2 if t.low == "according" else i + 1
            k = after
            while k < len(toks) and toks[k].low in lx.DETERMINERS | {"ihren", "seinen", "eigenen"}:
                k += 1
            sp = np_after(text, toks, after, lx, e) or np_after(text, toks, k, lx, e)
            if sp is None:
                sp = self._marked_name(t.end)
                return (t.start, sp[1], sp) if sp else None
            return t.start, sp[1], (toks[after].start if after < len(toks) else sp[0], sp[1])
        if t.low == "nach" and i >= 1 and toks[i - 1].low.endswith(tuple(lx.SOURCE_NOUNS)):
            k = i - 1  # "seiner Meinung nach"
            if k and toks[k - 1].low in lx.DETERMINERS | lx.POSSESSIVES:
                k -= 1
            return toks[k].start, t.end, (toks[k].start, toks[i - 1].end)
        if t.low == "nach" and i + 1 < len(toks):
            k = i + 1
            while k < len(toks) and k - i <= 3 and not toks[k].cap:
                k += 1  # nach eigenen / ersten / einer …
            if k + 1 < len(toks) and toks[k].low.endswith("s") and toks[k + 1].cap:
                k += 1  # nach Grupps Meinung
            if k >= len(toks) or not toks[k].low.endswith(tuple(lx.SOURCE_NOUNS)):
                return None
            end = toks[k].end
            sub = None
            if k + 1 < len(toks) and toks[k + 1].low in ("von", "des", "der", "dem", "aus", "im"):
                sub = np_after(text, toks, k + 1, lx, e) or np_after(text, toks, k + 2, lx, e)
            if sub:
                end = sub[1]
            return t.start, end, (toks[k].start, end)
        if t.low in lx.SOURCE_AFTER and i:
            k = i - 1
            while k > 0 and (toks[k - 1].cap or toks[k - 1].low in lx.DETERMINERS) and (
                    i - k < 5) and "," not in self._gap(toks[k - 1], toks[k]):
                k -= 1
            return toks[k].start, t.end, (toks[k].start, toks[i - 1].end)
        if i == 0 and t.low in ("wie", "as"):
            for v in range(2, min(len(toks) - 1, 16)):
                if toks[v].low in lx.SAY_VERBS and not toks[v].cap and v + 1 < len(toks) and (
                        "," in self._gap(toks[v], toks[v + 1])):
                    sp = np_after(text, toks, 1, lx, toks[v].start)
                    return (t.start, toks[v].end, sp) if sp else None
        return None
        return None

    def _marked_name(self, pos: int) -> tuple[int, int] | None:
        """The span of a name in quote marks right after ``pos`` ('laut „Welt“')."""
        text = self.text
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if pos < len(text) and text[pos] in "„“\"»«":
            close = next((j for j in range(pos + 1, min(len(text), pos + 60))
                          if text[j] in "“”\"«»"), None)
            if close:
                return (pos, close + 1)
        return None

    def reported(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A speech act told, not quoted: subject + report verb in second position
        ("Moskau fordert …"), or an auxiliary there and the participle at the end
        ("X hat … angekündigt")."""
        lx = self.lx
        if len(toks) < 3 or toks[0].low in lx.SUBORDINATORS:
            return None
        last = toks[-1]
        for v in range(1, min(len(toks), 7 if self.lang == "de" else 12)):
            t = toks[v]
            if t.cap:
                continue
            if t.low in lx.AUXILIARIES and last.low in lx.REPORT_VERBS and len(toks) > v + 2:
                cue = last
            elif (self.lang == "en" and t.low in lx.AUXILIARIES and v + 1 < len(toks)
                  and toks[v + 1].low in lx.REPORT_VERBS):
                cue = toks[v + 1]  # "The association has threatened …"
            elif t.low in lx.REPORT_VERBS and self._particle_ok(t, toks[v + 1:]):
                cue = t
            else:
                continue
            if self.lang == "en":
                lo = self._lead(toks)
                for k in range(v - 1, lo, -1):  # "In a statement, he warned of …"
                    if "," in self._gap(toks[k - 1], toks[k]):
                        lo = k
                        break
                sp = np_before(self.text, toks, lo, v, lx)
            else:
                sp = self._subject(toks, v, e)
            if sp is not None and not self.speakerlike(sp) and cue is t and (
                    t.low in lx.STRONG_REPORT) and self.text[sp[0]].isupper() and len(
                    self.text[sp[0]:sp[1]].split()) <= 4:
                return Frame(s, e, "reported", sp, cue.text)  # "Tesla fordert …": a name
            if sp is None or not self.speakerlike(sp):
                if t.low in lx.PASSIVE_AUX and last.low in lx.REPORT_VERBS:
                    return Frame(s, e, "reported", None, cue.text)  # "Es wurde … gefordert"
                return None
            return Frame(s, e, "reported", sp, cue.text)
        return None

    def speakerlike(self, sp: tuple[int, int]) -> bool:
        """Can this phrase speak? A name, a pronoun, or a noun for people or institutions."""
        lx = self.lx
        words = self.text[sp[0]:sp[1]].split()
        if not words or words[0].lower() in lx.IMPERSONAL:
            return False
        if len(words) == 1 and words[0].lower() in lx.PERSON_PRONOUNS | {"sie", "they", "we"}:
            return True
        if self.actor_at is not None and self.actor_at(sp[0], sp[1]):
            return True
        return any(w.lower().strip(",.()").endswith(lx.SPEAKER_SUFFIXES) for w in words)
