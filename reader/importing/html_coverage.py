"""Put back story text the extractor dropped from the very container it took the story from.

trafilatura loses text that sits loose between elements (a sentence after a ``<div><br></div>``
in Blogger-style markup is a "tail", and tails sometimes go missing). In the smallest element
that holds the extracted story, a sentence-length block that is absent from the extraction but
sits between blocks that are present was lost, not rejected, and goes back in at its place.
What is missing at the edges (bylines, author boxes, citation boxes) was cut on purpose.
"""

from __future__ import annotations

import re
from typing import Any

_BREAKS = {
    "br",
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "section",
    "article",
    "dl",
    "dd",
    "dt",
    "hr",
}
_SKIP = {
    "script",
    "style",
    "noscript",
    "figure",
    "figcaption",
    "template",
    "button",
    "form",
    "nav",
    "aside",
    "iframe",
    "svg",
    "select",
}
_MIN_WORDS = 8

Element = Any  # an lxml HtmlElement (lxml has no type information)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _blocks(holder: Element) -> list[str]:
    """The holder's text split where a line break or a block element starts or ends."""
    blocks: list[str] = []
    current: list[str] = []

    def cut() -> None:
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    def walk(node: Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in _BREAKS:
            cut()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if tag in _BREAKS:
            cut()

    walk(holder)
    cut()
    return blocks


def extraction_container(tree: Element, paragraphs: list[str]) -> Element | None:
    """The smallest element whose text holds (nearly) all the extracted paragraphs.

    Found from below: the element whose own text starts a paragraph, then up its ancestors
    (one text_content() per level, not per element of the page).
    """
    keys = [" ".join(_norm(p).split()[:6]) for p in paragraphs if len(p.split()) >= 6]
    if len(keys) < 2:
        return None
    starts = [" ".join(key.split()[:4]) for key in keys[:3]]
    anchor = None
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        own = _norm(" ".join([node.text or ""] + [child.tail or "" for child in node]))
        if own and any(start in own for start in starts):
            anchor = node
            break
    while anchor is not None:
        text = _norm(anchor.text_content())
        if sum(key in text for key in keys) >= 0.9 * len(keys):
            return anchor
        anchor = anchor.getparent()
    return None


def restore_lost_text(
    holder: Element | None, paragraphs: list[str], headings: list[int]
) -> tuple[list[str], list[int]]:
    if holder is None or not paragraphs:
        return paragraphs, headings
    blocks = [b for b in _blocks(holder) if len(b.split()) >= _MIN_WORDS]
    if not blocks:
        return paragraphs, headings
    normal = [_norm(p) for p in paragraphs]
    joined = " \n ".join(normal)
    found = [_norm(b) in joined for b in blocks]
    covered = sum(len(b) for b, ok in zip(blocks, found) if ok)
    if covered < 0.6 * sum(len(b) for b in blocks) or all(found):
        return paragraphs, headings  # not the extraction's container, or nothing lost
    # Only gaps between recognised blocks: what the extractor cut at the edges (bylines, bios,
    # citation boxes) it cut on purpose.
    first, last = found.index(True), len(found) - 1 - found[::-1].index(True)
    paragraphs, headings = list(paragraphs), list(headings)
    after = -1  # index of the paragraph holding the last block we recognised
    for position, (block, ok) in enumerate(zip(blocks, found)):
        wanted = _norm(block)
        if not first < position < last and not ok:
            continue
        if ok:
            after = next((i for i, p in enumerate(normal) if wanted in p), after)
            continue
        after += 1
        paragraphs.insert(after, block)
        normal.insert(after, wanted)
        headings = [h + 1 if h >= after else h for h in headings]
    return paragraphs, headings
