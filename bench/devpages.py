"""The local devpages build (../shared/tools/devpages.py) as pages with gold, and how to score them.

Layout: DIR/html/*.html, DIR/scraped/*.txt, DIR/snippets/{html,scraped}/*, each page beside a
.json gold (title, date, source, lang, text, url, text_start; snippet pages: with, without).
A null gold value is unknown and not scored. The site of a page is the host of the gold url
(the archived page's host for web.archive.org), else of the page's canonical or og:url, else
its origin (the suite's path). Nothing here is copied anywhere: the pages stay local.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Page:
    id: str  # "html/readability-aclu", "snippets/scraped/trafilatura-0a12..."
    kind: str  # "html" | "scraped"
    path: Path
    data: bytes
    gold: dict
    site: str
    snippets: bool

    @property
    def name(self) -> str:
        return self.path.name


_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.I)
_ARCHIVED = re.compile(r"^[a-z]+://web\.archive\.org/web/[^/]+/(.+)$", re.I)
_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']?canonical[\"']?[^>]*>|<meta[^>]+property=[\"']og:url[\"'][^>]*>", re.I
)
_HREF = re.compile(rb"(?:href|content)=[\"']([^\"']+)[\"']", re.I)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    archived = _ARCHIVED.match(url)
    if archived:
        inner = archived.group(1)
        url = inner if "://" in inner else "http://" + inner
    match = _HOST.match(url)
    if not match:
        return None
    host = match.group(1).casefold().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def page_url(html: bytes) -> str | None:
    for tag in _CANONICAL.findall(html[:200_000]):
        href = _HREF.search(tag)
        if href and href.group(1).startswith(b"http"):
            return href.group(1).decode("utf-8", "replace")
    return None


def site_of(gold: dict, html: bytes | None) -> str:
    return (
        host_of(gold.get("url"))
        or (host_of(page_url(html)) if html else None)
        or "origin:" + str(gold.get("origin") or "?").split(":", 1)[-1]
    )


def load(root: Path, kinds: tuple[str, ...] = ("html", "scraped")) -> list[Page]:
    """Every page of the build with gold, sorted by id; the scraped copy of a page has its site."""
    pages: list[Page] = []
    for folder, snippets in (("", False), ("snippets", True)):
        base = root / folder if folder else root
        html_files = {p.stem: p for p in sorted((base / "html").glob("*.html"))}
        for kind in kinds:
            suffix = ".html" if kind == "html" else ".txt"
            for path in sorted((base / kind).glob("*" + suffix)):
                gold_path = path.with_suffix(".json")
                if not gold_path.exists():
                    continue
                gold = json.loads(gold_path.read_text("utf-8"))
                data = path.read_bytes()
                html = html_files.get(path.stem)
                html_bytes = data if kind == "html" else (html.read_bytes() if html else None)
                pages.append(
                    Page(
                        id=f"{folder + '/' if folder else ''}{kind}/{path.stem}",
                        kind=kind,
                        path=path,
                        data=data,
                        gold=gold,
                        site=site_of(gold, html_bytes),
                        snippets=snippets,
                    )
                )
    return pages


def load_corpus(corpus: Path, kinds: tuple[str, ...] = ("html", "scraped")) -> list[Page]:
    """The shared corpus (openly licensed: DIR/*.html, DIR/scraped/*.txt, DIR/<id>.json) as
    pages of the same shape, ids "corpus/<kind>/<id>"; the site from the page's canonical or
    og:url, else its source."""
    pages: list[Page] = []
    golds = {
        p.stem: json.loads(p.read_text("utf-8"))
        for p in sorted(corpus.glob("*.json"))
        if p.stem != "manifest"
    }
    for stem, gold in golds.items():
        html_path = corpus / f"{stem}.html"
        html = html_path.read_bytes() if html_path.exists() else None
        site = host_of(gold.get("url")) or (host_of(page_url(html)) if html else None)
        site = site or "corpus:" + str(gold.get("source") or stem)
        for kind in kinds:
            path = html_path if kind == "html" else corpus / "scraped" / f"{stem}.txt"
            if path.exists():
                pages.append(
                    Page(f"corpus/{kind}/{stem}", kind, path, path.read_bytes(), gold, site, False)
                )
    return pages


# ---- scoring --------------------------------------------------------------------------------


def norm_title(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").replace("\u00ad", "").casefold()).strip()


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def f1(got: str, gold: str) -> float:
    a, b = tokens(got), tokens(gold)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def title_is_a_line(page: Page) -> bool:
    """Scraped: the normalised gold title is a whole line of the scrape."""
    wanted = norm_title(page.gold.get("title"))
    if not wanted:
        return False
    text = page.data.decode("utf-8", "replace")
    return any(norm_title(line) == wanted for line in text.split("\n"))


_MONTHS = (
    ("january", "januar", "jan"),
    ("february", "februar", "feb"),
    ("march", "märz", "mar", "mär"),
    ("april", "apr"),
    ("may", "mai"),
    ("june", "juni", "jun"),
    ("july", "juli", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oktober", "oct", "okt"),
    ("november", "nov"),
    ("december", "dezember", "dec", "dez"),
)


def date_is_stated(page: Page) -> bool:
    """Scraped: the gold day is written in the scrape with its year, in a common form (ISO,
    12.1.2022, 12.01.22, 1/12/2022, 12 January 2022, Jan. 12, 2022, ...): a date a reader of
    the text alone could give. Forms are generated from the gold, not parsed from the page."""
    day = page.gold.get("date")
    if not day:
        return False
    year, month, dom = (int(x) for x in day.split("-"))
    text = " ".join(page.data.decode("utf-8", "replace").casefold().split())
    text = re.sub(r"(?<=\d\.) (?=\d)", "", text)  # '13. 1. 2020'
    yy = f"{year % 100:02d}"
    numeric = [
        day,
        f"{year}/{month:02d}/{dom:02d}",
        *(
            f"{d}.{m}.{y}"
            for d in (dom, f"{dom:02d}")
            for m in (month, f"{month:02d}")
            for y in (year, yy)
        ),
        *(
            f"{d}/{m}/{y}"
            for d in (dom, f"{dom:02d}")
            for m in (month, f"{month:02d}")
            for y in (year, yy)
        ),
        *(
            f"{m}/{d}/{y}"
            for d in (dom, f"{dom:02d}")
            for m in (month, f"{month:02d}")
            for y in (year, yy)
        ),
        *(
            f"{m}.{d}.{y}"
            for d in (dom, f"{dom:02d}")
            for m in (month, f"{month:02d}")
            for y in (year, yy)
        ),
    ]
    if any(re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", text) for form in numeric):
        return True
    names = "|".join(_MONTHS[month - 1])
    named = (
        rf"(?<!\d)0?{dom}\.?\s*(?:of\s+)?(?:{names})\w*\.?,?\s+(?:{year}|[’']{yy})"
        rf"|(?:{names})\w*\.?\s+0?{dom}(?:st|nd|rd|th)?,?\s+(?:{year}|[’']{yy})"
    )
    return re.search(named, text) is not None


def title_is_an_h1(page: Page) -> bool:
    """HTML: the normalised gold title is the text of an <h1> of the page."""
    wanted = norm_title(page.gold.get("title"))
    if not wanted:
        return False
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(page.data)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on garbage
        return False
    return any(norm_title(h.text_content()) == wanted for h in tree.iter("h1"))


def score_page(page: Page, got: dict) -> dict:
    """One row: each metric the gold has (None where it has nothing to say)."""
    gold = page.gold
    text = got.get("text") or ""
    row: dict = {"id": page.id, "site": page.site}
    row["title"] = (
        norm_title(got.get("title")) == norm_title(gold["title"]) if gold.get("title") else None
    )
    row["date"] = got.get("date") == gold["date"] if gold.get("date") else None
    row["f1"] = f1(text, gold["text"]) if gold.get("text") else None
    if gold.get("text_start"):
        start = " ".join(re.findall(r"\w+", gold["text_start"].casefold()))
        body = " ".join(re.findall(r"\w+", text.casefold()))
        row["start"] = bool(start) and start in body
    else:
        row["start"] = None
    if page.snippets:
        spaced = _spaced(text)
        found = [_spaced(s) in spaced for s in gold.get("with") or []]
        leaked = [_spaced(s) in spaced for s in gold.get("without") or []]
        row["with"] = (sum(found), len(found))
        row["without"] = (sum(leaked), len(leaked))
        row["snippets"] = all(found) and not any(leaked)
    else:
        row["with"] = row["without"] = row["snippets"] = None
    return row


def summary(rows: list[dict], subset: dict[str, set] | None = None) -> dict:
    """Means over the rows where each metric is known; ``subset`` names id sets for extra titles."""

    def known(key: str) -> list:
        return [r[key] for r in rows if r.get(key) is not None]

    out: dict = {}
    for key in ("title", "date", "start", "snippets"):
        values = known(key)
        out[key] = (100 * sum(values) / len(values) if values else None, len(values))
    f1s = [(r["f1"], r["id"]) for r in rows if r.get("f1") is not None]
    out["f1"] = (sum(v for v, _ in f1s) / len(f1s) if f1s else None, len(f1s))
    out["f1_min"] = min(f1s) if f1s else (None, "-")
    with_ = [r["with"] for r in rows if r.get("with")]
    without = [r["without"] for r in rows if r.get("without")]
    out["with"] = 100 * sum(a for a, _ in with_) / max(1, sum(b for _, b in with_))
    out["without"] = 100 * (1 - sum(a for a, _ in without) / max(1, sum(b for _, b in without)))
    for name, ids in (subset or {}).items():
        values = [r["title"] for r in rows if r["id"] in ids and r.get("title") is not None]
        out[name] = (100 * sum(values) / len(values) if values else None, len(values))
    return out
