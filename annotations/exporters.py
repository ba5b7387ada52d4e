"""The export formats: one table, from which the CLI's ``--format`` choices and help, the TUI's
"export to" (the format follows the file's suffix) and the folder export are derived.

Why: a new export format is one entry here (and its renderer in export.py), not an if/else in
the CLI and a second copy in the TUI. Renderers are pure: a list of ExportArticle in, the
file's text out (harlequin's ``export.py`` is the model). The renderers load on first use: the
CLI's help lists the formats without loading the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .export import ExportArticle

DEFAULT = "md"


class Render(Protocol):
    def __call__(
        self, articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str
    ) -> str: ...


class WriteFolder(Protocol):
    def __call__(
        self,
        articles: Sequence[ExportArticle],
        folder: Path,
        *,
        exported: str,
        quotes: bool,
        on_error: Callable[[Path, str], None] | None = None,
    ) -> list[Path]: ...


@dataclass(frozen=True)
class Exporter:
    name: str  # the CLI's --format value
    label: str  # for people: "Markdown"
    suffix: str  # the file's suffix; the TUI picks the exporter by it
    render: Render  # the whole export as one file's text
    write_folder: WriteFolder | None = None  # one file per article (None: one file only)


def _markdown(articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str) -> str:
    from .export import to_markdown

    return to_markdown(articles, exported=exported, quotes=quotes, title=title)


def _json(articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str) -> str:
    """Lossless, for ``reader import-annotations`` (quotes are in the data when collected)."""
    from .export import to_json
    from .text import escape_json

    # bidi, zero-width and C1 characters as \u escapes: the same data, inert on a terminal
    dumped = json.dumps(to_json(articles, exported=exported), ensure_ascii=False, indent=2)
    return escape_json(dumped) + "\n"


def _markdown_folder(
    articles: Sequence[ExportArticle],
    folder: Path,
    *,
    exported: str,
    quotes: bool,
    on_error: Callable[[Path, str], None] | None = None,
) -> list[Path]:
    """One file per article plus an index; a file that can't be written (a symlink in its
    place) goes to ``on_error`` and the rest is written (annotations.export.write_folder)."""
    from .export import write_folder

    return write_folder(articles, folder, exported=exported, quotes=quotes, on_error=on_error)


def _w3c(articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str) -> str:
    """W3C Web Annotation JSON-LD: every note and correction with its selectors."""
    from .w3c import to_w3c

    data = to_w3c(articles, exported=exported, title=title)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


EXPORTERS: list[Exporter] = [
    Exporter("md", "Markdown", ".md", _markdown, _markdown_folder),
    Exporter("json", "JSON", ".json", _json),
    Exporter("w3c", "W3C", ".jsonld", _w3c),  # W3C Web Annotation (JSON-LD)
]


def from_template(path: str | Path) -> Exporter:
    """Markdown through the user's Jinja2 template (``reader export --template FILE``): one
    file, or one per article and an index with ``-o DIR/``. The template is read now, so a
    missing file fails before anything is collected or written."""
    from .templating import load_template, render_template

    source, name = load_template(path), str(path)

    def render(
        articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str
    ) -> str:
        return render_template(
            source, articles, exported=exported, quotes=quotes, title=title, name=name
        )

    def write(
        articles: Sequence[ExportArticle],
        folder: Path,
        *,
        exported: str,
        quotes: bool,
        on_error: Callable[[Path, str], None] | None = None,
    ) -> list[Path]:
        from .export import write_folder

        def one(article: ExportArticle) -> str:
            return render([article], exported=exported, quotes=quotes, title=article.title)

        for article in articles:  # a broken template fails before any file is written
            one(article)
            break
        return write_folder(
            articles, folder, exported=exported, quotes=quotes, on_error=on_error, render=one
        )

    return Exporter("template", f"Markdown through {name}", ".md", render, write)


def register(exporter: Exporter) -> None:
    """Add an export format (its name and suffix must be new)."""
    if any(e.name == exporter.name or e.suffix == exporter.suffix for e in EXPORTERS):
        raise ValueError(f"export format {exporter.name}: name or suffix already registered")
    EXPORTERS.append(exporter)


def names() -> list[str]:
    return [e.name for e in EXPORTERS]


def by_name(name: str) -> Exporter:
    for exporter in EXPORTERS:
        if exporter.name == name:
            return exporter
    raise KeyError(name)


def for_path(path: str | Path) -> Exporter:
    """The exporter whose suffix the file has; the default (Markdown) for any other name."""
    suffix = Path(path).suffix.lower()
    for exporter in EXPORTERS:
        if exporter.suffix == suffix:
            return exporter
    return by_name(DEFAULT)


def labels() -> str:
    """ "Markdown or JSON", for help texts."""
    found = [e.label for e in EXPORTERS]
    return ", ".join(found[:-1]) + " or " + found[-1] if len(found) > 1 else found[0]


def by_suffix_text() -> str:
    """ ".md Markdown, .json JSON": how the TUI's "export to" picks the format."""
    return ", ".join(f"{e.suffix} {e.label}" for e in EXPORTERS)
