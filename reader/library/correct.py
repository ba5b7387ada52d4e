"""Correcting the analysis: the operations behind ``reader quote ...``, ``reader actor ...`` and
the article screen's keys (c, x, s, K, Q). Each is one change applied under the store lock to
the correction as it is then, so the TUI and the CLI never lose each other's work.

Errors are :class:`CorrectionFailed`: ``subject`` (the quote or actor id as given) and
``reason``, printed by the CLI as ``error SUBJECT: REASON``.

Each correction is the current coder's (``coder``: another name, the CLI passes ``final`` for
adjudicated corrections): it is made on the quotation as that coder sees it, and a colleague's
correction of the same quotation stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from annotations.corrections import (
    ACTOR_ID,
    ACTOR_SETTABLE,
    ADDED_ID,
    AUTO_ID,
    ActorFix,
    CorrectionError,
    QuoteCorrection,
    actor_slug,
    clean_name,
)
from reader.base.errors import ReaderError

from .quotes import KINDS, CorrectedArticle, Corrections, QuoteView, snapshot

if TYPE_CHECKING:
    from annotations.models import Anchor

    from .store import Library


class CorrectionFailed(ReaderError):
    """A correction that was not made: ``error SUBJECT: REASON`` (one line)."""

    def __init__(self, subject: str, reason: str) -> None:
        self.subject, self.reason = subject, reason
        super().__init__(f"{subject}: {reason}")


# finding ----------------------------------------------------------------------------------------
def find_quote(
    library: Library, quote_id: str, coder: str | None = None
) -> tuple[CorrectedArticle, QuoteView]:
    """The quotation ``quote_id`` names (``ARTICLE:START-END`` with any unique article prefix,
    or an added quotation's id), in its article with the coder's corrections applied."""
    from .article_index import LibraryError

    given = quote_id.strip()
    auto = AUTO_ID.match(given)
    if auto:
        try:
            article = library.resolve(auto["article"])
        except LibraryError as exc:
            raise CorrectionFailed(quote_id, str(exc)) from None
        wanted = f"{article}:{int(auto['start'])}-{int(auto['end'])}"
    elif ADDED_ID.match(given):
        found = library.annotations.quote_article(given)
        if found is None:
            raise CorrectionFailed(quote_id, "no added quote with this id")
        article, wanted = found, given
    else:
        raise CorrectionFailed(
            quote_id, "not a quote id (ARTICLE:START-END, or the id of an added quote)"
        )
    try:
        reader = Corrections(library, coder)
        corrected = reader.article(article)
    except LibraryError as exc:
        raise CorrectionFailed(quote_id, str(exc)) from None
    view = corrected.view(wanted)
    if view is None:
        if any(o.id == wanted for o in corrected.orphans):
            raise CorrectionFailed(
                quote_id, "its text is no longer in the article (an orphaned correction)"
            )
        others = sorted(
            {c.coder for c in library.annotations.quote_corrections(article) if c.id == wanted}
        )
        if others and not auto:
            raise CorrectionFailed(
                quote_id, f"added by {', '.join(others)}; you correct as {reader.coder}"
            )
        raise CorrectionFailed(quote_id, f"no such quote in article {article}")
    return corrected, view


def _anchor(library: Library, article: str, start: int, end: int, subject: str) -> Anchor:
    from annotations.anchors import PassageError, make_anchor

    text = library.text(article)
    try:
        return make_anchor(text, start, end)
    except PassageError as exc:
        raise CorrectionFailed(subject, str(exc)) from None


def _new_correction(
    library: Library, corrected: CorrectedArticle, view: QuoteView
) -> QuoteCorrection:
    """The correction record for an automatic quotation (its span, context and values)."""
    q = view.quote
    actor = corrected.actor(q.actor)
    return QuoteCorrection(
        id=view.id,
        article=corrected.article,
        anchor=_anchor(library, corrected.article, q.start, q.end, view.id),
        was=snapshot(q, actor.name if actor else None),
    )


def _change(
    library: Library,
    quote_id: str,
    edit: Callable[[QuoteCorrection], QuoteCorrection],
    coder: str | None = None,
) -> tuple[str, QuoteCorrection | None]:
    """Apply ``edit(record)`` to the coder's correction of the quotation under the lock;
    returns its id."""
    corrected, view = find_quote(library, quote_id, coder)
    fresh = _new_correction(library, corrected, view) if view.correction is None else None

    def change(current: QuoteCorrection | None) -> QuoteCorrection | None:
        if current is None:
            if fresh is None:
                raise CorrectionError("it was reset elsewhere meanwhile; look at it again")
            current = replace(fresh)
        return edit(current)

    from annotations.files import StoreError

    try:
        stored = library.annotations.correct_quote(corrected.article, view.id, change, coder=coder)
    except StoreError as exc:
        raise CorrectionFailed(quote_id, str(exc)) from None
    return view.id, stored


# quote corrections ------------------------------------------------------------------------------
def confirm(library: Library, quote_id: str, *, coder: str | None = None) -> str:
    def edit(fix: QuoteCorrection) -> QuoteCorrection:
        fix.confirmed, fix.rejected = True, False
        return fix

    return _change(library, quote_id, edit, coder)[0]


def reject(library: Library, quote_id: str, *, coder: str | None = None) -> str:
    def edit(fix: QuoteCorrection) -> QuoteCorrection:
        fix.rejected = True
        return fix

    return _change(library, quote_id, edit, coder)[0]


def check_kind(subject: str, kind: str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise CorrectionFailed(subject, f"kind must be one of {', '.join(KINDS)}")
    return kind


def set_quote(
    library: Library,
    quote_id: str,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    start: int | None = None,
    end: int | None = None,
    coder: str | None = None,
) -> str:
    """Set the quotation's speaker ("" = no speaker), kind and/or bounds (offsets into the
    article's text); it is no longer rejected."""
    check_kind(quote_id, kind)
    if (start is None) != (end is None):
        raise CorrectionFailed(quote_id, "give --start and --end together")
    if speaker is not None:
        try:
            speaker = clean_name(speaker, "speaker")
        except CorrectionError as exc:
            raise CorrectionFailed(quote_id, str(exc)) from None
    bounds = None
    if start is not None and end is not None:
        corrected, _view = find_quote(library, quote_id, coder)
        bounds = _anchor(library, corrected.article, start, end, quote_id)

    def edit(fix: QuoteCorrection) -> QuoteCorrection:
        if speaker is not None:
            fix.speaker = speaker
        if kind is not None:
            fix.kind = kind
        if bounds is not None:
            same = (bounds.start, bounds.end) == (fix.anchor.start, fix.anchor.end)
            fix.bounds = None if same and not fix.added else bounds
            if fix.added:
                fix.anchor, fix.bounds = bounds, None
        fix.rejected = False
        return fix

    return _change(library, quote_id, edit, coder)[0]


def reset(library: Library, quote_id: str, *, coder: str | None = None) -> str:
    """Back to the automatic quotation (an added one is removed): the coder's correction goes,
    a colleague's stays."""
    corrected, view = find_quote(library, quote_id, coder)
    if view.correction is None:
        return view.id  # automatic already: nothing to write
    from annotations.files import StoreError

    try:
        library.annotations.correct_quote(
            corrected.article, view.id, lambda _current: None, coder=coder
        )
    except StoreError as exc:
        raise CorrectionFailed(quote_id, str(exc)) from None
    return view.id


def default_kind(passage: str) -> str:
    """An added quotation in quotation marks is direct, else indirect."""
    marks = "\"'„“”‚‘’»«›‹"
    text = passage.strip()
    return "direct" if text[:1] in marks and text[-1:] in marks + ".,!?" else "indirect"


def add_quote(
    library: Library,
    article_prefix: str,
    *,
    passage: str | None = None,
    start: int | None = None,
    end: int | None = None,
    speaker: str | None = None,
    kind: str | None = None,
    coder: str | None = None,
) -> str:
    """Add a quotation the analysis missed, at ``passage`` (its exact text, found once in the
    article) or at ``start``-``end``, as the coder's. Returns its new id."""
    from annotations.anchors import PassageError, find_passage
    from annotations.files import StoreError
    from annotations.records import new_note_id

    from .article_index import LibraryError

    try:
        article = library.resolve(article_prefix)
        text = library.text(article)
    except LibraryError as exc:
        raise CorrectionFailed(article_prefix, str(exc)) from None
    check_kind(article_prefix, kind)
    if passage is not None:
        try:
            start, end = find_passage(text, passage)
        except PassageError as exc:
            raise CorrectionFailed(article_prefix, str(exc)) from None
    if start is None or end is None:
        raise CorrectionFailed(article_prefix, "give the passage of the quote")
    anchor = _anchor(library, article, start, end, article_prefix)
    try:
        name = clean_name(speaker, "speaker") if speaker is not None else None
    except CorrectionError as exc:
        raise CorrectionFailed(article_prefix, str(exc)) from None
    quote_id = new_note_id()
    record = QuoteCorrection(
        id=quote_id,
        article=article,
        anchor=anchor,
        added=True,
        speaker=name if name else None,
        kind=kind or default_kind(anchor.exact),
    )
    try:
        library.annotations.correct_quote(article, quote_id, lambda _current: record, coder=coder)
    except StoreError as exc:
        raise CorrectionFailed(article_prefix, str(exc)) from None
    return quote_id


# actors -----------------------------------------------------------------------------------------
def library_actor_names(library: Library) -> dict[str, str]:
    """Every actor id in the library with a name for it: from the index (each article's actor
    names), the alias table and the speakers typed into corrections (every coder's). No analysis
    is read."""
    names: dict[str, str] = {}
    columns = library.article_columns()
    for i in range(len(columns)):
        for name in columns.view(i).actors or ():
            names.setdefault(actor_slug(name), name)
    store = library.annotations
    for fix in store.all_library_actor_fixes():
        if fix.merge_into:
            names.setdefault(fix.merge_into, fix.into_name or fix.merge_into)
        if fix.name:
            names[fix.actor] = fix.name
    for article in store.corrected_articles():
        for quote_fix in store.quote_corrections(article):
            if quote_fix.speaker:
                names.setdefault(actor_slug(quote_fix.speaker), quote_fix.speaker)
    return names


def _article_actors(
    library: Library, article_prefix: str, subject: str, coder: str | None = None
) -> CorrectedArticle:
    from .article_index import LibraryError

    try:
        article = library.resolve(article_prefix)
        return Corrections(library, coder).article(article)
    except LibraryError as exc:
        raise CorrectionFailed(subject, str(exc)) from None


def _check_actor_id(actor: str) -> None:
    if not ACTOR_ID.match(actor):
        raise CorrectionFailed(actor, "not an actor id (see the actor column of reader actors)")


def merge_actors(
    library: Library, article: str | None, keep: str, other: str, *, coder: str | None = None
) -> str:
    """Merge ``other`` into ``keep`` in one article, or (``article`` None) across the library:
    the alias table, which later imports use too. Returns where it holds (the article id or
    "everywhere")."""
    from annotations.files import StoreError

    for actor in (keep, other):
        _check_actor_id(actor)
    if keep == other:
        raise CorrectionFailed(other, "an actor cannot be merged into itself")
    store = library.annotations
    if article is not None:
        corrected = _article_actors(library, article, other, coder)
        known = {a.id: a.name for a in corrected.analysis.actors}
        where = f"article {corrected.article}"
        for actor in (keep, other):
            if actor not in known:
                raise CorrectionFailed(actor, f"no such actor in {where}")
        fixes = store.actor_fixes(corrected.article, coder)
    else:
        known = library_actor_names(library)
        for actor in (keep, other):
            if actor not in known:
                raise CorrectionFailed(actor, "no such actor in the library")
        fixes = store.library_actor_fixes(coder)
    # no cycles: keep must not (already) be merged into other
    seen, step = set(), keep
    while step in fixes and fixes[step].merge_into and step not in seen:
        seen.add(step)
        step = fixes[step].merge_into  # type: ignore[assignment]
        if step == other:
            raise CorrectionFailed(keep, f"it is merged into {other} already")
    into_name = known[keep]

    def change(_current: ActorFix | None) -> ActorFix:
        return ActorFix(actor=other, merge_into=keep, into_name=into_name)

    try:
        if article is not None:
            store.fix_actor(corrected.article, other, change, coder=coder)
            return corrected.article
        store.fix_library_actor(other, change, coder=coder)
    except StoreError as exc:
        raise CorrectionFailed(other, str(exc)) from None
    return "everywhere"


def set_actor(
    library: Library,
    article: str | None,
    actor: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    coder: str | None = None,
) -> str:
    """Rename an actor and/or set its type (``none``: not an actor), in one article or across
    the library. Returns where it holds."""
    from annotations.files import StoreError

    _check_actor_id(actor)
    if kind is not None and kind not in ACTOR_SETTABLE:
        raise CorrectionFailed(actor, f"type must be one of {', '.join(ACTOR_SETTABLE)}")
    if name is not None:
        try:
            name = clean_name(name, "name")
        except CorrectionError as exc:
            raise CorrectionFailed(actor, str(exc)) from None
        if not name:
            raise CorrectionFailed(actor, "the name cannot be empty")
    store = library.annotations
    if article is not None:
        corrected = _article_actors(library, article, actor, coder)
        raw_ids = {a.id for a in library.analysis(corrected.article).actors}
        if actor not in {a.id for a in corrected.analysis.actors} and actor not in raw_ids:
            raise CorrectionFailed(actor, f"no such actor in article {corrected.article}")
        current = store.actor_fixes(corrected.article, coder).get(actor)
    else:
        if actor not in library_actor_names(library):
            raise CorrectionFailed(actor, "no such actor in the library")
        current = store.library_actor_fixes(coder).get(actor)
    if current is not None and current.merge_into and kind != "none":
        raise CorrectionFailed(actor, f"it is merged into {current.merge_into}; set that actor")

    def change(now: ActorFix | None) -> ActorFix:
        fix = now or ActorFix(actor=actor)
        if kind == "none":
            fix.merge_into = fix.into_name = None
        if name is not None:
            fix.name = name
        if kind is not None:
            fix.type = kind
        return fix

    try:
        if article is not None:
            store.fix_actor(corrected.article, actor, change, coder=coder)
            return corrected.article
        store.fix_library_actor(actor, change, coder=coder)
    except StoreError as exc:
        raise CorrectionFailed(actor, str(exc)) from None
    return "everywhere"
