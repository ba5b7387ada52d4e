"""The annotation store: the only way the app and the CLI touch tags, notes and reading state.

Notes, article tags and reading state live in one small TinyDB file per article
(:mod:`annotations.files`); library-wide questions (the library table, every note with a tag, a
note id prefix) are answered from a summary cache (:mod:`annotations.summary`) so they don't
open every file. Tags keep their case, compare without it, and nest (``frame/conflict``).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from tinydb import Query

from . import coding
from . import records as rec
from .anchors import reanchor as find_again
from .correcting import CorrectionStore, merge_corrections, reanchored_corrections
from .corrections import ActorFix, QuoteCorrection
from .files import ArticleFiles, StoreError, _encode, system_user, user_errors
from .models import Anchor, ArticleSummary, Note
from .storage import AtomicJSONStorage, StorageError, atomic_write_bytes
from .summary import digest, error_digest, has_tag, note_tag_counts, signature
from .tagnotes import TagNotes
from .tags import matcher, merge_tags, remove_tags, rename_in, tag_key

__all__ = ["AnnotationStore", "NoteConflict", "StoreError"]


class NoteConflict(StoreError):
    """The note was changed (or deleted) elsewhere since the editor read it, in a way that can't
    be merged. ``current`` is the note as it is now (``None``: deleted); nothing was written."""

    def __init__(self, note_id: str, current: Note | None) -> None:
        self.note_id, self.current = note_id, current
        what = "deleted" if current is None else "changed"
        super().__init__(f"note {note_id} was {what} elsewhere since it was opened")


class AnnotationStore(CorrectionStore):
    """``AnnotationStore(LIBRARY / "annotations")``: created on first write, never on read;
    opening costs nothing (files are read when asked for)."""

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        """``root`` is ``LIBRARY/annotations``; ``cache_dir`` where the derived caches go
        (default: ``root``; the library passes its cache folder)."""
        self.files = ArticleFiles(root, cache_dir)  # the per-article files, lock, summary cache
        self.root = self.files.root
        self._summaries: tuple[int, dict[str, ArticleSummary]] | None = None
        self._tag_counts: tuple[int, dict[str, int]] | None = None
        # who codes (the library sets it from its settings; "" = the system user name) and the
        # version of the library's codebook, recorded with each code (a function: read lazily)
        self.coder = ""
        self.codebook_version: Callable[[], Any] = lambda: None

    def who(self) -> str:
        """The current coder: the name set, else the system user name."""
        return self.coder or system_user()

    def path(self, article: str) -> Path:
        return self.files.path(article)

    def version(self) -> tuple[int, int, int]:
        """A token that changes whenever any process writes annotations (one ``stat``)."""
        return self.files.version()

    def changed_since(self, token: tuple[int, int, int]) -> bool:
        return self.files.changed_since(token)

    # notes ----------------------------------------------------------------------------------
    def add_note(
        self,
        article: str,
        text: str,
        passage: Anchor | None = None,
        tags: Iterable[str] = (),
        *,
        coder: str | None = None,
        quote: str | None = None,
    ) -> Note:
        """A new note (a code, when it has tags) by ``coder`` (default: the current coder),
        with the codebook's version; ``quote``: the id of the quotation it codes."""
        with user_errors():
            text = rec.clean_text(text)
            tags = merge_tags([], tags)
        if not text.strip() and not tags and passage is None:
            raise StoreError("note is empty: give a text, a tag or a passage")
        stamp = rec.now_iso()
        note = Note(
            id=rec.new_note_id(),
            article=article,
            text=text,
            tags=tags,
            passage=passage,
            created=stamp,
            updated=stamp,
            coder=coder or self.who(),
            codebook=self.codebook_version(),
            quote=quote,
        )
        with self.files.writing(article) as db:
            db.table("notes").insert(rec.note_doc(note))
        return note

    def _locate(self, note_id: str) -> tuple[str, str]:
        prefix = str(note_id).strip()
        if not prefix:
            raise StoreError("note id is empty")
        entries = self.files.entries()
        hits = [
            (a, i)
            for a, e in entries.items()
            if prefix in e["ids"]
            for i in e["ids"].split(",")
            if i.startswith(prefix)
        ]
        exact = [h for h in hits if h[1] == prefix]
        if len(exact) == 1 or len(hits) == 1:
            return (exact or hits)[0]
        if not hits:
            unreadable = sum(1 for e in entries.values() if e.get("error"))
            hint = (
                (
                    f" ({unreadable} annotation file{'s' * (unreadable != 1)} could not be "
                    f"read: run reader doctor)"
                )
                if unreadable
                else ""
            )
            raise StoreError(f"no note with id {prefix!r}{hint}")
        names = ", ".join(sorted(i for _, i in hits)[:8])
        raise StoreError(f"note id {prefix!r} is ambiguous: {names}")

    def get_note(self, note_id: str) -> Note:
        article, full = self._locate(note_id)
        for note in self._coded(rec.notes_in(article, self.files.read(article))):
            if note.id == full:
                return note
        raise StoreError(f"no note with id {note_id!r}")

    def _coded(self, notes: list[Note]) -> list[Note]:
        """Notes written before coders existed count as the current coder's."""
        who = None
        for note in notes:
            if not note.coder:
                note.coder = who = who or self.who()
        return notes

    def _check_coder(self, note: Note, coder: str | None) -> None:
        """A coder changes only their own codes: a colleague's stay as they coded them."""
        mine = coder or self.who()
        owner = note.coder or self.who()
        if owner != mine:
            raise StoreError(
                f"note {note.id} is {owner}'s code; you code as {mine}: add your own "
                f"(reader config coder {owner} to change it as {owner})"
            )

    def edit_note(
        self,
        note_id: str,
        text: str | None = None,
        tags: Iterable[str] | None = None,
        *,
        base: Note | None = None,
        coder: str | None = None,
    ) -> Note:
        """Set the note's text and/or tags (only its coder may: ``coder``, default the current). ``base`` is the note as the editor read it (the TUI's
        dialog): then the edit is applied under the lock to the note as it is now. A change made
        meanwhile elsewhere is merged when the two don't collide (their text and my tags, my
        text and their tags; tags as changes: added, removed); a different text on both sides,
        or a note deleted meanwhile, raises :class:`NoteConflict` with the current note, and
        nothing is written. Without ``base`` (the CLI) the given fields replace the stored ones.
        """
        # the editor knows where the note was: a note deleted meanwhile is a conflict, not "no
        # note with that id"
        article, full = (base.article, base.id) if base is not None else self._locate(note_id)
        with user_errors():
            if text is not None:
                text = rec.clean_text(text)
            if tags is not None:
                tags = merge_tags([], tags)
        with self.files.writing(article) as db:
            current = next(
                (n for n in rec.notes_in(article, db.storage.read()) if n.id == full), None
            )
            if current is None:
                if base is not None:
                    raise NoteConflict(full, None)
                raise StoreError(f"no note with id {note_id!r}")
            self._check_coder(current, coder)
            fields: dict[str, Any] = {"updated": rec.now_iso()}
            if base is None or not _changed_since(base, current):
                if text is not None:
                    fields["text"] = text
                if tags is not None:
                    fields["tags"] = tags
            else:
                merged = _merge_edit(base, current, text, tags)
                if merged is None:
                    raise NoteConflict(full, current)
                fields["text"], fields["tags"] = merged
            db.table("notes").update(fields, Query().id == full)
        return self.get_note(full)

    def delete_note(
        self, note_id: str, *, base: Note | None = None, coder: str | None = None
    ) -> None:
        """Delete the note (only its coder may). With ``base`` (the note as the user saw it when
        asking), a note changed meanwhile elsewhere is not deleted: :class:`NoteConflict`."""
        article, full = (base.article, base.id) if base is not None else self._locate(note_id)
        with self.files.writing(article) as db:
            current = next(
                (n for n in rec.notes_in(article, db.storage.read()) if n.id == full), None
            )
            if current is not None:
                self._check_coder(current, coder)
            if base is not None and current is not None and _changed_since(base, current):
                raise NoteConflict(full, current)
            if not db.table("notes").remove(Query().id == full):
                raise StoreError(f"no note with id {note_id!r}")

    def notes(self, article: str | None = None, tag: str | None = None) -> list[Note]:
        """Notes of one article or of all; ``tag`` keeps notes with the tag (or a child of it)
        and all notes on articles with it."""
        if tag is not None:
            with user_errors():
                tag = tag_key(tag)
        if article is None and tag is not None:
            return self._notes_tagged(tag)
        if article is None:
            entries = self.files.entries()
            self.files.met_all(entries)
            articles = sorted(a for a, e in entries.items() if e["notes"])
        else:
            articles = [article]
        found: list[Note] = []
        tagged = matcher(tag) if tag is not None else None
        for name in articles:
            raw = self.files.read(name)
            if tagged is None or tagged(rec.article_doc(raw).get("tags") or ()):
                found += rec.notes_in(name, raw)
            else:
                found += rec.notes_in(name, raw, lambda d: tagged(d.get("tags") or ()))
        return self._coded(found)

    def _notes_tagged(self, key: str) -> list[Note]:
        """Across the library: whole articles tagged ``key`` are read from their files; notes
        tagged ``key`` elsewhere come from the per-tag-root cache (:mod:`annotations.tagnotes`)."""
        entries = self.files.entries()
        self.files.met_all(entries)
        whole = {a for a, e in entries.items() if e["notes"] and has_tag(e["article_keys"], key)}
        some = [
            a
            for a, e in entries.items()
            if e["notes"] and a not in whole and has_tag(e["note_keys"], key)
        ]
        by_article = {a: rec.notes_in(a, self.files.read(a)) for a in whole}
        with user_errors():
            by_article.update(self.files.tag_notes.notes(key, some, entries, self.files.read))
        return self._coded([n for a in sorted(by_article) for n in by_article[a]])

    def orphans(self) -> list[Note]:
        """Notes whose article was removed or whose passage could not be found again."""
        entries = self.files.entries()
        self.files.met_all(entries)
        names = sorted(a for a, e in entries.items() if e["orphans"])
        return self._coded(
            [n for a in names for n in rec.notes_in(a, self.files.read(a)) if n.orphan]
        )

    # article tags and state -----------------------------------------------------------------
    def article_tags(self, article: str) -> list[str]:
        tags: list[str] = list(rec.article_doc(self.files.read(article)).get("tags") or [])
        return tags

    def _change_tags(
        self,
        article: str,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        coder: str | None = None,
    ) -> list[str]:
        """``coder`` (default: the current one) takes back ``remove`` and applies ``add``, under
        the lock, to the article's codes as they are then (:mod:`annotations.coding`): another
        coder's tags stay. Returns the article's tags (every coder's) afterwards."""
        add, remove = list(add), list(remove)
        who = coder or self.who()
        with user_errors():
            merge_tags([], add + remove)  # validate before taking the lock

        def change(doc: dict[str, Any]) -> bool:
            gone = coding.remove_tag_codes(doc, remove, who, default_coder=self.who())
            put = coding.add_tag_codes(
                doc,
                add,
                who,
                default_coder=self.who(),
                codebook=self.codebook_version(),
                created=rec.now_iso(),
            )
            return gone or put

        if not change(rec.article_doc(self.files.read(article))):
            return self.article_tags(article)  # nothing to do: never create or rewrite a file
        with self.files.writing(article) as db:
            raw = db.storage.read()
            damaged = rec.article_field_problem(raw, "tags")
            if damaged:  # merging into tags it cannot read would replace them
                raise StoreError(
                    f"{self.path(article)}: {damaged}; reader doctor --repair fixes it"
                )
            doc = rec.article_doc(raw)
            if change(doc):
                self.files.update_article(db, {k: doc[k] for k in ("tags", "coded") if k in doc})
        return self.article_tags(article)

    def tag_article(
        self, article: str, tags: Iterable[str], *, coder: str | None = None
    ) -> list[str]:
        return self._change_tags(article, add=tags, coder=coder)

    def article_codes(self, article: str) -> list[coding.TagCode]:
        """Every coder's tags on the article (tags from before coders: the current coder's)."""
        return coding.tag_codes(rec.article_doc(self.files.read(article)), self.who())

    def done_marks(self, article: str) -> list[coding.DoneMark]:
        """Who marked the article as fully coded."""
        return coding.done_marks(rec.article_doc(self.files.read(article)), self.who())

    def set_done(self, article: str, done: bool = True, *, coder: str | None = None) -> bool:
        """Mark (``done``) or unmark the article as fully coded by ``coder`` (default: the
        current one). Returns whether that changed anything."""
        who = coder or self.who()
        if not coding.set_done(rec.article_doc(self.files.read(article)), who, done):
            return False
        with self.files.writing(article) as db:
            doc = rec.article_doc(db.storage.read())
            stamp, version = rec.now_iso(), self.codebook_version()
            if not coding.set_done(doc, who, done, codebook=version, created=stamp):
                return False
            self.files.update_article(db, {"done": doc["done"]})
        return True

    def coding(
        self, article: str
    ) -> tuple[list[coding.TagCode], list[coding.DoneMark], list[Note]]:
        """One article's codes in one read: tag codes, done marks, notes (coders filled in)."""
        raw = self.files.read(article)
        doc = rec.article_doc(raw)
        who = self.who()
        notes = self._coded(rec.notes_in(article, raw)) if raw else []
        return coding.tag_codes(doc, who), coding.done_marks(doc, who), notes

    def tag_articles(self, mapping: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
        """``tag_article`` for many articles (an import's tags) at the cost of one lock and one
        disk flush for all. Returns each article's tags. Articles that could not be tagged
        (corrupt file, bad tag or id) are left as they were; the others are saved, then a
        :class:`StoreError` names the failures."""
        result: dict[str, list[str]] = {}

        def change(article: str, tags: list[str]) -> Any:
            def apply(raw: dict[str, Any]) -> bool:
                damaged = rec.article_field_problem(raw, "tags")
                if damaged:  # merging into tags it cannot read would replace them
                    raise StoreError(f"{damaged}; reader doctor --repair fixes it")
                current = list(rec.article_doc(raw).get("tags") or [])
                result[article] = merged = merge_tags(current, tags)
                if merged == current:
                    return False
                table = raw.setdefault("article", {})
                key = next(iter(table), "1")
                table[key] = {**table.get(key, {}), "tags": merged}
                return True

            return apply

        errors = self.files.write_many({a: change(a, list(t)) for a, t in mapping.items()})
        if errors:
            first = next(iter(errors.items()))
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise StoreError(f"tags not saved for {first[0]}: {first[1]}{more}")
        return result

    def change_article_tags(
        self,
        article: str,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        *,
        coder: str | None = None,
    ) -> list[str]:
        """An edit of the article's tags as a change: ``remove`` these, then ``add`` those, applied
        under the lock to the tags as they are now (a tag another process added meanwhile stays,
        one it removed stays removed; another coder's tags stay). Returns the tags afterwards."""
        return self._change_tags(article, add=add, remove=remove, coder=coder)

    def untag_article(
        self, article: str, tags: Iterable[str], *, coder: str | None = None
    ) -> list[str]:
        """``coder`` takes ``tags`` back; a tag stays while another coder has it."""
        return self._change_tags(article, remove=tags, coder=coder)

    def articles_by_tag(self) -> dict[str, set[str]]:
        """Each tag (case-folded) with the articles carrying it, on the article or on one of
        its notes (what a tag filter shows, so it counts articles, not uses)."""
        found: dict[str, set[str]] = {}
        for article, entry in self.files.entries().items():
            tags = [] if entry.get("removed") else list(entry["tags"])
            for tag in tags + [t for t, _n in note_tag_counts(entry)]:
                found.setdefault(tag.casefold(), set()).add(article)
        return found

    def tag_counts(self) -> dict[str, int]:
        """Each tag (as most often typed) with the number of articles and notes that carry it."""
        with self.files.memory:
            entries = self.files.entries()
            self.files.met_all(entries)
            if self._tag_counts is not None and self._tag_counts[0] == self.files.cache.generation:
                return dict(self._tag_counts[1])
            generation = self.files.cache.generation
        counts: dict[str, dict[str, int]] = {}
        for entry in entries.values():
            seen = [] if entry.get("removed") else [(t, 1) for t in entry["tags"]]
            for tag, n in seen + note_tag_counts(entry):
                spellings = counts.setdefault(tag.casefold(), {})
                spellings[tag] = spellings.get(tag, 0) + n
        result = {max(sp, key=lambda t: (sp[t], t)): sum(sp.values()) for sp in counts.values()}
        self._tag_counts = (generation, result)
        return dict(result)

    def rename_tag(self, old: str, new: str) -> int:
        """Rename ``old`` (and its children) to ``new`` on articles and notes; merges into an
        existing ``new``. Returns how many articles and notes changed. One atomic write per
        file, not one for all: a crash midway leaves some files renamed, none broken, and
        running the same rename again finishes it (renamed files no longer match)."""
        with user_errors():
            old_key, _ = tag_key(old), tag_key(new)
        changed = 0
        with self.files.all_locked():
            entries = self.files.entries(force=True)  # under the lock: no tag added meanwhile
            for article, entry in sorted(entries.items()):
                if not (
                    has_tag(entry["article_keys"], old_key) or has_tag(entry["note_keys"], old_key)
                ):
                    continue
                with self.files.writing(article) as db:
                    raw = db.storage.read()
                    doc = rec.article_doc(raw)
                    tags = rename_in(list(doc.get("tags") or []), old, new)
                    if tags is not None:
                        fields: dict[str, Any] = {"tags": tags}
                        if coding.rename_tag_codes(doc, old, new):
                            fields["coded"] = doc["coded"]
                        self.files.update_article(db, fields)
                        changed += 1
                    updates = []
                    for note in rec.notes_in(article, raw):
                        renamed = rename_in(note.tags, old, new)
                        if renamed is not None:
                            updates.append(({"tags": renamed}, Query().id == note.id))
                    if updates:
                        db.table("notes").update_multiple(updates)
                        changed += len(updates)
        return changed

    def set_state(
        self, article: str, *, read: bool | None = None, position: int | None = None
    ) -> None:
        fields: dict[str, Any] = {}
        if read is not None:
            fields["read"] = bool(read)
        if position is not None:
            fields["position"] = max(0, int(position))
        current = rec.article_doc(self.files.read(article))
        defaults = {"read": False, "position": 0}
        if any(current.get(k, defaults[k]) != v for k, v in fields.items()):
            with self.files.writing(article) as db:
                self.files.update_article(db, fields)

    # fast, library-wide ---------------------------------------------------------------------
    def summary(self, article: str) -> ArticleSummary:
        """One article's summary; an unreadable file gives one with ``error`` set (naming the
        file and its backup), never counts that pass for "no notes"."""
        try:
            return _summary(digest(self.files.read(article)))
        except StoreError as exc:
            if not self.path(article).exists():
                raise  # not the file's fault (a bad id): nothing to summarise
            return _summary(error_digest(str(exc)))

    def summaries(self) -> dict[str, ArticleSummary]:
        """Every article with annotations: tags, note and orphan counts, reading state.
        (A fresh dict each call; the summaries in it are shared, treat them as read-only.)"""
        with self.files.memory:
            entries = self.files.entries()
            self.files.met_all(entries)
            generation = self.files.cache.generation
            if self._summaries is None or self._summaries[0] != generation:
                self._summaries = (generation, {a: _summary(e) for a, e in entries.items()})
            return dict(self._summaries[1])

    def signatures(self) -> dict[str, Any]:
        """Per article with annotations, a value that changes whenever its file changes (for
        derived indexes holding tags and note text, such as the search index)."""
        return {a: e.get("sig") for a, e in self.files.entries().items()}

    def problems(self) -> dict[str, str]:
        """Article files that could not be read, with the reason (for ``reader doctor``)."""
        return {a: e["error"] for a, e in self.files.entries().items() if e.get("error")}

    def tidy(self) -> int:
        """Remove temp files left by writers killed mid-write (``reader doctor``); returns how
        many. Safe at any time: every writer holds the lock taken here while its temp exists."""
        if not self.root.is_dir():
            return 0
        removed = 0
        with self.files.all_locked():
            for stale in self.root.glob("*/.*.json.*.tmp"):
                stale.unlink(missing_ok=True)
                removed += 1
        return removed

    def damage_met(self) -> dict[str, list[str]]:
        """Damaged records this store left out of what it answered (see ArticleFiles)."""
        return self.files.damage_met()

    def bad_records(self) -> dict[str, list[str]]:
        """Every damaged record in the library, one line each: ``reader doctor``."""
        return self.files.bad_records()

    def check_caches(self) -> list[str]:
        """``reader doctor``'s full check of the derived files: every entry of the summary
        cache and every row of a notes-per-tag cache that would be believed (its file's
        signature still matches) must hold what its file holds now. One line per bad cache."""
        return [
            f"{path}: {why} (a derived file; reader doctor --repair removes it)"
            for path, why in self._cache_mismatches().items()
        ]

    def repair_caches(self) -> list[str]:
        """Remove caches that fail :meth:`check_caches` (rebuilt on use) and temp files left
        by writers killed mid-write."""
        done = []
        for path, why in self._cache_mismatches().items():
            path.unlink(missing_ok=True)
            done.append(f"removed {path} ({why}; rebuilt on use)")
        with self.files.memory:
            self.files.cache.entries = None  # forget what this process loaded from them
            self.files.tag_notes = TagNotes(self.files.cache_dir)
        removed = self.tidy()
        if removed:
            done.append(f"removed {removed} temp files left by interrupted writes in {self.root}")
        return done

    def _cache_mismatches(self) -> dict[Path, str]:
        import time

        from .summary import RACY_NS, SummaryCache
        from .tagnotes import rows_of

        found: dict[Path, str] = {}
        if not self.root.is_dir():
            return found
        settled_before = time.time_ns() - RACY_NS
        current: dict[str, list[int]] = {}

        def vouched(article: str, sig: Any) -> bool:
            if article not in current:
                try:
                    current[article] = signature(os.stat(self.files.file(article)))
                except (OSError, StoreError):
                    current[article] = []
            return bool(current[article]) and current[article] == sig and sig[0] < settled_before

        summary = SummaryCache(self.root, self.files.cache_dir)
        for article, entry in summary._load().items():
            if entry.get("racy") or not vouched(article, entry.get("sig")):
                continue
            want = SummaryCache._read(self.path(article))
            if any(
                entry.get(k, "" if k in ("error", "bad") else None) != v for k, v in want.items()
            ):
                found[summary.path] = f"its entry for {article} does not match the file"
                break
        for path in sorted(self.files.cache_dir.glob("notes-*.cache")):
            held = TagNotes.read_file(path)
            if held is None:
                continue  # unusable: never believed, rebuilt on use
            root_name, part = held
            for article, cached in part.items():
                try:
                    sig, rows = cached
                    if not vouched(article, sig):
                        continue
                    raw = AtomicJSONStorage(self.files.file(article)).read()
                    same = tuple(rows) == rows_of(article, raw, root_name)
                except (StorageError, OSError, TypeError, ValueError):
                    continue
                if not same:
                    found[path] = f"its notes of {article} do not match the file"
                    break
        return found

    def repair_records(self, article: str) -> tuple[list[str], Path | None]:
        """``reader doctor --repair`` for damaged records (see :func:`records.repair`): the
        file as it was is kept beside it (``NAME.corrupt-records-...``), then fixed in place.
        Returns what was done, one line per record, and the backup."""
        import time

        path = self.path(article)
        with self.files.all_locked():
            raw = AtomicJSONStorage(self.files.file(article)).read()
            if raw is None:
                return [], None
            fixed = copy.deepcopy(raw)
            done = rec.repair(fixed)
            if not done:
                return [], None
            stamp = time.strftime("%Y%m%dT%H%M%S")
            backup = path.with_name(f"{path.name}.corrupt-records-{stamp}-{rec.new_note_id()[1:7]}")
            with user_errors():
                atomic_write_bytes(backup, path.read_bytes())
                atomic_write_bytes(path, _encode(fixed))
            with self.files.memory:
                self.files.cache.put(article, digest(fixed), signature(os.stat(path)))
                self.files.forget_damage(article)
                self.files.bump()
        return done, backup

    def set_aside(self, article: str) -> Path | None:
        """``reader doctor``'s repair for an unreadable file: move it out of the way (to
        ``NAME.corrupt-...``, beside it) so the article can be annotated again. Returns where it
        went, or ``None`` if the file is readable (nothing to do)."""
        try:
            self.files.read(article)
            return None
        except StoreError:
            pass
        path = self.path(article)
        target = path.with_name(f"{path.name}.corrupt-set-aside-{rec.new_note_id()[1:9]}")
        with self.files.all_locked():
            os.replace(path, target)
            with self.files.memory:
                self.files.cache.drop(article)
                self.files.bump()
        return target

    # when the article changes: re-import, removal, a colleague's copy -----------------------
    def reanchor(self, article: str, new_text: str) -> list[Note]:
        """Place every passage note in ``new_text``; notes that can't be placed become orphans
        and keep their old passage. The article counts as present again. Returns all its notes."""
        if self.files.read(article) is None:
            return []
        with self.files.writing(article) as db:
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
            moved_fixes = reanchored_corrections(article, raw, new_text)
            if moved_fixes:
                db.table("corrections").update_multiple(moved_fixes)
            if rec.article_doc(raw).get("removed"):
                self.files.update_article(db, {"removed": False})
        return rec.notes_in(article, self.files.read(article))

    def restore_article(self, article: str, text: str | Callable[[], str]) -> list[Note]:
        """An article with this id was added (again): if its notes were orphaned because it had
        been removed (or lost their passage), place them in ``text`` once more; passage notes
        that can't be placed stay orphans. Cheap when there is nothing to restore (one look at
        the summary cache, no file opened; ``text`` may be a function, called only then), so
        the library may call it for every article it adds. Returns the notes it restored."""
        entry = self.files.entries().get(article)
        if (
            entry is None
            or entry.get("error")
            or not (entry.get("removed") or entry.get("orphans"))
        ):
            return []
        before = {n.id for n in rec.notes_in(article, self.files.read(article)) if n.orphan}
        body = text() if callable(text) else text
        return [n for n in self.reanchor(article, body) if n.id in before and not n.orphan]

    def mark_orphans(self, article: str) -> None:
        """The article was removed but its notes stay: all become orphans."""
        if self.files.read(article) is None:
            return
        with self.files.writing(article) as db:
            db.table("notes").update({"orphan": True})
            if db.table("corrections"):
                db.table("corrections").update({"orphan": True})
            self.files.update_article(db, {"removed": True})

    def delete_article(self, article: str) -> None:
        """Remove an article's annotations for good (``reader remove --with-notes``)."""
        path = self.path(article)
        if not path.exists():
            return
        with self.files.all_locked():
            path.unlink(missing_ok=True)
            with self.files.memory:
                self.files.cache.drop(article)
                self.files.bump()

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
        under one lock and written as one set (``files.write_many``); a bad record, or a file
        that can't be read, means nothing is written and a :class:`StoreError` names it.

        ``plan``: ``(article, tags, notes)``, or ``(article, tags, notes, codes, done)`` with
        each coder's tags (:class:`annotations.coding.TagCode`) and done marks, or with quote
        and actor corrections after those (:mod:`annotations.corrections`; newer wins). Codes go beside
        mine, never over them: a note of another coder is never replaced, even with the same
        id, and the same words on the same passage by two coders are two notes."""
        staged: dict[str, list[tuple[list[str], list[Note], list[Any], list[Any], list[Any]]]] = {}
        who = self.who()
        with user_errors():
            for article, tags, notes, *more in plan:
                self.path(article)  # a valid id
                codes, done = (list(more[0]), list(more[1])) if more else ([], [])
                fixes = list(more[2]) if len(more) > 2 else []
                fixes = [replace(f, article=article) for f in fixes] + (
                    list(more[3]) if len(more) > 3 else []
                )
                incoming = []
                for note in notes:
                    note.article, note.text = article, rec.clean_text(note.text)
                    note.tags = merge_tags([], note.tags)
                    note.coder = note.coder or who
                    incoming.append(note)
                for code in codes:
                    merge_tags([], [code.tag])  # a valid tag
                staged.setdefault(article, []).append(
                    (merge_tags([], tags), incoming, codes, done, fixes)
                )
        totals = {"articles": 0, "added": 0, "updated": 0, "skipped": 0, "codes": 0}
        totals["corrections"] = 0

        def change(article: str) -> Callable[[dict[str, Any]], bool]:
            def apply(raw: dict[str, Any]) -> bool:
                changed = False
                for tags, notes, codes, done, fixes in staged[article]:
                    counts, moved = _merge_raw(article, raw, tags, notes, who)
                    merged = merge_corrections(
                        article,
                        raw,
                        [f for f in fixes if isinstance(f, QuoteCorrection)],
                        [f for f in fixes if isinstance(f, ActorFix)],
                        default_coder=who,
                    )
                    totals["corrections"] += merged
                    moved |= merged > 0
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

        self.files.write_many({a: change(a) for a in staged}, all_or_nothing=True)
        if not totals["codes"]:  # "codes": other coders' article tags added, when there were
            del totals["codes"]
        if not totals["corrections"]:  # only when the copy had any: the totals stay as they were
            del totals["corrections"]
        return totals


def _changed_since(base: Note, current: Note) -> bool:
    """Did anyone write the note since ``base`` was read? (``updated`` moves on every edit; the
    content is compared too, for writers that don't move it, such as a tag rename.)"""
    return (current.updated, current.text, current.tags) != (base.updated, base.text, base.tags)


def _merge_edit(
    base: Note, current: Note, text: str | None, tags: list[str] | None
) -> tuple[str, list[str]] | None:
    """My edit of ``base`` applied to ``current`` (changed meanwhile elsewhere): the text is
    mine if theirs is still the base text, theirs if mine is, else a conflict (``None``); the
    tags I added or removed are added to or removed from theirs."""
    mine = base.text if text is None else text
    if current.text == base.text or mine == current.text:
        merged_text = mine
    elif mine == base.text:
        merged_text = current.text
    else:
        return None
    merged_tags = list(current.tags)
    if tags is not None:
        before = {t.casefold() for t in base.tags}
        wanted = {t.casefold() for t in tags}
        gone = [t for t in base.tags if t.casefold() not in wanted]
        added = [t for t in tags if t.casefold() not in before]
        with user_errors():
            merged_tags = merge_tags(remove_tags(merged_tags, gone), added)
    return merged_text, merged_tags


def _summary(entry: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary(
        tags=list(entry["tags"]),
        notes=entry["notes"],
        read=entry["read"],
        position=entry["position"],
        orphans=entry["orphans"],
        error=entry.get("error") or "",
        bad=entry.get("bad") or "",
    )


def _article_table(raw: dict[str, Any]) -> dict[str, Any]:
    """The article document of a raw TinyDB dict, to edit in place (created if missing)."""
    table = raw.setdefault("article", {})
    key = next(iter(table), "1")
    doc: dict[str, Any] = table.setdefault(key, {})
    return doc


def _merge_raw(
    article: str, raw: dict[str, Any], tags: list[str], incoming: list[Note], who: str = ""
) -> tuple[dict[str, int], bool]:
    """Merge checked notes and tags into one article's raw TinyDB dict, in place. ``who`` is
    the current coder: notes from before coders are theirs."""
    counts = {"added": 0, "updated": 0, "skipped": 0}
    table: dict[str, Any] = raw.setdefault("notes", {})
    slot = {d.get("id"): key for key, d in table.items() if isinstance(d, dict)}
    mine = {n.id: n for n in rec.notes_in(article, raw)}
    damaged = set(slot) - set(mine)  # a note with this id exists but cannot be read
    for n in mine.values():
        n.coder = n.coder or who
    same = {_content_key(n) for n in mine.values()}
    changed = False
    next_id = max((int(k) for k in table if str(k).isdigit()), default=0) + 1
    for note in incoming:
        if note.id in damaged:  # never a second note with its id; the repair fixes the first
            counts["skipped"] += 1
            continue
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
    if merged != current and not rec.article_field_problem(raw, "tags"):
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
        return bool(isoparse(theirs) > isoparse(mine))
    except (ValueError, TypeError, OverflowError):
        return theirs > mine
