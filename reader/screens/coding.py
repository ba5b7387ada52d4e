"""Coding a study in the TUI (issue 17): the tag dialog with the codebook's categories and
their definitions, and the coders' disagreements side by side, where a team records the final
(adjudicated) code.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from reader.screens.dialogs import PickDialog, TagSuggester, TextPrompt, passage_box, split_tags
from reader.screens.lists import ListScreen
from reader.textutil import strip_control
from reader.widgets.safe_input import SafeInput


class CodePrompt(TextPrompt):
    """The tag dialog when the library has a codebook: under the field, the categories that
    match the word being typed, each with its definition; a tag outside the codebook (or one
    whose category does not apply to this unit) is named in a warning, and can still be saved."""

    def __init__(self, title: str, value: str = "", *, book: Any, unit: str, known=(), **kw):
        names = [c.name for c in book.categories]
        super().__init__(title, value, suggester=TagSuggester(names + list(known)), **kw)
        self.book, self.unit = book, unit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog code-dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            if self.passage:
                yield passage_box(self.passage, self.app.size.height)
            yield SafeInput(
                self.value,
                placeholder="categories, comma separated",
                suggester=self.suggester,
                id="prompt",
                select_on_focus=False,
            )
            yield Static("", id="codebook-warning", classes="dialog-error")
            with VerticalScroll(id="codebook-scroll"):
                yield Static("", id="codebook-list")
            yield Static("", id="dialog-error", classes="dialog-error")
            yield Static(
                Text("→ completes · Enter or ctrl+s to save · Escape to cancel"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#codebook-scroll").styles.max_height = (
            12 if self.app.size.height >= 32 else 5
        )
        self._show(self.value)

    @on(Input.Changed, "#prompt")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, value: str) -> None:
        word = value.rpartition(",")[2].strip().casefold()
        listing = Text()
        for c in self.book.categories:
            if word and word not in c.name.casefold():
                continue
            listing.append(strip_control(c.name), "bold")
            if self.unit not in c.applies_to:
                listing.append(f" (not for a {self.unit})", "dim")
            listing.append(" — " + strip_control(" ".join(c.definition.split())) + "\n")
        if not listing.plain:
            listing.append("no category matches", "dim")
        self.query_one("#codebook-list", Static).update(listing)
        self.query_one("#codebook-warning", Static).update(Text(self.warning(split_tags(value))))

    def warning(self, tags: list[str]) -> str:
        outside = [t for t in tags if self.book.category(t) is None]
        misplaced = [
            t for t in tags if (c := self.book.category(t)) and self.unit not in c.applies_to
        ]
        parts = []
        if outside:
            parts.append("not in the codebook: " + ", ".join(outside))
        if misplaced:
            parts.append(f"not for a {self.unit} in the codebook: " + ", ".join(misplaced))
        return " · ".join(parts)


def tag_prompt(session, title: str, value: str, unit: str, known, passage: str = "") -> TextPrompt:
    """The tag dialog: with the codebook's categories when the library has a codebook."""
    book = session.codebook()
    if book is None:
        return TextPrompt(title, value, suggester=TagSuggester(known), passage=passage)
    return CodePrompt(title, value, book=book, unit=unit, known=known, passage=passage)


