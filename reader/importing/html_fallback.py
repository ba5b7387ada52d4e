"""A second opinion on a page's body: the container holding the most paragraph text.

Extractors occasionally keep only a teaser or one fragment of a long story (trafilatura scores
0.26 F1 on one of our pages). The simplest robust signal of "the article" is the element whose
own paragraphs carry the most text; if that is much longer than what the extractor returned, we
trust it instead.
"""

from __future__ import annotations

import re
from typing import Any

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "figure",
    "figcaption",
    "template",
)
_NOISE = re.compile(
    r"comment|share|social|related|sidebar|widget|newsletter|subscribe|footer|navigation|"
    r"\bnav\b|menu|breadcrumb|cookie|banner|promo|advert|\bad\b|author-?bio|byline|caption|"
    r"respond|reply|teaser|recommend|popular|tags?\b|meta\b",
    re.I,
)
_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dd"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


# Containers that hold other stories or page furniture, never the story itself (class/id words).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(related|nextstory|next-?posts?|prev-?posts?|post-?navigation|thumbnails|"
    r"recommend\w*|more-?(?:from|stories|articles)|teasers?|promo\w*|newsletter|share\w*|"
    r"social|comments?|respond|sidebar|cookie\w*|banner|subscribe|donat\w*|"
    r"spenden|author-?(?:bio|box|info)|outbrain|taboola|breadcrumbs?|transcripts?|"
    r"consent\w*|gdpr|cmp|gallery-?caption|slideshow-?caption)(?:$|[\s_-])",
    re.I,
)
# Furniture words that also name the layout of a story's own blocks ('content has-sidebar',
# 'post-share-wrapper'): such a block holding story paragraphs is the story.
_LAYOUT = re.compile(r"sidebar|share\w*|social|banner$", re.I)
_SENTENCE = re.compile(r"[.!?…\"“”»«)]\s*$")


def _holds_story(node: Element) -> bool:
    """Story paragraphs inside a block labelled like furniture ('article-body has-sidebar'):
    two sentence-length paragraphs or more, 300 characters or more, little of it in links."""
    text = " ".join(node.text_content().split())
    if not text:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
    if linked > 0.25 * len(text):
        return False
    story = [
        " ".join(words)
        for p in node.iter("p")
        if len(words := p.text_content().split()) >= 15 and _SENTENCE.search(" ".join(words))
    ]
    return len(story) >= 2 and sum(len(p) for p in story) >= 300


Element = Any  # an lxml HtmlElement (lxml has no type information)


def remove_furniture(tree: Element) -> Element | None:
    """Drop related-story blocks, share bars and the like before extraction.

    Only blocks that are a minor part of the page's text go, never one holding the <h1>, and
    never one holding story paragraphs: a site that names its article blocks
    "post-share-wrapper" or "content has-sidebar" must not lose its story.
    Returns that element holding the most text (or None).
    """
    body = tree.find(".//body")
    if body is None:
        return None
    _join_drop_caps(body)
    _space_heading_parts(body)
    _math_as_text(body)
    total = len(" ".join(body.text_content().split())) or 1
    holder = _main_text_holder(body)
    protected = set(holder.iterancestors()) | {holder} if holder is not None else set()
    for node in list(body.iter("div", "section", "aside", "ul", "ol", "nav", "footer", "form")):
        if node.getparent() is None:
            continue
        label = f"{node.get('class') or ''} {node.get('id') or ''}".strip()
        if not label or not _FURNITURE.search(label):
            continue
        if node in protected or node.find(".//h1") is not None:
            continue
        layout = all(_LAYOUT.match(m.group(1)) for m in _FURNITURE.finditer(label))
        if layout and _holds_story(node):  # keep it; keep the extractor from judging its name
            for attr in ("class", "id"):
                if node.get(attr):
                    node.set(attr, _FURNITURE.sub(" ", node.get(attr)).strip())
        elif len(" ".join(node.text_content().split())) < 0.4 * total:
            node.drop_tree()
    _drop_hidden(body, protected)
    _drop_labelled_lists(body)
    _drop_link_teasers(body)
    return holder


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_hidden(body: Element, protected: set[Element]) -> None:
    """A block styled invisible that holds schema.org properties is the page's copy of its own
    metadata (headline, description, keywords, publisher: text no reader sees). Other hidden
    blocks stay: a paged gallery hides the story's later parts the same way."""
    for node in list(body.iter("div", "section", "span")):
        if node.getparent() is None or node in protected:
            continue
        if _HIDDEN.search(node.get("style") or "") and (
            node.get("itemscope") is not None or node.find(".//*[@itemprop]") is not None
        ):
            node.drop_tree()


