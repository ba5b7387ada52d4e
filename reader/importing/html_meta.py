"""Title, date, site name and URL as the page states them: JSON-LD, meta tags, headline, dateline.

Publishers say these things in several places, with different reliability: JSON-LD
``headline``/``datePublished`` and Open Graph tags are written for machines and rarely wrong,
``<title>`` usually carries a site-name suffix, and ``<h1>`` is the headline as shown (but on
blogs it may be the blog's name). We gather candidates and pick the most specific.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .meta import find_date, parse_date

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "posting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "webpage",
    "scholarlyarticle",
    "techarticle",
    "report",
}
_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "og:published_time",
)
_SEPARATORS = re.compile(r"\s+[|\-–—»·:]\s+|\s+[|»·]\s*")

Element = Any  # an lxml HtmlElement (lxml has no type information)


def _metas(tree: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in found:
            found[key] = " ".join(content.split())
    return found


def _json_ld(tree: Element) -> list[dict[str, Any]]:
    """Article-like objects from every JSON-LD block (``@graph`` and lists flattened)."""
    objects: list[dict[str, Any]] = []

    def collect(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                objects.append(node)
            if "@graph" in node:
                collect(node["@graph"])

    for document in json_ld(tree):
        try:
            collect(document)
        except RecursionError:
            continue
    # Real articles before the WebPage wrapper.
    objects.sort(key=lambda o: str(o.get("@type")).lower() == "webpage")
    return objects


def _text(node: Element) -> str:
    return " ".join(node.text_content().split())


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def _unescaped(text: str | None) -> str | None:
    """'K&auml;se' -> 'Käse': a title escaped twice by its page still reads as text."""
    if not text or "&" not in text:
        return text
    import html

    for _ in range(2):  # '&amp;auml;' was escaped three times over
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


_KICKER = re.compile(
    r"kicker|overline|dachzeile|topline|top-line|eyebrow|roofline|spitzmarke|supertitle|"
    r"headline-?intro|headline__intro|title-?label|pre-?title|flag",
    re.I,
)
_INLINE_TAGS = {"em", "i", "b", "strong", "a", "wbr", "sup", "sub", "abbr", "u", "mark", "small"}


def _headline(node: Element) -> tuple[str, str | None]:
    """(headline, kicker) of an <h1>: a kicker element inside it ('<span class="kicker">')
    is kept apart, and parts in blocks of their own are not glued together."""
    kicker = None
    parts: list[str] = []

    def walk(element: Element) -> None:
        nonlocal kicker
        label = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element is not node and _KICKER.search(label):
            kicker = kicker or _text(element)
            if element.tail:
                parts.append(element.tail)
            return
        spaced = element is not node and element.tag not in _INLINE_TAGS
        if spaced:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:
                parts.append(child.tail)
        if spaced:
            parts.append(" ")
        if element is not node and element.tail:
            parts.append(element.tail)

    walk(node)
    return " ".join("".join(parts).split()), kicker


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _pieces(title: str) -> list[str]:
    """A title and, when it has separators, its parts: 'Headline – Site' -> [whole, Headline, Site];
    'Kicker: Headline' -> [whole, Kicker, Headline]."""
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    pieces = [title] + (parts if len(parts) > 1 else [])
    kicked = _KICKED.match(title)
    if kicked:
        pieces += [kicked.group(1), kicked.group(2)]
    return pieces


_KICKED = re.compile(r"^([^:]{2,40}?):\s+(\S.{8,})$")


def _is_site(piece: str, site: str | None, host: str | None) -> bool:
    """Is this part of a title the site's name ('Site', or 'example.org' / 'Example' for host example)?"""
    norm = _norm(piece)
    if site and norm == _norm(site):
        return True
    if not host:
        return False
    return norm.replace(" ", "") in {host.replace(".", ""), host.split(".")[0]}


def _host_label(url: str | None) -> str | None:
    """'https://www.example.org/a' -> 'example.org'."""
    match = re.match(r"^[a-z]+://(?:www\.)?([^/:?#]+)", url or "", re.I)
    return match.group(1).casefold().replace("-", "") if match else None


def _strip_site(title: str, site: str | None, host: str | None = None) -> str:
    """'Headline | Site' -> 'Headline' when a part is the site name."""
    parts = _pieces(title)[1:]
    if not parts or not (site or host):
        return title
    kept = [p for p in parts if not _is_site(p, site, host)]
    if kept and len(kept) < len(parts):
        start, last = title.find(kept[0]), kept[-1]
        end = title.rfind(last) + len(last)
        return title[start:end].strip() if 0 <= start < end else kept[0]
    return title


