"""Which stated date is the article's: every date a page states, ranked by a small learned model.

HTML: JSON-LD (datePublished, dateCreated, dateModified, uploadDate), meta tags (published and
modified times, Dublin Core, parsely, sailthru, ...), itemprop elements, ``<time>`` elements,
elements whose class says date or time, the text right after the headline, the article box's
header lines, the extractor's guess and the URL's path. Scraped text: every date-like string,
with its line's place relative to the headline and the story and the words around it.

Each distinct day is one candidate; its features say where it was stated, how often, whether it
is the earliest or latest, how many statements agree with it (a UTC timestamp near midnight also
stands for the neighbouring day, marked as shifted), and the words next to it ("Updated",
"Aktualisiert"). ``bench/train_dates.py`` fits a choice model (a softmax over a page's
candidates, leave-one-site-out in the bench) and writes ``date_model.json`` beside this file:
feature names and weights, no page text. Pure Python at run time; without the file the hand
rules' pick (the first statement in a fixed order of trust) is kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .linear import Features, Model, Shipped
from .meta import _MONTH_NAMES, DATE_IN_TEXT, parse_date

MODEL_FILE = Path(__file__).with_name("date_model.json")
KINDS = ("html", "scraped")
Element = Any  # an lxml HtmlElement

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_SHIPPED = Shipped(MODEL_FILE, KINDS)


def model() -> Model:
    """The model in use: the shipped one (read once), or one the bench set with ``using``."""
    return _SHIPPED.model()


def using(replacement: Model) -> AbstractContextManager[None]:
    """Rank with other weights (the bench's leave-one-site-out models)."""
    return _SHIPPED.using(replacement)


Record = tuple[str, list[tuple[str, Features]], str | None]  # kind, candidates, rules' pick
_RECORDS: list[list[Record]] = []


@contextmanager
def recording() -> Iterator[list[Record]]:
    """Collect (kind, candidates, the rules' pick) of every choice made inside (the trainer
    reads them)."""
    found: list[Record] = []
    _RECORDS.append(found)
    try:
        yield found
    finally:
        _RECORDS.pop()


def choose(
    kind: str, candidates: Sequence[tuple[str, Features]], fallback: str | None
) -> str | None:
    """The best-scoring candidate day; the rules' pick when there is no model or no candidate."""
    if _RECORDS:
        _RECORDS[-1].append((kind, list(candidates), fallback))
    scorer = model()
    if not candidates or not scorer.has(kind):
        return fallback
    return max(candidates, key=lambda c: scorer.score(kind, c[1]))[0]


# ---- mentions and their aggregation into candidates ------------------------------------------


@dataclass
class Mention:
    day: str
    source: str  # "ld:published", "meta:pub", "time", "text", ...
    words: tuple[str, ...] = ()  # interface words next to it ("updated", "veröffentlicht")
    flags: tuple[str, ...] = ()  # "shifted", "utc", "art" (inside the article), ...


@dataclass
class _Day:
    mentions: list[Mention] = field(default_factory=list)


_TIMESTAMP = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2})?(?:[.,]\d+)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?",
    re.I,
)


def _shift(day: str, days: int) -> str | None:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except OverflowError:  # '9999-12-31T23:59:59Z' has no next day
        return None


def timestamp_mentions(value: str | None, source: str, **extra: Any) -> list[Mention]:
    """The day a machine-readable value states (as written), and for a UTC time near midnight
    the neighbouring day it is in Europe (late evening) or America (early morning), marked."""
    day = parse_date(value) if isinstance(value, str) else None
    if not day:
        return []
    flags = tuple(extra.get("flags", ()))
    words = tuple(extra.get("words", ()))
    out = [Mention(day, source, words, flags)]
    match = _TIMESTAMP.match(value or "")
    if match:
        hour, zone = int(match.group(4)), (match.group(6) or "").upper().replace(":", "")
        utc = zone in ("Z", "+0000", "-0000")
        if utc:
            out[0].flags += ("utc",)
            other = _shift(day, 1) if hour >= 20 else _shift(day, -1) if hour < 6 else None
            if other:
                out.append(Mention(other, source, words, (*flags, "shifted")))
        elif not zone:
            out[0].flags += ("naive",)
        if hour == 0 and int(match.group(5)) == 0:
            out[0].flags += ("midnight",)
    return out


