"""The per-article analysis cache (``analysis.json``, a name kept from when it was JSON): the
analysis's own quotes (one per quotation; relay records are made from ``via`` when the contract
JSON is written), its actors and its sentence spans.

Why: analysing a long article costs milliseconds to tens of milliseconds; opening it should not.
The cache is rewritten on import and reimport. It is derived data and checked before use: it
names the text it was made from (a hash of ``text.txt``'s bytes) and carries a checksum of its
own bytes (:func:`sealed_cache`), so an edited, damaged or stale cache is never believed, only
recomputed. It also carries the analysis version: a cache written by another version of the
rules (or one from before versions, which lacks ``rule`` and ``speaker_rule``) is not read but
recomputed.

Compact (issue 15: the cache was 3.5x the text it describes): a quotation's, speaker's or
relaying medium's words are stored as their offsets only when they are the text's own words at
those offsets (the text is stored beside the cache and sealed into it), quotes and actors are rows
of values in field order (the field names are sealed in once, as a checksum), spans are
differences, and the whole is zlib-compressed inside a :mod:`reader.base.derived` seal: about
900 bytes for a 300-word article whose JSON form took 9.4 KB. Caches in the earlier JSON form
(``{"v":2,...}``) are still read; :meth:`Library.analysis` rewrites one it reads in this form.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from reader.analysis.models import ANALYSIS_VERSION, Actor, Analysis, Quote

_QUOTE_FIELDS = {f.name for f in fields(Quote)}
_ACTOR_FIELDS = {f.name for f in fields(Actor)}


_QUOTE_ORDER = [f.name for f in fields(Quote)]
_ACTOR_ORDER = [f.name for f in fields(Actor)]


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """``Analysis.to_json()`` plus sentences, without ``dataclasses.asdict``'s deep copies (a
    third of the import time at 10,000 articles)."""
    return {
        "version": ANALYSIS_VERSION,
        "lang": analysis.lang,
        "quotes": [{k: getattr(q, k) for k in _QUOTE_ORDER} for q in analysis.quotes],
        "actors": [
            {
                k: (
                    list(map(list, a.mentions))
                    if k == "mentions"
                    else list(getattr(a, k))
                    if k in ("roles", "aliases")
                    else getattr(a, k)
                )
                for k in _ACTOR_ORDER
            }
            for a in analysis.actors
        ],
        "sentences": [list(s) for s in analysis.sentences],
    }


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    """The cached analysis; ValueError when it was written by another analysis version."""
    if data.get("version") != ANALYSIS_VERSION:
        raise ValueError(f"analysis cache of version {data.get('version')}, not {ANALYSIS_VERSION}")
    try:  # as analysis_to_json wrote it: exactly the fields (the fast way, for big exports)
        quotes = [Quote(**q) for q in data["quotes"]]
    except TypeError:  # a field added or dropped since: the known ones
        quotes = [
            Quote(**{k: v for k, v in q.items() if k in _QUOTE_FIELDS}) for q in data["quotes"]
        ]
    return Analysis(
        lang=data.get("lang"),
        quotes=quotes,
        actors=[
            Actor(**{k: v for k, v in a.items() if k in _ACTOR_FIELDS}) for a in data["actors"]
        ],
        sentences=[(int(s[0]), int(s[1])) for s in data.get("sentences", [])],
    )


# the JSON form before the compact one (still read) -------------------------------------------
_HEAD = b'{"v":2,"text":"%s","crc":"%08x","analysis":'
_HEAD_LENGTH = len(_HEAD % (b"0" * 32, 0))


def text_digest(text: bytes) -> bytes:
    return hashlib.blake2b(text, digest_size=16).hexdigest().encode("ascii")


def _json_sealed_cache(cache: dict[str, Any], text: bytes) -> bytes:
    """The earlier JSON form (still written for a cache the compact form cannot hold: one not
    of an analysis's shape, which reading then refuses as any damaged cache)."""
    body = json.dumps(cache, ensure_ascii=False).encode("utf-8")
    return _HEAD % (text_digest(text), zlib.crc32(body)) + body + b"}"


def _json_unsealed_cache(data: bytes, text: bytes) -> dict[str, Any] | None:
    head = data[:_HEAD_LENGTH]
    if len(data) <= _HEAD_LENGTH or not data.endswith(b"}"):
        return None
    body = data[_HEAD_LENGTH:-1]
    if head != _HEAD % (text_digest(text), zlib.crc32(body)):
        return None
    try:
        found = json.loads(body)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


# the compact form -------------------------------------------------------------------------------
# (words field, its start, its end): stored as 1 when they are the text's words at those offsets
_SLICED = [
    ("text", "start", "end"),
    ("speaker", "speaker_start", "speaker_end"),
    ("via", "via_start", "via_end"),
]
_SLICED_AT = [
    (_QUOTE_ORDER.index(k), _QUOTE_ORDER.index(a), _QUOTE_ORDER.index(b)) for k, a, b in _SLICED
]
_FIELDS = zlib.crc32(json.dumps([_QUOTE_ORDER, _ACTOR_ORDER]).encode())
_MADE_FROM = b"analysis 3 %08x " % _FIELDS


def _deltas(spans: Any) -> list[int]:
    """[[s0, e0], [s1, e1], ...] -> [s0, e0 - s0, s1 - e0, e1 - s1, ...] (small numbers)."""
    flat: list[int] = []
    last = 0
    for start, end in spans:
        flat += (start - last, end - start)
        last = end
    return flat


def _spans(flat: list[int]) -> list[list[int]]:
    out = []
    last = 0
    for i in range(0, len(flat) - 1, 2):
        start = last + flat[i]
        last = start + flat[i + 1]
        out.append([start, last])
    return out


def _packed(cache: dict[str, Any], words: str) -> bytes:
    return _packed_rows(
        cache.get("version"),
        cache.get("lang"),
        ([q.get(k) for k in _QUOTE_ORDER] for q in cache["quotes"]),
        ([a.get(k) for k in _ACTOR_ORDER] for a in cache["actors"]),
        cache.get("sentences") or [],
        words,
    )


def _packed_rows(
    version: Any,
    lang: Any,
    quote_rows: Iterable[list[Any]],
    actor_rows: Iterable[list[Any]],
    sentences: Any,
    words: str,
) -> bytes:
    quotes = []
    for row in quote_rows:
        for at, start, end in _SLICED_AT:
            value, a, b = row[at], row[start], row[end]
            ok = isinstance(value, str) and type(a) is int and type(b) is int and 0 <= a <= b
            if ok and words[a:b] == value:
                row[at] = 1
        quotes.append(row)
    mentions = _ACTOR_ORDER.index("mentions")
    actors = []
    for row in actor_rows:
        row[mentions] = _deltas(row[mentions] or [])
        actors.append(row)
    packed = [version, lang, quotes, actors, _deltas(sentences)]
    return json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _unpacked(payload: bytes, words: str) -> dict[str, Any]:
    version, lang, quote_rows, actor_rows, sentences = json.loads(payload)
    quotes = []
    for row in quote_rows:
        for at, start, end in _SLICED_AT:
            if type(row[at]) is int:  # 1: the text's words
                row[at] = words[row[start] : row[end]]
        quotes.append(dict(zip(_QUOTE_ORDER, row, strict=True)))
    mentions = _ACTOR_ORDER.index("mentions")
    actors = []
    for row in actor_rows:
        row[mentions] = _spans(row[mentions])
        actors.append(dict(zip(_ACTOR_ORDER, row, strict=True)))
    return {
        "version": version,
        "lang": lang,
        "quotes": quotes,
        "actors": actors,
        "sentences": _spans(sentences),
    }


def sealed_cache(cache: dict[str, Any], text: bytes) -> bytes:
    """``analysis.json``'s bytes: the analysis of ``text`` (the bytes of ``text.txt``), as
    :func:`analysis_to_json` gives it, in the compact form."""
    from reader.base.derived import seal

    try:
        packed = _packed(cache, text.decode("utf-8"))
    except (AttributeError, TypeError, KeyError, IndexError, ValueError):
        return _json_sealed_cache(cache, text)  # not an analysis's shape: kept as it is
    return seal(_MADE_FROM + text_digest(text), zlib.compress(packed, 6))


def sealed_analysis(analysis: Analysis, text: bytes) -> bytes:
    """``sealed_cache(analysis_to_json(analysis), text)``, the same bytes, without the dicts
    (what an import's workers send back for each article)."""
    from reader.base.derived import seal

    quote_values = attrgetter(*_QUOTE_ORDER)
    actor_values = attrgetter(*_ACTOR_ORDER)
    packed = _packed_rows(
        ANALYSIS_VERSION,
        analysis.lang,
        (list(quote_values(q)) for q in analysis.quotes),
        (list(actor_values(a)) for a in analysis.actors),
        analysis.sentences,
        text.decode("utf-8"),
    )
    return seal(_MADE_FROM + text_digest(text), zlib.compress(packed, 6))


def unsealed_cache(data: bytes, text: bytes) -> dict[str, Any] | None:
    """The cached analysis (as :func:`analysis_to_json` gives it) if ``data`` is intact and was
    made from exactly ``text``; None for anything else, the cache of other quote or actor
    fields included. Reads the compact form and the earlier JSON form."""
    from reader.base.derived import MAGIC, unseal

    if not data.startswith(MAGIC):
        return _json_unsealed_cache(data, text)
    payload = unseal(data, _MADE_FROM + text_digest(text))
    if payload is None:
        return None
    try:
        return _unpacked(zlib.decompress(payload), text.decode("utf-8"))
    except (ValueError, TypeError, KeyError, IndexError, zlib.error):
        return None


def is_compact(data: bytes) -> bool:
    """Is ``data`` a cache in the compact form (else: the earlier form, or not a cache)?"""
    from reader.base.derived import MAGIC

    return data.startswith(MAGIC)
