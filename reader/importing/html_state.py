"""The story a page keeps in its scripts' JSON, for pages whose markup shows only its start.

Many sites render from a JSON state embedded in the page (Next.js ``__NEXT_DATA__``,
``window.__PRELOADED_STATE__``, ``__INITIAL_STATE__``, Apollo's cache, JSON-LD ``articleBody``)
and put only the first paragraphs in the markup, the rest arriving by script. Here every
script's JSON is read into text: a string is a text (an HTML string its blocks), a JsonML list
(``["p", "text", ["a", {...}, "link"]]``) its elements, other lists and objects their parts'
texts in order (in objects only strings of several words: no ids, types or addresses). The
story is the smallest part whose text starts with the extraction's first sentence words and
covers nearly all of the extraction while being much longer; ``longer_story`` returns it, or
None, and the markup's extraction stays.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

Element = Any  # an lxml HtmlElement

_ASSIGNED = re.compile(r"(?:^|[;\s])(?:var\s+|let\s+|const\s+)?[\w$.\[\]\"']{1,80}\s*=\s*(?=[\[{])")
_PARSED = re.compile(r"(?:^|[;\s=(])JSON\.parse\(\s*(?=[\"'])")
_TAG = re.compile(r"^[a-z][a-z0-9-]{0,20}$")
_HTML_TAG = re.compile(r"<(?:p|div|h[1-6]|br|li|blockquote|span|a|em|strong)\b[^>]*>", re.I)
_BLOCK_TAGS = set(
    "p div h1 h2 h3 h4 h5 h6 li blockquote section article ul ol pre tr dd dt br".split()
)
_INLINE_TAGS = set(
    "a em strong b i u s span sup sub small mark code q cite abbr time del ins".split()
)
# elements of an HTML string that are never story text
_SKIP_TAGS = {"script", "style", "figure", "figcaption", "aside", "iframe", "button", "svg"}
_SENTENCE_END = re.compile(r"[.!?…\"“”»]$")
# object keys whose strings are never story text
_SKIP_KEYS = re.compile(r"url|href|src|link|style|class|css|html?id|slug|path|json|script", re.I)
_WORD = re.compile(r"\w+")
_MIN_SCRIPT = 1_000  # a script holding a story is longer than this
_MIN_GAIN = 1.6  # the JSON story has at least this many times the extraction's words
_MIN_COVER = 0.85  # share of the extraction's words the JSON story holds


def script_texts(tree: Element) -> list[str]:
    """The texts of the page's scripts long enough to hold a story (read before the scripts
    are dropped with the page's furniture)."""
    return [
        script.text
        for script in tree.iter("script")
        if script.text and len(script.text) >= _MIN_SCRIPT
    ]


def _documents(text: str) -> Iterator[Any]:
    """The JSON values a script holds: the whole script when it is JSON (JSON-LD, Next.js
    data), else every value assigned to a name (``window.X = {...}``) or parsed from a string
    (``JSON.parse("...")``)."""
    stripped = text.strip()
    if stripped.startswith("<![CDATA["):
        stripped = stripped[9:].removesuffix("]]>").strip()
    decoder = json.JSONDecoder()
    if stripped[:1] in ("{", "["):
        try:
            yield decoder.raw_decode(stripped)[0]  # a ';' or a second statement may follow
            return
        except (ValueError, RecursionError):
            pass
    for match in _ASSIGNED.finditer(stripped):
        try:
            yield decoder.raw_decode(stripped, match.end())[0]
        except (ValueError, RecursionError):
            continue
    for match in _PARSED.finditer(stripped):
        quote = stripped[match.end()]
        try:
            if quote == '"':
                inner = decoder.raw_decode(stripped, match.end())[0]
            else:  # a single-quoted JavaScript string
                end = stripped.index("')", match.end() + 1)
                inner = json.loads('"' + stripped[match.end() + 1 : end].replace('"', '\\"') + '"')
            if isinstance(inner, str):
                yield json.loads(inner)
        except (ValueError, RecursionError):
            continue


