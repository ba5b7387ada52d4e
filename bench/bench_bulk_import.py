"""Bulk import: articles per second and the peak memory of reader and its workers together,
sampled through the run, beside reading and parsing the same JSONL in this process.

    python bench/bench_bulk_import.py [--articles 100000]

The corpus is bench_cli_import.py's (~300 words an article, German and English, analysis
included), written to a temp folder and removed afterwards. Targets (issue 15): 100,000
articles at >= 500 articles/s, peak RSS of reader and its workers <= 500 MB from start to end.
Also prints the peak RSS at each quarter of the run (a bounded import stays flat).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def tree_rss_mb(pid: int, cpu: dict[int, float] | None = None) -> float:
    """RSS of ``pid`` and every process below it (MB); ``cpu`` gets each one's CPU seconds so
    far (user + system, the latest sample per process)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        ticks[child] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    total, todo = 0, [pid]
    while todo:
        at = todo.pop()
        total += rss.get(at, 0)
        if cpu is not None and at in ticks:
            cpu[at] = ticks[at]
        todo += children.get(at, [])
    return total / 1e6


def main() -> None:
    from bench_cli_import import article

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reader-bulk-"))
    try:
        rng = random.Random(11)
        corpus = work / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for n in range(args.articles):
                fh.write(json.dumps(article(rng, n), ensure_ascii=False) + "\n")
        started = time.perf_counter()
        count = sum(1 for line in corpus.read_bytes().split(b"\n") if line and json.loads(line))
        parse_s = time.perf_counter() - started
        env = dict(os.environ, READER_CACHE=str(work / "cache"))
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "--library", str(work / "lib"), "import", str(corpus)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        samples: list[tuple[float, float]] = []
        cpu: dict[int, float] = {}  # pid -> CPU seconds at its last sample
        while proc.poll() is None:
            samples.append((time.perf_counter() - started, tree_rss_mb(proc.pid, cpu)))
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode != 0:
            raise SystemExit(f"import failed ({proc.returncode}): {stderr[-400:]}")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
        print(f"corpus: {count} articles, {corpus.stat().st_size / 1e6:.0f} MB JSONL")
        print(f"read + parse the JSONL (baseline): {parse_s:.2f} s")
        print(f"reader import: {seconds:.1f} s, {count / seconds:.0f} articles/s (target >= 500)")
        peak = max((mb for _, mb in samples), default=0.0)
        print(f"peak RSS of reader and its workers: {peak:.0f} MB (target <= 500)")
        quarters = []
        for q in range(1, 5):
            upto = [mb for t, mb in samples if t <= seconds * q / 4]
            quarters.append(f"{max(upto, default=0.0):.0f}")
        print("peak RSS by quarter of the run (MB): " + ", ".join(quarters))
        # the figure a loaded machine does not change: CPU per article (reader's own process
        # and its workers: what 2 free CPUs could do at most)
        own = cpu.get(proc.pid, 0.0)
        others = sum(cpu.values()) - own
        each = (own + others) / max(count, 1)
        # bounded by all the CPUs' time, and by reader's own process (one CPU: the GIL)
        ceiling = min((os.cpu_count() or 1) / each, count / max(own, 1e-9))
        print(
            f"CPU (up to the last sample): reader {own:.1f} s + workers {others:.1f} s = "
            f"{each * 1000:.2f} ms an article; with {os.cpu_count()} free CPUs at most "
            f"{ceiling:.0f} articles/s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
