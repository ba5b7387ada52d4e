"""Markdown articles: YAML front matter for metadata, the body as paragraphs and headings.

Front matter is read by PyYAML (``safe_load``: folded scalars, quoted list items, nested maps
and escapes as YAML means them); a block that is not YAML is a one-line import error. The body
is parsed by markdown-it-py (CommonMark with tables): the text keeps its words and loses the
markup (emphasis, link targets, reference-link definitions, inline HTML, backslash escapes);
headings, list items, table rows and code blocks are paragraphs of their own.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .models import ImportFailure

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_EMPTY_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:(?:\s|$)")


def _scalar(value: object) -> str | None:
    """A YAML scalar as text (dates as ISO); None for maps, lists and nulls."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _read_yaml(block: str) -> dict[str, object]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "cannot be read"
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for the fence
        raise ImportFailure(f"front matter is not valid YAML: {problem}{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailure("front matter is not valid YAML: not a list of 'key: value' fields")
    fields: dict[str, object] = {}
    for key, value in data.items():
        name = str(key).strip().lower()
        if isinstance(value, list):
            fields[name] = [text for item in value if (text := _scalar(item)) and text.strip()]
        elif (text := _scalar(value)) is not None:
            fields[name] = text.strip()
    return fields


def parse_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(fields, body). Text without a front-matter fence is all body.

    A trailing 'Tags: a, b' line stands in for front-matter tags when there are none, and a
    dateline at the top for a front-matter date."""
    match = _FENCE.match(text)
    if match:
        fields, body = _read_yaml(match.group(1)), text[match.end() :]
    elif empty := _EMPTY_FENCE.match(text):
        fields, body = {}, text[empty.end() :]
    else:
        fields, body = {}, text
    return _from_body(body, fields), body


def looks_like_markdown(data: bytes) -> bool:
    """Pasted text that is a Markdown document: front matter ('---' then 'key: value' lines and
    a closing '---'), or an ATX headline on the first line with more Markdown after it."""
    head = data[:65536].decode("utf-8", "replace").lstrip("\ufeff")
    match = _FENCE.match(head)
    if match:
        lines = [ln for ln in match.group(1).split("\n") if ln.strip() and not ln.startswith("#")]
        return bool(lines) and bool(_KEY_LINE.match(lines[0]))
    first = next((ln for ln in head.split("\n") if ln.strip()), "")
    if not re.match(r"^#{1,6}\s+\S", first):
        return False
    signals = (
        r"^#{1,6}\s+\S",  # another heading
        r"\[[^\]\n]+\]\([^)\s]+\)",  # a link
        r"(\*\*|__)\S.*?\S\1",  # strong emphasis
        r"^\s*(?:[-*+]|\d+\.)\s+\S",  # a list item
        r"^```|^~~~",  # a code fence
        r"^>\s",  # a quote
    )
    rest = head[head.index(first) + len(first) :]
    return any(re.search(signal, rest, re.M) for signal in signals)


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

    paragraphs, headings = _render(body)
    for index, line in enumerate(paragraphs[:6]):
        if index not in headings and is_header_line(line) and (found := find_date(line)):
            return found
    return None


def _trailing_tags(body: str) -> list[str]:
    """Tags a trailing 'Tags: a, b, c' line gives, for a document whose front matter has none."""
    from .furniture import tags_in

    lines = _render(body)[0][-4:]
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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _inline(token: Token) -> str:
    """The words of an inline token: text and code kept, markup, link targets and tags dropped."""
    parts: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak" or (
            kind == "html_inline" and re.match(r"<br\s*/?>", child.content, re.I)
        ):
            parts.append("\n")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()


def _html_text(html: str) -> str:
    """The visible words of an HTML block (comments and scripts have none)."""
    from lxml import html as lxml_html

    if not re.search(r"<(?!!--)[a-zA-Z]", html) and "<" in html:
        return ""  # a comment only
    try:
        fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on odd markup: no text then
        return ""
    for node in fragment.iter("script", "style"):
        node.drop_tree()
    return " ".join(fragment.text_content().split())


@lru_cache(maxsize=4)
def _render(body: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Paragraphs (list items, table rows and code blocks each their own) and heading indexes."""
    paragraphs: list[str] = []
    headings: list[int] = []
    row: list[str] = []
    in_heading = in_row = False
    for token in _parser().parse(body):
        kind = token.type
        if kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "tr_open":
            in_row, row = True, []
        elif kind == "tr_close":
            in_row = False
            if any(row):
                paragraphs.append(" | ".join(cell for cell in row if cell))
        elif kind == "inline":
            text = _inline(token)
            if in_row:
                row.append(text.replace("\n", " "))
            elif text:
                if in_heading:
                    headings.append(len(paragraphs))
                paragraphs.append(text)
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            if code.strip():
                paragraphs.append(code)
        elif kind == "html_block":
            text = _html_text(token.content)
            if text:
                paragraphs.append(text)
    return tuple(paragraphs), tuple(headings)


def markdown_blocks(body: str) -> tuple[list[str], list[int]]:
    """Paragraphs and heading indexes of the body, without the trailers and header lines."""
    paragraphs, headings = _render(body)
    return _drop_header_lines(*_drop_trailers(list(paragraphs), list(headings)))


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
