"""Helpers the export readers share: decoding, CSV rows, dates, tags."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..models import ImportFailure


def text_of(data: bytes) -> str:
    from ..decode import decode_bytes

    return decode_bytes(data)


def header(data: bytes) -> list[str]:
    """The first CSV row, lower-cased and trimmed (an empty list if it is not text)."""
    head = data[:4096].decode("utf-8-sig", errors="replace")
    first = head.splitlines()[0] if head.strip() else ""
    try:
        row = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return []
    return [c.strip().lower() for c in row]


def csv_rows(data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by lower-cased column) for each data row."""
    text = text_of(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        names = [c.strip().lower() for c in next(reader)]
    except StopIteration:
        return
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        yield reader.line_num, dict(zip(names, row, strict=False))


def json_of(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImportFailure("not valid JSON") from None


def json_head(data: bytes) -> Any:
    """The parsed JSON for sniffing, or None (sniffers must not raise). ``data`` may be the
    start of a file only (a folder import reads 256 KB to ask): a list cut short gives its
    first record alone, so a large export is still recognised."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] not in (b"[", b"{"):
        return None
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(stripped) - 3:  # not UTF-8 (only a character cut at the end is)
            return None
        text = stripped[: exc.start].decode("utf-8")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        pass
    if not text.startswith("["):
        return None
    try:
        first, _end = json.JSONDecoder().raw_decode(text[1:].lstrip())
    except (ValueError, RecursionError):
        return None
    return [first]


def unix_date(value: Any) -> str | None:
    """Seconds since 1970 (a number or digits) as YYYY-MM-DD."""
    try:
        seconds = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    if not 0 < seconds < 4e10:
        return None
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d")


def any_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) or str(value).strip().isdigit():
        return unix_date(value)
    from ..meta import parse_date

    return parse_date(str(value))


def split_tags(value: str | None, separator: str) -> list[str]:
    if not value:
        return []
    return [t.strip() for t in value.split(separator) if t.strip()]


def text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
