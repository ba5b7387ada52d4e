"""The bundled samples and the English gold set are content other code is measured on.

If a sample silently loses its front matter, its JSON-LD or its quotations, importer and
analyzer tests still pass while the first-run experience and the benchmarks quietly degrade;
these checks catch that at the source.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"
GOLD = REPO / "bench" / "data" / "en_written.jsonl"

ARTICLE_SUFFIXES = {".txt", ".md", ".html"}
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)
NAME_PATTERN = re.compile(r"^(de|en)-[a-z0-9-]+-(\d{4})-(\d{2})-(\d{2})\.(txt|md|html)$")
QUOTE_PAIR = re.compile(r"„[^„“\"\n]+[“\"]|“[^“”\n]+”|\"[^\"\n]+\"|»[^»«\n]+«|‘[^‘’\n]+’")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "tags")


def _name_date(path: Path) -> str:
    match = NAME_PATTERN.match(path.name)
    assert match, f"{path.name} does not follow lang-slug-YYYY-MM-DD.ext"
    return f"{match[2]}-{match[3]}-{match[4]}"


def _front_matter(text: str) -> dict[str, str]:
    assert text.startswith("---\n"), "no YAML front matter"
    block = text[4 : text.index("\n---\n", 4)]
    keys: dict[str, str] = {}
    last_key = ""
    for line in block.splitlines():
        if line.lstrip().startswith("- ") and last_key:  # a YAML block list item
            keys[last_key] = (keys[last_key] + ", " + line.strip()[2:]).strip(", ")
            continue
        key, sep, value = line.partition(":")
        if sep and not line.startswith(" "):
            last_key = key.strip()
            keys[last_key] = value.strip().strip('"')
    return keys


class _PageParser(HTMLParser):
    """Collects what an HTML sample must carry: metas, JSON-LD, tags seen, article text."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.tags: set[str] = set()
        self.article_text: list[str] = []
        self._in_json_ld = False
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.add(tag)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta[key] = attributes.get("content") or ""
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True
        if tag == "article":
            self._article_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False
        if tag == "article" and self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
        elif self._article_depth:
            self.article_text.append(data)


