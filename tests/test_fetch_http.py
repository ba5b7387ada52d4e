"""The polite fetcher against a local server: conditional GET, redirects, errors, retries,
timeouts, size cap, per-host limits. No other address is ever contacted."""

from __future__ import annotations

import gzip
import threading
import time

import pytest
from test_net_support import Answer, LocalServer, closed_port

from reader.fetching.http import Fetcher, FetchError, Politeness

FAST = Politeness(delay=0.0, timeout=3.0, backoff=0.05)


@pytest.fixture
def server():
    with LocalServer() as srv:
        yield srv


def test_a_page_comes_with_a_clear_user_agent_and_its_headers(server):
    url = server.route(
        "/a", Answer(body=b"<p>hi</p>", headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    )
    with Fetcher(FAST) as fetcher:
        response = fetcher.fetch(url)
    assert response.status == 200 and response.body == b"<p>hi</p>"
    assert response.content_type == "text/html" and response.charset == "iso-8859-1"
    agent = server.hits("/a")[0].headers["user-agent"]
    assert agent.startswith("reader/") and "fetcher" in agent


def test_redirects_are_followed_and_the_final_url_kept(server):
    server.route("/old", Answer(301, headers={"Location": server.url("/new")}))
    server.route("/new", Answer(body=b"moved here"))
    with Fetcher(FAST) as fetcher:
        response = fetcher.fetch(server.url("/old"))
    assert response.url == server.url("/new") and response.body == b"moved here"


def test_a_redirect_to_another_scheme_is_refused(server):
    server.route("/away", Answer(302, headers={"Location": "ftp://127.0.0.1/file"}))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="non-http"):
        fetcher.fetch(server.url("/away"))


def test_conditional_get_sends_the_validators_back_and_gets_304(server):
    def conditional(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Answer(304)
        return Answer(
            body=b"feed", headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 10:00:00 GMT"}
        )

    url = server.route("/feed", conditional)
    with Fetcher(FAST) as fetcher:
        first = fetcher.fetch(url)
        second = fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert first.etag == '"v1"' and not first.not_modified
    assert second.not_modified and second.body == b""
    sent = server.hits("/feed")[1].headers
    assert sent["if-modified-since"] == "Mon, 01 Jan 2024 10:00:00 GMT"


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_fail_at_once_with_the_status(server, status):
    url = server.route("/x", Answer(status))
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match=f"HTTP {status}"):
        fetcher.fetch(url)
    assert len(server.hits("/x")) == 1


def test_429_is_retried_after_the_servers_retry_after(server):
    answers = iter([Answer(429, headers={"Retry-After": "1"}), Answer(body=b"ok")])
    url = server.route("/busy", lambda seen: next(answers))
    with Fetcher(FAST) as fetcher:
        response = fetcher.fetch(url)
    assert response.body == b"ok"
    first, second = server.hits("/busy")
    assert second.at - first.at >= 0.95  # the server's wish, not our short backoff


def test_5xx_is_retried_with_backoff_then_given_up(server):
    url = server.route("/down", Answer(503))
    polite = Politeness(delay=0.0, timeout=3.0, backoff=0.1, retries=2)
    with Fetcher(polite) as fetcher, pytest.raises(FetchError, match="HTTP 503"):
        fetcher.fetch(url)
    times = [s.at for s in server.hits("/down")]
    assert len(times) == 3  # the first try and two retries
    assert times[1] - times[0] >= 0.09 and times[2] - times[1] >= 0.19  # doubling


