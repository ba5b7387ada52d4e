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
        counts = {"added": 0, "updated": 0, "skipped": 0}
        incoming, tags = list(notes), list(tags)
        with self._writing(article) as db:
            raw = db.storage.read()
            mine = {n.id: n for n in rec.notes_in(article, raw)}
            damaged = {  # a note with this id exists but cannot be read: never add a second
                d.get("id") for d in (raw.get("notes") or {}).values() if isinstance(d, dict)
            } - set(mine)
            same = {_content_key(n) for n in mine.values()}
            table, added = db.table("notes"), []
            for note in incoming:
                note.article, note.text = article, rec.clean_text(note.text)
                with user_errors():
                    note.tags = merge_tags([], note.tags)
                if note.id in damaged:
                    counts["skipped"] += 1
                elif note.id in mine:
                    if _is_newer(note.updated, mine[note.id].updated):
                        table.update(rec.note_doc(note), Query().id == note.id)
                        counts["updated"] += 1
                    else:
                        counts["skipped"] += 1
                elif _content_key(note) in same:
                    counts["skipped"] += 1
                else:
                    added.append(rec.note_doc(note))
                    mine[note.id] = note
                    same.add(_content_key(note))
                    counts["added"] += 1
            if added:
                table.insert_multiple(added)
            current = list(rec.article_doc(raw).get("tags") or [])
            with user_errors():
                merged = merge_tags(current, tags)
            if merged != current and not rec.article_field_problem(raw, "tags"):
                self._update_article(db, {"tags": merged})
        return counts


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
