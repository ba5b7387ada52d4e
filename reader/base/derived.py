"""Derived files (caches): sealed with what they were made from and a checksum of their bytes.

Why: a cache is trusted only as far as it can be checked. A sealed file names its kind and the
sources it was made from (their stamps, a format version), and carries a CRC-32 of everything
after it; :func:`unseal` gives the payload only when the checksum matches and the sources are
the ones the caller has now. Anything else (missing, truncated, flipped bits, a same-length
edit, made from other sources, another format) reads as ``None``: the caller rebuilds from the
files of record. The check is one CRC over bytes already read (about 2 GB/s) and one
comparison, cheap enough for every use; nothing is parsed before it passes.
"""

from __future__ import annotations

import struct
import zlib

MAGIC = b"RDRSEAL1"
_HEAD = struct.Struct("<II")  # CRC-32 of everything after it, length of made_from
_U32 = struct.Struct("<I")


def seal(made_from: bytes, payload: bytes) -> bytes:
    """``payload`` with what it was made from and a checksum of both."""
    rest = _U32.pack(len(made_from)) + made_from + payload
    return MAGIC + _U32.pack(zlib.crc32(rest)) + rest


def unseal(data: bytes, made_from: bytes) -> memoryview | None:
    """The payload of a sealed ``data`` if it is intact and was made from ``made_from``."""
    at = len(MAGIC) + _HEAD.size
    if len(data) < at or not data.startswith(MAGIC):
        return None
    crc, size = _HEAD.unpack_from(data, len(MAGIC))
    view = memoryview(data)
    if zlib.crc32(view[len(MAGIC) + 4 :]) != crc:
        return None
    if size != len(made_from) or view[at : at + size] != made_from:
        return None
    return view[at + size :]


def made_from_of(data: bytes) -> bytes | None:
    """What a sealed ``data`` says it was made from (not yet checked: pass it to :func:`unseal`,
    for a derived file whose caller accepts more than one source, such as the index snapshot,
    which may be brought forward from any state its journal still holds)."""
    at = len(MAGIC) + _HEAD.size
    if len(data) < at or not data.startswith(MAGIC):
        return None
    _crc, size = _HEAD.unpack_from(data, len(MAGIC))
    return bytes(data[at : at + size]) if at + size <= len(data) else None
