"""Annotations out of reader: Markdown for people (Obsidian, Zotero notes, pandoc) and lossless
JSON for another reader. Pure functions over plain data, so the CLI and the TUI share them and
never pass Textual or library objects in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.base.errors import ReaderError
from reader.base.surrogates import lone_surrogate

from .coding import DoneMark, TagCode
from .corrections import (
    ActorFix,
    CorrectionError,
    QuoteCorrection,
    actor_fix_from,
    correction_from,
    kind_words,
)
from .mdtext import (
    blockquote,
    link_or_text,
    one_line,
    paragraphs,
    safe_stem,
    tag_ref,
    yaml_date,
    yaml_list,
    yaml_scalar,
)
from .models import Note
from .records import SCHEMA, anchor_from
from .storage import atomic_write_bytes

if TYPE_CHECKING:
    from .store import AnnotationStore

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
    codes: list[TagCode] | None = None  # each coder's tags (None: not collected)
    done: list[DoneMark] | None = None  # who marked the article as fully coded
    # corrections of the analysis: quotes, this article's actors, and the library-wide alias
    # table's entries for actors of this article (merged into the alias table on import)
    corrections: list[QuoteCorrection] = field(default_factory=list)
    actor_fixes: list[ActorFix] = field(default_factory=list)
    library_actor_fixes: list[ActorFix] = field(default_factory=list)
    # note id -> who speaks in the noted passage, when it is a quotation ("Name; kind: KIND")
    speakers: dict[str, str] = field(default_factory=dict)


# Markdown -------------------------------------------------------------------------------------
def _note_meta(note: Note, speaker: str | None = None) -> list[str]:
    lines = []
    if speaker:
        lines.append(f"- Speaker: {one_line(speaker)}")
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
    by = f", by {one_line(note.coder)}" if note.coder else ""
    lines.append(f"- Note: `{note.id}`, {note.created[:10] or 'undated'}{by}")
    return lines


def _passage_order(note: Note) -> tuple[bool, int, str]:
    """Placed passages in text order, then the orphans; a passage's notes oldest first."""
    return (note.orphan, note.passage.start if note.passage else 0, note.created)


def _article_notes(
    notes: list[Note], level: str, speakers: dict[str, str] | None = None
) -> list[str]:
    speakers = speakers or {}
    general = [n for n in notes if n.passage is None]
    passages = sorted((n for n in notes if n.passage is not None), key=_passage_order)
    out: list[str] = []
    if general:
        out += [f"{level} Notes", ""]
        for note in general:
            out += paragraphs(note.text, hard_breaks=True) + [""] if note.text.strip() else []
            out += _note_meta(note) + [""]
    if passages:
        out += [f"{level} Passages", ""]
        for note in passages:
            out += blockquote(note.passage.exact) + [""]  # type: ignore[union-attr]
            out += paragraphs(note.text, hard_breaks=True) + [""] if note.text.strip() else []
            out += _note_meta(note, speakers.get(note.id)) + [""]
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
            f"- **{speaker}** ({one_line(kind_words(q.get('kind')))}): "
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
        f"date: {yaml_date(a.date)}",
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
        out += _article_notes(a.notes, "##", a.speakers)
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
        out += _article_notes(a.notes, "###", a.speakers)
        if quotes:
            out += _who_said_what(a.quotes or [], "###")
    return "\n".join(out).rstrip("\n") + "\n"


def file_names(articles: list[ExportArticle], taken: Iterable[str] = ()) -> list[str]:
    """A distinct, safe ``NAME.md`` per article (compared without case: macOS and Windows): the
    title, or ``TITLE (ID).md`` where another article has that title or a stem in ``taken`` is
    used. The one naming rule of every export: a folder (``reader export -o DIR/``) and the
    TUI's ``e``."""
    taken = {"index", *(t.casefold() for t in taken)}
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


class ExportError(ReaderError):
    """An export file that was not written (one line: ``PATH: REASON``)."""


def write_export_file(path: Path, data: bytes) -> None:
    """Write one export file atomically. A symlink there is never written through, nor
    replaced: it may point anywhere (another vault, a system file), so :class:`ExportError`."""
    path = Path(path)
    if path.is_symlink():
        raise ExportError(f"{path}: is a symlink")
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from None