def _vocab(text: str, limit: int = 6) -> tuple[str, ...]:
    """The first few words of a short label next to a date ('Aktualisiert am', 'Updated')."""
    return tuple(w.casefold() for w in _WORD.findall(text)[:limit] if len(w) > 1)


def candidates_from(mentions: list[Mention], rule: str | None = None) -> list[tuple[str, Features]]:
    """One feature dict per distinct day: its sources, their agreement, its place among the days."""
    latest = (date.today() + timedelta(days=2)).isoformat()
    mentions = [m for m in mentions if "1800-01-01" <= m.day <= latest]  # never in the future
    by_day: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_day[mention.day].append(mention)
    if not by_day:
        return []
    days = sorted(by_day)
    total = len(mentions)
    direct = [d for d in days if any("shifted" not in m.flags for m in by_day[d])]
    years = [int(d[:4]) for d in direct] or [int(days[-1][:4])]
    published = {
        m.day for m in mentions if m.source in _PUBLISHED_SOURCES and "shifted" not in m.flags
    }
    out: list[tuple[str, Features]] = []
    for day in days:
        own = by_day[day]
        f: Features = {"bias": 1.0}
        sources = Counter(m.source for m in own if "shifted" not in m.flags)
        shifted = Counter(m.source for m in own if "shifted" in m.flags)
        for source in sources:
            f["src:" + source] = 1.0
        for source in shifted:
            if source not in sources:
                f["shift:" + source] = 1.0
        if not sources:
            f["shiftonly"] = 1.0
        f["nsrc"] = math.log1p(len(sources))
        f["nment"] = math.log1p(sum(sources.values()))
        f["share"] = sum(sources.values()) / max(1, total)
        for mention in own:
            for flag in mention.flags:
                f[f"flag:{flag}"] = 1.0
            for word in mention.words:
                f["w:" + word] = 1.0
            if "shifted" not in mention.flags and not mention.source.startswith(("ld:", "meta:")):
                said = {w for w in mention.words if not w.startswith("key:")}
                if said & _PUBLISHED_WORDS:
                    f["pubword"] = 1.0
                if said & _MODIFIED_WORDS:
                    f["modword"] = 1.0
        neighbours = sum(
            1 for m in mentions if m.day != day and abs(_days_between(m.day, day)) == 1
        )
        f["near1"] = math.log1p(neighbours)
        if len(days) == 1:
            f["only"] = 1.0
        else:
            if day == days[0]:
                f["earliest"] = 1.0
            if day == days[-1]:
                f["latest"] = 1.0
        back = max(years) - int(day[:4])
        f["yearahead" if back < 0 else f"yearback:{min(3, back)}"] = 1.0
        if day.endswith("-01-01"):
            f["newyear"] = 1.0
        if set(sources) & _MACHINE_SOURCES and set(sources) & _VISIBLE_SOURCES:
            f["agree:mv"] = 1.0  # stated for machines and shown to readers alike
        if published and day not in published:
            later = all(day > p for p in published)
            earlier = all(day < p for p in published)
            f["afterpub" if later else "beforepub" if earlier else "betweenpub"] = 1.0
        if rule is not None and day == rule:
            f["rule"] = 1.0
        out.append((day, f))
    return out


def _days_between(a: str, b: str) -> int:
    return (date.fromisoformat(a) - date.fromisoformat(b)).days


