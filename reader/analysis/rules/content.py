"""Content clauses: "dass"/"that" clauses, announced intentions ("kündigte an, … zu …"), a
passive with a content clause ("Es wurde bekannt, dass …"), "wonach", nouns of saying
("die Forderung, …")."""

from __future__ import annotations

from ..clauses import Frame
from .base import SentenceContext, rule


@rule("that_clause", "de", "en")
def that_clause(ctx: SentenceContext) -> Frame | None:
    """a content clause after a verb of saying ("X betonte, dass …")"""
    found: Frame | None = ctx.once(
        "that_clause", lambda: ctx.tools.that_clause(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("intent_clause", "de")
def intent_clause(ctx: SentenceContext) -> Frame | None:
    """an announced intention ("X kündigte an, … zu …")"""
    found: Frame | None = ctx.once(
        "intent_clause", lambda: ctx.tools.intent_clause(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("intent_no_comma", "de")
def intent_no_comma(ctx: SentenceContext) -> Frame | None:
    """an announced intention without a comma ("X hat angekündigt … zu …")"""
    toks, lx = ctx.toks, ctx.lx
    for v in range(1, min(len(toks) - 3, 14)):
        if toks[v].low in lx.INTENT_VERBS and not toks[v].cap:
            return ctx.tools.intent_no_comma(toks, v, ctx.end)
    return None


@rule("passive_that", "de", "en")
def passive_that(ctx: SentenceContext) -> Frame | None:
    """a passive or impersonal report with a content clause ("Es wurde bekannt, dass …")"""
    return ctx.tools.passive_that(ctx.toks, ctx.start, ctx.end)


@rule("wonach", "de")
def wonach(ctx: SentenceContext) -> Frame | None:
    """a document or statement "wonach" (according to which) something holds"""
    return ctx.tools.wonach(ctx.toks, ctx.start, ctx.end)


@rule("speech_noun", "de")
def speech_noun(ctx: SentenceContext) -> Frame | None:
    """a noun of saying that opens the content ("die Forderung, …")"""
    return ctx.tools.speech_noun(ctx.toks, ctx.start, ctx.end)
