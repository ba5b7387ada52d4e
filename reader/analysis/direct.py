"""Is a span in quotation marks somebody's words (direct) or a name or title (term), and who
frames it: a verb of saying right after it ("…“, sagte er") or before it ("X sagte: „…“")."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .clauses import is_konjunktiv
from .marks import MarkSpan
from .models import QuoteKind
from .speakers import np_after, np_before

if TYPE_CHECKING:
    from .cues import Cues
    from .tokens import Token
    from .view import TextView

_LONG_QUOTE = 7  # words: a quotation, not a title, even without a frame


def _sentence_end(eng: TextView, pos: int) -> int:
    i = bisect.bisect_right(eng.sentence_starts, pos) - 1
    return eng.sentences[i][1] if i >= 0 else len(eng.text)


def frame_after(eng: TextView, m: MarkSpan) -> tuple[tuple[int, int] | None, str | None]:
    lx, text = eng.lx, eng.text
    after = eng.toks(m.end, max(_sentence_end(eng, m.end - 1), m.end))
    if not after or text[m.end : after[0].start].strip(" ,–—-") != "":
        return None, None
    if any(ch in text[m.end : after[0].start] for ch in '„“"'):
        return None, None
    first = after[0]
    end = after[-1].end
    comma = "," in text[m.end : after[0].start] or text[m.end - 2] in ",.!?…"
    if not comma and len(eng.toks(m.start, m.end)) < 7:
        return None, None  # "Gegenüber der Agentur „AP“ sagte X": a name, not the words
    if first.low in lx.SAY_VERBS and not (
        first.cap and lx.NOUNS_CAPITALISED and first.low != lx.SO_FRAME
    ):
        if first.low in lx.SAID_IT_VERBS and len(after) > 1 and after[1].low in lx.EXPLETIVE:
            return eng.frames.es_source(after, 1, end), first.text  # "…“, hieß es vom X"
        sp = np_after(text, after, 1, lx, end)
        return sp, first.text
    for v in range(1, min(len(after), 6)):
        if after[v].low in lx.SAY_VERBS:
            sp = np_before(text, after, 0, v, lx)
            return sp, after[v].text
        if "," in text[after[v - 1].end : after[v].start]:
            break
    if lx.ANY_VERB_AFTER_QUOTE and comma and not first.cap and first.low not in lx.NOT_A_FRAME_VERB:
        # „…“, strich Romney heraus: any verb right after the quote frames it
        sp = np_after(text, after, 1, lx, end)
        if sp and (text[sp[0]].isupper() or text[sp[0] : sp[1]] in lx.SUBJECT_ONLY_PRONOUNS):
            return sp, first.text  # ("…“, führte er aus")
    return None, None


def sentence_subject(eng: TextView, toks: list[Token]) -> tuple[int, int] | None:
    """The subject of a German or English main clause, roughly: the words before the first
    verb-like lower-case word, or the noun phrase after it when an adverbial opens."""
    lx, text = eng.lx, eng.text
    if len(toks) < 2:
        return None
    if (
        len(toks) > 2
        and toks[0].low in lx.FOCUS_PARTICLES
        and (toks[1].low in lx.DETERMINERS or toks[1].cap)
    ):
        toks = toks[1:]  # "Auch der Außenminister attackierte …": the subject follows 'auch'
    v = None
    for k in range(1, min(len(toks), 12)):
        t = toks[k]
        if t.cap or t.low in lx.DETERMINERS or t.low in lx.NP_LINKERS or t.text[:1].isdigit():
            continue  # (a number is no verb: "Am 15. Mai hat die Kommission …")
        if k + 1 < len(toks) and toks[k + 1].cap and t.low.endswith(("e", "en", "er", "es")):
            continue  # an adjective: "die französische Aufsichtsbehörde"
        v = k
        break
    if v is None:
        return None
    after = np_after(text, toks, v + 1, lx, toks[-1].end)
    if after is not None and text[after[0] : after[1]].lower() in lx.OBJECT_PRONOUNS:
        after = None  # "Twitter rät ihm, …": a pronoun that is never the subject
    if (
        after is not None
        and toks[v + 1].low in lx.SUBJECT_ONLY_PRONOUNS
        and toks[v].low not in lx.SUBORDINATORS  # ("Die Worte X, als er …": no verb)
        and "," not in eng.frames.gap(toks[v - 1], toks[v + 1])
    ):
        return after  # "Deren Haltung nannte er „verlogen“": the object stands first
    if toks[0].low in lx.SUBORDINATORS or (
        toks[0].low in lx.ADVERBIAL_OPENERS
        and not (v == 1 and toks[0].low in lx.PERSON_PRONOUNS)  # "Dieser bestätigte, …"
    ):
        return after
    before = (toks[0].start, toks[v - 1].end) if v <= 8 else None
    if (
        after is not None
        and eng.frames.speakerlike(after)
        and not eng.frames.oblique(after)  # ("Colomer empfahl dem Gericht …": an object)
        and (before is None or not eng.frames.speakerlike(before))
    ):
        return after  # an object first: "Jegliche Verantwortung weist Hartmann von sich"
    return before


def frame_before(
    eng: TextView, m: MarkSpan, s: int, prev_end: int
) -> tuple[tuple[int, int] | None, str | None, bool]:
    """(speaker, cue, colon) from the words between the previous quote (or sentence start)
    and this quote."""
    lx, text = eng.lx, eng.text
    before = eng.toks(prev_end, m.start)
    if not before:
        return None, None, False
    absolute = _with_sayer(eng, before)
    if absolute is not None:
        return absolute[0], absolute[1], ":" in text[before[-1].end : m.start]
    gap = text[before[-1].end : m.start]
    colon = ":" in gap
    if not (colon or "," in gap):
        return None, None, False
    for v in range(len(before) - 1, -1, -1):
        t = before[v]
        if t.low in lx.IT_SAYS_VERBS and (said := eng.frames.it_says(before, v)) is not None:
            return said[2], t.text, colon  # "In dem Bericht heißt es: „…“": the report speaks
        if t.low in lx.SAY_VERBS and not (t.cap and v) and t.low not in lx.NOT_FRAME_VERB_WORDS:
            lo = 0  # the clause of the verb: "Asked about pensions, he answered:"
            for k in range(v, 0, -1):
                if "," in text[before[k - 1].end : before[k].start]:
                    lo = k
                    break
            if eng.frames.finite_aux(before, lo, v) is not None:
                sp = eng.frames.subject(before[lo:], v - lo, m.start)  # "X hatte … betont:"
            elif v > lo and (
                before[lo].low not in lx.ADVERBIAL_OPENERS or _partitive(lx, before, lo, v)
            ):
                sp = np_before(text, before, lo, v, lx)
            else:
                sp = np_after(text, before, v + 1, lx, m.start)
            if sp is None or not eng.frames.speakerlike(sp):
                sp = _better_subject(eng, before, lo, v, m.start) or sp
            return sp, t.text, colon
    return (_colon_speaker(eng, before) if colon else None), None, colon


def _colon_speaker(eng: TextView, before: list[Token]) -> tuple[int, int] | None:
    """Who speaks the quote after a colon with no verb of saying before it."""
    text = eng.text
    if len(before) <= 4 and before[0].cap and not _only_glue(eng.lx, before):
        return (before[0].start, before[-1].end)
    if _named_apposition(eng, before):
        return (before[0].start, before[-1].end)  # "X, Präsident des Y: „…“"
    sp = sentence_subject(eng, before)  # "Die Bewohner des Dorfes sehen alles gelassen: „…“"
    if sp and (
        eng.frames.speakerlike(sp)
        or text[sp[0]].isupper()
        and len(text[sp[0] : sp[1]].split()) <= 6
    ):
        return sp
    return None


def _named_apposition(eng: TextView, words: list[Token]) -> bool:
    """'Jan Roth, Präsident des Rats der Union:' a name, a comma and its role, no verb: the
    heading of the quote after the colon."""
    comma = next(
        (k for k in range(1, len(words)) if "," in eng.frames.gap(words[k - 1], words[k])), None
    )
    return (
        comma is not None
        and comma <= 3
        and len(words) <= 12
        and all(t.cap for t in words[:comma])
        and not _only_glue(eng.lx, words[:comma])
        and not eng.frames.has_verb(words)
    )


def _only_glue(lx: Cues, words: list[Token]) -> bool:
    """'Und: „…“', 'Dabei auch: „…“': words that name no one, only join the quote on."""
    return all(t.low in lx.STOP_CAPS and t.low not in lx.PRONOUNS for t in words)


def _with_sayer(eng: TextView, before: list[Token]) -> tuple[tuple[int, int], str] | None:
    """English 'with X writing "…"', 'with X stating: "…"': an absolute phrase right before
    the quote whose subject X speaks."""
    lx = eng.lx
    say_ing = lx.SAY_ING
    if not say_ing:
        return None
    for v in range(len(before) - 1, max(len(before) - 5, 0), -1):
        if before[v].low not in say_ing:
            continue
        for k in range(v - 2, max(v - 7, -1), -1):
            if before[k].low == "with":
                sp = np_before(eng.text, before, k + 1, v, lx)
                return (sp, before[v].text) if sp else None
        return None
    return None


def _partitive(lx: Cues, toks: list[Token], lo: int, v: int) -> bool:
    """'Einer der Feuerwehrmänner sagte:': one of a group is a subject, although 'einer'
    alone opens adverbials ("Einer Studie zufolge")."""
    return (
        v - lo >= 3 and toks[lo].low in lx.INDEFINITE and toks[lo + 1].low in lx.GENITIVE_ARTICLES
    )


def _better_subject(
    eng: TextView, before: list[Token], lo: int, v: int, end: int
) -> tuple[int, int] | None:
    """When the words next to the verb cannot speak ("in einer Rede verkündet:", "äußerte sich
    zufrieden:"), the clause's subject: around the auxiliary ("hatte Merkel … verkündet"),
    before the verb, or the subject of the whole sentence ("X, Leiterin, äußerte sich …:")."""
    speakerlike = eng.frames.speakerlike
    for sp in (
        eng.frames.subject(before[lo:], v - lo, end) if v > lo else None,
        sentence_subject(eng, before[lo:]),
        sentence_subject(eng, before) if lo else None,
    ):
        if sp is not None and speakerlike(sp):
            return sp
    return None


def classify_direct(
    eng: TextView, m: MarkSpan, s: int, e: int, prev_end: int, nested: bool
) -> tuple[QuoteKind | None, tuple[int, int] | None, str | None]:
    """(kind, speaker span, cue) for the mark span ``m`` in sentence [s, e)."""
    lx = eng.lx
    inner = eng.toks(m.start, m.end)
    if not inner or not m.closed and len(inner) < 4:
        return None, None, None
    prev = eng.toks(max(0, m.start - 40), m.start)[-3:]
    if prev and prev[-1].low in lx.AS_STATUS and _status_as(eng, s, e, m):
        return "term", None, None
    term_cue, title_like, fragment = _signals(eng, m, s, inner, prev)
    if nested:
        return ("term" if term_cue or title_like else "direct"), None, None
    short = len(inner) < _LONG_QUOTE
    sp, cue = frame_after(eng, m)
    if (
        sp is not None
        and short
        and len(eng.toks(prev_end, m.start)) >= 3
        and not _text_before(eng, m).endswith(":")  # "war zufrieden: „…“, sagte er"
    ):
        sp = None  # "… to play a „constructive role“, he said": the frame is the sentence's
    colon = False
    if sp is None:
        sp, cue, colon = frame_before(eng, m, s, prev_end)
        if sp is not None and short and not colon and _inside_clause(eng, m, s):
            sp = None  # 'Critics called the plan a "gift" to developers': a scare quote
    if sp is not None and not (title_like and cue is None):
        return "direct", sp, cue
    if sp is None and _title_case(eng, inner):
        return "term", None, None  # '"Andy Warhol: Photographs and Prints from the Collection"'
    if sp is None and term_cue and not colon and not fragment and _right_before(eng, prev, m):
        return "term", None, None  # 'sein Buch „…“', 'unter dem Motto „…“': a title, however long
    if not short or colon or fragment or _sentence_like(eng, m, s, inner):
        return "direct", None, None
    return _short_unframed(eng, m, s, e, prev, term_cue or title_like, term_cue)


def _text_before(eng: TextView, m: MarkSpan) -> str:
    """The few characters right before the marks, without white space."""
    return eng.text[max(0, m.start - 3) : m.start].rstrip()


def _signals(
    eng: TextView, m: MarkSpan, s: int, inner: list[Token], prev: list[Token]
) -> tuple[bool, bool, bool]:
    """(a word before the marks that announces a term, the words look like a name or title,
    the words are a fragment of speech)."""
    lx = eng.lx
    term_cue = bool(prev) and (
        prev[-1].low in lx.TERM_CUES
        or prev[-1].low.endswith(lx.TERM_SUFFIXES)
        or prev[-1].low in lx.SOURCE_BEFORE
    )
    title_like = len(inner) < _LONG_QUOTE and _looks_like_name(inner)
    if (
        title_like
        and not term_cue
        and prev
        and (prev[-1].low in lx.LABEL_ARTICLES or _label_verb_before(eng, s, m.start))
    ):
        title_like = False  # "nannte dies einen „Militärputsch“": a label someone gave
    fragment = _speech_fragment(eng, inner)
    if fragment:
        return False, False, True  # „kein Hindernis für …“, „Bürger erster Klasse zu werden“
    return term_cue, title_like, fragment


def _inside_clause(eng: TextView, m: MarkSpan, s: int) -> bool:
    """English: short words in marks inside the reporter's clause, not opened by a verb of
    saying, a comma or a colon ('called the plan a "gift"'): a label, not a quotation."""
    if not eng.lx.SHORT_QUOTES_ARE_TERMS or m.start == s:
        return False
    before = eng.text[s : m.start].rstrip()
    if before.endswith((",", ":")):
        return False
    prev = eng.toks(s, m.start)
    return not prev or prev[-1].low not in eng.lx.SAY_VERBS


def _sentence_like(eng: TextView, m: MarkSpan, s: int, inner: list[Token]) -> bool:
    """Words in marks that make a sentence of their own."""
    last_inner = eng.text[m.end - 2] if m.closed else eng.text[m.end - 1]
    if eng.lx.STOP_IN_MARKS_ENDS_SENTENCE and m.start != s and (len(inner) < 3 or not inner[0].cap):
        return False  # a full stop inside the marks ends the reporter's sentence:
        # "… would be a "significant public benefit."", "named their robot "Robogee.""
    return last_inner in ".!?…" or (m.start == s and len(inner) >= 3)


def _short_unframed(
    eng: TextView, m: MarkSpan, s: int, e: int, prev: list[Token], termish: bool, term_cue: bool
) -> tuple[QuoteKind | None, tuple[int, int] | None, str | None]:
    """A few words in marks with no frame: an opinion holder's, a fragment of speech, or a
    term (a name, a title, a scare quote)."""
    lx = eng.lx
    inner = eng.toks(m.start, m.end)
    holder = opinion_holder(eng, s, m.start)
    if holder is not None and not term_cue:
        return "direct", holder, None  # "Für den Minister ist die Lage „alarmierend“"
    if not term_cue and not lx.SPEAKER_WORDS.isdisjoint(t.low for t in inner):
        return "direct", None, None  # „Verrat an unserem Dorf“: a first person speaks
    if termish or lx.SHORT_QUOTES_ARE_TERMS:
        return "term", None, None  # English scare quotes and labels are not quotations
    if any(t.low in lx.LABEL_CUES for t in prev) or _label_verb_before(eng, s, m.start):
        return "direct", None, None
    if _adjective_noun(eng, inner) and not _reported(eng, s, e, m):
        return "term", None, None  # 'mit einer „virtuellen Bombe“': a scare term, unsaid
    if not inner[0].cap and (len(inner) > 1 or _say_verb_in(eng, s, m.start)):
        # a lower-case fragment of speech after a verb of saying ("sagte, er sei „müde“"),
        # not a lone scare word ("Hunderte fühlten sich „überwacht“ und beschwerten sich")
        return "direct", None, None
    if inner[0].low in lx.SPEECH_OPENERS or _label_verb_before(eng, s, m.start):
        return "direct", None, None  # „Wir werden …“, skandierten „Stoppt …“
    return "term", None, None


def _status_as(eng: TextView, s: int, e: int, m: MarkSpan) -> bool:
    """'als „X“' after a verb of status or naming ("gilt als", "ist als … bekannt") and with no
    verb of saying or labelling in the sentence: a name or category, not somebody's words."""
    lx = eng.lx
    toks = [t for t in eng.toks(s, e) if not m.start <= t.start < m.end]
    if any(t.low in lx.SAY_VERBS or t.low in lx.LABEL_VERBS for t in toks):
        return False
    return any(t.low in lx.STATUS_AS_VERBS for t in toks)


def opinion_holder(eng: TextView, s: int, pos: int) -> tuple[int, int] | None:
    """'für X' with a copula before a quoted predicate: X holds the quoted view
    ("Für den Minister ist die Lage „alarmierend“", "war für die Verbände „Wortbruch“")."""
    lx = eng.lx
    if not lx.OPINION_FOR:
        return None
    toks = eng.toks(s, pos)
    if not any(t.low in lx.COPULAS for t in toks):
        return None
    for k, t in enumerate(toks[:-1]):
        if t.low in lx.OPINION_FOR:
            sp = np_after(eng.text, toks, k + 1, lx, pos)
            if sp is not None and eng.frames.speakerlike(sp):
                return sp
    return None


def _speech_fragment(eng: TextView, inner: list[Token]) -> bool:
    """Words no title is made of: an article or 'kein' in lower case opening three words or
    more („kein Hindernis für den Verkehr“), or a zu-infinitive closing them („… zu werden“)."""
    if len(inner) < 3:
        return False
    if not inner[0].cap and (
        inner[0].low in eng.lx.DETERMINERS or inner[0].low in eng.lx.NEGATIVE_DETERMINERS
    ):
        return True
    return inner[-2].low in eng.lx.ZU and not inner[-1].cap


def _adjective_noun(eng: TextView, inner: list[Token]) -> bool:
    """Two words in marks, an inflected adjective in lower case and a capitalised noun
    („virtuellen Bombe“, „kleineres Übel“): a noun phrase, the name of a thing."""
    lx = eng.lx
    return (
        lx.NOUNS_CAPITALISED
        and len(inner) == 2
        and not inner[0].cap
        and inner[0].low.endswith(lx.ADJECTIVE_ENDINGS)
        and inner[1].cap
        and eng.text[inner[1].end : inner[1].end + 1] not in ".!?"
    )


def _right_before(eng: TextView, prev: list[Token], m: MarkSpan) -> bool:
    """Is the last word in ``prev`` right before the marks (only spaces between)?"""
    return bool(prev) and not eng.text[prev[-1].end : m.start].strip()


def _reported(eng: TextView, s: int, e: int, m: MarkSpan) -> bool:
    """Does the sentence [s, e) report words: a verb of saying or a Konjunktiv outside ``m``?"""
    lx = eng.lx
    return any(
        (t.low in lx.SAY_VERBS and not t.cap) or is_konjunktiv(t, lx)
        for t in eng.toks(s, e)
        if not m.start <= t.start < m.end
    )


def _say_verb_in(eng: TextView, s: int, e: int) -> bool:
    """Is there a verb of saying anywhere in the sentence [s, e)?"""
    return any(t.low in eng.lx.SAY_VERBS and not t.cap for t in eng.toks(s, e))


def _label_verb_before(eng: TextView, s: int, pos: int) -> bool:
    """A verb that labels ("nannte", "bezeichnete … als", "warf … vor") earlier in the sentence."""
    return any(t.low in eng.lx.LABEL_VERBS for t in eng.toks(s, pos))


def _title_case(eng: TextView, inner: list[Token]) -> bool:
    """English title case with no end punctuation: every word capitalised but the small
    words of a title (the name of an exhibition, a book, a headline quoted)."""
    small = eng.lx.TITLE_SMALL_WORDS
    if not small or len(inner) < 3 or eng.text[inner[-1].end : inner[-1].end + 1] in ".!?":
        return False
    caps = sum(1 for t in inner if t.cap or t.text[0].isdigit())
    return caps >= 3 and all(t.cap or t.text[0].isdigit() or t.low in small for t in inner)


def _looks_like_name(inner: list[Token]) -> bool:
    """Every word capitalised: 'Der Spiegel', 'Berliner Zeitung', 'Eagle' - a name or title."""
    return all(t.cap or t.text[0].isdigit() for t in inner)