def _pick_title(
    machine: list[str],
    page_title: str | None,
    h1s: list[str],
    site: str | None,
    host: str | None = None,
    in_article: list[bool] | None = None,
) -> str | None:
    """The headline as shown: the page's <h1> (of several, the one that shares most words with
    the machine-readable titles and <title>, inside the article, longer); else the machine title;
    else <title> without the site's name.

    Measured on the devpages build: publishers' og:title and JSON-LD headline are often a
    search-engine variant of the headline, the <h1> is what readers see (and cite)."""
    from .scraped_lines import is_ui

    flags = in_article if in_article is not None else [False] * len(h1s)
    usable = [
        (h, inside)
        for h, inside in zip(h1s, flags, strict=True)
        if h
        and not is_ui(h)
        and (not site or _norm(h) != _norm(site))
        and not _is_site(h, site, host)
    ]
    if usable:
        reference = set(_norm(" ".join(machine + [page_title or ""])).split())

        def fit(entry: tuple[str, bool]) -> float:
            words = set(_norm(entry[0]).split())
            shared = len(words & reference) / max(1, len(words)) if reference else 0.0
            return shared + (0.5 if entry[1] else 0.0) + 0.01 * min(len(words), 15)

        best = max(usable, key=fit)[0]
        lone_word = len(best.split()) == 1 and not set(_norm(best).split()) & reference
        if not (lone_word and machine):  # 'Sanierung' over a story titled otherwise: a label
            return best
    if machine:
        return _strip_site(machine[0], site, host)
    if page_title:
        parts = _pieces(page_title)
        if site or host:
            stripped = _strip_site(page_title, site, host)
            if stripped != page_title:
                return stripped
        return parts[1] if len(parts) > 1 else page_title
    return None


def _site_from_title(page_title: str, title: str) -> str | None:
    """'Site: Headline', 'Headline | Section | Site': what is left of <title> around the headline."""
    at = page_title.find(title)
    if at < 0:
        rest = [p for p in _pieces(page_title)[1:] if _norm(p) not in _norm(title)]
        return rest[-1] if rest else None
    before = page_title[:at].strip(" |-–—»·:")
    after = page_title[at + len(title) :].strip(" |-–—»·:")
    if after:  # the site usually closes the title ...
        parts = _pieces(after)
        return parts[-1] if len(parts) > 1 else after
    if before:  # ... or opens it
        parts = _pieces(before)
        return parts[1] if len(parts) > 1 else before
    return None


def read_meta(tree: Element) -> dict[str, str | None]:
    metas = _metas(tree)
    objects = _json_ld(tree)
    site = metas.get("og:site_name") or metas.get("application-name")
    for obj in objects:
        publisher = obj.get("publisher")
        if not site and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site = publisher["name"]
    site = _unescaped(site)
    headline = next((o["headline"] for o in objects if isinstance(o.get("headline"), str)), None)
    title_tag = tree.find(".//title")
    page_title = _unescaped(_text(title_tag)) if title_tag is not None else None
    machine = [
        " ".join((_unescaped(c) or "").split())
        for c in (
            headline,
            metas.get("og:title"),
            metas.get("twitter:title"),
            metas.get("dc.title"),
        )
        if c and c.strip()
    ]
    h1_nodes = [h for h in tree.iter("h1") if _headline(h)[0]]
    h1s = [_unescaped(_headline(h)[0]) or "" for h in h1_nodes]
    in_article = [
        any(a.tag in ("article", "main") or a.get("role") == "main" for a in h.iterancestors())
        for h in h1_nodes
    ]
    canonical = tree.find(".//link[@rel='canonical']")
    url = metas.get("og:url") or (canonical.get("href") if canonical is not None else None)
    title = _pick_title(machine, page_title, h1s, site, _host_label(url), in_article)
    if not site and page_title and title:
        site = _site_from_title(page_title, title)
    if site and len(_pieces(site)) > 1:  # "Site – the tagline" -> "Site"
        site = _pieces(site)[1]
    date = None
    for obj in objects:
        date = parse_date(
            obj.get("datePublished") if isinstance(obj.get("datePublished"), str) else None
        )
        if date:
            break
    if not date:
        for key in _DATE_METAS:
            date = parse_date(metas.get(key))
            if date:
                break
    if not date:
        for node in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateCreated']")[:3]:
            date = parse_date(node.get("datetime") or node.get("content")) or find_date(
                _text(node)[:200]
            )
            if date:
                break
    return {
        "title": title,
        "date": date,
        "visible_date": _visible_date(tree),
        "source": site,
        "url": url,
        "standfirst": _standfirst(tree, metas),
    }


def _standfirst(tree: Element, metas: dict[str, str]) -> str | None:
    """The page's description when the page also shows it as its own block: the lead.

    Extractors often skip the lead because it sits in a header box ("entry-excerpt"), yet it is
    part of the story. Shown on the page verbatim, the description is this article's lead, not a
    teaser of another one.
    """
    description = (
        metas.get("og:description") or metas.get("description") or metas.get("twitter:description")
    )
    if not description or len(description.split()) < 8:
        return None
    wanted = _norm(description)
    body = tree.find(".//body")
    if body is None:
        return None
    start = " ".join(description.split()[:4])
    for node in body.iter():
        if not isinstance(node.tag, str) or start not in " ".join((node.text or "").split()):
            continue
        for candidate in [node, *list(node.iterancestors())[:2]]:
            if _norm(candidate.text_content()) == wanted:
                return " ".join(candidate.text_content().split())
    return None


def _visible_date(tree: Element) -> str | None:
    """A <time datetime> or a dateline: the weakest evidence (sidebars have dates too), so the
    article's own container is searched before the whole page."""
    scopes = tree.xpath("//article | //main | //*[@role='main']")[:2] + [tree]
    for scope in scopes:
        for node in scope.iter("time"):
            found = parse_date(node.get("datetime")) or find_date(_text(node))
            if found:
                return found
    for scope in scopes:
        for node in scope.xpath(
            ".//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'meta')]"
        )[:20]:
            found = find_date(_text(node)[:200])
            if found:
                return found
    return None


def json_ld(tree: Any) -> Iterator[Any]:
    """The page's JSON-LD documents, parsed (a script that is no JSON is passed over)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            document = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        yield document
