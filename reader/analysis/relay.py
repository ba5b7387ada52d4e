"""A quotation relayed by a medium: "Der Spiegel zitiert den Prediger mit den Worten „…“",
"„…“, zitiert ndr.de Polizeisprecher Ralf Meyer", "Y wird von der Zeitung X zitiert",
"wie Y von Spiegel Online zitiert wird", "The BBC quoted him as saying".

The quotation is the cited person's words; the medium that quotes them is a second layer of
attribution (the gold corpus records such a quotation once per layer). The cited person is the
quote's speaker, the medium its ``via``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speakers import np_after, np_before

if TYPE_CHECKING:
    from .cues import Cues
    from .marks import MarkSpan
    from .tokens import Token
    from .view import TextView

Span = tuple[int, int]


def relay(eng: TextView, s: int, e: int, m: MarkSpan) -> tuple[Span, Span] | None:
    """(speaker, via) when the clause next to the quote ``m`` in sentence [s, e) has a verb of
    quoting with two parties, the medium and the person it quotes; else None (one party only,
    as in "wird Panetta zitiert" or "zitierte man Y", is an ordinary frame)."""
    lx = eng.lx
    verbs = lx.RELAY_VERBS
    outside = [t for t in eng.toks(s, e) if not m.start <= t.start < m.end]
    after = [t for t in outside if t.start >= m.end]
    before = [t for t in outside if t.end <= m.start]
    for side in (after, before):
        if not side:
            continue
        z = next((k for k, t in enumerate(side) if t.low in verbs), None)
        if z is None:
            if side is before and (found := sourced(eng, side)) is not None:
                return found
            continue
        aux = next((k for k, t in enumerate(side) if t.low in lx.RELAY_AUX), None)
        found = _passive(eng, side, z, aux) if aux is not None else _active(eng, side, z)
        if found is None:
            return None
        speaker, via = found
        via = _closing_mark(eng.text, via)
        apart = speaker[1] <= via[0] or via[1] <= speaker[0]
        if apart and eng.text[via[0] : via[1]].strip().lower() not in lx.PRONOUNS:
            return speaker, via
        return None
    return None


def _passive(eng: TextView, side: list[Token], z: int, aux: int) -> tuple[Span, Span] | None:
    """'Y wird von X zitiert', 'wird Y im Fachblatt X zitiert', 'wie Y von X zitiert wird'."""
    lx, text = eng.lx, eng.text
    end = side[-1].end
    via = None
    for k, t in enumerate(side):
        if t.low in lx.RELAY_AGENT or t.low in lx.RELAY_PLACE:
            via = np_after(text, side, k + 1, lx, end)
            if via is not None:
                break
    if via is None:
        return None
    if aux > z or side[0].low in lx.AS_WORDS:  # "wie Y von X zitiert wird"
        speaker = np_after(text, side, 1 if side[0].low in lx.AS_WORDS else 0, lx, end)
    elif aux == 0 or side[0].low in lx.RELAY_PLACE or side[0].low in lx.ADVERBIAL_OPENERS:
        # "„…“, wird Y …", "In X wird Y …", "Zur Lage wird Y …"
        speaker = np_after(text, side, aux + 1, lx, end)
    else:
        speaker = np_before(text, side, 0, aux, lx)
    if speaker is None or speaker[0] <= via[0] < speaker[1]:
        return None
    return speaker, via


def _active(eng: TextView, side: list[Token], z: int) -> tuple[Span, Span] | None:
    """'X zitiert Y mit den Worten: „…“' and '„…“, zitiert X Y'."""
    lx, text = eng.lx, eng.text
    end = side[-1].end
    if z > 0:
        via = np_before(text, side, 0, z, lx)
        k = z + 1
        while k < min(len(side), z + 3) and _adverb(lx, side[k]):
            k += 1  # "zitiert dazu Y mit den Worten"
        if k < len(side) and side[k].low in lx.RELAY_OBJECTS:
            speaker: Span | None = (side[k].start, side[k].end)  # "zitiert ihn mit den Worten"
        else:
            speaker = np_after(text, side, k, lx, end)
        return (speaker, via) if via and speaker else None
    if len(side) > 2 and "." in side[1].text and not side[1].cap:
        site: Span | None = (side[1].start, side[1].end)  # "zitiert ndr.de Polizeisprecher X"
    else:
        site = np_after(text, side, 1, lx, end)
    nxt = 2
    if site is not None:
        nxt = next((k for k, t in enumerate(side) if t.start >= site[1]), len(side))
    speaker = np_after(text, side, nxt, lx, end) if site else None
    return (speaker, site) if speaker and site else None


def _closing_mark(text: str, span: Span) -> Span:
    """'die „Computerwoche' ends with its closing mark: 'die „Computerwoche“'."""
    s, e = span
    inner = text[s:e]
    if e < len(text) and text[e] in '“”"«»' and sum(inner.count(c) for c in '„“"»«') % 2:
        return s, e + 1
    return span


def _adverb(lx: Cues, t: Token) -> bool:
    return not t.cap and (t.low in lx.ADVERBIAL_OPENERS or t.low in lx.FOCUS_PARTICLES)


def sourced(eng: TextView, side: list[Token]) -> tuple[Span, Span] | None:
    """'Y kommentierte die Entscheidung laut X mit folgenden Worten:', 'Laut X sagte Y:': Y
    says the words that follow, the source X relays them."""
    lx, text = eng.lx, eng.text
    end = side[-1].end
    for i, t in enumerate(side):
        if t.low in lx.SOURCE_BEFORE or t.low in lx.SOURCE_AFTER:
            found = eng.frames.source_at_phrase(side, i, end)
            if found is not None:
                break
    else:
        return None
    lo, hi, via = found
    rest = [t for t in side if not lo <= t.start < hi]
    v = next((k for k, t in enumerate(rest) if t.low in lx.SAY_VERBS and not t.cap), None)
    if v is None:
        return None
    if v == 0 or rest[0].low in lx.ADVERBIAL_OPENERS or rest[0].low in lx.RELAY_PLACE:
        # "Laut X sagte der Mann", "In der Fraktion sagte die Kanzlerin laut X"
        speaker = np_after(text, rest, v + 1, lx, end)
    else:
        speaker = np_before(text, rest, 0, v, lx)
    if speaker is None or not (speaker[1] <= via[0] or via[1] <= speaker[0]):
        return None
    return speaker, via
