"""Annotations out of reader: Markdown for people (Obsidian, Zotero notes, pandoc) and lossless
JSON for another reader. Pure functions over plain data, so the CLI and the TUI share them and
never pass Textual or library objects in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.base.errors import ReaderError

from .mdtext import (
    blockquote,
    link_or_text,
    one_line,
    paragraphs,
    safe_stem,
    tag_ref,
    yaml_list,
    yaml_scalar,
)
from .models import Note
from .records import SCHEMA, anchor_from
from .storage import atomic_write_bytes

FORMAT = "reader-annotations"
NOTE_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")


@dataclass
class ExportArticle:
    """One article as the exporters need it (the CLI fills it from the library and the store)."""

    id: str
    title: str
    source: str | None = None
    date: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    quotes: list[dict[str, Any]] | None = None  # {"speaker", "kind", "text"} from the analysis


# Markdown -------------------------------------------------------------------------------------
def _note_meta(note: Note) -> list[str]:
    lines = []
    if note.tags:
        lines.append("- Tags: " + ", ".join(tag_ref(t) for t in note.tags))
    p = note.passage
    if p is not None:
        lines.append(f"- Position: paragraph {p.paragraph + 1}, characters {p.start}–{p.end}")
    if note.orphan:
        lines.append(
            "- Orphan: this passage is no longer in the article's text"
            if p
            else "- Orphan: the article was removed"
        )
    lines.append(f"- Note: `{note.id}`, {note.created[:10] or 'undated'}")
    return lines


def _article_notes(notes: list[Note], level: str) -> list[str]:
    general = [n for n in notes if n.passage is None]
    passages = sorted(
        (n for n in notes if n.passage is not None),
        key=lambda n: (n.orphan, n.passage.start, n.created),
    )  # type: ignore
    out: list[str] = []
    if general:
        out += [f"{level} Notes", ""]
        for note in general:
            out += paragraphs(note.text) + [""] if note.text.strip() else []
            out += _note_meta(note) + [""]
    if passages:
        out += [f"{level} Passages", ""]
        for note in passages:
            out += blockquote(note.passage.exact) + [""]  # type: ignore[union-attr]
            out += paragraphs(note.text) + [""] if note.text.strip() else []
            out += _note_meta(note) + [""]
    return out


def _who_said_what(quotes: list[dict[str, Any]], level: str) -> list[str]:
    out = [f"{level} Who said what", ""]
    if not quotes:
        return out + ["No quotations found.", ""]
    for q in quotes:
        speaker = one_line(q.get("speaker") or "unknown speaker")
        if q.get("via"):
            speaker += f"** via **{one_line(q['via'])}"
        out.append(
            f"- **{speaker}** ({one_line(q.get('kind') or 'quote')}): "
            f"{one_line(q.get('text') or '')}"
        )
    return out + [""]


def _metadata_list(a: ExportArticle) -> list[str]:
    out = []
    if a.source:
        out.append(f"- Source: {one_line(a.source)}")
    if a.date:
        out.append(f"- Date: {one_line(a.date)}")
    if a.url:
        out.append(f"- URL: {link_or_text(a.url)}")
    out.append(f"- ID: `{a.id}`")
    if a.tags:
        out.append("- Tags: " + ", ".join(tag_ref(t) for t in a.tags))
    return out + [""]


def _front_matter(a: ExportArticle, exported: str) -> list[str]:
    return [
        "---",
        f"title: {yaml_scalar(a.title)}",
        f"source: {yaml_scalar(a.source)}",
        f"date: {yaml_scalar(a.date)}",
        f"url: {yaml_scalar(a.url)}",
        f"id: {yaml_scalar(a.id)}",
        *yaml_list("tags", a.tags),
        f"exported: {yaml_scalar(exported)}",
        "---",
        "",
    ]


def _union_tags(articles: list[ExportArticle]) -> list[str]:
    seen: dict[str, str] = {}
    for a in articles:
        for t in a.tags:
            seen.setdefault(t.casefold(), t)
    return sorted(seen.values(), key=str.casefold)


def to_markdown(
    articles: Iterable[ExportArticle],
    *,
    exported: str,
    quotes: bool = False,
    title: str = "reader export",
) -> str:
    """One article: its front matter and body. Several: one front matter for the file (title,
    exported, article ids, all tags), then each article under its own heading."""
    articles = list(articles)
    if len(articles) == 1:
        a = articles[0]
        out = _front_matter(a, exported) + [f"# {one_line(a.title)}", ""]
        out += _article_notes(a.notes, "##")
        if quotes:
            out += _who_said_what(a.quotes or [], "##")
        return "\n".join(out).rstrip("\n") + "\n"
    out = [
        "---",
        f"title: {yaml_scalar(title)}",
        f"exported: {yaml_scalar(exported)}",
        *yaml_list("articles", [a.id for a in articles]),
        *yaml_list("tags", _union_tags(articles)),
        "---",
        "",
        f"# {one_line(title)}",
        "",
    ]
    if not articles:
        out += ["No annotated articles.", ""]
    for a in articles:
        out += [f"## {one_line(a.title)}", ""] + _metadata_list(a)
        out += _article_notes(a.notes, "###")
        if quotes:
            out += _who_said_what(a.quotes or [], "###")
    return "\n".join(out).rstrip("\n") + "\n"


def file_names(articles: list[ExportArticle]) -> list[str]:
    """A distinct, safe ``NAME.md`` per article (compared without case: macOS and Windows)."""
    taken = {"index"}
    names = []
    for a in articles:
        fallback = safe_stem(a.id, "article")
        stem = safe_stem(a.title, fallback)
        candidate, n = stem, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem} ({fallback})" if n == 2 else f"{stem} ({fallback}-{n})"
        taken.add(candidate.casefold())
        names.append(candidate + ".md")
    return names


def write_folder(
    articles: Iterable[ExportArticle], folder: Path, *, exported: str, quotes: bool = False
) -> list[Path]:
    """One Markdown file per article plus ``index.md`` linking them; returns the files written."""
    articles, folder = list(articles), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder.resolve()
    written = []
    index = [
        "---",
        f"title: {yaml_scalar('reader export')}",
        f"exported: {yaml_scalar(exported)}",
        "---",
        "",
        "# reader export",
        "",
    ]
    for a, name in zip(articles, file_names(articles)):
        target = (base / name).resolve()
        if target.parent != base:  # belt and braces: safe_stem already forbids separators
            raise ValueError(f"export file name {name!r} would leave {base}")
        atomic_write_bytes(target, to_markdown([a], exported=exported, quotes=quotes).encode())
        written.append(target)
        count = len(a.notes)
        index.append(f"- [{one_line(a.title)}](<{name}>) ({count} note{'s' * (count != 1)})")
    if not articles:
        index.append("No annotated articles.")
    atomic_write_bytes(base / "index.md", ("\n".join(index) + "\n").encode())
    return written + [base / "index.md"]


# JSON -----------------------------------------------------------------------------------------
def to_json(articles: Iterable[ExportArticle], *, exported: str) -> dict[str, Any]:
    """Everything, lossless: every note with its anchor, the article tags, the schema version."""
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "exported": exported,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "date": a.date,
                "url": a.url,
                "tags": list(a.tags),
                "notes": [n.to_json() for n in a.notes],
                **({"quotes": a.quotes} if a.quotes is not None else {}),
            }
            for a in articles
        ],
    }


class ImportError_(ReaderError, ValueError):
    """An annotations file that can't be merged (one line)."""


