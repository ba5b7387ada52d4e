"""Every actor across the library, with articles and quotes; Enter lists what they said.

Gathering needs every article's analysis (cached by the library), so it runs in a thread
worker and fills the list when done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import work

from reader.render import ACTOR_STYLES, clean, plural, quote_style
from reader.screens.lists import ListScreen
from reader.widgets.panels import quote_bar


@dataclass
class ActorTotal:
    name: str
    type: str
    articles: set[str] = field(default_factory=set)
    direct: int = 0
    indirect: int = 0
    quotes: list[tuple[str, Any]] = field(default_factory=list)  # (article id, Quote)


def gather(session, cancelled=lambda: False) -> tuple[list[ActorTotal], dict[str, Any]]:
    """Actors merged across articles by (name, type), busiest first."""
    totals: dict[tuple[str, str], ActorTotal] = {}
    metas = {m.id: m for m in session.library.articles()}
    for article_id in metas:
        if cancelled():
            break
        analysis = session.analysis(article_id)
        by_id = {}
        for actor in analysis.actors:
            key = (actor.name.casefold(), actor.type)
            total = totals.setdefault(key, ActorTotal(actor.name, actor.type))
            total.articles.add(article_id)
            by_id[actor.id] = total
        for quote in analysis.quotes:
            found = by_id.get(quote.actor) if quote.actor is not None else None
            if found is None or quote.kind == "term":
                continue
            if quote.kind == "direct":
                found.direct += 1
            else:
                found.indirect += 1
            found.quotes.append((article_id, quote))
    ranked = sorted(
        totals.values(),
        key=lambda t: (-(t.direct + t.indirect), -len(t.articles), t.name.casefold()),
    )
    return ranked, metas


class ActorsScreen(ListScreen):
    """Enter on an actor lists their quotes across articles."""

    title_text = "Actors across the library"
    empty_text = "gathering actors…"
    HELP_SECTION = "Actors"

    def load(self) -> None:
        self.fill()
        self.run_gather()

    @work(thread=True, exclusive=True, group="actors")
    def run_gather(self) -> None:
        from textual.worker import get_current_worker

        from reader.base.errors import ReaderError

        worker = get_current_worker()
        try:
            ranked, metas = gather(self.session, lambda: worker.is_cancelled)
        except ReaderError as exc:  # a damaged or lost index: say so, show none
            self.app.call_from_thread(self.notify, clean(str(exc)), severity="error", timeout=20)
            ranked, metas = [], {}
        self.app.call_from_thread(self._show, ranked, metas)

    def _show(self, ranked: list[ActorTotal], metas: dict[str, Any]) -> None:
        self.metas = metas
        most = max((t.direct + t.indirect for t in ranked), default=1)
        name_width = 28 if self.app.size.width >= 100 else 20  # the counts stay on screen at 80
        # name, type, articles, then the bar and "12 direct · 12 indirect": the bar takes
        # what is left, so the labelled counts stay on screen at 80 columns
        fixed = name_width + 1 + 13 + 15 + 2 + 24 + 4
        bar_width = max(3, min(14, self.app.size.width - fixed))
        entries = []
        for total in ranked:
            label = Text()
            name = clean(total.name)
            name = name if len(name) <= name_width else name[: name_width - 1] + "…"
            label.append(
                f"{name:<{name_width}} ", ACTOR_STYLES.get(total.type, ACTOR_STYLES["other"])
            )
            label.append(f"{total.type[:12]:<12} ", Style(dim=True))
            label.append(f"{plural(len(total.articles), 'article', 'articles'):>13}  ")
            label.append_text(quote_bar(total.direct, total.indirect, most, bar_width))
            entries.append((label, f"{total.name} {total.type}".casefold(), total))
        self.entries = entries
        self.empty_text = "No actors found."
        self.fill()

    def open(self, total: ActorTotal) -> None:
        if not total.quotes:
            self.notify(f"{total.name} is mentioned but not quoted")
            return
        self.app.push_screen(ActorQuotesScreen(self.session, total, self.metas))


class ActorQuotesScreen(ListScreen):
    """Everything one actor said in the library, grouped under each article's title (once);
    Enter opens the article at the quote."""

    HELP_SECTION = "What they said"

    def __init__(self, session, total: ActorTotal, metas: dict[str, Any]) -> None:
        super().__init__(session)
        self.total = total
        self.metas = metas
        self.title_text = f"What {clean(total.name)} said"

    def load(self) -> None:
        entries = []
        for article_id, quote in self.total.quotes:
            meta = self.metas.get(article_id)
            label = Text("  ")
            label.append(f"{quote.kind.replace('_', ' ')}  ", "dim")
            label.append(" ".join(clean(quote.text).split())[:300], quote_style(quote))
            hay = f"{meta.title if meta else ''} {quote.text}".casefold()
            entries.append((label, hay, (article_id, quote)))
        self.entries = entries
        self.fill()

    def heading(self, article_id: str) -> Text:
        meta = self.metas.get(article_id)
        label = Text(clean(meta.title if meta else article_id), "bold")
        if meta and meta.date:
            label.append(f"  {meta.date}", "dim")
        return label

    def fill(self) -> None:
        """Like ListScreen.fill, with each article's title once above its quotes."""
        from textual.widgets import OptionList, Static
        from textual.widgets.option_list import Option

        words = self.query_text.casefold().split()
        option_list = self.query_one("#list", OptionList)
        option_list.clear_options()
        self.shown = []
        options: list[Option] = []
        last = None
        first = None
        for label, hay, payload in self.entries:
            if not all(w in hay for w in words):
                continue
            if payload[0] != last:
                last = payload[0]
                options.append(Option(self.heading(last), disabled=True))
            if first is None:
                first = len(options)
            options.append(Option(label, id=str(len(self.shown))))
            self.shown.append(payload)
        if not options:
            options.append(Option(Text(self.empty_text), disabled=True))
        option_list.add_options(options)
        if first is not None:
            option_list.highlighted = first
        self.query_one("#list-header", Static).update(self.header_text())

    def open(self, payload: tuple[str, Any]) -> None:
        article_id, quote = payload
        self.open_article(article_id, at=quote.start)