_PUBLISHED_SOURCES = {"ld:published", "meta:pub", "item:published", "ld:created"}
_MACHINE_SOURCES = {
    "ld:published",
    "ld:created",
    "ld:modified",
    "ld:upload",
    "meta:pub",
    "meta:mod",
    "meta:other",
    "item:published",
    "item:created",
    "item:modified",
    "item:upload",
    "time",
}
_VISIBLE_SOURCES = {"time:text", "class", "nearh1", "page", "header"}
# the words a page writes before its publication day and before its last change, in the
# languages of the pages (single words are too rare on their own for the ranker to learn)
_PUBLISHED_WORDS = {
    "published",
    "posted",
    "created",
    "written",
    "issued",
    "released",
    "veröffentlicht",
    "erschienen",
    "erstellt",
    "publiziert",
    "geschrieben",
    "publié",
    "publicado",
    "pubblicato",
}
_MODIFIED_WORDS = {
    "updated",
    "update",
    "modified",
    "revised",
    "edited",
    "last",
    "aktualisiert",
    "geändert",
    "änderung",
    "zuletzt",
    "bearbeitet",
    "actualizado",
    "aggiornato",
}


# ---- HTML ------------------------------------------------------------------------------------

_PUB_KEY = re.compile(
    r"publish|issued|pub-?date|created|^date$|dc\.date$|dcterms\.date$|release", re.I
)
_MOD_KEY = re.compile(r"modif|updat|revis|last", re.I)
_DATE_KEY = re.compile(r"date|time|publish|modif|updat|issued|created", re.I)
_KEY_CHARS = re.compile(r"[^a-z0-9:._-]+")
_LD_KEYS = {
    "datepublished": "published",
    "datecreated": "created",
    "datemodified": "modified",
    "uploaddate": "upload",
}
_CLASS_WORD = re.compile(r"publish|updat|modif|creat|posted|date|time|byline|meta", re.I)


def _key(text: str) -> str:
    return _KEY_CHARS.sub("", text.casefold())[:40]


def meta_mentions(tree: Element) -> list[Mention]:
    """Dates of the <meta> tags whose name says date or time."""
    out: list[Mention] = []
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content") or node.get("value")  # 'value': a misspelt 'content'
        if not key or not content or not _DATE_KEY.search(key) or "expir" in key:
            continue
        kind = "mod" if _MOD_KEY.search(key) else "pub" if _PUB_KEY.search(key) else "other"
        out += timestamp_mentions(content, "meta:" + kind, words=("key:" + _key(key),))
    return out


def json_ld_mentions(tree: Element) -> list[Mention]:
    """datePublished/dateCreated/dateModified/uploadDate of every JSON-LD object, marked by
    whether the object is an article."""
    from .html_meta import _ARTICLE_TYPES

    out: list[Mention] = []

    def collect(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                collect(item, depth + 1)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            article = any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)
            webpage = any(isinstance(k, str) and k.lower() == "webpage" for k in kinds)
            for key, value in node.items():
                label = _LD_KEYS.get(str(key).lower())
                if label and isinstance(value, str):
                    flags = (
                        ("article",) if article and not webpage else ("page",) if webpage else ()
                    )
                    out.extend(timestamp_mentions(value, "ld:" + label, flags=flags))
                elif isinstance(value, (dict, list)):
                    collect(value, depth + 1)

    from .html_meta import json_ld

    for document in json_ld(tree):
        try:
            collect(document)
        except RecursionError:
            continue
    return out


def _label(node: Element) -> str:
    return f"{node.get('class') or ''} {node.get('id') or ''}"


def _class_words(node: Element) -> tuple[str, ...]:
    """'entry-date published' -> ('cls:publish', 'cls:date'): what the markup calls it."""
    found = {m.group(0).lower() for m in _CLASS_WORD.finditer(_label(node))}
    return tuple(sorted("cls:" + w for w in found))


