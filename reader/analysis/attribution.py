"""Attribution rules that decide who speaks a found passage, or that nobody does.

They sit beside the engine (which calls them with itself as ``eng``) so that each rule is
small and named: an agentless passive or an expletive names no speaker, an indicative head
clause or a 'für X' opinion holder speaks its own Konjunktiv, and a short subject with a verb
of saying speaks the quote inside its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import Frame, is_konjunktiv
from .direct import opinion_holder, sentence_subject
from .tokens import Token, union

if TYPE_CHECKING:
    from .view import TextView


def holder_frame(eng: TextView, toks: list[Token], s: int, e: int) -> Frame | None:
    """'Für den Theologen X sei der Rücktritt „verständlich“': the view is X's, not the
    last speaker's, when the sentence opens with 'für X' and a copula."""
    if not toks or toks[0].low not in eng.lx.OPINION_FOR:
        return None
    holder = opinion_holder(eng, s, e)
    return Frame(s, e, "indirect", holder, None) if holder else None


def own_head(eng: TextView, toks: list[Token], e: int) -> Frame | None:
    """'Ein Augenzeuge erzählte der Agentur, Anhänger hätten …': an indicative main clause
    with a subject that can speak, then a Konjunktiv clause after its comma: that subject
    reports it, not the last speaker."""
    lx = eng.lx
    if len(toks) < 5 or toks[0].low in lx.SUBORDINATORS:
        return None
    c = next(
        (
            k
            for k in range(2, min(len(toks) - 2, 14))
            if "," in eng.text[toks[k - 1].end : toks[k].start]
        ),
        None,
    )
    if c is None or any(is_konjunktiv(t, lx) for t in toks[:c]):
        return None
    if not (toks[c].low in lx.THAT or any(is_konjunktiv(t, lx) for t in toks[c : c + 10])):
        return None
    sp = sentence_subject(eng, toks[:c])
    if sp is None or not eng.frames.speakerlike(sp):
        return None
    return Frame(toks[c].start, eng.frames.clause_end(e), "indirect", sp, None)


def _konj_after_head(eng: TextView, toks: list[Token]) -> tuple[int, bool] | None:
    """(c, reported) when the sentence's first Konjunktiv stands in a dependent clause that
    opens at the comma before token c, behind an indicative main clause with a verb;
    reported is False when that clause has only Konjunktiv II ('die … retten würde'),
    which may be a hypothesis: the sentence then stays a continuation as a whole."""
    lx = eng.lx
    if len(toks) < 4 or toks[0].low in lx.SUBORDINATORS:
        return None
    c = None
    for k in range(1, len(toks)):
        if is_konjunktiv(toks[k], lx):
            break
        if "," in eng.text[toks[k - 1].end : toks[k].start]:
            c = k
    else:
        return None
    if c is None or c == k or not eng.frames.has_verb(toks[1:c]):
        return None  # "…, sei …": the Konjunktiv is the main verb; no verb: an apposition
    if any(t.low in lx.HEARSAY for t in toks[:c]):
        return None  # "So soll er …, dass …": the hearsay sentence is the report
    embedded = toks[c].low in lx.RELATIVES or (c + 1 < k and toks[c + 1].low in lx.RELATIVES)
    if embedded and any(
        is_konjunktiv(t, lx) and "," in eng.text[toks[n - 1].end : t.start]
        for n, t in enumerate(toks[k + 1 :], k + 1)
    ):
        return None  # "Das Konklave, an dem er nicht teilnehmen werde, könne …": main verb
    two = lx.KONJ_TWO
    return c, any(is_konjunktiv(t, lx) and t.low not in two for t in toks[c:])


def indicative_head(eng: TextView, toks: list[Token], e: int) -> Frame | None:
    """'Die Firma verwies auf Studien, wonach … sei' / 'Bisher hieß es, die Frist solle …':
    a Konjunktiv I only in a clause after a comma, behind an indicative main clause with a
    verb, is that clause's report (kind indirect), not a whole sentence continuing the last
    speaker. The speaker is the main clause's subject when that can speak."""
    found = _konj_after_head(eng, toks)
    if found is None or not found[1]:
        return None
    c = found[0]
    sp = sentence_subject(eng, toks[:c])
    if (
        sp is not None
        and not (eng.frames.speakerlike(sp) or named_sayer(eng, toks[:c], sp))
        and not _opening_subject(eng, toks, sp)
    ):
        sp = None
    return Frame(toks[c].start, eng.frames.clause_end(e), "indirect", sp, None)


def _opening_subject(eng: TextView, toks: list[Token], sp: tuple[int, int]) -> bool:
    """The head clause's subject opens the sentence: the one who reports what follows."""
    return sp[0] == toks[0].start and not no_one(eng, sp)


def agentless_passive(eng: TextView, frame: Frame, outside: list[Token]) -> bool:
    """A framed report whose frame is a passive without agent ("Es wird vermutet, dass",
    "X wurde beschuldigt, …") has no speaker; the last speaker does not take it over."""
    return (
        frame.kind in ("indirect", "reported")
        and frame.speaker is None
        and any(t.low in eng.lx.PASSIVE_AUX for t in outside[:4])
    )


def no_one(eng: TextView, span: tuple[int, int]) -> bool:
    """A span that names nobody: an expletive or a passive's patient with its auxiliary
    ("Es wird vermutet, …", "Ihm wird vorgeworfen, …", "X wurde beschuldigt, …")."""
    words = eng.text[span[0] : span[1]].split()
    return bool(words) and (
        words[-1].lower() in eng.lx.PASSIVE_AUX
        or words[-1].lower() in eng.lx.PASSIVE_REPORT_AUX
        or (len(words) == 1 and words[0].lower() in eng.lx.EMPTY_SUBJECTS)
    )


def named_sayer(eng: TextView, outside: list[Token], sp: tuple[int, int]) -> bool:
    """A subject no list knows ('Meteorologen', 'Beide Seiten') still speaks the quote
    inside its sentence when the sentence has a verb of saying, reporting or labelling
    and the subject is a short capitalised phrase that opens the sentence."""
    lx = eng.lx
    words = eng.text[sp[0] : sp[1]].split()
    verbs = union(lx.SAY_VERBS, lx.REPORT_VERBS, lx.LABEL_VERBS)
    return (
        eng.lx.NOUNS_CAPITALISED
        and sp[0] == outside[0].start
        and 0 < len(words) <= 4
        and words[0][:1].isupper()
        and outside[0].low not in lx.ADVERBIAL_OPENERS
        and any(t.low in verbs and not t.cap for t in outside)
    )
