"""Is this the same story as one already in the library? MinHash candidates, exact verification.

Why not one hash: a single MinHash (the smallest hash over a text's shingles) is equal for two
texts with probability equal to their Jaccard similarity, so two *different* stories that share
boilerplate or a wire lead were called duplicates now and then, and one of them was dropped:
lost data. Here a duplicate must be proven:

1. ``content_key`` is a signature of ``BINS`` MinHash values (one-permutation hashing: each
   5-word shingle is hashed once, its low bits pick a bin, each bin keeps its minimum; empty
   bins of short texts borrow from the next bin). It is stored in the index row.
2. Candidates come from LSH bands (``BAND`` bins each): a stored article is a candidate when one
   band is equal. Two versions of a story (J >= 0.6) share a band with probability > 0.999.
3. A candidate is verified on the two clean bodies: the same story when the shingle sets'
   Jaccard similarity is >= ``JACCARD``, or when the smaller is nearly contained in the larger
   (``CONTAINMENT``) and not much smaller (``SIZE_RATIO``): a scrape with a few noise lines
   left, a page whose cleaner dropped a paragraph. Measured on the 22 corpus pages, HTML against
   scraped text: Jaccard 0.79-1.0, containment 0.97-1.0, size ratio >= 0.79; between different
   pages: 0. Two stories sharing a boilerplate paragraph or a two-paragraph wire lead stay far
   below (the tests build such pairs).
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable

SHINGLE = 5  # words per shingle
BINS = 32  # MinHash values per signature (16 bits each)
BAND = 2  # bins per LSH band: 16 bands
JACCARD = 0.8
CONTAINMENT = 0.9
SIZE_RATIO = 0.7
ESTIMATE_ONLY = 0.9  # when a candidate's body cannot be read, its signature must agree this much
PREFIX = "mh1:"

_P = (1 << 61) - 1  # polynomial shingle hash modulo a Mersenne prime
_BASE = 0x5BD1E9955BD1E99 % _P
_LEAD = pow(_BASE, SHINGLE - 1, _P)
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f">{BINS}H")
_BANDS = BINS // BAND


def words(text: str) -> list[str]:
    """The normalised words: NFKC, casefolded, word characters only (format-independent)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


_B2 = _BASE * _BASE % _P
_B3 = _B2 * _BASE % _P
# word -> its 61-bit code times B^4, B^3, B^2, B, 1 (mod P), across the articles of a process
_CODES: dict[str, tuple[int, int, int, int, int]] = {}
_CODES_MAX = 50_000


def _code(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8, key=b"reader").digest()
    return int.from_bytes(digest, "big") % _P


def shingle_hashes(text: str) -> list[int]:
    """A 61-bit hash of every run of ``SHINGLE`` words (one run of all words if fewer): the
    polynomial ``c0*B^4 + c1*B^3 + ... + c4 (mod P)`` of the words' codes. Each word's code is
    kept with its multiples by the powers of B, so that a run's hash is a sum (the same values
    as rolling it word by word; a bulk import spent a quarter of its main process here)."""
    global _CODES
    found = words(text)
    if len(_CODES) > _CODES_MAX:
        _CODES = {}  # (a new dict: another thread may be reading the old one)
    codes = _CODES
    for word in set(found).difference(codes):
        c = _code(word)
        codes[word] = (c * _LEAD % _P, c * _B3 % _P, c * _B2 % _P, c * _BASE % _P, c)
    rows = list(map(codes.__getitem__, found))
    if len(rows) <= SHINGLE:
        h = 0
        for row in rows:
            h = (h * _BASE + row[4]) % _P
        return [h]
    return [
        (r0[0] + r1[1] + r2[2] + r3[3] + r4[4]) % _P
        for r0, r1, r2, r3, r4 in zip(rows, rows[1:], rows[2:], rows[3:], rows[4:])
    ]


