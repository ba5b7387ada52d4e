"""The data out at scale (issue 13), each figure beside a baseline measured in the same run.

    python bench/bench_quotes_table.py [--articles 10000] [--runs 3]

- ``reader quotes --format csv -o FILE`` over N articles with current analysis caches (a fresh
  process each run, wall time), beside a process that only reads and parses the same N
  ``analysis.json`` files (the floor: every quote row comes from one of them); its peak memory
  beside the same command on a tenth of the articles (rows are streamed: memory must not grow
  with the library);
- ``reader stats --format json``, the first time (no counts cache) and again (cache current);
- the statistics screen (S in the library) at N articles: key to the painted numbers (the figures
  counts cache current and without it, beside the key to the painted "All notes" screen (a) in
  the same app.

The library is built in a temp dir: the 10 bundled samples and the 60 articles of
``bench/data/en_written.jsonl`` are imported through the real import (so their analysis caches
are the analyzer's own); N index rows then point to copies of those 70 articles' folders (text
and analysis), with dates over three years and six outlets; 1 % of the articles get a
correction and one library-wide actor merge is made, through the real correction API.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SOURCES = ["Tagesbote", "Meridian News", "Hansepost", "The Daily Ledger", "Courier", "SNA"]

FLOOR = r"""
import sys, time
from pathlib import Path
from reader.library.analysis_cache import unsealed_cache
root = Path(sys.argv[1])
t0 = time.perf_counter()
rows = 0
for path in sorted((root / "articles").glob("*/*/analysis.json")):
    # (compact and sealed: read against the text beside it, as reader reads it)
    data = unsealed_cache(path.read_bytes(), (path.parent / "text.txt").read_bytes())
    rows += len(data["quotes"])
