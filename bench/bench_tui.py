"""TUI speed and memory, each figure beside a baseline measured in the same run.

    python bench/bench_tui.py [--articles 100000] [--runs 3]

- cold start to the painted library (a subprocess each, from spawn to the first painted screen:
  interpreter, imports, library load, paint; the exit is not counted):
  a minimal Textual app, reader on 100 articles, reader on N articles;
- peak memory (ru_maxrss) of those processes;
- opening a 5,000- and a 50,000-word article, key to paint, beside a key that does nothing;
- a moving key (j, n, PageDown) repaint, median, beside the same no-op key;
- a filter keystroke on N articles, median.

Libraries are built in a temp dir through the real Library API: big ones through the index's
bulk transaction (rows only: the table never reads bodies), the long articles through add().
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORDS = [
    "nato",
    "russland",
    "regierung",
    "minister",
    "kanzler",
    "bericht",
    "streit",
    "gipfel",
    "klima",
    "energie",
    "wahl",
    "council",
    "treaty",
    "vote",
    "tariff",
    "strike",
    "union",
    "budget",
    "court",
    "police",
    "health",
    "market",
]
NAMES = [
    "Jens Stoltenberg",
    "Olaf Scholz",
    "Karen Holloway",
    "Amina Diallo",
    "Tomás Riveiro",
    "IG Metall",
    "Bundesrat",
    "WHO",
    "European Commission",
    "Russia",
    "China",
    "France",
]
SOURCES = ["Tagesbote", "Meridian News", "Hansepost", "The Daily Ledger", "SNA", "Courier"]

CHILD = r"""
import sys, time
kind, lib, spawned = sys.argv[1], sys.argv[2], float(sys.argv[3])
if kind == "minimal":
    from textual.app import App
    from textual.widgets import Footer, Static
    class Minimal(App):
        def compose(self):
            yield Static("hello")
            yield Footer()
    app = Minimal()
else:
    from reader.app import make_app
    app = make_app(lib, poll_interval=0)
painted = []
original_display = app._display
def display(screen, renderable):  # the first frame of the first real screen
    original_display(screen, renderable)
    if kind == "minimal" or type(screen).__name__ == "LibraryScreen":
        painted.append(time.time())
app._display = display
async def auto(pilot):
    await pilot.pause()
    await pilot.pause()
    await pilot.pause(0.2)
    pilot.app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=auto)