class DisagreementScreen(ListScreen):
    """The units the coders coded differently, one per row, each coder's code side by side
    (and the final code, once recorded). Enter records the final code; u switches the unit
    (article, passage, quote); o opens the article there."""

    BINDINGS = [
        Binding("u", "next_unit", "Next unit kind"),
        Binding("o", "open_article", "Open article"),
    ]
    HELP_SECTION = "Coder disagreements"
    empty_text = "computing agreement…"
    UNITS = ("article", "passage", "quote")

    def __init__(self, session, unit: str = "article") -> None:
        super().__init__(session)
        self.unit = unit
        self.summary = ""
        self.coders: list[str] = []

    @property
    def title_text(self) -> str:  # type: ignore[override]
        return f"Coder disagreements ({self.unit}s){self.summary}"

    def load(self) -> None:
        self.entries, self.empty_text = [], "computing agreement…"
        self.fill()
        self.run_compute(self.unit)

    @work(thread=True, exclusive=True, group="agreement")
    def run_compute(self, unit: str) -> None:
        from reader.library.coding import agreement

        try:
            result = agreement(self.session.library, unit=unit)
            titles = {}
            for u in result.units:
                if u.article not in titles:
                    try:
                        titles[u.article] = self.session.meta(u.article).title
                    except Exception:  # noqa: BLE001 - a removed article
                        titles[u.article] = f"removed article {u.article}"
        except Exception as exc:  # noqa: BLE001 - one line in the list, never a traceback
            self.app.call_from_thread(self._failed, str(exc) or type(exc).__name__)
            return
        self.app.call_from_thread(self._show, result, titles)

    def _failed(self, message: str) -> None:
        self.entries, self.summary = [], ""
        self.empty_text = f"No agreement to show: {message}"
        self.fill()

    def _show(self, result, titles: dict[str, str]) -> None:
        self.result, self.coders = result, list(result.coders)
        overall = result.overall
        alpha = "n/a" if overall["alpha"] is None else f"{overall['alpha']:.3f}"
        self.summary = (
            f" · {', '.join(self.coders)} · alpha {alpha} ({overall['method']}) · "
            f"{100 * overall['agreement']:.0f} % of {overall['units']} units agree"
        )
        width = max(12, (self.app.size.width - 34) // (len(self.coders) + 1))
        entries = []
        for unit in result.disagreements():
            label = Text()
            where = titles.get(unit.article, unit.article)
            if unit.kind != "article":
                where = unit.text
            where = strip_control(" ".join(where.split()))
            label.append(f"{where[:30]:<31}", "italic" if unit.kind != "article" else "")
            for coder in [*self.coders, "final"]:
                value = unit.value(coder) if coder in unit.coded else "—"
                cell = f"{coder}: {value}"
                style = "bold" if coder == "final" and coder in unit.coded else ""
                label.append(f"{cell[: width - 1]:<{width}}", style)
            hay = f"{where} {' '.join(unit.value(c) for c in self.coders)}".casefold()
            entries.append((label, hay, unit))
        self.entries = entries
        self.empty_text = "The coders agree on every unit they all coded."
        self.fill()

    def action_next_unit(self) -> None:
        self.unit = self.UNITS[(self.UNITS.index(self.unit) + 1) % len(self.UNITS)]
        self.summary = ""
        self.load()

    def _current(self):
        from textual.widgets import OptionList

        index = self.query_one("#list", OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def action_open_article(self) -> None:
        unit = self._current()
        if unit is not None:
            self.open_article(unit.article, **({"at": unit.start} if unit.start >= 0 else {}))

    def open(self, unit) -> None:
        """Enter: pick the final code among the coders' values."""
        values: dict[str, list[str]] = {}
        for coder in self.coders:
            values.setdefault(unit.value(coder), []).append(coder)
        options = [(f"{value}   ({', '.join(who)})", value) for value, who in values.items()]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            try:
                record_final(self.session, unit, value, self.result.categories)
            except Exception as exc:  # noqa: BLE001 - one line, never a traceback
                self.notify(f"not saved: {exc}", severity="error")
                return
            self.notify(f"final code: {value}")
            self.load()

        self.app.push_screen(PickDialog("The final code for this unit", options), chosen)


def record_final(session, unit, value: str, categories: list[dict[str, Any]]) -> None:
    """Store ``value`` (categories joined by " + ", or "(none)") as the coder ``final``'s code
    for ``unit``, replacing final's earlier code of that unit."""
    from annotations.agreement import NONE
    from annotations.coding import FINAL

    store = session.store
    tags = [] if value == NONE else [t.strip() for t in value.split(" + ")]
    if unit.kind == "article":
        names = [c["tag"] for c in categories]
        store.change_article_tags(unit.article, add=tags, remove=names, coder=FINAL)
    else:
        for note in store.notes(unit.article):
            if note.coder == FINAL and note.passage is not None:
                span = (note.passage.start, note.passage.end)
                from annotations.agreement import _overlaps

                if _overlaps(span, (unit.start, unit.end)):
                    store.delete_note(note.id, coder=FINAL)
        if tags:
            passage = next(iter(unit.passages.values()))
            store.add_note(
                unit.article, "", passage=passage, tags=tags, coder=FINAL, quote=unit.quote
            )
    if not tags:
        store.set_done(unit.article, coder=FINAL)
