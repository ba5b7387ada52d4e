"""Reported speech acts ("Moskau fordert den Abzug", "The ministry denied the claims"), and
English backshift continuing reported speech ("It would …")."""

from __future__ import annotations

from ..clauses import Frame
from .base import SentenceContext, rule


def _report(ctx: SentenceContext, content: bool) -> Frame | None:
    fr = ctx.tools
    if ctx.lx.REPORT_VERBS.isdisjoint(ctx.lows):
        return None  # every report needs a report verb
    if fr.is_heading(ctx.toks, ctx.end):
        return None
    told = fr.reported_de if content else fr.reported_en
    frame = told(ctx.toks, ctx.start, ctx.end)
    if frame is not None and content:
        frame = fr.reported_content(frame, ctx.toks, ctx.end)
    if frame is not None and frame.kind == "reported":
        if fr.not_a_report(frame, ctx.toks, ctx.start, ctx.end):
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