print(painted[0] - spawned)  # from spawning the process to the painted first screen
# peak RSS of this process image (ru_maxrss would include the parent's peak before exec)
with open("/proc/self/status") as status:
    print(next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")))
"""


def build_rows(root: Path, count: int) -> None:
    """``count`` synthetic articles in the index (no bodies), via the index transaction."""
    from reader.library.models import ArticleMeta
    from reader.library.store import Library

    rnd = random.Random(count)
    library = Library(root, create=True)
    with library.index.transaction() as txn:
        for i in range(count):
            title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 10))).capitalize()
            txn.put(
                ArticleMeta(
                    id=f"{i:08x}",
                    sha256=f"{i:064x}",
                    title=title,
                    date=f"20{rnd.randint(10, 24)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                    source=rnd.choice(SOURCES),
                    url=None,
                    lang=rnd.choice(["de", "en"]),
                    format="txt",
                    file=f"a{i}.txt",
                    added="2024-01-01T00:00:00",
                    content_key=f"k{i}",
                    words=rnd.randint(200, 2000),
                    quotes=rnd.randint(0, 30),
                    actors=rnd.sample(NAMES, 3),
                )
            )


def long_text(words: int, seed: int) -> str:
    rnd = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rnd.randint(3, 6)):
            body = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 18)))
            if rnd.random() < 0.3:
                sentences.append(f"„{body.capitalize()}“, sagte {rnd.choice(NAMES)}.")
            else:
                sentences.append(body.capitalize() + ".")
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def cold_start(kind: str, lib: Path, runs: int) -> tuple[float, int]:
    """Median seconds from spawning the process to its painted first screen; peak RSS (KB)."""
    times, rss = [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(lib), repr(time.time())],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        lines = out.stdout.strip().splitlines()
        times.append(float(lines[-2]))
        rss = max(rss, int(lines[-1]))
    return statistics.median(times), rss


def watch_paints(app) -> list[float]:
    """Timestamps of every frame the app sends to its (headless) terminal."""
    paints: list[float] = []
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        paints.append(time.perf_counter())

    app._display = display
    return paints


async def key_to_paint(pilot, paints: list[float], key: str) -> float:
    """From the key reaching the app to the first frame painted after it (0 if none)."""
    from textual import events

    await pilot.pause()
    before = len(paints)
    char = key if len(key) == 1 else None
    t0 = time.perf_counter()
    pilot.app._driver.send_message(events.Key(key, char))
    await pilot.pause()
    await pilot.pause(0.05)
    return (paints[before] - t0) if len(paints) > before else 0.0


async def timed_keys(pilot, paints: list[float], keys: list[str]) -> list[float]:
    return [await key_to_paint(pilot, paints, key) for key in keys]


async def in_app(open_lib: Path, big_lib: Path) -> dict[str, float]:
    from reader.app import make_app
    from reader.widgets.article_table import ArticleTable

    result: dict[str, float] = {}
    app = make_app(open_lib, poll_interval=0)
    paints = watch_paints(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # baseline: a key that only moves the table cursor (one row repaint)
        result["noop key"] = statistics.median(await timed_keys(pilot, paints, ["j", "k"] * 5))
        table = app.screen.query_one(ArticleTable)
        for label in ("5,000 words", "50,000 words"):
            row = next(r for r in table.rows if r.title.startswith(label))
            table.cursor = table.rows.index(row)
            result[f"open {label}"] = await key_to_paint(pilot, paints, "enter")
            if label == "50,000 words":
                for key in ("j", "n", "pagedown"):
                    result[f"key {key}"] = statistics.median(
                        await timed_keys(pilot, paints, [key] * 20)
                    )
            await pilot.press("q")
            await pilot.pause()
    app = make_app(big_lib, poll_interval=0)
    paints = watch_paints(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        result["big noop key"] = statistics.median(await timed_keys(pilot, paints, ["j", "k"] * 5))
        await pilot.press("slash")
        await pilot.pause()
        result["filter keystroke"] = statistics.median(
            await timed_keys(pilot, paints, list("natoru"))
        )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from reader.importing.models import ParsedArticle
    from reader.library.store import Library

    with tempfile.TemporaryDirectory() as tmp:
        small, big, opening = Path(tmp, "small"), Path(tmp, "big"), Path(tmp, "open")
        t0 = time.perf_counter()
        build_rows(small, 100)
        build_rows(big, args.articles)
        library = Library(opening, create=True)
        for words in (5_000, 50_000):
            text = long_text(words, words)
            library.add(
                ParsedArticle(text=text, title=f"{words:,} words", lang="de"),
                text.encode(),
                f"long{words}.txt",
            )
        print(f"(libraries built in {time.perf_counter() - t0:.1f} s)")

        minimal, minimal_rss = cold_start("minimal", small, args.runs)
        start100, rss100 = cold_start("reader", small, args.runs)
        start_big, rss_big = cold_start("reader", big, args.runs)
        n = f"{args.articles:,}"
        print(f"cold start, minimal Textual app      {minimal * 1000:7.0f} ms")
        print(
            f"cold start, reader, 100 articles     {start100 * 1000:7.0f} ms  "
            f"= {start100 / minimal:.2f}x minimal (target <= 1.5x)"
        )
        print(
            f"cold start, reader, {n} articles {start_big * 1000:7.0f} ms  "
            f"= {start_big / start100:.2f}x the 100-article start (target <= 2x)"
        )
        print(f"peak memory, minimal app             {minimal_rss / 1024:7.0f} MB")
        print(
            f"peak memory, reader, {n} articles {rss_big / 1024:6.0f} MB  "
            f"(+{(rss_big - minimal_rss) / 1024:.0f} MB; target <= 300 MB)"
        )
        print(f"peak memory, reader, 100 articles    {rss100 / 1024:7.0f} MB")

        r = asyncio.run(in_app(opening, big))
        base = r["noop key"] * 1000
        print(f"table cursor key (baseline)          {base:7.1f} ms")
        print(
            f"open 5,000-word article, key->paint  {r['open 5,000 words'] * 1000:7.1f} ms"
            "  (target <= 50 ms)"
        )
        print(
            f"open 50,000-word article, key->paint {r['open 50,000 words'] * 1000:7.1f} ms"
            "  (target <= 200 ms)"
        )
        for key in ("j", "n", "pagedown"):
            print(
                f"moving key {key:<9} median repaint   {r[f'key {key}'] * 1000:7.1f} ms"
                "  (target <= 16 ms)"
            )
        print(f"table cursor key, {n} rows      {r['big noop key'] * 1000:6.1f} ms")
        print(
            f"filter keystroke, {n} articles  {r['filter keystroke'] * 1000:7.1f} ms"
            "  (target <= 50 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
