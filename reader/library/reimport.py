"""Re-import: clean the kept original bytes again, re-analyse, re-anchor the notes.

Why: the cleaner gets better over time; an article imported months ago should profit without
losing its id, its tags, its notes or the user's corrections (``edited`` fields win).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.base.errors import ReaderError
from reader.importing.models import ImportFailure, ParsedArticle, apply_given

from .article_index import LibraryError
from .models import ArticleMeta

if TYPE_CHECKING:
    from .store import Library


@dataclass
class ReimportResult:
    id: str
    title: str
    error: str | None = None  # why it could not be re-imported (the old version is kept)
    changed: bool = False  # did the clean text change?
    orphans: int = 0  # notes that could not be placed in the new text


def reparse(data: bytes, ext: str, meta: ArticleMeta) -> ParsedArticle:
    """The kept original through the importer again, with the fields known from outside it
    (the URL it was fetched from, its feed entry's title and date) applied again."""
    return apply_given(_parse_original(data, ext, meta), meta.given)


def _parse_original(data: bytes, ext: str, meta: ArticleMeta) -> ParsedArticle:
    from reader.importing.importer import iter_jsonl, parse_document

    if ext == "jsonl":
        for _line, item in iter_jsonl(data, meta.file):
            if isinstance(item, ImportFailure):
                raise item
            return item
        raise ImportFailure("the kept line is empty")
    if meta.format == "stdin":
        return parse_document(data, "-")
    name = meta.file if meta.file.lower().endswith("." + ext) else f"original.{ext}"
    return parse_document(data, name)


def reimport(
    library: Library,
    ids: Iterable[str] | None,
    *,
    on_result: Callable[[ReimportResult], None] | None = None,
    refetch: bool = False,
) -> list[ReimportResult]:
    """Re-clean each article; with ``refetch``, fetch its page again from its URL first (a
    partial article gets its page; the id, tags and notes stay)."""
    from .analysis_pool import analyse_text
    from .batch import write_article_files

    rows = library.index.rows()
    targets = [library.resolve(i) for i in ids] if ids else list(rows)
    results: list[ReimportResult] = []
    updated: list[ArticleMeta] = []
    fetcher = None
    for article_id in targets:
        meta = rows[article_id]
        result = ReimportResult(article_id, meta.title)
        try:
            if refetch:
                fetcher = fetcher or _fetcher()
                data, ext, parsed = _refetch(fetcher, meta)
            else:
                data, ext = library.original(article_id)
                parsed = reparse(data, ext, meta)
        except (ReaderError, OSError) as exc:
            result.error = str(exc) or type(exc).__name__
            results.append(result)
            if on_result:
                on_result(result)
            continue
        from reader.importing.importer import content_key

        from .batch import fallback_title

        old_text = _old_text(library, article_id)
        analysed = analyse_text(parsed.text, parsed.lang)
        fresh = replace(
            meta,
            title=fallback_title(parsed, meta.file),
            date=parsed.date,
            source=parsed.source,
            url=parsed.url,
            lang=analysed.lang,
            content_key=content_key(parsed.text),
            words=len(parsed.text.split()),
            import_tags=list(dict.fromkeys(parsed.tags)),
            quotes=analysed.quotes,
            actors=analysed.actors,
        )
        if refetch:
            from .batch import sha256_hex

            fresh = replace(
                fresh,
                sha256=sha256_hex(data),
                format=parsed.format,
                partial=False,
                given=dict(parsed.given),
            )
        fresh = replace(fresh, **meta.edited)  # the user's corrections win
        write_article_files(
            library.article_dir(article_id), data, ext, parsed.text, analysed.cache, fresh=False
        )
        if refetch:  # the page may be of another kind than what was kept before
            for stale in library.article_dir(article_id).glob("original.*"):
                if stale.name != f"original.{ext}":
                    stale.unlink(missing_ok=True)
        notes = library.annotations.reanchor(article_id, parsed.text)
        if fresh.import_tags:
            library.annotations.tag_article(article_id, fresh.import_tags)
        result.title = fresh.title
        result.changed = old_text != parsed.text
        result.orphans = sum(1 for n in notes or [] if n.orphan)
        updated.append(fresh)
        results.append(result)
        if on_result:
            on_result(result)
    if fetcher is not None:
        fetcher.close()
    if not updated:
        return results
    with library.index.transaction() as txn:
        for meta in updated:
            if meta.id in txn.metas:  # not removed meanwhile
                txn.put(meta)
    return results


def _fetcher():
    from reader.fetching.http import Fetcher

    return Fetcher()


def _refetch(fetcher, meta: ArticleMeta) -> tuple[bytes, str, ParsedArticle]:
    """The article's page, fetched again from its URL and read by the importer."""
    from .batch import original_extension
    from .fetched import parse_page

    url = meta.given.get("url") or meta.url
    if not url:
        raise LibraryError("no URL to fetch it from")
    response = fetcher.fetch(url)
    given = {k: v for k, v in meta.given.items() if k != "url"}
    parsed, data = parse_page(response, {**given, "url": response.url})
    return data, original_extension(parsed.format), parsed


def _old_text(library: Library, article_id: str) -> str | None:
    try:
        return library.text(article_id)
    except LibraryError:
        return None
