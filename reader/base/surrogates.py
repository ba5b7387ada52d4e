"""Lone surrogates: code points a Python ``str`` may hold but UTF-8, and so every file reader
writes, cannot. They arrive through JSON escapes (``"\\ud800"``) and through command-line arguments
and file names that are not UTF-8 (Python keeps such bytes as ``\\udc80``-``\\udcff``). Text with
one is refused where it would be stored (one record, one argument), or, for a file name that is
only shown, has them replaced by U+FFFD.
"""

from __future__ import annotations

import re

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text``, written as an escape (``\\ud800``), or ``None``."""
    if text.isascii():  # (one flag: most texts need no scan)
        return None
    try:
        text.encode("utf-8")  # C speed; only a lone surrogate makes it fail
        return None
    except UnicodeEncodeError:
        pass
    found = LONE_SURROGATE.search(text)
    return f"\\u{ord(found.group()):04x}" if found else None


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (for names that are only shown)."""
    return LONE_SURROGATE.sub("\ufffd", text)


def shown_bytes(text: str) -> str:
    """An argument as the bytes it came from, escaped and safe on one line: ``b'caf\\xe9'``
    for ``caf\\udce9`` (a Latin-1 "café" passed to a UTF-8 program)."""
    return repr(text.encode("utf-8", "surrogateescape") if _escaped_only(text) else text)


def _escaped_only(text: str) -> bool:
    return all("\udc80" <= c <= "\udcff" for c in LONE_SURROGATE.findall(text))