print(time.perf_counter() - t0, rows)
"""


def build(root: Path, count: int) -> list[str]:
    """The library described in the module doc; returns its article ids."""
    from reader.library.ingest import import_paths
    from reader.library.store import Library

    template = root.parent / "template"
    library = Library(template, create=True)
    import_paths(library, [REPO / "bench" / "data" / "en_written.jsonl"], samples=True)
    models = [library.get(i) for i in library.ids()]
    rnd = random.Random(count)
    target = Library(root, create=True)
    ids = []
    with target.index.transaction() as txn:
        for i in range(count):
            model = models[i % len(models)]
            article_id = f"{i:08x}"
            src = library.article_dir(model.id)
            dst = target.article_dir(article_id)
            dst.mkdir(parents=True)
            for name in ("text.txt", "analysis.json"):
                shutil.copyfile(src / name, dst / name)
            (dst / "original.txt").write_bytes(b"")
            year, month = rnd.randint(2022, 2024), rnd.randint(1, 12)
            txn.put(
                replace(
                    model,
                    id=article_id,
                    sha256=f"{i:064x}",
                    date=f"{year}-{month:02d}-{rnd.randint(1, 28):02d}",
                    source=rnd.choice(SOURCES),
                    file=f"a{i}.txt",
                    content_key=f"k{i}",
                )
            )
            ids.append(article_id)
    return ids


def correct_some(root: Path, ids: list[str]) -> int:
    """A correction in 1 % of the articles and one library-wide merge, through the real API."""
    from reader.library import correct
    from reader.library.datasets import quote_rows
    from reader.library.store import Library

    library = Library(root)
    done = 0
    for article in ids[::100]:
        rows = list(quote_rows(library, [article]))
        if rows:
            correct.set_quote(library, rows[0]["quote"], speaker="A Corrected Speaker")
            done += 1
    names = correct.library_actor_names(library)
    people = sorted(names)[:2]
    if len(people) == 2:
        correct.merge_actors(library, None, people[0], people[1])
    return done


def run_cli(root: Path, *args: str) -> tuple[float, int, str, float]:
    """Wall seconds of one `reader` process, its peak memory (KB), its stdout, its CPU seconds."""
    child = (
        "import sys, time\n"
        "t0 = time.perf_counter()\n"
        "from reader.__main__ import main\n"
        "code = main(sys.argv[1:])\n"
        "sys.stdout.flush()\n"
        "with open('/proc/self/status') as f:\n"
        "    rss = next(int(l.split()[1]) for l in f if l.startswith('VmHWM:'))\n"
        "cpu = time.process_time()\n"
        "print(f'\\n@@ {time.perf_counter() - t0} {rss} {code} {cpu}', file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", child, "--library", str(root), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    marker = out.stderr.strip().splitlines()[-1].split()
    assert marker[0] == "@@" and marker[3] == "0", out.stderr
    return float(marker[1]), int(marker[2]), out.stdout, float(marker[4])


def floor(root: Path) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", FLOOR, str(root)], capture_output=True, text=True, check=True
    )
    seconds, rows = out.stdout.split()
    return float(seconds), int(rows)


async def screen_times(root: Path, runs: int) -> dict[str, list[float]]:
    """Key to the first frame with the statistics screen's numbers (the figures of its last
    visit current), until every article was checked, and with no cache at all; key to the first
    frame of the All notes screen. One app; frames are timed as they are sent to the (headless)
    terminal, as bench_tui.py does."""
    from textual import events

    from reader.app import make_app
    from reader.library.quote_counts import CACHE_NAME, STATS_NAME
    from reader.library.store import Library
    from reader.screens.annotations import AnnotationsScreen
    from reader.screens.stats import StatsScreen

    folder = Library(root).cache_dir
    app = make_app(root, poll_interval=0)
    paints: list[float] = []
    original = app._display

    def display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        original(screen, renderable)
        paints.append(time.perf_counter())

    app._display = display  # type: ignore[method-assign]
    times: dict[str, list[float]] = {"shown": [], "checked": [], "cold": [], "notes": []}

    async def key(char: str, ready) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        """Seconds from the key to the first frame after ``ready()``, and to ``ready()``."""
        await asyncio.sleep(0.05)
        t0 = time.perf_counter()
        app._driver.send_message(events.Key(char, char))  # type: ignore[union-attr]
        while not ready():
            await asyncio.sleep(0.001)
        at = time.perf_counter()
        while not paints or paints[-1] < at:
            await asyncio.sleep(0.001)
        first = next(p for p in paints if p >= at)
        return first - t0, at - t0

    def stats_shown() -> bool:
        return isinstance(app.screen, StatsScreen) and app.screen.results is not None

    def stats_checked() -> bool:
        return isinstance(app.screen, StatsScreen) and app.screen.checked

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def stats(kind: str) -> None:
            if kind == "cold":
                for name in (CACHE_NAME, STATS_NAME):
                    (folder / name).unlink(missing_ok=True)
            shown, _ = await key("S", stats_shown)
            t0 = time.perf_counter() - shown
            while not stats_checked():
                await asyncio.sleep(0.005)
            checked = time.perf_counter() - t0
            if kind == "cold":
                times["cold"].append(checked)
            else:
                times["shown"].append(shown)
                times["checked"].append(checked)
            await pilot.press("escape")
            await pilot.pause()

        await stats("warm")  # the first one builds the caches (not counted)
        times["shown"].clear()
        times["checked"].clear()
        for _ in range(runs):
            await stats("warm")
        for _ in range(runs):
            await stats("cold")
        for _ in range(runs):
            shown, _ = await key("a", lambda: isinstance(app.screen, AnnotationsScreen))
            times["notes"].append(shown)
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["READER_CACHE"] = str(Path(tmp) / "cache")
        from reader.library.quote_counts import CACHE_NAME, STATS_NAME
        from reader.library.store import Library

        base = Path(tmp)
        small_root, root = base / "small" / "lib", base / "big" / "lib"
        t0 = time.perf_counter()
        small_ids = build(small_root, max(1, args.articles // 10))
        ids = build(root, args.articles)
        corrected = correct_some(root, ids)
        correct_some(small_root, small_ids)
        print(
            f"built {len(ids)} + {len(small_ids)} articles in {time.perf_counter() - t0:.0f} s;"
            f" {corrected} corrected, one library-wide merge"
        )
        out, small_out = base / "quotes.csv", base / "small.csv"
        floors = [floor(root) for _ in range(args.runs)]
        rows = floors[0][1]
        quotes = [
            run_cli(root, "quotes", "--format", "csv", "-o", str(out)) for _ in range(args.runs)
        ]
        small = [
            run_cli(small_root, "quotes", "--format", "csv", "-o", str(small_out))
            for _ in range(args.runs)
        ]
        with out.open(encoding="utf-8", newline="") as fh:
            written = sum(1 for _ in csv.reader(fh)) - 1
        for name in (CACHE_NAME, STATS_NAME):
            (Library(root).cache_dir / name).unlink(missing_ok=True)
        stats_cold = run_cli(root, "stats", "--format", "json")
        stats_warm = [run_cli(root, "stats", "--format", "json") for _ in range(args.runs)]
        total = json.loads(stats_warm[0][2])["total"]
        screen = asyncio.run(screen_times(root, args.runs))
        load = os.getloadavg()[0]

    def med(values: list[float]) -> float:
        return statistics.median(values)

    def ms(key: str) -> str:
        return f"{med(screen[key]) * 1000:.0f} ms"

    print()
    print(f"| measure ({args.articles:,} articles) | result | baseline / target |")
    print("|---|---|---|")
    print(
        f"| `reader quotes --format csv -o FILE`, {written:,} rows (wall, fresh process) | "
        f"{med([q[0] for q in quotes]):.2f} s ({med([q[3] for q in quotes]):.2f} s CPU) | "
        f"read and parse the same {rows:,} quote records: {med([f[0] for f in floors]):.2f} s;"
        f" target <= 10 s |"
    )
    print(
        f"| its peak memory | {max(q[1] for q in quotes) / 1024:.0f} MB | the same on "
        f"{len(small_ids):,} articles: {max(q[1] for q in small) / 1024:.0f} MB |"
    )
    print(
        f"| `reader stats --format json`, counts cache current | "
        f"{med([s[0] for s in stats_warm]):.2f} s | first run (no cache): {stats_cold[0]:.2f} s |"
    )
    print(
        f"| statistics screen (S), key to painted numbers | {ms('shown')} | "
        f"All notes screen (a), key to paint: {ms('notes')}; target <= 300 ms |"
    )
    print(f"| the same, until every article is checked (in a worker) | {ms('checked')} | |")
    print(f"| statistics screen, no cache at all (every analysis read) | {ms('cold')} | |")
    print()
    print(
        f"({total['quotes']:,} top-level quotations in {total['articles']:,} articles;"
        f" load average {load:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
