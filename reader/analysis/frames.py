"""The clause tools the frame rules share: the English reported clause ("X said (that) …"
and its adjuncts), a report inside reported words, first-person opinions in quotes, the agent
of a passive, where reported content ends, and whether a relative clause is only descriptive.

The frame finders themselves live with their rules, one module per family in rules/ (say.py,
content.py, reported.py); they are functions of this FrameFinder (``fr``) and the words.
"""

from __future__ import annotations

import re

from .clauses import Frame, is_konjunktiv
from .sources import SourceRules
from .speakers import np_after, np_before
from .tokens import Token

__all__ = ["Frame", "FrameFinder", "is_konjunktiv"]


class FrameFinder(SourceRules):
    """The clause tools over one text that the frame finders in rules/ call."""

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
        if "," not in self.gap(prev, rel):
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
            is_konjunktiv(x, self.lx) or self.zu_inf(x.low) or x.low in self.lx.ZU for x in clause
        )

    def negated_main(self, toks: list[Token], v: int) -> bool:
        """A negation in the main clause (German: before the first comma; English: before
        the verb, "did not confirm") of a report."""
        for k, t in enumerate(toks if self.lx.VERB_FINAL_CLAUSES else toks[:v]):
            if k and "," in self.gap(toks[k - 1], t):
                return False
            if t.low in self.lx.NEGATIONS:
                return True
        return False

    def agent(self, toks: list[Token], v: int, labelled: bool = False) -> tuple[int, int] | None:
        """The agent of a passive after the auxiliary at ``v`` ("von Minister X"); with
        ``labelled`` (the passive labels words in marks: "von Kennern als „…“ bezeichnet")
        any noun phrase there, as no list knows every group that can speak."""
        lx = self.lx
        for k in range(v + 1, len(toks) - 2):
            if toks[k].low in lx.AGENT_PREPOSITIONS:
                sp = np_after(self.text, toks, k + 1, lx, toks[-1].start)
                if sp is not None and (labelled or self.speakerlike(sp)):
                    return sp
        return None

    def document_place(self, toks: list[Token], e: int) -> tuple[int, int] | None:
        """The document a sentence names as where it says something ("im Bericht", "in einer
        Pressemitteilung der Organisation"), else None."""
        lx = self.lx
        if not lx.DOCUMENT_PLACES or lx.DOCUMENT_PLACES.isdisjoint(t.low for t in toks):
            return None
        for k, t in enumerate(toks[:-2]):
            if t.low not in lx.DOCUMENT_PLACES:
                continue
            sp = np_after(self.text, toks, k + 1, lx, e)
            head = next((x for x in toks[k + 1 : k + 4] if x.cap or "-" in x.text), None)
            if sp is not None and head is not None and head.low.endswith(lx.DOCUMENT_NOUNS):
                return sp
        return None

    def not_a_subject(self, sp: tuple[int, int]) -> bool:
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

    def content_end(self, clause: list[Token], e: int) -> int:
        """Reported content ends where a new main clause of the reporter begins after a
        comma ("er sei unschuldig, erkannte das Gericht nicht an")."""
        lx = self.lx
        for n in range(1, len(clause)):
            x = clause[n]
            if "," not in self.gap(clause[n - 1], x) or x.cap or x.low in lx.CLAUSE_GLUE:
                continue
            if x.low in lx.THAT or x.low in lx.RELATIVES or is_konjunktiv(x, lx):
                continue
            if lx.PAST_ENDINGS and x.low.endswith(lx.PAST_ENDINGS) and n + 1 < len(clause):
                return clause[n - 1].end  # a past-tense verb opens the reporter's clause
        return self.clause_end(e)

    def es_source(self, toks: list[Token], k: int, e: int) -> tuple[int, int]:
        """Where 'es heißt': the phrase after 'in'/'aus'/'von'/'bei', else 'es' itself."""
        if k + 1 < len(toks) and toks[k + 1].low in self.lx.ES_SOURCE_PREPOSITIONS:
            sp = np_after(self.text, toks, k + 2, self.lx, e)
            if sp:
                return self.author_of(toks, sp)
        return (toks[k].start, toks[k].end)

    def own_clause_head(self, toks: list[Token], v: int) -> int | None:
        """Index of the relative pronoun that opens the clause of the verb at ``v`` after a
        comma ("…, der alle aufforderte"), else None. Only for German verb-final clauses."""
        if not self.lx.VERB_FINAL_CLAUSES:
            return None
        for k in range(v, 0, -1):
            if "," in self.gap(toks[k - 1], toks[k]):
                if (
                    toks[k].low in self.lx.RELATIVES
                    and toks[k].low not in self.lx.NOT_RELATIVE_HEADS
                ):
                    return k
                return None
        return None

    def comma_after(self, toks: list[Token], c: int) -> int:
        """Index of the last word before the next comma from ``c`` (or of the last word)."""
        n = c
        while n + 1 < len(toks) and "," not in self.gap(toks[n], toks[n + 1]):
            n += 1
        return n

    def noun_content_end(self, clause: list[Token], e: int) -> int:
        """A 'dass' or Konjunktiv clause runs on over commas ("…, da …", "…, wodurch …")
        until the main clause of the sentence resumes with a finite verb ("…, blieben
        erfolglos", "…, wurde abgelehnt")."""
        lx = self.lx
        for n in range(1, len(clause)):
            x = clause[n]
            if "," not in self.gap(clause[n - 1], x) or x.cap or x.low in lx.CLAUSE_GLUE:
                continue
            if x.low in lx.THAT or x.low in lx.RELATIVES or is_konjunktiv(x, lx):
                continue
            if x.low in lx.DETERMINERS or x.low in lx.SUBORDINATORS or self.zu_inf(x.low):
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

    def coordinated_say(self, toks: list[Token], v: int) -> int | None:
        """The index of a verb of saying joined by 'and' a few words after the verb at v."""
        for k in range(v + 1, min(v + 7, len(toks) - 1)):
            if toks[k].low in self.lx.AND and toks[k + 1].low in self.lx.SAY_VERBS:
                return k + 1
            if "," in self.gap(toks[k - 1], toks[k]):
                return None
        return None

    def _that_after_adjunct(self, toks: list[Token], v: int) -> bool:
        """'announced on Friday that …', 'stated to the paper that …': a short adjunct of
        time or addressee, then the that-clause."""
        if toks[v + 1].low not in ("on", "to", "in"):
            return False
        for k in range(v + 2, min(v + 7, len(toks))):
            if "," in self.gap(toks[k - 1], toks[k]):
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
        lo = self.lead(toks)
        if toks[lo].low in lx.ADVERBIAL_OPENERS or toks[lo].low.endswith(lx.ING_ENDING):
            # "Citing privacy rules, officials said …": the subject follows the opener's comma
            lo = next((k for k in range(lo + 1, w) if "," in self.gap(toks[k - 1], toks[k])), lo)
        return np_before(self.text, toks, lo, w, lx) or self._named_apposition(toks, lo, w)

    def _named_apposition(self, toks: list[Token], lo: int, w: int) -> tuple[int, int] | None:
        """'Professor Cres Eastman, chairman of the Centre for X, says …': a name (capitalised
        words), then an apposition between commas, then the verb at w."""
        if w - lo < 4 or "," not in self.gap(toks[w - 1], toks[w]):
            return None
        k = next((n for n in range(lo + 1, w) if "," in self.gap(toks[n - 1], toks[n])), None)
        if k is None or k - lo > 5 or not all(t.cap for t in toks[lo:k]):
            return None
        return toks[lo].start, toks[w - 1].end

    def _commas_between(self, toks: list[Token], a: int, b: int) -> bool:
        return any("," in self.gap(toks[k - 1], toks[k]) for k in range(a + 1, b))

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
        if k is None or k >= len(toks) or "," in self.gap(toks[k - 1], toks[k]):
            return None
        nxt = toks[k]
        if nxt.low in self.lx.PREPOSITIONS - self.lx.THAT or nxt.low in self.lx.NO_CLAUSE_AFTER:
            return None
        if nxt.low in self.lx.THAT or self.finite_in(nxt.start, self.clause_end(e)):
            return k
        return None

    def _words_en(self, toks: list[Token], v: int, c: int, e: int) -> bool:
        """Are the words from c on a reported clause?"""
        lx = self.lx
        if c >= len(toks) or self.clause_end(e) - toks[c].start < 12:
            return False  # (words in quote marks count: "said patients were "caught …"")
        if toks[c].low in lx.NO_CLAUSE_AFTER:
            return False  # "describes as a retreat", "observed at the show": no clause
        if c == v + 1 and toks[c].low in lx.PAST_ONLY:
            return False  # "the people X observed took out …": the verb is in a relative clause
        if toks[c].low not in lx.THAT and not self.finite_in(toks[c].start, self.clause_end(e)):
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
            if "," not in self.gap(toks[k - 1], x):
                continue
            for w in range(k + 2, min(k + 9, len(toks) - 2)):
                if "," in self.gap(toks[w - 1], toks[w]):
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

    def finite_in(self, a: int, b: int) -> bool:
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
            if w in lx.QUANTIFIERS or (
                n >= 2 and prev.endswith("ed") and words[n - 2] in lx.QUANTIFIERS | lx.DETERMINERS
            ):
                continue  # "and various …"; "numerous bloodied bodies": an adjective, then the noun
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
