"""Web pages: the article body (trafilatura, with a fallback where it loses the text) and metadata.

trafilatura is the best-kept extractor we measured, but it sometimes keeps only a fragment of the
story or takes a site name for the title. So the body comes from trafilatura's XML (which keeps
headings, lists, quotes and tables apart), and is swapped for our own densest-container
extraction when that is much longer; metadata is read from the page itself (see html_meta.py),
trafilatura's guesses filling only what the page does not say.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .html_state import words as _words
from .models import ImportFailure

Element = Any  # an lxml HtmlElement (lxml has no type information)


@dataclass
class HtmlDocument:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _inline_text(element: Element) -> str:
    """Text of an element with <lb/> as line breaks (code blocks and verse keep their lines)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _clean("".join(parts))


_SENTENCE_END = re.compile(r"[.!?…\"“”»]$")


def _blocks_from_xml(root: Element) -> tuple[list[str], list[int], set[str]]:
    main = root.find("main")
    if main is None:
        return [], [], set()
    paragraphs: list[str] = []
    headings: list[int] = []
    items: set[str] = set()

    def add(text: str, heading: bool = False) -> None:
        if text:
            if heading:
                headings.append(len(paragraphs))
            paragraphs.append(text)

    def visit(node: Element) -> None:
        tag = node.tag
        if tag == "head":
            add(_inline_text(node), heading=True)
        elif tag == "list":
            for item in node.iter("item"):
                text = _inline_text(item)
                items.add(text)
                add(text)
        elif tag == "table":
            for row in node.iter("row"):
                cells = [_inline_text(cell).replace("\n", " ") for cell in row.iter("cell")]
                add(" | ".join(c for c in cells if c))
        elif tag == "quote" and len(node) and any(child.tag in ("p", "list") for child in node):
            for child in node:
                visit(child)
        elif tag in ("p", "quote", "code"):
            add(_inline_text(node))
        elif len(node):
            visit_children(node)
        else:
            add(_inline_text(node))

    def loose(text: str | None) -> None:
        """Text loose between blocks: trafilatura leaves a paragraph that sat loose after a
        heading as the heading's tail. A sentence is story; a short label there is a widget's
        ('Next', 'Continue reading the main story', a credit), and '{{name}}' a template's."""
        text = _clean(text or "")
        if len(text.split()) >= 8 and _SENTENCE_END.search(text) and "{{" not in text:
            add(text)

    def visit_children(node: Element) -> None:
        loose(node.text)
        for child in node:
            visit(child)
            loose(child.tail)

    visit_children(main)
    return paragraphs, headings, items


def _trafilatura(
    tree: Element, guesses: bool = True
) -> tuple[list[str], list[int], dict[str, Any]]:
    """trafilatura on the parsed page (it works on its own copy): the body as its XML, and its
    metadata guesses (``guesses``: only when the page does not say everything itself; the body
    is the same either way). The page is not serialised and parsed again, and the XML is read
    once; extract()'s content fingerprint (a simhash of the whole text, which we never use) is
    skipped: ~20 % of the extraction's time on a 5 KB page, the guesses another ~20 %."""
    from lxml import etree

    xml = _trafilatura_xml(tree, guesses)
    if not xml:
        return [], [], {}
    root = etree.fromstring(xml.encode("utf-8"))
    paragraphs, headings, items = _blocks_from_xml(root)
    meta: dict[str, Any] = {key: root.get(key) for key in ("title", "date", "sitename", "url")}
    meta["items"] = items  # list items repeat legitimately (a meal plan, a route)
    return paragraphs, headings, meta


