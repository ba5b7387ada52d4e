"""One pass over a text: marks, sentences, actors, then quotes sentence by sentence.

The last speaker is carried from sentence to sentence so that unframed direct quotes and
Konjunktiv sentences continue the person who was last quoted.
"""

from __future__ import annotations

import bisect
from itertools import compress

from .actors import ActorFinder
from .attribution import (
    agentless_passive,
    holder_frame,
    indicative_head,
    named_sayer,
    no_one,
    own_head,
)
from .cues import Cues
from .direct import classify_direct, sentence_subject
from .frames import Frame, FrameFinder, is_konjunktiv
from .marks import MarkSpan, find_mark_spans
from .models import Analysis, Quote
from .relay import relay
from .sentences import split_sentences
from .speakers import Speaker, SpeakerResolver, np_after, trim_auxiliaries
from .tokens import Token, cues, tokenize

_CONTINUE_SENTENCES = 3  # how far an unframed quote may continue the last speaker


class Engine:
    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.lx: Cues = cues(lang)
        self.tokens: list[Token] = tokenize(text)
        self.tok_starts = [t.start for t in self.tokens]
        self.marks = [m for m in find_mark_spans(text) if m.end - m.start > 2]
        top = [(m.start, m.end) for m in self.marks if m.level == 0 and m.closed]
        self.sentences = split_sentences(text, top)
        self.sentence_starts = [a for a, _ in self.sentences]
        finder = ActorFinder(text, self.tokens, self.lx, lang)
        finder.run()
        self.actors = finder.actors()
        self.resolver = SpeakerResolver(text, self.lx, self.actors)
        # the resolver answers "is an actor mentioned here": a method of the engine itself
        # would tie engine and finder in a reference cycle, and every token of the text
        # would then wait for the garbage collector instead of going with the engine
        self.frames = FrameFinder(text, self.lx, lang, self.resolver.has_mention)
        self.quotes: list[Quote] = []
        self.last: tuple[Speaker, int] | None = None  # speaker and sentence index

    # -- helpers -------------------------------------------------------------------------
    def _toks(self, s: int, e: int) -> list[Token]:
        i = bisect.bisect_left(self.tok_starts, s)
        j = bisect.bisect_left(self.tok_starts, e, lo=i)
        return self.tokens[i:j]

    def _outside(self, s: int, e: int, tops: list[MarkSpan]) -> list[Token]:
        """The tokens of [s, e) that start outside every span in ``tops``."""
        starts = self.tok_starts
        i = bisect.bisect_left(starts, s)
        j = bisect.bisect_left(starts, e, lo=i)
        if not tops:
            return self.tokens[i:j]
        keep = [True] * (j - i)
        for m in tops:  # the tokens starting in [m.start, m.end), found by bisection
            a = bisect.bisect_left(starts, m.start, i, j)
            b = bisect.bisect_left(starts, m.end, a, j)
            keep[a - i : b - i] = [False] * (b - a)
        return list(compress(self.tokens[i:j], keep))

    def _speaker(self, span: tuple[int, int] | None) -> Speaker | None:
        if not span or no_one(self, span):
            return None
        span = trim_auxiliaries(self.text, span[0], span[1], self.lx)
        return self.resolver.make(*span) if span else None

    def _quote(
        self, s: int, e: int, kind: str, sp: Speaker | None, cue: str | None, nested: bool = False
    ) -> Quote:
        q = Quote(
            s,
            e,
            self.text[s:e],
            kind,
            nested,
            sp.text if sp else None,
            sp.start if sp else None,
            sp.end if sp else None,
            sp.actor if sp else None,
            cue,
        )
        self.quotes.append(q)
        return q

    def _recent(self, idx: int) -> Speaker | None:
        if self.last and idx - self.last[1] <= _CONTINUE_SENTENCES:
            return self.last[0]
        return None

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> Analysis:
        marks_by_sentence: dict[int, list[MarkSpan]] = {}
        for m in self.marks:
            idx = max(0, bisect.bisect_right(self.sentence_starts, m.start) - 1)
            marks_by_sentence.setdefault(idx, []).append(m)
        for idx, (s, e) in enumerate(self.sentences):
            self._sentence(idx, s, e, marks_by_sentence.get(idx, []))
        self._finish()
        self.quotes.sort(key=lambda q: (q.start, -q.end))
        return Analysis(self.lang, self.quotes, self.actors, self.sentences)

    def _sentence(self, idx: int, s: int, e: int, marks: list[MarkSpan]) -> None:
        tops = [m for m in marks if m.level == 0]
        outside = self._outside(s, e, tops)
        frame: Frame | None = None
        quoted = sum(m.end - m.start for m in tops)
        if quoted < 0.7 * (e - s):
            frame = self.frames.find(outside, s, e, False)
            if (
                frame is not None
                and frame.source_at >= 0
                and self._colon_quote(s, e, tops, outside)
            ):
                frame = None  # "Y sagte laut X: „…“": the quote is Y's, X relays it
            if frame is None:
                frame = self._anaphoric(idx, outside, s, e)
            if (
                frame is None
                and self.lang == "de"
                and (self._recent(idx) or self._konj_one(outside) and self._previous_subject(idx))
                and self._konj(self._before_own_colon(outside, s, e))
            ):
                frame = (
                    own_head(self, outside, e)
                    or holder_frame(self, outside, s, e)
                    or indicative_head(self, outside, e)
                    or Frame(s, e, "indirect_free_indirect", None, None)
                )
            if frame is None and not tops and self._backshift_continues(idx, outside):
                frame = Frame(s, e, "indirect_free_indirect", None, None)
            if frame is None and not self.frames.is_heading(outside, e):
                frame = self.frames.reported(outside, s, e)
                if frame is not None and self.lang == "de":
                    frame = self.frames.reported_content(frame, outside, e)
                if (
                    frame is not None
                    and frame.kind == "reported"
                    and self.frames.not_a_report(frame, outside, s, e)
                ):
                    # no quotation of its own, but its subject spoke: what follows may be
                    # theirs ("Suresh äußerte sich zu den Plänen. Der Start soll …")
                    said = self._speaker(frame.speaker) if frame.speaker else None
                    if said is not None:
                        self.last = (said, idx)
                    self._directs(idx, s, e, tops, marks, frame_quote=None, said=said)
                    return
            if (
                frame is None
                and not self.lx.HEARSAY.isdisjoint([t.low for t in outside])
                and self._main_hearsay(outside)
                and (
                    (self.last is not None and idx - self.last[1] <= 1)
                    or self._hearsay_perfect(outside)
                )
            ):
                frame = Frame(s, e, "free_indirect", None, None)  # "soll … haben": hearsay
        sp_frame: Speaker | None = None
        if frame is not None:
            if agentless_passive(self, frame, outside):
                sp_frame = None  # "Ihm wird vorgeworfen, …": the passive names nobody
            elif frame.kind in ("indirect_free_indirect", "free_indirect") or frame.speaker is None:
                sp_frame = self._previous_subject(idx) or self._recent(idx)
                prev = self.quotes[-1] if self.quotes else None
                if (
                    prev
                    and prev.kind == frame.kind
                    and frame.start == s
                    and prev.actor == (sp_frame and sp_frame.actor)
                    and self._adjacent(prev.end, s)
                ):
                    prev.end, prev.text = e, self.text[prev.start : e]
                    self._directs(idx, s, e, tops, marks, frame_quote=prev)
                    self.last = (sp_frame, idx) if sp_frame else self.last
                    return
            else:
                sp_frame = self._speaker(frame.speaker)
                if sp_frame and frame.cue and frame.cue.lower() in self.lx.ANAPHORIC_SOURCE:
                    sp_frame.actor = self._nearest_source(idx, sp_frame.actor)
            segs = frame.segments or [(frame.start, frame.end)]
            if frame.kind == "indirect":
                segs = [(a, self._content_stop(a, self._before_semicolon(a, b))) for a, b in segs]
            made = [self._quote(a, b, frame.kind, sp_frame, frame.cue) for a, b in segs]
            if self.lang == "en" and frame.kind == "indirect" and len(segs) == 1:
                self._inner_report(made[0])
            joined = frame.joined
            if joined is not None:  # "…, but Y says …": Y's own report in the same sentence
                jsp = self._speaker(joined.speaker)
                made.append(self._quote(joined.start, joined.end, joined.kind, jsp, joined.cue))
                sp_frame = jsp or sp_frame
            inner = frame.inner
            if inner is not None and inner.speaker is not None:
                # the relayed words report someone's words in turn: those are a quote too
                b = self._content_stop(inner.start, self._before_semicolon(inner.start, inner.end))
                isp = self._speaker(inner.speaker)
                same = next((q for q in made if (q.start, q.end) == (inner.start, b)), None)
                if same is not None and isp is not None and same.speaker is not None:
                    # "X bestätigte laut Reuters, dass …": X's words, relayed by Reuters
                    same.via, same.via_start, same.via_end, same.via_actor = (
                        same.speaker,
                        same.speaker_start,
                        same.speaker_end,
                        same.actor,
                    )
                    same.speaker, same.speaker_start, same.speaker_end, same.actor = (
                        isp.text,
                        isp.start,
                        isp.end,
                        isp.actor,
                    )
                    same.cue = inner.cue
                else:
                    self._quote(inner.start, b, inner.kind, isp, inner.cue, nested=True)
            fq = made[0]
            if len(made) > 1:  # nested marks may fall anywhere in the frame's sentence
                fq = Quote(
                    frame.start,
                    frame.end,
                    "",
                    frame.kind,
                    False,
                    made[0].speaker,
                    made[0].speaker_start,
                    made[0].speaker_end,
                    made[0].actor,
                )
            if sp_frame:
                self.last = (sp_frame, idx)
            self._directs(idx, s, e, tops, marks, frame_quote=fq)
        else:
            self._directs(idx, s, e, tops, marks, frame_quote=None)

    def _inner_report(self, outer: Quote) -> None:
        """English: reported words that open with a report of their own ("said she believed
        X", "noted the findings show X") report X twice: the outer speaker's words are X
        (as in PARC and GUM), and X is also the inner source's, a nested quotation."""
        a, b = outer.start, outer.end
        toks = self._toks(a, b)
        for v in range(1, min(len(toks) - 2, 6)):
            t = toks[v]
            if "," in self.text[toks[v - 1].end : t.start]:
                return
            if t.low in self.lx.INNER_REPORT and not t.cap:
                if toks[v + 1].low in self.lx.PREPOSITIONS:
                    return  # "the people found in the water": a participle, no report
                if t.low in ("found", "finds") and toks[v + 1].low not in self.lx.THAT:
                    return  # "said police found the car abandoned": an act, no finding
                inner = self.frames._english_before(toks, v, a, b)
                if inner is None or inner.speaker is None:
                    return
                if not self.frames.speakerlike(inner.speaker):
                    return
                sp = self._speaker(inner.speaker)
                outer.start, outer.text = inner.start, self.text[inner.start : outer.end]
                self._quote(inner.start, inner.end, "indirect", sp, inner.cue, nested=True)
                return

    def _main_hearsay(self, toks: list[Token]) -> bool:
        """A reportative 'soll' of the sentence itself, not one inside a relative or
        subordinate clause ("…ist das erste Projekt, das nicht mehr … finanziert werden
        soll": the sentence states a fact)."""
        lx = self.lx
        inside = False
        for n, t in enumerate(toks):
            if n and "," in self.text[toks[n - 1].end : t.start]:
                inside = t.low in lx.RELATIVES or t.low in lx.SUBORDINATORS
            elif n == 0:
                inside = t.low in lx.SUBORDINATORS
            if t.low in lx.HEARSAY and not inside:
                return True
        return False

    def _hearsay_perfect(self, toks: list[Token]) -> bool:
        """'X soll … getötet worden sein[, …]': the reportative modal with a perfect
        infinitive that closes its clause (before a comma or the end), not a plan."""
        seen = False
        for n, t in enumerate(toks):
            if t.low in self.lx.HEARSAY:
                seen = True
            elif (
                seen
                and t.low in ("haben", "sein", "worden")
                and (n + 1 == len(toks) or "," in self.text[t.end : toks[n + 1].start])
            ):
                return True
        return False

    def _anaphoric(self, idx: int, toks: list[Token], s: int, e: int) -> Frame | None:
        """'Demnach habe …' continues the last source; 'Dies bestätigte X.' makes the
        sentence before it X's words."""
        lx = self.lx
        if not toks:
            return None
        if (
            toks[0].low in lx.DANACH
            and idx
            and len(toks) > 3
            and any(
                t.cap and t.low.endswith(lx.DOCUMENT_NOUNS)
                for t in self._toks(*self.sentences[idx - 1])
            )
        ):  # "Die UBS veröffentlichte Quartalszahlen. Danach verzeichnet …": the document says
            return Frame(
                toks[1].start,
                self.frames._clause_end(e),
                "indirect",
                (toks[0].start, toks[0].end),
                toks[0].text,
            )
        if toks[0].low in lx.ANAPHORIC_SOURCE and len(toks) > 3:
            # gold marks "Demnach" itself as the source; its actor is whoever spoke last
            return Frame(
                toks[1].start,
                self.frames._clause_end(e),
                "indirect",
                (toks[0].start, toks[0].end),
                toks[0].text,
            )
        if (
            len(toks) >= 3
            and toks[0].low in ("dies", "das", "this")
            and toks[1].low in lx.SAY_VERBS
            and idx
        ):
            sp = np_after(self.text, toks, 2, lx, e)
            ps, pe = self.sentences[idx - 1]
            if sp and not any(q.end > ps for q in self.quotes):
                q = self._quote(
                    ps, self.frames._clause_end(pe), "indirect", self._speaker(sp), toks[1].text
                )
                self.last = (self._speaker(sp), idx)
                return (
                    Frame(toks[0].start, toks[0].end, "indirect", sp, toks[1].text) if q else None
                )
            # the sentence before is someone's already: 'Das' alone is the quote (below)
        if self.lang == "de" and idx:
            f = self._pronoun_report(toks, e)
            ps, pe = self.sentences[idx - 1]
            if f and not any(q.end > ps for q in self.quotes):  # the sentence before it
                sp = self._speaker(f.speaker)
                self._quote(ps, self.frames._clause_end(pe), "indirect", sp, f.cue)
            return f
        return None

    def _pronoun_report(self, toks: list[Token], e: int) -> Frame | None:
        """'Dies gab die Polizei bekannt.', 'Das wurde vom Ministerium bestätigt.', 'Dies geht
        aus einem Bericht hervor.': the pronoun stands for the reported words, and it alone
        is the quote, even when the sentence before is already someone's."""
        lx, fr = self.lx, self.frames
        if len(toks) < 3 or toks[0].low not in ("dies", "das", "dieses"):
            return None
        verb = toks[1]
        if verb.low in lx.PASSIVE_AUX and toks[-1].low in lx.REPORT_VERBS:
            sp = fr._agent(toks, 1)  # "Das wurde vom Presseamt bekannt gegeben"
        elif verb.low in ("geht", "ging") and any(t.low == "hervor" for t in toks[3:]):
            k = next((n for n in range(2, len(toks) - 1) if toks[n].low == "aus"), None)
            sp = np_after(self.text, toks, k + 1, lx, e) if k else None
        elif verb.low in lx.SAY_VERBS and fr._particle_ok(verb, toks[2:]):
            sp = np_after(self.text, toks, 2, lx, e)
            nxt = next((t for t in toks if sp and t.start >= sp[1]), None)
            if (
                sp
                and not fr.speakerlike(sp)
                and (
                    len(self.text[sp[0] : sp[1]].split()) < 3
                    or nxt is not None
                    and nxt.low in lx.NOT_SUBJECT_END
                )
            ):  # "Das erklärte Ziel ist …": an adjective, no report; a long phrase that
                sp = None  # closes the clause speaks ("Das berichteten Mitarbeiter des X")
        else:
            return None
        if sp is None:
            return None
        return Frame(toks[0].start, toks[0].end, "indirect", sp, verb.text)

    def _nearest_source(self, idx: int, fallback: str | None) -> str | None:
        """'Demnach' continues the source of the sentence just before ("Nach Angaben von
        Diplomaten … Demnach …"), even when that source is nobody we can name."""
        if idx and self.quotes and self.quotes[-1].end > self.sentences[idx - 1][0]:
            return self.quotes[-1].actor
        return fallback

    def _previous_subject(self, idx: int) -> Speaker | None:
        """A Konjunktiv sentence after a sentence that quoted nobody continues that
        sentence's subject ("Parwanow ist besorgt. Der Konflikt sei nicht ethnisch.")."""
        if not idx:
            return None
        ps, pe = self.sentences[idx - 1]
        if (
            self.quotes
            and self.quotes[-1].end > ps
            or self.text.count("\n", pe, self.sentences[idx][0]) > 2
            or self.frames.is_heading(self._toks(ps, pe), pe)  # a subheading speaks no words
        ):
            return None
        return self._passive_agent(ps, pe) or self._subject_speaker(ps, pe, [])

    def _passive_agent(self, s: int, e: int) -> Speaker | None:
        """In a passive sentence the agent speaks, not the subject ("Die Forderung wurde von
        Minister X als unrealistisch bezeichnet. Die Fahrzeuge seien …")."""
        toks = self._toks(s, e)
        if not any(t.low in self.lx.PASSIVE_AUX for t in toks):
            return None
        if toks[-1].low not in self.lx.REPORT_VERBS:
            return None
        sp = self.frames._agent(toks, 0)
        return self._speaker(sp) if sp else None

    def _subject_speaker(self, s: int, e: int, tops: list[MarkSpan]) -> Speaker | None:
        """An unframed quote inside a sentence of the reporter: its subject speaks
        ("Die Regierung hatte den Bericht als „falsch“ zurückgewiesen")."""
        outside = self._outside(s, e, tops)
        if len(outside) < 3:
            return None
        sp = sentence_subject(self, outside)
        if sp is None or not (self.frames.speakerlike(sp) or named_sayer(self, outside, sp)):
            return None
        return self._speaker(sp)

    def _content_stop(self, a: int, b: int) -> int:
        """Reported words end before a colon that opens a direct quote ("…, er werde
        kämpfen: „…“") and, in German, before the reporter's main clause after a fronted
        content clause ("Dass er schuldig sei, wird nun geprüft": a comma, then an
        indicative auxiliary)."""
        for mark in (": „", ': "', ": »"):
            cut = self.text.find(mark, a, b)
            if cut > a and len(self.text[cut:b].split()) > 4:  # not a one-word label: „WOW.“
                b = cut
        if self.lang != "de":
            return b
        toks = self._toks(a, b)
        lead = toks[0].low if toks else ""
        if not (
            lead in self.lx.THAT_STRICT
            or lead == "ob"
            or lead in self.lx.RELATIVES
            and self.text[max(0, a - 3) : a].rstrip().endswith(",")
        ):
            return b  # only a dependent clause ends where a main clause follows
        for n in range(2, len(toks)):
            t = toks[n]
            if t.low in self.lx.FINITE_AUX and "," in self.text[toks[n - 1].end : t.start]:
                return toks[n - 1].end
        return b

    def _before_semicolon(self, a: int, b: int) -> int:
        """Reported words end at a semicolon: what follows it is the reporter's next clause
        ("…, die Anschläge verübt zu haben; diese bestritt das")."""
        cut = self.text.find("; ", a, b)
        return cut if cut > a else b

    def _backshift_continues(self, idx: int, toks: list[Token]) -> bool:
        """English: a sentence with a backshifted verb ('would', 'had') right after reported
        speech in the same paragraph goes on reporting it."""
        if not self.lx.BACKSHIFT or not idx or not self.quotes or not self.last:
            return False
        prev = self.quotes[-1]
        ps, pe = self.sentences[idx - 1]
        if prev.kind not in ("indirect", "indirect_free_indirect") or prev.end < ps:
            return False
        if self.last[1] != idx - 1 or "\n" in self.text[pe : self.sentences[idx][0]]:
            return False
        return any(t.low in self.lx.BACKSHIFT for t in toks)

    def _before_own_colon(self, toks: list[Token], s: int, e: int) -> list[Token]:
        """The words before a colon that a verb of saying opens ("X kritisierte …: Das Gesetz
        beschränke …"): the Konjunktiv after it is X's, not the last speaker's."""
        colon = self.text.find(": ", s, e)
        if colon < 0:
            return toks
        head = [t for t in toks if t.end <= colon]
        lx = self.lx
        if any(t.low in lx.SAY_VERBS or t.low in lx.REPORT_VERBS for t in head if not t.cap):
            return head
        return toks

    def _konj_one(self, toks: list[Token]) -> bool:
        """A Konjunktiv I verb in the main clause ("sei", "habe", "könne"): reported, never
        hypothetical (Konjunktiv II "wäre", "würde" is both)."""
        lx = self.lx
        if not toks:
            return False
        # only the first clause: "…, die X sei" is a relative clause (words hold no comma)
        comma = self.text.find(",", toks[0].end, toks[-1].start)
        for t in toks:
            if 0 <= comma < t.start:
                return False
            if t.low in ("ich", "wir"):
                return False  # "Ich stelle …": the first person, not a Konjunktiv
            if t.low in lx.KONJ_FORMS and t.low not in lx.KONJ_TWO:
                return True
        return False

    def _konj(self, toks: list[Token]) -> bool:
        lx = self.lx
        if not lx.KONJ_FORMS.isdisjoint([t.low for t in toks]):
            return True
        return any(is_konjunktiv(t, lx) for t in toks if t.low[-1] == "e")

    def _colon_quote(self, s: int, e: int, tops: list[MarkSpan], outside: list[Token]) -> bool:
        """A direct quote after a colon closes the sentence, a verb of saying introduces it,
        and a source phrase ("laut X", "X zufolge") names who relays it: the sentence is the
        quote's frame. ("ihrer Meinung nach …:" stays a frame of its own.)"""
        lx = self.lx
        if not any(t.low in lx.SOURCE_BEFORE or t.low in lx.SOURCE_AFTER for t in outside):
            return False
        for m in tops:
            before = self._toks(s, m.start)
            if (
                before
                and self.text[before[-1].end : m.start].strip() == ":"
                and self.text[m.end : e].strip(" .") == ""
                and any(t.low in self.lx.SAY_VERBS and not t.cap for t in before)
            ):
                return True
        return False

    def _adjacent(self, a: int, b: int) -> bool:
        return self.text[a:b].strip() == "" and self.text.count("\n", a, b) <= 1

    def _directs(
        self,
        idx: int,
        s: int,
        e: int,
        tops: list[MarkSpan],
        marks: list[MarkSpan],
        frame_quote: Quote | None,
        said: Speaker | None = None,
    ) -> None:
        """The quotes in marks of one sentence; ``said`` is the subject of a report verb
        that frames them without a quotation of its own ("X äußerte sich zufrieden: „…“")."""
        prev_end = s
        for m in marks:
            inside_frame = (
                frame_quote is not None
                and frame_quote.start <= m.start
                and (m.end <= frame_quote.end + 1)
                and frame_quote.kind != "direct"
            )
            inside_top = m.level == 1 and any(t.start < m.start and m.end <= t.end for t in tops)
            kind, span, cue = classify_direct(self, m, s, e, prev_end, inside_frame or inside_top)
            if m.level == 0:
                prev_end = m.end
            if kind is None:
                continue
            if inside_frame and frame_quote is not None:
                sp = (
                    Speaker(
                        frame_quote.speaker_start,
                        frame_quote.speaker_end,
                        frame_quote.speaker,
                        frame_quote.actor,
                    )
                    if frame_quote.speaker
                    else None
                )
                self._quote(m.start, m.end, kind, sp if kind == "direct" else None, None, True)
                continue
            if inside_top:
                self._quote(m.start, m.end, kind, None, None, True)
                continue
            sp = self._speaker(span) if span else None
            if kind == "direct" and said is not None and m.level == 0:
                sp = said
            if kind == "direct" and sp is None:
                sp = self._subject_speaker(s, e, tops)
                if sp is None and m.start == s:  # „…“ after "X verurteilte die Haltung."
                    sp = self._previous_subject(idx)
                sp = sp or self._recent(idx)
                cue = None
            if kind == "direct":
                relayed = relay(self, s, e, m)
                if relayed is not None:
                    sp = self._speaker(relayed[0]) or sp
            q = self._quote(m.start, m.end, kind, sp, cue)
            if kind == "direct" and relayed is not None:
                via = self.resolver.make(*relayed[1])
                q.via, q.via_start, q.via_end, q.via_actor = via.text, via.start, via.end, via.actor
            if sp and kind == "direct":
                self.last = (sp, idx)
            if (
                frame_quote is not None
                and frame_quote.kind != "direct"
                and (m.end - m.start) > 0.8 * (frame_quote.end - frame_quote.start)
                and (m.start <= frame_quote.start + 2)
            ):
                if frame_quote in self.quotes:
                    self.quotes.remove(frame_quote)  # the frame was the direct quote's own
                if frame_quote.speaker and not q.speaker:
                    q.speaker, q.speaker_start, q.speaker_end, q.actor = (
                        frame_quote.speaker,
                        frame_quote.speaker_start,
                        frame_quote.speaker_end,
                        frame_quote.actor,
                    )
                frame_quote = None

    def _finish(self) -> None:
        pass
