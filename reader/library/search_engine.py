"""The full-text engine: a tantivy index in a folder of the cache (``search.tantivy``) holding
title, source, text, tags, note text and actor names of every article, ranked by BM25.

Why tantivy, not SQLite FTS5 (measured: bench/bench_search_scale.py builds 1,000,000 articles,
bench/bench_search_engines.py puts both on the same library): FTS5 scores every article that
holds a word before it keeps the best 20 (2 s for a word in most of 1M articles), tantivy skips
the blocks of its posting lists that cannot reach the top 20 (block-max WAND), and its index is
about half the size. It is a package with wheels for the usual platforms (``pip install``, no
build, no network afterwards), imported only when a search or a write to the index needs it.

What is stored (nothing but the id and the annotations' signature is kept as text: snippets are
cut from the article's own ``text.txt``):
- ``id`` (one token), ``lang``, ``date`` (YYYYMMDD as an integer; 2024 and 2024-03 count as
  day 0 of the year or month, as they sort before their days), ``ann`` (the signature of the
  article's annotations when it has any, stored) with ``annotated`` = "1";
- the six text fields, folded by search_query.fold (case, ß = ss, ä = ae) and split by the
  ``reader`` analyzer (letters and digits, lower case, other accents folded to ASCII), with
  positions (phrases). Query words go through the same analyzer (``tokens``).
- one document with id ``META_ID`` holding the format, the journal state the index follows and
  the annotations' version it saw, as JSON: it changes in the same commit as the articles, so
  the index and its state never disagree.

Writes go through ``Writer`` (one tantivy IndexWriter, single-writer by design); search_index.py
opens one only under the library's index lock.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .search_query import MIN_PREFIX, Query, Term, fold, stems

FORMAT = 2  # 1 was the SQLite FTS5 file (search.sqlite)
COLUMNS = ("title", "source", "body", "tags", "notes", "actors")
WEIGHTS = {"title": 6.0, "source": 2.0, "body": 1.0, "tags": 3.0, "notes": 2.0, "actors": 2.0}
META_ID = "\x00meta"
EXPAND = 256  # a prefix stands for at most this many words of a field (its most frequent)
MAX_TOKEN = 80  # longer runs of letters (a pasted hash, a URL) are not indexed
HEAP = 64_000_000  # the writer's memory budget (bytes) for incremental writes
BUILD_HEAP = 256_000_000  # ... and for a rebuild
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class EngineUnavailable(Exception):
    """tantivy is not installed (or cannot be loaded)."""


class EngineDamaged(Exception):
    """The index folder cannot be read as this format's index."""


_tantivy: Any = None
_analyzer: Any = None


def load() -> Any:
    """The tantivy module (imported on first use), or EngineUnavailable with one line."""
    global _tantivy
    if _tantivy is None:
        try:
            import tantivy  # lazy: a search or an index write needs it, nothing else
        except ImportError as exc:
            raise EngineUnavailable(
                f"the search engine (tantivy) cannot be loaded ({exc}); "
                "pip install tantivy to search fast"
            ) from None
        _tantivy = tantivy
    return _tantivy


def analyzer() -> Any:
    global _analyzer
    if _analyzer is None:
        t = load()
        _analyzer = (
            t.TextAnalyzerBuilder(t.Tokenizer.simple())
            .filter(t.Filter.remove_long(MAX_TOKEN))
            .filter(t.Filter.lowercase())
            .filter(t.Filter.ascii_fold())
            .build()
        )
    return _analyzer


def tokens(text: str) -> list[str]:
    """The index's words of ``text`` (folded, split, lower case, ASCII): what a query matches."""
    return list(analyzer().analyze(fold(text)))


def date_number(value: Any) -> int | None:
    """ "2024-03-15" -> 20240315, "2024-03" -> 20240300, "2024" -> 20240000; else None."""
    if not isinstance(value, str):
        return None
    found = _DATE.match(value)
    if found is None:
        return None
    year, month, day = found.groups()
    return int(year) * 10000 + int(month or 0) * 100 + int(day or 0)


