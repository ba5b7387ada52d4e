"""Quotations with the user's corrections applied: the one core behind ``reader quotes``,
``reader actors``, ``reader stats``, the correction commands, the article screen, the
statistics screen and the Markdown export.

Why one place: a researcher counts what they corrected. Every table, count and highlight comes
from :func:`apply_corrections` over the cached analysis and the corrections stored with the
annotations (:mod:`annotations.corrections`), so no two views can disagree.

Re-applying: a correction is anchored to the text (re-anchored on ``reimport``) and matched to the
automatic quotation at its place (same span, else the one overlapping most, at least half of the
two spans together), whatever analysis version found it. It keeps its id on a moved span. A
confirmed or corrected quotation the analysis no longer finds stays, with the values it had; a
correction whose text is gone (an orphan) is listed, never applied, never lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from annotations.corrections import (
    KIND_WORDS,
    ActorFix,
    QuoteCorrection,
    actor_slug,
    auto_id,
)

if TYPE_CHECKING:
    from reader.analysis.models import Actor, Analysis, Quote

    from .store import Library

KINDS = tuple(KIND_WORDS)
INDIRECT_KINDS = ("indirect", "indirect_free_indirect", "free_indirect")
NEW_ACTOR_TYPE = "other"  # a speaker name no actor of the article has: typed by `actor set`
MATCH_MIN = 0.5  # a correction takes an automatic quotation overlapping at least this much


def changed_time(stamp: str) -> str:
    """A stored ISO time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), "" when there is none."""
    if not stamp:
        return ""
    from datetime import UTC

    from dateutil.parser import isoparse

    try:
        when = isoparse(stamp)
    except (ValueError, OverflowError):
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return str(when.strftime("%Y-%m-%dT%H:%M:%SZ"))


@dataclass
class QuoteView:
    """One quotation as the user has it: ``quote`` holds the corrected values and the current
    span; ``status`` is auto, confirmed, corrected, added or rejected."""

    id: str
    quote: Quote
    status: str
    changed: str = ""  # YYYY-MM-DDTHH:MM:SSZ of the last correction ("" for auto)
    correction: QuoteCorrection | None = None
    rule: str | None = None
    auto: Quote | None = None  # the automatic quotation it was matched to, if any

    @property
    def start(self) -> int:
        return self.quote.start

    @property
    def end(self) -> int:
        return self.quote.end


@dataclass
class CorrectedArticle:
    """An article's analysis with corrections applied. ``analysis`` is what screens draw
    (rejected quotations left out, actors merged, renamed, typed); ``quotes`` holds every
    quotation with its id and status, rejected ones too; ``orphans`` the corrections whose text
    is no longer in the article."""

    article: str
    analysis: Analysis
    quotes: list[QuoteView] = field(default_factory=list)
    orphans: list[QuoteCorrection] = field(default_factory=list)

    def view(self, quote_id: str) -> QuoteView | None:
        return next((v for v in self.quotes if v.id == quote_id), None)

    def view_at(self, start: int, end: int) -> QuoteView | None:
        """The (not rejected) quotation at exactly this span."""
        return next(
            (
                v
                for v in self.quotes
                if v.start == start and v.end == end and v.status != "rejected"
            ),
            None,
        )

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.analysis.actor(actor_id)


# actors ---------------------------------------------------------------------------------------
def _follow(
    actor_id: str, fixes: dict[str, ActorFix]
) -> tuple[str | None, str | None, str | None, bool]:
    """Where ``fixes`` send an actor: (its id now or None for "no actor", a name and a type
    to give it or None, whether it was merged into another). Merge chains are followed."""
    name = kind = None
    moved = False
    seen: set[str] = set()
    while actor_id in fixes and actor_id not in seen:
        seen.add(actor_id)
        fix = fixes[actor_id]
        if fix.type == "none":
            return None, None, None, moved
        if fix.merge_into and fix.merge_into != actor_id:
            name, kind, moved = fix.into_name, None, True
            actor_id = fix.merge_into
            continue
        name, kind = fix.name or name, fix.type or kind
        break
    return actor_id, name, kind, moved


def _identity(
    actor_id: str, library: dict[str, ActorFix], article: dict[str, ActorFix]
) -> tuple[str | None, str | None, str | None]:
    """The library's alias table first, then the article's own corrections (by the ids the
    library table gives)."""
    aid, name, kind, _ = _follow(actor_id, library)
    if aid is None:
        return None, None, None
    aid2, name2, kind2, moved = _follow(aid, article)
    if aid2 is None:
        return None, None, None
    if moved:
        return aid2, name2, kind2
    return aid2, name2 or name, kind2 or kind


def _add_alias(actor: Actor, alias: str) -> None:
    key = alias.casefold()
    if alias and key != actor.name.casefold() and all(key != a.casefold() for a in actor.aliases):
        actor.aliases.append(alias)


def corrected_actors(
    actors: Iterable[Actor], library: dict[str, ActorFix], article: dict[str, ActorFix]
) -> tuple[dict[str, Actor], dict[str, str | None]]:
    """The article's actors after merges, renames, types and "none": (id -> Actor, old id ->
    new id or None). Actors merged into one share its mentions, roles and aliases."""
    from reader.analysis.models import Actor

    final: dict[str, Actor] = {}
    own: dict[str, bool] = {}
    remap: dict[str, str | None] = {}
    for a in actors:
        aid, name, kind = _identity(a.id, library, article)
        remap[a.id] = aid
        if aid is None:
            continue
        is_own = a.id == aid
        entry = final.get(aid)
        if entry is None:
            entry = final[aid] = Actor(
                id=aid,
                name=a.name,
                type=a.type,
                roles=list(a.roles),
                aliases=list(a.aliases),
                mentions=[list(m) for m in a.mentions],
            )
            own[aid] = is_own
        else:
            if is_own and not own[aid]:  # the actor others were merged into: its name wins
                _add_alias(entry, entry.name)
                entry.name, entry.type = a.name, a.type
                own[aid] = True
            else:
                _add_alias(entry, a.name)
            entry.roles += [r for r in a.roles if r not in entry.roles]
            for alias in a.aliases:
                _add_alias(entry, alias)
            entry.mentions = sorted(entry.mentions + [list(m) for m in a.mentions])
        if name and name != entry.name:
            old = entry.name
            entry.name = name
            _add_alias(entry, old)
        if kind:
            entry.type = kind
    for entry in final.values():
        entry.aliases = [x for x in entry.aliases if x.casefold() != entry.name.casefold()]
    return final, remap


def _speaker_actor(
    name: str,
    final: dict[str, Actor],
    library: dict[str, ActorFix],
    article: dict[str, ActorFix],
) -> str | None:
    """The actor a typed speaker name stands for: an actor of the article with that name, alias
    or id, else one of its own (the alias table applies to it as to any actor)."""
    from reader.analysis.models import Actor

    key = name.casefold()
    slug = actor_slug(name)
    for a in final.values():
        if a.name.casefold() == key or a.id == slug:
            return a.id
    for a in final.values():
        if any(x.casefold() == key for x in a.aliases):
            return a.id
    aid, new_name, kind = _identity(slug, library, article)
    if aid is None:
        return None
    if aid not in final:
        final[aid] = Actor(id=aid, name=new_name or name, type=kind or NEW_ACTOR_TYPE)
    return aid


# quotations -----------------------------------------------------------------------------------
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    if a == b:
        return 2.0
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union


def _match(fixes: list[QuoteCorrection], autos: list[Quote]) -> dict[int, int]:
    """Correction index -> automatic quotation index, one to one, best overlap first."""
    pairs = []
    for ci, fix in enumerate(fixes):
        span = (fix.anchor.start, fix.anchor.end)
        nested = fix.was.get("nested")
        for qi, q in enumerate(autos):
            score = _overlap(span, (q.start, q.end))
            if score >= MATCH_MIN:
                bonus = 0.01 if nested is not None and bool(nested) == q.nested else 0.0
                pairs.append((score + bonus, -abs(q.start - span[0]), ci, qi))
    pairs.sort(reverse=True)
    taken_c: dict[int, int] = {}
    taken_q: set[int] = set()
    for _score, _near, ci, qi in pairs:
        if ci in taken_c or qi in taken_q:
            continue
        taken_c[ci] = qi
        taken_q.add(qi)
    return taken_c


def snapshot(quote: Quote, actor_name: str | None) -> dict[str, Any]:
    """What a correction keeps of the automatic quotation it was made from."""
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "nested": quote.nested,
        "speaker": quote.speaker,
        "actor": quote.actor,
        "actor_name": actor_name,
        "rule": getattr(quote, "rule", None),
    }


def _from_snapshot(fix: QuoteCorrection) -> Quote:
    from reader.analysis.models import Quote

    was = fix.was
    kind = str(was.get("kind") or fix.kind or "direct")
    return Quote(
        start=fix.anchor.start,
        end=fix.anchor.end,
        text=fix.anchor.exact,
        kind=kind if kind in KINDS else "direct",  # type: ignore[arg-type]
        nested=bool(was.get("nested")),
        speaker=was.get("speaker"),
        actor=None,
    )


def apply_corrections(
    article: str,
    analysis: Analysis,
    fixes: Iterable[QuoteCorrection] = (),
    actor_fixes: dict[str, ActorFix] | None = None,
    library_fixes: dict[str, ActorFix] | None = None,
) -> CorrectedArticle:
    """``analysis`` with the article's corrections and the library's alias table applied."""
    from reader.analysis.models import Analysis

    article_fixes = actor_fixes or {}
    aliases = library_fixes or {}
    final, remap = corrected_actors(analysis.actors, aliases, article_fixes)

    def moved(actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        if actor_id in remap:
            return remap[actor_id]
        return actor_id if actor_id in final else None

    autos = []
    for q in analysis.quotes:
        if q.relay:
            continue
        actor, via = moved(q.actor), moved(q.via_actor)
        # a copy only where an actor changed: most quotations of most articles are as found
        autos.append(
            q if (actor, via) == (q.actor, q.via_actor) else replace(q, actor=actor, via_actor=via)
        )
    fixes = list(fixes)
    orphans = [f for f in fixes if f.orphan]
    active = [f for f in fixes if not f.orphan and f.status != "auto"]
    matched = _match(active, autos)
    by_auto = {qi: active[ci] for ci, qi in matched.items()}
    views: list[QuoteView] = []
    for qi, q in enumerate(autos):
        fix = by_auto.get(qi)
        if fix is None:
            views.append(
                QuoteView(
                    auto_id(article, q.start, q.end), q, "auto", rule=getattr(q, "rule", None)
                )
            )
        else:
            views.append(_corrected_view(fix, q, final, aliases, article_fixes))
    for ci, fix in enumerate(active):
        if ci not in matched:
            views.append(_corrected_view(fix, None, final, aliases, article_fixes))
    views.sort(key=lambda v: (v.start, -v.end, v.id))
    _mark_nested(views)
    result = Analysis(
        lang=analysis.lang,
        quotes=[v.quote for v in views if v.status != "rejected"],
        actors=list(final.values()),
        sentences=list(analysis.sentences),
    )
    return CorrectedArticle(article, result, views, orphans)


def _corrected_view(
    fix: QuoteCorrection,
    auto: Quote | None,
    final: dict[str, Actor],
    aliases: dict[str, ActorFix],
    article_fixes: dict[str, ActorFix],
) -> QuoteView:
    base = auto
    if base is None:
        base = _from_snapshot(fix)
        name = fix.was.get("actor_name") or fix.was.get("speaker")
        if name:
            base.actor = _speaker_actor(str(name), final, aliases, article_fixes)
    values: dict[str, Any] = {}
    if fix.bounds is not None:
        values.update(start=fix.bounds.start, end=fix.bounds.end, text=fix.bounds.exact)
    elif auto is None:
        values.update(start=fix.anchor.start, end=fix.anchor.end, text=fix.anchor.exact)
    if fix.kind:
        values["kind"] = fix.kind
    if fix.speaker is not None:
        speaker = fix.speaker or None
        values.update(
            speaker=speaker,
            speaker_start=None,
            speaker_end=None,
            actor=_speaker_actor(speaker, final, aliases, article_fixes) if speaker else None,
        )
    quote = replace(base, **values)
    if fix.added:
        quote.cue = None
    rule = getattr(auto, "rule", None) if auto is not None else fix.was.get("rule")
    return QuoteView(
        fix.id, quote, fix.status, changed_time(fix.updated), fix, rule=rule, auto=auto
    )


def _mark_nested(views: list[QuoteView]) -> None:
    """An added (or moved) quotation inside another is nested, as the analysis marks them."""
    outer = [v for v in views if v.status != "rejected" and v.quote.kind != "term"]
    for v in views:
        if v.correction is None or (v.auto is not None and v.correction.bounds is None):
            continue
        v.quote.nested = any(
            o is not v
            and o.start <= v.start
            and v.end <= o.end
            and (o.end - o.start) > (v.end - v.start)
            and not o.quote.nested
            for o in outer
        )


# reading the library --------------------------------------------------------------------------
class Corrections:
    """Reads articles with one coder's corrections applied: ``coder``'s, by default the current
    coder's (``final``: the adjudicated ones). The alias table and the list of corrected articles
    are read once (build a new one to see later changes)."""

    def __init__(self, library: Library, coder: str | None = None) -> None:
        self.library = library
        self.store = library.annotations
        self.coder = coder or self.store.who()
        self.aliases = self.store.library_actor_fixes(self.coder)
        self.touched = self.store.corrected_articles()

    def article(self, article_id: str, analysis: Analysis | None = None) -> CorrectedArticle:
        if analysis is None:
            analysis = self.library.analysis(article_id)
        if article_id in self.touched:
            fixes = self.store.quote_corrections(article_id, self.coder)
            actor_fixes = self.store.actor_fixes(article_id, self.coder)
        else:
            fixes, actor_fixes = [], {}
        return apply_corrections(article_id, analysis, fixes, actor_fixes, self.aliases)


def corrected(library: Library, article_id: str, coder: str | None = None) -> CorrectedArticle:
    """One article's quotations with the current coder's (or ``coder``'s) corrections applied."""
    return Corrections(library, coder).article(article_id)


def iter_views(
    corrected_article: CorrectedArticle, *, include_all: bool = False
) -> Iterator[QuoteView]:
    for view in corrected_article.quotes:
        if not include_all and (view.status == "rejected" or view.quote.kind == "term"):
            continue
        yield view