def write_folder(
    articles: Iterable[ExportArticle],
    folder: Path,
    *,
    exported: str,
    quotes: bool = False,
    on_error: Callable[[Path, str], None] | None = None,
    render: Callable[[ExportArticle], str] | None = None,
) -> list[Path]:
    """One Markdown file per article plus ``index.md`` linking them; returns the files written.
    ``render`` writes an article's file (default: :func:`to_markdown`; a template's renderer).

    A file that can't be written (a symlink in its place, which is never written through; a
    folder in the way; no permission) is skipped and the rest, the index too, is written:
    ``on_error(path, reason)`` is told of each; without ``on_error``, an :class:`ExportError`
    names the first one after everything else was written."""
    articles, folder = list(articles), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder.resolve()  # the folder itself may be a link the user chose; its files not
    written: list[Path] = []
    failed: list[str] = []

    def write(target: Path, data: bytes) -> bool:
        try:
            write_export_file(target, data)
        except ExportError as exc:
            failed.append(str(exc))
            if on_error is not None:
                on_error(target, str(exc)[len(str(target)) + 2 :])
            return False
        written.append(target)
        return True

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
        if Path(name).name != name or name.startswith("."):  # safe_stem forbids both already
            raise ValueError(f"export file name {name!r} would leave {base}")
        count = len(a.notes)
        notes = f"{count} note{'s' * (count != 1)}"
        text = (
            render(a) if render is not None else to_markdown([a], exported=exported, quotes=quotes)
        )
        if write(base / name, text.encode()):
            index.append(f"- [{one_line(a.title)}](<{name}>) ({notes})")
        else:
            index.append(f"- {one_line(a.title)} ({notes}; not written, see the export's errors)")
    if not articles:
        index.append("No annotated articles.")
    write(base / "index.md", ("\n".join(index) + "\n").encode())
    if failed and on_error is None:
        raise ExportError(failed[0] + (f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""))
    return written


# JSON -----------------------------------------------------------------------------------------
def to_json(
    articles: Iterable[ExportArticle], *, exported: str, coder: str | None = None
) -> dict[str, Any]:
    """Everything, lossless: every note with its anchor and coder, the article tags with each
    coder's (``coded``) and who marked it done, the schema version; ``coder``: the exporting
    library's coder (``import-annotations`` gives it what carries no coder)."""
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "exported": exported,
        **({"coder": coder} if coder else {}),
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
                **({"coded": [c.to_json() for c in a.codes]} if a.codes is not None else {}),
                **({"done": [d.to_json() for d in a.done]} if a.done is not None else {}),
                **_corrections_json(a),
            }
            for a in articles
        ],
    }


def _corrections_json(a: ExportArticle) -> dict[str, Any]:
    """Only when there are any: an export without corrections is as it always was."""
    out: dict[str, Any] = {}
    if a.corrections:
        out["corrections"] = [c.to_json() for c in a.corrections]
    if a.actor_fixes:
        out["actor_corrections"] = [f.to_json() for f in a.actor_fixes]
    if a.library_actor_fixes:
        out["library_actor_corrections"] = [f.to_json() for f in a.library_actor_fixes]
    return out


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
    if anchor is not None:
        for key in ("start", "end", "paragraph"):
            value = getattr(anchor, key)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ImportError_(f"note {d['id']}: passage {key} must be a whole number")
        for key in ("exact", "prefix", "suffix"):
            if not isinstance(getattr(anchor, key), str):
                raise ImportError_(f"note {d['id']}: passage {key} must be text")
    for what, value in (
        ("text", d.get("text")),
        *(("tag", t) for t in tags),
        *((f"passage {k}", getattr(anchor, k)) for k in ("exact", "prefix", "suffix") if anchor),
    ):
        bad = lone_surrogate(value) if isinstance(value, str) else None
        if bad:
            raise ImportError_(f"note {d['id']}: {what} is not valid Unicode text ({bad})")
    coder = _coder_in(d.get("coder"), f"note {d['id']}")
    quote = d.get("quote")
    if quote is not None and (not isinstance(quote, str) or not quote.strip()):
        raise ImportError_(f"note {d['id']}: quote must be null or a quote id")
    return Note(
        id=d["id"].strip(),
        article=article,
        text=str(d.get("text") or ""),
        tags=list(tags),
        passage=anchor,
        orphan=bool(d.get("orphan")),
        created=str(d.get("created") or ""),
        updated=str(d.get("updated") or d.get("created") or ""),
        coder=coder,
        codebook=_version_in(d.get("codebook"), f"note {d['id']}"),
        quote=quote.strip() if quote else None,
    )


