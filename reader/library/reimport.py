"""Re-import: clean the kept original bytes again, re-analyse, re-anchor the notes.

Why: the cleaner gets better over time; an article imported months ago should profit without
losing its id, its tags, its notes or the user's corrections (``edited`` fields win).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reader.importing.importer import content_key, parse_document, parse_original
from reader.importing.models import ImportFailure, ParsedArticle

from .analysis_pool import analyse_text
from .article_index import ArticleIndex, LibraryError
from .batch import fallback_title
from .folders import ArticleFolders
from .models import ArticleMeta

if TYPE_CHECKING:
    from annotations.store import AnnotationStore


@dataclass
class ReimportResult:
    id: str
    title: str
    error: str | None = None  # why it could not be re-imported (the old version is kept)
    changed: bool = False  # did the clean text change?
    orphans: int = 0  # notes that could not be placed in the new text


def reparse(data: bytes, ext: str, meta: ArticleMeta) -> ParsedArticle:
    if meta.format == "stdin":
        return parse_document(data, "-")
    name = meta.file if meta.file.lower().endswith("." + ext) else f"original.{ext}"
    return parse_original(data, name)


def reimport(
    index: ArticleIndex,
    folders: ArticleFolders,
    annotations: AnnotationStore,
    targets: list[str] | None,
    *,
    on_result: Callable[[ReimportResult], None] | None = None,
) -> list[ReimportResult]:
    """Re-import ``targets`` (full ids; None: every article)."""
    if targets is None:
        targets = list(index.columns().ids)
    results: list[ReimportResult] = []
    updated: list[tuple[str, dict[str, Any]]] = []  # (id, the fields re-derived from the original)
    for article_id in targets:
        meta = index.meta(article_id)
        if meta is None:  # removed meanwhile
            continue
        result = ReimportResult(article_id, meta.title)
        try:
            data, ext = folders.original(article_id)
            parsed = reparse(data, ext, meta)
        except (ImportFailure, LibraryError, OSError) as exc:
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
            "actors": analysed.actors,
        }
        fresh = replace(replace(meta, **derived), **meta.edited)  # the user's corrections win
        folders.write(article_id, data, ext, parsed.text, analysed.cache, fresh=False)
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
    if not updated:
        return results
    with index.transaction() as txn:
        for article_id, derived in updated:  # applied to the row as it is then: not
            # removed meanwhile, the user's corrections (made meanwhile too) kept
            txn.update(article_id, keep_edited=True, **derived)
    return results


def _old_text(folders: ArticleFolders, article_id: str) -> str | None:
    try:
        return folders.text(article_id)
    except LibraryError:
        return None