def _html_blocks(text: str) -> list[str]:
    """An HTML string's text, one paragraph per block element."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on garbage
        return []
    for node in list(root.iter(*_SKIP_TAGS)):
        node.drop_tree()
    for node in root.iter(*_BLOCK_TAGS):  # each block on lines of its own
        node.text = "\n" + (node.text or "")
        node.tail = "\n" + (node.tail or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> list[str]:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


_MARKDOWN = re.compile(r"^#{1,6} \S|\]\(https?://|^\*\*\S", re.M)
# a CMS's Markdown extensions: embeds ('[#image: /photos/1]|||caption|||'), groups ('+++'),
# attribute lists ('{: target="_blank"}')
_DIRECTIVE = re.compile(r"^(?:\+\+\+|\[#\w+:|\*\*\*$)")
_ATTRIBUTES = re.compile(r"\{:[^}]*\}")


def _string_text(text: str) -> list[str]:
    """A text field's paragraphs: its blocks when it is HTML or Markdown, else its lines."""
    if _HTML_TAG.search(text):
        return _html_blocks(text)
    if _MARKDOWN.search(text):
        from .markdown import markdown_blocks

        lines = [line for line in text.split("\n") if not _DIRECTIVE.match(line.strip())]
        return markdown_blocks(_ATTRIBUTES.sub("", "\n".join(lines)))[0]
    return _paragraphs(text)


class _Reader:
    """Every part of a JSON value with its text as paragraphs, bottom up."""

    def __init__(self) -> None:
        self.parts: list[list[str]] = []

    def text(self, node: Any, depth: int = 0) -> list[str]:
        if depth > 60:
            return []
        if isinstance(node, str):
            found = _string_text(node) if len(node) > 40 else _paragraphs(node)
        elif isinstance(node, list):
            found = self._element(node, depth) if _is_element(node) else self._items(node, depth)
        elif isinstance(node, dict):
            # an object is no story itself: it holds the story's fields and others
            return [p for texts in self._fields(node, depth).values() for p in texts]
        else:
            return []
        if len(found) > 1 or (found and len(found[0]) > 200):
            self.parts.append(found)
        return found

    def _fields(self, node: dict[str, Any], depth: int) -> dict[str, list[str]]:
        """The text of each field of an object (of strings, those of several words that are
        no address or style)."""
        out: dict[str, list[str]] = {}
        for key, value in node.items():
            if isinstance(value, str):
                if " " in value.strip() and not _SKIP_KEYS.search(str(key)):
                    out[key] = self.text(value, depth + 1)
            elif isinstance(value, (list, dict)):
                out[key] = self.text(value, depth + 1)
        return out

    def _items(self, node: list[Any], depth: int) -> list[str]:
        """A list's text in order; of its objects ({"type": "text", "content": ...}, {"type":
        "image", "caption": ...}) only the field that holds most of their text."""
        texts: list[list[str] | dict[str, list[str]]] = [
            self._fields(item, depth + 1) if isinstance(item, dict) else self.text(item, depth + 1)
            for item in node
        ]
        sizes: Counter[str] = Counter()
        for text in texts:
            if isinstance(text, dict):
                for key, paragraphs in text.items():
                    sizes[key] += sum(len(p) for p in paragraphs)
        main = sizes.most_common(1)[0][0] if sizes else None
        found: list[str] = []
        for text in texts:
            found += text.get(main or "", []) if isinstance(text, dict) else text
        return found

    def _element(self, node: list[Any], depth: int) -> list[str]:
        """A JsonML element: [tag, {attributes}?, children...]; block elements are paragraphs.
        An element that is no HTML (an embed, an ad slot) is not story; nor is a list of links
        (with the label over it) or a paragraph that is one link to another story."""
        tag = node[0]
        if tag not in _BLOCK_TAGS and tag not in _INLINE_TAGS:
            return []
        if tag not in _BLOCK_TAGS:  # inline: its text runs into the paragraph around it
            return [self._inline([node], depth)[0]]
        found: list[str] = []
        run: list[Any] = []
        label = False  # the last paragraph is a short label ('More stories')

        def flush() -> None:
            nonlocal run, label
            text = _paragraphs(self._inline(run, depth)[0])
            found.extend(text)
            if text:
                label = len(text[-1].split()) <= 8 and not _SENTENCE_END.search(text[-1])
            run = []

        for child in _children(node):
            if not (
                _is_element(child) and (child[0] in _BLOCK_TAGS or child[0] not in _INLINE_TAGS)
            ):
                run.append(child)
                continue
            flush()
            if child[0] in ("ul", "ol") and _linked_share(self._inline([child], depth)) >= 0.5:
                if label:
                    found.pop()
                label = False
                continue
            if child[0] in ("p", "li", "h2", "h3", "h4") and _one_link(child):
                continue
            text = self.text(child, depth + 1)
            found += text
            if text:
                label = len(text[-1].split()) <= 8 and not _SENTENCE_END.search(text[-1])
        flush()
        return found

    def _inline(self, children: list[Any], depth: int, linked: bool = False) -> tuple[str, int]:
        """The text of inline content, and how many of its characters are link text."""
        pieces: list[str] = []
        in_links = 0
        for child in children:
            if isinstance(child, str):
                pieces.append(child)
                in_links += len(child.strip()) if linked else 0
            elif _is_element(child) and depth < 60:
                if child[0] not in _BLOCK_TAGS and child[0] not in _INLINE_TAGS:
                    continue
                text, inner = self._inline(_children(child), depth + 1, linked or child[0] == "a")
                pieces.append(f" {text} " if child[0] in _BLOCK_TAGS else text)
                in_links += inner
        return "".join(pieces), in_links


