"""The subscription list (``feeds.json`` in the library): feeds, their tags, what was seen.

One TinyDB file, read and written whole through the atomic storage of :mod:`annotations.storage`
(temp file, fsync, rename; corruption detected and backed up) and changed only under its writer
lock, each change re-read and merged there, so a TUI and a CLI updating at once lose nothing.
Layout: table ``feeds`` keyed by feed id (like the article index, keyed by id), ``_schema``.

Per feed: its URL, title (from the feed), tags (given to every article it brings), the HTTP
validators of its last answer (ETag, Last-Modified) for conditional GET, the outcome of its last
update, and ``seen``: every entry key ever taken from it with the article it became (``""`` when
it became none). An entry in ``seen`` is never fetched again, wherever the feed moves it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.base.errors import ReaderError

FILE = "feeds.json"
TABLE = "feeds"
SCHEMA_VERSION = 1
ID_LENGTH = 8


class FeedStoreError(ReaderError):
    """Unknown or ambiguous feed, a bad URL or tag, a damaged feeds.json (one line)."""


@dataclass
class Feed:
    id: str
    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    added: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_update: str | None = None  # ISO time of the last update that reached it (or tried)
    last_status: str | None = None  # "ok" | "not modified" | "error"; None: never updated
    error: str | None = None  # why the last update failed
    seen: dict[str, str] = field(default_factory=dict)  # entry key -> article id ("" = none)

    def row(self) -> dict[str, Any]:
        """The stored row: the feed's own values, not copies (``seen`` can hold many
        thousands of entries; a row is written or compared at once, never kept)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "id"}

    @classmethod
    def from_row(cls, feed_id: str, row: dict[str, Any]) -> Feed:
        known = set(cls.__dataclass_fields__) - {"id"}
        values = {k: v for k, v in row.items() if k in known}
        if not isinstance(values.get("url"), str):
            raise FeedStoreError(f"feed {feed_id}: damaged entry in {FILE} (no URL)")
        values["tags"] = [str(t) for t in values.get("tags") or []]
        seen = values.get("seen") or {}
        if not isinstance(seen, dict) or not all(
            type(k) is str and type(v) is str for k, v in seen.items()
        ):  # as read it is kept, not copied: a feed can have seen many thousands of entries
            seen = {str(k): str(v) for k, v in dict(seen).items()}
        values["seen"] = seen
        return cls(id=feed_id, **values)


class FeedStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / FILE

    # reading --------------------------------------------------------------------------------
    def feeds(self) -> list[Feed]:
        """Every feed, in the order they were added."""
        from annotations.storage import AtomicJSONStorage, StorageError

        try:
            data = AtomicJSONStorage(self.path).read()
        except StorageError as exc:
            raise FeedStoreError(str(exc)) from None
        return _feeds_in(data)

    def resolve(self, wanted: str) -> Feed:
        """A feed by its id, a unique prefix of it, or its URL."""
        text = wanted.strip()
        feeds = self.feeds()
        for feed in feeds:
            if feed.id == text.lower() or feed.url == text:
                return feed
        found = [f for f in feeds if text and f.id.startswith(text.lower())]
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(sorted(f.id for f in found)[:10])
            raise FeedStoreError(f"ambiguous feed {wanted}: matches {names}")
        raise FeedStoreError(f"no feed {wanted} (see: reader feed list)")

    # changing -------------------------------------------------------------------------------
    def add(
        self, url: str, tags: Iterable[str] = (), title: str | None = None
    ) -> tuple[Feed, bool]:
        """Subscribe; returns the feed and whether it is new. Adding a known URL again adds
        the tags given (and a title if it had none)."""
        url = check_feed_url(url)
        clean = clean_tags(tags)
        with self._changing() as feeds:
            for feed in feeds.values():
                if feed.url == url:
                    from annotations.tags import merge_tags

                    feed.tags = merge_tags(feed.tags, clean)
                    feed.title = feed.title or title
                    return feed, False
            feed_id = _new_id(url, feeds)
            feed = Feed(id=feed_id, url=url, title=title, tags=clean, added=now_iso())
            feeds[feed_id] = feed
            return feed, True

    def remove(self, feed_id: str) -> Feed:
        with self._changing() as feeds:
            feed = feeds.pop(feed_id, None)
            if feed is None:
                raise FeedStoreError(f"no feed {feed_id}")
            return feed

    def update(self, feed_id: str, change: Callable[[Feed], None]) -> Feed | None:
        """Apply ``change`` to the current version of the feed, under the lock (None if the feed
        was removed meanwhile)."""
        with self._changing() as feeds:
            feed = feeds.get(feed_id)
            if feed is not None:
                change(feed)
            return feed

    def update_many(self, changes: dict[str, Callable[[Feed], None]]) -> None:
        with self._changing() as feeds:
            for feed_id, change in changes.items():
                if feed_id in feeds:
                    change(feeds[feed_id])

    @contextmanager
    def _changing(self) -> Iterator[dict[str, Feed]]:
        """Lock, read fresh, let the caller change the feeds, write once (atomically)."""
        from annotations.storage import StorageError, locked

        try:
            with locked(self.path) as db:
                data = db.storage.read()
                feeds = {f.id: f for f in _feeds_in(data)}
                yield feeds
                # compared with what was read, not with a copy made before (two fewer copies
                # of every feed's seen entries each time an update saves)
                rows = {i: f.row() for i, f in feeds.items()}
                if rows != (data or {}).get(TABLE):
                    db.storage.write({TABLE: rows, "_schema": {"1": {"version": SCHEMA_VERSION}}})
        except StorageError as exc:
            raise FeedStoreError(str(exc)) from None


def feed_rows(root: Path) -> list[dict[str, Any]]:
    """The ``reader feed list --json`` objects (contract fields first, then extensions)."""
    from collections import Counter

    feeds = FeedStore(root).feeds()
    counts: Counter[str] = Counter()
    if feeds and (Path(root) / "articles.json").exists():
        from .store import Library

        counts = Counter(f for f in Library(root).article_columns().column("feed") if f)
    return [
        {
            "id": f.id,
            "url": f.url,
            "title": f.title,
            "tags": list(f.tags),
            "last_update": f.last_update,
            "last_status": f.last_status,
            "entries": len(f.seen),
            "articles": counts.get(f.id, 0),
            "error": f.error,
            "added": f.added,
        }
        for f in feeds
    ]


def _feeds_in(data: dict[str, Any] | None) -> list[Feed]:
    if data is None:
        return []
    table = data.get(TABLE, {})
    if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
        raise FeedStoreError(f"{FILE}: not a reader feed list")
    return [Feed.from_row(feed_id, row) for feed_id, row in table.items()]


def _new_id(url: str, taken: dict[str, Feed]) -> str:
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    n = ID_LENGTH
    while digest[:n] in taken:
        n += 1
    return digest[:n]


def check_feed_url(url: str) -> str:
    from reader.fetching.http import FetchError, check_url

    url = url.strip()
    try:
        return check_url(url)
    except FetchError as exc:
        raise FeedStoreError(f"{url}: {exc.reason}") from None


def clean_tags(tags: Iterable[str]) -> list[str]:
    from annotations.tags import TagError, merge_tags

    try:
        return merge_tags([], list(tags))
    except TagError as exc:
        raise FeedStoreError(str(exc)) from None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
