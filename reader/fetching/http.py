"""The polite fetcher: many URLs over a few threads, each host treated gently.

Politeness, per host (``host:port`` counts as a host):

* at most ``per_host`` requests at once, and ``delay`` seconds between the starts of two;
* ``timeout`` seconds to connect, for each read, and for the whole body;
* bodies over ``max_bytes`` (after gzip) are refused, by Content-Length or while reading;
* a user agent that says what we are (``reader/VERSION``);
* conditional GET: ``etag``/``last_modified`` from the last answer are sent back, a 304 comes
  back as a :class:`Response` with ``not_modified``;
* 429 and 5xx are retried ``retries`` times, after the server's Retry-After (seconds or a date)
  or else ``backoff`` doubling; the wait holds back the whole host, not just that URL; a
  Retry-After longer than ``max_wait`` is not waited for (the URL fails, saying so);
* a host that cannot be reached (refused, unknown, connect timeout) is marked down: its other
  URLs fail at once with the same reason instead of each waiting for its own timeout.

Why the standard library (urllib) and not httpx: no new dependency chain, threads suit a
fetcher whose pace is set by per-host delays (no async needed), and the one thing httpx would
add, connection reuse, saves little when requests to one host are spaced ``delay`` apart
(``bench/bench_feeds.py`` prints the bare download time beside the polite one).

Why our own scheduler and not a plain thread pool: a pool takes jobs in order, so its threads
would all sit waiting out one host's delay while other hosts have work. Here a thread takes the
next job of any host that may be asked now (round robin over hosts).
"""

from __future__ import annotations

import threading
import time
import urllib.request
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urlsplit

from reader.base.errors import ReaderError


def _user_agent() -> str:
    from reader import __version__

    return f"reader/{__version__} (terminal news reader; polite feed and page fetcher)"


USER_AGENT = _user_agent()
ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
ACCEPT_FEED = (
    "application/rss+xml,application/atom+xml,application/feed+json,"
    "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
)
CHUNK = 64 * 1024


class FetchError(ReaderError):
    """A URL that could not be fetched; ``reason`` is one line, ``host_down`` says that the host
    itself could not be reached (so its other URLs were not tried)."""

    def __init__(
        self, url: str, reason: str, *, host_down: bool = False, status: int | None = None
    ) -> None:
        self.url, self.reason, self.host_down, self.status = url, reason, host_down, status
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class Politeness:
    per_host: int = 2  # requests at once to one host
    delay: float = 0.5  # seconds between the starts of two requests to one host
    timeout: float = 20.0  # seconds: connect, each read, and the whole body
    max_bytes: int = 10 * 1024 * 1024  # a bigger body is refused
    retries: int = 2  # after a 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry without Retry-After; doubles
    max_wait: float = 60.0  # a longer Retry-After is not waited for
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200 ... or 304
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag") or None

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified") or None


def host_of(url: str) -> str:
    """``host:port`` as one politeness unit (the port only where the URL gives one)."""
    return urlsplit(url).netloc.rpartition("@")[2].lower()


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else :class:`FetchError`."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(url, "not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, "not an http or https URL")
    if not parts.hostname:
        raise FetchError(url, "no host in the URL")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise FetchError(url, "the URL contains spaces or control characters")
    return url


def is_url(text: str) -> bool:
    """Does ``text`` look like an http(s) URL (what ``reader import`` fetches)?"""
    return text.lower().startswith(("http://", "https://"))


@dataclass
class _Job:
    url: str
    headers: dict[str, str]
    future: Future
    callback: Callable[[str, Response | FetchError], None] | None
    attempt: int = 0


@dataclass
class _Host:
    queue: deque = field(default_factory=deque)
    active: int = 0
    next_at: float = 0.0
    down: str | None = None  # why it could not be reached


