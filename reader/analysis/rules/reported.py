"""Reported speech acts ("Moskau fordert den Abzug", "The ministry denied the claims"), and
English backshift continuing reported speech ("It would …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clauses import Frame, is_konjunktiv
from ..speakers import np_before
from ..tokens import Token
from .base import SentenceContext, rule

if TYPE_CHECKING:
    from ..frames import FrameFinder


def _report(ctx: SentenceContext, content: bool) -> Frame | None:
    fr = ctx.tools
    if ctx.lx.REPORT_VERBS.isdisjoint(ctx.lows):
        return None  # every report needs a report verb
    if fr.is_heading(ctx.toks, ctx.end):
        return None
    told = _reported_de if content else _reported_en
    frame = told(fr, ctx.toks, ctx.start, ctx.end)
    if frame is not None and content:
        frame = _reported_content(fr, frame, ctx.toks, ctx.end)
    if frame is not None and frame.kind == "reported":
        if _not_a_report(fr, frame, ctx.toks, ctx.start, ctx.end):
            # no quotation of its own, but its subject spoke: what follows may be
            # theirs ("Suresh äußerte sich zu den Plänen. Der Start soll …")
            frame.quote = False
    return frame


@rule("reported", "de")
def reported_de(ctx: SentenceContext) -> Frame | None:
    """a verb that reports a speech act ("X forderte den Abzug", "X denied the claims")"""
    return _report(ctx, content=True)


@rule("reported", "en")
def reported_en(ctx: SentenceContext) -> Frame | None:
    """a verb that reports a speech act ("X forderte den Abzug", "X denied the claims")"""
    return _report(ctx, content=False)


@rule("backshift", "en")
def backshift(ctx: SentenceContext) -> Frame | None:
    """a backshifted verb ('would', 'had') right after reported speech goes on reporting it"""
    h, lx, idx = ctx.history, ctx.lx, ctx.idx
    if ctx.tops or not lx.BACKSHIFT or not idx or h.last_quote_kind() is None:
        return None
    if h.last_index() is None:
        return None
    ps, pe = ctx.view.sentences[idx - 1]
    kind = h.last_quote_kind()
    if kind not in ("indirect", "indirect_free_indirect") or h.last_quote_end() < ps:
        return None
    if h.last_index() != idx - 1 or "\n" in ctx.text[pe : ctx.view.sentences[idx][0]]:
        return None
    if any(t.low in lx.BACKSHIFT for t in ctx.toks):
        return Frame(ctx.start, ctx.end, "indirect_free_indirect", None, None)
    return None


# -- the frame finders these rules call (they read the clause tools of FrameFinder) --------


def _reported_content(fr: FrameFinder, frame: Frame, toks: list[Token], e: int) -> Frame:
    """'UNICEF rief Russland auf, das Verbot nicht durchzusetzen' / 'Er äußerte sich
    dahingehend, das Gespräch sei gut verlaufen': a report verb whose content follows
    after a comma as a zu-infinitive or a Konjunktiv clause reports that clause."""
    lx = fr.lx
    at = next((n for n, t in enumerate(toks) if t.text == frame.cue), None)
    if at is None:
        return frame
    c = next((n for n in range(at + 1, len(toks)) if "," in fr.gap(toks[n - 1], toks[n])), None)
    if c is None or len(toks) - c < 2:
        return frame
    clause = toks[c:]
    if toks[c].low in (lx.SUBORDINATORS - lx.THAT) or toks[c].low in lx.NOT_CONTENT:
        return frame  # "…, um …", "…, weil …", "…, und …": no content clause
    zu_inf = (
        any(fr.zu_inf(x.low) for x in clause)
        or any(  # "…, zurückzutreten als X"
            x.low in lx.ZU for x in clause[-3:]
        )
    )
    if not zu_inf and not any(is_konjunktiv(x, lx) for x in clause):
        return frame
    return Frame(clause[0].start, fr.clause_end(e), "indirect", frame.speaker, frame.cue)


def _reported_de(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """A speech act told, not quoted: subject + report verb in second position
    ("Moskau fordert …"), or an auxiliary there and the participle at the end
    ("X hat … angekündigt")."""
    lx = fr.lx
    if len(toks) < 3 or toks[0].low in lx.SUBORDINATORS and not fr.als_noun(toks):
        return None
    reach = _report_reach(fr, toks)
    inserted = _inserted_clause(fr, toks)
    if inserted is not None:
        reach = max(reach, inserted[1] + 1)
    for v in range(1, min(len(toks), reach)):
        t = toks[v]
        if t.cap or inserted is not None and inserted[0] <= v < inserted[1]:
            continue
        if v + 1 < len(toks) and toks[v + 1].cap and _attributive(fr, toks, v):
            continue  # "eine oft beklagte Lücke": an adjective, not the finite verb
        cue = _report_cue(fr, toks, v, english=False)
        if cue is None:
            continue
        if _no_speech_act(fr, toks, v, cue):
            return None
        return _reported_frame(fr, toks, s, e, v, cue, fr.subject(toks, v, e))
    return None


def _reported_en(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """A speech act told, not quoted: "The ministry denied the claims", "The association
    has threatened …"."""
    lx = fr.lx
    if len(toks) < 3 or toks[0].low in lx.SUBORDINATORS and not fr.als_noun(toks):
        return None
    for v in range(1, min(len(toks), _report_reach(fr, toks))):
        if toks[v].cap:
            continue
        cue = _report_cue(fr, toks, v, english=True)
        if cue is None:
            continue
        if _no_speech_act(fr, toks, v, cue):
            return None
        sp = _subject_before_en(fr, toks, v)
        at = next((n for n, x in enumerate(toks) if sp and x.start == sp[0]), 0)
        if at and toks[at - 1].low in lx.NOT_REPORT_RELATIVES:
            return None  # "The case on which the Court has ruled was …": a relative
        if sp is not None and fr.text[sp[0] : sp[1]].lower() in lx.REPORTING_PRONOUNS:
            return Frame(s, e, "reported", sp, cue.text)  # "It also warned against …"
        return _reported_frame(fr, toks, s, e, v, cue, sp)
    return None


