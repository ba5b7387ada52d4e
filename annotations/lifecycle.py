"""What happens to annotations when their article changes: re-import, removal, and merging a
colleague's copy. Notes are never deleted here; those that lose their place become orphans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tinydb import Query

from . import records as rec
from .anchors import reanchor as find_again
from .files import ArticleFiles, user_errors
from .models import Note
from .tags import merge_tags


class ArticleLifecycle(ArticleFiles):
    def reanchor(self, article: str, new_text: str) -> list[Note]:
        """Place every passage note in ``new_text``; notes that can't be placed become orphans
        and keep their old passage. The article counts as present again. Returns all its notes."""
        if self._read(article) is None:
            return []
        with self._writing(article) as db:
            raw = db.storage.read()
            updates = []
            for note in rec.notes_in(article, raw):
                moved = find_again(note.passage, new_text) if note.passage else None
                fields: dict[str, Any] = {"orphan": note.passage is not None and moved is None}
                if moved is not None:
                    fields["passage"] = moved.to_dict()
                updates.append((fields, Query().id == note.id))
            if updates:
                db.table("notes").update_multiple(updates)
            moved_fixes = _reanchored_corrections(article, raw, new_text)
            if moved_fixes:
                db.table("corrections").update_multiple(moved_fixes)
            if rec.article_doc(raw).get("removed"):
                self._update_article(db, {"removed": False})
        return rec.notes_in(article, self._read(article))

    def restore_article(self, article: str, text: str | Callable[[], str]) -> list[Note]:
        """An article with this id was added (again): if its notes were orphaned because it had
        been removed (or lost their passage), place them in ``text`` once more; passage notes
        that can't be placed stay orphans. Cheap when there is nothing to restore (one look at
        the summary cache, no file opened; ``text`` may be a function, called only then), so
        the library may call it for every article it adds. Returns the notes it restored."""
        entry = self._entries().get(article)
        if (
            entry is None
            or entry.get("error")
            or not (entry.get("removed") or entry.get("orphans"))
        ):
            return []
        before = {n.id for n in rec.notes_in(article, self._read(article)) if n.orphan}
        body = text() if callable(text) else text
        return [n for n in self.reanchor(article, body) if n.id in before and not n.orphan]

    def mark_orphans(self, article: str) -> None:
        """The article was removed but its notes stay: all become orphans."""
        if self._read(article) is None:
            return
        with self._writing(article) as db:
            db.table("notes").update({"orphan": True})
            if db.table("corrections"):
                db.table("corrections").update({"orphan": True})
            self._update_article(db, {"removed": True})

    def delete_article(self, article: str) -> None:
        """Remove an article's annotations for good (``reader remove --with-notes``)."""
        path = self.path(article)
        if not path.exists():
            return
        with self._all_locked():
            path.unlink(missing_ok=True)
            with self._memory:
                self._cache.drop(article)
                self._bump()

    def merge_notes(
        self, article: str, tags: Iterable[str], notes: Iterable[Note]
    ) -> dict[str, int]:
        """Merge another copy's annotations of ``article``: same id -> the newer ``updated``
        wins; the same text on the same passage is not added twice."""
        totals = self.merge_many([(article, list(tags), list(notes))])
        return {k: totals[k] for k in ("added", "updated", "skipped")}

    def merge_many(
        self, plan: Iterable[tuple[str, Iterable[str], Iterable[Note]]]
    ) -> dict[str, int]:
        """:meth:`merge_notes` for many articles, whole or not at all (``reader
        import-annotations``): every note and tag is checked first, then all files are changed
        under one lock and written as one set (:meth:`_write_many`); a bad record, or a file
        that can't be read, means nothing is written and a :class:`StoreError` names it."""
        staged: dict[str, list[tuple[list[str], list[Note], list[Any], list[Any]]]] = {}
        with user_errors():
            for item in plan:
                article, tags, notes = item[0], item[1], item[2]
                fixes = list(item[3]) if len(item) > 3 else []  # type: ignore[misc]
                actor_fixes = list(item[4]) if len(item) > 4 else []  # type: ignore[misc]
                self.path(article)  # a valid id
                incoming = []
                for note in notes:
                    note.article, note.text = article, rec.clean_text(note.text)
                    note.tags = merge_tags([], note.tags)
                    incoming.append(note)
                for fix in fixes:
                    fix.article = article
                staged.setdefault(article, []).append(
                    (merge_tags([], tags), incoming, fixes, actor_fixes)
                )
        totals = {"articles": 0, "added": 0, "updated": 0, "skipped": 0, "corrections": 0}

        def change(article: str) -> Callable[[dict[str, Any]], bool]:
            def apply(raw: dict[str, Any]) -> bool:
                changed = False
                for tags, notes, fixes, actor_fixes in staged[article]:
                    counts, moved = _merge_raw(article, raw, tags, notes)
                    merged = _merge_corrections(article, raw, fixes, actor_fixes)
                    changed |= moved or merged > 0
                    totals["articles"] += 1
                    totals["corrections"] += merged
                    for key, value in counts.items():
                        totals[key] += value
                return changed

            return apply

        self._write_many({a: change(a) for a in staged}, all_or_nothing=True)
        if not totals["corrections"]:
            del totals["corrections"]  # only when the copy had any: the totals stay as they were
        return totals


