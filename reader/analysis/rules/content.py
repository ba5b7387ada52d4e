"""Content clauses: "dass"/"that" clauses, announced intentions ("kündigte an, … zu …"), a
passive with a content clause ("Es wurde bekannt, dass …"), "wonach", nouns of saying
("die Forderung, …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clauses import Frame, is_konjunktiv
from ..speakers import np_after, np_before
from ..tokens import Token
from .base import SentenceContext, rule

if TYPE_CHECKING:
    from ..cues import Cues
    from ..frames import FrameFinder


@rule("that_clause", "de", "en")
def that_clause(ctx: SentenceContext) -> Frame | None:
    """a content clause after a verb of saying ("X betonte, dass …")"""
    if ctx.lx.THAT_STRICT.isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "that_clause", lambda: _that_clause(ctx.tools, ctx.toks, ctx.start, ctx.end)
    )
    return found


@rule("intent_clause", "de")
def intent_clause(ctx: SentenceContext) -> Frame | None:
    """an announced intention ("X kündigte an, … zu …")"""
    if ctx.lx.INTENT_VERBS.isdisjoint(ctx.lows):
        return None
    found: Frame | None = ctx.once(
        "intent_clause", lambda: _intent_clause(ctx.tools, ctx.toks, ctx.start, ctx.end)
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
            return _intent_no_comma(ctx.tools, toks, v, ctx.end)
    return None


@rule("passive_that", "de", "en")
def passive_that(ctx: SentenceContext) -> Frame | None:
    """a passive or impersonal report with a content clause ("Es wurde bekannt, dass …")"""
    if ctx.lx.PASSIVE_REPORT.isdisjoint(ctx.lows):
        return None  # (its participle is one: "bekannt", "berichtet")
    return _passive_that(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("wonach", "de")
def wonach(ctx: SentenceContext) -> Frame | None:
    """a document or statement "wonach" (according to which) something holds"""
    lx = ctx.lx
    if lx.WONACH.isdisjoint(ctx.lows) and not (lx.NACH_DENEN and lx.NACH_DENEN[0] in ctx.lows):
        return None
    return _wonach(ctx.tools, ctx.toks, ctx.start, ctx.end)


@rule("speech_noun", "de")
def speech_noun(ctx: SentenceContext) -> Frame | None:
    """a noun of saying that opens the content ("die Forderung, …")"""
    return _speech_noun(ctx.tools, ctx.toks, ctx.start, ctx.end)


# -- the frame finders these rules call (they read the clause tools of FrameFinder) --------


def _participle(word: str) -> bool:
    """A German past participle, roughly: weak ones end in -t ("aufgefordert"), strong ones
    carry ge- before -en ("gebeten", "vorgeworfen"); an infinitive does neither."""
    return word.endswith("t") or re.match(r"^\w*ge\w+en$", word) is not None


def _finite_after_opener(fr: FrameFinder, toks: list[Token], c: int) -> int:
    """The finite verb after an opening adverbial ("Zur Beweislage führt …"): the first
    lower-case word that is no article, else the second word."""
    lx = fr.lx
    for k in range(1, min(c, 7)):
        t = toks[k]
        if t.cap or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS:
            continue
        if _adjective_in_np(lx, toks, k):
            continue  # "Zu dem gegenwärtigen Skandal führte X aus": no verb yet
        return k
    return 1


def _adjective_in_np(lx: Cues, toks: list[Token], k: int) -> bool:
    """An inflected lower-case word between an article and a capitalised noun."""
    before = toks[k - 1].low
    return (
        k + 1 < len(toks)
        and toks[k + 1].cap
        and (before in lx.DETERMINERS or before in lx.CONTRACTED_ARTICLES)
        and toks[k].low.endswith(lx.ADJECTIVE_ENDINGS)
    )


def _that_clause(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'…, dass …' after any verb or particle ("geht davon aus, dass"): what someone holds."""
    lx = fr.lx
    for c in range(2, len(toks) - 2):
        if toks[c].low not in lx.THAT_STRICT or "," not in fr.gap(toks[c - 1], toks[c]):
            continue
        prev = toks[c - 1]
        if prev.cap or prev.low in lx.NOT_BEFORE_THAT or toks[0].low in lx.IMPERSONAL:
            return None
        if any(x.low in lx.DEGREE_WORDS for x in toks[max(0, c - 4) : c]):
            return None  # "so heftig, dass …", "soweit geräumt, dass …": a result clause
        if any(is_konjunktiv(x, lx) for x in toks[:c]):
            return None  # "Die Verbündeten seien sich einig, dass …": someone else reports
        if _correlate_not_speech(fr, toks, c):
            return None  # "Der Sturm führte dazu, dass …": a result, nobody's words
        own = _own_clause_subject(fr, toks, c)
        if own is not None:  # "…, während die Initiative fordert, dass …"
            return Frame(toks[c].start, fr.clause_end(e), "indirect", own, prev.text)
        if toks[0].low in lx.ADVERBIAL_OPENERS or toks[0].low in lx.THAT:
            f = _finite_after_opener(fr, toks, c)  # "Zur Lage führt das Gericht aus, dass"
            sp = np_after(fr.text, toks, f + 1, lx, toks[c].start) or np_after(
                fr.text, toks, 1, lx, toks[c].start
            )
        else:
            k = 0
            while k < c and (
                toks[k].cap
                or toks[k].low in lx.DETERMINERS
                or toks[k].low in lx.NP_LINKERS
                or toks[k].low in lx.PRONOUNS
            ):
                k += 1
            sp = (toks[0].start, toks[k - 1].end) if k else None
            if k == 1 and toks[0].low in lx.DETERMINERS:
                # "Der 81-jährige Besitzer hatte festgestellt, dass": an adjective follows
                sp = np_after(fr.text, toks, 0, lx, toks[c].start) or sp
        if sp is None:
            return None
        # "X konnte nicht bestätigen, dass …": no one's words, but X spoke
        near = {x.low for x in toks[max(0, c - 4) : c]}
        said = lx.NEGATIONS.isdisjoint(near) or not lx.DENIAL_PARTICLES.isdisjoint(near)
        return Frame(toks[c].start, fr.clause_end(e), "indirect", sp, prev.text, quote=said)
    return None