def _report_reach(fr: FrameFinder, toks: list[Token]) -> int:
    if not fr.lx.AFFILIATION.isdisjoint([t.low for t in toks[2 : fr.lx.REPORT_REACH]]):
        return 13  # "Die Ökonomin X vom Zentrum für Y warnte": a long subject
    return fr.lx.REPORT_REACH


def _report_cue(fr: FrameFinder, toks: list[Token], v: int, english: bool) -> Token | None:
    """The report verb when token v is the finite verb of a report: the verb itself, or
    the participle at the end (or, in English, right after) an auxiliary at v."""
    lx, t, last = fr.lx, toks[v], toks[-1]
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
        and fr.particle_ok(t, toks[v + 1 :])
        and not (english and t.low.endswith("ing"))
    ):  # an English -ing form is no finite verb: "started with attacking style"
        return t
    return None


def _no_speech_act(fr: FrameFinder, toks: list[Token], v: int, cue: Token) -> bool:
    """A report verb that reports no words here."""
    lx = fr.lx
    if (
        cue is toks[v]
        and cue.low in lx.NOT_REFLEXIVE
        and any(x.low in lx.REFLEXIVE for x in toks[v + 1 : v + 3])
    ):
        return True  # "sieht sich mit einem Verbot konfrontiert": no opinion voiced
    unwanted = lx.REPORT_NOT_PARTICLES.get(cue.low)
    if unwanted and unwanted & _clause_particles(fr, toks, v):
        return True  # "stellte das Programm vor", "sieht … vor": no words reported
    if cue.low in lx.SENTENCE_VERBS and any(x.low in lx.SENTENCE_MARKERS for x in toks):
        return True  # "wurde zu drei Jahren Haft verurteilt": a court's sentence
    return fr.negated_main(toks, v)  # "gab die Behörde nicht bekannt": no speech act


def _subject_before_en(fr: FrameFinder, toks: list[Token], v: int) -> tuple[int, int] | None:
    lx = fr.lx
    lo = fr.lead(toks)
    for k in range(v - 1, lo, -1):  # "In a statement, he warned of …"
        if "," in fr.gap(toks[k - 1], toks[k]):
            lo = k
            break
    w = v
    while w > lo + 1 and toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB:
        w -= 1  # "It also warned …"
    return np_before(fr.text, toks, lo, w, lx)


def _reported_frame(
    fr: FrameFinder,
    toks: list[Token],
    s: int,
    e: int,
    v: int,
    cue: Token,
    sp: tuple[int, int] | None,
) -> Frame | None:
    """The reported frame once its verb and subject are known: a subject that can speak
    (or a short name before a strong verb: "Tesla fordert …"), else a passive's agent."""
    lx, t = fr.lx, toks[v]
    if sp is not None and fr.speakerlike(sp):
        return Frame(s, e, "reported", sp, cue.text)
    if (
        sp is not None
        and cue is t
        and t.low in lx.STRONG_REPORT
        and fr.text[sp[0]].isupper()
        and len(fr.text[sp[0] : sp[1]].split()) <= 4
    ):
        return Frame(s, e, "reported", sp, cue.text)  # "Tesla fordert …": a name
    if t.low in lx.PASSIVE_AUX and toks[-1].low in lx.REPORT_VERBS:
        # "… wurde von X als falsch bezeichnet": X speaks. Without an agent
        # ("Es wurden Konsequenzen gefordert", "X wurde zu Haft verurteilt",
        # "Tote werden befürchtet") the sentence tells of no one's speech act.
        agent = fr.agent(toks, v)
        if agent is None and cue.low not in lx.STATED_PASSIVE:
            return None  # "Als Ursache wurde X genannt" still states a finding
        return Frame(s, e, "reported", agent, cue.text)
    return None