def _inside_article(node: Element) -> bool:
    return any(
        a.tag in ("article", "main")
        or a.get("role") == "main"
        or a.get("itemprop") == "articleBody"
        for a in node.iterancestors()
    )


def _text(node: Element) -> str:
    return " ".join(node.text_content().split())


def _lead_words(node: Element) -> tuple[str, ...]:
    """Interface words written before the date in its own element or its parent ('Updated')."""
    parent = node.getparent()
    before = (parent.text or "") if parent is not None else ""
    previous = node.getprevious()
    if previous is not None and isinstance(previous.tag, str):
        before += " " + _text(previous)[-60:]
    return _vocab(before[-60:], 4)


def element_mentions(tree: Element) -> list[Mention]:
    """<time> elements, itemprop dates in the body, elements whose class says date or time."""
    out: list[Mention] = []
    for order, node in enumerate(tree.iter("time")):
        if order >= 30:
            break
        flags: tuple[str, ...] = ("art",) if _inside_article(node) else ()
        flags += _class_words(node) + (("first",) if order == 0 else ())
        if node.get("pubdate") is not None:
            flags += ("pubdate",)
        words = _lead_words(node) + _vocab(_text(node), 3)
        stamp = node.get("datetime")
        found = timestamp_mentions(stamp, "time", flags=flags, words=words) if stamp else []
        if not found:
            found = text_mentions(_text(node)[:200], "time:text", flags, words=False)
            for mention in found:
                mention.words = words
        out += found
    for node in tree.xpath("//body//*[@itemprop]")[:300]:
        prop = (node.get("itemprop") or "").lower()
        label = _LD_KEYS.get(prop)
        if not label or node.tag == "meta":
            continue
        value = node.get("datetime") or node.get("content")
        found = timestamp_mentions(value, "item:" + label) if value else []
        if not found:
            found = text_mentions(_text(node)[:200], "item:" + label, limit=1, words=False)
        out += found
    seen = 0
    for node in tree.xpath(
        "//body//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'meta')"
        " or contains(@class,'byline') or contains(@class,'publish') or contains(@class,'posted')]"
    ):
        if node.tag in ("time", "script", "style") or seen >= 20:
            continue
        text = _text(node)[:200]
        flags = ("art",) if _inside_article(node) else ()
        found = text_mentions(text, "class", flags + _class_words(node))
        if found:
            seen += 1
            out += found
    return out


def _joined(texts: Iterable[Any], limit: int) -> str:
    """Text pieces of a page, each with its spacing collapsed, joined up to about ``limit``."""
    pieces: list[str] = []
    size = 0
    for text in texts:
        piece = " ".join(str(text).split())
        if piece:
            pieces.append(piece)
            size += len(piece) + 1
            if size > limit:
                break
    return " ".join(pieces)


def headline_mentions(tree: Element) -> list[Mention]:
    """Dates in the visible text just after the first <h1> (a dateline under the headline)."""
    heads = tree.xpath("(//body//h1)[1]")
    if not heads:
        return []
    following = (
        text
        for text in heads[0].xpath("following::text()[position() <= 120]")
        if text.getparent() is None or text.getparent().tag not in ("script", "style", "noscript")
    )
    joined = _joined(following, 600)
    out: list[Mention] = []
    for order, mention in enumerate(text_mentions(joined, "nearh1", limit=3)):
        mention.flags += (f"order:{order}",)
        out.append(mention)
    return out


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")


_URL_NAMED_DATE = re.compile(
    r"/((?:19|20)\d\d)/(" + _MONTH_NAMES + r")/(0?[1-9]|[12]\d|3[01])(?:/|-|$)", re.I
)


