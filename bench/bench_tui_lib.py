"""The TUI's cold start and memory on an EXISTING library (bench_tui.py builds its own, which
at 1,000,000 articles would take long), each beside a baseline from the same run.

    READER_CACHE=/tmp/scale1m/cache python bench/bench_tui_lib.py /tmp/scale1m/lib-1000000

- cold start to the painted library screen (bench_tui.py's child: a new process each, from
  spawn to the first painted frame of the library screen, whose rows are loaded on mount):
  a minimal Textual app, reader on 100 articles (built here, rows only), reader on LIB;
- CPU (user + sys) of those processes, median (the load distorts wall time);
- their peak RSS (VmHWM).

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
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
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
