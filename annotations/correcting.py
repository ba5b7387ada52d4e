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
    ``files``, the per-article file layer)."""

    files: ArticleFiles

    # quotes ---------------------------------------------------------------------------------
    def quote_corrections(self, article: str) -> list[QuoteCorrection]:
        """The article's quote corrections (orphans included), in text order."""
        return corrections_in(article, self.files.read(article))

    def correct_quote(
        self, article: str, quote_id: str, change: QuoteChange
    ) -> QuoteCorrection | None:
        """Apply ``change`` to the correction ``quote_id`` as it is now (``None``: there is none):
        it returns the new record, or ``None`` to remove it (back to automatic). Returns what was
        stored. Times: ``created`` kept, ``updated`` now."""
        with user_errors(), self.files.writing(article) as db:
            current = next(
                (c for c in corrections_in(article, db.storage.read()) if c.id == quote_id), None
            )
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            table = db.table("corrections")
            if wanted is None:
                if current is not None:
                    table.remove(Query().id == quote_id)
                return None
            stamp = rec.now_iso()
            wanted.article, wanted.id = article, quote_id
            wanted.created = (current.created if current else "") or stamp
            wanted.updated = stamp
            table.upsert(correction_doc(wanted), Query().id == quote_id)
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
        """Articles with any quote or actor correction (from the summary cache)."""
        return {a for a, e in self.files.entries().items() if e.get("qfix")}

    # actors ---------------------------------------------------------------------------------
    def actor_fixes(self, article: str) -> dict[str, ActorFix]:
        return actor_fixes_in(self.files.read(article))

    def fix_actor(self, article: str, actor: str, change: ActorChange) -> ActorFix | None:
        """Like :meth:`correct_quote`, for the article's correction of ``actor``."""
        with user_errors(), self.files.writing(article) as db:
            current = actor_fixes_in(db.storage.read()).get(actor)
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            table = db.table("actors")
            if wanted is None:
                if current is not None:
                    table.remove(Query().actor == actor)
                return None
            wanted.actor, wanted.updated = actor, rec.now_iso()
            table.upsert(wanted.to_json(), Query().actor == actor)
        return wanted

    # the library-wide alias table -----------------------------------------------------------
    @property
    def aliases_path(self) -> Path:
        return self.files.root / ALIASES_FILE

    def library_actor_fixes(self) -> dict[str, ActorFix]:
        """The alias table: actor id -> the library-wide correction of that actor."""
        with user_errors():
            raw = AtomicJSONStorage(self.aliases_path).read()
        return actor_fixes_in(raw)

    def fix_library_actor(self, actor: str, change: ActorChange) -> ActorFix | None:
        """Change the alias table's entry for ``actor`` under the store lock (re-read there)."""
        with self.files.all_locked():
            storage = AtomicJSONStorage(self.aliases_path, self.files.lock_path)
            try:
                raw = storage.read() or {}
            except StorageError as exc:
                raise StoreError(str(exc)) from None
            table: dict[str, Any] = raw.setdefault("actors", {})
            current = actor_fixes_in(raw).get(actor)
            try:
                wanted = change(current)
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
            for key in [
                k for k, d in table.items() if isinstance(d, dict) and d.get("actor") == actor
            ]:
                del table[key]
            if wanted is not None:
                wanted.actor, wanted.updated = actor, rec.now_iso()
                key = str(max((int(k) for k in table if str(k).isdigit()), default=0) + 1)
                table[key] = wanted.to_json()
            raw["_meta"] = {"1": {"schema": rec.SCHEMA}}
            with user_errors():
                storage.write(raw)
            with self.files.memory:
                self.files.bump()
        return wanted

    def merge_library_actor_fixes(self, incoming: list[dict[str, Any]]) -> int:
        """Merge another copy's alias table (``import-annotations``): per actor, the newer
        ``updated`` wins. Every entry is checked first; returns how many changed."""
        fixes = []
        for doc in incoming:
            try:
                fixes.append(actor_fix_from(doc))
            except CorrectionError as exc:
                raise StoreError(str(exc)) from None
        if not fixes:
            return 0
        changed = 0
        with self.files.all_locked():
            storage = AtomicJSONStorage(self.aliases_path, self.files.lock_path)
            try:
                raw = storage.read() or {}
            except StorageError as exc:
                raise StoreError(str(exc)) from None
            table: dict[str, Any] = raw.setdefault("actors", {})
            mine = actor_fixes_in(raw)
            for fix in fixes:
                old = mine.get(fix.actor)
                if old is not None and not newer(fix.updated, old.updated):
                    continue
                for key in [k for k, d in table.items() if d.get("actor") == fix.actor]:
                    del table[key]
                key = str(max((int(k) for k in table if str(k).isdigit()), default=0) + 1)
                table[key] = fix.to_json()
                changed += 1
            if changed:
                raw["_meta"] = {"1": {"schema": rec.SCHEMA}}
                with user_errors():
                    storage.write(raw)
                with self.files.memory:
                    self.files.bump()
        return changed


# when the article changes (called by the store: reanchor, merge_many) -------------------------
def reanchored_corrections(
    article: str, raw: dict[str, Any] | None, new_text: str
) -> list[tuple[dict[str, Any], Any]]:
    """Each quote correction placed in ``new_text`` (its anchor, and its bounds when the user
    moved them): TinyDB updates for the ``corrections`` table. One that can't be placed
    becomes an orphan and keeps its old anchor (never deleted)."""
    updates = []
    for fix in corrections_in(article, raw):
        anchor = find_again(fix.anchor, new_text)
        bounds = find_again(fix.bounds, new_text) if fix.bounds is not None else None
        fields: dict[str, Any] = {"orphan": True}
        if anchor is not None and (fix.bounds is None or bounds is not None):
            fields = {"orphan": False, "anchor": anchor.to_dict()}
            if bounds is not None:
                fields["bounds"] = bounds.to_dict()
        updates.append((fields, Query().id == fix.id))
    return updates


def merge_corrections(
    article: str,
    raw: dict[str, Any],
    fixes: list[QuoteCorrection],
    actor_fixes: list[ActorFix],
) -> int:
    """Merge checked quote and actor corrections of another copy into one article's raw dict,
    in place: the same quote id (or actor) -> the newer ``updated`` wins. Returns how many
    changed."""
    changed = 0
    if fixes:
        table: dict[str, Any] = raw.setdefault("corrections", {})
        slot = {d.get("id"): k for k, d in table.items() if isinstance(d, dict)}
        mine = {c.id: c for c in corrections_in(article, raw)}
        for fix in fixes:
            old = mine.get(fix.id)
            if old is not None and not newer(fix.updated, old.updated):
                continue
            key = slot.get(fix.id) or _next_key(table)
            table[key] = correction_doc(fix)
            slot[fix.id] = key
            changed += 1
    if actor_fixes:
        actors: dict[str, Any] = raw.setdefault("actors", {})
        slots = {d.get("actor"): k for k, d in actors.items() if isinstance(d, dict)}
        mine_actors = actor_fixes_in(raw)
        for actor_fix in actor_fixes:
            old_fix = mine_actors.get(actor_fix.actor)
            if old_fix is not None and not newer(actor_fix.updated, old_fix.updated):
                continue
            key = slots.get(actor_fix.actor) or _next_key(actors)
            actors[key] = actor_fix.to_json()
            slots[actor_fix.actor] = key
            changed += 1
    return changed


def _next_key(table: dict[str, Any]) -> str:
    return str(max((int(k) for k in table if str(k).isdigit()), default=0) + 1)
