"""Every note and tagged passage across the library, filterable by text, tag and actor."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive

from reader.base.errors import describe
from reader.render import NOTE_STYLE, TAG_STYLE, append_filters, clean, passage_label
from reader.screens.dialogs import PickDialog
from reader.screens.lists import ListScreen
from reader.screens.session import short_error


class AnnotationsScreen(ListScreen):
    """Enter opens the article at the passage."""

    BINDINGS = [
        Binding("t", "tag_filter", "Tag filter"),
        Binding("at", "actor_filter", "Actor filter", key_display="@", show=False),
        Binding("c", "clear", "Clear filters"),
    ]
    tag: reactive[str | None] = reactive(None, bindings=True)
    actor: reactive[str | None] = reactive(None, bindings=True)
    title_text = "Annotations"
    HELP_SECTION = "All notes"
    empty_text = "No notes yet: open an article, put the cursor on a passage and press a."

    def __init__(self, session) -> None:
        super().__init__(session)
        self.metas: dict[str, Any] = {}

    def load(self) -> None:
        from reader.base.errors import ReaderError

        try:
            articles = self.session.library.articles()
        except ReaderError as exc:  # a damaged or lost index: say so, still list the notes
            articles = []
            self.notify(clean(str(exc)), severity="error", timeout=20)
        self.metas = {m.id: m for m in articles}
        entries = []
        try:
            notes = self.session.notes()
            problems = self.session.store.problems()
        except Exception as exc:  # noqa: BLE001 - said here, never "no notes yet"
            notes, problems = [], {}
            self.empty_text = f"Notes unreadable: {describe(exc)}"
            self.notify(self.empty_text, severity="error", timeout=10)
        if problems:  # files left out of the list: named, as the CLI's `notes` does
            first = short_error(problems[sorted(problems)[0]], self.session.root)
            self.notify(
                f"{len(problems)} annotation file(s) unreadable, their notes left out: {first}"
                " (`reader doctor` repairs them)",
                severity="warning",
                timeout=10,
            )
        for note in notes:
            meta = self.metas.get(note.article)
            title = clean(meta.title) if meta else f"(removed article {note.article})"
            label = Text()
            label.append(title, "bold")
            if note.tags:
                label.append("  " + " ".join("#" + clean(t) for t in note.tags), TAG_STYLE)
            if note.passage is not None:
                label.append(
                    f"\n    {passage_label(note.passage.exact, 101)}", Style(italic=True, dim=True)
                )
            if note.text:
                label.append("\n    ")
                label.append("✎ ", NOTE_STYLE)
                label.append(" ".join(clean(note.text).split()))
            hay = " ".join(
                [title, note.text, note.passage.exact if note.passage else "", " ".join(note.tags)]
            ).casefold()
            entries.append((label, hay, note))
        self.entries = entries
        self.fill()

    def header_text(self) -> Text:
        return append_filters(super().header_text(), tag=self.tag, actor=self.actor)

    def extra_filter(self, note: Any) -> bool:
        if self.tag:
            wanted = self.tag.casefold()
            if not any(
                t.casefold() == wanted or t.casefold().startswith(wanted + "/") for t in note.tags
            ):
                return False
        if self.actor:
            meta = self.metas.get(note.article)
            if meta is None or self.actor not in (meta.actors or []):
                return False
        return True

    def action_tag_filter(self) -> None:
        tags = sorted({t for _l, _h, n in self.entries for t in n.tags}, key=str.casefold)
        if not tags:
            self.notify("No tagged passages yet (T on a passage tags it).")
            return
        self.app.push_screen(PickDialog("Notes tagged", [(t, t) for t in tags]), self._set_tag)

    def _set_tag(self, tag: str | None) -> None:
        if tag:
            self.tag = tag
            self.fill()

    def action_actor_filter(self) -> None:
        actors = sorted(
            {
                a
                for _l, _h, n in self.entries
                for a in (getattr(self.metas.get(n.article), "actors", None) or [])
            }
        )
        if not actors:
            self.notify("No actors in the annotated articles.")
            return
        self.app.push_screen(
            PickDialog("Notes on articles mentioning", [(a, a) for a in actors]), self._set_actor
        )

    def _set_actor(self, actor: str | None) -> None:
        if actor:
            self.actor = actor
            self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return bool(self.tag or self.actor)  # shown (and active) only when it can act
        return super().check_action(action, parameters)

    def action_clear(self) -> None:
        self.tag = self.actor = None
        self.fill()

    def open(self, note: Any) -> None:
        if note.article not in self.metas:
            self.notify("that article is no longer in the library", severity="warning")
            return
        at = note.passage.start if note.passage is not None and not note.orphan else None
        self.open_article(note.article, at=at)

    def on_screen_resume(self) -> None:
        self.load()
