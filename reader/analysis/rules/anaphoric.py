"""A word that points back to a source or to the words before: "Demnach habe …", "Danach
verzeichnet …" (after a document), "Dies bestätigte X." / "This said X", "Das wurde vom
Ministerium bestätigt", "Dies geht aus einem Bericht hervor"."""

from __future__ import annotations

from ..clauses import Frame
from ..speakers import np_after
from ..tokens import Token
from .base import SentenceContext, rule


def _pointing(ctx: SentenceContext, toks: list[Token]) -> Frame:
    """'Demnach' itself is the source (so the gold marks it); the rest of the sentence is
    the quote, and its actor is whoever spoke last (the engine resolves it)."""
    return Frame(
        toks[1].start,
        ctx.tools.clause_end(ctx.end),
        "indirect",
        (toks[0].start, toks[0].end),
        toks[0].text,
    )


@rule("danach", "de")
def danach(ctx: SentenceContext) -> Frame | None:
    """'Danach' after a sentence that names a document: the document says what follows"""
    toks, lx = ctx.toks, ctx.lx
    if not toks or toks[0].low not in lx.DANACH or not ctx.idx or len(toks) <= 3:
        return None
    before = ctx.view.toks(*ctx.view.sentences[ctx.idx - 1])
    if not any(t.cap and t.low.endswith(lx.DOCUMENT_NOUNS) for t in before):
        return None
    return _pointing(ctx, toks)


@rule("anaphoric_source", "de", "en")
def anaphoric_source(ctx: SentenceContext) -> Frame | None:
    """a word that continues the last source ("Demnach habe …")"""
    toks = ctx.toks
    if not toks or toks[0].low not in ctx.lx.ANAPHORIC_SOURCE or len(toks) <= 3:
        return None
    return _pointing(ctx, toks)


def _sayer(ctx: SentenceContext, toks: list[Token]) -> tuple[int, int] | None:
    """The subject after the verb at 1 ('Dies bestätigte X'), also past one adverb ('Das
    erklärte gestern ein Sprecher')."""
    sp = np_after(ctx.text, toks, 2, ctx.lx, ctx.end)
    if sp is None and ctx.tools.adverb_then_np(toks, 1):
        sp = np_after(ctx.text, toks, 3, ctx.lx, ctx.end)
    return sp


def _previous_free(ctx: SentenceContext) -> tuple[int, int] | None:
    """The sentence before, unless a quote already reaches into it."""
    ps, pe = ctx.view.sentences[ctx.idx - 1]
    if ctx.history.quoted_after(ps):
        return None
    return ps, ctx.tools.clause_end(pe)


@rule("this_said", "de", "en")
def this_said(ctx: SentenceContext) -> Frame | None:
    """'Dies bestätigte X.': the sentence before is X's words"""
    toks, lx = ctx.toks, ctx.lx
    if len(toks) < 3 or toks[0].low not in lx.THIS_SUBJECTS or toks[1].low not in lx.SAY_VERBS:
        return None
    if not ctx.idx:
        return None
    sp = _sayer(ctx, toks)
    prev = _previous_free(ctx)
    if sp is None or prev is None:
        return None  # the sentence before is someone's already: 'Das' alone may be (below)
    return Frame(toks[0].start, toks[0].end, "indirect", sp, toks[1].text, previous=prev)


def _said_by(ctx: SentenceContext, toks: list[Token], verb: Token) -> tuple[int, int] | None:
    lx, fr = ctx.lx, ctx.tools
    sp = _sayer(ctx, toks)
    if sp is None or fr.speakerlike(sp):
        return sp
    nxt = next((t for t in toks if t.start >= sp[1]), None)
    if (
        len(ctx.text[sp[0] : sp[1]].split()) < 3
        or nxt is not None
        and nxt.low in lx.NOT_SUBJECT_END
    ):
        # "Das erklärte Ziel ist …": an adjective, no report; a long phrase that closes the
        return None  # clause speaks ("Das berichteten Mitarbeiter des X")
    return sp


def _pronoun_source(ctx: SentenceContext, toks: list[Token]) -> tuple[int, int] | None:
    lx, fr = ctx.lx, ctx.tools
    verb = toks[1]
    if verb.low in lx.PASSIVE_AUX and toks[-1].low in lx.REPORT_VERBS:
        return fr.agent(toks, 1)  # "Das wurde vom Presseamt bekannt gegeben"
    if verb.low in lx.EMERGE_VERBS and any(t.low == lx.EMERGE_PARTICLE for t in toks[3:]):
        k = next((n for n in range(2, len(toks) - 1) if toks[n].low == lx.EMERGE_FROM), None)
        return np_after(ctx.text, toks, k + 1, lx, ctx.end) if k else None
    if verb.low in lx.SAY_VERBS and fr.particle_ok(verb, toks[2:]):
        return _said_by(ctx, toks, verb)
    return None


@rule("pronoun_report", "de")
def pronoun_report(ctx: SentenceContext) -> Frame | None:
    """'Dies gab die Polizei bekannt.': the pronoun stands for the reported words"""
    toks = ctx.toks
    if not ctx.idx or len(toks) < 3 or toks[0].low not in ctx.lx.PRONOUN_SUBJECTS:
        return None
    sp = _pronoun_source(ctx, toks)
    if sp is None:
        return None
    return Frame(
        toks[0].start, toks[0].end, "indirect", sp, toks[1].text, previous=_previous_free(ctx)
    )