def _own_clause_subject(fr: FrameFinder, toks: list[Token], c: int) -> tuple[int, int] | None:
    """The verb before the 'dass' at ``c`` closes a subordinate or relative clause after a
    comma ("…, während die Initiative fordert, dass", "…, bei dem man davon ausgeht, dass")
    or stands after a semicolon ("…; Die Zeitung berichtete, dass"): that clause's subject."""
    lx = fr.lx
    for k in range(c - 1, 0, -1):
        gap = fr.gap(toks[k - 1], toks[k])
        if ";" in gap:
            head = toks[k:c]
            if len(head) < 2 or not head[0].cap:
                return None
            return np_before(fr.text, head, 0, _finite_after_opener(fr, head, len(head)), lx)
        if "," not in gap:
            continue
        n = k + 1 if toks[k].low in lx.NP_PREPOSITIONS and k + 1 < c else k
        if toks[n].low in lx.SUBORDINATORS - lx.NO_SUBJECT_AFTER or (
            toks[n].low in lx.RELATIVES and n > k
        ):  # ("…, der X sagte": the relative pronoun itself is another rule's)
            return np_after(fr.text, toks, n + 1, lx, toks[c - 1].start)
        return None
    return None


def _correlate_not_speech(fr: FrameFinder, toks: list[Token], c: int) -> bool:
    """A pronominal adverb before the "dass" at ``c`` with a verb that makes the clause a
    cause or result ("trug dazu bei, dass", "deuten darauf hin, dass")."""
    pairs = fr.lx.CORRELATE_NOT_SPEECH
    if not pairs:
        return False
    near = toks[max(0, c - 6) : c]
    lows = {t.low for t in near}
    return any(
        adverb in lows and any(t.low.startswith(stems) for t in near) for adverb, stems in pairs
    )


