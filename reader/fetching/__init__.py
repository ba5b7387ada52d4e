"""Fetching over HTTP, politely: pure network, never touches the library.

:mod:`reader.fetching.http` is the fetcher (conditional GET, a per-host concurrency limit and
delay, a timeout, a size cap, a clear user agent, retries with backoff on 429/5xx honouring
Retry-After); :mod:`reader.fetching.feeds` turns a feed's bytes into entries (RSS, Atom via
``feedparser``, JSON Feed); :mod:`reader.fetching.opml` reads and writes subscription lists.
"""
