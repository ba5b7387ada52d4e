"""Feed documents to entries: every format, and the broken ones real feeds are."""

from __future__ import annotations

import json

import pytest

from reader.fetching.feeds import FeedError, parse_feed
from reader.fetching.opml import OPMLError, Subscription, read_opml, write_opml

BASE = "http://127.0.0.1:8000/news/feed.xml"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>/news/</link>
<item><title>Ferry timetable changes</title><link>/news/ferry</link><guid isPermaLink="false">g-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The full text of the ferry story, much longer than the teaser.</p>]]></content:encoded></item>
<item><title>Harbour fees rise</title><link>https://other.example/fees</link><guid>g-2</guid></item>
</channel></rss>"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1:8000/"><title>Old Style Weekly</title><link>http://127.0.0.1:8000/</link>
<description>d</description></channel>
<item rdf:about="http://127.0.0.1:8000/a"><title>An RDF item</title><link>http://127.0.0.1:8000/a</link>
<dc:date>2023-11-02T08:00:00Z</dc:date><description>RDF teaser.</description></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Ninety One</title>
<link>http://127.0.0.1:8000/</link><description>d</description><language>en</language>
<item><title>Plain old item</title><link>http://127.0.0.1:8000/old</link><description>Old teaser.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://127.0.0.1:8000/atom/">
<title>Atom Chronicle</title><link href="/" rel="alternate"/><id>urn:x:feed</id>
<updated>2024-01-02T00:00:00Z</updated>
<entry><title>Atom entry one</title><link href="entry-1.html" rel="alternate"/><id>urn:x:1</id>
<updated>2024-01-02T09:30:00Z</updated><summary>Atom summary.</summary>
<content type="html">&lt;p&gt;Atom content that is the longest text here.&lt;/p&gt;</content></entry>
</feed>"""

JSONFEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Jason's Journal",
        "home_page_url": "/",
        "items": [
            {
                "id": 17,
                "url": "/posts/17",
                "title": "A JSON item",
                "content_html": "<p>JSON content.</p>",
                "date_published": "2024-02-03T04:05:06+01:00",
                "authors": [{"name": "Ida Example"}],
            },
            {"id": "no-link", "content_text": "Only text, no link."},
        ],
    }
).encode()


def test_rss2_entries_with_relative_links_dates_and_the_longest_text():
    feed = parse_feed(RSS2, BASE, "application/rss+xml")
    assert feed.title == "Harbour Gazette" and feed.link == "http://127.0.0.1:8000/news/"
    first, second = feed.entries
    assert first.link == "http://127.0.0.1:8000/news/ferry"  # relative link resolved
    assert first.date == "2024-03-05" and first.title == "Ferry timetable changes"
    assert "full text of the ferry story" in first.text  # content:encoded beats the teaser
    assert second.link == "https://other.example/fees" and second.date is None
    assert first.key != second.key and feed.warning is None


def test_rss1_rdf_and_rss091():
    rdf = parse_feed(RSS1, BASE)
    assert rdf.title == "Old Style Weekly"
    assert [(e.title, e.link, e.date) for e in rdf.entries] == [
        ("An RDF item", "http://127.0.0.1:8000/a", "2023-11-02")
    ]
    old = parse_feed(RSS091, BASE)
    assert old.title == "Ninety One" and old.entries[0].link == "http://127.0.0.1:8000/old"
    assert old.entries[0].key == "http://127.0.0.1:8000/old"  # no guid: the link is the key


def test_atom_with_xml_base():
    feed = parse_feed(ATOM, BASE, "application/atom+xml")
    [entry] = feed.entries
    assert entry.link == "http://127.0.0.1:8000/atom/entry-1.html"
    assert entry.key == "urn:x:1" and entry.date == "2024-01-02"
    assert "Atom content" in entry.text


def test_json_feed():
    feed = parse_feed(JSONFEED, BASE, "application/feed+json")
    assert feed.title == "Jason's Journal" and feed.link == "http://127.0.0.1:8000/"
    first, second = feed.entries
    assert first.key == "17" and first.link == "http://127.0.0.1:8000/posts/17"
    assert first.date == "2024-02-03" and first.author == "Ida Example"
    assert second.link is None and second.text == "Only text, no link."


def test_broken_xml_is_read_as_far_as_it_goes():
    broken = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Sloppy & Sons</title>"
        b"<item><title>Fish & chips</title><link>/a</link></item>"
        b"<item><title>Second</title><link>/b</link></channel>"
    )
    feed = parse_feed(broken, BASE)
    assert [e.link for e in feed.entries] == [
        "http://127.0.0.1:8000/a",
        "http://127.0.0.1:8000/b",
    ]
    assert feed.warning  # what was wrong is kept for the feed list


def test_a_wrong_declared_encoding_is_overridden():
    text = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Grüße</title>"
        "<item><title>Müller spricht über Fähren</title><link>/m</link></item></channel></rss>"
    )
    feed = parse_feed(text.encode("latin-1"), BASE, "application/xml; charset=utf-8")
    assert feed.title == "Grüße"
    assert feed.entries[0].title == "Müller spricht über Fähren"


def test_the_http_charset_is_used_when_the_document_says_nothing():
    text = "<rss version='2.0'><channel><title>Café</title><item><title>Crème</title><link>/c</link></item></channel></rss>"
    feed = parse_feed(text.encode("cp1252"), BASE, "text/xml; charset=windows-1252")
    assert feed.title == "Café" and feed.entries[0].title == "Crème"


def test_duplicate_guids_stay_apart_and_linkless_entries_get_a_stable_key():
    doc = (
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>One</title><link>/one</link><guid>same</guid></item>"
        b"<item><title>Two</title><link>/two</link><guid>same</guid></item>"
        b"<item><title>No link</title><description>Just words.</description></item>"
        b"</channel></rss>"
    )
    entries = parse_feed(doc, BASE).entries
    keys = [e.key for e in entries]
    assert len(set(keys)) == 3
    assert entries[2].link is None
    reordered = doc.replace(
        b"<item><title>One", b"<item><title>Zero</title><link>/z</link></item><item><title>One"
    )
    again = {e.title: e.key for e in parse_feed(reordered, BASE).entries}
    assert again["No link"] == keys[2] and again["One"] == keys[0]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            b"<!doctype html><html><head><title>Home</title></head><body>hi</body></html>",
            "not a feed",
        ),
        (b"   ", "empty"),
        (b'{"name": "not a feed"}', "JSON Feed version"),
        (b"{broken json", "not valid JSON"),
        (b"\x00\x01\x02binary", "not a feed"),
    ],
)
def test_what_is_not_a_feed_says_so(body, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body, BASE)


def test_opml_round_trip_and_folders_as_tags():
    feeds = [
        Subscription("http://127.0.0.1:8000/a.xml", "A & B <news>", ["climate", "outlet/a"]),
        Subscription("http://127.0.0.1:8000/b.xml", None, []),
    ]
    assert read_opml(write_opml(feeds)) == [
        Subscription("http://127.0.0.1:8000/a.xml", "A & B <news>", ["climate", "outlet/a"]),
        Subscription("http://127.0.0.1:8000/b.xml", "http://127.0.0.1:8000/b.xml", []),
    ]
    nested = b"""<?xml version="1.0"?><opml version="1.0"><head/><body>
      <outline text="Politics"><outline text="Daily" type="rss" xmlUrl="http://127.0.0.1:8000/d.xml"
        category="/economy,/europe/eu"/></outline>
      <outline title="Loose" xmlURL="http://127.0.0.1:8000/l.xml"/></body></opml>"""
    got = read_opml(nested)
    assert got[0] == Subscription(
        "http://127.0.0.1:8000/d.xml", "Daily", ["Politics", "economy", "europe/eu"]
    )
    assert got[1].url == "http://127.0.0.1:8000/l.xml" and got[1].tags == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<opml><body>", "XML error"),
        (b"<rss/>", "root element is <rss>"),
        (b"<opml/>", "no <body>"),
    ],
)
def test_bad_opml_says_why(data, reason):
    with pytest.raises(OPMLError, match=reason):
        read_opml(data)