def _trafilatura_xml(tree: Element, guesses: bool) -> str | None:
    try:
        from trafilatura.core import Document, bare_extraction, determine_returnstring
        from trafilatura.settings import Extractor

        options = Extractor(
            output_format="xml",
            with_metadata=guesses,
            comments=False,
            tables=True,
            images=False,
            links=False,
            formatting=False,
            dedup=False,
        )
    except (ImportError, TypeError):  # another trafilatura: its public extract()
        import trafilatura
        from lxml import html as lxml_html

        return trafilatura.extract(
            lxml_html.tostring(tree, encoding="unicode"),
            output_format="xml",
            with_metadata=guesses,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    from copy import deepcopy

    from lxml import etree

    # the tree as trafilatura's own parser makes it (no comments, no processing instructions),
    # which is what it would get from the page as a string
    own = deepcopy(tree)
    etree.strip_elements(own, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    document = bare_extraction(own, options=options, as_dict=False)
    if not isinstance(document, Document) or document.body is None:
        return None
    return determine_returnstring(document, options)


def _drop_page_header(
    paragraphs: list[str], headings: list[int], title: str | None
) -> tuple[list[str], list[int], list[str]]:
    """The top of an article box the extractor kept: a kicker ('Digitales') over the repeated
    headline, then dateline, byline, reading time. Returns what is left and the header lines."""
    from .furniture import is_header_line

    drop = 0
    wanted = " ".join(_words(title or ""))
    for index, text in enumerate(paragraphs[:4] if wanted else []):
        own = " ".join(_words(text))
        # the headline alone, or glued to its kicker and widget leftovers ('Transport Headline 6:12')
        glued = (
            f" {wanted} " in f" {own} "
            and len(own.split()) - len(wanted.split()) <= 5
            and text[-1:] not in ".!?"
        )
        if own == wanted or glued:
            before = paragraphs[:index]
            if all(len(p.split()) <= 4 and not p.endswith((".", "!", "?")) for p in before):
                drop = index + 1
            break
    header = paragraphs[:drop]
    while drop < min(len(paragraphs) - 1, 6) and is_header_line(paragraphs[drop]):
        header.append(paragraphs[drop])
        drop += 1
    return paragraphs[drop:], [h - drop for h in headings if h >= drop], header


def _drop_trailers(paragraphs: list[str], headings: list[int]) -> tuple[list[str], list[int]]:
    """Tag lines, share labels and closing credits at the end of the article box."""
    from .furniture import is_trailer

    end = len(paragraphs)
    while end > 1 and is_trailer(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end], [h for h in headings if h < end]


_SPLIT_CAP = re.compile(r"^([B-HJ-NP-ZÄÖÜ])\s+([a-zäöüß]{2,})")


def _join_split_caps(paragraphs: list[str]) -> list[str]:
    """'D ie Regierung' (a drop cap the extractor set apart) -> 'Die Regierung'. Not for 'A',
    'I' and 'O', which are words of their own."""
    return [_SPLIT_CAP.sub(r"\1\2", p, count=1) for p in paragraphs]


_TOGGLE = re.compile(r"\s(?:less|weniger)$|(?:\.\.\.|…)\s*(?:more|mehr)$", re.I)


def _drop_toggled_captions(
    paragraphs: list[str], headings: list[int]
) -> tuple[list[str], list[int]]:
    """A collapsible caption shows twice, cut off ('... more') and in full ('... less'): both
    are the widget's, neither is story."""
    toggled = [bool(_TOGGLE.search(p)) for p in paragraphs]
    heads = Counter(p[:60] for p, t in zip(paragraphs, toggled, strict=True) if t)
    drop = {
        i
        for i, (p, t) in enumerate(zip(paragraphs, toggled, strict=True))
        if t and heads[p[:60]] > 1
    }
    if not drop:
        return paragraphs, headings
    kept = [p for i, p in enumerate(paragraphs) if i not in drop]
    new_index: dict[int, int] = {}
    for i in range(len(paragraphs)):
        if i not in drop:
            new_index[i] = len(new_index)
    return kept, [new_index[h] for h in headings if h in new_index]


def _drop_repeats(
    paragraphs: list[str], headings: list[int], items: set[str] | frozenset[str] = frozenset()
) -> tuple[list[str], list[int]]:
    """A paragraph the page shows twice (a pull quote, a caption under every picture) once.

    List items may repeat, and so may the rows of a page built of repeating parts (a meal plan,
    a timetable): when more than two different paragraphs repeat, the repetition is content."""
    keys = [" ".join(_words(text)) for text in paragraphs]
    counts = Counter(k for k, text in zip(keys, paragraphs, strict=True) if text not in items)
    repeated = {k for k, n in counts.items() if n > 1 and len(k.split()) >= 6}
    if not repeated or len(repeated) > 2:
        return paragraphs, headings
    seen: set[str] = set()
    kept: list[str] = []
    kept_headings: list[int] = []
    for index, (key, text) in enumerate(zip(keys, paragraphs, strict=True)):
        if key in repeated:
            if key in seen:
                continue
            seen.add(key)
        if index in headings:
            kept_headings.append(len(kept))
        kept.append(text)
    return kept, kept_headings


_SLIDE = re.compile(r"^(\d{1,3})\s*(?:/|von|of|aus)\s*(\d{1,3})(?!\d)")


def _gallery_slides(paragraphs: list[str]) -> set[int]:
    """'1/50 Star Wars boosts economy ...', '2/50 ...': the captions of a picture gallery,
    each behind its counter. Three or more counting to the same total make a gallery; one
    '1/2 cup flour' does not."""
    totals: dict[int, list[int]] = {}
    for index, text in enumerate(paragraphs):
        match = _SLIDE.match(text)
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            totals.setdefault(int(match.group(2)), []).append(index)
    return {i for found in totals.values() if len(found) >= 3 for i in found}


def _drop_widget_paragraphs(
    paragraphs: list[str], headings: list[int]
) -> tuple[list[str], list[int]]:
    """What extractors keep from widgets inside the article box: 'Teilen', 'Lesen Sie auch: ...',
    captions and credits, cut-off teasers ending in '[…]'. The same judgement as for scraped lines."""
    from .furniture import (
        is_account_prompt,
        is_appeal,
        is_audio_widget,
        is_comment_label,
        is_consent_box,
        is_gallery_counter,
        is_player_notice,
        is_teaser_link,
        is_ui,
    )
    from .scraped_lines import is_caption_or_credit
    from .ui_words import RELATED_LABELS

    kept: list[str] = []
    kept_headings: list[int] = []
    slides = _gallery_slides(paragraphs)
    for index, text in enumerate(paragraphs):
        label = text.split(":", 1)[0].casefold().strip() if ":" in text[:40] else ""
        if (
            index in slides
            or is_ui(text)
            or label in RELATED_LABELS
            or is_caption_or_credit(text)
            or is_audio_widget(text)
            or is_account_prompt(text)
            or is_teaser_link(text)
            or is_comment_label(text)
            or is_player_notice(text)
            or is_consent_box(text)
            or is_appeal(text)
            or is_gallery_counter(text)
            or re.search(r"\[(?:…|\.\.\.)\]\s*$", text)
        ):
            continue
        if index in headings:
            kept_headings.append(len(kept))
        kept.append(text)
    return kept, kept_headings


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")


def _date_in_url(url: str | None) -> str | None:
    """'/2018/04/12/slug': the last resort when the page states no date at all."""
    match = _URL_DATE.search(url or "")
    return (
        f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}" if match else None
    )


def _contains(paragraphs: list[str], passage: str) -> bool:
    """Is the passage (its first dozen words) already in the body?"""
    needle = " ".join(_words(passage)[:12])
    return needle in " ".join(" ".join(_words(p)) for p in paragraphs)


def _body(tree: Element, guesses: bool = True) -> tuple[list[str], list[int], dict[str, Any]]:
    """trafilatura on the page without its furniture; the densest container if that loses the
    story; sentences it dropped from its own container put back; the story the page's script
    JSON holds when the markup shows only its start."""
    from . import html_state

    scripts = html_state.script_texts(tree)  # before the furniture (and the scripts) go
    paragraphs, headings, guessed = _markup_body(tree, guesses)
    story = html_state.longer_story(scripts, paragraphs)
    if story is not None:
        return story, [], guessed
    return paragraphs, headings, guessed


def _markup_body(tree: Element, guesses: bool) -> tuple[list[str], list[int], dict[str, Any]]:
    from . import html_fallback
    from .html_coverage import extraction_container, restore_lost_text

    html_fallback.remove_furniture(tree)
    try:
        paragraphs, headings, guessed = _trafilatura(tree, guesses)
    except Exception:  # noqa: BLE001 - a bug or odd page in the extractor must not stop an import
        paragraphs, headings, guessed = [], [], {}
    fallback_paragraphs, fallback_headings = html_fallback.densest_container(tree)
    if html_fallback.prefer_fallback(paragraphs, fallback_paragraphs):
        return fallback_paragraphs, fallback_headings, guessed
    container = extraction_container(tree, paragraphs)
    paragraphs, headings = restore_lost_text(container, paragraphs, headings)
    return paragraphs, headings, guessed


def _pick_date(
    page: dict[str, str | None], guessed: dict[str, str | None], header: list[str]
) -> str | None:
    """The page's own statement first, then a dateline (marked up, or a header line of the
    article box), the extractor's guess, the URL."""
    from .meta import find_date

    guessed_date = guessed.get("date")
    if guessed_date and guessed_date.endswith("-01-01"):
        guessed_date = None  # the extractor's reading of a bare "© 2023": a year, not a date
    in_header = next((found for line in header if (found := find_date(line))), None)
    return (
        page.get("date")
        or page.get("visible_date")
        or in_header
        or guessed_date
        or _date_in_url(page.get("url"))
    )


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def extract_html(html: str) -> HtmlDocument:
    """Body paragraphs, headings and metadata of one page; ImportFailure when it has no text."""
    from . import dates, html_meta

    try:
        from lxml import html as lxml_html

        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # noqa: BLE001 - lxml raises several kinds on garbage: "no page here"
        raise ImportFailure("HTML page with no article text") from None
    page = html_meta.read_meta(tree)  # before the furniture goes: JSON-LD lives in <script>
    try:
        mentions = dates.html_mentions(tree)
    except Exception:  # noqa: BLE001 - an odd page's dates must not stop its import
        mentions = []
    # trafilatura's guesses only fill what the page does not say itself (see below)
    says_all = all(page.get(k) for k in ("title", "source", "url")) and bool(
        page.get("date") or page.get("visible_date")
    )
    paragraphs, headings, guessed = _body(tree, guesses=not says_all)
    title = page.get("title") or guessed.get("title")
    paragraphs, headings = _drop_widget_paragraphs(_join_split_caps(paragraphs), headings)
    paragraphs, headings = _drop_repeats(paragraphs, headings, guessed.get("items") or set())
    paragraphs, headings = _drop_toggled_captions(paragraphs, headings)
    paragraphs, headings, header = _drop_page_header(paragraphs, headings, title)
    rule = _pick_date(page, guessed, header)
    url = page.get("url") or guessed.get("url")
    found = dates.html_candidates(mentions, header, guessed.get("date"), url, rule)
    doc = HtmlDocument(
        title=title,
        date=dates.choose("html", found, rule),
        source=page.get("source") or guessed.get("sitename"),
        url=page.get("url") or guessed.get("url"),
    )
    doc.paragraphs, doc.headings = _drop_trailers(paragraphs, headings)
    lead = page.get("standfirst")
    if lead and doc.paragraphs and not _contains(doc.paragraphs, lead):
        doc.paragraphs.insert(0, lead)
        doc.headings = [h + 1 for h in doc.headings]
    if not doc.paragraphs or sum(len(p) for p in doc.paragraphs) < 20:
        raise ImportFailure("HTML page with no article text")
    return doc