def _intent_clause(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'kündigte an, das Gesetz zu ändern': an announced or demanded act (zu-infinitive).
    The verb may also close a relative or subordinate clause ("…, der alle aufforderte,
    … zu unterstützen", "nachdem die Partei entschieden hatte, … zu …")."""
    lx = fr.lx
    for v in range(len(toks) - 1):
        if toks[v].low not in lx.INTENT_VERBS or toks[v].cap and v:
            continue
        f = _intent_at(fr, toks, v, s, e)
        if f is not None or v < 14:
            return f
    return None


def _intent_at(fr: FrameFinder, toks: list[Token], v: int, s: int, e: int) -> Frame | None:
    lx = fr.lx
    late = v >= 14  # far into the sentence: only a verb closing its own clause
    if lx.VERB_FINAL_CLAUSES and v + 3 < len(toks) and "," not in fr.gap(toks[v], toks[v + 1]):
        f = _intent_no_comma(fr, toks, v, e)
        if f is not None:
            return f
    for c in range(v + 1, min(len(toks) - 1, v + (4 if late else 10))):
        if "," not in fr.gap(toks[c - 1], toks[c]):
            continue
        n = c
        while n + 1 < len(toks) and "," not in fr.gap(toks[n], toks[n + 1]):
            n += 1
        clause = toks[c : n + 1]
        if late and not all(
            x.low in lx.NOT_SUBJECT_END or x.low in lx.PASSIVE_PARTICIPLE_AUX
            for x in toks[v + 1 : c]
        ):
            return None
        if any(is_konjunktiv(x, lx) for x in toks[:v]) and fr.own_clause_head(toks, v) is None:
            return None  # "Noch habe der Vorstand zugesagt, …": someone else reports it
        if not (any(fr.zu_inf(x.low) for x in clause) or any(x.low in lx.ZU for x in clause[-3:])):
            return None
        if clause[0].low in lx.PURPOSE_OPENERS:
            return None  # "forderte …, um … auszugleichen": a purpose, not the content
        head = fr.own_clause_head(toks, v)
        if head is not None and toks[head].low in lx.RELATIVES:
            # "…, der alle Nichtmoslems aufforderte, …": the relative pronoun speaks
            sp2 = (toks[head].start, toks[head].end)
            return Frame(toks[c].start, fr.clause_end(e), "indirect", sp2, toks[v].text)
        if head is not None:
            return None  # another subordinate clause: its subject is not the frame's
        # "A und B werden aufgefordert, …", "…, dass X aufgefordert wurde, …": a passive
        last = toks[v + 1].low in lx.PASSIVE_AUX and c == v + 2  # (the auxiliary closes)
        passive = _participle(toks[v].low) and (
            last or any(x.low in lx.PASSIVE_AUX for x in toks[:v])
        )
        sp: tuple[int, int] | None = fr.subject(toks, v, e)
        if passive and sp is not None:
            # the subject is asked; the agent asks
            sp = fr.agent(toks, max(k for k in range(v + 2) if toks[k].low in lx.PASSIVE_AUX))
        if sp is None or not (fr.speakerlike(sp) or sp[0] == toks[0].start and not passive):
            # (the subject opening the sentence announces, as without a comma: "Der Verlag
            # schlug den Mitarbeitern vor, sich … zu bewerben")
            if not (last or any(x.low in lx.PASSIVE_AUX for x in toks[:v])):
                return None
            # "Ihm wird vorgeworfen, … getötet zu haben": nobody named
            return Frame(
                toks[c].start, fr.clause_end(e), "indirect", None, toks[v].text, nobody=True
            )
        return Frame(toks[c].start, fr.clause_end(e), "indirect", sp, toks[v].text)
    return None


def _intent_no_comma(fr: FrameFinder, toks: list[Token], v: int, e: int) -> Frame | None:
    """'X hat angekündigt die Preise zu erhöhen', 'Anwohner wurden aufgefordert Fenster
    geschlossen zu halten': a participle of an intent verb with its zu-infinitive right
    after it and no comma between."""
    lx = fr.lx
    if not _participle(toks[v].low) or not any(x.low in lx.AUXILIARIES for x in toks[:v]):
        return None
    n = fr.comma_after(toks, v + 1)
    clause = toks[v + 1 : n + 1]
    if len(clause) < 2 or clause[0].low in lx.ZU | lx.PURPOSE_OPENERS:
        return None
    if not (fr.zu_inf(clause[-1].low) or len(clause) > 1 and clause[-2].low in lx.ZU):
        return None  # the infinitive closes the clause
    if any(x.low in lx.NOT_SUBJECT_END for x in clause):
        return None  # a finite verb: another clause, not the infinitive
    passive = any(x.low in lx.PASSIVE_AUX for x in toks[:v])
    sp = fr.subject(toks, v, e)
    if passive and sp is not None:
        sp = fr.agent(toks, 0)
    elif sp is not None and not fr.speakerlike(sp) and sp[0] != toks[0].start:
        return None  # (the subject opening the sentence announces: "Philips hat …")
    end = fr.clause_end(e) if n + 1 == len(toks) else toks[n].end
    return Frame(clause[0].start, end, "indirect", sp, toks[v].text)


def _passive_that(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'Im April wurde bekannt, dass …', 'Gestern war berichtet worden, dass …', 'Es wird
    erwartet, dass …', 'Als Grund wurde angegeben, es werde …': an agentless passive of a
    report verb before a comma frames the 'dass' or Konjunktiv clause after it. Its agent
    ('von X') speaks, else nobody."""
    lx = fr.lx
    parts = lx.PASSIVE_REPORT
    if not parts:
        return None
    aux = lx.PASSIVE_REPORT_AUX
    for c in fr.commas(toks, 2, min(len(toks) - 1, 14)):
        p = c - 1
        while p > 0 and toks[p].low in aux:
            p -= 1  # "berichtet worden", "bekannt geworden war"
        if toks[p].low not in parts or not any(x.low in aux for x in toks[:c]):
            return None
        if any(x.low in lx.NEGATIONS for x in toks[:c]):
            return None  # "Es wurde nicht bekannt, ob …": nothing was reported
        n = fr.comma_after(toks, c)
        clause = toks[c : n + 1]
        first = clause[0].low
        if not (
            first in lx.THAT_STRICT
            or first in lx.WHETHER
            and toks[p].low not in lx.NOT_WHETHER_PARTICIPLE
            or first not in lx.RELATIVES
            and first not in lx.SUBORDINATORS
            and first not in lx.NOT_CONTENT
            and any(is_konjunktiv(x, lx) for x in clause[1:4])
        ):
            return None
        sp = fr.agent(toks[:c], 0) or fr.document_place(toks[:c], toks[c].start)
        if sp is None:  # nobody named: the auxiliary stands in (no speaker)
            a = next((x for x in toks[:c] if x.low in lx.PASSIVE_AUX), None)
            a = a or next(x for x in toks[:c] if x.low in aux)
            sp = (a.start, a.end)
        end = fr.noun_content_end(toks[c:], e)
        return Frame(toks[c].start, end, "indirect", sp, toks[p].text)
    return None


def _speech_noun(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'der Vorwurf der Regierung, Terror zu propagieren', 'mit der Begründung, dass …',
    'die Aussage, es sei …': a noun of saying or demanding before a comma, then a
    zu-infinitive, a 'dass'/'ob' clause or a Konjunktiv clause: that clause is its content.
    The noun's genitive or 'von' phrase speaks, else the noun phrase itself."""
    lx = fr.lx
    if not lx.SPEECH_NOUNS:
        return None
    for c in fr.commas(toks, 1, len(toks) - 1):
        k = _speech_noun_before(fr, toks, c)
        if k is None:
            continue
        if any(is_konjunktiv(x, lx) for x in toks[:k]):
            return None  # "… gebe es Aussagen, dass …": the sentence reports someone
        n = fr.comma_after(toks, c)
        clause = toks[c : n + 1]
        if not _noun_content(fr, clause):
            continue
        j = _noun_phrase_start(fr, toks, k)
        sp = _noun_speaker(fr, toks, j, k, c)
        end = _noun_clause_end(fr, toks, c, n, clause, e)
        return Frame(toks[c].start, end, "indirect", sp, toks[k].text)
    return None


def _speech_noun_before(fr: FrameFinder, toks: list[Token], c: int) -> int | None:
    """The noun of saying that ends the phrase before the comma at token c."""
    lx = fr.lx
    last = c - 1
    if toks[last].low in lx.BECAME_PUBLIC and last > 1 and toks[last - 1].cap:
        last -= 1  # "Vorwürfe wurden laut, …": the words became public
    elif not toks[last].cap:
        return None  # "…, keine Entscheidung darüber gegeben, ob": a verb ends the clause
    for j in range(last, max(-1, c - 8), -1):
        t = toks[j]
        if j < last and "," in fr.gap(t, toks[j + 1]):
            return None
        if t.cap and t.low.endswith(lx.SPEECH_NOUNS):
            return j
        if not (
            t.cap
            or t.low in lx.DETERMINERS
            or t.low in lx.NP_LINKERS
            or t.low in lx.NP_PREPOSITIONS
            or t.low.endswith(lx.INFLECTED_ENDINGS)
        ):
            return None
    return None


def _noun_content(fr: FrameFinder, clause: list[Token]) -> bool:
    """Is the clause after the noun's comma its content (a 'dass'/'ob' clause, a
    zu-infinitive, a Konjunktiv clause), not a relative or adverbial clause?"""
    lx = fr.lx
    first = clause[0].low
    article = (  # "die Begründung, das Gebäude sei marode": not a relative pronoun
        first in lx.RELATIVES
        and len(clause) > 3
        and clause[1].cap
        and any(is_konjunktiv(x, lx) for x in clause[2:4])
    )
    if first in lx.THAT_STRICT or first in lx.WHETHER or article:
        return True
    content = _zu_clause(fr, clause) or any(is_konjunktiv(x, lx) for x in clause[1:4])
    return not (
        first in lx.SUBORDINATORS or first in lx.RELATIVES or first in lx.NOT_CONTENT or not content
    )


def _zu_clause(fr: FrameFinder, clause: list[Token]) -> bool:
    return any(fr.zu_inf(x.low) for x in clause) or any(x.low in fr.lx.ZU for x in clause[-3:])


def _noun_phrase_start(fr: FrameFinder, toks: list[Token], k: int) -> int:
    """The noun phrase of the noun at k: articles and adjectives before it."""
    lx = fr.lx
    j = k
    while (
        j > 0
        and (
            toks[j - 1].low in lx.DETERMINERS
            or not toks[j - 1].cap
            and len(toks[j - 1].low) > 4
            and toks[j - 1].low.endswith(lx.ADJECTIVE_ENDINGS)
            and toks[j - 1].low not in lx.NP_PREPOSITIONS
            and not toks[j - 1].low.endswith(lx.ADVERB_ENDINGS)
        )
        and "," not in fr.gap(toks[j - 1], toks[j])
    ):
        j -= 1
    while j < k and not (toks[j].cap or toks[j].low in lx.DETERMINERS):
        j += 1  # "stehen Vorwürfe im Raum": a verb, not an adjective
    return j


def _noun_speaker(fr: FrameFinder, toks: list[Token], j: int, k: int, c: int) -> tuple[int, int]:
    """Who speaks the noun's content: the sentence's subject that holds the view, else
    the noun's genitive or 'von' phrase, else the noun phrase itself."""
    lx = fr.lx
    if j > 0:  # "Die DSW ist der Ansicht, …": the subject holds the view
        f = _finite_after_opener(fr, toks, j)
        sub = None
        if toks[0].low in lx.ADVERBIAL_OPENERS:
            sub = np_after(fr.text, toks, f + 1, lx, toks[c].start) if f < j else None
        elif 0 < f <= j:
            sub = np_before(fr.text, toks, 0, f, lx)
        if sub is not None and fr.speakerlike(sub):
            return sub
    if k + 1 < c and toks[k + 1].low in lx.OF_SPEAKER:
        sp = np_after(fr.text, toks, k + 1, lx, toks[c].start) or np_after(
            fr.text, toks, k + 2, lx, toks[c].start
        )  # "der Vorwurf der Regierung": the government accuses
        if sp is not None:
            return sp
    return toks[j].start, toks[k].end


def _noun_clause_end(
    fr: FrameFinder, toks: list[Token], c: int, n: int, clause: list[Token], e: int
) -> int:
    """A zu-infinitive ends at its comma (with the ones chained to it); a 'dass' or
    Konjunktiv clause runs on."""
    lx = fr.lx
    while n + 1 < len(toks) and toks[n + 1].low not in lx.PURPOSE_OPENERS:
        m = fr.comma_after(toks, n + 1)  # "…, dabei zu helfen, X zu bringen"
        if not any(fr.zu_inf(x.low) or x.low in lx.ZU for x in toks[m - 1 : m + 1]):
            break
        n = m
    if n + 1 == len(toks):
        return fr.clause_end(e)
    first = clause[0].low
    if first in lx.THAT_STRICT or first in lx.WHETHER or not _zu_clause(fr, clause):
        return fr.noun_content_end(toks[c:], e)
    return toks[n].end


def _wonach(fr: FrameFinder, toks: list[Token], s: int, e: int) -> Frame | None:
    """'Berichte, wonach …': the clause after 'wonach' is what the noun before it says."""
    lx = fr.lx
    if not lx.WONACH:
        return None
    for c in range(1, len(toks) - 2):
        if "," not in fr.gap(toks[c - 1], toks[c]):
            continue
        skip = 0
        if (toks[c].low, toks[c + 1].low) == lx.NACH_DENEN:
            skip = 1  # "Gerüchte, nach denen …"
        elif toks[c].low not in lx.WONACH:
            continue
        k = c - 1
        while (
            k > 0
            and (toks[k - 1].cap or toks[k - 1].low in fr.lx.DETERMINERS)
            and ("," not in fr.gap(toks[k - 1], toks[k]))
        ):
            k -= 1
        n = c + 1 + skip
        while n + 1 < len(toks) and "," not in fr.gap(toks[n], toks[n + 1]):
            n += 1
        if c + 1 + skip >= len(toks):
            return None
        return Frame(
            toks[c + 1 + skip].start,
            toks[n].end,
            "indirect",
            (toks[k].start, toks[c - 1].end),
            toks[c].text if not skip else f"{toks[c].text} {toks[c + 1].text}",
        )
    return None
