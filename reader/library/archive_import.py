"""Read-it-later exports into the library: each saved item becomes an article through the
normal importer, its highlights passage notes.

An item with saved text (wallabag's HTML, Omnivore's Markdown) is that text, read by the
importer as its kind. An item with a URL only (Pocket, Instapaper) is fetched when asked
(``--fetch``: politely, a few ahead) and else kept *partial*: title, URL, tags and date, with
the export's excerpt or the highlighted passages as its text. Fields the export knows (URL,
title, date, tags) are kept in ``given`` so a reimport applies them again.

Highlights are added as notes once the article is committed, each anchored where its quote is
found in the text (whitespace may differ); a quote not found (or found twice) is kept as a note
without a passage, quoting it, so nothing the user marked is lost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeAlias

from reader.importing.archives import ArchiveItem, Highlight
from reader.importing.models import ImportFailure, ParsedArticle, apply_given

if TYPE_CHECKING:
    from annotations.models import Note
    from annotations.store import AnnotationStore
    from reader.fetching.http import Fetcher, Response
    from reader.importing.formats import ImportFormat

    from .analysis_pool import AnalysisPool
    from .models import ArticleMeta
    from .store import Library

Item = ArchiveItem | ImportFailure
Answer: TypeAlias = "Future[Response] | None"

AHEAD = 16  # pages fetched ahead of the item being imported


class ArchiveImport:
    """One import run's archive items; ``highlights`` waits for ``imported`` results."""

    def __init__(self, *, fetch: bool) -> None:
        self.fetch = fetch
        self.fetcher: Fetcher | None = None
        self.highlights: dict[str, list[Highlight]] = {}
        self.note_errors: list[tuple[str, str]] = []  # (article id, why)
        self.pool: AnalysisPool | None = None

    def items(
        self,
        fmt: ImportFormat,
        data: bytes,
        name: str,
        error: Callable[[str, str], None],
        pool: AnalysisPool | None = None,
    ) -> Iterator[tuple[ParsedArticle, bytes, str]]:
        """The articles of the export ``fmt`` (an export of the format registry) in ``data``;
        with ``pool``, each saved text and fetched page is parsed in a worker under the same
        limits as a file."""
        assert fmt.read_items is not None
        self.pool = pool
        try:
            for item, answer in self._ahead(fmt.read_items(data)):
                if isinstance(item, ImportFailure):
                    error(name, str(item))
                    continue
                where = f"{name}:{item.number}"
                built = self._article(item, answer, where, error)
                if built is None:
                    continue
                if item.highlights:
                    self.highlights[where] = item.highlights
                yield built[0], built[1], where
        except ImportFailure as exc:  # the export as a whole
            error(name, str(exc) or "cannot be read")

    def _ahead(self, items: Iterable[Item]) -> Iterator[tuple[Item, Answer]]:
        window: deque[tuple[Item, Answer]] = deque()
        for item in items:
            answer: Answer = None
            if self.fetch and isinstance(item, ArchiveItem) and item.content is None and item.url:
                answer = self._fetcher().submit(item.url)
            window.append((item, answer))
            if len(window) >= AHEAD:
                yield window.popleft()
        while window:
            yield window.popleft()

    def _fetcher(self) -> Fetcher:
        if self.fetcher is None:
            from reader.fetching.http import Fetcher

            self.fetcher = Fetcher()
        return self.fetcher

    def _article(
        self, item: ArchiveItem, answer: Answer, where: str, error: Callable[[str, str], None]
    ) -> tuple[ParsedArticle, bytes] | None:
        from reader.base.errors import ReaderError

        from .analysis_pool import InternalError
        from .fetched import parse_partial, partial_record

        given: dict[str, Any] = {"url": item.url, "title": item.title, "date": item.date}
        if item.tags:
            given["tags"] = list(item.tags)
        given = {k: v for k, v in given.items() if v}
        if item.content is not None:
            try:
                parsed = self._parse(_parse_saved, item.content, f"item.{item.content_kind}")
                return apply_given(parsed, given), item.content
            except (ReaderError, InternalError) as exc:  # ImportFailure, a limit, a bug
                error(where, f"saved text unreadable ({exc}); kept as title and link")
        elif answer is not None:
            from reader.fetching.http import FetchError

            try:
                response = answer.result()
                page: tuple[ParsedArticle, bytes] = self._parse(
                    _parse_page, response, {**given, "url": response.url}
                )
                return page
            except FetchError as exc:
                error(exc.url, exc.reason)
            except (ReaderError, InternalError) as exc:  # ImportFailure, a limit, a bug
                error(item.url or where, str(exc))
        summary = item.excerpt or "\n\n".join(h.quote for h in item.highlights) or None
        record = partial_record(
            url=item.url, title=item.title, date=item.date, summary=summary, tags=item.tags
        )
        try:
            return parse_partial(record, where, given), record
        except ImportFailure as exc:
            error(where, str(exc))
            return None

    def _parse(self, job: Callable[..., Any], *args: Any) -> Any:
        """``job(*args)`` in a parse worker under the limits (waited for in short steps, so
        ctrl+c is answered at once), or here when there is no pool."""
        if self.pool is None:
            return job(*args)
        from .analysis_pool import answer_of

        return answer_of(self.pool.limited(job, *args))

    def imported(self, library: Library, name: str, meta: ArticleMeta) -> None:
        """After the commit: the item's highlights as notes on its article."""
        marks = self.highlights.pop(name, None)
        if not marks:
            return
        try:
            add_highlights(library.annotations, meta.id, library.text(meta.id), marks)
        except Exception as exc:  # noqa: BLE001 - the article is in; say what is missing
            self.note_errors.append((meta.id, f"highlights not saved ({exc})"))

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close(cancel=True)


def add_highlights(
    store: AnnotationStore, article_id: str, text: str, marks: list[Highlight]
) -> list[Note]:
    from annotations.anchors import PassageError, find_passage, make_anchor

    notes = []
    for mark in marks:
        try:
            start, end = find_passage(text, mark.quote)
        except PassageError:
            quoted = f"“{mark.quote}”" + (f"\n\n{mark.note}" if mark.note else "")
            notes.append(store.add_note(article_id, quoted))
            continue
        notes.append(store.add_note(article_id, mark.note, passage=make_anchor(text, start, end)))
    return notes


def _parse_saved(data: bytes, name: str) -> ParsedArticle:
    """An item's saved text (HTML, Markdown) through the importer (a parse worker's job)."""
    from reader.importing.importer import parse_document

    from .fetched import guarded

    parsed: ParsedArticle = guarded(parse_document, data, name)
    return parsed


def _parse_page(response: Response, given: dict[str, Any]) -> tuple[ParsedArticle, bytes]:
    """A fetched page through the importer (a parse worker's job)."""
    from .fetched import guarded, parse_page

    page: tuple[ParsedArticle, bytes] = guarded(parse_page, response, given)
    return page
