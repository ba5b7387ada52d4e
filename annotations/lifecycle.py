"""What happens to annotations when their article changes: re-import, removal, and merging a
colleague's copy. Notes are never deleted here; those that lose their place become orphans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tinydb import Query

from . import coding
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
        totals = self.merge_many([(article, list(tags), list(notes))])
        return {k: totals[k] for k in ("added", "updated", "skipped")}

    def merge_many(self, plan: Iterable[tuple[Any, ...]]) -> dict[str, int]:
        """:meth:`merge_notes` for many articles, whole or not at all (``reader
        import-annotations``): every note and tag is checked first, then all files are changed
        under one lock and written as one set (:meth:`_write_many`); a bad record, or a file
        that can't be read, means nothing is written and a :class:`StoreError` names it.

        ``plan``: ``(article, tags, notes)``, or ``(article, tags, notes, codes, done)`` with
        each coder's tags (:class:`annotations.coding.TagCode`) and done marks. Codes go beside
        mine, never over them: a note of another coder is never replaced, even with the same
        id, and the same words on the same passage by two coders are two notes."""
        staged: dict[str, list[tuple[list[str], list[Note], list[Any], list[Any]]]] = {}
        who = self.who()
        with user_errors():
            for article, tags, notes, *more in plan:
                self.path(article)  # a valid id
                codes, done = (list(more[0]), list(more[1])) if more else ([], [])
                incoming = []
                for note in notes:
                    note.article, note.text = article, rec.clean_text(note.text)
                    note.tags = merge_tags([], note.tags)
                    note.coder = note.coder or who
                    incoming.append(note)
                for code in codes:
                    merge_tags([], [code.tag])  # a valid tag
                staged.setdefault(article, []).append((merge_tags([], tags), incoming, codes, done))
        totals = {"articles": 0, "added": 0, "updated": 0, "skipped": 0, "codes": 0}

        def change(article: str) -> Callable[[dict[str, Any]], bool]:
            def apply(raw: dict[str, Any]) -> bool:
                changed = False
                for tags, notes, codes, done in staged[article]:
                    counts, moved = _merge_raw(article, raw, tags, notes, who)
                    doc = _article_table(raw)
                    added = coding.merge_tag_codes(doc, codes, default_coder=who)
                    marks = coding.merge_done(doc, done)
                    counts["codes"] = added
                    moved |= bool(added or marks)
                    changed |= moved
                    totals["articles"] += 1
                    for key, value in counts.items():
                        totals[key] += value
                return changed

            return apply

        self._write_many({a: change(a) for a in staged}, all_or_nothing=True)
        if not totals["codes"]:  # "codes": other coders' article tags added, when there were
            del totals["codes"]
        return totals


def _article_table(raw: dict[str, Any]) -> dict[str, Any]:
    """The article document of a raw TinyDB dict, to edit in place (created if missing)."""
    table = raw.setdefault("article", {})
    key = next(iter(table), "1")
    return table.setdefault(key, {})


def _merge_raw(
    article: str, raw: dict[str, Any], tags: list[str], incoming: list[Note], who: str = ""
) -> tuple[dict[str, int], bool]:
    """Merge checked notes and tags into one article's raw TinyDB dict, in place. ``who`` is
    the current coder: notes from before coders are theirs."""
    counts = {"added": 0, "updated": 0, "skipped": 0}
    table: dict[str, Any] = raw.setdefault("notes", {})
    slot = {d.get("id"): key for key, d in table.items() if isinstance(d, dict)}
    mine = {n.id: n for n in rec.notes_in(article, raw)}
    for n in mine.values():
        n.coder = n.coder or who
    same = {_content_key(n) for n in mine.values()}
    changed = False
    next_id = max((int(k) for k in table if str(k).isdigit()), default=0) + 1
    for note in incoming:
        if note.id in mine and (note.coder or who) != mine[note.id].coder:
            # the same id from another coder is not the same code: never over it
            note.id = rec.new_note_id()
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
            table[str(next_id)] = rec.note_doc(note)
            next_id += 1
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


def _content_key(note: Note) -> tuple[Any, ...]:
    """The same words and tags on the same passage by the same coder are the same note,
    wherever the passage sits now (the other copy may have an older or newer version of the
    article's text). Two coders' codes of one passage are two notes; a note with no words is
    a code, and its tags are what it says."""
    passage, words = note.passage, " ".join(note.text.split())
    return (
        note.coder,
        words,
        " ".join(passage.exact.split()) if passage else None,
        () if words else tuple(sorted(t.casefold() for t in note.tags)),
        note.quote,
    )


def _is_newer(theirs: str, mine: str) -> bool:
    """Compare ISO-8601 times as times (another machine may write another offset)."""
    from dateutil.parser import isoparse

    try:
        return isoparse(theirs) > isoparse(mine)
    except (ValueError, TypeError, OverflowError):
        return theirs > mine
