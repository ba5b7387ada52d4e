"""The search query language, parsed into terms and filters (search_engine.py builds the
tantivy query from them).

    wort            the word, stemmed (German and English), and every word it begins
                    ("Klima" finds "Klimabericht"), with German spellings folded
                    ("Außenminister" = "Aussenminister", "ä" = "ae")
    "a phrase"      the words in this order
    a OR b          either
    -wort           not (only at the start of a term: "Nato-Chef" is text)
    wort*           every word it begins (without stemming)
    title: source: tag: actor:   the term in that field only
    lang:de         articles in that language
    date:2024-01..2024-03        dated in that range (a year, month or day; either end open)

Anything else is text: ``field:`` is an operator only for the fields above ("12:30" is text),
and punctuation splits words the way the index does ("Nato-Chef" finds the words in order).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

FIELDS = {"title": "title", "source": "source", "tag": "tags", "actor": "actors"}
FILTERS = ("lang", "date")
MIN_PREFIX = 3  # shorter stems are not used (a prefix "ha*" would find everything)
_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"[^"]*"?|\S+')


def fold(text: str) -> str:
    """What the index stores and queries match: case folded (ß becomes ss), German umlauts
    spelled out (ä = ae), other accents stripped by the index's tokenizer. (Three replaces:
    ``str.translate`` with a mapping to two letters costs ten times as much.)"""
    return text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


def words(text: str) -> list[str]:
    """The index's words of ``text``: folded, accents removed, split at non-word characters."""
    plain = unicodedata.normalize("NFKD", fold(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _WORD.findall(plain)


_stemmers: dict[str, Any] = {}


def stems(word: str) -> set[str]:
    """The word's German and English stems (snowball), when the stemmer is installed."""
    try:
        import snowballstemmer  # type: ignore[import-untyped]  # lazy: only queries stem
    except ImportError:  # pragma: no cover - a dependency; searching works without it
        return set()
    found = set()
    for lang in ("german", "english"):
        stemmer = _stemmers.get(lang)
        if stemmer is None:
            stemmer = _stemmers[lang] = snowballstemmer.stemmer(lang)
        found.add(fold(stemmer.stemWord(word)))
    return found


@dataclass
class Term:
    words: list[str]  # one word, or a phrase
    column: str | None = None
    prefix: bool = True  # match the words it begins (the last word of a phrase)
    stem: bool = True
    negated: bool = False
    alternatives: list[Term] = field(default_factory=list)  # OR


@dataclass
class Query:
    terms: list[Term] = field(default_factory=list)
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None  # inclusive, as a prefix ("2024-03" covers the whole month)

    @property
    def positive(self) -> list[Term]:
        return [t for t in self.terms if not t.negated]

    def highlight_words(self) -> list[tuple[str, bool]]:
        """(folded word, match as prefix) of every positive term, for snippets."""
        out: list[tuple[str, bool]] = []
        for term in self.positive:
            for t in [term, *term.alternatives]:
                for i, w in enumerate(t.words):
                    last = i == len(t.words) - 1
                    out.append((w, t.prefix and last))
                    if t.stem and last:
                        out += [(s, True) for s in stems(w) if len(s) >= MIN_PREFIX]
        return out


def parse(text: str) -> Query:
    """Parse a query (see the module's docstring). Never raises: anything unknown is text."""
    query = Query()
    pending_or = False
    for raw in _TOKEN.findall(text):
        if raw == "OR":
            pending_or = bool(query.terms)
            continue
        term = _term(raw, query)
        if term is None:
            continue
        if pending_or and query.terms and not term.negated and not query.terms[-1].negated:
            query.terms[-1].alternatives.append(term)
        else:
            query.terms.append(term)
        pending_or = False
    return query


def _term(raw: str, query: Query) -> Term | None:
    negated = False
    if raw.startswith("-") and len(raw) > 1:
        negated, raw = True, raw[1:]
    column = None
    name, sep, value = raw.partition(":")
    if sep and value and name.lower() in FILTERS and not negated:
        if name.lower() == "lang":
            query.lang = value.strip().lower()
            return None
        if _date_filter(value, query):
            return None
    if sep and value and name.lower() in FIELDS:
        column, raw = FIELDS[name.lower()], value
    if raw.startswith('"'):
        found = words(raw.strip('"'))
        return Term(found, column, prefix=False, stem=False, negated=negated) if found else None
    star = raw.endswith("*")
    found = words(raw.rstrip("*"))
    if not found:
        return None
    if len(found) > 1:  # "Nato-Chef", "12:30": the words in order
        return Term(found, column, prefix=star, stem=False, negated=negated)
    return Term(found, column, prefix=True, stem=not star, negated=negated)


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_filter(value: str, query: Query) -> bool:
    start, sep, end = value.partition("..")
    if not sep:
        start = end = value
    if (start and not _DATE.match(start)) or (end and not _DATE.match(end)):
        return False
    query.date_from = start or None
    query.date_to = end or None
    return True
