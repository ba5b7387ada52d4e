"""The date ranker (issue 11): every date a page states is a candidate, a small learned model picks
the article's. Pages and lines here are written for the test."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from lxml import html as lxml_html

from reader.importing import dates
from reader.importing.importer import parse_document
from reader.importing.linear import Shipped

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPHS = [
    "The harbour authority agreed on a plan to dredge the eastern basin, so that larger ferries "
    "can dock there from next summer without waiting for the tide.",
    "Fishermen welcomed the decision but asked for their moorings to be moved before the work "
    "starts, because the dredgers will block the narrow entrance for weeks.",
    "The cost of the project is shared between the town and the port company, which expects more "
    "passengers once the new timetable is in place.",
    "Residents will be able to see the plans at the town hall until the end of the month and can "
    "send their comments in writing.",
]


def page(head: str = "", header: str = "", url: str = "https://news.example.org/harbour") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>Harbour basin to be dredged | Example News</title>"
        f'<link rel="canonical" href="{url}">{head}</head><body>'
        f"<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
        f"<h1>Harbour basin to be dredged</h1>{header}{body}</article>"
        f"<footer>Contact us</footer></body></html>"
    ).encode()


def ld(**fields: str) -> str:
    return (
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "headline": "Harbour basin to be dredged", **fields})
        + "</script>"
    )


def test_the_shipped_model_holds_weights_and_names_only() -> None:
    data = json.loads(dates.MODEL_FILE.read_text("utf-8"))
    assert set(data) >= {"html", "scraped"}
    assert dates.MODEL_FILE.stat().st_size < 100_000
    for kind in dates.KINDS:
        assert data[kind], kind
        for name, weight in data[kind].items():
            assert isinstance(weight, float | int)
            if name.startswith("w:key:"):  # a meta tag's name
                assert re.fullmatch(r"w:key:[a-z0-9:._-]{1,40}", name), name
            elif name.startswith("w:"):
                assert re.fullmatch(r"w:[^\W\d_]+", name), name
            else:
                assert len(name) <= 40 and " " not in name, name
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert dates.MODEL_FILE.name in config["tool"]["setuptools"]["package-data"]["reader.importing"]


def test_published_wins_over_modified() -> None:
    head = ld(datePublished="2023-05-02T09:15:00+02:00", dateModified="2023-05-09T16:40:00+02:00")
    head += '<meta property="article:modified_time" content="2023-05-09T16:40:00+02:00">'
    assert parse_document(page(head), "harbour.html").date == "2023-05-02"


def test_a_utc_time_near_midnight_is_the_day_the_page_shows() -> None:
    """00:30 in Berlin is 22:30Z the day before: the machine value in UTC, the dateline local."""
    head = ld(datePublished="2023-05-01T22:30:00Z")
    header = "<p class='dateline'>Veröffentlicht am 2. Mai 2023</p>"
    assert parse_document(page(head, header), "harbour.html").date == "2023-05-02"


def test_a_utc_time_near_midnight_also_stands_for_the_next_day_marked_shifted() -> None:
    found = dates.timestamp_mentions("2023-05-01T22:30:00Z", "ld:published")
    assert [(m.day, "shifted" in m.flags) for m in found] == [
        ("2023-05-01", False),
        ("2023-05-02", True),
    ]
    assert [m.day for m in dates.timestamp_mentions("2023-05-01T12:00:00Z", "meta:pub")] == [
        "2023-05-01"
    ]
    assert [m.day for m in dates.timestamp_mentions("2023-05-01T23:10:00+02:00", "x")] == [
        "2023-05-01"
    ]


def test_a_day_in_the_future_or_the_first_days_there_are_are_no_candidates() -> None:
    """'9999-12-31T23:59:59Z' (a placeholder) has no next day; it must not stop the import."""
    head = ld(datePublished="9999-12-31T23:59:59Z", dateModified="0001-01-01T01:00:00Z")
    head += '<meta property="article:published_time" content="2023-05-02T09:15:00+02:00">'
    assert parse_document(page(head), "harbour.html").date == "2023-05-02"
    assert [m.day for m in dates.timestamp_mentions("9999-12-31T23:59:59Z", "x")] == ["9999-12-31"]


def test_a_dateline_without_markup_is_found_when_the_page_states_nothing_else() -> None:
    header = "<p>Von Erika Beispiel | 14.03.2022, 18:05 Uhr</p>"
    assert parse_document(page("", header), "harbour.html").date == "2022-03-14"


def test_a_meta_tag_with_its_date_in_value_instead_of_content_is_read() -> None:
    head = '<meta value="2016-11-28T09:00:00-05:00" name="article:published_time">'
    found = dates.meta_mentions(lxml_html.document_fromstring(page(head)))
    assert [(m.day, m.source) for m in found] == [("2016-11-28", "meta:pub")]


def test_a_date_in_the_visible_text_above_the_headline_is_a_candidate() -> None:
    """No markup says it: 'Original Research · 7 April 2020' in plain text over the <h1>."""
    data = page().replace(
        b"<article><h1>", b"<article><div>Original Research 7 April 2020</div><h1>"
    )
    found = dates.page_text_mentions(lxml_html.document_fromstring(data))
    assert [(m.day, m.source) for m in found] == [("2020-04-07", "page")]
    assert "preh1" in found[0].flags and found[0].words[-2:] == ("original", "research")
    assert parse_document(data, "harbour.html").date == "2020-04-07"
    tree = lxml_html.document_fromstring(page("", "<p>Aktualisiert: 3. Mai 2023</p>"))
    assert [(m.day, m.words[-1], "afterh1" in m.flags) for m in dates.page_text_mentions(tree)] == [
        ("2023-05-03", "aktualisiert", True)
    ]


def test_every_source_of_a_page_is_a_candidate_with_its_agreement() -> None:
    head = ld(datePublished="2023-05-02T09:15:00+02:00", dateModified="2023-05-09T16:40:00+02:00")
    head += '<meta name="DC.date" content="2023-05-02">'
    header = "<time datetime='2023-05-02T09:15:00+02:00'>2. Mai 2023</time>"
    tree = lxml_html.document_fromstring(page(head, header, url="https://x.example/2023/05/02/a"))
    found = dict(
        dates.html_candidates(
            dates.html_mentions(tree), [], None, "https://x.example/2023/05/02/a", None
        )
    )
    assert set(found) == {"2023-05-02", "2023-05-09"}
    published, modified = found["2023-05-02"], found["2023-05-09"]
    for source in ("src:ld:published", "src:meta:pub", "src:time", "src:url", "src:nearh1"):
        assert published.get(source) == 1.0, source
    assert modified.get("src:ld:modified") == 1.0 and "src:ld:published" not in modified
    assert published["nsrc"] > modified["nsrc"]
    assert published.get("earliest") == 1.0 and modified.get("latest") == 1.0
    assert modified.get("afterpub") == 1.0
    assert published.get("w:key:dc.date") == 1.0


def test_agreement_of_markup_and_text_and_the_words_before_a_date_are_features() -> None:
    """A day both the markup and the visible text state is marked; so is a day the page
    writes after 'Published' / 'Veröffentlicht' or after 'Updated' / 'Zuletzt geändert'."""
    head = ld(datePublished="2023-05-02T09:15:00+02:00")
    header = "<p>Veröffentlicht am 2. Mai 2023 · Zuletzt geändert am 9. Mai 2023</p>"
    tree = lxml_html.document_fromstring(page(head, header).decode())
    found = dict(dates.html_candidates(dates.html_mentions(tree), [], None, None, None))
    published, changed = found["2023-05-02"], found["2023-05-09"]
    assert published.get("agree:mv") == 1.0 and "agree:mv" not in changed
    assert published.get("pubword") == 1.0 and "modword" not in published
    assert changed.get("modword") == 1.0 and "pubword" not in changed


def test_a_day_in_the_address_with_a_month_name_is_a_candidate() -> None:
    def days(url: str) -> list[str]:
        return [m.day for m in dates.url_mentions(url)]

    assert days("https://news.example.org/world/2020/oct/02/harbour-basin") == ["2020-10-02"]
    assert days("https://news.example.org/2018/04/12/harbour") == ["2018-04-12"]
    assert days("https://news.example.org/2020/oct/harbour") == []


def test_dates_in_a_line_of_text_in_the_forms_pages_use() -> None:
    assert dates.text_dates("Von Erika Beispiel | 19.10.19, 18:56 Uhr") == [("2019-10-19", "short")]
    # a year glued to the time after it by the copy
    assert dates.text_dates("Published Tue, Dec 20 201610:32 AM EST")[0] == ("2016-12-20", "named")
    # a numeric date that reads both ways gives both days, the second marked
    assert dates.text_dates("Posted 06/11/2023") == [
        ("2023-06-11", "numeric"),
        ("2023-11-06", "swapped"),
    ]
    # month first with dots: only one reading is a date
    assert dates.text_dates("Business | 01.21.2020 07:00 AM") == [("2020-01-21", "swapped")]
    assert dates.text_dates("Version 13.1.1 is out") == []
    # a two-digit year with the time glued to it is no year 1912
    assert dates.text_dates("Zeit der Erstellung 28.09.1912:44") == [("2019-09-28", "short")]
    assert dates.text_dates("am 28.09.2019 12:44") == [("2019-09-28", "numeric")]


def test_scraped_datelines_with_short_years_glued_months_and_apostrophes() -> None:
    # a two-digit year after slashes: month first as written in the US, the other reading marked
    assert dates.text_dates("10/13/16 12:34PM") == [("2016-10-13", "short")]
    assert dates.text_dates("Posted 30/10/23") == [("2023-10-30", "swapped")]
    # single-digit day with dots and a two-digit year; both readings
    assert dates.text_dates("1.11.23 20:19") == [("2023-11-01", "short"), ("2023-01-11", "swapped")]
    # the site's name glued to the month by the copy
    assert dates.text_dates("ExampleNews.comOct. 13, 2016") == [("2016-10-13", "named")]
    assert dates.text_dates("veröffentlicht am 14 Feb ’20 | Kategorien") == [
        ("2020-02-14", "named")
    ]
    assert dates.text_dates("Apr 042013") == [("2013-04-04", "named")]
    # not dates: version numbers, addresses, a capitalised word that starts like a month
    assert dates.text_dates("Version 2.31.40 is out, see 192.168.1.10") == []
    assert dates.text_dates("The Mayor 3 2020") == []
    # the forms are read in scraped lines only: markup keeps its own
    assert [v for _, v, _ in dates.dates_at("10/13/16 12:34PM")] == []


SCRAPE_TOP = [
    "Skip to content",
    "Menu",
    "Search",
    "Sign in",
    "News",
    "Local",
    "Politics",
    "Business",
    "Sport",
    "Culture",
    "Harbour basin to be dredged",
    "By Erika Beispiel",
]
SCRAPE_END = [
    "More from this section",
    "Ferry timetable changes on Sunday",
    "Lighthouse reopens for visitors",
    "© 2024 Example News",
]


def scrape(*dateline: str) -> bytes:
    return "\n".join(SCRAPE_TOP + list(dateline) + PARAGRAPHS + SCRAPE_END).encode()


def test_a_scrape_gives_the_dateline_not_the_dates_around_the_story() -> None:
    """Teasers after the story, comments and the copyright line have dates too."""
    lines = SCRAPE_TOP + ["3 June 2024"] + PARAGRAPHS
    lines += ["More from this section", "Ferry timetable changes on Sunday", "11 June 2024"]
    lines += ["Lighthouse reopens for visitors", "9 June 2024", "Comments (2)", "Anna K."]
    lines += ["14.06.2024, 08:12", "Good news for the ferries at last.", "© 2024 Example News"]
    assert parse_document("\n".join(lines).encode(), "harbour.txt").date == "2024-06-03"


def test_a_scrape_with_a_two_digit_year_dateline() -> None:
    assert parse_document(scrape("14.03.22, 18:05 Uhr"), "harbour.txt").date == "2022-03-14"


def test_without_a_model_the_rules_pick_stays(monkeypatch) -> None:
    head = ld(datePublished="2023-05-02T09:15:00+02:00")
    with dates.using(dates.Model({})):
        assert dates.model().has("html") is False
        assert parse_document(page(head), "harbour.html").date == "2023-05-02"
        assert dates.choose("html", [("2020-01-01", {"bias": 1.0})], "2023-05-02") == "2023-05-02"
    opposite = dates.Model({"html": {"latest": 5.0}})
    with dates.using(opposite):
        assert dates.choose(
            "html", [("2023-05-02", {}), ("2023-05-09", {"latest": 1.0})], None
        ) == ("2023-05-09")
    assert dates.model() is not opposite


def test_a_missing_or_broken_model_file_means_the_rules(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "date_model.json"
    broken.write_text("{not json", "utf-8")
    monkeypatch.setattr(dates, "_SHIPPED", Shipped(broken, dates.KINDS))
    assert not dates.model().has("html")
    monkeypatch.setattr(dates, "_SHIPPED", Shipped(tmp_path / "missing.json", dates.KINDS))
    assert not dates.model().has("scraped")