def _coder_in(value: Any, where: str) -> str:
    """A coder name from a file: text of one line (``""``: none given)."""
    if value is None or value == "":
        return ""
    if (
        not isinstance(value, str)
        or not value.strip()
        or not value.isprintable()
        or lone_surrogate(value)
        or len(value) > 64
    ):
        raise ImportError_(f"{where}: coder must be a name (one line of text, at most 64)")
    return " ".join(value.split())


def _version_in(value: Any, where: str) -> Any:
    if value is None or (isinstance(value, int | str) and not isinstance(value, bool)):
        return value
    raise ImportError_(f"{where}: codebook must be a version (a number or text) or null")


def _codes_in(a: dict[str, Any], default: str) -> tuple[list[TagCode], list[DoneMark]]:
    """An article entry's ``coded`` and ``done`` records, checked."""
    codes, marks = [], []
    coded, done = a.get("coded") or [], a.get("done") or []
    if not isinstance(coded, list) or not isinstance(done, list):
        raise ImportError_(f"article {a['id']}: coded and done must be lists")
    for r in coded:
        if not isinstance(r, dict) or not isinstance(r.get("tag"), str) or not r["tag"].strip():
            raise ImportError_(f"article {a['id']}: a coded record has no tag")
        bad = lone_surrogate(r["tag"])
        if bad:
            raise ImportError_(f"article {a['id']}: tag is not valid Unicode text ({bad})")
        where = f"article {a['id']}: tag {r['tag']!r}"
        codes.append(
            TagCode(
                r["tag"],
                _coder_in(r.get("coder"), where) or default,
                _version_in(r.get("codebook"), where),
                str(r.get("created") or ""),
            )
        )
    for r in done:
        if not isinstance(r, dict):
            raise ImportError_(f"article {a['id']}: a done record is not an object")
        where = f"article {a['id']}: done"
        coder = _coder_in(r.get("coder"), where) or default
        if coder:
            marks.append(
                DoneMark(coder, _version_in(r.get("codebook"), where), str(r.get("created") or ""))
            )
    return codes, marks


def merge_json(store: AnnotationStore, data: Any) -> dict[str, int]:
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
    file_coder = _coder_in(data.get("coder"), "the file")
    plan: list[Any] = []
    aliases: list[ActorFix] = []
    for a in data["articles"]:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            raise ImportError_("an article entry has no id")
        tags = a.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ImportError_(f"article {a['id']}: tags must be a list of strings")
        store.path(a["id"])  # validates the id (StoreError)
        notes = a.get("notes") or []
        if not isinstance(notes, list):
            raise ImportError_(f"article {a['id']}: notes must be a list")
        codes, done = _codes_in(a, file_coder)
        coded = {c.tag.casefold() for c in codes}
        uncovered = [t for t in tags if t.strip().casefold() not in coded]
        if file_coder:  # the exporting library's coder: its tags without a record are theirs
            codes += [TagCode(t, file_coder) for t in uncovered]
            uncovered = []
        parsed = [_note_in(a["id"], n) for n in notes]
        for note in parsed:
            note.coder = note.coder or file_coder
        fixes, actor_fixes, library = _corrections_in(a)
        for fix in fixes:  # records without a coder are the exporting coder's, like the notes
            fix.coder = fix.coder or file_coder
        for actor_fix in [*actor_fixes, *library]:
            actor_fix.coder = actor_fix.coder or file_coder
        plan.append((a["id"], uncovered, parsed, codes, done, fixes, actor_fixes))
        aliases += library
    if aliases:
        store.library_actor_fixes()  # readable (a damaged alias table fails before any write)
    # all or nothing: the store checks every tag and text again, then writes one set of files
    totals = store.merge_many(plan)
    if aliases:
        totals["corrections"] = totals.get("corrections", 0) + store.merge_library_actor_fixes(
            [f.to_json() for f in aliases]
        )
    return totals


def _corrections_in(
    a: dict[str, Any],
) -> tuple[list[QuoteCorrection], list[ActorFix], list[ActorFix]]:
    """An exported article's corrections, each checked (:class:`ImportError_` names a bad one)."""
    out: list[list[Any]] = [[], [], []]
    keys = ("corrections", "actor_corrections", "library_actor_corrections")
    for slot, key in enumerate(keys):
        items = a.get(key) or []
        if not isinstance(items, list):
            raise ImportError_(f"article {a['id']}: {key} must be a list")
        for item in items:
            try:
                if slot == 0:
                    out[0].append(correction_from(a["id"], item))
                else:
                    out[slot].append(actor_fix_from(item))
            except CorrectionError as exc:
                raise ImportError_(f"article {a['id']}: {exc}") from None
    return out[0], out[1], out[2]
