"""One pass over a text: marks, sentences, actors, then quotes sentence by sentence.

The rules (rules/) only look; this engine does everything else: it tries the language's
sentence rules in order, resolves the speaker of the frame that won, makes the quotes, and
carries the last speaker from sentence to sentence, so that unframed direct quotes and
Konjunktiv sentences continue the person who was last quoted.
"""

from __future__ import annotations

import bisect

from .attribution import agentless_passive, named_sayer, no_one
from .clauses import Frame
from .cues import Cues
from .direct import classify_direct, sentence_subject
from .marks import MarkSpan
from .models import Analysis, Quote, QuoteKind
from .relay import relay
from .rules import SENTENCE_RULES, SentenceContext, first_match, steps
from .speakers import Speaker, trim_auxiliaries
from .view import TextView

_STEPS = {lang: steps(rules) for lang, rules in SENTENCE_RULES.items()}
_CONTINUE_SENTENCES = 3  # how far an unframed quote may continue the last speaker
_CONTINUING = ("indirect_free_indirect", "free_indirect")


class Engine:
    def __init__(self, text: str, lang: str):
        self.view = TextView(text, lang)
        self.text, self.lang, self.lx = text, lang, self.view.lx
        self.sentences = self.view.sentences
        self.frames = self.view.frames
        self.rules = _STEPS["en" if lang == "en" else "de"]
        self.quotes: list[Quote] = []
        self.last: tuple[Speaker | None, int] | None = None  # speaker and sentence index

    # -- the history the rules may read (History in rules/base.py) ----------------------------
    def recent(self, idx: int) -> Speaker | None:
        if self.last and idx - self.last[1] <= _CONTINUE_SENTENCES:
            return self.last[0]
        return None

    def quoted_after(self, pos: int) -> bool:
        return any(q.end > pos for q in self.quotes)

    def last_index(self) -> int | None:
        return self.last[1] if self.last else None

    def last_quote_kind(self) -> str | None:
        return self.quotes[-1].kind if self.quotes else None

    def last_quote_end(self) -> int:
        return self.quotes[-1].end if self.quotes else -1

    def previous_subject(self, idx: int) -> Speaker | None:
        """A Konjunktiv sentence after a sentence that quoted nobody continues that
        sentence's subject ("Parwanow ist besorgt. Der Konflikt sei nicht ethnisch.")."""
        if not idx:
            return None
        ps, pe = self.sentences[idx - 1]
        if (
            self.quotes
            and self.quotes[-1].end > ps
            or self.text.count("\n", pe, self.sentences[idx][0]) > 2
            or self.frames.is_heading(self.view.toks(ps, pe), pe)  # a subheading speaks no words
        ):
            return None
        return (
            self._passive_agent(ps, pe)
            or self._document_source(ps, pe)
            or self._subject_speaker(ps, pe, [])
        )

    # -- speakers ------------------------------------------------------------------------------
    def _speaker(self, span: tuple[int, int] | None) -> Speaker | None:
        if not span or no_one(self.view, span):
            return None
        span = trim_auxiliaries(self.text, span[0], span[1], self.lx)
        if span and self.text[span[0] : span[1]].lower() in self.lx.DETERMINERS:
            span = self._name_in_marks(span)
        return self.view.resolver.make(*span) if span else None

    def _name_in_marks(self, span: tuple[int, int]) -> tuple[int, int]:
        """'Die „Süddeutsche Zeitung“ hatte berichtet': an article alone before a name in
        quotation marks speaks as that name; the mention runs to the closing mark."""
        at = span[1] + 1 if self.text[span[1] : span[1] + 1] == " " else span[1]
        i = bisect.bisect_left(self.view.mark_starts, at)
        if i < len(self.view.marks) and self.view.marks[i].start == at:
            m = self.view.marks[i]
            words = self.text[m.start + 1 : m.end - 1].split()
            if m.closed and words and words[0][:1].isupper() and len(words) <= 5:
                return span[0], m.end  # (a name: capitalised, a few words)
        return span

    def _passive_agent(self, s: int, e: int, labelled: bool = False) -> Speaker | None:
        """In a passive sentence the agent speaks, not the subject ("Die Forderung wurde von
        Minister X als unrealistisch bezeichnet. Die Fahrzeuge seien …")."""
        toks = self.view.toks(s, e)
        if not any(t.low in self.lx.PASSIVE_AUX for t in toks):
            return None
        if toks[-1].low not in self.lx.REPORT_VERBS:
            return None
        sp = self.frames.agent(toks, 0, labelled)
        return self._speaker(sp) if sp else None

    def _document_source(self, s: int, e: int) -> Speaker | None:
        """A passive sentence that names the document it reports from: the document speaks
        ("Im Bericht werden die Konflikte auf … zurückgeführt. Folge sei …")."""
        toks = self.view.toks(s, e)
        if not any(t.low in self.lx.PASSIVE_AUX and not t.cap for t in toks[1:]):
            return None
        sp = self.frames.document_place(toks, e)
        return self._speaker(sp) if sp is not None else None

    def _subject_speaker(self, s: int, e: int, tops: list[MarkSpan]) -> Speaker | None:
        """An unframed quote inside a sentence of the reporter: its subject speaks
        ("Die Regierung hatte den Bericht als „falsch“ zurückgewiesen")."""
        outside = self.view.outside(s, e, tops)
        if len(outside) < 3:
            return None
        sp = sentence_subject(self.view, outside)
        if sp is None or not (self.frames.speakerlike(sp) or named_sayer(self.view, outside, sp)):
            return None
        return self._speaker(sp)

    def _source_in(self, s: int, e: int, tops: list[MarkSpan]) -> Speaker | None:
        """A source phrase among the words around the marks ("Seiner Ansicht nach „…“",
        "„…“ laut X „…“"): its source speaks them."""
        outside = self.view.outside(s, e, tops)
        triggers = self.frames.source_triggers
        for i, t in enumerate(outside):
            if t.low in triggers and t.low not in self.lx.ANAPHORIC_SOURCE:
                found = self.frames.source_at_phrase(outside, i, e)
                if found is not None:
                    return self._speaker(found[2])
        return None

    def _inner_source(
        self, s: int, e: int, tops: list[MarkSpan], frame_quote: Quote, pos: int
    ) -> Speaker | None:
        """A source phrase inside reported words, before words in marks ("Wie X berichtete,
        soll laut der Studie jeder Zweite „…“ erhoffen"): the nearest source speaks them."""
        outside = self.view.outside(s, e, tops)
        triggers = self.frames.source_triggers
        found = None
        for i, t in enumerate(outside):
            if t.start >= pos:
                break
            if t.start < frame_quote.start or t.low not in triggers:
                continue
            if t.low in self.lx.ANAPHORIC_SOURCE or t.low in self.lx.AS_WORDS:
                continue
            at = self.frames.source_at_phrase(outside, i, e)
            if at is not None and at[1] <= pos and at[2][0] != frame_quote.speaker_start:
                found = at[2]
        return self._speaker(found) if found is not None else None

    def _continuing(self, idx: int) -> Speaker | None:
        """The speaker a sentence with no speaker of its own continues."""
        sp = self.previous_subject(idx) or self.recent(idx)
        return sp.carried() if sp is not None else None

    def _nearest_source(self, idx: int, fallback: str | None) -> str | None:
        """'Demnach' continues the source of the sentence just before ("Nach Angaben von
        Diplomaten … Demnach …"), even when that source is nobody we can name."""
        if idx and self.quotes and self.quotes[-1].end > self.sentences[idx - 1][0]:
            return self.quotes[-1].actor
        return fallback

    # -- quotes --------------------------------------------------------------------------------
    def _quote(
        self,
        s: int,
        e: int,
        kind: QuoteKind,
        sp: Speaker | None,
        cue: str | None,
        nested: bool = False,
        rule: str | None = None,
    ) -> Quote:
        q = Quote(s, e, self.text[s:e], kind, nested, cue=cue, rule=rule)
        q.set_speaker(sp)
        self.quotes.append(q)
        return q

    # -- the pass ------------------------------------------------------------------------------
    def run(self) -> Analysis:
        marks_by_sentence: dict[int, list[MarkSpan]] = {}
        starts = self.view.sentence_starts
        for m in self.view.marks:
            idx = max(0, bisect.bisect_right(starts, m.start) - 1)
            marks_by_sentence.setdefault(idx, []).append(m)
        for idx, (s, e) in enumerate(self.sentences):
            self._sentence(idx, s, e, marks_by_sentence.get(idx, []))
        self.quotes.sort(key=lambda q: (q.start, -q.end))
        return Analysis(self.lang, self.quotes, self.view.actors, self.sentences)

    def _first_frame(self, ctx: SentenceContext) -> Frame | None:
        if ctx.tops and sum(m.end - m.start for m in ctx.tops) >= 0.7 * (ctx.end - ctx.start):
            return None  # a sentence of quoted words: its marks decide
        return first_match(self.rules, ctx)

    def _sentence(self, idx: int, s: int, e: int, marks: list[MarkSpan]) -> None:
        tops = [m for m in marks if m.level == 0]
        outside, lows = self.view.outside_lows(s, e, tops)
        ctx = SentenceContext(self.view, self, idx, s, e, outside, tops, lows)
        frame = self._first_frame(ctx)
        if frame is None:
            self._directs(idx, s, e, tops, marks, frame_quote=None)
            return
        if frame.previous is not None:  # "Dies bestätigte X.": the sentence before is X's
            sp = self._speaker(frame.speaker)
            a, b = frame.previous
            self._quote(a, b, frame.kind, sp, frame.cue, rule=frame.rule)
            if frame.rule == "this_said":
                self.last = (sp, idx)
        if not frame.quote:
            # no quotation of its own, but its subject spoke: what follows may be theirs
            said = self._speaker(frame.speaker) if frame.speaker else None
            if said is not None:
                self.last = (said, idx)
            self._directs(idx, s, e, tops, marks, frame_quote=None, said=said)
            return
        self._framed(ctx, frame, marks)

    def _frame_speaker(self, ctx: SentenceContext, frame: Frame) -> Speaker | None:
        if frame.nobody or agentless_passive(self.view, frame, ctx.toks):
            return None  # "Ihm wird vorgeworfen, …": the passive names nobody
        if frame.speaker is None:  # (a continuation names its own speaker only when it can)
            return self._continuing(ctx.idx)
        sp = self._speaker(frame.speaker)
        if sp and frame.cue and frame.cue.lower() in self.lx.ANAPHORIC_SOURCE:
            sp.actor = self._nearest_source(ctx.idx, sp.actor)
            sp.how = "previous"
        return sp

    def _extends_previous(self, ctx: SentenceContext, frame: Frame, sp: Speaker | None) -> bool:
        """A continuation right after a quote of the same kind and speaker extends it."""
        if not (frame.kind in _CONTINUING or frame.speaker is None) or not self.quotes:
            return False
        if frame.nobody or agentless_passive(self.view, frame, ctx.toks):
            return False
        prev = self.quotes[-1]
        return (
            prev.kind == frame.kind
            and frame.start == ctx.start
            and prev.actor == (sp and sp.actor)
            and self._adjacent(prev.end, ctx.start)
        )

    def _framed(self, ctx: SentenceContext, frame: Frame, marks: list[MarkSpan]) -> None:
        idx, s, e, tops = ctx.idx, ctx.start, ctx.end, ctx.tops
        sp = self._frame_speaker(ctx, frame)
        if self._extends_previous(ctx, frame, sp):
            prev = self.quotes[-1]
            prev.end, prev.text = e, self.text[prev.start : e]
            self._directs(idx, s, e, tops, marks, frame_quote=prev)
            self.last = (sp, idx) if sp else self.last
            return
        segs = frame.segments or [(frame.start, frame.end)]
        if frame.kind == "indirect":
            segs = [(a, self._content_stop(a, self._before_semicolon(a, b))) for a, b in segs]
        made = [self._quote(a, b, frame.kind, sp, frame.cue, rule=frame.rule) for a, b in segs]
        if self.lx.INNER_REPORT and frame.kind == "indirect" and len(segs) == 1:
            self._inner_report(made[0])
        if frame.joined is not None:  # "…, but Y says …": Y's own report in the same sentence
            joined = frame.joined
            jsp = self._speaker(joined.speaker)
            rule = joined.rule or frame.rule
            made.append(
                self._quote(joined.start, joined.end, joined.kind, jsp, joined.cue, rule=rule)
            )
            sp = jsp or sp
        if frame.inner is not None and frame.inner.speaker is not None:
            self._inner(frame, made)
        fq = made[0]
        if len(made) > 1:  # nested marks may fall anywhere in the frame's sentence
            # (the frame's words run to its last segment: "A, so X, „…“ B" holds the marks)
            # a named speaker's words run to the frame's last segment ("A, so X, „…“ B")
            end = max(frame.end, segs[-1][1]) if made[0].speaker else frame.end
            fq = Quote(frame.start, end, "", frame.kind, False)
            fq.copy_speaker(made[0])
        if sp and not (self.last and _points_back(sp, self.lx)):
            self.last = (sp, idx)
        elif sp and self.last:
            self.last = (self.last[0], idx)  # "Demnach …": the source it points back to goes on
        self._directs(idx, s, e, tops, marks, frame_quote=fq)

    def _inner(self, frame: Frame, made: list[Quote]) -> None:
        """The relayed words report someone's words in turn: those are a quote too."""
        inner = frame.inner
        assert inner is not None and inner.speaker is not None
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
            same.set_speaker(isp)
            same.cue = inner.cue
        else:
            rule = inner.rule or frame.rule
            self._quote(inner.start, b, inner.kind, isp, inner.cue, nested=True, rule=rule)

    def _inner_report(self, outer: Quote) -> None:
        """English: reported words that open with a report of their own ("said she believed
        X", "noted the findings show X") report X twice: the outer speaker's words are X
        (as in PARC and GUM), and X is also the inner source's, a nested quotation."""
        a, b = outer.start, outer.end
        toks = self.view.toks(a, b)
        inner = self.frames.inner_report(toks, a, b)
        if inner is None or inner.speaker is None or not self.frames.speakerlike(inner.speaker):
            return
        sp = self._speaker(inner.speaker)
        outer.start, outer.text = inner.start, self.text[inner.start : outer.end]
        self._quote(inner.start, inner.end, "indirect", sp, inner.cue, True, "inner_report")

    def _content_stop(self, a: int, b: int) -> int:
        """Reported words end before a colon that opens a direct quote ("…, er werde
        kämpfen: „…“") and, in German, before the reporter's main clause after a fronted
        content clause ("Dass er schuldig sei, wird nun geprüft": a comma, then an
        indicative auxiliary)."""
        for mark in (": „", ': "', ": »"):
            cut = self.text.find(mark, a, b)
            if cut > a and len(self.text[cut:b].split()) > 4:  # not a one-word label: „WOW.“
                b = cut
        if not self.lx.FINITE_AUX:
            return b
        toks = self.view.toks(a, b)
        lead = toks[0].low if toks else ""
        if not (
            lead in self.lx.THAT_STRICT
            or lead in self.lx.WHETHER
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
            kind, span, cue = classify_direct(
                self.view, m, s, e, prev_end, inside_frame or inside_top
            )
            if m.level == 0:
                prev_end = m.end
            if kind is None:
                continue
            if inside_frame and frame_quote is not None or inside_top:
                speaker = frame_quote.speaker if inside_frame and frame_quote else None
                if kind == "direct" and speaker is None and _short(m, self.view):
                    kind = "term"  # a few words in marks inside words nobody is said to speak
                q = self._quote(m.start, m.end, kind, None, None, True, _direct_rule(kind, True))
                if kind == "direct" and inside_frame and frame_quote is not None:
                    q.copy_speaker(frame_quote)
                    inner = self._inner_source(s, e, tops, frame_quote, m.start)
                    if inner is not None:
                        q.set_speaker(inner)  # "…, die laut der Studie „…“": the study's
                continue
            frame_quote = self._direct(idx, s, e, tops, m, kind, span, cue, said, frame_quote)

    def _unframed_speaker(
        self, idx: int, s: int, e: int, tops: list[MarkSpan], m: MarkSpan
    ) -> Speaker | None:
        """The speaker of a direct quote with no frame of its own: the sentence's subject, else
        the subject of the sentence before (for a quote that opens its sentence), else the
        last speaker. A subheading names no speaker ("Verband spricht von „Stillstand“")."""
        if self.frames.is_heading(self.view.outside(s, e, tops), e):
            return None
        sp = (
            self._passive_agent(s, e, labelled=True)  # "… von Kennern als „…“ bezeichnet"
            or self._subject_speaker(s, e, tops)
            or self._source_in(s, e, tops)
        )
        if sp is not None:
            return sp
        carried = (self.previous_subject(idx) if m.start == s else None) or self.recent(idx)
        return carried.carried() if carried is not None else None

    def _direct(
        self,
        idx: int,
        s: int,
        e: int,
        tops: list[MarkSpan],
        m: MarkSpan,
        kind: QuoteKind,
        span: tuple[int, int] | None,
        cue: str | None,
        said: Speaker | None,
        frame_quote: Quote | None,
    ) -> Quote | None:
        sp = self._speaker(span) if span else None
        framed = sp is not None
        relayed = None
        if kind == "direct":
            if said is not None and m.level == 0:
                sp = said
            if sp is None:
                sp, cue = self._unframed_speaker(idx, s, e, tops, m), None
            relayed = relay(self.view, s, e, m)
            if relayed is not None:
                sp = self._speaker(relayed[0]) or sp
        q = self._quote(m.start, m.end, kind, sp, cue, rule=_direct_rule(kind, False, framed))
        if relayed is not None:
            q.set_via(self.view.resolver.make(*relayed[1]))
            q.rule = "relay"
        if sp and kind == "direct":
            self.last = (sp, idx)
        if kind == "direct" and self.lx.OPINION_VERBS:
            for f in self.frames.opinions_in(self.view.toks(m.start, m.end), m.start, m.end):
                self._quote(
                    f.start, f.end, f.kind, self._speaker(f.speaker), f.cue, True, "opinion"
                )
        if (
            frame_quote is not None
            and frame_quote.kind != "direct"
            and (m.end - m.start) > 0.8 * (frame_quote.end - frame_quote.start)
            and (m.start <= frame_quote.start + 2)
        ):
            if frame_quote in self.quotes:
                self.quotes.remove(frame_quote)  # the frame was the direct quote's own
            if frame_quote.speaker and not q.speaker:
                q.copy_speaker(frame_quote)
            return None
        return frame_quote


def _points_back(sp: Speaker, lx: Cues) -> bool:
    """A speaker mention that only points back to the source before it ("Demnach")."""
    return sp.text.lower() in lx.ANAPHORIC_SOURCE


def _short(m: MarkSpan, view: TextView) -> bool:
    return len(view.toks(m.start, m.end)) < 7


def _direct_rule(kind: str, nested: bool, framed: bool = False) -> str:
    if kind == "term":
        return "term"
    if nested:
        return "direct_nested"
    return "direct_framed" if framed else "direct_unframed"