def url_mentions(url: str | None) -> list[Mention]:
    """'/2018/04/12/slug' and '/2020/oct/02/slug': the day in the address's path."""
    match = _URL_DATE.search(url or "")
    if match:
        day = parse_date(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
    else:
        named = _URL_NAMED_DATE.search(url or "")
        day = parse_date(f"{named.group(3)}. {named.group(2)} {named.group(1)}") if named else None
    return [Mention(day, "url")] if day else []


_VISIBLE = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


def page_text_mentions(tree: Element) -> list[Mention]:
    """Dates written in the page's visible text near the headline, wherever they sit (above
    it, in a forum post's header, in a news list beside it): the last four before the first
    <h1> and the first eight after it (without an <h1>, the page's first twelve), with their
    order and place; the ranker learns which of them count."""
    heads = tree.xpath("(//body//h1)[1]")
    headline = " ".join(heads[0].text_content().split()) if heads else ""
    joined = _joined(tree.xpath(_VISIBLE), 300_000)
    h1_at = joined.find(headline) if headline else -1
    if h1_at < 0:
        found = [(start, value, form, "noh1") for start, value, form in dates_at(joined[:20_000])]
        found = found[:12]
    else:
        low = max(0, h1_at - 5_000)
        window = dates_at(joined[low : h1_at + 20_000])
        before = [(low + s, v, f, "beforeh1") for s, v, f in window if low + s < h1_at][-4:]
        after = [(low + s, v, f, "afterh1") for s, v, f in window if low + s >= h1_at][:8]
        found = before + after
    out: list[Mention] = []
    order = 0
    for start, value, form, place in found:
        flags = ["form:" + form]
        if place == "beforeh1" and h1_at - start <= 300:
            place = "preh1"
        if place in ("afterh1", "noh1"):
            flags.append(f"order:{min(order, 3)}")
            order += 1
        before_words = _vocab(joined[max(0, start - 40) : start], 12)[-3:]  # the nearest
        out.append(Mention(value, "page", before_words, (*flags, place)))
    return out


def html_mentions(tree: Element) -> list[Mention]:
    """Every date the page states in its markup (read before the furniture goes: JSON-LD
    lives in <script>, datelines in headers) and in its visible text."""
    return (
        json_ld_mentions(tree)
        + meta_mentions(tree)
        + element_mentions(tree)
        + headline_mentions(tree)
        + page_text_mentions(tree)
    )


def html_candidates(
    mentions: list[Mention],
    header: list[str],
    guessed: str | None,
    url: str | None,
    rule: str | None,
) -> list[tuple[str, Features]]:
    """The candidates of an HTML page: its markup's dates, the article box's header lines, the
    extractor's guess and the URL's path, with the rules' pick marked."""
    found = list(mentions)
    for line in header[:6]:
        found += text_mentions(line, "header")
    if guessed and not guessed.endswith("-01-01"):  # a bare '© 2023' read as a date: no date
        found += timestamp_mentions(guessed, "guess")
    found += url_mentions(url)
    return candidates_from(found, rule)


# ---- scraped text ----------------------------------------------------------------------------

_PUBLISHED = re.compile(
    r"\b(?:published|veröffentlicht|erschienen|posted|am|on|datum|date|stand|erstellt)\b", re.I
)
_UPDATED = re.compile(r"\b(?:updated|aktualisiert|geändert|modified|last)\b", re.I)
# forms DATE_IN_TEXT leaves out, read here only: '19.10.19, 18:56' (a two-digit year), a year
# glued to the time after it ('Dec 20 201610:32 AM'), month first ('01.21.2020', '06/11/2023'
# read both ways)
_SHORT_DOTTED = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?=\d{1,2}:\d\d|[^\d.]|\.\s|$)")
_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
# read in scraped lines only (a copy's datelines, where HTML has machine dates): a two-digit
# year after slashes or single-digit dots ('10/13/16 12:34PM', '1.11.23 20:19', both readings),
# a month name glued to the word before it ('BroadwayWorld.comOct. 13, 2016'), an apostrophe
# year ('14 Feb ’20') and a day glued to its year ('Apr 042013')
_SHORT_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d/]|\.\d)")
_GLUED_MONTH = re.compile(r"(?<=[a-zäöü])(?=[A-ZÄÖÜ])(?=(?i:" + _MONTH_NAMES + r")\.?\s+\d)")
_APOSTROPHE_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\.?\s+(" + _MONTH_NAMES + r")\.?,?\s+[’'](\d\d)(?!\d)", re.I
)
_GLUED_DAY_YEAR = re.compile(r"\b(" + _MONTH_NAMES + r")\.?\s+(\d{2})((?:19|20)\d\d)(?!\d)", re.I)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def text_dates(text: str) -> list[tuple[str, str]]:
    """(day, form) for every date written in a line, in order; a numeric date that reads both
    ways ('06/11/2023') gives both days, the second marked 'swapped'."""
    return [(value, form) for _, value, form in dates_at(text, scraped=True)]


