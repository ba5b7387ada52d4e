"""What one import run compares new articles with: the library's rows (through the lookup
database), this run's articles, and rows other processes add meanwhile; by sha256 first, then
as versions of a story (dedupe.py).

Why a module of its own: the import batch (batch.py) decides *when* articles are written; this
decides *whether* one is new, and keeps the bodies a verification needs (this run's, until their
files are committed; the library's, read from disk when a candidate turns up).

The library's side is asked, not loaded: SHA-256 and signature bands are looked up in
``lookup.sqlite`` (lookup.py), so importing one article into 1,000,000 costs what it costs into
1,000. Candidates are always verified on the two bodies, so the lookup only proposes.
"""

from __future__ import annotations

import time

from reader.importing.dedupe import (
    ESTIMATE_ONLY,
    CandidateIndex,
    content_key,
    estimated_jaccard,
    old_content_key,
    parse_key,
    same_story,
    shingle_hashes,
)

from .article_index import ArticleIndex, IndexTxn, LibraryError
from .folders import ArticleFolders
from .models import ArticleMeta

Signature = tuple[int, ...]  # a MinHash signature (dedupe.py)

MAX_VERIFIED = 8  # candidate bodies compared per article (most similar signatures first)
# signatures agreeing less than this are not worth reading a body for: stories sharing only
# boilerplate agree on ~J of 32 bins (J ~ 0.1); the least similar versions we accept (J ~ 0.6)
# fall below 0.3 with probability < 0.1 %
PREFILTER = 0.3
SHINGLE_CACHE = 256  # candidates' shingle sets kept (the same few turn up again and again)
MIGRATE_SECONDS = 5.0  # per run: re-signing rows of an older version reads each body
MIGRATE_BATCH = 500


