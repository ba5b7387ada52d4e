"""Bytes to text: the encodings people's files really come in, and mojibake repaired or refused.

Order matters: a byte-order mark is proof; valid UTF-8 is near-proof (random cp1252 text is
almost never valid UTF-8); a charset an HTML page declares comes next; cp1252 (with latin-1 for
its five undefined bytes) is the last resort. UTF-8 text that was once read as cp1252 and saved
again ("FÃ¼r", "â€ž") is repaired sequence by sequence; if marks of it remain, we refuse rather
than store garbage silently.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

from reader.textutil import _ANSI as ANSI_SEQUENCE

from .models import ImportFailure

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_byte_map() -> dict[str, int]:
    """Each character cp1252 (or latin-1 for cp1252's holes) produces, mapped back to its byte."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        table[char] = byte
        table.setdefault(chr(byte), byte)  # latin-1 reading: C1 controls stand for 0x80-0x9F
    return table


_BYTE_OF = _cp1252_byte_map()
_LEAD = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0xC2 <= b <= 0xF4)
_CONT = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF)
# A UTF-8 multi-byte sequence seen through cp1252: lead byte then 1-3 continuation bytes.
_MOJIBAKE_RUN = re.compile(f"[{_LEAD}][{_CONT}]{{1,3}}")
# Unmistakable marks: "Ã" or "Â" followed by a continuation char, or "â€"/"â\x80" (U+2000 block).
_MOJIBAKE_MARK = re.compile(f"[\u00c3\u00c2][{_CONT}]|\u00e2[\u20ac\x80]")


def _repair_run(match: re.Match[str]) -> str:
    raw = bytes(_BYTE_OF[c] for c in match.group(0))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 sequence by sequence; text without the marks is returned as is."""
    if not _MOJIBAKE_MARK.search(text):
        return text
    for _ in range(2):  # doubly encoded text needs a second pass
        text = _MOJIBAKE_RUN.sub(_repair_run, text)
        if not _MOJIBAKE_MARK.search(text):
            break
    return text


def has_mojibake(text: str) -> bool:
    return bool(_MOJIBAKE_MARK.search(text))


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes, if Python knows it."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# bytes no text file holds (NUL and the C0 controls text never uses; not tab, newlines, form
# feed, BEL, backspace or ESC, which terminal captures and old files do hold, nor any byte >= 0x80,
# which the decoding judges)
_NON_TEXT_BYTES = bytes([0, *range(1, 7), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
BINARY_RATIO = 0.05  # more than this share of non-text bytes (or decoded controls): binary


def looks_binary(data: bytes) -> bool:
    """Truly binary: more than 5 % of the first 64 KB are bytes no text holds (NUL, rare C0
    controls, DEL). A stray NUL or a few control sequences in a text file are not binary: they
    are stripped like any control character. UTF-16/32 text (NUL in every other byte) is
    judged after decoding instead."""
    sample = data[:65536]
    if not sample or sample.startswith(tuple(bom for bom, _ in _BOMS)) or _looks_utf16(data):
        return False
    non_text = len(sample) - len(sample.translate(None, _NON_TEXT_BYTES))
    return non_text > BINARY_RATIO * len(sample)


_WIDE_BOMS = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")


def _wide_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if encoding != "utf-8" and data.startswith(bom):
            return encoding
    return _looks_utf16(data)


def is_wide_text(data: bytes) -> bool:
    """UTF-16 or UTF-32 (by its byte-order mark or its NUL pattern): decoded whole, never cut
    at b"\\n", and sniffed only after decoding."""
    return _wide_encoding(data) is not None


def sniff_view(data: bytes, size: int = 65536) -> bytes:
    """The start of a document as UTF-8 bytes, for the format sniffers: UTF-16/32 text is
    decoded first, so a UTF-16 page is told HTML like any other (its markup has NULs between
    its bytes otherwise)."""
    encoding = _wide_encoding(data)
    if encoding is None:
        return data[:size]
    head = data[: size * 4]
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = head[: len(head) - len(head) % (4 if "32" in encoding else 2)]
    return head.decode(encoding, "replace").encode("utf-8")[:size]


def _mostly_ascii(text: str) -> bool:
    """Legacy-encoded European text is mostly ASCII; random bytes read as cp1252 are not."""
    sample = text[:20000]
    return not sample or sum(c < "\x80" for c in sample) >= 0.7 * len(sample)


def _plausible(text: str) -> bool:
    """Decoded text should be mostly letters, digits, punctuation and spaces, not control junk."""
    if not text:
        return True
    text = ANSI_SEQUENCE.sub("", text)  # colour codes in a terminal capture are not junk
    bad = len(_CONTROL_CHARS.findall(text))
    return bad <= BINARY_RATIO * len(text) + 1


@dataclass
class Decoded:
    """Decoded text, and how many bytes could not be decoded (each became U+FFFD)."""

    text: str
    replaced: int = 0


_count = threading.local()


def _count_replace(error: UnicodeError) -> tuple[str | bytes, int]:
    assert isinstance(error, UnicodeDecodeError)  # registered for decoding only
    _count.n = getattr(_count, "n", 0) + (error.end - error.start)
    return "\ufffd" * (error.end - error.start), error.end


_COUNT_REPLACE = "reader-count-replace"
codecs.register_error(_COUNT_REPLACE, _count_replace)


def _decode_counting(data: bytes, encoding: str) -> Decoded:
    """``data`` decoded; each byte that is not valid ``encoding`` becomes U+FFFD, counted."""
    try:
        return Decoded(data.decode(encoding))
    except UnicodeDecodeError:
        pass
    _count.n = 0
    text = data.decode(encoding, _COUNT_REPLACE)
    return Decoded(text, _count.n)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode a document; raises ImportFailure when it is not text we can trust."""
    return decode_document(data, html=html).text


