"""The importer's public face: bytes in, a clean ParsedArticle (or one-line ImportFailure) out.

Pure: no library, no files written. Dispatches by extension; refuses binaries, empty and huge
files before decoding; every format ends in the same normal form (control characters stripped,
paragraphs separated by one blank line, headings recorded by paragraph index, the title not
repeated at the top of the body). Heavy libraries load only when a format needs them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator

from ..textutil import strip_control
from .decode import decode_bytes
from .meta import detect_lang, parse_date
from .models import ImportFailure, ParsedArticle

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "ImportFailure",
    "ParsedArticle",
    "collect_files",
    "content_key",
    "detect_lang",
    "iter_jsonl",
    "parse_date",
    "parse_document",
]

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
_DOCUMENTS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a binary media file"),
    (b"\x7fELF", "a program binary"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
)
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_FRAGMENT = re.compile(rb"^\s*<[a-z!?]", re.I)
_HTML_CLOSING = re.compile(rb"</(?:p|div|article|section|span|a|h[1-6]|li)>", re.I)


def _looks_like_html(data: bytes) -> bool:
    """Pasted text: a page or a fragment of markup (not prose that mentions a <tag> once)."""
    head = data[:4096]
    if _HTML_SNIFF.search(head):
        return True
    return bool(_HTML_FRAGMENT.match(head)) and len(_HTML_CLOSING.findall(data[:65536])) >= 2


def _check_bytes(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise ImportFailure(
            f"file too large ({len(data) // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)"
        )
    if not data.strip():
        raise ImportFailure("empty file")
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise ImportFailure(f"binary file ({what}), not an article")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _mostly_utf16(data):
        return  # UTF-16 text has NUL bytes by nature
    if b"\x00" in data[:65536]:
        raise ImportFailure("binary file (contains NUL bytes), not an article")


def _mostly_utf16(data: bytes) -> bool:
    from .decode import _looks_utf16

    return _looks_utf16(data) is not None


def _finish(article: ParsedArticle, paragraphs: list[str], headings: list[int]) -> ParsedArticle:
    """Normal form: control chars out, title not repeated first, paragraphs joined by one blank line."""
    cleaned: list[str] = []
    kept_headings: list[int] = []
    heading_set = set(headings)
    for index, paragraph in enumerate(paragraphs):
        text = strip_control(paragraph).replace("\t", " ").replace("\u00ad", "")  # soft hyphens
        text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
        if not text:
            continue
        if index in heading_set:
            kept_headings.append(len(cleaned))
        cleaned.append(text)
    if article.title:
        article.title = " ".join(strip_control(article.title).replace("\u00ad", "").split()) or None
    if article.title and cleaned and _norm(cleaned[0]) == _norm(article.title):
        cleaned.pop(0)
        kept_headings = [h - 1 for h in kept_headings if h > 0]
    if not cleaned:
        raise ImportFailure("no article text found")
    article.text = "\n\n".join(cleaned)
    article.headings = kept_headings
    for attr in ("source", "url"):
        value = getattr(article, attr)
        if value is not None:
            setattr(article, attr, " ".join(strip_control(str(value)).split()) or None)
    if article.lang is None:
        article.lang = detect_lang(article.text)
    return article


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _parse_text(text: str) -> ParsedArticle:
    from .scraped import clean_scraped

    scraped = clean_scraped(strip_control(text))
    article = ParsedArticle(
        text="", title=scraped.title, date=scraped.date, source=scraped.source, format="txt"
    )
    if not scraped.paragraphs:
        raise ImportFailure("no article text found")
    return _finish(article, scraped.paragraphs, scraped.headings)


def _parse_markdown(text: str) -> ParsedArticle:
    from .markdown import markdown_blocks, parse_front_matter

    fields, body = parse_front_matter(strip_control(text))
    paragraphs, headings = markdown_blocks(body)
    title = fields.get("title")
    if not title and paragraphs and len(paragraphs) > 1:
        first = paragraphs[0]
        if (headings and headings[0] == 0) or (
            len(first.split()) <= 15 and first[-1] not in ".,;:"
        ):
            title = first  # a leading "# Headline", or a short first line that reads as one
    tags = fields.get("tags") or fields.get("keywords") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    article = ParsedArticle(
        text="",
        title=str(title) if title else None,
        date=parse_date(str(fields["date"])) if fields.get("date") else None,
        source=str(fields["source"]) if fields.get("source") else None,
        url=str(fields["url"]) if fields.get("url") else None,
        lang=str(fields["lang"]).lower()[:2] if fields.get("lang") else None,
        tags=[str(t) for t in tags if str(t).strip()],
        format="md",
    )
    return _finish(article, paragraphs, headings)


def _parse_html(text: str) -> ParsedArticle:
    from .html import extract_html

    doc = extract_html(text)
    article = ParsedArticle(
        text="",
        title=doc.title,
        date=parse_date(doc.date),
        source=doc.source,
        url=doc.url,
        format="html",
    )
    return _finish(article, doc.paragraphs, doc.headings)


def parse_document(data: bytes, name: str) -> ParsedArticle:
    """One document to a ParsedArticle; ``name`` "-" is pasted text (HTML or plain, sniffed)."""
    if name == "-":
        kind = "html" if _looks_like_html(data) else "txt"
    else:
        ext = os.path.splitext(name)[1].lower()
        if ext == ".jsonl":
            raise ImportFailure("a JSONL corpus holds many articles; import it as a corpus")
        if ext not in _DOCUMENTS:
            raise ImportFailure(
                f"unsupported file type '{ext or name}' (use .txt .md .html .htm .jsonl)"
            )
        kind = _DOCUMENTS[ext]
        if kind == "txt" and _HTML_SNIFF.match(data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")):
            kind = "html"  # a saved page named .txt
        elif kind == "html" and not re.search(rb"<[a-zA-Z!/]", data[:65536]):
            kind = "txt"  # text named .html: no markup at all
    _check_bytes(data)
    text = decode_bytes(data, html=kind == "html")
    if not text.strip():
        raise ImportFailure("empty file")
    try:
        if kind == "html":
            article = _parse_html(text)
        elif kind == "md":
            article = _parse_markdown(text)
        else:
            article = _parse_text(text)
    except ImportFailure:
        raise
    except RecursionError:
        raise ImportFailure("document too deeply nested to read") from None
    if name == "-":
        article.format = "stdin"
    return article


def iter_jsonl(data: bytes, name: str) -> Iterator[tuple[int, ParsedArticle | ImportFailure]]:
    """One article a line; a bad line yields its ImportFailure and the rest goes on."""
    try:
        _check_bytes(data)
        text = decode_bytes(data)
    except ImportFailure as failure:
        yield 0, failure
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, _jsonl_article(line)
        except ImportFailure as failure:
            yield number, failure


def _jsonl_article(line: str) -> ParsedArticle:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        raise ImportFailure("not valid JSON") from None
    if not isinstance(record, dict):
        raise ImportFailure("not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ImportFailure("missing or empty 'text'")
    tags = record.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise ImportFailure("'tags' must be a list of strings")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value is not None and str(value).strip() else None

    lang = optional("lang")
    article = ParsedArticle(
        text="",
        title=optional("title"),
        date=parse_date(optional("date")),
        source=optional("source"),
        url=optional("url"),
        lang=lang.lower() if lang else None,
        tags=[str(t) for t in tags if str(t).strip()],
        format="jsonl",
    )
    paragraphs = re.split(r"\n\s*\n", strip_control(body))
    return _finish(article, paragraphs, [])


def collect_files(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Files to import, expanded from files and folders; (path, reason) for what cannot be."""
    for path in paths:
        if path == "-":
            yield path, None
        elif os.path.isdir(path):
            found = False
            unreadable: list[str] = []
            for root, dirs, files in os.walk(
                path, onerror=lambda err: unreadable.append(err.filename)
            ):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    full = os.path.join(root, file)
                    if file.startswith(".") or not _taken(full):
                        continue
                    found = True
                    yield full, None if os.access(full, os.R_OK) else "permission denied"
            for folder in unreadable:
                yield folder, "cannot read folder (permission denied)"
            if not found and not unreadable:
                yield path, "no articles in folder"
        elif not os.path.exists(path):
            yield path, "no such file or folder"
        elif not os.path.isfile(path):
            yield path, "not a regular file"
        elif not os.access(path, os.R_OK):
            yield path, "permission denied"
        elif os.path.splitext(path)[1].lower() not in SUPPORTED + _ARCHIVE_ONLY:
            ext = os.path.splitext(path)[1].lower()
            yield (
                path,
                f"unsupported file type '{ext or os.path.basename(path)}' (use .txt .md .html .htm .jsonl)",
            )
        else:
            yield path, None


_ARCHIVE_ONLY = (".csv", ".json", ".zip")  # read-it-later exports (archives/), by content


def _taken(path: str) -> bool:
    """Does a folder import take this file? Our suffixes, and .csv/.json/.zip files whose
    content is a read-it-later export (other such files are skipped)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in SUPPORTED:
        return True
    if ext in _ARCHIVE_ONLY:
        from .archives import maybe_archive

        return maybe_archive(path)
    return False


def content_key(text: str) -> str:
    """A key for the same story, whichever format and cleaner it came through: a MinHash
    signature of the normalised body (see dedupe.py). Equal keys are not required for a
    duplicate, nor sufficient: the library compares candidates' bodies before calling one."""
    from .dedupe import content_key as signature_key

    return signature_key(text)
