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

from .text import bounded_bidi, escape_json, replace_control, strip_control

# ``^`` too: Obsidian reads `` ^word`` at the end of a line as a block id and hides it
_INLINE = re.compile(r"([\\`*_\[\]<>#|~$&^]|=(?==)|%(?=%))")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_OBSIDIAN_TAG = re.compile(r"^(?!\d+$)[\w/-]+$")
_URL = re.compile("^https?://[^\\s<>\\\\`\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]+$")


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
    # bidi overrides stay (the text is data) but close at the end of their line
    return "\u00a0" * indent + bounded_bidi(_ORDERED.sub(r"\1\\\2", out)) if out else ""


def paragraphs(text: str, *, hard_breaks: bool = False) -> list[str]:
    """Text as escaped Markdown lines; blank lines kept as paragraph breaks (collapsed).
    ``hard_breaks``: a line break inside a paragraph stays a line break when rendered (a
    backslash at the end of the line, CommonMark's hard line break), as a note was typed."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        escaped = escape_line(line)
        if escaped or (out and out[-1]):
            out.append(escaped)
    while out and not out[-1]:
        out.pop()
    if hard_breaks:
        out = [
            line + "\\" if line and i + 1 < len(out) and out[i + 1] else line
            for i, line in enumerate(out)
        ]
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
# In a double-quoted YAML scalar: what YAML reads as a line break (folded into a space), and what
# it does not accept at all; both are written as \uXXXX escapes (which JSON and YAML share)
_YAML_UNSAFE = re.compile("[\u0085\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_scalar(value: object) -> str:
    """A YAML value that reads back as exactly this string, whatever it looks like: every
    string is double-quoted (a JSON string, with the characters YAML 1.1 would fold or refuse
    escaped), so ``2024-01-01``, ``yes``, ``null``, ``1e3``, ``@x`` or ``a: b`` stay text."""
    if value is None or value == "":
        return "null"
    if isinstance(value, bool | int):
        return json.dumps(value)
    quoted = json.dumps(replace_control(str(value)), ensure_ascii=False)
    # bidi and zero-width characters as \\u escapes too: lossless, nothing to reorder the line
    return escape_json(_YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


def yaml_date(value: str | None) -> str:
    """The ``date:`` field: a plain ``YYYY-MM-DD`` stays unquoted, so Obsidian and pandoc read
    it as a date; anything else is a string (:func:`yaml_scalar`)."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    return yaml_scalar(value)


def yaml_list(key: str, values: list[str]) -> list[str]:
    if not values:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {yaml_scalar(v)}" for v in values]


_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#^\[\]]+')
_RESERVED = {  # Windows device names, with or without an extension, in any case
    "con",
    "prn",
    "aux",
    "nul",
    "conin$",
    "conout$",
    "clock$",
    *(f"{dev}{n}" for dev in ("com", "lpt") for n in (*"0123456789", "\u00b9", "\u00b2", "\u00b3")),
}


def reserved_name(name: str) -> bool:
    """Windows refuses a device name as a file name, also with an extension (``aux.txt``,
    ``NUL.tar.gz``) and with spaces before the dot (``CON .md``)."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in _RESERVED


def safe_stem(title: str, fallback: str, limit: int = 80) -> str:
    """A file name stem from a title that can't leave its folder or upset any OS or Obsidian
    (no separators, no leading or trailing dots and spaces, no Windows device names such as
    ``aux`` or ``LPT9.txt``; ``index`` is kept for the index)."""
    name = unicodedata.normalize("NFC", str(title))
    name = _UNSAFE_NAME.sub(" ", name)
    name = " ".join(name.split()).strip(" .")
    name = name[:limit]
    while len(name.encode("utf-8")) > 3 * limit // 2:  # file systems count bytes (255 max)
        name = name[:-1]
    name = name.rstrip(" .")
    if not name:
        return fallback
    if name.casefold() == "index" or reserved_name(name):
        head, dot, tail = name.partition(".")  # the device name is the part before the dot
        name = f"{head.rstrip()} {fallback}{dot}{tail}"
    return name
