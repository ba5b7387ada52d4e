"""The article library: an index of articles (TinyDB), original bytes and clean text on disk.

Layout under the library dir::

    articles.json                       the index (see article_index.py), locked, atomic
    articles.journal                    the index's changes since (journal.py), appended
    articles/<id[:2]>/<id>/original.EXT the bytes as imported (kept so reimport can re-clean)
    articles/<id[:2]>/<id>/text.txt     the clean body
    articles/<id[:2]>/<id>/analysis.json cached analysis (checked against text.txt before use)
    annotations/                        tags, notes, reading state (annotations.store)

Derived caches (the index snapshot ``articles.cache``, the lookup ``lookup.sqlite``, the
annotation summaries
``summary.cache`` and ``notes-*.cache``) live in ``reader.paths.cache_dir(root)``, outside the
library, so a backup of the folder holds only the user's data.

Ids are the first 8 hex digits of the SHA-256 of the original bytes (more where needed to be
unique), so an article keeps its id, and its notes, across re-imports.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.base.atomic import atomic_write_bytes
from reader.importing.models import ParsedArticle

from .article_index import EDITABLE, ArticleIndex, LibraryError
from .folders import ArticleFolders
from .ids import ID_LENGTH, unique_id
from .index_columns import ArticleColumns, ArticleRow
from .models import ArticleMeta, ImportOutcome, ImportStatus

if TYPE_CHECKING:
    from annotations.store import AnnotationStore
    from reader.analysis.models import Analysis

    from .analysis_pool import AnalysisPool
    from .journal import Entry, State
    from .reimport import ReimportResult
    from .search_index import SearchIndex

__all__ = ["ID_LENGTH", "Library", "LibraryError", "SearchHit", "tag_matches", "unique_id"]


def tag_matches(tag: str, wanted: str) -> bool:
    """Tags compare without case; a parent (``frame``) finds its children (``frame/conflict``)."""
    t, w = tag.casefold(), wanted.casefold().strip("/")
    return t == w or t.startswith(w + "/")


@dataclass
class SearchHit:
    article: ArticleMeta
    lines: list[tuple[int, str]]  # (paragraph index, paragraph text) that hold a query word
    score: float = 0.0  # BM25 (higher is better); 0 for the slow scan without FTS5
    snippet: str = ""  # one line around the best paragraph's first match
    marks: list[tuple[int, int]] = field(default_factory=list)  # matches in the snippet


class Library:
    def __init__(self, root: Path, *, create: bool = False) -> None:
        from reader.paths import cache_dir

        self.root = Path(root)
        self.cache_dir = cache_dir(self.root)
        if create:
            self.root.mkdir(parents=True, exist_ok=True)
            remove_old_caches(self.root)
        self.index = ArticleIndex(self.root / "articles.json", self.cache_dir / "articles.cache")
        self.folders = ArticleFolders(self.root)
        self._annotations: AnnotationStore | None = None
        self._search: SearchIndex | None = None
        self.index.followers.append(self._follow_writes)
        # The TUI sets this: a full id is looked up in the index columns it holds (a scan of
        # the id column) rather than in the lookup database, whose first build after a change
        # is minutes at 1,000,000 articles (an id prefix still goes through the lookup).
        self.ids_from_columns = False

    @property
    def search_index(self) -> SearchIndex:
        """The full-text index (search_index.py), opened on first use."""
        if self._search is None:
            from .search_index import FOLDER, SearchIndex

            self._search = SearchIndex(self, self.cache_dir / FOLDER)
        return self._search

    def _follow_writes(self, entries: list[Entry], before: State, after: State) -> None:
        if self._search is not None or (self.cache_dir / "search.tantivy").exists():
            self.search_index.apply(entries, before, after)

    @property
    def annotations(self) -> AnnotationStore:
        """The notes, tags and reading state (opened on first use: costs nothing to open)."""
        if self._annotations is None:
            from annotations.store import AnnotationStore

            from .settings import configured_coder

            store = AnnotationStore(self.root / "annotations", cache_dir=self.cache_dir)
            store.coder = configured_coder(self.root) or ""  # "": the system user name
            store.codebook_version = self.codebook_version
            self._annotations = store
        return self._annotations

    # the study's codebook (issue 17) ---------------------------------------------------------
    def codebook_path(self) -> Path:
        return self.root / "codebook.toml"

    def codebook(self) -> Any:
        """The library's codebook (``annotations.codebook.Codebook``), or None; read again only
        when the file changed. A damaged file raises ``CodebookError`` naming it."""
        from annotations.codebook import load

        path = self.codebook_path()
        try:
            st = path.stat()
            stamp: tuple[int, ...] | None = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            stamp = None
        cached = getattr(self, "_codebook", None)
        if cached is None or cached[0] != stamp:
            cached = (stamp, load(path) if stamp is not None else None)
            self._codebook = cached
        return cached[1]

    def codebook_version(self) -> Any:
        """The version recorded with each code (None: no codebook, or one that can't be read)."""
        from annotations.codebook import CodebookError

        try:
            book = self.codebook()
        except CodebookError:
            return None
        return book.version if book is not None else None

    def exists(self) -> bool:
        """Does the folder hold reader data (an index, article folders or annotations)?"""
        names = ("articles.json", "articles", "annotations")
        return any((self.root / name).exists() for name in names)

    # files of one article -------------------------------------------------------------------
    def article_dir(self, article_id: str) -> Path:
        return self.folders.path(article_id)

    def text(self, article_id: str) -> str:
        return self.folders.text(article_id)

    def original(self, article_id: str) -> tuple[bytes, str]:
        """The bytes as imported and their extension."""
        return self.folders.original(article_id)

    def analysis(self, article_id: str, meta: ArticleMeta | None = None) -> Analysis:
        """The cached analysis if it was made from the text as it is now and is intact;
        else computed now and cached again (with the language of ``meta``, the article's row,
        looked up by id when not given)."""
        # lazy: listing the library must not load the analysis engine
        from .analysis_cache import (
            analysis_from_json,
            analysis_to_json,
            is_compact,
            sealed_cache,
            unsealed_cache,
        )

        folder = self.article_dir(article_id)
        try:
            text = (folder / "text.txt").read_bytes()
        except OSError:
            text = None  # self.text() below names the problem
        if text is not None:
            try:
                data = (folder / "analysis.json").read_bytes()
                found = unsealed_cache(data, text)
                if found is not None:
                    analysis = analysis_from_json(found)
                    if not is_compact(data):  # the earlier form: rewritten compact, once
                        with contextlib.suppress(OSError):
                            cache = sealed_cache(found, text)
                            atomic_write_bytes(folder / "analysis.json", cache, durable=False)
                    return analysis
            except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
                pass
        if meta is None or meta.id != article_id:
            meta = self.get(article_id)
        from reader.analysis import analyze

        body = self.text(meta.id)
        result = analyze(body, meta.lang)
        try:
            cache = sealed_cache(analysis_to_json(result), body.encode("utf-8"))
            atomic_write_bytes(folder / "analysis.json", cache, durable=False)
        except OSError:
            pass  # a read-only library still shows the article, analysed each time
        return result

    # the index -------------------------------------------------------------------------------
    def ids(self) -> list[str]:
        """Every article id, newest first."""
        return list(self.index.columns().ids)

    def _column_row(self, wanted: str) -> ArticleMeta | None:
        """With ``ids_from_columns``: the row of the article whose id is ``wanted`` from the
        index columns, if they need no long read; else None (a prefix, an unknown id: the
        lookup answers)."""
        if not self.ids_from_columns or len(wanted) < ID_LENGTH or not _is_hex(wanted):
            return None
        columns = self.index.quick_columns()
        at = columns.find(wanted) if columns is not None else None
        return columns.meta(at) if columns is not None and at is not None else None

    def resolve(self, prefix: str) -> str:
        """The full id for a unique prefix; LibraryError for unknown or ambiguous ones."""
        wanted = prefix.strip().lower()
        if not _is_hex(wanted):
            raise LibraryError(f"no article with id {prefix}")
        if self._column_row(wanted) is not None:
            return wanted
        if self.index.has(wanted):
            return wanted
        found = self.index.with_prefix(wanted, limit=11)
        if not found:
            raise LibraryError(f"no article with id {prefix}")
        if len(found) > 1:
            shown = ", ".join(found[:10]) + (" ..." if len(found) > 10 else "")
            raise LibraryError(f"ambiguous id {prefix}: matches {shown}")
        return found[0]

    def get(self, prefix: str) -> ArticleMeta:
        found = self._column_row(prefix.strip().lower())
        if found is not None:
            return found
        full = self.resolve(prefix)
        meta = self.index.meta(full, synced=True)
        if meta is None:  # removed meanwhile
            raise LibraryError(f"no article with id {prefix}")
        return meta

    def articles(self, tag: str | None = None) -> list[ArticleRow]:
        """Newest first: by date, then by when it was added (undated articles last). The rows
        are read-only views with the attributes of ArticleMeta (``.to_meta()`` gives one)."""
        columns = self.index.columns()
        view = columns.view
        if tag is None:
            return [view(i) for i in range(len(columns))]
        tagged = self.tagged_ids(tag)
        return [view(i) for i, article_id in enumerate(columns.ids) if article_id in tagged]

    def iter_articles(self, tag: str | None = None) -> Iterator[ArticleRow]:
        """Like articles(), one row at a time (for streams: no list of 1,000,000 rows)."""
        columns = self.index.columns()
        tagged = self.tagged_ids(tag) if tag is not None else None
        view = columns.view
        for i, article_id in enumerate(columns.ids):
            if tagged is None or article_id in tagged:
                yield view(i)

    def article_columns(self) -> ArticleColumns:
        """The index as columns, newest first: for lists of 100,000 rows (see index_columns)."""
        return self.index.columns()

    def tagged_ids(self, tag: str) -> set[str]:
        """Articles carrying ``tag`` (or a child of it)."""
        return {
            article
            for article, summary in self.annotations.summaries().items()
            if any(tag_matches(t, tag) for t in summary.tags)
        }

    # adding ----------------------------------------------------------------------------------
    def add(
        self, parsed: ParsedArticle, original: bytes, name: str
    ) -> tuple[ImportStatus, ArticleMeta]:
        """Store one article. Returns ("imported"|"duplicate", meta); LibraryError if its files
        cannot be written."""
        [outcome] = self.add_many([(parsed, original, name)])
        if outcome.meta is None:
            raise LibraryError(f"{name}: {outcome.reason}")
        return outcome.status, outcome.meta

    def add_many(
        self,
        items: Iterable[tuple[ParsedArticle, bytes, str]],
        *,
        on_result: Callable[[ImportOutcome], None] | None = None,
        batch_seconds: float = 2.0,
        pool: AnalysisPool | None = None,
        keep: bool = True,
    ) -> list[ImportOutcome]:
        """Store many articles, writing the index once per batch (every ``batch_seconds``).

        Returns and reports an ImportOutcome per article ("imported" or "duplicate" with its
        meta; "error" with the reason when its files cannot be written) in input order, each
        once its batch is committed. If the loop is interrupted (ctrl+c), what was fully written is
        committed before the interrupt goes on: never a row without its files.
        """
        from .batch import ImportBatch  # lazy: reading the library never loads the importer

        batch = ImportBatch(
            self.index,
            self.folders,
            self.annotations,
            on_result=on_result,
            batch_seconds=batch_seconds,
            pool=pool,
        )
        finished = False
        try:
            for parsed, original, name in items:
                batch.add(parsed, original, name)
                if not keep:
                    batch.results.clear()  # reported through on_result: memory stays flat
            finished = True
        finally:
            batch.close(finish=finished)
        if batch.tag_errors:
            raise LibraryError(
                f"{len(batch.tag_errors)} articles imported without their tags: "
                f"{batch.tag_errors[0]}"
            )
        return batch.results

    # changing --------------------------------------------------------------------------------
    def remove(self, ids: Iterable[str], *, with_notes: bool = False) -> list[str]:
        """Remove articles; their notes stay as orphans unless ``with_notes``."""
        wanted = [self.resolve(i) for i in ids]
        with self.index.transaction() as txn:
            for article_id in wanted:
                txn.delete(article_id)
        store = self.annotations
        for article_id in wanted:
            shutil.rmtree(self.article_dir(article_id), ignore_errors=True)
            if with_notes:
                store.delete_article(article_id)  # its notes, tags and reading state
            else:
                store.mark_orphans(article_id)
        return wanted

    def edit(self, article_id: str, **changes: str | None) -> ArticleMeta:
        """Correct title, date or source; corrections are remembered and survive reimport."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise LibraryError(f"cannot edit {', '.join(sorted(unknown))}")
        clean = {k: _clean_field(k, v) for k, v in changes.items() if v is not None}
        full = self.resolve(article_id)
        with self.index.transaction() as txn:
            meta = txn.edit(full, **clean) if clean else txn.get(full)
            if meta is None:
                raise LibraryError(f"no article with id {article_id}")
        return meta

    def reimport(
        self,
        ids: Iterable[str] | None = None,
        *,
        on_result: Callable[[ReimportResult], None] | None = None,
        refetch: bool = False,
    ) -> list[ReimportResult]:
        """Re-clean the kept original bytes and re-anchor notes (see reimport.py); no ``ids``:
        every article; ``refetch``: fetch the pages again from their URLs first."""
        from .reimport import reimport  # lazy: reading the library never loads the importer

        targets = [self.resolve(i) for i in ids] if ids else None
        return reimport(
            self.index,
            self.folders,
            self.annotations,
            targets,
            on_result=on_result,
            refetch=refetch,
        )

    def reanalyze(
        self,
        ids: Iterable[str] | None = None,
        *,
        force: bool = False,
        on_result: Callable[[Any], None] | None = None,
    ) -> list[Any]:
        """Re-analyse articles whose cached analysis is not current (``ids``: those; ``force``:
        all); see reanalyze.py. Corrections are re-applied when the analysis is read."""
        from .reanalyze import reanalyze

        targets = [self.resolve(i) for i in ids] if ids else None
        aliases = self.annotations.library_actor_fixes()
        return reanalyze(
            self.index, self.folders, targets, force=force, aliases=aliases, on_result=on_result
        )

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Articles matching ``query`` (search_query.py), best first (BM25)."""
        return list(self.search_hits(query, limit))

    def search_hits(
        self, query: str, limit: int | None = None, offset: int = 0
    ) -> Iterator[SearchHit]:
        """Like search(), one hit at a time (each reads its article's text for the snippet);
        ``offset``: skip that many of the best (the next page)."""
        from .search_index import SearchUnavailable, paragraph_matches, snippet
        from .search_query import parse

        parsed = parse(query)
        if not parsed.terms and not (parsed.lang or parsed.date_from or parsed.date_to):
            return
        try:
            hits = iter(self.search_index.search(parsed, limit, offset))
            first = next(hits, None)
        except SearchUnavailable:
            scan = self.scan_search(query, None if limit is None else limit + offset)
            yield from itertools.islice(scan, offset, None)
            return
        if first is None:
            return
        words = parsed.highlight_words()  # once: the stems cost a millisecond
        for hit in itertools.chain([first], hits):
            meta = self.index.meta(hit.id, synced=True)
            if meta is None:
                continue
            try:
                body = self.text(meta.id)
            except LibraryError:
                body = ""
            found = paragraph_matches(body, words)
            lines = [(n, p) for n, p, matches in found if matches]
            shown, marks, _ = snippet(body, parsed, found=found)
            yield SearchHit(meta, lines, hit.score, shown, marks)

    def scan_search(self, query: str, limit: int | None = None) -> Iterator[SearchHit]:
        """Without FTS5: articles whose title or body holds every word (reads every text)."""
        words = [w.casefold() for w in query.split()]
        if not words:
            return
        found = 0
        for meta in self.articles():
            try:
                body = self.text(meta.id)
            except LibraryError:
                continue
            folded = (meta.title + "\n" + body).casefold()
            if not all(w in folded for w in words):
                continue
            lines = [
                (n, para)
                for n, para in enumerate(body.split("\n\n"))
                if any(w in para.casefold() for w in words)
            ]
            yield SearchHit(meta.to_meta(), lines, 0.0, lines[0][1] if lines else "", [])
            found += 1
            if limit is not None and found >= limit:
                break


def old_caches(root: Path) -> list[Path]:
    """Caches earlier versions kept inside the library folder (now in the cache folder)."""
    found = [root / "articles.cache", root / "annotations" / "summary.cache"]
    found += sorted((root / "annotations").glob("notes-*.cache"))
    return [path for path in found if path.is_file()]


def remove_old_caches(root: Path) -> list[Path]:
    """Delete them (derived data: nothing is lost); best effort, returns what was removed."""
    removed = []
    for path in old_caches(root):
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdef" for c in text)


def _clean_field(name: str, value: str) -> str | None:
    from reader.textutil import strip_control

    value = " ".join(strip_control(value).split())
    if name == "title":
        if not value:
            raise LibraryError("the title cannot be empty")
        return value
    if not value:
        return None
    if name == "date":
        from reader.importing.importer import parse_date

        parsed = parse_date(value)
        if parsed is None:
            raise LibraryError(f"not a date: {value}")
        return parsed
    return value
