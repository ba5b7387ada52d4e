"""Source phrases: "laut X", "X zufolge", "nach Angaben von X", "according to X", and how they
combine with a report in the same sentence ("X bestätigte laut Reuters, dass …")."""

from __future__ import annotations

from ..clauses import Frame
from .base import SentenceContext, rule
from .content import intent_clause, that_clause
from .say import frame_before, participle_report


def _source(ctx: SentenceContext) -> Frame | None:
    if ctx.tools.source_triggers.isdisjoint(ctx.lows):
        return None  # no word that may open a source phrase
    found: Frame | None = ctx.once(
        "source_phrase", lambda: ctx.tools.source_phrase(ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("source_phrase", "de", "en")
def source_phrase(ctx: SentenceContext) -> Frame | None:
    """a source phrase ("laut X", "X zufolge", "according to X")"""
    return _source(ctx)


def _capitalised(ctx: SentenceContext, span: tuple[int, int]) -> bool:
    return any(w[:1].isupper() for w in ctx.text[span[0] : span[1]].split())


def _report_after_source(ctx: SentenceContext, src: Frame) -> Frame | None:
    """A report after the source phrase's words: X's own clause, relayed by the source."""
    fb = frame_before.match(ctx)
    if fb is None or not src.segments or fb.start < src.segments[0][1]:
        return None
    if (
        len(src.segments) > 1
        and fb.speaker is not None
        and src.source_at < fb.start
        and ":" not in ctx.text[ctx.start : ctx.end]
    ):
        src.inner = fb  # "X bestätigte laut Reuters, dass …": Reuters relays
        return src  # the sentence around its phrase, X the clause after "dass"
    return fb  # "X bestätigte laut Reuters, dass …": X speaks, Reuters reports


@rule("source_phrase", "de")
def source_with_report(ctx: SentenceContext) -> Frame | None:
    """a source phrase ("laut X", "X zufolge", "according to X")"""
    src = _source(ctx)
    if src is None:
        return None
    after = _report_after_source(ctx, src)
    if after is not None:
        return after
    inner = frame_before.match(ctx) or intent_clause.match(ctx)
    main = inner or that_clause.match(ctx)
    if main is not None and src.source_at >= main.start:
        return main  # "X kündigte an, dass nach ersten Berechnungen …": X speaks
    if (
        inner is not None
        and inner.speaker is not None
        and inner.start > src.source_at
        and inner.speaker[0] > src.source_at  # (its subject before the phrase is reported)
        and ctx.tools.speakerlike(inner.speaker)
        and _capitalised(ctx, inner.speaker)
    ):
        src.inner = inner  # "Laut X hat der IWF angekündigt, … zu wollen": both report
    return src


def _report_or_participle(ctx: SentenceContext) -> Frame | None:
    found: Frame | None = ctx.once(
        "report_or_participle", lambda: frame_before.match(ctx) or participle_report.match(ctx)
    )
    return found


@rule("report_around_source", "en")
def report_around_source(ctx: SentenceContext) -> Frame | None:
    """a report of X's that holds a source phrase, or a source phrase before X's report"""
    src, fb = _source(ctx), _report_or_participle(ctx)
    if src is None or fb is None:
        return None
    if fb.start <= src.source_at and ctx.text[fb.start : fb.end].split()[0].lower() in ctx.lx.THAT:
        return fb  # "X has learned that, according to Y, …": X's report holds Y's
    if fb.speaker is not None and src.segments and fb.speaker[0] >= src.segments[-1][0]:
        return fb  # "According to the Herald, Burrows said …": Burrows speaks
    return None


@rule("source_phrase", "en")
def source_phrase_en(ctx: SentenceContext) -> Frame | None:
    """a source phrase ("laut X", "X zufolge", "according to X")"""
    return _source(ctx)


@rule("frame_before", "en")
def report_en(ctx: SentenceContext) -> Frame | None:
    """a speaker and a verb of saying before the clause ("X sagte, …", "X said …")"""
    return _report_or_participle(ctx)