def _note_in(article: str, d: Any) -> Note:
    if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not d["id"].strip():
        raise ImportError_(f"article {article}: a note has no id")
    if not NOTE_ID.match(d["id"].strip()):
        raise ImportError_(f"article {article}: note id {d['id']!r} is not valid")
    tags = d.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportError_(f"note {d['id']}: tags must be a list of strings")
    passage = d.get("passage")
    if passage is not None and not (
        isinstance(passage, dict) and isinstance(passage.get("exact"), str)
    ):
        raise ImportError_(f"note {d['id']}: passage must be null or an object with 'exact'")
    try:
        anchor = anchor_from(passage)
    except TypeError as exc:
        raise ImportError_(f"note {d['id']}: passage is incomplete ({exc})") from None
    return Note(
        id=d["id"].strip(),
        article=article,
        text=str(d.get("text") or ""),
        tags=list(tags),
        passage=anchor,
        orphan=bool(d.get("orphan")),
        created=str(d.get("created") or ""),
        updated=str(d.get("updated") or d.get("created") or ""),
    )


def merge_json(store: Any, data: Any) -> dict[str, int]:
    """Merge a ``to_json`` file into ``store`` (``reader import-annotations``) without duplicates.
    Everything is checked before anything is written."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportError_(f'not a reader annotations file (expected "format": "{FORMAT}")')
    if not isinstance(data.get("schema"), int) or data["schema"] > SCHEMA:
        raise ImportError_(
            f"annotations schema {data.get('schema')!r} is newer than this "
            f"reader understands ({SCHEMA}); upgrade reader"
        )
    if not isinstance(data.get("articles"), list):
        raise ImportError_('annotations file has no "articles" list')
    plan = []
    for a in data["articles"]:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            raise ImportError_("an article entry has no id")
        tags = a.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ImportError_(f"article {a['id']}: tags must be a list of strings")
        store.path(a["id"])  # validates the id (StoreError)
        plan.append((a["id"], tags, [_note_in(a["id"], n) for n in a.get("notes") or []]))
    totals = {"articles": 0, "added": 0, "updated": 0, "skipped": 0}
    for article, tags, notes in plan:
        counts = store.merge_notes(article, tags, notes)
        totals["articles"] += 1
        for key, value in counts.items():
            totals[key] += value
    return totals
