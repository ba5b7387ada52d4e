"""The TUI's cold start and memory on an EXISTING library (bench_tui.py builds its own, which
at 1,000,000 articles would take long), each beside a baseline from the same run.

    READER_CACHE=/tmp/scale1m/cache python bench/bench_tui_lib.py /tmp/scale1m/lib-1000000

- cold start to the painted library screen (bench_tui.py's child: a new process each, from
  spawn to the first painted frame of the library screen, whose rows are loaded on mount):
  a minimal Textual app, reader on 100 articles (built here, rows only), reader on LIB;
- CPU (user + sys) of those processes, median (the load distorts wall time);
- their peak RSS (VmHWM);
- with ``--keys`` (on LIB and each ``--compare`` library, a process each): key to paint for a
  cursor key, PageDown and G (scrolling), each filter keystroke of "natoru" (to the first
  paint after it, and to the whole result), `s` (sort by the next column, to the sorted rows),
  and the process's memory after all that (VmRSS, VmHWM).

Set READER_CACHE as the library's builder did (bench_scale.py: WORK/cache) so its derived
caches are found rather than rebuilt.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_tui import CHILD, build_rows  # noqa: E402

KEYS_CHILD = r"""
import asyncio, json, statistics, sys, time
sys.path.insert(0, "bench")
from bench_tui import key_to_paint, watch_paints
from reader.app import make_app


def memory():
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if line[:2] == "Vm")
    return {k: int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


async def idle(screen):
    while getattr(screen, "_jobs", None):  # work the library screen does in slices
        await asyncio.sleep(0.005)


async def until_done(pilot, screen, paints, key):
    t0 = time.perf_counter()
    first = await key_to_paint(pilot, paints, key)
    await idle(screen)
    return first, time.perf_counter() - t0


async def main():
    app = make_app(sys.argv[1], poll_interval=0)
    paints = watch_paints(app)
    out = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.4)
        screen = pilot.app.screen
        await idle(screen)
        out["after start"] = memory()
        for key in ("j", "pagedown", "G", "g"):
            out[key] = statistics.median(
                [await key_to_paint(pilot, paints, key) for _ in range(5 if key in "gG" else 10)]
            )
        await pilot.press("slash")
        await pilot.pause()
        filters = [await until_done(pilot, screen, paints, k) for k in "natoru"]
        out["filter paint"] = statistics.median(f for f, _ in filters)
        out["filter done"] = statistics.median(d for _, d in filters)
        out["filter slowest"] = max(d for _, d in filters)
        out["after filter"] = memory()
        await pilot.press("escape")
        await pilot.pause()
        await idle(screen)
        out["sort"] = (await until_done(pilot, screen, paints, "s"))[1]
        out["after sort"] = memory()
        await pilot.press("r", "s", "s", "s", "s", "s", "s")  # back to date, newest first
        await idle(screen)
    print(json.dumps(out))


asyncio.run(main())
"""


def cold(kind: str, lib: Path, runs: int) -> tuple[list[float], list[float], int]:
    """Wall seconds to the painted first screen and CPU seconds, per run; peak RSS (KB)."""
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(lib), repr(time.time())],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = out.stdout.strip().splitlines()
        walls.append(float(lines[-2]))
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rss = max(rss, int(lines[-1]))
    return walls, cpus, rss


def keys(lib: Path) -> None:
    """Key to paint (ms) in the app on ``lib`` and its memory, in a process of its own."""
    import json

    out = subprocess.run(
        [sys.executable, "-c", KEYS_CHILD, str(lib)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    ms = {k: f"{v * 1000:.1f}" for k, v in r.items() if isinstance(v, float)}
    print(
        f"{lib}: key to paint j {ms['j']} / PageDown {ms['pagedown']} / G {ms['G']} / "
        f"g {ms['g']} ms; filter keystroke to paint {ms['filter paint']} ms, to the whole "
        f"result {ms['filter done']} ms (slowest {ms['filter slowest']}); s (sort) to the "
        f"sorted rows {ms['sort']} ms",
        flush=True,
    )
    print(
        "  memory (VmRSS / VmHWM): "
        + "; ".join(
            f"{k} {r[k]['VmRSS']:.0f} / {r[k]['VmHWM']:.0f} MB"
            for k in ("after start", "after filter", "after sort")
        ),
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", action="store_true", help="also time keys in the app")
    parser.add_argument("--compare", type=Path, action="append", default=[])
    args = parser.parse_args()
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp, "small")
        build_rows(small, 100)
        results = {}
        for label, kind, lib in (
            ("minimal Textual app", "minimal", small),
            ("reader, 100 articles", "reader", small),
            (f"reader, {args.library}", "reader", args.library),
        ):
            walls, cpus, rss = cold(kind, lib, args.runs)
            results[label] = (statistics.median(walls), statistics.median(cpus), rss)
            print(
                f"{label:<44} first paint {statistics.median(walls):6.2f} s wall "
                f"(runs: {', '.join(f'{w:.2f}' for w in walls)}), "
                f"CPU {statistics.median(cpus):5.2f} s, peak RSS {rss / 1024:5.0f} MB",
                flush=True,
            )
    (m, mc, _), (s, sc, _), (b, bc, _) = results.values()
    print(f"big / minimal: {b / m:.1f}x wall, {bc / mc:.1f}x CPU (target <= 2x)")
    print(f"big / 100 articles: {b / s:.1f}x wall, {bc / sc:.1f}x CPU (target <= 2x)")
    if args.keys:
        for lib in [*args.compare, args.library]:
            keys(lib)
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
