"""The article screen's writing actions: notes, passage and article tags, export.

A mixin so the screen module stays about reading; every write goes through the annotation
store, and a failed write is one notification, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from annotations import exporters
from annotations.store import NoteConflict
from reader.screens.dialogs import (
    ConfirmDialog,
    ConflictDialog,
    NoteDialog,
    TagSuggester,
    TextPrompt,
    split_tags,
)
from reader.widgets.panels import NotesPanel


class AnnotationActions:
    """Mixed into ArticleScreen (which provides session, article_id, text, view, tags...)."""

    def on_notes_panel_edit_requested(self, event: NotesPanel.EditRequested) -> None:
        note = event.note
        passage = note.passage.exact if note.passage else ""
        dialog = NoteDialog(passage, note.text, note.tags, self._known_tags(), title="Edit note")
        dialog.saver = self._note_saver(dialog, note)
        self.app.push_screen(dialog)

    def _note_saver(self, dialog: NoteDialog, base):
        """Saving an edit: applied to the note as it is now, against ``base`` (the note as the
        dialog read it). A change made elsewhere meanwhile is merged by the store when it can
        be; when it can't (both changed the text, or it was deleted), both versions are shown
        and the user picks: the dialog, and the user's text in it, stays open until then."""

        def saver(result) -> str | None:
            text, tags = result
            # what the user did not touch is not theirs to merge (the dialog strips the text)
            same_text = text == base.text.strip()
            same_tags = [t.casefold() for t in tags] == [t.casefold() for t in base.tags]
            try:
                self.session.store.edit_note(
                    base.id,
                    text=None if same_text else text,
                    tags=None if same_tags else tags,
                    base=base,
                )
            except NoteConflict as conflict:
                self._ask_conflict(dialog, base, conflict.current, text, tags)
                return "changed elsewhere meanwhile: choose which version to keep"
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                return str(exc) or type(exc).__name__
            self._written("note saved")
            return None

        return saver

    def _ask_conflict(self, dialog: NoteDialog, base, theirs, text: str, tags: list[str]) -> None:
        def chosen(which: str | None) -> None:
            if which is None:
                return  # back to the edit, still open with the user's text
            store, passage = self.session.store, (theirs or base).passage
            try:
                if which == "theirs":
                    done = "kept the version saved elsewhere"
                elif which == "both" or theirs is None:
                    store.add_note(self.article_id, text, passage=passage, tags=tags)
                    done = "kept both versions (yours as a new note)"
                    if theirs is None:
                        done = "your version saved as a new note"
                else:
                    store.edit_note(base.id, text=text, tags=tags, base=theirs)
                    done = "kept your version"
            except NoteConflict as again:  # changed once more while the choice was open
                self._ask_conflict(dialog, base, again.current, text, tags)
                return
            except Exception as exc:  # noqa: BLE001 - the edit stays open, with the reason
                dialog.show_error(str(exc) or type(exc).__name__)
                return
            dialog.dismiss(None)
            self._written(done)

        self.app.push_screen(ConflictDialog((text, tags), theirs), chosen)

    def on_notes_panel_delete_requested(self, event: NotesPanel.DeleteRequested) -> None:
        note = event.note

        def confirm(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session.store.delete_note(note.id, base=note)
            except NoteConflict as conflict:
                # never delete what the user has not seen: show the note as it is now
                self.refresh_annotations()
                what = "deleted" if conflict.current is None else "changed"
                self.notify(
                    f"not deleted: the note was {what} elsewhere meanwhile; look at it again",
                    severity="warning",
                )
                return
            except Exception as exc:  # noqa: BLE001 - one line, never a traceback
                self.notify(f"not saved: {exc}", severity="error")
                return
            self.deleted = note
            self.undo_fix = None  # one level of undo: the last change only
            self.refresh_bindings()
            self._written("Deleted · u to undo")

        self.app.push_screen(ConfirmDialog("Delete this note?"), confirm)

    def action_undo(self) -> None:
        """Bring back the note deleted last (same id, text, tags and passage), or undo the last
        correction of the analysis."""
        if self.undo_correction():
            return
        note, self.deleted = self.deleted, None
        self.refresh_bindings()
        if note is None:
            return
        if not self._write(
            lambda: self.session.store.merge_notes(note.article, [], [note]), "note restored"
        ):
            self.deleted = note

    def _write(self, change, done: str) -> bool:
        try:
            change()
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.notify(f"not saved: {exc}", severity="error")
            return False
        self._written(done)
        return True

    def _written(self, done: str) -> None:
        self._version = self.session.version()
        self.refresh_annotations()
        self.notify(done)

    def _saver(self, change, done):
        """A dialog's saver: writes while the dialog is open; an error keeps it open (and the
        user's text in it) instead of losing the text with the dialog."""

        def saver(result) -> str | None:
            try:
                change(result)
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                return str(exc) or type(exc).__name__
            self._written(done(result) if callable(done) else done)
            return None

        return saver

    def _known_tags(self) -> list[str]:
        try:
            return list(self.session.store.tag_counts())
        except Exception:  # noqa: BLE001
            return []

    def _anchor(self):
        from annotations.anchors import make_anchor

        start, end = self.view.cursor
        if end <= start:
            return None
        raw = self.session.text(self.article_id)
        if raw != self.text:  # map back: find the exact passage in the stored text
            exact = self.text[start:end]
            found = raw.find(exact)
            if found < 0:
                return None
            start, end = found, found + len(exact)
        return make_anchor(raw, start, end)

    def action_note(self) -> None:
        anchor = self._anchor()
        dialog = NoteDialog(anchor.exact if anchor else "", "", (), self._known_tags())
        dialog.saver = self._saver(
            lambda result: self.session.store.add_note(
                self.article_id, result[0], passage=anchor, tags=result[1]
            ),
            "note saved",
        )
        self.app.push_screen(dialog)

    def action_tag_passage(self) -> None:
        anchor = self._anchor()
        if anchor is None:
            self.notify("no passage under the cursor", severity="warning")
            return

        def change(value: str) -> None:
            tags = split_tags(value)
            if tags:
                self.session.store.add_note(self.article_id, "", passage=anchor, tags=tags)

        prompt = TextPrompt(
            "Tag this passage (comma separated)",
            suggester=TagSuggester(self._known_tags()),
            passage=anchor.exact,
        )
        prompt.saver = self._saver(
            change,
            lambda value: (
                f"passage tagged {', '.join(split_tags(value))}"
                if split_tags(value)
                else "no tag given"
            ),
        )
        self.app.push_screen(prompt)

    def action_tag_article(self) -> None:
        """The current tags are prefilled with the cursor after them: typing adds a tag,
        deleting one removes it (nothing is selected, so no key wipes them all). Saving writes
        the change (tags added, tags removed) to the tags as they are then, never the whole
        list: a tag someone else added or removed meanwhile keeps their change."""
        before = list(self.tags)

        def change(value: str) -> None:
            wanted = split_tags(value)
            had = {t.casefold() for t in before}
            keep = {w.casefold() for w in wanted}
            added = [w for w in wanted if w.casefold() not in had]
            gone = [t for t in before if t.casefold() not in keep]
            if added or gone:
                self.session.store.change_article_tags(self.article_id, add=added, remove=gone)

        current = ", ".join(before)
        prompt = TextPrompt(
            "Tags of this article (comma separated)",
            current + ", " if current else "",
            suggester=TagSuggester(self._known_tags()),
        )
        prompt.saver = self._saver(
            change,
            lambda _value: "tags: " + (", ".join(self.session.tags(self.article_id)) or "none"),
        )
        self.app.push_screen(prompt)

    def action_export(self, path: str | None = None, create: bool = False) -> None:
        try:
            written = self.session.export_article(
                self.article_id, Path(path) if path else None, create=create
            )
        except Exception as exc:  # noqa: BLE001
            self.notify(f"export failed: {exc}", severity="error")
            return
        self.notify(f"exported to {written}", timeout=8)

    def action_export_to(self) -> None:
        default = str(self.session.export_path(self.meta))

        def chosen(value: str | None) -> None:
            if not value or not value.strip():
                return
            raw = value.strip()
            target = Path(raw).expanduser()
            if raw.endswith(("/", "\\")) or target.is_dir():  # a folder: the usual name in it
                target = target / self.session.export_path(self.meta).name
            folder = target.parent
            if folder.is_dir():
                self.action_export(str(target))
                return

            def create(yes: bool | None) -> None:
                if yes:
                    self.action_export(str(target), create=True)

            self.app.push_screen(
                ConfirmDialog(f"The folder {folder} does not exist. Create it?"), create
            )

        self.app.push_screen(
            TextPrompt(f"Export to ({exporters.by_suffix_text()})", default), chosen
        )