def test_a_retry_after_beyond_the_limit_is_not_waited_for(server):
    url = server.route("/later", Answer(503, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError, match="retry after 3600 s"):
        fetcher.fetch(url)
    assert time.monotonic() - started < 2 and len(server.hits("/later")) == 1


def test_a_slow_answer_times_out(server):
    url = server.route("/slow", Answer(body=b"late", delay=2.0))
    polite = Politeness(delay=0.0, timeout=0.5, retries=0)
    with Fetcher(polite) as fetcher, pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(url)


def test_a_body_that_drips_in_times_out_as_a_whole(server):
    url = server.route("/drip", Answer(body=b"x" * 20_000, drip=0.1))  # 2 s in 1 KB pieces
    polite = Politeness(delay=0.0, timeout=0.6, retries=0)
    started = time.monotonic()
    with Fetcher(polite) as fetcher, pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(url)
    assert time.monotonic() - started < 1.5


def test_a_huge_body_is_refused_by_its_length(server):
    url = server.route("/huge", Answer(body=b"x" * 300_000))
    polite = Politeness(delay=0.0, max_bytes=100_000)
    with Fetcher(polite) as fetcher, pytest.raises(FetchError, match="too large"):
        fetcher.fetch(url)


def test_a_gzip_body_is_unpacked_and_capped_after_unpacking(server):
    small = server.route(
        "/small.gz",
        Answer(body=gzip.compress(b"hello " * 100), headers={"Content-Encoding": "gzip"}),
    )
    bomb = server.route(
        "/bomb.gz",
        Answer(body=gzip.compress(b"\0" * 2_000_000), headers={"Content-Encoding": "gzip"}),
    )
    polite = Politeness(delay=0.0, max_bytes=1_000_000)
    with Fetcher(polite) as fetcher:
        assert fetcher.fetch(small).body == b"hello " * 100
        with pytest.raises(FetchError, match="too large"):
            fetcher.fetch(bomb)
    assert server.hits("/small.gz")[0].headers["accept-encoding"] == "gzip"


def test_requests_to_one_host_are_spaced(server):
    for i in range(6):
        server.route(f"/p{i}", Answer(body=b"page"))
    polite = Politeness(per_host=2, delay=0.2, timeout=3.0)
    with Fetcher(polite, workers=8) as fetcher:
        for future in [fetcher.submit(server.url(f"/p{i}")) for i in range(6)]:
            future.result()
    starts = sorted(s.at for s in server.seen)
    assert starts[-1] - starts[0] >= 0.9  # five gaps of 0.2 s at least (less a little jitter)


def test_requests_to_one_host_are_limited_at_once(server):
    lock = threading.Lock()
    active, most = 0, 0

    def slow(seen):
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        time.sleep(0.3)
        with lock:
            active -= 1
        return Answer(body=b"page")

    for i in range(6):
        server.route(f"/p{i}", slow)
    with Fetcher(Politeness(per_host=2, delay=0.0, timeout=3.0), workers=8) as fetcher:
        for future in [fetcher.submit(server.url(f"/p{i}")) for i in range(6)]:
            future.result()
    assert most == 2


def test_hosts_do_not_wait_for_each_other():
    with LocalServer() as one, LocalServer() as two:
        for srv in (one, two):
            for i in range(4):
                srv.route(f"/p{i}", Answer(body=b"page"))
        polite = Politeness(per_host=1, delay=0.3, timeout=3.0)
        started = time.monotonic()
        with Fetcher(polite, workers=4) as fetcher:
            futures = [fetcher.submit(s.url(f"/p{i}")) for i in range(4) for s in (one, two)]
            for future in futures:
                future.result()
        elapsed = time.monotonic() - started
    # each host: 4 requests 0.3 s apart = 0.9 s; one after the other would be 2.1 s
    assert 0.85 <= elapsed < 1.6, elapsed


def test_an_unreachable_host_fails_once_for_all_its_urls():
    port = closed_port()
    urls = [f"http://127.0.0.1:{port}/p{i}" for i in range(5)]
    with Fetcher(Politeness(delay=0.2, timeout=2.0)) as fetcher:
        futures = [fetcher.submit(u) for u in urls]
        errors = [f.exception() for f in futures]
        assert fetcher.down_hosts() == {f"127.0.0.1:{port}": "connection refused"}
    assert all(isinstance(e, FetchError) and e.host_down for e in errors)
    assert {e.reason for e in errors} == {"connection refused"}


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http:///nohost", "notaurl"]
)
def test_only_http_urls_are_fetched(url):
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError):
        fetcher.fetch(url)


def test_callbacks_run_when_each_url_is_settled(server):
    server.route("/a", Answer(body=b"A"))
    got = []
    with Fetcher(FAST) as fetcher:
        fetcher.submit(server.url("/a"), callback=lambda url, r: got.append((url, r.body)))
        fetcher.submit(server.url("/none"), callback=lambda url, r: got.append((url, str(r))))
    assert (server.url("/a"), b"A") in got
    assert any(u == server.url("/none") and "HTTP 404" in r for u, r in got)


def test_feedparser_and_the_network_load_only_when_used():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import reader.cli.main, reader.library.ingest, reader.library.store\n"
        "import reader.fetching.feeds, reader.library.feeds, reader.library.feed_update\n"
        "print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "feedparser" not in loaded and "textual" not in loaded
    assert "urllib.request" not in loaded  # `reader list` never pays for the network