def _attributive(fr: FrameFinder, toks: list[Token], v: int) -> bool:
    """A German participle or adjective between an article and its noun ("eine oft
    beklagte Lücke", "die geforderten Summen")."""
    if v + 1 >= len(toks) or not toks[v + 1].cap:
        return False
    if not toks[v].low.endswith(fr.lx.INFLECTED_ENDINGS):
        return False
    det = fr.lx.DETERMINERS
    return toks[v - 1].low in det or (v >= 2 and toks[v - 2].low in det and not toks[v - 1].cap)


def _clause_particles(fr: FrameFinder, toks: list[Token], v: int) -> set[str]:
    """Words after the verb at ``v`` that end a clause (before a comma, a colon or the
    end), where a separable particle stands ("stellte X, Leiter, am Montag vor")."""
    return {
        toks[n].low
        for n in range(v + 1, len(toks))
        if n + 1 == len(toks) or any(c in fr.gap(toks[n], toks[n + 1]) for c in ",:;")
    }


def _inserted_clause(fr: FrameFinder, toks: list[Token]) -> tuple[int, int] | None:
    """(first, end) token indexes of a relative clause or an apposition set off by
    commas inside the subject ("Die Stadt X, die am Flughafen beteiligt ist, erwog …",
    "Der Vorsitzende, Jean Mignon, bezeichnete …"); the finite verb follows it."""
    lx = fr.lx
    c1 = next(iter(fr.commas(toks, 1, min(len(toks), 9))), None)
    if c1 is None or not toks[c1 - 1].cap:
        return None
    if not (toks[c1].low in lx.RELATIVES or toks[c1].cap or toks[c1].low in lx.DETERMINERS):
        return None
    c2 = next(iter(fr.commas(toks, c1 + 1, min(len(toks), c1 + 15))), None)
    if c2 is None or not (toks[c2].low in lx.REPORT_VERBS or toks[c2].low in lx.AUXILIARIES):
        return None  # "A, B und C werden aufgefordert, …": a list, not an insertion
    return c1, c2


def _not_a_report(fr: FrameFinder, frame: Frame, toks: list[Token], s: int, e: int) -> bool:
    """A speech act told without its own content is no quotation when the sentence
    quotes the words themselves: a colon opens a direct quote ("X äußerte sich
    zufrieden: „…“") or what follows it, or a naming verb's label stands in marks ("X nannte den Plan
    „Wortbruch“"): the marked words are the quotation, the rest is its frame. Nor is a
    reflexive 'äußerte sich (zu X)' with no content of its own, nor 'X bestätigte dies',
    whose content is the sentence before."""
    lx = fr.lx
    span = fr.text[s:e]
    cue = (frame.cue or "").lower()
    if re.search(r":\s*[„“\"»«]", span) or span.rstrip().endswith(":"):
        return True  # the colon opens the words themselves (or a list of them)
    if re.search(r",\s*[„“\"»«][^„“\"»«]{12,}[“”\"«»][.!?]?\s*$", span):
        return True  # "X rät dazu, „…“": the marked words closing the sentence are the content
    if cue in lx.NAMING_VERBS and any(c in span for c in '„“"»«'):
        return True
    if cue in lx.REFLEXIVE_ONLY and any(t.low in lx.REFLEXIVE for t in toks):
        return True
    if cue in lx.REACTION_VERBS:
        return True  # "X begrüßte die Entscheidung": a stance, not words
    at = next((n for n, t in enumerate(toks) if t.text == frame.cue), None)
    back = lx.PLUPERFECT_AUX
    if at is not None and any(t.low in back for t in toks[:at][:9]):
        return True  # "X hatte zuvor Y kritisiert": background to the news, not its words
    demonstratives = lx.DEMONSTRATIVE_OBJECTS
    for n in range(at + 1, min(len(toks), at + 3)) if at is not None else ():
        if toks[n].low in demonstratives and (n + 1 == len(toks) or not toks[n + 1].cap):
            return True  # "X bestätigte dies": what X confirmed was told before
    return False
