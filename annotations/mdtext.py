"""Putting the user's text into Markdown and YAML as text, never as markup.

A note that says ``---``, ``# heading``, ``> quote``, ``[link](x)``, ``<b>`` or ``==mark==`` must
come out as those characters, not as a new section, link, HTML or Obsidian highlight: every
character CommonMark, GFM or Obsidian could read as markup is backslash-escaped (CommonMark lets
any ASCII punctuation be escaped, so the rendered text is exactly the original).
"""

from __future__ import annotations

import json
import re
import unicodedata

from .text import replace_control, strip_control

_INLINE = re.compile(r"([\\`*_\[\]<>#|~$&]|=(?==)|%(?=%))")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_OBSIDIAN_TAG = re.compile(r"^(?!\d+$)[\w/-]+$")
_URL = re.compile(r"^https?://[^\s<>\\`]+$")


def escape_line(line: str) -> str:
    """One line of text as literal Markdown. Leading indentation is kept as no-break spaces:
    spaces would make an indented code block (4+) or vanish when rendered (HTML collapses
    them); a no-break space is text to CommonMark, so the line stays a plain line, indented."""
    line = strip_control(line).rstrip()
    body = line.lstrip()
    out = _INLINE.sub(r"\\\1", body)
    if out[:1] in ("-", "+", "="):  # bullet, thematic break, setext underline
        out = "\\" + out
    indent = len(line[: len(line) - len(body)].expandtabs(4))
    return "\u00a0" * indent + _ORDERED.sub(r"\1\\\2", out) if out else ""


def paragraphs(text: str) -> list[str]:
    """Text as escaped Markdown lines; blank lines kept as paragraph breaks (collapsed)."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        escaped = escape_line(line)
        if escaped or (out and out[-1]):
            out.append(escaped)
    while out and not out[-1]:
        out.pop()
    return out


def blockquote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in paragraphs(text)] or [">"]


def one_line(text: str) -> str:
    """For headings and list items: the text on one line, escaped."""
    return escape_line(" ".join(str(text).split()))


def tag_ref(tag: str) -> str:
    """An Obsidian tag (``#frame/conflict``) when the tag can be one, else escaped text. Obsidian
    tags hold no spaces: ``United States`` is written ``#United_States`` (the front matter keeps
    the tag as typed)."""
    name = "_".join(str(tag).split())
    return f"#{name}" if _OBSIDIAN_TAG.match(name) else one_line(tag)


def link_or_text(url: str) -> str:
    return f"<{url}>" if _URL.match(url) else one_line(url)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def yaml_scalar(value: object) -> str:
    """A YAML value that can't break the front matter: JSON strings are valid YAML scalars.
    A plain ``YYYY-MM-DD`` stays unquoted, so Obsidian and pandoc read it as a date."""
    if value is None or value == "":
        return "null"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    if isinstance(value, bool | int):
        return json.dumps(value)
    return json.dumps(replace_control(str(value)), ensure_ascii=False)


def yaml_list(key: str, values: list[str]) -> list[str]:
    if not values:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {yaml_scalar(v)}" for v in values]


_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#^\[\]]+')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "index",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def safe_stem(title: str, fallback: str, limit: int = 80) -> str:
    """A file name stem from a title that can't leave its folder or upset any OS or Obsidian
    (no separators, no leading dots, no reserved names; ``index`` is kept for the index)."""
    name = unicodedata.normalize("NFC", str(title))
    name = _UNSAFE_NAME.sub(" ", name)
    name = " ".join(name.split()).strip(" .")
    name = name[:limit]
    while len(name.encode("utf-8")) > 3 * limit // 2:  # file systems count bytes (255 max)
        name = name[:-1]
    name = name.rstrip(" .")
    if not name or name.casefold() in _RESERVED:
        name = f"{name} {fallback}".strip() if name else fallback
    return name
