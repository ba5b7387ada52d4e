"""Verbs of saying around a clause: "…, sagte X", "X sagte, …", "X said (that) …", "The plan,
she said, …", a clause-final verb ("…, wie X sagte"), a headline ("Court rules …")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..clauses import Frame, is_konjunktiv
from ..cues import Cues
from ..marks import QUOTE_MARKS
from ..speakers import np_after, np_before
from ..tokens import Token, union
from .base import SentenceContext, rule

if TYPE_CHECKING:
    from ..frames import FrameFinder


@lru_cache(maxsize=4)
def _after_cues(lx: Cues) -> frozenset[str]:
    """Every word a frame after the words needs one of: a verb of saying, 'hieß (es)', 'wie'."""
    return lx.SAY_VERBS | lx.SAID_IT_VERBS | lx.AS_WORDS


@rule("frame_after", "de")
def frame_after(ctx: SentenceContext) -> Frame | None:
    """a verb of saying after the clause ("…, sagte X", "…, X said")"""
    if _after_cues(ctx.lx).isdisjoint(ctx.lows):
        return None
    return _frame_after_de(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("frame_after", "en")
def frame_after_en(ctx: SentenceContext) -> Frame | None:
    """a verb of saying after the clause ("…, sagte X", "…, X said")"""
    if _after_cues(ctx.lx).isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "frame_after", lambda: _frame_after_en(ctx.tools, ctx.toks, ctx.start, ctx.end)
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
        "frame_before", lambda: _frame_before(ctx.tools, ctx.toks, ctx.start, ctx.end)
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
    return _frame_before(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("participle_report", "en")
def participle_report(ctx: SentenceContext) -> Frame | None:
    """a report verb after a participle phrase"""
    return _participle_report(ctx.tools, ctx.toks, ctx.end)


@rule("clause_final_say", "de")
def clause_final_say(ctx: SentenceContext) -> Frame | None:
    """a verb of saying that closes a subordinate clause ("…, wie X sagte")"""
    if ctx.lx.SAY_STRONG.isdisjoint(ctx.lows):
        return None
    return _clause_final_say(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("frame_after_main", "de", "en")
def frame_after_main(ctx: SentenceContext) -> Frame | None:
    """a verb of saying in the main clause after a fronted subordinate clause"""
    return _frame_after_main(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("main_after_subordinate", "en")
def main_after_subordinate(ctx: SentenceContext) -> Frame | None:
    """a speaker and verb of saying in the main clause after a subordinate one"""
    return _main_after_subordinate(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("second_clause", "en")
def second_clause(ctx: SentenceContext) -> Frame | None:
    """a report in the sentence's second clause"""
    return _second_clause(ctx.tools, ctx.toks, ctx.end)


# -- the frame finders these rules call (they read the clause tools of FrameFinder) --------