def _reanchored_corrections(
    article: str, raw: dict[str, Any] | None, new_text: str
) -> list[tuple[dict[str, Any], Any]]:
    """Each quote correction placed in ``new_text`` (its anchor, and its bounds when the user
    moved them); one that can't be placed becomes an orphan and keeps its old anchor."""
    from .corrections import corrections_in

    updates = []
    for fix in corrections_in(article, raw):
        anchor = find_again(fix.anchor, new_text)
        bounds = find_again(fix.bounds, new_text) if fix.bounds is not None else None
        lost = anchor is None or (fix.bounds is not None and bounds is None)
        fields: dict[str, Any] = {"orphan": lost}
        if not lost:
            fields["anchor"] = anchor.to_dict()  # type: ignore[union-attr]
            if bounds is not None:
                fields["bounds"] = bounds.to_dict()
        updates.append((fields, Query().id == fix.id))
    return updates


def _merge_raw(
    article: str, raw: dict[str, Any], tags: list[str], incoming: list[Note]
) -> tuple[dict[str, int], bool]:
    """Merge checked notes and tags into one article's raw TinyDB dict, in place."""
    counts = {"added": 0, "updated": 0, "skipped": 0}
    table: dict[str, Any] = raw.setdefault("notes", {})
    slot = {d.get("id"): key for key, d in table.items() if isinstance(d, dict)}
    mine = {n.id: n for n in rec.notes_in(article, raw)}
    same = {_content_key(n) for n in mine.values()}
    changed = False
    for note in incoming:
        if note.id in mine:
            if _is_newer(note.updated, mine[note.id].updated):
                table[slot[note.id]] = {**table[slot[note.id]], **rec.note_doc(note)}
                counts["updated"] += 1
                changed = True
            else:
                counts["skipped"] += 1
        elif _content_key(note) in same:
            counts["skipped"] += 1
        else:
            next_id = max((int(k) for k in table if str(k).isdigit()), default=0) + 1
            table[str(next_id)] = rec.note_doc(note)
            mine[note.id] = note
            same.add(_content_key(note))
            counts["added"] += 1
            changed = True
    current = list(rec.article_doc(raw).get("tags") or [])
    merged = merge_tags(current, tags)
    if merged != current:
        article_table = raw.setdefault("article", {})
        key = next(iter(article_table), "1")
        article_table[key] = {**article_table.get(key, {}), "tags": merged}
        changed = True
    return counts, changed


def _merge_corrections(
    article: str, raw: dict[str, Any], fixes: list[Any], actor_fixes: list[Any]
) -> int:
    """Merge checked quote and actor corrections into one article's raw dict, in place: the
    same quote id (or actor) -> the newer ``updated`` wins. Returns how many changed."""
    from .corrections import actor_fixes_in, correction_doc, corrections_in, newer

    changed = 0
    table: dict[str, Any] = raw.setdefault("corrections", {}) if fixes else {}
    if fixes:
        slot = {d.get("id"): k for k, d in table.items() if isinstance(d, dict)}
        mine = {c.id: c for c in corrections_in(article, raw)}
        for fix in fixes:
            old = mine.get(fix.id)
            if old is not None and not newer(fix.updated, old.updated):
                continue
            key = slot.get(fix.id) or str(
                max((int(k) for k in table if str(k).isdigit()), default=0) + 1
            )
            table[key] = correction_doc(fix)
            slot[fix.id] = key
            changed += 1
    if actor_fixes:
        actors: dict[str, Any] = raw.setdefault("actors", {})
        slot = {d.get("actor"): k for k, d in actors.items() if isinstance(d, dict)}
        mine_actors = actor_fixes_in(raw)
        for fix in actor_fixes:
            old = mine_actors.get(fix.actor)
            if old is not None and not newer(fix.updated, old.updated):
                continue
            key = slot.get(fix.actor) or str(
                max((int(k) for k in actors if str(k).isdigit()), default=0) + 1
            )
            actors[key] = fix.to_json()
            slot[fix.actor] = key
            changed += 1
    return changed


def _content_key(note: Note) -> tuple[str, str | None]:
    """The same words on the same passage are the same note, wherever the passage sits now
    (the other copy may have an older or newer version of the article's text)."""
    passage = note.passage
    return (" ".join(note.text.split()), " ".join(passage.exact.split()) if passage else None)


def _is_newer(theirs: str, mine: str) -> bool:
    """Compare ISO-8601 times as times (another machine may write another offset)."""
    from dateutil.parser import isoparse

    try:
        return isoparse(theirs) > isoparse(mine)
    except (ValueError, TypeError, OverflowError):
        return theirs > mine
