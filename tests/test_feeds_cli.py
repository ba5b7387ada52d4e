"""``reader feed ...`` end to end against local servers on 127.0.0.1 (no other address)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, distinct, list_json, run
from test_net_support import Answer, LocalServer, closed_port, html_page

HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = ("--delay", "0", "--retries", "0", "--timeout", "5")


def story(n: int) -> str:
    return distinct(ARTICLE, 100 + n)


def rss(items: list[tuple[str, str | None, str]], title: str = "Harbour Gazette") -> bytes:
    """(guid, link or None, teaser) per item."""
    parts = []
    for guid, link, teaser in items:
        link_xml = f"<link>{link}</link>" if link else ""
        parts.append(
            f"<item><title>Item {guid}</title>{link_xml}<guid isPermaLink='false'>{guid}</guid>"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{teaser}</description></item>"
        )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>/</link>{''.join(parts)}</channel></rss>"
    ).encode()


def serve_stories(srv: LocalServer, numbers) -> None:
    for n in numbers:
        srv.route(f"/story/{n}", Answer(body=html_page(f"Story {n}", story(n)), headers=HTML))


def add(capsys, url: str, *tags: str) -> str:
    extra = [a for t in tags for a in ("--tag", t)]
    code, out, err = run(capsys, "feed", "add", url, *extra)
    assert code == 0, err
    verb, feed_id, shown = out.split()
    assert verb == "added" and shown == url
    return feed_id


def lines(text: str, prefix: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix)]


@pytest.fixture
def server():
    with LocalServer() as srv:
        yield srv


# subscriptions ---------------------------------------------------------------------------------
def test_add_list_rm(capsys, server):
    url = server.url("/feed.xml")
    feed_id = add(capsys, url, "climate", "outlet/gazette")
    code, out, _ = run(capsys, "feed", "add", url, "--tag", "extra")
    assert code == 0 and out.split() == ["exists", feed_id, url]
    code, out, _ = run(capsys, "feed", "list", "--json")
    [row] = json.loads(out)
    assert {k: row[k] for k in ("id", "url", "title", "tags", "last_update", "last_status")} == {
        "id": feed_id,
        "url": url,
        "title": None,
        "tags": ["climate", "outlet/gazette", "extra"],
        "last_update": None,
        "last_status": None,
    }
    assert row["entries"] == 0 and row["articles"] == 0
    code, out, _ = run(capsys, "feed", "rm", feed_id[:4])
    assert code == 0 and out.split() == ["removed", feed_id, url]
    code, out, _ = run(capsys, "feed", "list", "--json")
    assert json.loads(out) == []


def test_a_feed_is_found_by_id_prefix_or_url(capsys, server):
    one = add(capsys, server.url("/one.xml"))
    add(capsys, server.url("/two.xml"))
    code, out, _ = run(capsys, "feed", "rm", server.url("/one.xml"))
    assert code == 0 and out.split()[1] == one
    code, _, err = run(capsys, "feed", "rm", "zzzz")
    assert code == 1 and err.strip() == "reader: no feed zzzz (see: reader feed list)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["feed", "add", "ftp://127.0.0.1/feed"],
            "error ftp://127.0.0.1/feed: not an http or https URL",
        ),
        (["feed", "add", "feed.xml"], "error feed.xml: not an http or https URL"),
        (["feed", "add", "http://127.0.0.1:1/f", "--tag", "/"], "reader: tag '/' is empty"),
        (["feed", "update", "--delay", "-1"], "must be 0 or more: -1"),
        (["feed"], "feed needs a subcommand"),
    ],
)
def test_bad_input_is_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code in (1, 2) and message in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "feed", "list", "--json")
    assert json.loads(out) == []  # nothing half-added


def test_without_feeds_update_says_so(capsys):
    code, out, _ = run(capsys, "feed", "update")
    assert code == 0 and "no feeds" in out


# update ----------------------------------------------------------------------------------------
def test_update_imports_each_new_page_through_the_importer(capsys, server):
    serve_stories(server, range(3))
    server.route(
        "/feed.xml",
        Answer(
            body=rss([(f"g{n}", f"/story/{n}", f"Teaser {n}.") for n in range(3)]),
            headers={"Content-Type": "application/rss+xml"},
        ),
    )
    feed_id = add(capsys, server.url("/feed.xml"), "harbour")
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 0, err
    assert err == ""
    assert sorted(line.split(" ", 2)[2] for line in lines(out, "imported ")) == [
        "Story 0",
        "Story 1",
        "Story 2",
    ]
    rows = {r["title"]: r for r in list_json(capsys)}
    row = rows["Story 1"]
    assert row["url"] == server.url("/story/1")
    assert row["feed"] == feed_id and row["partial"] is False
    assert row["source"] == "Harbour Gazette"  # the page names none: the feed's title
    assert row["date"] == "2024-03-05"  # from the entry: the page has none
    assert row["tags"] == ["harbour"] and row["quotes"] > 0
    [listed] = json.loads(run(capsys, "feed", "list", "--json")[1])
    assert listed["title"] == "Harbour Gazette" and listed["last_status"] == "ok"
    assert listed["entries"] == 3 and listed["articles"] == 3


def test_atom_and_json_feeds_update_too(capsys, server):
    serve_stories(server, range(2))
    atom = (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom Post</title>"
        "<id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><entry><title>A</title>"
        f"<link href='{server.url('/story/0')}'/><id>urn:a:0</id><updated>2024-01-01T00:00:00Z</updated>"
        "</entry></feed>"
    )
    jsonfeed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "Json Times",
            "items": [{"id": "j1", "url": "/story/1", "title": "J"}],
        }
    )
    server.route(
        "/atom", Answer(body=atom.encode(), headers={"Content-Type": "application/atom+xml"})
    )
    server.route(
        "/json", Answer(body=jsonfeed.encode(), headers={"Content-Type": "application/feed+json"})
    )
    atom_id = add(capsys, server.url("/atom"))
    json_id = add(capsys, server.url("/json"))
    code, _, err = run(capsys, "feed", "update", *FAST)
    assert code == 0, err
    rows = {r["title"]: r for r in list_json(capsys)}
    assert rows["Story 0"]["feed"] == atom_id and rows["Story 0"]["source"] == "Atom Post"
    assert rows["Story 1"]["feed"] == json_id and rows["Story 1"]["source"] == "Json Times"


def test_pages_that_fail_become_partial_articles_with_the_summary(capsys, server):
    serve_stories(server, [0])
    server.route("/old", Answer(301, headers={"Location": server.url("/story/0")}))
    server.route("/gone", Answer(404))
    server.route("/broken", Answer(500))
    server.route("/slow", Answer(body=html_page("Slow", story(9)), headers=HTML, delay=3))
    server.route("/huge", Answer(body=html_page("Huge", story(8) * 400), headers=HTML))
    server.route(
        "/file.pdf",
        Answer(body=b"%PDF-1.4 not a page", headers={"Content-Type": "application/pdf"}),
    )
    server.route(
        "/plain",
        Answer(body=story(7).encode(), headers={"Content-Type": "text/plain; charset=utf-8"}),
    )
    paths = ["/old", "/gone", "/broken", "/slow", "/huge", "/file.pdf", "/plain"]
    items = [
        (f"g{i}", p, f"The teaser of the item at {p[1:]} says enough.") for i, p in enumerate(paths)
    ]
    server.route("/feed.xml", Answer(body=rss(items)))
    add(capsys, server.url("/feed.xml"))
    code, out, err = run(
        capsys,
        "feed",
        "update",
        "--delay",
        "0",
        "--retries",
        "0",
        "--timeout",
        "1",
        "--max-size",
        "0.1",
    )
    assert code == 0, err  # the feed was reached: failed pages do not fail the update
    errors = sorted(lines(err, "error "))
    assert errors == sorted(
        [
            f"error {server.url('/gone')}: HTTP 404 Not Found",
            f"error {server.url('/broken')}: HTTP 500 Internal Server Error",
            f"error {server.url('/slow')}: timed out after 1 s",
            f"error {server.url('/huge')}: too large (over 0.1 MB)",
            f"error {server.url('/file.pdf')}: not a web page (application/pdf)",
        ]
    )
    assert len(lines(out, "imported ")) == 7
    rows = {r["url"]: r for r in list_json(capsys)}
    assert rows[server.url("/story/0")]["partial"] is False  # redirected: the final URL kept
    assert rows[server.url("/plain")]["partial"] is False
    gone = rows[server.url("/gone")]
    assert gone["partial"] is True and gone["title"] == "Item g1"
    code, shown, _ = run(capsys, "show", gone["id"])
    assert "The teaser of the item at gone says enough." in shown


def test_429_is_retried_and_the_page_imported(capsys, server):
    serve_stories(server, [0])
    page = server.routes["/story/0"]
    answers = iter([Answer(429, headers={"Retry-After": "1"}), page])
    server.route("/story/0", lambda seen: next(answers, page))
    server.route("/feed.xml", Answer(body=rss([("g0", "/story/0", "t")])))
    add(capsys, server.url("/feed.xml"))
    code, out, err = run(capsys, "feed", "update", "--delay", "0", "--retries", "1")
    assert code == 0 and err == "" and len(lines(out, "imported ")) == 1
    first, second = server.hits("/story/0")
    assert second.at - first.at >= 0.95


def test_conditional_get_second_update_fetches_nothing(capsys, server):
    serve_stories(server, range(2))
    body = rss([("g0", "/story/0", "t"), ("g1", "/story/1", "t")])

    def feed(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Answer(304)
        return Answer(body=body, headers={"ETag": '"v1"'})

    server.route("/feed.xml", feed)
    add(capsys, server.url("/feed.xml"))
    assert run(capsys, "feed", "update", *FAST)[0] == 0
    before = len(server.seen)
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 0 and out == "" and err == ""
    assert [s.path for s in server.seen[before:]] == ["/feed.xml"]  # one 304, no page
    [row] = json.loads(run(capsys, "feed", "list", "--json")[1])
    assert row["last_status"] == "not modified" and row["articles"] == 2


def test_seen_entries_are_not_fetched_again_when_the_feed_reorders(capsys, server):
    serve_stories(server, range(3))
    server.route("/feed.xml", Answer(body=rss([("g0", "/story/0", "t"), ("g1", "/story/1", "t")])))
    add(capsys, server.url("/feed.xml"))
    assert run(capsys, "feed", "update", *FAST)[0] == 0
    server.route(
        "/feed.xml",
        Answer(
            body=rss([("g2", "/story/2", "t"), ("g1", "/story/1", "t"), ("g0", "/story/0", "t")])
        ),
    )
    before = len(server.seen)
    code, out, _ = run(capsys, "feed", "update", *FAST)
    assert code == 0 and [line.split(" ", 2)[2] for line in lines(out, "imported ")] == ["Story 2"]
    assert sorted(s.path for s in server.seen[before:]) == ["/feed.xml", "/story/2"]


def test_duplicate_guids_and_entries_without_links(capsys, server):
    serve_stories(server, range(2))
    body = rss(
        [
            ("dup", "/story/0", "t"),
            ("dup", "/story/1", "t"),
            ("nolink", None, "An entry that is only this teaser, about ferries and fees."),
        ]
    )
    server.route("/feed.xml", Answer(body=body))
    add(capsys, server.url("/feed.xml"))
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 0, err
    titles = sorted(line.split(" ", 2)[2] for line in lines(out, "imported "))
    assert titles == ["Item nolink", "Story 0", "Story 1"]
    rows = {r["title"]: r for r in list_json(capsys)}
    assert rows["Item nolink"]["partial"] is True and rows["Item nolink"]["url"] is None
    assert run(capsys, "feed", "update", *FAST)[1] == ""  # all three remembered


def test_the_same_page_in_two_feeds_is_a_duplicate(capsys, server):
    serve_stories(server, [0])
    server.route("/a.xml", Answer(body=rss([("a0", "/story/0", "t")], title="A")))
    server.route("/b.xml", Answer(body=rss([("b0", "/story/0", "t")], title="B")))
    add(capsys, server.url("/a.xml"))
    add(capsys, server.url("/b.xml"))
    code, out, _ = run(capsys, "feed", "update", *FAST)
    assert code == 0
    assert len(lines(out, "imported ")) == 1 and len(lines(out, "duplicate ")) == 1
    assert lines(out, "imported ")[0].split()[1] == lines(out, "duplicate ")[0].split()[1]


def test_an_unreachable_host_is_reported_once_and_fails_the_update(capsys, server):
    port = closed_port()
    add(capsys, f"http://127.0.0.1:{port}/one.xml")
    add(capsys, f"http://127.0.0.1:{port}/two.xml")
    server.route("/missing.xml", Answer(404))
    add(capsys, server.url("/missing.xml"))
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 1 and out == ""
    assert sorted(lines(err, "error ")) == sorted(
        [
            f"error 127.0.0.1:{port}: connection refused",
            f"error {server.url('/missing.xml')}: HTTP 404 Not Found",
        ]
    )
    rows = json.loads(run(capsys, "feed", "list", "--json")[1])
    assert {r["last_status"] for r in rows} == {"error"}
    assert {r["error"] for r in rows} == {"connection refused", "HTTP 404 Not Found"}


def test_pages_on_a_down_host_are_kept_partial_with_one_error(capsys, server):
    port = closed_port()
    items = [
        (f"g{i}", f"http://127.0.0.1:{port}/p{i}", f"Teaser number {i} about tides.")
        for i in range(3)
    ]
    server.route("/feed.xml", Answer(body=rss(items)))
    add(capsys, server.url("/feed.xml"))
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 0
    assert lines(err, "error ") == [f"error 127.0.0.1:{port}: connection refused"]
    assert len(lines(out, "imported ")) == 3
    assert all(r["partial"] for r in list_json(capsys))


def test_not_a_feed_is_an_error_for_that_feed(capsys, server):
    server.route("/page", Answer(body=html_page("Home", "Welcome."), headers=HTML))
    add(capsys, server.url("/page"))
    code, _, err = run(capsys, "feed", "update", *FAST)
    assert code == 1
    assert err.startswith(f"error {server.url('/page')}: not a feed")


def test_every_other_command_works_offline(capsys, server):
    port = closed_port()
    feed_id = add(capsys, f"http://127.0.0.1:{port}/f.xml")
    assert run(capsys, "feed", "update", *FAST)[0] == 1
    assert run(capsys, "feed", "list")[0] == 0
    assert run(capsys, "list", "--json")[0] == 0
    assert run(capsys, "feed", "rm", feed_id)[0] == 0


# OPML --------------------------------------------------------------------------------------------
def test_opml_round_trip(capsys, tmp_path):
    add(capsys, "http://127.0.0.1:8000/a.xml", "climate", "outlet/a")
    add(capsys, "http://127.0.0.1:8000/b.xml")
    target = tmp_path / "subs.opml"
    code, _, err = run(capsys, "feed", "export", str(target))
    assert code == 0 and "exported 2 feeds" in err
    code, out, _ = run(capsys, "--library", str(tmp_path / "other"), "feed", "import", str(target))
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["added", "added"]
    mine = json.loads(run(capsys, "feed", "list", "--json")[1])
    theirs = json.loads(
        run(capsys, "--library", str(tmp_path / "other"), "feed", "list", "--json")[1]
    )
    assert [(r["id"], r["url"], r["tags"]) for r in mine] == [
        (r["id"], r["url"], r["tags"]) for r in theirs
    ]
    code, out, _ = run(capsys, "feed", "import", str(target))
    assert [line.split()[0] for line in out.splitlines()] == ["exists", "exists"]
    code, out, _ = run(capsys, "feed", "export", "-")
    assert out.encode() == target.read_bytes()


def test_opml_errors(capsys, tmp_path):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body>")
    code, _, err = run(capsys, "feed", "import", str(bad))
    assert code == 1 and err.startswith(f"reader: {bad}: not an OPML file")
    code, _, err = run(capsys, "feed", "import", str(tmp_path / "none.opml"))
    assert code == 1 and "No such file" in err
    mixed = tmp_path / "mixed.opml"
    mixed.write_text(
        '<opml version="2.0"><body><outline xmlUrl="gopher://x"/>'
        '<outline xmlUrl="http://127.0.0.1:8000/ok.xml"/></body></opml>'
    )
    code, out, err = run(capsys, "feed", "import", str(mixed))
    assert code == 1 and err.strip() == "error gopher://x: not an http or https URL"
    assert out.startswith("added ")


# ctrl+c ----------------------------------------------------------------------------------------
def test_ctrl_c_during_an_update_leaves_a_consistent_library(tmp_path, server):
    count = 12
    for n in range(count):
        server.route(
            f"/story/{n}", Answer(body=html_page(f"Story {n}", story(n)), headers=HTML, delay=0.15)
        )
    server.route(
        "/feed.xml", Answer(body=rss([(f"g{n}", f"/story/{n}", "t") for n in range(count)]))
    )
    env = dict(os.environ, READER_HOME=str(tmp_path / "lib"), PYTHONPATH=os.pathsep.join(sys.path))
    cli = [sys.executable, "-m", "reader"]
    subprocess.run(
        [*cli, "feed", "add", server.url("/feed.xml")], env=env, check=True, capture_output=True
    )
    proc = subprocess.Popen(
        [*cli, "feed", "update", "--delay", "0.2", "--per-host", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline()  # one article committed: the update is under way
    assert first.startswith("imported ")
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    done_before = [first.split()[1]] + [line.split()[1] for line in lines(rest, "imported ")]
    assert len(done_before) < count
    doctor = subprocess.run([*cli, "doctor"], env=env, capture_output=True, text=True)
    assert doctor.returncode == 0, doctor.stderr
    again = subprocess.run(
        [*cli, "feed", "update", "--delay", "0"], env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    new = [line.split()[1] for line in lines(again.stdout, "imported ")]
    assert not set(new) & set(done_before)
    listed = subprocess.run([*cli, "list", "--json"], env=env, capture_output=True, text=True)
    rows = json.loads(listed.stdout)
    assert len(rows) == count and len({r["url"] for r in rows}) == count


def test_reimport_keeps_the_fetched_url(capsys, server):
    canonical = "<link rel='canonical' href='http://127.0.0.1:1/elsewhere'>"
    server.route("/story/c", Answer(body=html_page("Canon", story(3), canonical), headers=HTML))
    server.route("/feed.xml", Answer(body=rss([("c", "/story/c", "t")])))
    add(capsys, server.url("/feed.xml"), "kept")
    run(capsys, "feed", "update", *FAST)
    [row] = list_json(capsys)
    assert row["url"] == server.url("/story/c")
    code, _, err = run(capsys, "reimport", row["id"])
    assert code == 0, err
    [again] = list_json(capsys)
    assert again["url"] == server.url("/story/c") and again["feed"] == row["feed"]
    assert again["source"] == row["source"] and again["date"] == row["date"] == "2024-03-05"
    assert again["tags"] == ["kept"] and again["title"] == row["title"]


def test_file_imports_have_no_feed(capsys, tmp_path):
    path = Path(tmp_path / "a.txt")
    path.write_text(ARTICLE)
    assert run(capsys, "import", str(path))[0] == 0
    [row] = list_json(capsys)
    assert row["feed"] is None and row["partial"] is False


def test_a_partial_article_gets_its_page_with_refetch(capsys, server):
    server.route("/story/late", Answer(503))
    server.route(
        "/feed.xml", Answer(body=rss([("late", "/story/late", "Only the teaser so far.")]))
    )
    feed_id = add(capsys, server.url("/feed.xml"), "late")
    assert run(capsys, "feed", "update", *FAST)[0] == 0
    [row] = list_json(capsys)
    assert row["partial"] is True and row["title"] == "Item late"
    server.route("/story/late", Answer(body=html_page("The late story", story(4)), headers=HTML))
    code, out, err = run(capsys, "reimport", "--refetch", row["id"])
    assert code == 0, err
    [again] = list_json(capsys)
    assert again["id"] == row["id"] and again["partial"] is False
    assert again["title"] == "The late story" and again["feed"] == feed_id
    assert again["tags"] == ["late"] and again["url"] == server.url("/story/late")
    code, shown, _ = run(capsys, "show", row["id"])
    assert "Only the teaser" not in shown and "harbour plan" in shown


def test_pages_are_parsed_in_worker_processes(capsys, server):
    serve_stories(server, range(6))
    server.route("/gone", Answer(404))
    items = [(f"g{n}", f"/story/{n}", "t") for n in range(6)] + [("gone", "/gone", "Teaser.")]
    server.route("/feed.xml", Answer(body=rss(items)))
    add(capsys, server.url("/feed.xml"))
    code, out, err = run(capsys, "feed", "update", *FAST)
    assert code == 0 and lines(err, "error ") == [
        f"error {server.url('/gone')}: HTTP 404 Not Found"
    ]
    rows = {r["title"]: r for r in list_json(capsys)}
    assert sorted(rows) == ["Item gone"] + [f"Story {n}" for n in range(6)]
    assert [r["partial"] for r in rows.values()].count(True) == 1


def test_a_damaged_feed_list_is_named_and_never_overwritten(capsys, library_dir):
    add(capsys, "http://127.0.0.1:9/a.xml")
    path = library_dir / "feeds.json"
    path.write_text('{"feeds": {"x": ')  # cut off mid-write by something else
    for argv in (["feed", "list"], ["feed", "add", "http://127.0.0.1:9/b.xml"], ["feed", "update"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and "feeds.json is unreadable" in err and len(err.splitlines()) == 1
    assert path.read_text() == '{"feeds": {"x": '
    code, _, err = run(capsys, "doctor")
    assert code == 1 and "feeds.json is unreadable" in err
