"""Verbs of saying around a clause: "…, sagte X", "X sagte, …", "X said (that) …", "The plan,
she said, …", a clause-final verb ("…, wie X sagte"), a headline ("Court rules …")."""

from __future__ import annotations

from functools import lru_cache

from ..clauses import Frame
from ..cues import Cues
from .base import SentenceContext, rule


@lru_cache(maxsize=4)
def _after_cues(lx: Cues) -> frozenset[str]:
    """Every word a frame after the words needs one of: a verb of saying, 'hieß (es)', 'wie'."""
    return lx.SAY_VERBS | lx.SAID_IT_VERBS | lx.AS_WORDS


@rule("frame_after", "de")
def frame_after(ctx: SentenceContext) -> Frame | None:
    """a verb of saying after the clause ("…, sagte X", "…, X said")"""
    if _after_cues(ctx.lx).isdisjoint(ctx.lows):
        return None
    return ctx.tools.frame_after_de(ctx.toks, ctx.start, ctx.end)


@rule("frame_after", "en")
def frame_after_en(ctx: SentenceContext) -> Frame | None:
    """a verb of saying after the clause ("…, sagte X", "…, X said")"""
    if _after_cues(ctx.lx).isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "frame_after", lambda: ctx.tools.frame_after_en(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("frame_inside", "en")
def frame_inside(ctx: SentenceContext) -> Frame | None:
    """the frame stands inside the reported words ("The plan, she said, would fail")"""
    after = frame_after_en.match(ctx)
    return after if after is not None and after.segments else None


@rule("frame_before", "de", "en")
def frame_before(ctx: SentenceContext) -> Frame | None:
    """a speaker and a verb of saying before the clause ("X sagte, …", "X said …")"""
    if ctx.lx.SAY_VERBS.isdisjoint(ctx.lows):
        return None  # (the frame's verb is one)
    found: Frame | None = ctx.once(
        "frame_before", lambda: ctx.tools.frame_before(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("headline_says", "en")
def headline_says(ctx: SentenceContext) -> Frame | None:
    """a headline that names its speaker at the end ("Bridge will reopen, minister says")"""
    toks, lx = ctx.toks, ctx.lx
    last = toks[-1]
    if last.low not in lx.HEADLINE_SAY or last.cap:
        return None
    comma = ctx.text.rfind(",", ctx.start, last.start)
    who = [t for t in toks if comma < t.start < last.start]
    if comma < 0 or not 1 <= len(who) <= 4 or len([t for t in toks if t.end <= comma]) < 3:
        return None
    return Frame(ctx.start, comma, "indirect", (who[0].start, who[-1].end), last.text)


@rule("headline_colon", "en")
def headline_colon(ctx: SentenceContext) -> Frame | None:
    """a headline that names its source before a colon ("Police: bridge closed until May")"""
    toks, text = ctx.toks, ctx.text
    colon = text.find(": ", ctx.start, ctx.end)
    who = [t for t in toks if t.end <= colon]
    rest = [t for t in toks if t.start > colon]
    if colon < 0 or not 1 <= len(who) <= 3 or len(rest) < 3 or not who[0].cap:
        return None
    if text[colon + 2 : colon + 3] in ('"', "“"):
        return None  # a quote in marks: the direct-quote rules read it
    span = (who[0].start, who[-1].end)
    if not ctx.tools.speakerlike(span):
        return None
    return Frame(colon + 2, ctx.tools.clause_end(ctx.end), "indirect", span, None)


@rule("headline", "en")
def headline(ctx: SentenceContext) -> Frame | None:
    """a headline that reports in the present ("Court rules worship is legal")"""
    if ctx.lx.SAY_VERBS.isdisjoint(ctx.lows):
        return None
    return ctx.tools.frame_before(ctx.toks, ctx.start, ctx.end)


@rule("participle_report", "en")
def participle_report(ctx: SentenceContext) -> Frame | None:
    """a report verb after a participle phrase"""
    return ctx.tools.participle_report(ctx.toks, ctx.end)


@rule("clause_final_say", "de")
def clause_final_say(ctx: SentenceContext) -> Frame | None:
    """a verb of saying that closes a subordinate clause ("…, wie X sagte")"""
    if ctx.lx.SAY_STRONG.isdisjoint(ctx.lows):
        return None
    return ctx.tools.clause_final_say(ctx.toks, ctx.start, ctx.end)


@rule("frame_after_main", "de", "en")
def frame_after_main(ctx: SentenceContext) -> Frame | None:
    """a verb of saying in the main clause after a fronted subordinate clause"""
    return ctx.tools.frame_after_main(ctx.toks, ctx.start, ctx.end)


@rule("main_after_subordinate", "en")
def main_after_subordinate(ctx: SentenceContext) -> Frame | None:
    """a speaker and verb of saying in the main clause after a subordinate one"""
    return ctx.tools.main_after_subordinate(ctx.toks, ctx.start, ctx.end)


@rule("second_clause", "en")
def second_clause(ctx: SentenceContext) -> Frame | None:
    """a report in the sentence's second clause"""
    return ctx.tools.second_clause(ctx.toks, ctx.end)
