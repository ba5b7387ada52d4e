"""Feed update speed and memory, beside the bare download time of the same URLs, one run.

    python bench/bench_feeds.py [--feeds 50] [--entries 20] [--big 200] [--skip-rss]

Each feed and its pages (about 5 KB of text each, generated here) are served by their own
HTTP server on 127.0.0.1, each on its own port, so every feed is its own host (host:port) and
the per-host politeness limits apply as they would to 50 outlets. Nothing leaves this machine.

1. bare download: every feed and page URL fetched with no politeness (no delay, 8 at once per
   host), nothing parsed or stored: what the network part alone costs;
2. ``reader feed update`` (a subprocess, default politeness: 2 per host, 0.5 s apart) into an
   empty library: target <= 30 s for 50 x 20;
3. the same update again, every feed answering 304: target <= 2 s;
4. peak RSS of ``reader feed update`` fetching FEEDS x BIG entries (10,000) beside FEEDS x
   ENTRIES (1,000), each into an empty library, same settings (``--delay 0.05`` for both, so
   the big run takes minutes, not an hour): target <= 1.2x.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORDS = (
    "harbour council minister plan budget ferry union strike vote report court ruling city "
    "river bridge school hospital election party leader police market energy price water "
    "village farmers drought aid company workers contract talks agreement border trade"
).split()
NAMES = ["Anna Berg", "Jonas Weber", "Maria Keller", "Peter Lang", "Sofia Brandt", "Tom Riedel"]


def page_text(rng: random.Random, feed: int, entry: int) -> str:
    """About 5 KB: paragraphs of made-up news sentences, unique to (feed, entry)."""
    paragraphs = []
    size = 0
    n = 0
    while size < 5000:
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
        marker = f"f{feed}e{entry}s{n}"
        if n % 3 == 0:
            sentence = f'"The {" ".join(words[:6])} {marker} must go on," said {rng.choice(NAMES)}.'
        else:
            sentence = " ".join(words).capitalize() + f" {marker}."
        paragraphs.append(sentence)
        size += len(sentence) + 2
        n += 1
    return "\n\n".join(paragraphs)


class Site:
    """One outlet: /feed.xml (ETag, 304 on a match) and /p/N.html, on its own port."""

    def __init__(self, number: int, entries: int, seed: int) -> None:
        self.number, self.entries, self.seed = number, entries, seed
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                body, ctype = site.answer(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                etag = f'"feed-{site.number}-{site.entries}"'
                if self.path == "/feed.xml" and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if self.path == "/feed.xml":
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, path: str) -> tuple[bytes | None, str]:
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>Story {self.number}-{i}</title><link>{self.base}/p/{i}.html</link>"
                f"<guid isPermaLink='false'>s{self.number}-{i}</guid>"
                f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
                f"<description>Teaser {self.number}-{i}.</description></item>"
                for i in range(self.entries)
            )
            rss = (
                f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Outlet {self.number}</title><link>{self.base}/</link>{items}</channel></rss>"
            )
            return rss.encode(), "application/rss+xml"
        if path.startswith("/p/") and path.endswith(".html"):
            entry = int(path[3:-5])
            rng = random.Random(self.seed * 1_000_003 + self.number * 10_007 + entry)
            text = page_text(rng, self.number, entry)
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            html = (
                f"<!doctype html><html><head><meta charset='utf-8'><title>Story {self.number}-"
                f"{entry}</title></head><body><article><h1>Story {self.number}-{entry}</h1>"
                f"{paras}</article></body></html>"
            )
            return html.encode(), "text/html; charset=utf-8"
        return None, ""

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def sites_for(feeds: int, entries: int, seed: int) -> list[Site]:
    return [Site(n, entries, seed) for n in range(feeds)]


def bare_download(sites: list[Site]) -> tuple[float, int]:
    from reader.fetching.http import Fetcher, Politeness

    urls = []
    for site in sites:
        urls.append(site.base + "/feed.xml")
        urls += [f"{site.base}/p/{i}.html" for i in range(site.entries)]
    started = time.perf_counter()
    total = 0
    with Fetcher(Politeness(per_host=8, delay=0.0, retries=0), workers=32) as fetcher:
        for future in [fetcher.submit(u) for u in urls]:
            total += len(future.result().body)
    return time.perf_counter() - started, total


def run_measured(library: Path, *extra: str) -> tuple[float, int, float, str]:
    """(seconds, articles imported, peak RSS in MB of the process, stderr): the peak RSS is
    the child's own (os.wait4), not that of its parse and analysis workers (their largest
    peak is sampled from /proc: ``run_measured.worker_rss``)."""
    env = dict(os.environ, READER_HOME=str(library), PYTHONPATH=str(REPO))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "feed", "update", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        chunks[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=("out", proc.stdout)),
        threading.Thread(target=drain, args=("err", proc.stderr)),
    ]
    for reader in readers:
        reader.start()
    cpu = CpuWatch(proc.pid)
    _pid, status, usage = os.wait4(proc.pid, 0)
    cpu.stop()
    elapsed = time.perf_counter() - started
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = chunks["out"].decode("utf-8", "replace")
    err = chunks["err"].decode("utf-8", "replace")
    if proc.returncode != 0:
        print(f"  (exit {proc.returncode}) {err.strip()[:300]}")
    imported = sum(1 for line in out.splitlines() if line.startswith("imported "))
    run_measured.cpu = cpu.seconds()
    run_measured.worker_rss = max(cpu.hwm.values(), default=0.0)
    return elapsed, imported, usage.ru_maxrss / 1024, err


class CpuWatch:
    """CPU seconds (user + system) of a process and every process under it (the parse and
    analysis workers), read from /proc every 0.2 s: the machine's load does not change it."""

    def __init__(self, pid: int) -> None:
        self.root = pid
        self.seen: dict[int, float] = {}
        self.hwm: dict[int, float] = {}  # peak RSS (VmHWM) in MB of each process under it
        self.done = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.wait(0.2):
            self._sample()

    def _sample(self) -> None:
        stats = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / self.tick)
        family = {self.root}
        grew = True
        while grew:
            grew = False
            for pid, (parent, _cpu) in stats.items():
                if parent in family and pid not in family:
                    family.add(pid)
                    grew = True
        for pid in family:
            if pid in stats:
                self.seen[pid] = max(self.seen.get(pid, 0.0), stats[pid][1])
            if pid != self.root:
                try:
                    with open(f"/proc/{pid}/status", "rb") as fh:
                        for line in fh:
                            if line.startswith(b"VmHWM:"):
                                mb = int(line.split()[1]) / 1024
                                self.hwm[pid] = max(self.hwm.get(pid, 0.0), mb)
                except OSError:
                    continue

    def stop(self) -> None:
        self.done.set()
        self.thread.join()

    def seconds(self) -> float:
        return sum(self.seen.values())