def signature(hashes: Iterable[int]) -> tuple[int, ...]:
    """``BINS`` 16-bit MinHash values (one permutation, rotation densification)."""
    mins = [_P] * BINS
    for h in hashes:
        b = h % BINS
        if h < mins[b]:  # faster than min() in this loop
            mins[b] = h
    filled = [i for i in range(BINS) if mins[i] != _P]
    if not filled:
        return (0,) * BINS
    out = []
    for i in range(BINS):
        j, step = i, 0
        while mins[j] == _P:
            j, step = (j + 1) % BINS, step + 1
        out.append(((mins[j] >> 5) + step * 0x9E37) & 0xFFFF)
    return tuple(out)


def content_key(text: str) -> str:
    """The key stored in the index: ``PREFIX`` + the signature, base64 (48 characters)."""
    packed = _PACK.pack(*signature(shingle_hashes(text)))
    return PREFIX + base64.b64encode(packed).decode("ascii").rstrip("=")


def parse_key(key: str) -> tuple[int, ...] | None:
    """The signature in a stored key; None for keys made by older versions (one hash)."""
    if not isinstance(key, str) or not key.startswith(PREFIX):
        return None
    body = key[len(PREFIX) :]
    try:
        return _PACK.unpack(base64.b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, struct.error):
        return None


def old_content_key(text: str) -> str:
    """The key the first version stored (one MinHash over 8-word shingles): only a candidate
    for rows not re-signed yet, verified on the bodies like any other."""
    found = words(text)
    if len(found) <= 8:
        return hashlib.sha256(" ".join(found).encode("utf-8")).hexdigest()[:32]
    return min(
        hashlib.blake2b(
            " ".join(found[i : i + 8]).encode("utf-8"), digest_size=16, key=b"reader"
        ).hexdigest()
        for i in range(len(found) - 7)
    )


def bands(sig: tuple[int, ...]) -> list[int]:
    """One 32-bit value per band."""
    return [(sig[i] << 16) | sig[i + 1] for i in range(0, BINS, BAND)]


def estimated_jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / BINS


def same_story(a: set[int], b: set[int]) -> bool:
    """The verification: shingle sets (``set(shingle_hashes(text))``) of two clean bodies."""
    if not a or not b:
        return False
    common = len(a & b)
    small, large = sorted((len(a), len(b)))
    if common / (small + large - common) >= JACCARD:
        return True
    return common / small >= CONTAINMENT and small / large >= SIZE_RATIO


class CandidateIndex:
    """LSH band lookup over many signatures: for the rows there at the start, per band a sorted
    array of band values and the rows holding them (about 13 MB at 100,000 articles, where a
    dict would take over 100 MB); a dict for the articles added later."""

    def __init__(self, items: Iterable[tuple[str, tuple[int, ...]]] = ()) -> None:
        from array import array

        self.ids: list[str] = []
        packed = bytearray()
        for article_id, sig in items:
            self.ids.append(article_id)
            packed += _PACK.pack(*sig)
        values = array("I")
        if values.itemsize != 4:  # pragma: no cover - no 32-bit "I" on this platform
            values = array("L")
        values.frombytes(bytes(packed))
        if sys.byteorder == "little":
            values.byteswap()  # the band values as bands() computes them (big-endian pairs)
        self.sorted: list[tuple[array[int], array[int]]] = []
        for band in range(_BANDS):
            column = values[band::_BANDS]
            order = sorted(range(len(column)), key=column.__getitem__)
            self.sorted.append(
                (array(values.typecode, map(column.__getitem__, order)), array("L", order))
            )
        self.added: dict[tuple[int, int], list[str]] = {}

    def add(self, article_id: str, sig: tuple[int, ...]) -> None:
        for band, value in enumerate(bands(sig)):
            self.added.setdefault((band, value), []).append(article_id)

    def candidates(self, sig: tuple[int, ...]) -> list[str]:
        """Ids sharing at least one band with ``sig``, most shared bands first."""
        hits: dict[str, int] = {}
        for band, value in enumerate(bands(sig)):
            column, rows = self.sorted[band]
            i = bisect_left(column, value)
            while i < len(column) and column[i] == value:
                found = self.ids[rows[i]]
                hits[found] = hits.get(found, 0) + 1
                i += 1
            for found in self.added.get((band, value), ()):
                hits[found] = hits.get(found, 0) + 1
        return sorted(hits, key=hits.__getitem__, reverse=True)
