"""Article ids: the first 8 hex digits of the SHA-256 of the original bytes, more where needed
to be unique, so an article keeps its id, and its notes, across re-imports."""

from __future__ import annotations

from collections.abc import Callable

ID_LENGTH = 8


def unique_id(sha256: str, taken: Callable[[str], bool]) -> str:
    """The shortest prefix (at least 8 digits) of ``sha256`` no other article uses."""
    n = ID_LENGTH
    while n < len(sha256) and taken(sha256[:n]):
        n += 1
    return sha256[:n]


def sha256_hex(data: bytes) -> str:
    """SHA-256 without the GIL hand-off hashlib makes for inputs over 2 KiB: with the writer
    and worker threads busy, getting the GIL back cost more than hashing a short article."""
    import hashlib  # lazy: opening the library to list it needs no hashing

    digest = hashlib.sha256()
    if len(data) > 1 << 16:
        digest.update(data)
    else:
        view = memoryview(data)
        for start in range(0, len(data), 2047):
            digest.update(view[start : start + 2047])
    return digest.hexdigest()