def _is_element(node: Any) -> bool:
    return (
        isinstance(node, list)
        and bool(node)
        and isinstance(node[0], str)
        and bool(_TAG.match(node[0]))
    )


def _children(node: list[Any]) -> list[Any]:
    return node[2:] if len(node) > 1 and isinstance(node[1], dict) else node[1:]


def _linked_share(inline: tuple[str, int]) -> float:
    text, linked = inline
    return linked / max(1, len("".join(text.split())))


def _one_link(node: list[Any]) -> bool:
    """A paragraph that is nothing but one link with a headline in it (a teaser)."""
    parts = [c for c in _children(node) if not (isinstance(c, str) and not c.strip())]
    if len(parts) != 1 or not _is_element(parts[0]) or parts[0][0] != "a":
        return False
    text = " ".join(_Reader()._inline(_children(parts[0]), 0)[0].split())
    return (
        bool(text) and len(text.split()) <= 20 and not text.endswith((".", "!", ":", "“", '"', "»"))
    )


def words(text: str) -> list[str]:
    """A text's words, case-folded (how the extraction and a script's story are compared)."""
    return _WORD.findall(text.casefold())


def _start(paragraphs: list[str]) -> list[str] | None:
    """The first words of the extraction's first sentence-length paragraph."""
    for paragraph in paragraphs[:4]:
        found = words(paragraph)
        if len(found) >= 8:
            return found[:8]
    return None


def _starts_with(story: list[str], start: list[str]) -> bool:
    head = words(" ".join(story[:3]))[:80]
    wanted = " ".join(start)
    return f" {wanted} " in f" {' '.join(head)} "


def _covers(story_words: Counter[str], extracted: list[str]) -> bool:
    wanted = Counter(extracted)
    held = sum(min(n, story_words[w]) for w, n in wanted.items())
    return held >= _MIN_COVER * sum(wanted.values())


def longer_story(scripts: list[str], paragraphs: list[str]) -> list[str] | None:
    """The story in the scripts' JSON that starts as the extraction does, holds nearly all of
    it and is much longer, as paragraphs (of several, the shortest such); None when there is
    none and the extraction stays."""
    start = _start(paragraphs)
    if not scripts or start is None:
        return None
    extracted = words(" ".join(paragraphs))
    needle = start[0]
    best: list[str] | None = None
    best_size = 0
    for script in scripts:
        if needle not in script.casefold():
            continue
        for document in _documents(script):
            reader = _Reader()
            try:
                reader.text(document)
            except RecursionError:
                continue
            for story in reader.parts:
                story_words = words(" ".join(story))
                size = len(story_words)
                if size < _MIN_GAIN * len(extracted) or not _starts_with(story, start):
                    continue
                if (best is None or size < best_size) and _covers(Counter(story_words), extracted):
                    best, best_size = story, size
    return best
