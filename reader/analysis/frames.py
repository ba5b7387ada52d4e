"""Indirect and reported speech found sentence by sentence from its frame.

Each rule looks at the words outside quotation marks: a verb of saying after a comma
("…, sagte der Nato-Chef"), a subject and verb before a clause ("Stoltenberg sagte, …",
"X said that …"), a source phrase ("laut X", "X zufolge", "according to X"), a Konjunktiv
sentence continuing the last speaker, or a verb that reports a speech act ("Moskau fordert …").
"""

from __future__ import annotations

import re

from .clauses import Frame, is_konjunktiv
from .sources import SourceRules
from .speakers import np_after, np_before
from .tokens import Token

__all__ = ["Frame", "FrameFinder", "is_konjunktiv"]


def _participle(word: str) -> bool:
    """A German past participle, roughly: weak ones end in -t ("aufgefordert"), strong ones
    carry ge- before -en ("gebeten", "vorgeworfen"); an infinitive does neither."""
    return word.endswith("t") or re.match(r"^\w*ge\w+en$", word) is not None


class FrameFinder(SourceRules):
    """The frame finders over one text, called by the rules in rules/ (which order them)."""

    def inner_report(self, toks: list[Token], a: int, b: int) -> Frame | None:
        """Reported words [a, b) that open with a report of their own ("said she believed
        X", "noted the findings show X"): that report, else None."""
        lx = self.lx
        for v in range(1, min(len(toks) - 2, 6)):
            t = toks[v]
            if "," in self.text[toks[v - 1].end : t.start]:
                return None
            if t.low in lx.INNER_REPORT and not t.cap:
                if toks[v + 1].low in lx.PREPOSITIONS:
                    return None  # "the people found in the water": a participle, no report
                if t.low in lx.FOUND_VERBS and toks[v + 1].low not in lx.THAT:
                    return None  # "said police found the car abandoned": an act, no finding
                return self.english_before(toks, v, a, b)
        return None

    def opinions_in(self, toks: list[Token], a: int, b: int) -> list[Frame]:
        """Inside quoted words [a, b): 'I think X', 'I suspect that X' report X, up to the end
        of its sentence (with the closing mark when the quote ends there)."""
        lx, text = self.lx, self.text
        out = []
        for n in range(len(toks) - 2):
            me, verb, nxt = toks[n], toks[n + 1], toks[n + 2]
            if me.low not in lx.FIRST_PERSON or verb.low not in lx.OPINION_VERBS:
                continue
            if "," in text[verb.end : nxt.start] or nxt.low in lx.PREPOSITIONS - lx.THAT:
                continue  # "I think, …", "I feel for them": no clause
            stop = min(
                (p for p in (text.find(c, nxt.start, b) for c in ".!?") if p >= 0), default=-1
            )
            end = stop + 1 if stop >= 0 else b
            if text[end : end + 1] in ('"', "”") and end < b:
                end += 1
            out.append(Frame(nxt.start, min(end, b), "indirect", (me.start, me.end), verb.text))
        return out

    def um_time(self, toks: list[Token]) -> bool:
        """'Um 11:09 Uhr berichtet X, …': 'um' before a time is a preposition, not the
        'um … zu' of a purpose clause."""
        return (
            toks[0].low == self.lx.AT_TIME
            and len(toks) > 2
            and (toks[1].text[:1].isdigit() or toks[2].low == self.lx.O_CLOCK)
        )

    def indicative_relative(self, frame: Frame, toks: list[Token]) -> bool:
        """'…berichtete von einer Initiative, die X verhindern wollten': a relative clause in
        the indicative after a noun describes the noun; it is no one's reported words (a
        Konjunktiv or a zu-infinitive in it would make it content)."""
        if frame.segments and len(frame.segments) > 1:
            return False
        k = next((n for n, t in enumerate(toks) if t.start == frame.start), None)
        if k is None or k == 0 or k + 1 >= len(toks):
            return False
        rel, nxt, prev = toks[k], toks[k + 1], toks[k - 1]
        if "," not in self._gap(prev, rel):
            return False
        if (
            rel.low in self.lx.NP_PREPOSITIONS
            and nxt.low in self.lx.RELATIVES
            and k + 2 < len(toks)
        ):  # "…, von dem eine Kurzversion angefertigt wurde"
            rel, nxt = nxt, toks[k + 2]
        if rel.low not in self.lx.RELATIVES or rel.low in self.lx.THAT:
            return False
        if not prev.cap or nxt.cap:
            return False
        if not self.text[nxt.start].isalpha():
            return False  # "…, der „Partei X“ beizutreten": an article before a name
        clause = [t for t in toks[k:] if t.end <= frame.end]
        return not any(
            is_konjunktiv(x, self.lx) or self._zu_inf(x.low) or x.low in self.lx.ZU for x in clause
        )

    # "…, sagte der Nato-Chef" / "…, so Stoltenberg weiter" / "…, wie X sagte"
    def frame_after_de(self, toks: list[Token], s: int, e: int) -> Frame | None:
        lx = self.lx
        if not self._after_gaps(toks):
            return None
        for j in range(1, len(toks)):
            if j == 1 and toks[1].low != lx.SO_FRAME:
                continue  # "Dennoch, so Nacke, habe …": only 'so' frames after one word
            if not self._after_gap(toks, j):
                continue
            found = self._after_speaker_de(toks, j, e)
            if found is None:
                continue
            sp, t, verb_end = found
            if t.low != lx.SO_FRAME and not self.has_verb(toks[:j]):
                continue  # "Der CSU-Vorsitzende, Edmund Stoiber, warf …": a subject, not words
            if t.low != lx.SO_FRAME and self._fronted_phrase(toks[:j]):
                continue  # "In seiner Rede, die X verlas, mahnte Harper …": no clause of words
            if any(x.low in lx.NEGATIONS for x in toks[j + 1 : self._comma_after(toks, j) + 1]):
                continue  # "…, gab die Behörde nicht bekannt": nothing was said
            frame, rest, cut = self._after_frame(toks, j, s, e, sp, t, verb_end)
            if cut is not None and rest[-1].low not in lx.SAY_PARTICLES:
                # "Sein Rivale, so Obama weiter, würde …": the words go on after the frame
                # ("…, Bagus Puruhito, mit": the name)
                frame.segments = [(s, frame.end), (rest[cut].start, self.clause_end(e))]
            return frame
        return None

    # "…, Smith said." / "…, said X" / "…, as X said" / "The plan, she said, would fail"
    def frame_after_en(self, toks: list[Token], s: int, e: int) -> Frame | None:
        lx = self.lx
        if not self._after_gaps(toks):
            return None
        for j in range(2, len(toks)):
            if not self._after_gap(toks, j):
                continue
            if toks[j].low in lx.RELATIVES:
                continue  # "…, which the Church describes as …": a relative clause
            if toks[0].low in lx.PARTICIPLE_OPENERS:
                return None  # "Asked whether he would resign, he said no": no words before
            found = self._after_speaker_en(toks, j, e)
            if found is None:
                continue
            sp, t, verb_end = found
            if not self.has_verb(toks[:j]):
                continue  # "The chairman, John Smith, warned …": a subject, not words
            frame, rest, cut = self._after_frame(toks, j, s, e, sp, t, verb_end)
            if cut is not None and rest[cut].low in lx.VERBISH | lx.NOT_SUBJECT_END:
                # the words go on with their verb ("…, she said, would fail")
                frame.segments = [(s, frame.end), (rest[cut].start, self.clause_end(e))]
            elif not self._finite_in(s, frame.end):
                continue  # "In a statement to the paper, X denied …": an adverbial, no words
            return frame
        return None

    def _after_gaps(self, toks: list[Token]) -> bool:
        """A frame after the words follows a comma or a dash between two words."""
        between = self.text[toks[1].end : toks[-1].start] if len(toks) > 2 else ""
        return "," in between or "–" in between or "—" in between

    def _after_gap(self, toks: list[Token], j: int) -> bool:
        """Can a frame open at token j: a comma or dash before it, no long quote inside?"""
        gap = self.text[toks[j - 1].end : toks[j].start]  # (self._gap, inlined: a hot loop)
        if "," not in gap and "–" not in gap and "—" not in gap:
            return False  # "…, sagte X" and "… – so X –"
        # a long quote before the comma is framed as a direct quote
        return not (len(gap.split()) > 6 and any(c in gap for c in '„“"»«'))

    def _after_frame(
        self,
        toks: list[Token],
        j: int,
        s: int,
        e: int,
        sp: tuple[int, int],
        t: Token,
        verb_end: int,
    ) -> tuple[Frame, list[Token], int | None]:
        """The words before the frame at j; and the words after it (``rest``) with the index
        of the comma that may resume the words (``cut``, None unless three words follow)."""
        end = toks[j - 1].end
        comma = self.text.find(",", end, toks[j].start)
        end = max(end, comma)  # the span runs over a short quote up to the frame's comma
        if comma >= 0 and self.text[comma + 1 : comma + 2] in ("”", '"', "’"):
            end = comma + 2  # 'was "a disaster," she said': the words end with their mark
        frame = Frame(s, end, "indirect", sp, t.text)
        rest = [x for x in toks[j + 1 :] if x.start >= max(sp[1], verb_end)]
        cut = next(
            (
                n
                for n, x in enumerate(rest[:5])
                if "," in self.text[(rest[n - 1].end if n else sp[1]) : x.start]
            ),
            None,
        )
        if cut is not None and len(rest) - cut < 3:
            cut = None
        return frame, rest, cut

    def _so_frame(self, toks: list[Token], j: int, e: int) -> tuple[tuple[int, int], Token] | None:
        """'…, so schätzen die Forscher, …', '…, das teilte das Institut mit'."""
        lx, t = self.lx, toks[j]
        if not (
            j + 2 < len(toks)
            and (t.low == lx.SO_FRAME or t.low in lx.THIS_SUBJECTS)
            and toks[j + 1].low in lx.SAY_VERBS
            and toks[j + 1].low != lx.SO_FRAME
            and not toks[j + 1].cap
            and self.particle_ok(toks[j + 1], toks[j + 2 :])
            and toks[j + 2].low not in lx.REFLEXIVE  # "…, das nennt sich …": a name, no words
        ):
            return None
        sp = np_after(self.text, toks, j + 2, lx, e)
        if sp is None or self._not_a_subject(sp):
            return None
        return sp, (toks[j + 1] if t.low != lx.SO_FRAME else t)

    def _say_verb_at(self, toks: list[Token], j: int) -> bool:
        """A verb of saying at j with no comma after it ("X, Leiterin, sagte, die …": a comma
        after the verb puts its subject before it)."""
        t = toks[j]
        return (
            t.low in self.lx.SAY_VERBS
            and not t.cap
            and self.particle_ok(t, toks[j + 1 :])
            and not (j + 1 < len(toks) and "," in self._gap(t, toks[j + 1]))
        )

    def _after_speaker_de(
        self, toks: list[Token], j: int, e: int
    ) -> tuple[tuple[int, int], Token, int] | None:
        """(speaker, verb, end of the verb) of a German frame at token j."""
        lx, t = self.lx, toks[j]
        so = self._so_frame(toks, j, e)
        if so is not None:
            return so[0], so[1], -1
        sp: tuple[int, int] | None = None
        if t.low in lx.SAID_IT_VERBS and j + 1 < len(toks) and toks[j + 1].low in lx.EXPLETIVE:
            sp = self._es_source(toks, j + 1, e)  # "…, hieß es in einer Mitteilung"
        elif self._say_verb_at(toks, j):
            sp = np_after(self.text, toks, j + 1, lx, e)
            if sp and self._not_a_subject(sp):
                sp = None
            if sp is None and t.low != lx.SO_FRAME and self._adverb_then_subject(toks, j):
                sp = np_after(self.text, toks, j + 2, lx, e)  # "…, teilte später X mit"
            if sp and self._not_a_subject(sp):
                sp = None  # "X, Leiterin, äußerte sich zufrieden": an adjective, no speaker
        elif t.low in lx.AS_WORDS and j + 2 < len(toks):
            found = self._as_frame(toks, j, stop_at_comma=False)
            if found is not None:
                return found[0], t, found[1]
        return (sp, t, -1) if sp is not None else None

    def _adverb_then_subject(self, toks: list[Token], j: int) -> bool:
        """'…, teilte später der Direktor mit': an adverb between the verb and its subject."""
        lx = self.lx
        if j + 2 >= len(toks):
            return False
        nxt = toks[j + 1].low
        return (
            not toks[j + 1].cap
            and nxt not in lx.DETERMINERS
            and nxt not in lx.NP_PREPOSITIONS
            and nxt not in lx.THAT | lx.SUBORDINATORS | lx.CLAUSE_GLUE
            and nxt not in lx.NOT_SUBJECT_END | lx.RELATIVES
            and "," not in self._gap(toks[j + 1], toks[j + 2])
        )

    def _after_speaker_en(
        self, toks: list[Token], j: int, e: int
    ) -> tuple[tuple[int, int], Token, int] | None:
        """(speaker, verb, end of the verb) of an English frame at token j."""
        lx, t = self.lx, toks[j]
        if self._say_verb_at(toks, j):
            sp = np_after(self.text, toks, j + 1, lx, e)
            if sp and not self._ends_clause(toks, sp[1]):
                return None  # ", said X" only closes a sentence: "…, said Priya Raman."
            return (sp, t, -1) if sp is not None else None
        if t.low in lx.AS_WORDS and j + 2 < len(toks):
            found = self._as_frame(toks, j, stop_at_comma=True)
            return (found[0], t, found[1]) if found is not None else None
        said = self._subject_said(toks, j, e)
        return (said[0], said[1], -1) if said is not None else None

    def _as_frame(
        self, toks: list[Token], j: int, stop_at_comma: bool
    ) -> tuple[tuple[int, int], int] | None:
        """'…, wie X sagte', '…, as X said': (speaker, end of the verb)."""
        lx = self.lx
        verbs = lx.SAY_VERBS | lx.WIE_VERBS
        lo = j + 2 if toks[j + 1].low in lx.REFLEXIVE else j + 1  # "wie sich X ausdrückte"
        for v in range(lo + 1, min(j + 12, len(toks))):
            if toks[v].low in verbs and not toks[v].cap:
                hi = next(  # "wie X, Chef der Firma, mitteilte": the name before
                    (k for k in range(lo + 1, v) if "," in self._gap(toks[k - 1], toks[k])),
                    v,
                )
                if hi < v and stop_at_comma:
                    return None
                if toks[lo].low in lx.EXPLETIVE:
                    sp = (toks[lo].start, toks[lo].end)  # "wie es … hieß": nobody
                    return sp, toks[v].end
                found = np_before(self.text, toks, lo, hi, lx)
                return (found, toks[v].end) if found is not None else None
            if v - lo >= 10 and not any(
                "," in self._gap(toks[k - 1], toks[k]) for k in range(lo + 1, v + 1)
            ):
                return None
        return None

    def _subject_said(
        self, toks: list[Token], j: int, e: int
    ) -> tuple[tuple[int, int], Token] | None:
        """'…, Smith said.': a subject and a verb of saying that close the sentence."""
        lx, text = self.lx, self.text
        for v in range(j + 1, min(j + 6, len(toks))):
            if v + 1 < len(toks) and toks[v + 1].low in lx.NOT_A_LIST_END:
                return None
            if (
                toks[v].low in lx.SAY_VERBS
                and self._ends_clause(toks, toks[v].end, 4)
                and not (v + 1 < len(toks) and toks[v + 1].low in lx.AND_OR)
            ):  # ("…, laser light show and theme music": a noun in a list)
                if re.match(r"\s*[,:]?\s*[“\"‘]", text[toks[v].end : e]):
                    return None  # "Opening words, X said, "…": the verb frames the quote
                sp = np_before(self.text, toks, j, v, lx)
                return (sp, toks[v]) if sp is not None else None
            if "," in self._gap(toks[v - 1], toks[v]):
                return None
        return None

    def _fronted_phrase(self, toks: list[Token]) -> bool:
        """A noun or prepositional phrase with a relative clause after it and nothing else
        ("In seiner Rede, die X verlas", "Der Plan, der am Montag vorgelegt wurde"): the
        fronted part of the main clause that follows the comma, not reported words."""
        lx = self.lx
        for n in range(1, len(toks) - 1):
            if "," not in self._gap(toks[n - 1], toks[n]):
                continue
            rel = toks[n].low in lx.RELATIVES or (
                toks[n].low in lx.NP_PREPOSITIONS and toks[n + 1].low in lx.RELATIVES
            )
            if not rel or self.has_verb(toks[:n]):
                return False
            return not any("," in self._gap(toks[k - 1], toks[k]) for k in range(n + 1, len(toks)))
        return False

    def _finite_after_opener(self, toks: list[Token], c: int) -> int:
        """The finite verb after an opening adverbial ("Zur Beweislage führt …"): the first
        lower-case word that is no article, else the second word."""
        lx = self.lx
        for k in range(1, min(c, 7)):
            t = toks[k]
            if not (t.cap or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS):
                return k
        return 1

    def _negated_main(self, toks: list[Token], v: int) -> bool:
        """A negation in the main clause (German: before the first comma; English: before
        the verb, "did not confirm") of a report."""
        for k, t in enumerate(toks if self.lx.VERB_FINAL_CLAUSES else toks[:v]):
            if k and "," in self._gap(toks[k - 1], t):
                return False
            if t.low in self.lx.NEGATIONS:
                return True
        return False

    def agent(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        """The agent of a passive after the auxiliary at ``v`` ("von Minister X")."""
        lx = self.lx
        for k in range(v + 1, len(toks) - 2):
            if toks[k].low in lx.AGENT_PREPOSITIONS:
                sp = np_after(self.text, toks, k + 1, lx, toks[-1].start)
                if sp is not None and self.speakerlike(sp):
                    return sp
        return None

    def _not_a_subject(self, sp: tuple[int, int]) -> bool:
        """A German phrase that opens with a lower-case word other than an article or a
        pronoun ("zufrieden über den Bericht") is no subject."""
        word = self.text[sp[0] : sp[1]].split()[0]
        first = word.lower()
        if "-" in word and word.rsplit("-", 1)[1][:1].isupper():
            return False  # "verdi-Verhandlungsführer": a noun
        return (
            self.text[sp[0]].islower()
            and first not in self.lx.DETERMINERS
            and first not in self.lx.PRONOUNS
        )

    def _content_end(self, clause: list[Token], e: int) -> int:
        """Reported content ends where a new main clause of the reporter begins after a
        comma ("er sei unschuldig, erkannte das Gericht nicht an")."""
        lx = self.lx
        for n in range(1, len(clause)):
            x = clause[n]
            if "," not in self._gap(clause[n - 1], x) or x.cap or x.low in lx.CLAUSE_GLUE:
                continue
            if x.low in lx.THAT or x.low in lx.RELATIVES or is_konjunktiv(x, lx):
                continue
            if lx.PAST_ENDINGS and x.low.endswith(lx.PAST_ENDINGS) and n + 1 < len(clause):
                return clause[n - 1].end  # a past-tense verb opens the reporter's clause
        return self.clause_end(e)

    def _es_source(self, toks: list[Token], k: int, e: int) -> tuple[int, int]:
        """Where 'es heißt': the phrase after 'in'/'aus'/'von'/'bei', else 'es' itself."""
        if k + 1 < len(toks) and toks[k + 1].low in self.lx.ES_SOURCE_PREPOSITIONS:
            sp = np_after(self.text, toks, k + 2, self.lx, e)
            if sp:
                return self.author_of(toks, sp)
        return (toks[k].start, toks[k].end)

    def second_clause(self, toks: list[Token], e: int) -> Frame | None:
        """English: '… on Monday, and a teacher thought it was a bomb': the frame may stand
        in a main clause joined by ', and' / ', but'."""
        for k in self._commas(toks, 2, len(toks) - 4):
            if toks[k].low in ("and", "but"):
                found = self.frame_before(toks[k + 1 :], toks[k + 1].start, e)
                if (
                    found is not None
                    and found.speaker is not None
                    and "," not in self.text[toks[k + 1].start : found.start]
                ):  # (", and Chairman of X, says …" is a list of titles, not a clause)
                    return found
        return None

    def main_after_subordinate(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """English: 'Though X is complying, other sites have stated that …': after the
        subordinate clause and its comma the main clause frames as usual."""
        c = next((n for n in range(1, len(toks)) if "," in self._gap(toks[n - 1], toks[n])), None)
        if c is None or len(toks) - c < 4:
            return None
        return self.frame_before(toks[c:], toks[c].start, e)

    def frame_after_main(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """After a leading subordinate clause ("Als …, sagte X, …") no frame-after applies."""
        return None

    # "Stoltenberg sagte nach dem Treffen auch, die Alliierten hätten …" / "X said (that) …"
    def frame_before(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'X sagte, …' / 'X said (that) …': the language's rule (FRAME_BEFORE)."""
        return FRAME_BEFORE[self.lx.lang](self, toks, s, e)

    def _say_verbs_at(self, toks: list[Token]) -> list[int]:
        """Where a verb of saying may stand as the frame's verb."""
        lx = self.lx
        reach = min(len(toks) - 2, 16)
        if lx.SAY_VERBS.isdisjoint([t.low for t in toks[:reach]]):
            return []  # no verb of saying where the frame's verb would stand
        return [
            v
            for v in range(reach)
            if toks[v].low in lx.SAY_VERBS
            and not (toks[v].cap and v)
            and toks[v].low not in lx.NOT_FRAME_VERB_WORDS
        ]

    def frame_before_en(self, toks: list[Token], s: int, e: int) -> Frame | None:
        lx = self.lx
        for v in self._say_verbs_at(toks):
            if v == 0:
                continue  # "Estimates suggest …": a noun, the verb comes later
            if v + 1 < len(toks) and toks[v + 1].low in lx.FINITE_WORDS - lx.NOT_FINITE_AFTER_NOUN:
                continue  # "Recent reports have revealed …": the noun heads the subject
            found = self.english_before(toks, v, s, e)
            later = self._coordinated_say(toks, v)
            if found is None and later is not None:
                # "X tweeted to Y and said …": the second verb frames, X speaks
                return self.english_before(toks, later, s, e, subject_verb=v)
            return found
        return None

    def frame_before_de(self, toks: list[Token], s: int, e: int) -> Frame | None:
        lx = self.lx
        for v in self._say_verbs_at(toks):
            t = toks[v]
            for c in range(v + 1, min(len(toks), v + 12)):
                gap = self._gap(toks[c - 1], toks[c])
                if "," in gap or ":" in gap:
                    break
            else:
                continue
            clause = toks[c:]
            stop = None
            if clause and ":" in self.text[clause[0].start : self.clause_end(e)]:
                stop = self._said_and(clause)  # "Er sagte, A brauche B und fügte hinzu: „…“"
                if stop is None:
                    continue  # "sagte X, Gründer der Band: „…“": the colon frames a direct quote
                clause = [x for x in clause if x.end <= stop]
            if not self.particle_ok(t, toks[v + 1 : c]):
                continue
            starts_that = clause[0].low in lx.THAT
            konj = any(is_konjunktiv(x, lx) for x in clause[:10])
            if not (starts_that or konj or t.low in lx.SAY_STRONG):
                continue
            sp = self.subject(toks, v, e)
            if sp is None:
                continue
            end = stop if stop is not None else self._content_end(clause, e)
            return Frame(clause[0].start, end, "indirect", sp, t.text)
        return None

    def _said_and(self, clause: list[Token]) -> int | None:
        """Where reported words end at 'und' + a second verb of saying that opens a colon
        ("…, Europa brauche die Engländer und fügte hinzu: „…“"), else None."""
        lx = self.lx
        for n in range(2, len(clause) - 1):
            x = clause[n]
            if x.low in lx.AND and clause[n + 1].low in lx.SAY_VERBS and not clause[n + 1].cap:
                colon = self.text.find(":", x.end)
                if colon > 0 and not any(
                    "," in self._gap(clause[k - 1], clause[k])
                    for k in range(n + 1, len(clause))
                    if clause[k].end <= colon
                ):
                    return clause[n - 1].end
        return None

    def clause_final_say(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A verb of saying closing a relative or a leading subordinate clause, then a comma
        and a 'dass' or Konjunktiv clause: '…, der sagte, man dürfe …' (the relative pronoun
        speaks), 'Als X am Sonntag sagte, dass …, meinte er …' (the subordinate's subject)."""
        lx = self.lx
        for c in self._commas(toks, 3, len(toks) - 1):  # the verb closes its clause
            v = c - 1
            t = toks[v]
            if t.low not in lx.SAY_STRONG or t.cap or t.low == lx.SO_FRAME:
                continue
            if not self.particle_ok(t, toks[v - 3 : v]):
                continue
            head = self._own_clause_head(toks, v)
            if head is not None:
                sp: tuple[int, int] | None = (toks[head].start, toks[head].end)  # "…, der sagte"
            elif toks[0].low in lx.SUBORDINATORS and not any(
                "," in self._gap(toks[k - 1], toks[k]) for k in range(1, v + 1)
            ):
                sp = np_after(self.text, toks, 1, lx, t.start)  # "Als X sagte, …"
            else:
                continue
            if sp is None:
                continue
            c = v + 1
            clause = toks[c:]
            first = clause[0].low
            if not (
                first in lx.THAT_STRICT
                or first not in lx.RELATIVES
                and first not in lx.SUBORDINATORS
                and any(is_konjunktiv(x, lx) for x in clause[1:4])
            ):
                continue
            end = self._noun_content_end(clause, e)
            return Frame(clause[0].start, end, "indirect", sp, t.text)
        return None

    def that_clause(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'…, dass …' after any verb or particle ("geht davon aus, dass"): what someone holds."""
        lx = self.lx
        for c in range(2, len(toks) - 2):
            if toks[c].low not in lx.THAT_STRICT or "," not in self._gap(toks[c - 1], toks[c]):
                continue
            prev = toks[c - 1]
            if prev.cap or prev.low in lx.NOT_BEFORE_THAT or toks[0].low in lx.IMPERSONAL:
                return None
            if any(x.low in lx.DEGREE_WORDS for x in toks[max(0, c - 4) : c]):
                return None  # "so heftig, dass …", "soweit geräumt, dass …": a result clause
            if any(is_konjunktiv(x, lx) for x in toks[:c]):
                return None  # "Die Verbündeten seien sich einig, dass …": someone else reports
            if self._correlate_not_speech(toks, c):
                return None  # "Der Sturm führte dazu, dass …": a result, nobody's words
            if toks[0].low in lx.ADVERBIAL_OPENERS or toks[0].low in lx.THAT:
                f = self._finite_after_opener(toks, c)  # "Zur Lage führt das Gericht aus, dass"
                sp = np_after(self.text, toks, f + 1, lx, toks[c].start) or np_after(
                    self.text, toks, 1, lx, toks[c].start
                )
            else:
                k = 0
                while k < c and (
                    toks[k].cap
                    or toks[k].low in lx.DETERMINERS
                    or toks[k].low in lx.NP_LINKERS
                    or toks[k].low in lx.PRONOUNS
                ):
                    k += 1
                sp = (toks[0].start, toks[k - 1].end) if k else None
            if sp is None:
                return None
            return Frame(toks[c].start, self.clause_end(e), "indirect", sp, prev.text)
        return None

    def _correlate_not_speech(self, toks: list[Token], c: int) -> bool:
        """A pronominal adverb before the "dass" at ``c`` with a verb that makes the clause a
        cause or result ("trug dazu bei, dass", "deuten darauf hin, dass")."""
        pairs = self.lx.CORRELATE_NOT_SPEECH
        if not pairs:
            return False
        near = toks[max(0, c - 6) : c]
        lows = {t.low for t in near}
        return any(
            adverb in lows and any(t.low.startswith(stems) for t in near) for adverb, stems in pairs
        )

    def intent_clause(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'kündigte an, das Gesetz zu ändern': an announced or demanded act (zu-infinitive).
        The verb may also close a relative or subordinate clause ("…, der alle aufforderte,
        … zu unterstützen", "nachdem die Partei entschieden hatte, … zu …")."""
        lx = self.lx
        for v in range(len(toks) - 1):
            if toks[v].low not in lx.INTENT_VERBS or toks[v].cap and v:
                continue
            f = self._intent_at(toks, v, s, e)
            if f is not None or v < 14:
                return f
        return None

    def _intent_at(self, toks: list[Token], v: int, s: int, e: int) -> Frame | None:
        lx = self.lx
        late = v >= 14  # far into the sentence: only a verb closing its own clause
        if (
            lx.VERB_FINAL_CLAUSES
            and v + 3 < len(toks)
            and "," not in self._gap(toks[v], toks[v + 1])
        ):
            f = self.intent_no_comma(toks, v, e)
            if f is not None:
                return f
        for c in range(v + 1, min(len(toks) - 1, v + (4 if late else 10))):
            if "," not in self._gap(toks[c - 1], toks[c]):
                continue
            n = c
            while n + 1 < len(toks) and "," not in self._gap(toks[n], toks[n + 1]):
                n += 1
            clause = toks[c : n + 1]
            if late and not all(
                x.low in lx.NOT_SUBJECT_END or x.low in lx.PASSIVE_PARTICIPLE_AUX
                for x in toks[v + 1 : c]
            ):
                return None
            if (
                any(is_konjunktiv(x, lx) for x in toks[:v])
                and self._own_clause_head(toks, v) is None
            ):
                return None  # "Noch habe der Vorstand zugesagt, …": someone else reports it
            if not (
                any(self._zu_inf(x.low) for x in clause) or any(x.low in lx.ZU for x in clause[-3:])
            ):
                return None
            if clause[0].low in lx.PURPOSE_OPENERS:
                return None  # "forderte …, um … auszugleichen": a purpose, not the content
            head = self._own_clause_head(toks, v)
            if head is not None and toks[head].low in lx.RELATIVES:
                # "…, der alle Nichtmoslems aufforderte, …": the relative pronoun speaks
                sp2 = (toks[head].start, toks[head].end)
                return Frame(toks[c].start, self.clause_end(e), "indirect", sp2, toks[v].text)
            if head is not None:
                return None  # another subordinate clause: its subject is not the frame's
            passive = any(x.low in lx.PASSIVE_AUX for x in toks[:v]) and _participle(toks[v].low)
            sp: tuple[int, int] | None = self.subject(toks, v, e)
            if passive and sp is not None:
                # "A und B werden aufgefordert, …": the subject is asked; the agent asks
                sp = self.agent(toks, max(k for k in range(v) if toks[k].low in lx.PASSIVE_AUX))
            if sp is None or not self.speakerlike(sp):
                if not any(x.low in lx.PASSIVE_AUX for x in toks[:v]):
                    return None
                sp = None  # "Ihm wird vorgeworfen, … getötet zu haben": nobody named
            return Frame(toks[c].start, self.clause_end(e), "indirect", sp, toks[v].text)
        return None

    def intent_no_comma(self, toks: list[Token], v: int, e: int) -> Frame | None:
        """'X hat angekündigt die Preise zu erhöhen', 'Anwohner wurden aufgefordert Fenster
        geschlossen zu halten': a participle of an intent verb with its zu-infinitive right
        after it and no comma between."""
        lx = self.lx
        if not _participle(toks[v].low) or not any(x.low in lx.AUXILIARIES for x in toks[:v]):
            return None
        n = self._comma_after(toks, v + 1)
        clause = toks[v + 1 : n + 1]
        if len(clause) < 2 or clause[0].low in lx.ZU | lx.PURPOSE_OPENERS:
            return None
        if not (self._zu_inf(clause[-1].low) or len(clause) > 1 and clause[-2].low in lx.ZU):
            return None  # the infinitive closes the clause
        if any(x.low in lx.NOT_SUBJECT_END for x in clause):
            return None  # a finite verb: another clause, not the infinitive
        passive = any(x.low in lx.PASSIVE_AUX for x in toks[:v])
        sp = self.subject(toks, v, e)
        if passive and sp is not None:
            sp = self.agent(toks, 0)
        elif sp is not None and not self.speakerlike(sp) and sp[0] != toks[0].start:
            return None  # (the subject opening the sentence announces: "Philips hat …")
        end = self.clause_end(e) if n + 1 == len(toks) else toks[n].end
        return Frame(clause[0].start, end, "indirect", sp, toks[v].text)

    def _own_clause_head(self, toks: list[Token], v: int) -> int | None:
        """Index of the relative pronoun that opens the clause of the verb at ``v`` after a
        comma ("…, der alle aufforderte"), else None. Only for German verb-final clauses."""
        if not self.lx.VERB_FINAL_CLAUSES:
            return None
        for k in range(v, 0, -1):
            if "," in self._gap(toks[k - 1], toks[k]):
                if (
                    toks[k].low in self.lx.RELATIVES
                    and toks[k].low not in self.lx.NOT_RELATIVE_HEADS
                ):
                    return k
                return None
        return None

    def passive_that(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'Im April wurde bekannt, dass …', 'Gestern war berichtet worden, dass …', 'Es wird
        erwartet, dass …', 'Als Grund wurde angegeben, es werde …': an agentless passive of a
        report verb before a comma frames the 'dass' or Konjunktiv clause after it. Its agent
        ('von X') speaks, else nobody."""
        lx = self.lx
        parts = lx.PASSIVE_REPORT
        if not parts:
            return None
        aux = lx.PASSIVE_REPORT_AUX
        for c in self._commas(toks, 2, min(len(toks) - 1, 14)):
            p = c - 1
            while p > 0 and toks[p].low in aux:
                p -= 1  # "berichtet worden", "bekannt geworden war"
            if toks[p].low not in parts or not any(x.low in aux for x in toks[:c]):
                return None
            if any(x.low in lx.NEGATIONS for x in toks[:c]):
                return None  # "Es wurde nicht bekannt, ob …": nothing was reported
            n = self._comma_after(toks, c)
            clause = toks[c : n + 1]
            first = clause[0].low
            if not (
                first in lx.THAT_STRICT
                or first in lx.WHETHER
                and toks[p].low not in lx.NOT_WHETHER_PARTICIPLE
                or first not in lx.RELATIVES
                and first not in lx.SUBORDINATORS
                and first not in lx.NOT_CONTENT
                and any(is_konjunktiv(x, lx) for x in clause[1:4])
            ):
                return None
            sp = self.agent(toks[:c], 0)
            if sp is None:  # nobody named: the auxiliary stands in (no speaker)
                a = next((x for x in toks[:c] if x.low in lx.PASSIVE_AUX), None)
                a = a or next(x for x in toks[:c] if x.low in aux)
                sp = (a.start, a.end)
            end = self._noun_content_end(toks[c:], e)
            return Frame(toks[c].start, end, "indirect", sp, toks[p].text)
        return None

    def speech_noun(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'der Vorwurf der Regierung, Terror zu propagieren', 'mit der Begründung, dass …',
        'die Aussage, es sei …': a noun of saying or demanding before a comma, then a
        zu-infinitive, a 'dass'/'ob' clause or a Konjunktiv clause: that clause is its content.
        The noun's genitive or 'von' phrase speaks, else the noun phrase itself."""
        lx = self.lx
        if not lx.SPEECH_NOUNS:
            return None
        for c in self._commas(toks, 1, len(toks) - 1):
            k = self._speech_noun_before(toks, c)
            if k is None:
                continue
            if any(is_konjunktiv(x, lx) for x in toks[:k]):
                return None  # "… gebe es Aussagen, dass …": the sentence reports someone
            n = self._comma_after(toks, c)
            clause = toks[c : n + 1]
            if not self._noun_content(clause):
                continue
            j = self._noun_phrase_start(toks, k)
            sp = self._noun_speaker(toks, j, k, c)
            end = self._noun_clause_end(toks, c, n, clause, e)
            return Frame(toks[c].start, end, "indirect", sp, toks[k].text)
        return None

    def _speech_noun_before(self, toks: list[Token], c: int) -> int | None:
        """The noun of saying that ends the phrase before the comma at token c."""
        lx = self.lx
        last = c - 1
        if toks[last].low in lx.BECAME_PUBLIC and last > 1 and toks[last - 1].cap:
            last -= 1  # "Vorwürfe wurden laut, …": the words became public
        elif not toks[last].cap:
            return None  # "…, keine Entscheidung darüber gegeben, ob": a verb ends the clause
        for j in range(last, max(-1, c - 8), -1):
            t = toks[j]
            if j < last and "," in self._gap(t, toks[j + 1]):
                return None
            if t.cap and t.low.endswith(lx.SPEECH_NOUNS):
                return j
            if not (
                t.cap
                or t.low in lx.DETERMINERS
                or t.low in lx.NP_LINKERS
                or t.low in lx.NP_PREPOSITIONS
                or t.low.endswith(lx.INFLECTED_ENDINGS)
            ):
                return None
        return None

    def _noun_content(self, clause: list[Token]) -> bool:
        """Is the clause after the noun's comma its content (a 'dass'/'ob' clause, a
        zu-infinitive, a Konjunktiv clause), not a relative or adverbial clause?"""
        lx = self.lx
        first = clause[0].low
        article = (  # "die Begründung, das Gebäude sei marode": not a relative pronoun
            first in lx.RELATIVES
            and len(clause) > 3
            and clause[1].cap
            and any(is_konjunktiv(x, lx) for x in clause[2:4])
        )
        if first in lx.THAT_STRICT or first in lx.WHETHER or article:
            return True
        content = self._zu_clause(clause) or any(is_konjunktiv(x, lx) for x in clause[1:4])
        return not (
            first in lx.SUBORDINATORS
            or first in lx.RELATIVES
            or first in lx.NOT_CONTENT
            or not content
        )

    def _zu_clause(self, clause: list[Token]) -> bool:
        return any(self._zu_inf(x.low) for x in clause) or any(
            x.low in self.lx.ZU for x in clause[-3:]
        )

    def _noun_phrase_start(self, toks: list[Token], k: int) -> int:
        """The noun phrase of the noun at k: articles and adjectives before it."""
        lx = self.lx
        j = k
        while (
            j > 0
            and (
                toks[j - 1].low in lx.DETERMINERS
                or not toks[j - 1].cap
                and len(toks[j - 1].low) > 4
                and toks[j - 1].low.endswith(lx.ADJECTIVE_ENDINGS)
                and toks[j - 1].low not in lx.NP_PREPOSITIONS
                and not toks[j - 1].low.endswith(lx.ADVERB_ENDINGS)
            )
            and "," not in self._gap(toks[j - 1], toks[j])
        ):
            j -= 1
        while j < k and not (toks[j].cap or toks[j].low in lx.DETERMINERS):
            j += 1  # "stehen Vorwürfe im Raum": a verb, not an adjective
        return j

    def _noun_speaker(self, toks: list[Token], j: int, k: int, c: int) -> tuple[int, int]:
        """Who speaks the noun's content: the sentence's subject that holds the view, else
        the noun's genitive or 'von' phrase, else the noun phrase itself."""
        lx = self.lx
        if j > 0:  # "Die DSW ist der Ansicht, …": the subject holds the view
            f = self._finite_after_opener(toks, j)
            sub = None
            if toks[0].low in lx.ADVERBIAL_OPENERS:
                sub = np_after(self.text, toks, f + 1, lx, toks[c].start) if f < j else None
            elif 0 < f <= j:
                sub = np_before(self.text, toks, 0, f, lx)
            if sub is not None and self.speakerlike(sub):
                return sub
        if k + 1 < c and toks[k + 1].low in lx.OF_SPEAKER:
            sp = np_after(self.text, toks, k + 1, lx, toks[c].start) or np_after(
                self.text, toks, k + 2, lx, toks[c].start
            )  # "der Vorwurf der Regierung": the government accuses
            if sp is not None:
                return sp
        return toks[j].start, toks[k].end

    def _noun_clause_end(
        self, toks: list[Token], c: int, n: int, clause: list[Token], e: int
    ) -> int:
        """A zu-infinitive ends at its comma (with the ones chained to it); a 'dass' or
        Konjunktiv clause runs on."""
        lx = self.lx
        while n + 1 < len(toks) and toks[n + 1].low not in lx.PURPOSE_OPENERS:
            m = self._comma_after(toks, n + 1)  # "…, dabei zu helfen, X zu bringen"
            if not any(self._zu_inf(x.low) or x.low in lx.ZU for x in toks[m - 1 : m + 1]):
                break
            n = m
        if n + 1 == len(toks):
            return self.clause_end(e)
        first = clause[0].low
        if first in lx.THAT_STRICT or first in lx.WHETHER or not self._zu_clause(clause):
            return self._noun_content_end(toks[c:], e)
        return toks[n].end

    def _comma_after(self, toks: list[Token], c: int) -> int:
        """Index of the last word before the next comma from ``c`` (or of the last word)."""
        n = c
        while n + 1 < len(toks) and "," not in self._gap(toks[n], toks[n + 1]):
            n += 1
        return n

    def _noun_content_end(self, clause: list[Token], e: int) -> int:
        """A 'dass' or Konjunktiv clause runs on over commas ("…, da …", "…, wodurch …")
        until the main clause of the sentence resumes with a finite verb ("…, blieben
        erfolglos", "…, wurde abgelehnt")."""
        lx = self.lx
        for n in range(1, len(clause)):
            x = clause[n]
            if "," not in self._gap(clause[n - 1], x) or x.cap or x.low in lx.CLAUSE_GLUE:
                continue
            if x.low in lx.THAT or x.low in lx.RELATIVES or is_konjunktiv(x, lx):
                continue
            if x.low in lx.DETERMINERS or x.low in lx.SUBORDINATORS or self._zu_inf(x.low):
                continue
            if (
                x.low in lx.PRONOUNS
                or x.low in lx.CONTINUING_WORDS
                or self._wo is not None
                and self._wo.match(x.low)
            ):
                continue  # "…, sich zu beteiligen", "…, wodurch …": the clause goes on
            return clause[n - 1].end  # "…, stieg die Aktie": the main clause resumes
        return self.clause_end(e)

    def wonach(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """'Berichte, wonach …': the clause after 'wonach' is what the noun before it says."""
        lx = self.lx
        if not lx.WONACH:
            return None
        for c in range(1, len(toks) - 2):
            if "," not in self._gap(toks[c - 1], toks[c]):
                continue
            skip = 0
            if (toks[c].low, toks[c + 1].low) == lx.NACH_DENEN:
                skip = 1  # "Gerüchte, nach denen …"
            elif toks[c].low not in lx.WONACH:
                continue
            k = c - 1
            while (
                k > 0
                and (toks[k - 1].cap or toks[k - 1].low in self.lx.DETERMINERS)
                and ("," not in self._gap(toks[k - 1], toks[k]))
            ):
                k -= 1
            n = c + 1 + skip
            while n + 1 < len(toks) and "," not in self._gap(toks[n], toks[n + 1]):
                n += 1
            if c + 1 + skip >= len(toks):
                return None
            return Frame(
                toks[c + 1 + skip].start,
                toks[n].end,
                "indirect",
                (toks[k].start, toks[c - 1].end),
                toks[c].text if not skip else f"{toks[c].text} {toks[c + 1].text}",
            )
        return None

    def participle_report(self, toks: list[Token], e: int) -> Frame | None:
        """English: 'A court suspended the plans on Tuesday, ruling that …' / '…, saying
        the talks had failed': a participle of saying after the main clause's comma reports
        for the sentence's subject."""
        lx = self.lx
        for k in range(3, len(toks) - 3):
            t = toks[k]
            if t.low not in lx.REPORT_PARTICIPLES or "," not in self._gap(toks[k - 1], t):
                continue
            c = k + 1
            if toks[c].low in lx.PREPOSITIONS or (
                toks[c].low in lx.DETERMINERS and toks[c + 1].low in lx.PREPOSITIONS
            ):
                return None  # "…, warning of …": an act, not words
            if not (
                toks[c].low in lx.THAT
                or t.low == "saying"
                and self._finite_in(toks[c].start, self.clause_end(e))
            ):
                return None  # "…, noting the touches of X that were …": an object
            lo = self._lead(toks)
            for n in range(lo + 1, k):  # past a dateline: "HALDEN, Oct. 7 — A court …"
                if any(d in self._gap(toks[n - 1], toks[n]) for d in "—–"):
                    lo = n
            v = next(
                (
                    n
                    for n in range(lo + 1, k)
                    if not toks[n].cap
                    and (
                        toks[n].low in lx.IRREGULAR_PAST
                        or toks[n].low.endswith("ed")
                        or toks[n].low in lx.FINITE_WORDS
                    )
                ),
                None,
            )
            if v is None and toks[lo].low in lx.SAY_VERBS:
                # '"…," said John Smith, the chairman, adding that …'
                sp = np_after(self.text, toks, lo + 1, lx, toks[k].start)
                if sp is None:
                    return None
                return Frame(toks[c].start, self.clause_end(e), "indirect", sp, t.text)
            if v is None:
                return None
            w = v
            while w > lo + 1 and toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB:
                w -= 1
            cut = next(
                (
                    n
                    for n in range(lo + 1, w)
                    if toks[n].low in lx.PREPOSITIONS and toks[n].low not in ("of", "for")
                ),
                w,
            )
            sp = np_before(self.text, toks, lo, cut, lx)
            if sp is None or not self.speakerlike(sp):
                return None
            return Frame(toks[c].start, self.clause_end(e), "indirect", sp, t.text)
        return None

    def _coordinated_say(self, toks: list[Token], v: int) -> int | None:
        """The index of a verb of saying joined by 'and' a few words after the verb at v."""
        for k in range(v + 1, min(v + 7, len(toks) - 1)):
            if toks[k].low in self.lx.AND and toks[k + 1].low in self.lx.SAY_VERBS:
                return k + 1
            if "," in self._gap(toks[k - 1], toks[k]):
                return None
        return None

    def _that_after_adjunct(self, toks: list[Token], v: int) -> bool:
        """'announced on Friday that …', 'stated to the paper that …': a short adjunct of
        time or addressee, then the that-clause."""
        if toks[v + 1].low not in ("on", "to", "in"):
            return False
        for k in range(v + 2, min(v + 7, len(toks))):
            if "," in self._gap(toks[k - 1], toks[k]):
                return False
            if toks[k].low == "that":
                return True
        return False

    def english_before(
        self, toks: list[Token], v: int, s: int, e: int, subject_verb: int | None = None
    ) -> Frame | None:
        """'X said (that) …' with the verb of saying at v (``subject_verb``: the first of two
        joined verbs, where the subject stands before it)."""
        lx = self.lx
        if (
            v + 1 < len(toks)
            and toks[v + 1].low in lx.ACT_PARTICLES
            and not self._that_after_adjunct(toks, v)
            and self._adjunct_end(toks, v + 1, e) is None
        ):
            return None  # "warned of cuts", "spoke to donors": an act, not reported words
        sp = self._subject_en(toks, v if subject_verb is None else subject_verb)
        if sp is None:
            return None
        c = self._words_start_en(toks, v, e)
        if c is None or not self._words_en(toks, v, c, e):
            return None
        frame = Frame(toks[c].start, self.clause_end(e), "indirect", sp, toks[v].text)
        if subject_verb is None:
            self._coordinated_report(frame, toks, c, v, s, e)
        return frame

    def _adverb(self, t: Token) -> bool:
        return not t.cap and t.low.endswith(self.lx.ADVERB_ENDINGS)

    def _subject_en(self, toks: list[Token], w: int) -> tuple[int, int] | None:
        """The subject before the verb at w, past adverbs and auxiliaries."""
        lx = self.lx
        while w > 1 and (
            toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB
            or self._adverb(toks[w - 1])
            and toks[w - 2].low not in lx.DETERMINERS | lx.POSSESSIVES | lx.PREPOSITIONS
        ):  # "officials have also stated", "a teacher mistakenly thought" (not "the family")
            w -= 1
        lo = self._lead(toks)
        if toks[lo].low in lx.ADVERBIAL_OPENERS or toks[lo].low.endswith(lx.ING_ENDING):
            # "Citing privacy rules, officials said …": the subject follows the opener's comma
            lo = next((k for k in range(lo + 1, w) if "," in self._gap(toks[k - 1], toks[k])), lo)
        return np_before(self.text, toks, lo, w, lx) or self._named_apposition(toks, lo, w)

    def _named_apposition(self, toks: list[Token], lo: int, w: int) -> tuple[int, int] | None:
        """'Professor Cres Eastman, chairman of the Centre for X, says …': a name (capitalised
        words), then an apposition between commas, then the verb at w."""
        if w - lo < 4 or "," not in self._gap(toks[w - 1], toks[w]):
            return None
        k = next((n for n in range(lo + 1, w) if "," in self._gap(toks[n - 1], toks[n])), None)
        if k is None or k - lo > 5 or not all(t.cap for t in toks[lo:k]):
            return None
        return toks[lo].start, toks[w - 1].end

    def _commas_between(self, toks: list[Token], a: int, b: int) -> bool:
        return any("," in self._gap(toks[k - 1], toks[k]) for k in range(a + 1, b))

    def _words_start_en(self, toks: list[Token], v: int, e: int) -> int | None:
        """Where the reported words after the verb at v start: past an addressee ("told
        reporters"), an adjunct before 'that' ("said in a note to clients that"), a time word."""
        lx = self.lx
        c = v + 1
        if toks[v].low in lx.TELL_VERBS and c < len(toks):
            while c < len(toks) and c - v <= 4 and toks[c].low not in lx.THAT:
                c += 1  # told reporters (that) / told the BBC
            if c < len(toks) and toks[c].low not in lx.THAT:
                c = v + 2
                while c < len(toks) and c - v <= 4 and toks[c].cap and toks[c - 1].cap:
                    c += 1  # "tell BBC News every claim …": the addressee is a name
        ahead = next(
            (k for k in range(c, min(c + 9, len(toks))) if toks[k].low == lx.THAT_WORD), None
        )
        if ahead is not None and not self._commas_between(toks, c, ahead):
            if (
                ahead == c
                or toks[c].low in lx.PREPOSITIONS
                or toks[c].low.endswith(lx.ADVERB_ENDINGS)
            ):
                c = ahead  # "said in a note to clients that …" (not "learned a lesson … that")
            elif not any(x.low in lx.SAY_VERBS for x in toks[c:ahead]):
                # ("said the inquiry found that …": the words start at once)
                finite = any(x.low in lx.FINITE_WORDS for x in toks[c:ahead])
                if (
                    ahead - c <= 3
                    and not finite
                    and not any(x.low in lx.PREPOSITIONS for x in toks[c:ahead])
                ):
                    c = ahead  # "warned the government that …": an addressee
                elif not (finite and toks[c].low in lx.PRONOUNS):
                    return None  # "learned an important lesson from X that …": a noun's clause
                # ("says it is crucial that …": the words start with their own subject)
        while (after := self._adjunct_end(toks, c, e)) is not None:
            c = after  # "said on Tuesday the …", "said last week the …"
        return c

    def _time_phrase_end(self, toks: list[Token], c: int) -> int | None:
        """The index after a time phrase at c: 'yesterday', 'on Tuesday (evening)', 'on
        March 3', 'last week', 'earlier this month'; else None."""
        lx, n = self.lx, len(toks)
        t = toks[c]
        if t.low in lx.DATE_PREPOSITIONS and c + 1 < n:
            k = c + 1
            if not (toks[k].low in lx.WEEKDAYS or toks[k].low in lx.MONTHS or t.text[:1].isdigit()):
                return None
            while k < n and (
                toks[k].low in lx.WEEKDAYS
                or toks[k].low in lx.MONTHS
                or toks[k].low in lx.TIME_NOUNS
                or toks[k].text[:1].isdigit()
            ):
                k += 1
            return k
        if t.low in lx.TIME_DEICTIC and c + 1 < n:
            k = c + 1
            while (
                k < n
                and k - c <= 3
                and (
                    toks[k].low in lx.TIME_NOUNS
                    or toks[k].low in lx.TIME_DEICTIC
                    or toks[k].low in lx.WEEKDAYS
                    or toks[k].low in lx.MONTHS
                )
            ):
                k += 1
            return k if k > c + 1 else (c + 1 if t.low in lx.TIME_ADVERBS else None)
        if t.low in lx.TIME_ADVERBS:
            return c + 1
        return None

    def _place_phrase_end(self, toks: list[Token], c: int) -> int | None:
        """The index after 'in Lindby', 'in a statement', 'at a news conference' at c."""
        lx, n = self.lx, len(toks)
        if toks[c].low not in lx.PLACE_PREPOSITIONS or c + 1 >= n:
            return None
        k = c + 1
        if toks[k].cap and toks[k].low not in lx.DETERMINERS:
            while k < n and toks[k].cap and k - c <= 3:
                k += 1  # "in Lindby", "in New Castle"
            return k
        if toks[k].low not in lx.DETERMINERS:
            return None
        k += 1
        while k < n and k - c <= 4 and not toks[k].cap and toks[k].low not in lx.DETERMINERS:
            k += 1  # "in a statement", "at a news conference"
        return k if k - c <= 4 else None

    def _adjunct_end(self, toks: list[Token], c: int, e: int) -> int | None:
        """The index after a time or place adjunct at c that a clause follows (subject words,
        then a finite verb before the clause ends); else None."""
        if c >= len(toks):
            return None
        k = self._time_phrase_end(toks, c) or self._place_phrase_end(toks, c)
        if k is None or k >= len(toks) or "," in self._gap(toks[k - 1], toks[k]):
            return None
        nxt = toks[k]
        if nxt.low in self.lx.PREPOSITIONS - self.lx.THAT or nxt.low in self.lx.NO_CLAUSE_AFTER:
            return None
        if nxt.low in self.lx.THAT or self._finite_in(nxt.start, self.clause_end(e)):
            return k
        return None

    def _words_en(self, toks: list[Token], v: int, c: int, e: int) -> bool:
        """Are the words from c on a reported clause?"""
        lx = self.lx
        if c >= len(toks) or self.clause_end(e) - toks[c].start < 12:
            return False  # (words in quote marks count: "said patients were "caught …"")
        if toks[c].low in lx.NO_CLAUSE_AFTER:
            return False  # "describes as a retreat", "observed at the show": no clause
        if toks[c].low not in lx.THAT and not self._finite_in(toks[c].start, self.clause_end(e)):
            return False  # "tweeted support of X", "denied these allegations": an object
        # "learned the news from X": no report without "that"
        return not (toks[v].low in lx.THAT_ONLY and toks[c].low not in lx.THAT)

    def _coordinated_report(
        self, frame: Frame, toks: list[Token], c: int, v: int, s: int, e: int
    ) -> None:
        """English: the reported words end where a second report is joined: the same
        subject's next verb of saying ("theorized that A, and wrote that B": two segments)
        or another subject's ("have not said why A, but Y says B": a joined frame)."""
        lx = self.lx
        for k in range(c + 2, len(toks) - 2):
            x = toks[k]
            if x.low not in ("and", "but", "with", "while", "whereas"):
                continue
            nxt = toks[k + 1]
            if (
                x.low in ("and", "but")
                and (nxt.low in lx.SAY_VERBS or nxt.low in lx.SAY_AFTER_AND)
                and not nxt.cap
            ):
                second = self.english_before(toks, k + 1, s, e, subject_verb=v)
                if second is not None:
                    frame.segments = [(frame.start, toks[k - 1].end), (second.start, second.end)]
                    frame.end = second.end
                return
            if "," not in self._gap(toks[k - 1], x):
                continue
            for w in range(k + 2, min(k + 9, len(toks) - 2)):
                if "," in self._gap(toks[w - 1], toks[w]):
                    break
                if x.low == "with" and toks[w].low not in lx.SAY_ING:
                    continue  # "…, with the i reporting …": only a verb of saying in -ing
                if (toks[w].low in lx.SAY_VERBS or toks[w].low in lx.SAY_ING) and not toks[w].cap:
                    sub = self.english_before(toks[k + 1 :], w - k - 1, toks[k + 1].start, e)
                    if sub is not None and sub.speaker and self.speakerlike(sub.speaker):
                        frame.end = toks[k - 1].end
                        frame.joined = sub
                        return
                    break
        return

    def _finite_in(self, a: int, b: int) -> bool:
        """English: do the words in [a, b) hold a finite verb, roughly: an auxiliary, a
        modal or a form of 'be', a past tense, or an -s form after a noun (not after an
        article or quantifier: "these allegations")?"""
        lx = self.lx
        raw = re.findall(r"[\w'’]+", self.text[a:b])
        words = [w.lower() for w in raw]
        for n, w in enumerate(words):
            if n and raw[n][0].isupper() and raw[n] != "I":
                continue  # a name or a month ("in May", "Will Smith"), not a verb
            if w in lx.FINITE_WORDS or w.endswith(("n't", "n’t")):
                return True
            if not n:
                continue
            prev = words[n - 1]
            if (
                prev in lx.DETERMINERS
                or prev in lx.QUANTIFIERS
                or prev in lx.POSSESSIVES
                or prev in lx.COMMON_ADJECTIVES
                or prev == "to"  # an infinitive: "measures to cut traffic"
            ):
                continue
            if raw[n][0].isupper():
                continue  # a name ("Ahmed", "Jones"), not a verb
            if len(w) > 4 and w.endswith("ed") or w in lx.IRREGULAR_PAST:
                return True
            if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in lx.POSSESSIVES:
                return True
            if (  # a plural noun, then a present verb: "the results confirm …"
                n >= 2
                and len(prev) > 3
                and prev.endswith("s")
                and not prev.endswith("ss")
                and not raw[n - 1][0].isupper()  # a name ("his POTUS account", "USI's")
                and w.isalpha()
                and not w.endswith("ly")  # an adverb: "denied the allegations firmly"
                and w not in lx.STOP_CAPS
                and w not in lx.NP_LINKERS
                and w not in lx.FUNCTION_WORDS
            ):
                return True
        return False

    def reported_content(self, frame: Frame, toks: list[Token], e: int) -> Frame:
        """'UNICEF rief Russland auf, das Verbot nicht durchzusetzen' / 'Er äußerte sich
        dahingehend, das Gespräch sei gut verlaufen': a report verb whose content follows
        after a comma as a zu-infinitive or a Konjunktiv clause reports that clause."""
        lx = self.lx
        at = next((n for n, t in enumerate(toks) if t.text == frame.cue), None)
        if at is None:
            return frame
        c = next(
            (n for n in range(at + 1, len(toks)) if "," in self._gap(toks[n - 1], toks[n])), None
        )
        if c is None or len(toks) - c < 2:
            return frame
        clause = toks[c:]
        if toks[c].low in (lx.SUBORDINATORS - lx.THAT) or toks[c].low in lx.NOT_CONTENT:
            return frame  # "…, um …", "…, weil …", "…, und …": no content clause
        zu_inf = (
            any(self._zu_inf(x.low) for x in clause)
            or any(  # "…, zurückzutreten als X"
                x.low in lx.ZU for x in clause[-3:]
            )
        )
        if not zu_inf and not any(is_konjunktiv(x, lx) for x in clause):
            return frame
        return Frame(clause[0].start, self.clause_end(e), "indirect", frame.speaker, frame.cue)

    def reported_de(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A speech act told, not quoted: subject + report verb in second position
        ("Moskau fordert …"), or an auxiliary there and the participle at the end
        ("X hat … angekündigt")."""
        lx = self.lx
        if len(toks) < 3 or toks[0].low in lx.SUBORDINATORS and not self.als_noun(toks):
            return None
        reach = self._report_reach(toks)
        inserted = self._inserted_clause(toks)
        if inserted is not None:
            reach = max(reach, inserted[1] + 1)
        for v in range(1, min(len(toks), reach)):
            t = toks[v]
            if t.cap or inserted is not None and inserted[0] <= v < inserted[1]:
                continue
            if v + 1 < len(toks) and toks[v + 1].cap and self._attributive(toks, v):
                continue  # "eine oft beklagte Lücke": an adjective, not the finite verb
            cue = self._report_cue(toks, v, english=False)
            if cue is None:
                continue
            if self._no_speech_act(toks, v, cue):
                return None
            return self._reported_frame(toks, s, e, v, cue, self.subject(toks, v, e))
        return None

    def reported_en(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A speech act told, not quoted: "The ministry denied the claims", "The association
        has threatened …"."""
        lx = self.lx
        if len(toks) < 3 or toks[0].low in lx.SUBORDINATORS and not self.als_noun(toks):
            return None
        for v in range(1, min(len(toks), self._report_reach(toks))):
            if toks[v].cap:
                continue
            cue = self._report_cue(toks, v, english=True)
            if cue is None:
                continue
            if self._no_speech_act(toks, v, cue):
                return None
            sp = self._subject_before_en(toks, v)
            at = next((n for n, x in enumerate(toks) if sp and x.start == sp[0]), 0)
            if at and toks[at - 1].low in lx.NOT_REPORT_RELATIVES:
                return None  # "The case on which the Court has ruled was …": a relative
            if sp is not None and self.text[sp[0] : sp[1]].lower() in lx.REPORTING_PRONOUNS:
                return Frame(s, e, "reported", sp, cue.text)  # "It also warned against …"
            return self._reported_frame(toks, s, e, v, cue, sp)
        return None

    def _report_reach(self, toks: list[Token]) -> int:
        if not self.lx.AFFILIATION.isdisjoint([t.low for t in toks[2 : self.lx.REPORT_REACH]]):
            return 13  # "Die Ökonomin X vom Zentrum für Y warnte": a long subject
        return self.lx.REPORT_REACH

    def _report_cue(self, toks: list[Token], v: int, english: bool) -> Token | None:
        """The report verb when token v is the finite verb of a report: the verb itself, or
        the participle at the end (or, in English, right after) an auxiliary at v."""
        lx, t, last = self.lx, toks[v], toks[-1]
        if t.low in lx.AUXILIARIES and last.low in lx.REPORT_VERBS and len(toks) > v + 2:
            return last
        if (
            english
            and t.low in lx.AUXILIARIES
            and v + 1 < len(toks)
            and toks[v + 1].low in lx.REPORT_VERBS
        ):
            return toks[v + 1]  # "The association has threatened …"
        if (
            t.low in lx.REPORT_VERBS
            and self.particle_ok(t, toks[v + 1 :])
            and not (english and t.low.endswith("ing"))
        ):  # an English -ing form is no finite verb: "started with attacking style"
            return t
        return None

    def _no_speech_act(self, toks: list[Token], v: int, cue: Token) -> bool:
        """A report verb that reports no words here."""
        lx = self.lx
        if (
            cue is toks[v]
            and cue.low in lx.NOT_REFLEXIVE
            and any(x.low in lx.REFLEXIVE for x in toks[v + 1 : v + 3])
        ):
            return True  # "sieht sich mit einem Verbot konfrontiert": no opinion voiced
        unwanted = lx.REPORT_NOT_PARTICLES.get(cue.low)
        if unwanted and unwanted & self._clause_particles(toks, v):
            return True  # "stellte das Programm vor", "sieht … vor": no words reported
        if cue.low in lx.SENTENCE_VERBS and any(x.low in lx.SENTENCE_MARKERS for x in toks):
            return True  # "wurde zu drei Jahren Haft verurteilt": a court's sentence
        return self._negated_main(toks, v)  # "gab die Behörde nicht bekannt": no speech act

    def _subject_before_en(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        lx = self.lx
        lo = self._lead(toks)
        for k in range(v - 1, lo, -1):  # "In a statement, he warned of …"
            if "," in self._gap(toks[k - 1], toks[k]):
                lo = k
                break
        w = v
        while w > lo + 1 and toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB:
            w -= 1  # "It also warned …"
        return np_before(self.text, toks, lo, w, lx)

    def _reported_frame(
        self,
        toks: list[Token],
        s: int,
        e: int,
        v: int,
        cue: Token,
        sp: tuple[int, int] | None,
    ) -> Frame | None:
        """The reported frame once its verb and subject are known: a subject that can speak
        (or a short name before a strong verb: "Tesla fordert …"), else a passive's agent."""
        lx, t = self.lx, toks[v]
        if sp is not None and self.speakerlike(sp):
            return Frame(s, e, "reported", sp, cue.text)
        if (
            sp is not None
            and cue is t
            and t.low in lx.STRONG_REPORT
            and self.text[sp[0]].isupper()
            and len(self.text[sp[0] : sp[1]].split()) <= 4
        ):
            return Frame(s, e, "reported", sp, cue.text)  # "Tesla fordert …": a name
        if t.low in lx.PASSIVE_AUX and toks[-1].low in lx.REPORT_VERBS:
            # "… wurde von X als falsch bezeichnet": X speaks. Without an agent
            # ("Es wurden Konsequenzen gefordert", "X wurde zu Haft verurteilt",
            # "Tote werden befürchtet") the sentence tells of no one's speech act.
            agent = self.agent(toks, v)
            if agent is None and cue.low not in lx.STATED_PASSIVE:
                return None  # "Als Ursache wurde X genannt" still states a finding
            return Frame(s, e, "reported", agent, cue.text)
        return None

    def _attributive(self, toks: list[Token], v: int) -> bool:
        """A German participle or adjective between an article and its noun ("eine oft
        beklagte Lücke", "die geforderten Summen")."""
        if v + 1 >= len(toks) or not toks[v + 1].cap:
            return False
        if not toks[v].low.endswith(self.lx.INFLECTED_ENDINGS):
            return False
        det = self.lx.DETERMINERS
        return toks[v - 1].low in det or (v >= 2 and toks[v - 2].low in det and not toks[v - 1].cap)

    def _clause_particles(self, toks: list[Token], v: int) -> set[str]:
        """Words after the verb at ``v`` that end a clause (before a comma, a colon or the
        end), where a separable particle stands ("stellte X, Leiter, am Montag vor")."""
        return {
            toks[n].low
            for n in range(v + 1, len(toks))
            if n + 1 == len(toks) or any(c in self._gap(toks[n], toks[n + 1]) for c in ",:;")
        }

    def als_noun(self, toks: list[Token]) -> bool:
        """'Als Grund nannte X …': 'als' before a bare noun opens a phrase, not a clause."""
        lx = self.lx
        if not lx.AS_NOUN_OPENER or toks[0].low != lx.AS_NOUN_OPENER or not toks[1].cap:
            return False
        inner = lx.DETERMINERS | lx.NP_PREPOSITIONS
        for t in toks[2:9]:  # the first word past the phrase is the finite verb
            if not (t.cap or t.low in inner):
                return t.low in lx.REPORT_VERBS or t.low in lx.PASSIVE_AUX
        return False

    def _inserted_clause(self, toks: list[Token]) -> tuple[int, int] | None:
        """(first, end) token indexes of a relative clause or an apposition set off by
        commas inside the subject ("Die Stadt X, die am Flughafen beteiligt ist, erwog …",
        "Der Vorsitzende, Jean Mignon, bezeichnete …"); the finite verb follows it."""
        lx = self.lx
        c1 = next(iter(self._commas(toks, 1, min(len(toks), 9))), None)
        if c1 is None or not toks[c1 - 1].cap:
            return None
        if not (toks[c1].low in lx.RELATIVES or toks[c1].cap or toks[c1].low in lx.DETERMINERS):
            return None
        c2 = next(iter(self._commas(toks, c1 + 1, min(len(toks), c1 + 15))), None)
        if c2 is None or not (toks[c2].low in lx.REPORT_VERBS or toks[c2].low in lx.AUXILIARIES):
            return None  # "A, B und C werden aufgefordert, …": a list, not an insertion
        return c1, c2

    def not_a_report(self, frame: Frame, toks: list[Token], s: int, e: int) -> bool:
        """A speech act told without its own content is no quotation when the sentence
        quotes the words themselves: a colon opens a direct quote ("X äußerte sich
        zufrieden: „…“") or what follows it, or a naming verb's label stands in marks ("X nannte den Plan
        „Wortbruch“"): the marked words are the quotation, the rest is its frame. Nor is a
        reflexive 'äußerte sich (zu X)' with no content of its own, nor 'X bestätigte dies',
        whose content is the sentence before."""
        lx = self.lx
        span = self.text[s:e]
        cue = (frame.cue or "").lower()
        if re.search(r":\s*[„“\"»«]", span) or span.rstrip().endswith(":"):
            return True  # the colon opens the words themselves (or a list of them)
        if re.search(r",\s*[„“\"»«][^„“\"»«]{12,}[“”\"«»][.!?]?\s*$", span):
            return True  # "X rät dazu, „…“": the marked words closing the sentence are the content
        if cue in lx.NAMING_VERBS and any(c in span for c in '„“"»«'):
            return True
        if cue in lx.REFLEXIVE_ONLY and any(t.low in lx.REFLEXIVE for t in toks):
            return True
        at = next((n for n, t in enumerate(toks) if t.text == frame.cue), None)
        back = lx.PLUPERFECT_AUX
        if at is not None and any(t.low in back for t in toks[:at][:9]):
            return True  # "X hatte zuvor Y kritisiert": background to the news, not its words
        demonstratives = lx.DEMONSTRATIVE_OBJECTS
        for n in range(at + 1, min(len(toks), at + 3)) if at is not None else ():
            if toks[n].low in demonstratives and (n + 1 == len(toks) or not toks[n + 1].cap):
                return True  # "X bestätigte dies": what X confirmed was told before
        return False


FRAME_BEFORE = {"de": FrameFinder.frame_before_de, "en": FrameFinder.frame_before_en}
