"""Markdown articles: YAML front matter for metadata, headings as heading paragraphs.

We read only the simple YAML that front matter uses (``key: value``, quoted strings, ``[a, b]``
lists and ``- item`` lists), so PyYAML need not be a dependency. The body keeps its words and
loses the markup that would otherwise show as noise in a reader (``#``, emphasis, link targets).
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*>\s?")


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        inner = raw[1:-1]
        return inner.replace("''", "'") if raw[0] == "'" else inner.replace('\\"', '"')
    return re.sub(r"\s+#.*$", "", raw)


def parse_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(fields, body). Text without a front-matter fence is all body.

    A trailing 'Tags: a, b' line stands in for front-matter tags when there are none."""
    match = _FENCE.match(text)
    if not match:
        return _from_body(text, {}), text
    fields: dict[str, object] = {}
    current: str | None = None
    for line in match.group(1).split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and current is not None:
            existing = fields.get(current)
            items = existing if isinstance(existing, list) else []
            items.append(_scalar(item.group(1)))
            fields[current] = items
            continue
        key = _KEY.match(line)
        if not key:
            continue
        current = key.group(1).lower()
        value = key.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            fields[current] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            fields[current] = _scalar(value)
        else:
            fields[current] = []
    body = text[match.end() :]
    return _from_body(body, fields), body


def _from_body(body: str, fields: dict[str, object]) -> dict[str, object]:
    """What the body says when front matter does not: a trailing 'Tags:' line, a dateline."""
    if not fields.get("tags") and not fields.get("keywords") and (found := _trailing_tags(body)):
        fields["tags"] = found
    if not fields.get("date") and (date := _header_date(body)):
        fields["date"] = date
    return fields


def _header_date(body: str) -> str | None:
    """The date of a dateline or byline line at the top ('*Von X · 3. Mai 2024*')."""
    from .furniture import is_header_line
    from .meta import find_date

    lines = [_inline(line.strip()) for line in body.strip().split("\n")[:12] if line.strip()]
    for line in lines[:6]:
        if not line.startswith("#") and is_header_line(line) and (found := find_date(line)):
            return found
    return None


def _trailing_tags(body: str) -> list[str]:
    """Tags a trailing 'Tags: a, b, c' line gives, for a document whose front matter has none."""
    from .furniture import tags_in

    lines = [_inline(line.strip()) for line in body.strip().split("\n") if line.strip()][-4:]
    return next((found for line in reversed(lines) if (found := tags_in(line))), [])


def _drop_trailers(paragraphs: list[str], headings: list[int]) -> tuple[list[str], list[int]]:
    """Tag lines, share bars, credits and 'more on this' lists closing the document: not story.

    A related-articles label takes the short headline-like lines under it along."""
    from .furniture import is_trailer
    from .ui_words import RELATED_LABELS

    end = len(paragraphs)
    while end > 1:
        text = paragraphs[end - 1]
        if is_trailer(text):
            end -= 1
            continue
        label = next(
            (
                i
                for i in range(end - 2, max(0, end - 8), -1)
                if paragraphs[i].casefold().strip(" .:…»›>*_") in RELATED_LABELS
            ),
            None,
        )
        teasers = paragraphs[label + 1 : end] if label is not None else []
        if (
            label is not None
            and label > 0
            and all(len(t.split()) <= 16 and not t.endswith(".") for t in teasers)
        ):
            end = label
            continue
        break
    return paragraphs[:end], [h for h in headings if h < end]


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    return text


def markdown_blocks(body: str) -> tuple[list[str], list[int]]:
    """Paragraphs (blank-line separated, list items each their own) and heading indexes."""
    paragraphs: list[str] = []
    headings: list[int] = []
    buffer: list[str] = []
    in_code = False

    def flush() -> None:
        if buffer:
            joined = "\n".join(buffer) if in_code else " ".join(buffer)
            if joined.strip():
                paragraphs.append(joined.strip() if not in_code else joined)
            buffer.clear()

    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```") or stripped.startswith("~~~"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            buffer.append(line.rstrip())
            continue
        if not stripped:
            flush()
            continue
        if heading := _HEADING.match(stripped):
            flush()
            headings.append(len(paragraphs))
            paragraphs.append(_inline(heading.group(2)))
            continue
        if _SETEXT.match(stripped) and len(buffer) == 1:
            headings.append(len(paragraphs))
            paragraphs.append(_inline(buffer[0]))
            buffer.clear()
            continue
        if _LIST_MARK.match(line):
            flush()
            buffer.append(_inline(_LIST_MARK.sub("", line).strip()))
            continue
        buffer.append(_inline(_QUOTE_MARK.sub("", stripped)))
    flush()
    return _drop_header_lines(*_drop_trailers(paragraphs, headings))


def _drop_header_lines(paragraphs: list[str], headings: list[int]) -> tuple[list[str], list[int]]:
    """Dateline, byline and reading-time lines at the top (before the first story paragraph)."""
    from .furniture import is_header_line

    kept: list[str] = []
    kept_headings: list[int] = []
    story_started = False
    for index, text in enumerate(paragraphs):
        if index in headings:
            kept_headings.append(len(kept))
        elif not story_started and index < 5 and is_header_line(text):
            continue
        else:
            story_started = True
        kept.append(text)
    return kept, kept_headings