class Fetcher:
    """``submit`` URLs (each gets a Future and, optionally, a callback run in a fetch thread
    when it is settled); ``fetch`` one and wait. ``close`` stops the threads (``cancel`` drops
    what is still queued). Use as a context manager."""

    def __init__(self, politeness: Politeness | None = None, *, workers: int = 16) -> None:
        self.politeness = politeness or Politeness()
        self.workers = max(1, workers)
        self._cond = threading.Condition()
        self._hosts: dict[str, _Host] = {}
        self._order: deque[str] = deque()  # hosts with queued jobs, round robin
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._closed = False
        self._opener = None

    # public ---------------------------------------------------------------------------------
    def submit(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = ACCEPT_PAGE,
        callback: Callable[[str, Response | FetchError], None] | None = None,
    ) -> Future:
        future: Future = Future()
        headers = {
            "User-Agent": self.politeness.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        job = _Job(url, headers, future, callback)
        try:
            check_url(url)
        except FetchError as exc:
            self._settle(job, exc)
            return future
        host = host_of(url)
        with self._cond:
            if self._closed:
                raise RuntimeError("fetcher closed")
            state = self._hosts.setdefault(host, _Host())
            if state.down is not None:
                down = state.down
            else:
                down = None
                if not state.queue:
                    self._order.append(host)
                state.queue.append(job)
                self._grow()
                self._cond.notify()
        if down is not None:
            self._settle(job, FetchError(url, down, host_down=True))
        return future

    def fetch(self, url: str, **kwargs) -> Response:
        """One URL, waiting for it (the same politeness as submitted ones); FetchError if it
        fails."""
        return self.submit(url, **kwargs).result()

    def down_hosts(self) -> dict[str, str]:
        with self._cond:
            return {h: s.down for h, s in self._hosts.items() if s.down is not None}

    def close(self, *, cancel: bool = False) -> None:
        with self._cond:
            self._closed = True
            if cancel:
                dropped = [job for s in self._hosts.values() for job in s.queue]
                for state in self._hosts.values():
                    state.queue.clear()
                self._order.clear()
            else:
                dropped = []
            self._cond.notify_all()
        for job in dropped:
            job.future.cancel()
        if not cancel:
            for thread in self._threads:
                thread.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(cancel=exc_type is not None)

    # scheduling -----------------------------------------------------------------------------
    def _grow(self) -> None:
        """A new thread while there is queued work and no idle thread (under the lock)."""
        if self._idle == 0 and len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, name="reader-fetch", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _take(self) -> tuple[str, _Job] | None:
        """The next job of a host that may be asked now; waits; None once closed and empty."""
        limit, delay = max(1, self.politeness.per_host), max(0.0, self.politeness.delay)
        with self._cond:
            while True:
                now = time.monotonic()
                earliest = None
                for _ in range(len(self._order)):
                    host = self._order[0]
                    self._order.rotate(-1)
                    state = self._hosts[host]
                    if state.active >= limit:
                        continue
                    if state.next_at > now:
                        earliest = min(earliest or state.next_at, state.next_at)
                        continue
                    job = state.queue.popleft()
                    if not state.queue:
                        self._order.remove(host)
                    state.active += 1
                    state.next_at = now + delay
                    return host, job
                if self._closed and not self._order:
                    return None
                self._idle += 1
                try:
                    self._cond.wait(None if earliest is None else max(0.001, earliest - now))
                finally:
                    self._idle -= 1

    def _work(self) -> None:
        while (taken := self._take()) is not None:
            host, job = taken
            outcome: Response | FetchError | None
            retry_in: float | None = None
            try:
                outcome = self._request(job)
            except _Retry as retry:
                outcome, retry_in = retry.error, retry.wait
            except FetchError as exc:
                outcome = exc
            except Exception as exc:  # noqa: BLE001 - one URL's surprise must not stop the rest
                outcome = FetchError(job.url, f"cannot be fetched ({type(exc).__name__}: {exc})")
            dropped: list[_Job] = []
            with self._cond:
                state = self._hosts[host]
                state.active -= 1
                if isinstance(outcome, FetchError) and outcome.host_down:
                    state.down = outcome.reason
                    dropped = list(state.queue)
                    state.queue.clear()
                    if host in self._order:
                        self._order.remove(host)
                elif retry_in is not None and not self._closed:
                    job.attempt += 1
                    state.next_at = max(state.next_at, time.monotonic() + retry_in)
                    if not state.queue:
                        self._order.append(host)
                    state.queue.appendleft(job)
                    outcome = None
                self._cond.notify_all()
            if outcome is not None:
                self._settle(job, outcome)
            for other in dropped:
                self._settle(other, FetchError(other.url, state.down or "", host_down=True))

    def _settle(self, job: _Job, outcome: Response | FetchError) -> None:
        if job.future.cancelled():
            return
        if isinstance(outcome, FetchError):
            job.future.set_exception(outcome)
        else:
            job.future.set_result(outcome)
        if job.callback is not None:
            try:
                job.callback(job.url, outcome)
            except Exception as exc:  # noqa: BLE001 - a caller's bug must not kill a fetch thread
                import sys

                sys.stderr.write(f"reader: internal error after fetching ({type(exc).__name__})\n")

    # one request ----------------------------------------------------------------------------
    def _open(self):
        if self._opener is None:
            self._opener = urllib.request.build_opener(_Redirects())
        return self._opener

    def _request(self, job: _Job) -> Response:
        import urllib.error

        polite = self.politeness
        request = urllib.request.Request(job.url, headers=job.headers)
        started = time.monotonic()
        try:
            answer = self._open().open(request, timeout=polite.timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
                if exc.code == 304:
                    return Response(exc.geturl() or job.url, 304, headers)
                reason = f"HTTP {exc.code} {exc.reason or ''}".strip()
                if (exc.code == 429 or exc.code >= 500) and job.attempt < polite.retries:
                    wait = _retry_after(headers.get("retry-after"))
                    if wait is None:
                        wait = polite.backoff * (2**job.attempt)
                    if wait > polite.max_wait:
                        raise FetchError(
                            job.url,
                            f"{reason} (asked to retry after {wait:.0f} s, longer than the "
                            f"{polite.max_wait:.0f} s wait limit)",
                            status=exc.code,
                        ) from None
                    raise _Retry(FetchError(job.url, reason, status=exc.code), wait) from None
                raise FetchError(job.url, reason, status=exc.code) from None
        except urllib.error.URLError as exc:  # could not connect or send: the host is down
            raise FetchError(job.url, _why(exc.reason, polite.timeout), host_down=True) from None
        except TimeoutError:
            raise FetchError(job.url, f"timed out after {polite.timeout:g} s") from None
        except OSError as exc:
            raise FetchError(job.url, _why(exc, polite.timeout)) from None
        with answer:
            headers = {k.lower(): v for k, v in answer.headers.items()}
            final = answer.geturl() or job.url
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > polite.max_bytes:
                raise FetchError(job.url, _too_big(polite.max_bytes))
            body = _read_body(
                answer, headers, polite.max_bytes, started + polite.timeout, job.url, polite
            )
            return Response(final, answer.status, headers, body)


class _Retry(Exception):
    def __init__(self, error: FetchError, wait: float) -> None:
        self.error, self.wait = error, wait


def _read_body(answer, headers, limit: int, deadline: float, url: str, polite) -> bytes:
    import zlib

    gzipped = headers.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {polite.timeout:g} s (body too slow)")
            chunk = answer.read1(CHUNK)  # what has arrived: the deadline is checked often
            if not chunk:
                break
            if inflate is not None:
                chunk = inflate.decompress(chunk, limit + 1 - size)
                if inflate.unconsumed_tail:
                    raise FetchError(url, _too_big(limit))
            size += len(chunk)
            if size > limit:
                raise FetchError(url, _too_big(limit))
            parts.append(chunk)
        if inflate is not None:
            parts.append(inflate.flush())
    except TimeoutError:
        raise FetchError(url, f"timed out after {polite.timeout:g} s") from None
    except zlib.error:
        raise FetchError(url, "the gzip body is damaged") from None
    except OSError as exc:
        raise FetchError(url, _why(exc, polite.timeout)) from None
    except Exception as exc:  # http.client.IncompleteRead and friends
        if isinstance(exc, FetchError):
            raise
        raise FetchError(url, f"the answer broke off ({type(exc).__name__})") from None
    return b"".join(parts)


def _too_big(limit: int) -> str:
    if limit >= 10 * 1024:
        return f"too large (over {round(limit / (1024 * 1024), 2):g} MB)"
    return f"too large (over {limit:,} bytes)"


def _why(reason, timeout: float) -> str:
    """One line for a network failure."""
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found (no network, or no such host)"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, OSError):
        return (reason.strerror or str(reason) or type(reason).__name__).lower()
    return str(reason) or "cannot connect"


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date (seconds from now)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    import datetime as dt

    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed (up to 10), but only to http(s)."""

    max_redirections = 10

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        import urllib.error

        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-http URL", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
