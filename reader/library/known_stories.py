"""What one import run compares new articles with: the library's rows, this run's articles, and
rows other processes add meanwhile; by sha256 first, then as versions of a story (dedupe.py).

Why a module of its own: the import batch (batch.py) decides *when* articles are written; this
decides *whether* one is new, and keeps the bodies a verification needs (this run's, until their
files are committed; the library's, read from disk when a candidate turns up).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

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

from .article_index import IndexTxn, LibraryError
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


class KnownStories:
    def __init__(self, folders: ArticleFolders, rows: dict[str, ArticleMeta]) -> None:
        self.folders = folders
        self.rows = rows  # the index as of the last commit
        self.by_sha = {m.sha256: m for m in rows.values()}
        self.migrated: dict[str, str] = {}  # new keys for rows keyed by an older version
        self.old_keys: dict[str, list[str]] = {}  # older keys not re-signed yet: candidates too
        self.index = CandidateIndex(self._signatures(rows))
        self.texts: dict[str, str] = {}  # bodies of this run's articles until committed
        self.run_metas: dict[str, ArticleMeta] = {}  # this run's articles until committed
        self.foreign: dict[str, ArticleMeta] = {}  # added elsewhere, seen at this commit
        self._shingles: dict[str, set[int]] = {}

    def _signatures(self, rows: dict[str, ArticleMeta]) -> Iterator[tuple[str, Signature]]:
        """(id, signature) of the library's rows. Rows keyed by an older version (one hash)
        get a signature from their stored body, written back at the next commit."""
        until = time.monotonic() + MIGRATE_SECONDS
        for article_id, meta in rows.items():
            sig = parse_key(meta.content_key)
            if sig is None:
                if time.monotonic() > until:  # the rest next time; meanwhile by the old key
                    self.old_keys.setdefault(meta.content_key, []).append(article_id)
                    continue
                try:
                    key = content_key(self.folders.text(article_id))
                except LibraryError:
                    continue  # no body to compare with: only its sha256 can match
                self.migrated[article_id] = key
                sig = _signed(key)
            yield article_id, sig

    # while importing -----------------------------------------------------------------------
    def find(self, sha: str, text: str) -> tuple[ArticleMeta | None, str | None]:
        """(the article this is a version of, or None; the new content key when computed)."""
        existing = self.by_sha.get(sha)
        if existing is not None:
            return existing, None
        key = content_key(text)
        return self.same_story(_signed(key), text), key

    def _old_candidates(self, text: str) -> list[str]:
        if not self.old_keys:
            return []
        return self.old_keys.get(old_content_key(text), [])

    def remember(self, meta: ArticleMeta, text: str) -> None:
        """A new article of this run: later ones are compared with it."""
        self.by_sha[meta.sha256] = self.run_metas[meta.id] = meta
        self.texts[meta.id] = text
        sig = parse_key(meta.content_key)
        if sig is not None:  # always: this run signs its articles
            self.index.add(meta.id, sig)

    def same_story(
        self, sig: Signature, text: str, among: CandidateIndex | None = None
    ) -> ArticleMeta | None:
        """The stored (or earlier in this run) article that ``text`` is a version of, if any:
        candidates by signature, each verified on the two bodies."""
        mine: set[int] | None = None
        found_ids = (among or self.index).candidates(sig)[:MAX_VERIFIED]
        if among is None:
            found_ids += self._old_candidates(text)[:MAX_VERIFIED]
        for found in found_ids:
            meta = self.run_metas.get(found) or self.rows.get(found) or self.foreign.get(found)
            if meta is None:
                continue  # failed to write, or moved
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
        """Note rows other processes added since our last commit (our new articles may be
        versions of theirs) and give migrated rows their new keys."""
        self.foreign = {i: m for i, m in txn.metas.items() if i not in self.rows}
        self._foreign_sha = {m.sha256: m for m in self.foreign.values()}
        self._foreign_index = CandidateIndex(
            (i, sig) for i, m in self.foreign.items() if (sig := parse_key(m.content_key))
        )
        for article_id, key in self.migrated.items():
            meta = txn.metas.get(article_id)
            if meta is not None and parse_key(meta.content_key) is None:
                txn.put(replace(meta, content_key=key))
        self.migrated = {}

    def settle(self, meta: ArticleMeta, *, written: bool) -> ArticleMeta | None:
        """This run's article leaves the in-memory set; if it was written, the row added
        elsewhere meanwhile that it is a version of (None if it is new)."""
        self.run_metas.pop(meta.id, None)
        text = self.texts.pop(meta.id, "")
        if not written:
            return None
        other = self._foreign_sha.get(meta.sha256)
        sig = parse_key(meta.content_key)
        if other is None and self.foreign and sig is not None:
            other = self.same_story(sig, text, self._foreign_index)
        return other

    def moved(self, meta: ArticleMeta) -> None:
        """Its id was taken by another process meanwhile: it is known under the new one."""
        sig = parse_key(meta.content_key)
        if sig is not None:
            self.index.add(meta.id, sig)

    def end_commit(self, rows: dict[str, ArticleMeta]) -> None:
        self.rows = rows
        for article_id, meta in self.foreign.items():  # later articles are compared with them
            self.by_sha.setdefault(meta.sha256, meta)
            if (sig := parse_key(meta.content_key)) is not None:
                self.index.add(article_id, sig)
        self.foreign = {}


def _signed(key: str) -> Signature:
    """The signature of a key this version made (content_key always signs)."""
    sig = parse_key(key)
    assert sig is not None
    return sig
