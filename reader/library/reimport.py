"""Re-import: clean the kept original bytes again, re-analyse, re-anchor the notes.

Why: the cleaner gets better over time; an article imported months ago should profit without
losing its id, its tags, its notes or the user's corrections (``edited`` fields win).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from annotations.corrections import ActorFix, alias_names
from reader.base.errors import ReaderError
from reader.importing.importer import content_key
from reader.importing.models import ParsedArticle, apply_given

from .analysis_pool import (
    InternalError,
    LimitedParser,
    analyse_text,
    parse_in_worker,
    parse_original_in_worker,
)
from .article_index import ArticleIndex, LibraryError
from .batch import fallback_title
from .folders import ArticleFolders
from .models import ArticleMeta

if TYPE_CHECKING:
    from annotations.store import AnnotationStore
    from reader.fetching.http import Fetcher


@dataclass
class ReimportResult:
    id: str
    title: str
    error: str | None = None  # why it could not be re-imported (the old version is kept)
    changed: bool = False  # did the clean text change?
    orphans: int = 0  # notes that could not be placed in the new text


def reparse(
    data: bytes, ext: str, meta: ArticleMeta, parser: LimitedParser | None = None
) -> ParsedArticle:
    """The kept original through the importer again, with the fields known from outside it
    (the URL it was fetched from, its feed entry's title and date) applied again. With a
    ``parser``, the parse runs in a worker under the import's limits (the kept bytes are the
    same untrusted bytes an import parses there)."""
    if meta.format == "stdin":
        job, name = parse_in_worker, "-"
    else:
        job = parse_original_in_worker
        name = meta.file if meta.file.lower().endswith("." + ext) else f"original.{ext}"
    parsed = parser(job, data, name) if parser is not None else job(data, name)
    return apply_given(parsed, meta.given)


def reimport(
    index: ArticleIndex,
    folders: ArticleFolders,
    annotations: AnnotationStore,
    targets: list[str] | None,
    *,
    on_result: Callable[[ReimportResult], None] | None = None,
    refetch: bool = False,
) -> list[ReimportResult]:
    """Re-import ``targets`` (full ids; None: every article); with ``refetch``, fetch each
    page again from its URL first (a partial article gets its page; id, tags, notes stay).
    Each kept original is parsed in a worker under the import's limits."""
    with LimitedParser() as parser:  # the workers stop at the end, or at once on ctrl+c
        return _reimport(index, folders, annotations, targets, on_result, refetch, parser)


def _reimport(
    index: ArticleIndex,
    folders: ArticleFolders,
    annotations: AnnotationStore,
    targets: list[str] | None,
    on_result: Callable[[ReimportResult], None] | None,
    refetch: bool,
    parser: LimitedParser,
) -> list[ReimportResult]:
    aliases = _alias_table(annotations)  # the current coder's library-wide merges
    if targets is None:
        targets = list(index.columns().ids)
    results: list[ReimportResult] = []
    updated: list[tuple[str, dict[str, Any]]] = []  # (id, the fields re-derived from the original)
    fetcher = None
    for article_id in targets:
        meta = index.meta(article_id)
        if meta is None:  # removed meanwhile
            continue
        result = ReimportResult(article_id, meta.title)
        try:
            if refetch:
                fetcher = fetcher or _fetcher()
                data, ext, parsed = _refetch(fetcher, meta, parser)
            else:
                data, ext = folders.original(article_id)
                parsed = reparse(data, ext, meta, parser)
        except (ReaderError, OSError, InternalError) as exc:  # InternalError: a parser's bug
            result.error = str(exc) or type(exc).__name__
            results.append(result)
            if on_result:
                on_result(result)
            continue
        old_text = _old_text(folders, article_id)
        analysed = analyse_text(parsed.text, parsed.lang)
        derived: dict[str, Any] = {
            "title": fallback_title(parsed, meta.file),
            "date": parsed.date,
            "source": parsed.source,
            "url": parsed.url,
            "lang": analysed.lang,
            "content_key": content_key(parsed.text),
            "words": len(parsed.text.split()),
            "import_tags": list(dict.fromkeys(parsed.tags)),
            "quotes": analysed.quotes,
            "actors": alias_names(analysed.actors, aliases),  # library-wide merges apply
        }
        if refetch:
            from .ids import sha256_hex

            derived.update(
                sha256=sha256_hex(data),
                format=parsed.format,
                partial=False,
                given=dict(parsed.given),
            )
        fresh = replace(replace(meta, **derived), **meta.edited)  # the user's corrections win
        folders.write(article_id, data, ext, parsed.text, analysed.cache, fresh=False)
        if refetch:  # the page may be of another kind than what was kept before
            for stale in folders.path(article_id).glob("original.*"):
                if stale.name != f"original.{ext}":
                    stale.unlink(missing_ok=True)
        notes = annotations.reanchor(article_id, parsed.text)
        if fresh.import_tags:
            annotations.tag_article(article_id, fresh.import_tags)
        result.title = fresh.title
        result.changed = old_text != parsed.text
        result.orphans = sum(1 for n in notes or [] if n.orphan)
        updated.append((article_id, derived))
        results.append(result)
        if on_result:
            on_result(result)
    if fetcher is not None:
        fetcher.close()
    if not updated:
        return results
    with index.transaction() as txn:
        for article_id, derived in updated:  # applied to the row as it is then: not
            # removed meanwhile, the user's corrections (made meanwhile too) kept
            txn.update(article_id, keep_edited=True, **derived)
    return results


def _alias_table(annotations: AnnotationStore) -> dict[str, ActorFix]:
    try:
        return annotations.library_actor_fixes()
    except Exception:  # noqa: BLE001 - a damaged alias table must not stop a reimport
        return {}


def _fetcher() -> Fetcher:
    from reader.fetching.http import Fetcher

    return Fetcher()


def _refetch(
    fetcher: Fetcher, meta: ArticleMeta, parser: LimitedParser
) -> tuple[bytes, str, ParsedArticle]:
    """The article's page, fetched again from its URL and read by the importer in a parse
    worker, under the same limits as a file's parse."""
    from reader.importing.formats import original_extension

    from .fetched import parse_fetched

    url = meta.given.get("url") or meta.url
    if not url:
        raise LibraryError("no URL to fetch it from")
    response = fetcher.fetch(url)
    given = {k: v for k, v in meta.given.items() if k != "url"}
    parsed, data = parser(parse_fetched, response, {**given, "url": response.url})
    return data, original_extension(parsed.format), parsed


def _old_text(folders: ArticleFolders, article_id: str) -> str | None:
    try:
        return folders.text(article_id)
    except LibraryError:
        return None
