"""Content clauses: "dass"/"that" clauses, announced intentions ("kündigte an, … zu …"), a
passive with a content clause ("Es wurde bekannt, dass …"), "wonach", nouns of saying
("die Forderung, …")."""

from __future__ import annotations

from ..clauses import Frame
from .base import SentenceContext, rule


@rule("that_clause", "de", "en")
def that_clause(ctx: SentenceContext) -> Frame | None:
    """a content clause after a verb of saying ("X betonte, dass …")"""
    if ctx.lx.THAT_STRICT.isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "that_clause", lambda: ctx.tools.that_clause(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("intent_clause", "de")
def intent_clause(ctx: SentenceContext) -> Frame | None:
    """an announced intention ("X kündigte an, … zu …")"""
    if ctx.lx.INTENT_VERBS.isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "intent_clause", lambda: ctx.tools.intent_clause(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("intent_no_comma", "de")
def intent_no_comma(ctx: SentenceContext) -> Frame | None:
    """an announced intention without a comma ("X hat angekündigt … zu …")"""
    toks, lx = ctx.toks, ctx.lx
    if lx.INTENT_VERBS.isdisjoint(ctx.lows):
        return None
    for v in range(1, min(len(toks) - 3, 14)):
        if toks[v].low in lx.INTENT_VERBS and not toks[v].cap:
            return ctx.tools.intent_no_comma(toks, v, ctx.end)
    return None


@rule("passive_that", "de", "en")
def passive_that(ctx: SentenceContext) -> Frame | None:
    """a passive or impersonal report with a content clause ("Es wurde bekannt, dass …")"""
    if ctx.lx.PASSIVE_REPORT.isdisjoint(ctx.lows):
        return None  # (its participle is one: "bekannt", "berichtet")
    return ctx.tools.passive_that(ctx.toks, ctx.start, ctx.end)


@rule("wonach", "de")
def wonach(ctx: SentenceContext) -> Frame | None:
    """a document or statement "wonach" (according to which) something holds"""
    lx = ctx.lx
    if lx.WONACH.isdisjoint(ctx.lows) and not (lx.NACH_DENEN and lx.NACH_DENEN[0] in ctx.lows):
        return None
    return ctx.tools.wonach(ctx.toks, ctx.start, ctx.end)


@rule("speech_noun", "de")
def speech_noun(ctx: SentenceContext) -> Frame | None:
    """a noun of saying that opens the content ("die Forderung, …")"""
    return ctx.tools.speech_noun(ctx.toks, ctx.start, ctx.end)
