"""The per-article analysis cache (``analysis.json``): the analysis's own quotes (one per
quotation; relay records are made from ``via`` when the contract JSON is written), its actors
and its sentence spans.

Why: analysing a long article costs milliseconds to tens of milliseconds; opening it should not.
The cache is rewritten on import and reimport. It is derived data and checked before use: it
names the text it was made from (a hash of ``text.txt``'s bytes) and carries a checksum of its
own bytes, at fixed places in a JSON header (:func:`sealed_cache`), so an edited, damaged or
stale cache is never believed, only recomputed. The file stays JSON. It also carries the
analysis version: a cache written by another version of the rules (or one from before
versions, which lacks ``rule`` and ``speaker_rule``) is not read but recomputed.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import fields
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


_HEAD = b'{"v":2,"text":"%s","crc":"%08x","analysis":'
_HEAD_LENGTH = len(_HEAD % (b"0" * 32, 0))


def text_digest(text: bytes) -> bytes:
    return hashlib.blake2b(text, digest_size=16).hexdigest().encode("ascii")


def sealed_cache(cache: dict[str, Any], text: bytes) -> bytes:
    """``analysis.json``'s bytes: the analysis of ``text`` (the bytes of ``text.txt``)."""
    body = json.dumps(cache, ensure_ascii=False).encode("utf-8")
    return _HEAD % (text_digest(text), zlib.crc32(body)) + body + b"}"


def unsealed_cache(data: bytes, text: bytes) -> dict[str, Any] | None:
    """The cached analysis if ``data`` is intact and was made from exactly ``text``."""
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