def _parse_html(text: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(text)
    return parser


def _body_text(path: Path, text: str) -> str:
    if path.suffix == ".md":
        return text[text.index("\n---\n", 4) + 5 :]
    if path.suffix == ".html":
        return " ".join(_parse_html(text).article_text)
    return text


def test_samples_cover_both_languages_and_all_formats() -> None:
    by_lang: dict[str, set[str]] = {"de": set(), "en": set()}
    for path in SAMPLE_FILES:
        by_lang[path.name[:2]].add(path.suffix)
    counts = {lang: sum(p.name.startswith(lang) for p in SAMPLE_FILES) for lang in by_lang}
    assert counts["de"] >= 5 and counts["en"] >= 4, counts
    assert by_lang["de"] == ARTICLE_SUFFIXES and by_lang["en"] == ARTICLE_SUFFIXES, by_lang


def test_package_marker_and_about_file_are_not_articles() -> None:
    assert (SAMPLES / "__init__.py").exists()
    assert (SAMPLES / "_ABOUT").read_text(encoding="utf-8").strip()
    assert not any(p.suffix in ARTICLE_SUFFIXES for p in SAMPLES.glob("_*"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_decodes_has_quotes_and_news_length(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert "\x00" not in text and "\ufffd" not in text
    body = _body_text(path, text)
    assert len(QUOTE_PAIR.findall(body)) >= 3, "fewer than three quotation pairs"
    words = len(body.split())
    assert 400 <= words <= 900, f"{words} words in the body"


@pytest.mark.parametrize(
    "path", [p for p in SAMPLE_FILES if p.suffix == ".md"], ids=lambda p: p.name
)
def test_markdown_sample_front_matter_is_complete_and_matches_name(path: Path) -> None:
    keys = _front_matter(path.read_text(encoding="utf-8"))
    missing = [k for k in FRONT_MATTER_KEYS if not keys.get(k)]
    assert not missing, f"front matter lacks {missing}"
    assert keys["date"] == _name_date(path)
    assert keys["url"].startswith("https://")


@pytest.mark.parametrize(
    "path", [p for p in SAMPLE_FILES if p.suffix == ".html"], ids=lambda p: p.name
)
def test_html_sample_is_a_full_news_page(path: Path) -> None:
    page = _parse_html(path.read_text(encoding="utf-8"))
    assert {"title", "nav", "article", "h1", "h2", "figure", "figcaption", "footer"} <= page.tags
    assert page.meta.get("og:site_name")
    assert page.meta["article:published_time"].startswith(_name_date(path))
    (ld_text,) = page.json_ld
    ld = json.loads(ld_text)
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"].startswith(_name_date(path))
    assert ld["headline"] in "".join(page.article_text)


@pytest.mark.parametrize(
    "path", [p for p in SAMPLE_FILES if p.suffix == ".txt"], ids=lambda p: p.name
)
def test_scraped_sample_keeps_scrape_noise_and_dated_caption(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    year, month, day = _name_date(path).split("-")
    caption = re.search(rf" - ([^,\n]+), 1920, {day}\.{month}\.{year}$", text, re.M)
    assert caption, "no '- SOURCE, 1920, DD.MM.YYYY' caption dated like the file name"
    assert re.search(r"^© [^\n]+ / [^\n]+$", text, re.M), "no photo credit glued to a caption"
    assert re.search(r"abonnier|subscribe", text, re.I)
    assert re.search(r"cookie", text, re.I)


def test_samples_exercise_every_quote_style() -> None:
    """The analyzer's hard cases must stay present, or its sample tests prove nothing."""
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in SAMPLE_FILES)
    styles = {
        "low-high": r"„[^„“\"\n]+“",
        "english curly": r"“[^“”\n]+”",
        "straight": r"\"[^\"\n]+\"",
        "guillemets": r"»[^»«\n]+«",
        "single curly": r"‘[^‘’\n]+’",
        "mismatched low-straight": r"„[^„“\"\n]+\"",
        "two-paragraph German quote": r"„[^„“\n]+\n\n„",
        "two-paragraph English quote": r"\"[^\"\n]+\n\n\"",
    }
    missing = [name for name, pattern in styles.items() if not re.search(pattern, corpus)]
    assert not missing, missing


def _gold_docs() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_english_gold_offsets_agree_with_text() -> None:
    docs = _gold_docs()
    assert len(docs) >= 5
    paragraphs = sum(doc["text"].count("\n") + 1 for doc in docs)
    assert paragraphs >= 40
    for doc in docs:
        text = doc["text"]
        assert doc["lang"] == "en" and doc["meta"]["split"] in {"dev", "train"}
        for quote in doc["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"], quote
            if quote["speaker"] is not None:
                first = quote["speaker_spans"][0]
                assert [quote["speaker_start"], quote["speaker_end"]] == first
                assert text[first[0] : first[1]] == quote["speaker"]
            cue_words = [text[a:b] for a, b in quote["cue_spans"]]
            assert quote["cue"] == (" ".join(cue_words) if cue_words else None)


def test_english_gold_groups_number_their_segments() -> None:
    for doc in _gold_docs():
        groups: dict[str, list[dict]] = {}
        for quote in doc["quotes"]:
            groups.setdefault(quote["group"], []).append(quote)
        for members in groups.values():
            assert sorted(q["segment"] for q in members) == list(range(len(members)))
            assert {q["n_segments"] for q in members} == {len(members)}
            assert len({q["speaker"] for q in members}) == 1


def test_english_gold_jsonl_is_rebuilt_from_its_source(tmp_path: Path) -> None:
    """The committed JSONL must be what the converter makes of the marked-up source."""
    import runpy

    builder = runpy.run_path(str(GOLD.parent / "build_en_written.py"))
    out = tmp_path / "rebuilt.jsonl"
    assert builder["main"](["build", str(GOLD.parent / "en_written.src.md"), str(out)]) == 0
    assert out.read_text(encoding="utf-8") == GOLD.read_text(encoding="utf-8")


def test_english_gold_converter_rejects_broken_markup(tmp_path: Path, capsys) -> None:
    import runpy

    builder = runpy.run_path(str(GOLD.parent / "build_en_written.py"))
    src = tmp_path / "bad.src.md"
    src.write_text(
        "=== doc: bad\ntitle: t\ndate: 2025-01-01\nsplit: dev\n\n"
        "[[s1|She]] <<q1|said>> {{q1 indirect s2|it rained}}.\n",
        encoding="utf-8",
    )
    assert builder["main"](["build", str(src), str(tmp_path / "out.jsonl")]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"error {src}:") and "unknown speaker s2" in error
    assert "\n" not in error
