"""Konjunktiv sentences with no frame of their own: they continue the last speaker ("Der
Konflikt sei nicht ethnisch."), unless an indicative head clause or a 'für X' opinion holder
speaks them; a reportative 'soll' ("X soll … getötet worden sein") is hearsay."""

from __future__ import annotations

from ..attribution import holder_frame, indicative_head, own_head
from ..clauses import Frame, is_konjunktiv
from ..direct import sentence_subject
from ..tokens import Token
from .base import FirstOf, SentenceContext, rule


def konj_one(ctx: SentenceContext, toks: list[Token]) -> bool:
    """A Konjunktiv I verb in the main clause ("sei", "habe", "könne"): reported, never
    hypothetical (Konjunktiv II "wäre", "würde" is both)."""
    lx = ctx.lx
    if not toks:
        return False
    # only the first clause: "…, die X sei" is a relative clause (words hold no comma)
    comma = ctx.text.find(",", toks[0].end, toks[-1].start)
    for t in toks:
        if 0 <= comma < t.start:
            return False
        if t.low in lx.FIRST_PERSON:
            return False  # "Ich stelle …": the first person, not a Konjunktiv
        if t.low in lx.KONJ_FORMS and t.low not in lx.KONJ_TWO:
            return True
    return False


def _konj(ctx: SentenceContext, toks: list[Token]) -> bool:
    lx = ctx.lx
    if not lx.KONJ_FORMS.isdisjoint(ctx.lows if toks is ctx.toks else [t.low for t in toks]):
        return True
    return any(is_konjunktiv(t, lx) for t in toks if t.low[-1] == "e")


def _hypothetical(ctx: SentenceContext, toks: list[Token]) -> bool:
    """'Sollte der Antrag angenommen werden, könnte X …', 'Da sie feucht war, dürfte …': a
    sentence that opens with a condition or a cause and has only Konjunktiv II forms states
    a consequence, it does not go on with anyone's words."""
    lx = ctx.lx
    if not toks or toks[0].low not in lx.SUBORDINATORS and toks[0].low not in lx.HEARSAY_IF:
        return False
    forms = [t.low for t in toks if is_konjunktiv(t, lx)]
    return bool(forms) and all(f in lx.KONJ_TWO for f in forms)


def _before_own_colon(ctx: SentenceContext) -> list[Token]:
    """The words before a colon that a verb of saying opens ("X kritisierte …: Das Gesetz
    beschränke …"): the Konjunktiv after it is X's, not the last speaker's."""
    toks = ctx.toks
    colon = ctx.text.find(": ", ctx.start, ctx.end)
    if colon < 0:
        return toks
    head = [t for t in toks if t.end <= colon]
    lx = ctx.lx
    if any(t.low in lx.SAY_VERBS or t.low in lx.REPORT_VERBS for t in head if not t.cap):
        return head
    return toks


def _continues(ctx: SentenceContext) -> bool:
    if not ctx.lx.FIRST_SINGULAR.isdisjoint(ctx.lows):
        return False  # "Ich lehne sie ab", "habe ich gelernt": the first person's indicative
    h = ctx.history
    if not (h.recent(ctx.idx) or konj_one(ctx, ctx.toks) and h.previous_subject(ctx.idx)):
        return False
    toks = _before_own_colon(ctx)
    if _modal_two_only(ctx, toks) and h.last_index() != ctx.idx - 1:
        return False
    return _konj(ctx, toks) and not _hypothetical(ctx, toks)


def _modal_two_only(ctx: SentenceContext, toks: list[Token]) -> bool:
    """'Die Lage könnte sich verschlechtern.', 'Dann müsste X zahlen.': a sentence whose only
    Konjunktiv forms are the modals of possibility ("könnte", "müsste", "dürfte", "sollte")
    states a possibility of the text's own unless it comes right after the report it goes
    on with (the caller checks that)."""
    lx = ctx.lx
    forms = [t.low for t in toks if is_konjunktiv(t, lx)]
    return bool(forms) and all(f in lx.MODAL_KONJ_TWO for f in forms)