def _year(two: int) -> int:
    return 2000 + two if two < 70 else 1900 + two


def _scraped_forms(text: str) -> list[tuple[int, str, str]]:
    """The forms only scraped lines are searched for (see _SHORT_NUMERIC)."""
    found: list[tuple[int, str, str]] = []
    for match in _SHORT_NUMERIC.finditer(text):
        a, b, year = int(match.group(1)), int(match.group(3)), _year(int(match.group(4)))
        first = _valid(year, b, a) if match.group(2) == "." else _valid(year, a, b)
        other = _valid(year, a, b) if match.group(2) == "." else _valid(year, b, a)
        if first:
            found.append((match.start(), first, "short"))
        if other and other != first:
            found.append((match.start(), other, "swapped"))
    for match in _APOSTROPHE_YEAR.finditer(text):
        value = parse_date(f"{match.group(1)}. {match.group(2)} {_year(int(match.group(3)))}")
        if value:
            found.append((match.start(), value, "named"))
    for match in _GLUED_DAY_YEAR.finditer(text):
        value = parse_date(f"{match.group(2)}. {match.group(1)} {match.group(3)}")
        if value:
            found.append((match.start(), value, "named"))
    return found


def dates_at(text: str, scraped: bool = False) -> list[tuple[int, str, str]]:
    """(offset, day, form) for every date written in a text, in order, each day once (scraped:
    with the forms only a copy's lines are searched for)."""
    found: list[tuple[int, str, str]] = []
    spaced = _GLUED_TIME.sub(r"\1 ", text)
    if scraped:
        spaced = _GLUED_MONTH.sub(" ", spaced)
        found += _scraped_forms(text)
    for match in DATE_IN_TEXT.finditer(spaced):
        raw = match.group(0)
        value = parse_date(raw)
        numeric = _NUMERIC.fullmatch(raw)
        if numeric and re.match(r":\d\d", spaced[match.end() :]):
            continue  # '28.09.1912:44': '28.09.19' and the time glued to it, not the year 1912
        form = "iso" if raw[:4].isdigit() else "numeric" if numeric else "named"
        if value:
            found.append((match.start(), value, form))
        if numeric:
            a, b, year = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
            # the other reading: month first for dots, day first for slashes
            other = _valid(year, a, b) if numeric.group(2) == "." else _valid(year, b, a)
            if other and other != value:
                found.append((match.start(), other, "swapped"))
    for match in _SHORT_DOTTED.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        value = _valid(2000 + year if year < 70 else 1900 + year, month, day)
        if value:
            found.append((match.start(), value, "short"))
    found.sort(key=lambda item: item[0])
    out: list[tuple[int, str, str]] = []
    for item in found:
        if all(item[1] != v for _, v, _ in out):
            out.append(item)
    return out


def text_mentions(
    text: str, source: str, flags: tuple[str, ...] = (), limit: int = 2, words: bool = True
) -> list[Mention]:
    """The first dates written in a text, each with the words before it and its form."""
    out: list[Mention] = []
    for start, value, form in dates_at(text)[:limit]:
        before = _vocab(text[max(0, start - 40) : start], 4) if words else ()
        out.append(Mention(value, source, before, (*flags, "form:" + form)))
    return out


