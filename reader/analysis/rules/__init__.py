"""The quotation rules, one module per family, in an ordered list per language.

How to add a rule: write ``@rule("name", "de") def name(ctx) -> Frame | None`` in the module
of its family (its docstring's first line is what ``i`` shows in the app), put it in the
language's list below where it should win over the rules after it, and run
``python tests/analysis_golden.py`` to see which quotes of the dev corpora it changes.

A sentence is tried against ``SENTENCE_RULES[lang]`` in order; the first rule that returns a
frame wins. The first entry, ``frames``, sorts the sentence by its shape (a headline, a
sentence that opens with a subordinate clause, a main clause) and tries that shape's list.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..clauses import Frame
from .anaphoric import anaphoric_source, danach, pronoun_report, this_said
from .base import FirstOf, FnRule, Rule, SentenceContext, first_match, named, rule, steps
from .content import (
    intent_clause,
    intent_no_comma,
    passive_that,
    speech_noun,
    that_clause,
    wonach,
)
from .konjunktiv import KONJUNKTIV, hearsay
from .reported import backshift, reported_de, reported_en
from .say import (
    clause_final_say,
    frame_after,
    frame_after_en,
    frame_after_main,
    frame_before,
    frame_inside,
    headline,
    headline_colon,
    headline_says,
    main_after_subordinate,
    second_clause,
)
from .sources import (
    report_around_source,
    report_en,
    source_phrase,
    source_phrase_en,
    source_with_report,
)

__all__ = [
    "SENTENCE_RULES",
    "FirstOf",
    "FnRule",
    "Rule",
    "SentenceContext",
    "describe",
    "first_match",
    "rule",
    "steps",
]


def _has_comma(ctx: SentenceContext) -> bool:
    """Every German frame of a main clause needs a comma (or a colon) but an intention."""
    return ctx.comma


def _indicative_relative(ctx: SentenceContext, found: Frame) -> bool:
    return ctx.tools.indicative_relative(found, ctx.toks)


SUBORDINATE_DE = (source_phrase, frame_after_main, passive_that, clause_final_say)
SUBORDINATE_EN = (source_phrase, frame_after_main, passive_that, main_after_subordinate)

FRAMES: dict[str, dict[str, Sequence[Rule]]] = {
    "de": {
        "headline": (),
        "subordinate": SUBORDINATE_DE,
        "main": (
            source_with_report,
            FirstOf(
                "no_comma", frozenset({"de"}), (intent_no_comma,), when=lambda c: not _has_comma(c)
            ),
            FirstOf(
                "comma",
                frozenset({"de"}),
                (
                    frame_after,
                    frame_before,
                    clause_final_say,
                    that_clause,
                    intent_clause,
                    wonach,
                    passive_that,
                    speech_noun,
                ),
                veto=_indicative_relative,
                when=_has_comma,
            ),
        ),
    },
    "en": {
        "headline": (headline_says, headline_colon, headline),
        "subordinate": SUBORDINATE_EN,
        "main": (
            frame_inside,
            report_around_source,
            source_phrase_en,
            report_en,
            frame_after_en,
            second_clause,
        ),
    },
}


def _shape(ctx: SentenceContext) -> str | None:
    """'headline', 'subordinate' or 'main'; None for a sentence no frame rule reads."""
    toks, fr = ctx.toks, ctx.tools
    if len(toks) < 3:
        return None
    if fr.is_heading(toks, ctx.end):
        return "headline"
    if ctx.text[fr.clause_end(ctx.end) : ctx.end].startswith("?"):
        return None  # a question asks, it does not report
    if toks[0].low in ctx.lx.SUBORDINATORS and not fr.als_noun(toks) and not fr.um_time(toks):
        return "subordinate"
    return "main"


class Frames:
    """The frame rules of a language, by sentence shape. A source phrase around a direct quote
    after a colon ("Y sagte laut X: „…“") is no frame: the quote is Y's, X relays it."""

    name = "frames"

    def __init__(self, lang: str):
        self.languages = frozenset({lang})
        self.by_shape = FRAMES[lang]
        self._steps = {shape: steps(rules) for shape, rules in self.by_shape.items()}

    def match(self, ctx: SentenceContext) -> Frame | None:
        shape = _shape(ctx)
        if shape is None:
            return None
        found = first_match(self._steps[shape], ctx)
        if found is not None and found.source_at >= 0 and _colon_quote(ctx):
            return None
        return found


def _colon_quote(ctx: SentenceContext) -> bool:
    """A direct quote after a colon closes the sentence, a verb of saying introduces it,
    and a source phrase ("laut X", "X zufolge") names who relays it: the sentence is the
    quote's frame. ("ihrer Meinung nach …:" stays a frame of its own.)"""
    lx, text = ctx.lx, ctx.text
    if not any(t.low in lx.SOURCE_BEFORE or t.low in lx.SOURCE_AFTER for t in ctx.toks):
        return False
    for m in ctx.tops:
        before = ctx.view.toks(ctx.start, m.start)
        if (
            before
            and text[before[-1].end : m.start].strip() == ":"
            and text[m.end : ctx.end].strip(" .") == ""
            and any(t.low in lx.SAY_VERBS and not t.cap for t in before)
        ):
            return True
    return False


SENTENCE_RULES: dict[str, Sequence[Rule]] = {
    "de": (
        Frames("de"),
        danach,
        anaphoric_source,
        this_said,
        pronoun_report,
        KONJUNKTIV,
        reported_de,
        hearsay,
    ),
    "en": (
        Frames("en"),
        anaphoric_source,
        this_said,
        backshift,
        reported_en,
    ),
}


def _all_rules() -> dict[str, str]:
    seen: dict[str, str] = {}
    stack: list[Rule] = [r for rules in SENTENCE_RULES.values() for r in rules]
    stack += [r for shapes in FRAMES.values() for rules in shapes.values() for r in rules]
    while stack:
        r = stack.pop()
        if isinstance(r, FnRule):
            seen.setdefault(r.name, r.doc)
        elif isinstance(r, FirstOf):
            stack.extend(r.rules)
    return seen


# the rules of the engine itself (direct quotes in marks, inner reports, relays)
ENGINE_RULES = {
    "direct_framed": "words in quotation marks with a verb of saying and its speaker beside them",
    "direct_unframed": "words in quotation marks with no frame of their own",
    "direct_nested": "quotation marks inside reported words",
    "term": "quotation marks around a name, title or scare word: no one's words",
    "relay": "words in quotation marks that a medium quotes someone as saying",
    "inner_report": 'a report inside reported words ("said she believed …")',
    "opinion": 'a first-person opinion inside quoted words ("I think …")',
}


def describe(name: str | None) -> str:
    """The one-line explanation of a rule, by its name ('' for an unknown name)."""
    if name in ENGINE_RULES:
        return ENGINE_RULES[name]
    return _all_rules().get(name or "", "")


_ = named