def subscribe(library: Path, sites: list[Site]) -> None:
    from reader.library.feeds import FeedStore

    store = FeedStore(library)
    for site in sites:
        store.add(site.base + "/feed.xml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--big", type=int, default=200, help="entries per feed for the RSS run")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--only-rss", action="store_true", help="only the peak RSS runs")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    try:
        sites = [] if args.only_rss else sites_for(args.feeds, args.entries, args.seed)
        n = args.feeds * args.entries
        if args.only_rss:
            return rss_runs(args, work)
        bare, size = bare_download(sites)
        print(
            f"bare download of {args.feeds} feeds + {n} pages ({size / 1e6:.1f} MB), "
            f"no politeness: {bare:.2f} s"
        )
        library = work / "lib"
        subscribe(library, sites)
        load = os.getloadavg()[0]
        first, imported, rss, err = run_measured(library)
        cpu = run_measured.cpu
        errors = [line for line in err.splitlines() if line.startswith("error ")]
        floor = args.entries * 0.5  # a feed and its pages: one host, starts 0.5 s apart
        print(
            f"reader feed update, {args.feeds} feeds x {args.entries} entries, politeness on "
            f"(2 per host, 0.5 s apart): {first:.2f} s, {imported} imported, {len(errors)} "
            f"errors, peak RSS {rss:.0f} MB  (target <= 30 s; load average {load:.1f} on "
            f"{os.cpu_count()} cores)"
        )
        print(
            f"  CPU time of the update and its workers: {cpu:.1f} s; politeness alone needs "
            f">= {floor:.1f} s; so on {os.cpu_count()} otherwise idle cores about "
            f"{max(floor, cpu / (os.cpu_count() or 1)):.1f} s"
        )
        second, again, _rss, _err = run_measured(library)
        print(
            f"second update, nothing new (304s): {second:.2f} s, {again} imported  (target <= 2 s)"
        )
        for site in sites:
            site.close()
        if args.skip_rss:
            return 0
        return rss_runs(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rss_runs(args, work: Path) -> int:
    """Peak RSS of an update fetching FEEDS x ENTRIES and FEEDS x BIG entries."""
    results = {}
    for entries in (args.entries, args.big):
        sites = sites_for(args.feeds, entries, args.seed + entries)
        library = work / f"rss-{entries}"
        subscribe(library, sites)
        seconds, imported, rss, _err = run_measured(library, "--delay", "0.05")
        results[entries] = rss
        print(
            f"peak RSS, {args.feeds * entries} entries fetched (--delay 0.05): {rss:.0f} MB "
            f"({imported} imported in {seconds:.1f} s; its largest worker process: "
            f"{run_measured.worker_rss:.0f} MB)"
        )
        for site in sites:
            site.close()
    small, big = results[args.entries], results[args.big]
    print(
        f"peak RSS {args.feeds * args.big} vs {args.feeds * args.entries} entries: "
        f"{big / small:.2f}x  (target <= 1.2x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
