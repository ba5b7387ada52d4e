"""Source phrases: "laut X", "nach Angaben von X", "X zufolge", "according to X", and
"Wie X mitteilte, …" - the words around the phrase are the quote."""

from __future__ import annotations

from .clauses import ClauseTools, Frame, is_konjunktiv
from .marks import QUOTE_MARKS
from .speakers import np_after
from .tokens import Token, union


class SourceRules(ClauseTools):
    """The source-phrase rules, mixed into FrameFinder."""

    # "laut X", "nach Angaben von X", "X zufolge", "according to X", "Wie X mitteilte, …"
    def source_phrase(self, toks: list[Token], s: int, e: int) -> Frame | None:
        """A source phrase: the words around it are the quote, split in two segments when
        the phrase stands in the middle ("Der Betrag wird laut X nicht reichen")."""
        triggers = self.source_triggers
        if triggers.isdisjoint([t.low for t in toks]):
            return None
        for i, t in enumerate(toks):
            if t.low not in triggers:
                continue
            found = self.source_at_phrase(toks, i, e)
            if found is None:
                continue
            ph_start, ph_end, sp = found
            segs = self._source_segments(toks, s, e, ph_start, ph_end)
            if not segs:
                return None
            f = Frame(segs[0][0], segs[-1][1], "indirect", sp, t.text)
            f.segments, f.source_at = segs, ph_start
            return f
        return None

    def _source_segments(
        self, toks: list[Token], s: int, e: int, ph_start: int, ph_end: int
    ) -> list[tuple[int, int]]:
        """The words before and after the source phrase [ph_start, ph_end) that it sources."""
        lx = self.lx
        segs = []
        before = [x for x in toks if x.end <= ph_start]
        after = [x for x in toks if x.start >= ph_end]
        relative = False
        if before:
            start, relative = self._source_clause_start(before, s)
            if before[-1].low in lx.SOURCE_RELATIVES and after:
                relative = True  # "… boats which, according to AFP, the UN criticised":
            else:  # the source speaks for the relative clause after it only
                segs.append((start, self._through_marks(before[-1].end, ph_start)))
        if before and after and self._apposition(after):
            after = []  # "…, according to Jane Roe, curator of the exhibit."
        if after:  # "… ist nach Angaben der Polizei unklar": one word is the rest
            end = self.clause_end(e)
            if relative:  # inside a relative clause: it ends at its comma
                for n in range(1, len(after)):
                    if "," in self.gap(after[n - 1], after[n]):
                        end = after[n - 1].end
                        break
            segs.append((after[0].start, end))
        return segs

    def _through_marks(self, end: int, ph_start: int) -> int:
        """The words before the phrase run on through words in quotation marks that end
        there ('The plan was "dead on arrival," according to X': the mixed quote is whole)."""
        gap = self.text[end:ph_start].rstrip(" ,;")
        opening = gap.lstrip(" ,")[:1]
        if opening and opening in QUOTE_MARKS and gap[-1:] in QUOTE_MARKS:
            return end + len(gap)
        return end

    def _source_clause_start(self, before: list[Token], s: int) -> tuple[int, bool]:
        """Where the source's own clause opens before the phrase, and whether it is a
        relative clause: at the last comma before it ("…, das nach Angaben X" (a relative
        clause), "…, unter denen nach X", "…, jedoch ist laut X unklar")."""
        lx = self.lx
        if not lx.SOURCE_CLAUSE_ANY_COMMA:
            return s, False
        for n in range(len(before) - 1, 0, -1):
            if "," not in self.gap(before[n - 1], before[n]):
                continue
            relative = before[n].low in lx.RELATIVES or (
                n + 1 < len(before)
                and before[n].low in lx.NP_PREPOSITIONS
                and before[n + 1].low in lx.RELATIVES
            )
            if (
                relative
                or before[n].low in lx.CONTRAST_OPENERS
                or before[n].low in lx.SUBORDINATORS
                or before[n].low in lx.THAT
            ):  # "…, da nach Angaben X die Genehmigung …": the clause opens at "da"
                return before[n].start, relative
            return s, relative
        return s, False

    def source_at_phrase(
        self, toks: list[Token], i: int, e: int
    ) -> tuple[int, int, tuple[int, int]] | None:
        """(phrase start, phrase end, speaker span) when token ``i`` opens a source phrase."""
        lx, t = self.lx, toks[i]
        if t.low == lx.ACCORDING and i + 2 < len(toks):
            return self._according(toks, i)
        if t.low in lx.IT_SAYS_VERBS:
            return self.it_says(toks, i)
        if t.low in lx.SOURCE_BEFORE:
            return self._source_before(toks, i, e)
        if t.low == lx.SOURCE_NACH:
            return self._nach(toks, i, e)
        if t.low == lx.VIEW_FROM and i + 2 < len(toks):
            return self._view_from(toks, i, e)
        if t.low in lx.MID_SOURCE and i >= 2 and i + 1 < len(toks):
            if any(is_konjunktiv(x, lx) for x in toks):
                return None  # "X sei demnach …": the Konjunktiv sentence goes on reporting
            return t.start, t.end, (t.start, t.end)  # "X wird sich demnach …": the last source
        zu_folge = t.low == lx.FOLGE and i >= 2 and toks[i - 1].low in lx.ZU  # "Berichten zu Folge"
        if (t.low in lx.SOURCE_AFTER or zu_folge) and i:
            return self._source_after(toks, i - 2 if zu_folge else i - 1, t)
        lead = i == 1 and toks[0].low in lx.LEAD_CONJUNCTIONS
        if (i == 0 or lead) and t.low in lx.AS_WORDS:  # "Denn wie X berichtete, …"
            return self._as_source(toks, i)
        return None

    def it_says(self, toks: list[Token], i: int) -> tuple[int, int, tuple[int, int]] | None:
        """'In dem Bericht heißt es, …' / 'So hieß es in einer Erklärung: „…“': the place
        after the preposition (before the verb, opening the sentence, or after 'es') is the
        source; the phrase runs from the sentence's start or the verb to the place's end."""
        lx = self.lx
        if i + 1 >= len(toks) or toks[i + 1].low not in lx.EMPTY_SUBJECTS:
            return None
        if i >= 2 and toks[0].low in lx.IT_SAYS_PREPOSITIONS:
            k = next((n for n in range(2, i) if "," in self.gap(toks[n - 1], toks[n])), i)
            end = i + 1
            while end + 1 < len(toks) and toks[end + 1].low in lx.IT_SAYS_FILLERS:
                end += 1  # "In dem Bericht heißt es wörtlich: …"
            return toks[0].start, toks[end].end, (toks[1].start, toks[k - 1].end)
        j = i + 2
        while j < len(toks) and toks[j].low in lx.IT_SAYS_FILLERS:
            j += 1
        if j + 1 >= len(toks) or toks[j].low not in lx.IT_SAYS_PREPOSITIONS:
            return None
        if any(
            not (x.low in lx.ADVERBIAL_OPENERS or x.low in lx.IT_SAYS_FILLERS) for x in toks[:i]
        ):
            return None  # "…, heißt es in X": the words before are the report (frame_after)
        k = j + 1
        while (
            k < len(toks)
            and toks[k].low not in lx.IT_SAYS_FILLERS
            and not any(p in self.gap(toks[k - 1], toks[k]) for p in ",:")
        ):
            k += 1
        end = k
        while end < len(toks) and toks[end].low in lx.IT_SAYS_FILLERS:
            end += 1  # "So heißt es in dem Schreiben wörtlich: …"
        return toks[0].start, toks[end - 1].end, (toks[j + 1].start, toks[k - 1].end)

    def _according(self, toks: list[Token], i: int) -> tuple[int, int, tuple[int, int]]:
        """'according to X': the phrase runs to its comma (at most nine words)."""
        k = i + 2
        while k + 1 < len(toks) and "," not in self.gap(toks[k], toks[k + 1]) and k - i < 9:
            k += 1
        return toks[i].start, toks[k].end, (toks[i + 2].start, toks[k].end)

    def _source_before(
        self, toks: list[Token], i: int, e: int
    ) -> tuple[int, int, tuple[int, int]] | None:
        """'laut X', 'zufolge' before its noun."""
        lx, t, text = self.lx, toks[i], self.text
        if t.low in lx.BECAME_PUBLIC and (i + 1 == len(toks) or "," in self.gap(t, toks[i + 1])):
            return None  # "Vorwürfe wurden laut, …": loud, not "according to"
        after = i + 2 if t.low == lx.ACCORDING else i + 1
        k = after
        while k < len(toks) and (
            toks[k].low in lx.DETERMINERS or toks[k].low in lx.OWN_POSSESSIVES
        ):
            k += 1
        sp = np_after(text, toks, after, lx, e) or np_after(text, toks, k, lx, e)
        if sp is None:
            sp = self._marked_name(t.end)
            return (t.start, sp[1], sp) if sp else None
        speaker = (toks[after].start if after < len(toks) else sp[0], sp[1])
        return t.start, sp[1], self.author_of(toks, speaker)

    def _nach(self, toks: list[Token], i: int, e: int) -> tuple[int, int, tuple[int, int]] | None:
        """'seiner Meinung nach', 'nach Angaben von X', 'nach Grupps Meinung'."""
        lx, t, text = self.lx, toks[i], self.text
        ahead = toks[i + 1] if i + 1 < len(toks) else None
        preposition = (  # "… das Polizeigesetz nach Meinung der SPD": 'nach' opens a phrase
            ahead is not None
            and (ahead.cap or ahead.low in lx.DETERMINERS)
            and "," not in self.gap(t, ahead)
            and not (i >= 2 and toks[i - 2].low in lx.POSSESSIVES)  # ("ihrer Meinung nach der …")
        )
        if i >= 1 and toks[i - 1].low.endswith(tuple(lx.SOURCE_NOUNS)) and not preposition:
            k = i - 1  # "seiner Meinung nach"
            if k and toks[k - 1].low in lx.DETERMINERS | lx.POSSESSIVES:
                k -= 1
            return toks[k].start, t.end, (toks[k].start, toks[i - 1].end)
        if i and toks[i - 1].low in lx.TIME_BEFORE_NACH:
            return None  # "sechs Tage nach der Veröffentlichung": after, not according to
        if i + 1 >= len(toks):
            return None
        k = i + 1
        while k < len(toks) and k - i <= 3 and not toks[k].cap:
            k += 1  # nach eigenen / ersten / einer …
        if k + 1 < len(toks) and toks[k].low.endswith("s") and toks[k + 1].cap:
            k += 1  # nach Grupps Meinung
        if k >= len(toks):
            return None
        with_source = k + 1 < len(toks) and toks[k + 1].low in lx.OF_SPEAKER
        noun = toks[k].low
        if noun.endswith(lx.COUNT_NOUNS) and noun not in lx.COUNT_NOUNS and not with_source:
            return None  # "Statt allein nach Fallzahlen …": a criterion, not a source
        if not toks[k].low.endswith(tuple(lx.SOURCE_NOUNS)) and not (
            with_source and toks[k].low.endswith(tuple(lx.SOURCE_NOUNS_WITH_SOURCE))
        ):
            return None  # "nach den Ermittlungen des Richters", not "nach Ermittlungen"
        end = toks[k].end
        if k + 1 < len(toks) and toks[k + 1].low in lx.SOURCE_OF:
            sub = np_after(text, toks, k + 1, lx, e) or np_after(text, toks, k + 2, lx, e)
            if sub:
                end = sub[1]
        return t.start, end, (toks[k].start, end)

    def _view_from(
        self, toks: list[Token], i: int, e: int
    ) -> tuple[int, int, tuple[int, int]] | None:
        """'aus Sicht der Organisationen', 'aus Belegschaftssicht'."""
        lx, t, nxt = self.lx, toks[i], toks[i + 1]
        if nxt.low == lx.VIEW_NOUN and toks[i + 2].low in lx.OF_SPEAKER:
            sp = np_after(self.text, toks, i + 3, lx, e)  # "aus Sicht der Organisationen"
            if sp is not None:
                return t.start, sp[1], (nxt.start, sp[1])
        elif nxt.cap and nxt.low.endswith(lx.VIEW_NOUN) and len(nxt.low) > 7:
            return t.start, nxt.end, (nxt.start, nxt.end)  # "aus Belegschaftssicht"
        return None

    def _source_after(
        self, toks: list[Token], k: int, t: Token
    ) -> tuple[int, int, tuple[int, int]]:
        """'X zufolge', 'Berichten zu Folge': the noun phrase before the word."""
        lx = self.lx
        i = k + 1
        while k > 0 and (i - k < 6) and "," not in self.gap(toks[k - 1], toks[k]):
            w, w2 = toks[k - 1], toks[k - 2] if k >= 2 else None
            after_noun = (  # "X gewinnen Berichten zufolge": after a noun a lower-case
                w2 is not None  # word is the verb, not an adjective
                and w2.cap
                and w2.low not in lx.DETERMINERS
                and not w2.low.endswith(tuple(lx.SOURCE_NOUNS))
            )
            if not (
                w.cap
                or w.low in lx.DETERMINERS
                or w.low.endswith(lx.SOURCE_NP_ENDINGS)
                and not after_noun  # "Dem polnischen …"
                or w.low in lx.FROM_DATE  # "Angaben vom Mittwoch zufolge"
                and w2 is not None
                and w2.cap
            ):
                break
            k -= 1
        return toks[k].start, t.end, (toks[k].start, toks[i - 1].end)  # (t: zufolge)

    def _as_source(self, toks: list[Token], o: int) -> tuple[int, int, tuple[int, int]] | None:
        """'Wie X mitteilte, …', 'As X told the BBC, …': the fronted clause is the source."""
        lx = self.lx
        verbs = union(lx.SAY_VERBS, lx.WIE_VERBS)
        for v in range(o + 2, min(len(toks) - 1, o + 16)):
            if toks[v].low not in verbs or toks[v].cap:
                continue
            w = self._as_clause_end(toks, v)
            if w is None:
                continue
            sp = self._as_speaker(toks, o, v, w)
            if sp is None:
                return None  # "Wie schon die WHO sagte, …"
            return (toks[0].start, toks[w].end, sp)
        return None

    def _as_clause_end(self, toks: list[Token], v: int) -> int | None:
        """The last token of the as-clause whose verb is at v (before its comma)."""
        w = v  # "Wie X bekanntgegeben hat, …", "Wie berichtet wird, …"
        while w + 1 < len(toks) and w - v < 2 and toks[w + 1].low in self.lx.WIE_AUX:
            if "," in self.gap(toks[w], toks[w + 1]):
                break
            w += 1
        if w + 1 >= len(toks) or "," not in self.gap(toks[w], toks[w + 1]):
            if not self._object_then_comma(toks, v):
                return None
            while "," not in self.gap(toks[w], toks[w + 1]):
                w += 1  # "As X told the BBC, …": the phrase runs to its comma
        return w

    def _as_speaker(self, toks: list[Token], o: int, v: int, w: int) -> tuple[int, int] | None:
        lx, text = self.lx, self.text
        stop = toks[v].start
        if toks[o + 1].low in lx.EXPLETIVE and lx.LOOSE_AS_SOURCE:
            return (toks[o + 1].start, toks[o + 1].end)  # "Wie es hieß, …": nobody named
        agent = next((k for k in range(o + 1, v - 1) if toks[k].low in lx.AGENT_PREPOSITIONS), None)
        if agent is not None and w > v and lx.LOOSE_AS_SOURCE:
            # "Wie der Zeitung von der Gruppe berichtet wird, …": the agent, not the addressee
            sp = np_after(text, toks, agent + 1, lx, stop)
            if sp is not None:
                return sp
        if toks[o + 1].low in lx.REFLEXIVE and toks[o + 2].low in lx.SICH_PREPOSITIONS:
            sp = np_after(text, toks, o + 3, lx, stop) or np_after(text, toks, o + 4, lx, stop)
        else:
            sp = np_after(text, toks, o + 1, lx, stop) or np_after(text, toks, o + 2, lx, stop)
        if sp is None and lx.LOOSE_AS_SOURCE:
            sp = self._marked_name(toks[o].end)
            if sp is None and w > v:  # "Wie gestern bekannt wurde, …": a passive
                sp = (toks[w].start, toks[w].end)
            elif sp is None and v > o + 1 and text[toks[o + 1].start].isalpha():
                sp = (toks[o + 1].start, toks[v - 1].end)  # "Wie t-online.de berichtet"
        return sp

    def _object_then_comma(self, toks: list[Token], v: int) -> bool:
        """English 'As X told The Huffington Post, …': a short capitalised object, then the
        comma."""
        if not self.lx.AS_TOLD_OBJECT:
            return False
        for k in range(v + 1, min(v + 5, len(toks) - 1)):
            if not (toks[k].cap or toks[k].low in self.lx.DETERMINERS):
                return False
            if "," in self.gap(toks[k], toks[k + 1]):
                return True
        return False

    def _apposition(self, after: list[Token]) -> bool:
        """English: words after "according to X," that describe X ("a spokeswoman for Y",
        "assistant professor of Z") and run to the sentence end, rather than go on with the
        reported clause ("…, according to X, were donated …")."""
        lx = self.lx
        if not lx.APPOSITION_OPENERS or not after:
            return False
        if after[0].low in lx.APPOSITION_OPENERS:
            return True
        if len(after) > 2 and not after[0].cap and after[1].low in lx.APPOSITION_LINKS:
            return True  # "curator of the exhibit", "head of research at Y"
        return any(x.low in self.lx.ROLE_SUFFIXES for x in after[:3])

    def _marked_name(self, pos: int) -> tuple[int, int] | None:
        """The span of a name in quote marks right after ``pos`` ('laut „Welt“')."""
        text = self.text
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if pos < len(text) and text[pos] in '„“"»«':
            close = next(
                (j for j in range(pos + 1, min(len(text), pos + 60)) if text[j] in '“”"«»'), None
            )
            if close:
                return (pos, close + 1)
        return None