# "…, sagte der Nato-Chef" / "…, so Stoltenberg weiter" / "…, wie X sagte"
def _frame_after_de(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    lx = fr.lx
    if not _after_gaps(fr, toks):
        return None
    for j in _frame_gaps(fr, toks, 1):
        if j == 1 and toks[1].low != lx.SO_FRAME:
            continue  # "Dennoch, so Nacke, habe …": only 'so' frames after one word
        found = _after_speaker_de(fr, toks, j, e)
        if found is None:
            continue
        sp, t, verb_end = found
        if t.low != lx.SO_FRAME and not fr.has_verb(toks[:j]):
            continue  # "Der CSU-Vorsitzende, Edmund Stoiber, warf …": a subject, not words
        if t.low != lx.SO_FRAME and _fronted_phrase(fr, toks[:j]):
            continue  # "In seiner Rede, die X verlas, mahnte Harper …": no clause of words
        if any(x.low in lx.NEGATIONS for x in toks[j + 1 : fr.comma_after(toks, j) + 1]):
            continue  # "…, gab die Behörde nicht bekannt": nothing was said
        frame, rest, cut = _after_frame(fr, toks, j, s, e, sp, t, verb_end)
        if cut is not None and rest[-1].low not in lx.SAY_PARTICLES:
            # "Sein Rivale, so Obama weiter, würde …": the words go on after the frame
            # ("…, Bagus Puruhito, mit": the name)
            frame.segments = [(s, frame.end), (rest[cut].start, fr.clause_end(e))]
        return frame
    return None


# "…, Smith said." / "…, said X" / "…, as X said" / "The plan, she said, would fail"
def _frame_after_en(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    lx = fr.lx
    if not _after_gaps(fr, toks):
        return None
    for j in _frame_gaps(fr, toks, 2):
        if toks[j].low in lx.RELATIVES:
            continue  # "…, which the Church describes as …": a relative clause
        if toks[0].low in lx.PARTICIPLE_OPENERS:
            return None  # "Asked whether he would resign, he said no": no words before
        found = _after_speaker_en(fr, toks, j, e)
        if found is None:
            continue
        sp, t, verb_end = found
        if not fr.has_verb(toks[:j]):
            continue  # "The chairman, John Smith, warned …": a subject, not words
        frame, rest, cut = _after_frame(fr, toks, j, s, e, sp, t, verb_end)
        if cut is not None and rest[cut].low in lx.VERBISH | lx.NOT_SUBJECT_END:
            # the words go on with their verb ("…, she said, would fail")
            frame.segments = [(s, frame.end), (rest[cut].start, fr.clause_end(e))]
        elif not fr.finite_in(s, frame.end):
            continue  # "In a statement to the paper, X denied …": an adverbial, no words
        return frame
    return None


def _after_gaps(fr: FrameFinder, toks: list[Token]) -> bool:
    """A frame after the words follows a comma or a dash between two words."""
    between = fr.text[toks[1].end : toks[-1].start] if len(toks) > 2 else ""
    return "," in between or "–" in between or "—" in between


def _frame_gaps(fr: FrameFinder, toks: list[Token], lo: int) -> list[int]:
    """Every j >= lo where a frame can open at token j, in order: a comma or dash before it
    ("…, sagte X", "… – so X –") and no long quote inside that gap (a long quote before the
    comma is framed as a direct quote). The marks are found in the text, not word by word."""
    out: list[int] = []
    if lo >= len(toks):
        return out
    text, n = fr.text, lo
    for m in _FRAME_GAP.finditer(text, toks[lo - 1].end, toks[-1].start):
        while toks[n].start <= m.start():  # (words hold no comma or dash)
            n += 1
        if out and out[-1] == n:
            continue
        gap = text[toks[n - 1].end : toks[n].start]
        if not (len(gap.split()) > 6 and any(c in gap for c in '„“"»«')):
            out.append(n)
    return out


_FRAME_GAP = re.compile("[,–—]")


def _after_frame(
    fr: FrameFinder,
    toks: list[Token],
    j: int,
    s: int,
    e: int,
    sp: tuple[int, int],
    t: Token,
    verb_end: int,
) -> tuple[Frame, list[Token], int | None]:
    """The words before the frame at j; and the words after it (``rest``) with the index
    of the comma that may resume the words (``cut``, None unless three words follow)."""
    end = toks[j - 1].end
    comma = fr.text.find(",", end, toks[j].start)
    end = max(end, comma)  # the span runs over a short quote up to the frame's comma
    if comma >= 0 and fr.text[comma + 1 : comma + 2] in ("”", '"', "’"):
        end = comma + 2  # 'was "a disaster," she said': the words end with their mark
    frame = Frame(s, end, "indirect", sp, t.text)
    rest = [x for x in toks[j + 1 :] if x.start >= max(sp[1], verb_end)]
    cut = next(
        (
            n
            for n, x in enumerate(rest[:5])
            if "," in fr.text[(rest[n - 1].end if n else sp[1]) : x.start]
        ),
        None,
    )
    if cut is not None and len(rest) - cut < 3:
        cut = None
    return frame, rest, cut


def _so_frame(
    fr: FrameFinder, toks: list[Token], j: int, e: int
) -> tuple[tuple[int, int], Token] | None:
    """'…, so schätzen die Forscher, …', '…, das teilte das Institut mit'."""
    lx, t = fr.lx, toks[j]
    if not (
        j + 2 < len(toks)
        and (t.low == lx.SO_FRAME or t.low in lx.THIS_SUBJECTS)
        and toks[j + 1].low in lx.SAY_VERBS
        and toks[j + 1].low != lx.SO_FRAME
        and not toks[j + 1].cap
        and fr.particle_ok(toks[j + 1], toks[j + 2 :])
        and toks[j + 2].low not in lx.REFLEXIVE  # "…, das nennt sich …": a name, no words
    ):
        return None
    sp = np_after(fr.text, toks, j + 2, lx, e)
    if sp is None or fr.not_a_subject(sp):
        return None
    return sp, (toks[j + 1] if t.low != lx.SO_FRAME else t)


def _say_verb_at(fr: FrameFinder, toks: list[Token], j: int) -> bool:
    """A verb of saying at j with no comma after it ("X, Leiterin, sagte, die …": a comma
    after the verb puts its subject before it)."""
    t = toks[j]
    return (
        t.low in fr.lx.SAY_VERBS
        and not t.cap
        and fr.particle_ok(t, toks[j + 1 :])
        and not (j + 1 < len(toks) and "," in fr.gap(t, toks[j + 1]))
    )


def _after_speaker_de(
    fr: FrameFinder, toks: list[Token], j: int, e: int
) -> tuple[tuple[int, int], Token, int] | None:
    """(speaker, verb, end of the verb) of a German frame at token j."""
    lx, t = fr.lx, toks[j]
    so = _so_frame(fr, toks, j, e)
    if so is not None:
        return so[0], so[1], -1
    sp: tuple[int, int] | None = None
    if t.low in lx.SAID_IT_VERBS and j + 1 < len(toks) and toks[j + 1].low in lx.EXPLETIVE:
        sp = fr.es_source(toks, j + 1, e)  # "…, hieß es in einer Mitteilung"
    elif _say_verb_at(fr, toks, j):
        sp = np_after(fr.text, toks, j + 1, lx, e)
        if sp and fr.not_a_subject(sp):
            sp = None
        if sp is None and t.low != lx.SO_FRAME and _adverb_then_subject(fr, toks, j):
            sp = np_after(fr.text, toks, j + 2, lx, e)  # "…, teilte später X mit"
        if sp and fr.not_a_subject(sp):
            sp = None  # "X, Leiterin, äußerte sich zufrieden": an adjective, no speaker
    elif t.low in lx.AS_WORDS and j + 2 < len(toks):
        found = _as_frame(fr, toks, j, stop_at_comma=False)
        if found is not None:
            return found[0], t, found[1]
    return (sp, t, -1) if sp is not None else None


def _adverb_then_subject(fr: FrameFinder, toks: list[Token], j: int) -> bool:
    """'…, teilte später der Direktor mit': an adverb between the verb and its subject."""
    lx = fr.lx
    if j + 2 >= len(toks):
        return False
    nxt = toks[j + 1].low
    return (
        not toks[j + 1].cap
        and nxt not in lx.DETERMINERS
        and nxt not in lx.NP_PREPOSITIONS
        and nxt not in lx.THAT | lx.SUBORDINATORS | lx.CLAUSE_GLUE
        and nxt not in lx.NOT_SUBJECT_END | lx.RELATIVES
        and "," not in fr.gap(toks[j + 1], toks[j + 2])
    )


def _after_speaker_en(
    fr: FrameFinder, toks: list[Token], j: int, e: int
) -> tuple[tuple[int, int], Token, int] | None:
    """(speaker, verb, end of the verb) of an English frame at token j."""
    lx, t = fr.lx, toks[j]
    if _say_verb_at(fr, toks, j):
        sp = np_after(fr.text, toks, j + 1, lx, e)
        if sp and not fr.ends_clause(toks, sp[1]):
            return None  # ", said X" only closes a sentence: "…, said Priya Raman."
        return (sp, t, -1) if sp is not None else None
    if t.low in lx.AS_WORDS and j + 2 < len(toks):
        found = _as_frame(fr, toks, j, stop_at_comma=True)
        return (found[0], t, found[1]) if found is not None else None
    said = _subject_said(fr, toks, j, e)
    return (said[0], said[1], -1) if said is not None else None


def _as_frame(
    fr: FrameFinder, toks: list[Token], j: int, stop_at_comma: bool
) -> tuple[tuple[int, int], int] | None:
    """'…, wie X sagte', '…, as X said': (speaker, end of the verb)."""
    lx = fr.lx
    verbs = union(lx.SAY_VERBS, lx.WIE_VERBS)
    lo = j + 2 if toks[j + 1].low in lx.REFLEXIVE else j + 1  # "wie sich X ausdrückte"
    for v in range(lo + 1, min(j + 12, len(toks))):
        if toks[v].low in verbs and not toks[v].cap:
            hi = next(  # "wie X, Chef der Firma, mitteilte": the name before
                (k for k in range(lo + 1, v) if "," in fr.gap(toks[k - 1], toks[k])),
                v,
            )
            if hi < v and stop_at_comma:
                return None
            if toks[lo].low in lx.EXPLETIVE:
                # "wie es … hieß": nobody; "wie es in einer Mitteilung hieß": the place
                return fr.es_source(toks[: v + 1], lo, toks[v].start), toks[v].end
            found = np_before(fr.text, toks, lo, hi, lx)
            return (found, toks[v].end) if found is not None else None
        if v - lo >= 10 and not any(
            "," in fr.gap(toks[k - 1], toks[k]) for k in range(lo + 1, v + 1)
        ):
            return None
    return None


def _subject_said(
    fr: FrameFinder, toks: list[Token], j: int, e: int
) -> tuple[tuple[int, int], Token] | None:
    """'…, Smith said.': a subject and a verb of saying that close the sentence."""
    lx, text = fr.lx, fr.text
    for v in range(j + 1, min(j + 6, len(toks))):
        if v + 1 < len(toks) and toks[v + 1].low in lx.NOT_A_LIST_END:
            return None
        if (
            toks[v].low in lx.SAY_VERBS
            and fr.ends_clause(toks, toks[v].end, 4)
            and not (v + 1 < len(toks) and toks[v + 1].low in lx.AND_OR)
        ):  # ("…, laser light show and theme music": a noun in a list)
            if re.match(r"\s*[,:]?\s*[“\"‘]", text[toks[v].end : e]):
                return None  # "Opening words, X said, "…": the verb frames the quote
            sp = np_before(fr.text, toks, j, v, lx)
            return (sp, toks[v]) if sp is not None else None
        if "," in fr.gap(toks[v - 1], toks[v]):
            return None
    return None


def _fronted_phrase(fr: FrameFinder, toks: list[Token]) -> bool:
    """A noun or prepositional phrase with a relative clause after it and nothing else
    ("In seiner Rede, die X verlas", "Der Plan, der am Montag vorgelegt wurde"): the
    fronted part of the main clause that follows the comma, not reported words."""
    lx = fr.lx
    for n in range(1, len(toks) - 1):
        if "," not in fr.gap(toks[n - 1], toks[n]):
            continue
        rel = toks[n].low in lx.RELATIVES or (
            toks[n].low in lx.NP_PREPOSITIONS and toks[n + 1].low in lx.RELATIVES
        )
        if not rel or fr.has_verb(toks[:n]):
            return False
        return not any("," in fr.gap(toks[k - 1], toks[k]) for k in range(n + 1, len(toks)))
    return False


def _second_clause(fr: FrameFinder, toks: list[Token], e: int) -> Frame | None:
    """English: '… on Monday, and a teacher thought it was a bomb': the frame may stand
    in a main clause joined by ', and' / ', but'."""
    for k in fr.commas(toks, 2, len(toks) - 4):
        if toks[k].low in ("and", "but"):
            found = _frame_before(fr, toks[k + 1 :], toks[k + 1].start, e)
            if (
                found is not None
                and found.speaker is not None
                and "," not in fr.text[toks[k + 1].start : found.start]
            ):  # (", and Chairman of X, says …" is a list of titles, not a clause)
                return found
    return None


def _main_after_subordinate(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """English: 'Though X is complying, other sites have stated that …': after the
    subordinate clause and its comma the main clause frames as usual."""
    c = next((n for n in range(1, len(toks)) if "," in fr.gap(toks[n - 1], toks[n])), None)
    if c is None or len(toks) - c < 4:
        return None
    return _frame_before(fr, toks[c:], toks[c].start, e)


def _frame_after_main(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """After a leading subordinate clause ("Als …, sagte X, …") no frame-after applies."""
    return None


# "Stoltenberg sagte nach dem Treffen auch, die Alliierten hätten …" / "X said (that) …"
def _frame_before(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'X sagte, …' / 'X said (that) …': the language's rule (FRAME_BEFORE)."""
    return FRAME_BEFORE[fr.lx.lang](fr, toks, s, e)


def _say_verbs_at(fr: FrameFinder, toks: list[Token]) -> list[int]:
    """Where a verb of saying may stand as the frame's verb."""
    lx = fr.lx
    reach = min(len(toks) - 2, 16)
    if lx.SAY_VERBS.isdisjoint([t.low for t in toks[:reach]]):
        return []  # no verb of saying where the frame's verb would stand
    return [
        v
        for v in range(reach)
        if toks[v].low in lx.SAY_VERBS
        and not (toks[v].cap and v)
        and toks[v].low not in lx.NOT_FRAME_VERB_WORDS
    ]


def _frame_before_en(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    lx = fr.lx
    for v in _say_verbs_at(fr, toks):
        if v == 0:
            continue  # "Estimates suggest …": a noun, the verb comes later
        if v + 1 < len(toks) and toks[v + 1].low in lx.FINITE_WORDS - lx.NOT_FINITE_AFTER_NOUN:
            continue  # "Recent reports have revealed …": the noun heads the subject
        found = fr.english_before(toks, v, s, e)
        later = fr.coordinated_say(toks, v)
        if found is None and later is not None:
            # "X tweeted to Y and said …": the second verb frames, X speaks
            return fr.english_before(toks, later, s, e, subject_verb=v)
        return found
    return None


def _frame_before_de(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    lx = fr.lx
    for v in _say_verbs_at(fr, toks):
        t = toks[v]
        for c in range(v + 1, min(len(toks), v + 12)):
            gap = fr.gap(toks[c - 1], toks[c])
            if "," in gap or ":" in gap:
                break
        else:
            continue
        clause = toks[c:]
        stop = None
        if clause and ":" in fr.text[clause[0].start : fr.clause_end(e)]:
            stop = _said_and(fr, clause)  # "Er sagte, A brauche B und fügte hinzu: „…“"
            if stop is None:
                continue  # "sagte X, Gründer der Band: „…“": the colon frames a direct quote
            clause = [x for x in clause if x.end <= stop]
        if not fr.particle_ok(t, toks[v + 1 : c]):
            continue
        starts_that = clause[0].low in lx.THAT
        konj = any(is_konjunktiv(x, lx) for x in clause[:10])
        if not (starts_that or konj or t.low in lx.SAY_STRONG):
            continue
        if not (starts_that or konj) and _apposition(fr, clause, e):
            continue  # "Das bestätigte der Präsident, Susilo Yudhoyono.": no words of his
        relative = not (starts_that or konj) and _relative_to_end(fr, toks[c - 1], clause)
        if not (starts_that or konj) and _not_content_opener(lx, clause[0]):
            continue  # "…, um … zu …", "…, wenn …", "…, wobei …": no content clause
        if relative and v == 1 and toks[0].low in lx.THIS_SUBJECTS:
            continue  # "Dies berichtet X, das … prüft.": the sentence before is X's
        sp = (
            _passive_sayer(fr, toks, v)
            or _subordinate_subject(fr, toks, v, e)
            or fr.subject(toks, v, e)
        )
        if sp is None:
            continue
        end = stop if stop is not None else fr.content_end(clause, e)
        # a relative clause reports nothing, but the subject spoke: what follows is theirs
        return Frame(clause[0].start, end, "indirect", sp, t.text, quote=not relative)
    return None


def _passive_sayer(fr: FrameFinder, toks: list[Token], v: int) -> tuple[int, int] | None:
    """'Es wurde von X die Vermutung geäußert, …': the agent of a passive verb of saying."""
    lx = fr.lx
    if toks[0].low not in lx.EMPTY_SUBJECTS or toks[v].low in lx.RELAY_VERBS:
        return None  # ("X wurde von Reuters zitiert, …": X speaks, Reuters relays)
    aux = next((k for k in range(v) if toks[k].low in lx.PASSIVE_AUX and not toks[k].cap), None)
    if aux is None:
        return None
    return fr.agent(toks[: v + 1], aux, labelled=True)


def _subordinate_subject(
    fr: FrameFinder, toks: list[Token], v: int, e: int
) -> tuple[int, int] | None:
    """The verb of saying closes a subordinate clause after a comma ("…, zumal der Anwalt
    betont hatte, …", "…, nachdem X gesagt hatte, …"): its subject follows the opener."""
    lx = fr.lx
    for k in range(v, 0, -1):
        if "," in fr.gap(toks[k - 1], toks[k]):
            if toks[k].low in lx.SUBORDINATORS and toks[k].low not in lx.THAT and k + 1 < v:
                return np_after(fr.text, toks, k + 1, lx, toks[v].start)
            return None
    return None


def _apposition(fr: FrameFinder, clause: list[Token], e: int) -> bool:
    """A name after the frame's comma closes the sentence: an apposition to the speaker
    ("Das bestätigte der Präsident, Susilo Yudhoyono."), not words of theirs."""
    lx = fr.lx
    if len(clause) > 4 or not all(x.cap or x.low in lx.NP_LINKERS for x in clause):
        return False
    return not any(m in fr.text[clause[0].start : e] for m in QUOTE_MARKS)


def _relative_to_end(fr: FrameFinder, before: Token, clause: list[Token]) -> bool:
    """A relative clause on the noun before the frame's comma that closes the sentence
    ("Dies berichtet das Institut, das Websites prüft."): its verb last, not second."""
    lx = fr.lx
    return (
        before.cap
        and clause[0].low in lx.RELATIVES
        and len(clause) > 2
        and clause[1].low not in lx.NOT_SUBJECT_END
        and not clause[-1].cap
        and not fr.zu_inf(clause[-1].low)  # "…, die Rechte schützen zu wollen": an intention
        and clause[-2].low not in lx.ZU
        and not any("," in fr.gap(clause[k - 1], clause[k]) for k in range(1, len(clause)))
    )


def _not_content_opener(lx: Cues, first: Token) -> bool:
    """A purpose or adverbial clause after the frame's comma ("…, um … zu entschlüsseln",
    "…, wenn …", "…, wobei …") is not what was said."""
    low = first.low
    return (
        low in lx.PURPOSE_OPENERS
        or low in lx.SUBORDINATORS
        and low not in lx.THAT
        or low in lx.ADVERBIAL_RELATIVES
    )


def _said_and(fr: FrameFinder, clause: list[Token]) -> int | None:
    """Where reported words end at 'und' + a second verb of saying that opens a colon
    ("…, Europa brauche die Engländer und fügte hinzu: „…“"), else None."""
    lx = fr.lx
    for n in range(2, len(clause) - 1):
        x = clause[n]
        if x.low in lx.AND and clause[n + 1].low in lx.SAY_VERBS and not clause[n + 1].cap:
            colon = fr.text.find(":", x.end)
            if colon > 0 and not any(
                "," in fr.gap(clause[k - 1], clause[k])
                for k in range(n + 1, len(clause))
                if clause[k].end <= colon
            ):
                return clause[n - 1].end
    return None


def _clause_final_say(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """A verb of saying closing a relative or a leading subordinate clause, then a comma
    and a 'dass' or Konjunktiv clause: '…, der sagte, man dürfe …' (the relative pronoun
    speaks), 'Als X am Sonntag sagte, dass …, meinte er …' (the subordinate's subject)."""
    lx = fr.lx
    for c in fr.commas(toks, 3, len(toks) - 1):  # the verb closes its clause
        v = c - 1
        t = toks[v]
        if t.low not in lx.SAY_STRONG or t.cap or t.low == lx.SO_FRAME:
            continue
        if not fr.particle_ok(t, toks[v - 3 : v]):
            continue
        head = fr.own_clause_head(toks, v)
        if head is not None:
            sp: tuple[int, int] | None = (toks[head].start, toks[head].end)  # "…, der sagte"
        elif toks[0].low in lx.SUBORDINATORS and not any(
            "," in fr.gap(toks[k - 1], toks[k]) for k in range(1, v + 1)
        ):
            sp = np_after(fr.text, toks, 1, lx, t.start)  # "Als X sagte, …"
        else:
            continue
        if sp is None:
            continue
        c = v + 1
        clause = toks[c:]
        first = clause[0].low
        if not (
            first in lx.THAT_STRICT
            or first not in lx.RELATIVES
            and first not in lx.SUBORDINATORS
            and any(is_konjunktiv(x, lx) for x in clause[1:4])
        ):
            continue
        end = fr.noun_content_end(clause, e)
        return Frame(clause[0].start, end, "indirect", sp, t.text)
    return None


def _participle_report(fr: FrameFinder, toks: list[Token], e: int) -> Frame | None:
    """English: 'A court suspended the plans on Tuesday, ruling that …' / '…, saying
    the talks had failed': a participle of saying after the main clause's comma reports
    for the sentence's subject."""
    lx = fr.lx
    for k in range(3, len(toks) - 3):
        t = toks[k]
        if t.low not in lx.REPORT_PARTICIPLES or "," not in fr.gap(toks[k - 1], t):
            continue
        c = k + 1
        if toks[c].low in lx.PREPOSITIONS or (
            toks[c].low in lx.DETERMINERS and toks[c + 1].low in lx.PREPOSITIONS
        ):
            return None  # "…, warning of …": an act, not words
        if not (
            toks[c].low in lx.THAT
            or t.low == "saying"
            and fr.finite_in(toks[c].start, fr.clause_end(e))
        ):
            return None  # "…, noting the touches of X that were …": an object
        lo = fr.lead(toks)
        for n in range(lo + 1, k):  # past a dateline: "HALDEN, Oct. 7 — A court …"
            if any(d in fr.gap(toks[n - 1], toks[n]) for d in "—–"):
                lo = n
        v = next(
            (
                n
                for n in range(lo + 1, k)
                if not toks[n].cap
                and (
                    toks[n].low in lx.IRREGULAR_PAST
                    or toks[n].low.endswith("ed")
                    or toks[n].low in lx.FINITE_WORDS
                )
            ),
            None,
        )
        if v is None and toks[lo].low in lx.SAY_VERBS:
            # '"…," said John Smith, the chairman, adding that …'
            sp = np_after(fr.text, toks, lo + 1, lx, toks[k].start)
            if sp is None:
                return None
            return Frame(toks[c].start, fr.clause_end(e), "indirect", sp, t.text)
        if v is None:
            return None
        w = v
        while w > lo + 1 and toks[w - 1].low in lx.BETWEEN_SUBJECT_AND_VERB:
            w -= 1
        cut = next(
            (
                n
                for n in range(lo + 1, w)
                if toks[n].low in lx.PREPOSITIONS and toks[n].low not in ("of", "for")
            ),
            w,
        )
        sp = np_before(fr.text, toks, lo, cut, lx)
        if sp is None or not fr.speakerlike(sp):
            return None
        return Frame(toks[c].start, fr.clause_end(e), "indirect", sp, t.text)
    return None


FRAME_BEFORE = {"de": _frame_before_de, "en": _frame_before_en}
