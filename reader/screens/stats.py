"""The statistics screen: who gets quoted, how, by which outlet and when, as bar charts, over the
articles the library shows (its tag and actor filters apply). The same numbers as
``reader stats`` (reader.library.datasets), computed in a thread worker from the per-article
counts cache (reader.library.quote_counts), with progress while it reads.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from reader.render import ACTOR_STYLES, QUOTE_STYLES, append_filters, clean, plural

REPORTED = QUOTE_STYLES["reported"]
TITLES = {
    "source": "By outlet",
    "month": "Over time (by month)",
    "type": "By speaker type",
    "lang": "By language",
}
NONE_KEYS = {
    "source": "(no source)",
    "month": "(undated)",
    "type": "(no actor)",
    "lang": "(unknown)",
}


def share(value: float) -> str:
    return f"{value * 100:5.1f} %"


def stacked_bar(direct: int, indirect: int, reported: int, most: int, width: int) -> Text:
    """█ direct, ▒ indirect, ░ reported, scaled so the largest row fills ``width``."""
    scale = width / most if most else 0
    parts = [(direct, "█", QUOTE_STYLES["direct"]), (indirect, "▒", QUOTE_STYLES["indirect"])]
    parts.append((reported, "░", REPORTED))
    bar = Text()
    used = 0
    for count, char, style in parts:
        cells = round(count * scale) if count else 0
        cells = min(cells, width - used)
        bar.append(char * cells, style)
        used += cells
    bar.append(" " * (width - used), Style(dim=True))
    return bar


def render_stats(
    results: dict[str, dict[str, Any]], width: int, *, top: int = 10, rows: int = 12
) -> Group:
    """Every section of the screen as Rich renderables (plain Text: names are data, never
    markup). ``width`` is the screen's width in cells."""
    total = results["source"]["total"]
    quotes = total["quotes"]
    label_width = max(12, min(28, width // 4))
    bar_width = max(10, min(50, width - label_width - 30))
    out: list[Any] = []
    head = Text()
    head.append(f"{plural(quotes, 'quotation')} in {plural(total['articles'], 'article')}", "bold")
    if quotes:
        head.append(
            f" · direct {share(total['direct'] / quotes).strip()}"
            f" · indirect {share(total['indirect'] / quotes).strip()}"
            f" · reported {share(total['reported'] / quotes).strip()}"
            f" · {plural(total['speakers'], 'speaker')}"
            f" · the top 10 have {share(total['top10_share']).strip()}"
        )
    out += [head, Text("█ direct  ▒ indirect  ░ reported · top-level quotations", "dim"), Text()]
    if not quotes:
        out.append(Text("No quotations in these articles."))
        return Group(*out)

    out.append(Text("Direct and indirect", Style(bold=True, underline=True)))
    for name, count in (
        ("direct", total["direct"]),
        ("indirect", total["indirect"]),
        ("reported", total["reported"]),
    ):
        line = Text(f"  {name:<{label_width}} ")
        line.append_text(
            stacked_bar(
                count if name == "direct" else 0,
                count if name == "indirect" else 0,
                count if name == "reported" else 0,
                quotes,
                bar_width,
            )
        )
        line.append(f" {count:>6}  {share(count / quotes)}")
        out.append(line)
    out.append(Text())

    out.append(Text("The share of voices: top speakers", Style(bold=True, underline=True)))
    speakers = results["source"]["top_speakers"][:top]
    most = max((s["quotes"] for s in speakers), default=1)
    for s in speakers:
        name = _fit(clean(s["speaker"]), label_width)
        line = Text("  ")
        line.append(f"{name:<{label_width}} ", ACTOR_STYLES["person"])
        cells = round(s["quotes"] * bar_width / most) if most else 0
        line.append("█" * cells + " " * (bar_width - cells), ACTOR_STYLES["person"])
        line.append(f" {s['quotes']:>6}  {share(s['share'])}")
        out.append(line)
    out.append(Text())

    for by in ("source", "month", "type", "lang"):
        groups = results[by]["groups"]
        out.append(Text(f"{TITLES[by]}", Style(bold=True, underline=True)))
        out.append(Text(f"  {'':<{label_width}} {'':<{bar_width}} {'quotes':>6}  top 10", "dim"))
        shown = groups if by == "month" else groups[:rows]
        most = max((g["quotes"] for g in shown), default=1)
        for g in shown:
            key = g["key"] if g["key"] is not None else NONE_KEYS[by]
            line = Text(f"  {_fit(clean(str(key)), label_width):<{label_width}} ")
            line.append_text(
                stacked_bar(g["direct"], g["indirect"], g["reported"], most, bar_width)
            )
            line.append(f" {g['quotes']:>6}  {share(g['top10_share'])}")
            out.append(line)
        if len(groups) > len(shown):
            out.append(Text(f"  … and {len(groups) - len(shown)} more (reader stats --by {by})"))
        out.append(Text())
    return Group(*out)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class StatsScreen(Screen[None]):
    """Statistics of the articles the library shows; Escape or q goes back."""

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll(20)", "Page down", show=False),
        Binding("b,pageup", "scroll(-20)", "Page up", show=False),
    ]
    HELP_SECTION = "Statistics"

    def __init__(
        self, session, ids: list[str] | None = None, *, tag: str | None = None, actor=None
    ) -> None:
        super().__init__()
        self.session = session
        self.ids = ids  # None: every article
        self.tag, self.actor = tag, actor
        self.results: dict[str, dict[str, Any]] | None = None
        self.checked = False  # the figures shown were checked against every article

    def compose(self) -> ComposeResult:
        yield Static(id="stats-header")
        yield ProgressBar(total=None, show_eta=False, id="stats-progress")
        with VerticalScroll(id="stats-body"):
            yield Static(Text("counting…", "dim"), id="stats-content")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._header()
        self.query_one("#stats-body").focus()
        if self.ids is None:
            # the whole library's figures as last computed, shown at once if the library is as
            # it was; the worker then checks every article and redraws if anything changed
            from reader.library.quote_counts import QuoteCounts

            try:
                cached = QuoteCounts(self.session.library).cached_stats()
            except Exception:  # noqa: BLE001 - only a cache: count instead
                cached = None
            if cached is not None:
                self._show(cached, checking=True)
        self.count()

    def _header(self, total: int | None = None, checking: bool = False) -> None:
        text = Text("Statistics", "bold")
        shown = len(self.ids) if self.ids is not None else total
        text.append("  " + (plural(shown, "article") if shown is not None else "every article"))
        append_filters(text, tag=self.tag, actor=self.actor)
        if checking:
            text.append("  · checking the articles for changes…", "dim")
        else:
            text.append("  · the numbers of reader stats, corrections applied", "dim")
        self.query_one("#stats-header", Static).update(text)

    @work(thread=True, exclusive=True, group="stats")
    def count(self) -> None:
        from textual.worker import get_current_worker

        from reader.library.quote_counts import all_stats

        worker = get_current_worker()
        library = self.session.library

        def progress(done: int, total: int) -> None:
            if self.results is None:  # numbers shown already: no progress bar over them
                self.app.call_from_thread(self._progress, done, total)

        try:
            results = all_stats(
                library, self.ids, on_progress=progress, cancelled=lambda: worker.is_cancelled
            )
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback
            self.app.call_from_thread(self.notify, f"statistics: {exc}", severity="error")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, results)

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#stats-progress", ProgressBar)
        bar.update(total=total, progress=done)

    def _show(self, results: dict[str, dict[str, Any]], checking: bool = False) -> None:
        self.checked = not checking
        self.query_one("#stats-progress").display = False
        self._header(results["source"]["total"]["articles"], checking)
        if results == self.results:
            return  # the cached figures were right: nothing to redraw
        self.results = results
        self.query_one("#stats-content", Static).update(render_stats(results, self.size.width))

    def on_resize(self) -> None:
        if self.results is not None:
            self.query_one("#stats-content", Static).update(
                render_stats(self.results, self.size.width)
            )

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#stats-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_back(self) -> None:
        self.workers.cancel_group(self, "stats")
        self.app.pop_screen()
