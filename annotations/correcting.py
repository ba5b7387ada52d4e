"""The annotation store's corrections: each a change applied under the lock to the record as it
is then (another process may have changed it meanwhile), written through the store's one
atomic path. See :mod:`annotations.corrections` for the records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import Query

from . import records as rec
from .anchors import reanchor as find_again
from .corrections import (
    ActorFix,
    CorrectionError,
    QuoteCorrection,
    actor_fix_from,
    actor_fixes_in,
    all_actor_fixes_in,
    correction_doc,
    corrections_in,
    newer,
)
from .files import ArticleFiles, StoreError, user_errors
from .storage import AtomicJSONStorage, StorageError

ALIASES_FILE = "actors.json"  # the library-wide alias table, beside the shard folders

QuoteChange = Callable[[QuoteCorrection | None], QuoteCorrection | None]
ActorChange = Callable[[ActorFix | None], ActorFix | None]


class CorrectionStore:
    """The corrections part of :class:`annotations.store.AnnotationStore` (which holds
    ``files``, the per-article file layer, and ``who()``, the current coder).

    Every record carries its coder: one coder's correction of a quotation (or an actor) is one
    record, beside a colleague's of the same one, never over it. ``coder`` arguments default to
    the current coder; records from before coders count as the current coder's (and are stamped
    with that name the first time the table is written)."""

    files: ArticleFiles

    def who(self) -> str:  # the current coder (AnnotationStore's)
        raise NotImplementedError

    # quotes ---------------------------------------------------------------------------------
    def quote_corrections(self, article: str, coder: str | None = None) -> list[QuoteCorrection]:
        """The article's quote corrections (orphans included), in text order: ``coder``'s, or
        with ``coder`` None every coder's (each with its coder filled in)."""
        return corrections_in(
            article, self.files.read(article), coder=coder, default_coder=self.who()
        )

    def correct_quote(
        self, article: str, quote_id: str, change: QuoteChange, *, coder: str | None = None
    ) -> QuoteCorrection | None:
        """Apply ``change`` to ``coder``'s (default: the current coder's) correction ``quote_id``
        as it is now (``None``: there is none): it returns the new record, or ``None`` to remove
        it (back to automatic). Returns what was stored. Times: ``created`` kept, ``updated``
        now. Another coder's correction of the same quotation is left as it is."""
        who = coder or self.who()
        with user_errors(), self.files.writing(article) as db:
            current = next(
                (
                    c
                    for c in corrections_in(
                        article, db.storage.read(), coder=who, default_coder=self.who()
                    )
                    if c.id == quote_id
                ),
                None,
            )
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            table = db.table("corrections")
            _stamp_coders(table, self.who())
            mine = (Query().id == quote_id) & (Query().coder == who)
            if wanted is None:
                if current is not None:
                    table.remove(mine)
                return None
            stamp = rec.now_iso()
            wanted.article, wanted.id, wanted.coder = article, quote_id, who
            wanted.created = (current.created if current else "") or stamp
            wanted.updated = stamp
            table.upsert(correction_doc(wanted), mine)
        return wanted

    def quote_article(self, quote_id: str) -> str | None:
        """The article holding the correction ``quote_id`` (an added quotation's id says nothing
        of its article), from the summary cache: no file is opened."""
        for article, entry in self.files.entries().items():
            if quote_id in (entry.get("qids") or "").split(","):
                return article
        return None

    def correction_signatures(self) -> dict[str, int]:
        """Each article with corrections and a checksum of them (from the summary cache):
        derived caches of corrected figures check it (reading and notes leave it alone)."""
        return {
            a: int(e.get("qsig") or 0) for a, e in self.files.entries().items() if e.get("qfix")
        }

    def corrected_articles(self) -> set[str]:
        """Articles with any quote or actor correction, by any coder (from the summary cache)."""
        return {a for a, e in self.files.entries().items() if e.get("qfix")}

    def correction_coders(self) -> set[str]:
        """Everyone with a quote or actor correction in the library (the alias table's too)."""
        who = self.who()
        found = {f.coder for f in self.all_library_actor_fixes()}
        for article in self.corrected_articles():
            raw = self.files.read(article)
            found.update(c.coder for c in corrections_in(article, raw, default_coder=who))
            found.update(f.coder for f in all_actor_fixes_in(raw, default_coder=who))
        return found

    # actors ---------------------------------------------------------------------------------
    def actor_fixes(self, article: str, coder: str | None = None) -> dict[str, ActorFix]:
        """``coder``'s (default: the current coder's) corrections of the article's actors."""
        return actor_fixes_in(
            self.files.read(article), coder=coder or self.who(), default_coder=self.who()
        )

    def all_actor_fixes(self, article: str) -> list[ActorFix]:
        """Every coder's corrections of the article's actors (each with its coder)."""
        return all_actor_fixes_in(self.files.read(article), default_coder=self.who())

    def fix_actor(
        self, article: str, actor: str, change: ActorChange, *, coder: str | None = None
    ) -> ActorFix | None:
        """Like :meth:`correct_quote`, for ``coder``'s correction of ``actor`` in the article."""
        who = coder or self.who()
        with user_errors(), self.files.writing(article) as db:
            current = actor_fixes_in(db.storage.read(), coder=who, default_coder=self.who()).get(
                actor
            )
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            table = db.table("actors")
            _stamp_coders(table, self.who())
            mine = (Query().actor == actor) & (Query().coder == who)
            if wanted is None:
                if current is not None:
                    table.remove(mine)
                return None
            wanted.actor, wanted.coder, wanted.updated = actor, who, rec.now_iso()
            table.upsert(wanted.to_json(), mine)
        return wanted

    # the library-wide alias table -----------------------------------------------------------
    @property
    def aliases_path(self) -> Path:
        return self.files.root / ALIASES_FILE

    def _read_aliases(self) -> dict[str, Any] | None:
        with user_errors():
            return AtomicJSONStorage(self.aliases_path).read()

    def library_actor_fixes(self, coder: str | None = None) -> dict[str, ActorFix]:
        """The alias table of ``coder`` (default: the current coder): actor id -> the
        library-wide correction of that actor."""
        return actor_fixes_in(
            self._read_aliases(), coder=coder or self.who(), default_coder=self.who()
        )

    def all_library_actor_fixes(self) -> list[ActorFix]:
        """Every coder's entries of the alias table (each with its coder)."""
        return all_actor_fixes_in(self._read_aliases(), default_coder=self.who())

    def fix_library_actor(
        self, actor: str, change: ActorChange, *, coder: str | None = None
    ) -> ActorFix | None:
        """Change ``coder``'s (default: the current coder's) alias table entry for ``actor``
        under the store lock (re-read there); other coders' entries stay."""
        who = coder or self.who()
        with self.files.all_locked():
            storage = AtomicJSONStorage(self.aliases_path, self.files.lock_path)
            try:
                raw = storage.read() or {}
            except StorageError as exc:
                raise StoreError(str(exc)) from None
            table: dict[str, Any] = raw.setdefault("actors", {})
            current = actor_fixes_in(raw, coder=who, default_coder=self.who()).get(actor)
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            _stamp_raw_coders(table, self.who())
            for key in [
                k
                for k, d in table.items()
                if isinstance(d, dict) and d.get("actor") == actor and d.get("coder") == who
            ]:
                del table[key]
            if wanted is not None:
                wanted.actor, wanted.coder, wanted.updated = actor, who, rec.now_iso()
                table[_next_key(table)] = wanted.to_json()
            raw["_meta"] = {"1": {"schema": rec.SCHEMA}}
            with user_errors():
                storage.write(raw)
            with self.files.memory:
                self.files.bump()
        return wanted

    def merge_library_actor_fixes(self, incoming: list[dict[str, Any]]) -> int:
        """Merge another copy's alias table (``import-annotations``): per actor and coder, the
        newer ``updated`` wins; another coder's entry goes beside mine. An entry with no coder
        is the current coder's. Every entry is checked first; returns how many changed."""
        fixes = []
        for doc in incoming:
            try:
                fixes.append(actor_fix_from(doc))
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
        if not fixes:
            return 0
        changed = 0
        who = self.who()
        with self.files.all_locked():
            storage = AtomicJSONStorage(self.aliases_path, self.files.lock_path)
            try:
                raw = storage.read() or {}
            except StorageError as exc:
                raise StoreError(str(exc)) from None
            table: dict[str, Any] = raw.setdefault("actors", {})
            _stamp_raw_coders(table, who)
            mine = {(f.actor, f.coder): f for f in all_actor_fixes_in(raw, default_coder=who)}
            for fix in fixes:
                fix.coder = fix.coder or who
                old = mine.get((fix.actor, fix.coder))
                if old is not None and not newer(fix.updated, old.updated):
                    continue
                for key in [
                    k
                    for k, d in table.items()
                    if isinstance(d, dict)
                    and d.get("actor") == fix.actor
                    and d.get("coder") == fix.coder
                ]:
                    del table[key]
                table[_next_key(table)] = fix.to_json()
                mine[(fix.actor, fix.coder)] = fix
                changed += 1
            if changed:
                raw["_meta"] = {"1": {"schema": rec.SCHEMA}}
                with user_errors():
                    storage.write(raw)
                with self.files.memory:
                    self.files.bump()
        return changed