_DROP_CAP = re.compile(r"drop-?cap|initial|first-?letter|versal|lettrine|dropcap", re.I)


def _join_drop_caps(body: Element) -> None:
    """'<span class="dropcap">D</span>ie Regierung': the letter is part of the word after it."""
    for node in list(body.iter("span", "b", "strong", "em", "i", "big", "font", "p", "div")):
        letter = (node.text or "").strip()
        if len(letter) != 1 or not letter.isalpha() or len(node):
            continue
        label = f"{node.get('class') or ''} {node.get('id') or ''}"
        if not _DROP_CAP.search(label):
            continue
        parent = node.getparent()
        if parent is None:
            continue
        tail = (node.tail or "").lstrip()
        if node.tag in ("p", "div") and not tail:  # the letter in a block of its own
            following = node.getnext()
            if following is None or not (following.text or "").strip():
                continue
            following.text = letter + following.text.lstrip()
            node.drop_tree()
            continue
        node.tail = letter + tail
        node.text = ""
        node.drop_tag()


def _math_as_text(body: Element) -> None:
    """A MathML formula ('<math><mi>a</mi><mo>≠</mo><mn>0</mn></math>') is part of its sentence:
    its symbols as words (extractors drop the unknown elements and the formula with them); a
    TeX annotation of it is the same formula again, not text. MathJax shows it in glyph
    elements of its own ('<mjx-container>' around the MathML copy): the whole goes."""
    for math in list(body.iter("math")):
        shown = next((a for a in math.iterancestors("mjx-container")), None)
        if shown is not None:
            math = shown
        parent = math.getparent()
        if parent is None:
            continue
        symbols = [
            " ".join(node.text.split())
            for node in (math.iter("math") if shown is not None else [math])
            for node in node.iter()
            if isinstance(node.tag, str)
            and node.text
            and node.text.strip()
            and not any(a.tag in ("annotation", "annotation-xml") for a in node.iterancestors())
            and node.tag not in ("annotation", "annotation-xml")
        ]
        replacement = math.makeelement("span", {})
        replacement.text = " " + " ".join(symbols) + " "  # a word apart from the sentence's
        replacement.tail = math.tail
        parent.replace(math, replacement)


def _space_heading_parts(body: Element) -> None:
    """'<h1><span class="kicker">Kicker</span><span>Headline</span></h1>' reads 'Kicker Headline',
    not 'KickerHeadline': parts of a heading in elements of their own stay apart."""
    for heading in body.iter("h1", "h2", "h3"):
        for part in heading.iter("span", "div", "p", "strong", "em", "b"):
            if part is heading or not (part.get("class") or part.tag in ("div", "p")):
                continue
            if part.tail is None or not part.tail[:1].isspace():
                part.tail = " " + (part.tail or "")


