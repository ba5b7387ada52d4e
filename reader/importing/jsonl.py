"""JSONL corpora: one article a line, ``{"text", "title"?, "date"?, "source"?, "url"?, "lang"?,
"tags"?}``. A bad line is reported by its number while the rest goes on."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from reader.textutil import strip_control

from .models import ImportFailure, ParsedArticle
from .normal import finish


def parse_lines(text: str) -> Iterator[tuple[int, ParsedArticle | ImportFailure]]:
    """(line number, article or the line's failure) for each line that is not blank."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_line(line)
        except ImportFailure as failure:
            yield number, failure


def parse_line(line: str) -> ParsedArticle:
    from .meta import parse_date

    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        raise ImportFailure("not valid JSON") from None
    if not isinstance(record, dict):
        raise ImportFailure("not a JSON object")
    _check_unicode(record)
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ImportFailure("missing or empty 'text'")
    tags = record.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise ImportFailure("'tags' must be a list of strings")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value is not None and str(value).strip() else None

    lang = optional("lang")
    article = ParsedArticle(
        text="",
        title=optional("title"),
        date=parse_date(optional("date")),
        source=optional("source"),
        url=optional("url"),
        lang=lang.lower() if lang else None,
        tags=[str(t) for t in tags if str(t).strip()],
        format="jsonl",
    )
    paragraphs = re.split(r"\n\s*\n", strip_control(body))
    return finish(article, paragraphs, [])


def _check_unicode(record: dict[str, Any]) -> None:
    """A JSON escape can give a lone surrogate (``"\\ud800"``), which no UTF-8 file can hold:
    the record is refused, naming the field (one bad record must not sink the batch)."""
    from reader.base.surrogates import lone_surrogate

    for key in ("title", "text", "source", "url", "date", "lang", "tags"):
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            bad = lone_surrogate(item) if isinstance(item, str) else None
            if bad:
                raise ImportFailure(f"'{key}' is not valid Unicode text (lone surrogate {bad})")