def _stamp_coders(table: Any, who: str) -> None:
    """Records from before coders (no ``coder``) get ``who``'s name, once, before a coder's
    record is written beside them (so they are never taken for another coder's)."""
    table.update({"coder": who}, lambda doc: not doc.get("coder"))


def _stamp_raw_coders(table: dict[str, Any], who: str) -> None:
    for doc in table.values():
        if isinstance(doc, dict) and not doc.get("coder"):
            doc["coder"] = who


# when the article changes (called by the store: reanchor, merge_many) -------------------------
def reanchored_corrections(
    article: str, raw: dict[str, Any] | None, new_text: str
) -> list[tuple[dict[str, Any], Any]]:
    """Each quote correction placed in ``new_text`` (its anchor, and its bounds when the user
    moved them): TinyDB updates for the ``corrections`` table. One that can't be placed
    becomes an orphan and keeps its old anchor (never deleted)."""
    updates = []
    for fix in corrections_in(article, raw):  # each coder's record placed on its own
        anchor = find_again(fix.anchor, new_text)
        bounds = find_again(fix.bounds, new_text) if fix.bounds is not None else None
        fields: dict[str, Any] = {"orphan": True}
        if anchor is not None and (fix.bounds is None or bounds is not None):
            fields = {"orphan": False, "anchor": anchor.to_dict()}
            if bounds is not None:
                fields["bounds"] = bounds.to_dict()
        updates.append((fields, _record(fix.id, fix.coder)))
    return updates


