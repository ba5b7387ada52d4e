"""The article screen's corrections of the analysis: c confirm, x reject, s speaker, K kind on the
current quote (the n/N cursor), Q a quote from the passage (v, >, <), and the actors panel's e.

One object the screen holds (``screen.corrector``) and its keys call: every write goes through
reader.library.correct (one change under the store lock), a failure is one notification, and u
undoes the last correction (one level, shared with the note delete's undo).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotations.corrections import kind_words
from reader.screens.correct_dialogs import ActorDialog, NameSuggester, QuoteDialog, _hint
from reader.screens.dialogs import PickDialog, TextPrompt
from reader.widgets.panels import ActorsPanel

if TYPE_CHECKING:
    from reader.screens.article import ArticleScreen

STATUS_WORDS = {
    "confirmed": "✓ confirmed",
    "corrected": "✎ corrected",
    "added": "+ added",
    "rejected": "✗ rejected (not a quotation)",
}


class QuoteCorrector:
    """The corrections of one article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        self.screen = screen
        self.undo: tuple[str, Callable[[], object]] | None = None  # (what it undoes, how) for u

    # ---- the current quote ---------------------------------------------------------------------
    def current_view(self) -> Any | None:
        """The quotation under the n/N cursor (its QuoteView), or None."""
        i = self.screen.view._quote_at(*self.screen.view.cursor)
        if i is None:
            return None
        return self.screen.views_by_quote.get(id(self.screen.view.quotes[i]))

    def grown_from(self) -> Any | None:
        """The quotation the passage was grown or shrunk from (v, >, <), if it was one."""
        start = self.screen.view.selection_from
        if start is None:
            return None
        for q in self.screen.view.quotes:
            if (q.start, q.end) == tuple(start):
                return self.screen.views_by_quote.get(id(q))
        return None

    def _actor_names(self) -> list[str]:
        names: list[str] = []
        for a in self.screen.analysis.actors:
            names.append(a.name)
        for a in self.screen.analysis.actors:
            names += list(a.aliases)
        return list(dict.fromkeys(names))

    # ---- writing -------------------------------------------------------------------------------
    def _correct(self, change, done: str, quote: Any | None = None) -> bool:
        """Run one correction (reader.library.correct); remember how to undo it."""
        from reader.library import correct

        store = self.screen.session.store
        before = None
        if quote is not None and quote.correction is not None:
            before = quote.correction
        try:
            result = change(correct, self.screen.session.library)
        except correct.CorrectionFailed as exc:
            self.screen.notify(f"not saved: {exc.reason}", severity="error")
            return False
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.screen.notify(f"not saved: {exc}", severity="error")
            return False
        quote_id = quote.id if quote is not None else result
        article = self.screen.article_id

        def undo() -> None:
            store.correct_quote(article, quote_id, lambda _now: before)

        self.undo = (done, undo)
        self.screen.deleted = None  # one level of undo: the last change only
        self.screen.refresh_bindings()
        self.screen._written(f"{done} · u undoes it")
        return True

    def check(self, action: str) -> bool | None:
        """Footer and palette show the quote keys only on a quote, Q only on a passage."""
        if action in ("confirm_quote", "reject_quote", "quote_speaker", "quote_kind"):
            return self.current_view() is not None
        if action == "add_quote":
            return self.screen.view.cursor[1] > self.screen.view.cursor[0]
        return None

    def confirm(self) -> None:
        quote = self.current_view()
        if quote is not None:
            self._correct(lambda c, lib: c.confirm(lib, quote.id), "quote confirmed", quote)

    def reject(self) -> None:
        quote = self.current_view()
        if quote is not None:
            self._correct(
                lambda c, lib: c.reject(lib, quote.id), "quote rejected (not a quotation)", quote
            )

    def speaker(self) -> None:
        quote = self.current_view()
        if quote is None:
            return
        names = self._actor_names()
        actor = self.screen.analysis.actor(quote.quote.actor)
        prompt = TextPrompt(
            "Speaker (an actor of the article or any name; empty: none)",
            actor.name if actor else (quote.quote.speaker or ""),
            suggester=NameSuggester(names),
            hint=f"{_hint([a.name for a in self.screen.analysis.actors])}\n"
            "Enter or ctrl+s saves · Escape cancels",
        )

        def save(value: str | None) -> None:
            if value is not None:
                name = value.strip()
                self._correct(
                    lambda c, lib: c.set_quote(lib, quote.id, speaker=name),
                    f"speaker: {name or 'none'}",
                    quote,
                )

        self.screen.app.push_screen(prompt, save)

    def kind(self) -> None:
        quote = self.current_view()
        if quote is None:
            return
        from reader.screens.correct_dialogs import KIND_CHOICES

        def save(kind: str | None) -> None:
            if kind:
                self._correct(
                    lambda c, lib: c.set_quote(lib, quote.id, kind=kind),
                    f"kind: {kind_words(kind)}",
                    quote,
                )

        self.screen.app.push_screen(PickDialog("Kind of this quote", KIND_CHOICES), save)

    def add(self) -> None:
        """The passage becomes a quotation: the new bounds of the quote it was grown or shrunk
        from (v, >, <), else a quotation of its own."""
        start, end = self.screen.view.cursor
        if end <= start:
            self.screen.notify("no passage under the cursor", severity="warning")
            return
        span = self._raw_span(start, end)
        if span is None:
            self.screen.notify(
                "the passage could not be found in the stored text", severity="error"
            )
            return
        names = self._actor_names()
        grown = self.grown_from()
        if grown is not None:
            actor = self.screen.analysis.actor(grown.quote.actor)
            dialog = QuoteDialog(
                "New bounds of this quote",
                self.screen.text[start:end],
                names,
                speaker=actor.name if actor else (grown.quote.speaker or ""),
                kind=grown.quote.kind,
            )

            def moved(result: tuple[str, str] | None) -> None:
                if result is None:
                    return
                speaker, kind = result
                same = speaker == (actor.name if actor else (grown.quote.speaker or ""))
                self._correct(
                    lambda c, lib: c.set_quote(
                        lib,
                        grown.id,
                        speaker=None if same else speaker,
                        kind=None if kind == grown.quote.kind else kind,
                        start=span[0],
                        end=span[1],
                    ),
                    "quote bounds moved",
                    grown,
                )
                self.screen.view.collapse()

            self.screen.app.push_screen(dialog, moved)
            return
        from reader.library.correct import default_kind

        passage = self.screen.text[start:end]
        dialog = QuoteDialog("Add a quote", passage, names, kind=default_kind(passage))

        def added(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            speaker, kind = result
            self._correct(
                lambda c, lib: c.add_quote(
                    lib,
                    self.screen.article_id,
                    start=span[0],
                    end=span[1],
                    speaker=speaker or None,
                    kind=kind,
                ),
                "quote added",
            )

        self.screen.app.push_screen(dialog, added)

    def _raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The passage's offsets in the stored text (the screen shows it cleaned)."""
        raw = self.screen.session.text(self.screen.article_id)
        if raw == self.screen.text:
            return start, end
        exact = self.screen.text[start:end]
        found = raw.find(exact)
        return (found, found + len(exact)) if found >= 0 else None

    def undo_last(self) -> bool:
        """u after a correction: back to what it was before (automatic, or the earlier
        correction). True if there was one to undo."""
        if self.undo is None:
            return False
        done, undo = self.undo
        self.undo = None
        self.screen.refresh_bindings()
        if not self.screen._write(undo, f"undone: {done}"):
            self.undo = (done, undo)
        return True

    # ---- actors --------------------------------------------------------------------------------
    def edit_actor(self, actor_id: str) -> None:
        actor = self.screen.analysis.actor(actor_id)
        if actor is None:
            return
        others = [a.name for a in self.screen.analysis.actors if a.id != actor.id]

        def save(result: dict[str, Any] | None) -> None:
            if result is None:
                return
            scope = None if result["everywhere"] else self.screen.article_id
            where = "everywhere" if scope is None else "in this article"
            merge = result["merge"]
            if merge:
                target = next(
                    (
                        a
                        for a in self.screen.analysis.actors
                        if a.name.casefold() == merge.casefold() or a.id == merge
                    ),
                    None,
                )
                if target is None:
                    self.screen.notify(f"no actor {merge} in this article", severity="error")
                    return
                self._actor_change(
                    lambda c, lib: c.merge_actors(lib, scope, target.id, actor.id),
                    f"{actor.name} merged into {target.name} {where}",
                    scope,
                    actor.id,
                )
                return
            name = result["name"] if result["name"] and result["name"] != actor.name else None
            kind = result["type"] if result["type"] != actor.type else None
            if name is None and kind is None:
                return
            self._actor_change(
                lambda c, lib: c.set_actor(lib, scope, actor.id, name=name, kind=kind),
                f"{actor.name}: "
                + ", ".join(x for x in (name and f"name {name}", kind and f"type {kind}") if x)
                + f" {where}",
                scope,
                actor.id,
            )

        self.screen.app.push_screen(ActorDialog(actor, others), save)

    def _actor_change(self, change, done: str, scope: str | None, actor_id: str) -> None:
        store = self.screen.session.store
        try:
            before = (
                store.library_actor_fixes() if scope is None else store.actor_fixes(scope)
            ).get(actor_id)
        except Exception:  # noqa: BLE001 - the change below reports the problem
            before = None
        if not self._correct(change, done):
            return

        def undo() -> None:
            if scope is None:
                store.fix_library_actor(actor_id, lambda _now: before)
            else:
                store.fix_actor(scope, actor_id, lambda _now: before)

        self.undo = (done, undo)
        if self.screen._shown("#actors-panel"):
            self.screen.query_one(ActorsPanel).show(self.screen.analysis)