def scraped_candidates(
    lines: list[Any],
    probabilities: list[float],
    span: tuple[int, int],
    title: int | None,
) -> list[tuple[str, Features]]:
    """Every date a scrape states, each with the features of its best-placed mention (its line's
    place relative to the headline and the story, the words on the line), and how the page's
    dates agree with it."""
    from .scraped_lines import DATE_TIME_LINE, SHORT_DATE, words_of
    from .scraped_model import _bucket, _signed_log, vocab_words

    start, _end = span
    anchor = title if title is not None else start
    mentions: list[tuple[int, str, int, str]] = []  # (line, day, order on the line, form)
    for index, line in enumerate(lines):
        if not any(c.isdigit() for c in line.text):
            continue
        found = text_dates(line.text)
        if not found and SHORT_DATE.match(line.text):
            value = parse_date(line.text)
            if value:
                found.append((value, "short"))
        if line.caption_date and all(line.caption_date != v for v, _ in found):
            found.append((line.caption_date, "caption"))
        for order, (value, form) in enumerate(found):
            mentions.append((index, value, order, form))
    if not mentions:
        return []
    counts = Counter(value for _, value, _, form in mentions if form != "swapped")
    ordered = sorted({value for _, value, _, _ in mentions})
    first_after = next((value for i, value, _, _ in mentions if i >= anchor), None)
    best: dict[str, tuple[float, Features]] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    for rank, (index, value, order, form) in enumerate(mentions):
        forms[value].add(form)
        line = lines[index]
        text = line.text
        n_words = len(words_of(text))
        f: Features = {"bias": 1.0}
        distance = index - anchor
        f[f"dist:{_bucket(distance + 20, (10, 15, 17, 18, 19, 20, 21, 22, 23, 25, 30))}"] = 1.0
        f["logdist"] = _signed_log(distance)
        f["logdist_story"] = _signed_log(index - start)
        f[f"len:{_bucket(n_words, (2, 4, 6, 10, 16, 30))}"] = 1.0
        f["pbody"] = probabilities[index]
        if line.caption_date == value:
            f["caption"] = 1.0
        if DATE_TIME_LINE.search(text):
            f["clock"] = 1.0
        if _PUBLISHED.search(text):
            f["published"] = 1.0
        if _UPDATED.search(text):
            f["updated"] = 1.0
        if "©" in text or "copyright" in text.casefold():
            f["copyright"] = 1.0
        f[f"order:{min(order, 2)}"] = 1.0
        f["count"] = math.log(max(1, counts[value]))
        if value == ordered[-1]:
            f["latest"] = 1.0
        if value == ordered[0]:
            f["earliest"] = 1.0
        if rank == 0:
            f["firstmention"] = 1.0
        if value == first_after:
            f["firstafter"] = 1.0
        if value.endswith("-01-01"):
            f["newyear"] = 1.0
        for word in set(vocab_words(text)):
            f["w:" + word] = 1.0
        closeness = -abs(distance)
        if value not in best or closeness > best[value][0]:
            best[value] = (closeness, f)
    out = []
    for value, (_, f) in best.items():
        for form in forms[value]:
            f["form:" + form] = 1.0
        if forms[value] == {"swapped"}:
            f["swaponly"] = 1.0
        neighbours = sum(
            1
            for _, other, _, _ in mentions
            if other != value and abs(_days_between(other, value)) == 1
        )
        f["near1"] = math.log1p(neighbours)
        out.append((value, f))
    return out


__all__ = [
    "Mention",
    "Model",
    "candidates_from",
    "choose",
    "html_candidates",
    "html_mentions",
    "model",
    "recording",
    "scraped_candidates",
    "text_dates",
    "using",
]
