"""Fetched pages are parsed in a worker under the same limits as a file (tests/test_import_limits.py):
a pathological page from ``reader import URL``, ``feed update``, ``reimport --refetch`` or an
archive's ``--fetch`` is one error line for its URL, and the rest goes on. Small limits through
the environment keep the tests fast; servers on 127.0.0.1 only."""

from __future__ import annotations

import pytest
from test_cli_support import ARTICLE, distinct, imported_ids, list_json, run
from test_net_support import Answer, LocalServer, html_page

HTML = {"Content-Type": "text/html; charset=utf-8"}
SLOW = "parsing took too long (limit 1 s CPU)"
# tens of thousands of tiny paragraphs: small to send, seconds of CPU for the HTML cleaner
PATHOLOGICAL = ("<html><body>" + "<p>x</p>" * 60_000 + "</body></html>").encode()


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("READER_PARSE_CPU_SECONDS", "1")
    with LocalServer() as srv:
        srv.route("/slow", Answer(body=PATHOLOGICAL, headers=HTML))
        for n in range(2):
            srv.route(
                f"/story/{n}",
                Answer(body=html_page(f"Story {n}", distinct(ARTICLE, 300 + n)), headers=HTML),
            )
        yield srv


def test_import_url_a_pathological_page_is_one_error_and_the_others_import(capsys, server):
    slow, good = server.url("/slow"), server.url("/story/0")
    code, out, err = run(capsys, "import", slow, good)
    assert code == 1
    assert err.splitlines() == [f"error {slow}: {SLOW}"]
    assert [line.split(" ", 2)[2] for line in out.splitlines()] == ["Story 0"]


def test_feed_update_a_pathological_page_is_one_error_and_the_update_goes_on(capsys, server):
    items = "".join(
        f"<item><title>Item {p}</title><link>{server.url(p)}</link><guid>{p}</guid>"
        f"<description>The teaser of {p} is kept.</description></item>"
        for p in ("/story/0", "/slow", "/story/1")
    )
    feed = (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>"
    )
    server.route("/feed.xml", Answer(body=feed.encode()))
    assert run(capsys, "feed", "add", server.url("/feed.xml"))[0] == 0
    code, out, err = run(capsys, "feed", "update", "--delay", "0", "--retries", "0")
    assert code == 0, err  # the feed was reached
    assert err.splitlines() == [f"error {server.url('/slow')}: {SLOW}"]
    rows = {r["url"]: r for r in list_json(capsys)}
    assert len(out.splitlines()) == 3 and len(rows) == 3
    assert rows[server.url("/slow")]["partial"] is True  # kept with the feed's teaser
    assert rows[server.url("/story/1")]["partial"] is False


def test_refetch_a_page_that_became_pathological_fails_alone(capsys, server):
    url = server.url("/story/0")
    [article] = imported_ids(run(capsys, "import", url)[1])
    server.route("/story/0", Answer(body=PATHOLOGICAL, headers=HTML))
    code, out, err = run(capsys, "reimport", "--refetch", article)
    assert code == 1 and out == ""
    assert err.splitlines() == [f"error {article}: {SLOW}"]
    [row] = list_json(capsys)
    assert row["id"] == article and row["title"] == "Story 0"  # the kept page is untouched


def test_archive_fetch_a_pathological_page_is_one_error(capsys, server, tmp_path):
    slow, good = server.url("/slow"), server.url("/story/1")
    csv = (
        "title,url,time_added,tags,status\n"
        f"Saved slow,{slow},1709632800,,unread\nSaved good,{good},1709632800,,unread\n"
    )
    path = tmp_path / "part_000000.csv"
    path.write_text(csv, encoding="utf-8")
    code, out, err = run(capsys, "import", "--fetch", str(path))
    assert code == 1
    assert err.splitlines() == [f"error {slow}: {SLOW}"]
    rows = {r["url"]: r for r in list_json(capsys)}
    assert rows[slow]["partial"] is True and rows[slow]["title"] == "Saved slow"
    assert rows[good]["partial"] is False and rows[good]["title"] == "Story 1"