class KnownStories:
    def __init__(self, folders: ArticleFolders, index: ArticleIndex) -> None:
        self.folders = folders
        self.index = index
        self.lookup = index.lookup
        index.sync_lookup()
        self.state = self.lookup.state  # the index state of our last look
        self.moved_on = False  # did another process write since (checked at each commit)
        # this run's articles still in flight at a commit that found another process's rows:
        # checked against them when their own commit comes
        self.unchecked: set[str] = set()
        self.has_old = bool(self.lookup.unsigned(1))
        self.migrated: dict[str, str] = self._migrate() if self.has_old else {}
        self.by_sha: dict[str, ArticleMeta] = {}  # this run's articles in flight
        self.run_index = CandidateIndex()  # their signatures (and the re-signed rows')
        for article_id, key in self.migrated.items():
            if (sig := parse_key(key)) is not None:
                self.run_index.add(article_id, sig)
        self.texts: dict[str, str] = {}  # bodies of this run's articles until committed
        self.run_metas: dict[str, ArticleMeta] = {}  # this run's articles until committed
        self._shingles: dict[str, set[int]] = {}

    def _migrate(self) -> dict[str, str]:
        """New keys for rows keyed by an older version (one hash), read from their stored
        bodies for a few seconds per run and written at the next commit; the rest keep being
        found by their old key meanwhile."""
        found: dict[str, str] = {}
        until = time.monotonic() + MIGRATE_SECONDS
        for article_id in self.lookup.unsigned(MIGRATE_BATCH):
            if time.monotonic() > until:
                break
            try:
                found[article_id] = content_key(self.folders.text(article_id))
            except LibraryError:
                continue  # no body to compare with: only its sha256 can match
        return found

    # while importing -----------------------------------------------------------------------
    def find(
        self, sha: str, text: str, key: str | None = None
    ) -> tuple[ArticleMeta | None, str | None]:
        """(the article this is a version of, or None; the new content key when computed).
        ``key``: the text's content key, if a worker computed it already."""
        existing = self.by_sha.get(sha) or self._stored_by_sha(sha)
        if existing is not None:
            return existing, None
        key = key or content_key(text)
        return self.same_story(_signed(key), text), key

    def _stored_by_sha(self, sha: str) -> ArticleMeta | None:
        found = self.lookup.by_sha(sha)
        return self.index.meta(found, synced=True) if found is not None else None

    def remember(self, meta: ArticleMeta, text: str) -> None:
        """A new article of this run: later ones are compared with it."""
        self.by_sha[meta.sha256] = self.run_metas[meta.id] = meta
        self.texts[meta.id] = text
        if (sig := parse_key(meta.content_key)) is not None:
            self.run_index.add(meta.id, sig)

    def same_story(
        self, sig: Signature, text: str, *, stored_only: bool = False
    ) -> ArticleMeta | None:
        """The stored (or earlier in this run) article that ``text`` is a version of, if any:
        candidates by signature, each verified on the two bodies."""
        mine: set[int] | None = None
        found_ids = [] if stored_only else self.run_index.candidates(sig)[:MAX_VERIFIED]
        found_ids += [i for i in self.lookup.candidates(sig) if i not in found_ids][:MAX_VERIFIED]
        if self.has_old:
            found_ids += self.lookup.with_old_key(old_content_key(text))[:MAX_VERIFIED]
        for found in found_ids:
            meta = None if stored_only else self.run_metas.get(found)
            if meta is None:
                meta = self.index.meta(found, synced=True)
            if meta is None:
                continue  # failed to write, removed, or moved
            theirs = parse_key(self.migrated.get(found, meta.content_key))
            if theirs is not None and estimated_jaccard(sig, theirs) < PREFILTER:
                continue
            shingles = self._shingles_of(found)
            if shingles is None:  # body unreadable: its signature must agree closely
                if theirs is not None and estimated_jaccard(sig, theirs) >= ESTIMATE_ONLY:
                    return meta
                continue
            if mine is None:
                mine = set(shingle_hashes(text))
            if same_story(mine, shingles):
                return meta
        return None

    def _shingles_of(self, article_id: str) -> set[int] | None:
        """A candidate's shingle set: this run's body or the stored one (a few kept)."""
        found = self._shingles.get(article_id)
        if found is not None:
            return found
        body = self.texts.get(article_id)
        if body is None:
            try:
                body = self.folders.text(article_id)
            except LibraryError:
                return None
        if len(self._shingles) >= SHINGLE_CACHE:
            del self._shingles[next(iter(self._shingles))]
        found = self._shingles[article_id] = set(shingle_hashes(body))
        return found

    # at a commit (under the index lock) ------------------------------------------------------
    def begin_commit(self, txn: IndexTxn) -> None:
        """Note whether another process wrote since our last commit (our new articles may be
        versions of theirs) and give migrated rows their new keys."""
        self.moved_on = self.lookup.state != self.state
        for article_id, key in self.migrated.items():
            meta = txn.get(article_id)
            if meta is not None and parse_key(meta.content_key) is None:
                txn.update(article_id, content_key=key)
        self.migrated = {}

    def settle(self, meta: ArticleMeta, *, written: bool) -> ArticleMeta | None:
        """This run's article leaves the in-memory set; if it was written, the row another
        process added meanwhile that it is a version of (None if it is new)."""
        self.run_metas.pop(meta.id, None)
        text = self.texts.pop(meta.id, "")
        unchecked = meta.id in self.unchecked
        self.unchecked.discard(meta.id)
        if not written or not (self.moved_on or unchecked):
            return None
        other = self._stored_by_sha(meta.sha256)
        if other is None:
            sig = parse_key(meta.content_key)
            if sig is not None:
                other = self.same_story(sig, text, stored_only=True)
        return other

    def moved(self, meta: ArticleMeta) -> None:
        """Its id was taken by another process meanwhile: it is known under the new one."""

    def end_commit(self) -> None:
        """After our commit: the lookup holds our articles; only those still in flight stay
        in memory (a run of 100,000 articles keeps no more than a batch)."""
        self.state = self.lookup.state
        if self.moved_on:  # those still in flight were compared before the others' rows came
            self.unchecked |= set(self.run_metas)
        self.has_old = self.has_old and bool(self.lookup.unsigned(1))
        self.by_sha = {m.sha256: m for m in self.run_metas.values()}
        self.run_index = CandidateIndex(
            (i, sig) for i, m in self.run_metas.items() if (sig := parse_key(m.content_key))
        )


def _signed(key: str) -> Signature:
    """The signature in a key this version made (content_key always signs)."""
    sig = parse_key(key)
    assert sig is not None
    return sig