@rule("konj_own_head", "de")
def konj_own_head(ctx: SentenceContext) -> Frame | None:
    """an indicative main clause whose subject speaks the Konjunktiv clause after its comma"""
    return own_head(ctx.view, ctx.toks, ctx.end)


@rule("konj_holder", "de")
def konj_holder(ctx: SentenceContext) -> Frame | None:
    """'Für X sei …': the view is X's"""
    return holder_frame(ctx.view, ctx.toks, ctx.start, ctx.end)


@rule("konj_indicative_head", "de")
def konj_indicative_head(ctx: SentenceContext) -> Frame | None:
    """a Konjunktiv clause behind an indicative head clause"""
    return indicative_head(ctx.view, ctx.toks, ctx.end)


def _own_holder(ctx: SentenceContext) -> tuple[int, int] | None:
    """'Der Verband möchte …', 'Die Parteien wollen …', 'Ein Sprecher verwies auf … und
    möchte …' inside a Konjunktiv continuation: the main clause's own verb of wanting or of
    saying, right after its subject, makes that subject (a noun phrase that can speak, not
    a pronoun) the holder instead of the last speaker."""
    lx, toks, text = ctx.lx, ctx.toks, ctx.text
    for k, t in enumerate(toks[:8]):
        if k and "," in text[toks[k - 1].end : t.start]:
            return None  # the verb of wanting stands in a later clause
        own = t.low in lx.WISH_VERBS or t.low in lx.SAY_VERBS or t.low in lx.REPORT_VERBS
        if k and own and not t.cap:
            break
        adjective = k + 1 < len(toks) and toks[k + 1].cap  # "die kleinen Parteien"
        if k and not (t.cap or adjective or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS):
            return None  # another word first: not the subject's own verb
    else:
        return None
    sp = sentence_subject(ctx.view, toks)
    if sp is None or text[sp[0] : sp[1]].lower() in lx.PRONOUNS or not ctx.tools.speakerlike(sp):
        return None
    return sp


@rule("konj_continues", "de")
def konj_continues(ctx: SentenceContext) -> Frame | None:
    """a Konjunktiv sentence with no frame: it continues the last speaker (or the subject
    of its own verb of wanting or saying)"""
    return Frame(ctx.start, ctx.end, "indirect_free_indirect", _own_holder(ctx), None)


KONJUNKTIV = FirstOf(
    "konjunktiv",
    frozenset({"de"}),
    (konj_own_head, konj_holder, konj_indicative_head, konj_continues),
    when=_continues,
)


def _main_hearsay(ctx: SentenceContext) -> bool:
    """A reportative 'soll' of the sentence itself, not one inside a relative or
    subordinate clause ("…ist das erste Projekt, das nicht mehr … finanziert werden
    soll": the sentence states a fact)."""
    lx, toks = ctx.lx, ctx.toks
    inside = False
    for n, t in enumerate(toks):
        if n and "," in ctx.text[toks[n - 1].end : t.start]:
            inside = t.low in lx.RELATIVES or t.low in lx.SUBORDINATORS
        elif n == 0:
            inside = t.low in lx.SUBORDINATORS
        if t.low in lx.HEARSAY and not inside:
            return True
    return False


def _hearsay_perfect(ctx: SentenceContext) -> bool:
    """'X soll … getötet worden sein[, …]': the reportative modal with a perfect
    infinitive that closes its clause (before a comma or the end), not a plan."""
    seen = False
    toks = ctx.toks
    for n, t in enumerate(toks):
        if t.low in ctx.lx.HEARSAY:
            seen = True
        elif (
            seen
            and t.low in ctx.lx.PERFECT_AUX
            and (n + 1 == len(toks) or "," in ctx.text[t.end : toks[n + 1].start])
        ):
            return True
    return False


@rule("hearsay", "de")
def hearsay(ctx: SentenceContext) -> Frame | None:
    """a reportative 'soll' ("X soll … gesagt haben"): hearsay"""
    if ctx.lx.HEARSAY.isdisjoint(ctx.lows) or not _main_hearsay(ctx):
        return None
    last = ctx.history.last_index()
    if (last is not None and ctx.idx - last <= 1) or _hearsay_perfect(ctx):
        return Frame(ctx.start, ctx.end, "free_indirect", None, None)
    return None