def _record(quote_id: str, coder: str) -> Callable[[dict[str, Any]], bool]:
    """The TinyDB condition for one coder's correction of one quotation ("" : a record from
    before coders)."""
    return lambda doc: doc.get("id") == quote_id and (doc.get("coder") or "") == coder


def merge_corrections(
    article: str,
    raw: dict[str, Any],
    fixes: list[QuoteCorrection],
    actor_fixes: list[ActorFix],
    *,
    default_coder: str = "",
) -> int:
    """Merge checked quote and actor corrections of another copy into one article's raw dict,
    in place: the same quote id (or actor) of the same coder -> the newer ``updated`` wins;
    another coder's goes beside mine, never over it. A record with no coder (here or in the
    copy) is ``default_coder``'s. Returns how many changed."""
    changed = 0
    if fixes:
        table: dict[str, Any] = raw.setdefault("corrections", {})
        _stamp_raw_coders(table, default_coder)
        slot = {(d.get("id"), d.get("coder")): k for k, d in table.items() if isinstance(d, dict)}
        mine = {
            (c.id, c.coder): c for c in corrections_in(article, raw, default_coder=default_coder)
        }
        for fix in fixes:
            fix.coder = fix.coder or default_coder
            key_of = (fix.id, fix.coder)
            old = mine.get(key_of)
            if old is not None and not newer(fix.updated, old.updated):
                continue
            key = slot.get(key_of) or _next_key(table)
            table[key] = correction_doc(fix)
            slot[key_of] = key
            mine[key_of] = fix
            changed += 1
    if actor_fixes:
        actors: dict[str, Any] = raw.setdefault("actors", {})
        _stamp_raw_coders(actors, default_coder)
        slots = {
            (d.get("actor"), d.get("coder")): k for k, d in actors.items() if isinstance(d, dict)
        }
        mine_actors = {
            (f.actor, f.coder): f for f in all_actor_fixes_in(raw, default_coder=default_coder)
        }
        for actor_fix in actor_fixes:
            actor_fix.coder = actor_fix.coder or default_coder
            actor_key = (actor_fix.actor, actor_fix.coder)
            old_fix = mine_actors.get(actor_key)
            if old_fix is not None and not newer(actor_fix.updated, old_fix.updated):
                continue
            key = slots.get(actor_key) or _next_key(actors)
            actors[key] = actor_fix.to_json()
            slots[actor_key] = key
            mine_actors[actor_key] = actor_fix
            changed += 1
    return changed


def _next_key(table: dict[str, Any]) -> str:
    return str(max((int(k) for k in table if str(k).isdigit()), default=0) + 1)