def decode_document(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a document, saying how many bytes were replaced; raises ImportFailure when it is
    binary or garbled beyond repair.

    UTF-8 with some invalid bytes (at least as many valid multi-byte sequences as invalid
    bytes) is read as UTF-8 with those bytes replaced, and counted; without valid sequences
    it is a legacy encoding (a declared charset, else cp1252), which is no replacement."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _decode_counting(data[len(bom) :], encoding)
            if not _plausible(decoded.text):
                raise ImportFailure(f"not {encoding.upper()} text despite its byte-order mark")
            return decoded
    utf16 = _looks_utf16(data)
    if utf16:
        decoded = _decode_counting(data, utf16)
        if decoded.text and _plausible(decoded.text) and decoded.replaced <= len(data) // 100:
            return decoded
    decoded = _decode_counting(data, "utf-8")
    if decoded.replaced and _non_ascii(decoded.text) - decoded.replaced < decoded.replaced:
        decoded = Decoded(_decode_legacy(data, html=html))  # no UTF-8 here: a legacy encoding
        if not _mostly_ascii(decoded.text):
            raise ImportFailure(
                "cannot decode text (not UTF-8, and not readable as Windows-1252/Latin-1)"
            )
    text = decoded.text
    if has_mojibake(text):
        text = repair_mojibake(text)
        if has_mojibake(text):
            raise ImportFailure("garbled encoding (mojibake) that cannot be repaired")
    if not _plausible(text):
        raise ImportFailure(
            "not text: too many control characters (binary data or an unknown encoding)"
        )
    return Decoded(text, decoded.replaced)


def _decode_legacy(data: bytes, *, html: bool) -> str:
    declared = declared_charset(data) if html else None
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    # cp1252 is a superset of latin-1's printable range; its 5 holes fall back to latin-1.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(error: UnicodeError) -> tuple[str | bytes, int]:
    assert isinstance(error, UnicodeDecodeError)  # registered for decoding only
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "reader-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)