def _schema() -> Any:
    t = load()
    builder = t.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for name in COLUMNS:
        builder.add_text_field(name, tokenizer_name="reader", index_option="position")
    builder.add_text_field("lang", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("date", indexed=True, fast=True)
    builder.add_text_field("ann", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("annotated", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("meta", stored=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


class Engine:
    """One tantivy index: in ``path`` (a folder), or in memory for ``None``."""

    def __init__(self, path: Path | None) -> None:
        t = load()
        self.path = path
        self.schema = _schema()
        if path is None:
            self.index = t.Index(self.schema)
        else:
            try:
                if not (path / "meta.json").exists():
                    raise EngineDamaged(f"{path}: no index")
                self.index = t.Index.open(str(path))
            except (ValueError, OSError) as exc:
                raise EngineDamaged(f"{path}: {exc}") from None
        self.index.register_tokenizer("reader", analyzer())
        _manual(self.index, path)
        self._searcher: Any = None
        if path is not None:
            found = self.meta()
            if found.get("format") != FORMAT:
                raise EngineDamaged(f"{path}: another format ({found.get('format')!r})")

    @classmethod
    def create(cls, path: Path | None) -> Engine:
        """A new, empty index at ``path`` (a folder that must not hold one)."""
        t = load()
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            try:
                index = t.Index(_schema(), path=str(path), reuse=False)
            except (ValueError, OSError) as exc:
                raise EngineDamaged(f"{path}: cannot create ({exc})") from None
            _manual(index, path)
            index.register_tokenizer("reader", analyzer())
            writer = index.writer(HEAP, 1)
            try:
                writer.add_document(t.Document(id=META_ID, meta=json.dumps({"format": FORMAT})))
                writer.commit()
            finally:
                _finish(writer)
            del index
            return cls(path)
        engine = cls(None)
        with engine.writer() as w:
            w.set_meta({"format": FORMAT})
        return engine

    # reading --------------------------------------------------------------------------------
    def searcher(self, fresh: bool = True) -> Any:
        """A searcher on the last commit (``fresh``: reloaded: another process may have
        committed since)."""
        if fresh or self._searcher is None:
            try:
                self.index.reload()
                self._searcher = self.index.searcher()
            except (ValueError, OSError) as exc:
                raise EngineDamaged(f"{self.path}: {exc}") from None
        return self._searcher

    def meta(self, searcher: Any = None) -> dict[str, Any]:
        s = searcher or self.searcher()
        t = load()
        hits = s.search(t.Query.term_query(self.schema, "id", META_ID), 1, count=False).hits
        if not hits:
            return {}
        try:
            value = json.loads(s.doc(hits[0][1]).get_first("meta") or "")
        except (ValueError, TypeError):
            return {}
        return value if isinstance(value, dict) else {}

    def count(self, searcher: Any = None) -> int:
        """Articles indexed (the meta document not counted)."""
        s = searcher or self.searcher()
        return max(0, int(s.num_docs) - 1)

    def ids(self) -> Iterator[str]:
        """Every indexed article's id (reads each document: for doctor --deep)."""
        t = load()
        s = self.searcher()
        query = t.Query.boolean_query(
            [
                (t.Occur.Must, t.Query.all_query()),
                (t.Occur.MustNot, t.Query.term_query(self.schema, "id", META_ID)),
            ]
        )
        for _, address in s.search(query, max(1, s.num_docs), count=False).hits:
            found = s.doc(address).get_first("id")
            if isinstance(found, str):
                yield found

    def annotated(self) -> dict[str, str]:
        """id -> the stored annotation signature, of the articles indexed with annotations."""
        t = load()
        s = self.searcher()
        query = t.Query.term_query(self.schema, "annotated", "1")
        out = {}
        for _, address in s.search(query, max(1, s.num_docs), count=False).hits:
            doc = s.doc(address)
            article, ann = doc.get_first("id"), doc.get_first("ann")
            if isinstance(article, str) and isinstance(ann, str):
                out[article] = ann
        return out

    def has(self, article_id: str) -> bool:
        t = load()
        s = self.searcher(fresh=False)
        query = t.Query.term_query(self.schema, "id", article_id)
        return bool(s.search(query, 1, count=False).hits)

    # writing ---------------------------------------------------------------------------------
    def writer(self, heap: int = HEAP) -> Writer:
        return Writer(self, heap)

    # asking -----------------------------------------------------------------------------------
    def search(
        self, query: Query, limit: int | None = None, offset: int = 0, searcher: Any = None
    ) -> list[tuple[str, float]]:
        """(id, score) of the hits, best first (newest first when only filters and negations
        are given, with score 0)."""
        t = load()
        s = searcher or self.searcher()
        built = self.build_query(query, s)
        if built is None:
            return []
        q, ranked = built
        total = max(1, s.num_docs)
        wanted = total if limit is None else min(total, int(limit))
        if wanted <= 0:
            return []
        if ranked:
            found = s.search(q, wanted, count=False, offset=int(offset)).hits
        else:
            found = s.search(
                q,
                wanted,
                count=False,
                offset=int(offset),
                order_by_field="date",
                order=t.Order.Desc,
            ).hits
        out = []
        for score, address in found:
            article = s.doc(address).get_first("id")
            if isinstance(article, str) and article != META_ID:
                out.append((article, float(score) if ranked else 0.0))
        return out

    def build_query(self, query: Query, searcher: Any) -> tuple[Any, bool] | None:
        """(the tantivy query, ranked) for a parsed query; None: nothing can match."""
        t = load()
        occur = t.Occur
        positive = []
        for term in query.positive:
            built = self._term(term, searcher)
            if built is None:
                return None  # a word no article holds: AND of it matches nothing
            positive.append(built)
        negative = [b for term in query.terms if term.negated if (b := self._term(term, searcher))]
        filters = []
        if query.lang:
            filters.append(t.Query.term_query(self.schema, "lang", query.lang))
        low = date_number(query.date_from) if query.date_from else None
        high = _date_upper(query.date_to) if query.date_to else None
        if low is not None or high is not None:
            filters.append(t.Query.range_query(self.schema, "date", t.FieldType.Integer, low, high))
        if not positive:
            if not query.terms and not filters:
                return None
            clauses = [(occur.Must, t.Query.all_query())]
            clauses += [(occur.Must, f) for f in filters]
            clauses += [(occur.MustNot, n) for n in negative]
            clauses.append((occur.MustNot, t.Query.term_query(self.schema, "id", META_ID)))
            return t.Query.boolean_query(clauses), False
        if len(positive) == 1 and not filters and not negative:
            return positive[0], True  # a union of term queries: block-max WAND applies
        clauses = [(occur.Must, p) for p in positive]
        # filters as non-scoring clauses: they do not change the ranking
        clauses += [(occur.Must, t.Query.const_score_query(f, 0.0)) for f in filters]
        clauses += [(occur.MustNot, n) for n in negative]
        return t.Query.boolean_query(clauses), True

    def _term(self, term: Term, searcher: Any) -> Any:
        t = load()
        parts = [p for one in [term, *term.alternatives] if (p := self._one(one, searcher))]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return t.Query.boolean_query([(t.Occur.Should, p) for p in parts])

    def _one(self, term: Term, searcher: Any) -> Any:
        """One term (a word or a phrase) in its field, or in every text field, weighted."""
        t = load()
        fields = [term.column] if term.column else list(COLUMNS)
        words = [w for word in term.words for w in tokens(word)]
        if not words:
            return None
        clauses = []
        if len(words) > 1:  # a phrase, or a word the analyzer splits ("x_y")
            for name in fields:
                if term.prefix:
                    q = t.Query.phrase_prefix_query(self.schema, name, words)
                else:
                    q = t.Query.phrase_query(self.schema, name, words)
                clauses.append(t.Query.boost_query(q, WEIGHTS[name]))
        else:
            word = words[0]
            # a word begins the compounds from MIN_PREFIX letters on ("Be" typed is not yet
            # every word in "be"); a star asks for it from 2
            shortest = MIN_PREFIX if term.stem else 2
            prefixes = [word] if term.prefix and len(word) >= shortest else []
            if term.stem and len(term.words) == 1:
                for stem in sorted(stems(term.words[0])):
                    prefixes += [s for s in tokens(stem) if len(s) >= MIN_PREFIX]
            prefixes = _outermost(prefixes)
            for name in fields:
                found = {word}
                for prefix in prefixes:
                    found.update(
                        w for w, _ in searcher.terms_with_prefix(name, prefix, None, EXPAND)
                    )
                for w in sorted(found):
                    q = t.Query.term_query(self.schema, name, w)
                    clauses.append(t.Query.boost_query(q, WEIGHTS[name]))
        if len(clauses) == 1:
            return clauses[0]
        return t.Query.boolean_query([(t.Occur.Should, c) for c in clauses])


def _outermost(prefixes: list[str]) -> list[str]:
    """The prefixes no other one begins ("run" covers "runs")."""
    unique = sorted(set(prefixes), key=len)
    kept: list[str] = []
    for p in unique:
        if not any(p.startswith(k) for k in kept):
            kept.append(p)
    return kept


def _date_upper(value: str) -> int | None:
    """The last day a date filter's upper end covers: 2024 -> 20241299, 2024-03 -> 20240399."""
    found = date_number(value)
    if found is None:
        return None
    parts = value.count("-")
    return found + (1299 if parts == 0 else 99 if parts == 1 else 0)


class Writer:
    """Changes to an engine, committed at once (``with engine.writer() as w``): the caller
    holds the library's index lock. Leaving the block without an error commits; an error
    rolls the changes back."""

    def __init__(self, engine: Engine, heap: int) -> None:
        self.engine = engine
        self.heap = heap
        self._w: Any = None

    def __enter__(self) -> Writer:
        try:
            self._w = self.engine.index.writer(self.heap, 1)
        except (ValueError, OSError) as exc:
            raise EngineDamaged(f"{self.engine.path}: cannot write ({exc})") from None
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        # Whatever happens, the writer is finished here: its merge threads done and its lock let
        # go before the caller goes on (a writer left to the garbage collector, e.g. one kept
        # alive by the traceback of a failed commit, would go on writing files into a folder
        # the caller is about to remove or swap).
        w, self._w = self._w, None
        try:
            if kind is None:
                try:
                    w.commit()
                except BaseException:
                    _rollback(w)
                    raise
            else:
                _rollback(w)
        finally:
            _finish(w)

    def delete(self, article_id: str) -> None:
        self._w.delete_documents_by_term("id", article_id)

    def add(
        self,
        article_id: str,
        texts: dict[str, str],
        lang: Any = None,
        date: Any = None,
        ann: str | None = None,
    ) -> None:
        """One article (``texts``: column -> text, folded here)."""
        t = load()
        fields: dict[str, Any] = {"id": article_id}
        for name in COLUMNS:
            value = texts.get(name)
            if value:
                fields[name] = fold(value)
        if isinstance(lang, str) and lang:
            fields["lang"] = lang.lower()
        number = date_number(date)
        if number is not None:
            fields["date"] = number
        if ann is not None:
            fields["ann"] = ann
            fields["annotated"] = "1"
        self._w.add_document(t.Document(**fields))

    def set_meta(self, value: dict[str, Any]) -> None:
        t = load()
        self._w.delete_documents_by_term("id", META_ID)
        meta = json.dumps({**value, "format": FORMAT})
        self._w.add_document(t.Document(id=META_ID, meta=meta))

    def clear(self) -> None:
        self._w.delete_all_documents()


def _manual(index: Any, path: Path | None) -> None:
    """Searchers reload only when asked (``Engine.searcher``): tantivy's default reader
    watches the folder's meta.json from a thread of its own and reloads (writing its lock file)
    when it changes, and a forgotten engine's thread would go on doing so in whatever folder is
    later put in its place, or while that folder is being removed."""
    try:
        index.config_reader("manual")
    except (ValueError, OSError) as exc:
        raise EngineDamaged(f"{path}: {exc}") from None


def _rollback(w: Any) -> None:
    try:
        w.rollback()
    except (ValueError, OSError):
        pass  # the writer is finished next all the same


def _finish(w: Any) -> None:
    """Wait for a writer's merge threads and drop it (its lock let go)."""
    try:
        w.wait_merging_threads()
    except (ValueError, OSError):
        pass  # already finished, or a merge failed: nothing of it writes any more


_aside = itertools.count()
_aside_lock = threading.Lock()


def _unique(path: Path, kind: str) -> Path:
    """A sibling of ``path`` no other process, thread or call names the same."""
    with _aside_lock:
        number = next(_aside)
    return path.with_name(f"{path.name}.{kind}-{os.getpid()}-{threading.get_ident()}-{number}")


def building(path: Path) -> Path:
    """The folder a rebuild of the index at ``path`` fills (empty, its own)."""
    new = _unique(path, "new")
    remove(new)
    return new


def remove(path: Path) -> None:
    """Remove an index folder: renamed aside first (atomic: the folder is there, whole, or gone;
    no half-removed folder is ever read), then removed best-effort, as a file may still appear
    in it meanwhile (a writer of another process finishing). Folders an earlier removal could
    not empty are removed again here."""
    aside = _unique(path, "old")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        pass
    except OSError:
        shutil.rmtree(path, ignore_errors=True)  # cannot rename (a foreign file system?)
    for old in path.parent.glob(f"{glob.escape(path.name)}.old-*"):
        shutil.rmtree(old, ignore_errors=True)