def _drop_labelled_lists(body: Element) -> None:
    """'What else you need to know' over a bullet list: a list of other stories."""
    from .furniture import is_list_label

    for node in list(body.iter("h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "div", "span")):
        own = (node.text or "").strip()
        if not own or len(own) > 60 or len(node) > 1 or node.getparent() is None:
            continue  # a label is a few words of text, at most in one inline element
        if not is_list_label(node.text_content()):
            continue
        label = " ".join(node.text_content().split())
        following = node.getnext()
        holder = node
        while following is None and holder.getparent() is not None:
            parent = holder.getparent()  # the label wrapped in a block of its own
            if parent.tag == "body" or " ".join(parent.text_content().split()) != label:
                break
            holder = parent
            following = holder.getnext()
        if following is None:
            continue
        lists = [following] if following.tag in ("ul", "ol") else []
        if not lists and following.tag in ("div", "section"):
            inner = following.findall(".//ul") + following.findall(".//ol")
            text = len(following.text_content())
            if inner and sum(len(i.text_content()) for i in inner) >= 0.8 * text:
                lists = [following]
        for found in lists:
            found.drop_tree()
        if lists:
            holder.drop_tree()


def _drop_link_teasers(body: Element) -> None:
    """A paragraph that is nothing but one link with a headline in it points at another story
    (the teaser the page puts between two paragraphs); a story sentence ends like one."""
    for para in list(body.iter("p", "h2", "h3", "h4")):
        links = [child for child in para if child.tag == "a"]
        if (
            len(links) != 1
            or len(para) != 1
            or (para.text or "").strip()
            or (links[0].tail or "").strip()
        ):
            continue
        text = " ".join(para.text_content().split())
        href = links[0].get("href") or ""
        if (
            text
            and len(text.split()) <= 20
            and not text.endswith((".", "!", ":", "“", '"', "»"))
            and not href.startswith("#")
        ):
            para.drop_tree()


def _own_text(node: Element) -> int:
    """Characters of text directly in this element (its text and its inline children's tails)."""
    parts = [node.text or ""] + [child.tail or "" for child in node]
    parts += [child.text or "" for child in node if child.tag in _INLINE]  # links, emphasis
    return sum(len(part.strip()) for part in parts)


_INLINE = {
    "a",
    "b",
    "i",
    "em",
    "strong",
    "span",
    "br",
    "code",
    "q",
    "cite",
    "sup",
    "sub",
    "u",
    "mark",
}


def _main_text_holder(body: Element) -> Element | None:
    """The element holding most text directly or in paragraphs: surely part of the story."""
    scores: dict[Element, int] = {}
    for node in body.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        own = _own_text(node)
        if node.tag in ("p", "pre", "blockquote") and node.getparent() is not None:
            scores[node.getparent()] = scores.get(node.getparent(), 0) + own
        else:
            scores[node] = scores.get(node, 0) + own
    return max(scores, key=scores.__getitem__) if scores else None


def _is_noise(node: Element) -> bool:
    label = f"{node.get('class') or ''} {node.get('id') or ''}"
    return bool(label.strip()) and bool(_NOISE.search(label))


def _prune(tree: Element) -> None:
    for node in list(tree.iter(*_DROP_TAGS)):
        parent = node.getparent()
        if parent is not None:
            node.drop_tree()
    for node in list(tree.iter("div", "section", "ul", "ol", "span", "p")):
        if node.getparent() is not None and _is_noise(node):
            node.drop_tree()


def _block_text(node: Element) -> str:
    if node.tag == "tr":
        cells = [" ".join(c.text_content().split()) for c in node if c.tag in ("td", "th")]
        return " | ".join(c for c in cells if c)
    if node.tag == "pre":
        return "\n".join(line.rstrip() for line in node.text_content().strip("\n").split("\n"))
    return " ".join(node.text_content().split())


def densest_container(tree: Element) -> tuple[list[str], list[int]]:
    """Paragraphs and heading indexes of the element with the most direct paragraph text."""
    import copy

    tree = copy.deepcopy(tree)
    try:
        _prune(tree)
    except Exception:  # noqa: BLE001 - a malformed tree: no second opinion
        return [], []
    scores: dict[Element, int] = {}
    for p in tree.iter("p", "pre", "blockquote"):
        parent = p.getparent()
        if parent is None:
            continue
        length = len(" ".join(p.text_content().split()))
        scores[parent] = scores.get(parent, 0) + length
    if not scores:
        return [], []
    best = max(scores, key=scores.__getitem__)
    paragraphs: list[str] = []
    headings: list[int] = []
    for node in best.iter():
        if not isinstance(node.tag, str) or node.tag not in _BLOCKS:
            continue
        if any(
            a.tag in _BLOCKS for a in node.iterancestors() if a is not best and _inside(a, best)
        ):
            continue  # nested block: its text is in the outer one
        text = _block_text(node)
        if not text:
            continue
        if node.tag in _HEADINGS:
            headings.append(len(paragraphs))
        paragraphs.append(text)
    return paragraphs, headings


def _inside(node: Element, container: Element) -> bool:
    return any(a is container for a in node.iterancestors())


def prefer_fallback(extracted: list[str], fallback: list[str]) -> bool:
    """Use the fallback when the extractor found (almost) nothing or a small part of it."""
    got = sum(len(p) for p in extracted)
    alt = sum(len(p) for p in fallback)
    if got < 50:
        return alt >= 50
    return alt > 2.5 * got and alt > 1500
